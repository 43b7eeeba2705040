"""Tests of a headline's "Who: what" attribution, on fictional headlines written for the tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.analyze.conftest import quotes_of

BODY = (
    "Harbour commissioner Ines Marlowe said on Monday that the Fenwick Street bridge would stay shut until "
    "the engineers finish their survey. The Tidewater Poll of 800 residents found most of them back her."
)


def headline_quote(nlp: Language, headline: str, body: str = BODY):  # type: ignore[no-untyped-def]
    """Return the quote the headline of a short article gives, or None."""
    text = f"{headline}\n\n{body}\n"
    quotes = [q for q in quotes_of(nlp, text) if q.start < len(headline)]
    assert len(quotes) <= 1, [q.text for q in quotes]
    return quotes[0] if quotes else None


@pytest.mark.parametrize(
    ("headline", "speaker", "claim", "kind"),
    [
        # a surname the body writes out in full, though the model finds no entity in the headline
        ("Marlowe: Bridge stays shut until the survey is done.", "Ines Marlowe",
         "Bridge stays shut until the survey is done", "indirect"),
        # title words before a name, and whom the words are addressed to after it
        ("Commissioner Ines Marlowe to residents: ‘We will not rush the engineers.’", "Ines Marlowe",
         "‘We will not rush the engineers.’", "direct"),
        # a source noun needs no name; a fuller form the article gives is taken
        ("Poll: Most residents back the bridge closure.", "The Tidewater Poll",
         "Most residents back the bridge closure", "indirect"),
        # some words in marks: mixed
        ("Marlowe: Engineers need ‘two more weeks’ on the bridge.", "Ines Marlowe",
         "Engineers need ‘two more weeks’ on the bridge", "mixed"),
        # furniture glued before the source with a dash
        ("EXCLUSIVE – Ines Marlowe: The ferry stays free until the bridge reopens.", "Ines Marlowe",
         "The ferry stays free until the bridge reopens", "indirect"),
    ],
)
def test_a_headline_names_its_source_before_a_colon(
    nlp: Language, headline: str, speaker: str, claim: str, kind: str
) -> None:
    quote = headline_quote(nlp, headline)
    assert quote is not None
    assert quote.speaker_name is not None and quote.speaker_name.endswith(speaker.removeprefix("The "))
    assert quote.text == claim
    assert quote.kind == kind
    assert quote.cue_start is not None and headline[quote.cue_start] == ":"


@pytest.mark.parametrize(
    "headline",
    [
        "The Latest: Bridge stays shut until the survey is done.",  # a section head
        "Wow: Harbour board shuts the Fenwick Street bridge again.",  # furniture
        "MARLOW BAY: The harbour board shut the Fenwick Street bridge on Monday.",  # a dateline
        "Ines Marlowe: Harbour saviour or another career politician?",  # a question about the source
        "Bridge Closure Hits Trade: Shops on Fenwick Street count the cost.",  # words with a verb, not a name
        "Marlowe: Shut.",  # too short to be a claim
    ],
)
def test_a_headline_without_a_source_before_its_colon_is_no_quote(nlp: Language, headline: str) -> None:
    assert headline_quote(nlp, headline) is None


def test_a_colon_in_the_first_paragraph_of_an_article_without_headline_is_no_headline(nlp: Language) -> None:
    lede = (
        "Marlowe: that was the name on every placard outside the harbour office on Monday, where about two hundred "
        "residents gathered to demand that the Fenwick Street bridge reopen before the summer season begins."
    )
    text = f"{lede}\n\nThe harbour board meets on Friday.\n"
    assert not [q for q in quotes_of(nlp, text) if q.cue_start == lede.index(":")]


def test_the_headline_claim_replaces_any_quote_found_inside_it(nlp: Language) -> None:
    headline = "Marlowe: Engineers say the bridge will reopen ‘within a fortnight’ after all."
    quote = headline_quote(nlp, headline)  # at most one quote in the headline, asserted there
    assert quote is not None and quote.speaker_name == "Ines Marlowe"
