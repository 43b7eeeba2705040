"""Remove boilerplate from the plain text of a scraped page, keeping offsets back to the raw text.

A page is split into blocks (its non-empty lines). Explicit rules (``promos.py``) name the blocks
that are site furniture and the promos glued inside paragraphs; a learned line classifier
(``line_model.py``) judges the rest, but may only drop short blocks or blocks outside the page's
main run of prose, and never the title. Kept blocks become paragraphs separated by a blank line,
with whitespace collapsed and glued sentences split (``glued.py``); every copied character is
mapped back to the raw text by an ``OffsetMap``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from dateline.clean.glued import glued_breaks
from dateline.clean.line_model import TreeEnsemble, keep_probabilities
from dateline.clean.lines import WORD_RE, is_prose, main_region, page_stats, word_key
from dateline.clean.promos import (
    Cut,
    inline_promos,
    is_date_line,
    is_name_line,
    is_related_header,
    is_third_person_bio,
    line_reason,
)
from dateline.model import OffsetMap, RemovedSpan

BLOCK_RE = re.compile(r"[^\n]+")
WORD_RUN_RE = re.compile(r"\S+(?: \S+)*")
"""Words joined by single plain spaces: copied in one piece, whitespace between runs collapsed."""
CLASSIFIER_MAX_WORDS = 15
"""Inside the main prose region the classifier may only drop blocks shorter than this."""
CONTAINED_MIN_WORDS = 8
LEAD_BLOCKS = 12
"""A lead repeated inside a later paragraph is only looked for among the first blocks of a page."""
NO_SPACE_BEFORE = ",.;:!?)]}”’%"


@dataclass(slots=True)
class Block:
    """One non-empty line of the raw text, by its stripped span."""

    start: int
    end: int
    text: str


def split_blocks(raw: str) -> list[Block]:
    """Split raw text into its non-empty lines, each stripped of surrounding whitespace."""
    blocks = []
    for match in BLOCK_RE.finditer(raw):
        text = match.group(0)
        stripped = text.strip()
        if not stripped:
            continue
        start = match.start() + (len(text) - len(text.lstrip()))
        blocks.append(Block(start, start + len(stripped), stripped))
    return blocks


def _mark_related_lists(lines: list[str], reasons: list[str | None], first: int) -> None:
    """Drop the items that follow a related-stories header, up to the next line of prose.

    Only headers from line ``first`` on (the start of the main prose) open a list: a sidebar
    header above the article would otherwise swallow the headline and byline below it.
    """
    in_list = False
    for i, text in enumerate(lines):
        if is_related_header(text):
            in_list = i >= first
            reasons[i] = "related-list"
        elif in_list:
            if is_prose(text) and reasons[i] is None:
                in_list = False
            elif reasons[i] is None or reasons[i] == "timestamp":
                reasons[i] = "related-list"


def _mark_author_bios(lines: list[str], reasons: list[str | None], article_end: int) -> None:
    """Drop third-person bios after the article's prose, and the bare name line that introduces a bio."""
    for i in range(article_end, len(lines)):
        if reasons[i] is None and is_third_person_bio(lines[i]):
            reasons[i] = "author-bio"
    for i in range(1, len(lines)):
        if reasons[i] == "author-bio" and reasons[i - 1] is None and is_name_line(lines[i - 1]):
            name = lines[i - 1].split()
            if any(part in lines[i] for part in name):
                reasons[i - 1] = "author-bio"


def _mark_promo_lines(lines: list[str], reasons: list[str | None]) -> None:
    """Drop lines that are nothing but a promo once their inline promos are cut out."""
    for i, text in enumerate(lines):
        if reasons[i] is not None:
            continue
        cuts = inline_promos(text)
        if cuts and not _remaining_words(text, cuts):
            reasons[i] = "promo" if cuts[0].reason == "inline-promo" else cuts[0].reason


