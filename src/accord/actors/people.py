"""People: helpers of person coreference that the resolver's passes share.

Person coreference itself runs as passes (`accord.actors.passes.coreference`, in the order of
`accord.actors.passes.DEFAULT_PASSES`), after names, role phrases and places are found and before
plurals and pronouns are resolved:

1. names: a page marker glued to a name ("ADCuomo") is dropped; "Julie and Brian Hambleton" gives
   "Julie Hambleton"; an honorific makes a name a person's ("Mr Conway", never the town);
2. short forms: a surname, a first name or a respaced spelling ("Conway", "Julie", "DeBlasio")
   is the person named in full in the article, the nearest one before, else the first after;
3. role and name side by side ("France's counter-terrorism prosecutor, Remy Heitz", "40-year-old
   Taji resident Abu Mohammed") are one person, who takes the role's country and sector when the
   knowledge base does not know them;
4. a role phrase used again ("Aragua's governor" after "Gov. Tarek el Aissami") is the person
   who was given that title in the article;
5. unnamed people ("one source", "a police spokesman", "the friend") are actors with no name, of
   the country their phrase or their sentence names, else of the country the article is about;
6. he/she (see `resolve_pronoun`): the most salient person of the right gender, subjects first,
   with gender from honorifics, gendered nouns and the pronouns already used for each person.

Canonical names of people the knowledge base does not know are the full name as first written,
with typographic apostrophes made plain ("James O’Neill" -> "James O'Neill").
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Any, Iterable

from ..analysis.docview import view
from ..analysis.syntax import VERBISH, sentence_start_back, subject_of
from .context import Found
from .kinds import How
from .knowledge import Entity, ascii_fold
from .phrases import said_of_them
from .words import first_name_genders, person_nouns, words

SUBJECT_DEPS = ("nsubj", "nsubjpass")
AGE = re.compile(r"\d{1,3}-year-old")


def lexicon() -> dict[str, Any]:
    """person_nouns.yaml (honorifics, gendered nouns, unnamed people, abbreviations, voices)."""
    return person_nouns()


@lru_cache(maxsize=512)
def is_country_code(code: str) -> bool:
    """An ISO 3166-1 alpha-3 code, not a CAMEO region ("WEU", "WST") that also has three letters."""
    import pycountry

    return len(code) == 3 and (pycountry.countries.get(alpha_3=code) is not None or code == "XKX")


def plain_name(text: str) -> str:
    """The canonical form of a name as written: plain apostrophes, single spaces."""
    return " ".join(text.replace("’", "'").replace("‘", "'").split())


def fold(text: str) -> str:
    """A name folded for comparison: ASCII letters and digits, lower case."""
    return "".join(ch for ch in ascii_fold(text).lower() if ch.isalnum())


def name_words(name: str) -> list[str]:
    return [w for w in plain_name(name).split() if w]


def surname_forms(name: str) -> set[str]:
    """"Bill de Blasio" -> {"blasio", "deblasio"}; "Tarek el Aissami" -> {"aissami", "elaissami"}."""
    ws = name_words(name)
    if len(ws) < 2:
        return set()
    particles = words().name_particles
    forms = {fold(ws[-1])}
    for k in range(1, len(ws) - 1):
        if ws[k].lower() in particles:
            forms.add(fold("".join(ws[k:])))
            break
    if len(ws) >= 3:
        forms.add(fold("".join(ws[1:])))
    return {f for f in forms if f}


def paternal_surname(name: str) -> str | None:
    """"Ricardo Rosselló Nevares" -> "rossello": the first of two Spanish surnames, which the
    person is called by later ("Rosselló"); only for a three-word name without particles."""
    ws = name_words(name)
    if len(ws) != 3 or any(w.lower() in words().name_particles for w in ws) or len(ws[1]) < 3 \
            or not ws[1][:1].isupper():
        return None
    return fold(ws[1]) or None


def is_glued_marker(tok: Any) -> bool:
    """"AD" in "ADCuomo": a page marker the scraper glued to the next word."""
    doc = tok.doc
    return (tok.whitespace_ == "" and 2 <= len(tok.text) <= 3 and tok.text.isupper() and tok.is_alpha
            and tok.i + 1 < len(doc) and doc[tok.i + 1].text[:1].isupper() and doc[tok.i + 1].text[1:2].islower())


def is_person_found(doc: Any, f: Found) -> bool:
    """A person, named or not: "Xi Jinping", "the Chinese president", "one source", "the friend"."""
    if f.entity.kind == "person":
        return True
    if f.how != How.ROLE_GROUP:
        return False
    head = doc[f.last]
    if head.lower_ in words().person_pronouns:
        return True  # a pronoun already resolved to an unnamed person
    if head.tag_ not in ("NN", "NNP"):
        return False
    lemma = head.lemma_.lower()
    return lemma in lexicon()["unnamed"] or f.role is not None or lemma in lexicon()["noun_gender"]


def people_found(found: list[Found]) -> list[Found]:
    return [f for f in found if f.entity.kind == "person"]


def replace_entity(found: list[Found], old_key: str, new: Entity) -> None:
    """Every mention of the entity `old_key` becomes a mention of `new`."""
    for f in found:
        if f.entity.key == old_key:
            f.entity = new


def unlisted_person(name: str, country: str | None = None, sector: str | None = "CVL",
                    code: str | None = "CVL") -> Entity:
    """A person the knowledge base does not list, known by the name the text gives."""
    return Entity(key=f"unlisted:{name}", kind="person", name=name, country=country,
                  sector=sector, code=code)  # type: ignore[arg-type]


def focus_country(found: list[Found]) -> str | None:
    """The country the article is about: clearly the most mentioned one, if any. A private person
    nobody lists does not count: the words that place them (a country the sentence names, counted
    already, or a nationality) would count again at each naming ("An Australian, Brenton Tarrant"
    named ten times in a New Zealand story)."""
    counts: Counter[str] = Counter()
    for f in found:
        if f.entity.kind == "person" and f.entity.key.startswith("unlisted:") \
                and (f.sector or f.entity.sector) == "CVL":
            continue
        country = f.country if f.country is not None else f.entity.country
        if f.entity.kind in ("country", "seat", "person") and country and is_country_code(country):
            counts[country] += 1
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2:
        return None
    if len(ranked) > 1 and ranked[0][1] < 1.5 * ranked[1][1]:
        return None
    return ranked[0][0]


def sentence_country(found: list[Found], tok: Any) -> str | None:
    """The one country `tok`'s sentence names (by a name or a place), if exactly one; of several,
    the one of a phrase opening the sentence that sets its scene ("In mainland China, which claims
    sovereignty over Taiwan, ... an author was sentenced": China's)."""
    sent = tok.sent
    aside = said_of_them(tok)
    named = [f for f in found if sent.start <= f.start < sent.end and f.start not in aside
             and f.entity.kind in ("country", "seat") and f.entity.country and f.how in (How.NAME, How.PLACE)]
    countries = {f.entity.country for f in named}
    if len(countries) > 1:
        countries = {f.entity.country for f in named if scene_of_sentence(tok.doc[f.last])}
    return countries.pop() if len(countries) == 1 else None


def scene_of_sentence(tok: Any) -> bool:
    """A place named by the phrase a sentence opens with, set off by a comma ("In mainland China,
    ...", "In Hong Kong, ..."): where the whole sentence happens."""
    node = tok
    while node.dep_ in ("compound", "amod", "conj") and node.head.i != node.i:
        node = node.head
    prep = node.head
    if node.dep_ != "pobj" or prep.dep_ != "prep" or prep.i != tok.sent.start \
            or prep.lower_ not in words().scene_prepositions:
        return False
    after = prep.right_edge.i + 1
    return after < len(tok.doc) and tok.doc[after].text == ","


# ------------------------------------------------------------------ pronouns
def initial_genders(doc: Any, found: Iterable[Any]) -> dict[str, str]:
    """Gender of people from honorifics ("Mr", "Mrs") and gendered nouns about them, else from
    a first name that nearly always names one gender ("Pedro Pierluisi", "Wanda Vázquez"), the
    first such word before the surname ("Mufti Abdul Qawi")."""
    lex = lexicon()
    out: dict[str, str] = {}
    v = view(doc)  # (read on the Doc's arrays: analysis.docview)
    lower, lemma, dep = v.lower, v.lemma, v.dep
    honorifics, noun_gender = lex["honorifics"], lex["noun_gender"]
    for f in found:
        if f.entity.kind != "person":
            continue
        words_ = list(range(max(0, f.start - 1), min(f.end, v.n)))
        words_ += [c for c in v.kids[f.last] if dep[c] == "appos"]
        for t in words_:
            gender = honorifics.get(lower[t]) or noun_gender.get(lemma[t])
            if gender:
                out.setdefault(f.entity.key, gender)
                break
    names = first_name_genders()
    for f in found:
        if f.entity.kind == "person" and f.entity.key not in out:
            # the first word before the surname that is a first name: "Mufti Abdul Qawi" is
            # Abdul's, a title or unknown word before it ("Mufti", "Sheikh") says nothing
            words_of_name = name_words(f.entity.name or "")
            gender = next((g for w in words_of_name[:-1] if (g := names.get(fold(w)))), None)
            if gender:
                out[f.entity.key] = gender
    return out


def person_key(doc: Any, f: Any, links: dict[int, str] | None = None) -> str:
    """Who a person mention is: the entity, or for an unnamed person the mention that named them."""
    if f.entity.kind == "person":
        return f.entity.key
    if links and id(f) in links:
        return links[id(f)]
    return f"unnamed:{f.start}" if f.how == How.ROLE_GROUP else f.entity.key


def resolve_pronoun(doc: Any, pronoun: Any, prior: list[Any], gender: dict[str, str], wanted: str,
                    inside_quote: list[bool], links: dict[int, str] | None = None,
                    following: list[Any] = ()) -> Any | None:
    """The antecedent of he/she among earlier person mentions (named or not).

    Same sentence first (a subject before the pronoun, else the latest person), then sentence by
    sentence backwards the subject of the nearest sentence that has a person as its subject (but
    the story's clear protagonist when the sentence just before names them, not as its subject,
    and that subject is older), and failing that the most frequently mentioned person of the last
    few sentences.
    """
    def compatible(f: Any) -> bool:
        return (is_person_found(doc, f) and not inside_quote[f.start]
                and gender.get(person_key(doc, f, links), wanted) == wanted
                and doc[f.last].lemma_.lower() not in other_gender_nouns(wanted))

    sent = pronoun.sent
    # "In a message he scrawled in the boat, Tsarnaev said": a pronoun in a phrase before the
    # main clause's subject is that subject.
    root = sent.root
    if pronoun.dep_ not in SUBJECT_DEPS or pronoun.head.i != root.i:
        for f in following:
            head = doc[f.last]
            if pronoun.i < f.start < sent.end and head.head.i == root.i and head.dep_ in SUBJECT_DEPS \
                    and compatible(f) and not any(a.i == pronoun.i for a in head.ancestors):
                first = min(t.i for t in head.subtree)
                if pronoun.i < first and any(t.text == "," and t.head.i == root.i for t in doc[pronoun.i:first]):
                    return f
    candidates = [f for f in prior if compatible(f)]
    own_subject = _subject_of_governing_verb(pronoun)
    if own_subject is not None:
        # "Kiir pardoned him", "Trump called Erdogan and urged him", "He told him": him/her as a
        # verb's object is never that verb's own subject (that would be "himself").
        subjects = {person_key(doc, f, links) for f in prior if f.start <= own_subject.i < f.end}
        candidates = [f for f in candidates if person_key(doc, f, links) not in subjects
                      and not f.start <= own_subject.i < f.end]
    if not candidates:
        return None
    # "Speaking to Martin Smith of PBS, he said": the pronoun is who speaks, not whom he spoke to
    here = [f for f in candidates if f.start >= sent.start and not _object_of_own_adjunct(doc, f, pronoun)]
    candidates = [f for f in candidates if f.start < sent.start] + here
    if not candidates:
        return None
    if here:
        subjects = [f for f in here if doc[f.last].dep_ in SUBJECT_DEPS or doc[f.last].head.dep_ in SUBJECT_DEPS]
        # "Wanda, the successor should Pierluisi remain unconfirmed, has expressed she ...": the
        # subject of a clause that holds the pronoun, not of a clause beside it
        ancestors = {a.i for a in pronoun.ancestors}
        governing = [f for f in subjects if _clause_of(doc[f.last]).i in ancestors]
        return (governing or subjects or here)[-1]
    by_sentence: dict[int, list[Any]] = {}
    for f in candidates:
        by_sentence.setdefault(doc[f.start].sent.start, []).append(f)
    starts = sorted((s for s in by_sentence if s < sent.start), reverse=True)
    window = sentence_start_back(pronoun, 6)
    recent = [f for f in candidates if f.start >= window]
    counts = Counter(person_key(doc, f, links) for f in recent)
    for s in starts:
        if s < window:
            break
        subjects = [f for f in by_sentence[s] if is_subject(doc, f)]
        if subjects:
            named = [f for f in subjects if f.entity.kind == "person"]
            pick = (named or subjects)[0]  # "A police source said …, said Eva, a student": Eva
            if s != starts[0]:
                # "Trump claimed ... This sentence applies to the charges against Fields. He has
                # already been found guilty": the sentence just before names no person as its
                # subject but does name one; that person, when the story's clear protagonist of
                # late (mentioned at least three times and twice as often as the older subject),
                # is whom "he" stands for
                just_before = [f for f in by_sentence[starts[0]] if f.entity.kind == "person"]
                best = max(just_before, key=lambda f: counts[person_key(doc, f, links)], default=None)
                if best is not None and counts[person_key(doc, best, links)] >= max(
                        PROTAGONIST_MENTIONS, 2 * counts[person_key(doc, pick, links)]):
                    return best
            return pick
    if not recent:
        return candidates[-1]
    best = max(recent, key=lambda f: (counts[person_key(doc, f, links)], f.start))
    return best


OBJECT_DEPS = ("dobj", "iobj", "dative")
# how often of late a person is mentioned to count as the story's protagonist for "he"/"she"
PROTAGONIST_MENTIONS = 3


def _subject_of_governing_verb(pronoun: Any) -> Any | None:
    """The active subject of the verb whose object (or whose preposition's object) `pronoun` is;
    None when it is no verb's object."""
    head = pronoun.head
    if pronoun.dep_ in OBJECT_DEPS:
        verb = head
    elif pronoun.dep_ == "pobj" and head.dep_ in ("prep", "dative"):
        verb = head.head
    else:
        return None
    if verb.pos_ not in VERBISH:
        return None
    subject, passive = subject_of(verb)
    return None if passive else subject


def own_pronoun_gender(doc: Any, f: Any, found: list[Any]) -> str | None:
    """"Maria, a nurse, said she …": the gender of a he/she after the only person of the sentence."""
    sent = doc[f.start].sent
    others = {g.entity.key for g in found if sent.start <= g.start < sent.end and g.entity.kind == "person"}
    if others != {f.entity.key}:
        return None
    for t in doc[f.end : sent.end]:
        if t.lower_ in words().masculine_pronouns:
            return "m"
        if t.lower_ in words().feminine_pronouns:
            return "f"
    return None


def described(doc: Any, f: Any) -> bool:
    """The person's name has an apposition that is a common noun: "José, a Caracas bus driver"."""
    head = doc[f.last]
    return any(c.dep_ == "appos" and c.pos_ == "NOUN" for c in head.children) or (
        head.dep_ == "appos" and head.head.pos_ == "NOUN")


def is_subject(doc: Any, f: Any) -> bool:
    head = doc[f.last]
    if head.dep_ in SUBJECT_DEPS:
        return True
    # "Mr Conway, now a criminal lawyer in Dublin, says": the parse may hang the name elsewhere
    return head.dep_ in ("appos", "compound") and head.head.dep_ in SUBJECT_DEPS


@lru_cache(maxsize=2)
def other_gender_nouns(wanted: str) -> frozenset[str]:
    return frozenset(w for w, g in lexicon()["noun_gender"].items() if g != wanted)


def _clause_of(tok: Any) -> Any:
    """The verb whose subject `tok` is (through an apposition or compound it hangs on)."""
    while tok.dep_ not in SUBJECT_DEPS and tok.head.i != tok.i and tok.dep_ in ("appos", "compound"):
        tok = tok.head
    return tok.head


def _object_of_own_adjunct(doc: Any, f: Any, pronoun: Any) -> bool:
    """Whether mention `f` is inside a subjectless adverbial clause ("Speaking to Martin Smith")
    of the verb whose subject is `pronoun`: that clause's doer is the pronoun's person, so the
    mention is someone else."""
    if pronoun.dep_ not in SUBJECT_DEPS:
        return False
    verb = pronoun.head
    for clause in verb.children:
        if clause.dep_ in ("advcl", "prep") and clause.i < pronoun.i \
                and not any(c.dep_ in SUBJECT_DEPS for c in clause.children) \
                and clause.left_edge.i <= f.start and f.last <= clause.right_edge.i:
            return clause.dep_ == "advcl" or clause.tag_ == "VBG" or any(c.tag_ == "VBG" for c in clause.children)
    return False
