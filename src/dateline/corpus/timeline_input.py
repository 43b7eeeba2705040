"""From article records to a timeline: parse each record once, find the copies, build the timeline.

The path ``dateline timeline FILE`` and ``benchmarks/tls.py`` share.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence

from spacy.tokens import Doc

from dateline.analyze.nlp import parse_map
from dateline.analyze.pipeline import DEFAULT_BATCH_SIZE, ArticleInput, analyze_doc
from dateline.corpus.cluster_records import Record
from dateline.corpus.cluster_time import iso_day
from dateline.corpus.dedup import find_copies
from dateline.corpus.timeline import build_timeline
from dateline.model import ArticleAnalysis, TimelineEntry


def parse_records(
    records: Iterable[Record],
    n_process: int = 1,
    on_article: Callable[[str], None] | None = None,
    on_error: Callable[[str, Exception], None] | None = None,
) -> Iterator[ArticleAnalysis]:
    """Parse the records in batches and yield each analysis; an article that fails is reported, skipped."""
    stream = ((r.text, ArticleInput(r.id, r.text, iso_day(r.date))) for r in records)
    for article, analysis in parse_map(stream, _analysis_or_failure, n_process, DEFAULT_BATCH_SIZE):
        if on_article:
            on_article(article.article_id)
        if isinstance(analysis, ArticleFailure):
            if on_error is None:
                raise analysis
            on_error(article.article_id, analysis)
            continue
        yield analysis


class ArticleFailure(RuntimeError):
    """Why the analysis of one article failed: its error's type and message, which cross processes."""


def _analysis_or_failure(doc: Doc, article: ArticleInput) -> ArticleAnalysis | ArticleFailure:
    """Analyse one parse; an article the analysis cannot read gives its failure, not the end of the run."""
    try:
        return analyze_doc(doc, article)
    except Exception as exc:  # noqa: BLE001 - one article must not cost the timeline of the rest
        return ArticleFailure(f"{type(exc).__name__}: {exc}")


def timeline_from_analyses(
    records: Sequence[Record],
    analyses: Sequence[ArticleAnalysis],
    n_dates: int,
    per_date: int,
    keywords: list[str] | None = None,
    since: str | None = None,
    until: str | None = None,
    copies: dict[str, str] | None = None,
) -> list[TimelineEntry]:
    """Build the timeline of parsed records, their copies (found here unless given) collapsed onto the originals."""
    articles = {r.id: (iso_day(r.date), r.title) for r in records}
    if copies is None:
        copies = copies_of(records)
    return build_timeline(
        list(analyses), articles, n_dates, per_date, keywords=keywords, since=since, until=until,
        copies=copies,
    )


def copies_of(records: Sequence[Record]) -> dict[str, str]:
    """Map each record that copies another to the original's id."""
    groups = find_copies([(r.id, r.text, r.date, r.title) for r in records])
    return {copy: group.original_id for group in groups for copy in group.copy_ids}
