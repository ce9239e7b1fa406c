"""POST /api/articles: code articles sent to the server and store them, one writer at a time.

The server is the one process holding a DuckDB file for writing, so articles reach the store
through it (a second `accord ingest` on the file fails at once and says so). Every input is
accounted for as the CLI does: stored, updated, near-copy (`copy`, with the article it copies in
`duplicate_of`), duplicate, not English (`not_english`, with `languages`), skipped, or rejected
with its reason. Near-copies, and articles the store holds unchanged under their id (the same
text, date and title: a re-post), are routed out before the parse, as `accord ingest` does: a
re-post is a duplicate of itself, with a note saying it was not coded again.
"""

from __future__ import annotations

import json
from itertools import chain, islice
from typing import Any

from fastapi import HTTPException

from ..model import Article

# The note on a re-posted article the store holds as it is (same id, text, date and title).
UNCHANGED_NOTE = "unchanged: stored already with this text, date and title; not coded again"


def _articles(uploads: list[tuple[str, Any]]) -> tuple[list[Article], list[dict[str, str]],
                                                   list[dict[str, str]]]:
    """Articles from a JSON body (an object or a list of objects, read as JSON lines) or from
    uploaded files, through the readers' registry (READERS_API.md): any format `accord ingest`
    reads. Returns (articles, rejected, skipped)."""
    from ..readers import Rejection, Skip, read_sources, source_from_bytes

    articles: list[Article] = []
    rejected: list[dict[str, str]] = []
    skipped: list[dict[str, str]] = []
    for name, payload in uploads:
        if name == "body":
            items = payload if isinstance(payload, list) else [payload]
            if not items:
                raise HTTPException(400, "body: an empty list holds no articles")
            name = "body.jsonl"
            payload = "\n".join(json.dumps(item, ensure_ascii=False) for item in items).encode("utf-8")
        stem = name.rsplit("/", 1)[-1].split(".", 1)[0] or "upload"
        source = source_from_bytes(payload, origin=f"upload:{name}", name=name, id_base=stem,
                                   location=None)
        for item in read_sources([source]):
            if isinstance(item, Rejection):
                rejected.append({"input": item.origin, "reason": item.reason})
            elif isinstance(item, Skip):
                skipped.append({"input": item.origin, "kind": item.kind})
            elif isinstance(item, Article):
                articles.append(item)
    return articles, rejected, skipped


def ingest_upload(state: Any, uploads: list[tuple[str, Any]]) -> dict[str, Any]:
    """Code and store what was posted, the way `accord ingest` does (`accord.service.ingest.routed`):
    an exact or near-copy of a stored or earlier article is not parsed, only linked; an article
    stored unchanged under its id is not parsed either (a "duplicate", with `UNCHANGED_NOTE`)."""
    from ..pipeline import StageFailure, default_pipeline
    from ..readers.language import is_coded
    from ..service.ingest import routed
    from ..store.base import sent_unchanged

    articles, rejected, skipped = _articles(uploads)
    # "copy": near-copies of stored articles (kept and linked, without records); "duplicate_of": the
    # stored article each copy or duplicate is one of; "not_english": articles stored with their
    # language ("languages") and no records; "notes": what else the store did.
    outcome: dict[str, Any] = {"stored": [], "updated": [], "copy": [], "duplicate": [],
                               "not_english": [], "skipped": skipped, "rejected": rejected,
                               "duplicate_of": {}, "languages": {}, "notes": {}}
    if not articles:
        return outcome
    with state.write_lock:
        store = state.store

        def code(to_code: Any) -> Any:
            # The model is loaded when the first article is to be coded: a post of stored,
            # unchanged articles or of near-copies loads none (as `accord ingest` re-runs).
            source = iter(to_code)
            head = list(islice(source, 1))
            if not head:
                return
            if state.pipeline is None:
                state.pipeline = default_pipeline()
            yield from state.pipeline.process(chain(head, source))

        languages = {a.id: a.language for a in articles if not is_coded(a.language)}
        unchanged: set[str] = set()  # ids sent uncoded because they are stored as they are

        def documents() -> Any:
            for result in routed(articles, store, code, skip_unchanged=True):
                if isinstance(result, StageFailure):
                    outcome["rejected"].append({"input": result.article.origin or result.article.id,
                                                "reason": str(result)})
                else:
                    if sent_unchanged(result):
                        unchanged.add(result.id)
                    yield result

        def not_stored(document: Any, exc: Exception) -> None:
            outcome["rejected"].append({"input": document.id, "reason": f"not stored: {exc}"})

        for done in store.ingest_many(documents(), on_error=not_stored):
            language = languages.get(done.article_id)
            if language and done.status != "duplicate":
                outcome["not_english"].append(done.article_id)  # as `accord ingest` counts them
                outcome["languages"][done.article_id] = language
            else:
                outcome[done.status].append(done.article_id)
            if done.duplicate_of:
                outcome["duplicate_of"][done.article_id] = done.duplicate_of
            if done.note:
                outcome["notes"][done.article_id] = done.note
            elif done.status == "duplicate" and done.article_id in unchanged:
                outcome["notes"][done.article_id] = UNCHANGED_NOTE
    return outcome
