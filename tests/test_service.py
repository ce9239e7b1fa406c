"""The service layer over a real store holding hand-built documents (test_store's): each test
that takes `svc` runs on a DuckDB file and on a database in the session's private PostgreSQL
cluster (conftest.py), since the service's SQL must mean the same on both."""

from __future__ import annotations

import json
import threading
from datetime import date

import pytest

from accord.model import Article, Document
from accord.service import Filters, ParameterError, Service
from accord.store import open_store

from test_store import (SCHEMA_PATH, clustered, doc_call, doc_front, docs, event_id, ids,
                        new_target, target)  # noqa: F401  (fixtures: a store of each backend)


@pytest.fixture
def svc(target):
    with open_store(target) as store:
        for d in docs():
            assert store.ingest(d).status == "stored"
        service = Service(store)
        yield service
        service.close()


def reports(svc: Service, **filters):
    limit = filters.pop("limit", None)
    return svc.reports(Filters.parse(**filters), limit=limit).items


# ---------------------------------------------------------------------------------------------
# Event reports


def test_reports_unfiltered_are_ordered_by_date_article_sentence(svc) -> None:
    page = svc.reports()
    call, front = doc_call(), doc_front()
    # "2025" -> 2025-01-01, "2025-05" -> 2025-05-01, then 2025-06-03, then 2026.
    assert ids(page.items) == [event_id(front, 2), event_id(front, 0), event_id(front, 1),
                               event_id(call, 1), event_id(call, 0)]
    assert page.total == 5
    assert all(r["kind"] == "event" for r in page.items)
    assert ids(svc.reports(sort="-date").items) == list(reversed(ids(page.items)))


def test_reports_actor_filter_matches_codes_by_prefix_and_names_by_words(svc) -> None:
    call, front = doc_call(), doc_front()
    assert set(ids(reports(svc, actor="RUS"))) == {event_id(call, 0), event_id(call, 1),
                                                  event_id(front, 2)}
    assert ids(reports(svc, actor="rusgov")) == ids(reports(svc, actor="RUSGOV"))
    assert len(reports(svc, actor="RUSGOV")) == 2
    assert ids(reports(svc, actor="marco rubio")) == [event_id(front, 1)]
    # A surname finds the person, as `quotes --speaker` does; part of a word does not.
    assert ids(reports(svc, actor="Rubio")) == [event_id(front, 1)]
    assert set(ids(reports(svc, actor="Putin"))) == {event_id(call, 0), event_id(call, 1)}
    assert reports(svc, actor="Rub") == []
    assert reports(svc, actor="Vladimir Rubio") == []
    assert set(ids(reports(svc, actor="UKR"))) == {event_id(front, 0), event_id(front, 2)}
    with pytest.raises(ParameterError) as caught:
        Filters.parse(actor="  ")
    assert caught.value.param == "actor"


def test_reports_country_filter(svc) -> None:
    call, front = doc_call(), doc_front()
    assert set(ids(reports(svc, country="CHN"))) == {event_id(call, 0), event_id(call, 1)}
    assert ids(reports(svc, country="usa")) == [event_id(front, 1)]
    assert reports(svc, country="FRA") == []
    with pytest.raises(ParameterError, match="country"):
        Filters.parse(country="Russia")


def test_reports_dyad_filter_matches_either_direction(svc) -> None:
    call, front = doc_call(), doc_front()
    both = {event_id(call, 0), event_id(call, 1)}  # Putin->Xi and Xi->Putin
    assert set(ids(reports(svc, dyad=("RUS", "CHN")))) == both
    assert set(ids(reports(svc, dyad="CHN,RUS"))) == both
    assert set(ids(reports(svc, dyad=("xi jinping", "RUSGOV")))) == both
    assert ids(reports(svc, dyad=("RUS", "UKR"))) == [event_id(front, 2)]
    assert reports(svc, dyad=("USA", "UKR")) == []  # Rubio's event has no target
    with pytest.raises(ParameterError, match="dyad"):
        Filters.parse(dyad="CHN")


