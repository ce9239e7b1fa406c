"""Which words a time expression of the text belongs to, for the dates the event coder gives.

The tagger finds and normalises time expressions; the coder dates an act by the expression that
its clause governs. Some expressions date a word the parse does not put them on:

* `happening_anchors(noun)`: a happening noun ("talks", "visit", "speech") is dated by its own
  phrase and by the light verb that makes it happen ("held talks on Sunday", "talks were held on
  Sunday": the day hangs on "held").

Word lists are data: `accord/resources/time/<lang>/anchoring.yaml`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import yaml

from .resources import RESOURCE_ROOT


@dataclass(frozen=True, slots=True)
class Anchoring:
    happening_light_verbs: frozenset[str]


@functools.lru_cache(maxsize=None)
def load_anchoring(lang: str = "en") -> Anchoring:
    spec = yaml.safe_load((RESOURCE_ROOT / lang / "anchoring.yaml").read_text(encoding="utf-8")) or {}

    def words(key: str) -> frozenset[str]:
        out = spec.get(key) or ()
        for w in out:
            if not isinstance(w, str):
                raise ValueError(f"anchoring.yaml {key}: {w!r} is not a word; quote it")
        return frozenset(w.lower() for w in out)

    return Anchoring(happening_light_verbs=words("happening_light_verbs"))


def happening_anchors(noun: Any, lang: str = "en") -> list[Any]:
    """The words whose time expressions date a happening noun: the noun, its participles ("a call
    made late last July") and the light verb it is the object or passive subject of ("held talks
    on Sunday", "the talks were held on Sunday")."""
    anchors = [noun] + [c for c in noun.children if c.dep_ == "acl"]
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass") and head.i != noun.i and head.pos_ in ("VERB", "AUX") \
            and head.lemma_.lower() in load_anchoring(lang).happening_light_verbs:
        anchors.append(head)
    return anchors
