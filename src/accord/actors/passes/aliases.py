"""Pass 1: the knowledge base's names in the text, less datelines, backers, stances, names inside
longer names and short forms of people the text does not support."""

from __future__ import annotations

from typing import Any

from ..context import ResolutionContext
from ..gazetteer import AliasMatch
from ..phrases import (after_stance_prefix, inside_feature_name, inside_longer_person, inside_organisation_name,
                       is_backer, is_dateline, is_location, makers_model, names_no_country)
from ..words import person_nouns, words
from ...analysis.docview import view
from ...analysis.syntax import entity_at, entity_bounds
from ...places import LARGE_CITY, geocode
from .base import Pass

INSTITUTION_KINDS = ("org", "seat", "igo", "media")
# What a person's name is never (an organisation may be named after a person: "the Carter Center").
PLACE_KINDS = ("country", "region", "seat")
# Aliases that name a place (a nationality adjective is never a person's name).
NAMING_KINDS = ("name", "short", "abbrev", "capital", "seat")


class AliasMatches(Pass):
    """Fills `context.raw_matches`, `context.matches` (the accepted ones) and `context.by_token`."""

    name = "alias-matches"

    def run(self, context: ResolutionContext) -> None:
        doc, kb, on = context.doc, context.kb, context.on
        v = view(doc)  # the words read on the Doc's arrays (analysis.docview): no Token made
        text, lower, pos, dep, iob = v.text, v.lower, v.pos, v.dep, v.ent_iob
        raw = context.lookups.gazetteer.find_words(text)
        context.raw_matches = raw
        named_in_full: set[str] = set()
        out: list[AliasMatch] = []
        groups: dict[tuple[int, int], list[AliasMatch]] = {}
        for m in raw:
            groups.setdefault((m.start, m.end), []).append(m)
        # Last words of multi-word person names in the text: "Richard" after "Bill Richard" is
        # Bill Richard, whoever else the knowledge base knows by that surname.
        earlier_names: dict[str, list[Any]] = {}
        for ent in context.ents:
            if ent.label_ == "PERSON" and len(ent) > 1:
                earlier_names.setdefault(ent[-1].text, []).append(ent)
        articles = words().articles
        surnames = person_surnames(context, groups, earlier_names)
        first_names = {(a, a + 1) for a, _ in context.person_names}  # "Khalid" of "Khalid Amman"
        for (start, end), group in sorted(groups.items()):
            if (start, end) in first_names:
                group = [m for m in group if kb.entity(m.key).kind != "person"]  # not the king Khalid
                if not group:
                    continue
            if is_dateline(doc, start, end):
                continue
            if is_backer(doc, end):
                continue  # "the US-backed SDF headquarters": the backer modifies someone else
            if after_stance_prefix(doc, start):
                continue  # "pro-Russian separatists", "anti-American protesters": not that country's
            if inside_feature_name(doc, start, end):
                continue  # "the South China Sea"
            if describes_a_style(doc, start, end, group):
                continue  # "an Irish pub" in Paris: a kind of pub, no Irish place or actor
            if all(kb.entity(m.key).kind in PLACE_KINDS for m in group) and names_no_country(doc, start, end):
                continue  # "US dollars", "an artwork entitled America": a currency, a thing's title
            if makers_model(doc, end) and all(kb.entity(m.key).kind == "org" for m in group):
                continue  # "a Boeing 707 cargo plane", "a Boeing B-17": the maker of a thing, no actor
            if all(kb.entity(m.key).kind in PLACE_KINDS and m.kind in NAMING_KINDS for m in group) \
                    and inside_organisation_name(doc, start, end) and not inside_other_place(doc, start, end, group, kb):
                context.org_places.extend(group)
                continue  # "the Tokyo Stock Exchange": a business of Japan, found as an organisation
            if inside_other_place(doc, start, end, group, kb):
                continue  # "New Mexico" is not Mexico, "New South Wales" not Wales
            if namesake_in_longer_name(doc, start, end, group, raw, kb):
                continue  # "Victoria Park" in Hong Kong is not in the Seychelles' capital
            if any(kb.entity(m.key).kind in PLACE_KINDS and m.kind in NAMING_KINDS for m in group) and (
                    (start, end) in surnames or inside_longer_person(doc, start, end)):
                # "Lisa Monaco", "Khalid Amman ... Amman said": a person's name is never a place
                group = [m for m in group if not (kb.entity(m.key).kind in PLACE_KINDS and m.kind in NAMING_KINDS)]
                if not group:
                    continue
            if end - start == 1 and text[start] in earlier_names:
                names = [e for e in earlier_names[text[start]] if e.end <= start]
                people_here = {kb.entity(m.key).name for m in group if kb.entity(m.key).kind == "person"}
                if names and not any(e.text in people_here for e in names):
                    group = [m for m in group if kb.entity(m.key).kind != "person"]
                    if not group:
                        continue
            if end - start > 1 and end < v.n and pos[end] == "PROPN" and text[end][:1].isupper() \
                    and iob[end] == "I" and all(kb.entity(m.key).kind in INSTITUTION_KINDS for m in group):
                continue  # "Department of State Services": a longer name than the alias
            if iob[start] == "I" and start > 0 and text[start - 1][:1].isupper() \
                    and pos[start - 1] not in ("DET", "PRON") and lower[start - 1] not in articles \
                    and all(kb.entity(m.key).kind in INSTITUTION_KINDS for m in group):
                continue  # "the Federal Foreign Office": not the (British) Foreign Office
            choice = None
            people = [m for m in group if kb.entity(m.key).kind == "person"]
            names_a_thing = dep[end - 1] == "compound" and v.head[end - 1] >= end  # "the Trudeau government"
            if people and start > 0 and lower[start - 1] == "the" and not any(m.kind == "name" for m in people) \
                    and not names_a_thing:
                people, group = [], [m for m in group if kb.entity(m.key).kind != "person"]  # "The Hague"
                if not group:
                    continue
            if people and end - start == 1 and end < v.n and v.ent_type[end] == "PERSON" \
                    and iob[end] == "B" and context.lookups.role_for(lower[start]) is not None:
                # "Bishop John Smith": a title before another person's name, not Julie Bishop
                people, group = [], [m for m in group if kb.entity(m.key).kind != "person"]
                if not group:
                    continue
            if people and end - start == 1:
                # A one-word name that is also a given name ("Abdullah", a king's in the historical
                # dictionaries; not the mononym "Suharto") is as ambiguous as a surname; and a word
                # that is also a common noun or part of another name ("Stock prices", "Travel Ban",
                # "a refugee centre in Kerry", "the Tokyo Stock Exchange") is a person's only where
                # the text uses it as a name.
                given = lower[start] in kb.given_names
                people = [m if m.kind != "name" or not given else AliasMatch(m.start, m.end, m.key, "short")
                          for m in people]
                group = [m for m in group if kb.entity(m.key).kind != "person"] + people
                if not used_as_name(context, start):
                    people, group = [], [m for m in group if kb.entity(m.key).kind != "person"]
                    if not group:
                        continue
            if people and not any(m.kind == "name" for m in people) and inside_longer_person(doc, start, end):
                # "Bill Richard" is not Alain Richard, "Karen Rand McWatters" not Rand Paul: a
                # surname inside a longer name belongs to that name's person.
                people, group = [], [m for m in group if kb.entity(m.key).kind != "person"]
                if not group:
                    continue
            if people:
                full = [m for m in people if m.kind == "name"]
                if full:
                    choice = full[0]
                else:
                    # A surname or short form: the person named in full earlier, else the one
                    # holding an office on the day, else nobody (too ambiguous to guess).
                    earlier = [m for m in people if m.key in named_in_full]
                    if len(earlier) >= 1:
                        choice = earlier[-1]
                    else:
                        in_office = [m for m in people if kb.listed_offices_of(m.key, on)]
                        curated = [m for m in people if not kb.is_historical(m.key)]
                        if len(in_office) == 1:
                            choice = in_office[0]
                        elif len(curated) == 1 and lower[end - 1] not in kb.common_surnames:
                            # "Obama" in 2018: one well-known person; not "Smith", which many bear
                            choice = curated[0]
                if choice is not None:
                    named_in_full.add(choice.key)
            else:
                choice = by_article_country(context, group, raw)
            if choice is not None:
                out.append(choice)
        context.matches = out
        by_token: dict[int, list[AliasMatch]] = {}
        for m in out:
            for i in range(m.start, m.end):
                by_token.setdefault(i, []).append(m)
        context.by_token = by_token


