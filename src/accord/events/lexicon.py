"""Load the event lexicon and modality cues from `resources/events/*.yaml`."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any

import yaml

from .ontology import lookup

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser: the same data, several times faster


class LexiconError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class Pattern:
    lemmas: frozenset[str]
    code: str
    target: tuple[str, ...]
    objects: frozenset[str] = frozenset()  # light verb: event noun lemmas of its object
    via: frozenset[str] = frozenset()  # "spoke via video call"
    reciprocal: bool = False
    travel: bool = False
    partner: bool = False
    requires_target: bool = False
    requires_target_or_plural: bool = False
    nominal: bool = False
    # A nominal event that is a record with no target ("North Korea's military parade": a show
    # of force is aimed at no one in particular).
    standalone: bool = False
    needs: tuple[str, ...] = ()  # arguments the verb must have for this sense ("engage" + "with")
    fallback: bool = False  # used only where PETRARCH's dictionary has no specific pattern
    # The event noun (object, via-noun or nominal trigger) must have one of `modifiers` as a
    # compound/amod dependent ("hunger strike") and none of `excluded_modifiers` ("air strike").
    modifiers: frozenset[str] = frozenset()
    excluded_modifiers: frozenset[str] = frozenset()
    source: tuple[str, ...] = ("poss",)  # nominal events: where the source is ("poss", "amod", "compound")
    direct: bool = False  # the target is an argument that is an actor itself, never one inside its phrase
    # The PLOVER type/mode of this sense where it differs from the code's ("resigned": CAMEO 080,
    # PLOVER RETREAT mode resign); used only while the record keeps this pattern's code.
    plover: tuple[str, str | None] | None = None
    # The act a demand or appeal told by the pattern asks for (`announced_cameo`): "called for the
    # resignation of the prime minister" is a demand (1041) for a change in leadership (0831).
    announced: str | None = None
    # Sectors the doer must have (actor code suffix or sector): "ruled against X" is a court's
    # verdict only when a court or judge rules ("doers: [JUD]").
    doers: tuple[str, ...] = ()

    def fits(self, noun) -> bool:
        """Whether an event noun's modifiers fit this pattern (always true without modifier rules)."""
        if not (self.modifiers or self.excluded_modifiers):
            return True
        mods = {c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod", "nmod")}
        if self.modifiers and not mods & self.modifiers:
            return False
        return not mods & self.excluded_modifiers

    @property
    def specificity(self) -> int:
        return (2 if self.objects else 1 if self.via else 0) + (1 if self.modifiers else 0)

    def describe(self) -> str:
        kind = "nominal" if self.nominal else "light-verb" if self.objects else "via" if self.via else "verb"
        extra = "+".join(sorted(self.objects or self.via))
        return f"{kind}:{'/'.join(sorted(self.lemmas))}{'+' + extra if extra else ''}->{self.code}"


@dataclass(frozen=True, slots=True)
class ModalityCues:
    """The words that keep an event apart from fact (resources/events/modality.yaml)."""

    negation_dependents: frozenset[str]
    negation_object_determiners: frozenset[str]
    negation_verbs: frozenset[str]
    alleged_verbs: frozenset[str]
    alleged_adverbs: frozenset[str]
    hypothetical_aux: frozenset[str]
    hypothetical_markers: frozenset[str]
    hypothetical_verbs: frozenset[str]
    future_aux: frozenset[str]
    future_verbs: frozenset[str]
    refusal_verbs: frozenset[str] = frozenset()
    # "An agreement has been reached for the army to enter": what an agreement or a plan is for
    # ("for X to do") is to come
    content_nouns: frozenset[str] = frozenset()
    reporting_verbs: frozenset[str] = frozenset()
    frame_verbs: frozenset[str] = frozenset()
    threat_verbs: frozenset[str] = frozenset()
    obligation_aux: frozenset[str] = frozenset()
    realizing_verbs: frozenset[str] = frozenset()
    alleged_nouns: frozenset[str] = frozenset()
    # Words that express the subject's own intent to do their complement ("pledged to", "is ready
    # to"): the complement is recorded as the intent (CAMEO 03x / 13x), not as a future act.
    intent_verbs: frozenset[str] = frozenset()
    # Verbs that ask another actor to do their complement ("urged X to", "called on X to"): CAMEO 02.
    appeal_verbs: frozenset[str] = frozenset()
    # CAMEO roots of acts an appeal or demand "for" a noun asks of another ("called for an
    # investigation": 090 asked, not done): the appeal is the record, the act its announced code.
    asked_for_roots: tuple[str, ...] = ()
    # Phrasal verbs ("rule out") that negate their complement, as "lemma particle".
    negation_phrasal: frozenset[str] = frozenset()
    # CAMEO roots a reporting verb never has, whatever a dictionary pattern says ("stressed X in
    # talks with Y" is a statement made in a meeting, not a negotiation).
    reporting_never: frozenset[str] = frozenset()
    inclusive_subjects: frozenset[str] = frozenset()
    rebuttal_verbs: frozenset[str] = frozenset()
    # Verbs of telling or confirming whose reported clause a negated telling leaves unconfirmed.
    unconfirming_verbs: frozenset[str] = frozenset()
    hypothetical_adjectives: frozenset[str] = frozenset()  # "a possible strike"
    condition_nouns: frozenset[str] = frozenset()
    demand_verbs: frozenset[str] = frozenset()  # "pressured X to": a demand (10x), not an appeal
    wishing_verbs: frozenset[str] = frozenset()  # "wants the government to resign": not done
    ordering_verbs: frozenset[str] = frozenset()  # "told the police to arrest": a demand by a to-infinitive
    binding_sectors: tuple[str, ...] = ()  # a court's order is the act ordered
    necessity_verbs: frozenset[str] = frozenset()  # "we need to fight for": no demand
    binding_verbs: frozenset[str] = frozenset()
    # "I would urge anyone to contact police": a speaker's "would" on these verbs is politeness,
    # the act is done as it is said
    performative_would: frozenset[str] = frozenset()
    passive_reporting: frozenset[str] = frozenset()  # "was said to have been injured": alleged
    performative_wanting: frozenset[str] = frozenset()  # "I want to express my sympathy": done as said
    aspectual_verbs: frozenset[str] = frozenset()  # "started attacking": the complement is the act
    consider_verbs: frozenset[str] = frozenset()  # "is considering sending aid": CAMEO 014
    negated_ability: frozenset[str] = frozenset()  # "could not reach": a fact negated, not a possibility
    # "the spokesman said it had carried out the attack": an armed group's claim of responsibility (015)
    responsibility_verbs: frozenset[str] = frozenset()
    responsibility_codes: tuple[str, ...] = ()
    responsibility_claimants: tuple[str, ...] = ()
    # "without reaching an agreement": a gerund's act these prepositions keep from being done
    negation_gerund_prepositions: frozenset[str] = frozenset()
    # "have yet to reach a deal": the adverb and the verbs it makes a not-yet of their to-infinitive
    not_yet_adverbs: frozenset[str] = frozenset()
    not_yet_verbs: frozenset[str] = frozenset()  # "in case of", "in the event of"  # "dismissed the accusation": the accused rebuts it  # "both sides must": an obligation the speaker shares


def _read(name: str) -> dict:
    path = files("accord").joinpath("resources", "events", name)
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}
    except yaml.YAMLError as exc:
        raise LexiconError(f"accord/resources/events/{name}: not valid YAML ({exc})") from exc