def test_reports_date_filters(svc) -> None:
    call, front = doc_call(), doc_front()
    # An event dated "2025-05" counts as 2025-05-01.
    assert event_id(front, 0) in ids(reports(svc, since="2025-05-01"))
    assert event_id(front, 0) not in ids(reports(svc, since="2025-05-02"))
    assert event_id(front, 0) in ids(reports(svc, since="2025-05"))
    # until covers the whole of its own period.
    assert set(ids(reports(svc, until="2025-05"))) == {event_id(front, 0), event_id(front, 2)}
    assert ids(reports(svc, until="2024")) == []
    assert set(ids(reports(svc, since="2026", until="2026-02-03"))) == {event_id(call, 1)}
    assert ids(reports(svc, since="2025-06-03", until="2025-06-03")) == [event_id(front, 1)]
    assert ids(reports(svc, since=date(2026, 2, 3))) == [event_id(call, 0)]
    for bad in ("last week", "yesterday", "2016-13-45", "2025-13", "2025-02-30"):
        with pytest.raises(ParameterError, match="YYYY") as caught:
            Filters.parse(since=bad)
        assert caught.value.param == "since"
    with pytest.raises(ParameterError):
        Filters.parse(until="2025-13")


def test_reports_cameo_plover_quad_modality_negated_q_and_limit(svc) -> None:
    call, front = doc_call(), doc_front()
    assert set(ids(reports(svc, cameo="19"))) == {event_id(front, 0), event_id(front, 2)}
    assert ids(reports(svc, cameo="041")) == [event_id(call, 0)]
    assert ids(reports(svc, cameo="10")) == [event_id(front, 1)]
    assert ids(reports(svc, plover="consult")) == [event_id(call, 0)]
    assert set(ids(reports(svc, quad_class="3,4"))) == {event_id(front, 0), event_id(front, 1),
                                                        event_id(front, 2)}
    assert ids(reports(svc, quad_class=1, modality="asserted", actor="Xi Jinping")) == [
        event_id(call, 1), event_id(call, 0)]
    assert ids(reports(svc, modality="alleged,future")) == [event_id(front, 2), event_id(front, 1)]
    assert ids(reports(svc, negated=True)) == [event_id(front, 1)]
    assert len(reports(svc, negated="false")) == 4
    assert ids(reports(svc, q="video CALL")) == [event_id(call, 0)]
    assert reports(svc, q="video troops") == []
    assert ids(reports(svc, limit=2)) == ids(reports(svc))[:2]
    assert reports(svc, limit=0) == []
    assert svc.reports(limit=0).total == 5
    assert ids(svc.reports(limit=2, offset=2).items) == ids(reports(svc))[2:4]
    assert ids(reports(svc, actor="RUS", cameo="04", negated=False)) == [event_id(call, 0)]
    for kwargs, param in (({"limit": -1}, "limit"), ({"offset": "x"}, "offset"),
                          ({"sort": "sideways"}, "sort")):
        with pytest.raises(ParameterError) as caught:
            svc.reports(**kwargs)
        assert caught.value.param == param
    for raw, param in (({"cameo": "4"}, "cameo"), ({"cameo": "21"}, "cameo"),
                       ({"plover": "HUG"}, "plover"), ({"quad_class": "5"}, "quad_class"),
                       ({"negated": "maybe"}, "negated"), ({"modality": "sure"}, "modality"),
                       ({"min_sources": "-1"}, "min_sources")):
        with pytest.raises(ParameterError) as caught:
            Filters.parse(**raw)
        assert caught.value.param == param


def test_filter_values_are_parameters_never_sql(svc) -> None:
    total = svc.reports().total
    for evil in ("RUS' OR '1'='1", "x%' OR 1=1 --", "'; DROP TABLE events; --", "%", "_",
                 "Putin\" OR \"\"=\""):
        assert reports(svc, actor=evil) == []
        assert reports(svc, q=evil) == []
        assert svc.quotes(speaker=evil).items == []
    assert svc.reports().total == total


# ---------------------------------------------------------------------------------------------
# Happenings (each report stands for one until the store clusters them)


def test_happenings_are_contract_records_with_counts(svc) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    page = svc.happenings()
    assert page.total == 5
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8")) if SCHEMA_PATH.is_file() else None
    for h in page.items:
        assert h["kind"] == "happening" and h["reports"] == len(h["event_ids"]) >= 1
        if schema:
            errors = [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(h)]
            assert not errors, (h, errors)
    call = doc_call()
    one = svc.happening(page.items[0]["id"])
    assert one["evidence"] and one["evidence"][0]["article"]["id"]
    assert svc.happening("no-such-happening") is None
    xi = svc.happenings(Filters.parse(dyad="CHN,RUS"), sort="date").items
    assert [h["event_ids"][0] for h in xi] == [event_id(call, 1), event_id(call, 0)]
    assert svc.happenings(Filters.parse(min_sources=2)).total == 0
    assert svc.happenings(Filters.parse(min_sources=1)).total == 5


