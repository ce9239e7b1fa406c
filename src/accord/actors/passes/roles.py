"""Pass 2: role phrases around a role or group noun ("the Chinese president", "Russia's security
chief", "Russian, Ukrainian and US negotiators", "FDA officials", "leaders from France"),
resolved to the office holder on the date when the role has exactly one, else to the country (or
organisation) and sector. Groups whose country only the sentence can give wait in
`context.pending` for the context-groups pass."""

from __future__ import annotations

from ..context import Found, PendingGroup, ResolutionContext
from ..cues import country_cues, org_cue, prepositional_cues, prepositional_org
from ..kinds import How
from ..phrases import bare_or_definite, is_possessor, names_community, np_left, place_country
from ..words import words
from .base import Pass


class RolePhrases(Pass):
    name = "role-phrases"

    def run(self, context: ResolutionContext) -> None:
        doc, kb, on, lookups = context.doc, context.kb, context.on, context.lookups
        w = words()
        found, consumed = context.found, context.consumed
        for head in doc:
            if head.pos_ not in ("NOUN", "PROPN"):
                continue
            role_len, role, sector = lookups.role_at(doc, head)
            if role_len == 0:
                continue
            if head.dep_ == "compound" and head.head.i > head.i and head.head.pos_ == "PROPN":
                continue  # "President" in "President Xi Jinping": the name's phrase handles it
            role_start = head.i - role_len + 1
            left = np_left(head)
            if head.dep_ == "compound" and head.head.i > head.i:
                # "an Afghan government offer": "Afghan" modifies the phrase "government offer"
                left = min(left, np_left(head.head))
            cues = country_cues(context, head, left, role_start)
            from_cues = False
            org = org_cue(context, left, role_start)
            if org is not None and cues and is_possessor(doc, org.end) and all(org.end <= c.start for c, _ in cues):
                # "The United Nations' Mideast envoy": the possessor owns the role; a country or
                # region after it only says where the role works.
                cues = []
            if org is not None and not cues:
                # "FDA officials", "the Taliban spokesman": people of an organisation act for it.
                consumed.add((org.start, org.end))
                found.append(Found(left, head.i + 1, context.entity(org.key), How.ROLE_ORG))
                continue
            if not cues:
                # "leaders from France, Canada and Finland", "officials of Iran"
                cues = prepositional_cues(context, head)
                from_cues = bool(cues)
                if not cues:
                    org = prepositional_org(context, head)
                    if org is not None:  # "the prosecutor of the ICC"
                        consumed.add((org.start, org.end))
                        found.append(Found(left, head.i + 1, context.entity(org.key), How.ROLE_ORG))
                        continue
            if not cues:
                in_place = place_country(head)  # "police in Lagos"
                if in_place is not None:
                    found.append(lookups.group(left, head.i + 1, in_place, sector))
                elif role is None and head.dep_ not in ("compound", "amod") and bare_or_definite(head):
                    # "Authorities ease curfew as businesses reopen in Amman": an unnamed group
                    # belongs to the one country its sentence names, if it names exactly one.
                    context.pending.append(PendingGroup(head, left, sector, True))
                elif (head.dep_ in ("nsubj", "nsubjpass") or (
                        head.dep_ == "conj" and head.head.dep_ in ("nsubj", "nsubjpass"))) and sector and not any(
                        c.lower_ in w.plural_determiners or c.dep_ == "nummod" for c in head.lefts):
                    # "a law enforcement official said": an actor of known kind, country unknown.
                    someone_elses = any(names_community(c) or (c.dep_ == "amod" and c.lower_ in w.not_local)
                                        for c in head.lefts)
                    context.pending.append(PendingGroup(head, left, sector, not someone_elses))
                continue
            plural = head.tag_ in ("NNS", "NNPS")
            # "a U.S. envoy", "an adviser": an indefinite phrase names some member of the group,
            # not the one holder of the office
            indefinite = any(c.dep_ == "det" and c.lower_ in w.indefinite_determiners for c in head.lefts)
            for idx, (cue_match, country) in enumerate(cues):
                consumed.add((cue_match.start, cue_match.end))
                start = left if idx == 0 else cue_match.start
                end = head.i + 1
                if from_cues:  # the head and the country it is from: "Leaders from France"
                    start, end = (left, cue_match.end) if idx == 0 else (cue_match.start, cue_match.end)
                holder = None
                if role and not plural and not indefinite:
                    role_id = kb.leader_role(country) if role == "leader" else role
                    holders = kb.holders(country, role_id, on)
                    if len(holders) == 1:
                        holder = holders[0]
                        role = role_id
                if holder is not None:
                    found.append(Found(start, end, holder, How.ROLE, role=role))
                else:
                    found.append(lookups.group(start, end, country, sector))