def spans_a_verb(ent: Any) -> bool:
    """"Vizcarra dissolved Congress" tagged as one product: no name runs over a clause's verb."""
    return ent is not None and any(t.pos_ == "VERB" and t.dep_ in ("ROOT", "relcl", "advcl", "ccomp") for t in ent)


def used_as_name(context: ResolutionContext, i: int) -> bool:
    """Whether the one word at `i` is used as a person's name: tagged as a person by the
    recognizer, or a capitalised word that is no part of another name or a place where
    something is, that is no common noun
    capitalised only because it starts the sentence ("Stock prices"), and that no other name
    word before it makes part of a longer name ("Travel Ban"; a title, "Secretary Kerry", is no
    such word)."""
    doc = context.doc
    tok = doc[i]
    if tok.ent_type_ == "PERSON":
        return True
    if not tok.text[:1].isupper():
        return False
    if tok.ent_type_ and not spans_a_verb(entity_at(doc, i)):
        # Part of another name ("the Tokyo Stock Exchange"), or a place where something is ("a
        # refugee centre in Kerry"); a lone name the recognizer mislabels ("Karzai" as a place)
        # is still a name.
        ent = entity_at(doc, i)
        owns_role = tok.dep_ == "compound" and context.lookups.role_for(tok.head.lower_) is not None
        if ent is None or (len(ent) > 1 and not owns_role) or is_location(tok):
            return False  # "the Trump administration" is Trump's, whatever the recognizer says
    role_for, honorifics = context.lookups.role_for, person_nouns()["honorifics"]
    if tok.is_sent_start and tok.pos_ != "PROPN" and tok.dep_ == "compound" and role_for(tok.head.lower_) is None:
        return False  # "Stock prices fell": capitalised only because it starts the sentence
    return not any(c.dep_ == "compound" and c.text[:1].isupper() and role_for(c.lower_) is None
                   and c.lower_.rstrip(".") not in honorifics and c.lower_ not in honorifics for c in tok.lefts)


