"""`accord actors resolve` as a Python call: who a mention names on a day, and why.

    from accord.actors.lookup import resolve_text
    r = resolve_text("NATO's secretary general", "2019-06-01")
    r.name, r.code, r.how, r.office.title

The mention covering the largest part of the text is the answer (the first of equals); the
others are kept in `other_mentions`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..model import Actor, Article, Document, Mention
from .knowledge import KnowledgeBase, Office


@dataclass
class Resolution:
    text: str
    date: dt.date
    mention: Mention | None  # the mention covering the most of the text, None when there is none
    office: Office | None  # the office through which the actor has its code on the date
    other_mentions: list[Mention] = field(default_factory=list)

    @property
    def actor(self) -> Actor | None:
        return self.mention.actor if self.mention is not None else None

    @property
    def name(self) -> str | None:
        return self.actor.name if self.actor is not None else None

    @property
    def code(self) -> str | None:
        return self.actor.code if self.actor is not None else None

    @property
    def country(self) -> str | None:
        return self.actor.country if self.actor is not None else None

    @property
    def how(self) -> str | None:
        return str(self.mention.how) if self.mention is not None else None

    @property
    def role(self) -> str | None:
        a = self.actor
        if a is None:
            return None
        return a.role or (self.office.role or None if self.office is not None else None)

    def to_dict(self) -> dict[str, Any]:
        """The object `accord actors resolve --json` prints."""
        payload: dict[str, Any] = {"text": self.text, "name": None, "code": None, "country": None, "sector": None,
                                   "role": None, "how": None, "office": None, "date": self.date.isoformat(),
                                   "key": None, "mention": None, "other_mentions": []}
        best = self.mention
        if best is None:
            return payload
        a = best.actor
        payload.update(name=a.name, code=a.code, country=a.country, sector=a.sector, role=self.role, how=self.how,
                       office=office_dict(self.office) if self.office is not None else None, key=a.key,
                       mention={"text": best.text, "span": [best.span[0], best.span[1]]})
        payload["other_mentions"] = [
            {"text": m.text, "span": [m.span[0], m.span[1]], "name": m.actor.name, "code": m.actor.code,
             "how": str(m.how)} for m in self.other_mentions]
        return payload


def iso(value: dt.date | None) -> str | None:
    if value is None or value == dt.date.min:
        return None
    return value.isoformat()


def office_dict(office: Office) -> dict[str, Any]:
    return {"title": office.title, "role": office.role or None, "country": office.country,
            "start": iso(office.start), "end": iso(office.end), "code": office.code, "source": office.source}


def office_for(kb: KnowledgeBase, actor: Actor, on: dt.date) -> Office | None:
    """The office through which the actor has its code on that day, if any."""
    if not actor.key or not actor.key.startswith("person:"):
        return None
    offices = kb.offices_of(actor.key, on)
    if not offices:
        return None
    for test in (lambda o: o.code == actor.code and (actor.role is None or o.role == actor.role),
                 lambda o: o.code == actor.code,
                 lambda o: actor.role is not None and o.role == actor.role):
        hits = [o for o in offices if test(o)]
        if hits:
            return hits[0]
    return offices[0]


def resolve_text(text: str, on: dt.date | str | None = None, stage: Any = None, nlp: Any = None) -> Resolution:
    """Resolve the actor `text` names as of `on` (a date or YYYY-MM-DD; default today), with the
    given ActorStage (default: the packaged data plus the user's actor files) and spaCy pipeline."""
    from .resolver import ActorStage
    from ..analysis import load_nlp

    day = dt.date.fromisoformat(on) if isinstance(on, str) else (on or dt.date.today())
    stage = stage or ActorStage()
    nlp = nlp or load_nlp()
    document = Document(Article(id="resolve", text=text, date=day.isoformat()))
    document.doc = nlp(text)
    stage.process_document(document)
    mentions = document.mentions
    best = max(mentions, key=lambda m: m.span[1] - m.span[0]) if mentions else None
    office = office_for(stage.kb, best.actor, day) if best is not None else None
    others = [m for m in mentions if m is not best]
    return Resolution(text=text, date=day, mention=best, office=office, other_mentions=others)
