"""How often the Wikinews gold-matching scorer agrees with the careful coder who judged each record.

    .venv/bin/python tools/scorer_agreement.py                 # 2x2 tables, lenient and strict
    .venv/bin/python tools/scorer_agreement.py --list strict   # and every disagreement of a rule

Reads only development data: the judged records of parts C, D, E and F
(`tests/data/wikinews_judged/part_*_records*.jsonl`, the records as emitted at their commits, and
the careful coder's judgments of each) and the gold events of those parts
(`tests/data/wikinews_dev/events.jsonl`). Part B (held out) and the 2020 articles are never read.

Each judged file is scored as `accord eval events` scores a part: per article, the file's records
against the article's gold events besides bare statements (010), a maximum one-to-one matching
(`accord.evaluation.records.match`, `strict=False` for the lenient rule, `strict=True` for the
strict one). A record is "scorer right" when it is matched. The table crosses that with the
coder's judgment ("coder right"). Each part has two judged files (first judging, and a later
commit where changed records were judged afresh); both are counted, so a record emitted unchanged
at both commits counts twice (its judgment is the same both times).

No code or scorer rule reads these files: this is a check of the scorer, not a tuning target.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from accord.evaluation.records import judge, match  # noqa: E402

DEVSET = REPO / "tests" / "data" / "wikinews_dev"
JUDGED = REPO / "tests" / "data" / "wikinews_judged"
# (part, records file, judgments file); never part B, never the 2020 audit.
FILES = (
    ("C", "part_c_records.jsonl", "part_c_judgments.jsonl"),
    ("C", "part_c_records_tuned.jsonl", "part_c_judgments_tuned.jsonl"),
    ("D", "part_d_records.jsonl", "part_d_judgments.jsonl"),
    ("D", "part_d_records_tuned.jsonl", "part_d_judgments_tuned.jsonl"),
    ("E", "part_e_records.jsonl", "part_e_judgments.jsonl"),
    ("E", "part_e_records_tuned.jsonl", "part_e_judgments_tuned.jsonl"),
    ("F", "part_f_records.jsonl", "part_f_judgments.jsonl"),
    ("F", "part_f_records_58503c1.jsonl", "part_f_judgments_58503c1.jsonl"),
)
BARE_STATEMENT = "010"


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def gold_events(parts: set[str]) -> dict[int, list[dict]]:
    out: dict[int, list[dict]] = {}
    for e in _jsonl(DEVSET / "events.jsonl"):
        if e["part"] in parts and e["cameo"] != BARE_STATEMENT:
            out.setdefault(e["article"], []).append(e)
    return out


def score_file(records_file: str, judgments_file: str, golds: dict[int, list[dict]], strict: bool):
    """[(line, judgment, scorer_right, nearest gold and field verdicts)] for one judged file."""
    lines = _jsonl(JUDGED / records_file)
    judgments = {j["n"]: j for j in _jsonl(JUDGED / judgments_file)}
    by_article: dict[int, list[dict]] = {}
    for line in lines:
        by_article.setdefault(line["article"], []).append(line)
    out = []
    for article, group in by_article.items():
        records = [line["record"] for line in group]
        m = match(records, golds.get(article, []), strict=strict)
        for i, line in enumerate(group):
            g = m.pairs.get(i)
            if g is None:
                g, verdict = m.nearest_gold(i)
            else:
                verdict = judge(records[i], m.golds[g], strict=strict)
            out.append((line, judgments[line["n"]], i in m.pairs, m.golds[g] if g is not None else None, verdict))
    return out


TABLE_KEYS = ("both right", "scorer right, coder wrong", "scorer wrong, coder right", "both wrong")


def table(rows) -> dict[str, int]:
    t = dict.fromkeys(TABLE_KEYS, 0)
    for _, j, ok, _, _ in rows:
        key = ("both right" if j["right"] else "scorer right, coder wrong") if ok else \
            ("scorer wrong, coder right" if j["right"] else "both wrong")
        t[key] += 1
    return t


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--list", choices=("lenient", "strict"), help="print every disagreement of this rule")
    ap.add_argument("--json", action="store_true", help="the tables as JSON")
    args = ap.parse_args(argv)
    golds = gold_events({p for p, _, _ in FILES})
    result: dict[str, dict] = {}
    listing = []
    for rule in ("lenient", "strict"):
        per: dict[str, dict[str, int]] = {}
        for key in [f"{part} {rf}" for part, rf, _ in FILES] + sorted({p for p, _, _ in FILES}) + ["all"]:
            per[key] = dict.fromkeys(TABLE_KEYS, 0)
        for part, rf, jf in FILES:
            rows = score_file(rf, jf, golds, strict=rule == "strict")
            t = table(rows)
            for key in (f"{part} {rf}", part, "all"):
                for k, v in t.items():
                    per[key][k] += v
            if args.list == rule:
                listing += [(part, rf, r) for r in rows if r[2] != r[1]["right"]]
        result[rule] = per
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        head = ("records", "scorer right", "coder right", "both right", "scorer right, coder wrong",
                "scorer wrong, coder right", "both wrong", "agreement")
        for rule, per in result.items():
            print(f"\n{rule}")
            print(" | ".join(("set",) + head))
            for key, t in per.items():
                n = sum(t.values())
                agree = t["both right"] + t["both wrong"]
                print(" | ".join((key, str(n), str(t["both right"] + t["scorer right, coder wrong"]),
                                  str(t["both right"] + t["scorer wrong, coder right"]), *map(str, t.values()),
                                  f"{agree} ({100 * agree / n:.1f}%)" if n else "-")))
    for part, rf, (line, j, ok, gold, verdict) in listing:
        r = line["record"]
        print(f"\n{rf} #{line['n']} (article {line['article']}): scorer {'right' if ok else 'wrong'}, "
              f"coder {'right' if j['right'] else 'wrong ' + str(j['wrong'])}")
        print(f"  record {r['cameo']} {_actor(r.get('source'))} -> {_actor(r.get('target'))} "
              f"neg={r['negated']} {r['modality']} {r['date']} | {r['evidence'][:160]!r}")
        if gold is not None:
            print(f"  gold   {gold['cameo']} {_actor(gold.get('source'))} -> {_actor(gold.get('target'))} "
                  f"neg={gold['negated']} {gold['modality']} {gold['date']} | trigger {gold['trigger']!r}")
            print(f"  fields {[f for f, v in verdict.items() if not v]}")
        print(f"  coder: {j['note'][:400]}")
    return 0


def _actor(a: dict | None) -> str:
    if a is None:
        return "-"
    return f"{a.get('name') or a.get('text')!s}[{a.get('code')}]"


if __name__ == "__main__":
    raise SystemExit(main())
