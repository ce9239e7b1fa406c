"""Run chosen stages on a short text, for stage-level tests."""

from __future__ import annotations

from functools import lru_cache

from accord.model import Article, Document


@lru_cache(maxsize=1)
def stages():
    """The four stages; the events stage keeps every candidate the coder makes (confidence
    threshold 0, bare statements left out as by default): stage tests test the coder, the
    record policy is tested in test_record_policy.py and measured by `accord eval events`."""
    from accord.actors import ActorStage
    from accord.events import EventStage
    from accord.events.policy import RecordPolicy
    from accord.quotes import QuoteStage
    from accord.time import TimeStage

    return {"actors": ActorStage(), "time": TimeStage(), "events": EventStage(RecordPolicy(min_confidence=0.0)),
            "quotes": QuoteStage()}


def run_stages(nlp, text: str, date: str | None = "2026-02-04", names=("actors", "time", "events", "quotes")) -> Document:
    document = Document(Article(id="t", text=text, date=date))
    document.doc = nlp(text)
    for name in names:
        stages()[name].process_document(document)
    return document


def candidates(nlp, text: str, date: str | None) -> list:
    """Every event candidate the coder makes on `text` (actors, time and events run; any
    confidence, bare statements left out): what the coder-class tests read, not the records."""
    from accord.events.policy import RecordPolicy

    stage = stages()["events"]
    saved, stage.policy = stage.policy, RecordPolicy(min_confidence=0.0, statements=False)
    try:
        return run_stages(nlp, text, date, names=("actors", "time", "events")).events
    finally:
        stage.policy = saved
