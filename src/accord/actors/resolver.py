"""Resolve every actor mention in a parsed article to a canonical actor as of the article's date.

Four kinds of mention, found in this order on the dependency parse:
1. names from the knowledge base (people, countries, capitals and seats of power, IGOs, media,
   regions), by longest match; surnames and short forms only when the person was named in full
   earlier or holds an office on the article's date;
2. role phrases around a role or group noun ("the Chinese president", "Russia's security chief",
   "Russian, Ukrainian and US negotiators"), resolved to the office holder on the date when the
   role has exactly one, else to the country and sector;
3. plurals that stand for actors already mentioned ("the two leaders", "both countries");
4. third-person pronouns ("he said"), to the most salient person.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..model import Actor, Document, Mention
from ..stage import Stage
from .gazetteer import AliasMatch, Gazetteer
from ..analysis.quotation import quoted_tokens
from ..places import geocode, region
from .knowledge import Entity, KnowledgeBase
from . import people as coref

# Left dependents that belong to a noun phrase in front of its head.
NP_LEFT_DEPS = {"det", "amod", "compound", "poss", "nmod", "nummod", "case", "quantmod", "punct", "predet"}
COUNTRY_LIKE = {"country", "seat", "region"}
NAMING_ALIAS_KINDS = {"name", "short", "abbrev", "capital", "seat", "surname"}
PERSON_PRONOUNS = {"he", "she", "him", "her"}
PLURAL_DETERMINERS = {"two", "both", "neither", "either"}
INDEFINITE_DETERMINERS = {"a", "an", "another", "some", "any"}
PLURAL_PERSON_NOUNS = {"leader", "leaders", "president", "presidents", "men", "heads"}
PLURAL_COUNTRY_NOUNS = {"country", "countries", "sides", "side", "nations", "nation", "states", "governments"}
# Mentions of unnamed people and things that belong to a country ("a Lebanese man").
UNNAMED_OF_COUNTRY = {"placed", "modifier"}
DATELINE_FOLLOWERS = {":", "-", "—", "–", "(", ","}
# "the US-backed SDF", "U.N.-backed government": the backer is not the actor the phrase names.
BACKER_WORDS = {"backed", "sponsored", "funded", "supported", "trained", "armed", "allied", "aligned", "brokered",
                "mediated", "installed", "recognised", "recognized", "inspired", "influenced"}
STANCE_PREFIXES = {"pro", "anti", "non"}
# Water and landforms named after a country: "the South China Sea" is not China.
FEATURE_WORDS = {"sea", "ocean", "gulf", "strait", "straits", "bay", "channel", "river", "lake", "basin", "trench",
                 "current"}


@dataclass(slots=True)
class _Found:
    start: int
    end: int
    entity: Entity
    how: str
    code: str | None = None  # overrides the entity's code (offices, capitals, role groups)
    sector: str | None = None
    country: str | None = None
    name: str | None = None
    role: str | None = None
    placeless: bool = False  # a group that is no country's ("Jewish leaders", "foreign journalists")


@lru_cache(maxsize=1)
def _anaphora() -> dict[str, Any]:
    from importlib.resources import files

    import yaml

    data = yaml.safe_load(files("accord").joinpath("resources", "actors", "anaphora.yaml").read_text("utf-8"))
    return {"igo": frozenset(data.get("igo", ())), "country": frozenset(data.get("country", ())),
            "allies": frozenset(data.get("allies", ())), "allies_region": data.get("allies_region"),
            "not_local": frozenset(data.get("not_local", ())), "diplomats": frozenset(data.get("diplomats", ()))}


@lru_cache(maxsize=4)
def _gazetteer_for(kb: KnowledgeBase) -> Gazetteer:
    import spacy

    # The blank English tokenizer splits like every English pipeline's, so aliases and text agree.
    return Gazetteer(kb.aliases(), spacy.blank("en").tokenizer)


def _parse_date(value: str | None) -> dt.date:
    if value:
        return dt.date.fromisoformat(value)
    return dt.date.today()


class ActorStage(Stage):
    name = "actors"

    def __init__(self, kb: KnowledgeBase | None = None):
        if kb is None:
            from .user_files import load_knowledge_base  # packaged data plus the user's own files

            kb = load_knowledge_base()
        self.kb = kb
        self.gazetteer = _gazetteer_for(self.kb)
        self._roles: dict[str, tuple[str | None, str | None] | None] = {}
        # The last words of all role phrases and agent nouns, to rule most nouns out at once.
        phrases = list(getattr(kb, "_phrases", {})) + list(getattr(kb, "_agents", {}))
        self._role_last_words = {p.split()[-1] for p in phrases if p} | {
            p.split()[-1].rstrip("s") for p in phrases if p}

    def _role_for(self, phrase: str) -> tuple[str | None, str | None] | None:
        """`KnowledgeBase.role_for`, remembered: the same few nouns are asked about all the time."""
        try:
            return self._roles[phrase]
        except KeyError:
            hit = self._roles[phrase] = self.kb.role_for(phrase)
            return hit

    # ------------------------------------------------------------------ public
    def process_document(self, document: Document) -> None:
        doc = document.doc
        if doc is None:
            raise ValueError(f"article {document.id}: the actors stage needs the spaCy parse")
        on = _parse_date(document.article.date)
        sent_of = _sentence_index(doc)
        found = self._resolve(doc, on)
        document.mentions = self._to_mentions(document, found, sent_of)

    def actor_for(self, entity: Entity, on: dt.date, text: str = "", span=(0, 0)) -> Actor:
        """The contract actor for an entity on a date (used by `accord actors resolve`)."""
        return self._actor(_Found(0, 0, entity, "name"), on, text, span)

    # ------------------------------------------------------------ resolution
    def _resolve(self, doc: Any, on: dt.date) -> list[_Found]:
        kb = self.kb
        matches = self._accepted_matches(doc, on)
        by_token: dict[int, list[AliasMatch]] = {}
        for m in matches:
            for i in range(m.start, m.end):
                by_token.setdefault(i, []).append(m)
        consumed: set[tuple[int, int]] = set()  # alias matches used as cues of a role phrase
        found: list[_Found] = []
        pending_context: list[tuple[Any, int, str | None, bool]] = []

        # Role phrases and person names with titles, one noun-phrase head at a time.
        for head in doc:
            if head.pos_ not in ("NOUN", "PROPN"):
                continue
            role_len, role, sector = self._role_at(doc, head)
            if role_len == 0:
                continue
            if head.dep_ == "compound" and head.head.i > head.i and head.head.pos_ == "PROPN":
                continue  # "President" in "President Xi Jinping": the name's phrase handles it
            role_start = head.i - role_len + 1
            left = _np_left(head)
            if head.dep_ == "compound" and head.head.i > head.i:
                # "an Afghan government offer": "Afghan" modifies the phrase "government offer"
                left = min(left, _np_left(head.head))
            cues = self._country_cues(doc, head, left, role_start, by_token)
            from_cues = False
            org = self._org_cue(doc, left, role_start, by_token)
            if org is not None and cues and _is_possessor(doc, org.end) and all(org.end <= c.start for c, _ in cues):
                # "The United Nations' Mideast envoy": the possessor owns the role; a country or
                # region after it only says where the role works.
                cues = []
            if org is not None and not cues:
                # "FDA officials", "the Taliban spokesman": people of an organisation act for it.
                consumed.add((org.start, org.end))
                found.append(_Found(left, head.i + 1, self.kb.entity(org.key), "role-org"))
                continue
            if not cues:
                # "leaders from France, Canada and Finland", "officials of Iran"
                cues = self._prepositional_cues(head, by_token)
                from_cues = bool(cues)
                if not cues:
                    org = self._prepositional_org(head, by_token)
                    if org is not None:  # "the prosecutor of the ICC"
                        consumed.add((org.start, org.end))
                        found.append(_Found(left, head.i + 1, self.kb.entity(org.key), "role-org"))
                        continue
            if not cues:
                place_country = _place_country(head)  # "police in Lagos"
                if place_country is not None:
                    found.append(self._group(left, head.i + 1, place_country, sector))
                elif role is None and head.dep_ not in ("compound", "amod") and _bare_or_definite(head):
                    # "Authorities ease curfew as businesses reopen in Amman": an unnamed group
                    # belongs to the one country its sentence names, if it names exactly one.
                    pending_context.append((head, left, sector, True))
                elif (head.dep_ in ("nsubj", "nsubjpass") or (
                        head.dep_ == "conj" and head.head.dep_ in ("nsubj", "nsubjpass"))) and sector and not any(
                        c.lower_ in PLURAL_DETERMINERS or c.dep_ == "nummod" for c in head.lefts):
                    # "a law enforcement official said": an actor of known kind, country unknown.
                    someone_elses = any(_names_community(c) or (c.dep_ == "amod" and c.lower_ in _anaphora()["not_local"])
                                        for c in head.lefts)
                    pending_context.append((head, left, sector, not someone_elses))
                continue
            plural = head.tag_ in ("NNS", "NNPS")
            # "a U.S. envoy", "an adviser": an indefinite phrase names some member of the group,
            # not the one holder of the office
            indefinite = any(c.dep_ == "det" and c.lower_ in INDEFINITE_DETERMINERS for c in head.lefts)
            for idx, (cue_match, country) in enumerate(cues):
                consumed.add((cue_match.start, cue_match.end))
                start = left if idx == 0 else cue_match.start
                end = head.i + 1
                if from_cues:  # the head and the country it is from: "Leaders from France"
                    start, end = (left, cue_match.end) if idx == 0 else (cue_match.start, cue_match.end)
                holder = None
                if role and not plural and not indefinite:
                    role_id = kb.leader_role(country) if role == "leader" else role
                    holders = kb.holders(country, role_id, on)
                    if len(holders) == 1:
                        holder = holders[0]
                        role = role_id
                if holder is not None:
                    found.append(_Found(start, end, holder, "role", role=role))
                else:
                    found.append(self._group(start, end, country, sector))

        # People the knowledge base does not list, named with a title: "Libyan Prime Minister
        # Fayez al-Sarraj" is a Libyan government actor even without an entry.
        found.extend(self._unlisted_people(doc, on, by_token, consumed, found))

        # Names: every accepted alias match not used as a cue above.
        modifiers: list[AliasMatch] = []
        for m in matches:
            if (m.start, m.end) in consumed:
                continue
            entity = kb.entity(m.key)
            if m.kind in ("adjective", "demonym"):
                tok = doc[m.end - 1]
                if tok.dep_ in ("amod", "compound") or tok.pos_ == "ADJ":
                    modifiers.append(m)  # "Turkish ship": the thing, not the adjective, is the mention
                    continue
            start, end = m.start, m.end
            if entity.kind == "person":
                start = self._title_start(doc, m, by_token)
            f = _Found(start, end, entity, "name")
            if entity.kind == "person" and start < m.start and not kb.offices_of(m.key, on):
                # "European Parliament's lead Brexit negotiator Guy Verhofstadt": someone without
                # an office of their own acts for the organisation their title names.
                org = self._org_cue(doc, start, m.start, by_token)
                if org is not None:
                    org_entity = kb.entity(org.key)
                    consumed.add((org.start, org.end))
                    f.code, f.country, f.sector = org_entity.code, org_entity.country, org_entity.sector
            if m.kind == "capital" and entity.kind == "country":
                f.code, f.sector = f"{entity.code}GOV", "GOV"
            found.append(f)

        found.extend(self._organisations(doc, found, by_token))
        found.extend(self._places(doc, found))
        found.extend(self._marked_things(doc, modifiers, found))
        found.extend(self._placed_subjects(doc, found))
        found.extend(self._context_groups(pending_context, found))
        found.extend(self._movements(doc, found))
        self._locate_transnational(doc, found)
        found.extend(self._placed_organisations(doc, found))
        found.extend(self._organisations(doc, found, by_token, placeless=True))  # of no country
        found = _acronyms_introduced(doc, found)
        found = _merge_same_entity(found)
        # A country inside a person's title ("Russia's President Vladimir Putin") describes the
        # person; it is not a mention of its own.
        people = [f for f in found if f.entity.kind == "person" and f.how in ("name", "role", "name-title")]
        found = [f for f in found if f.entity.kind == "person" or not any(
            p.start <= f.start and f.end <= p.end and (p.start, p.end) != (f.start, f.end) for p in people)]
        found.sort(key=lambda f: (f.start, f.end))
        found = coref.PersonLinker(self, doc, found).run()  # surnames, roles, unnamed people
        found.extend(self._references(doc, found))
        found.sort(key=lambda f: (f.start, f.end))
        return found

    def _accepted_matches(self, doc: Any, on: dt.date) -> list[AliasMatch]:
        """Alias matches after dropping datelines and unsupported short forms of names."""
        kb = self.kb
        raw = self.gazetteer.find(doc)
        named_in_full: set[str] = set()
        out: list[AliasMatch] = []
        groups: dict[tuple[int, int], list[AliasMatch]] = {}
        for m in raw:
            groups.setdefault((m.start, m.end), []).append(m)
        # Last words of multi-word person names in the text: "Richard" after "Bill Richard" is
        # Bill Richard, whoever else the knowledge base knows by that surname.
        earlier_names: dict[str, list[Any]] = {}
        for ent in doc.ents:
            if ent.label_ == "PERSON" and len(ent) > 1:
                earlier_names.setdefault(ent[-1].text, []).append(ent)
        for (start, end), group in sorted(groups.items()):
            if _is_dateline(doc, start, end):
                continue
            if _is_backer(doc, end):
                continue  # "the US-backed SDF headquarters": the backer modifies someone else
            if start >= 2 and doc[start - 1].text in ("-", "–") and doc[start - 2].lower_ in STANCE_PREFIXES:
                continue  # "pro-Russian separatists", "anti-American protesters": not that country's
            if _inside_feature_name(doc, start, end):
                continue  # "the South China Sea"
            if end - start == 1 and doc[start].text in earlier_names:
                names = [e for e in earlier_names[doc[start].text] if e.end <= start]
                people_here = {kb.entity(m.key).name for m in group if kb.entity(m.key).kind == "person"}
                if names and not any(e.text in people_here for e in names):
                    group = [m for m in group if kb.entity(m.key).kind != "person"]
                    if not group:
                        continue
            if end - start > 1 and end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() \
                    and doc[end].ent_iob_ == "I" and all(kb.entity(m.key).kind in ("org", "seat", "igo", "media") for m in group):
                continue  # "Department of State Services": a longer name than the alias
            if doc[start].ent_iob_ == "I" and start > 0 and doc[start - 1].text[:1].isupper() \
                    and doc[start - 1].pos_ not in ("DET", "PRON") and doc[start - 1].lower_ not in ("the", "a", "an") \
                    and all(kb.entity(m.key).kind in ("org", "seat", "igo", "media") for m in group):
                continue  # "the Federal Foreign Office": not the (British) Foreign Office
            choice = None
            people = [m for m in group if kb.entity(m.key).kind == "person"]
            names_a_thing = doc[end - 1].dep_ == "compound" and doc[end - 1].head.i >= end  # "the Trudeau government"
            if people and start > 0 and doc[start - 1].lower_ == "the" and not any(m.kind == "name" for m in people) \
                    and not names_a_thing:
                people, group = [], [m for m in group if kb.entity(m.key).kind != "person"]  # "The Hague"
                if not group:
                    continue
            if people and not any(m.kind == "name" for m in people) and _inside_longer_person(doc, start, end):
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
                        in_office = [m for m in people if kb.offices_of(m.key, on)]
                        curated = [m for m in people if not kb._is_historical(m.key)]
                        if len(in_office) == 1:
                            choice = in_office[0]
                        elif len(curated) == 1:  # "Obama" in 2018: one well-known person
                            choice = curated[0]
                if choice is not None:
                    named_in_full.add(choice.key)
            else:
                choice = self._by_article_country(doc, group, raw)
            if choice is not None:
                out.append(choice)
        return out

    def _by_article_country(self, doc: Any, group: list[AliasMatch], raw: list[AliasMatch]) -> AliasMatch:
        """One of several organisations with the same short form: the one whose country the
        article names (AFP in a story on Mindanao is the Armed Forces of the Philippines), else
        the one with no country or of the most common reading (Agence France-Presse)."""
        if len(group) == 1:
            return group[0]
        kb = self.kb
        m0 = group[0]
        credit = m0.start >= 2 and doc[m0.start - 1].text == "(" and m0.end < len(doc) and doc[m0.end].text == ")" \
            and doc[m0.start - 2].text.isupper()  # "MANILA (AFP) -": the agency's credit line
        if credit:
            return next((m for m in group if kb.entity(m.key).kind == "media"), m0)
        named = {kb.entity(m.key).country for m in raw
                 if kb.entity(m.key).kind in ("country", "seat") and m not in group and kb.entity(m.key).country}
        for ent in doc.ents:
            if ent.label_ in ("GPE", "LOC"):
                hit = geocode(ent.text)
                if hit is not None and hit.country:
                    named.add(hit.country)
        local = [m for m in group if kb.entity(m.key).country in named]
        if len(local) == 1:
            return local[0]
        others = [m for m in group if kb.entity(m.key).kind != "seat"]  # a seat's short form is the rarer reading
        return others[0] if others else group[0]

    def _role_at(self, doc: Any, head: Any) -> tuple[int, str | None, str | None]:
        """The longest role phrase ending at `head` ("foreign minister", "president")."""
        last = head.lower_
        if last not in self._role_last_words and last.rstrip("s") not in self._role_last_words \
                and head.lemma_.lower() not in self._role_last_words:
            return 0, None, None  # no role phrase ends in this word: skip the span look-ups
        for length in (3, 2, 1):
            start = head.i - length + 1
            if start < 0:
                continue
            words = doc[start : head.i + 1]
            if length > 1 and any(t.i != head.i and t.head.i != head.i and t.head.i < start for t in words):
                continue
            phrase = " ".join(t.lower_ for t in words)
            hit = self._role_for(phrase)
            if hit is None and length == 1:
                hit = self._role_for(head.lemma_.lower())
            if hit is not None:
                return length, hit[0], hit[1]
        return 0, None, None

    def _country_cues(
        self, doc: Any, head: Any, left: int, role_start: int, by_token: dict[int, list[AliasMatch]]
    ) -> list[tuple[AliasMatch, str]]:
        """Country-like alias matches modifying a role noun, coordination included."""
        cue_tokens = [t for t in doc[left:role_start]]
        for t in list(cue_tokens):  # "Russian, Ukrainian and US negotiators"
            cue_tokens.extend(c for c in t.conjuncts if c.i < head.i and c not in cue_tokens)
        cues: list[tuple[AliasMatch, str]] = []
        seen: set[tuple[int, int]] = set()
        for t in sorted(cue_tokens, key=lambda t: t.i):
            for m in by_token.get(t.i, ()):
                if (m.start, m.end) in seen:
                    continue
                entity = self.kb.entity(m.key)
                if entity.kind == "person" and entity.country and t.dep_ == "compound" and head.lemma_.lower() in (
                        "government", "administration", "cabinet", "regime"):
                    seen.add((m.start, m.end))  # "the Trudeau government", "the Biden administration"
                    cues.append((m, entity.country))
                    continue
                if entity.kind in COUNTRY_LIKE and entity.country:
                    seen.add((m.start, m.end))
                    cues.append((m, entity.country))
            if not by_token.get(t.i) and t.dep_ == "compound" and t.pos_ == "PROPN" and t.ent_type_ in ("GPE", "LOC"):
                ent = next((e for e in doc.ents if e.start <= t.i < e.end), None)
                if ent is not None and ent.end - 1 != t.i:
                    continue  # "New" of "New York": the place is the whole name, looked up at its end
                hit = geocode(ent.text if ent is not None else t.text)  # "an Istanbul court", "the Dubai ruler"
                if hit is not None and hit.country and hit.population >= 100_000:
                    cues.append((AliasMatch(t.i, t.i + 1, f"country:{hit.country}", "city"), hit.country))
        return cues

    def _group(self, start: int, end: int, country: str, sector: str | None) -> _Found:
        """An unnamed group of a country's sector: "US negotiators" -> USAGOV, no person's name."""
        group_sector = sector or "GOV"
        code = f"{country}{group_sector}"
        try:
            entity = self.kb.entity(f"country:{country}")
        except KeyError:
            entity = Entity(key=f"group:{code}", kind="group", name=None, country=country,  # type: ignore[arg-type]
                            sector=group_sector, code=code)
        return _Found(start, end, entity, "role-group", code=code, sector=group_sector, country=country)

    def _unlisted_people(self, doc: Any, on: dt.date, by_token, consumed, found: list[_Found]) -> list[_Found]:
        covered = {i for f in found for i in range(f.start, f.end)}
        covered |= {i for m in (x for ms in by_token.values() for x in ms)
                    if self.kb.entity(m.key).kind == "person" for i in range(m.start, m.end)}
        out: list[_Found] = []
        surnames: dict[str, Entity] = {}
        first_names: dict[str, Entity] = {}
        org_names = {(m.start, m.end) for ms in by_token.values() for m in ms
                     if self.kb.entity(m.key).kind in ("org", "igo", "media", "seat")
                     or (self.kb.entity(m.key).kind in ("country", "region") and m.kind in ("name", "short", "capital"))}
        for ent in doc.ents:
            if ent.label_ != "PERSON" or any(i in covered for i in range(ent.start, ent.end)):
                continue
            if any(a <= ent.start and ent.end <= b for a, b in org_names):
                continue  # "Boko Haram", "Sanaa" tagged PERSON: the organisation's or place's name wins
            if _the_place(ent):
                continue  # "the Farah and the Ghazni attacks": a place, see _places
            head = ent[-1]
            known = surnames.get(head.text)
            if known is not None and known.name != ent.text and known.name.endswith(ent.text):
                out.append(_Found(ent.start, ent.end, known, "surname"))  # "Sarraj" after the full name
                continue
            if len(ent) == 1:
                # "Julie" after "Julie Hambleton"; "ADCuomo", a page marker glued to "Cuomo"
                known = first_names.get(head.text) or next(
                    (e for s, e in surnames.items() if head.text.endswith(s) and head.text[: -len(s)].isupper()), None)
                if known is not None:
                    out.append(_Found(ent.start, ent.end, known, "surname"))
                    continue
            left = _np_left(head)
            title = [t for t in doc[left : ent.start] if t.pos_ in ("NOUN", "PROPN") and self._role_for(t.lower_)]
            if not title:
                if all(t.text[:1].isupper() for t in ent if t.is_alpha) and (len(ent) > 1 or ent[0].pos_ == "PROPN"):
                    # Someone the knowledge base does not know: their role from an apposition
                    # ("Zabihullah Mujahid, the Taliban spokesman"), else a private individual
                    # (CAMEO CVL) until the article says otherwise.
                    country, sector, code = None, "CVL", "CVL"
                    affiliation = self._apposition(head, found, by_token)
                    if affiliation is not None:
                        country, sector, code = affiliation
                    elif _us_party_tag(doc, ent.end):
                        country, sector, code = "USA", "LEG", "USALEG"  # "Debbie Stabenow (D-Mich.)"
                    else:
                        # A private individual: of the one country their sentence names, if one.
                        named = [(doc[m.end - 1], self.kb.entity(m.key).country) for t in ent.sent
                                 for m in by_token.get(t.i, ()) if m.end - 1 == t.i
                                 and self.kb.entity(m.key).kind in ("country", "seat") and self.kb.entity(m.key).country]
                        here = _clause_countries(head, named)
                        if len(here) == 1:
                            country = here.pop()
                            code = f"{country}CVL"
                    entity = Entity(key=f"unlisted:{ent.text}", kind="person", name=ent.text, country=country,
                                    sector=sector, code=code)
                    surnames[head.text] = entity
                    if len(ent) > 1:
                        first_names.setdefault(ent[0].text, entity)
                    out.append(_Found(ent.start, ent.end, entity, "name-unlisted"))
                continue
            sector = self._role_for(title[-1].lower_)[1] or "GOV"
            cues = [(m, self.kb.entity(m.key).country) for t in doc[left : ent.start] for m in by_token.get(t.i, ())
                    if self.kb.entity(m.key).kind in COUNTRY_LIKE and self.kb.entity(m.key).country]
            title_place = _title_place(doc, left, title[0].i)
            org = self._org_cue(doc, left, ent.start, by_token) if not cues else None
            if org is not None:  # "Taliban spokesman Zabihullah Mujahid" speaks for the Taliban
                org_entity = self.kb.entity(org.key)
                consumed.add((org.start, org.end))
                country, sector, code = org_entity.country, org_entity.sector, org_entity.code
            elif cues:
                match, country = cues[0]
                consumed.add((match.start, match.end))
                code = f"{country}{sector}"
            elif title_place is not None:  # "Tamil Nadu Chief Minister J Jayalalithaa"
                country, code = title_place, f"{title_place}{sector}"
            elif _us_party_tag(doc, ent.end):  # "Mayor Bill de Blasio (D)"
                country, code = "USA", f"USA{sector}"
            else:
                # A role, no country in the title: the one country the clause names, if one
                # ("Russian police detained supporters of opposition leader Alexei Navalny").
                named = [(doc[m.end - 1], self.kb.entity(m.key).country) for t in ent.sent
                         for m in by_token.get(t.i, ()) if m.end - 1 == t.i and not (left <= t.i < ent.end)
                         and self.kb.entity(m.key).kind in ("country", "seat") and self.kb.entity(m.key).country]
                here = _clause_countries(head, named) - _diplomat_subject_countries(head, named)
                country = here.pop() if len(here) == 1 else None
                code = f"{country}{sector}" if country else sector
            entity = Entity(key=f"unlisted:{ent.text}", kind="person", name=ent.text, country=country,
                            sector=sector, code=code)
            if len(ent) > 1:
                surnames[head.text] = entity
                first_names.setdefault(ent[0].text, entity)
            start = left
            while start < ent.start and doc[start].dep_ == "det":
                start += 1
            out.append(_Found(start, ent.end, entity, "name-title"))
        # Later surnames the entity recognizer missed ("de Blasio said").
        taken = covered | {i for f in out for i in range(f.start, f.end)}
        for tok in doc:
            entity = surnames.get(tok.text)
            if entity is None or tok.i in taken or not (tok.pos_ == "PROPN" or tok.text[:1].isupper()):
                continue
            start = tok.i
            while start > 0 and doc[start - 1].text[:1].islower() and entity.name.endswith(
                    doc[start - 1 : tok.i + 1].text) and doc[start - 1].i not in taken:
                start -= 1  # particles of the name: "de", "van", "al-"
            if start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].i not in taken:
                continue  # part of some other name
            out.append(_Found(start, tok.i + 1, entity, "surname"))
        return out

    def _groups_of_plural(self, tok: Any, picked: list[_Found], covered: set[int]) -> list[_Found]:
        """"top officials from both countries": the officials of each of the two countries."""
        prep = tok.head
        if tok.dep_ != "pobj" or prep.lower_ not in ("from", "of"):
            return []
        head = prep.head
        if head.i in covered or head.pos_ != "NOUN":
            return []
        hit = self._role_for(head.lower_) or self._role_for(head.lemma_.lower())
        if hit is None:
            return []
        start = _np_left(head)
        return [self._group(start, head.i + 1, f.entity.country, hit[1])
                for f in picked if f.entity.country]

    def _context_groups(self, pending: list[tuple[Any, int, str | None, bool]], found: list[_Found]) -> list[_Found]:
        out: list[_Found] = []
        covered = {i for f in found for i in range(f.start, f.end)}
        for head, left, sector, may_take_country in pending:
            if head.i in covered:
                continue
            if not may_take_country:
                country = self._community_country(head, found)
                if country is not None:
                    out.append(self._group(left, head.i + 1, country, sector))
                    continue
                entity = Entity(key=f"group:{sector}", kind="group", name=None, country=None,  # type: ignore[arg-type]
                                sector=sector, code=sector)
                out.append(_Found(left, head.i + 1, entity, "role-group", code=sector, sector=sector, country=None,
                                  placeless=True))
                continue
            sent = head.sent
            # Countries the sentence names, its office holders' included ("President Temer").
            here = [f for f in found if sent.start <= f.start < sent.end and (f.country or f.entity.country)
                    and f.how != "modifier"]  # "a Turkish ship" does not place "the army"
            named = [(head.doc[f.end - 1], f.country or f.entity.country) for f in here
                     if f.entity.kind in ("country", "seat", "person")]
            if not named:  # else a national organisation: "The Welsh Government said ... most pupils"
                named = [(head.doc[f.end - 1], f.country or f.entity.country) for f in here if f.entity.kind == "org"]
            countries = _clause_countries(head, named)
            if len(countries) == 1:
                out.append(self._group(left, head.i + 1, countries.pop(), sector))
            elif sector and not any(c.dep_ in ("nummod", "quantmod") for c in head.lefts) and (
                    head.dep_ in ("nsubj", "nsubjpass") or (
                    head.dep_ in ("dobj", "pobj", "ROOT", "appos", "conj")
                    and (head.tag_ in ("NNS", "NNPS") or any(c.lower_ == "the" for c in head.lefts)))):
                # "rebels", "troops attacked rebels": an actor of known kind, country unknown.
                entity = Entity(key=f"group:{sector}", kind="group", name=None, country=None,  # type: ignore[arg-type]
                                sector=sector, code=sector)
                out.append(_Found(left, head.i + 1, entity, "role-group", code=sector, sector=sector, country=None))
        return out

    def _movements(self, doc: Any, found: list[_Found]) -> list[_Found]:
        """Adherents of a movement, named as a people ("former rebel Maoists", tagged NORP) and
        marked by a role word that gives their sector, coordinated with an actor of a country
        ("Nepal's government and former rebel Maoists"): a group of that country."""
        covered = {i for f in found for i in range(f.start, f.end)}
        out: list[_Found] = []
        for tok in doc:
            if tok.i in covered or tok.dep_ != "conj" or tok.pos_ != "PROPN" or tok.ent_type_ != "NORP" \
                    or tok.tag_ not in ("NNPS", "NNS") and not tok.text.endswith("s"):
                continue
            sector = next((hit[1] for c in tok.lefts if c.dep_ in ("compound", "amod")
                           for hit in [self._role_for(c.lower_)] if hit and hit[1]), None)
            if sector is None:
                continue
            partner = tok.head
            country = next((f.country or f.entity.country for f in found if f.start <= partner.i < f.end
                            and (f.country or f.entity.country)), None)
            if country is not None:
                out.append(self._group(_np_left(tok), tok.i + 1, country, sector))
        return out

    def _community_country(self, head: Any, found: list[_Found]) -> str | None:
        """The country of a group named by its community ("Rohingya insurgents", "top Kurdish
        officials"), which no nationality fixes: the country of the actor it is coordinated
        with ("KRG President Masoud Barzani and top Kurdish officials"), else of the place its
        clause's event happens in ("... ambushed a military vehicle in Myanmar's Rakhine State").
        A group marked as foreign ("foreign journalists") has none."""
        if not any(_names_community(c) for c in head.lefts):
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
            country = _place_country(node)
            if country is not None:
                return country
        return None

    def _apposition(self, head: Any, found: list[_Found], by_token) -> tuple[str | None, str | None, str] | None:
        """(country, sector, code) from "Name, the <country/organisation> <role>"."""
        for appos in head.children:
            if appos.dep_ != "appos":
                continue
            for f in found:
                if f.start <= appos.i < f.end:
                    entity = f.entity
                    code = f.code or entity.code
                    country = f.country if f.country is not None else entity.country
                    return country, f.sector or entity.sector, code
            left = _np_left(appos)
            org = self._org_cue(appos.doc, left, appos.i, by_token)
            if org is not None:
                entity = self.kb.entity(org.key)
                return entity.country, entity.sector, entity.code
            # "resident fellow at the American Enterprise Institute": a country in the apposition
            hit = self._role_for(appos.lower_) or self._role_for(appos.lemma_.lower())
            sector = (hit[1] if hit else None) or "CVL"
            for t in appos.subtree:
                for m in by_token.get(t.i, ()):
                    entity = self.kb.entity(m.key)
                    if entity.kind in COUNTRY_LIKE and entity.country:
                        return entity.country, sector, f"{entity.country}{sector}"
        return None

    def _organisations(self, doc: Any, found: list[_Found], by_token, placeless: bool = False) -> list[_Found]:
        """Organisations the knowledge base does not list but whose name says where they are
        from ("the Hungarian Civil Liberties Union", "the California Farm Bureau Federation") or
        what they are ("the investigative website Bellingcat", "the Migration Policy Institute":
        no country unless the text gives one). With `placeless`, after the sentence has had its
        chance to place them, the ones that stay without a country."""
        covered = {i for f in found for i in range(f.start, f.end)}
        out: list[_Found] = []
        for ent in doc.ents:
            if ent.label_ != "ORG" or any(i in covered for i in range(ent.start, ent.end)):
                continue
            country = None
            for t in ent:
                for m in by_token.get(t.i, ()):
                    entity = self.kb.entity(m.key)
                    if entity.kind in COUNTRY_LIKE and entity.country:
                        country = entity.country
                        break
                if country is None and t.pos_ == "PROPN" and t.ent_iob_ == "I" or (country is None and t.i == ent.start):
                    hit = geocode(t.text) if t.text[:1].isupper() else None
                    # a country or US state (no point), or a city big enough to be meant by name
                    if hit is not None and hit.country and (hit.population >= 100_000 or hit.lat is None):
                        country = hit.country
                if country:
                    break
            hit = self._role_for(ent[-1].lower_) or self._role_for(ent[-1].lemma_.lower())
            sector = hit[1] if hit and hit[1] else None
            kind = coref.organisation_kind(doc, ent.start, ent.end)
            if country is None and kind is None:
                continue  # nothing says where it is from or what it is
            if country is None and kind[1] is not None:
                # "Sentry, a British monitoring group": the country its description names
                named = {self.kb.entity(m.key).country for t in kind[1].subtree if not ent.start <= t.i < ent.end
                         for m in by_token.get(t.i, ()) if self.kb.entity(m.key).kind in COUNTRY_LIKE}
                named.discard(None)
                country = named.pop() if len(named) == 1 else None
            if country is None and not placeless:
                continue  # the sentence may still place it (_placed_organisations), else the pass below
            if sector is None and kind is not None:
                sector = kind[0]
            code = f"{country or ''}{sector or ''}"
            start = ent.start + (1 if ent[0].lower_ == "the" else 0)
            name = doc[start:ent.end].text
            entity = Entity(key=f"unlisted-org:{name}", kind="org", name=name, country=country,
                            sector=sector, code=code)
            out.append(_Found(start, ent.end, entity, "org-named"))
        return out

    def _placed_organisations(self, doc: Any, found: list[_Found]) -> list[_Found]:
        """An organisation the knowledge base does not know, acting as a subject in a sentence that
        places it in one country ("The FLN has claimed attacks in Rwanda's Southern Province")."""
        covered = {i for f in found for i in range(f.start, f.end)}
        out: list[_Found] = []
        for ent in doc.ents:
            if ent.label_ != "ORG" or len(ent) > 4 or any(i in covered for i in range(ent.start, ent.end)):
                continue
            if ent.root.dep_ not in ("nsubj", "nsubjpass"):
                continue
            sent = ent.sent
            places = {f.entity.country for f in found if sent.start <= f.start < sent.end and f.entity.kind == "country"
                      and f.how in ("name", "place") and f.entity.country and _is_location(doc[f.end - 1])}
            if len(places) != 1:
                continue
            country = places.pop()
            entity = Entity(key=f"unlisted-org:{ent.text}", kind="org", name=ent.text, country=country,
                            sector=None, code=country)
            start = ent.start + (1 if ent[0].lower_ == "the" else 0)
            out.append(_Found(start, ent.end, entity, "org-placed"))
        return out

    def _locate_transnational(self, doc: Any, found: list[_Found]) -> None:
        """A transnational armed group (CAMEO IMG: Islamic State, al-Qaeda) is placed where the
        sentence puts it: the one country of the places named in its clause, else in its sentence
        ("IS targets in Syria's Hama province"), else of the actors its clause names ("Iraqi
        troops launched an assault on the last ISIS bastion"); with none it keeps no country."""
        for f in found:
            code = f.code or f.entity.code
            if f.entity.kind != "org" or not code.startswith("IMG") or f.country:
                continue
            sent = doc[f.start].sent
            here = [g for g in found if sent.start <= g.start < sent.end and g is not f
                    and g.entity.kind in ("country", "seat", "person", "group") and (g.country or g.entity.country)
                    and g.how != "modifier"]
            places = [(doc[g.end - 1], g.entity.country) for g in here
                      if g.how in ("name", "place") and g.entity.kind == "country" and _is_location(doc[g.end - 1])]
            countries = _same_clause_countries(doc[f.end - 1], places)
            if len(countries) != 1:
                countries = {c for _, c in places}
            if not countries:  # no place named: the actors of its clause ("Iraqi troops ... ISIS")
                named = [(doc[g.end - 1], g.country or g.entity.country) for g in here]
                countries = _same_clause_countries(doc[f.end - 1], named)
            if len(countries) == 1:
                country = countries.pop()
                try:
                    cameo = self.kb.country_info(country)["cameo"]
                except KeyError:  # a region code, not a country
                    continue
                f.country, f.code = country, cameo + code

    def _placed_subjects(self, doc: Any, found: list[_Found]) -> list[_Found]:
        """A subject that is no actor noun but is placed by its phrase acts for that place's
        country: "a car bomb in Kiev killed ...", "clashes in Yerevan left ..."."""
        covered = {i for f in found for i in range(f.start, f.end)}
        out: list[_Found] = []
        for tok in doc:
            if tok.pos_ != "NOUN" or tok.dep_ not in ("nsubj", "nsubjpass") or tok.i in covered:
                continue
            left = _np_left(tok)
            if any(i in covered for i in range(left, tok.i + 1)) or self._role_at(doc, tok)[0]:
                continue
            country = _place_country(tok)
            if country is None:
                continue
            try:
                entity = self.kb.entity(f"country:{country}")
            except KeyError:
                continue
            out.append(_Found(left, tok.i + 1, entity, "placed"))
        return out

    def _marked_things(self, doc: Any, modifiers: list[AliasMatch], found: list[_Found]) -> list[_Found]:
        """Unnamed people and things a nationality adjective marks: "a Lebanese man", "Croatian
        experts", "the detained American vessels", "Iranian motives" stand for (or belong to)
        that country, like "X's decision" does; the whole noun phrase is the mention."""
        covered = {i for f in found for i in range(f.start, f.end)}
        out: list[_Found] = []
        for m in modifiers:
            entity = self.kb.entity(m.key)
            if entity.kind not in COUNTRY_LIKE or not entity.country:
                continue
            head = doc[m.end - 1].head
            while head.dep_ == "compound" and head.head.i > head.i and head.head.pos_ in ("NOUN", "PROPN"):
                head = head.head  # "Turkish cargo ship"
            if head.i < m.end or head.pos_ != "NOUN" or head.i in covered:
                continue
            if any(c.dep_ == "poss" for c in head.lefts):
                continue  # "his South African mission" is his, wherever it goes
            if any(doc[i].ent_type_ in ("ORG", "FAC", "WORK_OF_ART", "EVENT", "LAW", "LANGUAGE")
                   for i in range(m.start, head.i + 1)):
                continue  # part of a name the organisation pass owns, or not an actor at all
            start = min(_np_left(head), m.start)
            out.append(_Found(start, head.i + 1, entity, "modifier"))
            covered.update(range(start, head.i + 1))
        return out

    def _places(self, doc: Any, found: list[_Found]) -> list[_Found]:
        """Places the knowledge base does not name as actors stand for their country."""
        covered = {i for f in found for i in range(f.start, f.end)}
        out: list[_Found] = []
        for ent in doc.ents:
            if ent.label_ not in ("GPE", "LOC", "ORG") and not _the_place(ent) or any(
                    i in covered for i in range(ent.start, ent.end)):
                continue
            if _is_dateline(doc, ent.start, ent.end) or _is_backer(doc, ent.end):
                continue
            # An "organisation" whose whole name is a region is that region ("South Ossetia").
            hit = geocode(ent.text) if ent.label_ in ("GPE", "LOC") else region(ent.text)
            if hit is None or not hit.country:
                continue
            try:
                entity = self.kb.entity(f"country:{hit.country}")
            except KeyError:
                continue
            start = ent.start + (1 if ent[0].lower_ == "the" else 0)
            out.append(_Found(start, ent.end, entity, "place"))
        taken = covered | {i for f in out for i in range(f.start, f.end)}
        for tok in doc:  # "Somali regions": a region by its name and the word "region"
            for start, end, hit in _named_regions(tok):
                if any(i in taken for i in range(start, end)):
                    continue
                try:
                    entity = self.kb.entity(f"country:{hit.country}")
                except KeyError:
                    continue
                out.append(_Found(start, end, entity, "place"))
        return out

    def _org_cue(self, doc: Any, left: int, role_start: int, by_token) -> AliasMatch | None:
        for t in doc[left:role_start]:
            for m in by_token.get(t.i, ()):
                if self.kb.entity(m.key).kind in ("org", "igo", "media") and m.end <= role_start:
                    return m
        return None

    def _prepositional_org(self, head: Any, by_token) -> AliasMatch | None:
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "from", "at"):
                for pobj in prep.children:
                    for m in by_token.get(pobj.i, ()):
                        if self.kb.entity(m.key).kind in ("org", "igo", "media"):
                            return m
        return None

    def _prepositional_cues(self, head: Any, by_token: dict[int, list[AliasMatch]],
                            depth: int = 0) -> list[tuple[AliasMatch, str]]:
        cues: list[tuple[AliasMatch, str]] = []
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("from", "of"):
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                for t in [pobj, *pobj.conjuncts]:
                    for m in by_token.get(t.i, ()):
                        entity = self.kb.entity(m.key)
                        if entity.kind in COUNTRY_LIKE and entity.country and m.end - 1 == t.i:
                            cues.append((m, entity.country))
                if not cues and depth == 0 and pobj.pos_ in ("NOUN", "PROPN") and self._role_for(pobj.lower_) is None:
                    # "the Ministry of Health of Ethiopia": the country after the ministry's field
                    cues = self._prepositional_cues(pobj, by_token, depth + 1)
        return cues

    def _title_start(self, doc: Any, m: AliasMatch, by_token: dict[int, list[AliasMatch]]) -> int:
        """Extend a person's name leftwards over a title and its country ("Russia's President")."""
        head = doc[m.end - 1]
        if head.i != m.end - 1 or head.dep_ == "compound":
            return m.start
        left = _np_left(head)
        if left >= m.start:
            return m.start
        has_title = any(
            self._role_for(t.lower_) is not None for t in doc[left : m.start] if t.pos_ in ("NOUN", "PROPN")
        )
        if not has_title:
            return m.start
        while left < m.start and doc[left].dep_ == "det":
            left += 1
        return left

    def _references(self, doc: Any, found: list[_Found]) -> list[_Found]:
        """Plurals and pronouns that point back to actors already resolved."""
        extra: list[_Found] = []
        covered = {i for f in found for i in range(f.start, f.end)}
        quote_depth = quoted_tokens(doc)
        anaphora = _anaphora()
        gender = coref.initial_genders(doc, found)
        links: dict[int, str] = {}  # pronoun resolved to an unnamed person -> who that person is
        for tok in doc:
            if tok.i in covered:
                continue
            prior = [f for f in found if f.end <= tok.i]
            low = tok.lower_
            if tok.pos_ == "PRON" and low == "it" and tok.dep_ == "nsubj" and not quote_depth[tok.i] \
                    and (tok.head.morph.get("VerbForm") != ["Inf"] or any(c.dep_ == "aux" and c.tag_ == "MD" for c in tok.head.children)) \
                    and not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.head.children) \
                    and not _pleonastic(tok):
                # "China engages with the body even as it has objected": a finite clause's "it"
                # is the nearest subject that is a country or organisation.
                # An "it" already resolved counts too: "Bellingcat says … It adds … it suggests".
                chain = sorted(prior + [f for f in extra if f.how == "pronoun" and f.end <= tok.i],
                               key=lambda f: f.start)
                antecedent = _salient_subject(doc, tok, chain, ("country", "igo", "org", "seat"))
                if antecedent is not None:
                    extra.append(_Found(tok.i, tok.i + 1, antecedent.entity, "pronoun",
                                        code=antecedent.code, sector=antecedent.sector))
                continue
            if tok.pos_ == "NOUN" and tok.lemma_.lower() in (anaphora["igo"] | anaphora["country"]) \
                    and _definite_description(tok):
                kinds = ("igo", "org") if tok.lemma_.lower() in anaphora["igo"] else ("country",)
                previous = [f for f in prior if f.entity.kind in kinds and f.how != "role-group"]
                if previous:
                    start = min([c.i for c in tok.lefts] + [tok.i])
                    extra.append(_Found(start, tok.i + 1, previous[-1].entity, "definite"))
                continue
            if tok.pos_ == "NOUN" and tok.lemma_.lower() in anaphora["allies"] and anaphora["allies_region"]:
                owner = [f for f in found if f.entity.kind == "country" and f.start < tok.i and
                         any(doc[i].head.i == tok.i for i in range(f.start, f.end))]
                region = anaphora["allies_region"]
                if owner and owner[-1].entity.country in self.kb.region_members(region):
                    try:
                        entity = self.kb.entity(f"region:{region}")
                    except KeyError:
                        entity = None
                    if entity is not None:  # "US allies": Western governments
                        extra.append(_Found(owner[-1].start, tok.i + 1, entity, "allies"))
                continue
            if tok.pos_ == "PRON" and low in PERSON_PRONOUNS and not quote_depth[tok.i]:
                if tok.dep_ == "poss":
                    continue
                wanted = "f" if low in ("she", "her") else "m"
                # Someone already called "she" is not "he": keep pronouns consistent per person.
                # Names inside quotation marks are what a speaker talks about, not who "he" is
                # in the narrative ("“... Gerry Adams ...,” he said"). Pronouns already resolved
                # count as mentions of their person.
                earlier = sorted([f for f in found if f.end <= tok.i] + extra, key=lambda f: f.start)
                following = [f for f in found if f.start > tok.i and f.start < tok.sent.end]
                person = coref.resolve_pronoun(doc, tok, earlier, gender, wanted, quote_depth, links, following)
                if person is not None:
                    key = coref.person_key(doc, person, links)
                    gender[key] = wanted
                    if person.entity.kind == "person":
                        extra.append(_Found(tok.i, tok.i + 1, person.entity, "pronoun", role=person.role))
                    else:  # an unnamed person: "the friend said ... he told the BBC"
                        extra.append(_Found(tok.i, tok.i + 1, person.entity, "role-group", code=person.code,
                                            sector=person.sector, country=person.country))
                        links[id(extra[-1])] = key
                continue
            if tok.pos_ in ("NOUN", "PROPN") and (
                low in PLURAL_PERSON_NOUNS or low in PLURAL_COUNTRY_NOUNS
            ):
                dets = [c for c in tok.lefts if c.lower_ in PLURAL_DETERMINERS]
                if not dets:
                    continue
                start = min(c.i for c in tok.lefts)
                want_person = low in PLURAL_PERSON_NOUNS
                picked = _salient_pair(doc, tok, prior, want_person, self.kb)
                for f in picked:
                    if want_person:
                        extra.append(_Found(start, tok.i + 1, f.entity, "plural", role=f.role))
                    else:
                        extra.append(_Found(start, tok.i + 1, f.entity, "plural"))
                if picked and not want_person:
                    extra.extend(self._groups_of_plural(tok, picked, covered))
        return extra

    # ------------------------------------------------------------- records
    def _actor(self, f: _Found, on: dt.date, text: str, span: tuple[int, int]) -> Actor:
        entity = f.entity
        code = f.code or entity.code
        country = f.country if f.country is not None else entity.country
        if entity.kind == "person" and f.code is not None and f.how == "name":
            country = f.country  # acting for an organisation: its country, none for an IGO
        sector = f.sector if f.sector is not None else entity.sector
        name = f.name if f.code is not None and f.name is None and entity.kind == "group" else entity.name
        if entity.kind == "person" and not entity.key.startswith("unlisted:") and f.code is None:
            code = self.kb.person_code(entity.key, on)
            country = self.kb.code_country(code)
            sector = entity.sector if code == entity.code else (code[len(country or ""):][:3] or None)
        if entity.kind == "group":
            name = None
        key = entity.key
        if f.how == "role-group":
            name, key = None, f"group:{code}"
        elif f.how in UNNAMED_OF_COUNTRY:
            # "one elderly witness in Kabul", "a Lebanese man": of the country, not the country
            # itself, so no name, and no coreference with the country's own mentions.
            name, key = None, f"{f.how}:{code}:{f.start}"
        return Actor(text=text, span=span, name=name, code=code, country=country, sector=sector,
                     key=key, role=f.role)

    def _to_mentions(self, document: Document, found: list[_Found], sent_of: list[int]) -> list[Mention]:
        doc = document.doc
        on = _parse_date(document.article.date)
        mentions: list[Mention] = []
        last_naming: dict[str, tuple[str, tuple[int, int]]] = {}
        for f in found:
            span_obj = doc[f.start : f.end]
            text = span_obj.text
            span = (span_obj.start_char, span_obj.end_char)
            key = f.entity.key if f.how != "role-group" else f"group:{f.code}"
            if f.how in ("pronoun", "plural") and key in last_naming:
                actor_text, actor_span = last_naming[key]
            else:
                actor_text, actor_span = text, span
                last_naming[key] = (text, span)
            actor = self._actor(f, on, actor_text, actor_span)
            mentions.append(
                Mention(
                    article_id=document.id,
                    text=text,
                    span=span,
                    actor=actor,
                    sentence=sent_of[f.start],
                    how=f.how,
                    tokens=(f.start, f.end),
                )
            )
        return mentions


