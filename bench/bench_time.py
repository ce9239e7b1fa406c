"""Throughput of the TIME stage alone (`TimeStage.process_document`) on already-parsed documents.

    .venv/bin/python bench/bench_time.py [--rounds 7] [--per-doc 20]

Documents: the founding article plus the ConfliBERT CAMEO training sentences grouped into
documents of `--per-doc` sentences (all dated 2026-02-04). Parsing is done once, outside the
timing; the figure is words (tokens that are not punctuation or whitespace) per second on one
core, best and median over the rounds.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from accord.analysis import load_nlp  # noqa: E402
from accord.model import Article, Document  # noqa: E402
from accord.time import TimeStage  # noqa: E402

EXAMPLE = ROOT / "src/accord/resources/examples/xi-putin-video-call-2026-02-04.txt"
CAMEO = Path("/work/shared/data/conflibert-cameo-train/cameo_class_train.tsv")


def load_texts(per_doc: int) -> list[tuple[str, str | None]]:
    raw = EXAMPLE.read_text(encoding="utf-8")
    m = re.match(r"\s*date (\d{4}-\d{2}-\d{2})\s", raw)
    texts = [(raw[m.end() :], m.group(1))] if m else [(raw, None)]
    if CAMEO.exists():
        sents = [line.split("\t")[0].strip() for line in CAMEO.read_text(encoding="utf-8").splitlines()]
        sents = [s for s in sents if s]
        for i in range(0, len(sents), per_doc):
            texts.append((" ".join(sents[i : i + per_doc]), "2026-02-04"))
    return texts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("--per-doc", type=int, default=20)
    args = ap.parse_args()

    nlp = load_nlp()
    texts = load_texts(args.per_doc)
    documents = []
    for i, ((text, dct), doc) in enumerate(zip(texts, nlp.pipe(t for t, _ in texts))):
        d = Document(Article(id=f"d{i}", text=text, date=dct))
        d.doc = doc
        documents.append(d)
    words = sum(1 for d in documents for t in d.doc if not (t.is_punct or t.is_space))
    tokens = sum(len(d.doc) for d in documents)

    stage = TimeStage()
    for d in documents:  # warm-up: compile the grammar, fill caches
        stage.process_document(d)
    timings = []
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        for d in documents:
            stage.process_document(d)
        timings.append(time.perf_counter() - t0)
    timexes = sum(len(d.timexes) for d in documents)
    best, med = min(timings), statistics.median(timings)
    print(f"documents: {len(documents)}  tokens: {tokens}  words: {words}  timexes: {timexes}")
    print(f"time stage: best {best * 1000:.1f} ms, median {med * 1000:.1f} ms per pass")
    print(f"words/s: {words / best:,.0f} (best)  {words / med:,.0f} (median)")
    print(f"tokens/s: {tokens / best:,.0f} (best)")


if __name__ == "__main__":
    main()
