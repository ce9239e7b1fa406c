"""The stage protocol: each analysis stage owns one job and passes the same `Document` along.

A stage declares the `Document` fields it reads and the ones it writes (`reads`, `writes`); the
pipeline checks that every field a stage reads is there before it runs (the parse gives
`article` and `doc`). A stage keeps no per-document state on itself: two documents may go
through one stage object at once (tests/test_stages_contract.py runs them so).
"""

from __future__ import annotations

from dataclasses import fields
from typing import Iterable, Iterator, Sequence

from .model import Document

# What a `Document` has before any analysis stage runs (the reader and the parse give them).
PARSED = ("article", "doc")


class Stage:
    """A pipeline stage. Subclasses implement `process_document`; `process` streams documents."""

    name = "stage"
    reads: tuple[str, ...] = ()  # Document fields the stage reads
    writes: tuple[str, ...] = ()  # Document fields the stage fills

    def process_document(self, document: Document) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    def process(self, documents: Iterable[Document]) -> Iterator[Document]:
        for document in documents:
            self.process_document(document)
            yield document


class StageOrderError(ValueError):
    """Stages declared in an order where one reads what no earlier stage writes."""


def check_stage_order(stages: Sequence[Stage], available: Iterable[str] = PARSED) -> None:
    """Raise StageOrderError unless every stage reads only Document fields that exist and that
    the parse or an earlier stage gives, and writes only Document fields."""
    known = {f.name for f in fields(Document)}
    have = set(available)
    for stage in stages:
        for name in (*stage.reads, *stage.writes):
            if name not in known:
                raise StageOrderError(f"stage {stage.name!r} declares {name!r}, which is no Document field")
        missing = [r for r in stage.reads if r not in have]
        if missing:
            raise StageOrderError(f"stage {stage.name!r} reads {', '.join(missing)}, which no stage before it writes")
        have.update(stage.writes)
