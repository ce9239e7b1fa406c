"""Organisations the knowledge base does not list, and where transnational groups act.

- `Organisations`: an organisation whose name says where it is from ("the Hungarian Civil
  Liberties Union", "the California Farm Bureau Federation") or what it is ("the investigative
  website Bellingcat"); with `placeless`, after the sentence has had its chance to place them,
  the ones that stay without a country.
- `PlacedOrganisations`: an unlisted organisation acting as a subject in a clause that places
  it in one country ("The FLN has claimed attacks in Rwanda's Southern Province").
- `LocateTransnational`: a transnational armed group (CAMEO IMG) placed where its sentence puts it.
"""

from __future__ import annotations

from ..context import Found, ResolutionContext
from ..cues import COUNTRY_LIKE
from ..kinds import How, Sector
from ..knowledge import Entity
from ..phrases import is_location, makers_model, organisation_kind, same_clause_countries
from ..words import organisation_nouns, words
from ...places import geocode
from .base import Pass

LARGE_CITY = 100_000


class Organisations(Pass):
    def __init__(self, placeless: bool = False):
        self.placeless = placeless
        self.name = "placeless-organisations" if placeless else "organisations"

    def run(self, context: ResolutionContext) -> None:
        context.found.extend(self._find(context))

    def _find(self, context: ResolutionContext) -> list[Found]:
        doc, kb, by_token = context.doc, context.kb, context.by_token
        role_for = context.lookups.role_for
        covered = context.covered()
        particles = words().lowercase_name_particles
        out: list[Found] = []
        for ent in context.ents:
            kind_sector = None
            if ent.label_ == "ORG" and (trailing := _trailing_country(context, ent)) is not None:
                # "Marriage Equality Coalition Taiwan": an organisation of that country, not the country
                found, kind_sector = trailing
                context.found.remove(found)
                covered -= set(range(found.start, found.end))
            if ent.label_ != "ORG" or any(i in covered for i in range(ent.start, ent.end)):
                continue
            if makers_model(doc, ent.end):
                continue  # "a Boeing 737": the maker of a thing
            country = None
            # the place a name starts with ("the Tokyo Stock Exchange"), left out as an actor of its own
            inner = {t.i: [m for m in context.org_places if m.start <= t.i < m.end] for t in ent}
            for t in ent:
                for m in by_token.get(t.i) or inner.get(t.i, ()):
                    entity = kb.entity(m.key)
                    if entity.kind in COUNTRY_LIKE and entity.country:
                        country = entity.country
                        break
                if country is None and t.pos_ == "PROPN" and t.ent_iob_ == "I" or (country is None and t.i == ent.start):
                    # "La Fortaleza", "El Tiempo": a word after a name's article is part of the name,
                    # and the article itself ("LA", "El") no place
                    in_name = t.lower_ in particles or (t.i > ent.start and doc[t.i - 1].lower_ in particles)
                    hit = None
                    if t.text[:1].isupper() and not in_name:
                        for k in range(min(3, ent.end - t.i), 0, -1):  # "New York", not "York"
                            span = doc[t.i : t.i + k]
                            if all(x.text[:1].isupper() for x in span) and (hit := geocode(span.text)) is not None \
                                    and (k == 1 or hit.name.lower() == span.text.lower()):
                                break  # a longer name only as itself: "White House" is no Casablanca
                            hit = None
                    # a country or US state (no point), or a city big enough to be meant by name
                    if hit is not None and hit.country and (hit.population >= LARGE_CITY or hit.lat is None):
                        country = hit.country
                if country:
                    break
            if country is None:
                country = _possessor_country(context, ent)  # "Cambodia's opposition CNRP"
            hit = role_for(ent[-1].lower_) or role_for(ent[-1].lemma_.lower())
            sector = _described_sector(context, ent) or (hit[1] if hit and hit[1] else None)
            kind = organisation_kind(doc, ent.start, ent.end)
            if country is None and kind is None:
                continue  # nothing says where it is from or what it is
            if country is None and kind[1] is not None:
                # "Sentry, a British monitoring group": the country its description names
                named = {kb.entity(m.key).country for t in kind[1].subtree if not ent.start <= t.i < ent.end
                         for m in by_token.get(t.i, ()) if kb.entity(m.key).kind in COUNTRY_LIKE}
                named.discard(None)
                country = named.pop() if len(named) == 1 else None
            if country is None and not self.placeless:
                continue  # the sentence may still place it (PlacedOrganisations), else the placeless pass
            if sector is None and kind is not None:
                sector = kind[0]
            sector = sector or kind_sector
            code = f"{kb.country_prefix(country) if country else ''}{sector or ''}"  # "USAPRIBUS" for Puerto Rico
            start = ent.start + (1 if ent[0].lower_ == "the" else 0)
            name = doc[start:ent.end].text
            entity = Entity(key=f"unlisted-org:{name}", kind="org", name=name, country=country,
                            sector=sector, code=code)
            out.append(Found(start, ent.end, entity, How.ORG_NAMED))
        return out


def _trailing_country(context: ResolutionContext, ent) -> tuple[Found, str] | None:
    """(the country found, the organisation's code part) for an organisation's name that ends in a
    country's name right after a noun of a kind of organisation, with a capitalised word before it
    ("Marriage Equality Coalition Taiwan", "Reporters Association Nepal"): the country names
    where the organisation is, it is no mention of its own."""
    found = next((f for f in context.found if f.end == ent.end and ent.start < f.start
                  and f.entity.kind in COUNTRY_LIKE and f.how == How.NAME), None)
    if found is None or any(ent.start <= f.start < found.start for f in context.found):
        return None
    noun = context.doc[found.start - 1]
    sector = organisation_nouns().get(noun.lower_)
    if sector is None or noun.i - 1 < ent.start or not context.doc[noun.i - 1].text[:1].isupper() \
            or not noun.text[:1].isupper():
        return None
    return found, sector


