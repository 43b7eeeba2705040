"""Time expressions in an article, found and resolved to calendar values against its publication date.

``find_timexes`` tries the rule patterns of ``timex_patterns`` near their key words in the text of a
parsed ``Doc``, keeps the longest non-overlapping matches, trims them to TimeML's extent, and resolves
them in reading order so that "a year earlier" or "the quarter" can refer to what was mentioned
before. spaCy's DATE/TIME entities are a second source: one the rules did not read is kept when
dateparser finds a full date in it. Which way "Friday" or "September" points from the publication
date is decided by the tense of the governing verb, read from the same parse (``timex_tense``).

Cost: a few milliseconds per article (about 3 % of the spaCy parse it follows): one keyword scan, each
pattern tried only in windows around its key words, dateparser only on leftover entities, cached.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import dateparser
import numpy
from spacy.attrs import ENT_IOB, ENT_TYPE, IDX, LENGTH, LOWER, SHAPE
from spacy.strings import StringStore
from spacy.tokens import Doc

from dateline.analyze import timex_calendar as cal
from dateline.analyze import timex_patterns  # noqa: F401  (importing it registers the rules)
from dateline.analyze.timex_rules import RULES, Context, Reading, Rule, on
from dateline.analyze.timex_tense import FUTURE, NO_TENSE, PAST, PRESENT, tense_at
from dateline.model import TimeRef

KEY_WORDS = frozenset(k for r in RULES for k in r.keys)
# Every match lies within this many characters of one of its rule's key words.
REACH = 90
ADJECTIVE_UNIT = re.compile(
    r"(?:-(?:quarter|year|month|week|day|hour|minute|decade)(?:s?-(?:old|long))?|(?:\d|\b(?:two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|twelve|\w+teen|\w+ty)(?:[- ]\w+)?)\s+(?:year|month|week|day|hour|minute))$",
    re.IGNORECASE,
)
DETERMINER = re.compile(r"(?:a|an|the|its|their|his|her|our|that|this)\s+", re.IGNORECASE)
WEEKDAY_MODIFIER = re.compile(
    r"(?:earlier|later|early|late)\s+(?=(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))",
    re.IGNORECASE,
)
ROUGHLY = re.compile(r"(?:about|around|approximately|roughly)\s+(?!.*\bago$)", re.IGNORECASE)
SENTENCE_FOLLOWS = re.compile(r"[ \t]*(?:\n|$|[A-Z\"'`(])")
YEAR_DIGITS = re.compile(r"\b(?:1\d|20)\d\d\b")
DATEPARSER_SETTINGS = {"STRICT_PARSING": True, "REQUIRE_PARTS": ["year", "month", "day"]}


@dataclass(frozen=True, slots=True)
class Candidate:
    """One pattern match before overlaps are settled."""

    start: int
    end: int
    rule_index: int
    match: re.Match[str]


class TokenIndex:
    """Map character offsets of a Doc to token indices by bisection over the token offsets."""

    __slots__ = ("starts",)

    def __init__(self, doc: Doc) -> None:
        self.starts: list[int] = list(map(int, doc.to_array([IDX]).reshape(-1))) if len(doc) else []

    def at(self, offset: int) -> int:
        """Return the index of the token that contains (or precedes) a character offset."""
        return max(bisect_right(self.starts, offset) - 1, 0)


@lru_cache(maxsize=8)
def _key_hashes(strings: StringStore) -> dict[int, str]:
    """Map the string hashes of the key words (and of "Sept."-style abbreviations) to the key."""
    hashes = {strings[key]: key for key in KEY_WORDS if key != "<num>"}
    hashes.update({strings[f"{key}."]: key for key in KEY_WORDS if key != "<num>"})
    return hashes


def key_positions(doc: Doc) -> dict[str, list[int]]:
    """Return where the rule key words occur, from the token arrays (tokens with a digit: ``<num>``)."""
    if not len(doc):
        return {}
    strings = doc.vocab.strings
    key_of = _key_hashes(strings)
    rows = doc.to_array([LOWER, SHAPE, IDX])
    shapes = numpy.unique(rows[:, 1])
    digit_shapes = [shape for shape in shapes.tolist() if "d" in strings[shape]]
    mask = numpy.isin(rows[:, 0], list(key_of)) | numpy.isin(rows[:, 1], digit_shapes)
    positions: dict[str, list[int]] = {}
    for lower, _shape, start in rows[mask].tolist():
        positions.setdefault(key_of.get(lower, "<num>"), []).append(start)
    return positions


def _windows(text: str, starts: list[int]) -> list[tuple[int, int]]:
    """Return merged stretches of text around key word positions, each ending on a blank."""
    spans: list[tuple[int, int]] = []
    for position in sorted(starts):
        start = max(position - REACH, 0)
        # A window must not end inside a word: the pattern would see a word boundary there.
        end = text.find(" ", min(position + REACH, len(text)))
        end = len(text) if end < 0 else end
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


def _candidates(doc: Doc, text: str, rules: list[Rule]) -> list[Candidate]:
    """Run each pattern near its key words and return every match."""
    positions = key_positions(doc)
    found: list[Candidate] = []
    for index, rule in enumerate(rules):
        starts = [p for key in rule.keys if key in positions for p in positions[key]]
        for start, end in _windows(text, starts):
            for m in rule.pattern.finditer(text, start, end):
                if m.end() > m.start():
                    found.append(Candidate(m.start(), m.end(), index, m))
    return found


def _select(candidates: list[Candidate], accept: Callable[[Candidate], bool]) -> list[Candidate]:
    """Keep the longest non-overlapping matches that their handler accepts, in text order."""
    starts: list[int] = []
    taken: list[Candidate] = []  # kept sorted by start, so an overlap is with a neighbour
    for cand in sorted(candidates, key=lambda c: (c.start - c.end, c.rule_index, c.start)):
        i = bisect_left(starts, cand.start)
        if i < len(taken) and taken[i].start < cand.end:
            continue
        if i > 0 and taken[i - 1].end > cand.start:
            continue
        if accept(cand):
            starts.insert(i, cand.start)
            taken.insert(i, cand)
    return taken


def trim_span(text: str, start: int, end: int, reading: Reading) -> tuple[int, int]:
    """Trim a match to TimeML's extent: no article before an adjective ("a [two-year] plan").

    Also left out: "earlier"/"late" before a weekday and "about" before a duration or clock time (the
    meaning stays in ``mod``), and the full stop after "p.m." that also ends the sentence.
    """
    span = text[start:end]
    prefix = (
        (DETERMINER.match(span) if ADJECTIVE_UNIT.search(span) else None)
        or WEEKDAY_MODIFIER.match(span)
        or (ROUGHLY.match(span) if reading.type in ("DURATION", "TIME") else None)
    )
    cut = prefix.end() if prefix else 0
    if span.endswith("m.") and SENTENCE_FOLLOWS.match(text[end: end + 3]):
        end -= 1
    return start + cut, end


def _time_ref(article_id: str, text: str, start: int, end: int, reading: Reading) -> TimeRef:
    """Build the shared TimeRef record from a reading."""
    return TimeRef(
        article_id=article_id,
        start=start,
        end=end,
        text=text[start:end],
        type=reading.type,
        value=reading.value,
        granularity=reading.granularity,
        first_day=reading.first.isoformat() if reading.first else None,
        last_day=reading.last.isoformat() if reading.last else None,
        mod=reading.mod,
        anchor=reading.anchor,
    )


def find_timexes(doc: Doc, dct: date | None, article_id: str = "", *, ages: bool = False) -> list[TimeRef]:
    """Find and resolve every time expression of a parsed document against its publication date.

    Ages ("a 34-year-old", "34 years old") are left out unless ``ages`` is set: they are durations in
    TimeML, but not times of the story (and TimeBank does not annotate them).
    """
    text = doc.text
    tokens = TokenIndex(doc)
    tenses: dict[int, str] = {}

    def tense_of(offset: int) -> str:
        index = tokens.at(offset)
        if index not in tenses:
            tenses[index] = tense_at(doc, index) if len(doc) else NO_TENSE
        return tenses[index]

    probe = Context(dct)

    def accept(cand: Candidate) -> bool:
        probe.tense = tense_of(cand.start)
        reading = RULES[cand.rule_index].handler(cand.match, probe)
        return reading is not None and (ages or not reading.is_age)

    chosen = _select(_candidates(doc, text, RULES), accept)
    context = Context(dct)
    results: list[TimeRef] = []
    for cand in chosen:
        context.tense = tense_of(cand.start)
        reading = RULES[cand.rule_index].handler(cand.match, context)
        if reading is None:
            continue
        context.remember(reading)
        start, end = trim_span(text, cand.start, cand.end, reading)
        results.append(_time_ref(article_id, text, start, end, reading))
    covered = [(c.start, c.end) for c in chosen]
    for start, end, reading in _entity_readings(doc, text, covered):
        results.append(_time_ref(article_id, text, start, end, reading))
    return sorted(results, key=lambda r: r.start)


def _entity_spans(doc: Doc) -> list[tuple[int, int]]:
    """Return the character spans of spaCy's DATE and TIME entities, read from the token arrays."""
    if not len(doc):
        return []
    rows = doc.to_array([ENT_IOB, ENT_TYPE, IDX, LENGTH])
    rows = rows[numpy.isin(rows[:, 1], [doc.vocab.strings["DATE"], doc.vocab.strings["TIME"]])]
    spans: list[tuple[int, int]] = []
    for iob, _label, start, length in rows.tolist():
        if iob == 2:
            continue
        if iob == 3 or not spans:  # B: an entity begins
            spans.append((start, start + length))
        else:
            spans[-1] = (spans[-1][0], start + length)
    return spans


