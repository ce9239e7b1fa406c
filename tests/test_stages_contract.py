"""The stage contract: each stage declares what it reads and writes on the Document, writes only
that, and keeps no per-document state (documents interleaved through one stage object give the
same records as one at a time)."""

from __future__ import annotations

import copy
import json
from concurrent.futures import ThreadPoolExecutor

import pytest

from accord.model import Article, Document
from accord.stage import Stage, StageOrderError, check_stage_order

TEXTS = [
    ("a", "2026-02-04", "Chinese President Xi Jinping held a video call with Russian President Vladimir Putin on "
                        "Wednesday. “We are good partners,” Xi said. The Kremlin said the two leaders discussed Ukraine."),
    ("b", "2019-06-01", "The US president met NATO's secretary general in Brussels on Monday. He said the alliance "
                        "must spend more. Police in Lagos arrested 12 protesters, a spokesman said."),
    ("c", "2018-03-10", "Julie and Brian Hambleton spoke to reporters. “We want justice,” Julie Hambleton said. "
                        "Mr Conway, a criminal lawyer, said he had been recruited in Dublin."),
    ("d", "2022-11-20", "Iranian security forces fired on protesters in Zahedan, rights groups said. The foreign "
                        "ministry summoned the British ambassador. It accused London of interference."),
]


@pytest.fixture(scope="module")
def stages():
    from accord.pipeline import Pipeline

    return Pipeline.default(nlp=object()).stages  # the parse is not needed to build the stages


def _parsed(nlp, key, date, text):
    document = Document(Article(id=key, text=text, date=date))
    document.doc = nlp(text)
    return document


def _records(document) -> str:
    return json.dumps(list(document.records()), sort_keys=True, default=str)


def test_every_stage_declares_reads_and_writes(stages):
    assert [s.name for s in stages] == ["actors", "time", "events", "quotes"]
    for s in stages:
        assert s.writes, s.name
        assert set(s.reads) >= {"doc"}, s.name
    check_stage_order(stages)  # the default order is valid


def test_a_stage_reading_what_no_earlier_stage_writes_is_refused(stages):
    actors, time, events, quotes = stages
    with pytest.raises(StageOrderError, match="events.*mentions"):
        check_stage_order([events, actors, time, quotes])

    class Misdeclared(Stage):
        name = "odd"
        reads = ("doc", "no_such_field")

    with pytest.raises(StageOrderError, match="no_such_field"):
        check_stage_order([Misdeclared()])


def test_each_stage_writes_only_what_it_declares(nlp, stages):
    document = _parsed(nlp, *TEXTS[1])
    fields = ("article", "doc", "mentions", "timexes", "events", "quotes", "detections")
    for stage in stages:
        before = {f: (id(getattr(document, f)), copy.copy(getattr(document, f))) for f in fields if f != "doc"}
        doc_id = id(document.doc)
        stage.process_document(document)
        for f, (ident, value) in before.items():
            if f in stage.writes:
                continue
            assert id(getattr(document, f)) == ident and getattr(document, f) == value, (stage.name, f)
        assert id(document.doc) == doc_id
        assert any(getattr(document, f) for f in stage.writes), (stage.name, "wrote nothing")


def _state(stage) -> dict:
    return {k: id(v) for k, v in vars(stage).items()}


def test_stages_keep_no_per_document_state(nlp, stages):
    # One at a time, each document through all stages.
    alone = {}
    for key, date, text in TEXTS:
        document = _parsed(nlp, key, date, text)
        for stage in stages:
            stage.process_document(document)
        alone[key] = _records(document)
    state = [_state(s) for s in stages]

    # Interleaved: stage by stage, the documents taking turns, in reverse order.
    documents = [_parsed(nlp, *t) for t in reversed(TEXTS)]
    for stage in stages:
        for document in documents:
            stage.process_document(document)
    assert {d.id: _records(d) for d in documents} == alone

    # Concurrently: several threads through the same stage objects at once.
    def run(document):
        for stage in stages:
            stage.process_document(document)
        return document.id, _records(document)

    documents = [_parsed(nlp, *t) for t in TEXTS * 3]  # parsed first: the stages run at once
    with ThreadPoolExecutor(max_workers=4) as pool:
        for key, records in pool.map(run, documents):
            assert records == alone[key], key

    # No attribute was set or replaced on a stage by processing documents.
    assert [_state(s) for s in stages] == state
