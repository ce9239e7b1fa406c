"""The last pass: words that point back to actors already resolved. A finite clause's "it" is the
nearest subject that is a country or organisation; "the international body" / "the country" the
last organisation or country named; "US allies" the region group of the country's allies; he/she
the most salient person of the right gender (`people.resolve_pronoun`); "the two leaders", "both
countries" the two most salient people or countries; "them" the nearest plural group before it;
a person's kin ("his wife", "her son") and opponents ("her opponents") the private people and the
opposition of that person's country; a counted "others" ("injured nineteen others") more people
of the country of those the clause named before them."""

from __future__ import annotations

from typing import Any

from spacy.symbols import NOUN, PRON, PROPN

from ...analysis.syntax import sentence_start_back
from ...analysis.docview import view
from ..context import Found, ResolutionContext
from ..kinds import How
from ..knowledge import KnowledgeBase
from ..people import initial_genders, person_key, resolve_pronoun
from ..phrases import definite_description, np_left, pleonastic, salient_subject
from ..words import refers_back, words
from .roles import speaker_country
from .base import Pass

_PRONOUN_OR_NOUN = (PRON, NOUN, PROPN)

IT_ANTECEDENT_KINDS = ("country", "igo", "org", "seat")


class References(Pass):
    name = "references"

    def run(self, context: ResolutionContext) -> None:
        found = context.found
        found.extend(self._find(context))
        context.sort()

    def _find(self, context: ResolutionContext) -> list[Found]:
        doc, found, kb = context.doc, context.found, context.kb
        w = words()
        extra: list[Found] = []
        covered = context.covered()
        quote_depth = context.quoted
        gender = initial_genders(doc, found)
        links: dict[int, str] = {}  # pronoun resolved to an unnamed person -> who that person is
        pos_of = context.pos
        v = view(doc)  # (read on the Doc's arrays: analysis.docview): a Token only for the words that may be
        lower_of, dep_of, lemma_of = v.lower, v.dep, v.lemma
        # The words each case below begins with, by part of speech: a Token only for those.
        pronoun_words = {"it"} | w.plural_object_pronouns | w.person_pronouns
        proper_words = w.plural_person_nouns | w.plural_country_nouns
        noun_words = (w.kin_nouns | w.opponent_nouns | w.others_words | w.adherent_nouns
                      | w.plural_person_nouns | w.plural_country_nouns)
        noun_lemmas = w.igo_nouns | w.country_nouns | (w.ally_nouns if w.allies_region else frozenset())
        for i in range(v.n):
            if i not in covered and lower_of[i] in w.accused_nouns and dep_of[i] in _ARGUMENT_DEPS \
                    and (accused := _accused_named_before(context, doc[i], found)) is not None:
                extra.append(accused)  # "Police arrested the accused": the person charged before
                continue
            if i in covered or pos_of[i] not in _PRONOUN_OR_NOUN:
                continue  # every case below is of a pronoun, a noun or a proper noun
            if not (lower_of[i] in pronoun_words if pos_of[i] == PRON else
                    lower_of[i] in proper_words if pos_of[i] == PROPN else
                    lower_of[i] in noun_words or lemma_of[i] in noun_lemmas):
                continue  # no case below reads this word (each begins with its word list)
            tok = doc[i]
            pos = tok.pos_
            low = tok.lower_
            lemma = tok.lemma_.lower() if pos == "NOUN" else ""  # read only in the nouns' cases
            if pos == "PRON" and low == "it" and not quote_depth[tok.i] \
                    and (asker := _asking_verb(tok)) is not None:
                # "China never called for it to withdraw troops", "the EU urged it to release":
                # the one asked is not the one asking, so "it" is the nearest country or
                # organisation before it other than the asker.
                extra.extend(_stands_for(tok, _addressee(doc, tok, asker, _chain(found, extra, tok))))
                continue
            if pos == "PRON" and low == "it" and tok.dep_ == "nsubj" and not quote_depth[tok.i] \
                    and (tok.head.morph.get("VerbForm") != ["Inf"] or any(c.dep_ == "aux" and c.tag_ == "MD" for c in tok.head.children)) \
                    and not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.head.children) \
                    and not pleonastic(tok):
                # "China engages with the body even as it has objected": a finite clause's "it"
                # is the nearest subject that is a country or organisation.
                # An "it" already resolved counts too: "Bellingcat says … It adds … it suggests".
                extra.extend(_stands_for(tok, salient_subject(doc, tok, _chain(found, extra, tok), IT_ANTECEDENT_KINDS)))
                continue
            if pos == "NOUN" and (lemma in w.igo_nouns or lemma in w.country_nouns) \
                    and definite_description(tok):
                kinds = ("igo", "org") if lemma in w.igo_nouns else ("country",)
                previous = [f for f in _before(found, tok) if f.entity.kind in kinds and f.how != How.ROLE_GROUP]
                if previous:
                    start = min([c.i for c in tok.lefts] + [tok.i])
                    extra.append(Found(start, tok.i + 1, previous[-1].entity, How.DEFINITE))
                continue
            if pos == "NOUN" and lemma in w.country_nouns and tok.dep_ != "poss" \
                    and (country := speaker_country(context, tok, found + extra)) is not None:
                # "Putin said his country will not lift the ban": the speaker's country ("pledged
                # his country's support" is the speaker's own support, no actor of its own)
                try:
                    extra.append(Found(min(c.i for c in tok.lefts), tok.i + 1, kb.entity(f"country:{country}"),
                                       How.DEFINITE))
                except KeyError:
                    pass
                continue
            if pos == "PRON" and low in w.plural_object_pronouns and not quote_depth[tok.i] \
                    and (antecedent := _plural_antecedent(doc, tok, _chain(found, extra, tok))) is not None:
                # "two participants performed well and Sufianov provided them with his grant": the
                # nearest plural noun before "them", if it names people or a group of them
                if antecedent.how == How.NAME:
                    extra.append(Found(tok.i, tok.i + 1, antecedent.entity, How.PRONOUN, code=antecedent.code,
                                       sector=antecedent.sector, country=antecedent.country))
                else:  # an unnamed group: the group, as "two Nigerian journalists" made it
                    extra.append(Found(tok.i, tok.i + 1, antecedent.entity, How.ROLE_GROUP,
                                       code=antecedent.code or antecedent.entity.code,
                                       sector=antecedent.sector or antecedent.entity.sector,
                                       country=antecedent.actor_country))
                continue
            if pos == "NOUN" and tok.dep_ != "compound" and (low in w.kin_nouns or low in w.opponent_nouns) \
                    and (people := _people_of_owner(context, tok, found + extra)) is not None:
                # "killed his wife", "attacked her son", "some of her opponents' plans": a person's
                # kin are private people, their opponents the opposition, of the person's country
                extra.append(people)
                continue
            if pos == "NOUN" and low in w.others_words and _counted(tok) \
                    and (country := _country_of_people_before(tok, found + extra)) is not None:
                # "killed a woman and injured at least nineteen others": more people like those the
                # clause named before them
                extra.append(context.lookups.group(min(c.i for c in tok.subtree), tok.i + 1, country, "CVL"))
                continue
            if pos == "NOUN" and tok.dep_ not in ("compound", "poss") \
                    and (sector := _private_group_sector(context, tok)) is not None \
                    and (country := speaker_country(context, tok, found + extra)) is not None:
                # "he thanked his supporters", "she told her supporters": the people a person's
                # pronoun owns are of that person's country
                extra.append(context.lookups.group(min(c.i for c in tok.lefts), tok.i + 1, country, sector))
                continue
            if pos == "NOUN" and lemma in w.ally_nouns and w.allies_region:
                owner = [f for f in found if f.entity.kind == "country" and f.start < tok.i and
                         any(doc[i].head.i == tok.i for i in range(f.start, f.end))]
                region = w.allies_region
                if owner and owner[-1].entity.country in kb.region_members(region):
                    try:
                        entity = kb.entity(f"region:{region}")
                    except KeyError:
                        entity = None
                    if entity is not None:  # "US allies": Western governments
                        extra.append(Found(owner[-1].start, tok.i + 1, entity, How.ALLIES))
                continue
            if pos == "PRON" and low in w.person_pronouns and not quote_depth[tok.i]:
                if tok.dep_ == "poss":
                    continue
                wanted = "f" if low in w.feminine_pronouns else "m"
                # Someone already called "she" is not "he": keep pronouns consistent per person.
                # Names inside quotation marks are what a speaker talks about, not who "he" is
                # in the narrative ("“... Gerry Adams ...,” he said"). Pronouns already resolved
                # count as mentions of their person.
                earlier = sorted([f for f in found if f.end <= tok.i] + extra, key=lambda f: f.start)
                sent_end = tok.sent.end  # once: `tok.sent` walks the sentence
                following = [f for f in found if f.start > tok.i and f.start < sent_end]
                person = resolve_pronoun(doc, tok, earlier, gender, wanted, quote_depth, links, following)
                if person is not None:
                    key = person_key(doc, person, links)
                    gender[key] = wanted
                    if person.entity.kind == "person":
                        # with the office its antecedent gave ("Prime Minister X ... he": not ELI)
                        extra.append(Found(tok.i, tok.i + 1, person.entity, How.PRONOUN, role=person.role,
                                           code=person.code, sector=person.sector, country=person.country))
                    else:  # an unnamed person: "the friend said ... he told the BBC"
                        extra.append(Found(tok.i, tok.i + 1, person.entity, How.ROLE_GROUP, code=person.code,
                                           sector=person.sector, country=person.country))
                        links[id(extra[-1])] = key
                continue
            if pos in ("NOUN", "PROPN") and (low in w.plural_person_nouns or low in w.plural_country_nouns):
                dets = [c for c in tok.lefts if refers_back(tok, c)]  # not "two men" (a new group)
                if not dets or any(c.lower_ in w.plural_other_words for c in tok.lefts):
                    continue  # "two other presidents": others than those named before
                start = min(c.i for c in tok.lefts)
                want_person = low in w.plural_person_nouns
                picked = salient_pair(doc, tok, _before(found, tok), want_person, kb)
                for f in picked:
                    if want_person:
                        extra.append(Found(start, tok.i + 1, f.entity, How.PLURAL, role=f.role))
                    else:
                        extra.append(Found(start, tok.i + 1, f.entity, How.PLURAL))
                if picked and not want_person:
                    extra.extend(groups_of_plural(context, tok, picked, covered))
        return extra


