"""An act done in office is coded with the office held on its day (issue 12).

The actor stage codes a listed person as of the article's day: someone who has since left office is
a former official (<country>ELI). An act the text dates to a day or month when that person still
held an office ("Theresa May stepped down on July 24", told in September) was done by the office
holder, and a careful coder codes it so (GBRGOV). Only acts dated by the text to a day or a month
are re-coded; a year, a publication date or no date leaves the article-day code.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from ..actors.kinds import Sector


def _day(date: str | None, basis: str | None) -> dt.date | None:
    if basis != "text" or not date or len(date) < 7:
        return None
    try:
        return dt.date.fromisoformat(date if len(date) == 10 else f"{date}-01")
    except ValueError:
        return None


def in_office_on_the_day(events: list[Any], kb: Any = None) -> None:
    """Re-code in place the former officials (ELI) among the sides of `events` who held an office
    on the day the text gives the act."""
    for event in events:
        day = _day(event.date, event.date_basis)
        if day is None:
            continue
        for side in ("source", "target"):
            actor = getattr(event, side)
            if actor is None or actor.sector != Sector.ELI or not (actor.key or "").startswith("person:"):
                continue  # a listed person only ("unlisted:" people have no dated offices)
            if kb is None:
                from ..actors.user_files import load_knowledge_base

                kb = load_knowledge_base()
            try:
                kb.entity(actor.key)
            except KeyError:
                continue
            code = kb.person_code(actor.key, day)
            if code == actor.code or code.endswith(Sector.ELI.value):
                continue
            country = kb.code_country(code)
            sector = code[len(country or ""):][:3] or None
            setattr(event, side, replace(actor, code=code, country=country, sector=sector))
