"""Tests of quote finding: fictional sentences written for the tests, the JSONL contract, and the seeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from typer.testing import CliRunner

from dateline.analyze.entities import find_mentions
from dateline.analyze.quotes import _content, attach_entities, candidate_quotes, find_quotes
from dateline.analyze.quotes_features import prior_bin
from dateline.analyze.quotes_marks import quoted_passages
from dateline.analyze.quotes_model import load_model
from dateline.cli import app
from dateline.model import Quote
from tests.analyze.conftest import quotes_of
from tests.conftest import require_seeds


def _containing(quotes: list[Quote], phrase: str) -> Quote:
    """Return the quote whose text holds a phrase, failing the test when none does."""
    found = [q for q in quotes if phrase in q.text]
    assert found, f"no quote holds {phrase!r}: {[q.text for q in quotes]}"
    return found[0]


def test_passages_keep_marks_and_pair_curly_and_straight() -> None:
    text = 'She said “we are ready,” and he said "so are we." Then nothing.'
    spans = [text[p.start : p.end] for p in quoted_passages(text)]
    assert spans == ["“we are ready,”", '"so are we."']


@pytest.mark.parametrize(
    ("text", "passages"),
    [
        ("The letter says the skipper is 6'3\" tall and weighs 236 pounds.", []),
        ('A 12" pipe burst. "We fixed it by noon," she said.', ['"We fixed it by noon,"']),
        ("\"He is 6'3\" and strong as an ox,\" she said.", ["\"He is 6'3\" and strong as an ox,\""]),
        ('He said "it was 1995" and left.', ['"it was 1995"']),  # a quote may end on a number
    ],
)
def test_an_inch_sign_is_no_quote_mark(text: str, passages: list[str]) -> None:
    assert [text[p.start : p.end] for p in quoted_passages(text)] == passages


def test_passage_lost_closing_mark_ends_with_its_paragraph() -> None:
    text = "He wrote: “The bridge stays shut\n\nNext paragraph without quotes."
    passages = quoted_passages(text)
    assert [text[p.start : p.end] for p in passages] == ["“The bridge stays shut"]
    assert not passages[0].closed


def test_a_subject_the_parser_hung_on_the_cue_is_part_of_what_was_said(nlp: Language) -> None:
    """"said the days when the town had “one ferry for everyone” … are gone": the parser makes "days" a modifier
    of "said" and "are gone" the reported clause; the clause's subject is still part of it, and the passage
    inside it is no quote of its own. A date there is when it was said ("said Friday that")."""
    text = (
        'Ines Marlowe, the author of a book on the harbor, said the days when the town had "one ferry for everyone" '
        "from the old pier and the north dock are gone. Nowadays, people take their own boats.\n\n"
        "The mayor said Friday that the pier would open in May."
    )
    quotes = quotes_of(nlp, text)
    gone = _containing(quotes, "are gone")
    assert gone.text.startswith("the days when the town had") and gone.speaker_name == "Ines Marlowe"
    assert [q for q in quotes if "one ferry for everyone" in q.text] == [gone]
    assert "Friday" not in _containing(quotes, "would open in May").text


def test_a_subject_set_before_an_aside_is_part_of_what_was_said(nlp: Language) -> None:
    """"The new ferry, she told reporters, would not run before May": the parser hangs "ferry" on "told", loose or
    as a second subject; the clause's subject is still part of what was said, and the aside is not."""
    for aside in ("she told reporters", "Marlowe told the inquiry"):
        text = f"Harbor master Ines Marlowe spoke on Monday.\n\nThe new ferry, {aside}, would not run before May."
        quote = _containing(quotes_of(nlp, text), "would not run")
        assert quote.text == "The new ferry … would not run before May" and quote.speaker_name == "Ines Marlowe"


@pytest.mark.parametrize(
    "text",
    [
        "The mayor urged the board to finish the pier before the summer season. ''We cannot wait another year for "
        "this.''",
        "Harbor master Oliver Hedge said the ferry company pointed to the two new resorts. ''I assume they saw the "
        "luxury market returning, which it has done.''",
    ],
)
def test_a_passage_whose_opening_mark_the_parser_left_behind_is_no_part_of_the_report_before(
    nlp: Language, text: str
) -> None:
    """"… before the summer season. ''We cannot wait …''": the parser ends the first sentence after the second's
    opening mark; the passage is a line of its own, by the same speaker, not the end of the report before it."""
    second = text.split(". ''")[1][:20]
    quotes = quotes_of(nlp, text)
    quote = _containing(quotes, second)
    first = next(q for q in quotes if q is not quote)
    assert quote.kind == "direct" and text.split(". ''")[0][-20:] not in quote.text
    assert quote.speaker_name is not None and quote.speaker_name == first.speaker_name


def test_multi_paragraph_quote_continues_into_next_paragraph() -> None:
    text = "“The first part of the speech runs on\n\n“and the second part ends here,” she said."
    passages = quoted_passages(text)
    assert len(passages) == 2
    assert passages[0].continued and not passages[1].continued


def test_glued_quotes_split_where_the_scrape_lost_a_mark() -> None:
    text = "She posted: “The ferry is late again.“We apologise to everyone.” Then silence."
    spans = [text[p.start : p.end] for p in quoted_passages(text)]
    assert spans == ["“The ferry is late again.", "“We apologise to everyone.”"]


def test_closing_shaped_mark_glued_to_the_next_word_opens_the_next_passage() -> None:
    text = "“Nobody can tell me,” he said.”The ferry company has not called us.” Then silence."
    spans = [text[p.start : p.end] for p in quoted_passages(text)]
    assert spans == ["“Nobody can tell me,”", "”The ferry company has not called us.”"]


def test_glued_mark_lets_the_cue_between_two_passages_report_both(nlp: Language) -> None:
    text = "“Nobody can tell me,” Ada Quill said.”The ferry company has not called us.”"
    [quote] = quotes_of(nlp, text)
    passages = [text[s:e] for s, e in quote.fragments]
    assert passages == ["“Nobody can tell me,”", "”The ferry company has not called us.”"]
    assert quote.speaker_name == "Ada Quill"


def test_nested_quote_of_the_other_kind_stays_inside() -> None:
    text = '"He told me “no way” and left the room," she said.'
    spans = [text[p.start : p.end] for p in quoted_passages(text)]
    assert spans == ['"He told me “no way” and left the room,"']


@pytest.mark.parametrize("text", ["”", "“", 'a " b', "”Stray close. And “open with no end", "''", ""])
def test_stray_marks_never_fail(nlp: Language, text: str) -> None:
    assert isinstance(quotes_of(nlp, text), list)


def test_direct_quote_with_speaker_after(nlp: Language) -> None:
    text = '"We will reopen the old bridge in May," Mayor Sarah Mitchell said on Monday.'
    quote = _containing(quotes_of(nlp, text), "reopen the old bridge")
    assert quote.kind == "direct"
    assert text[quote.fragments[0][0]] == '"'
    assert quote.speaker_name == "Sarah Mitchell"
    assert quote.cue_start is not None and text[quote.cue_start : quote.cue_end] == "said"


def test_pronoun_speaker_resolves_to_the_person(nlp: Language) -> None:
    text = (
        "Sarah Mitchell visited the flooded district on Monday.\n\n"
        '"The river is still rising and we need more sandbags," she said.'
    )
    quote = _containing(quotes_of(nlp, text), "river is still rising")
    assert quote.speaker_text == "she"
    assert quote.speaker_kind == "pronoun"
    assert quote.speaker_name == "Sarah Mitchell"


def test_indirect_quote_with_that_clause(nlp: Language) -> None:
    text = "Harbor master Piet Olsen said on Tuesday that the ferries would resume their crossings on Friday."
    quote = _containing(quotes_of(nlp, text), "ferries would resume")
    assert quote.kind == "indirect"
    assert quote.speaker_name == "Piet Olsen"


@pytest.mark.parametrize(
    ("text", "first", "more"),
    [
        (
            "The harbor board pledged to cap and then gradually reduce the ferry fares.",
            "to cap", "reduce the ferry fares",
        ),
        (
            "Rita Vance has mentioned refinancing harbor debts and forcing councils to spend more of their reserves.",
            "refinancing harbor debts", "forcing councils to spend more",
        ),
    ],
)
def test_a_verb_of_the_contents_form_coordinated_with_the_cue_is_more_content(
    nlp: Language, text: str, first: str, more: str
) -> None:
    """The parser hangs the second of two infinitives or gerunds on the cue ("pledged to cap and … reduce"):
    it is still what the cue reports."""
    quote = _containing(quotes_of(nlp, text), first)
    assert more in quote.text


@pytest.mark.parametrize(
    ("text", "first", "not_more"),
    [
        (
            "Several board members declined to comment and did not respond to requests from the union.",
            "to comment", "respond",
        ),
        (
            "At the rally, Arle pledged to enact harbor reform, fix the town’s “broken” ferry system and he, once "
            "again, pledged a “harbor revolution” and said that he would stand up to the board.",
            "fix the town", "stand up to the board",
        ),
    ],
)
def test_a_clause_of_its_own_coordinated_with_the_cue_is_not_more_content(
    nlp: Language, text: str, first: str, not_more: str
) -> None:
    """A verb with an auxiliary or a subject of its own ("did not respond", "he … pledged … and said") is the
    writer's next statement, even inside a coordinated infinitive."""
    quote = _containing(quotes_of(nlp, text), first)
    assert not_more not in quote.text


def test_mixed_quote(nlp: Language) -> None:
    text = 'Piet Olsen said the repairs to the pier would "take at least another month" to finish.'
    quote = _containing(quotes_of(nlp, text), "take at least another month")
    assert quote.kind == "mixed"
    assert quote.speaker_name == "Piet Olsen"


def test_second_passage_without_cue_continues_the_speaker(nlp: Language) -> None:
    text = (
        'Piet Olsen spoke at the pier.\n\n"The ferries will run again by the end of the week," Olsen said. '
        '"Nobody should plan a crossing before then."'
    )
    quotes = quotes_of(nlp, text)
    later = _containing(quotes, "Nobody should plan a crossing")
    assert later is _containing(quotes, "ferries will run again")
    assert len(later.fragments) == 2
    assert later.speaker_name == "Piet Olsen"


def test_quote_paragraph_with_no_cue_takes_the_previous_speaker(nlp: Language) -> None:
    text = (
        '"The ferries will run again by the end of the week," harbor master Piet Olsen said on Monday.\n\n'
        "The council met later that day.\n\n"
        '"Nobody should plan a crossing before the weekend."'
    )
    later = _containing(quotes_of(nlp, text), "Nobody should plan a crossing")
    assert later.cue_start is None
    assert later.speaker_name == "Piet Olsen"


def test_relative_pronoun_takes_its_antecedent(nlp: Language) -> None:
    text = (
        "Sarah Mitchell opened the meeting on Monday. The plan was backed by a senior harbor official, "
        "who said that the work was long overdue and should start at once."
    )
    quote = _containing(quotes_of(nlp, text), "long overdue")
    assert quote.speaker_text == "who"
    assert quote.speaker_name == "a senior harbor official"


def test_anonymous_source_is_described(nlp: Language) -> None:
    text = '"The dam is safe and the spillway is working as designed," a senior city official said.'
    quote = _containing(quotes_of(nlp, text), "dam is safe")
    assert quote.speaker_kind == "anonymous"
    assert quote.speaker_name == "a senior city official"


