"""Pass 3: people the knowledge base does not list. Named with a title ("Libyan Prime Minister
Fayez al-Sarraj") they are actors of the title's country or organisation; with an apposition
("Zabihullah Mujahid, the Taliban spokesman") of the apposition's; marked with a US party tag
("Debbie Stabenow (D-Mich.)") US legislators; otherwise private individuals (CAMEO CVL) of the one
country their clause names, if any. Later surnames of these people are found too."""

from __future__ import annotations

from typing import Any

from ...analysis.docview import view
from ..context import Found, ResolutionContext
from ..cues import COUNTRY_LIKE, org_cue
from ..kinds import STATE_SECTORS, How, Sector
from ..knowledge import Entity
from ..phrases import (acted_on_countries, clause_countries, diplomat_subject_countries, np_left, said_of_them,
                       spokesperson_body, the_place, title_place, us_party_tag, used_as_place)
from ..words import organisation_nouns, person_nouns, words
from ...places import LARGE_CITY, geocode
from .aliases import placed_as_place
from .base import Pass


def modifies_thing(context: ResolutionContext, name: Any) -> bool:
    """A one-word name nobody was introduced by, with an indefinite article ("stopping a no-deal
    Brexit"), or run into a common noun before it that names no
    person, group or body ("Brexit negotiations", "the Brexit deal"): the name says what kind of
    thing it is (an event's or a policy's name), it is no one who acts. A government noun keeps
    its person ("the Trudeau government"); a person news introduced in full earlier ("Jamal
    Khashoggi" ... "the Khashoggi killing") is found as a surname before this test."""
    w = words()
    if any(c.dep_ == "det" and c.lower_ in w.indefinite_determiners for c in name.lefts):
        return True  # "stopping a no-deal Brexit": a thing of some kind; no one is "a Smith"
    # (an adjective alone says less: "the slain Khashoggi" is someone)
    if name.dep_ != "compound" or name.head.i <= name.i or name.head.pos_ != "NOUN":
        return False
    noun = name.head
    if context.lookups.role_for(noun.lower_) is not None or context.lookups.role_for(noun.lemma_.lower()) is not None:
        return False
    return noun.lemma_.lower() not in w.government_nouns and noun.lemma_.lower() not in w.entourage_nouns \
        and noun.lower_ not in person_nouns()["noun_gender"] and noun.lower_ not in person_nouns()["unnamed"]


