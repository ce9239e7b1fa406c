"""Code events on the dependency parse: trigger, source and target, then negation, modality,
date and place. One module, one job: it reads the mentions and time expressions the earlier
stages left on the `Document` and adds `Event`s.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, Iterable

from spacy.attrs import LEMMA, LOWER, POS
from spacy.symbols import AUX, NOUN, VERB

from ..actors.kinds import COUNTRY_SECTORS, STATE_SECTORS, How
from ..analysis.docview import view
from ..analysis.quotation import find_quoted_spans
from ..analysis.syntax import (argument_head, clause_level, entity_at, governed_by, phrasal_verb, pobjs,
                               pobjs_by_word, reporting_head, subject_of, verb_above)
from ..model import Actor, Detection, Document, Event, Mention, Modality, Place, Timex, Trigger, stable_id
from ..stage import Stage
from ..time.anchoring import (dates_a_noun, detached_time_head, happening_anchors, happening_of_clause, happening_verb,
                              load_anchoring, simultaneous_participles)
from ..time.dates import value_period
from .exclusions import FORCE_ROOTS, Figurative, load_exclusions
from .lexicon import ModalityCues, Pattern, appeal_code, load_agent_heads, load_collective_heads, load_instrument_subjects, load_responsibility_adjectives, load_infinitive_partner_prepositions, load_intent, load_purpose_verbs, load_suit_codes, load_purpose_causative_verbs, load_free_relative_naming_verbs, load_naming_participles, load_background_adverbs, load_one_actor, load_place_prepositions, load_served_mission_words, load_topic_prepositions, load_adjunct_prepositions, load_direction_prepositions, load_attitude_gerund_prepositions, load_purpose_place_prepositions, load_reported_attitudes, load_releasing_verbs, load_expelling_verbs, load_holding_words, load_enabling_verbs, load_instrument_nouns, load_topic_verbs, load_frequency_words, load_level_adverbs, load_judged_for, load_same_time_markers, load_sequence_adverbs, load_spell_prepositions, load_earlier_occasion, load_happening_reference, load_history_nouns, load_incident_words, load_same_time_complement_verbs, load_gerund_time_prepositions, load_quote_day_words, demand_code, intent_code, load_lexicon, load_modality, threat_code
from .lexicon import load_message_nouns, load_message_verbs, load_protest_nouns  # (own line: the long import above is often merged)
from .lexicon import load_sending_verbs  # (own line, as above)
from .lexicon import load_appositive_heads, load_membership_prepositions, load_recipient_prepositions  # (own line, as above)
from .lexicon import load_measure_heads  # (own line, as above)
from .lexicon import load_act_nouns, load_occasion_nouns, load_opposed_thing_prepositions  # (own line, as above)
from .lexicon import load_message_author_prepositions  # (own line, as above)
from .lexicon import load_agreement_nouns, load_agreement_prepositions  # (own line, as above)
from .lexicon import load_coordinated_place_prepositions  # (own line, as above)
from .lexicon import load_criticized_acts  # (own line, as above)
from .lexicon import load_visited_sites  # (own line, as above)
from .lexicon import load_judicial_stages  # (own line, as above)
from .lexicon import load_incident_reaction  # (own line, as above)
from .lexicon import load_accused_act_nouns, load_dated_by_report_codes, load_immediacy_adverbs  # (own line, as above)
from .lexicon import load_force_aim_prepositions, load_force_aim_verbs  # (own line, as above)
from .lexicon import load_overridden_request_prepositions, load_request_maker_prepositions, load_request_nouns  # (own line)
from .nearest_mention import nearest_namings
from .office import in_office_on_the_day
from .passive_agent import agents_of_passives
from .response_target import targets_of_responses
from .ontology import DROPPED, lookup, nearest
from .policy import RecordPolicy
from .verbs import VerbDictionary
from .verbs import _h as _string_id  # (own line, as above)
from .signals import SignalScore
from .clause import mark_clauses
from ..places import geocode

SUBJECT_DEPS = ("nsubj",)
CLAUSE_DEPS = ("ccomp", "xcomp", "advcl", "conj", "relcl", "acl", "pcomp")
LOCATION_PREPS = ("in", "at")
RELATIONSHIP_NOUNS = {"tie", "ties", "relation", "relations", "relationship", "partnership", "alliance",
                      "cooperation", "friendship", "link", "links", "bond", "bonds"}
PLURAL_PRONOUNS = {"they", "we", "both"}
PERSONAL_PRONOUNS = {"i", "we", "it", "they", "he", "she"}
RECIPROCAL_CODES = {"040", "041", "043", "044", "046", "057"}
# Dictionary codes whose coordinated doers act with each other when no target is named ("Russia
# and China met", "China and the EAEU signed an agreement").
DICTIONARY_RECIPROCAL = ("04", "057")
# Force done to someone (assault, fight, mass violence); coercion (17: a curfew, a ban) applies to
# places and things as well.
HARM_ROOTS = ("18", "19", "20")
CRITICISM_ROOT = "11"  # disapprove, criticise, condemn, accuse
COERCION_ROOTS = ("17",) + HARM_ROOTS  # acts done to people against their will
RELEASE_ROOT = "084"  # releasing or returning people
# A statement with no more specific code: a record only when it reports another event.
BARE_STATEMENTS = {"01", "010"}
# Codes of an announcement that say nothing of what is announced: refined by the act announced.
_GENERIC_ANNOUNCEMENTS = {"02", "020", "10", "100", "13", "130"}
# Appeals, demands, refusals and threats: made when reported, whatever the act they announce
# (CAMEO; the development set's convention), unlike an intent (03x), which is about an act to come.
_MADE_ANNOUNCEMENTS = ("02", "10", "12", "13")
# Where a dictionary verb's target is looked for, in order: the recipient the parser marks as
# dative ("sent troops to Uganda", "gave Indonesia a loan") before the thing given.
DICTIONARY_TARGETS = ("dative", "dobj", "prep:against", "prep:on", "prep:with", "prep:to", "prep:at",
                      "prep:for", "prep:from", "prep:over", "prep:into", "prep:in")
# Named entities whose inner words are a name, not a predicate ("Committee to Protect Journalists").
_NAME_ENTITIES = frozenset({"ORG", "WORK_OF_ART", "EVENT", "LAW", "FAC", "PRODUCT"})
_QUOTE_MARKS = frozenset({'"', "“", "”", "'", "‘", "’"})
_DATE_VALUE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
_EXPLICIT_YEAR = re.compile(r"\b\d{4}\b")
PRECISION = {1: "year", 2: "month", 3: "day"}
_CONJ = _string_id("conj")  # the "conj" label as `Doc.to_array(DEP)` gives it
_NEG = _string_id("neg")
_SUBJECT_IDS = frozenset(_string_id(d) for d in ("nsubj", "nsubjpass"))
_NEGATION_DEPENDENT_DEPS = frozenset(_string_id(d) for d in ("advmod", "det", "preconj"))


_PREP = _string_id("prep")
_POBJ = _string_id("pobj")
_AUX_DEP = _string_id("aux")
_VERBISH_POS = frozenset({VERB, AUX})  # syntax.VERBISH as `Doc.to_array(POS)` gives it
_LOCATION_HOST_DEPS = frozenset(_string_id(d) for d in ("dobj", "prep", "pobj"))
_LOCATION_PREP_IDS = frozenset(_string_id(w) for w in LOCATION_PREPS)


def _governs(arrays: Any, i: int, anchors: set[int], limit: int = 12) -> bool:
    """`syntax.governed_by` on the Doc's arrays (VerbDictionary.view): the path from token i up
    the tree reaches one of the `anchors` (token indices) before any other verb, auxiliaries aside."""
    head, pos, dep = arrays.head, arrays.pos, arrays.dep
    node = i
    for _ in range(limit):
        if node in anchors:
            return True
        up = head[node]
        if up == node:
            return False
        if node != i and pos[node] in _VERBISH_POS and dep[node] != _AUX_DEP:
            return False
        node = up
    return False


@lru_cache(maxsize=64)
def _string_ids(words: frozenset[str]) -> frozenset[int]:
    """The string ids of words (as `Doc.to_array(LOWER)` gives a word's lower-cased form)."""
    return frozenset(_string_id(w) for w in words)


@dataclass
class _Candidate:
    pattern: Pattern
    trigger: Any  # the verb or event noun token
    noun: Any | None  # the event noun of a light verb, or None
    sources: list[Actor] = field(default_factory=list)
    targets: list[Actor] = field(default_factory=list)
    rule: list[str] = field(default_factory=list)
    code: str = ""  # the CAMEO code; the pattern's unless a more specific resource overrides it
    specificity: int = 0
    source_tok: Any | None = None  # the argument heads, resolved to actors or not
    target_tok: Any | None = None
    subject_is_target: bool = False  # PETRARCH [:B]: "X faced trial" -> someone B X
    reverse_code: str | None = None  # PETRARCH [A:B]: "A visited B" also gives B 043 A
    statement: bool = False  # a reporting verb's statement, recorded with or without an addressee
    background: bool = False  # a consequence reported around the sentence's event (see _borrow_targets)
    promoted: bool = False  # the cause clause that is the sentence's event
    verb_match: Any | None = None  # the dictionary pattern that fired (VerbMatch), if one did
    # Set by the stage: factuality, the code an announcement of the event expresses, and how the
    # record is coded (see EventStage._fold_announcements).
    negated: bool = False
    modality: Modality = Modality.ASSERTED
    expressed: str | None = None
    frame: bool = False
    announced: str | None = None  # the act an intent, threat, demand, appeal or refusal is about
    governor: Any | None = None  # the word announcing the act ("pledged to", "refused to"): in the trigger span
    speech: Any | None = None  # the reporting verb of a speaker announcing its own act ("said it will")
    target_described: bool = False  # the target span is what a word the pattern names is about
    restated: bool = False  # another candidate's purpose clause ("donated ... to assist Kenya"): no record
    sources_named: bool = False  # a nominal event's doer named by the noun's own phrase ("Russia's offensive")
    folded: Any | None = None  # the act an order or demand was folded from ("ordered his staff to delay the aid")
    agentless: bool = False  # a legal act in an agentless passive: a record with no source ("was convicted")

    def __post_init__(self) -> None:
        self.code = self.code or self.pattern.code
        if self.announced is None and self.code == self.pattern.code:
            self.announced = self.pattern.announced  # "called for the resignation of X": 1041, 0831 asked


def _means_of_same_act(cand: Any, roots: dict[int, str]) -> bool:
    """A gerund after "by" that says how a verb of the same CAMEO root was done ("killed his sister
    by strangling her", "protested by blocking the road")."""
    t = cand.trigger
    if cand.pattern.nominal or t.dep_ != "pcomp" or t.head.dep_ != "prep" or t.head.lower_ != "by":
        return False
    head = t.head.head
    return head.i != t.i and roots.get(head.i) == _act_kind(cand.code)


def _act_kind(code: str) -> str:
    """The CAMEO root, with the roots of violence (18, 19, 20: which one is settled later, by who
    did it) as one."""
    return "force" if code[:2] in ("18", "19", "20") else code[:2]


def _wished_by_doer(verb: Any, wishing: frozenset[str]) -> Any | None:
    """The verb of wishing or needing whose own subject is to do `verb` ("wants to talk", "need
    to fight", and a conjunct sharing it: "wants to cancel the referendum and argue"), or None."""
    node = verb
    while node.dep_ == "conj" and node.head.i != node.i and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
        node = node.head
    if node.dep_ != "xcomp" or node.head.i == node.i or node.head.lemma_.lower() not in wishing:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
        return None  # "wants the government to resign": another's act (hypothetical, coded apart)
    return node.head


def _finite_beside_infinitive(verb: Any) -> bool:
    """A finite verb the parser joins to an infinitive ("urged the embassy to reconsider and spoke
    with Pompeo"): the subject's own next act, not more of what the infinitive says."""
    return verb.dep_ == "conj" and verb.tag_ in ("VBD", "VBZ") and verb.head.tag_ == "VB" \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.head.children)


def _claimed_of_another(verb: Any) -> bool:
    """Whether a verb of claiming reports an act whose doer is named apart from the claimant: a
    clause of its own under the verb, with a subject that is a noun phrase, not a pronoun (which
    may be the claimant) nor a noun the claimant owns by a pronoun ("its fighters")."""
    for c in verb.children:
        if c.dep_ != "ccomp":
            continue
        for s in c.children:
            if s.dep_ in ("nsubj", "nsubjpass"):
                return s.pos_ not in ("PRON", "DET") and not any(
                    k.dep_ == "poss" and k.pos_ == "PRON" for k in s.children)
    return False


