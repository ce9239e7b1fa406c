"""Publication dates as the contract wants them: YYYY-MM-DD, and a real day of the calendar."""

from __future__ import annotations

import datetime as dt
import re

from .errors import InputRejected

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def check_date(value: object, what: str = "date") -> str | None:
    """Return the date as YYYY-MM-DD, None for a missing one, or reject an impossible one."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise InputRejected(f"{what} must be a string YYYY-MM-DD, got {type(value).__name__}")
    value = value.strip()
    # Accept a full timestamp ("2026-02-04T10:00:00Z") by keeping its day.
    day = value[:10] if len(value) > 10 and value[10] in "T " else value
    if not _ISO_DAY.match(day):
        raise InputRejected(f"{what} {value!r} is not of the form YYYY-MM-DD")
    try:
        dt.date.fromisoformat(day)
    except ValueError:
        raise InputRejected(f"{what} {value!r} is not a real calendar date") from None
    return day
