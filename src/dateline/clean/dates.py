"""Publication dates read from article text: every complete date, its line, its label, and a confidence.

Only complete day-month-year dates count ("in February 2022" and "on Monday" are never a publication
date). A date is trusted for its place, not its shape: labelled lines ("Published ...") and agency
datelines first, then a line that is only a date, then "Updated" lines; dates in body prose are never
taken. Parsing is done from the regex groups where they settle the date and with ``dateparser``
(absolute parsers only, a fixed 1900 relative base, so it can never answer "now") for the rest.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Any

import dateparser

from dateline.model import FieldValue

HEADER_LINES = 10
"""Non-empty lines at the top of a page where a masthead, byline and date sit."""

HS = r"[^\S\n]"
MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
YEAR = r"(?:19|20)\d{2}"
DAY = r"(?:3[01]|[12]\d|0?[1-9])"
ORDINAL = r"(?:st|nd|rd|th)?"
TIME = r"\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?"

DATE_PATTERN = re.compile(
    rf"""(?<![\w-])(?:
        (?P<iso_y>{YEAR})(?P<iso_sep>[-/.])(?P<iso_m>1[0-2]|0?[1-9])(?P=iso_sep)(?P<iso_d>{DAY})
            (?:(?:T|{HS}){TIME}(?:{HS}?(?:Z|[+-]\d{{2}}:?\d{{2}}|UTC|GMT))?)?
      | (?P<mdy_w>{WEEKDAY},?{HS}+)?(?P<mdy_m>{MONTHS})\.?{HS}+(?P<mdy_d>{DAY}){ORDINAL},?{HS}+
            (?P<mdy_y>{YEAR})
      | (?P<dmy_w>{WEEKDAY},?{HS}+)?(?P<dmy_d>{DAY}){ORDINAL}(?:{HS}+of)?(?:{HS}+|-)(?P<dmy_m>{MONTHS})\.?,?
            (?:{HS}+|-)(?P<dmy_y>{YEAR})
      | (?P<num_a>{DAY})(?P<num_sep>[/.])(?P<num_b>{DAY})(?P=num_sep)(?P<num_y>{YEAR})
    )(?![\w-])""",
    re.IGNORECASE | re.VERBOSE,
)
"""Every complete date shape: ISO (with time), Month D YYYY, D Month YYYY (weekday optional), d/m/y."""

PUBLISHED_LABEL = re.compile(
    r"\b(?:first[ -]published|published|posted|publication[ -]date|date[ -]published|dated|date|released|"
    r"issued|created)(?:\s+(?:on|at))?\s*[:：|\-–—]?\s*$",
    re.IGNORECASE,
)
UPDATED_LABEL = re.compile(
    r"\b(?:last[ -]updated|updated|last[ -]modified|modified|edited|revised)"
    r"(?:\s+(?:on|at))?\s*[:：|\-–—]?\s*$",
    re.IGNORECASE,
)
DATELINE_OPEN = re.compile(r"\([^()\n]*[-–—]\s*$")
DATELINE_CLOSE = re.compile(r"^\s*\)")
YEAR_HINT = re.compile(rf"(?<!\d){YEAR}(?!\d)")
YEAR_WINDOW = 48
LEFTOVER = re.compile(
    rf"{TIME}(?:{HS}*[ap]\.?m\.?)?(?:{HS}*\(?[A-Z]{{2,4}}\)?)?|\b(?:at|on)\b|[|,•·:/()\[\]\-–—]",
    re.IGNORECASE,
)

CLOCK = r"\d{1,2}(?::\d{2}(?:\s*[ap]\.?m\.?)?|[:.]\d{2}\s*(?:[ap]\.?m\.?|GMT|BST|UTC|[ECMP][SD]T|CES?T))"
CLOCK_BEFORE = re.compile(rf"\b{CLOCK}(?:\s+[A-Z]{{2,3}}\s+time)?[\s,|]*(?:{WEEKDAY}[\s,]*)?$", re.IGNORECASE)
CLOCK_AFTER = re.compile(rf"^[\s,|]*(?:at\s+)?{CLOCK}\b", re.IGNORECASE)
CLOCK_REACH = 40
"""A clock time right beside a date ("26 May 2009 11.25 BST") marks a timestamp, even inside a long line."""
SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s*$")
INLINE_MAX_WORDS = 5
CONTEXT_CHARS = 120
LABEL_REACH = 80
"""A label further into a line than this is prose ("a report published on ..."), not a dateline label."""
PROSE_CHARS = 200
PROSE_WORDS = 30

MONTH_NUMBERS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAY_NUMBERS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}

DATEPARSER_SETTINGS: dict[str, Any] = {
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PARSERS": ["custom-formats", "absolute-time"],
    "STRICT_PARSING": True,
    # A fixed, implausible base: were anything read as relative, it would land in 1900 and be rejected.
    "RELATIVE_BASE": datetime(1900, 1, 1),
}
MIN_YEAR = 1950

# kind -> (priority in the header, priority elsewhere, confidence in the header, confidence elsewhere)
KINDS: dict[str, tuple[int, int, float, float]] = {
    "published": (0, 0, 0.95, 0.85),
    "dateline": (1, 1, 0.9, 0.85),
    "standalone": (1, 3, 0.9, 0.5),
    "updated": (2, 2, 0.8, 0.7),
    "timestamped": (2, 9, 0.75, 0.0),
    "inline": (3, 9, 0.6, 0.0),
}
AMBIGUITY_PENALTY = 0.15
DISAGREEMENT_PENALTY = 0.2
NOT_FOUND = "not found in text"


@dataclass(frozen=True, slots=True)
class TextLines:
    """The lines of a raw text with their offsets and their rank among non-empty lines."""

    lines: list[str]
    starts: list[int]
    ranks: list[int]
    """Rank of each line among the non-empty lines (0 for the first), -1 for a blank line."""
    nonempty: int

    @classmethod
    def from_text(cls, text: str) -> TextLines:
        """Split a text on newlines, keeping where each line starts."""
        lines = text.split("\n")
        starts: list[int] = []
        ranks: list[int] = []
        offset = rank = 0
        for line in lines:
            starts.append(offset)
            offset += len(line) + 1
            if line.strip():
                ranks.append(rank)
                rank += 1
            else:
                ranks.append(-1)
        return cls([line.rstrip("\r") for line in lines], starts, ranks, rank)

    def index_at(self, offset: int) -> int:
        """Return the 0-based index of the line holding a character offset."""
        return bisect.bisect_right(self.starts, offset) - 1

    def in_header(self, index: int) -> bool:
        """Tell whether a line sits in the header region (the first non-empty lines)."""
        return 0 <= self.ranks[index] < HEADER_LINES

    def in_tail(self, index: int, size: int = 15) -> bool:
        """Tell whether a line is among the last ``size`` non-empty lines."""
        return self.ranks[index] >= self.nonempty - size


@dataclass(frozen=True, slots=True)
class DateCandidate:
    """One complete date seen in the text, with where it sits and how much it is trusted."""

    value: str
    line: int
    """1-based line number."""
    rank: int
    kind: str
    snippet: str
    confidence: float
    priority: int


def to_iso(year: int, month: int, day: int) -> str | None:
    """Return ``YYYY-MM-DD`` for a valid calendar date, else None."""
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def parse_with_dateparser(snippet: str) -> str | None:
    """Parse a date snippet with dateparser (absolute dates only) into ``YYYY-MM-DD``."""
    parsed = dateparser.parse(snippet, languages=["en"], settings=DATEPARSER_SETTINGS)
    if parsed is None or parsed.year < MIN_YEAR:
        return None
    return parsed.date().isoformat()


def weekday_agrees(weekday: str | None, iso: str) -> bool:
    """Tell whether a weekday written beside a date is that date's weekday (True when none is written)."""
    if not weekday:
        return True
    expected = WEEKDAY_NUMBERS.get(weekday.strip().lower()[:3])
    return expected is None or date.fromisoformat(iso).weekday() == expected