def test_tweet_with_surname_resolves_to_full_name(nlp: Language) -> None:
    text = (
        "Harbor master Piet Olsen inspected the pier.\n\n"
        'Mr Olsen tweeted: "The harbor is open again for every boat today."'
    )
    quote = _containing(quotes_of(nlp, text), "harbor is open again")
    assert quote.kind == "direct"
    assert quote.speaker_name == "Piet Olsen"


def test_quote_with_no_speaker_in_the_text_says_so(nlp: Language) -> None:
    text = 'The sign at the gate read "Closed until further notice for all visitors today."'
    quotes = quotes_of(nlp, text)
    quote = _containing(quotes, "Closed until further notice")
    assert quote.speaker_name is None
    assert quote.speaker_kind == "none"


def test_attach_entities_copies_the_linked_speaker(nlp: Language) -> None:
    text = '"We will reopen the old bridge in May," Mayor Sarah Mitchell said on Monday.'
    doc = nlp(text)
    mentions = find_mentions(doc, "t")
    quotes = find_quotes(doc, mentions, "t")
    for mention in mentions:
        if mention.name == "Sarah Mitchell":
            mention.entity_id = "person:sarah-mitchell"
    attach_entities(quotes, mentions)
    assert _containing(quotes, "old bridge").speaker_entity_id == "person:sarah-mitchell"


def test_cli_writes_offsets_into_the_text_as_given(tmp_path: Path) -> None:
    text = '  "We will reopen the old bridge in May," Mayor Sarah Mitchell said.\n'
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": 7, "text": text}) + "\n" + "not json\n", encoding="utf-8")
    target = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["quotes", str(source), "--format", "jsonl", "-o", str(target)])
    assert result.exit_code == 1  # one unreadable line, reported; the good record is still written
    lines = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == [7]
    quote = lines[0]["quotes"][0]
    content = quote["content"][0]
    assert text[content["start"] : content["end"]].startswith('"We will reopen')
    assert text[quote["speaker"]["start"] : quote["speaker"]["end"]].endswith("Sarah Mitchell")
    assert quote["kind"] == "direct" and text[quote["cue"]["start"] : quote["cue"]["end"]] == "said"


def test_cli_with_worker_processes_writes_what_one_process_writes(tmp_path: Path) -> None:
    texts = [
        '"We will reopen the old bridge in May," Mayor Sarah Mitchell said.',
        "Harbour master Ines Varga said the north pier would stay shut. \"Not before June,\" she added.",
        "No one was quoted in this record.",
    ]
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(texts * 3)), "utf-8")
    written = []
    for processes in ("1", "2"):
        target = tmp_path / f"out{processes}.jsonl"
        args = ["quotes", str(source), "--format", "jsonl", "-o", str(target), "--processes", processes]
        result = CliRunner().invoke(app, [*args, "--batch-size", "2"])
        assert result.exit_code == 0, result.output
        written.append(target.read_text(encoding="utf-8"))
    assert written[0] == written[1]
    lines = [json.loads(line) for line in written[1].splitlines()]
    assert [line["id"] for line in lines] == list(range(9))
    assert [len(line["quotes"]) for line in lines] == [1, 2, 0] * 3


@pytest.mark.parametrize("processes", ["1", "2"])
def test_cli_a_record_that_breaks_the_quote_finder_costs_its_quotes_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, processes: str
) -> None:
    import dateline.analyze.quotes_jsonl as quotes_jsonl

    real = quotes_jsonl.find_quotes

    def breaks_on_b(doc: Doc, mentions: list, article_id: str = "") -> list[Quote]:  # type: ignore[type-arg]
        if article_id == "b":
            raise ValueError("an odd record")
        return real(doc, mentions, article_id)

    monkeypatch.setattr(quotes_jsonl, "find_quotes", breaks_on_b)
    text = '"We will reopen the old bridge in May," Mayor Sarah Mitchell said.'
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps({"id": key, "text": text}) + "\n" for key in "abc"), encoding="utf-8")
    target = tmp_path / "out.jsonl"
    args = ["quotes", str(source), "--format", "jsonl", "-o", str(target), "--processes", processes]
    result = CliRunner().invoke(app, [*args, "--batch-size", "1"])  # workers forked after the patch break too
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["a", "b", "c"]
    assert [len(line["quotes"]) for line in lines] == [1, 0, 1]
    if processes == "1":  # a worker logs to its own stderr, out of caplog's reach
        assert any("article b: quotes failed" in record.getMessage() for record in caplog.records)


def test_cli_without_file_is_not_yet_available() -> None:
    result = CliRunner().invoke(app, ["quotes"])
    assert result.exit_code == 2


SEED_QUOTES = [
    ("001", "continue to support Ukraine", "Blinken"),
    ("001", "not going to back down", "Kuleba"),
    ("001", "Our strategic goal", "Kuleba"),
    ("001", "Defending Europe without Ukraine", "Kuleba"),
    ("004", "what capabilities our partners have", "Zelensky"),
    ("004", "it was crucial for the U.S.", "Zelensky"),
    ("004", "The coming weeks and months", "Blinken"),
    ("004", "is not working", "Arakhamia"),
    ("004", "make a real difference", "Blinken"),
    ("000", "Connected with Dmytro Kuleba", "Blinken"),
    ("000", "concrete, comprehensive, and enduring", "Blinken"),
    ("000", "Detailed and candid discussion", "Kuleba"),
    ("000", "Euro-Atlantic solidarity with Ukraine", "Kuleba"),
    ("000", "going to stay focused", "Kirby"),
    ("002", "a difficult time", "Blinken"),
    ("002", "trying to really accelerate the pace", "Sullivan"),
    ("002", "will send a strong signal of calm", "senior US official"),
    ("002", "missiles have already been delivered", "senior US official"),
]


@pytest.fixture(scope="module")
def seed_quotes(nlp: Language) -> dict[str, list[Quote]]:
    """The quotes found in each seed article, by the article's number."""
    seeds = require_seeds()
    found: dict[str, list[Quote]] = {}
    for path in sorted(seeds.glob("*.txt")):
        doc = nlp(path.read_text(encoding="utf-8"))
        found[path.name[:3]] = find_quotes(doc, find_mentions(doc, path.stem), path.stem)
    return found


@pytest.mark.parametrize(("seed", "phrase", "speaker"), SEED_QUOTES)
def test_seed_quote_found_with_its_speaker(
    seed_quotes: dict[str, list[Quote]], seed: str, phrase: str, speaker: str
) -> None:
    quote = _containing(seed_quotes[seed], phrase)
    assert quote.speaker_name is not None and speaker in quote.speaker_name


def test_seed_speaker_written_with_title_is_kept_as_written(seed_quotes: dict[str, list[Quote]]) -> None:
    quote = _containing(seed_quotes["001"], "not going to back down")
    assert quote.speaker_text == "Ukraine's top diplomat Dmytro Kuleba"
    assert quote.speaker_name == "Dmytro Kuleba"


def test_pronoun_skips_a_person_of_the_other_gender(nlp: Language) -> None:
    text = (
        "Mrs. Elena Varga met Mr. Piet Olsen at the harbor on Monday.\n\n"
        "Mr. Olsen showed her the new pier.\n\n"
        '"The ferries must be back before the summer," she said.'
    )
    quote = _containing(quotes_of(nlp, text), "ferries must be back")
    assert quote.speaker_text == "she"
    assert quote.speaker_name == "Elena Varga"


def test_it_refers_to_an_organisation_not_a_person(nlp: Language) -> None:
    text = (
        "Harbor master Piet Olsen spoke first.\n\n"
        "The ferry company raised its fares after it said that the cost of fuel had doubled since March."
    )
    quote = _containing(quotes_of(nlp, text), "cost of fuel had doubled")
    assert quote.speaker_text == "it"
    assert quote.speaker_name is not None and "company" in quote.speaker_name


def test_indefinite_pronoun_speaker_stays_a_described_group(nlp: Language) -> None:
    text = (
        "Harbor master Piet Olsen spoke first.\n\n"
        "Some of the fishermen said that the new pier was too far from the market."
    )
    quote = _containing(quotes_of(nlp, text), "too far from the market")
    assert quote.speaker_kind == "anonymous"
    assert quote.speaker_name == "Some of the fishermen"


def test_verb_that_reports_nothing_yields_no_quote(nlp: Language) -> None:
    """A verb with a person as subject and an object is no speech cue unless train saw it report speech."""
    assert quotes_of(nlp, "The mayor tossed a ball to the crowd at the harbor festival.") == []
    quote = _containing(quotes_of(nlp, "The mayor said the bridge would reopen next week."), "bridge would reopen")
    assert quote.kind == "indirect"


def test_that_said_opening_a_sentence_reports_no_one(nlp: Language) -> None:
    text = "The mayor wants the ferry back. That said, the ferry cannot realistically run before May."
    assert not [q for q in quotes_of(nlp, text) if "before May" in q.text]
    aside = "That, said Okafor, is the problem with the pier."
    assert _containing(quotes_of(nlp, aside), "problem with the pier").speaker_name == "Okafor"


def test_title_in_quote_marks_is_no_direct_quote(nlp: Language) -> None:
    text = "Mayor Sarah Mitchell appeared on “Harbor Town Tonight.” She said the ferry would run again."
    quotes = quotes_of(nlp, text)
    assert not [q for q in quotes if "Harbor Town Tonight" in q.text]
    assert _containing(quotes, "ferry would run again").speaker_name == "Sarah Mitchell"


def test_short_speech_is_not_taken_for_a_title(nlp: Language) -> None:
    text = '"Absolutely not," Sarah Mitchell said when asked whether the harbor would close.'
    assert _containing(quotes_of(nlp, text), "Absolutely not").kind == "direct"


def test_content_stays_in_the_paragraph_of_its_cue(nlp: Language) -> None:
    """A parse whose clause runs back over a paragraph break must not glue the paragraph before to the report."""
    words = ["Rain", ".", "\n\n", "Olsen", "said", "it", "fell"]
    spaces = [False, False, False, True, True, True, False]
    heads = [6, 0, 0, 4, 4, 6, 4]
    deps = ["nsubj", "punct", "dep", "nsubj", "ROOT", "nsubj", "ccomp"]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, lemmas=[w.lower() for w in words])
    said = doc[4]
    assert said.children and doc[6].left_edge.i == 0  # the clause's subtree starts in the paragraph before
    pieces = _content(said, doc.text, load_model())
    assert pieces and all(start >= doc.text.index("Olsen") for start, _ in pieces)


def test_prior_bin_tells_lemmas_that_never_report_from_frequent_cues() -> None:
    assert prior_bin(0, 2) == "rare"
    assert prior_bin(0, 40) == "never"
    assert prior_bin(30, 40) == "high"
    assert prior_bin(1, 40) == "lt05"


def test_shipped_model_knows_which_lemmas_and_subjects_report_speech() -> None:
    model = load_model()
    assert model.cue_prior("say") == "high"
    assert model.subject_prior("official") == "high"
    assert model.cue_prior("zzyzxquoth") == "rare"


