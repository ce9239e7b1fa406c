"""Exports (CSV, Parquet, JSON lines, GDELT 2.0 events and mentions, PLOVER) and the Python
face, on a store of real articles coded by the real pipeline and on hand-built documents."""

from __future__ import annotations

import csv
import io
import json

import duckdb
import pyarrow.parquet as pq
import pytest

import accord
from accord.export import export
from accord.export import gdelt as G
from accord.service import Filters, Service
from accord.service import tables
from accord.store import open_store

from conftest import shared_path
from test_store import docs

# GDELT 2.0 Event table columns as GDELT publishes them (codebook V2.0; the header of its
# BigQuery table gdeltv2.events), typed as GDELT documents them.
GDELT_EVENTS = [
    ("GLOBALEVENTID", "BIGINT"), ("SQLDATE", "INTEGER"), ("MonthYear", "INTEGER"),
    ("Year", "INTEGER"), ("FractionDate", "DOUBLE"),
    *[(f"Actor{n}{f}", "VARCHAR") for n in (1, 2) for f in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
        "Religion2Code", "Type1Code", "Type2Code", "Type3Code")],
    ("IsRootEvent", "INTEGER"), ("EventCode", "VARCHAR"), ("EventBaseCode", "VARCHAR"),
    ("EventRootCode", "VARCHAR"), ("QuadClass", "INTEGER"), ("GoldsteinScale", "DOUBLE"),
    ("NumMentions", "INTEGER"), ("NumSources", "INTEGER"), ("NumArticles", "INTEGER"),
    ("AvgTone", "DOUBLE"),
    *[(f"{who}Geo_{f}", t) for who in ("Actor1", "Actor2", "Action") for f, t in (
        ("Type", "INTEGER"), ("FullName", "VARCHAR"), ("CountryCode", "VARCHAR"),
        ("ADM1Code", "VARCHAR"), ("ADM2Code", "VARCHAR"), ("Lat", "DOUBLE"), ("Long", "DOUBLE"),
        ("FeatureID", "VARCHAR"))],
    ("DATEADDED", "BIGINT"), ("SOURCEURL", "VARCHAR"),
]
GDELT_MENTIONS = [
    ("GLOBALEVENTID", "BIGINT"), ("EventTimeDate", "BIGINT"), ("MentionTimeDate", "BIGINT"),
    ("MentionType", "INTEGER"), ("MentionSourceName", "VARCHAR"), ("MentionIdentifier", "VARCHAR"),
    ("SentenceID", "INTEGER"), ("Actor1CharOffset", "INTEGER"), ("Actor2CharOffset", "INTEGER"),
    ("ActionCharOffset", "INTEGER"), ("InRawText", "INTEGER"), ("Confidence", "INTEGER"),
    ("MentionDocLen", "INTEGER"), ("MentionDocTone", "DOUBLE"),
    ("MentionDocTranslationInfo", "VARCHAR"), ("Extras", "VARCHAR"),
]


@pytest.fixture(scope="module")
def svc(desk_db):
    with Service.open(desk_db) as service:
        yield service


@pytest.fixture
def small(tmp_path):
    with open_store(tmp_path / "small.duckdb") as store:
        for d in docs():
            store.ingest(d)
        with Service(store) as service:
            yield service


def _load(path, columns):
    spec = "{" + ", ".join(f"'{name}': '{kind}'" for name, kind in columns) + "}"
    cur = duckdb.connect().execute(
        f"SELECT * FROM read_csv('{path}', delim='\\t', header=false, quote='', escape='', "
        f"columns={spec}, nullstr='')")
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def test_gdelt_columns_are_gdelts(svc) -> None:
    assert G.EVENT_COLUMNS == [name for name, _ in GDELT_EVENTS] and len(G.EVENT_COLUMNS) == 61
    assert G.MENTION_COLUMNS == [name for name, _ in GDELT_MENTIONS] and len(G.MENTION_COLUMNS) == 16


