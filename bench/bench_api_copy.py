"""Benchmark: the CPU of posting a syndicated copy, or the stored article itself unchanged, to
`POST /api/articles`.

    .venv/bin/python bench/bench_api_copy.py [--copies 5] [--reposts 3] [--db FILE]

The founding article is posted first (the model loads, the original is coded and stored), then
`--copies` syndicated copies of it, one request each (another headline and an agency credit each,
the story unchanged), through FastAPI's TestClient in this process, on a new DuckDB file.
Reported: the process CPU (user + system, every thread, `time.process_time`) per copy request, and
the articles the pipeline parsed (a spy on `Pipeline._parse_batch`, called through): a copy routed
out before the parse costs a fingerprint and a store lookup, not a parse. Then the founding
article is posted `--reposts` more times as it is (the same file name, so the same id, text and
metadata): what `accord ingest` does on a re-run, the API does too (`Store.unchanged`): such an
article is answered "duplicate" of itself and not coded again; its CPU per request and its
parses are reported the same way.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from importlib.resources import files
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description="CPU of posting a near-copy (see the module docs).")
    parser.add_argument("--copies", type=int, default=5)
    parser.add_argument("--reposts", type=int, default=3)
    parser.add_argument("--db", type=Path, default=None, help="a new DuckDB file (default: a temporary one)")
    args = parser.parse_args()

    from fastapi.testclient import TestClient

    import accord
    from accord.api import create_app
    from accord.pipeline import Pipeline

    parsed: list[str] = []
    parse_batch = Pipeline._parse_batch

    def spy(self, documents):
        parsed.extend(d.id for d in documents)
        return parse_batch(self, documents)

    Pipeline._parse_batch = spy  # type: ignore[method-assign]
    example = Path(str(files("accord").joinpath("resources", "examples",
                                                "xi-putin-video-call-2026-02-04.txt")))
    original = example.read_bytes()
    _, body = original.decode("utf-8").split("\n", 1)
    credits = ["By Reuters staff.", "(AFP)", "By AP reporters.", "Reporting by Xinhua.", "(TASS)"]

    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "copy.duckdb"
        auth = {"Authorization": "Bearer bench"}
        with TestClient(create_app(db, write_token="bench")) as client:
            r = client.post("/api/articles", headers=auth,
                            files=[("files", ("founding.txt", original, "text/plain"))])
            r.raise_for_status()
            print(f"accord from {Path(accord.__file__).parent}")
            print(f"founding article: {r.json()['stored']}; parsed so far: {len(parsed)}")
            cpu: list[float] = []
            outcomes: list[str] = []
            for i in range(args.copies):
                text = (f"date 2026-02-04 Xi and Putin hail ties in video call ({i + 1})\n"
                        f"{credits[i % len(credits)]}\n" + body).encode("utf-8")
                before = len(parsed)
                start = time.process_time()
                r = client.post("/api/articles", headers=auth,
                                files=[("files", (f"copy{i + 1}.txt", text, "text/plain"))])
                cpu.append(time.process_time() - start)
                r.raise_for_status()
                out = r.json()
                outcomes.append(f"copy {out['copy']} of {out['duplicate_of']}, "
                                f"stored {out['stored']}, parsed {len(parsed) - before}")
            copies_parsed = len(parsed) - 1
            repost_cpu: list[float] = []
            for i in range(args.reposts):
                before = len(parsed)
                start = time.process_time()
                r = client.post("/api/articles", headers=auth,
                                files=[("files", ("founding.txt", original, "text/plain"))])
                repost_cpu.append(time.process_time() - start)
                r.raise_for_status()
                out = r.json()
                outcomes.append(f"repost: duplicate {out['duplicate']} of {out['duplicate_of']}, "
                                f"stored {out['stored']}, notes {out['notes']}, "
                                f"parsed {len(parsed) - before}")
            reposts_parsed = len(parsed) - 1 - copies_parsed
    for line in outcomes:
        print(line)
    for what, times in (("copy", cpu), ("unchanged repost", repost_cpu)):
        if times:
            print(f"CPU per {what} request: median {statistics.median(times) * 1000:.1f} ms, "
                  f"mean {statistics.mean(times) * 1000:.1f} ms (n={len(times)}: "
                  + ", ".join(f"{c * 1000:.0f}" for c in times) + ")")
    print(f"articles parsed for the copies: {copies_parsed}")
    print(f"articles parsed for the unchanged reposts: {reposts_parsed}")


if __name__ == "__main__":
    sys.exit(main())
