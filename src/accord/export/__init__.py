"""Exports: happenings or reports from the service, written in the formats analysts' tools read.

    with Service.open("accord.duckdb") as svc:
        result = export(svc, "gdelt", "events.tsv", Filters.parse(since="2025"))

- `csv`, `parquet`, `jsonl`: happenings (default) or reports (`unit="reports"`), one flat row
  per record (`service.tables`: nested fields as prefixed columns, spans as start/end); JSON
  lines keep the contract's records as they are.
- `gdelt`: GDELT 2.0 Events, 61 tab-separated columns, no header, one line per happening;
  `gdelt-mentions`: GDELT 2.0 Mentions, 16 columns, one line per report (see gdelt.py).
  GDELT has no field for negation or modality, so unless the filters ask for them
  (`negated`, `modality`), only asserted, non-negated happenings are written; the result says
  how many were left out.
- `plover`: PLOVER JSON lines (see plover.py), one per happening PLOVER has a type for.
"""

from __future__ import annotations

import csv
import io
import json
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Iterator

from ..service import Filters, Service
from ..service import tables
from . import gdelt, plover

FORMATS = ("csv", "parquet", "jsonl", "gdelt", "gdelt-mentions", "plover")
UNITS = ("happenings", "reports")
# What a file of each format is called when served for download.
MEDIA_TYPES = {"csv": "text/csv", "parquet": "application/vnd.apache.parquet",
               "jsonl": "application/x-ndjson", "gdelt": "text/tab-separated-values",
               "gdelt-mentions": "text/tab-separated-values", "plover": "application/x-ndjson"}
SUFFIXES = {"csv": ".csv", "parquet": ".parquet", "jsonl": ".jsonl", "gdelt": ".export.tsv",
            "gdelt-mentions": ".mentions.tsv", "plover": ".plover.jsonl"}


class ExportError(ValueError):
    """An export that cannot be made as asked (unknown format, a unit the format lacks)."""


@dataclass
class ExportResult:
    format: str
    unit: str
    written: int = 0                                    # lines or rows written
    left_out: dict[str, int] = field(default_factory=dict)  # reason -> count

    def summary(self, to: str | None = None) -> str:
        """"71 rows (csv, happenings)", with " to PATH" after the count (not after the reasons
        of what was left out, where it read as part of the last reason)."""
        noun = "rows" if self.format in ("csv", "parquet") else "lines"
        text = f"{self.written} {noun} ({self.format}, {self.unit})" + (f" to {to}" if to else "")
        for reason, n in self.left_out.items():
            if n:
                text += f"; {n} left out: {reason}"
        return text


@contextmanager
def _open(out: Any, binary: bool) -> Iterator[IO[Any]]:
    if isinstance(out, (str, Path)):
        try:
            f = open(out, "wb" if binary else "w", **({} if binary else {"encoding": "utf-8", "newline": ""}))
        except OSError as exc:  # no such folder, a folder, no permission: said with the path
            raise ExportError(f"cannot write {out}: {exc.strerror or exc}") from None
        with f:
            yield f
    elif binary:
        yield out
    else:
        # A binary stream given for a text format: write UTF-8 through a wrapper we detach.
        if isinstance(out, io.TextIOBase):
            yield out
        else:
            wrapper = io.TextIOWrapper(out, encoding="utf-8", newline="")
            try:
                yield wrapper
            finally:
                wrapper.flush()
                wrapper.detach()


