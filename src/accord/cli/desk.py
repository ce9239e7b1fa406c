"""The analyst's commands: `accord serve`, `accord export`, `accord dyads`, `accord timeline`."""

from __future__ import annotations

import errno
import os
import re
import sys
from pathlib import Path
from typing import Any, Optional, Tuple

import typer
from rich.console import Console

from . import render
from .common import EXIT_FAILURE, EXIT_USAGE, check_dyad, db_target

out = Console(soft_wrap=False)
err = Console(stderr=True, soft_wrap=True)

DbOption = typer.Option(None, "--db", help="Database: a DuckDB file, or postgresql://user@host:port/dbname (default: $ACCORD_DB, the config file's `db`, else a file in the user data dir).")

_LOCK_HOLDER = re.compile(r"Conflicting lock is held in (?P<program>.+?) \(PID (?P<pid>\d+)\)")


def _db(path: Optional[str]) -> str:
    return db_target(path)


def open_failure(path: str | Path, exc: Exception, *, writing: bool) -> str:
    """What to tell a user whose database would not open; a held lock says who and what to do."""
    text = str(exc)
    m = _LOCK_HOLDER.search(text)
    if m or "lock" in text.lower():
        holder = f"process {m.group('pid')} ({m.group('program')})" if m else "another process"
        if writing:
            return (f"accord: {path} is in use by {holder}, which holds it open (DuckDB lets one "
                    "process at a time write a database file, and none write while another reads "
                    "it). If it is `accord serve`, send the articles to the server instead "
                    "(POST /api/articles with its --write-token, e.g. curl -H 'Authorization: "
                    "Bearer TOKEN' -F files=@story.txt http://127.0.0.1:8765/api/articles), or "
                    "stop it and run this again. Use a PostgreSQL store for many writers.")
        return (f"accord: {path} is being written by {holder}; DuckDB lets nobody read a file "
                "while another process writes it. Query that process instead (if it is `accord "
                "serve`: its /api/... endpoints), or wait until it finishes and run this again.")
    if text.startswith(("cannot open the Accord database", "cannot connect to the Accord database")):
        return f"accord: {text}"  # the store's own message names the database already
    return f"accord: cannot open database {path}: {exc}"


def _cannot_listen(host: str, port: int) -> str | None:
    """Why `accord serve` could not listen on host:port, or None: asked before the store is
    opened and "serving" is said (uvicorn's own message named neither the host nor the port
    for an unknown host)."""
    import socket

    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except (socket.gaierror, UnicodeError) as exc:
        return f"the host {host!r} is unknown ({getattr(exc, 'strerror', None) or exc})"
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
        try:
            probe.bind(address)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            if exc.errno == errno.EADDRINUSE:
                reason += " (another server, perhaps `accord serve`, is on it: pass --port N)"
            return reason
    return None


def serve(
    db: Optional[str] = DbOption,
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on (127.0.0.1: this machine only)."),
    port: int = typer.Option(8765, "--port", min=1, max=65535),
    write_token: Optional[str] = typer.Option(None, "--write-token", envvar="ACCORD_WRITE_TOKEN",
                                              help="Accept articles at POST /api/articles from clients sending this token "
                                                   "(also $ACCORD_WRITE_TOKEN). Without it the server only reads."),
) -> None:
    """Serve the JSON API (docs at /docs) and the dashboard (at /)."""
    import uvicorn

    from ..api import create_app
    from ..store import open_store

    from .main import _db_exists, _display

    path = _db(db)
    problem = _cannot_listen(host, port)
    if problem is not None:
        err.print(f"accord: cannot serve on {host}:{port}: {problem}", highlight=False, markup=False,
                  soft_wrap=True)
        raise typer.Exit(EXIT_FAILURE)
    if not _db_exists(path) and not write_token:
        err.print(f"accord: no database at {_display(path)}; run `accord ingest PATH...` first (or pass --db, "
                  "or --write-token to start an empty one that accepts articles).", highlight=False)
        raise typer.Exit(EXIT_FAILURE)
    try:
        store = open_store(path, read_only=not write_token)
    except Exception as exc:
        err.print(open_failure(_display(path), exc, writing=bool(write_token)), highlight=False)
        raise typer.Exit(EXIT_FAILURE) from None
    app = create_app(path, write_token=write_token, store=store)
    mode = "reading and writing (POST /api/articles needs the token)" if write_token else "read-only"
    err.print(f"accord: serving {_display(path)} ({mode}) on http://{host}:{port}/  (API docs: /docs)",
              highlight=False)
    try:
        uvicorn.run(app, host=host, port=port, log_level=os.environ.get("ACCORD_LOG_LEVEL", "warning"))
    finally:
        store.close()


