"""The Parquet layout of a Spark run: one folder per record kind, partitioned by publication date.

    OUT/kind=article/published=2026-02-04/part-....parquet
    OUT/kind=event/published=2026-02-04/part-....parquet      (also mention, timex, quote)
    OUT/kind=event/published=__HIVE_DEFAULT_PARTITION__/...    (articles without a date)
    OUT/_rejected/part-....parquet                             (origin, reason: inputs not coded)
    OUT/_summary.json                                          (what the run read and wrote)

Each row is one contract record with the contract's field names and nesting (actors and places
are structs, spans arrays of two ints); `kind` is the folder, and `published` (the article's
publication date; an event's own `date` may be another day) the partition. Some columns are not
the record's own: `seq`, the record's place among its article's records of that kind; on
article rows, `input_file` and `input_item`, the article's place in the input, so that a load
stores articles in the order `accord ingest` would have; on event rows, `date_range`
(`BESIDE_DDL`), which the store keeps beside the record for clustering. Readers: Spark
(`spark.read.parquet("OUT/kind=event")`), DuckDB (`read_parquet('OUT/kind=event/**/*.parquet',
hive_partitioning = true)`), pandas or pyarrow.
"""

from __future__ import annotations

KINDS = ("article", "mention", "timex", "event", "quote")

_SPAN = "ARRAY<INT>"
_ACTOR = (f"STRUCT<text: STRING, span: {_SPAN}, name: STRING, code: STRING, country: STRING, "
          "sector: STRING>")
_PLACE = (f"STRUCT<text: STRING, span: {_SPAN}, name: STRING, country: STRING, lat: DOUBLE, "
          "lon: DOUBLE>")

# Spark DDL of each kind's record, in the contract's field order (without `kind`).
RECORD_DDL: dict[str, str] = {
    "article": ("id STRING, date STRING, title STRING, url STRING, source STRING, text STRING, "
                "language STRING, duplicate_of STRING"),
    "mention": f"article_id STRING, text STRING, span {_SPAN}, actor {_ACTOR}",
    "timex": f"article_id STRING, text STRING, span {_SPAN}, type STRING, value STRING",
    "event": (f"id STRING, article_id STRING, sentence INT, evidence STRING, "
              f"trigger STRUCT<text: STRING, span: {_SPAN}>, source {_ACTOR}, target {_ACTOR}, "
              "cameo STRING, plover STRING, plover_mode STRING, quad_class INT, goldstein DOUBLE, "
              "date STRING, date_precision STRING, date_basis STRING, negated BOOLEAN, "
              f"modality STRING, location {_PLACE}, confidence DOUBLE, happening STRING, "
              "announced_cameo STRING"),
    "quote": (f"id STRING, article_id STRING, text STRING, span {_SPAN}, speaker {_ACTOR}, "
              "cue STRING, direct BOOLEAN"),
}

# Columns beside a kind's record, not the record's own (like `seq`): an event's `date_range`
# (`accord.model.Event.date_range`: the days its text date allows, [earliest, latest], null for
# its period), so that `accord load` stores what `accord ingest` would and clusters alike.
BESIDE_DDL: dict[str, str] = {"event": "date_range ARRAY<STRING>"}

# What the read step gives for every input item (an article, a skip or a rejection).
READ_DDL = ("input_file INT, input_item INT, status STRING, id STRING, text STRING, date STRING, "
            "title STRING, url STRING, source STRING, origin STRING, language STRING, "
            "duplicate_of STRING, reason STRING")

# What the code step gives: one row per record (JSON in the contract's shape), or per input that
# was not coded (kind "rejected" or "skipped", with origin and reason in `record`).
CODED_DDL = ("kind STRING, published STRING, article_id STRING, seq INT, input_file INT, "
             "input_item INT, record STRING")