def _words(value) -> frozenset[str]:
    if value is None:
        return frozenset()
    if isinstance(value, str):
        value = [value]
    # Multi-word objects ("video call") are matched on their head noun, the last word.
    return frozenset(str(v).split()[-1].lower() for v in value)


def _objects(value) -> frozenset[str]:
    """An entry's object nouns: a list, or "@name" for a word list of arguments.yaml shared with
    other rules ("@agreement_nouns": one list of agreement nouns that "signed", "reached",
    "struck" and the agreement-partner rule all read)."""
    if isinstance(value, str) and value.startswith("@"):
        words = _argument_words(value[1:])
        if not words:
            raise LexiconError(f"lexicon.yaml: object {value!r} names no word list of arguments.yaml")
        return words
    return _words(value)


def _pattern(entry: dict, where: str, nominal: bool) -> Pattern:
    try:
        code = str(entry["code"])
        lookup(code)
    except KeyError:
        raise LexiconError(f"{where}: entry has no 'code': {entry}") from None
    except ValueError as exc:
        raise LexiconError(f"{where}: {exc}") from None
    lemmas = _words(entry.get("lemma"))
    if not lemmas:
        raise LexiconError(f"{where}: entry has no 'lemma': {entry}")
    return Pattern(
        lemmas=lemmas,
        code=code,
        target=tuple(entry.get("target") or ()),
        objects=_objects(entry.get("object")),
        via=_objects(entry.get("via")),
        reciprocal=bool(entry.get("reciprocal")),
        travel=bool(entry.get("travel")),
        partner=bool(entry.get("partner")),
        requires_target=bool(entry.get("requires_target")),
        requires_target_or_plural=bool(entry.get("requires_target_or_plural")),
        nominal=nominal,
        standalone=bool(entry.get("standalone")),
        needs=tuple(entry.get("needs") or ()),
        fallback=bool(entry.get("fallback")),
        modifiers=_words(entry.get("modifiers")),
        excluded_modifiers=_words(entry.get("excluded_modifiers")),
        source=tuple(entry.get("source") or ("poss",)),
        direct=bool(entry.get("direct")),
        plover=_plover(entry.get("plover"), where),
        announced=_announced(entry.get("announced"), where),
        doers=tuple(entry.get("doers") or ()),
    )


