"""`accord watch FEED_URL|FILE... --every 15m`: poll feeds and ingest only their new items.

Each poll reads every feed (a URL is fetched politely, with the ETag / Last-Modified of the last
poll, so an unchanged feed costs one small request), drops the items the database already holds
with the same content before any parsing, and ingests the rest (new: stored; changed: updated).
A first poll that can read nothing at all (every feed rejected: a wrong path or URL) ends the
watch with exit code 3; a later poll whose feeds fail is reported and the watch goes on (a feed
can be down for a while). A run bounded by `--polls` ends with the exit codes of `accord ingest`
(1: some feed was rejected in some poll).
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any, Iterator, List, Optional

import typer

from ..readers import is_coded, read_inputs
from .inputs import InputTally, accounted, print_summary, read_options

_UNITS = {1: ("s", "sec", "secs", "second", "seconds"), 60: ("m", "min", "mins", "minute", "minutes"),
          3600: ("h", "hr", "hrs", "hour", "hours"), 86400: ("d", "day", "days")}
_UNIT_SECONDS = {unit: seconds for seconds, units in _UNITS.items() for unit in units}
_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$", re.I)


def parse_interval(value: str) -> float:
    """`15m`, `30s`, `1h`, `15 minutes`, `90` (seconds) -> seconds."""
    m = _INTERVAL.match(value or "")
    unit = m.group(2).lower() if m else ""
    if not m or float(m.group(1)) <= 0 or (unit and unit not in _UNIT_SECONDS):
        raise typer.BadParameter(f"{value!r}: use a number with s, m, h or d, e.g. 15m", param_hint="--every")
    return float(m.group(1)) * _UNIT_SECONDS.get(unit, 1)


def check_feeds(feeds: List[str], every: str) -> None:
    """A bare unit word among the feeds is the rest of an unquoted `--every 15 minutes`, not a
    feed: refuse it (a usage error) rather than poll a file called "minutes"."""
    for feed in feeds:
        if feed.lower() in _UNIT_SECONDS and not Path(feed).exists():
            raise typer.BadParameter(
                f"{feed!r} is not a feed: it looks like the unit of --every {every}; write "
                f"--every {every}{feed.lower()[0]} or quote it: --every '{every} {feed}'", param_hint="FEEDS")


def poll(paths: List[str], store: Any, options: Any, pipeline: Any, report) -> InputTally:
    """One poll: read the feeds, keep the new or changed items, code and store them."""
    from ..pipeline import StageFailure
    from ..service.ingest import routed

    tally = InputTally()
    fresh = list(accounted(read_inputs(paths, options=options), tally, report))
    # The check `accord ingest` and `POST /api/articles` make before the parse (`Store.unchanged`:
    # the same id, text, date and title stored): such an item is not coded again, nor written.
    new = []
    for article, stored in zip(fresh, store.unchanged(fresh)):
        if stored:
            tally.skipped["seen in an earlier poll"] += 1
        else:
            new.append(article)

    def documents() -> Iterator[Any]:
        for result in routed(new, store, pipeline.process):  # near-copies are not parsed
            if isinstance(result, StageFailure):
                tally.rejected.append(str(result))
                report(result)
                continue
            yield result

    languages = {a.id: a.language for a in new if not is_coded(a.language)}
    for outcome in store.ingest_many(documents(), batch_size=50):
        tally.count(outcome, languages.get(outcome.article_id))
    return tally


def watch_command(
    feeds: List[str] = typer.Argument(..., help="Feed URLs (fetched politely) or feed files."),
    every: str = typer.Option("15m", "--every", help="Time between polls: 30s, 15m, 1h, '15 minutes'."),
    db: Optional[str] = typer.Option(None, "--db", help="Database: a DuckDB file or postgresql://... (default: $ACCORD_DB, the config file's `db`, else the user data dir)."),
    polls: Optional[int] = typer.Option(None, "--polls", min=1, help="Stop after this many polls (default: run until interrupted)."),
    date: Optional[str] = typer.Option(None, "--date", help="Publication date YYYY-MM-DD for items that have none."),
) -> None:
    """Poll feeds and ingest the items not seen before (`--every 15m`); Ctrl-C stops. Exit 3 when
    the first poll can read nothing at all (every feed rejected); with --polls, the exit codes of
    `accord ingest` over the whole run."""
    from ..store import open_store
    from . import main as cli

    seconds = parse_interval(every)
    check_feeds(feeds, every)
    date = cli._check_date_option(date, "--date")
    path = cli._db(db)
    pipeline = cli._pipeline()
    options = read_options(date)
    from ..readers.fetch import Fetcher

    fetcher = Fetcher(max_bytes=options.max_input_bytes)
    options.fetcher = fetcher
    options.conditional = True
    n = read = rejected = 0
    try:
        while True:
            n += 1
            started = time.monotonic()
            with open_store(path) as store:  # opened per poll: other processes may read between polls
                tally = poll(feeds, store, options, pipeline, cli._report_rejection)
            cli.out.print(f"poll {n} at {time.strftime('%Y-%m-%d %H:%M:%S')}:", highlight=False)
            print_summary(cli.out, tally, path)
            read += tally.processed + sum(tally.skipped.values())  # a skip ("not modified") was read
            rejected += len(tally.rejected)
            if n == 1 and tally.rejected and not read:
                cli.err.print("accord: the first poll could read none of the feeds (every one was rejected, "
                              "see above); watch stops", highlight=False, soft_wrap=True)
                raise typer.Exit(cli.EXIT_FAILURE)
            if polls is not None and n >= polls:
                raise typer.Exit(cli._exit_code(read, rejected))
            time.sleep(max(0.0, seconds - (time.monotonic() - started)))
    except KeyboardInterrupt:
        pass
    finally:
        fetcher.close()