def export(svc: Service, fmt: str, out: Any, filters: Filters | None = None, *,
           unit: str = "happenings", batch: int = 500) -> ExportResult:
    """Write every matching record to `out` (a path, or a file object: binary for parquet,
    text or binary for the others) in format `fmt`."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}")
    if unit not in UNITS:
        raise ExportError(f"unknown unit {unit!r}; one of {', '.join(UNITS)}")
    if fmt in ("gdelt", "gdelt-mentions", "plover") and unit != "happenings":
        raise ExportError(f"{fmt} exports happenings (GDELT and PLOVER count events, not reports)")
    filters = filters or Filters()
    result = ExportResult(fmt, unit)
    if fmt in ("gdelt", "gdelt-mentions") and filters.negated is None and filters.modality is None:
        everything = svc.happenings(filters, limit=0).total
        filters = filters.but(negated=False, modality=("asserted",))
        result.left_out["negated, or not asserted (GDELT has no field for it; "
                        "filter on negated/modality to include them)"] = (
            everything - svc.happenings(filters, limit=0).total)
    if fmt == "parquet":
        _parquet(svc, out, filters, unit, result)
    elif fmt in ("csv", "jsonl"):
        _rows(svc, fmt, out, filters, unit, result, batch)
    else:
        _events(svc, fmt, out, filters, result, batch)
    return result


def _records(svc: Service, filters: Filters, unit: str, batch: int):
    if unit == "happenings":
        yield from svc.iter_happenings(filters, batch=batch)
    else:
        yield from svc.iter_reports(filters, batch=batch * 4)


def _rows(svc, fmt, out, filters, unit, result, batch) -> None:
    kind = "happening" if unit == "happenings" else "event"
    with _open(out, binary=False) as f:
        if fmt == "csv":
            writer = csv.DictWriter(f, fieldnames=tables.columns(kind), extrasaction="ignore")
            writer.writeheader()  # even when nothing matches
        for records in _records(svc, filters, unit, batch):
            for record in records:
                if fmt == "csv":
                    writer.writerow(tables.flatten(record, join_lists=True))
                else:
                    f.write(json.dumps(record, ensure_ascii=False) + "\n")
                result.written += 1


def _parquet(svc, out, filters, unit, result) -> None:
    import pyarrow.parquet as pq

    kind = "happening" if unit == "happenings" else "event"
    with _open(out, binary=True) as f:
        with pq.ParquetWriter(f, tables.schema(kind)) as writer:
            for records in _records(svc, filters, unit, 2000):
                writer.write_table(tables.to_arrow(records, kind))
                result.written += len(records)


def _events(svc, fmt, out, filters, result, batch) -> None:
    skipped_type = skipped_date = 0
    with _open(out, binary=False) as f:
        for happenings in svc.iter_happenings(filters, batch=batch):
            ids = [i for h in happenings for i in h["event_ids"]]
            by_id: dict[str, list[dict[str, Any]]] = {}
            for report in svc.evidence(ids):
                by_id.setdefault(report["happening"] or report["id"], []).append(report)
            for h in happenings:
                reports = [r for i in h["event_ids"] for r in by_id.get(i, [])] or by_id.get(h["id"], [])
                reports = _dedupe(reports)
                if fmt == "gdelt":
                    f.write("\t".join(gdelt.clean(v) for v in gdelt.event_row(h, reports)) + "\n")
                    result.written += 1
                elif fmt == "gdelt-mentions":
                    for row in gdelt.mention_rows(h, reports):
                        f.write("\t".join(gdelt.clean(v) for v in row) + "\n")
                        result.written += 1
                else:
                    record = plover.record(h, reports)
                    if record is None:
                        if h["plover"] == "DROPPED":
                            skipped_type += 1
                        else:
                            skipped_date += 1
                        continue
                    f.write(json.dumps(record, ensure_ascii=False) + "\n")
                    result.written += 1
    if fmt == "plover":
        result.left_out["CAMEO 01/02 (statements, appeals): no PLOVER type"] = skipped_type
        result.left_out["undated (PLOVER requires a date)"] = skipped_date


def _dedupe(reports: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[str] = set()
    out = []
    for r in sorted(reports, key=lambda r: (r["article"]["date"] is None, r["article"]["date"] or "",
                                            r["article_id"], r["sentence"])):
        if r["id"] not in seen:
            seen.add(r["id"])
            out.append(r)
    return out
