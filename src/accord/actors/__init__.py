"""The actors stage: every actor mention resolved to a canonical actor as of the article's date."""

from .resolver import ActorStage

__all__ = ["ActorStage"]
