"""The day an article talks about: read from the time expressions of its lead, else its publication date.

A report says when its happening took place near the top ("struck ... early Tuesday", "resigned on
Monday", "gave the estimate yesterday"); the publication stamp often sits there too ("Published March
8, 2025 | 09:12 AM") and is skipped, and so is a day after publication (what is planned is not what
happened). A day resolved against a known publication date is *anchored*:
clustering may trust it to keep happenings days apart. Without a publication date only dates written
in full can be read, and one of those near the top is as likely the dateline as the happening, so it
names the day but is not trusted to split events.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from dateline.model import ArticleAnalysis, TimeRef

LEAD_SENTENCES = 3
WINDOW_DAYS = 2
"""Anchored days further apart than this are different happenings (a follow-up three days on is news of its own)."""

YEAR = re.compile(r"\b(1[89]|20)\d{2}\b")
CLOCK = re.compile(r"^\s*\d{1,2}\s*[:.]\s*\d{2}")


@dataclass(frozen=True)
class EventDay:
    """The day an article reports, and what says so."""

    day: str
    expression: str | None
    """The time expression as written ("Tuesday", "yesterday"), or None for the publication date."""
    published: str | None
    """The publication date it was resolved against, when known."""

    @property
    def anchored(self) -> bool:
        """Tell whether the day rests on a known publication date (and may keep events apart)."""
        return self.published is not None

    @property
    def evidence(self) -> str:
        """Say where the day comes from, for an event's ``date_source``."""
        if self.expression is None:
            return f"publication date {self.day}"
        if self.published is None:
            return f"'{self.expression}' in the lead"
        return f"'{self.expression}' resolved against {self.published}"


def event_day(analysis: ArticleAnalysis, published: str | None) -> EventDay | None:
    """Return the day an article reports: its lead's first day-precise expression, else its publication date."""
    published = iso_day(published)
    lead_end = _lead_end(analysis)
    for timex in analysis.timexes:
        if timex.start >= lead_end:
            break
        if _is_report_day(timex) and not _is_publication_stamp(timex, published) and not _after(timex, published):
            return EventDay(str(timex.first_day), timex.text, published)
    return EventDay(published, None, published) if published else None


def days_apart(a: str, b: str) -> int:
    """Return the number of days between two ISO days."""
    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)


def iso_day(value: str | None) -> str | None:
    """Return the ISO day of a date or timestamp string, or None when it is not one."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def _lead_end(analysis: ArticleAnalysis) -> int:
    """Return the offset where the lead (the first few sentences) ends."""
    lead = analysis.sentences[:LEAD_SENTENCES]
    return lead[-1].end if lead else 0


def _is_report_day(timex: TimeRef) -> bool:
    """Tell whether a time expression names one calendar day."""
    return (
        timex.type in ("DATE", "TIME")
        and timex.first_day is not None
        and timex.first_day == timex.last_day
        and not CLOCK.match(timex.text)
    )


def _after(timex: TimeRef, published: str | None) -> bool:
    """Tell whether an expression names a day after publication: an announcement, not the happening."""
    return published is not None and str(timex.first_day) > published


def _is_publication_stamp(timex: TimeRef, published: str | None) -> bool:
    """Tell whether a full date in the lead is the publication stamp rather than the happening."""
    return published is not None and YEAR.search(timex.text) is not None and timex.first_day == published
