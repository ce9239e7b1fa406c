#!/usr/bin/env python3
"""Measure record policies on the Wikinews development parts (A, C, D, E, F; never part B),
leaving one part out: which candidates a careful coder finds right (the strict rule of
`accord.evaluation.records`), by the signals of `accord.events.signals`.

Usage: .venv/bin/python tools/record_policy.py [--cache FILE] [--dump FILE.jsonl] [--shared DIR]

--cache FILE   the coded development documents (every candidate kept), written by
               tools/dump_candidates.py (made when missing; same commit and data only). Without
               it every run dumps this commit's candidates afresh.
--write        write resources/events/record_policy.json (levels' confidence, threshold by its rule).
--check        recode the candidates and exit 1 when record_policy.json is not what --write writes.
--dump FILE    one line per candidate (bare statements aside): part, article, the strict judgment,
               the fields the nearest gold event of its sentence disagrees on, its signals and the
               features they come from.

Prints, per policy family, each fold (chosen on four parts, scored on the fifth) and the mean:
- conjunctions of up to three signals, chosen by the Wilson lower bound (z = 1.645) of strict
  precision on the four parts;
- the count of signals (the policy's levels), threshold chosen the same way;
- a logistic regression over the signals fitted on four parts.
(The learned verifier these were compared with, `accord.events.verifier`, was removed on 2026-12-08:
docs/record-policy-2026-12-08.md.)
Everything is deterministic.
"""
from __future__ import annotations

import argparse
import itertools
import json
import math
import pickle
import subprocess
import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from accord.evaluation.records import event_records, match  # noqa: E402
from accord.events import signals as S  # noqa: E402

PARTS = ("A", "C", "D", "E", "F")
Z = 1.645


def wilson_lower(right: int, n: int) -> float:
    if n == 0:
        return 0.0
    p = right / n
    d = 1 + Z * Z / n
    centre = p + Z * Z / (2 * n)
    margin = Z * math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n))
    return (centre - margin) / d


class Corpus:
    """Per article: its part, its candidates (record, event, signals) and gold events, 010 aside."""

    def __init__(self, data: dict) -> None:
        self.articles = []
        for i, (part, doc, golds) in sorted(data.items()):
            how = S.document_how(doc)
            cands = [(r, e, S.signals(e, how, doc.article.text, bool(doc.article.date))) for r, e in zip(event_records(doc), doc.events)
                     if r["cameo"] != "010"]
            self.articles.append((i, part, doc, cands, [g for g in golds if g["cameo"] != "010"]))

    def score(self, keep, parts) -> tuple[int, int, int]:
        """(records, strictly right, gold events) over `parts` for `keep(record, event, signals)`."""
        n = right = gold = 0
        for i, part, doc, cands, golds in self.articles:
            if part not in parts:
                continue
            kept = [r for r, e, s in cands if keep(r, e, s)]
            n += len(kept)
            right += len(match(kept, golds, strict=True).pairs)
            gold += len(golds)
        return n, right, gold


def fmt(n: int, right: int, gold: int) -> str:
    p = right / n if n else 0.0
    return f"{right}/{n} (P {100 * p:.1f}, R {100 * right / gold if gold else 0:.1f})"


def conjunctions(max_size: int = 3):
    yield ()
    for k in range(1, max_size + 1):
        yield from itertools.combinations(S.SIGNALS, k)


def choose(corpus: Corpus, policies: dict, parts) -> tuple[str, tuple]:
    best = None
    for name, keep in policies.items():
        n, right, gold = corpus.score(keep, parts)
        key = (wilson_lower(right, n), n)
        if best is None or key > best[0]:
            best = (key, name)
    return best[1], best[0]


