"""Tests of speakers named by layout (transcript labels, signatures), on fictional articles written for the tests."""

from __future__ import annotations

from spacy.language import Language

from dateline.analyze.quotes_transcript import signatures, transcript_labels
from tests.analyze.conftest import quotes_of

TRANSCRIPT = """Harbour commissioner Ines Marlowe sat down with radio host Tom Bexley on Sunday.

Partial transcript as follows:

"BEXLEY: Let's start with the bridge. When will it reopen to traffic?

"MARLOWE: Well, look, the engineers need two more weeks before anyone drives across it.

"BEXLEY: And what about the ferry to the island?

"MARLOWE: The ferry runs every hour from Monday, and it stays free until the bridge reopens."

READ MORE: Bridge closure hits trade
"""

SIGNED = """Readers told us what the closure has meant for them.

“The closure has cut my commute in half because nobody drives into town any more.” ― Dana Ferreira
“I lost three days of work waiting for the ferry last week.”― Milo Okafor

<tweet>The bridge will reopen on March 20, the board says. — Ines Marlowe (@InesM) March 2, 2025</tweet>.

The harbour board met on Tuesday, and the minutes were published on Friday — Reuters
"""


def test_transcript_lines_are_quotes_of_their_labelled_speakers(nlp: Language) -> None:
    quotes = quotes_of(nlp, TRANSCRIPT)
    lines = [q for q in quotes if TRANSCRIPT[q.cue_start or 0] == ":"]
    assert [q.speaker_name for q in lines] == ["Tom Bexley", "Ines Marlowe", "Tom Bexley", "Ines Marlowe"]
    assert lines[1].text.startswith("Well, look, the engineers")  # the label is who speaks, not what is said
    assert all(q.kind == "direct" for q in lines)
    assert not any("Bridge closure hits trade" in q.text for q in quotes)


def test_page_furniture_in_capitals_is_not_a_transcript() -> None:
    furniture = "READ MORE: Bridge closure hits trade\nUPDATE: The bridge is shut\nWATCH: Video of the barge\n"
    assert transcript_labels(furniture, []) == []


def test_signed_quotations_and_tweets_take_the_signature_as_speaker(nlp: Language) -> None:
    quotes = quotes_of(nlp, SIGNED)
    by_speaker = {q.speaker_name: q for q in quotes}
    assert "cut my commute in half" in by_speaker["Dana Ferreira"].text
    assert "three days of work" in by_speaker["Milo Okafor"].text
    assert "will reopen on March 20" in by_speaker["Ines Marlowe"].text
    assert by_speaker["Dana Ferreira"].kind == "direct"


def test_a_dash_and_an_agency_after_plain_prose_is_no_signature() -> None:
    names = [label.name for label in signatures(SIGNED)]
    assert "Reuters" not in names
    assert names == ["Dana Ferreira", "Milo Okafor", "Ines Marlowe"]


def test_a_signature_on_its_own_line_signs_the_quotation_above() -> None:
    text = 'The senator repeated the claim.\n\n"Every family here pays more for power than last year."\n\n- Ruiz.\n'
    [label] = signatures(text)
    assert label.name == "Ruiz"
    assert text[label.content_start : label.content_end].startswith('"Every family')


VOX_POP = """Nine residents told us what the bridge closure means to them.

“I lost three days of work waiting for the ferry, and nobody at the harbour board will say when.” ― Dana Ferreira
“The shops on Fenwick Street are empty every afternoon. What can I say? That’s just how it is now.”\xa0― Milo Okafor.

Harbour commissioner Ines Marlowe has said the bridge will reopen in March. “We will not rush the engineers,” she said.

Continued Marlowe: “The survey takes two more weeks. Then we test the pier, and only then do we open the road.”
"""


def test_a_passage_read_both_by_its_layout_and_by_a_cue_is_one_quote(nlp: Language) -> None:
    quotes = quotes_of(nlp, VOX_POP)
    fragments = [tuple(q.fragments) for q in quotes]
    assert len(fragments) == len(set(fragments)), [q.text[:40] for q in quotes]
    by_speaker = {q.speaker_name: q for q in quotes}
    assert "shops on Fenwick Street" in by_speaker["Milo Okafor"].text
    assert any("survey takes two more weeks" in q.text and q.speaker_name == "Ines Marlowe" for q in quotes)


def test_a_passage_a_layout_reports_leaves_the_run_of_passages_before_it(nlp: Language) -> None:
    """"Continued Marlowe: “…”" after three paragraphs of her words with no cue of their own: the last passage is
    the layout's quote, and no longer also the last piece of the run the first cue carried on."""
    text = (
        "Harbour commissioner Ines Marlowe spoke to the council on Monday.\n\n"
        "“I think the stakes are so high, and the board has made it plain, that the vote must be watched,” "
        "Marlowe said.\n\n"
        "“There is evidence that the harbour board not only cheated with the old ferry contracts but with the "
        "new ones too.”\n\n"
        "“The big harbour firms, particularly in Port Ellery, are very adept at this kind of thing.”\n\n"
        "Continued Marlowe: “So I think it is a very real problem. And the single best thing we can do is to "
        "count every ballot twice.”\n"
    )
    quotes = quotes_of(nlp, text)
    fragments = [fragment for q in quotes for fragment in q.fragments]
    assert len(fragments) == len(set(fragments)), [q.fragments for q in quotes]
    assert any("very real problem" in q.text and q.speaker_name == "Ines Marlowe" for q in quotes)


def test_a_signature_may_say_who_or_where_the_signer_is(nlp: Language) -> None:
    """"-Dana Okafor, Port Ellery." and "-Mayor Vance, posting after the vote." under a quotation sign it; a title
    and a surname become the full name the article gives."""
    text = (
        "Mayor Rita Vance opened the new pier on Thursday.\n\n"
        '"Great day. The pier is open. The ferries are back."\n\n'
        "-Mayor Vance, posting after the vote.\n\n"
        '"The whole idea of a harbor levy is something we hear about all the time, and it needs to stop."\n\n'
        "-Dana Okafor, Port Ellery."
    )
    assert [(label.name, text[label.content_start : label.content_end][:12]) for label in signatures(text)] == [
        ("Mayor Vance", '"Great day. '), ("Dana Okafor", '"The whole i'),
    ]
    speakers = {q.text[:12]: q.speaker_name for q in quotes_of(nlp, text)}
    assert speakers['"Great day. '] == "Rita Vance"
    assert speakers['"The whole i'] == "Dana Okafor"
