"""Which words a time expression of the text belongs to, for the dates the event coder gives.

The tagger finds and normalises time expressions; the coder dates an act by the expression that
its clause governs. Some expressions date a word the parse does not put them on:

* `happening_anchors(noun)`: a happening noun ("talks", "visit", "speech") is dated by its own
  phrase and by the light verb that makes it happen ("held talks on Sunday", "talks were held on
  Sunday": the day hangs on "held"); `happening_verb(tok)`: a verb in the simple past that is
  itself a happening ("met on Monday ... At the meeting, ...");
* `happening_of_clause(clause, ...)`: the happening noun a relative clause "in which", "during
  which" tells what happened in ("held a phone call on Monday in which Putin criticized Kyiv").
* `simultaneous_participles(verb)`: "Speaking to reporters on Monday, the minister accused ...",
  "The minister, speaking on Monday, accused ...": a present participle clause with no subject,
  marker or perfect of its own, on the verb or on its subject, is done when the verb's act is;
* `dates_a_noun(root, anchors, verb)`: "condemned Sunday's attack": a possessive or compound time
  expression dates the noun it modifies, not the act whose object the noun is;
* `detached_time_head(prep)`: a time phrase after a participle clause set off by commas
  ("Chirac was convicted of corruption, stemming from his years as mayor, in 2011") is the
  sentence's, not the participle's: the parser hangs it on the clause it follows.

Word lists are data: `accord/resources/time/<lang>/anchoring.yaml`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import yaml

from .resources import RESOURCE_ROOT


@dataclass(frozen=True, slots=True)
class Anchoring:
    happening_light_verbs: frozenset[str]
    happening_verbs: frozenset[str]
    span_prepositions: frozenset[str]
    noun_time_dependencies: frozenset[str] = frozenset()
    same_time_object_verbs: frozenset[str] = frozenset()
    occasion_prepositions: frozenset[str] = frozenset()
    background_time_values: frozenset[str] = frozenset()
    background_time_value_digits: frozenset[int] = frozenset()
    earlier_occasion_adjectives: frozenset[str] = frozenset()
    former_adjectives: frozenset[str] = frozenset()
    planned_adjectives: frozenset[str] = frozenset()
    past_act_adjectives: frozenset[str] = frozenset()
    # planned and past-act adjectives together: an act a noun they modify names gets no day
    undated_noun_adjectives: frozenset[str] = frozenset()
    death_verbs: frozenset[str] = frozenset()
    death_particles: tuple[tuple[str, str], ...] = ()
    dead_adjectives: frozenset[str] = frozenset()
    perfect_background_adverbs: frozenset[str] = frozenset()
    means_prepositions: frozenset[str] = frozenset()
    definite_pointing_nouns: frozenset[str] = frozenset()
    span_end_prepositions: frozenset[str] = frozenset()
    span_ending_verbs: frozenset[str] = frozenset()
    offset_clause_marks: tuple[tuple[str, int], ...] = ()
    negated_span_starts: frozenset[str] = frozenset()
    offset_clause_units: tuple[tuple[str, int], ...] = ()


@functools.lru_cache(maxsize=None)
def load_anchoring(lang: str = "en") -> Anchoring:
    spec = yaml.safe_load((RESOURCE_ROOT / lang / "anchoring.yaml").read_text(encoding="utf-8")) or {}

    def words(key: str) -> frozenset[str]:
        out = spec.get(key) or ()
        for w in out:
            if not isinstance(w, str):
                raise ValueError(f"anchoring.yaml {key}: {w!r} is not a word; quote it")
        return frozenset(w.lower() for w in out)

    return Anchoring(happening_light_verbs=words("happening_light_verbs"), happening_verbs=words("happening_verbs"),
                     span_prepositions=words("span_prepositions"),
                     noun_time_dependencies=words("noun_time_dependencies"),
                     same_time_object_verbs=words("same_time_object_verbs"),
                     occasion_prepositions=words("occasion_prepositions"),
                     background_time_values=frozenset(str(v) for v in spec.get("background_time_values") or ()),
                     background_time_value_digits=frozenset(int(n) for n in spec.get("background_time_value_digits") or ()),
                     earlier_occasion_adjectives=words("earlier_occasion_adjectives"),
                     former_adjectives=words("former_adjectives"),
                     planned_adjectives=words("planned_adjectives"),
                     past_act_adjectives=words("past_act_adjectives"),
                     undated_noun_adjectives=words("planned_adjectives") | words("past_act_adjectives"),
                     death_verbs=words("death_verbs"),
                     dead_adjectives=words("dead_adjectives"),
                     perfect_background_adverbs=words("perfect_background_adverbs"),
                     means_prepositions=words("means_prepositions"),
                     definite_pointing_nouns=words("definite_pointing_nouns"),
                     span_end_prepositions=words("span_end_prepositions"),
                     span_ending_verbs=words("span_ending_verbs"),
                     negated_span_starts=words("negated_span_starts"),
                     offset_clause_marks=tuple(sorted((str(k).lower(), int(v))
                                                      for k, v in (spec.get("offset_clause_marks") or {}).items())),
                     offset_clause_units=tuple(sorted((str(k).lower(), int(v))
                                                      for k, v in (spec.get("offset_clause_units") or {}).items())),
                     death_particles=tuple(sorted((str(k).lower(), str(v).lower())
                                                  for k, v in (spec.get("death_particles") or {}).items())))


def happening_anchors(noun: Any, lang: str = "en") -> list[Any]:
    """The words whose time expressions date a happening noun: the noun, its participles ("a call
    made late last July") and the light verb it is the object or passive subject of ("held talks
    on Sunday", "the talks were held on Sunday")."""
    anchors = [noun] + [c for c in noun.children if c.dep_ == "acl"]
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass") and head.i != noun.i and head.pos_ in ("VERB", "AUX") \
            and head.lemma_.lower() in load_anchoring(lang).happening_light_verbs:
        anchors.append(head)
    return anchors


def happening_verb(tok: Any, lang: str = "en") -> bool:
    """A verb in the simple past that is a happening itself ("met", "visited"): what "the meeting"
    or "the visit" of a later sentence may point back at."""
    return tok.pos_ == "VERB" and tok.tag_ == "VBD" and tok.lemma_.lower() in load_anchoring(lang).happening_verbs


def happening_of_clause(clause: Any, nouns: frozenset[str], preps: frozenset[str]) -> Any | None:
    """The happening noun a relative clause tells what happened in: "a phone call on Monday in
    which Putin criticized Kyiv", "the talks, during which ..." (`preps`: in, during, at, with
    "which" as their object; `nouns`: the happening nouns). None otherwise."""
    noun = clause.head
    if clause.dep_ != "relcl" or noun.pos_ != "NOUN" or noun.lemma_.lower() not in nouns:
        return None
    for c in clause.children:
        if c.dep_ == "prep" and c.lower_ in preps and c.i < clause.i \
                and any(p.dep_ == "pobj" and p.lower_ == "which" for p in c.children):
            return noun
    return None


def simultaneous_participles(verb: Any) -> list[Any]:
    """The present participle clauses told as done when `verb`'s act is: "Speaking to reporters on
    Monday, the minister accused Israel", "The minister, speaking on Monday, accused Israel",
    "attacked the town, killing six on Tuesday": a VBG advcl of the verb or acl of its subject,
    with no subject, marker ("after", "while") or perfect ("having") of its own."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    out = []
    for c in list(verb.children) + [a for s in subjects for a in s.children]:
        if c.tag_ != "VBG" or c.dep_ not in ("advcl", "acl"):
            continue
        if any(k.dep_ in ("nsubj", "nsubjpass", "mark") or (k.dep_ == "aux" and k.lower_ == "having")
               for k in c.children):
            continue
        out.append(c)
    return out


def dates_a_noun(root: Any, anchors: set[int], verb: Any | None = None, lang: str = "en") -> bool:
    """Whether a time expression, given by its root token, dates a noun before it that is not one
    of `anchors` (token indices): "condemned Sunday's attack", "praised the July 25 call" (a
    possessive, name or compound of the noun: anchoring.yaml noun_time_dependencies). Not when
    `verb` (the act whose date is asked) is done when its object happens ("attended Sunday's
    summit": happening_light_verbs, same_time_object_verbs)."""
    a = load_anchoring(lang)
    head = root.head
    if root.dep_ not in a.noun_time_dependencies or head.i == root.i or head.i in anchors \
            or head.pos_ not in ("NOUN", "PROPN") or head.i < root.i:
        return False
    # only a noun the act is about: its object ("condemned Sunday's attack") or the object of a
    # preposition ("responsibility for last week's attack"); not its subject ("Sunday's attack
    # killed five", "On Friday Ford announced": the parser may hang the day on the name) nor a
    # happening the act is done in ("In last week's action, a judge sentenced ...")
    if head.dep_ == "pobj":
        if head.head.lower_ in a.occasion_prepositions:
            return False
    elif head.dep_ != "dobj":
        return False
    if verb is not None:
        lemma = verb.lemma_.lower()
        if lemma in a.happening_light_verbs or lemma in a.same_time_object_verbs:
            return False
    return True


_PARTICIPLE_TAGS = ("VBG", "VBN")


def detached_time_head(prep: Any) -> Any | None:
    """The word a time phrase belongs to when the parser hung it inside the participle clause
    before it, though a comma closes that clause: "was convicted of corruption, stemming from his
    years as mayor, in 2011" -> "convicted"; "arrested the man, accused of killing a guard in 2015,
    on Monday" -> "man" (whose verb is "arrested"). `prep` is the time phrase's preposition; the
    clause is a participle (advcl or acl, no subject of its own) opened by a comma, the comma just
    before `prep` is inside it and `prep`'s phrase ends it. None otherwise."""
    if prep.dep_ != "prep" or prep.i == 0:
        return None
    doc = prep.doc
    if doc[prep.i - 1].text != ",":
        return None
    node = prep.head
    for _ in range(6):
        if node.head.i == node.i:
            return None
        if node.tag_ in _PARTICIPLE_TAGS and node.dep_ in ("advcl", "acl") \
                and node.left_edge.i > 0 and doc[node.left_edge.i - 1].text == ",":
            ends = prep.right_edge.i == node.right_edge.i
            if ends and node.left_edge.i < prep.i - 1 \
                    and not any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
                return node.head
            return None
        if node.dep_ not in ("pcomp", "pobj", "prep", "xcomp", "dobj", "advcl", "acl", "conj"):
            return None
        node = node.head
    return None
