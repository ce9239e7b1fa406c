"""`accord ingest` on news as it comes: a folder of mixed inputs, every one accounted for."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest

from accord.readers.base import MAX_ARTICLE_CHARS

from conftest import shared_path
from test_cli import invoke, jsonl, run
from test_readers_formats import ARABIC, CHINESE, ENGLISH, FRENCH, PAGES, RSS, _warc

pytestmark = pytest.mark.cli


def _summary(text: str) -> dict[str, int]:
    """The counts of the summary line ("Ingested into DB: 10 stored, 0 updated, ...")."""
    line = next(line for line in text.splitlines() if line.startswith(("Ingested into ", "Read: ")))
    counts = line.split(": ", 1)[1] if line.startswith("Read") else line.rsplit(": ", 1)[1]
    return {label: int(n) for n, label in (part.split(" ", 1) for part in counts.split(", "))}


def test_ingest_a_folder_of_news_as_published(tmp_path):
    news = tmp_path / "news"
    for folder in ("a", "b"):
        (news / folder).mkdir(parents=True)
        (news / folder / "story.txt").write_text(f"date 2026-03-03 {ENGLISH} ({folder})", encoding="utf-8")
    for lang, text in (("fr", FRENCH), ("zh", CHINESE), ("ar", ARABIC)):
        (news / f"{lang}.txt").write_text(text, encoding="utf-8")
    (news / "wire.rss").write_text(RSS, encoding="utf-8")  # 2 items with text, 1 rejected
    _warc(news / "crawl.warc.gz", True, ["yna_co_kr", "cnn_article"])  # 2 pages, 10 records skipped
    shutil.copy(PAGES / "time_001.html.gz", news / "time.html.gz")
    rows = list(__import__("csv").DictReader(open(shared_path("data", "wikinews", "wikinews_2019.csv"), encoding="utf-8")))[:3]
    with open(news / "wikinews.csv", "w", encoding="utf-8", newline="") as fh:
        w = __import__("csv").DictWriter(fh, fieldnames=["url", "date", "title", "text"])
        w.writeheader()
        w.writerows(rows)
    (news / "README.md").write_text("notes", encoding="utf-8")
    (news / "five-mb.txt").write_bytes(b"Talks went on. " * (5 * 1024 * 1024 // 15))
    packed = gzip.compress(ENGLISH.encode() * 50)
    (news / "cut.txt.gz").write_bytes(packed[: len(packed) // 2])
    db = tmp_path / "news.duckdb"
    proc = run(["ingest", news, "--db", db], tmp_path)
    out, errors = proc.stdout.decode(), proc.stderr.decode()
    assert proc.returncode == 1, errors  # some inputs were rejected, all the others processed
    counts = _summary(out)
    # 2 stories + 2 feed items + 2 WARC pages + 1 page + 3 CSV rows, and 3 not English. Story b
    # and the feed's talks item repeat story a's text: stored as its near-copies, not coded again.
    assert counts == {"stored": 8, "updated": 0, "near-copy": 2, "duplicate": 0, "not English": 3,
                      "skipped": 13, "rejected": 3}, out
    assert "not English (stored with their language, not coded): ar 1, fr 1, zh 1" in out or \
        sorted(out.split("not coded): ")[1].splitlines()[0].split(", ")) == ["ar 1", "fr 1", "zh 1"]
    assert "skipped: 6 warc request" in out and "skipped: 1 unsupported file type .md" in out
    assert f"{news / 'five-mb.txt'}: article text is 5,242,8" in errors and f"over the limit of {MAX_ARTICLE_CHARS:,} (max_article_chars)" in errors
    assert f"{news / 'cut.txt.gz'}: truncated gzip" in errors
    assert f"{news / 'wire.rss'}#item3: feed item has no text" in errors
    # What was stored, and what a second ingest decides: the same commands in this process (the
    # first ingest above is the command as a user runs it).
    articles = jsonl(invoke(["articles", "--db", db, "--format", "jsonl"], tmp_path).stdout)
    assert len(articles) == 13
    # The two story.txt files are two articles; a non-English article has no events.
    assert sum(1 for a in articles if a["id"].startswith("story#")) == 2
    events = jsonl(invoke(["events", "--reports", "--db", db, "--format", "jsonl"], tmp_path).stdout)
    ids = {a["id"]: a for a in articles}
    copies = [a for a in articles if a["duplicate_of"]]
    assert len(copies) == 2 and all(ids[c["duplicate_of"]]["id"].startswith("story#") for c in copies)
    assert not any(e["article_id"] in {c["id"] for c in copies} for e in events)
    foreign = {i for i in ids if i.split("#")[0] in ("fr", "zh", "ar")}
    assert len(foreign) == 3 and not any(e["article_id"] in foreign for e in events)
    assert any(e["article_id"] == "https://archive.test/yna_co_kr" for e in events)
    # Again: everything is a duplicate now; then one story edited is an update of that story only.
    again = _summary(invoke(["ingest", news, "--db", db], tmp_path).stdout.decode())
    assert again["stored"] == 0 and again["duplicate"] == 13
    (news / "a" / "story.txt").write_text("date 2026-03-04 Xi Jinping criticized Vladimir Putin in Moscow.", encoding="utf-8")
    third = _summary(invoke(["ingest", news / "a" / "story.txt", "--db", db], tmp_path).stdout.decode())
    assert third["updated"] == 1 and third["stored"] == 0


def test_extract_reports_language_and_reads_stdin_feeds(tmp_path):
    proc = run(["extract", "-"], tmp_path, stdin=FRENCH.encode("utf-8"))
    assert proc.returncode == 0, proc.stderr.decode()
    [record] = jsonl(proc.stdout)
    assert record["kind"] == "article" and record["language"] == "fr" and record["id"].startswith("stdin#")
    feed = invoke(["extract", "-", "--format", "jsonl"], tmp_path, stdin=RSS.encode("utf-8"))  # the feed read
    kinds = [r["kind"] for r in jsonl(feed.stdout)]
    assert kinds.count("article") == 2 and "event" in kinds
    assert feed.returncode == 1 and "#item3: feed item has no text" in feed.stderr.decode()


@pytest.mark.parametrize("workers", ["0", "2"])
def test_a_near_copy_that_skips_coding_still_gets_its_language(tmp_path, workers):
    # The language is told where an article is coded (in a worker with --workers); a near-copy
    # of a stored article is never coded, so the writing process tells its language.
    news = tmp_path / "news"
    news.mkdir()
    (news / "a-fr.txt").write_text(FRENCH, encoding="utf-8")
    (news / "b-fr-wire.txt").write_text(FRENCH + " (AFP)", encoding="utf-8")
    (news / "c-en.txt").write_text(f"date 2026-03-03 {ENGLISH}", encoding="utf-8")
    db = tmp_path / "news.duckdb"
    out = invoke(["ingest", news, "--db", db, "--workers", workers], tmp_path).stdout.decode()
    assert _summary(out)["not English"] == 2 and _summary(out)["stored"] == 1, out
    articles = jsonl(invoke(["articles", "--db", db, "--format", "jsonl"], tmp_path).stdout)
    assert sorted((a["id"].split("#")[0], a["language"]) for a in articles) == [
        ("a-fr", "fr"), ("b-fr-wire", "fr"), ("c-en", "en")], articles


@pytest.mark.parametrize("command", [["ingest", "story.txt"], ["events"], ["serve"], ["export", "--format", "csv", "-o", "x.csv"]])
def test_a_database_url_of_another_scheme_is_a_usage_error_naming_it(tmp_path, monkeypatch, command):
    """`--db mysql://...` is neither a file nor PostgreSQL: said so (exit 2), and nothing is
    created (DuckDB would take `mysql:` for an extension and a directory `mysql:` appeared)."""
    from accord.store import StoreError, open_store

    monkeypatch.chdir(tmp_path)
    (tmp_path / "story.txt").write_text("Russia condemned Ukraine on Monday.", encoding="utf-8")
    proc = invoke([*command, "--db", "mysql://user@host/news"], tmp_path)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "unsupported database URL 'mysql://user@host/news'" in proc.stderr.decode()
    assert "postgresql://" in proc.stderr.decode()
    assert not (tmp_path / "mysql:").exists()
    with pytest.raises(StoreError, match="unsupported database URL"):
        open_store("mysql://user@host/news")
    assert not (tmp_path / "mysql:").exists()
