"""Happenings: the reports (event records) of one real-world act, across sentences, articles and
outlets, merged.

Two reports are *compatible* when a careful reader could take them for the same act:
- actors: the same actors, or one side more specific than the other (RUS and RUSGOV; the
  country and its leader; an unnamed side and a named one); for reciprocal codes (talks, calls,
  meetings, agreements) in either order, and for the two sides of one act (a visit made, a visit
  hosted) swapped (`resources/clustering/codes.yaml`);
- codes: the same CAMEO root (a call, 041, and talks, 046, of the same leaders on the same day;
  an air strike, 195, and a battle, 190) -- dates and actors keep different acts apart;
- dates: their periods meet. A text date is its day, month or year (a month contains its days),
  or the fewer days its words allow (`Report.range`, made by the time stage and kept in the store
  beside the record: "last week" is a month in the record, the week before the publication's
  here; "this month", told in the past, ends at the publication date);
  a report dated only by its publication date may have happened up to `window_days` before it,
  and one the text gives no date (`date: null`: a pluperfect, an act to come) up to
  `undated_days` before its article's publication, so that it can join the dated happening it
  tells of and never gathers the undated reports of all time; a report with neither date nor
  publication date is compatible only with reports of its own article;
- the same negation, compatible modality (asserted and alleged together; future and
  hypothetical each apart) and compatible places (unknown, the same place, or the same country
  without two distant cities);
- for statements (CAMEO 01), which officials make many of a day, evidence sentences that share
  at least `statement_similarity` of their content words.

A happening is then a deterministic function of the set of reports, so the outcome does not
depend on the order in which articles arrive:
1. core reports (dated to a day, both sides known with their country) are joined when
   compatible (connected components), and so are the dyads of one sentence's meeting of three or
   more parties (`joint_meetings`: every pair of three parties, on one occasion) and one
   speaker's spoken acts told in one sentence (`utterances`: "condemned the attack and extended
   his condolences", two codes, one statement, whatever parties each act names);
2. a vaguer report (a month or a year, no target, "officials" of no country) joins the
   compatible core happening with the most compatible reports (ties: the smallest id), so "last
   May" or "the two leaders" never bridge two happenings; one that is part of an utterance
   follows the utterance's anchor instead (`utterance_anchors`);
3. vague reports that join no core happening form happenings among themselves.
The store applies this to the reports a new article can affect (those sharing a blocking key:
CAMEO root, an actor's country, a month of the report's days; the store files a class whose days
span more than two months under its years instead, `filed_keys`, and a new report probes its
months and their years, `probe_keys`; of those, only the classes whose sides may be its own,
`side_key`), and regroups the happenings it may change (for a vague
report, only the compatible ones with the most compatible core reports: the one it may join), so
it reads a small part of the store (not a bounded one: a month- or year-dated report reads its
whole period's classes of its sides; a happening that keeps growing is regrouped by its
classes, `store.clusters.collapse`, though its reports are still passed over once in memory,
and only its new reports are summarized, into its running summary, `Summary`;
`bench/bench_store_replay.py --counts` measures both);
and to the happenings that outcome reaches (`store.clusters.Clusters._reached`: a merge of two
core happenings, or a happening losing reports, can move a vague report filed elsewhere), so the
stored happenings are those of the whole set whatever the order the articles came in.
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from importlib.resources import files
from typing import Any, Iterable, Sequence
from urllib.parse import urlsplit

import yaml

from ..model import Happening, stable_id
from .settings import ClusteringSettings

_WORD = re.compile(r"\w+")
_PRECISION_RANK = {"day": 3, "month": 2, "year": 1}
_MODALITY_GROUP = {"asserted": "fact", "alleged": "fact", "future": "future",
                   "hypothetical": "hypothetical"}


@lru_cache(maxsize=1)
def _codes() -> tuple[tuple[str, ...], dict[str, str]]:
    data = yaml.safe_load(
        files("accord").joinpath("resources", "clustering", "codes.yaml").read_text("utf-8"))
    reciprocal = tuple(str(c) for c in data.get("reciprocal", []))
    inverse: dict[str, str] = {}
    for a, b in data.get("inverse", []):
        inverse[str(a)], inverse[str(b)] = str(b), str(a)
    return reciprocal, inverse


@lru_cache(maxsize=1)
def _spoken_codes() -> tuple[str, ...]:
    data = yaml.safe_load(
        files("accord").joinpath("resources", "clustering", "codes.yaml").read_text("utf-8"))
    return tuple(str(c) for c in data.get("spoken", []))


@lru_cache(maxsize=4096)
def is_spoken(code: str) -> bool:
    """An act done by saying it (a statement, appeal, intent, praise, demand, criticism,
    rejection, threat: `resources/clustering/codes.yaml`)."""
    return any(code.startswith(p) for p in _spoken_codes())


@lru_cache(maxsize=1)
def _several_words() -> frozenset[str]:
    data = yaml.safe_load(
        files("accord").joinpath("resources", "clustering", "sides.yaml").read_text("utf-8"))
    return frozenset(str(w).lower() for w in data.get("several_parties", []))


def several_parties(actor: dict) -> bool:
    """A side of no country named as several parties ("various leaders", "other governments";
    resources/clustering/sides.yaml): never a vaguer name of one country's side."""
    if actor.get("country"):
        return False
    words = (actor.get("text") or "").lower().split()
    if words and words[0] in ("the", "a", "an"):
        words = words[1:]
    return bool(words) and words[0] in _several_words()


def _general(code: str) -> str:
    # "040" is the root's generic code: as general as "04".
    return code[:2] if len(code) == 3 and code.endswith("0") else code


def codes_related(a: str, b: str) -> bool:
    """The same CAMEO root: a call (041), talks (046) and a meeting (040) of the same leaders on
    the same day are one happening told in other words; dates and actors keep acts apart."""
    return a[:2] == b[:2]


@lru_cache(maxsize=4096)  # asked for every candidate pair; a few hundred codes exist
def is_reciprocal(code: str) -> bool:
    """Both sides do the act (talks, a call): reports may name them in either order. One side
    of a pair of codes (a visit made, 042; hosted, 043) is directed, whatever its root."""
    reciprocal, inverse = _codes()
    if code in inverse:
        return False
    g = _general(code)
    return any(g.startswith(r) for r in reciprocal)


def inverse_code(code: str) -> str | None:
    return _codes()[1].get(code)


