#!/usr/bin/env python
"""Read and check the hand-labelled Wikinews 2019 development set (tests/data/wikinews_dev/).

    python3 tools/wikinews_dev.py show 12              # article 12, numbered sentences with offsets
    python3 tools/wikinews_dev.py list                 # the articles of parts A, B, C, D, E and F
    python3 tools/wikinews_dev.py --check              # validate tests/data/wikinews_dev/*.jsonl
    python3 tools/wikinews_dev.py --check DIR [--csv PATH]

`show` prints each sentence as `[n] start-end  text`, where start/end are character offsets into
the CSV `text` field (end exclusive), so that `text[start:end]` is the sentence. The splitter is
deliberately simple (lines, then `. ! ?` before a capital, with a short list of abbreviations);
where it errs, the labeller fixes the boundary by hand in the labelled file.

`--check` prints one line per problem and exits with status 1 if there is any; on success it
prints the counts. It verifies: the JSON shape of every line of articles.jsonl and events.jsonl;
url/title/date against the CSV; the part letter (A for rows i % 6 == 0, B for i % 6 == 3, C for
i % 6 == 1, D for i % 6 == 4, E for i % 6 == 2, F for i % 6 == 5; part F was reserved for an untuned
audit until the lead made it development data on 2026-12-07); `sentence == text[sentence_start:sentence_end]`; the trigger in the sentence; each
actor's `text` in the sentence (or, for an actor named only earlier, in the article); CAMEO
codes present in the CAMEO code file; `announced_cameo` only on 02x/03x/10x/12x/13x codes;
modality and date_basis values; well-formed dates (YYYY, YYYY-MM, YYYY-MM-DD, real calendar
dates); a "publication" basis only with the publication date (or null); every article of
events.jsonl listed in articles.jsonl with a matching n_events; events grouped by article in
file order and by sentence_start within an article; no line repeated.

Standard library only (the test suite runs `--check` on the committed files).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CSV = REPO.parent / "shared" / "data" / "wikinews" / "wikinews_2019.csv"
DEFAULT_CAMEO = REPO.parent / "shared" / "data" / "cameo" / "CAMEO_codefile.txt"
DEFAULT_DIR = REPO / "tests" / "data" / "wikinews_dev"

ARTICLE_KEYS = {"article", "part", "url", "title", "date", "n_events"}
EVENT_KEYS = {"article", "part", "sentence_start", "sentence_end", "sentence", "trigger",
              "source", "target", "cameo", "announced_cameo", "negated", "modality", "date",
              "date_basis", "location", "note"}
ACTOR_KEYS = {"text", "name", "code", "country"}
MODALITIES = {"asserted", "alleged", "hypothetical", "future"}
DATE_BASES = {"text", "publication"}
# Roots whose codes are about another act (appeal, intent, demand, refusal, threat).
ANNOUNCING_ROOTS = {"02", "03", "10", "12", "13"}
ACTOR_CODE = re.compile(r"^(?:[A-Z]{3})+$")
COUNTRY = re.compile(r"^[A-Z]{3}$")
DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

# Words before a period that do not end a sentence.
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gov", "sen", "rep", "gen", "col", "lt", "sgt",
    "capt", "cmdr", "adm", "maj", "prof", "rev", "hon", "inc", "ltd", "co", "corp", "vs", "no",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt",
    "ft", "approx", "est", "dept", "univ", "e.g", "i.e", "u.s", "u.k", "u.n", "d.c", "a.m", "p.m",
}
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]*[A-Z0-9])")


# ----------------------------------------------------------------------------------------------
# Reading

def read_articles(csv_path: Path | str = DEFAULT_CSV) -> list[dict]:
    """The CSV rows in order (article i = 0-based data row)."""
    csv.field_size_limit(10**9)
    with open(csv_path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


# Row i % 6 -> part. A, C, D, E and F are development data (tuned on; C, D, E and F were labelled
# after their untuned audits; F was reserved for its audit until 2026-12-07); B is held out.
# RESERVED lists rows kept for an untuned audit (never labelled or shown): none at present.
PARTS = {0: "A", 1: "C", 2: "E", 3: "B", 4: "D", 5: "F"}
RESERVED: dict[int, str] = {}


def part_of(index: int) -> str | None:
    """The development-set part of CSV row `index`: A (i % 6 == 0), C (1), E (2), B (3), D (4), F (5)."""
    return PARTS.get(index % 6)


def read_cameo_codes(path: Path | str = DEFAULT_CAMEO) -> set[str]:
    """Every numeric code of the CAMEO code file (LABEL and LABELi lines)."""
    codes = set()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            m = re.match(r"^LABEL\w*:\s*(\d{2,4})=", line)
            if m:
                codes.add(m.group(1))
    return codes


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of `text`: lines, then . ! ? before a capital."""
    spans: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        base, chunk = line.start(), line.group()
        start = 0
        for m in _BOUNDARY.finditer(chunk):
            word = re.search(r"([\w.]+)$", chunk[:m.start()])
            before = word.group(1).lower() if word else ""
            if m.group().startswith(".") and (before in ABBREVIATIONS or re.fullmatch(r"[a-z]", before)):
                continue
            spans.append((base + start, base + m.end()))
            start = m.end()
        spans.append((base + start, base + len(chunk)))
    out = []
    for s, e in spans:
        piece = text[s:e]
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece) - len(piece.rstrip())
        if s + lead < e - trail:
            out.append((s + lead, e - trail))
    return out