# ----------------------------------------------------------------- helpers
def _sentence_index(doc: Any) -> list[int]:
    out = [0] * len(doc)
    for n, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            out[i] = n
    return out


def _np_left(head: Any) -> int:
    left = head.i
    for child in head.lefts:
        if child.dep_ in NP_LEFT_DEPS:
            if any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
                continue  # a misparsed clause ("police ... detained supporters"), not a modifier
            if child.lower_ in ("free", "loose") and child.i > 0 and child.doc[child.i - 1].lemma_ in ("let", "set", "cut"):
                continue  # "Yemen let free activists": the verb's particle, parsed as an adjective
            left = min(left, child.left_edge.i)
    return left


US_PARTY_LETTERS = {"D", "R", "I"}


def _us_party_tag(doc: Any, i: int) -> bool:
    """US news marks politicians with their party and state: "(D-Mich.)", "(R)", "(D - N.Y.)"."""
    if i >= len(doc) or doc[i].text != "(" or i + 2 >= len(doc):
        return False
    letter = doc[i + 1].text
    if letter.startswith(("D-", "R-", "I-")):
        return True
    return letter in US_PARTY_LETTERS and doc[i + 2].text in (")", "-", "–")


def _clause_countries(tok: Any, named: list[tuple[Any, str]]) -> set[str]:
    """The countries a sentence names, narrowed to `tok`'s own clause when there are several."""
    countries = {c for _, c in named}
    if len(countries) > 1:
        verb = _clause_verb(tok)
        countries = {c for t, c in named if verb is not None and getattr(_clause_verb(t), "i", -1) == verb.i}
    return countries


