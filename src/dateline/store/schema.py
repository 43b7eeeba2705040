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
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, old.text);
    END;
    CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TABLE ingest_errors (
        rowid INTEGER PRIMARY KEY,
        source TEXT NOT NULL,
        reason TEXT NOT NULL,
        at TEXT NOT NULL
    );
    """,
    # 2: the per-article analysis (sentences, mentions, time expressions, figures) and linked entities.
    """
    CREATE TABLE analyses (
        article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        analyzer_version INTEGER NOT NULL,
        analyzed_at TEXT NOT NULL
    );
    CREATE TABLE sentences (
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        paragraph INTEGER NOT NULL,
        text TEXT NOT NULL,
        event_date TEXT,
        event_date_source TEXT,
        PRIMARY KEY (article_id, idx)
    );
    CREATE INDEX sentences_event_date ON sentences(event_date);
    CREATE TABLE mentions (
        rowid INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        label TEXT NOT NULL,
        name TEXT NOT NULL,
        title TEXT,
        sentence_index INTEGER NOT NULL,
        kind TEXT NOT NULL,
        entity_id TEXT
    );
    CREATE INDEX mentions_article ON mentions(article_id);
    CREATE INDEX mentions_entity ON mentions(entity_id);
    CREATE TABLE timexes (
        rowid INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        type TEXT NOT NULL,
        value TEXT NOT NULL,
        granularity TEXT NOT NULL,
        first_day TEXT,
        last_day TEXT,
        mod TEXT,
        anchor TEXT NOT NULL
    );
    CREATE INDEX timexes_article ON timexes(article_id);
    CREATE TABLE figures (
        rowid INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        kind TEXT NOT NULL,
        value REAL,
        unit TEXT,
        approx TEXT,
        low REAL,
        high REAL,
        referent TEXT,
        referent_start INTEGER,
        referent_end INTEGER,
        sentence_index INTEGER NOT NULL
    );
    CREATE INDEX figures_article ON figures(article_id);
    CREATE TABLE entities (
        id TEXT PRIMARY KEY,
        type TEXT NOT NULL,
        name TEXT NOT NULL,
        aliases_json TEXT NOT NULL,
        roles_json TEXT NOT NULL,
        mention_count INTEGER NOT NULL,
        article_ids_json TEXT NOT NULL
    );
    CREATE INDEX entities_name ON entities(name COLLATE NOCASE);
    """,
    # 3: quotes (who said what), with the speaker as written and as resolved.
    """
    CREATE TABLE quotes (
        rowid INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        kind TEXT NOT NULL,
        fragments_json TEXT NOT NULL,
        cue_start INTEGER,
        cue_end INTEGER,
        speaker_start INTEGER,
        speaker_end INTEGER,
        speaker_text TEXT,
        speaker_name TEXT,
        speaker_entity_id TEXT,
        speaker_kind TEXT NOT NULL,
        sentence_index INTEGER NOT NULL
    );
    CREATE INDEX quotes_article ON quotes(article_id);
    CREATE INDEX quotes_speaker ON quotes(speaker_entity_id);
    """,
    # 4: the date an analysis resolved its relative expressions against (publication or estimated), and
    # the corpus-level clustering (copies, events, stories, estimated dates) kept between runs.
    """
    ALTER TABLE analyses ADD COLUMN anchor_date TEXT;
    CREATE TABLE clustering_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        fingerprint TEXT NOT NULL,
        computed_at TEXT NOT NULL,
        payload TEXT NOT NULL
    );
    """,
    # 5: the cross-article index (copies' MinHashes, events' term bags and neighbour graph, each article's
    # input fingerprint) kept between runs, so that an ingest of a few articles continues it instead of
    # clustering the whole corpus again. A derived cache: dropping it only costs one full rebuild.
    """
    CREATE TABLE cluster_index (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        format INTEGER NOT NULL,
        saved_at TEXT NOT NULL,
        payload BLOB NOT NULL
    );
    """,
    # 6: the gender a form of address before a person's name tells ("Mr." Obama), which the name drops; stored
    # mentions of older analyses have none and link as before.
    """
    ALTER TABLE mentions ADD COLUMN address TEXT;
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)
