#!/usr/bin/env python3
"""Train the event verifier (accord.events.verifier): calibrated confidence for candidate events,
and the default confidence threshold of the record policy.

Reads (relative to --shared, default ../shared, and the repository)
    tests/data/wikinews_dev/{articles,events}.jsonl + data/wikinews/wikinews_2019.csv
        the development parts A, C, D, E and F (ordinary news, tuned on): judgments to learn from
        and to calibrate on (`--wikinews-parts` chooses which; the packaged choice is recorded);
        part B (held out): only the precision/recall curve the threshold is chosen from
    tests/data/wikinews_judged/part_{c,d,e,f}_*.jsonl
        careful coders' judgments of emitted records: a judgment labels today's candidate that
        equals the judged record (same article, sentence, trigger and judged fields: source,
        target, code, negation, modality, date), in place of the gold events' matching rule; a
        candidate of the same trigger repeating every field a judgment found wrong is wrong (the
        run prints how many carry over; never on part B)
    data/conflibert-cameo-train/cameo_ner_train.txt + cameo_class_train.tsv
        the sentences in both files (class and spans): the development part (`split_of` !=
        "test") is learned from; the held-out part gives the curve while part B is too small
Writes (under --out, default src/accord/resources/events)
    verifier.npz    weights (one per feature) and bias, float64, written byte-for-byte reproducibly
    verifier.json   feature names, parameters, calibration, threshold and the curves it came from,
                    checksums of the data and of the candidates the model was fitted on

Usage: .venv/bin/python tools/train_verifier.py [--shared DIR] [--out DIR] [--check]
                                                [--without-learned-class] [--report]
                                                [--wikinews-parts A,C,D,E,F] [--adopt-if-better]
                                                [--refit] [--cache FILE] [--feature-version N]
                                                [--rule strict|lenient] [--leave-one-part-out]

What it does (deterministic: no randomness):

1. Candidates. The default pipeline runs with every candidate kept (`RecordPolicy.everything()`),
   so bare statements and low-confidence candidates are judged too.
2. Judgments. Wikinews: a candidate is right when it matches a gold event by the matching rule of
   `accord.evaluation.records` (same sentence, compatible code, source, target, negation,
   modality, date; one-to-one, so a duplicate is wrong), bare statements included on both sides.
   `--rule` chooses the rule: `strict` (the default: a careful coder's, actors by identity, the
   gold's code or a coarser one, the date at the gold's precision) or `lenient` (which counts
   about 45 of the 116 records it calls right among the judged records as right where the careful
   coder found them wrong); the same rule scores the precision/recall curves, the threshold's
   among them, and the model records it (`wikinews_rule`, which `--check` refits with; lenient
   when absent). A judged record's judgment (below) labels its candidate under either rule.
   ConfliBERT (one labelled event a sentence, no date or modality): a candidate sharing no actor
   span with the labelled event is another event, which the data do not judge, and is left out;
   the others are right when their 5-class equals the sentence's class, their source overlaps
   the gold source span (a participant span for reciprocal events) and their target overlaps the
   gold target span, or is null when the gold has none.
3. Model. Features seen at least `MIN_COUNT` times in the training candidates; L2-penalised
   logistic regression fitted by Newton's method. The penalty and the weight of the ConfliBERT
   judgments (they are conflict news, and judge fewer fields) are chosen by 5-fold
   cross-validated log-loss (folds by article for Wikinews, by `cv_fold` for ConfliBERT): the mean
   of the out-of-fold log-losses on the Wikinews development parts trained on and on the
   ConfliBERT development sentences, so that both kinds of news count (on all training
   candidates while those parts have fewer than `MIN_TARGET` candidates).
4. Calibration. Platt scaling of the out-of-fold logits of the Wikinews development parts (or of
   every training candidate while they are small), so that a confidence of 0.8 means about 80% of
   such records are right on ordinary news.
5. Threshold. On held-out data (part B once it has `MIN_HELDOUT_ARTICLES` articles, else the
   ConfliBERT held-out sentences), bare statements aside (the default output has none): the
   lowest threshold on the grid 0.05, 0.10, ... 0.95 whose records are at least
   `TARGET_PRECISION` right, with at least `MIN_RECORDS` records; if none, the one with the best
   F0.5. Nothing else is fitted on held-out data, and held-out figures are printed only in
   aggregate.
6. Ordinary news, out of fold. On every Wikinews development part (A, C, D, whichever are
   labelled), with the same folds: the out-of-fold AUC (does the confidence rank right records
   above wrong ones?) and the out-of-fold precision/recall curve, for the model being trained and
   for the packaged model's recipe (its recorded training parts, penalty and ConfliBERT weight,
   refitted on today's candidates). `--adopt-if-better` writes the new model only when its
   out-of-fold AUC there is higher, else the packaged recipe refitted (so the packaged files stay
   current either way); `--refit` writes the packaged recipe refitted. `--cache FILE` keeps the
   coded documents and candidates (the slow part) for another run on the same commit and data;
   features and judgments are recomputed from them on every run, so a cache survives a change of
   `candidate_features` or of the judged files. `--feature-version` chooses the feature set
   (`accord.events.verifier.FEATURE_VERSIONS`; the model records it and the stage scores with it).

   The out-of-fold AUC pools parts of different kinds: the tuned parts A, C, D, E (the rules were
   fitted to them: about 55-60% of candidates right) and part F (development data only since
   2026-12-07, labelled and judged before rules were tuned on it: about 30% right). What predicts a
   right record on the tuned parts predicts a wrong one on part F (docs/verifier-retrain-2026-12-07.md):
   read the per-part figures, not only the pooled one, before adopting. Adoption by the pooled AUC
   alone also leaves the threshold to the rule on part B, whose curve is flat: check the
   ConfliBERT and founding-article figures of `accord eval events` before landing weights.
   `--leave-one-part-out` also prints the new recipe fitted on all development parts but one and
   scored on that one (`leave_one_part_out`), which is nearer "news nobody tuned on" than folds by
   article (docs/verifier-retrain-2026-12-08.md).

`--check` recomputes candidates and judgments, refits with the recorded parameters (no search)
and exits 1 when the data, the candidates (the coder or resolver changed), the weights or the
threshold differ from the packaged ones. `--without-learned-class` leaves out the features taken
from the learned event class (`learned_*`), to measure what it adds (issue 12, point 5).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from accord.events import verifier as V  # noqa: E402
from accord.events.classifier import class_of_code, cv_fold, split_of  # noqa: E402

DEVSET = REPO / "tests" / "data" / "wikinews_dev"
NER = Path("data") / "conflibert-cameo-train" / "cameo_ner_train.txt"
CLASSES = Path("data") / "conflibert-cameo-train" / "cameo_class_train.tsv"
WIKINEWS = Path("data") / "wikinews" / "wikinews_2019.csv"
MIN_COUNT = 5
LAMBDAS = (0.3, 1.0, 3.0, 10.0, 30.0)
CONFLIBERT_WEIGHTS = (0.0, 0.25, 1.0)
FOLDS = 5
NEWTON_STEPS = 25
MIN_TARGET = 100  # part A candidates needed to choose parameters and calibrate on part A alone
MIN_HELDOUT_ARTICLES = 10
TARGET_PRECISION = 0.80
MIN_RECORDS = 20
DEVELOPMENT_PARTS = ("A", "C", "D", "E", "F")  # Wikinews parts tuned on; part B is held out, never trained on
# The Wikinews matching rule (accord.evaluation.records) that labels candidates without a judged record
# and scores the precision/recall curves (the threshold's among them): "strict", a careful coder's
# (95% agreement with the judged records), or "lenient", which counts about 45 of 116 records the
# careful coder found wrong as right; strict ranks better out of fold (docs/verifier-retrain-2026-12-08.md)
RULES = ("lenient", "strict")
DEFAULT_RULE = "strict"
JUDGED = REPO / "tests" / "data" / "wikinews_judged"
# Judged records (records file, judgments file) per part, earlier judging first: a later judging of
# the same record wins over an earlier one, and a judgment over the gold events' matching rule.
JUDGED_FILES = {
    "C": (("part_c_records.jsonl", "part_c_judgments.jsonl"), ("part_c_records_tuned.jsonl", "part_c_judgments_tuned.jsonl")),
    "D": (("part_d_records.jsonl", "part_d_judgments.jsonl"), ("part_d_records_tuned.jsonl", "part_d_judgments_tuned.jsonl")),
    "E": (("part_e_records.jsonl", "part_e_judgments.jsonl"), ("part_e_records_tuned.jsonl", "part_e_judgments_tuned.jsonl")),
    "F": (("part_f_records.jsonl", "part_f_judgments.jsonl"),
          ("part_f_records_58503c1.jsonl", "part_f_judgments_58503c1.jsonl")),
}
GRID = tuple(round(0.05 * k, 2) for k in range(1, 20))
PARAMETERS = {"min_count": MIN_COUNT, "lambdas": list(LAMBDAS), "conflibert_weights": list(CONFLIBERT_WEIGHTS),
              "folds": FOLDS, "newton_steps": NEWTON_STEPS, "min_target": MIN_TARGET,
              "min_heldout_articles": MIN_HELDOUT_ARTICLES, "target_precision": TARGET_PRECISION,
              "min_records": MIN_RECORDS, "grid": list(GRID), "feature_version": V.FEATURE_VERSION}


def parameters(feature_version: int) -> dict:
    """The training parameters a model of that feature version records."""
    return {**PARAMETERS, "feature_version": feature_version}


# ------------------------------------------------------------------------------ candidates
@dataclass
class Item:
    """One candidate event with its judgment."""

    source: str  # "wikinews-A" (B, C, D), "conflibert-dev", "conflibert-heldout"
    group: str  # article or sentence: what a fold keeps together
    fold: int
    features: dict
    right: bool
    statement: bool
    record: dict  # the candidate as a contract record (for the curve's matching)
    label: str = "gold"  # where `right` comes from: "gold" (matched to a gold event), "judged" (a
    # careful coder's judgment of the same record, tests/data/wikinews_judged), "conflibert"
    document: object = None  # the finished document (no parse) and the candidate: features are
    event: object = None  # recomputed from them (`refeature`), so a cache survives feature changes
    learned: dict | None = None  # out-of-fold learned-class features that replace the stage's (stacking)
    labels: dict | None = None  # Wikinews: the judgment by each matching rule ({"lenient": .., "strict": ..};
    # both the careful coder's where a judged record gives it); `right` is the one of the rule trained on


def label_of(it: Item, rule: str | None) -> bool:
    """The item's judgment by the Wikinews matching `rule` (None: the one it was built with)."""
    return it.labels[rule] if rule is not None and it.labels is not None else it.right