def test_filter_reads_the_priors_of_cue_and_subject(nlp: Language) -> None:
    doc = nlp("The storm slashes hopes for a quick reopening of the harbor.")
    candidates = candidate_quotes(doc, "t", load_model())
    assert candidates, "the cue model should propose the clause for the filter to judge"
    features = set(candidates[0].features)
    assert any(f.startswith("kprior=indirect|") for f in features)
    assert any(f.startswith("kspp=indirect|") for f in features)
    assert quotes_of(nlp, doc.text) == []


def test_passage_after_a_reported_clause_in_the_same_sentence_joins_it(nlp: Language) -> None:
    text = (
        "Mayor Sarah Mitchell claimed that flooding is “a big, big problem in this town” but "
        "“nobody has the courage to fix it.”"
    )
    quotes = quotes_of(nlp, text)
    quote = _containing(quotes, "a big, big problem")
    assert quote.kind == "mixed"
    assert quote is _containing(quotes, "nobody has the courage")
    assert text[quote.start : quote.end].endswith("fix it.”")


def _parsed(
    nlp: Language,
    words: list[str],
    heads: list[int],
    deps: list[str],
    pos: list[str],
    sent_starts: list[int],
    tags: list[str] | None = None,
) -> Doc:
    """Build a Doc with a given parse: the shape of a parser mistake seen in real articles, on fictional words."""
    spaces = [
        i + 1 < len(words)
        and words[i + 1] not in (",", ".", ":", "”")
        and words[i] != "“"
        and not words[i].isspace()
        and not words[i + 1].isspace()
        for i in range(len(words))
    ]
    return Doc(
        nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, tags=tags, sent_starts=sent_starts
    )


def test_subject_inside_the_quote_does_not_speak_the_verb_after_it(nlp: Language) -> None:
    from dateline.analyze.quotes_speaker_phrase import find_speaker

    # “We will rebuild the pier,” Chief Dana Okafor said Monday. -- parsed with "said" a conjunct of "rebuild"
    words = ["“", "We", "will", "rebuild", "the", "pier", ",", "”", "Chief", "Dana", "Okafor", "said", "Monday", "."]
    heads = [3, 3, 3, 3, 5, 3, 3, 3, 10, 10, 11, 3, 11, 3]
    deps = ["punct", "nsubj", "aux", "ROOT", "det", "dobj", "punct", "punct", "compound", "compound", "dep", "conj",
            "npadvmod", "punct"]
    pos = ["PUNCT", "PRON", "AUX", "VERB", "DET", "NOUN", "PUNCT", "PUNCT", "PROPN", "PROPN", "PROPN", "VERB",
           "PROPN", "PUNCT"]
    doc = _parsed(nlp, words, heads, deps, pos, [1] + [0] * 13)
    speaker = find_speaker(doc[11], doc.text)
    assert speaker is not None
    assert doc.text[speaker.start : speaker.end] == "Chief Dana Okafor"


@pytest.mark.parametrize(
    "text",
    [
        "Mayor Ana Ruiz was cheered.\n\nAfter saying that the pier would reopen by May, she was whisked off to the "
        "council meeting.",
        "Mayor Ana Ruiz spoke on Monday.\n\nShe was suspended for two weeks after slamming the council for its vote.",
    ],
)
def test_the_passive_subject_of_a_clause_speaks_the_participle_after_a_preposition(nlp: Language, text: str) -> None:
    """"After saying …, she was whisked off": who is whisked off is who said it."""
    quotes = quotes_of(nlp, text)
    assert [((q.speaker_text or "").lower(), q.speaker_name) for q in quotes] == [("she", "Ana Ruiz")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Since taking office, Mayor Ana Ruiz has taken a firm stance on the harbor, and last June she stirred "
         "controversy with an assertion that the ferry was unsafe.", "she"),
        ("The council has grappled with calls for a boycott of the ferry that the pier was unsafe.", None),
    ],
)
def test_the_subject_of_a_verb_speaks_a_statement_it_comes_with(nlp: Language, text: str, speaker: str | None) -> None:
    """"… stirred controversy with an assertion that …": the subject asserts; "grappled with calls …" others call."""
    assert _containing(quotes_of(nlp, text), "unsafe").speaker_text == speaker


def test_a_verb_the_parse_joined_to_an_infinitive_shares_the_sentences_subject(nlp: Language) -> None:
    """"Romney ran on his ability to jolt the recovery and accused Obama of …": no "to" goes with "accused"."""
    text = (
        "During the 2012 election, Dana Okafor largely ran on her ability to jolt the harbor economy into "
        "hyperdrive and accused the council of bungling the rebuilding."
    )
    assert [q.speaker_name for q in quotes_of(nlp, text) if "bungling" in q.text] == ["Dana Okafor"]


def test_a_subject_the_parse_hung_under_an_auxiliary_speaks(nlp: Language) -> None:
    """"Okafor wasn't so much saying that …" parsed with "Okafor" the subject of "was", an auxiliary of "saying"."""
    text = (
        "Well, if you read between the lines, Okafor wasn't so much saying that the pier wouldn't work but that "
        "she was afraid it would."
    )
    assert [q.speaker_text for q in quotes_of(nlp, text)] == ["Okafor"]


@pytest.mark.parametrize(
    ("text", "phrase", "speaker"),
    [
        ("Some cheer when Okafor calls for lower ferry fares. All cheer when she endorses the pier.", "lower ferry",
         "Some"),
        ("Three-fourths say the ferry should run on Sundays. Two-thirds support reducing the harbor fees for fishers.",
         "reducing the harbor fees", "Two-thirds"),
    ],
)
def test_a_quantity_opening_a_sentence_speaks_the_verb_the_parse_took_for_a_noun(
    nlp: Language, text: str, phrase: str, speaker: str
) -> None:
    """"Many fear …", "Two-thirds support …": the people a poll or a report counts, with no noun of their own."""
    assert [q.speaker_text for q in quotes_of(nlp, text) if phrase in q.text] == [speaker]


def test_a_name_opening_a_sentence_whose_verb_the_parse_left_without_subject_speaks(nlp: Language) -> None:
    from dateline.analyze.quotes_speaker_phrase import lost_subject

    # Okafor, speaking at a rally, did not mention Arle, but said the harbor must unite. -- parsed with "Okafor" a
    # modifier of "mention" and no subject anywhere
    words = ["Okafor", ",", "speaking", "at", "a", "rally", ",", "did", "not", "mention", "Arle", ",", "but", "said",
             "the", "harbor", "must", "unite", "."]
    heads = [9, 0, 9, 2, 5, 3, 9, 9, 9, 9, 9, 9, 9, 9, 15, 17, 17, 13, 9]
    deps = ["advcl", "punct", "advcl", "prep", "det", "pobj", "punct", "aux", "neg", "ROOT", "dobj", "punct", "cc",
            "conj", "det", "nsubj", "aux", "ccomp", "punct"]
    pos = ["PROPN", "PUNCT", "VERB", "ADP", "DET", "NOUN", "PUNCT", "AUX", "PART", "VERB", "PROPN", "PUNCT", "CCONJ",
           "VERB", "DET", "NOUN", "AUX", "VERB", "PUNCT"]
    tags = ["NNP", ",", "VBG", "IN", "DT", "NN", ",", "VBD", "RB", "VB", "NNP", ",", "CC", "VBD", "DT", "NN", "MD",
            "VB", "."]
    doc = _parsed(nlp, words, heads, deps, pos, [1] + [0] * 18, tags)
    speaker = lost_subject(doc[13])
    assert speaker is not None and speaker.text == "Okafor"


def test_passage_that_ends_its_sentence_is_not_reported_by_a_cue_after_it(nlp: Language) -> None:
    from dateline.analyze.quotes import _Attribution, _ends_sentence, _owner_in_sentence

    # the parser ran the next sentence on: “That was the mayor telling us to go on.” Ms. Okafor has said ...
    words = ["“", "That", "was", "the", "mayor", ".", "”", "Okafor", "has", "said", "so", "before", "."]
    pos = ["PUNCT", "PRON", "AUX", "DET", "NOUN", "PUNCT", "PUNCT", "PROPN", "AUX", "VERB", "ADV", "ADV", "PUNCT"]
    doc = _parsed(nlp, words, [0] * len(words), ["ROOT"] + ["dep"] * (len(words) - 1), pos, [1] + [0] * 12)
    text = doc.text
    passage = quoted_passages(text)[0]
    cue = _Attribution(doc[9])
    assert _ends_sentence(text, passage)
    assert _owner_in_sentence(text, passage, [cue], [0], closed_sentence=True) is None
    # "“… the mayor,” Okafor said": a passage ending in a comma is reported by the cue after it
    assert _owner_in_sentence(text, passage, [cue], [0], closed_sentence=False) is cue


def test_headline_name_with_a_glued_verb_does_not_replace_the_body_name(nlp: Language) -> None:
    text = (
        "Ferry Workers Rip Sarah Mitchell As A ‘Reckless Mayor.’\n\n"
        "Sarah Mitchell visited the pier on Monday.\n\n"
        "Mitchell said the pier would reopen in May."
    )
    quote = _containing(quotes_of(nlp, text), "pier would reopen")
    assert quote.speaker_name == "Sarah Mitchell"


def test_headline_gives_the_full_name_to_a_surname_the_body_writes_alone(nlp: Language) -> None:
    text = "Angry Fishermen Blast Sarah Mitchell Over Pier Closure\n\nMayor Mitchell said the pier would reopen in May."
    quote = _containing(quotes_of(nlp, text), "pier would reopen")
    assert quote.speaker_name == "Sarah Mitchell"


def test_coordinated_speech_act_reports_its_own_content(nlp: Language) -> None:
    text = (
        "Mayor Sarah Mitchell, speaking to harbor workers in Riverton, said she would order a full review of the "
        "town’s flood defenses and warned against building on the floodplain."
    )
    quotes = quotes_of(nlp, text)
    review = _containing(quotes, "order a full review")
    assert "warned" not in review.text and "floodplain" not in review.text
    warning = _containing(quotes, "against building on the floodplain")
    assert warning is not review
    assert warning.speaker_name == "Sarah Mitchell"


@pytest.mark.parametrize(
    ("text", "passage", "speaker"),
    [
        (
            "Councillor Imogen Tully took aim at the company by mentioning the cost of the booms and adding, "
            '"I have an idea of who should pay for them."',
            '"I have an idea of who should pay for them."',
            "Imogen Tully",
        ),
        (
            "Small groups of protesters continued to call for more information about the spill, looping the streets "
            'around the harbour - where the ferries dock - while chanting, "Close the river, save the bay."',
            '"Close the river, save the bay."',
            None,  # the parser hangs "chanting" on "dock", so who chants is not read right yet
        ),
    ],
)
def test_a_passage_goes_to_the_cue_right_before_it_not_to_the_report_around_it(
    nlp: Language, text: str, passage: str, speaker: str | None
) -> None:
    quotes = quotes_of(nlp, text)
    holding = [q for q in quotes if passage.strip('"').rstrip(".") in q.text]
    assert [q.kind for q in holding] == ["direct"] and holding[0].text == passage, [q.text for q in quotes]
    if speaker is not None:
        assert holding[0].speaker_name == speaker


