"""Pass 2: role phrases around a role or group noun ("the Chinese president", "Russia's security
chief", "Russian, Ukrainian and US negotiators", "the minister of foreign affairs of Brazil",
"NATO's secretary general", "FDA officials", "leaders from France"), resolved to the office
holder on the date when the role has exactly one, else to the country (or organisation) and
sector. A role's meaning may depend on its country ("the Iranian president" is Iran's head of
government, the Supreme Leader its head of state; "secretary of state" is the US foreign
minister). A role qualified as not the current one ("the former president") names no holder.
Groups whose country only the sentence can give wait in `context.pending` for the
context-groups pass."""

from __future__ import annotations

from typing import Any

from spacy.symbols import NOUN, PROPN

from ...analysis.docview import view
from ..context import Found, PendingGroup, ResolutionContext, RoleMatch
from ..cues import (ORGANISATION_KINDS, SUBNATIONAL_CUES, country_cues, org_cue, prepositional_cues, prepositional_org,
                    prepositional_org_name)
from ..gazetteer import AliasMatch
from ..kinds import STATE_SECTORS, How, Sector
from ..knowledge import Entity
from ..phrases import bare_or_definite, is_possessor, names_community, np_left, place_country
from ..words import words
from .base import Pass

POSSESSIVE_PERSON_PRONOUNS = frozenset({"his", "her"})