class UnlistedPeople(Pass):
    name = "unlisted-people"

    def run(self, context: ResolutionContext) -> None:
        context.found.extend(self._find(context))

    def _find(self, context: ResolutionContext) -> list[Found]:
        doc, kb, by_token, found = context.doc, context.kb, context.by_token, context.found
        role_for = context.lookups.role_for
        covered = {i for f in found for i in range(f.start, f.end)}
        covered |= {i for m in (x for ms in by_token.values() for x in ms)
                    if kb.entity(m.key).kind == "person" for i in range(m.start, m.end)}
        out: list[Found] = []
        surnames: dict[str, Entity] = {}
        named_at: dict[str, list[tuple[int, Entity]]] = {}  # surname -> (where, whom) of each naming
        named_before: dict[str, Entity] = {}
        first_names: dict[str, Entity] = {}
        org_names = {(m.start, m.end) for ms in by_token.values() for m in ms
                     if kb.entity(m.key).kind in ("org", "igo", "media", "seat")
                     or (kb.entity(m.key).kind in ("country", "region") and m.kind in ("name", "short", "capital"))}
        places = place_words(context)
        plural_titles: dict[int, tuple[str | None, str, str]] = {}  # head of a name after a plural title
        particles = words().lowercase_name_particles
        for ent in _person_spans(context):
            if any(i in covered for i in range(ent.start, ent.end)):
                continue
            if any(a <= ent.start and ent.end <= b for a, b in org_names):
                continue  # "Boko Haram", "Sanaa" tagged PERSON: the organisation's or place's name wins
            if the_place(ent) or used_as_place(ent) is not None:
                continue  # "the Farah and the Ghazni attacks", "flew to Magnitogorsk": see the places pass
            head = ent[-1]
            known = surnames.get(head.text)
            if len(ent) == 1 and known is not None and placed_as_place(context, ent.start):
                continue  # "Amman, Jordan" after "Michael Jordan": the country
            if known is not None and known.name != ent.text and names_the_same(context, known.name, ent):
                # "Sarraj" after the full name; "De Blasio", "Mayor de Blasio" after "Bill de Blasio"
                out.append(Found(ent.start, ent.end, known, How.SURNAME))
                continue
            if len(ent) > 1 and ent.text in places:
                continue  # "entered Tell Tamer" in a story that has "a camp at Tell Tamer": the town
            if len(ent) == 1:
                # "Julie" after "Julie Hambleton"; "ADCuomo", a page marker glued to "Cuomo"
                known = first_names.get(head.text) or next(
                    (e for s, e in surnames.items() if head.text.endswith(s) and head.text[: -len(s)].isupper()), None)
                if known is not None:
                    out.append(Found(ent.start, ent.end, known, How.SURNAME))
                    continue
                if ent.text in places:
                    continue  # "Tyumen is more than competitive" in a story set "in Tyumen": the city
                if modifies_thing(context, head):
                    continue  # "a revival of Brexit negotiations": a name for a thing's kind, no one
            left = np_left(head)
            of_title = title_before_place(context, ent)  # "Mayor of London Sadiq Khan"
            if of_title is not None:
                left = of_title  # with its own modifiers only ("the Deputy Mayor of ...")
                while left > 0 and doc[left - 1].head.i == of_title and doc[left - 1].dep_ in ("det", "compound", "amod") \
                        and doc[left - 1].pos_ in ("DET", "ADJ", "NOUN", "PROPN"):
                    left -= 1
            title = [t for t in doc[left : ent.start] if t.pos_ in ("NOUN", "PROPN") and title_role(context, t)]
            phrase_sector = None
            if not title and ent.start > left:
                # a title of several words none of which is one alone ("Hong Kong Chief Executive
                # Carrie Lam"): the role phrase ending right before the name gives the sector; the
                # person is placed as any unlisted person is
                phrase = context.lookups.role_at(doc, doc[ent.start - 1], of_phrases=False)
                if phrase is not None and phrase.start >= left and phrase.sector and \
                        all(t.text[:1].isupper() for t in doc[phrase.start : ent.start]):
                    phrase_sector = phrase.sector
            if not title:
                if all(t.text[:1].isupper() or (0 < k < len(ent) - 1 and t.lower_ in particles)
                       for k, t in enumerate(ent) if t.is_alpha) and (len(ent) > 1 or ent[0].pos_ == "PROPN"):
                    # ("Osama bin Laden", "Bill de Blasio": particles inside the name)
                    # Someone the knowledge base does not know: their role from an apposition
                    # ("Zabihullah Mujahid, the Taliban spokesman"), else a private individual
                    # (CAMEO CVL) until the article says otherwise.
                    country, sector, code = None, Sector.CVL.value, Sector.CVL.value
                    how = How.NAME_UNLISTED
                    affiliation = apposition(context, head) or member_of(context, head)
                    shared = plural_titles.get(conjoined_to(head)) if affiliation is None else None
                    if shared is not None:  # "Senators Ann Lee and Bo Diaz": both are senators
                        affiliation, how = shared, How.NAME_TITLE
                    if affiliation is not None:
                        country, sector, code = affiliation
                    elif us_party_tag(doc, ent.end):
                        country, sector, code = "USA", Sector.LEG.value, "USALEG"  # "Debbie Stabenow (D-Mich.)"
                    elif (nationality := nationality_in_apposition(context, head)) is not None:
                        # "An Australian, Brenton Tarrant, appeared in a New Zealand court": of the
                        # nationality he is named by, not of the country the sentence is set in
                        country, code = nationality, f"{kb.country_prefix(nationality)}{Sector.CVL.value}"
                    else:
                        # A private individual: of the one country their sentence names, if one.
                        named = [(doc[m.end - 1], kb.entity(m.key).country)
                                 for t in range(*view(doc).sent_bounds(ent.start))
                                 for m in by_token.get(t, ()) if m.end - 1 == t
                                 and kb.entity(m.key).kind in ("country", "seat") and kb.entity(m.key).country
                                 and not describes_a_thing(doc[m.end - 1]) and not destination(doc[m.end - 1])]
                        here = clause_countries(head, named)
                        if len(here) == 1:
                            country = here.pop()
                            code = f"{kb.country_prefix(country)}{Sector.CVL.value}"
                        if phrase_sector is not None:  # "Hong Kong Chief Executive Carrie Lam"
                            sector = phrase_sector
                            code = f"{kb.country_prefix(country)}{sector}" if country else sector
                    # named again in full ("John Hickenlooper" in a caption): the same person, with
                    # the country the first naming gave unless only this one gives one
                    said_as = " ".join(t.text for t in ent if not t.is_space)
                    before = named_before.get(said_as)
                    entity = before if before is not None and (before.country or not country) else Entity(
                        key=f"unlisted:{ent.text}", kind="person", name=ent.text, country=country, sector=sector,
                        code=code)
                    named_before[said_as] = entity
                    surnames[head.text] = entity
                    named_at.setdefault(head.text, []).append((ent.start, entity))
                    if len(ent) > 1:
                        first_names.setdefault(ent[0].text, entity)
                    out.append(Found(ent.start, ent.end, entity, how))
                continue
            sector = title_role(context, title[-1])[1] or Sector.GOV.value
            if title[-1].i > left and (pair := role_for(f"{doc[title[-1].i - 1].lower_} {title[-1].lower_}")) is not None \
                    and pair[0] is None and pair[1]:
                sector = pair[1]  # "Opposition leader Jeremy Corbyn": the two-word title's sector, not "leader"'s
            w = words()
            if title[-1].i + 1 < ent.start and doc[title[-1].i + 1].lower_ in w.postpositive_title_words \
                    and (pair := role_for(f"{title[-1].lower_} {doc[title[-1].i + 1].lower_}")) is not None and pair[1]:
                sector = pair[1]  # "Attorney General Xavier Becerra": the attorney general's, not an attorney's
            if (title[-1].lower_ in w.spokesperson_nouns or title[-1].lower_ in w.presiding_titles) \
                    and len(title) > 1 and title[-2].lower_ not in w.lesser_office:
                # "Police spokesman Jean Dupont" speaks for the police, "Senate President Thomas
                # Rivera Schatz" presides over the Senate: of the body's kind
                body = role_for(title[-2].lower_)
                if body[0] is None and body[1]:
                    sector = body[1]
            cues = [(m, kb.entity(m.key).country) for t in doc[left : ent.start] for m in by_token.get(t.i, ())
                    if kb.entity(m.key).kind in COUNTRY_LIKE and kb.entity(m.key).country]
            place = title_place(doc, left, title[0].i) or of_title_place(doc, title[-1].i + 1, ent.start) \
                or of_name_place(doc, ent.end)
            org = org_cue(context, left, ent.start) if not cues else None
            if org is not None:  # "Taliban spokesman Zabihullah Mujahid" speaks for the Taliban
                org_entity = kb.entity(org.key)
                context.consumed.add((org.start, org.end))
                country, sector, code = org_entity.country, org_entity.sector, org_entity.code
            elif cues:
                match, country = cues[0]
                context.consumed.add((match.start, match.end))
                code = f"{kb.country_prefix(country)}{sector}"
            elif place is not None:  # "Tamil Nadu Chief Minister J Jayalalithaa"
                country, code = place, f"{kb.country_prefix(place)}{sector}"
            elif us_party_tag(doc, ent.end):  # "Mayor Bill de Blasio (D)"
                country, code = "USA", f"USA{sector}"
            else:
                # A role, no country in the title: the one country the clause names, if one
                # ("Russian police detained supporters of opposition leader Alexei Navalny").
                named = [(doc[m.end - 1], kb.entity(m.key).country) for t in ent.sent
                         for m in by_token.get(t.i, ()) if m.end - 1 == t.i and not (left <= t.i < ent.end)
                         and kb.entity(m.key).kind in ("country", "seat") and kb.entity(m.key).country]
                # not the country the person acts on ("Prime Minister Isa Mustafa expressed
                # condolences to the Government of Turkey"): an official's counterpart is another's
                other_side = acted_on_countries(head, named)
                aside = said_of_them(head)  # "Senator Jones, who criticized China": not her country
                here = clause_countries(head, [(t, c) for t, c in named if t.i not in aside]) \
                    - diplomat_subject_countries(head, named) - other_side
                # else the country the article is set in ("Senator Gillibrand" in a US story)
                story = context.article_country() if not here else None
                country = here.pop() if len(here) == 1 else None if here else (
                    story if story not in other_side else None)
                code = f"{kb.country_prefix(country)}{sector}" if country else sector
            if org is None and sector in STATE_SECTORS and any(
                    t.lower_ in w.past_holder and t.head.i >= title[-1].i for t in doc[left : ent.start]) \
                    and not any(t.dep_ == "poss" for t in doc[left : ent.start]):
                # "Former Representative Jane Doe", "a retired CIA agent": no longer in office
                # ("his former lawyer" is a former tie to someone, not a past office); a "former"
                # of an earlier title is not the last one's ("former presidential candidate
                # Senator Ted Cruz" is a senator)
                sector = Sector.ELI.value
                code = f"{kb.country_prefix(country)}{sector}" if country else sector
            entity = Entity(key=f"unlisted:{ent.text}", kind="person", name=ent.text, country=country,
                            sector=sector, code=code)
            plural = title[-1].lower_.rstrip(".")
            if title[-1].i == ent.start - 1 and (title[-1].tag_ in ("NNS", "NNPS") or (
                    plural.endswith("s") and not plural.endswith("ss"))):
                plural_titles[head.i] = (country, sector, code)  # the names conjoined to it share it
            if len(ent) > 1:
                surnames[head.text] = entity
                named_at.setdefault(head.text, []).append((ent.start, entity))
                first_names.setdefault(ent[0].text, entity)
                # named again in full without the title ("Thanks to Bill de Blasio"): the same person
                named_before.setdefault(" ".join(t.text for t in ent if not t.is_space), entity)
            start = left
            while start < ent.start and doc[start].dep_ == "det":
                start += 1
            out.append(Found(start, ent.end, entity, How.NAME_TITLE))
        # Later surnames the entity recognizer missed ("de Blasio said").
        taken = covered | {i for f in out for i in range(f.start, f.end)}
        for i, text in enumerate(view(doc).text if named_at else ()):  # (read on the Doc's arrays)
            named = named_at.get(text)
            if not named:
                continue
            tok = doc[i]
            entity = nearest_naming(named, tok.i)
            if entity is None or tok.i in taken or not (tok.pos_ == "PROPN" or tok.text[:1].isupper()):
                continue
            start = tok.i
            while start > 0 and doc[start - 1].text[:1].islower() and entity.name.endswith(
                    doc[start - 1 : tok.i + 1].text) and doc[start - 1].i not in taken:
                start -= 1  # particles of the name: "de", "van", "al-"
            if start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].i not in taken:
                continue  # part of some other name
            if start == tok.i and placed_as_place(context, start):
                continue  # "Amman, Jordan" after "Michael Jordan": the country
            out.append(Found(start, tok.i + 1, entity, How.SURNAME))
        return out


