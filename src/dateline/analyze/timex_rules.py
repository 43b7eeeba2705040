"""The machinery of the time expression rules: readings, context, registry and shared calendar choices.

The calendar choices are the ones every rule needs: which Friday, which September, which quarter.

A rule (see ``timex_patterns``) is a regex template and a handler that turns a match into a
``Reading``: TIMEX3 type and value, granularity, covered days and mod. Handlers get a ``Context`` with
the document creation date (dct), the tense of the governing verb and the periods the document has
mentioned so far. Relative expressions are resolved here by calendar rules, never by dateparser: a
weekday in a past-tense sentence is the latest such day on or before the dct, in a future-tense
sentence the next one; a month without a year is the latest one begun in the past tense, the next
one in the future tense.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from dateline.analyze import timex_calendar as cal
from dateline.analyze.timex_calendar import Period
from dateline.analyze.timex_lexicon import compile_template, parse_ordinal
from dateline.analyze.timex_tense import FUTURE, NO_TENSE, PAST

MODS = {
    "early": "START", "earlier": "START", "beginning": "START", "start": "START", "turn": "START",
    "mid": "MID", "middle": "MID", "late": "END", "later": "END", "end": "END", "close": "END",
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX", "some": "APPROX",
    "close to": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN", "less than": "LESS_THAN",
    "under": "LESS_THAN", "just under": "LESS_THAN", "barely": "LESS_THAN", "more than": "MORE_THAN",
    "over": "MORE_THAN", "just over": "MORE_THAN", "well over": "MORE_THAN", "at least": "EQUAL_OR_MORE",
    "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
}
GRANULARITY_RANK = {"time": 0, "day": 1, "weekend": 2, "week": 2, "month": 3, "quarter": 4, "season": 4,
                    "half": 5, "year": 6, "decade": 7, "century": 8}


@dataclass(frozen=True, slots=True)
class Reading:
    """What one matched expression means: TIMEX3 type and value, granularity, covered days, mod."""

    type: str
    value: str
    granularity: str
    first: date | None = None
    last: date | None = None
    mod: str | None = None
    anchor: str = "dct"
    period: Period | None = None
    """The calendar period behind a DATE/TIME value, remembered for later anaphora."""
    is_age: bool = False


@dataclass(slots=True)
class Context:
    """What a handler knows: the publication date, the tense at the expression, earlier mentions."""

    dct: date | None
    tense: str = NO_TENSE
    mentioned: dict[str, Period] = field(default_factory=dict)
    last: Period | None = None
    last_value: str | None = None
    """The value of the expression read just before, calendar period or not ("P9M")."""

    def remember(self, reading: Reading) -> None:
        """Record a calendar period the document mentioned, for "a year earlier" and "the quarter".

        Periods reached from another mention ("the year-ago quarter") are the last mention but do
        not replace the period the text is about ("the latest quarter" stays this year's).
        """
        self.last_value = reading.value
        period = reading.period
        if period is None or not period.known:
            return
        if period.granularity == "time":
            period = cal.day(period.first) if period.first else period
        self.last = period
        if reading.anchor != "previous":
            self.mentioned[period.granularity] = period


Handler = Callable[[re.Match[str], Context], Reading | None]


@dataclass(frozen=True, slots=True)
class Rule:
    """A compiled pattern and the handler that reads its matches."""

    name: str
    pattern: re.Pattern[str]
    handler: Handler
    keys: frozenset[str]
    """Lower-case words (``<num>`` for digits) one of which every match contains: where to look at all."""


RULES: list[Rule] = []


def rule(*templates: str, keys: Iterable[str]) -> Callable[[Handler], Handler]:
    """Register a handler for one or more pattern templates, tried only near one of its key words."""
    key_set = frozenset(keys)

    def register(handler: Handler) -> Handler:
        for template in templates:
            RULES.append(Rule(handler.__name__, compile_template(template), handler, key_set))
        return handler

    return register


# --- readings ----------------------------------------------------------------------------------------


def on(period: Period, mod: str | None = None, kind: str = "DATE", anchor: str = "dct") -> Reading:
    """Read a calendar period as a DATE (or TIME) value."""
    return Reading(kind, period.value, period.granularity, period.first, period.last, mod, anchor, period)


def lasting(value: str, mod: str | None = None) -> Reading:
    """Read a DURATION value."""
    return Reading("DURATION", value, "duration", mod=mod)


def ref(value: str) -> Reading:
    """Read a PRESENT_REF, PAST_REF or FUTURE_REF value."""
    granularity = {"PRESENT_REF": "present", "PAST_REF": "past", "FUTURE_REF": "future"}[value]
    return Reading("DATE", value, granularity)


def every(value: str) -> Reading:
    """Read a SET value (daily is P1D, every Monday XXXX-WXX-1)."""
    return Reading("SET", value, "set")


def mod_of(phrase: str | None) -> str | None:
    """Return the TIMEX3 mod of a modifier phrase ("the end of" is END, "nearly" LESS_THAN)."""
    if not phrase:
        return None
    words = re.sub(r"\s+", " ", phrase.lower()).strip(" -")
    words = words.removeprefix("the ").removesuffix(" of")
    return MODS.get(words) or MODS.get(words.split(" ")[-1])


def group(m: re.Match[str], name: str) -> str | None:
    """Return a named group of a match; None when the pattern lacks it or it did not take part."""
    try:
        return m.group(name)
    except IndexError:
        return None


def text_before(m: re.Match[str], chars: int = 30) -> str:
    """Return the text just before a match."""
    return m.string[max(0, m.start() - chars): m.start()]


def text_after(m: re.Match[str], chars: int = 30) -> str:
    """Return the text just after a match."""
    return m.string[m.end(): m.end() + chars]


def day_number(text: str) -> int:
    """Return the day of a month written in digits or as an ordinal word ("14th", "eighth")."""
    return leading_int(text) if text[:1].isdigit() else parse_ordinal(text) or 0


def leading_int(text: str) -> int:
    """Return the leading integer of a string ("14th" is 14)."""
    digits = re.match(r"\d+", text)
    assert digits is not None
    return int(digits.group())


# --- calendar choices by tense -----------------------------------------------------------------------


def direction(ctx: Context) -> int:
    """Return -1 to look back from the dct, +1 to look ahead, 0 when the tense does not say."""
    return {PAST: -1, FUTURE: 1}.get(ctx.tense, 0)


def weekday_date(dct: date, weekday: int, step: int, strict: bool = False) -> date:
    """Return the weekday on or before the dct (step -1), on or after it (+1), or the nearest (0).

    ``strict`` excludes the dct itself ("last Friday" written on a Friday is a week earlier).
    """
    back = (dct.isoweekday() - weekday) % 7 or (7 if strict else 0)
    ahead = (weekday - dct.isoweekday()) % 7 or (7 if strict else 0)
    if step < 0:
        return dct - timedelta(days=back)
    if step > 0:
        return dct + timedelta(days=ahead)
    return dct - timedelta(days=back) if back <= ahead else dct + timedelta(days=ahead)


def month_year(dct: date, month_no: int, step: int, strict: bool = False) -> int:
    """Return the year of a month named without one.

    In a past-tense sentence it is the latest such month begun by the dct, unless that is more than
    ten months back and the next one is close ("extended through January" written in October); in a
    future-tense sentence the next one; otherwise the nearer of the two. ``strict`` (with "last" or
    "next") never takes the dct's own month and always goes in the direction of ``step``.
    """
    back = (dct.month - month_no) % 12 or (12 if strict else 0)
    ahead = (month_no - dct.month) % 12 or (12 if strict else 0)
    if strict:
        use_back = step < 0
    elif step < 0:
        use_back = back <= 10
    elif step > 0:
        use_back = False
    else:
        use_back = back <= ahead
    if use_back:
        return dct.year - (1 if month_no > dct.month or (month_no == dct.month and back) else 0)
    return dct.year + (1 if month_no < dct.month or (month_no == dct.month and ahead) else 0)


def day_in_year(ctx: Context, month_no: int, day_no: int, weekday: int | None) -> date | None:
    """Return the date of a day and month named without a year, chosen by tense around the dct."""
    assert ctx.dct is not None
    dct = ctx.dct
    years = (dct.year - 1, dct.year, dct.year + 1)
    candidates = [d for y in years if (d := cal.safe_date(y, month_no, day_no))]
    if weekday:
        candidates = [d for d in candidates if d.isoweekday() == weekday] or candidates
    if not candidates:
        return None
    step = direction(ctx)
    # A past-tense sentence can still name a date weeks ahead ("extended the offer to Nov. 20").
    if step < 0 and (past := [d for d in candidates if dct - timedelta(days=300) <= d <= dct]):
        return max(past)
    if step > 0 and (ahead := [d for d in candidates if dct <= d <= dct + timedelta(days=300)]):
        return min(ahead)
    return min(candidates, key=lambda d: (abs((d - dct).days), d > dct))


def period_around(ctx: Context, periods: list[Period], step: int, grace_days: int = 0) -> Period:
    """Pick among candidate periods: the latest begun by the dct (step <= 0) or the first not yet over.

    ``grace_days`` keeps a period that ended shortly before the dct in a future-tense sentence
    ("expects to report third-quarter results" written in October).
    """
    assert ctx.dct is not None
    dct = ctx.dct
    if step > 0:
        ahead = [p for p in periods if p.last and p.last >= dct - timedelta(days=grace_days)]
        if ahead:
            return min(ahead, key=lambda p: p.first or dct)
    begun = [p for p in periods if p.first and p.first <= dct]
    return max(begun, key=lambda p: p.first or dct) if begun else periods[0]


def default_quarter(ctx: Context) -> Period:
    """Return the quarter "the quarter" means with no earlier mention: the last one reported on."""
    assert ctx.dct is not None
    current = cal.containing(ctx.dct, "quarter")
    return current if direction(ctx) > 0 else cal.shift(current, -1)


def resolve_weekday(ctx: Context, weekday: int, rel: str | None) -> date | None:
    """Return the date of a weekday named in an article, by its modifier or the tense."""
    if ctx.dct is None:
        return None
    rel = (rel or "").lower()
    if rel in ("last", "this past", "past"):
        return weekday_date(ctx.dct, weekday, -1, strict=True)
    if rel in ("next", "this coming", "coming"):
        return weekday_date(ctx.dct, weekday, 1, strict=True)
    step = direction(ctx)
    return weekday_date(ctx.dct, weekday, step if step else -1)


# --- moving a date by a number of units --------------------------------------------------------------

UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14}
UNIT_MONTHS = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}


def moved(start: date, amount: float, unit: str) -> date | None:
    """Return the date a number of units after (or before, if negative) a date."""
    if unit in UNIT_DAYS:
        return start + timedelta(days=round(amount * UNIT_DAYS[unit]))
    if unit in UNIT_MONTHS:
        months = round(amount * UNIT_MONTHS[unit])
        y, mo = cal.add_months(start.year, start.month, months)
        if not 1 <= y <= 9999:
            return None
        return cal.safe_date(y, mo, start.day) or cal.safe_date(y, mo, 28)
    if unit in ("hour", "minute", "second"):
        return start
    return None
