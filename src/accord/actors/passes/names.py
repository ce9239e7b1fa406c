"""Pass 4: the accepted names not used as cues of a role phrase. A person's mention takes in the
title in front of the name ("Russia's President Vladimir Putin"); a titled person without an
office of their own acts for the organisation the title names; a capital stands for its
government; nationality adjectives that modify a noun go to `context.modifiers` (the thing they
mark is the mention, see the marked-things pass)."""

from __future__ import annotations

from typing import Any

from ..context import Found, ResolutionContext
from ..cues import org_cue
from ..gazetteer import AliasMatch
from ..kinds import How, Sector
from ..phrases import is_location, np_left
from .base import Pass


class Names(Pass):
    name = "names"

    def run(self, context: ResolutionContext) -> None:
        doc, kb, on = context.doc, context.kb, context.on
        for m in context.matches:
            if (m.start, m.end) in context.consumed:
                continue
            entity = kb.entity(m.key)
            if m.kind in ("adjective", "demonym"):
                tok = doc[m.end - 1]
                if tok.dep_ in ("amod", "compound") or tok.pos_ == "ADJ":
                    context.modifiers.append(m)  # "Turkish ship": the thing, not the adjective, is the mention
                    continue
            start, end = m.start, m.end
            if entity.kind == "person":
                start = title_start(context, m)
            f = Found(start, end, entity, How.NAME)
            if entity.kind == "person" and start < m.start and not kb.offices_of(m.key, on):
                # "European Parliament's lead Brexit negotiator Guy Verhofstadt": someone without
                # an office of their own acts for the organisation their title names.
                org = org_cue(context, start, m.start)
                if org is not None:
                    org_entity = kb.entity(org.key)
                    context.consumed.add((org.start, org.end))
                    f.code, f.country, f.sector = org_entity.code, org_entity.country, org_entity.sector
            if m.kind == "capital" and entity.kind == "country":
                if is_location(doc[m.end - 1]):
                    f.how = How.PLACE  # "met in Moscow": where, the country's place, not its government
                else:  # "Moscow accused Washington": the government seated there
                    f.code, f.sector = f"{entity.code}{Sector.GOV.value}", Sector.GOV.value
            context.found.append(f)


def title_start(context: ResolutionContext, m: AliasMatch) -> int:
    """Extend a person's name leftwards over a title and its country ("Russia's President")."""
    doc = context.doc
    head: Any = doc[m.end - 1]
    if head.i != m.end - 1 or head.dep_ == "compound":
        return m.start
    left = np_left(head)
    if left >= m.start:
        return m.start
    has_title = any(
        context.lookups.role_for(t.lower_) is not None for t in doc[left : m.start] if t.pos_ in ("NOUN", "PROPN")
    )
    if not has_title:
        return m.start
    while left < m.start and doc[left].dep_ == "det":
        left += 1
    return left