class EventStage(Stage):
    name = "events"
    reads = ("article", "doc", "mentions", "timexes")
    writes = ("events", "detections")

    def __init__(self, policy: RecordPolicy | None = None, kb: Any = None) -> None:
        # The actors stage's knowledge base, for the offices people held on an act's day
        # (events/office.py); None: the packaged data plus the user's files, loaded when first needed.
        self.kb = kb
        self.verbs, self.nouns = load_lexicon()
        self.cues: ModalityCues = load_modality()
        self.one_actor = load_one_actor()
        self.exclusions = load_exclusions()
        self.dictionary = VerbDictionary.default()  # PETRARCH-2's verb patterns, after our own lexicon
        # The word lists the rules' helpers read (arguments.yaml, intent.yaml): loaded with the
        # stage, not by the first document that happens to need one.
        for load in (load_agent_heads, load_collective_heads, load_instrument_subjects, load_message_nouns, load_message_verbs, load_protest_nouns, load_purpose_verbs,
                     load_naming_participles, load_background_adverbs, load_place_prepositions,
                     load_served_mission_words, load_topic_prepositions, load_adjunct_prepositions,
                     load_direction_prepositions, load_attitude_gerund_prepositions, load_purpose_place_prepositions,
                     load_reported_attitudes,
                     load_releasing_verbs, load_expelling_verbs, load_holding_words, load_responsibility_adjectives, load_infinitive_partner_prepositions, load_sending_verbs, load_intent,
                     load_measure_heads, load_agreement_nouns, load_agreement_prepositions,
                     load_coordinated_place_prepositions):
            load()
        # The last step (accord.events.signals, accord.events.policy): each candidate's calibrated
        # confidence from the signals a careful coder trusts it by, then the record policy
        # (threshold, bare statements) from the config. (A learned verifier set it until 2026-12-08: it
        # ranked ordinary news worse out of fold and was removed: docs/record-policy-2026-12-08.md.)
        self.scorer = SignalScore.default()
        self.policy = policy if policy is not None else RecordPolicy.from_settings()

    def process_document(self, document: Document) -> None:
        doc = document.doc
        if doc is None:
            raise ValueError(f"article {document.id}: the events stage needs the spaCy parse")
        mentions_at = _index_mentions(document.mentions)
        text = document.article.text  # the Doc's text: slices of it spare making every token of a span
        timex_roots = _index_timexes(doc, text, document.timexes)
        long_spells = _index_long_spells(doc, document.timexes, text)
        background_times = _index_background_times(doc, document.timexes)
        sentences = list(doc.sents)
        sentence_texts = [text[s.start_char:s.end_char] for s in sentences]
        pos = doc.to_array(POS).tolist()  # the candidate scans look at few tokens beyond their part of speech
        events: list[tuple[Event, str]] = []
        nominal_events: set[str] = set()  # the ids of events told by a noun ("Volker's resignation")
        document.detections = []
        storms = self.exclusions.storm_names(text)  # "Hurricane Dorian": the storm is no actor
        captions = self.exclusions.captions_and_credits(sentence_texts,
                                                        [text[s.end_char:nxt.start_char]
                                                         for s, nxt in zip(sentences, sentences[1:])])
        for sent_no, sent in enumerate(sentences):
            if sent_no in captions:
                continue  # "X contributed reporting from Moscow", a picture caption with its credit
            used_nouns: set[int] = set()
            cands = list(self._candidates(sent, pos, used_nouns))
            triggers = {c.trigger.i for c in cands}
            # "started attacking people" (START: * ATTACK): the complement's own record is the act
            cands = [c for c in cands if not _restates_complement(c, triggers, self.cues.aspectual_verbs)]
            for cand in cands:
                self._arguments(cand, mentions_at)
            _borrow_targets(cands, mentions_at)
            for cand in cands:
                _direction_target(cand, mentions_at, self.exclusions.names_people)
            cands = [c for c in cands if not c.restated]
            # "sued the district attorney to block the release": the suit's aim, no second act
            suits = {c.trigger.i for c in cands if c.code.startswith(load_suit_codes())}
            cands = [c for c in cands if not _aim_of_a_suit(c, suits)]
            # "marched in Madrid on Sunday, protesting the tax law", "took to the streets to protest
            # against the result": the participle or purpose infinitive is the same protest (the
            # march may have taken its target above)
            protests = {c.trigger.i for c in cands if c.code.startswith("14") and not c.pattern.nominal}
            cands = [c for c in cands if not _same_protest_participle(c, protests, self.exclusions.purpose_protest_verbs)]
            # "killed his sister by strangling her": the means of an act of the same kind (CAMEO
            # root) is that act, no second record
            roots = {c.trigger.i: _act_kind(c.code) for c in cands if not c.pattern.nominal}
            cands = [c for c in cands if not _means_of_same_act(c, roots)]
            for cand in cands:
                cand.target_tok = _antecedent(cand.target_tok, mentions_at, sent)
                cand.source_tok = _antecedent(cand.source_tok, mentions_at, sent)
            cands = _drop_restated_nominals(cands)
            cands = [c for c in cands if self._literal(c, sent)
                     and not self.exclusions.about_natural_hazard(c.trigger, c.code, storms)
                     # "shut down all schools to curb the spread of the disease": public health
                     and not self.exclusions.public_health_measure(c.code, c.sources, sent)
                     # "Typhoon Hagibis killed 70 people", "A shark attacked a surfer": nature acts
                     and not self.exclusions.nature_doer(c.trigger, c.code, storms)
                     and not self.exclusions.done_to_an_animal(c.trigger, c.targets)
                     # "According to legend, Romulus killed his brother": a legend tells it
                     and not self.exclusions.legendary(c.trigger)]
            for cand in cands:
                cand.negated, cand.modality = self._negated(cand), self._modality(cand)
                if cand.negated and self._refusal(cand, mentions_at):
                    cand.negated = False  # the refusal is the event: its own CAMEO code, asserted
                if cand.code[:2] == "12" and not cand.targets and cand.sources:
                    _request_refused(cand, mentions_at)
                if cand.code[:3] in ("016", "120", "121", "122", "123", "124", "125", "126", "127", "128", "129") \
                        and cand.sources and (not cand.targets or "tgt=described/clause" in cand.rule):
                    _accuser_of_rebutted_charges(cand, mentions_at, self.cues)
                cand.expressed = self._expressed(cand, cand.negated, cand.modality)
                tspan = _trigger_chars(cand)
                cand.frame = cand.background or _is_frame(cand.trigger, self.cues)
                document.detections.append(Detection(
                    sentence=sent_no, code=cand.code, trigger=tspan,
                    source_span=_np_span(cand.source_tok), target_span=_np_span(cand.target_tok),
                    negated=cand.negated, modality=cand.modality, rule="; ".join(cand.rule),
                    specificity=cand.specificity, intent_code=cand.expressed,
                    level=max(0, clause_level(cand.trigger, self.cues.reporting_verbs) - cand.promoted), frame=cand.frame))
            # The record is coded as the CAMEO manual codes it: an intent, threat, demand, appeal or
            # refusal is the event, the act it is about goes into `announced_cameo`.
            cands = self._fold_announcements(cands, mentions_at)
            # "ordered troops to raise their alert": a command to one's own forces (what it asks
            # was folded into it above), no demand on another actor
            cands = [(_own_sides_act(c) if self.exclusions.order_within_own_side(c.trigger) else None)
                     if self.exclusions.order_to_own_forces(c.trigger, c.code, c.sources, c.targets)
                     else c for c in cands if not self.exclusions.order_of_an_act(c.trigger, c.code)
                     # "signed a government decree banning the niqab": an enactment, no demand
                     and not self.exclusions.enacts_instrument(c.trigger, c.code)]
            cands = [c for c in cands if c is not None]
            _threat_beside_an_act(cands)
            # A date governs an event only through the parse tree, which never leaves its sentence.
            sent_start, sent_end = sent.start, sent.end  # (Span properties: read once, not per date)
            sent_timexes = {i: t for i, t in timex_roots.items() if sent_start <= i < sent_end}
            first_of_sentence = len(events)
            for cand in cands:
                if cand.modality in (Modality.HYPOTHETICAL, Modality.FUTURE) and cand.announced is None \
                        and not cand.pattern.nominal and _content_of_a_proposal(cand.trigger):
                    # "a bill that would allow China to extradite people": what a proposed law or
                    # plan would let someone do is the content of the proposal, no act of theirs.
                    continue
                if not cand.pattern.nominal and cand.announced is None and _enabled_by_instrument(cand.trigger):
                    continue  # "proposed an amendment to a law to allow China to extradite anyone to be prosecuted"
                if not cand.pattern.nominal and cand.announced is None \
                        and _purpose_of_announced_thing(cand.trigger, self.cues.reporting_verbs):
                    continue  # "announced a naval coalition to patrol the Gulf": what it is for
                # What the event is called ("call", "meet"): a report of the same event uses it too.
                head_word = (cand.noun if cand.noun is not None else cand.trigger).lemma_.lower()
                if cand.code in BARE_STATEMENTS:
                    # A bare statement ("X said") is a record only when it reports another event
                    # ("X said Y met Z"): reported speech gives the statement (asserted: it was
                    # made) and the event it reports (with the modality the report gives it).
                    if not cand.frame:
                        continue
                    cand.statement = True
                for source, target in self._dyads(cand, document, mentions_at, sent):
                    event = self._event(document, cand, source, target, sent_no, sent, sent_timexes,
                                        cand.negated, cand.modality, sentence_texts[sent_no], long_spells,
                                        background_times)
                    events.append((event, head_word))
                    if cand.pattern.nominal:
                        nominal_events.add(event.id)
                    if cand.reverse_code and source is not None and target is not None \
                            and nearest(cand.reverse_code).plover != DROPPED and "reciprocal" not in cand.rule:
                        reverse = _Candidate(cand.pattern, cand.trigger, cand.noun, rule=cand.rule + ["reverse"],
                                             code=nearest(cand.reverse_code).code)
                        events.append((self._event(document, reverse, target, source, sent_no, sent, sent_timexes,
                                                   cand.negated, cand.modality, sentence_texts[sent_no], long_spells,
                                                   background_times),
                                       head_word))
            events[first_of_sentence:] = _without_claimed_contents(events[first_of_sentence:])
        document.detections = document.detections  # kept in sentence order
        if storms:
            # "Hurricane Dorian ... Dorian killed five people": the storm, no actor
            events = [(e, h) for e, h in events if e.source is None or e.source.text.lower() not in storms]
        candidates = _without_back_references(_deduplicate(events), nominal_events)
        triggers = _TriggerSpans(doc)  # the date passes read the same triggers' tokens again and again
        _date_from_quoted_day(candidates, doc, text, document.timexes, timex_roots, document.article.date, triggers)
        _date_from_report(candidates, timex_roots, document.article.date, triggers)
        _date_from_context(candidates, triggers)
        sentence_dates = _sentence_dates(doc, timex_roots, sentences)
        paragraphs = _paragraph_of_sentences(text, sentences)
        lead = _lead_sentence(sentences)
        story_day = sentence_dates.get(lead, (None, None))[0] if lead is not None else None
        _steps_before_the_judgment(candidates, triggers, sentences, lead)
        _date_from_paragraph(candidates, triggers, paragraphs, sentence_dates, story_day)
        _date_of_immediate_reaction(candidates, triggers, story_day, document.article.date)
        _date_from_retelling(candidates, triggers)
        _date_from_reference(candidates, doc, timex_roots, document.article.date, triggers, text, sentences)
        _date_from_happening(candidates, doc, timex_roots, document.article.date, triggers, sentences)
        _date_from_incident(candidates, doc, sentence_dates, sentences, timex_roots)
        _reaction_to_an_earlier_incident(candidates, sentences, paragraphs, lead, timex_roots, document.article.date)
        _after_a_background_sentence(candidates, doc, sentences, paragraphs, sentence_dates, background_times,
                                     triggers, document.article.date, document.mentions)
        _undated_acts_of_the_dead(candidates, doc, document.mentions, triggers)
        _one_date_per_act(candidates)
        _settle_ranges(candidates)
        _targets_from_earlier_acts(candidates, doc, document, triggers)
        # "Another man, who was arrested": the police the story names arrested him
        agents_of_passives(candidates, document.mentions, triggers.root, document.id)
        # "In response to Cummings's death, Pelosi ordered the flags lowered": done toward Cummings
        targets_of_responses(candidates, document.mentions, triggers.root, document.id)
        in_office_on_the_day(candidates, self.kb)  # "May stepped down on July 24", told later: GBRGOV, not ELI
        nearest_namings(candidates, document.mentions, [s.start_char for s in sentences])  # a side found sentences back
        candidates = _without_unplaced_actors(candidates, document.mentions)
        mark_clauses(candidates, triggers)  # the trigger's clause, a signal (accord.events.clause)
        if self.scorer is not None:
            self.scorer.score(document, candidates)
        document.events = self.policy.select(candidates)

    # ------------------------------------------------------------ triggers
    def _candidates(self, sent: Any, pos: list[int], used_nouns: set[int]) -> Iterable[_Candidate]:
        """The sentence's event triggers: verbs, then event nouns. `pos`: the Doc's parts of speech
        (`Doc.to_array(POS)`), so that only verbs and nouns are made into tokens."""
        doc = sent.doc
        v = view(doc)  # (the Doc's arrays: analysis.docview)
        for i in range(sent.start, sent.end):
            if pos[i] != VERB and pos[i] != AUX:
                continue
            if v.dep[i] == "prep":
                continue  # "according to", "following the talks": participles used as prepositions
            key = _verb_key_at(v, i, self.verbs)
            if key is None and (pos[i] != VERB or not self.dictionary.lists(doc, i)):
                continue  # neither our lexicon nor PETRARCH's dictionary lists it: no candidate
            tok = doc[i]
            if self.exclusions.excludes_sense(tok):
                continue  # "died", "resides in", "the population declined", "demonstrating screens"
            if _imperative(tok):
                continue  # "Don't hold the workers hostage": an exhortation, not an act
            if _purpose_of_presence(tok, self.exclusions.presence_verbs):
                continue  # "Coalition forces are in Iraq ... to defeat ISIS remnants": why they are there
            if self.exclusions.prevented(tok):
                continue  # "barred the company from releasing the files": not released
            if self.exclusions.normative(tok):
                continue  # "Under the Constitution, the House impeaches the official": a procedure
            if self.exclusions.competence(tok):
                continue  # "can only be resolved by Congress": who alone may act, a rule
            if self._own_necessity(tok):
                continue  # "we still need to fight for adoption rights": no demand made of anyone
            if self.exclusions.career_gerund(tok):
                continue  # "He specialized in removing people from danger": a career described
            if _deadline_task(tok):
                continue  # "gave the rebels until Friday to surrender": what is asked by a deadline
            if v.ent_iob[i] == "I" and v.ent_type[i] in _NAME_ENTITIES:
                continue  # "the Committee to Protect Journalists": a word of a name
            cand = self._match_verb(tok, key) if key else None
            if cand is not None and cand.pattern.fallback and pos[i] == VERB:
                # A word class of our own under PETRARCH's patterns: a pattern of its wins.
                specific = self._match_dictionary(tok)
                if specific is not None and specific.specificity > 0:
                    cand = specific
            if cand is None and pos[i] == VERB:
                cand = self._match_dictionary(tok)
            if cand is not None and cand.verb_match is not None and _keeps_named_object_from_acting(
                    tok, cand, self.exclusions.prevention_verbs):
                continue  # "stop terrorists, drugs and weapons from entering Europe": no weapons scrapped
            if cand is not None:
                if cand.noun is not None:
                    used_nouns.add(cand.noun.i)
                yield cand
        for i in range(sent.start, sent.end):
            if pos[i] != NOUN or i in used_nouns:
                continue
            patterns = self.nouns.get(v.lemma[i])
            if patterns:
                tok = doc[i]
                if _is_light_verb_object(tok, self.verbs) or v.dep[i] in ("compound", "amod"):
                    continue  # "riot police", "protest movement": the noun only modifies another
                pattern = next((p for p in patterns if p.fits(tok) and all(_has_argument(tok, spec) for spec in p.needs)),
                               None)
                if pattern is not None:
                    yield _Candidate(pattern, tok, None, rule=["nominal"])

    def _literal(self, cand: _Candidate, sent: Any) -> bool:
        """Keep a candidate of force (CAMEO 17-20) only when force is meant: "Trump hammered Ryan"
        is criticism (111); "beating Trump in the polls", "want to fire Trump" are no events."""
        if self.exclusions.is_contest(cand.trigger, sent):
            return False  # "failing to top 1% in any poll", "won the primary": competition is no event
        if not cand.pattern.nominal and not cand.pattern.objects & self.exclusions.election_objects \
                and self.exclusions.holds_an_election(cand.trigger, cand.code):
            return False  # "Canada held a general election": elections and votes are not coded
        if self.exclusions.electorate_decides(cand.source_tok, cand.code):
            return False  # "Voters in Ohio rejected the measure": the outcome of a vote
        if not cand.code.startswith(FORCE_ROOTS) or cand.pattern.nominal:
            return True
        kind = self.exclusions.figurative(cand.trigger, sent, cand.sources, cand.targets)
        if kind is Figurative.NO_EVENT:
            return False
        if kind is Figurative.CRITICISM:
            cand.code, cand.specificity = "111", cand.specificity
            cand.rule.append("figurative->111")
        return True

    def _match_dictionary(self, verb: Any) -> _Candidate | None:
        m = self.dictionary.match(verb)
        if m is None:
            return None
        if self.exclusions.figurative_pattern(m.pattern):
            return None  # "dealing a severe blow to the government": a setback, no event
        # the words the pattern names in the verb's subtree, looked up once for the tests below
        named = _named_words(verb, m, self.dictionary) if m.specificity > 0 else None
        if m.specificity > 0 and (_names_only_adjunct(verb, m, named) or _names_only_complex_preposition(verb, m, named)):
            # "detained 18 people following a fire" (CONFINE * FIRE), "detained 12 people at a
            # meeting" (CONFINE * MEETING): words in a time or place phrase say when or where, not
            # what the act is; the verb's own default codes it
            entry = self.dictionary.entry(verb)
            if entry is None or entry[1] is None:
                return None
            m = entry[1]
            named = None  # another match: its own words
        if m.specificity > 0 and self.exclusions.destination_only(verb, named if named is not None
                                                                   else _named_words(verb, m, self.dictionary)):
            # "fled to the Canadian embassy" (EVACUATE * EMBASSY, 161): the place fled to is a
            # refuge, no embassy evacuated; the verb's own default codes it, if anything
            entry = self.dictionary.entry(verb)
            if entry is None or entry[1] is None:
                return None
            m = entry[1]
            named = None
        if m.specificity == 0 and self.exclusions.excludes_default(verb):
            return None  # "served in the House", "joined parliament": not the block's act
        try:
            code = nearest(m.code).code
        except ValueError:
            return None
        rule = [f"petrarch:{m.pattern}"]
        code, plover = self.exclusions.recode(code)  # "STEP: * DOWN [0831]": a resignation is 080
        recoded = code
        specificity = m.specificity
        if specificity > 0 and _names_only_complement(verb, m, named):
            # "started assembling firearms" (START * &WEAPON, 194): the words the pattern needs
            # are the objects of the complement's own act, which is coded by its own verb if at all.
            return None
        if specificity > 0 and verb.lemma_.lower() in self.cues.reporting_verbs and (
                _names_only_reported(verb, m, named) or _names_only_medium(verb, m, named)):
            # "said China would impose sanctions": the pattern's word belongs to the reported
            # clause, which is an event of its own; the reporting verb is the statement (010).
            code, specificity = "010", 0
            rule.append("reported-clause->010")
        elif specificity > 0 and code != "010" and self.exclusions.reason_given(verb):
            # "have cited security concerns to impose bans": a reason given for an act, no comment
            code, specificity = "010", 0
            rule.append("reason-given->010")
        elif specificity > 0 and code[:2] not in ("01", "11") and verb.lemma_.lower() in self.exclusions.talk_about_verbs:
            # "described the attacks as a dastardly act", "cited the government's support for
            # Maduro": speaking of an act is a statement, not the act (exclusions.yaml)
            code, specificity = "010", 0
            rule.append("talked-about->010")
        elif code[:2] == "12" and verb.lemma_.lower() in self.cues.refusal_verbs and any(
                c.dep_ == "xcomp" and c.lemma_.lower() in self.cues.unconfirming_verbs for c in verb.children):
            # "declined to say whether", "refused to confirm the meeting": refusing to tell is a
            # declined comment (CAMEO 011, as PETRARCH's "REFUSE * COMMENT"), no rejection (12x);
            # like a statement, it gives way to the event its clause tells of
            code = "011"
            rule.append("refused-telling->011")
        elif code[:2] in self.cues.reporting_never and verb.lemma_.lower() in self.cues.reporting_verbs:
            # "stressed the importance of the UN in talks with France": the speaker says something
            # in a meeting (an event of its own, the talks); the saying is no negotiation.
            code, specificity = "010", 0
            rule.append("reporting-verb->010")
        if code == "010" and verb.lemma_.lower() in self.cues.reporting_verbs \
                and (attitude := _own_reported_attitude(verb)) is not None:
            # "said it is skeptical of the plan": a pessimistic (012) or optimistic (013) comment
            code = attitude
            rule.append(f"reported-attitude->{code}")
        # PETRARCH's [A:A] codes an act both ways ("SIGN * {TRADE &TREATY} [0311:0311]"): its
        # coordinated doers act with each other.
        symmetric = m.reverse_code is not None and nearest(m.reverse_code).code == code
        pattern = _dictionary_pattern(verb.lemma_.lower(), code, code.startswith(DICTIONARY_RECIPROCAL) or symmetric,
                                      plover if code == recoded else None)
        cand = _Candidate(pattern, verb, None, rule=rule, code=code, specificity=specificity)
        cand.subject_is_target = m.subject_is_target or self.exclusions.subject_is_target(m.pattern)
        cand.reverse_code = m.reverse_code
        cand.verb_match = m
        return cand

    def _match_verb(self, verb: Any, key: str) -> _Candidate | None:
        """The first of the lexicon's patterns under `key` (the verb's `_verb_key`) that fits."""
        objects = None  # the verb's light-verb objects, listed when a pattern first needs them
        for pattern in self.verbs[key]:
            if pattern.objects:
                if objects is None:
                    objects = _light_verb_objects(verb)
                for child in objects:
                    if _word_in(child, pattern.objects) \
                            and pattern.fits(child) and all(_has_argument(verb, spec, child) for spec in pattern.needs):
                        return _Candidate(pattern, verb, child, rule=[pattern.describe()])
                continue
            if pattern.via:
                # the preposition on the verb, or on its object ("held families as human shields")
                # (walked on the Doc's arrays, analysis.docview: only a listed word becomes a Token)
                v = view(verb.doc)
                dep, kids, lemma, lower = v.dep, v.kids, v.lemma, v.lower
                preps = kids[verb.i] + [p for o in kids[verb.i] if dep[o] == "dobj" for p in kids[o]]
                for prep in preps:
                    if dep[prep] != "prep":
                        continue
                    # "asked for national security advisor John Bolton's resignation": the parser
                    # may hang the event noun on the object as an apposition
                    pobjs = [p for o in kids[prep] if dep[o] == "pobj"
                             for p in (o, *(a for a in kids[o] if dep[a] == "appos"))]
                    for p in pobjs:
                        if (lemma[p] in pattern.via or lower[p] in pattern.via) and pattern.fits(pobj := verb.doc[p]):
                            return _Candidate(pattern, verb, pobj, rule=[pattern.describe()])
                continue
            if pattern.needs and not all(_has_argument(verb, spec) for spec in pattern.needs):
                continue
            return _Candidate(pattern, verb, None, rule=[pattern.describe()])
        return None

    # ----------------------------------------------------------- arguments
    def _arguments(self, cand: _Candidate, mentions_at: dict[int, list[Mention]]) -> None:
        trig = cand.trigger
        if cand.pattern.nominal:
            # "Russia's offensive", "Palestinian riots", "student protests": the pattern says
            # which modifiers name the doer; the first that resolves to an actor wins.
            for spec in cand.pattern.source:
                for child in _source_slots(trig, spec):
                        actors = _actors_of(child, mentions_at)
                        if actors or spec == "poss":
                            cand.source_tok = child
                            cand.sources = actors
                            cand.sources_named = bool(actors) and spec in ("poss", "prep:by", "responsible")
                            cand.rule.append(f"src={spec}")
                            break
                if cand.source_tok is not None:
                    break
            cand.targets = self._targets(cand, mentions_at)
            if not cand.sources and cand.pattern.reciprocal and _take_between(cand, trig, mentions_at):
                return
            if not cand.sources and cand.targets and cand.pattern.reciprocal:
                # "stressed ... in recent talks with leaders from France": the talker is the
                # subject of the clause the talks are part of.
                verb = verb_above(trig)
                subject = subject_of(verb)[0] if verb is not None else None
                if subject is not None:
                    cand.sources = _actors_of(subject, mentions_at)
                    if cand.sources:
                        cand.rule.append("src=clause-subject")
            return
        subject, passive = subject_of(trig)
        placed_at: list[Actor] = []  # the place a weapon or attack with no named doer struck
        if subject is not None and not passive and trig.tag_ == "VBN" \
                and any(c.dep_ == "auxpass" for c in trig.children):
            # 'the military had been "effectively disarmed"': a subject mislabelled nsubj; "two
            # militants attacked the station and were arrested by police": a passive verb's subject
            # shared from an active one is done to, never the doer
            passive = True
        if subject is not None and not passive and trig.tag_ == "VBN" and trig.dep_ == "advcl" \
                and subject.head.i != trig.i and not any(c.dep_ in ("aux", "auxpass") for c in trig.children):
            passive = True  # "wept when convicted", "if attacked": a bare participle clause is done to the subject
        if subject is None and trig.dep_ == "acl" and trig.tag_ == "VBG" and trig.head.pos_ in ("NOUN", "PROPN"):
            subject = trig.head  # "protesters demanding his resignation", "a report accusing the army"
            if subject.dep_ == "dobj" and subject.lower_ in load_message_nouns() \
                    and subject.head.lemma_.lower() in load_message_verbs() and not _actors_of(subject, mentions_at):
                author, author_passive = subject_of(subject.head)
                if author is not None and not author_passive:
                    if cand.code[:2] == "04":
                        # "issued statements speaking of an imminent incursion": a message talks of
                        # its topic; it meets no one
                        cand.rule.append("message-talks")
                        return None
                    # "Pompeo posted a message on Twitter blaming Iran": the message's maker; "the
                    # newspaper published a letter from the senator criticizing": the one the
                    # message names as its author
                    own = _message_own_author(subject)
                    subject = own if own is not None else author
                    cand.rule.append("src=message-author" if own is None else "src=message-own-author")
            elif subject.dep_ == "dobj" and subject.lower_ in load_protest_nouns() and not _actors_of(subject, mentions_at):
                holder, holder_passive = subject_of(subject.head)
                if holder is not None and not holder_passive:
                    subject = holder  # "Thousands held a rally calling for the resignation of X"
                    cand.rule.append("src=protest-holder")
        if subject is not None:
            if passive:
                cand.target_tok = subject if cand.noun is None else None
            else:
                cand.source_tok = subject
        if passive:
            for child in trig.children:
                if child.dep_ == "agent":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            cand.source_tok = pobj
                            cand.sources = _actors_of(pobj, mentions_at)
                            cand.rule.append("src=agent")
            if not cand.sources and subject is not None and trig.lemma_.lower() in load_releasing_verbs():
                holder = _holder(trig, subject, mentions_at)
                if holder is not None:
                    # "Eighteen Italian fishermen, held captive in Libya, have been freed": whoever
                    # held them frees them
                    cand.source_tok, cand.sources = holder
                    cand.rule.append("src=holder")
            if not cand.sources and subject is not None and trig.lemma_.lower() in load_expelling_verbs() \
                    and not any(c.dep_ == "agent" for c in trig.children):
                # "Two British diplomats were expelled from Russia": the country they are sent out of
                # expels them (arguments.yaml expelling_verbs); a party, a school or a city is no doer
                for place in pobjs(trig, "from"):
                    countries = [a for a in _actors_of(place, mentions_at) if a.country and a.code == a.country
                                 and any(m.how == "name" for m in mentions_at.get(place.i, ()))]
                    if countries:
                        cand.source_tok, cand.sources = place, countries
                        cand.rule.append("src=expelled-from")
                        break
            if not cand.sources and cand.noun is not None and subject is not None and subject.i == cand.noun.i \
                    and (owner := _event_noun_owner(cand.noun, mentions_at)) is not None:
                # "UN sanctions against Iran were lifted", "the EU's ban on Russian flights was
                # lifted": with no "by" phrase, whose sanctions or ban they are is who acts on them
                cand.source_tok, cand.sources = owner
                cand.rule.append("src=event-noun-owner")
            if subject is not None and cand.noun is None:
                if cand.pattern.direct and _thing_of_an_actor(subject, mentions_at) \
                        and not self.exclusions.names_people(subject):
                    cand.rule.append("tgt=nsubjpass->thing-of-actor")  # "Iranian assistance is received"
                elif cand.pattern.target and not {"dobj", "dative"} & set(cand.pattern.target) \
                        and _thing_of_an_actor(subject, mentions_at) and not self.exclusions.names_people(subject):
                    # "an Egyptian sarcophagus was returned to Egypt": the passive's subject is the
                    # active's object, which a pattern that finds its target elsewhere ("to") does
                    # not take for it
                    cand.rule.append("tgt=nsubjpass->object-of-act")
                else:
                    cand.targets = _actors_of(subject, mentions_at)
                    cand.rule.append("tgt=nsubjpass")
            if not cand.sources and cand.pattern.code.startswith("17"):
                speaker = _reporting_speaker(trig, self.cues) or _according_to(trig)
                actors = _actors_of(speaker, mentions_at) if speaker is not None else []
                if actors and self.exclusions.legal_doers(actors):
                    # "a police spokesperson confirmed that two suspects were arrested": the
                    # police or court reporting an agentless arrest or charge is the one acting
                    cand.source_tok, cand.sources = speaker, actors
                    cand.rule.append("src=legal-speaker")
            if not cand.sources and cand.targets and "src=agent" not in cand.rule \
                    and not any(c.dep_ == "agent" for c in trig.children) \
                    and any(c.dep_ == "auxpass" for c in trig.children):
                # a passive clause of its own ("was convicted"); "wept when convicted" retells
                if cand.code.startswith("112") and trig.lemma_.lower() in self.one_actor.agentless_charge_verbs:
                    # "eleven individuals have been charged with the murder": prosecutors' charge
                    cand.code = "173"
                    cand.rule.append("agentless-charge->173")
                if self.one_actor.agentless(cand.code):
                    # "Chirac was convicted of corruption": whoever convicted him is not named; the
                    # act is a record with no source (resources/events/one_actor.yaml)
                    doer = _legal_doer_nearby(cand, mentions_at, self.one_actor)
                    if doer is not None:
                        # "... was sentenced in federal court. Judge Jackson said ...": the court
                        # or police the story names close by
                        cand.source_tok, cand.sources = doer
                        cand.rule.append("src=legal-doer-nearby")
                    else:
                        cand.agentless = True
                        cand.rule.append("src=agentless")
        elif subject is not None and cand.subject_is_target:
            cand.target_tok, cand.source_tok = subject, None
            cand.targets = _actors_of(subject, mentions_at)
            cand.rule.append("tgt=nsubj (passive sense)")
            return
        elif subject is not None:
            cand.sources = _actors_of(subject, mentions_at)
            placed_instrument = bool(cand.sources) and subject.lower_ in load_instrument_subjects() \
                and _only_placed(subject, mentions_at)
            if placed_instrument:
                # "A car bomb in Kabul killed five people", "An explosion in Beirut injured dozens":
                # the place says where the attack was, not who did it (as "a Kabul car bombing")
                cand.sources = []
            if not cand.sources and subject.lower_ in PLURAL_PRONOUNS:
                cand.sources = _plural_pronoun_antecedents(subject, mentions_at)
                if cand.sources:
                    cand.rule.append("src=they->coordinated subject")
            if not cand.sources and subject.lower_ in load_instrument_subjects():
                doer = _instrument_doer(subject, mentions_at)
                if doer is not None:
                    # "Syrian government shelling killed a soldier": whose shelling it was
                    cand.source_tok, cand.sources = doer, _actors_of(doer, mentions_at)
                    cand.rule.append("src=instrument-doer")
            if not cand.sources and placed_instrument:
                cand.agentless = True  # an attack whose doer the sentence does not name
                cand.rule.append("src=placed-instrument->unknown")
                # "A car bomb in Kabul exploded": with no one it was done to, it struck the place
                # (the development set: "suicide bombings took place in Tunisia", target TUN); not
                # when the verb names whom, resolved or not ("a car bomb in Kiev killed a Chechen")
                if not any(c.dep_ in ("dobj", "dative") for c in trig.children):
                    placed_at = [a for t in subject.subtree if t.i != subject.i and t.dep_ == "pobj"
                                 for m in mentions_at.get(t.i, ()) if m.how == "place" for a in [m.actor]][:1]
            if not cand.sources and subject.lower_ in PERSONAL_PRONOUNS:
                speaker = _reporting_speaker(trig, self.cues)
                if speaker is not None and (actors := _actors_of(speaker, mentions_at)):
                    # "The rebels said they will release the hostages": a pronoun the actor stage
                    # left unresolved, as the subject of what a speaker reports, is the speaker.
                    cand.sources = actors
                    cand.rule.append("src=pronoun->speaker")
            if cand.sources and not any(r.startswith("src=") for r in cand.rule):
                cand.rule.append(f"src={subject.dep_}")
            extra = _as_well_as(trig, subject, mentions_at)
            if cand.sources and extra:
                # "Leaders from France ... have flocked to Beijing, as well as Uruguay": the
                # parser hangs the added subject on the verb; it is one more doer.
                cand.sources = cand.sources + [a for a in extra if a.key not in {s.key for s in cand.sources}]
                cand.rule.append("src+=as-well-as")
        if not cand.targets:
            cand.targets = self._targets(cand, mentions_at)
        if not cand.targets and placed_at:
            cand.targets = placed_at
            cand.rule.append("tgt=place-struck")
        if not cand.targets and int(cand.code[:2]) >= 10 \
                and (doer := _doer_of_a_thing_opposed(cand, mentions_at, self.exclusions.purpose_protest_verbs)) is not None:
            # "filed a lawsuit against the state of emergency Trump declared": done to its doer
            cand.target_tok, cand.targets = doer
            cand.rule.append("tgt=opposed-thing-doer")
        if not cand.sources and cand.noun is not None and cand.pattern.reciprocal:
            _take_between(cand, cand.noun, mentions_at)  # "talks between Russia and Ukraine were held"

    def _targets(self, cand: _Candidate, mentions_at: dict[int, list[Mention]]) -> list[Actor]:
        """The target: the first argument (in the pattern's order) that resolves to an actor, or
        the owner of one ("denounced Russia's war"). Failing that the span kept for the target is
        the first argument that names someone or something (a proper noun or a named entity: "gave
        firearms to the Philippine Marines"), else the first that is not a date or an amount."""
        trig, noun = cand.trigger, cand.noun
        doc = trig.doc
        v = view(doc)  # (the words are read on the Doc's arrays: analysis.docview)
        dep, lower, kids = v.dep, v.lower, v.kids
        found: list[tuple[str, Any]] = []
        preps: dict[int, dict[str, list[Any]]] = {}  # each owner's prepositional objects, read once
        # the trigger's and the noun's children with their labels, read once
        host_children: dict[int, list[tuple[Any, str]]] = {}
        for spec, kind, arg, on_noun in _target_specs(cand.pattern.target):
            host = noun if on_noun else trig
            if host is None:
                continue
            h = host.i
            if kind == "prep":  # most specs: the object of a preposition on the trigger
                by_word = preps.get(h)
                if by_word is None:
                    by_word = preps[h] = pobjs_by_word(host)
                toks = by_word.get(arg, ())
                if not toks:
                    # "agree with what Republicans in Congress were proposing": a free relative
                    # after the preposition is what its subject does, so the subject is who
                    # (never a naming clause: "what it called an attack" names no one)
                    toks = _free_relative_doers(host, arg)
                if not toks and cand.pattern.nominal and arg in load_coordinated_place_prepositions():
                    # "mass killings, rapes and abductions throughout the Central African Republic":
                    # a phrase after coordinated event nouns is each one's, wherever the parser hangs it
                    toks = next((t for c in _conjuncts(host) if (t := pobjs_by_word(c).get(arg))), ())
            else:
                if kind not in _TARGET_KINDS_ON_VIEW:
                    children = host_children.get(h)
                    if children is None:
                        children = host_children[h] = [(c, c.dep_) for c in host.children]
                if kind in ("dobj", "dative", "oprd"):
                    # spaCy marks "to" of "gave arms to X" as the dative: the recipient is its object
                    toks = [doc[next((g for g in kids[c] if dep[g] == "pobj"), c) if v.pos[c] == "ADP" else c]
                            for c in kids[h] if dep[c] == kind]
                elif kind in ("poss", "object-poss"):
                    toks = [doc[c] for c in kids[h] if dep[c] == "poss"]  # "attended ASEAN's summit"
                elif kind in ("compound", "object-compound"):
                    toks = [doc[c] for c in kids[h] if dep[c] == "compound"]
                elif kind == "within-object-prep":
                    # "returned dozens of artifacts to the embassy", "returned a painting that was
                    # stolen in 1989 to its owners": the parser hangs the verb's preposition inside its object
                    toks = [p for o, dep in children if dep == "dobj" for t in o.subtree
                            if t.i > o.i and t.dep_ == "prep" and t.lower_ == arg for p in t.children if p.dep_ == "pobj"]
                elif kind == "object-prep":
                    # "lifted sanctions imposed on China": a participle restating the event noun's
                    # application carries its argument.
                    # "lifted the ban that they imposed on aid agencies": a relative clause whose
                    # pronoun is what it acts on restates the noun's application too, and so does
                    # one with no relative pronoun and no object of its own ("the ban it imposed on
                    # aid agencies": the noun is its object)
                    owners = [host] + [c for c, dep in children if (dep == "acl" and c.tag_ == "VBN") or (
                        dep == "relcl" and (any(g.dep_ in ("dobj", "nsubjpass") and g.tag_ == "WDT" for g in c.children)
                                            or (c.pos_ == "VERB" and any(g.dep_ == "nsubj" for g in c.children)
                                                and not any(g.dep_ in ("dobj", "nsubjpass", "ccomp", "xcomp", "attr")
                                                            or g.tag_ in ("WDT", "WP", "WRB") for g in c.children))))]
                    for owner in owners:
                        if owner.i not in preps:
                            preps[owner.i] = pobjs_by_word(owner)
                    toks = [p for owner in owners for p in preps[owner.i].get(arg, ())]
                elif kind == "object":
                    toks = [host]  # "overran a military base": the place taken is what the event is done to
                elif kind == "object-purpose-prep":
                    # "launched a mediation effort to end the dispute between Iraq and Iran": the
                    # preposition on the object of the infinitive that says what the noun is for
                    toks = [p for c, dep in children if dep == "acl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                            for o in c.children if o.dep_ == "dobj"
                            for prep in o.children if prep.dep_ == "prep" and prep.lower_ == arg
                            for p in prep.children if p.dep_ == "pobj"]
                elif kind == "next-dobj":
                    # "let free the activist": the parser may make the word after the verb ("free")
                    # a verb of its own that takes the object
                    nxt = host.doc[host.i + 1] if host.i + 1 < len(host.doc) else None
                    toks = [c for c in nxt.children if c.dep_ == "dobj"] if nxt is not None and nxt.head.i == host.i else []
                elif kind == "ccomp-subject":
                    # "found Nielsen guilty": the subject of the small clause
                    toks = [g for c, dep in children if dep == "ccomp" for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
                elif kind == "agreement-partner":
                    # "called off the strike after reaching agreement with the government": whom
                    # the agreement the act follows was made with (arguments.yaml agreement_*)
                    toks = [p for c, dep in children if dep == "prep" and c.lower_ in load_agreement_prepositions()
                            for o in c.children
                            for noun in ([o] if o.dep_ == "pobj" else [g for g in o.children if g.dep_ == "dobj"]
                                         if o.dep_ == "pcomp" else [])
                            if noun.lower_ in load_agreement_nouns()
                            for prep in noun.children if prep.dep_ == "prep" and prep.lower_ == "with"
                            for p in prep.children if p.dep_ == "pobj"]
                elif kind == "rebutted-by":
                    # "The Kremlin dismissed the administration's accusation": the accused rebuts it
                    gov = argument_head(host) if host.dep_ in ("dobj", "nsubjpass") else None
                    subject = subject_of(gov)[0] if gov is not None and gov.lemma_.lower() in self.cues.rebuttal_verbs else None
                    toks = [subject] if subject is not None and subject.i != host.i else []
                else:
                    continue
            # "on behalf of the people of Taiwan" names whom the doer acts for, never the target
            if toks:
                found.extend((spec, tok) for tok in toks if not _is_date_at(v, tok.i) and lower[tok.i] != "behalf")
        # A word the dictionary pattern names ("* &MILITARY": "sent troops to Jordan", "* CONCERN",
        # "* RESPONSIBILITY") describes the event rather than naming what it is done to: such
        # arguments are tried after the others, and through the actor in their own phrase first.
        named_by_pattern = cand.verb_match.names_word if cand.verb_match is not None else (lambda t: False)
        if cand.verb_match is not None and not found and noun is None:
            # "refused to join the NATO exercises" (PETRARCH-2's REFUSE * JOIN): a pattern that names
            # the act by the verb of its complement finds the act's arguments on that verb
            for x in (doc[x] for x in kids[trig.i] if dep[x] == "xcomp" and v.pos[x] == "VERB"):
                if named_by_pattern(x):
                    found.extend((f"xcomp-{c.dep_}", c) for c in x.children if c.dep_ in ("dobj", "dative"))
                    found.extend((f"xcomp-prep:{w}", p) for w, ps in pobjs_by_word(x).items()
                                 if f"prep:{w}" in DICTIONARY_TARGETS for p in ps if not _is_date(p))
        if cand.code[:2] == "04" and _lemma(trig) in load_topic_verbs():
            # "to discuss Pierluisi's confirmation", "discussed Iran's programme with Turkey": what
            # is discussed is a topic; the partner is only the one it is discussed with
            found = [(spec, tok) for spec, tok in found if spec.startswith("prep:")]
        if cand.code[:2] == CRITICISM_ROOT and found:
            # "condemned India's airstrikes in Kashmir", "the attack by Boko Haram on a school":
            # the criticism of an act of violence is aimed at its doer, when the phrase names one
            acts = load_criticized_acts()
            found = [pair for spec, tok in found
                     for pair in ([(f"{spec}/doer", d) for d in _act_doers(tok)] or [(spec, tok)]
                                  if _word_in(tok, acts) else [(spec, tok)])]
        cooperative = int(cand.code[:2]) < 10
        if cooperative and cand.pattern.target == DICTIONARY_TARGETS:
            # "shared evidence with India against David Headley": whom a cooperative act is set
            # against is its opponent, never its partner (the dictionary's generic slots)
            found = [(spec, tok) for spec, tok in found if spec != "prep:against"]
        plain_args: list[tuple[str, Any]] = []
        described: list[tuple[str, Any]] = []
        for spec, tok in found:
            (described if named_by_pattern(tok) else plain_args).append((spec, tok))
        someone_unresolved = False  # an object that is someone no actor was resolved for
        # "arrested members of Hamas in Hebron", "detained several suspects in the attack on ...":
        # the people an act of force or coercion is done to, named by the pattern itself
        # (MEMBERS, &SUSPECT), are tried after the plain arguments; a place or an adjunct's actor
        # is still not whom it was done to
        people_described = cand.code.startswith(COERCION_ROOTS) and any(
            spec in ("dobj", "dative") and self.exclusions.names_people(tok) for spec, tok in described)
        # people released (CAMEO 0841, or 084 of an object naming people), whether the pattern
        # names them or not: "released two hostages to the Red Cross": whom they are handed to is
        # not whom the release is done to (arguments.yaml recipient_prepositions)
        released_people = cand.code.startswith(RELEASE_ROOT) and any(
            spec == "dobj" and (cand.code.startswith(RELEASE_ROOT + "1") or self.exclusions.names_people(tok))
            for spec, tok in found)
        if released_people:
            recipients = [(spec, tok) for spec, tok in plain_args
                          if spec == "dative" or spec.partition(":")[2] in load_recipient_prepositions()]
            if recipients:
                plain_args = [a for a in plain_args if a not in recipients]
                cand.rule.append("tgt=recipient-of-released->none")
        for spec, tok in plain_args:
            actors = _actors_of(tok, mentions_at)
            if actors and (someone_unresolved or people_described) and spec.partition(":")[2] in load_place_prepositions() \
                    and all(a.code == a.country for a in actors):
                # "arrested two suspects in Jerusalem": the place is where the act was done to
                # them, not whom it was done to
                cand.rule.append(f"tgt={spec}->place-of-act")
                continue
            if actors and spec == "dobj" and _doers_own_state_body(tok, actors, cand.sources):
                # "Russia has begun withdrawing its troops from Syria", "recalled its ambassador
                # from Ankara": the doer's own forces or envoys are what it acts with; whom the act
                # is done to is the next argument, if any
                cand.rule.append(f"tgt={spec}->doers-own")
                continue
            if actors and cand.pattern.direct and _thing_of_an_actor(tok, mentions_at) \
                    and not self.exclusions.names_people(tok):
                # "direct Iranian assistance is received by the Houthis", "favored European
                # integration": a thing an actor's name only modifies is no guest or partner
                cand.rule.append(f"tgt={spec}->thing-of-actor")
                continue
            if actors:
                cand.target_tok = tok
                cand.rule.append(f"tgt={spec}")
                return actors
            if spec in ("dobj", "dative") and self.exclusions.names_people(tok):
                someone_unresolved = True
            # "denounced Russia's war": the war's owner; "pounded the Taliban hideouts": force on a
            # group's positions, bases or hideouts is force on the group
            owners = ("poss", "compound") if cand.code.startswith(HARM_ROOTS) else ("poss",)
            for poss in kids[tok.i]:
                if dep[poss] in owners and (actors := _actors_of(doc[poss], mentions_at)):
                    cand.target_tok = tok
                    cand.rule.append(f"tgt={spec}/poss")
                    return actors
        # "closed Venezuela's borders with Brazil", "completed its withdrawal of troops from
        # Iraq": inside the phrase of what the pattern names, the doer's own country (the owner
        # of the thing acted on) or forces of no country are not whom the act is done to when
        # the phrase names another actor
        own = {a.country for a in cand.sources if a.country}
        doers = {a.key for a in cand.sources if a.key}

        def owned(node):
            # the doer's own country, forces of no country, or the doer itself ("its peacekeeping force")
            actors = _actors_of(node, mentions_at)
            return bool(actors) and all((a.code == a.country and a.country in own) or (not a.country and not a.name)
                                        or (a.key is not None and a.key in doers) for a in actors)

        def itself(node):
            actors = _actors_of(node, mentions_at)
            return bool(actors) and all(a.key is not None and a.key in doers for a in actors)

        for spec, tok in described:
            inner = _inner_actor(tok, mentions_at, cooperative, cand.code[:2] == "04",
                                 gerund_after=load_attitude_gerund_prepositions(), avoid=owned)
            if inner is not None and not cooperative and self._beside_unresolved_people(tok, inner, mentions_at):
                cand.rule.append(f"tgt={spec}/people-unresolved->none")
                continue
            actors = _actors_of(inner, mentions_at) if inner is not None else _actors_of(tok, mentions_at)
            if actors:
                cand.target_tok = tok
                cand.rule.append(f"tgt={spec}/described{'/inner' if inner is not None else ''}")
                return actors
        # No actor in or at the head of an argument: the span kept is the first that names someone or something,
        # else the first head argument (a modifier such as "air" of "air strikes" only when it
        # names); when an actor stands inside its phrase ("rejected a request from The New York
        # Times", "pledged support for the Afghan government") the event is done to that actor.
        def pick(args):
            named = next(((spec, tok) for spec, tok in args if _names_something(tok)), None)
            if named is not None:
                return named
            return next(((spec, tok) for spec, tok in args
                         if not spec.endswith("compound") and not _is_date_or_amount(tok)), None)

        if cand.target_tok is not None:  # a passive subject that is no actor ("the inmate was tortured")
            first = ("nsubjpass", cand.target_tok)
        elif people_described:
            # "detained several suspects in the attack against the convoy of the prime minister":
            # the suspects, whom no actor was resolved for, are whom it was done to
            first = next((spec, tok) for spec, tok in described
                         if spec in ("dobj", "dative") and self.exclusions.names_people(tok))
        else:
            first = pick(plain_args)
        if first is not None:
            spec, tok = first
            cand.target_tok = tok
            # "agreed to an expansion of its peacekeeping force in Afghanistan": the doer's own
            # possessive inside the phrase is not whom the act is done to when the phrase names another
            inner = _inner_actor(tok, mentions_at, cooperative, cand.code[:2] == "04", avoid=itself) \
                if not cand.pattern.direct else None
            if inner is not None and not cooperative and self._beside_unresolved_people(tok, inner, mentions_at):
                cand.rule.append(f"tgt={spec}/people-unresolved->none")
                inner = None
            elif inner is not None:
                cand.rule.append(f"tgt={spec}/inner")
                return _actors_of(inner, mentions_at)
            if cand.code.startswith(HARM_ROOTS) and not _actors_of(tok, mentions_at) \
                    and not (spec in ("dobj", "dative", "nsubjpass") and self.exclusions.names_persons(tok)):
                # "Israeli jets struck targets in Syria": force on something in a country is
                # done to that country when the parser hangs the place on the verb ("in the Gaza
                # Strip's eastern border regions": the country owning the place named); not force
                # on people no actor was resolved for ("In Germany, a man attacked two women"):
                # the place is where it was done to them
                places = [a for p in pobjs(trig, "in") for q in (p, *(c for c in p.children if c.dep_ == "poss"))
                          for a in _actors_of(q, mentions_at) if a.code == a.country]
                if places:
                    cand.rule.append(f"tgt={spec}/placed")
                    return places
        if cand.target_tok is None and (last := pick(described)) is not None:
            # "expressed optimism about the budget deal": what the described word is about
            tok = last[1]
            about = next((p for prep in tok.children if prep.dep_ == "prep" and prep.lower_ in _ABOUT
                          for p in prep.children if p.dep_ == "pobj"), None)
            clause = _clause_argument(tok, cand.trigger) if about is None else None
            cand.target_tok = about or clause or tok
            cand.target_described = True
            if clause is not None and (actors := _actors_of(clause, mentions_at)):
                cand.rule.append("tgt=described/clause")
                return actors
            # "expressed optimism that the federal government's vaccination timeline could be
            # accelerated": what the clause is about belongs to an actor
            owner = next((c for c in clause.children if c.dep_ == "poss"), None) if clause is not None else None
            if owner is not None and (actors := _actors_of(owner, mentions_at)):
                cand.rule.append("tgt=described/clause/poss")
                return actors
        return []

    def _beside_unresolved_people(self, tok: Any, inner: Any, mentions_at) -> bool:
        """Whether `inner`, an actor inside the phrase of `tok`, only stands beside the people
        `tok` names, whom no actor was resolved for: "detained several suspects in the attack
        against the convoy of the prime minister", "deported 2,374 migrants to Honduras". Those
        people are whom the act is done to; an actor reached through another preposition than
        one of membership or place ("members of Hamas", "refugees from Syria", "the people in
        Iraq": arguments.yaml membership_prepositions, place_prepositions) is a reason or a
        destination, not them."""
        if _actors_of(tok, mentions_at) or not self.exclusions.names_people(tok) \
                or tok.pos_ in ("PROPN", "PRON") or tok.ent_type_:
            return False
        node = inner
        while node.i != tok.i:
            if node.dep_ == "prep" and node.lower_ not in load_membership_prepositions() \
                    and node.lower_ not in load_place_prepositions():
                return True
            if node.head.i == node.i:
                return False  # not inside tok's phrase after all
            node = node.head
        return False

    def _dyads(self, cand: _Candidate, document: Document, mentions_at, sent) -> list[tuple[Actor | None, Actor | None]]:
        p = cand.pattern
        sources, targets = cand.sources, cand.targets
        if not targets and _has_relationship_object(cand.trigger):
            if len(sources) >= 2:
                # "both leaders pledged to deepen their strategic partnership", "Xi and Putin
                # hailed their ties": the relationship is the doers' own, each with the other
                # (whatever the verb: the object names the partner, not a pattern)
                cand.rule.append("partner=co-subjects")
                return [(a, b) for a in sources for b in sources if a.key != b.key]
            if sources and p.partner:
                partner = _discourse_partner(document, sources[0], cand.trigger.i)
                if partner is not None:
                    cand.rule.append("partner=discourse")
                    targets = [partner]
        if not targets and p.travel:
            place = _location(cand.trigger, cand.noun)
            if place is not None and place.country and sources and place.country != sources[0].country:
                targets = [Actor(text=place.text, span=place.span, name=None, code=f"{place.country}GOV",
                                 country=place.country, sector="GOV", key=f"group:{place.country}GOV")]
                cand.rule.append("tgt=destination")
        if targets and p.travel and cand.target_tok is not None \
                and cand.target_tok.lemma_.lower() in load_visited_sites():
            # "visited the hospital": a place visited, its country's (bare code), not the health service
            targets = [replace(t, name=None, code=t.country, sector=None, key=f"country:{t.country}", role=None)
                       for t in targets if t.country]
            cand.rule.append("tgt=visited-site->place")
        peacekeeping = cand.code.startswith(("074", "0334")) or (cand.announced or "").startswith("074")
        if targets and cand.target_tok is not None \
                and (served := _country_served(cand.target_tok, mentions_at, peacekeeping)):
            # "sent troops to the UN peacekeeping mission in Mali": peacekeeping is given to Mali
            targets = served
            cand.rule.append("tgt=mission-country")
        if sources and all(self.exclusions.is_own_reporting(s) for s in sources):
            cand.rule.append("src=own-reporting")
            return []  # "Wikinews contacted experts": the outlet's reporting
        if self.exclusions.for_own_reporting(cand.trigger):
            cand.rule.append("for-own-reporting")
            return []  # "agreed to answer some questions for Wikinews": the outlet's own interview
        if sources and cand.source_tok is not None and not cand.pattern.nominal \
                and cand.source_tok.lemma_.lower() in self.exclusions.thing_doers \
                and cand.source_tok.pos_ == "NOUN":
            cand.rule.append("src=thing")
            return []  # "The Internal Revenue Service website advises citizens": a web page, no doer
        if sources and all(self.exclusions.unplaced_group(s) for s in sources):
            cand.rule.append("src=unplaced-group")
            return []  # "Politicians from across the political spectrum mourned": no one placed
        if not sources:
            if cand.agentless and targets:
                return [(None, t) for t in targets]
            return []
        if (cand.code[:2] == "04" and (all(self.exclusions.private(a) for a in sources + targets) or (
                any(self.exclusions.private(a) for a in sources + targets) and self.exclusions.at_social_venue(cand.trigger)))) or (
                cand.code.startswith(self.exclusions.civilian_only_codes)
                and all(a.sector == "CVL" and "GOV" not in a.code for a in sources + targets)) or (
                targets and cand.code.startswith(self.exclusions.civilian_pair_codes)
                and all(a.sector == "CVL" and "GOV" not in a.code for a in sources + targets)):
            # "he met guitarist Jerry Garcia", "fans probed the stars about their backgrounds", "the
            # doctor gave out prescriptions to patients", "Garcia invited him to collaborate":
            # private people among themselves (exclusions.yaml)
            cand.rule.append("private-people")
            return []
        if self.exclusions.state_rally(cand.code, cand.noun if cand.noun is not None else cand.trigger, sources, targets):
            cand.rule.append("state-rally")
            return []  # "Trump held a rally in Ohio": a campaign rally, no protest (exclusions.yaml)
        if self.exclusions.routine_hearing(cand.code, cand.noun if cand.noun is not None else cand.trigger):
            cand.rule.append("routine-hearing")
            return []  # "will hold a hearing on the nomination": routine business, no inquiry
        if not cand.pattern.nominal and self.exclusions.bare_gerund_event(cand.trigger, cand.code):
            cand.rule.append("bare-gerund-event")
            return []  # "imposed a curfew after looting": a happening named, its doers unnamed
        if self.exclusions.hosted_thing(cand.trigger, cand.code, cand.target_tok):
            cand.rule.append("hosted-thing")
            return []  # "hosted a ceremony for the anniversary": no visitor (exclusions.yaml)
        if self.exclusions.releases_a_publication(cand.trigger, cand.code):
            cand.rule.append("released-publication")
            return []  # "ruled that the president must release his tax returns": no one freed
        if not cand.pattern.nominal and self.exclusions.refuses_a_problem(cand.trigger, cand.code):
            cand.rule.append("refused-problem")
            return []  # "dismissed the virus as a little flu": nothing asked is refused
        if self.exclusions.private_aid_codes and cand.code.startswith(self.exclusions.private_aid_codes) \
                and targets and all(self.exclusions.private(a) and "GOV" not in a.code for a in sources + targets):
            cand.rule.append("private-aid")
            # "a surgeon provided the students with a grant": private giving (exclusions.yaml); with no
            # recipient found ("Swiss doctors handed over medicine to ..."), who got it is unknown
            return []
        if cand.code.startswith(self.exclusions.armed_only_codes) and all(self.exclusions.private(s) for s in sources):
            cand.rule.append("private-armed-act")
            return []  # "Hunter retreated to New Mexico": no military retreat (exclusions.yaml)
        if cand.code.startswith("015") and _claimed_of_another(cand.trigger) and not any(
                s in (a.code or "") for a in sources for s in self.cues.responsibility_claimants):
            # "Police alleged the accused performed two attacks": what one says another did is an
            # accusation (112), not a claim of responsibility; "said it had carried out the
            # attack", "claimed its fighters attacked" stay claims, and so does an armed group's
            # claim (modality.yaml responsibility.claimants) whose doer resolves to no actor (one
            # that resolves to another side is an accusation below, in either case)
            cand.code = "112"
            cand.rule.append("claimed-of-another->112")
        withdrawn = self.exclusions.withdrawn(cand.trigger) \
            if cand.code.startswith("0874") or (cand.announced or "").startswith("0874") else None
        if withdrawn == "money" and not targets:
            # "pull funding for the wall from other projects" (also when only planned or asked for):
            # with no one it is taken from, one's own budget
            cand.rule.append("withdrawn-money:no-one")
            return []
        if withdrawn is not None and cand.code.startswith("0874"):
            # "withdrew its candidate for prime minister": leaving a race (080); "pulled funding
            # from the WHO": stopping aid (1621)
            cand.code = self.exclusions.withdrawn_race_code if withdrawn == "race" else self.exclusions.withdrawn_money_code
            cand.rule.append(f"withdrawn-{withdrawn}->{cand.code}")
        if p.doers and not (sources and all((s.sector or "") in p.doers or (s.code or "").endswith(p.doers)
                                            for s in sources)):
            cand.rule.append("not-the-doer")
            return []  # "the party ruled against a coalition": a decision, no court's verdict
        if p.travel and all(self.exclusions.private(s) for s in sources):
            cand.rule.append("private-travel")
            return []  # "Cengiz traveled to New York": private travel is no visit
        if targets and cand.code[:2] == "04" and cand.trigger.lemma_.lower() in self.exclusions.press_speech \
                and all(self.exclusions.press(t) for t in targets):
            # "Speaking to NBC News, she said": the press is the audience of a statement
            cand.code, targets, cand.statement = "010", [], True
            cand.rule.append("press-audience->010")
        if targets and any(self.exclusions.press_audience(cand.trigger, t) for t in targets):
            # "officials told state media", "told the BBC", "said in an interview with CNN": the
            # press a speaker talks to is the audience, not the target (exclusions.yaml)
            targets = [t for t in targets if not self.exclusions.press_audience(cand.trigger, t)]
            cand.rule.append("tgt=press-audience->none")
        if cand.frame and cand.specificity == 0 and cand.rule[0].startswith("petrarch:") \
                and any(c.dep_ == "xcomp" for c in cand.trigger.children):
            # "sought to position itself", "tried to reach": a dictionary verb's bare default on a
            # verb that frames its complement is no event; the complement is, when it is one.
            return []
        if not targets and p.reciprocal and len(sources) >= 2 and not _plain_target(cand):
            # "Russia and China met": the doers with each other; never when the act has an object
            # of its own that names no one ("a coalition ... joined by Australia, Bahrain, ...")
            cand.rule.append("reciprocal")
            return [(a, b) for i, a in enumerate(sources) for b in sources[i + 1:] if a.key != b.key]
        if cand.code[:2] == "01" and targets and not (cand.code == "014" and cand.announced):
            # (A policy option considered, "is considering giving money to homeowners" 014, is no
            # statement: its target is whom the act considered is done to, own side or not.)
            # A statement is never addressed to the speaker's own country or its institutions
            # ("Putin said on Russian state TV", "Xi said China will ..."): only another country's
            # actors, a person, or the country's opposition or rebels are what it is about.
            # A state actor's statement about its country's society (people, press, business) is
            # about another side, unless the press is only whom it talks to ("told state TV").
            to_press = cand.trigger.lemma_.lower() in self.exclusions.press_speech
            targets = [t for t in targets if not _same_side(sources[0], t, self.exclusions.opposing_sectors)
                       or (self.exclusions.state_about_society(sources[0], t)
                           and not (to_press and self.exclusions.press(t)))]
            if not targets:
                cand.rule.append("tgt=own-side->none")
        if cand.code[:2] == CRITICISM_ROOT and targets and _criticizes_an_act(cand) \
                and not any(r.endswith("/doer") for r in cand.rule):
            # "Netanyahu condemned the attack on Israeli soldiers", "the governor condemned the
            # shooting in Tampa": the victims or the place of an act of violence the speaker
            # condemns are not whom it is aimed at when they are the speaker's own side (another
            # country's, "condemned the attacks in Tehran", is whom the sympathy is about)
            targets = [t for t in targets if not _same_side(sources[0], t, self.exclusions.opposing_sectors)]
            if not targets:
                cand.rule.append("tgt=own-victims->none")
        if cand.code[:2] in ("06", "07") and targets and "tgt=prep:with" in cand.rule:
            # "providing airstrikes with the Royal Saudi Air Force": one's own forces or
            # institutions in a "with" phrase are the means, no partner of the cooperation
            targets = [t for t in targets if not _same_side(sources[0], t)]
            if not targets:
                cand.rule.append("tgt=own-means->none")
        if cand.code[:2] == "08" and targets and "tgt=prep:from" in cand.rule:
            # "retired from the court", "resigned from the cabinet": leaving one's own
            # institution is a one-actor retreat; withdrawing from another country is not.
            targets = [t for t in targets if not _same_side(sources[0], t)]
            if not targets:
                cand.rule.append("tgt=own-side->none")
        if cand.code[:2] == "14" and not cand.pattern.nominal and (not targets or (
                cand.target_tok is not None and cand.target_tok.lower_ in self.exclusions.protest_place_nouns)):
            # "took to the streets of Caracas to protest": where a protest is held is no target of
            # it (exclusions.yaml protest_place_nouns); "... to protest against Maduro": whom its
            # purpose infinitive names "against" is (also when the place names no actor: "took to
            # the streets to protest against Lukashenko")
            if targets:
                targets, cand.target_tok = [], None
                cand.rule.append("tgt=protest-place->none")
            against = _purpose_protest_against(cand.trigger, self.exclusions.purpose_protest_verbs)
            if against is not None and (found := _actors_of(against, mentions_at)):
                targets, cand.target_tok = found, against
                cand.rule.append("tgt=purpose-protest-against")
        if targets and all(t.key == src.key for t in targets for src in sources):
            targets = []  # "Sudan is willing to withdraw its troops from Abyei": no one else
            cand.rule.append("tgt=own-place->none")
        if cand.code == "015" and targets and "tgt=reported-subject" in cand.rule:
            # "Tamim claimed Houthis have attacked journalists": claiming that another did an act
            # is accusing them of it (112), no responsibility acknowledged (015); "claimed it had
            # attacked the hotel" (a pronoun, or the claimant itself, as the doer) stays a claim
            doers = [a for c in cand.trigger.children if c.dep_ == "ccomp"
                     for subj in c.children if subj.dep_ == "nsubj" and subj.pos_ != "PRON"
                     for a in _actors_of(subj, mentions_at)]
            if doers and not any(d.key == s.key or _same_side(s, d) for s in sources for d in doers):
                cand.code, targets = "112", doers
                cand.rule.append("claimed-of-another->112")
        court = self.exclusions.court_request(cand.trigger, cand.code, targets)
        if court == "115":
            # "The court had been petitioned by Joanna Cherry for a ruling": a case brought; the
            # court is where, not whom (exclusions.yaml court_requests)
            cand.code, cand.announced = "115", None
            cand.rule.append("petitioned-court->115")
            return [(s, None) for s in sources]  # a one-actor lawsuit, however loose the verb's pattern
        elif court is not None:
            cand.code, cand.announced = court, None  # "asked the court to intervene": a legal request
            cand.rule.append(f"asked-court->{court}")
        if self.exclusions.legal_charge(cand.trigger, cand.code, sources):
            cand.code = "173"  # "Police charged the man with murder": legal action, not an accusation
            cand.rule.append("legal-charge->173")
        if not targets:
            if cand.statement:
                return [(s, None) for s in sources]
            if p.requires_target or p.requires_target_or_plural or (p.nominal and not p.standalone and not cand.sources_named):
                return []
            if cand.code.startswith(HARM_ROOTS) and cand.target_tok is not None \
                    and not self.exclusions.names_people(cand.target_tok) \
                    and not self.exclusions.armed(sources) and not _names_the_act(cand):
                # "struck a guard rail": force needs someone it is done to, when it names anything;
                # an armed force's strike on a depot or a target is force, and so is an act the
                # object only names ("violated the ceasefire").
                return []
            # An act announced through an intent word ("agreed to allow", "is ready to send") is
            # coded by that word, however loose the act's own dictionary match.
            from_dictionary = cand.rule[0].startswith("petrarch:") and cand.announced is None
            if from_dictionary and cand.specificity == 0 and cand.trigger.lemma_.lower() in self.exclusions.default_needs_target:
                return []  # "evacuated 5,000 residents ahead of the storm" (exclusions.yaml)
            if cand.code[:2] == "07" and self._own_budget(cand.trigger):
                return []  # "will increase military spending": its own budget, no aid given
            if cand.code[:2] == "02" and from_dictionary and cand.trigger.lemma_.lower() in self.cues.reporting_verbs:
                # "emphasized the need for boundaries" (EMPHASIZE * NEED, 020): a need stated by a
                # verb of saying, with no one asked and no act asked for, is a bare statement
                return []
            if cand.code[:2] == "03" and cand.announced and cand.announced.startswith(self.one_actor.intents_needing_partner):
                # "the Senate announced it would meet on Monday": an intent to meet that names no
                # one to meet is a body's own session, no record (resources/events/one_actor.yaml).
                return []
            if cand.target_tok is not None and cand.target_tok.dep_ == "dobj" and not cand.target_described \
                    and not (from_dictionary and cand.specificity > 0) \
                    and self.one_actor.unknown_author(cand.code, cand.target_tok):
                # "criticized the House's decision", "dismissed the president's lawsuit": done to
                # the author, whom no actor resolved; no record (resources/events/one_actor.yaml).
                # A judgement a dictionary pattern words ("described the decision as a mistake")
                # is about the decision and stays.
                cand.rule.append("tgt=unknown-author")
                return []
            if p.standalone or self.one_actor.allows(cand.code, from_dictionary, cand.specificity):
                # A one-actor event ("refused to concede", "opened an investigation"): a record
                # with no target. A dictionary verb's bare default ("China objected") stays a
                # detection (resources/events/one_actor.yaml).
                if cand.target_tok is not None and not _names_the_act(cand) and not cand.target_described \
                        and "tgt=own-place->none" not in cand.rule and "tgt=own-side->none" not in cand.rule:
                    # the act names someone or something it is done to that is no actor we know:
                    # said in the rule
                    if _names_something(cand.target_tok):
                        cand.rule.append("tgt=unresolved-name")
                return [(s, None) for s in sources]
            return []
        if cand.code == "050" and all(self.exclusions.armed([t]) for t in targets):
            # "increased cooperation with the navies of China, India and Oman": military (062)
            cand.code = "062"
            cand.rule.append("armed-partners->062")
        return [(s, t) for s in sources for t in targets if s.key != t.key]

    # --------------------------------------------------------------- event
    def _event(self, document: Document, cand: _Candidate, source, target, sent_no, sent, timex_roots,
               negated: bool, modality: Modality, evidence: str, long_spells: frozenset[int] = frozenset(),
               background_times: frozenset[int] = frozenset()) -> Event:
        """`evidence`: the sentence's text (sliced from the article's text; the record keeps it
        without the whitespace around it, the blank lines a paragraph's last sentence carries);
        `long_spells`: the tokens of the document's spans of a year or more ("for years");
        `background_times`: the tokens of its times before the reporting period at no date the
        contract can give ("years ago", "in the 1990s": `_index_background_times`)."""
        trig = cand.trigger
        doc = trig.doc
        tspan = _trigger_chars(cand)
        gov, realizing = self._nominal_governor(cand)
        date, precision, basis, span = _event_date(cand, timex_roots, document.article.date,
                                             gov if gov is not None and (realizing or gov.lemma_.lower() in
                                                                        self.cues.future_verbs) else None)
        announcer = cand.governor if cand.governor is not None else cand.speech
        if cand.announced is not None and announcer is not None:
            # "pledged on Monday to send troops", "said on Monday they will free": an intent,
            # refusal or threat is dated when made
            said = _event_date(_Candidate(cand.pattern, announcer, None), timex_roots, document.article.date)
            if said[2] == "text" or (said[2] is None and document.article.date):
                date, precision, basis, span = said  # "Pelosi had agreed to support": no date, as the announcing verb
            elif basis == "text" and document.article.date and _after(date, document.article.date) \
                    and not _after(said[0] or "", document.article.date):
                # "said she would meet Macron on Saturday": the meeting's day is to come; the
                # intent was made when it was said
                date, precision, basis, span = said
        elif basis != "text" and cand.code[:2] in ("01", "03") and trig.dep_ == "ccomp" \
                and trig.head.lemma_.lower() in self.cues.reporting_verbs:
            # "On September 13, he said he remained 'cautiously optimistic'": a comment (013) is
            # made when it is said; "Yesterday, the Queen announced she will comply with the
            # request": so is an intent (03x) told in what is said
            said = _event_date(_Candidate(cand.pattern, trig.head, None), timex_roots, document.article.date)
            if said[2] == "text":
                date, precision, basis, span = said
        if negated and basis == "text" and _starts_a_span_of_not_doing(trig, gov, timex_roots, date):
            # "has not visited Ukraine since 2014": 2014 starts a span of not visiting, it is no
            # visit's date (anchoring.yaml negated_span_starts)
            date, precision, basis, span = None, None, None, None
        if basis == "publication" and long_spells and any(
                doc[i].head.dep_ == "prep" and doc[i].head.lower_ in load_spell_prepositions() and governed_by(doc[i], [trig])
                for i in long_spells if sent.start <= i < sent.end):
            # "abused their children for years", "has increased cooperation in the last few years": background
            date, precision, basis = None, None, None
        if basis == "publication" and background_times and _in_background_time(trig, gov, background_times, sent):
            # "was convicted years ago", "recently attacked", "in the 1990s": before the reporting
            # period, at no year, month or day the contract can give
            date, precision, basis = None, None, None
        if basis == "publication" and any(
                c.dep_ == "amod" and c.lower_ in load_anchoring().undated_noun_adjectives
                for noun in (trig, cand.noun) if noun is not None and noun.pos_ == "NOUN" for c in noun.children):
            # "during Trump's planned trip to Warsaw", "the cancelled meeting": no day of the act;
            # "in recent talks with leaders from France": before the report, on no day it gives
            date, precision, basis = None, None, None
        if basis == "publication" and modality in (Modality.FUTURE, Modality.HYPOTHETICAL) \
                and cand.announced is None and not cand.code.startswith("03"):
            # "the board would begin an investigation", "a meeting during the planned trip": an act
            # to come, or one that may never be, is not done on the publication day; the text gives
            # no day for it (an intent, 03x, is dated when made)
            date, precision, basis = None, None, None
        if basis == "text" and date and modality == Modality.ASSERTED and not negated and cand.announced is None \
                and document.article.date and _after(date, document.article.date):
            # "Putin is meeting Xi on Saturday", "meets Xi on Saturday": an act the text dates after
            # the publication day is not told as done; it is to come
            modality = Modality.FUTURE
        place = _location(trig, cand.noun)
        if place is None and cand.pattern.travel and target is not None:
            place = _place_of_actor(doc, target)  # "visited Moscow": the visit was in Moscow
        code = lookup(cand.code)
        if source is not None and self.exclusions.unconventional(cand.code, [source]):
            # "al-Qaeda orchestrated the attacks": terrorism, not a battle (one-actor rules and
            # the rest of the coding went by the attack's own code)
            code = lookup("180")
        if self.exclusions.repression(code.code, source, target):
            # "police fired a live round on a protester": force on dissent at home (exclusions.yaml)
            code = lookup(self.exclusions.repression_code)
        if target is not None and code.code[:2] in ("18", "19", "20"):  # (what `assassination` looks at)
            phrase = doc.char_span(target.span[0], target.span[1], alignment_mode="expand")
            if self.exclusions.assassination(trig, code.code, target, phrase.root if phrase is not None else None):
                code = lookup(self.exclusions.assassination_code)  # "killed the governor": a prominent figure
        plover, plover_mode = code.plover, code.plover_mode
        if cand.pattern.plover is not None and code.code == cand.pattern.code:
            plover, plover_mode = cand.pattern.plover  # "resigned": 080, PLOVER RETREAT (resign)
        confidence = 0.5 + (0.2 if source else 0) + (0.2 if target else 0)
        if any(r.startswith("partner") for r in cand.rule):
            confidence -= 0.15
        if cand.pattern.nominal:
            confidence -= 0.05
        confidence = round(max(0.05, min(0.95, confidence)), 2)
        event_id = stable_id(document.id, sent_no, tspan[0], source.key if source else "",
                             target.key if target else "", code.code)
        return Event(
            id=event_id,
            article_id=document.id,
            sentence=sent_no,
            evidence=evidence.strip(),
            trigger=Trigger(document.article.text[tspan[0]:tspan[1]], tspan),
            source=source,
            target=target,
            cameo=code.code,
            plover=plover,
            plover_mode=plover_mode,
            quad_class=code.quad_class,
            goldstein=code.goldstein,
            date=date,
            date_precision=precision,
            date_basis=basis,
            negated=negated,
            modality=modality,
            location=place,
            confidence=confidence,
            announced_cameo=cand.announced,
            date_range=span if basis == "text" else None,
            explain="; ".join(cand.rule + [f"date={basis}", f"modality={modality}", f"negated={negated}"]),
        )

    def _negated(self, cand: _Candidate) -> bool:
        m = self.cues
        verb = cand.trigger
        # (read from the Doc's arrays: no Token made for the words looked at)
        arrays = VerbDictionary.default().view(verb.doc)
        dep, kids, lower = arrays.dep, arrays.kids, arrays.lower
        chain = [verb.i]
        # "has never denounced X or called for Y": a conjunct without its own subject shares it.
        while dep[chain[-1]] == _CONJ and not any(dep[c] in _SUBJECT_IDS for c in kids[chain[-1]]):
            chain.append(arrays.head[chain[-1]])
        negation_dependents = _string_ids(m.negation_dependents)
        for v in chain:
            if any(dep[c] == _NEG or (dep[c] in _NEGATION_DEPENDENT_DEPS and lower[c] in negation_dependents)
                   for c in kids[v]):
                return True
        # "made no mention" (a light verb's event noun); "expressed no regret" (a dictionary
        # pattern's object): an act done to nothing is not done
        w = view(verb.doc)  # (the Doc's arrays with strings: analysis.docview)
        wdep, wlower, wkids, wheads = w.dep, w.lower, w.kids, w.head
        objects = (cand.noun.i,) if cand.noun is not None else tuple(
            c for c in wkids[verb.i] if wdep[c] == "dobj") if cand.verb_match is not None else ()
        for obj in objects:
            if any(wdep[c] == "det" and wlower[c] in m.negation_object_determiners for c in wkids[obj]):
                return True
        if cand.pattern.nominal and wdep[verb.i] in ("dobj", "pobj"):
            # "made no mention", "without talks"
            if any(wlower[c] in m.negation_object_determiners for c in wkids[verb.i] if wdep[c] == "det"):
                return True
        head = verb.i
        while wdep[head] in ("xcomp", "ccomp", "pcomp") and wheads[head] != head:
            dep = wdep[head]
            head = wheads[head]
            if dep == "pcomp" and wdep[head] == "prep" and wlower[head] in m.negation_gerund_prepositions:
                return True  # "ended the talks without reaching an agreement"
            if dep == "xcomp" and w.lemma[head] in m.not_yet_verbs and any(
                    wdep[c] == "advmod" and wlower[c] in m.not_yet_adverbs for c in wkids[head]):
                return True  # "have yet to reach a deal"
            if wdep[head] == "prep" and wdep[verb.i] == "pcomp":  # "stopped short of attacking"
                head = wheads[head]
            if dep == "ccomp" and _unconfirmed_telling(verb.doc[head], m):
                return False  # "did not confirm that it had struck", "has not denied that": unconfirmed, not undone
            if w.lemma[head] in m.negation_verbs or phrasal_verb(verb.doc[head]) in m.negation_phrasal:
                return True  # "refused to", "have long ruled out taking military action"
        gov, realizing = self._nominal_governor(cand)
        if gov is not None and cand.trigger.lemma_.lower() not in m.alleged_nouns:
            # "denied any talks", "cancelled the parade"; "will not host talks" (denying an
            # accusation does not unmake it: it was made)
            if gov.lemma_.lower() in m.negation_verbs:
                return True
            if realizing:
                return self._negated(_Candidate(replace(cand.pattern, nominal=False), gov, None))
        return False

    def _expressed(self, cand: _Candidate, negated: bool, modality: Modality) -> str | None:
        """The CAMEO code of what announcing the event expresses, when it is not a fact: an
        intent for a future event ("will withdraw" -> 035), a threat for one threatened
        ("threatened to impose sanctions" -> 1312), a demand for one a speaker says another actor
        must do ("said Sudan must return the helicopter" -> 1053)."""
        m, verb = self.cues, cand.trigger
        # a resignation (080, PLOVER resign) announced, threatened or demanded is a change in
        # leadership (0831's intent, threat and demand codes: "saying he must resign" is 1041)
        act = "0831" if cand.code == cand.pattern.code and cand.pattern.plover == ("RETREAT", "resign") else cand.code
        if modality in (Modality.FUTURE, Modality.HYPOTHETICAL) and not negated and _conditional(verb, m):
            # "may halt mediation if ...", "will impose sanctions unless ...": an event made
            # conditional on the other side's conduct is a threat when it is a hostile act,
            # an offer (intent) when it is a cooperative one.
            return threat_code(act) if int(act[:2]) >= 10 else intent_code(act, False)
        if modality == Modality.FUTURE:
            return intent_code(act, negated)
        if negated:
            return None
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in m.threat_verbs:
            return threat_code(act)
        if verb.dep_ == "ccomp" and verb.head.lemma_.lower() in m.reporting_verbs and _obliges_another(verb, m):
            return demand_code(act)
        if cand.code.startswith("01") and verb.lemma_.lower() in m.reporting_verbs \
                and any(c.dep_ == "ccomp" and _obliges_another(c, m) for c in verb.children):
            return "100"  # "reiterated that Libya must hand over the suspects": a demand
        return None

    def _own_necessity(self, verb: Any) -> bool:
        """"we need to fight for X": a verb of necessity (modality.yaml obligation.necessity_verbs)
        with a to-infinitive and a subject that includes the speaker."""
        m = self.cues
        return verb.lemma_.lower() in m.necessity_verbs \
            and any(c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                    for c in verb.children) \
            and any(c.dep_ == "nsubj" and c.lower_ in m.inclusive_subjects for c in verb.children)

    def _binding_order(self, g: _Candidate, verb: Any) -> bool:
        """An order by a court (modality.yaml demand.binding): the act ordered is the court's."""
        m = self.cues
        return bool(m.binding_sectors) and verb.lemma_.lower() in m.binding_verbs and bool(g.sources) \
            and all((a.sector or "") in m.binding_sectors or (a.code or "").endswith(m.binding_sectors) for a in g.sources)

    def _appeal_for_act(self, cand: _Candidate) -> bool:
        """Whether a dictionary pattern of an appeal or demand verb "for" a noun coded the act asked
        for ("CALL: * (FOR &INVESTIGATION) [090]") rather than the appeal."""
        m, match = self.cues, cand.verb_match
        lemma = cand.trigger.lemma_.lower()
        return match is not None and cand.specificity > 0 and "(FOR " in match.pattern \
            and (lemma in m.appeal_verbs or lemma in m.demand_verbs) \
            and cand.code == match.code and cand.code.startswith(m.asked_for_roots)

    def _fold_announcements(self, cands: list[_Candidate], mentions_at) -> list[_Candidate]:
        """Code each record as the CAMEO manual does when an event is announced rather than done:
        the announcement is the record, the act goes into `announced_cameo`.

        - refused ("refused to meet": 125, from `_refusal`): the act's candidate, re-coded;
        - requested or demanded ("urged Iran to release the sailors": 0253; "demanded that Serbia
          withdraw": 1056): the asking verb's record, addressed to whom it asks, coded by the act;
        - threatened ("threatened to strike Iran": 138): one record, the threat;
        - intended ("pledged to send aid": 033; "is ready to meet": 036): the act's candidate,
          re-coded, modality future; a negated intent to cooperate is a rejection (12x);
        - "said Sudan must return the helicopter": the statement is a demand (1053) on Sudan.
        The act is no record of its own beside its announcement."""
        m = self.cues
        by_trigger = {c.trigger.i: c for c in cands if not c.pattern.nominal}
        dropped: set[int] = set()
        extra: list[_Candidate] = []
        for c in cands:
            if c.announced is not None and c.governor is not None:  # refused: the refusal verb is no record
                if (g := by_trigger.get(c.governor.i)) is not None and g is not c:
                    dropped.add(id(g))
        for c in cands:
            if id(c) in dropped or c.announced is not None:
                continue
            act, verb = c.code, c.trigger
            if c.pattern.nominal:
                continue  # an event noun (its verb carries it)
            if self._appeal_for_act(c):
                # "called for an investigation into the shooting": the appeal, the act asked for
                # announced (modality.yaml appeal.asked_for_roots)
                demand = verb.lemma_.lower() in m.demand_verbs
                c.code, c.announced = (demand_code(act) if demand else appeal_code(act)), act
                c.rule.append(f"{'demand' if demand else 'appeal'}-for:{act}->{c.code}")
                continue
            asker = self._asking_verb(verb, by_trigger)
            if act[:2] in ("01", "02", "10", "12", "13"):
                if act != "010" and act[:2] != "02" and asker is not None \
                        and (g := by_trigger.get(asker.i)) is not None and g is not c:
                    # "asked the judge to delay his ruling", "urged locals to ... deny terrorism any
                    # victory": what is asked of another is no act of the asker's; the asking
                    # verb's record carries it
                    if self._binding_order(g, asker):
                        # "the judge ordered the accused remain in custody": the court refuses release
                        g.code, g.announced, g.folded = act, None, c
                        g.rule.append(f"court-order:{act}")
                        # ... done to whom it binds, the clause's subject ("the accused"; "remain in
                        # custody" has its subject as its target already)
                        bound = (c.targets, c.target_tok) if c.subject_is_target else (c.sources, c.source_tok)
                        if not g.targets and verb.dep_ == "ccomp" and bound[0]:
                            g.targets, g.target_tok = bound
                            g.rule.append("tgt=ordered-of")
                    else:
                        g.announced, g.folded = g.announced or act, g.folded or c
                        g.rule.append(f"asked-for:{act}")
                    dropped.add(id(c))
                continue  # an announcement of its own
            asked_for = _for_to_clause(verb)  # "called for NATO members to increase spending"
            gov = verb.head if (verb.dep_ in ("xcomp", "ccomp") or asked_for) and verb.head.i != verb.i else None
            if gov is None and asker is not None:
                if (g := by_trigger.get(asker.i)) is not None and g.announced is not None:
                    dropped.add(id(c))  # "urged Iran to release the sailors and return the ship": one appeal
                    continue
                gov = asker  # "ordered a heightened alert, and that the army protect places of worship"
            g = by_trigger.get(gov.i) if gov is not None else None
            glemma = gov.lemma_.lower() if gov is not None else ""
            phoned = g is not None and g.code.startswith("041")  # "called Lavrov to discuss Syria": a call, and why
            orders = gov is not None and _orders_by_infinitive(gov, m.ordering_verbs)  # "told the police to arrest"
            if gov is not None and not phoned and (glemma in m.appeal_verbs or glemma in m.demand_verbs or orders or (
                    g is not None and g.code[:2] in ("02", "10"))) and not (glemma in m.reporting_verbs and g is None
                                                                            and not orders):
                demand = glemma in m.demand_verbs or orders or (g is not None and g.code[:2] == "10")
                if act[:2] == "07" and self._own_budget(verb):
                    act = None  # "called for NATO members to increase military spending": no aid asked for
                elif c.specificity == 0 and c.verb_match is not None and not any(
                        k.dep_ in ("dobj", "nsubjpass") for k in verb.children) \
                        and verb.lemma_.lower() in self.exclusions.default_needs_target:
                    act = None  # "urged residents to evacuate": leaving is no aid (a generic appeal)
                # "saying he must resign": a resignation (080, PLOVER resign) asked for is a change
                # in leadership demanded (1041) or appealed for (0241), as for 0831
                asked = "0831" if act and c.code == c.pattern.code and c.pattern.plover == ("RETREAT", "resign") else act
                code = (demand_code(asked) if demand else appeal_code(asked)) if act else ("100" if demand else "020")
                if g is None:
                    g = self._announcing_candidate(gov, code, c, mentions_at)
                    extra.append(g)
                elif g.code in _GENERIC_ANNOUNCEMENTS or g.specificity == 0 or (orders and g.code[:2] not in ("02", "10")):
                    # (a verb of saying's pattern that names the act ordered, EXPLAIN_VERBAL * ARREST,
                    # is the order, not the arrest)
                    g.code = code  # "pressured X to launch": the demand, not the block's default (170)
                g.announced, g.folded = act, c
                if not g.targets and (verb.dep_ == "ccomp" or asked_for) and c.sources:
                    g.targets, g.target_tok = c.sources, c.source_tok  # "demanded that Serbia withdraw"
                    g.rule.append("tgt=demanded-of")
                g.rule.append(f"{'demand' if demand else 'appeal'}:{act}->{g.code}")
                dropped.add(id(c))
                continue
            threat_verb = gov is not None and verb.dep_ == "xcomp" and glemma in m.threat_verbs
            if c.expressed and c.expressed.startswith("13") and (threat_verb or _conditional(verb, m)):
                if threat_verb and g is not None and g.targets:
                    # "threatened Iran with sanctions if ...": the threat verb's own record
                    if g.code in _GENERIC_ANNOUNCEMENTS:
                        g.code = c.expressed
                    g.announced = act
                    dropped.add(id(c))
                    continue
                c.code, c.announced = c.expressed, act
                c.rule.append(f"threat:{act}->{c.code}")
                if threat_verb:
                    c.governor, c.modality = gov, self._clause_modality(gov)
                    if g is not None:
                        dropped.add(id(g))
                continue
            if gov is not None and verb.dep_ == "xcomp" and glemma in m.intent_verbs:
                code = intent_code(act, c.negated)
                if code is None:
                    continue
                c.code, c.announced, c.governor = code, act, gov
                c.rule.append(f"intent:{glemma}:{act}->{code}")
                if code[:2] == "12":
                    c.negated, c.modality = False, self._clause_modality(gov)  # "vowed never to accept"
                else:
                    c.modality = Modality.FUTURE
                if g is not None and (g.frame or g.code[:2] in ("03", "13")):
                    dropped.add(id(g))
                    if not c.targets and g.targets:
                        c.targets, c.target_tok = g.targets, g.target_tok
                continue
            wisher = _wished_by_doer(verb, m.wishing_verbs | m.necessity_verbs)
            if wisher is not None and not c.negated:
                # "Iran wants to talk with the United States": a wish to cooperate is an intent
                # (03x); a wish for anything else ("Corbyn wants to cancel the referendum and argue
                # about Brexit for years", "we need to fight for adoption rights") is no act, nor a threat
                code = intent_code(act, False)
                if code is None or code[:2] != "03":
                    c.rule.append(f"wished:{act}")
                    dropped.add(id(c))
                    continue
                c.code, c.announced, c.governor, c.modality = code, act, wisher, Modality.FUTURE
                c.rule.append(f"wished:{act}->{code}")
                continue
            if c.modality == Modality.FUTURE and gov is not None and verb.dep_ == "ccomp" and glemma in m.reporting_verbs \
                    and _own_announcement(c, gov, mentions_at):
                # "Japan said it would consult the United States", "announced that her government
                # will withdraw the bill": the speaker announcing its own act expresses intent.
                code = intent_code(act, c.negated)
                if code is not None and not (c.negated and code[:2] != "12"):
                    c.code, c.announced = code, act
                    c.rule.append(f"own-announcement:{act}->{code}")
                    c.speech = gov
                    if c.negated:
                        c.negated, c.modality = False, Modality.ASSERTED
                    continue
            if gov is not None and self._claims_responsibility(c, gov, mentions_at):
                # "Houthi spokesman Yahya Sarea said it had carried out the attack": the claim
                # (CAMEO 015) is the record, not the attack as done; "claimed that it had
                # attacked": the claiming verb's own 015 is that record already
                if g is not None and g.code == "015":
                    dropped.add(id(c))
                    continue
                c.code, c.announced, c.targets, c.target_tok = "015", None, [], None
                c.modality, c.speech = self._clause_modality(gov), gov
                c.rule.append(f"claimed:{act}->015")
                if g is not None:
                    dropped.add(id(g))
                continue
            if c.modality == Modality.FUTURE and c.negated:
                # "Israel will not release the prisoners", "the government will not lift the ban":
                # saying that one will not do an act is refusing it (CAMEO 12x, the act announced)
                code = intent_code(act, True)
                if code is not None and code[:2] == "12":
                    c.code, c.announced, c.negated, c.modality = code, act, False, Modality.ASSERTED
                    c.rule.append(f"refused-future:{act}->{code}")
                    if gov is not None and glemma in m.reporting_verbs:
                        c.speech = gov
                    continue
            if gov is not None and verb.dep_ in ("xcomp", "pcomp") and glemma in m.consider_verbs \
                    or verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and _lemma(verb.head.head) in m.consider_verbs:
                # "Japan is considering sending aid", "weighing whether to impose sanctions": a
                # policy option considered (CAMEO 014), the act announced
                c.code, c.announced, c.modality = "014", act, Modality.ASSERTED
                c.governor = gov if gov is not None and verb.dep_ == "xcomp" else c.governor
                c.rule.append(f"considered:{act}->014")
                if g is not None:
                    dropped.add(id(g))  # the considering verb's own match is this record
                continue
            if c.expressed and c.expressed[:2] == "03" and not c.negated and _conditional(verb, m):
                # "will lift the sanctions if ...": an offer (03x)
                c.code, c.announced = c.expressed, act
                c.rule.append(f"offer:{act}->{c.code}")
                continue
            if c.expressed and c.expressed.startswith("10") and gov is not None and glemma in m.reporting_verbs:
                # "said Sudan must return the helicopter": the statement is a demand on Sudan
                if g is None:
                    c.code, c.announced, c.governor = c.expressed, act, gov
                    continue
                g.code, g.announced = c.expressed, act
                if c.sources:
                    g.targets, g.target_tok = c.sources, c.source_tok
                g.rule.append(f"demand:{act}->{g.code}")
                dropped.add(id(c))
        for c in cands:
            if c.code[:2] == "03" and c.modality == Modality.ASSERTED and c.announced is None \
                    and c.trigger.lemma_.lower() in self.exclusions.signed_agreement_verbs \
                    and c.trigger.dep_ != "xcomp" and self.exclusions.signed_agreement_code:
                # "signed a trade agreement" (PETRARCH-2's 0311/0312): the agreement is made, no
                # intent (exclusions.yaml signed_agreement); "agreed to sign" stays an intent
                c.rule.append(f"signed-agreement:{c.code}->{self.exclusions.signed_agreement_code}")
                c.code = self.exclusions.signed_agreement_code
                if c.reverse_code:  # both sides sign it
                    c.reverse_code = c.code
                continue
            if c.code[:2] == "03" and c.modality == Modality.ASSERTED:
                # "agreed to set up a station", "pledged funds": an intent is about an act to come
                # (the development set's convention: 03x is future)
                c.modality = Modality.FUTURE
            elif c.announced is not None and c.code[:2] in _MADE_ANNOUNCEMENTS and c.modality == Modality.FUTURE:
                # "intended to sue", "said she would challenge the oath in court": the threat,
                # demand, appeal or refusal was made; the act's futurity is in `announced_cameo`.
                announcer = c.governor if c.governor is not None else c.speech
                if announcer is not None:
                    c.modality = self._clause_modality(announcer)
        return [c for c in cands if id(c) not in dropped] + extra

    def _claims_responsibility(self, cand: _Candidate, gov: Any, mentions_at) -> bool:
        """An armed group's speaker saying that it did an act of violence (modality.yaml
        `responsibility`): a reported past act of its own side, not negated or to come."""
        m = self.cues
        if cand.trigger.dep_ != "ccomp" or not cand.code.startswith(m.responsibility_codes) or cand.negated \
                or cand.modality not in (Modality.ASSERTED, Modality.ALLEGED):
            return False
        lemma = gov.lemma_.lower()
        if lemma not in m.reporting_verbs and lemma not in m.responsibility_verbs:
            return False
        speaker, _ = subject_of(gov)
        claimants = _actors_of(speaker, mentions_at) if speaker is not None else []
        if not claimants or not all(any(s in (a.code or "") for s in m.responsibility_claimants) for a in claimants):
            return False
        codes = {a.code for a in claimants}  # "a Houthi spokesman said the Houthis had ...": the same group
        return _own_announcement(cand, gov, mentions_at) or bool(cand.sources) and all(a.code in codes for a in cand.sources)

    def _asking_verb(self, verb: Any, by_trigger: dict) -> Any | None:
        """The verb of appealing or demanding whose content `verb` is: its complement ("asked the
        judge to delay"), a conjunct sharing that complement's subject ("urged locals to assist
        authorities and deny terrorism any victory"), or a conjoined subjunctive clause ("ordered
        a heightened alert, and that the army protect places of worship")."""
        m = self.cues
        node = verb
        for _ in range(4):
            if node.dep_ == "conj" and node.head.i != node.i:
                if _subjunctive(node):
                    node = node.head
                    break
                if any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
                    return None
                if _finite_beside_infinitive(node):
                    # "urged the embassy to reconsider and spoke with Pompeo": a finite verb the parser
                    # joins to an infinitive is the asker's own next act, not more of what is asked
                    return None
                node = node.head
                continue
            if node.dep_ in ("xcomp", "ccomp") and node.head.i != node.i:
                node = node.head
                break
            return None
        else:
            return None
        lemma = node.lemma_.lower()
        g = by_trigger.get(node.i)
        orders = _orders_by_infinitive(node, m.ordering_verbs)
        asks = lemma in m.appeal_verbs or lemma in m.demand_verbs or orders or (g is not None and g.code[:2] in ("02", "10"))
        if not asks or (lemma in m.reporting_verbs and g is None and not orders):
            return None
        return node

    def _own_budget(self, verb: Any) -> bool:
        """An aid verb whose object is a budget ("increase military spending"): one's own spending."""
        return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in self.exclusions.budget_objects
                   for c in verb.children)

    def _announcing_candidate(self, verb: Any, code: str, act: _Candidate, mentions_at) -> _Candidate:
        """A record for an asking verb that no pattern coded ("asked the UN to send observers"):
        its subject asks, its object (or "on" whom it calls) is asked."""
        pattern = Pattern(lemmas=frozenset([verb.lemma_.lower()]), code=code, target=("dobj", "prep:on", "prep:of"))
        cand = _Candidate(pattern, verb, None, rule=[f"announcing:{verb.lemma_.lower()}"], code=code)
        self._arguments(cand, mentions_at)
        cand.modality, cand.negated = self._clause_modality(verb), self._negated(cand)
        return cand

    def _refusal(self, cand: _Candidate, mentions_at) -> bool:
        """"refused to meet X": when the event is the complement of a refusal verb and CAMEO has a
        code for refusing it (intent.yaml negated_intent: 04 -> 125 reject proposal to meet), the
        candidate takes that code and the refusal verb becomes its trigger's governor in the rule."""
        verb = cand.trigger
        if verb.dep_ != "xcomp" or not (verb.head.lemma_.lower() in self.cues.refusal_verbs
                                        or phrasal_verb(verb.head) in self.cues.negation_phrasal):
            return False
        if any(c.dep_ == "neg" for c in verb.head.children):
            return False  # "did not refuse to meet": not a refusal
        refusal = intent_code(cand.code, True)
        if refusal is None:
            return False
        cand.code, cand.announced, cand.governor = refusal, cand.code, verb.head
        cand.rule.append(f"refusal:{verb.head.lemma_.lower()}")
        if cand.source_tok is None:  # "X refused to be drawn": the refuser is the source
            subject, passive = subject_of(verb.head)
            if subject is not None and not passive:
                cand.source_tok = subject
                cand.sources = _actors_of(subject, mentions_at)
        return True

    def _modality(self, cand: _Candidate) -> Modality:
        own = self._clause_modality(cand.trigger)
        if cand.pattern.nominal and _hypothetical_noun(cand.trigger, self.cues):
            return Modality.HYPOTHETICAL  # "a possible strike", "in case of an attack"
        if cand.pattern.nominal and (told := argument_head(cand.trigger)) is not None \
                and _unconfirmed_telling(told, self.cues):
            return Modality.ALLEGED  # "declined to confirm the meeting", "did not confirm the strike"
        gov, realizing = self._nominal_governor(cand)
        if gov is None:
            return own
        m, lemma = self.cues, gov.lemma_.lower()
        # "called for talks", "plans a parade", "accused of the attack": the verb says the event
        # is wanted, planned or alleged; "will host talks": the event is as the verb is.
        implied = (Modality.ALLEGED if lemma in m.alleged_verbs else Modality.HYPOTHETICAL if lemma in m.hypothetical_verbs
                   else Modality.FUTURE if lemma in m.future_verbs else None)
        found = [own, implied] + ([self._clause_modality(gov)] if realizing else [])
        return min((f for f in found if f), key=_MODALITY_RANK.index)

    def _nominal_governor(self, cand: _Candidate) -> tuple[Any | None, bool]:
        """For an event noun that is an argument of a verb (not a light verb: those are one
        candidate already), the verb, and whether the noun happens as the verb does."""
        if not cand.pattern.nominal:
            return None, False
        gov = argument_head(cand.trigger)
        if gov is None or _in_adjunct_phrase(cand.trigger):
            # "was sworn in following the resignation of the governor": a phrase saying when or
            # where the verb's act was done tells nothing of whether the noun's event happened
            return None, False
        m, lemma = self.cues, gov.lemma_.lower()
        if lemma in m.realizing_verbs:
            return gov, True
        if lemma in m.alleged_verbs | m.hypothetical_verbs | m.future_verbs | m.negation_verbs:
            return gov, False
        return None, False

    def _clause_modality(self, tok: Any) -> Modality:
        m = self.cues
        # Read on the Doc's arrays (analysis.docview); a word becomes a Token only to be passed on.
        doc = tok.doc
        v = view(doc)
        kids, deps, lower, lemma, head = v.kids, v.dep, v.lower, v.lemma, v.head
        t = tok.i
        own = kids[t]
        if any(deps[c] == "advmod" and lower[c] in m.alleged_adverbs and not _hedges_a_number(doc[c]) for c in own):
            return Modality.ALLEGED
        if lemma[t] in m.performative_would and any(deps[c] == "aux" and lower[c] == "would" for c in own) \
                and any(deps[c] == "nsubj" and lower[c] in ("i", "we") for c in own):
            return Modality.ASSERTED  # "I would urge anyone with information to contact police"
        want = head[t]
        if deps[t] == "xcomp" and lemma[t] in m.performative_would \
                and lemma[want] in m.performative_wanting and v.tag[want] == "VBP" \
                and not any(deps[c] in ("aux", "neg") for c in kids[want]) \
                and any(deps[c] == "nsubj" and lower[c] in ("i", "we") for c in kids[want]):
            return Modality.ASSERTED  # "I want to express my sympathy to the families"
        found: str | None = None
        backshift = False  # the event's own "would", with no "if" clause of its own
        node = t
        steps = 0
        while steps < 8:
            children = kids[node]
            for c in children:
                low = lower[c]
                d = deps[c]
                if d == "aux":
                    if low in m.future_aux and found is None:
                        found = Modality.FUTURE
                    elif low in m.hypothetical_aux and found in (None, Modality.FUTURE) \
                            and not (low in m.negated_ability  # (its first test, read before making Tokens)
                                     and _negated_ability(doc[c], [doc[k] for k in children], m)):
                        found = Modality.HYPOTHETICAL
                        backshift = low == "would" and steps == 0 and not any(
                            deps[k] == "advcl" and any(deps[g] == "mark" and lower[g] in m.hypothetical_markers
                                                       for g in kids[k]) for k in children)
                elif d == "mark" and low in m.hypothetical_markers:
                    found = Modality.HYPOTHETICAL
                elif d == "advmod" and low in m.alleged_adverbs and not _hedges_a_number(doc[c]):
                    return Modality.ALLEGED
            if deps[node] in ("acl", "advcl") and any(deps[c] == "mark" and lower[c] == "for" for c in kids[node]) \
                    and _content_of_an_agreement(doc[node], m.content_nouns):
                found = found or Modality.FUTURE  # "an agreement ... for the army to enter": to come
            if deps[node] not in CLAUSE_DEPS or head[node] == node:
                break
            dep, child = deps[node], node
            node = head[node]
            steps += 1
            if dep == "pcomp" and deps[node] == "prep" and v.pos[head[node]] in ("VERB", "AUX"):
                # "accused of firing", "suspected of plotting", "plans for attacking": the
                # gerund is the verb's complement through its preposition.
                node = head[node]
                lem = lemma[node]
                if lem in m.alleged_verbs:
                    return Modality.ALLEGED
                if lem in m.hypothetical_verbs:
                    found = Modality.HYPOTHETICAL
                elif lem in m.future_verbs:
                    found = found or Modality.FUTURE
                continue
            lem = lemma[node]
            if dep == "ccomp" and _unconfirmed_telling(doc[node], m):
                # "the army did not confirm that it had struck", "declined to confirm that": a
                # telling negated or refused leaves what it would tell unconfirmed
                return Modality.ALLEGED
            if dep in ("ccomp", "xcomp", "advcl"):
                if lem in m.alleged_verbs and dep == "ccomp":
                    return Modality.ALLEGED
                if dep == "ccomp" and found == Modality.HYPOTHETICAL and backshift and lem in m.reporting_verbs:
                    found = Modality.FUTURE  # "said it would withdraw": the reported "will withdraw"
                if dep == "xcomp" and lem in m.alleged_verbs:
                    return Modality.ALLEGED  # "claimed to have captured", "is believed to have supplied"
                if dep == "xcomp" and lem in m.passive_reporting and any(deps[c] == "auxpass" for c in kids[node]):
                    return Modality.ALLEGED  # "was said to have been injured by police"
                if dep in ("xcomp", "advcl") and _scheduled_be(doc[node], doc[child]):
                    found = found or Modality.FUTURE  # "May is to step down", "the Senate was to meet"
                if dep == "xcomp" and lem in m.future_verbs:
                    found = found or Modality.FUTURE
                elif dep == "xcomp" and lem in m.hypothetical_verbs:
                    found = Modality.HYPOTHETICAL
                elif dep == "ccomp" and lem in m.wishing_verbs:
                    found = Modality.HYPOTHETICAL  # "wants the government to resign"
            if dep in ("relcl", "acl", "conj"):
                # A relative clause or a coordinated clause has its own factuality, except the
                # clause that says what a claim is ("accusations that it had attacked").
                if dep == "acl" and lem in m.alleged_nouns:
                    return Modality.ALLEGED
                if dep != "conj" or _finite_beside_infinitive(doc[child]):
                    break  # ("urged the embassy to reconsider and spoke with Pompeo": spoke, done)
        return found or Modality.ASSERTED


