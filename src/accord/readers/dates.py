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


# A wire dateline opens the story: "BEIJING, March 10, 2026 (AP) —", "WASHINGTON, Jan. 5, 2026
# (Reuters) -", "KYIV, Ukraine, 10 March 2026 —". Only a place in capitals, then a full date
# (month name, day and year) within the first line, counts: a date later in the text is news, not
# the day of publication. Month names are Python's own (the C locale's English names).
_DATELINE = re.compile(
    r"\A\s*[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][A-Za-z.'’ -]{1,40})?,\s*"
    r"(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4})\b"
)
_DATE_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y")


def dateline_date(text: str) -> str | None:
    """The publication day a wire dateline at the top of the text gives, as YYYY-MM-DD, or None."""
    m = _DATELINE.match(text[:200])
    if not m:
        return None
    value = re.sub(r"\s+", " ", m.group("date").replace(".", ""))
    # AP style "Sept." is not strptime's "%b" ("Sep"); "September" stays whole.
    value = " ".join("Sep" if w.lower() == "sept" else w for w in value.split())
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            continue
    return None
