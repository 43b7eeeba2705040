"""The cross-article index kept between runs, so that clustering a stored corpus continues instead of restarting.

What is kept (one compressed JSON blob in the store, never pickle: a database file may come from someone
else): the copy index (each article's MinHash, its copy group, what each copy changed), the event index
(each article's term bags, day, entities, nearest neighbours, the posting lists and the events) and,
per article, a fingerprint of its cross-article input: content hash, title, publication date, the stamp
of its analysis (which moves whenever its event day can), its entity keys and the original it copies.

``cluster_store`` compares the fingerprints with the store's articles:
- **new articles only** (the daily case): they are added to the copy index and the event index, which
  re-clusters only the events they link to; nothing old is read again;
- **some old inputs changed** (a relink renamed an entity they mention, a date was settled, a new article
  became the original of an old one): those articles are taken out of the event index and added again,
  and their events are clustered again (``EventIndex.update``);
- **a full rebuild**, when there is no kept index, it cannot be read (a warning is logged, nothing stored
  is lost: the index is derived data), an article was deleted or its text changed (copy groups cannot
  be undone), or more than ``REBUILD_SHARE`` of the articles changed.
Stories, estimated dates and event labels are computed again from the index every time: they are
linear in the number of events and need no text.
"""

from __future__ import annotations

import hashlib
import json
import logging
import zlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from dateline.corpus.cluster import EventIndex, entity_key, estimate_dates, make_input
from dateline.corpus.cluster_records import Clustering, ClusterUpdate
from dateline.corpus.dedup import CopyIndex
from dateline.corpus.stories import KnownLinks, link_stories

if TYPE_CHECKING:
    from dateline.store import Store

logger = logging.getLogger(__name__)

FORMAT = 1
"""Bump when what ``ClusterState.dumps`` writes changes: an index in another format is rebuilt, not read."""
REBUILD_SHARE = 0.5
"""When more than this share of the articles changed, rebuilding is simpler and no slower than updating."""


@dataclass
class ClusterState:
    """The copy and event indexes of a stored corpus, with the fingerprint each article had when added."""

    copies: CopyIndex
    events: EventIndex
    fingerprints: dict[str, str] = field(default_factory=dict)
    """Article id -> fingerprint of its event input (what the event index holds for it)."""
    copy_keys: dict[str, str] = field(default_factory=dict)
    """Article id -> fingerprint of its copy input (content hash and title)."""
    story_links: dict[tuple[int, int], float] = field(default_factory=dict)
    """Similarities of event pairs by event number, from the last story linking (``stories.KnownLinks``)."""
    loaded: bool = False
    """Whether this state continues a kept index (False: empty, the next clustering builds it)."""
    problem: str | None = None
    """Why a kept index could not be used, when it could not."""

    def reset(self, store: Store) -> None:
        """Empty the indexes (in place: a caller holding this state sees the rebuild)."""
        self.copies, self.events = CopyIndex(_text_loader(store)), EventIndex()
        self.fingerprints, self.copy_keys, self.story_links = {}, {}, {}

    def dumps(self) -> bytes:
        """Serialise the state (compressed JSON)."""
        data = {
            "copies": self.copies.to_data(),
            "events": self.events.to_data(),
            "fingerprints": self.fingerprints,
            "copy_keys": self.copy_keys,
            "story_links": [[a, b, similarity] for (a, b), similarity in self.story_links.items()],
        }
        return zlib.compress(json.dumps(data, separators=(",", ":")).encode("utf-8"), 1)


def empty_state(store: Store) -> ClusterState:
    """Return a state with empty indexes that reads article texts from ``store``."""
    return ClusterState(CopyIndex(_text_loader(store)), EventIndex())


def load_state(store: Store) -> ClusterState:
    """Read the kept index of ``store``; an empty state when there is none or it cannot be read (logged)."""
    payload = store.load_cluster_index(FORMAT)
    if payload is None:
        return empty_state(store)
    try:
        data = json.loads(zlib.decompress(payload))
        names = {e.id: e.name for e in store.entities()}
        state = ClusterState(
            CopyIndex.from_data(data["copies"], _text_loader(store)),
            EventIndex.from_data(data["events"], names),
            {str(k): str(v) for k, v in data["fingerprints"].items()},
            {str(k): str(v) for k, v in data["copy_keys"].items()},
            {(int(a), int(b)): float(s) for a, b, s in data["story_links"]},
            loaded=True,
        )
        held = {item.article_id for item in state.events.inputs()}
        if state.fingerprints.keys() != held or any(i not in state.copies for i in state.copy_keys):
            raise ValueError("fingerprints and indexes hold different articles")
    except (ValueError, KeyError, TypeError, IndexError, AttributeError, zlib.error) as exc:
        logger.warning("the kept cluster index of %s cannot be read (%s); clustering the whole corpus again",
                       store.path, exc)
        state = empty_state(store)
        state.problem = f"kept index unreadable: {exc}"
    return state


