"""Event coding against the development data in ../shared:

- PLOVER gold sentences (PLOVER_GSR_CAMEO.txt): event type accuracy, after mapping their PLOVER 0.5
  labels to 2021 types (resources/plover/plover_gold_labels.tsv);
- ConfliBERT CAMEO sentences: 5-class accuracy from the coded event's CAMEO root
  (cameo_class_train.tsv), and source/target span precision, recall and F1 with overlap
  matching (cameo_ner_train.txt);
- the founding article against an expectation file of what a careful coder would record.

A sentence with several coded events is judged by its most confident one (the first on ties);
a sentence with none is predicted as "no event" (class 0, the neutral/statement class, for
ConfliBERT; a miss for PLOVER).

The ConfliBERT class is predicted by the learned event class (accord.events.classifier) when the
pipeline provides one, else from the rules' CAMEO root. The learned model was trained on 80% of
these sentences, so the figure over all of them flatters it: `split="test"`
(`evaluate_conflibert_classes_heldout`) scores the held-out fifth only, the split rule being
`accord.events.classifier.split_of`, the one the training script uses.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any, Iterable

from ..model import Article, Detection, Document, Event
from .conll import read_conll
from ..events.classifier import rules_main, split_of
from ..events.ontology import DROPPED, lookup

CLASS_OF_ROOT = {**{f"{r:02d}": 0 for r in (1, 2)}, **{f"{r:02d}": 1 for r in (3, 4, 5)},
                 **{f"{r:02d}": 2 for r in (6, 7, 8)}, **{f"{r:02d}": 3 for r in range(9, 14)},
                 **{f"{r:02d}": 4 for r in range(14, 21)}}
CLASS_NAMES = {0: "neutral/statement", 1: "verbal cooperation", 2: "material cooperation",
               3: "verbal conflict", 4: "material conflict"}


@dataclass
class Classification:
    """Gold and predicted labels with accuracy and per-class precision/recall."""

    gold: list[Any] = field(default_factory=list)
    predicted: list[Any] = field(default_factory=list)

    def add(self, gold: Any, predicted: Any) -> None:
        self.gold.append(gold)
        self.predicted.append(predicted)

    @property
    def n(self) -> int:
        return len(self.gold)

    @property
    def accuracy(self) -> float:
        return sum(g == p for g, p in zip(self.gold, self.predicted)) / self.n if self.n else 0.0

    def per_class(self) -> dict[Any, dict[str, float]]:
        labels = sorted(set(self.gold) | set(self.predicted), key=str)
        out = {}
        for label in labels:
            tp = sum(g == p == label for g, p in zip(self.gold, self.predicted))
            n_pred = sum(p == label for p in self.predicted)
            n_gold = sum(g == label for g in self.gold)
            out[label] = {"precision": tp / n_pred if n_pred else 0.0, "recall": tp / n_gold if n_gold else 0.0,
                          "gold": n_gold, "predicted": n_pred}
        return out


@dataclass
class SpanScore:
    tp_pred: int = 0  # predicted spans that overlap a gold span of the same role
    n_pred: int = 0
    tp_gold: int = 0  # gold spans overlapped by a predicted span of the same role
    n_gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp_pred / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def main_detection(doc: Document) -> Detection | None:
    """The event a one-event sentence is judged by: asserted and non-negated first, then the one
    with both arguments, then the most specific pattern, then the first (`rules_main`, which the
    learned classifier is trained with)."""
    return rules_main(doc.detections)


def plover_main(doc: Document) -> Detection | None:
    """The main detection among those PLOVER has a type for (by the code each counts as, `coded_as`:
    a statement that makes a demand is one): PLOVER drops CAMEO 01 (statements)
    and 02 (appeals), so a sentence's PLOVER event is never one of those when another is there."""
    typed = [d for d in doc.detections if lookup(d.coded_as).plover != DROPPED]
    return rules_main(typed) if typed else rules_main(doc.detections)


def predicted_class(doc: Document, learned: bool = True) -> int:
    """The ConfliBERT class of a one-event sentence: the learned class of the main detection's
    sentence (the first sentence without a detection) when the pipeline gave one and `learned`,
    else the class of the main detection's CAMEO root, 0 (neutral) without a detection."""
    det = main_detection(doc)
    if learned and doc.sentence_classes:
        return doc.sentence_classes.get(det.sentence if det else 0, (0, 0.0))[0]
    return CLASS_OF_ROOT[det.coded_as[:2]] if det else 0