def conjoined_to(head: Any) -> int:
    """The first name of the coordination a name is conjoined in ("Bo Diaz" in "Ann Lee and Bo
    Diaz": "Lee"), or the name itself."""
    first = head
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    return first.i


def title_role(context: ResolutionContext, tok: Any) -> tuple[str | None, str | None] | None:
    """The role a word before a name gives: a role phrase, or a word that is an office only as a
    capitalized title ("Representative Jane Doe"; "a union representative" is none)."""
    hit = context.lookups.role_for(tok.lower_)
    if hit is None and tok.text[:1].isupper():
        sector = (words().name_titles or {}).get(tok.lower_)
        hit = (None, sector) if sector else None
    return hit


def names_the_same(context: ResolutionContext, full: str, ent: Any) -> bool:
    """Whether a later name is the end of a person's full name: "Sarraj" of "Fayez al-Sarraj";
    with a particle capitalised at the start of a sentence ("De Blasio" of "Bill de Blasio"), or
    after a title or honorific the recognizer took into the name ("Mayor de Blasio", "[Bill de
    Blasio" with a bracket of a quote)."""
    role_for, honorifics = context.lookups.role_for, person_nouns()["honorifics"]
    words_ = [t for t in ent if t.is_alpha or any(c.isalpha() for c in t.text)]
    while len(words_) > 1 and (role_for(words_[0].lower_) is not None or words_[0].lower_.rstrip(".") in honorifics):
        words_ = words_[1:]
    said = " ".join(t.text.lstrip("[(") for t in words_).replace(" - ", "-").lower()
    name = full.lower()
    return bool(said) and name.endswith(said) and (name == said or name[-len(said) - 1] in " -")