def leave_one_part_out(corpus: Corpus, policies: dict, label: str) -> dict:
    print(f"\n== {label}: chosen on four parts by the Wilson lower bound of strict precision, scored on the fifth")
    total = [0, 0, 0]
    per = []
    for held in PARTS:
        train = [p for p in PARTS if p != held]
        name, key = choose(corpus, policies, train)
        n, right, gold = corpus.score(policies[name], [held])
        tn, tr, tg = corpus.score(policies[name], train)
        per.append(right / n if n else 0.0)
        total = [total[0] + n, total[1] + right, total[2] + gold]
        print(f"  {held}: {name:60s} on {''.join(train)} {fmt(tn, tr, tg)} -> {held} {fmt(n, right, gold)}")
    print(f"  pooled out of fold {fmt(*total)}; mean of parts' precision {100 * np.mean(per):.1f}")
    return {"pooled": total, "mean_precision": float(np.mean(per))}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", type=Path, default=None,
                    help="reuse the candidates dumped here (made when missing); default: dump this commit's afresh")
    ap.add_argument("--dump", type=Path)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--write", action="store_true", help="write resources/events/record_policy.json")
    ap.add_argument("--check", action="store_true", help="exit 1 when record_policy.json is not what --write writes")
    args = ap.parse_args()
    if args.check or args.cache is None:  # the candidates of this commit, never a cache another commit left
        import tempfile

        args.cache = Path(tempfile.mkdtemp()) / "candidates.pkl"
    if not args.cache.is_file():
        subprocess.run([sys.executable, str(REPO / "tools" / "dump_candidates.py"), str(args.cache),
                        "--shared", str(args.shared)], check=True)
    with args.cache.open("rb") as fh:
        corpus = Corpus(pickle.load(fh))
    for p in PARTS:
        print(p, "all candidates", fmt(*corpus.score(lambda r, e, s: True, [p])))
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as fh:
            for i, part, doc, cands, golds in corpus.articles:
                m = match([r for r, _, _ in cands], golds, strict=True)
                for n, (r, e, s) in enumerate(cands):
                    g, j = m.nearest_gold(n)
                    faults = [] if n in m.pairs else (["no gold event in the sentence"] if g is None
                                                        else [f for f, ok in j.items() if not ok])
                    how = S.document_how(doc)
                    fh.write(json.dumps({
                        "part": part, "article": i, "sentence": r["sentence"], "trigger": r["trigger"]["text"],
                        "cameo": r["cameo"], "root": r["cameo"][:2], "right_strict": n in m.pairs, "faults": faults,
                        "date_basis": e.date_basis, "date_precision": e.date_precision, "modality": r["modality"],
                        "negated": r["negated"], "rule": e.explain.split(";", 1)[0],
                        "src_slot": S._slot(e.explain, "src"), "tgt_slot": S._slot(e.explain, "tgt"),
                        "src_how": how.get(tuple(e.source.span)) if e.source else None,
                        "tgt_how": how.get(tuple(e.target.span)) if e.target else None,
                        "source": (r["source"] or {}).get("code"), "target": (r["target"] or {}).get("code"),
                        "level": S.level(s),
                        "signals": s, "explain": e.explain,
                    }, ensure_ascii=False) + "\n")
    if args.write or args.check:
        return write(corpus, args.check)
    conj = {("+".join(c) or "everything"): (lambda r, e, s, c=c: all(s[x] for x in c)) for c in conjunctions()}
    leave_one_part_out(corpus, conj, "conjunctions of up to three signals")
    counts = {f"count >= {k}": (lambda r, e, s, k=k: sum(s.values()) >= k) for k in range(len(S.SIGNALS) + 1)}
    leave_one_part_out(corpus, counts, "count of signals")
    main_scores(corpus)
    return 0



# ------------------------------------------------------------------------------ learned scores
NEWTON_STEPS = 25


