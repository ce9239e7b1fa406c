"""The JSON API through FastAPI's TestClient, over a real store of hand-built documents
(test_store's) and, for writing, the real pipeline. Every test runs on a DuckDB file and on a
database in the session's private PostgreSQL cluster (conftest.py): `accord serve --db` takes both."""

from __future__ import annotations

import json
import uuid
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from accord.api import MAX_LIMIT, create_app
from accord.api.ingest import UNCHANGED_NOTE
from accord.store import open_store

from test_store import doc_call, doc_front, docs, event_id

GET_ENDPOINTS = [
    "/api/events", "/api/reports", "/api/quotes", "/api/articles", "/api/actors", "/api/summary",
    "/api/dyads", "/api/dyads/CHN/RUS/timeline", "/api/network", "/api/map", "/api/export", "/api/codes",
]


def _filled(target):
    with open_store(target) as store:
        for d in docs():
            store.ingest(d)
    return target


@pytest.fixture(scope="module", params=["duckdb", pytest.param("postgres", marks=pytest.mark.postgres)])
def fresh_db(request, tmp_path_factory):
    """Makes new stores holding test_store's documents, of this module run's backend."""
    if request.param == "duckdb":
        return lambda: _filled(tmp_path_factory.mktemp("api") / "accord.duckdb")
    cluster = request.getfixturevalue("postgres_cluster")
    return lambda: _filled(cluster.create_database(f"api_{uuid.uuid4().hex[:10]}"))


@pytest.fixture(scope="module")
def db(fresh_db):
    return fresh_db()


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db)) as c:
        yield c


def ids(items):
    return [i["id"] for i in items]


def test_every_read_endpoint_answers_json(client) -> None:
    for path in GET_ENDPOINTS:
        r = client.get(path)
        assert r.status_code == 200, (path, r.text)
    assert client.get("/api/summary").json()["articles"] == 3
    schema = client.get("/openapi.json").json()
    documented = set(schema["paths"])
    for path in ("/api/events", "/api/events/{happening_id}", "/api/reports",
                 "/api/reports/{event_id}", "/api/quotes", "/api/articles",
                 "/api/articles/{article_id}", "/api/actors", "/api/dyads",
                 "/api/dyads/{a}/{b}/timeline", "/api/network", "/api/map", "/api/export", "/api/codes"):
        assert path in documented
    assert "post" in schema["paths"]["/api/articles"]
    assert client.get("/docs").status_code == 200


def test_events_are_happenings_with_filters_and_pages(client) -> None:
    page = client.get("/api/events", params={"limit": 2}).json()
    assert set(page) == {"total", "limit", "offset", "items"}
    assert page["total"] == 5 and len(page["items"]) == 2
    assert all(h["kind"] == "happening" for h in page["items"])
    # Pages tile the whole list: no gaps, no repeats.
    seen = []
    for offset in range(0, 6, 2):
        seen += ids(client.get("/api/events", params={"limit": 2, "offset": offset,
                                                       "sort": "date"}).json()["items"])
    everything = ids(client.get("/api/events", params={"limit": 100, "sort": "date"}).json()["items"])
    assert seen == everything and len(set(seen)) == 5
    call = doc_call()
    dyad = client.get("/api/events", params={"dyad": "RUS,CHN", "sort": "date"}).json()
    assert [h["event_ids"] for h in dyad["items"]] == [[event_id(call, 1)], [event_id(call, 0)]]
    assert client.get("/api/events", params={"actor": "Putin"}).json()["total"] == 2
    assert client.get("/api/events", params={"quad_class": "4", "modality": "alleged"}).json()["total"] == 1
    assert client.get("/api/events", params={"q": "video call", "plover": "consult"}).json()["total"] == 1
    assert client.get("/api/events", params={"min_sources": 1}).json()["total"] == 5
    assert client.get("/api/events", params={"country": "UKR", "negated": "false"}).json()["total"] == 2
    assert client.get("/api/events", params={"since": "2026", "cameo": "05"}).json()["total"] == 1


