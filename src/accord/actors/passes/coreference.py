"""Person coreference, steps 1-5 of `accord.actors.people`: every person an article names is one
entity, whatever it is called later. Each step is a pass; they run in the order
`accord.actors.passes.DEFAULT_PASSES` lists them."""

from __future__ import annotations

from typing import Any

from spacy.symbols import NOUN

from ...analysis.syntax import clause_verb_index, sentence_start_back
from ...analysis.docview import view
from ..context import Found, ResolutionContext, unplaced_group
from ..kinds import STATE_SECTORS, How, Sector
from ..knowledge import Entity
from ..people import (AGE, SUBJECT_DEPS, described, focus_country, fold, initial_genders, is_glued_marker,
                      is_person_found, is_subject, lexicon, name_words, own_pronoun_gender, paternal_surname,
                      people_found, plain_name, replace_entity, sentence_country, surname_forms, unlisted_person)
from ..phrases import acted_on_countries, diplomat_subject_countries, organisation_kind, spokesperson_body
from ..words import words
from .base import Pass

ROLES = (How.ROLE_GROUP, How.ROLE_ORG, How.ROLE)


def name_span(doc: Any, f: Found) -> tuple[int, int]:
    """The name part of a person's mention, without its title ("Gov." "Police Commissioner")."""
    start = f.start
    while start < f.end - 1 and not (doc[start].pos_ == "PROPN" and doc[start].ent_type_ == "PERSON"):
        start += 1
    return start, f.end


def become(f: Found, entity: Entity) -> None:
    """A role mention turns out to be a named person's."""
    f.entity = entity
    f.how = How.ROLE_NAME
    f.code = f.sector = f.country = f.name = None


def as_unlisted_person(f: Found, name: str) -> None:
    f.entity = unlisted_person(name)
    f.how, f.code, f.sector, f.country, f.name = How.NAME_UNLISTED, None, None, None, None


# ------------------------------------------------------------------------ 1. names
class StripMarkers(Pass):
    """"ADCuomo": a page marker glued to a name is not part of it."""

    name = "strip-markers"

    def run(self, context: ResolutionContext) -> None:
        doc, found = context.doc, context.found
        surnames = {form: f.entity for f in people_found(found) for form in surname_forms(f.entity.name)}
        for f in found:
            if f.end - f.start < 2 or not is_glued_marker(doc[f.start]):
                continue
            f.start += 1
            if f.entity.kind != "person":
                # "ADCuomo" read as an organisation (of Andorra): the marker and a surname
                person = surnames.get(fold(doc[f.start:f.end].text))
                if person is not None:
                    f.entity, f.how = person, How.SURNAME
                    f.code = f.sector = f.country = f.name = None
                continue
            if f.entity.key.startswith("unlisted:"):
                name = plain_name(doc[f.start:f.end].text)
                entity = Entity(key=f"unlisted:{name}", kind="person", name=name, country=f.entity.country,
                                sector=f.entity.sector, code=f.entity.code)
                replace_entity(found, f.entity.key, entity)


class OrganisationNames(Pass):
    """"the investigative website Bellingcat": a name the recognizer took for a person but that a
    noun of a kind of organisation describes is that organisation, of the country its description
    names ("a Britain-based monitor"), else of none. The description is a mention of the same
    organisation."""

    name = "organisation-names"

    def run(self, context: ResolutionContext) -> None:
        doc, found = context.doc, context.found
        honorifics = lexicon()["honorifics"]
        for f in list(found):
            person = f.how == How.NAME_UNLISTED and f.entity.key.startswith("unlisted:")
            if not (person or f.how == How.ORG_NAMED) or (f.start > 0 and doc[f.start - 1].lower_ in honorifics):
                continue
            kind = organisation_kind(doc, f.start, f.end)
            if kind is None or kind[1] is None:
                continue  # a person's name may end in "Church" or "Bank": only a description says
            sector, noun = kind
            entity = f.entity
            if person:
                entity = Entity(key=f"unlisted-org:{f.entity.name}", kind="org", name=f.entity.name,
                                country=None, sector=sector, code=sector)
            if entity.country is None:
                phrase = {t.i for t in noun.subtree} - set(range(f.start, f.end))
                countries = {g.entity.country for g in found if g.start in phrase and g.how in (How.NAME, How.PLACE)
                             and g.entity.kind in ("country", "seat") and g.entity.country}
                if any(doc[i].ent_type_ in ("GPE", "NORP") for i in phrase):
                    # "the Venezuelan website": the phrase took its country from its adjective
                    countries |= {g.country or g.entity.country for g in found if g.last == noun.i
                                  and (g.how.startswith("role") or g.how == How.MODIFIER)
                                  and (g.country or g.entity.country)}
                if len(countries) == 1:
                    country = countries.pop()
                    entity = Entity(key=entity.key, kind="org", name=entity.name, country=country,
                                    sector=entity.sector, code=f"{context.kb.country_prefix(country)}{entity.sector or ''}")
            old = f.entity.key
            for g in found:
                is_description = (g.how.startswith("role") or g.how == How.MODIFIER) and g.last == noun.i and (
                    (g.country or g.entity.country) in (None, entity.country))  # else a place the sentence gave it
                if g.entity.key == old or is_description:
                    g.entity, g.how = entity, How.ORG_NAMED
                    g.code = g.sector = g.country = g.name = g.role = None


