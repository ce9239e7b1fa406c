"""Normalisers: turn the slots a rule matched into a TIMEX3 value.

Each rule of rules.yaml names one of the functions in `NORMALIZERS`. They receive a `Context`
(the dateline, the tense of the governing verb, the timex just before in the sentence) and the
matched slots, and return a `Norm` or None (not a timex after all, or not resolvable).

Resolution of expressions that leave a part open (HeidelTime's "UNDEF" values):

* deictic units ("last year", "this week", "three days ago") shift the dateline;
* named periods of a cycle ("September", "Sunday", "Christmas", "the first quarter", "summer")
  pick one instance around the dateline: with "last"/"next"/"this" the previous / following /
  current one; otherwise by tense: past -> the latest one that has begun by the dateline (but a
  day of the coming month that no verb told as done is dated by: "the debate scheduled for
  November 20" in a November 4 article), future -> the earliest one not yet over, unknown or
  present -> the one containing the dateline or the nearest;
* a month, season, holiday or day-month directly after a timex with a year takes that year
  ("last year, in May" -> 2025-05), and a day-month restating the day just given takes its year
  whatever the tense ("announced ... effective next Wednesday, July 31"); a day name after a week ("last week, on Tuesday") takes that
  week; a clock time after a day ("on Tuesday at 3 pm") takes that day;
* without a dateline, relative expressions are dropped and named periods stay underspecified
  ("XXXX-09", "XXXX-WXX-7").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Callable

from . import dates as D
from .tense import FUTURE, PAST, PRESENT

ONE_DAY = timedelta(days=1)
# A day and month without a year at most this many days after the dateline is that coming day
# even in a past-tense clause (`Context.yearly`): a month's notice, the longest that news
# announces a day of the current year for ("scheduled for November 20" in a November 4 article).
DAYS_AHEAD_WITHOUT_YEAR = 31


@dataclass(slots=True)
class Norm:
    value: str
    type: str | None = None  # overrides the rule's type when set
    mod: str | None = None
    gran: str | None = None  # CE, DE, Y, H2, Q, SE, M, W, WE, D, T
    year: int | None = None  # the calendar year it lies in, for later anchoring
    day: date | None = None  # the day, when day-precise
    week: date | None = None  # Monday of its week, when week- or day-precise


@dataclass(slots=True)
class Instance:
    start: date
    end: date  # exclusive
    norm: Norm


class Context:
    """What a normaliser may consult besides the slots."""

    __slots__ = ("dct", "_tense_fn", "_tense", "ref", "numbers", "far", "last_day", "last_past_day", "_done_fn")

    def __init__(self, dct: date | None, tense_fn: Callable[[], str | None], ref: Norm | None, numbers: dict,
                 far: Norm | None = None, last_day: date | None = None, last_past_day: date | None = None,
                 done_fn: Callable[[], bool] | None = None):
        self.dct = dct
        self._done_fn = done_fn  # whether the expression dates a verb told as done (tense.dates_a_past_verb)
        self._tense_fn = tense_fn
        self._tense: Any = ...
        self.ref = ref
        self.numbers = numbers
        self.far = far  # an earlier timex of the sentence that states its year ("on April 15, 1995, ... and on April 17")
        self.last_day = last_day  # the last day-precise date of the document before this timex
        self.last_past_day = last_past_day  # ... the last one not after the dateline

    def anaphoric_day(self) -> date | None:
        """The day "the same day", "that day", "two days later" count from: the day last mentioned;
        in a past-tense clause not a day after the dateline ("the policy, which is to take effect
        on December 10 ... the rules were released later the same day": the day before it), the
        last day mentioned that is not."""
        day = self.last_day
        if day is not None and self.dct is not None and day > self.dct and self.tense == PAST:
            return self.last_past_day
        return day

    @property
    def tense(self) -> str | None:
        if self._tense is ...:
            self._tense = self._tense_fn()
        return self._tense

    def mode(self, rel: Any) -> str:
        if rel is not None:
            off = int(rel)
            return "last" if off < 0 else "next" if off > 0 else "this"
        t = self.tense
        # Present tense with a named period is mostly a schedule in news ("the vote is set for
        # September", "talks begin on Monday"); past events are reported in the past tense.
        return "past" if t == PAST else "future" if t in (FUTURE, PRESENT) else "nearest"

    # ---- cycles

    def yearly(self, make: Callable[[int], Instance | None], rel: Any, under: str | None) -> Norm | None:
        """Resolve a period that recurs every year (month, season, holiday, day-month)."""
        if rel is None and self.ref is not None and self.ref.year is not None and self.ref.gran not in ("CE", "DE"):
            inst = make(self.ref.year)
            # ... or restates the day just given, whatever the tense ("next Wednesday, July 31")
            if inst is not None and (self._agrees(inst) or (self.ref.day is not None and inst.start == self.ref.day
                                                            and inst.norm.gran == "D")):
                return inst.norm
        elif rel is None and self.ref is None and self.far is not None and self.far.year is not None \
                and self.tense == PAST:
            inst = make(self.far.year)
            if inst is not None and self._agrees(inst):
                return inst.norm
        if self.dct is None:
            return Norm(under) if under else None
        mode = self.mode(rel)
        if mode == "this":
            inst = make(self.dct.year)
            return inst.norm if inst else None
        cands = [c for c in (make(y) for y in range(self.dct.year - 2, self.dct.year + 3)) if c]
        if mode == "past" and not (self._done_fn is not None and self._done_fn()):
            # "the debate scheduled for November 20", "two weeks before the November 13 deadline":
            # news gives no year for a day of the current year (AP style), and a day a few weeks
            # ahead that no verb told as done is dated by ("met on March 1") is that one, not the
            # same day of last year (in a January article "December 28" stays last year's)
            soon = next((c for c in cands if c.norm.gran == "D"
                         and 0 < (c.start - self.dct).days <= DAYS_AHEAD_WITHOUT_YEAR), None)
            if soon is not None:
                return soon.norm
        return pick(cands, self.dct, mode)

    def weekly(self, make: Callable[[date], Instance | None], rel: Any, under: str | None) -> Norm | None:
        """Resolve a period that recurs every week (a day name), given the Monday of a week."""
        if rel is None and self.ref is not None and self.ref.gran in ("W", "WE") and self.ref.week:
            inst = make(self.ref.week)
            if inst is not None and self._agrees(inst):
                return inst.norm
        if self.dct is None:
            return Norm(under) if under else None
        mode = self.mode(rel)
        mon = D.monday(self.dct)
        if mode == "this":
            inst = make(mon)
            return inst.norm if inst else None
        cands = [c for c in (make(mon + timedelta(weeks=k)) for k in range(-2, 3)) if c]
        return pick(cands, self.dct, mode)

    def _agrees(self, inst: Instance) -> bool:
        """An anchored instance must not contradict the tense ("rose ... in March" is not ahead)."""
        if self.dct is None:
            return True
        t = self.tense
        if t == PAST:
            return inst.start <= self.dct
        if t == FUTURE:
            return inst.end > self.dct
        return True

    def anchor_day(self) -> date | None:
        """The day a clock time or part of day belongs to: the day just mentioned, or the dateline."""
        if self.ref is not None and self.ref.day is not None and self.ref.gran in ("D", "T"):
            return self.ref.day
        return self.dct


def pick(cands: list[Instance], dct: date, mode: str) -> Norm | None:
    cands.sort(key=lambda c: c.start)
    chosen = None
    if mode == "past":  # the latest that has begun
        for c in cands:
            if c.start <= dct:
                chosen = c
    elif mode == "future":  # the earliest not yet over
        chosen = next((c for c in cands if c.end > dct), None)
    elif mode == "last":  # the latest that is over
        for c in cands:
            if c.end <= dct:
                chosen = c
    elif mode == "next":  # the earliest not yet begun
        chosen = next((c for c in cands if c.start > dct), None)
    else:  # containing, else nearest
        best = None
        for c in cands:
            if c.start <= dct < c.end:
                chosen = c
                break
            dist = (c.start - dct).days if c.start > dct else (dct - c.end).days + 1
            if best is None or dist < best[0]:
                best = (dist, c)
        if chosen is None and best is not None:
            chosen = best[1]
    return chosen.norm if chosen else None


# --------------------------------------------------------------------------- slot helpers


def _int(v: Any) -> int | None:
    try:
        return int(float(v))
    except (TypeError, ValueError):
        return None


def _num(cx: Context, v: Any) -> float | str | None:
    if v is None:
        return None
    if isinstance(v, (int, float)):
        return v
    s = str(v).lower()
    if s == "x":
        return "X"
    if s in ("a", "an", "one"):
        return 1
    if s == "other":
        return 2
    hit = cx.numbers.get(s)
    if hit is not None:
        return hit[0]
    try:
        return float(s)
    except ValueError:
        return None


def _year(v: Any, dct: date | None) -> int | None:
    y = _int(v)
    if y is None:
        return None
    if len(str(v)) == 2:  # '26 -> 2026, '98 -> 1998 (pivot: dateline + 10 years)
        base = (dct.year if dct else 2000) + 10
        y += 2000 if 2000 + y <= base else 1900
    return y


def _explicit_year(cx: Context, s: dict) -> int | None:
    """The year given in the slots: a number, or "last year"/"this year" (needs the dateline)."""
    if "year" in s:
        return _year(s["year"], cx.dct)
    if "yrel" in s:
        if cx.dct is None:
            return None
        return cx.dct.year + int(s["yrel"])
    return None


def _has_year(s: dict) -> bool:
    return "year" in s or "yrel" in s


def _day_norm(d: date) -> Norm:
    return Norm(D.fmt_day(d), gran="D", year=d.year, day=d, week=D.monday(d))


# --------------------------------------------------------------------------- normalisers


def n_date(cx: Context, s: dict) -> Norm | None:
    month = _int(s.get("month"))
    day = _int(s.get("day")) if "day" in s else _int(s.get("ord"))
    if not month or not day:
        return None
    if _has_year(s):
        y = _explicit_year(cx, s)
        if y is None:
            return Norm(f"XXXX-{month:02d}-{day:02d}")
        d = D.safe_date(y, month, day)
        return _day_norm(d) if d else None
    if D.safe_date(2000, month, day) is None:  # not a day of that month in any year
        return None
    dow = _int(s.get("dow"))
    if dow and cx.dct is not None and cx.ref is None:
        # "Fri, Jul 18": the year in which that day is that weekday, nearest the dateline
        years = [y for y in range(cx.dct.year - 3, cx.dct.year + 4)
                 if (d := D.safe_date(y, month, day)) and d.isoweekday() == dow]
        if years:
            y = min(years, key=lambda y: abs(y - cx.dct.year))
            return _day_norm(date(y, month, day))

    def make(y: int) -> Instance | None:
        d = D.safe_date(y, month, day)
        return Instance(d, d + ONE_DAY, _day_norm(d)) if d else None

    return cx.yearly(make, s.get("rel"), f"XXXX-{month:02d}-{day:02d}")


def n_date_slash(cx: Context, s: dict) -> Norm | None:
    a, b = _int(s.get("a")), _int(s.get("b"))
    y = _year(s.get("year"), cx.dct)
    if a is None or b is None or y is None:
        return None
    month, day = (a, b) if a <= 12 else (b, a)  # US order unless the first cannot be a month
    d = D.safe_date(y, month, day)
    return _day_norm(d) if d else None


def _month_norm(y: int, m: int) -> Norm:
    return Norm(D.fmt_month(y, m), gran="M", year=y)


def n_month(cx: Context, s: dict) -> Norm | None:
    m = _int(s.get("month"))
    if not m or not 1 <= m <= 12:
        return None
    if _has_year(s):
        y = _explicit_year(cx, s)
        return _month_norm(y, m) if y is not None else Norm(f"XXXX-{m:02d}")

    def make(y: int) -> Instance:
        return Instance(date(y, m, 1), D.month_end(y, m), _month_norm(y, m))

    return cx.yearly(make, s.get("rel"), f"XXXX-{m:02d}")


def n_year(cx: Context, s: dict) -> Norm | None:
    y = _year(s.get("year"), cx.dct)
    if y is None:
        return None
    return Norm(D.fmt_year(y), gran="Y", year=y)


def n_decade(cx: Context, s: dict) -> Norm | None:
    if "decade" in s:
        return Norm(str(s["decade"]), gran="DE")
    digit = _int(s.get("decade2"))
    if digit is None:
        return None
    ref = cx.dct.year if cx.dct else 2000
    decade = 200 + digit if 2000 + 10 * digit <= ref else 190 + digit
    return Norm(f"{decade:03d}", gran="DE")


def n_century(cx: Context, s: dict) -> Norm | None:
    n = _int(s.get("ord"))
    if not n or n > 30:
        return None
    return Norm(f"{n - 1:02d}", gran="CE")


def _part_of_year(cx: Context, s: dict, key: str, count: int, code: str) -> Norm | None:
    raw = s.get(key, s.get("ord"))
    n = count if str(raw) == "L" else _int(raw)
    if not n or not 1 <= n <= count:
        return None
    months = 12 // count
    gran = "Q" if code == "Q" else "H2"

    def norm(y: int) -> Norm:
        return Norm(f"{y:04d}-{code}{n}", gran=gran, year=y)

    if _has_year(s):
        y = _explicit_year(cx, s)
        return norm(y) if y is not None else Norm(f"XXXX-{code}{n}")

    def make(y: int) -> Instance:
        start = date(y, (n - 1) * months + 1, 1)
        return Instance(start, D.add_months(start, months), norm(y))

    return cx.yearly(make, s.get("rel"), f"XXXX-{code}{n}")


def n_quarter(cx: Context, s: dict) -> Norm | None:
    return _part_of_year(cx, s, "quarter", 4, "Q")


def n_half(cx: Context, s: dict) -> Norm | None:
    return _part_of_year(cx, s, "half", 2, "H")


SEASON_MONTHS = {"SP": (3, 6), "SU": (6, 9), "FA": (9, 12), "WI": (12, 3)}


def n_season(cx: Context, s: dict) -> Norm | None:
    code = s.get("season")
    if code not in SEASON_MONTHS:
        return None

    def norm(y: int) -> Norm:
        return Norm(f"{y:04d}-{code}", gran="SE", year=y)

    if _has_year(s):
        y = _explicit_year(cx, s)
        return norm(y) if y is not None else Norm(f"XXXX-{code}")

    def make(y: int) -> Instance:
        a, b = SEASON_MONTHS[code]
        if code == "WI":  # winter YYYY: December YYYY-1 to February YYYY
            return Instance(date(y - 1, 12, 1), date(y, 3, 1), norm(y))
        return Instance(date(y, a, 1), date(y, b, 1), norm(y))

    return cx.yearly(make, s.get("rel"), f"XXXX-{code}")


def n_holiday(cx: Context, s: dict) -> Norm | None:
    rule = s.get("holiday")
    if not rule:
        return None
    fixed = "-" in rule and not rule.startswith(("easter", "oeaster"))
    under = f"XXXX-{rule}" if fixed else None
    if _has_year(s):
        y = _explicit_year(cx, s)
        if y is None:
            return Norm(under) if under else None
        d = D.holiday_date(rule, y)
        return _day_norm(d) if d else None

    def make(y: int) -> Instance | None:
        d = D.holiday_date(rule, y)
        return Instance(d, d + ONE_DAY, _day_norm(d)) if d else None

    return cx.yearly(make, s.get("rel"), under)


def _with_pod(n: Norm | None, pod: str | None) -> Norm | None:
    if n is None or not pod:
        return n
    code = pod if pod.startswith("T") else "T" + pod
    return Norm(n.value + code, type="TIME", gran="T", year=n.year, day=n.day, week=n.week)


def n_relday(cx: Context, s: dict) -> Norm | None:
    if cx.dct is None:
        return None
    raw = str(s.get("relday", "0"))
    off_s, _, pod = raw.partition("/")
    d = cx.dct + timedelta(days=int(off_s))
    return _with_pod(_day_norm(d), s.get("pod") or pod or None)


def n_weekday(cx: Context, s: dict) -> Norm | None:
    dow = _int(s.get("dow"))
    if not dow or not 1 <= dow <= 7:
        return None
    pod = s.get("pod")

    def make(mon: date) -> Instance:
        d = mon + timedelta(days=dow - 1)
        return Instance(d, d + ONE_DAY, _day_norm(d))

    if "wrel" in s:  # "Wednesday next week", "Monday of last week"
        if cx.dct is None:
            return Norm(f"XXXX-WXX-{dow}")
        return _with_pod(make(D.monday(cx.dct) + timedelta(weeks=int(s["wrel"]))).norm, pod)
    n = cx.weekly(make, s.get("rel"), f"XXXX-WXX-{dow}")
    return _with_pod(n, pod)


def n_weekend(cx: Context, s: dict) -> Norm | None:
    """ "over the weekend": the weekend (Saturday and Sunday) the tense points to."""

    def make(mon: date) -> Instance:
        sat = mon + timedelta(days=5)
        return Instance(sat, sat + 2 * ONE_DAY, Norm(D.fmt_week(mon) + "-WE", gran="WE", week=mon))

    return cx.weekly(make, s.get("rel"), "XXXX-WXX-WE")


def n_pod(cx: Context, s: dict) -> Norm | None:
    pod = s.get("pod")
    if not pod:
        return None
    d = cx.anchor_day()
    if d is None:
        return Norm(f"XXXX-XX-XXT{pod}", type="TIME")
    return _with_pod(_day_norm(d), pod)


def n_relunit(cx: Context, s: dict) -> Norm | None:
    unit = s.get("unit")
    off = _int(s.get("rel", 0))
    anaphor = s.get("anaphor")
    if anaphor and unit == "D":
        # "the day" in a past-tense sentence, "that day": the day last mentioned
        day = cx.anaphoric_day()
        if day is not None and (anaphor == "2" or cx.tense == PAST):
            return _day_norm(day + timedelta(days=off or 0))  # "the next day": rel 1
        if anaphor == "2":
            return None
    if cx.dct is None or unit is None or off is None:
        return None
    if unit == "WE" and off == 0 and cx.tense == PAST and cx.dct.isoweekday() < 6:
        off = -1  # "the attack this weekend" written on a Tuesday: the weekend just past
    if unit in ("H", "MIN", "S", "D"):
        if unit == "D":
            return _day_norm(cx.dct + timedelta(days=off))
        return None
    d = D.shift(cx.dct, unit, off)
    if d is None:
        return None
    n = Norm(D.value_at(d, unit), gran=unit, year=d.year if unit not in ("DE", "CE") else None)
    if unit in ("W", "WE"):
        n.week = D.monday(d)
        n.year = None  # an ISO week may straddle two years
    return n


def n_ago(cx: Context, s: dict) -> Norm | None:
    unit = s.get("unit")
    num = _num(cx, s.get("num"))
    sign = _int(s.get("sign", -1)) or -1
    if unit is None or num is None:
        return None
    # "two days later", "a week earlier" (anaphor): counted from the day last mentioned, not the dateline
    base = cx.anaphoric_day() if s.get("anaphor") else cx.dct
    if s.get("anaphor") and (num == "X" or unit in ("H", "MIN", "S")):
        return None  # "days later", "hours earlier": no date of its own
    if num == "X":
        return Norm("PAST_REF" if sign < 0 else "FUTURE_REF")
    if base is None:
        return None
    n = int(num) if float(num).is_integer() else None
    if n is None:
        return None
    n *= sign
    if unit in ("H", "MIN", "S"):
        return _day_norm(base)
    if unit == "D":
        return _day_norm(base + timedelta(days=n))
    if unit in ("DE", "CE"):
        d = D.shift(base, unit, n)
        return Norm(D.fmt_year(d.year), gran="Y", year=d.year) if d else None
    d = D.shift(base, unit, n)
    if d is None:
        return None
    norm = Norm(D.value_at(d, unit), gran=unit, year=d.year)
    if unit == "W":
        norm.week = D.monday(d)
        norm.year = None
    return norm


def n_time(cx: Context, s: dict) -> Norm | None:
    hour = _int(s.get("hour"))
    minute = _int(s.get("minute", 0)) or 0
    if hour is None or not 0 <= hour <= 24 or not 0 <= minute <= 59:
        return None
    ampm = str(s.get("ampm", "")).lower().replace(".", "")
    pod = s.get("pod")
    if not ampm and not pod and cx.ref is not None and cx.ref.gran == "T" and cx.ref.value[-3:-2] == "T":
        pod = cx.ref.value[-2:]  # "this afternoon at 3:20"
    if not ampm and pod in ("AF", "EV", "NI") and hour < 12 and not (pod == "NI" and hour < 5):
        ampm = "pm"
    if ampm in ("am", "a"):
        if hour > 12:
            return None
        hour = 0 if hour == 12 else hour
    elif ampm in ("pm", "p"):
        if hour > 12:
            return None
        hour = 12 if hour == 12 else hour + 12
    tz = s.get("tz")
    suffix = "" if not tz or tz == "none" else tz
    clock = f"T{hour:02d}:{minute:02d}{suffix}"
    if "month" in s and "day" in s:  # "7:30 p.m. on Friday, Sept. 20"
        day = n_date(cx, {k: s[k] for k in ("month", "day", "year", "dow") if k in s})
        if day is None or day.day is None:
            return None
        return Norm(day.value + clock, gran="T", year=day.year, day=day.day, week=day.week)
    if "relday" in s:  # "3 p.m. tomorrow", "midnight last night"
        if cx.dct is None:
            return None
        off = int(str(s["relday"]).partition("/")[0])
        d = cx.dct + timedelta(days=off)
        return Norm(D.fmt_day(d) + clock, gran="T", year=d.year, day=d, week=D.monday(d))
    if "dow" in s:  # "8 a.m. Monday"
        day = n_weekday(cx, {"dow": s["dow"], "rel": s.get("rel")} if "rel" in s else {"dow": s["dow"]})
        if day is None:
            return None
        return Norm(day.value + clock, gran="T", year=day.year, day=day.day, week=day.week)
    d = cx.anchor_day()
    if d is None:
        return Norm("XXXX-XX-XX" + clock, gran="T")
    return Norm(D.fmt_day(d) + clock, gran="T", year=d.year, day=d, week=D.monday(d))


def n_time_offset(cx: Context, s: dict) -> Norm | None:
    """ "a quarter past 3 pm", "half past nine", "20 minutes to noon", "ten to eight"."""
    frac = str(s.get("frac", "")).lower()
    mins = 15 if frac == "quarter" else 30 if frac == "half" else _int(s.get("mins"))
    if mins is None or not 0 < mins < 60:
        return None
    h = s.get("hour")
    if str(h).lower() == "noon":
        hour, ampm = 12, "pm"
    elif str(h).lower() == "midnight":
        hour, ampm = 0, "am"
    else:
        hour, ampm = _int(h), s.get("ampm")
    if hour is None or not 0 <= hour <= 12:
        return None
    if ampm:
        a = str(ampm).lower().replace(".", "")
        if a.startswith("p") and hour < 12:
            hour += 12
        elif a.startswith("a") and hour == 12:
            hour = 0
    minute = mins
    if str(s.get("dir", "")).lower() in ("to", "before", "till", "of"):
        hour, minute = (hour - 1) % 24, 60 - mins
    t = dict(s, hour=str(hour), minute=str(minute))
    t.pop("ampm", None)
    t.pop("pod", None)
    return n_time(cx, t)


def n_duration(cx: Context, s: dict) -> Norm | None:
    unit = s.get("unit")
    num = _num(cx, s.get("num", "X"))
    if unit is None or num is None:
        return None
    if "half" in s and num != "X":
        num = float(num) + 0.5
    if num != "X" and float(num) <= 0:
        return None
    v = D.fmt_duration(num, unit)
    return Norm(v) if v else None


def n_set(cx: Context, s: dict) -> Norm | None:
    if "dow" in s:
        return Norm(f"XXXX-WXX-{_int(s['dow'])}")
    if "pod" in s:
        return Norm(f"XXXX-XX-XXT{s['pod']}")
    if "month" in s:
        return Norm(f"XXXX-{_int(s['month']):02d}")
    unit = s.get("unit")
    num = _num(cx, s.get("num", 1))
    if unit is None or num is None or num == "X":
        return None
    if unit == "WE":
        return Norm("XXXX-WXX-WE")
    v = D.fmt_duration(num, unit)
    return Norm(v) if v else None


def n_date_pod(cx: Context, s: dict) -> Norm | None:
    """ "the morning of 1 March 2019": the part of day of that date."""
    day = n_date(cx, {k: s[k] for k in ("month", "day", "year", "dow") if k in s})
    if day is None:
        return None
    return _with_pod(day, s.get("pod"))


def n_nth_weekday(cx: Context, s: dict) -> Norm | None:
    """ "the first Tuesday of November", "the last Friday in October 2013"."""
    dow, m = _int(s.get("dow")), _int(s.get("month"))
    raw = s.get("ord")
    nth = -1 if str(raw) == "L" else _int(raw)
    if not dow or not m or not nth or nth > 5:
        return None
    if _has_year(s):
        y = _explicit_year(cx, s)
        if y is None:
            return None
        d = D.nth_weekday(y, m, dow, nth)
        return _day_norm(d) if d else None

    def make(y: int) -> Instance | None:
        d = D.nth_weekday(y, m, dow, nth)
        return Instance(d, d + ONE_DAY, _day_norm(d)) if d else None

    return cx.yearly(make, s.get("rel"), None)


_SMALL_UNITS = {"H", "MIN", "S"}
_ISO_ORDER = ("Y", "M", "W", "D", "H", "MIN", "S")


def n_duration2(cx: Context, s: dict) -> Norm | None:
    """ "1 hour and 42 minutes" -> PT1H42M, "two years and six months" -> P2Y6M."""
    parts = []
    for nk, uk in (("num", "unit"), ("num2", "unit2")):
        num, unit = _num(cx, s.get(nk)), s.get(uk)
        if num is None or num == "X" or unit not in _ISO_ORDER or not float(num).is_integer() or float(num) <= 0:
            return None
        parts.append((unit, int(float(num))))
    (u1, n1), (u2, n2) = parts
    if _ISO_ORDER.index(u1) >= _ISO_ORDER.index(u2):
        return None  # "42 minutes 1 hour" and "two hours three hours" are not one duration
    date_part = "".join(f"{n}{u}" for u, n in parts if u not in _SMALL_UNITS)
    time_part = "".join(f"{n}{'M' if u == 'MIN' else u}" for u, n in parts if u in _SMALL_UNITS)
    return Norm("P" + date_part + ("T" + time_part if time_part else ""))


def n_literal(cx: Context, s: dict) -> Norm | None:
    v = s.get("value")
    return Norm(str(v)) if v else None


NORMALIZERS: dict[str, Callable[[Context, dict], Norm | None]] = {
    "date": n_date,
    "date_slash": n_date_slash,
    "month": n_month,
    "year": n_year,
    "decade": n_decade,
    "century": n_century,
    "quarter": n_quarter,
    "half": n_half,
    "season": n_season,
    "holiday": n_holiday,
    "relday": n_relday,
    "weekday": n_weekday,
    "pod": n_pod,
    "weekend": n_weekend,
    "relunit": n_relunit,
    "ago": n_ago,
    "time": n_time,
    "duration": n_duration,
    "set": n_set,
    "literal": n_literal,
    "date_pod": n_date_pod,
    "nth_weekday": n_nth_weekday,
    "duration2": n_duration2,
    "time_offset": n_time_offset,
}
