"""The Spark job behind `accord spark INPUT... --out DIR [--master URL]`.

Three steps, each a stage of one Spark application:

1. The driver lists the inputs as units (a file, a URL, each file of a directory, in the order
   `accord ingest` reads them) and never reads their contents.
2. Read: units are spread over the cluster; each task reads its units through the readers'
   registry (`mapInPandas`), one row per article, skip or rejection.
3. Code: articles are shuffled evenly over the cluster (one big JSONL file is coded by every
   core, not one), then coded by `mapInPandas`, the spaCy model loaded once per Python worker.
   The records are kept on disk once, then written per kind as Parquet partitioned by
   publication date (layout: `accord.spark.schema`).

It runs on `local[*]` out of the box (PySpark from PyPI and a Java 17 runtime are all it needs)
and on any cluster by `--master`, where the inputs must be readable by every executor (a shared
file system) and Accord installed in the executors' Python.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Iterable

from .schema import BESIDE_DDL, CODED_DDL, KINDS, READ_DDL, RECORD_DDL

UNIT_DDL = "input_file INT, kind STRING, path STRING, reason STRING"


@dataclass
class SparkSummary:
    """What a run read and wrote."""

    out: str
    inputs: int = 0
    articles: int = 0
    records: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, int] = field(default_factory=dict)
    rejected: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"out": self.out, "inputs": self.inputs, "articles": self.articles,
                "records": self.records, "skipped": self.skipped, "rejected": self.rejected}


def input_units(paths: Iterable[str]) -> list[tuple[int, str, str, str | None]]:
    """(n, kind, path, reason) for every input in reading order: `given` (a file or URL named by
    the user), `walked` (a file found in a directory), `skipped` (a hidden file of a directory)
    and `missing`. Directories are walked as the readers walk them: sorted, recursively."""
    units: list[tuple[int, str, str, str | None]] = []
    for raw in paths:
        raw = str(raw)
        if raw.startswith(("http://", "https://")):
            units.append((len(units), "given", raw, None))
            continue
        if raw == "-":
            units.append((len(units), "missing", raw, "standard input cannot be read by a "
                          "Spark job; save it to a file"))
            continue
        path = Path(raw).expanduser().resolve()
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file())
            if not files:
                units.append((len(units), "missing", str(path), "directory holds no files"))
            for file in files:
                if any(part.startswith(".") for part in file.relative_to(path).parts):
                    units.append((len(units), "skipped", str(file), "hidden file"))
                else:
                    units.append((len(units), "walked", str(file), None))
        elif path.exists():
            units.append((len(units), "given", str(path), None))
        else:
            units.append((len(units), "missing", raw, "no such file or directory"))
    return units


def spark_session(master: str | None = None, app_name: str = "accord") -> Any:
    """A Spark session whose Python workers run this Python (and so find Accord and its model)."""
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    builder = (SparkSession.builder.appName(app_name)
               .master(master or "local[*]")
               .config("spark.ui.showConsoleProgress", "false")
               .config("spark.sql.session.timeZone", "UTC")
               # Each article is a large row and costs seconds to code: small Arrow batches keep
               # a worker's memory low and spread work evenly.
               .config("spark.sql.execution.arrow.maxRecordsPerBatch", "64")
               .config("spark.python.worker.reuse", "true"))
    return builder.getOrCreate()


def run(paths: Iterable[str], out: str | Path, *, master: str | None = None,
        date: str | None = None, partitions: int | None = None,
        min_confidence: float | None = None, statements: bool | None = None,
        spark: Any = None) -> SparkSummary:
    """Read, code and write; returns the summary also written to OUT/_summary.json."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    from .worker import code_partition, read_partition

    out = str(Path(out).expanduser().resolve())
    own_session = spark is None
    spark = spark or spark_session(master)
    options = {"date": date, "min_confidence": min_confidence, "statements": statements}
    try:
        units = input_units(paths)
        summary = SparkSummary(out=out, inputs=len(units))
        cores = spark.sparkContext.defaultParallelism
        unit_df = spark.createDataFrame(units, UNIT_DDL).repartition(
            max(1, min(len(units), cores * 4)))
        read = unit_df.mapInPandas(partial(read_partition, options=options), READ_DDL)
        parts = partitions or max(cores * 4, 1)
        coded = (read.repartition(parts)
                 .mapInPandas(partial(code_partition, options=options), CODED_DDL)
                 .persist(StorageLevel.DISK_ONLY))
        counts = {r["kind"]: r["n"] for r in coded.groupBy("kind").agg(F.count("*").alias("n")).collect()}
        for kind in KINDS:
            rows = (coded.where(F.col("kind") == kind)
                    .select(F.from_json("record", ", ".join(
                        [RECORD_DDL[kind]] + ([BESIDE_DDL[kind]] if kind in BESIDE_DDL else [])))
                        .alias("r"), "published", "seq",
                            "input_file", "input_item"))
            columns = ["r.*", "published", "seq"]
            if kind == "article":
                columns += ["input_file", "input_item"]
            (rows.select(*columns).write.mode("overwrite").partitionBy("published")
             .parquet(f"{out}/kind={kind}"))
        notes = coded.where(F.col("kind").isin("rejected", "skipped")).select(
            "kind", "input_file", "input_item",
            F.get_json_object("record", "$.origin").alias("origin"),
            F.get_json_object("record", "$.reason").alias("reason"))
        notes.write.mode("overwrite").parquet(f"{out}/_rejected")
        for r in notes.orderBy("input_file", "input_item").collect():
            if r["kind"] == "rejected":
                summary.rejected.append(f"{r['origin']}: {r['reason']}")
            else:
                summary.skipped[r["reason"]] = summary.skipped.get(r["reason"], 0) + 1
        summary.articles = counts.get("article", 0)
        summary.records = {k: counts.get(k, 0) for k in KINDS}
        coded.unpersist()
        Path(out, "_summary.json").write_text(json.dumps(summary.as_dict(), indent=2) + "\n",
                                              encoding="utf-8")
        return summary
    finally:
        if own_session:
            spark.stop()