# ---------------------------------------------------------------------------------------------
# Quotes, articles, actors


def test_quotes_filters(svc) -> None:
    call, front = doc_call(), doc_front()
    all_quotes = svc.quotes().items
    assert ids(all_quotes) == [front.quotes[0].id, call.quotes[0].id]  # by article date
    assert ids(svc.quotes(speaker="putin").items) == [call.quotes[0].id]
    assert ids(svc.quotes(speaker="RUBIO").items) == [front.quotes[0].id]
    assert ids(svc.quotes(speaker="USA").items) == [front.quotes[0].id]
    assert ids(svc.quotes(speaker="rusgov").items) == [call.quotes[0].id]
    assert ids(svc.quotes(contains="TROOPS").items) == [front.quotes[0].id]
    assert svc.quotes(speaker="putin", contains="troops").items == []
    assert ids(svc.quotes(article_id="xi-putin-call").items) == [call.quotes[0].id]
    assert ids(svc.quotes(since="2026").items) == [call.quotes[0].id]
    assert all_quotes[1] == call.quotes[0].to_record()


def test_articles_summary(svc) -> None:
    page = svc.articles()
    assert [(r["id"], r["events"], r["quotes"]) for r in page.items] == [
        ("front-2025", 3, 1), ("xi-putin-call", 2, 1), ("quiet", 0, 0)]
    first = page.items[0]
    assert first["date"] == "2025-06-03" and first["title"] == "Front line"
    assert first["url"] is None and first["source"] == "Wire"
    assert [r["id"] for r in svc.articles(q="putin").items] == ["xi-putin-call"]
    assert [r["id"] for r in svc.articles(source="wire").items] == ["front-2025"]
    assert [r["id"] for r in svc.articles(sort="-events", limit=1).items] == ["front-2025"]
    assert svc.articles(since="2026").total == 1


def test_article_with_all_its_records(svc) -> None:
    call = doc_call()
    got = svc.article("xi-putin-call")
    assert got["article"]["title"] == "Xi and Putin talk"
    expected = list(call.records())
    for kind, key in (("event", "events"), ("quote", "quotes"), ("timex", "timexes"),
                      ("mention", "mentions")):
        # Stored events carry their happening (clustered() checks and clears it).
        assert clustered(got[key]) == [r for r in expected if r["kind"] == kind]
    assert svc.article("nope") is None


def test_actors_who_appears_and_when(svc) -> None:
    page = svc.actors()
    by_name = {(a["code"], a["name"]): a for a in page.items}
    putin = by_name[("RUSGOV", "Vladimir Putin")]
    assert putin["mentions"] == 2 and putin["articles"] == 1 and putin["events"] == 2
    assert putin["first_seen"] == putin["last_seen"] == "2026-02-04"
    assert [a["name"] for a in svc.actors(q="putin").items] == ["Vladimir Putin"]
    assert {a["code"] for a in svc.actors(country="UKR").items} == {"UKRMIL"}


# ---------------------------------------------------------------------------------------------
# Aggregations


def test_summary_counts(svc) -> None:
    s = svc.summary()
    assert (s["articles"], s["reports"], s["quotes"], s["happenings"]) == (3, 5, 2, 5)
    # Dates are shown at their own precision: the earliest report is dated "2025" (a year), not
    # 1 January 2025.
    assert s["first_date"] == "2025" and s["last_date"] == "2026-02-04"
    # Publishers are counted as happenings count them: "Example News" and "Wire" are named;
    # "quiet" names none (no source, no URL) and is its own, so a text file is not "0 publishers".
    assert s["sources"] == 3


def test_summary_publishers_are_outlets(target) -> None:
    with open_store(target) as store:
        for i, (source, url) in enumerate([("Wire", None), (" wire ", "https://a.example/1"),
                                           (None, "https://www.b.example/x"),
                                           ("", "https://b.example/y"), (None, None)]):
            art = Article(f"a{i}", f"Article {i} says nothing.", date="2026-01-0" + str(i + 1),
                          source=source, url=url)
            assert store.ingest(Document(art)).status == "stored"
        service = Service(store)
        # wire (named twice, any case and spacing), b.example (two URLs, with and without
        # www.), and the article naming neither.
        assert service.summary()["sources"] == 3
        service.close()


