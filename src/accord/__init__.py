"""Accord: turn news articles into event data.

    >>> import accord
    >>> doc = accord.extract("Xi Jinping met Vladimir Putin in Moscow.", date="2026-02-04")
    >>> [e.cameo for e in doc.events]
    ['040']
    >>> records = list(doc.records())   # the contract's dicts

    >>> with accord.open("accord.duckdb") as db:          # a store's records as DataFrames
    ...     df = db.events(dyad="CHN,RUS").df()
"""

from __future__ import annotations

from .model import Actor, Article, Document, Event, Mention, Place, Quote, Timex, Trigger

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "extract",
    "open",
    "Actor",
    "Article",
    "Document",
    "Event",
    "Mention",
    "Place",
    "Quote",
    "Timex",
    "Trigger",
]


def extract(text: str, date: str | None = None, id: str = "text", title: str | None = None) -> Document:
    """Run the whole pipeline on one text; returns the typed `Document` (`.records()` for dicts).

    Raises ValueError for an impossible date or empty text, and for an article a stage failed on.
    """
    from .pipeline import StageFailure, default_pipeline
    from .readers.dates import check_date, dateline_date

    if not isinstance(text, str) or not text.strip():
        raise ValueError("extract: empty text")
    # No date given: a wire dateline opening the text gives it, as the file readers do.
    article = Article(id=id, text=text, date=check_date(date) or dateline_date(text), title=title, origin=id)
    result = next(default_pipeline().process([article]))
    if isinstance(result, StageFailure):
        raise ValueError(str(result))
    return result


def open(path, *, read_only: bool = True):  # noqa: A001 (accord.open, as in the README)
    """Open a store for querying from Python: `.events(...)`, `.reports(...)`, `.quotes()`,
    `.timeline(a, b)`, ... each with `.df()` (pandas) and `.arrow()` (see accord.frames)."""
    from .frames import Database

    return Database(path, read_only=read_only)
