"""Read numbers as news text writes them: digits, spelled words, multipliers, currencies, units, hedges.

``scan_numbers`` works on the text alone: it finds each number with what is written around it
("nearly", "US$", "-billion", "%", "-kilometer", "of dollars") and normalises the value to base
units (USD/EUR/... for money, km, km2, kg, days). Which numbers are figures worth keeping and what
they refer to is decided over the parse, in ``figures``. One regex search per number plus a few
anchored matches around it: linear in the length of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

SMALL_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}  # fmt: skip
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# Abbreviations that only mean a multiplier next to a currency ("€2.5m", "$5bn"); elsewhere "m" is metres.
CURRENCY_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "tn": 1e12, "trn": 1e12}
PLAIN_SCALES = {"bn": 1e9, "mln": 1e6, "trn": 1e12}
ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
    "eightieth": 80, "ninetieth": 90, "hundredth": 100,
}  # fmt: skip
# "tens of billions": (low, high) as multiples of the scale word that follows, or of one.
MAGNITUDES = {
    "dozens": (24.0, 144.0), "tens": (10.0, 100.0), "hundreds": (100.0, 1000.0),
    "thousands": (1e3, 1e4), "millions": (1e6, 1e7), "billions": (1e9, 1e10), "trillions": (1e12, 1e13),
}  # fmt: skip

CURRENCY_SYMBOLS = {
    "us$": "USD", "u.s.$": "USD", "$": "USD", "a$": "AUD", "au$": "AUD", "c$": "CAD", "ca$": "CAD",
    "nz$": "NZD", "hk$": "HKD", "r$": "BRL", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₴": "UAH",
    "₽": "RUB", "usd": "USD", "eur": "EUR", "gbp": "GBP", "uah": "UAH", "rub": "RUB", "chf": "CHF",
    "jpy": "JPY", "cny": "CNY", "inr": "INR", "cad": "CAD", "aud": "AUD",
}  # fmt: skip
CURRENCY_WORDS = {
    "dollar": "USD", "euro": "EUR", "pound": "GBP", "sterling": "GBP", "yen": "JPY", "yuan": "CNY",
    "renminbi": "CNY", "ruble": "RUB", "rouble": "RUB", "hryvnia": "UAH", "rupee": "INR", "franc": "CHF",
}  # fmt: skip
DOLLAR_COUNTRIES = {
    "us": "USD", "u.s.": "USD", "american": "USD", "canadian": "CAD", "australian": "AUD",
    "hong kong": "HKD", "new zealand": "NZD", "singapore": "SGD", "taiwan": "TWD",
}  # fmt: skip

# Each measure: kind, base unit, and the factor from each written unit to the base unit.
MEASURES: dict[str, tuple[str, str, dict[str, float]]] = {
    "area": ("area", "km2", {
        "square kilometer": 1.0, "square kilometre": 1.0, "sq km": 1.0, "km2": 1.0, "km²": 1.0,
        "square mile": 2.589988, "sq mi": 2.589988, "square meter": 1e-6, "square metre": 1e-6,
        "hectare": 0.01, "acre": 0.004046856,
    }),
    "distance": ("distance", "km", {
        "kilometer": 1.0, "kilometre": 1.0, "km": 1.0, "mile": 1.609344, "mi": 1.609344,
        "nautical mile": 1.852, "meter": 1e-3, "metre": 1e-3, "foot": 3.048e-4, "feet": 3.048e-4,
        "ft": 3.048e-4, "yard": 9.144e-4,
    }),
    "weight": ("weight", "kg", {
        "kilogram": 1.0, "kilo": 1.0, "kg": 1.0, "tonne": 1e3, "metric ton": 1e3, "ton": 1e3,
        "pound": 0.45359237, "lb": 0.45359237, "gram": 1e-3,
    }),
    "duration": ("duration", "day", {
        "second": 1 / 86400, "minute": 1 / 1440, "hour": 1 / 24, "day": 1.0, "week": 7.0,
        "month": 30.4375, "year": 365.25, "decade": 3652.5, "century": 36525.0, "centurie": 36525.0,
    }),
}  # fmt: skip

# Capitalised only: lower-case "may" next to a number is the verb ("50 may have died").
MONTHS = (
    "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March|April|June|July|"
    "August|September|October|November|December"
)
APPROX_MARKERS = (
    "nearly", "almost", "about", "around", "roughly", "approximately", "some", "more than", "over",
    "at least", "less than", "fewer than", "under", "up to", "as many as", "as much as", "close to",
    "upwards of", "in excess of", "just over", "just under", "an estimated", "at most", "no more than",
    "well over", "barely",
)  # fmt: skip


def _alternation(words: Iterable[str]) -> str:
    """Join words into a regex alternation, longest first so "more than" wins over "more"."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def _trie_alternation(words: Iterable[str]) -> str:
    """Join words into a regex that shares their prefixes: much faster to search than a flat alternation."""
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(tree)