def show(index: int, rows: list[dict]) -> None:
    if index % 6 in RESERVED:
        raise SystemExit(f"article {index} is in part {RESERVED[index % 6]} (i % 6 == {index % 6}), reserved for "
                         "an untuned audit: not shown")
    row = rows[index]
    text = row["text"]
    print(f"# article {index} part {part_of(index) or '-'}  {row['date']}  {row['title']}")
    print(f"# {row['url']}")
    for n, (s, e) in enumerate(split_sentences(text)):
        print(f"[{n}] {s}-{e}  {text[s:e]}")


# ----------------------------------------------------------------------------------------------
# Checking

def _valid_date(value: str) -> bool:
    m = DATE.match(value)
    if not m:
        return False
    year, month, day = m.groups()
    try:
        dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return False
    return True


def _read_jsonl(path: Path, problems: list[str]) -> list[tuple[int, dict]]:
    out = []
    if not path.exists():
        problems.append(f"{path}: missing")
        return out
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                problems.append(f"{path.name}:{n}: empty line")
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                problems.append(f"{path.name}:{n}: not JSON ({exc})")
                continue
            if not isinstance(obj, dict):
                problems.append(f"{path.name}:{n}: not a JSON object")
                continue
            out.append((n, obj))
    return out


def _check_actor(where: str, role: str, actor, sentence: str, text: str, problems: list[str]) -> None:
    if actor is None:
        return
    if not isinstance(actor, dict) or set(actor) != ACTOR_KEYS:
        problems.append(f"{where}: {role} must be null or an object with keys {sorted(ACTOR_KEYS)}")
        return
    words = actor["text"]
    if not isinstance(words, str) or not words.strip():
        problems.append(f"{where}: {role}.text must be a non-empty string")
    elif words not in sentence and words not in text:
        problems.append(f"{where}: {role}.text {words!r} occurs neither in the sentence nor in the article")
    if actor["name"] is not None and (not isinstance(actor["name"], str) or not actor["name"].strip()):
        problems.append(f"{where}: {role}.name must be a non-empty string or null")
    if not isinstance(actor["code"], str) or not ACTOR_CODE.match(actor["code"]):
        problems.append(f"{where}: {role}.code {actor['code']!r} is not a CAMEO-style code (3-letter groups)")
    if actor["country"] is not None and (not isinstance(actor["country"], str)
                                         or not COUNTRY.match(actor["country"])):
        problems.append(f"{where}: {role}.country {actor['country']!r} is not a 3-letter code or null")


