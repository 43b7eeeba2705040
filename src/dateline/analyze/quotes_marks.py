"""Find the passages of a text set between quote marks: straight or curly, balanced or not.

Quote marks in scraped news are unreliable: straight and curly marks are mixed, closing marks are
lost when a page is scraped (``today.”It is``), an opening mark may be typed the wrong way round,
and a quote that runs over several paragraphs has an opening mark at the start of each paragraph
and a closing mark only at the end of the last. ``quoted_passages`` reads the marks of each
paragraph as a small state machine that never fails: every mark either opens, closes or is
ignored, and an unclosed passage ends with its paragraph (continued by the next paragraph when
that one opens with a quote mark). One pass over the text, linear in its length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_OPEN = frozenset("“„«")
DOUBLE_CLOSE = frozenset("”»")
STRAIGHT = '"'
OPEN_BEFORE = frozenset(" \t\n\r([{―—–-:/")
"""Characters after which a straight mark opens a quote."""
CLOSE_AFTER = frozenset(" \t\n\r)]}.,;:!?―—–-/'’")
"""Characters before which a straight mark closes a quote."""
MARK = re.compile(r"``|''|[\"“”„«»]")
FEET_INCHES = re.compile(r"\d['’′] ?\d{1,2}\Z")
"""A height or length in feet and inches up to the mark: the mark after it is an inch sign ("6'3\"")."""
PARAGRAPH_BREAK = re.compile(r"\n")


@dataclass(frozen=True, slots=True)
class Passage:
    """A stretch of text between quote marks, the marks included."""

    start: int
    end: int
    closed: bool = True
    """False when no closing mark was found before the end of the paragraph."""
    opened: bool = True
    """False when the passage has a closing mark but lost its opening one (it starts after the previous)."""
    continued: bool = False
    """True when the passage goes on in the next paragraph (a multi-paragraph quote)."""

    def covers(self, start: int, end: int) -> bool:
        """Tell whether the passage holds the span ``[start, end)``."""
        return self.start <= start and end <= self.end


def quoted_passages(text: str) -> list[Passage]:
    """Return the quoted passages of a text, in order, one per paragraph piece."""
    passages: list[Passage] = []
    for start, end in _paragraphs(text):
        passages.extend(_paragraph_passages(text, start, end))
    return _link_continuations(text, passages)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` of each non-blank line of the text."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for match in PARAGRAPH_BREAK.finditer(text):
        if text[start : match.start()].strip():
            bounds.append((start, match.start()))
        start = match.end()
    if text[start:].strip():
        bounds.append((start, len(text)))
    return bounds


def _paragraph_passages(text: str, start: int, end: int) -> list[Passage]:
    """Pair the quote marks of one paragraph into passages."""
    found: list[Passage] = []
    open_at: int | None = None
    open_straight = False
    nested = False
    last_end = start
    for match in MARK.finditer(text, start, end):
        straight = match.group() == STRAIGHT
        if straight and _measure(text, match.start(), open_at is not None):
            continue
        role = _mark_role(text, match.start(), match.end(), open_at is not None, end)
        # a quote inside a quote uses the other kind of mark: "He said, “No.” Then ..."
        if open_at is not None and straight != open_straight and (role == "open" or nested):
            nested = role == "open"
            continue
        if role == "open":
            if open_at is not None:
                # an opening mark inside an open quote: the scrape lost the closing mark
                found.append(Passage(open_at, _trim_end(text, open_at, match.start()), closed=False))
            open_at, open_straight, nested = match.start(), straight, False
        elif role == "close":
            if open_at is None:
                # a closing mark with no opening one: the quote began after the previous passage
                begin = _skip_space(text, last_end, match.start())
                if match.start() - begin < 2:
                    continue
                found.append(Passage(begin, match.end(), opened=False))
            else:
                found.append(Passage(open_at, match.end()))
                open_at = None
            last_end = match.end()
    if open_at is not None and _trim_end(text, open_at, end) - open_at > 1:
        found.append(Passage(open_at, _trim_end(text, open_at, end), closed=False))
    return found


def _measure(text: str, start: int, inside: bool) -> bool:
    """Tell whether a straight double mark is an inch sign: "6'3" tall" anywhere, "a 12" pipe" with no quote open
    (a quote that ends on a number closes with its mark after the digit)."""
    if FEET_INCHES.search(text, max(0, start - 8), start):
        return True
    return not inside and start > 0 and text[start - 1].isdigit()


def _mark_role(text: str, start: int, end: int, inside: bool, paragraph_end: int | None = None) -> str:
    """Decide whether a quote mark opens or closes a quote, from its shape and its neighbours.

    ``paragraph_end`` lets a mark look ahead: a closing-shaped mark glued to the next word, with no
    quote open and another mark later in its paragraph, opens the passage that mark closes.
    """
    mark = text[start:end]
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if mark in DOUBLE_OPEN or mark == "``":
        # “ glued after a word and followed by a space was typed for a closing mark
        if inside and after in CLOSE_AFTER and before not in OPEN_BEFORE:
            return "close"
        return "open"
    if mark in DOUBLE_CLOSE or mark == "''":
        # ” after a space and before a word was typed for an opening mark
        if not inside and before in OPEN_BEFORE and after.isalnum():
            return "open"
        # 'he said.”The company ...”': the scrape lost the space, so the opening mark came out closing
        if not inside and after.isalpha() and _closed_later(text, end, paragraph_end):
            return "open"
        return "close"
    if inside:
        return "open" if before in OPEN_BEFORE and after not in CLOSE_AFTER and after.strip() else "close"
    if after.isspace() and before not in OPEN_BEFORE and start > 0:
        return "close"
    return "open"


def _closed_later(text: str, start: int, paragraph_end: int | None) -> bool:
    """Tell whether a closing-shaped double mark follows in the paragraph, after at least a word."""
    if paragraph_end is None:
        return False
    following = MARK.search(text, start, paragraph_end)
    return following is not None and following.group() in DOUBLE_CLOSE and following.start() - start > 1


def _skip_space(text: str, start: int, end: int) -> int:
    """Return the first offset from ``start`` that is not white space (at most ``end``)."""
    while start < end and text[start].isspace():
        start += 1
    return start


def _trim_end(text: str, start: int, end: int) -> int:
    """Return ``end`` moved back over trailing white space."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _link_continuations(text: str, passages: list[Passage]) -> list[Passage]:
    """Mark unclosed passages that end a paragraph whose next paragraph opens with a quote mark."""
    linked: list[Passage] = []
    for i, passage in enumerate(passages):
        following = passages[i + 1] if i + 1 < len(passages) else None
        continued = (
            not passage.closed
            and following is not None
            and "\n" in text[passage.end : following.start]
            and not text[passage.end : following.start].strip()
        )
        linked.append(Passage(passage.start, passage.end, passage.closed, passage.opened, continued))
    return linked