def test_dyads_count_both_directions(svc) -> None:
    page = svc.dyads()
    pairs = {(d["a"], d["b"]): d for d in page.items}
    chn_rus = pairs[("CHN", "RUS")]
    assert chn_rus["events"] == 2 and chn_rus["a_to_b"] == 1 and chn_rus["b_to_a"] == 1
    assert chn_rus["cooperation"] == 2 and chn_rus["conflict"] == 0
    assert chn_rus["goldstein_mean"] == pytest.approx((1.0 + 3.4) / 2)
    assert pairs[("RUS", "UKR")]["conflict"] == 1
    by_actor = {(d["a"], d["b"]) for d in svc.dyads(level="actor").items}
    assert ("Vladimir Putin", "Xi Jinping") in by_actor
    # First and last dates at their own precision: the one RUS-UKR happening is dated "2025".
    assert (chn_rus["first"], chn_rus["last"]) == ("2026-02-02", "2026-02-04")
    assert (pairs[("RUS", "UKR")]["first"], pairs[("RUS", "UKR")]["last"]) == ("2025", "2025")


def test_dates_of_mixed_precision_are_shown_as_dated(target) -> None:
    """A year, a month and a day in one dyad: the span runs from the period that begins first
    to the one that begins last, each shown as it was dated; a year is never its 1 January."""
    from test_store import actor, event

    text = "Russia attacked Ukraine. Russia threatened Ukraine. Russia accused Ukraine."
    art = Article("mixed", text, date="2024-08-09", source="Other")
    rus, ukr = actor(text, "Russia", "Russia", "RUS", "RUS", None), actor(text, "Ukraine", "Ukraine", "UKR", "UKR", None)
    # Three acts of different kinds, so that they stay three happenings.
    dated = [("2022", "year", "attacked", "190", "ASSAULT", 4, -10.0),
             ("2022-03", "month", "threatened", "130", "THREATEN", 3, -4.4),
             ("2022-02-24", "day", "accused", "112", "ACCUSE", 3, -2.0)]
    events = [event(art, n, sentence=n, trigger=trigger, source=rus, target=ukr, cameo=cameo,
                    plover=plover, quad=quad, goldstein=g, date=value, precision=precision,
                    basis="text") for n, (value, precision, trigger, cameo, plover, quad, g) in enumerate(dated)]
    with open_store(target) as store:
        assert store.ingest(Document(art, events=events)).status == "stored"
        service = Service(store)
        assert service.dyads().items[0]["events"] == 3
        (pair,) = service.dyads().items
        assert (pair["first"], pair["last"]) == ("2022", "2022-03")
        s = service.summary()
        assert (s["first_date"], s["last_date"]) == ("2022", "2022-03")
        service.close()


def test_timeline_periods_directions_and_mixed_precision(svc) -> None:
    t = svc.timeline("RUS", "CHN", interval="month")
    assert [p["period"] for p in t["periods"]] == ["2026-02"]
    feb = t["periods"][0]
    assert feb["a_to_b"]["events"] == 1 and feb["b_to_a"]["events"] == 1
    assert feb["total"]["quad_class"] == {"1": 2, "2": 0, "3": 0, "4": 0}
    assert feb["total"]["plover"] == {"CONSULT": 1, "COOPERATE": 1}
    assert feb["total"]["goldstein_sum"] == pytest.approx(4.4)
    assert feb["start"] == "2026-02-01" and feb["end"] == "2026-02-28"
    # Monday 2 and Wednesday 4 February 2026 are in one ISO week.
    weeks = svc.timeline("CHN", "RUS", interval="week")
    assert [(p["period"], p["start"], p["total"]["events"]) for p in weeks["periods"]] == [
        ("2026-W06", "2026-02-02", 2)]
    # A year-dated event is coarser than a month: tallied apart, never placed on a made-up day.
    ukr = svc.timeline("RUS", "UKR", interval="month")
    assert ukr["periods"] == [] and ukr["coarser"] == [
        {"date": "2025", "precision": "year", "events": 1}]
    assert svc.timeline("RUS", "UKR", interval="year")["periods"][0]["period"] == "2025"
    with pytest.raises(ParameterError, match="interval"):
        svc.timeline("RUS", "CHN", interval="fortnight")


