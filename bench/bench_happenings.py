"""Benchmark: near-copies and happenings on a 5,000-article corpus of real news.

    .venv/bin/python bench/bench_happenings.py [--n 5000] [--copies 0.1] [--shared ../shared]

The corpus takes its texts where bench/bench_pipeline.py does (the WikiEvents articles, the
ConfliBERT sentences, the founding article) plus the 2019 Wikinews articles; to reach N distinct
articles without repeating one, the ConfliBERT sentences are drawn eight at a time (seeded), and
each article gets a publication date spread over 2019-2020. Then a share of the articles
(`--copies`) is republished the way syndication does it, each by another outlet: the headline
changed; an agency credit added; the last third cut and a footer added; or (one in eight) an
updated version with a new paragraph (another article's sentences), which must be coded.
The articles arrive in order of publication (`--order published`, the default: news as it is
published, each day's reports stop growing once the day has passed) or shuffled over the two
years (`--order random`: every day keeps receiving reports to the end, so the reports a new one is
compared with grow with the store). The ConfliBERT sentences recur (about 27 times each over
5,000 articles), so some happenings gather 100 reports or more; each new report of one re-reads
its reports, which no order avoids.

Two runs, each in its own process on a fresh DuckDB file, the same way `accord ingest` works
(near-copies caught before the parse, 50 articles a transaction):
- `clustering on`: near-copy lookup and happenings as shipped. Reports the time spent in them
  (signatures, LSH lookups and checks, happenings, their tables), the per-article time over the
  first and the last thousand articles, near-copy precision/recall against the copies made,
  and the happenings/reports ratio.
- `clustering off` (`clustering = false`): every article coded, no happenings.
Each run warms its pipeline first (bench_scale.warm_up) and reports its peak resident memory.
Timing figures are only meaningful on an idle machine; the script prints the load average.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

FOOTERS = [
    "This story has been published from a wire agency feed without modifications to the text.",
    "(Reporting by our correspondents; Editing by the world desk)",
    "Copyright 2020 The Associated Press. All rights reserved. This material may not be "
    "published, broadcast, rewritten or redistributed.",
    "Follow us on social media for the latest world news.",
]
# Wikinews 2019 rows the benchmark may code: the development parts A, C, E, D (row index % 6)
DEVELOPMENT_PARTS = (0, 1, 2, 4)
CREDITS = ["By Agence France-Presse", "(Reuters) -", "AP —", "By our wire service"]


def base_texts(shared: Path) -> tuple[list[str], list[dict]]:
    """(ConfliBERT sentences, whole articles) from ../shared and the founding article."""
    from bench_pipeline import build_corpus  # the same sources as the pipeline benchmark

    whole = [{"text": a["text"].rsplit("\n\nBench copy", 1)[0], "source": "wikievents"}
             for a in build_corpus(shared, 41)[:41]]
    with (shared / "data" / "wikinews" / "wikinews_2019.csv").open(encoding="utf-8") as fh:
        # development parts only (rows i % 6 in 0, 1, 2, 4): part B is held out, part F unseen
        whole += [{"text": r["text"], "url": r["url"], "title": r["title"], "date": r["date"]}
                  for i, r in enumerate(csv.DictReader(fh)) if i % 6 in DEVELOPMENT_PARTS]
    tsv = shared / "data" / "conflibert-cameo-train" / "cameo_class_train.tsv"
    sentences = [line.split("\t")[0].strip() for line in tsv.open(encoding="utf-8") if "\t" in line]
    return sentences, whole


def build(shared: Path, n: int, copy_share: float, seed: int = 14,
          order: str = "published") -> tuple[list[dict], dict]:
    rng = random.Random(seed)
    sentences, whole = base_texts(shared)
    n_copies = int(n * copy_share)
    originals: list[dict] = []
    start = date(2019, 1, 1)
    for i, w in enumerate(whole):
        originals.append({"id": f"orig-{i:05d}", "text": w["text"], "title": w.get("title"),
                          "url": w.get("url"), "source": None if w.get("url") else f"outlet-{i % 40}",
                          "date": w.get("date") or (start + timedelta(days=rng.randrange(730))).isoformat()})
    seen = set()
    while len(originals) < n - n_copies:
        pick = tuple(sorted(rng.sample(range(len(sentences)), 8)))
        if pick in seen:
            continue
        seen.add(pick)
        i = len(originals)
        originals.append({"id": f"orig-{i:05d}", "text": " ".join(sentences[k] for k in pick),
                          "title": None, "url": None, "source": f"outlet-{i % 40}",
                          "date": (start + timedelta(days=rng.randrange(730))).isoformat()})
    copies: list[dict] = []
    truth: dict[str, str] = {}  # article -> the article it should be linked to
    for c in range(n_copies):
        orig = originals[rng.randrange(len(originals))]
        kind = ["headline", "credit", "trimmed", "headline", "credit", "trimmed", "trimmed", "update"][c % 8]
        text = orig["text"]
        if kind == "credit":
            text = rng.choice(CREDITS) + " " + text
        elif kind == "trimmed":
            words = text.split(" ")
            text = " ".join(words[: max(40, int(len(words) * 0.67))]) + "\n\n" + rng.choice(FOOTERS)
        elif kind == "update":
            extra = " ".join(rng.sample(sentences, 3))
            text = text + "\n\nUpdate: " + extra
        if kind == "trimmed" and len(orig["text"].split()) < 80:
            kind, text = "headline", orig["text"]  # too short to cut: republish as is
        cid = f"copy-{c:05d}-{kind}"
        copies.append({"id": cid, "text": text, "title": f"Republished {c}", "date": orig["date"],
                       "url": f"https://outlet{c % 50}.example/{cid}", "source": None})
        truth[cid] = orig["id"] if kind != "update" else f"<{orig['id']}"  # update: orig copies it
    corpus = originals + copies
    rng.shuffle(corpus)
    # Every copy arrives after its original (as syndication does); updates too.
    position = {a["id"]: i for i, a in enumerate(corpus)}
    corpus.sort(key=lambda a: (position[a["id"]] if a["id"].startswith("orig") else
                               max(position[a["id"]], position[truth[a["id"]].lstrip("<")] + 1)))
    if order == "published":
        # News as it arrives: in order of publication (a copy has its original's date and
        # stays behind it: the sort is stable).
        corpus.sort(key=lambda a: a["date"])
    return corpus, truth


def time_clustering(clock, routing: bool = True) -> dict:
    """Wrap every function near-copy and happening work goes through (before the parse:
    signatures, store lookups, the recent articles' LSH; in the store's transaction) so that
    the returned dict's "t" accumulates their time by `clock`, nested calls counted once.
    `routing=False` leaves out what runs before the parse (a replay of coded records has none)."""
    from accord.clustering import nearcopy as N
    from accord.store import base as S
    from accord.store import clusters as C

    spent = {"t": 0.0, "depth": 0}

    def timed(fn):
        def wrapper(*a, **k):
            spent["depth"] += 1
            t = clock()
            try:
                return fn(*a, **k)
            finally:
                spent["depth"] -= 1
                if spent["depth"] == 0:
                    spent["t"] += clock() - t
        return wrapper

    owners = [(S.Store, ["originals_of", "original_of", "_nearcopy_decision",
                         "_update_event_happenings", "_write_cluster_rows"]),
              (C.Clusters, ["fingerprint", "candidates", "update", "reports_of_articles",
                            "happenings_of_articles", "forget_reports", "forget_texts"])]
    if routing:
        owners.append((N.RecentArticles, ["add", "candidates"]))
    for owner, names in owners:
        for name in names:
            setattr(owner, name, timed(getattr(owner, name)))
    N.Fingerprint.of = classmethod(timed(N.Fingerprint.of.__func__))
    if routing:
        N.best_copy_of = timed(N.best_copy_of)
    return spent


def run(corpus_path: Path, db: Path, clustering: bool) -> dict:
    import accord.config as config
    from accord.clustering.nearcopy import route
    from accord.model import Article
    from accord.pipeline import Pipeline, StageFailure
    from accord.readers import read_inputs
    from accord.store import open_store

    spent = time_clustering(time.perf_counter)
    from bench_scale import warm_up

    pipeline = Pipeline.default()
    warm_up(pipeline)  # resources read on first use load before the clock starts
    items = [i for i in read_inputs([corpus_path]) if isinstance(i, Article)]
    stamps: list[float] = []
    spent_at: list[float] = []  # near-copy + happenings time when each article was stored
    tally: Counter = Counter()
    start = time.perf_counter()
    with open_store(db) as store:
        if not clustering:
            store.settings = store.settings.__class__(enabled=False)
            store.clusters.settings = store.settings

        def docs():
            for r in route(items, store.originals_of, store.settings, pipeline.process):
                if isinstance(r, StageFailure):
                    tally["failed"] += 1
                else:
                    yield r

        for outcome in store.ingest_many(docs(), batch_size=50):
            tally[outcome.status] += 1
            stamps.append(time.perf_counter() - start)
            spent_at.append(spent["t"])
        elapsed = time.perf_counter() - start
        linked = dict(store.con.execute(
            "SELECT id, duplicate_of FROM articles WHERE duplicate_of IS NOT NULL").fetchall())
        counts = store.counts()
    import resource

    return {"seconds": elapsed, "stamps": stamps, "spent_at": spent_at, "tally": dict(tally), "linked": linked,
            "counts": counts, "clustering_seconds": spent["t"],
            "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def per_article(stamps: list[float], first: bool, window: int = 1000) -> float:
    """Seconds per article over the first or the last `window` articles stored."""
    if len(stamps) < 2 * window:
        return float("nan")
    if first:
        return stamps[window - 1] / window
    return (stamps[-1] - stamps[-window - 1]) / window


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=5000)
    ap.add_argument("--copies", type=float, default=0.1)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--only", choices=["on", "off"])
    ap.add_argument("--order", choices=["published", "random"], default="published",
                    help="articles in order of publication (news as it arrives) or shuffled over "
                         "the two years (each day's reports keep growing to the end)")
    ap.add_argument("--window", type=int, default=1000,
                    help="articles in the first and last windows timed per article")
    ap.add_argument("--show", type=int, default=5, help="near-copy errors to print")
    ap.add_argument("--child", choices=["on", "off"])
    ap.add_argument("--corpus", type=Path)
    ap.add_argument("--db", type=Path)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(run(args.corpus, args.db, args.child == "on")))
        return
    corpus, truth = build(args.shared, args.n, args.copies, order=args.order)
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.jsonl"
        path.write_text("".join(json.dumps(a) + "\n" for a in corpus), encoding="utf-8")
        for mode in ([args.only] if args.only else ["on", "off"]):
            proc = subprocess.run([sys.executable, __file__, "--child", mode, "--corpus", str(path),
                                   "--db", str(Path(tmp) / f"{mode}.duckdb")],
                                  capture_output=True, text=True, check=False)
            if proc.returncode != 0:
                sys.exit(f"bench: run {mode} failed:\n{proc.stderr[-3000:]}")
            results[mode] = json.loads(proc.stdout.strip().splitlines()[-1])
    print(f"corpus: {len(corpus)} articles ({len(truth)} republished), {args.order} order; "
          f"{os.cpu_count()} cores; "
          f"load average {os.getloadavg()[0]:.1f}")
    w = args.window
    # The first and last thousand articles differ in length (the corpus is not uniform over
    # time), so the time spent in near-copies and happenings per article is printed too: it is
    # the part that could grow with the store.
    print(f"| run | articles/s | s/article, first {w:,} | s/article, last {w:,} | near-copy + happenings time | share of ingest | of which ms/article, first / last {w:,} | peak memory (MB) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for mode, r in results.items():
        share = r["clustering_seconds"] / r["seconds"]
        print(f"| clustering {mode} | {len(r['stamps']) / r['seconds']:.1f} | "
              f"{per_article(r['stamps'], True, w):.4f} | {per_article(r['stamps'], False, w):.4f} | "
              f"{r['clustering_seconds']:.1f} s | {100 * share:.1f}% | "
              f"{1000 * per_article(r['spent_at'], True, w):.1f} / "
              f"{1000 * per_article(r['spent_at'], False, w):.1f} | {r['peak_mb']:.0f} |")
    if "on" in results:
        on = results["on"]
        # A story: an original and everything republished from it. An article should be linked
        # into its story when it is a copy, or an original that an update extends; any member
        # of the story is a right target (a copy of an updated story links to the update).
        story = {}
        for copy, orig in truth.items():
            story[copy] = story[orig.lstrip("<")] = orig.lstrip("<")
        should = {c for c, o in truth.items() if not o.startswith("<")}
        should |= {o.lstrip("<") for o in truth.values() if o.startswith("<")}
        right = {a for a, t in on["linked"].items() if story.get(a) and story.get(a) == story.get(t)}
        wrong = sorted(set(on["linked"]) - right)
        missed = sorted(should - right)
        print(f"near-copies: {len(on['linked'])} linked, {len(should)} should be; precision "
              f"{100 * len(right) / max(1, len(on['linked'])):.1f}%, recall "
              f"{100 * len(right & should) / max(1, len(should)):.1f}%")
        for a in wrong[:args.show]:
            print(f"  linked wrongly: {a} -> {on['linked'][a]}")
        for a in missed[:args.show]:
            print(f"  not linked: {a} (story {story[a]})")
        c = on["counts"]
        print(f"happenings/reports: {c['happenings']} / {c['events']} = "
              f"{c['happenings'] / max(1, c['events']):.3f}; outcomes {on['tally']}")
    if "off" in results:
        print(f"clustering off: outcomes {results['off']['tally']}; "
              f"on/off total time: {results['on']['seconds'] / results['off']['seconds']:.2f}x"
              if "on" in results else "")


if __name__ == "__main__":
    main()
