"""How the CLI shows things: rich tables for people, CSV for spreadsheets."""

from __future__ import annotations

import csv
import io
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table


def _actor(a: dict | None) -> str:
    if not a:
        return "-"
    name = a.get("name") or a.get("text")
    return f"{name} ({a['code']})"


def _place(p: dict | None) -> str:
    if not p:
        return "-"
    return f"{p['name']}, {p['country']}" if p.get("country") else p["name"]


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def events_table(console: Console, events: list[dict], title: str = "Events", explain: dict | None = None) -> None:
    table = Table(title=title, show_lines=False, expand=False)
    for col in ("date", "source", "event", "target", "where", "negated/modality", "evidence"):
        table.add_column(col, overflow="fold")
    if explain is not None:
        table.add_column("rule", overflow="fold")
    for e in events:
        flags = ("NEGATED " if e["negated"] else "") + e["modality"]
        date = f"{e['date'] or '-'}" + (" (pub.)" if e.get("date_basis") == "publication" else "")
        row = [
            date,
            _actor(e["source"]),
            f"{e['cameo']} {e['plover']} ({e['trigger']['text']})",
            _actor(e["target"]),
            _place(e["location"]),
            flags,
            _short(e["evidence"], 110),
        ]
        if explain is not None:
            row.append(explain.get(e["id"], ""))
        table.add_row(*row)
    console.print(table)


def happenings_table(console: Console, happenings: list[dict], title: str = "Happenings") -> None:
    table = Table(title=title, show_lines=False, expand=False)
    for col in ("id", "date", "source", "event", "target", "where", "negated/modality",
                "articles", "sources", "reports", "seen"):
        table.add_column(col, overflow="fold",
                         justify="right" if col in ("articles", "sources", "reports") else "left")
    for h in happenings:
        flags = ("NEGATED " if h["negated"] else "") + h["modality"]
        seen = h["first_seen"] or "-"
        if h["last_seen"] and h["last_seen"] != h["first_seen"]:
            seen += f" .. {h['last_seen']}"
        table.add_row(h["id"], h["date"] or "-", _actor(h["source"]), f"{h['cameo']} {h['plover']}",
                      _actor(h["target"]), _place(h["location"]), flags, str(h["articles"]),
                      str(h["sources"]), str(h["reports"]), seen)
    console.print(table)


def happening_detail(console: Console, h: dict) -> None:
    """One happening: its values, then every report with its outlet, date and evidence."""
    happenings_table(console, [h], title=f"Happening {h['id']}")
    table = Table(title="Reports")
    for col in ("published", "outlet", "article", "date", "source", "event", "target", "evidence"):
        table.add_column(col, overflow="fold")
    for e in h.get("evidence", []):
        art = e.get("article", {})
        date = f"{e['date'] or '-'}" + (" (pub.)" if e.get("date_basis") == "publication" else "")
        table.add_row(art.get("date") or "-", art.get("source") or art.get("url") or "-",
                      e["article_id"], date, _actor(e["source"]),
                      f"{e['cameo']} ({e['trigger']['text']})", _actor(e["target"]),
                      _short(e["evidence"], 110))
    console.print(table)
    if h.get("copies"):
        copies = Table(title="Near-copies (counted, not coded)")
        for col in ("article", "copy of", "published", "outlet", "title"):
            copies.add_column(col, overflow="fold")
        for c in h["copies"]:
            copies.add_row(c["id"], c["duplicate_of"], c["date"] or "-",
                           c["source"] or c["url"] or "-", c["title"] or "-")
        console.print(copies)


def quotes_table(console: Console, quotes: list[dict], title: str = "Quotes") -> None:
    table = Table(title=title)
    for col in ("speaker", "cue", "quote"):
        table.add_column(col, overflow="fold")
    for q in quotes:
        table.add_row(_actor(q["speaker"]), q["cue"] or "-", _short(q["text"], 160))
    console.print(table)


def timex_table(console: Console, timexes: list[dict], title: str = "Time expressions") -> None:
    table = Table(title=title)
    for col in ("text", "type", "value"):
        table.add_column(col)
    for t in timexes:
        table.add_row(t["text"], t["type"], t["value"])
    console.print(table)


def articles_table(console: Console, articles: list[dict]) -> None:
    table = Table(title="Articles")
    cols = ["id", "date", "title", "events", "quotes"]
    for col in cols:
        table.add_column(col, overflow="fold")
    for a in articles:
        table.add_row(*(str(a.get(c) if a.get(c) is not None else "-") for c in cols))
    console.print(table)


def document_tables(console: Console, document: Any, explain: bool = False) -> None:
    records = list(document.records())
    console.rule(f"{document.id} ({document.article.date or 'no date'})")
    events = [r for r in records if r["kind"] == "event"]
    rules = {e.id: e.explain for e in document.events} if explain else None
    events_table(console, events, explain=rules)
    quotes_table(console, [r for r in records if r["kind"] == "quote"])
    timex_table(console, [r for r in records if r["kind"] == "timex"])


def ingest_summary(console: Console, db: Path, tally: dict[str, int], rejected: list[str]) -> None:
    table = Table(title=f"Ingested into {db}")
    for col in ("stored", "updated", "copy", "duplicate", "rejected"):
        table.add_column("near-copy" if col == "copy" else col, justify="right")
    table.add_row(str(tally["stored"]), str(tally["updated"]), str(tally.get("copy", 0)),
                  str(tally["duplicate"]), str(len(rejected)))
    console.print(table)
    for reason in rejected:
        console.print(f"  rejected: {reason}", highlight=False, markup=False)


def info(console: Console, payload: dict) -> None:
    table = Table(title=f"accord {payload['version']}", show_header=False)
    table.add_column("key")
    table.add_column("value", overflow="fold")
    db = payload["database"]
    table.add_row("database", db["path"] + ("" if db["exists"] else " (not created yet)"))
    if "schema_version" in db:
        table.add_row("schema version", str(db["schema_version"]))
    for k, v in (db.get("counts") or {}).items():
        table.add_row(f"  {k}", str(v))
    model = payload.get("spacy_model")
    if model:
        table.add_row("spaCy model", f"{model['name']} {model['version']}")
        table.add_row("model path", str(model["path"]))
    for w in db.get("warnings", ()):
        table.add_row("warning", w)
    console.print(table)


@contextmanager
def progress(console: Console, enabled: bool = True) -> Iterator[Progress]:
    """A progress bar on the terminal; silent when output is piped or in CI."""
    bar = Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
        disable=not (enabled and console.is_terminal),
    )
    with bar:
        yield bar


def _flatten(row: dict, prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for k, v in row.items():
        key = f"{prefix}{k}"
        if isinstance(v, dict):
            flat.update(_flatten(v, key + "_"))
        elif isinstance(v, list):
            flat[key] = "-".join(str(x) for x in v) if all(isinstance(x, int) for x in v) else str(v)
        else:
            flat[key] = v
    return flat


def to_csv(rows: list[dict]) -> str:
    flat = [_flatten(r) for r in rows]
    columns: list[str] = []
    for r in flat:
        for k in r:
            if k not in columns:
                columns.append(k)
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(flat)
    return buf.getvalue()
