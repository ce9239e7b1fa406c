"""The TIME stage: find TIMEX3 expressions in a parsed article and normalise them against its date.

    document.doc (spaCy) --Pieces--> grammar.find (candidates) --select--> leftmost-longest
        --> modifiers ("the end of", "almost") --> normalise in text order (tense, anchoring)
        --> Timex records

The rules and word lists live in `resources/time/<lang>/`; this module only runs them.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any

import numpy as np
from spacy.attrs import SENT_START

from ..model import Document, Timex
from ..stage import Stage
from .dates import parse_dct, told_range
from .grammar import Grammar, Match, Pieces, get_grammar, select
from .normalize import NORMALIZERS, Context, Norm
from .tense import FUTURE, PAST, anchor_tense, dates_a_past_verb

_HAS_MOD = "mod" in getattr(Timex, "__dataclass_fields__", {})
_POINT_TYPES = ("DATE", "TIME")


@dataclass(slots=True)
class Tagged:
    """A timex with what the `Timex` record does not carry: TimeML mod and internal detail."""

    timex: Timex
    mod: str | None  # START, MID, END, APPROX, LESS_THAN, MORE_THAN, ... or None
    norm: Norm
    tokens: tuple[int, int]  # spaCy token range [start, end) of the timex


# The rules that tag a month name alone ("May"), which may be a person's surname (rules.yaml).
_BARE_MONTH_RULES = frozenset({"month"})


def _surnames(doc: Any) -> frozenset[str]:
    """The last words of the persons the text names with two words or more ("Theresa May": May)."""
    return frozenset(e[-1].text for e in doc.ents if e.label_ == "PERSON" and len(e) >= 2)


class TimeStage(Stage):
    """Fill `document.timexes` from `document.doc` and `document.article.date`."""

    name = "time"
    reads = ("article", "doc")
    writes = ("timexes",)

    def __init__(self, lang: str = "en"):
        self.grammar: Grammar = get_grammar(lang)
        res = self.grammar.res
        self._links = frozenset(str(w).lower() for w in res.settings.get("anchor_links", ()))
        self._max_gap = int(res.settings.get("anchor_max_gap", 4))
        self._mod_max = max((len(k) for k in res.modifiers), default=0)
        self._numberish = (
            frozenset(res.numbers)
            | {"a", "an", "half"}
            | {e.tokens[0] for e in res.classes["count"].entries}
        )

    def process_document(self, document: Document) -> None:
        if document.doc is None:
            from ..analysis import load_nlp

            document.doc = load_nlp()(document.article.text)
        document.timexes = self.tag(document.doc, document.article.text, document.article.date, document.article.id)

    # ------------------------------------------------------------------ the pass

    def tag(self, doc: Any, text: str, dct: str | None, article_id: str = "") -> list[Timex]:
        """The timexes of a parsed text, in text order."""
        return [t.timex for t in self.annotate(doc, text, dct, article_id)]

    def annotate(self, doc: Any, text: str, dct: str | None, article_id: str = "") -> list[Tagged]:
        """Like `tag`, with the TimeML mod and token range of each timex."""
        if len(doc) and len(text) != doc[-1].idx + len(doc[-1].text_with_ws):
            raise ValueError("the spaCy doc was not parsed from this text")
        P = Pieces(doc, text)
        if P.n == 0:
            return []
        chosen = select(self.grammar.find(P))
        if not chosen:
            return []
        res = self.grammar.res
        dct_date = parse_dct(dct)
        sent_starts = _sentence_starts(doc)
        out: list[Tagged] = []
        prev: tuple[int, int, Norm] | None = None  # (sentence, end piece, norm)
        far: tuple[int, Norm] | None = None  # (sentence, norm) of the last timex that stated its year
        last_day = None  # the last day-precise date so far
        last_past_day = None  # ... the last one not after the dateline
        surnames = None  # the last words of the persons the text names in full, made when first needed
        prev_end = 0
        for m in chosen:
            if m.rule.fn == "block":
                prev_end = m.end
                continue
            if m.rule.name in _BARE_MONTH_RULES and m.end - m.start == 1:
                # "Theresa May resigned ... Johnson criticized May's Brexit deal": a bare month name
                # that is the surname of a person the text names in full is that person, unless a
                # temporal word stands before it ("in May"; not before a possessive: "in protest to
                # May's agreement") or a number after it ("May 2018")
                surnames = _surnames(doc) if surnames is None else surnames
                i = P.toks[m.start]
                word = doc[i].text
                possessive = i + 1 < len(doc) and doc[i + 1].tag_ == "POS"
                if word in surnames and (possessive or not (
                        i > 0 and doc[i - 1].lower_ in self.grammar.check.temporal_context)) \
                        and not (i + 1 < len(doc) and doc[i + 1].text[:1].isdigit()):
                    prev_end = m.end
                    continue
            start, mod, modded = self._modifier(P, m, prev_end)
            prev_end = m.end
            if m.rule.needs_mod and not modded:
                continue
            sent = bisect.bisect_right(sent_starts, P.toks[m.start]) - 1
            ref = None
            if prev is not None and prev[0] == sent and self._linked(P, prev[1], start):
                ref = prev[2]
            slots = dict(m.rule.args)
            slots.update(m.slots)
            tok_start, tok_end = P.toks[m.start], P.toks[m.end - 1] + 1
            cx = Context(dct_date, lambda a=tok_start, b=tok_end: anchor_tense(doc, a, b), ref, res.numbers,
                         far[1] if far is not None and far[0] == sent else None, last_day, last_past_day,
                         lambda a=tok_start, b=tok_end: dates_a_past_verb(doc, a, b))
            fn = NORMALIZERS.get(m.rule.fn)
            if fn is None:
                raise ValueError(f"rule {m.rule.name}: unknown normaliser {m.rule.fn!r}")
            norm = fn(cx, slots)
            if norm is None or not norm.value:
                continue
            if mod:
                norm.mod = mod
            a, b = P.starts[start], P.ends[m.end - 1]
            tok_start = P.toks[start]
            timex = Timex(
                article_id=article_id,
                text=text[a:b],
                span=(a, b),
                type=norm.type or m.rule.type,
                value=norm.value,
                sentence=max(sent, 0),
                rule=m.rule.name + ("+mod" if modded else ""),
            )
            if timex.type in ("DATE", "TIME"):
                timex.range = told_range(norm.value, dct_date, lambda c=cx: c.tense, PAST, FUTURE)
            if _HAS_MOD and norm.mod:  # pragma: no cover - depends on the model version
                timex.mod = norm.mod  # type: ignore[attr-defined]
            out.append(Tagged(timex, norm.mod, norm, (tok_start, tok_end)))
            prev = (sent, m.end, norm)
            if "year" in slots and norm.year is not None:
                far = (sent, norm)
            if norm.day is not None and norm.gran in ("D", "T"):
                last_day = norm.day
                if dct_date is None or norm.day <= dct_date:
                    last_past_day = norm.day
        return out

    def _modifier(self, P: Pieces, m: Match, floor: int) -> tuple[int, str | None, bool]:
        """Extend a match leftwards over a pre-modifier ("the end of", "almost"): (start, mod, found)."""
        mods = self.grammar.res.modifiers
        rtype = m.rule.type
        for L in range(min(self._mod_max, m.start - floor), 0, -1):
            key = tuple(P.lowers[m.start - L : m.start])
            hit = mods.get(key)
            if hit is None:
                continue
            mod, applies = hit
            if rtype in _POINT_TYPES and "P" in applies:
                return m.start - L, mod, True
            if rtype == "DURATION" and "D" in applies:
                if "N" in applies and not self._starts_with_number(P, m.start):
                    continue
                return m.start - L, mod, True
        return m.start, None, False

    def _starts_with_number(self, P: Pieces, j: int) -> bool:
        low = P.lowers[j]
        return low[:1].isdigit() or low in self._numberish

    def _linked(self, P: Pieces, a: int, b: int) -> bool:
        """Only linking words (", in", "on", "at") stand between pieces a and b."""
        if b - a > self._max_gap:
            return False
        return all(P.lowers[k] in self._links for k in range(a, b))


def _sentence_starts(doc: Any) -> list[int]:
    """Token indices where sentences start (as in `list(doc.sents)`); [0] without boundaries."""
    flags = doc.to_array([SENT_START])
    starts = np.flatnonzero(flags == 1).tolist()
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    return starts


_default_stage: TimeStage | None = None


def tag_text(text: str, dct: str | None, nlp: Any = None) -> list[Timex]:
    """Parse `text` (with `nlp`, default `accord.analysis.load_nlp()`) and tag its time expressions."""
    global _default_stage
    if nlp is None:
        from ..analysis import load_nlp

        nlp = load_nlp()
    if _default_stage is None:
        _default_stage = TimeStage()
    return _default_stage.tag(nlp(text), text, dct)
