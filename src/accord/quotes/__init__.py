"""The quotes stage: direct quotes with their cue and their speaker resolved to an actor."""

from ..analysis.quotation import find_quoted_spans
from .attribution import QuoteStage

__all__ = ["QuoteStage", "find_quoted_spans"]
