"""The actors stage: every actor mention resolved to a canonical actor as of the article's date."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .resolver import ActorStage

__all__ = ["ActorStage"]


def __getattr__(name: str) -> Any:
    # Imported on first use: the actor kinds and knowledge, which the commands read, must not
    # pull in the resolver and spaCy with them.
    if name == "ActorStage":
        from .resolver import ActorStage

        return ActorStage
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
