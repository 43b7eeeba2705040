"""Tests of the per-article stage as a whole: one parse, every layer, robust to odd articles."""

from __future__ import annotations

import pytest

from dateline.analyze import pipeline
from dateline.analyze.pipeline import ArticleInput, pipe


def test_years_out_of_the_calendar_do_not_stop_the_run() -> None:
    texts = [
        ArticleInput("a", "The temple was built over 2,500 years ago, the guide said on Monday.", "2009-05-18"),
        ArticleInput("b", "The ferry resumed sailings on Tuesday, the operator said.", "2025-03-05"),
    ]
    first, second = list(pipe(texts))
    ancient = [t for t in first.timexes if "years ago" in t.text]
    assert ancient and ancient[0].first_day is None
    assert any(t.value == "2025-03-04" for t in second.timexes)


def test_a_failing_layer_costs_that_layer_only(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object) -> list[object]:
        raise ValueError("a bug that only this article triggers")

    monkeypatch.setattr(pipeline, "find_figures", broken)
    [analysis] = list(pipe([ArticleInput("c", "Mayor Elena Reyes said the fund holds $2 million.", "2025-03-05")]))
    assert analysis.figures == []
    assert any(m.text == "Elena Reyes" for m in analysis.mentions)
    assert analysis.sentences