def _entity_readings(doc: Doc, text: str, covered: list[tuple[int, int]]) -> list[tuple[int, int, Reading]]:
    """Read spaCy DATE/TIME entities the rules missed, when dateparser finds a full date in them."""
    found: list[tuple[int, int, Reading]] = []
    covered_starts = [s for s, _ in covered]
    for start, end in _entity_spans(doc):
        i = bisect_left(covered_starts, end)  # the rule matches that start before this entity ends
        if i and covered[i - 1][1] > start:
            continue
        reading = absolute_reading(text[start:end])
        if reading is not None:
            found.append((start, end, reading))
    return found


@lru_cache(maxsize=4096)
def absolute_reading(text: str) -> Reading | None:
    """Parse a date that names its day, month and year with dateparser, or return None."""
    if not YEAR_DIGITS.search(text):
        return None
    parsed = dateparser.parse(text, languages=["en"], settings=DATEPARSER_SETTINGS)
    return on(cal.day(parsed.date())) if parsed else None


def read(text: str, dct: date | None, tense: str = PAST) -> Reading:
    """Read one time expression given on its own (the longest rule match); raise ValueError if none."""
    context = Context(dct, tense if tense in (PAST, FUTURE, PRESENT) else NO_TENSE)
    best: tuple[int, int, Reading] | None = None
    for index, rule in enumerate(RULES):
        for m in rule.pattern.finditer(text):
            reading = rule.handler(m, context)
            if reading is not None and (best is None or (m.start() - m.end(), index) < best[:2]):
                best = (m.start() - m.end(), index, reading)
    if best is None:
        reading = absolute_reading(text.strip())
        if reading is None:
            raise ValueError(f"no time expression found in {text!r}")
        return reading
    return best[2]


def resolve(text: str, dct: date, tense: str = PAST) -> tuple[str, str, str | None, str | None]:
    """Resolve one time expression against a publication date: (value, granularity, first_day, last_day).

    ``tense`` is that of the sentence it stands in: "past", "future" or "present" ("Friday" is the
    latest Friday on or before ``dct`` in the past tense, the next one in the future tense).
    """
    reading = read(text, dct, tense)
    first = reading.first.isoformat() if reading.first else None
    last = reading.last.isoformat() if reading.last else None
    return reading.value, reading.granularity, first, last
