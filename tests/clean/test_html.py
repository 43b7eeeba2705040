"""Tests for HTML cleaning: visible text, trafilatura body, offsets back to the visible text, meta fields."""

from __future__ import annotations

import socket

import pytest

from dateline.clean.html import HtmlPage, align, clean_html
from dateline.clean.metadata import extract_metadata

PARAGRAPHS = [
    "The harbour council of Port Elsworth voted on Thursday evening to approve a revised ferry timetable "
    "that adds four daily crossings to the island of Brannock, ending months of complaints from commuters.",
    "Council leader Idris Hollowmere said the change would take effect at the start of the summer season "
    "and would be funded from the existing transport budget without new charges for passengers.",
    "Residents who packed the public gallery applauded the decision, though several islanders warned that "
    "the extra sailings would mean little unless the ageing vessel Saltwren was finally replaced.",
    "The operator, Brannock Sea Links, said in a statement that it welcomed the vote and was already "
    "recruiting additional crew to staff the early morning and late evening departures.",
]

PAGE = f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Harbour council approves new ferry timetable | Coastal Herald</title>
<meta property="og:title" content="Harbour council approves new ferry timetable">
<meta property="og:site_name" content="Coastal Herald">
<meta property="article:published_time" content="2021-03-07T08:15:00+00:00">
<meta name="author" content="Marta Quillfeather">
<link rel="canonical" href="https://herald.example/news/ferry-timetable">
<script>alert(1)</script>
<style>body {{ color: red }}</style>
</head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">Latest headlines</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<div id="cookie-banner" class="cookie-consent">We use cookies to improve your experience on this site.
<button>Accept all cookies</button></div>
<main><article>
<h1>Harbour council approves new ferry timetable</h1>
<p class="byline">By Marta Quillfeather</p>
<p>{PARAGRAPHS[0]}</p>
<p>{PARAGRAPHS[1]}</p>
<script>alert(1)</script>
<p>{PARAGRAPHS[2].replace("Saltwren", "<em>Saltwren</em>")}</p>
<p>{PARAGRAPHS[3]}</p>
</article></main>
<footer><p>© 2021 Coastal Herald. All rights reserved.</p>
<p><a href="/privacy">Privacy policy</a> | <a href="/contact">Contact us</a></p></footer>
</body>
</html>
"""

NO_ARTICLE = """<html><head><title>Coastal Herald</title></head><body>
<nav><a href="/">Home</a> <a href="/about">About</a></nav>
<footer><p>© 2021 Coastal Herald</p></footer></body></html>"""


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any attempt to open a connection fail the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def assert_offsets_hold(page: HtmlPage) -> None:
    """Check that every offset segment copies the visible text exactly."""
    for start, raw_start, length in page.offsets.segments:
        assert page.text[start : start + length] == page.visible_text[raw_start : raw_start + length]


def test_body_is_extracted_and_boilerplate_dropped(no_network: None) -> None:
    page = clean_html(PAGE)
    for paragraph in PARAGRAPHS:
        assert paragraph in page.text
    assert page.text.startswith("Harbour council approves new ferry timetable\n\n")
    for junk in ("Latest headlines", "cookies", "Privacy policy", "All rights reserved"):
        assert junk not in page.text
        assert junk in page.visible_text


def test_script_and_style_never_reach_the_text(no_network: None) -> None:
    page = clean_html(PAGE)
    for code in ("alert(1)", "color: red"):
        assert code not in page.visible_text
        assert code not in page.text


def test_fields_come_from_meta_tags(no_network: None) -> None:
    page = clean_html(PAGE)
    assert page.fields["title"] == "Harbour council approves new ferry timetable"
    assert page.field_sources["title"] == "html:meta og:title"
    assert page.fields["date"] == "2021-03-07"
    assert page.field_sources["date"] == "html:meta article:published_time"
    assert page.fields["author"] == "Marta Quillfeather"
    assert page.field_sources["author"] == "html:meta author"
    assert page.fields["outlet"] == "Coastal Herald"
    assert page.fields["language"] == "en"
    assert page.fields["url"] == "https://herald.example/news/ferry-timetable"


def test_offsets_map_every_paragraph_back(no_network: None) -> None:
    page = clean_html(PAGE)
    assert_offsets_hold(page)
    for paragraph in PARAGRAPHS:
        start = page.text.index(paragraph)
        assert page.offsets.span_to_raw(start, start + len(paragraph)) is not None


def test_removed_spans_are_the_uncovered_blocks(no_network: None) -> None:
    page = clean_html(PAGE)
    removed = {span.text for span in page.removed}
    assert {"Home", "Latest headlines", "By Marta Quillfeather", "Privacy policy | Contact us"} <= removed
    assert all(span.reason == "html-boilerplate" for span in page.removed)
    for span in page.removed:
        assert page.visible_text[span.start : span.end] == span.text


def test_metadata_from_page_fields(no_network: None) -> None:
    page = clean_html(PAGE)
    meta = extract_metadata(page.visible_text, page.fields, page.field_sources)
    assert meta["date"].value == "2021-03-07"
    assert meta["date"].source == "html:meta article:published_time"
    assert meta["author"].value == "Marta Quillfeather"
    assert meta["title"].value == "Harbour council approves new ferry timetable"


def test_page_without_article_gives_empty_text(no_network: None) -> None:
    page = clean_html(NO_ARTICLE)
    assert page.text == ""
    assert "Home" in page.visible_text


def test_truncated_page_still_gives_a_result(no_network: None) -> None:
    cut = PAGE[: PAGE.index("Residents") + 40]
    page = clean_html(cut)
    assert PARAGRAPHS[0] in page.text
    assert page.fields["title"] == "Harbour council approves new ferry timetable"
    assert_offsets_hold(page)


BOGUS_INPUTS = ["", "   ", "https://herald.example/2021/03/07/ferry", "<<<>>> \x00 \ufffd"]


@pytest.mark.parametrize("markup", BOGUS_INPUTS)
def test_empty_or_bogus_input_fetches_nothing(no_network: None, markup: str) -> None:
    page = clean_html(markup)
    assert page.text == ""


def test_copyright_year_is_not_a_publication_date(no_network: None) -> None:
    undated = PAGE.replace(
        '<meta property="article:published_time" content="2021-03-07T08:15:00+00:00">',
        '<meta itemprop="copyrightYear" content="2019">',
    )
    page = clean_html(undated)
    assert "date" not in page.fields


def test_date_from_the_url_is_marked_as_a_guess(no_network: None) -> None:
    undated = PAGE.replace('<meta property="article:published_time" content="2021-03-07T08:15:00+00:00">', "")
    undated = undated.replace("/news/ferry-timetable", "/2021/03/06/ferry-timetable")
    page = clean_html(undated)
    assert page.fields["date"] == "2021-03-06"
    assert page.field_sources["date"] == "html:url date"
    meta = extract_metadata(page.visible_text, page.fields, page.field_sources)
    assert meta["date"].confidence < 0.9


def test_xml_declaration_is_accepted(no_network: None) -> None:
    page = clean_html('<?xml version="1.0" encoding="utf-8"?>\n' + PAGE)
    assert PARAGRAPHS[0] in page.text


def test_align_ignores_whitespace_differences() -> None:
    raw = "Menu\nThe first part of the\nsentence goes on here.\nFooter"
    text, offsets = align(["The first part of the sentence goes on here.", "Not on the page.", "Footer"], raw)
    assert text == "The first part of the sentence goes on here.\n\nNot on the page.\n\nFooter"
    for clean_start, raw_start, length in offsets.segments:
        assert text[clean_start : clean_start + length] == raw[raw_start : raw_start + length]
    assert offsets.to_raw(0) == raw.index("The first")
    missing = text.index("Not on the page.")
    assert offsets.to_raw(missing) is None
    assert offsets.to_raw(text.index("Footer")) == raw.index("Footer")
