"""Unnamed groups placed by their sentence.

- `ContextGroups`: the group nouns the role-phrases pass left pending ("Authorities ease curfew
  as businesses reopen in Amman") take the one country their clause names; a group named by its
  community ("Rohingya insurgents") the country of its partner or of its event's place; else a
  group of known kind and no country.
- `Movements`: adherents of a movement named as a people and coordinated with an actor of a
  country ("Nepal's government and former rebel Maoists") are a group of that country.
"""

from __future__ import annotations

from typing import Any

from spacy.symbols import PROPN

from ...analysis.docview import view
from ..context import Found, ResolutionContext, unplaced_group
from ..cues import ORGANISATION_KINDS
from ..kinds import How, Sector
from ..phrases import clause_countries, names_community, np_left, place_country, same_clause_countries
from ..words import words
from .base import Pass


class ContextGroups(Pass):
    name = "context-groups"

    def run(self, context: ResolutionContext) -> None:
        found, lookups = context.found, context.lookups
        out: list[Found] = []
        covered = context.covered()
        for pending in context.pending:
            head, left, sector, stop = pending.head, pending.left, pending.sector, pending.stop
            if head.i in covered:
                continue
            if not pending.may_take_country:
                country = community_country(head, found)
                if country is not None:
                    out.append(lookups.group(left, stop, country, sector, pending.inner_head))
                    continue
                out.append(unplaced_group(left, stop, sector, placeless=True,  # type: ignore[arg-type]
                                          head=pending.inner_head))
                continue
            role = pending.role
            if role is not None:
                # "the president", "a plea to the president": the office of the country the story
                # is set in, whatever other country its sentence names ("the president's lawyer
                # travelled to Ukraine"); with no such country, only a subject is placed (as any
                # group noun), and then as a group without the office
                story = context.article_country()
                if story is not None:
                    group = lookups.group(left, stop, story, sector, pending.inner_head)
                    refined = lookups.refine(pending.match, story)[0] if pending.match is not None else None
                    group.role = refined or role
                    out.append(group)
                    continue
                if head.dep_ not in ("nsubj", "nsubjpass"):
                    continue
            sent = head.sent
            # Countries the sentence names, its office holders' included ("President Temer").
            here = [f for f in found if sent.start <= f.start < sent.end and (f.country or f.entity.country)
                    and f.how != How.MODIFIER]  # "a Turkish ship" does not place "the army"
            # Not a private person's ("Police alleged the accused ...": an Australian accused
            # does not make a New Zealand story's police Australian)
            named = [(head.doc[f.last], f.country or f.entity.country) for f in here
                     if f.entity.kind in ("country", "seat") or (
                         f.entity.kind == "person" and (f.sector or f.entity.sector) != Sector.CVL)]
            article = context.article_country() if definite_institution(head, sector) else None
            if not named and article is None:
                # else a national organisation: "The Welsh Government said ... most pupils"
                named = [(head.doc[f.last], f.country or f.entity.country) for f in here if f.entity.kind == "org"]
            countries = clause_countries(head, named)
            if len(countries) == 1 and article is not None and article not in countries \
                    and not same_clause_countries(head, named):
                # "The army said the plane was bringing meat from Bishkek, Kyrgyzstan" in a story
                # set in Iran: a country named only in another clause (what the army said) does
                # not place the institution; the story's country does
                countries = {article}
            elif len(countries) == 1 and article is not None and article not in countries \
                    and counterpart(head, named):
                # "The Kremlin dismissed the administration's accusation" in a US story: the
                # institution is the other side of its clause, of the article's country.
                countries = {article}
            elif len(countries) == 1 and article is None and (story := context.article_country()) is not None \
                    and story not in countries and counterpart(head, [(t, c) for t, c in named if c in countries]):
                # "Protesters have claimed Iran is influencing their government" in a story set in
                # Iraq: the other side of the group's clause is not the group's country.
                countries = {story}
            elif len(countries) == 1 and article is None and acted_on(
                    head, [(head.doc[f.last], f.country or f.entity.country) for f in here
                           if f.entity.kind == "country" and f.how == How.NAME
                           and (f.country or f.entity.country) in countries]):
                # "The foreign minister criticized Iran", "the president accused Russia", "the
                # prime minister will visit China", with no story country to place them: the one
                # country the sentence names is the other side of the group's clause, not its own
                # (the group stays of known kind, country unknown)
                countries = set()
            elif len(countries) == 1 and article is None and origin_of_object(
                    head, [(head.doc[f.last], f.country or f.entity.country) for f in here
                           if (f.country or f.entity.country) in countries]):
                # "The rebels called for troops from Chad": the country a phrase on the clause's
                # object comes from is that object's, not the subject's (kind known, country unknown)
                countries = set()
            elif len(countries) == 1 and article is None and named_place_phrase(head) and counterpart(
                    head, [(t, c) for t, c in named if c in countries]):
                # "Russian jets bombed armed groups in Idlib": a group the other side of its clause
                # acts on, placed by a named place the gazetteer could not give a country, is
                # not that side's (kind known, country unknown)
                countries = set()
            if not countries and article is not None:
                countries = {article}  # "the administration", "the Senate": the article's country
            if len(countries) == 1:
                out.append(lookups.group(left, stop, countries.pop(), sector, pending.inner_head))
            elif sector and (head.dep_ == "nsubj" or not any(c.dep_ in ("nummod", "quantmod") for c in head.lefts)) and (
                    head.dep_ in ("nsubj", "nsubjpass") or (
                    head.dep_ in ("dobj", "pobj", "ROOT", "appos", "conj")
                    and (head.tag_ in ("NNS", "NNPS") or any(c.lower_ == "the" for c in head.lefts)))):
                # "rebels", "troops attacked rebels": an actor of known kind, country unknown; a
                # counted group acting ("Three thousand employees went on strike") too.
                out.append(unplaced_group(left, stop, sector, head=pending.inner_head))
        found.extend(out)


