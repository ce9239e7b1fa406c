"""The `accord` command.

Exit codes (also in the README):
  0  every input was processed (stored, updated, duplicate, or extracted)
  1  some inputs were rejected; all the others were processed
  2  usage error (unknown option, bad value)
  3  nothing could be processed: every input was rejected, or the model or database failed
"""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Any, Iterator, List, Optional, Tuple

import typer
from rich.console import Console
from rich.markup import escape as rich_escape

from .. import __version__
from ..readers import is_coded, read_inputs
from ..readers.dates import check_date
from ..readers.errors import InputRejected
from . import render
from .actors import actors_app
from .inputs import ColumnOption, InputTally, accounted, ReaderProgress, TextColumnOption, print_summary, progress_display, read_options

from .common import EXIT_FAILURE, EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, check_dyad, db_target, make_app  # noqa: F401

EXIT_INTERRUPTED = 130  # Ctrl-C, as shells report it

app = make_app("Accord: who did what to whom, when and where, and who said what, from news text.")
app.add_typer(actors_app, name="actors", help="Look up, list and extend the actor knowledge.")
out = Console(soft_wrap=False)
err = Console(stderr=True, soft_wrap=True)  # messages are never wrapped into a log file's lines

Format = render.Format


class ExtractFormat(str, Enum):
    jsonl = "jsonl"
    table = "table"


DbOption = typer.Option(None, "--db", help="Database: a DuckDB file, or postgresql://user@host:port/dbname (default: $ACCORD_DB, the config file's `db`, else a file in the user data dir).")


INPUTS_HELP = ("Files (.txt, .jsonl, .html, .rss/.atom/.xml feeds, .warc, .csv/.tsv/.parquet, and .gz of each), "
               "directories, http(s):// URLs (fetched politely), or - for standard input.")


def _db(target: Optional[str]) -> str:
    return db_target(target)


def _db_exists(target: str) -> bool:
    from ..store import is_postgres

    return is_postgres(target) or Path(target).expanduser().exists()


def _display(target: str) -> str:
    """The database for messages: a PostgreSQL URL without its password."""
    from ..store.postgres import safe_url

    return safe_url(target)


def _check_date_option(value: Optional[str], name: str) -> Optional[str]:
    try:
        return check_date(value, name)
    except InputRejected as exc:
        raise typer.BadParameter(str(exc)) from None


def _report_rejection(item: Any) -> None:
    err.print(f"[red]rejected[/red] {rich_escape(str(item))}", markup=True, highlight=False)


def _pipeline(policy: Any = None):
    from ..analysis.nlp import ModelNotFound
    from ..pipeline import default_pipeline

    try:
        return default_pipeline(policy)
    except ModelNotFound as exc:
        err.print(f"accord: {exc}", highlight=False)
        raise typer.Exit(EXIT_FAILURE) from None


MinConfidenceOption = typer.Option(None, "--min-confidence", min=0.0, max=1.0,
                                   help="Events below this confidence are not records (default: the config's "
                                        "`min_confidence`, else the threshold Accord ships with).")
StatementsOption = typer.Option(None, "--statements/--no-statements",
                                help="Keep bare statements (CAMEO 010, 'X said ...') as event records "
                                     "(default: the config's `statements`, else no).")


def _policy(min_confidence: Optional[float], statements: Optional[bool]) -> Any:
    """The record policy: these options, else ACCORD_MIN_CONFIDENCE / ACCORD_STATEMENTS, else the
    config file, else the packaged defaults (accord.events.policy)."""
    from ..events.policy import RecordPolicy

    try:
        return RecordPolicy.from_settings(min_confidence, statements)
    except ValueError as exc:
        err.print(f"accord: {exc}", highlight=False)
        raise typer.Exit(EXIT_USAGE) from None