def _pipeline(nlp: Any = None):
    from ..pipeline import Pipeline

    return Pipeline.default(nlp)


def _process(texts: Iterable[tuple[str, str, str | None]], pipeline) -> list[Document]:
    """Run the pipeline over (id, text, date); failures raise (evaluation must see them)."""
    from ..pipeline import StageFailure

    out = []
    for result in pipeline.process(Article(id=i, text=t, date=d) for i, t, d in texts):
        if isinstance(result, StageFailure):
            raise RuntimeError(str(result))
        out.append(result)
    return out


# ---------------------------------------------------------------------------- PLOVER
def plover_label_map() -> dict[str, str | None]:
    path = files("accord").joinpath("resources", "plover", "plover_gold_labels.tsv")
    rows = csv.DictReader(path.read_text(encoding="utf-8").splitlines(), delimiter="\t")
    return {r["label_v05"]: (r["plover"] or None) for r in rows}


_CUE_ROW = re.compile(r"^(\d\d)\s*&\s*([^&]*?)\s*&\s*([A-Za-z]+)")
_CUE_RANGE = re.compile(r"\((\d{3}) to (\d{3})\)")


def manual_cue_table(shared: Path) -> list[tuple[str, str, str]]:
    """The PLOVER manual's "CAMEO to PLOVER translation" table, as (first code, last code,
    2021 type) ranges: "reduce everything at the 3- and 4-digit level to the 2-digit cue
    category", 08 split into 081-083 CONCEDE and 084-087 RETREAT. The gold sentences were coded
    this way (in PLOVER 0.5), so a prediction is scored by it: CAMEO2PLOVER-2021.txt later moved
    single codes between types (163 impose sanctions to COERCE, 0813 ease curfew to RETREAT,
    1712 destroy property to ASSAULT), which the records keep."""
    text = (shared / "data" / "plover" / "PLOVER_MANUAL.tex").read_text(encoding="utf-8")
    section = text[text.index("CAMEO to PLOVER translation"):]
    section = section[: section.index("\\end{tabular}")]
    labels = plover_label_map()
    rows = []
    for line in section.splitlines():
        m = _CUE_ROW.match(line.strip())
        if not m:
            continue
        root, name, ptype = m.groups()
        ptype = DROPPED if ptype.lower() == "dropped" else (labels.get(ptype.upper()) or ptype.upper())
        span = _CUE_RANGE.search(name)
        lo, hi = (span.group(1), span.group(2) + "9") if span else (root, root + "99")
        rows.append((lo, hi, ptype))
    if len({r[0][:2] for r in rows}) != 20:
        raise ValueError("PLOVER_MANUAL.tex: the CAMEO to PLOVER translation table does not cover CAMEO 01-20")
    return rows


def cue_type(code: str, table: list[tuple[str, str, str]]) -> str:
    """The PLOVER type of a CAMEO code by the manual's cue-category table (a code the table's
    ranges leave out, such as 080, keeps its CAMEO2PLOVER-2021 type)."""
    key = code.ljust(4, "0")
    for lo, hi, ptype in table:
        if lo.ljust(4, "0") <= key <= hi.ljust(4, "9"):
            return ptype
    return lookup(code).plover


def evaluate_plover(shared: Path, pipeline=None, limit: int | None = None,
                    by: str = "manual") -> tuple[Classification, list[dict]]:
    """PLOVER type accuracy of the main detection. `by="manual"` types the predicted CAMEO
    code with the manual's cue-category table (the scheme the gold was coded in), `by="2021"`
    with CAMEO2PLOVER-2021.txt, as the records are."""
    results = evaluate_plover_both(shared, pipeline, limit)
    return results[by]


