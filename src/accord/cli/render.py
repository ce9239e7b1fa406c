"""How the CLI shows things: compact tables that fit the terminal, plain text when piped, CSV.

Tables are laid out to the console's width (80 columns when it cannot be known): a few short
columns on one line per record, cells cut with "…" rather than broken mid-word, and the
evidence sentence on its own indented line below (whole with `--wide`). Nothing but the text is
written when output is piped: no colours, no box drawing. CSV always has its header, even
when no record matches.
"""

from __future__ import annotations

import csv
import io
import json
import sys
import textwrap
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.text import Text

from ..events.ontology import DROPPED, UnknownCameoCode, lookup


class Format(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


# -- cells --------------------------------------------------------------------------------------


def cut(text: Any, width: int) -> str:
    """One line of at most `width` characters; longer text ends in "…" (at a word end when one
    is near, so words are not chopped where it can be helped)."""
    text = " ".join(str(text if text is not None else "-").split())
    if width <= 0:
        return ""
    if len(text) <= width:
        return text
    if width == 1:
        return "…"
    head = text[: width - 1]
    space = head.rfind(" ")
    if space >= width * 0.6:
        head = head[:space]
    return head.rstrip(" ,;:") + "…"


def _actor(a: dict | None, short: bool = False) -> str:
    if not a:
        return "-"
    name = a.get("name") or a.get("text")
    if short:
        return name or a["code"]
    return f"{name} ({a['code']})" if name and name != a["code"] else a["code"]


def _place(p: dict | None) -> str:
    if not p:
        return "-"
    return f"{p['name']}, {p['country']}" if p.get("country") else p["name"]


_MODALITY = {"asserted": "", "alleged": "A", "hypothetical": "H", "future": "F"}
FLAGS_LEGEND = "flg: N negated, A alleged, H hypothetical, F future, P dated by publication"


def _event_kind(cameo: str, plover: str | None) -> str:
    """The code and its PLOVER type; for codes PLOVER dropped (statements, appeals) the CAMEO name,
    since "DROPPED" tells a reader nothing about what happened."""
    if plover and plover != DROPPED:
        return f"{cameo} {plover}"
    try:
        return f"{cameo} {lookup(cameo).name}"
    except UnknownCameoCode:
        return cameo


def _flags(r: dict) -> str:
    return (("N" if r.get("negated") else "") + _MODALITY.get(r.get("modality", ""), "?")
            + ("P" if r.get("date_basis") == "publication" else ""))


# Last words of organisation names, which are not shortened to initials like a person's.
_GROUP_WORDS = {"army", "party", "front", "ministry", "council", "union", "organization",
                "organisation", "forces", "force", "group", "movement", "committee", "court",
                "bank", "agency", "office", "department", "republic", "kingdom", "states",
                "nations", "senate", "congress", "parliament", "assembly", "police", "service",
                "services", "government", "league", "alliance", "brigade", "brigades", "news"}


def _actor_cell(a: dict | None, width: int) -> str:
    """An actor in `width` characters, its code kept whole: given names become initials
    ("V. Putin (RUSGOV)") before anything is cut."""
    full = _actor(a)
    if len(full) <= width or not a or not (a.get("name") or a.get("text")):
        return full
    code = f" ({a['code']})"
    room = width - len(code)
    if room < 4:
        return cut(a["code"], width)
    words = (a.get("name") or a.get("text")).split()
    if a.get("name") and 1 < len(words) <= 3 and words[-1].lower() not in _GROUP_WORDS:
        short = " ".join([w[0] + "." for w in words[:-1]] + words[-1:])
        if len(short) <= room:
            return short + code
    return cut(" ".join(words), room) + code


class Layout:
    """Fixed-width columns over the console's width; the flexible ones share what is left."""

    def __init__(self, console: Console, columns: Sequence[tuple[str, int | None, str]], gap: int = 2):
        # columns: (header, width or None for flexible, align "<" or ">")
        self.console = console
        self.gap = gap
        width = console.width if console.is_terminal else _pipe_width(console)
        fixed = sum(w for _, w, _ in columns if w) + gap * (len(columns) - 1)
        flexible = [c for c in columns if not c[1]]
        share = max(8, (width - fixed) // max(1, len(flexible))) if flexible else 0
        self.columns = [(h, w or share, a) for h, w, a in columns]
        self.width = min(width, sum(w for _, w, _ in self.columns) + gap * (len(columns) - 1))

    def line(self, cells: Sequence[Any]) -> str:
        out = []
        for (_, width, align), cell in zip(self.columns, cells):
            text = cut(cell, width)
            out.append(text.rjust(width) if align == ">" else text.ljust(width))
        return (" " * self.gap).join(out).rstrip()

    def header(self) -> str:
        return self.line([h for h, _, _ in self.columns])


def _pipe_width(console: Console) -> int:
    # Piped output has no terminal to measure: $COLUMNS if the user set it, else 80.
    import os

    try:
        return max(40, int(os.environ.get("COLUMNS", "")))
    except ValueError:
        return 80


def _write(console: Console, line: str = "", style: str | None = None) -> None:
    if console.is_terminal and style:
        console.print(Text(line, style=style), soft_wrap=True)
    else:
        console.print(Text(line), soft_wrap=True, highlight=False)


def _title(console: Console, title: str, count: int, noun: str) -> None:
    _write(console, f"{title} ({count} {noun}{'' if count == 1 else 's'})", "bold")


# -- tables -------------------------------------------------------------------------------------


def events_table(console: Console, events: list[dict], title: str = "Events",
                 explain: dict | None = None, wide: bool = False) -> None:
    """Event reports: date, source, event, target, flags, then the evidence line (with the
    article id); `explain` (event id -> rule) adds the rule that fired."""
    layout = Layout(console, [("date", 10, "<"), ("source", None, "<"), ("event", 14, "<"),
                              ("target", None, "<"), ("flg", 3, "<")])
    actor_width = layout.columns[1][1]
    _title(console, title, len(events), "event")
    if not events:
        return
    _write(console, layout.header(), "dim")
    for e in events:
        _write(console, layout.line([e.get("date") or "undated",
                                     _actor_cell(e["source"], actor_width),
                                     _event_kind(e['cameo'], e['plover']),
                                     _actor_cell(e["target"], actor_width), _flags(e)]))
        where = f" @ {_place(e['location'])}" if e.get("location") else ""
        _evidence(console, layout.width, e["article_id"], where, e["evidence"], wide)
        if explain is not None and explain.get(e["id"]):
            _write(console, "    rule: " + explain[e["id"]], "dim")
    _legend(console)


def _evidence(console: Console, width: int, article_id: str, where: str, evidence: str,
              wide: bool) -> None:
    """The evidence sentence on its own indented line, then its article (and place)."""
    sentence = " ".join((evidence or "").split())
    indent = "    "
    if wide:
        for line in textwrap.wrap(f"“{sentence}” [{article_id}]{where}",
                                  width=max(30, width - len(indent)),
                                  break_long_words=False, break_on_hyphens=False):
            _write(console, indent + line, "dim")
        return
    tail = "[" + cut(article_id, max(12, width // 4)) + "]"
    if where:
        tail += " " + cut(where.strip(), max(8, width // 5))
    room = max(20, width - len(indent) - len(tail) - 3)
    _write(console, f"{indent}“{cut(sentence, room)}” {tail}", "dim")


def _legend(console: Console) -> None:
    _write(console, FLAGS_LEGEND, "dim")


def happenings_table(console: Console, happenings: list[dict], title: str = "Happenings") -> None:
    """Happenings: date, source, event, target, flags, articles/sources, and the id below."""
    layout = Layout(console, [("date", 10, "<"), ("source", None, "<"), ("event", 14, "<"),
                              ("target", None, "<"), ("flg", 3, "<"), ("art/src", 7, ">")])
    actor_width = layout.columns[1][1]
    _title(console, title, len(happenings), "happening")
    if not happenings:
        return
    _write(console, layout.header(), "dim")
    for h in happenings:
        _write(console, layout.line([h["date"] or "undated", _actor_cell(h["source"], actor_width),
                                     _event_kind(h['cameo'], h['plover']),
                                     _actor_cell(h["target"], actor_width), _flags(h),
                                     f"{h['articles']}/{h['sources']}"]))
        seen = h.get("first_seen") or "-"
        if h.get("last_seen") and h["last_seen"] != h.get("first_seen"):
            seen += f"..{h['last_seen']}"
        where = f" @ {_place(h['location'])}" if h.get("location") else ""
        _write(console, cut(f"    id {h['id']} · {h['reports']} report(s) · seen {seen}{where}",
                            layout.width), "dim")
    _legend(console)


def happening_detail(console: Console, h: dict) -> None:
    """One happening, then every report with its outlet, date and evidence sentence."""
    happenings_table(console, [h], title=f"Happening {h['id']}")
    reports = h.get("reports_detail") or h.get("evidence") or []
    _title(console, "Reports", len(reports), "report")
    width = Layout(console, [("", None, "<")]).width
    for e in reports:
        art = e.get("article") or {}
        _write(console, cut(f"{art.get('date') or 'undated'}  {art.get('source') or art.get('url') or '-'}"
                            f"  [{e['article_id']}]  {e['cameo']} ({e['trigger']['text']})", width))
        for line in textwrap.wrap(f"“{' '.join(e['evidence'].split())}”", width=max(30, width - 4),
                                  break_long_words=False, break_on_hyphens=False):
            _write(console, "    " + line, "dim")
    copies = h.get("copies") or []
    if copies:
        _title(console, "Near-copies (counted, not coded)", len(copies), "article")
        for c in copies:
            _write(console, cut(f"{c.get('date') or '-'}  {c.get('source') or c.get('url') or '-'}  "
                                f"[{c['id']}] copy of {c.get('duplicate_of')}", width))


def quotes_table(console: Console, quotes: list[dict], title: str = "Quotes", wide: bool = False) -> None:
    _title(console, title, len(quotes), "quote")
    width = Layout(console, [("", None, "<")]).width
    for q in quotes:
        cue = f" ({q['cue']})" if q.get("cue") else ""
        _write(console, cut(f"{_actor(q['speaker'])}{cue}  [{q['article_id']}]", width))
        words = " ".join(q["text"].split())
        marks = ("“", "”") if q.get("direct") else ("", "")
        if wide:
            for line in textwrap.wrap(f"{marks[0]}{words}{marks[1]}", width=max(30, width - 4),
                                      break_long_words=False):
                _write(console, "    " + line, "dim")
        else:
            _write(console, f"    {marks[0]}{cut(words, width - 6)}{marks[1]}", "dim")


def timex_table(console: Console, timexes: list[dict], title: str = "Time expressions") -> None:
    layout = Layout(console, [("text", None, "<"), ("type", 8, "<"), ("value", 16, "<")])
    _title(console, title, len(timexes), "expression")
    if timexes:
        _write(console, layout.header(), "dim")
    for t in timexes:
        _write(console, layout.line([t["text"], t["type"], t["value"]]))


def articles_table(console: Console, articles: list[dict], title: str = "Articles") -> None:
    layout = Layout(console, [("date", 10, "<"), ("id", 24, "<"), ("ev", 4, ">"), ("qu", 4, ">"),
                              ("title", None, "<")])
    _title(console, title, len(articles), "article")
    if not articles:
        return
    _write(console, layout.header(), "dim")
    for a in articles:
        _write(console, layout.line([a.get("date") or "-", a["id"], a.get("events", "-"),
                                     a.get("quotes", "-"), a.get("title") or "-"]))


def dyads_table(console: Console, dyads: list[dict], title: str = "Dyads") -> None:
    layout = Layout(console, [("dyad", None, "<"), ("events", 6, ">"), ("A→B", 5, ">"),
                              ("B→A", 5, ">"), ("coop", 5, ">"), ("confl", 5, ">"),
                              ("Goldst.", 7, ">"), ("dates", 23, "<")])
    _title(console, title, len(dyads), "dyad")
    if not dyads:
        return
    _write(console, layout.header(), "dim")
    for d in dyads:
        _write(console, layout.line([f"{d['a']} – {d['b']}", d["events"], d["a_to_b"], d["b_to_a"],
                                     d["cooperation"], d["conflict"], f"{d['goldstein_mean']:.2f}",
                                     f"{d['first'] or '-'}..{d['last'] or '-'}"]))


def timeline_rows(result: dict) -> list[dict]:
    """One flat row per period (the CSV/JSON form of a timeline)."""
    rows = []
    for p in result["periods"]:
        row = {"period": p["period"], "start": p["start"], "end": p["end"]}
        for side in ("a_to_b", "b_to_a", "total"):
            cell = p[side]
            row[f"{side}_events"] = cell["events"]
            for q in ("1", "2", "3", "4"):
                row[f"{side}_quad{q}"] = cell["quad_class"][q]
            row[f"{side}_goldstein_sum"] = cell["goldstein_sum"]
            row[f"{side}_goldstein_mean"] = cell["goldstein_mean"]
        row["plover"] = ";".join(f"{k}={v}" for k, v in sorted(p["total"]["plover"].items()))
        rows.append(row)
    return rows


TIMELINE_COLUMNS = list(timeline_rows({"periods": [{
    "period": "", "start": "", "end": "",
    **{side: {"events": 0, "quad_class": {"1": 0, "2": 0, "3": 0, "4": 0}, "plover": {},
              "goldstein_sum": 0, "goldstein_mean": None} for side in ("a_to_b", "b_to_a", "total")}}]})[0])

DYAD_COLUMNS = ["a", "b", "events", "a_to_b", "b_to_a", "cooperation", "conflict",
                "goldstein_mean", "first", "last"]


def timeline_table(console: Console, result: dict, rows: list[dict]) -> None:
    a, b = result["a"], result["b"]
    layout = Layout(console, [("period", 9, "<"), ("all", 5, ">"), (f"{a}→{b}"[:9], 9, ">"),
                              (f"{b}→{a}"[:9], 9, ">"), ("coop", 5, ">"), ("confl", 5, ">"),
                              ("Goldst.", 7, ">"), ("", None, "<")])
    _title(console, f"{a} – {b} per {result['interval']}", len(rows), "period")
    if not rows:
        return
    _write(console, layout.header(), "dim")
    peak = max(r["total_events"] for r in rows) or 1
    bar_width = layout.columns[-1][1]
    for r in rows:
        coop = r["total_quad1"] + r["total_quad2"]
        conflict = r["total_quad3"] + r["total_quad4"]
        mean = r["total_goldstein_mean"]
        bar = "+" * round(coop / peak * bar_width) + "-" * round(conflict / peak * bar_width)
        _write(console, layout.line([r["period"], r["total_events"], r["a_to_b_events"],
                                     r["b_to_a_events"], coop, conflict,
                                     "-" if mean is None else f"{mean:.2f}", bar[:bar_width]]))


def timeline_notes(console: Console, result: dict) -> None:
    notes = []
    if result["coarser"]:
        listed = ", ".join(f"{c['date']}: {c['events']}" for c in result["coarser"])
        notes.append(f"dated less precisely than a {result['interval']}: {listed}")
    if result["undated"]:
        notes.append(f"undated: {result['undated']}")
    for note in notes:
        console.print(f"not in the table ({note})", highlight=False, markup=False, soft_wrap=True)


def document_tables(console: Console, document: Any, explain: bool = False, wide: bool = False) -> None:
    records = list(document.records())
    _write(console, f"== {document.id} ({document.article.date or 'no date'}) ==", "bold")
    events = [r for r in records if r["kind"] == "event"]
    rules = {e.id: e.explain for e in document.events} if explain else None
    events_table(console, events, explain=rules, wide=wide or explain)
    quotes_table(console, [r for r in records if r["kind"] == "quote"], wide=wide)
    timex_table(console, [r for r in records if r["kind"] == "timex"])


def ingest_summary(console: Console, db: Path, tally: dict[str, int], rejected: list[str]) -> None:
    """One line; each rejection was reported once, as it happened."""
    parts = [f"{tally.get('stored', 0)} stored", f"{tally.get('updated', 0)} updated"]
    if "copy" in tally:
        parts.append(f"{tally['copy']} near-copy")
    parts += [f"{tally.get('duplicate', 0)} duplicate", f"{len(rejected)} rejected"]
    console.print(f"Ingested into {db}: " + ", ".join(parts), highlight=False, markup=False,
                  soft_wrap=True)


def info(console: Console, payload: dict) -> None:
    db = payload["database"]
    lines = [f"accord {payload['version']}",
             f"database        {db['path']}" + ("" if db["exists"] else " (not created yet)")]
    if "schema_version" in db:
        lines.append(f"schema version  {db['schema_version']}")
    for k, v in (db.get("counts") or {}).items():
        lines.append(f"  {k:<14}{v}")
    if db.get("error"):
        lines.append(f"error           {db['error']}")
    model = payload.get("spacy_model")
    if model:
        lines.append(f"spaCy model     {model['name']} {model['version']}")
        lines.append(f"model path      {model['path']}")
    for w in db.get("warnings", ()):
        lines.append(f"warning         {w}")
    for line in lines:
        console.print(line, highlight=False, markup=False, soft_wrap=True)


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


# -- machine-readable ---------------------------------------------------------------------------


def _kind_columns(kind: str | None) -> list[str] | None:
    from ..service import tables

    if kind in tables.TEMPLATES:
        return tables.columns(kind)
    if kind == "dyad":
        return DYAD_COLUMNS
    if kind == "timeline":
        return TIMELINE_COLUMNS
    return None


def to_csv(rows: list[dict], kind: str | None = None) -> str:
    """CSV with one column per leaf field; the header comes from the record kind, so it is
    there even when no row is."""
    from ..service import tables

    kind = kind or (rows[0].get("kind") if rows else None)
    columns = _kind_columns(kind)
    flat = [tables.flatten(r, join_lists=True) for r in rows]
    if columns is None:
        columns = []
        for r in flat:
            for k in r:
                if k not in columns:
                    columns.append(k)
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(flat)
    return buf.getvalue()


def emit(console: Console, rows: list[dict], format: Format, table: Callable | None,
         kind: str | None = None) -> None:
    if format == Format.jsonl:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
    elif format == Format.csv:
        sys.stdout.write(to_csv(rows, kind))
    elif table is not None:
        table(console, rows)
    sys.stdout.flush()
