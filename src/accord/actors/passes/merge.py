"""Tidying the names found: acronyms introduced in parentheses, a role phrase and the name beside
it joined, countries inside a person's title dropped.

- `Acronyms`: "The Nigerian Air Force (NAF) ... NAF said": an acronym given in parentheses after a
  mention names the same actor there and later in the article, whatever else it could mean.
- `MergeSameEntity`: "China's President" + "Xi Jinping" are one mention.
- `TitleCountries`: a country inside a person's title ("Russia's President Vladimir Putin")
  describes the person; it is not a mention of its own. Sorts the mentions by position.
"""

from __future__ import annotations

from ...analysis.docview import view
from ..context import Found, ResolutionContext
from ..kinds import How
from .base import Pass


class Acronyms(Pass):
    name = "acronyms"

    def run(self, context: ResolutionContext) -> None:
        doc, found = context.doc, context.found
        introduced: dict[str, Found] = {}
        for f in sorted(found, key=lambda f: (f.start, -f.end)):
            i = f.end
            if i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")" and doc[i + 1].text.isupper() \
                    and len(doc[i + 1].text) >= 2 and doc[i + 1].text not in introduced and doc[i + 1].is_alpha:
                if f.entity.kind == "person":
                    continue
                introduced[doc[i + 1].text] = f
        if not introduced:
            return
        out: list[Found] = []
        for f in found:
            word = doc[f.start].text if f.end - f.start == 1 else None
            source = introduced.get(word) if word else None
            if source is not None and f.start > source.start and f.entity.key != source.entity.key:
                continue  # replaced below
            out.append(f)
        taken = {i for f in out for i in range(f.start, f.end)}
        for i, text in enumerate(view(context.doc).text):  # (read on the Doc's arrays: analysis.docview)
            source = introduced.get(text)
            if source is None or i <= source.end or i in taken:
                continue
            tok = context.doc[i]
            how = How.ROLE_GROUP if source.how == How.ROLE_GROUP else How.ACRONYM  # an unnamed group stays unnamed
            out.append(Found(tok.i, tok.i + 1, source.entity, how, code=source.code, sector=source.sector,
                             country=source.country, name=source.name, role=source.role))
        context.found = out


class MergeSameEntity(Pass):
    name = "merge-same-entity"

    def run(self, context: ResolutionContext) -> None:
        found = sorted(context.found, key=lambda f: (f.start, f.end))
        out: list[Found] = []
        for f in found:
            if out:
                prev = out[-1]
                same = prev.entity.key == f.entity.key and prev.how != How.ROLE_GROUP and f.how != How.ROLE_GROUP
                if same and f.start <= prev.end + 0 and f.end >= prev.start:
                    prev.start, prev.end = min(prev.start, f.start), max(prev.end, f.end)
                    if f.how == How.NAME:
                        prev.how = How.NAME
                    prev.role = prev.role or f.role
                    continue
                if same and f.start == prev.end:
                    prev.end = f.end
                    continue
                if f.start >= prev.start and f.end <= prev.end and f.entity.key == prev.entity.key:
                    continue
            out.append(f)
        context.found = out


TITLED = (How.NAME, How.ROLE, How.NAME_TITLE)


class TitleCountries(Pass):
    name = "title-countries"

    def run(self, context: ResolutionContext) -> None:
        found = context.found
        people = [f for f in found if f.entity.kind == "person" and f.how in TITLED]
        found = [f for f in found if f.entity.kind == "person" or not any(
            p.start <= f.start and f.end <= p.end and (p.start, p.end) != (f.start, f.end) for p in people)]
        found.sort(key=lambda f: (f.start, f.end))
        context.found = found