def parse_match(match: re.Match[str]) -> tuple[str | None, bool]:
    """Turn a ``DATE_PATTERN`` match into ``YYYY-MM-DD`` and whether the reading is uncertain."""
    groups = match.groupdict()
    if groups["iso_y"]:
        return to_iso(int(groups["iso_y"]), int(groups["iso_m"]), int(groups["iso_d"])), False
    for prefix in ("mdy", "dmy"):
        if groups[f"{prefix}_y"]:
            month = MONTH_NUMBERS[groups[f"{prefix}_m"][:3].lower()]
            iso = to_iso(int(groups[f"{prefix}_y"]), month, int(groups[f"{prefix}_d"]))
            uncertain = iso is not None and not weekday_agrees(groups[f"{prefix}_w"], iso)
            return iso, uncertain
    first, second, year = int(groups["num_a"]), int(groups["num_b"]), int(groups["num_y"])
    if first > 12:
        return to_iso(year, second, first), False
    if second > 12 or first == second:
        return to_iso(year, first, second), False
    # Both orders are valid (05/06/2024): let dateparser's English reading decide, and say it is a guess.
    return parse_with_dateparser(match.group(0)), True


MONTH_NAME = re.compile(
    r"\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b",
    re.IGNORECASE,
)


def _reading_the_text_supports(match: re.Match[str], guess: str, text: str) -> str:
    """Choose between the two readings of 05/06/2024 by which month the article itself names more.

    A British "12/03/2025" in an article that talks about March is 12 March, not 3 December;
    with no evidence either way, keep dateparser's (month-first) guess.
    """
    first, second, year = int(match.group("num_a")), int(match.group("num_b")), int(match.group("num_y"))
    readings = [r for r in (to_iso(year, second, first), to_iso(year, first, second)) if r]
    votes: dict[int, int] = {}
    for name in MONTH_NAME.findall(text):
        month = MONTH_NUMBERS.get(name[:3].lower())
        if month:
            votes[month] = votes.get(month, 0) + 1
    scored = sorted(readings, key=lambda r: votes.get(int(r[5:7]), 0), reverse=True)
    if len(scored) == 2 and votes.get(int(scored[0][5:7]), 0) > votes.get(int(scored[1][5:7]), 0):
        return scored[0]
    return guess


