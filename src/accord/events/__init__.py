"""The events stage: CAMEO/PLOVER coding with negation, modality, dates and places."""

from .coder import EventStage

__all__ = ["EventStage"]
