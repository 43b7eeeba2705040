"""The time expression patterns: absolute dates, relative dates, durations, sets and references.

Each ``@rule`` below registers one or more regex templates (``timex_lexicon`` explains the template
notation) with the handler that reads their matches, and the key words near which the patterns are
tried at all. Order matters only for ties: when two matches have the same extent the earlier rule
wins. Handlers return None to reject a match ("May" the modal verb, "1500 troops", "a quarter of the
vote").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from dateline.analyze import timex_calendar as cal
from dateline.analyze.timex_calendar import Period
from dateline.analyze.timex_lexicon import (
    MONTHS,
    PARTS_OF_DAY,
    SEASONS,
    UNIT_GRANULARITY,
    WEEKDAYS,
    compile_template,
    duration_value,
    month_number,
    parse_number,
    parse_ordinal,
    parse_year_words,
    unit_name,
    weekday_number,
)
from dateline.analyze.timex_rules import (
    GRANULARITY_RANK,
    UNIT_DAYS,
    UNIT_MONTHS,
    Context,
    Reading,
    day_in_year,
    day_number,
    default_quarter,
    direction,
    every,
    group,
    lasting,
    mod_of,
    month_year,
    moved,
    on,
    period_around,
    ref,
    resolve_weekday,
    rule,
    text_after,
    text_before,
)
from dateline.analyze.timex_tense import FUTURE, PAST

# Words after a four-digit number that make it a count, not a year ("1500 troops").
COUNT_NOUNS = re.compile(
    r"\s*(?:%|percent|per\s+cent|million|billion|trillion|people|persons|troops|soldiers|workers|"
    r"employees|members|shares|votes|students|children|families|homes|houses|cars|vehicles|tons|tonnes|"
    r"barrels|miles|kilometers|kilometres|km|feet|meters|metres|yards|acres|pounds|dollars|euros|yen|"
    r"marks|francs|points|units|jobs|cases|deaths|dead|refugees|prisoners|rounds|rockets|missiles|"
    r"planes|aircraft|ships|sq|square|hectares|residents|men|women|delegates|patients|calories|lbs|kg|"
    r"mph|copies|seats|beds|rooms|flights)\b",
    re.IGNORECASE,
)
NOT_A_YEAR_BEFORE = re.compile(
    r"(?:#|\b(?:No\.|number|Flight|flight|Route|route|Highway|highway|Room|room|Resolution|resolution|page|"
    r"Article|article|Chapter|chapter|Section|section|model|Model|about|some|nearly|almost|over|than|only|"
    r"approximately|roughly|around|top|Boeing|Airbus|Dow|index|Nasdaq))\s*$"
)
MOD_PREFIX = r"(?:(?P<mod>{MOD})(?:\s*-\s*|\s+))?"

NUM = ("<num>",)
MONTH_KEYS = tuple(MONTHS)
WEEKDAY_KEYS = tuple(w for w in WEEKDAYS if w.endswith("day"))
UNIT_KEYS = ("second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
             "weekend", "weekends", "fortnight", "fortnights", "month", "months", "quarter", "quarters",
             "year", "years", "decade", "decades", "century", "centuries", "millennium", "millennia")
YEAR_SHIFT = {"this": 0, "last": -1, "next": 1}


def _two_digit_year(number: int, ctx: Context) -> int:
    """Expand a two-digit year to the century that puts it nearest the dct ("'98", "FY24")."""
    reference = ctx.dct.year if ctx.dct else 2000
    century = reference // 100 * 100
    return century + number if century + number <= reference + 10 else century - 100 + number


def _three_years(ctx: Context) -> tuple[int, int, int]:
    """Return the dct's year and the years either side, where an expression without a year may fall."""
    assert ctx.dct is not None
    return ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1


# --- absolute dates ----------------------------------------------------------------------------------


@rule(
    r"(?P<y>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])"
    r"(?:T(?P<hh>[01]\d|2[0-3]):(?P<mm>[0-5]\d)(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?",
    r"(?P<y>(?:19|20)\d\d)/(?P<m>0?[1-9]|1[0-2])/(?P<d>0?[1-9]|[12]\d|3[01])",
    keys=NUM,
)
def iso_date(m: re.Match[str], ctx: Context) -> Reading | None:
    """Read an ISO 8601 date or date-time (2024-05-14, 2024-05-14T19:30Z, 2024/05/14)."""
    d = cal.safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    if d is None:
        return None
    if group(m, "hh"):
        return on(cal.clock_time(d, int(m["hh"]), int(m["mm"])), kind="TIME")
    return on(cal.day(d))


@rule(
    r"(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>(?:19|20)\d\d|\d\d)",
    r"(?P<d>3[01]|[12]\d|0?[1-9])\.(?P<m>1[0-2]|0?[1-9])\.(?P<y>(?:19|20)\d\d)",
    keys=NUM,
)
def numeric_date(m: re.Match[str], ctx: Context) -> Reading | None:
    """Read a numeric date: US month first with slashes (5/14/24), day first with dots (14.05.2024)."""
    year_no = int(m["y"])
    if year_no < 100:
        year_no = _two_digit_year(year_no, ctx)
    d = cal.safe_date(year_no, int(m["m"]), int(m["d"]))
    return on(cal.day(d)) if d else None


@rule(
    r"(?:(?P<rel>last|next|this coming|this past|this) )?(?:(?P<wd>{WEEKDAY_ANY}),? (?:the )?)?"
    r"(?P<mon>{MONTH}) (?P<day>{DAY})(?:,? (?P<year>{YEAR}))?",
    r"(?:(?P<wd>{WEEKDAY_ANY}),? )?(?:the )?(?P<day>{DAY}) (?:of )?(?P<mon>{MONTH})(?:,? (?P<year>{YEAR}))?",
    keys=MONTH_KEYS,
)
def calendar_day(m: re.Match[str], ctx: Context) -> Reading | None:
    """Read a day of a month, with or without a year ("Aug. 7, 1998", "14 May", "Tue May 14 2024")."""
    month_no, day_no = month_number(m["mon"]), day_number(m["day"])
    if not day_no:
        return None
    weekday = weekday_number(m["wd"]) if m["wd"] else None
    rel = (group(m, "rel") or "").lower()
    if m["year"]:
        d = cal.safe_date(int(m["year"]), month_no, day_no)
    elif ctx.dct is None:
        return on(Period(f"XXXX-{month_no:02d}-{day_no:02d}", "day", None, None))
    elif rel in ("last", "this past", "next", "this coming"):
        tense = PAST if rel in ("last", "this past") else FUTURE
        d = day_in_year(Context(ctx.dct, tense), month_no, day_no, weekday)
    else:
        d = day_in_year(ctx, month_no, day_no, weekday)
    return on(cal.day(d)) if d else None


