"""Benchmark: one document of 1,000, 10,000, 50,000 and 200,000 words, each coded alone.

    .venv/bin/python bench/bench_long.py [--sizes 1000 10000 50000 200000] [--shared ../shared]

Each document is real news text (the WikiEvents articles, one after another with a blank line
between them, cycled to the length wanted) coded by the whole pipeline in a fresh process (warmed on the founding article), so
that its time and peak resident memory (ru_maxrss, model included) are its own. A long document
is coded in bounded pieces (`piece_chars`, accord.limits): the time per word should stay flat and
the memory under 1 GiB whatever the length. Before pieces, one 200,000-word document ran 15
minutes and reached 4.4 GB before it was killed.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def document(shared: Path, words: int) -> str:
    texts = []
    for split in ("dev", "test"):
        for line in (shared / "data" / "wikievents" / f"{split}.jsonl").open(encoding="utf-8"):
            obj = json.loads(line)
            texts.append(obj.get("text") or " ".join(obj.get("tokens", [])))
    parts, count, i = [], 0, 0
    while count < words:
        text = texts[i % len(texts)]
        take = text.split()
        if count + len(take) > words:  # the last part cut to the word
            take = take[: words - count]
            text = " ".join(take)
        parts.append(text)
        count += len(take)
        i += 1
    return "\n\n".join(parts)


def child(words: int, shared: Path) -> None:
    from accord.model import Article
    from accord.pieces import split_pieces
    from accord.pipeline import Pipeline, StageFailure

    text = document(shared, words)
    pipeline = Pipeline.default()
    # Lazy loads (gazetteers, lexicons) outside the timing: a whole
    # real article reaches all of them, one sentence does not.
    founding = (REPO / "src" / "accord" / "resources" / "examples"
                / "xi-putin-video-call-2026-02-04.txt").read_text(encoding="utf-8")
    list(pipeline.process([Article("warm-up", founding, date="2026-02-04")]))
    start = time.perf_counter()
    [result] = list(pipeline.process([Article(f"long-{words}", text, date="2022-06-01")]))
    seconds = time.perf_counter() - start
    failed = isinstance(result, StageFailure)
    print(json.dumps({
        "words": len(text.split()), "chars": len(text), "seconds": seconds,
        "pieces": len(split_pieces(text, pipeline.limits.piece_chars)),
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "failed": str(result) if failed else None,
        "events": 0 if failed else len(result.events),
        "mentions": 0 if failed else len(result.mentions),
    }))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 50000, 200000])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--child", type=int)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.shared)
        return
    results = []
    for words in args.sizes:
        proc = subprocess.run([sys.executable, __file__, "--child", str(words), "--shared", str(args.shared)],
                              capture_output=True, text=True)
        if proc.returncode != 0:
            sys.exit(f"bench: {words} words failed:\n{proc.stderr}")
        results.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    print(f"{os.cpu_count()} cores; piece_chars as configured (default 20,000)")
    print("| words | characters | pieces | seconds | ms per 1,000 words | peak memory (MB) | events | mentions |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in results:
        note = f" (failed: {r['failed']})" if r["failed"] else ""
        print(f"| {r['words']:,} | {r['chars']:,} | {r['pieces']} | {r['seconds']:.1f} | "
              f"{1e6 * r['seconds'] / r['words']:.0f} | {r['peak_mb']:.0f} | {r['events']:,} | "
              f"{r['mentions']:,}{note} |")
    per_word = [r["seconds"] / r["words"] for r in results]
    print(f"time per word, slowest / fastest: {max(per_word) / min(per_word):.2f}x; "
          f"peak memory, largest: {max(r['peak_mb'] for r in results):.0f} MB")


if __name__ == "__main__":
    main()
