"""Article metadata (title, publication date, outlet, author, language) with provenance and confidence.

Values a structured source already gave (a JSON record, a feed entry, HTML meta tags) win when
present; otherwise each field is read from the raw text, boilerplate included, since mastheads,
bylines and dates often sit in the lines the cleaner drops. A field that cannot be found is
``FieldValue(None, "not found in text", 0.0)``: nothing is ever filled from the clock.
"""

from __future__ import annotations

import re

from dateline.clean.bylines import find_author_and_outlet
from dateline.clean.dates import DATE_PATTERN, NOT_FOUND, TextLines, find_date, normalise_date
from dateline.clean.language import detect_language
from dateline.clean.masthead import find_masthead
from dateline.model import FieldValue

FIELDS = ("title", "date", "outlet", "author", "language")

FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "date": ("date", "date_publish", "published", "pubdate"),
    "outlet": ("outlet", "sitename", "site_name", "publisher"),
    "author": ("author", "authors"),
    "language": ("language", "lang"),
}
"""Names a structured source may use for each field, in order of preference."""

GIVEN_CONFIDENCE = 0.95
GUESSED_SOURCE_CONFIDENCE = (("html:url", 0.6), ("html:trafilatura", 0.85), ("html:htmldate", 0.85))
"""Given fields that are themselves guesses (a date or site name read off the URL) are trusted less."""

TITLE_SECTION_SEPARATOR = re.compile(r"\s+[|｜]\s+")
SECTION_MAX_WORDS = 5
SECTION_MAX_CHARS = 40
NAV_LINE = re.compile(
    r"\b(?:open menu|menu|skip to (?:main )?content|sign in|log ?in|subscribe|search|advertisement|"
    r"cookies?|icon-\w+|follow us|share (?:on|this)|breaking news|home)\b",
    re.IGNORECASE,
)
BREADCRUMB = re.compile(r"\s[>»›/]\s")
BYLINE_START = re.compile(r"^\s*(?:by|written by|posted by)\s", re.IGNORECASE)
TITLE_MAX_WORDS = 30
TITLE_MAX_CHARS = 300
TITLE_CONFIDENCE = 0.85
TITLE_AS_SENTENCE_CONFIDENCE = 0.5
LANGUAGE_CODE = re.compile(r"^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*$")
AUTHOR_PREFIX = re.compile(r"^\s*(?:by|written by)\s+", re.IGNORECASE)
AUTHOR_LIST_JUNK = re.compile(r"[\[\]\"']")


def strip_title_sections(title: str) -> str:
    """Drop a trailing run of short `` | Section`` parts from a title ("Headline | World | News")."""
    parts = TITLE_SECTION_SEPARATOR.split(" ".join(title.split()))
    while (
        len(parts) > 1 and len(parts[-1]) <= SECTION_MAX_CHARS and len(parts[-1].split()) <= SECTION_MAX_WORDS
    ):
        parts.pop()
    return " | ".join(parts).strip()


def is_title_line(line: str) -> bool:
    """Tell whether a header line can be the headline (not a nav, date, breadcrumb or byline line)."""
    words = line.split()
    if len(words) < 2 or not any(ch.isalpha() for ch in line):
        return False
    if DATE_PATTERN.search(line) or BYLINE_START.match(line) or BREADCRUMB.search(line):
        return False
    # Navigation bars are short runs of menu words; a long line mentioning "search" is a headline.
    return not (NAV_LINE.search(line) and len(words) <= 8)


def find_title(lines: TextLines) -> FieldValue:
    """Return the first header line that reads as a headline, with section suffixes removed."""
    for index, line in enumerate(lines.lines):
        if not lines.in_header(index):
            if lines.ranks[index] >= 0:
                break
            continue
        if len(line) > TITLE_MAX_CHARS:
            # The body has started: a headline would have come before it.
            break
        if not is_title_line(line):
            continue
        title = strip_title_sections(line)
        sentence_like = len(title.split()) > TITLE_MAX_WORDS or title.endswith(".")
        confidence = TITLE_AS_SENTENCE_CONFIDENCE if sentence_like else TITLE_CONFIDENCE
        return FieldValue(title, f"text:line {index + 1}", confidence)
    return FieldValue(None, NOT_FOUND, 0.0)


def given_confidence(source: str) -> float:
    """Return how much to trust a value a structured source gave, from where it was read."""
    for prefix, confidence in GUESSED_SOURCE_CONFIDENCE:
        if source.startswith(prefix):
            return confidence
    return GIVEN_CONFIDENCE


def normalise_author(value: str) -> str | None:
    """Normalise a given author string: no "By", no list punctuation, names joined by ", "."""
    value = AUTHOR_PREFIX.sub("", AUTHOR_LIST_JUNK.sub("", value))
    names = [" ".join(n.split()) for n in re.split(r"\s*[;,]\s*|\s+and\s+", value)]
    names = [n for n in names if n]
    return ", ".join(dict.fromkeys(names)) or None


def normalise_language(value: str) -> str | None:
    """Reduce a language tag ("en-US", "en_GB") to its ISO 639 code."""
    match = LANGUAGE_CODE.match(value.strip())
    return match.group(1).lower() if match else None


def normalise_given(name: str, value: str) -> str | None:
    """Normalise a field value a structured source gave; None if it is unusable."""
    if name == "date":
        return normalise_date(value)
    if name == "title":
        return strip_title_sections(value) or None
    if name == "author":
        return normalise_author(value)
    if name == "language":
        return normalise_language(value)
    return " ".join(value.split()) or None


def given_values(fields: dict[str, str], field_sources: dict[str, str]) -> dict[str, FieldValue]:
    """Turn the fields a structured source gave into metadata values, normalised."""
    found: dict[str, FieldValue] = {}
    for name, aliases in FIELD_ALIASES.items():
        for key in aliases:
            raw = fields.get(key)
            if not raw or not isinstance(raw, str):
                continue
            value = normalise_given(name, raw)
            if value is None:
                continue
            source = field_sources.get(key) or f"given:{key}"
            found[name] = FieldValue(value, source, given_confidence(source))
            break
    return found


def extract_metadata(
    raw: str,
    fields: dict[str, str] | None = None,
    field_sources: dict[str, str] | None = None,
    site_hints: dict[str, str] | None = None,
) -> dict[str, FieldValue]:
    """Return title, date, outlet, author and language of an article, given fields first.

    ``site_hints`` are the names the document's address spells (see ``masthead.site_hints``): a lone
    header line that spells one of them is the outlet when no credit line names one.
    """
    metadata = given_values(fields or {}, field_sources or {})
    missing = [name for name in FIELDS if name not in metadata]
    if not missing:
        return {name: metadata[name] for name in FIELDS}
    lines = TextLines.from_text(raw)
    if "title" in missing:
        metadata["title"] = find_title(lines)
    if "date" in missing:
        metadata["date"] = find_date(lines, raw)
    if "author" in missing or "outlet" in missing:
        author, outlet = find_author_and_outlet(lines)
        if not outlet.known:
            outlet = find_masthead(lines, site_hints or {}) or outlet
        metadata.setdefault("author", author)
        metadata.setdefault("outlet", outlet)
    if "language" in missing:
        metadata["language"] = detect_language(raw)
    return {name: metadata[name] for name in FIELDS}
