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


def extract(text: str, date: str | None = None, id: str = "text", title: str | None = None,
            statements: bool | None = None, min_confidence: float | None = None) -> Document:
    """Run the whole pipeline on one text; returns the typed `Document` (`.records()` for dicts).

    `statements=True` keeps bare statements (CAMEO 010) as event records; `min_confidence`
    overrides the confidence threshold. Unset, both come from the environment or config file, else
    Accord's defaults (accord.events.policy), as for `accord extract`.

    Raises ValueError for an impossible date or empty text, a bad option, and for an article a
    stage failed on.
    """
    from .events.policy import RecordPolicy
    from .pipeline import StageFailure, default_pipeline
    from .readers.dates import check_date, dateline_date
    from .readers.language import detect_language

    if not isinstance(text, str) or not text.strip():
        raise ValueError("extract: empty text")
    # No date given: a wire dateline opening the text gives it, as the file readers do.
    article = Article(id=id, text=text, date=check_date(date) or dateline_date(text), title=title, origin=id,
                      language=detect_language(text))  # a text not in English is returned uncoded
    policy = RecordPolicy.from_settings(min_confidence, statements)
    result = next(default_pipeline(policy).process([article]))
    if isinstance(result, StageFailure):
        raise ValueError(str(result))
    return result


def open(path, *, read_only: bool = True):  # noqa: A001 (accord.open, as in the README)
    """Open a store for querying from Python: `.events(...)`, `.reports(...)`, `.quotes()`,
    `.timeline(a, b)`, ... each with `.df()` (pandas) and `.arrow()` (see accord.frames)."""
    from .frames import Database

    return Database(path, read_only=read_only)