class RolePhrases(Pass):
    name = "role-phrases"

    def run(self, context: ResolutionContext) -> None:
        doc, kb, on, lookups = context.doc, context.kb, context.on, context.lookups
        w = words()
        found, consumed = context.found, context.consumed
        inside_titles: set[int] = set()  # the "of" words of a title found ("secretary of state")
        pos = context.pos
        for i in range(len(pos)):
            if (pos[i] != NOUN and pos[i] != PROPN) or i in inside_titles:
                continue
            match = lookups.role_at_index(doc, i)  # a Token made only for a role phrase's head
            if match is not None and match.end > i + 1 and context.by_token.get(i):
                match = lookups.role_at_index(doc, i, of_phrases=False)  # a name: "House of Commons"
            if match is None:
                continue
            head = doc[i]
            if is_stance(head, w.stance_nouns):
                continue
            if any(c.dep_ == "det" and c.lower_ in w.negating_determiners for c in head.lefts):
                # "No U.S. president has visited": nobody, neither the holder nor the country
                left = np_left(head)
                consumed.update((c.start, c.end) for c, _ in country_cues(context, head, left, match.start))
                inside_titles.update(range(head.i + 1, max(match.end, head.i + 1)))
                continue
            if head.lower_ in w.places_of_custody and head.dep_ == "pobj" and head.head.lower_ in w.place_prepositions:
                continue  # "four years in prison": where the man will be, not the prison service
            if head.lower_ in w.court_nouns and _not_a_judging_court(head, w.non_judicial_court_words):
                continue  # "the tennis court", "the court of public opinion": no judiciary
            if head.dep_ == "compound" and head.head.i > head.i and head.head.pos_ == "PROPN":
                continue  # "President" in "President Xi Jinping": the name's phrase handles it
            if _title_of_a_conjoined_name(head):
                continue  # "former archbishop and cardinal Theodore McCarrick": one person, two titles
            if head.dep_ == "compound" and head.head.i > head.i and head.head.pos_ == "NOUN":
                outer = lookups.role_at(doc, head.head)
                if outer is not None and outer.start <= head.i:
                    continue  # "attorney" in "attorney general": the longer title is the role
            end = max(match.end, head.i + 1)
            of_head = head.i if end > head.i + 1 else None  # "the secretary of state": the head is inside
            left = np_left(head)
            if head.dep_ == "compound" and head.head.i > head.i:
                # "an Afghan government offer": "Afghan" modifies the phrase "government offer"
                left = min(left, np_left(head.head))
            if (match.role is not None or not match.sector or match.sector[:3] in STATE_SECTORS) \
                    and _owned_by_a_company(head, w.company_nouns):
                # "the company's chief executive", "the firm's chairman": a business role (BUS),
                # of the country the company's sentence gives, never the government's ("the
                # company's staff" stay its workers)
                inside_titles.update(range(head.i + 1, end))
                context.pending.append(PendingGroup(head, left, Sector.BUS.value, True, end))
                continue
            org_inside = _organisation_in_title(context, left, match, head)
            if org_inside is not None:  # "the European Commission president"
                org, match = org_inside
            else:
                org = org_cue(context, left, match.start)
            role, sector = match.role, match.sector
            field = field_sector(head, match)
            sector = field or sector
            if match.role is None and match.sector is None and org is None:
                # a phrase only some countries give a meaning ("secretary of state"): theirs
                cues = country_cues(context, head, left, match.start) or prepositional_cues(context, head)
                if not cues:
                    continue
            inside_titles.update(range(head.i + 1, end))
            cues = country_cues(context, head, left, match.start)
            from_cues = False
            if org is not None and cues and is_possessor(doc, org.end) and all(org.end <= c.start for c, _ in cues):
                # "The United Nations' Mideast envoy": the possessor owns the role; a country or
                # region after it only says where the role works.
                cues = []
            # "former vice-president of Namibia" parsed as three words beside the name: the
            # office's words written before the role phrase belong to it (not its holder)
            left = written_left(doc, left)
            not_current = _not_current(doc, left, head) or _lesser_office(doc, left, match.start)
            if org is not None and not cues:
                # "NATO's secretary general": the head of an organisation on the date; "FDA
                # officials", "the Taliban spokesman": people of an organisation act for it.
                consumed.add((org.start, org.end))
                found.append(_organisation_role(context, org, match, head, left, end, not_current, of_head))
                continue
            if not cues:
                # "leaders from France, Canada and Finland", "officials of Iran"
                cues = prepositional_cues(context, head)
                from_cues = bool(cues)
                if not cues:
                    org = prepositional_org(context, head)
                    if org is not None:  # "the prosecutor of the ICC", "the president of the European Commission"
                        consumed.add((org.start, org.end))
                        found.append(_organisation_role(context, org, match, head, left, end, not_current,
                                                        of_head, after=True))
                        continue
                    named_org = prepositional_org_name(context, head)
                    if named_org is not None:
                        # "leaders of the opposition CNRP": an organisation's people, once a later
                        # pass resolves its name (the organisation-people pass)
                        context.org_people[head.i] = named_org
            if not cues:
                if role is None and sector is None:
                    continue
                sector = entourage_sector(context, head) or sector  # "his staff": an official's
                owner = pronoun_owner(context, head)
                if isinstance(owner, AliasMatch):  # "NATO agreed to expand its peacekeeping force"
                    found.append(Found(left, end, context.entity(owner.key), How.ROLE_ORG, head=of_head))
                    continue
                # "police in Lagos"; but "Russia strengthened its forces in Crimea": the forces
                # are the pronoun's owner's, wherever they are
                if owner is None and head.lemma_.lower() in w.missions_abroad and not owned_by_pronoun(head) \
                        and place_country(head) is None \
                        and (named := _mission_named_before(doc, head, found, w.missions_abroad)) is not None:
                    # "urged the embassy to reconsider" after "the US Embassy in London": the mission
                    # named before, not one of the country the sentence names
                    found.append(Found(left, end, named.entity, named.how, code=named.code, sector=named.sector,
                                       country=named.country, placeless=named.placeless))
                    continue
                if owner is None and head.lemma_.lower() in w.missions_abroad and not owned_by_pronoun(head) \
                        and place_country(head) is not None:
                    # "the embassy in London": a mission is the sending country's, not its host's
                    context.pending.append(PendingGroup(head, left, sector, False, end))
                    continue
                site = head.head if head.dep_ == "compound" and head.head.i > head.i and role is None and sector \
                    and owner is None and head.head.lemma_.lower() in w.site_nouns else None
                if site is not None:
                    # "attacked an army camp in western Kabul", "a police station in Nigeria": a site
                    # named by the force it belongs to stands for that force, of the country the
                    # site's place phrase, or its verb's when it is the object, puts it in
                    place = place_country(site)
                    if place is None and site.dep_ == "dobj":
                        place = place_country(site.head)
                    if place is not None:
                        found.append(lookups.group(left, site.i + 1, place, sector, None))
                    continue
                in_place = owner if owner is not None or owned_by_pronoun(head) else place_country(head)
                if in_place is not None:
                    found.append(lookups.group(left, end, in_place, sector, of_head))
                elif role is None and head.dep_ not in ("compound", "amod") and bare_or_definite(head, match.start):
                    # "Authorities ease curfew as businesses reopen in Amman": an unnamed group
                    # belongs to the one country its sentence names, if it names exactly one;
                    # "aid agencies" working there are no more its own than its government
                    context.pending.append(PendingGroup(head, left, sector, not _non_governmental(sector), end))
                elif role is None and sector and sector[:3] not in STATE_SECTORS and head.tag_ == "NN" \
                        and head.dep_ in ("dobj", "pobj", "dative") and _one_member(head, w):
                    # "police landed a live round on a protester", "arrested a student": one
                    # member of a group of society is whom the act is done to, of the sentence's
                    # country like the group ("a U.S. envoy", an office's member, stays no one)
                    context.pending.append(PendingGroup(head, left, sector, True, end))
                elif role is None and head.dep_ not in ("compound", "amod") and sector \
                        and bare_or_definite(head, match.start, backed=True):
                    # "surrendered to US - backed forces": a group backed by someone is of known
                    # kind, but neither the backer's nor the sentence's country
                    context.pending.append(PendingGroup(head, left, sector, False, end))
                elif role is not None and not not_current and the_office(head, of_head, match.start):
                    # "The president asked", "a plea to the president": one office of the
                    # country its sentence or the article gives, its holder on the day if one
                    context.pending.append(PendingGroup(head, left, sector, True, end, role=role, match=match))
                elif (head.dep_ in ("nsubj", "nsubjpass") or (
                        head.dep_ == "conj" and head.head.dep_ in ("nsubj", "nsubjpass"))) and sector and not any(
                        c.lower_ in w.plural_determiners or (c.dep_ == "nummod" and head.dep_ != "nsubj")
                        for c in head.lefts):
                    # a counted group acts as a group ("Three thousand employees went on strike");
                    # counted in a passive ("two soldiers were killed") it is a tally of victims
                    # "a law enforcement official said": an actor of known kind, country unknown.
                    someone_elses = any(names_community(c) or (c.dep_ == "amod" and c.lower_ in w.not_local)
                                        for c in head.lefts)
                    context.pending.append(PendingGroup(head, left, sector, not someone_elses, end))
                elif sector and sector[:3] not in STATE_SECTORS and head.dep_ in ("dobj", "pobj", "dative", "conj") \
                        and head.tag_ in ("NNS", "NNPS") and any(names_community(c) or (c.dep_ == "amod" and c.lower_ in w.not_local)
                                for c in head.lefts):
                    # "will not accept Rohingya refugees", "restrictions on foreign workers": a
                    # group of society its community names is someone the act is done to, of
                    # known kind and no country (never the sentence's other country). A state
                    # sector's word ("Muslim leaders") says nothing of whose state: left alone.
                    context.pending.append(PendingGroup(head, left, sector, False, end))
                continue
            plural = head.tag_ in ("NNS", "NNPS")
            # "a U.S. envoy", "an adviser": an indefinite phrase names some member of the group,
            # not the one holder of the office
            indefinite = any(c.dep_ == "det" and c.lower_ in w.indefinite_determiners for c in head.lefts)
            for idx, (cue_match, country) in enumerate(cues):
                role, sector = lookups.refine(match, country) if match.phrase else (role, sector)
                if role is None and sector is None:
                    continue  # no meaning for this country
                sector = field or sector
                sector = entourage_sector(context, head) or sector
                consumed.add((cue_match.start, cue_match.end))
                start = left if idx == 0 else cue_match.start
                stop = end
                if from_cues:  # the head and the country it is from: "Leaders from France"
                    start, stop = (left, max(cue_match.end, end)) if idx == 0 else (cue_match.start, cue_match.end)
                holder = None
                if role and not plural and not indefinite and not not_current and cue_match.kind not in SUBNATIONAL_CUES:
                    role_id = kb.leader_role(country) if role == "leader" else role
                    holders = kb.holders(country, role_id, on)
                    if len(holders) == 1:
                        holder = holders[0]
                        role = role_id
                if holder is not None:
                    found.append(Found(start, stop, holder, How.ROLE, role=role, head=of_head))
                else:
                    if sector and sector[:3] in STATE_SECTORS and _not_current(doc, left, head):
                        # "Former US Ambassador", "ex-ministers": no longer in office, former
                        # officials (CAMEO ELI), not the state
                        sector = Sector.ELI.value
                    found.append(lookups.group(start, stop, country, sector, of_head))


