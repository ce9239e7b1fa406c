"""Flattening contract records into table rows and back.

Each table's column list is defined once here and drives both the appender that writes it and
the SELECT that reads it, so writes and reads cannot drift apart.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Any, Iterable, Sequence

from ..model import Actor, Document, Event, Happening, Mention, Place, Quote, Timex

ACTOR_FIELDS = ("text", "start", "end", "name", "code", "country", "sector")
PLACE_FIELDS = ("text", "start", "end", "name", "country", "lat", "lon")


def _prefixed(prefix: str, fields: Sequence[str]) -> list[str]:
    return [f"{prefix}_{f}" for f in fields]


ARTICLE_COLUMNS = ["id", "content_hash", "date", "title", "url", "source", "text",
                   "ingested_at", "updated_at", "language", "duplicate_of"]
# The columns an article record is read from, in `article_record`'s order.
ARTICLE_RECORD_COLUMNS = ["id", "date", "title", "url", "source", "text", "language",
                          "duplicate_of"]

EVENT_COLUMNS = [
    "id", "article_id", "seq", "sentence", "evidence", "trigger_text", "trigger_start",
    "trigger_end", *_prefixed("source", ACTOR_FIELDS), *_prefixed("target", ACTOR_FIELDS),
    "cameo", "plover", "plover_mode", "quad_class", "goldstein", "date", "date_start",
    "date_precision", "date_basis", "negated", "modality", *_prefixed("location", PLACE_FIELDS),
    "confidence", "announced_cameo", "happening",
]

# Beside the record, never part of it: the days the text's date allows where fewer than its
# period's (`Event.date_range`; NULL: the period), which clustering compares. Written after the
# record's columns; read only by clustering (`store.clusters`).
EVENT_RANGE_COLUMNS = ["date_earliest", "date_latest"]
EVENT_STORED_COLUMNS = [*EVENT_COLUMNS, *EVENT_RANGE_COLUMNS]

QUOTE_COLUMNS = ["id", "article_id", "seq", "text", "span_start", "span_end",
                 *_prefixed("speaker", ACTOR_FIELDS), "cue", "direct"]

TIMEX_COLUMNS = ["article_id", "seq", "text", "span_start", "span_end", "type", "value"]

MENTION_COLUMNS = ["article_id", "seq", "text", "span_start", "span_end",
                   *_prefixed("actor", ACTOR_FIELDS)]

ACTOR_TABLE_COLUMNS = ["key", "code", "name", "country", "sector"]

HAPPENING_COLUMNS = [
    "id", "date", "date_start", "date_precision", *_prefixed("source", ACTOR_FIELDS),
    *_prefixed("target", ACTOR_FIELDS), "cameo", "plover", "quad_class", "goldstein", "negated",
    "modality", *_prefixed("location", PLACE_FIELDS), "reports", "articles", "sources",
    "first_seen", "last_seen", "confidence",
]


# ---------------------------------------------------------------------------------------------
# Dates


_PERIOD = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def period_bounds(value: str | date) -> tuple[date, date]:
    """First and last day of a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` period; ValueError otherwise."""
    if isinstance(value, date):
        return value, value
    m = _PERIOD.match(value.strip()) if isinstance(value, str) else None
    if not m:
        raise ValueError(f"expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
    year = int(m.group(1))
    if m.group(3):
        day = date(year, int(m.group(2)), int(m.group(3)))
        return day, day
    if m.group(2):
        month = int(m.group(2))
        last = calendar.monthrange(year, month)[1]  # raises for month 13 like date() would
        return date(year, month, 1), date(year, month, last)
    return date(year, 1, 1), date(year, 12, 31)


def period_start(value: str | None) -> date | None:
    """The first day of an event date's period, or None when it is missing or malformed."""
    if not value:
        return None
    try:
        return period_bounds(value)[0]
    except ValueError:
        # A malformed date is still stored verbatim; it just never matches since/until.
        return None


# ---------------------------------------------------------------------------------------------
# Document -> rows


def actor_key(code: str, name: str | None) -> str:
    return f"{code}\x1f{name or ''}"


def _actor_values(actor: Actor | None) -> tuple[Any, ...]:
    if actor is None:
        return (None,) * len(ACTOR_FIELDS)
    return (actor.text, actor.span[0], actor.span[1], actor.name, actor.code, actor.country,
            actor.sector)


def _place_values(place: Place | None) -> tuple[Any, ...]:
    if place is None:
        return (None,) * len(PLACE_FIELDS)
    return (place.text, place.span[0], place.span[1], place.name, place.country, place.lat,
            place.lon)


def _range_values(e: Event) -> tuple[date | None, date | None]:
    rng = e.date_range if e.date and e.date_basis == "text" else None
    if not rng:
        return None, None
    try:
        days = date.fromisoformat(rng[0]), date.fromisoformat(rng[1])
        if days == period_bounds(e.date):
            return None, None  # the date's period itself: NULL says it
        return days
    except (TypeError, ValueError):
        return None, None


def event_rows(events: Iterable[Event], article_id: str) -> list[tuple[Any, ...]]:
    """Rows of EVENT_STORED_COLUMNS (the record's columns, then its date range)."""
    # article_id comes from the article, not from each record: the row belongs to the article
    # being written even if a stage left a stale id on a record.
    return [
        (e.id, article_id, seq, e.sentence, e.evidence, e.trigger.text, e.trigger.span[0],
         e.trigger.span[1], *_actor_values(e.source), *_actor_values(e.target), e.cameo,
         e.plover, e.plover_mode, e.quad_class, e.goldstein, e.date, period_start(e.date),
         e.date_precision, e.date_basis, e.negated, e.modality, *_place_values(e.location),
         e.confidence, e.announced_cameo, e.happening, *_range_values(e))
        for seq, e in enumerate(events)
    ]


def _record_values(record: dict[str, Any] | None, fields: Sequence[str]) -> tuple[Any, ...]:
    if record is None:
        return (None,) * len(fields)
    return tuple(record["span"][0] if f == "start" else record["span"][1] if f == "end"
                 else record.get(f) for f in fields)


def happening_row(h: Happening) -> tuple[Any, ...]:
    return (h.id, h.date, period_start(h.date), h.date_precision,
            *_record_values(h.source, ACTOR_FIELDS), *_record_values(h.target, ACTOR_FIELDS),
            h.cameo, h.plover, h.quad_class, h.goldstein, h.negated, h.modality,
            *_record_values(h.location, PLACE_FIELDS), h.reports, h.articles, h.sources,
            h.first_seen, h.last_seen, h.confidence)


def quote_rows(quotes: Iterable[Quote], article_id: str) -> list[tuple[Any, ...]]:
    return [
        (q.id, article_id, seq, q.text, q.span[0], q.span[1], *_actor_values(q.speaker), q.cue,
         q.direct)
        for seq, q in enumerate(quotes)
    ]


def timex_rows(timexes: Iterable[Timex], article_id: str) -> list[tuple[Any, ...]]:
    return [(article_id, seq, t.text, t.span[0], t.span[1], t.type, t.value)
            for seq, t in enumerate(timexes)]


def mention_rows(mentions: Iterable[Mention], article_id: str) -> list[tuple[Any, ...]]:
    return [(article_id, seq, m.text, m.span[0], m.span[1], *_actor_values(m.actor))
            for seq, m in enumerate(mentions)]


def actor_table_rows(document: Document) -> list[tuple[Any, ...]]:
    """Distinct (name, code) actors the document refers to; the last occurrence's attributes win."""
    seen: dict[str, tuple[Any, ...]] = {}
    actors: list[Actor | None] = [m.actor for m in document.mentions]
    for e in document.events:
        actors.extend((e.source, e.target))
    actors.extend(q.speaker for q in document.quotes)
    for a in actors:
        if a is None or not a.code:
            continue
        key = actor_key(a.code, a.name)
        seen[key] = (key, a.code, a.name, a.country, a.sector)
    return list(seen.values())


# ---------------------------------------------------------------------------------------------
# rows -> records (the exact `to_record()` shapes)


def _actor_record(values: Sequence[Any]) -> dict[str, Any] | None:
    text, start, end, name, code, country, sector = values
    if text is None and code is None:
        return None
    return {"text": text, "span": [start, end], "name": name, "code": code, "country": country,
            "sector": sector}


def _place_record(values: Sequence[Any]) -> dict[str, Any] | None:
    text, start, end, name, country, lat, lon = values
    if text is None and name is None:
        return None
    return {"text": text, "span": [start, end], "name": name, "country": country, "lat": lat,
            "lon": lon}


def article_record(row: Sequence[Any]) -> dict[str, Any]:
    """From a row of ARTICLE_RECORD_COLUMNS."""
    id_, date_, title, url, source, text, language, duplicate_of = row
    return {"kind": "article", "id": id_, "date": date_, "title": title, "url": url,
            "source": source, "text": text, "language": language, "duplicate_of": duplicate_of}


def _slice(columns: list[str], first: str, fields: Sequence[str]) -> slice:
    at = columns.index(first)
    return slice(at, at + len(fields))


_EVENT_SOURCE = _slice(EVENT_COLUMNS, "source_text", ACTOR_FIELDS)
_EVENT_TARGET = _slice(EVENT_COLUMNS, "target_text", ACTOR_FIELDS)
_EVENT_LOCATION = _slice(EVENT_COLUMNS, "location_text", PLACE_FIELDS)
_HAPPENING_SOURCE = _slice(HAPPENING_COLUMNS, "source_text", ACTOR_FIELDS)
_HAPPENING_TARGET = _slice(HAPPENING_COLUMNS, "target_text", ACTOR_FIELDS)
_HAPPENING_LOCATION = _slice(HAPPENING_COLUMNS, "location_text", PLACE_FIELDS)
_QUOTE_SPEAKER = _slice(QUOTE_COLUMNS, "speaker_text", ACTOR_FIELDS)
_MENTION_ACTOR = _slice(MENTION_COLUMNS, "actor_text", ACTOR_FIELDS)


def event_record(row: Sequence[Any]) -> dict[str, Any]:
    r = dict(zip(EVENT_COLUMNS, row))
    return {
        "kind": "event",
        "id": r["id"],
        "article_id": r["article_id"],
        "sentence": r["sentence"],
        "evidence": r["evidence"],
        "trigger": {"text": r["trigger_text"], "span": [r["trigger_start"], r["trigger_end"]]},
        "source": _actor_record(row[_EVENT_SOURCE]),
        "target": _actor_record(row[_EVENT_TARGET]),
        "cameo": r["cameo"],
        "plover": r["plover"],
        "plover_mode": r["plover_mode"],
        "quad_class": r["quad_class"],
        "goldstein": r["goldstein"],
        "date": r["date"],
        "date_precision": r["date_precision"],
        "date_basis": r["date_basis"],
        "negated": r["negated"],
        "modality": r["modality"],
        "location": _place_record(row[_EVENT_LOCATION]),
        "confidence": r["confidence"],
        "announced_cameo": r["announced_cameo"],
        "happening": r["happening"],
    }


def quote_record(row: Sequence[Any]) -> dict[str, Any]:
    r = dict(zip(QUOTE_COLUMNS, row))
    return {
        "kind": "quote",
        "id": r["id"],
        "article_id": r["article_id"],
        "text": r["text"],
        "span": [r["span_start"], r["span_end"]],
        "speaker": _actor_record(row[_QUOTE_SPEAKER]),
        "cue": r["cue"],
        "direct": r["direct"],
    }


def timex_record(row: Sequence[Any]) -> dict[str, Any]:
    r = dict(zip(TIMEX_COLUMNS, row))
    return {"kind": "timex", "article_id": r["article_id"], "text": r["text"],
            "span": [r["span_start"], r["span_end"]], "type": r["type"], "value": r["value"]}


def mention_record(row: Sequence[Any]) -> dict[str, Any]:
    r = dict(zip(MENTION_COLUMNS, row))
    return {"kind": "mention", "article_id": r["article_id"], "text": r["text"],
            "span": [r["span_start"], r["span_end"]],
            "actor": _actor_record(row[_MENTION_ACTOR])}


def happening_record(row: Sequence[Any], event_ids: list[str]) -> dict[str, Any]:
    """From a row of HAPPENING_COLUMNS and its reports' ids: the contract's `happening`."""
    r = dict(zip(HAPPENING_COLUMNS, row))
    return Happening(
        id=r["id"], date=r["date"], date_precision=r["date_precision"],
        source=_actor_record(row[_HAPPENING_SOURCE]), target=_actor_record(row[_HAPPENING_TARGET]),
        cameo=r["cameo"], plover=r["plover"], quad_class=r["quad_class"],
        goldstein=r["goldstein"], negated=r["negated"], modality=r["modality"],
        location=_place_record(row[_HAPPENING_LOCATION]), reports=r["reports"],
        articles=r["articles"], sources=r["sources"], first_seen=r["first_seen"],
        last_seen=r["last_seen"], event_ids=list(event_ids), confidence=r["confidence"],
    ).to_record()
