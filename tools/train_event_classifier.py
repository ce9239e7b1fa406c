#!/usr/bin/env python3
"""Train the learned event class (accord.events.classifier) on the ConfliBERT class sentences.

Reads  (relative to --shared, default ../shared beside the repository)
    data/conflibert-cameo-train/cameo_class_train.tsv   sentence TAB class 0-4 (GPL-3.0, ConfliBERT)
Writes (under --out, default src/accord/resources/events)
    event_class_model.npz    weights (661 x 5, standardisation folded in) and bias (5), float64
    event_class_model.json   features, split rule, hyperparameters, data checksum, figures

Usage: .venv/bin/python tools/train_event_classifier.py [--shared /work/shared] [--out DIR] [--check]

What it does, all of it deterministic (nothing random: no seed is needed):

1. Split. A sentence is held out ("test") when sha256 of its text with all whitespace removed,
   first 8 bytes big-endian, is 0 mod 5 (`accord.events.classifier.split_of`); the rest is
   "train". Cross-validation folds on train are (that number // 5) mod 5 (`cv_fold`).
2. Features. Every sentence is run through the default pipeline (parse, actors, time, events) and
   `accord.events.classifier.features()` is taken of its rules' main detection (`rules_main`),
   and of each of its other detections for the re-ranking figures.
3. Model. Multinomial logistic regression in numpy: features standardised on the training
   rows, L2 penalty `lam` on the weights (not the bias), full-batch gradient descent with momentum
   from zero weights (`ITERATIONS` steps, step `STEP`, momentum `MOMENTUM`). `lam` is chosen from
   `LAMBDAS` by 5-fold cross-validated accuracy on train only; the held-out part is scored once,
   at the end, by the model fitted on all of train.
4. Figures. Printed for train cross-validation and held-out, for the decision rules:
     rules        class of the rules' main detection, 0 when there is none (the rules alone)
     model        the model's most probable class
     model-if-no-detection   the rules, except the model where the rules found nothing
     model-if-p>=T           the model when its probability is at least T, else the rules
     rerank       the rules' class of the detection the model finds most probable
                  (p[class of d] with d's features; the class a re-ranked main detection gives)
5. Output. The weights of the model fitted on all of train; the JSON records the split rule,
   hyperparameters, sha256 of the data file, a fingerprint of the word vectors, a fingerprint of
   the rule coder's output on the training sentences (to notice when the rules have changed
   since training), sha256 of the .npz, and the figures.

`--check` recomputes the features and refits with the recorded `lam` (no search) and exits 1 when
the weights differ from the packaged ones by more than 1e-6, or the rule coder's output differs
from what the weights were trained on (then retrain: the lexicon or the coder changed).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import sys
import time
import zipfile
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from accord.events import classifier as C  # noqa: E402

DATA = Path("data") / "conflibert-cameo-train" / "cameo_class_train.tsv"
LAMBDAS = (0.003, 0.01, 0.03, 0.1)
ITERATIONS = 400
STEP = 0.5
MOMENTUM = 0.9
SD_FLOOR = 1e-3
THRESHOLDS = (0.5, 0.7, 0.9)
PARAMETERS = {"lambdas": list(LAMBDAS), "iterations": ITERATIONS, "step": STEP, "momentum": MOMENTUM,
              "sd_floor": SD_FLOOR, "feature_version": C.FEATURE_VERSION, "heldout_every": C.HELDOUT_EVERY,
              "cv_folds": C.CV_FOLDS}


# ------------------------------------------------------------------------------- data
def read_rows(path: Path) -> list[tuple[str, int]]:
    """(sentence, class) pairs, as the evaluation reads them."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        text, _, label = line.rpartition("\t")
        if text and label.strip().isdigit():
            rows.append((text, int(label)))
    return rows


class Item:
    """One sentence: gold class, split, fold, the main feature row, one row per detection."""

    __slots__ = ("text", "gold", "test", "fold", "x", "rule_class", "has_detection", "det_x", "det_class")


def featurise(rows: list[tuple[str, int]]) -> list[Item]:
    from accord.model import Article, Document
    from accord.pipeline import Pipeline

    pipeline = Pipeline.default()
    docs = pipeline.parse.process(Document(Article(id=f"cls-{n}", text=t)) for n, (t, _) in enumerate(rows))
    items = []
    for (text, gold), document in zip(rows, docs):
        for stage in pipeline.stages:
            if stage.name in ("actors", "time", "events"):
                stage.process_document(document)
        sentences = list(document.doc.sents)
        main = C.rules_main(document.detections)
        sent = sentences[main.sentence] if main is not None else sentences[0]
        it = Item()
        it.text, it.gold = text, gold
        it.test = C.split_of(text) == "test"
        it.fold = C.cv_fold(text)
        it.x = C.features(sent, main)
        it.rule_class = C.class_of_code(main.coded_as) if main is not None else None
        it.has_detection = it.rule_class is not None
        if it.rule_class is None:
            it.rule_class = 0  # no event: the neutral class, as the evaluation scores it
        it.det_x = np.array([C.features(sentences[d.sentence], d) for d in document.detections]).reshape(-1, C.N_FEATURES)
        it.det_class = [C.class_of_code(d.coded_as) for d in document.detections]
        items.append(it)
        document.doc = None
    return items