class HonorificNames(Pass):
    """"Mr Conway" is a person, not the town of Conway."""

    name = "honorific-names"

    def run(self, context: ResolutionContext) -> None:
        doc = context.doc
        honorifics = lexicon()["honorifics"]
        for f in context.found:
            if f.entity.kind == "person" or f.start == 0:
                continue
            before = doc[f.start - 1]
            if before.lower_ not in honorifics or not all(t.text[:1].isupper() for t in doc[f.start:f.end]):
                continue
            as_unlisted_person(f, plain_name(doc[f.start:f.end].text))


class SharedSurnames(Pass):
    """"Julie and Brian Hambleton": Julie is a Hambleton too."""

    name = "shared-surnames"

    def run(self, context: ResolutionContext) -> None:
        doc, found = context.doc, context.found
        joiners = words().name_joiners
        people = sorted(people_found(found), key=lambda f: f.start)
        by_start = {f.start: f for f in people}
        for f in people:
            if f.end - f.start != 1 or not f.entity.key.startswith("unlisted:"):
                continue
            if f.end + 1 >= len(doc) or doc[f.end].lower_ not in joiners:
                continue
            other = by_start.get(f.end + 1)
            if other is None or other.end - other.start < 2:
                continue
            rest = [t.text for t in doc[other.start + 1 : other.end]]
            name = plain_name(" ".join([doc[f.start].text, *rest]))
            entity = Entity(key=f"unlisted:{name}", kind="person", name=name, country=other.entity.country,
                            sector=other.entity.sector, code=other.entity.code)
            replace_entity(found, f.entity.key, entity)


# ------------------------------------------------------------------- 2. short forms
class ShortForms(Pass):
    """A surname, a first name or a respaced spelling ("Conway", "Julie", "DeBlasio") is the
    person named in full in the article, the nearest one before, else the first after."""

    name = "short-forms"

    def run(self, context: ResolutionContext) -> None:
        doc, found = context.doc, context.found
        people = sorted(people_found(found), key=lambda f: f.start)
        full: list[tuple[int, Entity]] = []  # (first token, entity) of every full name
        seen: set[str] = set()
        for f in people:
            if len(name_words(f.entity.name)) >= 2 and f.entity.key not in seen:
                seen.add(f.entity.key)
                full.append((f.start, f.entity))
        if not full:
            return
        surnames = {form for _, e in full for form in surname_forms(e.name)}
        place_prepositions = words().place_prepositions
        for f in found:
            # "Conway had been recruited": a surname of someone named in full, read as a town
            if f.how == How.PLACE and f.end - f.start == 1 and fold(doc[f.start].text) in surnames and not (
                    f.start > 0 and doc[f.start - 1].lower_ in place_prepositions):
                as_unlisted_person(f, doc[f.start].text)
                people.append(f)
        missed_surnames(context, full)
        people = sorted(people_found(found), key=lambda f: f.start)
        for f in people:
            ws = name_words(f.entity.name)
            if len(ws) >= 2 and not f.entity.key.startswith("unlisted:"):
                continue
            surface = surface_name(doc, f)
            folded = fold(surface)
            if not folded or any(e.key == f.entity.key for _, e in full if len(name_words(e.name)) >= 2
                                 and fold(e.name) == folded):
                continue
            if len(name_words(surface)) >= 2 and not any(folded in surname_forms(e.name) for _, e in full):
                continue  # a full name of its own
            # the mention's own person too: "Khan" after "Usman Khan" stays his when a "Sadiq
            # Khan" is named only later
            matches = [(start, e) for start, e in full if
                       folded in surname_forms(e.name) or folded == fold(name_words(e.name)[0])]
            if not matches and len(name_words(surface)) == 1:  # "Rosselló" for "Ricardo Rosselló Nevares"
                matches = [(start, e) for start, e in full if e.key != f.entity.key
                           and folded == paternal_surname(e.name)]
            if described(doc, f):
                # "José, a Caracas bus driver, said": introduced here, so not someone named later
                matches = [(start, e) for start, e in matches if start < f.start]
            target = most_mentioned(matches, f.start, found) or nearest(matches, f.start)
            if target is None or target.key == f.entity.key:
                continue
            if f.entity.key.startswith("unlisted:") and len(name_words(f.entity.name)) < 2:
                replace_entity(found, f.entity.key, target)
            else:
                f.entity = target
            if f.how == How.NAME_UNLISTED:
                f.how = How.SURNAME