def test_each_filter_bites_on_events_and_reports(client) -> None:
    call, front = doc_call(), doc_front()
    for path in ("/api/events", "/api/reports"):
        def found(**params):
            page = client.get(path, params={"limit": 100, **params}).json()
            assert page["total"] == len(page["items"]), page
            return sorted(i["event_ids"][0] if "event_ids" in i else i["id"] for i in page["items"])

        # A dyad is the same pair in either order, and takes both directions.
        assert found(dyad="CHN,RUS") == found(dyad="RUS,CHN") == sorted([event_id(call, 0), event_id(call, 1)])
        assert found(negated="true") == [event_id(front, 1)]
        assert len(found(negated="false")) == 4
        assert found(modality="alleged,future") == sorted([event_id(front, 2), event_id(front, 1)])
        assert found(q="video CALL") == [event_id(call, 0)]
        assert found(q="video troops") == []
        assert found(cameo="041") == [event_id(call, 0)]
        assert found(until="2025-05") == sorted([event_id(front, 2), event_id(front, 0)])
    # min_sources counts a happening's distinct publishers: each one here has one.
    assert client.get("/api/events", params={"min_sources": 2}).json()["total"] == 0


@pytest.mark.parametrize("path", ["/api/events", "/api/reports", "/api/quotes", "/api/articles",
                                  "/api/actors", "/api/dyads"])
def test_every_listing_pages_through_everything(client, path) -> None:
    everything = client.get(path, params={"limit": 1000}).json()
    assert everything["total"] == len(everything["items"]) >= 2, everything
    def key(item):
        return json.dumps(item, sort_keys=True)

    seen = []
    for offset in range(everything["total"] + 1):
        page = client.get(path, params={"limit": 1, "offset": offset}).json()
        assert page["total"] == everything["total"] and page["offset"] == offset
        seen += [key(i) for i in page["items"]]
    assert seen == [key(i) for i in everything["items"]]
    assert client.get(path, params={"limit": 0}).json()["items"] == []


def test_one_happening_with_its_evidence(client) -> None:
    call = doc_call()
    hid = client.get(f"/api/reports/{event_id(call, 0)}").json()["happening"]  # as clustered
    h = client.get(f"/api/events/{hid}").json()
    assert h["id"] == hid and h["reports"] == 1 and h["event_ids"] == [event_id(call, 0)]
    [report] = h["evidence"]
    assert report["article"]["title"] == "Xi and Putin talk"
    # The evidence's offset lets a page mark the trigger inside the sentence.
    start = report["evidence_start"]
    a, b = report["trigger"]["span"]
    assert report["evidence"].strip()[a - start:b - start] == "holds a video call"
    assert client.get("/api/events/nope").status_code == 404


def test_reports_quotes_articles_actors(client) -> None:
    call, front = doc_call(), doc_front()
    r = client.get("/api/reports", params={"actor": "RUS", "sort": "date"}).json()
    assert r["total"] == 3 and all(e["kind"] == "event" for e in r["items"])
    assert client.get(f"/api/reports/{event_id(front, 1)}").json()["negated"] is True
    assert client.get("/api/reports/missing").status_code == 404
    q = client.get("/api/quotes", params={"speaker": "Putin"}).json()
    assert ids(q["items"]) == [call.quotes[0].id]
    assert client.get("/api/quotes", params={"contains": "troops", "limit": 1}).json()["total"] == 1
    arts = client.get("/api/articles", params={"sort": "-date", "limit": 2}).json()
    assert arts["total"] == 3 and [a["id"] for a in arts["items"]] == ["xi-putin-call", "front-2025"]
    full = client.get("/api/articles/xi-putin-call").json()
    assert full["article"]["text"].startswith("Russia's President")
    assert {k: len(v) for k, v in full.items() if k != "article"} == {
        "mentions": 4, "timexes": 1, "events": 2, "quotes": 1}
    assert client.get("/api/articles/missing").status_code == 404
    actors = client.get("/api/actors", params={"q": "putin"}).json()["items"]
    assert actors[0]["name"] == "Vladimir Putin" and actors[0]["mentions"] == 2


