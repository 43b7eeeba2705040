"""Date and count conflicts: one event that independent articles date differently, or count as another occurrence.

Dates: an event that independent articles date differently, where both dates attach to the same words
("sank on Thursday" / "sank on Friday", not "said Friday"), read only from a time expression anchored on
a real publication date, outside the headline. Counts: "fourth trip" against "third trip" in one event,
only for ordinals of happenings ("first witness" and "second witness" are two people). Either is a
conflict only when the two sentences share enough content words to describe one happening.
"""

from __future__ import annotations

from dateline.analyze.figures_referent import referent_key
from dateline.corpus.cluster_time import days_apart, event_day
from dateline.corpus.conflicts_context import (
    STOPWORDS,
    WORD_RE,
    Context,
    FigureItem,
    conflict_id,
    content_words,
    same_happening,
)
from dateline.corpus.conflicts_figures import build_figure_conflict
from dateline.model import ArticleAnalysis, Conflict, ConflictValue

DATE_FILLERS = frozenset({"on", "early", "late", "last", "this", "next", "since", "until", "by", "from", "before",
                          "after", "during", "overnight"})
# Ordinals count happenings of these ("fourth trip"); "first witness" and "second witness" are two people.
OCCURRENCE_NOUNS = frozenset({
    "trip", "visit", "meeting", "round", "attempt", "term", "summit", "strike", "vote", "tour", "bailout",
    "loan", "increase", "cut", "hike", "appearance", "offensive", "attack", "wave", "election", "extension",
    "delay", "season", "consecutive", "straight", "raise"
})  # fmt: skip


# Counts ---------------------------------------------------------------------------------------------


def count_conflicts(context: Context) -> list[Conflict]:
    """Return ordinals of one happening that differ within one event ("fourth trip" against "third trip")."""
    groups: dict[tuple[str, str], list[FigureItem]] = {}
    for article_id, analysis in context.analyses.items():
        event = context.event_of.get(article_id)
        for figure in analysis.figures:
            if figure.kind != "ordinal" or figure.value is None or event is None:
                continue
            key = referent_key(figure.referent or "")
            if key and key.split()[-1] in OCCURRENCE_NOUNS:
                item = FigureItem(figure, key, event, context.story_of.get(article_id), context.copy_of.get(article_id))
                groups.setdefault((event, key), []).append(item)
    found = []
    for (_, key), items in sorted(groups.items()):
        per_article: dict[str, set[float]] = {}
        for item in items:
            per_article.setdefault(item.figure.article_id, set()).add(float(item.figure.value or 0))
        if any(len(v) > 1 for v in per_article.values()) or len({i.figure.value for i in items}) < 2:
            continue  # one article naming both ("the third and the fourth round") keeps them apart
        pairs = [
            (a, b) for a in items for b in items
            if a.figure.value != b.figure.value and context.independent(a.figure.article_id, b.figure.article_id)
            and same_happening(
                content_words(context.sentence(a.figure.article_id, a.figure.sentence_index, a.figure.start), key),
                content_words(context.sentence(b.figure.article_id, b.figure.sentence_index, b.figure.start), key),
            )
        ]
        if not pairs:
            continue
        low, high = sorted((pairs[0][0].figure, pairs[0][1].figure), key=lambda f: f.value or 0)
        reason = f"one event, counted as the {low.text} and the {high.text} {key}"
        found.append(build_figure_conflict(context, "count", "conflict", key, "", reason, items, None))
    return found


# Dates ----------------------------------------------------------------------------------------------


def date_conflicts(context: Context) -> list[Conflict]:
    """Return events that independent articles date differently from their own leads ("on Tuesday" / "on Monday").

    Only days read from a time expression and anchored on a real publication date count (an article
    that only has its publication date says nothing about when the happening was), outside the
    headline, and only when two sentences giving different days describe one happening.
    """
    found = []
    for event in context.clustering.events:
        reports: list[tuple[str, ConflictValue, set[str]]] = []
        for article_id in event.article_ids:
            source, analysis = context.sources.get(article_id), context.analyses.get(article_id)
            if source is None or analysis is None or source.date_estimated or article_id in context.copy_of:
                continue
            day = event_day(analysis, source.date)
            if day is None or not day.expression or not day.anchored:
                continue
            value = _date_value(context, day.expression, day.day, article_id)
            if value.end and not _in_headline(analysis, value.start):
                reports.append((day.day, value, content_words(value.sentence)))
        if len({day for day, _, _ in reports}) < 2:
            continue
        if not any(
            a[0] != b[0] and context.independent(a[1].article_id, b[1].article_id) and same_happening(a[2], b[2])
            # "today" in two articles differs only by their publication days; a sentence repeated word for
            # word (a programme note, a standing line) is not a second witness.
            and a[1].text.casefold() != b[1].text.casefold() and a[1].sentence != b[1].sentence
            and _dated_words(context, a[1]) & _dated_words(context, b[1])
            for a in reports for b in reports
        ):
            continue
        values = [value for _, value, _ in sorted(reports, key=lambda r: (r[0], r[1].article_id))]
        days = sorted({day for day, _, _ in reports})
        reason = f"{len(days)} different days for one event, {days_apart(days[0], days[-1])} day(s) apart"
        found.append(Conflict(
            id=conflict_id("date", "conflict", event.label, event.story_id, values),
            kind="date", verdict="conflict", subject=event.label, reason=reason, values=values,
            story_id=event.story_id, event_id=event.id,
        ))
    return found


def _dated_words(context: Context, value: ConflictValue) -> set[str]:
    """Return the words just before a date: what it dates ("sank on Thursday" dates "sank", "said Friday" "said").

    Two days disagree only when they date the same thing; "the rig sank on Thursday" and "the Coast
    Guard said Friday" are both right.
    """
    analysis = context.analyses.get(value.article_id)
    source = context.sources.get(value.article_id)
    if analysis is None or source is None:
        return set()
    sentence = next((s for s in analysis.sentences if s.start <= value.start < s.end), None)
    if sentence is None:
        return set()
    before = sentence.text[: value.start - sentence.start]
    words = [w for w in WORD_RE.findall(before.lower()) if w not in DATE_FILLERS]
    return set(words[-2:]) - STOPWORDS - {"said", "says", "told"}


def _in_headline(analysis: ArticleAnalysis, offset: int) -> bool:
    """Tell whether an offset falls in an article's first sentence, where a headline or a page stamp sits."""
    first = min(analysis.sentences, key=lambda s: s.index, default=None)
    return first is not None and first.start <= offset < first.end


def _date_value(context: Context, expression: str, day: str, article_id: str) -> ConflictValue:
    """Make the side of a date conflict one article gives: its time expression, resolved, in its sentence."""
    analysis = context.analyses.get(article_id)
    timex = next(
        (t for t in (analysis.timexes if analysis else []) if t.text == expression and t.first_day == day), None
    )
    start, end = (timex.start, timex.end) if timex else (0, 0)
    return context.value(article_id, expression, day, start, end, -1)
