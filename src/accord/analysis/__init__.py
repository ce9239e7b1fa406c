"""The linguistic analysis stage: the spaCy pipeline, chosen by configuration, loaded once."""

from .nlp import SpacyStage, load_nlp, model_info

__all__ = ["SpacyStage", "load_nlp", "model_info"]
