"""Tests on the parse that several actor passes share: where a noun phrase starts, whether a name
is a possessor, a backer or a place, which countries a clause names, who is salient."""

from __future__ import annotations

from typing import Any

from ..analysis.docview import view
from ..analysis.syntax import clause_verb, clause_verb_index, entity_at, entity_bounds, sentence_start_back
from ..places import LARGE_CITY, geocode, region
from .context import Found
from .words import organisation_nouns, refers_back, words

# Left dependents that belong to a noun phrase in front of its head.
NP_LEFT_DEPS = {"det", "amod", "compound", "poss", "nmod", "nummod", "case", "quantmod", "punct", "predet"}
DATELINE_FOLLOWERS = {":", "-", "—", "–", "(", ","}
DASHES = ("-", "–")


def np_left(head: Any) -> int:
    """The first token of the noun phrase `head` heads (its left modifiers)."""
    w, v = words(), view(head.doc)  # (read on the Doc's arrays: analysis.docview)
    dep, kids = v.dep, v.kids
    left = hi = head.i
    for child in kids[hi]:
        if child > hi:
            break  # the left children only
        if dep[child] in NP_LEFT_DEPS:
            if any(dep[c] in ("nsubj", "nsubjpass") for c in kids[child]):
                continue  # a misparsed clause ("police ... detained supporters"), not a modifier
            if v.lower[child] in w.particle_adjectives and child > 0 \
                    and head.doc[child - 1].lemma_ in w.particle_verbs:
                continue  # "Yemen let free activists": the verb's particle, parsed as an adjective
            left = min(left, v.left_edge(child))
    return left


def us_party_tag(doc: Any, i: int) -> bool:
    """US news marks politicians with their party and state: "(D-Mich.)", "(R)", "(D - N.Y.)"."""
    if i >= len(doc) or doc[i].text != "(" or i + 2 >= len(doc):
        return False
    letters = words().us_party_letters
    letter = doc[i + 1].text
    if any(letter.startswith(f"{p}-") for p in letters):
        return True
    return letter in letters and doc[i + 2].text in (")", *DASHES)


def clause_countries(tok: Any, named: list[tuple[Any, str]]) -> set[str]:
    """The countries a sentence names, narrowed to `tok`'s own clause when there are several."""
    countries = {c for _, c in named}
    if len(countries) > 1:
        v = view(tok.doc)
        verb = clause_verb_index(v, tok.i)
        countries = {c for t, c in named if verb >= 0 and clause_verb_index(v, t.i) == verb}
    return countries


def said_of_them(tok: Any) -> set[int]:
    """The words of a clause said of `tok` ("Senator Warren, who criticized Russia, met ...",
    "Warren, visiting Russia, met ..."): a relative or participial clause on the person or on their
    apposition. A country it names is what the clause tells of them, not their country."""
    v = view(tok.doc)  # (read on the Doc's arrays: analysis.docview)
    dep, kids = v.dep, v.kids
    heads = [tok.i] + [c for c in kids[tok.i] if dep[c] == "appos"]
    out: set[int] = set()
    for h in heads:
        for c in kids[h]:
            if dep[c] in ("relcl", "acl"):
                out.update(range(v.left_edge(c), v.right_edge(c) + 1))
    return out


def diplomat_subject_countries(tok: Any, named: list[tuple[Any, str]]) -> set[str]:
    """The country of a diplomat who is the subject of `tok`'s clause while `tok` is not: a
    representative's counterparts are not of the representative's country."""
    verb = clause_verb(tok)
    if verb is None:
        return set()
    diplomats = words().diplomats
    out: set[str] = set()
    for subj in verb.children:
        if subj.dep_ not in ("nsubj", "nsubjpass") or tok in subj.subtree:
            continue
        span = list(subj.subtree)
        if any(w.lemma_.lower() in diplomats or w.lower_ in diplomats for w in span):
            out |= {c for t, c in named if t in span}
    return out


