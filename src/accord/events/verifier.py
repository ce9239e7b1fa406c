"""The verifier: a calibrated `confidence` for each candidate event the coder proposes.

`confidence` is meant as the share of records at that confidence that a careful coder judges
right (source, target, code, negation, modality and date: the matching rule of
`accord.evaluation.records`). It is a logistic regression over what the coder already knows about
a candidate (`candidate_features`: its code, negation and modality, the rule and the syntactic
slots that found its source and target, how the actor resolver named them, its clause level and
sentence, ...), then a Platt calibration fitted on labelled ordinary news. The weights, the
feature names, the calibration and the default threshold are data: `resources/events/
verifier.npz` and `verifier.json`, written by `tools/train_verifier.py` (`--check` says whether
they are current). Without them the coder's own rough confidence stays and the threshold is 0.

Features are computed from the `Event`, the `Document`'s detections and mentions and the
sentence text, never from the parse, so that the training script computes them from finished
documents exactly as the stage does.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from importlib.resources import files
from typing import Any, Sequence

import numpy as np

FEATURE_VERSION = 1  # bump when `candidate_features` changes; the packaged weights record theirs
MODEL_FILE = "verifier.npz"
META_FILE = "verifier.json"
QUOTES = ('"', "“", "”")
_WORD = re.compile(r"\w+")
_CONTEXT = ("date", "modality", "negated")


def _slot(value: str) -> tuple[str, list[str]]:
    """"dobj/described/inner" -> ("dobj", ["described", "inner"])."""
    head, *rest = value.split("/")
    return head, rest


def _explain_parts(explain: str) -> tuple[str, dict[str, list[str]]]:
    """The rule kind ("verb", "light-verb", "nominal", "petrarch", "via", ...) and the key=value
    steps of an event's `explain`."""
    parts = [p.strip() for p in explain.split(";") if p.strip()]
    if not parts:
        return "none", {}
    kind = parts[0].split(":", 1)[0].split(" ", 1)[0]
    steps: dict[str, list[str]] = {}
    for p in parts[1:]:
        key, _, value = p.partition("=")
        steps.setdefault(key.strip(), []).append(value.strip())
    return kind, steps


def _actor_features(prefix: str, actor: Any, how: dict[tuple[int, int], str]) -> dict[str, float]:
    if actor is None:
        return {f"{prefix}=none": 1.0}
    out = {f"{prefix}_how={how.get(tuple(actor.span), 'unlinked')}": 1.0,
           f"{prefix}_sector={(actor.sector or 'none')[:3]}": 1.0}
    if actor.name:
        out[f"{prefix}_named"] = 1.0
    if not actor.country:
        out[f"{prefix}_no_country"] = 1.0
    words = len(_WORD.findall(actor.text))
    out[f"{prefix}_words"] = min(words, 8) / 8
    return out


class DocumentContext:
    """What every candidate of one document looks up: computed once per document."""

    def __init__(self, document: Any, candidates: Sequence[Any]) -> None:
        self.how = {tuple(m.span): m.how or "unknown" for m in document.mentions}
        self.detections: dict[tuple, Any] = {}
        for d in document.detections:
            self.detections.setdefault((d.sentence, tuple(d.trigger)), d)
        self.per_sentence: dict[int, int] = {}
        self.per_trigger: dict[tuple, int] = {}
        for c in candidates:
            self.per_sentence[c.sentence] = self.per_sentence.get(c.sentence, 0) + 1
            key = (c.sentence, tuple(c.trigger.span))
            self.per_trigger[key] = self.per_trigger.get(key, 0) + 1


