"""Small helpers over spaCy's dependency parse that several stages share."""

from __future__ import annotations

from typing import Any

# Clauses that take their subject from the clause they hang on when they have none:
# "Putin expressed ..., saying ...", "China has never denounced X or called for Y".
INHERIT_SUBJECT_DEPS = ("xcomp", "conj", "advcl", "pcomp", "acl")


def subject_of(verb: Any) -> tuple[Any | None, bool]:
    """(subject token, is_passive) of a verb, inherited through xcomp/conj/advcl chains."""
    node = verb
    for _ in range(4):
        for c in node.children:
            if c.dep_ == "nsubj":
                return c, False
            if c.dep_ == "nsubjpass":
                return c, node.i == verb.i
        if node.dep_ == "relcl":
            return node.head, False  # "negotiators who met": the noun the clause modifies
        if node.dep_ == "pcomp" and node.head.dep_ == "prep" and node.head.head.pos_ in ("VERB", "AUX"):
            # A gerund after a verb's preposition is done by the verb's object where it has one
            # ("accused North Korea of firing"), else by its subject ("North Korea was accused
            # of firing", "Iran refrained from attacking").
            governor = node.head.head
            controller = next((c for c in governor.children if c.dep_ == "dobj"), None) or next(
                (c for c in governor.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if controller is not None:
                return controller, False
            node = governor
            continue
        if node.dep_ in INHERIT_SUBJECT_DEPS and node.head.i != node.i:
            node = node.head
            continue
        break
    return None, False