STATE_SECTORS = frozenset({Sector.GOV.value, Sector.LEG.value, Sector.JUD.value, Sector.COP.value,
                           Sector.MIL.value, Sector.SPY.value})


def definite_institution(head: Any, sector: str | None) -> bool:
    """"the administration", "the Senate", "the army": one definite state institution, which
    stands for the one of the country the article is set in when its sentence names none."""
    return bool(sector) and sector[:3] in STATE_SECTORS and head.tag_ in ("NN", "NNP") and any(
        c.dep_ == "det" and c.lower_ == "the" for c in head.lefts)


def counterpart(head: Any, named: list[tuple[Any, str]]) -> bool:
    """Whether the one country the sentence names is another participant of `head`'s clause
    (its subject while `head` is in the object, or the other way round): the institution is
    then that actor's counterpart, not its own country's."""
    node = head
    while node.dep_ in ("poss", "compound", "amod", "conj") and node.head.i != node.i:
        node = node.head  # "the administration's accusation": the accusation's role in the clause
    if node.dep_ == "pobj" and node.head.dep_ == "agent":
        node = node.head  # "was dismissed by the administration"
    verb = node.head
    roles = {node.dep_}
    for tok, _ in named:
        other = tok
        while other.dep_ in ("poss", "compound", "amod", "conj") and other.head.i != other.i:
            other = other.head
        if other.dep_ == "pobj" and other.head.dep_ == "agent":
            other = other.head
        if other.head.i != verb.i or other.i == node.i:
            return False
        roles.add(other.dep_)
    subject = roles & {"nsubj", "agent"}
    obj = roles & {"dobj", "nsubjpass", "dative"}
    return bool(subject) and bool(obj) and len(named) > 0


def named_place_phrase(head: Any) -> bool:
    """Whether a placing preposition of `head` names a place by a proper noun ("armed groups in
    Idlib"), whatever country it is in."""
    placing = words().placing_prepositions
    return any(prep.dep_ == "prep" and prep.lower_ in placing and pobj.dep_ == "pobj" and pobj.pos_ == "PROPN"
               for prep in head.children for pobj in prep.children)


def origin_of_object(head: Any, named: list[tuple[Any, str]]) -> bool:
    """Whether `head` is its clause's subject and every mention of the one country its sentence
    names is the object of an origin preposition that does not place ("from": "troops from Chad")
    hanging on a noun of the rest of `head`'s clause ("The rebels called for troops from Chad"):
    where the clause's object comes from, not where its subject is."""
    if head.dep_ != "nsubj" or not named:
        return False
    w = words()
    origin = w.origin_prepositions - w.placing_prepositions
    verb = head.head
    for tok, _ in named:
        prep = tok.head
        if tok.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in origin:
            return False
        owner = prep.head
        if owner.pos_ not in ("NOUN", "PROPN") or owner.i == head.i:
            return False
        node = owner  # the owner must sit under the subject's verb, outside the subject
        while node.i != verb.i and node.head.i != node.i and node.dep_ != "nsubj":
            node = node.head
        if node.i != verb.i:
            return False
    return True


