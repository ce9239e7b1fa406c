"""Run chosen stages on a short text, for stage-level tests; run `accord serve` on 127.0.0.1."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

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


@contextmanager
def accord_serve(db, log: Path, *args: str, timeout: float = 60):
    """`accord serve --db DB` in its own process on 127.0.0.1 and a free port (more options in
    `args`, e.g. "--write-token", "T"); yields its base URL once /api/summary answers, and
    stops it after. Its output goes to `log`, shown if it does not start."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ, ACCORD_LOG_LEVEL="warning")
    with open(log, "wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "accord.cli.main", "serve", "--db", str(db),
                                 "--host", "127.0.0.1", "--port", str(port), *args],
                                stdout=out, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(base + "/api/summary", timeout=2) as r:
                if r.status == 200:
                    break
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            raise RuntimeError(f"accord serve did not start: {log.read_text(errors='replace')}")
        time.sleep(0.2)
    try:
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
