"""Tests of the plain-text cleaner on the seed articles in ../shared/seeds, read at run time."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from dateline.clean.boilerplate import clean_text, split_blocks
from dateline.model import OffsetMap, RemovedSpan
from tests.conftest import require_seeds

BOILERPLATE_MARKERS = (
    "READ MORE",
    "DON’T MISS",
    "(REVEAL)",
    "(INSIGHT)",
    "Related Topics",
    "Recent Stories",
    "minutes ago",
    "Related posts",
    "More Stories From",
    "Leave a Reply",
    "Add a Comment",
    "Your email address",
    "Cookies",
    "icon-facebook",
    "Open Menu",
    "passionate about writing",
)
CURLY_QUOTE_RE = re.compile(r"“([^“”]+)”")
STRAIGHT_QUOTE_RE = re.compile(r'"([^"\n]+)"')
GLUED_RE = re.compile(r"[a-z]{2}[.!?][”\"’]?[A-Z][a-z]")
KNOWN_REASONS = {
    "navigation",
    "share-icons",
    "related-list",
    "comment-form",
    "cookie-notice",
    "author-bio",
    "inline-promo",
    "promo",
    "advertisement",
    "timestamp",
    "duplicate-line",
    "classifier",
}


@dataclass
class Cleaned:
    """One seed article before and after cleaning."""

    name: str
    raw: str
    text: str
    offsets: OffsetMap
    removed: list[RemovedSpan]


@pytest.fixture(scope="module")
def seeds() -> list[Cleaned]:
    """Clean every seed article once for the whole module."""
    out = []
    for path in sorted(require_seeds().glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        out.append(Cleaned(path.name, raw, *clean_text(raw)))
    return out


def squash(text: str) -> str:
    """Drop all whitespace, so an inserted split space or a collapsed run does not matter."""
    return re.sub(r"\s+", "", text)


def quotes_in(raw: str) -> list[str]:
    """Return the quoted passages of a raw text, whitespace-normalised."""
    found = CURLY_QUOTE_RE.findall(raw) + STRAIGHT_QUOTE_RE.findall(raw)
    return [" ".join(q.split()) for q in found if q.strip()]


def test_seeds_are_present(seeds: list[Cleaned]) -> None:
    assert len(seeds) >= 5


def test_every_marker_was_in_some_raw_seed(seeds: list[Cleaned]) -> None:
    # Guards the removal test below: a marker no seed contains would pass it vacuously.
    raw_all = "\n".join(s.raw for s in seeds)
    assert [m for m in BOILERPLATE_MARKERS if m not in raw_all] == []


@pytest.mark.parametrize("marker", BOILERPLATE_MARKERS)
def test_no_boilerplate_remains(seeds: list[Cleaned], marker: str) -> None:
    assert [s.name for s in seeds if marker in s.text] == []


def test_every_quote_survives(seeds: list[Cleaned]) -> None:
    total = 0
    for seed in seeds:
        clean = squash(seed.text)
        quotes = quotes_in(seed.raw)
        total += len(quotes)
        missing = [q for q in quotes if squash(q) not in clean]
        assert missing == [], seed.name
    assert total >= 20


def test_long_paragraphs_are_only_removed_by_named_rules(seeds: list[Cleaned]) -> None:
    for seed in seeds:
        for span in seed.removed:
            if len(span.text.split()) < 15:
                continue
            assert span.reason in {
                "author-bio",
                "cookie-notice",
                "related-list",
                "duplicate-line",
                "inline-promo",
            }, (
                seed.name,
                span.reason,
            )
            if span.reason == "duplicate-line":
                assert squash(span.text).lower() in squash(seed.text).lower()


def test_glued_sentences_are_split(seeds: list[Cleaned]) -> None:
    glued_in_raw = sum(len(GLUED_RE.findall(s.raw)) for s in seeds)
    assert glued_in_raw >= 3
    for seed in seeds:
        assert GLUED_RE.findall(seed.text) == [], seed.name


def test_abbreviations_and_decimals_are_not_split(seeds: list[Cleaned]) -> None:
    for seed in seeds:
        for pattern in (r"\b[A-Z]\.[A-Z]\.", r"\d\.\d", r"\b[A-Z][a-z]+ [A-Z]\. [A-Z][a-z]+"):
            for match in re.finditer(pattern, seed.raw):
                if _kept(seed, match.start()):
                    assert match.group(0) in seed.text, (seed.name, match.group(0))


def _kept(seed: Cleaned, raw_offset: int) -> bool:
    """Tell whether a raw offset lies in text the cleaner kept."""
    return any(r <= raw_offset < r + n for _, r, n in seed.offsets.segments)


def test_offset_map_invariant(seeds: list[Cleaned]) -> None:
    for seed in seeds:
        for c, r, n in seed.offsets.segments:
            assert seed.text[c : c + n] == seed.raw[r : r + n]
        mapped = {c + k for c, _, n in seed.offsets.segments for k in range(n)}
        unmapped = {seed.text[i] for i in range(len(seed.text)) if i not in mapped}
        assert unmapped <= {" ", "\n"}, seed.name
        for span in seed.removed:
            assert seed.raw[span.start : span.end] == span.text
            assert span.reason in KNOWN_REASONS


def test_title_is_the_first_paragraph(seeds: list[Cleaned]) -> None:
    for seed in seeds:
        first = seed.text.split("\n\n")[0]
        lines = [b.text for b in split_blocks(seed.raw)]
        assert first in lines[:3], seed.name


def test_paragraphs_are_separated_by_blank_lines_and_not_repeated(seeds: list[Cleaned]) -> None:
    for seed in seeds:
        paragraphs = seed.text.split("\n\n")
        assert all(p and p == p.strip() and "\n" not in p for p in paragraphs), seed.name
        folded = [" ".join(p.casefold().split()) for p in paragraphs]
        assert len(folded) == len(set(folded)), seed.name


def test_related_lists_go_with_all_their_items(seeds: list[Cleaned]) -> None:
    header = re.compile(r"^(?:Related Topics|Recent Stories|Related posts)$")
    checked = 0
    for seed in seeds:
        blocks = split_blocks(seed.raw)
        starts = [i for i, b in enumerate(blocks) if header.match(b.text)]
        if not starts:
            continue
        reasons = {span.start: span.reason for span in seed.removed}
        for block in blocks[starts[0] :]:
            checked += 1
            assert reasons.get(block.start) in {"related-list", "cookie-notice"}, (seed.name, block.text)
    assert checked >= 10