# ----------------------------------------------------------------- helpers
def _unconfirmed_telling(verb: Any, m: ModalityCues) -> bool:
    """A verb of telling or confirming (modality.yaml `reporting.unconfirming`) that is itself
    negated ("did not confirm", "has not denied", "would not say") or refused or failed ("declined
    to confirm", "refused to say"): the clause it reports is neither asserted nor negated."""
    if verb.lemma_.lower() not in m.unconfirming_verbs:
        return False
    v = view(verb.doc)  # (the Doc's arrays: analysis.docview)
    if any(v.dep[c] == "neg" or (v.dep[c] == "advmod" and v.lower[c] in m.negation_dependents) for c in v.kids[verb.i]):
        return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in m.negation_verbs


def _negated_ability(aux: Any, siblings: list[Any], m: ModalityCues) -> bool:
    """"could not reach an agreement": an ability denied on the verb itself is the act negated as
    a fact, not a possibility (the negation is read by `_negated`)."""
    return aux.lower_ in m.negated_ability and any(
        c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in ("not", "never")) for c in siblings)


def _is_frame(trigger: Any, m: ModalityCues) -> bool:
    """A reporting verb with a reported clause, or a frame verb with a complement ("decided to"):
    it frames the complement's event rather than being the sentence's event."""
    v = view(trigger.doc)  # (read on the Doc's arrays: analysis.docview)
    i = trigger.i
    lemma = v.lemma[i]
    if lemma in m.reporting_verbs:
        return any(v.dep[c] in ("ccomp", "parataxis") for c in v.kids[i]) or v.dep[i] == "parataxis"
    if lemma in m.frame_verbs:
        return any(v.dep[c] == "xcomp" for c in v.kids[i])
    return False