def inside_other_place(doc: Any, start: int, end: int, group: list[AliasMatch], kb: Any) -> bool:
    """A country's name inside the name of a place of another country: "New Mexico" (a US
    state), "New South Wales" (an Australian state)."""
    v = view(doc)  # (read on the Doc's arrays: analysis.docview)
    bounds = entity_bounds(v, start)
    if bounds is None or v.ent_type[start] not in ("GPE", "LOC") or bounds == (start, end) or bounds[1] < end:
        return False
    countries = {kb.entity(m.key).country for m in group if kb.entity(m.key).kind in PLACE_KINDS}
    if not countries:
        return False
    ent = doc[bounds[0]:bounds[1]]
    hit = geocode(ent.text)  # the whole name must be a known place, not one found by a compass word
    return hit is not None and hit.country is not None and hit.country not in countries and hit.name == ent.text


def namesake_in_longer_name(doc: Any, start: int, end: int, group: list[AliasMatch], raw: list[AliasMatch],
                            kb: Any) -> bool:
    """A capital's name that only starts a longer name ("Victoria Park", "Victoria Harbour" in a
    story set in Hong Kong) names the park, not the capital, when the capital is no large city and
    nothing else in the article names its country: the place is a namesake. ("London Bridge" is
    London's.)"""
    bounds = entity_bounds(view(doc), start)  # (read on the Doc's arrays: analysis.docview)
    if bounds is None or bounds[0] != start or bounds[1] <= end:
        return False
    if not group or not all(m.kind == "capital" and kb.entity(m.key).kind in PLACE_KINDS for m in group):
        return False
    said = doc[start:end].text
    countries = {kb.entity(m.key).country for m in group}
    city = geocode(said)
    if city is not None and city.country in countries and city.population >= LARGE_CITY:
        return False  # a large capital ("London Bridge"): the name is that city's
    return not any(kb.entity(m.key).kind in PLACE_KINDS and kb.entity(m.key).country in countries
                   and doc[m.start:m.end].text != said for m in raw)


