"""Readers: files and streams to `Article`s.

Every input is accounted for: `read_inputs` yields either an `Article` or a `Rejection` that names
the input (file, or file:line) and the reason, and one bad input never stops the others.
"""

from .base import Rejection, ReadItem, read_inputs, SUPPORTED_SUFFIXES
from .text import parse_text_article
from .jsonl import parse_jsonl_line

__all__ = [
    "Rejection",
    "ReadItem",
    "read_inputs",
    "SUPPORTED_SUFFIXES",
    "parse_text_article",
    "parse_jsonl_line",
]
