"""The self-contained HTML report: one file, inline style, every article text escaped.

Later capabilities add sections to the same template. Autoescaping is on for every variable: the
text, titles, authors and outlets of articles are untrusted input.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from dateline.corpus.coverage import named_outlets
from dateline.model import Article, ArticleAnalysis, Entity, IngestError, Statement, TimelineEntry
from dateline.render.axis import place
from dateline.render.conflicts import coverage_views
from dateline.render.highlight import highlighted_paragraphs, spans_of
from dateline.render.timeline import timeline_view

if TYPE_CHECKING:
    from dateline.corpus.cluster_records import Clustering
    from dateline.model import Conflict, StoryCoverage


@lru_cache(maxsize=1)
def template_environment() -> Environment:
    """Build the Jinja2 environment once, with autoescaping for every template."""
    return Environment(
        loader=PackageLoader("dateline.render", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


@dataclass
class TimelineDot:
    """One dated article placed on the report's date axis (x in percent of the width)."""

    x: float
    article_id: str
    label: str
    date: str


def date_axis(articles: Sequence[Article]) -> tuple[list[TimelineDot], list[tuple[float, str]]]:
    """Place dated articles on a horizontal axis; return the dots and a few tick labels."""
    dated = [a for a in articles if a.date.known and a.date.value]
    xs, ticks = place([a.date.value for a in dated])
    dots = [
        TimelineDot(x=x or 50.0, article_id=a.id, label=(a.title.value or a.id)[:90], date=(a.date.value or "")[:10])
        for x, a in zip(xs, dated, strict=True)
    ]
    return dots, ticks


@dataclass
class EventView:
    """An event as the report shows it: date and evidence, label, its articles, its place on the axis."""

    id: str
    date: str | None
    date_source: str
    label: str
    independent_reports: int
    articles: list[Article]
    x: float = 50.0


@dataclass
class StoryView:
    """A story as the report shows it: label, date range, events (dated ones placed on an axis)."""

    id: str
    label: str
    first_date: str | None
    last_date: str | None
    events: list[EventView]
    ticks: list[tuple[float, str]]


def story_views(clustering: Clustering, articles: Mapping[str, Article]) -> list[StoryView]:
    """Build the report's view of each story, its events ordered by date (undated last)."""
    events = {e.id: e for e in clustering.events}
    views = []
    for story in clustering.stories:
        members = [events[e] for e in story.event_ids if e in events]
        members.sort(key=lambda e: (e.date is None, e.date or ""))
        event_views = [
            EventView(e.id, e.date, e.date_source, e.label, e.independent_reports,
                      [articles[a] for a in e.article_ids if a in articles])
            for e in members
        ]
        views.append(StoryView(story.id, story.label, story.first_date, story.last_date, event_views,
                               _place_on_axis(event_views)))
    return sorted(views, key=lambda v: -sum(len(e.articles) for e in v.events))


def _place_on_axis(events: list[EventView]) -> list[tuple[float, str]]:
    """Set each dated event's x (percent of the width) and return the axis ticks."""
    xs, ticks = place([e.date for e in events])
    for event, x in zip(events, xs, strict=True):
        if x is not None:
            event.x = x
    return ticks


def _copy_notes(clustering: Clustering) -> dict[str, str]:
    """Return, per copied article, a note naming its original and what the copy changed."""
    notes = {}
    for group in clustering.copies:
        for copy_id in group.copy_ids:
            changes = ", ".join(group.changes.get(copy_id, [])) or "no changes"
            notes[copy_id] = f"copy of {group.original_id} ({changes})"
        notes[group.original_id] = f"original of {len(group.copy_ids)} cop{'y' if len(group.copy_ids) == 1 else 'ies'}"
    return notes


@dataclass
class SpeakerStatements:
    """One speaker's statements over time, as the report's "who said what" shows them."""

    name: str
    entity_id: str | None
    statements: list[tuple[Statement, list[Article]]]


def statements_by_speaker(
    statements: Sequence[Statement], articles: Mapping[str, Article]
) -> list[SpeakerStatements]:
    """Group statements by speaker (most statements first), each with the articles that carried it."""
    groups: dict[str, SpeakerStatements] = {}
    for statement in statements:
        name = statement.speaker_name or "No speaker named in the text"
        key = statement.speaker_entity_id or name
        group = groups.setdefault(key, SpeakerStatements(name, statement.speaker_entity_id, []))
        carried = [articles[q.article_id] for q in statement.quotes if q.article_id in articles]
        group.statements.append((statement, list({a.id: a for a in carried}.values())))
    return sorted(groups.values(), key=lambda g: (g.entity_id is None, -len(g.statements), g.name))


def render_report(
    articles: Sequence[Article],
    errors: Sequence[IngestError] = (),
    analyses: Mapping[str, ArticleAnalysis] | None = None,
    entities: Sequence[Entity] = (),
    statements: Sequence[Statement] = (),
    clustering: Clustering | None = None,
    timeline: Sequence[TimelineEntry] = (),
    conflicts: Sequence[Conflict] = (),
    coverage: Sequence[StoryCoverage] = (),
) -> str:
    """Render the report of a corpus as one HTML string."""
    template = template_environment().get_template("report.html.j2")
    names = {e.id: e.name for e in entities}
    analyses = analyses or {}

    def article_paragraphs(article: Article) -> list[Markup]:
        analysis = analyses.get(article.id)
        return highlighted_paragraphs(article.text, spans_of(analysis, names) if analysis else ())

    dots, ticks = date_axis(articles)
    by_id = {a.id: a for a in articles}
    outlet_of = named_outlets(articles)
    outlets = sorted(set(outlet_of.values()))
    dated = [a.date.value for a in articles if a.date.known and a.date.value]
    return template.render(
        articles=articles,
        errors=errors,
        outlets=outlets,
        outlet_of=outlet_of,
        first_date=min(dated) if dated else None,
        last_date=max(dated) if dated else None,
        undated=sum(1 for a in articles if not a.date.known),
        dots=dots,
        ticks=ticks,
        paragraphs=article_paragraphs,
        people=[e for e in entities if e.type == "person"][:40],
        speakers=statements_by_speaker(statements, {a.id: a for a in articles}),
        stories=story_views(clustering, {a.id: a for a in articles}) if clustering else [],
        estimates=clustering.estimated_dates if clustering else {},
        copies=_copy_notes(clustering) if clustering else {},
        places=[e for e in entities if e.type == "place"][:25],
        organisations=[e for e in entities if e.type == "org"][:25],
        vessels=[e for e in entities if e.type == "vessel"][:25],
        timeline=timeline_view(list(timeline)),
        conflicts=list(conflicts),
        coverage=coverage_views(list(coverage)),
        href=lambda article_id: f"#a-{article_id}",
        label=lambda article_id: _short_label(by_id.get(article_id), article_id),
    )


def _short_label(article: Article | None, article_id: str) -> str:
    """Name a cited article by its outlet, else its title, else its id."""
    if article is None:
        return article_id
    return article.outlet.value or (article.title.value or article_id)[:60]
