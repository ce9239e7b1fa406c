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

# `candidate_features` by version: the packaged weights record theirs and are scored with it. 1: the
# features of 2026-12-06 (three-digit codes, the rule's steps and slot paths); 2: general features
# only (resolution classes, the date's basis, actors' distance from the trigger, ...), made on
# 2026-12-07 and trained by `tools/train_verifier.py --feature-version 2`, not packaged (see
# docs/verifier-retrain-2026-12-07.md).
FEATURE_VERSIONS = (1, 2)
FEATURE_VERSION = 1  # the packaged weights' version, and the trainer's default
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


# How the resolver named an actor (`Mention.how`, accord.actors.kinds.How), in the classes a coder
# would trust differently: a known name or office holder; a name the knowledge base does not list;
# a thing placed by a place or a nationality; a group or role with no single holder; a reference
# back (pronoun, description) to an actor named elsewhere.
RESOLUTION_CLASS = {
    "name": "known", "role": "known", "role-name": "known",
    "name-title": "named", "name-unlisted": "named", "surname": "named", "org-named": "named", "acronym": "named",
    "org-placed": "placed", "place": "placed", "placed": "placed", "modifier": "placed",
    "role-group": "group", "role-org": "group", "plural": "group", "allies": "group",
    "pronoun": "reference", "definite": "reference", "description": "reference",
}


def _distance_words(text: str, a: tuple[int, int], b: tuple[int, int]) -> int:
    """Words between two spans of the article (0 when they touch or overlap)."""
    lo, hi = (a[1], b[0]) if a[1] <= b[0] else (b[1], a[0])
    return len(_WORD.findall(text[lo:hi])) if hi > lo else 0


def _actor_features(prefix: str, actor: Any, how: dict[tuple[int, int], str], event: Any = None,
                    document: Any = None, sentence_span: tuple[int, int] | None = None) -> dict[str, float]:
    """Features of the source or target; with `event` (version 2), also its resolution class,
    whether it is a common noun, and where it stands from the trigger."""
    if actor is None:
        return {f"{prefix}=none": 1.0}
    resolved = how.get(tuple(actor.span), "unlinked")
    out = {f"{prefix}_how={resolved}": 1.0, f"{prefix}_sector={(actor.sector or 'none')[:3]}": 1.0}
    if actor.name:
        out[f"{prefix}_named"] = 1.0
    if not actor.country:
        out[f"{prefix}_no_country"] = 1.0
    words = len(_WORD.findall(actor.text))
    out[f"{prefix}_words"] = min(words, 8) / 8
    if event is not None and document is not None:
        out[f"{prefix}_class={RESOLUTION_CLASS.get(resolved, 'unlinked')}"] = 1.0
        if not actor.sector and not actor.name:
            out[f"{prefix}_bare_country"] = 1.0
        if actor.text[:1].islower():
            out[f"{prefix}_common_noun"] = 1.0
        span, trigger = tuple(actor.span), tuple(event.trigger.span)
        if sentence_span is not None and not (sentence_span[0] <= span[0] and span[1] <= sentence_span[1]):
            out[f"{prefix}_outside_sentence"] = 1.0
        else:
            d = _distance_words(document.article.text, span, trigger)
            out[f"{prefix}_distance"] = min(d, 20) / 20
            if d > 10:
                out[f"{prefix}_far"] = 1.0
            if span[0] > trigger[0]:
                out[f"{prefix}_after_trigger"] = 1.0
    return out


def _sentence_span(event: Any, document: Any) -> tuple[int, int] | None:
    text = document.article.text
    start = event.trigger.span[0]
    at = text.rfind(event.evidence, 0, start + len(event.evidence))
    if at < 0 or at > start:
        return None
    return at, at + len(event.evidence)


class DocumentContext:
    """What every candidate of one document looks up: computed once per document."""

    def __init__(self, document: Any, candidates: Sequence[Any]) -> None:
        self.how = {tuple(m.span): m.how or "unknown" for m in document.mentions}
        self.detections: dict[tuple, Any] = {}
        for d in document.detections:
            self.detections.setdefault((d.sentence, tuple(d.trigger)), d)
        self.timex_sentences = {t.sentence for t in document.timexes if t.type in ("DATE", "TIME")}
        self.mentions_by_sentence: dict[int, list[tuple[int, int]]] = {}
        for m in document.mentions:
            self.mentions_by_sentence.setdefault(m.sentence, []).append(tuple(m.span))
        self.length = max(len(document.article.text), 1)
        self.per_sentence: dict[int, int] = {}
        self.per_trigger: dict[tuple, int] = {}
        for c in candidates:
            self.per_sentence[c.sentence] = self.per_sentence.get(c.sentence, 0) + 1
            key = (c.sentence, tuple(c.trigger.span))
            self.per_trigger[key] = self.per_trigger.get(key, 0) + 1


