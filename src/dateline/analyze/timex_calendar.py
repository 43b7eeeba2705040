"""Calendar periods in TimeML (TIMEX3) notation: days, weeks, months, quarters, years and their shifts.

A ``Period`` is a value such as ``2024-05-14``, ``2024-W20``, ``2024-W19-WE``, ``2024-Q2`` or ``199``
together with the first and last calendar day it covers. Shifting a period moves it by whole units
of its own granularity ("last month" is the month period shifted by -1).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
PARTS_OF_DAY = ("MO", "AF", "EV", "NI")


@dataclass(frozen=True, slots=True)
class Period:
    """A calendar value with its granularity and the days it spans (None when underspecified)."""

    value: str
    granularity: str
    first: date | None
    last: date | None

    @property
    def known(self) -> bool:
        """Whether the period is anchored to real calendar days."""
        return self.first is not None


def _last_of_month(year: int, month: int) -> date:
    """Return the last day of a month."""
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    """Return the (year, month) n months after the given one."""
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1


def safe_date(year: int, month: int, day: int) -> date | None:
    """Return the date, or None when the day does not exist (31 April) or the year is out of range."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def day(d: date) -> Period:
    """Return the one-day period of a date."""
    return Period(d.isoformat(), "day", d, d)


def week_of(d: date) -> Period:
    """Return the ISO week containing a date."""
    year, week, weekday = d.isocalendar()
    first = d - timedelta(days=weekday - 1)
    return Period(f"{year}-W{week:02d}", "week", first, first + timedelta(days=6))


def weekend_of(d: date) -> Period:
    """Return the weekend (Saturday and Sunday) of the ISO week containing a date."""
    week = week_of(d)
    assert week.first is not None
    saturday = week.first + timedelta(days=5)
    return Period(f"{week.value}-WE", "weekend", saturday, saturday + timedelta(days=1))


def month(year: int, month_number: int) -> Period:
    """Return a calendar month."""
    return Period(f"{year:04d}-{month_number:02d}", "month", date(year, month_number, 1),
                  _last_of_month(year, month_number))


def quarter(year: int, number: int) -> Period:
    """Return a calendar quarter (Q1 = January to March)."""
    first_month = 3 * (number - 1) + 1
    return Period(f"{year:04d}-Q{number}", "quarter", date(year, first_month, 1),
                  _last_of_month(year, first_month + 2))


def half(year: int, number: int) -> Period:
    """Return a half year (H1 = January to June)."""
    first_month = 6 * (number - 1) + 1
    return Period(f"{year:04d}-H{number}", "half", date(year, first_month, 1),
                  _last_of_month(year, first_month + 5))


def season(year: int, code: str) -> Period:
    """Return a (northern, meteorological) season: SP, SU, FA, or WI starting in December of ``year``."""
    start = SEASON_MONTHS[code]
    end_year, end_month = add_months(year, start, 2)
    return Period(f"{year:04d}-{code}", "season", date(year, start, 1), _last_of_month(end_year, end_month))


def year(number: int) -> Period:
    """Return a calendar year; one outside 1-9999 ("2,500 years ago") keeps its value but spans no days."""
    if not 1 <= number <= 9999:
        return Period(f"{number:04d}", "year", None, None)
    return Period(f"{number:04d}", "year", date(number, 1, 1), date(number, 12, 31))


def decade(first_year: int) -> Period:
    """Return the decade starting at a year ending in 0 (the 1990s is ``199``)."""
    start = first_year - first_year % 10
    return Period(f"{start // 10:03d}", "decade", date(max(start, 1), 1, 1), date(start + 9, 12, 31))


def century(number: int) -> Period:
    """Return an ordinal century (the 20th century is ``19``: 1900-1999, as TimeML writes it)."""
    start = (number - 1) * 100
    return Period(f"{number - 1:02d}", "century", date(max(start, 1), 1, 1), date(start + 99, 12, 31))


def part_of_day(d: date, code: str) -> Period:
    """Return a part of a day (MO morning, AF afternoon, EV evening, NI night)."""
    return Period(f"{d.isoformat()}T{code}", "time", d, d)


def clock_time(d: date, hour: int, minute: int) -> Period:
    """Return a time of day on a date."""
    return Period(f"{d.isoformat()}T{hour:02d}:{minute:02d}", "time", d, d)


def containing(d: date, granularity: str) -> Period:
    """Return the period of a granularity that contains a date."""
    if granularity == "day":
        return day(d)
    if granularity == "week":
        return week_of(d)
    if granularity == "weekend":
        return weekend_of(d)
    if granularity == "month":
        return month(d.year, d.month)
    if granularity == "quarter":
        return quarter(d.year, (d.month - 1) // 3 + 1)
    if granularity == "half":
        return half(d.year, 1 if d.month <= 6 else 2)
    if granularity == "season":
        code = "WI" if d.month in (12, 1, 2) else "SP" if d.month < 6 else "SU" if d.month < 9 else "FA"
        return season(d.year - 1 if d.month < 3 else d.year, code)
    if granularity == "year":
        return year(d.year)
    if granularity == "decade":
        return decade(d.year)
    if granularity == "century":
        return century(d.year // 100 + 1)
    raise ValueError(f"unknown granularity {granularity!r}")


def shift(period: Period, n: int) -> Period:
    """Move a known period by n units of its own granularity."""
    if period.first is None or n == 0:
        return period
    g = period.granularity
    d = period.first
    if g in ("day", "week", "weekend"):
        step = 1 if g == "day" else 7
        moved = containing(d + timedelta(days=step * n), "week" if g == "week" else "day")
        return weekend_of(moved.first or d) if g == "weekend" else moved
    if g == "time":
        return period
    months = {"month": 1, "quarter": 3, "season": 3, "half": 6, "year": 12, "decade": 120, "century": 1200}
    if g not in months:
        return period
    if g == "season":
        y, m = add_months(d.year, d.month, 3 * n)
        return season(y, {3: "SP", 6: "SU", 9: "FA", 12: "WI"}[m])
    y, m = add_months(d.year, d.month, n * months[g])
    if not 1 <= y <= 9999:
        return period
    return containing(date(y, m, 1), g)


def shift_years(period: Period, n: int) -> Period:
    """Move a known period by n years, keeping its granularity ("the year-ago quarter")."""
    if period.first is None:
        return period
    g = period.granularity
    d = period.first
    if not 1 <= d.year + n <= 9999:
        return period
    moved = safe_date(d.year + n, d.month, d.day) or date(d.year + n, d.month, 28)
    if g == "season":
        return season(d.year + n, period.value[-2:])
    if g == "time":
        return day(moved)
    if g in ("decade", "century"):
        return period
    return containing(moved, g)


def underspecified(granularity: str) -> Period:
    """Return the value TimeML writes for a relative expression that has no anchor date."""
    values = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX",
              "quarter": "XXXX-QX", "half": "XXXX-HX", "season": "XXXX-XX", "year": "XXXX",
              "decade": "XXX", "century": "XX", "time": "XXXX-XX-XXTXX:XX"}
    return Period(values.get(granularity, "XXXX-XX-XX"), granularity, None, None)