def missed_surnames(context: ResolutionContext, full: list[tuple[int, Entity]]) -> None:
    """"el Aissami said", "Mendeloff asked": a surname the entity recognizer did not tag, of a
    person named in full before it."""
    doc, found = context.doc, context.found
    particles = words().name_particles
    honorifics = lexicon()["honorifics"]
    covered = context.covered()
    last_words: dict[str, list[tuple[int, Entity]]] = {}
    for start, e in full:
        ws = name_words(e.name)
        if len(ws[-1]) >= 3 and ws[-1][:1].isupper():
            last_words.setdefault(ws[-1], []).append((start, e))
    for i, text in enumerate(view(doc).text):  # (the words read on the Doc's arrays: analysis.docview)
        named = last_words.get(text.replace("’", "'"))
        if not named or i in covered:
            continue
        tok = doc[i]
        before = [(s, e) for s, e in named if s < tok.i]
        if len({e.key for _, e in before}) != 1:
            continue
        entity = before[-1][1]
        start = tok.i
        while start > 0 and doc[start - 1].text[:1].islower() and doc[start - 1].lower_ in particles \
                and doc[start - 1].i not in covered:
            start -= 1  # "el Aissami", "de Blasio"
        if start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper() \
                and doc[start - 1].lower_ not in honorifics:
            continue  # part of another name
        found.append(Found(start, tok.i + 1, entity, How.SURNAME))
        covered.update(range(start, tok.i + 1))


def surface_name(doc: Any, f: Found) -> str:
    start, end = name_span(doc, f)
    honorifics = lexicon()["honorifics"]
    while start < end - 1 and doc[start].lower_ in honorifics:
        start += 1
    return plain_name(doc[start:end].text)


def most_mentioned(matches: list[tuple[int, Entity]], at: int, found: list[Found]) -> Entity | None:
    """Of several people named in full before `at` who share the surname, the one the text has
    mentioned most so far: a story's subject keeps the bare surname when another bearer is
    named in passing ("Sadiq Khan (no relation)"); on a tie, none (the nearest decides)."""
    before = {e.key: e for s, e in matches if s < at}
    if len(before) < 2:
        return None
    counts = {key: sum(1 for f in found if f.entity.key == key and f.start < at) for key in before}
    ranked = sorted(counts.values(), reverse=True)
    if ranked[0] == ranked[1]:
        return None
    return before[max(counts, key=counts.get)]


def nearest(matches: list[tuple[int, Entity]], at: int) -> Entity | None:
    before = [(s, e) for s, e in matches if s < at]
    if before:
        return max(before, key=lambda m: m[0])[1]
    after = sorted(matches, key=lambda m: m[0])
    return after[0][1] if after else None


# ------------------------------------------------------------------- voice owners
class VoiceOwners(Pass):
    """"said the voice on the message, purportedly that of Abu Bakr al-Baghdadi": the voice is its
    owner's, a person even when the recognizer missed the name. How sure the text is
    ("purportedly") is not kept: a speaker has no modality in the record."""

    name = "voice-owners"

    def run(self, context: ResolutionContext) -> None:
        doc, found = context.doc, context.found
        voices = lexicon()["voice"]
        w = words()
        pos = context.pos
        lower = view(doc).lower  # (read on the Doc's arrays: analysis.docview)
        for i, low in enumerate(lower):
            if pos[i] != NOUN or low not in voices:
                continue
            tok = doc[i]
            end = min(tok.sent.end, tok.i + 14)
            j = next((k for k in range(tok.i + 1, end - 2) if doc[k].lower_ == "that" and doc[k + 1].lower_ == "of"), None)
            if j is None or not any(t.text == "," for t in doc[tok.i + 1 : j]) or any(
                    t.pos_ in ("VERB", "AUX") and t.lower_ not in w.voice_verbs for t in doc[tok.i + 1 : j]):
                continue  # only an apposition: "the voice, believed to be that of X"
            start = stop = j + 2
            while stop < tok.sent.end and (doc[stop].pos_ == "PROPN" or (doc[stop].text in ("-", "‐") and stop > start)
                                           or doc[stop].lower_ in w.name_particles):
                stop += 1
            while stop > start and doc[stop - 1].pos_ != "PROPN":
                stop -= 1
            if stop - start < 1 or not doc[start].text[:1].isupper():
                continue
            owner = next((f for f in found if f.start <= stop - 1 < f.end and f.entity.kind == "person"), None)
            if owner is None:
                if any(f.start < stop and start < f.end for f in found):
                    continue  # the words name something else the stage found
                owner = Found(start, stop, unlisted_person(plain_name(doc[start:stop].text)), How.NAME_UNLISTED)
                found.append(owner)
            left = min([c.i for c in tok.lefts] + [tok.i])
            if not any(f.start <= tok.i < f.end for f in found):
                found.append(Found(left, tok.i + 1, owner.entity, How.DESCRIPTION))


