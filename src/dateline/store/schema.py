"""Database schema of the corpus, as an ordered list of migrations.

The schema version lives in SQLite's ``PRAGMA user_version``; each migration runs once, in its own
transaction, so a database created by an older dateline is brought forward on open and a failed
migration leaves the previous version intact.
"""

from __future__ import annotations

MIGRATIONS: list[str] = [
    # 1: articles, their full-text index, and the ingest error log.
    """
    CREATE TABLE articles (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        content_hash TEXT NOT NULL UNIQUE,
        source TEXT NOT NULL,
        format TEXT NOT NULL,
        url TEXT,
        version INTEGER NOT NULL DEFAULT 1,
        raw_text TEXT NOT NULL,
        text TEXT NOT NULL,
        title TEXT,
        date TEXT,
        outlet TEXT,
        author TEXT,
        language TEXT,
        metadata_json TEXT NOT NULL,
        removed_json TEXT NOT NULL,
        offsets_json TEXT NOT NULL,
        ingested_at TEXT NOT NULL
    );
    CREATE INDEX articles_url ON articles(url);
    CREATE INDEX articles_date ON articles(date);
    CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    END;
    CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TABLE ingest_errors (
        rowid INTEGER PRIMARY KEY,
        source TEXT NOT NULL,
        reason TEXT NOT NULL,
        at TEXT NOT NULL
    );
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)
