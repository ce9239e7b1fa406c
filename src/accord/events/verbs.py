"""PETRARCH-2's CAMEO verb dictionary, matched on spaCy dependency parses.

The dictionary (`resources/events/petrarch_verbs.jsonl`, built from PETRARCH-2's CAMEO.2.0.txt by
tools/build_verbs.py; format and provenance in resources/events/SOURCES.md) groups verbs into
blocks (`---  MEET_PEOPLE   [040]  ---`); each block has a default code and patterns such as
`- * (FOR TALKS) [036:036]`, where `*` is the verb. PETRARCH matched these on Treebank phrases;
`VerbDictionary.match(token)` adapts them to a spaCy dependency parse:

Verb lookup. The token's lemma (lower-cased) selects the entry; failing that its lemma or its
lower-cased text among the irregular forms given in `{...}` (a verb listed in several blocks keeps
the first, as in PETRARCH). Multi-word verbs are tried first, the longest that fits winning:
`+MEET_WITH` needs a child of the verb to the right reading "with" (a `prt`, a `prep`, an object:
any dependent, so `+WAGE_WAR` and `+TAKE_OVER` work too), further words being children of the
verb or of the word before (`+GET_HOLD_OF`); `RE-ARREST` needs "re" (and "-") just before the
verb. A multi-word verb selects its block and its code; the patterns still see every word.

Regions. Words after `*` are looked for in the *right region*: the subtrees of the verb's
dependents dobj, dative, prep, agent, prt, xcomp, ccomp, attr, acomp, oprd, advmod and npadvmod
to its right, plus, in a passive clause, the passive subject (the logical object: "the account
was frozen" still matches `* {BANK ACCOUNT}`). Words before `*` are looked for in the *left
region*: the subject (nsubj/csubj/expl; in a passive clause the agent "by ..." instead) and the
advmod/npadvmod/aux/auxpass/neg/prep dependents left of the verb. The subject is included on
purpose: PETRARCH-2 matched the words before `*` against the head of the clause's subject NP
(or the by/from phrase of a passive verb), and most such patterns name the subject
("&MILITARY *", "TALKS * [164]", "PROSECUTOR * &DETENTION"). A verb without a subject of its own
that is a conj or xcomp borrows its head's ("X agreed to meet", "X met and signed").
Clauses nested below a region's dependents (relcl, acl, advcl, ccomp, xcomp, csubj, parataxis)
are left out: "issued a warning that it would not tolerate a military coup" does not reach
"military" (the verb's own xcomp/ccomp is searched, its sub-clauses are not).

Elements, each matched in order (each after the end of the one before) inside its region:
  WORD        a token whose lower-cased text or lemma is the word, its plural or its singular
              (`A/B`: either); a hyphenated word also matches its parts ("cease - fire"). As in
              PETRARCH a word names a phrase head, so a token that only modifies another
              (amod, compound, nmod, poss, nummod, det...) does not count: `* SANCTIONS`
              matches "denounced the sanctions", not "denounced the sanctions regime"
  {A B}       a token matching B (the head) with A found, in order, to its left inside its own
              subtree ("froze the bank account", "humanitarian and medical aid"), or just
              before it; A may be a modifier
  A_B         consecutive tokens (TABARI notation)
  &SET        any member of the synonym set (multi-word members as {A B})
  (P X Y)     a token P whose dependency is prep/agent/dative/prt/advmod, with X, Y found in
              order inside its subtree; `(P)` needs the preposition only
  + $ ^ %     an actor slot: any noun, proper noun or pronoun

The most specific pattern that matches wins; specificity is the number of words the pattern
needs besides the verb (a `{A B}` counts 2, `(P X)` counts 2, a synonym set or actor slot 1).
Ties go to the first in file order. If none matches, the verb's own code or the block's default
applies (specificity 0). A code of `---` means "no event": match() returns None.

Codes `[A:B]` (PETRARCH's active:passive): A is the event from subject to object, B an extra
event in the reverse direction (VISIT [042:043]: "A visited B" also gives B 043 A); it is
returned as `reverse_code`. `[:B]` (no active code) makes PETRARCH treat the verb as passive:
the grammatical subject is the target of B ("X faced trial" -> someone 173 X); match() returns
code B with `subject_is_target=True`.

Speed: the dictionary is compiled once into dicts keyed by spaCy's string hashes; each block's
patterns are indexed by their most selective word, so a match looks up the region's words in
the index and verifies only the few candidate patterns. The token arrays of a Doc are computed
once (`Doc.to_array`) and reused for every verb of the same Doc.
"""

from __future__ import annotations

