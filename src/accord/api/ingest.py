"""POST /api/articles: code articles sent to the server and store them, one writer at a time.

The server is the one process holding a DuckDB file for writing, so articles reach the store
through it (a second `accord ingest` on the file fails at once and says so). Every input is
accounted for as the CLI does: stored, updated, duplicate, or rejected with its reason.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import HTTPException

from ..model import Article


def _articles(uploads: list[tuple[str, Any]]) -> tuple[list[Article], list[dict[str, str]]]:
    """Articles from a JSON body (an object or a list of objects) or from uploaded files."""
    from ..readers import Rejection
    from ..readers.errors import InputRejected
    from ..readers.jsonl import parse_jsonl_line

    articles: list[Article] = []
    rejected: list[dict[str, str]] = []
    for name, payload in uploads:
        if name == "body":
            items = payload if isinstance(payload, list) else [payload]
            if not items:
                raise HTTPException(400, "body: an empty list holds no articles")
            for i, item in enumerate(items):
                where = f"body[{i}]"
                try:
                    articles.append(parse_jsonl_line(json.dumps(item), f"upload-{i}", None, where))
                except InputRejected as exc:
                    rejected.append({"input": where, "reason": str(exc)})
            continue
        for item in _read_bytes(name, payload):
            if isinstance(item, Rejection):
                rejected.append({"input": item.origin, "reason": item.reason})
            elif isinstance(item, Article):
                articles.append(item)
    return articles, rejected


def _read_bytes(name: str, data: bytes):
    """Through the readers' registry when it offers uploads (READERS_API.md), else the
    text and JSON-lines readers."""
    try:
        from ..readers import read_sources, source_from_bytes  # type: ignore[attr-defined]
    except ImportError:
        read_sources = None
    origin = f"upload:{name}"
    if read_sources is not None:
        stem = name.rsplit("/", 1)[-1].split(".", 1)[0] or "upload"
        source = source_from_bytes(data, origin=origin, name=name, id_base=stem)
        yield from read_sources([source])
        return
    from ..readers import Rejection
    from ..readers.base import _read_stream

    suffix = name.lower().rsplit(".", 1)[-1] if "." in name else ""
    kind = {"txt": "txt", "jsonl": "jsonl"}.get(suffix)
    if kind is None:
        yield Rejection(origin, f"unsupported file type .{suffix}; use .txt or .jsonl")
        return
    yield from _read_stream(data, origin, name.rsplit(".", 1)[0], kind, None)


def ingest_upload(state: Any, uploads: list[tuple[str, Any]]) -> dict[str, Any]:
    from ..pipeline import StageFailure, default_pipeline

    articles, rejected = _articles(uploads)
    outcome: dict[str, Any] = {"stored": [], "updated": [], "duplicate": [], "rejected": rejected}
    if not articles:
        return outcome
    with state.write_lock:
        if state.pipeline is None:
            state.pipeline = default_pipeline()
        documents = []
        for result in state.pipeline.process(iter(articles)):
            if isinstance(result, StageFailure):
                outcome["rejected"].append({"input": result.article.origin or result.article.id,
                                            "reason": str(result)})
            else:
                documents.append(result)

        def not_stored(document: Any, exc: Exception) -> None:
            outcome["rejected"].append({"input": document.id, "reason": f"not stored: {exc}"})

        for done in state.store.ingest_many(documents, on_error=not_stored):
            outcome[done.status].append(done.article_id)
    return outcome
