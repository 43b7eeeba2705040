"""Tests of the writer's judgement ("X seemed to …"), which no one in the text voices, on fictional sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from dateline.analyze.entities import find_mentions
from dateline.analyze.quotes import find_quotes
from dateline.analyze.quotes_unvoiced import asked_by_no_one_named, evidential_subject
from dateline.model import Quote


def _quotes_with(nlp: Language, text: str, phrase: str) -> list[Quote]:
    """Return the quotes of a text whose words hold a phrase."""
    doc = nlp(text)
    return [q for q in find_quotes(doc, find_mentions(doc, "t"), "t") if phrase in q.text]


def _speaks(lemma: str) -> bool:
    """A stand-in for the model's prior: the verbs of speech these sentences use."""
    return lemma in {"suggest", "mention", "say", "dismiss"}


@pytest.mark.parametrize(
    ("text", "cue", "judged", "subject"),
    [
        pytest.param("The old ferry seemed to be losing money.", "seemed", True, "The old ferry", id="to be"),
        pytest.param("Mayor Arle appeared irritated by the question.", "appeared", True, "Mayor Arle",
                     id="adjective"),
        pytest.param("The pier seems like an odd choice for a market.", "seems", True, "The pier", id="like"),
        pytest.param("It appears that the board never voted on the pier.", "appears", True, None,
                     id="it with a that-clause"),
        pytest.param("Later she appeared to suggest that the harbor would close.", "appeared", False, None,
                     id="a verb of speech as the complement"),
        pytest.param("Okafor seemed taken aback and mentioned that the ferry was late.", "seemed", False, None,
                     id="a verb of speech joined to the complement"),
        pytest.param("It seems to me that the pier is unsafe.", "seems", False, None, id="with its experiencer"),
        pytest.param("Okafor appeared on the radio on Monday.", "appeared", False, None, id="no complement"),
        pytest.param("Okafor said the pier was unsafe.", "said", False, None, id="not a verb of seeming"),
    ],
)
def test_a_verb_of_seeming_is_the_writers_judgement_unless_its_subject_speaks(
    nlp: Language, text: str, cue: str, judged: bool, subject: str | None
) -> None:
    doc = nlp(text)
    token = next(t for t in doc if t.text == cue)
    found, span = evidential_subject(token, _speaks)
    assert found is judged
    assert (text[span[0] : span[1]] if span else None) == subject


def test_a_judgement_has_no_speaker_and_holds_its_subject(nlp: Language) -> None:
    text = (
        "The harbor board met on Tuesday to discuss the ferry.\n\n"
        "The old fishermen of the bay seem to be unanimous in their belief that the pier must go."
    )
    quotes = _quotes_with(nlp, text, "unanimous")
    assert len(quotes) == 1
    quote = quotes[0]
    assert quote.speaker_name is None and quote.speaker_text is None and quote.speaker_kind == "none"
    assert text[quote.fragments[0][0] : quote.fragments[0][1]] == "The old fishermen of the bay"
    assert quote.text.startswith("The old fishermen of the bay … to be unanimous")


def test_a_subject_that_speaks_through_the_complement_keeps_the_quote(nlp: Language) -> None:
    text = (
        "Mayor Ana Ruiz toured the flooded harbor on Monday.\n\n"
        "Later she appeared to suggest that the north pier would close for the summer."
    )
    assert [q.speaker_name for q in _quotes_with(nlp, text, "north pier")] == ["Ana Ruiz"]


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        pytest.param("Asked about the pier on Monday, Okafor said it was safe.", True, id="opening participle"),
        pytest.param("“It is safe,” Okafor told the Gazette when asked about the pier.", True, id="when asked"),
        pytest.param('Asked what that might look like, she said: "We will figure that out."', True,
                     id="opening participle the tagger took for a past tense"),
        pytest.param("Asked by reporters whether she would run again, Ruiz smiled.", False, id="by an agent"),
        pytest.param("Okafor was asked whether the ferry would run in winter.", False, id="a passive with a subject"),
        pytest.param("Okafor asked whether the ferry would run in winter.", False, id="the one who asks"),
    ],
)
def test_a_question_put_by_no_one_named(nlp: Language, text: str, asked: bool) -> None:
    doc = nlp(text)
    assert asked_by_no_one_named(next(t for t in doc if t.lower_ == "asked")) is asked


def test_a_question_has_no_speaker_and_the_one_asked_answers(nlp: Language) -> None:
    text = (
        "Mayor Ana Ruiz spent Monday at the harbor.\n\n"
        "“No. This is about the harbor,” she said, when asked whether she wanted the ferry back. "
        "“We will build a new pier for the fishing boats.”"
    )
    by_words = {q.text[:12]: q for q in _quotes_with(nlp, text, "")}
    question = by_words["whether she "]
    assert question.speaker_name is None and question.speaker_kind == "none"
    assert by_words["“No. This is"].speaker_name == "Ana Ruiz"
    assert by_words["“We will bui"].speaker_name == "Ana Ruiz"
