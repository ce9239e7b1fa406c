"""Actor countries against the hand-labelled ConfliBERT sample (tests/data/actor_country_gold.tsv).

For each labelled source/target span, the system's country is that of the resolved mention that
overlaps the span most (IGO codes count as `IGO`); no overlapping mention counts as `NONE`.
Agreement is the share of spans where the two labels are equal.
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import Article, Document
from .conll import read_conll


@dataclass
class ActorResult:
    n: int = 0
    agree: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)
    by_gold: Counter = field(default_factory=Counter)
    agree_by_gold: Counter = field(default_factory=Counter)

    @property
    def accuracy(self) -> float:
        return self.agree / self.n if self.n else 0.0


def system_label(actor: Any) -> str:
    if actor is None:
        return "NONE"
    if actor.code.startswith("IGO") or (actor.country is None and actor.sector == "IGO"):
        return "IGO"
    return actor.country or "NONE"


def evaluate(shared: Path, gold_path: Path, nlp: Any = None, stage: Any = None) -> ActorResult:
    from ..actors import ActorStage
    from ..analysis import load_nlp

    nlp = nlp or load_nlp()
    stage = stage or ActorStage()
    sentences = read_conll(shared / "data" / "conflibert-cameo-train" / "cameo_ner_train.txt")
    rows = list(csv.DictReader(gold_path.open(encoding="utf-8"), delimiter="\t"))
    by_sentence: dict[int, list[dict]] = {}
    for row in rows:
        by_sentence.setdefault(int(row["sentence_index"]), []).append(row)
    result = ActorResult()
    for index, gold_rows in sorted(by_sentence.items()):
        sent = sentences[index]
        text = sent.text
        offsets = sent.offsets()
        # The sentences carry no date; they are from the 2010s, so resolve as of mid-2018.
        document = Document(Article(id=f"conflibert-{index}", text=text, date="2018-06-01"))
        document.doc = nlp(text)
        stage.process_document(document)
        for row in gold_rows:
            a = offsets[int(row["span_start_token"])][0]
            b = offsets[int(row["span_end_token"]) - 1][1]
            # The span's actor is the mention at the span's syntactic head, else the first
            # mention inside the span ("Both Russia and the Syrian government" is Russia).
            span = document.doc.char_span(a, b, alignment_mode="expand")
            root = span.root.i if span is not None else -1
            overlapping = [m for m in document.mentions if min(b, m.span[1]) > max(a, m.span[0])]
            at_root = [m for m in overlapping if m.tokens[0] <= root < m.tokens[1]]
            best = (at_root or sorted(overlapping, key=lambda m: m.span[0]) or [None])[0]
            predicted = system_label(best.actor if best else None)
            gold = row["country"]
            result.n += 1
            result.by_gold[gold] += 1
            if predicted == gold:
                result.agree += 1
                result.agree_by_gold[gold] += 1
            else:
                result.errors.append({"sentence": index, "span": row["span_text"], "gold": gold,
                                      "predicted": predicted, "mention": best.text if best else None,
                                      "text": text})
    return result
