"""The corpus in one SQLite file: articles, versions, full-text search and the ingest error log.

Only this module talks to the database. Every value goes through SQL parameters (article text is
untrusted), every article is written in its own transaction (a crash mid-run leaves every earlier
article stored and the next run resumes), and the file runs in WAL mode so readers are never
blocked by an ingest that is writing.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import asdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from dateline.model import (
    Article,
    ArticleAnalysis,
    CleanResult,
    Entity,
    FieldValue,
    Figure,
    IngestError,
    Mention,
    OffsetMap,
    Quote,
    RawDocument,
    RemovedSpan,
    Role,
    Sentence,
    TimeRef,
)
from dateline.store.schema import MIGRATIONS, SCHEMA_VERSION

METADATA_FIELDS = ("title", "date", "outlet", "author", "language")
ARTICLE_COLUMNS = (
    "id, content_hash, source, format, url, version, raw_text, text, metadata_json, removed_json, "
    "offsets_json, ingested_at"
)


class StoreError(Exception):
    """The database cannot be opened or is not a dateline corpus."""


class Store:
    """A dateline corpus kept in one SQLite file."""

    def __init__(self, path: str | Path, *, create: bool = True) -> None:
        self.path = Path(path)
        if not create and not self.path.exists():
            raise StoreError(f"no corpus at {self.path} (create one with `dateline ingest`)")
        try:
            self.conn = sqlite3.connect(self.path, timeout=30.0, isolation_level=None)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a usable dateline database ({exc})") from exc

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _migrate(self) -> None:
        """Bring the schema to the current version, one migration per transaction."""
        version = int(self.conn.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} has schema version {version}, newer than this dateline ({SCHEMA_VERSION})"
            )
        for number in range(version, SCHEMA_VERSION):
            with self.transaction():
                for statement in _split_sql(MIGRATIONS[number]):
                    self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version = {number + 1}")

    def transaction(self) -> _Transaction:
        """Return a context manager that wraps its block in BEGIN IMMEDIATE ... COMMIT/ROLLBACK."""
        return _Transaction(self.conn)

    @property
    def schema_version(self) -> int:
        """The schema version of the open database."""
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def has_hash(self, content_hash: str) -> str | None:
        """Return the id of the article with this content hash, if stored."""
        row = self.conn.execute("SELECT id FROM articles WHERE content_hash = ?", (content_hash,)).fetchone()
        return str(row["id"]) if row else None

    def add_article(self, doc: RawDocument, cleaned: CleanResult) -> tuple[str, str]:
        """Store one cleaned document; return ``(article_id, status)``, status added/unchanged/new-version."""
        digest = doc.content_hash
        with self.transaction():
            existing = self.has_hash(digest)
            if existing:
                return existing, "unchanged"
            version = 1
            if doc.url:
                row = self.conn.execute(
                    "SELECT MAX(version) AS v FROM articles WHERE url = ?", (doc.url,)
                ).fetchone()
                if row and row["v"]:
                    version = int(row["v"]) + 1
            article_id = digest[:16]
            metadata = {name: asdict(getattr(cleaned, name)) for name in METADATA_FIELDS}
            self.conn.execute(
                "INSERT INTO articles (id, content_hash, source, format, url, version, raw_text, text, "
                "title, date, outlet, author, language, metadata_json, removed_json, offsets_json, "
                "ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    article_id,
                    digest,
                    doc.source,
                    doc.format,
                    doc.url,
                    version,
                    cleaned.raw_text or doc.text,
                    cleaned.text,
                    cleaned.title.value,
                    cleaned.date.value,
                    cleaned.outlet.value,
                    cleaned.author.value,
                    cleaned.language.value,
                    json.dumps(metadata),
                    json.dumps([asdict(span) for span in cleaned.removed]),
                    json.dumps(cleaned.offsets.to_list()),
                    _now(),
                ),
            )
        return article_id, ("new-version" if version > 1 else "added")

    def log_error(self, error: IngestError) -> None:
        """Keep a per-file ingest failure so a user can list what did not go in."""
        with self.transaction():
            self.conn.execute(
                "INSERT INTO ingest_errors (source, reason, at) VALUES (?, ?, ?)",
                (error.source, error.reason, _now()),
            )

    def count(self) -> int:
        """Return the number of stored article versions."""
        return int(self.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def articles(self, limit: int | None = None) -> Iterator[Article]:
        """Yield stored articles by publication date (undated last), then ingest order."""
        sql = f"SELECT {ARTICLE_COLUMNS} FROM articles ORDER BY date IS NULL, date, rowid"
        params: tuple[Any, ...] = ()
        if limit is not None:
            sql += " LIMIT ?"
            params = (limit,)
        for row in self.conn.execute(sql, params):
            yield _article_from_row(row)

    def article(self, ref: str) -> Article | None:
        """Return the article whose id (or unique id prefix, or content hash) is ``ref``."""
        ref = ref.strip().lower()
        if not re.fullmatch(r"[0-9a-f]{4,64}", ref):
            return None
        rows = self.conn.execute(
            f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id LIKE ? || '%' OR content_hash = ? LIMIT 2",
            (ref[:16], ref),
        ).fetchall()
        if len(rows) != 1:
            return None
        return _article_from_row(rows[0])

    def search(self, query: str, limit: int = 20) -> list[tuple[Article, str]]:
        """Return articles matching a full-text query, best first, each with a highlighted snippet."""
        match = _fts_query(query)
        if not match:
            return []
        rows = self.conn.execute(
            f"SELECT {', '.join('a.' + c.strip() for c in ARTICLE_COLUMNS.split(','))}, "
            "snippet(articles_fts, 1, '[', ']', ' … ', 12) AS snip "
            "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
            "WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 5.0, 1.0) LIMIT ?",
            (match, limit),
        ).fetchall()
        return [(_article_from_row(row), str(row["snip"])) for row in rows]

    def search_hits(self, query: str, limit: int = 20) -> list[tuple[str, str]]:
        """Return (article id, highlighted snippet) pairs matching a full-text query, best first.

        The light form of ``search`` for lists that already know the articles: no row is rebuilt.
        """
        match = _fts_query(query)
        if not match:
            return []
        rows = self.conn.execute(
            "SELECT a.id AS id, snippet(articles_fts, 1, '[', ']', ' … ', 12) AS snip "
            "FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
            "WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 5.0, 1.0) LIMIT ?",
            (match, limit),
        ).fetchall()
        return [(str(row["id"]), str(row["snip"])) for row in rows]

    def articles_to_analyze(self, analyzer_version: int) -> list[tuple[str, str, str | None]]:
        """Return (id, text, date) of articles with no analysis, or one from an older analyzer."""
        rows = self.conn.execute(
            "SELECT a.id, a.text, a.date FROM articles a LEFT JOIN analyses n ON n.article_id = a.id "
            "WHERE n.article_id IS NULL OR n.analyzer_version < ? ORDER BY a.rowid",
            (analyzer_version,),
        ).fetchall()
        return [(str(r["id"]), str(r["text"]), r["date"]) for r in rows]

    def save_analysis(
        self, analysis: ArticleAnalysis, analyzer_version: int, anchor_date: str | None = None
    ) -> None:
        """Replace the stored analysis of one article, in one transaction."""
        aid = analysis.article_id
        with self.transaction() as conn:
            for table in ("sentences", "mentions", "timexes", "figures", "quotes"):
                conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (aid,))
            conn.executemany(
                "INSERT INTO sentences (article_id, idx, start, end, paragraph, text, event_date, "
                "event_date_source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (aid, s.index, s.start, s.end, s.paragraph, s.text, s.event_date, s.event_date_source)
                    for s in analysis.sentences
                ],
            )
            conn.executemany(
                "INSERT INTO mentions (article_id, start, end, text, label, name, title, sentence_index, "
                "kind, entity_id, address) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        aid,
                        m.start,
                        m.end,
                        m.text,
                        m.label,
                        m.name,
                        m.title,
                        m.sentence_index,
                        m.kind,
                        m.entity_id,
                        m.address,
                    )
                    for m in analysis.mentions
                ],
            )
            conn.executemany(
                "INSERT INTO timexes (article_id, start, end, text, type, value, granularity, first_day, "
                "last_day, mod, anchor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        aid,
                        t.start,
                        t.end,
                        t.text,
                        t.type,
                        t.value,
                        t.granularity,
                        t.first_day,
                        t.last_day,
                        t.mod,
                        t.anchor,
                    )
                    for t in analysis.timexes
                ],
            )
            conn.executemany(
                "INSERT INTO figures (article_id, start, end, text, kind, value, unit, approx, low, high, "
                "referent, referent_start, referent_end, sentence_index) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        aid,
                        f.start,
                        f.end,
                        f.text,
                        f.kind,
                        f.value,
                        f.unit,
                        f.approx,
                        f.low,
                        f.high,
                        f.referent,
                        f.referent_start,
                        f.referent_end,
                        f.sentence_index,
                    )
                    for f in analysis.figures
                ],
            )
            conn.executemany(
                "INSERT INTO quotes (article_id, start, end, text, kind, fragments_json, cue_start, cue_end, "
                "speaker_start, speaker_end, speaker_text, speaker_name, speaker_entity_id, speaker_kind, "
                "sentence_index) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (aid, q.start, q.end, q.text, q.kind, json.dumps(q.fragments), q.cue_start, q.cue_end,
                     q.speaker_start, q.speaker_end, q.speaker_text, q.speaker_name, q.speaker_entity_id,
                     q.speaker_kind, q.sentence_index)
                    for q in analysis.quotes
                ],
            )
            conn.execute(
                "INSERT OR REPLACE INTO analyses (article_id, analyzer_version, analyzed_at, anchor_date) "
                "VALUES (?, ?, ?, ?)",
                (aid, analyzer_version, _now(), anchor_date),
            )

    def set_article_date(self, article_id: str, value: FieldValue) -> None:
        """Replace an article's publication date (value, provenance, confidence), keeping every other field."""
        with self.transaction() as conn:
            row = conn.execute("SELECT metadata_json FROM articles WHERE id = ?", (article_id,)).fetchone()
            if row is None:
                return
            metadata = json.loads(row["metadata_json"])
            metadata["date"] = asdict(value)
            conn.execute(
                "UPDATE articles SET date = ?, metadata_json = ? WHERE id = ?",
                (value.value, json.dumps(metadata), article_id),
            )

    def analysis_anchors(self) -> dict[str, str | None]:
        """Map each analysed article to the date its relative expressions were resolved against."""
        rows = self.conn.execute("SELECT article_id, anchor_date FROM analyses")
        return {str(r["article_id"]): r["anchor_date"] for r in rows}

    def corpus_fingerprint(self) -> str:
        """Return a digest of what corpus-level results depend on: the analysed articles and the entities.

        Any new, re-analysed or re-anchored article, a changed publication date, or a relink that changed
        the entities, changes it.
        """
        digest = hashlib.sha256()
        for row in self.conn.execute(
            "SELECT article_id, analyzer_version, analyzed_at, anchor_date FROM analyses ORDER BY article_id"
        ):
            digest.update("\x1f".join(str(v) for v in tuple(row)).encode() + b"\x1e")
        for row in self.conn.execute("SELECT id, date FROM articles ORDER BY id"):
            digest.update(f"{row['id']}\x1f{row['date']}\x1e".encode())
        for row in self.conn.execute("SELECT count(*), total(mention_count) FROM entities"):
            digest.update(repr(tuple(row)).encode())
        return digest.hexdigest()

    def load_clustering_state(self, fingerprint: str | None) -> str | None:
        """Return the stored clustering payload (JSON) when it was computed for ``fingerprint`` (any, if None)."""
        row = self.conn.execute("SELECT fingerprint, payload FROM clustering_state WHERE id = 1").fetchone()
        if row is None or (fingerprint is not None and row["fingerprint"] != fingerprint):
            return None
        return str(row["payload"])

    def save_clustering_state(self, fingerprint: str, payload: str) -> None:
        """Keep the clustering payload (JSON) computed for ``fingerprint``, replacing the previous one."""
        with self.transaction() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO clustering_state (id, fingerprint, computed_at, payload) VALUES (1, ?, ?, ?)",
                (fingerprint, _now(), payload),
            )

    def load_cluster_index(self, fmt: int) -> bytes | None:
        """Return the kept cross-article index when it was written in format ``fmt``, else None."""
        row = self.conn.execute("SELECT format, payload FROM cluster_index WHERE id = 1").fetchone()
        if row is None or int(row["format"]) != fmt:
            return None
        return bytes(row["payload"])

    def save_cluster_index(self, fmt: int, payload: bytes) -> bool:
        """Keep the cross-article index (an opaque blob in format ``fmt``), replacing the previous one.

        Returns False when the store cannot be written (a read-only file): the index is a cache that only
        saves work, so a reader that clustered the corpus still gets its answer.
        """
        try:
            with self.transaction() as conn:
                conn.execute(
                    "INSERT OR REPLACE INTO cluster_index (id, format, saved_at, payload) VALUES (1, ?, ?, ?)",
                    (fmt, _now(), payload),
                )
        except sqlite3.OperationalError:
            return False
        return True

    def drop_cluster_index(self) -> None:
        """Forget the kept cross-article index (the next clustering rebuilds it)."""
        with self.transaction() as conn:
            conn.execute("DELETE FROM cluster_index")

    def cluster_keys(self) -> list[tuple[str, str | None, str | None, str, str]]:
        """Return per article what its cross-article input rests on, in the order clustering reads articles.

        Each row is ``(id, title, date, content_hash, analysis stamp)``: the stamp changes whenever the
        article is analysed again (new analyzer, new anchor date), so an unchanged row means an unchanged
        event day without reading the analysis.
        """
        rows = self.conn.execute(
            "SELECT a.id, a.title, a.date, a.content_hash, "
            "coalesce(n.analyzer_version, '') || '|' || coalesce(n.analyzed_at, '') || '|' || "
            "coalesce(n.anchor_date, '') AS stamp "
            "FROM articles a LEFT JOIN analyses n ON n.article_id = a.id ORDER BY a.date IS NULL, a.date, a.rowid"
        )
        return [(r["id"], r["title"], r["date"], r["content_hash"], r["stamp"]) for r in rows]

    def mention_keys(self) -> Iterator[tuple[str, str | None, str, str]]:
        """Yield ``(article_id, entity_id, kind, name)`` of every mention, article by article in text order."""
        for row in self.conn.execute(
            "SELECT article_id, entity_id, kind, name FROM mentions ORDER BY article_id, start"
        ):
            yield row["article_id"], row["entity_id"], row["kind"], row["name"]

    def articles_by_id(self, ids: list[str]) -> Iterator[Article]:
        """Yield the stored articles with these ids (in no particular order)."""
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for row in self.conn.execute(f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id IN ({marks})", chunk):
                yield _article_from_row(row)

    def analysis(self, article_id: str) -> ArticleAnalysis:
        """Return the stored analysis of one article (empty lists when it has none)."""
        args = (article_id,)
        q = self.conn.execute
        return ArticleAnalysis(
            article_id=article_id,
            sentences=[
                Sentence(
                    article_id,
                    r["idx"],
                    r["start"],
                    r["end"],
                    r["text"],
                    r["paragraph"],
                    r["event_date"],
                    r["event_date_source"],
                )
                for r in q("SELECT * FROM sentences WHERE article_id = ? ORDER BY idx", args)
            ],
            mentions=[
                _mention(r) for r in q("SELECT * FROM mentions WHERE article_id = ? ORDER BY start", args)
            ],
            timexes=[
                TimeRef(
                    article_id,
                    r["start"],
                    r["end"],
                    r["text"],
                    r["type"],
                    r["value"],
                    r["granularity"],
                    r["first_day"],
                    r["last_day"],
                    r["mod"],
                    r["anchor"],
                )
                for r in q("SELECT * FROM timexes WHERE article_id = ? ORDER BY start", args)
            ],
            figures=[
                Figure(
                    article_id,
                    r["start"],
                    r["end"],
                    r["text"],
                    r["kind"],
                    r["value"],
                    r["unit"],
                    r["approx"],
                    r["low"],
                    r["high"],
                    r["referent"],
                    r["referent_start"],
                    r["referent_end"],
                    r["sentence_index"],
                )
                for r in q("SELECT * FROM figures WHERE article_id = ? ORDER BY start", args)
            ],
            quotes=[_quote(r) for r in q("SELECT * FROM quotes WHERE article_id = ? ORDER BY start", args)],
        )

    def quotes(self, entity_id: str | None = None) -> list[Quote]:
        """Return stored quotes (of one speaker entity if given), by article date then position."""
        sql = "SELECT q.* FROM quotes q JOIN articles a ON a.id = q.article_id"
        params: tuple[Any, ...] = ()
        if entity_id:
            sql += " WHERE q.speaker_entity_id = ?"
            params = (entity_id,)
        sql += " ORDER BY a.date IS NULL, a.date, a.rowid, q.start"
        return [_quote(r) for r in self.conn.execute(sql, params)]

    def set_quote_speakers(self, quotes: list[Quote]) -> None:
        """Store the speaker entity of each quote, once linking has run."""
        with self.transaction() as conn:
            conn.executemany(
                "UPDATE quotes SET speaker_entity_id = ? WHERE article_id = ? AND start = ? AND end = ?",
                [(q.speaker_entity_id, q.article_id, q.start, q.end) for q in quotes],
            )

    def all_mentions(self) -> Iterator[Mention]:
        """Yield every stored mention, article by article in ingest order."""
        for row in self.conn.execute(
            "SELECT m.* FROM mentions m JOIN articles a ON a.id = m.article_id ORDER BY a.rowid, m.start"
        ):
            yield _mention(row)

    def article_dates(self) -> dict[str, str | None]:
        """Return every article's publication date by id."""
        return {str(r["id"]): r["date"] for r in self.conn.execute("SELECT id, date FROM articles")}

    def replace_entities(self, entities: list[Entity], mentions: list[Mention]) -> None:
        """Store the linked entities and each mention's entity id, replacing the previous linking."""
        with self.transaction() as conn:
            conn.execute("DELETE FROM entities")
            conn.executemany(
                "INSERT INTO entities (id, type, name, aliases_json, roles_json, mention_count, "
                "article_ids_json) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        e.id,
                        e.type,
                        e.name,
                        json.dumps(e.aliases),
                        json.dumps([asdict(r) for r in e.roles]),
                        e.mention_count,
                        json.dumps(e.article_ids),
                    )
                    for e in entities
                ],
            )
            conn.execute("UPDATE mentions SET entity_id = NULL")
            conn.executemany(
                "UPDATE mentions SET entity_id = ? WHERE article_id = ? AND start = ? AND end = ?",
                [(m.entity_id, m.article_id, m.start, m.end) for m in mentions if m.entity_id],
            )

    def entities(self, entity_type: str | None = None) -> list[Entity]:
        """Return the linked entities, most mentioned first, optionally of one type."""
        sql = "SELECT * FROM entities"
        params: tuple[Any, ...] = ()
        if entity_type:
            sql += " WHERE type = ?"
            params = (entity_type,)
        sql += " ORDER BY mention_count DESC, name"
        return [_entity(r) for r in self.conn.execute(sql, params)]

    def entity_mentions(self, entity_id: str) -> list[Mention]:
        """Return the mentions of one entity, by article date then position."""
        rows = self.conn.execute(
            "SELECT m.* FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.entity_id = ? "
            "ORDER BY a.date IS NULL, a.date, a.rowid, m.start",
            (entity_id,),
        )
        return [_mention(r) for r in rows]

    def errors(self) -> list[IngestError]:
        """Return the logged ingest failures, oldest first."""
        rows = self.conn.execute("SELECT source, reason FROM ingest_errors ORDER BY rowid").fetchall()
        return [IngestError(str(r["source"]), str(r["reason"])) for r in rows]