_ARGUMENT_DEPS = ("nsubj", "nsubjpass", "dobj", "pobj", "dative", "appos", "conj")


def _accused_named_before(context: ResolutionContext, tok: Any, found: list[Found]) -> Found | None:
    """"the accused", "the defendant", "the suspect" (one, definite: anaphora.yaml `accused_nouns`)
    is the last private person named before it in a sentence that charges, arrests or accuses
    someone (`charge_lemmas`): "Brenton Tarrant appeared in court, charged with murder. Judge
    Kellar ordered the accused remain in custody". None when there is no such person."""
    w = words()
    lefts = list(tok.lefts)
    if tok.tag_ in ("NNS", "NNPS") or len(lefts) != 1 or lefts[0].lower_ != "the":
        return None
    doc = context.doc
    for f in sorted((f for f in found if f.end <= lefts[0].i and f.entity.kind == "person"),
                    key=lambda f: f.start, reverse=True):
        if (f.sector or f.entity.sector) not in (None, "CVL") or f.how == How.ROLE_GROUP:
            continue  # an official, the police, a judge: not whom the article charges
        if any(t.lemma_.lower() in w.charge_lemmas for t in doc[f.start].sent):
            return Found(lefts[0].i, tok.i + 1, f.entity, How.DESCRIPTION, role=f.role, code=f.code,
                         sector=f.sector, country=f.country)
    return None