def _owned_by_a_company(head: Any, company_nouns: frozenset[str]) -> bool:
    """A role noun whose possessor, or whose "of" phrase, is a company noun ("the company's chief
    executive", "the chairman of the firm"; words.yaml company_nouns)."""
    if not company_nouns:
        return False
    for c in head.children:
        if c.dep_ == "poss" and c.lower_ in company_nouns:
            return True
        if c.dep_ == "prep" and c.lower_ == "of" and c.i > head.i:
            if any(o.dep_ == "pobj" and o.lower_ in company_nouns for o in c.children):
                return True
    return False


def _not_a_judging_court(head: Any, non_judicial: frozenset[str]) -> bool:
    """A court noun named by a game, a food hall or a metaphor: a word of `non_judicial` among
    the compounds and adjectives before it, or the object of its "of" ("of public opinion"); or
    one written inside a hyphenated modifier ("a jury-recommended sentence")."""
    doc = head.doc
    if head.i + 1 < len(doc) and doc[head.i + 1].tag_ == "HYPH" and head.head.i > head.i + 1:
        return True
    if any(c.dep_ in ("compound", "amod") and c.lower_ in non_judicial for c in head.lefts):
        return True
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(o.lower_ in non_judicial for o in c.subtree)
               for c in head.rights)


