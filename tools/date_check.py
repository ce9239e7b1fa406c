"""Event dates on the Wikinews 2019 development parts: how many records that match a gold event on
everything but the date also match it on the date, and which do not.

    .venv/bin/python tools/date_check.py --shared ../shared            # figures per part
    .venv/bin/python tools/date_check.py --shared ../shared --list     # and every date mismatch

Reads only development data: the gold events of parts A, C, D and E of
`tests/data/wikinews_dev` (E once labelled there; F, development data since 2026-12-07) and, for
part E, the judgments of `tests/data/wikinews_judged` (part_e_*_tuned.jsonl). Part B (held out) is
never loaded, run or printed.

Candidates are every event record the coder makes (`RecordPolicy.everything()`: any confidence,
bare statements too), so the figure does not move with the record policy's threshold. A record and a
gold event *pair* when they agree on sentence, code, source, target, negation and modality
(`accord.evaluation.records.judge`, the date left out); one gold event per record at most, pairs
whose dates agree chosen first. The figure is the pairs whose dates agree (the scorer's rule: the
gold gives none, or one is a prefix of the other; with `--strict`, equal: no date for a background
act the gold leaves undated, the day where the gold gives one); with `--statements` bare statements (010)
count too (left out by default, as the default output leaves them out).

Part E has judgments of the records of one commit, not gold events: a record of today whose
article, trigger, code, source and target are those of a judged record whose only faults are the
date or nothing is counted there (right when the judgment found the date right and the date is
unchanged, or found it wrong and the date changed to the one the note names; listed either way).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEVSET = REPO / "tests" / "data" / "wikinews_dev"
JUDGED = REPO / "tests" / "data" / "wikinews_judged"
PARTS = ("A", "C", "D", "E", "F")  # development parts only: never B (held out)
ROW_PART = {0: "A", 1: "C", 4: "D", 2: "E", 5: "F"}


def _rows(shared: Path) -> list[dict]:
    from accord.evaluation.wikinews import read_csv_rows

    return read_csv_rows(shared)


def _gold(parts: tuple[str, ...]) -> tuple[dict[int, str], dict[int, list[dict]]]:
    articles = [json.loads(x) for x in (DEVSET / "articles.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    part_of = {a["article"]: a["part"] for a in articles if a["part"] in parts and ROW_PART.get(a["article"] % 6) == a["part"]}
    events: dict[int, list[dict]] = {i: [] for i in part_of}
    for line in (DEVSET / "events.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            e = json.loads(line)
            if e["article"] in events:
                events[e["article"]].append(e)
    return part_of, events


def _records(ids: list[int], rows: list[dict]) -> dict[int, list[dict]]:
    from accord.evaluation import wikinews as W
    from accord.evaluation.events import _process, evaluation_pipeline
    from accord.evaluation.records import event_records
    from accord.events.policy import RecordPolicy

    pipeline = evaluation_pipeline(policy=RecordPolicy.everything())
    docs = _process((W.article_of(i, rows[i]) for i in ids), pipeline, articles=True)
    out = {}
    for i, doc in zip(ids, docs):
        recs = event_records(doc)
        explain = [e.explain for e in doc.events]
        for r, x in zip(recs, explain):
            r["_explain"] = x
        out[i] = recs
    return out


def _pairs(records: list[dict], golds: list[dict], loose: bool = False) -> dict[int, int]:
    from accord.evaluation.records import in_sentence, judge, maximum_matching

    rest = ("code",) if loose else ("code", "source", "target", "negated", "modality")
    good: dict[int, list[int]] = {}
    for i, r in enumerate(records):
        for g, gold in enumerate(golds):
            if in_sentence(r, gold):
                j = judge(r, gold)
                if all(j[f] for f in rest):
                    good.setdefault(i, []).append(g)
    # date-right pairs first, then the rest
    date_ok = {i: [g for g in gs if judge(records[i], golds[g])["date"]] for i, gs in good.items()}
    first = maximum_matching(len(records), date_ok)
    taken = set(first.values())
    rest_edges = {i: [g for g in gs if g not in taken] for i, gs in good.items() if i not in first}
    second = maximum_matching(len(records), rest_edges)
    return {**first, **second}


def _key(r: dict) -> tuple:
    return (tuple(r["trigger"]["span"]), r["cameo"], (r.get("source") or {}).get("code"),
            (r.get("target") or {}).get("code"))


def _part_e(records: dict[int, list[dict]], only: set[int], loose: bool = False) -> list[tuple[int, dict, dict, dict]]:
    """(article, record today, judged record, judgment) for today's records judged on their
    code and actors (only the date, or nothing, at fault; with `loose`, whatever else was)."""
    judged = [json.loads(x) for x in (JUDGED / "part_e_records_tuned.jsonl").read_text(encoding="utf-8").splitlines() if x.strip()]
    judgments = {j["n"]: j for j in (json.loads(x) for x in (JUDGED / "part_e_judgments_tuned.jsonl").read_text(
        encoding="utf-8").splitlines() if x.strip())}
    out = []
    for rec in judged:
        j = judgments.get(rec["n"])
        if j is None or (set(j["wrong"]) - {"date"} and not loose) or "not_an_event" in j["wrong"]:
            continue
        if rec["article"] not in only:
            continue
        for r in records.get(rec["article"], []):
            if _key(r) == _key(rec["record"] if "record" in rec else rec):
                out.append((rec["article"], r, rec.get("record", rec), j))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--parts", default="ACDEF", help="development parts to read (of A, C, D, E, F)")
    ap.add_argument("--statements", action="store_true", help="count bare statements (010) too")
    ap.add_argument("--list", action="store_true", help="print every date mismatch")
    ap.add_argument("--strict", action="store_true", help="dates agree only when equal: a gold event with no date "
                    "(a background act) wants a record with none, and a month is not a day (the careful coder's "
                    "judgment, not the scorer's prefix rule)")
    ap.add_argument("--loose", action="store_true", help="pair on sentence and code only (actors, negation "
                    "and modality may differ): more dates judged, as the audit judges every record's date")
    args = ap.parse_args()
    parts = tuple(p for p in args.parts.upper() if p in PARTS)
    rows = _rows(args.shared)
    part_of, golds = _gold(parts)
    # part E rows not yet labelled in the gold are read through the judgments
    e_ids = [i for i in range(len(rows)) if i % 6 == 2 and i not in part_of] if "E" in parts else []
    ids = sorted(set(part_of) | set(e_ids))
    records = _records(ids, rows)
    keep = (lambda c: True) if args.statements else (lambda c: c != "010")
    totals: dict[str, list[int]] = {}
    mismatches = []
    for i in sorted(part_of):
        recs = [r for r in records[i] if keep(r["cameo"])]
        gs = [g for g in golds[i] if keep(g["cameo"])]
        pairs = _pairs(recs, gs, args.loose)
        t = totals.setdefault(part_of[i], [0, 0])
        from accord.evaluation.records import dates_compatible
        for ri, gi in sorted(pairs.items()):
            ok = (recs[ri].get("date") == gs[gi].get("date")) if args.strict else \
                dates_compatible(recs[ri].get("date"), gs[gi].get("date"))
            t[0] += ok
            t[1] += 1
            if not ok:
                mismatches.append((part_of[i], i, recs[ri], gs[gi]))
    if e_ids:
        t = totals.setdefault("E (judgments)", [0, 0])
        for i, r, old, j in _part_e(records, set(e_ids), args.loose):
            if not keep(r["cameo"]):
                continue
            was_right = "date" not in j["wrong"]
            same = r.get("date") == old.get("date")
            ok = same if was_right else (not same and r.get("date") is not None and bool(re.search(
                re.escape(r["date"]), j["note"])))
            t[0] += ok
            t[1] += 1
            if not ok:
                mismatches.append(("E", i, r, {"date": None, "note": j["note"], "judged_date": old.get("date")}))
    for part, (right, n) in totals.items():
        print(f"part {part}: dates right {right} of {n} paired records")
    print(f"all: {sum(v[0] for v in totals.values())} of {sum(v[1] for v in totals.values())}")
    if args.list:
        for part, i, r, g in mismatches:
            print(f"\n[{part}] article {i} {r['cameo']} {(r.get('source') or {}).get('code')} -> "
                  f"{(r.get('target') or {}).get('code')} trigger {r['trigger']['text']!r}")
            print(f"  record {r.get('date')} ({r.get('date_basis', '')}; {r.get('_explain', '')[:160]})")
            if "note" in g and "sentence" not in g:
                print(f"  judged date {g['judged_date']}; note: {g['note']}")
            else:
                print(f"  gold {g.get('date')} ({g.get('date_basis')}); note: {g.get('note') or ''}")
                print(f"  sentence: {g['sentence']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