def _diplomat_subject_countries(tok: Any, named: list[tuple[Any, str]]) -> set[str]:
    """The country of a diplomat who is the subject of `tok`'s clause while `tok` is not: a
    representative's counterparts are not of the representative's country."""
    verb = _clause_verb(tok)
    if verb is None:
        return set()
    diplomats = _anaphora()["diplomats"]
    out: set[str] = set()
    for subj in verb.children:
        if subj.dep_ not in ("nsubj", "nsubjpass") or tok in subj.subtree:
            continue
        words = list(subj.subtree)
        if any(w.lemma_.lower() in diplomats or w.lower_ in diplomats for w in words):
            out |= {c for t, c in named if t in words}
    return out


def _same_clause_countries(tok: Any, named: list[tuple[Any, str]]) -> set[str]:
    """The countries named in `tok`'s own clause."""
    verb = _clause_verb(tok)
    return {c for t, c in named if verb is not None and getattr(_clause_verb(t), "i", -1) == verb.i}


LOCATIVE_PREPOSITIONS = {"in", "at", "near", "inside", "across", "throughout", "around", "for", "into", "within", "of"}


def _is_location(tok: Any) -> bool:
    """A place named as where something is ("in Syria's Hama province", "for northern
    Afghanistan"), not as an actor ("U.S. military airstrikes")."""
    node = tok
    while node.dep_ in ("compound", "poss", "amod", "case", "conj") and node.head.i != node.i:
        node = node.head  # "in Iraq and Syria": both are places
    return node.dep_ == "pobj" and node.head.lower_ in LOCATIVE_PREPOSITIONS