def test_gdelt_events_file_has_61_columns_on_every_line_and_loads(svc, tmp_path) -> None:
    path = tmp_path / "events.tsv"
    result = export(svc, "gdelt", path)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert result.written == len(lines) > 50
    assert all(len(line.split("\t")) == 61 for line in lines)
    rows = _load(path, GDELT_EVENTS)
    assert len(rows) == len(lines)
    # Only asserted, affirmed happenings (GDELT has no field for the others), all counted.
    factual = Filters.parse(negated=False, modality="asserted")
    assert len(rows) == svc.happenings(factual, limit=0).total
    assert sum(result.left_out.values()) == svc.happenings(limit=0).total - len(rows)
    happenings = {G.global_event_id(h["id"]): h for h in svc.happenings(factual).items}
    assert len(happenings) == len(rows)  # one line a happening, each its own GLOBALEVENTID
    for row in rows:
        assert len(row["EventCode"]) >= 2 and row["EventCode"].isdigit()
        assert row["EventRootCode"] == row["EventCode"][:2] and row["QuadClass"] in (1, 2, 3, 4)
        assert row["NumMentions"] >= 1 and row["NumArticles"] >= 1
        h = happenings[row["GLOBALEVENTID"]]
        assert row["EventCode"] == h["cameo"] and row["QuadClass"] == h["quad_class"]
        assert (row["NumMentions"], row["NumSources"], row["NumArticles"]) == (
            h["reports"], h["sources"], h["articles"])
        assert row["GoldsteinScale"] == pytest.approx(h["goldstein"])
    # Codes keep their leading zeros; dates as GDELT writes them.
    call = [r for r in rows if r["EventCode"] == "041"
            and {r["Actor1CountryCode"], r["Actor2CountryCode"]} == {"CHN", "RUS"}]
    assert call and call[0]["SQLDATE"] == 20260204 and call[0]["EventRootCode"] == "04"
    placed = [r for r in rows if r["ActionGeo_CountryCode"]]
    assert placed and all(len(r["ActionGeo_CountryCode"]) == 2 for r in placed)
    assert any(r["ActionGeo_CountryCode"] == "RS" for r in placed)  # Moscow: FIPS RS, not RUS


def test_gdelt_mentions_one_line_per_report(svc, tmp_path) -> None:
    path = tmp_path / "mentions.tsv"
    result = export(svc, "gdelt-mentions", path, Filters.parse(dyad="CHN,RUS"))
    lines = path.read_text(encoding="utf-8").splitlines()
    assert all(len(line.split("\t")) == 16 for line in lines)
    rows = _load(path, GDELT_MENTIONS)
    happenings = svc.happenings(Filters.parse(dyad="CHN,RUS", negated=False, modality="asserted")).items
    assert result.written == len(rows) == sum(h["reports"] for h in happenings)
    events = {G.global_event_id(h["id"]) for h in happenings}
    assert {r["GLOBALEVENTID"] for r in rows} == events
    for r in rows:
        assert r["ActionCharOffset"] >= 0 and 0 <= r["Confidence"] <= 100 and r["SentenceID"] >= 1
    # The offsets are the reports' own: trigger, source and target where the article has them.
    reports = svc.evidence([e for h in happenings for e in h["event_ids"]])
    expected = sorted((G.global_event_id(e["happening"]), e["sentence"] + 1, e["trigger"]["span"][0],
                       e["source"]["span"][0] if e["source"] else -1,
                       e["target"]["span"][0] if e["target"] else -1) for e in reports)
    assert sorted((r["GLOBALEVENTID"], r["SentenceID"], r["ActionCharOffset"], r["Actor1CharOffset"],
                   r["Actor2CharOffset"]) for r in rows) == expected


def test_parquet_round_trips(svc, tmp_path) -> None:
    for unit, kind, query in (("happenings", "happening", svc.happenings), ("reports", "event", svc.reports)):
        path = tmp_path / f"{unit}.parquet"
        result = export(svc, "parquet", path, unit=unit)
        table = pq.read_table(path)
        assert table.schema.equals(tables.schema(kind))
        back = [tables.unflatten(row, kind) for row in table.to_pylist()]
        expected = query(sort="date").items
        assert result.written == len(back) == len(expected) > 50
        assert back == expected


def test_csv_and_jsonl(svc, small, tmp_path) -> None:
    path = tmp_path / "h.csv"
    export(svc, "csv", path, Filters.parse(actor="Putin"))
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert rows and all("Putin" in (r["source_name"] + r["target_name"]) for r in rows)
    assert all(r["cameo"][0] in "012" for r in rows)  # leading zeros kept
    # Report rows: the evidence sentence alone, not the paragraph break after it.
    path = tmp_path / "r.csv"
    export(svc, "csv", path, unit="reports")
    reports = list(csv.DictReader(path.open(encoding="utf-8", newline="")))
    assert len(reports) > 50 and all(r["evidence"] and r["evidence"] == r["evidence"].strip() for r in reports)
    empty = tmp_path / "empty.csv"
    export(small, "csv", empty, Filters.parse(actor="Nobody At All"))
    assert empty.read_text(encoding="utf-8").splitlines() == [",".join(tables.columns("happening"))]
    out = io.StringIO()
    export(small, "jsonl", out, unit="reports")
    assert [json.loads(line)["kind"] for line in out.getvalue().splitlines()] == ["event"] * 5