def _documents(paths: List[str], options: Any, tally: InputTally, policy: Any = None,
               workers: Optional[int] = 0, store: Any = None) -> Iterator[Any]:
    """Run the pipeline over the inputs, counting skips and reporting every rejection.

    `workers`: 0 codes in this process; None or N >= 1 as `accord.workers.code_articles`. With a
    store, near-copies of stored (or just coded) articles skip the parse: they come out uncoded,
    with `duplicate_of` set, for the store to link (`accord.clustering.nearcopy.route`)."""
    from ..analysis.nlp import ModelNotFound
    from ..pipeline import StageFailure
    from ..workers import WorkerStartError, code_articles

    # The language is told where the article is coded (in a worker, not in this process,
    # which reads and writes); a near-copy that skips coding gets it in `routed`.
    detect = options.detect_language
    options.detect_language = False
    articles = accounted(read_inputs(paths, options=options), tally, _report_rejection)
    coding: list[Any] = []

    def code(to_code: Any) -> Iterator[Any]:
        # The model is loaded when the first article is to be coded (`code_articles`): a run
        # that codes none (a re-run over stored articles) loads none. A missing model is
        # reported below.
        coding.append(code_articles(to_code, workers, policy=policy, detect_language=detect))
        return coding[-1]

    if store is None:
        results = code(articles)
    else:
        from ..service.ingest import routed

        # With workers the pool reads hundreds of articles ahead anyway: ask the store about
        # 64 at a time rather than 16 (the same decisions; fewer lookups for the writing
        # process, which shares the cores with the workers: about 0.2 ms of CPU per article).
        # An article stored already with the same content (a re-run) is not coded again: the
        # store counts it as a duplicate, as it would after coding it.
        results = routed(articles, store, code, detect_language=detect,
                         lookahead=64 if workers != 0 else 16, skip_unchanged=True)
    try:
        for result in results:
            if isinstance(result, StageFailure):
                tally.rejected.append(str(result))
                _report_rejection(result)
                continue
            yield result
    except WorkerStartError as exc:
        err.print(f"accord: a worker could not start: {exc}", highlight=False)
        raise typer.Exit(EXIT_FAILURE) from None
    except ModelNotFound as exc:
        err.print(f"accord: {exc}", highlight=False)
        raise typer.Exit(EXIT_FAILURE) from None
    finally:
        results.close()
        for generator in coding:
            generator.close()  # stops the workers, also on Ctrl-C


def _exit_code(processed: int, rejected: int) -> int:
    if rejected and not processed:
        return EXIT_FAILURE
    return EXIT_PARTIAL if rejected else EXIT_OK


@app.command()
def extract(
    paths: List[str] = typer.Argument(..., help=INPUTS_HELP),
    format: ExtractFormat = typer.Option(ExtractFormat.jsonl, "--format", "-f", help="jsonl: the record contract; table: readable."),
    date: Optional[str] = typer.Option(None, "--date", help="Publication date YYYY-MM-DD for inputs that have none."),
    explain: bool = typer.Option(False, "--explain", help="Show, for each event, the rule or pattern that fired."),
    min_confidence: Optional[float] = MinConfidenceOption,
    statements: Optional[bool] = StatementsOption,
    text_column: Optional[str] = TextColumnOption,
    column: List[str] = ColumnOption,
) -> None:
    """Extract records from articles and print them; needs no database and writes nothing."""
    date = _check_date_option(date, "--date")
    policy = _policy(min_confidence, statements)
    tally = InputTally()
    processed = 0
    for document in _documents(paths, read_options(date, text_column, column), tally, policy):
        processed += 1
        if format == ExtractFormat.jsonl and not explain:
            write = sys.stdout.write
            for record in document.records():
                write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            render.document_tables(out, document, explain=explain)
    sys.stdout.flush()
    raise typer.Exit(_exit_code(processed, len(tally.rejected)))


