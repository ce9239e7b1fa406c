"""Person coreference: every person an article names is one entity, whatever it is called later.

Called by the resolver (`ActorStage`) once names, role phrases and places are found, before the
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
from importlib.resources import files
from typing import Any, Iterable

import yaml

from .knowledge import Entity, ascii_fold

NAME_PARTICLES = {"de", "del", "della", "di", "da", "van", "von", "der", "den", "le", "la", "al", "el", "bin", "ibn", "abu"}
SUBJECT_DEPS = ("nsubj", "nsubjpass")
AGE = re.compile(r"\d{1,3}-year-old")
PLACE_PREPOSITIONS = {"in", "at", "from", "to", "near", "outside", "into", "across", "of"}
# Sectors of a state: "the police", "the administration" with no country named are the article's.
STATE_SECTORS = {"GOV", "COP", "JUD", "LEG", "MIL"}


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    data = yaml.safe_load(files("accord").joinpath("resources", "actors", "person_nouns.yaml").read_text("utf-8"))
    honorific_gender: dict[str, str | None] = {}
    for gender, words in data["honorifics"].items():
        for w in words:
            honorific_gender[w.lower()] = None if gender == "any" else gender
    noun_gender = {w: g for g, words in data["gendered_nouns"].items() for w in words}
    unnamed = {w: sector for sector, words in data["unnamed_people"].items() for w in words}
    return {"honorifics": honorific_gender, "noun_gender": noun_gender, "unnamed": unnamed,
            "abbreviations": {k.lower(): v for k, v in (data.get("abbreviations") or {}).items()}}


@lru_cache(maxsize=512)
def is_country_code(code: str) -> bool:
    """An ISO 3166-1 alpha-3 code, not a CAMEO region ("WEU", "WST") that also has three letters."""
    import pycountry

    return len(code) == 3 and (pycountry.countries.get(alpha_3=code) is not None or code == "XKX")


def plain_name(text: str) -> str:
    """The canonical form of a name as written: plain apostrophes, single spaces."""
    return " ".join(text.replace("’", "'").replace("‘", "'").split())


def _fold(text: str) -> str:
    return "".join(ch for ch in ascii_fold(text).lower() if ch.isalnum())


def _name_words(name: str) -> list[str]:
    return [w for w in plain_name(name).split() if w]


def _surname_forms(name: str) -> set[str]:
    """"Bill de Blasio" -> {"blasio", "deblasio"}; "Tarek el Aissami" -> {"aissami", "elaissami"}."""
    words = _name_words(name)
    if len(words) < 2:
        return set()
    forms = {_fold(words[-1])}
    for k in range(1, len(words) - 1):
        if words[k].lower() in NAME_PARTICLES:
            forms.add(_fold("".join(words[k:])))
            break
    if len(words) >= 3:
        forms.add(_fold("".join(words[1:])))
    return {f for f in forms if f}


def is_glued_marker(tok: Any) -> bool:
    """"AD" in "ADCuomo": a page marker the scraper glued to the next word."""
    doc = tok.doc
    return (tok.whitespace_ == "" and 2 <= len(tok.text) <= 3 and tok.text.isupper() and tok.is_alpha
            and tok.i + 1 < len(doc) and doc[tok.i + 1].text[:1].isupper() and doc[tok.i + 1].text[1:2].islower())


def is_person_found(doc: Any, f: Any) -> bool:
    """A person, named or not: "Xi Jinping", "the Chinese president", "one source", "the friend"."""
    if f.entity.kind == "person":
        return True
    if f.how != "role-group":
        return False
    head = doc[f.end - 1]
    if head.lower_ in ("he", "she", "him", "her"):
        return True  # a pronoun already resolved to an unnamed person
    if head.tag_ not in ("NN", "NNP"):
        return False
    lemma = head.lemma_.lower()
    return lemma in lexicon()["unnamed"] or f.role is not None or lemma in lexicon()["noun_gender"]


class PersonLinker:
    """Steps 1-5 of the module docstring over the resolver's findings (`_Found` objects)."""

    def __init__(self, stage: Any, doc: Any, found: list[Any]):
        self.stage = stage
        self.kb = stage.kb
        self.doc = doc
        self.found = found
        self.lex = lexicon()

    def run(self) -> list[Any]:
        self._strip_markers()
        self._honorific_names()
        self._shared_surnames()
        self._short_forms()
        self._unnamed_people()
        self._role_and_name()
        self._role_anaphora()
        self._descriptions()
        self._plain_names()
        self.found.sort(key=lambda f: (f.start, f.end))
        return self.found

    # -------------------------------------------------------------- helpers
    def _people(self) -> list[Any]:
        return [f for f in self.found if f.entity.kind == "person"]

    def _replace_entity(self, old_key: str, new: Entity) -> None:
        for f in self.found:
            if f.entity.key == old_key:
                f.entity = new

    def _surface(self, f: Any) -> str:
        return plain_name(self.doc[f.start:f.end].text)

    def _name_span(self, f: Any) -> tuple[int, int]:
        """The name part of a person's mention, without its title ("Gov." "Police Commissioner")."""
        doc = self.doc
        start = f.start
        while start < f.end - 1 and not (doc[start].pos_ == "PROPN" and doc[start].ent_type_ == "PERSON"):
            start += 1
        return start, f.end

    # ------------------------------------------------------------ 1. names
    def _strip_markers(self) -> None:
        doc = self.doc
        surnames = {form: f.entity for f in self._people() for form in _surname_forms(f.entity.name)}
        for f in self.found:
            if f.end - f.start < 2 or not is_glued_marker(doc[f.start]):
                continue
            f.start += 1
            if f.entity.kind != "person":
                # "ADCuomo" read as an organisation (of Andorra): the marker and a surname
                person = surnames.get(_fold(doc[f.start:f.end].text))
                if person is not None:
                    f.entity, f.how = person, "surname"
                    f.code = f.sector = f.country = f.name = None
                continue
            if f.entity.key.startswith("unlisted:"):
                name = plain_name(doc[f.start:f.end].text)
                entity = Entity(key=f"unlisted:{name}", kind="person", name=name, country=f.entity.country,
                                sector=f.entity.sector, code=f.entity.code)
                self._replace_entity(f.entity.key, entity)

    def _honorific_names(self) -> None:
        """"Mr Conway" is a person, not the town of Conway."""
        doc = self.doc
        honorifics = self.lex["honorifics"]
        for f in self.found:
            if f.entity.kind == "person" or f.start == 0:
                continue
            before = doc[f.start - 1]
            if before.lower_ not in honorifics or not all(t.text[:1].isupper() for t in doc[f.start:f.end]):
                continue
            name = plain_name(doc[f.start:f.end].text)
            f.entity = Entity(key=f"unlisted:{name}", kind="person", name=name, country=None, sector="CVL", code="CVL")
            f.how, f.code, f.sector, f.country, f.name = "name-unlisted", None, None, None, None

    def _shared_surnames(self) -> None:
        """"Julie and Brian Hambleton": Julie is a Hambleton too."""
        doc = self.doc
        people = sorted(self._people(), key=lambda f: f.start)
        by_start = {f.start: f for f in people}
        for f in people:
            if f.end - f.start != 1 or not f.entity.key.startswith("unlisted:"):
                continue
            if f.end + 1 >= len(doc) or doc[f.end].lower_ not in ("and", "&"):
                continue
            other = by_start.get(f.end + 1)
            if other is None or other.end - other.start < 2:
                continue
            rest = [t.text for t in doc[other.start + 1 : other.end]]
            name = plain_name(" ".join([doc[f.start].text, *rest]))
            entity = Entity(key=f"unlisted:{name}", kind="person", name=name, country=other.entity.country,
                            sector=other.entity.sector, code=other.entity.code)
            self._replace_entity(f.entity.key, entity)

    # ------------------------------------------------------- 2. short forms
    def _short_forms(self) -> None:
        people = sorted(self._people(), key=lambda f: f.start)
        full: list[tuple[int, Entity]] = []  # (first token, entity) of every full name
        seen: set[str] = set()
        for f in people:
            if len(_name_words(f.entity.name)) >= 2 and f.entity.key not in seen:
                seen.add(f.entity.key)
                full.append((f.start, f.entity))
        if not full:
            return
        surnames = {form for _, e in full for form in _surname_forms(e.name)}
        doc = self.doc
        for f in self.found:
            # "Conway had been recruited": a surname of someone named in full, read as a town
            if f.how == "place" and f.end - f.start == 1 and _fold(doc[f.start].text) in surnames and not (
                    f.start > 0 and doc[f.start - 1].lower_ in PLACE_PREPOSITIONS):
                f.entity = Entity(key=f"unlisted:{doc[f.start].text}", kind="person", name=doc[f.start].text,
                                  country=None, sector="CVL", code="CVL")
                f.how, f.code, f.sector, f.country, f.name = "name-unlisted", None, None, None, None
                people.append(f)
        self._missed_surnames(full)
        people = sorted(self._people(), key=lambda f: f.start)
        for f in people:
            words = _name_words(f.entity.name)
            if len(words) >= 2 and not f.entity.key.startswith("unlisted:"):
                continue
            surface = self._surface_name(f)
            folded = _fold(surface)
            if not folded or any(e.key == f.entity.key for _, e in full if len(_name_words(e.name)) >= 2
                                 and _fold(e.name) == folded):
                continue
            if len(_name_words(surface)) >= 2 and not any(folded in _surname_forms(e.name) for _, e in full):
                continue  # a full name of its own
            matches = [(start, e) for start, e in full if e.key != f.entity.key and (
                folded in _surname_forms(e.name) or folded == _fold(_name_words(e.name)[0]))]
            target = self._nearest(matches, f.start)
            if target is None:
                continue
            if f.entity.key.startswith("unlisted:") and len(_name_words(f.entity.name)) < 2:
                self._replace_entity(f.entity.key, target)
            else:
                f.entity = target
            if f.how == "name-unlisted":
                f.how = "surname"

    def _missed_surnames(self, full: list[tuple[int, Entity]]) -> None:
        """"el Aissami said", "Mendeloff asked": a surname the entity recognizer did not tag, of
        a person named in full before it."""
        from .resolver import _Found

        doc = self.doc
        covered = {i for f in self.found for i in range(f.start, f.end)}
        last_words: dict[str, list[tuple[int, Entity]]] = {}
        for start, e in full:
            words = _name_words(e.name)
            if len(words[-1]) >= 3 and words[-1][:1].isupper():
                last_words.setdefault(words[-1], []).append((start, e))
        for tok in doc:
            named = last_words.get(tok.text.replace("’", "'"))
            if not named or tok.i in covered:
                continue
            before = [(s, e) for s, e in named if s < tok.i]
            if len({e.key for _, e in before}) != 1:
                continue
            entity = before[-1][1]
            start = tok.i
            while start > 0 and doc[start - 1].text[:1].islower() and doc[start - 1].lower_ in NAME_PARTICLES \
                    and doc[start - 1].i not in covered:
                start -= 1  # "el Aissami", "de Blasio"
            if start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper() \
                    and doc[start - 1].lower_ not in self.lex["honorifics"]:
                continue  # part of another name
            self.found.append(_Found(start, tok.i + 1, entity, "surname"))
            covered.update(range(start, tok.i + 1))

    def _surface_name(self, f: Any) -> str:
        start, end = self._name_span(f)
        while start < end - 1 and self.doc[start].lower_ in self.lex["honorifics"]:
            start += 1
        return plain_name(self.doc[start:end].text)

    @staticmethod
    def _nearest(matches: list[tuple[int, Entity]], at: int) -> Entity | None:
        before = [(s, e) for s, e in matches if s < at]
        if before:
            return max(before, key=lambda m: m[0])[1]
        after = sorted(matches, key=lambda m: m[0])
        return after[0][1] if after else None

    # ---------------------------------------------------- 3. role and name
    def _role_and_name(self) -> None:
        """A role and a name tied by apposition or compound are one person, on either side:
        "France's counter-terrorism prosecutor, Remy Heitz", "The former Chief Minister of IOK,
        Omar Abdullah", "Eva, a 17-year-old student", "40-year-old Taji resident Abu Mohammed"."""
        doc = self.doc
        by_head = {f.end - 1: f for f in self._people() if f.how not in ("pronoun", "plural")}
        for r in list(self.found):
            if r.how not in ("role-group", "role-org", "role") or r.entity.kind == "person" and r.how == "role":
                continue
            head = doc[r.end - 1]
            p = next((by_head[t.i] for t in (*head.children, head.head) if t.i in by_head
                      and t.i not in range(r.start, r.end) and self._tied(head, t)), None)
            if p is None:
                continue
            entity = p.entity
            if entity.key.startswith("unlisted:") and (entity.country is None or entity.sector == "CVL"):
                country = r.country if r.country is not None else r.entity.country
                sector = r.sector or r.entity.sector or entity.sector
                code = r.code or r.entity.code
                if r.how == "role-group" and r.entity.kind != "group":
                    code = f"{country or ''}{sector or ''}" or entity.code
                entity = Entity(key=entity.key, kind="person", name=entity.name, country=country,
                                sector=sector, code=code)
                self._replace_entity(p.entity.key, entity)
            elif r.how == "role" and not entity.key.startswith("unlisted:"):
                continue  # two people the knowledge base knows: leave both
            self._become(r, entity)

    @staticmethod
    def _tied(role_head: Any, name_head: Any) -> bool:
        """Apposition or compound between the role's head and the name's head."""
        return (name_head.head.i == role_head.i and name_head.dep_ in ("appos", "compound")) or (
            role_head.head.i == name_head.i and role_head.dep_ in ("appos", "compound", "nmod")) or (
            role_head.dep_ == "compound" and role_head.head.i == name_head.i)

    def _become(self, f: Any, entity: Entity) -> None:
        f.entity = entity
        f.how = "role-name"
        f.code = f.sector = f.country = f.name = None

    # --------------------------------------------------- 4. role anaphora
    def _titles(self) -> list[tuple[int, Entity, set[str]]]:
        """(first token, person, title nouns) for every named person with a title in the text."""
        doc = self.doc
        abbreviations = self.lex["abbreviations"]
        out = []
        for f in self._people():
            if f.how in ("pronoun", "plural"):
                continue
            name_start = f.end if f.how == "role-name" else self._name_span(f)[0]  # a role is all title
            words: set[str] = set()
            for t in doc[f.start:name_start]:
                low = t.lower_
                words.add(abbreviations.get(low, low))
                words.add(t.lemma_.lower())
            head = doc[f.end - 1]
            for appos in head.children:  # "Henrique Capriles, an opposition leader and governor"
                if appos.dep_ == "appos":
                    for t in [appos, *appos.conjuncts]:
                        words.add(t.lemma_.lower())
            words = {w for w in words if self.stage._role_for(w) is not None}
            if f.role:
                words.add(f.role.replace("_", " ").split()[-1])
            if words:
                out.append((f.start, f.entity, words))
        return out

    def _role_anaphora(self) -> None:
        self._group_anaphora()
        doc = self.doc
        titles = self._titles()
        if not titles:
            return
        for r in self.found:
            if r.how != "role-group":
                continue
            head = doc[r.end - 1]
            if head.tag_ != "NN" or any(c.dep_ == "det" and c.lower_ in ("a", "an", "another", "one") for c in head.lefts):
                continue
            lemma = head.lemma_.lower()
            holders = {e.key: (s, e) for s, e, words in titles if s < r.start and lemma in words}
            if not holders:
                continue
            latest = max(holders.values(), key=lambda m: m[0])
            if len(holders) > 1 and r.country is None:
                continue  # two people with that title and nothing to tell them apart
            entity = latest[1]
            if r.country is not None and entity.country not in (None, r.country):
                continue
            self._become(r, entity)

    def _group_anaphora(self) -> None:
        """"the ministry" after "Russia's foreign ministry": a definite role phrase with no country
        is the nearest earlier one with the same head noun that has a country."""
        doc = self.doc
        groups = sorted((f for f in self.found if f.how == "role-group"), key=lambda f: f.start)
        for i, r in enumerate(groups):
            head = doc[r.end - 1]
            if r.country is not None or not any(c.lower_ == "the" for c in head.lefts):
                continue
            lemma = head.lemma_.lower()
            earlier = [g for g in groups[:i] if g.country is not None and doc[g.end - 1].lemma_.lower() == lemma
                       and doc[g.end - 1].tag_ == head.tag_]
            if earlier:
                g = earlier[-1]
                r.entity, r.code, r.sector, r.country = g.entity, g.code, g.sector, g.country

    def _descriptions(self) -> None:
        """"the 21-year-old ethnic Chechen said": a definite description by age or origin, as the
        subject of a clause, is the person who was the subject just before."""
        from .resolver import _Found

        doc = self.doc
        covered = {i for f in self.found for i in range(f.start, f.end)}
        people = sorted((f for f in self._people() if f.how not in ("pronoun", "plural")), key=lambda f: f.start)
        for tok in doc:
            if tok.i in covered or tok.dep_ not in SUBJECT_DEPS or tok.tag_ not in ("NN", "NNP", "JJ"):
                continue
            lefts = list(tok.lefts)
            if not lefts or lefts[0].lower_ != "the":
                continue
            aged = any(AGE.fullmatch(c.text) for c in lefts)
            if not (aged or tok.ent_type_ == "NORP"):
                continue
            window = _sentence_starts_back(doc, tok, 3)
            before = [f for f in people if window <= f.start < tok.sent.start and _is_subject(doc, f)]
            if not before:
                continue
            start = lefts[0].i + 1
            self.found.append(_Found(start, tok.i + 1, before[-1].entity, "description"))

    # --------------------------------------------------- 5. unnamed people
    def _unnamed_people(self) -> None:
        doc = self.doc
        unnamed = self.lex["unnamed"]
        covered = {i for f in self.found for i in range(f.start, f.end)}
        focus = self.focus_country()
        for f in self.found:
            # "one elderly witness in Kabul": a person placed by the phrase is an unnamed person of
            # that country, not the country itself
            head = doc[f.end - 1]
            if f.how == "placed" and head.tag_ == "NN" and head.lemma_.lower() in unnamed and f.entity.country:
                new = self.stage._group(f.start, f.end, f.entity.country, unnamed[head.lemma_.lower()])
                f.entity, f.how, f.code, f.sector, f.country = new.entity, new.how, new.code, new.sector, new.country
        from ..analysis.quotation import quoted_tokens
        inside = quoted_tokens(doc)
        for tok in doc:
            if tok.i in covered or inside[tok.i] or tok.pos_ != "NOUN" or tok.tag_ != "NN":
                continue
            sector = unnamed.get(tok.lemma_.lower())
            if sector is None or tok.dep_ not in ("nsubj", "nsubjpass", "appos", "pobj", "dobj", "attr"):
                continue
            if tok.dep_ == "pobj" and tok.head.lower_ not in ("to", "by"):
                continue  # "according to one source", "by a witness"; not "the families of a victim"
            if not any(c.dep_ in ("det", "nummod", "amod", "poss", "compound") for c in tok.lefts):
                continue
            if any(c.dep_ == "poss" for c in tok.lefts):
                continue  # "his friend": someone's relation, not a speaker of the article
            left = min([tok.i] + [c.left_edge.i for c in tok.lefts if c.dep_ in ("det", "amod", "compound", "nummod", "punct", "advmod")])
            country = self._phrase_country(tok, left) or self._sentence_country(tok) or focus
            self.found.append(self._unnamed(left, tok.i + 1, country, sector))
        for f in self.found:  # "a police spokesman": an unnamed person of the article's country
            if f.how == "role-group" and f.country is None and focus and not f.placeless and (
                    is_person_found(doc, f) or f.sector in STATE_SECTORS):
                head = doc[f.end - 1]
                country = self._sentence_country(head) or focus
                new = self.stage._group(f.start, f.end, country, f.sector)
                f.entity, f.code, f.sector, f.country = new.entity, new.code, new.sector, new.country

    def _unnamed(self, start: int, end: int, country: str | None, sector: str) -> Any:
        if country is not None:
            return self.stage._group(start, end, country, sector)
        from .resolver import _Found

        entity = Entity(key=f"group:{sector}", kind="group", name=None, country=None,  # type: ignore[arg-type]
                        sector=sector, code=sector)
        return _Found(start, end, entity, "role-group", code=sector, sector=sector, country=None)

    def _phrase_country(self, tok: Any, left: int) -> str | None:
        span = set(range(left, tok.i + 1)) | {t.i for t in tok.subtree}
        for f in self.found:
            if f.start in span and f.entity.kind in ("country", "seat") and f.entity.country:
                return f.entity.country
        return None

    def _sentence_country(self, tok: Any) -> str | None:
        sent = tok.sent
        countries = {f.entity.country for f in self.found if sent.start <= f.start < sent.end
                     and f.entity.kind in ("country", "seat") and f.entity.country and f.how in ("name", "place")}
        return countries.pop() if len(countries) == 1 else None

    def focus_country(self) -> str | None:
        """The country the article is about: clearly the most mentioned one, if any."""
        counts: Counter[str] = Counter()
        for f in self.found:
            country = f.country if f.country is not None else f.entity.country
            if f.entity.kind in ("country", "seat", "person") and country and is_country_code(country):
                counts[country] += 1
        ranked = counts.most_common(2)
        if not ranked or ranked[0][1] < 2:
            return None
        if len(ranked) > 1 and ranked[0][1] < 1.5 * ranked[1][1]:
            return None
        return ranked[0][0]

    def _plain_names(self) -> None:
        for f in self.found:
            e = f.entity
            if e.kind == "person" and e.key.startswith("unlisted:") and e.name != plain_name(e.name):
                self._replace_entity(e.key, Entity(key=e.key, kind="person", name=plain_name(e.name),
                                                   country=e.country, sector=e.sector, code=e.code))


