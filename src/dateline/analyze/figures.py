"""Find the figures of one parsed article: money, counts, percentages, distances, ordinals, durations.

Text first, parse second: ``figures_numbers.scan_numbers`` reads every number with its hedge, currency,
multiplier and unit; the parse then drops what is not a figure (years, dates, times, numbers inside
names, spelled numbers that count nothing) and names what each figure is about (``figures_referent``).
Values are in base units: USD, EUR, GBP ... for money, percent, km, km2, kg, days. An order of
magnitude ("tens of billions") or a range ("5-7") has no single value, only ``low`` and ``high``.
Ordinals ("fourth trip") are kept as kind ``ordinal`` so that "fourth" and "third" trips can be
compared later. A conversion in brackets ("a 1,000-kilometre (620-mile) coast") is the same figure, not a
second one. Pure: reads the one parse of the article; a few milliseconds per article at most, a small
fraction of the parse itself.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from dateline.analyze.figures_numbers import NumberMatch, scan_numbers
from dateline.analyze.figures_referent import (
    figure_anchor,
    is_one_idiom,
    is_person_noun,
    referent_key,
    referent_of,
)
from dateline.model import Figure

__all__ = ["find_figures", "referent_key"]

# Numbers inside these names are part of the name ("Apollo 11", "Section 230", "World War II").
NAME_LABELS = frozenset(
    {"ORG", "PRODUCT", "FAC", "LAW", "WORK_OF_ART", "EVENT", "PERSON", "GPE", "LOC", "NORP", "LANGUAGE"}
)
# Ordinals of these nouns date or idiomatically place something ("the first day", "for the first time").
TIME_NOUNS = frozenset({
    "day", "week", "month", "year", "quarter", "century", "decade", "hour", "minute", "half", "weekend",
    "time", "place", "morning", "night"
})  # fmt: skip
# Durations that name a moment, not a length of time ("will join one day").
DURATION_IDIOMS = frozenset({"one day", "a day"})
CONVERTED_KINDS = frozenset({"money", "distance", "area", "weight", "duration"})
CONVERSION_GAP_RE = re.compile(r"\s*[(\[]\s*")


@dataclass(frozen=True, slots=True)
class _Locator:
    """Find tokens and sentences by character offset in one parsed article."""

    doc: Doc
    text: str
    """``doc.text``, kept because spaCy rebuilds it from the tokens on every access."""
    token_starts: list[int]
    sentence_starts: list[int]

    @classmethod
    def of(cls, doc: Doc) -> _Locator:
        """Index the token and sentence starts of a parsed article."""
        return cls(doc, doc.text, [t.idx for t in doc], [s.start_char for s in doc.sents])

    def token_at(self, offset: int) -> Token:
        """Return the token that covers a character offset."""
        return self.doc[max(bisect.bisect_right(self.token_starts, offset) - 1, 0)]

    def span(self, start: int, end: int) -> Span:
        """Return the tokens that overlap the characters ``[start, end)``."""
        first = max(bisect.bisect_right(self.token_starts, start) - 1, 0)
        last = max(bisect.bisect_left(self.token_starts, end) - 1, first)
        return self.doc[first : last + 1]

    def sentence_index(self, offset: int) -> int:
        """Return the index in ``list(doc.sents)`` of the sentence holding an offset."""
        return max(bisect.bisect_right(self.sentence_starts, offset) - 1, 0)


def find_figures(doc: Doc, article_id: str = "") -> list[Figure]:
    """Return the figures of one parsed article in text order, with offsets into ``doc.text``."""
    if not len(doc):
        return []
    locator = _Locator.of(doc)
    figures: list[Figure] = []
    previous: NumberMatch | None = None
    for match in scan_numbers(locator.text):
        if previous is not None and _is_conversion(locator.text, previous, match):
            continue
        figure = _figure(locator, match, article_id)
        if figure is not None:
            figures.append(figure)
            previous = match
    return figures


def _figure(locator: _Locator, match: NumberMatch, article_id: str) -> Figure | None:
    """Turn a number read from the text into a Figure, or None when the parse says it is not one."""
    span = locator.span(match.start, match.end)
    core = locator.token_at(match.num_start)
    anchor = figure_anchor(span, core)
    if match.kind in ("count", "ordinal") and not _counts_something(match, core, anchor):
        return None
    if match.kind == "duration" and core.ent_type_ == "DATE" and _is_idiom(locator.text, match):
        return None
    referent = referent_of(span, match.kind, core)
    if match.kind == "ordinal" and (referent is None or referent.head.lemma_.lower() in TIME_NOUNS):
        return None
    unit = match.unit
    if match.kind == "count" and referent is not None and is_person_noun(referent.head):
        unit = "people"
    text = locator.text
    return Figure(
        article_id=article_id,
        start=match.start,
        end=match.end,
        text=text[match.start : match.end],
        kind=match.kind,
        value=match.value,
        unit=unit,
        approx=match.approx,
        low=match.low,
        high=match.high,
        referent=referent.text if referent else None,
        referent_start=referent.start if referent else None,
        referent_end=referent.end if referent else None,
        sentence_index=locator.sentence_index(match.start),
    )


def _counts_something(match: NumberMatch, core: Token, anchor: Token) -> bool:
    """Tell whether a bare number or ordinal is a figure, not a year, a date, a name or a pronoun."""
    if match.dated or core.ent_type_ in NAME_LABELS:
        return False
    if match.kind == "ordinal" or match.magnitude:
        return True
    counted = anchor.head if anchor.dep_ == "nummod" and anchor.head.pos_ in ("NOUN", "PROPN") else None
    if core.ent_type_ in ("DATE", "TIME") and (counted is None or counted.lemma_.lower() in TIME_NOUNS):
        return False  # the recogniser also calls "between 10 and 12 boats" a date: trust the counted noun
    if match.year_like:
        return counted is not None and counted.tag_ in ("NNS", "NNPS")
    if not match.spelled:
        return True
    # Spelled numbers count only when they count a noun: "two systems", not "the two discussed".
    if match.value == 1:
        return counted is not None and not is_one_idiom(counted)
    next_token = anchor.nbor() if anchor.i + 1 < len(anchor.doc) else None
    return counted is not None or (next_token is not None and next_token.lower_ == "of")


def _is_conversion(text: str, previous: NumberMatch, match: NumberMatch) -> bool:
    """Tell whether a number in brackets right after a figure restates it in other units."""
    return (
        match.kind == previous.kind
        and match.kind in CONVERTED_KINDS
        and CONVERSION_GAP_RE.fullmatch(text, previous.end, match.start) is not None
    )


def _is_idiom(text: str, match: NumberMatch) -> bool:
    """Tell whether a duration is an idiom for a moment ("one day" meaning some day)."""
    return text[match.start : match.end].lower() in DURATION_IDIOMS