# the sectors of private people, whose group nouns a person's pronoun may own ("his supporters")
PRIVATE_GROUP_SECTORS = ("CVL", "OPP", "LAB")


def _private_group_sector(context: ResolutionContext, tok: Any) -> str | None:
    """The sector of a noun for the people who side with someone ("supporters", words.yaml
    `adherent_nouns`), or None for other nouns (offices, state bodies, things, and people a
    person serves or is related to: "his patients" are no side of his)."""
    if tok.lower_ not in words().adherent_nouns:
        return None
    hit = context.lookups.role_for(tok.lower_) or context.lookups.role_for(tok.lemma_.lower())
    sector = hit[1] if hit is not None and hit[0] is None and hit[1] else "CVL"
    return sector if sector in PRIVATE_GROUP_SECTORS else None


def _plural_antecedent(doc: Any, tok: Any, prior: list[Found]) -> Found | None:
    """The mention "them" stands for: the nearest plural noun before it, in its sentence or the one
    before, that is none of its own clause's other arguments; taken only when a mention of
    people or a group covers that noun (the nearest plural naming things, "seized the
    weapons and destroyed them", leaves "them" unresolved)."""
    # "them" is none of its own clause's other arguments ("police officers, who fired tear gas at
    # them", "threatened to call in troops against them"): those would be "themselves"
    verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
    own_subjects: set[int] = set()
    if verb is not None:
        path = {a.i for a in tok.ancestors if a.i != verb.i and verb.i in {b.i for b in a.ancestors}}
        own_subjects = {t.i for c in verb.children if c.i not in path and c.i != tok.i for t in c.subtree}
        own_subjects |= path
        if verb.dep_ == "relcl":  # the noun the relative clause is about is its subject
            own_subjects.add(verb.head.i)
    start = sentence_start_back(tok, 1)
    for i in range(tok.i - 1, start - 1, -1):
        cand = doc[i]
        if cand.tag_ not in ("NNS", "NNPS") or cand.dep_ == "compound" or i in own_subjects:
            continue
        covering = [f for f in prior if f.start <= i < f.end and f.last == i]
        if not covering:
            return None
        f = covering[-1]
        if f.entity.kind == "person" or f.how not in PLURAL_GROUP_HOWS:
            return None
        return f
    return None