class _Transaction:
    """BEGIN IMMEDIATE on enter, COMMIT on success, ROLLBACK on any exception."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> sqlite3.Connection:
        self.conn.execute("BEGIN IMMEDIATE")
        return self.conn

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is None:
            self.conn.execute("COMMIT")
        else:
            self.conn.execute("ROLLBACK")


def _split_sql(script: str) -> list[str]:
    """Split a migration script into statements, keeping trigger bodies whole."""
    statements: list[str] = []
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements


def _fts_query(query: str) -> str:
    """Turn user words into a safe FTS5 query: each word quoted, all required, prefix on the last."""
    words = re.findall(r"\w+", query, flags=re.UNICODE)
    if not words:
        return ""
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def _article_from_row(row: sqlite3.Row) -> Article:
    """Rebuild an Article from a database row."""
    metadata = json.loads(row["metadata_json"])
    fields = {name: FieldValue(**metadata.get(name, {"value": None})) for name in METADATA_FIELDS}
    return Article(
        id=row["id"],
        content_hash=row["content_hash"],
        source=row["source"],
        format=row["format"],
        url=row["url"],
        version=int(row["version"]),
        raw_text=row["raw_text"],
        text=row["text"],
        removed=[RemovedSpan(**span) for span in json.loads(row["removed_json"])],
        offsets=OffsetMap.from_list(json.loads(row["offsets_json"])),
        ingested_at=row["ingested_at"],
        **fields,
    )


def _mention(row: sqlite3.Row) -> Mention:
    """Rebuild a Mention from a database row."""
    return Mention(
        row["article_id"],
        row["start"],
        row["end"],
        row["text"],
        row["label"],
        row["name"],
        row["title"],
        row["sentence_index"],
        row["entity_id"],
        row["kind"],
        row["address"],
    )


def _quote(row: sqlite3.Row) -> Quote:
    """Rebuild a Quote from a database row."""
    return Quote(
        article_id=row["article_id"],
        start=row["start"],
        end=row["end"],
        text=row["text"],
        kind=row["kind"],
        fragments=[(int(a), int(b)) for a, b in json.loads(row["fragments_json"])],
        cue_start=row["cue_start"],
        cue_end=row["cue_end"],
        speaker_start=row["speaker_start"],
        speaker_end=row["speaker_end"],
        speaker_text=row["speaker_text"],
        speaker_name=row["speaker_name"],
        speaker_entity_id=row["speaker_entity_id"],
        speaker_kind=row["speaker_kind"],
        sentence_index=row["sentence_index"],
    )


def _entity(row: sqlite3.Row) -> Entity:
    """Rebuild an Entity from a database row."""
    return Entity(
        id=row["id"],
        type=row["type"],
        name=row["name"],
        aliases=json.loads(row["aliases_json"]),
        roles=[Role(**r) for r in json.loads(row["roles_json"])],
        mention_count=int(row["mention_count"]),
        article_ids=json.loads(row["article_ids_json"]),
    )


def _now() -> str:
    """Return the current UTC time in ISO 8601 (when an article was ingested, never its date)."""
    return datetime.now(UTC).isoformat(timespec="seconds")
