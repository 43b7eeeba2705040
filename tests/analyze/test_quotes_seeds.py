"""The seeds, cleaned as a reader sees them: every quote in quote marks is found with the right speaker.

The articles are read from ``../shared/seeds`` (skipped when absent); only a few words of each quote
are written here, enough to tell which quote is meant.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from dateline.analyze import nlp as nlp_module
from dateline.analyze.entities import find_mentions
from dateline.analyze.quotes import find_quotes
from dateline.clean import clean_document
from dateline.model import Quote, RawDocument
from tests.conftest import require_seeds

SEEN_QUOTES = [
    # (seed, words of the quote, a word every right speaker name holds)
    ("000", "Connected with Dmytro Kuleba", "Blinken"),
    ("000", "Detailed and candid discussion", "Kuleba"),
    ("000", "Grateful for affirming", "Kuleba"),
    ("000", "Euro-Atlantic solidarity", "Kuleba"),
    ("000", "dirty bomb”", "Moscow"),  # "Moscow escalate tensions ... after it claimed": not Kuleba
    ("000", "rejected any pretext", "United States"),
    ("000", "tens of billions", "letter"),
    ("000", "going to stay focused", "Kirby"),
    ("001", "continue to stand with Ukraine", "Blinken"),
    ("001", "We must and we will continue", "Blinken"),
    ("001", "it won't \"back down\"", "Kuleba"),  # "Ukraine's foreign minister", named in the next sentence
    ("001", "Ukraine is not going to back down", "Kuleba"),
    ("001", "Our strategic goal", "Kuleba"),
    ("001", "a de facto NATO army", "Kuleba"),
    ("001", "Defending Europe without Ukraine", "Kuleba"),
    ("001", "battle-hardened army", "Kuleba"),
    ("001", "easy to advise someone else", "Kuleba"),
    ("002", "a difficult time", "Blinken"),
    ("002", "already on the way", "Blinken"),
    ("002", "make a real difference", "Blinken"),
    ("002", "trying to really accelerate the pace", "Sullivan"),
    ("002", "will send a strong signal of calm", "official"),
    ("002", "strategic successes", "official"),
    ("002", "fierce battles", "Zelensky"),
    ("002", "a tough battle", "official"),
    ("002", "will become increasingly confident", "official"),
    ("004", "sending wave after wave", "Blinken"),
    ("004", "The coming weeks and months", "Blinken"),
    ("004", "expedite", "Zelensky"),
    ("004", "what capabilities our partners have", "Zelensky"),
    ("004", "This is not working", "Arakhamia"),
    ("004", "already arrived, more that will be arriving", "Blinken"),
]


@pytest.fixture(scope="module")
def seen_quotes() -> dict[str, list[Quote]]:
    """The quotes of each seed article after cleaning, by the article's number."""
    seeds = require_seeds()
    nlp: Language = nlp_module.load()
    found: dict[str, list[Quote]] = {}
    for path in sorted(seeds.glob("*.txt")):
        raw = RawDocument(source=str(path), format="text", text=path.read_text(encoding="utf-8"))
        doc = nlp(clean_document(raw).text)
        found[path.name[:3]] = find_quotes(doc, find_mentions(doc, path.stem), path.stem)
    return found


@pytest.mark.parametrize(("seed", "words", "speaker"), SEEN_QUOTES)
def test_seed_quote_has_the_right_speaker(
    seen_quotes: dict[str, list[Quote]], seed: str, words: str, speaker: str
) -> None:
    holding = [q for q in seen_quotes[seed] if words in q.text]
    assert holding, f"no quote of seed {seed} holds {words!r}"
    names = [q.speaker_name for q in holding]
    assert all(name is not None and speaker in name for name in names), names


def test_every_quoted_passage_of_the_seeds_has_a_speaker(seen_quotes: dict[str, list[Quote]]) -> None:
    # direct speech always comes with someone saying it in these articles
    quotes = [q for found in seen_quotes.values() for q in found]
    unattributed = [q.text for q in quotes if q.kind == "direct" and not q.speaker_name]
    assert unattributed == []


def test_country_pronoun_is_not_resolved_to_a_person(seen_quotes: dict[str, list[Quote]]) -> None:
    claim = next(q for q in seen_quotes["000"] if "dirty bomb”" in q.text)
    assert claim.speaker_text == "it"
    assert claim.speaker_name == "Moscow"