def test_aggregations(client) -> None:
    t = client.get("/api/dyads/CHN/RUS/timeline", params={"interval": "week"}).json()
    assert t["periods"][0]["period"] == "2026-W06" and t["periods"][0]["total"]["events"] == 2
    assert t["periods"][0]["a_to_b"]["events"] == 1 and t["periods"][0]["b_to_a"]["events"] == 1
    dyads = client.get("/api/dyads").json()["items"]
    assert {(d["a"], d["b"]) for d in dyads} == {("CHN", "RUS"), ("RUS", "UKR")}
    # Dates as they were dated: the year-dated attack is "2025", not 2025-01-01.
    assert {(d["a"], d["b"]): (d["first"], d["last"]) for d in dyads}[("RUS", "UKR")] == ("2025", "2025")
    summary = client.get("/api/summary").json()
    assert (summary["first_date"], summary["last_date"]) == ("2025", "2026-02-04")
    net = client.get("/api/network", params={"level": "country", "min": 1}).json()
    assert {(e["source"], e["target"]) for e in net["edges"]} == {("RUS", "CHN"), ("CHN", "RUS"), ("RUS", "UKR")}
    assert client.get("/api/network", params={"since": "2027"}).json() == {"level": "actor", "nodes": [], "edges": []}
    m = client.get("/api/map").json()
    assert {i["country"] for i in m["items"]} == {"RUS", "UKR"} and m["unplaced"] == 3
    assert {p["name"] for p in client.get("/api/map", params={"by": "place"}).json()["items"]} == {"Moscow", "Donetsk"}


@pytest.mark.parametrize("path,params,param", [
    ("/api/events", {"since": "yesterday"}, "since"),
    ("/api/events", {"until": "2016-13-45"}, "until"),
    ("/api/events", {"quad_class": "9"}, "quad_class"),
    ("/api/events", {"cameo": "abc"}, "cameo"),
    ("/api/events", {"plover": "HUG"}, "plover"),
    ("/api/events", {"negated": "maybe"}, "negated"),
    ("/api/events", {"modality": "certain"}, "modality"),
    ("/api/events", {"country": "Russia"}, "country"),
    ("/api/events", {"dyad": "CHN"}, "dyad"),
    ("/api/events", {"min_sources": "many"}, "min_sources"),
    ("/api/events", {"sort": "sideways"}, "sort"),
    ("/api/events", {"limit": MAX_LIMIT + 1}, "limit"),
    ("/api/events", {"limit": -1}, "limit"),
    ("/api/events", {"offset": -5}, "offset"),
    ("/api/events", {"actor": "   "}, "actor"),
    ("/api/reports", {"since": "last week"}, "since"),
    ("/api/quotes", {"limit": "ten"}, "limit"),
    ("/api/articles", {"sort": "title"}, "sort"),
    ("/api/actors", {"country": "12"}, "country"),
    ("/api/dyads", {"level": "planet"}, "level"),
    ("/api/dyads/CHN/RUS/timeline", {"interval": "fortnight"}, "interval"),
    ("/api/network", {"min": 0}, "min"),
    ("/api/map", {"by": "planet"}, "by"),
    ("/api/export", {"format": "xls"}, "format"),
    ("/api/export", {"format": "gdelt", "unit": "reports"}, "unit"),
    ("/api/export", {"format": "csv", "since": "2019-02-30"}, "since"),
    ("/api/dyads/%20/RUS/timeline", {}, "a"),
    ("/api/dyads/CHN/%20/timeline", {}, "b"),
    ("/api/dyads", {"domestic": "maybe"}, "domestic"),
    ("/api/quotes", {"until": "soon"}, "until"),
    ("/api/actors", {"since": "x"}, "since"),
    ("/api/map", {"limit": 0}, "limit"),
    ("/api/events", {"q": "  "}, "q"),
])
def test_bad_parameters_are_4xx_naming_the_parameter(client, path, params, param) -> None:
    r = client.get(path, params=params)
    assert 400 <= r.status_code < 500, r.text
    detail = r.json()["detail"]
    assert any(d["loc"][-1] == param for d in detail), detail
    assert all(d["msg"] for d in detail)


INJECTIONS = ["RUS' OR '1'='1", "x' OR 1=1 --", "'; DROP TABLE events; --", "%", "_", "\\",
              "Putin\" OR \"\"=\"", "1) OR (1=1", "' UNION SELECT id FROM articles --"]