def _trie_pattern(node: dict[str, dict]) -> str:
    """Write one node of a word trie as a regex."""
    branches = [re.escape(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{body})?" if "" in node else body


_NUMBER_WORD = _alternation([*SMALL_NUMBERS, *TENS, *SCALES, "dozen"])
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
# Matched against the ASCII-lower-cased text (same offsets), since case-insensitive alternations are slow.
CORE_RE = re.compile(
    rf"""
    (?P<magnitude>\b(?:{_alternation(MAGNITUDES)})(?:\s+of\s+(?:thousands|millions|billions|trillions))?\b)
    | (?<![\w.,:/+\-#])(?P<digits>{_DIGITS})(?![\d]|[:/]\d)(?P<suffix>st|nd|rd|th)?
    | (?P<ordinal>\b(?:(?:{_alternation(TENS)})-)?(?:{_alternation(ORDINAL_WORDS)})\b)
    | (?P<spelled>(?:\b(?:a|an)\s+(?=(?:hundred|thousand|million|billion|trillion|dozen)\b))?
        \b(?:{_NUMBER_WORD})(?:(?:\s+and\s+|[\s-]+)(?:{_NUMBER_WORD}))*\b)
    """,
    re.VERBOSE,
)
# Where a number can start: a digit or a number word; CORE_RE is only tried there.
CANDIDATE_RE = re.compile(
    rf"\d|\b(?:{_trie_alternation([*MAGNITUDES, *ORDINAL_WORDS, *SMALL_NUMBERS, *TENS, *SCALES, 'dozen'])})\b"
)
ARTICLE_BEFORE_RE = re.compile(r"(?<![\w-])an?\s+$")
ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
APPROX_BEFORE_RE = re.compile(rf"(?<![\w-])({_alternation(APPROX_MARKERS)})\s+$", re.IGNORECASE)
CURRENCY_BEFORE_RE = re.compile(
    r"(?<![\w$])(US\$|U\.S\.\s?\$|AU\$|CA\$|NZ\$|HK\$|[ACR]\$|\$|€|£|¥|₹|₴|₽|"
    r"(?:USD|EUR|GBP|UAH|RUB|CHF|JPY|CNY|INR|CAD|AUD)\s?)\s?$"
)
RANGE_START_BEFORE_RE = re.compile(r"(?<![\w-])between\s+$", re.IGNORECASE)
FROM_BEFORE_RE = re.compile(r"(?<![\w-])from\s+$", re.IGNORECASE)
AGE_BEFORE_RE = re.compile(r"(?<![\w-])(?:aged|ages|age of)\s+$", re.IGNORECASE)
MONTH_BEFORE_RE = re.compile(rf"(?<![\w-])(?:{MONTHS})\.?\s+$")
MONTH_AFTER_RE = re.compile(rf"\s*(?:of\s+)?(?:{MONTHS})\b")
SCALE_AFTER_RE = re.compile(r"[\s-]*(hundred|thousand|million|billion|trillion)s?\b", re.IGNORECASE)
ABBREVIATED_SCALE_AFTER_RE = re.compile(r"\s?(k|mn|mln|m|bn|b|tn|trn)\b", re.IGNORECASE)
RANGE_AFTER_RE = re.compile(
    rf"\s*(?P<sep>-|–|—|to|and)\s*(?:US\$|\$|€|£)?(?P<high>{_DIGITS}|{_NUMBER_WORD})(?![\d,.]\d)",
    re.IGNORECASE,
)
TIME_AFTER_RE = re.compile(r"\s*(?:[ap]\.?m\.?(?!\w)|o['’]clock\b|gmt\b|utc\b)", re.IGNORECASE)
PERCENT_AFTER_RE = re.compile(r"\s?(?P<unit>%|per\s?cent\b|pct\b|percentage\s+points?\b)", re.IGNORECASE)
CURRENCY_WORD_AFTER_RE = re.compile(
    rf"""(?P<gap>[\s-]*(?:[”"’']\s*)?)(?P<of>of\s+)?
    (?:(?P<country>{_alternation(DOLLAR_COUNTRIES)})\s+)?
    (?P<word>{_alternation(CURRENCY_WORDS)})(?:e?s)?(?:\s+sterling)?\b""",
    re.IGNORECASE | re.VERBOSE,
)
CURRENCY_CODE_AFTER_RE = re.compile(r"\s(USD|EUR|GBP|UAH|RUB|CHF|JPY|CNY|INR|CAD|AUD)\b")
_UNIT_WORDS = {word: name for name, (_, _, table) in MEASURES.items() for word in table}
UNIT_AFTER_RE = re.compile(
    rf"(?:\s*-\s*|\s+|(?=[a-z²]))(?P<unit>{_alternation(_UNIT_WORDS)})(?:e?s)?(?![\w²])", re.IGNORECASE
)
# A duration followed by these is a point in time or an age, not an amount of time.
RELATIVE_AFTER_RE = re.compile(
    r"[\s-]*(?:old|ago|later|earlier|before|after|previously|prior|from\s+now)\b", re.IGNORECASE
)
PREPOSITION_HEDGES = frozenset({"over", "under"})
PHONE_RE = re.compile(r"(?:\+\d{1,3}[\s.-]?)?\(?\d{2,4}\)?[\s.-]\d{3,4}[\s.-]\d{3,5}\b")
SPACES_RE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class NumberMatch:
    """One number as written, with its surroundings, normalised to base units."""

    start: int
    end: int
    num_start: int
    """Where the number itself starts (after any hedge or currency sign), for finding its token."""
    num_end: int
    kind: str
    """money, percent, distance, area, weight, duration, ordinal or count."""
    value: float | None
    unit: str | None = None
    approx: str | None = None
    low: float | None = None
    high: float | None = None
    spelled: bool = False
    magnitude: bool = False
    year_like: bool = False
    dated: bool = False
    """Next to a month name ("May 14", "29th Nov"): part of a date, not a figure."""


@dataclass(slots=True)
class _Reading:
    """A number being read from left to right; becomes a NumberMatch when done."""

    start: int
    end: int
    num_start: int
    value: float | None
    low: float | None = None
    high: float | None = None
    approx: str | None = None
    unhedged_start: int = 0
    """Where the reading starts without its hedge, for hedges that turn out to be prepositions."""
    currency: str | None = None
    scaled: bool = False
    kind: str = "count"
    unit: str | None = None


def spelled_value(words: str) -> float | None:
    """Return the value of a spelled number ("two", "a dozen", "one hundred and fifty", "twenty-five")."""
    total = 0.0
    current = 0.0
    seen = False
    for word in re.split(r"[\s-]+", words.lower()):
        if word in ("and", ""):
            continue
        if word in ("a", "an"):
            current = 1.0
        elif word in SMALL_NUMBERS:
            current += SMALL_NUMBERS[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "hundred":
            current = max(current, 1.0) * 100
        elif word == "dozen":
            current = max(current, 1.0) * 12
        elif word in SCALES:
            total += max(current, 1.0) * SCALES[word]
            current = 0.0
        else:
            return None
        seen = True
    return total + current if seen else None


def ordinal_value(words: str) -> float | None:
    """Return the value of a spelled ordinal ("fourth", "twenty-first")."""
    parts = words.lower().split("-")
    value = ORDINAL_WORDS.get(parts[-1])
    if value is None:
        return None
    return float(value + sum(TENS.get(p, 0) for p in parts[:-1]))


def digits_value(digits: str) -> float:
    """Return the value of a number written in digits ("1,000", "1.4")."""
    return float(digits.replace(",", ""))


def magnitude_bounds(phrase: str) -> tuple[float, float, str]:
    """Return (low, high, marker) of an order of magnitude ("tens of billions" -> 1e10, 1e11, "tens of")."""
    words = SPACES_RE.split(phrase.lower())
    low, high = MAGNITUDES[words[0]]
    if len(words) == 3:
        scale = SCALES[words[2].rstrip("s")]
        return low * scale, high * scale, f"{words[0]} of"
    return low, high, words[0]


def _is_year(digits: str) -> bool:
    """Tell whether a bare integer reads as a year (1000 to 2100, four digits, no separators)."""
    return len(digits) == 4 and digits.isdigit() and 1000 <= int(digits) <= 2100


def _before(text: str, pos: int, width: int = 24) -> str:
    """Return the text just before ``pos`` for the end-anchored context patterns."""
    return text[max(0, pos - width) : pos]


def _in_phone_number(text: str, start: int, end: int) -> bool:
    """Tell whether a number is a group of a phone-number-like run of digits, which is never a figure."""
    window_start = max(0, start - 8)
    for phone in PHONE_RE.finditer(text[window_start : end + 16]):
        if (
            "," not in phone.group()
            and phone.start() + window_start < end
            and start < phone.end() + window_start
        ):
            return True
    return False


def _lower_same_offsets(text: str) -> str:
    """Lower-case the text without moving any offset (a few Unicode capitals lower to two characters)."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else text.translate(ASCII_LOWER)


def scan_numbers(text: str) -> list[NumberMatch]:
    """Find every number in ``text`` with its hedge, currency, multiplier and unit, in text order."""
    lowered = _lower_same_offsets(text)
    found: list[NumberMatch] = []
    pos = 0
    while True:
        candidate = CANDIDATE_RE.search(lowered, pos)
        if candidate is None:
            return found
        begin = candidate.start()
        article = ARTICLE_BEFORE_RE.search(_before(lowered, begin, 4))
        # "a billion", "a dozen": the article is part of the number, so read from it.
        core = (article and CORE_RE.match(lowered, begin - len(article.group()))) or CORE_RE.match(
            lowered, begin
        )
        if core is None:
            pos = candidate.end()
            continue
        match, pos = _read(text, core)
        if match is not None and not (
            match.kind == "count" and not match.spelled and _in_phone_number(text, match.start, match.end)
        ):
            found.append(match)


def _read(text: str, core: re.Match[str]) -> tuple[NumberMatch | None, int]:
    """Read one number around its core match; return it (or None) and where to continue."""
    if core.group("magnitude"):
        return _read_magnitude(text, core)
    if core.group("ordinal") or core.group("suffix"):
        return _read_ordinal(text, core)
    digits = core.group("digits") or ""
    if digits[:1] == "0" and digits[1:2].isdigit():
        return None, core.end()  # "07", "001": a numbering or a clock, not a quantity
    if digits:
        value: float | None = digits_value(digits)
    else:
        value = spelled_value(core.group("spelled"))
        if value is None:
            return None, core.end()
    reading = _Reading(start=core.start(), end=core.end(), num_start=core.start(), value=value)
    _read_left(text, reading)
    if AGE_BEFORE_RE.search(_before(text, reading.start)):
        return None, core.end()
    _read_scale(text, reading)
    if not _read_range(text, reading):
        return None, reading.end
    if TIME_AFTER_RE.match(text, reading.end):
        return None, reading.end
    if not _read_unit(text, reading):
        return None, reading.end
    if reading.end < len(text) and text[reading.end].isalnum():
        # "2020s", "5G", "3D": letters glued to the number make it a name, not a quantity.
        return None, reading.end
    year_like = reading.kind == "count" and not reading.scaled and reading.low is None and _is_year(digits)
    return (
        NumberMatch(
            start=reading.start,
            end=reading.end,
            num_start=reading.num_start,
            num_end=core.end(),
            kind=reading.kind,
            value=reading.value,
            unit=reading.unit,
            approx=reading.approx,
            low=reading.low,
            high=reading.high,
            spelled=not digits,
            year_like=year_like,
            dated=_next_to_month(text, core.start(), core.end()),
        ),
        reading.end,
    )


def _read_left(text: str, reading: _Reading) -> None:
    """Extend the reading left over a currency sign and a hedge ("more than US$")."""
    currency = CURRENCY_BEFORE_RE.search(_before(text, reading.start, 8))
    if currency:
        reading.currency = CURRENCY_SYMBOLS[SPACES_RE.sub("", currency.group(1)).lower()]
        reading.start -= len(currency.group(0))
        reading.kind = "money"
        reading.unit = reading.currency
    reading.unhedged_start = reading.start
    approx = APPROX_BEFORE_RE.search(_before(text, reading.start, 30))
    if approx:
        reading.approx = SPACES_RE.sub(" ", approx.group(1).lower())
        reading.start -= len(approx.group(0))


def _read_scale(text: str, reading: _Reading) -> None:
    """Extend the reading over a multiplier ("-billion", " million", "bn", "m" after a currency)."""
    if reading.value is None:
        return
    scale = SCALE_AFTER_RE.match(text, reading.end)
    if scale:
        reading.value *= SCALES[scale.group(1).lower()]
        reading.end = scale.end()
        reading.scaled = True
        return
    short = ABBREVIATED_SCALE_AFTER_RE.match(text, reading.end)
    if short:
        table = CURRENCY_SCALES if reading.currency else PLAIN_SCALES
        factor = table.get(short.group(1).lower())
        if factor is not None:
            reading.value *= factor
            reading.end = short.end()
            reading.scaled = True


def _read_range(text: str, reading: _Reading) -> bool:
    """Extend the reading over the upper end of a range ("5-7", "two to three", "between 5 and 7").

    Return False when the text is a pair of numbers that is not a range (a score like "3-2").
    """
    if reading.value is None:
        return True
    rng = RANGE_AFTER_RE.match(text, reading.end)
    if rng is None or FROM_BEFORE_RE.search(_before(text, reading.start)):
        return True
    sep = rng.group("sep").lower()
    between = RANGE_START_BEFORE_RE.search(_before(text, reading.start))
    if sep == "and" and between is None:
        return True
    high_text = rng.group("high")
    high = digits_value(high_text) if high_text[0].isdigit() else spelled_value(high_text)
    if high is None:
        return True
    end = rng.end()
    scale = SCALE_AFTER_RE.match(text, end)
    if scale:
        high *= SCALES[scale.group(1).lower()]
        end = scale.end()
        if not reading.scaled:
            reading.value *= SCALES[scale.group(1).lower()]
            reading.scaled = True
    if high <= reading.value:
        return sep not in ("-", "–", "—")
    reading.low, reading.high, reading.value = reading.value, high, None
    reading.end = end
    if between is not None:
        reading.start -= len(between.group(0))
    return True


def _read_unit(text: str, reading: _Reading) -> bool:
    """Extend the reading over its unit and set kind and base value; False for a time or an age."""
    percent = PERCENT_AFTER_RE.match(text, reading.end)
    if percent and reading.currency is None:
        unit = percent.group("unit").lower()
        reading.kind = "percent"
        reading.unit = "percentage point" if unit.startswith("percentage") else "percent"
        reading.end = percent.end()
        return True
    if _read_currency_word(text, reading):
        return True
    if reading.currency is not None:
        return True
    measure = UNIT_AFTER_RE.match(text, reading.end)
    if measure is None:
        return True
    written = SPACES_RE.sub(" ", measure.group("unit").lower())
    kind, base, table = MEASURES[_UNIT_WORDS[written]]
    if kind == "duration" and RELATIVE_AFTER_RE.match(text, measure.end()):
        return False
    if kind == "duration" and reading.approx in PREPOSITION_HEDGES:
        reading.approx, reading.start = None, reading.unhedged_start  # "over three years" is a period
    reading.kind = kind
    reading.unit = base
    reading.end = measure.end()
    factor = table[written]
    reading.value = None if reading.value is None else reading.value * factor
    reading.low = None if reading.low is None else reading.low * factor
    reading.high = None if reading.high is None else reading.high * factor
    return True


def _read_currency_word(text: str, reading: _Reading) -> bool:
    """Extend the reading over a currency written after the number ("5 million dollars", "of euros")."""
    word = CURRENCY_WORD_AFTER_RE.match(text, reading.end)
    if word and (word.group("of") or word.group("gap").strip(" -")) and not reading.scaled:
        word = None  # "of dollars" and a quote before it only follow a multiplier: "billions” of dollars"
    if word:
        name = word.group("word").lower()
        if name == "pound" and not reading.scaled and reading.currency is None:
            return False  # "300 pounds" without a multiplier is a weight; the unit reader takes it
        country = word.group("country")
        currency = CURRENCY_WORDS[name]
        if name == "dollar" and country:
            currency = DOLLAR_COUNTRIES[SPACES_RE.sub(" ", country.lower())]
        reading.currency = reading.currency or currency
    else:
        code = CURRENCY_CODE_AFTER_RE.match(text, reading.end)
        if code is None or reading.currency is not None:
            return False
        reading.currency = CURRENCY_SYMBOLS[code.group(1).lower()]
        word = code
    reading.kind = "money"
    reading.unit = reading.currency
    reading.end = word.end()
    return True


def _read_magnitude(text: str, core: re.Match[str]) -> tuple[NumberMatch | None, int]:
    """Read an order of magnitude ("tens of billions” of dollars", "thousands"), a range with no value."""
    low, high, marker = magnitude_bounds(core.group("magnitude"))
    reading = _Reading(start=core.start(), end=core.end(), num_start=core.start(), value=None)
    _read_left(text, reading)
    reading.scaled = True
    reading.low, reading.high = low, high
    reading.approx = reading.approx or marker
    _read_currency_word(text, reading)
    return (
        NumberMatch(
            start=reading.start,
            end=reading.end,
            num_start=core.start(),
            num_end=core.end(),
            kind=reading.kind,
            value=None,
            unit=reading.unit,
            approx=reading.approx,
            low=low,
            high=high,
            spelled=True,
            magnitude=True,
        ),
        reading.end,
    )


def _read_ordinal(text: str, core: re.Match[str]) -> tuple[NumberMatch | None, int]:
    """Read an ordinal ("fourth", "13th"); the caller decides if it ranks something or dates it."""
    if core.group("digits"):
        value: float | None = digits_value(core.group("digits"))
        spelled = False
    else:
        value = ordinal_value(core.group("ordinal"))
        spelled = True
    if value is None or (core.end() < len(text) and text[core.end()].isalnum()):
        return None, core.end()
    return (
        NumberMatch(
            start=core.start(),
            end=core.end(),
            num_start=core.start(),
            num_end=core.end(),
            kind="ordinal",
            value=value,
            spelled=spelled,
            dated=_next_to_month(text, core.start(), core.end()),
        ),
        core.end(),
    )


def _next_to_month(text: str, start: int, end: int) -> bool:
    """Tell whether a number sits next to a month name ("May 14", "29th Nov", "the 14th of May")."""
    return bool(MONTH_BEFORE_RE.search(_before(text, start, 12)) or MONTH_AFTER_RE.match(text, end))
