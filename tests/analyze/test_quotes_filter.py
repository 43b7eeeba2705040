"""The second stage of quote finding: a filter over whole assembled quotes, on fictional text.

The cue model proposes generously (any verb that might report something); the filter keeps the
reports of speech and belief and drops verbs that merely take a clause ("the river continued to
rise", "the flood exposed how little ...").
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from dateline.analyze import nlp as nlp_module
from dateline.analyze.entities import find_mentions
from dateline.analyze.quotes import candidate_quotes, find_quotes
from dateline.analyze.quotes_model import LinearModel, QuoteModel, load_model

FLOOD = (
    "The river continued to rise through the night. Residents hope that the water will recede by Friday. "
    "Mayor Ilse Varga said the town would need help from the province. "
    "The flood exposed how little the town had prepared for it."
)


@pytest.fixture(scope="module")
def nlp() -> Language:
    """The spaCy model, loaded once for the module."""
    return nlp_module.load()


def test_filter_keeps_reports_and_drops_clauses_that_report_nothing(nlp: Language) -> None:
    doc = nlp(FLOOD)
    proposed = [c.quote.text for c in candidate_quotes(doc, "t", load_model())]
    found = [q.text for q in find_quotes(doc, find_mentions(doc, "t"), "t")]
    # the cue model proposes both non-reports: dropping them is the filter's doing
    assert any("to rise through the night" in text for text in proposed)
    assert any("how little the town" in text for text in proposed)
    assert not any("to rise through the night" in text for text in found)
    assert not any("how little the town" in text for text in found)
    assert any("would need help from the province" in text for text in found)
    assert any("the water will recede" in text for text in found)


def test_filter_keeps_the_speaker_of_a_dropped_candidate_for_the_next_quote(nlp: Language) -> None:
    doc = nlp(FLOOD + ' "We will rebuild," she said.')
    quotes = find_quotes(doc, find_mentions(doc, "t"), "t")
    rebuild = next(q for q in quotes if "We will rebuild" in q.text)
    assert rebuild.speaker_name is not None and "Varga" in rebuild.speaker_name


def test_shipped_model_has_a_filter_with_a_bar_per_kind() -> None:
    model = load_model()
    assert model.filter is not None
    assert set(model.filter_thresholds) == {"direct", "mixed", "indirect"}
    assert model.cue_threshold < 0.5  # proposes more than the cue model alone would keep


def test_keeps_applies_the_bar_of_the_quote_kind() -> None:
    empty = LinearModel({}, 0.0)
    quote_filter = LinearModel({"good": 3.0, "bad": -3.0}, 0.0)
    model = QuoteModel(empty, empty, frozenset(), {}, 0.3, quote_filter, {"direct": 0.3, "indirect": 0.7})
    assert model.keeps("indirect", ["good"])
    assert not model.keeps("indirect", ["bad"])
    assert not model.keeps("indirect", [])  # probability 0.5: under the indirect bar
    assert model.keeps("direct", [])  # the same probability clears the lower direct bar
    assert QuoteModel(empty, empty, frozenset(), {}).keeps("indirect", ["bad"])  # no filter: keep all
