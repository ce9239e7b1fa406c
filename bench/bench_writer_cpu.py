"""Benchmark: the writing process's CPU per article under `accord ingest --workers N`.

    .venv/bin/python bench/bench_writer_cpu.py [--n 300] [--workers 2] [--profile FILE]

With N workers on N cores, the process that reads, routes near-copies, receives the workers'
results and writes the store shares the cores with them: its CPU per article is what it takes
from the workers. This runs the same path as `accord ingest` (read, `route`, `code_articles`,
`Store.ingest_many` into a new DuckDB file, batches of 50) on `bench_scale`'s distinct corpus
and reports process CPU (user + system, every thread of the process, from `getrusage`), not
wall-clock time, so it can be read on a loaded machine: the writer's CPU from its first result
to the end, per article, and the workers' CPU (their whole life, model load included).
`--profile FILE` also writes a cProfile of the writer's main thread (pstats format).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))
sys.path.insert(0, str(REPO / "tests"))


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def child(corpus: Path, db: str, workers: int, profile: str | None) -> dict:
    from accord.clustering.nearcopy import route
    from accord.model import Article
    from accord.readers import ReadOptions, read_inputs
    from accord.store import open_store
    from accord.workers import code_articles

    first_cpu = None
    n_first = 0
    tally: dict[str, int] = {}

    def articles():
        for item in read_inputs([str(corpus)], options=ReadOptions(detect_language=False)):
            if isinstance(item, Article):
                yield item

    def timed(results):
        nonlocal first_cpu, n_first
        for result in results:
            if first_cpu is None:
                first_cpu = _cpu(resource.RUSAGE_SELF)
            n_first += 1
            yield result

    profiler = None
    if profile:
        import cProfile
        import time

        profiler = cProfile.Profile(time.thread_time)  # CPU of this thread, not the wall
    start_cpu = _cpu(resource.RUSAGE_SELF)
    with open_store(db) as store:
        if workers:
            store.write_alone()  # as `accord ingest` does
        if profiler:
            profiler.enable()
        results = route(articles(), store.originals_of, store.settings,
                        lambda todo: code_articles(todo, workers, detect_language=True),
                        lookahead=64 if workers else 16)
        for outcome in store.ingest_many(timed(r for r in results if hasattr(r, "records")),
                                         batch_size=50):
            tally[outcome.status] = tally.get(outcome.status, 0) + 1
        end_cpu = _cpu(resource.RUSAGE_SELF)
        if profiler:
            profiler.disable()
            profiler.dump_stats(profile)
        counts = store.counts()
    # The pool is closed (its workers joined) once `route`'s generator is exhausted.
    n = sum(tally.values())
    return {"articles": n, "outcomes": tally, "records": counts,
            "writer_cpu_steady": end_cpu - first_cpu, "steady_articles": n - 1,
            "writer_cpu_all": end_cpu - start_cpu,
            "workers_cpu": _cpu(resource.RUSAGE_CHILDREN)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--profile", default=None)
    ap.add_argument("--child", nargs="*")
    args = ap.parse_args()
    if args.child:
        corpus, db, workers, profile = args.child
        print(json.dumps(child(Path(corpus), db, int(workers), profile or None)))
        return
    from bench_scale import write_distinct_corpus

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        write_distinct_corpus(corpus, args.shared, args.n)
        out = subprocess.run(
            [sys.executable, __file__, "--child", str(corpus), f"{tmp}/w.duckdb",
             str(args.workers), args.profile or ""],
            check=True, stdout=subprocess.PIPE, text=True).stdout
    r = json.loads(out.strip().splitlines()[-1])
    per = 1000 * r["writer_cpu_steady"] / max(1, r["steady_articles"])
    print(f"--workers {args.workers}, {r['articles']} articles stored ({r['outcomes']})")
    print(f"writer process CPU, first result to end: {r['writer_cpu_steady']:.2f} s = "
          f"{per:.2f} ms per article; with start: {r['writer_cpu_all']:.2f} s")
    print(f"workers' CPU (whole life, model loads included): {r['workers_cpu']:.2f} s")
    print(f"records: {r['records']}")


if __name__ == "__main__":
    main()
