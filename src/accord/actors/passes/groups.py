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

from ..context import Found, ResolutionContext, unplaced_group
from ..kinds import How
from ..phrases import clause_countries, names_community, np_left, place_country
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
            sent = head.sent
            # Countries the sentence names, its office holders' included ("President Temer").
            here = [f for f in found if sent.start <= f.start < sent.end and (f.country or f.entity.country)
                    and f.how != How.MODIFIER]  # "a Turkish ship" does not place "the army"
            named = [(head.doc[f.last], f.country or f.entity.country) for f in here
                     if f.entity.kind in ("country", "seat", "person")]
            if not named:  # else a national organisation: "The Welsh Government said ... most pupils"
                named = [(head.doc[f.last], f.country or f.entity.country) for f in here if f.entity.kind == "org"]
            countries = clause_countries(head, named)
            if len(countries) == 1:
                out.append(lookups.group(left, stop, countries.pop(), sector, pending.inner_head))
            elif sector and not any(c.dep_ in ("nummod", "quantmod") for c in head.lefts) and (
                    head.dep_ in ("nsubj", "nsubjpass") or (
                    head.dep_ in ("dobj", "pobj", "ROOT", "appos", "conj")
                    and (head.tag_ in ("NNS", "NNPS") or any(c.lower_ == "the" for c in head.lefts)))):
                # "rebels", "troops attacked rebels": an actor of known kind, country unknown.
                out.append(unplaced_group(left, stop, sector, head=pending.inner_head))
        found.extend(out)


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
        for tok in doc:
            if tok.i in covered or tok.dep_ != "conj" or tok.pos_ != "PROPN" or tok.ent_type_ != "NORP" \
                    or tok.tag_ not in ("NNPS", "NNS") and not tok.text.endswith("s"):
                continue
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
