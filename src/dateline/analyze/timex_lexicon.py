"""Words of time expressions: months, weekdays, units, numbers, and the regex pieces built from them.

Patterns in ``timex_patterns`` are written as templates: ``{MONTH}`` stands for the regex fragment of that
name below and a literal space for a run of blanks (with at most one line break). Month and weekday
names are matched case-sensitively (``May``, not the modal ``may``) inside otherwise case-insensitive
patterns.
"""

from __future__ import annotations

import re
from functools import lru_cache

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {
    "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3, "wed": 3, "thursday": 4,
    "thu": 4, "thur": 4, "thurs": 4, "friday": 5, "fri": 5, "saturday": 6, "sat": 6, "sunday": 7, "sun": 7,
}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
                "overnight": "NI"}

# TIMEX3 duration letters; the time units go after a "T" (PT2H).
UNITS = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True), "day": ("D", False),
    "week": ("W", False), "weekend": ("WE", False), "fortnight": ("W", False), "month": ("M", False),
    "quarter": ("Q", False), "year": ("Y", False), "decade": ("DE", False), "century": ("CE", False),
    "millennium": ("L", False),
}
UNIT_GRANULARITY = {"day": "day", "week": "week", "weekend": "weekend", "fortnight": "week",
                    "month": "month", "quarter": "quarter", "year": "year", "decade": "decade",
                    "century": "century"}

ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "twenty-first": 21,
}
# Quantities that name no number: "several years" is PXY.
VAGUE_QUANTITIES = ("a few", "few", "several", "some", "many", "a number of", "numerous", "dozens of",
                    "hundreds of", "a handful of")