def normalise_date(text: str) -> str | None:
    """Read a date given by a structured source (ISO, RFC 822, "May 14, 2024") as ``YYYY-MM-DD``."""
    text = text.strip()
    if not text:
        return None
    match = DATE_PATTERN.search(text)
    if match is not None:
        iso, _ = parse_match(match)
        if iso is not None:
            return iso
    return parse_with_dateparser(text[:100])


def is_prose_line(line: str) -> bool:
    """Tell whether a line is body prose (long), where a date is news, not a dateline."""
    return len(line) > PROSE_CHARS or len(line.split()) > PROSE_WORDS


def classify(lines: TextLines, index: int, match: re.Match[str]) -> tuple[str, str] | None:
    """Say what kind of date a match is from its line (label, dateline, alone, prose) and its snippet."""
    line = lines.lines[index]
    start = match.start() - lines.starts[index]
    end = match.end() - lines.starts[index]
    # Only the neighbourhood of the date is read, so a page of one huge line costs linear time.
    near = max(0, start - CONTEXT_CHARS)
    prefix, suffix = line[near:start], line[end : end + CONTEXT_CHARS]
    is_prose = is_prose_line(line)
    for kind, label in (("updated", UPDATED_LABEL), ("published", PUBLISHED_LABEL)):
        found = label.search(prefix)
        if found is not None and (not is_prose or near + found.start() <= LABEL_REACH):
            return kind, line[near + found.start() : end]
    if DATELINE_OPEN.search(prefix) and DATELINE_CLOSE.match(suffix):
        opening = near + prefix.rfind("(")
        closing = end + suffix.index(")") + 1
        return "dateline", line[opening:closing]
    if CLOCK_BEFORE.search(prefix[-CLOCK_REACH:]) or CLOCK_AFTER.match(suffix[:CLOCK_REACH]):
        return "timestamped", match.group(0)
    if is_prose:
        return None
    leftover = LEFTOVER.sub("", line[:start] + " " + line[end:]).split()
    if not leftover:
        return "standalone", match.group(0)
    # "Kyiv, 14 May 2024" or "Jane Doe | 14 May 2024" is a dateline; a sentence around a date is prose.
    names_only = all(word[0].isupper() or not word[0].isalpha() for word in leftover)
    if names_only and len(leftover) <= INLINE_MAX_WORDS and not SENTENCE_END.search(line):
        return "inline", match.group(0)
    return None