def fit(X: np.ndarray, y: np.ndarray, w: np.ndarray, lam: float) -> tuple[np.ndarray, float]:
    """Weighted L2 logistic regression (bias not penalised) by Newton's method."""
    n, p = X.shape
    Z = np.hstack([X, np.ones((n, 1))])
    beta = np.zeros(p + 1)
    penalty = np.full(p + 1, lam)
    penalty[-1] = 1e-6
    for _ in range(NEWTON_STEPS):
        mu = 1.0 / (1.0 + np.exp(-np.clip(Z @ beta, -40, 40)))
        grad = Z.T @ (w * (mu - y)) + penalty * beta
        H = (Z * (w * mu * (1 - mu))[:, None]).T @ Z + np.diag(penalty)
        beta = beta - np.linalg.solve(H, grad)
    return beta[:-1], float(beta[-1])


def oof_scores(corpus: Corpus, featurize, lam: float) -> dict[int, float]:
    """Leave one part out: a logistic regression fitted (L2 `lam`) on four parts' candidates, their
    strict labels from matching all candidates, predicts the fifth. id(record) -> logit."""
    rows = []
    for i, part, doc, cands, golds in corpus.articles:
        m = match([r for r, _, _ in cands], golds, strict=True)
        for n, (r, e, s) in enumerate(cands):
            rows.append((part, r, featurize(r, e, s, doc), float(n in m.pairs)))
    out = {}
    for held in PARTS:
        train = [x for x in rows if x[0] != held]
        names = sorted({k for x in train for k in x[2]})
        index = {k: j for j, k in enumerate(names)}

        def mat(xs):
            X = np.zeros((len(xs), len(names)))
            for a, x in enumerate(xs):
                for k, v in x[2].items():
                    if k in index:
                        X[a, index[k]] = v
            return X
        w, b = fit(mat(train), np.array([x[3] for x in train]), np.ones(len(train)), lam)
        test = [x for x in rows if x[0] == held]
        for x, z in zip(test, mat(test) @ w + b):
            out[id(x[1])] = float(z)
    return out


def curve(corpus: Corpus, score: dict[int, float], label: str) -> None:
    """Pooled out-of-fold strict precision/recall at thresholds of the score (distinct values,
    every tenth of the candidates)."""
    values = sorted(set(score.values()), reverse=True)
    n_all = len(score)
    print(f"\n== {label}: pooled curve over A, C, D, E, F (records kept, strict right, precision, recall)")
    shown = set()
    for t in values:
        kept = sum(v >= t for v in score.values())
        step = round(10 * kept / n_all)
        if step in shown and t != values[-1]:
            continue
        shown.add(step)
        n, right, gold = corpus.score(lambda r, e, s: score[id(r)] >= t, PARTS)
        print(f"  >= {t:8.3f}: {fmt(n, right, gold)}")
    for target in (35, 60, 100):  # the threshold whose records are nearest in number
        t = min(values, key=lambda t: (abs(sum(v >= t for v in score.values()) - target), -t))
        n, right, gold = corpus.score(lambda r, e, s: score[id(r)] >= t, PARTS)
        print(f"  ~{target} records (>= {t:.3f}): {fmt(n, right, gold)}")
    labels = strict_labels(corpus)
    by_part = {p: auc([(score[k], y) for k, (part, y) in labels.items() if part == p]) for p in PARTS}
    print("  AUC (strict) " + " ".join(f"{p} {v:.3f}" for p, v in by_part.items())
          + f", pooled {auc([(score[k], y) for k, (_, y) in labels.items()]):.3f}")


def strict_labels(corpus: Corpus) -> dict[int, tuple[str, bool]]:
    """id(record) -> (part, right by the strict rule when every candidate is kept)."""
    out = {}
    for i, part, doc, cands, golds in corpus.articles:
        m = match([r for r, _, _ in cands], golds, strict=True)
        for n, (r, e, s) in enumerate(cands):
            out[id(r)] = (part, n in m.pairs)
    return out


def auc(pairs: list[tuple[float, bool]]) -> float:
    """The chance that a right candidate scores above a wrong one (ties count half)."""
    pos = [v for v, y in pairs if y]
    neg = [v for v, y in pairs if not y]
    if not pos or not neg:
        return float("nan")
    return sum((p > q) + 0.5 * (p == q) for p in pos for q in neg) / (len(pos) * len(neg))