# how a mention of a plural noun that names people or a group was resolved
PLURAL_GROUP_HOWS = (How.ROLE_GROUP, How.ROLE_ORG, How.PLACED, How.MODIFIER, How.NAME)


def _people_of_owner(context: ResolutionContext, tok: Any, prior: list[Found]) -> Found | None:
    """The kin ("his wife", "Smith's son") or opponents ("her opponents") of the person a
    possessive names, as a group of that person's country (kin CVL, opponents OPP); None when the
    possessive is no person of known country. The possessive is a person's mention, or his/her/
    their standing for the subject of a clause above (`speaker_country`), or the nearest person
    subject of the sentence before it."""
    poss = next((c for c in tok.children if c.dep_ == "poss"), None)
    if any(f.start in (tok.i + 1, tok.i + 2) and f.entity.kind == "person" for f in prior) \
            or any(c.dep_ == "appos" for c in tok.children):
        return None  # "his rival Elias Hrawi", "his wife, Jane": the person named
    if poss is None or (tok.dep_ == "pobj" and tok.head.lower_ in words().nearness_prepositions):
        return None  # "a prison near his family": a place named by whom it is near
    sector = "CVL" if tok.lower_ in words().kin_nouns else "OPP"
    start = min(c.i for c in tok.subtree if c.i <= tok.i)
    country = None
    owner = next((f for f in prior if f.start <= poss.i < f.end), None)
    if owner is not None:
        if owner.entity.kind != "person":
            return None
        country = owner.actor_country
    elif poss.pos_ == "PRON" and poss.lower_ in words().possessive_people:
        country = speaker_country(context, tok, prior) or _subject_person_country(
            tok, prior, plural=poss.lower_ not in words().person_pronouns)
    if not country:
        return None
    return context.lookups.group(start, tok.i + 1, country, sector)


def _subject_person_country(tok: Any, prior: list[Found], plural: bool) -> str | None:
    """The country of the people a clause above `tok` has as subject (nsubj or nsubjpass: "Smith is
    accused of killing his wife"), if they are people (one person, or for "their" people or
    groups of private people) of one known country; None otherwise."""
    inside = {t.i for t in tok.subtree}
    for verb in tok.ancestors:
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i not in inside]
        if not subjects:
            continue
        span = {t.i for s in subjects for t in s.subtree}
        here = [f for f in prior if f.start in span or (f.end - 1) in span]
        people = [f for f in here if f.entity.kind == "person" or (plural and f.how == How.ROLE_GROUP)]
        countries = {f.actor_country for f in people}
        if people and len(countries) == 1 and None not in countries:
            return countries.pop()
        return None
    return None


def _counted(tok: Any) -> bool:
    """"nineteen others", "at least 19 others", "dozens of others": a number of people."""
    if any(c.dep_ == "nummod" for c in tok.children):
        return True
    head = tok.head
    return tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in words().quantity_nouns


def _country_of_people_before(tok: Any, prior: list[Found]) -> str | None:
    """The country of the last people or group of people of known country the sentence names
    before `tok` ("killed a woman and injured nineteen others", "attacked police officers and
    injured dozens of others"), not the doers of the act (the subject of its clause, shared by
    the verbs joined to it); None if it names none."""
    verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
    doers: set[int] = set()
    while verb is not None:
        doers |= {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "agent") for t in c.subtree}
        verb = verb.head if verb.dep_ == "conj" and verb.head.i != verb.i else None
    sent_start = tok.sent.start
    people = [f for f in prior if sent_start <= f.start and f.end <= tok.i and f.last not in doers
              and (f.entity.kind == "person" or f.how in (How.ROLE_GROUP, How.ROLE_ORG)) and f.actor_country]
    return people[-1].actor_country if people else None


