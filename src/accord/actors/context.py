"""What the resolver's passes share: the knowledge they look things up in (`Lookups`, one per
stage, the same for every document) and the state of one document's resolution
(`ResolutionContext`, made afresh for each document, so that a stage holds none).

A pass reads the context and adds to or amends `found`, the actor mentions found so far
(`Found`: a token range, the entity it resolves to, how, and the code, sector or country the
phrase gives where they differ from the entity's own).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

from spacy.attrs import POS

from ..analysis.docview import view
from .gazetteer import AliasMatch, Gazetteer
from .kinds import How, Sector
from .knowledge import Entity, KnowledgeBase
from .words import words


def _postpositive_title_words() -> frozenset[str]:
    return words().postpositive_title_words


@dataclass(slots=True)
class Found:
    """One actor mention found in the parse, before it becomes a `Mention` record."""

    start: int  # token index, inclusive
    end: int  # token index, exclusive
    entity: Entity
    how: How
    code: str | None = None  # overrides the entity's code (offices, capitals, role groups)
    sector: str | None = None
    country: str | None = None
    name: str | None = None
    role: str | None = None
    placeless: bool = False  # a group that is no country's ("Jewish leaders", "foreign journalists")
    head: int | None = None  # the phrase's head where it is not the last token ("secretary of state")

    @property
    def last(self) -> int:
        """The head token of the mention: its last token unless the phrase runs past its head."""
        return self.head if self.head is not None else self.end - 1

    @property
    def actor_country(self) -> str | None:
        """The country the mention stands for: the phrase's, else the entity's."""
        return self.country if self.country is not None else self.entity.country


@dataclass(slots=True)
class PendingGroup:
    """An unnamed group noun whose country only its sentence can give, once every name is found
    ("Authorities ease curfew as businesses reopen in Amman")."""

    head: Any  # the noun's token
    left: int  # first token of its phrase
    sector: str | None
    may_take_country: bool  # False for a group named by a community ("Jewish leaders")
    end: int | None = None  # the phrase's end when it runs past the noun ("the secretary of state")
    # "the president": the office the noun names, its holder on the day once the country is known
    role: str | None = None
    match: "RoleMatch | None" = None

    @property
    def stop(self) -> int:
        return self.end if self.end is not None else self.head.i + 1

    @property
    def inner_head(self) -> int | None:
        """The head's index when the phrase runs past it, else None."""
        return self.head.i if self.stop > self.head.i + 1 else None


@dataclass(frozen=True, slots=True)
class RoleMatch:
    """A role phrase in the text: tokens [start, end), the phrase as looked up, and its role and
    sector where they do not depend on the country."""

    start: int
    end: int
    phrase: str
    role: str | None
    sector: str | None


@lru_cache(maxsize=4)
def gazetteer_for(kb: KnowledgeBase) -> Gazetteer:
    import spacy

    # The blank English tokenizer splits like every English pipeline's, so aliases and text agree.
    return Gazetteer(kb.aliases(), spacy.blank("en").tokenizer)