def main_scores(corpus: Corpus) -> None:
    def signal_features(r, e, s, doc):
        return {k: 1.0 for k, v in s.items() if v}

    curve(corpus, {id(r): sum(s.values()) for a in corpus.articles for r, e, s in a[3]}, "count of signals (not fitted)")
    curve(corpus, oof_scores(corpus, signal_features, 3.0), "logistic regression over the signals, lambda 3")


# ------------------------------------------------------------------------------ the packaged policy
MIN_BLOCK = 10  # candidates a calibrated level needs; sparser levels join the next one up
TARGET_PRECISION = 0.80
MIN_RECORDS = 20
OUT = REPO / "src" / "accord" / "resources" / "events" / S.LEVELS_FILE
FOUNDING = REPO / "src" / "accord" / "resources" / "examples" / "xi-putin-video-call-2026-02-04.txt"
FOUNDING_EXPECTED = REPO / "tests" / "data" / "founding_events_expected.yaml"


def calibrate(levels: list[int], right: list[bool]) -> dict[int, float]:
    """Level -> the share right: levels with fewer than MIN_BLOCK candidates joined to the next
    level up (the top ones to the one below), then pooled adjacent violators, so that the
    confidence never falls as the level rises."""
    counts: dict[int, list[int]] = {}
    for lv, y in zip(levels, right):
        c = counts.setdefault(lv, [0, 0])
        c[0] += 1
        c[1] += int(y)
    blocks: list[list] = []  # [levels, candidates, right]
    pending = [[], 0, 0]
    for lv in sorted(counts):
        pending = [pending[0] + [lv], pending[1] + counts[lv][0], pending[2] + counts[lv][1]]
        if pending[1] >= MIN_BLOCK:
            blocks.append(pending)
            pending = [[], 0, 0]
    if pending[0]:
        if blocks:
            blocks[-1] = [blocks[-1][0] + pending[0], blocks[-1][1] + pending[1], blocks[-1][2] + pending[2]]
        else:
            blocks.append(pending)
    merged: list[list] = []
    for b in blocks:
        merged.append(b)
        while len(merged) > 1 and merged[-2][2] / merged[-2][1] > merged[-1][2] / merged[-1][1]:
            top = merged.pop()
            merged[-1] = [merged[-1][0] + top[0], merged[-1][1] + top[1], merged[-1][2] + top[2]]
    out = {}
    for lvs, n, y in merged:
        for lv in range(min(lvs), max(lvs) + 1):
            out[lv] = round(y / n, 3)
    lo, hi = min(out), max(out)
    for lv in range(0, len(S.SIGNALS) + 1):  # levels no candidate had: the nearest calibrated one
        out.setdefault(lv, out[lo] if lv < lo else out[hi])
    return dict(sorted(out.items()))


def founding_levels() -> tuple[int, list]:
    """The highest level at which the founding article keeps every expected event and codes none
    a careful coder would reject (bare statements aside, as by default), and the expectation's
    result at each level."""
    import yaml

    from accord.evaluation.events import _matches, _process
    from accord.events.policy import RecordPolicy
    from accord.model import Article
    from accord.pipeline import Pipeline
    from accord.readers import read_inputs

    spec = yaml.safe_load(FOUNDING_EXPECTED.read_text(encoding="utf-8"))
    [article] = [a for a in read_inputs([FOUNDING]) if isinstance(a, Article)]
    [doc] = _process([(article.id, article.text, article.date)], Pipeline.default(policy=RecordPolicy.everything()))
    how = S.document_how(doc)
    cands = [(e, S.level(S.signals(e, how, doc.article.text, bool(doc.article.date)))) for e in doc.events if e.cameo != "010"]
    expected, acceptable = spec.get("events", []), spec.get("acceptable", [])
    rows, best = [], 0
    for lv in range(len(S.SIGNALS) + 1):
        found = [False] * len(expected)
        rejected = 0
        for e, el in cands:
            if el < lv:
                continue
            hit = next((n for n, x in enumerate(expected) if not found[n] and _matches(e, x)), None)
            if hit is not None:
                found[hit] = True
            elif not any(_matches(e, x) for x in acceptable + expected):
                rejected += 1
        rows.append({"level": lv, "expected": len(expected), "recalled": sum(found), "rejected": rejected})
        if all(found) and rejected == 0:
            best = lv
    return best, rows


