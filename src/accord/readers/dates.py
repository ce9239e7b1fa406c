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


_LOOSE_FORMATS = ("%Y%m%d%H%M%S", "%Y%m%d", "%Y/%m/%d", "%B %d, %Y", "%b %d, %Y", "%d %B %Y",
                  "%d %b %Y", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S")


def loose_date(value: object, what: str = "date") -> str | None:
    """A publication date as tables and feeds export it: ISO, GDELT's 20190104 or 20190104153000,
    RFC 2822 ("Fri, 04 Jan 2019 10:00:00 GMT"), "January 4, 2019". A form that could be day or
    month first (01/04/2019) is rejected rather than guessed."""
    import email.utils

    if value is None:
        return None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(int(value))
    if not isinstance(value, str):
        raise InputRejected(f"{what} must be a date, got {type(value).__name__}")
    value = value.strip()
    if not value:
        return None
    try:
        return check_date(value, what)
    except InputRejected as exc:
        first_error = exc
    for fmt in _LOOSE_FORMATS:
        try:
            return dt.datetime.strptime(value, fmt).date().isoformat()
        except ValueError:
            continue
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        parsed = None
    if parsed is not None:
        return parsed.date().isoformat()
    raise first_error