import json
import threading
from bisect import bisect_right
from dataclasses import dataclass, field
from importlib.resources import files
from operator import itemgetter
from pathlib import Path
from typing import Any, Iterable

from spacy.strings import StringStore
from ..analysis import docview

__all__ = ["VerbDictionary", "VerbDictionaryError", "VerbMatch"]

RESOURCE = ("resources", "events", "petrarch_verbs.jsonl")
FORMAT_VERSION = 1


@dataclass(frozen=True, slots=True)
class VerbMatch:
    code: str  # CAMEO code ("---" blocks/patterns mean "no event": match() returns None instead)
    pattern: str  # the pattern that fired, e.g. "MEET_PEOPLE: * (FOR TALKS) [036:036]"
    specificity: int  # words the pattern matched beyond the verb (0 = block default)
    reverse_code: str | None = None  # [A:B]: code B of the object -> subject event
    subject_is_target: bool = False  # [:B]: the subject is the target of `code`
    block: str = ""  # the verb block, e.g. "MEET_PEOPLE"
    line: int = 0  # line of the pattern (or verb) in CAMEO.2.0.txt
    # String hashes of the words the pattern names after the verb (phrase heads and synonym-set
    # members, not prepositions): "* &MILITARY" names "troops", so in "sent troops to Jordan" the
    # troops describe the event and are not what it is done to (`names_word`).
    words: frozenset[int] = field(default=frozenset(), compare=False, repr=False)

    def names_word(self, token: Any) -> bool:
        """Whether the pattern names this token's word (its lower-cased form or lemma)."""
        return token.lower in self.words or token.lemma in self.words


class VerbDictionaryError(ValueError):
    """The packaged verb dictionary is missing or malformed."""


# --------------------------------------------------------------------------- string hashing

_STRINGS = StringStore()  # only for hashing: StringStore()[s] is the id spaCy tokens carry for s


def _h(s: str) -> int:
    return _STRINGS[s]


def _ids(*names: str) -> frozenset[int]:
    return frozenset(_h(n) for n in names)


