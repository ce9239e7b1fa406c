"""Benchmark: read a 1 GB web archive with Accord's WARC reader; memory must stay flat.

    .venv/bin/python bench/bench_warc.py [--gigabytes 1] [--warc PATH] [--keep]

Builds (once; `--warc` reuses a file) a gzip-per-record WARC like a news crawl (CC-NEWS): for
every page a request and a response record, the responses cycling through the real news pages
in tests/data/news_pages (each under its own URL), with a 404, a redirect and an image record
every 50 pages, until the file reaches the size asked. Then a fresh process reads it through
`accord.readers.read_inputs` (no pipeline: this measures the reader alone) and reports records,
articles, MB/s, peak resident memory (ru_maxrss) and resident memory at every 10% of the
archive's bytes. Run it on an idle machine; the figures go in the README.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PAGES = REPO / "tests" / "data" / "news_pages"
ARTICLE_PAGES = ["cnn_001", "cnn_002", "cnn_article", "cnn_test_nlp", "cleveland.com1", "fox13now_001",
                 "time_001", "wired_001", "yna_co_kr", "video_article_02"]


def build_warc(path: Path, target_bytes: int) -> int:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    pages = [gzip.decompress((PAGES / f"{name}.html.gz").read_bytes()) for name in ARTICLE_PAGES]
    n = 0
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)

        def response(uri: str, status: str, ctype: str, body: bytes) -> None:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                uri, "request", payload=io.BytesIO(b""),
                http_headers=StatusAndHeaders("GET / HTTP/1.1", [("Host", "bench.test")], is_http_request=True)))
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=headers))

        while fh.tell() < target_bytes:
            name = ARTICLE_PAGES[n % len(ARTICLE_PAGES)]
            response(f"https://bench.test/{n}/{name}", "200 OK", "text/html; charset=utf-8", pages[n % len(pages)])
            if n % 50 == 0:
                response(f"https://bench.test/{n}/missing", "404 Not Found", "text/html", b"<html><body>no</body></html>")
                response(f"https://bench.test/{n}/old", "301 Moved Permanently", "text/html", b"")
                response(f"https://bench.test/{n}/logo.png", "200 OK", "image/png", b"\x89PNG" + os.urandom(2048))
            n += 1
    return n


READER = r"""
import json, resource, sys, time
from accord.model import Article
from accord.readers import ReadOptions, Rejection, Skip, read_inputs

path, size = sys.argv[1], int(sys.argv[2])
page = 4096
def rss_mb():
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * page / 1e6

class Progress:
    def __init__(self):
        self.done = 0
        self.marks = []
    def begin(self, label, total, unit):
        return label
    def advance(self, task, amount):
        self.done += amount
        while len(self.marks) < 10 and self.done >= size * (len(self.marks) + 1) / 10:
            self.marks.append(round(rss_mb()))
    def end(self, task):
        pass

progress = Progress()
counts = {"records": 0, "articles": 0, "skipped": 0, "rejected": 0}
start = time.perf_counter()
for item in read_inputs([path], options=ReadOptions(progress=progress)):
    counts["records"] += 1
    if isinstance(item, Rejection):
        counts["rejected"] += 1
    elif isinstance(item, Skip):
        counts["skipped"] += 1
    else:
        counts["articles"] += 1
seconds = time.perf_counter() - start
counts.update(seconds=round(seconds, 1), mb_per_s=round(size / 1e6 / seconds, 1),
              articles_per_s=round(counts["articles"] / seconds, 1),
              peak_rss_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
              rss_at_tenths_mb=progress.marks)
print(json.dumps(counts))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gigabytes", type=float, default=1.0)
    parser.add_argument("--warc", type=Path, help="read this WARC (built here first if it does not exist)")
    parser.add_argument("--keep", action="store_true", help="keep the built WARC")
    args = parser.parse_args()
    tmp = None
    path = args.warc
    if path is None:
        tmp = tempfile.TemporaryDirectory(prefix="accord-bench-warc-")
        path = Path(tmp.name) / "bench.warc.gz"
    if not path.exists():
        t = time.perf_counter()
        pages = build_warc(path, int(args.gigabytes * 1024 ** 3))
        print(f"built {path} ({path.stat().st_size / 1e6:,.0f} MB, {pages:,} pages) in {time.perf_counter() - t:.0f} s",
              file=sys.stderr)
    size = path.stat().st_size
    proc = subprocess.run([sys.executable, "-c", READER, str(path), str(size)], capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(proc.stderr)
    result = json.loads(proc.stdout)
    result["archive_mb"] = round(size / 1e6)
    print(json.dumps(result, indent=2))
    if tmp is not None and not args.keep:
        tmp.cleanup()


if __name__ == "__main__":
    main()