@lru_cache(maxsize=None)
def _target_specs(specs: tuple[str, ...]) -> tuple[tuple[str, str, str, bool], ...]:
    """A pattern's target specs ("prep:against") split once into (spec, kind, word, whether the
    word is looked for on the event noun): the lexicon's patterns are few, the candidates that
    read them many."""
    out = []
    for spec in specs:
        kind, _, arg = spec.partition(":")
        out.append((spec, kind, arg, kind.startswith("object")))
    return tuple(out)


@lru_cache(maxsize=4096)
def _dictionary_pattern(lemma: str, code: str, reciprocal: bool, plover: tuple[str, str | None] | None) -> Pattern:
    """The Pattern of a dictionary match (frozen, so one per distinct value, not one per match)."""
    return Pattern(lemmas=frozenset([lemma]), code=code, target=DICTIONARY_TARGETS, reciprocal=reciprocal,
                   plover=plover)


def _verb_key(tok: Any, verbs: dict) -> str | None:
    """The lexicon key of a verb: its lemma, else its form with the inflection taken off, for
    the lemmatizer's slips ("staged" -> "stag")."""
    return _verb_key_at(view(tok.doc), tok.i, verbs)


def _verb_key_at(v: Any, i: int, verbs: dict) -> str | None:
    """`_verb_key` of token i on the Doc's view (analysis.docview)."""
    lemma = v.lemma[i]
    if lemma in verbs:
        return lemma
    low = v.lower[i]
    if low in verbs:
        return low
    for suffix, repl in _INFLECTIONS:  # tried in order: the first key the lexicon has wins
        if low.endswith(suffix) and len(low) > len(suffix) + 2 and (key := low[: -len(suffix)] + repl) in verbs:
            return key
    return None


_INFLECTIONS = (("ied", "y"), ("ies", "y"), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("es", ""),
                ("s", ""), ("d", ""))


def _light_verb_objects(verb: Any) -> list[Any]:
    """The nouns a light verb may take as its event: its object ("held talks"), the subject of its
    passive ("talks were held"), and the subject the parser gives an infinitive completing it
    ("declared a state of siege to begin at midnight")."""
    doc = verb.doc
    v = view(doc)  # (read on the Doc's arrays: analysis.docview; Tokens made of what is returned)
    dep, lower, lemma, kids = v.dep, v.lower, v.lemma, v.kids
    children = kids[verb.i]
    out = [c for c in children if dep[c] in ("dobj", "nsubjpass")]
    if not any(dep[c] == "dobj" for c in children):
        # "awarded Abiy Ahmed the Nobel Peace Prize": the parser hangs the second object on the first
        out += [a for c in children if dep[c] == "dative" for a in kids[c] if dep[a] == "appos"]
        out += [g for c in children if dep[c] in ("ccomp", "xcomp") and any(dep[a] == "aux" and lower[a] == "to" for a in kids[c])
                for g in kids[c] if dep[g] == "nsubj" and v.pos[g] == "NOUN"]
    # "handed over $4 million worth of medicines", "flew 13 tons of medicine": an amount stands
    # for what it measures (arguments.yaml measure_heads), tried after the amount itself
    measures = load_measure_heads()
    out += [n for o in out if lower[o] in measures or lemma[o] in measures
            for prep in kids[o] if dep[prep] == "prep" and lower[prep] == "of"
            for p in kids[prep] if dep[p] == "pobj" for n in (p, *v.conjuncts(p))]
    return [doc[i] for i in out]


def _without_claimed_contents(events: list[tuple[Event, str]]) -> list[tuple[Event, str]]:
    """One sentence's events without the acts a claim of another's act is about: "Tamim claimed
    Houthis have attacked journalists" is Tamim's accusation of the Houthis (112, the claim's
    record), whose content, the attack, is no record of its own (alleged by the claimant alone)."""
    claims = [e for e, _ in events if "claimed-of-another->112" in e.explain and e.target is not None]
    if not claims:
        return events
    return [(e, h) for e, h in events
            if not (e.modality == Modality.ALLEGED and e.source is not None and "claimed-of-another->112" not in e.explain
                    and any(c.target.code == e.source.code and c.trigger.span[1] <= e.trigger.span[0] for c in claims))]


def _conjuncts(noun: Any) -> list[Any]:
    """The nouns coordinated after `noun`, in reading order ("killings, rapes and abductions":
    rapes, abductions)."""
    v = view(noun.doc)  # (read on the Doc's arrays: analysis.docview; Tokens made of what is returned)
    dep, pos, kids = v.dep, v.pos, v.kids
    out = []
    queue = [c for c in kids[noun.i] if dep[c] == "conj" and pos[c] in ("NOUN", "PROPN")]
    while queue:
        c = queue.pop(0)
        out.append(c)
        queue.extend(g for g in kids[c] if dep[g] == "conj" and pos[g] in ("NOUN", "PROPN"))
    return [noun.doc[i] for i in sorted(out)]


def _has_argument(verb: Any, spec: str, noun: Any | None = None) -> bool:
    """`prep:with`, `prt:down` (that word), `dobj`, `ccomp` (any); `object-prep:with` is the
    preposition on the light verb's event noun ("held exercises with Russia");
    `object-prep:of=siege|emergency` also names the preposition's object ("a state of siege")."""
    kind, _, arg = spec.partition(":")
    if kind == "adjacent":  # "adjacent:oprd": that argument's phrase starts right after the verb
        return any(c.dep_ == arg and c.left_edge.i == verb.i + 1 for c in verb.children)
    if kind == "next":  # "next:free": that word right after the verb ("set free", "let free")
        return verb.i + 1 < len(verb.doc) and verb.doc[verb.i + 1].lower_ == arg
    if kind == "quote":
        # "called the investigation "Soviet-style"": a quoted word after the object names it
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            after = [t for t in obj.subtree if t.i > obj.i] + [c for c in verb.children if c.i > obj.i]
            if any(t.dep_ == "punct" and t.text in _QUOTE_MARKS for t in after):
                return True
        return False
    if kind == "responsible":  # "responsible for mass killings": the act laid at someone
        return _responsible_party(verb) is not None
    if kind == "rebutted":  # "dismissed Kenya's charges": the noun is what a rebuttal verb rejects
        return verb.dep_ in ("dobj", "nsubjpass") and verb.head.lemma_.lower() in load_modality().rebuttal_verbs
    arg, _, objects = arg.partition("=")
    if kind.startswith("neg-"):  # "neg-oprd:guilty": that argument negated ("was found not guilty")
        v = view(verb.doc)
        dep, lower, kids = v.dep, v.lower, v.kids
        return any(dep[c] == kind[4:] and (not arg or lower[c] == arg) and any(dep[g] == "neg" for g in kids[c])
                   for c in kids[verb.i])
    if kind == "within-object-prep":  # the preposition inside the verb's object phrase
        return any(t.i > o.i and t.dep_ == "prep" and t.lower_ == arg
                   for o in verb.children if o.dep_ == "dobj" for t in o.subtree)
    head = verb
    if kind.startswith("object-"):
        if noun is None:
            return False
        head, kind = noun, kind[len("object-"):]
    wanted = set(objects.split("|")) if objects else None
    v = view(verb.doc)  # (read on the Doc's arrays: analysis.docview)
    dep, lower, lemma, kids = v.dep, v.lower, v.lemma, v.kids
    if kind == "dobj" and head.i == verb.i and not arg and any(dep[c] == "nsubjpass" for c in kids[verb.i]):
        return True  # "the sarcophagus was returned to Egypt": a passive's subject is the active's object
    if kind == "dobj" and head.i == verb.i and not arg and _shifted_object(verb) is not None:
        return True  # "returned to the Peruvian government eight artifacts": the object after the "to" phrase
    return any(dep[c] == kind and (not arg or lower[c] == arg) and (
        wanted is None or any(dep[g] == "pobj" and (lower[g] in wanted or lemma[g] in wanted) for g in kids[c]))
        for c in kids[head.i])


def _shifted_object(verb: Any) -> Any | None:
    """"returned to the Peruvian government eight artifacts": an object put after the verb's
    prepositional phrase, which the parser hangs on the verb as a noun modifier (npadvmod), not
    as its object; None when the verb has an object, or the noun says when ("on Monday", "last
    week" are no objects)."""
    v = view(verb.doc)
    dep, kids, pos = v.dep, v.kids[verb.i], v.pos
    if any(dep[c] == "dobj" for c in kids):
        return None
    preps = [c for c in kids if dep[c] == "prep" and c > verb.i]
    for c in kids:
        if dep[c] == "npadvmod" and pos[c] == "NOUN" and preps and min(preps) < c:
            tok = verb.doc[c]
            if not any(t.ent_type_ in ("DATE", "TIME") for t in tok.subtree):
                return tok
    return None


def _trigger_tokens(cand: _Candidate) -> tuple[int, int]:
    """The first and last token of the trigger's words (with its event noun, its compounds, its
    announcing word nearby)."""
    trig = cand.trigger
    v = view(trig.doc)  # (read on the Doc's arrays: analysis.docview)
    first = trig.i
    last = cand.noun.i if cand.noun is not None else trig.i
    if cand.noun is not None:
        n = cand.noun.i
        first = min(trig.i, v.left_edge(n) if v.dep[n] == "dobj" else n)
    elif cand.pattern.nominal:
        first = min([c for c in v.kids[trig.i] if c < trig.i and v.dep[c] == "compound"] + [trig.i])
    if cand.governor is not None and abs(cand.governor.i - trig.i) <= 4:
        # "refused to meet", "pledged to send": the announcing word is part of the trigger
        first, last = min(first, last, cand.governor.i), max(first, last, cand.governor.i)
    return min(first, last), max(first, last)


def _trigger_chars(cand: _Candidate) -> tuple[int, int]:
    """(start_char, end_char) of the trigger's words (`_trigger_tokens`), read on the Doc's arrays
    without making a Span of them (their text is the Doc's text between the two)."""
    span = _trigger_tokens(cand)
    v = view(cand.trigger.doc)
    return v.idx[span[0]], v.idx[span[1]] + v.length[span[1]]


def _np_span(tok: Any | None) -> tuple[int, int] | None:
    """Character span of the noun phrase a token heads (its whole subtree)."""
    if tok is None:
        return None
    v = view(tok.doc)  # (read on the Doc's arrays: analysis.docview)
    i = tok.i
    first, last = v.left_edge(i), v.right_edge(i)  # the span's ends, without making the Span
    if v.dep[i] == "ROOT" and v.pos[i] in ("NOUN", "PROPN"):
        last = i  # a subject the parser made the root: its subtree is the whole sentence
    return (v.idx[first], v.idx[last] + v.length[last])


def _index_mentions(mentions: list[Mention]) -> dict[int, list[Mention]]:
    at: dict[int, list[Mention]] = {}
    for m in mentions:
        for i in range(m.tokens[0], m.tokens[1]):
            at.setdefault(i, []).append(m)
    return at


def _index_timexes(doc: Any, text: str, timexes: list[Timex]) -> dict[int, Timex]:
    """Root token of each date expression -> the expression. `text`: the Doc's text."""
    roots: dict[int, Timex] = {}
    dateline = _dateline_end(doc)
    quoted = None
    for t in timexes:
        if t.type not in ("DATE", "TIME") or not _DATE_VALUE.match(t.value):
            continue
        if t.span[1] <= dateline:
            continue  # "BEIJING, March 10 (AP) --": when the story was filed, not when its events were
        if not _EXPLICIT_YEAR.search(t.text):
            # "Yesterday we met" inside a quote is relative to when the words were spoken, which
            # the article's date need not be: such an expression does not date the event.
            quoted = find_quoted_spans(text) if quoted is None else quoted
            if any(a <= t.span[0] and t.span[1] <= b for a, b in quoted):
                continue
        span = doc.char_span(t.span[0], t.span[1], alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        for tok in span:
            roots.setdefault(tok.i, t)
    return roots


_LONG_SPELL = re.compile(r"^P(?:X|\d+)(?:Y|DE|CE|ML)$")


def _index_long_spells(doc: Any, timexes: list[Timex], text: str | None = None) -> frozenset[int]:
    """Tokens of durations of a year or more ("years", "three years", "decades"): an act done
    for so long, with no date of its own, is background, not an act of the publication day. Not
    inside a quotation ("the biggest story in years!" says nothing of when the act was done).
    `text`: the Doc's text (`Doc.text` is rebuilt token by token)."""
    out: set[int] = set()
    quoted = None
    for t in timexes:
        if t.type != "DURATION" or not _LONG_SPELL.match(t.value or ""):
            continue
        quoted = find_quoted_spans(doc.text if text is None else text) if quoted is None else quoted
        if any(a <= t.span[0] and t.span[1] <= b for a, b in quoted):
            continue
        span = doc.char_span(t.span[0], t.span[1], alignment_mode="expand")
        if span is not None:
            out.update(tok.i for tok in span)
    return frozenset(out)


def _index_background_times(doc: Any, timexes: list[Timex]) -> frozenset[int]:
    """Tokens of the time expressions that place an act in the past at no date the contract can
    give ("years ago", "recently", "in the past": TimeML PAST_REF; "the 1990s", "the last century":
    a decade's or a century's value), resources/time/en/anchoring.yaml background_time_*."""
    spec = load_anchoring()
    out: set[int] = set()
    for t in timexes:
        value = t.value or ""
        if t.type != "DATE" or not (value in spec.background_time_values or (
                value.isdigit() and len(value) in spec.background_time_value_digits)):
            continue
        span = doc.char_span(t.span[0], t.span[1], alignment_mode="expand")
        if span is not None:
            out.update(tok.i for tok in span)
    return frozenset(out)


def _in_background_time(trigger: Any, governor: Any | None, background: frozenset[int], sent: Any) -> bool:
    """Whether one of the `background` time tokens of the sentence belongs to the act's clause: on
    its trigger, on the verb that realizes its noun, or on the verb a conjunct shares it with
    ("Years ago, Russia attacked Georgia and seized its land")."""
    anchors = [trigger] + ([governor] if governor is not None else [])
    if trigger.dep_ == "conj" and trigger.head.pos_ in ("VERB", "AUX"):
        anchors.append(trigger.head)
    doc = trigger.doc
    return any(governed_by(doc[i], anchors) for i in background if sent.start <= i < sent.end)


_DATELINE_DASHES = {"—", "–", "--", "-"}


def _dateline_end(doc: Any) -> int:
    """The character offset where a wire dateline ("BEIJING, March 10, 2026 (AP) —") ends, or 0:
    a dash within the first line's opening words, with no verb before it."""
    for tok in doc[:30]:
        if "\n" in tok.text:
            return 0
        if tok.text in _DATELINE_DASHES and tok.i > 0 and doc[tok.i - 1].whitespace_:
            return tok.idx  # (a dash set off by a space: not the hyphen of "28-year-old")
        if tok.pos_ in ("VERB", "AUX"):
            return 0
    return 0


def _event_noun_owner(noun: Any, mentions_at: dict[int, list[Mention]]) -> tuple[Any, list[Actor]] | None:
    """Whose act an event noun is, by its modifiers: its possessor ("the EU's ban"), or an actor
    named before it ("UN sanctions", "Russian sanctions") when the noun names whom it is
    directed at by a preposition of its own ("against Iran"): without that, "Iran sanctions" are
    as likely the sanctions on Iran."""
    mods = [c for c in noun.children if c.i < noun.i and c.dep_ in ("poss", "compound", "amod", "nmod")]
    for mod in mods:
        if mod.dep_ == "poss" and (actors := _actors_of(mod, mentions_at)):
            return mod, actors
    directed = [a for prep in noun.children if prep.dep_ == "prep" and prep.lower_ in load_direction_prepositions()
                for p in prep.children if p.dep_ == "pobj" for a in _actors_of(p, mentions_at)]
    if not directed:
        return None
    for mod in mods:
        actors = _actors_of(mod, mentions_at)
        if actors and not {a.key or a.code for a in actors} & {a.key or a.code for a in directed}:
            return mod, actors
    return None


def _thing_of_an_actor(tok: Any, mentions_at: dict[int, list[Mention]]) -> bool:
    """A common noun whose actor comes only from a modifier ("direct Iranian assistance",
    "European integration"), not a noun for an agent of that actor ("Iranian officials")."""
    mentions = mentions_at.get(tok.i, ())
    if not mentions:
        return False
    v = view(tok.doc)  # (read on the Doc's arrays: analysis.docview)
    return v.pos[tok.i] == "NOUN" and all(m.how == "modifier" for m in mentions) \
        and v.lower[tok.i] not in load_agent_heads() and v.lower[tok.i] not in load_collective_heads()


def _actors_of(tok: Any, mentions_at: dict[int, list[Mention]]) -> list[Actor]:
    """The actors a token stands for, coordinated conjuncts included.

    Conjuncts may hang on any word of a mention ("China's President Xi Jinping and Russian
    leader Vladimir Putin": "Putin" is a conjunct of "Jinping", the subject is "President").
    """
    # Only words in a coordination have conjuncts: the Doc's arrays say which, so that only
    # those are made into Tokens (spaCy makes a new one on every access).
    v = view(tok.doc)  # (read on the Doc's arrays: analysis.docview)
    i = tok.i
    coordinated = v.memo.get(_COORDINATED)
    if coordinated is None:  # the words that are a conjunct or have one, found once per Doc
        dep, head = v.dep, v.head
        coordinated = v.memo[_COORDINATED] = frozenset(
            k for j, d in enumerate(dep) if d == "conj" for k in (j, head[j]))
    tokens = [i]
    if coordinated:
        inside = [i]
        for m in mentions_at.get(i, ()):
            inside.extend(range(m.tokens[0], min(m.tokens[1], v.n)))
        tokens += [c for k in inside if k in coordinated
                   for c in v.conjuncts(k) if not _subject_of_next_clause_at(v, c)]
    out: list[Actor] = []
    seen: set[str] = set()
    for t in tokens:
        for m in mentions_at.get(t, ()):
            key = m.actor.key or m.actor.code
            if key not in seen:
                seen.add(key)
                out.append(m.actor)
    if out:
        return out
    word = v.lower[i]
    if v.pos[i] == "PROPN" or word in load_appositive_heads():
        # "Human Rights Watch's director for the Americas, Jose Miguel Vivanco, issued", "the group
        # al-Nusra Front", "Ranil Wickremesinghe, the former Prime Minister of Sri Lanka, said": a
        # name, or a noun for a person or body, no actor was resolved for is the actor its
        # appositive names (never a thing's: "the submarine U.S.S. Grayback")
        for appos in v.kids[i]:
            if v.dep[appos] == "appos" and (found := _actors_of(tok.doc[appos], mentions_at)):
                return found
    if word in load_agent_heads():
        # "Syrian opposition members", "NATO allies", "members of the New People's Army",
        # "officials from Kansas": the actor that modifies them
        mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "poss", "nmod") and c.i < tok.i]
        mods += [p for prep in tok.children if prep.dep_ == "prep" and prep.lower_ in ("of", "from")
                 for p in prep.children if p.dep_ == "pobj"]
        # "Pakistan-based groups": where they are based
        mods += [g for c in tok.children if c.dep_ == "amod" and c.lower_ == "based"
                 for g in c.children if g.dep_ in ("npadvmod", "compound", "nmod")]
        for mod in mods:
            if (found := _actors_of(mod, mentions_at)):
                return found
    if word in load_collective_heads():
        # "A group of asylum-seekers", "thousands of Syrians": who the group is
        of = next((p for prep in tok.children if prep.dep_ == "prep" and prep.lower_ == "of"
                   for p in prep.children if p.dep_ == "pobj"), None)
        if of is not None:
            return _actors_of(of, mentions_at)
    return out


def _subject_of_next_clause_at(v: Any, conjunct: int) -> bool:
    """Token `conjunct` (on the Doc's view `v`, analysis.docview) is a conjunct the parser joined
    to a list that is the subject of the next clause: "had
    defeated ISIS and Turkey would be moving into Syria" ("Turkey" is who moves, not whom the
    troops defeated). The word after it is a verb or auxiliary of another clause that has no
    subject of its own ("China and Russia signed": the verb after "Russia" is the list's own; a
    participle hung on a noun, "talks between A and B aimed at", is no clause)."""
    dep, head, pos = v.dep, v.head, v.pos
    first = conjunct
    while dep[first] == "conj" and head[first] != first:
        first = head[first]
    nxt = v.right_edge(conjunct) + 1
    if nxt >= v.n:
        return False
    if pos[nxt] not in ("AUX", "VERB") or v.tag[nxt] not in ("MD", "VBD", "VBZ", "VBP"):
        return False
    clause = head[nxt] if dep[nxt] in ("aux", "auxpass") else nxt
    if dep[clause] == "acl":
        # A participle the parser tagged as a past tense but hung on a noun ("talks between the
        # insurgents and Washington aimed at ending the war") modifies that noun: no clause.
        return False
    return clause != head[first] and pos[clause] in ("VERB", "AUX") \
        and not any(dep[c] in ("nsubj", "nsubjpass", "expl") for c in v.kids[clause])


# The target specs whose words `_targets` reads on the Doc's view alone (the others on Tokens).
_TARGET_KINDS_ON_VIEW = frozenset({"dobj", "dative", "oprd", "poss", "object-poss", "compound", "object-compound"})
# The view's memo key (analysis.docview) of the words in a coordination (`_actors_of`).
_COORDINATED = "events.coordinated"

# Prepositions that introduce what an attitude is about ("pessimism over X", "skeptical of X").
_ABOUT = {"about", "over", "at", "of", "on", "regarding", "concerning", "toward", "towards", "in", "with"}


def _legal_doer_nearby(cand: _Candidate, mentions_at, policy: Any) -> tuple[Any, list[Actor]] | None:
    """For an agentless passive legal act: a court, prosecutor or police of the kind the act
    needs (`policy.agentless_doer_sectors`) named in the act's own clause ("was sentenced in
    federal court"); (token, [actor]) or None. Another clause's court is not the doer ("the
    district attorney's office began its probe after Cohen was convicted"), nor one of another
    sentence (measured on the Wikinews development parts: the court or police named nearby did
    the act about as often as not)."""
    sectors = policy.agentless_doer_sectors(cand.code)
    if not sectors:
        return None
    from .exclusions import _sector_in

    done = {t.key for t in cand.targets}
    subject = {t.i for c in cand.trigger.children if c.dep_ == "nsubjpass" for t in c.subtree}
    for tok in sorted((t for t in cand.trigger.subtree if t.i not in subject), key=lambda t: t.i):
        for m in mentions_at.get(tok.i, ()):
            if (m.actor.key or m.actor.code) not in done and _sector_in(m.actor, sectors):
                return tok, [m.actor]
    return None


def _borrow_targets(cands: list[_Candidate], mentions_at) -> None:
    """Targets the parse puts one step away from the event word.

    - "carried out a raid ..., targeting IS commanders": an event with no target takes the target
      of a participle clause of its own that has one and shares its doer;
    - "expressed pessimism over Alitalia's future", "said it is skeptical of the deal": a
      statement with no target is about the object of its attitude word's preposition.
    """
    by_trigger = {c.trigger.i: c for c in cands}
    if not cands:
        return
    doc = cands[0].trigger.doc
    v = view(doc)  # (the words are read on the Doc's arrays: analysis.docview)
    dep, lower, kids = v.dep, v.lower, v.kids
    for cand in cands:
        # "At least 23 civilians were killed as government forces launched air strikes": an
        # agentless passive whose cause clause holds an event with a doer reports the
        # consequence; the sentence's event is the cause (it takes the head's place).
        if cand.source_tok is None and "tgt=nsubjpass" in cand.rule:
            for child in kids[cand.trigger.i]:
                other = by_trigger.get(child)
                if dep[child] == "advcl" and other is not None and other.source_tok is not None:
                    cand.background, other.promoted = True, True
                    break
    for cand in cands:
        if not cand.targets and cand.code[:2] in ("06", "07") and cand.sources:
            # "donated ventilators to assist Ethiopia": the one the purpose clause helps
            owners = [cand.trigger] + [c for c in cand.trigger.children if c.dep_ == "dobj"]
            if cand.trigger.dep_ == "xcomp":
                # "is considering sending aid ... to help victims": the purpose clause the parse
                # hangs on the verb above the act is the act's
                owners.append(cand.trigger.head)
            for clause in (k for o in owners for k in o.children if k.dep_ in ("advcl", "xcomp", "acl", "relcl")):
                if clause.lemma_.lower() in load_purpose_verbs() and any(a.dep_ == "aux" and a.lower_ == "to" for a in clause.children):
                    obj = next((c for c in clause.children if c.dep_ == "dobj"), None)
                    if obj is not None and not _actors_of(obj, mentions_at):
                        # "to support health services for children in Afar", "to support projects
                        # which benefit Palestinian refugees": the people what is supported is for
                        obj = next((b for b in _beneficiaries(obj) if _actors_of(b, mentions_at)), obj)
                    if obj is not None and (actors := _actors_of(obj, mentions_at)):
                        cand.target_tok, cand.targets = obj, actors
                        cand.rule.append("tgt=purpose")
                        if (purpose := by_trigger.get(clause.i)) is not None:
                            purpose.restated = True  # the help is the aid given, not a second act
                        break
            if not cand.targets and cand.code[:2] == "07":
                # "gave 350 million euros to promote development in Ethiopia", "provided funds to end
                # the Ebola outbreak in West Africa": aid for a purpose in a country goes to that country
                place = _purpose_place(owners, mentions_at)
                if place is not None:
                    cand.target_tok, cand.targets = place, _actors_of(place, mentions_at)
                    cand.rule.append("tgt=purpose-place")
    for cand in cands:
        trig = cand.trigger
        if cand.targets or not cand.sources or cand.code[:2] == "01" or dep[trig.i] not in ("advcl", "xcomp") \
                or v.lemma[v.head[trig.i]] not in load_sending_verbs() \
                or not any(dep[a] == "aux" and lower[a] == "to" for a in kids[trig.i]):
            continue
        # "sent seven military experts to Saudi Arabia to investigate the attacks": the purpose of
        # sending people somewhere is done there (a country or region, never a person sent to)
        for dest in pobjs(trig.head, "to") + [g for c in trig.head.children if c.dep_ == "dative"
                                               for g in c.children if g.dep_ == "pobj"]:
            actors = _actors_of(dest, mentions_at)
            if actors and all(a.code == a.country for a in actors):
                cand.target_tok, cand.targets = dest, actors
                cand.rule.append("tgt=sent-destination")
                break
    for cand in cands:
        if cand.target_tok is not None:
            continue
        trig = cand.trigger
        for child in kids[trig.i]:
            other = by_trigger.get(child)
            if dep[child] == "advcl" and other is not None and other.target_tok is not None and other.targets \
                    and not any(dep[c] in ("nsubj", "nsubjpass") for c in kids[child]):
                cand.target_tok, cand.targets = other.target_tok, list(other.targets)
                cand.rule.append("tgt=participle")
                break
            if dep[child] == "xcomp" and cand.code[:2] == "03" and other is not None and other.targets \
                    and other.sources and cand.sources and other.sources[0].code == cand.sources[0].code:
                # "agreed to postpone the demonstration in Haiti": an intent to do an act is
                # toward whom the act is done (the act's own record, when not folded into the
                # intent, keeps its code)
                cand.target_tok, cand.targets = other.target_tok, list(other.targets)
                cand.rule.append("tgt=intended-act")
                break
        if cand.target_tok is None and cand.code.startswith("02") and cand.sources:
            # "called for Britain to stay in the single market": an appeal is made to the subject
            # of its "for ... to" clause (an act there folds the appeal into a demand of its own)
            for child in trig.children:
                subject = next((c for c in child.children if c.dep_ == "nsubj"), None)
                if child.dep_ == "advcl" and subject is not None and any(
                        c.dep_ == "mark" and c.lower_ == "for" for c in child.children) \
                        and (actors := _actors_of(subject, mentions_at)):
                    cand.target_tok, cand.targets = subject, actors
                    cand.rule.append("tgt=appealed-to")
                    break
        if cand.target_tok is not None or not cand.code.startswith("01"):
            continue
        hosts = [c for c in kids[trig.i] if dep[c] == "dobj"]
        hosts += [g for c in kids[trig.i] if dep[c] == "ccomp" for g in kids[c] if dep[g] == "acomp"]
        for host in hosts:
            pobj = next((doc[p] for prep in kids[host] if dep[prep] == "prep" and lower[prep] in _ABOUT
                         for p in kids[prep] if dep[p] == "pobj"), None)
            if pobj is not None:
                cand.target_tok, cand.targets = pobj, _actors_of(pobj, mentions_at)
                cand.rule.append("tgt=attitude-object")
                break
        if cand.target_tok is None:
            # "said Ethiopia is committed to ...", "said they hoped Gambari would ...", "says he is
            # pessimistic that the Olympics will go ahead": a statement is about the subject of
            # what it reports, once past the speaker's own attitude.
            topic = _reported_topic(trig)
            if topic is not None:
                cand.target_tok, cand.targets = topic, _actors_of(topic, mentions_at)
                cand.rule.append("tgt=reported-subject")
                if cand.code == "015" and not cand.targets and topic.dep_ == "dobj":
                    # "UNITA claimed that they had attacked the air base near Benguela": a claim of
                    # one's own act is about the actor in the phrase of whom it was done to
                    inner = _inner_actor(topic, mentions_at)
                    if inner is not None and (actors := _actors_of(inner, mentions_at)):
                        cand.targets = actors
                        cand.rule.append("tgt=claimed-act-object/inner")
    for cand in cands:
        if cand.target_tok is not None or cand.targets or not cand.sources or cand.code[:2] in ("01", "04"):
            continue
        # "refused to lift sanctions to get Iran to the negotiating table", "launched an offensive
        # to force the government to negotiate": an act done to make someone do something is aimed
        # at them (arguments.yaml purpose_causative_verbs), when the act names no one of its own
        hosts = [cand.trigger.i] + [c for c in kids[cand.trigger.i] if dep[c] == "dobj"]
        if cand.noun is not None:
            hosts.append(cand.noun.i)
        for clause in (k for h in hosts for k in kids[h] if dep[k] in ("advcl", "xcomp", "acl", "relcl")):
            if v.lemma[clause] not in load_purpose_causative_verbs() \
                    or not any(dep[a] == "aux" and lower[a] == "to" for a in kids[clause]) \
                    or any(dep[c] in ("nsubj", "nsubjpass") for c in kids[clause]):
                continue
            obj = next((c for c in kids[clause] if dep[c] == "dobj"), None)
            # what they are to do: "Iran to the table", "the government to negotiate", "Russia into talks"
            made_to = any((dep[c] in ("xcomp", "advcl", "ccomp") and any(dep[a] == "aux" and lower[a] == "to" for a in kids[c]))
                          or (dep[c] == "prep" and lower[c] in ("to", "into")) for c in kids[clause] if c != obj)
            if obj is not None and made_to and (actors := _actors_of(doc[obj], mentions_at)) \
                    and not any(a.key and a.key == s.key for a in actors for s in cand.sources):
                cand.target_tok, cand.targets = doc[obj], actors
                cand.rule.append("tgt=made-to-act")
                break


