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


class OfficeHolders(Pass):
    """"The president asked him", "a plea to the president": a definite office the context-groups
    pass placed in a country (`Found.role` on a role group), that no earlier title in the article
    claims (role anaphora ran first), is its holder on the article's date when the office has
    exactly one; else it stays the office without a person (the group with its role)."""

    name = "office-holders"

    def run(self, context: ResolutionContext) -> None:
        kb, on = context.kb, context.on
        for f in context.found:
            if f.how != How.ROLE_GROUP or not f.role or not f.country:
                continue
            if f.role == "leader":
                continue  # "the leader": of what, the story has to say
            holders = kb.holders(f.country, f.role, on)
            if len(holders) != 1:
                continue
            # the holder's office there is called what the text calls it: "the president" of a
            # country whose head of state is a queen is someone else
            noun = context.doc[f.last].lower_
            if any(noun in o.title.lower() for o in kb.offices_of(holders[0].key, on)
                   if o.country == f.country):
                f.entity, f.how = holders[0], How.ROLE
                f.code = f.sector = f.country = f.name = None
