"""Tests of story linking: a fictional quake and its aftermath months later, the seeds, the demo corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.corpus.cluster import EventInput, cluster_events
from dateline.corpus.cluster_records import prepare
from dateline.corpus.stories import link_stories
from tests.conftest import require_seeds
from tests.corpus.test_cluster import RESTORATION, TESSALY, VELMORA, cleaned_records

DEMO = Path(__file__).resolve().parents[2] / "examples" / "demo"


@pytest.fixture(scope="module")
def quake_inputs() -> list[EventInput]:
    """The fictional earthquake reports and the rebuilding report four months on, analysed."""
    return prepare(VELMORA + TESSALY + [RESTORATION])[0]


def test_aftermath_months_later_joins_its_story_and_look_alike_stays_out(quake_inputs: list[EventInput]) -> None:
    events = cluster_events(quake_inputs)
    stories = link_stories(events, quake_inputs)
    by_article = {a: s.id for s in stories for a in s.article_ids}
    assert by_article["velmora-wire"] == by_article["velmora-rebuild"]
    assert by_article["tessaly-wire"] != by_article["velmora-wire"]
    velmora = next(s for s in stories if "velmora-wire" in s.article_ids)
    assert len(velmora.event_ids) == 2
    assert (velmora.first_date, velmora.last_date) == ("2025-02-11", "2025-06-16")
    assert "Brevik" in velmora.label
    assert all(e.story_id for e in events)


def test_seeds_are_one_story_of_three_events() -> None:
    inputs = prepare(cleaned_records(sorted(require_seeds().glob("*.txt"))))[0]
    events = cluster_events(inputs)
    stories = link_stories(events, inputs)
    assert len(stories) == 1
    assert sorted(stories[0].event_ids) == sorted(e.id for e in events)
    assert len(stories[0].event_ids) == 3
    assert "Blinken" in stories[0].label and "Ukraine" in stories[0].label
    assert (stories[0].first_date, stories[0].last_date) == ("2023-11-29", "2024-05-14")


def test_demo_is_one_story() -> None:
    if not DEMO.is_dir():
        pytest.skip("examples/demo not found")
    records = cleaned_records(sorted(p for p in DEMO.iterdir() if p.suffix in (".txt", ".html", ".jsonl")),
                               {"05": "2025-03-12"})
    inputs = prepare(records)[0]
    stories = link_stories(cluster_events(inputs), inputs)
    assert len(stories) == 1
    assert len(stories[0].event_ids) == 5
    assert len(stories[0].article_ids) == 10
    assert (stories[0].first_date, stories[0].last_date) == ("2025-03-04", "2025-04-07")
