"""Benchmark: ingest N articles with Accord next to a bare spaCy parse of the same texts.

    .venv/bin/python bench/bench_pipeline.py [--n 1000] [--shared ../shared]

The corpus is built from real news text in ../shared/data: the 40 WikiEvents articles, the
ConfliBERT sentences grouped eight to an article, and the founding article; past those, eight
ConfliBERT sentences drawn at random per article (`bench_scale.distinct_corpus`), so that no
article is a near-copy of another: every one is parsed and coded, as the bare parse is. Each
system runs in its own process so peak memory (ru_maxrss) is its own. Resident memory is also
sampled every 10% of the corpus to show whether it stays flat as the corpus grows.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def build_corpus(shared: Path, n: int) -> list[dict]:
    base: list[dict] = []
    for split in ("dev", "test"):
        path = shared / "data" / "wikievents" / f"{split}.jsonl"
        if path.exists():
            for line in path.open(encoding="utf-8"):
                obj = json.loads(line)
                text = obj.get("text") or " ".join(obj.get("tokens", []))
                base.append({"text": text, "date": "2022-06-01"})
    tsv = shared / "data" / "conflibert-cameo-train" / "cameo_class_train.tsv"
    if tsv.exists():
        sentences = [line.split("\t")[0].strip() for line in tsv.open(encoding="utf-8") if "\t" in line]
        for i in range(0, len(sentences), 8):
            base.append({"text": " ".join(sentences[i : i + 8]), "date": "2020-01-15"})
    example = REPO / "src" / "accord" / "resources" / "examples" / "xi-putin-video-call-2026-02-04.txt"
    base.append({"text": example.read_text(encoding="utf-8").split(None, 2)[2], "date": "2026-02-04"})
    if len(base) < 2:
        sys.exit("bench: no corpus (is ../shared there?)")
    out = []
    for i in range(n):
        src = base[i % len(base)]
        out.append({"id": f"bench-{i:05d}", "text": src["text"] + f"\n\nBench copy {i}.", "date": src["date"]})
    return out


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        pages = int(fh.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def run_accord(corpus_path: Path, db: Path) -> dict:
    from accord.pipeline import Pipeline, StageFailure
    from accord.model import Article
    from accord.readers import read_inputs
    from accord.store import open_store

    pipeline = Pipeline.default()
    items = [i for i in read_inputs([corpus_path]) if isinstance(i, Article)]
    words = sum(len(a.text.split()) for a in items)
    samples = []
    step = max(1, len(items) // 10)
    start = time.perf_counter()
    counts = {"stored": 0, "updated": 0, "duplicate": 0, "failed": 0}
    def coded():
        for n, result in enumerate(pipeline.process(items), 1):
            if n % step == 0:
                samples.append((n, round(rss_mb(), 1)))
            if isinstance(result, StageFailure):
                counts["failed"] += 1
            else:
                yield result

    with open_store(db) as store:
        # Batched writes, as `accord ingest` makes them (50 articles a transaction).
        for outcome in store.ingest_many(coded(), batch_size=50):
            counts[outcome.status] = counts.get(outcome.status, 0) + 1
        records = store.counts()
    elapsed = time.perf_counter() - start
    return {"articles": len(items), "words": words, "seconds": elapsed, "samples": samples,
            "outcomes": counts, "records": records}


def run_spacy(corpus_path: Path) -> dict:
    from accord.analysis import load_nlp

    nlp = load_nlp()
    texts = [json.loads(line)["text"] for line in corpus_path.open(encoding="utf-8")]
    words = sum(len(t.split()) for t in texts)
    samples = []
    step = max(1, len(texts) // 10)
    start = time.perf_counter()
    for n, _doc in enumerate(nlp.pipe(texts, batch_size=16), 1):
        if n % step == 0:
            samples.append((n, round(rss_mb(), 1)))
    elapsed = time.perf_counter() - start
    return {"articles": len(texts), "words": words, "seconds": elapsed, "samples": samples}


def child(mode: str, corpus: Path, db: Path) -> None:
    result = run_accord(corpus, db) if mode == "accord" else run_spacy(corpus)
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    from accord.analysis import load_nlp, model_info

    result["model"] = model_info(load_nlp())
    print(json.dumps(result))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--child", choices=["accord", "spacy"])
    ap.add_argument("--corpus", type=Path)
    ap.add_argument("--db", type=Path)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.corpus, args.db)
        return
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        from bench_scale import write_distinct_corpus  # cycled texts would be near-copies, never coded

        write_distinct_corpus(corpus, args.shared, args.n)
        results = {}
        for mode in ("spacy", "accord"):
            cmd = [sys.executable, __file__, "--child", mode, "--corpus", str(corpus), "--db", str(Path(tmp) / "bench.duckdb")]
            proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
            if proc.returncode != 0:
                sys.exit(f"bench: {mode} run failed:\n{proc.stderr}")
            results[mode] = json.loads(proc.stdout.strip().splitlines()[-1])
    model = results["accord"]["model"]
    print(f"corpus: {args.n} articles, {results['accord']['words']:,} words; model {model['name']} {model['version']}; "
          f"{os.cpu_count()} cores")
    print("| run | articles/s | words/s | peak memory (MB) | resident MB at 10%..100% of corpus |")
    print("| --- | ---: | ---: | ---: | --- |")
    for mode, label in (("spacy", "bare spaCy parse (nlp.pipe)"), ("accord", "accord ingest (parse + stages + DuckDB)")):
        r = results[mode]
        rate = r["articles"] / r["seconds"]
        wps = r["words"] / r["seconds"]
        curve = " ".join(str(mb) for _, mb in r["samples"])
        print(f"| {label} | {rate:.1f} | {wps:,.0f} | {r['peak_mb']:.0f} | {curve} |")
    a = results["accord"]
    print(f"accord outcomes: {a['outcomes']}; stored records: {a['records']}")
    print(f"accord / bare spaCy time: {a['seconds'] / results['spacy']['seconds']:.2f}x")


if __name__ == "__main__":
    main()
