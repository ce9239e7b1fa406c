"""Draw the blind precision audit's sample of event records, by a rule fixed before drawing.

    .venv/bin/python tools/draw_audit_sample.py --shared ../shared --out tests/data/wikinews_audit/sample.jsonl

With `--rows M:R --all` it instead lists every event record of the rows i % M == R of another CSV
(the judged development parts of tests/data/wikinews_judged/README.md):

    .venv/bin/python tools/draw_audit_sample.py --csv ../shared/data/wikinews/wikinews_2019.csv \
        --rows 6:1 --all --out tests/data/wikinews_judged/part_c_records.jsonl

The selected rows, with the header and their cells unchanged, are written to a temporary CSV and
`accord extract` runs on that; each line then also names the article's CSV row (`article`).

The rule (tests/data/wikinews_audit/README.md says the same):
1. Run `accord extract --format jsonl` with its default settings (no options, an empty config) on
   `../shared/data/wikinews/wikinews_2020.csv`: exactly the records a user gets.
2. Keep the `event` records, ordered by (article id, sentence, trigger start, record id).
3. Draw 150 of them (all of them if there are fewer) with `random.Random(SEED).sample`, SEED = 2020,
   and list them in the order drawn, numbered from 1.
Each sample line holds the number, the article's id, url, title and date, and the record as
emitted. The judge reads the record beside the article text and writes judgments.jsonl.
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
from pathlib import Path

SEED = 2020
SIZE = 150
REPO = Path(__file__).resolve().parents[1]


def extract(csv_path: Path) -> list[dict]:
    """The records `accord extract` writes for the CSV, with no user config or actor files."""
    with tempfile.TemporaryDirectory(prefix="accord-audit-") as tmp:
        env = dict(os.environ, ACCORD_CONFIG=str(Path(tmp) / "config.toml"),
                   ACCORD_ACTOR_DIR=str(Path(tmp) / "actors"))
        for key in ("ACCORD_DB", "ACCORD_MIN_CONFIDENCE", "ACCORD_STATEMENTS", "ACCORD_SPACY_MODEL"):
            env.pop(key, None)
        out = subprocess.run([sys.executable, "-m", "accord.cli.main", "extract", str(csv_path),
                              "--format", "jsonl"], env=env, capture_output=True, text=True,
                             check=False)
        if out.returncode not in (0, 1):
            raise SystemExit(f"accord extract failed ({out.returncode}): {out.stderr[-2000:]}")
        return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]


def select_rows(csv_path: Path, modulus: int, remainder: int, out: Path) -> dict[str, int]:
    """Write the rows i % modulus == remainder (i the 0-based data row) to `out`, header and cells
    unchanged; return each written row's url -> i (the article id `accord extract` gives a row)."""
    csv.field_size_limit(10**9)
    with csv_path.open(newline="", encoding="utf-8") as src, out.open("w", newline="", encoding="utf-8") as dst:
        reader = csv.DictReader(src)
        writer = csv.DictWriter(dst, fieldnames=reader.fieldnames)
        writer.writeheader()
        rows = {}
        for i, row in enumerate(reader):
            if i % modulus == remainder:
                writer.writerow(row)
                rows[row["url"]] = i
    return rows


def draw(records: list[dict], seed: int = SEED, size: int | None = SIZE,
         rows: dict[str, int] | None = None) -> list[dict]:
    """`size` records drawn with Random(seed), or all of them in order when `size` is None.
    `rows` (url -> CSV row) adds each line's `article` and orders by it."""
    articles = {r["id"]: r for r in records if r["kind"] == "article"}
    row_of = (lambda e: rows[articles[e["article_id"]]["url"]]) if rows is not None else (lambda e: 0)
    events = sorted((r for r in records if r["kind"] == "event"),
                    key=lambda e: (row_of(e), e["article_id"], e["sentence"], e["trigger"]["span"][0], e["id"]))
    chosen = events if size is None else random.Random(seed).sample(events, min(size, len(events)))
    sample = []
    for n, event in enumerate(chosen, 1):
        article = articles[event["article_id"]]
        line = {"n": n}
        if rows is not None:
            line["article"] = row_of(event)
        line.update({"article_id": article["id"], "url": article.get("url"),
                     "title": article.get("title"), "date": article.get("date"), "record": event})
        sample.append(line)
    return sample


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--csv", type=Path, help="the articles (default: the 2020 Wikinews CSV)")
    ap.add_argument("--rows", metavar="M:R", help="only the CSV rows i %% M == R (0-based data rows)")
    ap.add_argument("--all", action="store_true", help="keep every event record, in order, instead of drawing")
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    csv_path = args.csv or args.shared / "data" / "wikinews" / "wikinews_2020.csv"
    if (args.rows or args.all) and csv_path.name.startswith("wikinews_2020"):
        raise SystemExit("--rows/--all are for development data; the 2020 file is for the blind audit's sample only")
    rows = None
    with tempfile.TemporaryDirectory(prefix="accord-rows-") as tmp:
        if args.rows:
            modulus, remainder = (int(x) for x in args.rows.split(":"))
            part_csv = Path(tmp) / csv_path.name
            rows = select_rows(csv_path, modulus, remainder, part_csv)
            records = extract(part_csv)
        else:
            records = extract(csv_path)
    sample = draw(records, size=None if args.all else SIZE, rows=rows)
    n_events = sum(r["kind"] == "event" for r in records)
    n_articles = sum(r["kind"] == "article" for r in records)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as f:
        for line in sample:
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
    how = "all kept" if args.all else f"drawn (seed {SEED})"
    print(f"{n_articles} articles, {n_events} event records; {len(sample)} {how} -> {args.out}")


if __name__ == "__main__":
    main()