# ----------------------------------------------------------------- 5. unnamed people
class UnnamedPeople(Pass):
    """Unnamed people ("one source", "a police spokesman", "the friend") are actors with no name,
    of the country their phrase or their sentence names, else of the country the article is about."""

    name = "unnamed-people"

    def run(self, context: ResolutionContext) -> None:
        doc, found, lookups = context.doc, context.found, context.lookups
        unnamed = lexicon()["unnamed"]
        covered = context.covered()
        # the country the article's actors name most, else the one the story is set in (its
        # places and headline: "Arrests made in theft of gold toilet in England")
        focus = focus_country(found) or context.article_country()
        v = view(doc)  # (read on the Doc's arrays: analysis.docview)
        for f in found:
            # "one elderly witness in Kabul", "a Polish chef": a person placed or marked by the
            # phrase is an unnamed person of that country, not the country itself
            last = f.last
            if (f.how == How.PLACED and v.tag[last] == "NN" or f.how == How.MODIFIER and v.tag[last] in ("NN", "NNS")) \
                    and v.lemma[last] in unnamed and f.entity.country:
                new = lookups.group(f.start, f.end, f.entity.country, unnamed[v.lemma[last]])
                f.entity, f.how, f.code, f.sector, f.country = new.entity, new.how, new.code, new.sector, new.country
        inside = context.quoted
        # "according to one source", "by a witness" (speakers); "a case against the driver" (targets)
        person_prepositions = words().speaker_prepositions | words().target_prepositions
        pos = context.pos
        tag = view(doc).tag  # (read on the Doc's arrays: analysis.docview)
        for i, t in enumerate(tag):
            if pos[i] != NOUN or i in covered or inside[i] or t != "NN":
                continue
            tok = doc[i]
            sector = spokesperson_body(lookups.role_for, tok) or unnamed.get(tok.lemma_.lower())  # "a police spokesman"
            if sector is None or tok.dep_ not in ("nsubj", "nsubjpass", "appos", "pobj", "dobj", "attr"):
                continue
            if tok.dep_ == "pobj" and tok.head.lower_ not in person_prepositions:
                continue  # "according to one source", "by a witness"; not "the families of a victim"
            if not any(c.dep_ in ("det", "nummod", "amod", "poss", "compound") for c in tok.lefts):
                continue
            if any(c.dep_ == "det" and c.lower_ in words().negating_determiners for c in tok.lefts):
                continue  # "No Russian official attended": nobody
            if any(c.dep_ == "poss" for c in tok.lefts):
                continue  # "his friend": someone's relation, not a speaker of the article
            left = min([tok.i] + [c.left_edge.i for c in tok.lefts
                                  if c.dep_ in ("det", "amod", "compound", "nummod", "punct", "advmod")])
            if sector in STATE_SECTORS and any(t.lower_ in words().not_current for t in doc[left:tok.i]):
                sector = "ELI"  # "a former advisor": no longer in office (CAMEO ELI), not the state
            country = phrase_country(found, tok, left) or sentence_country(found, tok) or focus
            found.append(lookups.group(left, tok.i + 1, country, sector) if country is not None
                         else unplaced_group(left, tok.i + 1, sector))
        for f in found:  # "a police spokesman", "vigilant locals": unnamed people of the article's country
            if f.how == How.ROLE_GROUP and f.country is None and focus and not f.placeless and (
                    is_person_found(doc, f) or f.sector in STATE_SECTORS or f.sector in PRIVATE_SECTORS):
                head = doc[f.last]
                country = sentence_country(found, head) or focus
                new = lookups.group(f.start, f.end, country, f.sector)
                f.entity, f.code, f.sector, f.country = new.entity, new.code, new.sector, new.country
        for f in list(found):
            # "Governor Andrew Cuomo said New York would help": an official of a state, titled
            # but placed by no country, is of the country their sentence or the article names
            e = f.entity
            if f.how == How.NAME_TITLE and e.key.startswith("unlisted:") and e.country is None \
                    and e.sector in STATE_SECTORS and e.code == e.sector:
                head = doc[f.last]
                country = sentence_country(found, head) or focus
                named = [(doc[g.last], g.actor_country) for g in found
                         if head.sent.start <= g.start < head.sent.end and g.actor_country]
                # not a diplomat's counterpart, nor the country the person acts on ("Prime
                # Minister Isa Mustafa expressed condolences to the Government of Turkey")
                if country is not None and country not in diplomat_subject_countries(head, named) \
                        and country not in acted_on_countries(head, named):
                    replace_entity(found, e.key, Entity(key=e.key, kind="person", name=e.name, country=country,
                                                        sector=e.sector, code=f"{context.kb.country_prefix(country)}{e.sector}"))


