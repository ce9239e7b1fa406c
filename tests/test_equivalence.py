"""The same input gives the same stored records (and happenings) whichever way it is coded and
stored: one process into DuckDB, two worker processes, PostgreSQL, and Spark + `accord load`.

One corpus of real news (WikiEvents articles from ../shared, the founding article, a copy of one
article under another id, a French article, a line that is no article, a file of an unknown
kind), coded once per way; every table of the store is compared row by row (timestamps of
ingestion aside).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from accord.readers import read_inputs
from accord.store import open_store
from accord.workers import code_articles

from conftest import needs, shared_path

pytestmark = pytest.mark.slow

ACCORD = str(Path(sys.executable).parent / "accord")
FRENCH = ("Le président de la République a reçu mardi à l'Élysée le Premier ministre italien pour "
          "évoquer la situation en Ukraine et la coopération européenne en matière de défense.")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, example_path) -> Path:
    source = shared_path("data", "wikievents", "dev.jsonl")
    folder = tmp_path_factory.mktemp("corpus")
    lines = []
    for n, line in enumerate(source.open(encoding="utf-8")):
        if n >= 10:
            break
        obj = json.loads(line)
        text = obj.get("text") or " ".join(obj["tokens"])
        lines.append({"id": f"we-{n}", "text": text, "date": "2022-06-01",
                      "title": f"WikiEvents {n}"})
    lines.append({**lines[3], "id": "we-3-copy"})  # the same story under another id
    # The founding article as another outlet runs it: a near-copy, stored with duplicate_of.
    founding = example_path.read_text(encoding="utf-8").split("\n", 1)[1]
    wire = {"id": "founding-syndicated", "date": "2026-02-04", "source": "Example Wire",
            "text": founding.strip() + "\n\n(Reporting by Example Wire; editing by staff.)"}
    # Read after the original (files of a folder are read in name order).
    (folder / "z-wire.jsonl").write_text(json.dumps(wire) + "\n", encoding="utf-8")
    lines.append({"id": "fr-1", "text": FRENCH, "date": "2022-06-02"})
    with (folder / "news.jsonl").open("w", encoding="utf-8") as fh:
        for obj in lines:
            fh.write(json.dumps(obj) + "\n")
        fh.write("[1, 2, 3]\n")  # not an article: rejected with a reason
    shutil.copy(example_path, folder / example_path.name)
    (folder / "notes.md").write_text("# not news\n", encoding="utf-8")  # skipped in a walk
    return folder


def ingest(corpus: Path, target: str, workers: int) -> list[tuple[str, str]]:
    articles = (a for a in read_inputs([str(corpus)]) if a.__class__.__name__ == "Article")
    with open_store(target) as store:
        return [(o.status, o.article_id) for o in
                store.ingest_many(code_articles(articles, workers), batch_size=5)]


def snapshot(target: str) -> dict[str, list[str]]:
    """Every table of the store, rows as sorted text, ingestion timestamps left out; values made
    comparable across backends (a float is a float, a date its ISO text)."""
    with open_store(target, read_only=True) as store:
        schema = "main" if store.backend == "duckdb" else "public"
        columns: dict[str, list[str]] = {}
        for r in store.query("SELECT table_name, column_name FROM information_schema.columns "
                             "WHERE table_schema = ? ORDER BY table_name, ordinal_position",
                             [schema]):
            if r["column_name"] not in ("ingested_at", "updated_at"):
                columns.setdefault(r["table_name"], []).append(r["column_name"])
        out = {}
        for table, names in columns.items():
            rows = store._rows(f"SELECT {', '.join(names)} FROM {table}")
            out[table] = sorted(repr(tuple(_plain(v) for v in row)) for row in rows)
        return out


def _plain(value):
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, float):
        return round(value, 9)
    return value


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory):
    target = str(tmp_path_factory.mktemp("one") / "one.duckdb")
    outcomes = ingest(corpus, target, workers=0)
    return target, outcomes


def test_the_corpus_exercises_every_outcome(reference):
    target, outcomes = reference
    statuses = [s for s, _ in outcomes]
    assert statuses.count("stored") == 12 and ("duplicate", "we-3-copy") in outcomes
    assert ("copy", "founding-syndicated") in outcomes
    tables = snapshot(target)
    assert len(tables["events"]) > 50 and len(tables["quotes"]) > 10
    assert 0 < len(tables["happenings"]) < len(tables["events"])


def test_two_workers_store_what_one_process_stores(corpus, reference, tmp_path):
    target = str(tmp_path / "two.duckdb")
    assert ingest(corpus, target, workers=2) == reference[1]
    assert snapshot(target) == snapshot(reference[0])


@pytest.mark.postgres
def test_postgres_stores_what_duckdb_stores(corpus, reference, pg_url):
    assert ingest(corpus, pg_url, workers=0) == reference[1]
    assert snapshot(pg_url) == snapshot(reference[0])


# ---------------------------------------------------------------------------------------------
# Spark


@pytest.fixture(scope="module")
def spark_out(corpus, tmp_path_factory):
    """One Spark job for all the Spark tests (a job costs a JVM and a model load per Python
    worker): `accord spark` on the corpus, on local[2], as a user runs it. Its summary is the one
    the job writes beside its output (`SparkSummary.as_dict()`, _summary.json)."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        needs("PySpark", "PySpark is not installed (pip install 'accord[spark]')")
    if shutil.which("java") is None:
        needs("Java", "no Java runtime on PATH; Spark needs Java 17 or newer")
    out = tmp_path_factory.mktemp("spark") / "out"
    proc = subprocess.run([ACCORD, "spark", str(corpus), "--out", str(out), "--master", "local[2]"],
                          capture_output=True, text=True, timeout=900)
    assert (out / "_summary.json").is_file(), proc.stderr
    return out, proc, json.loads((out / "_summary.json").read_text(encoding="utf-8"))