# "May" is a month only after one of these (or with a day, a year or a modifier).
MAY_CONTEXT = re.compile(
    r"(?:\b(?:in|by|since|until|till|through|from|to|during|of|before|after|between|and|or|early|late|"
    r"mid|last|next|this|on|for|throughout|around)\s*|-)$",
    re.IGNORECASE,
)


@rule(
    MOD_PREFIX + r"(?:(?P<rel>last|next|this past|this coming|this|past|coming) )?(?P<mon>{MONTH})"
    r"(?:(?: of)? (?P<year>{YEAR})|,? (?P<yrel>last|this|next) year|(?: of)? (?P<yw>{YEAR_WORDS}))?",
    keys=MONTH_KEYS,
)
def month_mention(m: re.Match[str], ctx: Context) -> Reading | None:
    """Read a month, by itself ("in September") or with a year ("February 2022", "June last year")."""
    word = m["mon"]
    explicit = m["year"] or m["yrel"] or m["yw"]
    abbreviated = len(word) <= 4 and word.lower() not in ("may", "june", "july")
    if abbreviated and not word.endswith(".") and not explicit:
        return None
    if word.lower() == "may" and not (explicit or m["rel"] or m["mod"] or MAY_CONTEXT.search(text_before(m))):
        return None
    month_no = month_number(word)
    mod = mod_of(m["mod"])
    year_no = int(m["year"]) if m["year"] else parse_year_words(m["yw"]) if m["yw"] else None
    if m["yw"] and year_no is None:
        return None
    if year_no is not None:
        return on(cal.month(year_no, month_no), mod)
    if ctx.dct is None:
        return on(Period(f"XXXX-{month_no:02d}", "month", None, None), mod)
    rel = (m["rel"] or "").lower()
    if m["yrel"]:
        year_no = ctx.dct.year + YEAR_SHIFT[m["yrel"].lower()]
    elif rel in ("last", "this past", "past"):
        year_no = month_year(ctx.dct, month_no, -1, strict=True)
    elif rel in ("next", "this coming", "coming"):
        year_no = month_year(ctx.dct, month_no, 1, strict=True)
    elif rel == "this":
        year_no = ctx.dct.year
    else:
        year_no = month_year(ctx.dct, month_no, direction(ctx))
    return on(cal.month(year_no, month_no), mod)


@rule(
    MOD_PREFIX + r"(?:(?:the )?(?P<kind>calendar|fiscal|financial|tax|model|school) (?:year )?|the year )?"
    r"(?P<year>{YEAR})",
    keys=NUM,
)
def year_number(m: re.Match[str], ctx: Context) -> Reading | None:
    """Read a year in digits ("1998", "fiscal 1989", "mid-1996"), not a count ("1500 troops")."""
    year_no = int(m["year"])
    plain = not (m["kind"] or m["mod"] or m.group(0).lower().startswith("the year"))
    if plain:
        if COUNT_NOUNS.match(text_after(m)) or NOT_A_YEAR_BEFORE.search(text_before(m, 14)):
            return None
        if re.match(r"\s*(?:-|to|and)\s*\d", text_after(m, 6)) and not 1900 <= year_no <= 2100:
            return None
        if ctx.dct and year_no > ctx.dct.year + 60:
            return None
    return on(cal.year(year_no), mod_of(m["mod"]))


@rule(
    MOD_PREFIX + r"the year (?P<yw>{YEAR_WORDS})",
    MOD_PREFIX + r"(?P<yw>(?=nineteen|eighteen){YEAR_WORDS})",
    keys=("nineteen", "eighteen", "year"),
)
def year_in_words(m: re.Match[str], ctx: Context) -> Reading | None:
    """Read a year written in words ("nineteen ninety-six", "the year two thousand")."""
    year_no = parse_year_words(m["yw"])
    if year_no is None or not 1000 <= year_no <= 2100:
        return None
    return on(cal.year(year_no), mod_of(m["mod"]))


DECADE_WORDS = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60, "seventies": 70,
                "eighties": 80, "nineties": 90}


@rule(
    r"(?:(?P<the>the) )?" + MOD_PREFIX + r"(?:(?P<dec>1\d\d0|20\d0)'?s|'(?P<short>\d0)'?s|(?P<short2>\d0)'s"
    r"|(?P<short3>\d0)s|(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))",
    keys=NUM + tuple(DECADE_WORDS),
)
def decade_mention(m: re.Match[str], ctx: Context) -> Reading | None:
    """Read a decade ("the 1990s", "the mid-'90s", "the late 1970s", "the nineties"), not an age."""
    if m["dec"]:
        return on(cal.decade(int(m["dec"])), mod_of(m["mod"]))
    if (m["short3"] or m["word"]) and not m["the"]:
        return None
    if not m["the"] and re.search(r"\b(?:his|her|their|its|your|my|our|in)\s+$", text_before(m, 8), re.I):
        return None  # "in their 20's" is an age
    short = DECADE_WORDS[m["word"].lower()] if m["word"] else int(m["short"] or m["short2"] or m["short3"])
    reference = ctx.dct.year if ctx.dct else 2000
    century = reference // 100 * 100
    start = century + short if century + short <= reference else century - 100 + short
    return on(cal.decade(start), mod_of(m["mod"]))


@rule(
    r"(?:(?P<the>the) )?" + MOD_PREFIX + r"(?P<ord>{ORDINAL})(?:\s*-\s*|\s+)century",
    keys=("century",),
)
def century_mention(m: re.Match[str], ctx: Context) -> Reading | None:
    """Read an ordinal century ("the 20th century" is 19 in TimeML)."""
    number = parse_ordinal(m["ord"])
    if not number or number > 21:
        return None
    return on(cal.century(number), mod_of(m["mod"]))


# A season named by itself must follow one of these ("in the spring"), or "fall" is the verb.
SEASON_CONTEXT = re.compile(
    r"\b(?:in|during|by|until|till|since|through|throughout|over|before|after|for|from|this|last|next|each|"
    r"every|the|early|late|mid|of)\s*-?\s*$",
    re.IGNORECASE,
)