def nearest_naming(named: list[tuple[int, Entity]] | None, at: int) -> Entity | None:
    """Of the people named in full with a surname, the one named last before `at`, else the first
    named after it: two people of one surname ("Usman Khan" ... "Mayor Sadiq Khan") each keep
    the mentions that follow them."""
    if not named:
        return None
    before = [e for start, e in named if start < at]
    return before[-1] if before else named[0][1]


def _person_spans(context: ResolutionContext) -> list[Any]:
    """The recognizer's PERSON entities and the names the alias pass read as people's rather
    than places' ("Khalid Amman"), in text order."""
    from spacy.tokens import Span

    doc = context.doc
    spans = [without_leading_title(context, without_title_place(context, e))
             for e in context.ents if e.label_ == "PERSON"]
    taken = {i for e in spans for i in range(e.start, e.end)}
    for start, end in context.person_names:
        if not any(i in taken for i in range(start, end)):
            spans.append(Span(doc, start, end, label="PERSON"))
    return sorted((e for e in spans if not names_no_person(e)), key=lambda e: e.start)


def names_no_person(span: Any) -> bool:
    """Whether a name the recognizer took for a person's is a platform's ("wrote on Twitter",
    "Facebook Ireland Limited"): words of resources/actors/words.yaml `not_people`."""
    platforms = words().not_people
    return any(t.text in platforms for t in span)


