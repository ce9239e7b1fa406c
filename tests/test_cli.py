"""The `accord` command run as a subprocess, as a user runs it."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

import pytest

from conftest import shared_path

pytestmark = pytest.mark.cli

ACCORD = [sys.executable, "-m", "accord.cli.main"]


def run(args, tmp_path, stdin: bytes | None = None, env_extra: dict | None = None):
    env = dict(os.environ)
    env["ACCORD_CONFIG"] = str(tmp_path / "no-config.toml")  # never the developer's own config
    env.pop("ACCORD_DB", None)
    env["XDG_DATA_HOME"] = str(tmp_path / "xdg-data")
    env["COLUMNS"] = "200"
    if env_extra:
        env.update(env_extra)
    return subprocess.run(ACCORD + [str(a) for a in args], input=stdin, capture_output=True, env=env, timeout=300)


def invoke(args, tmp_path, stdin: bytes | None = None, env_extra: dict | None = None):
    """The same command run in this process (typer's CliRunner), with the environment `run` gives
    it, as a `subprocess.CompletedProcess`: for tests of what a command does with its options and
    data, where the process boundary is not the point. Every command's wiring as a process (entry
    point, exit codes, stdout and stderr apart) is still tested by `run` somewhere."""
    from typer.testing import CliRunner

    from accord.cli.main import app

    env = {"ACCORD_CONFIG": str(tmp_path / "no-config.toml"), "ACCORD_DB": None,
           "XDG_DATA_HOME": str(tmp_path / "xdg-data"), "COLUMNS": "200", **(env_extra or {})}
    result = CliRunner().invoke(app, [str(a) for a in args], input=stdin, env=env, catch_exceptions=False)
    return subprocess.CompletedProcess(args, result.exit_code, result.stdout_bytes, result.stderr_bytes)


def jsonl(stdout: bytes) -> list[dict]:
    return [json.loads(line) for line in stdout.decode("utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def extracted(example_path, tmp_path_factory):
    proc = run(["extract", example_path, "--format", "jsonl"], tmp_path_factory.mktemp("extract"))
    assert proc.returncode == 0, proc.stderr.decode()
    return jsonl(proc.stdout)


def test_extract_validates_against_the_contract_schema(extracted):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(shared_path("contract", "record.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    errors = [f"{r.get('kind')}: {e.message}" for r in extracted for e in validator.iter_errors(r)]
    assert errors == []
    kinds = {r["kind"] for r in extracted}
    assert kinds == {"article", "event", "quote", "timex", "mention"}


def test_extract_spans_index_into_the_article_text(extracted):
    [article] = [r for r in extracted if r["kind"] == "article"]
    text = article["text"]
    for r in extracted:
        if r["kind"] in ("quote", "timex", "mention"):
            a, b = r["span"]
            assert text[a:b] == r["text"], r
        if r["kind"] == "event":
            a, b = r["trigger"]["span"]
            assert text[a:b] == r["trigger"]["text"]
            assert r["evidence"].strip() in text
            for role in ("source", "target"):
                actor = r[role]
                if actor:
                    a, b = actor["span"]
                    assert text[a:b] == actor["text"]
            if r["location"]:
                a, b = r["location"]["span"]
                assert text[a:b] == r["location"]["text"]


def test_ingest_is_idempotent_and_queries_work(example_path, tmp_path, monkeypatch):
    db = tmp_path / "a.duckdb"
    first = run(["ingest", example_path, "--db", db], tmp_path)
    assert first.returncode == 0, first.stderr.decode()
    with monkeypatch.context() as patched:  # an article stored as it is is not coded again
        patched.setattr("accord.pipeline.Pipeline.process", lambda *a, **k: pytest.fail("coded again"))
        second = invoke(["ingest", example_path, "--db", db], tmp_path)  # what a re-run decides
    assert second.returncode == 0
    info1 = json.loads(run(["info", "--db", db, "--json"], tmp_path).stdout)
    assert info1["database"]["counts"]["articles"] == 1
    assert "duplicate" in second.stdout.decode()

    events = jsonl(run(["events", "--reports", "--db", db, "--format", "jsonl"], tmp_path).stdout)
    assert events and all(e["kind"] == "event" for e in events)
    assert info1["database"]["counts"]["events"] == len(events)

    # What each filter selects: the same command in this process (the subprocess runs above and
    # below are the commands' wiring).

    dyad = jsonl(invoke(["events", "--reports", "--db", db, "--dyad", "CHN", "RUS", "--format", "jsonl"], tmp_path).stdout)
    assert dyad
    for e in dyad:
        codes = {e["source"]["code"][:3], e["target"]["code"][:3]}
        assert codes == {"CHN", "RUS"}

    consult = jsonl(invoke(["events", "--reports", "--db", db, "--cameo", "04", "--since", "2025-01-01", "--until", "2025-12-31",
                         "--format", "jsonl"], tmp_path).stdout)
    assert consult and all(e["cameo"].startswith("04") and e["date"].startswith("2025") for e in consult)

    negated = jsonl(invoke(["events", "--reports", "--db", db, "--negated", "--format", "jsonl"], tmp_path).stdout)
    assert negated and all(e["negated"] for e in negated)
    not_negated = jsonl(invoke(["events", "--reports", "--db", db, "--no-negated", "--format", "jsonl"], tmp_path).stdout)
    assert len(negated) + len(not_negated) == len(events)

    by_country = jsonl(invoke(["events", "--reports", "--db", db, "--country", "ARE", "--format", "jsonl"], tmp_path).stdout)
    assert all("ARE" in {(e["source"] or {}).get("country"), (e["target"] or {}).get("country")} for e in by_country)

    as_csv = invoke(["events", "--reports", "--db", db, "--actor", "RUS", "--format", "csv"], tmp_path).stdout.decode()
    rows = list(csv.DictReader(io.StringIO(as_csv)))
    assert rows and all("RUS" in (r.get("source_code", "") + r.get("target_code", "")) for r in rows)

    table = invoke(["events", "--reports", "--db", db], tmp_path)
    assert table.returncode == 0 and "Events" in table.stdout.decode()

    # quotes and articles as processes: test_cli_desk.test_quotes_and_articles_tables_fit_too.
    quotes = jsonl(invoke(["quotes", "--db", db, "--speaker", "Putin", "--format", "jsonl"], tmp_path).stdout)
    assert quotes and all(q["speaker"]["name"] == "Vladimir Putin" for q in quotes)
    by_code = jsonl(invoke(["quotes", "--db", db, "--speaker", "CHN", "--contains", "turbulent",
                         "--format", "jsonl"], tmp_path).stdout)
    assert by_code and all(q["speaker"]["code"].startswith("CHN") and "turbulent" in q["text"].lower()
                           for q in by_code)
    assert any(q["speaker"]["name"] == "Xi Jinping" and q["direct"] for q in by_code)

    arts = invoke(["articles", "--db", db, "--format", "jsonl"], tmp_path)
    [art] = jsonl(arts.stdout)
    assert art["id"].startswith("xi-putin-video-call-2026-02-04#")  # the file name, then a hash of its location


def test_changed_article_is_recoded_in_place(tmp_path):
    # What ingest decides, in this process (ingest's wiring as a process: the test above).
    story = tmp_path / "story.txt"
    story.write_text("date 2026-02-04 Xi Jinping met Vladimir Putin in Moscow.", encoding="utf-8")
    db = tmp_path / "b.duckdb"
    assert invoke(["ingest", story, "--db", db], tmp_path).returncode == 0
    story.write_text("date 2026-02-04 Xi Jinping criticized Vladimir Putin in Moscow.", encoding="utf-8")
    again = invoke(["ingest", story, "--db", db], tmp_path)
    assert again.returncode == 0 and "updated" in again.stdout.decode()
    events = jsonl(invoke(["events", "--reports", "--db", db, "--format", "jsonl"], tmp_path).stdout)
    assert [e["cameo"][:2] for e in events] == ["11"]


def test_bad_inputs_are_reported_and_the_batch_goes_on_into_the_database_from_the_environment(tmp_path):
    """One `ingest` process: without --db it writes to $ACCORD_DB; a bad input is reported and
    the rest of the batch is stored (exit 1, partial)."""
    good = tmp_path / "good.txt"
    good.write_text("date 2026-02-04 Xi Jinping met Vladimir Putin.", encoding="utf-8")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\x00\x01\x02binary")
    bad_date = tmp_path / "date.txt"
    bad_date.write_text("date 2026-02-30 Text.", encoding="utf-8")
    target = tmp_path / "from-env.duckdb"
    proc = run(["ingest", good, binary, bad_date], tmp_path, env_extra={"ACCORD_DB": str(target)})
    assert proc.returncode == 1, proc.stderr.decode()
    stderr = proc.stderr.decode()
    assert f"{binary}: binary data" in stderr
    assert f"{bad_date}: date header '2026-02-30' is not a real calendar date" in stderr
    assert target.exists()
    info = json.loads(invoke(["info", "--json"], tmp_path, env_extra={"ACCORD_DB": str(target)}).stdout)
    assert info["database"]["path"] == str(target)
    assert info["database"]["counts"]["articles"] == 1  # what was stored
    model = info["spacy_model"]
    assert set(model) == {"name", "version", "path"} and model["name"].startswith("en_core_web")


def test_everything_rejected_is_total_failure(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    proc = run(["extract", empty], tmp_path)
    assert proc.returncode == 3
    assert f"{empty}: empty input" in proc.stderr.decode()
    assert proc.stdout == b""


def test_stdin_and_date_option(tmp_path):
    proc = run(["extract", "-", "--date", "2026-02-04"], tmp_path, stdin=b"Xi Jinping visited Moscow on Sunday.")
    assert proc.returncode == 0, proc.stderr.decode()
    records = jsonl(proc.stdout)
    assert records[0]["kind"] == "article" and records[0]["date"] == "2026-02-04"
    bad = run(["extract", "-", "--date", "2026-02-31"], tmp_path, stdin=b"Text.")
    assert bad.returncode == 2 and "2026-02-31" in bad.stderr.decode()


def test_column_options_on_an_input_that_is_no_table_are_said_to_be_ignored(tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("Xi Jinping visited Moscow on Sunday.", encoding="utf-8")
    table = tmp_path / "t.csv"
    table.write_text("body,date\nXi Jinping visited Moscow on Sunday.,2026-02-04\n", encoding="utf-8")
    proc = invoke(["extract", text, table, "--text-column", "body", "--date", "2026-02-04"], tmp_path)
    assert proc.returncode == 0, proc.stderr.decode()
    assert [r["kind"] for r in jsonl(proc.stdout)].count("article") == 2  # read all the same
    warnings = [line for line in proc.stderr.decode().splitlines() if "warning" in line]
    assert len(warnings) == 1  # the text file's, not the table's
    assert "--text-column body" in warnings[0] and str(text) in warnings[0] and "read as text" in warnings[0]
    # Standard input read as text, and --column alike.
    proc = invoke(["extract", "-", "--column", "date=published", "--date", "2026-02-04"], tmp_path,
                  stdin=b"Xi Jinping visited Moscow on Sunday.")
    assert proc.returncode == 0 and "--column date=published ignored for <stdin>" in proc.stderr.decode()
    # Without column options no warning.
    assert "warning" not in invoke(["extract", text, "--date", "2026-02-04"], tmp_path).stderr.decode()


def test_queries_without_a_database_fail_clearly(tmp_path):
    proc = run(["events", "--db", tmp_path / "missing.duckdb"], tmp_path)
    assert proc.returncode == 3
    assert "no database" in proc.stderr.decode()
    # A file that is not a database, or a folder: named once, with the reason, for a query and
    # for ingest (it said "cannot open database X: cannot open the Accord database X: ...").
    not_db = tmp_path / "notes.duckdb"
    not_db.write_text("not a database", encoding="utf-8")
    for command, target in ((["events"], not_db), (["ingest", "-"], not_db), (["events"], tmp_path)):
        proc = invoke([*command, "--db", target], tmp_path, stdin=b"Xi met Putin.")
        err = proc.stderr.decode()
        assert proc.returncode == 3 and err.startswith(f"accord: cannot open the Accord database {target}: "), err
        assert err.count("Accord database") == 1, err


def test_demo_and_version_as_processes(tmp_path):
    # `accord demo` and `accord --version`, as a user runs them (no other test runs them).
    db = tmp_path / "demo.duckdb"
    proc = run(["demo", "--db", db], tmp_path)
    assert proc.returncode == 0, proc.stderr.decode()
    out = proc.stdout.decode()
    assert out.startswith("xi-putin-video-call-2026-02-04.txt: stored in") and "1 article(s)" in out
    assert "Xi Jinping (CHNGOV)" in out and "041 CONSULT" in out and "Vladimir Putin (RUSGOV)" in out
    version = run(["--version"], tmp_path)
    assert version.returncode == 0 and version.stdout.decode().startswith("accord ") and version.stderr == b""


def test_a_missing_model_is_reported_when_the_first_article_is_coded(tmp_path):
    # The model loads when the first article is to be coded (not when the command starts): a
    # missing one is still a clear error, not a traceback.
    story = tmp_path / "s.txt"
    story.write_text("date 2026-02-04 Xi Jinping met Vladimir Putin in Moscow on Sunday.", encoding="utf-8")
    for args in (["extract", story], ["ingest", story, "--db", tmp_path / "m.duckdb"]):
        proc = run(args, tmp_path, env_extra={"ACCORD_SPACY_MODEL": "no_such_model_xyz"})
        err = proc.stderr.decode()
        assert proc.returncode == 3 and "no_such_model_xyz" in err and "Traceback" not in err, err


def test_extract_explain_shows_the_rule_that_fired(tmp_path):
    story = tmp_path / "s.txt"
    story.write_text("date 2026-02-04 Xi Jinping met Vladimir Putin in Moscow on Sunday.", encoding="utf-8")
    proc = invoke(["extract", story, "--explain"], tmp_path, env_extra={"COLUMNS": "250"})  # what it shows
    assert proc.returncode == 0, proc.stderr.decode()
    out = proc.stdout.decode()
    assert "rule" in out and "verb:meet->040" in out and "date=text" in out


def test_extract_statements_option_and_config(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("date 2026-02-04\nXi Jinping said China will host Vladimir Putin in Beijing.\n", encoding="utf-8")

    def codes(proc):
        assert proc.returncode == 0, proc.stderr.decode()
        return [r["cameo"] for r in jsonl(proc.stdout) if r["kind"] == "event"]

    # The options in this process; the config file as a user's process reads it.
    assert "010" not in codes(invoke(["extract", article], tmp_path))
    assert "010" in codes(invoke(["extract", article, "--statements", "--min-confidence", "0"], tmp_path))
    config = tmp_path / "config.toml"
    config.write_text("statements = true\nmin_confidence = 0.0\n", encoding="utf-8")
    assert "010" in codes(run(["extract", article], tmp_path, env_extra={"ACCORD_CONFIG": str(config)}))
    # An option overrides the config file: what the command does, in this process.
    assert "010" not in codes(invoke(["extract", article, "--no-statements"], tmp_path,
                                     env_extra={"ACCORD_CONFIG": str(config)}))
    bad = invoke(["extract", article, "--min-confidence", "2"], tmp_path)
    assert bad.returncode == 2 and b"min-confidence" in bad.stderr
