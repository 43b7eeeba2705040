"""Who covered what: per event the outlets with their own report, those that only carried a copy, who was first.

An outlet is named differently by different articles ("Coastal Wire Service - CWS" and "CWS",
"www.shorelinenews.example"); ``outlet_names`` folds the spellings that share a part into one outlet, and
names an article that gives no outlet after itself rather than guessing. ``event_coverage`` reads the
events and copy groups clustering found; ``story_coverage`` lays a story out as a matrix of outlets by
events. Linear in the number of articles; nothing is compared pairwise.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlparse

from dateline.corpus.cluster_records import Clustering
from dateline.corpus.cluster_time import iso_day
from dateline.model import Article, EventCoverage, StoryCoverage

PART_SPLIT_RE = re.compile(r"\s+[-–—|:]\s+|[()\[\]]")
NON_WORD_RE = re.compile(r"[^\w]+")
# Parts of outlet names that name no outlet on their own: sharing one says nothing.
GENERIC_PARTS = frozenset({
    "news", "online", "staff", "the", "com", "www", "daily", "times", "post", "wire", "report", "media",
    "agency", "press", "tv", "radio", "web", "home", "world", "local", "source"
})  # fmt: skip
UNDATED = "9999-99-99"


@dataclass(frozen=True, slots=True)
class Source:
    """What coverage and conflicts need of one article: its outlet as written, date and link."""

    article_id: str
    outlet: str | None = None
    date: str | None = None
    url: str | None = None
    title: str | None = None
    date_estimated: bool = False
    """True when ``date`` was estimated from the content: it may not anchor the day an article reports."""


def sources_of(articles: Iterable[Article], estimated_dates: dict[str, tuple[str, str]] | None = None) -> list[Source]:
    """Return the Source of each stored article; an undated article takes its estimated date when it has one."""
    estimated = estimated_dates or {}
    sources = []
    for article in articles:
        published = iso_day(article.date.value)
        guess = iso_day(estimated[article.id][0]) if article.id in estimated else None
        sources.append(Source(
            article.id, article.outlet.value or None, published or guess, article.url, article.title.value,
            date_estimated=published is None and guess is not None,
        ))
    return sources


def named_outlets(articles: Iterable[Article]) -> dict[str, str]:
    """Return the outlet of each article that names one, one name per outlet ("Coastal Wire Service - CWS" and
    "CWS" are one), as the report header, the coverage matrix and the statements count them."""
    return outlet_names(sources_of([a for a in articles if a.outlet.known and a.outlet.value]))


def outlet_names(sources: Iterable[Source]) -> dict[str, str]:
    """Return each article's outlet, one name per outlet whatever the spelling; unnamed articles stand alone."""
    sources = list(sources)
    parent: dict[str, str] = {}

    def find(key: str) -> str:
        while parent.setdefault(key, key) != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    written: dict[str, str] = {}
    for source in sources:
        name = _written_outlet(source)
        if name is None:
            continue
        written[source.article_id] = name
        keys = outlet_keys(name)
        for key in keys[1:]:
            parent[find(key)] = find(keys[0])
    # The display name of an outlet is its longest spelling: "Coastal Wire Service - CWS" over "CWS".
    display: dict[str, str] = {}
    for name in written.values():
        root = find(outlet_keys(name)[0])
        if len(name) > len(display.get(root, "")):
            display[root] = name
    names = {}
    for source in sources:
        name = written.get(source.article_id)
        names[source.article_id] = (
            display[find(outlet_keys(name)[0])] if name else f"unnamed outlet ({source.article_id[:8]})"
        )
    return names


def outlet_keys(name: str) -> list[str]:
    """Return the keys an outlet name is known by: the whole name folded, then each telling part of it."""
    whole = _fold(name)
    keys = [whole or name]
    host = name.lower().removeprefix("www.")
    if "." in host and " " not in host:
        keys.append(_fold(host.split(".")[0]))  # "shorelinenews.example" is Shoreline News
    for part in PART_SPLIT_RE.split(name):
        key = _fold(part)
        if key and key != whole and len(key) >= 2 and key not in GENERIC_PARTS:
            keys.append(key)
    return [k for i, k in enumerate(keys) if k and k not in keys[:i]]


def event_coverage(
    clustering: Clustering, outlets: dict[str, str], dates: dict[str, str | None]
) -> list[EventCoverage]:
    """Return per event who reported it independently, who only carried a copy, and who was first."""
    copy_of = {c: g.original_id for g in clustering.copies for c in g.copy_ids}
    result = []
    for event in clustering.events:
        by_outlet: dict[str, list[str]] = {}
        own: dict[str, str] = {}
        # By date, an original before its copies of the same day: the outlet that wrote it comes first.
        for article_id in sorted(event.article_ids, key=lambda a: (dates.get(a) or UNDATED, a in copy_of, a)):
            outlet = outlets.get(article_id) or f"unnamed outlet ({article_id[:8]})"
            by_outlet.setdefault(outlet, []).append(article_id)
            if article_id not in copy_of:
                own.setdefault(outlet, dates.get(article_id) or UNDATED)
        dated = [d for a in event.article_ids if (d := dates.get(a))]
        first_date = min(dated) if dated else None
        first = [o for o, ids in by_outlet.items() if first_date and any(dates.get(a) == first_date for a in ids)]
        result.append(EventCoverage(
            event_id=event.id,
            story_id=event.story_id,
            date=event.date,
            label=event.label,
            independent=sorted(own, key=lambda o: (own[o], o)),
            copy_only=sorted(o for o in by_outlet if o not in own),
            first_outlets=first,
            first_date=first_date,
            articles=by_outlet,
        ))
    return result


def story_coverage(clustering: Clustering, events: list[EventCoverage]) -> list[StoryCoverage]:
    """Return each story's coverage matrix: outlets by events in date order, most active outlets first."""
    by_id = {e.event_id: e for e in events}
    result = []
    for story in clustering.stories:
        story_events = sorted(
            (by_id[e] for e in story.event_ids if e in by_id), key=lambda e: (e.date or UNDATED, e.event_id)
        )
        reach: dict[str, int] = {}
        for event in story_events:
            for outlet in event.articles:
                reach[outlet] = reach.get(outlet, 0) + (2 if outlet in event.independent else 1)
        outlets = sorted(reach, key=lambda o: (-reach[o], o.casefold()))
        cells = [[_cell(outlet, event) for event in story_events] for outlet in outlets]
        result.append(StoryCoverage(story.id, story.label, outlets, story_events, cells))
    return result


def _cell(outlet: str, event: EventCoverage) -> str:
    """Return what an outlet did for an event: first, own (an independent report), copy, or nothing."""
    if outlet in event.independent:
        return "first" if outlet in event.first_outlets else "own"
    return "copy" if outlet in event.articles else ""


def _written_outlet(source: Source) -> str | None:
    """Return the outlet an article names, else the host of its URL, else None."""
    if source.outlet and source.outlet.strip():
        return source.outlet.strip()
    if source.url:
        host = urlparse(source.url).hostname
        if host:
            return host.removeprefix("www.")
    return None


def _fold(text: str) -> str:
    """Fold a name for comparison: accents, case and everything but letters and digits dropped."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return NON_WORD_RE.sub("", folded)