def phrase_country(found: list[Found], tok: Any, left: int) -> str | None:
    span = set(range(left, tok.i + 1)) | {t.i for t in tok.subtree}
    for f in found:
        if f.start in span and f.entity.kind in ("country", "seat") and f.entity.country:
            return f.entity.country
    return None


# ------------------------------------------------------------------ 3. role and name
class RoleAndName(Pass):
    """A role and a name tied by apposition or compound are one person, on either side:
    "France's counter-terrorism prosecutor, Remy Heitz", "The former Chief Minister of IOK,
    Omar Abdullah", "Eva, a 17-year-old student", "40-year-old Taji resident Abu Mohammed"."""

    name = "role-and-name"

    def run(self, context: ResolutionContext) -> None:
        doc, found = context.doc, context.found
        by_head = {f.last: f for f in people_found(found) if f.how not in (How.PRONOUN, How.PLURAL)}
        # appositions first, then "as" phrases, which only give a role to whoever has none yet
        for by_as, r in [(False, r) for r in found] + [(True, r) for r in found]:
            if r.how not in ROLES:
                continue
            office_holder = r.entity.kind == "person" and r.how == How.ROLE
            head = doc[r.last]
            if head.tag_ in ("NNS", "NNPS") and not office_holder:
                continue  # "Politicians and the Archbishop, Sławoj Głódź, visited": a group is no one person
            if not by_as:
                p = next((by_head[t.i] for t in (*head.children, head.head) if t.i in by_head
                          and t.i not in range(r.start, r.end) and tied(head, t)), None)
            else:
                p = role_by_as(doc, r, head, by_head)
                if p is not None and any(g.entity.key == p.entity.key and g.entity.sector not in (None, "CVL")
                                         and g.entity.country is not None for g in found):
                    continue  # "has served as mayor of Denver": a past role, not what the text made them
            if p is None:
                continue
            entity = p.entity
            if office_holder:
                if entity.key.startswith("unlisted:"):
                    # "Francesco Rocca, the president of International Red Cross": the text names the
                    # holder; its name beats the knowledge base's guess, and the office is theirs
                    if entity.country is None or entity.sector == "CVL":
                        code = context.kb.person_code(r.entity.key, context.on)
                        country, sector = context.kb.split_code(code)
                        entity = Entity(key=entity.key, kind="person", name=entity.name, country=country,
                                        sector=sector or entity.sector, code=code)
                        replace_entity(found, p.entity.key, entity)
                    become(r, entity)
                continue
            if entity.key.startswith("unlisted:") and (entity.country is None or entity.sector == "CVL"):
                country = r.country if r.country is not None else r.entity.country
                sector = r.sector or r.entity.sector or entity.sector
                code = r.code or r.entity.code
                if r.how == How.ROLE_GROUP and r.entity.kind != "group":
                    code = f"{context.kb.country_prefix(country) if country else ''}{sector or ''}" or entity.code
                if by_as and country and sector in STATE_SECTORS and served_before(doc, r):
                    # "Hickenlooper has served as mayor of Denver": an office left, a former official
                    sector, code = Sector.ELI.value, f"{context.kb.country_prefix(country)}{Sector.ELI.value}"
                entity = Entity(key=entity.key, kind="person", name=entity.name, country=country,
                                sector=sector, code=code)
                replace_entity(found, p.entity.key, entity)
            elif r.how == How.ROLE and not entity.key.startswith("unlisted:"):
                continue  # two people the knowledge base knows: leave both
            become(r, entity)


