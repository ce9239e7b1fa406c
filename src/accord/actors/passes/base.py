"""The shape of a resolver pass."""

from __future__ import annotations

from ..context import ResolutionContext


class Pass:
    """One step of actor resolution over a document's `ResolutionContext`.

    A pass reads the parse and what earlier passes found, and adds to or amends `context.found`
    (or the other lists it documents). It keeps nothing between documents: all per-document
    state lives on the context."""

    name = "pass"

    def run(self, context: ResolutionContext) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"<pass {self.name}>"