def test_timeline_fills_empty_periods(target) -> None:
    from accord.model import Article, Document

    from test_store import actor, event

    text = "Xi Jinping met Vladimir Putin in November."
    art = Article("november", text, date="2025-11-20", source="Other")
    xi = actor(text, "Xi Jinping", "Xi Jinping", "CHNGOV", "CHN", "GOV")
    putin = actor(text, "Vladimir Putin", "Vladimir Putin", "RUSGOV", "RUS", "GOV")
    met = event(art, 0, sentence=0, trigger="met", source=xi, target=putin, cameo="040",
                plover="CONSULT", quad=1, goldstein=1.0, date="2025-11", precision="month",
                basis="text")
    with open_store(target) as store:
        store.ingest(doc_call())
        store.ingest(Document(art, events=[met]))
        with Service(store) as svc:
            t = svc.timeline("RUS", "CHN", interval="month")
            assert [(p["period"], p["total"]["events"], p["a_to_b"]["events"])
                    for p in t["periods"]] == [("2025-11", 1, 0), ("2025-12", 0, 0),
                                               ("2026-01", 0, 0), ("2026-02", 2, 1)]
            assert t["periods"][1]["total"]["goldstein_mean"] is None
            # Weeks need days: the November meeting is dated to its month only.
            weeks = svc.timeline("RUS", "CHN", interval="week")
            assert [p["period"] for p in weeks["periods"]] == ["2026-W06"]
            assert weeks["coarser"] == [{"date": "2025-11", "precision": "month", "events": 1}]


def test_network_and_map(svc) -> None:
    net = svc.network(level="country")
    edges = {(e["source"], e["target"]): e for e in net["edges"]}
    assert edges[("RUS", "CHN")]["events"] == 1 and edges[("CHN", "RUS")]["events"] == 1
    assert edges[("RUS", "UKR")]["conflict"] == 1
    assert {n["id"] for n in net["nodes"]} == {"RUS", "CHN", "UKR"}
    assert svc.network(level="country", min_events=2)["edges"] == []
    m = svc.map()
    countries = {i["country"]: i for i in m["items"]}
    assert countries["RUS"]["numeric"] == "643" and countries["RUS"]["happenings"] == 1
    assert countries["UKR"]["conflict"] == 1
    assert m["unplaced"] == 3
    places = svc.map(by="place")["items"]
    assert {p["name"] for p in places} == {"Moscow", "Donetsk"}
    with pytest.raises(ParameterError, match="by"):
        svc.map(by="planet")


def test_one_service_serves_many_threads(svc) -> None:
    expected = ids(svc.reports().items)
    results, errors = [], []

    def work() -> None:
        try:
            for _ in range(20):
                results.append(ids(svc.reports().items))
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and len(results) == 160 and all(r == expected for r in results)


def test_reports_in_no_happening_stand_for_their_own(svc) -> None:
    """A store whose reports were not all filed into happenings (a database from before
    clustering, opened read-only) still answers: each such report is a happening of its own,
    alongside the stored happenings, in every query."""
    call = doc_call()
    lone = [event_id(call, 0), event_id(call, 1)]
    before = {h["event_ids"][0]: h for h in svc.happenings(limit=100).items}
    timeline = svc.timeline("CHN", "RUS", interval="month")
    store = svc.store
    with store.transaction():
        for eid in lone:
            [row] = store.query("SELECT happening FROM events WHERE id = ?", [eid])
            store._execute("DELETE FROM happenings WHERE id = ?", [row["happening"]])
            store._execute("UPDATE events SET happening = NULL WHERE id = ?", [eid])
    assert svc._lone_reports()
    after = {h["event_ids"][0]: h for h in svc.happenings(limit=100).items}
    assert set(after) == set(before) and svc.summary()["happenings"] == len(before)
    for eid in lone:
        assert after[eid]["id"] == eid and after[eid]["event_ids"] == [eid]
        assert {k: after[eid][k] for k in ("date", "source", "target", "cameo", "reports", "articles")} == \
            {k: before[eid][k] for k in ("date", "source", "target", "cameo", "reports", "articles")}
        one = svc.happening(eid)
        assert one["id"] == eid and [r["id"] for r in one["evidence"]] == [eid]
    assert ids(svc.happenings(Filters.parse(q="video call")).items) == [event_id(call, 0)]
    assert set(ids(svc.happenings(Filters.parse(dyad="CHN,RUS")).items)) == set(lone)
    assert svc.timeline("CHN", "RUS", interval="month") == timeline
    assert svc.dyads().total == 2 and svc.network(level="country")["edges"]