def field_sector(head: Any, match: RoleMatch) -> str | None:
    """The sector a generic institution noun takes from its field ("South Korea's National
    Police Agency" is the police, COP; "aid agencies" non-governmental, NGO): the field word of
    `field_sectors` among the compounds right before it, when the role phrase is the noun alone."""
    w = words()
    if match.start != head.i or head.lower_ not in w.institution_heads or not w.field_sectors:
        return None
    for c in reversed([c for c in head.lefts if c.dep_ in ("compound", "amod")]):
        sector = w.field_sectors.get(c.lower_)
        if sector is not None:
            return sector
    return None


def _title_of_a_conjoined_name(head: Any) -> bool:
    """A singular role noun with no determiner, conjoined to a person's name ("former archbishop
    and cardinal Theodore McCarrick"): a title of that person (a bare singular noun names no one
    by itself), not a second actor."""
    if head.tag_ != "NN" or any(c.dep_ in ("det", "poss", "nummod") for c in head.lefts):
        return False
    return any(c.dep_ == "conj" and c.pos_ == "PROPN" and c.ent_type_ == "PERSON" for c in head.children)


def _one_member(head: Any, w: Any) -> bool:
    """"a protester", "an activist": a noun of one person (words.yaml `one_member_nouns`) with
    only an indefinite article (`indefinite_singular`) and nothing before it that makes the group
    someone else's."""
    if head.lower_ not in w.one_member_nouns:
        return False
    dets = [c for c in head.lefts if c.dep_ == "det"]
    return bool(dets) and all(c.lower_ in w.indefinite_singular for c in dets) and not any(
        c.dep_ in ("predet", "poss", "nummod") or names_community(c) or (c.dep_ == "amod" and c.lower_ in w.not_local)
        for c in head.lefts)


