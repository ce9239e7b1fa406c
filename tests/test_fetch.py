"""Fetching URLs and watching feeds, against a real HTTP server on 127.0.0.1 started here.

Nothing leaves the machine: every URL is the test server's.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest

from accord.model import Article
from accord.readers import ReadOptions, Rejection, read_inputs
from accord.readers.fetch import Fetcher
from httpfixture import NewsServer, page, rss

STORY = [
    "Foreign ministers of India and Pakistan met in Geneva on Tuesday for the first formal talks "
    "between the two governments in three years, officials from both sides said.",
    "The meeting, hosted by Switzerland, lasted four hours and ended with an agreement to reopen "
    "a border crossing that has been closed since the spring.",
    "Neither minister took questions from reporters after the talks.",
]


def _routes(base_holder: dict) -> dict:
    def slow(handler):
        time.sleep(2.5)
        return 200, {"Content-Type": "text/html"}, page("Slow", STORY)

    return {
        # A Crawl-delay longer than the fetcher's own delay (0.4 s) wins.
        "/robots.txt": (200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /private/\nCrawl-delay: 1\n"),
        "/world/talks.html": (200, {"Content-Type": "text/html; charset=utf-8"},
                              page("Ministers meet in Geneva", STORY, date="2026-03-03")),
        "/private/memo.html": (200, {"Content-Type": "text/html"}, page("Memo", STORY)),
        "/slow.html": slow,
        "/big.html": (200, {"Content-Type": "text/html"}, page("Big", STORY * 2000)),
        "/old-url": (301, {"Location": "/world/talks.html"}, b""),
        "/gone.html": (404, {"Content-Type": "text/html"}, b"<html><body>Not found</body></html>"),
        "/feed.xml": lambda h: (200, {"Content-Type": "application/rss+xml"}, rss([
            {"title": "Talks in Geneva", "link": base_holder["base"] + "/world/talks.html", "guid": "wire-1",
             "date": "Tue, 03 Mar 2026 10:00:00 GMT", "content": "".join(f"<p>{p}</p>" for p in STORY)},
            {"title": "Flooding in the north", "link": base_holder["base"] + "/world/floods.html", "guid": "wire-2",
             "date": "Wed, 04 Mar 2026 08:00:00 GMT",
             "summary": "Floods forced thousands of people from their homes in northern Italy on Wednesday."},
        ])),
    }


def test_fetching_is_polite_and_every_url_is_accounted_for():
    holder: dict = {}
    with NewsServer(_routes(holder)) as server:
        holder["base"] = base = server.base
        fetcher = Fetcher(delay=0.4, timeout=1.0, connect_timeout=1.0, max_bytes=200_000)
        options = ReadOptions(fetcher=fetcher, max_input_bytes=200_000)
        urls = [f"{base}/world/talks.html", f"{base}/private/memo.html", f"{base}/slow.html",
                f"{base}/big.html", f"{base}/old-url", f"{base}/gone.html", f"{base}/feed.xml"]
        items = list(read_inputs(urls, options=options))
        fetcher.close()
    by_origin: dict[str, list] = {}
    for item in items:
        by_origin.setdefault(item.origin.split("#")[0], []).append(item)
    [story] = by_origin[f"{base}/world/talks.html"]
    assert isinstance(story, Article) and story.url == f"{base}/world/talks.html"
    assert story.date == "2026-03-03" and story.language == "en" and "Geneva" in story.text
    assert "Home" not in story.text and "Copyright" not in story.text  # main text only
    assert story.text.count("\n\n") >= 2  # paragraphs kept apart
    # robots.txt: the disallowed page is rejected and never requested.
    [memo] = by_origin[f"{base}/private/memo.html"]
    assert isinstance(memo, Rejection) and "robots.txt" in memo.reason and "disallows" in memo.reason
    assert not any(p.startswith("/private/") for p in server.paths())
    # Timeouts and size limits: clear reasons, nothing else lost.
    [slow] = by_origin[f"{base}/slow.html"]
    assert isinstance(slow, Rejection) and "timed out" in slow.reason
    [big] = by_origin[f"{base}/big.html"]
    assert isinstance(big, Rejection) and "size limit of 200,000 bytes" in big.reason
    [moved] = by_origin[f"{base}/old-url"]  # a redirect is followed
    assert isinstance(moved, Article) and moved.url == f"{base}/world/talks.html"
    [gone] = by_origin[f"{base}/gone.html"]
    assert isinstance(gone, Rejection) and "HTTP 404" in gone.reason
    feed_items = [i for i in items if i.origin.startswith(f"{base}/feed.xml")]
    assert [(a.id, a.source, a.date) for a in feed_items] == [
        ("wire-1", "Test Wire", "2026-03-03"), ("wire-2", "Test Wire", "2026-03-04")]
    # Politeness: a User-Agent naming Accord on every request, robots.txt read once, one request
    # at a time, and at least the delay between the end of one request and the start of the next.
    assert all(headers.get("User-Agent", "").startswith("Accord/") for _, _, _, headers in server.log)
    assert server.paths().count("/robots.txt") == 1
    # (The server goes on sleeping on /slow.html after the client gave up at its timeout, so that
    # request is left out of the server's view of overlaps; the fetcher's own log covers it.)
    log = sorted(entry for entry in server.log if entry[2] != "/slow.html")
    gaps = [nxt[0] - prev[1] for prev, nxt in zip(log, log[1:])]
    assert len(gaps) == 6 and min(gaps) >= 1.0 - 0.05, gaps  # never two at once, and the Crawl-delay between
    starts = [t for t, _ in fetcher.requests]
    assert len(starts) == len(server.log) and min(b - a for a, b in zip(starts, starts[1:])) >= 1.0 - 0.05


def test_no_fetch_without_a_url(tmp_path, monkeypatch):
    """Reading files never opens a connection: the fetcher is built only for URL inputs."""
    import accord.readers.fetch as fetch

    def refuse(*a, **k):
        raise AssertionError("a fetcher was built for a file input")

    monkeypatch.setattr(fetch, "Fetcher", refuse)
    f = tmp_path / "feed.rss"
    f.write_bytes(rss([{"title": "T", "link": "http://127.0.0.1:9/x", "guid": "g", "date": "Tue, 03 Mar 2026 10:00:00 GMT",
                        "summary": " ".join(STORY)}]))
    [a] = list(read_inputs([f]))
    assert isinstance(a, Article) and a.id == "g"


@pytest.mark.cli
def test_watch_ingests_only_new_items_on_the_second_poll(tmp_path):
    holder: dict = {"polls": 0}
    items = [
        {"title": "Talks in Geneva", "link": "http://127.0.0.1/a", "guid": "wire-1",
         "date": "Tue, 03 Mar 2026 10:00:00 GMT", "content": "".join(f"<p>{p}</p>" for p in STORY)},
        {"title": "Flooding", "link": "http://127.0.0.1/b", "guid": "wire-2", "date": "Wed, 04 Mar 2026 08:00:00 GMT",
         "summary": "Floods forced thousands of people from their homes in northern Italy on Wednesday, the civil protection agency said."},
    ]
    new_item = {"title": "Protest in Paris", "link": "http://127.0.0.1/c", "guid": "wire-3",
                "date": "Thu, 05 Mar 2026 09:00:00 GMT",
                "summary": "Thousands of farmers protested against the government in Paris on Thursday, blocking roads into the city."}

    def feed(handler):
        holder["polls"] += 1
        body = rss(items if holder["polls"] == 1 else items + [new_item])
        etag = f'"v{min(holder["polls"], 2)}"'
        if handler.headers.get("If-None-Match") == etag:
            return 304, {"ETag": etag}, b""
        return 200, {"Content-Type": "application/rss+xml", "ETag": etag}, body

    with NewsServer({"/robots.txt": (404, {}, b""), "/feed.xml": feed}) as server:
        env = dict(os.environ, ACCORD_CONFIG=str(tmp_path / "none.toml"), COLUMNS="200")
        env.pop("ACCORD_DB", None)
        db = tmp_path / "w.duckdb"
        proc = subprocess.run([sys.executable, "-m", "accord.cli.main", "watch", f"{server.base}/feed.xml",
                               "--every", "1s", "--polls", "3", "--db", str(db)],
                              capture_output=True, env=env, timeout=600)
        out = proc.stdout.decode()
        assert proc.returncode == 0, proc.stderr.decode()
        polls = out.split("poll ")[1:]
        assert len(polls) == 3, out
        # First poll: two stored. Second: the new item stored, the two old ones not coded again.
        # Third: the feed is unchanged, so the server answers 304 and nothing is read.
        first, second, third = (_summary_row(p) for p in polls)
        assert first["stored"] == 2 and first["skipped"] == 0
        assert second["stored"] == 1 and second["skipped"] == 2 and "2 seen in an earlier poll" in polls[1]
        assert third["stored"] == 0 and "not modified since the last fetch" in polls[2]
        assert [h.get("If-None-Match") for _, _, p, h in server.log if p == "/feed.xml"] == [None, '"v1"', '"v2"']
    from test_cli import invoke  # what was stored: `accord articles` in this process

    info = invoke(["articles", "--db", db, "--format", "jsonl"], tmp_path)
    ids = sorted(json.loads(line)["id"] for line in info.stdout.decode().splitlines() if line.strip())
    assert ids == ["wire-1", "wire-2", "wire-3"]


@pytest.mark.cli
def test_watch_fails_when_its_first_poll_reads_nothing_and_takes_intervals_with_units(tmp_path):
    import typer

    from accord.cli.watch import parse_interval
    from test_cli import invoke

    assert [parse_interval(v) for v in ("15m", "15 minutes", "2 Hours", "30sec", "1 day", "90")] == \
        [900, 900, 7200, 30, 86400, 90]
    for bad in ("15 fortnights", "minutes", "0m"):
        with pytest.raises(typer.BadParameter):
            parse_interval(bad)
    # An unquoted `--every 15 minutes` leaves "minutes" among the feeds: a usage error, before
    # any poll, that says how to write it.
    db = tmp_path / "w.duckdb"
    proc = invoke(["watch", "feed.rss", "--every", "15", "minutes", "--db", db], tmp_path)
    assert proc.returncode == 2 and "'minutes' is not a feed" in proc.stderr.decode()
    assert "--every 15m" in proc.stderr.decode() and not db.exists()
    # Every feed rejected on the first poll: exit 3, not a watch that polls nothing forever.
    missing = tmp_path / "nosuch.rss"
    proc = invoke(["watch", missing, "--every", "1s", "--polls", "3", "--db", db], tmp_path)
    assert proc.returncode == 3, proc.stderr.decode()
    err = proc.stderr.decode()
    assert f"{missing}: no such file or directory" in err and "watch stops" in err
    assert proc.stdout.decode().count("poll ") == 1
    # One feed read, one rejected, in a run bounded by --polls: exit 1, as `accord ingest`.
    feed = tmp_path / "feed.rss"
    feed.write_bytes(rss([{"title": "T", "link": "http://127.0.0.1:9/x", "guid": "g",
                           "date": "Tue, 03 Mar 2026 10:00:00 GMT", "summary": " ".join(STORY)}]))
    proc = invoke(["watch", feed, missing, "--every", "1s", "--polls", "1", "--db", db], tmp_path)
    assert proc.returncode == 1, proc.stderr.decode()
    assert invoke(["watch", feed, "--every", "1s", "--polls", "1", "--db", db], tmp_path).returncode == 0


def _summary_row(text: str) -> dict[str, int]:
    """The counts of the summary line ("Ingested into DB: 10 stored, 0 updated, ...")."""
    line = next(line for line in text.splitlines() if line.startswith(("Ingested into ", "Read: ")))
    counts = line.split(": ", 1)[1] if line.startswith("Read") else line.rsplit(": ", 1)[1]
    return {label: int(n) for n, label in (part.split(" ", 1) for part in counts.split(", "))}