def _remaining_words(text: str, cuts: list[Cut]) -> bool:
    """Tell whether any word is left of a line once the cuts are removed."""
    pos = 0
    for cut in cuts:
        if WORD_RE.search(text, pos, cut.start):
            return True
        pos = max(pos, cut.end)
    return bool(WORD_RE.search(text, pos))


def _mark_duplicates(lines: list[str], reasons: list[str | None], title: int | None) -> None:
    """Drop a line repeated case-insensitively, and a lead that a later paragraph repeats in full."""
    keys = [word_key(t) for t in lines]
    seen: set[str] = set()
    order = ([title] if title is not None else []) + [i for i in range(len(lines)) if i != title]
    for i in order:
        if reasons[i] is not None or len(keys[i].split()) < 3:
            continue
        if keys[i] in seen:
            reasons[i] = "duplicate-line"
        seen.add(keys[i])
    kept = [i for i in range(len(lines)) if reasons[i] is None]
    for i in kept[:LEAD_BLOCKS]:
        if i == title or len(keys[i].split()) < CONTAINED_MIN_WORDS:
            continue
        if any(j != i and len(keys[j]) > len(keys[i]) and keys[i] in keys[j] for j in kept):
            reasons[i] = "duplicate-line"


def _mark_date_lines(lines: list[str], reasons: list[str | None]) -> None:
    """Drop lines that are only a date or time stamp; metadata reads them from the raw text."""
    for i, text in enumerate(lines):
        if reasons[i] is None and is_date_line(text):
            reasons[i] = "timestamp"


def _first_title(lines: list[str], reasons: list[str | None]) -> int | None:
    """Return the index of the first line that no rule removed: the headline of a scraped article."""
    for i, text in enumerate(lines):
        if reasons[i] is None and WORD_RE.search(text):
            return i
    return None


def _mark_by_classifier(
    lines: list[str],
    reasons: list[str | None],
    probabilities: np.ndarray,
    protected_region: tuple[int, int] | None,
) -> None:
    """Drop what the line classifier rejects, sparing long lines inside a protected region."""
    start, end = protected_region or (0, 0)
    for i, text in enumerate(lines):
        if reasons[i] is not None or probabilities[i] >= 0.5:
            continue
        if start <= i < end and len(text.split()) >= CLASSIFIER_MAX_WORDS:
            continue
        reasons[i] = "classifier"


def line_decisions(
    lines: list[str], scraped_article: bool = False, model: TreeEnsemble | None = None
) -> list[str | None]:
    """Return, per line of a page, why it is boilerplate, or None to keep it.

    With ``scraped_article`` (one article's text, headline first, as ``clean_text`` gets it) the
    decisions are conservative about article text: the headline is always kept, the classifier may
    not drop long lines of the main prose region, and bare date lines go (metadata has them).
    ``model`` replaces the shipped line classifier (cross-validation passes a fold's model).
    """
    if not lines:
        return []
    stats = page_stats(lines)
    region = main_region(stats)
    reasons: list[str | None] = [line_reason(t) for t in lines]
    _mark_related_lists(lines, reasons, first=region[0])
    _mark_author_bios(lines, reasons, article_end=region[1])
    _mark_promo_lines(lines, reasons)
    title = None
    if scraped_article:
        # On the L3S pages both copies of a repeated line are often labelled article, so only
        # a scraped article, where the second copy adds nothing, loses its repeats.
        _mark_date_lines(lines, reasons)
        title = _first_title(lines, reasons)
        _mark_duplicates(lines, reasons, title)
    probabilities = keep_probabilities(stats, model)
    if title is not None:
        probabilities[title] = 1.0
    _mark_by_classifier(lines, reasons, probabilities, region if scraped_article else None)
    return reasons


def classify_lines(lines: list[str]) -> list[bool]:
    """Return, per line (block) of a page, whether it is article text to keep."""
    return [reason is None for reason in line_decisions(lines)]


