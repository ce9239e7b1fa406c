"""The learned event class (accord.events.classifier), its training script and its packaged weights.

Retraining takes about 45 s (the pipeline over 1,349 sentences, then the lambda search), too long
for the suite: the test that the packaged weights are what the script produces checks what they
were produced from instead (data sha256, parameters, feature version, vectors) and the weights'
own sha256. `tools/train_event_classifier.py --check` refits and compares in full.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
from importlib.resources import files
from pathlib import Path

import numpy as np

from accord.events import classifier as C
from accord.model import Detection
from conftest import shared_path
from helpers import run_stages

REPO = Path(__file__).resolve().parents[1]
RESOURCES = files("accord").joinpath("resources", "events")


def _trainer():
    spec = importlib.util.spec_from_file_location("train_event_classifier", REPO / "tools" / "train_event_classifier.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _meta() -> dict:
    return json.loads(RESOURCES.joinpath(C.META_FILE).read_text(encoding="utf-8"))


# ------------------------------------------------------------------------------ the split
def test_split_rule_is_the_documented_hash():
    for text in ("Iraqi troops launched an assault.", "  Protesters burned\tthe flag. ", "x", "Ça va."):
        h = int.from_bytes(hashlib.sha256("".join(text.split()).encode("utf-8")).digest()[:8], "big")
        assert C.split_of(text) == ("test" if h % 5 == 0 else "train")
        assert C.cv_fold(text) == (h // 5) % 5


def test_split_is_deterministic_and_ignores_whitespace():
    text = "Russian Foreign Minister Sergei Lavrov on October 31 suggested that the plan is an attempt."
    assert C.split_of(text) == C.split_of(text)
    assert C.split_of(text) == C.split_of(text.replace(" ", "  ").replace("31 ", "31\n"))
    parts = [C.split_of(f"sentence number {n}.") for n in range(2000)]
    assert 0.15 < parts.count("test") / len(parts) < 0.25


def test_split_of_the_development_data_is_disjoint_and_complete():
    from accord.evaluation.events import conflibert_class_rows

    shared = shared_path("data", "conflibert-cameo-train", "cameo_class_train.tsv").parents[2]
    every = conflibert_class_rows(shared)
    train, test = conflibert_class_rows(shared, "train"), conflibert_class_rows(shared, "test")
    assert len(train) + len(test) == len(every)
    assert not {t for t, _ in train} & {t for t, _ in test}
    assert 0.15 < len(test) / len(every) < 0.25
    assert len(test) == _meta()["training_data"]["held_out"]


# ------------------------------------------------------------------------- the weights
def test_packaged_weights_load():
    clf = C.EventClassifier.default()
    assert clf is not None
    assert clf.weights.shape == (C.N_FEATURES, C.N_CLASSES) and clf.bias.shape == (C.N_CLASSES,)
    assert np.isfinite(clf.weights).all() and np.isfinite(clf.bias).all()
    assert clf.meta["feature_version"] == C.FEATURE_VERSION


def test_packaged_weights_are_what_the_training_script_writes():
    trainer = _trainer()
    meta = _meta()
    blob = RESOURCES.joinpath(C.MODEL_FILE).read_bytes()
    assert hashlib.sha256(blob).hexdigest() == meta["weights_sha256"]
    clf = C.EventClassifier.default()
    assert trainer.npz_bytes(clf.weights, clf.bias) == blob  # the script's own serialisation
    assert meta["parameters"] == trainer.PARAMETERS
    assert meta["lambda"] in trainer.LAMBDAS
    assert meta["features"] == [{"name": n, "size": s} for n, s in C.FEATURES]
    data = shared_path("data", "conflibert-cameo-train", "cameo_class_train.tsv")
    assert hashlib.sha256(data.read_bytes()).hexdigest() == meta["data_sha256"]


def test_training_is_deterministic():
    trainer = _trainer()
    rng = np.random.default_rng(0)
    X = rng.normal(size=(120, 7))
    y = (X[:, 0] > 0).astype(int) + 2 * (X[:, 1] > 0).astype(int)
    a, b = trainer.fit(X, y, 0.01), trainer.fit(X, y, 0.01)
    assert np.array_equal(a[0], b[0]) and np.array_equal(a[1], b[1])
    assert trainer.npz_bytes(*a) == trainer.npz_bytes(*b)
    assert (trainer.probs(a, X).argmax(axis=1) == y).mean() > 0.9


def test_weights_are_for_these_vectors(nlp):
    clf = C.EventClassifier.default()
    assert clf.meta["vectors"]["fingerprint"] == C.vectors_fingerprint(nlp.vocab)
    assert clf.usable_with(nlp.vocab)
    import spacy

    assert not clf.usable_with(spacy.blank("en").vocab)  # no vectors: the coder keeps to the rules


# ---------------------------------------------------------------------------- predicting
def test_predict_returns_a_class_and_a_probability(nlp):
    clf = C.EventClassifier.default()
    sent = next(nlp("Rebels shelled the city on Monday, killing four civilians.").sents)
    det = Detection(sentence=0, code="190", trigger=(7, 14), source_span=(0, 6), target_span=(15, 23),
                    negated=False, modality="asserted", rule="test", specificity=1)
    for d in (det, None):
        k, p = clf.predict(sent, d)
        assert k in range(C.N_CLASSES) and isinstance(k, int)
        assert 0.2 <= p <= 1.0  # the argmax of five probabilities
    x = C.features(sent, det)
    assert x.shape == (C.N_FEATURES,)
    assert np.isclose(clf.probabilities(x).sum(), 1.0)


def test_features_of_no_detection():
    x = C.detection_features(None)
    assert x[C.N_CLASSES] == 1 and x[C.N_CLASSES + 1 + 20] == 1 and x.sum() == 2
    assert C.class_of_code("043") == 1 and C.class_of_code("190") == 4 and C.class_of_code("---") is None


def test_stage_annotates_detections_and_sentences(nlp):
    doc = run_stages(nlp, "Germany criticized Iran. The weather was fine.", names=("actors", "time", "events"))
    assert set(doc.sentence_classes) == {0, 1}
    for k, p in doc.sentence_classes.values():
        assert k in range(C.N_CLASSES) and 0 < p <= 1
    assert doc.detections
    for d in doc.detections:
        assert d.learned_class in range(C.N_CLASSES)
        assert len(d.class_probabilities) == C.N_CLASSES and abs(sum(d.class_probabilities) - 1) < 1e-9
    # The rules' codes are untouched: the record keeps the rules' CAMEO code.
    assert doc.events[0].cameo.startswith("11")


def test_evaluation_uses_the_rules_main_detection():
    from accord.evaluation.events import main_detection, predicted_class
    from accord.model import Article, Document

    doc = Document(Article(id="x", text="x"))
    a = Detection(0, "190", (0, 1), None, None, True, "asserted", "a")
    b = Detection(0, "111", (2, 3), (0, 1), None, False, "asserted", "b")
    doc.detections = [a, b]
    assert main_detection(doc) is b is C.rules_main(doc.detections)
    assert predicted_class(doc) == 3  # no learned class: the rules' root 11
    doc.sentence_classes = {0: (4, 0.8)}
    assert predicted_class(doc) == 4 and predicted_class(doc, learned=False) == 3


def test_without_weights_the_coder_keeps_to_the_rules(nlp):
    from helpers import stages

    stage = stages()["events"]
    saved, stage.classifier = stage.classifier, None
    try:
        doc = run_stages(nlp, "Germany criticized Iran.", names=("actors", "time", "events"))
    finally:
        stage.classifier = saved
    assert doc.sentence_classes == {}
    assert all(d.learned_class is None and d.class_probabilities is None for d in doc.detections)
    assert doc.events[0].cameo.startswith("11")


def test_sentence_features_from_the_docs_vector_table_equal_the_tokens_own(nlp):
    """The stage reads every token's vector in one lookup per Doc; the features must be those
    `Span.vector` and `Token.vector` give, unknown words (zero vectors) included."""
    doc = nlp("Xi Jinping told Vladimir Putin by video link that ties could “break new ground”. "
              "Qzxwv plorked the frumious bandersnatch in Ulaanbaatar. Fine.")
    table = C.token_vectors(doc)
    assert table is not None and table.shape == (len(doc), C.VECTOR_WIDTH)
    assert not table[[t.i for t in doc if t.text == "Qzxwv"][0]].any()  # no vector: zeros
    for sent in doc.sents:
        assert np.array_equal(C.sentence_features(sent, table), C.sentence_features(sent))


def test_a_sentences_feature_rows_are_the_sentence_features_beside_each_detections(nlp):
    """`classify_sentence` fills one matrix in place; the probabilities must be those of the
    sentence features stacked beside each detection's features (the main detection first)."""
    from helpers import run_stages

    doc = run_stages(nlp, "Xi Jinping told Vladimir Putin by video link that China will send aid to Russia. "
                     "Russia and China held talks in Moscow on Monday.", "2026-02-04")
    clf = C.EventClassifier.default()
    table = C.token_vectors(doc.doc)
    for n, sent in enumerate(doc.doc.sents):
        dets = [d for d in doc.detections if d.sentence == n]
        assert dets
        whole, each = clf.classify_sentence(sent, dets, table)
        base = C.sentence_features(sent, table)
        rows = [C.detection_features(C.rules_main(dets))] + [C.detection_features(d) for d in dets]
        expected = clf.probabilities(np.hstack([np.broadcast_to(base, (len(rows), base.size)), np.vstack(rows)]))
        assert np.array_equal(np.vstack([whole, *each]), expected)


def test_a_documents_classes_are_each_sentences_own_to_the_last_bit(nlp):
    """`classify_document` (what the stage runs) batches the per-sentence numpy calls whose
    bits do not depend on the batch; its numbers must be `classify_sentence`'s exactly, for
    sentences with several detections, one, and none."""
    from helpers import run_stages

    doc = run_stages(nlp, "Xi Jinping told Vladimir Putin by video link that China will send aid to Russia. "
                     "The weather was mild. Russia and China held talks in Moscow on Monday and signed a deal.",
                     "2026-02-04")
    clf = C.EventClassifier.default()
    table = C.token_vectors(doc.doc)
    sents = list(doc.doc.sents)
    dets_of = [[d for d in doc.detections if d.sentence == n] for n in range(len(sents))]
    assert any(not d for d in dets_of) and any(len(d) > 1 for d in dets_of)
    got = clf.classify_document(sents, dets_of, table)
    for sent, dets, (whole, each) in zip(sents, dets_of, got):
        w, e = clf.classify_sentence(sent, dets, table)
        assert whole == w.tolist() and each == [p.tolist() for p in e]
