"""The hand-labelled Wikinews 2019 development set (tests/data/wikinews_dev/) passes its checker
(tools/wikinews_dev.py --check), and the checker catches the mistakes it is meant to catch.

Standard library only: no spaCy, no Accord.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import pytest

from conftest import shared_path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data" / "wikinews_dev"


def _tool():
    spec = importlib.util.spec_from_file_location("wikinews_dev", REPO / "tools" / "wikinews_dev.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def tool():
    shared_path("data", "wikinews", "wikinews_2019.csv")
    shared_path("data", "cameo", "CAMEO_codefile.txt")
    return _tool()


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_committed_files_pass_the_check(tool):
    problems, counts = tool.check(DATA)
    assert problems == []
    assert sum(counts["articles"].values()) > 0
    assert sum(counts["events"].values()) > 0


def test_parts_follow_the_selection_rule(tool):
    rule = {0: "A", 1: "C", 2: "E", 3: "B", 4: "D", 5: "F"}  # part F is development data since 2026-12-07
    for art in _lines(DATA / "articles.jsonl"):
        assert art["article"] % 6 in rule
        assert art["part"] == rule[art["article"] % 6]
    assert [tool.part_of(i) for i in range(12)] == ["A", "C", "E", "B", "D", "F"] * 2


def test_part_f_is_shown_and_reserved_rows_are_not(tool, capsys, monkeypatch):
    rows = tool.read_articles()
    tool.show(5, rows)  # part F is development data: shown like the other parts
    assert capsys.readouterr().out.startswith("# article 5 part F ")
    monkeypatch.setitem(tool.RESERVED, 5, "F")  # a part kept for an untuned audit is refused
    with pytest.raises(SystemExit, match="reserved"):
        tool.show(11, rows)


def test_splitter_offsets_index_the_text(tool):
    text = tool.read_articles()[6]["text"]
    spans = tool.split_sentences(text)
    assert spans[0] == (0, len("Monday, January 7, 2019"))
    for start, end in spans:
        assert text[start:end] == text[start:end].strip()
    # "U.S."-style abbreviations and initials do not end a sentence.
    assert tool.split_sentences("Gov. Rick Scott met J. Smith. He left.") == [(0, 29), (30, 38)]


def _mutated(tmp_path: Path, change) -> Path:
    out = tmp_path / "wd"
    shutil.copytree(DATA, out)
    events = _lines(out / "events.jsonl")
    articles = _lines(out / "articles.jsonl")
    change(events, articles)
    (out / "events.jsonl").write_text("".join(json.dumps(e) + "\n" for e in events), encoding="utf-8")
    (out / "articles.jsonl").write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    return out


def _set(key, value):
    def change(events, articles):
        events[0][key] = value
    return change


@pytest.mark.parametrize("change, message", [
    (_set("sentence_start", 1), "sentence differs"),
    (_set("trigger", "no such words here"), "not in the sentence"),
    (_set("cameo", "999"), "not in the CAMEO code file"),
    (_set("announced_cameo", "042"), "only 02x/03x/10x/12x/13x"),
    (_set("date", "2019-02-30"), "is not YYYY"),
    (_set("modality", "probable"), "modality"),
    (_set("source", {"text": "nobody at all", "name": None, "code": "USAGOV", "country": "USA"}),
     "occurs neither in the sentence nor in the article"),
    (lambda events, articles: articles[0].update(n_events=articles[0]["n_events"] + 1), "n_events"),
    (lambda events, articles: articles[0].update(part="B" if articles[0]["part"] == "A" else "A"), "the rule gives"),
    (lambda events, articles: articles.pop(0), "not listed in articles.jsonl"),
    (lambda events, articles: articles[0].update(part="C"), "the rule gives"),
    (lambda events, articles: articles.insert(0, dict(articles[0], article=5)), "the rule gives 'F'"),
    (lambda events, articles: articles[0].update(part="E"), "the rule gives"),
])
def test_check_catches_mistakes(tool, tmp_path, change, message):
    events = _lines(DATA / "events.jsonl")
    # the announced_cameo case needs an event whose code may not carry one
    if message.startswith("only") and events[0]["cameo"][:2] in tool.ANNOUNCING_ROOTS:
        pytest.skip("first event already has an announcing code")
    problems, _ = tool.check(_mutated(tmp_path, change))
    assert any(message in p for p in problems), problems
