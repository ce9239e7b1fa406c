"""The hand-labelled actor-country samples (tests/data/actor_country_*.tsv) match their selection rule and format
(tools/make_actor_gold_skeleton.py --check), as tests/data/README.md documents. Standard library only."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from conftest import shared_path

REPO = Path(__file__).resolve().parents[1]

# file -> (offset, min_spans), as in tests/data/README.md
SAMPLES = {
    "actor_country_gold.tsv": (0, 220),
    "actor_country_heldout.tsv": (2, 200),
    "actor_country_blind.tsv": (4, 200),
    "actor_country_blind2.tsv": (1, 200),
    "actor_country_blind3.tsv": (3, 200),
}


def _tool():
    spec = importlib.util.spec_from_file_location("skeleton", REPO / "tools" / "make_actor_gold_skeleton.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_sample_matches_its_skeleton(name):
    data = shared_path("data", "conflibert-cameo-train", "cameo_ner_train.txt")
    tool = _tool()
    offset, min_spans = SAMPLES[name]
    rows = tool.skeleton_rows(tool.read_sentences(str(data)), 5, min_spans, offset)
    assert tool.check(str(REPO / "tests" / "data" / name), rows) == []


def test_check_catches_a_wrong_span(tmp_path):
    data = shared_path("data", "conflibert-cameo-train", "cameo_ner_train.txt")
    tool = _tool()
    rows = tool.skeleton_rows(tool.read_sentences(str(data)), 5, 200, 3)
    lines = (REPO / "tests" / "data" / "actor_country_blind3.tsv").read_text(encoding="utf-8").splitlines()
    fields = lines[1].split("\t")
    fields[4] = fields[4] + " extra"
    lines[1] = "\t".join(fields)
    bad = tmp_path / "bad.tsv"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert tool.check(str(bad), rows)