@rule(
    MOD_PREFIX + r"(?:(?P<rel>this past|this coming|this|last|next|past|coming|the|that) )?"
    r"(?P<season>{SEASON})(?:(?: of)? (?P<year>{YEAR})|(?: of) (?P<yw>{YEAR_WORDS}))?",
    r"(?P<year>{YEAR}) (?P<season>{SEASON})",
    keys=tuple(SEASONS),
)
def season_mention(m: re.Match[str], ctx: Context) -> Reading | None:
    """Read a season ("last fall", "this summer", "the winter of 1994")."""
    code = SEASONS[m["season"].lower()]
    rel = (group(m, "rel") or "").lower()
    mod = mod_of(group(m, "mod"))
    year_no = int(m["year"]) if m["year"] else parse_year_words(m["yw"]) if group(m, "yw") else None
    if year_no is not None:
        return on(cal.season(year_no, code), mod)
    if rel in ("", "the", "that"):
        if re.match(r"\s+of\b", text_after(m, 5)):
            return None  # "the fall of the Berlin Wall"
        if not (mod or rel == "the" or SEASON_CONTEXT.search(text_before(m, 12))):
            return None
        if rel == "" and m["season"].lower() == "fall" and not mod:
            return None
    if ctx.dct is None:
        return on(Period(f"XXXX-{code}", "season", None, None), mod)
    dct = ctx.dct
    candidates = [cal.season(y, code) for y in range(dct.year - 2, dct.year + 2)]
    current = cal.containing(dct, "season")
    if rel in ("last", "this past", "past"):
        begun = [p for p in candidates if p.first and p.first <= dct]
        chosen = max(begun, key=lambda p: p.first or dct) if begun else current
        if chosen.value == current.value and rel == "last":
            chosen = cal.shift(chosen, -4)  # "last summer" written in summer is the one before
    elif rel in ("next", "this coming", "coming"):
        chosen = min((p for p in candidates if p.first and p.first > dct), key=lambda p: p.first or dct)
    elif rel == "this":
        chosen = cal.season(dct.year - 1 if code == "WI" and dct.month <= 2 else dct.year, code)
    else:
        chosen = period_around(ctx, candidates, direction(ctx))
    return on(chosen, mod)


QUARTER_PRE = (
    r"(?:{YEAR}(?:'s)?|(?:this|last|next) year's|fiscal|calendar|year-ago|year-earlier|year earlier|"
    r"year ago|comparable|corresponding|same|latest|current|previous|past|prior|coming|recent|"
    r"most recent|just-ended|just ended|first|second|third|fourth|final|last|1st|2nd|3rd|4th|next|flat|"
    r"full|fiscal-first|fiscal-second|fiscal-third|fiscal-fourth)"
)
QUARTER_ENDED = compile_template(r"\s*(?:ended|ending) (?P<mon>{MONTH}) (?P<day>{DAY})")
ANAPHORIC_WORDS = re.compile(
    r"\b(?:latest|current|recent|just[-\s]ended|this|that|comparable|corresponding|same)\b"
)


@dataclass(frozen=True, slots=True)
class QuarterWords:
    """What the words around "quarter", "half" or "period" say: ordinal, year, and relative to what."""

    ordinal: int
    year: int | None
    year_shift: int | None
    year_ago: bool
    anaphoric: bool
    step: int
    previous_word: bool
    current_word: bool

    @classmethod
    def read(cls, m: re.Match[str]) -> QuarterWords:
        """Read the modifiers of a quarter match."""
        pre = f"{m['the'] or ''} {m['pre']}".lower()
        found = re.search(r"\b(first|second|third|fourth|final|1st|2nd|3rd|4th)\b", pre)
        ordinal = (4 if found.group(1) == "final" else parse_ordinal(found.group(1)) or 0) if found else 0
        of_year = m["ofyear"] or m["offiscal"]
        last_half = m["unit"].lower() == "half" and re.search(r"\blast\b", pre) and (of_year or m["ofrel"])
        if not ordinal and last_half:
            ordinal = 2  # "the last half of 1989"
        year_match = re.search(r"\b(1\d{3}|20\d\d)\b", pre)
        year_no = int(of_year) if of_year else int(year_match.group(1)) if year_match else None
        shift_match = re.search(r"\b(this|last|next) year's", pre)
        year_shift = YEAR_SHIFT[shift_match.group(1)] if shift_match else None
        if m["ofrel"] and m["ofrel"].lower() in YEAR_SHIFT:
            year_shift = YEAR_SHIFT[m["ofrel"].lower()]
        year_ago = bool(re.search(r"year[-\s]+(?:ago|earlier)", pre)) or bool(m["sfx"])
        step_match = re.search(r"\b(previous|prior|past|last|next|coming)\b(?! year's)", pre)
        step = (1 if step_match.group(1) in ("next", "coming") else -1) if step_match else 0
        return cls(ordinal, year_no, year_shift, year_ago, bool(ANAPHORIC_WORDS.search(pre)), step,
                   bool(re.search(r"\b(?:previous|prior)\b", pre)), bool(re.search(r"\bcurrent\b", pre)))


@rule(
    r"(?:(?P<the>the|this|that|its|a|their|his|her|our|last year's|this year's|next year's) )?"
    r"(?P<pre>(?:" + QUARTER_PRE + r"(?:\s*-\s*|\s+))*)(?P<unit>quarter|period|half)"
    r"(?!\s+of\s+(?:a|an|the|its|their|his|her|all)\b)"
    r"(?:(?: of| in) (?:(?P<ofyear>{YEAR})|(?P<ofrel>this|last|next|the) (?:fiscal )?year|"
    r"fiscal (?P<offiscal>{YEAR}))| (?P<sfx>last year|a year ago|a year earlier|the previous year|"
    r"the prior year|of last year))?",
    r"(?-i:Q)(?P<qn>[1-4])(?:(?: of)? (?P<qy>{YEAR}))?",
    r"(?P<qy>{YEAR}) (?-i:Q)(?P<qn>[1-4])",
    keys=("quarter", "period", "half", "q", "q1", "q2", "q3", "q4"),
)
def quarter_mention(m: re.Match[str], ctx: Context) -> Reading | None:
    """Read a quarter or half ("the third quarter", "third-quarter", "the year-ago quarter", "Q3 2024")."""
    if group(m, "qn"):
        number = int(m["qn"])
        if m["qy"]:
            return on(cal.quarter(int(m["qy"]), number))
        if ctx.dct is None:
            return on(Period(f"XXXX-Q{number}", "quarter", None, None))
        candidates = [cal.quarter(y, number) for y in _three_years(ctx)]
        return on(period_around(ctx, candidates, direction(ctx), grace_days=92))
    words = QuarterWords.read(m)
    unit = m["unit"].lower()
    determiner = (m["the"] or "").lower()
    if unit == "half":
        return _half(ctx, words) if words.ordinal in (1, 2) else None
    specific = words.year or words.year_ago or words.anaphoric or words.ordinal
    if unit == "period" and not specific:
        return None  # "a period of calm"
    bare = determiner in ("a", "its", "their", "his", "her", "our") or not (determiner or m["pre"].strip())
    if bare and not (specific or words.step):
        return None  # "a quarter", "quarter"
    if ctx.dct is None and words.year is None:
        return on(Period(f"XXXX-Q{words.ordinal or 'X'}", "quarter", None, None))
    reported = ctx.mentioned.get("quarter")
    base = reported or (default_quarter(ctx) if ctx.dct else None)
    ended = QUARTER_ENDED.match(text_after(m, 24))
    if ended and not words.ordinal and not words.year and ctx.dct:
        # "the quarter ended July 31": the calendar quarter that most of those three months fall in.
        end = day_in_year(Context(ctx.dct, PAST), month_number(ended["mon"]), day_number(ended["day"]), None)
        if end:
            return on(cal.containing(end - timedelta(days=45), "quarter"))
    if words.ordinal:
        return _ordinal_quarter(ctx, words, base)
    if words.year is not None:
        if unit == "period" and reported is None:
            return on(cal.year(words.year))
        # "the 1988 quarter": the quarter being reported on, in another year.
        return on(cal.quarter(words.year, int(base.value[-1]) if base else 4), anchor="previous")
    assert base is not None and ctx.dct is not None
    if words.year_shift is not None:
        return on(cal.quarter(ctx.dct.year + words.year_shift, int(base.value[-1])))
    if words.year_ago:
        anchor = reported or (ctx.last if ctx.last and ctx.last.granularity in ("quarter", "year") else base)
        return on(cal.shift_years(anchor, -1), anchor="previous")
    if determiner == "that" and ctx.last and ctx.last.granularity == "quarter":
        return on(ctx.last, anchor="previous")
    if words.current_word:
        return on(cal.containing(ctx.dct, "quarter"))
    if words.step:
        if words.previous_word and reported:
            return on(cal.shift(reported, -1), anchor="previous")
        return on(cal.shift(cal.containing(ctx.dct, "quarter"), words.step))
    return on(base, anchor="previous" if reported else "dct")