def acted_on_countries(tok: Any, named: list[tuple[Any, str]]) -> set[str]:
    """The countries named as the other side of the clause `tok` is the subject of: its object
    or indirect object, or the complement of a preposition of direction on its verb ("expressed
    condolences to the Government of Turkey", "criticized Iran"), a noun's "of" phrase included.
    Empty when `tok` is not a subject."""
    if tok.dep_ != "nsubj":
        return set()
    verb = tok.head
    directions = words().destination_prepositions
    out: set[str] = set()
    for t, country in named:
        node = t
        while True:
            if node.dep_ in ("compound", "poss", "amod", "appos", "conj") and node.head.i != node.i:
                node = node.head
            elif node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.pos_ in ("NOUN", "PROPN"):
                node = node.head.head  # "the Government of Turkey"
            else:
                break
        if node.head.i == verb.i and node.dep_ in ("dobj", "dative"):
            out.add(country)
        elif node.dep_ == "pobj" and node.head.dep_ in ("prep", "dative") and node.head.lower_ in directions \
                and node.head.head.i == verb.i:
            out.add(country)
        elif node.dep_ == "pobj" and node.head.lower_ in directions and _argument_of(node.head.head, verb):
            out.add(country)  # "called for sanctions against Nigeria", "announced measures against Iran"
    return out


def _argument_of(noun: Any, verb: Any) -> bool:
    """Whether a noun is the verb's object or the object of a preposition on the verb."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    if noun.dep_ in ("dobj", "dative") and noun.head.i == verb.i:
        return True
    return noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.i == verb.i


def same_clause_countries(tok: Any, named: list[tuple[Any, str]]) -> set[str]:
    """The countries named in `tok`'s own clause."""
    v = view(tok.doc)
    verb = clause_verb_index(v, tok.i)
    return {c for t, c in named if verb >= 0 and clause_verb_index(v, t.i) == verb}


def is_location(tok: Any) -> bool:
    """A place named as where something is ("in Syria's Hama province", "for northern
    Afghanistan"), not as an actor ("U.S. military airstrikes")."""
    node = tok
    while node.dep_ in ("compound", "poss", "amod", "case", "conj") and node.head.i != node.i:
        node = node.head  # "in Iraq and Syria": both are places
    return node.dep_ == "pobj" and node.head.lower_ in words().locative_prepositions


def the_place(ent: Any) -> bool:
    """A one-word "person" after "the" that is a region's name is that region ("the Farah")."""
    doc = ent.doc
    return ent.label_ == "PERSON" and len(ent) == 1 and ent.start > 0 and doc[ent.start - 1].lower_ == "the" \
        and region(ent.text) is not None


def used_as_place(ent: Any) -> Any:
    """The place (`accord.places.Gazetteered`) a name tagged as no place stands for where the
    sentence uses it as a place: after a place preposition ("flew to Magnitogorsk", "in Tyumen")
    or described by an apposition that is a place noun ("Magnitogorsk, a city in the Urals");
    else None. Names of people the gazetteer also knows ("Kurdi") are used otherwise."""
    if ent.label_ in ("GPE", "LOC"):
        return None
    w, v = words(), view(ent.doc)  # (read on the Doc's arrays: analysis.docview)
    start, end = ent.start, ent.end
    text, is_alpha = v.text, v.is_alpha
    if not is_alpha[start] or not all(text[k][:1].isupper() for k in range(start, end) if is_alpha[k]):
        return None
    head = end - 1
    dep, lower, lemma = v.dep, v.lower, v.lemma
    # after "to" or "in": a person's name, or a large city's mistaken for a date ("in March" is
    # a date, "the Sea of Azov" no town)
    after_preposition = start > 0 and dep[start - 1] == "prep" and \
        lower[start - 1] in w.place_prepositions and lower[start - 1] != "of"
    described = any(dep[c] == "appos" and lemma[c] in w.place_nouns for c in v.kids[head])
    # "attacked the Catumbela air base": a site named after its town
    described = described or (dep[head] == "compound" and v.head[head] > head
                              and lemma[v.head[head]] in w.site_nouns)
    if not (after_preposition or described):
        return None
    hit = geocode(ent.text)
    if hit is None or not hit.country:
        return None
    return hit if described or ent.label_ == "PERSON" or hit.population >= LARGE_CITY else None


