"""The per-article stage: one spaCy parse per article, and everything derived from it.

Pure and parallel: nothing here knows about other articles. ``pipe`` batches texts through
``nlp.pipe`` (processes on request) and derives sentences, mentions, time expressions and figures
from the single parse of each article.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc

from dateline.analyze.entities import find_mentions
from dateline.analyze.figures import find_figures
from dateline.analyze.nlp import load
from dateline.analyze.quotes import find_quotes
from dateline.analyze.timex import find_timexes
from dateline.model import ArticleAnalysis, Sentence, TimeRef

DEFAULT_BATCH_SIZE = 32


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
    nlp = load()
    stream = ((a.text, a) for a in articles)
    for doc, article in nlp.pipe(stream, as_tuples=True, n_process=n_process, batch_size=batch_size):
        yield analyze_doc(doc, article)


def analyze_doc(doc: Doc, article: ArticleInput) -> ArticleAnalysis:
    """Derive sentences, mentions, time expressions, figures and quotes from one parsed article."""
    dct = _parse_day(article.date)
    timexes = find_timexes(doc, dct, article.article_id)
    sentences = _sentences(doc, article.article_id, timexes)
    mentions = find_mentions(doc, article.article_id)
    return ArticleAnalysis(
        article_id=article.article_id,
        sentences=sentences,
        mentions=mentions,
        timexes=timexes,
        figures=find_figures(doc, article.article_id),
        quotes=find_quotes(doc, mentions, article.article_id),
    )


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
