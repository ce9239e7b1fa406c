"""What becomes an event record: the record policy, in one place.

The event coder proposes candidate events; `accord.events.signals` gives each a calibrated
`confidence` (the share of development records with as many of a careful coder's signals that
are right); the policy decides which candidates users get as records. The
`EventStage` applies it as its last step, so `accord extract`, `accord ingest` (the store) and
`accord.extract()` all get the same records for the same policy.

Two settings, each from (first found): an explicit argument (`--min-confidence`,
`--statements`, `accord.extract(..., min_confidence=, statements=)`), the environment
(`ACCORD_MIN_CONFIDENCE`, `ACCORD_STATEMENTS`), the config file (`min_confidence = 0.5`,
`statements = true`), the packaged default:

- `min_confidence`: candidates below it are not records. The packaged default is the threshold
  chosen by tools/record_policy.py (its rule: docs/record-policy-2026-12-08.md) and recorded in
  `resources/events/record_policy.json`; 0 when the package has none. 0 keeps every candidate.
- `statements`: bare statements (CAMEO 010, "X said ...") are records only when true (default
  false). Specific statement codes (011-019) are not bare statements and follow the threshold.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any, Iterable

from ..config import setting

BARE_STATEMENT = "010"
POLICY_META = "record_policy.json"
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


@lru_cache(maxsize=1)
def packaged_threshold() -> float:
    """The default minimum confidence recorded with the packaged record policy (0.0 without one)."""
    path = files("accord").joinpath("resources", "events", POLICY_META)
    if not path.is_file():
        return 0.0
    meta = json.loads(path.read_text(encoding="utf-8"))
    return float(meta.get("threshold", 0.0))


def _as_bool(value: Any, name: str) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValueError(f"{name}: expected true or false, got {value!r}")


def _as_confidence(value: Any, name: str) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name}: expected a number between 0 and 1, got {value!r}") from None
    if not 0.0 <= number <= 1.0:
        raise ValueError(f"{name}: expected a number between 0 and 1, got {value!r}")
    return number


def is_bare_statement(event: Any) -> bool:
    """A bare statement ("X said ..."): CAMEO 010 exactly."""
    return event.cameo == BARE_STATEMENT


@dataclass(frozen=True)
class RecordPolicy:
    """Which candidate events are records: those at `min_confidence` or above, bare statements
    only with `statements`."""

    min_confidence: float = 0.0
    statements: bool = False

    @classmethod
    def packaged(cls) -> "RecordPolicy":
        """The defaults Accord ships with, whatever the environment and config file say (what
        `accord eval` measures)."""
        return cls(min_confidence=packaged_threshold(), statements=False)

    @classmethod
    def everything(cls) -> "RecordPolicy":
        """Every candidate a record (for training and measuring policies and the verifier)."""
        return cls(min_confidence=0.0, statements=True)

    @classmethod
    def from_settings(cls, min_confidence: float | None = None, statements: bool | None = None) -> "RecordPolicy":
        """Explicit arguments first, then the environment, then the config file, then the
        packaged defaults. A bad value raises ValueError naming the setting."""
        if min_confidence is None:
            value = setting("min_confidence", "ACCORD_MIN_CONFIDENCE")
            min_confidence = packaged_threshold() if value is None else _as_confidence(value, "min_confidence")
        else:
            min_confidence = _as_confidence(min_confidence, "min_confidence")
        if statements is None:
            value = setting("statements", "ACCORD_STATEMENTS")
            statements = False if value is None else _as_bool(value, "statements")
        return cls(min_confidence=min_confidence, statements=bool(statements))

    def keeps(self, event: Any) -> bool:
        if is_bare_statement(event) and not self.statements:
            return False
        return event.confidence >= self.min_confidence

    def select(self, events: Iterable[Any]) -> list[Any]:
        """The records among scored candidates, in their order."""
        return [e for e in events if self.keeps(e)]
