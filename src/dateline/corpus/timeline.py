"""Timelines: the key dates of a set of articles and a short summary per date made of their own sentences.

Extractive, in the manner of DATEWISE (Gholipour Ghalandari & Ifrim, ACL 2020): dates are ranked by
how much the articles talk about them (``timeline_dates``), then each date's summary is picked from
the sentences that refer to it: their event date is that day, or they open an article published
that day and name no day at all. Candidates are scored by centrality (TF-IDF cosine to the mean of
the date's candidates) plus, at half weight, their cosine to the mean of every date's candidates
(on-story rather than aside), plus a bonus for an entry of a chronology an article carries ("April 29 -
Obama pledges ...": the newsroom's own timeline line for that day, quoted without its leading day), a
smaller one for a report published that day or the next (news of the day rather than a later
recollection), and one that grows with the number of other articles carrying the sentence word for
word; when keywords are given they must contain one. A sentence too similar to one already chosen
anywhere in the timeline is skipped, so no two entries say the same thing; a date left with nothing
to say gives its place to the next one.

On Timeline17 (``benchmarks/tls.py``, Perl ROUGE) the two bonuses and the cut prefix took AR2-F from
0.039 to 0.042, and the repetition bonus to 0.0445 (0.0433 at 0.1, 0.0445 at 0.15 and 0.2, 0.0446 at
0.25, 0.0432 at 0.3, 0.042 at 0.5 and 0.8; a flat 0.1 or 0.2 for any repetition: 0.043 / 0.042;
counting near-repeats, TF-IDF cosine above 0.5 from other articles, instead: 0.042). Scoring and quoting
sentences without the page furniture that opens them (``timeline_furniture``: wire credits, stamps, bylines,
stray brackets) took it to 0.0451; cutting it only from the quoted text gave 0.0448. Learned scorers
(ridge, logistic and gradient-boosted regressions over 26 sentence features, and a logistic regression
over hashed words, all fitted leave-one-topic-out against the reference summaries) ranked held-out
sentences worse than this centroid score, so nothing here is fitted.

Cost: one pass over the sentences, one TF-IDF fit over the candidates of the ranked dates, and per
date a product of its candidates with the chosen sentences: near-linear in the number of sentences.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.feature_extraction.text import TfidfVectorizer

from dateline.corpus.timeline_dates import gather_evidence, rank_dates
from dateline.corpus.timeline_sentences import (
    LEAD,
    Candidate,
    chronology_prefix,
    collect_candidates,
    is_chronology_entry,
    keyword_pattern,
)
from dateline.model import ArticleAnalysis, TimelineEntry, TimelineSentence

REDUNDANT = 0.5
"""TF-IDF cosine above which a sentence repeats one already in the timeline."""
TOPICALITY = 0.5
"""Weight of a sentence's similarity to the whole timeline's candidates, beside its date's."""
CHRONOLOGY = 0.5
"""Bonus of a chronology entry ("April 29 - ..."): a line of a newsroom's own timeline for its day."""
FRESH = 0.1
"""Bonus of a sentence published on its day or the next: the news of the day, not a later recollection."""
REPEATED = 0.2
"""Bonus per log(1 + other articles carrying the sentence word for word): a line that reports and backgrounders
keep repeating ("The April 20 explosion killed 11 workers") is one a newsroom already chose to summarise the day."""
MIN_WORDS = 5
MAX_WORDS = 60


@dataclass
class Pool:
    """The candidates of every ranked date, vectorised once, and the ones already chosen."""

    by_day: dict[str, list[int]]
    candidates: list[Candidate]
    vectors: csr_matrix
    topicality: np.ndarray
    """Each candidate's cosine to the mean of all candidates: how much it is about the story at all."""
    chosen: list[int]


def build_timeline(
    analyses: list[ArticleAnalysis],
    articles: dict[str, tuple[str | None, str | None]],
    n_dates: int,
    per_date: int,
    keywords: list[str] | None = None,
    since: str | None = None,
    until: str | None = None,
    copies: dict[str, str] | None = None,
) -> list[TimelineEntry]:
    """Return the ``n_dates`` key dates, each with up to ``per_date`` sentences that cite their articles."""
    if n_dates <= 0 or per_date <= 0:
        return []
    copies = copies or {}
    keyword = keyword_pattern(keywords)
    candidates = collect_candidates(analyses, articles, copies)
    published = {article_id: day for article_id, (day, _) in articles.items()}
    days = rank_dates(gather_evidence(candidates, published, copies), since, until)
    pool = _pool(candidates, days, keyword)
    entries: list[TimelineEntry] = []
    for day in days:
        if len(entries) == n_dates:
            break
        picked = _summarise_day(pool, day, per_date)
        if picked:
            entries.append(TimelineEntry(day, [_cite(pool.candidates[i], day) for i in picked]))
    return sorted(entries, key=lambda e: e.date)


