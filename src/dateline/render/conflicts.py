"""Conflicts and coverage as JSON, CSV and report-ready data: the same fields the CLI, the report and the web app show.

CSV has one row per value (conflicts) or per outlet and event (coverage), so a spreadsheet can sort
and filter them; JSON keeps the nesting. Article text goes out as data only: the HTML report escapes
it (Jinja2 autoescape), and CSV cells that start like a formula are prefixed so a spreadsheet shows them.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, dataclass
from typing import Any

from dateline.model import Conflict, EventCoverage, StoryCoverage

CELL_MARKS = {"first": "●", "own": "○", "copy": "◌", "": ""}
CELL_TITLES = {"first": "first to report", "own": "own report", "copy": "copy only", "": "not covered"}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def conflict_dicts(conflicts: list[Conflict]) -> list[dict[str, Any]]:
    """Return conflicts as JSON-ready dicts."""
    return [asdict(c) for c in conflicts]


def coverage_dicts(stories: list[StoryCoverage]) -> list[dict[str, Any]]:
    """Return story coverage as JSON-ready dicts: events with their outlets, and the matrix."""
    return [asdict(s) for s in stories]


def conflicts_json(conflicts: list[Conflict]) -> str:
    """Return conflicts as indented JSON."""
    return json.dumps(conflict_dicts(conflicts), ensure_ascii=False, indent=2)


def coverage_json(stories: list[StoryCoverage]) -> str:
    """Return story coverage as indented JSON."""
    return json.dumps(coverage_dicts(stories), ensure_ascii=False, indent=2)


def conflicts_csv(conflicts: list[Conflict]) -> str:
    """Return one CSV row per value of each conflict, with the conflict's kind, verdict, subject and reason."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([
        "conflict", "kind", "verdict", "subject", "reason", "story", "event", "article", "outlet", "date",
        "text", "value", "number", "referent", "copy_of", "sentence",
    ])
    for c in conflicts:
        for v in c.values:
            writer.writerow([_cell(x) for x in (
                c.id, c.kind, c.verdict, c.subject, c.reason, c.story_id, c.event_id, v.article_id, v.outlet, v.date,
                v.text, v.value, v.number, v.referent, v.copy_of, " ".join(v.sentence.split()),
            )])
    return buffer.getvalue()


def coverage_csv(stories: list[StoryCoverage]) -> str:
    """Return one CSV row per story, event and outlet that covered it: first, own or copy, and its articles."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["story", "story_label", "event", "event_date", "event_label", "outlet", "coverage", "articles"])
    for story in stories:
        for j, event in enumerate(story.events):
            for i, outlet in enumerate(story.outlets):
                cell = story.cells[i][j]
                if cell:
                    writer.writerow([_cell(x) for x in (
                        story.story_id, story.label, event.event_id, event.date, event.label, outlet, cell,
                        " ".join(event.articles.get(outlet, [])),
                    )])
    return buffer.getvalue()


def _cell(value: object) -> str:
    """Return a CSV cell; text that a spreadsheet would run as a formula gets a leading quote."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


@dataclass
class CoverageCell:
    """One drawn cell of the coverage matrix: where, what the outlet did, and the event it is about."""

    x: int
    kind: str
    label: str


@dataclass
class CoverageColumn:
    """One event's column of the matrix: where, its date, and its name for the tooltip."""

    x: int
    date: str | None
    label: str


@dataclass
class CoverageRow:
    """One outlet's row of the matrix."""

    outlet: str
    y: int
    cells: list[CoverageCell]


@dataclass
class CoverageView:
    """A story's coverage laid out for the report's SVG: sizes, columns (events) and rows (outlets)."""

    story_id: str
    label: str
    outlets: list[str]
    events: list[EventCoverage]
    columns: list[CoverageColumn]
    rows: list[CoverageRow]
    width: int
    height: int
    header: int
    label_width: int


ROW_HEIGHT, COLUMN_WIDTH, HEADER_HEIGHT = 26, 34, 90


def coverage_views(stories: list[StoryCoverage], max_outlets: int = 40) -> list[CoverageView]:
    """Lay each story's matrix out for drawing: one row per outlet (the most active first), one column per event."""
    views = []
    for story in stories:
        outlets = story.outlets[:max_outlets]
        label_width = min(260, 16 + 7 * max((len(o) for o in outlets), default=8))
        columns = [
            CoverageColumn(label_width + COLUMN_WIDTH // 2 + j * COLUMN_WIDTH, e.date, _event_name(e))
            for j, e in enumerate(story.events)
        ]
        rows = [
            CoverageRow(outlet, HEADER_HEIGHT + ROW_HEIGHT // 2 + i * ROW_HEIGHT, [
                CoverageCell(columns[j].x, cell, columns[j].label) for j, cell in enumerate(story.cells[i]) if cell
            ])
            for i, outlet in enumerate(outlets)
        ]
        views.append(CoverageView(
            story.story_id, story.label, outlets, story.events, columns, rows,
            width=label_width + COLUMN_WIDTH * max(len(columns), 1) + 70,  # room for the last slanted date
            height=HEADER_HEIGHT + ROW_HEIGHT * max(len(rows), 1) + 6,
            header=HEADER_HEIGHT, label_width=label_width,
        ))
    return views


def _event_name(event: EventCoverage) -> str:
    """Name an event for a tooltip: its date and label."""
    return f"{event.date or 'undated'} · {event.label}"
