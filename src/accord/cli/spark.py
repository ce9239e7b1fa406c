"""`accord spark` (code on a Spark cluster, write Parquet) and `accord load` (store that output)."""

from __future__ import annotations

import sys
from typing import Any, List, Optional

import typer
from rich.console import Console
from rich.table import Table

from .common import EXIT_FAILURE, EXIT_OK, EXIT_PARTIAL

out = Console(soft_wrap=False)
err = Console(stderr=True)


def spark_command(
    paths: List[str] = typer.Argument(..., help="Files, directories or URLs, as for `accord ingest` (readable from every executor)."),
    out_dir: str = typer.Option(..., "--out", "-o", help="Folder for the Parquet output (replaced if it exists)."),
    master: Optional[str] = typer.Option(None, "--master", help="Spark master URL (default: local[*], every core of this machine)."),
    date: Optional[str] = typer.Option(None, "--date", help="Publication date YYYY-MM-DD for inputs that have none."),
    partitions: Optional[int] = typer.Option(None, "--partitions", min=1, help="Coding tasks (default: 4 per core)."),
    min_confidence: Optional[float] = typer.Option(None, "--min-confidence", min=0.0, max=1.0, help="As for `accord ingest`."),
    statements: Optional[bool] = typer.Option(None, "--statements/--no-statements", help="As for `accord ingest`."),
) -> None:
    """Code articles with Spark and write the contract's records as Parquet, by kind and date."""
    from ..readers.dates import check_date
    from ..readers.errors import InputRejected

    try:
        date = check_date(date, "--date")
    except InputRejected as exc:
        raise typer.BadParameter(str(exc)) from None
    try:
        from .. import spark as _  # noqa: F401
        from ..spark.job import run
        import pyspark  # noqa: F401
    except ImportError:
        err.print("accord: `accord spark` needs PySpark: pip install 'accord[spark]'", highlight=False)
        raise typer.Exit(EXIT_FAILURE) from None
    try:
        summary = run(paths, out_dir, master=master, date=date, partitions=partitions,
                      min_confidence=min_confidence, statements=statements)
    except Exception as exc:  # Spark's own errors (no Java, a lost cluster) end the run
        message = str(exc).strip().splitlines()[0] if str(exc).strip() else exc.__class__.__name__
        err.print(f"accord: the Spark job failed: {message}", highlight=False)
        raise typer.Exit(EXIT_FAILURE) from None
    for reason in summary.rejected:
        err.print(f"[red]rejected[/red] {reason}", markup=True, highlight=False)
    table = Table(title=f"Coded into {summary.out}")
    counts = {"articles": summary.articles, "mentions": summary.records.get("mention", 0),
              "time expressions": summary.records.get("timex", 0),
              "events": summary.records.get("event", 0), "quotes": summary.records.get("quote", 0),
              "skipped": sum(summary.skipped.values()), "rejected": len(summary.rejected)}
    for column in counts:
        table.add_column(column, justify="right")
    table.add_row(*(str(v) for v in counts.values()))
    out.print(table)
    if summary.rejected and not summary.articles:
        raise typer.Exit(EXIT_FAILURE)
    raise typer.Exit(EXIT_PARTIAL if summary.rejected else EXIT_OK)


def load_command(
    folder: str = typer.Argument(..., help="The --out folder of an `accord spark` run."),
    db: Optional[str] = typer.Option(None, "--db", help="Database: a DuckDB file or postgresql://... (default as for `accord ingest`)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print only the summary."),
) -> None:
    """Store a Spark run's records, clustering happenings as they load (as `accord ingest` does)."""
    from ..readers.language import is_coded
    from ..spark.load import NotSparkOutput, load
    from ..store import StoreUnavailable, open_store
    from .inputs import InputTally, print_summary
    from .main import EXIT_INTERRUPTED, _db, _display

    path = _db(db)
    try:
        store = open_store(path)
    except Exception as exc:
        from .desk import open_failure

        err.print(open_failure(_display(path), exc, writing=True), highlight=False, markup=False)
        raise typer.Exit(EXIT_FAILURE) from None
    tally = InputTally()
    uncoded: dict[str, str] = {}

    def counted(document: Any) -> None:
        if not is_coded(document.article.language):
            uncoded[document.id] = document.article.language

    def not_stored(document: Any, exc: Exception) -> None:
        uncoded.pop(document.id, None)
        reason = f"{document.id}: not stored: {exc}"
        tally.rejected.append(reason)
        err.print(f"[red]rejected[/red] {reason}", markup=True, highlight=False)

    stopped = ""
    with store:
        try:
            for outcome in load(folder, store, on_error=not_stored, counted=counted):
                tally.count(outcome, uncoded.pop(outcome.article_id, None))
        except NotSparkOutput as exc:
            err.print(f"accord: {exc}", highlight=False)
            raise typer.Exit(EXIT_FAILURE) from None
        except KeyboardInterrupt:
            stopped = "interrupted"
        except StoreUnavailable as exc:
            stopped = f"the database stopped answering: {exc}"
    print_summary(err if quiet else out, tally, _display(path))
    if stopped:
        err.print(f"accord: {stopped}. The articles counted above are stored; run the same "
                  "command again to finish (stored articles count as duplicates).", highlight=False)
        raise typer.Exit(EXIT_INTERRUPTED if stopped == "interrupted" else EXIT_FAILURE)
    sys.stdout.flush()
    raise typer.Exit(EXIT_PARTIAL if tally.rejected else EXIT_OK)