def _possessor_country(context: ResolutionContext, ent) -> str | None:
    """"Cambodia's opposition CNRP": the country that owns an organisation's name."""
    for c in ent.root.children:
        if c.dep_ == "poss" and c.i < ent.start:
            for t in [c, *(x for x in c.children if x.dep_ == "compound")]:
                for m in context.by_token.get(t.i, ()):
                    entity = context.kb.entity(m.key)
                    if entity.kind in COUNTRY_LIKE and entity.country:
                        return entity.country
    return None


def _described_sector(context: ResolutionContext, ent) -> str | None:
    """The opposition sector of an organisation its phrase describes as the opposition ("the
    opposition CNRP", "the main opposition, the Cambodia National Rescue Party"): CAMEO codes
    opposition parties and groups OPP (Phoenix.agents.txt: MAIN_OPPOSITION, OPPOSITION_COALITION),
    whatever their name's last word says."""
    root = ent.root
    described = [c for c in root.lefts if c.dep_ in ("compound", "amod") and c.i < ent.start]
    if root.dep_ == "appos" and root.head.i < ent.start:
        described.append(root.head)
    for c in described:
        hit = context.lookups.role_for(c.lower_)
        if hit and hit[1] == Sector.OPP.value:
            return hit[1]
    return None


def claims_violence(subject) -> bool:
    """Whether the subject's verb claims an attack ("has claimed responsibility for several
    attacks", "claimed the bombing"): what an armed group does."""
    w = words()
    verb = subject.head
    if subject.dep_ != "nsubj" or verb.lemma_.lower() not in w.claim_verbs:
        return False
    return any(c.dep_ == "dobj" and c.lemma_.lower() in w.claim_objects for c in verb.children)


class PlacedOrganisations(Pass):
    name = "placed-organisations"

    def run(self, context: ResolutionContext) -> None:
        doc, found = context.doc, context.found
        covered = context.covered()
        out: list[Found] = []
        for ent in context.ents:
            if ent.label_ != "ORG" or len(ent) > 4 or any(i in covered for i in range(ent.start, ent.end)):
                continue
            start = ent.start + (1 if ent[0].lower_ == "the" else 0)
            chamber = doc[start:ent.end].text in words().chamber_names
            if (ent.root.dep_ not in ("nsubj", "nsubjpass") and not chamber) or makers_model(doc, ent.end):
                continue
            sent = ent.sent
            # the places of its own clause: "ABC reported that Pohiva received treatment in New
            # Zealand", "Facebook was ordered to remove the post ... to view in Austria only"
            # place the treatment and the viewing, not the broadcaster or the company
            places = same_clause_countries(ent.root, [
                (doc[f.last], f.entity.country) for f in found if sent.start <= f.start < sent.end
                and f.entity.kind == "country" and f.how in (How.NAME, How.PLACE) and f.entity.country
                and is_location(doc[f.last])])
            if len(places) != 1 and chamber and not places:
                # "The House issued a deposition request" in a story set in the US: a chamber
                # named alone is the legislature of the country the article is set in
                article = context.article_country()
                places = {article} if article else places
            if len(places) != 1:
                continue
            country = places.pop()
            # "The House has only impeached two presidents": the placed country's legislature
            sector = Sector.LEG.value if doc[start:ent.end].text in words().chamber_names else None
            if sector is None and claims_violence(ent.root):
                sector = Sector.REB.value  # an organisation is never its country: RWA is Rwanda's state
            code = f"{context.kb.country_prefix(country)}{sector}" if sector else country
            entity = Entity(key=f"unlisted-org:{ent.text}", kind="org", name=ent.text, country=country,
                            sector=sector, code=code)
            out.append(Found(start, ent.end, entity, How.ORG_PLACED))
        found.extend(out)


class LocateTransnational(Pass):
    """A transnational armed group (CAMEO IMG: Islamic State, al-Qaeda) is placed where the
    sentence puts it: the one country of the places named in its clause, else in its sentence
    ("IS targets in Syria's Hama province"), else of the actors its clause names ("Iraqi
    troops launched an assault on the last ISIS bastion"); with none it keeps no country."""

    name = "locate-transnational"

    def run(self, context: ResolutionContext) -> None:
        doc, found = context.doc, context.found
        for f in found:
            code = f.code or f.entity.code
            if f.entity.kind != "org" or not code.startswith("IMG") or f.country:
                continue
            owner = doc[f.last].head
            if doc[f.last].dep_ == "compound" and owner.pos_ == "NOUN" and owner.lemma_.lower() in words().member_nouns:
                continue  # "the late Al-Qaeda founder": whose founder, not where the group acts
            sent = doc[f.start].sent
            here = [g for g in found if sent.start <= g.start < sent.end and g is not f
                    and g.entity.kind in ("country", "seat", "person", "group") and (g.country or g.entity.country)
                    and g.how != How.MODIFIER]
            places = [(doc[g.last], g.entity.country) for g in here
                      if g.how in (How.NAME, How.PLACE) and g.entity.kind == "country" and is_location(doc[g.last])]
            countries = same_clause_countries(doc[f.last], places)
            if len(countries) != 1:
                countries = {c for _, c in places}
            if not countries:  # no place named: the actors of its clause ("Iraqi troops ... ISIS")
                named = [(doc[g.last], g.country or g.entity.country) for g in here]
                countries = same_clause_countries(doc[f.last], named)
            if len(countries) == 1:
                country = countries.pop()
                try:
                    cameo = context.kb.country_info(country)["cameo"]
                except KeyError:  # a region code, not a country
                    continue
                f.country, f.code = country, cameo + code