@pytest.mark.parametrize(
    ("headline", "quoted"),
    [
        ("Chemical barge hits rail bridge near Marlow Bay, residents evacuated", False),
        ("Barge spill cleanup will take years, harbor commissioner says", True),
    ],
)
def test_a_headline_passive_with_its_auxiliary_left_out_is_no_attribution(
    nlp: Language, headline: str, quoted: bool
) -> None:
    text = f"{headline}\n\nBy Staff Reporter\n\nA barge struck a bridge pier early Tuesday, officials said."
    quotes = quotes_of(nlp, text)
    assert any(q.start < len(headline) for q in quotes) is quoted, [q.text for q in quotes]
    assert any("struck a bridge pier" in q.text for q in quotes)


def test_a_clause_coordinated_after_a_postposed_cue_is_not_what_was_said(nlp: Language) -> None:
    text = "Owen Brask stood by the slip.\n\n“Tell them I promised you a picture,” Brask said, and his wife cut in."
    quote = _containing(quotes_of(nlp, text), "promised you a picture")
    assert "cut in" not in quote.text and quote.kind == "direct" and quote.speaker_name == "Owen Brask"


@pytest.mark.parametrize(
    ("text", "report", "reporter", "voice", "speaker"),
    [
        (
            "Mayor Elena Reyes said on Monday the ferry would not run on Sundays, and when pressed on why the "
            'timetable leaves out weekends, Harbour master Owen Brask replied, "It is a matter of crew hours, and we '
            'cannot pay for more of them this year."',
            "ferry would not run on Sundays",
            "Elena Reyes",
            "matter of crew hours",
            "Owen Brask",
        ),
        (
            "The Marlow Bay Courier reported that the council had voted to close the pier, and Commissioner Dana "
            'Okafor later called the vote "a mistake we will pay for."',
            "council had voted to close the pier",
            "Marlow Bay Courier",
            "a mistake we will pay for",
            "Dana Okafor",
        ),
    ],
)
def test_a_speech_act_with_its_own_subject_coordinated_with_the_report_is_its_own_quote(
    nlp: Language, text: str, report: str, reporter: str, voice: str, speaker: str
) -> None:
    quotes = quotes_of(nlp, text)
    reported = _containing(quotes, report)
    assert voice not in reported.text and reported.speaker_name == reporter
    answer = _containing(quotes, voice)
    assert answer is not reported and answer.speaker_name == speaker


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            "Mayor Ana Ruiz said she did not expect the ferry to run before May, arguing that the pier needed "
            "new pilings.",
            "did not expect the ferry",
            "pier needed new pilings",
        ),
        (
            "Senator Lena Park told reporters she did not believe the plan would pass, arguing that it lacked the "
            "votes.",
            "did not believe the plan",
            "it lacked the votes",
        ),
    ],
)
def test_participle_after_the_reported_clause_reports_its_own_content(
    nlp: Language, text: str, first: str, second: str
) -> None:
    quotes = quotes_of(nlp, text)
    report = _containing(quotes, first)
    assert "arguing" not in report.text and second not in report.text
    argument = _containing(quotes, second)
    assert argument is not report and argument.speaker_name == report.speaker_name


def test_a_verb_before_a_colon_reports_the_passage_after_it(nlp: Language) -> None:
    text = (
        "About 500 people slept on camp beds in the school gymnasium.\n\n"
        "Mayor Ana Ruiz posted on Tuesday evening: “To everyone sleeping at the school tonight: thank you for "
        "your patience. We will get you home.”"
    )
    quote = _containing(quotes_of(nlp, text), "thank you for your patience")
    assert quote.speaker_name == "Ana Ruiz"
    assert quote.cue_start is not None and text[quote.cue_start : quote.cue_end] == "posted"


def test_first_paragraph_of_a_quote_over_two_goes_to_the_cue_of_the_second(nlp: Language) -> None:
    text = (
        "Chief Inspector Ana Ruiz opened the session with a statement to the room.\n\n"
        "“This inquiry is not a trial, and nobody in this room is a defendant. Our task is to find out how a "
        "ferry came to strike the pier.\n\n"
        "“We will hear from the company and from the crews, and we will publish what we find,” she said."
    )
    assert _containing(quotes_of(nlp, text), "This inquiry is not a trial").speaker_name == "Ana Ruiz"


def test_conjunct_clause_with_its_own_subject_stays_in_the_report(nlp: Language) -> None:
    text = "Piet Olsen said the ferry sank and rescuers found two crew members."
    quote = _containing(quotes_of(nlp, text), "the ferry sank")
    assert "rescuers found two crew members" in quote.text


def test_short_spoken_line_after_a_quote_continues_it(nlp: Language) -> None:
    text = (
        "Piet Olsen watched the first ferry come in.\n\n"
        "“There she is, at last,” he said. “Right on time.”\n\n"
        "The harbor was quiet again by noon."
    )
    quotes = quotes_of(nlp, text)
    line = _containing(quotes, "Right on time")
    assert line is _containing(quotes, "There she is")
    assert line.speaker_name == "Piet Olsen"


def test_a_line_calling_someone_by_name_is_speech_not_a_title(nlp: Language) -> None:
    """"“That's the way it is, Nicole.”" has its longer words capitalised like a title's, but a sentence that calls
    someone by name is speech: it goes on with the quote before it. A signature's name is no speech."""
    text = (
        "Piet Olsen laughed, heartily.\n\n"
        '"Politics is a tough game," Olsen said. "That\'s the way it is, Nicole."\n\n'
        "The harbor was quiet again by noon."
    )
    quotes = quotes_of(nlp, text)
    assert _containing(quotes, "the way it is") is _containing(quotes, "tough game")
    from dateline.analyze.quotes import _is_title
    from dateline.analyze.quotes_marks import quoted_passages

    signed = 'The letter ended: "Charles Chamberlain, Harbor for All." And that was all.'
    assert [_is_title(signed, passage) for passage in quoted_passages(signed)] == [True]


def test_question_cut_off_from_its_cue_by_the_sentence_splitter_keeps_its_speaker(nlp: Language) -> None:
    text = (
        "Harbor master Piet Olsen met the ferry crews on Monday.\n\n"
        "“Does anybody know when the new pier will open?” Olsen asked. “Nobody does.”"
    )
    quote = _containing(quotes_of(nlp, text), "Does anybody know")
    assert quote.cue_start is not None and text[quote.cue_start : quote.cue_end] == "asked"
    assert quote.speaker_name == "Piet Olsen"


def test_two_short_capitalised_sentences_are_speech_not_a_title() -> None:
    from dateline.analyze.quotes import _is_title

    speech, title = "“The Captain. Our Captain.”", "“Meet The Harbor Captain”"
    assert not _is_title(speech, quoted_passages(speech)[0])
    assert _is_title(title, quoted_passages(title)[0])


@pytest.mark.parametrize(
    ("text", "title"),
    [
        pytest.param("Okafor spoke on “Mornings with Dana Ruiz,” a radio show.", True, id="small word in a title"),
        pytest.param("The host of the reality show “The Boat,” Okafor said.", True, id="the name of a show"),
        pytest.param("His 2009 book “The Tide,” sold well.", True, id="the name of a book"),
        pytest.param("Okafor called the show “the best news show on the coast.”", False, id="a description"),
        pytest.param("The remark by Dr. Ada Song “was unfair to the crews.”", False, id="Song is a surname"),
        pytest.param("“We’re like brothers, Tom and I,” he said.", False, id="like is no small word"),
        pytest.param("NOW OPEN—“The harbor museum opens its doors to the town,” by the Gazette's Ann Lee: more.", True,
                     id="a newsletter's headline credited to its author"),
        pytest.param("Okafor said the mayor was “rocked again” by Arle on Monday.", False, id="a passive's agent"),
    ],
)
def test_a_short_capitalised_passage_after_a_work_or_with_small_words_is_a_title(text: str, title: bool) -> None:
    from dateline.analyze.quotes import _is_title

    assert _is_title(text, quoted_passages(text)[0]) is title


@pytest.mark.parametrize(
    "text",
    [
        "“The harbor is in panic mode. Full panic mode,” said Leslie Wimes, a ferry captain from Riverton.",
        "“The town is in panic mode. Total panic mode,” said Dana Okafor, who runs the ferry workers’ union.",
    ],
)
def test_words_inside_the_quote_are_not_its_speaker(nlp: Language, text: str) -> None:
    quote = _containing(quotes_of(nlp, text), "panic mode")
    assert quote.speaker_name in ("Leslie Wimes", "Dana Okafor")


def test_indefinite_title_is_an_unnamed_source_not_the_named_holder(nlp: Language) -> None:
    text = (
        "Harbor board spokesman Brian Tanaka said on Monday that the pier would close for repairs.\n\n"
        "A spokesman for the ferry company said the boats would keep running from the old dock."
    )
    quotes = quotes_of(nlp, text)
    assert _containing(quotes, "pier would close").speaker_name == "Brian Tanaka"
    other = _containing(quotes, "boats would keep running")
    assert other.speaker_name != "Brian Tanaka"
    assert other.speaker_kind == "anonymous"


def test_noun_just_before_a_subjectless_verb_of_saying_is_its_speaker(nlp: Language) -> None:
    from dateline.analyze.quotes_speaker_phrase import find_speaker

    # "But Mitchell claims that the pier is safe." parsed with "claims" a plural noun and "Mitchell" its compound
    words = ["But", "Mitchell", "claims", "that", "the", "pier", "is", "safe", "."]
    heads = [2, 2, 2, 6, 5, 6, 2, 6, 2]
    deps = ["cc", "compound", "ROOT", "mark", "det", "nsubj", "ccomp", "acomp", "punct"]
    pos = ["CCONJ", "PROPN", "NOUN", "SCONJ", "DET", "NOUN", "AUX", "ADJ", "PUNCT"]
    tags = ["CC", "NNP", "NNS", "IN", "DT", "NN", "VBZ", "JJ", "."]
    doc = _parsed(nlp, words, heads, deps, pos, [1] + [0] * 8, tags)
    speaker = find_speaker(doc[2], doc.text)
    assert speaker is not None and doc.text[speaker.start : speaker.end] == "Mitchell"
    # a passive names no speaker before it: "The pier was viewed as safe."
    words = ["The", "pier", "was", "viewed", "as", "safe", "."]
    heads = [1, 3, 3, 3, 3, 4, 3]
    deps = ["det", "nsubjpass", "auxpass", "ROOT", "prep", "amod", "punct"]
    pos = ["DET", "NOUN", "AUX", "VERB", "ADP", "ADJ", "PUNCT"]
    tags = ["DT", "NN", "VBD", "VBN", "IN", "JJ", "."]
    doc = _parsed(nlp, words, heads, deps, pos, [1] + [0] * 6, tags)
    assert find_speaker(doc[3], doc.text) is None


def test_speaker_in_the_paragraph_when_the_parse_took_a_subject_from_the_one_before(nlp: Language) -> None:
    from dateline.analyze.quotes_speaker_phrase import find_speaker

    # "The Latest:\n\nSarah Mitchell is again questioning the pier." parsed with "Latest" as the subject
    words = ["The", "Latest", ":", "\n\n", "Sarah", "Mitchell", "is", "again", "questioning", "the", "pier", "."]
    heads = [1, 8, 1, 2, 5, 1, 8, 8, 8, 10, 8, 8]
    deps = ["det", "nsubj", "punct", "dep", "compound", "appos", "aux", "advmod", "ROOT", "det", "dobj", "punct"]
    pos = ["DET", "PROPN", "PUNCT", "SPACE", "PROPN", "PROPN", "AUX", "ADV", "VERB", "DET", "NOUN", "PUNCT"]
    tags = ["DT", "NNP", ":", "_SP", "NNP", "NNP", "VBZ", "RB", "VBG", "DT", "NN", "."]
    doc = _parsed(nlp, words, heads, deps, pos, [1] + [0] * 11, tags)
    speaker = find_speaker(doc[8], doc.text)
    assert speaker is not None and doc.text[speaker.start : speaker.end] == "Sarah Mitchell"


