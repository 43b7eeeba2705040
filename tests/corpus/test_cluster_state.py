"""Tests of the kept cross-article index: removal from the event index, read-back, and incremental store clustering."""

from __future__ import annotations

import json
import logging
import sqlite3
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from dateline import api
from dateline.corpus.cluster import EventIndex, EventInput, cluster_events
from dateline.corpus.cluster_records import Clustering
from dateline.corpus.cluster_state import cluster_store, empty_state
from dateline.corpus.dedup import CopyIndex
from dateline.model import Event, FieldValue
from dateline.store import Store
from tests.corpus.test_cluster import TESSALY, VELMORA, groups

DEMO = Path(__file__).resolve().parents[2] / "examples" / "demo"
LOGGER = "dateline.corpus.cluster_state"


def assert_partition(events: list[Event], ids: set[str]) -> None:
    """Assert that every article is in exactly one event and the events hold nothing else."""
    held = Counter(i for e in events for i in e.article_ids)
    assert set(held) == ids
    assert all(n == 1 for n in held.values()), held


def test_removing_and_adding_back_gives_the_batch_events(quake_inputs: list[EventInput]) -> None:
    index = EventIndex()
    index.add(quake_inputs[:6])
    index.update([], removed=["velmora-toll"])
    rest = [i for i in quake_inputs[:6] if i.article_id != "velmora-toll"]
    assert_partition(index.events(), {i.article_id for i in rest})
    assert groups(index.events()) == groups(cluster_events(rest))
    toll = next(i for i in quake_inputs if i.article_id == "velmora-toll")
    index.update([toll], removed=[])
    assert groups(index.events()) == groups(cluster_events(quake_inputs[:6]))


def test_replacing_an_article_regroups_it(quake_inputs: list[EventInput]) -> None:
    index = EventIndex()
    index.add(quake_inputs[:6])
    # The same report, now saying it is the Tessaly quake's: it must leave Velmora's event.
    tessaly = next(i for i in quake_inputs if i.article_id == "tessaly-wire")
    moved = EventInput("velmora-toll", tessaly.text, tessaly.title, tessaly.date, tessaly.event_day,
                       tessaly.entity_keys)
    index.update([moved], removed=[])
    assert_partition(index.events(), {i.article_id for i in quake_inputs[:6]})
    [event] = [e for e in index.events() if "velmora-toll" in e.article_ids]
    assert "tessaly-wire" in event.article_ids and "velmora-wire" not in event.article_ids


def test_index_read_back_continues_like_the_original(quake_inputs: list[EventInput]) -> None:
    index = EventIndex()
    index.add(quake_inputs[:6])
    kept = EventIndex.from_data(json.loads(json.dumps(index.to_data())))
    assert groups(kept.events()) == groups(index.events())
    index.add(quake_inputs[6:])
    kept.add(quake_inputs[6:])
    assert groups(kept.events()) == groups(index.events())
    assert_partition(kept.events(), {i.article_id for i in quake_inputs})


def test_inconsistent_kept_index_is_refused(quake_inputs: list[EventInput]) -> None:
    index = EventIndex()
    index.add(quake_inputs[:6])
    data = json.loads(json.dumps(index.to_data()))
    for key in ("events", "numbers", "labels"):
        data[key] = data[key][1:]  # some articles in no event
    with pytest.raises(ValueError, match="inconsistent"):
        EventIndex.from_data(data)


def test_copy_index_read_back_finds_a_copy_of_an_old_article() -> None:
    texts = {r.id: (r.text, r.title) for r in VELMORA + TESSALY}
    index = CopyIndex()
    for record in VELMORA + TESSALY:
        index.add(record.id, record.text, record.date, record.title)
    asked: list[str] = []

    def loader(ids: list[str]) -> dict[str, tuple[str, str | None]]:
        asked.extend(ids)
        return {i: texts[i] for i in ids}

    kept = CopyIndex.from_data(json.loads(json.dumps(index.to_data())), loader)
    original = VELMORA[1]
    trimmed = original.text.rsplit(".", 2)[0] + ". Reporting by the Coastal Desk."
    assert kept.add("herald-repost", trimmed, "2025-02-12", original.title) == [original.id]
    assert kept.copy_of() == {"herald-repost": original.id}
    assert asked == [original.id]  # only the candidate was read back, not the corpus
    assert [g.original_id for g in kept.groups()] == [original.id]


# Store level: the demo corpus (fictional, in the repository) ingested in two parts, through the real pipeline.


class _Records(logging.Handler):
    """Keep the log records of one logger."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@pytest.fixture(scope="module")
def demo_in_two(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, list[str]]]:
    """The demo corpus ingested as 01-05 then 06-09; yields the db and the second ingest's clustering log."""
    files = sorted(DEMO.iterdir())
    db = tmp_path_factory.mktemp("demo") / "d.db"
    api.ingest([str(p) for p in files[:5]], db)
    api.analyze(db)
    handler = _Records()
    logger = logging.getLogger(LOGGER)
    logger.addHandler(handler)
    level = logger.level
    logger.setLevel(logging.INFO)
    try:
        api.ingest([str(p) for p in files[5:]], db)
        api.analyze(db)
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    yield db, handler.messages