def untagged_city(tok: Any) -> Any:
    """The large city (`accord.places.Gazetteered`) a capitalised word no entity covers names
    where the sentence uses it as a place ("flew to Magnitogorsk"), else None."""
    w = words()
    if tok.ent_type_ or tok.pos_ != "PROPN" or not tok.is_alpha or not tok.text[:1].isupper() or tok.i == 0:
        return None
    before = tok.doc[tok.i - 1]
    if before.dep_ != "prep" or before.lower_ not in w.place_prepositions or before.lower_ == "of" \
            or tok.dep_ != "pobj" or any(c.dep_ == "compound" for c in tok.children):
        return None
    hit = geocode(tok.text)
    return hit if hit is not None and hit.country and hit.population >= LARGE_CITY else None


def makers_model(doc: Any, end: int) -> bool:
    """The name ending before `end` is followed by a model number ("Boeing 707", "Boeing B-17")."""
    v = view(doc)  # (read on the Doc's arrays: analysis.docview)
    if end >= v.n:
        return False
    text, like_num = v.text, v.like_num
    after = text[end]
    return like_num[end] or v.ent_type[end] == "PRODUCT" or (
        any(c.isdigit() for c in after) and any(c.isalpha() for c in after)) or (
        end + 2 < v.n and text[end + 1] == "-" and like_num[end + 2] and after.isupper())


def is_possessor(doc: Any, end: int) -> bool:
    """Whether the name ending before token `end` is a possessor ("the UN's", "The United Nations'")."""
    last = doc[end - 1]
    return last.dep_ == "poss" or (end < len(doc) and doc[end].tag_ == "POS")


def is_backer(doc: Any, end: int) -> bool:
    """The name ending before `end` is the backer in "X-backed ...", not an actor of its own."""
    v = view(doc)  # (read on the Doc's arrays: analysis.docview)
    return end + 1 < v.n and v.text[end] in DASHES and v.lower[end + 1] in words().backer_words


def after_stance_prefix(doc: Any, start: int) -> bool:
    """"pro-Russian separatists", "anti-American protesters": a stance, not that country's."""
    if start < 2:
        return False
    v = view(doc)  # (read on the Doc's arrays: analysis.docview)
    return v.text[start - 1] in DASHES and v.lower[start - 2] in words().stance_prefixes


def inside_feature_name(doc: Any, start: int, end: int) -> bool:
    """A country's name inside the name of a sea, gulf, river... ("the South China Sea")."""
    v = view(doc)  # (read on the Doc's arrays: analysis.docview)
    bounds = entity_bounds(v, start)
    if bounds is None or v.ent_type[start] not in ("LOC", "GPE", "FAC") or bounds == (start, end):
        return False
    features, lower = words().feature_words, v.lower
    return any(lower[k] in features for k in range(*bounds) if not (start <= k < end))


def inside_organisation_name(doc: Any, start: int, end: int) -> bool:
    """A place's name modifying the rest of an organisation's name that says what kind of
    organisation it is ("the Tokyo Stock Exchange", "the Kenya Red Cross Society"): the
    organisation is of that place, not the place's government."""
    v = view(doc)  # (read on the Doc's arrays: analysis.docview)
    bounds = entity_bounds(v, start)
    if bounds is None or v.ent_type[start] != "ORG" or bounds[1] <= end or v.dep[end - 1] != "compound":
        return False
    return organisation_kind(doc, bounds[0], bounds[1]) is not None


def title_place(doc: Any, left: int, title_start: int) -> str | None:
    """The country of a place named in front of a title ("Tamil Nadu Chief Minister")."""
    articles = words().articles
    span = [t for t in doc[left:title_start] if t.pos_ == "PROPN" or t.text[:1].isupper()]
    span = [t for t in span if t.lower_ not in articles]
    for end in range(len(span), 0, -1):  # "Tamil Nadu Chief": the place is the longest prefix
        hit = geocode(" ".join(t.text for t in span[:end]))
        if hit is not None and hit.country:
            return hit.country
    return None


def inside_longer_person(doc: Any, start: int, end: int) -> bool:
    """doc[start:end] is part of a longer name the recognizer tagged as a person's ("Monaco" of
    "Lisa Monaco"); a possessive or punctuation tagged with it does not make it longer."""
    v = view(doc)  # (read on the Doc's arrays: analysis.docview)
    bounds = entity_bounds(v, start)
    if bounds is None or v.ent_type[start] != "PERSON":
        return False
    last = bounds[1]
    tag, is_punct = v.tag, v.is_punct
    while last > end and (tag[last - 1] == "POS" or is_punct[last - 1]):
        last -= 1
    return bounds[0] < start or last > end