def _ordinal_quarter(ctx: Context, words: QuarterWords, base: Period | None) -> Reading:
    """Resolve "the third quarter" with or without its year."""
    if words.year is not None:
        return on(cal.quarter(words.year, words.ordinal))
    assert ctx.dct is not None
    if words.year_shift is not None:
        return on(cal.quarter(ctx.dct.year + words.year_shift, words.ordinal))
    if words.year_ago and base and base.first:
        return on(cal.quarter(base.first.year - 1, words.ordinal), anchor="previous")
    candidates = [cal.quarter(y, words.ordinal) for y in _three_years(ctx)]
    return on(period_around(ctx, candidates, direction(ctx), grace_days=92))


def _half(ctx: Context, words: QuarterWords) -> Reading:
    """Resolve "the first half" or "the second half of 1998"."""
    if words.year is not None:
        return on(cal.half(words.year, words.ordinal))
    if ctx.dct is None:
        return on(Period(f"XXXX-H{words.ordinal}", "half", None, None))
    if words.year_shift is not None:
        return on(cal.half(ctx.dct.year + words.year_shift, words.ordinal))
    candidates = [cal.half(y, words.ordinal) for y in _three_years(ctx)]
    return on(period_around(ctx, candidates, direction(ctx), grace_days=92))


@rule(
    r"(?:(?P<the>the) )?(?:(?P<rel>current|last|next|previous|past|coming|new|same|latest|prior|this|that|"
    r"full) )?fiscal(?:\s*-\s*|\s+)year(?: (?P<year>{YEAR}))?",
    r"fiscal (?:year )?(?P<short>'?\d\d)(?!\d)",
    r"(?-i:FY) ?(?P<fy>(?:19|20)\d\d|\d\d)(?!\d)",
    keys=("fiscal", "fy") + NUM,
)
def fiscal_year(m: re.Match[str], ctx: Context) -> Reading | None:
    """Read a fiscal year as the calendar year it names ("fiscal 1989", "FY24", "the fiscal year")."""
    digits = group(m, "year") or group(m, "short") or group(m, "fy")
    if digits:
        number = int(digits.strip("'"))
        return on(cal.year(_two_digit_year(number, ctx) if number < 100 else number))
    if re.match(r"\s+(?:ended|ending|ends|through)\b", text_after(m)):
        return lasting("P1Y")  # "the fiscal year ended Jan. 31" is a span of a year
    if ctx.dct is None:
        return on(cal.underspecified("year"))
    rel = (m["rel"] or "").lower()
    if rel in ("last", "previous", "past", "prior"):
        return on(cal.year(ctx.dct.year - 1))
    if rel in ("next", "coming", "new"):
        return on(cal.year(ctx.dct.year + 1))
    return on(ctx.mentioned.get("year") or cal.year(ctx.dct.year))


HOLIDAYS = {
    "christmas day": (12, 25), "christmas eve": (12, 24), "christmas": (12, 25), "new year's day": (1, 1),
    "new year's eve": (12, 31), "halloween": (10, 31), "valentine's day": (2, 14),
    "independence day": (7, 4), "veterans day": (11, 11), "boxing day": (12, 26),
}


def _nth_weekday(year_no: int, month_no: int, weekday: int, n: int) -> date:
    """Return the n-th weekday of a month (n = -1 for the last one)."""
    if n > 0:
        first = date(year_no, month_no, 1)
        return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (n - 1))
    next_year, next_month = cal.add_months(year_no, month_no, 1)
    end = date(next_year, next_month, 1) - timedelta(days=1)
    return end - timedelta(days=(end.isoweekday() - weekday) % 7)