def _pool(candidates: Sequence[Candidate], days: Sequence[str], keyword: re.Pattern[str] | None) -> Pool:
    """Group the usable candidates by the day they refer to and vectorise them."""
    wanted = set(days)
    usable = [c for c in candidates if _usable(c, keyword)]
    by_day: dict[str, list[int]] = defaultdict(list)
    kept: list[Candidate] = []
    for candidate in usable:
        day = candidate.event_day or (candidate.published if candidate.position < LEAD else None)
        if day in wanted:
            by_day[day].append(len(kept))
            kept.append(candidate)
    if not kept:
        return Pool({}, [], csr_matrix((0, 0)), np.zeros(0), [])
    try:
        vectors = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform([c.text for c in kept])
    except ValueError:  # nothing but stop words: every sentence is as central as the next
        vectors = csr_matrix((len(kept), 1))
    return Pool(dict(by_day), kept, vectors, _cosine_to_mean(vectors), [])


def _cosine_to_mean(vectors: csr_matrix) -> np.ndarray:
    """Return each row's cosine to the mean row (rows are unit length or zero)."""
    mean = np.asarray(vectors.mean(axis=0)).ravel()
    norm = np.linalg.norm(mean)
    return np.asarray(vectors @ mean).ravel() / norm if norm else np.zeros(vectors.shape[0])


def _usable(candidate: Candidate, keyword: re.Pattern[str] | None) -> bool:
    """Tell whether a sentence can stand in a summary: a statement of sensible length, on topic."""
    words = len(candidate.text.split())
    if not MIN_WORDS <= words <= MAX_WORDS or candidate.text.rstrip("'\" ").endswith("?"):
        return False
    return keyword is None or bool(keyword.search(candidate.text))


def _summarise_day(pool: Pool, day: str, per_date: int) -> list[int]:
    """Pick the day's most central, on-story sentences that repeat nothing already chosen."""
    members = pool.by_day.get(day, [])
    if not members:
        return []
    score = (
        _cosine_to_mean(pool.vectors[members])
        + TOPICALITY * pool.topicality[members]
        + np.array([_bonus(pool.candidates[i], day) for i in members])
    )
    picked: list[int] = []
    for order in np.argsort(-score, kind="stable"):
        index = members[int(order)]
        if pool.chosen and (pool.vectors[pool.chosen] @ pool.vectors[index].T).max() > REDUNDANT:
            continue
        picked.append(index)
        pool.chosen.append(index)
        if len(picked) == per_date:
            break
    return picked


def _bonus(candidate: Candidate, day: str) -> float:
    """Return what a sentence's form and timing add to its centrality as the summary of ``day``."""
    bonus = CHRONOLOGY if is_chronology_entry(candidate.text) else 0.0
    if candidate.published and candidate.published[:10] in (day, _next_day(day)):
        bonus += FRESH
    return bonus + REPEATED * math.log1p(len(candidate.also_in))


def _next_day(day: str) -> str:
    """Return the ISO day after ``day`` (``day`` itself when it is not an ISO day)."""
    try:
        return (date.fromisoformat(day) + timedelta(days=1)).isoformat()
    except ValueError:
        return day


def _cite(candidate: Candidate, day: str) -> TimelineSentence:
    """Turn a candidate into a timeline sentence citing its article and the others that carry it.

    A chronology entry for ``day`` is quoted without its leading "April 29 - ": the entry's date says it. (A
    wire dateline, "KYIV, Ukraine (AP) — ", was cut when the candidate was made: ``timeline_furniture``.)
    """
    cut = chronology_prefix(candidate.text) if candidate.event_day == day else 0
    return TimelineSentence(candidate.text[cut:], candidate.article_id, candidate.start + cut, candidate.end,
                            list(candidate.also_in))

