"""`accord.workers`: N processes code, results come back in input order, faults cost one chunk."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time

import pytest

from accord.model import Article, Document
from accord.pipeline import Pipeline, StageFailure
from accord.stage import Stage
from accord.workers import WorkerStartError, code_articles

pytestmark = pytest.mark.slow


class Marks(Stage):
    """A light stage: notes who coded the article; sleeps, dies or exits on request."""

    name = "marks"

    def process_document(self, document):
        text = document.article.text
        if "poison" in text:
            os.kill(os.getpid(), signal.SIGKILL)  # as the kernel's OOM killer would
        if "slow" in text:
            time.sleep(0.3)
        if "stall" in text:
            time.sleep(3)
        document.article.source = f"pid {os.getpid()}"
        document.article.title = repr(time.time())  # when it was coded


def light_pipeline(limits, policy):
    import spacy

    return Pipeline([Marks()], spacy.blank("en"), limits)


def broken_pipeline(limits, policy):
    raise OSError("no model here")


def articles(n, **special):
    return [Article(f"a{i:03d}", special.get(str(i), f"Article number {i}."), date="2026-01-01")
            for i in range(n)]


def test_results_come_back_in_input_order_whoever_finishes_first():
    # Every other chunk is slow, so the workers finish out of order.
    arts = [Article(f"a{i:03d}", f"Article {i}" + (" slow" if (i // 8) % 2 == 0 else ""))
            for i in range(64)]
    results = list(code_articles(arts, workers=2, factory=light_pipeline))
    assert [r.id for r in results] == [a.id for a in arts]
    assert all(isinstance(r, Document) for r in results)
    assert len({r.article.source for r in results}) == 2  # both workers did some


def test_a_killed_worker_is_replaced_and_its_chunk_coded_again():
    arts = [Article(f"a{i:03d}", f"Article {i} slow") for i in range(48)]
    results = []
    killed = None
    for result in code_articles(arts, workers=2, factory=light_pipeline):
        results.append(result)
        if killed is None:
            victim = multiprocessing.active_children()[0]
            os.kill(victim.pid, signal.SIGKILL)
            killed = victim.pid
    assert [r.id for r in results] == [a.id for a in arts]
    assert all(isinstance(r, Document) for r in results)
    assert f"pid {killed}" not in {r.article.source for r in results[8 * 4:]}


def test_an_article_that_kills_its_worker_fails_alone():
    arts = articles(30, **{"11": "This one is poison."})
    results = list(code_articles(arts, workers=2, factory=light_pipeline))
    assert [r.article.id for r in results] == [a.id for a in arts]
    failed = [r for r in results if isinstance(r, StageFailure)]
    assert [f.article.id for f in failed] == ["a011"]
    assert failed[0].stage == "worker" and "died twice" in failed[0].reason
    assert multiprocessing.active_children() == []  # the workers are gone once it is over


def test_a_worker_that_cannot_start_is_a_clear_error():
    with pytest.raises(WorkerStartError, match="no model here"):
        list(code_articles(articles(20), workers=1, factory=broken_pipeline))
    assert multiprocessing.active_children() == []


def test_nothing_to_code_starts_no_worker_and_loads_nothing(monkeypatch):
    # A re-run whose articles are all stored sends none: no model load, no worker process.
    import accord.pipeline

    def no_model(*args, **kwargs):
        raise AssertionError("a pipeline was built")

    monkeypatch.setattr(accord.pipeline, "default_pipeline", no_model)
    monkeypatch.setattr(accord.pipeline.Pipeline, "default", no_model)
    for workers in (None, 0, 1):
        assert list(code_articles(iter([]), workers=workers, factory=broken_pipeline)) == []
    assert multiprocessing.active_children() == []


def test_stopping_early_stops_the_workers():
    results = code_articles(articles(200), workers=2, factory=light_pipeline)
    assert next(results).id == "a000"
    results.close()
    assert multiprocessing.active_children() == []


def test_two_workers_give_the_same_records_as_one_process(nlp, example_path):
    from accord.readers import read_inputs

    [founding] = list(read_inputs([example_path]))
    texts = [
        "Chinese President Xi Jinping held a video call with Russian President Vladimir Putin.",
        "Ukrainian forces shelled positions near Donetsk in May, officials said.",
        "Secretary of State Marco Rubio said the United States would not send troops.",
        "Officials in Kyiv accused Russia of attacking Kharkiv on Sunday. The Kremlin denied it.",
    ]
    arts = [founding] + [Article(f"t{i}", texts[i % 4] + f" Copy {i}.", date="2025-06-03")
                         for i in range(20)]
    one = list(Pipeline.default(nlp).process(arts))
    two = list(code_articles(arts, workers=2))
    assert [list(d.records()) for d in two] == [list(d.records()) for d in one]
    assert sum(len(d.events) for d in two) > 20


FRENCH = ("Le président de la République a reçu mardi à l'Élysée le Premier ministre italien pour "
          "évoquer la situation en Ukraine et la coopération européenne en matière de défense.")
ENGLISH = "Chinese President Xi Jinping held a video call with Russian President Vladimir Putin."


@pytest.mark.parametrize("workers", [0, 2])
def test_the_language_is_told_where_the_article_is_coded(workers):
    # The reader left it unset (ReadOptions(detect_language=False)); the caller's own article
    # objects come back with it, and a language given is kept.
    arts = [Article(f"a{i:03d}", FRENCH if i % 5 == 2 else ENGLISH) for i in range(20)]
    arts[7].language = "de"
    pipeline = light_pipeline(None, None) if workers == 0 else None
    results = list(code_articles(arts, workers=workers, factory=light_pipeline, pipeline=pipeline,
                                 detect_language=True))
    assert [r.article for r in results] == arts and all(r.article is a for r, a in zip(results, arts))
    assert [a.language for a in arts] == [
        "de" if i == 7 else "fr" if i % 5 == 2 else "en" for i in range(20)]


def test_without_detection_the_language_stays_as_read():
    arts = articles(20)
    results = list(code_articles(arts, workers=2, factory=light_pipeline))
    assert [r.article.language for r in results] == [None] * 20


def test_a_slow_article_does_not_idle_the_other_workers():
    # The first article takes long; the other worker goes on with the articles after it, far
    # past a few chunks, while the caller waits for the first one's turn.
    arts = articles(400, **{"0": "This one will stall."})
    results = list(code_articles(arts, workers=2, factory=light_pipeline))
    assert [r.id for r in results] == [a.id for a in arts]
    first_done = float(results[0].article.title)
    ahead = [r for r in results[1:] if float(r.article.title) < first_done]
    assert len(ahead) > 100  # held to 8 chunks (64 articles) before