def candidate_features(event: Any, document: Any, siblings: Sequence[Any] = (),
                       context: DocumentContext | None = None) -> dict[str, float]:
    """Named features of one candidate event (sparse: absent means 0). `siblings` are the
    document's candidates (to count those of the same sentence and trigger); `context` saves
    recomputing per-document lookups for each candidate."""
    context = context or DocumentContext(document, siblings)
    f: dict[str, float] = {}
    code = event.cameo
    f[f"root={code[:2]}"] = 1.0
    f[f"code={code[:3]}"] = 1.0
    if len(code) == 4:
        f["code_4_digits"] = 1.0
    if code[2:3] == "0":
        f["code_unspecified"] = 1.0
    if code == "010":
        f["bare_statement"] = 1.0
    if event.announced_cameo:
        f["announces_another_act"] = 1.0
    if event.negated:
        f["negated"] = 1.0
    f[f"modality={event.modality}"] = 1.0
    f[f"date={event.date_basis or 'none'}"] = 1.0
    if event.location is not None:
        f["located"] = 1.0
    f.update(_actor_features("src", event.source, context.how))
    f.update(_actor_features("tgt", event.target, context.how))
    if event.source is not None and event.target is not None and event.source.country \
            and event.source.country == event.target.country:
        f["same_country"] = 1.0
    kind, steps = _explain_parts(event.explain)
    f[f"rule={kind}"] = 1.0
    if kind == "petrarch" and " default" in event.explain.split(";", 1)[0]:
        f["petrarch_default"] = 1.0
    for key, values in steps.items():
        if key in _CONTEXT:
            continue
        if key in ("src", "tgt"):
            for v in values:
                head, rest = _slot(v)
                f[f"{key}_slot={head.split(':')[0]}"] = 1.0
                for r in rest:
                    f[f"{key}_via={r}"] = 1.0
        else:
            f[f"step={key.split(':')[0].split('->')[0]}"] = 1.0
    det = context.detections.get((event.sentence, tuple(event.trigger.span)))
    if det is not None:
        f[f"level={min(det.level, 2)}"] = 1.0
        if det.frame:
            f["frame"] = 1.0
        f["specificity"] = min(max(det.specificity, 0), 10) / 10
        if det.class_probabilities is not None:
            from .classifier import class_of_code

            cls = class_of_code(code)
            if cls is not None:
                f["learned_p_of_class"] = float(det.class_probabilities[cls])
                f["learned_agrees"] = float(det.learned_class == cls)
    else:
        f["no_detection"] = 1.0
    words = len(_WORD.findall(event.evidence))
    f["sentence_words"] = min(words, 60) / 60
    if words > 40:
        f["long_sentence"] = 1.0
    if event.sentence == 0:
        f["first_sentence"] = 1.0
    same_sentence = context.per_sentence.get(event.sentence, 0)
    same_trigger = context.per_trigger.get((event.sentence, tuple(event.trigger.span)), 0)
    f["candidates_in_sentence"] = min(same_sentence, 10) / 10
    f["dyads_of_trigger"] = min(same_trigger, 6) / 6
    if _in_quotation(event, document):
        f["in_quotation"] = 1.0
    return f


def detection_of(event: Any, document: Any) -> Any | None:
    span = tuple(event.trigger.span)
    for d in document.detections:
        if d.sentence == event.sentence and tuple(d.trigger) == span:
            return d
    return None


def _in_quotation(event: Any, document: Any) -> bool:
    """The trigger lies inside quotation marks opened in its sentence."""
    text = document.article.text
    start = event.trigger.span[0]
    sent_start = text.rfind(event.evidence, 0, start + len(event.evidence))
    if sent_start < 0 or sent_start > start:
        return False
    before = text[sent_start:start]
    return sum(before.count(q) for q in QUOTES) % 2 == 1


def sigmoid(z: np.ndarray | float) -> np.ndarray | float:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -40, 40)))


@dataclass
class Verifier:
    names: list[str]  # feature names, in weight order
    weights: np.ndarray  # (len(names),)
    bias: float
    calibration: tuple[float, float]  # Platt: confidence = sigmoid(a * logit + b)
    meta: dict[str, Any]

    def __post_init__(self) -> None:
        self.index = {n: k for k, n in enumerate(self.names)}

    @classmethod
    def default(cls) -> "Verifier | None":
        """The packaged verifier, or None without weights (or with weights of another feature
        version)."""
        base = files("accord").joinpath("resources", "events")
        model, meta = base.joinpath(MODEL_FILE), base.joinpath(META_FILE)
        if not (model.is_file() and meta.is_file()):
            return None
        info = json.loads(meta.read_text(encoding="utf-8"))
        if info.get("feature_version") != FEATURE_VERSION:
            return None
        with model.open("rb") as fh:
            data = np.load(fh)
            weights, bias = np.array(data["weights"], dtype=np.float64), float(np.array(data["bias"]).reshape(-1)[0])
        names = list(info["features"])
        if weights.shape != (len(names),):
            return None
        a, b = info["calibration"]["a"], info["calibration"]["b"]
        return cls(names, weights, bias, (float(a), float(b)), info)

    def vector(self, features: dict[str, float]) -> np.ndarray:
        x = np.zeros(len(self.names))
        for name, value in features.items():
            k = self.index.get(name)
            if k is not None:
                x[k] = value
        return x

    def logit(self, features: dict[str, float]) -> float:
        return float(self.vector(features) @ self.weights + self.bias)

    def confidence(self, features: dict[str, float]) -> float:
        a, b = self.calibration
        z = a * self.logit(features) + b
        # sigmoid() of a float: the same clip (a float's min/max, not np.clip's dispatch) and np.exp
        return float(1.0 / (1.0 + np.exp(-min(max(z, -40.0), 40.0))))

    def score(self, document: Any, candidates: Sequence[Any]) -> None:
        """Set each candidate's `confidence` (3 decimals)."""
        context = DocumentContext(document, candidates)
        for event in candidates:
            c = self.confidence(candidate_features(event, document, candidates, context))
            event.confidence = round(min(max(c, 0.001), 0.999), 3) if math.isfinite(c) else 0.0