def labels(items: list[Item], rule: str | None = None) -> np.ndarray:
    return np.array([label_of(it, rule) for it in items], dtype=float)


def _pipeline():
    from accord.evaluation.events import evaluation_pipeline
    from accord.events.policy import RecordPolicy

    return evaluation_pipeline(policy=RecordPolicy.everything())


def _features(document, without_learned: bool) -> list[dict]:
    out = []
    context = V.DocumentContext(document, document.events)
    for e in document.events:
        f = V.candidate_features(e, document, document.events, context)
        if without_learned:
            f = {k: v for k, v in f.items() if not k.startswith("learned_")}
        out.append(f)
    return out


def refeature(items: list[Item], without_learned: bool = False, version: int = V.FEATURE_VERSION) -> None:
    """Recompute every item's features (of `version`) from its document and candidate."""
    contexts: dict[int, V.DocumentContext] = {}
    for it in items:
        if it.document is None:
            continue
        doc = it.document
        context = contexts.get(id(doc))
        if context is None:
            context = contexts[id(doc)] = V.DocumentContext(doc, doc.events)
        f = V.candidate_features(it.event, doc, doc.events, context, version)
        if without_learned or it.learned is not None:
            f = {k: v for k, v in f.items() if not k.startswith("learned_")}
        if it.learned is not None:
            f.update(it.learned)
        it.features = f


_JUDGED_FIELDS = ("sentence", "trigger", "source", "target", "cameo", "announced_cameo", "negated", "modality", "date")


def judged_key(article: int, record: dict) -> str:
    """What a judgment judged: the article, sentence and trigger, and every judged field (source,
    target, code, negation, modality, date) as the record gave them."""
    return json.dumps([article] + [record.get(k) for k in _JUDGED_FIELDS], sort_keys=True, ensure_ascii=False)


# A judged field -> the record fields it judged (`not_an_event`: the act read from the trigger)
_FIELDS_OF = {"source": ("source",), "target": ("target",), "code": ("cameo", "announced_cameo"), "date": ("date",),
              "modality": ("modality",), "negation": ("negated",), "not_an_event": ("cameo",)}