def without_leading_title(context: ResolutionContext, ent: Any) -> Any:
    """"Archbishop Mark Coleridge", "Cardinal George Pell": the recognizer may take a capitalised
    title into the name; the name is what follows the title words (role phrases), which then
    give the person's sector as any title before a name does."""
    from spacy.tokens import Span

    start = ent.start
    while ent.end - start > 1 and ent.doc[start].text[:1].isupper() and ent.doc[start + 1].pos_ == "PROPN" \
            and title_role(context, ent.doc[start]) is not None:
        start += 1
    return ent if start == ent.start else Span(ent.doc, start, ent.end, label="PERSON")


def without_title_place(context: ResolutionContext, ent: Any) -> Any:
    """"Mayor of London Sadiq Khan", "Governor of Texas Greg Abbott": the recognizer may take the
    place of an "of" title into the name; the name is what follows the place."""
    doc = ent.doc
    if len(ent) < 3 or ent.start < 2 or doc[ent.start - 1].lower_ != "of" \
            or context.lookups.role_for(doc[ent.start - 2].lower_) is None:
        return ent
    for k in range(len(ent) - 2, 0, -1):  # the longest place that leaves a name of two words
        hit = geocode(doc[ent.start : ent.start + k].text)
        if hit is not None and hit.country:
            return ent.doc[ent.start + k : ent.end]
    return ent