def copied(db: Path, to: Path) -> Path:
    """Return a copy of a store (SQLite's backup: the WAL is included)."""
    with sqlite3.connect(db) as source, sqlite3.connect(to) as target:
        source.backup(target)
    return to


def article_ids(db: Path) -> set[str]:
    """Return the ids of the stored articles."""
    return {a.id for a in api.Corpus(db).articles()}


def assert_valid(found: Clustering, ids: set[str]) -> None:
    """Assert a clustering covers the corpus: one event per article, stories over all events, dates estimated."""
    assert_partition(found.events, ids)
    in_stories = Counter(e for s in found.stories for e in s.event_ids)
    assert set(in_stories) == {e.id for e in found.events} and set(in_stories.values()) == {1}
    assert all(e.story_id for e in found.events)


def test_second_ingest_continues_the_kept_index(demo_in_two: tuple[Path, list[str]]) -> None:
    db, log = demo_in_two
    first = log[0]
    assert first.startswith("clustering: incremental"), log
    assert "5 added" in first, log
    assert not any("rebuild" in line for line in log), log
    ids = article_ids(db)
    assert len(ids) == 10
    assert_valid(api.Corpus(db).clustering(), ids)


def test_incremental_result_matches_a_rebuild_on_the_demo(demo_in_two: tuple[Path, list[str]], tmp_path: Path) -> None:
    db = copied(demo_in_two[0], tmp_path / "c.db")
    with Store(db) as store:
        continued = cluster_store(store)
        rebuilt = cluster_store(store, empty_state(store))
    assert continued.update is not None and continued.update.path == "incremental"
    assert continued.update.added == continued.update.updated == 0
    assert rebuilt.update is not None and rebuilt.update.path == "rebuild"
    assert groups(continued.events) == groups(rebuilt.events)
    assert continued.copies == rebuilt.copies


def test_changed_old_date_updates_only_what_rests_on_it(demo_in_two: tuple[Path, list[str]], tmp_path: Path) -> None:
    db = copied(demo_in_two[0], tmp_path / "c.db")
    with Store(db) as store:
        dated = next(a for a in store.articles() if a.date.value)
        store.set_article_date(dated.id, FieldValue("2031-01-15", "test", 1.0))
        found = cluster_store(store)
        assert found.update is not None and found.update.path == "incremental"
        assert found.update.added == 0 and 1 <= found.update.updated <= 3  # the article, and its copies if any
        assert_valid(found, {a.id for a in store.articles()})
        rebuilt = cluster_store(store, empty_state(store))
        assert groups(found.events) == groups(rebuilt.events)
        assert found.copies == rebuilt.copies  # the original of a copy group is chosen by date
        assert found.estimated_dates == rebuilt.estimated_dates


def test_deleted_article_forces_a_rebuild(demo_in_two: tuple[Path, list[str]], tmp_path: Path) -> None:
    db = copied(demo_in_two[0], tmp_path / "c.db")
    with Store(db) as store:
        gone = next(iter(store.articles())).id
        store.conn.execute("DELETE FROM articles WHERE id = ?", (gone,))
        found = cluster_store(store)
        assert found.update is not None and found.update.path == "rebuild"
        assert "no longer stored" in found.update.reason
        assert_valid(found, {a.id for a in store.articles()})
        assert gone not in {i for e in found.events for i in e.article_ids}


def test_corrupt_kept_index_falls_back_to_a_rebuild(
    demo_in_two: tuple[Path, list[str]], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    db = copied(demo_in_two[0], tmp_path / "c.db")
    with Store(db) as store:
        store.conn.execute("UPDATE cluster_index SET payload = ?", (b"\x78\x9cnot a zlib stream",))
        with caplog.at_level(logging.WARNING, logger=LOGGER):
            found = cluster_store(store)
        assert any("cannot be read" in r.getMessage() for r in caplog.records)
        assert found.update is not None and found.update.path == "rebuild"
        assert found.update.reason.startswith("kept index unreadable")
        ids = {a.id for a in store.articles()}
        assert len(ids) == 10
        assert_valid(found, ids)
        again = cluster_store(store)  # the rebuilt index was kept
        assert again.update is not None and again.update.path == "incremental" and again.update.added == 0


def test_kept_index_that_does_not_hold_together_falls_back(
    demo_in_two: tuple[Path, list[str]], tmp_path: Path
) -> None:
    db = copied(demo_in_two[0], tmp_path / "c.db")
    with Store(db) as store:
        state = empty_state(store)
        cluster_store(store, state)
        state.fingerprints.popitem()  # decodes fine, but an article has no fingerprint
        store.save_cluster_index(1, state.dumps())
        found = cluster_store(store)
        assert found.update is not None and found.update.path == "rebuild"
        assert_valid(found, {a.id for a in store.articles()})
