"""The main-text extraction figure in the README: hand-checked text, the benchmark's measure."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from accord.evaluation.extraction import evaluate, page_scores, shingle_counts

ROOT = Path(__file__).resolve().parent.parent


def test_the_shingle_measure():
    gold = "one two three four five six"
    assert shingle_counts(gold, gold) == (3, 0, 0)
    assert shingle_counts(gold, "one two three four five six seven eight") == (3, 2, 0)
    assert shingle_counts(gold, "zero one two three four") == (1, 1, 2)
    assert page_scores(0, 0, 0) == (1.0, 1.0) and page_scores(0, 0, 5) == (0.0, 0.0)


def test_gold_text_is_what_its_selection_gives():
    proc = subprocess.run([sys.executable, str(ROOT / "tools" / "build_extraction_gold.py"), "--check"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def test_main_text_extraction_meets_the_acceptance_figure():
    result = evaluate()
    assert len(result.pages) == 10
    assert result.f1 >= 0.95, result.pages
