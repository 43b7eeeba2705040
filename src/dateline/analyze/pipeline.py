"""The per-article stage: one spaCy parse per article, and everything derived from it.

Pure and parallel: nothing here knows about other articles. ``pipe`` batches texts through
``nlp.pipe`` (processes on request) and derives sentences, mentions, time expressions and figures
from the single parse of each article.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from spacy.tokens import Doc

from dateline.analyze.entities import find_mentions
from dateline.analyze.figures import find_figures
from dateline.analyze.nlp import parse_map
from dateline.analyze.quotes import find_quotes
from dateline.analyze.timex import find_timexes
from dateline.model import ArticleAnalysis, Sentence, TimeRef

DEFAULT_BATCH_SIZE = 32
T = TypeVar("T")
logger = logging.getLogger(__name__)


@dataclass
class ArticleInput:
    """What the per-article stage needs of an article: its id, clean text and publication date."""

    article_id: str
    text: str
    date: str | None = None


def pipe(
    articles: Iterable[ArticleInput], n_process: int = 1, batch_size: int = DEFAULT_BATCH_SIZE
) -> Iterator[ArticleAnalysis]:
    """Parse each article once and yield its analysis, in input order."""
    stream = ((a.text, a) for a in articles)
    for _, analysis in parse_map(stream, analyze_doc, n_process=n_process, batch_size=batch_size):
        yield analysis


def analyze_doc(doc: Doc, article: ArticleInput) -> ArticleAnalysis:
    """Derive sentences, mentions, time expressions, figures and quotes from one parsed article."""
    aid = article.article_id
    dct = _parse_day(article.date)
    timexes = guarded("time expressions", aid, lambda: find_timexes(doc, dct, aid))
    sentences = _sentences(doc, aid, timexes)
    mentions = guarded("mentions", aid, lambda: find_mentions(doc, aid))
    return ArticleAnalysis(
        article_id=aid,
        sentences=sentences,
        mentions=mentions,
        timexes=timexes,
        figures=guarded("figures", aid, lambda: find_figures(doc, aid)),
        quotes=guarded("quotes", aid, lambda: find_quotes(doc, mentions, aid)),
    )


def guarded(layer: str, article_id: str, derive: Callable[[], list[T]]) -> list[T]:
    """Run one derived layer; a bug it hits on one odd article costs that layer, not the whole run."""
    try:
        return derive()
    except Exception:  # noqa: BLE001 - articles are untrusted input; the other layers and articles go on
        logger.warning("article %s: %s failed and were left out", article_id, layer, exc_info=True)
        return []


def _sentences(doc: Doc, article_id: str, timexes: list[TimeRef]) -> list[Sentence]:
    """List the sentences with their paragraph number and the day each one reports, if any."""
    sentences: list[Sentence] = []
    paragraph = 0
    last_end = 0
    full_text = doc.text  # Doc.text joins every token: build it once, not per sentence.
    for index, span in enumerate(doc.sents):
        text = span.text.strip()
        if not text:
            continue
        start = span.start_char + (len(span.text) - len(span.text.lstrip()))
        end = start + len(text)
        if "\n\n" in full_text[last_end:start] and sentences:
            paragraph += 1
        last_end = end
        sentence = Sentence(article_id, index, start, end, text, paragraph)
        _attach_event_date(sentence, timexes)
        sentences.append(sentence)
    return sentences


def _attach_event_date(sentence: Sentence, timexes: list[TimeRef]) -> None:
    """Give the sentence the day its first day-precise time expression names."""
    for timex in timexes:
        if (
            sentence.start <= timex.start < sentence.end
            and timex.first_day
            and timex.type in ("DATE", "TIME")
        ) and timex.first_day == timex.last_day:
            sentence.event_date = timex.first_day
            sentence.event_date_source = timex.text
            return


def _parse_day(value: str | None) -> date | None:
    """Return the calendar day of an ISO date string, or None."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
