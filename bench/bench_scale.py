"""Benchmark: one corpus through every way Accord scales, side by side, in one run.

    .venv/bin/python bench/bench_scale.py [--n 1000] [--shared ../shared] [--runs ...]

Runs (each in processes of its own; `--runs` picks some):
- parse      bare spaCy parse of the texts (`nlp.pipe`, the same model Accord loads)
- ingest     single-process ingest into DuckDB (read, parse, four stages, batched writes), as
             `accord ingest --workers 0` does it: parse and stages in turn, each batch written
             by the store's own thread while the next articles are parsed and coded
- inline     the same with the store writing in this thread, in turn with the coding (as
             before 2026-12-07 evening; for comparison)
- ahead      the same with the next batch parsed in a thread while the stages code this one
             (`parse_ahead=True`; not the default: see `accord.workers.code_articles`)
- workers1   `accord ingest --workers 1`: one process codes, this one writes
- workers2   `--workers 2`
- postgres   single-process ingest into PostgreSQL (a private cluster with default settings,
             fsync on, started by the benchmark)
- store      the store alone: the corpus coded once, then written into DuckDB and into
             PostgreSQL (batches of 50), to show what each backend costs per article
- spark      `accord spark` on local[2] (JVM and model loads included), then `accord load`

Rates are per second of steady work: from the first article coded to the last stored (the
model loads before that, and a pool of workers starts before its first result); the wall time
with start-up is shown too. Peak resident memory (VmHWM) is sampled for every process of each
run's tree and reported by role (the main process, each worker, each Spark JVM or Python worker,
each PostgreSQL backend). The corpus: 1,000 distinct real news texts (`distinct_corpus`), so
that no article is skipped as a near-copy of another.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))
sys.path.insert(0, str(REPO / "tests"))

RUNS = ("parse", "ingest", "inline", "ahead", "workers1", "workers2", "postgres", "store", "spark")


# ---------------------------------------------------------------------------------------------
# Children: each prints one JSON line


def _read_corpus(corpus: Path):
    from accord.readers import read_inputs

    return [a for a in read_inputs([str(corpus)]) if a.__class__.__name__ == "Article"]


def child_parse(corpus: Path) -> dict:
    from accord.analysis import load_nlp

    nlp = load_nlp()
    texts = [json.loads(line)["text"] for line in corpus.open(encoding="utf-8")]
    list(nlp.pipe(texts[:2]))
    start, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    return {"articles": len(texts), "words": sum(len(t.split()) for t in texts),
            "seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu}


def warm_up(pipeline) -> None:
    """Load what a process loads once, before the clock starts (the parse run is timed after its
    model load too): the stages' resources, read on first use, by coding the founding article
    (nothing is stored), and the language detector."""
    from accord.model import Article
    from accord.readers.language import detect_language

    example = REPO / "src" / "accord" / "resources" / "examples" / "xi-putin-video-call-2026-02-04.txt"
    list(pipeline.process([Article("warm-up", example.read_text(encoding="utf-8"))]))
    detect_language("Xi Jinping met Vladimir Putin by video link on Wednesday.")


def child_ingest(corpus: Path, target: str, workers: int, parse_ahead: bool = False,
                 inline: bool = False) -> dict:
    from accord.clustering.nearcopy import route
    from accord.model import Article
    from accord.readers import ReadOptions, read_inputs
    from accord.store import open_store
    from accord.workers import code_articles

    started = time.perf_counter()
    pipeline = None
    if workers == 0:
        from accord.pipeline import default_pipeline

        pipeline = default_pipeline()
        warm_up(pipeline)
    words = 0
    first = None
    tally: dict[str, int] = {}

    def articles():
        nonlocal words
        # As `accord ingest` does: the language is told where the article is coded.
        for item in read_inputs([str(corpus)], options=ReadOptions(detect_language=False)):
            if isinstance(item, Article):
                words += len(item.text.split())
                yield item

    def timed(results):
        nonlocal first
        for result in results:
            if first is None:
                first = time.perf_counter()
            yield result

    with open_store(target) as store:
        if workers:
            store.write_alone()  # as `accord ingest` does
        ready, cpu, thread_cpu = time.perf_counter(), time.process_time(), time.thread_time()
        # As `accord ingest` does: near-copies of stored or just-coded articles skip the parse.
        results = route(articles(), store.originals_of, store.settings,
                        lambda todo: code_articles(todo, workers, pipeline=pipeline,
                                                   detect_language=True, parse_ahead=parse_ahead),
                        lookahead=64 if workers else 16)
        # As `accord ingest` does: coding in this process, the store writes from a thread.
        for outcome in store.ingest_many(timed(r for r in results if hasattr(r, "records")),
                                         batch_size=50, background=workers == 0 and not inline):
            tally[outcome.status] = tally.get(outcome.status, 0) + 1
        counts = store.counts()
    end, cpu = time.perf_counter(), time.process_time() - cpu
    thread_cpu = time.thread_time() - thread_cpu
    n = sum(tally.values())
    # Steady work: for one process, from the warmed pipeline on; for workers, from the first
    # result on (the articles before it were coded while the pool started), counted pro rata.
    if workers == 0:
        seconds, steady_articles, steady_words = end - ready, n, words
    else:
        per = 8  # the first chunk (accord.workers.CHUNK_ARTICLES)
        seconds = end - first
        steady_articles = n - per
        steady_words = words * steady_articles / n
    return {"articles": steady_articles, "words": steady_words, "seconds": seconds,
            "wall": end - started, "outcomes": tally, "records": counts, "stored": n,
            "cpu": cpu, "thread_cpu": thread_cpu}


def child_store(corpus: Path, duck: str, pg: str | None) -> dict:
    from accord.pipeline import default_pipeline
    from accord.store import open_store

    documents = [d for d in default_pipeline().process(_read_corpus(corpus)) if hasattr(d, "records")]
    out = {"articles": len(documents)}
    for name, target in (("duckdb", duck), ("postgres", pg)):
        if target is None:
            continue
        with open_store(target) as store:
            start = time.perf_counter()
            for _ in store.ingest_many(documents, batch_size=50):
                pass
            out[name] = time.perf_counter() - start
    return out


def child_spark(corpus: Path, out_dir: str, db: str) -> dict:
    from accord.spark.job import run
    from accord.spark.load import load
    from accord.store import open_store

    words = sum(len(json.loads(line)["text"].split()) for line in corpus.open(encoding="utf-8"))
    start = time.perf_counter()
    summary = run([str(corpus)], out_dir, master="local[2]")
    coded = time.perf_counter()
    with open_store(db) as store:
        stored = sum(1 for _ in load(out_dir, store))
    end = time.perf_counter()
    return {"articles": summary.articles, "words": words, "seconds": coded - start,
            "load_seconds": end - coded, "stored": stored, "wall": end - start}


# ---------------------------------------------------------------------------------------------
# Memory: every process of a run, sampled


def _tree(root: int) -> list[int]:
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            parents.setdefault(ppid, []).append(int(entry.name))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(parents.get(pid, []))
    return out


def _role(pid: int, main: int) -> str | None:
    try:
        cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return None
    if pid == main:
        return "main process"
    if "multiprocessing" in cmd:
        return "worker"
    if "java" in cmd.split(" ")[0]:
        return "Spark JVM"
    if "pyspark" in cmd:
        return "Spark Python worker"
    if "postgres" in cmd:
        return "PostgreSQL process"
    return None


class MemorySampler(threading.Thread):
    """Peak VmHWM (MB) by role over the processes of `roots` and their descendants."""

    def __init__(self, main: int, extra_roots: list[int]):
        super().__init__(daemon=True)
        self.main, self.roots = main, [main, *extra_roots]
        self.peak: dict[str, float] = {}
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            for root in self.roots:
                for pid in _tree(root):
                    role = _role(pid, self.main)
                    if role is None:
                        continue
                    try:
                        status = Path(f"/proc/{pid}/status").read_text()
                    except OSError:
                        continue
                    for line in status.splitlines():
                        if line.startswith("VmHWM:"):
                            mb = int(line.split()[1]) / 1024
                            self.peak[role] = max(self.peak.get(role, 0), mb)
            self.stop.wait(0.25)


def run_child(args: list[str], extra_roots: list[int] | None = None) -> tuple[dict, dict]:
    proc = subprocess.Popen([sys.executable, __file__, "--child", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    sampler = MemorySampler(proc.pid, extra_roots or [])
    sampler.start()
    out, err = proc.communicate()
    sampler.stop.set()
    sampler.join()
    if proc.returncode != 0:
        sys.exit(f"bench: {args[0]} failed:\n{err}")
    return json.loads(out.strip().splitlines()[-1]), sampler.peak


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--runs", default=",".join(RUNS), help="comma-separated: " + ", ".join(RUNS))
    ap.add_argument("--child", nargs="*")
    args = ap.parse_args()
    if args.child:
        mode, *rest = args.child
        if mode == "parse":
            result = child_parse(Path(rest[0]))
        elif mode == "ingest":
            result = child_ingest(Path(rest[0]), rest[1], int(rest[2]),
                                  len(rest) > 3 and rest[3] == "ahead",
                                  len(rest) > 3 and rest[3] == "inline")
        elif mode == "store":
            result = child_store(Path(rest[0]), rest[1], rest[2] if len(rest) > 2 else None)
        else:
            result = child_spark(Path(rest[0]), rest[1], rest[2])
        print(json.dumps(result))
        return

    runs = [r.strip() for r in args.runs.split(",") if r.strip()]
    results: dict[str, tuple[dict, dict]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        write_distinct_corpus(corpus, args.shared, args.n)
        cluster = None
        if {"postgres", "store"} & set(runs):
            from pgcluster import PostgresCluster

            cluster = PostgresCluster.start_new()  # default settings: fsync on
        try:
            for run in runs:
                print(f"bench: {run} ...", file=sys.stderr, flush=True)
                if run == "parse":
                    results[run] = run_child(["parse", str(corpus)])
                elif run == "ingest":
                    results[run] = run_child(["ingest", str(corpus), f"{tmp}/ingest.duckdb", "0"])
                elif run == "inline":
                    results[run] = run_child(["ingest", str(corpus), f"{tmp}/inline.duckdb", "0",
                                              "inline"])
                elif run == "ahead":
                    results[run] = run_child(["ingest", str(corpus), f"{tmp}/ahead.duckdb", "0",
                                              "ahead"])
                elif run in ("workers1", "workers2"):
                    results[run] = run_child(["ingest", str(corpus), f"{tmp}/{run}.duckdb", run[-1]])
                elif run == "postgres":
                    url = cluster.create_database("bench_ingest")
                    results[run] = run_child(["ingest", str(corpus), url, "0"], [_postmaster(cluster)])
                elif run == "store":
                    url = cluster.create_database("bench_store")
                    results[run] = run_child(["store", str(corpus), f"{tmp}/store.duckdb", url],
                                             [_postmaster(cluster)])
                elif run == "spark":
                    results[run] = run_child(["spark", str(corpus), f"{tmp}/spark", f"{tmp}/spark.duckdb"])
        finally:
            if cluster is not None:
                cluster.remove()
    report(results, args.n)


def write_distinct_corpus(path: Path, shared: Path, n: int) -> None:
    """`distinct_corpus(shared, n)` as a JSONL file, for the benchmarks' child processes."""
    with path.open("w", encoding="utf-8") as fh:
        for a in distinct_corpus(shared, n):
            fh.write(json.dumps(a) + "\n")


