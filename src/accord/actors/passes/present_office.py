"""A listed person out of office on the day (by the knowledge base's dated offices) whom the article
names with a present office ("Prime Minister Hubert Minnis", "Zalmay Khalilzad, a US peace envoy"):
the later short forms of the name ("Minnis", "Prime Minister Minnis") hold that office too, not the
former official (ELI) the knowledge base would make them."""

from __future__ import annotations

from ..context import ResolutionContext
from ..kinds import How, Sector
from ..words import words
from .base import Pass

# the mentions that only repeat a naming: they take what the naming gave
REPEATS = (How.SURNAME, How.NAME_TITLE, How.NAME, How.ROLE_NAME, How.DESCRIPTION)


class PresentOffices(Pass):
    name = "present-offices"

    def run(self, context: ResolutionContext) -> None:
        doc, kb, on = context.doc, context.kb, context.on
        past = words().past_holder
        held: dict[str, tuple[str, str | None, str | None]] = {}  # person key -> (code, country, sector)
        for f in sorted(context.found, key=lambda f: f.start):
            e = f.entity
            if e.kind != "person" or e.key.startswith("unlisted:") or f.how not in REPEATS:
                continue
            if f.code is not None:
                # a present title, or "former" said of an office only presumed still held
                if f.how == How.NAME and f.sector is not None and not kb.listed_offices_of(e.key, on) \
                        and (f.sector != Sector.ELI.value or kb.offices_of(e.key, on)):
                    held[e.key] = (f.code, f.country, f.sector)
                continue
            if e.key in held and (held[e.key][2] == Sector.ELI.value
                                  or not any(t.lower_ in past for t in doc[f.start : f.end])):
                f.code, f.country, f.sector = held[e.key]
