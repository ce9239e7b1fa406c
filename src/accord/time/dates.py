"""Calendar arithmetic and TIMEX3 value formatting (ISO 8601 as TimeML uses it)."""

from __future__ import annotations

from datetime import date, timedelta

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
