"""Draw the blind precision audit's sample of event records, by a rule fixed before drawing.

    .venv/bin/python tools/draw_audit_sample.py --shared ../shared --out tests/data/wikinews_audit/sample.jsonl

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


def draw(records: list[dict], seed: int = SEED, size: int = SIZE) -> list[dict]:
    articles = {r["id"]: r for r in records if r["kind"] == "article"}
    events = sorted((r for r in records if r["kind"] == "event"),
                    key=lambda e: (e["article_id"], e["sentence"], e["trigger"]["span"][0], e["id"]))
    chosen = random.Random(seed).sample(events, min(size, len(events)))
    sample = []
    for n, event in enumerate(chosen, 1):
        article = articles[event["article_id"]]
        sample.append({"n": n, "article_id": article["id"], "url": article.get("url"),
                       "title": article.get("title"), "date": article.get("date"), "record": event})
    return sample


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--csv", type=Path, help="the articles (default: the 2020 Wikinews CSV)")
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    csv_path = args.csv or args.shared / "data" / "wikinews" / "wikinews_2020.csv"
    records = extract(csv_path)
    sample = draw(records)
    n_events = sum(r["kind"] == "event" for r in records)
    n_articles = sum(r["kind"] == "article" for r in records)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as f:
        for line in sample:
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
    print(f"{n_articles} articles, {n_events} event records; {len(sample)} drawn (seed {SEED}) -> {args.out}")


if __name__ == "__main__":
    main()