def write(corpus: Corpus, check: bool) -> int:
    """The packaged policy: the confidence of each level (calibrated on the development parts
    pooled) and the default threshold, by the rule fixed before part B was measured
    (docs/record-policy-2026-12-08.md): the lowest level whose development records (that level
    and above, strict rule, bare statements aside) are at least TARGET_PRECISION right with at
    least MIN_RECORDS records, but never above the highest level at which the founding article
    keeps every expected event (the acceptance); without such a level, that founding level."""
    levels, right = [], []
    for i, part, doc, cands, golds in corpus.articles:
        m = match([r for r, _, _ in cands], golds, strict=True)
        for n, (r, e, s) in enumerate(cands):
            levels.append(S.level(s))
            right.append(n in m.pairs)
    table = calibrate(levels, right)
    dev_curve = []
    for lv in range(len(S.SIGNALS) + 1):
        n, ok, gold = corpus.score(lambda r, e, s, lv=lv: S.level(s) >= lv, PARTS)
        per_part = {p: corpus.score(lambda r, e, s, lv=lv: S.level(s) >= lv, [p]) for p in PARTS}
        dev_curve.append({"level": lv, "confidence": table[lv], "records": n, "right": ok, "gold": gold,
                          "precision": round(ok / n, 4) if n else 0.0, "recall": round(ok / gold, 4) if gold else 0.0,
                          "by_part": {p: {"records": v[0], "right": v[1]} for p, v in per_part.items()}})
    precise = next((row["level"] for row in dev_curve
                    if row["records"] >= MIN_RECORDS and row["precision"] >= TARGET_PRECISION), None)
    founding, founding_rows = founding_levels()
    chosen = founding if precise is None else min(precise, founding)
    meta = {
        "description": "Accord record policy: a candidate's confidence is the share of Wikinews development "
                       "candidates with as many signals (accord.events.signals) that a careful coder judges right "
                       "(strict rule of accord.evaluation.records), bare statements aside",
        "signals": list(S.SIGNALS),
        "confidence_of_level": {str(k): v for k, v in table.items()},
        "threshold": table[chosen],
        "threshold_level": chosen,
        "threshold_rule": f"the lowest level whose development records are >= {TARGET_PRECISION} right (strict) with "
                          f">= {MIN_RECORDS} records ({precise}), never above the highest level at which the founding "
                          f"article keeps every expected event and none rejected ({founding})",
        "calibrated_on": "Wikinews 2019 development parts " + ", ".join(PARTS) + " pooled; part B never",
        "min_block": MIN_BLOCK,
        "development_curve": dev_curve,
        "founding_article": founding_rows,
        "written_by": "tools/record_policy.py --write",
    }
    text = json.dumps(meta, indent=1, ensure_ascii=False) + "\n"
    if check:
        same = OUT.is_file() and OUT.read_text(encoding="utf-8") == text
        print("record_policy.json is current" if same else "record_policy.json differs from what --write writes")
        return 0 if same else 1
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT}: threshold {table[chosen]} (level {chosen}; precise level {precise}, founding level {founding})")
    print(json.dumps({k: v for k, v in table.items()}))
    for row in dev_curve:
        print(f"  level >= {row['level']:2d} conf {row['confidence']:.3f}: {row['right']}/{row['records']} "
              f"(P {100 * row['precision']:.1f}, R {100 * row['recall']:.1f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