def distinct_corpus(shared: Path, n: int, seed: int = 16) -> list[dict]:
    """N distinct real news texts: bench_pipeline.py's (the WikiEvents articles, the founding
    article, the ConfliBERT sentences eight to an article), then, past those, eight ConfliBERT
    sentences drawn at random (seeded) per article, no set twice. None is a near-copy of
    another, so every article is parsed and coded, as the bare parse is."""
    import random

    from bench_pipeline import build_corpus

    out: list[dict] = []
    for a in build_corpus(shared, n):  # its texts cycle; each once here
        text = a["text"].rsplit("\n\nBench copy", 1)[0]
        if out and text == out[0]["text"]:
            break
        out.append({"id": f"bench-{len(out):05d}", "text": text, "date": a["date"]})
    tsv = shared / "data" / "conflibert-cameo-train" / "cameo_class_train.tsv"
    sentences = [line.split("\t")[0].strip() for line in tsv.open(encoding="utf-8") if "\t" in line]
    rng = random.Random(seed)
    seen = set()
    while len(out) < n:
        pick = tuple(sorted(rng.sample(range(len(sentences)), 8)))
        if pick in seen:
            continue
        seen.add(pick)
        out.append({"id": f"bench-{len(out):05d}", "text": " ".join(sentences[k] for k in pick),
                    "date": "2020-01-15"})
    return out


