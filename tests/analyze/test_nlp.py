"""Tests of the shared spaCy pipeline: sentences never run over a paragraph break, and a horizontal bar is read as
a dash (fictional texts)."""

from __future__ import annotations

from spacy.language import Language

from dateline.analyze.entities import find_mentions
from dateline.analyze.nlp import parse_pairs
from dateline.analyze.quotes import find_quotes
from tests.analyze.conftest import quotes_of

SCRAPED = (
    # the opening of the demo corpus's article 07, as the clean stage keeps it
    "Barge operator's chief admits 'failure' over Aldery River spill, puts cleanup at $48-million\n\n"
    "Staff Reporter Published Wednesday, 26 March 2025 - 06:48\n\n"
    "MARLOW BAY (CWS) — The head of Carrow Tide Logistics accepted responsibility for this month's chemical spill "
    "on the Aldery River, telling a public inquiry on Tuesday that cleaning it up would cost the company $48-million."
)


def test_headline_byline_and_dateline_are_sentences_of_their_own(nlp: Language) -> None:
    sentences = [sent.text.strip() for sent in nlp(SCRAPED).sents]
    assert sentences[0].startswith("Barge operator's chief admits")
    assert any(s.startswith("Staff Reporter") and s.endswith("06:48") for s in sentences)
    assert sentences[-1].startswith("MARLOW BAY (CWS) — The head of Carrow Tide Logistics")


def test_a_quote_in_the_lede_takes_nothing_from_the_lines_above(nlp: Language) -> None:
    quotes = quotes_of(nlp, SCRAPED)
    assert any("cleaning it up would cost the company $48-million" in q.text for q in quotes)
    assert not any("MARLOW BAY" in q.text or "Staff Reporter" in q.text for q in quotes)


def test_a_line_wrapped_inside_a_sentence_stays_one_sentence(nlp: Language) -> None:
    text = "The ferry company said on Monday that\nfares would rise in the spring."
    assert len(list(nlp(text).sents)) == 1


def test_a_line_ending_with_a_colon_introduces_the_quote_under_it(nlp: Language) -> None:
    text = "Mayor Ana Ruiz continued:\n\n“The pier will reopen before the summer season.”"
    [quote] = quotes_of(nlp, text)
    assert quote.speaker_name == "Ana Ruiz"


BAR_DASHES = (
    "Asked about the report that Okafor has occasionally not paid the mooring fee ― as was true for the few years "
    "his accounts were made public ― Okafor boasted, “That makes me smart.” He was similarly defensive."
)


def test_a_horizontal_bar_is_parsed_as_the_dash_it_stands_for_on_the_text_as_written() -> None:
    doc = next(parse_pairs([(BAR_DASHES, None)], 1))[0]
    assert doc.text == BAR_DASHES
    assert [token.pos_ for token in doc if token.text == "―"] == ["PUNCT", "PUNCT"]
    quotes = [q for q in find_quotes(doc, find_mentions(doc, "t"), "t") if "That makes me smart" in q.text]
    assert [(q.kind, q.speaker_name, doc.text[q.cue_start or 0 : q.cue_end or 0]) for q in quotes] == [
        ("direct", "Okafor", "boasted")
    ]