def _easter(year_no: int) -> date:
    """Return Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year_no % 19, year_no // 100, year_no % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m_ = (a + 11 * h + 19 * l_) // 433
    month_no = (h + l_ - 7 * m_ + 90) // 25
    return date(year_no, month_no, (h + l_ - 7 * m_ + 33 * month_no + 19) % 32)


def holiday_date(name: str, year_no: int) -> date:
    """Return the date of a named (US or Western) holiday in a year."""
    key = re.sub(r"\s+", " ", name.lower().replace("’", "'"))
    if key in HOLIDAYS:
        return date(year_no, *HOLIDAYS[key])
    if key.startswith("thanksgiving"):
        return _nth_weekday(year_no, 11, 4, 4)
    if key == "memorial day":
        return _nth_weekday(year_no, 5, 1, -1)
    if key == "labor day":
        return _nth_weekday(year_no, 9, 1, 1)
    if key == "good friday":
        return _easter(year_no) - timedelta(days=2)
    if key.startswith("easter"):
        return _easter(year_no)
    raise KeyError(name)


@rule(
    r"(?:(?P<rel>last|next|this) )?(?P<name>(?-i:Christmas(?: (?:Day|Eve))?|New Year['’]s (?:Day|Eve)|"
    r"Halloween|Valentine['’]s Day|Independence Day|Veterans Day|Boxing Day|Thanksgiving(?: Day)?|"
    r"Memorial Day|Labor Day|Easter(?: Sunday)?|Good Friday))(?:,? (?P<year>{YEAR}))?",
    keys=("christmas", "year", "halloween", "valentine", "independence", "veterans", "boxing", "thanksgiving",
          "memorial", "labor", "easter", "good"),
)
def holiday(m: re.Match[str], ctx: Context) -> Reading | None:
    """Read a fixed or computed holiday ("Thanksgiving Day", "Christmas Eve 1998", "last Easter")."""
    if m["year"]:
        return on(cal.day(holiday_date(m["name"], int(m["year"]))))
    if ctx.dct is None:
        return on(cal.underspecified("day"))
    rel = (m["rel"] or "").lower()
    if rel == "this":
        return on(cal.day(holiday_date(m["name"], ctx.dct.year)))
    candidates = [cal.day(holiday_date(m["name"], y)) for y in _three_years(ctx)]
    step = -1 if rel == "last" else 1 if rel == "next" else direction(ctx) or -1
    return on(period_around(ctx, candidates, step))


# --- relative to the publication date -----------------------------------------------------------------


@rule(
    r"(?:(?P<mod>early|late|earlier|later|mid)(?:\s*-\s*|\s+))?(?P<word>the day before yesterday|"
    r"the day after tomorrow|today|tonight|yesterday|tomorrow)(?: (?P<part>{PART}))?",
    r"(?:(?P<mod>early|late|mid)(?:\s*-\s*|\s+))?(?P<part>{PART}) (?P<word>yesterday|today|tomorrow)",
    keys=("today", "tonight", "yesterday", "tomorrow"),
)
def deictic_day(m: re.Match[str], ctx: Context) -> Reading | None:
    """Read today, yesterday, tomorrow, tonight, "yesterday morning", "late yesterday"."""
    word = re.sub(r"\s+", " ", m["word"].lower())
    offset = {"the day before yesterday": -2, "yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1,
              "the day after tomorrow": 2}[word]
    mod = mod_of(m["mod"])
    part = PARTS_OF_DAY.get((m["part"] or ("tonight" if word == "tonight" else "")).lower())
    if ctx.dct is None:
        return on(cal.underspecified("time" if part else "day"), mod, "TIME" if part else "DATE")
    d = ctx.dct + timedelta(days=offset)
    if part:
        return on(cal.part_of_day(d, part), mod, "TIME")
    return on(cal.day(d), mod)


@rule(
    r"the (?P<unit>day|week) (?P<dir>before|after)(?=\s*[,.;:!?)]|\s*$)",
    r"the week of (?P<mon>{MONTH}) (?P<day>{DAY})(?:,? (?P<year>{YEAR}))?",
    keys=("day", "week"),
)
def day_or_week_around(m: re.Match[str], ctx: Context) -> Reading | None:
    """Read "the day before" (the day before the one narrated) and "the week of June 10"."""
    if group(m, "mon"):
        month_no, day_no = month_number(m["mon"]), day_number(m["day"])
        if m["year"]:
            d = cal.safe_date(int(m["year"]), month_no, day_no)
        else:
            d = day_in_year(ctx, month_no, day_no, None) if ctx.dct else None
        return on(cal.week_of(d)) if d else on(cal.underspecified("week"))
    unit = m["unit"].lower()
    narrated = ctx.mentioned.get("day") if unit == "day" else ctx.mentioned.get("week")
    anchor = narrated or (cal.containing(ctx.dct, unit) if ctx.dct else None)
    if anchor is None:
        return on(cal.underspecified(unit))
    return on(cal.shift(anchor, -1 if m["dir"].lower() == "before" else 1), anchor="previous")


@rule(
    r"(?:(?P<mod>early|late|mid|later|earlier)(?:\s*-\s*|\s+))?(?P<rel>this|last|that|tomorrow|yesterday|"
    r"the next|the following|the previous|the same) (?P<part>{PART})",
    r"(?P<mod>early|late|mid)(?:\s*-\s*|\s+)(?P<part>morning|afternoon|evening)",
    r"(?<!\ban\x20)(?<!\bthe\x20)(?P<part>overnight)",
    keys=tuple(PARTS_OF_DAY),
)
def part_of_day_mention(m: re.Match[str], ctx: Context) -> Reading | None:
    """Read a part of a day ("this morning", "last night", "the next morning", "mid-afternoon")."""
    rel = re.sub(r"\s+", " ", (group(m, "rel") or "this").lower())
    part_word = m["part"].lower()
    mod = mod_of(group(m, "mod"))
    if ctx.dct is None:
        return on(cal.underspecified("time"), mod, "TIME")
    offset = {"last": -1, "yesterday": -1, "tomorrow": 1, "the next": 1, "the following": 1,
              "the previous": -1}.get(rel, 0)
    if part_word == "overnight":
        offset = -1 if direction(ctx) <= 0 else 0
    anchor = ctx.dct
    if rel.startswith(("that", "the ")) and ctx.last and ctx.last.granularity == "day" and ctx.last.first:
        anchor = ctx.last.first
    return on(cal.part_of_day(anchor + timedelta(days=offset), PARTS_OF_DAY[part_word]), mod, "TIME")


@rule(
    r"(?:(?P<mod>early|late|earlier|later|mid)(?:\s*-\s*|\s+))?"
    r"(?:(?P<rel>last|next|this past|this coming|this|past|coming) )?(?P<wd>{WEEKDAY})(?: (?P<part>{PART}))?",
    keys=WEEKDAY_KEYS,
)
def weekday_mention(m: re.Match[str], ctx: Context) -> Reading | None:
    """Read a weekday ("Tuesday", "last Friday", "Tuesday evening", "early Monday")."""
    weekday = weekday_number(m["wd"])
    part = PARTS_OF_DAY[m["part"].lower()] if m["part"] else None
    mod = mod_of(m["mod"])
    d = resolve_weekday(ctx, weekday, m["rel"])
    if d is None:
        value = f"XXXX-WXX-{weekday}" + (f"T{part}" if part else "")
        return Reading("TIME" if part else "DATE", value, "time" if part else "day", mod=mod)
    if part:
        return on(cal.part_of_day(d, part), mod, "TIME")
    return on(cal.day(d), mod)


def _clock_day(m: re.Match[str], ctx: Context) -> date | None:
    """Return the day a clock time falls on: the one it names, else the day being narrated, else the dct."""
    when = (group(m, "when") or "").strip()
    if not when:
        if ctx.last is not None and ctx.last.granularity == "day" and ctx.last.first:
            return ctx.last.first  # "he was shot at 10 p.m." in a story about that day
        return ctx.dct
    lowered = when.lower().rstrip(".")
    if lowered in ("today", "tonight", "yesterday", "tomorrow"):
        return ctx.dct + timedelta(days={"yesterday": -1, "tomorrow": 1}.get(lowered, 0)) if ctx.dct else None
    if lowered in WEEKDAYS:
        return resolve_weekday(ctx, weekday_number(when), None)
    parts = when.split()
    return day_in_year(ctx, month_number(parts[0]), day_number(parts[-1]), None) if ctx.dct else None


def _clock(m: re.Match[str], hour: int, minute: int, ctx: Context) -> Reading:
    """Build the TIME reading of a clock time."""
    mod = mod_of(group(m, "approx"))
    day_ = _clock_day(m, ctx)
    if day_ is None:
        return Reading("TIME", f"XXXX-XX-XXT{hour:02d}:{minute:02d}", "time", mod=mod)
    return on(cal.clock_time(day_, hour, minute), mod, "TIME")


CLOCK_WHEN = r"(?:,? (?:on )?(?P<when>{WEEKDAY}|today|tonight|yesterday|tomorrow|{MONTH} {DAY}))?"
ROUGHLY = r"(?:(?P<approx>about|around|approximately|roughly) )?"


@rule(
    ROUGHLY + r"(?P<h>1[0-2]|0?\d)(?:[:.](?P<min>[0-5]\d))? ?(?P<ampm>[ap]\.\s?m\.?|[ap]m)(?: (?P<tz>{TZ}))?"
    + CLOCK_WHEN,
    ROUGHLY + r"(?P<h>[01]?\d|2[0-3]):(?P<min>[0-5]\d) (?:(?P<tz>{TZ})|hours|hrs)" + CLOCK_WHEN,
    ROUGHLY + r"(?P<h>1[0-2]|[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) "
    r"(?:o'clock )?in the (?P<part>morning|afternoon|evening|night)",
    keys=NUM + ("morning", "afternoon", "evening", "night"),
)
def clock_time(m: re.Match[str], ctx: Context) -> Reading | None:
    """Read a clock time ("10:35 a.m.", "10 p.m. Wednesday", "5 p.m. EST Nov. 9", "4 in the morning")."""
    hour = int(m["h"]) if m["h"].isdigit() else int(parse_number(m["h"]) or 0)
    minute = int(group(m, "min") or 0)
    marker = (group(m, "ampm") or "").lower()
    part = (group(m, "part") or "").lower()
    afternoon = marker.startswith("p") or part in ("afternoon", "evening") or (part == "night" and hour >= 6)
    if afternoon and hour < 12:
        hour += 12
    if (marker.startswith("a") or part == "morning") and hour == 12:
        hour = 0
    return _clock(m, hour, minute, ctx)


@rule(
    r"(?P<word>noon|midnight|midday)" + CLOCK_WHEN,
    r"(?P<when>{WEEKDAY}) (?P<word>noon|midnight|midday)",
    keys=("noon", "midnight", "midday"),
)
def noon_or_midnight(m: re.Match[str], ctx: Context) -> Reading | None:
    """Read noon and midnight, with the day they fall on when given ("noon Thursday")."""
    return _clock(m, 24 if m["word"].lower() == "midnight" else 12, 0, ctx)


def _offset_granularity(unit: str, amount: float) -> str:
    """Return the granularity of "N units ago": the unit's own, except that weeks and hours give a day."""
    if unit in ("week", "fortnight", "day", "hour", "minute", "second"):
        return "day"
    if amount != int(amount) and unit == "year":
        return "month"
    return UNIT_GRANULARITY.get(unit, "day")


