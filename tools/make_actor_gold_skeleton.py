#!/usr/bin/env python
"""Print the skeleton of the hand-labelled actor-country gold sample.

    .venv/bin/python tools/make_actor_gold_skeleton.py [--data PATH] [--step 5] [--offset 0] [--min-spans 220]
    .venv/bin/python tools/make_actor_gold_skeleton.py --check tests/data/actor_country_gold.tsv
    .venv/bin/python tools/make_actor_gold_skeleton.py --offset 2 --min-spans 200 \
        --check tests/data/actor_country_heldout.tsv

Reads the ConfliBERT CAMEO NER training file (CoNLL-like: `token TAG` per line, blank line
between sentences) and selects sentences by a fixed rule: sentence indices OFFSET, OFFSET+STEP, OFFSET+2*STEP, ...
(OFFSET defaults to 0) in file order, taking every source (B-S/I-S) and target (B-T/I-T) span of each selected sentence,
and stopping after the first sentence at which the running span count reaches MIN_SPANS.
Sentences with no S/T span are skipped but still count towards the stride.

Output (stdout): a TSV with the gold file's header and one row per span, with the `country` and
`note` columns left empty. This script produces no labels; they are added by hand
(tests/data/actor_country_gold.tsv with the defaults, and the held-out sample
tests/data/actor_country_heldout.tsv with --offset 2 --min-spans 200; both described in
tests/data/README.md).

With --check GOLD, nothing is printed on success: it verifies that GOLD has the header, that every
row has 7 tab-separated fields, that `country` matches ^([A-Z]{3}|IGO|NONE)$, and that the first
five columns of GOLD are exactly the skeleton rows (so every span_text equals the tokens of its
range in the data file and the selection rule is reproduced). Exit status 1 on any mismatch.
"""

from __future__ import annotations

import argparse
import re
import sys

DEFAULT_DATA = "/work/shared/data/conflibert-cameo-train/cameo_ner_train.txt"
HEADER = ["sentence_index", "span_role", "span_start_token", "span_end_token",
          "span_text", "country", "note"]


def read_sentences(path: str) -> list[list[tuple[str, str]]]:
    """Return the sentences of the file as lists of (token, tag)."""
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip():
                if current:
                    sentences.append(current)
                    current = []
                continue
            token, tag = line.rsplit(" ", 1)
            current.append((token, tag))
    if current:
        sentences.append(current)
    return sentences


def spans(sentence: list[tuple[str, str]], roles=("S", "T")) -> list[tuple[str, int, int]]:
    """BIO spans (role, start, end-exclusive) for the given roles, in token order.

    An I- tag that does not continue a span of the same role starts a new span.
    """
    out: list[tuple[str, int, int]] = []
    role, start = None, None
    for i, (_, tag) in enumerate(sentence + [("", "O")]):
        prefix, _, r = tag.partition("-")
        continues = prefix == "I" and r == role
        if role is not None and not continues:
            out.append((role, start, i))
            role, start = None, None
        if prefix in ("B", "I") and not continues and r in roles:
            role, start = r, i
    return out


def skeleton_rows(sentences, step: int, min_spans: int, offset: int = 0) -> list[list[str]]:
    """The selected spans as [sentence_index, role, start, end, text] rows."""
    rows: list[list[str]] = []
    for idx in range(offset, len(sentences), step):
        sent = sentences[idx]
        for role, start, end in spans(sent):
            text = " ".join(tok for tok, _ in sent[start:end])
            rows.append([str(idx), role, str(start), str(end), text])
        if len(rows) >= min_spans:
            break
    return rows


def check(gold_path: str, rows: list[list[str]]) -> list[str]:
    """Problems found in the gold file (empty when it is consistent with the skeleton)."""
    problems: list[str] = []
    with open(gold_path, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines or lines[0].split("\t") != HEADER:
        problems.append("bad or missing header")
    body = [line.split("\t") for line in lines[1:]]
    if len(body) != len(rows):
        problems.append(f"{len(body)} rows, skeleton has {len(rows)}")
    country_re = re.compile(r"^([A-Z]{3}|IGO|NONE)$")
    for n, fields in enumerate(body, start=2):
        if len(fields) != len(HEADER):
            problems.append(f"line {n}: {len(fields)} fields")
            continue
        if not country_re.match(fields[5]):
            problems.append(f"line {n}: bad country {fields[5]!r}")
        if n - 2 < len(rows) and fields[:5] != rows[n - 2]:
            problems.append(f"line {n}: {fields[:5]} != skeleton {rows[n - 2]}")
    return problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--step", type=int, default=5)
    ap.add_argument("--offset", type=int, default=0,
                    help="index of the first selected sentence (default 0)")
    ap.add_argument("--min-spans", type=int, default=220)
    ap.add_argument("--check", metavar="GOLD", help="verify a labelled gold file instead of printing")
    args = ap.parse_args(argv)

    rows = skeleton_rows(read_sentences(args.data), args.step, args.min_spans, args.offset)
    if args.check:
        problems = check(args.check, rows)
        for p in problems:
            print(p, file=sys.stderr)
        return 1 if problems else 0
    w = sys.stdout
    w.write("\t".join(HEADER) + "\n")
    for row in rows:
        w.write("\t".join(row + ["", ""]) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
