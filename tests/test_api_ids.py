"""Article ids holding URL-reserved characters ("#", "?", "%", "/", spaces) round-trip through a
real `accord serve` on 127.0.0.1: a client percent-encodes an id where it builds a URL
(`quote(id, safe="")`, as the dashboard's `encodeURIComponent`), the server decodes it, and every
answer gives the id back as it was stored. Ids are the inputs' own (`story#3f0c2a9b1e` for a
file, a feed's guid, a URL), so any character may be in one. The dashboard's links to them are
followed in a real browser in tests/test_browser.py."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest

from accord.api.ingest import UNCHANGED_NOTE
from accord.records import document_from_records
from accord.store import open_store

from helpers import accord_serve
from test_store import doc_bare, doc_call, doc_front

# A file's id (its name, "#", a hash of its path); "?", "%" and spaces; "/" with what looks like
# a query, a fragment and an encoded slash. Each goes with one of test_store's documents.
ODD_IDS = {"story#3f0c2a9b1e": doc_call, "what?now 100% sure": doc_front,
           "a/b c#d?e=%2F": doc_bare}


def renamed(document, new_id: str):
    """`document` with every record filed under `new_id` (through the contract's records)."""
    records = []
    for r in document.records():
        r = dict(r)
        r["id" if r["kind"] == "article" else "article_id"] = new_id
        records.append(r)
    return document_from_records(records)


def odd_store(path: Path) -> Path:
    with open_store(path) as store:
        for new_id, make in ODD_IDS.items():
            assert store.ingest(renamed(make(), new_id)).status == "stored"
    return path


@pytest.fixture(scope="module")
def odd_db(tmp_path_factory) -> Path:
    return odd_store(tmp_path_factory.mktemp("odd-ids") / "accord.duckdb")


@pytest.fixture(scope="module")
def server(odd_db, tmp_path_factory):
    # With a write token: the store is open for writing, and POST /api/articles is served.
    with accord_serve(odd_db, tmp_path_factory.mktemp("serve") / "serve.log",
                      "--write-token", "s3cret") as base:
        yield base


def get(base: str, path: str) -> tuple[int, dict | str]:
    try:
        with urllib.request.urlopen(base + path, timeout=20) as r:
            body = r.read().decode("utf-8")
            kind = r.headers.get("content-type", "")
            return r.status, json.loads(body) if kind.startswith("application/json") else body
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


@pytest.mark.parametrize("article_id", list(ODD_IDS))
def test_an_odd_article_id_round_trips(server, article_id) -> None:
    path = quote(article_id, safe="")
    status, found = get(server, f"/api/articles/{path}")
    assert status == 200, found
    assert found["article"]["id"] == article_id
    for kind in ("mentions", "timexes", "events", "quotes"):
        assert all(r["article_id"] == article_id for r in found.get(kind, [])), kind
    # Listings give it back as stored, and take it as a query parameter.
    status, listed = get(server, "/api/articles?" + urlencode({"limit": 100}))
    assert article_id in [a["id"] for a in listed["items"]]
    status, quotes = get(server, "/api/quotes?" + urlencode({"article_id": article_id}))
    assert [q["article_id"] for q in quotes["items"]] == [q["article_id"] for q in found.get("quotes", [])]
    # Its page is the dashboard's article page (the script reads the id from the path).
    status, page = get(server, f"/articles/{path}")
    assert status == 200 and "article.js" in page


def test_a_happening_names_its_articles_by_their_ids(server) -> None:
    status, reports = get(server, "/api/reports?" + urlencode({"limit": 100}))
    assert {r["article_id"] for r in reports["items"]} == {"story#3f0c2a9b1e", "what?now 100% sure"}
    for report in reports["items"]:
        status, happening = get(server, f"/api/events/{quote(report['happening'], safe='')}")
        assert status == 200, happening
        assert report["article_id"] in {e["article"]["id"] for e in happening["evidence"]}


def test_an_unknown_odd_id_is_a_404_naming_it(server) -> None:
    status, answer = get(server, "/api/articles/" + quote("no such/id #1?", safe=""))
    assert status == 404 and answer["detail"] == "no article with id 'no such/id #1?'"


def test_a_posted_article_keeps_its_odd_id(server) -> None:
    # Posted again as stored (same id, text, date and title): the answer names it as it is, and
    # the server codes nothing (it loads no model for it).
    articles = []
    for article_id, make in ODD_IDS.items():
        a = make().article
        articles.append({"id": article_id, "text": a.text, "date": a.date, "title": a.title})
    request = urllib.request.Request(
        server + "/api/articles", data=json.dumps(articles).encode("utf-8"), method="POST",
        headers={"Content-Type": "application/json", "Authorization": "Bearer s3cret"})
    with urllib.request.urlopen(request, timeout=60) as r:
        out = json.loads(r.read())
    assert out["duplicate"] == list(ODD_IDS) and out["rejected"] == []
    assert out["notes"] == {article_id: UNCHANGED_NOTE for article_id in ODD_IDS}