def _general_features(event: Any, document: Any, context: "DocumentContext") -> dict[str, float]:
    """Version 2's features beside the actors': the quad class, where the date came from, an actor
    left out as target, the trigger's place in the article, quotation marks in the sentence."""
    f = {f"quad={event.quad_class}": 1.0}
    if event.date_basis == "text":
        # the date from an expression in the event's own sentence, or from one before it
        f["date_from=sentence" if event.sentence in context.timex_sentences else "date_from=context"] = 1.0
    elif event.date_basis == "publication" and event.sentence in context.timex_sentences:
        f["date_publication_beside_expression"] = 1.0  # the sentence gives a date the record does not use
    if event.date_precision:
        f[f"date_precision={event.date_precision}"] = 1.0
    if event.target is None:
        # an actor the resolver found after the trigger in the same sentence, left out as target
        trigger = tuple(event.trigger.span)
        source = tuple(event.source.span) if event.source is not None else None
        if any(span[0] >= trigger[1] and span != source for span in context.mentions_by_sentence.get(event.sentence, ())):
            f["tgt_none_actor_after"] = 1.0
    f["position"] = min(event.trigger.span[0] / context.length, 1.0)
    if len(_WORD.findall(event.trigger.text)) > 1:
        f["trigger_several_words"] = 1.0
    if any(q in event.evidence for q in QUOTES):
        f["sentence_quotes"] = 1.0
    return f


def candidate_features(event: Any, document: Any, siblings: Sequence[Any] = (),
                       context: DocumentContext | None = None, version: int = FEATURE_VERSION) -> dict[str, float]:
    """Named features of one candidate event (sparse: absent means 0), of the given version.
    `siblings` are the document's candidates (to count those of the same sentence and trigger);
    `context` saves recomputing per-document lookups for each candidate."""
    if version not in FEATURE_VERSIONS:
        raise ValueError(f"unknown verifier feature version {version}")
    context = context or DocumentContext(document, siblings)
    v2 = version >= 2
    f: dict[str, float] = {}
    code = event.cameo
    f[f"root={code[:2]}"] = 1.0
    if not v2:
        # version 2 leaves it out: a feature per three-digit code (about 60 on a few hundred judged
        # candidates) memorised the development articles' acts; the root and quad class stay
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
    if v2:
        f.update(_general_features(event, document, context))
    if event.location is not None:
        f["located"] = 1.0
    sentence_span = _sentence_span(event, document) if v2 else None
    f.update(_actor_features("src", event.source, context.how, *((event, document, sentence_span) if v2 else ())))
    f.update(_actor_features("tgt", event.target, context.how, *((event, document, sentence_span) if v2 else ())))
    if event.source is not None and event.target is not None and event.source.country \
            and event.source.country == event.target.country:
        f["same_country"] = 1.0
        if v2 and event.source.code == event.target.code:
            f["same_code"] = 1.0
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
                for r in rest if not v2 else ():
                    f[f"{key}_via={r}"] = 1.0
        elif not v2:
            # version 2 leaves out the rule's other steps and the slot's path: each names a few
            # patterns and memorised the articles they were written for
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
    version: int = FEATURE_VERSION  # of `candidate_features`, as the weights were trained

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
        if info.get("feature_version") not in FEATURE_VERSIONS:
            return None
        with model.open("rb") as fh:
            data = np.load(fh)
            weights, bias = np.array(data["weights"], dtype=np.float64), float(np.array(data["bias"]).reshape(-1)[0])
        names = list(info["features"])
        if weights.shape != (len(names),):
            return None
        a, b = info["calibration"]["a"], info["calibration"]["b"]
        return cls(names, weights, bias, (float(a), float(b)), info, int(info["feature_version"]))

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
            c = self.confidence(candidate_features(event, document, candidates, context, self.version))
            event.confidence = round(min(max(c, 0.001), 0.999), 3) if math.isfinite(c) else 0.0
