"""The Python API of dateline: what the CLI, the web app and notebooks call.

The nouns are the same everywhere (articles, search, report); the CLI is a thin layer that parses
arguments, shows progress and prints what these functions return.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from dateline.clean import CleanError, clean_document
from dateline.ingest import count_inputs, iter_documents, read_bytes, read_file
from dateline.model import (
    Article,
    ArticleAnalysis,
    CleanResult,
    Entity,
    IngestError,
    IngestReport,
    Mention,
    Quote,
    RawDocument,
    Statement,
    Story,
    TimelineEntry,
)
from dateline.store import Store

if TYPE_CHECKING:
    from dateline.corpus.cluster_records import Clustering
    from dateline.corpus.cluster_state import ClusterState
    from dateline.model import Conflict, StoryCoverage

DEFAULT_DB = "dateline.db"
ANALYZER_VERSION = 6
"""Bump when the per-article stage changes its output, so stored articles are analysed again (3: mentions keep
their form of address; 4: an organisation's left-out words and short name, a surname with its left-out given
name; quotes resolve speakers with the rules of this version; 5: sentences never run over a paragraph break,
vessels have a label of their own)."""

REPORT_DATES, REPORT_PER_DATE = 12, 2
"""The report's timeline: how many key dates, and sentences per date."""

ProgressCallback = Callable[[str], None]
"""Called with the source of each document once it has been handled."""


