"""`accord actors ...`: look up, list and extend the actor knowledge.

    accord actors resolve TEXT [--date YYYY-MM-DD] [--json]
    accord actors list [--country C] [--date D] [--role ROLE] [--format table|jsonl|csv]
    accord actors add FILE [--lenient]
    accord actors files

Exit codes: 0 done; 1 `resolve` found no actor in the text; 2 usage error (bad date, unknown
country or role); 3 the actor files or the spaCy model could not be loaded, or `add` refused the
file (the message names the file and the entry).

`resolve --json` prints one object: text (as given), name, code, country, sector, role (the role
id of the office the actor was resolved through, or null), how (name | role | role-group |
pronoun | plural), office (the office in force on the date: title, role, country, start, end,
code, source; null when none), date, key (the canonical identity), mention ({text, span}: the part
of TEXT that named the actor), other_mentions. When no actor is found it prints the same object
with name, code, country, sector, role, how, office, key and mention null, and exits 1.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from enum import Enum
from typing import Any, Optional

import typer
from rich.console import Console
from rich.table import Table

from ..readers.dates import check_date
from ..readers.errors import InputRejected
from . import render
from ..actors.kinds import How

from .common import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, make_app  # noqa: F401
from .common import EXIT_PARTIAL as EXIT_NOT_FOUND  # "the text names no actor"

actors_app = make_app("Look up, list and extend the actor knowledge.")
out = Console(soft_wrap=False)
err = Console(stderr=True)



class ListFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


# ----------------------------------------------------------------------------- helpers
def _day(value: Optional[str]) -> dt.date:
    try:
        day = check_date(value, "--date")
    except InputRejected as exc:
        raise typer.BadParameter(str(exc), param_hint="--date") from None
    return dt.date.fromisoformat(day) if day else dt.date.today()


def _fail(message: str, code: int = EXIT_FAILURE) -> None:
    err.print(f"accord: {message}", highlight=False, markup=False, soft_wrap=True)
    raise typer.Exit(code)


def _kb():
    from ..actors.knowledge import KnowledgeBaseError
    from ..actors.user_files import load_knowledge_base

    try:
        return load_knowledge_base()
    except (KnowledgeBaseError, ValueError) as exc:
        _fail(f"cannot load the actor knowledge: {exc}")


def _iso(value: Optional[dt.date]) -> Optional[str]:
    from ..actors.lookup import iso

    return iso(value)


def _role_ranks() -> dict[str, int]:
    """Role id -> rank from the packaged roles.yaml (heads of state first in listings)."""
    from importlib.resources import files

    import yaml

    try:
        data = yaml.safe_load(files("accord").joinpath("resources", "actors", "roles.yaml").read_text("utf-8"))
        return {str(k): int((v or {}).get("rank", 50)) for k, v in (data.get("roles") or {}).items()}
    except Exception:  # pragma: no cover - ordering only
        return {}


# ----------------------------------------------------------------------------- resolve
@actors_app.command()
def resolve(
    text: str = typer.Argument(..., help='A mention, e.g. "the US president" or "Russia\'s security chief".'),
    date: Optional[str] = typer.Option(None, "--date", help="The day it is read on, YYYY-MM-DD (default: today)."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object (see `accord actors --help`)."),
) -> None:
    """Resolve TEXT to an actor as of --date, and show how and why.

    The mention covering the largest part of TEXT is shown (the first of equals). Exit 1 when
    TEXT names no actor."""
    from ..actors.lookup import resolve_text
    from ..actors.resolver import ActorStage
    from ..analysis.nlp import ModelNotFound, load_nlp

    on = _day(date)
    kb = _kb()
    try:
        nlp = load_nlp()
    except ModelNotFound as exc:
        _fail(str(exc))
    resolution = resolve_text(text, on, stage=ActorStage(kb), nlp=nlp)
    payload = resolution.to_dict()
    best, office = resolution.mention, resolution.office
    if as_json:
        sys.stdout.write(json.dumps(payload, ensure_ascii=False) + "\n")
    else:
        _print_resolution(kb, payload, best, office, on)
    if best is None:
        err.print(f"accord: no actor found in {text!r} on {on.isoformat()}", highlight=False, markup=False, soft_wrap=True)
        raise typer.Exit(EXIT_NOT_FOUND)


def _print_resolution(kb, payload: dict[str, Any], best, office, on: dt.date) -> None:
    if best is None:
        return
    table = Table(title=f"{payload['text']!r} on {on.isoformat()}", show_header=False)
    table.add_column("key", style="bold")
    table.add_column("value", overflow="fold")
    name = payload["name"] or "(no single person or body)"
    table.add_row("actor", f"{name} ({payload['code']})")
    table.add_row("country", payload["country"] or "-")
    table.add_row("sector", payload["sector"] or "-")
    table.add_row("role", payload["role"] or "-")
    table.add_row("matched", f"{best.text!r} at {best.span[0]}-{best.span[1]}")
    table.add_row("how", f"{best.how}: {How(best.how).description}")
    if office is not None:
        start = _iso(office.start) or "(unknown)"
        end = _iso(office.end) or "now"
        table.add_row("office", f"{office.title}, {office.country}, {start} to {end} "
                                f"({office.code}; {office.source})")
    elif payload["key"] and payload["key"].startswith("person:"):
        terms = kb.offices_of(payload["key"])
        if terms:
            listed = "; ".join(f"{o.title} {o.country} {_iso(o.start) or '?'} to {_iso(o.end) or 'now'}"
                               for o in terms[-3:])
            table.add_row("office", f"none on {on.isoformat()}, so coded {payload['code']}; terms: {listed}")
        else:
            table.add_row("office", "none known")
    table.add_row("identity", payload["key"] or "-")
    for m in payload["other_mentions"]:
        table.add_row("also", f"{m['text']!r}: {m['name'] or '-'} ({m['code']}, {m['how']})")
    out.print(table)


# -------------------------------------------------------------------------------- list
def _place_filter(kb, country: str) -> str:
    q = country.strip()
    for cand in (q, q.upper()):
        try:
            kb.entity(f"igo:{cand}")
            return cand
        except KeyError:
            pass
    ent = kb.country(q)
    if ent is not None:
        return ent.country
    try:
        kb.entity(f"region:{q.upper()}")
        return q.upper()
    except KeyError:
        pass
    raise typer.BadParameter(f"unknown country or organisation {country!r} (ISO3 like GBR, a name, or an "
                             f"organisation id like UN, NATO, EU)", param_hint="--country")


def _role_filter(kb, role: str, place: Optional[str], known: set[str]):
    value = role.strip()
    if value in known:
        return lambda o: o.role == value
    hit = kb.role_for(value, place)
    if hit is not None and hit[0] is not None:
        wanted = hit[0]
        if wanted == "leader":
            return lambda o: bool(o.role) and o.role == kb.leader_role(o.country)
        return lambda o: o.role == wanted
    raise typer.BadParameter(f"unknown role {role!r} (a role id like head_of_state, foreign_minister, "
                             f"or a phrase like 'prime minister')", param_hint="--role")


@actors_app.command("list")
def list_(
    country: Optional[str] = typer.Option(None, "--country", help="ISO3 code, country name, or organisation id (UN, NATO)."),
    date: Optional[str] = typer.Option(None, "--date", help="YYYY-MM-DD (default: today)."),
    role: Optional[str] = typer.Option(None, "--role", help="Role id (head_of_state, foreign_minister...) or phrase ('prime minister')."),
    format: ListFormat = typer.Option(ListFormat.table, "--format", "-f"),
) -> None:
    """Who holds which office on a date: country, role, title, name, code, start, end."""
    on = _day(date)
    kb = _kb()
    place = _place_filter(kb, country) if country else None
    offices = []
    for ent in kb.entities("person"):
        for o in kb.offices_of(ent.key, on):
            offices.append((ent, o))
    keep_role = _role_filter(kb, role, place, {o.role for _, o in offices if o.role}) if role else None
    ranks = _role_ranks()
    rows = []
    for ent, o in offices:
        if place is not None and o.country != place:
            continue
        if keep_role is not None and not keep_role(o):
            continue
        rows.append({"country": o.country, "role": o.role or None, "title": o.title, "name": ent.name,
                     "code": o.code, "start": _iso(o.start), "end": _iso(o.end), "acting": o.acting,
                     "source": o.source, "key": ent.key})
    rows.sort(key=lambda r: (r["country"], ranks.get(r["role"] or "", 99), r["role"] or "~", r["start"] or "",
                             r["name"]))
    if format == ListFormat.jsonl:
        for r in rows:
            sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
    elif format == ListFormat.csv:
        sys.stdout.write(render.to_csv(rows) if rows else "country,role,title,name,code,start,end,acting,source,key\n")
    else:
        what = f" in {place}" if place else ""
        out.print(_offices_table(f"Office holders{what} on {on.isoformat()} ({len(rows)})", rows, out.width))


def _offices_table(title: str, rows: list[dict[str, Any]], width: int) -> Table:
    """Office holders in columns that fit `width` (80 when piped): titles and names wrap at
    spaces, never inside a word (a word longer than its column ends in "…"); codes and dates
    stay whole; roles read as the phrases `--role` takes ("head of state"); the source column
    only from 100 columns on (jsonl and csv always have it). No box: plain text when piped."""
    table = Table(title=title, box=None, pad_edge=False, show_edge=False, title_justify="left",
                  header_style="bold" if out.is_terminal else None)
    table.add_column("country", no_wrap=True, overflow="ellipsis")
    table.add_column("role", overflow="ellipsis", ratio=2)
    table.add_column("title", overflow="ellipsis", ratio=3)
    table.add_column("name", overflow="ellipsis", ratio=2)
    table.add_column("code", no_wrap=True, overflow="ellipsis")
    table.add_column("start", no_wrap=True)
    table.add_column("end", no_wrap=True)
    wide = width >= 100
    if wide:
        table.add_column("source", no_wrap=True)
    for r in rows:
        cells = [r["country"], (r["role"] or "-").replace("_", " "), r["title"] + (" (acting)" if r["acting"] else ""),
                 r["name"], r["code"], r["start"] or "?", r["end"] or "-"]
        table.add_row(*cells, *([r["source"]] if wide else []))
    return table


# --------------------------------------------------------------------------------- add
@actors_app.command()
def add(
    file: str = typer.Argument(..., help="A YAML/CSV/TSV file in the packaged shapes, or a PETRARCH actor dictionary (.txt)."),
    lenient: bool = typer.Option(False, "--lenient", help="For a dictionary: leave out entries that cannot be read instead of refusing the file."),
) -> None:
    """Validate an actor file and install it into the user actor folder (exit 3 if it is refused)."""
    from ..actors.knowledge import KnowledgeBaseError
    from ..actors.user_files import add_actor_file_ex, describe_actor_file

    try:
        added = add_actor_file_ex(file, lenient=lenient)
        info = describe_actor_file(added.destination)
    except KnowledgeBaseError as exc:
        _fail(f"not added: {exc}")
    verb = "replaced" if added.replaced else "installed"
    out.print(f"{verb} {added.destination}", highlight=False, markup=False, soft_wrap=True)
    conv = added.conversion
    if conv is not None:
        out.print(f"  converted from the PETRARCH dictionary {added.source}: {conv.entries} entries, "
                  f"{len(conv.people)} people with {conv.offices} offices; {conv.skipped} entries are not "
                  f"people (countries, organisations) and were left out", highlight=False, markup=False, soft_wrap=True)
        for p in conv.problems[:20]:
            out.print(f"  left out: {p}", highlight=False, markup=False, soft_wrap=True)
        if len(conv.problems) > 20:
            out.print(f"  ... and {len(conv.problems) - 20} more left out", highlight=False, markup=False, soft_wrap=True)
        for extra in added.extra:
            out.print(f"  with {extra} (the role its offices use)", highlight=False, markup=False, soft_wrap=True)
    shape = info["shape"]
    if shape == "people":
        counts = f"{info['entries']} people, {info['offices']} offices"
    elif shape == "roles":
        counts = f"{info['entries']} roles, {info['phrases']} phrases"
    else:
        counts = f"{info['entries']} {shape}"
    names = info.get("names") or []
    shown = ", ".join(names[:10]) + (f", ... ({len(names) - 10} more)" if len(names) > 10 else "")
    out.print(f"  added: {counts}" + (f": {shown}" if shown else ""), highlight=False, markup=False, soft_wrap=True)
    for w in added.warnings:
        err.print(f"accord: warning: {w}", highlight=False, markup=False, soft_wrap=True)


# ------------------------------------------------------------------------------- files
@actors_app.command()
def files(
    as_json: bool = typer.Option(False, "--json", help="One JSON object per file."),
) -> None:
    """List the actor files in use: the config file's actor_files, then the user actor folder."""
    from ..actors.knowledge import KnowledgeBaseError
    from ..actors.user_files import config_actor_files, configured_actor_files, describe_actor_file, user_actor_dir
    from ..config import config_path

    try:
        paths = configured_actor_files()
        from_config = {p.resolve() for p in config_actor_files()}
    except (KnowledgeBaseError, ValueError) as exc:
        _fail(str(exc))
    rows = []
    for p in paths:
        row: dict[str, Any] = {"path": str(p), "from": "config" if p.resolve() in from_config else "folder",
                               "exists": p.is_file(), "shape": None, "entries": None}
        if row["exists"]:
            try:
                info = describe_actor_file(p)
                row["shape"], row["entries"] = info["shape"], info["entries"]
            except KnowledgeBaseError as exc:
                row["error"] = str(exc)
        rows.append(row)
    if as_json:
        for r in rows:
            sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
        return
    out.print(f"config file:  {config_path()}", highlight=False, markup=False, soft_wrap=True)
    out.print(f"actor folder: {user_actor_dir()}", highlight=False, markup=False, soft_wrap=True)
    if not rows:
        out.print("no actor files: the packaged knowledge only (add some with `accord actors add FILE`)",
                  highlight=False, markup=False, soft_wrap=True)
        return
    table = Table(title="Actor files (loaded in this order; later files replace entries of earlier ones)")
    for col in ("file", "from", "kind", "entries"):
        table.add_column(col, overflow="fold")
    for r in rows:
        kind = r["shape"] or ("missing" if not r["exists"] else "unreadable")
        table.add_row(r["path"], r["from"], kind, "-" if r["entries"] is None else str(r["entries"]))
    out.print(table)