def _non_governmental(sector: str | None) -> bool:
    """An NGO's people (CAMEO NGO) are nobody's government."""
    return bool(sector) and sector.startswith(Sector.NGO.value)


def the_office(head: Any, of_head: int | None, role_start: int) -> bool:
    """"the president", "The Prime Minister": a singular role noun with "the" and nothing else
    before it or after it that could make it another office ("the regional president", "the
    president of the company", "the president's lawyer" is fine: the office owns the lawyer)."""
    if head.tag_ not in ("NN", "NNP") or of_head is not None:
        return False
    lefts = [c for c in head.lefts if not c.is_punct and (c.i < role_start or c.lower_ == "the")]
    if [(c.dep_, c.lower_) for c in lefts] != [("det", "the")]:
        return False
    return not any(c.dep_ in ("prep", "appos", "acl", "relcl") or c.dep_ == "compound" for c in head.rights)


def is_stance(head: Any, stance_nouns: frozenset[str]) -> bool:
    """"expressed opposition to the swearing-in": a bare group noun the object of a verb or
    followed by "to" is a stance someone takes, not the group ("the opposition", "Kenya's opposition")."""
    if head.lower_ not in stance_nouns or any(c.dep_ in ("det", "poss", "amod", "compound") for c in head.lefts):
        return False
    return head.dep_ == "dobj" or any(c.dep_ == "prep" and c.lower_ == "to" for c in head.rights)


def entourage_sector(context: ResolutionContext, head: Any) -> str | None:
    """The state sector of whoever owns the people working for them ("his staff" after "Trump
    ordered", "Putin's aides", "the White House staff"): the owner's, when the owner is a person
    holding a state office on the day or a seat of power; None otherwise ("the company's staff")."""
    if head.lemma_.lower() not in words().entourage_nouns and head.lower_ not in words().entourage_nouns:
        return None
    kb, on = context.kb, context.on
    owners = [c for c in head.children if c.dep_ in ("poss", "compound")]
    for c in list(owners):
        if c.dep_ == "poss" and c.lower_ in POSSESSIVE_PERSON_PRONOUNS:
            owners.remove(c)
            for verb in head.ancestors:  # the subject of the clause above: "Trump ordered his staff"
                if verb.pos_ in ("VERB", "AUX"):
                    owners.extend(s for s in verb.children if s.dep_ == "nsubj")
                    break
    for owner in owners:
        for t in [owner] + [c for c in owner.children if c.dep_ == "compound"]:
            for m in context.by_token.get(t.i, ()):
                entity = context.entity(m.key)
                if entity.kind == "person" and not entity.key.startswith("unlisted:"):
                    sector = kb.split_code(kb.person_code(entity.key, on))[1]
                elif entity.kind == "seat":
                    sector = entity.sector
                else:
                    continue
                return sector if sector in STATE_SECTORS else None
    return None


def owned_by_pronoun(head: Any) -> bool:
    """"its forces", "their troops": a possessive pronoun owns the group."""
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in head.children)


