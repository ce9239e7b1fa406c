"""API load benchmark: a 5,000-article store served by `accord serve` on 127.0.0.1, 20 clients.

    .venv/bin/python bench/bench_api.py                      # build the store if needed, measure
    .venv/bin/python bench/bench_api.py --clients 20 --requests 100 --articles 5000

The store: the real articles of the dev corpus (the founding article, the 40 WikiEvents
articles, the 171 Wikinews 2019 articles) coded by the real pipeline once (about 1.5 minutes),
then copied under new ids, every record with them (events, quotes, time expressions, mentions,
happenings where the store has them), until it holds `--articles` articles. Coding 5,000
articles would take 6 minutes or more and measure the pipeline, not the API; the copies give
the API the same row counts and distributions. The store is kept in bench/out/ and rebuilt only
when missing (or with --rebuild).

The load: `accord serve` in its own process (uvicorn, one process); 20 client threads in this
process, each with its own keep-alive HTTP connection, send requests back to back; after a
warm-up, each endpoint is measured on its own. Latency is from sending a request to reading
the whole response. Reported: median, 90th and 99th percentile, and requests per second.
Results go to stdout (a README table) and bench/out/bench_api.json.
"""

from __future__ import annotations

import argparse
import csv
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "bench" / "out"

TARGET_MEDIAN_MS = 200  # the first two endpoints, with 20 clients and 5,000 articles
ENDPOINTS = [
    ("dyad timeline (CHN-RUS, month)", "/api/dyads/CHN/RUS/timeline?interval=month"),
    ("first page of happenings (50)", "/api/events?limit=50"),
    ("happenings of a dyad, newest first", "/api/events?dyad=CHN,RUS&sort=-date&limit=50"),
    ("top dyads", "/api/dyads?limit=10"),
    ("map by country", "/api/map"),
]


def corpus(shared: Path) -> list[dict]:
    out = []
    example = REPO / "src" / "accord" / "resources" / "examples" / "xi-putin-video-call-2026-02-04.txt"
    _, date, text = example.read_text(encoding="utf-8").split(None, 2)
    out.append({"id": "xi-putin-video-call-2026-02-04", "text": text, "date": date, "source": "Reuters"})
    for split in ("dev", "test"):
        for line in (shared / "data" / "wikievents" / f"{split}.jsonl").open(encoding="utf-8"):
            obj = json.loads(line)
            out.append({"id": f"wikievents-{obj['doc_id']}", "text": obj["text"], "source": "WikiEvents"})
    with (shared / "data" / "wikinews" / "wikinews_2019.csv").open(encoding="utf-8") as f:
        for i, row in enumerate(csv.DictReader(f)):
            if i % 6 not in (0, 1, 2, 4):
                continue  # development parts only: part B (3) is held out, part F (5) unseen
            out.append({"id": f"wikinews-2019-{i:03d}", "text": row["text"], "date": row["date"],
                        "title": row["title"], "url": row["url"], "source": "Wikinews"})
    return out