def rules_fingerprint(items: list[Item]) -> str:
    """sha256 over what the rule coder contributed to the features (exact small numbers)."""
    h = hashlib.sha256()
    for it in items:
        h.update(np.round(it.x[2 * C.VECTOR_WIDTH:], 6).tobytes())
    return h.hexdigest()


# ------------------------------------------------------------------------------ model
def fit(X: np.ndarray, y: np.ndarray, lam: float) -> tuple[np.ndarray, np.ndarray]:
    """Weights and bias on the raw features (the standardisation folded in)."""
    n, p = X.shape
    mu = X.mean(axis=0)
    sd = np.maximum(X.std(axis=0), SD_FLOOR)
    Z = np.hstack([(X - mu) / sd, np.ones((n, 1))])
    Y = np.eye(C.N_CLASSES)[y]
    W = np.zeros((p + 1, C.N_CLASSES))
    V = np.zeros_like(W)
    for _ in range(ITERATIONS):
        P = C.softmax(Z @ W)
        G = Z.T @ (P - Y) / n
        G[:-1] += lam * W[:-1]
        V = MOMENTUM * V - STEP * G
        W = W + V
    weights = W[:-1] / sd[:, None]
    bias = W[-1] - (mu / sd) @ W[:-1]
    return weights, bias


def probs(model: tuple[np.ndarray, np.ndarray], X: np.ndarray) -> np.ndarray:
    return C.softmax(X @ model[0] + model[1])


def decisions(items: list[Item], P: np.ndarray, det_P: list[np.ndarray]) -> dict[str, np.ndarray]:
    rules = np.array([it.rule_class for it in items])
    has = np.array([it.has_detection for it in items])
    model = P.argmax(axis=1)
    conf = P.max(axis=1)
    out = {"rules": rules, "model": model, "model-if-no-detection": np.where(has, rules, model)}
    for t in THRESHOLDS:
        out[f"model-if-p>={t}"] = np.where(conf >= t, model, rules)
    rerank = []
    for it, p, dp in zip(items, model, det_P):
        scored = [(dp[k][c], -k, c) for k, c in enumerate(it.det_class) if c is not None]
        rerank.append(max(scored)[2] if scored else 0)
    out["rerank"] = np.array(rerank)
    return out


def cross_validate(items: list[Item], lam: float) -> tuple[np.ndarray, list[np.ndarray]]:
    X = np.array([it.x for it in items])
    y = np.array([it.gold for it in items])
    folds = np.array([it.fold for it in items])
    P = np.zeros((len(items), C.N_CLASSES))
    det_P: list[np.ndarray] = [None] * len(items)  # type: ignore[list-item]
    for f in range(C.CV_FOLDS):
        model = fit(X[folds != f], y[folds != f], lam)
        for i in np.where(folds == f)[0]:
            P[i] = probs(model, X[i])
            det_P[i] = probs(model, items[i].det_x)
    return P, det_P


def accuracy(pred: np.ndarray, items: list[Item]) -> float:
    return float(np.mean(pred == np.array([it.gold for it in items])))