@app.command()
def ingest(
    paths: List[str] = typer.Argument(..., help=INPUTS_HELP),
    db: Optional[str] = DbOption,
    date: Optional[str] = typer.Option(None, "--date", help="Publication date YYYY-MM-DD for inputs that have none."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no details: rejections (on stderr, as they happen) and one summary line."),
    min_confidence: Optional[float] = MinConfidenceOption,
    statements: Optional[bool] = StatementsOption,
    text_column: Optional[str] = TextColumnOption,
    column: List[str] = ColumnOption,
    workers: Optional[int] = typer.Option(
        None, "--workers", "-w", min=0,
        help="Processes that parse and code (default: the number of cores; a handful of articles "
             "is coded in this process). 0: code in this process. This process writes."),
    batch_size: int = typer.Option(
        50, "--batch-size", min=1,
        help="Articles written per transaction (each article is still all-or-nothing)."),
) -> None:
    """Store articles and all their records; an article seen before is counted as a duplicate."""
    from ..store import StoreUnavailable, open_store

    date = _check_date_option(date, "--date")
    policy = _policy(min_confidence, statements)
    path = _db(db)
    try:
        store = open_store(path)
    except Exception as exc:
        err.print(desk.open_failure(_display(path), exc, writing=True), highlight=False, markup=False)
        raise typer.Exit(EXIT_FAILURE) from None
    tally = InputTally()
    uncoded: dict[str, str] = {}  # id -> language of the articles in flight that are not coded
    if workers != 0:
        store.write_alone()  # the workers have the cores
    with store, progress_display(err, enabled=not quiet) as bar:
        task = bar.add_task("articles", total=None, unit="articles")
        options = read_options(date, text_column, column, progress=ReaderProgress(bar))

        def counted(documents: Iterator[Any]) -> Iterator[Any]:
            for document in documents:
                bar.update(task, advance=1)
                if not is_coded(document.article.language):
                    uncoded[document.id] = document.article.language
                yield document

        def not_stored(document: Any, exc: Exception) -> None:
            # The store rolled this article back; it is rejected, the batch goes on.
            uncoded.pop(document.id, None)
            reason = f"{document.article.origin or document.id}: not stored: {exc}"
            tally.rejected.append(reason)
            _report_rejection(reason)

        documents = _documents(paths, options, tally, policy, workers, store=store)
        stopped = ""
        try:
            # Coding in this process: the store writes each batch from a thread of its own
            # while the next articles are parsed (on a second core; see `Store.ingest_many`).
            for outcome in store.ingest_many(counted(documents), batch_size=batch_size,
                                             on_error=not_stored, background=workers == 0):
                tally.count(outcome, uncoded.pop(outcome.article_id, None))
        except KeyboardInterrupt:
            # The open batch was rolled back; everything counted is committed.
            stopped = "interrupted"
        except StoreUnavailable as exc:
            stopped = f"the database stopped answering: {exc}"
        finally:
            documents.close()
    print_summary(out, tally, _display(path), details=not quiet)
    if stopped:
        err.print(f"accord: {stopped}. The articles counted above are stored; run the same "
                  "command again to finish (stored articles count as duplicates).", highlight=False)
        raise typer.Exit(EXIT_INTERRUPTED if stopped == "interrupted" else EXIT_FAILURE)
    raise typer.Exit(_exit_code(tally.processed, len(tally.rejected)))


@app.command()
def events(
    db: Optional[str] = DbOption,
    actor: Optional[str] = typer.Option(None, "--actor", help="Actor code prefix (RUS, RUSGOV) or name words (Putin), as source or target."),
    country: Optional[str] = typer.Option(None, "--country", help="ISO3 country of source or target."),
    dyad: Optional[Tuple[str, str]] = typer.Option(None, "--dyad", callback=check_dyad, help="Two actors, A B: events between them in either direction."),
    since: Optional[str] = typer.Option(None, "--since", help="Events dated on or after YYYY[-MM[-DD]]."),
    until: Optional[str] = typer.Option(None, "--until", help="Events dated on or before YYYY[-MM[-DD]]."),
    cameo: Optional[str] = typer.Option(None, "--cameo", help="CAMEO code prefix, e.g. 04 or 042."),
    plover: Optional[str] = typer.Option(None, "--plover", help="PLOVER event type, e.g. CONSULT."),
    quad_class: Optional[str] = typer.Option(None, "--quad-class", help="Quad class 1-4, or several: 3,4."),
    negated: Optional[bool] = typer.Option(None, "--negated/--no-negated", help="Only negated, or only non-negated, events."),
    modality: Optional[str] = typer.Option(None, "--modality", help="asserted, alleged, hypothetical or future (or several, comma-separated)."),
    q: Optional[str] = typer.Option(None, "--q", "--text", help="Words that must all occur in the evidence sentence."),
    min_sources: Optional[int] = typer.Option(None, "--min-sources", min=1, help="Only happenings reported by at least N publishers."),
    reports: bool = typer.Option(False, "--reports", help="List the per-article event records (each with its happening) instead of happenings."),
    happening_id: Optional[str] = typer.Option(None, "--id", help="Show one happening with all its reports, their evidence, outlets and dates."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1),
    format: Format = typer.Option(Format.table, "--format", "-f"),
    wide: bool = typer.Option(False, "--wide", help="Tables: whole evidence sentences, wrapped."),
) -> None:
    """Query stored happenings (one line per real-world event, the most widely reported first);
    --reports lists the reports (event records), --id shows one happening and its evidence."""
    filters = _filters(actor=actor, country=country, dyad=tuple(dyad) if dyad and all(dyad) else None,
                       since=since, until=until, cameo=cameo, plover=plover, quad_class=quad_class,
                       negated=negated, modality=modality, q=q, min_sources=min_sources)
    with _open_service(db) as svc:
        if happening_id:
            found = svc.happening(happening_id)
            if found is None:
                err.print(f"accord: no happening {happening_id!r} in {_db(db)}", highlight=False)
                raise typer.Exit(EXIT_PARTIAL)
            if format == Format.table:
                render.happening_detail(out, found)
            elif format == Format.jsonl:
                # Contract records only: the happening, then its reports.
                evidence = found.pop("evidence")
                found.pop("copies", None)
                _emit([found, *({k: v for k, v in e.items() if k not in ("article", "evidence_start")}
                                for e in evidence)], format, None)
            else:
                _emit(found["evidence"], format, None, kind="event")  # a row per report
            return
        if reports:
            rows = svc.reports(filters, limit=limit).items
            _emit(rows, format, lambda console, rows: render.events_table(console, rows, wide=wide),
                  kind="event")
            return
        rows = svc.happenings(filters, limit=limit).items
    _emit(rows, format, render.happenings_table, kind="happening")


@app.command()
def quotes(
    db: Optional[str] = DbOption,
    speaker: Optional[str] = typer.Option(None, "--speaker", help="Speaker name words (Putin) or actor code prefix (RUS)."),
    contains: Optional[str] = typer.Option(None, "--contains", help="Only quotes containing these words."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1),
    format: Format = typer.Option(Format.table, "--format", "-f"),
    wide: bool = typer.Option(False, "--wide", help="Tables: whole quotes, wrapped."),
) -> None:
    """Query stored quotes."""
    with _open_service(db) as svc:
        rows = _checked(lambda: svc.quotes(speaker=speaker, contains=contains, limit=limit).items)
    _emit(rows, format, lambda console, rows: render.quotes_table(console, rows, wide=wide), kind="quote")


@app.command()
def articles(
    db: Optional[str] = DbOption,
    format: Format = typer.Option(Format.table, "--format", "-f"),
) -> None:
    """List stored articles (jsonl: the contract's article records, with the counts of events and
    quotes as extra fields)."""
    with _open_service(db) as svc:
        rows = svc.article_records() if format == Format.jsonl else svc.articles().items
    _emit(rows, format, render.articles_table, kind="article")


@app.command()
def recluster(db: Optional[str] = DbOption) -> None:
    """Rebuild every happening from the stored reports (after changing the clustering rules or
    thresholds in the config file)."""
    from ..store import open_store

    path = _db(db)
    if not _db_exists(path):
        err.print(f"accord: no database at {_display(path)}", highlight=False)
        raise typer.Exit(EXIT_FAILURE)
    with open_store(path) as store:
        counts = store.recluster()
    out.print(f"{_display(path)}: {counts['reports']} reports in {counts['happenings']} happenings "
              f"({counts['copies']} near-copies counted)", highlight=False)


@app.command()
def info(
    db: Optional[str] = DbOption,
    as_json: bool = typer.Option(False, "--json", help="Machine-readable output."),
) -> None:
    """Version, database path and counts, and the spaCy model in use."""
    from ..analysis.nlp import ModelNotFound, load_nlp, model_info

    path = _db(db)
    database: dict[str, Any] = {"path": _display(path), "exists": _db_exists(path)}
    if database["exists"]:
        from ..store import open_store

        try:
            with open_store(path, read_only=True) as store:
                database["schema_version"] = store.schema_version()
                database["counts"] = store.counts()
        except Exception as exc:
            database["error"] = str(exc)
    try:
        model: dict[str, Any] | None = model_info(load_nlp())
    except ModelNotFound as exc:
        model = None
        database.setdefault("warnings", []).append(str(exc))
    payload = {"version": __version__, "database": database, "spacy_model": model}
    if as_json:
        sys.stdout.write(json.dumps(payload, indent=2) + "\n")
    else:
        render.info(out, payload)


@app.command()
def demo(db: Optional[str] = DbOption) -> None:
    """Ingest the bundled example article (the Xi-Putin video call) and show what Accord found."""
    from importlib.resources import as_file, files

    from ..store import open_store

    resource = files("accord").joinpath("resources", "examples", EXAMPLE_FILE)
    path = _db(db)
    with as_file(resource) as example:
        tally = InputTally()
        with open_store(path) as store:
            outcomes = [store.ingest(d) for d in _documents([str(example)], read_options(None), tally)]
            if tally.rejected or not outcomes:
                raise typer.Exit(EXIT_FAILURE)
            statuses = [o.status for o in outcomes]
            article_id = outcomes[0].article_id
            records = store.article_records(article_id)
            counts = store.counts()
    out.print(f"[bold]{EXAMPLE_FILE}[/bold]: {statuses[0]} in {_display(path)} "
              f"(the database holds {counts['articles']} article(s), {counts['events']} event(s))")
    events = [r for r in records if r["kind"] == "event"]
    events.sort(key=lambda e: (e["sentence"], e["trigger"]["span"][0]))
    render.events_table(out, events)
    render.quotes_table(out, [r for r in records if r["kind"] == "quote"])
    timexes = [r for r in records if r["kind"] == "timex"]
    timexes.sort(key=lambda t: t["span"][0])
    render.timex_table(out, timexes)


EXAMPLE_FILE = "xi-putin-video-call-2026-02-04.txt"


def _open_existing(db: Optional[str]):
    from ..store import open_store

    path = _db(db)
    if not _db_exists(path):
        err.print(f"accord: no database at {_display(path)}; run `accord ingest PATH...` first (or pass --db).", highlight=False)
        raise typer.Exit(EXIT_FAILURE)
    try:
        return open_store(path, read_only=True)
    except Exception as exc:
        err.print(desk.open_failure(_display(path), exc, writing=False), highlight=False, markup=False)
        raise typer.Exit(EXIT_FAILURE) from None


def _open_service(db: Optional[str]):
    from ..service import Service

    return Service(_open_existing(db), owns_store=True)


def _usage_error(exc: Any) -> typer.BadParameter:
    """A service ParameterError as the CLI's usage error (exit 2), naming the option."""
    return typer.BadParameter(exc.message, param_hint="--" + exc.param.replace("_", "-"))


def _filters(**raw: Any):
    from ..service import Filters, ParameterError

    try:
        return Filters.parse(**raw)
    except ParameterError as exc:
        raise _usage_error(exc) from None


def _checked(call):
    from ..service import ParameterError

    try:
        return call()
    except ParameterError as exc:
        raise _usage_error(exc) from None


def _emit(rows: list[dict[str, Any]], format: Format, table, kind: str | None = None) -> None:
    render.emit(out, rows, format, table, kind=kind)


from .evaluate import eval_command  # noqa: E402  (registered here to keep main.py the one entry)
from . import desk  # noqa: E402

app.command("eval")(eval_command)
for _command in (desk.serve, desk.export, desk.dyads, desk.timeline):
    app.command()(_command)

from .watch import watch_command  # noqa: E402

app.command("watch")(watch_command)

from .spark import load_command, spark_command  # noqa: E402

app.command("spark")(spark_command)
app.command("load")(load_command)


@app.callback(invoke_without_command=True)
def _main(version: bool = typer.Option(False, "--version", help="Print the version and exit.")) -> None:
    if version:
        sys.stdout.write(f"accord {__version__}\n")
        raise typer.Exit(EXIT_OK)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
