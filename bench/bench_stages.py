"""Benchmark each analysis stage alone on pre-parsed documents, next to the parse itself.

    .venv/bin/python bench/bench_stages.py [--n 200] [--shared ../shared]

Reports, per stage, documents/s, words/s, sentences/s, items produced per second (mentions,
timexes, events, quotes) and the stage's cost as a share of the spaCy parse of the same documents;
then the whole pipeline (`Pipeline.process`: parse + the four stages) in sentences/s, next to the
event coder alone. Rates are from the wall clock; the last column is the stage's CPU
(`time.process_time`, best of --repeat) in milliseconds a document, the figure to compare on a
shared machine.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_pipeline import REPO, build_corpus  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--repeat", type=int, default=3, help="time each stage this many times; report the best")
    args = ap.parse_args()

    from accord.actors import ActorStage
    from accord.analysis import load_nlp, model_info
    from accord.events import EventStage
    from accord.model import Article, Document
    from accord.quotes import QuoteStage
    from accord.time import TimeStage

    nlp = load_nlp()
    corpus = build_corpus(args.shared, args.n)
    words = sum(len(a["text"].split()) for a in corpus)
    from accord.pipeline import Pipeline
    start = time.perf_counter()
    docs = list(nlp.pipe((a["text"] for a in corpus), batch_size=16))
    parse_seconds = time.perf_counter() - start
    documents = [Document(Article(id=a["id"], text=a["text"], date=a["date"]), doc) for a, doc in zip(corpus, docs)]
    n_sentences = sum(1 for doc in docs for _ in doc.sents)

    stages = [("actors", ActorStage(), "mentions"), ("time", TimeStage(), "timexes"),
              ("events", EventStage(), "events"), ("quotes", QuoteStage(), "quotes")]
    for _, stage, _ in stages:  # warm caches (gazetteers, lexicons) outside the timing
        stage.process_document(documents[0])
    print(f"{len(documents)} documents, {words:,} words, model {model_info(nlp)['name']}; "
          f"spaCy parse: {parse_seconds:.1f} s ({words / parse_seconds:,.0f} words/s, "
          f"{n_sentences / parse_seconds:,.0f} sentences/s, {n_sentences:,} sentences)")
    print("| stage | docs/s | words/s | sentences/s | items/s | items | share of parse time | CPU ms/doc |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    seconds = {}
    for name, stage, attr in stages:
        best = cpu = None
        for _ in range(args.repeat):
            t0, c0 = time.perf_counter(), time.process_time()
            for d in documents:
                stage.process_document(d)
            elapsed, used = time.perf_counter() - t0, time.process_time() - c0
            best = elapsed if best is None else min(best, elapsed)
            cpu = used if cpu is None else min(cpu, used)
        seconds[name] = best
        items = sum(len(getattr(d, attr)) for d in documents)
        print(f"| {name} | {len(documents) / best:,.0f} | {words / best:,.0f} | {n_sentences / best:,.0f} | "
              f"{items / best:,.0f} {attr}/s | {items} | {100 * best / parse_seconds:.1f}% | "
              f"{1000 * cpu / len(documents):.2f} |")

    # The whole pipeline on the raw texts, as `accord ingest` runs it (without the store).
    pipeline = Pipeline.default(nlp)
    articles = [Article(id=a["id"], text=a["text"], date=a["date"]) for a in corpus]
    t0 = time.perf_counter()
    done = sum(1 for _ in pipeline.process(articles))
    whole = time.perf_counter() - t0
    print(f"\nwhole pipeline (parse + actors + time + events + quotes): {done} documents in {whole:.1f} s, "
          f"{n_sentences / whole:,.0f} sentences/s")
    print(f"event coder alone: {n_sentences / seconds['events']:,.0f} sentences/s, "
          f"{100 * seconds['events'] / parse_seconds:.1f}% of the parse time, "
          f"{100 * seconds['events'] / whole:.1f}% of the whole pipeline")


if __name__ == "__main__":
    main()
