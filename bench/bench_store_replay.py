"""Benchmark: the store's own cost (writes, near-copies, happenings) without the parse.

    .venv/bin/python bench/bench_store_replay.py dump --n 5000 --out /tmp/records.jsonl [--order published|random]
    .venv/bin/python bench/bench_store_replay.py replay /tmp/records.jsonl [--db /tmp/replay.duckdb] [--profile OUT] [--counts]

`dump` codes bench_happenings' corpus once (the parse: 296 s of CPU for 5,000 articles, 25 min
on a shared 2-core machine at load 10) and keeps every document's records
as one JSON line per article, in ingest order (an event's `date_range` beside its record, as
`accord spark` writes it). `replay` writes those documents into a fresh store
the way `accord ingest` does (50 articles a transaction; no parse), and prints the store's CPU
time per article and the part spent in near-copies and happenings, over the first and the last
thousand articles, and a hash of the happening tables: two commits that must cluster alike give
the same happenings hash (the tables hash adds the blocking keys, which an index change alters). The near-copy lookup (stored candidates and each article's decision on them) is
timed apart. `--counts` adds counts of the clustering's work (rows read, pairs checked, reports
grouped and summarized, near-copy candidates read and texts compared) over the same articles,
which a loaded machine does not blur, and where their growth lies: candidate rows fetched for
month- or year-dated new reports (a year's reports of their root and country may be compatible),
reports of happenings of 20 or more summarized again as they grow. CPU time (not wall time) so
that it means something on a shared machine; it is still only a guide there.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import json
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))

from bench_happenings import time_clustering  # noqa: E402


def dump(args: argparse.Namespace) -> None:
    from bench_happenings import build

    from accord.clustering.nearcopy import route
    from accord.model import Article
    from accord.pipeline import Pipeline, StageFailure
    from accord.readers import read_inputs
    from accord.store import open_store

    corpus, _ = build(args.shared, args.n, args.copies, order=args.order)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.jsonl"
        path.write_text("".join(json.dumps(a) + "\n" for a in corpus), encoding="utf-8")
        items = [i for i in read_inputs([path]) if isinstance(i, Article)]
        pipeline = Pipeline.default()
        with open_store(Path(tmp) / "dump.duckdb") as store, args.out.open("w") as fh:
            def docs():
                for r in route(items, store.originals_of, store.settings, pipeline.process):
                    if not isinstance(r, StageFailure):
                        records = list(r.records())
                        # beside the event records, as a Spark run writes it (spark.schema.
                        # BESIDE_DDL): the days a text date allows, which the store keeps
                        ranges = {e.id: e.date_range for e in r.events if e.date_range}
                        for record in records:
                            if record["kind"] == "event" and record["id"] in ranges:
                                record["date_range"] = list(ranges[record["id"]])
                        fh.write(json.dumps(records) + "\n")
                        yield r
            for _ in store.ingest_many(docs(), batch_size=50):
                pass


def time_part(owner, name: str, acc: dict | None = None) -> dict:
    """Wrap `owner.name` so that the returned dict's "t" accumulates its CPU time (nested or
    recursive calls counted once; functions given the same `acc` share it)."""
    fn = getattr(owner, name)
    acc = {"t": 0.0, "depth": 0} if acc is None else acc

    def wrapper(*a, **k):
        acc["depth"] += 1
        t = time.process_time()
        try:
            return fn(*a, **k)
        finally:
            acc["depth"] -= 1
            if acc["depth"] == 0:
                acc["t"] += time.process_time() - t
    setattr(owner, name, wrapper)
    return acc


def count_work(C, H, N) -> "Counter":
    """Count, without timing, the work clustering does (rows the candidate query returns, stored
    reports read and turned into records, pairs `compatible` is asked about, reports grouped and
    summarized; near-copy candidates read and texts compared): figures that do not depend on the machine's load, so that two commits, or the
    first and last articles, compare exactly on a shared machine."""
    from collections import Counter

    counts: Counter = Counter()

    def wrap(owner, name, label, size=None):
        fn = getattr(owner, name)

        def wrapper(*a, **k):
            counts[label] += 1 if size is None else size(a)
            return fn(*a, **k)
        setattr(owner, name, wrapper)

    wrap(C, "report_of", "stored reports read into records")
    wrap(H, "compatible", "pairs checked in group")
    wrap(C, "compatible", "pairs checked for compatible happenings")
    wrap(C, "group", "reports grouped", lambda a: len(a[0]))
    # Reports summarized: each report a happening's summary reads (since the running summary
    # of a large happening, `Summary`, only the reports added since it was last built).
    wrap(C, "summarize", "reports summarized", lambda a: len(a[0]))
    if hasattr(H, "Summary"):
        wrap(H.Summary, "happening", "reports summarized", lambda a: a[0].added)
    wrap(C.Clusters, "texts", "near-copy candidates read (stored texts)", lambda a: len(set(a[1])))
    wrap(N, "compare", "near-copy texts compared")
    # Where the growth lies: reports of large happenings summarized again as they gain reports
    # (a story told again and again), and candidate rows a key's new reports fetch when one of
    # them is dated to a month or a year (its period spans the key's whole month: every report of
    # the key's root, country and month may be compatible).
    wrap(C, "summarize", "reports summarized, of which in happenings of 20+ reports",
         lambda a: len(a[0]) if len(a[0]) >= 20 else 0)
    if hasattr(H, "Summary"):
        wrap(H.Summary, "happening", "reports summarized, of which in happenings of 20+ reports",
             lambda a: a[0].added if a[0].reports >= 20 else 0)
    # Stored reports whose happening changed (`UPDATE events SET happening`).
    from accord.store import base as S
    wrap(S.Store, "_set_happenings", "reports re-filed (UPDATE events SET happening)",
         lambda a: len(a[1]))
    # Of those, the reports of a happening re-filed whole under a new id with no other
    # happening's reports: a report with a smaller id joined it (a happening's id is its
    # smallest report's), the rest merges and splits. Read from the tables before the update.
    refile = S.Store._update_event_happenings

    def classified(self, gone, stale):
        if stale:
            old = dict(self._query("SELECT id, happening FROM events WHERE id = ANY(?)",
                                   [[e for _, e in stale]]))
            size = dict(self._query("SELECT happening, count(*) FROM events WHERE happening = "
                                    "ANY(?) GROUP BY happening", [sorted(set(old.values()))]))
            into: dict = {}
            sources: dict = {}
            for h, e in stale:
                into.setdefault(old[e], set()).add(h)
                sources.setdefault(h, set()).add(old[e])
            moved = Counter(old[e] for _, e in stale)
            counts["reports re-filed, of which a whole happening's new id (a smaller id "
                   "joined)"] += sum(moved[old[e]] == size[old[e]] and len(into[old[e]]) == 1
                                     and len(sources[h]) == 1 for h, e in stale)
        return refile(self, gone, stale)
    S.Store._update_event_happenings = classified
    if hasattr(C.Clusters, "_bucket_rows"):
        rows_of = C.Clusters._bucket_rows

        def bucket_rows(self, keys):
            rows = rows_of(self, keys)
            counts["LSH bucket keys looked up"] += len(keys)
            counts["LSH bucket rows found"] += len(rows)
            return rows
        C.Clusters._bucket_rows = bucket_rows
    init = C.Clusters.__init__

    def counted_init(self, query, *a, **k):
        def counted(sql, params=None, probed=False):
            rows = query(sql, params) if not probed else probing(sql, params, len(params[0]))
            if "FROM happening_keys k" in sql:
                counts["candidate statements (happening_keys)"] += 1
                counts["candidate statements (happening_keys), of which index probes"] += probed
                counts["candidate rows (happening_keys)"] += len(rows)
                # A key's window: its new reports' days (plus the publication window, which
                # the query's bounds held before schema 7: the same keys count as wide).
                pad = timedelta(days=self.settings.window_days if "k.earliest <=" in sql else 0)
                wide = {key for key, lo, hi, *_ in zip(*params)
                        if lo[:4] != "0000" and date.fromisoformat(hi) + pad
                        - date.fromisoformat(lo) > timedelta(days=31)}
                counts["candidate rows (happening_keys), of which under a key with a month- or "
                       "year-dated new report"] += sum(
                    row[0] in wide for row in rows)
            return rows
        # An index-probing statement (`Clusters.probing`) is counted alike.
        probing = k.get("probing") or (lambda sql, params, values: query(sql, params))
        if "probing" in k:
            k["probing"] = lambda sql, params, values: (
                counted(sql, params, True) if "FROM happening_keys k" in sql
                else probing(sql, params, values))
        init(self, counted, *a, **k)
    C.Clusters.__init__ = counted_init
    return counts


def replay(args: argparse.Namespace) -> None:
    from accord.records import document_from_records
    from accord.store import open_store

    from accord.clustering import happenings as H
    from accord.clustering import nearcopy as N
    from accord.store import base as S
    from accord.store import clusters as C

    # Loaded on first use: spaCy's stop words (for statements' evidence) cost seconds to import,
    # which would land in the first articles' figures.
    H._stop_words()
    # The same functions bench_happenings times as near-copy and happening work.
    spent = time_clustering(time.process_time, routing=False)
    work = count_work(C, H, N) if args.counts else None
    work_at = []
    # Clusters.update (happenings alone) and its heaviest parts, timed apart (nested calls
    # counted once in each).
    parts = {"update": C.Clusters, "group": C, "_candidate_reports": C.Clusters,
             "_members_of": C.Clusters}
    part_spent = {name: time_part(owner, name) for name, owner in parts.items()}
    # Summarizing: whole (`summarize`), or a large happening's running summary (`Summary`: its
    # reports added, and the values built).
    summarizing = part_spent["summarize"] = time_part(C, "summarize")
    if hasattr(H, "Summary"):
        for name in ("add", "happening"):
            time_part(H.Summary, name, summarizing)
    # The near-copy lookup: the stored candidates of a group (LSH buckets, then what `compare`
    # reads of the articles they stand for) and each article's decision on them; the texts'
    # fingerprints apart (made before the transaction: their cost does not depend on the store).
    lookup = {"t": 0.0, "depth": 0}
    for owner, name in ((C.Clusters, "candidates"), (C.Clusters, "stored_roots"),
                        (S.Store, "_nearcopy_decision")):
        time_part(owner, name, lookup)
    part_spent["near-copy lookup"] = lookup
    if hasattr(C.Clusters, "_bucket_rows"):  # the LSH bucket query alone (since it has its own)
        part_spent["LSH bucket query (in the lookup)"] = time_part(C.Clusters, "_bucket_rows")
    part_spent["fingerprint"] = time_part(C.Clusters, "fingerprint")
    part_at: dict[str, list[float]] = {name: [] for name in part_spent}
    docs = [document_from_records(json.loads(line))
            for line in args.records.read_text(encoding="utf-8").splitlines()]
    db = args.db or Path(tempfile.mkdtemp()) / "replay.duckdb"
    stamps, spent_at = [], []
    profile = cProfile.Profile() if args.profile else None
    start = time.process_time()
    with open_store(db) as store:
        if profile:
            profile.enable()
        for _ in store.ingest_many(iter(docs), batch_size=50):
            stamps.append(time.process_time() - start)
            spent_at.append(spent["t"])
            for name, acc in part_spent.items():
                part_at[name].append(acc["t"])
            if work is not None:
                work_at.append(dict(work))
        if profile:
            profile.disable()
            profile.dump_stats(args.profile)
        digest = hashlib.sha256()
        for sql in ("SELECT * FROM happenings ORDER BY id",
                    "SELECT id, happening FROM events ORDER BY id",
                    "SELECT id, duplicate_of FROM articles ORDER BY id"):
            for row in store._query(sql):
                digest.update(repr(row).encode())
        # What users get (happenings, each report's, copies) apart from the index beside it.
        outcome = digest.hexdigest()
        for row in store._query("SELECT * FROM happening_keys ORDER BY key, happening, report"):
            digest.update(repr(row).encode())
        counts = store.counts()
    w = min(args.window, len(stamps) // 2)

    def per(xs: list[float], first: bool) -> float:
        return 1000 * (xs[w - 1] / w if first else (xs[-1] - xs[-w - 1]) / w)

    print(f"{len(stamps)} articles; store CPU {stamps[-1]:.1f} s, of which near-copies and "
          f"happenings {spent_at[-1]:.1f} s")
    print(f"store CPU ms/article, first / last {w}: {per(stamps, True):.2f} / {per(stamps, False):.2f}")
    print(f"near-copies + happenings CPU ms/article, first / last {w}: "
          f"{per(spent_at, True):.2f} / {per(spent_at, False):.2f}")
    for name, xs in part_at.items():
        print(f"  of which {name}: {per(xs, True):.2f} / {per(xs, False):.2f}")
    if work is not None:
        print(f"work per article, first / last {w} (counts, not times):")
        for name in sorted(work):
            first = work_at[w - 1].get(name, 0) / w
            last = (work_at[-1].get(name, 0) - work_at[-w - 1].get(name, 0)) / w
            print(f"  {name}: {first:.2f} / {last:.2f}")
    print(f"happenings / reports: {counts['happenings']} / {counts['events']}")
    print(f"happenings hash {outcome} (happenings, the happening of each report, copies)")
    print(f"tables hash {digest.hexdigest()} (and the blocking keys)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump")
    d.add_argument("--n", type=int, default=5000)
    d.add_argument("--copies", type=float, default=0.1)
    d.add_argument("--order", choices=["published", "random"], default="published")
    d.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    d.add_argument("--out", type=Path, required=True)
    r = sub.add_parser("replay")
    r.add_argument("records", type=Path)
    r.add_argument("--db", type=Path)
    r.add_argument("--profile")
    r.add_argument("--window", type=int, default=1000)
    r.add_argument("--counts", action="store_true",
                   help="also count the work clustering does (rows read, pairs checked, reports "
                        "grouped and summarized), first and last window: exact on a loaded machine")
    args = ap.parse_args()
    (dump if args.command == "dump" else replay)(args)


if __name__ == "__main__":
    main()
