"""A role's office is an institution, not the role's holder (issue 12).

"The Manhattan district attorney's office began its probe", "the prime minister's office said",
"The sheriff's office issued a warning": the office of a role named by the role alone is the
body that works for it, of the role's code and with no person's name, not the person holding the
role on the day. A person named ("Erdogan's office", "District Attorney Vance's office") stays that
person: a careful coder names whose office it is. The nouns are words.yaml `office_nouns`.
"""

from __future__ import annotations

from dataclasses import replace

from ...analysis.docview import view
from ..context import Found, ResolutionContext
from ..kinds import How
from ..knowledge import Entity
from ..words import words
from .base import Pass

ROLE_HOWS = (How.ROLE, How.ROLE_NAME, How.ROLE_GROUP)
POSSESSIVE_MARKS = ("'s", "’s", "'", "’")


class RoleOffices(Pass):
    name = "role-offices"

    def run(self, context: ResolutionContext) -> None:
        nouns = words().office_nouns
        if not nouns:
            return
        v = view(context.doc)
        lower, lemma, n = v.lower, v.lemma, len(v.lower)
        for k, f in enumerate(context.found):
            if f.how not in ROLE_HOWS or f.end + 1 >= n:
                continue
            if lower[f.end] not in POSSESSIVE_MARKS or lemma[f.end + 1] not in nouns:
                continue
            code = f.code
            if code is None:
                listed = f.entity.kind == "person" and f.entity.key.startswith("person:")
                code = context.kb.person_code(f.entity.key, context.on) if listed else f.entity.code
            if not code:
                continue
            country = context.kb.code_country(code)
            sector = code[len(country or ""):][:3] or None
            entity = Entity(key=f"group:{code}", kind="group", name=None, country=country,  # type: ignore[arg-type]
                            sector=sector, code=code)
            context.found[k] = replace(f, end=f.end + 2, entity=entity, how=How.ROLE_GROUP, code=code,
                                       sector=sector, country=country, name=None, head=f.end + 1)