def _announced(value: Any, where: str) -> str | None:
    """`announced: "0831"` (a CAMEO code, quoted)."""
    if value is None:
        return None
    if not isinstance(value, str) or not value.isdigit():
        raise LexiconError(f"{where}: 'announced' must be a quoted CAMEO code: {value!r}")
    return value


def _plover(value: Any, where: str) -> tuple[str, str | None] | None:
    """`plover: RETREAT/resign` (type, optional mode)."""
    if value is None:
        return None
    kind, _, mode = str(value).partition("/")
    if not kind.isupper():
        raise LexiconError(f"{where}: plover {value!r} is not TYPE or TYPE/mode")
    return kind, mode or None


def _index(data: dict, section: str, nominal: bool) -> dict[str, list[Pattern]]:
    """Lemma -> patterns of one section of lexicon.yaml, in file order."""
    index: dict[str, list[Pattern]] = {}
    for n, entry in enumerate(data.get(section) or (), 1):
        p = _pattern(entry, f"lexicon.yaml {section}[{n}]", nominal=nominal)
        for lemma in p.lemmas:
            index.setdefault(lemma, []).append(p)
    return index


@lru_cache(maxsize=1)
def load_lexicon() -> tuple[dict[str, list[Pattern]], dict[str, list[Pattern]]]:
    """(verb lemma -> patterns, most specific first; noun lemma -> nominal patterns)."""
    data = _read("lexicon.yaml")
    verbs, nouns = (_index(data, section, nominal) for section, nominal in (("verbs", False), ("nominals", True)))
    for patterns in (*verbs.values(), *nouns.values()):
        # A sense that needs an argument is tried before one that does not ("held exercises with
        # Russia" before "held military exercises"); ties keep the file's order.
        patterns.sort(key=lambda p: -(p.specificity + (1 if p.needs else 0)))
    return verbs, nouns


@lru_cache(maxsize=1)
def load_modality() -> ModalityCues:
    d = _read("modality.yaml")
    neg, alleged, hyp, fut, rep, frames = (d.get(k) or {} for k in ("negation", "alleged", "hypothetical", "future",
                                                                     "reporting", "frames"))
    threat, obligation, realizing = (d.get(k) or {} for k in ("threat", "obligation", "realizing"))
    responsibility = d.get("responsibility") or {}
    intent, appeal, demand, consider = (d.get(k) or {} for k in ("intent", "appeal", "demand", "consider"))
    def low(value) -> frozenset[str]:
        words = list(value or ())
        for w in words:
            if not isinstance(w, str):  # a bare no/yes/on/off in YAML is a boolean, not a word
                raise LexiconError(f"accord/resources/events/modality.yaml: {w!r} is not a word; quote it")
        return frozenset(w.lower() for w in words)

    return ModalityCues(
        negation_dependents=low(neg.get("dependents")),
        negation_object_determiners=low(neg.get("object_determiners")),
        negation_verbs=low(neg.get("governing_verbs")) | low(neg.get("governing_adjectives")),
        alleged_verbs=low(alleged.get("governing_verbs")),
        alleged_adverbs=low(alleged.get("adverbs")),
        hypothetical_aux=low(hyp.get("auxiliaries")),
        hypothetical_markers=low(hyp.get("markers")),
        hypothetical_verbs=low(hyp.get("governing_verbs")),
        future_aux=low(fut.get("auxiliaries")),
        future_verbs=low(fut.get("governing_verbs")),
        content_nouns=low(fut.get("content_nouns")),
        refusal_verbs=low(neg.get("refusal_verbs")),
        reporting_verbs=low(rep.get("verbs")),
        frame_verbs=low(frames.get("verbs")),
        threat_verbs=low(threat.get("verbs")),
        obligation_aux=low(obligation.get("auxiliaries")),
        realizing_verbs=low(realizing.get("verbs")),
        alleged_nouns=low(alleged.get("nouns")),
        intent_verbs=low(intent.get("verbs")),
        appeal_verbs=low(appeal.get("verbs")),
        asked_for_roots=tuple(str(c) for c in appeal.get("asked_for_roots") or ()),
        negation_phrasal=low(neg.get("phrasal_verbs")),
        negation_gerund_prepositions=low(neg.get("gerund_prepositions")),
        not_yet_adverbs=low(neg.get("not_yet_adverbs")),
        not_yet_verbs=low(neg.get("not_yet_verbs")),
        reporting_never=low(rep.get("never_codes")),
        inclusive_subjects=low(obligation.get("inclusive_subjects")),
        necessity_verbs=low(obligation.get("necessity_verbs")),
        rebuttal_verbs=low(neg.get("rebuttal_verbs")),
        unconfirming_verbs=low(rep.get("unconfirming")),
        hypothetical_adjectives=low(hyp.get("adjectives")),
        condition_nouns=low(hyp.get("condition_nouns")),
        demand_verbs=low(demand.get("verbs")),
        ordering_verbs=low(demand.get("ordering")),
        binding_sectors=tuple(str(c).upper() for c in (demand.get("binding") or {}).get("sectors") or ()),
        binding_verbs=low((demand.get("binding") or {}).get("verbs")),
        wishing_verbs=low(hyp.get("wishing_verbs")),
        consider_verbs=low(consider.get("verbs")),
        performative_would=low(hyp.get("performative_would")),
        passive_reporting=low(alleged.get("passive_reporting")),
        performative_wanting=low(hyp.get("performative_wanting")),
        aspectual_verbs=low(frames.get("aspectual")),
        negated_ability=low(hyp.get("negated_ability")),
        responsibility_verbs=low(responsibility.get("verbs")),
        responsibility_codes=tuple(str(c) for c in responsibility.get("codes") or ()),
        responsibility_claimants=tuple(str(c).upper() for c in responsibility.get("claimants") or ()),
    )


