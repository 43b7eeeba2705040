"""Tests of statement grouping across articles, on fictional quotes written for the tests."""

from __future__ import annotations

from dateline.corpus.statements import group_statements, normalise, same_statement
from dateline.model import Quote


def _quote(article_id: str, text: str, speaker: str | None, entity: str | None = None) -> Quote:
    return Quote(
        article_id=article_id, start=0, end=len(text), text=text, kind="direct", fragments=[(0, len(text))],
        speaker_name=speaker, speaker_entity_id=entity,
    )


DATES: dict[str, str | None] = {"a": "2025-03-05", "b": "2025-03-04", "c": "2025-03-06", "d": None}
OUTLETS: dict[str, str | None] = {"a": "Harbor Herald", "b": "Bay Wire", "c": "Coast News", "d": None}


def test_normalise_folds_marks_case_and_punctuation() -> None:
    assert normalise("“We’ll OPEN the bridge,” ") == normalise('"We\'ll open the bridge"')


def test_trimmed_copy_is_the_same_statement() -> None:
    full = normalise("We have waited long enough, and the fishermen have paid for every month of delay")
    assert same_statement(full, normalise("the fishermen have paid for every month of delay"))
    assert not same_statement(full, normalise("The ferries will run again by the end of the week"))


def test_same_words_from_several_outlets_become_one_statement_first_seen_earliest() -> None:
    quotes = [
        _quote("a", "“We have waited long enough, and the fishermen have paid for every month of delay,”",
               "Tomas Reyes", "person:tomas-reyes"),
        _quote("b", '"We have waited long enough, and the fishermen have paid for every month of delay"',
               "Tomas Reyes", "person:tomas-reyes"),
        _quote("c", "the fishermen have paid for every month of delay", "Reyes", "person:tomas-reyes"),
        _quote("a", "“The plan will cost the city twelve million over three years,”", "Tomas Reyes",
               "person:tomas-reyes"),
    ]
    statements = group_statements(quotes, DATES, OUTLETS)
    assert len(statements) == 2
    carried = next(s for s in statements if "fishermen" in s.text)
    assert carried.first_article_id == "b" and carried.first_date == "2025-03-04"
    assert carried.outlets == ["Bay Wire", "Harbor Herald", "Coast News"]
    assert len(carried.quotes) == 3


def test_same_words_from_different_speakers_stay_apart() -> None:
    text = "We are ready to reopen the north pier as soon as the dredging is done"
    quotes = [_quote("a", text, "Tomas Reyes"), _quote("b", text, "Hanna Lind")]
    assert len(group_statements(quotes, DATES, OUTLETS)) == 2


def test_quotes_without_speaker_are_left_out_and_undated_sort_last() -> None:
    quotes = [
        _quote("d", "Winter storms closed the ferry line twice in January", "Hanna Lind"),
        _quote("a", "A dated statement about the harbor and its ferries today", "Hanna Lind"),
        _quote("a", "Nobody said this one about the harbor and its ferries", None),
    ]
    statements = group_statements(quotes, DATES, OUTLETS)
    assert [s.first_article_id for s in statements] == ["a", "d"]


def test_a_groups_name_with_and_without_the_possessive_is_one_speaker() -> None:
    """"Dana Okafor's campaign" (from "Okafor's campaign") and "Dana Okafor campaign" (from "The Okafor
    campaign") carry one statement between them."""
    text = "The ad will air on Friday in every harbor town along the coast"
    quotes = [_quote("a", text, "Dana Okafor's campaign"), _quote("b", text, "Dana Okafor campaign")]
    assert len(group_statements(quotes, DATES, OUTLETS)) == 1
