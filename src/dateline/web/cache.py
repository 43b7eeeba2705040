"""A snapshot of the corpus for the web app: article cards, clustering and per-story results, built once per change.

Clustering a corpus takes seconds; a page must take milliseconds. The snapshot holds what every page
needs (article cards, events, stories, copies, people) and memoises slower per-story results
(timeline, conflicts, coverage). It is keyed on the clustering the store keeps (``store_signature``),
which changes when an analysis ends: pages keep reading the previous snapshot while a background
thread builds the next one (stale while revalidating), and rebuilds are spaced out.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from dateline.api import Corpus
from dateline.corpus.coverage import named_outlets
from dateline.model import Article, CopyGroup, Entity, Event, Story

if TYPE_CHECKING:
    from dateline.corpus.cluster_records import Clustering

T = TypeVar("T")

MIN_REBUILD_INTERVAL = 10.0
"""Seconds between two background rebuilds at least; also at least REBUILD_SPACING times the last build's duration."""
REBUILD_SPACING = 4.0
WARM_STORIES = 3
"""Stories whose page data (timeline, conflicts, coverage) a rebuild computes before the snapshot goes live."""


class PinnedCorpus(Corpus):
    """The corpus as of one snapshot: the same article list and clustering for every question asked of it.

    Timelines, conflicts and coverage all start from ``clustering()`` and ``articles()``; pinning them
    makes a page's parts agree with each other (a story id of the snapshot is a story id of its
    timeline) and keeps a busy ingest from making each part cluster the corpus again.
    """

    def __init__(self, db: Path, articles: list[Article], clustering: Clustering | None) -> None:
        super().__init__(db)
        self._articles = articles
        self._clustering = clustering

    def articles(self, limit: int | None = None) -> list[Article]:
        """Return the snapshot's articles by publication date, undated last."""
        return list(self._articles[:limit] if limit is not None else self._articles)

    def clustering(self, refresh: bool = False, stale_ok: bool = False) -> Clustering:
        """Return the snapshot's clustering (computed when the snapshot was built)."""
        if self._clustering is None:
            return super().clustering(refresh, stale_ok)
        return self._clustering


@dataclass
class ArticleCard:
    """What lists and links show of an article: no text, so a snapshot of thousands stays small."""

    id: str
    title: str
    date: str | None
    date_estimated: bool
    outlet: str | None
    author: str | None
    source: str


@dataclass
class Snapshot:
    """The corpus as the pages read it, at one state of the store."""

    signature: tuple[str, ...]
    corpus: Corpus
    """The corpus pinned to this snapshot's articles and clustering: what every page asks."""
    articles: dict[str, ArticleCard]
    clustering: Clustering | None
    stories: list[Story]
    events: dict[str, Event]
    event_of: dict[str, str]
    copy_groups: dict[str, CopyGroup]
    """Copy group by member id (original and copies alike)."""
    people: list[Entity]
    built_seconds: float = 0.0
    _memo: dict[Any, Any] = field(default_factory=dict)
    _key_locks: dict[Any, threading.Lock] = field(default_factory=dict)
    _memo_lock: threading.Lock = field(default_factory=threading.Lock)

    def memo(self, key: Any, compute: Callable[[], T]) -> T:
        """Return the value computed once for ``key`` in this snapshot (a new snapshot starts empty).

        Concurrent requests for the same key wait for the one computing it rather than all computing it.
        """
        with self._memo_lock:
            if key in self._memo:
                return self._memo[key]
            key_lock = self._key_locks.setdefault(key, threading.Lock())
        with key_lock:
            with self._memo_lock:
                if key in self._memo:
                    return self._memo[key]
            value = compute()
            with self._memo_lock:
                self._memo[key] = value
            return value

    def story(self, story_id: str) -> Story | None:
        """Return the story with this id."""
        return next((s for s in self.stories if s.id == story_id), None)

    def cards(self, article_ids: list[str]) -> list[ArticleCard]:
        """Return the cards of the given articles that exist, by date (undated last)."""
        cards = [self.articles[a] for a in article_ids if a in self.articles]
        return sorted(cards, key=lambda c: (c.date is None, c.date or "", c.id))


