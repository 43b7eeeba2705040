"""Timeline dates: which days of a set of articles matter most, from how often the articles name them.

DATEWISE's signal (Gholipour Ghalandari & Ifrim, ACL 2020): a day matters when many independent
reports name it in a day-precise time expression, more so when they name it afterwards, looking
back; reports published that day are a weaker sign. Each count is log-scaled against the busiest
day's, so the score reads the same on 50 articles or 5,000, and copies count once, for their
original. The weights are fixed: a logistic regression fitted leave-one-topic-out on Timeline17 over
these and six more counts (lead, written-date and keyword mentions, sentences, next-day publications)
ranked held-out dates worse (date F1 0.646 against 0.670).

Also measured on Timeline17 and left out (none raised date F1 by more than 0.006; those scored with
tilse's ROUGE left AR2-F at or below its 0.039): explicit mentions ("June 2") weighed above relative
ones ("Monday", "yesterday"), or given the final say between two adjacent days, although around a
reference day explicit mentions peak on it (70 % of those within a day of it) while weekday and
"yesterday" ones spread over the day before, the day and the day after (about 30/40/30 %); the next
day's publications as evidence for a day; mentions only by reports published 3, 7 or 30 days later;
mentions by keyword sentences only; a day's score against its neighbourhood's (local peaks over 3 to
30 days); a penalty for days near chosen ones; skipping a day whose best sentence repeats the timeline.
Most remaining misses are days inside a busy stretch that the reference skipped, or late, quiet
milestones that few reports name.

Cost: one pass over the candidate sentences and the articles; memory one set of report ids per day.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from dateline.corpus.timeline_sentences import Candidate

WEIGHTS = {"mention_reports": 2.0, "later_reports": 1.0, "published_reports": 0.5}
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}$")


@dataclass
class DayEvidence:
    """What the articles say about one day: the reports that name it, and how many came out that day."""

    reports: set[str] = field(default_factory=set)
    later: set[str] = field(default_factory=set)
    """Reports published after the day that name it."""
    published: int = 0

    def counts(self) -> dict[str, int]:
        """Return the counts the score weighs."""
        return {
            "mention_reports": len(self.reports),
            "later_reports": len(self.later),
            "published_reports": self.published,
        }


def gather_evidence(
    candidates: Iterable[Candidate], published: Mapping[str, str | None], copies: Mapping[str, str]
) -> dict[str, DayEvidence]:
    """Collect, per day, the reports that name it and the number of reports published on it."""
    evidence: dict[str, DayEvidence] = defaultdict(DayEvidence)
    for candidate in candidates:
        reports = {copies.get(a, a) for a in candidate.carriers}
        for day in candidate.days:
            if not ISO_DAY.match(day):
                continue
            found = evidence[day]
            found.reports |= reports
            if candidate.published and candidate.published > day:
                found.later |= reports
    for article_id, published_on in published.items():
        if published_on and ISO_DAY.match(published_on) and article_id not in copies:
            evidence[published_on].published += 1
    return dict(evidence)


def rank_dates(
    evidence: Mapping[str, DayEvidence], since: str | None = None, until: str | None = None
) -> list[str]:
    """Return the days between ``since`` and ``until`` (inclusive), most important first."""
    inside = {d: e.counts() for d, e in evidence.items() if (not since or d >= since) and (not until or d <= until)}
    peak = {name: max((c[name] for c in inside.values()), default=0) for name in WEIGHTS}

    def score(day: str) -> float:
        counts = inside[day]
        return sum(w * math.log1p(counts[n]) / math.log1p(peak[n]) for n, w in WEIGHTS.items() if peak[n])

    return sorted(inside, key=lambda d: (-score(d), d))