@rule(
    r"(?:(?P<approx>{APPROX}) )?(?P<num>{NUMBER}|{VAGUE}|a couple of|a couple|couple of|an|a)(?:\s*-\s*|\s+)"
    r"(?P<unit>{UNIT})(?P<orso> or so| or two| or more)? (?P<dir>ago|earlier|previously|from now|hence|back)",
    r"(?:(?P<approx>{APPROX}) )?(?P<unit>years|months|weeks|days|decades|centuries|hours|minutes|moments) "
    r"(?P<dir>ago|earlier|later)",
    keys=("ago", "earlier", "later", "previously", "back", "hence", "now"),
)
def relative_offset(m: re.Match[str], ctx: Context) -> Reading | None:
    """Read "two years ago", "a year earlier", "a week or so ago", "two weeks from now".

    "Three days later" and "a month after" are left to the duration rule: TimeML marks the span
    ("three days") and leaves "later" to the signal that relates it to an event.
    """
    unit = unit_name(m["unit"])
    direction_word = m["dir"].lower()
    sign = -1 if direction_word in ("ago", "earlier", "previously", "back") else 1
    amount = parse_number(m["num"]) if group(m, "num") else None
    mod = "APPROX" if mod_of(group(m, "approx")) or group(m, "orso") else None
    if amount is None or unit == "moment":
        return ref("PAST_REF" if sign < 0 else "FUTURE_REF")  # "years ago", "weeks later"
    if unit not in UNIT_DAYS and unit not in UNIT_MONTHS and unit not in ("hour", "minute", "second"):
        return None
    granularity = _offset_granularity(unit, amount)
    if ctx.dct is None:
        return on(cal.underspecified(granularity), mod)
    if unit == "year" and amount == int(amount):
        return _years_apart(ctx, sign * int(amount), mod)
    anchor, anchored_on = ctx.dct, "dct"
    narrated = ctx.last if ctx.last and ctx.last.granularity == "day" and ctx.last.first else None
    if direction_word == "earlier" and narrated and narrated.first:
        anchor, anchored_on = narrated.first, "previous"  # "two days earlier": before the day narrated
    target = moved(anchor, sign * amount, unit)
    if target is None:
        return None
    return on(cal.containing(target, granularity), mod, anchor=anchored_on)


def _years_apart(ctx: Context, years: int, mod: str | None) -> Reading:
    """Resolve "a year ago" or "two years earlier": a year, or in a quarterly report the year-ago quarter."""
    assert ctx.dct is not None
    reported = ctx.mentioned.get("quarter")
    # After "the nine months" the comparison is with the year before, not with a quarter.
    year_to_date = bool(ctx.last_value and re.fullmatch(r"P(?:[2-9]|1[01])M", ctx.last_value))
    if reported is not None and abs(years) == 1 and not year_to_date:
        # "net rose to $5 million from $4 million a year ago": the same quarter a year before.
        return on(cal.shift_years(reported, years), mod, anchor="previous")
    return on(cal.year(ctx.dct.year + years), mod)


@rule(
    r"(?P<word>year-ago|year-earlier)",
    keys=("ago", "earlier"),
)
def year_ago_adjective(m: re.Match[str], ctx: Context) -> Reading | None:
    """Read the adjectives "year-ago" and "year-earlier" ("year-earlier results")."""
    if ctx.dct is None:
        return on(cal.underspecified("year"))
    return _years_apart(ctx, -1, None)