def build_store(db: Path, shared: Path, articles: int) -> dict:
    """Code the corpus, then copy it under new ids until the store holds `articles` articles."""
    import duckdb

    from accord.pipeline import Pipeline, StageFailure
    from accord.readers import parse_jsonl_line
    from accord.store import open_store

    db.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", ".wal"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    base = corpus(shared)
    started = time.perf_counter()
    pipeline = Pipeline.default()
    items = [parse_jsonl_line(json.dumps(a), a["id"]) for a in base]
    documents = [d for d in pipeline.process(iter(items)) if not isinstance(d, StageFailure)]
    with open_store(db) as store:
        list(store.ingest_many(documents))
    coded = time.perf_counter() - started
    con = duckdb.connect(str(db))
    tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    n_base = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    copies = max(0, -(-articles // n_base) - 1)
    started = time.perf_counter()
    con.execute("BEGIN TRANSACTION")
    for k in range(1, copies + 1):
        tag = f"~{k}"
        con.execute("INSERT INTO articles SELECT * REPLACE (id || ? AS id, content_hash || ? AS content_hash) "
                    "FROM articles WHERE id NOT LIKE '%~%'", [tag, tag])
        happening = ", happening || ? AS happening" if "happenings" in tables else ""
        con.execute(f"INSERT INTO events SELECT * REPLACE (id || ? AS id, article_id || ? AS article_id{happening}) "
                    "FROM events WHERE article_id NOT LIKE '%~%'", [tag, tag] + ([tag] if happening else []))
        con.execute("INSERT INTO quotes SELECT * REPLACE (id || ? AS id, article_id || ? AS article_id) "
                    "FROM quotes WHERE article_id NOT LIKE '%~%'", [tag, tag])
        for table in ("timexes", "mentions"):
            con.execute(f"INSERT INTO {table} SELECT * REPLACE (article_id || ? AS article_id) "
                        f"FROM {table} WHERE article_id NOT LIKE '%~%'", [tag])
        if "happenings" in tables:
            con.execute("INSERT INTO happenings SELECT * REPLACE (id || ? AS id) FROM happenings "
                        "WHERE id NOT LIKE '%~%'", [tag])
    con.execute("COMMIT")
    # Trim to exactly `articles` (the last copy may overshoot).
    extra = con.execute("SELECT count(*) FROM articles").fetchone()[0] - articles
    if extra > 0:
        victims = [r[0] for r in con.execute(
            f"SELECT id FROM articles WHERE id LIKE '%~{copies}' ORDER BY id LIMIT {extra}").fetchall()]
        con.execute("CREATE TEMP TABLE victims (id VARCHAR)")
        con.executemany("INSERT INTO victims VALUES (?)", [[v] for v in victims])
        for table in ("events", "quotes", "timexes", "mentions"):
            con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT id FROM victims)")
        con.execute("DELETE FROM articles WHERE id IN (SELECT id FROM victims)")
        if "happenings" in tables:  # and the happenings left with no report
            con.execute("DELETE FROM happenings WHERE id NOT IN "
                        "(SELECT happening FROM events WHERE happening IS NOT NULL)")
    counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("articles", "events", "quotes", "mentions", *(["happenings"] if "happenings" in tables else []))}
    con.close()
    return {"coded_articles": n_base, "coding_seconds": round(coded, 1), "copies": copies,
            "copy_seconds": round(time.perf_counter() - started, 1), **counts}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path, port: int) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-m", "accord.cli.main", "serve", "--db", str(db),
                             "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/api/summary")
            if conn.getresponse().status == 200:
                return proc
        except OSError:
            if proc.poll() is not None:
                break
            time.sleep(0.2)
    proc.kill()
    sys.exit(f"bench: accord serve did not start: {proc.stderr.read().decode()}")


def load(port: int, path: str, clients: int, per_client: int) -> dict:
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    barrier = threading.Barrier(clients)

    def client() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        mine = []
        barrier.wait()
        for _ in range(per_client):
            t0 = time.perf_counter()
            conn.request("GET", path)
            response = conn.getresponse()
            body = response.read()
            mine.append(time.perf_counter() - t0)
            if response.status != 200 or not body:
                errors.append(f"{response.status}")
        conn.close()
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    latencies.sort()

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000

    return {"requests": len(latencies), "errors": len(errors),
            "median_ms": round(statistics.median(latencies) * 1000, 1),
            "p90_ms": round(pct(0.90), 1), "p99_ms": round(pct(0.99), 1),
            "requests_per_s": round(len(latencies) / wall, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description="API load benchmark (see the module docs).")
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=50, help="requests per client per endpoint")
    parser.add_argument("--db", type=Path, default=OUT / "bench_api.duckdb")
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()

    built = None
    if args.rebuild or not args.db.exists():
        print(f"building {args.db} ...", file=sys.stderr)
        built = build_store(args.db, args.shared, args.articles)
        print(f"built: {built}", file=sys.stderr)
    port = free_port()
    server = start_server(args.db, port)
    try:
        summary = json.loads(_get(port, "/api/summary"))
        for _, path in ENDPOINTS:  # warm-up: caches, the thread pool, the query plans
            load(port, path, args.clients, 3)
        results = []
        for label, path in ENDPOINTS:
            r = load(port, path, args.clients, args.requests)
            results.append({"endpoint": label, "path": path, **r})
    finally:
        server.terminate()
        server.wait(timeout=20)
    report = {"store": {k: summary[k] for k in ("articles", "reports", "happenings", "quotes")},
              "built": built, "clients": args.clients, "cpu_count": os.cpu_count(),
              "results": results}
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "bench_api.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    s = report["store"]
    print(f"store: {s['articles']:,} articles, {s['reports']:,} event reports, {s['happenings']:,} "
          f"happenings; {args.clients} concurrent clients on 127.0.0.1, {args.requests} requests each per endpoint")
    print("\n| request | median ms | p90 ms | p99 ms | requests/s | errors |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for r in results:
        print(f"| {r['endpoint']} (`{r['path']}`) | {r['median_ms']} | {r['p90_ms']} | {r['p99_ms']} | "
              f"{r['requests_per_s']} | {r['errors']} |")
    # Issue 15's target, for the two requests it names.
    for r in results[:2]:
        verdict = "met" if r["median_ms"] < TARGET_MEDIAN_MS and not r["errors"] else "NOT met"
        print(f"\n{r['endpoint']}: median {r['median_ms']} ms, target under {TARGET_MEDIAN_MS} ms: {verdict}",
              end="")
    print()


def _get(port: int, path: str) -> bytes:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", path)
    return conn.getresponse().read()


if __name__ == "__main__":
    main()
