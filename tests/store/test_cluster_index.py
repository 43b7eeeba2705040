"""Tests of the kept cross-article index in the store: migration of older stores, format check, replacement."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from dateline.store import Store
from dateline.store.schema import SCHEMA_VERSION


def test_store_of_schema_4_gains_the_index_table(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    with Store(db) as store:
        store.save_clustering_state("f", "{}")
    # Make it what dateline wrote before the kept index existed: schema 4, no table (nor later columns).
    with sqlite3.connect(db) as conn:
        conn.execute("DROP TABLE cluster_index")
        conn.execute("ALTER TABLE mentions DROP COLUMN address")
        conn.execute("PRAGMA user_version = 4")
    with Store(db) as store:
        assert store.schema_version == SCHEMA_VERSION >= 5
        assert store.load_cluster_index(1) is None
        assert store.load_clustering_state(None) == "{}"  # what was kept before is still there
        store.save_cluster_index(1, b"payload")
        assert store.load_cluster_index(1) == b"payload"


def test_index_of_another_format_is_not_returned_and_saving_replaces(tmp_path: Path) -> None:
    with Store(tmp_path / "c.db") as store:
        store.save_cluster_index(1, b"one")
        store.save_cluster_index(2, b"two")
        assert store.load_cluster_index(1) is None
        assert store.load_cluster_index(2) == b"two"
        assert store.conn.execute("SELECT count(*) FROM cluster_index").fetchone()[0] == 1
        store.drop_cluster_index()
        assert store.load_cluster_index(2) is None