def store_signature(db: Path) -> tuple[str, ...]:
    """Return what a new snapshot depends on: when the corpus's clustering was last kept, else the article count.

    ``analyze`` keeps the clustering when it ends, so a long ingest in another process changes this
    once, when its analysis is done, not at each article it writes: pages keep reading one snapshot
    (the corpus as of the last finished analysis) instead of rebuilding while the ingest runs.
    """
    try:
        conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True, timeout=1.0)
    except sqlite3.Error:
        return ("missing",)
    try:
        row = conn.execute("SELECT computed_at FROM clustering_state WHERE id = 1").fetchone()
        if row is not None:
            return ("kept", str(row[0]))
        return ("articles", str(conn.execute("SELECT count(*) FROM articles").fetchone()[0]))
    except sqlite3.Error:
        return ("unreadable",)
    finally:
        conn.close()


def build_snapshot(db: Path) -> Snapshot:
    """Read the corpus and cluster it: the one slow step, done off the request path."""
    started = time.perf_counter()
    signature = store_signature(db)
    articles = Corpus(db).articles()
    # The last kept clustering: an ingest in another process keeps a fresh one when its analysis ends.
    clustering = Corpus(db).clustering(stale_ok=True) if articles else None
    corpus = PinnedCorpus(db, articles, clustering)
    estimated = clustering.estimated_dates if clustering else {}
    # One name per outlet, as the report and the coverage matrix count them.
    outlet_of = named_outlets(articles)
    cards = {}
    for a in articles:
        date, is_estimated = a.date.value, a.date.estimated
        if not a.date.known and a.id in estimated:
            date, is_estimated = estimated[a.id][0], True
        cards[a.id] = ArticleCard(
            id=a.id,
            title=a.title.value or Path(a.source.partition("#")[0]).name or a.id,
            date=(date or None) and date[:10],
            date_estimated=is_estimated,
            outlet=outlet_of.get(a.id),
            author=a.author.value,
            source=a.source,
        )
    events = {e.id: e for e in clustering.events} if clustering else {}
    stories = sorted(clustering.stories, key=lambda s: (-len(s.article_ids), s.id)) if clustering else []
    copy_groups = {}
    for group in clustering.copies if clustering else []:
        for member in [group.original_id, *group.copy_ids]:
            copy_groups[member] = group
    return Snapshot(
        signature=signature,
        corpus=corpus,
        articles=cards,
        clustering=clustering,
        stories=stories,
        events=events,
        event_of={a: e.id for e in events.values() for a in e.article_ids},
        copy_groups=copy_groups,
        people=corpus.people(),
        built_seconds=time.perf_counter() - started,
    )


class SnapshotCache:
    """The current snapshot of one store, rebuilt in the background when the store changes."""

    def __init__(
        self, db: Path, min_interval: float = MIN_REBUILD_INTERVAL, warm: Callable[[Snapshot], object] | None = None
    ) -> None:
        self.db = db
        self.min_interval = min_interval
        self.warm = warm
        """Called with a new snapshot before it goes live (to compute what the busiest pages need)."""
        self._snapshot: Snapshot | None = None
        self._build_lock = threading.Lock()
        self._state_lock = threading.Lock()
        self._building = False
        self._last_built = 0.0

    def get(self) -> Snapshot:
        """Return the current snapshot; schedule a rebuild if the store changed since it was built."""
        snapshot = self._snapshot
        if snapshot is None:
            return self.refresh()
        if store_signature(self.db) != snapshot.signature:
            self._schedule()
        return snapshot

    def refresh(self) -> Snapshot:
        """Build a snapshot now (one build at a time) and make it current."""
        with self._build_lock:
            current = self._snapshot
            if current is not None and current.signature == store_signature(self.db):
                return current
            snapshot = build_snapshot(self.db)
            if self.warm is not None:
                started = time.perf_counter()
                self.warm(snapshot)
                snapshot.built_seconds += time.perf_counter() - started
            self._snapshot = snapshot
            self._last_built = time.monotonic()
            return snapshot

    def _schedule(self) -> None:
        """Start a background rebuild unless one runs or the last one was too recent."""
        with self._state_lock:
            snapshot = self._snapshot
            spacing = max(self.min_interval, REBUILD_SPACING * (snapshot.built_seconds if snapshot else 0.0))
            if self._building or time.monotonic() - self._last_built < spacing:
                return
            self._building = True
        threading.Thread(target=self._rebuild, name="dateline-snapshot", daemon=True).start()

    def _rebuild(self) -> None:
        """Rebuild in a thread; a failure leaves the previous snapshot in place."""
        try:
            self.refresh()
        except Exception:  # noqa: BLE001 - a failed rebuild must not take the pages down
            self._last_built = time.monotonic()
        finally:
            with self._state_lock:
                self._building = False
