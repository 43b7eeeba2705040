"""Tests of ``parse_records``: one article the analysis cannot read is reported and skipped, in workers too."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from dateline.analyze.pipeline import ArticleInput
from dateline.corpus import timeline_input
from dateline.corpus.cluster_records import Record
from dateline.model import ArticleAnalysis

RECORDS = [
    Record(
        f"r{i}",
        f"The Marlow Bay ferry resumed sailings on March {i + 3}, 2025, the operator said.",
        date="2025-03-10",
    )
    for i in range(5)
]


@pytest.mark.parametrize("processes", [1, 2])
def test_an_article_that_breaks_the_analysis_is_reported_and_the_rest_go_on(
    monkeypatch: pytest.MonkeyPatch, processes: int
) -> None:
    real = timeline_input.analyze_doc

    def breaks_on_r2(doc: Doc, article: ArticleInput) -> ArticleAnalysis:
        if article.article_id == "r2":
            raise ValueError("an odd article")
        return real(doc, article)

    monkeypatch.setattr(timeline_input, "analyze_doc", breaks_on_r2)  # before the workers fork: theirs breaks too
    failed: list[tuple[str, str]] = []
    seen: list[str] = []
    analyses = list(
        timeline_input.parse_records(
            RECORDS, n_process=processes, on_article=seen.append, on_error=lambda i, exc: failed.append((i, str(exc)))
        )
    )
    assert [a.article_id for a in analyses] == ["r0", "r1", "r3", "r4"]
    assert seen == ["r0", "r1", "r2", "r3", "r4"]
    assert failed == [("r2", "ValueError: an odd article")]
    assert all(a.sentences and a.timexes for a in analyses)


def test_without_an_error_handler_the_failure_is_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    def always_breaks(doc: Doc, article: ArticleInput) -> ArticleAnalysis:
        raise ValueError("an odd article")

    monkeypatch.setattr(timeline_input, "analyze_doc", always_breaks)
    with pytest.raises(timeline_input.ArticleFailure, match="ValueError: an odd article"):
        list(timeline_input.parse_records(RECORDS[:1]))