def _postmaster(cluster) -> int:
    return int((cluster.data / "postmaster.pid").read_text().split()[0])


def report(results: dict[str, tuple[dict, dict]], n: int) -> None:
    from accord.analysis import load_nlp, model_info

    model = model_info(load_nlp())
    print(f"corpus: {n} articles; model {model['name']} {model['version']}; {os.cpu_count()} cores")
    print("| run | articles/s | words/s | relative | wall with start-up (s) | peak memory per process (MB) |")
    print("| --- | ---: | ---: | ---: | ---: | --- |")
    labels = {"parse": "bare spaCy parse (`nlp.pipe`)",
              "ingest": "`accord ingest`, one process, DuckDB",
              "inline": "the same, the store writing in turn with the coding",
              "ahead": "the same, the next batch parsed in a thread",
              "workers1": "`accord ingest --workers 1`", "workers2": "`accord ingest --workers 2`",
              "postgres": "`accord ingest`, one process, PostgreSQL",
              "spark": "`accord spark --master local[2]` (coding and Parquet)"}
    rates = {}
    for run, (r, peak) in results.items():
        if run == "store":
            continue
        rates[run] = r["articles"] / r["seconds"]
    for run, (r, peak) in results.items():
        if run == "store":
            continue
        relative = []
        if run in ("ingest", "inline", "ahead") and "parse" in rates:
            relative.append(f"{rates[run] / rates['parse']:.2f} of the parse")
        if run == "workers2" and "workers1" in rates:
            relative.append(f"{rates[run] / rates['workers1']:.2f}x one worker")
        if run == "postgres" and "ingest" in rates:
            relative.append(f"time {rates['ingest'] / rates[run]:.2f}x DuckDB's")
        if run == "spark" and "workers2" in rates:
            relative.append(f"{rates[run] / rates['workers2']:.2f}x --workers 2")
        memory = ", ".join(f"{role} {mb:.0f}" for role, mb in sorted(peak.items()))
        wall = r.get("wall", r["seconds"])
        print(f"| {labels[run]} | {rates[run]:.1f} | {r['words'] / r['seconds']:,.0f} | "
              f"{'; '.join(relative)} | {wall:.0f} | {memory} |")
    if "spark" in results:
        r = results["spark"][0]
        print(f"`accord load` of the Spark output into DuckDB: {r['stored']} articles in "
              f"{r['load_seconds']:.1f} s ({r['stored'] / r['load_seconds']:.0f} articles/s)")
    if "store" in results:
        r, peak = results["store"]
        parts = [f"{b}: {1000 * r[b] / r['articles']:.2f} ms per article" for b in ("duckdb", "postgres") if b in r]
        print(f"the store alone ({r['articles']} coded articles, batches of 50): " + "; ".join(parts))
    cpu = []
    for run in ("parse", "ingest", "inline", "ahead"):
        if run in results:
            r = results[run][0]
            cpu.append(f"{run} {1000 * r['cpu'] / r.get('stored', r['articles']):.1f}")
    if cpu:
        print("CPU of the main process per article (ms, from the model loaded on; all its threads): "
              + ", ".join(cpu))
        main = [f"{run} {1000 * results[run][0]['thread_cpu'] / results[run][0]['stored']:.1f}"
                for run in ("ingest", "inline", "ahead") if run in results]
        if main:
            print("of which its main thread (ms per article): " + ", ".join(main))
    if "ingest" in results:
        r = results["ingest"][0]
        print(f"stored records: {r['records']}")


if __name__ == "__main__":
    main()
