"""`accord eval events`: the whole evaluation, as the README's figures are made, checked for its
shape and for never dumping held-out data. In its own file, so that `make test` can hand this
long run (a minute and a half on an idle machine) to a worker of its own from the start.

The evaluation runs in this process (`test_cli.invoke`: the same command, whose spaCy model this
worker may have loaded already); `accord eval` as a process (entry point, exit code, stdout and
stderr apart) is the test below it."""

from __future__ import annotations

import json

import pytest

from conftest import shared_path
from test_cli import invoke, run

# Out of `make test-fast` as before (the whole evaluation is no quick check), and one process run.
pytestmark = [pytest.mark.cli, pytest.mark.slow]


def test_eval_events_scores_records_and_dumps_development_data_only(tmp_path):
    shared = shared_path("data", "conflibert-cameo-train").parents[1]
    dump = tmp_path / "mismatches.jsonl"
    proc = invoke(["eval", "events", "--shared", shared, "--json", "--dump", dump], tmp_path)
    assert proc.returncode == 0, proc.stderr.decode()
    figures = json.loads(proc.stdout)["events"]
    assert figures["policy"]["statements"] is False
    for part in ("development", "held-out"):
        c = figures["conflibert"][part]
        assert 0 < c["sentences"] and 0 <= c["with_record"] <= c["sentences"]
        assert 0.0 <= c["class_accuracy"] <= 1.0 and 0.0 <= c["source_f1"] <= 1.0 and 0.0 <= c["target_f1"] <= 1.0
        assert 0.0 <= c["class_accuracy_root16_material"] <= 1.0
    assert figures["founding"]["expected"] > 0
    from accord.events.classes import split_of

    dumped = [json.loads(line) for line in dump.read_text(encoding="utf-8").splitlines()]
    assert dumped and {d["set"] for d in dumped} >= {"conflibert-class", "plover"}
    assert all(split_of(d["text"]) != "test" for d in dumped if d["set"].startswith("conflibert"))
    # Development parts (A, C, D, E, F) may be dumped; part B (held out) never is, and its figures are aggregate only.
    assert not [d for d in dumped if d["set"].startswith("wikinews") and d["set"] not in
                ("wikinews-A", "wikinews-C", "wikinews-D", "wikinews-E", "wikinews-F")]
    for part in ("A", "C", "D", "E", "F"):  # development parts keep their per-field error tables
        tuned = figures.get("wikinews", {}).get(part)
        if tuned is not None:
            assert "wrong_records" in tuned and "missed_gold" in tuned, part
    aggregate = {"records", "right", "gold", "found", "precision", "recall", "f1"}
    for part, scored in figures.get("wikinews", {}).items():  # every part: the strict rule's figures beside
        assert set(scored["strict"]) == aggregate and scored["strict"]["records"] == scored["records"], part
        assert scored["strict"]["right"] <= scored["records"], part
    held_out = figures.get("wikinews", {}).get("B")
    if held_out is not None:
        assert set(held_out) <= {"articles", "articles_in_part", "strict"} | aggregate


def test_eval_as_a_process_says_when_the_shared_data_is_missing(tmp_path):
    proc = run(["eval", "events", "--shared", tmp_path / "nowhere", "--json"], tmp_path)
    assert proc.returncode == 3
    assert "no shared data" in proc.stdout.decode() and proc.stderr == b""