def test_plover_lines_validate_against_the_schema(svc, tmp_path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    from accord.export.plover import schema

    validator = jsonschema.Draft202012Validator(schema())
    jsonschema.Draft202012Validator.check_schema(schema())
    path = tmp_path / "plover.jsonl"
    result = export(svc, "plover", path)
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert result.written == len(records) > 30
    for record in records:
        errors = [e.message for e in validator.iter_errors(record)]
        assert not errors, (record, errors)
    dropped = svc.happenings(Filters.parse(cameo="01"), limit=0).total + \
        svc.happenings(Filters.parse(cameo="02"), limit=0).total
    assert sum(result.left_out.values()) >= dropped
    negated = [r for r in records if r["negated"]]
    assert negated and all("negation" in r["context"] for r in negated)
    assert all(r["event"][0] != "DROPPED" for r in records)
    # The schema is not a formality: a record without an actor or with an unknown type fails.
    bad = dict(records[0], event=["HUG"])
    assert list(validator.iter_errors(bad))
    assert list(validator.iter_errors({k: v for k, v in records[0].items() if k != "actor"}))


def test_fips_table_rebuilds_to_the_same_bytes(tmp_path) -> None:
    from importlib.resources import files

    import sys
    from pathlib import Path

    shared = shared_path("data", "countryinfo").parents[1]
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
    try:
        import build_fips
    finally:
        sys.path.pop(0)
    rows = build_fips.build(shared)
    rebuilt = "iso3\tfips10\n" + "".join(f"{a}\t{b}\n" for a, b in rows)
    packaged = files("accord").joinpath("resources", "export", "fips10.tsv").read_text("utf-8")
    assert rebuilt == packaged


def test_python_dataframes(desk_db) -> None:
    with accord.open(desk_db) as db:
        df = db.events(dyad="CHN,RUS").df()
        assert len(df) == db.service.happenings(Filters.parse(dyad="CHN,RUS")).total > 5
        assert {"source_code", "target_code", "cameo", "articles", "event_ids"} <= set(df.columns)
        assert df["cameo"].str.len().min() >= 2  # strings, leading zeros kept
        table = db.reports(actor="Putin", limit=5).arrow()
        assert table.num_rows == 5 and table.schema.field("goldstein").type == "double"
        t = db.timeline("CHN", "RUS", interval="month").df()
        assert list(t["period"])[-1] == "2026-02" and t["total_events"].sum() > 0
        assert len(db.quotes(speaker="Putin").df()) >= 1
        assert db.dyads().df().iloc[0].to_dict()["events"] >= 1


@pytest.mark.postgres
def test_a_postgres_store_exports_what_a_duckdb_store_exports(postgres_cluster, tmp_path) -> None:
    """Every format, both units, from the same documents stored in DuckDB and in PostgreSQL:
    the same bytes, but for GDELT's columns of when each store took the article in."""
    import uuid

    outputs = {}
    for backend, target in (("duckdb", str(tmp_path / "same.duckdb")),
                            ("postgres", postgres_cluster.create_database(f"export_{uuid.uuid4().hex[:8]}"))):
        with open_store(target) as store:
            for d in docs():
                store.ingest(d)
            with Service(store) as service:
                for fmt in ("csv", "jsonl", "parquet", "gdelt", "gdelt-mentions", "plover"):
                    for unit in (("happenings", "reports") if fmt in ("csv", "jsonl", "parquet") else ("happenings",)):
                        path = tmp_path / f"{backend}-{unit}.{fmt}"
                        result = export(service, fmt, path, unit=unit)
                        assert result.written > 0, (backend, fmt, unit)
                        if fmt == "parquet":
                            outputs[backend, fmt, unit] = pq.read_table(path).to_pylist()
                            continue
                        lines = path.read_text(encoding="utf-8").splitlines()
                        if fmt == "gdelt":  # DATEADDED: when this store took the article in
                            lines = ["\t".join(c for i, c in enumerate(line.split("\t")) if i != 59)
                                     for line in lines]
                        if fmt == "gdelt-mentions":  # EventTimeDate, MentionTimeDate: likewise
                            lines = ["\t".join(c for i, c in enumerate(line.split("\t")) if i not in (1, 2))
                                     for line in lines]
                        outputs[backend, fmt, unit] = lines
    for (backend, fmt, unit), out in outputs.items():
        if backend == "postgres":
            assert out == outputs["duckdb", fmt, unit], (fmt, unit)
