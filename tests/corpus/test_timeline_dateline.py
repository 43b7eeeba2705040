"""Wire datelines are cut from the sentences a timeline quotes (fictional sentences)."""

from __future__ import annotations

import pytest

from dateline.corpus.timeline_sentences import dateline_prefix


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("KELLIN, Norland (AP) — The ferry ran aground on Sunday.", "The ferry ran aground on Sunday."),
        ("PORT ELLERY (Reuters) - Dock workers walked out.", "Dock workers walked out."),
        ("Marlowe Bay, (Bayside Post - BP) Residents went home.", "Residents went home."),
        ("(Coastal Wire Service - CWS - 4th Mar, 2025) A barge struck a pier.", "A barge struck a pier."),
    ],
)
def test_a_dateline_is_cut(text: str, kept: str) -> None:
    assert text[dateline_prefix(text):] == kept


@pytest.mark.parametrize(
    "text",
    [
        "The company (Carrow Tide) said it would pay.",  # lower-case words before the brackets: prose
        "Mayor Ana Ruiz (pictured) said the bridge would reopen.",  # lower-case after the brackets
        "“We will rebuild (the bridge) This year,” she said.",
        "KELLIN (AP) —",  # nothing after it: nothing to cut down to
    ],
)
def test_prose_keeps_its_words(text: str) -> None:
    assert dateline_prefix(text) == 0