# ----------------------------------------------------------------------------- output
def npz_bytes(weights: np.ndarray, bias: np.ndarray) -> bytes:
    """An .npz with fixed member order and timestamps, so equal arrays give equal bytes."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, arr in (("weights", weights), ("bias", bias)):
            member = io.BytesIO()
            np.lib.format.write_array(member, np.ascontiguousarray(arr, dtype="<f8"), allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, member.getvalue())
    return buf.getvalue()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--out", type=Path, default=REPO / "src" / "accord" / "resources" / "events")
    ap.add_argument("--check", action="store_true", help="refit with the recorded lam and compare")
    args = ap.parse_args()
    path = args.shared / DATA
    data_sha = hashlib.sha256(path.read_bytes()).hexdigest()
    rows = read_rows(path)
    t0 = time.time()
    items = featurise(rows)
    from accord.analysis import load_nlp

    vectors = {"fingerprint": C.vectors_fingerprint(load_nlp().vocab), "model": load_nlp().meta.get("name"),
               "model_version": load_nlp().meta.get("version")}
    print(f"{len(items)} sentences featurised in {time.time() - t0:.1f} s")
    train = [it for it in items if not it.test]
    test = [it for it in items if it.test]
    Xtr, ytr = np.array([it.x for it in train]), np.array([it.gold for it in train])
    Xte = np.array([it.x for it in test])
    print(f"split: {len(train)} train, {len(test)} held out (sha256(text without whitespace)[:8] % 5 == 0)")

    if args.check:
        meta = json.loads((args.out / C.META_FILE).read_text(encoding="utf-8"))
        problems = []
        if meta["data_sha256"] != data_sha:
            problems.append("training data differ from the recorded sha256")
        if meta["parameters"] != PARAMETERS:
            problems.append("training parameters differ from the recorded ones")
        if meta["rules_fingerprint"] != rules_fingerprint(items):
            problems.append("the rule coder's output on the training sentences changed since training")
        if meta["vectors"]["fingerprint"] != vectors["fingerprint"]:
            problems.append("the spaCy model's vectors differ from the ones trained with")
        weights, bias = fit(Xtr, ytr, meta["lambda"])
        with np.load(args.out / C.MODEL_FILE) as packed:
            if not (np.allclose(packed["weights"], weights, atol=1e-6) and np.allclose(packed["bias"], bias, atol=1e-6)):
                problems.append("refitted weights differ from the packaged ones")
        for p in problems:
            print("STALE:", p)
        print("packaged weights are current" if not problems else "retrain: .venv/bin/python tools/train_event_classifier.py")
        return 1 if problems else 0

    print("\nlambda search (5-fold cross-validation on train, model accuracy):")
    cv = {}
    for lam in LAMBDAS:
        P, _ = cross_validate(train, lam)
        cv[lam] = accuracy(P.argmax(axis=1), train)
        print(f"  lam={lam:<6} {cv[lam]:.3f}")
    lam = max(LAMBDAS, key=lambda l: (cv[l], -LAMBDAS.index(l)))
    P, det_P = cross_validate(train, lam)
    cv_figures = {k: accuracy(v, train) for k, v in decisions(train, P, det_P).items()}

    weights, bias = fit(Xtr, ytr, lam)
    model = (weights, bias)
    test_figures = {k: accuracy(v, test) for k, v in decisions(test, probs(model, Xte),
                                                               [probs(model, it.det_x) for it in test]).items()}
    print(f"\nchosen lam={lam}; accuracy (train: 5-fold CV, n={len(train)}; held out: n={len(test)})")
    print(f"  {'decision':<24} {'train CV':>8} {'held out':>8}")
    for k in cv_figures:
        print(f"  {k:<24} {cv_figures[k]:8.3f} {test_figures[k]:8.3f}")

    blob = npz_bytes(weights, bias)
    meta = {
        "description": "Accord learned event class: multinomial logistic regression, 5 ConfliBERT classes "
                       "(CAMEO roots 01-02, 03-05, 06-08, 09-13, 14-20)",
        "feature_version": C.FEATURE_VERSION,
        "features": [{"name": n, "size": s} for n, s in C.FEATURES],
        "feature_notes": "see accord.events.classifier: unit-length spaCy sentence and root vectors; the rules' "
                         "main detection's class, CAMEO root, negation, modality, specificity, arguments",
        "classes": list(C.CLASS_NAMES),
        "training_data": {"file": str(DATA), "source": "ConfliBERT (eventdata-utd/ConfliBERT), CAMEO class data",
                          "licence": "GPL-3.0", "sentences": len(items), "train": len(train), "held_out": len(test)},
        "split_rule": "held out when int.from_bytes(sha256(''.join(text.split()).encode('utf-8')).digest()[:8], "
                      "'big') % 5 == 0; CV fold = (that // 5) % 5",
        "data_sha256": data_sha,
        "parameters": PARAMETERS,
        "lambda": lam,
        "vectors": vectors,
        "rules_fingerprint": rules_fingerprint(items),
        "weights_sha256": hashlib.sha256(blob).hexdigest(),
        "accuracy_train_cv": {k: round(v, 4) for k, v in cv_figures.items()},
        "accuracy_held_out": {k: round(v, 4) for k, v in test_figures.items()},
        "lambda_search_cv": {str(k): round(v, 4) for k, v in cv.items()},
        "licence_note": "weights derived from GPL-3.0 training sentences; see resources/events/SOURCES.md",
        "trained_by": "tools/train_event_classifier.py",
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / C.MODEL_FILE).write_bytes(blob)
    (args.out / C.META_FILE).write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(f"\nwrote {args.out / C.MODEL_FILE} and {C.META_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
