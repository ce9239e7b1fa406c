"""What is never an event, or not the event its words suggest (resources/events/exclusions.yaml):
credit lines and picture captions, verbs no actor does to another, senses that need (or exclude)
an object, and political metaphors of force.

The rules here are small and read only the parse and the actors an event candidate already has;
every word list is in the YAML file, with its reasons.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from typing import Any, Iterable

from ..analysis.docview import view
from .lexicon import LexiconError, _read, load_collective_heads

FORCE_ROOTS = ("17", "18", "19", "20")
# Clauses of their own below a verb: what they tell is not done to the verb's partners.
_OWN_CLAUSE_DEPS = ("ccomp", "advcl", "relcl", "parataxis", "csubj", "acl")


@lru_cache(maxsize=8)
def _either(patterns: tuple[re.Pattern, ...]) -> re.Pattern | None:
    """One pattern that matches where any of `patterns` (all compiled IGNORECASE) does: one scan
    of a sentence instead of one per pattern."""
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), re.IGNORECASE)


# The characters outside ASCII that a case-insensitive ASCII letter matches (İ ı ſ K: re's case
# folds; tests/test_exclusions_credit_prefilter.py finds them over all of Unicode): a text holding
# one may match a pattern where its lower-cased form holds none of the pattern's words.
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")


@lru_cache(maxsize=8)
def _required_words(patterns: tuple[re.Pattern, ...]) -> tuple[str, ...] | None:
    """Lower-cased strings one of which every match of `_either(patterns)` contains (read off
    the parsed patterns: the runs of literal characters each alternative must match, "reporting
    by", "image" ...), so that a text holding none of them is known not to match without the
    regular expression's scan of every position. None when some pattern has no such run."""
    if not patterns:
        return None
    try:
        from re import _parser as parser  # Python >= 3.11
    except ImportError:  # pragma: no cover
        return None
    try:
        parsed = parser.parse("|".join(f"(?:{p.pattern})" for p in patterns), re.IGNORECASE)
    except Exception:  # pragma: no cover - the patterns compiled once already
        return None
    found = _required_of(list(parsed))
    if not found:
        return None
    # "image)" holds "image": the shorter is enough
    return tuple(sorted(w for w in found if not any(o != w and o in w for o in found)))


def _literal_strings(op: Any, av: Any) -> set[str] | None:
    """The strings an item of a parsed pattern matches when it matches only literal characters
    (a character, an alternation of literal runs, a group of them; a zero-width assertion
    matches ""), lower-cased; None otherwise."""
    from re import _constants as c
    if op is c.LITERAL:
        ch = chr(av)
        return {ch.lower()} if ch.isascii() else None
    if op is c.AT:
        return {""}
    if op is c.SUBPATTERN:
        return _literal_runs(list(av[-1]))
    if op is c.BRANCH:
        out: set[str] = set()
        for alternative in av[1]:
            strings = _literal_runs(list(alternative))
            if strings is None:
                return None
            out |= strings
        return out
    return None


def _literal_runs(items: list[Any]) -> set[str] | None:
    out = {""}
    for op, av in items:
        strings = _literal_strings(op, av)
        if strings is None or len(out) * len(strings) > 64:
            return None
        out = {a + b for a in out for b in strings}
    return out


def _required_of(items: list[Any]) -> set[str] | None:
    """The best set of strings one of which every match of the item sequence contains: the one
    whose shortest string is longest; None when there is none."""
    from re import _constants as c
    sets: list[set[str]] = []
    run = {""}
    for op, av in items:
        strings = _literal_strings(op, av)
        if strings is not None and len(run) * len(strings) <= 64:
            run = {a + b for a in run for b in strings}
            continue
        sets.append(run)
        run = {""}
        if strings is not None:  # too many to combine: a run of its own
            run = strings
            continue
        if op is c.BRANCH:
            parts = [_required_of(list(alternative)) for alternative in av[1]]
            if all(parts):
                sets.append(set().union(*parts))
        elif op in (c.SUBPATTERN, c.ATOMIC_GROUP):
            if (inner := _required_of(list(av[-1] if op is c.SUBPATTERN else av))):
                sets.append(inner)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
            if (inner := _required_of(list(av[2]))):
                sets.append(inner)
    sets.append(run)
    sets = [s for s in sets if s and "" not in s]
    return max(sets, key=lambda s: (min(map(len, s)), -len(s))) if sets else None


@lru_cache(maxsize=8)
def _storm_name_pattern(storm_words: frozenset[str]) -> re.Pattern:
    """"Hurricane Dorian": a storm word in title case, then the name (compiled once, not per article)."""
    words = "|".join(re.escape(w.title()) for w in sorted(storm_words, key=len, reverse=True))
    return re.compile(rf"\b(?:{words})\s+([A-Z][a-z]+)\b")


class Figurative(Enum):
    """What a verb of force is in its sentence."""

    FORCE = "force"  # meant literally: keep the code
    CRITICISM = "criticism"  # "Trump hammered Ryan": CAMEO 111
    NO_EVENT = "no event"  # "beating Trump in the polls", "want to fire Trump"


@dataclass(frozen=True)
class Exclusions:
    credit_lines: tuple[re.Pattern, ...]
    never: frozenset[str]
    bare_default_never: frozenset[str]
    needs_complement: frozenset[str]
    no_object: frozenset[str]
    criticism: frozenset[str]
    criticism_between_people: frozenset[str]
    contest_verbs: frozenset[str]
    contest_words: frozenset[str]
    dismissal: frozenset[str]
    armed_sectors: tuple[str, ...]
    armed_words: frozenset[str]
    people_nouns: frozenset[str]
    person_nouns: frozenset[str] = frozenset()  # the people of people_nouns (no places, no bodies)
    private_sectors: tuple[str, ...] = ()
    organisation_sectors: tuple[str, ...] = ()  # never private, whatever their code's field
    civilian_only_codes: tuple[str, ...] = ()
    civilian_pair_codes: tuple[str, ...] = ()
    armed_only_codes: tuple[str, ...] = ()
    press_speech: frozenset[str] = frozenset()
    audience_verbs: frozenset[str] = frozenset()  # "told reporters", "said in an interview with CNN"
    audience_object_verbs: frozenset[str] = frozenset()
    audience_prepositions: frozenset[str] = frozenset()
    accident_words: frozenset[str] = frozenset()
    hostile_words: frozenset[str] = frozenset()
    published_verbs: frozenset[str] = frozenset()
    published_objects: frozenset[str] = frozenset()
    choice_verbs: frozenset[str] = frozenset()  # "gave residents the choice to flee": no aid
    choice_objects: frozenset[str] = frozenset()
    own_reporting: frozenset[str] = frozenset()
    election_objects: frozenset[str] = frozenset()
    sport_objects: frozenset[str] = frozenset()
    problem_objects: frozenset[str] = frozenset()
    legal_objects: frozenset[str] = frozenset()
    dismissal_objects: frozenset[str] = frozenset()
    legal_force_verbs: frozenset[str] = frozenset()
    default_needs_target: frozenset[str] = frozenset()
    ordered_acts: frozenset[str] = frozenset()  # "ordered Khashoggi's killing": no demand of the victim
    storm_words: frozenset[str] = frozenset()
    budget_objects: frozenset[str] = frozenset()
    withdrawn_race: frozenset[str] = frozenset()
    withdrawn_race_code: str = ""
    withdrawn_money: frozenset[str] = frozenset()
    withdrawn_money_code: str = ""
    hazard_codes: tuple[str, ...] = ()
    hazard_words: frozenset[str] = frozenset()
    legal_charge_verbs: frozenset[str] = frozenset()
    legal_sectors: tuple[str, ...] = ()
    unarmed_sectors: tuple[str, ...] = ()
    unconventional_codes: frozenset[str] = frozenset()
    electorate: frozenset[str] = frozenset()
    unconventional_sectors: tuple[str, ...] = ()
    assassination_verbs: frozenset[str] = frozenset()
    assassination_code: str = ""
    assassination_named_sectors: tuple[str, ...] = ()
    assassination_office_sectors: tuple[str, ...] = ()
    subject_is_target_patterns: frozenset[str] = frozenset()
    # Sectors at odds with their own country's state ("the opposition", rebels): a statement about
    # them is about another side, not the speaker's own country
    opposing_sectors: tuple[str, ...] = ()
    # Sectors outside the state (people, press, business, ...): another side of the same country
    # to a speaker of the state's sectors
    state_sectors: tuple[str, ...] = ()
    society_sectors: tuple[str, ...] = ()
    figurative_patterns: frozenset[str] = frozenset()
    talk_about_verbs: frozenset[str] = frozenset()  # "described the attacks": speaking of an act
    prevention_verbs: frozenset[str] = frozenset()  # "barred him from releasing": the act is not done
    enacting_verbs: frozenset[str] = frozenset()  # "signed into law": a law enacted, no agreement
    social_venues: frozenset[str] = frozenset()  # "met officers at an Irish pub": socialising
    order_verbs: frozenset[str] = frozenset()  # "ordered troops to ...": a command down the line
    force_nouns: frozenset[str] = frozenset()
    reason_verbs: frozenset[str] = frozenset()  # "cited security concerns to impose bans": a reason
    thing_subjects: frozenset[str] = frozenset()  # "whose population exploded": no force
    idiom_adverbs: frozenset[str] = frozenset()  # "hammer home their message": an idiom of speech
    career_verbs: frozenset[str] = frozenset()  # "specialized in removing people": a career
    health_codes: tuple[str, ...] = ()
    health_sectors: tuple[str, ...] = ()
    health_words: frozenset[str] = frozenset()
    own_staff: frozenset[str] = frozenset()  # "ordered his staff to delay the aid": one's own side
    # dictionary code -> (code, PLOVER type and mode): PETRARCH-2's 0831 for resigning is 080
    dictionary_recodes: tuple[tuple[str, str, tuple[str, str | None] | None], ...] = ()
    enacting_instrument_verbs: frozenset[str] = frozenset()  # "signed a decree": no demand
    instruments: frozenset[str] = frozenset()
    normative_sources: frozenset[str] = frozenset()  # "Under the Constitution, the House impeaches"
    competence_modals: frozenset[str] = frozenset()  # "can only be resolved by Congress"
    competence_only: frozenset[str] = frozenset()
    court_lawsuit_verbs: frozenset[str] = frozenset()  # "the court had been petitioned by X": 115
    court_sectors: tuple[str, ...] = ()
    court_mediation_codes: tuple[str, ...] = ()  # "asked the court to intervene": 020, not 028
    unplaced_group_nouns: frozenset[str] = frozenset()  # "Politicians ... mourned": no actor
    vague_quantifiers: frozenset[str] = frozenset()
    side_verbs: frozenset[str] = frozenset()  # "defected to the rebels"; "fifteen Democrats defected": a vote
    side_prepositions: frozenset[str] = frozenset()
    thing_doers: frozenset[str] = frozenset()  # "the IRS website advises citizens": no doer
    refuge_verbs: frozenset[str] = frozenset()  # "fled to the Canadian embassy": a refuge, no break
    refuge_prepositions: frozenset[str] = frozenset()
    # (issue 12, precision first) nature as the doer, disaster measures, legends, roles, private aid
    nature_doers: frozenset[str] = frozenset()  # "Typhoon Hagibis killed 70 people": no actor
    nature_codes: tuple[str, ...] = ()
    animals: frozenset[str] = frozenset()  # "rescued a cat from the tree": no one it is done to
    disaster_words: frozenset[str] = frozenset()  # "closed all schools because of the cyclone"
    legend_words: frozenset[str] = frozenset()  # "According to legend, Romulus killed Remus"
    legend_prepositions: frozenset[str] = frozenset()
    career_prepositions: frozenset[str] = frozenset({"in"})
    private_aid_codes: tuple[str, ...] = ()  # "a surgeon gave the students a grant": private giving
    habitual_adverbs: frozenset[str] = frozenset()  # "routinely arrest": a habit, no act
    habitual_determiners: frozenset[str] = frozenset()  # "each year", "every week"
    habitual_units: frozenset[str] = frozenset()
    presence_verbs: frozenset[str] = frozenset({"be"})  # "remain in Iraq to attack PKK": why they are there
    # "police fired a live round on a protester": force by the state's security forces on dissent
    # at home is violent repression (CAMEO 175)
    # "Trump held a rally in Ohio": a government's rally with no target is no protest
    state_rally_nouns: frozenset[str] = frozenset()
    state_rally_sectors: tuple[str, ...] = ()
    campaign_modifiers: frozenset[str] = frozenset()  # "a campaign rally": no protest, whoever holds it
    gerund_event_prepositions: frozenset[str] = frozenset()  # "imposed a curfew after looting"
    purpose_protest_verbs: frozenset[str] = frozenset()  # "took to the streets to protest": one protest
    protest_place_nouns: frozenset[str] = frozenset()  # "the streets of Caracas": where a protest is, no target
    signed_agreement_verbs: frozenset[str] = frozenset()  # "signed a trade agreement": made, no intent
    signed_agreement_code: str = ""
    gerund_event_codes: tuple[str, ...] = ()
    hosting_verbs: frozenset[str] = frozenset()  # "hosted a ceremony": no visit hosted
    hosted_things: frozenset[str] = frozenset()
    hearing_nouns: frozenset[str] = frozenset()  # "a hearing on the nomination": routine, no inquiry
    hearing_topics: frozenset[str] = frozenset()
    repression_codes: frozenset[str] = frozenset()
    repression_sources: tuple[str, ...] = ()
    repression_targets: tuple[str, ...] = ()
    repression_code: str = ""

    def is_credit_line(self, text: str) -> bool:
        """A credit or a picture caption ("X contributed reporting from Moscow", "Image: ...")."""
        either = _either(self.credit_lines)
        if either is None:
            return False
        words = _required_words(self.credit_lines)
        if words is not None and not _FOLDS_TO_ASCII.search(text):
            lower = text.lower()
            if not any(w in lower for w in words):
                return False  # none of the words every match holds: no scan needed
        return either.search(text) is not None

    def captions_and_credits(self, sentences: list[str], gaps: list[str]) -> set[int]:
        """Indexes of the sentences that are credits, and of the caption a credit closes ("Protesters
        gather in Kyiv. Image: Jane Doe."): the sentence before a credit that opens with its marker,
        in the same paragraph (`gaps[i]` is the text between sentence i and i + 1)."""
        out = set()
        for n, text in enumerate(sentences):
            if not self.is_credit_line(text):
                continue
            out.add(n)
            if n > 0 and "\n" not in gaps[n - 1] and _either(self.credit_lines).match(text.strip()):
                out.add(n - 1)
        return out

    def excludes_default(self, verb: Any) -> bool:
        """Whether a PETRARCH block's bare default (no pattern word matched) is no event for this
        verb ("served in the House", "joined parliament")."""
        lemma = verb.lemma_.lower()
        if lemma in self.published_verbs:
            objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
            if any(o.lemma_.lower() in self.published_objects or o.lower_ in self.published_objects for o in objects):
                return True
        if lemma in self.choice_verbs and any(c.dep_ == "dobj" and c.lower_ in self.choice_objects
                                              for c in verb.children):
            return True  # "gave Mosul residents the choice to flee": a choice given is no aid
        return lemma in self.bare_default_never

    def releases_a_publication(self, verb: Any, code: str) -> bool:
        """A release of persons or property (CAMEO 084) whose word of releasing, the trigger or one
        in its clause ("ruled that the president must release his tax returns"), releases something
        published (a report, tax returns, a video): publishing, no one freed (exclusions.yaml
        published_object_default)."""
        if not code.startswith("084"):
            return False
        releasing = [t for t in verb.subtree if t.lemma_.lower() in self.published_verbs]
        return bool(releasing) and all(
            any(c.dep_ in ("dobj", "nsubjpass") and (c.lemma_.lower() in self.published_objects
                                                   or c.lower_ in self.published_objects) for c in t.children)
            or any(p.lemma_.lower() in self.published_objects or p.lower_ in self.published_objects
                   for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj")
            for t in releasing)

    def holds_an_election(self, verb: Any, code: str) -> bool:
        """A cooperative code on a verb whose object is an election or a vote ("held a general
        election", "won the primary"): no event."""
        if not code[:2].isdigit() or int(code[:2]) >= 10:
            return False
        v = view(verb.doc)  # (read on the Doc's arrays: analysis.docview)
        dep, lower, lemma = v.dep, v.lower, v.lemma
        return any(dep[c] in ("dobj", "nsubjpass") and (lemma[c] in self.election_objects
                                                         or lower[c] in self.election_objects)
                   for c in v.kids[verb.i])

    def electorate_decides(self, subject: Any | None, code: str) -> bool:
        """The voters as the doer of an act other than a protest or force: a vote's outcome."""
        return subject is not None and subject.lemma_.lower() in self.electorate \
            and not code.startswith(("14",) + FORCE_ROOTS)

    def unplaced_group(self, actor: Any) -> bool:
        """A doer named only by a generic plural ("Politicians", "some analysts") and placed in no
        country: an unplaced generic group, not coded."""
        if actor.country or actor.name:
            return False
        words = [w for w in actor.text.lower().split()]
        while len(words) > 1 and words[0] in self.vague_quantifiers:
            words = words[1:]
        return len(words) == 1 and words[0] in self.unplaced_group_nouns

    def is_own_reporting(self, actor: Any) -> bool:
        """The outlet itself as the doer ("Wikinews contacted the company"): its reporting."""
        return any(w in actor.text.lower().split() for w in self.own_reporting)

    def for_own_reporting(self, verb: Any) -> bool:
        """The outlet as the one an act is done for or to, in the verb's own clause ("agreed to
        answer some questions for Wikinews's correspondent", "told Wikinews", "spoke to Wikinews"):
        the outlet's own interview, no event. An outlet named inside a clause the verb reports
        ("told Wikinews that the army attacked") leaves that clause's act alone."""
        if not self.own_reporting:
            return False
        v = view(verb.doc)  # the words naming the outlet, found once per Doc; the climb on its arrays
        key = ("own_reporting", self.own_reporting)
        named = v.memo.get(key)
        if named is None:
            own = {w for w in set(v.lower) if _letters(w) in self.own_reporting}  # each word once
            named = v.memo[key] = [i for i, w in enumerate(v.lower) if w in own]
        head, dep, vi = v.head, v.dep, verb.i
        for node in named:
            while node != vi and dep[node] not in _OWN_CLAUSE_DEPS and head[node] != node:
                node = head[node]
            if node == vi:
                return True  # (a word outside the verb's subtree climbs to the root, never to the verb)
        return False

    def excludes_sense(self, verb: Any) -> bool:
        """Whether a verb, as it is used here, is no event whatever pattern matched it."""
        v = view(verb.doc)  # (read on the Doc's arrays: analysis.docview)
        dep, lower, kids = v.dep, v.lower, v.kids
        lemma = v.lemma[verb.i]
        if lemma in self.never:
            return True
        if lemma in self.enacting_verbs and any(dep[c] == "prep" and lower[c] == "into" and any(
                dep[p] == "pobj" and lower[p] == "law" for p in kids[c]) for c in kids[verb.i]):
            return True  # "signed into law the Human Life Protection Act": a law enacted, no agreement
        if lemma in self.side_verbs and not any(dep[c] == "prep" and lower[c] in self.side_prepositions
                                                for c in kids[verb.i]):
            return True  # "fifteen Democrats defected": a vote against the party line
        if lemma not in self.needs_complement and lemma not in self.no_object:
            return False  # most verbs: their children need not be read
        deps = {dep[c] for c in kids[verb.i]}
        if lemma in self.needs_complement and not deps & {"dobj", "xcomp", "ccomp"}:
            return True  # "the population declined"
        return lemma in self.no_object and "dobj" in deps  # "demonstrating screens"

    def is_contest(self, verb: Any, sentence: Any) -> bool:
        """A verb of competition with a word of a contest in its sentence ("leads in the polls")."""
        if verb.lemma_.lower() not in self.contest_verbs:
            return False
        words = _words_around(verb, sentence)
        return bool(words & self.contest_words) and not words & self.armed_words

    def figurative(self, verb: Any, sentence: Any, sources: Iterable[Any], targets: Iterable[Any]) -> Figurative:
        """Whether a verb coded as force (CAMEO 17-20) is force, criticism or no event."""
        lemma = verb.lemma_.lower()
        sources, targets = list(sources), list(targets)
        if self.armed(sources + targets):
            return Figurative.FORCE
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in self.thing_subjects for c in verb.children):
            return Figurative.NO_EVENT  # "whose population then exploded": ecology, no force
        if any(c.dep_ in ("advmod", "prt", "npadvmod", "dobj") and c.lower_ in self.idiom_adverbs
               and not any(d.dep_ in ("det", "poss") for d in c.children) for c in verb.children):
            return Figurative.NO_EVENT  # "really hammer home their message": an idiom of speech
        words = _words_around(verb, sentence)
        if words & self.accident_words and not words & self.hostile_words:
            return Figurative.NO_EVENT  # "drove erratically and struck a group of motorcycles"
        if lemma in self.contest_verbs and words & self.contest_words and not words & self.armed_words:
            return Figurative.NO_EVENT  # "beating Trump in the polls"
        # the object, also where the parser hangs it on the particle ("struck down the law")
        dobjs = [c for c in verb.children if c.dep_ == "dobj"] + [
            p for c in verb.children if c.dep_ == "prt" for p in c.children if p.dep_ == "pobj"]
        if any(o.lemma_.lower() in self.sport_objects for o in dobjs):
            return Figurative.NO_EVENT  # "smashed the 100-metre record"
        # what the force is used on: the object, or "against"/"on" after the verb or its object
        # ("fight against corruption", "launched a war on drugs")
        objects = [o.lemma_.lower() for o in dobjs]
        objects += [p.lemma_.lower() for head in [verb, *dobjs] for c in head.children
                    if c.dep_ == "prep" and c.lower_ in ("against", "on") for p in c.children if p.dep_ == "pobj"]
        if any(o in self.problem_objects for o in objects):
            return Figurative.NO_EVENT  # "vowed to fight the disease"
        if sources and all(_sector_in(a, self.unarmed_sectors) for a in sources) and not words & self.armed_words:
            return Figurative.NO_EVENT  # "Microsoft launched an attack on Google's search business"
        if words & self.armed_words:
            return Figurative.FORCE
        people = all(_is_person_or_body(a) for a in sources + targets) and bool(sources) and bool(targets)
        if lemma in self.dismissal and targets and all(_is_person(a) for a in targets):
            return Figurative.NO_EVENT  # "want to fire Trump"
        if lemma in self.dismissal and dobjs and all(o.ent_type_ == "PERSON" or o.lemma_.lower() in self.dismissal_objects
                                                     for o in dobjs):
            return Figurative.NO_EVENT  # "fired FBI director James Comey", "sacked his chief of staff"
        if lemma in self.criticism and (lemma not in self.criticism_between_people or people):
            return Figurative.CRITICISM
        if lemma in self.legal_force_verbs and dobjs and all(o.lemma_.lower() in self.legal_objects for o in dobjs):
            # "struck down the law", "killed the bill"; "attacked the bill" is criticism
            return Figurative.CRITICISM if lemma in self.criticism else Figurative.NO_EVENT
        return Figurative.FORCE

    def about_natural_hazard(self, trigger: Any, code: str, storms: frozenset[str]) -> bool:
        """"warned of potential flash floods", "issued a hurricane warning", "declared a state of
        emergency in anticipation of Dorian": a threat or an emergency whose object is nature."""
        if not self.hazard_words or not code.startswith(self.hazard_codes):
            return False
        stack = [c for c in trigger.children if c.dep_ in ("dobj", "prep", "attr", "dative", "npadvmod", "advmod")]
        while stack:
            tok = stack.pop()
            if tok.pos_ in ("NOUN", "PROPN") and (tok.lower_ in self.hazard_words or tok.lemma_.lower() in self.hazard_words
                                                  or tok.lower_ in storms):
                return True
            stack.extend(c for c in tok.children if c.dep_ not in ("relcl", "acl", "ccomp", "xcomp", "advcl", "conj"))
        return False

    def storm_names(self, text: str) -> frozenset[str]:
        """The names an article gives storms ("Hurricane Dorian" -> "dorian")."""
        if not self.storm_words:
            return frozenset()
        # title case only: "Storm Ciara", never "troops will storm Baghdad"
        return frozenset(m.group(1).lower() for m in _storm_name_pattern(self.storm_words).finditer(text))

    def figurative_pattern(self, pattern: str) -> bool:
        """Whether a dictionary pattern ("BARGAIN: * BLOW [011]") only ever matches a figure of speech."""
        return " ".join(pattern.split(" [")[0].split()).upper() in self.figurative_patterns

    def subject_is_target(self, pattern: str) -> bool:
        """Whether a dictionary pattern ("APPEAR: * (IN COURT) [173]") is done to its subject."""
        return " ".join(pattern.split(" [")[0].split()).upper() in self.subject_is_target_patterns

    def legal_doers(self, actors: Iterable[Any]) -> bool:
        """All of `actors` are the police or the judiciary (the legal_charge sectors)."""
        actors = list(actors)
        return bool(actors) and all(_sector_in(a, self.legal_sectors) for a in actors)

    def legal_charge(self, verb: Any, code: str, sources: Iterable[Any]) -> bool:
        """An accusation (112x) by the police or the judiciary with a verb of charging: legal action."""
        sources = list(sources)
        return code.startswith("112") and verb.lemma_.lower() in self.legal_charge_verbs and bool(sources) \
            and all(_sector_in(a, self.legal_sectors) for a in sources)

    def unconventional(self, code: str, sources: Iterable[Any]) -> bool:
        """An attack of unspecified kind by non-state armed actors only: unconventional violence."""
        sources = list(sources)
        return code in self.unconventional_codes and bool(sources) \
            and all(_sector_in(a, self.unconventional_sectors) for a in sources)

    def state_rally(self, code: str, event_word: Any, sources: Iterable[Any], targets: Iterable[Any]) -> bool:
        """A rally (CAMEO 141) held by a government's own people with no one it is against ("Trump
        held a rally in Ohio"), or a campaign rally held by anyone: no dissent (exclusions.yaml
        state_rallies). `event_word` is the event noun, or the verb whose object may be one."""
        if not code.startswith("141") or event_word is None:
            return False
        words = [event_word] + [c for c in event_word.children if c.dep_ == "dobj"]
        rallies = [w for w in words if w.lower_ in self.state_rally_nouns]
        if any(m.dep_ in ("compound", "amod") and m.lower_ in self.campaign_modifiers
               for w in rallies for m in w.children):
            return True  # "held a campaign rally in Ohio", whoever held it
        sources = list(sources)
        return bool(rallies) and not list(targets) and bool(sources) \
            and all(_sector_in(s, self.state_rally_sectors) for s in sources)

    def bare_gerund_event(self, verb: Any, code: str) -> bool:
        """A bare gerund of protest or force after a preposition of time ("imposed a curfew after
        looting"): a happening named, not the clause subject's act (exclusions.yaml
        bare_gerund_events)."""
        if not code.startswith(self.gerund_event_codes) or verb.tag_ != "VBG" or verb.dep_ != "pcomp":
            return False
        prep = verb.head
        return prep.lower_ in self.gerund_event_prepositions and not any(
            c.dep_ in ("dobj", "nsubj", "nsubjpass", "prep", "dative", "ccomp", "xcomp") for c in verb.children)

    def hosted_thing(self, verb: Any, code: str, target_tok: Any | None) -> bool:
        """A visit hosted (CAMEO 043) whose object is a thing ("hosted a ceremony for the
        anniversary of the uprising", "hosted the World Cup") and whose target, if any, lies inside
        that object's phrase: no visitor, no visit (exclusions.yaml hosted_things)."""
        if not code.startswith("043") or verb.lemma_.lower() not in self.hosting_verbs:
            return False
        for obj in verb.children:
            if obj.dep_ == "dobj" and obj.lemma_.lower() in self.hosted_things:
                return target_tok is None or target_tok.i in {t.i for t in obj.subtree}
        return False

    def refuses_a_problem(self, verb: Any, code: str) -> bool:
        """A refusal (CAMEO 12) of a disease, a problem or a disaster ("dismissed the virus as a
        little flu"): nothing asked of anyone is refused (exclusions.yaml)."""
        return code.startswith("12") and any(
            c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in self.problem_objects for c in verb.children)

    def routine_hearing(self, code: str, event_word: Any) -> bool:
        """An investigation (CAMEO 09) that is a hearing on a nomination, a bill or a budget ("will
        hold a hearing on the nomination", "confirmation hearings"): a legislature's routine
        business (exclusions.yaml routine_hearings). `event_word` is the event noun, or the verb
        whose object may be one."""
        if not code.startswith("09") or event_word is None:
            return False
        words = [event_word] + [c for c in event_word.children if c.dep_ in ("dobj", "nsubjpass")]
        for w in words:
            if w.lower_ not in self.hearing_nouns:
                continue
            topics = [m for m in w.children if m.dep_ in ("compound", "amod")]
            topics += [p for c in w.children if c.dep_ == "prep" and c.lower_ in ("on", "about", "for", "over", "into")
                       for p in c.children if p.dep_ == "pobj"]
            if any(t.lower_ in self.hearing_topics for t in topics):
                return True
        return False

    def repression(self, code: str, source: Any, target: Any) -> bool:
        """Force (CAMEO 18-19) by a state's police or army on protesters or the opposition of the
        same country ("police fired a live round on a protester", "troops shot demonstrators"):
        violent repression of dissent (exclusions.yaml violent_repression)."""
        return bool(self.repression_code) and code in self.repression_codes and source is not None \
            and target is not None and bool(source.country) and source.country == target.country \
            and _sector_in(source, self.repression_sources) and _sector_in(target, self.repression_targets)

    def assassination(self, verb: Any, code: str, target: Any, target_head: Any | None) -> bool:
        """A killing (CAMEO 18-20) of a prominent figure: a named person of a public body, or
        one holder of an office (`target_head` is the head word of the target's phrase)."""
        if not self.assassination_code or code[:2] not in ("18", "19", "20") or code == self.assassination_code \
                or verb.lemma_.lower() not in self.assassination_verbs or target is None:
            return False
        if (target.key or "").startswith("person:"):
            return _sector_in(target, self.assassination_named_sectors)
        return target_head is not None and target_head.tag_ in ("NN", "NNP") and target_head.ent_type_ not in (
            "GPE", "ORG", "NORP", "LOC") and _sector_in(target, self.assassination_office_sectors)

    def prevented(self, verb: Any) -> bool:
        """A gerund after "from" on a verb of prevention ("barred the company from releasing the
        files", "kept them from leaving", "refrained from attacking"): the act was not done."""
        if verb.dep_ != "pcomp":
            return False  # most verbs: no head made (each Token is made anew)
        prep = verb.head
        return prep.dep_ == "prep" and prep.lower_ == "from" and prep.head.i != prep.i \
            and prep.head.lemma_.lower() in self.prevention_verbs

    def order_to_own_forces(self, verb: Any, code: str, sources: Iterable[Any], targets: Iterable[Any]) -> bool:
        """A demand (10x) that is an order to forces ("ordered troops to raise their alert",
        "directing Coast Guard units to join the search", "ordered heightened alert from the
        troops"), to the orderer's own staff ("ordered his staff to delay the aid"), or of a clause
        with nobody to do it ("ordered the flags be lowered"): a command to one's own side, no
        demand made of another actor. Forces of another country than the one ordering (both
        known) are another actor. So is an order to someone no actor resolves to ("instructed
        ODESC to report to Cabinet"): a demand is made of another actor, and none is named."""
        if not code.startswith("10") or verb.lemma_.lower() not in self.order_verbs:
            return False
        if self.order_within_own_side(verb):
            return True
        addressees = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
        # "ordered heightened alert from the troops": the parser may hang the phrase on the object
        addressees += [p for c in [verb, *addressees] for prep in c.children if prep.dep_ == "prep"
                       and prep.lower_ in ("from", "to") for p in prep.children if p.dep_ == "pobj"]
        targets = list(targets)
        if addressees and not targets and all(a.pos_ in ("PROPN", "NOUN") for a in addressees):
            # "I have instructed ODESC to report to Cabinet": someone told to act whom no actor
            # resolves to (a committee, an office of one's own) is no other side a demand is made of
            return True
        if not any(a.lemma_.lower() in self.force_nouns or a.lower_ in self.force_nouns for a in addressees):
            return False
        countries = {a.country for a in sources if a.country}
        return not any(t.country and countries and t.country not in countries for t in targets)

    def order_within_own_side(self, verb: Any) -> bool:
        """An order to the orderer's own staff ("ordered his staff to delay the aid") or of a clause
        with nobody to do it ("ordered the flags be lowered"): the act ordered is the orderer's
        (forces ordered to act keep only the act's own record, if any: they may not have acted)."""
        if verb.lemma_.lower() not in self.order_verbs:
            return False
        addressees = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
        if any(a.lemma_.lower() in self.own_staff and any(d.dep_ == "poss" and d.tag_ == "PRP$" for d in a.children)
               for a in addressees):
            return True  # "ordered his staff to delay the aid"
        return not addressees and any(
            c.dep_ == "ccomp" and any(d.dep_ == "auxpass" for d in c.children)
            and not any(d.dep_ == "agent" for d in c.children) for c in verb.children)

    def order_of_an_act(self, verb: Any, code: str) -> bool:
        """A demand (10x) that orders an act of violence ("ordered Khashoggi's killing"): no demand
        made of the one it is done to."""
        return code.startswith("10") and verb.lemma_.lower() in self.order_verbs and any(
            c.dep_ == "dobj" and c.lemma_.lower() in self.ordered_acts for c in verb.children)

    def enacts_instrument(self, verb: Any, code: str) -> bool:
        """A demand (10x) that is a decree, an order or a law signed or issued ("signed a government
        decree banning the niqab"): an enactment, no demand made of anyone."""
        return code.startswith("10") and verb.lemma_.lower() in self.enacting_instrument_verbs and any(
            c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in self.instruments for c in verb.children)

    def competence(self, verb: Any) -> bool:
        """"can only be resolved by Congress", "only Congress can declare war": who alone may act,
        a rule, no act (exclusions.yaml competence)."""
        v = view(verb.doc)  # (read on the Doc's arrays: analysis.docview)
        dep, lower, kids, i = v.dep, v.lower, v.kids, verb.i
        if not self.competence_modals or not any(
                dep[c] == "aux" and lower[c] in self.competence_modals for c in kids[i]):
            return False
        holders = [i] + [c for c in kids[i] if dep[c] in ("nsubj", "nsubjpass")] + [
            p for c in kids[i] if dep[c] == "agent" for p in kids[c] if dep[p] == "pobj"]
        return any(dep[c] == "advmod" and lower[c] in self.competence_only for h in holders for c in kids[h])

    def normative(self, verb: Any) -> bool:
        """"Under the U.S. Constitution, the House impeaches the official": a verb in the simple
        present under "under" a constitution, a law or a procedure says how things are done; so
        does one with an adverb of habit ("Police in the city routinely arrest homeless people",
        "the government often jails journalists"): a habit described, no act on a day."""
        v = view(verb.doc)  # (read on the Doc's arrays: analysis.docview)
        dep, lower, lemma, kids, head, i = v.dep, v.lower, v.lemma, v.kids, v.head, verb.i
        if v.tag[i] not in ("VBZ", "VBP") or any(dep[c] in ("aux", "auxpass") for c in kids[i]):
            return False
        node = i
        while dep[node] == "conj" and head[node] != node:
            node = head[node]
        around = kids[node] + kids[i]
        if any(dep[c] == "advmod" and lower[c] in self.habitual_adverbs for c in around):
            return True
        if any(dep[c] in ("npadvmod", "advmod") and lemma[c] in self.habitual_units
               and any(dep[d] == "det" and lower[d] in self.habitual_determiners for d in kids[c])
               for c in around):
            return True  # "Each year the General Assembly condemns the embargo": a yearly habit
        return any(dep[c] == "prep" and lower[c] == "under" and any(
            dep[p] == "pobj" and lemma[p] in self.normative_sources for p in kids[c]) for c in kids[node])

    def recode(self, code: str) -> tuple[str, tuple[str, str | None] | None]:
        """A dictionary pattern's code as the development set codes that act, with the PLOVER
        type it keeps ("STEP: * DOWN [0831]": 080, RETREAT resign)."""
        for old, new, plover in self.dictionary_recodes:
            if code == old:
                return new, plover
        return code, None

    def court_request(self, verb: Any, code: str, targets: Iterable[Any]) -> str | None:
        """The code of an appeal (02x) made to a court: a petition is a lawsuit brought (115), an
        appeal to mediate a legal request (020); None when the appeal is not to a court."""
        targets = list(targets)
        if not code.startswith("02") or not targets or not all(_sector_in(t, self.court_sectors) for t in targets):
            return None
        if verb.lemma_.lower() in self.court_lawsuit_verbs:
            return "115"
        return "020" if code.startswith(self.court_mediation_codes) else None

    def destination_only(self, verb: Any, named: Iterable[Any]) -> bool:
        """"fled to the Canadian embassy": every word a dictionary pattern matched lies in the
        phrase of the place a verb of flight goes to (EVACUATE * EMBASSY is evacuating one)."""
        if verb.lemma_.lower() not in self.refuge_verbs:
            return False
        phrases = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in self.refuge_prepositions]
        inside = {t.i for c in phrases for t in c.subtree}
        named = list(named)
        return bool(named) and bool(inside) and all(t.i in inside for t in named)

    def reason_given(self, verb: Any) -> bool:
        """"cited security concerns to impose bans": the verb gives a reason, no comment of its own."""
        return verb.lemma_.lower() in self.reason_verbs

    def career_gerund(self, verb: Any) -> bool:
        """"specialized in removing people", "was known for smuggling dissidents", "an expert in
        rescuing hostages", "tasked with guarding the border": a gerund after a preposition on a word
        of a career, a trade, a role or a reputation describes someone, no act done."""
        if verb.dep_ != "pcomp":
            return False
        prep = verb.head
        return prep.dep_ == "prep" and prep.lower_ in self.career_prepositions and prep.head.i != prep.i \
            and (prep.head.lemma_.lower() in self.career_verbs or prep.head.lower_ in self.career_verbs)

    def public_health_measure(self, code: str, sources: Iterable[Any], sentence: Any) -> bool:
        """A restriction or a shutdown by the state in a sentence about a disease ("shut down all
        schools ... to curb the spread of the disease"): a public-health measure, no repression."""
        sources = list(sources)
        if not self.health_codes or not code.startswith(self.health_codes) or not sources \
                or not all(_sector_in(a, self.health_sectors) for a in sources):
            return False
        words = self.health_words | self.disaster_words
        return any(t.lower_ in words or t.lemma_.lower() in words for t in sentence)

    def nature_doer(self, verb: Any, code: str, storms: frozenset[str]) -> bool:
        """"Typhoon Hagibis killed 70 people", "Measles has killed 70 children", "A shark attacked a
        surfer", "homes were destroyed by the floods": an act of force or a threat whose doer (the
        verb's subject, or the agent of a passive) is a natural force, a disease or an animal is no
        act of an actor, whatever place the actor stage finds for it."""
        if not self.nature_doers or not code.startswith(self.nature_codes):
            return False
        node = verb
        for _ in range(4):  # "killed 70 people and destroyed homes": the first conjunct's subject
            doers = [c for c in node.children if c.dep_ in ("nsubj", "csubj")]
            doers += [p for a in node.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
            if doers or node.dep_ != "conj" or node.head.i == node.i:
                break
            node = node.head
        if not doers:
            return False
        words = self.nature_doers | storms if storms else self.nature_doers
        for doer in doers:
            compounds = [c for c in doer.children if c.dep_ == "compound"]
            if doer.lower_ in storms or any(c.lower_ in self.storm_words for c in compounds):
                return True  # "Dorian killed five people", "Typhoon Hagibis killed 70 people"
            if doer.pos_ == "PROPN" or doer.ent_type_ in ("PERSON", "ORG", "GPE", "NORP", "FAC"):
                continue  # "Wolf", "Snow", "Frost": names of people, never nature's words
            if any(h.lower_ in words or h.lemma_.lower() in words for h in [doer, *compounds]):
                return True
        return False

    def done_to_an_animal(self, verb: Any, targets: Iterable[Any]) -> bool:
        """"The firefighters rescued a cat from the tree", "police shot a bear": an act whose object
        (or a passive's subject) is an animal, and no actor its target, is done to no one."""
        if not self.animals or list(targets):
            return False
        v = view(verb.doc)  # (read on the Doc's arrays: analysis.docview)
        dep, pos, lower, lemma = v.dep, v.pos, v.lower, v.lemma
        return any(dep[c] in ("dobj", "nsubjpass") and pos[c] == "NOUN"
                   and (lemma[c] in self.animals or lower[c] in self.animals) for c in v.kids[verb.i])

    def legendary(self, verb: Any) -> bool:
        """"According to legend, Romulus killed Remus", "By one tradition, Charlemagne offered the
        relic to the diocese", "In Greek mythology, Zeus punished Prometheus", "Legend has it that
        the saint defeated a dragon": what a legend, a myth or a tradition tells is no news event."""
        if not self.legend_words:
            return False
        v = view(verb.doc)  # (read on the Doc's arrays: analysis.docview)
        dep, lower, lemma, kids, head = v.dep, v.lower, v.lemma, v.kids, v.head
        node = verb.i
        for _ in range(6):
            for c in kids[node]:
                if dep[c] in ("nsubj", "npadvmod") and lemma[c] in self.legend_words:
                    return True  # "Legend has it that ...", "legend says"
                if dep[c] == "prep" and lower[c] in self.legend_prepositions:
                    objs = [p for p in kids[c] if dep[p] == "pobj"]
                    objs += [p for t in kids[c] if dep[t] == "prep" for p in kids[t] if dep[p] == "pobj"]
                    if any(lemma[o] in self.legend_words or lower[o] in self.legend_words for o in objs):
                        return True
            if dep[node] not in ("conj", "ccomp", "xcomp", "advcl") or head[node] == node:
                break
            node = head[node]
        return False

    def at_social_venue(self, verb: Any) -> bool:
        """A meeting "at an Irish pub", "in a nightclub": people socialising, no consultation."""
        return any(c.dep_ == "prep" and c.lower_ in ("at", "in", "inside", "outside") and any(
            p.dep_ == "pobj" and p.lemma_.lower() in self.social_venues for p in c.children) for c in verb.children)

    def armed(self, actors: Iterable[Any]) -> bool:
        """Whether any of the actors is armed (a military, police, rebel or insurgent sector)."""
        return any(_sector_in(a, self.armed_sectors) for a in actors)

    def withdrawn(self, verb: Any) -> str | None:
        """What a verb of withdrawing takes back when it is no military retreat: "race" (a candidacy,
        a nomination: "withdrew from using the princess as their candidate"), "money" ("pull
        funding for the wall"), or None (exclusions.yaml withdrawal_objects). Read in the verb's
        object and its "from"/"out of" phrases, not in its subject or clauses of their own."""
        words: set[str] = set()
        for c in verb.children:
            if c.dep_ in ("dobj", "nsubjpass") or (c.dep_ in ("prep", "prt") and c.lower_ in ("from", "out", "of")):
                for t in c.subtree:
                    words.add(t.lower_)
                    words.add(t.lemma_.lower())
        if words & self.withdrawn_race:
            return "race"
        if words & self.withdrawn_money:
            return "money"
        return None

    def private(self, actor: Any) -> bool:
        """A private person or body (a civilian, a company, a school...): no one acting for a state."""
        return _sector_in(actor, self.private_sectors) and (actor.sector or "") not in self.organisation_sectors

    def state_about_society(self, source: Any, target: Any) -> bool:
        """A state actor ("the prime minister") speaking of its country's society ("the families")."""
        return _sector_in(source, self.state_sectors) and _sector_in(target, self.society_sectors) \
            and not _sector_in(target, self.state_sectors)

    def press(self, actor: Any) -> bool:
        return _sector_in(actor, ("MED",))

    def press_audience(self, verb: Any, actor: Any) -> bool:
        """Whether a press actor is only whom a verb of speaking tells ("told reporters", "told the
        BBC", "said in an interview with CNN", "Speaking to NBC News, she said"): the audience of
        the statement, no party to the act."""
        if not self.press(actor) or verb.lemma_.lower() not in self.audience_verbs:
            return False
        span = verb.doc.char_span(actor.span[0], actor.span[1], alignment_mode="expand")
        if span is None:
            return False
        inside = {t.i for t in span}
        speakers = [verb, *(c for c in verb.children if c.dep_ in ("advcl", "conj")
                            and c.lemma_.lower() in self.audience_verbs and c.i < verb.i)]
        for v in speakers:
            for c in v.children:
                slot = c.dep_ == "dative" or (c.dep_ == "dobj" and v.lemma_.lower() in self.audience_object_verbs) \
                    or (c.dep_ == "prep" and c.lower_ in self.audience_prepositions)
                if slot and any(t.i in inside for t in c.subtree):
                    return True
        return False

    def names_persons(self, tok: Any) -> bool:
        """An object that is people themselves: a person's name, a nationality, a personal pronoun
        or a noun for people ("two women"), not a place, a thing or a body where people are."""
        v, i = view(tok.doc), tok.i  # (read on the Doc's arrays: analysis.docview)
        return v.ent_type[i] in ("PERSON", "NORP") or (v.pos[i] == "PRON" and v.lower[i] not in ("it", "its")) \
            or v.lemma[i] in self.person_nouns or v.lower[i] in self.person_nouns

    def names_people(self, tok: Any) -> bool:
        """An object that is someone: a named entity, a pronoun or a noun for people ("a group
        of protesters" by what it is a group of)."""
        v, i = view(tok.doc), tok.i  # (read on the Doc's arrays: analysis.docview)
        dep, lower, kids = v.dep, v.lower, v.kids
        while lower[i] in load_collective_heads():
            of = next((p for prep in kids[i] if dep[prep] == "prep" and lower[prep] == "of"
                       for p in kids[prep] if dep[p] == "pobj"), None)
            if of is None:
                break
            i = of  # "a group of protesters": what it is a group of
        return v.ent_type[i] in ("PERSON", "NORP", "ORG", "GPE") or v.pos[i] in ("PROPN", "PRON") \
            or v.lemma[i] in self.people_nouns or lower[i] in self.people_nouns


def _is_person(actor: Any) -> bool:
    return (actor.key or "").startswith("person:")


def _is_person_or_body(actor: Any) -> bool:
    """A person, or a group with a sector (a party, a legislature, a government body): not a
    country or a place as a whole, which can be attacked by arms."""
    return _is_person(actor) or bool(actor.sector)


def _sector_in(actor: Any, sectors: tuple[str, ...]) -> bool:
    code = actor.code or ""
    country = actor.country or ""
    rest = code[len(country):] if country and code.startswith(country) else code
    return any(rest[i:i + 3] in sectors for i in range(0, len(rest), 3)) or (actor.sector or "") in sectors


def _words(d: dict, key: str, where: str) -> frozenset[str]:
    out = []
    for w in d.get(key) or ():
        if not isinstance(w, str):
            raise LexiconError(f"accord/resources/events/exclusions.yaml {where}{key}: {w!r} is not a word; quote it")
        out.append(w.lower())
    return frozenset(out)


@lru_cache(maxsize=1)
def load_exclusions() -> Exclusions:
    d = _read("exclusions.yaml")
    fig = d.get("figurative") or {}
    try:
        credits = tuple(re.compile(p, re.IGNORECASE) for p in d.get("credit_lines") or ())
    except re.error as exc:
        raise LexiconError(f"accord/resources/events/exclusions.yaml credit_lines: {exc}") from None
    return Exclusions(
        credit_lines=credits,
        never=_words(d, "never", ""),
        bare_default_never=_words(d, "bare_default_never", ""),
        needs_complement=_words(d, "needs_complement", ""),
        no_object=_words(d, "no_object", ""),
        criticism=_words(fig, "criticism", "figurative."),
        criticism_between_people=_words(fig, "criticism_between_people", "figurative."),
        contest_verbs=_words(fig, "contest_verbs", "figurative."),
        contest_words=_words(fig, "contest_words", "figurative."),
        dismissal=_words(fig, "dismissal", "figurative."),
        armed_sectors=tuple(w.upper() for w in _words(fig, "armed_sectors", "figurative.")),
        armed_words=_words(fig, "armed_words", "figurative."),
        people_nouns=_words(d, "people_nouns", "") | _words(d, "person_nouns", ""),
        person_nouns=_words(d, "person_nouns", ""),
        private_sectors=tuple(w.upper() for w in _words(d, "private_sectors", "")),
        organisation_sectors=tuple(w.upper() for w in _words(d, "organisation_sectors", "")),
        civilian_only_codes=tuple(str(c) for c in d.get("civilian_only_codes") or ()),
        civilian_pair_codes=tuple(str(c) for c in d.get("civilian_pair_codes") or ()),
        armed_only_codes=tuple(str(c) for c in d.get("armed_only_codes") or ()),
        press_speech=_words(d, "press_speech", ""),
        audience_verbs=_words(d.get("press_audience") or {}, "verbs", "press_audience."),
        audience_object_verbs=_words(d.get("press_audience") or {}, "object_verbs", "press_audience."),
        audience_prepositions=_words(d.get("press_audience") or {}, "prepositions", "press_audience."),
        opposing_sectors=tuple(w.upper() for w in _words(d, "opposing_sectors", "")),
        state_sectors=tuple(w.upper() for w in _words(d, "state_sectors", "")),
        society_sectors=tuple(w.upper() for w in _words(d, "society_sectors", "")),
        accident_words=_words(d.get("accidents") or {}, "words", "accidents."),
        hostile_words=_words(d.get("accidents") or {}, "hostile", "accidents."),
        published_verbs=_words(d.get("published_object_default") or {}, "verbs", "published_object_default."),
        published_objects=_words(d.get("published_object_default") or {}, "objects", "published_object_default."),
        choice_verbs=_words(d.get("choice_object_default") or {}, "verbs", "choice_object_default."),
        choice_objects=_words(d.get("choice_object_default") or {}, "objects", "choice_object_default."),
        own_reporting=_words(d, "own_reporting", ""),
        election_objects=_words(d, "election_objects", ""),
        sport_objects=_words(fig, "sport_objects", "figurative."),
        problem_objects=_words(fig, "problem_objects", "figurative."),
        legal_objects=_words(fig, "legal_objects", "figurative."),
        dismissal_objects=_words(fig, "dismissal_objects", "figurative."),
        legal_force_verbs=_words(fig, "legal_force_verbs", "figurative."),
        default_needs_target=_words(d, "default_needs_target", ""),
        storm_words=_words(d, "storm_words", ""),
        budget_objects=_words(d, "budget_objects", ""),
        withdrawn_race=_words(d.get("withdrawal_objects") or {}, "race", "withdrawal_objects."),
        withdrawn_race_code=str((d.get("withdrawal_objects") or {}).get("race_code") or ""),
        withdrawn_money=_words(d.get("withdrawal_objects") or {}, "money", "withdrawal_objects."),
        withdrawn_money_code=str((d.get("withdrawal_objects") or {}).get("money_code") or ""),
        hazard_codes=tuple(str(c) for c in (d.get("natural_hazards") or {}).get("codes") or ()),
        hazard_words=_words(d.get("natural_hazards") or {}, "words", "natural_hazards."),
        legal_charge_verbs=_words(d.get("legal_charge") or {}, "verbs", "legal_charge."),
        legal_sectors=tuple(w.upper() for w in _words(d.get("legal_charge") or {}, "sectors", "legal_charge.")),
        unarmed_sectors=tuple(w.upper() for w in _words(fig, "unarmed_sectors", "figurative.")),
        unconventional_codes=frozenset(str(c) for c in (d.get("unconventional_force") or {}).get("codes") or ()),
        unconventional_sectors=tuple(w.upper() for w in _words(d.get("unconventional_force") or {}, "sectors",
                                                                "unconventional_force.")),
        state_rally_nouns=_words(d.get("state_rallies") or {}, "nouns", "state_rallies."),
        state_rally_sectors=tuple(w.upper() for w in _words(d.get("state_rallies") or {}, "sectors",
                                                             "state_rallies.")),
        campaign_modifiers=_words(d.get("state_rallies") or {}, "campaign_modifiers", "state_rallies."),
        hearing_nouns=_words(d.get("routine_hearings") or {}, "nouns", "routine_hearings."),
        hearing_topics=_words(d.get("routine_hearings") or {}, "topics", "routine_hearings."),
        repression_codes=frozenset(str(c) for c in (d.get("violent_repression") or {}).get("codes") or ()),
        repression_sources=tuple(w.upper() for w in _words(d.get("violent_repression") or {}, "sources",
                                                            "violent_repression.")),
        repression_targets=tuple(w.upper() for w in _words(d.get("violent_repression") or {}, "targets",
                                                            "violent_repression.")),
        repression_code=str((d.get("violent_repression") or {}).get("code") or ""),
        assassination_verbs=_words(d.get("assassination") or {}, "verbs", "assassination."),
        assassination_code=str((d.get("assassination") or {}).get("code") or ""),
        assassination_named_sectors=tuple(w.upper() for w in _words(d.get("assassination") or {}, "named_sectors",
                                                                     "assassination.")),
        assassination_office_sectors=tuple(w.upper() for w in _words(d.get("assassination") or {}, "office_sectors",
                                                                      "assassination.")),
        figurative_patterns=frozenset(" ".join(str(p).split()).upper()
                                      for p in [*(d.get("figurative_patterns") or ()), *(d.get("result_patterns") or ())]),
        gerund_event_prepositions=_words(d.get("bare_gerund_events") or {}, "prepositions", "bare_gerund_events."),
        purpose_protest_verbs=_words(d, "purpose_protest_verbs", ""),
        protest_place_nouns=_words(d, "protest_place_nouns", ""),
        signed_agreement_verbs=_words(d.get("signed_agreement") or {}, "verbs", "signed_agreement."),
        signed_agreement_code=str((d.get("signed_agreement") or {}).get("code") or ""),
        gerund_event_codes=tuple(str(c) for c in (d.get("bare_gerund_events") or {}).get("codes") or ()),
        hosting_verbs=_words(d.get("hosted_things") or {}, "verbs", "hosted_things."),
        hosted_things=_words(d.get("hosted_things") or {}, "objects", "hosted_things."),
        electorate=_words(d, "electorate", ""),
        talk_about_verbs=_words(d, "talk_about_verbs", ""),
        prevention_verbs=_words(d, "prevention_verbs", ""),
        enacting_verbs=_words(d, "signed_into_law", ""),
        social_venues=_words(d, "social_venues", ""),
        order_verbs=_words(d.get("orders_to_own_forces") or {}, "verbs", "orders_to_own_forces."),
        ordered_acts=_words(d.get("orders_of_acts") or {}, "objects", "orders_of_acts."),
        force_nouns=_words(d.get("orders_to_own_forces") or {}, "addressees", "orders_to_own_forces."),
        own_staff=_words(d.get("orders_to_own_side") or {}, "staff", "orders_to_own_side."),
        reason_verbs=_words(d, "reason_verbs", ""),
        dictionary_recodes=tuple(_recode(r) for r in d.get("dictionary_recodes") or ()),
        enacting_instrument_verbs=_words(d.get("enacted_instruments") or {}, "verbs", "enacted_instruments."),
        instruments=_words(d.get("enacted_instruments") or {}, "objects", "enacted_instruments."),
        normative_sources=_words(d, "normative_sources", ""),
        competence_modals=_words(d.get("competence") or {}, "modals", "competence."),
        competence_only=_words(d.get("competence") or {}, "only", "competence."),
        court_lawsuit_verbs=_words(d.get("court_requests") or {}, "lawsuit_verbs", "court_requests."),
        court_sectors=tuple(w.upper() for w in _words(d.get("court_requests") or {}, "sectors", "court_requests.")),
        court_mediation_codes=tuple(str(c) for c in (d.get("court_requests") or {}).get("mediation_codes") or ()),
        unplaced_group_nouns=_words(d.get("unplaced_groups") or {}, "nouns", "unplaced_groups."),
        vague_quantifiers=_words(d.get("unplaced_groups") or {}, "quantifiers", "unplaced_groups."),
        side_verbs=_words(d.get("needs_side") or {}, "verbs", "needs_side."),
        side_prepositions=_words(d.get("needs_side") or {}, "prepositions", "needs_side."),
        thing_doers=_words(d, "thing_doers", ""),
        refuge_verbs=_words(d.get("refuge") or {}, "verbs", "refuge."),
        refuge_prepositions=_words(d.get("refuge") or {}, "prepositions", "refuge."),
        thing_subjects=_words(fig, "thing_subjects", "figurative."),
        idiom_adverbs=_words(fig, "idiom_adverbs", "figurative."),
        career_verbs=_words(d, "career_verbs", ""),
        health_codes=tuple(str(c) for c in (d.get("public_health") or {}).get("codes") or ()),
        health_sectors=tuple(w.upper() for w in _words(d.get("public_health") or {}, "sectors", "public_health.")),
        health_words=_words(d.get("public_health") or {}, "words", "public_health."),
        subject_is_target_patterns=frozenset(" ".join(str(p).split()).upper()
                                             for p in d.get("subject_is_target_patterns") or ()),
        # nature's own words, and those of the hazards, the diseases and the storms (read once)
        nature_doers=_words(d.get("nature_doers") or {}, "words", "nature_doers.")
        | _words(d.get("nature_doers") or {}, "animals", "nature_doers.")
        | _words(d.get("natural_hazards") or {}, "words", "natural_hazards.")
        | _words(d.get("public_health") or {}, "words", "public_health.") | _words(d, "storm_words", ""),
        nature_codes=tuple(str(c) for c in (d.get("nature_doers") or {}).get("codes") or ()),
        animals=_words(d.get("nature_doers") or {}, "animals", "nature_doers."),
        disaster_words=_words(d.get("public_health") or {}, "disasters", "public_health."),
        legend_words=_words(d.get("legends") or {}, "words", "legends."),
        legend_prepositions=_words(d.get("legends") or {}, "prepositions", "legends."),
        career_prepositions=_words(d, "career_prepositions", "") or frozenset({"in"}),
        private_aid_codes=tuple(str(c) for c in d.get("private_aid_codes") or ()),
        presence_verbs=_words(d, "presence_verbs", "") or frozenset({"be"}),
        habitual_adverbs=_words(d.get("habits") or {}, "adverbs", "habits."),
        habitual_determiners=_words(d.get("habits") or {}, "determiners", "habits."),
        habitual_units=_words(d.get("habits") or {}, "units", "habits."),
    )


def _recode(entry: Any) -> tuple[str, str, tuple[str, str | None] | None]:
    where = "accord/resources/events/exclusions.yaml dictionary_recodes"
    if not isinstance(entry, dict) or "from" not in entry or "to" not in entry:
        raise LexiconError(f"{where}: {entry!r} needs 'from' and 'to'")
    plover = None
    if entry.get("plover"):
        kind, _, mode = str(entry["plover"]).partition("/")
        plover = (kind, mode or None)
    return str(entry["from"]), str(entry["to"]), plover


def _letters(word: str) -> str:
    """The word's letters a-z alone ("wikinews's" -> "wikinewss")."""
    return word if word.isascii() and word.isalpha() and word.islower() else re.sub(r"[^a-z]", "", word)


def _words_around(verb: Any, sentence: Any) -> set[str]:
    """The lower-cased forms and lemmas of the sentence's words but the verb (one pass over its tokens)."""
    v = view(verb.doc)  # (read on the Doc's arrays: analysis.docview)
    dep, lower, lemma, head, kids = v.dep, v.lower, v.lemma, v.head, v.kids
    tokens = range(sentence.start, sentence.end)
    # "According to police, he drove erratically": who reports the act says nothing of what it was
    # nor does "Police said he drove erratically" (the subject of the verb the clause is reported by)
    skip = {d for t in tokens if lower[t] == "according" and dep[t] == "prep" for d in v.subtree(t)}
    node = verb.i
    for _ in range(8):
        if head[node] == node:
            break
        if dep[node] in ("ccomp", "parataxis"):
            skip.update(d for c in kids[head[node]] if dep[c] == "nsubj" for d in v.subtree(c))
        node = head[node]
    vi = verb.i
    words: set[str] = set()
    for t in tokens:
        if t != vi and t not in skip:
            words.add(lower[t])
            words.add(lemma[t])
    return words