def role_by_as(doc: Any, r: Found, role_head: Any, by_head: dict[int, Found]) -> Found | None:
    """The named person an "as" phrase gives a role to: the verb's object ("appointed Pierluisi as
    secretary of state"), else its subject ("Rosselló resigned as the governor of Puerto Rico"),
    by the parse or, where the parse strays, by "<name> <verb> as <role>" in a row."""
    if r.start == 0 or doc[r.start - 1].lower_ != "as":
        return None
    prep = doc[r.start - 1]
    if role_head.head.i == prep.i and prep.head.pos_ in ("VERB", "AUX"):
        verb = prep.head
        objects = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
        for c in objects or [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]:
            if c.i in by_head:
                return by_head[c.i]
        if objects:
            return None  # "called the move a betrayal": someone else's role, or none
    between = doc[max(0, prep.i - 4):prep.i]
    for k in range(len(between) - 1, -1, -1):
        t = between[k]
        if t.i in by_head:
            gap = doc[t.i + 1:prep.i]
            if len(gap) and all(g.pos_ in ("VERB", "AUX", "ADV", "PART") or g.dep_ == "prt" for g in gap) \
                    and any(g.pos_ == "VERB" for g in gap):
                return by_head[t.i]
            return None
    return None


def served_before(doc: Any, r: Found) -> bool:
    """The "as" phrase before the role hangs from a verb of holding an office told in the past or
    the perfect, with nothing on it saying the office is still held ("has served as mayor of
    Denver"; not "has served as mayor since 2015", "is serving as", "serves as"); words.yaml
    `past_service_verbs`, `service_still_words`."""
    w = words()
    verb = doc[r.start - 1].head
    if verb.lemma_.lower() not in w.past_service_verbs:
        return False
    perfect = verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)
    if verb.tag_ != "VBD" and not perfect:
        return False
    return not any(c.lower_ in w.service_still_words for c in verb.children)


def tied(role_head: Any, name_head: Any) -> bool:
    """Apposition or compound between the role's head and the name's head."""
    return (name_head.head.i == role_head.i and name_head.dep_ in ("appos", "compound")) or (
        role_head.head.i == name_head.i and role_head.dep_ in ("appos", "compound", "nmod")) or (
        role_head.dep_ == "compound" and role_head.head.i == name_head.i)


# ------------------------------------------------------------------ 4. role anaphora
class RoleAnaphora(Pass):
    """"the ministry" after "Russia's foreign ministry" is that ministry; "Aragua's governor" after
    "Gov. Tarek el Aissami" is the person who was given that title in the article."""

    name = "role-anaphora"

    def run(self, context: ResolutionContext) -> None:
        group_anaphora(context)
        doc = context.doc
        ts = titles(context)
        if not ts:
            return
        indefinite = words().indefinite_singular
        successors = words().successor_adjectives
        for r in context.found:
            if r.how != How.ROLE_GROUP:
                continue
            head = doc[r.last]
            if head.tag_ != "NN" or any(c.dep_ == "det" and c.lower_ in indefinite for c in head.lefts):
                continue
            if any(c.dep_ == "amod" and c.lower_ in successors for c in head.lefts):
                continue  # "the new governor": not the one named before
            lemma = head.lemma_.lower()
            holders = {e.key: (s, e) for s, e, ws in ts if s < r.start and lemma in ws}
            if not holders:
                continue
            latest = max(holders.values(), key=lambda m: m[0])
            if len(holders) > 1 and r.country is None:
                continue  # two people with that title and nothing to tell them apart
            entity = latest[1]
            if r.country is not None and entity.country not in (None, r.country):
                continue
            become(r, entity)


def titles(context: ResolutionContext) -> list[tuple[int, Entity, set[str]]]:
    """(first token, person, title nouns) for every named person with a title in the text."""
    doc = context.doc
    abbreviations = lexicon()["abbreviations"]
    lesser = words().lesser_office
    out = []
    for f in people_found(context.found):
        if f.how in (How.PRONOUN, How.PLURAL):
            continue
        name_start = f.end if f.how == How.ROLE_NAME else name_span(doc, f)[0]  # a role is all title
        ws: set[str] = set()
        for t in doc[f.start:name_start]:
            low = t.lower_
            if low in lesser:
                break  # "Deputy Governor Oleg Klimov" is no governor: "the governor" is someone else
            ws.add(abbreviations.get(low, low))
            ws.add(t.lemma_.lower())
        head = doc[f.last]
        for appos in head.children:  # "Henrique Capriles, an opposition leader and governor"
            if appos.dep_ == "appos":
                for t in [appos, *appos.conjuncts]:
                    ws.add(t.lemma_.lower())
        ws = {w for w in ws if context.lookups.role_for(w) is not None}
        if f.role:
            ws.add(f.role.replace("_", " ").split()[-1])
        if ws:
            out.append((f.start, f.entity, ws))
    return out


