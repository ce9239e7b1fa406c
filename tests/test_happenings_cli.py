"""`accord ingest`, `events`, `articles` and `recluster` on happenings, as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import shared_path
from test_cli import invoke, jsonl, run

pytestmark = pytest.mark.cli

DATA = Path(__file__).resolve().parent / "data" / "happenings"


def test_ingest_links_copies_and_events_lists_happenings(example_path, tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(shared_path("contract", "record.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    rows = {json.loads(l)["id"]: l for l in (DATA / "articles.jsonl").open(encoding="utf-8")}
    copies = tmp_path / "copies.jsonl"
    copies.write_text("".join(rows[i] for i in ("copy-headline", "copy-credit", "copy-trimmed")),
                      encoding="utf-8")
    db = tmp_path / "h.duckdb"
    first = run(["ingest", example_path, copies, "--db", db], tmp_path)
    assert first.returncode == 0, first.stderr.decode()
    assert "near-copy" in first.stdout.decode()

    # `events` as a process: test_cli_desk (the happenings table piped at 80 columns).
    happenings = jsonl(invoke(["events", "--db", db, "--format", "jsonl"], tmp_path).stdout)
    assert happenings and all(h["kind"] == "happening" for h in happenings)
    for h in happenings:
        assert not list(validator.iter_errors(h)), h
    counts = [(h["articles"], h["sources"]) for h in happenings]
    assert counts == sorted(counts, reverse=True)  # found in the most articles first
    assert happenings[0]["articles"] == 4
    # What each option selects and shows: the same command in this process (ingest and recluster
    # run as subprocesses here, as a user runs them).
    wide = jsonl(invoke(["events", "--db", db, "--min-sources", "4", "--format", "jsonl"], tmp_path).stdout)
    assert wide and all(h["sources"] >= 4 for h in wide)
    dyad = jsonl(invoke(["events", "--db", db, "--dyad", "CHN", "RUS", "--format", "jsonl"], tmp_path).stdout)
    assert dyad and all({h["source"]["code"][:3], h["target"]["code"][:3]} == {"CHN", "RUS"} for h in dyad)

    reports = jsonl(invoke(["events", "--reports", "--db", db, "--format", "jsonl"], tmp_path).stdout)
    assert reports and all(r["kind"] == "event" and r["happening"] for r in reports)
    assert {r["happening"] for r in reports} == {h["id"] for h in happenings}
    assert sum(h["reports"] for h in happenings) == len(reports)

    one = jsonl(invoke(["events", "--db", db, "--id", happenings[0]["id"], "--format", "jsonl"], tmp_path).stdout)
    assert one[0] == happenings[0]
    assert [r["id"] for r in one[1:]] == happenings[0]["event_ids"]
    table = invoke(["events", "--db", db, "--id", happenings[0]["id"]], tmp_path)
    assert table.returncode == 0
    text = table.stdout.decode()
    assert "Reports" in text and "copy-credit" in text and "Daily Herald" in text
    missing = invoke(["events", "--db", db, "--id", "no-such-happening"], tmp_path)
    assert missing.returncode == 1 and "no happening" in missing.stderr.decode()

    articles = jsonl(invoke(["articles", "--db", db, "--format", "jsonl"], tmp_path).stdout)
    by_id = {a["id"]: a for a in articles}
    [founding] = [a for a in articles if not a["id"].startswith("copy-")]  # its id: the reader's
    assert all(by_id[c]["duplicate_of"] == founding["id"]
               for c in ("copy-headline", "copy-credit", "copy-trimmed"))
    assert by_id["copy-credit"]["events"] == 0 and founding["events"] > 0 and founding["duplicate_of"] is None
    for a in articles:
        record = {k: v for k, v in a.items() if k not in ("events", "quotes")}
        assert not list(validator.iter_errors(record)), record

    rebuilt = run(["recluster", "--db", db], tmp_path)
    assert rebuilt.returncode == 0 and f"{len(reports)} reports in {len(happenings)} happenings" in rebuilt.stdout.decode()
    assert jsonl(invoke(["events", "--db", db, "--format", "jsonl"], tmp_path).stdout) == happenings


def test_ingest_says_what_else_the_store_did(tmp_path):
    # A new version of a story from the same outlet extends the stored one, which becomes its
    # copy: `accord ingest` says so under its counts (the store's note), not only in the tables.
    from test_clustering import NEW_PARAGRAPH, WIRE

    def story(aid: str, text: str) -> str:
        return json.dumps({"id": aid, "text": text, "date": "2026-02-04", "source": "Wire"}) + "\n"

    db = tmp_path / "n.duckdb"
    (tmp_path / "first.jsonl").write_text(story("wire", WIRE), encoding="utf-8")
    (tmp_path / "second.jsonl").write_text(story("wire-updated", WIRE + NEW_PARAGRAPH), encoding="utf-8")
    assert invoke(["ingest", tmp_path / "first.jsonl", "--db", db, "-w", "0"], tmp_path).returncode == 0
    second = invoke(["ingest", tmp_path / "second.jsonl", "--db", db, "-w", "0"], tmp_path)
    assert second.returncode == 0, second.stderr.decode()
    out = second.stdout.decode()
    assert "1 stored" in out and "note: wire-updated: extends wire (now copies of it)" in out, out
    quiet = invoke(["ingest", tmp_path / "second.jsonl", "--db", db, "-w", "0", "-q"], tmp_path)
    assert "note:" not in quiet.stdout.decode()
    articles = {a["id"]: a["duplicate_of"] for a in
                jsonl(invoke(["articles", "--db", db, "--format", "jsonl"], tmp_path).stdout)}
    assert articles == {"wire": "wire-updated", "wire-updated": None}
