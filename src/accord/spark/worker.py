"""What runs inside Spark's Python workers: reading inputs and coding articles.

Both are `mapInPandas` functions over an iterator of pandas DataFrames, so a worker streams its
partition a batch at a time. The pipeline (the spaCy model and the stages) is built once per
Python worker process and kept for every task that process runs (Spark reuses Python workers).
"""

from __future__ import annotations

import json
from typing import Any, Iterator

import pandas as pd

from .schema import CODED_DDL, READ_DDL

READ_COLUMNS = [c.split()[0] for c in READ_DDL.split(", ")]
CODED_COLUMNS = [c.split()[0] for c in CODED_DDL.split(", ")]

# Rows per output batch: bounds what a worker holds besides the model.
_ROWS_OUT = 500
_ARTICLES_PER_FLUSH = 32

_pipeline: Any = None
_pipeline_key: Any = None


def pipeline_for(options: dict[str, Any]) -> Any:
    """This worker's pipeline, built on first use with the job's record policy."""
    global _pipeline, _pipeline_key
    key = (options.get("min_confidence"), options.get("statements"))
    if _pipeline is None or key != _pipeline_key:
        from ..events.policy import RecordPolicy
        from ..pipeline import Pipeline

        policy = RecordPolicy.from_settings(*key)
        _pipeline = Pipeline.default(policy=policy)
        _pipeline_key = key
    return _pipeline


def read_partition(batches: Iterator[pd.DataFrame], options: dict[str, Any]) -> Iterator[pd.DataFrame]:
    """Input units (one file, URL or directory entry each) -> one row per item read."""
    from ..model import Article
    from ..readers import Rejection, Skip, read_inputs
    from ..readers.base import ReadOptions
    from ..readers.registry import file_source, read_sources

    out: list[dict[str, Any]] = []
    for batch in batches:
        for unit in batch.itertuples(index=False):
            read_options = ReadOptions(default_date=options.get("date"))
            if unit.kind == "walked":
                # A file found in a directory walk: a file no reader claims is skipped, as
                # `accord ingest DIR` skips it.
                try:
                    items = read_sources([file_source(_path(unit.path))], read_options,
                                         explicit=False)
                    items = list(items)
                except OSError as exc:
                    items = [Rejection(unit.path, f"cannot read file ({exc.strerror or exc})")]
            elif unit.kind == "skipped":
                items = [Skip(unit.path, unit.reason)]
            elif unit.kind == "missing":
                items = [Rejection(unit.path, unit.reason)]
            else:
                items = read_inputs([unit.path], options=read_options)
            for n, item in enumerate(items):
                row = dict.fromkeys(READ_COLUMNS)
                row.update(input_file=unit.input_file, input_item=n)
                if isinstance(item, Article):
                    row.update(status="article", id=item.id, text=item.text, date=item.date,
                               title=item.title, url=item.url, source=item.source,
                               origin=item.origin, language=item.language,
                               duplicate_of=item.duplicate_of)
                elif isinstance(item, Skip):
                    row.update(status="skipped", origin=item.origin, reason=item.kind)
                else:
                    row.update(status="rejected", origin=item.origin, reason=item.reason)
                out.append(row)
                if len(out) >= _ROWS_OUT:
                    yield pd.DataFrame(out, columns=READ_COLUMNS)
                    out = []
    if out:
        yield pd.DataFrame(out, columns=READ_COLUMNS)


def _path(value: str) -> Any:
    from pathlib import Path

    return Path(value)


def code_partition(batches: Iterator[pd.DataFrame], options: dict[str, Any]) -> Iterator[pd.DataFrame]:
    """Rows of the read step -> one row per contract record of each coded article, and one per
    input that was skipped or rejected (reading or coding)."""
    from ..model import Article
    from ..pipeline import StageFailure

    pipeline = pipeline_for(options)
    out: list[dict[str, Any]] = []
    pending: list[tuple[Article, Any]] = []  # articles waiting to be coded, with their row

    def flush() -> Iterator[pd.DataFrame]:
        nonlocal out, pending
        places = {id(article): row for article, row in pending}
        for result in pipeline.process(a for a, _ in pending):
            row = places[id(result.article)]
            if isinstance(result, StageFailure):
                out.append(_note("rejected", row, str(result)))
                continue
            published = result.article.date
            counters: dict[str, int] = {}
            ranges = {e.id: e.date_range for e in result.events if e.date_range}
            for record in result.records():
                kind = record.pop("kind")
                if kind == "event" and record["id"] in ranges:
                    record["date_range"] = list(ranges[record["id"]])  # beside it (BESIDE_DDL)
                seq = counters.get(kind, 0)
                counters[kind] = seq + 1
                out.append({"kind": kind, "published": published, "article_id": result.id,
                            "seq": seq, "input_file": row.input_file, "input_item": row.input_item,
                            "record": json.dumps(record, ensure_ascii=False)})
        pending = []
        if out:
            yield pd.DataFrame(out, columns=CODED_COLUMNS)
            out = []

    for batch in batches:
        for row in batch.itertuples(index=False):
            if row.status != "article":
                out.append(_note(row.status, row, row.reason))
                continue
            article = Article(id=row.id, text=row.text, date=_opt(row.date), title=_opt(row.title),
                              url=_opt(row.url), source=_opt(row.source), origin=_opt(row.origin),
                              language=_opt(row.language), duplicate_of=_opt(row.duplicate_of))
            pending.append((article, row))
            if len(pending) >= _ARTICLES_PER_FLUSH:
                yield from flush()
    yield from flush()
    if out:
        yield pd.DataFrame(out, columns=CODED_COLUMNS)


def _opt(value: Any) -> Any:
    """pandas gives None or NaN for a missing string."""
    return None if value is None or (isinstance(value, float) and value != value) else value


def _note(status: str, row: Any, reason: str) -> dict[str, Any]:
    return {"kind": status, "published": None, "article_id": _opt(getattr(row, "id", None)),
            "seq": 0, "input_file": row.input_file, "input_item": row.input_item,
            "record": json.dumps({"origin": _opt(row.origin), "reason": reason},
                                 ensure_ascii=False)}
