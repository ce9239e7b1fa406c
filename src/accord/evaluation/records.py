"""Records-level scoring: what `accord extract` writes, judged against labelled events.

Everything here reads the contract's `event` records (the dicts `Document.records()` yields), never
the coder's internal detections, so a figure computed here is about what users get.

Two rules are defined once, here, and documented in the README:

**The sentence's record** (`sentence_record`), for data that label one event per sentence
(ConfliBERT classes and spans, PLOVER gold): of the records the pipeline writes for the sentence's
text, the one with the highest `confidence`, the first in output order on ties. No record means
"no event": ConfliBERT class 0 (neutral), no source or target span, no PLOVER type. For PLOVER the
records considered are those with a PLOVER type (a PLOVER export has no others: CAMEO 01 and 02
are dropped by PLOVER).

**A record matches a gold event** (`judge`, `match`), for data that label every event of an
article (the Wikinews development set, the record judgments the verifier learns from):

- same article and sentence: the record's trigger starts inside the gold event's sentence span;
- compatible code: equal; or one is the other's more specific code ("036" and "0361"); or the two
  share their CAMEO root and one is that root's unspecified code ("040" and "043"; "190" and
  "193");
- source and target each compatible (`actors_compatible`): both null; or the same code, or one
  code a prefix of the other (3 characters at least: "USA" and "USAGOV"), or the same person name,
  or the same country when the gold gives one. For the codes of undirected acts
  (`UNDIRECTED_CODES`: meet, talk, negotiate, sign an agreement) source and target may be swapped;
- negation equal; modality equal;
- date compatible: the gold gives none, or one date is a prefix of the other ("2019-01" and
  "2019-01-17").

Each gold event is matched by one record at most and each record matches one gold event at most
(a maximum matching over the pairs that match), so duplicates count as wrong.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

from ..events.classifier import class_of_code
from ..events.ontology import DROPPED

FIELDS = ("code", "source", "target", "negated", "modality", "date")
# Acts with no direction: a record may give the two sides in either order.
UNDIRECTED_CODES = frozenset({"040", "041", "044", "045", "046", "057"})


# ------------------------------------------------------------------------------ records
def event_records(document: Any) -> list[dict]:
    """The `event` records of a processed document, in output order (as `accord extract` writes them)."""
    return [r for r in document.records() if r["kind"] == "event"]


def sentence_record(records: Iterable[dict]) -> dict | None:
    """The record a one-event sentence is judged by: the highest confidence, the first on ties."""
    best = None
    for r in records:
        if best is None or r["confidence"] > best["confidence"]:
            best = r
    return best


def plover_record(records: Iterable[dict]) -> dict | None:
    """`sentence_record` over the records that have a PLOVER type."""
    return sentence_record(r for r in records if r.get("plover") and r["plover"] != DROPPED)


def record_class(record: dict | None) -> int:
    """The ConfliBERT 5-class of a sentence's record (CAMEO root grouped); 0 without a record."""
    if record is None:
        return 0
    cls = class_of_code(record["cameo"])
    return 0 if cls is None else cls