def _clause_verb(tok: Any) -> Any | None:
    node = tok
    for _ in range(10):
        if node.pos_ in ("VERB", "AUX") and node.i != tok.i:
            return node
        if node.head.i == node.i:
            return node
        node = node.head
    return None


def _acronyms_introduced(doc: Any, found: list[_Found]) -> list[_Found]:
    """"The Nigerian Air Force (NAF) ... NAF said": an acronym given in parentheses after a
    mention names the same actor there and later in the article, whatever else it could mean."""
    introduced: dict[str, _Found] = {}
    for f in sorted(found, key=lambda f: (f.start, -f.end)):
        i = f.end
        if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")" and doc[i + 1].text.isupper() \
                and len(doc[i + 1].text) >= 2 and doc[i + 1].text not in introduced and doc[i + 1].is_alpha:
            if f.entity.kind == "person":
                continue
            introduced[doc[i + 1].text] = f
    if not introduced:
        return found
    out: list[_Found] = []
    for f in found:
        word = doc[f.start].text if f.end - f.start == 1 else None
        source = introduced.get(word) if word else None
        if source is not None and f.start > source.start and f.entity.key != source.entity.key:
            continue  # replaced below
        out.append(f)
    taken = {i for f in out for i in range(f.start, f.end)}
    for tok in doc:
        source = introduced.get(tok.text)
        if source is None or tok.i <= source.end or tok.i in taken:
            continue
        how = "role-group" if source.how == "role-group" else "acronym"  # an unnamed group stays unnamed
        out.append(_Found(tok.i, tok.i + 1, source.entity, how, code=source.code, sector=source.sector,
                          country=source.country, name=source.name, role=source.role))
    return out