def _alternation(words: list[str]) -> str:
    """Return a regex alternation of words, longest first so that prefixes do not win."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _cased(words: list[str]) -> str:
    """Match capitalised or upper-case forms only, inside a case-insensitive pattern."""
    forms = [w.capitalize() for w in words] + [w.upper() for w in words]
    return f"(?-i:{_alternation(forms)})"


_FULL_MONTHS = [w for w, n in MONTHS.items() if len(w) > 3 and w != "sept"] + ["may"]
_ABBR_MONTHS = ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sept", "sep", "oct", "nov", "dec"]
_FULL_WEEKDAYS = [w for w in WEEKDAYS if w.endswith("day")]
_ABBR_WEEKDAYS = [w for w in WEEKDAYS if not w.endswith("day")]
_NUMBER_WORD = (
    f"(?:(?:{_alternation(list(TENS))})(?:[-\\s](?:{_alternation([w for w in ONES if ONES[w] < 10])}))?"
    f"|{_alternation(list(ONES))})"
)
_DIGIT_WORD = _alternation([w for w in ONES if 0 < ONES[w] < 10])
_UNDER_HUNDRED = (
    f"(?:(?:{_alternation(list(TENS))})(?:-(?:{_DIGIT_WORD}))?"
    f"|{_alternation([w for w in ONES if ONES[w] >= 10])}|{_DIGIT_WORD})"
)
_NUMBER_WORDS = f"{_NUMBER_WORD}(?:[-\\s](?:hundred|thousand)(?:[-\\s](?:and[-\\s])?{_NUMBER_WORD})?)?"

SPACE = r"(?:[ \t\u00a0]*\n[ \t\u00a0]*|[ \t\u00a0]+)"

FRAGMENTS = {
    "MONTH_FULL": _cased(_FULL_MONTHS),
    "MONTH": f"(?:{_cased(_FULL_MONTHS)}|{_cased(_ABBR_MONTHS)}\\.?)",
    "WEEKDAY": _cased(_FULL_WEEKDAYS),
    "WEEKDAY_ANY": f"(?:{_cased(_FULL_WEEKDAYS)}|{_cased(_ABBR_WEEKDAYS)}\\.?)",
    "DAY": (
        r"(?:(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)|(?:twenty|thirty)[-\s](?:first|second|third|fourth|"
        r"fifth|sixth|seventh|eighth|ninth)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
        r"eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|"
        r"twentieth|thirtieth)"
    ),
    "YEAR": r"(?:1[0-9]\d\d|20\d\d)(?!\d|,\d)",
    "YEAR_WORDS": (
        f"(?:nineteen|eighteen|seventeen|twenty)[-\\s](?:hundred(?:[-\\s](?:and[-\\s])?{_UNDER_HUNDRED})?"
        f"|oh[-\\s](?:{_alternation([w for w in ONES if 0 < ONES[w] < 10])})|{_UNDER_HUNDRED})"
        f"|two[-\\s]thousand(?:[-\\s](?:and[-\\s])?{_UNDER_HUNDRED})?"
    ),
    "NUMBER": (
        rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)(?:(?:[ \t]|-)?(?:1/2|½|and[ \t]a[ \t]half))?"
        rf"|{_NUMBER_WORDS}(?:[ \t]and[ \t]a[ \t]half)?"
    ),
    "VAGUE": _alternation(list(VAGUE_QUANTITIES)),
    "UNIT": (
        r"(?:second|minute|hour|day|week|weekend|fortnight|month|quarter|year|decade|millennium)s?"
        r"|centur(?:y|ies)|millennia"
    ),
    "UNIT_DATE": r"(?:day|week|weekend|month|quarter|year|decade|centur(?:y|ies))",
    "QUARTER_ORD": r"(?:first|second|third|fourth|final|last|1st|2nd|3rd|4th)",
    "ORDINAL": (
        r"(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
        r"eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|"
        r"nineteenth|twentieth|twenty-first)"
    ),
    "SEASON": r"(?:spring|summer|fall|autumn|winter)",
    "MOD": (
        r"(?:(?:the[ \t]+)?(?:end|beginning|start|middle|close|turn)[ \t]+of|early|late|mid|earlier|later)"
    ),
    "PART": r"(?:morning|afternoon|evening|night)",
    "TZ": r"(?:(?-i:[ECMP][SD]?T|GMT|UTC|BST|CES?T|EES?T|MSK|IST|JST|AES?T)|local[ \t]time)",
    "APPROX": r"(?:about|around|approximately|roughly|some|nearly|almost|more[ \t]than|less[ \t]than|"
              r"at[ \t]least|at[ \t]most|up[ \t]to|no[ \t]more[ \t]than|just[ \t]over|"
              r"just[ \t]under|well[ \t]over|close[ \t]to)",
}


@lru_cache(maxsize=256)
def compile_template(template: str) -> re.Pattern[str]:
    """Compile a pattern template: ``{NAME}`` fragments, a space for blanks, word boundaries around it."""
    # Blanks first: fragments use [ \t] where a line break must not occur.
    pattern = template.replace(" ", SPACE)
    pattern = re.sub(r"\{([A-Z_]+)\}", lambda m: f"(?:{FRAGMENTS[m.group(1)]})", pattern)
    return re.compile(rf"(?<![\w$£€.,/-])(?:{pattern})(?![\w/]|-\w)", re.IGNORECASE)


def month_number(word: str) -> int:
    """Return the month number of a month name or abbreviation ("Sept." is 9)."""
    return MONTHS[word.lower().rstrip(".")]


def weekday_number(word: str) -> int:
    """Return the ISO weekday number of a weekday name (Monday is 1)."""
    return WEEKDAYS[word.lower().rstrip(".").removesuffix("'s")]


def _words_to_int(text: str) -> int | None:
    """Parse a number written in words ("twenty four", "two thousand and one"), or None."""
    total, current = 0, 0
    for word in re.split(r"[-\s]+", text.lower()):
        if word in ("and", ""):
            continue
        if word in ONES:
            current += ONES[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word == "thousand":
            total += max(current, 1) * 1000
            current = 0
        else:
            return None
    return total + current


def parse_number(text: str) -> float | None:
    """Parse a quantity: digits, words, "a"/"an", halves ("2 1/2", "a minute and a half"); None if vague."""
    t = text.lower().strip()
    half = 0.0
    for marker in ("and a half", "1/2", "½"):
        if t.endswith(marker):
            t, half = t[: -len(marker)].strip(" -\t"), 0.5
            break
    if t in ("a", "an", "one", "a single", "single"):
        return 1 + half
    if t in ("a couple of", "a couple", "couple of"):
        return 2 + half
    if t in VAGUE_QUANTITIES:
        return None
    if t == "" and half:
        return half
    if re.fullmatch(r"[\d,]+(?:\.\d+)?", t):
        return float(t.replace(",", "")) + half
    value = _words_to_int(t)
    return None if value is None else value + half


def parse_year_words(text: str) -> int | None:
    """Parse a year written in words: "nineteen ninety-six", "two thousand", "twenty ten"."""
    words = [w for w in re.split(r"[-\s]+", text.lower()) if w and w != "and"]
    if not words:
        return None
    if words[:2] == ["two", "thousand"]:
        rest = _words_to_int(" ".join(words[2:])) if words[2:] else 0
        return None if rest is None else 2000 + rest
    century = _words_to_int(words[0])
    if century is None or not 10 <= century <= 20:
        return None
    tail = words[1:]
    if tail[:1] == ["hundred"]:
        rest = _words_to_int(" ".join(tail[1:])) if tail[1:] else 0
    elif tail[:1] == ["oh"]:
        rest = _words_to_int(" ".join(tail[1:]))
    else:
        rest = _words_to_int(" ".join(tail))
    if rest is None or rest >= 100:
        return None
    return century * 100 + rest


def parse_ordinal(text: str) -> int | None:
    """Parse an ordinal ("third", "3rd", "21st", "twenty-first"), or None."""
    t = re.sub(r"[-\s]+", "-", text.lower())
    if t in ORDINALS:
        return ORDINALS[t]
    if t == "thirtieth":
        return 30
    tens, _, unit = t.partition("-")
    if tens in ("twenty", "thirty") and unit in ORDINALS:
        return TENS[tens] + ORDINALS[unit]
    digits = re.match(r"\d+", t)
    return int(digits.group()) if digits else None


def unit_name(word: str) -> str:
    """Return the singular unit of a unit word ("centuries" is century, "millennia" millennium)."""
    w = word.lower()
    if w.startswith("centur"):
        return "century"
    if w.startswith("millenni"):
        return "millennium"
    return w[:-1] if w.endswith("s") else w


def duration_value(amount: float | None, unit: str) -> str:
    """Write a TIMEX3 duration: 3 months is P3M, 2.5 years P2Y6M, 1.5 minutes PT1M30S, vague PXY."""
    letter, is_time = UNITS[unit]
    prefix = "PT" if is_time else "P"
    if unit == "fortnight" and amount is not None:
        amount *= 2
    if unit == "weekend":
        return f"P{'X' if amount is None else int(amount)}WE"
    if amount is None:
        return f"{prefix}X{letter}"
    if unit in ("decade", "century"):
        # TimeBank writes "two decades" as P20Y.
        amount, letter = amount * (10 if unit == "decade" else 100), "Y"
    if amount == int(amount):
        return f"{prefix}{int(amount)}{letter}"
    whole, fraction = int(amount), amount - int(amount)
    smaller = {"year": (12, "M", False), "month": (30, "D", False), "week": (7, "D", False),
               "day": (24, "H", True), "hour": (60, "M", True), "minute": (60, "S", True)}
    if unit in smaller:
        factor, small_letter, small_is_time = smaller[unit]
        part = fraction * factor
        if part == int(part):
            head = f"{whole}{letter}" if whole else ""
            if small_is_time and not is_time:
                return f"P{head}T{int(part)}{small_letter}"
            return f"{prefix}{head}{int(part)}{small_letter}"
    return f"{prefix}{amount:g}{letter}"
