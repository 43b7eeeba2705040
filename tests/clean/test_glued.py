"""Tests for splitting sentences a scrape glued together."""

from __future__ import annotations

import pytest

from dateline.clean.glued import glued_breaks, split_glued


@pytest.mark.parametrize(
    ("glued", "split"),
    [
        ("She wrote: “the harbor closed today.”It reopens", "She wrote: “the harbor closed today.” It reopens"),
        ("a “ghost ship”.The vessel", "a “ghost ship”. The vessel"),
        ("new ferries.Despite the cost", "new ferries. Despite the cost"),
        ("built in 2019.The pier", "built in 2019. The pier"),
        ("Was it worth it?Nobody knows.", "Was it worth it? Nobody knows."),
        ('"It is over," the mayor said."We will rebuild."', '"It is over," the mayor said. "We will rebuild."'),
        ('"It is over," the mayor said."We will', '"It is over," the mayor said." We will'),
        ('She said: "We are ready."Then she left', 'She said: "We are ready." Then she left'),
        ("“Nobody called,” he said.”The firm has not.”", "“Nobody called,” he said. ”The firm has not.”"),
        ("the mayor said.“We will", "the mayor said. “We will"),
    ],
)
def test_glued_sentences_are_split_with_one_space(glued: str, split: str) -> None:
    assert split_glued(glued) == split


@pytest.mark.parametrize(
    "text",
    [
        "aid from the U.S. and the U.K. arrived",
        "talks with Mr.Lind and Dr.Osei",
        "prices rose 1.4 percent",
        "reported by marlowbaynews.com on Monday",
        "Secretary Hanna J. Lind said",
        "J.R.R. Tolkien wrote it",
        "built on ASP.NET by the city",
        "see www.Example.org for details",
        "small boats, e.g.Kayaks, are exempt",
        "the deal reached in the U.S.The talks",
    ],
)
def test_abbreviations_decimals_domains_and_initials_are_not_split(text: str) -> None:
    assert split_glued(text) == text


def test_breaks_are_offsets_within_the_given_span() -> None:
    text = "Skip this.One. Then the pier closed.Boats left."
    start = text.index("Then")
    assert glued_breaks(text, start) == [text.index("Boats")]
