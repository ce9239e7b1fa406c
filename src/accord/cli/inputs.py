"""How `extract`, `ingest` and `watch` read their inputs: options, progress bars, the tally.

Every input ends in one of: stored, updated, duplicate, not English (stored with its language and
no records), skipped (by kind: WARC request records, redirects, files of other kinds) or rejected
(with its reason). `InputTally` counts them and `print_summary` shows them after a run.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, List, Optional

import typer
from rich.console import Console
from rich.progress import (BarColumn, DownloadColumn, MofNCompleteColumn, Progress, SpinnerColumn,
                           TextColumn, TimeElapsedColumn)

from ..readers import ReadOptions, Rejection, Skip
from ..readers.tables import FIELDS

TextColumnOption = typer.Option(None, "--text-column", help="Tables (CSV, TSV, Parquet): the column holding the article text.")
ColumnOption = typer.Option(
    [], "--column", metavar="FIELD=NAME",
    help="Tables: the column for a field (text, title, date, url, id, source), e.g. --column date=published_at. Repeatable.")


def read_options(date: Optional[str], text_column: Optional[str] = None, columns: Optional[List[str]] = None,
                 progress: Any = None) -> ReadOptions:
    chosen: dict[str, str] = {}
    for spec in columns or []:
        field_name, sep, name = spec.partition("=")
        field_name = field_name.strip().lower()
        if not sep or field_name not in FIELDS or not name.strip():
            raise typer.BadParameter(f"{spec!r}: use FIELD=NAME with FIELD one of {', '.join(FIELDS)}",
                                     param_hint="--column")
        chosen[field_name] = name.strip()
    if text_column:
        chosen["text"] = text_column
    options = ReadOptions(default_date=date, columns=chosen)
    if chosen:
        given = ([f"--column {spec.strip()}" for spec in columns or []]
                 + ([f"--text-column {text_column}"] if text_column else []))
        options.columns_ignored = _warn_columns_ignored(" and ".join(given))
    if progress is not None:
        options.progress = progress
    return options


def _warn_columns_ignored(given: str, most: int = 5) -> Callable[[str, str], None]:
    """A warning on standard error for each input (the first `most`) that is no table: the
    column options were given for nothing there (`accord extract notes.txt --text-column body`)."""
    told = [0]

    def warn(origin: str, reader: str) -> None:
        told[0] += 1
        if told[0] <= most:
            _err.print(f"accord: warning: {given} ignored for {origin}: it is read as {reader}, and column "
                       f"options apply to tables (CSV, TSV, Parquet) only", highlight=False, markup=False,
                       soft_wrap=True)
        elif told[0] == most + 1:
            _err.print(f"accord: warning: {given} ignored for further inputs that are not tables",
                       highlight=False, markup=False, soft_wrap=True)
    return warn


_err = Console(stderr=True)


@dataclass
class InputTally:
    """What became of every input."""

    stored: int = 0
    updated: int = 0
    duplicate: int = 0
    copy: int = 0  # near-copies of stored articles: stored with duplicate_of, not coded
    not_english: Counter = field(default_factory=Counter)  # language -> articles stored uncoded
    extracted: int = 0
    skipped: Counter = field(default_factory=Counter)  # kind -> count
    rejected: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # "ID: what else the store did" (IngestOutcome.note)

    def count(self, outcome: Any, language: str | None = None) -> None:
        """Count a store outcome (an article of an uncoded `language` apart) and keep its note."""
        if language and outcome.status != "duplicate":
            self.not_english[language] += 1
        else:
            setattr(self, outcome.status, getattr(self, outcome.status) + 1)
        if outcome.note:
            self.notes.append(f"{outcome.article_id}: {outcome.note}")

    @property
    def processed(self) -> int:
        return self.stored + self.updated + self.duplicate + self.copy + sum(self.not_english.values()) + self.extracted


def accounted(items: Iterable[Any], tally: InputTally, report: Callable[[Any], None]) -> Iterator[Any]:
    """The articles among reader items; skips counted by kind, rejections counted and reported."""
    for item in items:
        if isinstance(item, Rejection):
            tally.rejected.append(str(item))
            report(item)
        elif isinstance(item, Skip):
            tally.skipped[item.kind] += 1
        else:
            yield item


class ReaderProgress:
    """The readers' progress protocol on a rich progress display: bytes for files and archives,
    items for feeds, rows for Parquet tables; one line per input being read."""

    def __init__(self, progress: Progress):
        self.progress = progress

    def begin(self, label: str, total: int | None, unit: str) -> object:
        name = label if len(label) <= 40 else "…" + label[-39:]
        return self.progress.add_task(name, total=total, unit=unit)

    def advance(self, task: object, amount: int) -> None:
        if task is not None:
            self.progress.update(task, advance=amount)  # type: ignore[arg-type]

    def end(self, task: object) -> None:
        if task is not None:
            self.progress.remove_task(task)  # type: ignore[arg-type]


class _Amount(MofNCompleteColumn):
    """`12.3/45.6 MB` for byte tasks, `3/40 items` for the others."""

    def __init__(self) -> None:
        super().__init__()
        self._bytes = DownloadColumn()

    def render(self, task):  # type: ignore[override]
        unit = task.fields.get("unit")
        if unit == "bytes":
            return self._bytes.render(task)
        text = super().render(task)
        if unit:
            text.append(f" {unit}")
        return text


def progress_display(console: Console, enabled: bool = True) -> Progress:
    """Progress bars on the terminal; silent when output is piped or in CI."""
    return Progress(
        SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), _Amount(), TimeElapsedColumn(),
        console=console, transient=True, disable=not (enabled and console.is_terminal),
    )


def print_summary(console: Console, tally: InputTally, db: Path | None = None, *,
                  details: bool = True) -> None:
    """One line of counts ("Ingested into DB: 3 stored, 0 updated, ..."), then (with `details`)
    the languages not coded, the kinds skipped and the store's notes. Rejections are not
    repeated here: each was reported once, as it happened."""
    if db is not None:
        head = f"Ingested into {db}"
        counts = (("stored", tally.stored), ("updated", tally.updated), ("near-copy", tally.copy),
                  ("duplicate", tally.duplicate),
                  ("not English", sum(tally.not_english.values())),
                  ("skipped", sum(tally.skipped.values())), ("rejected", len(tally.rejected)))
    else:
        head = "Read"
        counts = (("extracted", tally.extracted), ("not English", sum(tally.not_english.values())),
                  ("skipped", sum(tally.skipped.values())), ("rejected", len(tally.rejected)))
    line = f"{head}: " + ", ".join(f"{n} {label}" for label, n in counts)
    console.print(line, highlight=False, markup=False, soft_wrap=True)
    if not details:
        return
    if tally.not_english:
        langs = ", ".join(f"{lang} {n}" for lang, n in tally.not_english.most_common())
        console.print(f"  not English (stored with their language, not coded): {langs}", highlight=False,
                      markup=False, soft_wrap=True)
    for kind, n in sorted(tally.skipped.items(), key=lambda kv: (-kv[1], kv[0])):
        console.print(f"  skipped: {n} {kind}", highlight=False, markup=False, soft_wrap=True)
    for note in tally.notes:  # a claimed original not stored, a version that extends another
        console.print(f"  note: {note}", highlight=False, markup=False, soft_wrap=True)