def cluster_store(store: Store, state: ClusterState | None = None) -> Clustering:
    """Bring ``state`` (read from the store when not given) up to the store's articles; keep and return it.

    The returned clustering's ``update`` says which path was taken; its ``inputs`` carry no text.
    """
    state = state or load_state(store)
    keys = store.cluster_keys()
    order = [row[0] for row in keys]
    by_id = {row[0]: row for row in keys}
    copy_keys = {row[0]: _digest(row[3], row[1] or "") for row in keys}
    reason = _rebuild_reason(state, copy_keys)
    if reason:
        state.reset(store)
    new_copies = [i for i in order if i not in state.copies]
    texts = _texts(store, new_copies)
    for article_id in new_copies:
        text, title = texts[article_id]
        state.copies.add(article_id, text, by_id[article_id][2], title)
    for article_id in order:
        if article_id not in texts:
            state.copies.set_date(article_id, by_id[article_id][2])
    state.copy_keys = copy_keys
    copy_of = state.copies.copy_of()

    entity_keys = _entity_keys(store)
    fingerprints = {
        i: _digest(copy_keys[i], title or "", date or "", stamp, copy_of.get(i, ""), *sorted(entity_keys.get(i, [])))
        for i, title, date, _, stamp in keys
    }
    removed = [i for i in state.fingerprints if i not in fingerprints]
    changed = [i for i in order if i in state.fingerprints and state.fingerprints[i] != fingerprints[i]]
    if not reason and len(changed) + len(removed) > REBUILD_SHARE * max(len(order), 1):
        reason = f"{len(changed) + len(removed)} of {len(order)} articles changed"
        state.events, state.fingerprints, state.story_links = EventIndex(), {}, {}  # copies stay valid
        changed, removed = [], []
    todo = [i for i in order if fingerprints[i] != state.fingerprints.get(i)]
    names = {e.id: e.name for e in store.entities()}
    texts.update(_texts(store, [i for i in todo if i not in texts]))
    inputs = [
        make_input(i, texts[i][0], texts[i][1], by_id[i][2], store.analysis(i), copy_of.get(i), names) for i in todo
    ]
    state.events.update(inputs, removed)
    state.fingerprints = fingerprints
    update = ClusterUpdate(
        "rebuild" if reason else "incremental",
        reason or "continued the kept index",
        added=len(todo) - len(changed), updated=len(changed), removed=len(removed),
    )
    logger.info("clustering: %s (%s): %d added, %d updated, %d removed",
                update.path, update.reason, update.added, update.updated, update.removed)
    items = state.events.inputs()
    for item in items:
        item.entity_names = names
    events = state.events.events()
    known = KnownLinks(state.events.event_numbers(), state.story_links)
    stories = link_stories(events, items, state.events.word_bags(), known)
    state.story_links = known.similarities
    if todo or removed or reason:
        store.save_cluster_index(FORMAT, state.dumps())
    state.loaded, state.problem = True, None
    return Clustering(items, state.copies.groups(), events, stories, estimate_dates(events, items), update)


def _rebuild_reason(state: ClusterState, copy_keys: dict[str, str]) -> str | None:
    """Return why the kept index cannot be continued (None when it can)."""
    if not state.loaded:
        return state.problem or "no kept index"
    gone = [i for i in state.copy_keys if i not in copy_keys]
    if gone:
        return f"{len(gone)} article(s) no longer stored"
    moved = [i for i, key in state.copy_keys.items() if copy_keys[i] != key]
    if moved:
        return f"{len(moved)} article(s) changed text or title"
    return None


def _entity_keys(store: Store) -> dict[str, list[str]]:
    """Return each article's entity keys from the stored mentions (see ``cluster.entity_keys``)."""
    found: dict[str, list[str]] = {}
    for article_id, entity_id, kind, name in store.mention_keys():
        key = entity_key(entity_id, kind, name)
        if key:
            found.setdefault(article_id, []).append(key)
    return found


def _texts(store: Store, ids: list[str]) -> dict[str, tuple[str, str | None]]:
    """Return ``(clean text, title)`` of the given stored articles."""
    return {a.id: (a.text, a.title.value) for a in store.articles_by_id(ids)} if ids else {}


def _text_loader(store: Store) -> Any:
    """Return the function a read-back copy index uses to shingle an old article again."""
    return lambda ids: _texts(store, list(ids))


def _digest(*parts: str) -> str:
    """Return a short stable digest of some strings."""
    return hashlib.blake2b("\x1f".join(parts).encode("utf-8"), digest_size=12).hexdigest()