def pronoun_owner(context: ResolutionContext, head: Any) -> str | AliasMatch | None:
    """The country of the subject of the clause whose "its"/"their" owns the group ("Russia
    has strengthened its forces"), if the subject is a country's name; the subject's match if it
    is an organisation's ("NATO ... its peacekeeping force"); else None."""
    if not owned_by_pronoun(head):
        return None
    verb = head.head
    while verb.dep_ in ("prep", "pobj", "conj", "dobj") and verb.head.i != verb.i and verb.pos_ not in ("VERB", "AUX"):
        verb = verb.head
    inside = {t.i for t in head.subtree}
    while True:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i not in inside]
        for subject in subjects:
            names = [subject] + [c for c in subject.children if c.dep_ == "compound"]  # "The NATO alliance"
            for m in (m for t in names for m in context.by_token.get(t.i, ())):
                entity = context.entity(m.key)
                if entity.kind in ("country", "seat") and entity.country:
                    return entity.country
                if entity.kind in ORGANISATION_KINDS:
                    return m
        if subjects or verb.dep_ not in OWNER_CLAUSE_DEPS or verb.head.i == verb.i:
            break
        # "Russia said its troops had attacked positions in Ukraine": the group is the subject of
        # its own clause; "its" is the owner the clause above names, not the country the clause
        # names elsewhere (Ukraine)
        verb = verb.head
    return speaker_country(context, head)


# Clauses through which a possessive pronoun on a clause's own subject looks up for its owner.
OWNER_CLAUSE_DEPS = ("ccomp", "conj", "advcl", "xcomp")


def speaker_country(context: ResolutionContext, head: Any, found: list[Found] | None = None) -> str | None:
    """"Erdogan said his government would send troops", "Putin said his country will not": a
    his/her that owns a group (or "country") is the person a clause above names as its subject;
    the group is that person's country's. None for other owners or with no such person. The
    person is looked up among `found` (default: what the context has found) and known names."""
    if not any(c.dep_ == "poss" and c.lower_ in POSSESSIVE_PERSON_PRONOUNS for c in head.children):
        return None
    found = context.found if found is None else found
    inside = {t.i for t in head.subtree}
    for verb in head.ancestors:
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        for subject in verb.children:
            if subject.dep_ != "nsubj" or subject.i in inside:
                continue
            for f in found:
                if f.start <= subject.i < f.end and f.entity.kind == "person" and f.actor_country:
                    return f.actor_country
            names = [subject] + [c for c in subject.children if c.dep_ == "compound"]
            for m in (m for t in names for m in context.by_token.get(t.i, ())):
                entity = context.entity(m.key)
                if entity.kind == "person" and entity.country:
                    return entity.country
            return None  # the nearest clause subject above is no known person: nobody's
    return None


def written_left(doc: Any, left: int) -> int:
    """The first word of a title as written, when the parser cut it from its role phrase
    ("former vice-president of Namibia" as "former", "vice", "-" beside the name): the words joined
    to the phrase by a hyphen ("vice-", "ex-") and the adjacent words that make an office a lesser
    or a past one ("former", "deputy"). A preposition ("served under the president") is no part
    of it."""
    w, v = words(), view(doc)  # (read on the Doc's arrays: analysis.docview)
    lower, text, pos = v.lower, v.text, v.pos
    marks = w.not_current | w.lesser_office
    k = left
    while k > 0:
        if k >= 2 and text[k - 1] in ("-", "\u2013") and text[k - 2] not in ("-", "\u2013") \
                and doc[k - 2].is_alpha and doc[k - 1].idx == doc[k - 2].idx + len(text[k - 2]):
            k -= 2  # "vice-" written onto the role word
        elif lower[k - 1] in marks and pos[k - 1] in ("ADJ", "NOUN", "PROPN", "ADV"):
            k -= 1  # "former", "deputy"
        else:
            break
    return k


def _not_current(doc: Any, left: int, head: Any) -> bool:
    """"the former president", "the late king", "ex-minister": not whoever holds the office now."""
    marks = words().not_current
    v = view(doc)  # (read on the Doc's arrays: analysis.docview)
    lower = v.lower
    return any(lower[k] in marks for k in range(left, head.i)) or (
        left >= 2 and v.text[left - 1] in ("-", "–") and lower[left - 2] in marks)


