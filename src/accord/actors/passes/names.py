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
from ..words import words
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
            if entity.kind == "person" and start == m.start and not kb.listed_offices_of(m.key, on):
                described_now(context, f, doc[m.end - 1])  # "Zalmay Khalilzad, a US peace envoy"
            if entity.kind == "person" and kb.offices_of(m.key, on) and not kb.listed_offices_of(m.key, on) \
                    and said_former(doc, start, m.start, doc[m.end - 1]):
                # "Nickey Iyambo, former vice-president of Namibia": the office the knowledge base
                # only presumed he still held (its source was compiled years before) is over
                country = entity.country
                if country:
                    f.country, f.sector = country, Sector.ELI.value
                    f.code = f"{kb.country_prefix(country)}{Sector.ELI.value}"
            elif entity.kind == "person" and start < m.start and not kb.listed_offices_of(m.key, on):
                # "European Parliament's lead Brexit negotiator Guy Verhofstadt": someone without
                # an office of their own acts for the organisation their title names.
                org = org_cue(context, start, m.start)
                if org is not None:
                    org_entity = kb.entity(org.key)
                    context.consumed.add((org.start, org.end))
                    f.code, f.country, f.sector = org_entity.code, org_entity.country, org_entity.sector
                else:
                    titled_now(context, f, start, m.start)
            if m.kind == "capital" and entity.kind == "country":
                if is_location(doc[m.end - 1]) or modifies_a_happening(doc[m.end - 1]) \
                        or names_a_thing_there(context, doc[m.end - 1]) or travelled_to(doc[m.end - 1]):
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


def titled_now(context: ResolutionContext, f: Found, start: int, name_start: int) -> None:
    """A listed person out of office on the day whose title gives a present office ("Prime
    Minister Hubert Minnis", "Manhattan District Attorney Cyrus R. Vance, Jr."): the title's
    sector, of the title's country or else the person's, not a former official (ELI)."""
    doc, kb = context.doc, context.kb
    w = words()
    title = [t for t in doc[start:name_start] if t.pos_ in ("NOUN", "PROPN")]
    if not title or any(t.lower_ in w.not_current or t.lower_ in w.lesser_office for t in doc[start:name_start]):
        return
    role = context.lookups.role_for(title[-1].lower_)
    if role is None or role[1] is None:
        return
    country = next((kb.entity(m.key).country for m in context.matches if start <= m.start and m.end <= name_start
                    and kb.entity(m.key).kind in ("country", "seat") and kb.entity(m.key).country), None)
    country = country or f.entity.country
    if not country:
        return
    f.country, f.sector, f.code = country, role[1], f"{kb.country_prefix(country)}{role[1]}"


def said_former(doc: Any, start: int, name_start: int, head: Any) -> bool:
    """Whether the title before a name ("Former Vice President X") or an apposition to it ("X,
    former vice-president of Namibia") says the person no longer holds the office."""
    past = words().past_holder
    if any(t.lower_ in past for t in doc[start:name_start]):
        return True
    return any(t.lower_ in past and t.head.i == c.i for c in head.children if c.dep_ == "appos" for t in c.subtree)


def described_now(context: ResolutionContext, f: Found, head: Any) -> None:
    """A listed person out of office on the day, described by an apposition with a present office
    ("Zalmay Khalilzad, a US peace envoy"): that office's country and sector, not ELI."""
    from .unlisted import apposition  # the unlisted-people pass reads appositions the same way

    if any(t.lower_ in words().not_current for c in head.children if c.dep_ == "appos" for t in c.subtree):
        return
    found = apposition(context, head)
    if found is None:
        return
    country, sector, code = found
    country = country or f.entity.country
    if not country or not sector or sector == Sector.CVL.value or not code.endswith(sector):
        return
    f.country, f.sector, f.code = country, sector, f"{context.kb.country_prefix(country)}{sector}"


def travelled_to(tok: Any) -> bool:
    """A capital a trip goes to ("the president's planned trip to Warsaw"): the place."""
    prep = tok.head
    return tok.dep_ == "pobj" and prep.lower_ == "to" and prep.head.i != prep.i \
        and prep.head.lemma_.lower() in words().travel_nouns


def modifies_a_happening(tok: Any) -> bool:
    """A capital naming where a happening was ("a Kabul car bombing", "the Moscow summit")."""
    node = tok
    while node.dep_ == "compound" and node.head.i > node.i:
        node = node.head
    return node is not tok and node.lower_ in words().happening_nouns


def names_a_thing_there(context: ResolutionContext, tok: Any) -> bool:
    """A capital in the name of a thing of the city ("London Bridge", "the Moscow Metro"): the
    place, not its government; a role or government noun it modifies ("Kabul officials", "the
    Tehran regime") keeps it an actor."""
    node = tok
    while node.dep_ == "compound" and node.head.i > node.i:
        node = node.head
    if node is tok or node.pos_ not in ("NOUN", "PROPN"):
        return False
    w = words()
    return context.lookups.role_for(node.lower_) is None and context.lookups.role_for(node.lemma_.lower()) is None \
        and node.lemma_.lower() not in w.government_nouns and node.lemma_.lower() not in w.organisation_heads
