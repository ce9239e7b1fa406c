"""One array view of a parsed Doc, built once and shared by the rules that read the parse.

spaCy makes a new `Token` object on every access (`doc[i]`, `tok.head`, `tok.children`), and
each string attribute (`dep_`, `lemma_`, `lower_`) is a lookup in the string store: rules that
climb heads and scan children build thousands of Tokens an article. `view(doc)` reads the Doc's
columns once (`Doc.to_array`) into plain Python lists indexed by token position, with the
children of every token and the sentence of every token, so that a rule can walk the tree on
integers and strings and make a Token only of what it returns.

The view is kept beside the Doc (a weak mapping from the Doc to its view, dropped with the Doc),
not in `doc.user_data`, which `Doc.to_bytes` and `DocBin` serialise; no stage keeps it.
"""

from __future__ import annotations

import weakref
from typing import Any

import numpy
from spacy.attrs import (DEP, ENT_IOB, ENT_TYPE, HEAD, IDX, IS_ALPHA, IS_PUNCT, LEMMA, LENGTH, LIKE_NUM, LOWER, ORTH,
                         POS, TAG)

_ATTRS = [LOWER, LEMMA, POS, TAG, DEP, HEAD, ENT_IOB, ENT_TYPE, LIKE_NUM, IS_PUNCT, IDX, LENGTH, ORTH, IS_ALPHA]
_IOB = ("", "I", "O", "B")  # Token.ent_iob_ for the values of ENT_IOB


class DocView:
    """The columns of one Doc as lists indexed by token position (strings as `Token` gives them:
    `lower` is `lower_`, `text` is `text`, `lemma` is `lemma_.lower()`, `dep` is `dep_` ...), the head of every
    token as a position (a root is its own head), its children in order, and its sentence."""

    __slots__ = ("n", "lower", "lemma", "pos", "tag", "dep", "head", "ent_iob", "ent_type", "like_num",
                 "is_punct", "is_alpha", "text", "idx", "length", "kids", "sent_starts", "sent_of", "ids", "memo", "_left", "_right",
                 "_doc", "__weakref__")

    def __init__(self, doc: Any) -> None:
        self._doc = weakref.ref(doc)
        n = self.n = len(doc)
        self.memo: dict[Any, Any] = {}  # what rules derive from the view once per Doc, by their own key
        if not n:
            self.lower = self.lemma = self.pos = self.tag = self.dep = self.ent_iob = self.ent_type = []
            self.head, self.like_num, self.is_punct, self.kids = [], [], [], []
            self.text, self.is_alpha = [], []
            self.idx, self.length, self._left, self._right = [], [], [], []
            self.sent_starts, self.sent_of = [], []
            self.ids = ([], [], [], [], [])
            return
        cols = doc.to_array(_ATTRS).T
        strings = doc.vocab.strings
        lower_ids, lemma_ids, pos_ids, tag_ids, dep_ids = (c.tolist() for c in cols[:5])
        # The string ids as well (LOWER, LEMMA, POS, TAG, DEP): the verb matcher compares ids.
        self.ids = (lower_ids, lemma_ids, pos_ids, tag_ids, dep_ids)
        names = _strings(strings, set(lower_ids).union(pos_ids, tag_ids, dep_ids, cols[12].tolist()))
        lemmas = _strings(strings, set(lemma_ids), lowered=True)
        self.lower = [names[h] for h in lower_ids]
        self.lemma = [lemmas[h] for h in lemma_ids]
        self.pos = [names[h] for h in pos_ids]
        self.tag = [names[h] for h in tag_ids]
        self.dep = [names[h] for h in dep_ids]
        # HEAD comes as an offset stored in uint64: reinterpret as signed, add the position.
        self.head = head = (cols[5].view(numpy.int64) + numpy.arange(n)).tolist()
        self.ent_iob = [_IOB[v] for v in cols[6].tolist()]
        types = cols[7].tolist()
        type_names = {h: strings[h] if h else "" for h in set(types)}
        self.ent_type = [type_names[h] for h in types]
        self.like_num = [bool(v) for v in cols[8].tolist()]
        self.is_punct = [bool(v) for v in cols[9].tolist()]
        self.idx = cols[10].tolist()  # a token's character offset in the Doc's text (Token.idx)
        self.length = cols[11].tolist()  # its length in characters (len(Token))
        orth = cols[12].tolist()
        self.text = [names[h] for h in orth]  # Token.text (the actors' gazetteer matches these)
        self.is_alpha = [bool(v) for v in cols[13].tolist()]
        self._left = [-1] * n
        self._right = [-1] * n
        kids: list[list[int]] = [[] for _ in range(n)]
        for i, h in enumerate(head):
            if h != i:
                kids[h].append(i)
        self.kids = kids
        try:
            self.sent_starts = starts = [s.start for s in doc.sents]
        except ValueError:  # no parser nor sentencizer (spacy.blank): one sentence, as time/tagger.py reads it
            self.sent_starts = starts = [0] if n else []
        sent_of = [0] * n
        for k, start in enumerate(starts):
            end = starts[k + 1] if k + 1 < len(starts) else n
            sent_of[start:end] = [k] * (end - start)
        self.sent_of = sent_of

    @property
    def doc(self) -> Any:
        return self._doc()

    def sent_bounds(self, i: int) -> tuple[int, int]:
        """(start, end) of the sentence of token i: `doc[i].sent` as positions."""
        k = self.sent_of[i]
        starts = self.sent_starts
        return starts[k], (starts[k + 1] if k + 1 < len(starts) else self.n)

    def subtree(self, i: int) -> list[int]:
        """The positions of `doc[i].subtree`, in its order (left children's subtrees, the token,
        right children's subtrees)."""
        out: list[int] = []
        _walk(self.kids, i, out)
        return out

    def left_edge(self, i: int) -> int:
        """`doc[i].left_edge.i`: the first position of the token's subtree."""
        e = self._left[i]
        if e < 0:
            e = i
            for c in self.kids[i]:
                le = self.left_edge(c)
                if le < e:
                    e = le
            self._left[i] = e
        return e

    def right_edge(self, i: int) -> int:
        """`doc[i].right_edge.i`: the last position of the token's subtree."""
        e = self._right[i]
        if e < 0:
            e = i
            for c in self.kids[i]:
                re_ = self.right_edge(c)
                if re_ > e:
                    e = re_
            self._right[i] = e
        return e

    def conjuncts(self, i: int) -> list[int]:
        """The positions of `doc[i].conjuncts`, in its order (the token itself left out)."""
        dep, head, kids = self.dep, self.head, self.kids
        start = i
        while head[start] != start and dep[start] == "conj":
            start = head[start]
        queue = [start]
        output = [start]
        for word in queue:
            for child in kids[word]:
                if child > word and dep[child] == "conj":
                    output.append(child)
                    queue.append(child)
        return [w for w in output if w != i]

    def children_with(self, i: int, deps: Any) -> list[int]:
        """The children of token i whose dependency label is in `deps` (a string or a collection)."""
        dep = self.dep
        if isinstance(deps, str):
            return [c for c in self.kids[i] if dep[c] == deps]
        return [c for c in self.kids[i] if dep[c] in deps]


