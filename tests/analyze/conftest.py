"""Shared fixtures of the per-article analysis tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dateline.analyze import nlp as nlp_module
from dateline.analyze.entities import find_mentions
from dateline.analyze.quotes import find_quotes
from dateline.model import Quote


@pytest.fixture(scope="module")
def nlp() -> Language:
    """The project's spaCy pipeline, loaded once for the module."""
    return nlp_module.load()


def quotes_of(nlp: Language, text: str) -> list[Quote]:
    """Parse a text and return its quotes, with its own mentions (article id "t")."""
    doc = nlp(text)
    return find_quotes(doc, find_mentions(doc, "t"), "t")