def _beneficiaries(thing: Any) -> list[Any]:
    """Whom a thing supported is for: the object of its "for" phrase ("services for children"), or
    the object of a relative clause of help on it ("projects which benefit refugees";
    arguments.yaml purpose_verbs)."""
    out = [p for prep in thing.children if prep.dep_ == "prep" and prep.lower_ == "for"
           for p in prep.children if p.dep_ == "pobj"]
    out += [o for rel in thing.children if rel.dep_ == "relcl" and rel.lemma_.lower() in load_purpose_verbs()
            for o in rel.children if o.dep_ == "dobj"]
    return out


def _free_relative_doers(host: Any, word: str) -> list[Any]:
    """The subject of a free relative ("what X proposed") that is the clause object of preposition
    `word` on `host`, unless the clause only names something ("what it called", arguments.yaml
    free_relative_naming_verbs)."""
    v = view(host.doc)  # (read on the Doc's arrays: analysis.docview)
    dep, lower, kids = v.dep, v.lower, v.kids
    out = []
    for prep in kids[host.i]:
        if dep[prep] != "prep" or lower[prep] != word:
            continue
        for clause in kids[prep]:
            if dep[clause] != "pcomp" or v.lemma[clause] in load_free_relative_naming_verbs():
                continue
            near = [k for c in kids[clause] for k in (c, *kids[c])]  # "what" as object or deeper
            if not any(lower[t] in ("what", "whatever") and v.tag[t] == "WP" for t in near):
                continue
            out += [host.doc[g] for g in kids[clause] if dep[g] == "nsubj" and v.tag[g] not in ("WP", "PRP")]
    return out


def _keeps_named_object_from_acting(verb: Any, cand: _Candidate, prevention_verbs: frozenset[str]) -> bool:
    """"help the country stop terrorists, drugs and weapons from entering Europe": a verb of
    prevention with a gerund after "from" keeps its object from acting; a cooperative or yielding
    dictionary pattern (CAMEO 01-09) that names that object ("CANCEL * &WEAPON": weapons scrapped,
    087) reads an act that is not there. A coercive one stays ("banned national newspapers from
    printing": 1721, a restriction of the press)."""
    if not cand.code[:2].isdigit() or int(cand.code[:2]) >= 10:
        return False
    v = view(verb.doc)  # (read on the Doc's arrays: analysis.docview)
    dep, kids = v.dep, v.kids
    if v.lemma[verb.i] not in prevention_verbs or not any(
            dep[c] == "prep" and v.lower[c] == "from" and any(dep[g] == "pcomp" for g in kids[c])
            for c in kids[verb.i]):
        return False
    return any(cand.verb_match.names_word(o) for d in verb.children if d.dep_ == "dobj" for o in (d, *_conjuncts(d)))


def _request_refused(cand: _Candidate, mentions_at) -> None:
    """"declined to resign despite President Biden's request", "refused to leave despite calls
    from the UN": a refusal that names no one else it is done to, made against a request of
    someone's, refuses that request: its target is the request's maker (the noun's owner, or its
    "from" or "by" phrase; arguments.yaml request_nouns). The request may hang on the refusal
    verb or on the act refused."""
    hosts = [cand.trigger] + ([cand.governor] if cand.governor is not None else [])
    preps = load_overridden_request_prepositions()
    for host in hosts:
        for prep in host.children:
            if prep.dep_ != "prep" or prep.lower_ not in preps:
                continue
            for noun in (p for p in prep.children if p.dep_ == "pobj"):
                if noun.lower_ not in load_request_nouns():
                    continue
                if _aim_at_first_other_party(cand, _makers_of(noun), mentions_at, "tgt=request-refused"):
                    return


def _accuser_of_rebutted_charges(cand: _Candidate, mentions_at, cues: ModalityCues) -> None:
    """"denied charges by the government that the party had acted recklessly", "rejected the
    opposition's accusations that ...": a denial or rejection of a claim (modality.yaml
    rebuttal_verbs, alleged nouns) is done to whoever made the claim: the noun's owner or its
    "by" or "from" phrase, or a "by" or "from" phrase the parser hangs on the active verb. What
    the claim says (its clause's subject) is not whom the denial is made to."""
    verb = cand.trigger
    if verb.lemma_.lower() not in cues.rebuttal_verbs or subject_of(verb)[1]:
        return
    claims = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in cues.alleged_nouns]
    if not claims:
        return
    makers = [m for claim in claims for m in _makers_of(claim)]
    makers += [p for q in verb.children if q.dep_ == "prep" and q.lower_ in load_request_maker_prepositions()
               and q.i > claims[0].i for p in q.children if p.dep_ == "pobj"]
    _aim_at_first_other_party(cand, makers, mentions_at, "tgt=claim-maker")


def _makers_of(noun: Any) -> list:
    """Who made a request or a claim: the noun's owner ("the opposition's accusations") or its
    "by"/"from" phrase (arguments.yaml request_maker_prepositions)."""
    return [c for c in noun.children if c.dep_ == "poss"] + [
        p for q in noun.children if q.dep_ == "prep" and q.lower_ in load_request_maker_prepositions()
        for p in q.children if p.dep_ == "pobj"]


def _aim_at_first_other_party(cand: _Candidate, makers: list, mentions_at, rule: str) -> bool:
    """The first maker that resolves to actors other than the candidate's sources becomes its
    target (`rule` noted); False when none does."""
    for maker in makers:
        actors = _actors_of(maker, mentions_at)
        if actors and not any(a.key is not None and a.key == s.key for a in actors for s in cand.sources):
            cand.target_tok, cand.targets = maker, actors
            cand.rule.append(rule)
            return True
    return False


def _own_reported_attitude(verb: Any) -> str | None:
    """The CAMEO code of the speaker's own attitude a reporting verb reports ("said it is
    skeptical of", "says he is pessimistic about": a pronoun subject and an attitude adjective of
    arguments.yaml reported_attitudes), else None."""
    attitudes = load_reported_attitudes()
    v = view(verb.doc)  # (read on the Doc's arrays: analysis.docview)
    dep, pos, lower, kids = v.dep, v.pos, v.lower, v.kids
    for clause in kids[verb.i]:
        if dep[clause] != "ccomp":
            continue
        if not any(dep[c] == "nsubj" and pos[c] == "PRON" for c in kids[clause]):
            continue
        for c in kids[clause]:
            if dep[c] == "acomp" and lower[c] in attitudes:
                return attitudes[lower[c]]
    return None


def _threat_beside_an_act(cands: list[_Candidate]) -> None:
    """"announced a suspension of aid to Guatemala and threatened to withdraw trade preferences":
    a threat (13x) that names nobody it is made to, its threatening verb coordinated with another
    act of the same doer, is made to whom that act is done."""
    by_trigger = {c.trigger.i: c for c in cands}
    for cand in cands:
        gov = cand.governor
        if cand.targets or not cand.sources or cand.code[:2] != "13" or gov is None or gov.dep_ != "conj":
            continue
        other = by_trigger.get(gov.head.i)
        if other is not None and other is not cand and other.targets and other.sources \
                and other.sources[0].code == cand.sources[0].code:
            cand.target_tok, cand.targets = other.target_tok, list(other.targets)
            cand.rule.append("tgt=coordinated-act")


def _purpose_place(owners: list[Any], mentions_at) -> Any | None:
    """The country or region a to-infinitive purpose clause of one of `owners` (the trigger and its
    object) puts its act in ("to promote development in Ethiopia"; arguments.yaml
    `purpose_place_prepositions`), or None."""
    words = load_purpose_place_prepositions()
    for clause in (k for o in owners for k in o.children if k.dep_ in ("advcl", "xcomp", "acl", "relcl")):
        if not any(a.dep_ == "aux" and a.lower_ == "to" for a in clause.children):
            continue
        for prep in clause.subtree:
            if prep.dep_ != "prep" or prep.lower_ not in words:
                continue
            for pobj in prep.children:
                actors = _actors_of(pobj, mentions_at) if pobj.dep_ == "pobj" else []
                if actors and all(a.code == a.country for a in actors):
                    return pobj
    return None


def _direction_target(cand: _Candidate, mentions_at, names_people) -> None:
    """An act whose pattern found no actor to be done to takes the actor that a preposition of
    direction (arguments.yaml `direction_prepositions`) puts on the act itself: on its event
    noun ("launched cyber attacks on 141 organisations"), on the verb ("imposed a curfew
    on Kashmir") or on the verb's object ("lifted travel curbs to North Korea"). Statements
    and meetings keep their own rules (an audience, a place of talks is no target)."""
    if cand.targets or cand.statement or cand.code[:2] in ("01", "04"):
        return
    if cand.target_tok is not None and names_people(cand.target_tok):
        return  # "civilians who were shot dead": someone no actor was resolved for is the target
    words = load_direction_prepositions()
    cooperative = int(cand.code[:2]) < 9
    if cooperative:
        # "present a united front against the West": whom cooperation is set against is its
        # opponent, never its partner or beneficiary (an investigation, 09, is opened against
        # whom it investigates)
        words = words - {"against"}
    adjuncts = load_adjunct_prepositions()
    trig = cand.trigger
    # (walked on the Doc's arrays, analysis.docview: only an object looked up becomes a Token)
    doc = trig.doc
    v = view(doc)
    dep, lower, kids = v.dep, v.lower, v.kids
    hosts = [h.i for h in (cand.noun, trig) if h is not None]
    hosts += [c for c in kids[trig.i] if dep[c] == "dobj" and (cand.noun is None or c != cand.noun.i)]
    # "began a hunger strike in protest against the new laws", "mobilized troops for a ground
    # assault against Palestina": what the act is for or in is set against someone too
    opposed = [] if cooperative else [(p, {"against"}) for h in hosts for prep in kids[h]
               if dep[prep] == "prep" and lower[prep] not in words and lower[prep] not in adjuncts
               for p in kids[prep] if dep[p] == "pobj"]
    # "fired and landed a live round on a protester": a verb of force aims at whom "on"/"at" names
    aimed = [(h.i, preps, "force-aim") for h, preps in _force_aim_hosts(cand)]
    for host, allowed, kind in [(h, words, "direction") for h in hosts] + [(h, a, "direction") for h, a in opposed] + aimed:
        for prep in kids[host]:
            if dep[prep] != "prep" or lower[prep] not in allowed:
                continue
            # "lifted travel curbs to and from North Korea": prepositions joined before one object
            for p in (*kids[prep], *(g for c in kids[prep] if dep[c] == "conj" and v.pos[c] == "ADP"
                                     for g in kids[c])):
                if dep[p] != "pobj" or _is_date_or_amount_at(v, p):
                    continue
                pobj = doc[p]
                actors = _actors_of(pobj, mentions_at)
                if not actors and (inner := _inner_actor(pobj, mentions_at, cooperative)) is not None:
                    actors = _actors_of(inner, mentions_at)  # "attacks on 141 organisations across 20 industries"
                if kind == "force-aim" and lower[prep] == "at" and all(a.code == a.country for a in actors):
                    continue  # "fired at Kabul airport": a bare country or city at is where, not whom
                if actors:
                    cand.target_tok, cand.targets = pobj, actors
                    cand.rule.append(f"tgt={kind}:{lower[prep]}")
                    return


def _force_aim_hosts(cand: _Candidate) -> list[tuple[Any, frozenset[str]]]:
    """An act of force (CAMEO 17-20) is aimed by a verb of force (arguments.yaml `force_aim_verbs`):
    the trigger, a verb joined to it with no subject of its own ("fired and landed a live round
    on a protester") or their object; each takes the prepositions `force_aim_prepositions`."""
    if cand.code[:2] not in ("17", *HARM_ROOTS):
        return []
    verbs, preps = load_force_aim_verbs(), load_force_aim_prepositions()
    trig = cand.trigger
    aimers = [v for v in (trig, *(c for c in trig.children if c.dep_ == "conj" and c.pos_ == "VERB"
                                    and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)))
              if v.lemma_.lower() in verbs]
    hosts = aimers + [o for v in aimers for o in v.children if o.dep_ == "dobj"]
    return [(h, preps) for h in hosts]


def _reported_topic(verb: Any, depth: int = 0) -> Any | None:
    """The first subject below a statement's reported clauses that is not a pronoun (the speaker
    speaking of itself: "it is skeptical about", "they hoped"), else None."""
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        subject, _ = subject_of(clause)
        if subject is not None and subject.pos_ not in ("PRON", "DET") and not _is_date(subject):
            return subject
        inner = [clause] + [g for g in clause.children if g.dep_ == "acomp"]
        for host in inner[1:]:
            pobj = next((p for prep in host.children if prep.dep_ == "prep" and prep.lower_ in _ABOUT
                         for p in prep.children if p.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
        if depth < 2:
            for host in inner:
                found = _reported_topic(host, depth + 1)
                if found is not None:
                    return found
        # "claimed that they had attacked a CATS ambulance": the speaker reports its own act,
        # which is done to its object.
        obj = next((c for c in clause.children if c.dep_ == "dobj" and not _is_date(c)), None)
        if obj is not None:
            return obj
    return None


def _antecedent(tok: Any | None, mentions_at, sent: Any) -> Any | None:
    """A personal pronoun whose actor the same sentence names earlier ("called President
    Erdogan ... and urged him") is given by that name: the argument's span is the name's."""
    if tok is None or tok.pos_ != "PRON":
        return tok
    keys = {m.actor.key for m in mentions_at.get(tok.i, ()) if m.actor.key}
    if not keys:
        return tok
    pos = view(tok.doc).pos  # (the Doc's arrays: analysis.docview)
    for t in range(sent.start, min(tok.i, sent.end)):
        for m in mentions_at.get(t, ()):
            if m.actor.key in keys and m.how != "pronoun" and pos[t] != "PRON":
                return tok.doc[m.tokens[0]:m.tokens[1]].root
    return tok


def _content_of_an_agreement(verb: Any, nouns: frozenset[str]) -> bool:
    """Whether a verb heads a clause "for X to do" on an agreement or a plan noun, or on a verb whose
    subject or object is one ("An agreement has been reached for the army to enter")."""
    if verb.dep_ not in ("acl", "advcl") or not nouns:
        return False
    children = list(verb.children)
    if not (any(c.dep_ == "mark" and c.lower_ == "for" for c in children)
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in children)):
        return False
    head = verb.head
    if head.lower_ in nouns or head.lemma_.lower() in nouns:
        return True  # "an agreement for Turkish troops to withdraw"
    return verb.dep_ == "advcl" and any(c.dep_ in ("nsubj", "nsubjpass", "dobj") and (c.lower_ in nouns or c.lemma_.lower() in nouns)
               for c in head.children)


def _content_of_a_proposal(verb: Any) -> bool:
    """Whether a verb lies in a relative clause (or an infinitive) of a thing named by a common
    noun ("a bill that would allow China to extradite", "a change to the law that would allow"),
    through control and complement clauses only."""
    node = verb
    for _ in range(4):
        if node.dep_ in ("relcl", "acl"):
            head = node.head
            return head.pos_ == "NOUN" and head.ent_type_ == "" and not any(
                c.dep_ == "poss" for c in head.children)
        if node.dep_ not in ("xcomp", "ccomp") or node.head.i == node.i:
            return False
        node = node.head
        if node.lemma_.lower() in load_enabling_verbs() and any(
                c.dep_ == "nsubj" and c.pos_ == "NOUN" and c.lemma_.lower() in load_instrument_nouns() for c in node.children):
            return True  # "The bill would have allowed the government to remove people"
    return False


def _enabled_by_instrument(verb: Any) -> bool:
    """What a law, bill or plan would let someone do, whatever its mood ("a change to Hong Kong's
    extradition law that would allow China to remove people", "proposed an amendment to a law to
    allow China to extradite anyone to be prosecuted"): below an enabling verb whose subject is
    the instrument, which is a relative clause of the instrument, or which says what the
    instrument a verb acts on is for; through complement and adverbial clauses only."""
    enabling, instruments = load_enabling_verbs(), load_instrument_nouns()
    node = verb
    for _ in range(5):
        if node.dep_ not in ("xcomp", "ccomp", "advcl") or node.head.i == node.i:
            return False
        node = node.head
        if node.lemma_.lower() not in enabling:
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in instruments for c in node.children):
            return True
        if node.dep_ in ("relcl", "acl") and node.head.lemma_.lower() in instruments:
            return True
        if node.dep_ == "advcl" and any(c.dep_ == "dobj" and c.lemma_.lower() in instruments for c in node.head.children):
            return True
    return False


def _purpose_of_announced_thing(verb: Any, reporting_verbs: frozenset[str]) -> bool:
    """"announced a naval coalition to patrol the Gulf": an infinitive the parser hangs on a
    reporting verb after its object, a thing named by a common noun, says what the thing is for."""
    if verb.dep_ != "xcomp" or verb.head.lemma_.lower() not in reporting_verbs:
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    return any(c.dep_ == "dobj" and c.i < verb.i and c.pos_ == "NOUN" and c.ent_type_ == ""
               for c in verb.head.children)


def _orders_by_infinitive(verb: Any, ordering_verbs: frozenset[str]) -> bool:
    """"told the police to arrest the smugglers": a verb of saying that orders, with someone told
    and a to-infinitive of what they are to do ("told reporters that ..." is no order)."""
    return verb.lemma_.lower() in ordering_verbs and any(c.dep_ in ("dobj", "dative") for c in verb.children) \
        and any(c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                for c in verb.children)


def _for_to_clause(verb: Any) -> bool:
    """"called for NATO members to increase spending", "pushed for Iran to be sanctioned": the
    clause is what the governing verb asks for (the parser makes it an adverbial clause)."""
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "for" for c in verb.children) \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _hedges_a_number(adverb: Any) -> bool:
    """"stabbed reportedly several people", "killed reportedly 20": an adverb after its verb and
    right before the object's number or quantity word hedges the count, not the act."""
    nxt = adverb.nbor(1) if adverb.i + 1 < len(adverb.doc) else None
    return adverb.i > adverb.head.i and nxt is not None and nxt.dep_ in ("amod", "nummod", "det", "quantmod") \
        and (nxt.like_num or nxt.lower_ in _QUANTITY_WORDS) and nxt.head.dep_ == "dobj" and nxt.head.head.i == adverb.head.i


_QUANTITY_WORDS = frozenset({"several", "many", "some", "dozens", "hundreds", "thousands", "scores", "few", "at"})


def _purpose_of_presence(verb: Any, presence_verbs: frozenset[str] = frozenset({"be"})) -> bool:
    """"Coalition forces are in Iraq to defeat ISIS", "troops are there to protect civilians": an
    infinitive of purpose on a "be" of place says why someone is somewhere, not an act done ("is to
    visit China", a "be" with no place, is a scheduled act)."""
    v = view(verb.doc)  # (read on the Doc's arrays: analysis.docview)
    dep, lower, kids, i = v.dep, v.lower, v.kids, verb.i
    if dep[i] != "advcl":
        return False
    head = v.head[i]
    return any(dep[c] == "aux" and lower[c] == "to" for c in kids[i]) \
        and verb.doc[head].lemma_ in presence_verbs and head != i \
        and any(dep[c] == "prep" or (dep[c] == "advmod" and lower[c] in ("there", "here")) for c in kids[head])


def _purpose_protest_against(trigger: Any, purpose_verbs: frozenset[str]) -> Any:
    """The object of "against" on a protest's purpose infinitive ("took to the streets to
    protest against the government": the government), or None."""
    for verb in trigger.children:
        if verb.dep_ in ("xcomp", "advcl") and verb.lemma_.lower() in purpose_verbs:
            for prep in verb.children:
                if prep.dep_ == "prep" and prep.lower_ == "against":
                    obj = next((o for o in prep.children if o.dep_ == "pobj"), None)
                    if obj is not None:
                        return obj
    return None


def _same_protest_participle(cand: _Candidate, protests: set[int], purpose_verbs: frozenset[str] = frozenset()) -> bool:
    """A protest participle with no subject of its own on a protest verb ("marched ..., protesting
    the law"): what the marchers protested, the same act as the march, not a second one. So is a
    purpose infinitive of protest ("took to the streets to protest against the result", whatever
    it is coded: exclusions.yaml purpose_protest_verbs)."""
    trig = cand.trigger
    if cand.pattern.nominal or trig.dep_ not in ("advcl", "xcomp") or trig.head.i not in protests \
            or trig.head.i == trig.i or any(c.dep_ in ("nsubj", "nsubjpass") for c in trig.children):
        return False
    if trig.tag_ == "VBG":
        return cand.code.startswith("14")
    return trig.tag_ == "VB" and trig.lemma_.lower() in purpose_verbs \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in trig.children)


def _deadline_task(verb: Any) -> bool:
    """"gave the rebels until Friday to surrender": a to-infinitive on a verb that sets a deadline
    ("until", "till") is what someone is told to do by then (the ultimatum is the event), not done."""
    v = view(verb.doc)  # (read on the Doc's arrays: analysis.docview)
    dep, lower, kids, i = v.dep, v.lower, v.kids, verb.i
    if dep[i] not in ("advcl", "xcomp"):
        return False
    head = v.head[i]
    return head != i \
        and any(dep[c] == "aux" and lower[c] == "to" for c in kids[i]) \
        and any(dep[c] == "prep" and lower[c] in _DEADLINE_PREPOSITIONS for c in kids[head])


def _scheduled_be(be: Any, verb: Any) -> bool:
    """"is to step down today", "was to meet on Monday": a "be" whose only predicate is a
    to-infinitive says the act is scheduled, not done (a "be" of place or a predicate noun or
    adjective gives a purpose instead: "are in Iraq to defeat ISIS")."""
    return be.lemma_ == "be" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) \
        and not any(c.dep_ in ("attr", "acomp", "prep", "oprd") or (c.dep_ == "advmod" and c.lower_ in ("there", "here"))
                    for c in be.children)


def _subjunctive(verb: Any) -> bool:
    """"(ordered) that the army protect places of worship": a that-clause whose verb is the bare
    form, with no auxiliary, says what is to be done (a mandative subjunctive), not what was."""
    return verb.tag_ == "VB" and any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children) \
        and not any(c.dep_ == "aux" for c in verb.children)


def _imperative(verb: Any) -> bool:
    """A verb in the imperative ("Release them now", "Don't hold the workers hostage"): its base
    form heading a clause with no subject and no auxiliary but "do"."""
    v = view(verb.doc)  # (read on the Doc's arrays: analysis.docview)
    dep, i = v.dep, verb.i
    if v.tag[i] != "VB" or dep[i] not in ("ROOT", "ccomp", "parataxis"):
        return False
    lemma = v.lemma
    return not any(dep[c] in ("nsubj", "nsubjpass", "csubj", "expl", "mark") or
                   (dep[c] in ("aux", "auxpass") and lemma[c] != "do") for c in v.kids[i])


def _doers_own_state_body(tok: Any, actors: list[Actor], sources: list[Actor]) -> bool:
    """An object a possessive pronoun gives to the doer ("its troops", "their ambassador") that is
    a state body (STATE_SECTORS: forces, police, government, envoys) of the doer's own country."""
    heads = [tok] + [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                     for p in c.children if p.dep_ == "pobj"]  # "some of its troops"
    if not sources or not any(c.dep_ == "poss" and c.pos_ == "PRON" for h in heads for c in h.children):
        return False
    own = {s.country for s in sources if s.country}
    return bool(own) and all(a.country in own and (a.sector or "")[:3] in STATE_SECTORS for a in actors)


def _only_placed(tok: Any, mentions_at) -> bool:
    """Whether every actor mention at `tok` is a thing placed by its phrase ("a car bomb in Kabul")."""
    mentions = mentions_at.get(tok.i, ())
    return bool(mentions) and all(m.how == "placed" for m in mentions)


def _instrument_doer(noun: Any, mentions_at) -> Any | None:
    """Who wields a weapon or does an attack named by `noun` (or a conjunct of it): an actor
    before it ("Syrian regime air strikes", "Russia's offensive"), after "by" ("a bombing by the
    Islamic State group"), or the agent of a participle on it ("missiles fired by the army")."""
    for n in [noun] + list(noun.conjuncts):
        slots = [c for c in n.children if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < n.i]
        slots += pobjs(n, "by")
        slots += [p for acl in n.children if acl.dep_ == "acl" and acl.tag_ == "VBN"
                  for agent in acl.children if agent.dep_ == "agent" for p in agent.children if p.dep_ == "pobj"]
        for tok in slots:
            mentions = mentions_at.get(tok.i, ())
            if tok.dep_ == "compound" and mentions and all(m.how == "place" for m in mentions):
                continue  # "a Kabul car bombing": where the attack was, not who did it
            if mentions and all(m.how == "placed" for m in mentions):
                continue  # "a car bomb in Kabul": the phrase placed by where it was
            if _actors_of(tok, mentions_at):
                return tok
    return None


def _message_own_author(message: Any) -> Any | None:
    """The author a message names ("a letter from the senator", "a video by the group", "the
    senator's letter"), or None."""
    preps = load_message_author_prepositions()
    for c in message.children:
        if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN"):
            return c
        if c.dep_ == "prep" and c.lower_ in preps:
            pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    return None


def _own_sides_act(order: _Candidate) -> _Candidate | None:
    """An order to one's own side ("ordered his staff to delay the aid", "ordered the flags be
    lowered"): no demand; the act ordered, where it is one, is the orderer's, as the order is."""
    act = order.folded
    if act is None or act.code in BARE_STATEMENTS or not order.sources:
        return None
    act.sources, act.source_tok = order.sources, order.source_tok
    act.negated, act.modality = order.negated, order.modality
    act.rule.append(f"ordered-by-own-side:{order.trigger.lemma_.lower()}")
    return act


def _plain_target(cand: _Candidate) -> bool:
    """Whether the act has a target argument that is not a word the pattern names (an object of
    its own, resolved to an actor or not)."""
    tok = cand.target_tok
    if tok is not None and cand.pattern.reciprocal and not cand.negated and tok.dep_ == "pobj" \
            and tok.head.head.i == cand.trigger.i and tok.head.lower_ in load_topic_prepositions():
        # "the EU and Mercosur agreed on the draft text": what they agreed on ("could not agree
        # on a budget" is no act done with each other)
        return False
    return tok is not None and not cand.target_described and not _names_the_act(cand) and not (
        cand.noun is not None and tok.i == cand.noun.i) and tok.i != cand.trigger.i


def _names_the_act(cand: _Candidate) -> bool:
    """Whether the target word is one the dictionary pattern names ("* &CEASEFIRE"): it says what
    the act is, not what it is done to."""
    if cand.verb_match is None or cand.target_tok is None:
        return False
    names = cand.verb_match.names_word
    # "began a new round of joint military exercises": the quantity's "of" phrase names the act
    return names(cand.target_tok) or (cand.target_tok.lower_ in load_collective_heads()
                                      and any(names(p) for p in pobjs(cand.target_tok, "of")))


def _reporting_speaker(verb: Any, m: ModalityCues) -> Any | None:
    """The subject of the reporting verb whose reported clause `verb` is in ("X said they will
    ...", "they will ..., X said"), or None."""
    # up the clause's verb chain only, to a "said" above it or one the parser hung after it
    speech = reporting_head(verb, m.reporting_verbs, reported=("ccomp",), through=("xcomp", "conj"),
                            trailing=True, limit=len(verb.doc))
    return subject_of(speech)[0] if speech is not None else None


