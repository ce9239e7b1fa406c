"""Long articles in bounded pieces: cut the text, code each piece alone, put the records together.

The parser's memory grows with the text it holds, and the actor, event and quote stages compare
mentions and sentences within a document, so their time grows faster than its length (a 50,000-word
document took 45 s in the actor stage where five 10,000-word ones take 10 s). An article longer than
`piece_chars` is therefore coded as consecutive pieces cut at paragraph breaks (else at a
sentence end, else at a space): each piece is a document of its own for the parse and every stage
(sentences and coreference stay within it), and its records are moved back into the article by
its character, sentence and token offsets. Each piece gets its own id (`<article id>#<n>`) while
the stages run, so the ids the stages derive from the document id and local offsets stay unique
across pieces and stable from run to run; the records then carry the article's id again.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from .model import Actor, Article, Detection, Document, Event, Mention, Place, Quote, Timex, Trigger

# Where a piece may end, best first: after a blank line, after a line break, after a sentence's
# closing punctuation (and any closing quote or bracket), after any whitespace.
_BREAKS = (
    re.compile(r"\n[ \t]*\n\s*"),
    re.compile(r"\n\s*"),
    re.compile(r"[.!?][\"'”’)\]]*\s+"),
    re.compile(r"\s+"),
)


def split_pieces(text: str, max_chars: int) -> list[tuple[int, int]]:
    """(start, end) character ranges covering `text` in order, none longer than `max_chars`.

    A range ends after the best break in its second half (so no piece is needlessly small); a
    text with no break at all there is cut at `max_chars`.
    """
    if max_chars < 1:
        raise ValueError("max_chars must be at least 1")
    pieces: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while n - start > max_chars:
        limit = start + max_chars
        floor = start + max_chars // 2
        end = limit
        for pattern in _BREAKS:
            last = None
            for m in pattern.finditer(text, floor, limit):
                last = m
            if last is not None:
                end = last.end()
                break
        pieces.append((start, end))
        start = end
    if start < n or not pieces:
        pieces.append((start, n))
    return pieces


def piece_article(article: Article, number: int, start: int, end: int) -> Article:
    return dataclasses.replace(article, id=f"{article.id}#{number}", text=article.text[start:end])


class _Shift:
    """Moves one piece's records into the article: characters, sentences and tokens."""

    def __init__(self, article_id: str, chars: int, sentences: int, tokens: int):
        self.article_id = article_id
        self.chars = chars
        self.sentences = sentences
        self.tokens = tokens
        self._done: dict[int, Any] = {}  # one Actor or Place can sit in several records

    def span(self, span: tuple[int, int] | None) -> tuple[int, int] | None:
        if span is None:
            return None
        return (span[0] + self.chars, span[1] + self.chars)

    def _shared(self, obj: Any) -> Any:
        if obj is None:
            return None
        key = id(obj)
        if key not in self._done:
            self._done[key] = dataclasses.replace(obj, span=self.span(obj.span))
        return self._done[key]

    def actor(self, actor: Actor | None) -> Actor | None:
        return self._shared(actor)

    def place(self, place: Place | None) -> Place | None:
        return self._shared(place)

    def mention(self, m: Mention) -> Mention:
        return dataclasses.replace(
            m, article_id=self.article_id, span=self.span(m.span), actor=self.actor(m.actor),
            sentence=m.sentence + self.sentences,
            tokens=(m.tokens[0] + self.tokens, m.tokens[1] + self.tokens))

    def timex(self, t: Timex) -> Timex:
        return dataclasses.replace(t, article_id=self.article_id, span=self.span(t.span),
                                   sentence=t.sentence + self.sentences)

    def event(self, e: Event) -> Event:
        return dataclasses.replace(
            e, article_id=self.article_id, sentence=e.sentence + self.sentences,
            trigger=Trigger(e.trigger.text, self.span(e.trigger.span)),
            source=self.actor(e.source), target=self.actor(e.target),
            location=self.place(e.location))

    def quote(self, q: Quote) -> Quote:
        return dataclasses.replace(q, article_id=self.article_id, span=self.span(q.span),
                                   speaker=self.actor(q.speaker),
                                   sentence=q.sentence + self.sentences)

    def detection(self, d: Detection) -> Detection:
        return dataclasses.replace(
            d, sentence=d.sentence + self.sentences, trigger=self.span(d.trigger),
            source_span=self.span(d.source_span), target_span=self.span(d.target_span))


def merge_piece(into: Document, piece: Document, chars: int, sentences: int, tokens: int) -> None:
    """Append a coded piece's records to the article's document, moved to the article's offsets.

    `chars`, `sentences` and `tokens` are where the piece starts in the article.
    """
    shift = _Shift(into.article.id, chars, sentences, tokens)
    into.mentions.extend(shift.mention(m) for m in piece.mentions)
    into.timexes.extend(shift.timex(t) for t in piece.timexes)
    into.events.extend(shift.event(e) for e in piece.events)
    into.quotes.extend(shift.quote(q) for q in piece.quotes)
    into.detections.extend(shift.detection(d) for d in piece.detections)
