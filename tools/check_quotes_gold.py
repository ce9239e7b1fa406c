#!/usr/bin/env python
"""Validate the hand-labelled quotation gold set and print its counts.

    .venv/bin/python tools/check_quotes_gold.py [tests/data/quotes_gold.jsonl] [--shared ../shared] [--quiet]

The format and conventions are in tests/data/README.md, section "quotes_gold.jsonl". This script
reads the source texts itself; it does not import Accord. It checks that:

- every line is a JSON object with all the fields, of the right types;
- the source file exists and the document is in it: a WikiEvents `doc_id`, a 0-based row index of the
  ConfliBERT TSV (the raw first column, no CSV unquoting), or the example's file name;
- `text[start:end] == quote` (for the example, the text is what follows the `date` header and one
  whitespace character), the quote has no outer whitespace and no final comma or period;
- a quotation-marked span has a quotation mark next to it, and an unmarked one has none;
- title/scare rows have no speaker, mention or cue, and speech rows have a known `speaker_named`;
- `speaker_country` is an ISO 3166-1 alpha-3 pattern or null;
- `speaker_mention` and `cue` occur in the document (the cue ignores case);
- spans do not overlap;
- coverage: in every fully covered document, each double quotation mark (“ ” " and the two-character
  closers '' ’’) is the opening or closing mark of a labelled span. Single quotation marks are not
  checked this way, because they cannot be told from apostrophes by a script.

Exit status 1 on any error. The counts go to stdout.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = REPO / "tests" / "data" / "quotes_gold.jsonl"
DEFAULT_SHARED = REPO.parent / "shared"

WIKI = ("wikievents/dev.jsonl", "wikievents/test.jsonl")
TSV = "conflibert/cameo_class_train.tsv"
EXAMPLE = "examples/xi-putin-video-call-2026-02-04.txt"
SOURCE_PATHS = {
    "wikievents/dev.jsonl": "data/wikievents/dev.jsonl",
    "wikievents/test.jsonl": "data/wikievents/test.jsonl",
    TSV: "data/conflibert-cameo-train/cameo_class_train.tsv",
    EXAMPLE: "examples/xi-putin-video-call-2026-02-04.txt",
}
FIELDS = {
    "source": str, "doc": (str, int), "start": int, "end": int, "quote": str, "direct": bool,
    "speaker": (str, type(None)), "speaker_country": (str, type(None)),
    "speaker_mention": (str, type(None)), "cue": (str, type(None)), "note": str,
    "kind": str, "marked": bool, "speaker_named": (bool, type(None)),
}
KINDS = ("full", "partial", "title/scare")
# TSV rows whose double quotes are CSV escaping left in the raw column ("...""...""") and are not
# quotation marks of the news text. They are not labelled.
TSV_CSV_ARTIFACT_ROWS = {460, 571, 749, 1090}
DATE_HEADER = re.compile(r"\A\s*date[ \t]+(\d{1,4}-\d{1,2}-\d{1,2})(?=\s|\Z)")
OPEN_MARKS = "“\"'‘’"
CLOSE_MARKS = "”\"'’"


def load_texts(shared: Path) -> dict[tuple[str, object], str]:
    texts: dict[tuple[str, object], str] = {}
    for src in WIKI:
        with open(shared / SOURCE_PATHS[src], encoding="utf-8") as fh:
            for line in fh:
                obj = json.loads(line)
                texts[(src, obj["doc_id"])] = obj["text"]
    with open(shared / SOURCE_PATHS[TSV], encoding="utf-8") as fh:
        for i, line in enumerate(fh.read().split("\n")):
            if "\t" in line:
                texts[(TSV, i)] = line.split("\t")[0]
    raw = (shared / SOURCE_PATHS[EXAMPLE]).read_bytes().decode("utf-8-sig")
    m = DATE_HEADER.match(raw)
    texts[(EXAMPLE, Path(EXAMPLE).name)] = raw[m.end() + 1:] if m else raw
    return texts