@dataclass
class Judgments:
    right: dict[str, bool]  # judged_key -> the judgment of that very record
    # (article, sentence, trigger) -> the record fields a careful coder found wrong, as the record gave
    # them: a candidate of the same trigger that repeats every one of them is wrong too
    wrong: dict[str, list[dict]]

    def __len__(self) -> int:
        return len(self.right)

    def of(self, article: int, record: dict) -> tuple[bool, str] | None:
        """(right, how) for a candidate: the judgment of an equal record ("judged"), or wrong because
        it repeats every field a judgment found wrong on the same trigger ("judged-wrong-fields")."""
        verdict = self.right.get(judged_key(article, record))
        if verdict is not None:
            return verdict, "judged"
        for fields in self.wrong.get(_trigger_key(article, record), ()):
            if all(record.get(k) == v for k, v in fields.items()):
                return False, "judged-wrong-fields"
        return None


def _trigger_key(article: int, record: dict) -> str:
    return json.dumps([article, record["sentence"], record["trigger"]["span"]])


def judgments(parts=tuple(JUDGED_FILES)) -> Judgments:
    """The judged records of tests/data/wikinews_judged (a later judging of the same record wins
    over an earlier one)."""
    out = Judgments({}, {})
    for part in parts:
        for records_file, judgments_file in JUDGED_FILES.get(part, ()):
            records = {}
            for line in (JUDGED / records_file).read_text(encoding="utf-8").splitlines():
                if line.strip():
                    r = json.loads(line)
                    records[r["n"]] = r
            for line in (JUDGED / judgments_file).read_text(encoding="utf-8").splitlines():
                if line.strip():
                    j = json.loads(line)
                    r = records[j["n"]]
                    if r["article"] != j["article"]:
                        raise ValueError(f"{judgments_file}: judgment {j['n']} is not about record {j['n']}'s article")
                    rec = r["record"]
                    out.right[judged_key(r["article"], rec)] = bool(j["right"])
                    if not j["right"] and j["wrong"]:
                        fields = {k: rec.get(k) for w in j["wrong"] for k in _FIELDS_OF[w]}
                        out.wrong.setdefault(_trigger_key(r["article"], rec), []).append(fields)
    return out


def wikinews_documents(shared: Path, pipeline) -> tuple[dict[int, str], dict[int, object], dict[int, list[dict]]]:
    """The coded documents (without their parse) of every labelled article (and of any judged
    article not labelled yet): part per article, document per article, gold events per article."""
    from accord.evaluation import wikinews as W
    from accord.evaluation.events import _process

    devset = W.load_devset(DEVSET, shared)
    if devset is None:
        return {}, {}, {}
    judged = judgments()
    part_of = {a["article"]: a["part"] for a in devset.articles}
    rows = W.read_csv_rows(shared)
    for i in sorted({json.loads(k)[0] for k in judged.right} - set(part_of)):
        if i % 6 != 5:
            raise ValueError(f"judged article {i} is neither labelled nor in part F")
        part_of[i] = "F"
    ids = sorted(part_of)
    docs = _process((W.article_of(i, devset.texts.get(i) or rows[i]) for i in ids), pipeline, articles=True)
    for doc in docs:
        doc.doc = None  # features never read the parse; the cache keeps the document without it
    return part_of, dict(zip(ids, docs)), devset.events


