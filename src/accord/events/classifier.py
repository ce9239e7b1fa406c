"""A learned event class for a sentence: multinomial logistic regression over the spaCy model's
word vectors and what the rule coder found.

The five classes are the ConfliBERT ones, CAMEO roots grouped: 0 neutral/statement (01-02),
1 verbal cooperation (03-05), 2 material cooperation (06-08), 3 verbal conflict (09-13 and 16),
4 material conflict (14-15, 17-20). (Root 16, "reduce relations", is verbal conflict in the
ConfliBERT labels, as in the Phoenix data's classes: not CAMEO's quad class, which the records'
`quad_class` keeps.)

Features of one sentence and one of its detections (the rules' main one when the sentence is
classed as a whole, `None` when the rules found nothing), `FEATURES` in this order:

- the sentence vector (mean of its token vectors), scaled to unit length (300);
- the vector of the sentence's syntactic root, unit length (300);
- the detection's class, one-hot, or "none" (6);
- the detection's CAMEO root 01-20, one-hot, or "none" (21);
- the detection's negation, its modality one-hot (asserted, alleged, hypothetical, future), its
  pattern specificity (capped at 10, /10), and whether it has a source and a target span (8).

The weights are trained by `tools/train_event_classifier.py` on the training part of the
ConfliBERT class sentences (`split_of`); they ship in `resources/events/event_class_model.npz`
with a description in `event_class_model.json`. They only mean something for the word vectors
they were trained with: with another spaCy model (no vectors, other vectors) `EventClassifier`
reports itself unusable for that vocabulary and the coder leaves its detections as the rules
made them. Nothing is downloaded.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass
from importlib.resources import files
from itertools import repeat
from typing import Any, Iterable, Sequence

import numpy as np
from spacy.attrs import ORTH

N_CLASSES = 5
CLASS_NAMES = ("neutral/statement", "verbal cooperation", "material cooperation", "verbal conflict",
               "material conflict")
MODALITIES = ("asserted", "alleged", "hypothetical", "future")
VECTOR_WIDTH = 300
FEATURES = (("sentence_vector", VECTOR_WIDTH), ("root_vector", VECTOR_WIDTH), ("rule_class", N_CLASSES + 1),
            ("rule_cameo_root", 21), ("rule_flags", 8))
N_FEATURES = sum(n for _, n in FEATURES)
FEATURE_VERSION = 1  # bump when `features()` changes; the packaged weights record the version they fit
MODEL_FILE = "event_class_model.npz"
META_FILE = "event_class_model.json"
HELDOUT_EVERY = 5  # one sentence in five is held out
CV_FOLDS = 5


# ------------------------------------------------------------------ classes and the data split
def class_of_code(code: str | None) -> int | None:
    """The ConfliBERT class of a CAMEO code (its first two digits), or None for no usable code.

    Root 16 (reduce relations: suspend aid, expel diplomats, impose sanctions) is class 3, verbal
    conflict, as the ConfliBERT labels have it: of the development sentences whose record has root
    16, 44 of 46 are labelled 3 (none 4). CAMEO's own quad class (the records' `quad_class`) puts
    it with material conflict; that field is unchanged."""
    if not code or not code[:2].isdigit():
        return None
    root = int(code[:2])
    if root == 16:
        return 3
    if 1 <= root <= 2:
        return 0
    if 3 <= root <= 5:
        return 1
    if 6 <= root <= 8:
        return 2
    if 9 <= root <= 13:
        return 3
    if 14 <= root <= 20:
        return 4
    return None


def _split_hash(text: str) -> int:
    """sha256 of the text with all whitespace removed (so a sentence rebuilt from CoNLL tokens
    lands where its original does), first 8 bytes as a big-endian integer."""
    key = "".join(text.split()).encode("utf-8")
    return int.from_bytes(hashlib.sha256(key).digest()[:8], "big")


def split_of(text: str) -> str:
    """"test" for the held-out part of the development data, else "train".

    The rule: a sentence is held out when `_split_hash(text) % 5 == 0` (about 20%). It depends on
    the text alone: no seed, no order, and a sentence repeated in the data is always on one side.
    """
    return "test" if _split_hash(text) % HELDOUT_EVERY == 0 else "train"


def cv_fold(text: str) -> int:
    """The cross-validation fold (0-4) of a training sentence: `(_split_hash(text) // 5) % 5`."""
    return (_split_hash(text) // HELDOUT_EVERY) % CV_FOLDS


# ------------------------------------------------------------------------------- features
def rules_main(detections: Iterable[Any]) -> Any | None:
    """The rules' main detection among some: the most central trigger first (the lowest clause
    `level`: "X said Y met Z" reports the meeting, "... after talks in which ..." is background),
    then one that is not a mere frame of another ("said", "decided to"), then a non-negated one
    ("failed to reach agreement": the failure, not the agreement), then the one with both
    arguments, then the most specific pattern, then the first. (The same order as the
    evaluation's `main_detection`; the classifier is trained on the features of this detection.)"""
    detections = list(detections)
    if not detections:
        return None
    # A negated event that counts as a refusal ("will not accept" -> 12x) is no negated event.
    return max(detections, key=lambda d: (-getattr(d, "level", 0), not getattr(d, "frame", False),
                                          not (d.negated and getattr(d, "coded_as", d.code) == d.code),
                                          (d.source_span is not None) + (d.target_span is not None),
                                          d.specificity, -d.trigger[0]))


def _unit(v: np.ndarray) -> np.ndarray:
    v = np.asarray(v, dtype=np.float64)
    if v.shape != (VECTOR_WIDTH,):
        return np.zeros(VECTOR_WIDTH)
    n = math.sqrt(v.dot(v))  # what np.linalg.norm computes for a vector, without its dispatch
    return v / n if n > 0 else v


def token_vectors(doc: Any) -> np.ndarray | None:
    """Every token's word vector (what `Token.vector` gives one at a time), from one lookup of
    the vectors table per Doc: a row per token, zeros where the table has no key. None where the
    table is not a plain key-to-row table (then the tokens are asked one by one)."""
    vectors = doc.vocab.vectors
    if getattr(vectors, "mode", "default") != "default" or not vectors.size:
        return None
    # what `vectors.find(keys=...)` returns, without its per-key string-id conversion: the keys
    # of the Doc's array are string ids already
    get = vectors.key2row.get
    keys = doc.to_array(getattr(vectors, "attr", ORTH)).tolist()
    rows = np.fromiter(map(get, keys, repeat(-1, len(keys))), dtype="i", count=len(doc))
    table = vectors.data[np.maximum(rows, 0)]
    table[rows < 0] = 0
    return table


def sentence_features(sentence: Any, vectors: np.ndarray | None = None) -> np.ndarray:
    """The detection-independent part: sentence vector and root vector (600 numbers).
    `vectors`: the Doc's `token_vectors`, to average rows instead of asking each token."""
    if vectors is None:
        return np.concatenate([_unit(sentence.vector), _unit(sentence.root.vector)])
    # Summed in token order and divided by the length, as `Span.vector` does.
    mean = vectors[sentence.start:sentence.end].sum(axis=0) / len(sentence)
    return np.concatenate([_unit(mean), _unit(vectors[sentence.root.i])])


def detection_features(detection: Any | None, out: np.ndarray | None = None) -> np.ndarray:
    """The rules' part for one detection (or None): class, CAMEO root, flags (35 numbers).
    `out`: a row of zeros to fill in place of a new array."""
    if out is None:
        out = np.zeros(N_CLASSES + 1 + 21 + 8)
    code = getattr(detection, "coded_as", None) if detection is not None else None
    cls = class_of_code(code)
    if cls is None:
        out[N_CLASSES] = 1.0
        out[N_CLASSES + 1 + 20] = 1.0
        return out
    out[cls] = 1.0
    out[N_CLASSES + 1 + int(code[:2]) - 1] = 1.0
    f = N_CLASSES + 1 + 21
    out[f] = float(bool(detection.negated))
    if detection.modality in MODALITIES:
        out[f + 1 + MODALITIES.index(detection.modality)] = 1.0
    out[f + 5] = min(max(detection.specificity, 0), 10) / 10
    out[f + 6] = float(detection.source_span is not None)
    out[f + 7] = float(detection.target_span is not None)
    return out


def features(sentence: Any, detection: Any | None) -> np.ndarray:
    """The feature vector of a sentence (a spaCy Span) with one detection, or None."""
    return np.concatenate([sentence_features(sentence), detection_features(detection)])


def vectors_fingerprint(vocab: Any) -> str:
    """What identifies the word vectors: table name, shape and a hash of its first 50 rows."""
    vectors = vocab.vectors
    shape = tuple(int(n) for n in vectors.shape)
    h = hashlib.sha256(f"{vectors.name}|{shape}".encode("utf-8"))
    if shape[0] and len(shape) == 2:
        h.update(np.ascontiguousarray(np.asarray(vectors.data[:50], dtype=np.float32)).tobytes())
    return h.hexdigest()[:16]


def softmax(logits: np.ndarray) -> np.ndarray:
    z = logits - logits.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


# ------------------------------------------------------------------------------ the model
@dataclass
class EventClassifier:
    weights: np.ndarray  # (N_FEATURES, 5), standardisation folded in
    bias: np.ndarray  # (5,)
    meta: dict[str, Any]

    @classmethod
    def default(cls) -> "EventClassifier | None":
        """The packaged model, or None when the package has no weights (or weights of another
        feature version)."""
        base = files("accord").joinpath("resources", "events")
        model, meta = base.joinpath(MODEL_FILE), base.joinpath(META_FILE)
        if not (model.is_file() and meta.is_file()):
            return None
        info = json.loads(meta.read_text(encoding="utf-8"))
        if info.get("feature_version") != FEATURE_VERSION:
            return None
        with model.open("rb") as fh:
            data = np.load(fh)
            weights, bias = np.array(data["weights"]), np.array(data["bias"])
        if weights.shape != (N_FEATURES, N_CLASSES) or bias.shape != (N_CLASSES,):
            return None
        return cls(weights, bias, info)

    def usable_with(self, vocab: Any) -> bool:
        """True when the vocabulary's word vectors are the ones the model was trained on."""
        cache = self.__dict__.setdefault("_usable", {})
        key = id(vocab.vectors)
        if key not in cache:
            cache[key] = vectors_fingerprint(vocab) == self.meta.get("vectors", {}).get("fingerprint")
        return cache[key]

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        """Class probabilities for one feature vector (N_FEATURES,) or a matrix (n, N_FEATURES)."""
        return softmax(np.asarray(x, dtype=np.float64) @ self.weights + self.bias)

    def predict(self, sentence: Any, detection: Any | None) -> tuple[int, float]:
        """The learned class of a sentence given one of its detections (or None), and its probability."""
        p = self.probabilities(features(sentence, detection))
        k = int(p.argmax())
        return k, float(p[k])

    def classify_sentence(self, sentence: Any, detections: Sequence[Any],
                          vectors: np.ndarray | None = None) -> tuple[np.ndarray, list[np.ndarray]]:
        """Probabilities for the sentence as a whole (with the rules' main detection) and for each
        of its detections taken as the sentence's event: one matrix product for the lot.
        `vectors`: the Doc's `token_vectors`, computed once for all its sentences."""
        base = sentence_features(sentence, vectors)
        main = rules_main(detections)
        # One row per detection (the main one first): the sentence's features, then the detection's.
        x = np.empty((1 + len(detections), N_FEATURES))
        x[:, :base.size] = base
        for row, d in enumerate([main, *detections]):
            x[row, base.size:] = detection_features(d)
        p = self.probabilities(x)
        return p[0], list(p[1:])

    def classify_document(self, sentences: Sequence[Any], detections: Sequence[Sequence[Any]],
                          vectors: np.ndarray) -> list[tuple[list[float], list[list[float]]]]:
        """`classify_sentence` for each of a Doc's sentences (`detections[n]`: sentence n's), as
        Python floats: the same numbers to the last bit. The matrix product stays one per sentence
        (its rounding depends on the matrix's shape); what gives the same bits whatever the
        batch (the sentence and root vectors scaled to unit length, the detections' rows, the
        softmax, the conversion to floats) is done once for the Doc instead of per sentence.
        `vectors`: the Doc's `token_vectors`."""
        n = len(sentences)
        if not n:
            return []
        # Rows 0..n-1: the sentences' mean vectors; n..2n-1: their roots' vectors; in float64,
        # each then divided by its own norm (`_unit`: the same dot product, the same division).
        units = np.empty((2 * n, VECTOR_WIDTH))
        for k, sent in enumerate(sentences):
            # Summed in token order and divided by the length, as `Span.vector` does.
            units[k] = vectors[sent.start:sent.end].sum(axis=0) / len(sent)
            units[n + k] = vectors[sent.root.i]
        for row in units:
            norm = math.sqrt(row.dot(row))
            if norm > 0:
                row /= norm
        width = 2 * VECTOR_WIDTH
        logits = []
        for k, dets in enumerate(detections):
            x = np.zeros((1 + len(dets), N_FEATURES))
            x[:, :VECTOR_WIDTH] = units[k]
            x[:, VECTOR_WIDTH:width] = units[n + k]
            for row, d in enumerate([rules_main(dets), *dets]):
                detection_features(d, x[row, width:])
            logits.append(x @ self.weights + self.bias)
        p = softmax(np.concatenate(logits))
        rows = p.tolist()
        out = []
        at = 0
        for dets in detections:
            out.append((rows[at], rows[at + 1:at + 1 + len(dets)]))
            at += 1 + len(dets)
        return out