def group_anaphora(context: ResolutionContext) -> None:
    """"the ministry" after "Russia's foreign ministry": a definite role phrase with no country
    is the nearest earlier one with the same head noun that has a country."""
    doc = context.doc
    groups = sorted((f for f in context.found if f.how == How.ROLE_GROUP), key=lambda f: f.start)
    for i, r in enumerate(groups):
        head = doc[r.last]
        if r.country is not None or not any(c.lower_ == "the" for c in head.lefts):
            continue
        lemma = head.lemma_.lower()
        earlier = [g for g in groups[:i] if g.country is not None and doc[g.last].lemma_.lower() == lemma
                   and doc[g.last].tag_ == head.tag_]
        if earlier:
            g = earlier[-1]
            r.entity, r.code, r.sector, r.country = g.entity, g.code, g.sector, g.country


# ------------------------------------------------------------------- descriptions
class Descriptions(Pass):
    """A definite description as the subject of a clause is the person who was the subject just
    before (within three sentences): by age or origin ("the 21-year-old ethnic Chechen said"), or
    by a common person noun when that person was introduced with a description of their own
    ("José, a Caracas bus driver, said …" then "said the young father of two"). Office titles are
    not descriptions here: "the governor" is role anaphora."""

    name = "descriptions"

    def run(self, context: ResolutionContext) -> None:
        doc, found = context.doc, context.found
        lex = lexicon()
        unnamed_at = {f.last: f for f in found if f.how == How.ROLE_GROUP and f.entity.kind != "person"
                      and f.role is None}
        covered = {i for f in found for i in range(f.start, f.end) if f is not unnamed_at.get(f.last)}
        people = sorted((f for f in people_found(found) if f.how not in (How.PRONOUN, How.PLURAL)),
                        key=lambda f: f.start)
        person_nouns = set(lex["noun_gender"]) | {w for w, sector in lex["unnamed"].items() if sector == "CVL"}
        genders = initial_genders(doc, found)
        v = view(doc)  # (read on the Doc's arrays: analysis.docview)
        dep, tag = v.dep, v.tag
        for i in range(v.n):
            if i in covered or dep[i] not in SUBJECT_DEPS or tag[i] not in ("NN", "NNP", "JJ"):
                continue
            tok = doc[i]
            lefts = list(tok.lefts)
            if not lefts or lefts[0].lower_ != "the" or any(c.dep_ == "poss" for c in lefts):
                continue
            aged = any(AGE.fullmatch(c.text) for c in lefts)
            office = context.lookups.role_for(tok.lemma_.lower())
            common = tok.lemma_.lower() in person_nouns and (office is None or office[0] is None)
            if not (aged or tok.ent_type_ == "NORP" or common):
                continue
            window = sentence_start_back(tok, 3)
            before = [f for f in people if window <= f.start < tok.sent.start and is_subject(doc, f)]
            if not before:
                continue
            person = before[-1]
            if not (aged or tok.ent_type_ == "NORP"):
                if not any(described(doc, g) for g in people if g.entity.key == person.entity.key and g.start < tok.i):
                    continue
                wanted = lex["noun_gender"].get(tok.lemma_.lower())
                known = genders.get(person.entity.key) or own_pronoun_gender(doc, person, found)
                if wanted and known and known != wanted:
                    continue
            start = lefts[0].i + 1
            if tok.i in unnamed_at:
                found.remove(unnamed_at[tok.i])
            found.append(Found(start, tok.i + 1, person.entity, How.DESCRIPTION))


class PlainNames(Pass):
    """Canonical names of unlisted people with plain apostrophes; the mentions sorted by position."""

    name = "plain-names"

    def run(self, context: ResolutionContext) -> None:
        found = context.found
        for f in found:
            e = f.entity
            if e.kind == "person" and e.key.startswith("unlisted:") and e.name != plain_name(e.name):
                replace_entity(found, e.key, Entity(key=e.key, kind="person", name=plain_name(e.name),
                                                    country=e.country, sector=e.sector, code=e.code))
        context.sort()


