"""Calendar arithmetic and TIMEX3 value formatting (ISO 8601 as TimeML uses it)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Callable

ONE_DAY = timedelta(days=1)

# Unit codes used by the resources (units.tsv) -> duration designators.
# (prefix, designator, factor to a plain unit when the count is known)
DURATION_UNITS = {
    "Y": ("P", "Y", 1),
    "M": ("P", "M", 1),
    "W": ("P", "W", 1),
    "D": ("P", "D", 1),
    "H": ("PT", "H", 1),
    "MIN": ("PT", "M", 1),
    "S": ("PT", "S", 1),
    "DE": ("P", "Y", 10),  # "a decade" -> P10Y; "decades" -> PXDE
    "CE": ("P", "Y", 100),
    "ML": ("P", "Y", 1000),
    "Q": ("P", "M", 3),
    "WE": ("P", "D", 2),
}
VAGUE_DESIGNATORS = {"DE": ("P", "DE"), "CE": ("P", "CE"), "ML": ("P", "ML"), "Q": ("P", "Q"), "WE": ("P", "WE")}
# A fractional count is re-expressed in the next smaller unit ("a year and a half" -> P18M).
SMALLER = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60), "MIN": ("S", 60)}


def parse_dct(value: str | None) -> date | None:
    """The article date ("YYYY-MM-DD", possibly with a time part) as a date, or None."""
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def add_months(d: date, n: int) -> date:
    k = d.year * 12 + (d.month - 1) + n
    y, m = divmod(k, 12)
    m += 1
    day = d.day
    while True:
        try:
            return date(y, m, day)
        except ValueError:
            day -= 1


def monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def month_end(y: int, m: int) -> date:
    """First day of the following month (intervals are half-open)."""
    return date(y + 1, 1, 1) if m == 12 else date(y, m + 1, 1)


def easter(y: int) -> date:
    """Western (Gregorian) Easter Sunday: the anonymous Gregorian algorithm."""
    a = y % 19
    b, c = divmod(y, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    L = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * L) // 451
    month, day = divmod(h + L - 7 * m + 114, 31)
    return date(y, month, day + 1)


def nth_weekday(y: int, month: int, dow: int, nth: int) -> date | None:
    """The nth ISO weekday `dow` (1=Monday) of a month; nth=-1 is the last one."""
    if nth > 0:
        first = date(y, month, 1)
        d = first + timedelta(days=(dow - first.isoweekday()) % 7 + 7 * (nth - 1))
        return d if d.month == month else None
    last = month_end(y, month) - ONE_DAY
    return last - timedelta(days=(last.isoweekday() - dow) % 7 + 7 * (-nth - 1))


def orthodox_easter(y: int) -> date:
    """Orthodox Easter Sunday: the Julian computus (Meeus), as a Gregorian date."""
    a, b, c = y % 4, y % 7, y % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month, day = divmod(d + e + 114, 31)
    julian = date(y, month, day + 1)
    return julian + timedelta(days=y // 100 - y // 400 - 2)  # Julian -> Gregorian (13 days in 1900-2099)


def holiday_date(rule: str, y: int) -> date | None:
    """The date of a holiday (holidays.tsv rule) in year y."""
    if rule.startswith("oeaster"):
        return orthodox_easter(y) + timedelta(days=int(rule[7:] or 0))
    if rule.startswith("easter"):
        off = int(rule[6:] or 0)
        return easter(y) + timedelta(days=off)
    if "/" in rule:
        m, dow, nth = (int(x) for x in rule.split("/"))
        return nth_weekday(y, m, dow, nth)
    m, d = (int(x) for x in rule.split("-"))
    return safe_date(y, m, d)


# ---- formatting


def fmt_year(y: int) -> str:
    return f"{y:04d}"


def fmt_month(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def fmt_day(d: date) -> str:
    return d.isoformat()


def fmt_week(d: date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def fmt_duration(num: float | str, unit: str) -> str | None:
    """A TIMEX3 duration value: (3, "D") -> P3D, ("X", "Y") -> PXY, (1, "DE") -> P10Y."""
    if unit not in DURATION_UNITS:
        return None
    if num == "X":
        prefix, des = VAGUE_DESIGNATORS.get(unit, DURATION_UNITS[unit][:2])
        return f"{prefix}X{des}"
    n = float(num) * DURATION_UNITS[unit][2]
    prefix, des, _ = DURATION_UNITS[unit]
    base = {"DE": "Y", "CE": "Y", "ML": "Y", "Q": "M", "WE": "D"}.get(unit, unit)
    while not n.is_integer() and base in SMALLER:
        base, factor = SMALLER[base]
        n *= factor
        prefix, des, _ = DURATION_UNITS[base]
    text = str(int(n)) if n.is_integer() else f"{n:g}"
    return f"{prefix}{text}{des}"


def value_at(d: date, gran: str) -> str:
    """The value of the `gran`-sized period containing d."""
    if gran == "D":
        return fmt_day(d)
    if gran == "W":
        return fmt_week(d)
    if gran == "WE":
        return fmt_week(d) + "-WE"
    if gran == "M":
        return fmt_month(d.year, d.month)
    if gran == "Q":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if gran == "H2":
        return f"{d.year:04d}-H{(d.month - 1) // 6 + 1}"
    if gran == "Y":
        return fmt_year(d.year)
    if gran == "DE":
        return f"{d.year // 10:03d}"
    if gran == "CE":
        return f"{d.year // 100:02d}"
    raise ValueError(gran)


def shift(d: date, unit: str, n: int) -> date | None:
    """d moved by n units (months clamp the day)."""
    try:
        if unit == "D":
            return d + timedelta(days=n)
        if unit in ("W", "WE"):
            return d + timedelta(days=7 * n)
        if unit == "M":
            return add_months(d, n)
        if unit == "Q":
            return add_months(d, 3 * n)
        if unit == "Y":
            return add_months(d, 12 * n)
        if unit == "DE":
            return add_months(d, 120 * n)
        if unit == "CE":
            return add_months(d, 1200 * n)
    except (OverflowError, ValueError):
        return None
    return None


# ---------------------------------------------------------------------------------------------
# The days a value allows (internal: what clustering compares; never a contract field)

_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}  # WI: Dec to Feb


def value_period(value: str) -> tuple[date, date] | None:
    """First and last day of the period a TIMEX3 date value names: a day (with or without a
    clock time), an ISO week or weekend, a month, a quarter, a half, a season or a year. None for
    anything else (durations, decades, "PAST_REF", underspecified "XXXX-09")."""
    import re

    m = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-W(\d{2})(-WE|-\d)?|-Q([1-4])|-H([12])"
                 r"|-(SP|SU|FA|WI))?(?:T.*)?$", value or "")
    if m is None:
        return None
    y = int(m.group(1))
    try:
        if m.group(3):
            d = date(y, int(m.group(2)), int(m.group(3)))
            return d, d
        if m.group(2):
            first = date(y, int(m.group(2)), 1)
            return first, add_months(first, 1) - ONE_DAY
        if m.group(4):
            mon = date.fromisocalendar(y, int(m.group(4)), 1)
            tail = m.group(5)
            if tail == "-WE":
                return mon + timedelta(days=5), mon + timedelta(days=6)
            if tail:
                d = mon + timedelta(days=int(tail[1:]) - 1)
                return d, d
            return mon, mon + timedelta(days=6)
        if m.group(6) or m.group(7):
            months = 3 if m.group(6) else 6
            first = date(y, 1 + months * (int(m.group(6) or m.group(7)) - 1), 1)
            return first, add_months(first, months) - ONE_DAY
        if m.group(8):
            a, b = _SEASON_MONTHS[m.group(8)]
            first = date(y, a, 1)
            return first, add_months(first, b - a + 1) - ONE_DAY
    except ValueError:
        return None
    return date(y, 1, 1), date(y, 12, 31)


def told_range(value: str, dct: date | None, tense: Callable[[], str | None],
               past: str, future: str) -> tuple[str, str] | None:
    """The days an act dated by `value` may have happened on, as the text and its dateline say:
    the value's period ("last week": the week before the dateline's), and where that period holds
    the dateline, only its part up to the dateline for an act told in the past ("this month",
    "earlier this year"), from it for one told in the future (`tense()`: the governing verb's,
    asked only then; `past`, `future`: its values). ISO days (earliest, latest); None when the
    value names no period."""
    period = value_period(value)
    if period is None:
        return None
    first, last = period
    if dct is not None and first <= dct <= last and first < last:
        t = tense()
        if t == past:
            last = dct
        elif t == future:
            first = dct
    return first.isoformat(), last.isoformat()
