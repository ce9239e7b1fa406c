"""What a phrase says about whose an actor is: the country or organisation named in front of a
role noun ("Russia's foreign minister", "Taliban spokesman") or after it ("officials of Iran",
"the prosecutor of the ICC")."""

from __future__ import annotations

from typing import Any

from ..analysis.docview import view
from ..analysis.syntax import entity_at, pobjs_among
from ..places import geocode
from .context import ResolutionContext
from .gazetteer import AliasMatch
from .words import words

# Entity kinds that stand for a country (or region) when they modify a role noun.
COUNTRY_LIKE = {"country", "seat", "region"}
ORGANISATION_KINDS = ("org", "igo", "media")
LARGE_CITY = 100_000
# Cues that name a place inside a country ("the Texas attorney general", "the Dubai ruler").
SUBNATIONAL_CUES = ("city", "region")


def org_cue(context: ResolutionContext, left: int, role_start: int) -> AliasMatch | None:
    """An organisation named between `left` and the role ("FDA officials", "the Taliban spokesman")."""
    by_token = context.by_token
    for i in range(left, role_start):
        for m in by_token.get(i, ()):
            if context.entity(m.key).kind in ORGANISATION_KINDS and m.end <= role_start:
                return m
    return None


def country_cues(context: ResolutionContext, head: Any, left: int, role_start: int) -> list[tuple[AliasMatch, str]]:
    """Country-like alias matches modifying a role noun, coordination included."""
    doc, by_token = context.doc, context.by_token
    v = view(doc)  # the cue words read on the Doc's arrays (analysis.docview), by position
    cue_tokens = list(range(left, role_start))
    for t in list(cue_tokens):  # "Russian, Ukrainian and US negotiators"
        cue_tokens.extend(c for c in v.conjuncts(t) if c < head.i and c not in cue_tokens)
    cues: list[tuple[AliasMatch, str]] = []
    seen: set[tuple[int, int]] = set()
    government_nouns = words().government_nouns
    dep = v.dep
    for t in sorted(cue_tokens):
        for m in by_token.get(t, ()):
            if (m.start, m.end) in seen:
                continue
            entity = context.entity(m.key)
            if entity.kind == "person" and entity.country and dep[t] == "compound" and \
                    v.lemma[head.i] in government_nouns:
                seen.add((m.start, m.end))  # "the Trudeau government", "the Biden administration"
                cues.append((m, entity.country))
                continue
            if entity.kind in COUNTRY_LIKE and entity.country:
                seen.add((m.start, m.end))
                cues.append((m, entity.country))
        if not by_token.get(t) and dep[t] == "compound" and v.pos[t] == "PROPN" and v.ent_type[t] in ("GPE", "LOC"):
            ent = entity_at(doc, t)
            if ent is not None and ent.end - 1 != t:
                continue  # "New" of "New York": the place is the whole name, looked up at its end
            hit = geocode(ent.text if ent is not None else v.text[t])  # "an Istanbul court", "the Texas governor"
            if hit is not None and hit.country and (hit.population >= LARGE_CITY or hit.lat is None):
                # a place inside a country: its officials are the country's, never its national office holders
                kind = "city" if hit.lat is not None else "region"
                cues.append((AliasMatch(t, t + 1, f"country:{hit.country}", kind), hit.country))
    return cues


def prepositional_org(context: ResolutionContext, head: Any) -> AliasMatch | None:
    """"the prosecutor of the ICC": an organisation after the role's preposition."""
    preps = words().organisation_prepositions
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            for pobj in prep.children:
                # "leaders of Bangladesh's opposition BNP": the name in apposition to the noun
                for t in [pobj, *(c for c in pobj.children if c.dep_ == "appos")]:
                    for m in context.by_token.get(t.i, ()):
                        if context.entity(m.key).kind in ORGANISATION_KINDS:
                            return m
    return None


def prepositional_org_name(context: ResolutionContext, head: Any) -> int | None:
    """"leaders of the opposition CNRP", "a spokesman for the FLN": the last token of an
    organisation's name (a named entity the knowledge base does not list) after the role's
    preposition, which a later pass may resolve; None when there is none."""
    for pobj in pobjs_among(head, words().organisation_prepositions):
        # "from the opposition Cambodia National Rescue Party": the name in apposition
        for t in [pobj, *(c for c in pobj.children if c.dep_ == "appos")]:
            if t.ent_type_ == "ORG" and not context.by_token.get(t.i):
                return t.i
    return None


def prepositional_cues(context: ResolutionContext, head: Any, depth: int = 0) -> list[tuple[AliasMatch, str]]:
    """"leaders from France, Canada and Finland", "officials of Iran"; "the Ministry of Health of
    Ethiopia": the country after the ministry's field."""
    cues: list[tuple[AliasMatch, str]] = []
    origin = words().origin_prepositions
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in origin:
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            for t in [pobj, *pobj.conjuncts]:
                for m in context.by_token.get(t.i, ()):
                    entity = context.entity(m.key)
                    if entity.kind in COUNTRY_LIKE and entity.country and m.end - 1 == t.i:
                        cues.append((m, entity.country))
            if not cues and depth == 0 and pobj.pos_ in ("NOUN", "PROPN") and context.lookups.role_for(pobj.lower_) is None:
                cues = prepositional_cues(context, pobj, depth + 1)
    return cues