def title_before_place(context: ResolutionContext, ent: Any) -> int | None:
    """The title word of "<title> of <place> <name>" before a person's name, or None."""
    doc = ent.doc
    for k in (1, 2, 3):
        j = ent.start - k
        if j < 2 or doc[j - 1].lower_ != "of" or context.lookups.role_for(doc[j - 2].lower_) is None:
            continue
        hit = geocode(doc[j : ent.start].text)
        if hit is not None and hit.country:
            return j - 2
    return None


def of_title_place(doc: Any, title_end: int, name_start: int) -> str | None:
    """The country of the place an "of" phrase after a title names ("Governor of Texas")."""
    if name_start - title_end < 2 or doc[title_end].lower_ != "of":
        return None
    hit = geocode(doc[title_end + 1 : name_start].text)
    return hit.country if hit is not None and hit.country else None


def of_name_place(doc: Any, name_end: int) -> str | None:
    """The country of the place an "of" phrase right after a titled name names ("Mayor Bill de
    Blasio of New York", "Representative Kweisi Mfume of Maryland"): the place the office is of."""
    if name_end + 1 >= len(doc) or doc[name_end].lower_ != "of":
        return None
    words_after = []
    for t in doc[name_end + 1 : name_end + 6]:
        if not (t.pos_ == "PROPN" or (t.lower_ == "the" and not words_after)):
            break
        words_after.append(t)
    names = [t for t in words_after if t.pos_ == "PROPN"]
    for end in range(len(names), 0, -1):  # the longest place: "New York", not "New"
        hit = geocode(" ".join(t.text for t in names[:end]))
        if hit is not None and hit.country:
            return hit.country
    return None


def apposition(context: ResolutionContext, head: Any) -> tuple[str | None, str | None, str] | None:
    """(country, sector, code) from "Name, the <country/organisation> <role>", or from the
    role the name is in apposition to ("One senator, Eduardo Bhatia, said")."""
    kb = context.kb
    described_by = [c for c in head.children if c.dep_ == "appos"]
    first = head
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head  # "officers Antoine Quirin and Nicolas Redouane": both are officers
    one_of_many = first.head.tag_ in ("NNS", "NNPS") and first.i == head.i \
        and not any(c.dep_ == "conj" for c in head.children)  # "Politicians and the Archbishop, X": not all
    if first.dep_ == "appos" and first.head.pos_ == "NOUN" and first.head.i < first.i and not one_of_many:
        described_by.append(first.head)
    for appos in described_by:
        body = spokesperson_body(context.lookups.role_for, appos)  # "a police spokesman": of the body's kind
        for f in context.found:
            if f.start <= appos.i < f.end:
                entity = f.entity
                code = f.code or entity.code
                country = f.country if f.country is not None else entity.country
                if body is not None and (f.how == How.ROLE_GROUP or entity.kind == "country"):
                    return country, body, f"{kb.country_prefix(country)}{body}" if country else body
                return country, f.sector or entity.sector, code
        left = np_left(appos)
        org = org_cue(context, left, appos.i)
        if org is not None:
            entity = kb.entity(org.key)
            return entity.country, entity.sector, entity.code
        # "resident fellow at the American Enterprise Institute": a country in the apposition
        # the title with its compounds ("the Defence Secretary"), else its head noun
        words_before = [t.lower_ for t in appos.lefts if t.dep_ == "compound" and t.i == appos.i - 1]
        hit = (words_before and context.lookups.role_for(" ".join(words_before + [appos.lower_]))) \
            or context.lookups.role_for(appos.lower_) or context.lookups.role_for(appos.lemma_.lower())
        if not hit:
            # a title over an "of" phrase ("Souhail Alouini, a member of Parliament")
            phrase = context.lookups.role_at(context.doc, appos)
            hit = (phrase.role, phrase.sector) if phrase is not None and phrase.sector else None
        if not hit and appos.pos_ == "NOUN":
            # a noun for one kind of person that no office names ("officers", "a journalist")
            unnamed = person_nouns()["unnamed"].get(appos.lemma_.lower())
            hit = (None, unnamed) if unnamed else None
        sector = (hit[1] if hit else None) or Sector.CVL.value
        if body is not None:  # "spokesman for the police"
            hit, sector = (None, body), body
        wars = words().war_nouns
        for t in appos.subtree:
            if t.dep_ == "compound" and t.head.lower_ in wars:
                continue  # "an Iraq War veteran": where the war was, not whose the veteran is
            for m in context.by_token.get(t.i, ()):
                entity = kb.entity(m.key)
                if entity.kind in COUNTRY_LIKE and entity.country:
                    return entity.country, sector, f"{kb.country_prefix(entity.country)}{sector}"
        if hit and hit[1] and sector != Sector.CVL.value:
            return None, sector, sector  # "a senator": the story may give the country
    return None