# ------------------------------------------------------------------------------ matching
def codes_compatible(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if long_.startswith(short):
        return True
    return a[:2] == b[:2] and (a == a[:2] + "0" or b == b[:2] + "0")


def actors_compatible(record_actor: dict | None, gold_actor: dict | None) -> bool:
    if gold_actor is None or record_actor is None:
        return gold_actor is None and record_actor is None
    rc, gc = (record_actor.get("code") or ""), (gold_actor.get("code") or "")
    if rc and gc:
        short, long_ = sorted((rc, gc), key=len)
        if len(short) >= 3 and long_.startswith(short):
            return True
    rn, gn = record_actor.get("name"), gold_actor.get("name")
    if rn and gn and rn.casefold() == gn.casefold():
        return True
    gcountry = gold_actor.get("country")
    return bool(gcountry) and record_actor.get("country") == gcountry


def dates_compatible(record_date: str | None, gold_date: str | None) -> bool:
    if not gold_date:
        return True
    if not record_date:
        return False
    short, long_ = sorted((record_date, gold_date), key=len)
    return long_.startswith(short)


def in_sentence(record: dict, gold: dict) -> bool:
    start = record["trigger"]["span"][0]
    return gold["sentence_start"] <= start < gold["sentence_end"]


def judge(record: dict, gold: dict) -> dict[str, bool]:
    """Field by field: does the record agree with the gold event (same sentence assumed)?"""
    direct = (actors_compatible(record.get("source"), gold.get("source")),
              actors_compatible(record.get("target"), gold.get("target")))
    undirected = any((c or "")[:3] in UNDIRECTED_CODES for c in (gold.get("cameo"), record.get("cameo")))
    if not all(direct) and undirected:
        swapped = (actors_compatible(record.get("target"), gold.get("source")),
                   actors_compatible(record.get("source"), gold.get("target")))
        if sum(swapped) > sum(direct):
            direct = swapped
    return {
        "code": codes_compatible(record.get("cameo"), gold.get("cameo")),
        "source": direct[0],
        "target": direct[1],
        "negated": bool(record.get("negated")) == bool(gold.get("negated")),
        "modality": record.get("modality") == gold.get("modality"),
        "date": dates_compatible(record.get("date"), gold.get("date")),
    }


def matches(record: dict, gold: dict) -> bool:
    return in_sentence(record, gold) and all(judge(record, gold).values())


def maximum_matching(n_left: int, edges: dict[int, list[int]]) -> dict[int, int]:
    """Left -> right of a maximum bipartite matching (augmenting paths; the sets are small)."""
    right_of: dict[int, int] = {}
    left_of: dict[int, int] = {}

    def augment(u: int, seen: set[int]) -> bool:
        for v in edges.get(u, ()):
            if v in seen:
                continue
            seen.add(v)
            if v not in left_of or augment(left_of[v], seen):
                left_of[v] = u
                right_of[u] = v
                return True
        return False

    for u in range(n_left):
        augment(u, set())
    return right_of


@dataclass
class ArticleMatch:
    """One article's records against its gold events."""

    records: list[dict]
    golds: list[dict]
    pairs: dict[int, int] = field(default_factory=dict)  # record index -> gold index

    @property
    def right(self) -> list[bool]:
        return [i in self.pairs for i in range(len(self.records))]

    def nearest_gold(self, i: int) -> tuple[int | None, dict[str, bool] | None]:
        """For a record: the gold event of its sentence that agrees on most fields (unmatched ones
        first, the code counting most), with the field judgments; (None, None) when its sentence
        has no gold event."""
        taken = set(self.pairs.values())
        best, best_key = None, None
        for g, gold in enumerate(self.golds):
            if not in_sentence(self.records[i], gold):
                continue
            j = judge(self.records[i], gold)
            key = (g not in taken or self.pairs.get(i) == g, j["code"], sum(j.values()))
            if best_key is None or key > best_key:
                best, best_key = (g, j), key
        return best if best is not None else (None, None)

    def nearest_record(self, g: int) -> tuple[int | None, dict[str, bool] | None]:
        best, best_key = None, None
        for i, record in enumerate(self.records):
            if not in_sentence(record, self.golds[g]):
                continue
            j = judge(record, self.golds[g])
            key = (j["code"], sum(j.values()))
            if best_key is None or key > best_key:
                best, best_key = (i, j), key
        return best if best is not None else (None, None)


def match(records: Sequence[dict], golds: Sequence[dict]) -> ArticleMatch:
    """Maximum one-to-one matching of an article's records to its gold events."""
    edges = {i: [g for g, gold in enumerate(golds) if matches(r, gold)] for i, r in enumerate(records)}
    return ArticleMatch(list(records), list(golds), maximum_matching(len(records), edges))


@dataclass
class MatchScore:
    """Precision, recall and F1 of records against gold events, with a per-field error table."""

    records: int = 0
    right: int = 0  # records matching a gold event
    gold: int = 0
    found: int = 0  # gold events matched by a record
    # wrong records: which field disagrees with the nearest gold event of their sentence, or
    # "no gold event in the sentence"; missed gold events: why.
    wrong_fields: dict[str, int] = field(default_factory=lambda: {f: 0 for f in FIELDS})
    wrong_no_gold: int = 0
    wrong_duplicate: int = 0  # agrees on every field with a gold event another record matched
    missed_no_record: int = 0
    missed_fields: dict[str, int] = field(default_factory=lambda: {f: 0 for f in FIELDS})

    @property
    def precision(self) -> float:
        return self.right / self.records if self.records else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, m: ArticleMatch) -> None:
        self.records += len(m.records)
        self.right += len(m.pairs)
        self.gold += len(m.golds)
        self.found += len(m.pairs)
        for i in range(len(m.records)):
            if i in m.pairs:
                continue
            g, j = m.nearest_gold(i)
            if g is None:
                self.wrong_no_gold += 1
            elif all(j.values()):
                self.wrong_duplicate += 1
            else:
                for f, ok in j.items():
                    self.wrong_fields[f] += not ok
        matched = set(m.pairs.values())
        for g in range(len(m.golds)):
            if g in matched:
                continue
            i, j = m.nearest_record(g)
            if i is None:
                self.missed_no_record += 1
            else:
                for f, ok in j.items():
                    self.missed_fields[f] += not ok

    def as_dict(self) -> dict[str, Any]:
        return {"records": self.records, "right": self.right, "gold": self.gold, "found": self.found,
                "precision": self.precision, "recall": self.recall, "f1": self.f1,
                "wrong_records": {"no_gold_event_in_sentence": self.wrong_no_gold, "duplicate": self.wrong_duplicate,
                                  **self.wrong_fields},
                "missed_gold": {"no_record_in_sentence": self.missed_no_record, **self.missed_fields}}
