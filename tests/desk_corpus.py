"""A store of real articles for the API, export, CLI and browser tests of the analyst's desk.

The founding article, the 40 WikiEvents conflict articles and the first 30 Wikinews 2019 articles
(never 2020: those are kept for blind measurements), plus one article whose title and text carry
`<script>` and `<img onerror>` markup, coded by the real pipeline into a real DuckDB file.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

from conftest import SHARED

WIKINEWS_2019 = 30
# Only the development parts of the 2019 file (rows i % 6 in A 0, C 1, E 2, D 4): part B (3) is held
# out and part F (5) kept unseen for an untuned audit, so Accord is never run on them here.
DEVELOPMENT_PARTS = (0, 1, 2, 4)

# Markup that a careless page would run: it must reach the reader as text.
HOSTILE_ID = "hostile-markup"
HOSTILE_TITLE = ('<script>window.__accord_xss = "title"</script>Talks in Moscow '
                 '<img src=x onerror="window.__accord_xss = \'img\'">')
HOSTILE_TEXT = (
    "Xi Jinping met Vladimir Putin in Moscow on Monday. "
    '<script>window.__accord_xss = "text"</script> '
    "Russia accused Ukraine of shelling Donetsk <img src=x onerror=\"window.__accord_xss='img'\"> "
    "on Sunday, officials said."
)


def articles() -> list[dict]:
    out: list[dict] = []
    example = Path(__file__).resolve().parents[1] / "src" / "accord" / "resources" / "examples" / \
        "xi-putin-video-call-2026-02-04.txt"
    raw = example.read_text(encoding="utf-8")
    header, text = raw.split(None, 2)[1], raw.split(None, 2)[2]
    out.append({"id": "xi-putin-video-call-2026-02-04", "text": text, "date": header,
                "title": "Xi and Putin hail ties in video call", "source": "Reuters"})
    for split in ("dev", "test"):
        path = SHARED / "data" / "wikievents" / f"{split}.jsonl"
        for line in path.open(encoding="utf-8"):
            obj = json.loads(line)
            out.append({"id": f"wikievents-{obj['doc_id']}", "text": obj["text"],
                        "source": "WikiEvents"})
    with (SHARED / "data" / "wikinews" / "wikinews_2019.csv").open(encoding="utf-8") as f:
        rows = [(i, row) for i, row in enumerate(csv.DictReader(f)) if i % 6 in DEVELOPMENT_PARTS]
        for i, row in rows[:WIKINEWS_2019]:
            out.append({"id": f"wikinews-2019-{i:03d}", "text": row["text"], "date": row["date"],
                        "title": row["title"], "url": row["url"], "source": "Wikinews"})
    out.append({"id": HOSTILE_ID, "text": HOSTILE_TEXT, "date": "2019-03-04",
                "title": HOSTILE_TITLE, "source": "Hostile <b>Wire</b>"})
    return out


def build(db: Path, nlp) -> Path:
    """Code the corpus with the real pipeline into a DuckDB file at `db`."""
    from accord.pipeline import Pipeline, StageFailure
    from accord.readers import parse_jsonl_line
    from accord.store import open_store

    pipeline = Pipeline.default(nlp)
    items = [parse_jsonl_line(json.dumps(a), a["id"]) for a in articles()]
    documents = []
    for result in pipeline.process(iter(items)):
        assert not isinstance(result, StageFailure), str(result)
        documents.append(result)
    with open_store(db) as store:
        outcomes = list(store.ingest_many(documents))
    assert len(outcomes) == len(items)
    return db
