"""Score near-copies and happenings as users receive them: the store's articles and happenings
after `accord ingest` of the labelled set (tests/data/happenings, README there).

    .venv/bin/accord eval happenings --shared ../shared

- near-copies: precision and recall of the pairs of articles the store links (`duplicate_of`)
  against the labelled copies (every other pair of the set is labelled "not a copy");
- happenings: each stored report (event record) is mapped to the labelled happening it tells of
  (gold.yaml says how); over the mapped reports, pairwise precision and recall of "these two
  reports are the same happening", and B-cubed precision, recall and F1;
- the founding case: the happening of the video call (articles, sources) and of Xi's visit in May;
- order: the same articles ingested in reverse order give the same happenings.
"""

from __future__ import annotations

import json
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any, Iterable

import yaml


@dataclass
class Mention:
    articles: tuple[str, ...]
    words: str
    roots: tuple[str, ...] | None
    doer: str | None
    other: str | None = None


@dataclass
class Gold:
    copies: set[frozenset[str]]
    happenings: dict[str, list[Mention]]

    @classmethod
    def load(cls, path: Path) -> "Gold":
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        copies = {frozenset(pair) for pair in data.get("copies", [])}
        happenings: dict[str, list[Mention]] = {}
        for hid, mentions in data["happenings"].items():
            out = []
            for m in mentions:
                arts = tuple(m[0]) if isinstance(m[0], list) else (m[0],)
                roots = tuple(m[2]) if len(m) > 2 and m[2] else None
                doer = m[3] if len(m) > 3 else None
                other = m[4] if len(m) > 4 else None
                out.append(Mention(arts, m[1], roots, doer, other))
            happenings[hid] = out
        return cls(copies, happenings)

    def happening_of(self, event: dict[str, Any]) -> str | None:
        for hid, mentions in self.happenings.items():
            for m in mentions:
                if event["article_id"] not in m.articles or m.words not in event["evidence"]:
                    continue
                if m.roots and event["cameo"][:2] not in m.roots:
                    continue
                sides = (event.get("source"), event.get("target"))
                if m.doer and not _doer_matches(event.get("source"), m.doer):
                    continue
                if m.other and not any(_doer_matches(a, m.other) for a in sides):
                    continue
                return hid
        return None


def _doer_matches(actor: dict | None, doer: str) -> bool:
    if not actor:
        return False
    d = doer.lower()
    return any(d in (actor.get(k) or "").lower() for k in ("name", "text", "code"))


def pairwise(gold: dict[str, str], system: dict[str, str]) -> dict[str, float]:
    """Precision/recall/F1 of "same happening" over all pairs of the mapped reports."""
    ids = sorted(gold)
    tp = fp = fn = 0
    for a, b in combinations(ids, 2):
        same_gold = gold[a] == gold[b]
        same_system = system[a] == system[b]
        tp += same_gold and same_system
        fp += same_system and not same_gold
        fn += same_gold and not same_system
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {"pairs_same_gold": tp + fn, "pairs_same_system": tp + fp, "precision": p, "recall": r,
            "f1": 2 * p * r / (p + r) if p + r else 0.0}


def bcubed(gold: dict[str, str], system: dict[str, str]) -> dict[str, float]:
    by_gold: dict[str, set[str]] = {}
    by_system: dict[str, set[str]] = {}
    for i in gold:
        by_gold.setdefault(gold[i], set()).add(i)
        by_system.setdefault(system[i], set()).add(i)
    p = r = 0.0
    for i in gold:
        g, s = by_gold[gold[i]], by_system[system[i]]
        both = len(g & s)
        p += both / len(s)
        r += both / len(g)
    n = len(gold) or 1
    p, r = p / n, r / n
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def ingest(store: Any, paths: Iterable[Path], pipeline: Any) -> Counter:
    """Ingest as `accord ingest` does (near-copies caught before the parse); tally outcomes."""
    from ..pipeline import StageFailure
    from ..readers import Rejection, read_inputs
    from ..service.ingest import routed

    tally: Counter = Counter()

    def articles():
        for item in read_inputs([str(p) for p in paths]):
            if isinstance(item, Rejection):
                tally["rejected"] += 1
            else:
                yield item

    def documents():
        for result in routed(articles(), store, pipeline.process):
            if isinstance(result, StageFailure):
                tally["failed"] += 1
            else:
                yield result

    for outcome in store.ingest_many(documents(), batch_size=50):
        tally[outcome.status] += 1
    return tally


def _service(store: Any) -> Any:
    from ..service import Service

    return Service(store)


def happening_sets(store: Any) -> list[tuple]:
    """The stored happenings as comparable values, whichever version of a story was coded (a
    copy's reports carry its own article id): reports, articles, sources, date, code, actors."""
    def code(actor):
        return actor["code"] if actor else None
    return sorted((h["reports"], h["articles"], h["sources"], h["date"] or "", h["cameo"],
                   code(h["source"]) or "", code(h["target"]) or "", h["negated"], h["modality"])
                  for h in _service(store).happenings().items)


