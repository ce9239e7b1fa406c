"""The ConfliBERT event classes and the data split the evaluation reports apart
(accord.events.classes; until 2026-12-08 part of the removed learned classifier's module)."""

from __future__ import annotations

import hashlib

from accord.events import classes as C
from accord.model import Detection
from conftest import shared_path


def test_split_rule_is_the_documented_hash():
    for text in ("Iraqi troops launched an assault.", "  Protesters burned\tthe flag. ", "x", "Ça va."):
        h = int.from_bytes(hashlib.sha256("".join(text.split()).encode("utf-8")).digest()[:8], "big")
        assert C.split_of(text) == ("test" if h % 5 == 0 else "train")


def test_split_is_deterministic_and_ignores_whitespace():
    text = "Russian Foreign Minister Sergei Lavrov on October 31 suggested that the plan is an attempt."
    assert C.split_of(text) == C.split_of(text)
    assert C.split_of(text) == C.split_of(text.replace(" ", "  ").replace("31 ", "31\n"))
    parts = [C.split_of(f"sentence number {n}.") for n in range(2000)]
    assert 0.15 < parts.count("test") / len(parts) < 0.25


def test_split_of_the_development_data_is_disjoint_and_complete():
    from accord.evaluation.events import conflibert_class_rows

    shared = shared_path("data", "conflibert-cameo-train", "cameo_class_train.tsv").parents[2]
    every = conflibert_class_rows(shared)
    train, test = conflibert_class_rows(shared, "train"), conflibert_class_rows(shared, "test")
    assert len(train) + len(test) == len(every)
    assert not {t for t, _ in train} & {t for t, _ in test}
    assert len(test) == 265 and len(every) == 1349  # as resources/events/SOURCES.md states


def test_class_of_code_groups_the_cameo_roots():
    assert [C.class_of_code(f"{r:02d}0") for r in range(1, 21)] == [0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3,
                                                                     4, 4, 3, 4, 4, 4, 4]
    assert C.class_of_code(None) is None and C.class_of_code("") is None and C.class_of_code("x1") is None


def test_evaluation_uses_the_rules_main_detection():
    from accord.evaluation.events import main_detection, predicted_class
    from accord.model import Article, Document

    doc = Document(Article(id="x", text="x"))
    a = Detection(0, "190", (0, 1), None, None, True, "asserted", "a")
    b = Detection(0, "111", (2, 3), (0, 1), None, False, "asserted", "b")
    doc.detections = [a, b]
    assert main_detection(doc) is b is C.rules_main(doc.detections)
    assert predicted_class(doc) == 3  # the rules' root 11