def nationality_in_apposition(context: ResolutionContext, head: Any) -> str | None:
    """The country of a nationality word alone that a name is in apposition to, either way
    round ("An Australian, Brenton Tarrant, ...", "Brenton Tarrant, an Australian, ..."); None
    when the word is more than a nationality ("an Australian senator" is the apposition's role)."""
    kb = context.kb
    sides = [c for c in head.children if c.dep_ == "appos"]
    if head.dep_ == "appos" and head.head.i < head.i:
        sides.append(head.head)
    for side in sides:
        if side.pos_ not in ("PROPN", "NOUN", "ADJ") or side.ent_type_ != "NORP" \
                or any(c.dep_ not in ("det", "punct", "appos", "acl", "relcl") for c in side.children if c.i != head.i):
            continue
        for m in context.by_token.get(side.i, ()):
            entity = kb.entity(m.key)
            if m.start == side.i and m.end == side.i + 1 and entity.kind == "country" and entity.country:
                return entity.country
    return None


def destination(tok: Any) -> bool:
    """A place named as where a thing goes or whom it is aimed at ("security aid to Ukraine", "a
    trip to Kiev and Warsaw", "sanctions against Iran"): not where a person is from. Only after a
    noun: what a person does to a place ("returned the birds into the Brazilian wild") may say
    where they are."""
    node = tok
    while node.dep_ in ("compound", "poss", "amod", "conj") and node.head.i != node.i:
        node = node.head
    prep = node.head
    return node.dep_ == "pobj" and prep.lower_ in words().destination_prepositions and prep.head.pos_ == "NOUN"


def describes_a_thing(tok: Any) -> bool:
    """A place in an "of" phrase of a thing ("brought back the relic of Jerusalem") or naming a
    war ("an Iraq War veteran"): it says what the thing is, not where anyone is from."""
    if tok.dep_ == "compound" and tok.head.lower_ in words().war_nouns:
        return True  # "an Iraq War veteran": where the war was
    prep = tok.head
    return tok.dep_ == "pobj" and prep.lower_ == "of" and prep.head.pos_ == "NOUN" \
        and prep.head.lemma_.lower() not in person_nouns()["unnamed"]


def member_of(context: ResolutionContext, head: Any) -> tuple[str | None, str, str] | None:
    """(country, sector, code) of the organisation a person is "of" by a noun of its kind
    ("Peter Kane of the campaign group Open Doors", "Ana Ruiz of a Chilean rebel group")."""
    kb = context.kb
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            # the kind noun heads the phrase, or modifies the name ("the advocacy group Fair Votes")
            # or a capitalised kind noun inside the name ("Jennifer Lu of Marriage Equality Coalition Taiwan")
            kinds = [pobj] if pobj.pos_ == "NOUN" or pobj.lower_ in organisation_nouns() else [c for c in pobj.lefts if c.dep_ == "compound" and (
                c.pos_ == "NOUN" or c.lower_ in organisation_nouns())]
            if not kinds:
                continue
            noun = kinds[-1]
            before = [t.lower_ for t in noun.lefts if t.dep_ in ("compound", "amod") and t.i == noun.i - 1]
            hit = (before and context.lookups.role_for(" ".join(before + [noun.lower_]))) or None
            sector = hit[1] if hit and hit[1] else organisation_nouns().get(noun.lemma_.lower())
            if not sector:
                continue
            for t in pobj.subtree:
                for m in context.by_token.get(t.i, ()):
                    entity = kb.entity(m.key)
                    if entity.kind in COUNTRY_LIKE and entity.country:
                        return entity.country, sector, f"{kb.country_prefix(entity.country)}{sector}"
            return None, sector, sector
    return None


