"""Who wrote an article, for the "I" that speaks outside any quotation marks (an op-ed, a column, a letter).

A column's writer is named once, in a byline at the top ("By Charlotte Meehan") or in the short note on the
writer that closes it ("Charlotte Meehan is playwright-in-residence at ..."); the "I" of its text is that
person, not whoever the article named last, nor whom a "she" in the text stands for. Two writers, or none,
leave "I" unresolved.
"""

from __future__ import annotations

import re

from dateline.model import Mention

BYLINE_LINES = 6
"""How many lines from the top a byline may stand on (after a headline, a deck, a dateline)."""
BIO_PARAGRAPHS = 2
"""How many closing paragraphs a note on the writer may stand in (a correction or a link may follow it)."""
MAX_BIO_WORDS = 80
"""The longest note on the writer: a paragraph of the article proper is no note."""
BYLINE = re.compile(r"[ \t*_]*(?:by|BY|By)[ \t:]+")
"""The line before the writer's name, a byline's own: "By " (not "an order signed by Barack Obama")."""
CO_WRITER = re.compile(r"\s*(?:by|BY|By)\s.*(?:\band|&|,)[ \t]*")
"""The line before a second writer's name: "By Sarah Collins and "."""
BIO_OPENING = re.compile(
    r"(?:\s*,[^.,]{0,80},)?\s+is\s+(?!\w+ing\b)(?:(?:a|an|the)\s+)?[\w-]+(?:\s+[\w-]+){0,5}?\s+(?:at|of|for|with|in)\b"
)
"""How a note on the writer goes on after the name: "is playwright-in-residence at", "is a professor of", in the
present and naming a post; not "is unveiling the new actions at", nor "was asked", which tell the story."""
FOLLOW = re.compile(r"\s*Follow\s+$", re.IGNORECASE)
"""A closing "Follow Ian Hanchett on Twitter" names the writer too."""
QUOTE_MARKS = ("\"", "“", "”", "«", "»", "''", "``")


def writer_mentions(text: str, people: list[Mention]) -> list[Mention]:
    """Return the mentions that name the article's writers: a byline's near the top ("By Charlotte Meehan",
    "By A and B"), else a closing note's on the one writer; none when the article names no writer."""
    byline = _byline_mentions(text, people)
    if byline:
        return byline
    bio = _bio_mention(text, people)
    return [bio] if bio is not None else []


def _byline_mentions(text: str, people: list[Mention]) -> list[Mention]:
    """Return the people a byline near the top names."""
    top = _line_end(text, BYLINE_LINES)
    found: list[Mention] = []
    for person in people:
        if person.start >= top:
            break
        line_start = text.rfind("\n", 0, person.start) + 1
        before = text[line_start : person.start]
        if BYLINE.fullmatch(before) or CO_WRITER.fullmatch(before):
            found.append(person)
    return found


def _bio_mention(text: str, people: list[Mention]) -> Mention | None:
    """Return the person a closing paragraph opens with, when it reads as a note on the writer."""
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    for start, end in paragraphs[-BIO_PARAGRAPHS:]:
        paragraph = text[start:end]
        if len(paragraph.split()) > MAX_BIO_WORDS or any(mark in paragraph for mark in QUOTE_MARKS):
            continue
        opening = start + len(paragraph) - len(paragraph.lstrip(" \t*_―—–-"))
        for person in people:
            if not start <= person.start < end:
                continue
            if person.start == opening and BIO_OPENING.match(text, person.end):
                return person
            if FOLLOW.fullmatch(text, start, person.start):
                return person
    return None


def _line_end(text: str, lines: int) -> int:
    """Return the offset where the first ``lines`` non-empty lines of a text end."""
    seen = 0
    for match in re.finditer(r"[^\n]+", text):
        if match.group().strip():
            seen += 1
            if seen == lines:
                return match.end()
    return len(text)
