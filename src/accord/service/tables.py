"""Records as flat tables: one column per leaf field, for CSV, Parquet, pandas and Arrow.

Nested fields become prefixed columns (`source_code`, `location_lat`) and spans two integer
columns (`trigger_span_start`, `trigger_span_end`), so a flat row turns back into the record
exactly (`unflatten`). The columns of each kind are fixed, so an empty result still has them
(a CSV header, an Arrow schema).
"""

from __future__ import annotations

from typing import Any, Iterable

import pyarrow as pa

_ACTOR = {"text": "", "span": [0, 0], "name": "", "code": "", "country": "", "sector": ""}
_PLACE = {"text": "", "span": [0, 0], "name": "", "country": "", "lat": 0.0, "lon": 0.0}

# One full record of each kind, in contract order: its flattening gives the columns.
TEMPLATES: dict[str, dict[str, Any]] = {
    "event": {
        "kind": "", "id": "", "article_id": "", "sentence": 0, "evidence": "",
        "trigger": {"text": "", "span": [0, 0]}, "source": _ACTOR, "target": _ACTOR,
        "cameo": "", "plover": "", "plover_mode": "", "quad_class": 0, "goldstein": 0.0,
        "date": "", "date_precision": "", "date_basis": "", "negated": False, "modality": "",
        "location": _PLACE, "confidence": 0.0, "announced_cameo": "", "happening": "",
    },
    "happening": {
        "kind": "", "id": "", "date": "", "date_precision": "", "source": _ACTOR,
        "target": _ACTOR, "cameo": "", "plover": "", "quad_class": 0, "goldstein": 0.0,
        "negated": False, "modality": "", "location": _PLACE, "reports": 0, "articles": 0,
        "sources": 0, "first_seen": "", "last_seen": "", "event_ids": [], "confidence": 0.0,
    },
    "quote": {
        "kind": "", "id": "", "article_id": "", "text": "", "span": [0, 0], "speaker": _ACTOR,
        "cue": "", "direct": False,
    },
    "article": {
        "id": "", "date": "", "title": "", "url": "", "source": "", "language": "",
        "duplicate_of": "", "events": 0, "quotes": 0,
    },
}

_NESTED = {"trigger", "source", "target", "location", "speaker"}


def flatten(record: dict[str, Any], *, join_lists: bool = False) -> dict[str, Any]:
    """One flat row; `join_lists` writes a list of strings as one space-separated string."""
    flat: dict[str, Any] = {}

    def put(prefix: str, value: Any, key: str) -> None:
        name = f"{prefix}{key}"
        if key == "span" and (value is None or isinstance(value, list)):
            start, end = value if value else (None, None)
            flat[f"{name}_start"], flat[f"{name}_end"] = start, end
        elif isinstance(value, dict) or (value is None and key in _NESTED and not prefix):
            template = TEMPLATES.get(record.get("kind", ""), {}).get(key)
            keys = list(template) if isinstance(template, dict) else list(value or {})
            for sub in keys:
                put(f"{name}_", (value or {}).get(sub) if value else None, sub)
        elif isinstance(value, list) and join_lists:
            flat[name] = " ".join(str(v) for v in value)
        else:
            flat[name] = value

    for key, value in record.items():
        put("", value, key)
    return flat


def columns(kind: str) -> list[str]:
    return list(flatten(TEMPLATES[kind]).keys())


def unflatten(row: dict[str, Any], kind: str) -> dict[str, Any]:
    """The record a flat row came from (the inverse of `flatten` without `join_lists`)."""

    def build(template: dict[str, Any], prefix: str) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, sub in template.items():
            name = f"{prefix}{key}"
            if key == "span":
                start, end = row.get(f"{name}_start"), row.get(f"{name}_end")
                out[key] = None if start is None and end is None else [start, end]
            elif isinstance(sub, dict):
                value = build(sub, f"{name}_")
                absent = all(v is None for v in value.values())
                out[key] = None if absent and key != "trigger" else value
            else:
                out[key] = row.get(name)
        return out

    record = build(TEMPLATES[kind], "")
    if "event_ids" in record and record["event_ids"] is not None:
        record["event_ids"] = list(record["event_ids"])
    return record


def _arrow_type(value: Any) -> pa.DataType:
    if isinstance(value, bool):
        return pa.bool_()
    if isinstance(value, int):
        return pa.int64()
    if isinstance(value, float):
        return pa.float64()
    if isinstance(value, list):
        return pa.list_(pa.string())
    return pa.string()


def schema(kind: str) -> pa.Schema:
    flat = flatten(TEMPLATES[kind])
    return pa.schema([(name, _arrow_type(value)) for name, value in flat.items()])


def to_arrow(records: Iterable[dict[str, Any]], kind: str) -> pa.Table:
    """Records of one kind as an Arrow table with the kind's fixed columns and types."""
    names = columns(kind)
    rows = [flatten(r) for r in records]
    data = {name: [row.get(name) for row in rows] for name in names}
    return pa.table(data, schema=schema(kind))
