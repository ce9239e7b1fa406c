"""Main-text extraction scored as the field scores it: the article extraction benchmark's measure.

For each page, the article text Accord's HTML reader gives (the `text` of the article record
users get) is compared with the hand-checked text (tests/data/extraction/<page>.txt): both are
cut into word tokens (`\\w+`), then into overlapping 4-token shingles counted as multisets;
true positives are shared shingles, false positives extracted-only, false negatives gold-only.
Precision and recall are computed per page and averaged over pages; F1 is the harmonic mean of
the two averages (Scrapinghub's article-extraction-benchmark, evaluate.py, measure only; this is
our own implementation of it).

    .venv/bin/python -m accord.evaluation.extraction            # the table in the README
    .venv/bin/python -m accord.evaluation.extraction --pages    # per page
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

_TOKEN = re.compile(r"\w+", re.UNICODE)
ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "tests" / "data"


def shingles(text: str, n: int = 4) -> Counter:
    tokens = _TOKEN.findall(text or "")
    if len(tokens) < n:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def shingle_counts(gold: str, extracted: str, n: int = 4) -> tuple[int, int, int]:
    """(true positives, false positives, false negatives) over shingle multisets."""
    g, e = shingles(gold, n), shingles(extracted, n)
    tp = sum((g & e).values())
    return tp, sum(e.values()) - tp, sum(g.values()) - tp


def page_scores(tp: int, fp: int, fn: int) -> tuple[float, float]:
    """Precision and recall of one page, with the benchmark's conventions for empty texts."""
    if fp == fn == 0:
        return 1.0, 1.0
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall


@dataclass
class ExtractionResult:
    pages: list[tuple[str, float, float]]  # (page, precision, recall)

    @property
    def precision(self) -> float:
        return sum(p for _, p, _ in self.pages) / len(self.pages)

    @property
    def recall(self) -> float:
        return sum(r for _, _, r in self.pages) / len(self.pages)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def evaluate(gold_dir: Path = DATA / "extraction", pages_dir: Path = DATA / "news_pages") -> ExtractionResult:
    """Score the HTML reader's article text on every page that has hand-checked text."""
    from ..model import Article
    from ..readers import read_inputs

    scored = []
    for gold_path in sorted(gold_dir.glob("*.txt")):
        page = gold_path.stem
        [item] = list(read_inputs([pages_dir / f"{page}.html.gz"]))
        extracted = item.text if isinstance(item, Article) else ""  # a rejected page scores zero
        precision, recall = page_scores(*shingle_counts(gold_path.read_text(encoding="utf-8"), extracted))
        scored.append((page, precision, recall))
    return ExtractionResult(scored)


def main() -> None:
    parser = argparse.ArgumentParser(description="Main-text extraction: shingle precision / recall / F1.")
    parser.add_argument("--pages", action="store_true", help="print each page's scores")
    args = parser.parse_args()
    result = evaluate()
    if args.pages:
        for page, p, r in result.pages:
            print(f"{page:<20} precision {p:.3f}  recall {r:.3f}")
    print(f"{len(result.pages)} pages: precision {result.precision:.3f}  recall {result.recall:.3f}  F1 {result.f1:.3f}")


if __name__ == "__main__":
    main()
