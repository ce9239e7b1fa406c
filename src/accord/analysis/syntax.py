"""Small helpers over spaCy's dependency parse that several stages share."""

from __future__ import annotations

from typing import Any

# Clauses that take their subject from the clause they hang on when they have none:
# "Putin expressed ..., saying ...", "China has never denounced X or called for Y"; a predicate
# adjective's complement is its subject's ("Egypt is willing to withdraw": Egypt withdraws).
INHERIT_SUBJECT_DEPS = ("xcomp", "conj", "advcl", "pcomp", "acl", "acomp")


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


VERBISH = ("VERB", "AUX")


def verb_above(tok: Any, limit: int = 6, or_root: bool = False) -> Any | None:
    """The first verb (VERB/AUX) above `tok` on its head path, `tok` itself excluded, looking at
    most `limit` heads up: the clause a word belongs to. None when the path reaches the root
    first (or, with `or_root`, the root itself: a verbless sentence's head stands for its clause;
    a root `tok` is then its own clause)."""
    node = tok
    for _ in range(limit):
        if node.head.i == node.i:
            return node if or_root else None
        node = node.head
        if node.pos_ in VERBISH:
            return node
    return node if or_root and node.head.i == node.i else None


def clause_verb(tok: Any) -> Any | None:
    """The verb of the clause `tok` is in (the sentence's root where no verb is above it): two
    words are in one clause when their `clause_verb` is the same token."""
    return verb_above(tok, limit=9, or_root=True)


def sentence_numbers(doc: Any) -> list[int]:
    """For every token index of `doc`, the number of its sentence (0-based)."""
    out = [0] * len(doc)
    for n, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            out[i] = n
    return out


def sentence_start_back(tok: Any, n: int) -> int:
    """The token index where the sentence `n` sentences before `tok`'s begins (the first
    sentence's start when there are fewer)."""
    starts = [s.start for s in tok.doc.sents if s.start <= tok.i]
    return starts[max(0, len(starts) - 1 - n)]