def check(directory: Path | str = DEFAULT_DIR, csv_path: Path | str = DEFAULT_CSV,
          cameo_path: Path | str = DEFAULT_CAMEO) -> tuple[list[str], dict]:
    """Validate the labelled files. Returns (problems, counts)."""
    directory = Path(directory)
    problems: list[str] = []
    rows = read_articles(csv_path)
    codes = read_cameo_codes(cameo_path)

    listed: dict[int, dict] = {}
    previous = -1
    for n, art in _read_jsonl(directory / "articles.jsonl", problems):
        where = f"articles.jsonl:{n}"
        if set(art) != ARTICLE_KEYS:
            problems.append(f"{where}: keys {sorted(art)} != {sorted(ARTICLE_KEYS)}")
            continue
        i = art["article"]
        if not isinstance(i, int) or isinstance(i, bool) or not 0 <= i < len(rows):
            problems.append(f"{where}: article {i!r} is not a row index of the CSV")
            continue
        if i in listed:
            problems.append(f"{where}: article {i} listed twice")
            continue
        if i <= previous:
            problems.append(f"{where}: articles out of order ({i} after {previous})")
        previous = i
        expected_part = part_of(i)
        if expected_part is None:
            problems.append(f"{where}: article {i} is in no labelled part (it is reserved for an untuned audit)")
        elif art["part"] != expected_part:
            problems.append(f"{where}: article {i} has part {art['part']!r}, the rule gives {expected_part!r}")
        row = rows[i]
        for key in ("url", "title", "date"):
            if art[key] != row[key]:
                problems.append(f"{where}: {key} {art[key]!r} differs from the CSV's {row[key]!r}")
        if not isinstance(art["n_events"], int) or isinstance(art["n_events"], bool) or art["n_events"] < 0:
            problems.append(f"{where}: n_events must be a non-negative integer")
        listed[i] = art

    per_article: Counter = Counter()
    seen_lines: set[str] = set()
    order: list[int] = []
    last_start: dict[int, int] = {}
    events = []
    for n, ev in _read_jsonl(directory / "events.jsonl", problems):
        where = f"events.jsonl:{n}"
        if set(ev) != EVENT_KEYS:
            problems.append(f"{where}: keys {sorted(ev)} != {sorted(EVENT_KEYS)}")
            continue
        i = ev["article"]
        if i not in listed:
            problems.append(f"{where}: article {i!r} is not listed in articles.jsonl")
            continue
        per_article[i] += 1
        if not order or order[-1] != i:
            if i in order:
                problems.append(f"{where}: events of article {i} are not contiguous")
            elif order and i < order[-1]:
                problems.append(f"{where}: article {i} after article {order[-1]} (keep articles in order)")
            order.append(i)
        if ev["part"] != listed[i]["part"]:
            problems.append(f"{where}: part {ev['part']!r} differs from articles.jsonl's {listed[i]['part']!r}")
        key = json.dumps(ev, sort_keys=True)
        if key in seen_lines:
            problems.append(f"{where}: repeats an earlier line")
        seen_lines.add(key)
        text = rows[i]["text"]
        s, e = ev["sentence_start"], ev["sentence_end"]
        if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= len(text)):
            problems.append(f"{where}: bad sentence offsets {s!r}-{e!r}")
            continue
        if ev["sentence"] != text[s:e]:
            problems.append(f"{where}: sentence differs from text[{s}:{e}] = {text[s:e][:60]!r}...")
        elif ev["sentence"] != ev["sentence"].strip():
            problems.append(f"{where}: sentence has surrounding whitespace")
        if s < last_start.get(i, -1):
            problems.append(f"{where}: sentence_start {s} before the previous event's {last_start[i]}")
        last_start[i] = s
        sentence = ev["sentence"]
        if not isinstance(ev["trigger"], str) or not ev["trigger"].strip():
            problems.append(f"{where}: trigger must be a non-empty string")
        elif ev["trigger"] not in sentence:
            problems.append(f"{where}: trigger {ev['trigger']!r} not in the sentence")
        _check_actor(where, "source", ev["source"], sentence, text, problems)
        _check_actor(where, "target", ev["target"], sentence, text, problems)
        cameo = ev["cameo"]
        if cameo not in codes:
            problems.append(f"{where}: cameo {cameo!r} is not in the CAMEO code file")
        announced = ev["announced_cameo"]
        if announced is not None:
            if announced not in codes:
                problems.append(f"{where}: announced_cameo {announced!r} is not in the CAMEO code file")
            if not isinstance(cameo, str) or cameo[:2] not in ANNOUNCING_ROOTS:
                problems.append(f"{where}: announced_cameo on {cameo!r} (only 02x/03x/10x/12x/13x)")
        if not isinstance(ev["negated"], bool):
            problems.append(f"{where}: negated must be true or false")
        if ev["modality"] not in MODALITIES:
            problems.append(f"{where}: modality {ev['modality']!r} not in {sorted(MODALITIES)}")
        if ev["date_basis"] not in DATE_BASES:
            problems.append(f"{where}: date_basis {ev['date_basis']!r} not in {sorted(DATE_BASES)}")
        date = ev["date"]
        if date is not None and (not isinstance(date, str) or not _valid_date(date)):
            problems.append(f"{where}: date {date!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
        if ev["date_basis"] == "publication" and date not in (None, rows[i]["date"]):
            problems.append(f"{where}: date_basis publication with date {date!r} != {rows[i]['date']}")
        if ev["date_basis"] == "text" and date is None:
            problems.append(f"{where}: date_basis text with no date")
        if ev["location"] is not None and (not isinstance(ev["location"], str) or ev["location"] not in text):
            problems.append(f"{where}: location {ev['location']!r} is not a place name of the article")
        if not isinstance(ev["note"], str):
            problems.append(f"{where}: note must be a string")
        events.append(ev)

    for i, art in listed.items():
        if art["n_events"] != per_article[i]:
            problems.append(f"articles.jsonl: article {i} has n_events {art['n_events']} but "
                            f"{per_article[i]} lines in events.jsonl")

    counts = {
        "articles": Counter(a["part"] for a in listed.values()),
        "events": Counter(ev["part"] for ev in events),
        "root": Counter(ev["cameo"][:2] for ev in events if isinstance(ev["cameo"], str)),
        "modality": Counter(ev["modality"] for ev in events),
        "negated": sum(1 for ev in events if ev["negated"] is True),
        "one_actor": sum(1 for ev in events if (ev["source"] is None) != (ev["target"] is None)),
        "no_actor": sum(1 for ev in events if ev["source"] is None and ev["target"] is None),
        "statement_010": sum(1 for ev in events if ev["cameo"] == "010"),
        "doubtful": sum(1 for ev in events if "doubtful" in str(ev["note"]).lower()),
    }
    return problems, counts


def _print_counts(counts: dict) -> None:
    arts, evs = counts["articles"], counts["events"]
    letters = sorted(set(PARTS.values()))
    print(f"articles: {sum(arts.values())} (" + ", ".join(f"{p} {arts.get(p, 0)}" for p in letters) + "); "
          f"events: {sum(evs.values())} (" + ", ".join(f"{p} {evs.get(p, 0)}" for p in letters) + ")")
    print("by CAMEO root: " + ", ".join(f"{k} {v}" for k, v in sorted(counts["root"].items())))
    print("by modality: " + ", ".join(f"{k} {v}" for k, v in sorted(counts["modality"].items())))
    print(f"negated {counts['negated']}; one actor {counts['one_actor']}; no actor {counts['no_actor']}; "
          f"bare statements (010) {counts['statement_010']}; notes marked doubtful {counts['doubtful']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", nargs="?", choices=["show", "list"], help="show an article / list the parts")
    parser.add_argument("index", nargs="?", type=int, help="article (0-based CSV row) for `show`")
    parser.add_argument("--check", nargs="?", const=str(DEFAULT_DIR), metavar="DIR",
                        help=f"validate the labelled files in DIR (default {DEFAULT_DIR})")
    parser.add_argument("--csv", default=str(DEFAULT_CSV), help="the Wikinews 2019 CSV")
    parser.add_argument("--cameo", default=str(DEFAULT_CAMEO), help="the CAMEO code file")
    args = parser.parse_args(argv)

    if args.check:
        problems, counts = check(args.check, args.csv, args.cameo)
        for p in problems:
            print(p)
        if problems:
            print(f"{len(problems)} problem(s)", file=sys.stderr)
            return 1
        _print_counts(counts)
        return 0
    rows = read_articles(args.csv)
    if args.command == "show" and args.index is not None:
        show(args.index, rows)
        return 0
    if args.command == "list":
        for i, row in enumerate(rows):
            if part_of(i):
                print(f"{i:4d} {part_of(i)} {row['date']} {len(row['text']):6d}  {row['title']}")
        return 0
    parser.print_help()
    return 2


if __name__ == "__main__":
    sys.exit(main())
