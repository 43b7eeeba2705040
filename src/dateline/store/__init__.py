"""Storage of the corpus: SQLite by default (one file, WAL, FTS5)."""

from dateline.store.sqlite import Store, StoreError

__all__ = ["Store", "StoreError"]