def evaluate_plover_both(shared: Path, pipeline=None, limit: int | None = None) -> dict[str, tuple[Classification, list[dict]]]:
    records = json.loads((shared / "data" / "plover" / "PLOVER_GSR_CAMEO.txt").read_text(encoding="utf-8"))
    mapping = plover_label_map()
    table = manual_cue_table(shared)
    items = [r for r in records if r.get("text") and mapping.get(r.get("event"))]
    if limit:
        items = items[:limit]
    pipeline = pipeline or _pipeline()
    docs = _process(((r["id"], r["text"], r.get("date")) for r in items), pipeline)
    out = {}
    for by in ("manual", "2021"):
        result, errors = Classification(), []
        for record, doc in zip(items, docs):
            gold = mapping[record["event"]]
            det = plover_main(doc)
            # An event announced for the future is, in PLOVER, the announcement: AGREE or THREATEN.
            if det is None:
                predicted = "NONE"
            else:
                predicted = cue_type(det.coded_as, table) if by == "manual" else lookup(det.coded_as).plover
            result.add(gold, predicted)
            if gold != predicted:
                errors.append({"id": record["id"], "gold": gold, "predicted": predicted, "text": record["text"],
                               "rule": det.rule if det else "", "code": det.coded_as if det else None})
        out[by] = (result, errors)
    return out


# ------------------------------------------------------------------------ ConfliBERT
def conflibert_class_rows(shared: Path, split: str | None = None) -> list[tuple[str, int]]:
    """(sentence, class) rows of cameo_class_train.tsv; `split` "train"/"test" keeps one part."""
    path = shared / "data" / "conflibert-cameo-train" / "cameo_class_train.tsv"
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        text, _, label = line.rpartition("\t")
        if text and label.strip().isdigit() and (split is None or split_of(text) == split):
            rows.append((text, int(label)))
    return rows


def evaluate_conflibert_classes(shared: Path, pipeline=None, limit: int | None = None, split: str | None = None,
                                learned: bool = True) -> tuple[Classification, list[dict]]:
    """5-class accuracy over all sentences, or the `split` "test" (held-out) or "train" part;
    `learned=False` scores the rules alone."""
    result = evaluate_conflibert_class_variants(shared, pipeline, limit, split)
    return result["learned" if learned else "rules"]


def evaluate_conflibert_classes_heldout(shared: Path, pipeline=None, learned: bool = True) -> tuple[Classification, list[dict]]:
    """5-class accuracy over the held-out fifth the learned classifier never saw."""
    return evaluate_conflibert_classes(shared, pipeline, split="test", learned=learned)


def evaluate_conflibert_class_variants(shared: Path, pipeline=None, limit: int | None = None,
                                       split: str | None = None) -> dict[str, tuple[Classification, list[dict]]]:
    """One pipeline run, scored both ways: "learned" (the learned class where available) and
    "rules" (the CAMEO root of the main detection), over the rows asked for; and the same over
    their held-out part alone as "learned_heldout" and "rules_heldout"."""
    rows = conflibert_class_rows(shared, split)
    if limit:
        rows = rows[:limit]
    pipeline = pipeline or _pipeline()
    docs = _process(((f"cls-{n}", t, None) for n, (t, _) in enumerate(rows)), pipeline)
    out = {}
    for variant in ("learned", "rules"):
        for part in ("", "_heldout"):
            result, errors = Classification(), []
            for (text, gold), doc in zip(rows, docs):
                if part and split_of(text) != "test":
                    continue
                det = main_detection(doc)
                predicted = predicted_class(doc, learned=variant == "learned")
                result.add(gold, predicted)
                if gold != predicted:
                    errors.append({"gold": gold, "predicted": predicted, "text": text, "split": split_of(text),
                                   "event": f"{det.code} {text[det.trigger[0]:det.trigger[1]]} [{det.rule}]" if det else None})
            out[variant + part] = (result, errors)
    return out


