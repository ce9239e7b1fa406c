"""Readers: news as it is published (text, JSON Lines, web pages, feeds, web archives, tables,
URLs) to `Article`s, through one registry.

Every input is accounted for: `read_inputs` yields an `Article`, a `Skip` (no article and no
error: a WARC request record, a redirect, a file of another kind in a folder) or a `Rejection`
that names the input (file, file:line, file@offset, URL) and the reason; one bad input never
stops the others. See /work/notes/READERS_API.md (and registry.py) for the interface.
"""

from .base import (MAX_ARTICLE_CHARS, MAX_INPUT_BYTES, ReadItem, Reader, ReadOptions, Rejection, Skip,
                   Source, source_from_bytes)
from .jsonl import parse_jsonl_line
from .language import detect_language, is_coded
from .registry import read_inputs, read_source, read_sources, reader_for, readers, register, supported_suffixes
from .text import parse_text_article

# Kept for callers of the first reader API: the suffixes the registry reads.
SUPPORTED_SUFFIXES = (".txt", ".jsonl", ".html", ".htm", ".rss", ".atom", ".xml", ".warc", ".arc",
                      ".csv", ".tsv", ".parquet")

__all__ = [
    "MAX_ARTICLE_CHARS",
    "MAX_INPUT_BYTES",
    "ReadItem",
    "Reader",
    "ReadOptions",
    "Rejection",
    "Skip",
    "Source",
    "SUPPORTED_SUFFIXES",
    "detect_language",
    "is_coded",
    "parse_jsonl_line",
    "parse_text_article",
    "read_inputs",
    "read_source",
    "read_sources",
    "reader_for",
    "readers",
    "register",
    "source_from_bytes",
    "supported_suffixes",
]