class Lookups:
    """The knowledge base and what is derived from it once per stage: the alias gazetteer and the
    role phrases' look-ups (remembered: the same few nouns are asked about all the time). Nothing
    here depends on a document."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self.gazetteer = gazetteer_for(kb)
        self._roles: dict[str, tuple[str | None, str | None] | None] = {}
        # The last words of all role phrases and agent nouns, to rule most nouns out at once.
        phrases = kb.role_phrases() + sorted(words().organisation_heads)
        self._role_last_words = frozenset({p.split()[-1] for p in phrases if p} | {
            p.split()[-1].rstrip("s") for p in phrases if p})
        self._override_phrases = frozenset(kb.override_phrases())
        self._head_words = words().organisation_heads  # "the UN chief": only with an organisation
        self._refined: dict[tuple[str, str], tuple[str | None, str | None]] = {}

    def role_for(self, phrase: str) -> tuple[str | None, str | None] | None:
        """`KnowledgeBase.role_for`, remembered."""
        try:
            return self._roles[phrase]
        except KeyError:
            hit = self._roles[phrase] = self.kb.role_for(phrase)
            return hit

    def role_at(self, doc: Any, head: Any, of_phrases: bool = True) -> "RoleMatch | None":
        """The longest role phrase ending at `head` ("foreign minister", "president") or running
        from it over an "of" phrase ("minister of foreign affairs", "secretary of state"), or None.
        A phrase only some countries' overrides know ("secretary of state") comes with no role
        and no sector: `refine` gives its meaning once the country is known. `doc`: the Doc or
        its tokens (the words are read on the head's Doc's arrays: `role_at_index`)."""
        return self.role_at_index(head.doc, head.i, of_phrases, head)

    def role_at_index(self, doc: Any, hi: int, of_phrases: bool = True, head: Any = None) -> "RoleMatch | None":
        """`role_at` of the word at position `hi` of the Doc `doc`, read on the Doc's arrays
        (analysis.docview): a Token is made only for a one-word role that is found (`head`, the
        Token, where the caller has it)."""
        v = view(doc)
        lower, lemma = v.lower, v.lemma
        last = lower[hi]
        words = self._role_last_words
        first = max(hi - 2, 0)  # the phrases start at most two words before the head
        of_end = self._of_phrase_end(v, hi) if of_phrases else None
        if of_end is not None:
            for length in (3, 2, 1):
                start = hi - length + 1
                if start < 0:
                    continue
                phrase = " ".join(lower[start:of_end])
                match = self.match(phrase, start, of_end)
                if match is not None:
                    return match
        after = hi + 1
        if after < len(lower) and lower[after] in _postpositive_title_words():
            # "attorneys general", "Attorney General": the office ends after its noun
            for start in (hi - 1, hi):
                if start >= 0:
                    match = self.match(" ".join(lower[start:after + 1]), start, after + 1)
                    if match is not None:
                        return match
        if last not in words and last.rstrip("s") not in words and lemma[hi] not in words:
            return None  # no role phrase ends in this word: skip the span look-ups
        heads = v.head
        for length in (3, 2, 1):
            start = hi - length + 1
            if start < 0:
                continue
            # a word of the phrase hanging on a word before the phrase: no phrase
            if length > 1 and any(heads[k] != hi and heads[k] < start for k in range(start, hi)):
                continue
            phrase = " ".join(lower[start:hi + 1])
            match = self.match(phrase, start, hi + 1)
            if match is None and length == 1:
                match = self.match(lemma[hi], start, hi + 1)
            if match is not None:
                if length > 1:
                    return match
                return self._spokesperson_of_body(doc, head if head is not None else doc[hi], match)
        return None

    def _spokesperson_of_body(self, doc: Any, head: Any, match: "RoleMatch") -> "RoleMatch":
        """"a police spokesman", "a spokeswoman for the army": one who speaks for a body is of the
        body's kind (the agent noun's sector), not a government spokesperson."""
        if head.lower_ not in words().spokesperson_nouns:
            return match
        before = doc[head.i - 1] if head.i > 0 else None
        if before is not None and before.dep_ == "compound" and before.head.i == head.i:
            body = self.role_for(before.lemma_.lower()) or self.role_for(before.lower_)
            if body is not None and body[0] is None and body[1]:
                return RoleMatch(head.i - 1, head.i + 1, f"{before.lower_} {match.phrase}", None, body[1])
        for prep in head.rights:
            if prep.dep_ == "prep" and prep.lower_ == "for":
                for pobj in prep.children:
                    body = self.role_for(pobj.lemma_.lower()) if pobj.dep_ == "pobj" and pobj.pos_ == "NOUN" else None
                    if body is not None and body[0] is None and body[1]:
                        return RoleMatch(match.start, match.end, match.phrase, None, body[1])
        return match

    def match(self, phrase: str, start: int, end: int) -> "RoleMatch | None":
        """The role phrase `phrase` covering tokens [start, end), if it is one."""
        hit = self.role_for(phrase)
        if hit is not None:
            return RoleMatch(start, end, phrase, hit[0], hit[1])
        if phrase in self._override_phrases or phrase in self._head_words:
            return RoleMatch(start, end, phrase, None, None)
        return None

    def _of_phrase_end(self, v: Any, hi: int) -> int | None:
        """The end of "of <words>" right after the role noun at `hi` ("secretary of state",
        "minister of the interior"), if the words are few enough to be part of a title. `v`: the
        Doc's view (analysis.docview)."""
        if hi + 2 >= v.n:
            return None
        of = hi + 1
        if v.lower[of] != "of" or v.head[of] != hi:
            return None
        dep = v.dep
        pobj = next((c for c in v.kids[of] if dep[c] == "pobj"), None)
        if pobj is None or pobj - hi > 4:
            return None
        return pobj + 1

    def refine(self, match: "RoleMatch", place: str) -> tuple[str | None, str | None]:
        """(role, sector) of a role phrase for one country or organisation (its overrides:
        "president" of Iran is the head of government, "secretary of state" of the USA the
        foreign minister)."""
        key = (match.phrase, place)
        try:
            return self._refined[key]
        except KeyError:
            hit = self.kb.role_for(match.phrase, place)
            value = self._refined[key] = (hit[0], hit[1]) if hit is not None else (None, None)
            return value

    def group(self, start: int, end: int, country: str, sector: str | None, head: int | None = None) -> Found:
        """An unnamed group of a country's sector: "US negotiators" -> USAGOV, no person's name."""
        group_sector = sector or Sector.GOV.value
        code = f"{self.kb.country_prefix(country)}{group_sector}"
        try:
            entity = self.kb.entity(f"country:{country}")
        except KeyError:
            entity = Entity(key=f"group:{code}", kind="group", name=None, country=country,  # type: ignore[arg-type]
                            sector=group_sector, code=code)
        return Found(start, end, entity, How.ROLE_GROUP, code=code, sector=group_sector, country=country, head=head)