@lru_cache(maxsize=1)
def load_intent() -> tuple[dict[str, str], dict[str, str], dict[str, str], dict[str, str]]:
    """(code prefix -> intent code, -> rejection code, -> demand code, -> appeal code) from intent.yaml."""
    d = _read("intent.yaml")
    out = []
    for key in ("intent", "negated_intent", "demand", "appeal"):
        table = {str(k): str(v) for k, v in (d.get(key) or {}).items()}
        for prefix, code in table.items():
            try:
                lookup(code)
            except ValueError as exc:
                raise LexiconError(f"accord/resources/events/intent.yaml {key}[{prefix}]: {exc}") from None
        out.append(table)
    return out[0], out[1], out[2], out[3]


def _by_prefix(table: dict[str, str], code: str) -> str | None:
    for n in (4, 3, 2):
        if code[:n] in table:
            return table[code[:n]]
    return None


def intent_code(code: str, negated: bool) -> str | None:
    """The CAMEO code of the intent an announced event expresses, by longest prefix."""
    intent, refusal = load_intent()[:2]
    return _by_prefix(refusal if negated else intent, code)


def demand_code(code: str) -> str:
    """The CAMEO code of demanding that someone do the event ("Y must release X" -> 1053)."""
    return _by_prefix(load_intent()[2], code) or "100"


def appeal_code(code: str) -> str:
    """The CAMEO code of appealing to someone to do the event ("urged X to release Y" -> 0253)."""
    return _by_prefix(load_intent()[3], code) or "020"


def threat_code(code: str) -> str:
    """The CAMEO code of threatening to do the event: its intent when that is a threat
    ("threatened to impose sanctions" -> 1312), else 130."""
    intent = intent_code(code, False)
    return intent if intent and intent.startswith("13") else "130"


@dataclass(frozen=True, slots=True)
class OneActorPolicy:
    """Which events are records with no target (resources/events/one_actor.yaml)."""

    codes: tuple[str, ...]
    dictionary_defaults: tuple[str, ...]
    intents_needing_partner: tuple[str, ...] = ()
    authored_object_codes: tuple[str, ...] = ()
    authored_objects: frozenset[str] = frozenset()
    agentless_codes: tuple[str, ...] = ()
    agentless_charge_verbs: frozenset[str] = frozenset()
    agentless_doers: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (code prefix, sectors)

    def agentless_doer_sectors(self, code: str) -> tuple[str, ...]:
        """The sectors of the actors that may have done an agentless legal act of `code`."""
        for prefix, sectors in self.agentless_doers:
            if code.startswith(prefix):
                return sectors
        return ()

    def agentless(self, code: str) -> bool:
        """A legal act whose agentless passive is a record with no source ("was convicted")."""
        return bool(self.agentless_codes) and code.startswith(self.agentless_codes)

    def unknown_author(self, code: str, obj: Any) -> bool:
        """A disapproval or rejection of what an actor made or said ("criticized the decision")
        whose author no actor resolved: no one-actor record."""
        return obj is not None and code.startswith(self.authored_object_codes) \
            and obj.lemma_.lower() in self.authored_objects \
            and not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in obj.children)  # "its ruling": its own

    def allows(self, code: str, from_dictionary: bool, specificity: int) -> bool:
        if not code.startswith(self.codes):
            return False
        return not from_dictionary or specificity > 0 or code.startswith(self.dictionary_defaults)


@lru_cache(maxsize=1)
def load_one_actor() -> OneActorPolicy:
    d = _read("one_actor.yaml")
    out = []
    for key in ("codes", "dictionary_defaults", "intents_needing_partner", "authored_object_codes", "agentless_codes"):
        prefixes = tuple(str(c) for c in d.get(key) or ())
        for prefix in prefixes:
            if not prefix.isdigit():
                raise LexiconError(f"accord/resources/events/one_actor.yaml {key}: {prefix!r} is not a CAMEO code prefix; quote it")
        out.append(prefixes)
    codes, defaults, partner, authored, agentless = out
    return OneActorPolicy(codes, defaults, partner, authored,
                          authored_objects=frozenset(str(w).lower() for w in d.get("authored_objects") or ()),
                          agentless_codes=agentless,
                          agentless_charge_verbs=frozenset(str(w).lower() for w in d.get("agentless_charge_verbs") or ()),
                          agentless_doers=tuple((str(k), tuple(str(v).upper() for v in vs))
                                                for k, vs in (d.get("agentless_doers") or {}).items()))


