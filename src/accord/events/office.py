"""An act done in office is coded with the office held on its day (issue 12).

The actor stage codes a listed person as of the article's day: someone who has since left office is
a former official (<country>ELI). An act the text dates to a day or month when that person still
held an office ("Theresa May stepped down on July 24", told in September) was done by the office
holder, and a careful coder codes it so (GBRGOV). Only acts the text dates are re-coded: to a day
or a month, by the office of that day (the month's first); to a year, by one office held all that
year ("Bill Clinton was impeached in 1998": USAGOV). A publication date or no date leaves the
article-day code.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from ..actors.kinds import Sector


def _days(date: str | None, basis: str | None) -> list[dt.date]:
    """The days an office must be held on: the day, or the month's first, of a date the text gives;
    of a year, its first and last days (an office held all that year)."""
    if basis != "text" or not date:
        return []
    try:
        if len(date) == 4:
            year = int(date)
            return [dt.date(year, 1, 1), dt.date(year, 12, 31)]
        return [dt.date.fromisoformat(date if len(date) == 10 else f"{date}-01")]
    except ValueError:
        return []


def in_office_on_the_day(events: list[Any], kb: Any = None) -> None:
    """Re-code in place the former officials (ELI) among the sides of `events` who held an office
    on the day the text gives the act. `kb`: the knowledge base the actors stage resolved them with
    (None: the packaged data plus the user's files)."""
    for event in events:
        days = _days(event.date, event.date_basis)
        if not days:
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
            codes = {kb.person_code(actor.key, day) for day in days}
            code = codes.pop()
            if codes or code == actor.code or code.endswith(Sector.ELI.value):
                continue  # not one office all the time the date allows, or no office
            country = kb.code_country(code)
            sector = code[len(country or ""):][:3] or None
            setattr(event, side, replace(actor, code=code, country=country, sector=sector))
