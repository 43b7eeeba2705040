"""Tests of coverage: who reported each event on their own, who only carried a copy, who was first."""

from __future__ import annotations

import pytest

from dateline import api
from dateline.corpus.cluster_records import Clustering
from dateline.corpus.coverage import Source, event_coverage, outlet_names, story_coverage
from dateline.model import CopyGroup, Event, Story
from tests.conftest import require_seeds
from tests.corpus.test_conflicts import build_db


@pytest.fixture(scope="module")
def seeds_corpus(tmp_path_factory: pytest.TempPathFactory) -> api.Corpus:
    """The five seed articles stored and analysed once for the module."""
    return api.Corpus(build_db(require_seeds(), tmp_path_factory.mktemp("seeds") / "seeds.db"))


def test_seed_may_2024_event_has_three_outlets(seeds_corpus: api.Corpus) -> None:
    stories = seeds_corpus.coverage()
    assert len(stories) == 1
    may = [e for e in stories[0].events if (e.date or "").startswith("2024-05")]
    assert len(may) == 1
    assert len(may[0].independent) == 3
    assert {"AP", "The Hill"} <= set(may[0].independent)
    assert may[0].copy_only == []
    assert may[0].first_date == "2024-05-14"
    assert sum(len(ids) for ids in may[0].articles.values()) == 3


def test_seed_matrix_has_one_row_per_outlet_and_one_column_per_event(seeds_corpus: api.Corpus) -> None:
    story = seeds_corpus.coverage()[0]
    assert len(story.cells) == len(story.outlets)
    assert all(len(row) == len(story.events) for row in story.cells)
    column = [e.date for e in story.events].index("2024-05-14")
    assert sum(1 for row in story.cells if row[column]) == 3
    assert seeds_corpus.coverage(story=story.story_id)[0].story_id == story.story_id


def test_outlet_spellings_fold_into_one_outlet() -> None:
    names = outlet_names([
        Source("1", "Coastal Wire Service - CWS"), Source("2", "CWS"), Source("3", "www.tidewater.example"),
        Source("4", None, url="https://www.tidewater.example/news/1"), Source("5", None), Source("6", "Tidewater"),
    ])
    assert names["1"] == names["2"] == "Coastal Wire Service - CWS"
    assert names["3"] == names["4"] == names["6"]
    assert names["5"].startswith("unnamed outlet") and names["5"] not in {names["1"], names["3"]}


def test_copy_only_outlet_and_first_reporter() -> None:
    clustering = Clustering(
        [], [CopyGroup("wire", ["repost"])],
        [Event("e1", ["wire", "repost", "local"], date="2025-02-03", story_id="s1"),
         Event("e2", ["local2"], date="2025-02-10", story_id="s1")],
        [Story("s1", event_ids=["e1", "e2"])],
    )
    outlets = {"wire": "Gull Wire", "repost": "Dunmore Daily", "local": "Fen Gazette", "local2": "Fen Gazette"}
    dates = {"wire": "2025-02-03", "repost": "2025-02-03", "local": "2025-02-04", "local2": "2025-02-10"}
    events = event_coverage(clustering, outlets, dict(dates))
    first = events[0]
    assert first.independent == ["Gull Wire", "Fen Gazette"]
    assert first.copy_only == ["Dunmore Daily"]
    assert first.first_outlets == ["Gull Wire", "Dunmore Daily"]
    story = story_coverage(clustering, events)[0]
    assert story.outlets[0] == "Fen Gazette"  # two events of its own
    cells = dict(zip(story.outlets, story.cells, strict=True))
    assert cells == {"Fen Gazette": ["own", "first"], "Gull Wire": ["first", ""], "Dunmore Daily": ["copy", ""]}
