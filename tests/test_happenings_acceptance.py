"""Issue 14's acceptance cases on real text through the whole pipeline and the store: the founding
article and three syndicated copies, a fifth report in other words, a story that looks back, and
the labelled set's order independence (tests/data/happenings)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from accord.evaluation.happenings import evaluate, ingest
from accord.pipeline import Pipeline
from accord.service import Filters, Service
from accord.store import open_store

DATA = Path(__file__).resolve().parent / "data" / "happenings"
ROWS = {json.loads(line)["id"]: json.loads(line)
        for line in (DATA / "articles.jsonl").open(encoding="utf-8")}

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def pipeline(nlp):
    return Pipeline.default(nlp)


def write(tmp_path: Path, name: str, ids: list[str]) -> Path:
    path = tmp_path / f"{name}.jsonl"
    path.write_text("".join(json.dumps(ROWS[i]) + "\n" for i in ids), encoding="utf-8")
    return path


def happening_of(store, article_id: str, words: str, root: str) -> dict:
    [event] = [e for e in Service(store).reports().items if e["article_id"] == article_id
               and words in e["evidence"] and e["cameo"].startswith(root)][:1]
    assert event["happening"], event
    return Service(store).happening(event["happening"])


def test_founding_article_copies_and_a_fifth_report(tmp_path: Path, pipeline) -> None:
    founding = "xi-putin-video-call-2026-02-04"
    with open_store(tmp_path / "a.duckdb") as store:
        tally = ingest(store, [write(tmp_path, "four", [founding, "copy-headline", "copy-credit",
                                                        "copy-trimmed"])], pipeline)
        assert tally == {"stored": 1, "copy": 3}
        linked = {a["id"]: a["duplicate_of"] for a in Service(store).article_records()}
        assert linked == {founding: None, "copy-headline": founding, "copy-credit": founding,
                          "copy-trimmed": founding}
        call = happening_of(store, founding, "video call", "04")
        assert (call["articles"], call["sources"]) == (4, 4)
        assert call["date"] == "2026-02-04" and {call["source"]["country"], call["target"]["country"]} == {"CHN", "RUS"}
        assert sorted(c["id"] for c in call["copies"]) == ["copy-credit", "copy-headline", "copy-trimmed"]
        # A fifth report, in other words, joins it.
        assert ingest(store, [write(tmp_path, "fifth", ["xi-putin-call-other-words"])], pipeline) == {"stored": 1}
        fifth = happening_of(store, "xi-putin-call-other-words", "video link", "04")
        assert (fifth["articles"], fifth["sources"]) == (5, 5)
        assert {r["article_id"] for r in fifth["evidence"]} == {founding, "xi-putin-call-other-words"}
        # Re-ingesting everything changes nothing.
        before = Service(store).happenings().items
        again = ingest(store, [write(tmp_path, "all", [founding, "copy-headline", "copy-credit",
                                                       "copy-trimmed", "xi-putin-call-other-words"])],
                       pipeline)
        assert again == {"duplicate": 5}
        assert Service(store).happenings().items == before


def test_a_story_that_looks_back_and_a_report_from_the_time(tmp_path: Path, pipeline) -> None:
    founding = "xi-putin-video-call-2026-02-04"
    with open_store(tmp_path / "b.duckdb") as store:
        ingest(store, [write(tmp_path, "two", [founding, "xi-moscow-visit-2025-05-07"])], pipeline)
        looking_back = happening_of(store, founding, "Xi also visited Moscow last year", "04")
        at_the_time = happening_of(store, "xi-moscow-visit-2025-05-07", "arrived in Moscow", "04")
        assert looking_back["id"] == at_the_time["id"]
        assert looking_back["date"] == "2025-05-07" and looking_back["date_precision"] == "day"
        assert (looking_back["first_seen"], looking_back["last_seen"]) == ("2025-05-07", "2026-02-04")


def test_labelled_set_order_and_rebuild(pipeline) -> None:
    result = evaluate(DATA, pipeline)
    order = result.figures["order"]
    assert order["forward_equals_reverse"], result.figures
    assert order["recluster_equals_incremental"], result.figures
    # Floors, not the figures: the README reports the figures.
    assert result.figures["nearcopy"]["recall"] >= 0.8
    assert result.figures["nearcopy"]["precision"] >= 0.8
    assert result.figures["happenings"]["pairwise"]["precision"] >= 0.6
