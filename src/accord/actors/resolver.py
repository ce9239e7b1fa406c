"""Resolve every actor mention in a parsed article to a canonical actor as of the article's date.

The `ActorStage` runs ordered passes (`accord.actors.passes.default_passes`) over one
`ResolutionContext` per document:

1. names from the knowledge base (people, countries, capitals and seats of power, IGOs, media,
   regions), by longest match; surnames and short forms only when the person was named in full
   earlier or holds an office on the article's date;
2. role phrases around a role or group noun ("the Chinese president", "Russia's security chief",
   "Russian, Ukrainian and US negotiators"), resolved to the office holder on the date when the
   role has exactly one, else to the country and sector;
3. people, organisations and places the knowledge base does not list, and the groups, things and
   subjects they place;
4. person coreference (`accord.actors.people`): surnames, roles, unnamed people, descriptions;
5. plurals that stand for actors already mentioned ("the two leaders", "both countries") and
   pronouns ("he said", "it"), to the most salient antecedent.

The stage keeps no per-document state: everything a document needs lives on its context.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Sequence

from ..analysis.docview import view
from ..analysis.syntax import sentence_numbers
from ..model import Actor, Document, Mention
from ..stage import Stage
from .context import Found, Lookups, ResolutionContext
from .kinds import UNNAMED_OF_COUNTRY, How
from .knowledge import Entity, KnowledgeBase
from .passes import Pass, default_passes


def article_day(value: str | None) -> dt.date:
    """The day an article is read on: its date, else today."""
    if value:
        return dt.date.fromisoformat(value)
    return dt.date.today()


class ActorStage(Stage):
    name = "actors"
    reads = ("article", "doc")
    writes = ("mentions",)

    def __init__(self, kb: KnowledgeBase | None = None, passes: Sequence[Pass] | None = None):
        if kb is None:
            from .user_files import load_knowledge_base  # packaged data plus the user's own files

            kb = load_knowledge_base()
        self.kb = kb
        self.lookups = Lookups(kb)
        self.passes: tuple[Pass, ...] = tuple(passes) if passes is not None else default_passes()

    # ------------------------------------------------------------------ public
    def process_document(self, document: Document) -> None:
        doc = document.doc
        if doc is None:
            raise ValueError(f"article {document.id}: the actors stage needs the spaCy parse")
        context = self.resolve(doc, article_day(document.article.date), document.article.text,
                               document.article.title)
        document.mentions = self.mentions(document, context.found)

    def resolve(self, doc: Any, on: dt.date, text: str | None = None, title: str | None = None) -> ResolutionContext:
        """Run the passes over a parsed text read on `on`; the context holds what they found.
        `text`: the Doc's text (the article's), spared rebuilding from the tokens; `title`: the
        article's headline, which says where the story is set."""
        context = ResolutionContext(doc=doc, on=on, lookups=self.lookups, text=text, title=title)
        for step in self.passes:
            step.run(context)
        return context

    def actor_for(self, entity: Entity, on: dt.date, text: str = "", span=(0, 0)) -> Actor:
        """The contract actor for an entity on a date."""
        return self.actor(Found(0, 0, entity, How.NAME), on, text, span)

    # ------------------------------------------------------------- records
    def actor(self, f: Found, on: dt.date, text: str, span: tuple[int, int]) -> Actor:
        """The contract actor a found mention stands for, as of `on`."""
        entity = f.entity
        code = f.code or entity.code
        country = f.country if f.country is not None else entity.country
        if entity.kind == "person" and f.code is not None and f.how == How.NAME:
            country = f.country  # acting for an organisation: its country, none for an IGO
        sector = f.sector if f.sector is not None else entity.sector
        name = f.name if f.code is not None and f.name is None and entity.kind == "group" else entity.name
        if entity.kind == "person" and not entity.key.startswith("unlisted:") and f.code is None:
            code = self.kb.person_code(entity.key, on)
            country = self.kb.code_country(code)
            sector = entity.sector if code == entity.code else (code[len(country or ""):][:3] or None)
        if entity.kind == "group":
            name = None
        key = entity.key
        if f.how == How.ROLE_GROUP:
            name, key = None, f"group:{code}"
        elif f.how in UNNAMED_OF_COUNTRY:
            # "one elderly witness in Kabul", "a Lebanese man": of the country, not the country
            # itself, so no name, and no coreference with the country's own mentions.
            name, key = None, f"{f.how}:{code}:{f.start}"
        # a state that had ended by the article's day: the country that continues it (the code
        # stays the state's own, SUN for the Soviet Union)
        country = self.kb.country_on(country, on)
        return Actor(text=text, span=span, name=name, code=code, country=country, sector=sector,
                     key=key, role=f.role)

    def mentions(self, document: Document, found: list[Found]) -> list[Mention]:
        doc = document.doc
        on = article_day(document.article.date)
        sent_of = sentence_numbers(doc)
        v = view(doc)  # a mention's characters from the Doc's arrays (analysis.docview), as `Span` gives them
        idx, length = v.idx, v.length
        out: list[Mention] = []
        last_naming: dict[str, tuple[str, tuple[int, int]]] = {}
        article_text = document.article.text  # the Doc's text: slices of it spare joining the tokens
        for f in found:
            if f.start < f.end:
                span = (idx[f.start], idx[f.end - 1] + length[f.end - 1])
            else:  # (no mention is empty; the Span's own reading if one were)
                span_obj = doc[f.start : f.end]
                span = (span_obj.start_char, span_obj.end_char)
            text = article_text[span[0]:span[1]]
            key = f.entity.key if f.how != How.ROLE_GROUP else f"group:{f.code}"
            if f.how in (How.PRONOUN, How.PLURAL) and key in last_naming:
                actor_text, actor_span = last_naming[key]
            else:
                actor_text, actor_span = text, span
                last_naming[key] = (text, span)
            actor = self.actor(f, on, actor_text, actor_span)
            out.append(Mention(article_id=document.id, text=text, span=span, actor=actor,
                               sentence=sent_of[f.start], how=f.how, tokens=(f.start, f.end)))
        return out
