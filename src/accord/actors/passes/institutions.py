"""Institutions named without their country ("Congress", "the House of Commons") whose name the
knowledge base gives one country's institution: in a sentence or article set in another
country, the institution of that country ("Peruvian President Martin Vizcarra dissolved
Congress" is Peru's legislature, not the US Congress). The names are `generic_institution_names`
in words.yaml."""

from __future__ import annotations

from ..context import Found, ResolutionContext
from ..kinds import How
from ..phrases import np_left
from ..words import words
from .base import Pass

PLACING_KINDS = ("country", "seat", "person")


class NationalInstitutions(Pass):
    name = "national-institutions"

    def run(self, context: ResolutionContext) -> None:
        doc, found = context.doc, context.found
        generic = words().generic_institution_names
        for index, f in enumerate(found):
            if f.how != How.NAME or f.entity.kind not in ("seat", "org") or not f.entity.country:
                continue
            text = doc[f.start:f.end].text
            if text not in generic and text.removeprefix("the ").removeprefix("The ") not in generic:
                continue
            own = f.entity.country
            country = phrase_country(context, f)
            if country is None:
                sent = doc[f.start].sent
                in_sentence = [g for g in found if g is not f and sent.start <= g.start < sent.end and g.actor_country]
                if any(g.actor_country == own for g in in_sentence):
                    continue  # "Republicans in Congress": the sentence names the institution's own country
                here = {g.actor_country for g in in_sentence if g.entity.kind in PLACING_KINDS and g.how != How.MODIFIER}
                if len(here) == 1:
                    country = here.pop()
                else:
                    article = context.article_country()
                    country = article if not here and article != own else None
            if country is None or country == own:
                continue
            sector = f.sector or f.entity.sector
            found[index] = context.lookups.group(f.start, f.end, country, sector)


def phrase_country(context: ResolutionContext, f: Found) -> str | None:
    """The country a nationality adjective or a possessive in the name's phrase gives ("the
    Peruvian Congress", "Peru's Congress")."""
    doc, kb = context.doc, context.kb
    left = np_left(doc[f.end - 1])
    for m in context.matches:
        if left <= m.start and m.end <= f.start:
            entity = kb.entity(m.key)
            if entity.kind == "country" and entity.country:
                return entity.country
    return None