# ------------------------------------------------------------------ pronouns
def initial_genders(doc: Any, found: Iterable[Any]) -> dict[str, str]:
    """Gender of people from honorifics ("Mr", "Mrs") and gendered nouns about them."""
    lex = lexicon()
    out: dict[str, str] = {}
    for f in found:
        if f.entity.kind != "person":
            continue
        tokens = list(doc[max(0, f.start - 1) : f.end])
        head = doc[f.end - 1]
        tokens += [c for c in head.children if c.dep_ == "appos"]
        for t in tokens:
            gender = lex["honorifics"].get(t.lower_) or lex["noun_gender"].get(t.lemma_.lower())
            if gender:
                out.setdefault(f.entity.key, gender)
                break
    return out


def person_key(doc: Any, f: Any, links: dict[int, str] | None = None) -> str:
    """Who a person mention is: the entity, or for an unnamed person the mention that named them."""
    if f.entity.kind == "person":
        return f.entity.key
    if links and id(f) in links:
        return links[id(f)]
    return f"unnamed:{f.start}" if f.how == "role-group" else f.entity.key


def resolve_pronoun(doc: Any, pronoun: Any, prior: list[Any], gender: dict[str, str], wanted: str,
                    inside_quote: list[bool], links: dict[int, str] | None = None,
                    following: list[Any] = ()) -> Any | None:
    """The antecedent of he/she among earlier person mentions (named or not).

    Same sentence first (a subject before the pronoun, else the latest person), then sentence by
    sentence backwards the subject of the nearest sentence that has a person as its subject, and
    failing that the most frequently mentioned person of the last few sentences.
    """
    def compatible(f: Any) -> bool:
        return (is_person_found(doc, f) and not inside_quote[f.start]
                and gender.get(person_key(doc, f, links), wanted) == wanted
                and doc[f.end - 1].lemma_.lower() not in _other_gender_nouns(wanted))

    sent = pronoun.sent
    # "In a message he scrawled in the boat, Tsarnaev said": a pronoun in a phrase before the
    # main clause's subject is that subject.
    root = sent.root
    if pronoun.dep_ not in SUBJECT_DEPS or pronoun.head.i != root.i:
        for f in following:
            head = doc[f.end - 1]
            if pronoun.i < f.start < sent.end and head.head.i == root.i and head.dep_ in SUBJECT_DEPS \
                    and compatible(f) and not any(a.i == pronoun.i for a in head.ancestors):
                first = min(t.i for t in head.subtree)
                if pronoun.i < first and any(t.text == "," and t.head.i == root.i for t in doc[pronoun.i:first]):
                    return f
    candidates = [f for f in prior if compatible(f)]
    if not candidates:
        return None
    here = [f for f in candidates if f.start >= sent.start]
    if here:
        subjects = [f for f in here if doc[f.end - 1].dep_ in SUBJECT_DEPS or doc[f.end - 1].head.dep_ in SUBJECT_DEPS]
        return (subjects or here)[-1]
    by_sentence: dict[int, list[Any]] = {}
    for f in candidates:
        by_sentence.setdefault(doc[f.start].sent.start, []).append(f)
    starts = sorted((s for s in by_sentence if s < sent.start), reverse=True)
    window = _sentence_starts_back(doc, pronoun, 6)
    for s in starts:
        if s < window:
            break
        subjects = [f for f in by_sentence[s] if _is_subject(doc, f)]
        if subjects:
            named = [f for f in subjects if f.entity.kind == "person"]
            return (named or subjects)[0]  # "A police source said …, said Eva, a student": Eva
    recent = [f for f in candidates if f.start >= window]
    if not recent:
        return candidates[-1]
    counts = Counter(person_key(doc, f, links) for f in recent)
    best = max(recent, key=lambda f: (counts[person_key(doc, f, links)], f.start))
    return best


def _is_subject(doc: Any, f: Any) -> bool:
    head = doc[f.end - 1]
    if head.dep_ in SUBJECT_DEPS:
        return True
    # "Mr Conway, now a criminal lawyer in Dublin, says": the parse may hang the name elsewhere
    return head.dep_ in ("appos", "compound") and head.head.dep_ in SUBJECT_DEPS


@lru_cache(maxsize=2)
def _other_gender_nouns(wanted: str) -> frozenset[str]:
    return frozenset(w for w, g in lexicon()["noun_gender"].items() if g != wanted)


def _sentence_starts_back(doc: Any, tok: Any, n: int) -> int:
    starts = [s.start for s in doc.sents if s.start <= tok.i]
    return starts[max(0, len(starts) - 1 - n)]