def bare_or_definite(head: Any, phrase_start: int | None = None, backed: bool = False) -> bool:
    """"police", "the authorities", "other rights activists", "the protesting truck drivers",
    "280 child soldiers", "most pupils", "political activists": no indefinite article, possessor
    or adjective that makes the group someone else's ("foreign journalists", anaphora.yaml).
    Words from `phrase_start` on belong to the group noun's own phrase ("armed groups": "armed"
    is no backer there). With `backed`, a backer word is allowed ("US-backed forces": a group
    of known kind, but neither the backer's nor the sentence's)."""
    w = words()
    for child in head.lefts:
        if child.dep_ == "det" and child.lower_ not in w.group_determiners:
            return False
        if child.dep_ == "amod" and (child.lower_ in w.not_local or (child.lower_ in w.backer_words and not backed)) \
                and (phrase_start is None or child.i < phrase_start):
            return False  # "foreign journalists"; "a U.N.-backed government" is not the UN's nor the sentence's
        if child.dep_ in ("predet", "poss") or refers_back(head, child):
            return False  # "the two leaders" stands for actors named before (see the references pass)
        if child.lower_ in w.plural_determiners and any(c.lower_ in w.plural_other_words for c in head.lefts):
            return False  # "impeached two other presidents": others than those named, and no group of the story's
        if names_community(child):
            return False  # "Jewish leaders": a named community, not the country's government
    return True


def names_community(child: Any) -> bool:
    """"Jewish leaders", "Hopi households": a modifier naming a community, not a country. A
    stance ("anti-American protesters") names none."""
    if child.dep_ not in ("compound", "amod", "nmod") or not (child.pos_ == "PROPN" or child.ent_type_ == "NORP"):
        return False
    if child.lower_ in words().stance_prefixes or child.text in DASHES:
        return False
    ent = entity_at(child.doc, child.i)
    if ent is not None and ent.label_ in ("ORG", "FAC") and ent.start <= child.head.i < ent.end:
        return False  # "the Emergencies Ministry", "Thames Valley Police": the body's own name
    return not after_stance_prefix(child.doc, child.i)


def place_country(head: Any, depth: int = 0) -> str | None:
    """The country of a place the phrase puts `head` in: "police in Lagos", "students at a
    university in Kenya's Garissa town" (through at most two nested prepositions)."""
    placing = words().placing_prepositions
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in placing:
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                for tok in [pobj, *(c for c in pobj.lefts if c.dep_ in ("poss", "compound"))]:
                    if tok.pos_ != "PROPN":
                        continue
                    ent = entity_at(tok.doc, tok.i)
                    text = ent.text if ent is not None and ent.label_ in ("GPE", "LOC") else None
                    hit = geocode(text) if text else None
                    if hit is None and (ent is None or ent.label_ == "NORP"):
                        hit = region(tok.text)  # "children in Afar": a region named like its people
                    if hit is None:
                        hit = next((h for _, _, h in named_regions(pobj)), None)
                    if hit is not None and hit.country:
                        return hit.country
                if depth < 2 and pobj.pos_ == "NOUN":
                    found = place_country(pobj, depth + 1)
                    if found is not None:
                        return found
    return None