def wikinews_items(part_of: dict[int, str], docs: dict[int, object], golds_of: dict[int, list[dict]],
                   without_learned: bool = False, verbose: bool = True,
                   version: int = V.FEATURE_VERSION, rule: str = DEFAULT_RULE) -> tuple[list[Item], dict[str, dict]]:
    """Judged candidates of every labelled part, and per part the gold events per article (for
    the curves).

    A candidate of a development part that equals a judged record (tests/data/wikinews_judged: same
    article, sentence, trigger and judged fields) takes that careful coder's judgment; one that
    repeats every field a judgment found wrong in a record of the same trigger is wrong; the other
    candidates are judged by the matching rule against the gold events (part B: always): `rule`
    ("strict", a careful coder's, or "lenient"; `accord.evaluation.records`) gives `right`, and both
    are kept in `Item.labels` so that models fitted on either can be scored on either."""
    from accord.evaluation.records import event_records, match

    if rule not in RULES:
        raise ValueError(f"unknown matching rule {rule!r}: {', '.join(RULES)}")
    judged = judgments()
    items, articles, carried = [], {}, {}
    for i, doc in sorted(docs.items()):
        records = event_records(doc)
        part = part_of[i]
        golds = golds_of.get(i)
        ms = {r: match(records, golds, strict=r == "strict") for r in RULES} if golds is not None else None
        for n, (rec, e) in enumerate(zip(records, doc.events)):
            verdict = judged.of(i, rec) if part != "B" else None  # part B: gold events only, never a judgment
            if verdict is not None:
                right, label = verdict
                by_rule = {r: right for r in RULES}
                count = carried.setdefault(part, {})
                count[label] = count.get(label, 0) + 1
                if ms is not None and right != (n in ms[rule].pairs):
                    count["disagrees_with_gold_match"] = count.get("disagrees_with_gold_match", 0) + 1
            elif ms is not None:
                by_rule, label = {r: n in ms[r].pairs for r in RULES}, "gold"
                right = by_rule[rule]
            else:
                continue
            items.append(Item(f"wikinews-{part}", f"w{i}", (i // 6) % FOLDS, {}, right, rec["cameo"] == "010", rec,
                              label, doc, e, labels=by_rule))
        if golds is not None:
            articles.setdefault(part, {})[i] = golds
    if verbose:
        print(f"judged records ({len(judged)}) carried over to today's candidates, per part:",
              json.dumps(carried, sort_keys=True))
    refeature(items, without_learned, version)
    return items, articles


def _overlap(a, b) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


def _class_offsets(ner_text: str, class_text: str) -> dict[int, int]:
    """Character i of the token-joined NER text -> the same character in the class file's text
    (the two have the same characters once whitespace is removed)."""
    out, j = {}, 0
    for i, ch in enumerate(ner_text):
        if ch.isspace():
            continue
        while class_text[j].isspace():
            j += 1
        out[i] = j
        j += 1
    return out


def _learned_oof(rows: list[tuple[str, int]], main_x: list[np.ndarray]) -> dict[int, tuple]:
    """Out-of-fold learned-class models: fold f -> (weights, bias) fitted, as
    tools/train_event_classifier.py fits the packaged one (its recorded penalty), on the
    development sentences outside fold f. A development sentence's learned-class features are
    taken from the model that did not see it (stacking), so the verifier learns how far to trust
    the learned class on text it has not seen."""
    trainer = _classifier_trainer()
    from accord.events import classifier as C

    lam = json.loads((REPO / "src" / "accord" / "resources" / "events" / C.META_FILE).read_text())["lambda"]
    dev = [k for k, (t, _) in enumerate(rows) if split_of(t) != "test"]
    X = np.array([main_x[k] for k in dev])
    y = np.array([rows[k][1] for k in dev])
    folds = np.array([cv_fold(rows[k][0]) for k in dev])
    return {f: trainer.fit(X[folds != f], y[folds != f], lam) for f in range(FOLDS)}


def conflibert_items(shared: Path, pipeline, without_learned: bool) -> tuple[list[Item], int]:
    """Judged candidates of the ConfliBERT sentences that have both a class and spans (the
    class file's text; the spans carried over from the NER file), and the number of held-out
    sentences."""
    from accord.evaluation.conll import read_conll
    from accord.evaluation.events import conflibert_class_rows
    from accord.evaluation.records import event_records
    from accord.events import classifier as C
    from accord.model import Article, Document

    key = lambda t: "".join(t.split())  # noqa: E731
    ner = {key(s.text): s for s in read_conll(shared / NER)}
    rows, seen = [], set()
    for text, cls in conflibert_class_rows(shared):
        if key(text) not in seen:  # a sentence repeated in the file is one sentence
            seen.add(key(text))
            rows.append((text, cls))
    stages = [s for s in pipeline.stages if s.name in ("actors", "time", "events")]
    docs = pipeline.parse.process(Document(Article(id=f"cls-{n}", text=t)) for n, (t, _) in enumerate(rows))
    main_x, cand = [], []
    for (text, gold_class), document in zip(rows, docs):
        for stage in stages:
            stage.process_document(document)
        sentences = list(document.doc.sents)
        main = C.rules_main(document.detections)
        main_x.append(C.features(sentences[main.sentence] if main else sentences[0], main))
        det_x = []
        for e in document.events:
            det = V.detection_of(e, document)
            det_x.append(C.features(sentences[det.sentence], det) if det is not None else None)
        document.doc = None
        cand.append((document, det_x))
    oof = None if without_learned else _learned_oof(rows, main_x)
    items, heldout_sentences = [], 0
    for n, ((text, gold_class), (document, det_x)) in enumerate(zip(rows, cand)):
        held_out = split_of(text) == "test"
        sent = ner.get(key(text))
        if sent is None:
            continue
        heldout_sentences += held_out
        where = _class_offsets(sent.text, text)
        offsets = sent.offsets()
        gold = {"S": [], "T": [], "R": []}
        for role, a, b in sent.spans():
            gold[role].append((where[offsets[a][0]], where[offsets[b - 1][1] - 1] + 1))
        feats = _features(document, without_learned)
        main = C.rules_main(document.detections)
        for e, rec, f, x in zip(document.events, event_records(document), feats, det_x):
            right = _judge_conflibert(rec, gold, gold_class)
            if right is None:
                continue
            if V.detection_of(e, document) is not main and not right and not _both_overlap(rec, gold):
                continue  # a secondary event sharing one actor: perhaps another act, which nobody judged
            learned = None
            if oof is not None and not held_out:
                f = {k: v for k, v in f.items() if not k.startswith("learned_")}
                learned = {}
                cls = class_of_code(rec["cameo"])
                if x is not None and cls is not None:
                    w, bias = oof[cv_fold(text)]
                    p = C.softmax(x @ w + bias)
                    learned = {"learned_p_of_class": float(p[cls]), "learned_agrees": float(int(p.argmax()) == cls)}
                    f.update(learned)
            items.append(Item("conflibert-heldout" if held_out else "conflibert-dev", f"c{n}", cv_fold(text),
                              f, right, rec["cameo"] == "010", rec, "conflibert", document, e, learned))
    return items, heldout_sentences


def _covers(actor: dict | None, spans: list) -> bool:
    return actor is not None and any(_overlap(actor["span"], g) for g in spans)


def _both_overlap(rec: dict, gold: dict) -> bool:
    labelled = gold["S"] + gold["T"] + gold["R"]
    return _covers(rec["source"], labelled) and (rec["target"] is None or _covers(rec["target"], labelled))


def _judge_conflibert(rec: dict, gold: dict, gold_class: int) -> bool | None:
    """Right (True), wrong (False), or not judged (None: shares no actor with the labelled event).
    Reciprocal events (R spans): source and target must each be a participant; else the source
    must overlap the gold source and the target the gold target (null when the gold has none)."""
    labelled = gold["S"] + gold["T"] + gold["R"]
    if not (_covers(rec["source"], labelled) or _covers(rec["target"], labelled)):
        return None
    cls = class_of_code(rec["cameo"])
    if (0 if cls is None else cls) != gold_class:
        return False
    if gold["R"] and not gold["S"]:
        return _covers(rec["source"], gold["R"]) and (rec["target"] is None or _covers(rec["target"], gold["R"] + gold["T"]))
    if not _covers(rec["source"], gold["S"]):
        return False
    return _covers(rec["target"], gold["T"]) if gold["T"] else rec["target"] is None


# ------------------------------------------------------------------------------ model
def vocabulary(items: list[Item]) -> list[str]:
    counts: dict[str, int] = {}
    for it in items:
        for k in it.features:
            counts[k] = counts.get(k, 0) + 1
    return sorted(k for k, c in counts.items() if c >= MIN_COUNT)


def matrix(items: list[Item], names: list[str]) -> np.ndarray:
    index = {n: k for k, n in enumerate(names)}
    X = np.zeros((len(items), len(names)))
    for r, it in enumerate(items):
        for k, v in it.features.items():
            c = index.get(k)
            if c is not None:
                X[r, c] = v
    return X


def fit(X: np.ndarray, y: np.ndarray, w: np.ndarray, lam: float) -> tuple[np.ndarray, float]:
    """Weighted L2 logistic regression (bias not penalised) by Newton's method."""
    n, p = X.shape
    Z = np.hstack([X, np.ones((n, 1))])
    beta = np.zeros(p + 1)
    penalty = np.full(p + 1, lam)
    penalty[-1] = 1e-6
    for _ in range(NEWTON_STEPS):
        mu = V.sigmoid(Z @ beta)
        grad = Z.T @ (w * (mu - y)) + penalty * beta
        H = (Z * (w * mu * (1 - mu))[:, None]).T @ Z + np.diag(penalty)
        beta = beta - np.linalg.solve(H, grad)
    return beta[:-1], float(beta[-1])


def platt(logits: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """a, b of sigmoid(a * logit + b) fitted to the judgments (Newton, a tiny ridge)."""
    a, b = fit(logits.reshape(-1, 1), y, np.ones_like(y), 1e-3)
    return float(a[0]), b


def auc(score: np.ndarray, y: np.ndarray) -> float | None:
    """Area under the ROC curve (ties count half): how well the scores rank right above wrong."""
    pos, neg = score[y > 0.5], score[y <= 0.5]
    if not len(pos) or not len(neg):
        return None
    greater = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
    return float(greater / (len(pos) * len(neg)))


def log_loss(p: np.ndarray, y: np.ndarray) -> float:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def out_of_fold(items: list[Item], names: list[str], lam: float, cweight: float,
                learn: np.ndarray | None = None, rule: str | None = None) -> np.ndarray:
    """Out-of-fold logits of every item; only the items `learn` marks (default all) are fitted on,
    on their labels by the matching `rule` (default: `right`)."""
    X = matrix(items, names)
    y = labels(items, rule)
    w = np.array([cweight if it.source.startswith("conflibert") else 1.0 for it in items])
    folds = np.array([it.fold for it in items])
    out = np.zeros(len(items))
    for f in range(FOLDS):
        train = (folds != f) & (w > 0) & (np.ones(len(items), bool) if learn is None else learn)
        weights, bias = fit(X[train], y[train], w[train], lam)
        out[folds == f] = X[folds == f] @ weights + bias
    return out


# ------------------------------------------------------------------------------ curves
def curve_wikinews(articles: dict[int, list[dict]], items: list[Item], confidence: np.ndarray,
                   rule: str = DEFAULT_RULE) -> list[dict]:
    """Records (bare statements aside) at each threshold against the gold events (bare
    statements aside) by the matching `rule`, one-to-one matching recomputed at each threshold."""
    from accord.evaluation.records import match

    by_article: dict[str, list[tuple[float, dict]]] = {}
    for it, c in zip(items, confidence):
        if not it.statement:
            by_article.setdefault(it.group, []).append((c, it.record))
    rows = []
    for t in GRID:
        records = right = gold = 0
        for i, golds in articles.items():
            kept = [r for c, r in by_article.get(f"w{i}", []) if c >= t]
            g = [e for e in golds if e["cameo"] != "010"]
            m = match(kept, g, strict=rule == "strict")
            records += len(kept)
            right += len(m.pairs)
            gold += len(g)
        rows.append(_row(t, records, right, gold))
    return rows


def curve_conflibert(items: list[Item], confidence: np.ndarray, sentences: int) -> list[dict]:
    """Records (bare statements aside) at each threshold; recall: the share of the `sentences`
    whose labelled event a kept record matches."""
    rows = []
    for t in GRID:
        kept = [(it, c) for it, c in zip(items, confidence) if not it.statement and c >= t]
        found = len({it.group for it, _ in kept if it.right})
        rows.append(_row(t, len(kept), sum(it.right for it, _ in kept), sentences, found))
    return rows


def _row(t: float, records: int, right: int, gold: int, found: int | None = None) -> dict:
    found = right if found is None else found
    p = right / records if records else 0.0
    r = found / gold if gold else 0.0
    f05 = 1.25 * p * r / (0.25 * p + r) if p + r else 0.0
    return {"threshold": t, "records": records, "right": right, "gold": gold, "found": found,
            "precision": round(p, 4), "recall": round(r, 4), "f0.5": round(f05, 4)}


def choose_threshold(curve: list[dict]) -> float:
    for row in curve:
        if row["precision"] >= TARGET_PRECISION and row["records"] >= MIN_RECORDS:
            return row["threshold"]
    return max(curve, key=lambda r: (r["f0.5"], -r["threshold"]))["threshold"]


def reliability(confidence: np.ndarray, y: np.ndarray) -> list[dict]:
    rows = []
    edges = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0001)
    for lo, hi in zip(edges, edges[1:]):
        sel = (confidence >= lo) & (confidence < hi)
        if sel.any():
            rows.append({"confidence": f"{lo:.1f}-{min(hi, 1.0):.1f}", "candidates": int(sel.sum()),
                         "mean_confidence": round(float(confidence[sel].mean()), 3),
                         "share_right": round(float(y[sel].mean()), 3)})
    return rows


# ------------------------------------------------------------------------------ output
def _classifier_trainer():
    """tools/train_event_classifier.py as a module (its fit and its reproducible .npz writer)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("train_event_classifier", REPO / "tools" / "train_event_classifier.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def npz_bytes(weights: np.ndarray, bias: float) -> bytes:
    """The .npz written as the learned class's is: fixed member order and timestamps."""
    return _classifier_trainer().npz_bytes(weights, np.array([bias]))


def data_checksums(shared: Path) -> dict[str, str]:
    files = {"conflibert_ner": shared / NER, "conflibert_classes": shared / CLASSES, "wikinews_csv": shared / WIKINEWS,
             "wikinews_dev_articles": DEVSET / "articles.jsonl", "wikinews_dev_events": DEVSET / "events.jsonl"}
    return {k: hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "missing" for k, p in files.items()}


def candidates_fingerprint(items: list[Item]) -> str:
    h = hashlib.sha256()
    for it in items:
        h.update(json.dumps([it.source, it.group, it.right, sorted((k, round(v, 6)) for k, v in it.features.items())]).encode())
    return h.hexdigest()


def summarise(items: list[Item]) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for it in items:
        s = out.setdefault(it.source, {"candidates": 0, "right": 0, "groups": set()})
        s["candidates"] += 1
        s["right"] += it.right
        s["groups"].add(it.group)
    return {k: {"candidates": v["candidates"], "right": v["right"], "articles_or_sentences": len(v["groups"])}
            for k, v in sorted(out.items())}


def wikinews_sources(parts) -> set[str]:
    wrong = [p for p in parts if p not in DEVELOPMENT_PARTS]
    if wrong:
        raise ValueError(f"Wikinews part(s) {', '.join(wrong)} are not development data; train on "
                         f"{', '.join(DEVELOPMENT_PARTS)} only")
    return {f"wikinews-{p}" for p in parts}


def train(items: list[Item], search: bool, recorded: dict | None = None,
          parts: tuple[str, ...] = DEVELOPMENT_PARTS) -> dict:
    """Choose parameters (or take the recorded ones), fit on the Wikinews `parts` and the
    ConfliBERT development sentences, calibrate; returns everything."""
    news = wikinews_sources(parts)
    training = [it for it in items if it.source in news or it.source == "conflibert-dev"]
    target = [k for k, it in enumerate(training) if it.source in news]
    names = vocabulary(training)
    y = np.array([it.right for it in training], dtype=float)
    enough = len(target) >= MIN_TARGET
    scored_on = "+".join(sorted(news)) if enough else "all training candidates"
    judge = np.array(target) if enough else np.arange(len(training))
    other = np.array([k for k, it in enumerate(training) if it.source not in news])
    search_table = []
    if search:
        best = None
        for cw in CONFLIBERT_WEIGHTS:
            if cw == 0 and not enough:
                continue  # without part A there is nothing else to learn from
            for lam in LAMBDAS:
                oof = out_of_fold(training, names, lam, cw)
                # Both kinds of news count: the mean of the two out-of-fold log-losses (part A
                # alone while it is small would choose for one kind of news only).
                loss = log_loss(V.sigmoid(oof[judge]), y[judge])
                if enough and len(other):
                    loss = (loss + log_loss(V.sigmoid(oof[other]), y[other])) / 2
                search_table.append({"lambda": lam, "conflibert_weight": cw, "cv_log_loss": round(loss, 5)})
                if best is None or loss < best[0] - 1e-12:
                    best = (loss, lam, cw)
        _, lam, cw = best
    else:
        lam, cw = recorded["lambda"], recorded["conflibert_weight"]
    oof = out_of_fold(training, names, lam, cw)
    a, b = platt(oof[judge], y[judge])
    X = matrix(training, names)
    w = np.array([cw if it.source.startswith("conflibert") else 1.0 for it in training])
    keep = w > 0
    weights, bias = fit(X[keep], y[keep], w[keep], lam)
    calibrated_oof = V.sigmoid(a * oof + b)
    by_source = {}
    for source in sorted(news) + ["conflibert-dev"]:
        sel = np.array([it.source == source for it in training])
        if sel.any():
            base = float(y[sel].mean())
            by_source[source] = {"candidates": int(sel.sum()), "share_right": round(base, 4),
                                 "oof_auc": None if auc(oof[sel], y[sel]) is None else round(auc(oof[sel], y[sel]), 4),
                                 "oof_log_loss": round(log_loss(V.sigmoid(oof[sel]), y[sel]), 4),
                                 "constant_log_loss": round(log_loss(np.full(int(sel.sum()), base), y[sel]), 4)}
    return {"by_source": by_source, "names": names, "lambda": lam, "conflibert_weight": cw, "weights": weights, "bias": bias,
            "parts": list(parts),
            "calibration": {"a": a, "b": b, "fitted_on": f"out-of-fold logits, {scored_on}"},
            "search": search_table, "scored_on": scored_on,
            "oof_reliability": reliability(calibrated_oof[judge], y[judge]),
            "oof_log_loss": log_loss(calibrated_oof[judge], y[judge])}


def ordinary_news_oof(items: list[Item], lam: float, cweight: float, parts, fit_rule: str | None = None,
                      score_rule: str | None = None) -> dict:
    """Out-of-fold confidence on every Wikinews development candidate (parts A, C, D, E as labelled),
    from models fitted fold by fold on the Wikinews `parts` and the ConfliBERT development
    sentences outside the fold (a part not in `parts` is only predicted, never fitted on), on the
    labels of `fit_rule`, scored on those of `score_rule` (default: `right` for both). The
    logits are Platt-calibrated on themselves for the curve; the AUC does not depend on that."""
    news = wikinews_sources(parts)
    development = wikinews_sources(DEVELOPMENT_PARTS)
    pool = [it for it in items if it.source in development or it.source == "conflibert-dev"]
    learn = np.array([it.source in news or it.source == "conflibert-dev" for it in pool])
    names = vocabulary([it for it, keep in zip(pool, learn) if keep])
    logits = out_of_fold(pool, names, lam, cweight, learn, fit_rule)
    on_news = np.array([it.source in development for it in pool])
    y = labels(pool, score_rule)
    a, b = platt(logits[on_news], y[on_news])
    by_part = {}
    for source in sorted(development):
        sel = np.array([it.source == source for it in pool])
        if sel.any():
            v = auc(logits[sel], y[sel])
            by_part[source] = {"candidates": int(sel.sum()), "right": int(y[sel].sum()),
                               "oof_auc": None if v is None else round(v, 4)}
    v = auc(logits[on_news], y[on_news])
    return {"trained_on": sorted(news) + ["conflibert-dev"], "lambda": lam, "conflibert_weight": cweight,
            "oof_auc": None if v is None else round(v, 4), "by_part": by_part,
            "items": [it for it, keep in zip(pool, on_news) if keep],
            "confidence": V.sigmoid(a * logits[on_news] + b)}


def leave_one_part_out(items: list[Item], lam: float, cweight: float, fit_rule: str | None = None,
                       score_rule: str | None = None, parts=DEVELOPMENT_PARTS) -> dict:
    """Leave one Wikinews part out: for each development part, a model fitted on the other `parts`
    (on their labels by `fit_rule`) and the ConfliBERT development sentences (weight `cweight`)
    predicts the part it never saw, which is nearer "news nobody tuned on" than folds by article.
    Per part and pooled AUC on the labels by `score_rule`; the pooled logits, Platt-calibrated on
    themselves, give the confidence for a curve (`items`, `confidence`). Never part B."""
    wikinews_sources(parts)
    sources = {p: f"wikinews-{p}" for p in parts}
    cb = [it for it in items if it.source == "conflibert-dev"] if cweight > 0 else []
    tested, logits, by_part = [], [], {}
    for p, source in sources.items():
        test = [it for it in items if it.source == source]
        if not test:
            continue
        train_items = [it for it in items if it.source in sources.values() and it.source != source] + cb
        names = vocabulary(train_items)
        w = np.array([cweight if it.source.startswith("conflibert") else 1.0 for it in train_items])
        weights, bias = fit(matrix(train_items, names), labels(train_items, fit_rule), w, lam)
        z = matrix(test, names) @ weights + bias
        y = labels(test, score_rule)
        v = auc(z, y)
        by_part[source] = {"candidates": len(test), "right": int(y.sum()), "auc": None if v is None else round(v, 4)}
        tested += test
        logits.append(z)
    z = np.concatenate(logits) if logits else np.zeros(0)
    y = labels(tested, score_rule)
    a, b = platt(z, y) if len(z) else (1.0, 0.0)
    aucs = [row["auc"] for row in by_part.values() if row["auc"] is not None]
    pooled = auc(z, y) if len(z) else None
    return {"lambda": lam, "conflibert_weight": cweight, "fit_rule": fit_rule, "score_rule": score_rule,
            "by_part": by_part, "mean_auc": round(float(np.mean(aucs)), 4) if aucs else None,
            "pooled_auc": None if pooled is None else round(pooled, 4),
            "items": tested, "confidence": V.sigmoid(a * z + b)}


def _print_oof(label: str, oof: dict, curve: list[dict]) -> None:
    print(f"\n{label}: trained on {', '.join(oof['trained_on'])} (lambda={oof['lambda']}, ConfliBERT "
          f"weight={oof['conflibert_weight']}); out-of-fold AUC on the Wikinews development parts "
          f"{oof['oof_auc']}")
    for source, row in oof["by_part"].items():
        print(f"   {source}: {row}")
    print("   out-of-fold precision/recall (bare statements aside):")
    for row in curve:
        print("     ", row)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--out", type=Path, default=REPO / "src" / "accord" / "resources" / "events")
    ap.add_argument("--check", action="store_true", help="refit with the recorded parameters and compare")
    ap.add_argument("--without-learned-class", action="store_true", help="leave out the learned class's features")
    ap.add_argument("--report", action="store_true", help="print the figures only; write nothing")
    ap.add_argument("--wikinews-parts", default=",".join(DEVELOPMENT_PARTS),
                    help="Wikinews development parts to train and calibrate on (never B)")
    ap.add_argument("--refit", action="store_true",
                    help="refit the packaged recipe (its recorded Wikinews parts, penalty and ConfliBERT weight) on "
                         "today's candidates, without a parameter search")
    ap.add_argument("--cache", type=Path, help="keep the candidates in this file and reuse them on the next run "
                    "(only while the code and data are unchanged; never with --check)")
    ap.add_argument("--feature-version", type=int, default=V.FEATURE_VERSION, choices=V.FEATURE_VERSIONS,
                    help="the verifier's feature set (accord.events.verifier.candidate_features)")
    ap.add_argument("--adopt-if-better", action="store_true",
                    help="write the new model only if its out-of-fold AUC on the Wikinews development parts "
                         "beats the packaged recipe's; else refit the packaged recipe")
    ap.add_argument("--rule", choices=RULES, default=DEFAULT_RULE,
                    help="the Wikinews matching rule that labels candidates without a judged record and scores the "
                         "curves, the threshold's among them (accord.evaluation.records)")
    ap.add_argument("--leave-one-part-out", action="store_true",
                    help="also print the leave-one-part-out AUC and curve of the new model's recipe")
    args = ap.parse_args()
    parts = tuple(p.strip() for p in args.wikinews_parts.split(",") if p.strip())
    wikinews_sources(parts)  # refuses part B (held out) or an unknown part before any work

    if args.cache and args.cache.is_file() and not args.check:
        with args.cache.open("rb") as fh:
            wikinews, c_items, heldout_sentences = pickle.load(fh)
        print(f"candidates read from {args.cache}, not recomputed (same commit and data only; --check recomputes); "
              "features and judgments recomputed")
    else:
        pipeline = _pipeline()
        stage = next(s for s in pipeline.stages if s.name == "events")
        stage.verifier = None  # candidates as the coder makes them; features never read the confidence
        wikinews = wikinews_documents(args.shared, pipeline)
        c_items, heldout_sentences = conflibert_items(args.shared, pipeline, args.without_learned_class)
        if args.cache and not args.check:
            with args.cache.open("wb") as fh:
                pickle.dump((wikinews, c_items, heldout_sentences), fh)
    if args.check:
        recorded = json.loads((args.out / V.META_FILE).read_text(encoding="utf-8"))
        args.feature_version = recorded["feature_version"]
        args.rule = recorded.get("wikinews_rule", "lenient")
    refeature(c_items, args.without_learned_class, args.feature_version)
    w_items, articles = wikinews_items(*wikinews, without_learned=args.without_learned_class,
                                       version=args.feature_version, rule=args.rule)
    items = w_items + c_items
    print("candidates:", json.dumps(summarise(items)))

    if args.check:
        meta = json.loads((args.out / V.META_FILE).read_text(encoding="utf-8"))
        problems = []
        if meta["data_sha256"] != data_checksums(args.shared):
            problems.append("the labelled data differ from those the verifier was trained on")
        if meta["parameters"] != parameters(meta["feature_version"]):
            problems.append("training parameters differ from the recorded ones")
        if meta["candidates_sha256"] != candidates_fingerprint(items):
            problems.append("the candidates or their judgments changed since training (coder, resolver or labels)")
        result = train(items, search=False, recorded=meta, parts=tuple(meta.get("wikinews_training_parts", ["A"])))
        blob = npz_bytes(result["weights"], result["bias"])
        if result["names"] != meta["features"] or hashlib.sha256(blob).hexdigest() != meta["weights_sha256"]:
            problems.append("refitted weights differ from the packaged ones")
        for p in problems:
            print("STALE:", p)
        print("packaged verifier is current" if not problems else "retrain: .venv/bin/python tools/train_verifier.py")
        return 1 if problems else 0

    result = train(items, search=True, parts=parts)
    development = {p: articles[p] for p in DEVELOPMENT_PARTS if articles.get(p)}
    dev_articles = {i: golds for part in development.values() for i, golds in part.items()}

    def oof_curve(oof: dict) -> list[dict]:
        return curve_wikinews(dev_articles, oof["items"], oof["confidence"], args.rule)

    new_oof = ordinary_news_oof(items, result["lambda"], result["conflibert_weight"], parts)
    new_curve = oof_curve(new_oof)
    if args.leave_one_part_out:
        lopo = leave_one_part_out(items, result["lambda"], result["conflibert_weight"])
        print(f"\nleave one part out ({args.rule} labels): mean AUC {lopo['mean_auc']}, pooled {lopo['pooled_auc']}")
        for source, row in lopo["by_part"].items():
            print(f"   {source}: {row}")
        for row in curve_wikinews(dev_articles, lopo["items"], lopo["confidence"], args.rule):
            print("     ", row)
    packaged_file = args.out / V.META_FILE
    packaged = json.loads(packaged_file.read_text(encoding="utf-8")) if packaged_file.is_file() else None
    comparison = None
    if packaged is not None:
        old_parts = tuple(packaged.get("wikinews_training_parts", ["A"]))
        old_rule = packaged.get("wikinews_rule", "lenient")  # fitted on its own rule's labels, scored on today's
        old_oof = ordinary_news_oof(items, packaged["lambda"], packaged["conflibert_weight"], old_parts,
                                    fit_rule=old_rule, score_rule=args.rule)
        old_curve = oof_curve(old_oof)
        _print_oof("the packaged model's recipe, refitted on today's candidates", old_oof, old_curve)
        _print_oof("the new model", new_oof, new_curve)
        better = (new_oof["oof_auc"] or 0.0) > (old_oof["oof_auc"] or 0.0)
        comparison = {"packaged_recipe": {k: old_oof[k] for k in ("trained_on", "lambda", "conflibert_weight",
                                                                  "oof_auc", "by_part")},
                      "new": {k: new_oof[k] for k in ("trained_on", "lambda", "conflibert_weight", "oof_auc",
                                                      "by_part")},
                      "new_is_better": better}
        print(f"\nnew model's out-of-fold AUC on ordinary news {new_oof['oof_auc']} vs the packaged recipe's "
              f"{old_oof['oof_auc']}: {'better' if better else 'not better'}")
        if args.refit or (args.adopt_if_better and not better):
            print("the packaged recipe is refitted on today's candidates" +
                  ("" if args.refit else " (the new model is not adopted)"))
            parts = old_parts
            if old_rule != args.rule:  # the packaged recipe includes its rule: labels and curves
                print(f"the packaged recipe's rule is {old_rule}: its labels and curves are used")
                args.rule = old_rule
                for it in items:
                    it.right = label_of(it, old_rule)
            result = train(items, search=False, recorded=packaged, parts=parts)
            new_oof = ordinary_news_oof(items, packaged["lambda"], packaged["conflibert_weight"], old_parts)
            new_curve = oof_curve(new_oof)
    else:
        if args.refit:
            raise SystemExit(f"--refit: no packaged verifier in {args.out}")
        _print_oof("the new model", new_oof, new_curve)
    print(f"\nfeatures: {len(result['names'])}; chosen lambda={result['lambda']}, "
          f"ConfliBERT weight={result['conflibert_weight']} (scored on {result['scored_on']})")
    for row in result["search"]:
        print("  ", row)
    print(f"calibration a={result['calibration']['a']:.3f} b={result['calibration']['b']:.3f}; "
          f"out-of-fold log-loss {result['oof_log_loss']:.4f}")
    for source, row in result["by_source"].items():
        print(f"  out of fold, {source}: {row}")
    print("out-of-fold reliability (tuning data):")
    for row in result["oof_reliability"]:
        print("  ", row)

    names, weights, bias = result["names"], result["weights"], result["bias"]
    a, b = result["calibration"]["a"], result["calibration"]["b"]

    def confidence(subset: list[Item]) -> np.ndarray:
        return V.sigmoid(a * (matrix(subset, names) @ weights + bias) + b) if subset else np.zeros(0)

    heldout_articles = articles.get("B", {})
    if len(heldout_articles) >= MIN_HELDOUT_ARTICLES:
        subset = [it for it in items if it.source == "wikinews-B"]
        curve = curve_wikinews(heldout_articles, subset, confidence(subset), args.rule)
        heldout = f"Wikinews 2019 part B ({len(heldout_articles)} articles, {args.rule} rule)"
    else:
        subset = [it for it in items if it.source == "conflibert-heldout"]
        curve = curve_conflibert(subset, confidence(subset), heldout_sentences)
        heldout = f"ConfliBERT held-out sentences ({heldout_sentences})"
    threshold = choose_threshold(curve)
    print(f"\nprecision/recall on held-out data, {heldout} (bare statements aside):")
    for row in curve:
        print("  ", row)
    print(f"default threshold: {threshold}")
    tuning_curve = None
    trained = {i: golds for p in parts for i, golds in articles.get(p, {}).items()}
    if trained:
        subset = [it for it in items if it.source in wikinews_sources(parts)]
        tuning_curve = curve_wikinews(trained, subset, confidence(subset), args.rule)  # in-sample: tuned on
    if args.report:
        return 0

    blob = npz_bytes(weights, bias)
    meta = {
        "description": "Accord event verifier: L2 logistic regression over candidate-event features, "
                       "Platt-calibrated; confidence = estimated share of such records a careful coder judges right",
        "feature_version": args.feature_version,
        "features": names,
        "parameters": parameters(args.feature_version),
        "lambda": result["lambda"],
        "conflibert_weight": result["conflibert_weight"],
        "calibration": result["calibration"],
        "threshold": threshold,
        "threshold_rule": f"lowest grid threshold with held-out precision >= {TARGET_PRECISION} and >= "
                          f"{MIN_RECORDS} records, else best F0.5; bare statements aside",
        "threshold_chosen_on": heldout,
        "heldout_curve": curve,
        "tuning_curve_in_sample": tuning_curve,
        "wikinews_training_parts": list(parts),
        "wikinews_rule": args.rule,
        "oof_ordinary_news": {"oof_auc": new_oof["oof_auc"], "by_part": new_oof["by_part"],
                              "curve": new_curve, "calibration": "Platt on these out-of-fold logits"},
        "packaged_recipe_comparison": comparison,
        "cv_search": result["search"],
        "oof_reliability": result["oof_reliability"],
        "oof_by_source": result["by_source"],
        "training": summarise(items),
        "learned_class_features": not args.without_learned_class,
        "data_sha256": data_checksums(args.shared),
        "candidates_sha256": candidates_fingerprint(items),
        "weights_sha256": hashlib.sha256(blob).hexdigest(),
        "licence_note": "fitted on judgments of Wikinews (CC BY 2.5) and ConfliBERT (GPL-3.0) sentences; "
                        "see resources/events/SOURCES.md",
        "trained_by": "tools/train_verifier.py",
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / V.MODEL_FILE).write_bytes(blob)
    (args.out / V.META_FILE).write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    print(f"\nwrote {args.out / V.MODEL_FILE} and {V.META_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