class StoryCountryPeople(Pass):
    """A person the knowledge base does not list, with a role but no country ("Senate President
    Thomas Rivera Schatz", "Albert Sufianov, the head physician of the center"), is of the
    country the article is set in, when it clearly is set in one (`article_country`). Not a
    private person: a story set in one country names people of others (the son of Osama bin
    Laden in a story from Washington); but a private person whose case one country's courts or
    police handle in the same clause is placed there (`tried_in`)."""

    name = "story-country-people"

    def run(self, context: ResolutionContext) -> None:
        found = context.found
        pending = {f.entity.key: f.entity for f in found if f.entity.kind == "person"
                   and f.entity.key.startswith("unlisted:") and f.entity.country is None
                   and f.entity.sector not in (None, "CVL", *UNPLACED_BY_STORY) and f.entity.code == f.entity.sector}
        for key, e in tried_at_home(context).items():
            home = self.tried_in(context, key)
            if home is not None:
                sector = e.sector or "CVL"
                replace_entity(found, key, Entity(key=key, kind="person", name=e.name, country=home,
                                                  sector=sector, code=f"{context.kb.country_prefix(home)}{sector}"))
        country = context.article_country()
        if country is None:
            return
        # a private person the story quotes, whom no sentence of theirs places elsewhere: of the
        # story's country too ("Travis Hood, who witnessed the collision, said" in a story set in
        # Texas); one it only tells of (the son of Osama bin Laden killed in a raid, in a story
        # from Washington), or whose sentence names another country, stays unplaced
        for key, e in tried_at_home(context).items():
            if key not in pending and e.sector == "CVL" and e.code == "CVL" and speaks(context, key) and \
                    only_story_country(context, key, country):
                pending[key] = e
        if not pending:
            return
        prefix = context.kb.country_prefix(country)
        for key, e in pending.items():
            replace_entity(found, key, Entity(key=key, kind="person", name=e.name, country=country,
                                              sector=e.sector, code=f"{prefix}{e.sector}"))

    @staticmethod
    def tried_in(context: ResolutionContext, key: str) -> str | None:
        """The one country whose court, judge or police shares a clause with a mention of the
        person ("Paul Manafort was sentenced by Judge Amy Berman Jackson", "another federal judge
        sentenced Manafort"): a private person whose case a country's courts or police handle is
        placed there, the only place the story gives them."""
        doc, found = context.doc, context.found
        v = view(doc)  # the clauses compared on the Doc's view: no Token made
        countries: set[str] = set()
        for f in found:
            if f.entity.key != key:
                continue
            verb = clause_verb_index(v, f.last)
            if verb < 0:
                continue
            for g in found:
                if g is f or g.entity.key == key or not g.actor_country:
                    continue
                sector = g.sector or g.entity.sector
                if sector in LEGAL_SECTORS and clause_verb_index(v, g.last) == verb:
                    countries.add(g.actor_country)
        return countries.pop() if len(countries) == 1 else None


# the state's legal arms: a private person whose case they handle is placed by them
LEGAL_SECTORS = ("JUD", "COP")


# a member of a non-governmental organisation is of the organisation's country, which the story's
# setting does not give (such groups work across borders)
UNPLACED_BY_STORY = ("NGO",)

# private people, protesters and workers, who are of the country the story is set in unless placed
PRIVATE_SECTORS = ("CVL", "OPP", "LAB")


def speaks(context: ResolutionContext, key: str) -> bool:
    """Whether a mention of the entity `key` is the subject of a verb of speaking ("Hood said",
    "said his wife Mary", "she told reporters")."""
    doc, speech = context.doc, words().speech_verbs
    for f in context.found:
        if f.entity.key != key:
            continue
        tok = doc[f.last]
        while tok.dep_ == "appos" and tok.head.i != tok.i:
            tok = tok.head  # "his wife, Mary Lee, said"
        if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in speech:
            return True
    return False


def only_story_country(context: ResolutionContext, key: str, country: str) -> bool:
    """Whether every sentence that mentions the entity `key` names no country but `country`
    (by a name, place, nationality or office holder the passes found)."""
    doc, found = context.doc, context.found
    sentences = {doc[f.start].sent.start for f in found if f.entity.key == key}
    for g in found:
        if g.entity.key != key and g.actor_country and g.actor_country != country \
                and doc[g.start].sent.start in sentences:
            return False
    return True


def tried_at_home(context: ResolutionContext) -> dict[str, Entity]:
    """Private people the knowledge base does not list and nothing placed (CVL, no country)."""
    return {f.entity.key: f.entity for f in context.found if f.entity.kind == "person"
            and f.entity.key.startswith("unlisted:") and f.entity.country is None
            and f.entity.sector in (None, "CVL")}

