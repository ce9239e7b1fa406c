"""The agent of an agentless passive is the institution the article names for that act (issue 12).

"Another man, who was arrested on the day of the theft, was released on bail": no "by" phrase
names who arrested him, but the story names the police ("Thames Valley Police said they had
arrested a second man"), and a careful coder codes the arrest as theirs. Only acts one kind of
institution does are read so (arguments.yaml `passive_agents`: arrests by the police, impeachment
by a legislature; not convictions, which a jury, a judge or a court may be said to make), and
only when the article names such an institution of the target's country: the nearest naming
before the act, else the first after.
An article that names none leaves the source empty ("a man was arrested": source null).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..model import stable_id
from .lexicon import load_passive_agent_pronouns, load_passive_agents

def _passive_without_agent(tok: Any) -> bool:
    """The verb is passive ("was arrested", "who was impeached", "a man arrested yesterday") and no
    "by" phrase names its doer."""
    kids = list(tok.children)
    if any(c.dep_ == "agent" for c in kids):
        return False
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in kids) or (tok.dep_ == "acl" and tok.tag_ == "VBN")


def agents_of_passives(events: list[Any], mentions: list[Any], root_of: Any, article_id: str) -> None:
    """Give in place each sourceless event whose trigger is an agentless passive of an act one kind
    of institution does the article's naming of such an institution (of the target's country when
    the target has one). `root_of(event)`: the trigger's root token (or None)."""
    table = load_passive_agents()
    if not table:
        return
    pronouns = load_passive_agent_pronouns()
    for event in events:
        if event.source is not None:
            continue
        tok = root_of(event)
        if tok is None or not _passive_without_agent(tok):
            continue
        sectors = table.get(tok.lemma_.lower())
        if not sectors:
            continue
        country = event.target.country if event.target is not None else None
        start = event.trigger.span[0]
        before = after = None
        for m in mentions:
            actor = m.actor
            if not actor.sector or not any(s in actor.sector for s in sectors) or m.text.lower() in pronouns:
                continue
            if country and actor.country != country:
                continue
            if event.target is not None and actor.key and actor.key == event.target.key:
                continue
            if m.span[1] <= start:
                if before is None or m.span[0] > before.span[0]:
                    before = m
            elif m.span[0] > event.trigger.span[1] and (after is None or m.span[0] < after.span[0]):
                after = m
        agent = before or after
        if agent is None:
            continue
        event.source = replace(agent.actor, text=agent.text, span=tuple(agent.span))
        event.id = stable_id(article_id, event.sentence, start, event.source.key or "",
                             event.target.key if event.target is not None else "", event.cameo)
        event.explain += f"; src=passive-agent:{'before' if agent is before else 'after'}"