@lru_cache(maxsize=1)
def _arguments_file() -> dict:
    """arguments.yaml, read once for all its word lists."""
    return _read("arguments.yaml")


def _argument_words(key: str) -> frozenset[str]:
    words = _arguments_file().get(key) or ()
    for w in words:
        if not isinstance(w, str):
            raise LexiconError(f"accord/resources/events/arguments.yaml {key}: {w!r} is not a word; quote it")
    return frozenset(w.lower() for w in words)


@lru_cache(maxsize=1)
def load_collective_heads() -> frozenset[str]:
    """Quantity and collective nouns whose "of" phrase names the actor (arguments.yaml)."""
    return _argument_words("collective_heads")


@lru_cache(maxsize=1)
def load_protest_nouns() -> frozenset[str]:
    """Protests whose participle's demand is made by whoever holds the protest (arguments.yaml)."""
    return _argument_words("protest_nouns")


def load_message_nouns() -> frozenset[str]:
    """Messages whose participle's act is done by whoever made the message (arguments.yaml)."""
    return _argument_words("message_nouns")


@lru_cache(maxsize=1)
def load_message_verbs() -> frozenset[str]:
    """Verbs that make or send a message, so that its maker is their subject (arguments.yaml)."""
    return _argument_words("message_verbs")


@lru_cache(maxsize=1)
def load_message_author_prepositions() -> frozenset[str]:
    """Prepositions of a message's own author ("a letter from the senator"), who made it whoever
    published or sent it (arguments.yaml)."""
    return _argument_words("message_author_prepositions")


@lru_cache(maxsize=1)
def load_instrument_subjects() -> frozenset[str]:
    """Weapons and attacks whose doer is the doer of the harm they are the subject of (arguments.yaml)."""
    return _argument_words("instrument_subjects")


@lru_cache(maxsize=1)
def load_responsibility_adjectives() -> frozenset[str]:
    """Adjectives naming who is responsible for an act ("responsible for the killings";
    arguments.yaml)."""
    return _argument_words("responsibility_adjectives")


@lru_cache(maxsize=1)
def load_infinitive_partner_prepositions() -> frozenset[str]:
    """Prepositions on a noun's infinitive that name whom the act it invites or offers is done
    with ("an invitation to meet with Kim Jong Un"; arguments.yaml)."""
    return _argument_words("infinitive_partner_prepositions")


@lru_cache(maxsize=1)
def load_sending_verbs() -> frozenset[str]:
    """Verbs of sending people somewhere, whose purpose clause's act is done there ("sent experts
    to Saudi Arabia to investigate"; arguments.yaml)."""
    return _argument_words("sending_verbs")


@lru_cache(maxsize=1)
def load_agent_heads() -> frozenset[str]:
    """Nouns for people or bodies that their actor modifier names ("NATO allies"; arguments.yaml)."""
    return _argument_words("agent_heads")


@lru_cache(maxsize=1)
def load_naming_participles() -> frozenset[str]:
    """Participles that name what the act's object is called; a date below them dates the act (arguments.yaml)."""
    return _argument_words("naming_participles")


@lru_cache(maxsize=1)
def load_background_adverbs() -> frozenset[str]:
    """Adverbs that put a past act before the reporting period (arguments.yaml)."""
    return _argument_words("background_adverbs")


@lru_cache(maxsize=1)
def load_frequency_words() -> frozenset[str]:
    """Words that count how often a perfect's act was done: experience, background (arguments.yaml)."""
    return _argument_words("frequency_words")


@lru_cache(maxsize=1)
def load_judged_for() -> tuple[frozenset[str], frozenset[str]]:
    """Verbs of a judgment, arrest or charge and the prepositions of what it is for (arguments.yaml)."""
    return _argument_words("judged_for_verbs"), _argument_words("judged_for_prepositions")


@lru_cache(maxsize=1)
def load_immediacy_adverbs() -> frozenset[str]:
    """Adverbs that tell an act as done at once, a reaction to the news (arguments.yaml)."""
    return _argument_words("immediacy_adverbs")


@lru_cache(maxsize=1)
def load_dated_by_report_codes() -> tuple[str, ...]:
    """CAMEO code prefixes of acts a dated report of them dates to its day (arguments.yaml)."""
    return tuple(sorted(_argument_words("dated_by_report_codes")))


@lru_cache(maxsize=1)
def load_accused_act_nouns() -> frozenset[str]:
    """Nouns of an accusation whose clause tells an act done before it (arguments.yaml)."""
    return _argument_words("accused_act_nouns")