def _according_to(verb: Any) -> Any | None:
    """The source named by "according to X" on `verb` ("was arrested, according to police")."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "according":
            for to in prep.children:
                if to.lower_ == "to":
                    return next((p for p in to.children if p.dep_ == "pobj"), None)
    return None


def _obliges_another(clause: Any, m: ModalityCues) -> bool:
    """A reported clause that puts an obligation ("must", "should") on someone other than the
    speaker ("Russia said Sudan must return the helicopter")."""
    if not any(c.dep_ == "aux" and c.lower_ in m.obligation_aux for c in clause.children):
        return False
    speaker, _ = subject_of(clause.head)
    subject, _ = subject_of(clause)
    if subject is None or any(t.lower_ in m.inclusive_subjects for t in subject.subtree):
        return False  # "we must", "both sides should", "all parties must": the speaker is among them
    return speaker is None or subject.i not in {t.i for t in speaker.subtree}


def _conditional(verb: Any, m: ModalityCues) -> bool:
    """The event has a condition clause of its own ("... if cooperation founders", "unless ...")."""
    return any(c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in m.hypothetical_markers
                                         and g.lower_ != "whether" for g in c.children)
               for c in verb.children)


def _as_well_as(verb: Any, subject: Any, mentions_at) -> list[Actor]:
    """Actors of a noun phrase "as well as X" that hangs on the verb after its object or
    prepositions, when it is coordinated with a subject to its left."""
    doc = verb.doc
    out: list[Actor] = []
    vi = verb.i
    if subject.i >= vi:
        return out  # only a subject to the verb's left is coordinated with it
    v = view(doc)  # (read on the Doc's arrays: analysis.docview)
    dep, lower = v.dep, v.lower
    for child in v.kids[vi]:
        if child <= vi or dep[child] not in ("dobj", "conj", "npadvmod", "appos", "pobj"):
            continue
        start = v.left_edge(child)
        # the three words before the phrase, read last first
        if start >= 3 and lower[start - 1] == "as" and lower[start - 2] == "well" and lower[start - 3] == "as":
            out.extend(_actors_of(doc[child], mentions_at))
    return out


_NAMED = {"PERSON", "NORP", "ORG", "GPE", "LOC", "FAC"}
_NOT_A_TARGET = {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}


def _names_something(tok: Any) -> bool:
    """A noun phrase headed by a proper noun or holding a named actor or place."""
    v = view(tok.doc)  # (read on the Doc's arrays: analysis.docview)
    if v.pos[tok.i] == "PROPN":
        return True
    ent_type = v.ent_type
    return any(ent_type[t] in _NAMED for t in v.subtree(tok.i))


def _is_date(tok: Any) -> bool:
    """A date or time ("on Wednesday": a proper noun too), or an occasion counted ("for the
    first time"): never what an event is done to."""
    return tok.ent_type_ in ("DATE", "TIME") or (tok.pos_ == "NOUN" and tok.lower_ in load_occasion_nouns())


def _is_date_at(v: Any, i: int) -> bool:
    """`_is_date` of token i on the Doc's view (analysis.docview)."""
    return v.ent_type[i] in ("DATE", "TIME") or (v.pos[i] == "NOUN" and v.lower[i] in load_occasion_nouns())


def _is_date_or_amount(tok: Any) -> bool:
    """A date, a time or a bare amount ("$ 5 million"; "dozens of activists" is a group)."""
    return _is_date_or_amount_at(view(tok.doc), tok.i)


def _is_date_or_amount_at(v: Any, i: int) -> bool:
    """`_is_date_or_amount` of token i on the Doc's view (analysis.docview)."""
    dep, lower = v.dep, v.lower
    if any(dep[c] == "prep" and lower[c] == "of" for c in v.kids[i]) and v.ent_type[i] not in ("DATE", "TIME", "MONEY"):
        return False
    return v.ent_type[i] in _NOT_A_TARGET or v.pos[i] == "NUM"


# Links that stay inside a noun phrase ("the EU proposal", "a request from X", "support for X",
# "sanctions imposed on X"); clauses below it (relative, infinitive) are left out.
_PHRASE_INNER = {"prep", "pobj", "compound", "amod", "poss", "nmod", "appos", "agent", "conj"}


def _inner_actor(tok: Any, mentions_at, cooperative: bool = False, meeting: bool = False,
                 gerund_after: frozenset[str] = frozenset(), avoid: Any = None) -> Any | None:
    """The first token (in reading order) inside a noun phrase's own phrase that stands for an
    actor, or None. For a cooperative event an actor the phrase sets against ("present a united
    front against the West") is its opponent, not its target; for a meeting (CAMEO 04) a place
    phrase is where it was held. After a preposition of `gerund_after`, a gerund's object and
    prepositions are inside the phrase too ("pessimism over holding talks with the US"). A token
    `avoid` says yes to is taken only when the phrase has no other."""
    doc = tok.doc
    v = view(doc)  # (walked on the Doc's arrays: analysis.docview; Tokens made of what is returned)
    dep, lower, tag, kids, head = v.dep, v.lower, v.tag, v.kids, v.head
    queue = list(kids[tok.i])
    seen: list[int] = []
    while queue:
        node = queue.pop(0)
        d = dep[node]
        if cooperative and d == "prep" and lower[node] == "against":
            continue
        if meeting and d == "prep" and lower[node] in load_place_prepositions():
            continue  # "hosted the champions at the White House": where they met
        if d in _PHRASE_INNER or (d == "acl" and tag[node] == "VBN"):
            seen.append(node)
            queue.extend(kids[node])
        elif d == "acl" and tag[node] == "VB" and head[node] == tok.i \
                and any(dep[c] == "aux" and lower[c] == "to" for c in kids[node]):
            # "an invitation to meet with Kim Jong Un": whom the invited or offered act is done
            # with (arguments.yaml infinitive_partner_prepositions), never its object
            # ("an offer to hold talks with the rebels": on the infinitive's object too)
            queue.extend(p for c in kids[node] for p in ([c] if dep[c] == "prep" else kids[c] if dep[c] == "dobj" else ())
                         if dep[p] == "prep" and lower[p] in load_infinitive_partner_prepositions())
        elif gerund_after and d == "pcomp" and tag[node] == "VBG" and lower[head[node]] in gerund_after:
            # "pessimism over holding negotiations with the United States": a gerund after the
            # phrase's preposition stands for what it is about; its object and prepositions are inside
            for c in kids[node]:
                if dep[c] == "dobj":
                    seen.append(c)
                    queue.extend(kids[c])
                elif dep[c] == "prep":
                    queue.append(c)
    inner = [doc[node] for node in sorted(seen) if mentions_at.get(node) and not _is_date_or_amount_at(v, node)]
    if avoid is not None:
        preferred = next((node for node in inner if not avoid(node)), None)
        if preferred is not None:
            return preferred
    return inner[0] if inner else None


def _country_served(tok: Any, mentions_at, peacekeeping: bool = False) -> list[Actor]:
    """The country a peacekeeping mission, force or operation serves, by its "in" phrase ("the UN
    peacekeeping mission in Mali"), when `tok` heads such a phrase or the act is peacekeeping
    ("contribute troops to the NATO-led security force in Afghanistan"); else []."""
    words = load_served_mission_words()
    if not peacekeeping and not any(t.lower_ in words for t in (tok, *tok.lefts)):
        return []
    for place in pobjs(tok, "in"):
        countries = [a for a in _actors_of(place, mentions_at) if a.country and a.code == a.country]
        if countries:
            return countries
    if any(c.dep_ == "advmod" and c.lower_ == "there" for c in (*tok.children, *tok.head.children)):
        # "arrived in Mali to join the UN peacekeeping mission there": the place the sentence
        # named before, by an "in" phrase
        for prep in reversed([t for t in tok.sent if t.i < tok.i and t.dep_ == "prep" and t.lower_ == "in"]):
            for place in (p for p in prep.children if p.dep_ == "pobj"):
                countries = [a for a in _actors_of(place, mentions_at) if a.country and a.code == a.country]
                if countries:
                    return countries
    return []


def _named_words(verb: Any, m: Any, dictionary: VerbDictionary | None = None) -> list[Any]:
    """The words of the verb's subtree (the verb aside) a dictionary pattern names: what the
    `_names_only_*` tests look at, found once per match. `dictionary`: the one that matched, to
    read its arrays of the Doc instead of making every Token of the subtree."""
    if dictionary is not None:
        return dictionary.named_in_subtree(verb, m.words)
    return [t for t in verb.subtree if t.i != verb.i and m.names_word(t)]


def _names_word_at(m: Any, v: Any, i: int) -> bool:
    """`m.names_word(doc[i])` on the Doc's view (analysis.docview): the pattern names the word by
    its lower-cased form or its lemma (string ids)."""
    lower, lemma = v.ids[0], v.ids[1]
    return lower[i] in m.words or lemma[i] in m.words


def _names_only_reported(verb: Any, m: Any, named: list[Any] | None = None) -> bool:
    """Whether every word a dictionary pattern matched lies in the verb's reported clause."""
    v = view(verb.doc)  # (read on the Doc's arrays: analysis.docview)
    reported = {t for c in v.kids[verb.i] if v.dep[c] == "ccomp" for t in v.subtree(c)}
    if named is None:
        named = _named_words(verb, m)
    return bool(named) and all(t.i in reported for t in named)


def _holder(verb: Any, released: Any, mentions_at) -> tuple[Any, list[Actor]] | None:
    """Who held the people a passive release frees, as the sentence names them: the "by" agent of
    a holding participle on them ("citizens who had been held by the government in Libya", "held
    by rebels"), else the country where they were held ("held captive in Libya", "released from
    captivity in Libya"). None when no holder is named."""
    holding = load_holding_words()
    holds = [t for t in released.subtree if t.lemma_.lower() in holding or t.lower_ in holding]
    from_holding = [t for p in pobjs(verb, "from") for t in p.subtree if t.lower_ in holding]
    holds += from_holding
    for word in holds:
        for agent in (c for c in word.children if c.dep_ == "agent"):
            for p in (c for c in agent.children if c.dep_ == "pobj"):
                if (actors := _actors_of(p, mentions_at)):
                    return p, actors
    places = [p for word in holds for c in word.subtree if c.dep_ == "prep" and c.lower_ == "in"
              for p in c.children if p.dep_ == "pobj"]
    if from_holding:  # "released from captivity in Libya", the place hung on the verb
        places += pobjs(verb, "in")
    for place in places:
        countries = [a for a in _actors_of(place, mentions_at) if a.country and a.code == a.country]
        if countries:
            return place, countries
    return None


def _names_only_adjunct(verb: Any, m: Any, named: list[Any] | None = None) -> bool:
    """Whether every word a dictionary pattern matched lies in a time or place phrase of the verb
    ("following a fire", "at a meeting") whose preposition the pattern does not name."""
    v = view(verb.doc)  # (read on the Doc's arrays: analysis.docview)
    dep, lower = v.dep, v.lower
    adjuncts = [c for c in v.kids[verb.i] if dep[c] == "prep" and lower[c] in load_adjunct_prepositions()
                and not _names_word_at(m, v, c)]
    if not adjuncts:
        return False
    inside = {t for c in adjuncts for t in v.subtree(c)}
    if named is None:
        named = _named_words(verb, m)
    return bool(named) and all(t.i in inside for t in named)


def _names_only_complex_preposition(verb: Any, m: Any, named: list[Any] | None = None) -> bool:
    """Whether every word a dictionary pattern matched is the last word of a preposition made of
    several ("ruled in regard to the case", "in response to the appeal": HEAD * TO, 030), which
    says what the act is about, not the verb's own "to"; or an adverb opening a level ("cut two
    years off the terms, down to five years": CUT * DOWN, 194), no particle of the verb."""
    if named is None:
        named = _named_words(verb, m)
    # the middle noun is bare ("in regard to"), never a phrase of its own ("on a visit to Russia");
    # "down to five years" (CUT * DOWN): an adverb opening a level, no particle
    return bool(named) and all((t.dep_ == "prep" and t.head.pos_ == "NOUN" and t.head.dep_ == "pobj"
                                and t.head.head.dep_ == "prep" and t.head.i == t.head.head.i + 1
                                and t.i == t.head.i + 1)
                               or (t.dep_ == "advmod" and t.lower_ in load_level_adverbs()
                                   and any(c.dep_ == "prep" and c.lower_ == "to" for c in t.children))
                               for t in named)


# "said in a press release", "told reporters via a statement", "wrote on Twitter": where words are
# said, not what is said
_MEDIUM_PREPOSITIONS = frozenset({"in", "via", "through", "on"})


def _names_only_medium(verb: Any, m: Any, named: list[Any] | None = None) -> bool:
    """Whether every word a dictionary pattern matched on a reporting verb lies in the phrase of
    the medium it was said in ("said in a press release": SAY * RELEASE is no release)."""
    v = view(verb.doc)  # (read on the Doc's arrays: analysis.docview)
    dep, lower = v.dep, v.lower
    phrases = [c for c in v.kids[verb.i] if dep[c] == "prep" and lower[c] in _MEDIUM_PREPOSITIONS
               and not _names_word_at(m, v, c)]
    if not phrases:
        return False
    inside = {t for c in phrases for t in v.subtree(c)}
    if named is None:
        named = _named_words(verb, m)
    return bool(named) and all(t.i in inside for t in named)


def _names_only_complement(verb: Any, m: Any, named: list[Any] | None = None) -> bool:
    """Whether every word a dictionary pattern matched lies in the verb's control complement
    ("started assembling firearms"), none of them the complement's verb."""
    v = view(verb.doc)  # (read on the Doc's arrays: analysis.docview)
    complements = [c for c in v.kids[verb.i] if v.dep[c] == "xcomp" and v.pos[c] == "VERB"]
    if not complements or any(_names_word_at(m, v, c) for c in complements):
        return False
    inside = {t for c in complements for t in v.subtree(c)}
    if named is None:
        named = _named_words(verb, m)
    return bool(named) and all(t.i in inside for t in named)


def _restates_complement(cand: _Candidate, triggers: set[int], aspectual: frozenset[str]) -> bool:
    """Whether a dictionary pattern of an aspectual verb names the verb of its control complement,
    which is a candidate of its own ("started attacking people": START: * ATTACK): the same act
    twice. (A refusal or a threat naming its complement is the record: "declined to comment".)"""
    m = cand.verb_match
    return m is not None and cand.specificity > 0 and cand.trigger.lemma_.lower() in aspectual and any(
        c.dep_ == "xcomp" and c.i in triggers and m.names_word(c) for c in cand.trigger.children)


def _same_side(source: Actor, target: Actor, opposing: tuple[str, ...] = ()) -> bool:
    """Whether a target is the source's own country or one of its institutions (not a person; not
    one side of the opposing sectors facing another). An organisation of no country (the UN, the
    EU, NATO, an NGO) is its own side: "the UN secretary-general expressed concern about the UN
    budget" is about no one else."""
    if source.country is None and target.country is None:
        return not (target.key or "").startswith("person:") and _same_organisation(source.code, target.code)
    if source.country is None or target.country != source.country:
        return False
    sides = {(source.sector or "")[:3], (target.sector or "")[:3]}
    if len(sides) == 2 and sides & set(opposing):
        return False
    return not (target.key or "").startswith("person:")


def _same_organisation(a: str | None, b: str | None) -> bool:
    """Whether two actor codes of no country name one organisation or one of its bodies
    ("IGOEUREEC" and "IGOEUREEC", "IGOUNO" and "IGOUNOWHO"); a code too short to name one (a bare
    "IGO", "NGO") names none."""
    if not a or not b:
        return False
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 6 and long_.startswith(short)


def _in_adjunct_phrase(noun: Any) -> bool:
    """A noun (through its conjuncts) that is the object of an adjunct preposition ("following",
    "after", "during": arguments.yaml adjunct_prepositions), not an argument of the verb above."""
    v = view(noun.doc)
    node = noun.i
    while v.dep[node] == "conj" and v.head[node] != node:
        node = v.head[node]
    return v.dep[node] == "pobj" and v.lower[v.head[node]] in load_adjunct_prepositions()


def _aim_of_a_suit(cand: _Candidate, suits: set[int]) -> bool:
    """Whether `cand` is the purpose infinitive ("to block ...") of a lawsuit's verb in `suits`
    (arguments.yaml suit_codes): what the suit asks a court for, not an act of its own."""
    trig = cand.trigger
    return trig.i not in suits and trig.dep_ in ("xcomp", "advcl") and trig.head.i in suits \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in trig.children)


def _drop_restated_nominals(cands: list[_Candidate]) -> list[_Candidate]:
    """"will host talks with India", "called for talks with China": an event noun that is the
    object of a verb event of the same kind (CAMEO root), or of an expressed intent to do it
    (03x), among the same actors, is that event; it is not a second record. ("welcomed the
    talks between Israel and Hamas" keeps the talks: other actors.)"""
    verbs = {c.trigger.i: c for c in cands if not c.pattern.nominal}
    kept = []
    for c in cands:
        gov = argument_head(c.trigger) if c.pattern.nominal else None
        verb = verbs.get(gov.i) if gov is not None else None
        if verb is not None and (verb.code[:2] == c.code[:2] or verb.code[:2] == "03"):
            theirs = {a.key for a in verb.sources + verb.targets}
            if {a.key for a in c.sources + c.targets} <= theirs:
                if verb.code == "030" and c.code[:2] != "03" and verb.announced is None:
                    # "agreed to a ceasefire": the intent is coded by what is agreed to (035, 0871)
                    verb.code, verb.announced = intent_code(c.code, False) or verb.code, c.code
                    verb.rule.append(f"intent-noun:{c.code}->{verb.code}")
                continue
        kept.append(c)
    return kept


def _clause_argument(noun: Any, verb: Any) -> Any | None:
    """What the clause completing a described word is about: "rejected appeals to release Aya
    Hijazi" (the one to be released), "expressed optimism that the timeline could be
    accelerated" (the clause's subject). The parser hangs such a clause on the noun or, after
    it, on the verb ("to release" as the verb's adverbial clause)."""
    clauses = [c for c in noun.children if c.dep_ in ("acl", "ccomp")]
    clauses += [c for c in verb.children if c.i > noun.i and (
        c.dep_ == "ccomp" or (c.dep_ in ("advcl", "xcomp") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)))]
    for clause in clauses:
        if clause.pos_ not in ("VERB", "AUX"):
            continue
        obj = next((c for c in clause.children if c.dep_ in ("dobj", "nsubjpass")), None)
        subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        return subj if subj is not None else obj
    return None


def _source_slots(noun: Any, spec: str) -> list[Any]:
    """Tokens of a nominal event that may name its doer: a modifier before the noun (`poss`,
    `amod`, `compound`) or the object of a preposition after it (`prep:by`: "a visit by Macron")."""
    kind, _, word = spec.partition(":")
    if kind == "prep":
        return pobjs(noun, word)
    if kind == "responsible":  # "Hussein was responsible for mass killings": the party responsible
        party = _responsible_party(noun)
        return [party] if party is not None else []
    return [c for c in noun.children if c.dep_ == spec and c.i < noun.i]


def _responsible_party(noun: Any) -> Any | None:
    """Who an act named by `noun` is laid at: the subject of "X was responsible for the
    killings" (a conjunct's head counts: "responsible for mass killings and rapes") or the noun
    the adjective modifies ("the militias responsible for the massacre"; arguments.yaml
    responsibility_adjectives); None when the noun is not in such a phrase."""
    head = noun
    for _ in range(4):
        if head.dep_ != "conj":
            break
        head = head.head
    prep = head.head
    if head.dep_ != "pobj" or prep.lower_ != "for" or prep.head.lemma_.lower() not in load_responsibility_adjectives():
        return None
    adjective = prep.head
    if adjective.dep_ == "amod":
        return adjective.head
    own = next((c for c in adjective.children if c.dep_ == "nsubj"), None)
    if own is not None:  # "held [the rebels responsible] for ...": the small clause's subject
        return own
    if adjective.dep_ == "oprd":  # "held the rebels responsible", "were held responsible": who is held so
        return next((c for c in adjective.head.children if c.dep_ == "dobj"), None) or next(
            (c for c in adjective.head.children if c.dep_ == "nsubjpass"), None)
    if adjective.dep_ == "acomp" and adjective.head.i != adjective.i:
        return subject_of(adjective.head)[0]
    return None


def _take_between(cand: _Candidate, noun: Any, mentions_at) -> bool:
    """"talks between Russia and Ukraine": with no doer named, the parties between whom a
    reciprocal event is are its participants, each with each (the sources; no target)."""
    pobj = next(iter(pobjs(noun, "between")), None)
    parties = _actors_of(pobj, mentions_at) if pobj is not None else []
    if len({a.key for a in parties}) < 2:
        return False
    cand.sources, cand.targets = parties, []
    cand.source_tok, cand.target_tok = pobj, None
    cand.rule.append("participants=between")
    return True


_MODALITY_RANK = [Modality.ALLEGED, Modality.HYPOTHETICAL, Modality.FUTURE, Modality.ASSERTED]


def _criticizes_an_act(cand: _Candidate) -> bool:
    """Whether what the criticism is about is an act of violence ("condemned the attack")."""
    acts = load_criticized_acts()
    nouns = [c for c in cand.trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    if cand.noun is not None:
        nouns.append(cand.noun)
    return any(_word_in(n, acts) for n in nouns)


def _act_doers(act: Any) -> list[Any]:
    """Who did an act a noun names: its possessive or compound ("Hamas's attack", "a Taliban
    attack"), an adjective of an actor ("Israeli airstrikes"), its "by" phrase ("the attack by the
    rebels"); [] when the phrase names none."""
    doers = [c for c in act.children if c.dep_ in ("poss", "compound") or (c.dep_ == "amod" and c.ent_type_)]
    doers += [p for c in act.children if c.dep_ == "prep" and c.lower_ == "by" for p in c.children if p.dep_ == "pobj"]
    return doers


def _plural_pronoun_antecedents(pronoun: Any, mentions_at) -> list[Actor]:
    """"Xi and Putin hailed ..., as they spoke": the coordinated subject of the governing clause."""
    verb = pronoun.head
    if verb.dep_ in ("advcl", "conj", "ccomp") and verb.head.i != verb.i:
        subj, _ = subject_of(verb.head)
        if subj is not None:
            actors = _actors_of(subj, mentions_at)
            if len(actors) >= 2:
                return actors
    return []


def _is_light_verb_object(noun: Any, verbs: dict[str, list[Pattern]]) -> bool:
    v = view(noun.doc)  # (read on the Doc's arrays: analysis.docview)
    i = noun.i
    if v.dep[i] not in ("dobj", "nsubjpass", "pobj"):
        return False
    key = _verb_key_at(v, v.head[i], verbs)
    lemma, lower = v.lemma[i], v.lower[i]
    return any(lemma in (words := p.objects | p.via) or lower in words for p in verbs.get(key or "", ()))


def _lemma(tok: Any) -> str:
    return tok.lemma_.lower()


def _word_in(tok: Any, words: frozenset[str]) -> bool:
    """A noun listed by its lemma or by its form ("supplies": the lemmatizer gives "supply")."""
    v = view(tok.doc)  # (read on the Doc's arrays: analysis.docview)
    return v.lemma[tok.i] in words or v.lower[tok.i] in words


def _has_relationship_object(verb: Any) -> bool:
    v = view(verb.doc)  # (read on the Doc's arrays: analysis.docview)
    dep, lemma, lower = v.dep, v.lemma, v.lower
    return any(lemma[c] in RELATIONSHIP_NOUNS or lower[c] in RELATIONSHIP_NOUNS
               for c in v.kids[verb.i] if dep[c] == "dobj")


def _discourse_partner(document: Document, source: Actor, before: int) -> Actor | None:
    """The other party of the story: the latest person (else actor) of another country."""
    candidates = [m for m in document.mentions if m.tokens[1] <= before and m.actor.country
                  and m.actor.country != source.country]
    people = [m for m in candidates if m.actor.name and m.how in ("name", "role", "pronoun")
              and m.actor.key and m.actor.key.startswith("person:")]
    pick = people[-1] if people else (candidates[-1] if candidates else None)
    return pick.actor if pick else None


# A time after these ends a span or sets a deadline ("until Thursday"): the act is not done then.
_DEADLINE_PREPOSITIONS = frozenset({"until", "till", "til", "untill"})


def _event_date(cand: _Candidate, timex_roots: dict[int, Timex], pub: str | None, governor: Any | None = None):
    """The time expression that governs the event, else the publication date. An event noun
    that happens as its verb does ("talks will resume next week") is dated by the verb too.
    (date, precision, basis, range): `range` is the governing time expression's (`Timex.range`:
    "last week" is a month in the record, its week here), None for any other date."""
    if not timex_roots:
        return (*_undated(cand.trigger, pub), None)  # no time expression in the sentence
    best: Timex | None = None
    anchors = [cand.trigger] + ([cand.noun] if cand.noun is not None else []) + ([governor] if governor is not None else [])
    doc = cand.trigger.doc
    # (the dates' words are read from the Doc's arrays: spaCy makes a new Token on every access)
    arrays = VerbDictionary.default().view(doc)
    head, dep, lower = arrays.head, arrays.dep, arrays.lower
    anchor_ids = {a.i for a in anchors}
    # "served as Foreign Secretary until 2018, resigning in protest": done when the span ends
    span_end = _span_end_time(cand.trigger, timex_roots, pub)
    if span_end is not None:
        return _text_date(span_end)
    # "gave the government until Thursday to withdraw the bill": a deadline, not when it was done
    deadline = _string_ids(_DEADLINE_PREPOSITIONS)
    timex_roots = {i: t for i, t in timex_roots.items()
                   if not (dep[head[i]] == _PREP and lower[head[i]] in deadline)}
    # "Britain condemned Sunday's attack": a day on a noun of the object dates that noun's happening
    noun_dated = _noun_dated(doc, timex_roots, anchor_ids, governor if governor is not None else cand.trigger)
    if noun_dated:
        timex_roots = {i: t for i, t in timex_roots.items() if i not in noun_dated}
    if pub and _told_as_done(cand.trigger):
        # "has declared tomorrow a day of mourning": an act told as done is not done after the
        # article was written; a later date is what the act is about
        timex_roots = {i: t for i, t in timex_roots.items() if not _after(t.value, pub)}
    if not timex_roots:
        return (*_undated(cand.trigger, pub), None)
    for tok_i, timex in timex_roots.items():
        # "convicted of corruption, stemming from his years as mayor, in 2011": after the comma
        # closing the participle clause, the time is the sentence's
        detached = detached_time_head(doc[head[tok_i]]) if dep[tok_i] == _POBJ else None
        if _governs(arrays, tok_i if detached is None else detached.i, anchor_ids):
            if best is None or _precision(timex.value) > _precision(best.value):
                best = timex
    if best is None:
        # "launched a program dubbed 'Zrinyi 2026' in 2017": a date on a participle that only
        # names the object is the act's date.
        w = view(doc)  # (analysis.docview: the Doc's arrays with strings)
        namers = [acl for obj in w.kids[cand.trigger.i] if w.dep[obj] in ("dobj", "nsubjpass")
                  for acl in w.kids[obj] if w.dep[acl] == "acl" and w.lower[acl] in load_naming_participles()]
        for tok_i, timex in timex_roots.items():
            if namers and any(w.dep[c] == "prep" and c <= tok_i <= w.right_edge(c)
                              for namer in namers for c in w.kids[namer]):
                if best is None or _precision(timex.value) > _precision(best.value):
                    best = timex
    if best is None:
        # "in September, when the Russian leader attended ...": the clause modifies the date.
        node = cand.trigger
        if node.dep_ in ("relcl", "advcl") and node.head.i in timex_roots:
            best = timex_roots[node.head.i]
        elif node.dep_ == "relcl":
            best = _year_of_noun(node.head, timex_roots, pub)
            if best is None:
                # "held a phone call on Monday in which Putin criticized Kyiv": when the happening was
                best = _happening_time(node, timex_roots, pub)
    if best is None:
        # "killed his sister by strangling her in 2016": the means gerund is done when the act is
        w = view(doc)  # (analysis.docview: the Doc's arrays with strings)
        means = {p for c in w.kids[cand.trigger.i] if w.dep[c] == "prep" and w.lower[c] in load_anchoring().means_prepositions
                 for p in w.kids[c] if w.dep[p] == "pcomp" and w.tag[p] == "VBG"}
        if means:
            for tok_i, timex in timex_roots.items():
                if _governs(arrays, tok_i, means) and (best is None or _precision(timex.value) > _precision(best.value)):
                    best = timex
    if best is None:
        # "When announcing the shutdown on Monday, the prime minister called on ...": a clause of
        # the same time, dated by the text, dates the act it modifies
        w = view(doc)  # (analysis.docview: the Doc's arrays with strings)
        clauses = [c for c in w.kids[cand.trigger.i] if w.dep[c] == "advcl" and any(
            w.dep[m] in ("mark", "advmod") and w.lower[m] in load_same_time_markers() and m < c for m in w.kids[c])]
        for tok_i, timex in timex_roots.items():
            if any(_governs(arrays, tok_i, {c}) for c in clauses):
                if best is None or _precision(timex.value) > _precision(best.value):
                    best = timex
    if best is None:
        # "Speaking to reporters on Monday, the minister accused ...", "The minister, speaking on
        # Monday, accused ...": a participle clause of the same time dates the act it modifies
        # (not a span: "since 2014", "until Friday")
        participles = simultaneous_participles(cand.trigger)
        spans = _string_ids(load_anchoring().span_prepositions)  # (resources/time/en/anchoring.yaml)
        participle_ids = {p.i for p in participles}
        for tok_i, timex in timex_roots.items():
            if participles and _governs(arrays, tok_i, participle_ids) and not (
                    dep[tok_i] == _POBJ and lower[head[tok_i]] in spans):
                if best is None or _precision(timex.value) > _precision(best.value):
                    best = timex
    if best is None:
        # "police fired and landed a live round on a protester yesterday": a time that ends the
        # last of coordinated verbs sharing one subject is said of them all (not "arrested him in
        # 2010 and freed him yesterday": the first verb's own time came first, above)
        best = _trailing_time_of_conjunct(cand.trigger, timex_roots, arrays)
    if best is None and _later_than_a_dated_head(cand.trigger, timex_roots):
        # "declared an emergency on November 15 and later banned gatherings": after that day, on
        # a day the text does not give (neither that day nor the publication day)
        return None, None, None, None
    if best is None:
        # "On December 21, 2015, a bomber attacked the station, killing six", "attacked the town
        # on Monday and seized its airport": a participle or a conjunct shares its head's date.
        # "In 2015, Saudi Arabia started supporting the government": an aspectual verb's
        # complement is the act itself, done when the aspect verb says.
        # "In July, he helped facilitate a meeting": an event noun realized by its verb climbs from it
        node = governor if governor is not None else cand.trigger
        aspectual = load_modality().aspectual_verbs
        for _ in range(3):
            # "Search was suspended on Tuesday, with the minister describing a real threat": an
            # absolute "with" clause happens when the act it hangs on does
            absolute = node.dep_ == "pcomp" and node.head.dep_ == "prep" and node.head.lower_ == "with" \
                and node.tag_ == "VBG" and node.head.head.pos_ in ("VERB", "AUX")
            # "marched in London on Saturday during a march, protesting the exit": a present
            # participle set off by a comma on a noun, with no subject of its own, is done when the
            # clause the noun belongs to is
            on_noun = _comma_participle_on_noun(node)
            if on_noun is None:
                # "On Monday, Johnson joined the calls by officials asking the US to waive immunity"
                on_noun = _participle_on_joined_object(node)
            climbs = node.dep_ in ("conj", "advcl") or absolute or on_noun is not None or (node.dep_ == "xcomp" and (
                node.head.lemma_.lower() in aspectual or node.head.lemma_.lower() in load_same_time_complement_verbs()))
            if not climbs or node.head.i == node.i or not _shares_time(node):
                break
            node = node.head.head if absolute else (on_noun if on_noun is not None else node.head)
            for tok_i, timex in timex_roots.items():
                if _governs(arrays, tok_i, {node.i}):
                    if best is None or _precision(timex.value) > _precision(best.value):
                        best = timex
            if best is not None:
                break
    if best is not None:
        return _text_date(best)
    offset = _offset_clause_day(cand.trigger, timex_roots, arrays, pub)
    if offset is not None:
        # "condemned Russia on Wednesday, a day after Russian forces attacked": the day before
        return offset, "day", "text", (offset, offset)
    month = _month_of_a_dated_head(cand.trigger, timex_roots, arrays, pub)
    if month is not None:
        # "Navalny was arrested in January after he returned from Germany": done before that
        # January act, in its month (the day may differ)
        return month, "month", "text", None
    year = _past_year_above(cand.trigger, timex_roots, pub)
    if year is not None:
        return year, "year", "text", None
    return (*_undated(cand.trigger, pub), None)


def _starts_a_span_of_not_doing(trig: Any, gov: Any | None, timex_roots: dict[int, Timex], date: str | None) -> bool:
    """Whether the date a negated act was given is a time after "since" (anchoring.yaml
    negated_span_starts) on the act's verb or on the noun's governing verb: "has not visited
    Ukraine since 2014" dated 2014."""
    starts = load_anchoring().negated_span_starts
    heads = {trig.i} | ({gov.i} if gov is not None else set())
    doc = trig.doc
    for i, timex in timex_roots.items():
        tok = doc[i]
        if tok.dep_ == "pobj" and tok.head.lower_ in starts and tok.head.head.i in heads \
                and _DATE_VALUE.match(_week_as_month(timex.value)) and _text_date(timex)[0] == date:
            return True
    return False


def _offset_clause_day(trigger: Any, timex_roots: dict[int, Timex], arrays: Any, pub: str | None) -> str | None:
    """"Turkey condemned Russia on Wednesday, a day after Russian forces attacked Syrian rebels":
    an adverbial clause opened by "after" or "before" (anchoring.yaml offset_clause_marks) right
    after a span of days or weeks ("a day", "two weeks": offset_clause_units, on the clause or on
    the verb it hangs on) is that span before or after the day that dates that verb (one
    day-precise date on it, outside the clause). The day, as YYYY-MM-DD, or None. Not a day after
    publication for an act told as done."""
    if trigger.dep_ != "advcl" or trigger.head.i == trigger.i:
        return None
    spec = load_anchoring()
    signs, units = dict(spec.offset_clause_marks), dict(spec.offset_clause_units)
    marks = [c for c in trigger.children if c.dep_ == "mark" and c.lower_ in signs]
    if len(marks) != 1:
        return None
    mark, head = marks[0], trigger.head
    doc = trigger.doc
    unit = doc[mark.i - 1] if mark.i > 0 else None
    if unit is not None and head.i == unit.i and unit.dep_ == "npadvmod":
        head = unit.head  # "arrested him on Friday, a day after he stabbed": the clause hangs on "day"
    if unit is None or unit.dep_ != "npadvmod" or unit.head.i not in (trigger.i, head.i) \
            or unit.lemma_.lower() not in units:
        return None
    count = None
    for c in unit.children:
        if c.dep_ == "det" and c.lower_ in ("a", "an"):
            count = 1
        elif c.dep_ == "nummod":
            count = int(c.text) if c.text.isdigit() else _number_word(c.lower_)
    if not count:
        return None
    inside = range(trigger.left_edge.i, trigger.right_edge.i + 1)
    found = {t.value for i, t in timex_roots.items() if i not in inside
             and re.fullmatch(r"\d{4}-\d{2}-\d{2}", t.value or "") and _governs(arrays, i, {head.i})}
    if len(found) != 1:
        return None
    day = (dt.date.fromisoformat(found.pop()) + dt.timedelta(days=signs[mark.lower_] * count * units[unit.lemma_.lower()]))
    if pub and _told_as_done(trigger) and _after(day.isoformat(), pub):
        return None
    return day.isoformat()


def _month_of_a_dated_head(trigger: Any, timex_roots: dict[int, Timex], arrays: Any, pub: str | None) -> str | None:
    """"Navalny was arrested in January after he returned from Germany", "police arrested him on
    Friday after he stabbed five people": a past act in a clause opened by "after" (anchoring.yaml
    offset_clause_marks, the marks of an earlier act) below a verb the text dates to a month or a
    day before the publication day came before that act, not on the publication day: the month of
    that date, as YYYY-MM (the same day is common, but "after" may move it). None otherwise."""
    if not pub or trigger.dep_ != "advcl" or trigger.head.i == trigger.i or trigger.tag_ not in ("VBD", "VBN"):
        return None
    earlier = {w for w, sign in load_anchoring().offset_clause_marks if sign < 0}
    if not any(c.dep_ == "mark" and c.lower_ in earlier for c in trigger.children):
        return None
    inside = range(trigger.left_edge.i, trigger.right_edge.i + 1)
    found = {t.value[:7] for i, t in timex_roots.items() if i not in inside
             and re.fullmatch(r"\d{4}-\d{2}(-\d{2})?", t.value or "") and t.value[:10] < pub[:10]
             and _governs(arrays, i, {trigger.head.i})}
    return found.pop() if len(found) == 1 else None


def _number_word(word: str) -> int | None:
    """A whole number written as a word ("two", "ten": resources/time/en/numbers.tsv), else None."""
    from ..time.resources import load_resources

    hit = load_resources().numbers.get(word)
    return int(hit[0]) if hit is not None and hit[0] == int(hit[0]) else None


def _text_date(timex: Timex) -> tuple[str, str, str, Any]:
    """An event's (date, precision, basis, range) from the time expression that dates it."""
    value = _week_as_month(timex.value)
    m = _DATE_VALUE.match(value)
    parts = [g for g in m.groups() if g]
    return "-".join(parts), PRECISION[len(parts)], "text", timex.range


def _span_end_time(trigger: Any, timex_roots: dict[int, Timex], pub: str | None) -> Timex | None:
    """"served as Foreign Secretary until 2018, resigning in protest": a participle set off by a
    comma after the past verb it hangs on, of a verb that ends a holding (anchoring.yaml
    span_ending_verbs), is done when the span the verb's "until" closes ends: that time, if it is
    a date not after publication. None otherwise ("ruled until 2011, killing thousands")."""
    spec = load_anchoring()
    if trigger.dep_ != "advcl" or trigger.tag_ != "VBG" or trigger.lemma_.lower() not in spec.span_ending_verbs:
        return None
    head = trigger.head
    doc = trigger.doc
    left = trigger.left_edge.i
    if head.i >= trigger.i or head.tag_ not in ("VBD", "VBN") or left == 0 or doc[left - 1].text != ",":
        return None
    # the span's "until" phrase ends just before that comma, in a past clause ("which he served as
    # until 2018, resigning": the parser may hang the participle on the main verb)
    found = [t for i, t in timex_roots.items() if doc[i].dep_ == "pobj" and doc[i].head.dep_ == "prep"
             and doc[i].head.lower_ in spec.span_end_prepositions and doc[i].right_edge.i == left - 2
             and _past_verb_above(doc[i].head) and _DATE_VALUE.match(t.value) and not (pub and _after(t.value, pub))]
    return found[0] if len({t.value for t in found}) == 1 else None


def _past_verb_above(token: Any) -> bool:
    """Whether the nearest verb above `token` (through prepositions and their objects) is in the past."""
    node = token
    for _ in range(4):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node.tag_ in ("VBD", "VBN")
    return False


def _trailing_time_of_conjunct(verb: Any, timex_roots: dict[int, Timex], arrays: Any) -> Timex | None:
    """The time expression at the very end of the last verb coordinated with `verb` (a conjunct
    with no subject of its own, in the same tense), which the coordination shares: "fired and
    landed a live round on a protester yesterday", "was arrested and charged on Monday". None when
    there is none or `verb` is itself a conjunct (its head's time is its own, `_event_date`)."""
    if verb.pos_ not in ("VERB", "AUX") or verb.dep_ == "conj":
        return None
    conjs = [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.tag_ == verb.tag_
             and not any(k.dep_ in ("nsubj", "nsubjpass", "mark") for k in c.children)]
    if not conjs:
        return None
    last = conjs[-1]
    doc = verb.doc
    end = last.right_edge.i
    while end > last.i and doc[end].is_punct:
        end -= 1
    groups: dict[int, list[int]] = {}
    for i, t in timex_roots.items():
        groups.setdefault(id(t), []).append(i)
    for ids in groups.values():
        inside = set(ids)
        if max(ids) == end and any(_governs(arrays, i, {last.i}) for i in ids if arrays.head[i] not in inside):
            return timex_roots[ids[0]]
    return None


def _undated(trigger: Any, pub: str | None) -> tuple[str | None, str | None, str | None]:
    """The date of an event no time expression of its sentence dates: the publication day,
    unless the act is background. (What `_event_date` comes to when the sentence's time
    expressions are none: every other rule of it needs one.)"""
    if _background_act(trigger):
        return None, None, None  # "Saudi Arabia initially denied the claims": not on the publication date
    if pub:
        return pub, "day", "publication"
    return None, None, None


def _noun_dated(doc: Any, timex_roots: dict[int, Timex], anchors: set[int], verb: Any | None) -> set[int]:
    """The tokens of the time expressions that date a noun of `verb`'s arguments rather than its
    act ("condemned Sunday's attack", "praised the July 25 call": `anchoring.dates_a_noun`);
    `anchors`: the event's own words (its trigger, noun and governor)."""
    groups: dict[int, list[int]] = {}
    for i, t in timex_roots.items():
        groups.setdefault(id(t), []).append(i)
    heads = view(doc).head  # (read on the Doc's arrays: analysis.docview)
    out: set[int] = set()
    for ids in groups.values():
        inside = set(ids)
        roots = [i for i in ids if heads[i] not in inside or heads[i] == i]
        if len(roots) == 1 and dates_a_noun(doc[roots[0]], anchors, verb):
            out |= inside
    return out


def _happening_time(clause: Any, timex_roots: dict[int, Timex], pub: str | None) -> Timex | None:
    """The one time expression (not after publication) of the happening noun a relative clause
    "in which", "during which" hangs on, on the noun or its light verb; else None."""
    same, _, _, _, nouns = load_happening_reference()
    noun = happening_of_clause(clause, nouns, same)
    if noun is None:
        return None
    anchors = happening_anchors(noun)
    doc = clause.doc
    found = {t.value: t for i, t in timex_roots.items() if governed_by(doc[i], anchors)
             and _DATE_VALUE.match(t.value) and not (pub and _after(t.value, pub))}
    return next(iter(found.values())) if len(found) == 1 else None


def _year_of_noun(noun: Any, timex_roots: dict[int, Timex], pub: str | None) -> Timex | None:
    """"after his 2016 arrest, in which he expressed no regret": a noun dated by an earlier year
    in its own phrase dates what its relative clause tells of it."""
    for c in noun.children:
        timex = timex_roots.get(c.i)
        if timex is not None and c.dep_ in ("nummod", "compound", "amod") and _EXPLICIT_YEAR.fullmatch(c.text) \
                and pub and timex.value[:4] < pub[:4]:
            return timex
    return None


def _background_act(trigger: Any) -> bool:
    """A past act an adverb puts before the reporting period ("initially denied", "was once
    jailed", "had previously resigned"; "long" only with a perfect: "had long opposed", "has long
    criticized"), or a perfect that counts how often it was done ("has visited China three times"),
    an act done in an earlier occasion ("injured in an earlier protest"), or an act in a clause of
    such a background act ("previously served as ambassador to Russia, where he criticized the
    Kremlin", "had resigned and left the party") or on a noun told as former ("the former minister,
    who signed the deal")."""
    if _judged_for(trigger):
        return True
    conj = trigger
    while conj.dep_ == "conj" and conj.head.i != conj.i:
        conj = conj.head
        if _judged_for(conj):
            return True  # "convicted of taking a bribe and attacking a policeman"
    if trigger.pos_ == "NOUN" and _responsible_party(trigger) is not None:
        return True  # "Hussein was responsible for mass killings": told as done before, undated
    if trigger.tag_ not in ("VBD", "VBN"):
        return False
    if _background_verb(trigger):
        return True
    if trigger.dep_ == "relcl" and any(c.dep_ == "amod" and c.lower_ in load_anchoring().former_adjectives
                                       for c in trigger.head.children):
        return True  # "Cohen, Trump's former lawyer who was convicted of fraud": that history
    node = trigger
    for _ in range(3):
        # climb from a relative clause, a conjunct or an adverbial clause to the verb above it
        if node.dep_ not in ("relcl", "conj", "advcl") or node.head.i == node.i:
            return False
        node = verb_above(node.head) if node.dep_ == "relcl" else node.head
        if node is not None and _judged_for(node):
            return True  # "accused of inciting the murder, which he denied": in what is judged
        if node is None or node.pos_ not in ("VERB", "AUX") or node.tag_ not in ("VBD", "VBN"):
            return False
        if _background_verb(node, climbed=True):
            return True
    return False


def _background_verb(verb: Any, climbed: bool = False) -> bool:
    """The tests of `_background_act` on the verb itself (`climbed`: a verb above the act, whose
    judged-for and experiential tests say nothing of the clauses below it)."""
    if _pluperfect_told_by_the_reporter(verb):
        return True
    v = view(verb.doc)  # (read on the Doc's arrays: analysis.docview)
    dep, lower, lemma, kids = v.dep, v.lower, v.lemma, v.kids
    children = kids[verb.i]
    adverbs = {lower[c] for c in children if dep[c] == "advmod"} & load_background_adverbs()
    auxes = [c for c in children if dep[c] == "aux"]
    pluperfect = any(lower[c] == "had" for c in auxes)
    perfect = v.tag[verb.i] == "VBN" and any(lemma[c] == "have" for c in auxes)
    if bool(adverbs - {"long"}) or (bool(adverbs) and (pluperfect or perfect)):
        return True
    if (pluperfect or perfect) and any(dep[c] == "advmod" and lower[c] in load_anchoring().perfect_background_adverbs
                                       for c in children):
        return True  # "has attacked Georgia before"

    if _in_earlier_occasion(verb):
        return True
    if climbed:
        return False
    # "has visited China three times", "have met twice": an experiential perfect
    if perfect and any(dep[c] in ("advmod", "npadvmod") and lower[c] in load_frequency_words()
                       for c in children):
        return True
    # "has only impeached two presidents in the history of the United States"
    return perfect and any(dep[c] == "prep" and dep[p] == "pobj" and lemma[p] in load_history_nouns()
                           for c in children for p in kids[c])


def _in_earlier_occasion(verb: Any) -> bool:
    """"injured by police in an earlier protest", "met him during a previous visit": the act is
    set in an occasion an adjective puts before the story's own (anchoring.yaml)."""
    spec = load_anchoring()
    v = view(verb.doc)  # (read on the Doc's arrays: analysis.docview)
    dep, lower, kids = v.dep, v.lower, v.kids
    return any(dep[c] == "prep" and lower[c] in spec.occasion_prepositions and any(
        dep[p] == "pobj" and v.ent_type[p] not in ("DATE", "TIME") and any(
            dep[a] == "amod" and lower[a] in spec.earlier_occasion_adjectives for a in kids[p])
        for p in kids[c])
               for c in kids[verb.i])


def _later_than_a_dated_head(trigger: Any, timex_roots: dict[int, Timex]) -> bool:
    """A conjunct or clause marked as later ("and later banned") below a verb the text dates."""
    if trigger.dep_ not in ("conj", "advcl") or not any(
            c.dep_ == "advmod" and c.lower_ in load_sequence_adverbs() for c in trigger.children):
        return False
    return any(governed_by(trigger.doc[i], [trigger.head]) for i in timex_roots)


def _judged_for(trigger: Any) -> bool:
    """"sentenced the couple to life for torturing their children", "convicted of murdering",
    "accused of inciting": what a judgment, arrest, charge or accusation is for was done before it;
    so was the act an accusation noun tells ("allegations Trump tried to pressure Ukraine")."""
    verbs, preps = load_judged_for()
    v = view(trigger.doc)  # (read on the Doc's arrays: analysis.docview)
    dep, head = v.dep, v.head
    i = trigger.i
    prep = head[i]
    if dep[i] == "pcomp" and dep[prep] == "prep" and v.lower[prep] in preps \
            and v.lemma[head[prep]] in verbs:
        return True
    # "allegations Trump tried to pressure the government", "the accusation that he bribed them":
    # the act an accusation noun tells (through the verbs it is the complement of)
    node = i
    for _ in range(3):
        if dep[node] != "xcomp" or head[node] == node:
            break
        node = head[node]
    return dep[node] in ("acl", "ccomp") and v.pos[head[node]] == "NOUN" \
        and v.lemma[head[node]] in load_accused_act_nouns()


def _pluperfect_told_by_the_reporter(trigger: Any) -> bool:
    """"The court had been petitioned by ...", "Pelosi had agreed to ...": a pluperfect in the
    reporter's own words tells what came before the story's time. Reported speech shifts its tense
    ("police said they had arrested him": the arrest is news), so a pluperfect below a reporting
    verb is left alone."""
    v = view(trigger.doc)  # (read on the Doc's arrays: analysis.docview)
    if v.tag[trigger.i] != "VBN" or not any(v.dep[c] == "aux" and v.lower[c] in ("had", "'d") for c in v.kids[trigger.i]):
        return False
    return reporting_head(trigger, load_modality().reporting_verbs, reported=("ccomp", "parataxis"), limit=8) is None


def _told_as_done(trigger: Any) -> bool:
    """A verb in the simple past or a perfect, active ("declared", "has declared"): an act done."""
    v = view(trigger.doc)  # (read on the Doc's arrays: analysis.docview)
    auxes = [c for c in v.kids[trigger.i] if v.dep[c] in ("aux", "auxpass")]
    tag = v.tag[trigger.i]
    if tag == "VBD":
        return not auxes
    return tag == "VBN" and bool(auxes) and all(v.dep[a] == "aux" and v.lemma[a] == "have" for a in auxes)


def _after(value: str, pub: str) -> bool:
    """A date value of a day after the publication day (a month or year only when wholly after)."""
    m = _DATE_VALUE.match(_week_as_month(value))
    if m is None:
        return False
    parts = "-".join(g for g in m.groups() if g)
    return parts > pub[:len(parts)]


def _past_year_above(trigger: Any, timex_roots: dict[int, Timex], pub: str | None) -> str | None:
    """"in 2009, she was appointed to fill the seat after Clinton resigned": a past-tense act with
    no date of its own, in a clause below one dated by an explicit earlier year, happened in that
    year's time, not on the publication date (the year only: "after" or "to" may move the day).
    A relative clause or an apposition has a time of its own and is not crossed."""
    if not pub or trigger.tag_ not in ("VBD", "VBN"):
        return None
    # "In 2017, after the allegations came to light, Conyers resigned": the parser hangs a
    # sentence-initial date on the fronted clause before the act
    fronted = [c for c in trigger.children if c.dep_ in ("advcl", "ccomp") and c.right_edge.i < trigger.i
               and c.left_edge.i == trigger.sent.start]
    for clause in fronted:
        for tok_i, timex in timex_roots.items():
            tok = trigger.doc[tok_i]
            m = _DATE_VALUE.match(timex.value)
            if clause.left_edge.i <= tok_i < clause.i and _EXPLICIT_YEAR.search(timex.text) and m \
                    and m.group(1) < pub[:4] and governed_by(tok, [clause]):
                return m.group(1)
    node = trigger
    sent_start = sent_end = None  # the trigger's sentence, made when first needed
    for _ in range(6):
        if node.dep_ in ("relcl", "acl", "appos", "parataxis") or node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ not in ("VERB", "AUX"):
            continue
        if sent_start is None:
            sent = trigger.sent
            sent_start, sent_end = sent.start, sent.end
        for tok_i, timex in timex_roots.items():
            if not sent_start <= tok_i < sent_end or not _EXPLICIT_YEAR.search(timex.text):
                continue
            m = _DATE_VALUE.match(timex.value)
            if m and m.group(1) < pub[:4] and governed_by(trigger.doc[tok_i], [node]):
                return m.group(1)
    return None


def _own_announcement(cand: _Candidate, reporting: Any, mentions_at) -> bool:
    """Whether a reported future act is the speaker's own: its doer is the speaker, the
    speaker's side ("it", "we", "her government"), or shares the speaker's actor."""
    speaker, _ = subject_of(reporting)
    subject, _ = subject_of(cand.trigger)
    if speaker is None or subject is None:
        return False
    if subject.pos_ == "PRON" or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in subject.children):
        return True  # "it would", "her government will"
    mine = _actors_of(speaker, mentions_at)
    if not mine or not cand.sources:
        return False
    keys = {a.key for a in mine}
    return any(a.key in keys or (a.country and a.country == mine[0].country and a.sector == "GOV" and
                                 (mine[0].sector or "").startswith("GOV")) for a in cand.sources)


