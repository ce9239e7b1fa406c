"""Find quotations and attribute them.

1. Quoted spans come from the characters: curly “…” pairs and straight "…" pairs, where a
   paragraph that opens with a quotation mark while a quote is still open continues it.
2. The cue is the reporting verb ("said", "told", "saying", "according to") whose clause holds the
   quote, found by climbing the dependency tree from the quote's words, or the verb right after
   the closing mark ("…,” he said").
3. The speaker is the cue's subject (or the object of "according to"), read from the mentions the
   actors stage resolved, pronouns and role phrases included. No cue or no resolvable subject
   leaves `speaker: null`: a guess is worse than a gap.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from typing import Any

import yaml

from ..analysis.syntax import subject_of
from ..model import Actor, Document, Mention, Quote, stable_id
from ..stage import Stage

OPENERS = {"“": "”", "«": "»", "„": "“"}
STRAIGHT = '"'
TRAILING = " ,;:\n\t"


@lru_cache(maxsize=1)
def _cues() -> tuple[frozenset[str], tuple[str, ...]]:
    data = yaml.safe_load(files("accord").joinpath("resources", "quotes", "cues.yaml").read_text("utf-8"))
    return frozenset(v.lower() for v in data.get("verbs", ())), tuple(data.get("phrases", ()))


def find_quoted_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of the words inside each pair of quotation marks."""
    spans: list[tuple[int, int]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        closer = OPENERS.get(ch) or (STRAIGHT if ch == STRAIGHT else None)
        if closer is None:
            i += 1
            continue
        j = i + 1
        start = j
        while j < n:
            c = text[j]
            if c == closer:
                break
            if c == "\n" and closer != STRAIGHT:
                # A paragraph break: the quote goes on only if the next paragraph reopens it.
                k = j
                while k < n and text[k].isspace():
                    k += 1
                if k < n and text[k] == ch:
                    spans.append((start, j))
                    start = k + 1
                    j = k + 1
                    continue
                break
            if c == "\n" and closer == STRAIGHT:
                break
            j += 1
        if j < n and text[j] == closer:
            spans.append((start, j))
            i = j + 1
        else:
            i = j if j > i else i + 1
    return [s for s in (_trim(text, a, b) for a, b in spans) if s is not None]


def _trim(text: str, a: int, b: int) -> tuple[int, int] | None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1] in TRAILING:
        b -= 1
    return (a, b) if b > a else None


class QuoteStage(Stage):
    name = "quotes"

    def __init__(self) -> None:
        self.cue_verbs, self.cue_phrases = _cues()

    def process_document(self, document: Document) -> None:
        doc = document.doc
        if doc is None:
            raise ValueError(f"article {document.id}: the quotes stage needs the spaCy parse")
        text = document.article.text
        mentions_at: dict[int, list[Mention]] = {}
        for m in document.mentions:
            for i in range(m.tokens[0], m.tokens[1]):
                mentions_at.setdefault(i, []).append(m)
        quotes: list[Quote] = []
        for start, end in find_quoted_spans(text):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            if _is_name(span):
                continue  # “Board of Peace”: a title in quotation marks, not speech
            cue_tok, cue_text = self._cue(span)
            if cue_tok is None:
                continue
            speaker = self._speaker(cue_tok, cue_text, span, mentions_at)
            quotes.append(
                Quote(
                    id=stable_id(document.id, start, end),
                    article_id=document.id,
                    text=text[start:end],
                    span=(start, end),
                    speaker=speaker,
                    cue=cue_text,
                    direct=True,
                    sentence=_sentence_no(doc, span.start),
                )
            )
        document.quotes = quotes

    def _cue(self, quote: Any) -> tuple[Any | None, str | None]:
        inside = set(range(quote.start, quote.end))
        # Climb from the quote's words to the first reporting verb outside it.
        for tok in quote:
            node = tok
            for _ in range(10):
                if node.head is node:
                    break
                node = node.head
                if node.i in inside:
                    continue
                if node.lower_ == "according" or (node.lower_ == "to" and node.head.lower_ == "according"):
                    return node, "according to"
                if node.pos_ in ("VERB", "AUX") and node.lemma_.lower() in self.cue_verbs:
                    return node, node.lower_
            break
        # "according to X" anywhere in the sentence of the quote.
        for tok in quote.sent:
            if tok.lower_ == "according" and tok.i not in inside and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
                return tok, "according to"
        # "…,” he said": the verb right after the closing mark.
        doc = quote.doc
        for tok in doc[quote.end : min(len(doc), quote.end + 6)]:
            if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in self.cue_verbs:
                return tok, tok.lower_
        # "Putin said: “…”": the verb right before the opening mark.
        for tok in reversed(doc[max(0, quote.start - 6) : quote.start]):
            if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in self.cue_verbs:
                return tok, tok.lower_
        return None, None

    def _speaker(self, cue: Any, cue_text: str, quote: Any, mentions_at) -> Actor | None:
        if cue_text == "according to":
            to = cue if cue.lower_ == "to" else next((c for c in cue.children if c.lower_ == "to"), None)
            if to is not None:
                for pobj in to.children:
                    if pobj.dep_ == "pobj":
                        return _actor_at(pobj, mentions_at)
            return None
        subject, passive = subject_of(cue)
        if subject is None or passive or quote.start <= subject.i < quote.end:
            return None
        return _actor_at(subject, mentions_at)


def _actor_at(tok: Any, mentions_at: dict[int, list[Mention]]) -> Actor | None:
    found = mentions_at.get(tok.i)
    if not found:
        return None
    if len({m.actor.key for m in found}) > 1:
        return None  # "the two leaders said": no single speaker
    return found[0].actor


def _is_name(span: Any) -> bool:
    words = [t for t in span if t.is_alpha]
    if not words or len(words) > 6:
        return False
    content = [t for t in words if not t.is_stop]
    return bool(content) and all(t.text[:1].isupper() for t in content) and not span.text.endswith((".", "!", "?"))


def _sentence_no(doc: Any, token_i: int) -> int:
    for n, sent in enumerate(doc.sents):
        if sent.start <= token_i < sent.end:
            return n
    return 0