def _walk(kids: list[list[int]], i: int, out: list[int]) -> None:
    below = kids[i]
    if not below:
        out.append(i)
        return
    done = False
    for c in below:
        if not done and c > i:
            out.append(i)
            done = True
        _walk(kids, c, out)
    if not done:
        out.append(i)


# The strings of the hashes Docs hold, kept across Docs (a hash names the same string in every
# StringStore): decoding a string from the store costs more than the rest of the view. Bounded:
# past _STRINGS_MAX entries a new table is started (whole, so another thread never loses a key).
_STRINGS_MAX = 200_000
_STRING_TABLES: list[dict[int, str]] = [{}, {}]  # [as stored, lower-cased]


def _strings(strings: Any, hashes: set[int], lowered: bool = False) -> dict[int, str]:
    """A table giving the string (lower-cased with `lowered`) of each of `hashes`."""
    table = _STRING_TABLES[lowered]
    missing = hashes.difference(table)
    if missing:
        if len(table) + len(missing) > _STRINGS_MAX:
            table = _STRING_TABLES[lowered] = {}
            missing = hashes
        for h in missing:
            table[h] = strings[h].lower() if lowered else strings[h]
    return table


_VIEWS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
# The last Doc asked about and its view: rules ask about one Doc many times in a row, and a weak
# reference called is cheaper than a lookup in the weak mapping (which makes a new one). One
# tuple, replaced whole, so that a thread never reads one Doc's reference with another's view.
_last: tuple[Any, DocView | None] = (lambda: None, None)


def view(doc: Any) -> DocView:
    """The Doc's view, built on first use and kept as long as the Doc lives."""
    global _last
    ref, v = _last
    if ref() is doc and v.n == len(doc):
        return v
    v = _VIEWS.get(doc)
    if v is None or v.n != len(doc):
        v = _VIEWS[doc] = DocView(doc)
    _last = (v._doc, v)
    return v