def _the_place(ent: Any) -> bool:
    """A one-word "person" after "the" that is a region's name is that region ("the Farah")."""
    doc = ent.doc
    return ent.label_ == "PERSON" and len(ent) == 1 and ent.start > 0 and doc[ent.start - 1].lower_ == "the" \
        and region(ent.text) is not None


def _is_possessor(doc: Any, end: int) -> bool:
    """Whether the name ending before token `end` is a possessor ("the UN's", "The United Nations'")."""
    last = doc[end - 1]
    return last.dep_ == "poss" or (end < len(doc) and doc[end].tag_ == "POS")


def _is_backer(doc: Any, end: int) -> bool:
    """The name ending before `end` is the backer in "X-backed ...", not an actor of its own."""
    return end + 1 < len(doc) and doc[end].text in ("-", "–") and doc[end + 1].lower_ in BACKER_WORDS


def _inside_feature_name(doc: Any, start: int, end: int) -> bool:
    """A country's name inside the name of a sea, gulf, river... ("the South China Sea")."""
    ent = next((e for e in doc.ents if e.start <= start < e.end), None)
    if ent is None or ent.label_ not in ("LOC", "GPE", "FAC") or (ent.start == start and ent.end == end):
        return False
    return any(t.lower_ in FEATURE_WORDS for t in ent if not (start <= t.i < end))


