"""From article records to events and stories: per-article analysis, entity linking, copies, clustering.

The one path ``dateline events`` and ``dateline stories`` take over a file of records: each record is
parsed once (``analyze.pipeline.pipe``), mentions are linked across the records, copies are grouped,
and every article becomes an ``EventInput`` dated from its lead.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any

from dateline.analyze.pipeline import ArticleInput, pipe
from dateline.corpus.cluster import EventInput, cluster_events, estimate_dates, make_input
from dateline.corpus.cluster_time import iso_day
from dateline.corpus.dedup import find_copies
from dateline.corpus.link import link_entities
from dateline.corpus.stories import link_stories
from dateline.model import CopyGroup, Event, Story

DATE_FIELDS = ("date", "time", "date_publish", "published")
TEXT_FIELDS = ("text", "maintext", "body")


@dataclass
class Record:
    """One article as a record gives it: id, clean text, and title and publication date when known."""

    id: str
    text: str
    title: str | None = None
    date: str | None = None


@dataclass
class ClusterUpdate:
    """What one clustering of a stored corpus did (``cluster_state``): the path it took, what it touched."""

    path: str
    """``incremental`` (the kept index was continued) or ``rebuild`` (built from every article)."""
    reason: str
    added: int = 0
    updated: int = 0
    """Old articles whose input changed, taken out of the event index and added again."""
    removed: int = 0


@dataclass
class Clustering:
    """What clustering a set of records found: copies, events, stories and estimated dates."""

    inputs: list[EventInput]
    copies: list[CopyGroup]
    events: list[Event]
    stories: list[Story] = field(default_factory=list)
    estimated_dates: dict[str, tuple[str, str]] = field(default_factory=dict)
    update: ClusterUpdate | None = None
    """How a stored corpus was clustered this time (None for records clustered in one batch)."""


def clustering_to_json(found: Clustering) -> str:
    """Serialise what a clustering found (not its inputs, which the store holds) for keeping in the store."""
    return json.dumps({
        "copies": [asdict(g) for g in found.copies],
        "events": [asdict(e) for e in found.events],
        "stories": [asdict(s) for s in found.stories],
        "estimated_dates": {k: list(v) for k, v in found.estimated_dates.items()},
    })


def clustering_from_json(payload: str) -> Clustering:
    """Read back a clustering kept by ``clustering_to_json``; its ``inputs`` are empty."""
    data = json.loads(payload)
    return Clustering(
        inputs=[],
        copies=[CopyGroup(**g) for g in data["copies"]],
        events=[Event(**e) for e in data["events"]],
        stories=[Story(**s) for s in data["stories"]],
        estimated_dates={k: (v[0], v[1]) for k, v in data["estimated_dates"].items()},
    )


def read_records(path: str | Path, stream: IO[str] | None = None) -> list[Record]:
    """Read JSON Lines records ({"id", "text", "title"?, "date"/"time"?}); ``-`` reads ``stream``."""
    records = []
    for number, data in enumerate(_json_lines(path, stream), 1):
        text = next((str(data[f]) for f in TEXT_FIELDS if data.get(f)), "")
        if not text.strip():
            continue
        date = next((str(data[f]) for f in DATE_FIELDS if data.get(f)), None)
        title = data.get("title")
        records.append(Record(str(data.get("id", number)), text, str(title) if title else None, date))
    return records


def cluster_records(records: list[Record], n_process: int = 1, embeddings: bool = False) -> Clustering:
    """Analyse the records, link their entities, group copies, cluster events and link stories.

    ``embeddings`` adds sentence-embedding similarity to event clustering (the optional extra, see
    ``embeddings.py``); it raises ``EmbeddingsUnavailable`` when the extra is not installed.
    """
    vectors = None
    if embeddings:
        from dateline.corpus.embeddings import embed_articles

        vectors = embed_articles([(r.id, r.title, r.text) for r in records])
    inputs, copies = prepare(records, n_process)
    events = cluster_events(inputs, vectors)
    stories = link_stories(events, inputs)
    return Clustering(inputs, copies, events, stories, estimate_dates(events, inputs))


def prepare(records: list[Record], n_process: int = 1) -> tuple[list[EventInput], list[CopyGroup]]:
    """Run the per-article stage and entity linking, find copies, and build each article's EventInput."""
    dates = {r.id: iso_day(r.date) for r in records}
    analyses = list(pipe((ArticleInput(r.id, r.text, dates[r.id]) for r in records), n_process=n_process))
    entities = link_entities([m for a in analyses for m in a.mentions], dates)
    names = {e.id: e.name for e in entities}
    copies = find_copies([(r.id, r.text, dates[r.id], r.title) for r in records])
    copy_of = {c: group.original_id for group in copies for c in group.copy_ids}
    inputs = [
        make_input(r.id, r.text, r.title, dates[r.id], analysis, copy_of.get(r.id), names)
        for r, analysis in zip(records, analyses, strict=True)
    ]
    return inputs, copies


def _json_lines(path: str | Path, stream: IO[str] | None) -> Iterator[dict[str, Any]]:
    """Yield the JSON objects of a JSON Lines file (gzip too), skipping blank lines."""
    if str(path) == "-" and stream is not None:
        yield from _objects(stream)
    elif str(path).endswith(".gz"):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            yield from _objects(handle)
    else:
        with Path(path).open(encoding="utf-8") as handle:
            yield from _objects(handle)


def _objects(lines: Iterable[str]) -> Iterator[dict[str, Any]]:
    """Parse each non-blank line as JSON and yield the objects."""
    for line in lines:
        if line.strip():
            data = json.loads(line)
            if isinstance(data, dict):
                yield data


def event_summaries(found: Clustering) -> list[dict[str, Any]]:
    """Return each event as JSON-ready data: id, date and evidence, label, story, articles, copies."""
    copies = {c: (g.original_id, g.changes.get(c, [])) for g in found.copies for c in g.copy_ids}
    return [
        {
            "event": event.id,
            "date": event.date,
            "date_source": event.date_source,
            "label": event.label,
            "story": event.story_id,
            "independent_reports": event.independent_reports,
            "article_ids": event.article_ids,
            "copies": [
                {"id": a, "original": copies[a][0], "changes": copies[a][1]}
                for a in event.article_ids
                if a in copies
            ],
            "estimated_dates": {
                a: {"date": found.estimated_dates[a][0], "evidence": found.estimated_dates[a][1]}
                for a in event.article_ids
                if a in found.estimated_dates
            },
        }
        for event in found.events
    ]


def story_summaries(found: Clustering) -> list[dict[str, Any]]:
    """Return each story as JSON-ready data: id, label, date range and its events."""
    events = {e["event"]: e for e in event_summaries(found)}
    return [
        {
            "story": story.id,
            "label": story.label,
            "first_date": story.first_date,
            "last_date": story.last_date,
            "events": [events[e] for e in story.event_ids],
            "article_ids": story.article_ids,
        }
        for story in found.stories
    ]