def occurs(words: str, text: str, ignore_case: bool) -> bool:
    """`words` occur in `text` as whole words. Paragraphs in WikiEvents texts are joined without a
    space ("...calmA police source"), so a capitalised mention needs no left boundary and a word
    may be followed directly by a capital letter."""
    left = "" if words[:1].isupper() else r"(?<!\w)"
    body = "(?i:" + re.escape(words) + ")" if ignore_case else re.escape(words)
    return re.search(left + body + r"(?![^\W_A-Z])", text) is not None


def double_marks(text: str) -> list[tuple[int, int]]:
    """Positions (start, end) of double quotation marks: “ ” " and the closers '' ’’."""
    out = []
    for m in re.finditer(r"''|’’|[“”\"]", text):
        out.append((m.start(), m.end()))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", nargs="?", default=str(DEFAULT_GOLD))
    ap.add_argument("--shared", default=str(DEFAULT_SHARED), help="the shared data directory")
    ap.add_argument("--quiet", action="store_true", help="print errors only")
    args = ap.parse_args()
    shared = Path(args.shared)
    errors: list[str] = []

    for src, rel in SOURCE_PATHS.items():
        if not (shared / rel).exists():
            errors.append(f"source {src}: {shared / rel} does not exist")
    if errors:
        print("\n".join(errors), file=sys.stderr)
        return 1
    texts = load_texts(shared)

    rows = []
    with open(args.gold, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                errors.append(f"line {n}: empty line")
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                errors.append(f"line {n}: not JSON ({exc})")
                continue
            if not isinstance(row, dict):
                errors.append(f"line {n}: not a JSON object")
                continue
            row["_line"] = n
            rows.append(row)

    spans: dict[tuple[str, object], list[tuple[int, int, int]]] = {}
    for row in rows:
        n = row["_line"]
        bad = [k for k in FIELDS if k not in row]
        extra = [k for k in row if k not in FIELDS and k != "_line"]
        if bad or extra:
            errors.append(f"line {n}: missing fields {bad} / unknown fields {extra}")
            continue
        wrong = [k for k, t in FIELDS.items() if not isinstance(row[k], t) or
                 (t is int and isinstance(row[k], bool))]
        if wrong:
            errors.append(f"line {n}: wrong types for {wrong}")
            continue
        src, doc = row["source"], row["doc"]
        if src not in SOURCE_PATHS:
            errors.append(f"line {n}: unknown source {src!r}")
            continue
        if src == TSV and not isinstance(doc, int):
            errors.append(f"line {n}: TSV doc must be the 0-based row index (an int)")
            continue
        key = (src, doc)
        if key not in texts:
            errors.append(f"line {n}: document {doc!r} not found in {src}")
            continue
        text = texts[key]
        s, e, q = row["start"], row["end"], row["quote"]
        if not (0 <= s < e <= len(text)):
            errors.append(f"line {n}: offsets {s}:{e} outside the text (length {len(text)})")
            continue
        if text[s:e] != q:
            errors.append(f"line {n}: text[{s}:{e}] = {text[s:e]!r} != quote {q!r}")
            continue
        if q != q.strip():
            errors.append(f"line {n}: quote has outer whitespace")
        if q[-1] in ",." and not q.endswith("..."):
            errors.append(f"line {n}: quote ends with {q[-1]!r} (convention: drop it)")
        if row["direct"] is not True:
            errors.append(f"line {n}: direct must be true (every row is verbatim quoted text)")
        if row["kind"] not in KINDS:
            errors.append(f"line {n}: kind {row['kind']!r} not in {KINDS}")
        # marks next to the span
        before = text[s - 1] if s > 0 else ""
        k = e
        while k < len(text) and text[k] in ",.":
            k += 1
        after = text[k] if k < len(text) else ""
        has_mark = before in OPEN_MARKS or after in CLOSE_MARKS
        if row["marked"] and not has_mark:
            errors.append(f"line {n}: marked quote without a quotation mark next to it")
        if not row["marked"] and (before in "“”\"" or after in "“”\""):
            errors.append(f"line {n}: unmarked quote next to a quotation mark")
        # speaker fields
        sc = row["speaker_country"]
        if sc is not None and not re.fullmatch(r"[A-Z]{3}", sc):
            errors.append(f"line {n}: speaker_country {sc!r} is not ISO3 or null")
        if row["kind"] == "title/scare":
            if any(row[f] is not None for f in ("speaker", "speaker_country", "speaker_mention", "cue",
                                                "speaker_named")):
                errors.append(f"line {n}: title/scare quote with speaker fields")
            if not row["note"].startswith("title/scare quote"):
                errors.append(f"line {n}: title/scare quote note must start with 'title/scare quote'")
        else:
            if (row["speaker"] is None) != (row["speaker_named"] is None):
                errors.append(f"line {n}: speaker_named must be null exactly when speaker is null")
            if row["speaker"] is None and (sc or row["speaker_mention"]):
                errors.append(f"line {n}: no speaker but a country or mention")
        if row["speaker_mention"] is not None and not occurs(row["speaker_mention"], text, False):
            errors.append(f"line {n}: speaker_mention {row['speaker_mention']!r} not in the document")
        if row["cue"] is not None and not occurs(row["cue"], text, True):
            errors.append(f"line {n}: cue {row['cue']!r} not in the document")
        spans.setdefault(key, []).append((s, e, n))

    # overlaps
    for key, lst in spans.items():
        lst.sort()
        for (s1, e1, n1), (s2, e2, n2) in zip(lst, lst[1:]):
            if s2 < e1:
                errors.append(f"lines {n1} and {n2}: overlapping spans in {key}")

    # coverage of double quotation marks in the fully covered documents
    covered = [k for k in texts if k[0] in WIKI or k[0] == EXAMPLE or
               (k[0] == TSV and k[1] not in TSV_CSV_ARTIFACT_ROWS)]
    uncovered = []
    for key in covered:
        text = texts[key]
        lst = spans.get(key, [])
        for ms, me in double_marks(text):
            ok = False
            for s, e, _ in lst:
                if me == s:  # opening mark
                    ok = True
                k = e
                while k < len(text) and text[k] in ",.":
                    k += 1
                if ms == k:  # closing mark
                    ok = True
            if not ok:
                uncovered.append(f"{key[0]} {key[1]!r} offset {ms}: {text[max(0, ms - 30):ms + 30]!r}")
    for u in uncovered:
        errors.append("unlabelled double quotation mark: " + u)

    if errors:
        print("\n".join(errors), file=sys.stderr)
        print(f"{len(errors)} error(s)", file=sys.stderr)
        return 1
    if args.quiet:
        return 0

    ok_rows = rows
    print(f"{args.gold}: OK, {len(ok_rows)} quotes")
    print("by source:", dict(Counter(r["source"] for r in ok_rows)))
    print("by kind:", dict(Counter(r["kind"] for r in ok_rows)))
    speech = [r for r in ok_rows if r["kind"] != "title/scare"]
    print(f"speech quotes (full + partial): {len(speech)}; quotation-marked {sum(r['marked'] for r in speech)}, "
          f"unmarked block/pull quotes {sum(not r['marked'] for r in speech)}")
    named = sum(r["speaker_named"] is True for r in speech)
    unnamed = sum(r["speaker_named"] is False for r in speech)
    null = sum(r["speaker"] is None for r in speech)
    print(f"speech quote speakers: named person {named}, unnamed (organisation/role/group/document) {unnamed}, "
          f"null {null}; title/scare rows (no speaker) {len(ok_rows) - len(speech)}")
    print(f"speech quotes with a cue {sum(r['cue'] is not None for r in speech)}, without {sum(r['cue'] is None for r in speech)}; "
          f"speaker_country null {sum(r['speaker_country'] is None for r in speech)}")
    print("speaker countries:", dict(Counter(r["speaker_country"] for r in speech).most_common()))
    print("fully covered documents (quotes, of which speech):")
    for key in texts:
        if key[0] == TSV and key not in spans:
            continue  # TSV rows without quotation marks are covered trivially; not listed
        if key[0] in WIKI or key[0] == EXAMPLE or key in spans:
            docrows = [r for r in ok_rows if (r["source"], r["doc"]) == key]
            print(f"  {key[0]}\t{key[1]}\t{len(docrows)}\t{sum(r['kind'] != 'title/scare' for r in docrows)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
