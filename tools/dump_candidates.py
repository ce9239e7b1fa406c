#!/usr/bin/env python3
"""Code the Wikinews development articles (parts A, C, D, E, F; never B) with every candidate kept
(`RecordPolicy.everything()`) and pickle the finished documents (without their parse) for
tools/record_policy.py. Usage: tools/dump_candidates.py OUT.pkl [--shared DIR]"""
from __future__ import annotations

import argparse
import pickle
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("out", type=Path)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = ap.parse_args()
    from accord.evaluation import wikinews as W
    from accord.evaluation.events import _process, evaluation_pipeline
    from accord.events.policy import RecordPolicy

    devset = W.load_devset(REPO / "tests" / "data" / "wikinews_dev", args.shared, W.DEVELOPMENT_PARTS)
    ids = [a["article"] for a in devset.articles]
    part_of = {a["article"]: a["part"] for a in devset.articles}
    pipeline = evaluation_pipeline(policy=RecordPolicy.everything())
    docs = _process((W.article_of(i, devset.texts[i]) for i in ids), pipeline, articles=True)
    out = {}
    for i, doc in zip(ids, docs):
        doc.doc = None
        out[i] = (part_of[i], doc, devset.events[i])
    with args.out.open("wb") as fh:
        pickle.dump(out, fh)
    print(len(out), "articles", sum(len(d.events) for _, d, _ in out.values()), "candidates")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
