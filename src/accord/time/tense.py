"""Which verb governs a time expression, and in which tense: past vs future for "in September".

A month or day name leaves its year or week open; news resolves it by tense ("met in September"
is the last September, "will meet in September" the next one). The governing verb is found by
walking `token.head` from the expression's root up to the first VERB or AUX; its tense comes
from its morphology and auxiliaries ("will"/"would"/"'ll", "going to", "is due to" -> future;
a past form or a past/perfect auxiliary -> past; a present form -> present).
"""

from __future__ import annotations

from typing import Any

from ..analysis.syntax import verb_above

PAST, PRESENT, FUTURE = "PAST", "PRESENT", "FUTURE"

FUTURE_AUX = frozenset({"will", "'ll", "\u2019ll", "wo", "shall", "would", "'d"})
# Modals that put an event ahead of the moment of speaking ("talks may resume in May").
MODAL_FUTURE = frozenset({"may", "might", "could", "can", "should", "must", "ought"})
# "to"-infinitive under these is about a later time ("plans to visit in March", "due to begin").
FUTURE_GOVERNORS = frozenset(
    {
        "go", "going", "plan", "intend", "expect", "aim", "hope", "want", "schedule", "set",
        "due", "prepare", "vow", "pledge", "promise", "agree", "decide", "threaten", "propose",
        "wish", "mean", "likely", "ready", "poised", "about", "slate", "expected", "scheduled",
    }
)
_VERBISH = ("VERB", "AUX")


def expression_root(doc: Any, start: int, end: int) -> Any:
    """The token of doc[start:end] whose head lies outside the span (or that is the root)."""
    for t in doc[start:end]:
        h = t.head.i
        if h == t.i or h < start or h >= end:
            return t
    return doc[start]


def governing_verb(doc: Any, start: int, end: int) -> Any | None:
    """The first VERB/AUX on the head path above the token span doc[start:end], or None."""
    return verb_above(expression_root(doc, start, end), limit=64)


def tense_of(verb: Any, _depth: int = 0) -> str | None:
    """PAST, PRESENT, FUTURE or None (unknown) for a verb token."""
    if verb is None or _depth > 4:
        return None
    low = verb.lower_
    if low in FUTURE_AUX:
        return FUTURE
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    aux_lowers = {a.lower_ for a in auxes}
    if aux_lowers & FUTURE_AUX:
        return FUTURE
    if "to" in aux_lowers:
        head = verb.head
        if head.i == verb.i:
            return None
        gov = head if head.pos_ in _VERBISH or head.pos_ == "ADJ" else None
        if gov is None:
            return None
        gov_tense = _finite_tense(gov, _depth)
        if head.lemma_.lower() in FUTURE_GOVERNORS or head.lower_ in FUTURE_GOVERNORS:
            return FUTURE if gov_tense in (PRESENT, FUTURE, None) else None
        return gov_tense
    return _finite_tense(verb, _depth)


def _finite_tense(verb: Any, depth: int) -> str | None:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    for a in auxes:
        if a.lower_ in FUTURE_AUX:
            return FUTURE
    for a in auxes:
        if "Past" in a.morph.get("Tense"):
            return PAST
        if a.lemma_ == "have" or a.lower_ == "having":
            return PAST  # present perfect: "has met"; "having met" (the parser's lemma is "having")
    for a in auxes:
        if a.lower_ in MODAL_FUTURE:
            return FUTURE
    for a in auxes:
        if "Pres" in a.morph.get("Tense"):
            return PRESENT  # "is set for", "is meeting"
    if verb.tag_ == "VBG" and not auxes:
        # a participle clause ("showed the suspect heading ...") takes the tense of its head verb
        head = verb.head
        if head.i != verb.i and head.pos_ in _VERBISH:
            return tense_of(head, depth + 1)
        if verb.dep_ == "acl" and head.i != verb.i:
            # "charged with murder pertaining to a shooting on Saturday": a participle on a noun
            # takes the tense of the clause the noun is in
            return tense_of(verb_above(head), depth + 1)
        return None
    tense = verb.morph.get("Tense")
    if "Past" in tense:
        return PAST
    if "Pres" in tense:
        return PRESENT
    if verb.pos_ == "ADJ":
        # "is due/likely/set to ..." : the copula's tense
        head = verb.head
        if head.i != verb.i and head.pos_ in _VERBISH:
            return _finite_tense(head, depth + 1)
        for c in verb.children:
            if c.dep_ in ("cop", "aux"):
                return _finite_tense(c, depth + 1)
    return None


def span_tense(doc: Any, start: int, end: int) -> str | None:
    """The tense governing the time expression over tokens [start, end)."""
    return tense_of(governing_verb(doc, start, end))


NOUN_MODIFIER_DEPS = frozenset({"poss", "compound", "nmod", "amod", "npadvmod"})


def anchor_tense(doc: Any, start: int, end: int) -> str | None:
    """The tense that decides past vs future for a named period over tokens [start, end).

    A timex that modifies a noun ("Saturday's attack", "the March 17 explosion") dates that
    event, which news mostly reports after the fact: PAST unless the clause is in the future.
    Otherwise the tense of the governing verb.
    """
    root = expression_root(doc, start, end)
    t = span_tense(doc, start, end)
    if root.dep_ in NOUN_MODIFIER_DEPS and root.head.i != root.i and root.head.pos_ in ("NOUN", "PROPN"):
        return FUTURE if t == FUTURE else PAST
    return t


def dates_a_past_verb(doc: Any, start: int, end: int) -> bool:
    """Whether the time expression over tokens [start, end) dates a verb told as done in the past:
    a finite past verb ("met on March 1") or a passive or perfect with a past or perfect auxiliary
    ("was signed on March 1", "had met on March 1"); not a noun it modifies ("the March 13
    deadline") nor a participle with no auxiliary ("the debate scheduled for March 20")."""
    root = expression_root(doc, start, end)
    if root.dep_ in NOUN_MODIFIER_DEPS and root.head.i != root.i and root.head.pos_ in ("NOUN", "PROPN"):
        return False
    verb = governing_verb(doc, start, end)
    if verb is None or verb.lemma_.lower() in FUTURE_GOVERNORS or verb.lower_ in FUTURE_GOVERNORS:
        return False  # "was scheduled for March 20", "had planned for March 20": the date is what is planned
    if verb.tag_ == "VBD":
        return True
    return any(c.dep_ in ("aux", "auxpass") and ("Past" in c.morph.get("Tense") or c.lemma_ == "have")
               for c in verb.children)


def timex_verb(doc: Any, timex: Any) -> Any | None:
    """The verb governing a `Timex` (by its character span) in the doc it was tagged in."""
    span = doc.char_span(timex.span[0], timex.span[1], alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return governing_verb(doc, span.start, span.end)
