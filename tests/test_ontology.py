"""Tests for the CAMEO/PLOVER ontology tables and their loader."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from accord.events import ontology
from accord.events.ontology import (
    DROPPED,
    CameoCode,
    UnknownCameoCode,
    cameo_table,
    lookup,
    nearest,
    plover_types,
    quad_class_of,
)

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
RESOURCES = REPO / "src" / "accord" / "resources"


def _shared_file(*parts: str) -> Path:
    path = SHARED.joinpath(*parts)
    if not path.is_file():
        pytest.skip(f"../shared not found: {path}")
    return path


def test_all_roots_present():
    table = cameo_table()
    for r in range(1, 21):
        root = f"{r:02d}"
        assert root in table, root
        assert table[root].root == root


@pytest.mark.parametrize(
    ("code", "plover", "mode", "goldstein", "quad"),
    [
        ("041", "CONSULT", "phone", 1.0, 1),
        ("042", "CONSULT", "visit", 1.9, 1),
        ("051", "SUPPORT", None, 3.4, 1),
        ("163", "SANCTION", "discontinue", -8.0, 4),
        ("190", "ASSAULT", None, -10.0, 4),
        ("0871", "RETREAT", "ceasefire", 9.0, 2),
        ("111", "ACCUSE", "disapprove", -2.0, 3),
    ],
)
def test_known_codes(code, plover, mode, goldstein, quad):
    entry = lookup(code)
    assert entry.code == code
    assert entry.plover == plover
    assert entry.plover_mode == mode
    assert entry.goldstein == goldstein
    assert entry.quad_class == quad
    assert quad_class_of(code) == quad


def test_names_and_root():
    assert lookup("051").name == "Praise or endorse"
    assert lookup("163").name == "Impose embargo, boycott, or sanctions"
    assert lookup("055").name == "Apologize"  # upstream typo "Apolgize" fixed
    assert lookup("041").root == "04"


def test_quad_classes_follow_roots():
    expected = {1: range(1, 6), 2: range(6, 9), 3: range(9, 14), 4: range(14, 21)}
    for quad, roots in expected.items():
        for r in roots:
            assert lookup(f"{r:02d}").quad_class == quad
    for entry in cameo_table().values():
        assert entry.quad_class == lookup(entry.root).quad_class, entry.code


def test_roots_take_x0_mapping_and_dropped_roots():
    assert (lookup("04").plover, lookup("04").plover_mode) == ("CONSULT", None)
    assert lookup("08").plover == lookup("080").plover == "CONCEDE"
    assert lookup("09").plover_mode == "investigate"
    for code, entry in cameo_table().items():
        assert (entry.plover == DROPPED) == (entry.root in {"01", "02"}), code


def test_missing_goldstein_and_mapping_inherit_from_parent():
    # 1213 is absent from GDELT's Goldstein table; 1951 from both it and the PLOVER mapping.
    assert lookup("1213").goldstein == lookup("121").goldstein
    assert lookup("1951").goldstein == lookup("195").goldstein
    assert lookup("1951").plover == lookup("195").plover == "ASSAULT"


def test_nearest_falls_back_to_parent():
    assert nearest("0419").code == "041"
    assert nearest("041").code == "041"
    assert nearest("0499").code == "04"
    assert nearest("1952").code == "1952"
    assert quad_class_of("1899") == 4


@pytest.mark.parametrize("bad", ["0419", "999", "21", "00", "abc", "", "04x"])
def test_unknown_code_raises_with_code_in_message(bad):
    with pytest.raises(UnknownCameoCode) as info:
        lookup(bad)
    assert repr(bad) in str(info.value)
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize("bad", ["999", "21", "04x", "041234", ""])
def test_nearest_rejects_non_codes(bad):
    with pytest.raises(UnknownCameoCode, match=re.escape(repr(bad))):
        nearest(bad)


def test_every_row_has_known_plover_type_and_valid_mode():
    types = plover_types()
    assert len(types) == 17  # the manual's 16 types plus DROPPED
    for entry in cameo_table().values():
        assert re.fullmatch(r"[A-Z_]+", entry.plover), entry.code
        assert entry.plover in types, entry.code
        if entry.plover_mode is not None:
            assert entry.plover_mode in types[entry.plover], entry.code
        assert -10 <= entry.goldstein <= 10
    assert types["CONSULT"] == ("visit", "third-party", "multilateral", "phone")
    assert types["AGREE"] == ()


def test_plover_types_returns_a_copy():
    plover_types().clear()
    assert "CONSULT" in plover_types()


def test_cameo_code_is_frozen():
    entry = lookup("041")
    assert isinstance(entry, CameoCode)
    with pytest.raises(AttributeError):
        entry.goldstein = 0.0  # type: ignore[misc]


def test_row_count_matches_codefile():
    path = _shared_file("data", "cameo", "CAMEO_codefile.txt")
    codes = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        # Roots are comment lines ("//04= CONSULT"); a trailing "i" marks an ICEWS variant label.
        if m := re.match(r"^//(\d\d)[:=]", line) or re.match(r"^LABEL[iI]?:\s*(\d{2,4})i?=", line):
            codes.add(m.group(1))
    assert len(codes) > 300
    assert len(cameo_table()) == len(codes)
    assert set(cameo_table()) == codes


def test_gold_labels_cover_gold_file():
    gold = json.loads(_shared_file("data", "plover", "PLOVER_GSR_CAMEO.txt").read_text(encoding="utf-8"))
    lines = (RESOURCES / "plover" / "plover_gold_labels.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == ["label_v05", "plover", "plover_mode", "note"]
    mapping = {row[0]: row[1] for row in (line.split("\t") for line in lines[1:])}
    assert {r["event"] for r in gold} <= set(mapping)
    assert mapping["DEMAND"] == "REQUEST"
    assert mapping["DISAPPROVE"] == "ACCUSE"
    assert mapping["FIGHT"] == "ASSAULT"
    types = plover_types()
    assert all(t in types for t in mapping.values() if t)


def test_packaged_tables_match_a_fresh_build(tmp_path):
    _shared_file("data", "cameo", "CAMEO_codefile.txt")
    result = subprocess.run(
        [sys.executable, str(REPO / "tools" / "build_ontology.py"), "--shared", str(SHARED), "--out", str(tmp_path)],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    for rel in ("cameo/cameo_codes.tsv", "plover/plover_types.tsv", "plover/plover_gold_labels.tsv"):
        assert (tmp_path / rel).read_bytes() == (RESOURCES / rel).read_bytes(), rel


GOOD_ROW = {
    "code": "041", "name": "Discuss by telephone", "goldstein": "1.0", "quad_class": "1",
    "plover": "CONSULT", "plover_mode": "phone", "plover_context": "",
}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"goldstein": "11.0"}, r"goldstein 11\.0 outside"),
        ({"code": "0411x"}, r"bad CAMEO code '0411x'"),
        ({"code": "21"}, r"bad CAMEO code '21'"),
        ({"quad_class": "5"}, r"quad_class 5 not in 1\.\.4"),
        ({"quad_class": "3"}, r"does not match root 04"),
        ({"plover": "DEMAND"}, r"PLOVER type 'DEMAND' not in plover_types"),
        ({"plover_mode": "riot"}, r"mode 'riot' is not a CONSULT mode"),
    ],
)
def test_bad_rows_are_reported_with_file_and_line(monkeypatch, change, message):
    plover_types()  # load the real PLOVER table before faking the CAMEO rows
    fake = [("accord/resources/cameo/cameo_codes.tsv:7", {**GOOD_ROW, **change})]
    monkeypatch.setattr(ontology, "_rows", lambda parts, columns: iter(fake))
    ontology.cameo_table.cache_clear()
    try:
        with pytest.raises(ontology.OntologyDataError, match=r"cameo_codes\.tsv:7: " + ".*" + message):
            ontology.cameo_table()
    finally:
        ontology.cameo_table.cache_clear()


def test_good_fake_row_loads(monkeypatch):
    # Guards the test above: the unchanged row must load, so the failures come from the changes.
    plover_types()
    monkeypatch.setattr(ontology, "_rows", lambda parts, columns: iter([("x:2", dict(GOOD_ROW))]))
    ontology.cameo_table.cache_clear()
    try:
        assert list(ontology.cameo_table()) == ["041"]
    finally:
        ontology.cameo_table.cache_clear()


def test_modality_words_are_words_not_yaml_booleans():
    from accord.events.lexicon import load_modality
    m = load_modality()
    assert "no" in m.negation_dependents and "no" in m.negation_object_determiners