def year_windows(lines: TextLines, text: str) -> Iterator[tuple[int, int]]:
    """Yield merged stretches of text around each four-digit year, cut at line ends."""
    # A complete date always has a four-digit year, written within a few dozen characters of the rest.
    window: tuple[int, int] | None = None
    for year in YEAR_HINT.finditer(text):
        index = lines.index_at(year.start())
        line_start = lines.starts[index]
        line_end = line_start + len(lines.lines[index])
        start = max(line_start, year.start() - YEAR_WINDOW)
        end = min(line_end, year.end() + YEAR_WINDOW)
        if window is not None and start <= window[1]:
            window = (window[0], max(window[1], end))
            continue
        if window is not None:
            yield window
        window = (start, end)
    if window is not None:
        yield window


def date_matches(lines: TextLines, text: str) -> Iterator[re.Match[str]]:
    """Yield every complete date in the text, scanning only around the years it mentions."""
    for start, end in year_windows(lines, text):
        for match in DATE_PATTERN.finditer(text, start, end):
            # A window may end inside a word, where the pattern's own end check cannot see.
            after = text[match.end() : match.end() + 1]
            if not (after.isalnum() or after in ("_", "-")):
                yield match


def date_candidates(lines: TextLines, text: str) -> list[DateCandidate]:
    """List every complete date in the text that could be the publication date, best first."""
    candidates: list[DateCandidate] = []
    for match in date_matches(lines, text):
        index = lines.index_at(match.start())
        kind_snippet = classify(lines, index, match)
        if kind_snippet is None:
            continue
        kind, snippet = kind_snippet
        header_priority, other_priority, header_confidence, other_confidence = KINDS[kind]
        header = lines.in_header(index)
        confidence = header_confidence if header else other_confidence
        if confidence <= 0.0:
            continue
        iso, uncertain = parse_match(match)
        if iso is None:
            continue
        if uncertain and match.groupdict().get("num_y"):
            iso = _reading_the_text_supports(match, iso, text)
        if uncertain:
            confidence -= AMBIGUITY_PENALTY
        candidates.append(
            DateCandidate(
                value=iso,
                line=index + 1,
                rank=lines.ranks[index],
                kind=kind,
                snippet=" ".join(snippet.split())[:100],
                confidence=round(confidence, 2),
                priority=header_priority if header else other_priority,
            )
        )
    candidates.sort(key=lambda c: (c.priority, c.rank))
    return candidates


def pick_date(candidates: list[DateCandidate]) -> FieldValue:
    """Choose the publication date among candidates, lowering confidence when others disagree."""
    if not candidates:
        return FieldValue(None, NOT_FOUND, 0.0)
    best = candidates[0]
    source = f"text:line {best.line} '{best.snippet}'"
    confidence = best.confidence
    # An "Updated" date is expected to differ from the published one; only other claims count against it.
    rivals = [
        c for c in candidates[1:] if c.value != best.value and c.kind != "updated" and c.confidence >= 0.6
    ]
    if rivals:
        rival = rivals[0]
        confidence = max(confidence - DISAGREEMENT_PENALTY, 0.3)
        source += f"; disagrees with line {rival.line} '{rival.snippet}' ({rival.value})"
    return FieldValue(best.value, source, round(confidence, 2))


def find_date(lines: TextLines, text: str) -> FieldValue:
    """Return the publication date the text states, or a not-found value (never today's date)."""
    return pick_date(date_candidates(lines, text))
