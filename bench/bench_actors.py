"""Benchmark: the actors stage alone on the bench corpus, and its records for a before/after check.

    nice .venv/bin/python bench/bench_actors.py [--n 300] [--rounds 3] [--dump FILE] [--cache FILE]
    PYTHONPATH=/tmp/old/src nice .venv/bin/python bench/bench_actors.py ...   # another tree's code

The corpus is bench_scale.py's (`distinct_corpus`: 1,000 distinct real news texts at --n 1000),
parsed once (`--cache FILE` keeps the Docs in a DocBin between runs, so that two trees are timed
on the same parses). Each round codes every document with one `ActorStage`, the Doc's array
view (analysis/docview.py) dropped before the round, as a fresh article in `accord ingest` builds
it; CPU (`time.process_time`) per document, each round and the best. `--dump FILE` writes each
document's mention records (JSON, one line a document) instead: `cmp` two dumps to check that a
change leaves the records byte-identical. To compare two trees, alternate runs of each (the
machine is shared: one run of each says little).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=300)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--dump", type=Path, help="write the mention records here instead of timing")
    ap.add_argument("--cache", type=Path, help="a DocBin of the corpus's parses (made if missing)")
    args = ap.parse_args()

    from bench_scale import distinct_corpus
    from spacy.tokens import DocBin

    from accord.actors import ActorStage
    from accord.analysis import docview, load_nlp
    from accord.model import Article, Document

    nlp = load_nlp()
    corpus = distinct_corpus(args.shared, args.n)
    if args.cache is not None and args.cache.exists():
        docs = list(DocBin().from_disk(args.cache).get_docs(nlp.vocab))
    else:
        docs = list(nlp.pipe([a["text"] for a in corpus], batch_size=16))
        if args.cache is not None:
            DocBin(docs=docs).to_disk(args.cache)
    if len(docs) != len(corpus):
        sys.exit(f"bench: the cache holds {len(docs)} documents, not {len(corpus)}")
    stage = ActorStage()

    def documents() -> list[Document]:
        return [Document(Article(a["id"], a["text"], date=a["date"]), d) for a, d in zip(corpus, docs)]

    stage.process_document(documents()[0])  # knowledge base, gazetteer and word lists loaded
    if args.dump is not None:
        with args.dump.open("w", encoding="utf-8") as fh:
            for d in documents():
                stage.process_document(d)
                fh.write(json.dumps([m.to_record() for m in d.mentions], sort_keys=True, default=str) + "\n")
        return
    best = None
    for r in range(args.rounds):
        batch = documents()
        docview._VIEWS.clear()
        docview._last = (lambda: None, None)
        start = time.process_time()
        for d in batch:
            stage.process_document(d)
        used = time.process_time() - start
        best = used if best is None else min(best, used)
        print(f"round {r}: {1000 * used / len(batch):.2f} ms/document (CPU)", flush=True)
    print(f"actors stage, {len(docs)} documents: best {1000 * best / len(docs):.2f} ms/document (CPU)")


if __name__ == "__main__":
    main()
