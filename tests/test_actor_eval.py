"""Actor countries on the hand-labelled ConfliBERT sample (tests/data/actor_country_gold.tsv).

The issue's bar: a careful reader's country agrees on at least 90% of the labelled spans.
"""

from __future__ import annotations

from pathlib import Path

from conftest import shared_path

GOLD = Path(__file__).resolve().parent / "data" / "actor_country_gold.tsv"


def test_actor_country_agreement_on_labelled_sample(nlp):
    from accord.actors import ActorStage
    from accord.evaluation.actors import evaluate

    shared = shared_path("data", "conflibert-cameo-train", "cameo_ner_train.txt").parents[2]
    result = evaluate(shared, GOLD, nlp, ActorStage())
    assert result.n >= 200
    assert result.accuracy >= 0.90, [(e["span"], e["gold"], e["predicted"]) for e in result.errors]


def test_span_selection_rule_reads_the_gold_format():
    from accord.evaluation.conll import Sentence

    s = Sentence(["Iraqi", "troops", "attacked", "the", "town", "."], ["B-S", "I-S", "O", "B-T", "I-T", "O"])
    assert s.spans() == [("S", 0, 2), ("T", 3, 5)]
    assert s.offsets()[1] == (6, 12)