def _hypothetical_noun(noun: Any, m: ModalityCues) -> bool:
    """An event noun marked as possible ("a possible strike", "potential sanctions"), as a
    condition ("in case of an attack", "in the event of an invasion") or as what a request asks
    for ("calls for his resignation", "their demands include the release of ...": arguments.yaml
    request_nouns)."""
    if any(c.dep_ == "amod" and c.lower_ in m.hypothetical_adjectives for c in noun.children):
        return True
    head = noun.head
    requests = load_request_nouns()
    if noun.dep_ == "pobj" and head.lower_ == "for" and head.head.i != head.i and head.head.lemma_.lower() in requests:
        return True  # "amid calls for his resignation": what a call asks for is not done
    if noun.dep_ in ("dobj", "attr") and head.i != noun.i \
            and any(c.dep_ == "nsubj" and c.lemma_.lower() in requests for c in head.children):
        return True  # "the protesters' demands include the resignation of the prime minister"
    return noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in m.condition_nouns \
        and head.head.dep_ == "pobj" and head.head.head.lower_ == "in"


def _comma_participle_on_noun(node: Any) -> Any | None:
    """The verb of the clause a noun belongs to, when `node` is a present participle that modifies
    that noun after a comma, with no subject of its own ("during a march, protesting the exit":
    "marched"); else None."""
    if node.dep_ != "acl" or node.tag_ != "VBG" or node.i == 0 or node.doc[node.i - 1].text != "," \
            or node.head.pos_ in ("VERB", "AUX"):
        return None  # (an acl hangs on a nominal, whatever tag the parser gave it)
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
        return None
    return verb_above(node.head)


def _participle_on_joined_object(node: Any) -> Any | None:
    """The verb, when `node` is a present participle with no subject of its own on the object of a
    verb whose act is done when its object happens ("joined the calls by officials asking the US
    to waive immunity", "led the march demanding reform": anchoring.yaml same_time_object_verbs),
    directly or through a preposition's object; else None. The participle's act is then done when
    that verb's is."""
    if node.dep_ != "acl" or node.tag_ != "VBG" or node.head.pos_ in ("VERB", "AUX") \
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
        return None
    verbs = load_anchoring().same_time_object_verbs
    noun = node.head
    for _ in range(3):
        if noun.dep_ == "dobj" and noun.head.pos_ in ("VERB", "AUX"):
            return noun.head if noun.head.lemma_.lower() in verbs else None
        if noun.dep_ != "pobj" or noun.head.dep_ != "prep" or noun.head.head.pos_ not in ("NOUN", "PROPN"):
            return None
        noun = noun.head.head
    return None


def _shares_time(clause: Any) -> bool:
    """A conjunct or a participle clause without a subject or a time word of its own ("...,
    killing six"): it happened when its head did. A clause introduced by "after", "before",
    "since", "until" does not."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in clause.children) and clause.dep_ == "advcl":
        # "Last year, poor health was cited when he stepped down": a clause of the same time
        return any(c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "as", "while") for c in clause.children)
    return not any(c.dep_ in ("mark", "prep") and c.lower_ in ("after", "before", "since", "until", "following")
                   for c in clause.children)


_WEEK_VALUE = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")


def _week_as_month(value: str) -> str:
    """A week ("2026-W12") or weekend ("2026-W12-WE") as the month it falls in, when it falls in
    one; a week across two months keeps only its year. Records carry year, month or day."""
    m = _WEEK_VALUE.match(value)
    if m is None:
        return value
    year, week = int(m.group(1)), int(m.group(2))
    try:
        first = dt.date.fromisocalendar(year, week, 6 if m.group(3) else 1)
    except ValueError:
        return value[:4]
    last = first + dt.timedelta(days=1 if m.group(3) else 6)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.year:04d}-{first.month:02d}"
    return f"{first.year:04d}" if first.year == last.year else value[:4]


def _precision(value: str) -> int:
    m = _DATE_VALUE.match(_week_as_month(value))
    return len([g for g in m.groups() if g]) if m else 0


def _location(trigger: Any, noun: Any | None) -> Place | None:
    """Where it happened: an `in`/`at` phrase of the trigger's clause that names a place."""
    # (walked on the Doc's arrays: only a place's candidate object is made into a Token)
    doc = trigger.doc
    arrays = VerbDictionary.default().view(doc)
    dep, pos, lower, kids = arrays.dep, arrays.pos, arrays.lower, arrays.kids
    hosts = [trigger.i] + ([noun.i] if noun is not None else [])
    hosts += [c for c in kids[trigger.i] if dep[c] in _LOCATION_HOST_DEPS]
    queue = list(hosts)
    seen: set[int] = set()
    while queue:
        host = queue.pop(0)
        if host in seen:
            continue
        seen.add(host)
        for prep in kids[host]:
            if dep[prep] == _PREP and lower[prep] in _LOCATION_PREP_IDS:
                for pobj in kids[prep]:
                    if dep[pobj] == _POBJ:
                        place = _place(doc[pobj])
                        if place is not None:
                            return place
            if dep[prep] in _LOCATION_HOST_DEPS and pos[prep] not in _VERBISH_POS:
                queue.append(prep)
    return None


def _place(tok: Any) -> Place | None:
    doc = tok.doc
    ent = entity_at(doc, tok.i)  # the entity of doc.ents it is in, without building them all
    if ent is not None and ent.label_ in ("GPE", "LOC", "FAC"):
        span = ent
    else:
        start = min([c.left_edge.i for c in tok.lefts if c.dep_ == "compound"] + [tok.i])
        span = doc[start : tok.i + 1]
        if not span.text[:1].isupper():
            return None
    hit = geocode(span.text)
    if hit is None:
        return None
    text = span.text
    start_char = span.start_char
    if text.lower().startswith("the "):
        text, start_char = text[4:], start_char + 4
    return Place(text=text, span=(start_char, span.end_char), name=hit.name, country=hit.country,
                 lat=hit.lat, lon=hit.lon)


def _place_of_actor(doc: Any, actor: Actor) -> Place | None:
    span = doc.char_span(actor.span[0], actor.span[1], alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return _place(span[-1])


# In how many sentences an article must place actors in countries before an actor it leaves
# without one is taken for one the resolver could not place (one sentence is no article).
PLACED_STORY_SENTENCES = 2


def _unplaced(actor: Actor | None) -> bool:
    """An actor of a country's society or state ("CVL", "OPP", "GOV") that no country was found for."""
    return actor is not None and not actor.country and (actor.sector or "")[:3] in COUNTRY_SECTORS


def _without_unplaced_actors(events: list[Event], mentions: list[Mention]) -> list[Event]:
    """No record with a side the actor resolver left unplaced, in a story it places elsewhere.

    In an article whose mentions name countries in two sentences or more, a person or group of a
    country's society or state left with no country ("Charlemagne" as CVL, "Pierluisi" as CVL,
    "Protesters" as OPP, "Politicians" as PTY) is one nothing in the story places: a misread name,
    a figure of history or legend, someone of another story. On the first, untuned judging of
    Wikinews parts C, D and E none of the 25 records with such a side was right (the doer or the
    target wrong, or no event at all), and a record whose side has no country is no CAMEO actor
    code. A single sentence (ConfliBERT's, a headline) places nothing, so it keeps them."""
    placed = {m.sentence for m in mentions if m.actor.country}
    if len(placed) < PLACED_STORY_SENTENCES:
        return events
    return [e for e in events if not (_unplaced(e.source) or _unplaced(e.target))]


def _deduplicate(events: list[tuple[Event, str]]) -> list[Event]:
    """One record per event an article reports more than once (a caption and its lead, say).

    Same code and head word ("call"), same actors (either order for reciprocal codes like
    meetings), same negation and modality, and compatible dates: keep the one dated from the
    text, else the first.
    """
    kept: list[tuple[Event, str]] = []
    for e, word in events:
        dup = None
        for n, (k, kword) in enumerate(kept):
            if k.cameo != e.cameo or kword != word or k.negated != e.negated or k.modality != e.modality:
                continue
            ks, kt = (k.source.key if k.source else None), (k.target.key if k.target else None)
            es, et = (e.source.key if e.source else None), (e.target.key if e.target else None)
            same = (ks, kt) == (es, et) or (e.cameo in RECIPROCAL_CODES and (ks, kt) == (et, es))
            if same and _dates_compatible(k, e):
                dup = n
                break
        if dup is None:
            kept.append((e, word))
        elif kept[dup][0].date_basis == "publication" and e.date_basis == "text":
            # The report dated by the text is kept; the other's place is not carried over (a photo
            # caption's "in Moscow" is where the picture was taken, not where the call was held).
            kept[dup] = (e, word)
    return [e for e, _ in kept]


def _without_back_references(events: list[Event], nominal: set[str]) -> list[Event]:
    """"Kurt Volker resigned without public explanation. ... Volker's resignation was the first
    since ...": an event told by a noun (ids in `nominal`) whose doer was reported doing the same
    act (same CAMEO code, negation and modality, no other target) in an earlier sentence is that
    act referred back to, no new report of one."""
    kept: list[Event] = []
    for e in events:
        if e.id in nominal and e.source is not None and e.source.key is not None and any(
                k.sentence < e.sentence and k.cameo == e.cameo and k.source is not None
                and k.source.key == e.source.key and k.negated == e.negated and k.modality == e.modality
                and (e.target is None or (k.target is not None and k.target.key is not None
                                          and k.target.key == e.target.key))
                for k in kept):
            continue
        kept.append(e)
    return kept


# How many sentences back a date carries to the same actor's next act (news paragraphs are short:
# the story's dated lead often stands alone).
CONTEXT_DATE_REACH = 3


def _date_from_context(events: list[Event], triggers: _TriggerSpans | Any | None = None) -> None:
    """"Trump said on Friday ... Trump also said ...", "On Wednesday, Lam announced ... Lam also
    agreed ...": an act the text gives no date for takes the date of the same actor's latest act
    dated by the text at most three sentences before it (not a scheduled or possible act: its
    date is to come; not an act told as later, `_later_than`). `triggers`: the document's
    `_TriggerSpans` (or its Doc); without them no act is read as later."""
    dated: dict[str, Event] = {}
    for e in sorted(events, key=lambda x: x.sentence):
        key = e.source.key if e.source is not None else None
        if key is None:
            continue
        before = dated.get(key)
        # an intent or refusal is dated when made; a scheduled or possible act is not dated so
        made = e.modality == Modality.ASSERTED or e.announced_cameo is not None or e.cameo[:2] == "03"
        if e.date_basis == "publication" and made and before is not None \
                and 0 < e.sentence - before.sentence <= CONTEXT_DATE_REACH:
            if triggers is not None and _later_than(triggers, e, before.date):
                continue
            e.date, e.date_precision, e.date_basis = before.date, before.date_precision, "text"
            e.date_range = before.date_range
            e.explain = e.explain.replace("date=publication", "date=context")
            continue  # the paragraph's date stays the one the text gave
        if e.date_basis == "text" and made:
            dated[key] = e  # "On Wednesday, Lam announced her government will withdraw ...": when it was said


def _later_than(triggers: _TriggerSpans | Any, event: Event, day: str | None) -> bool:
    """"On Monday, the president met the Chinese leader. He later criticized the trade deal.": an
    act told as later (a sequence adverb on its verb: arguments.yaml sequence_adverbs) than a day
    before the publication day was done after that day, on a day the text does not give: it does
    not take that day, nor the publication day (the record gets no date, as a conjunct "and later
    banned" below a dated verb). True when so, and the event's date is then cleared. A day that
    is the publication day itself ("Earlier today ... He later said") leaves the act on it."""
    root = _triggers(triggers).root(event)
    if root is None or not day or not event.date or day[:10] >= event.date[:10]:
        return False
    if root.pos_ == "NOUN" and root.dep_ in ("dobj", "nsubjpass") and root.head.pos_ in ("VERB", "AUX"):
        root = root.head  # "later held talks": the noun's act is its verb's
    if not any(c.dep_ == "advmod" and c.lower_ in load_sequence_adverbs() for c in root.children):
        return False
    event.date, event.date_precision, event.date_basis = None, None, None
    event.explain = event.explain.replace("date=publication", "date=later")
    return True


def _paragraph_of_sentences(text: str, sentences: list[Any]) -> list[int]:
    """The paragraph number of each sentence: a line break between two sentences (in the white
    space a sentence ends with, or between them) starts a new one."""
    out, n = [], 0
    for k, sent in enumerate(sentences):
        between = text[sentences[k - 1].start_char:sent.start_char] if k else ""
        if "\n" in between[len(between.rstrip()):]:
            n += 1
        out.append(n)
    return out


class _TriggerSpans:
    """Each event trigger's tokens (`Doc.char_span` of its span, expanded) and their root, made
    once per document: the date passes ask about the same triggers several times, and spaCy makes
    every Span and Token anew."""

    __slots__ = ("doc", "_spans")

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self._spans: dict[tuple[int, int], tuple[Any, Any]] = {}

    def _get(self, event: Event) -> tuple[Any, Any]:
        key = (event.trigger.span[0], event.trigger.span[1])
        hit = self._spans.get(key)
        if hit is None:
            span = self.doc.char_span(key[0], key[1], alignment_mode="expand")
            hit = self._spans[key] = (span, span.root if span is not None and len(span) else None)
        return hit

    def span(self, event: Event) -> Any | None:
        """The trigger's Span (None where the characters fit no tokens)."""
        return self._get(event)[0]

    def root(self, event: Event) -> Any | None:
        """The root token of the trigger's Span, None where the Span is missing or empty."""
        return self._get(event)[1]


def _triggers(doc_or_triggers: Any) -> _TriggerSpans:
    """The document's `_TriggerSpans`, given them or the Doc."""
    return doc_or_triggers if isinstance(doc_or_triggers, _TriggerSpans) else _TriggerSpans(doc_or_triggers)


def _simple_past(triggers: _TriggerSpans | Any, event: Event) -> bool:
    """The event's verb is in the simple past ("shot him dead", "was arrested"), not a perfect
    (a pluperfect tells the background) nor a present. `triggers`: the document's
    `_TriggerSpans` (or its Doc)."""
    root = _triggers(triggers).root(event)
    if root is None:
        return False
    if root.pos_ == "NOUN" and root.dep_ in ("dobj", "nsubjpass") and root.head.pos_ in ("VERB", "AUX") and (
            event.explain.startswith("light-verb") or root.head.lemma_.lower() in load_modality().realizing_verbs):
        root = root.head  # "The subpoena was issued by ...", "held talks": the noun's act is its verb's
    return _simple_past_verb(_tensed_verb(root))


def _tensed_verb(verb: Any) -> Any:
    """The verb whose tense tells when a gerund's act was done: "started attacking people" (an
    aspectual verb's complement, "helped", "managed"), "Before resigning, he appointed" (a gerund
    of a time preposition, arguments.yaml gerund_time_prepositions); else the verb itself."""
    if verb.tag_ != "VBG":
        return verb
    head = verb.head
    if verb.dep_ == "xcomp" and (head.lemma_.lower() in load_modality().aspectual_verbs
                                 or head.lemma_.lower() in load_same_time_complement_verbs()):
        return head
    if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ in load_gerund_time_prepositions() \
            and head.head.pos_ in ("VERB", "AUX"):
        return head.head
    return verb


def _simple_past_verb(verb: Any) -> bool:
    v = view(verb.doc)  # (read on the Doc's arrays: analysis.docview)
    auxes = [c for c in v.kids[verb.i] if v.dep[c] in ("aux", "auxpass")]
    tag = v.tag[verb.i]
    if tag == "VBD":
        return not auxes
    return tag == "VBN" and bool(auxes) and all(v.tag[a] == "VBD" and verb.doc[a].lemma_ == "be" for a in auxes)


# How many days before the publication date a paragraph's day may lie and still date its other acts.
PARAGRAPH_DATE_REACH = 31


def _recent_day(anchor: tuple[int, str, str], published: str | None) -> bool:
    try:
        day, pub = dt.date.fromisoformat(anchor[1]), dt.date.fromisoformat(str(published)[:10])
    except (TypeError, ValueError):
        return False  # a year or a month: no day of the reporting period
    return anchor[2] == "day" and 0 <= (pub - day).days <= PARAGRAPH_DATE_REACH


def _sentence_dates(doc: Any, timex_roots: dict[int, Timex],
                    sentences: list[Any] | None = None) -> dict[int, tuple[str, str]]:
    """Sentence index -> (date, precision) of a date that governs the main verb, in the simple
    past, of a sentence ("A former adviser was sentenced on Wednesday", whoever its actors are).
    `sentences`: the Doc's sentences, when the caller has them (spaCy makes them anew each time)."""
    out: dict[int, tuple[str, str]] = {}
    starts = [s.start for s in (doc.sents if sentences is None else sentences)]
    noun_dated = _noun_dated(doc, timex_roots, set(), None) if timex_roots else set()
    for tok_i, timex in sorted(timex_roots.items()):
        if tok_i in noun_dated:
            continue  # "Britain condemned Sunday's attack": the attack's day, not the sentence's
        verb = verb_above(doc[tok_i])
        main = verb is not None and (verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT"))
        if not main or not _simple_past_verb(verb):
            continue  # a relative or subordinate clause's date is its own ("who was arrested in 2016")
        m = _DATE_VALUE.match(_week_as_month(timex.value))
        if m is None:
            continue
        parts = [g for g in m.groups() if g]
        n = bisect.bisect_right(starts, tok_i) - 1
        if n not in out or len(parts) > len(out[n][0].split("-")):
            out[n] = ("-".join(parts), PRECISION[len(parts)])
    return out


def _date_from_paragraph(events: list[Event], triggers: _TriggerSpans | Any, paragraph: list[int],
                         sentence_dates: dict[int, tuple[str, str]] | None = None,
                         story_day: str | None = None) -> None:
    """"On Friday, a man attacked people at the hall. ... Police arrived and shot him dead.": an
    act told in the simple past with no date of its own takes the date of the paragraph's latest
    earlier sentence dated by the text, through an act or a date on a verb in the simple past
    (the development set's convention for a dated paragraph), whoever did it; in a paragraph with
    no such earlier sentence, the day of the story's lead (`story_day`) when it is the one day
    that the paragraph's later sentences give. Not a perfect, a present or what is negated,
    planned or possible."""
    anchors: list[tuple[int, str, str, tuple[str, str] | None]] = [
        (n, d, p, None) for n, (d, p) in (sentence_dates or {}).items()]
    anchors += [(e.sentence, e.date, e.date_precision, e.date_range) for e in events
                if e.date_basis == "text" and e.date and e.modality == Modality.ASSERTED and not e.negated]
    anchors.sort(key=lambda a: a[0])
    for e in events:
        if e.date_basis != "publication" or e.modality != Modality.ASSERTED or e.negated \
                or e.sentence >= len(paragraph):
            continue
        para = paragraph[e.sentence]
        before = [a for a in anchors if a[0] < e.sentence and a[0] < len(paragraph) and paragraph[a[0]] == para]
        # only a day of the reporting period ("on Friday"): a background date ("was held in
        # contempt in 2012") does not date the news told after it
        if not before and story_day is not None:
            # "In other parts of the city, the police used tear gas against protesters. ... Sixty-six
            # people were injured yesterday": a paragraph dated only after the act, by the story's
            # own day (its lead's) alone, tells that day's acts (not by another day: "Protesters
            # called for his resignation after revelations ... released on July 13")
            after = [a for a in anchors if a[0] > e.sentence and a[0] < len(paragraph) and paragraph[a[0]] == para]
            if after and {a[1] for a in after} == {story_day}:
                before = after[:1]
        if before and _recent_day(before[-1], e.date) and _simple_past(triggers, e):
            if _later_than(triggers, e, before[-1][1]):
                continue
            _, e.date, e.date_precision, e.date_range = before[-1]
            e.date_basis = "text"
            e.explain = e.explain.replace("date=publication", "date=paragraph")


def _judicial_stage(tok: Any, stages: Any, opening: bool = False) -> int | None:
    """The stage of a judicial process (arguments.yaml judicial_stages, 0 first) a verb or noun
    names: "charged" 0, "convicted" and "found guilty" 1, "sentenced", "ruled" (with a clause or
    a preposition of judging: not "ruled out", "ruled the country") and "ruling" 2; else None. With `opening`, a verb that opens a case
    the noun of its object names ("began its probe") is that noun's stage."""
    lemma = tok.lemma_.lower()
    if tok.dep_ in ("amod", "compound"):
        return None  # "the ruling party"
    if tok.pos_ == "NOUN":
        return next((k for k, nouns in enumerate(stages.nouns) if lemma in nouns), None)
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    kids = list(tok.children)
    if lemma == "rule" and not any(c.dep_ == "ccomp" or (c.dep_ == "prep" and c.lower_ in stages.ruling_prepositions)
                                   for c in kids):
        return None  # "ruled the draft unconstitutional", "ruled in favour of": not "ruled out", "ruled the country"
    stage = next((k for k, verbs in enumerate(stages.verbs) if lemma in verbs), None)
    if stage is None and lemma == "find":
        stage = next((k for k, found in enumerate(stages.found) if any(c.lower_ in found for c in kids)), None)
    if stage is None and opening and lemma in stages.case_opening_verbs:
        stage = next((s for c in kids if c.dep_ == "dobj" and (s := _judicial_stage(c, stages)) is not None), None)
    return stage


def _steps_before_the_judgment(events: list[Event], triggers: _TriggerSpans, sentences: list[Any],
                               lead: int | None) -> None:
    """"Yesterday, Judge Schwartz sentenced the Turpins to life ... David Turpin was also charged with
    making false statements": in a story whose lead tells a stage of a judicial process (a ruling,
    a sentence, a conviction: arguments.yaml judicial_stages), an act of an earlier stage (an
    investigation begun, an arrest, a charge, a suit, a case brought, a request put to a court),
    asserted, told after the lead in the simple past with no date of its own, is background: it
    has no date, not the publication day. Not a step told after a judgment ("After the verdict,
    police arrested his brother")."""
    if lead is None or lead >= len(sentences) or not any(e.date_basis == "publication" for e in events):
        return
    stages = load_judicial_stages()
    found = [s for t in sentences[lead] if (s := _judicial_stage(t, stages)) is not None]
    if not found:
        return
    story = max(found)
    for e in events:
        if e.date_basis != "publication" or e.modality != Modality.ASSERTED or e.negated or e.sentence <= lead:
            continue
        root = triggers.root(e)
        if root is None:
            continue
        verb = root
        if root.pos_ == "NOUN" and root.head.pos_ in ("VERB", "AUX"):
            verb = root.head  # "began its probe": the noun's act is its verb's
        elif root.tag_ == "VBG" and root.dep_ in ("advcl", "xcomp") and root.head.pos_ in ("VERB", "AUX"):
            verb = root.head  # "brought the case before the ECJ, asking for clarifications"
        stage = next((s for t in dict.fromkeys([root, verb]) if (s := _judicial_stage(t, stages, True)) is not None), None)
        if stage is None and root.lemma_.lower() in stages.court_request_verbs and any(
                t.lemma_.lower() in stages.court_nouns for c in root.children if c.dep_ == "dobj" for t in c.subtree):
            stage = 0  # "the government asked Judge Miller to delay his ruling"
        if stage is None or stage >= story or not _simple_past_verb(verb):
            continue
        later = [c for c in verb.children if (c.dep_ == "prep" and c.lower_ in stages.after_marks) or (
            c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in stages.after_marks for m in c.children))]
        if any((s := _judicial_stage(t, stages)) is not None and s >= story for c in later for t in c.subtree):
            continue  # "After the verdict, police arrested his brother"
        e.date, e.date_precision, e.date_basis, e.date_range = None, None, None, None
        e.explain = e.explain.replace("date=publication", "date=earlier-step")


def _reaction_to_an_earlier_incident(events: list[Event], sentences: list[Any], paragraphs: list[int], lead: int | None, timex_roots: dict[int, Timex],
                                     pub: str | None) -> None:
    """"This decision comes after suicide bombings took place in the capital last month. ... a
    suicide bombing that happened on June 27. ... The Islamic State claimed responsibility for all
    three attacks": in a story whose lead tells no incident (no incident noun, arguments.yaml
    incident_nouns), a claim of responsibility or an accusation (incident_reaction_codes), asserted,
    in a sentence naming an incident, with no date of its own, was made when the incident was: the
    month of the latest earlier date in its paragraph that dates an incident's noun
    (incident_act_nouns: in its phrase or relative clause, or on the verb it is the subject of), when
    that month is before the publication's. Otherwise left as it was."""
    if not pub or lead is None or lead >= len(sentences) or not timex_roots:
        return
    codes, acts = load_incident_reaction()
    nouns, _ = load_incident_words()
    doc = sentences[lead].doc
    v = view(doc)  # (the sentences' words read on the Doc's arrays: analysis.docview)
    lemma, pos = v.lemma, v.pos
    if any(lemma[k] in nouns for k in range(sentences[lead].start, sentences[lead].end)):
        return  # the story's own incident: its reactions are of the reporting period
    dated: list[tuple[int, str]] = []  # (sentence, month) of dates of an incident's noun
    for i, t in timex_roots.items():
        m = _DATE_VALUE.match(t.value)
        if m is None or not m.group(2) or t.value[:7] >= pub[:7]:
            continue
        tok = doc[i]
        anchors = [doc[k] for k in range(*v.sent_bounds(i)) if pos[k] == "NOUN" and lemma[k] in acts]
        anchors += [n.head for n in anchors if n.dep_ in ("nsubj", "nsubjpass")] + [
            c for n in anchors for c in n.children if c.dep_ in ("relcl", "acl")]  # "a bombing that happened on June 27"
        if anchors and governed_by(tok, anchors):
            dated.append((next(k for k, s in enumerate(sentences) if s.start <= i < s.end), t.value[:7]))
    if not dated:
        return
    for e in events:
        if e.date_basis != "publication" or e.modality != Modality.ASSERTED or e.negated \
                or not e.cameo.startswith(codes) or e.sentence >= len(paragraphs):
            continue
        sent = sentences[e.sentence]
        if not any(lemma[k] in nouns for k in range(sent.start, sent.end)):
            continue
        before = [month for k, month in sorted(dated) if k < e.sentence and paragraphs[k] == paragraphs[e.sentence]]
        if before:
            e.date, e.date_precision, e.date_basis, e.date_range = before[-1], "month", "text", None
            e.explain = e.explain.replace("date=publication", "date=incident-month")


def _date_of_immediate_reaction(events: list[Event], triggers: _TriggerSpans | Any, story_day: str | None,
                                pub: str | None) -> None:
    """"Yesterday, de Blasio ended his campaign. ... Trump quickly took a parting shot on Twitter":
    an act in the simple past that an adverb tells as done at once (arguments.yaml
    immediacy_adverbs), with no date of its own, reacts to the news the story leads with: it takes
    the lead's day (`story_day`), when that is a day before the publication day."""
    if not story_day or not pub or len(story_day) != 10 or story_day >= pub[:10]:
        return
    adverbs = load_immediacy_adverbs()
    triggers = _triggers(triggers)
    for e in events:
        if e.date_basis != "publication" or e.modality != Modality.ASSERTED or e.negated \
                or not _simple_past(triggers, e):
            continue
        root = triggers.root(e)
        verbs = [root] + ([root.head] if root.pos_ == "NOUN" and root.head.pos_ in ("VERB", "AUX") else [])
        if any(c.dep_ == "advmod" and c.lower_ in adverbs for v in verbs for c in v.children):
            e.date, e.date_precision, e.date_basis, e.date_range = story_day, "day", "text", (story_day, story_day)
            e.explain = e.explain.replace("date=publication", "date=reaction")


def _date_from_retelling(events: list[Event], triggers: _TriggerSpans | Any) -> None:
    """"Protesters marched in London on Saturday ... [paragraphs on] ... Protesters marched from Hyde
    Park to Parliament": an act told again later in the article, in the simple past with no date
    of its own, by the same doer, with the same verb or code (and no other target), is the act the
    text dated before, not an act of the publication day; also when told as reported ("reportedly",
    alleged) or as a gerund in the time of a simple past ("Before resigning, he appointed ...").
    Statements are left alone: a speaker's later words need not be from the same occasion."""
    reporting = load_modality().reporting_verbs
    triggers = _triggers(triggers)
    dated: list[tuple[Event, str, set[str]]] = []  # a dated act, its verb's lemma, its trigger's lemmas
    for e in sorted(events, key=lambda x: x.sentence):
        span, root = triggers.span(e), triggers.root(e)
        lemma = root.lemma_.lower() if root is not None else ""
        # what is told as reported ("reportedly started attacking") is the same act, as dated
        plain = e.modality in (Modality.ASSERTED, Modality.ALLEGED) and not e.negated \
            and e.source is not None and bool(e.source.key) \
            and not e.cameo.startswith("01") and lemma not in reporting
        if not plain:
            continue
        definite = root is not None and root.pos_ == "NOUN" and any(
            c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in root.children)
        if e.date_basis == "publication" and _simple_past(triggers, e):
            for k, klemma, klemmas in reversed(dated):
                # the same doer, or the same verb by a doer of the same country ("one million
                # people marched" ... "Protesters marched")
                same_doer = k.source.key == e.source.key
                # "The House issued a subpoena on Friday ... The subpoena was issued by Engel, Schiff
                # and Cummings": a definite event noun naming the act told before, its doers of the
                # same country
                named = definite and k.cameo == e.cameo and lemma in klemmas
                # "Trump had a phone conversation with Erdogan" ... "after Trump spoke with Erdogan",
                # "Khan stabbed several people" ... "Khan started attacking people": the same doer
                # and target in an act of the same kind (the code's root) is the act told again
                same_pair = same_doer and k.target is not None and e.target is not None \
                    and k.target.key == e.target.key and k.cameo[:2] == e.cameo[:2]
                # ... but two doers each named ("Adderley urged" ... "Raab urged") are two acts
                apart = bool(k.source.name) and bool(e.source.name) and not same_doer
                if k.sentence < e.sentence and (same_doer or (((klemma == lemma and not apart) or named)
                                                              and bool(e.source.country)
                                                              and k.source.country == e.source.country)) \
                        and (klemma == lemma or k.cameo[:3] == e.cameo[:3] or same_pair) \
                        and (k.target is None or e.target is None or k.target.key == e.target.key):
                    e.date, e.date_precision, e.date_basis = k.date, k.date_precision, "text"
                    e.date_range = k.date_range
                    e.explain = e.explain.replace("date=publication", "date=retold")
                    break
        if e.date_basis == "text" and e.date:
            dated.append((e, lemma, {t.lemma_.lower() for t in span} if span is not None else set()))


def _date_from_reference(events: list[Event], doc: Any, timex_roots: dict[int, Timex], pub: str | None,
                         triggers: _TriggerSpans | None = None, text: str | None = None,
                         sentences: list[Any] | None = None) -> None:
    """Dates the text gives elsewhere for what a record refers to:

    - "In that event, Fields killed a woman and injured others" (after "... the August 2017
      rally"): a phrase pointing back at an occasion told before puts the act (and its conjunct)
      then, the latest date with a year of the two sentences before, else no date;
    - "details emerged about Trump's call with Zelensky" ... "a phone call made by President Trump
      late last July": an event noun with no date of its own, said of an act the article names
      again with one date (and the doer in that sentence, or a record of that noun by a doer of
      the same country: "Russia's 2022 offensive" ... "the Kremlin's offensive"), takes that date;
    - "records showed a bomber had attacked a vessel in late February" ... "in late February
      1944": a pluperfect dated by a month without a year is in the year the article gives that
      month, when it gives one earlier year for it.
    """
    if not pub or not events:
        return
    first: dict[int, tuple[int, Timex]] = {}
    for i, t in sorted(timex_roots.items()):
        first.setdefault(id(t), (i, t))
    timexes = sorted(first.values(), key=lambda x: x[0])
    sentences = list(doc.sents) if sentences is None else sentences
    sent_of = {}
    for n, sent in enumerate(sentences):
        sent_of.update({k: n for k in range(sent.start, sent.end)})
    preps, dets, occasions = load_earlier_occasion()
    definite = load_anchoring().definite_pointing_nouns  # "at the time", as "at that time"
    nouns_by_lemma: dict[int, list[int]] | None = None  # built on the first event noun that needs it
    sentence_lowers: list[str] = []
    triggers = triggers or _TriggerSpans(doc)
    w = view(doc)  # (the Doc's arrays: analysis.docview)
    wdep, wlower, wkids = w.dep, w.lower, w.kids
    for e in events:
        root = triggers.root(e)
        if root is None:
            continue
        if e.date_basis == "publication" and w.pos[root.i] in ("VERB", "AUX") and any(
                wdep[c] == "prep" and wlower[c] in preps and any(
                    wdep[p] == "pobj" and wlower[p] in occasions and any(
                        wdep[d] == "det" and (wlower[d] in dets or (wlower[d] == "the" and wlower[p] in definite))
                        for d in wkids[p])
                    for p in wkids[c]) for c in wkids[w.head[root.i] if wdep[root.i] == "conj" else root.i]):
            earlier = [t for i, t in timexes if e.sentence - 2 <= sent_of.get(i, -1) < e.sentence
                       and _EXPLICIT_YEAR.search(t.text) and _DATE_VALUE.match(t.value)
                       and t.value[:4] <= pub[:4] and not _after(t.value, pub)]
            e.date, e.date_precision, e.date_basis = _value_date(earlier[-1].value) if earlier else (None, None, None)
            e.explain = e.explain.replace("date=publication", "date=occasion")
        elif e.date_basis == "publication" and root.pos_ == "NOUN" and e.source is not None:
            doer = (e.source.name or e.source.text).split()[-1].lower()
            found = set()
            if nouns_by_lemma is None:
                # the Doc's nouns by lemma and its sentences' lower-cased texts, once per document:
                # each event noun then looks only at the nouns of its own lemma
                nouns_by_lemma = {}
                for i, (p, lemma) in enumerate(doc.to_array([POS, LEMMA]).tolist()):
                    if p == NOUN:
                        nouns_by_lemma.setdefault(lemma, []).append(i)
                text = doc.text if text is None else text
                sentence_lowers = [text[s.start_char:s.end_char].lower() for s in sentences]
            for k in nouns_by_lemma.get(root.lemma, ()):
                n = sent_of[k]
                if n == e.sentence:
                    continue
                if doer not in sentence_lowers[n] and not (e.source.country and any(
                        o.sentence == n and o.source is not None and o.source.country == e.source.country
                        and (r := triggers.root(o)) is not None and r.i == k for o in events)):
                    # "Russia's 2022 Ukraine offensive" ... "the Kremlin's Ukraine offensive":
                    # the noun told of a doer of the same country is the same act
                    continue
                tok, start, end = doc[k], sentences[n].start, sentences[n].end
                anchors = [tok] + [c for c in tok.children if c.dep_ == "acl"]
                found.update(t.value for i, t in timexes if start <= i < end
                             and governed_by(doc[i], anchors) and _DATE_VALUE.match(t.value) and not _after(t.value, pub))
            if len(found) == 1:
                e.date, e.date_precision, e.date_basis = _value_date(found.pop())
                e.explain = e.explain.replace("date=publication", "date=named")
        elif e.date_basis == "text" and e.date and e.date[:4] == pub[:4] and len(e.date) >= 7 \
                and any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in root.children):
            root_sent = root.sent  # (made once, not per date)
            own = [t for i, t in timexes if root_sent.start <= i < root_sent.end and t.value.startswith(e.date)
                   and not _EXPLICIT_YEAR.search(t.text)]
            years = {t.value[:4] for _, t in timexes if own and _EXPLICIT_YEAR.search(t.text)
                     and t.value[4:7] == e.date[4:7] and t.value[:4] < pub[:4]}
            if own and len(years) == 1:
                e.date = years.pop() + e.date[4:]
                e.explain = e.explain.replace("date=text", "date=text-year")


