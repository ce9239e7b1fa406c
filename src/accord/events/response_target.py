"""An act done in answer to an actor's act or words is aimed at that actor (issue 12).

"In response to Cummings's death, Nancy Pelosi ordered the Capitol's flags be lowered": the honour
is done to Cummings; "the party withdrew its candidate in response to a statement from the King":
the withdrawal answers the King. An act with no target of its own, whose clause has an "in
response to" phrase (arguments.yaml `response_nouns`, `response_prepositions`), takes as target the
actor that phrase names: the act answered's possessor ("Cummings's death"), whom a "from" or "by"
phrase on it names ("a statement from the King"), or the actor named as the object itself ("in
response to Trump"). Never the act's own source, nor the media ("in response to questions from
reporters" is no act aimed at them).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..analysis.docview import view
from ..model import stable_id
from .lexicon import load_response_words

_MEDIA = "MED"


def _subject(tok: Any) -> Any | None:
    return next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _in_the_act_s_clause(host: Any, trigger: Any, source_start: int) -> bool:
    """The phrase on `host` belongs to the act: `host` is the trigger; or a word above it whose
    subject, if it has one, names the act's doer ("In response to X, Pelosi ordered the flags
    be lowered"); or a word below it with no subject of its own on the way ("withdrew from using
    her as their candidate in response to X")."""
    if host.i == trigger.i:
        return True
    if any(a.i == host.i for a in trigger.ancestors):
        subj = _subject(host)
        return subj is None or subj.left_edge.i <= source_start <= subj.right_edge.i
    if any(a.i == trigger.i for a in host.ancestors):
        tok = host
        while tok.i != trigger.i:
            if _subject(tok) is not None:
                return False
            tok = tok.head
        return True
    return False


def _answered(trigger: Any, source_start: int, nouns: frozenset[str], preps: frozenset[str]) -> Any | None:
    """The object of an "in response to ..." phrase of the trigger's clause, else None."""
    doc = trigger.doc
    v = view(doc)  # the sentence's words read on the Doc's arrays: a Token only for an "in"
    dep, lower = v.dep, v.lower
    start, end = v.sent_bounds(trigger.i)
    for i in range(start, end):
        if dep[i] != "prep" or lower[i] != "in":
            continue
        prep = doc[i]
        for noun in prep.children:
            if noun.dep_ != "pobj" or noun.lemma_.lower() not in nouns:
                continue
            for p2 in noun.children:
                if p2.dep_ == "prep" and p2.lower_ in preps:
                    obj = next((c for c in p2.children if c.dep_ == "pobj"), None)
                    if obj is not None and _in_the_act_s_clause(prep.head, trigger, source_start):
                        return obj
    return None


def _actor_tokens(obj: Any, doers: frozenset[str]) -> list[int]:
    """The tokens that may name the actor answered, best first: the object's possessor, the
    object of a "from"/"by" phrase on it (and what stands in apposition to that), the object."""
    out = [c.i for c in obj.children if c.dep_ == "poss"]
    for prep in obj.children:
        if prep.dep_ == "prep" and prep.lower_ in doers:
            for p in prep.children:
                if p.dep_ == "pobj":
                    out.append(p.i)
                    out.extend(c.i for c in p.children if c.dep_ == "appos")
    out.append(obj.i)
    return out


def targets_of_responses(events: list[Any], mentions: list[Any], root_of: Any, article_id: str) -> None:
    """Give in place each targetless event done "in response to" an actor's act or words that
    actor as its target. `root_of(event)`: the trigger's root token (or None)."""
    nouns, preps, doers = load_response_words()
    if not nouns:
        return
    by_token: dict[int, list[Any]] = {}
    for m in mentions:
        for i in range(m.tokens[0], m.tokens[1]):
            by_token.setdefault(i, []).append(m)
    for event in events:
        if event.target is not None or event.source is None:
            continue
        tok = root_of(event)
        if tok is None:
            continue
        doc = tok.doc
        src = doc.char_span(event.source.span[0], event.source.span[1], alignment_mode="expand")
        obj = _answered(tok, src.start if src is not None else -1, nouns, preps)
        if obj is None:
            continue
        for i in _actor_tokens(obj, doers):
            found = [m for m in by_token.get(i, ()) if (m.actor.sector or "") != _MEDIA
                     and not (m.actor.key and m.actor.key == event.source.key)]
            if not found:
                continue
            m = found[0]
            event.target = replace(m.actor, text=m.text, span=tuple(m.span))
            event.id = stable_id(article_id, event.sentence, event.trigger.span[0], event.source.key or "",
                                 event.target.key or "", event.cameo)
            event.explain += "; tgt=in-response-to"
            break
