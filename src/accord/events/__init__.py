"""The events stage: CAMEO/PLOVER coding with negation, modality, dates and places."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .coder import EventStage

__all__ = ["EventStage"]


def __getattr__(name: str) -> Any:
    # Imported on first use: the code tables (`events.ontology`), which the query commands
    # read, must not pull in the coder and spaCy with them.
    if name == "EventStage":
        from .coder import EventStage

        return EventStage
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
