"""Where a candidate's trigger stands in its sentence, as a careful coder reads it: in the
sentence's main clause (or a clause reported or joined to it), or in a clause that only frames
another ("when he retired", "if the talks fail", "the man who was convicted", "details emerged
about Trump's call"). The coder records it as an `explain` step (`clause=main`, `clause=advcl:if`,
`clause=relcl` ...) so that `accord.events.signals` reads it from the finished `Event`, never
from the parse (tools/record_policy.py scores documents without their parse).

The dependency labels a path up from the trigger to its sentence's root may cross and stay in the
main clause are `resources/events/record_policy.yaml` `main_clause_deps`; the first other label
met names the clause (with its subordinating word for an adverbial clause).
"""

from __future__ import annotations

from typing import Any

from .signals import classes


def clause_of(root: Any) -> str:
    """'main', or the first framing clause's label on the way up from the trigger's root token
    ('advcl:when', 'relcl', 'acl', 'pcomp', ...)."""
    if root is None:
        return "unknown"
    through = classes()["main_clause_deps"]
    tok = root
    for _ in range(40):
        if tok.dep_ == "ROOT" or tok.head.i == tok.i:
            return "main"
        dep = tok.dep_
        if dep not in through:
            if dep == "advcl":
                mark = next((c.lower_ for c in tok.children if c.dep_ in ("mark", "advmod") and c.i < tok.i), "")
                return f"advcl:{mark}" if mark else "advcl"
            return dep
        tok = tok.head
    return "unknown"


def mark_clauses(events: list[Any], triggers: Any) -> None:
    """Add each event's `clause=` step to its `explain` (in place). `triggers`: the coder's
    per-document trigger spans (`root(event)`)."""
    for e in events:
        if "clause=" in e.explain:
            continue
        e.explain = f"{e.explain}; clause={clause_of(triggers.root(e))}"
