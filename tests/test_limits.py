"""Long articles in bounded pieces, the length limit and the per-article time budget."""

from __future__ import annotations

import time

import pytest

from accord.limits import Limits
from accord.model import Article, Document
from accord.pieces import split_pieces
from accord.pipeline import Pipeline, StageFailure, TooLong
from accord.stage import Stage

PARAGRAPHS = [
    "Chinese President Xi Jinping held a video call with Russian President Vladimir Putin on "
    "Wednesday. \"Our ties are at their best,\" Putin said.",
    "Ukrainian forces shelled positions near Donetsk in May. Secretary of State Marco Rubio said "
    "the United States would not send troops.",
    "Officials in Kyiv accused Russia of attacking Kharkiv on Sunday. The Kremlin denied it.",
]


def test_split_pieces_cuts_at_paragraphs_and_covers_the_text():
    text = "\n\n".join(PARAGRAPHS)
    pieces = split_pieces(text, 160)
    assert [text[a:b].strip() for a, b in pieces] == PARAGRAPHS
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(b == c for (_, b), (c, _) in zip(pieces, pieces[1:]))


def test_split_pieces_without_paragraphs_cuts_at_sentences_then_spaces_then_anywhere():
    text = "One sentence here. Another one there. " * 40
    pieces = split_pieces(text, 100)
    assert all(b - a <= 100 for a, b in pieces)
    assert all(text[b - 2:b] == ". " for _, b in pieces[:-1])
    words = "word " * 100
    assert all(words[b - 1] == " " for _, b in split_pieces(words, 33)[:-1])
    blob = "x" * 250
    assert split_pieces(blob, 100) == [(0, 100), (100, 200), (200, 250)]
    assert split_pieces("", 10) == [(0, 0)]


def shifted(records, chars):
    out = []
    for r in records:
        r = dict(r)
        if "span" in r:
            r["span"] = [r["span"][0] + chars, r["span"][1] + chars]
        for key in ("source", "target", "speaker", "actor", "location", "trigger"):
            if isinstance(r.get(key), dict):
                r[key] = {**r[key], "span": [r[key]["span"][0] + chars, r[key]["span"][1] + chars]}
        r.pop("id", None)
        r.pop("article_id", None)
        r.pop("sentence", None)
        out.append(r)
    return out


def comparable(records):
    return sorted((repr(sorted(r.items())) for r in records))


def test_a_long_article_is_coded_in_pieces_with_article_offsets(nlp):
    text = "\n\n".join(PARAGRAPHS)
    pipeline = Pipeline.default(nlp, limits=Limits(piece_chars=160))
    [long] = list(pipeline.process([Article("long", text, date="2026-02-04")]))
    assert isinstance(long, Document) and long.doc is None
    # Each piece's records are what the piece gives coded as an article of its own, moved to
    # where the piece starts.
    expected = []
    whole = Pipeline.default(nlp)
    for n, (a, b) in enumerate(split_pieces(text, 160)):
        [piece] = list(whole.process([Article(f"p{n}", text[a:b], date="2026-02-04")]))
        expected += shifted([r for r in piece.records() if r["kind"] != "article"], a)
    got = [r for r in long.records() if r["kind"] != "article"]
    assert comparable(shifted(got, 0)) == comparable(expected)
    assert {r["article_id"] for r in got} == {"long"}
    assert len({e.id for e in long.events}) == len(long.events) >= 3
    for e in long.events:
        assert text[e.trigger.span[0]:e.trigger.span[1]] == e.trigger.text
        if e.source:
            assert text[e.source.span[0]:e.source.span[1]] == e.source.text
    for m in long.mentions:
        assert text[m.span[0]:m.span[1]] == m.text
    for q in long.quotes:
        assert text[q.span[0]:q.span[1]] == q.text
    # Sentence numbers count from the start of the article: the Kharkiv sentence is the fifth.
    kyiv = [e for e in long.events if "Kharkiv" in e.evidence]
    assert kyiv and all(e.sentence == 4 for e in kyiv)
    # The same article twice gives the same ids.
    [again] = list(pipeline.process([Article("long", text, date="2026-02-04")]))
    assert [e.id for e in again.events] == [e.id for e in long.events]


def test_an_article_over_the_limit_is_rejected_naming_the_limit(nlp):
    pipeline = Pipeline.default(nlp, limits=Limits(max_article_chars=100, piece_chars=50))
    arts = [Article("short", "Putin spoke."), Article("huge", "word " * 30, origin="huge.txt"),
            Article("after", "Xi Jinping spoke.")]
    results = list(pipeline.process(arts))
    assert [type(r) for r in results] == [Document, TooLong, Document]
    assert str(results[1]) == ("huge.txt: not coded: 150 characters, over the limit of 100 "
                               "(max_article_chars)")


class Slow(Stage):
    name = "slow"

    def process_document(self, document):
        if "stall" in document.article.text:
            while True:  # a stage stuck in a loop: only the timer can stop it
                time.sleep(0.01)


class SlowButCatchesEverything(Stage):
    name = "greedy"

    def process_document(self, document):
        if "stall" in document.article.text:
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline:
                try:
                    time.sleep(0.01)
                except Exception:  # a stage's own handler must not swallow the budget
                    pass


@pytest.mark.parametrize("stage", [Slow(), SlowButCatchesEverything()])
def test_a_stage_over_the_time_budget_fails_that_article_alone(nlp, stage):
    from accord.actors import ActorStage

    pipeline = Pipeline([ActorStage(), stage], nlp, limits=Limits(time_budget=0.3))
    arts = [Article("a", "Putin spoke."), Article("b", "Xi will stall the talks."),
            Article("c", "Xi Jinping spoke.")]
    started = time.monotonic()
    results = list(pipeline.process(arts))
    assert time.monotonic() - started < 4
    assert [type(r) for r in results] == [Document, StageFailure, Document]
    assert results[1].stage == stage.name
    assert "over the time budget of 0.3 s per piece of text (time_budget" in str(results[1])
    assert results[2].mentions[0].actor.name == "Xi Jinping"


def test_limits_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("ACCORD_MAX_ARTICLE_CHARS", "5000")
    monkeypatch.setenv("ACCORD_TIME_BUDGET", "2.5")
    limits = Limits.from_settings()
    assert limits.max_article_chars == 5000 and limits.time_budget == 2.5
    assert limits.piece_chars == 5000  # never more than the article limit
    monkeypatch.setenv("ACCORD_TIME_BUDGET", "soon")
    with pytest.raises(ValueError, match="time_budget must be a number"):
        Limits.from_settings()
