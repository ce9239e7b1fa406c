"""The ConfliBERT event classes and the data split of the ConfliBERT class sentences, for the
evaluation (`accord.evaluation.events`, `accord.evaluation.records`).

The five classes are the ConfliBERT ones, CAMEO roots grouped: 0 neutral/statement (01-02),
1 verbal cooperation (03-05), 2 material cooperation (06-08), 3 verbal conflict (09-13 and 16),
4 material conflict (14-15, 17-20). (Root 16, "reduce relations", is verbal conflict in the
ConfliBERT labels, as in the Phoenix data's classes: not CAMEO's quad class, which the records'
`quad_class` keeps.)

(Until 2026-12-08 this was `accord.events.classifier`, which also held a learned sentence classifier
over word vectors that the coder ran on every document; it changed no record and was removed, with the
learned verifier: docs/record-policy-2026-12-08.md.)
"""

from __future__ import annotations

import hashlib
from typing import Any, Iterable

HELDOUT_EVERY = 5  # one sentence in five is held out


def class_of_code(code: str | None) -> int | None:
    """The ConfliBERT class of a CAMEO code (its first two digits), or None for no usable code.

    Root 16 (reduce relations: suspend aid, expel diplomats, impose sanctions) is class 3, verbal
    conflict, as the ConfliBERT labels have it: of the development sentences whose record has root
    16, 44 of 46 are labelled 3 (none 4). CAMEO's own quad class (the records' `quad_class`) puts
    it with material conflict; that field is unchanged."""
    if not code or not code[:2].isdigit():
        return None
    root = int(code[:2])
    if root == 16:
        return 3
    if 1 <= root <= 2:
        return 0
    if 3 <= root <= 5:
        return 1
    if 6 <= root <= 8:
        return 2
    if 9 <= root <= 13:
        return 3
    if 14 <= root <= 20:
        return 4
    return None


def _split_hash(text: str) -> int:
    """sha256 of the text with all whitespace removed (so a sentence rebuilt from CoNLL tokens
    lands where its original does), first 8 bytes as a big-endian integer."""
    key = "".join(text.split()).encode("utf-8")
    return int.from_bytes(hashlib.sha256(key).digest()[:8], "big")


def split_of(text: str) -> str:
    """"test" for the held-out part of the development data, else "train".

    The rule: a sentence is held out when `_split_hash(text) % 5 == 0` (about 20%). It depends on
    the text alone: no seed, no order, and a sentence repeated in the data is always on one side.
    """
    return "test" if _split_hash(text) % HELDOUT_EVERY == 0 else "train"


def rules_main(detections: Iterable[Any]) -> Any | None:
    """The rules' main detection among some: the most central trigger first (the lowest clause
    `level`: "X said Y met Z" reports the meeting, "... after talks in which ..." is background),
    then one that is not a mere frame of another ("said", "decided to"), then a non-negated one
    ("failed to reach agreement": the failure, not the agreement), then the one with both
    arguments, then the most specific pattern, then the first. (The same order as the
    evaluation's `main_detection`.)"""
    detections = list(detections)
    if not detections:
        return None
    # A negated event that counts as a refusal ("will not accept" -> 12x) is no negated event.
    return max(detections, key=lambda d: (-getattr(d, "level", 0), not getattr(d, "frame", False),
                                          not (d.negated and getattr(d, "coded_as", d.code) == d.code),
                                          (d.source_span is not None) + (d.target_span is not None),
                                          d.specificity, -d.trigger[0]))