def _chain(found: list[Found], extra: list[Found], tok: Any) -> list[Found]:
    """The mentions before `tok`, with the pronouns this pass resolved already, in text order."""
    return sorted(_before(found, tok) + [f for f in extra if f.how == How.PRONOUN and f.end <= tok.i],
                  key=lambda f: f.start)


def _stands_for(tok: Any, antecedent: Found | None) -> list[Found]:
    """The pronoun `tok` as a mention of its antecedent's actor (none without an antecedent)."""
    if antecedent is None:
        return []
    return [Found(tok.i, tok.i + 1, antecedent.entity, How.PRONOUN, code=antecedent.code, sector=antecedent.sector)]


def _asking_verb(tok: Any) -> Any | None:
    """The verb whose addressee an "it" is: the subject of "for ... to" after it ("called for it
    to withdraw"), or its object with a "to" complement ("urged it to release"); else None."""
    head = tok.head
    if tok.dep_ == "nsubj" and head.dep_ in ("advcl", "xcomp", "ccomp", "acl") \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children) \
            and any(c.dep_ == "mark" and c.lower_ == "for" for c in head.children):
        return head.head
    if tok.dep_ == "dobj" and any(c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                                  for c in head.children):
        return head
    return None


def _addressee(doc: Any, tok: Any, asker: Any, prior: list[Found]) -> Found | None:
    """The country or organisation an asked "it" stands for, in this or the previous sentence
    before `tok`, never the asking verb's subject (subjects of "X denounced ... or called" are
    shared): the latest singular subject, else the latest singular noun naming one."""
    verb = asker
    while verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        verb = verb.head
    subjects = {c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")}
    asking = {f.entity for f in prior if any(f.start <= i < f.end for i in subjects)}
    window = sentence_start_back(tok, 1)
    nearby = [f for f in prior if f.start >= window and f.entity.kind in IT_ANTECEDENT_KINDS
              and f.entity not in asking and doc[f.last].tag_ not in ("NNS", "NNPS")]
    subject = [f for f in nearby if doc[f.last].dep_ in ("nsubj", "nsubjpass")]
    named = [f for f in nearby if doc[f.last].pos_ == "PROPN"]
    pick = subject or named
    return pick[-1] if pick else None


def _before(found: list[Found], tok: Any) -> list[Found]:
    """The mentions that end before a token (computed only for the words that need them: a
    list per token of the document would cost the square of its length)."""
    return [f for f in found if f.end <= tok.i]


def salient_pair(doc: Any, tok: Any, prior: list[Found], want_person: bool, kb: KnowledgeBase) -> list[Found]:
    """The two actors a plural ("the two leaders", "both countries") most likely stands for.

    Salience is how often an actor was mentioned in the last few sentences, ties going to the
    more recent; for countries, people count for their country ("Xi" for China).
    """
    window_start = sentence_start_back(tok, 6)
    scores: dict[str, list] = {}
    for order, f in enumerate(prior):
        if f.start < window_start:
            continue
        entity = f.entity
        if want_person:
            if entity.kind != "person":
                continue
            key, chosen = entity.key, f
        else:
            if entity.kind not in ("country", "person", "seat") or not entity.country:
                continue
            key = f"country:{entity.country}"
            try:
                country = kb.entity(key)
            except KeyError:
                continue
            chosen = Found(f.start, f.end, country, How.NAME)
        entry = scores.setdefault(key, [0, 0, chosen])
        entry[0] += 1
        entry[1] = order
    ranked = sorted(scores.values(), key=lambda e: (-e[0], -e[1]))
    if len(ranked) < 2:
        return []
    return [e[2] for e in sorted(ranked[:2], key=lambda e: e[1])]


def groups_of_plural(context: ResolutionContext, tok: Any, picked: list[Found], covered: set[int]) -> list[Found]:
    """"top officials from both countries": the officials of each of the two countries."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in words().origin_prepositions:
        return []
    head = prep.head
    if head.i in covered or head.pos_ != "NOUN":
        return []
    hit = context.lookups.role_for(head.lower_) or context.lookups.role_for(head.lemma_.lower())
    if hit is None:
        return []
    start = np_left(head)
    return [context.lookups.group(start, head.i + 1, f.entity.country, hit[1])
            for f in picked if f.entity.country]