@lru_cache(maxsize=1)
def load_gerund_time_prepositions() -> frozenset[str]:
    """Prepositions whose gerund takes its tense from the verb they modify ("Before resigning, he
    appointed", arguments.yaml)."""
    return _argument_words("gerund_time_prepositions")


@lru_cache(maxsize=1)
def load_quote_day_words() -> frozenset[str]:
    """Day words that count from when a quotation was spoken ("yesterday", arguments.yaml)."""
    return _argument_words("quote_day_words")


@lru_cache(maxsize=1)
def load_same_time_complement_verbs() -> frozenset[str]:
    """Verbs whose complement's act is done when they are ("helped facilitate", arguments.yaml)."""
    return _argument_words("same_time_complement_verbs")


@lru_cache(maxsize=1)
def load_earlier_occasion() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Prepositions, determiners and nouns of a phrase pointing back at an occasion ("in that
    event", arguments.yaml)."""
    return (_argument_words("earlier_occasion_prepositions"), _argument_words("earlier_occasion_determiners"),
            _argument_words("earlier_occasion_nouns"))


@lru_cache(maxsize=1)
def load_happening_reference() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """Prepositions (on the day; in the month), determiners, pronouns and nouns of a phrase pointing
    back at a happening the text dated ("in it", "before the conversation", arguments.yaml)."""
    return (_argument_words("happening_reference_prepositions"),
            _argument_words("happening_reference_near_prepositions"),
            _argument_words("happening_reference_determiners"), _argument_words("happening_reference_pronouns"),
            _argument_words("happening_nouns"))


@lru_cache(maxsize=1)
def load_incident_words() -> tuple[frozenset[str], frozenset[str]]:
    """Nouns naming an incident of force or its doer, and the determiners that point back at it
    ("the attacker", arguments.yaml incident_nouns)."""
    return _argument_words("incident_nouns"), _argument_words("incident_determiners")


@lru_cache(maxsize=1)
def load_history_nouns() -> frozenset[str]:
    """Nouns of all time past: a perfect over them tells experience ("in the history of", arguments.yaml)."""
    return _argument_words("history_nouns")


@lru_cache(maxsize=1)
def load_spell_prepositions() -> frozenset[str]:
    """Prepositions of a span an act was done over ("for years", "in the last few years", arguments.yaml)."""
    return _argument_words("spell_prepositions")


@lru_cache(maxsize=1)
def load_sequence_adverbs() -> frozenset[str]:
    """Adverbs that put a conjunct after its dated head ("and later banned", arguments.yaml)."""
    return _argument_words("sequence_adverbs")


@lru_cache(maxsize=1)
def load_same_time_markers() -> frozenset[str]:
    """Words opening a clause of the same time as the one it modifies ("when", arguments.yaml)."""
    return _argument_words("same_time_markers")


@lru_cache(maxsize=1)
def load_level_adverbs() -> frozenset[str]:
    """Adverbs that open a "to" phrase of a level ("down to five years"), no particle (arguments.yaml)."""
    return _argument_words("level_adverbs")


@lru_cache(maxsize=1)
def load_criticized_acts() -> frozenset[str]:
    """Acts of violence whose criticism is aimed at their doer, not their victims (arguments.yaml)."""
    return _argument_words("criticized_acts")


@lru_cache(maxsize=1)
def load_topic_verbs() -> frozenset[str]:
    """Verbs whose object's owner is a topic, not a partner of a consultation (arguments.yaml)."""
    return _argument_words("topic_verbs")


@lru_cache(maxsize=1)
def load_appositive_heads() -> frozenset[str]:
    """Nouns for people or bodies that their appositive names ("its director, John Smith"), with the agent heads (arguments.yaml)."""
    return _argument_words("appositive_heads") | load_agent_heads()


@lru_cache(maxsize=1)
def load_recipient_prepositions() -> frozenset[str]:
    """Prepositions of whom released people are handed to ("to the Red Cross"; arguments.yaml)."""
    return _argument_words("recipient_prepositions")


@lru_cache(maxsize=1)
def load_act_nouns() -> dict[str, tuple[str, ...]]:
    """Nouns naming an earlier act by its kind -> the CAMEO code prefixes (roots, or a code) of the
    records they can name (arguments.yaml `act_nouns`)."""
    table = _arguments_file().get("act_nouns") or {}
    return {str(k).lower(): tuple(str(r) for r in v) for k, v in table.items()}


@lru_cache(maxsize=1)
def load_opposed_thing_prepositions() -> frozenset[str]:
    """Prepositions of the thing an act of conflict opposes ("a lawsuit against the emergency Trump
    declared"): a relative clause on it names its doer, the target (arguments.yaml)."""
    return _argument_words("opposed_thing_prepositions")


@lru_cache(maxsize=1)
def load_occasion_nouns() -> frozenset[str]:
    """Nouns that count occasions ("for the first time"): a time phrase, never a target (arguments.yaml)."""
    return _argument_words("occasion_nouns")


@lru_cache(maxsize=1)
def load_visited_sites() -> frozenset[str]:
    """Buildings and sites a visit is paid to: the place, not an institution (arguments.yaml)."""
    return _argument_words("visited_sites")


@lru_cache(maxsize=1)
def load_membership_prepositions() -> frozenset[str]:
    """Prepositions that say whom unresolved people belong to ("members of Hamas"): their actor (arguments.yaml)."""
    return _argument_words("membership_prepositions")


@lru_cache(maxsize=1)
def load_place_prepositions() -> frozenset[str]:
    """Prepositions of a place phrase inside a cooperative act's object: where, not to whom (arguments.yaml)."""
    return _argument_words("place_prepositions")


@lru_cache(maxsize=1)
def load_purpose_verbs() -> frozenset[str]:
    """Verbs of a purpose clause whose object receives the aid given (arguments.yaml)."""
    return _argument_words("purpose_verbs")


@lru_cache(maxsize=1)
def load_suit_codes() -> tuple[str, ...]:
    """CAMEO codes (prefixes) of a lawsuit, whose purpose infinitive is its aim (arguments.yaml)."""
    return tuple(sorted(_argument_words("suit_codes")))


@lru_cache(maxsize=1)
def load_purpose_causative_verbs() -> frozenset[str]:
    """Causative verbs of a purpose clause whose object the act is aimed at (arguments.yaml)."""
    return _argument_words("purpose_causative_verbs")


@lru_cache(maxsize=1)
def load_free_relative_naming_verbs() -> frozenset[str]:
    """Verbs of a free relative that only name something ("what it called"; arguments.yaml)."""
    return _argument_words("free_relative_naming_verbs")


@lru_cache(maxsize=1)
def load_served_mission_words() -> frozenset[str]:
    """Words of a mission that serves the country its "in" phrase names ("peacekeeping"; arguments.yaml)."""
    return _argument_words("served_mission_words")


@lru_cache(maxsize=1)
def load_topic_prepositions() -> frozenset[str]:
    """Prepositions of what coordinated doers act on together, not with whom (arguments.yaml)."""
    return _argument_words("topic_prepositions")


@lru_cache(maxsize=1)
def load_attitude_gerund_prepositions() -> frozenset[str]:
    """Prepositions after which a gerund's object says what an attitude word is about
    ("pessimism over holding talks with the US"; arguments.yaml)."""
    return _argument_words("attitude_gerund_prepositions")


@lru_cache(maxsize=1)
def load_reported_attitudes() -> dict[str, str]:
    """Adjective -> CAMEO code of a speaker's own reported attitude ("said it is skeptical of":
    012; arguments.yaml reported_attitudes)."""
    table = _arguments_file().get("reported_attitudes") or {}
    out: dict[str, str] = {}
    for code, adjectives in table.items():
        if not isinstance(code, str) or not isinstance(adjectives, list):
            raise LexiconError(f"accord/resources/events/arguments.yaml reported_attitudes: {code!r} needs a quoted code and a list")
        out.update((a.lower(), code) for a in adjectives)
    return out


@lru_cache(maxsize=1)
def load_purpose_place_prepositions() -> frozenset[str]:
    """Prepositions putting an aid's purpose clause in a country that receives it ("to promote
    development in Ethiopia"; arguments.yaml)."""
    return _argument_words("purpose_place_prepositions")


@lru_cache(maxsize=1)
def load_direction_prepositions() -> frozenset[str]:
    """Prepositions that put an actor on the act as what it is done to, when the pattern's
    target slots name none ("strike against the new laws"; arguments.yaml)."""
    return _argument_words("direction_prepositions")


@lru_cache(maxsize=1)
def load_force_aim_verbs() -> frozenset[str]:
    """Verbs of force that aim at whom their "on"/"at" phrase names ("fired on protesters",
    "landed a live round on a protester"; arguments.yaml)."""
    return _argument_words("force_aim_verbs")


@lru_cache(maxsize=1)
def load_force_aim_prepositions() -> frozenset[str]:
    """The prepositions by which those verbs name whom they aim at (arguments.yaml)."""
    return _argument_words("force_aim_prepositions")


@lru_cache(maxsize=1)
def load_adjunct_prepositions() -> frozenset[str]:
    """Prepositions of a verb's time or place phrase, which names no part of the act (arguments.yaml)."""
    return _argument_words("adjunct_prepositions")


@lru_cache(maxsize=1)
def load_releasing_verbs() -> frozenset[str]:
    """Verbs of a release whose passive names the holder elsewhere (arguments.yaml)."""
    return _argument_words("releasing_verbs")


@lru_cache(maxsize=1)
def load_expelling_verbs() -> frozenset[str]:
    """Verbs of an expulsion whose agentless passive is done by the country it is out of (arguments.yaml)."""
    return _argument_words("expelling_verbs")


@lru_cache(maxsize=1)
def load_holding_words() -> frozenset[str]:
    """Words of holding someone captive, whose agent or place names the holder (arguments.yaml)."""
    return _argument_words("holding_words")


@lru_cache(maxsize=1)
def load_enabling_verbs() -> frozenset[str]:
    """Verbs by which a law or a plan lets someone act ("the bill would allow China to extradite"; arguments.yaml)."""
    return _argument_words("enabling_verbs")


@lru_cache(maxsize=1)
def load_instrument_nouns() -> frozenset[str]:
    """Nouns of laws, plans and agreements: what they let someone do is no act (arguments.yaml)."""
    return _argument_words("instrument_nouns")


@lru_cache(maxsize=1)
def load_measure_heads() -> frozenset[str]:
    """Nouns that measure an amount of what their "of" phrase names ("tons of medicine"; arguments.yaml)."""
    return _argument_words("measure_heads")


@lru_cache(maxsize=1)
def load_agreement_prepositions() -> frozenset[str]:
    """Prepositions that place an act after an agreement ("after", "following"; arguments.yaml)."""
    return _argument_words("agreement_prepositions")


@lru_cache(maxsize=1)
def load_agreement_nouns() -> frozenset[str]:
    """Nouns of an agreement whose "with" phrase names the other side (arguments.yaml)."""
    return _argument_words("agreement_nouns")


@lru_cache(maxsize=1)
def load_coordinated_place_prepositions() -> frozenset[str]:
    """Prepositions of a place phrase that coordinated event nouns share (arguments.yaml)."""
    return _argument_words("coordinated_place_prepositions")


@lru_cache(maxsize=1)
def load_overridden_request_prepositions() -> frozenset[str]:
    """Prepositions of a request a refusal goes against ("despite", arguments.yaml)."""
    return _argument_words("overridden_request_prepositions")


@lru_cache(maxsize=1)
def load_request_nouns() -> frozenset[str]:
    """Nouns of a request whose maker a refusal against it is done to (arguments.yaml)."""
    return _argument_words("request_nouns")


@lru_cache(maxsize=1)
def load_request_maker_prepositions() -> frozenset[str]:
    """Prepositions naming who made a request ("from", "by"; arguments.yaml)."""
    return _argument_words("request_maker_prepositions")


@lru_cache(maxsize=1)
def load_passive_agents() -> dict[str, tuple[str, ...]]:
    """Acts only one kind of institution does -> that institution's sectors (arguments.yaml
    `passive_agents`, by the verb's lemma)."""
    table = _arguments_file().get("passive_agents") or {}
    return {str(k).lower(): tuple(str(s).upper() for s in v) for k, v in table.items()}


@lru_cache(maxsize=1)
def load_passive_agent_pronouns() -> frozenset[str]:
    """Pronouns never taken as the naming of a passive's agent (arguments.yaml)."""
    return _argument_words("passive_agent_pronouns")


@lru_cache(maxsize=1)
def load_response_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The nouns of an answer ("response", "retaliation"), the prepositions after them ("to",
    "for") and those naming the doer of the act answered ("from", "by") (arguments.yaml)."""
    return (_argument_words("response_nouns"), _argument_words("response_prepositions"),
            _argument_words("response_doer_prepositions"))


@dataclass(frozen=True)
class JudicialStages:
    """The stages of a judicial process in order (arguments.yaml judicial_stages), with the words
    of a request put to a court and the marks of a step told after a judgment."""

    verbs: tuple[frozenset[str], ...]
    nouns: tuple[frozenset[str], ...]
    found: tuple[frozenset[str], ...]
    court_nouns: frozenset[str]
    court_request_verbs: frozenset[str]
    case_opening_verbs: frozenset[str]
    ruling_prepositions: frozenset[str]
    after_marks: frozenset[str]


@lru_cache(maxsize=1)
def load_judicial_stages() -> JudicialStages:
    stages = _arguments_file().get("judicial_stages") or ()

    def words(key: str) -> tuple[frozenset[str], ...]:
        return tuple(frozenset(str(w).lower() for w in (s.get(key) or ())) for s in stages)

    return JudicialStages(words("verbs"), words("nouns"), words("found"), _argument_words("court_nouns"),
                          _argument_words("court_request_verbs"), _argument_words("case_opening_verbs"),
                          _argument_words("ruling_prepositions"),
                          _argument_words("judicial_after_marks"))


@lru_cache(maxsize=1)
def load_incident_reaction() -> tuple[tuple[str, ...], frozenset[str]]:
    """CAMEO code prefixes of a reaction to an incident (a claim of responsibility, an accusation)
    and the nouns of an incident's act that a date may govern (arguments.yaml)."""
    return tuple(sorted(_argument_words("incident_reaction_codes"))), _argument_words("incident_act_nouns")