def named_regions(tok: Any) -> list[tuple[int, int, Any]]:
    """The regions a "<Name> region(s)" phrase names, as (start, end, place): "Somali regions" is
    Ethiopia's Somali Region, "Afar and Somali regions" two of them. The name is looked up with
    the noun, so that a name that is also a nationality adjective is read as the region."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in words().region_nouns:
        return []
    names = [c for c in tok.lefts if c.dep_ in ("compound", "amod") and c.text[:1].isupper()]
    for c in list(names):
        names.extend(x for x in c.conjuncts if x.i < tok.i and x not in names and x.text[:1].isupper())
    out = []
    for c in sorted(names, key=lambda c: c.i):
        hit = region(f"{c.text} Region") or region(f"{c.text} {tok.lemma_.lower()}")
        if hit is not None and hit.country:
            last = max(n.i for n in names)
            out.append((c.i, tok.i + 1 if c.i == last else c.i + 1, hit))
    return out


def is_dateline(doc: Any, start: int, end: int) -> bool:
    v = view(doc)  # (read on the Doc's arrays: analysis.docview)
    text, is_alpha = v.text, v.is_alpha
    if not all(text[k].isupper() for k in range(start, end) if is_alpha[k]):
        return False
    return end < v.n and text[end] in DATELINE_FOLLOWERS and (
        start == 0 or doc[start - 1].is_space or doc[start].is_sent_start)


def definite_description(tok: Any) -> bool:
    """"the international body", "the country": a determiner "the" and nothing naming it."""
    lefts = list(tok.lefts)
    return bool(lefts) and lefts[0].lower_ == "the" and all(
        c.dep_ in ("det", "amod") and c.pos_ in ("DET", "ADJ") for c in lefts)


def pleonastic(it: Any) -> bool:
    """"it appears that …", "it is possible to …": an "it" that stands for the clause after it
    (Lappin & Leass 1994's pleonastic pronouns) refers to no actor."""
    verb = it.head
    if verb.lemma_.lower() not in words().pleonastic_verbs:
        return False
    clauses = [c for c in verb.children if c.dep_ in ("ccomp", "csubj", "xcomp")]
    for c in verb.children:
        if c.dep_ in ("acomp", "attr"):
            clauses += [g for g in c.children if g.dep_ in ("ccomp", "xcomp", "csubj")]
    return any(c.i > it.i for c in clauses)


def salient_subject(doc: Any, tok: Any, prior: list[Found], kinds: tuple[str, ...]) -> Found | None:
    """The latest subject of this or the previous sentence that is of one of `kinds` and singular."""
    window = sentence_start_back(tok, 1)
    for f in reversed(prior):
        if f.start < window:
            break
        head = doc[f.last]
        if f.entity.kind in kinds and head.dep_ in ("nsubj", "nsubjpass") and head.tag_ not in ("NNS", "NNPS"):
            return f  # "it" is singular: never "firefighters", whose entity is their country
    return None


def describing_noun(head: Any) -> Any | None:
    """The common noun that says what a name is: "the investigative website Bellingcat",
    "Bellingcat, an investigative website", "the Bellingcat website"."""
    candidates = [c for c in head.children if c.dep_ == "appos"]
    if head.dep_ in ("appos", "compound") and head.head.i != head.i:
        candidates.append(head.head)
    return next((t for t in candidates if t.pos_ == "NOUN" and t.text[:1].islower()), None)


def organisation_kind(doc: Any, start: int, end: int) -> tuple[str, Any | None] | None:
    """(CAMEO code part, describing noun) when the words say the name doc[start:end] is an
    organisation: a noun of a kind of organisation describes it, or its own last word is one
    ("Migration Policy Institute")."""
    nouns = organisation_nouns()
    noun = describing_noun(doc[end - 1])
    if noun is not None and noun.lemma_.lower() in nouns:
        return nouns[noun.lemma_.lower()], noun
    last = doc[end - 1]
    if end - start >= 2 and last.lemma_.lower() in nouns:
        return nouns[last.lemma_.lower()], None
    return None


def names_no_country(doc: Any, start: int, end: int) -> bool:
    """A country's name as a currency's ("five million US dollars") or as the title a thing is
    given ("an artwork entitled America"), which makes the country no actor or place of the story."""
    w, v = words(), view(doc)  # (read on the Doc's arrays: analysis.docview)
    if start > 0 and v.lower[start - 1] in w.naming_participles:
        return True
    tok = end - 1
    head = v.head[tok]
    return v.dep[tok] in ("compound", "amod", "nmod") and head >= end and v.pos[head] == "NOUN" \
        and v.lower[head] in w.currency_nouns


def spokesperson_body(role_for: Any, noun: Any) -> str | None:
    """The sector of the body a spokesperson noun speaks for, by a compound or a "for"/"of"
    phrase ("a police spokesman", "spokeswoman for the army"), if it names a kind of body."""
    w = words()
    if noun.lower_ not in w.spokesperson_nouns:
        return None
    bodies = [c for c in noun.lefts if c.dep_ == "compound" and c.lower_ not in w.lesser_office]
    bodies += [g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("for", "of")
               for g in c.children if g.dep_ == "pobj"]
    for body in bodies:
        hit = role_for(body.lower_) or role_for(body.lemma_.lower())
        if hit is not None and hit[0] is None and hit[1]:
            return hit[1]
    return None