def person_surnames(context: ResolutionContext, groups: dict[tuple[int, int], list[AliasMatch]],
                    earlier_names: dict[str, list[Any]]) -> set[tuple[int, int]]:
    """Alias spans that are a person's surname, not the place they name: after a first name
    ("Khalid Amman", a first name the recognizer or the knowledge base knows as a person's) or
    an honorific, with an apposition that describes a person ("Peter Kenya, 45, ...", "...,
    a 28-year-old British man"); and later, alone, the surname of a person so named or of a
    multi-word name the recognizer tagged ("Monaco said" after "Lisa Monaco"). The two-word
    names found are kept in `context.person_names` for the unlisted-people pass."""
    doc, kb = context.doc, context.kb
    v = view(doc)
    lex = person_nouns()
    person_words = set(lex["noun_gender"]) | set(lex["unnamed"])
    first_name_at = {m.start for m in context.raw_matches if m.end - m.start == 1 and kb.entity(m.key).kind == "person"}
    out: set[tuple[int, int]] = set()
    last_words: dict[str, int] = {}  # surname -> the first token of the full name
    for (start, end), group in sorted(groups.items()):
        if end - start != 1 or start == 0 or not any(kb.entity(m.key).kind in PLACE_KINDS for m in group):
            continue
        if not (v.pos[start - 1] == "PROPN" and v.text[start - 1][:1].isupper() and v.is_alpha[start - 1]):
            continue  # (read on the Doc's arrays: analysis.docview)
        first, tok = doc[start - 1], doc[start]
        if not first.whitespace_:
            continue
        if first.ent_type_ != "PERSON" and first.i not in first_name_at:
            continue
        if any(first.i in range(a, b) for (a, b), g in groups.items()
               if any(kb.entity(m.key).kind != "person" for m in g)):
            continue  # "East Jerusalem", "Abu Dhabi": a place's own words
        described = any(c.dep_ == "appos" and (c.lemma_.lower() in person_words or c.like_num
                                              or any(g.lemma_.lower() in person_words for g in c.subtree))
                        for c in tok.children)
        if not described and first.ent_type_ != "PERSON":
            continue
        out.add((start, end))
        context.person_names.append((start - 1, end))
        last_words.setdefault(tok.text, start - 1)
    for (start, end), group in groups.items():
        if end - start != 1:
            continue
        text = v.text[start]
        named = last_words.get(text)
        if (named is not None and named < start - 1) or any(e.end <= start for e in earlier_names.get(text, ())):
            if not placed_as_place(context, start):
                out.add((start, end))
    return out


def placed_as_place(context: ResolutionContext, start: int) -> bool:
    """"Amman, Jordan", "in Jordan": the word is where something is, whoever bears it as a surname."""
    doc, kb = context.doc, context.kb
    before = doc[start - 1] if start > 0 else None
    if before is not None and before.lower_ in ("in", "near") and not (
            start + 1 < len(doc) and doc[start + 1].tag_ == "POS"):
        return True
    if before is None or before.text != "," or start < 2:
        return False
    place_before = doc[start - 2]
    return place_before.ent_type_ in ("GPE", "LOC") or any(
        m.start <= place_before.i < m.end and kb.entity(m.key).kind in PLACE_KINDS for m in context.raw_matches)


def by_article_country(context: ResolutionContext, group: list[AliasMatch], raw: list[AliasMatch]) -> AliasMatch:
    """One of several organisations with the same short form: the one whose country the
    article names (AFP in a story on Mindanao is the Armed Forces of the Philippines), else
    the one with no country or of the most common reading (Agence France-Presse)."""
    if len(group) == 1:
        return group[0]
    doc, kb = context.doc, context.kb
    m0 = group[0]
    credit = m0.start >= 2 and doc[m0.start - 1].text == "(" and m0.end < len(doc) and doc[m0.end].text == ")" \
        and doc[m0.start - 2].text.isupper()  # "MANILA (AFP) -": the agency's credit line
    if credit:
        return next((m for m in group if kb.entity(m.key).kind == "media"), m0)
    named = {kb.entity(m.key).country for m in raw
             if kb.entity(m.key).kind in ("country", "seat") and m not in group and kb.entity(m.key).country}
    for ent in context.ents:
        if ent.label_ in ("GPE", "LOC"):
            hit = geocode(ent.text)
            if hit is not None and hit.country:
                named.add(hit.country)
    local = [m for m in group if kb.entity(m.key).country in named]
    if len(local) == 1:
        return local[0]
    others = [m for m in group if kb.entity(m.key).kind != "seat"]  # a seat's short form is the rarer reading
    return others[0] if others else group[0]


def describes_a_style(doc: Any, start: int, end: int, group: list[AliasMatch]) -> bool:
    """A nationality adjective naming the kind of a thing ("an Irish pub", "Chinese food"), which
    says nothing of where the story is or whose anyone is."""
    if not all(m.kind in ("adjective", "demonym") for m in group):
        return False
    tok = doc[end - 1]
    return tok.dep_ in ("amod", "compound") and tok.head.i >= end and tok.head.lower_ in words().style_nouns

