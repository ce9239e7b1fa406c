"""The quotes stage: direct quotes with their cue and their speaker resolved to an actor."""

from .attribution import QuoteStage, find_quoted_spans

__all__ = ["QuoteStage", "find_quoted_spans"]
