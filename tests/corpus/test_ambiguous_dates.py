"""Numeric dates that read both ways are settled by the other articles of their story."""

from __future__ import annotations

from dateline.corpus.ambiguous_dates import readings, reconsider
from dateline.model import Article, FieldValue, Story


def _article(article_id: str, day: str | None, source: str = "json:date", confidence: float = 0.95) -> Article:
    none = FieldValue(None)
    return Article(article_id, article_id * 4, "x.txt", "text", None, 1, "", "", none,
                   FieldValue(day, source, confidence), none, none, none)


def test_only_numeric_dates_that_read_both_ways_have_two_readings() -> None:
    ambiguous = FieldValue("2025-12-03", "text:line 11 'Updated: 12/03/2025'", 0.65)
    assert readings(ambiguous) == ("2025-12-03", "2025-03-12")
    assert readings(FieldValue("2025-03-25", "text:line 2 '25/03/2025'", 0.9)) is None  # 25 cannot be a month
    assert readings(FieldValue("2025-03-03", "text:line 2 '03/03/2025'", 0.9)) is None  # same both ways
    assert readings(FieldValue("2025-03-12", "html:meta article:published_time", 0.95)) is None


def test_the_reading_inside_the_story_wins_and_says_why() -> None:
    articles = [
        _article("a", "2025-03-04"), _article("b", "2025-03-25"),
        _article("c", "2025-12-03", "text:line 11 'Updated: 12/03/2025'", 0.65),
    ]
    fixes = reconsider(articles, [Story("story:1", article_ids=["a", "b", "c"])])
    assert [(f.article_id, f.date.value) for f in fixes] == [("c", "2025-03-12")]
    assert "2025-03-04 to 2025-03-25" in fixes[0].date.source and fixes[0].date.confidence <= 0.6


def test_a_reading_that_fits_the_story_is_kept() -> None:
    articles = [
        _article("a", "2025-11-20"), _article("b", "2025-12-10"),
        _article("c", "2025-12-03", "text:line 11 'Updated: 12/03/2025'", 0.65),
    ]
    assert reconsider(articles, [Story("story:1", article_ids=["a", "b", "c"])]) == []
    alone = [_article("c", "2025-12-03", "text:line 11 'Updated: 12/03/2025'", 0.65)]
    assert reconsider(alone, [Story("story:2", article_ids=["c"])]) == []