def _lead_sentence(sentences: list[Any]) -> int | None:
    """The index of the story's lead: the first sentence with a verb (a dateline line, "Saturday,
    October 5, 2019", is not the lead)."""
    if not sentences:
        return None
    pos = view(sentences[0].doc).pos  # (read on the Doc's arrays: analysis.docview)
    return next((n for n, s in enumerate(sentences) if "VERB" in pos[s.start:s.end]), None)


def _date_from_incident(events: list[Event], doc: Any, sentence_dates: dict[int, tuple[str, str]],
                        sentences: list[Any] | None = None, timex_roots: dict[int, Timex] | None = None) -> None:
    """"On Thursday at the headquarters of the Paris Police Prefecture an IT worker went on a
    stabbing spree, killing four. ... The attacker, a man, reached the courtyard before he was shot
    in the head by another police officer.": in a one-incident story, whose lead (the first
    sentence with a verb) tells an act of force (CAMEO 17-20, or a noun of arguments.yaml
    incident_nouns) dated by a recent day, a later act of force told in the simple past with no
    date of its own, asserted, in a sentence that points back at the incident or its doer ("the
    attacker", "this attack") or done by or to the lead's named attacker, took place on the lead's
    day (the incident noun's own day when the lead is about a later act: "appeared in court
    yesterday, charged with murder over a shooting on Friday"). Acts elsewhere in such a story keep
    the publication date (dating every act by the lead was tried and is wrong more often)."""
    if not any(e.date_basis == "publication" and e.cameo[:2] in FORCE_ROOTS for e in events):
        return
    sentences = list(doc.sents) if sentences is None else sentences
    lead = _lead_sentence(sentences)
    if lead is None or lead not in sentence_dates:
        return
    date, precision = sentence_dates[lead]
    nouns, dets = load_incident_words()

    def names_incident(sent: Any, pointed: bool) -> bool:
        return any(t.pos_ == "NOUN" and t.lemma_.lower() in nouns and (not pointed or any(
            d.dep_ == "det" and d.lower_ in dets for d in t.children)) for t in sent)

    force = any(e.sentence == lead and e.cameo[:2] in FORCE_ROOTS and e.date_basis == "text" for e in events)
    attackers = {e.source.key for e in events if e.sentence == lead and e.cameo[:2] in FORCE_ROOTS
                 and e.date_basis == "text" and e.source is not None and e.source.key and e.source.name}
    if not (force or names_incident(sentences[lead], False)):
        return
    if not force and timex_roots:
        # "Tarrant appeared in court yesterday, charged with murder pertaining to a mass shooting
        # on Friday": the incident noun's own day is the incident's, not the lead verb's
        # (its phrase, or a time phrase right after it that the parser hung on the verb above)
        def follows(n: Any, i: int) -> bool:
            after = n.right_edge.i + 1
            return after == i or (doc[i].head.i == after and doc[after].dep_ == "prep")

        w = view(doc)  # (the Doc's arrays: analysis.docview: only the incident nouns become Tokens)
        lead_start, lead_end = sentences[lead].start, sentences[lead].end
        incident_nouns = [doc[n] for n in range(lead_start, lead_end) if w.pos[n] == "NOUN" and w.lemma[n] in nouns]
        own = [_DATE_VALUE.match(t.value) for i, t in sorted(timex_roots.items())
               if lead_start <= i < lead_end and any(
                   governed_by(doc[i], [n]) or follows(n, i) for n in incident_nouns)]
        days = {m.group(0) for m in own if m is not None and m.group(3)}
        if len(days) == 1:
            date, precision = days.pop(), "day"
    for e in events:
        if e.date_basis != "publication" or e.sentence <= lead or e.sentence >= len(sentences) \
                or e.modality != Modality.ASSERTED or e.negated or e.cameo[:2] not in FORCE_ROOTS:
            continue
        if not _recent_day((lead, date, precision), e.date) or not _simple_past(doc, e):
            continue
        # ... or whose doer or target is the lead's attacker ("people approached Khan and forced him
        # to lie on the ground", after "On Friday, Usman Khan stabbed several people")
        if names_incident(sentences[e.sentence], True) or (attackers and any(
                a is not None and a.key in attackers for a in (e.source, e.target))):
            e.date, e.date_precision, e.date_basis = date, precision, "text"
            e.explain = e.explain.replace("date=publication", "date=incident")


# How many sentences back a happening named again ("before the conversation") may have been dated;
# the pronoun "it" looks at the sentence just before only.
HAPPENING_REACH = 3


def _date_from_happening(events: list[Event], doc: Any, timex_roots: dict[int, Timex], pub: str | None,
                         triggers: _TriggerSpans | None = None, sentences: list[Any] | None = None) -> None:
    """"Last week the White House released a summary of a phone call made by President Trump late
    last July ... In it, Trump asks Zelensky ...", "Shortly before the conversation, Trump had
    ordered ...": an act with no date of its own whose clause opens with a phrase pointing back at
    a happening (arguments.yaml happening_reference_*: "in it", "during the call", "before the
    conversation") took place when the text dated that happening: the date that governs the
    latest happening noun ("call", "meeting", "talks") of the sentences before (the sentence just
    before for "it"), when it is one date. "in", "during" and "at" give its day; "before" and
    "after" its month only (they move the day). Not a date after publication."""
    if not pub or not events:
        return
    same, near, dets, pronouns, nouns = load_happening_reference()
    triggers = _triggers(doc if triggers is None else triggers)
    for e in events:
        if e.date_basis != "publication":
            continue
        root = triggers.root(e)  # None where the trigger's characters make no tokens
        if root is None:
            continue
        phrase = _happening_phrase(root, same | near, dets, pronouns, nouns)
        if phrase is None:
            continue
        prep, pronoun = phrase
        sentences = list(doc.sents) if sentences is None else sentences
        reach = 1 if pronoun else HAPPENING_REACH
        for n in range(e.sentence - 1, max(-1, e.sentence - 1 - reach), -1):
            if n >= len(sentences):
                continue
            sent = sentences[n]
            sent_start, sent_end = sent.start, sent.end
            found: set[str] = set()
            named = False
            for tok in sent:
                if tok.pos_ == "NOUN" and tok.lemma_.lower() in nouns:
                    anchors = happening_anchors(tok)  # "held talks on Sunday": the light verb's day too
                elif happening_verb(tok):
                    anchors = [tok]  # "met in Vienna on Monday. At the meeting, ..."
                else:
                    continue
                named = True
                found.update(t.value for i, t in timex_roots.items() if sent_start <= i < sent_end
                             and governed_by(doc[i], anchors) and _DATE_VALUE.match(t.value)
                             and not _after(t.value, pub))
            if not named:
                continue
            if len(found) == 1:
                date, precision, basis = _value_date(found.pop())
                if prep in near and precision == "day":
                    date, precision = date[:7], "month"
                e.date, e.date_precision, e.date_basis = date, precision, basis
                e.explain = e.explain.replace("date=publication", "date=happening")
            break  # the latest happening named is the one pointed back at


def _happening_phrase(root: Any, preps: frozenset[str], dets: frozenset[str], pronouns: frozenset[str],
                      nouns: frozenset[str]) -> tuple[str, bool] | None:
    """(preposition, is a pronoun) of a phrase on the act's clause pointing back at a happening ("In
    it, Trump asks", "Shortly before the conversation, Trump had ordered his staff to delay"),
    looked for on the act's verb and the verbs it is the complement or conjunct of; else None."""
    node = root
    for _ in range(4):
        for c in node.children:
            if c.dep_ != "prep" or c.lower_ not in preps:
                continue
            for p in c.children:
                if p.dep_ != "pobj":
                    continue
                if p.lower_ in pronouns:
                    return c.lower_, True
                if p.pos_ == "NOUN" and p.lemma_.lower() in nouns \
                        and any(d.dep_ == "det" and d.lower_ in dets for d in p.children):
                    return c.lower_, False
        if node.dep_ not in ("xcomp", "conj") or node.head.i == node.i:
            return None
        node = node.head
    return None


def _date_from_quoted_day(events: list[Event], doc: Any, text: str, timexes: list[Timex],
                          timex_roots: dict[int, Timex], pub: str | None,
                          triggers: _TriggerSpans | None = None) -> None:
    """'Police said on Monday: "Yesterday we arrested two men"': a day word inside a quotation
    ("yesterday", "today", "this morning"; arguments.yaml quote_day_words) counts from the day the
    words were spoken, not from the publication day. When the text dates the reporting verb that
    gives the quotation, the quoted act is dated from that day (Sunday). An undated speech leaves
    the act as it was (the words may be older than the article)."""
    if not pub or not events:
        return
    try:
        published = dt.date.fromisoformat(pub[:10])
    except ValueError:
        return
    words = load_quote_day_words()
    quoted = None
    days: dict[int, dt.date] = {}  # root token of a quoted day word -> its day counted from publication
    for t in timexes:
        if t.type not in ("DATE", "TIME") or t.text.lower() not in words:
            continue
        quoted = find_quoted_spans(text) if quoted is None else quoted
        if not any(a <= t.span[0] and t.span[1] <= b for a, b in quoted):
            continue
        try:
            day = dt.date.fromisoformat(t.value[:10])
        except ValueError:
            continue
        span = doc.char_span(t.span[0], t.span[1], alignment_mode="expand")
        if span is not None and len(span):
            days[span.root.i] = day
    if not days:
        return
    reporting = load_modality().reporting_verbs
    triggers = triggers or _TriggerSpans(doc)
    for e in events:
        if e.date_basis != "publication":
            continue
        root = triggers.root(e)
        if root is None:
            continue
        mine = [d for i, d in days.items() if governed_by(doc[i], [root])]
        if len(mine) != 1:
            continue
        speech = reporting_head(root, reporting)
        if speech is None:
            continue
        spoken = {t.value[:10] for i, t in timex_roots.items() if governed_by(doc[i], [speech])
                  and re.fullmatch(r"\d{4}-\d{2}-\d{2}", t.value[:10])}
        if len(spoken) != 1:
            continue
        day = mine[0] + (dt.date.fromisoformat(spoken.pop()) - published)
        if day > published:
            continue
        e.date, e.date_precision, e.date_basis = day.isoformat(), "day", "text"
        e.explain = e.explain.replace("date=publication", "date=quoted-day")


def _past_act(verb: Any) -> bool:
    """A verb told as done before now: the simple past ("arrested", "were arrested") or a perfect
    ("had arrested", "has been killed"); not a present, a future or a modal."""
    v = view(verb.doc)  # (read on the Doc's arrays: analysis.docview)
    i = verb.i
    if v.pos[i] not in ("VERB", "AUX"):
        return False
    auxes = [c for c in v.kids[i] if v.dep[c] in ("aux", "auxpass")]
    if v.tag[i] == "VBD":
        return not auxes
    lemma, tag = v.lemma, v.tag
    return tag[i] == "VBN" and bool(auxes) and all(
        (lemma[a] == "have" and tag[a] in ("VBD", "VBZ", "VBP"))
        or (lemma[a] == "be" and tag[a] in ("VBD", "VBN")) for a in auxes)


def _date_from_report(events: list[Event], timex_roots: dict[int, Timex], pub: str | None,
                      triggers: _TriggerSpans | Any) -> None:
    """"Yesterday, police said they had arrested a second man", "Officials said on Sunday that
    gunmen killed 12 protesters": a past act told in a report the text dates to a day before the
    publication day, with no date of its own, was done before that report, not on the
    publication day; the day is not given, so the record takes the report's month (the
    development set's convention: "before the statement of September 17 (the day not given)"),
    except an agreement ("announced it had entered into an agreement": arguments.yaml
    dated_by_report_codes), concluded when made known: the report's day. A report of the
    publication day, or an undated one, leaves the act as it was."""
    if not pub or not events:
        return
    reporting = load_modality().reporting_verbs
    triggers = _triggers(triggers)
    doc = triggers.doc
    for e in events:
        if e.date_basis != "publication" or e.negated or e.modality not in (Modality.ASSERTED, Modality.ALLEGED):
            continue
        root = triggers.root(e)
        if root is None or not _past_act(root):
            continue
        speech = reporting_head(root, reporting, reported=("ccomp", "parataxis"), limit=4)
        if speech is None or speech.tag_ != "VBD":
            continue
        said = {t.value[:10] for i, t in timex_roots.items() if governed_by(doc[i], [speech])
                and re.fullmatch(r"\d{4}-\d{2}-\d{2}", t.value[:10])}
        if len(said) != 1:
            continue
        day = said.pop()
        if day >= pub[:10]:
            continue  # said on the publication day: an act of the reporting period
        if e.cameo.startswith(load_dated_by_report_codes()):
            # "announced it had entered into an agreement": concluded when made known
            e.date, e.date_precision, e.date_basis, e.date_range = day, "day", "text", (day, day)
        else:
            e.date, e.date_precision, e.date_basis = day[:7], "month", "text"
            e.date_range = (day[:7] + "-01", day)  # before the report, in its month
        e.explain = e.explain.replace("date=publication", "date=report")


def _after_a_background_sentence(events: list[Event], doc: Any, sentences: list[Any], paragraph: list[int],
                                 sentence_dates: dict[int, tuple[str, str]], background_times: frozenset[int],
                                 triggers: _TriggerSpans | Any, pub: str | None, mentions: list[Mention]) -> None:
    """"Bill Clinton was impeached in 1998, and Andrew Johnson in 1868. The Senate acquitted both of
    them.": an act in the simple past the text gives no date, right after a sentence of the same
    paragraph whose main clause, in the simple past, is dated by a year before the publication's or
    by a time before the reporting period ("years ago", "in the 1990s"), and whose doer or target
    is a pronoun for an actor of that sentence, goes on with that background: it has no date (not
    the publication day; its year may be a later one). Without the pronoun the act may be the news
    the background was told for ("... was held in contempt in 2012. The president criticized the
    parliament's decision"). The same doer's acts take the earlier act's date (`_date_from_context`)
    before this is asked."""
    if not pub or not events:
        return
    pronouns: dict[int, set[str]] = {}
    named: dict[int, set[str]] = {}
    for m in mentions:
        if m.actor.key:
            named.setdefault(m.sentence, set()).add(m.actor.key)
            if m.how in (How.PRONOUN, How.PLURAL):
                pronouns.setdefault(m.sentence, set()).add(m.actor.key)
    if not pronouns:
        return
    background = {n for n, (date, _) in sentence_dates.items() if date[:4] < pub[:4]}
    if background_times:
        starts = [s.start for s in sentences]
        for i in background_times:
            verb = verb_above(doc[i])
            if verb is not None and verb.dep_ == "ROOT" and _simple_past_verb(verb) and governed_by(doc[i], [verb]):
                background.add(bisect.bisect_right(starts, i) - 1)
    if not background:
        return
    for e in events:
        n = e.sentence
        if e.date_basis != "publication" or e.modality != Modality.ASSERTED or e.negated or n - 1 not in background \
                or n >= len(paragraph) or paragraph[n - 1] != paragraph[n] or not _simple_past(triggers, e):
            continue
        linked = pronouns.get(n, set()) & named.get(n - 1, set())
        if not any(a is not None and a.key in linked for a in (e.source, e.target)):
            continue
        e.date, e.date_precision, e.date_basis = None, None, None
        e.explain = e.explain.replace("date=publication", "date=background-sentence")


def _dead_people(doc: Any, mentions: list[Mention]) -> set[str]:
    """The actor keys of the people the text reports dead: the subject of a death verb
    (anchoring.yaml death_verbs: "died", "has died", "passed away"), asserted (no negation, no
    modal), resolved to a named person, or a named person called "late" (dead_adjectives)."""
    spec = load_anchoring()
    particles = dict(spec.death_particles)
    deaths = []
    # Read on the Doc's arrays (analysis.docview): only the few words whose lemma is a death verb
    # are looked at, and no word becomes a Token
    v = view(doc)
    lemmas, tags, deps, lowers, kids, head = v.lemma, v.tag, v.dep, v.lower, v.kids, v.head
    for i in [i for i, lemma in enumerate(lemmas) if lemma in spec.death_verbs]:
        lemma = lemmas[i]
        if v.pos[i] != "VERB":
            continue
        children = kids[i]
        if lemma in particles and not any(deps[c] == "prt" and lowers[c] == particles[lemma] for c in children):
            continue
        auxes = [c for c in children if deps[c] in ("aux", "auxpass")]
        tag = tags[i]
        if tag == "VBD" and auxes or tag == "VBN" and not any(lemmas[a] == "have" for a in auxes) \
                or tag not in ("VBD", "VBN") or any(tags[a] == "MD" for a in auxes) \
                or any(deps[c] == "neg" for c in children):
            continue
        deaths.extend(c for c in children if deps[c] == "nsubj")
    dead = {m.actor.key for m in mentions for i in deaths
            if m.tokens[0] <= i < m.tokens[1] and m.actor.key and m.actor.name}
    # "the late president", "Kenya's late president, Daniel arap Moi": the words a "late" modifies
    modified = {head[i] for i, w in enumerate(lowers) if w in spec.dead_adjectives and deps[i] == "amod"}
    if not modified:
        return dead
    for m in mentions:
        if m.actor.key and m.actor.name and m.actor.key not in dead:
            heads = set(range(*m.tokens))
            heads |= {head[i] for i in heads if deps[i] == "appos"}
            if heads & modified:
                dead.add(m.actor.key)
    return dead


def _undated_acts_of_the_dead(events: list[Event], doc: Any, mentions: list[Mention],
                              triggers: _TriggerSpans | Any) -> None:
    """"Baker died on Sunday ... He joined Cream ... He criticized the government": whatever a
    person the text reports dead did, he did before his death; an act of his in the past that the
    text gives no date for is background (obituary, career), not an act of the publication day."""
    if not any(e.date_basis == "publication" and e.source is not None and e.source.key for e in events):
        return
    dead = _dead_people(doc, mentions)
    if not dead:
        return
    for e in events:
        if e.date_basis != "publication" or e.source is None or e.source.key not in dead:
            continue
        root = triggers.root(e)
        if root is None or root.tag_ not in ("VBD", "VBN") or root.lemma_.lower() in load_anchoring().death_verbs:
            continue
        e.date, e.date_precision, e.date_basis = None, None, None
        e.explain = e.explain.replace("date=publication", "date=before-death")


def _one_date_per_act(events: list[Event]) -> None:
    """"Yesterday, Erdogan met Putin. The two leaders agreed to extend a ceasefire": the records of
    one act (one trigger, one code, a record per pair of actors) are one act done at one time. A
    record left on the publication day takes the date the text gave its siblings, when they agree
    on one (a rule that dated one by its doer's earlier act dates the act, not that doer's share)."""
    groups: dict[tuple, list[Event]] = {}
    for e in events:
        groups.setdefault((e.sentence, e.trigger.span, e.cameo), []).append(e)
    for group in groups.values():
        if len(group) < 2:
            continue
        dated = {(e.date, e.date_precision) for e in group if e.date_basis == "text" and e.date}
        if len(dated) != 1:
            continue
        (date, precision), = dated
        source = next(e for e in group if e.date_basis == "text" and e.date)
        for e in group:
            if e.date_basis == "publication":
                e.date, e.date_precision, e.date_basis, e.date_range = date, precision, "text", source.date_range
                e.explain = e.explain.replace("date=publication", "date=same-act")


def _settle_ranges(events: list[Event]) -> None:
    """Keep an event's `date_range` only where it narrows the date the record carries: a text
    date whose period it meets (a rule that set another date leaves no range of an older one),
    and is not that period itself ("on Friday": the day says it all)."""
    for e in events:
        rng = e.date_range
        if rng is None:
            continue
        if e.date_basis != "text" or not e.date:
            e.date_range = None
            continue
        period = value_period(e.date)
        if period is None or not (period[0].isoformat() <= rng[1] and rng[0] <= period[1].isoformat()) \
                or rng == (period[0].isoformat(), period[1].isoformat()):
            e.date_range = None


def _value_date(value: str) -> tuple[str, str, str]:
    """A TIMEX3 date value as a record's (date, precision, basis)."""
    m = _DATE_VALUE.match(_week_as_month(value))
    parts = [g for g in m.groups() if g]
    return "-".join(parts), PRECISION[len(parts)], "text"


def _dates_compatible(a: Event, b: Event) -> bool:
    if a.date_basis == "text" and b.date_basis == "text":
        return a.date == b.date
    pub, other = (a, b) if a.date_basis == "publication" else (b, a)
    return other.date is None or pub.date is None or pub.date.startswith(other.date) or other.date.startswith(pub.date[:len(other.date)])


def _targets_from_earlier_acts(events: list[Event], doc: Any, document: Document,
                               triggers: _TriggerSpans) -> None:
    """An act done to an earlier act the text names by a definite noun ("The embassy declined the
    request", "The operation was condemned by the EU", "The subpoena was issued by ..."), with no
    actor of its own, is done to that act's party: the latest record before it, within a few
    sentences or in the lead, of the kind the noun names (arguments.yaml `act_nouns`). A reply to the act (a
    refusal of a request, a condemnation of an operation) is done to its doer; the same act told
    again (a subpoena retold) to whom it was done."""
    nouns = load_act_nouns()
    if not nouns:
        return
    for k, event in enumerate(events):
        if event.target is not None or event.source is None:
            continue
        root = triggers.root(event)
        if root is None:
            continue
        # "The subpoena was issued by ...": the event noun itself, the act told again
        retold = _definite_act_noun(root, nouns)
        noun = root if retold else _act_noun_argument(root, nouns)
        if noun is None:
            continue
        lemma = noun.lemma_.lower()
        roots = nouns[lemma]
        earlier = next((e for e in reversed(events[:k]) if e.sentence < event.sentence
                        and (e.sentence >= event.sentence - _ACT_NOUN_REACH or e.sentence <= _LEAD_SENTENCES)
                        and e.cameo.startswith(roots) and e.source is not None and e.source.country
                        and (e.cameo[:2] != event.cameo[:2]
                             or (e.target is not None and e.target.country and lemma in e.trigger.text.lower()))),
                       None)
        if earlier is None:
            continue
        same_act = earlier.cameo[:2] == event.cameo[:2]
        party = earlier.target if same_act else earlier.source
        if party is None or (party.key is not None and party.key == event.source.key):
            continue
        event.target = party
        event.id = stable_id(document.id, event.sentence, event.trigger.span[0], event.source.key or "",
                             party.key or "", event.cameo)
        event.explain += f"; tgt=earlier-act:{noun.lemma_.lower()}->{'target' if same_act else 'doer'}"


# how many sentences back a definite act noun reaches for the act it names; beyond them, only the
# lead (the dateline and the first sentence), whose act the rest of a news story retells
_ACT_NOUN_REACH = 3
_LEAD_SENTENCES = 1


def _definite_act_noun(tok: Any, nouns: dict[str, tuple[str, ...]]) -> bool:
    """"the request", "this operation": a definite act noun with no actor or name in its phrase."""
    return tok.lemma_.lower() in nouns and tok.tag_ in ("NN", "NNS") \
        and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these") for c in tok.children) \
        and not any(c.dep_ == "poss" or c.pos_ in ("PROPN", "PRON") for c in tok.children) \
        and not any(t.ent_type_ for t in tok.subtree)


def _act_noun_argument(verb: Any, nouns: dict[str, tuple[str, ...]]) -> Any | None:
    """The definite act noun ("the request", "this operation") that is the verb's object or passive
    subject, or the object of a preposition on such an argument or on the verb ("called for an
    investigation into the shooting"), with no actor named inside its phrase; else None."""
    def definite(tok: Any) -> bool:
        return _definite_act_noun(tok, nouns)
    args = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    args += [p for c in verb.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    for arg in args:
        if definite(arg):
            return arg
        inner = [p for c in arg.children if c.dep_ == "prep" and c.lower_ in ("into", "of", "on", "over", "about")
                 for p in c.children if p.dep_ == "pobj"]
        for p in inner:
            if definite(p):
                return p
    return None


def _doer_of_a_thing_opposed(cand: _Candidate, mentions_at,
                              purpose_verbs: frozenset[str] = frozenset()) -> tuple[Any, list[Actor]] | None:
    """Whom an act of conflict against a thing with no actor of its own is done to: the doer the
    thing's phrase names, the thing being that doer's act (arguments.yaml
    `opposed_thing_prepositions`); else None. The thing is the object of such a preposition
    ("filed a lawsuit against the state of emergency", "a hunger strike against violations") or
    what the act's purpose infinitive or participle of protest protests ("launched a hunger strike
    to protest the policy", exclusions.yaml purpose_protest_verbs); its doer is the subject of a
    relative clause on it ("the state of emergency Trump declared"), the agent of a participle on
    it ("the policy imposed by the administration"), its "by" phrase ("violations by the police")
    or its possessor ("the state's unemployment system")."""
    preps = load_opposed_thing_prepositions()
    hosts = [cand.trigger] + [c for c in cand.trigger.children if c.dep_ == "dobj"] \
        + ([cand.noun] if cand.noun is not None else [])
    own = {a.key for a in cand.sources if a.key}
    things = [thing for host in hosts for prep in host.children
              if prep.dep_ == "prep" and prep.lower_ in preps
              for thing in prep.children if thing.dep_ == "pobj"]
    if purpose_verbs:
        # "launched a hunger strike to protest the policy ...", "started a hunger strike, protesting
        # the state's system": what the act's purpose clause of protest protests
        things += [o for host in hosts for verb in host.children
                   if verb.dep_ in ("xcomp", "advcl", "relcl", "acl") and verb.lemma_.lower() in purpose_verbs
                   and (verb.tag_ == "VBG" or any(a.dep_ == "aux" and a.lower_ == "to" for a in verb.children))
                   and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
                   for o in verb.children if o.dep_ == "dobj"]
    for thing in things:
        if _actors_of(thing, mentions_at):
            continue
        phrase = [thing] + [t for c in thing.children if c.dep_ == "prep" for t in c.children if t.dep_ == "pobj"]
        for noun in phrase:
            doers = []
            for rel in noun.children:
                if rel.dep_ == "relcl":
                    subject, passive = subject_of(rel)
                    if subject is not None and not passive and subject.lower_ not in ("which", "that", "who"):
                        doers.append(subject)
                elif rel.dep_ == "acl" and rel.tag_ == "VBN":
                    doers += [p for a in rel.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
                elif rel.dep_ == "prep" and rel.lower_ == "by" and noun.i == thing.i:
                    doers += [p for p in rel.children if p.dep_ == "pobj"]
                elif rel.dep_ == "poss" and noun.i == thing.i:
                    doers.append(rel)
            for doer in doers:
                actors = _actors_of(doer, mentions_at)
                if actors and not any(a.key in own for a in actors):
                    return doer, actors
    return None