def _title_place(doc: Any, left: int, title_start: int) -> str | None:
    """The country of a place named in front of a title ("Tamil Nadu Chief Minister")."""
    words = [t for t in doc[left:title_start] if t.pos_ == "PROPN" or t.text[:1].isupper()]
    words = [t for t in words if t.lower_ not in ("the", "a", "an")]
    for end in range(len(words), 0, -1):  # "Tamil Nadu Chief": the place is the longest prefix
        hit = geocode(" ".join(t.text for t in words[:end]))
        if hit is not None and hit.country:
            return hit.country
    return None


def _inside_longer_person(doc: Any, start: int, end: int) -> bool:
    ent = next((e for e in doc.ents if e.start <= start < e.end), None)
    return ent is not None and ent.label_ == "PERSON" and (ent.start < start or ent.end > end)


GROUP_DETERMINERS = {"the", "other", "these", "those", "most", "many", "some", "several", "all"}


def _bare_or_definite(head: Any) -> bool:
    """"police", "the authorities", "other rights activists", "the protesting truck drivers",
    "280 child soldiers", "most pupils", "political activists": no indefinite article, possessor
    or adjective that makes the group someone else's ("foreign journalists", anaphora.yaml)."""
    not_local = _anaphora()["not_local"]
    for child in head.lefts:
        if child.dep_ == "det" and child.lower_ not in GROUP_DETERMINERS:
            return False
        if child.dep_ == "amod" and (child.lower_ in not_local or child.lower_ in BACKER_WORDS):
            return False  # "foreign journalists"; "a U.N.-backed government" is not the UN's nor the sentence's
        if child.dep_ in ("predet", "poss") or child.lower_ in PLURAL_DETERMINERS:
            return False  # "the two leaders" stands for actors named before (see _references)
        if _names_community(child):
            return False  # "Jewish leaders": a named community, not the country's government
    return True


