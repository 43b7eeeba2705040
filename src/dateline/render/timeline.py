"""Timeline exports: Markdown, JSON, and Knight Lab TimelineJS JSON, every sentence with its sources."""

from __future__ import annotations

import html
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from dateline.model import TimelineEntry, TimelineSentence
from dateline.render.axis import place

HEADLINE_WORDS = 12


def timeline_data(entries: list[TimelineEntry]) -> list[dict[str, Any]]:
    """Return the timeline as JSON-ready records: date, then sentences with the articles that carry them."""
    return [
        {
            "date": entry.date,
            "sentences": [
                {"text": s.text, "article_id": s.article_id, "also_in": list(s.also_in), "start": s.start, "end": s.end}
                for s in entry.sentences
            ],
        }
        for entry in entries
    ]


def to_json(entries: list[TimelineEntry]) -> str:
    """Render the timeline as a JSON array of ``{"date", "sentences": [{"text", "article_id", ...}]}``."""
    return json.dumps(timeline_data(entries), ensure_ascii=False, indent=2)


def to_markdown(entries: list[TimelineEntry], title: str = "Timeline") -> str:
    """Render the timeline as Markdown: one heading per date, one bullet per sentence with its sources."""
    lines = [f"# {title}", ""]
    for entry in entries:
        lines += [f"## {entry.date}", ""]
        lines += [f"- {_markdown_text(s.text)} ({_sources(s)})" for s in entry.sentences]
        lines.append("")
    return "\n".join(lines)


def _markdown_text(text: str) -> str:
    """Escape the characters that Markdown would read as markup or HTML."""
    escaped = html.escape(text, quote=False)
    for char in "\\`*_[]":
        escaped = escaped.replace(char, "\\" + char)
    return escaped


def _sources(sentence: TimelineSentence) -> str:
    """Return the article a sentence cites and the others that carry it."""
    if not sentence.also_in:
        return sentence.article_id
    return f"{sentence.article_id}; also in {', '.join(sentence.also_in)}"


def timelinejs_data(entries: list[TimelineEntry], title: str) -> dict[str, Any]:
    """Return the timeline in Knight Lab TimelineJS form, every text HTML-escaped."""
    return {
        "title": {"text": {"headline": html.escape(title), "text": ""}},
        "events": [_timelinejs_event(entry) for entry in entries if entry.sentences],
    }


def _timelinejs_event(entry: TimelineEntry) -> dict[str, Any]:
    """Return one TimelineJS event: the date, a short headline and the sentences with their sources."""
    year, month, day = entry.date[:10].split("-")
    words = entry.sentences[0].text.split()
    headline = " ".join(words[:HEADLINE_WORDS]) + (" …" if len(words) > HEADLINE_WORDS else "")
    body = "".join(
        f"<p>{html.escape(s.text)} <small>({html.escape(_sources(s))})</small></p>" for s in entry.sentences
    )
    return {
        "start_date": {"year": year, "month": str(int(month)), "day": str(int(day))},
        "text": {"headline": html.escape(headline), "text": body},
    }


def to_timelinejs(entries: list[TimelineEntry], title: str) -> str:
    """Render the timeline as TimelineJS JSON, ready to embed."""
    return json.dumps(timelinejs_data(entries, title), ensure_ascii=False, indent=2)


@dataclass
class TimelineEntryView:
    """One date of the timeline as the pictures show it: its place on the axis and a short headline."""

    date: str
    x: float
    headline: str
    sentences: list[TimelineSentence]


@dataclass
class TimelineView:
    """A timeline placed on a date axis, for the HTML report, the timeline page and the web app."""

    entries: list[TimelineEntryView]
    ticks: list[tuple[float, str]]


def timeline_view(entries: list[TimelineEntry]) -> TimelineView:
    """Place each date of a timeline on the axis and give it a headline (its first sentence, shortened)."""
    xs, ticks = place([e.date for e in entries])
    views = []
    for entry, x in zip(entries, xs, strict=True):
        words = entry.sentences[0].text.split() if entry.sentences else []
        headline = " ".join(words[:HEADLINE_WORDS]) + (" …" if len(words) > HEADLINE_WORDS else "")
        views.append(TimelineEntryView(entry.date, x if x is not None else 50.0, headline, list(entry.sentences)))
    return TimelineView(views, ticks)


def to_html(
    entries: list[TimelineEntry],
    title: str = "Timeline",
    labels: Mapping[str, str] | None = None,
) -> str:
    """Render the timeline as a self-contained HTML page (inline SVG axis, no scripts), every text escaped.

    ``labels`` names the cited articles (outlet and title) where they are known; otherwise the id shows.
    """
    from dateline.render.html import template_environment

    names = dict(labels or {})
    return template_environment().get_template("timeline.html.j2").render(
        title=title,
        timeline=timeline_view(entries),
        href=lambda article_id: None,
        label=lambda article_id: names.get(article_id, article_id),
    )