_RIGHT_DEPS = _ids("dobj", "obj", "dative", "prep", "agent", "prt", "xcomp", "ccomp", "attr", "acomp", "oprd", "advmod", "npadvmod")
_SUBJ_DEPS = _ids("nsubj", "csubj", "expl")
_PASS_SUBJ_DEPS = _ids("nsubjpass", "csubjpass")
_PASSIVE_DEPS = _ids("nsubjpass", "csubjpass", "auxpass")
_LEFT_DEPS = _ids("advmod", "npadvmod", "aux", "auxpass", "neg", "prep")
_PREP_DEPS = _ids("prep", "agent", "dative", "prt", "advmod")
_BORROW_SUBJ_DEPS = _ids("conj", "xcomp")
_AGENT = _h("agent")
_NOMINAL_POS = _ids("NOUN", "PROPN", "PRON")
# A pattern word outside `{...}` names a phrase head, as in PETRARCH: not a modifier of one.
_MODIFIER_DEPS = _ids("amod", "compound", "nmod", "poss", "nummod", "quantmod", "det", "predet")
# Clauses below a region's roots are not searched.
_CLAUSE_DEPS = _ids("relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "csubjpass", "parataxis")
_HYPHENS = _ids("-", "–", "—")
_PREP = _h("prep")

# Words too common to make good index keys for a pattern.
_COMMON = _ids(
    *"to in on at by for of with from the a an and or into over against up out off down as about "
    "under after before through toward towards back that this it its their his her not no be is "
    "are was were been have has had will would".split()
)


# ------------------------------------------------------------------------------ doc arrays



class _View:
    """The arrays of one Doc the matcher needs, computed once per Doc."""

    __slots__ = ("doc", "n", "lower", "lemma", "dep", "pos", "head", "kids", "clauses", "_left", "_right", "region",
                 "sent_of", "sent_starts", "_sent_words")

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        shared = docview.view(doc)  # the Doc's columns, read once for every rule (analysis.docview)
        n = self.n = shared.n
        lower, lemma, pos, _, dep = shared.ids
        self.lower, self.dep, self.pos = lower, dep, pos
        # A participle the parser uses as a preposition ("according to", "following",
        # "regarding") is matched by its own form, never its lemma: "entered the town according
        # to state media" is no "accord" (&TREATY) entered into.
        self.lemma = lemma = list(lemma)
        for i in range(n):
            if dep[i] == _PREP and lemma[i] != lower[i]:
                lemma[i] = lower[i]
        self.head = shared.head
        self.kids = shared.kids
        clauses = [0] * (n + 1)  # clauses[i]: how many tokens before i head a clause (_CLAUSE_DEPS)
        count = 0
        for i, d in enumerate(self.dep):
            if d in _CLAUSE_DEPS:
                count += 1
            clauses[i + 1] = count
        self.clauses = clauses
        self._left: list[int] = [-1] * n
        self._right: list[int] = [-1] * n
        self.region: list[int] = []  # the region being matched (for prepositional phrases)
        self.sent_of, self.sent_starts = shared.sent_of, shared.sent_starts
        self._sent_words: dict[int, set[int]] = {}

    def sentence_words(self, i: int) -> set[int]:
        """The lower-cased forms and lemmas of the words of i's sentence: a verb's regions (its
        parse tree's words) lie within them, since the parser never joins two sentences."""
        k = self.sent_of[i]
        words = self._sent_words.get(k)
        if words is None:
            starts = self.sent_starts
            start, end = starts[k], (starts[k + 1] if k + 1 < len(starts) else self.n)
            words = self._sent_words[k] = set(self.lower[start:end]).union(self.lemma[start:end])
        return words

    def left(self, i: int) -> int:
        """The first token of i's subtree, reached through its left children only (the matcher's
        reading; `docview.View.left_edge` follows every child, as spaCy's `left_edge` does)."""
        e = self._left[i]
        if e < 0:
            e = i
            for c in self.kids[i]:
                if c > i:
                    break
                le = self.left(c)
                if le < e:
                    e = le
            self._left[i] = e
        return e

    def right(self, i: int) -> int:
        """The last token of i's subtree, reached through its right children only (see `left`)."""
        e = self._right[i]
        if e < 0:
            e = i
            for c in reversed(self.kids[i]):
                if c < i:
                    break
                re_ = self.right(c)
                if re_ > e:
                    e = re_
            self._right[i] = e
        return e

    def prev_word(self, i: int) -> int:
        """The index of the token before i, skipping hyphens; -1 at the start."""
        i -= 1
        while i >= 0 and self.lower[i] in _HYPHENS:
            i -= 1
        return i


# ---------------------------------------------------------------------------------- elements
# Each element answers match(view, t) -> the index of the last token it used, or -1; and
# anchors() -> key sets at least one of whose members a region must contain for it to match.


def _seq(v: _View, els: list, k: int, toks, j: int, stop: int, last: int, mod: bool = False) -> int:
    """Match els[k:] in order over toks[j:stop], each after token `last`; returns the end of the
    last element, or -1. mod=True matches modifiers (inside `{...}`) rather than phrase heads."""
    if k == len(els):
        return last
    el = els[k]
    for jj in range(j, stop):
        t = toks[jj]
        if t <= last:
            continue
        end = el.match_mod(v, t) if mod else el.match(v, t)
        if end >= 0:
            r = _seq(v, els, k + 1, toks, jj + 1, stop, end, mod)
            if r >= 0:
                return r
    return -1


class _Word:
    __slots__ = ("keys", "size")

    def __init__(self, keys: frozenset[int]) -> None:
        self.keys = keys
        self.size = 1

    def match(self, v: _View, t: int) -> int:
        keys = self.keys
        if v.lower[t] in keys or v.lemma[t] in keys:
            return -1 if v.dep[t] in _MODIFIER_DEPS else t
        return -1

    def match_mod(self, v: _View, t: int) -> int:
        keys = self.keys
        return t if (v.lower[t] in keys or v.lemma[t] in keys) else -1

    def anchors(self) -> list[frozenset[int]]:
        return [self.keys]


class _Phrase:
    """`{A B}`: head B at t, modifiers A in order in t's left subtree or just before t.
    With consecutive=True (`A_B`, hyphenated words) only the latter."""

    __slots__ = ("mods", "head", "consecutive", "size")

    def __init__(self, mods: list, head, consecutive: bool = False) -> None:
        self.mods = mods
        self.head = head
        self.consecutive = consecutive
        self.size = head.size + sum(m.size for m in mods)

    def match(self, v: _View, t: int) -> int:
        return self._mods(v, t) if self.head.match(v, t) >= 0 else -1

    def match_mod(self, v: _View, t: int) -> int:
        return self._mods(v, t) if self.head.match_mod(v, t) >= 0 else -1

    def _mods(self, v: _View, t: int) -> int:
        p = t
        for m in reversed(self.mods):
            p = v.prev_word(p)
            if p < 0 or m.match_mod(v, p) != p:
                break
        else:
            return t
        if self.consecutive:
            return -1
        le = v.left(t)
        if le < t and _seq(v, self.mods, 0, range(le, t), 0, t - le, le - 1, True) >= 0:
            return t
        return -1

    def anchors(self) -> list[frozenset[int]]:
        return self.head.anchors()


class _Alt:
    """Alternatives: a synonym set, `A/B`, a hyphenated word. Single-word members are one key
    set; multi-word members are indexed by the keys of their head word."""

    __slots__ = ("keys", "alts", "by_head", "size")

    def __init__(self, keys: frozenset[int], alts: list) -> None:
        self.keys = keys
        self.alts = alts
        self.by_head: dict[int, list] = {}
        for a in alts:
            for k in _best_anchor(a.anchors()) or ():
                self.by_head.setdefault(k, []).append(a)
        self.size = 1

    def match(self, v: _View, t: int) -> int:
        return self._match(v, t, False)

    def match_mod(self, v: _View, t: int) -> int:
        return self._match(v, t, True)

    def _match(self, v: _View, t: int, mod: bool) -> int:
        keys = self.keys
        lower, lemma = v.lower[t], v.lemma[t]
        if lower in keys or lemma in keys:
            if mod or v.dep[t] not in _MODIFIER_DEPS:
                return t
        by_head = self.by_head
        for a in by_head.get(lower, ()):
            if (a.match_mod(v, t) if mod else a.match(v, t)) >= 0:
                return t
        if lemma != lower:
            for a in by_head.get(lemma, ()):
                if (a.match_mod(v, t) if mod else a.match(v, t)) >= 0:
                    return t
        return -1

    def anchors(self) -> list[frozenset[int]]:
        union = set(self.keys)
        for a in self.alts:
            best = _best_anchor(a.anchors())
            if best is None:
                return []
            union |= best
        return [frozenset(union)]


class _Slot:
    """`+ $ ^ %`: an actor slot; any noun, proper noun or pronoun."""

    __slots__ = ("size",)

    def __init__(self) -> None:
        self.size = 1

    def match(self, v: _View, t: int) -> int:
        return t if v.pos[t] in _NOMINAL_POS and v.dep[t] not in _MODIFIER_DEPS else -1

    def match_mod(self, v: _View, t: int) -> int:
        return t if v.pos[t] in _NOMINAL_POS else -1

    def anchors(self) -> list[frozenset[int]]:
        return []


class _Prep:
    """`(P X Y)`: a preposition-like dependent P with X, Y in order inside its subtree."""

    __slots__ = ("keys", "objs", "size")

    def __init__(self, keys: frozenset[int], objs: list) -> None:
        self.keys = keys
        self.objs = objs
        self.size = 1 + sum(o.size for o in objs)

    def match(self, v: _View, t: int) -> int:
        keys = self.keys
        if v.dep[t] not in _PREP_DEPS or not (v.lower[t] in keys or v.lemma[t] in keys):
            return -1
        if not self.objs:
            return t
        # Its objects: the tokens of the current region inside the preposition's phrase, up to a
        # phrase nested in its object ("called for an investigation into the killings by Russian
        # troops" is no call for troops: PETRARCH's words in parentheses name the head of the
        # preposition's noun phrase, and none of the dictionary's parentheses nests a preposition)
        region = v.region
        end = v.right(t)
        for o in v.kids[t]:
            if o > t and v.dep[o] != _PREP:
                for g in v.kids[o]:
                    if g > o and v.dep[g] == _PREP and v.left(g) <= end:
                        end = v.left(g) - 1
                        break
        lo = bisect_right(region, t)
        hi = bisect_right(region, end, lo)
        return _seq(v, self.objs, 0, region, lo, hi, t) if hi > lo else -1

    match_mod = match

    def anchors(self) -> list[frozenset[int]]:
        out = [self.keys]
        for o in self.objs:
            out += o.anchors()
        return out


def _best_anchor(sets: list[frozenset[int]]) -> frozenset[int] | None:
    if not sets:
        return None
    return min(sets, key=lambda s: (not s.isdisjoint(_COMMON), len(s)))


# ------------------------------------------------------------------------ word forms (keys)


def _plural(w: str) -> str:
    if w.endswith(("s", "x", "z", "ch", "sh")):
        return w + "es"
    if w.endswith("y") and len(w) > 1 and w[-2] not in "aeiou":
        return w[:-1] + "ies"
    return w + "s"


def _singulars(w: str) -> list[str]:
    if len(w) < 4 or not w.endswith("s") or w.endswith(("ss", "us", "is", "ews")):
        return []
    if w.endswith("ies"):
        return [w[:-3] + "y"]
    if w.endswith(("ses", "xes", "zes", "ches", "shes")):
        return [w[:-2], w[:-1]]
    return [w[:-1]]


def _forms(w: str, plural: bool = True) -> set[str]:
    out = {w}
    if plural and w[-1:].isalpha():
        out.add(_plural(w))
        out.update(_singulars(w))
    return out


# ----------------------------------------------------------------------------- compilation


class _Block:
    __slots__ = ("name", "default", "patterns", "right_index", "left_index", "always", "keys")

    def __init__(self, name: str) -> None:
        self.name = name
        self.default: VerbMatch | None = None
        self.patterns: list[_Pattern] = []
        self.right_index: dict[int, list[int]] = {}
        self.left_index: dict[int, list[int]] = {}
        self.always: list[int] = []
        self.keys: frozenset[int] = frozenset()  # every word either index is keyed by


class _Pattern:
    __slots__ = ("pre", "post", "result", "specificity", "line")

    def __init__(self, pre: list, post: list, result: VerbMatch | None, specificity: int, line: int) -> None:
        self.pre = pre
        self.post = post
        self.result = result
        self.specificity = specificity
        self.line = line


class _Entry:
    """A verb (or multi-word verb) of a block, with its default result."""

    __slots__ = ("block", "result", "before", "after", "size", "line")

    def __init__(self, block: _Block, result: VerbMatch | None, before: list, after: list, line: int) -> None:
        self.block = block
        self.result = result
        self.before = before  # key sets of the words before the verb (`re` of RE-ARREST)
        self.after = after  # key sets of the words after it (`with` of +MEET_WITH)
        self.size = len(before) + len(after)
        self.line = line


def _result(code: str, pattern: str, specificity: int, block: str, line: int,
            words: frozenset[int] = frozenset()) -> VerbMatch | None:
    active, _, passive = code.partition(":")
    active = active if active not in ("", "---") else ""
    passive = passive if passive not in ("", "---") else ""
    if active:
        return VerbMatch(active, pattern, specificity, passive or None, False, block, line, words)
    if passive:
        return VerbMatch(passive, pattern, specificity, None, True, block, line, words)
    return None


def _named_words(elements: list) -> frozenset[int]:
    """The keys of the words a pattern's elements name as phrase heads (prepositions left out)."""
    out: set[int] = set()
    for el in elements:
        if isinstance(el, _Word):
            out |= el.keys
        elif isinstance(el, _Alt):
            out |= el.keys
            out |= _named_words([a.head if isinstance(a, _Phrase) else a for a in el.alts])
        elif isinstance(el, _Phrase):
            out |= _named_words([el.head])
        elif isinstance(el, _Prep):
            out |= _named_words(el.objs)
    return frozenset(out)


class _Compiler:
    def __init__(self, synsets: dict[str, dict]) -> None:
        self.raw_synsets = synsets
        self.synsets: dict[str, _Alt] = {}

    def word(self, text: str, plural: bool = True, slash: bool = True):
        """A pattern or member word: `a/b` alternatives (patterns only: `F/A-18` is a synonym set
        member), hyphenated words, plural/singular."""
        keys: set[int] = set()
        alts: list = []
        for alt in text.split("/") if slash and "/" in text and len(text) > 1 else [text]:
            keys.update(_h(f) for f in _forms(alt, plural))
            parts = [p for p in alt.split("-") if p]
            if "-" in alt and len(parts) > 1:
                alts.append(_Phrase([_Word(frozenset(_h(f) for f in _forms(p, False))) for p in parts[:-1]],
                                    _Word(frozenset(_h(f) for f in _forms(parts[-1], plural))), consecutive=True))
        if not alts:
            return _Word(frozenset(keys))
        return _Alt(frozenset(keys), alts)

    def synset(self, name: str) -> _Alt:
        if name not in self.synsets:
            raw = self.raw_synsets.get(name)
            if raw is None:
                raise VerbDictionaryError(f"undefined synonym set {name}")
            no_plural = set(raw["no_plural"])
            keys: set[int] = set()
            alts: list = []
            for member in raw["members"]:
                words = member.split()
                plural = member not in no_plural
                if len(words) == 1:
                    w = self.word(words[0], plural, slash=False)
                    if isinstance(w, _Word):
                        keys |= w.keys
                    else:
                        keys |= w.keys
                        alts += w.alts
                else:
                    alts.append(_Phrase([self.word(x, False, False) for x in words[:-1]], self.word(words[-1], plural, False)))
            self.synsets[name] = _Alt(frozenset(keys), alts)
        return self.synsets[name]

    def atom(self, item: Any):
        if isinstance(item, dict):
            if "np" in item:
                parts = [self.atom(x) for x in item["np"]]
                return parts[0] if len(parts) == 1 else _Phrase(parts[:-1], parts[-1])
            if "seq" in item:
                parts = [self.atom(x) for x in item["seq"]]
                return parts[0] if len(parts) == 1 else _Phrase(parts[:-1], parts[-1], consecutive=True)
            if "pp" in item:
                keys = frozenset(_h(p) for p in item["pp"])
                return _Prep(keys, [self.atom(x) for x in item["obj"]])
            raise VerbDictionaryError(f"unknown pattern element {item!r}")
        if item in ("+", "$", "^", "%"):
            return _Slot()
        if item.startswith("&"):
            return self.synset(item)
        return self.word(item)


# ------------------------------------------------------------------------------- dictionary


class VerbDictionary:
    """PETRARCH-2's CAMEO verb patterns, indexed for matching spaCy tokens."""

    _default: VerbDictionary | None = None
    _lock = threading.Lock()

    def __init__(self, records: Iterable[dict]) -> None:
        records = list(records)
        if not records or records[0].get("kind") != "meta":
            raise VerbDictionaryError("verb dictionary: first line must be the meta record")
        meta = records[0]
        if meta.get("format") != FORMAT_VERSION:
            raise VerbDictionaryError(f"verb dictionary: format {meta.get('format')!r}, expected {FORMAT_VERSION}")
        self.meta = meta
        synsets = {r["name"]: r for r in records if r["kind"] == "synset"}
        comp = _Compiler(synsets)
        self._blocks: dict[str, _Block] = {}
        self._plain: dict[int, _Entry] = {}  # verb word -> entry
        self._forms: dict[int, _Entry] = {}  # irregular form / hyphenated spelling -> entry
        self._multi: dict[int, list[_Entry]] = {}  # verb word or form -> multi-word entries
        self._listed: frozenset[int] | None = None  # every word an entry is listed under (`lists`)
        patterns_by_block: dict[str, list[dict]] = {}
        for r in records:
            kind = r["kind"]
            if kind == "block":
                self._add_block(r)
            elif kind == "pattern" and "skip" not in r:
                patterns_by_block.setdefault(r["block"], []).append(r)
        for name, pats in patterns_by_block.items():
            block = self._blocks.get(name)
            if block is None:
                raise VerbDictionaryError(f"verb dictionary: pattern for unknown block {name}")
            self._compile_patterns(block, pats, comp)
        self.pattern_count = sum(len(b.patterns) for b in self._blocks.values())
        self._local = threading.local()

    # -- loading

    @classmethod
    def default(cls) -> VerbDictionary:
        """The packaged dictionary, loaded once."""
        if cls._default is None:
            with cls._lock:
                if cls._default is None:
                    path = files("accord").joinpath(*RESOURCE)
                    try:
                        text = path.read_text(encoding="utf-8")
                    except OSError as exc:
                        raise VerbDictionaryError(f"accord/{'/'.join(RESOURCE)} missing: {exc}") from None
                    cls._default = cls.from_text(text, "accord/" + "/".join(RESOURCE))
        return cls._default

    @classmethod
    def from_path(cls, path: str | Path) -> VerbDictionary:
        return cls.from_text(Path(path).read_text(encoding="utf-8"), str(path))

    @classmethod
    def from_text(cls, text: str, where: str = "<text>") -> VerbDictionary:
        records = []
        for n, line in enumerate(text.splitlines(), start=1):
            if line.strip():
                try:
                    records.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise VerbDictionaryError(f"{where}:{n}: not valid JSON ({exc})") from None
        return cls(records)

    def _add_block(self, r: dict) -> None:
        name = r["name"]
        block = self._blocks[name] = _Block(name)
        block.default = _result(r["code"], f"{name} default [{r['code']}]", 0, name, r["line"])
        for v in r["verbs"]:
            if v["code"] is None:
                result = block.default
            else:
                label = v["text"].split("{")[0].split("[")[0].strip()
                result = _result(v["code"], f"{name} default for {label} [{v['code']}]", 0, name, v["line"])
            before = [frozenset(_h(f) for f in _forms(w, False)) for w in v["before"]]
            after = [frozenset(_h(f) for f in _forms(w, w not in ("up", "down", "out", "off", "in", "on"))) for w in v["after"]]
            entry = _Entry(block, result, before, after, v["line"])
            words = [v["verb"], *v["forms"]]
            if before or after:
                for w in words:
                    lst = self._multi.setdefault(_h(w), [])
                    if not any(e.before == before and e.after == after for e in lst):
                        lst.append(entry)
                if before and not after:  # RE-ARREST may also come as one token
                    for w in words:
                        self._forms.setdefault(_h("-".join([*v["before"], w])), entry)
            else:
                self._plain.setdefault(_h(v["verb"]), entry)
                for w in v["forms"]:
                    self._forms.setdefault(_h(w), entry)

    def _compile_patterns(self, block: _Block, pats: list[dict], comp: _Compiler) -> None:
        compiled = []
        for r in pats:
            pre = [comp.atom(x) for x in r["pre"]]
            post = [comp.atom(x) for x in r["post"]]
            spec = sum(e.size for e in pre) + sum(e.size for e in post)
            result = _result(r["code"], f"{block.name}: {r['text']} [{r['code']}]", spec, block.name, r["line"],
                             _named_words(post))
            compiled.append(_Pattern(pre, post, result, spec, r["line"]))
        compiled.sort(key=lambda p: (-p.specificity, p.line))
        block.patterns = compiled
        for rank, p in enumerate(compiled):
            post_anchor = _best_anchor([a for e in p.post for a in e.anchors()])
            if post_anchor is not None:
                index, anchor = block.right_index, post_anchor
            else:
                pre_anchor = _best_anchor([a for e in p.pre for a in e.anchors()])
                if pre_anchor is None:
                    block.always.append(rank)
                    continue
                index, anchor = block.left_index, pre_anchor
            for key in anchor:
                index.setdefault(key, []).append(rank)
        # Tuples of ints are not tracked by the garbage collector; lists are.
        block.right_index = {k: tuple(r) for k, r in block.right_index.items()}
        block.left_index = {k: tuple(r) for k, r in block.left_index.items()}
        block.keys = frozenset(block.right_index).union(block.left_index)

    # -- matching

    def _view(self, doc: Any) -> _View:
        """The arrays of this Doc: built once and kept (per thread) while its verbs are matched."""
        local = self._local
        view = getattr(local, "view", None)
        if view is not None and view.doc is doc and view.n == len(doc):
            return view
        view = local.view = _View(doc)
        return view

    def view(self, doc: Any) -> _View:
        """The Doc's arrays (lower, lemma, dep, pos as string ids; head; kids), built once per Doc
        (per thread) and shared with the matcher."""
        return self._view(doc)

    def named_in_subtree(self, verb: Any, words: frozenset[int]) -> list[Any]:
        """The tokens of the verb's subtree, the verb aside, in `Token.subtree`'s order, whose
        lower-cased form or lemma (string hashes) is in `words`: only those are made into Tokens."""
        v = self._view(verb.doc)
        i = verb.i
        out: list[int] = []
        _walk_all(v, i, out)
        lower, lemma, doc = v.lower, v.lemma, verb.doc
        return [doc[t] for t in out if t != i and (lower[t] in words or lemma[t] in words)]

    def lists(self, doc: Any, i: int) -> bool:
        """Whether the dictionary lists token i of `doc` under its lemma or its form (as `_entry`
        looks it up): when it does not, `match` gives None, told without making a Token."""
        listed = self._listed
        if listed is None:
            listed = self._listed = frozenset(self._plain).union(self._forms, self._multi)
        v = self._view(doc)
        return v.lemma[i] in listed or v.lower[i] in listed

    def entry(self, verb: Any) -> tuple[str, VerbMatch | None] | None:
        """(block name, the verb's default result) for the token, or None if the dictionary
        does not list it: what match() falls back to when no pattern fits."""
        v = self._view(verb.doc)
        e = self._entry(v, verb.i)
        return None if e is None else (e.block.name, e.result)

    def _entry(self, v: _View, i: int) -> _Entry | None:
        lemma, lower = v.lemma[i], v.lower[i]
        multi = self._multi.get(lemma)
        if lower != lemma:
            more = self._multi.get(lower)
            if more:
                multi = (multi or []) + more
        if multi:
            best = None
            for e in multi:
                if (best is None or e.size > best.size) and self._multi_fits(v, i, e):
                    best = e
            if best is not None:
                return best
        return self._plain.get(lemma) or self._forms.get(lemma) or self._plain.get(lower) or self._forms.get(lower)

    @staticmethod
    def _multi_fits(v: _View, i: int, e: _Entry) -> bool:
        p = i
        for keys in reversed(e.before):
            p = v.prev_word(p)
            if p < 0 or not (v.lower[p] in keys or v.lemma[p] in keys):
                return False
        prev = last = i
        for keys in e.after:
            found = -1
            for owner in (i, prev) if prev != i else (i,):
                for c in v.kids[owner]:
                    if c > last and (v.lower[c] in keys or v.lemma[c] in keys) and (found < 0 or c < found):
                        found = c
            if found < 0:
                return False
            prev = last = found
        return True

    def match(self, verb: Any) -> VerbMatch | None:
        """The CAMEO code the dictionary gives this verb token in its parse, or None."""
        v = self._view(verb.doc)
        i = verb.i
        e = self._entry(v, i)
        if e is None:
            return None
        block = e.block
        if not block.patterns:
            return e.result
        if not block.always and v.sentence_words(i).isdisjoint(block.keys):
            return e.result  # no word a pattern is indexed by in the sentence: none can fit
        left, right = self._regions(v, i)
        ranks: set[int] = set(block.always)
        for idx, region in ((block.right_index, right), (block.left_index, left)):
            if idx and region:
                get = idx.get
                if len(region) > 1:
                    pick = itemgetter(*region)
                    lowers, lemmas = pick(v.lower), pick(v.lemma)
                else:
                    lowers, lemmas = (v.lower[region[0]],), (v.lemma[region[0]],)
                for r in filter(None, map(get, lowers)):
                    ranks.update(r)
                for r in filter(None, map(get, lemmas)):
                    ranks.update(r)
        if ranks:
            patterns = block.patterns
            for rank in sorted(ranks):
                p = patterns[rank]
                if p.post:
                    v.region = right
                    if _seq(v, p.post, 0, right, 0, len(right), -1) < 0:
                        continue
                if p.pre:
                    v.region = left
                    if _seq(v, p.pre, 0, left, 0, len(left), -1) < 0:
                        continue
                return p.result
        return e.result

    @staticmethod
    def _regions(v: _View, i: int) -> tuple[list[int], list[int]]:
        """Token indices (sorted) of the left region (subject side) and the right region."""
        dep = v.dep
        kids = v.kids[i]
        passive = False
        for c in kids:
            if dep[c] in _PASSIVE_DEPS:
                passive = True
                break
        left_roots: list[int] = []
        right_roots: list[int] = []
        has_subject = False
        for c in kids:
            d = dep[c]
            if d in _SUBJ_DEPS:
                left_roots.append(c)
                has_subject = True
            elif d in _PASS_SUBJ_DEPS:
                right_roots.append(c)
                has_subject = True
            elif c > i:
                if d in _RIGHT_DEPS:
                    right_roots.append(c)
                if passive and d == _AGENT:
                    left_roots.append(c)
            elif d in _LEFT_DEPS:
                left_roots.append(c)
        if not has_subject:
            j = i
            for _ in range(3):
                if dep[j] not in _BORROW_SUBJ_DEPS or v.head[j] == j:
                    break
                j = v.head[j]
                subj = [c for c in v.kids[j] if dep[c] in _SUBJ_DEPS]
                if subj:
                    left_roots += subj
                    break
        return _spans(v, left_roots), _spans(v, right_roots)


def _spans(v: _View, roots: list[int]) -> list[int]:
    """The tokens of the roots' subtrees in order, leaving out clauses nested below the roots
    (relative clauses, adverbial clauses, complements of nouns...): "issued a warning that it
    would not tolerate a military coup" does not put "military" in issue's region."""
    out: list[int] = []
    clauses = v.clauses
    for c in sorted(roots) if len(roots) > 1 else roots:
        lo, hi = v.left(c), v.right(c)
        # clauses[i]: nested-clause tokens before i; c itself may be one (an xcomp root).
        if clauses[hi + 1] - clauses[lo] > (v.dep[c] in _CLAUSE_DEPS):
            _walk(v, c, out)
        else:
            out.extend(range(lo, hi + 1))
    return out


def _walk(v: _View, n: int, out: list[int]) -> None:
    """In-order walk of n's subtree, skipping nested clauses."""
    kids, dep = v.kids[n], v.dep
    for k in kids:
        if k > n:
            break
        if dep[k] not in _CLAUSE_DEPS:
            _walk(v, k, out)
    out.append(n)
    for k in kids:
        if k > n and dep[k] not in _CLAUSE_DEPS:
            _walk(v, k, out)


def _walk_all(v: _View, n: int, out: list[int]) -> None:
    """In-order walk of n's whole subtree (`Token.subtree`'s order: left children, n, right children)."""
    kids = v.kids[n]
    for k in kids:
        if k > n:
            break
        _walk_all(v, k, out)
    out.append(n)
    for k in kids:
        if k > n:
            _walk_all(v, k, out)
