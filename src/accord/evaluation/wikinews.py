"""The Wikinews 2019 development set (tests/data/wikinews_dev/): records against gold events.

Format and rules: tests/data/wikinews_dev/README.md. An article is scored only once it is fully
labelled (listed in `articles.jsonl`); gold events of other articles are ignored, so the scorer
works with whatever part is labelled when it runs, and says how many of the part's articles that is
(`PartResult.total`: a partly labelled part is never reported as whole). Parts A, C, D, E and F
("tune") are development data (C, D, E and F were labelled after Accord's records on them had been
judged; F was an untuned audit until the lead made it development data on 2026-12-07); part B
("held-out") is never used to change rules or lexicons: its figures are aggregate only, and its
mismatches are never printed or dumped. Each part is scored on its own, by the same rule.

Matching rules (one gold event per record at most, and the other way round), both in
`accord.evaluation.records`: the lenient one (same sentence, compatible code, source and target by
code, name or country, negation, modality, a date one a prefix of the other) gives `PartResult.score`
and the mismatches; the strict one (a careful coder's judgment: actors by identity, the code the
gold's or coarser, the date at the gold's precision) gives `PartResult.strict`, printed beside it.
Bare statements (CAMEO 010) are left out on both sides unless
`statements=True`, as Accord's default output leaves them out.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from ..model import Article, Document
from .records import ArticleMatch, MatchScore, event_records, match

PARTS = {"A": "tune", "B": "held-out", "C": "tune", "D": "tune", "E": "tune", "F": "tune"}
# Article i (0-based CSV row) belongs to part ROW_PARTS[i % 6] (tests/data/wikinews_dev/README.md).
ROW_PARTS = {0: "A", 1: "C", 2: "E", 3: "B", 4: "D", 5: "F"}
DEVELOPMENT_PARTS = tuple(p for p, kind in PARTS.items() if kind == "tune")
CSV_FILE = Path("data") / "wikinews" / "wikinews_2019.csv"
BARE_STATEMENT = "010"


@dataclass
class DevSet:
    articles: list[dict]  # fully labelled articles (articles.jsonl lines)
    events: dict[int, list[dict]]  # article -> its gold events
    texts: dict[int, dict]  # article -> the CSV row (url, date, title, text)
    totals: dict[str, int] = field(default_factory=dict)  # part -> its articles in the CSV, labelled or not


def read_csv_rows(shared: Path) -> list[dict]:
    csv.field_size_limit(10 ** 9)
    with (shared / CSV_FILE).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def load_devset(folder: Path, shared: Path, parts: Iterable[str] = tuple(PARTS)) -> DevSet | None:
    """The labelled articles of the given parts, or None when the set is not there."""
    articles_path, events_path = folder / "articles.jsonl", folder / "events.jsonl"
    if not articles_path.is_file():
        return None
    wanted = set(parts)
    articles = [json.loads(line) for line in articles_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = [a for a in articles if a["part"] in wanted]
    ids = {a["article"] for a in articles}
    events: dict[int, list[dict]] = {i: [] for i in ids}
    if events_path.is_file():
        for line in events_path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                e = json.loads(line)
                if e["article"] in ids:
                    events[e["article"]].append(e)
    rows = read_csv_rows(shared)
    texts = {i: rows[i] for i in ids}
    totals: dict[str, int] = {}
    for i in range(len(rows)):
        totals[ROW_PARTS[i % 6]] = totals.get(ROW_PARTS[i % 6], 0) + 1
    for i, evs in events.items():
        text = texts[i]["text"]
        for e in evs:
            if text[e["sentence_start"]:e["sentence_end"]] != e["sentence"]:
                raise ValueError(f"{folder / 'events.jsonl'}: article {i}: the sentence at "
                                 f"{e['sentence_start']}-{e['sentence_end']} is not the text there")
    return DevSet(articles, events, texts, totals)


def article_of(i: int, row: dict) -> Article:
    return Article(id=f"wikinews-2019-{i}", text=row["text"], date=row["date"] or None, title=row.get("title"),
                   url=row.get("url"))


@dataclass
class PartResult:
    score: MatchScore = field(default_factory=MatchScore)  # by the lenient rule
    strict: MatchScore = field(default_factory=MatchScore)  # by the strict rule (a careful coder's)
    articles: int = 0  # labelled articles scored
    total: int = 0  # the part's articles in the CSV (labelled or not)
    matches: list[tuple[int, ArticleMatch]] = field(default_factory=list)


def articles_label(result: PartResult) -> str:
    """"29 articles" for a fully labelled part, "12 of 28 articles labelled" for a partial one."""
    if result.total and result.articles < result.total:
        return f"{result.articles} of {result.total} articles labelled"
    return f"{result.articles} articles"


def score_documents(devset: DevSet, documents: dict[int, Document], statements: bool = False) -> dict[str, PartResult]:
    """Per part ("A", "B", "C", "D", "E", "F"): records against gold events."""
    out: dict[str, PartResult] = {}
    for a in devset.articles:
        i = a["article"]
        records = [r for r in event_records(documents[i]) if statements or r["cameo"] != BARE_STATEMENT]
        golds = [e for e in devset.events[i] if statements or e["cameo"] != BARE_STATEMENT]
        m = match(records, golds)
        part = out.setdefault(a["part"], PartResult(total=devset.totals.get(a["part"], 0)))
        part.score.add(m)
        part.strict.add(match(records, golds, strict=True))
        part.articles += 1
        part.matches.append((i, m))
    return out


def evaluate(folder: Path, shared: Path, pipeline, parts: Iterable[str] = tuple(PARTS),
             statements: bool = False) -> dict[str, PartResult] | None:
    """Run the pipeline on the labelled articles and score their records; None without the set."""
    from .events import _process

    devset = load_devset(folder, shared, parts)
    if devset is None:
        return None
    ids = [a["article"] for a in devset.articles]
    docs = _process(((article_of(i, devset.texts[i])) for i in ids), pipeline, articles=True)
    return score_documents(devset, dict(zip(ids, docs)), statements)


def mismatches(i: int, m: ArticleMatch, part: str = "A") -> list[dict[str, Any]]:
    """Development data only: the wrong records and missed gold events of one article."""
    if PARTS.get(part) != "tune":
        raise ValueError(f"part {part!r} is not development data: its mismatches are never listed")
    out = []
    matched = set(m.pairs.values())
    for n, r in enumerate(m.records):
        if n in m.pairs:
            continue
        g, j = m.nearest_gold(n)
        out.append({"set": f"wikinews-{part}", "article": i, "kind": "wrong record", "record": _brief_record(r),
                    "nearest_gold": _brief_gold(m.golds[g]) if g is not None else None,
                    "disagree": [f for f, ok in (j or {}).items() if not ok], "sentence": r["evidence"]})
    for g, gold in enumerate(m.golds):
        if g in matched:
            continue
        n, j = m.nearest_record(g)
        out.append({"set": f"wikinews-{part}", "article": i, "kind": "missed gold event", "gold": _brief_gold(gold),
                    "nearest_record": _brief_record(m.records[n]) if n is not None else None,
                    "disagree": [f for f, ok in (j or {}).items() if not ok], "sentence": gold["sentence"]})
    return out


def _actor(a: dict | None) -> str | None:
    if a is None:
        return None
    return f"{a.get('name') or a.get('text')} [{a.get('code')}/{a.get('country')}]"


def _brief_record(r: dict) -> dict:
    return {"cameo": r["cameo"], "announced_cameo": r.get("announced_cameo"), "trigger": r["trigger"]["text"],
            "source": _actor(r.get("source")), "target": _actor(r.get("target")), "negated": r["negated"],
            "modality": r["modality"], "date": r["date"], "confidence": r["confidence"]}


def _brief_gold(g: dict) -> dict:
    return {"cameo": g["cameo"], "announced_cameo": g.get("announced_cameo"), "trigger": g.get("trigger"),
            "source": _actor(g.get("source")), "target": _actor(g.get("target")), "negated": g.get("negated"),
            "modality": g.get("modality"), "date": g.get("date")}
