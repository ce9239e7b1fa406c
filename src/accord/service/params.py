"""Checking what users type: every filter value is validated here, once, for every face.

A bad value raises `ParameterError` naming the parameter (as the API spells it: `since`,
`quad_class`, ...) and saying what was expected. The CLI maps the name to its option
(`--since`) and exits with a usage error; the API answers 422 with the message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any, Iterable

from ..store.rows import period_bounds

MODALITIES = ("asserted", "alleged", "hypothetical", "future")
INTERVALS = ("week", "month", "year")
MAX_TEXT = 200  # longest free-text filter accepted: filters are words, not documents


class ParameterError(ValueError):
    """A filter value that cannot be used; `param` names the parameter."""

    def __init__(self, param: str, message: str) -> None:
        super().__init__(f"{param}: {message}")
        self.param = param
        self.message = message


@dataclass(frozen=True, slots=True)
class Period:
    """A `since`/`until` value: the first and last day of a YYYY, YYYY-MM or YYYY-MM-DD."""

    text: str
    first: date
    last: date


def period(param: str, value: str | date | None) -> Period | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return Period(value.isoformat(), value, value)
    try:
        first, last = period_bounds(str(value))
    except (ValueError, TypeError):
        raise ParameterError(
            param, f"expected a date as YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}"
        ) from None
    return Period(str(value).strip(), first, last)


def text(param: str, value: Any, *, max_len: int = MAX_TEXT) -> str | None:
    """A free-text value, stripped; None when absent; an error when blank or too long."""
    if value is None:
        return None
    value = str(value)
    if "\x00" in value:
        raise ParameterError(param, "must not contain NUL characters")
    stripped = " ".join(value.split())
    if not stripped:
        raise ParameterError(param, "must not be empty")
    if len(stripped) > max_len:
        raise ParameterError(param, f"is longer than {max_len} characters")
    return stripped


def actor(param: str, value: Any) -> str | None:
    """An actor filter: a CAMEO code prefix (RUS, RUSGOV) or words of a canonical name."""
    return text(param, value, max_len=100)


_COUNTRY = re.compile(r"^[A-Za-z]{3}$")


def country(param: str, value: Any) -> str | None:
    value = text(param, value)
    if value is None:
        return None
    if not _COUNTRY.match(value):
        raise ParameterError(param, f"expected a three-letter country code (RUS, CHN), got {value!r}")
    return value.upper()


def dyad(param: str, value: Any) -> tuple[str, str] | None:
    """`A,B` (the API) or a pair (the CLI): two actor filters."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        parts = value.split(",")
    else:
        parts = list(value)
    if len(parts) != 2:
        raise ParameterError(param, f"expected two actors separated by a comma (CHN,RUS), got {value!r}")
    a, b = (actor(param, p) for p in parts)
    return a, b  # type: ignore[return-value]


_CAMEO = re.compile(r"^(0[1-9]|1[0-9]|20)[0-9]{0,2}$")


def cameo(param: str, value: Any) -> str | None:
    value = text(param, value)
    if value is None:
        return None
    if not _CAMEO.match(value):
        raise ParameterError(param, f"expected a CAMEO code or prefix (01 to 20, e.g. 04 or 042), got {value!r}")
    return value


@lru_cache(maxsize=1)
def plover_names() -> tuple[str, ...]:
    from ..events.ontology import DROPPED, plover_types

    return tuple(sorted(t for t in plover_types() if t != DROPPED))


def plover(param: str, value: Any) -> str | None:
    value = text(param, value)
    if value is None:
        return None
    upper = value.upper()
    if upper not in plover_names():
        raise ParameterError(param, f"unknown PLOVER event type {value!r}; one of {', '.join(plover_names())}")
    return upper


def choices(param: str, value: Any, allowed: Iterable[str]) -> tuple[str, ...] | None:
    """One value or a comma-separated list, each from `allowed` (case-insensitive)."""
    allowed = tuple(allowed)
    if value is None or value == "":
        return None
    items = value.split(",") if isinstance(value, str) else list(value)
    out = []
    for item in items:
        item = str(item).strip().lower()
        if item not in allowed:
            raise ParameterError(param, f"expected one or more of {', '.join(allowed)}, got {item!r}")
        out.append(item)
    return tuple(dict.fromkeys(out))


def quad_classes(param: str, value: Any) -> tuple[int, ...] | None:
    if value is None or value == "":
        return None
    if isinstance(value, int):
        value = [value]
    items = value.split(",") if isinstance(value, str) else list(value)
    out = []
    for item in items:
        try:
            n = int(str(item).strip())
        except ValueError:
            n = 0
        if not 1 <= n <= 4:
            raise ParameterError(param, f"expected quad classes 1 to 4 (e.g. 1 or 3,4), got {item!r}")
        out.append(n)
    return tuple(dict.fromkeys(out))


_TRUE = {"true", "1", "yes", "y", "on"}
_FALSE = {"false", "0", "no", "n", "off"}


def boolean(param: str, value: Any) -> bool | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return value
    word = str(value).strip().lower()
    if word in _TRUE:
        return True
    if word in _FALSE:
        return False
    raise ParameterError(param, f"expected true or false, got {value!r}")


def integer(param: str, value: Any, *, minimum: int = 0, maximum: int | None = None) -> int | None:
    if value is None or value == "":
        return None
    try:
        n = int(value)
    except (TypeError, ValueError):
        raise ParameterError(param, f"expected a whole number, got {value!r}") from None
    if n < minimum:
        raise ParameterError(param, f"must be {minimum} or more, got {n}")
    if maximum is not None and n > maximum:
        raise ParameterError(param, f"must be at most {maximum}, got {n}")
    return n


def interval(param: str, value: Any) -> str:
    value = (text(param, value) or "month").lower()
    if value not in INTERVALS:
        raise ParameterError(param, f"expected one of {', '.join(INTERVALS)}, got {value!r}")
    return value