def outlet(source: str | None, url: str | None) -> str | None:
    """The publisher of an article: its `source`, else its URL's host (without www.)."""
    if source and source.strip():
        return source.strip().lower()
    if url:
        host = urlsplit(url.strip()).hostname or ""
        host = host[4:] if host.startswith("www.") else host
        return host or None
    return None


@dataclass(slots=True)
class Report:
    """One event record with what clustering needs of its article."""

    event: dict[str, Any]  # the contract's event record
    published: str | None  # the article's publication date (YYYY-MM-DD)
    outlet: str | None  # the article's publisher (see `outlet`)
    seq: int = 0  # position in its article, for a stable order
    # The days the text's date allows, where fewer than its period's (`Event.date_range`, kept in
    # the store beside the record: "last week" is a month in the record, a week here); None: the
    # date's period. Read only for a date the text gives.
    range: tuple[date, date] | None = None
    _interval: tuple[date, date] | None = field(default=None, repr=False)
    _interval_rule: tuple[int, int] | None = field(default=None, repr=False)  # (window, undated)
    _words: frozenset[str] | None = field(default=None, repr=False)
    _core: bool | None = field(default=None, repr=False)
    _fields: tuple | None = field(default=None, repr=False)
    _keys: tuple[tuple[int, int], list[str]] | None = field(default=None, repr=False)  # (rule, keys)

    @classmethod
    def placed(cls, id: str, article_id: str | None, negated: bool, modality: str,
               interval: tuple[date, date] | None, settings: ClusteringSettings) -> "Report":
        """A stand-in of a stored report for `may_be_compatible`, given the interval it was
        stored with (`store.clusters.key_rows_of`) under these settings."""
        r = cls({"id": id, "article_id": article_id, "date": None, "date_basis": None,
                 "negated": negated, "modality": modality}, None, None)
        r._interval_rule = (settings.window_days, settings.undated_days)
        r._interval = interval
        return r

    @property
    def id(self) -> str:
        return self.event["id"]

    @property
    def article_id(self) -> str:
        return self.event["article_id"]

    @property
    def precision(self) -> str | None:
        return self.event.get("date_precision")

    @property
    def is_day(self) -> bool:
        return self.precision == "day" and self.event.get("date") is not None

    @property
    def is_core(self) -> bool:
        """Specific enough to join others as an equal: dated to a day, both sides named with
        a country. Vaguer reports (a month, no target, "officials") only join the happening
        that suits them best, so that they never bridge two happenings."""
        if self._core is None:  # asked for every pair; records do not change while grouped
            e = self.event
            self._core = self.is_day and all(side and side.get("country")
                                             for side in (e.get("source"), e.get("target")))
        return self._core

    def interval(self, settings: ClusteringSettings) -> tuple[date, date] | None:
        """The days the act may have happened on: its text date's range (`range`: "last week",
        the week before the publication's; else the date's period); for a publication-dated
        report, the `window_days` before it as well; for a report the text gives no date, the
        `undated_days` before its article's publication. None: no date and no publication date."""
        rule = (settings.window_days, settings.undated_days)
        if self._interval_rule == rule:
            return self._interval
        self._interval_rule = rule
        self._interval = _interval(self.event, self.published, *rule, self.range)
        return self._interval


def _period(value: str) -> tuple[date, date] | None:
    from calendar import monthrange

    try:
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 3:
            d = date(*parts)
            return d, d
        if len(parts) == 2:
            return date(parts[0], parts[1], 1), date(parts[0], parts[1],
                                                     monthrange(parts[0], parts[1])[1])
        if len(parts) == 1:
            return date(parts[0], 1, 1), date(parts[0], 12, 31)
    except (ValueError, TypeError):
        return None
    return None


def _interval(event: dict[str, Any], published: str | None, window_days: int,
              undated_days: int, told: tuple[date, date] | None = None) -> tuple[date, date] | None:
    value = event.get("date")
    if not value:
        # No date from the text (a pluperfect, "had agreed"; an act to come): told in an article
        # of that day, so it happened some days before, at most (or is spoken of then).
        return _dated_interval(published[:10], True, undated_days) if published else None
    by_publication = event.get("date_basis") == "publication"
    if told is not None and not by_publication and told[0] <= told[1]:
        return told  # the days the text's date allows: "last week" is not its whole month
    return _dated_interval(value, by_publication, window_days)


def told_range(value: Any, date_value: str | None = None) -> tuple[date, date] | None:
    """A stored or coded `date_range` (ISO strings, dates, or None) as days; None where it is
    `date_value`'s period itself (it narrows nothing: reports alike stay one class)."""
    if not value or value[0] is None or value[1] is None:
        return None
    try:
        a, b = (d if isinstance(d, date) else date.fromisoformat(str(d)[:10]) for d in value[:2])
    except ValueError:
        return None
    if a > b or (date_value and _period(date_value) == (a, b)):
        return None
    return a, b


@lru_cache(maxsize=8192)  # a store's reports share a few thousand dates
def _dated_interval(value: str, by_publication: bool,
                    window_days: int) -> tuple[date, date] | None:
    period = _period(value)
    if period is None:
        return None
    if by_publication and period[0] == period[1]:
        # Dated only by its article: the act happened on or (a little) before publication.
        return period[0] - timedelta(days=window_days), period[1]
    return period


def blocking_keys(report: Report, settings: ClusteringSettings) -> list[str]:
    """Keys any compatible report shares with this one: CAMEO root | actor country | month of
    its period (with no date at all: its article). Kept on the report (asked many times per
    write; records do not change while grouped)."""
    rule = (settings.window_days, settings.undated_days)
    cached = report._keys
    if cached is not None and cached[0] == rule:
        return cached[1]
    keys = _blocking_keys(report, settings)
    report._keys = (rule, keys)
    return keys


def _key_parts(report: Report, settings: ClusteringSettings) -> tuple[str, list[str], list[str] | None]:
    """A report's CAMEO root, its sides' countries, and the months its days touch (None: no
    date nor publication date)."""
    e = report.event
    root = e["cameo"][:2]
    sides = set()
    for side in (e.get("source"), e.get("target")):
        if side:
            sides.add(side.get("country") or side["code"][:3])
    interval = report.interval(settings)
    if interval is None:
        return root, sorted(sides), None
    months = []
    y, m = interval[0].year, interval[0].month
    while (y, m) <= (interval[1].year, interval[1].month):
        months.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return root, sorted(sides), months


def _blocking_keys(report: Report, settings: ClusteringSettings) -> list[str]:
    root, sides, months = _key_parts(report, settings)
    if months is None:
        months = ["article:" + report.article_id]  # matches only its own article's reports
    return [f"{root}|{s}|{mo}" for s in sides for mo in months]


