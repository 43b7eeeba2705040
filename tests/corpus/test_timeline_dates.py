"""Tests of timeline date ranking: a fictional ferry grounding on Monday, reported on Tuesday by three outlets."""

from __future__ import annotations

import pytest

from dateline.corpus.cluster_records import Record
from dateline.corpus.timeline_dates import gather_evidence, rank_dates
from dateline.corpus.timeline_input import parse_records, timeline_from_analyses
from dateline.corpus.timeline_sentences import Candidate
from dateline.model import ArticleAnalysis

# 2025-06-09 is a Monday: the grounding happened then; every report came out on Tuesday 10 June.
MONDAY, TUESDAY = "2025-06-09", "2025-06-10"
REPORTS = [
    ("r1", "Ferry Gullwing runs aground",
     "The ferry Gullwing ran aground off Tern Island on Monday with 212 passengers on board.\n"
     "Coastguard boats carried every passenger of the Gullwing ashore before midnight.\n"
     "The Gullwing's operator, Saltmarsh Lines, said the ferry would be towed to Porthwell.\n"),
    ("r2", "Tern Island grounding: all passengers safe",
     "All 212 passengers were safe after the Gullwing struck a sandbank near Tern Island on Monday.\n"
     "Divers inspected the hull of the Gullwing and found a long gash below the waterline.\n"
     "Saltmarsh Lines has suspended its Tern Island crossings until further notice.\n"),
    ("r3", "Inquiry after Gullwing grounding",
     "Investigators opened an inquiry into why the Gullwing left the channel on Monday evening.\n"
     "The Gullwing's captain told investigators that a buoy marking the sandbank had drifted.\n"
     "Tern Island's harbour master said the sandbank had moved after the spring storms.\n"),
]


def _candidate(article_id: str, published: str, days: tuple[str, ...], also_in: tuple[str, ...] = ()) -> Candidate:
    return Candidate(f"Sentence of {article_id}.", article_id, 0, 10, published, 0, days[0] if days else None, days,
                     list(also_in))


def test_the_day_reports_name_outranks_the_day_they_came_out() -> None:
    candidates = [_candidate(r, TUESDAY, (MONDAY,)) for r in ("r1", "r2", "r3")]
    evidence = gather_evidence(candidates, {r: TUESDAY for r in ("r1", "r2", "r3")}, {})
    assert evidence[MONDAY].counts() == {"mention_reports": 3, "later_reports": 3, "published_reports": 0}
    assert evidence[TUESDAY].counts() == {"mention_reports": 0, "later_reports": 0, "published_reports": 3}
    assert rank_dates(evidence) == [MONDAY, TUESDAY]


def test_a_copy_counts_once_for_its_original() -> None:
    # c1 and c2 repost r1: three carriers of Wednesday's sentence, but one report; Thursday has two.
    wednesday, thursday = "2025-06-11", "2025-06-12"
    candidates = [
        _candidate("r1", "2025-06-13", (wednesday,), also_in=("c1", "c2")),
        _candidate("r2", "2025-06-13", (thursday,)),
        _candidate("r3", "2025-06-13", (thursday,)),
    ]
    published = {a: "2025-06-13" for a in ("r1", "r2", "r3", "c1", "c2")}
    evidence = gather_evidence(candidates, published, {"c1": "r1", "c2": "r1"})
    assert evidence[wednesday].counts()["mention_reports"] == 1
    assert evidence["2025-06-13"].counts()["published_reports"] == 3
    assert rank_dates(evidence)[0] == thursday


def test_since_and_until_keep_only_the_days_inside() -> None:
    candidates = [_candidate("r1", TUESDAY, (MONDAY,)), _candidate("r2", "2025-06-20", ("2025-06-19",))]
    evidence = gather_evidence(candidates, {"r1": TUESDAY, "r2": "2025-06-20"}, {})
    assert rank_dates(evidence, since="2025-06-15") == ["2025-06-19", "2025-06-20"]
    assert rank_dates(evidence, until=TUESDAY) == [MONDAY, TUESDAY]


@pytest.fixture(scope="module")
def records() -> list[Record]:
    return [Record(article_id, text, title, TUESDAY) for article_id, title, text in REPORTS]


@pytest.fixture(scope="module")
def analyses(records: list[Record]) -> list[ArticleAnalysis]:
    return list(parse_records(records))


def test_an_event_reported_the_next_day_as_on_monday_is_dated_monday(
    records: list[Record], analyses: list[ArticleAnalysis]
) -> None:
    entries = timeline_from_analyses(records, analyses, n_dates=1, per_date=2)
    assert [e.date for e in entries] == [MONDAY]
    assert all("Monday" in s.text for s in entries[0].sentences)