def happening_ids(store: Any) -> set[tuple]:
    return {(h["id"], tuple(sorted(h["event_ids"])), h["articles"], h["sources"])
            for h in _service(store).happenings().items}


@dataclass
class Result:
    figures: dict[str, Any] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


def evaluate(data_dir: Path, pipeline: Any, reverse_check: bool = True) -> Result:
    from ..store import open_store

    gold = Gold.load(data_dir / "gold.yaml")
    articles_path = data_dir / "articles.jsonl"
    rows = [json.loads(line) for line in articles_path.open(encoding="utf-8")]
    result = Result()
    with tempfile.TemporaryDirectory() as tmp:
        with open_store(Path(tmp) / "forward.duckdb") as store:
            tally = ingest(store, [articles_path], pipeline)
            svc = _service(store)
            stored = svc.article_records()
            events = svc.reports().items
            happenings = svc.happenings().items
            forward = happening_sets(store)
            forward_ids = happening_ids(store)
        # Near-copies: pairs the store links, against the labelled pairs.
        linked = {frozenset((a["id"], a["duplicate_of"])) for a in stored if a["duplicate_of"]}
        tp = len(linked & gold.copies)
        result.figures["nearcopy"] = {
            "labelled_pairs": len(gold.copies), "linked_pairs": len(linked),
            "precision": tp / len(linked) if linked else 1.0,
            "recall": tp / len(gold.copies) if gold.copies else 1.0,
            "outcomes": dict(tally),
        }
        for pair in sorted(map(sorted, linked ^ gold.copies)):
            kind = "linked, not labelled" if frozenset(pair) in linked else "labelled, not linked"
            result.errors.append(f"near-copy {kind}: {pair[0]} / {pair[1]}")
        # Happenings over the reports mapped to a labelled happening.
        gold_of = {e["id"]: gold.happening_of(e) for e in events}
        system_of = {e["id"]: e["happening"] for e in events}
        mapped = {i: g for i, g in gold_of.items() if g is not None}
        system = {i: system_of[i] for i in mapped}
        result.figures["happenings"] = {
            "reports": len(events), "mapped_reports": len(mapped),
            "gold_happenings": len(set(mapped.values())),
            "system_happenings": len(set(system.values())),
            "pairwise": pairwise(mapped, system), "bcubed": bcubed(mapped, system),
            "stored_happenings": len(happenings),
            "ratio_happenings_reports": len(happenings) / len(events) if events else 0.0,
        }
        by_id = {e["id"]: e for e in events}
        for hid in sorted(set(mapped.values())):
            parts = Counter(system[i] for i in mapped if mapped[i] == hid)
            if len(parts) > 1:
                result.errors.append(f"split: {hid} in {len(parts)} happenings: " + "; ".join(
                    f"{h}: " + ", ".join(f"{by_id[i]['article_id']}#{by_id[i]['sentence']} {by_id[i]['cameo']}"
                                         for i in mapped if mapped[i] == hid and system[i] == h)
                    for h in parts))
        for h in sorted(set(system.values())):
            parts = Counter(mapped[i] for i in mapped if system[i] == h)
            if len(parts) > 1:
                result.errors.append(f"merged: {h} holds {', '.join(sorted(parts))}")
        # The founding case, as the acceptance list states it.
        by_happening = {h["id"]: h for h in happenings}

        def of(gold_id: str) -> list[dict]:
            hs = sorted({system[i] for i in mapped if mapped[i] == gold_id})
            return [by_happening[h] for h in hs]

        result.figures["founding"] = {
            name: [{"id": h["id"], "articles": h["articles"], "sources": h["sources"],
                    "reports": h["reports"], "date": h["date"]} for h in of(name)]
            for name in ("xi-putin-video-call", "xi-visit-moscow-may-2025")
        }
        if reverse_check:
            reversed_path = Path(tmp) / "reversed.jsonl"
            reversed_path.write_text("".join(json.dumps(r) + "\n" for r in reversed(rows)),
                                     encoding="utf-8")
            with open_store(Path(tmp) / "reverse.duckdb") as store:
                ingest(store, [reversed_path], pipeline)
                backward = happening_sets(store)
            with open_store(Path(tmp) / "forward.duckdb") as store:
                store.recluster()
                rebuilt = happening_ids(store)
            differing = Counter(forward)
            differing.subtract(Counter(backward))
            result.figures["order"] = {
                "forward_equals_reverse": forward == backward,
                "differing_happenings": sum(abs(v) for v in differing.values()),
                "recluster_equals_incremental": rebuilt == forward_ids,
            }
    return result
