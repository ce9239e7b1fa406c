"""The document model every stage shares.

Readers make `Article`s; the analysis stage wraps each in a `Document` holding the spaCy parse;
the actor, time, event and quote stages each fill their own list on the `Document`; the store and
the exporters read records from `Document.records()`. The record shapes are the extraction
contract (`../shared/contract`): `to_record()` emits exactly the contract's fields, while the
dataclasses may carry extra internal fields (token indices, rule names) that never leave the
process except through `--explain`.
"""

from __future__ import annotations

import hashlib
import operator
from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import Any, Iterator

Span = tuple[int, int]


def _pickled_by_fields(cls: type) -> type:
    """Pickle instances as `cls(*fields)`: a tuple of values rather than the default's dict of
    slot names and values for every object. Worker processes send their coded documents to the
    writing process this way (`accord.workers`): a quarter smaller, and cheaper to load there,
    where the cores are shared with the workers (on 300 articles, best of three, the garbage
    collector settled as in those processes: 0.29 -> 0.19 ms of CPU per article to load,
    0.35 -> 0.16 to dump)."""
    values = operator.attrgetter(*(f.name for f in fields(cls)))

    def __reduce__(self: Any) -> tuple[type, tuple[Any, ...]]:
        return cls, values(self)

    cls.__reduce__ = __reduce__  # type: ignore[method-assign]
    return cls


class Modality(StrEnum):
    """How an event is reported, apart from fact and negation (a member equals its string value,
    which is what records carry)."""

    ASSERTED = "asserted"  # told as fact
    ALLEGED = "alleged"  # reported but unconfirmed ("reportedly", "accused of", "believe that")
    HYPOTHETICAL = "hypothetical"  # possible or conditional ("could", "if", "a possible strike")
    FUTURE = "future"  # announced or scheduled ("will meet on Friday"; an intent, 03x)


MODALITIES = tuple(m.value for m in Modality)
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")


@_pickled_by_fields
@dataclass(slots=True)
class Article:
    """One news article: the unit readers produce and the store keys on."""

    id: str
    text: str
    date: str | None = None  # publication date, YYYY-MM-DD
    title: str | None = None
    url: str | None = None
    source: str | None = None
    origin: str | None = None  # where it was read from (file, file:line, <stdin>); not stored in records
    language: str | None = None  # ISO 639-1 code as detected; None when unknown
    duplicate_of: str | None = None  # id of the stored article this one is a near-copy of

    @property
    def content_hash(self) -> str:
        """Identity of the article's content: same text, date and title give the same hash."""
        h = hashlib.sha256()
        for part in (self.text, self.date or "", self.title or ""):
            h.update(part.encode("utf-8"))
            h.update(b"\x00")
        return h.hexdigest()

    def to_record(self) -> dict[str, Any]:
        return {
            "kind": "article",
            "id": self.id,
            "date": self.date,
            "title": self.title,
            "url": self.url,
            "source": self.source,
            "text": self.text,
            "language": self.language,
            "duplicate_of": self.duplicate_of,
        }


@_pickled_by_fields
@dataclass(slots=True)
class Actor:
    """A resolved actor as it appears in one place of an article."""

    text: str
    span: Span
    name: str | None
    code: str
    country: str | None
    sector: str | None
    # Internal: the canonical identity (person id, country code, ...) used for coreference.
    key: str | None = None
    role: str | None = None

    def to_record(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "span": [self.span[0], self.span[1]],
            "name": self.name,
            "code": self.code,
            "country": self.country,
            "sector": self.sector,
        }


@_pickled_by_fields
@dataclass(slots=True)
class Place:
    text: str
    span: Span
    name: str
    country: str | None
    lat: float | None
    lon: float | None

    def to_record(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "span": [self.span[0], self.span[1]],
            "name": self.name,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
        }


@_pickled_by_fields
@dataclass(slots=True)
class Mention:
    """One resolved actor mention; coreferent mentions (pronouns, role phrases) included."""

    article_id: str
    text: str
    span: Span
    actor: Actor
    sentence: int = 0
    # Internal: how the mention was resolved ("name", "role", "pronoun", "plural", ...) and the
    # token range it covers in the spaCy Doc, for the stages that work on the parse.
    how: str = ""
    tokens: tuple[int, int] = (0, 0)

    def to_record(self) -> dict[str, Any]:
        return {
            "kind": "mention",
            "article_id": self.article_id,
            "text": self.text,
            "span": [self.span[0], self.span[1]],
            "actor": self.actor.to_record(),
        }


@_pickled_by_fields
@dataclass(slots=True)
class Timex:
    """A TimeML TIMEX3 expression normalized against the article date."""

    article_id: str
    text: str
    span: Span
    type: str  # DATE, TIME, DURATION, SET
    value: str
    sentence: int = 0
    rule: str = ""  # internal: the rule that produced it
    # internal: the days (ISO earliest, latest) the value allows an act told with it, read with
    # the dateline and the tense ("last week": the week before the dateline's; "this month" in
    # the past tense: up to the dateline); None: no such period. Never a contract field.
    range: tuple[str, str] | None = None

    def to_record(self) -> dict[str, Any]:
        return {
            "kind": "timex",
            "article_id": self.article_id,
            "text": self.text,
            "span": [self.span[0], self.span[1]],
            "type": self.type,
            "value": self.value,
        }


@_pickled_by_fields
@dataclass(slots=True)
class Trigger:
    text: str
    span: Span

    def to_record(self) -> dict[str, Any]:
        return {"text": self.text, "span": [self.span[0], self.span[1]]}