@dataclass(frozen=True, slots=True)
class _Word:
    """A word of a headline, as the gazetteer reads tokens."""

    text: str


def unplaced_group(start: int, end: int, sector: str, placeless: bool = False, head: int | None = None) -> Found:
    """A group of known kind and no country ("rebels", "a law enforcement official")."""
    entity = Entity(key=f"group:{sector}", kind="group", name=None, country=None,  # type: ignore[arg-type]
                    sector=sector, code=sector)
    return Found(start, end, entity, How.ROLE_GROUP, code=sector, sector=sector, country=None, placeless=placeless,
                 head=head)


@dataclass
class ResolutionContext:
    """One document's resolution: its parse and date, the alias matches, and what the passes
    have found so far."""

    doc: Any
    on: dt.date
    lookups: Lookups
    raw_matches: list[AliasMatch] = field(default_factory=list)  # every alias match of the gazetteer
    matches: list[AliasMatch] = field(default_factory=list)  # the ones accepted as names
    by_token: dict[int, list[AliasMatch]] = field(default_factory=dict)  # accepted matches per token
    # places naming an organisation's place, left to the organisation: "the Tokyo Stock Exchange"
    org_places: list[AliasMatch] = field(default_factory=list)
    consumed: set[tuple[int, int]] = field(default_factory=set)  # matches used as cues of a role phrase
    found: list[Found] = field(default_factory=list)
    pending: list[PendingGroup] = field(default_factory=list)
    # "leaders of the opposition CNRP": a group noun's head -> the token of the organisation's name
    # after its preposition, which a later pass may resolve (passes.groups.OrganisationPeople)
    org_people: dict[int, int] = field(default_factory=dict)
    modifiers: list[AliasMatch] = field(default_factory=list)  # nationality adjectives marking a noun
    person_names: list[tuple[int, int]] = field(default_factory=list)  # names read as a place's ("Khalid Amman")
    text: str | None = None  # the Doc's text, where the caller has it (`Doc.text` is rebuilt token by token)
    title: str | None = None  # the article's headline, where it has one (it says where the story is set)

    _article_country: tuple[str | None] | None = None  # computed once, on first use

    @property
    def kb(self) -> KnowledgeBase:
        return self.lookups.kb

    # Made once per document and shared by the passes: each iteration of a spaCy Doc, each
    # `doc.ents`, builds its Token and Span objects anew.
    @cached_property
    def tokens(self) -> list[Any]:
        """The document's tokens, as `list(doc)`, made on first use only: the default passes scan
        the words on `analysis.docview.view(doc)` and make a Token only of what they keep."""
        return list(self.doc)

    @cached_property
    def pos(self) -> list[int]:
        """Each token's part of speech as a symbol (`spacy.symbols.NOUN`...: what `Token.pos` gives),
        from the Doc's array: the passes that scan every token for a few parts of speech test
        these instead of asking each Token for its `pos_` string."""
        return self.doc.to_array(POS).tolist()

    @cached_property
    def ents(self) -> tuple[Any, ...]:
        """The document's named entities, as `doc.ents`."""
        return self.doc.ents

    @cached_property
    def quoted(self) -> list[bool]:
        """For each token, whether it lies inside quotation marks (`quoted_tokens`)."""
        from ..analysis.quotation import quoted_tokens

        return quoted_tokens(self.doc, self.text)

    def article_country(self) -> str | None:
        """The country the article is about, for phrases that only it can place ("the
        administration", "Senator Gillibrand" in a story set in one country): the country its
        names, nationality adjectives, places and office holders name most (those of the lede
        and of the headline twice), in at least two sentences of the text and half as often again
        as any other; else None (one sentence is no article)."""
        if self._article_country is None:
            self._article_country = (self._count_article_country(),)
        return self._article_country[0]

    def _count_article_country(self) -> str | None:
        from collections import Counter

        from ..places import geocode

        kb, counts = self.kb, Counter()
        v = view(self.doc)  # sentences read on the Doc's arrays (analysis.docview): `Token.sent` builds a Span
        sent_starts, sent_of = v.sent_starts, v.sent_of
        sentences: dict[str, set[int]] = {}
        covered: set[int] = set()
        lede = self._lede_end()
        for m in self.matches:
            entity = kb.entity(m.key)
            if entity.kind == "person":
                if m.key.startswith("unlisted:") and entity.sector == Sector.CVL:
                    # a private person nobody lists is placed by the words around their name (a
                    # country the sentence names, counted already, or a nationality): each naming
                    # of them would count that one word again ("An Australian, Brenton Tarrant"
                    # named ten times in a New Zealand story)
                    continue
                country = kb.code_country(kb.person_code(m.key, self.on)) if not m.key.startswith("unlisted:") \
                    else entity.country
            elif entity.kind in ("country", "seat"):
                country = entity.country
            else:
                continue
            if country and len(country) == 3 and country.isalpha():
                counts[country] += 2 if m.start < lede else 1
                sentences.setdefault(country, set()).add(sent_starts[sent_of[m.start]])
                covered.update(range(m.start, m.end))
        # "Khan" tagged as a place after "Usman Khan": a person's surname names no place
        surnames = {ent[-1].text for ent in self.ents if ent.label_ == "PERSON" and len(ent) > 1}
        for ent in self.ents:
            if ent.label_ in ("GPE", "LOC") and not any(i in covered for i in range(ent.start, ent.end)) \
                    and not (len(ent) == 1 and ent.text in surnames):
                hit = geocode(ent.text)
                if hit is not None and hit.country:
                    counts[hit.country] += 2 if ent.start < lede else 1
                    sentences.setdefault(hit.country, set()).add(sent_starts[sent_of[ent.start]])
        for country in self._headline_countries():
            counts[country] += 2  # "Arrests made in theft of gold toilet in England"
        ranked = counts.most_common(3)
        if len(ranked) > 1:
            territory = self._territory_of_pair(ranked[0][0], ranked[1][0])
            if territory is not None:
                # a story set in Puerto Rico names the United States as its context: the territory
                ranked = [(territory, ranked[0][1]), *ranked[2:]]
        if not ranked or len(sentences[ranked[0][0]]) < 2:
            return None
        if len(ranked) > 1 and ranked[0][1] < 1.5 * ranked[1][1]:
            return None
        return ranked[0][0]

    def _headline_countries(self) -> list[str]:
        """The countries the headline names: countries, capitals and seats of power by the
        gazetteer, and regions ("England", "Oxfordshire") by runs of capitalised words outside
        them (in a headline not written in title case, where a capital marks a name)."""
        import re

        from ..places import region

        title = (self.title or "").strip()
        if not title:
            return []
        words = [_Word(w) for w in re.findall(r"\w+(?:[-'’.]\w+)*\.?|[^\w\s]", title)]
        kb, out = self.kb, []
        covered: set[int] = set()
        for m in self.lookups.gazetteer.find(words):
            entity = kb.entity(m.key)
            if entity.kind in ("country", "seat") and entity.country and len(entity.country) == 3 \
                    and entity.country.isalpha() and m.kind != "surname":
                out.append(entity.country)
                covered.update(range(m.start, m.end))
        alpha = [w.text for w in words if w.text[:1].isalpha()]
        if sum(w[:1].isupper() for w in alpha) * 2 > len(alpha):
            return sorted(set(out))  # "Arrests Made In Theft Of Gold Toilet": no capital marks a name
        run: list[str] = []
        for i, w in enumerate([*words, _Word("")]):
            if i not in covered and i > 0 and w.text[:1].isupper() and w.text[:1].isalpha():
                run.append(w.text)
                continue
            if run:
                hit = region(" ".join(run))
                if hit is not None and hit.country:
                    out.append(hit.country)
                run = []
        return sorted(set(out))

    def _lede_end(self) -> int:
        """The token where the article's lede ends: its first two sentences with words, past a
        dateline of its own ("Wednesday, September 18, 2019"). A story says where it is set there
        ("A Paris court jailed ...", "stolen from Blenheim Palace in Oxfordshire, England"); names
        further down (a quoted newspaper, a politician the story mentions in passing) count once."""
        v = view(self.doc)  # (read on the Doc's arrays: analysis.docview)
        is_alpha, ent_type, starts = v.is_alpha, v.ent_type, v.sent_starts
        seen = 0
        for k, start in enumerate(starts):
            end = starts[k + 1] if k + 1 < len(starts) else v.n
            if any(is_alpha[i] for i in range(start, end)) \
                    and not all(ent_type[i] == "DATE" or not is_alpha[i] for i in range(start, end)):
                seen += 1
                if seen == 2:
                    return end
        return v.n

    def _territory_of_pair(self, a: str, b: str) -> str | None:
        """The one of two countries that is a territory of the other (CAMEO USAPRI of USA), if so."""
        prefix = self.kb.country_prefix
        for territory, sovereign in ((a, b), (b, a)):
            code, parent = prefix(territory), prefix(sovereign)
            if code != territory and len(code) > len(parent) and code.startswith(parent):
                return territory
        return None

    def entity(self, key: str) -> Entity:
        return self.lookups.kb.entity(key)

    def covered(self) -> set[int]:
        """Token indices inside a mention found so far."""
        return {i for f in self.found for i in range(f.start, f.end)}

    def sort(self) -> None:
        self.found.sort(key=lambda f: (f.start, f.end))