# A stored class whose days touch at most this many months is filed under its months' keys; a
# longer one (a report dated "in 2014", "earlier this year") under its years' keys.
FILED_MONTHS = 2


def filed_keys(report: Report, settings: ClusteringSettings) -> list[str]:
    """The keys the store files a class of reports under (`happening_keys`, read by the
    candidate query with `probe_keys`): its blocking keys where its days touch at most
    `FILED_MONTHS` months, else CAMEO root | actor country | year, one per year its days touch.
    A report dated "in 2014" is then one row, read once by the reports that reach it, not one
    row under each of twelve months read twelve times by another report of that year."""
    root, sides, months = _key_parts(report, settings)
    if months is None or len(months) <= FILED_MONTHS:
        return blocking_keys(report, settings)
    years = sorted({mo[:4] for mo in months})
    return [f"{root}|{s}|{y}" for s in sides for y in years]


def probe_keys(report: Report, settings: ClusteringSettings) -> list[str]:
    """The keys under which the store looks for the stored classes a new report may be
    compatible with (`filed_keys`): its blocking keys (each month its days touch) and each of
    those months' years. Two compatible reports share a day, so a key of that day's month or
    year, whichever the stored one is filed by; a report with neither date nor publication date,
    its article's key."""
    root, sides, months = _key_parts(report, settings)
    keys = blocking_keys(report, settings)
    if months is None:
        return keys
    years = sorted({mo[:4] for mo in months})
    return keys + [f"{root}|{s}|{y}" for s in sides for y in years]


def side_key(actor: dict | None) -> str | None:
    """What the store's candidate query compares of a side (`store.clusters`): the actor's
    country where its code starts with it (USAGOV, USA); None, which matches any side, for an
    unnamed side, one of no country (IGOUNO, REB: a sector of no country matches that sector of
    any country) or one whose code names another (KSV of XKX). Two sides with different keys are
    never `actors_compatible`: their codes differ in their first three letters (no prefix of
    each other) and name two countries."""
    if not actor:
        return None
    country = actor.get("country")
    if not country or len(country) != 3 or not actor["code"].startswith(country):
        return None
    return country


def sides_may_match(a: tuple[str | None, str | None], b: tuple[str | None, str | None]) -> bool:
    """Whether reports with these `side_key`s (source, target) may have compatible actors, in
    either order (a superset of `sides_match`, which allows the swap only for some codes)."""
    def same(x: str | None, y: str | None) -> bool:
        return x is None or y is None or x == y
    return (same(a[0], b[0]) and same(a[1], b[1])) or (same(a[0], b[1]) and same(a[1], b[0]))


# -- compatibility -----------------------------------------------------------------------------


def actors_compatible(a: dict | None, b: dict | None) -> bool:
    if a is None or b is None:
        return True  # an unnamed side is less specific than any named one
    ca, cb = a["code"], b["code"]
    na, nb = a.get("name"), b.get("name")
    if ca.startswith(cb) or cb.startswith(ca):
        if ca == cb:
            return na is None or nb is None or na.lower() == nb.lower()
        return True  # one side more specific: RUS and RUSGOV, Russia and Vladimir Putin
    # A sector with no country ("rebels", REB) and that sector of a country (the Taliban, AFGREB);
    # not when the first names several parties ("various leaders" and Russia's government).
    for x, y in ((a, b), (b, a)):
        if x.get("country") is None and y.get("country") and several_parties(x):
            return False
        if x.get("country") is None and y.get("country") and y["code"][3:].startswith(x["code"]):
            return True
    # An unnamed group of a country ("U.S. officials") and a named member of another of its
    # sectors (the US envoy): the reports may name the same side differently. Two unnamed
    # groups of different sectors ("the provincial governor", "Afghan security forces") name
    # two sides: nothing says they are one.
    return (a.get("country") is not None and a.get("country") == b.get("country")
            and (na is None) != (nb is None))


def _orientations(r1: dict, r2: dict) -> tuple[bool, bool]:
    """(may match as written, may match with r2's source and target swapped)."""
    c1, c2 = r1["cameo"], r2["cameo"]
    if not codes_related(c1, c2):
        return False, False
    if inverse_code(c1) == c2:
        return False, True  # a visit made by A to B is the visit B hosted for A
    return True, is_reciprocal(c1) or is_reciprocal(c2)


def sides_match(r1: dict, r2: dict) -> tuple[bool, bool]:
    direct, swapped = _orientations(r1, r2)
    ok_direct = direct and actors_compatible(r1.get("source"), r2.get("source")) and \
        actors_compatible(r1.get("target"), r2.get("target"))
    ok_swapped = swapped and actors_compatible(r1.get("source"), r2.get("target")) and \
        actors_compatible(r1.get("target"), r2.get("source"))
    return ok_direct, ok_swapped