def acted_on(head: Any, named: list[tuple[Any, str]]) -> bool:
    """Whether `head` is its clause's subject and every mention of the one country its sentence
    names (the country by its name; not a place in it, whose name the parser may take for an
    object, nor one of its people: "Protesters met the Hong Kong police chief" are Hong Kong's) is
    that clause's object itself ("The foreign minister criticized Iran"); not a country
    owning the object ("violated South Sudan's ceasefire") nor a group acted on ("Libya freed 37
    prisoners": those are most often the country's own)."""
    if head.dep_ != "nsubj" or not named:
        return False
    verb = head.head
    return all(tok.head.i == verb.i and tok.dep_ in ("dobj", "dative") for tok, _ in named)


def community_country(head: Any, found: list[Found]) -> str | None:
    """The country of a group named by its community ("Rohingya insurgents", "top Kurdish
    officials"), which no nationality fixes: the country of the actor it is coordinated
    with ("KRG President Masoud Barzani and top Kurdish officials"), else of the place its
    clause's event happens in ("... ambushed a military vehicle in Myanmar's Rakhine State").
    A group marked as foreign ("foreign journalists") has none."""
    if not any(names_community(c) for c in head.lefts):
        return None
    if head.dep_ == "conj":
        partner = head.head
        country = next((f.country or f.entity.country for f in found
                        if f.start <= partner.i < f.end and f.entity.kind in ("person", "org", "group", "country")
                        and (f.country or f.entity.country)), None)
        if country is not None:
            return country
    verb = head.head if head.dep_ in ("nsubj", "nsubjpass") else (
        head.head.head if head.dep_ == "conj" and head.head.dep_ in ("nsubj", "nsubjpass") else None)
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    for node in [verb, *(c for c in verb.children if c.dep_ in ("dobj", "nsubjpass"))]:
        country = place_country(node)
        if country is not None:
            return country
    return None


class Movements(Pass):
    name = "movements"

    def run(self, context: ResolutionContext) -> None:
        doc, found = context.doc, context.found
        covered = context.covered()
        out: list[Found] = []
        pos = context.pos
        v = view(doc)  # (read on the Doc's arrays: analysis.docview)
        for i in range(v.n):
            if pos[i] != PROPN or i in covered or v.dep[i] != "conj" or v.ent_type[i] != "NORP" \
                    or v.tag[i] not in ("NNPS", "NNS") and not v.text[i].endswith("s"):
                continue
            tok = doc[i]
            sector = next((hit[1] for c in tok.lefts if c.dep_ in ("compound", "amod")
                           for hit in [context.lookups.role_for(c.lower_)] if hit and hit[1]), None)
            if sector is None:
                continue
            partner = tok.head
            country = next((f.country or f.entity.country for f in found if f.start <= partner.i < f.end
                            and (f.country or f.entity.country)), None)
            if country is not None:
                out.append(context.lookups.group(np_left(tok), tok.i + 1, country, sector))
        found.extend(out)


class OrganisationPeople(Pass):
    """People named by a group noun and the organisation after its preposition ("leaders of the
    opposition CNRP", "a spokesman for the FLN") are that organisation's, once a pass has
    resolved its name: its actor, whatever country their sentence names (an organisation's people
    are not the government of that country). An organisation no pass resolved leaves the group as
    the earlier passes made it."""

    name = "organisation-people"

    def run(self, context: ResolutionContext) -> None:
        if not context.org_people:
            return
        found = context.found
        for f in found:
            at = context.org_people.get(f.last)
            if at is None or f.how != How.ROLE_GROUP:
                continue
            org = next((g for g in found if g.start <= at < g.end and g.entity.kind in ORGANISATION_KINDS), None)
            if org is None:
                continue
            f.entity, f.how, f.code, f.country, f.sector = org.entity, How.ROLE_ORG, org.code, org.country, None
            f.placeless = False

