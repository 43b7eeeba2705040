"""Page furniture is cut from the sentences a timeline scores and quotes (fictional sentences)."""

from __future__ import annotations

import pytest

from dateline.corpus.timeline_furniture import furniture_prefix
from dateline.corpus.timeline_sentences import collect_candidates
from dateline.model import ArticleAnalysis, Sentence


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("KELLIN, Norland (AP) — The ferry ran aground on Sunday.", "The ferry ran aground on Sunday."),
        ("PORT ELLERY (Reuters) - Dock workers walked out.", "Dock workers walked out."),
        ("Marlowe Bay, (Bayside Post - BP) Residents went home.", "Residents went home."),
        ("(Coastal Wire Service - CWS - 4th Mar, 2025) A barge struck a pier.", "A barge struck a pier."),
        # tokenised text writes brackets the Penn Treebank way
        ("PORT ELLERY , May 3 -LRB- Reuters -RRB- - Dock workers walked out .", "Dock workers walked out ."),
        # a stamp and a headline before the wire credit
        ("Sun May 3 , 2026 3:40 pm EDT -LRB- Reuters -RRB- - Dock workers walked out .", "Dock workers walked out ."),
        ("UPDATE 2-Strike spreads (Adds union comment) KELLIN, May 3 (Reuters) - Dock workers walked out.",
         "Dock workers walked out."),
        ("NEW KELLIN -- The ferry ran aground.", "The ferry ran aground."),
        ("AP KELLIN, May 3 -- The ferry ran aground.", "The ferry ran aground."),
        # the tail of a bracket opened on the line before, then a dateline
        ("Ann Lee - AP) KELLIN, May 3 -- The ferry ran aground.", "The ferry ran aground."),
        ("N -RRB- said on Monday it would close the dock .", "said on Monday it would close the dock ."),
        ("By Ann Lee -- Getty Images) KELLIN, May 3 -- The ferry ran aground.", "The ferry ran aground."),
    ],
)
def test_furniture_is_cut(text: str, kept: str) -> None:
    assert text[furniture_prefix(text):] == kept


@pytest.mark.parametrize(
    "text",
    [
        "The company (Carrow Tide) said it would pay.",  # lower-case words before the brackets: prose
        "Mayor Ana Ruiz (pictured) said the bridge would reopen.",  # lower-case after the brackets
        "“We will rebuild (the bridge) This year,” she said.",
        "The toll (11 dead) rose (officials said) on Monday.",  # brackets opened before they close
        "By Monday the dock had closed.",  # "By" and a day is prose, not a byline
        "KELLIN (AP) —",  # nothing after it: nothing to cut down to
    ],
)
def test_prose_keeps_its_words(text: str) -> None:
    assert furniture_prefix(text) == 0


def test_a_candidate_is_the_sentence_without_its_dateline() -> None:
    """Two reports that differ only in their dateline are one candidate, quoted without it, at the right offset."""
    wire = "KELLIN (AP) — The ferry Marisol ran aground off Kellin on Sunday."
    repost = "The ferry Marisol ran aground off Kellin on Sunday."
    analyses = [
        ArticleAnalysis("a", sentences=[Sentence("a", 0, 0, len(wire), wire)]),
        ArticleAnalysis("b", sentences=[Sentence("b", 0, 0, len(repost), repost)]),
    ]
    [candidate] = collect_candidates(analyses, {"a": ("2026-05-03", None), "b": ("2026-05-04", None)})
    assert candidate.text == repost
    assert wire[candidate.start:candidate.end] == repost
    assert candidate.article_id == "a" and candidate.also_in == ["b"]