def named_places(context: ResolutionContext) -> set[str]:
    """Names of several words the article uses as places, whether or not a gazetteer knows them:
    right after a locative preposition ("a camp at Ain Issa"), run into a place noun ("the Tsuen
    Wan district", inside the entity or after it), or joined to such a name ("entered Tell Tamer and Ain Issa"). A recognizer's
    "person" of the same name anywhere in the article is that place, not someone."""
    w = words()
    v = view(context.doc)  # the entities' words read on the Doc's arrays (analysis.docview)
    text, is_alpha, dep, lemma = v.text, v.is_alpha, v.dep, v.lemma
    names = [e for e in context.ents if len(e) > 1 and e.label_ in ("PERSON", "GPE", "LOC", "FAC")
             and all(text[k][:1].isupper() for k in range(e.start, e.end) if is_alpha[k])]
    out: set[str] = set()
    for ent in context.ents:  # "the Sham Shui Po district" tagged whole: its name is a place's
        words_ = [k for k in range(ent.start, ent.end) if dep[k] != "det"]
        if len(words_) > 2 and lemma[words_[-1]] in w.place_nouns and words_[-1] == ent.end - 1 \
                and all(text[k][:1].isupper() for k in words_[:-1] if is_alpha[k]):
            out.add(ent.doc[words_[0] : ent.end - 1].text)
    # each name's text and root, made once (the pairs below compare every name with every other)
    roots = [(e.text, e.root.i) for e in names]
    heads = v.head
    for ent, (name, head) in zip(names, roots):
        before = ent.start - 1
        if (before >= 0 and dep[head] == "pobj" and heads[head] == before
                and v.lower[before] in w.place_name_prepositions) \
                or (dep[head] == "compound" and heads[head] == ent.end and lemma[heads[head]] in w.place_nouns):
            out.add(name)
    for name, head in roots:  # "Tell Tamer and Ain Issa": a name joined to a place is another place
        if name not in out and any(other in out and (heads[root] == head and dep[root] == "conj"
                                                     or heads[head] == root and dep[head] == "conj")
                                   for other, root in roots):
            out.add(name)
    return out


def place_words(context: ResolutionContext) -> set[str]:
    """One-word names the article uses as places somewhere ("in Tyumen", "Aleppo, a city"): a
    recognizer's "person" of the same name elsewhere is that place, not someone."""
    doc = context.doc
    out = set()
    for ent in context.ents:
        if len(ent) != 1:
            continue
        if ent.label_ in ("GPE", "LOC"):
            hit = geocode(ent.text)
            if hit is not None and hit.country and (hit.population >= LARGE_CITY or hit.lat is None):
                out.add(ent.text)
        elif used_as_place(ent) is not None:
            out.add(ent.text)
    out |= named_places(context)
    prepositions = words().place_prepositions
    v = view(doc)  # (read on the Doc's arrays: analysis.docview)
    dep, pos, is_alpha, text, lower, kids = v.dep, v.pos, v.is_alpha, v.text, v.lower, v.kids
    for i in range(1, v.n):  # "the Federal Center for Neurosurgery in Tyumen", inside a longer name
        if dep[i] == "pobj" and pos[i] == "PROPN" and is_alpha[i] and text[i][:1].isupper() \
                and lower[i - 1] in prepositions and lower[i - 1] != "of" \
                and not any(dep[c] == "compound" for c in kids[i]):
            hit = geocode(text[i])
            if hit is not None and hit.country and hit.population >= LARGE_CITY:
                out.add(text[i])
    return out
