"""An event's side is shown by the nearest words of the article that name it (the contract:
ACTOR `text`/`span`, "the nearest mention that does").

A side found outside its sentence (the doer of an earlier act that "the attack" retells, a target
borrowed from an earlier record) comes with the words of the sentence it was found in; when the
article names the same actor again between those words and the event's trigger, those later
words are the nearest mention.
"""

from __future__ import annotations

import bisect
from dataclasses import replace
from typing import Any


def nearest_namings(events: list[Any], mentions: list[Any], sentence_starts: list[int]) -> None:
    """Move in place each side of `events` named in an earlier sentence than its own to the latest
    naming of the same actor (same key) that starts before the trigger, when that naming is
    nearer. `sentence_starts`: the character offset of each sentence (`Event.sentence` indexes
    it). A side named in the event's own sentence is kept as found (the phrase the clause names,
    not an apposition or a later short form of it)."""
    by_key: dict[str, list[tuple[int, int]]] = {}
    for m in mentions:
        key = m.actor.key
        if key and tuple(m.span) == tuple(m.actor.span):  # the words name it (not a pronoun)
            by_key.setdefault(key, []).append((m.span[0], m.span[1]))
    for spans in by_key.values():
        spans.sort()
    for event in events:
        start = event.trigger.span[0]
        for side in ("source", "target"):
            actor = getattr(event, side)
            if actor is None or not actor.key or actor.span[1] > sentence_starts[event.sentence]:
                continue  # named in the event's own sentence: kept as found
            spans = by_key.get(actor.key)
            if not spans:
                continue
            k = bisect.bisect_left(spans, (start, -1)) - 1
            while k >= 0 and spans[k][1] > start:
                k -= 1
            if k >= 0 and spans[k][0] > actor.span[0]:
                s, e = spans[k]
                text = next(m.text for m in mentions if tuple(m.span) == (s, e) and m.actor.key == actor.key)
                setattr(event, side, replace(actor, text=text, span=(s, e)))