def export(
    output: Path = typer.Option(..., "--output", "-o", help="File to write ('-' for standard output; not for parquet)."),
    format: str = typer.Option("csv", "--format", "-f", help="csv, parquet, jsonl, gdelt (61 columns), gdelt-mentions (16), plover."),
    reports: bool = typer.Option(False, "--reports", help="Export event reports (one per sentence) instead of happenings (csv, parquet, jsonl)."),
    db: Optional[str] = DbOption,
    actor: Optional[str] = typer.Option(None, "--actor"),
    country: Optional[str] = typer.Option(None, "--country"),
    dyad: Optional[Tuple[str, str]] = typer.Option(None, "--dyad", callback=check_dyad),
    since: Optional[str] = typer.Option(None, "--since"),
    until: Optional[str] = typer.Option(None, "--until"),
    cameo: Optional[str] = typer.Option(None, "--cameo"),
    plover: Optional[str] = typer.Option(None, "--plover"),
    quad_class: Optional[str] = typer.Option(None, "--quad-class"),
    negated: Optional[bool] = typer.Option(None, "--negated/--no-negated"),
    modality: Optional[str] = typer.Option(None, "--modality"),
    min_sources: Optional[int] = typer.Option(None, "--min-sources", min=0),
    q: Optional[str] = typer.Option(None, "--q", "--text"),
) -> None:
    """Export happenings (or reports) to a file other tools read: CSV, Parquet, JSON lines,
    GDELT 2.0 events or mentions, PLOVER JSON lines."""
    from ..export import FORMATS, ExportError
    from ..export import export as run_export

    if format not in FORMATS:
        raise typer.BadParameter(f"expected one of {', '.join(FORMATS)}, got {format!r}", param_hint="--format")
    if format == "parquet" and str(output) == "-":
        raise typer.BadParameter("parquet needs a file, not standard output", param_hint="--output")
    from .main import _checked, _filters, _open_service

    filters = _filters(actor=actor, country=country, dyad=tuple(dyad) if dyad and all(dyad) else None,
                       since=since, until=until, cameo=cameo, plover=plover, quad_class=quad_class,
                       negated=negated, modality=modality, min_sources=min_sources, q=q)
    unit = "reports" if reports else "happenings"
    with _open_service(db) as svc:
        target: Any = sys.stdout.buffer if str(output) == "-" else output
        try:
            result = _checked(lambda: run_export(svc, format, target, filters, unit=unit))
        except ExportError as exc:  # a format without that unit; an output that cannot be written
            err.print(f"accord: {exc}", highlight=False, markup=False, soft_wrap=True)
            raise typer.Exit(EXIT_USAGE) from None
    where = "standard output" if str(output) == "-" else str(output)
    err.print(f"accord: wrote {result.summary(where)}", highlight=False, markup=False, soft_wrap=True)


def dyads(
    db: Optional[str] = DbOption,
    level: str = typer.Option("country", "--level", help="country (ISO codes) or actor (names, else codes)."),
    domestic: bool = typer.Option(False, "--domestic", help="Include a country (or actor) with itself."),
    actor: Optional[str] = typer.Option(None, "--actor"),
    country: Optional[str] = typer.Option(None, "--country"),
    since: Optional[str] = typer.Option(None, "--since"),
    until: Optional[str] = typer.Option(None, "--until"),
    cameo: Optional[str] = typer.Option(None, "--cameo"),
    quad_class: Optional[str] = typer.Option(None, "--quad-class"),
    negated: Optional[bool] = typer.Option(None, "--negated/--no-negated"),
    modality: Optional[str] = typer.Option(None, "--modality"),
    limit: int = typer.Option(20, "--limit", min=1),
    format: render.Format = typer.Option(render.Format.table, "--format", "-f"),
) -> None:
    """The busiest pairs: happenings between two countries (or actors), both directions."""
    from .main import _checked, _filters, _open_service

    filters = _filters(actor=actor, country=country, since=since, until=until, cameo=cameo,
                       quad_class=quad_class, negated=negated, modality=modality)
    with _open_service(db) as svc:
        page = _checked(lambda: svc.dyads(filters, level=level, domestic=domestic, limit=limit))
    render.emit(out, page.items, format, render.dyads_table, kind="dyad")


def timeline(
    a: str = typer.Argument(..., help="First actor: code prefix (CHN) or name words."),
    b: str = typer.Argument(..., help="Second actor."),
    by: str = typer.Option("month", "--by", help="week, month or year."),
    db: Optional[str] = DbOption,
    since: Optional[str] = typer.Option(None, "--since"),
    until: Optional[str] = typer.Option(None, "--until"),
    cameo: Optional[str] = typer.Option(None, "--cameo"),
    negated: Optional[bool] = typer.Option(None, "--negated/--no-negated"),
    modality: Optional[str] = typer.Option(None, "--modality"),
    format: render.Format = typer.Option(render.Format.table, "--format", "-f"),
) -> None:
    """Happenings between A and B per week, month or year, in both directions; dates less
    precise than the period are counted apart, never spread over made-up days."""
    from .main import _filters, _open_service

    from ..service import ParameterError

    filters = _filters(since=since, until=until, cameo=cameo, negated=negated, modality=modality)
    with _open_service(db) as svc:
        try:
            result = svc.timeline(a, b, interval=by, filters=filters)
        except ParameterError as exc:
            hint = {"interval": "--by", "a": "A", "b": "B"}.get(exc.param, "--" + exc.param)
            raise typer.BadParameter(exc.message, param_hint=hint) from None
    rows = render.timeline_rows(result)
    render.emit(out, rows, format, lambda console, rows: render.timeline_table(console, result, rows), kind="timeline")
    if format == render.Format.table:
        render.timeline_notes(err, result)