@pytest.mark.parametrize("evil", INJECTIONS)
def test_sql_injection_strings_find_nothing(client, evil) -> None:
    before = client.get("/api/summary").json()
    for path, name in (("/api/events", "actor"), ("/api/events", "q"), ("/api/reports", "actor"),
                       ("/api/quotes", "speaker"), ("/api/quotes", "contains"),
                       ("/api/articles", "q"), ("/api/articles", "source"), ("/api/actors", "q")):
        r = client.get(path, params={name: evil})
        assert r.status_code == 200 and r.json()["total"] == 0, (path, name, r.text)
    r = client.get("/api/events", params={"dyad": f"{evil},RUS"})
    assert r.status_code in (200, 422) and (r.status_code == 422 or r.json()["total"] == 0)
    assert client.get(f"/api/articles/{evil}").status_code == 404
    assert client.get("/api/summary").json() == before


def test_exports_from_the_api(client) -> None:
    r = client.get("/api/export", params={"format": "csv", "dyad": "CHN,RUS"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    lines = r.text.splitlines()
    assert lines[0].startswith("kind,id,date") and len(lines) == 3
    g = client.get("/api/export", params={"format": "gdelt"})
    rows = [line.split("\t") for line in g.text.splitlines()]
    assert rows and all(len(row) == 61 for row in rows)
    assert json.loads(g.headers["x-accord-left-out"])  # negated/alleged ones are said to be left out


def test_writing_needs_the_token(db, fresh_db) -> None:
    with TestClient(create_app(db)) as reader:
        r = reader.post("/api/articles", json={"id": "x", "text": "Xi met Putin."})
        assert r.status_code == 403 and "--write-token" in r.json()["detail"]
    with TestClient(create_app(fresh_db(), write_token="s3cret")) as writer:
        assert writer.post("/api/articles", json={"id": "x", "text": "Xi met Putin."}).status_code == 401
        assert writer.post("/api/articles", json={"id": "x", "text": "x"},
                           headers={"Authorization": "Bearer wrong"}).status_code == 401
        empty = writer.post("/api/articles", headers={"X-Accord-Token": "s3cret"})
        assert empty.status_code == 400 and "has no Content-Type" in empty.json()["detail"]
        # What came instead of articles is named (curl -d sends a form; -F file=@x a field
        # of another name than 'files').
        form = writer.post("/api/articles", headers={"X-Accord-Token": "s3cret"},
                           data={"id": "x", "text": "Xi met Putin."})
        assert form.status_code == 400
        assert "'application/x-www-form-urlencoded'" in form.json()["detail"]
        field = writer.post("/api/articles", headers={"X-Accord-Token": "s3cret"},
                            files=[("file", ("story.txt", b"Xi met Putin.", "text/plain"))])
        assert field.status_code == 400
        assert "no multipart field 'files' (its fields: 'file')" in field.json()["detail"]
        bad = writer.post("/api/articles", content=b"{not json", headers={
            "X-Accord-Token": "s3cret", "Content-Type": "application/json"})
        assert bad.status_code == 400 and "JSON" in bad.json()["detail"]


def test_the_write_token_may_come_from_the_environment(fresh_db, monkeypatch) -> None:
    monkeypatch.setenv("ACCORD_WRITE_TOKEN", "from-env")
    with TestClient(create_app(fresh_db())) as writer:
        assert writer.get("/api/summary").json()["writable"] is True
        assert writer.post("/api/articles", json={"id": "x", "text": "x"}).status_code == 401
        r = writer.post("/api/articles", headers={"X-Accord-Token": "from-env"}, json=[])
        assert r.status_code == 400 and "empty list" in r.json()["detail"]  # past the token check


@pytest.mark.slow
def test_a_posted_near_copy_is_linked_and_accounted_for(fresh_db, nlp) -> None:
    # A syndicated copy sent to the server is stored as a copy of its original and said so
    # (the answer had no "copy" list: the store's outcome failed the request with a 500 after
    # the copy was written).
    from test_clustering import FOOTER, WIRE

    auth = {"Authorization": "Bearer s3cret"}
    with TestClient(create_app(fresh_db(), write_token="s3cret")) as writer:
        first = writer.post("/api/articles", headers=auth, json={
            "id": "wire-story", "text": WIRE, "date": "2026-02-04", "source": "Wire"})
        assert first.status_code == 200, first.text
        assert first.json()["stored"] == ["wire-story"]
        r = writer.post("/api/articles", headers=auth, json=[
            {"id": "paper-copy", "text": "By AFP. " + WIRE + FOOTER, "date": "2026-02-04",
             "source": "Paper"},
            {"id": "wire-story-again", "text": WIRE, "date": "2026-02-04", "source": "Wire"}])
        assert r.status_code == 200, r.text
        out = r.json()
        assert (out["copy"], out["duplicate"]) == (["paper-copy"], ["wire-story-again"])
        assert out["duplicate_of"] == {"paper-copy": "wire-story", "wire-story-again": "wire-story"}
        article = writer.get("/api/articles/paper-copy").json()["article"]
        assert article["duplicate_of"] == "wire-story"


@pytest.mark.slow
def test_posted_articles_are_coded_stored_and_accounted_for(fresh_db, nlp) -> None:
    auth = {"Authorization": "Bearer s3cret"}
    with TestClient(create_app(fresh_db(), write_token="s3cret")) as writer:
        r = writer.post("/api/articles", headers=auth, json=[
            {"id": "posted-1", "text": "Xi Jinping met Vladimir Putin in Moscow on Monday.",
             "date": "2026-02-09", "source": "Posted"},
            {"id": "posted-2", "text": ""},
            {"id": "posted-1", "text": "Xi Jinping met Vladimir Putin in Moscow on Monday.",
             "date": "2026-02-09", "source": "Posted"},
        ])
        assert r.status_code == 200, r.text
        out = r.json()
        assert out["stored"] == ["posted-1"] and out["duplicate"] == ["posted-1"]
        assert [x["input"] for x in out["rejected"]] == ["upload:body.jsonl:2"]
        found = writer.get("/api/events", params={"actor": "Putin", "since": "2026-02-05"}).json()
        assert found["total"] >= 1
        files = writer.post("/api/articles", headers=auth, files=[
            ("files", ("story.txt", b"date 2026-02-10 China accused Japan of provocations.", "text/plain")),
            ("files", ("chart.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "image/png"))])
        assert files.status_code == 200, files.text
        done = files.json()
        [story] = done["stored"]
        assert story.startswith("story")
        assert [x["input"] for x in done["rejected"] + done["skipped"]] == ["upload:chart.png"]
        assert writer.get("/api/articles/posted-1").json()["article"]["source"] == "Posted"


@pytest.mark.slow
def test_a_posted_copy_of_the_founding_article_is_linked_and_never_parsed(fresh_db, nlp,
                                                                         example_path,
                                                                         monkeypatch) -> None:
    # POST /api/articles routes near-copies out before the parse, as `accord ingest` does
    # (accord.service.ingest.routed): it coded every posted article, and the store then threw
    # a copy's records away. The spy counts real parses (Pipeline._parse_batch, called through).
    from accord.pipeline import Pipeline

    parsed: list[str] = []
    parse_batch = Pipeline._parse_batch

    def spy(self, documents):
        parsed.extend(d.id for d in documents)
        return parse_batch(self, documents)

    monkeypatch.setattr(Pipeline, "_parse_batch", spy)
    original = example_path.read_bytes()
    first_line, body = original.decode("utf-8").split("\n", 1)
    assert first_line.strip().startswith("date 2026-02-04 ")
    # The syndicated copy: another headline and an agency credit, the story itself unchanged.
    copy = ("date 2026-02-04 Xi and Putin hail 'stabilising' ties in video call\n"
            "By Reuters staff.\n" + body).encode("utf-8")
    auth = {"Authorization": "Bearer s3cret"}
    target = fresh_db()
    with TestClient(create_app(target, write_token="s3cret")) as writer:
        first = writer.post("/api/articles", headers=auth, files=[
            ("files", ("founding.txt", original, "text/plain"))])
        assert first.status_code == 200, first.text
        [founding_id] = first.json()["stored"]
        assert parsed == [founding_id]  # the spy sees the parse the original needs
        assert writer.get("/api/reports", params={"cameo": "04", "actor": "Putin"}).json()["total"] >= 1

        r = writer.post("/api/articles", headers=auth, files=[
            ("files", ("syndicated.txt", copy, "text/plain"))])
        assert r.status_code == 200, r.text
        out = r.json()
        [copy_id] = out["copy"]
        assert out["duplicate_of"] == {copy_id: founding_id}
        assert out["stored"] == out["updated"] == out["duplicate"] == out["rejected"] == []
        assert parsed == [founding_id]  # the copy was never parsed
        stored = writer.get(f"/api/articles/{quote(copy_id, safe='')}").json()  # ids hold '#' 
        assert stored["article"]["duplicate_of"] == founding_id
        assert stored.get("events", []) == []

        # An exact copy under another name (no outlet given: the same one) is a duplicate of
        # it, and not parsed either.
        again = writer.post("/api/articles", headers=auth, files=[
            ("files", ("founding-again.txt", original, "text/plain"))]).json()
        [again_id] = again["duplicate"]
        assert again["copy"] == again["stored"] == []
        assert again["duplicate_of"] == {again_id: founding_id} and parsed == [founding_id]

        # The founding article itself posted again as it is (same id, text, date and title) is
        # answered as `accord ingest` answers a re-run: a duplicate, said to be unchanged, and
        # not parsed (it was parsed and coded, then thrown away by the store).
        same = writer.post("/api/articles", headers=auth, files=[
            ("files", ("founding.txt", original, "text/plain"))]).json()
        assert same["duplicate"] == [founding_id] and same["stored"] == same["updated"] == []
        assert same["notes"] == {founding_id: UNCHANGED_NOTE} and same["rejected"] == []
        assert parsed == [founding_id]

        # Other words from another outlet are a new article: parsed and stored; an article in
        # French is stored with its language and no records, unparsed, and said so.
        other = writer.post("/api/articles", headers=auth, json=[
            {"id": "other-words", "date": "2026-02-05", "source": "Other",
             "text": "Vladimir Putin and Xi Jinping praised their partnership on Wednesday."},
            {"id": "en-francais", "date": "2026-02-05", "source": "Autre",
             "text": "Le président chinois Xi Jinping et le président russe Vladimir Poutine ont "
                     "salué mercredi un partenariat qui, selon eux, stabilise le monde."}]).json()
        assert other["stored"] == ["other-words"] and parsed == [founding_id, "other-words"]
        assert (other["not_english"], other["languages"]) == (["en-francais"], {"en-francais": "fr"})

        # Posted again unchanged: not parsed; with another title: an update, parsed and coded.
        words = {"id": "other-words", "date": "2026-02-05", "source": "Other",
                 "text": "Vladimir Putin and Xi Jinping praised their partnership on Wednesday."}
        again = writer.post("/api/articles", headers=auth, json=words).json()
        assert again["duplicate"] == ["other-words"] and again["notes"] == {"other-words": UNCHANGED_NOTE}
        assert parsed == [founding_id, "other-words"]
        retitled = writer.post("/api/articles", headers=auth, json={**words, "title": "Praise"}).json()
        assert retitled["updated"] == ["other-words"] and retitled["notes"] == {}
        assert parsed == [founding_id, "other-words", "other-words"]

    # A server started again loads no model for a post it need not code.
    with TestClient(create_app(target, write_token="s3cret")) as restarted:
        same = restarted.post("/api/articles", headers=auth, files=[
            ("files", ("founding.txt", original, "text/plain"))]).json()
        assert same["duplicate"] == [founding_id] and same["notes"] == {founding_id: UNCHANGED_NOTE}
        assert restarted.app.state.accord.pipeline is None
    assert parsed == [founding_id, "other-words", "other-words"]


def test_codes_name_what_plover_drops(client) -> None:
    # The dashboard names a code PLOVER dropped by its CAMEO name, read from /api/codes.
    table = client.get("/api/codes").json()["cameo"]
    assert table["0256"]["plover"] == "DROPPED" and "de-escalation" in table["0256"]["name"].lower()
    assert table["040"]["plover"] == "CONSULT" and table["190"]["quad_class"] == 4
    assert all(set(v) == {"name", "plover", "goldstein", "quad_class"} for v in table.values())