def _lesser_office(doc: Any, left: int, role_start: int) -> bool:
    """"the U.S. deputy secretary of state", "NATO's assistant secretary general": an office
    under the one the phrase names, not that office's holder."""
    lesser, lower = words().lesser_office, view(doc).lower  # (read on the Doc's arrays: analysis.docview)
    return any(lower[k] in lesser for k in range(left, role_start))


def _organisation_in_title(context: ResolutionContext, left: int, match: RoleMatch,
                           head: Any) -> tuple[AliasMatch, RoleMatch] | None:
    """"the European Commission president": an organisation's name that runs into the role
    phrase ("commission president") is the role's owner; the role is the words after it."""
    by_token = context.by_token
    for i in range(left, match.start + 1):
        for m in by_token.get(i, ()):
            if context.entity(m.key).kind not in ORGANISATION_KINDS or not (m.start < match.start < m.end <= head.i):
                continue
            phrase = " ".join(view(context.doc).lower[m.end:match.end])
            rest = context.lookups.match(phrase, m.end, match.end)
            if rest is not None:
                return m, rest
    return None


def _organisation_role(context: ResolutionContext, org: AliasMatch, match: RoleMatch, head: Any, left: int,
                       end: int, not_current: bool, of_head: int | None, after: bool = False) -> Found:
    """The person heading an international organisation by the role phrase ("NATO's secretary
    general", "the UN chief", "the European Commission president"), as of the date; else the
    organisation itself, whose people act for it."""
    entity = context.entity(org.key)
    doc = context.doc
    holder: Entity | None = None
    role: str | None = None
    # the organisation's name right before the role (a possessive between): "NATO's chief", not
    # "the UN human rights chief"; or after it ("the president of the European Commission")
    adjacent = after or org.end == match.start or (org.end + 1 == match.start and doc[org.end].tag_ == "POS")
    plural = head.tag_ in ("NNS", "NNPS")
    if entity.kind == "igo" and adjacent and not plural and not not_current:
        place = entity.key.split(":", 1)[1]
        role = _organisation_office(context, match, place)
        if role is not None:
            holders = context.kb.holders(place, role, context.on)
            if len(holders) == 1:
                holder = holders[0]
    if holder is not None:  # the whole title: "the president of the European Commission"
        stop = max(end, org.end) if after else end
        return Found(left, stop, holder, How.ROLE, role=role, head=head.i if stop > head.i + 1 else None)
    return Found(left, end, entity, How.ROLE_ORG, head=of_head)


def _organisation_office(context: ResolutionContext, match: RoleMatch, place: str) -> str | None:
    """The office a role phrase means in an international organisation: its own meaning there
    (roles.yaml overrides: "president" of the European Commission), the organisation's head for
    "chief"/"head"/"leader", else the role the phrase names ("secretary-general")."""
    role, _ = context.lookups.refine(match, place)
    if role == "leader" or match.phrase in words().organisation_heads:
        return context.kb.leader_role(place)
    return role


def _mission_named_before(doc: Any, head: Any, found: list[Found], missions: frozenset[str]) -> Found | None:
    """The mission abroad ("the US Embassy", "the Chinese consulate") named with its country before
    a bare definite "the embassy" of the same kind (anaphora.yaml `missions_abroad`), else None."""
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in head.lefts) \
            or any(c.dep_ in ("amod", "compound", "poss") for c in head.lefts):
        return None
    lemma = head.lemma_.lower()
    earlier = [f for f in found if f.last < head.i and doc[f.last].lemma_.lower() == lemma
               and doc[f.last].lemma_.lower() in missions and f.actor_country]
    return max(earlier, key=lambda f: f.start) if earlier else None
