"""The event verifier (accord.events.verifier): a learned confidence for candidate events, its
training script (tools/train_verifier.py) and its packaged weights. Since 2026-12-08 it no longer
sets the records' confidence or the default threshold (accord.events.signals does:
tests/test_policy_signals.py, docs/record-policy-2026-12-08.md); the trainer and its weights stay
for measuring.

Retraining runs the pipeline over the labelled data (minutes): too long for the suite. The tests
check that the packaged files are what the script writes from the data in the repository (data
checksums, parameters, feature version, the weights' own bytes, the threshold following the
recorded rule from the recorded curve); `tools/train_verifier.py --check` refits in full and also
notices a changed coder.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
from importlib.resources import files
from pathlib import Path

import numpy as np
import pytest

from accord.events import verifier as V
from accord.events.policy import RecordPolicy, packaged_threshold
from conftest import shared_path

REPO = Path(__file__).resolve().parents[1]
RESOURCES = files("accord").joinpath("resources", "events")


def _trainer():
    spec = importlib.util.spec_from_file_location("train_verifier", REPO / "tools" / "train_verifier.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["train_verifier"] = module
    spec.loader.exec_module(module)
    return module


def _meta() -> dict:
    return json.loads(RESOURCES.joinpath(V.META_FILE).read_text(encoding="utf-8"))


def test_packaged_verifier_loads():
    v = V.Verifier.default()
    assert v is not None and v.meta["feature_version"] == V.FEATURE_VERSION
    assert v.weights.shape == (len(v.names),) and np.isfinite(v.weights).all() and np.isfinite(v.bias)
    a, _ = v.calibration
    assert a > 0  # calibration keeps the order of the model's scores
    # the default threshold is the record policy's now, not the verifier's
    assert packaged_threshold() == RecordPolicy.packaged().min_confidence


def test_packaged_verifier_is_what_the_training_script_writes():
    trainer = _trainer()
    meta = _meta()
    blob = RESOURCES.joinpath(V.MODEL_FILE).read_bytes()
    assert hashlib.sha256(blob).hexdigest() == meta["weights_sha256"]
    v = V.Verifier.default()
    assert trainer.npz_bytes(v.weights, v.bias) == blob
    assert meta["parameters"] == trainer.parameters(meta["feature_version"])
    assert meta["lambda"] in trainer.LAMBDAS and meta["conflibert_weight"] in trainer.CONFLIBERT_WEIGHTS
    # The default threshold is the recorded rule applied to the recorded held-out curve.
    assert meta["threshold"] == trainer.choose_threshold(meta["heldout_curve"])
    shared = shared_path("data", "conflibert-cameo-train").parents[1]
    current = trainer.data_checksums(shared)
    for name in ("conflibert_ner", "conflibert_classes", "wikinews_csv"):
        assert current[name] == meta["data_sha256"][name], f"{name} changed: retrain the verifier"


def test_confidence_is_calibrated_on_the_tuning_data():
    """Out of fold, on the data it was calibrated on: records at a confidence are about that often
    right (bins of at least 50 candidates)."""
    rows = [r for r in _meta()["oof_reliability"] if r["candidates"] >= 50]
    assert rows
    for r in rows:
        assert abs(r["mean_confidence"] - r["share_right"]) < 0.12, r


def test_features_from_the_finished_document(nlp):
    """The training script computes features from finished documents (no parse)."""
    import accord

    doc = accord.extract("Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Sochi "
                         "on Sunday. Germany criticized Iran, and Israel threatened to strike Iran.",
                         date="2026-02-04", min_confidence=0.0, statements=True)
    v = V.Verifier.default()
    assert doc.events and doc.doc is None
    for e in doc.events:
        f = V.candidate_features(e, doc, doc.events)
        assert f[f"root={e.cameo[:2]}"] == 1.0 and f[f"modality={e.modality}"] == 1.0
        assert 0.0 < v.confidence(f) < 1.0


def test_fitting_is_deterministic_and_learns():
    trainer = _trainer()
    rng = np.random.default_rng(0)
    X = (rng.random((300, 6)) > 0.5).astype(float)
    y = ((X[:, 0] + X[:, 1] - X[:, 2] + 0.3 * rng.normal(size=300)) > 0.5).astype(float)
    w = np.ones(300)
    a, b = trainer.fit(X, y, w, 1.0), trainer.fit(X, y, w, 1.0)
    assert np.array_equal(a[0], b[0]) and a[1] == b[1]
    assert ((V.sigmoid(X @ a[0] + a[1]) > 0.5) == (y > 0.5)).mean() > 0.85
    assert a[0][0] > 0 and a[0][2] < 0
    pa, pb = trainer.platt(X @ a[0] + a[1], y)
    assert pa > 0


def test_threshold_rule():
    trainer = _trainer()
    row = lambda t, p, n: {"threshold": t, "precision": p, "records": n, "f0.5": p * 0.5}  # noqa: E731
    curve = [row(0.1, 0.5, 100), row(0.2, 0.81, 10), row(0.3, 0.82, 40), row(0.4, 0.9, 30)]
    assert trainer.choose_threshold(curve) == 0.3  # the first with the precision and enough records
    assert trainer.choose_threshold([row(0.1, 0.5, 100), row(0.2, 0.6, 50)]) == 0.2  # else the best F0.5


def test_conflibert_judgments():
    trainer = _trainer()
    rec = lambda src, tgt, cameo="190": {"cameo": cameo, "source": src and {"span": src},  # noqa: E731
                                         "target": tgt and {"span": tgt}}
    gold = {"S": [(0, 12)], "T": [(22, 35)], "R": []}
    assert trainer._judge_conflibert(rec((0, 5), (22, 30)), gold, 4) is True
    assert trainer._judge_conflibert(rec((0, 5), (22, 30), "111"), gold, 4) is False  # class
    assert trainer._judge_conflibert(rec((0, 5), None), gold, 4) is False  # the target is missing
    assert trainer._judge_conflibert(rec((40, 45), (50, 60)), gold, 4) is None  # another event
    reciprocal = {"S": [], "T": [], "R": [(0, 7), (12, 18)]}
    assert trainer._judge_conflibert(rec((0, 7), (12, 18), "040"), reciprocal, 1) is True
    assert trainer._class_offsets("a , b", "a, b") == {0: 0, 2: 1, 4: 3}


def test_wikinews_training_parts_are_development_parts_only():
    trainer = _trainer()
    assert trainer.wikinews_sources(("A", "C", "D", "E", "F")) == {"wikinews-A", "wikinews-C", "wikinews-D",
                                                                    "wikinews-E", "wikinews-F"}
    with pytest.raises(ValueError, match="not development data"):
        trainer.wikinews_sources(("A", "B"))  # part B is held out: never trained on
    with pytest.raises(ValueError, match="not development data"):
        trainer.wikinews_sources(("G",))


def test_out_of_fold_on_ordinary_news_scores_every_development_part_and_fits_only_the_chosen():
    trainer = _trainer()
    rng = np.random.default_rng(1)

    def items(flip_c=False):
        out = []
        for n in range(400):
            source = ("wikinews-A", "wikinews-C", "conflibert-dev", "wikinews-B")[n % 4]
            x = float(rng.random() > 0.5)
            right = bool(x) if rng.random() > 0.15 else not x
            if flip_c and source == "wikinews-C":
                right = not right
            out.append(trainer.Item(source, f"g{n}", n % trainer.FOLDS, {"x": x, "always": 1.0}, right, False, {}))
        return out

    rng = np.random.default_rng(1)
    data = items()
    only_a = trainer.ordinary_news_oof(data, 1.0, 1.0, ("A",))
    both = trainer.ordinary_news_oof(data, 1.0, 1.0, ("A", "C"))
    assert {it.source for it in only_a["items"]} == {"wikinews-A", "wikinews-C"}  # part B is never scored here
    assert only_a["trained_on"] == ["wikinews-A", "conflibert-dev"]
    assert only_a["oof_auc"] > 0.75 and both["oof_auc"] > 0.75
    assert trainer.ordinary_news_oof(data, 1.0, 1.0, ("A", "C"))["oof_auc"] == both["oof_auc"]  # deterministic
    # A part predicted but not fitted on does not change the model: flipping its judgments leaves
    # part A's out-of-fold ranking as it was; fitting on it does change it.
    rng = np.random.default_rng(1)
    flipped = items(flip_c=True)
    assert trainer.ordinary_news_oof(flipped, 1.0, 1.0, ("A",))["by_part"]["wikinews-A"] == only_a["by_part"]["wikinews-A"]
    assert trainer.ordinary_news_oof(flipped, 1.0, 1.0, ("A", "C"))["by_part"]["wikinews-A"] != both["by_part"]["wikinews-A"]


def test_judged_records_carry_their_judgment_to_equal_candidates_only():
    """A careful coder's judgment of a record labels today's candidate when the candidate equals it
    (same article, sentence, trigger and judged fields); a candidate repeating every field the
    judgment found wrong is wrong too; any other candidate is not judged by it."""
    trainer = _trainer()
    judged = trainer.judgments()
    assert len(judged) > 200 and any(judged.right.values()) and not all(judged.right.values())
    actor = lambda code, span: {"text": "x", "span": span, "name": None, "code": code, "country": code[:3],  # noqa: E731
                                "sector": None}
    rec = {"sentence": 3, "trigger": {"text": "hit", "span": [10, 13]}, "source": actor("USAGOV", [0, 5]),
           "target": actor("RUSGOV", [14, 20]), "cameo": "190", "announced_cameo": None, "negated": False,
           "modality": "asserted", "date": "2019-01-02"}
    j = trainer.Judgments({trainer.judged_key(7, rec): True}, {})
    assert j.of(7, dict(rec)) == (True, "judged")
    assert j.of(8, dict(rec)) is None  # another article
    assert j.of(7, {**rec, "date": "2019-01-01"}) is None  # a judged field differs: not that record
    wrong = trainer.Judgments({}, {trainer._trigger_key(7, rec): [{"target": rec["target"]}]})
    assert wrong.of(7, {**rec, "date": None}) == (False, "judged-wrong-fields")  # the wrong target again
    assert wrong.of(7, {**rec, "target": None}) is None  # the wrong field changed: unknown


def test_feature_version_2_generalises_beyond_the_patterns(nlp):
    """Version 2 names no three-digit code and none of the rule's steps (they memorised the
    development articles) and has resolution classes, date basis and actors' distance; version 1
    (the packaged weights') is unchanged by it."""
    import accord

    doc = accord.extract("Germany criticized Iran on Monday. Israel threatened to strike Iran.",
                         date="2026-02-04", min_confidence=0.0, statements=True)
    assert doc.events
    for e in doc.events:
        assert f"code={e.cameo[:3]}" in V.candidate_features(e, doc, doc.events, version=1)
        f = V.candidate_features(e, doc, doc.events, version=2)
        assert not any(k.startswith(("code=", "step=")) or "_via=" in k for k in f)
        assert f"quad={e.quad_class}" in f and any(k.startswith("src_class=") for k in f)
        assert 0.0 <= f["position"] <= 1.0


def test_wikinews_candidates_carry_both_rules_labels_and_train_on_the_chosen(nlp):
    """A candidate the lenient rule counts right and a careful coder would not (dated by publication
    where the gold event gives no date) is right by `rule="lenient"`, wrong by `rule="strict"`, and
    carries both labels either way."""
    import accord

    trainer = _trainer()
    doc = accord.extract("Germany criticized Iran on Monday.", date="2026-02-04", min_confidence=0.0, statements=True)
    records = [r for r in doc.records() if r["kind"] == "event"]
    rec = next(r for r in records if r["date"] is not None)
    gold = {"sentence_start": 0, "sentence_end": len(doc.article.text), "cameo": rec["cameo"],
            "announced_cameo": rec["announced_cameo"], "source": rec["source"], "target": rec["target"],
            "negated": rec["negated"], "modality": rec["modality"], "date": None}
    article = 6 * 100000  # an article nobody judged (part A's index rule)
    by_rule = {}
    for rule in ("lenient", "strict"):
        items, articles = trainer.wikinews_items({article: "A"}, {article: doc}, {article: [gold]}, verbose=False, rule=rule)
        assert articles == {"A": {article: [gold]}}
        it = next(i for i in items if i.record == rec)
        assert it.labels == {"lenient": True, "strict": False} and it.label == "gold"
        by_rule[rule] = it.right
    assert by_rule == {"lenient": True, "strict": False}
    with pytest.raises(ValueError, match="matching rule"):
        trainer.wikinews_items({article: "A"}, {article: doc}, {article: [gold]}, verbose=False, rule="loose")


def test_leave_one_part_out_never_fits_the_part_it_predicts():
    trainer = _trainer()
    rng = np.random.default_rng(2)

    def items(flip_c=False):
        out = []
        for n in range(500):
            source = ("wikinews-A", "wikinews-C", "wikinews-D", "conflibert-dev", "wikinews-B")[n % 5]
            x = float(rng.random() > 0.5)
            lenient = bool(x) if rng.random() > 0.15 else not x
            strict = not lenient if source != "conflibert-dev" else lenient  # the rules disagree on news
            if flip_c and source == "wikinews-C":
                lenient, strict = not lenient, not strict
            labels = None if source == "conflibert-dev" else {"lenient": lenient, "strict": strict}
            out.append(trainer.Item(source, f"g{n}", n % trainer.FOLDS, {"x": x, "always": 1.0}, lenient, False, {},
                                    labels=labels))
        return out

    data = items()
    r = trainer.leave_one_part_out(data, 1.0, 0.0, "lenient", "lenient", ("A", "C", "D"))
    assert set(r["by_part"]) == {"wikinews-A", "wikinews-C", "wikinews-D"}  # part B is never predicted
    assert {it.source for it in r["items"]} == {"wikinews-A", "wikinews-C", "wikinews-D"}
    assert r["mean_auc"] > 0.75
    # fitted on one rule's labels, scored on the other's: the ranking is reversed
    assert trainer.leave_one_part_out(data, 1.0, 0.0, "lenient", "strict", ("A", "C", "D"))["mean_auc"] < 0.25
    assert trainer.leave_one_part_out(data, 1.0, 0.0, "strict", "strict", ("A", "C", "D"))["mean_auc"] > 0.75
    # flipping part C's labels leaves C's predictions as they were (C never fits the model predicting it)
    rng = np.random.default_rng(2)
    flipped = trainer.leave_one_part_out(items(flip_c=True), 1.0, 0.0, "lenient", "lenient", ("A", "C", "D"))
    assert flipped["by_part"]["wikinews-C"]["auc"] == pytest.approx(1 - r["by_part"]["wikinews-C"]["auc"])
