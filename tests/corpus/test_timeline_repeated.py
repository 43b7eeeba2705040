"""Tests of the timeline's preference for a sentence that several reports repeat word for word (fictional text)."""

from __future__ import annotations

import pytest

from dateline.corpus import timeline
from dateline.corpus.cluster_records import Record
from dateline.corpus.timeline import build_timeline
from dateline.corpus.timeline_input import parse_records
from dateline.model import ArticleAnalysis

BACKGROUND = "On March 2 the Kestrel Dam spillway cracked and Alder Ford was evacuated overnight."
ARTICLES = [
    ("a1", "2025-03-10", "Kestrel Dam repairs begin",
     f"Repairs to the Kestrel Dam began on Monday with two cranes.\n{BACKGROUND}\n"),
    ("a2", "2025-03-12", "Alder Ford schools reopen",
     f"Alder Ford schools reopened after the Kestrel Dam scare.\n{BACKGROUND}\n"),
    ("a3", "2025-03-15", "Kestrel Dam costs rise",
     f"The Kestrel Dam bill has doubled, the council said.\n{BACKGROUND}\n"),
    ("b1", "2025-03-20", "Kestrel Dam keepers",
     "Kestrel Dam keepers said on March 2 that the crack in the spillway worried them.\n"
     "Kestrel Dam keepers on March 2 watched the crack in the spillway widen.\n"),
]


@pytest.fixture(scope="module")
def analyses() -> list[ArticleAnalysis]:
    return list(parse_records([Record(i, text, title, day) for i, day, title, text in ARTICLES]))


def _march_2(analyses: list[ArticleAnalysis]) -> list[str]:
    articles = {i: (published, title) for i, published, title, _ in ARTICLES}
    entries = build_timeline(analyses, articles, 1, 1, keywords=["Kestrel", "Alder"], until="2025-03-02")
    return [s.text for e in entries if e.date == "2025-03-02" for s in e.sentences]


def test_a_sentence_repeated_by_several_reports_summarises_its_day(
    analyses: list[ArticleAnalysis], monkeypatch: pytest.MonkeyPatch
) -> None:
    [chosen] = _march_2(analyses)
    assert chosen == BACKGROUND
    # without the bonus the keepers' sentences, closer to the day's other words, win: the bonus decides
    monkeypatch.setattr(timeline, "REPEATED", 0.0)
    assert _march_2(analyses) != [BACKGROUND]