def _names_community(child: Any) -> bool:
    """"Jewish leaders", "Hopi households": a modifier naming a community, not a country. A
    stance ("anti-American protesters") names none."""
    if child.dep_ not in ("compound", "amod", "nmod") or not (child.pos_ == "PROPN" or child.ent_type_ == "NORP"):
        return False
    doc = child.doc
    if child.lower_ in STANCE_PREFIXES or child.text in ("-", "–"):
        return False
    return not (child.i >= 2 and doc[child.i - 1].text in ("-", "–") and doc[child.i - 2].lower_ in STANCE_PREFIXES)


def _place_country(head: Any, depth: int = 0) -> str | None:
    """The country of a place the phrase puts `head` in: "police in Lagos", "students at a
    university in Kenya's Garissa town" (through at most two nested prepositions)."""
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "at", "of"):
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                for tok in [pobj, *(c for c in pobj.lefts if c.dep_ in ("poss", "compound"))]:
                    if tok.pos_ != "PROPN":
                        continue
                    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
                    text = ent.text if ent is not None and ent.label_ in ("GPE", "LOC") else None
                    hit = geocode(text) if text else None
                    if hit is None and (ent is None or ent.label_ == "NORP"):
                        hit = region(tok.text)  # "children in Afar": a region named like its people
                    if hit is None:
                        hit = next((h for _, _, h in _named_regions(pobj)), None)
                    if hit is not None and hit.country:
                        return hit.country
                if depth < 2 and pobj.pos_ == "NOUN":
                    found = _place_country(pobj, depth + 1)
                    if found is not None:
                        return found
    return None


