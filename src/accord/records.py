"""Contract records back into the model: the inverse of `Document.records()`.

    document = document_from_records(records)   # one article record, then its parts

Used where records were written by one process and are stored by another (`accord load` of a
Spark job's output). Internal fields that never reach a record (token ranges, rule names, the
sentence of a mention) take their defaults.
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping

from .model import Actor, Article, Document, Event, Mention, Place, Quote, Timex, Trigger


def _span(value: Any) -> tuple[int, int]:
    start, end = value
    return (int(start), int(end))


def actor_from_record(r: Mapping[str, Any] | None) -> Actor | None:
    if r is None:
        return None
    return Actor(r["text"], _span(r["span"]), r.get("name"), r["code"], r.get("country"),
                 r.get("sector"))


def place_from_record(r: Mapping[str, Any] | None) -> Place | None:
    if r is None:
        return None
    return Place(r["text"], _span(r["span"]), r.get("name"), r.get("country"), r.get("lat"),
                 r.get("lon"))


def article_from_record(r: Mapping[str, Any]) -> Article:
    return Article(id=r["id"], text=r["text"], date=r.get("date"), title=r.get("title"),
                   url=r.get("url"), source=r.get("source"), language=r.get("language"),
                   duplicate_of=r.get("duplicate_of"))


def event_from_record(r: Mapping[str, Any]) -> Event:
    return Event(
        id=r["id"], article_id=r["article_id"], sentence=int(r["sentence"]),
        evidence=r["evidence"], trigger=Trigger(r["trigger"]["text"], _span(r["trigger"]["span"])),
        source=actor_from_record(r.get("source")), target=actor_from_record(r.get("target")),
        cameo=r["cameo"], plover=r["plover"], plover_mode=r.get("plover_mode"),
        quad_class=int(r["quad_class"]), goldstein=float(r["goldstein"]), date=r.get("date"),
        date_precision=r.get("date_precision"), date_basis=r.get("date_basis"),
        negated=bool(r["negated"]), modality=r["modality"],
        location=place_from_record(r.get("location")), confidence=float(r["confidence"]),
        announced_cameo=r.get("announced_cameo"), happening=r.get("happening"),
        date_range=_date_range(r.get("date_range")))


def _date_range(value: Any) -> tuple[str, str] | None:
    """Not a contract field: what a Spark run writes beside an event record (`spark.schema.
    BESIDE_DDL`, the days its text date allows); None in a record."""
    if not value or len(value) != 2 or None in value:
        return None
    return str(value[0]), str(value[1])


def quote_from_record(r: Mapping[str, Any]) -> Quote:
    return Quote(r["id"], r["article_id"], r["text"], _span(r["span"]),
                 actor_from_record(r.get("speaker")), r.get("cue"), bool(r["direct"]))


def timex_from_record(r: Mapping[str, Any]) -> Timex:
    return Timex(r["article_id"], r["text"], _span(r["span"]), r["type"], r["value"])


def mention_from_record(r: Mapping[str, Any]) -> Mention:
    return Mention(r["article_id"], r["text"], _span(r["span"]), actor_from_record(r["actor"]))


def document_from_records(records: Iterable[Mapping[str, Any]]) -> Document:
    """One article's records (its `article` record among them) as a `Document`; the records of
    each kind keep their order."""
    article: Article | None = None
    mentions, timexes, events, quotes = [], [], [], []
    for r in records:
        kind = r["kind"]
        if kind == "article":
            if article is not None:
                raise ValueError(f"two article records ({article.id!r} and {r['id']!r})")
            article = article_from_record(r)
        elif kind == "mention":
            mentions.append(mention_from_record(r))
        elif kind == "timex":
            timexes.append(timex_from_record(r))
        elif kind == "event":
            events.append(event_from_record(r))
        elif kind == "quote":
            quotes.append(quote_from_record(r))
        else:
            raise ValueError(f"not a record of an article: kind {kind!r}")
    if article is None:
        raise ValueError("no article record among the records")
    return Document(article, mentions=mentions, timexes=timexes, events=events, quotes=quotes)