def evaluate_conflibert_spans(shared: Path, pipeline=None, limit: int | None = None) -> dict[str, SpanScore]:
    """Source (S) and target (T) span scores of the main detection, with overlap matching.

    The data mark the participants of a reciprocal event ("X met Y", "X and Y agreed") as R,
    with no S or T: there, the predicted source and target spans are scored as participants
    ("R"), direction aside, and not as sources or targets (which the gold does not have).
    "both" is S and T together; "all" adds R."""
    sentences = read_conll(shared / "data" / "conflibert-cameo-train" / "cameo_ner_train.txt")
    if limit:
        sentences = sentences[:limit]
    pipeline = pipeline or _pipeline()
    docs = _process(((f"ner-{n}", s.text, None) for n, s in enumerate(sentences)), pipeline)
    scores = {"S": SpanScore(), "T": SpanScore(), "R": SpanScore()}
    for sent, doc in zip(sentences, docs):
        offsets = sent.offsets()
        gold = {"S": [], "T": [], "R": []}
        for role, a, b in sent.spans():
            gold[role].append((offsets[a][0], offsets[b - 1][1]))
        predicted = {"S": set(), "T": set(), "R": set()}
        det = main_detection(doc)  # the data mark one event a sentence
        reciprocal = bool(gold["R"])
        if det is not None:
            if det.source_span:
                predicted["R" if reciprocal else "S"].add(tuple(det.source_span))
            if det.target_span:
                predicted["R" if reciprocal else "T"].add(tuple(det.target_span))
        for role in ("S", "T", "R"):
            sc = scores[role]
            sc.n_gold += len(gold[role])
            sc.n_pred += len(predicted[role])
            sc.tp_pred += sum(any(_overlap(p, g) for g in gold[role]) for p in predicted[role])
            sc.tp_gold += sum(any(_overlap(p, g) for p in predicted[role]) for g in gold[role])
    fields = ("tp_pred", "n_pred", "tp_gold", "n_gold")
    scores["both"] = SpanScore(*(sum(getattr(scores[r], f) for r in "ST") for f in fields))
    scores["all"] = SpanScore(*(sum(getattr(scores[r], f) for r in "STR") for f in fields))
    return scores


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


# --------------------------------------------------------------- founding article
def evaluate_expectations(expect_path: Path, article_path: Path, pipeline=None) -> dict[str, Any]:
    """Compare coded events with an expectation file (YAML) of what a careful coder records.

    The file lists `events` a careful coder would record (each may be matched once) and
    `acceptable` ones a careful coder would not reject though not require. A coded event
    matching neither is one a careful coder would reject.
    """
    import yaml

    from ..readers import read_inputs

    spec = yaml.safe_load(expect_path.read_text(encoding="utf-8"))
    [article] = [a for a in read_inputs([article_path]) if isinstance(a, Article)]
    pipeline = pipeline or _pipeline()
    [doc] = _process([(article.id, article.text, article.date)], pipeline)
    expected = spec.get("events", [])
    acceptable = spec.get("acceptable", [])
    found = [False] * len(expected)
    rejected = []
    for e in doc.events:
        hit = next((n for n, x in enumerate(expected) if not found[n] and _matches(e, x)), None)
        if hit is not None:
            found[hit] = True
        elif not any(_matches(e, x) for x in acceptable + expected):
            rejected.append(e)
    n = len(doc.events)
    return {"coded": n, "expected": len(expected), "recalled": sum(found),
            "rejected": len(rejected), "rejected_share": len(rejected) / n if n else 0.0,
            "missing": [x for x, f in zip(expected, found) if not f],
            "rejected_events": [f"s{e.sentence} {_describe(e)}" for e in rejected]}


def _describe(e: Event) -> str:
    s = e.source.name or e.source.code if e.source else "-"
    t = e.target.name or e.target.code if e.target else "-"
    return f"{s} {e.cameo} {t} {e.date} neg={e.negated} {e.modality} ({e.trigger.text})"


def _actor_ok(actor, want) -> bool:
    if want is None:
        return True
    if actor is None:
        return want == "-"
    wants = want if isinstance(want, list) else [want]
    return any(w == actor.name or actor.code.startswith(w) or w == actor.country for w in wants)


def _matches(e: Event, x: dict) -> bool:
    """An event matches an expectation on the fields the expectation gives."""
    codes = x.get("cameo")
    if codes is not None:
        codes = [str(c) for c in (codes if isinstance(codes, list) else [codes])]
        if not any(e.cameo.startswith(c) for c in codes):
            return False
    if x.get("either_direction"):
        ok = (_actor_ok(e.source, x.get("source")) and _actor_ok(e.target, x.get("target"))) or \
             (_actor_ok(e.source, x.get("target")) and _actor_ok(e.target, x.get("source")))
    else:
        ok = _actor_ok(e.source, x.get("source")) and _actor_ok(e.target, x.get("target"))
    if not ok:
        return False
    for key in ("date", "negated", "modality"):
        if key in x and str(getattr(e, key)).lower() != str(x[key]).lower():
            return False
    if "location" in x and (e.location is None or e.location.name != x["location"]):
        return False
    return True