DEICTIC_REL = (
    r"this past|this coming|this|last|next|the past|the last|the coming|the next|the previous|the following|"
    r"the current|the same|that|the prior|the preceding|the present|the latest|the recent|past|coming|"
    r"previous|following|recent|current|the full|the whole|the entire|the"
)
BACK_WORDS = ("last", "the last", "the past", "past", "the previous", "previous", "the prior",
              "the preceding", "the recent", "recent", "this past")
AHEAD_WORDS = ("next", "the next", "the coming", "coming", "this coming")
WHOLE_WORDS = ("the", "the full", "the whole", "the entire")
SAME_DAY_WORDS = ("that", "the same", "the previous", "the following", "the next", "the preceding",
                  "the prior")


@rule(
    MOD_PREFIX + r"(?P<rel>" + DEICTIC_REL + r") (?P<unit>week|weekend|month|year|decade|century|day)",
    r"(?:(?P<around>around|about) )?(?:the )?(?P<unit>year)(?:\s*-\s*|\s+|'s\s+)(?P<yearend>end)",
    keys=("week", "weekend", "month", "year", "decade", "century", "day", "end"),
)
def deictic_unit(m: re.Match[str], ctx: Context) -> Reading | None:
    """Read "last week", "this month", "next year", "the weekend", "earlier this year", "year-end"."""
    unit = m["unit"].lower()
    rel = re.sub(r"\s+", " ", (group(m, "rel") or "").lower()).strip()
    mod = mod_of(group(m, "mod"))
    if group(m, "yearend"):
        mod = "APPROX" if group(m, "around") else "END"
        return on(cal.year(ctx.dct.year), mod) if ctx.dct else on(cal.underspecified("year"), mod)
    if unit == "day" and rel not in SAME_DAY_WORDS:
        return None
    if rel in WHOLE_WORDS and unit in ("decade", "century", "day") and not mod:
        return None
    ended = re.match(r"\s+(?:ended|ending|ends|through|to)\b", text_after(m))
    if rel in WHOLE_WORDS and unit == "year" and ended:
        return lasting("P1Y")  # "the year ended Sept. 30" is a span of a year
    if ctx.dct is None:
        return on(cal.underspecified(unit), mod)
    if unit == "weekend":
        return on(_weekend(ctx, rel), mod)
    current = cal.containing(ctx.dct, unit)
    previous = ctx.mentioned.get(unit)
    if rel in ("this", "the current", "current", "the present") or rel in WHOLE_WORDS:
        return on(current, mod)
    if rel in BACK_WORDS or rel in AHEAD_WORDS:
        step = -1 if rel in BACK_WORDS else 1
        if unit == "day" and previous:
            return on(cal.shift(previous, step), mod, anchor="previous")
        return on(cal.shift(current, step), mod)
    if rel in ("the following", "following"):
        if previous:
            return on(cal.shift(previous, 1), mod, anchor="previous")
        return on(cal.shift(current, 1), mod)
    # "that year", "the same day", "the latest week": the period mentioned before.
    last = ctx.last
    finer = last is not None and GRANULARITY_RANK.get(last.granularity, 9) <= GRANULARITY_RANK[unit]
    if previous is None and last and last.first and finer:
        previous = cal.containing(last.first, unit)
    if previous is not None:
        return on(previous, mod, anchor="previous")
    if rel == "that" and unit != "day":
        return on(cal.underspecified(unit), mod, anchor="previous")
    return on(current, mod)


def _weekend(ctx: Context, rel: str) -> Period:
    """Return the weekend meant: the latest one by default, the coming one in a future-tense sentence."""
    assert ctx.dct is not None
    this_one = cal.weekend_of(ctx.dct)
    assert this_one.first is not None
    if rel in BACK_WORDS:
        return cal.shift(this_one, -1)
    if rel in AHEAD_WORDS or rel in ("the following", "following"):
        return cal.shift(this_one, 1)
    if rel == "this" or ctx.dct >= this_one.first or direction(ctx) > 0:
        return this_one
    return cal.shift(this_one, -1)


DURATION_REL = (
    r"past|last|next|first|final|coming|previous|following|remaining|initial|same|full|entire|whole|"
    r"additional|further|another|other|ensuing|preceding|succeeding|latest|recent"
)
DURATION_NUM = r"(?P<num>{NUMBER}|{VAGUE}|a couple of|a couple|couple of)(?:\s*-\s*|\s+)"
DURATION_MORE = r"(?:(?P<more>more|additional|full|straight|consecutive|long|further|extra|solid) )?"
DURATION_TAIL = r"(?P<unit>{UNIT})(?P<half> and a half)?(?P<sfx>-long|-old| old)?"
PREPOSITION_BEFORE = re.compile(
    r"\b(?:for|over|within|after|in|lasting|spanning|spent|took|take|takes|taken|during)\s+$", re.IGNORECASE
)
FRACTION_OF = re.compile(r"\s*of\s+(?:the|a|an|its|their|his|her|our|all|those|these|\d)", re.IGNORECASE)
VAGUE_AMOUNTS = ("a few", "few", "several", "some", "many", "a number of", "numerous", "dozens of",
                 "hundreds of", "a handful of")