def test_bare_surname_stays_with_the_person_named_first_not_a_relative(nlp: Language) -> None:
    text = (
        "Senator Ted Cruz spoke to delegates in Houston on Monday. His father, Rafael Cruz, sat in the front row.\n\n"
        "Cruz said the party had to unite before the election."
    )
    assert _containing(quotes_of(nlp, text), "party had to unite").speaker_name == "Ted Cruz"


def test_surname_addressed_as_a_man_is_not_the_woman_of_that_name(nlp: Language) -> None:
    text = (
        "President Mitchell opened the new harbor on Monday, with Sarah Mitchell beside him.\n\n"
        "Mr. Mitchell said the harbor would bring jobs back to the town."
    )
    quote = _containing(quotes_of(nlp, text), "bring jobs back")
    assert quote.speaker_name != "Sarah Mitchell"
    assert quote.speaker_name is not None and quote.speaker_name.endswith("Mitchell")


def test_she_skips_a_man_who_shares_her_surname(nlp: Language) -> None:
    text = (
        "Bill Mitchell and Sarah Mitchell toured the flooded harbor on Monday.\n\n"
        "Sarah Mitchell stayed with the ferry crews. Bill Mitchell left early.\n\n"
        "“We will rebuild this pier before the winter storms,” she said."
    )
    assert _containing(quotes_of(nlp, text), "rebuild this pier").speaker_name == "Sarah Mitchell"


@pytest.mark.parametrize(
    "text",
    [
        "The harbor board has a new campaign ad attacking the mayor.\n\n"
        "The 30-second spot, titled “Reckless,” features a Riverton Ledger report from over the weekend.",
        'Olsen unloaded on Mitchell in return, yoking her with the nickname "Late Sarah." '
        'Olsen called the mayor a "nasty boss."',
    ],
)
def test_name_of_a_thing_in_quote_marks_is_no_quote(nlp: Language, text: str) -> None:
    assert not any("Reckless" in q.text or "Late Sarah" in q.text for q in quotes_of(nlp, text))


def test_quote_introduced_by_a_colon_after_a_naming_word_is_speech(nlp: Language) -> None:
    text = "The Riverton Ledger used one of the captain’s words as its headline: “We will sail again tomorrow.”"
    assert _containing(quotes_of(nlp, text), "We will sail again").kind in ("direct", "mixed")


def test_gendered_noun_before_a_name_tells_the_gender(nlp: Language) -> None:
    text = (
        "“We waited too long for this pier,” said ferry widow Terry Okafor.\n\n"
        "Mayor Tom Brandt later toured the dock.\n\n"
        "“Nobody should wait another winter,” she said."
    )
    assert _containing(quotes_of(nlp, text), "another winter").speaker_name == "Terry Okafor"


def test_participle_after_its_clause_speaks_with_that_clause_subject(nlp: Language) -> None:
    # the parser makes the quoted words the root and the participle their conjunct: no subject is reached by climbing
    text = (
        "Mayor Dana Okafor hardly settled the matter, treating the question first as a joke -- ''That is old news'' "
        "-- and, when pressed after the meeting, insisting, ''Of course the pier will reopen next week.''"
    )
    quote = _containing(quotes_of(nlp, text), "the pier will reopen")
    assert quote.speaker_name == "Dana Okafor"


def test_participle_opening_a_sentence_speaks_with_the_subject_after_it(nlp: Language) -> None:
    from dateline.analyze.quotes_speaker_phrase import find_speaker

    # a glued scrape: the participle hangs on the verb of the quote before it, across its closing mark
    words = ["It", "is", "rigged", ".", "”", "\n\n", "Bemoaning", "the", "“", "phony", "schedule", ",", "”",
             "Okafor", "accused", "Holt", "."]
    heads = [1, 1, 1, 1, 1, 4, 1, 10, 10, 10, 6, 14, 14, 14, 1, 14, 14]
    deps = ["nsubj", "ROOT", "acomp", "punct", "punct", "dep", "advcl", "det", "punct", "amod", "dobj", "punct",
            "punct", "nsubj", "conj", "dobj", "punct"]
    pos = ["PRON", "AUX", "ADJ", "PUNCT", "PUNCT", "SPACE", "VERB", "DET", "PUNCT", "ADJ", "NOUN", "PUNCT", "PUNCT",
           "PROPN", "VERB", "PROPN", "PUNCT"]
    tags = ["PRP", "VBZ", "JJ", ".", "''", "_SP", "VBG", "DT", "``", "JJ", "NN", ",", "''", "NNP", "VBD", "NNP", "."]
    doc = _parsed(nlp, words, heads, deps, pos, [1] + [0] * 16, tags)
    speaker = find_speaker(doc[6], doc.text)
    assert speaker is not None
    assert doc.text[speaker.start : speaker.end] == "Okafor"


def test_reporter_aside_worth_noting_has_no_speaker(nlp: Language) -> None:
    quotes = quotes_of(nlp, "It is worth noting that the harbor closed twice last year.")
    assert all(q.speaker_name is None and q.speaker_start is None for q in quotes)


def test_subject_shared_across_quoted_words_speaks_the_participle_before_them(nlp: Language) -> None:
    # "Ruiz" and "the families" are both subjects of "deserve"; quote marks stand between the verb and "Ruiz" only
    text = (
        "Port director Sam Ruiz, despite conceding that he did have concerns about “lawyers trying to get rich” "
        "and other “legal matters” that could be costly, the families “deserve their day in court” and he does "
        "support the bill."
    )
    quote = _containing(quotes_of(nlp, text), "he did have concerns")
    assert quote.speaker_name == "Sam Ruiz"


def test_first_name_the_entity_model_missed_keeps_its_own_person(nlp: Language) -> None:
    from spacy.tokens import Span

    # the entity model takes "Maria Brandt" for a product: a known first name still makes her a person, not
    # the "Brandt" the article names first, and her "she" is not given to the other woman quoted
    text = (
        "Mayor Peter Brandt said the pier would reopen in May.\n\n"
        "“We are behind schedule,” said Hanna Lind, the harbor engineer.\n\n"
        "In a column last week, Maria Brandt acknowledged the delays. “The families have waited long enough,” "
        "she wrote."
    )
    doc = nlp(text)
    names = [("Peter Brandt", "PERSON"), ("Hanna Lind", "PERSON"), ("Maria Brandt", "PRODUCT")]
    spans = []
    for name, label in names:
        start = text.index(name)
        span = doc.char_span(start, start + len(name), label=label)
        assert span is not None
        spans.append(span)
    doc.ents = [Span(doc, s.start, s.end, label=s.label_) for s in spans]
    quotes = find_quotes(doc, find_mentions(doc, "t"), "t")
    assert _containing(quotes, "the delays").speaker_name == "Maria Brandt"
    assert _containing(quotes, "waited long enough").speaker_name == "Maria Brandt"


def test_surname_gender_is_not_lent_to_another_first_name(nlp: Language) -> None:
    # "Brandt" is a man's surname here by "Peter Brandt"; "Ilse" tells nothing, so "she" may still be her
    text = (
        "Mayor Peter Brandt said the pier would reopen in May. He blamed the storms.\n\n"
        "“We are behind schedule,” said Hanna Lind, the harbor engineer.\n\n"
        "Ilse Brandt, who runs the ferry office, disagreed. “The families have waited long enough,” she said."
    )
    assert _containing(quotes_of(nlp, text), "waited long enough").speaker_name == "Ilse Brandt"


def test_participle_on_an_occasion_speaks_with_who_speaks_there(nlp: Language) -> None:
    text = (
        "Harbor director Maria Okafor has led the port since 2019.\n\n"
        "“We will rebuild this pier,” she said at a news conference announcing that the harbor would reopen in May."
    )
    quote = _containing(quotes_of(nlp, text), "the harbor would reopen")
    assert quote.speaker_name == "Maria Okafor"


def test_description_with_a_name_beside_it_speaks_as_that_person(nlp: Language) -> None:
    text = (
        "The harbor board met on Monday.\n\n"
        "A spokesman for the board, Tomas Reyes, said the pier would reopen in May. "
        "“We are on schedule,” he added."
    )
    quotes = quotes_of(nlp, text)
    assert _containing(quotes, "the pier would reopen").speaker_name == "Tomas Reyes"
    assert _containing(quotes, "We are on schedule").speaker_name == "Tomas Reyes"


def test_group_listing_its_members_is_not_one_of_them(nlp: Language) -> None:
    text = "Two objectors, Lawrence Okafor and William Brandt, said the ballot was unlawful."
    quote = _containing(quotes_of(nlp, text), "the ballot was unlawful")
    assert quote.speaker_name not in ("Lawrence Okafor", "William Brandt")


def test_inverted_attribution_names_the_speaker_after_the_verb(nlp: Language) -> None:
    text = (
        "Tax adviser Ryan Okafor has studied the harbor levy for years.\n\n"
        "If anything, experts say the plan would make the levy more complicated. "
        "Said Okafor: “I don’t get the sense the board is the least bit interested in reform.”\n\n"
        "Said Dana Lind, who runs the ferry office, “We were all so proud of the crews.”"
    )
    quotes = quotes_of(nlp, text)
    first = _containing(quotes, "the least bit interested")
    assert (first.speaker_name, first.kind, text[first.cue_start : first.cue_end]) == ("Ryan Okafor", "direct", "Said")
    assert first.text.startswith("“I don’t") and first.text.endswith("reform.”")
    assert _containing(quotes, "so proud of the crews").speaker_name == "Dana Lind"


def test_verb_first_sentence_naming_no_one_is_no_inversion() -> None:
    from dateline.analyze.quotes_transcript import inversions

    assert inversions("Asked Monday, “Will the pier open?” the mayor shrugged.") == []
    assert inversions("He said: “The pier will open in May.”") == []


def test_who_stands_for_people_not_the_place_or_thing_the_clause_hangs_on(nlp: Language) -> None:
    text = (
        "The ferry plan is likely to placate nervous officials at the Harbor Authority, who have argued that the "
        "crossing helps the harbor towns.\n\n"
        "The closed pier has become a focal point for demonstrators here, who have said the board ignored them."
    )
    quotes = quotes_of(nlp, text)
    assert _containing(quotes, "the crossing helps").speaker_name.startswith("nervous officials")
    assert _containing(quotes, "the board ignored them").speaker_name.startswith("demonstrators")


def test_verb_opening_a_list_item_takes_no_subject_from_after_it(nlp: Language) -> None:
    text = (
        "Here is what the candidate has done this year.\n\n"
        "Calls men derogatory names, like “pigs,” and operates a beauty pageant for the harbor towns."
    )
    assert all(q.speaker_name != "men" for q in quotes_of(nlp, text))


