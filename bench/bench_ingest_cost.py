"""Benchmark: where single-process ingest spends its CPU beyond the bare parse, component by
component (issue 16: ingest at >= 0.85 of a bare spaCy parse).

    nice .venv/bin/python bench/bench_ingest_cost.py [--n 300] [--shared ../shared] [--profile FILE]

One process: the model and the stages are loaded and warmed up (the founding article coded),
then the bare parse of the corpus (`nlp.pipe`, batches of 16, as `bench_scale.py`'s parse run),
then the same corpus ingested into a fresh DuckDB file exactly as `accord ingest --workers 0`
does it (`route` -> `code_articles` -> `Store.ingest_many`, batches of 50). CPU time
(`time.process_time`: user + system, all threads of this process) is charged to the innermost
timed component running, so the rows add up to the total. Timed: the parse inside ingest, each
stage, language identification, MinHash fingerprints, the near-copy lookup before the parse,
the store's near-copy candidates, happenings clustering (`Clusters.update`), the bulk appends,
the actors table, COMMIT, the rest of the store write, and what is left (reading the input,
routing, the pipeline's glue). The garbage collector's time is shown apart (it is inside the
other rows). CPU rather than wall time: the machine is shared. `--profile FILE` also writes a
cProfile of the ingest (slower: use it for the detail, not the totals).
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))
sys.path.insert(0, str(REPO / "tests"))

clock = time.process_time
totals: dict[str, float] = {}
_stack: list[list] = []


def _enter(name: str) -> None:
    now = clock()
    if _stack:
        top = _stack[-1]
        totals[top[0]] = totals.get(top[0], 0.0) + now - top[1]
    _stack.append([name, now])


def _leave() -> None:
    now = clock()
    name, start = _stack.pop()
    totals[name] = totals.get(name, 0.0) + now - start
    if _stack:
        _stack[-1][1] = now


def timed(owner, attr: str, name: str) -> None:
    """Charge the CPU of `owner.attr(...)` (exclusive of timed calls inside it) to `name`."""
    inner = getattr(owner, attr)

    def wrapper(*args, **kwargs):
        _enter(name)
        try:
            return inner(*args, **kwargs)
        finally:
            _leave()

    setattr(owner, attr, wrapper)


def timed_generator(owner, attr: str, name: str) -> None:
    """Like `timed`, for a generator function: each resumption is charged to `name`."""
    inner = getattr(owner, attr)

    def wrapper(*args, **kwargs):
        it = inner(*args, **kwargs)
        while True:
            _enter(name)
            try:
                item = next(it)
            except StopIteration:
                return
            finally:
                _leave()
            yield item

    setattr(owner, attr, wrapper)


gc_seconds = 0.0
_gc_start = 0.0


def _gc_callback(phase: str, info: dict) -> None:
    global gc_seconds, _gc_start
    if phase == "start":
        _gc_start = clock()
    else:
        gc_seconds += clock() - _gc_start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--profile", type=Path)
    ap.add_argument("--json", type=Path, help="also write the figures here")
    ap.add_argument("--gc-threshold", type=int, help="gc.set_threshold(N) before the ingest (a trial)")
    ap.add_argument("--background", action="store_true",
                    help="write from the store's own thread (`accord ingest --workers 0`): "
                         "no table by component then (the timers are per thread), the process's "
                         "CPU and the main thread's")
    args = ap.parse_args()

    from bench_scale import distinct_corpus, warm_up

    from accord import workers
    from accord.clustering import nearcopy
    from accord.model import Article
    from accord.pipeline import Pipeline, default_pipeline
    from accord.readers import language
    from accord.store import open_store
    from accord.store.base import Store
    from accord.store.clusters import Clusters
    from accord.store.duckdb import DuckDBStore

    corpus = distinct_corpus(args.shared, args.n)
    pipeline = default_pipeline()
    warm_up(pipeline)
    nlp = pipeline.nlp
    texts = [a["text"] for a in corpus]
    n = len(texts)

    # The bare parse, as bench_scale.py's parse run.
    list(nlp.pipe(texts[:2]))
    start = clock()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    bare = clock() - start

    # Instrument the ingest path.
    if args.background:
        globals()["timed"] = lambda *a: None
    timed(Pipeline, "_parse_batch", "parse (inside ingest)")
    for stage in pipeline.stages:
        timed(stage, "process_document", f"stage: {stage.name}")
    timed(language, "detect_language", "language id")
    timed(nearcopy.Fingerprint, "of", "MinHash fingerprints")
    timed(Store, "originals_of", "near-copy lookup before the parse")
    timed(Clusters, "candidates", "store: near-copy candidates")
    timed(Clusters, "update", "store: happenings (Clusters.update)")
    timed(Store, "_nearcopy_decision", "store: near-copy decisions")
    timed(DuckDBStore, "_append", "store: bulk appends")
    timed(Store, "_insert_actors", "store: actors table")
    timed(Store, "_commit", "store: COMMIT")
    timed(Store, "_ingest_group", "store: the rest of the write")
    gc.callbacks.append(_gc_callback)
    if args.gc_threshold:
        gc.set_threshold(args.gc_threshold, *gc.get_threshold()[1:])

    def articles():
        for a in corpus:
            article = Article(a["id"], a["text"], date=a["date"])
            yield article

    profiler = None
    if args.profile:
        import cProfile

        profiler = cProfile.Profile()
    with tempfile.TemporaryDirectory() as tmp, open_store(f"{tmp}/cost.duckdb") as store:
        tally: dict[str, int] = {}
        totals.clear()
        gc_before = gc_seconds
        start, main_start = clock(), time.thread_time()
        if profiler:
            profiler.enable()
        _enter("other (input, routing, pipeline glue)")
        results = nearcopy.route(
            articles(), store.originals_of, store.settings,
            lambda todo: workers.code_articles(todo, 0, pipeline=pipeline, detect_language=True),
            lookahead=16)
        for outcome in store.ingest_many((r for r in results if hasattr(r, "records")),
                                         batch_size=50, background=args.background):
            tally[outcome.status] = tally.get(outcome.status, 0) + 1
        _leave()
        if profiler:
            profiler.disable()
        ingest, main_thread = clock() - start, time.thread_time() - main_start
        gc_ingest = gc_seconds - gc_before
        counts = store.counts()
    if profiler:
        profiler.dump_stats(str(args.profile))

    ms = lambda s: 1000 * s / n  # noqa: E731
    print(f"{n} articles; outcomes {tally}; stored {counts}")
    print(f"bare parse: {ms(bare):.1f} ms/article CPU; ingest: {ms(ingest):.1f} ms/article "
          f"(parse/ingest CPU = {bare / ingest:.2f})")
    print(f"main thread: {ms(main_thread):.1f} ms/article CPU"
          + (" (the store writes from a thread of its own)" if args.background else ""))
    if args.background:
        return
    print("| component | ms/article (CPU) |")
    print("| --- | ---: |")
    for name, seconds in sorted(totals.items(), key=lambda kv: -kv[1]):
        print(f"| {name} | {ms(seconds):.2f} |")
    print(f"| (garbage collector, inside the rows above) | {ms(gc_ingest):.2f} |")
    print(f"| ingest beyond the bare parse | {ms(ingest - bare):.2f} |")
    if args.json:
        args.json.write_text(json.dumps({
            "articles": n, "bare": ms(bare), "ingest": ms(ingest), "gc": ms(gc_ingest),
            "components": {k: ms(v) for k, v in totals.items()}}, indent=1))


if __name__ == "__main__":
    main()