def clean(text: str | bytes, name: str = "<text>") -> CleanResult:
    """Clean one document given as text or bytes (format sniffed from the content)."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    for result in _clean_all(read_bytes(data, source=name, name_hint=name)):
        if isinstance(result, IngestError):
            raise CleanError(f"{result.source}: {result.reason}")
        if result[1] is not None:
            return result[1]
    raise CleanError(f"{name}: no document found")


def clean_file(path: str | Path) -> list[tuple[RawDocument, CleanResult | None] | IngestError]:
    """Clean every document in one file (a JSONL or feed file holds several), without storing anything."""
    return list(_clean_all(read_file(Path(path))))


def ingest(
    paths: Iterable[str],
    db: str | Path = DEFAULT_DB,
    *,
    stdin: BinaryIO | None = None,
    on_document: ProgressCallback | None = None,
) -> IngestReport:
    """Add files, folders, globs or ``-`` (stdin) to the corpus in ``db``; return what happened.

    Each article is stored in its own transaction: a failure or a crash never loses what was
    stored before, and running the same ingest again adds nothing (content hashes).
    """
    report = IngestReport()
    with Store(db) as store:
        for item in _clean_all(iter_documents(list(paths), stdin=stdin), skip=store.has_hash):
            if isinstance(item, IngestError):
                report.errors.append(item)
                store.log_error(item)
                source = item.source
            else:
                doc, cleaned = item
                if cleaned is None:
                    existing = store.has_hash(doc.content_hash)
                    report.unchanged.append(existing or doc.content_hash[:16])
                else:
                    article_id, status = store.add_article(doc, cleaned)
                    {
                        "added": report.added,
                        "unchanged": report.unchanged,
                        "new-version": report.new_versions,
                    }[status].append(article_id)
                source = doc.source
            if on_document:
                on_document(source)
    return report


def analyze(
    db: str | Path = DEFAULT_DB,
    *,
    n_process: int = 1,
    on_article: ProgressCallback | None = None,
) -> int:
    """Run the per-article stage on every article not yet analysed, then relink entities; return the count.

    Each article's analysis is stored in its own transaction, so an interrupted run resumes where it
    stopped. Linking is redone over all stored mentions (it is near-linear: indexed by name keys).
    Then the corpus is clustered, and an article with no date of its own whose event gives it an
    estimated date is analysed once more against that date, so that its "last Friday" and "this
    week" become days instead of staying underspecified; the clustering is kept for later reads.
    The cross-article index is read once and continued by each clustering of the run (``cluster_state``).
    """
    from dateline.analyze.pipeline import ArticleInput, pipe
    from dateline.corpus.cluster_state import load_state

    with Store(db) as store:
        todo = store.articles_to_analyze(ANALYZER_VERSION)
        anchors = {article_id: (date or "")[:10] or None for article_id, _, date in todo}
        inputs = (ArticleInput(article_id, text, date) for article_id, text, date in todo)
        for analysis in pipe(inputs, n_process=n_process):
            store.save_analysis(analysis, ANALYZER_VERSION, anchors[analysis.article_id])
            if on_article:
                on_article(analysis.article_id)
        if todo:
            relink(store)
            state = load_state(store)
            _, current = reanchor(store, n_process=n_process, state=state)
            keep_clustering(store, current, state=state)
        return len(todo)


def keep_clustering(
    store: Store, found: Clustering | None = None, *, state: ClusterState | None = None
) -> Clustering:
    """Keep in the store, for later reads, the clustering of the corpus as it now stands (computed unless given).

    ``state`` is the cross-article index already read in this run, continued instead of read again.
    """
    from dateline.corpus.cluster_records import clustering_to_json

    fingerprint = store.corpus_fingerprint()
    found = found or _cluster_store(store, state)
    store.save_clustering_state(fingerprint, clustering_to_json(found))
    return found


def reanchor(
    store: Store, n_process: int = 1, *, state: ClusterState | None = None
) -> tuple[list[str], Clustering | None]:
    """Settle dates across the corpus, then analyse again each article whose anchor date changed.

    Returns the ids analysed again and, when nothing changed after it, the clustering of the corpus.

    A numeric publication date that reads both ways (12/03/2025) is read the way its story's other
    articles support (``corpus.ambiguous_dates``); an article with no date of its own gets its
    estimate. Each article whose relative expressions were resolved against another date than that
    is analysed once more. Runs once: the clustering after it may move an estimate again, which
    waits for the next ingest. Both clusterings continue one cross-article index (``state``, read from
    the store when not given): the second one only updates the articles whose date was settled.
    """
    from dateline.analyze.pipeline import ArticleInput, pipe
    from dateline.corpus.ambiguous_dates import reconsider
    from dateline.corpus.cluster_state import load_state

    state = state or load_state(store)
    found = _cluster_store(store, state)
    fixes = reconsider(list(store.articles()), found.stories)
    for fix in fixes:
        store.set_article_date(fix.article_id, fix.date)
    if fixes:
        found = _cluster_store(store, state)
    anchors = store.analysis_anchors()
    articles = list(store.articles())
    wanted = {
        a.id: (a.date.value or found.estimated_dates.get(a.id, ("", ""))[0])[:10] or None for a in articles
    }
    todo = {
        article_id: day for article_id, day in wanted.items()
        if day and article_id in anchors and anchors[article_id] != day
    }
    texts = {a.id: a.text for a in store.articles_by_id(list(todo))}  # only the few analysed again
    inputs = (ArticleInput(article_id, texts[article_id], day) for article_id, day in todo.items())
    for analysis in pipe(inputs, n_process=n_process):
        store.save_analysis(analysis, ANALYZER_VERSION, todo[analysis.article_id])
    if todo:
        relink(store)
    return list(todo), None if todo else found


def _cluster_store(store: Store, state: ClusterState | None = None) -> Clustering:
    """Find copies, events, stories and estimated dates over a store's articles and their analyses.

    Continues the cross-article index kept in the store (or ``state``): only new or changed articles
    are read and clustered (``corpus.cluster_state``); the result's ``update`` says which path it took.
    """
    from dateline.corpus.cluster_state import cluster_store

    return cluster_store(store, state)


def relink(store: Store) -> list[Entity]:
    """Link every stored mention to a canonical entity and store the entities."""
    from dateline.analyze.quotes import attach_entities
    from dateline.corpus.link import link_entities, speakers_by_name

    mentions = list(store.all_mentions())
    entities = link_entities(mentions, store.article_dates())
    store.replace_entities(entities, mentions)
    mentions_by_article: dict[str, list[Mention]] = {}
    for mention in mentions:
        mentions_by_article.setdefault(mention.article_id, []).append(mention)
    quotes = store.quotes()
    quotes_by_article: dict[str, list[Quote]] = {}
    for quote in quotes:
        quote.speaker_entity_id = None
        quotes_by_article.setdefault(quote.article_id, []).append(quote)
    for article_id, article_quotes in quotes_by_article.items():
        attach_entities(article_quotes, mentions_by_article.get(article_id, []))
    speakers_by_name(quotes, entities)
    store.set_quote_speakers(quotes)
    return entities


def pending_analysis(db: str | Path = DEFAULT_DB) -> int:
    """Return how many stored articles still need the per-article stage."""
    with Store(db) as store:
        return len(store.articles_to_analyze(ANALYZER_VERSION))


def count_documents(paths: Iterable[str]) -> int:
    """Return how many files an ingest of ``paths`` will visit (for a progress bar)."""
    return count_inputs(list(paths))


def run(
    folder: str | Path,
    output: str | Path = "report.html",
    db: str | Path = DEFAULT_DB,
    on_document: ProgressCallback | None = None,
) -> IngestReport:
    """Ingest a folder into ``db`` and write the HTML report of the whole corpus to ``output``."""
    report = ingest([str(folder)], db, on_document=on_document)
    analyze(db)
    Corpus(db).report(output, ingest_report=report)
    return report


class Corpus:
    """A stored corpus, read back: articles, one article, search and the report."""

    def __init__(self, db: str | Path = DEFAULT_DB) -> None:
        self.db = Path(db)
        # Opening creates nothing: reading a corpus that is not there is the user's mistake to hear about.
        Store(self.db, create=False).close()

    def _store(self) -> Store:
        return Store(self.db, create=False)

    def articles(self, limit: int | None = None) -> list[Article]:
        """Return the stored articles by publication date, undated last."""
        with self._store() as store:
            return list(store.articles(limit=limit))

    def article(self, ref: str) -> Article | None:
        """Return one article by id, id prefix or content hash."""
        with self._store() as store:
            return store.article(ref)

    def search(self, query: str, limit: int = 20) -> list[tuple[Article, str]]:
        """Return (article, snippet) pairs matching the query, best first."""
        with self._store() as store:
            return store.search(query, limit=limit)

    def search_hits(self, query: str, limit: int = 20) -> list[tuple[str, str]]:
        """Return (article id, snippet) pairs matching the query, best first, without reading the articles."""
        with self._store() as store:
            return store.search_hits(query, limit=limit)

    def analysis(self, article_id: str) -> ArticleAnalysis:
        """Return the per-article analysis (sentences, mentions, time expressions, figures) of one article."""
        with self._store() as store:
            return store.analysis(article_id)

    def entities(self, entity_type: str | None = None) -> list[Entity]:
        """Return the canonical entities, most mentioned first; ``entity_type`` is person, place, org ..."""
        with self._store() as store:
            return store.entities(entity_type)

    def people(self) -> list[Entity]:
        """Return the people of the corpus, most mentioned first."""
        return self.entities("person")

    def entity(self, name: str) -> tuple[Entity, list[Mention]] | None:
        """Return the entity best matching ``name`` (id, name or alias) and its mentions by date."""
        wanted = name.strip().casefold()
        entities = self.entities()
        for match in (
            lambda e: e.id.casefold() == wanted,
            lambda e: e.name.casefold() == wanted,
            lambda e: any(a.casefold() == wanted for a in e.aliases),
            lambda e: wanted in e.name.casefold(),
        ):
            found = [e for e in entities if match(e)]
            if found:
                with self._store() as store:
                    return found[0], store.entity_mentions(found[0].id)
        return None

    def quotes(self, person: str | None = None, since: str | None = None) -> list[Quote]:
        """Return quotes by article date, of one person (name, alias or id) and from a date on if given."""
        entity_id = None
        if person:
            found = self.entity(person)
            if found is None:
                return []
            entity_id = found[0].id
        dates = {a.id: a.date.value for a in self.articles()}
        with self._store() as store:
            quotes = store.quotes(entity_id)
        if since:
            quotes = [q for q in quotes if (dates.get(q.article_id) or "") >= since]
        return quotes

    def search_entities(self, query: str) -> list[Entity]:
        """Return entities whose name or an alias contains every word of the query, most mentioned first."""
        words = query.casefold().split()
        return [
            e for e in self.entities()
            if words and all(any(w in name.casefold() for name in [e.name, *e.aliases]) for w in words)
        ]

    def search_quotes(self, query: str) -> list[Quote]:
        """Return quotes whose text contains every word of the query, by date."""
        words = query.casefold().split()
        return [q for q in self.quotes() if words and all(w in q.text.casefold() for w in words)]

    def statements(self, person: str | None = None, since: str | None = None) -> list[Statement]:
        """Return distinct statements (one per thing said, however many outlets carried it), oldest first."""
        from dateline.corpus.coverage import named_outlets
        from dateline.corpus.statements import group_statements

        articles = self.articles()
        dates = {a.id: a.date.value for a in articles}
        # One name per outlet, so a statement the wire carried twice ("CWS" is "Coastal Wire Service - CWS") does
        # not list it twice.
        named = named_outlets(articles)
        outlets: dict[str, str | None] = {a.id: named.get(a.id) for a in articles}
        statements = group_statements(self.quotes(person, since), dates, outlets)
        names = {e.id: e.name for e in self.entities()}
        for statement in statements:
            # Show the canonical name ("Antony Blinken"), not the spelling one article used.
            if statement.speaker_entity_id in names:
                statement.speaker_name = names[statement.speaker_entity_id]
        return sorted(statements, key=lambda s: (s.first_date is None, s.first_date or ""))

    def clustering(self, refresh: bool = False, stale_ok: bool = False) -> Clustering:
        """Group copies, cluster articles into events and events into stories, over the stored analysis.

        The result is kept in the store with a fingerprint of the analysed articles and entities, and
        read back while neither changed: reads (the report, the web app) do not redo the work. When the
        corpus changed it is recomputed; every step is near-linear (LSH and inverted-index candidates),
        so a corpus of thousands takes seconds. The kept result has no ``inputs``.

        ``stale_ok`` returns the last kept result even when the corpus changed since: what a reader
        wants while another process ingests (``analyze`` keeps a fresh result when it ends).
        """
        from dateline.corpus.cluster_records import clustering_from_json, clustering_to_json

        with self._store() as store:
            fingerprint = store.corpus_fingerprint()
            payload = None if refresh else store.load_clustering_state(None if stale_ok else fingerprint)
            if payload is not None:
                return clustering_from_json(payload)
            found = _cluster_store(store)
            # A read-only corpus still answers; it only cannot keep the result.
            with contextlib.suppress(sqlite3.Error):
                store.save_clustering_state(fingerprint, clustering_to_json(found))
            return found

    def conflicts(
        self, story: str | None = None, kind: str | None = None, include_all: bool = False
    ) -> list[Conflict]:
        """Return where sources disagree: figures, dates, counts ("fourth" / "third trip") and quote wordings.

        Each conflict groups the values with their sentence, article, outlet and date, classed as a
        conflict, a rounding difference or a rewording; ``include_all`` adds look-alikes that are about
        different things and figures that changed between reports. ``story`` narrows to one story (id or
        words of its label), ``kind`` to figure, date, count or quote. Raises ``LookupError`` for an
        unknown story or kind.
        """
        from dateline.corpus.conflicts import KINDS, find_conflicts
        from dateline.corpus.coverage import outlet_names, sources_of

        if kind is not None and kind not in KINDS:
            raise LookupError(f"unknown kind {kind!r} (one of {', '.join(KINDS)})")
        found = self.clustering()
        articles = self.articles()
        wanted = set(self.story(story, found).article_ids) if story else None
        sources = sources_of(articles, found.estimated_dates)
        with self._store() as store:
            analyses = {a.id: store.analysis(a.id) for a in articles if wanted is None or a.id in wanted}
        statements = [
            s for s in self.statements()
            if wanted is None or any(q.article_id in wanted for q in s.quotes)
        ] if kind in (None, "quote") else []
        conflicts = find_conflicts(sources, analyses, found, statements, outlet_names(sources), include_all)
        return [c for c in conflicts if kind is None or c.kind == kind]

    def coverage(self, story: str | None = None) -> list[StoryCoverage]:
        """Return per story who covered each event: own report, copy only, first; and the outlets x events matrix.

        ``story`` narrows to one story (id or words of its label); raises ``LookupError`` when unknown.
        """
        from dateline.corpus.coverage import event_coverage, outlet_names, sources_of, story_coverage

        found = self.clustering()
        sources = sources_of(self.articles(), found.estimated_dates)
        events = event_coverage(found, outlet_names(sources), {s.article_id: s.date for s in sources})
        stories = story_coverage(found, events)
        if story:
            wanted = self.story(story, found).id
            stories = [s for s in stories if s.story_id == wanted]
        return stories

    def timeline(
        self,
        story: str | None = None,
        dates: int = 10,
        per_date: int = 2,
        since: str | None = None,
        until: str | None = None,
        query: str | None = None,
        person: str | None = None,
        keywords: list[str] | None = None,
    ) -> list[TimelineEntry]:
        """Return the key dates of a selection and a short summary per date, each sentence citing its articles.

        The selection is the whole corpus narrowed by any of: a story (id or words of its label), a
        full-text query, a person (name, alias or id). Undated articles count at their estimated date;
        copies are folded onto their original (``also_in``). Raises ``LookupError`` when the story or
        person is not in the corpus.
        """
        from dateline.corpus.cluster_time import iso_day
        from dateline.corpus.timeline import build_timeline

        found = self.clustering()
        articles = self.articles()
        selected = {a.id for a in articles}
        if story:
            selected &= set(self.story(story, found).article_ids)
        if query:
            with self._store() as store:
                selected &= {a.id for a, _ in store.search(query, limit=len(articles) or 1)}
        if person:
            hit = self.entity(person)
            if hit is None:
                raise LookupError(f"no person {person!r} in this corpus")
            selected &= {m.article_id for m in hit[1]}
        estimated = found.estimated_dates
        known = {
            a.id: (iso_day(a.date.value) or iso_day(estimated.get(a.id, (None, ""))[0]), a.title.value)
            for a in articles
            if a.id in selected
        }
        with self._store() as store:
            analyses = [store.analysis(article_id) for article_id in known]
        copies = {c: g.original_id for g in found.copies for c in g.copy_ids if c in known and g.original_id in known}
        return build_timeline(analyses, known, dates, per_date, keywords=keywords, since=since, until=until,
                              copies=copies)

    def story(self, ref: str, found: Clustering | None = None) -> Story:
        """Return the story whose id is ``ref`` (with or without ``story:``, or a unique prefix) or whose label
        contains every word of ``ref``; raises ``LookupError`` when none or several match."""
        stories = (found or self.clustering()).stories
        wanted = ref.strip().casefold()
        bare = wanted.removeprefix("story:")
        for match in (
            lambda s: s.id.casefold() == wanted or s.id.casefold().removeprefix("story:") == bare,
            lambda s: s.id.casefold().removeprefix("story:").startswith(bare),
            lambda s: all(w in s.label.casefold() for w in wanted.split()),
        ):
            hits = [s for s in stories if match(s)]
            if len(hits) == 1:
                return hits[0]
            if len(hits) > 1:
                raise LookupError(f"{ref!r} matches {len(hits)} stories; give its id")
        raise LookupError(f"no story {ref!r} in this corpus")

    def errors(self) -> list[IngestError]:
        """Return the per-file errors of past ingests."""
        with self._store() as store:
            return store.errors()

    def report(self, output: str | Path, ingest_report: IngestReport | None = None) -> Path:
        """Write the self-contained HTML report of the corpus to ``output``."""
        from dateline.render.html import render_report

        path = Path(output)
        articles = self.articles()
        with self._store() as store:
            analyses = {a.id: store.analysis(a.id) for a in articles}
            entities = store.entities()
        html = render_report(
            articles,
            errors=ingest_report.errors if ingest_report else self.errors(),
            analyses=analyses,
            entities=entities,
            statements=self.statements(),
            clustering=self.clustering() if articles else None,
            timeline=self.timeline(dates=REPORT_DATES, per_date=REPORT_PER_DATE) if articles else [],
            conflicts=self.conflicts() if articles else [],
            coverage=self.coverage() if articles else [],
        )
        path.write_text(html, encoding="utf-8")
        return path


def _clean_all(
    items: Iterable[RawDocument | IngestError],
    skip: Callable[[str], str | None] | None = None,
) -> Iterator[tuple[RawDocument, CleanResult | None] | IngestError]:
    """Clean each document, turning a failure into an IngestError; documents ``skip`` knows pass uncleaned."""
    for item in items:
        if isinstance(item, IngestError):
            yield item
            continue
        if skip is not None and skip(item.content_hash):
            yield item, None
            continue
        try:
            yield item, clean_document(item)
        except CleanError as exc:
            yield IngestError(item.source, str(exc))
        except Exception as exc:  # noqa: BLE001 - one bad document must never stop the run
            yield IngestError(item.source, f"could not clean: {type(exc).__name__}: {exc}")
