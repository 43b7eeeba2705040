"""Numeric publication dates that read both ways (12/03/2025), settled by the story the article belongs to.

Cleaning reads "12/03/2025" month-first unless the article names one of the two months more often,
and marks the value a guess. Across the corpus there is better evidence: the other articles of the
same story. When the chosen reading falls far outside the dates of the story's other articles and
the other reading falls inside them (or much nearer), the other reading is the publication date: a
British blog post about a March spill, "Updated: 12/03/2025", is from 12 March, not 3 December.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from dateline.model import Article, FieldValue, Story

NUMERIC = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")
MARGIN_DAYS = 14
"""The other reading must be at least this much nearer to the story's other articles to win."""


@dataclass
class DateFix:
    """A publication date read the other way, with the evidence."""

    article_id: str
    date: FieldValue


def readings(value: FieldValue) -> tuple[str, str] | None:
    """Return (chosen, other) when the date came from a numeric snippet that reads both ways."""
    if not value.value or value.estimated:
        return None
    match = NUMERIC.search(value.source)
    if match is None:
        return None
    a, b, year = (int(g) for g in match.groups())
    if a > 12 or b > 12 or a == b:
        return None
    try:
        month_first, day_first = date(year, a, b).isoformat(), date(year, b, a).isoformat()
    except ValueError:
        return None
    chosen = value.value[:10]
    if chosen == month_first:
        return month_first, day_first
    if chosen == day_first:
        return day_first, month_first
    return None


def reconsider(articles: Sequence[Article], stories: Sequence[Story]) -> list[DateFix]:
    """Return the ambiguous publication dates that the article's own story says to read the other way."""
    by_id: Mapping[str, Article] = {a.id: a for a in articles}
    fixes = []
    for story in stories:
        for article_id in story.article_ids:
            article = by_id.get(article_id)
            pair = readings(article.date) if article else None
            if article is None or pair is None:
                continue
            others = sorted(
                by_id[o].date.value[:10]  # type: ignore[index]
                for o in story.article_ids
                if o != article_id and o in by_id and by_id[o].date.value
            )
            if not others:
                continue
            chosen, other = pair
            if _distance(other, others) + MARGIN_DAYS <= _distance(chosen, others):
                low, high = others[0], others[-1]
                fixes.append(DateFix(article_id, FieldValue(
                    other,
                    f"{article.date.source}; read the other way round: the other articles of its story run "
                    f"{low} to {high}",
                    round(min(article.date.confidence, 0.6), 2),
                )))
    return fixes


def _distance(day: str, others: Sequence[str]) -> int:
    """Days from ``day`` to the range the other dates span (0 inside it)."""
    low, high = date.fromisoformat(others[0]), date.fromisoformat(others[-1])
    when = date.fromisoformat(day)
    if low <= when <= high:
        return 0
    return (low - when).days if when < low else (when - high).days
