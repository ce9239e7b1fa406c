"""Benchmark the PETRARCH-2 verb-pattern matcher (accord.events.verbs) on real news sentences.

    .venv/bin/python bench/bench_verbs.py [--n 1000] [--repeat 5] [--shared ../shared]

Parses the first --n sentences of data/conflibert-cameo-train/cameo_class_train.tsv (first
column) once, outside the timing, then times VerbDictionary.match() over every VERB token of
every sentence, verb by verb in document order (so each Doc's token arrays are built once, as
in the pipeline; that cost is included). Prints matches/s, microseconds per match (best of
--repeat rounds) and how the matches were decided (no entry / default / pattern / no event).
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TSV = Path("data") / "conflibert-cameo-train" / "cameo_class_train.tsv"


def sentences(shared: Path, n: int) -> list[str]:
    path = shared / TSV
    if not path.exists():
        sys.exit(f"{path} not found (use --shared)")
    out = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row and row[0].strip():
                out.append(row[0].strip())
            if len(out) >= n:
                break
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000, help="sentences (default 1000)")
    ap.add_argument("--repeat", type=int, default=5, help="timed rounds; the best is reported")
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = ap.parse_args()

    from accord.analysis import load_nlp, model_info
    from accord.events.verbs import VerbDictionary

    t0 = time.perf_counter()
    verbs_dict = VerbDictionary.default()
    load_seconds = time.perf_counter() - t0

    nlp = load_nlp()
    texts = sentences(args.shared, args.n)
    docs = list(nlp.pipe(texts, batch_size=64))
    verbs = [t for doc in docs for t in doc if t.pos_ == "VERB"]

    rounds = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        for t in verbs:
            verbs_dict.match(t)
        rounds.append(time.perf_counter() - start)
    best = min(rounds)

    outcome: Counter[str] = Counter()
    for t in verbs:
        entry = verbs_dict.entry(t)
        m = verbs_dict.match(t)
        if entry is None:
            outcome["verb not in the dictionary"] += 1
        elif m is None:
            outcome["in the dictionary, no event (---)"] += 1
        elif m.specificity == 0:
            outcome["block or verb default code"] += 1
        else:
            outcome["pattern matched"] += 1

    print(f"{len(docs)} sentences, {len(verbs)} VERB tokens, model {model_info(nlp)['name']}; "
          f"dictionary: {verbs_dict.pattern_count} patterns, loaded in {load_seconds * 1000:.0f} ms")
    print(f"match(): {len(verbs) / best:,.0f} matches/s, {best / len(verbs) * 1e6:.1f} us per verb "
          f"(best of {args.repeat}; median {len(verbs) / statistics.median(rounds):,.0f} matches/s)")
    for k, v in outcome.most_common():
        print(f"  {k}: {v} ({100 * v / len(verbs):.0f}%)")


if __name__ == "__main__":
    main()