REGION_NOUNS = {"region", "province", "state"}


def _named_regions(tok: Any) -> list[tuple[int, int, Any]]:
    """The regions a "<Name> region(s)" phrase names, as (start, end, place): "Somali regions" is
    Ethiopia's Somali Region, "Afar and Somali regions" two of them. The name is looked up with
    the noun, so that a name that is also a nationality adjective is read as the region."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in REGION_NOUNS:
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


def _is_dateline(doc: Any, start: int, end: int) -> bool:
    words = doc[start:end]
    if not all(t.text.isupper() for t in words if t.is_alpha):
        return False
    nxt = doc[end] if end < len(doc) else None
    return nxt is not None and nxt.text in DATELINE_FOLLOWERS and (start == 0 or doc[start - 1].is_space or doc[start].is_sent_start)


def _merge_same_entity(found: list[_Found]) -> list[_Found]:
    """Join a role phrase and the name beside it ("China's President" + "Xi Jinping")."""
    found = sorted(found, key=lambda f: (f.start, f.end))
    out: list[_Found] = []
    for f in found:
        if out:
            prev = out[-1]
            same = prev.entity.key == f.entity.key and prev.how != "role-group" and f.how != "role-group"
            if same and f.start <= prev.end + 0 and f.end >= prev.start:
                prev.start, prev.end = min(prev.start, f.start), max(prev.end, f.end)
                if f.how == "name":
                    prev.how = "name"
                prev.role = prev.role or f.role
                continue
            if same and f.start == prev.end:
                prev.end = f.end
                continue
            if f.start >= prev.start and f.end <= prev.end and f.entity.key == prev.entity.key:
                continue
        out.append(f)
    return out


def _definite_description(tok: Any) -> bool:
    """"the international body", "the country": a determiner "the" and nothing naming it."""
    lefts = list(tok.lefts)
    return bool(lefts) and lefts[0].lower_ == "the" and all(
        c.dep_ in ("det", "amod") and c.pos_ in ("DET", "ADJ") for c in lefts)


PLEONASTIC_VERBS = {"be", "seem", "appear", "emerge", "remain", "become", "happen", "look"}


def _pleonastic(it: Any) -> bool:
    """"it appears that …", "it is possible to …": an "it" that stands for the clause after it
    (Lappin & Leass 1994's pleonastic pronouns) refers to no actor."""
    verb = it.head
    if verb.lemma_.lower() not in PLEONASTIC_VERBS:
        return False
    clauses = [c for c in verb.children if c.dep_ in ("ccomp", "csubj", "xcomp")]
    for c in verb.children:
        if c.dep_ in ("acomp", "attr"):
            clauses += [g for g in c.children if g.dep_ in ("ccomp", "xcomp", "csubj")]
    return any(c.i > it.i for c in clauses)


def _salient_subject(doc: Any, tok: Any, prior: list[_Found], kinds: tuple[str, ...]) -> _Found | None:
    window = _sentences_back(doc, tok, 1)
    for f in reversed(prior):
        if f.start < window:
            break
        head = doc[f.end - 1]
        if f.entity.kind in kinds and head.dep_ in ("nsubj", "nsubjpass") and head.tag_ not in ("NNS", "NNPS"):
            return f  # "it" is singular: never "firefighters", whose entity is their country
    return None


def _salient_pair(doc: Any, tok: Any, prior: list[_Found], want_person: bool, kb: KnowledgeBase) -> list[_Found]:
    """The two actors a plural ("the two leaders", "both countries") most likely stands for.

    Salience is how often an actor was mentioned in the last few sentences, ties going to the
    more recent; for countries, people count for their country ("Xi" for China).
    """
    window_start = _sentences_back(doc, tok, 6)
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
            chosen = _Found(f.start, f.end, country, "name")
        entry = scores.setdefault(key, [0, 0, chosen])
        entry[0] += 1
        entry[1] = order
    ranked = sorted(scores.values(), key=lambda e: (-e[0], -e[1]))
    if len(ranked) < 2:
        return []
    return [e[2] for e in sorted(ranked[:2], key=lambda e: e[1])]


def _sentences_back(doc: Any, tok: Any, n: int) -> int:
    """Token index where the sentence n sentences before `tok`'s begins."""
    starts = [s.start for s in doc.sents if s.start <= tok.i]
    return starts[max(0, len(starts) - 1 - n)]