def test_subject_after_its_verb_still_speaks_after_a_quote(nlp: Language) -> None:
    text = "“The pier will open in May, and the ferry will run again,” said Dana Okafor, the harbor director."
    assert _containing(quotes_of(nlp, text), "the ferry will run").speaker_name == "Dana Okafor"


def test_cue_under_an_adjective_shares_the_subject_of_its_copula(nlp: Language) -> None:
    text = (
        "The harbor board meets on Monday. Mayor Dana Okafor will be unable to turn the crowd against the board "
        "and accuse its members of wasting money on the old pier."
    )
    quote = _containing(quotes_of(nlp, text), "of wasting money")
    assert quote.speaker_name == "Dana Okafor"


def test_subjectless_verb_after_an_aside_takes_the_noun_before_the_aside(nlp: Language) -> None:
    from dateline.analyze.quotes_speaker_phrase import find_speaker

    # a dateline glued to the subject: "Okafor" parsed as an apposition of "MARLOW", "said" left without subject
    words = ["MARLOW", "--", "Mayor", "Okafor", ",", "opening", "the", "terminal", ",", "said", "it", "would", "last",
             "."]
    heads = [9, 0, 3, 0, 9, 9, 7, 5, 9, 9, 12, 12, 9, 9]
    deps = ["npadvmod", "punct", "compound", "appos", "punct", "advcl", "det", "dobj", "punct", "ROOT", "nsubj",
            "aux", "ccomp", "punct"]
    pos = ["PROPN", "PUNCT", "PROPN", "PROPN", "PUNCT", "VERB", "DET", "NOUN", "PUNCT", "VERB", "PRON", "AUX",
           "VERB", "PUNCT"]
    tags = ["NNP", ":", "NNP", "NNP", ",", "VBG", "DT", "NN", ",", "VBD", "PRP", "MD", "VB", "."]
    doc = _parsed(nlp, words, heads, deps, pos, [1] + [0] * 13, tags)
    speaker = find_speaker(doc[9], doc.text)
    assert speaker is not None
    assert doc.text[speaker.start : speaker.end].endswith("Okafor")


def _speaker_text(doc: Doc, cue: int) -> str | None:
    """Return the words find_speaker names for the cue at a token index, or None."""
    from dateline.analyze.quotes_speaker_phrase import find_speaker

    speaker = find_speaker(doc[cue], doc.text)
    return None if speaker is None else doc.text[speaker.start : speaker.end]


def test_verb_the_parse_left_loose_after_a_comma_shares_the_subject_before(nlp: Language) -> None:
    # "revealed" hung on "paused" as a bare dependent, not a conjunct: a second predicate of the same subject
    words = ["Okafor", "paused", ",", "then", "revealed", "that", "it", "failed", "."]
    heads = [1, 1, 1, 4, 1, 7, 7, 4, 1]
    deps = ["nsubj", "ROOT", "punct", "advmod", "dep", "mark", "nsubj", "ccomp", "punct"]
    pos = ["PROPN", "VERB", "PUNCT", "ADV", "VERB", "SCONJ", "PRON", "VERB", "PUNCT"]
    tags = ["NNP", "VBD", ",", "RB", "VBD", "IN", "PRP", "VBD", "."]
    doc = _parsed(nlp, words, heads, deps, pos, [1] + [0] * 8, tags)
    assert _speaker_text(doc, 4) == "Okafor"


def test_participle_after_a_comma_parsed_as_a_subject_speaks_with_the_clause_before(nlp: Language) -> None:
    # "noting" taken for the subject of the quoted verb after it; a comma before it makes it a participle
    words = ["Okafor", "said", "Tuesday", ",", "noting", "the", "plan", "“", "fails", "everyone", ".", "”"]
    heads = [1, 1, 1, 1, 8, 6, 4, 8, 1, 8, 1, 1]
    deps = ["nsubj", "ROOT", "npadvmod", "punct", "csubj", "det", "dobj", "punct", "advcl", "dobj", "punct", "punct"]
    pos = ["PROPN", "VERB", "PROPN", "PUNCT", "VERB", "DET", "NOUN", "PUNCT", "VERB", "PRON", "PUNCT", "PUNCT"]
    tags = ["NNP", "VBD", "NNP", ",", "VBG", "DT", "NN", "``", "VBZ", "NN", ".", "''"]
    doc = _parsed(nlp, words, heads, deps, pos, [1] + [0] * 11, tags)
    assert _speaker_text(doc, 4) == "Okafor"


def test_party_and_state_in_parentheses_between_name_and_verb(nlp: Language) -> None:
    # the parse hung the name on the forum before it and left "called" without a subject
    words = ["At", "the", "forum", "Rep.", "Okafor", "(", "D-Lee", ")", "called", "out", "his", "rival", "."]
    heads = [8, 2, 0, 4, 2, 4, 4, 4, 8, 8, 11, 8, 8]
    deps = ["prep", "det", "pobj", "compound", "appos", "punct", "appos", "punct", "ROOT", "prt", "poss", "dobj",
            "punct"]
    pos = ["ADP", "DET", "NOUN", "PROPN", "PROPN", "PUNCT", "PROPN", "PUNCT", "VERB", "ADP", "PRON", "NOUN", "PUNCT"]
    tags = ["IN", "DT", "NN", "NNP", "NNP", "-LRB-", "NNP", "-RRB-", "VBD", "RP", "PRP$", "NN", "."]
    doc = _parsed(nlp, words, heads, deps, pos, [1] + [0] * 12, tags)
    assert (_speaker_text(doc, 8) or "").startswith("Rep. Okafor")


def test_a_subject_the_parse_took_from_inside_a_parenthesis_gives_way_to_the_name_before_it(nlp: Language) -> None:
    # "Denis Okafor (then deputy harbor master) heaps praise": the parse made "master" the subject
    words = ["Chair", "Denis", "Okafor", "(", "then", "deputy", "master", ")", "heaps", "praise", "."]
    heads = [2, 2, 6, 6, 6, 6, 8, 6, 8, 8, 8]
    deps = ["compound", "compound", "dep", "punct", "advmod", "compound", "nsubj", "punct", "ROOT", "dobj", "punct"]
    pos = ["PROPN", "PROPN", "PROPN", "PUNCT", "ADV", "NOUN", "NOUN", "PUNCT", "VERB", "NOUN", "PUNCT"]
    tags = ["NNP", "NNP", "NNP", "-LRB-", "RB", "NN", "NN", "-RRB-", "VBZ", "NN", "."]
    doc = _parsed(nlp, words, heads, deps, pos, [1] + [0] * 10, tags)
    assert _speaker_text(doc, 8) == "Chair Denis Okafor"


def test_relative_clause_between_name_and_verb_is_read_over(nlp: Language) -> None:
    # "Okafor" left a loose dependent: the verb after the relative clause has no subject in the parse
    words = ["Mayor", "Okafor", ",", "who", "has", "denounced", "the", "attack", ",", "reiterated", "her", "call", "."]
    heads = [1, 9, 1, 5, 5, 1, 7, 5, 9, 9, 11, 9, 9]
    deps = ["compound", "dep", "punct", "nsubj", "aux", "relcl", "det", "dobj", "punct", "ROOT", "poss", "dobj",
            "punct"]
    pos = ["PROPN", "PROPN", "PUNCT", "PRON", "AUX", "VERB", "DET", "NOUN", "PUNCT", "VERB", "PRON", "NOUN", "PUNCT"]
    tags = ["NNP", "NNP", ",", "WP", "VBZ", "VBN", "DT", "NN", ",", "VBD", "PRP$", "NN", "."]
    doc = _parsed(nlp, words, heads, deps, pos, [1] + [0] * 12, tags)
    assert (_speaker_text(doc, 9) or "").startswith("Mayor Okafor")


@pytest.mark.parametrize(
    ("text", "asker"),
    [
        ("Asked whether she would run again, Mayor Okafor said she had not decided.", None),
        ("“We are not ready,” Okafor told reporters when asked about the bridge.", None),
        ("Okafor was asked by the councillor Jean Marlow whether it would reopen.", "the councillor Jean Marlow"),
        ("Okafor has asked the council whether the bridge would reopen.", "Okafor"),
    ],
)
def test_who_is_asked_does_not_ask(nlp: Language, text: str, asker: str | None) -> None:
    from dateline.analyze.quotes_speaker_phrase import find_speaker

    doc = nlp(text)
    cue = next(token for token in doc if token.lower_ == "asked")
    speaker = find_speaker(cue, doc.text)
    assert (None if speaker is None else doc.text[speaker.start : speaker.end]) == asker


def test_it_in_a_parenthetical_cue_is_not_the_subject_of_what_it_says(nlp: Language) -> None:
    text = (
        "The Harbor Authority published its ferry plan on Monday. The plan would add two boats. "
        "The average crossing, it says, would take 40 minutes."
    )
    quote = _containing(quotes_of(nlp, text), "would take 40 minutes")
    assert quote.speaker_name is not None and "crossing" not in quote.speaker_name


def test_surname_first_name_is_the_full_name_of_its_surname(nlp: Language) -> None:
    text = (
        "Kim Da-moon, the harbor envoy, arrived on Monday.\n\n"
        "Mr. Kim said the ferry would run again by May."
    )
    assert _containing(quotes_of(nlp, text), "the ferry would run").speaker_name == "Kim Da-moon"


def test_words_introducing_a_quote_with_a_colon_are_not_what_the_cue_after_it_reports(nlp: Language) -> None:
    text = (
        "The ferry company defended its schedule on Monday.\n\n"
        "Harbor commissioner Maria Okafor scolded him: “The crews are almost unanimous against you in terms of "
        "the safety of the three boats you called ‘modern,’” she said."
    )
    quote = _containing(quotes_of(nlp, text), "almost unanimous against you")
    assert quote.speaker_name == "Maria Okafor"
    assert "scolded" not in quote.text


def test_show_after_a_possessive_and_term_after_a_determiner_are_no_speech(nlp: Language) -> None:
    from dateline.analyze.quotes import _is_term
    from dateline.analyze.quotes_marks import quoted_passages

    text = (
        "Harbor director Dana Okafor said on Thursday morning on Marlow Radio’s “Sea and Friends.” that the pier "
        "would reopen."
    )
    assert not any(q.kind == "direct" and "Sea and Friends" in q.text for q in quotes_of(nlp, text))

    term = 'The old ferries would be placed in a separate "liquidating trust."'
    [passage] = quoted_passages(term)
    assert _is_term(term, passage, 2)
    spoken = 'The crews were tired. "Right on time," she said.'
    [passage] = quoted_passages(spoken)
    assert not _is_term(spoken, passage, 3)


def test_markup_attribute_values_are_no_quotes(nlp: Language) -> None:
    text = (
        'The fact-checkers rated it Mostly True. <tweet tweet-author="harborwatch" tweet-text="the pier will '
        'reopen in May, the board says, after two years">The ferry crews cheered on Monday.'
    )
    assert not any("the pier will reopen" in q.text and q.kind == "direct" for q in quotes_of(nlp, text))


