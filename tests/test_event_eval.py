"""The event scorer on ConfliBERT-style span files: reciprocal participants (R) are scored apart."""

from __future__ import annotations


def test_reciprocal_participants_are_scored_as_participants_not_targets(nlp, tmp_path):
    from accord.evaluation.conll import Sentence
    from accord.evaluation.events import evaluate_conflibert_spans
    from accord.pipeline import Pipeline

    rows = [
        ("Germany B-R|met O|France B-R|. O"),
        ("Iraqi B-S|troops I-S|attacked O|Kurdish B-T|rebels I-T|. O"),
    ]
    folder = tmp_path / "data" / "conflibert-cameo-train"
    folder.mkdir(parents=True)
    text = "\n\n".join("\n".join(pair.replace(" ", " ") for pair in row.split("|")) for row in rows) + "\n"
    (folder / "cameo_ner_train.txt").write_text(text, encoding="utf-8")
    assert Sentence(["Germany", "met", "France"], ["B-R", "O", "B-R"]).spans() == [("R", 0, 1), ("R", 2, 3)]

    scores = evaluate_conflibert_spans(tmp_path, Pipeline.default(nlp))
    # The meeting's two sides are participants; they are neither gold sources nor gold targets.
    assert (scores["R"].n_gold, scores["R"].n_pred, scores["R"].tp_gold) == (2, 2, 2)
    assert (scores["S"].n_gold, scores["S"].n_pred, scores["S"].tp_pred) == (1, 1, 1)
    assert (scores["T"].n_gold, scores["T"].n_pred, scores["T"].tp_pred) == (1, 1, 1)
    assert scores["all"].n_gold == 4 and scores["both"].n_gold == 2
