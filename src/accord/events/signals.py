"""What a careful coder trusts a candidate event by: a few yes/no signals of a candidate.

Each signal is a class a coder would name (an actor the knowledge base knows by name, a date to
the day, the trigger's own subject as source, ...), its word lists in
`resources/events/record_policy.yaml`. The record policy (`accord.events.policy`) counts them;
tools/record_policy.py measures which count to trust, leaving one Wikinews development part out
(docs/record-policy-2026-12-08.md).

Signals are read from the `Event` (its `explain` steps, date, modality) and the document's
mentions (how the resolver named each actor), never from the parse, so that the measuring tool
computes them from finished documents exactly as the stage does.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from typing import Any, Iterable

import yaml

SIGNALS = ("src_known", "src_named", "tgt_named", "tgt_known", "has_target", "day_date", "text_date", "dated",
           "plain_modality", "src_in_clause", "tgt_in_clause", "lexicon_trigger", "actors_in_sentence",
           "early_sentence", "target_if_directed", "main_clause")


@lru_cache(maxsize=1)
def classes() -> dict[str, frozenset[str]]:
    path = files("accord").joinpath("resources", "events", "record_policy.yaml")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    out = {k: frozenset(v) for k, v in data.items()}
    out["directed_codes_tuple"] = tuple(sorted(data["directed_codes"]))  # (str.startswith takes a tuple)
    out["main_clauses"] = frozenset({"main"}) | out["own_event_clauses"]
    return out


def _step(explain: str, key: str) -> str | None:
    """The value of an event's first `key=` step in its explain (`clause=main` -> "main")."""
    for part in explain.split(";")[1:]:
        k, _, value = part.strip().partition("=")
        if k == key:
            return value.strip()
    return None


def _slot(explain: str, side: str) -> str | None:
    """The first `src=` or `tgt=` step of an event's explain, its head ("dobj" of "dobj/inner")."""
    for part in explain.split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key == side:
            for sep in ("/", ":", "->", " "):
                value = value.split(sep, 1)[0]
            return value
    return None


def _inside(span: Iterable[int], lo: int, hi: int) -> bool:
    a, b = tuple(span)
    return lo <= a and b <= hi


def signals(event: Any, how: dict[tuple[int, int], str], text: str, article_dated: bool = True) -> dict[str, bool]:
    """The candidate's signals. `how`: mention span -> Mention.how of its document; `text`: the
    article text (to place the sentence); `article_dated`: the article has a publication date.
    An undated event of an undated article (a bare sentence, a text without a dateline) is not
    faulted for its date: no date could be given, so the date's signals count as present. An event
    noun of a dated article whose date a rule of the coder ruled out ("in recent talks", "the
    planned trip": record_policy.yaml date_ruled_out_rules) counts as `dated`: its time is known
    not to be a day the text gives."""
    c = classes()
    known, named = c["known"], c["known"] | c["named"]
    src_how = how.get(tuple(event.source.span)) if event.source is not None else None
    tgt_how = how.get(tuple(event.target.span)) if event.target is not None else None
    kind = event.explain.split(";", 1)[0].split(":", 1)[0].split(" ", 1)[0]
    start = event.trigger.span[0]
    lo = text.rfind(event.evidence, 0, start + len(event.evidence))
    hi = lo + len(event.evidence)
    sides = [a for a in (event.source, event.target) if a is not None]
    modality = getattr(event.modality, "value", event.modality)
    no_date_possible = not article_dated and event.date is None
    date_ruled_out = article_dated and event.date is None and kind in c["date_ruled_out_rules"]
    return {
        "src_known": src_how in known,
        "src_named": src_how in named,
        "tgt_named": tgt_how in named,
        "tgt_known": tgt_how in known,
        "has_target": event.target is not None,
        "day_date": event.date_precision == "day" or no_date_possible,
        "text_date": event.date_basis == "text" or no_date_possible,
        "dated": event.date is not None or no_date_possible or date_ruled_out,
        "plain_modality": modality in c["plain_modality"],
        "src_in_clause": _slot(event.explain, "src") in c["source_in_clause"],
        "tgt_in_clause": event.target is not None and _slot(event.explain, "tgt") in c["target_in_clause"],
        "lexicon_trigger": kind not in ("petrarch", ""),
        "actors_in_sentence": lo >= 0 and all(_inside(a.span, lo, hi) for a in sides),
        "early_sentence": event.sentence <= 1,
        "target_if_directed": event.target is not None or not event.cameo.startswith(c["directed_codes_tuple"]),
        "main_clause": _step(event.explain, "clause") in c["main_clauses"],
    }


def document_how(document: Any) -> dict[tuple[int, int], str]:
    return {tuple(m.span): str(m.how) for m in document.mentions if m.how}


LEVELS_FILE = "record_policy.json"


class SignalScore:
    """A candidate's `confidence` from its count of signals (its level): the share of development
    candidates at that level a careful coder judges right (the strict rule), as measured and
    written by tools/record_policy.py into `resources/events/record_policy.json`."""

    def __init__(self, confidence_of_level: dict[int, float], meta: dict | None = None) -> None:
        self.by_level = {int(k): float(v) for k, v in confidence_of_level.items()}
        self.meta = meta or {}

    @classmethod
    def default(cls) -> "SignalScore | None":
        path = files("accord").joinpath("resources", "events", LEVELS_FILE)
        if not path.is_file():
            return None
        import json

        meta = json.loads(path.read_text(encoding="utf-8"))
        return cls(meta["confidence_of_level"], meta)

    def confidence(self, level: int) -> float:
        if level in self.by_level:
            return self.by_level[level]
        nearest = min(self.by_level, key=lambda k: (abs(k - level), k))
        return self.by_level[nearest]

    def score(self, document: Any, candidates: Iterable[Any]) -> None:
        """Set each candidate's `confidence`."""
        how = document_how(document)
        text = document.article.text
        dated = bool(document.article.date)
        for event in candidates:
            event.confidence = self.confidence(level(signals(event, how, text, dated)))


def level(found: dict[str, bool]) -> int:
    """How many signals a candidate has."""
    return sum(bool(v) for v in found.values())