@_pickled_by_fields
@dataclass(slots=True)
class Event:
    id: str
    article_id: str
    sentence: int
    evidence: str
    trigger: Trigger
    source: Actor | None
    target: Actor | None
    cameo: str
    plover: str
    plover_mode: str | None
    quad_class: int
    goldstein: float
    date: str | None
    date_precision: str | None
    date_basis: str | None
    negated: bool
    modality: Modality
    location: Place | None
    confidence: float
    # The CAMEO code of the act an intent, threat, demand or refusal is about ("will visit"
    # coded 036 announces 042); None for every other event.
    announced_cameo: str | None = None
    happening: str | None = None  # the happening a store clustered this report into
    explain: str = ""  # internal: the rule or pattern that fired (`accord extract --explain`)
    # internal: the days (ISO earliest, latest) a date the text gives allows, where they are fewer
    # than its period's ("last week" is a month in `date`, a week here; "this month", told in
    # the past, ends at the dateline): what the store keeps beside the record and clustering
    # compares. None: the date's period. Never a contract field (the contract's date precision
    # is a year, a month or a day).
    date_range: tuple[str, str] | None = None

    def to_record(self) -> dict[str, Any]:
        return {
            "kind": "event",
            "id": self.id,
            "article_id": self.article_id,
            "sentence": self.sentence,
            "evidence": self.evidence,
            "trigger": self.trigger.to_record(),
            "source": self.source.to_record() if self.source else None,
            "target": self.target.to_record() if self.target else None,
            "cameo": self.cameo,
            "plover": self.plover,
            "plover_mode": self.plover_mode,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "date": self.date,
            "date_precision": self.date_precision,
            "date_basis": self.date_basis,
            "negated": self.negated,
            "modality": self.modality,
            "location": self.location.to_record() if self.location else None,
            "confidence": self.confidence,
            "announced_cameo": self.announced_cameo,
            "happening": self.happening,
        }


@dataclass(slots=True)
class Happening:
    """One real-world event, however many reports (event records) tell of it: the best-informed
    values of its reports and its counts (`accord.clustering.happenings` builds it). Actors and
    the place are records (dicts) of one of its reports, their spans in that report's article."""

    id: str
    date: str | None
    date_precision: str | None
    source: dict[str, Any] | None
    target: dict[str, Any] | None
    cameo: str
    plover: str
    quad_class: int
    goldstein: float
    negated: bool
    modality: str
    location: dict[str, Any] | None
    reports: int
    articles: int  # distinct articles, near-copies included
    sources: int  # distinct publishers
    first_seen: str | None  # publication date of the earliest report
    last_seen: str | None
    event_ids: list[str] = field(default_factory=list)
    confidence: float = 0.0

    def to_record(self) -> dict[str, Any]:
        return {
            "kind": "happening",
            "id": self.id,
            "date": self.date,
            "date_precision": self.date_precision,
            "source": self.source,
            "target": self.target,
            "cameo": self.cameo,
            "plover": self.plover,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "negated": self.negated,
            "modality": self.modality,
            "location": self.location,
            "reports": self.reports,
            "articles": self.articles,
            "sources": self.sources,
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
            "event_ids": list(self.event_ids),
            "confidence": self.confidence,
        }


@_pickled_by_fields
@dataclass(slots=True)
class Quote:
    id: str
    article_id: str
    text: str
    span: Span
    speaker: Actor | None
    cue: str | None
    direct: bool
    sentence: int = 0

    def to_record(self) -> dict[str, Any]:
        return {
            "kind": "quote",
            "id": self.id,
            "article_id": self.article_id,
            "text": self.text,
            "span": [self.span[0], self.span[1]],
            "speaker": self.speaker.to_record() if self.speaker else None,
            "cue": self.cue,
            "direct": self.direct,
        }


@dataclass(slots=True)
class Detection:
    """Internal: an event the coder detected in a sentence, whether or not its actors resolved.

    Only detections with a resolved actor become `Event` records; evaluation of event typing and
    argument spans reads all of them.
    """

    sentence: int
    code: str
    trigger: Span
    source_span: Span | None
    target_span: Span | None
    negated: bool
    modality: Modality
    rule: str
    specificity: int = 0
    # How central the trigger is in its sentence: clause embeddings between it and the main
    # predicate (reported clauses and control complements cost nothing), and whether it only
    # frames another detection's event ("said", "decided to"). The main event has the lowest.
    level: int = 0
    frame: bool = False
    # For an event announced for the future: the CAMEO code of the intent it expresses
    # ("will support" -> 032, "plans to impose sanctions" -> 1312; resources/events/intent.yaml).
    intent_code: str | None = None

    @property
    def coded_as(self) -> str:
        """The CAMEO code the sentence's event counts as: an announced event is the intent it
        expresses (CAMEO 03 / 13: "will withdraw" is an intent to yield), else its own code."""
        return self.intent_code or self.code


@dataclass
class Document:
    """An article on its way through the pipeline; each stage fills its own list."""

    article: Article
    doc: Any = None  # the spaCy Doc over exactly `article.text`
    mentions: list[Mention] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    detections: list[Detection] = field(default_factory=list)  # internal, never a record

    @property
    def id(self) -> str:
        return self.article.id

    def records(self) -> Iterator[dict[str, Any]]:
        """All records of this article in contract form: the article first, then its parts."""
        yield self.article.to_record()
        for m in self.mentions:
            yield m.to_record()
        for t in self.timexes:
            yield t.to_record()
        for e in self.events:
            yield e.to_record()
        for q in self.quotes:
            yield q.to_record()


def stable_id(*parts: object) -> str:
    """A short, deterministic id for a record, from the things that identify it."""
    h = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return h[:16]