@pytest.mark.spark
@pytest.mark.cli
def test_spark_writes_the_contract_records_by_kind_and_date(spark_out, reference):
    import jsonschema
    import pyarrow.dataset as ds

    out, _, summary = spark_out
    schema = json.loads(shared_path("contract", "record.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    assert summary["articles"] == 14  # 10 WikiEvents, a copy, the founding article and its copy, French
    assert summary["skipped"] == {"unsupported file type .md": 1}
    assert len(summary["rejected"]) == 1 and "news.jsonl:13" in summary["rejected"][0]
    dates = {p.name for p in (out / "kind=event").iterdir() if p.is_dir()}
    assert dates == {"published=2022-06-01", "published=2026-02-04"}
    for kind in ("article", "mention", "timex", "event", "quote"):
        table = ds.dataset(out / f"kind={kind}", format="parquet", partitioning="hive").to_table()
        assert table.num_rows == summary["records"][kind] > 0
        extra = {"published", "seq"} | ({"input_file", "input_item"} if kind == "article" else set()) \
            | ({"date_range"} if kind == "event" else set())  # beside the record (BESIDE_DDL)
        for row in table.to_pylist()[:200]:
            record = {k: v for k, v in row.items() if k not in extra}
            record["kind"] = kind
            errors = [e.message for e in validator.iter_errors(record)]
            assert not errors, (record, errors)


def load_and_compare(out, target, reference):
    from accord.spark.load import load

    with open_store(target) as store:
        outcomes = [(o.status, o.article_id) for o in load(out, store, batch_size=5)]
    assert outcomes == reference[1]
    assert snapshot(target) == snapshot(reference[0])
    with open_store(target) as store:  # loading again stores nothing new
        assert {o.status for o in load(out, store)} == {"duplicate"}


@pytest.mark.spark
@pytest.mark.cli
def test_spark_and_load_store_what_one_process_stores(spark_out, reference, tmp_path):
    load_and_compare(spark_out[0], str(tmp_path / "loaded.duckdb"), reference)


@pytest.mark.spark
@pytest.mark.postgres
@pytest.mark.cli
def test_spark_and_load_into_postgres_store_what_one_process_stores(spark_out, reference, pg_url):
    load_and_compare(spark_out[0], pg_url, reference)


@pytest.mark.spark
@pytest.mark.cli
def test_accord_spark_and_load_commands(spark_out, reference, tmp_path):
    out, run, _ = spark_out
    assert run.returncode == 1, run.stderr  # one line of news.jsonl is no article
    assert "news.jsonl:13" in run.stderr and "Coded into" in run.stdout
    db = tmp_path / "loaded.duckdb"
    load = subprocess.run([ACCORD, "load", str(out), "--db", str(db)],
                          capture_output=True, text=True, timeout=600)
    assert load.returncode == 0, load.stderr
    assert "not English" in load.stdout and "fr 1" in load.stdout
    with open_store(str(db), read_only=True) as store:
        counts = store.counts()
    # 10 WikiEvents, the founding article and its near-copy, French (the copy of we-3: a duplicate)
    assert counts["articles"] == 13 and counts["events"] > 20
    assert snapshot(str(db)) == snapshot(reference[0])