def test_that_clause_the_parser_took_for_an_adverbial_is_what_the_cue_reports() -> None:
    from spacy.tokens import Doc

    from dateline.analyze import nlp as dateline_nlp
    from dateline.analyze.quotes import _that_clause

    vocab = dateline_nlp.load().vocab
    # "Okafor tweeted in the morning that the pier was “unsafe”" with the that-clause parsed as an advcl
    words = ["Okafor", "tweeted", "in", "the", "morning", "that", "the", "pier", "was", "unsafe", "."]
    heads = [1, 1, 1, 4, 2, 8, 7, 8, 1, 8, 1]
    deps = ["nsubj", "ROOT", "prep", "det", "pobj", "advmod", "det", "nsubj", "advcl", "acomp", "punct"]
    doc = Doc(vocab, words=words, heads=heads, deps=deps)
    assert _that_clause(doc[8], "advcl", set())
    # "so that" opens a clause of purpose, not what was said
    words = ["Okafor", "left", "early", "so", "that", "the", "crew", "could", "rest", "."]
    heads = [1, 1, 1, 8, 8, 6, 8, 8, 1, 1]
    deps = ["nsubj", "ROOT", "advmod", "advmod", "mark", "det", "nsubj", "aux", "advcl", "punct"]
    doc = Doc(vocab, words=words, heads=heads, deps=deps)
    assert not _that_clause(doc[8], "advcl", set())


def test_date_taken_for_the_subject_gives_way_to_the_person_in_its_phrase(nlp: Language) -> None:
    from spacy.tokens import Span

    # "Saturday at the convention Mayor Dana Okafor said …" parsed with "Saturday" the subject of "said"
    words = ["Saturday", "at", "the", "convention", "Mayor", "Dana", "Okafor", "said", "the", "pier", "would",
             "reopen", "in", "May", "."]
    heads = [7, 0, 3, 1, 6, 6, 3, 7, 9, 11, 11, 7, 11, 12, 7]
    deps = ["nsubj", "prep", "det", "pobj", "compound", "compound", "appos", "ROOT", "det", "nsubj", "aux", "ccomp",
            "prep", "pobj", "punct"]
    pos = ["PROPN", "ADP", "DET", "NOUN", "PROPN", "PROPN", "PROPN", "VERB", "DET", "NOUN", "AUX", "VERB", "ADP",
           "PROPN", "PUNCT"]
    tags = ["NNP", "IN", "DT", "NN", "NNP", "NNP", "NNP", "VBD", "DT", "NN", "MD", "VB", "IN", "NNP", "."]
    doc = _parsed(nlp, words, heads, deps, pos, [1] + [0] * 14, tags)
    for token in doc:
        token.lemma_ = "say" if token.text == "said" else token.lower_
    doc.ents = [Span(doc, 0, 1, label="DATE"), Span(doc, 5, 7, label="PERSON"), Span(doc, 13, 14, label="DATE")]
    quote = _containing(find_quotes(doc, find_mentions(doc, "t"), "t"), "the pier would reopen")
    assert quote.speaker_name == "Dana Okafor"


DATELINE_PARSES = [
    pytest.param(
        # "Port Marlow (AFP) – Mayor Dana Okafor said …" parsed with the place the subject and the person beside it
        ["Port", "Marlow", "(", "AFP", ")", "–", "Mayor", "Dana", "Okafor", "said", "the", "pier", "would", "reopen",
         "."],
        [1, 9, 3, 1, 3, 1, 8, 8, 1, 9, 11, 13, 13, 9, 9],
        ["compound", "nsubj", "punct", "appos", "punct", "punct", "compound", "compound", "appos", "ROOT", "det",
         "nsubj", "aux", "ccomp", "punct"],
        ["PROPN", "PROPN", "PUNCT", "PROPN", "PUNCT", "PUNCT", "PROPN", "PROPN", "PROPN", "VERB", "DET", "NOUN",
         "AUX", "VERB", "PUNCT"],
        ["NNP", "NNP", "-LRB-", "NNP", "-RRB-", ":", "NNP", "NNP", "NNP", "VBD", "DT", "NN", "MD", "VB", "."],
        [(0, 2, "GPE"), (3, 4, "ORG"), (7, 9, "PERSON")],
        id="a place the model tagged",
    ),
    pytest.param(
        # "MARLOW — Rep. Dana Okafor said …": the model tags no place at the dateline; "Marlow" later in the text is one
        ["MARLOW", "—", "Rep.", "Dana", "Okafor", "said", "the", "pier", "would", "reopen", "in", "Marlow", "."],
        [5, 0, 4, 4, 0, 5, 7, 9, 9, 5, 9, 10, 5],
        ["nsubj", "punct", "compound", "compound", "appos", "ROOT", "det", "nsubj", "aux", "ccomp", "prep", "pobj",
         "punct"],
        ["PROPN", "PUNCT", "PROPN", "PROPN", "PROPN", "VERB", "DET", "NOUN", "AUX", "VERB", "ADP", "PROPN", "PUNCT"],
        ["NNP", ":", "NNP", "NNP", "NNP", "VBD", "DT", "NN", "MD", "VB", "IN", "NNP", "."],
        [(3, 5, "PERSON"), (11, 12, "GPE")],
        id="a place only the entity layer knows",
    ),
]


@pytest.mark.parametrize(("words", "heads", "deps", "pos", "tags", "ents"), DATELINE_PARSES)
def test_place_of_a_dateline_taken_for_the_subject_gives_way_to_the_person(
    nlp: Language,
    words: list[str],
    heads: list[int],
    deps: list[str],
    pos: list[str],
    tags: list[str],
    ents: list[tuple[int, int, str]],
) -> None:
    from spacy.tokens import Span

    doc = _parsed(nlp, words, heads, deps, pos, [1] + [0] * (len(words) - 1), tags)
    for token in doc:
        token.lemma_ = "say" if token.text == "said" else token.lower_
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in ents]
    quote = _containing(find_quotes(doc, find_mentions(doc, "t"), "t"), "the pier would reopen")
    assert quote.speaker_name == "Dana Okafor"


def test_the_writers_own_i_is_not_the_last_person_named(nlp: Language) -> None:
    # an op-ed's first person outside any quotation speaks for the writer, whom the text does not name
    text = (
        "When my aunt Dana Okafor mentioned the harbour to me, I laughed and said, “I never liked boats.” "
        "Later I told my brother that the ferry would never run again."
    )
    quotes = quotes_of(nlp, text)
    for phrase in ("I never liked boats", "the ferry would never run again"):
        quote = _containing(quotes, phrase)
        assert quote.speaker_text == "I"
        assert quote.speaker_name == "the author"


def test_bare_surname_two_people_share_goes_to_the_one_the_context_tells(nlp: Language) -> None:
    text = (
        "Mayor Elena Reyes declared the fishery a local emergency last week.\n\n"
        "Tomas Reyes has two oyster leases off Saltmarsh Point and has not been able to check them since the spill. "
        "\"An oyster can't swim away. Whatever came down that river, they sat in it,\" Reyes said.\n\n"
        "On Wednesday Ms Reyes announced a fund for evacuated households, to cover hotel rooms and meals."
    )
    quotes = quotes_of(nlp, text)
    # the grower just named in full as a subject, not the mayor the article named first
    assert _containing(quotes, "An oyster can't swim away").speaker_name == "Tomas Reyes"
    # "Ms" tells which of the two
    assert _containing(quotes, "a fund for evacuated households").speaker_name == "Elena Reyes"


def test_the_head_of_an_organisation_is_the_leader_the_lede_names_next(nlp: Language) -> None:
    text = (
        "MARLOW BAY (CWS) — The head of Carrow Tide Logistics accepted responsibility for the spill on the Aldery "
        "River, telling a public inquiry on Tuesday that cleaning it up would cost the company $48-million.\n\n"
        "Gregory Pashley, the company's chief executive, told the inspectorate that the collision was "
        '"a failure, and it was ours".'
    )
    quote = _containing(quotes_of(nlp, text), "cleaning it up would cost")
    assert quote.speaker_text == "The head of Carrow Tide Logistics"
    assert quote.speaker_name == "Gregory Pashley"


def test_the_ceo_is_the_person_titled_chief_executive(nlp: Language) -> None:
    text = (
        "Carrow Tide Logistics chief executive Gregory Pashley spoke first at the inquiry.\n\n"
        "Pashley said the estimate covered containment. The CEO said that the company would pay the full cost."
    )
    quote = _containing(quotes_of(nlp, text), "the company would pay")
    assert (quote.speaker_text, quote.speaker_name) == ("The CEO", "Gregory Pashley")


@pytest.mark.parametrize(
    ("opening", "company"),
    [
        ("The barge belongs to Carrow Tide Logistics, which runs twelve barges.", "Carrow Tide Logistics"),
        ("Carrow Tide Logistics and Harland Shipping Co. both run barges on the river.", None),
    ],
)
def test_the_company_is_the_one_company_named_before(nlp: Language, opening: str, company: str | None) -> None:
    quote = _containing(quotes_of(nlp, f"{opening}\n\nThe company said it will pay for the cleanup."), "will pay")
    assert quote.speaker_text == "The company"
    # with two companies named, "the company" stays a description
    assert quote.speaker_name == (company or "The company")


BLOCK = """Harbour commissioner Ines Marlowe spoke to reporters at the ferry terminal on Monday.

Marlowe added:

The survey of the pier takes two more weeks, and nobody drives across the bridge until the engineers sign it off.

The harbour board meets again on Friday.
"""


def test_a_paragraph_a_cue_introduces_with_a_colon_is_what_it_reports(nlp: Language) -> None:
    quote = _containing(quotes_of(nlp, BLOCK), "The survey of the pier")
    assert quote.speaker_name == "Ines Marlowe"
    assert quote.text.endswith("sign it off.")  # the paragraph, not the one after it
    assert BLOCK[quote.cue_start or 0 : quote.cue_end or 0] == "added"


@pytest.mark.parametrize(
    "intro",
    [
        "Marlowe said she would explain the delay:",  # a second verb: what it says, if anything, is not known
        "The harbour board published this timetable:",  # no verb of saying
    ],
)
def test_a_colon_after_other_words_introduces_no_block_quote(nlp: Language, intro: str) -> None:
    text = BLOCK.replace("Marlowe added:", intro)
    start = text.index(intro)
    cued_there = [q for q in quotes_of(nlp, text) if start <= (q.cue_start or -1) < start + len(intro)]
    assert not [q for q in cued_there if "The survey of the pier" in q.text]