def _km(p: dict, q: dict) -> float | None:
    if None in (p.get("lat"), p.get("lon"), q.get("lat"), q.get("lon")):
        return None
    la1, lo1, la2, lo2 = map(math.radians, (p["lat"], p["lon"], q["lat"], q["lon"]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def places_compatible(p: dict | None, q: dict | None, km: float) -> bool:
    if p is None or q is None:
        return True
    if (p.get("name") or "").lower() == (q.get("name") or "").lower():
        return True
    if p.get("country") and q.get("country") and p["country"] != q["country"]:
        return False
    if not p.get("country") or not q.get("country"):
        return False
    distance = _km(p, q)
    return distance is None or distance <= km


_STATEMENT_ROOTS = ("01",)


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def evidence_words(report: Report) -> frozenset[str]:
    words = report._words
    if words is None:
        stop = _stop_words()
        words = frozenset(w for w in _WORD.findall(report.event.get("evidence", "").lower())
                          if w not in stop and len(w) > 1)
        report._words = words
    return words


def evidence_similarity(a: Report, b: Report) -> float:
    wa, wb = evidence_words(a), evidence_words(b)
    return len(wa & wb) / len(wa | wb) if wa and wb else 0.0


def may_be_compatible(a: Report, b: Report, settings: ClusteringSettings) -> bool:
    """What `compatible` checks first, on the fields a report's date, negation and modality
    alone give: False means the two are not compatible (used to sift stored candidates before
    their whole records are read)."""
    e, f = a.event, b.event
    if bool(e["negated"]) != bool(f["negated"]):
        return False
    if _MODALITY_GROUP.get(e["modality"]) != _MODALITY_GROUP.get(f["modality"]):
        return False
    ia, ib = a.interval(settings), b.interval(settings)
    if ia is None or ib is None:
        # No date and no publication date: nothing places it in time but its own article.
        return ia is None and ib is None and a.article_id == b.article_id
    return not (ia[1] < ib[0] or ib[1] < ia[0])


def _actor_fields(a: dict | None) -> tuple | None:
    return None if a is None else (a["code"], a.get("name"), a.get("country"), several_parties(a))


def compared_fields(report: Report) -> tuple:
    """Everything of a report that `compatible` reads (given the settings): two reports with
    equal fields are compatible with exactly the same reports. The evidence's words count only
    for statements (CAMEO 01): `compatible` reads them only when both roots are 01. A report
    with no date is placed by its article's publication date (with none either: its article)."""
    fields = report._fields
    if fields is None:
        e = report.event
        p = e.get("location")
        placed = None if e.get("date") else (
            report.published[:10] if report.published else "article:" + report.article_id)
        told = report.range if e.get("date") and e.get("date_basis") != "publication" else None
        fields = (bool(e["negated"]), e["modality"], e.get("date"), e.get("date_basis"), placed, told,
                  e["cameo"], _actor_fields(e.get("source")), _actor_fields(e.get("target")),
                  None if p is None else (p.get("name"), p.get("country"), p.get("lat"), p.get("lon")),
                  evidence_words(report) if e["cameo"][:2] in _STATEMENT_ROOTS else None)
        report._fields = fields
    return fields


def compatible(a: Report, b: Report, settings: ClusteringSettings) -> bool:
    e, f = a.event, b.event
    if not may_be_compatible(a, b, settings):
        return False
    if not any(sides_match(e, f)):
        return False
    if not places_compatible(e.get("location"), f.get("location"), settings.place_km):
        return False
    if e["cameo"][:2] in _STATEMENT_ROOTS or f["cameo"][:2] in _STATEMENT_ROOTS:
        # Officials say many things on one day: statements match only when they say it in
        # like words (the evidence sentences share their content words).
        return evidence_similarity(a, b) >= settings.statement_similarity
    return True


# -- one sentence, one meeting ------------------------------------------------------------------


def _party(actor: dict) -> tuple:
    return actor["code"], (actor.get("name") or "").lower()


def _same_occasion(a: Report, b: Report, settings: ClusteringSettings) -> bool:
    e, f = a.event, b.event
    return (codes_related(e["cameo"], f["cameo"]) and may_be_compatible(a, b, settings)
            and places_compatible(e.get("location"), f.get("location"), settings.place_km))


def joint_meetings(reports: Iterable[Report], settings: ClusteringSettings) -> list[tuple[Report, Report]]:
    """Reports that are the pairs of parties of one meeting of three or more, told in one
    sentence: "negotiators from Russia, Ukraine and the US met in Abu Dhabi" is coded as three
    dyads (RUS-UKR, RUS-USA, UKR-USA) of a reciprocal code; they share no pair of parties, so the
    actor rule keeps them apart. Where a sentence's reciprocal reports hold every pair of three
    parties (a triangle), on the same occasion (related codes, meeting dates, the same negation
    and modality, compatible places), the three are one act. A party meeting several others in
    turn ("talks with leaders from France, Canada and Brazil": a star, no pair of the others) is
    not one meeting. Only core reports (both sides named with a country, a day) are joined, so
    the rule reads nothing but the sentence's own reports: the outcome stays a function of the
    set of reports, whatever the order they came in."""
    by_sentence: dict[tuple, list[Report]] = {}
    for r in reports:
        e = r.event
        if r.is_core and e.get("sentence") is not None and is_reciprocal(e["cameo"]) \
                and e["cameo"][:2] not in _STATEMENT_ROOTS:
            by_sentence.setdefault((r.article_id, e["sentence"]), []).append(r)
    pairs: list[tuple[Report, Report]] = []
    for key in sorted(by_sentence):
        rs = by_sentence[key]
        if len(rs) < 3:
            continue
        dyads: dict[frozenset, list[Report]] = {}
        for r in sorted(rs, key=_by_id):
            sides = frozenset((_party(r.event["source"]), _party(r.event["target"])))
            if len(sides) == 2:
                dyads.setdefault(sides, []).append(r)
        parties = sorted({p for d in dyads for p in d})
        for x in range(len(parties)):
            for y in range(x + 1, len(parties)):
                pq = dyads.get(frozenset((parties[x], parties[y])))
                if not pq:
                    continue
                for z in range(y + 1, len(parties)):
                    pr = dyads.get(frozenset((parties[x], parties[z])))
                    qr = dyads.get(frozenset((parties[y], parties[z])))
                    if not pr or not qr:
                        continue
                    for a in pq:
                        for b in pr:
                            for c in qr:
                                if _same_occasion(a, b, settings) and _same_occasion(a, c, settings) \
                                        and _same_occasion(b, c, settings):
                                    pairs += [(a, b), (a, c)]
    return pairs


# -- one sentence, one utterance ---------------------------------------------------------------


def _same_speaker(a: dict, b: dict) -> bool:
    """The one who speaks in both: the same words of the sentence (coordinated verbs share their
    subject), or the same actor by code and name. Looser kinship (a country and its police, a
    sector of no country and a named group) is another speaker."""
    if a.get("span") is not None and list(a["span"]) == list(b.get("span") or ()):
        return True
    return a["code"] == b["code"] and a.get("name") is not None and \
        (a.get("name") or "").lower() == (b.get("name") or "").lower()


def _one_utterance(a: Report, b: Report, settings: ClusteringSettings) -> bool:
    # The other parties are not compared: one statement may condemn one party and console
    # another (see `utterances`).
    e, f = a.event, b.event
    return (_same_speaker(e["source"], f["source"])
            and may_be_compatible(a, b, settings)
            and places_compatible(e.get("location"), f.get("location"), settings.place_km))


def utterances(reports: Iterable[Report], settings: ClusteringSettings) -> list[list[Report]]:
    """One speaker's spoken acts told in one sentence, each list one utterance: "Erdogan
    condemned the attack and extended his condolences to Ghani" is coded twice (111 and 018,
    the second with a target), "China has never denounced the war or called for a withdrawal"
    twice (111 and 0256, both negated); a careful coder keeps both records (two acts of two
    kinds) and counts one happening: the statement. Two reports of one sentence of one article
    are one utterance when both codes are spoken (`is_spoken`), both name the same speaker
    (`_same_speaker`), and their negation, modality, dates and places allow a match; an
    utterance is a connected set of such pairs (lists of two or more, sorted by id; the lists
    by their first id). Reads nothing but the sentence's own reports.

    The other parties each act names are NOT compared: one speaker's spoken acts told in one
    sentence are one statement whatever parties each names ("Erdogan condemned the attack [by
    the Taliban] and extended his condolences to Ghani" is 111 aimed at the Taliban and 018 to
    Ghani: one statement, one happening). The happening reports one code and the parties of
    that code's act: `summarize` keeps, of the members' sides, those compatible with its
    representative report's (so 018's Ghani, not 111's Taliban, where 018 is the code kept)."""
    by_sentence: dict[tuple, list[Report]] = {}
    for r in reports:
        e = r.event
        if e.get("sentence") is not None and e.get("source") and is_spoken(e["cameo"]):
            by_sentence.setdefault((r.article_id, e["sentence"]), []).append(r)
    out: list[list[Report]] = []
    for key in sorted(by_sentence):
        rs = sorted(by_sentence[key], key=_by_id)
        if len(rs) < 2:
            continue
        parent = list(range(len(rs)))

        def find(x: int) -> int:
            while parent[x] != x:
                x = parent[x]
            return x

        for i in range(len(rs)):
            for j in range(i + 1, len(rs)):
                if find(i) != find(j) and _one_utterance(rs[i], rs[j], settings):
                    parent[max(find(i), find(j))] = min(find(i), find(j))
        parts: dict[int, list[Report]] = {}
        for i, r in enumerate(rs):
            parts.setdefault(find(i), []).append(r)
        out += [p for p in parts.values() if len(p) > 1]
    out.sort(key=lambda p: p[0].id)
    return out


def utterance_anchors(reports: Iterable[Report],
                      settings: ClusteringSettings) -> tuple[list[tuple[Report, Report]], dict[int, Report]]:
    """What `utterances` means for grouping: the pairs of core reports to join (each utterance's
    core reports are one act), and for each vague report of an utterance (`id(report)`) the
    report whose happening it shares: the utterance's smallest core report, else its smallest
    report. A vague report that follows one of its own sentence is always filed with it, so the
    store, which reads happenings whole, always regroups the two together."""
    joins: list[tuple[Report, Report]] = []
    follows: dict[int, Report] = {}
    for part in utterances(reports, settings):
        core = [r for r in part if r.is_core]
        anchor = (core or part)[0]
        joins += [(anchor, r) for r in core if r is not anchor]
        for r in part:
            if r is not anchor and not r.is_core:
                follows[id(r)] = anchor
    return joins, follows


def sentence_bound(reports: Iterable[Report]) -> set[int]:
    """The reports (`id(report)`) that `utterances` or `joint_meetings` may read together with
    others of their sentence: a spoken act with a source where its sentence holds two or more,
    a core reciprocal act (not a statement) where it holds three or more. Every other report is
    grouped by its fields alone."""
    spoken: Counter = Counter()
    joint: Counter = Counter()
    kinds: list[tuple[Report, tuple, bool, bool]] = []
    for r in reports:
        e = r.event
        if e.get("sentence") is None:
            continue
        key = (r.article_id, e["sentence"])
        says = bool(e.get("source")) and is_spoken(e["cameo"])
        meets = r.is_core and is_reciprocal(e["cameo"]) and e["cameo"][:2] not in _STATEMENT_ROOTS
        if says:
            spoken[key] += 1
        if meets:
            joint[key] += 1
        if says or meets:
            kinds.append((r, key, says, meets))
    return {id(r) for r, key, says, meets in kinds
            if (says and spoken[key] >= 2) or (meets and joint[key] >= 3)}


# -- grouping ----------------------------------------------------------------------------------


class _Union:
    """Union-find over small integers (classes of reports); the smaller index is the root."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            if rb < ra:
                ra, rb = rb, ra
            self.parent[rb] = ra


def group(reports: Sequence[Report], settings: ClusteringSettings,
          settled: dict[int, str] | None = None,
          hidden: dict[int, list[Report]] | None = None) -> list[list[Report]]:
    """Partition reports into happenings (see the module notes); each list sorted by id, the
    lists by their first id. The result depends only on the set of reports.

    Many reports tell an act in the same fields (a store's month of one country's statements
    repeats the same actors, code and date): `compatible` is a symmetric function of
    `compared_fields`, so reports with equal fields (and coreness) form a class, and pairs are
    checked between classes, each once. The outcome is that of checking every pair of reports
    sharing a blocking key (tests/test_clustering.py::pairwise_group); the work is done on
    classes, not reports: a class compatible with any class (itself included, through two of
    its reports) has all its reports in one happening, one that is not keeps each report alone,
    so a happening of many equal reports costs about as much as one of a few.

    `settled` (optional): for stored reports, `id(report)` -> the happening the store files them
    in, for happenings known to be what this function gives for the whole store's reports (none
    lost a report since). Pairs of their classes need no check: adding reports only adds links,
    so the core classes of one settled happening stay joined, and two core classes of different
    settled happenings, or two vague classes of different ones, were not compatible (they would
    share a happening); a vague class of a settled happening with core reports stays attached.
    The outcome is the same as without it; the pairs checked are those involving a new report,
    a vague class and a core one, or two vague classes of one happening, so a large happening
    is not compared with itself again for each report it gains.

    `hidden` (optional): for a report of `reports` (`id(report)`), other reports the caller
    vouches are its class-mates (equal `compared_fields` and coreness, ids larger than its own)
    and go wherever it goes: reports of one settled happening in no utterance nor joint meeting
    (not `sentence_bound`), which the store passes as one report of
    each class (`store.clusters.collapse`), so that a happening gaining a report is regrouped by
    its classes, not by all its reports. They count in the classes' sizes and are in the
    returned lists; the outcome is that of passing them all."""
    # One speaker's spoken acts in one sentence (`utterance_anchors`): a vague one follows its
    # anchor, in a class of its own kind (the anchor's id in the key), apart from the pairing.
    utterance_joins, follows = utterance_anchors(reports, settings)
    classes: dict[tuple, list[Report]] = {}
    for r in reports:
        anchor = follows.get(id(r))
        classes.setdefault((compared_fields(r), r.is_core, anchor.id if anchor else None),
                           []).append(r)
    members = list(classes.values())
    hidden = hidden or {}
    # A class's reports: those passed and those they stand for (`hidden`).
    size = [len(m) + sum(len(hidden.get(id(r), ())) for r in m) for m in members] \
        if hidden else [len(m) for m in members]
    core = [m[0].is_core for m in members]
    follower = [id(m[0]) in follows for m in members]
    # A class's settled happening: the one all its reports are filed in (None: any other case).
    tag: list[str | None] = [None] * len(members)
    if settled:
        for i, m in enumerate(members):
            hs = {settled.get(id(r)) for r in m}
            if len(hs) == 1:
                tag[i] = hs.pop()
    first = [min(r.id for r in m) for m in members]  # a class's smallest id
    buckets: dict[str, list[int]] = {}
    for i, m in enumerate(members):
        if follower[i]:
            continue
        for key in blocking_keys(m[0], settings):
            buckets.setdefault(key, []).append(i)
    union = _Union(len(members))  # core classes joined by compatible pairs; loose vague ones
    linked = [False] * len(members)  # joined to a class (itself included): its reports together
    core_links: dict[int, list[int]] = {}  # vague class -> compatible core classes
    vague_links: dict[int, list[int]] = {}  # vague class -> compatible vague classes (or itself)
    # The core classes of one settled happening are joined (they were, and stay, connected).
    settled_core: dict[str, int] = {}
    for i in range(len(members)):
        h = tag[i]
        if h is not None and core[i]:
            if h in settled_core:
                linked[i] = linked[settled_core[h]] = True
                union.union(i, settled_core[h])
            else:
                settled_core[h] = i
    seen: set[tuple[int, int]] = set()
    for ids in buckets.values():
        for x in range(len(ids)):
            for y in range(x, len(ids)):
                i, j = ids[x], ids[y]
                if i == j:
                    if size[i] < 2:
                        continue  # a class pairs with itself only through two of its reports
                elif tag[i] is not None and tag[j] is not None and core[i] == core[j] \
                        and (core[i] or tag[i] != tag[j]):
                    continue  # settled: see above
                pair = (i, j) if i <= j else (j, i)
                if pair in seen:
                    continue
                seen.add(pair)
                a, b = members[i], members[j]
                if core[i] and core[j]:
                    if compatible(a[0], b[0], settings):
                        linked[i] = linked[j] = True
                        union.union(i, j)
                elif core[i] or core[j]:
                    v, c = (i, j) if not core[i] else (j, i)
                    if compatible(members[v][0], members[c][0], settings):
                        core_links.setdefault(v, []).append(c)
                elif compatible(a[0], b[0], settings):
                    vague_links.setdefault(i, []).append(j)
                    if i != j:
                        vague_links.setdefault(j, []).append(i)
    # One sentence's dyads of a meeting of three or more parties are one act (core classes
    # always hold together: a class of equal core reports is compatible with itself).
    class_of = {id(r): i for i, m in enumerate(members) for r in m}
    for a, b in joint_meetings((r for i, m in enumerate(members) if core[i] for r in m), settings):
        i, j = class_of[id(a)], class_of[id(b)]
        linked[i] = linked[j] = True
        union.union(i, j)
    for a, b in utterance_joins:  # one utterance's core reports are one act
        i, j = class_of[id(a)], class_of[id(b)]
        linked[i] = linked[j] = True
        union.union(i, j)
    # A core happening's id: the smallest report id of its classes (a class alone: each report).
    smallest: dict[int, str] = {}
    for i in range(len(members)):
        if core[i] and linked[i]:
            root = union.find(i)
            if root not in smallest or first[i] < smallest[root]:
                smallest[root] = first[i]
    root_of: dict[int, str | None] = {}  # class -> the happening of all its reports (None: each alone)
    for i in range(len(members)):
        if core[i]:
            root_of[i] = smallest[union.find(i)] if linked[i] else None
    # Step 2: a vague report joins the core happening with most compatible reports.
    loose: list[int] = []
    for v, m in enumerate(members):
        if core[v] or follower[v]:
            continue
        counts: Counter = Counter()
        for k in core_links.get(v, ()):
            root = root_of[k]
            if root is None:
                counts.update(r.id for r in _with_hidden(members[k], hidden))
            else:
                counts[root] += size[k]
        if counts:
            root_of[v] = min(counts, key=lambda root: (-counts[root], root))
        else:
            loose.append(v)
    # Step 3: vague reports with no core happening join each other.
    unattached = set(loose)
    for v in loose:
        for w in vague_links.get(v, ()):
            if w in unattached:
                linked[v] = linked[w] = True
                union.union(v, w)
    for v in loose:
        root_of[v] = None
        if linked[v]:
            root = union.find(v)
            if root not in smallest or first[v] < smallest[root]:
                smallest[root] = first[v]
    for v in loose:
        if linked[v]:
            root_of[v] = smallest[union.find(v)]
    # A vague report of an utterance goes where its anchor went (alone: the anchor's id).
    for v, m in enumerate(members):
        if follower[v]:
            anchor = follows[id(m[0])]
            root_of[v] = root_of[class_of[id(anchor)]] or anchor.id
    groups: dict[str, list[Report]] = {}
    for i, m in enumerate(members):
        root = root_of[i]
        if root is None:
            for r in _with_hidden(m, hidden):
                groups.setdefault(r.id, []).append(r)
        else:
            groups.setdefault(root, []).extend(_with_hidden(m, hidden))
    out = [sorted(g, key=_by_id) for g in groups.values()]
    out.sort(key=lambda g: g[0].id)
    return out


def _with_hidden(reports: list[Report], hidden: dict[int, list[Report]]) -> list[Report]:
    if not hidden:
        return reports
    return [x for r in reports for x in (r, *hidden.get(id(r), ()))]


def _by_id(r: Report) -> str:
    return r.event["id"]


# -- the happening record ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Copy:
    """A stored near-copy of a coded article: counted as one more article and source."""

    article_id: str
    original: str
    published: str | None
    outlet: str | None


def happening_id(members: Sequence[Report]) -> str:
    return "h" + stable_id("happening", min(r.id for r in members))[:15]


def _actor_rank(a: dict, freq: Counter) -> tuple:
    return (-len(a["code"]), a.get("name") is None, -freq[(a["code"], a.get("name"))],
            a["code"], a.get("name") or "", a["text"])


def _best_actor(actors: list[dict]) -> dict | None:
    if not actors:
        return None
    freq = Counter((a["code"], a.get("name")) for a in actors)
    return min(actors, key=lambda a: _actor_rank(a, freq))


def summarize(members: Sequence[Report], copies: Sequence[Copy] = (),
              settings: ClusteringSettings | None = None) -> Happening:
    """The happening of a group of reports: the best-informed values and the counts."""
    members = sorted(members, key=lambda r: (r.published or "9999", r.article_id, r.seq, r.id))
    codes = Counter(r.event["cameo"] for r in members)
    cameo = min(codes, key=lambda c: (-codes[c], -len(c), c))
    rep = min((r for r in members if r.event["cameo"] == cameo),
              key=lambda r: (-_PRECISION_RANK.get(r.precision or "", 0),
                             r.event.get("date_basis") != "text", r.id))
    sources, targets = [], []
    # The happening's sides are those of the act it reports: a member's side counts where it is
    # compatible with the representative's (an utterance joins acts of one statement aimed at
    # different parties: `utterances`); the representative's own side always counts, and where
    # it has none, every member's does.
    rep_source, rep_target = rep.event.get("source"), rep.event.get("target")
    # Whether a report's sides read swapped against the representative's depends only on its
    # code and sides as `compatible` reads them (`compared_fields`): asked once per such class.
    orientation: dict[tuple, tuple[bool, bool]] = {}
    for r in members:
        e = r.event
        key = compared_fields(r)[6:9]
        sides = orientation.get(key)
        if sides is None:
            sides = orientation[key] = sides_match(rep.event, e)
        direct, swapped = sides
        if swapped and not direct:
            src, tgt = e.get("target"), e.get("source")
        else:
            src, tgt = e.get("source"), e.get("target")
        if src:
            sources.append(src)
        if tgt:
            targets.append(tgt)
    dates = Counter((r.event["date"], r.precision, r.event.get("date_basis"))
                    for r in members if r.event.get("date"))
    if dates:
        best_date = min(dates, key=lambda d: (-_PRECISION_RANK.get(d[1] or "", 0),
                                              d[2] != "text", -dates[d], d[0]))
        date_value, precision = best_date[0], best_date[1]
    else:
        date_value, precision = None, None
    modalities = Counter(r.event["modality"] for r in members)
    modality = "asserted" if "asserted" in modalities else min(
        modalities, key=lambda m: (-modalities[m], m))
    places = [r.event["location"] for r in members if r.event.get("location")]
    location = None
    if places:
        freq = Counter((p.get("name") or "").lower() for p in places)
        location = min(places, key=lambda p: (-freq[(p.get("name") or "").lower()],
                                              p.get("lat") is None, p.get("name") or ""))
    articles = {r.article_id: (r.published, r.outlet or "article:" + r.article_id)
                for r in members}
    originals = set(articles)
    for c in copies:
        if c.original in originals:
            articles.setdefault(c.article_id, (c.published, c.outlet or "article:" + c.article_id))
    published = sorted(p for p, _ in articles.values() if p)
    # Confidence rises with independent sources: coded reports from distinct outlets (copies
    # repeat their original's words, so they add no independent evidence).
    best_by_outlet: dict[str, float] = {}
    for r in members:
        key = r.outlet or "article:" + r.article_id
        best_by_outlet[key] = max(best_by_outlet.get(key, 0.0), float(r.event["confidence"]))
    doubt = 1.0
    for c in best_by_outlet.values():
        doubt *= 1.0 - min(max(c, 0.0), 1.0)
    return Happening(
        id=happening_id(members),
        date=date_value,
        date_precision=precision,
        source=_best_actor([a for a in sources if actors_compatible(a, rep_source)]),
        target=_best_actor([a for a in targets if actors_compatible(a, rep_target)]),
        cameo=cameo,
        plover=rep.event["plover"],
        quad_class=rep.event["quad_class"],
        goldstein=rep.event["goldstein"],
        negated=bool(rep.event["negated"]),
        modality=modality,
        location=location,
        reports=len(members),
        articles=len(articles),
        sources=len({o for _, o in articles.values()}),
        first_seen=published[0] if published else None,
        last_seen=published[-1] if published else None,
        event_ids=[r.id for r in members],
        confidence=round(1.0 - doubt, 4),
    )


def _side(actor: dict | None) -> tuple | None:
    """What `summarize` reads of an actor to choose a happening's side: compatibility
    (`actors_compatible`, `several_parties`) and rank (`_actor_rank`). Actors equal in these
    differ only in where they stand (their spans): the first report's is the one kept."""
    if not actor:
        return None
    return (actor["code"], actor.get("name"), actor.get("country"), actor.get("text"))


def _order(r: Report) -> tuple:
    """A report's place among a happening's members: by publication, article, sequence, id."""
    return (r.published or "9999", r.article_id, r.seq, r.id)


def _first(entries: dict, key: Any, at: tuple, value: Any, count: int = 1) -> None:
    """Count `value` under `key`, keeping the place (`_order`) and value of its first report."""
    entry = entries.get(key)
    if entry is None:
        entries[key] = [count, at, value]
    else:
        entry[0] += count
        if at < entry[1]:
            entry[1], entry[2] = at, value


class Summary:
    """The running summary of a large happening: what `summarize` reads of its reports, kept as
    counts of the values they hold, so that a report joining the happening costs an update of a
    few counts (`add`), not a new pass over all its reports (for a few reports `summarize`
    itself costs less). `happening()` gives exactly what `summarize` gives for the reports
    added: every choice `summarize` makes by a report's place in the members' order (the first
    of equal candidates) is made here by the place (`_order`) of the first report holding the
    value. A summary only grows: a happening that loses reports is summarized anew."""

    __slots__ = ("reports", "first_id", "codes", "reps", "sides", "dates", "modalities",
                 "places", "place_names", "articles", "outlets", "published", "best_by_outlet",
                 "last_outlet", "doubt", "ids", "added")

    def __init__(self) -> None:
        self.reports = 0
        self.first_id: str | None = None
        self.codes: Counter = Counter()
        self.reps: dict[str, tuple[tuple, dict]] = {}  # code -> (rank, the best report's record)
        # (sides class, source, target as `_side` reads them) -> [reports, first place, its record]
        self.sides: dict[tuple, list] = {}
        self.dates: dict[tuple, list] = {}  # (date, precision, basis) -> [reports, first place, _]
        self.modalities: Counter = Counter()
        # (name, no coordinates) -> [reports, first place, its place]: what the choice reads
        self.places: dict[tuple, list] = {}
        self.place_names: Counter = Counter()  # lowercased place name -> reports
        self.articles: dict[str, tuple[str | None, str]] = {}  # coded article -> (published, outlet)
        self.outlets: Counter = Counter()  # outlet -> coded articles
        self.published: list[str] = []  # [earliest, latest] publication date of the articles
        self.best_by_outlet: dict[str, list] = {}  # outlet -> [best confidence, first place]
        self.last_outlet: tuple | None = None  # the latest first place of an outlet
        self.doubt: float | None = 1.0  # the product `happening` makes of them; None: to make
        self.ids: list[tuple[tuple, str]] = []  # (place, report id), in order
        self.added = 0  # reports added since the last `happening()`

    @classmethod
    def of(cls, members: Iterable[Report]) -> "Summary":
        summary = cls()
        for r in members:
            summary.add(r)
        return summary

    def add(self, r: Report) -> None:
        e = r.event
        at = _order(r)
        self.reports += 1
        self.added += 1
        if self.first_id is None or r.id < self.first_id:
            self.first_id = r.id
        cameo = e["cameo"]
        self.codes[cameo] += 1
        rank = (-_PRECISION_RANK.get(r.precision or "", 0), e.get("date_basis") != "text", r.id)
        best = self.reps.get(cameo)
        if best is None or rank < best[0]:
            self.reps[cameo] = (rank, e)
        src, tgt = e.get("source"), e.get("target")
        _first(self.sides, (compared_fields(r)[6:9], _side(src), _side(tgt)), at, e)
        if e.get("date"):
            _first(self.dates, (e["date"], r.precision, e.get("date_basis")), at, None)
        self.modalities[e["modality"]] += 1
        place = e.get("location")
        if place:
            _first(self.places, (place.get("name") or "", place.get("lat") is None), at, place)
            self.place_names[(place.get("name") or "").lower()] += 1
        key = r.outlet or "article:" + r.article_id
        if r.article_id not in self.articles:
            self.articles[r.article_id] = (r.published, key)
            self.outlets[key] += 1
            if r.published:
                if not self.published:
                    self.published = [r.published, r.published]
                else:
                    self.published = [min(self.published[0], r.published),
                                      max(self.published[1], r.published)]
        confidence = float(e["confidence"])
        kept = self.best_by_outlet.get(key)
        if kept is None:
            self.best_by_outlet[key] = [confidence, at]
            # An outlet after all others multiplies the product as `summarize` would; one
            # placed before another reorders it: made again when needed.
            if self.doubt is not None and (self.last_outlet is None or at > self.last_outlet):
                self.doubt *= 1.0 - min(max(confidence, 0.0), 1.0)
            else:
                self.doubt = None
            if self.last_outlet is None or at > self.last_outlet:
                self.last_outlet = at
        elif confidence > kept[0] or at < kept[1]:
            kept[0] = max(kept[0], confidence)
            kept[1] = min(kept[1], at)
            self.doubt = None
        bisect.insort(self.ids, (at, r.id))

    def happening(self, copies: Sequence[Copy] = ()) -> Happening:
        """The happening of the reports added, their articles' `copies` counted."""
        self.added = 0
        codes = self.codes
        cameo = min(codes, key=lambda c: (-codes[c], -len(c), c))
        rep = self.reps[cameo][1]
        rep_source, rep_target = rep.get("source"), rep.get("target")
        orientation: dict[tuple, tuple[bool, bool]] = {}
        sources: dict[Any, list] = {}
        targets: dict[Any, list] = {}
        for (kind, ssrc, stgt), (n, at, e) in self.sides.items():
            sides = orientation.get(kind)
            if sides is None:
                sides = orientation[kind] = sides_match(rep, e)
            direct, swapped = sides
            src, tgt = e.get("source"), e.get("target")
            if swapped and not direct:
                src, tgt, ssrc, stgt = tgt, src, stgt, ssrc
            if src:
                _first(sources, ssrc, at, src, n)
            if tgt:
                _first(targets, stgt, at, tgt, n)
        dates = self.dates
        if dates:
            best_date = min(dates, key=lambda d: (-_PRECISION_RANK.get(d[1] or "", 0),
                                                  d[2] != "text", -dates[d][0], d[0], dates[d][1]))
            date_value, precision = best_date[0], best_date[1]
        else:
            date_value, precision = None, None
        modalities = self.modalities
        modality = "asserted" if "asserted" in modalities else min(
            modalities, key=lambda m: (-modalities[m], m))
        location = None
        if self.places:
            freq = self.place_names
            location = min(self.places.items(), key=lambda kv: (
                -freq[kv[0][0].lower()], kv[0][1], kv[0][0], kv[1][1]))[1][2]
        articles = len(self.articles)
        outlets = len(self.outlets)
        first_seen, last_seen = self.published or (None, None)
        extra: dict[str, tuple[str | None, str]] = {}
        for c in copies:
            if c.original in self.articles and c.article_id not in self.articles:
                extra.setdefault(c.article_id, (c.published, c.outlet or "article:" + c.article_id))
        if extra:
            articles += len(extra)
            outlets += len({o for _, o in extra.values() if o not in self.outlets})
            dated = [p for p, _ in extra.values() if p]
            if dated:
                first_seen = min([first_seen, *dated]) if first_seen else min(dated)
                last_seen = max([last_seen, *dated]) if last_seen else max(dated)
        # Confidence rises with independent sources: coded reports from distinct outlets (copies
        # repeat their original's words, so they add no independent evidence); multiplied in
        # the order of the outlets' first reports, as `summarize` always has.
        if self.doubt is None:
            doubt = 1.0
            for c, _ in sorted(self.best_by_outlet.values(), key=lambda v: v[1]):
                doubt *= 1.0 - min(max(c, 0.0), 1.0)
            self.doubt = doubt
        doubt = self.doubt
        return Happening(
            id="h" + stable_id("happening", self.first_id)[:15],
            date=date_value,
            date_precision=precision,
            source=_best_of(sources, rep_source),
            target=_best_of(targets, rep_target),
            cameo=cameo,
            plover=rep["plover"],
            quad_class=rep["quad_class"],
            goldstein=rep["goldstein"],
            negated=bool(rep["negated"]),
            modality=modality,
            location=location,
            reports=self.reports,
            articles=articles,
            sources=outlets,
            first_seen=first_seen,
            last_seen=last_seen,
            event_ids=[i for _, i in self.ids],
            confidence=round(1.0 - doubt, 4),
        )


def _best_of(actors: dict[Any, list], side: dict | None) -> dict | None:
    """`_best_actor` of the actors (with their counts and first places) compatible with `side`."""
    kept = [v for v in actors.values() if actors_compatible(v[2], side)]
    if not kept:
        return None
    freq: Counter = Counter()
    for n, _, a in kept:
        freq[(a["code"], a.get("name"))] += n
    return min(kept, key=lambda v: (_actor_rank(v[2], freq), v[1]))[2]