class _TextBuilder:
    """Assemble clean text from raw spans, collapsing whitespace and recording the offset map."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.parts: list[str] = []
        self.length = 0
        self.offsets = OffsetMap()
        self.pending: int | None = None
        """A space owed before the next word: its raw offset, or -1 for an inserted space."""
        self.at_paragraph_start = True

    def _emit(self, text: str, raw_start: int | None) -> None:
        """Append text, mapped to raw_start unless it is inserted."""
        if raw_start is not None:
            self.offsets.add(self.length, raw_start, len(text))
        self.parts.append(text)
        self.length += len(text)

    def copy(self, start: int, end: int) -> None:
        """Copy raw[start:end], turning each whitespace run into at most one space."""
        pos = start
        for run in WORD_RUN_RE.finditer(self.raw, start, end):
            if run.start() > pos:
                self._owe_space(pos, run.start())
            self._copy_words(run.start(), run.end())
            pos = run.end()
        if pos < end:
            self._owe_space(pos, end)

    def _owe_space(self, start: int, end: int) -> None:
        """Owe one space for the raw whitespace raw[start:end], mapped when it is a single plain space."""
        if self.pending is None or self.pending == -1:
            self.pending = start if end - start == 1 and self.raw[start] == " " else -1

    def _copy_words(self, start: int, end: int) -> None:
        """Copy a run of words, after the space owed before it (none at a paragraph start)."""
        if self.pending is not None and not self.at_paragraph_start:
            self._emit(" ", self.pending if self.pending >= 0 else None)
        self.pending = None
        self.at_paragraph_start = False
        self._emit(self.raw[start:end], start)

    def space(self, before: str) -> None:
        """Owe a space before the next word (after a cut or a glued break) unless punctuation follows."""
        if before[:1] and before[0] in NO_SPACE_BEFORE:
            self.pending = None
            return
        if self.pending is None:
            self.pending = -1

    def paragraph(self) -> None:
        """End the current paragraph: the next word starts a new one after a blank line."""
        if not self.at_paragraph_start:
            self._emit("\n\n", None)
        self.at_paragraph_start = True
        self.pending = None

    def text(self) -> str:
        """Return the clean text, without a trailing paragraph break."""
        return "".join(self.parts).rstrip("\n")


def _block_pieces(raw: str, block: Block) -> tuple[list[tuple[int, int]], list[RemovedSpan]]:
    """Return the raw spans of a kept block left after inline promos, and the promos removed."""
    removed = []
    pieces = []
    pos = block.start
    for cut in inline_promos(block.text):
        start, end = block.start + cut.start, block.start + cut.end
        if start < pos:
            continue
        pieces.append((pos, start))
        if end > start:
            removed.append(RemovedSpan(start, end, cut.reason, raw[start:end]))
        pos = end
    pieces.append((pos, block.end))
    return [(s, e) for s, e in pieces if e > s], removed


def _copy_piece(builder: _TextBuilder, raw: str, start: int, end: int) -> None:
    """Copy a piece of a paragraph, inserting a space at each glued sentence break."""
    pos = start
    for cut in glued_breaks(raw, start, end):
        builder.copy(pos, cut)
        builder.space(raw[cut:end])
        pos = cut
    builder.copy(pos, end)


def clean_text(raw: str) -> tuple[str, OffsetMap, list[RemovedSpan]]:
    """Return the clean text of a scraped page, its offset map to the raw text, and what was removed."""
    blocks = split_blocks(raw)
    reasons = line_decisions([b.text for b in blocks], scraped_article=True)
    builder = _TextBuilder(raw)
    removed: list[RemovedSpan] = []
    for block, reason in zip(blocks, reasons, strict=True):
        if reason is not None:
            removed.append(RemovedSpan(block.start, block.end, reason, block.text))
            continue
        pieces, promos = _block_pieces(raw, block)
        removed += promos
        builder.paragraph()
        for k, (start, end) in enumerate(pieces):
            if k:
                builder.space(raw[start:end].lstrip())
            _copy_piece(builder, raw, start, end)
    return builder.text(), builder.offsets, sorted(removed, key=lambda s: s.start)
