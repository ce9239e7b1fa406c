"""`accord load DIR`: a Spark run's Parquet output into a DuckDB or PostgreSQL store.

The records are read back with DuckDB (which sorts out of memory, so an output of any size loads
within a fixed memory budget), in the order the articles were read from the inputs, turned back
into `Document`s and stored by `Store.ingest_many`: the same decisions (stored, updated,
duplicate), the same batched, all-or-nothing-per-article writes, and the same clustering of
happenings as `accord ingest` would make for the same inputs. Loading the same output twice
stores nothing the second time.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable, Iterator

from ..model import Document
from ..records import document_from_records
from .schema import KINDS

# Not the record's own fields: the partition folders and the ordering columns.
_NOT_RECORD = ("kind", "published", "seq", "input_file", "input_item")


class NotSparkOutput(ValueError):
    """The folder is not the output of `accord spark`."""


def _files(out: Path, kind: str) -> str | None:
    folder = out / f"kind={kind}"
    if not any(folder.rglob("*.parquet")):
        return None
    return str(folder / "**" / "*.parquet")


def read_documents(out: str | Path, *, memory_limit: str = "512MB") -> Iterator[Document]:
    """The articles of a Spark output folder with all their records, in input order."""
    import duckdb

    out = Path(out)
    if not (out / "kind=article").is_dir():
        raise NotSparkOutput(f"{out} is not the output of `accord spark` (no kind=article folder)")
    articles = _files(out, "article")
    if articles is None:
        return
    con = duckdb.connect()
    try:
        con.execute(f"SET memory_limit = '{memory_limit}'")
        con.execute("SET preserve_insertion_order = false")
        order = ("CREATE TEMP TABLE article_order AS SELECT id AS article_id, input_file, "
                 "input_item FROM read_parquet(?, hive_partitioning = true)")
        con.execute(order, [articles])
        parts = []
        params: list[Any] = []
        for rank, kind in enumerate(KINDS):
            files = _files(out, kind)
            if files is None:
                continue
            key = "r.id" if kind == "article" else "r.article_id"
            parts.append(
                f"SELECT o.input_file, o.input_item, {rank} AS rank, r.seq, to_json(r) AS record "
                f"FROM read_parquet(?, hive_partitioning = true) r "
                f"JOIN article_order o ON o.article_id = {key}")
            params.append(files)
        sql = " UNION ALL ".join(parts) + " ORDER BY input_file, input_item, rank, seq"
        cursor = con.execute(sql, params)
        current: tuple[int, int] | None = None
        records: list[dict[str, Any]] = []
        while True:
            chunk = cursor.fetchmany(2000)
            if not chunk:
                break
            for input_file, input_item, rank, _seq, record in chunk:
                place = (input_file, input_item)
                if place != current and records:
                    yield document_from_records(records)
                    records = []
                current = place
                data = json.loads(record)
                for name in _NOT_RECORD:
                    data.pop(name, None)
                data["kind"] = KINDS[rank]
                records.append(data)
        if records:
            yield document_from_records(records)
    finally:
        con.close()


def spark_summary(out: str | Path) -> dict[str, Any] | None:
    path = Path(out) / "_summary.json"
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def load(out: str | Path, store: Any, *, batch_size: int = 200,
         on_error: Callable[[Document, Exception], None] | None = None,
         counted: Callable[[Document], None] | None = None) -> Iterator[Any]:
    """Store the output's articles; yields each `IngestOutcome` as `Store.ingest_many` does."""
    def documents() -> Iterator[Document]:
        for document in read_documents(out):
            if counted is not None:
                counted(document)
            yield document

    yield from store.ingest_many(documents(), batch_size=batch_size, on_error=on_error)
