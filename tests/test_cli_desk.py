"""The CLI as an analyst reads it (piped, 80 columns), its aggregations and exports, and the
one-writer rule with `accord serve` holding the database. Tables piped at 80 columns, `ingest`,
and the one-writer rule run as subprocesses; what a query selects, aggregates or refuses is
checked on the same commands run in this process (`test_cli.invoke`, as CliRunner output is
piped text too)."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from test_cli import invoke, jsonl, run

pytestmark = pytest.mark.cli

BOX = set("┏┓┗┛┃━│─┡┩╇┼┳┻╋")


def test_tables_fit_80_columns_piped_and_never_break_a_word(desk_db, tmp_path) -> None:
    # Event reports: a line for the event, a line for its evidence and article.
    args = ["events", "--reports", "--db", desk_db, "--dyad", "CHN", "RUS"]
    proc = run(args, tmp_path, env_extra={"COLUMNS": "80"})
    assert proc.returncode == 0, proc.stderr.decode()
    lines = proc.stdout.decode("utf-8").splitlines()
    events = jsonl(invoke([*args, "--format", "jsonl"], tmp_path).stdout)
    assert lines[0] == f"Events ({len(events)} events)"
    # A title, a header, two lines an event, a legend: not 14 lines an event.
    assert len(lines) == 2 * len(events) + 3
    assert all(len(line) <= 80 for line in lines), max(lines, key=len)
    assert not BOX & set("".join(lines)) and "\x1b[" not in "".join(lines)  # plain text when piped
    rows, evidence = lines[2:-1:2], lines[3:-1:2]
    for row, event in zip(rows, events):
        assert row.split()[0] == (event["date"] or "undated")  # whole dates, never "2016-10-0|7"
        assert event["cameo"] in row
    for line, event in zip(evidence, events):
        assert line.startswith("    “") and f"[{event['article_id'][:12]}" in line  # the article column
    # Wider terminals get more of each evidence sentence; --wide gets all of it, wrapped by word.
    wide = run([*args, "--wide"], tmp_path, env_extra={"COLUMNS": "80"}).stdout.decode()
    joined = " ".join(line.strip() for line in wide.splitlines())
    for event in events:
        assert " ".join(event["evidence"].split()) in joined

    # Happenings (what `accord events` lists by default): a line for the happening, a line for
    # its id, reports and where.
    args = ["events", "--db", desk_db, "--dyad", "CHN", "RUS"]
    lines = run(args, tmp_path, env_extra={"COLUMNS": "80"}).stdout.decode("utf-8").splitlines()
    happenings = jsonl(invoke([*args, "--format", "jsonl"], tmp_path).stdout)
    assert lines[0] == f"Happenings ({len(happenings)} happenings)"
    assert len(lines) == 2 * len(happenings) + 3
    assert all(len(line) <= 80 for line in lines), max(lines, key=len)
    assert not BOX & set("".join(lines)) and "\x1b[" not in "".join(lines)
    for row, detail, h in zip(lines[2:-1:2], lines[3:-1:2], happenings):
        assert row.split()[0] == (h["date"] or "undated") and h["cameo"] in row
        assert row.endswith(f"{h['articles']}/{h['sources']}")
        assert detail.startswith(f"id {h['id']} · {h['reports']} report(s)")


def test_quotes_and_articles_tables_fit_too(desk_db, tmp_path) -> None:
    for args in (["quotes", "--speaker", "Putin"], ["articles"], ["dyads"], ["timeline", "CHN", "RUS"]):
        proc = run([*args, "--db", desk_db], tmp_path, env_extra={"COLUMNS": "80"})
        assert proc.returncode == 0, (args, proc.stderr.decode())
        lines = proc.stdout.decode().splitlines()
        assert lines and all(len(line) <= 80 for line in lines), (args, max(lines, key=len))
        assert not BOX & set(proc.stdout.decode())


def test_csv_has_its_header_even_when_nothing_matches(desk_db, tmp_path) -> None:
    for command, first in ((["events"], "kind,id,date,date_precision,source_text"),
                           (["events", "--reports"], "kind,id,article_id,sentence,evidence"),
                           (["quotes"], "kind,id,article_id,text,span_start")):
        proc = invoke([*command, "--db", desk_db, "--speaker" if command == ["quotes"] else "--actor",
                    "Nobody Atall", "--format", "csv"], tmp_path)
        assert proc.returncode == 0
        assert proc.stdout.decode().splitlines() == [proc.stdout.decode().splitlines()[0]]
        assert proc.stdout.decode().startswith(first)


def test_actor_putin_finds_vladimir_putin(desk_db, tmp_path) -> None:
    events = jsonl(invoke(["events", "--db", desk_db, "--actor", "Putin", "--format", "jsonl"], tmp_path).stdout)
    assert events
    for e in events:
        names = {(e["source"] or {}).get("name"), (e["target"] or {}).get("name")}
        assert "Vladimir Putin" in names


def test_bad_since_is_a_usage_error(desk_db, tmp_path) -> None:
    for command, value in ((["events"], "yesterday"), (["events"], "2016-13-45"),
                           (["dyads"], "2025-02-30"), (["timeline", "CHN", "RUS"], "last week"),
                           (["export", "-o", tmp_path / "x.csv"], "yesterday")):
        proc = invoke([*command, "--db", desk_db, "--since", value], tmp_path)
        stderr = proc.stderr.decode()
        assert proc.returncode == 2, (command, stderr)
        assert "--since" in stderr and value in stderr and "Traceback" not in stderr


def test_a_dyad_missing_its_second_actor_is_named(desk_db, tmp_path) -> None:
    # `--dyad CHN --db FILE` took `--db` as the second actor; the error was "unexpected extra
    # argument(s) (FILE)", naming neither the option nor the reason.
    for command in (["events"], ["export", "-o", tmp_path / "x.csv"]):
        proc = invoke([*command, "--dyad", "CHN", "--db", desk_db], tmp_path)
        stderr = proc.stderr.decode()
        assert proc.returncode == 2 and "--dyad" in stderr and "'--db' is an option" in stderr, stderr


def test_dyads_and_timeline_aggregate(desk_db, tmp_path) -> None:
    dyads = jsonl(invoke(["dyads", "--db", desk_db, "--format", "jsonl"], tmp_path).stdout)
    top = dyads[0]
    assert (top["a"], top["b"]) == ("CHN", "RUS") and top["events"] == top["a_to_b"] + top["b_to_a"]
    # Dates as they were dated: the founding article's "2022 offensive" is a year, shown as "2022"
    # (never 2022-01-01), in the records and in the table.
    rus_ukr = {(d["a"], d["b"]): d for d in dyads}[("RUS", "UKR")]
    assert rus_ukr["last"] == "2022"
    shown = invoke(["dyads", "--db", desk_db], tmp_path).stdout.decode()
    assert f"{rus_ukr['first']}..2022" in shown and "2022-01-01" not in shown
    proc = invoke(["timeline", "CHN", "RUS", "--by", "month", "--db", desk_db, "--format", "csv"], tmp_path)
    rows = list(csv.DictReader(io.StringIO(proc.stdout.decode())))
    periods = [r["period"] for r in rows]
    assert periods == sorted(periods) and periods[-1] == "2026-02"
    assert all(re.fullmatch(r"\d{4}-\d{2}", p) for p in periods)
    assert sum(int(r["total_events"]) for r in rows) >= top["events"] - 5
    # Mixed precision: a week needs a day; month-dated happenings are set apart, and said so.
    weeks = invoke(["timeline", "CHN", "RUS", "--by", "week", "--db", desk_db], tmp_path)
    assert weeks.returncode == 0 and "dated less precisely than a week" in weeks.stderr.decode()
    bad = invoke(["timeline", "CHN", "RUS", "--by", "fortnight", "--db", desk_db], tmp_path)
    assert bad.returncode == 2 and "--by" in bad.stderr.decode() and "fortnight" in bad.stderr.decode()


def test_export_command_writes_gdelt_and_plover(desk_db, tmp_path) -> None:
    out = tmp_path / "events.tsv"
    proc = run(["export", "--db", desk_db, "--format", "gdelt", "-o", out, "--since", "2026"], tmp_path)
    assert proc.returncode == 0, proc.stderr.decode()
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines and all(len(line.split("\t")) == 61 for line in lines)
    # The file follows the count, not the reasons of what was left out (read as part of them).
    assert f"wrote {len(lines)} lines (gdelt, happenings) to {out}" in proc.stderr.decode()
    # What the other options do, in this process.
    plover = invoke(["export", "--db", desk_db, "--format", "plover", "-o", "-", "--dyad", "CHN", "RUS"], tmp_path)
    records = jsonl(plover.stdout)
    assert records and all(r["event"] and r["actor"] for r in records)
    wrong = invoke(["export", "--db", desk_db, "--format", "xls", "-o", tmp_path / "x"], tmp_path)
    assert wrong.returncode == 2 and "--format" in wrong.stderr.decode()
    # An output that cannot be written is named with the reason (it was a traceback).
    for output, reason in ((tmp_path / "no-such-folder" / "x.csv", "No such file or directory"),
                           (tmp_path, "Is a directory")):
        for format in ("csv", "parquet"):
            proc = invoke(["export", "--db", desk_db, "--format", format, "-o", output], tmp_path)
            stderr = proc.stderr.decode()
            assert proc.returncode == 2 and stderr == f"accord: cannot write {output}: {reason}\n", stderr


def test_ingest_quiet_prints_one_line_and_each_rejection_once(tmp_path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("date 2026-02-04 Xi Jinping met Vladimir Putin.", encoding="utf-8")
    bad = tmp_path / ("a-rather-long-file-name-that-would-wrap-at-eighty-columns-" * 2 + ".txt")
    bad.write_bytes(b"\x00\x01binary")
    db = tmp_path / "q.duckdb"
    proc = run(["ingest", good, bad, "--db", db, "-q"], tmp_path, env_extra={"COLUMNS": "80"})
    assert proc.returncode == 1
    assert proc.stdout.decode().splitlines() == [
        f"Ingested into {db}: 1 stored, 0 updated, 0 near-copy, 0 duplicate, 0 not English, "
        "0 skipped, 1 rejected"]
    everything = proc.stdout.decode() + proc.stderr.decode()
    assert everything.count(str(bad)) == 1  # reported once
    [line] = [line for line in proc.stderr.decode().splitlines() if str(bad) in line]
    assert line.endswith("binary data") or "binary" in line  # one line, not wrapped at 80


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(db, tmp_path, *extra):
    port = _free_port()
    env = dict(os.environ, ACCORD_CONFIG=str(tmp_path / "no-config.toml"))
    proc = subprocess.Popen([sys.executable, "-m", "accord.cli.main", "serve", "--db", str(db),
                             "--port", str(port), *extra], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base + "/api/summary", timeout=2)
            return proc, base
        except OSError:
            if proc.poll() is not None:
                break
            time.sleep(0.2)
    proc.kill()
    pytest.fail(f"accord serve did not start: {proc.stderr.read().decode()}")


def test_serve_on_a_taken_port_or_an_unknown_host_says_which_and_why(desk_db, tmp_path) -> None:
    # uvicorn's own messages came after "serving ... on" and, for a host, named neither it nor
    # the port ("[Errno -2] Name or service not known").
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        proc = invoke(["serve", "--db", desk_db, "--port", port], tmp_path)
    stderr = proc.stderr.decode()
    assert proc.returncode == 3 and "serving" not in stderr, stderr
    assert stderr.startswith(f"accord: cannot serve on 127.0.0.1:{port}: ") and "in use" in stderr
    proc = invoke(["serve", "--db", desk_db, "--host", "no-such-host.invalid"], tmp_path)
    stderr = proc.stderr.decode()
    assert proc.returncode == 3 and "'no-such-host.invalid' is unknown" in stderr, stderr


def test_one_writer_a_second_writer_fails_at_once_and_says_what_to_do(desk_db, tmp_path) -> None:
    db = tmp_path / "held.duckdb"
    shutil.copy(desk_db, db)
    story = tmp_path / "story.txt"
    story.write_text("date 2026-02-11 Xi Jinping met Vladimir Putin in Beijing.", encoding="utf-8")

    # A read-only server: other readers are welcome, a writer is refused at once.
    server, base = _serve(db, tmp_path)
    try:
        reader = run(["events", "--db", db, "--actor", "Putin", "--format", "jsonl", "--limit", "1"], tmp_path)
        assert reader.returncode == 0 and jsonl(reader.stdout)
        started = time.monotonic()
        writer = run(["ingest", story, "--db", db], tmp_path)
        assert time.monotonic() - started < 30  # fails at once, never waits for the lock
        message = writer.stderr.decode()
        assert writer.returncode == 3, message
        assert "in use by process" in message and "POST /api/articles" in message and "stop it" in message
    finally:
        server.terminate()
        server.wait(timeout=20)

    # A writing server: reads from another process fail clearly (never hang); articles go to it.
    server, base = _serve(db, tmp_path, "--write-token", "t0ken")
    try:
        started = time.monotonic()
        reader = run(["events", "--db", db], tmp_path)
        assert time.monotonic() - started < 30
        assert reader.returncode == 3 and "being written by process" in reader.stderr.decode()
        writer = run(["ingest", story, "--db", db], tmp_path)
        assert writer.returncode == 3 and "--write-token" in writer.stderr.decode()
        request = urllib.request.Request(
            base + "/api/articles", method="POST", headers={"Authorization": "Bearer t0ken",
                                                            "Content-Type": "application/json"},
            data=json.dumps({"id": "story", "text": story.read_text().split(None, 2)[2],
                             "date": "2026-02-11"}).encode())
        with urllib.request.urlopen(request, timeout=120) as r:
            assert json.loads(r.read())["stored"] == ["story"]
        with urllib.request.urlopen(base + "/api/articles/story", timeout=10) as r:
            assert json.loads(r.read())["events"]
    finally:
        server.terminate()
        server.wait(timeout=20)
    # Once the server stops, the file is free again (for a writer in this process: the refusals
    # above were `ingest` as a process).
    assert invoke(["ingest", story, "--db", db], tmp_path).returncode == 0