@rule(
    r"(?:(?P<approx>{APPROX}) )?(?:(?P<det>a|an) )?" + DURATION_NUM + DURATION_MORE + DURATION_TAIL,
    r"(?P<det>the|its|their|his|her|this|that|these|those|each of the|an|a) (?:(?P<rel>" + DURATION_REL
    + r") )?" + DURATION_NUM + DURATION_MORE + DURATION_TAIL,
    r"(?:(?P<approx>{APPROX}) )?(?P<det>an|a|per) (?:(?P<rel>full|whole|entire|additional|further|single) )?"
    r"(?P<unit>second|minute|hour|day|week|weekend|fortnight|month|quarter|year|decade|century|millennium)"
    r"(?P<half> and a half)?(?P<sfx>-long|-old| old)?",
    r"(?P<bare>)(?P<unit>years|months|weeks|days|decades|centuries|hours|minutes)",
    r"(?P<num>\d+|{NUMBER})-(?P<unit>year|month|week|day|hour|minute)s?-(?P<sfx>old)",
    r"(?P<plural>)(?P<unit>decades|years|months|weeks|days|hours)-long",
    r"(?P<unit>decade|year|month|week|day|hour)-long",
    keys=UNIT_KEYS,
)
def duration(m: re.Match[str], ctx: Context) -> Reading | None:
    """Read a duration ("three years", "the past three months", "a couple of years", "two-year")."""
    unit = unit_name(m["unit"])
    num = group(m, "num")
    mod = mod_of(group(m, "approx"))
    if group(m, "plural") is not None:
        return lasting(duration_value(None, unit))  # "decades-long"
    if group(m, "bare") is not None:
        # A bare plural is a duration only after a preposition of duration: "for years", "over decades".
        return lasting(duration_value(None, unit)) if PREPOSITION_BEFORE.search(text_before(m, 12)) else None
    if unit == "quarter" and ("-" in m.group(0) or FRACTION_OF.match(text_after(m, 12))):
        return None  # "three-quarters of the vote", "a quarter of its sales" (but "two quarters of losses")
    if m["unit"].istitle() and not m.group(0)[:1].isupper():
        return None  # "60 Minutes", a title
    amount: float | None = 1.0
    if num is not None:
        amount = parse_number(num)
        if amount is None and num.lower().strip() not in VAGUE_AMOUNTS:
            return None
        if num.lower().startswith(("a couple", "couple")):
            mod = mod or "APPROX"
    if amount is not None and group(m, "half"):
        amount += 0.5
    det = (group(m, "det") or "").lower()
    if det == "per" or (det in ("a", "an") and num is None and _is_rate(m)):
        return every(duration_value(1, unit))
    if amount is None and num and num.lower() == "some" and not det:
        return None
    reading = lasting(duration_value(amount, unit), mod)
    if (group(m, "sfx") or "").lower().endswith("old"):
        return Reading(reading.type, reading.value, reading.granularity, mod=reading.mod, is_age=True)
    return reading


RATE_BEFORE = re.compile(
    r"(?:\b(?:once|twice|thrice|times)|(?:[\d%$£€]|\bpercent|\bcents?|\bdollars?)(?:\s+\S+){0,3}?)\s*$",
    re.IGNORECASE,
)


def _is_rate(m: re.Match[str]) -> bool:
    """Whether "a year" follows a quantity and is a rate ("50,000 CDs a year", "twice a day", "$5 a day")."""
    return not group(m, "approx") and bool(RATE_BEFORE.search(text_before(m, 32)))


# --- references without a calendar value -------------------------------------------------------------

PRESENT_WORDS = ("now", "current", "currently", "right now", "just now", "presently", "at present",
                 "nowadays", "these days", "the present", "today's world")
BALANCE_SHEET = re.compile(r"\s+(?:account|accounts|assets|liabilities|events)\b")
FUTURE_WORDS = ("the future", "the near future", "the foreseeable future", "the distant future",
                "the near term", "the short term", "the long term", "the longer term", "in future", "future")


@rule(
    r"(?P<word>right now|just now|now|currently|presently|at present|nowadays|these days|the present|"
    r"current|today's world)",
    r"(?P<word>recently|more recently|lately|the past|the recent past|in recent times)",
    r"(?P<word>the future|the near future|the foreseeable future|the distant future|the near term|"
    r"the short term|the long term|the longer term|in future|future)",
    keys=("now", "currently", "presently", "present", "nowadays", "days", "current", "recently", "lately",
          "past", "recent", "times", "future", "term"),
)
def reference_word(m: re.Match[str], ctx: Context) -> Reading | None:
    """Read "now", "currently", "recently", "the past", "the future" as PRESENT_REF, PAST_REF, FUTURE_REF."""
    word = re.sub(r"\s+", " ", m["word"].lower())
    if word in PRESENT_WORDS:
        if word == "current" and BALANCE_SHEET.match(text_after(m)):
            return None  # a balance-sheet term, not a time
        return ref("PRESENT_REF")
    if word == "future":
        time_before = re.search(r"\b(?:in|for|near|distant|foreseeable|the)\s*$", text_before(m, 12), re.I)
        if not time_before and not re.match(r"\s+(?:quarters|years|months|weeks)\b", text_after(m)):
            return None  # "future generations"
    return ref("FUTURE_REF" if word in FUTURE_WORDS else "PAST_REF")


@rule(
    r"(?:(?P<the>the) )?(?P<dir>coming|recent|past|last|next|previous|upcoming|future|following) "
    r"(?:(?P<vague>few|several|many) )?(?P<unit>days|weeks|months|years|decades|quarters)"
    r"(?: and (?:days|weeks|months|years))?",
    keys=("days", "weeks", "months", "years", "decades", "quarters"),
)
def vague_span(m: re.Match[str], ctx: Context) -> Reading | None:
    """Read "recent years", "the coming months", "the past few weeks" as PAST_REF or FUTURE_REF."""
    word = m["dir"].lower()
    if word in ("last", "next", "following", "previous") and not (m["the"] or m["vague"]):
        return None
    return ref("FUTURE_REF" if word in ("coming", "next", "upcoming", "future", "following") else "PAST_REF")


# --- sets ------------------------------------------------------------------------------------------------

SET_ADVERBS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y", "hourly": "PT1H",
               "nightly": "P1D", "biweekly": "P2W", "semiannually": "P6M", "semi-annually": "P6M",
               "bimonthly": "P2M"}


@rule(
    r"(?P<adv>daily|weekly|monthly|yearly|hourly|nightly|biweekly|semiannually|semi-annually|bimonthly)",
    r"(?P<q>every|each|once a|twice a|once every|once per|twice per|three times a) "
    r"(?:(?P<num>other|{NUMBER}) )?"
    r"(?P<unit>second|minute|hour|day|week|weekend|month|quarter|year|decade|century)s?",
    r"(?P<q>every|each) (?P<season>{SEASON})",
    r"(?P<q>every|each) (?P<mon>{MONTH_FULL})",
    r"(?:(?P<q>every|each) )?(?P<wd>{WEEKDAY})(?P<plural>s)?(?: (?P<part>{PART})s?)?",
    keys=tuple(SET_ADVERBS) + ("semi", "every", "each", "once", "twice", "three") + WEEKDAY_KEYS,
)
def set_mention(m: re.Match[str], ctx: Context) -> Reading | None:
    """Read a recurrence ("daily", "every day", "every Monday", "Tuesday nights", "each July")."""
    if group(m, "adv"):
        return every(SET_ADVERBS[m["adv"].lower()])
    if group(m, "wd"):
        if not (m["q"] or m["plural"]):
            return None
        part = f"T{PARTS_OF_DAY[m['part'].lower()]}" if m["part"] else ""
        return every(f"XXXX-WXX-{weekday_number(m['wd'])}{part}")
    if group(m, "mon"):
        return every(f"XXXX-{month_number(m['mon']):02d}")
    if group(m, "season"):
        return every(f"XXXX-{SEASONS[m['season'].lower()]}")
    num = group(m, "num")
    amount = 2.0 if num and num.lower() == "other" else parse_number(num) if num else 1.0
    return every(duration_value(amount, unit_name(m["unit"])))
