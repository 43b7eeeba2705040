"""Tests of how a timeline picks each day's sentences: chronology entries and news of the day (fictional text)."""

from __future__ import annotations

import pytest

from dateline.corpus import timeline
from dateline.corpus.cluster_records import Record
from dateline.corpus.timeline import build_timeline
from dateline.corpus.timeline_input import parse_records
from dateline.corpus.timeline_sentences import is_chronology_entry
from dateline.model import ArticleAnalysis, TimelineSentence

FACTBOX = (
    "The Kestrel Dam crisis has gripped Alder Ford for six weeks.\n"
    "Here is how the Kestrel Dam crisis unfolded.\n"
    "March 2 - Engineers find a crack in the Kestrel Dam spillway and order Alder Ford evacuated.\n"
    "March 8 - Alder Ford residents return home after the Kestrel Dam is declared safe.\n"
)
RECAP = (
    "The Kestrel Dam inquiry heard from the keepers of the Kestrel Dam for a second week.\n"
    "Alder Ford has argued with Northfall Water about the Kestrel Dam since March 2, the day the crack was found.\n"
    "The inquiry into the Kestrel Dam is due to report in the summer.\n"
)
COLUMN = (
    "Northfall Water and Alder Ford have traded blame over the Kestrel Dam since March 2.\n"
    "Northfall Water says Alder Ford was warned about the Kestrel Dam long before March 2.\n"
)
ARTICLES = [
    ("f1", "2025-04-20", "How the Kestrel Dam crisis unfolded", FACTBOX),
    ("r1", "2025-04-22", "Kestrel Dam inquiry, week two", RECAP),
    ("c1", "2025-04-23", "Who is to blame for the Kestrel Dam", COLUMN),
]


@pytest.fixture(scope="module")
def analyses() -> list[ArticleAnalysis]:
    return list(parse_records([Record(i, text, title, day) for i, day, title, text in ARTICLES]))


def _day_sentences(analyses: list[ArticleAnalysis], day: str) -> list[TimelineSentence]:
    articles = {i: (published, title) for i, published, title, _ in ARTICLES}
    entries = build_timeline(analyses, articles, 3, 1, keywords=["Kestrel", "Alder"])
    return [s for e in entries if e.date == day for s in e.sentences]


def test_chronology_entries_are_told_from_prose() -> None:
    assert is_chronology_entry("April 29 - Obama pledges every available resource .")
    assert is_chronology_entry("* Apr. 28 : The Coast Guard says the flow is 5,000 barrels a day")
    assert is_chronology_entry("14 May: BP tries to thread a tube into the wellhead.")
    assert is_chronology_entry("Tuesday, March 4, 2025 -- The dam reopens.")
    assert not is_chronology_entry("9 November 2011 - 8:40 This comment was removed by a moderator.")
    assert not is_chronology_entry("May officials said - on the record - that the dam was safe.")
    assert not is_chronology_entry("April 29 was the day the rig sank - or so it seemed.")
    assert not is_chronology_entry("The evacuation began on March 2 - a Sunday.")


def test_a_days_chronology_entry_is_its_summary_rather_than_a_recollection(
    analyses: list[ArticleAnalysis], monkeypatch: pytest.MonkeyPatch
) -> None:
    entry = "Engineers find a crack in the Kestrel Dam spillway and order Alder Ford evacuated."
    [quoted] = _day_sentences(analyses, "2025-03-02")
    # Quoted without its "March 2 - ", which the entry's date already says, and the citation still points at it.
    assert quoted.text == entry
    assert quoted.article_id == "f1" and FACTBOX[quoted.start:quoted.end] == entry
    # Without the bonus a more central recollection of the quarrel since March 2 wins: the bonus decides.
    monkeypatch.setattr(timeline, "CHRONOLOGY", 0.0)
    assert [s.text for s in _day_sentences(analyses, "2025-03-02")] != [entry]