@pytest.mark.parametrize(
    ("text", "phrase", "speaker"),
    [
        pytest.param(
            '"I am not going to say it is a mistake, so forget about it," said retired harbor pilot Tom Arle, asked '
            "about his claims that he had received a medal from the port.",
            "forget about it", "Tom Arle", id="said a name, then a participle",
        ),
        pytest.param(
            '"They are spending their final days here squabbling," said Council ranking Liberal Dale Ferrin '
            '(L-Akron). "They should fix the ferry."',
            "final days here", "Dale Ferrin", id="said a name and its party",
        ),
        pytest.param(
            "Harbor board chair Ines Marlowe released the audit on Tuesday.\n\n"
            "“If anyone wonders why the pier is not yet finished, the delays in this audit are the answer,”\xa0added "
            "Marlowe.",
            "not yet finished", "Ines Marlowe", id="a scrape's space between the mark and the verb",
        ),
        pytest.param(
            "Editorial pages across the county warned that the ferry was doomed. "
            '"Riders should leave their cars at home," opined Marlow Bay\'s Harbor Gazette.',
            "leave their cars", "Harbor Gazette", id="an owner inside the name",
        ),
        pytest.param(
            "But Bill Skelly, a longtime harbor data operative, vouched for both pilots.\n\n“Having access to the "
            "harbor file and two people who understand it is valuable,” said Skelly, explaining he worked more closely "
            "with the pilots.",
            "harbor file", "Bill Skelly", id="a surname the tagger took for an adverb",
        ),
        pytest.param(
            "A cashier at the harbor store was shaken by the talk she has heard since the storm. \"One guy came in and "
            "said maybe we should close the pier for good,\" said the woman, who like many in the town did not want to "
            "be quoted by name.",
            "close the pier", "the woman", id="a described speaker",
        ),
        pytest.param(
            "\"It's about time that we had a new pier in this town,\" exhorted Marlowe's introducer, actress Dana "
            "Ferrin.",
            "a new pier", "Dana Ferrin", id="a described speaker and her name",
        ),
        pytest.param(
            "The board said the pier would open in May.\n\n\"Meh,\" wrote a ferry supporter who runs the account "
            "@PierFans. \"What does the board know about piers anyway?\"",
            "Meh", "a ferry supporter", id="a described speaker and a relative clause",
        ),
    ],
)
def test_a_name_after_the_cue_that_follows_a_quote_speaks_it(
    nlp: Language, text: str, phrase: str, speaker: str
) -> None:
    """"“…,” said retired harbor pilot Tom Arle, asked about …": the parse may make the name the subject of the
    words after it; the name still speaks the quote, and is no part of what it says."""
    quotes = quotes_of(nlp, text)
    quote = _containing(quotes, phrase)
    assert quote.speaker_name is not None and speaker in quote.speaker_name
    assert "asked about" not in quote.text and speaker.split()[-1] not in quote.text
    # who was asked did not speak what "asked" reports ("his claims" are still his)
    asked = [q for q in quotes if q.cue_start is not None and text.startswith("asked", q.cue_start)]
    assert all(not (q.speaker_name and speaker in q.speaker_name) for q in asked)


@pytest.mark.parametrize(
    ("text", "said", "speaker"),
    [
        pytest.param(
            "The ferry stopped in 1963.\n\nAs the harbor columnist Louella Marsh had written just a few years "
            "earlier, ''Nobody in this town could have kept the ferry running without him.''",
            "kept the ferry running", "Louella Marsh", id="a passage",
        ),
        pytest.param(
            "As the Harbor Gazette noted, the board has failed to fix the pier for three years.",
            "the board has failed", "Harbor Gazette", id="a clause",
        ),
    ],
)
def test_an_as_clause_opening_a_sentence_gives_the_source_of_what_follows(
    nlp: Language, text: str, said: str, speaker: str
) -> None:
    """"As the paper noted, …": the clause names who says what follows it; a clause that says something of its own
    ("As Okafor talked about the town, Arle highlighted …") does not."""
    assert _containing(quotes_of(nlp, text), said).speaker_name == speaker
    other = "As Okafor talked about bringing the town together, Arle highlighted his message of order."
    assert all(q.speaker_name != "Okafor" for q in quotes_of(nlp, other) if "message of order" in q.text)


@pytest.mark.parametrize(
    ("text", "phrase", "speaker"),
    [
        pytest.param(
            "Mayor Dana Okafor, who has denounced the storm damage as both a failure of the board and a failure\xa0\n"
            "of the town, repeated her call for a new sea wall.",
            "new sea wall", "Dana Okafor", id="a line wrapped inside the sentence is no paragraph break",
        ),
        pytest.param(
            "The last question at the meeting came from a young child.\n\n“When will the ferry come back?” asked the "
            "girl, who was holding a paper boat.",
            "When will the ferry", "the girl", id="who asks stands after asked (a listener after told)",
        ),
        pytest.param(
            "When Okafor suggested that the harbor would sue the board, Arle fired back forcefully: “If they take us "
            "to court over the pier, they will lose.”",
            "they will lose", "Arle", id="the verb before the colon, not a surer cue elsewhere in the sentence",
        ),
        pytest.param(
            "Dale Ferrin, whose mother ran the bait shop on the north pier in the old fishing village of Port Marlow, "
            "remembers Mr. Arle, known as Tommy, as a towering figure at the Sailing Club.",
            "towering figure", "Dale Ferrin", id="a person before a cue after a comma (no verb follows the name)",
        ),
        pytest.param(
            "The replies came fast. ''Whoever closes the harbor has no place here!'' wrote a man calling himself "
            "Piet Piet.",
            "Whoever closes the harbor", "a man calling himself Piet Piet",
            id="an inverted speaker the parse made the object, with a participle",
        ),
        pytest.param(
            '"We could have won," one fisherman wrote on the board. "Better watch out for the mayor since she said '
            'the pier is more important than her job," tweeted another.',
            "Better watch out", "another", id="another, alone after an inverted cue",
        ),
    ],
)
def test_the_speaker_of_a_sentence_the_parse_reads_badly(nlp: Language, text: str, phrase: str, speaker: str) -> None:
    """Parser shapes around a speaker: a scrape's line wrap ("a failure\xa0\nof the town, repeated"), an inverted
    "“…?” asked the girl", a passage a colon introduces, and "Dale Ferrin, whose mother …, remembers Mr. Arle as …"
    (the comma closes the speaker's own clause; the name after the cue is what is remembered); "“…” wrote a man calling
    himself …" and "“…,” tweeted another." after a quote."""
    assert _containing(quotes_of(nlp, text), phrase).speaker_name == speaker


@pytest.mark.parametrize(
    ("text", "speaker", "said"),
    [
        pytest.param(
            "Any honest reading of the harbor board's audit, said Tom Arle, a retired pilot who sat on the board, "
            "would find the ferry doomed.",
            "Tom Arle", ("Any honest reading", "would find the ferry doomed"), id="the name, then the verb's subject",
        ),
        pytest.param(
            "The real problem, said Ines Marlowe, is that nobody on the board reads the audit.",
            "Ines Marlowe", ("The real problem", "nobody on the board reads"), id="two subjects of the cue",
        ),
        pytest.param(
            'The rejection of the harbor plan signals "the beginning of the end" for the ferry, said Tom Arle, a '
            "retired pilot.",
            "Tom Arle", ("The rejection of the harbor plan", "for the ferry"), id="the words before it, a subject too",
        ),
    ],
)
def test_a_cue_set_between_commas_names_its_speaker_after_it(
    nlp: Language, text: str, speaker: str, said: tuple[str, str]
) -> None:
    """"Any reading of the audit, said Tom Arle, a retired pilot, would find …": the parse gives the cue the words
    before it for a subject; the name after the cue speaks, and the sentence around the aside is what was said."""
    quote = _containing(quotes_of(nlp, text), said[1])
    assert quote.speaker_name == speaker
    assert all(words in quote.text for words in said)
    assert speaker not in quote.text and "retired pilot" not in quote.text


@pytest.mark.parametrize(
    ("text", "phrase", "speaker"),
    [
        pytest.param(
            "Rita Vance won the harbor vote. Vance, meanwhile, who sits at zero such endorsements, said that fact "
            "speaks volumes about which of the two candidates is the outsider.",
            "speaks volumes", "Rita Vance", id="a name, an adverb and a relative clause",
        ),
        pytest.param(
            "Mr. Pelling, whose latest start-up, Tidemark, uses big data to help brands find suppliers, said that "
            "the harbor trade was changing.",
            "harbor trade was changing", "Pelling", id="a form of address and a clause with its own commas",
        ),
    ],
)
def test_a_name_and_its_aside_before_the_cue_speak_and_are_no_content(
    nlp: Language, text: str, phrase: str, speaker: str
) -> None:
    """"Sanders, meanwhile, who sits at zero endorsements, said that …": the parse may take the name and its aside
    for what was said; the name speaks, and only what follows the cue is the content."""
    quote = _containing(quotes_of(nlp, text), phrase)
    assert quote.speaker_name == speaker
    assert "sits at zero" not in quote.text and "latest start-up" not in quote.text


def test_a_verb_the_parse_hangs_on_a_name_standing_as_root_is_the_names(nlp: Language) -> None:
    """"Donald Trump, who is vying …, tweeted on Friday to say …" may be parsed with the name as the sentence's root
    and "tweeted" modifying it: the name still speaks."""
    text = ("Rita Vance, who is vying to be the next mayor, tweeted on Friday to say she had never suggested the "
            "city should close the pier.")
    doc = nlp(text)
    assert doc[1].dep_ == "ROOT", "the parse this test is about"
    assert _containing(quotes_of(nlp, text), "never suggested").speaker_name == "Rita Vance"


def test_a_name_the_parse_makes_the_subject_of_the_quote_speaks_the_verb_after_it(nlp: Language) -> None:
    """"Mitt Romney, the … nominee, tweeted in response: ''Our leaders don't kill …''" may be parsed with the name the
    subject of the quoted verb and "tweeted" a participle modifying it; no one is tweeted: the name speaks."""
    text = (
        "The row began Friday after Mr. Okafor had said, ''I think our harbor does plenty of dredging also.''\n\n"
        "Dana Ferrin, the 2012 Liberal mayoral nominee, tweeted in response: ''Important distinction: Our pilots "
        "don't dredge reefs.''"
    )
    assert _containing(quotes_of(nlp, text), "Important distinction").speaker_name == "Dana Ferrin"


@pytest.mark.parametrize(
    ("text", "phrase", "speaker"),
    [
        pytest.param(
            "Harbor Gazette columnist Dana Will renewed her feud with the ferry board this week.\n\n"
            "“The board has run the ferry like a hobby, and the riders have paid for it,” Will wrote.",
            "like a hobby", "Dana Will", id="Will wrote",
        ),
        pytest.param(
            "Harbor Gazette columnist Dana Will renewed her feud with the ferry board this week.\n\n"
            "After the storm, Will believes the board has been given one last chance to fix the pier.",
            "one last chance", "Dana Will", id="Will believes",
        ),
        pytest.param(
            "Prime Minister Ada May met the harbor board on Monday.\n\n“We will not close the pier,” May said.",
            "not close the pier", "Ada May", id="May said",
        ),
    ],
)
def test_a_surname_the_tagger_takes_for_a_modal_speaks(nlp: Language, text: str, phrase: str, speaker: str) -> None:
    """"“…,” Will wrote": a modal cannot stand before "wrote" or "believes", so the capitalised one is a name, the
    person the article named in full."""
    assert _containing(quotes_of(nlp, text), phrase).speaker_name == speaker


def test_names_with_colons_before_quoted_words_are_an_exchange(nlp: Language) -> None:
    text = (
        "Mayor Elena Varga and council member Piet Olsen both reject the word delay.\n\n"
        'Varga: "Our goal is not to slow the pier down, but to finish it by June." Olsen: "The work is to '
        'finish the pier -- not to wait for it."\n\n'
        'Update: "The pier will stay closed until the inspection is over," the harbor office said.'
    )
    quotes = quotes_of(nlp, text)
    assert _containing(quotes, "finish it by June").speaker_name == "Elena Varga"
    assert _containing(quotes, "not to wait for it").speaker_name == "Piet Olsen"
    # a section head with a colon is no speaker
    assert _containing(quotes, "stay closed").speaker_name != "Update"
