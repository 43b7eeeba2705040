"""Tests of the SQLite store: schema, idempotence, versions, search safety, crash consistency."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from dateline.model import CleanResult, FieldValue, RawDocument
from dateline.store import Store, StoreError
from dateline.store.schema import SCHEMA_VERSION


def _cleaned(text: str, title: str = "A title", date: str | None = "2025-03-04") -> CleanResult:
    return CleanResult(
        text=text,
        title=FieldValue(title, "text:line 1", 0.9),
        date=FieldValue(date, "text:line 2", 0.9) if date else FieldValue(None, "not found in text"),
        outlet=FieldValue(None),
        author=FieldValue(None),
        language=FieldValue("en", "stopwords", 0.9),
        raw_text=text,
    )


def _add(store: Store, text: str, url: str | None = None, **kwargs: str | None) -> tuple[str, str]:
    doc = RawDocument(source="x.txt", format="text", text=text, url=url)
    return store.add_article(doc, _cleaned(text, **kwargs))


def test_new_database_is_wal_and_versioned(tmp_path: Path) -> None:
    with Store(tmp_path / "c.db") as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_same_text_twice_is_stored_once(tmp_path: Path) -> None:
    with Store(tmp_path / "c.db") as store:
        first = _add(store, "The ferry sails at noon.")
        second = _add(store, "The ferry sails at noon.")
        assert first[1] == "added"
        assert second == (first[0], "unchanged")
        assert store.count() == 1


def test_changed_text_at_same_url_is_a_new_version(tmp_path: Path) -> None:
    with Store(tmp_path / "c.db") as store:
        _add(store, "The ferry sails at noon.", url="https://example.org/ferry")
        article_id, status = _add(store, "The ferry sails at one.", url="https://example.org/ferry")
        assert status == "new-version"
        versions = sorted(a.version for a in store.articles())
        assert versions == [1, 2]
        assert store.article(article_id).text == "The ferry sails at one."  # type: ignore[union-attr]


def test_search_finds_words_and_is_safe_from_injection(tmp_path: Path) -> None:
    with Store(tmp_path / "c.db") as store:
        _add(store, "Dredging of the north pier begins.", title="Dredging starts")
        _add(store, "Oyster beds near the river mouth.", title="Oysters")
        hits = store.search("dredg")
        assert [a.title.value for a, _ in hits] == ["Dredging starts"]
        assert "[" in hits[0][1]  # the snippet marks the match
        assert store.search_hits("dredg") == [(hits[0][0].id, hits[0][1])]  # the light form finds the same
        for hostile in ['"); DROP TABLE articles; --', "NEAR(", "*", "' OR 1=1 --", ""]:
            store.search(hostile)
            store.search_hits(hostile)
        assert store.count() == 2


def test_article_lookup_by_prefix(tmp_path: Path) -> None:
    with Store(tmp_path / "c.db") as store:
        article_id, _ = _add(store, "The ferry sails at noon.")
        assert store.article(article_id[:6]).id == article_id  # type: ignore[union-attr]
        assert store.article("zzzz") is None
        assert store.article("'; --") is None


def test_undated_articles_come_last_and_keep_no_date(tmp_path: Path) -> None:
    with Store(tmp_path / "c.db") as store:
        _add(store, "Undated text.", date=None)
        _add(store, "Dated text.", date="2025-01-01")
        listed = list(store.articles())
        assert [a.date.value for a in listed] == ["2025-01-01", None]
        assert listed[1].date.source == "not found in text"


def test_rollback_leaves_earlier_articles(tmp_path: Path) -> None:
    with Store(tmp_path / "c.db") as store:
        _add(store, "Kept text.")
        with pytest.raises(RuntimeError), store.transaction() as conn:
            conn.execute("INSERT INTO ingest_errors (source, reason, at) VALUES ('x', 'y', 'z')")
            raise RuntimeError("crash in the middle of a write")
        assert store.count() == 1
        assert store.errors() == []


def test_newer_schema_and_non_database_are_refused(tmp_path: Path) -> None:
    newer = tmp_path / "newer.db"
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        Store(newer)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError, match="junk.db"):
        Store(junk)
    with pytest.raises(StoreError, match="no corpus"):
        Store(tmp_path / "missing.db", create=False)


def test_mentions_keep_their_form_of_address_and_older_stores_gain_it(tmp_path: Path) -> None:
    from dateline.model import ArticleAnalysis, Mention

    db = tmp_path / "c.db"
    with Store(db) as store:
        article_id, _ = _add(store, "Mr. Okafor opened the terminal.")
        mention = Mention(article_id, 4, 10, "Okafor", "PERSON", "Okafor", None, 0, address="m")
        store.save_analysis(ArticleAnalysis(article_id, mentions=[mention]), 1)
        assert [m.address for m in store.analysis(article_id).mentions] == ["m"]
    # what dateline wrote before the column existed: schema 5, mentions without it
    with sqlite3.connect(db) as conn:
        conn.execute("ALTER TABLE mentions DROP COLUMN address")
        conn.execute("PRAGMA user_version = 5")
    with Store(db) as store:
        assert store.schema_version == SCHEMA_VERSION
        [old] = store.analysis(article_id).mentions
        assert (old.name, old.address) == ("Okafor", None)
        store.save_analysis(ArticleAnalysis(article_id, mentions=[mention]), 1)
        assert [m.address for m in store.analysis(article_id).mentions] == ["m"]
