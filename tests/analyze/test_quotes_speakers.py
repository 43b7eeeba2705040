"""Tests of speaker resolution: pronouns to the person they stand for, on fictional sentences written for the tests."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from dateline.analyze.entities import find_mentions
from dateline.analyze.quotes import find_quotes
from dateline.analyze.quotes_descriptions import organisation_described
from dateline.analyze.quotes_gender import first_name_gender
from dateline.analyze.quotes_speaker_names import full_names_by_surname
from dateline.analyze.quotes_speaker_phrase import find_speaker, speaker_span
from dateline.analyze.quotes_speaker_syntax import verb_taken_for_noun
from dateline.analyze.quotes_speakers import SpeakerResolver
from dateline.model import Mention, Quote


def _quote(nlp: Language, text: str, phrase: str) -> Quote:
    """Return the quote of a text whose words hold a phrase, failing the test when none does."""
    doc = nlp(text)
    found = [q for q in find_quotes(doc, find_mentions(doc, "t"), "t") if phrase in q.text]
    assert found, f"no quote holds {phrase!r}"
    return found[0]


PRONOUN_CASES = [
    pytest.param(
        'Mayor Ana Ruiz spoke first at the harbor on Monday. "We will rebuild every pier," she said.',
        "rebuild every pier", "she", "Ana Ruiz", id="pronoun after a sentence about the person",
    ),
    pytest.param(
        # only the first names tell that "she" is not Peter Berg, the last person quoted
        "Mayor Ana Ruiz toured the flooded harbor with the engineer Peter Berg on Monday.\n\n"
        '"The sea wall held through the night," Berg said.\n\n'
        '"We will rebuild the north pier before the summer," she said.',
        "rebuild the north pier", "she", "Ana Ruiz", id="she skips a man quoted just before",
    ),
    pytest.param(
        '"The ferry will be late again this week," said harbor master Piet Olsen.\n\n'
        "Council member Jonas Weller, who chairs the budget committee, was less sure, and he said that "
        "the new timetable was far too optimistic.",
        "timetable was far too optimistic", "he", "Jonas Weller",
        id="subject of the pronoun's own sentence beats the last quoted",
    ),
    pytest.param(
        "Peter Berg spoke to reporters after the council vote.\n\n"
        '"Mark Hollis has no plan at all for the harbor," he said.',
        "no plan at all", "he", "Peter Berg", id="a name inside the quote is not the speaker",
    ),
    pytest.param(
        "Ana Ruiz and Peter Berg met the fishermen on Tuesday.\n\n"
        '"The moorings are ready for the season," Berg told them. The fishermen listened in silence.\n\n'
        '"Nobody will lose a berth this year," he added.',
        "Nobody will lose a berth", "he", "Peter Berg", id="pronoun goes on with the last person quoted",
    ),
    pytest.param(
        "Maurice Scott has held the seat for years.\n\n"
        '"He has not shown, until recently, an ambition for higher office," said Quentin Marsh, a historian at the '
        'harbor college. "There is an uncertainty whether he can raise money."\n\n'
        'Scott bristles at the suggestion he won\'t be ready. "I\'ve raised all I needed to win the seat," he '
        "said, cutting off a reporter.",
        "raised all I needed", "he", "Maurice Scott", id="a subject whose verb the parser took for a noun",
    ),
    pytest.param(
        "Tom Arle chaired the harbor meeting on Monday. Kamala Lopez, a filmmaker, spoke first.\n\n"
        '"We need more ferries, not fewer," he said.',
        "We need more ferries", "he", "Tom Arle", id="he skips a woman named in today's news",
    ),
    pytest.param(
        "The harbor board met on Monday.\n\n"
        "According to a senior port official, later in the day Mayor Laura Bennett will deliver a speech on the "
        "levy. Her aim is to answer the one she gave last year in Dover, in which she said the levy would fail.",
        "the levy would fail", "she", "Laura Bennett", id="the subject of a report according to someone",
    ),
    pytest.param(
        "I grew up above the ferry office.\n\n"
        'My mother told us the harbor was "a place for sinners." My father said "the sea will take it back."\n\n'
        'My mother has mellowed since, but at 80 she still says things like, "Nobody is meant to be rich."',
        "Nobody is meant to be rich", "she", "My mother", id="she is the mother, not the father quoted last",
    ),
    pytest.param(
        "Pastor Kevin Harlan has now set his sights on the Sea Scouts.\n\nHarlan slammed the Sea Scouts for "
        "promoting “sailing on Sundays” on his weekly radio show, “Mornings with Kevin Harlan,” Harbor Faith Watch "
        "first reported.\n\nHe then implied that scout leaders should be put ashore for good.",
        "put ashore", "He", "Kevin Harlan", id="he skips a watchdog the entity model missed",
    ),
    pytest.param(
        "Mayor Tom Arle opened the session on Monday.\n\nA mayor who approved the raid that caught the smuggler "
        "Peter Berg will now hand his successor an unfinished pier. He said the pier would open in May.",
        "would open in May", "He", "Tom Arle", id="he skips a person a relative clause of the subject names",
    ),
    pytest.param(
        "Harbor master Tom Arle spoke to the Gazette on Monday.\n\n“The ferry will run again by May,” he is quoted "
        "as saying.",
        "ferry will run again", "he", "Tom Arle", id="who is quoted as saying",
    ),
    pytest.param(
        "Harbor master Tom Arle spent Monday at the pier with the board. His promise that the ferry would run again "
        "by May drew cheers from the crowd.",
        "ferry would run again", "His", "Tom Arle", id="the owner of a promise",
    ),
    pytest.param(
        # the two quoted sentences before "she" do not push the sentence about her out of reach
        "“We want her on the boat,” said a senior Okafor adviser.\n\nBut Sen. Mary Ruiz isn’t interested.\n\n"
        "“Uh, no. Not this year. This is about me and the harbor,” she said.",
        "about me and the harbor", "she", "Mary Ruiz", id="the sentence before a quote of several sentences",
    ),
    pytest.param(
        "“Usually the voters decide well,” replied Dana Okafor, whose criticism of the board has sharpened since "
        "the storm.",
        "of the board", "whose", "Dana Okafor", id="whose stands for the noun its clause describes",
    ),
    pytest.param(
        "“We need the pier,” said Mayor Ana Ruiz on Monday.\n\nThe plan drew a crowd, and the board was joined on the "
        "call by Karen Wallace, president of the fishers union. She said the pier “has failed every boat in the bay.”",
        "failed every boat", "She", "Karen Wallace", id="a source introduced with what she is, just before",
    ),
    pytest.param(
        "Three captains came to the harbor on Monday. All three stayed for the vote. They said the ferry would not "
        "run.",
        "ferry would not run", "They", "All three", id="they after a number standing for people",
    ),
    pytest.param(
        "Peter Vance has preached unity, claiming he alone can bring the town together.\n\nThe wild card is Tom "
        "Keller, who had shown appeal in polls. He sounded subdued in his speech on Monday night.",
        "subdued in his speech", "He", "Tom Keller", id="the person a copula names as what its subject is",
    ),
    pytest.param(
        "“We will rebuild,” Peter Vance said.\n\nBut Mayor Ana Ruiz will face the same anger Tom Keller has faced. "
        "He noted that the pier was closed for a year.",
        "pier was closed", "He", "Tom Keller", id="a name that is the subject of a relative clause on the object",
    ),
    pytest.param(
        "“We need the pier,” said Mayor Ana Ruiz.\n\nTom Keller came to the harbor with his daughter, Ellie, a student "
        "of marine biology. She said the pier should reopen by May.",
        "should reopen by May", "She", "Ellie", id="a source introduced by name after a description, just before",
    ),
    pytest.param(
        "While Peter Vance had a dozen boat builders working for him, that has not been happening for the town, which "
        "is something that worries Henry Keller, president of the Marlow-based Harbor Pilots Caucus.\n\n"
        "“No one is building boats for the town. Vance had a yard. The town has nobody like that,” he said.",
        "nobody like that", "he", "Henry Keller",
        id="a source introduced after the subject of a clause of contrast",
    ),
    pytest.param(
        "Mayor Dana Okafor lost the pier vote in 2011. Karen Wallace won it.\n\nIn defeat, the mayor appeared cowed. "
        "Campaigning against Karen Wallace in 2012, she said the pier could wait.",
        "pier could wait", "she", "Dana Okafor", id="a title alone as the subject of the sentence before",
    ),
]


@pytest.mark.parametrize(("text", "phrase", "speaker_text", "speaker_name"), PRONOUN_CASES)
def test_pronoun_speaker_resolves_to_the_person(
    nlp: Language, text: str, phrase: str, speaker_text: str, speaker_name: str
) -> None:
    quote = _quote(nlp, text, phrase)
    assert quote.speaker_text == speaker_text
    assert quote.speaker_name == speaker_name


def test_first_name_gender_needs_a_first_name() -> None:
    assert first_name_gender("Ana Ruiz") == "f"
    assert first_name_gender("Peter J. Berg") == "m"
    # a lone word may be a surname ("Warren"), and some first names are worn by men and women alike
    assert first_name_gender("Warren") is None
    assert first_name_gender("Jordan Hale") is None


def test_they_stands_for_the_group_just_named_not_the_last_speaker(nlp: Language) -> None:
    text = (
        '"The channel is open again for every boat," the harbor master said on Sunday.\n\n'
        "Harbor pilots Ana Ruiz and Peter Berg inspected the channel on Monday. They said that the buoys "
        "had drifted far to the north after the storm."
    )
    quote = _quote(nlp, text, "buoys had drifted")
    assert quote.speaker_text == "They"
    assert quote.speaker_name is not None
    assert "Ana Ruiz" in quote.speaker_name and "Peter Berg" in quote.speaker_name


def test_a_relative_with_the_same_surname_keeps_his_own_name(nlp: Language) -> None:
    text = (
        "Senator Maria Lindqvist Okafor opened the fair on Saturday.\n\n"
        '"This town has waited ten years for a new bridge," said Daniel Okafor, her husband.\n\n'
        'Later, Okafor said: "The bridge will be built."'
    )
    quote = _quote(nlp, text, "waited ten years")
    assert quote.speaker_name == "Daniel Okafor"



def test_a_misspelt_surname_is_the_person_whose_name_it_misspells(nlp: Language) -> None:
    text = (
        "Tyresha McClenney, 24, voted for the harbor levy in May.\n\n"
        '"It is not something the council says every day," McLenney said.'
    )
    assert _quote(nlp, text, "not something").speaker_name == "Tyresha McClenney"


def test_a_surname_close_to_two_names_or_a_family_stays_as_written() -> None:
    def person(name: str, start: int) -> Mention:
        return Mention(article_id="t", start=start, end=start + len(name), text=name, label="PERSON", name=name)

    full = full_names_by_surname([person("Dana Okafor", 0), person("Dana Okafer", 20), person("Okafar", 40)])
    assert full["okafar"] == "Okafar"  # one letter off both: which one is not for a guess
    assert full_names_by_surname([person("Donald Marsh", 0), person("Marshs", 20)])["marshs"] == "Marshs"
    misspelt = full_names_by_surname([person("Tyresha McClenney", 0), person("McLenney", 30)])
    assert misspelt["mclenney"] == "Tyresha McClenney"


def test_a_name_inside_quoted_words_is_not_the_persons_canonical_name() -> None:
    text = 'The governor wrote: "Crooked Ana Ruiz will sink us." Mayor Ana Ruiz answered. Ruiz said no.'
    quoted = [(text.index('"'), text.index('us."') + 4)]

    def person(name: str, occurrence: str) -> Mention:
        start = text.index(occurrence)
        return Mention("t", start, start + len(occurrence), occurrence, "PERSON", name)

    tweet, reporter = person("Crooked Ana Ruiz", "Crooked Ana Ruiz"), person("Ana Ruiz", "Ana Ruiz answered")
    assert full_names_by_surname([tweet, reporter], quoted)["ruiz"] == "Ana Ruiz"
    assert full_names_by_surname([tweet, reporter])["ruiz"] == "Crooked Ana Ruiz"  # without the quotes: the longest
    assert full_names_by_surname([tweet], quoted)["ruiz"] == "Crooked Ana Ruiz"  # the only full name there is


def test_a_speaker_is_not_taken_across_a_paragraph_break(nlp: Language) -> None:
    # a heading with no full stop lets the parse run one clause over three paragraphs
    text = (
        "The Latest on the harbor race (all times EDT):\n\n7 p.m.\n\n"
        "Milo Okafor is once again questioning the integrity of the harbor board, saying the vote was rigged."
    )
    doc = nlp(text)
    for quote in find_quotes(doc, find_mentions(doc, "t"), "t"):
        assert "Latest" not in (quote.speaker_text or "")


def test_a_river_and_a_bay_say_nothing_and_are_no_person_for_he(nlp: Language) -> None:
    """A landscape that "supports" fishers is no source, and a proper noun described like a thing ("The lower
    Aldery") is no one a later "He" stands for."""
    text = (
        "The lower Aldery and the bay support some 300 licensed commercial fishers, most of whom work the oyster "
        "and crab grounds off Gull Point.\n\n"
        "He said the river authority had told fishers not to sell anything from the estuary."
    )
    doc = nlp(text)
    quotes = find_quotes(doc, find_mentions(doc, "t"), "t")
    assert not [quote for quote in quotes if "300 licensed" in quote.text]
    assert _quote(nlp, text, "river authority had told").speaker_name is None


def test_a_group_of_people_supporting_someone_is_still_an_attribution(nlp: Language) -> None:
    text = "About two-thirds of the harbor's fishers support a temporary ban on dredging, the survey found."
    assert _quote(nlp, text, "a temporary ban on dredging").kind == "indirect"


def test_a_person_described_with_an_adjective_stays_a_person(nlp: Language) -> None:
    plain = "Mayor Ana Ruiz met the press on Friday.\n\nRuiz said the pilots would keep working."
    described = plain.replace("Ruiz said", "A defiant Ruiz said")
    name = _quote(nlp, plain, "pilots would keep working").speaker_name
    assert name is not None and "Ruiz" in name
    assert _quote(nlp, described, "pilots would keep working").speaker_name == name


def test_a_word_that_qualifies_a_title_is_no_part_of_a_missed_name(nlp: Language) -> None:
    text = "Harbor master Ana Ruiz continued: “The pier will reopen before the summer season.”"
    assert _quote(nlp, text, "pier will reopen").speaker_name == "Ana Ruiz"


def test_a_topic_set_up_with_as_for_is_whom_the_pronoun_after_it_names(nlp: Language) -> None:
    text = (
        "Mayor Peter Berg spoke first at the harbor on Tuesday.\n\n"
        "As for councillor Piet Olsen, he said he was “very happy” with the vote."
    )
    assert _quote(nlp, text, "very happy").speaker_name == "Piet Olsen"


DESCRIPTION_CASES = [
    pytest.param(
        "Former prosecutor and Boston City Mayor Dana Okafor, who backs the board, said the director had made a "
        "terrible mistake.",
        "terrible mistake", "Dana Okafor", id="a bare title and a titled name coordinated: one person",
    ),
    pytest.param(
        "Harbor politicians, who granted the ferry tax breaks, said the pier would stay.",
        "the pier would stay", "Harbor politicians", id="a relative clause set off by a comma says more of them",
    ),
    pytest.param(
        "Two fishermen stood by the pier. One of the fishermen, Piet Olsen, 62, said the ferry was late again.",
        "ferry was late again", "Piet Olsen", id="one of them, named beside",
    ),
    pytest.param(
        "The other fisherman, his brother Jonas Olsen, 58, said the board had failed.",
        "the board had failed", "Jonas Olsen", id="the name of an apposition's apposition",
    ),
    pytest.param(
        "His former business partner at Harborcorp, Dale B. Ferrin, said the board had failed.",
        "the board had failed", "Dale B. Ferrin", id="a name the parse hung on the company in the description",
    ),
    pytest.param(
        "Harbor pilot Tom Arle pleaded guilty on Monday.\n\nIn the harbor court in Port Marlow, Va., Arle, in a grey "
        "wool sweater, said little, offering only brief answers that he was pleading guilty freely and understood "
        "the charges.",
        "pleading guilty freely", "Tom Arle", id="a participle after a verb whose subject the parse lost",
    ),
    pytest.param(
        "Vermont Sen. Marta Quill opposed the harbor levy on Tuesday.\n\n"
        'The senator said she would "introduce a bill to repeal it next session."',
        "introduce a bill", "Marta Quill", id="an abbreviated title names the office written out",
    ),
    pytest.param(
        "Ohio Sen. Dale Ferrin spoke first. Vermont Sen. Marta Quill spoke later.\n\n"
        'The Ohio senator said the levy was "a tax on fishermen."',
        "a tax on fishermen", "Dale Ferrin", id="the qualifier picks which senator",
    ),
    pytest.param(
        "Democratic vice presidential nominee Tom Arle campaigned in Dayton, and Democratic presidential "
        "nominee Rita Vance spoke in Akron.\n\n"
        'The Democratic presidential nominee said the plant would "stay open as long as I am president."',
        "stay open as long", "Rita Vance", id="a vice presidential nominee is not the nominee",
    ),
    pytest.param(
        "State Supreme Court Justice Susan Miller ruled on the divorce files on Monday.\n\n"
        'The judge said the files were "off-limits in most circumstances."',
        "off-limits in most", "Susan Miller", id="a justice is the judge",
    ),
    pytest.param(
        "A report by the Department of Harbor Affairs found twelve unsafe piers.\n\n"
        'The agency said it would "inspect every pier again by June."',
        "inspect every pier", "Department of Harbor Affairs", id="an agency by a word of its name",
    ),
    pytest.param(
        "Baltica Today, the state-funded network, hired two new hosts. The BBC declined to comment on the move.\n\n"
        'The network said it "values independent voices."',
        "values independent voices", "Baltica Today", id="an apposition outweighs a nearer name",
    ),
    pytest.param(
        "Sen. Dale Ferrin (R-S.C.) and Sen. Marta Quill (D-Mo.) met on Monday.\n\n"
        'The South Carolina senator said the levy was "a tax on fishermen."',
        "a tax on fishermen", "Dale Ferrin", id="a lawmaker's party tag says the state",
    ),
    pytest.param(
        "A Tidewater Institute opinion poll of 800 residents was published on Monday.\n\n"
        "The poll found that most residents want the bridge rebuilt before summer.",
        "most residents want", "Tidewater Institute poll", id="the poll is the poll named by who ran it",
    ),
    pytest.param(
        "The Ohio attorney general is confirming that the harbour fund is not registered as a charity.\n\n"
        "But Attorney General Ana Ruiz isn't saying whether the fund broke any law.",
        "not registered as a charity", "Ana Ruiz", id="described first, named next with the office",
    ),
    pytest.param(
        "Senator Dale Ferrin of Vermont and Senator Tom Arle of Ohio met on Monday.\n\n"
        'The Vermont senator said the levy was "a tax on fishermen."',
        "a tax on fishermen", "Dale Ferrin", id="the place after the name qualifies the title",
    ),
    pytest.param(
        "Gov. Dale Ferrin opened the harbour on Monday. Sen. Marta Quill flew in for the ceremony.\n\n"
        "Later, Ferrin met the fishers at the pier.\n\n"
        'The Ohio governor said the levy was "a tax on fishermen."',
        "a tax on fishermen", "Dale Ferrin", id="the titled subject just before",
    ),
    pytest.param(
        "Dale Ferrin says he has big plans for the harbour.\n\n"
        'The Republican nominee said the levy was "a tax on fishermen."',
        "a tax on fishermen", "Dale Ferrin", id="an untitled person named in the sentence just before",
    ),
    pytest.param(
        "Dale Ferrin flew to Columbus on Monday.\n\n"
        'The Ohio senator said the levy was "a tax on fishermen."',
        "a tax on fishermen", "Dale Ferrin", id="an untitled person, the description placing the office",
    ),
    pytest.param(
        "Dale Ferrin isn't saying much about the debate.\n\nBaiting the moderators.\n\n"
        'The Republican nominee has wondered whether the moderators will be "fair to him."',
        "fair to him", "Dale Ferrin", id="two sentences back, nobody named between",
    ),
    pytest.param(
        '"We had no money," Dale Ferrin said in an interview with Gloria Borger.\n\n'
        '"That would be Mary Collins," Borger said.\n\n'
        '"Oh well, I don\'t wanna say so, but if you say it," Ferrin responded.\n\n'
        'Six months ago, the independent Ohio senator said, the media considered him a "fringe candidate."',
        "fringe candidate", "Dale Ferrin", id="a surname alone the entity model missed is the last one named",
    ),
    pytest.param(
        "Voters heard from Republican Dale Ferrin and from Mary Collins on Monday.\n\nThe ferry fare rose again.\n\n"
        "Port Ellery had no ferry for a week.\n\nThe GOP nominee complained that the ferry was a disgrace.",
        "the ferry was a disgrace", "Dale Ferrin", id="the one person the article ties to the nominee's party",
    ),
    pytest.param(
        "Mary Collins held up a sign at the harbor gate.\n\n"
        "The 57-year-old scientist says she doesn't take the closure lightly.",
        "doesn't take the closure lightly", "Mary Collins", id="a description of no office: the person just named",
    ),
    pytest.param(
        "Dale Ferrin flew into Port Ellery on Monday.\n\n"
        "The billionaire businessman said obtaining a berth is now cheaper than getting candy.",
        "cheaper than getting candy", "Dale Ferrin", id="a businessman with a qualifier",
    ),
    pytest.param(
        "Rita Vance has a word for Dale Ferrin's plan to sell the ferry: No.\n\n"
        "The Democratic presidential candidate blasted the plan as a giveaway on Wednesday.",
        "as a giveaway", "Rita Vance", id="an owner named after the person is passed over",
    ),
    pytest.param(
        "Rita Vance met privately with Mayor Dale Ferrin on Saturday.\n\n"
        "The Democratic presidential candidate said the meeting was for personal reasons.",
        "for personal reasons", "Rita Vance", id="a preposition's object named after the person is passed over",
    ),
    pytest.param(
        "Tom Arle rejected the notion that the ferry closure was water under the bridge.\n\n"
        "The retired neurosurgeon said the harbor board had misled the town.",
        "misled the town", "Tom Arle", id="a trade the writer describes a person by",
    ),
    pytest.param(
        "Rita Vance campaigned for Dale Ferrin in the spring.\n\n"
        "The actress said she was tired of the ferry fares.",
        "tired of the ferry fares", "Rita Vance", id="a bare calling of one person",
    ),
    pytest.param(
        "Tom Arle says he is under attack because of his rise in the polls.\n\n"
        '"There\'s no question I\'m getting scrutiny," the Republican presidential candidate told reporters.\n\n'
        "It was a report that he made up an offer to attend West Point. Arle called that a lie.",
        "getting scrutiny", "Tom Arle", id="the last words of the sentence before a name title nobody",
    ),
    pytest.param(
        "Ohio Sen. Dale Ferrin says the harbor levy is not worth the paper it is written on.\n\n"
        "During a stop in Akron, the Republican presidential candidate said he would repeal the levy.",
        "he would repeal the levy", "Dale Ferrin", id="a senator of a state may be a party's presidential candidate",
    ),
    pytest.param(
        "Dana Okafor goes after Dale Ferrin as the new Tom Arle.\n\n"
        "If it worked against Tom Arle, it might just work against Dale Ferrin. At least that's what the Okafor "
        "campaign now hopes.\n\nThe Democratic nominee said her opponent was a fraud and a scam artist.",
        "a fraud and a scam artist", "Dana Okafor", id="the owner of a campaign that is a subject",
    ),
    pytest.param(
        "Tom Keller was shot by police outside his apartment on Monday. Rita Keller can be heard in the video "
        "yelling that her husband was unarmed.\n\nTom Keller's wife said the officers never gave him a chance.",
        "never gave him a chance", "Rita Keller", id="a named person's relative the article names",
    ),
    pytest.param(
        "Dale Ferrin on Wednesday called on Tom Arle to apologize for the harbor tweet.\n\n"
        '"That was outrageous," Vance\'s former campaign strategist said in an interview.',
        "That was outrageous", "Dale Ferrin", id="a description owned by a name is as definite as the",
    ),
    pytest.param(
        "The ferry strike is in its third week. Talks resumed on Monday.\n\n2:45 p.m.\n\n"
        "Port Ellery's harbor commissioner says no one in her office leaked the ferry accounts.\n\n"
        "Mara Quist says she asked staff on Monday to check who had opened the files.",
        "no one in her office leaked", "Mara Quist", id="an office described first and a new bare name saying next",
    ),
    pytest.param(
        "Dale Ferrin says too much is made of the harbor levy.\n\n"
        "The Republican vice presidential nominee was speaking Friday in Akron, hours after Tom Arle unleashed a "
        "flurry of posts mocking the ferry captain Rita Vance.\n\n"
        'The Ohio governor said the press was to blame for "making a fuss about nothing."',
        "making a fuss", "Dale Ferrin", id="people in a clause trailing a main clause with its own subject",
    ),
    pytest.param(
        "Rita Vance, the former secretary of state, stressed her support of the 2011 raid that caught the smuggler "
        "Tom Arle.\n\n"
        'The former first lady and U.S. senator said it was "a mistake" to close the pier.',
        "to close the pier", "Rita Vance", id="a person in a clause that says what a thing did",
    ),
    pytest.param(
        "Dale Ferrin and Rita Vance courted the harbor workers on Wednesday.\n\n"
        "Ferrin, appearing after Vance at the union hall, cited problems in the port that he blamed on the "
        "policies of Mayor Tom Arle and Vance.\n\n"
        '"We need change," the Ohio businessman said.',
        "We need change", "Dale Ferrin", id="a person in the aside of a subject that is a name",
    ),
]


REFERENT_CASES = [
    pytest.param(
        "Rita Vance toured the harbor with Tom Arle on Monday.\n\n"
        'The former first lady and U.S. senator said it was "a mistake" to close the ferry.',
        "to close the ferry", "Rita Vance", id="one person's two callings under one article",
    ),
    pytest.param(
        "Rita Vance spoke out on Tuesday about the ferry.\n\n"
        "On the show, the former secretary of state and current Liberal nominee said she wanted the fares cut.",
        "she wanted the fares cut", "Rita Vance", id="a second calling the parse hangs on the first's of-phrase",
    ),
    pytest.param(
        "Dale Ferrin spoke at the harbor on Friday.\n\n"
        "As far as whether Ferrin still senses anger at Rita Vance among his voters, the Ohio senator "
        'acknowledged that there are still "some people" who feel that way.',
        "some people", "Dale Ferrin", id="the subject of a clause an adverb opens",
    ),
    pytest.param(
        # the first "she" is the mayor, the owner of the subject before it, and the second "she" goes where the
        # first did, not to the aide quoted before them
        "On Monday, Mayor Elena Varga opened the harbor.\n\n"
        'Mary Collins, one of the mayor\'s closest aides, recalled Ms. Varga talking about "the old ferry."\n\n'
        "The mayor's harbor roots also came into play. In Port Ellery last week, she told a meeting of fishers "
        "that few people understood the tides better than they did. The piers are rotting in the bay, she noted.",
        "The piers are rotting", "Elena Varga", id="a she no quote resolved carries its person to the next she",
    ),
    pytest.param(
        "Rep. Dale Ferrin's office disputes the claim.\n\n"
        '"The committee does not retaliate," spokesman Jamal Ware said.\n\n'
        "The congressman’s spokesman also pointed out that the committee employs several veterans.",
        "the committee employs several veterans", "Jamal Ware", id="an owner's office is not the description's",
    ),
    pytest.param(
        "Mary Collins spoke at the harbor fair with Peter Berg on Monday.\n\n"
        "She said fathers would not be eligible for the grant. Later the 34-year-old mother of three replied, "
        '"It is meant for every family on the quay."',
        "meant for every family", "Mary Collins", id="a description after a resolved pronoun is its person",
    ),
    pytest.param(
        "A former harbor board chairman says the council should come up with a plan to replace the ferry.\n\n"
        '"Now is the time for a plan," said Dale Ferrin, who led the board from 1995 to 1997.',
        "replace the ferry", "Dale Ferrin", id="a lede's description is who the next sentence has say it",
    ),
    pytest.param(
        "Vance won the backing of 95 retired captains and pilots -- most of whom had said the levy would sink the "
        "ferry.",
        "the levy would sink the ferry", "most of 95 retired captains and pilots", id="most of whom: part of a group",
    ),
    pytest.param(
        "The plan has not gone over well with family members of the ferry crews, many of whom say the council's "
        "claims are unfounded.",
        "the council's claims are unfounded", "many of family members of the ferry crews", id="many of whom",
    ),
    pytest.param(
        "Marlow-Bayside police released two videos of the shooting on Saturday.\n\n"
        "The officer was not wearing a camera, police said.",
        "not wearing a camera", "Marlow-Bayside police", id="police: the one force the article names",
    ),
]


@pytest.mark.parametrize(("text", "phrase", "speaker"), DESCRIPTION_CASES + REFERENT_CASES)
def test_a_description_resolves_to_who_the_article_named(nlp: Language, text: str, phrase: str, speaker: str) -> None:
    """A title or a kind of organisation ("The senator", "The agency") names the person or organisation the
    article gave that title or kind; a description or a pronoun the article does not tie to a title ("the
    34-year-old mother of three", "a former chairman says … . said Dale Ferrin") is who the sentences around it
    name."""
    assert _quote(nlp, text, phrase).speaker_name == speaker


DESCRIPTION_GUARDS = [
    pytest.param(
        "The ferry strike is in its third week. Talks resumed on Monday.\n\n2:45 p.m.\n\n"
        "Port Ellery's harbor commissioner says no one in her office leaked the ferry accounts.\n\n"
        "Mara Quist, a ferry captain, says she asked the office on Monday who had opened the files.",
        "no one in her office leaked", "Mara Quist", id="a new name with an apposition is someone else",
    ),
    pytest.param(
        "Rita Vance on Wednesday called on Tom Arle to apologize for the harbor tweet.\n\n"
        '"That was outrageous," Vance\'s former campaign strategist said in an interview.',
        "That was outrageous", "Rita Vance", id="a description's owner is not the person it describes",
    ),
    pytest.param(
        "Gov. Joel Marsh, a Democrat, vetoed the harbor bill on Monday.\n\n"
        'The state\'s Republican governor said the bill was "dead on arrival."',
        "dead on arrival", "Joel Marsh", id="a party the title does not say",
    ),
    pytest.param(
        "After a rally in Ohio, Sen. Joel Marsh flew home.\n\n"
        'The Ohio senator said the levy was "a tax on fishermen."',
        "a tax on fishermen", "Joel Marsh", id="a place before a comma qualifies no title",
    ),
    pytest.param(
        "Arizona Sen. Joel Marsh spoke at the rally.\n\n"
        'The Vermont senator said the levy was "a tax on fishermen."',
        "a tax on fishermen", "Joel Marsh", id="a title saying another state is someone else",
    ),
    pytest.param(
        "The party's interim chairwoman, Lena Dorsey, opened the meeting.\n\n"
        'A former party chairman said the rules were "never meant for this."',
        "never meant for this", "Lena Dorsey", id="a former chairman is not the interim chairwoman",
    ),
    pytest.param(
        "A New Hampshire ballot commission met in January.\n\n"
        'The commission said a court "should settle the matter."',
        "should settle the matter", "New Hampshire", id="a place before the kind is where, not who",
    ),
    pytest.param(
        "Monday's poll of 800 residents was the harbour board's first.\n\n"
        "The poll found that most residents want the bridge rebuilt before summer.",
        "most residents want", "Monday's poll", id="a day's poll names no pollster",
    ),
    pytest.param(
        'The Vermont senator said the levy was "a tax on fishermen."\n\n'
        "Senator Chuck Doyle of New York disagreed with him on Tuesday.",
        "a tax on fishermen", "Chuck Doyle", id="named next with another state after the name",
    ),
    pytest.param(
        'The Vermont senator said the levy was "a tax on fishermen."\n\n'
        "Ohio's senior senator, Senator Chuck Doyle, disagreed on Tuesday.",
        "a tax on fishermen", "Chuck Doyle", id="named next with another state before the name",
    ),
    pytest.param(
        "Sen. Dale Ferrin opened the harbour on Monday.\n\nLater, Ferrin met the fishers.\n\n"
        'The Ohio governor said the levy was "a tax on fishermen."',
        "a tax on fishermen", "Dale Ferrin", id="a subject just before titled with another office",
    ),
    pytest.param(
        "President Dale Ferrin opened the harbour on Monday.\n\nLater, Ferrin met the fishers.\n\n"
        'The French president said the levy was "a tax on fishermen."',
        "a tax on fishermen", "Dale Ferrin", id="a subject just before whom the article does not place in France",
    ),
    pytest.param(
        "Dale Ferrin opened the harbour fair on Monday.\n\n"
        'At his cookout, the band leader called the crowd to the stage, singing "It\'s our time."',
        "It's our time", "Dale Ferrin", id="a description of no party's or place's office",
    ),
    pytest.param(
        "Dale Ferrin and Sen. Marta Quill opened the harbour fair. Later Ferrin met Tom Arle.\n\n"
        'The Republican nominee said the levy was "a tax on fishermen."',
        "a tax on fishermen", "Dale Ferrin", id="someone else named between",
    ),
    pytest.param(
        "Dale Ferrin said it would have been cool had Mary Collins congratulated him.\n\n"
        '"I was curious to see whether she would mention my name," the Republican nominee said.',
        "I was curious", "Mary Collins", id="the last person named is the subject of an embedded clause",
    ),
    pytest.param(
        "Dale Ferrin has been a party to 3,500 lawsuits in 30 years. Analysis shows that they are his tool.\n\n"
        "The attorney general of the state of Ohio is suing Ferrin, claiming the school is a fraud.",
        "the school is a fraud", "Dale Ferrin", id="a description with its own of-phrase introduces someone",
    ),
    pytest.param(
        "Dale Ferrin urged Mayor Mary Collins to reopen the pier. Collins closed it in April.\n\n"
        '"The harbor is ours," the Republican presidential candidate said.',
        "The harbor is ours", "Mary Collins", id="a candidate is not the person the article gives an office",
    ),
    pytest.param(
        "Dale Ferrin held up a sign at the harbor gate.\n\n"
        "The 34-year-old mother of two says she doesn't take the closure lightly.",
        "doesn't take the closure lightly", "Dale Ferrin", id="a description of the other sex",
    ),
    pytest.param(
        "Voters heard from Republican Sen. Tom Arle and from Dale Ferrin on Monday.\n\nThe fare rose again.\n\n"
        "Port Ellery had no ferry for a week.\n\nThe GOP nominee complained that the ferry was a disgrace.",
        "the ferry was a disgrace", "Tom Arle", id="a senator of the party is not its nominee",
    ),
    pytest.param(
        "Dale Ferrin held up a sign at the harbor gate.\n\n"
        "The young voter said the closure was a mistake.",
        "the closure was a mistake", "Dale Ferrin", id="one of many is someone else",
    ),
    pytest.param(
        "A former harbor board chairman says the council put speed over safety when it approved the new ferry.\n\n"
        '"This puts the council on the defense," said Dale Ferrin, communications director for the ferry union.',
        "put speed over safety", "Dale Ferrin", id="a lede's description is not someone with an office of their own",
    ),
    pytest.param(
        '"It was offensive," said Tom Arle.\n\nMore troubling to many was Dale Ferrin\'s refusal to back the '
        "harbor plan. Instead, the businessman has insisted that his position will be strongest if he waits.",
        "his position will be strongest", "Tom Arle", id="the topic's owner is not passed over for the one before",
    ),
    pytest.param(
        "Dale Ferrin spoke in Akron on Monday.\n\n"
        "The Republican nominee and his aides have not said much about the harbor plan.",
        "about the harbor plan", "Dale Ferrin", id="a description with others beside it is more than the person",
    ),
    pytest.param(
        "Rita Vance spoke in Akron on Monday.\n\n"
        "The Ohio secretary of state's website says that the count is final.",
        "the count is final", "Rita Vance", id="an office's website is not the person named before",
    ),
    pytest.param(
        "Dale Ferrin spoke in Akron on Monday.\n\n"
        "The Republican senator and the governor have said that the harbor plan is dead.",
        "the harbor plan is dead", "Dale Ferrin", id="two people joined, each with an article",
    ),
    pytest.param(
        "Tom Arle campaigned for Rita Vance in the spring.\n\n"
        "The actress said she was tired of the ferry fares.",
        "tired of the ferry fares", "Tom Arle", id="a calling of the other sex is someone else",
    ),
    pytest.param(
        "Port Ellery Mayor Dale Ferrin says the harbor levy is not worth the paper it is written on.\n\n"
        "During a stop in Akron, the Republican presidential candidate said he would repeal the levy.",
        "he would repeal the levy", "Dale Ferrin", id="a mayor is no presidential candidate",
    ),]


def test_they_is_not_one_person_quoted_before(nlp: Language) -> None:
    """"they" with no group near is better unresolved than given to the one friend who spoke last; a group that names a
    member stays whom "they" may stand for."""
    text = (
        "Dana Ferrin and Sandra Quist have been friends since school.\n\n"
        "“Whether we have differences or not, we can talk about them,” Quist said. “We can do civil things together.”"
        "\n\nDespite their friendship, they playfully mocked each other at times, saying the other side would lose "
        "badly."
    )
    assert _quote(nlp, text, "lose badly").speaker_name is None
    resolver = SpeakerResolver(nlp(text), find_mentions(nlp(text), "t"))
    assert resolver._one_named_person("Sandra Quist")
    assert not resolver._one_named_person("three harbor economists -- Sandra Quist")


def test_police_stays_police_when_the_article_names_two_forces(nlp: Language) -> None:
    text = (
        "The Marlow police and the Bayside police searched the harbor on Saturday.\n\n"
        "The officer was not wearing a camera, police said."
    )
    assert _quote(nlp, text, "not wearing a camera").speaker_name == "police"


@pytest.mark.parametrize(("text", "phrase", "not_speaker"), DESCRIPTION_GUARDS)
def test_a_description_is_not_given_to_someone_it_does_not_fit(
    nlp: Language, text: str, phrase: str, not_speaker: str
) -> None:
    """A title that says another state, rank or time, or a place named beside a kind, is no match."""
    assert _quote(nlp, text, phrase).speaker_name != not_speaker


WRITER_TEXTS = [
    pytest.param(
        "Why the harbor levy must go\n\nBy Sarah Collins\n\nI argued last spring that the levy would fail, "
        "and the council agreed.",
        "Sarah Collins", id="byline",
    ),
    pytest.param(
        "Why the harbor levy must go\n\nI argued last spring that the levy would fail, and the council agreed.\n\n"
        "Sarah Collins is a harbor pilot at Port Ellery and writes about the bay.",
        "Sarah Collins", id="closing note on the writer",
    ),
    pytest.param(
        "Levy vote delayed\n\nI argued last spring that the levy would fail, and the council agreed.\n\n"
        "Follow Sarah Collins on Twitter @scollins.",
        "Sarah Collins", id="closing follow line",
    ),
]


@pytest.mark.parametrize(("text", "writer"), WRITER_TEXTS)
def test_the_writers_i_outside_quotes_is_the_writer_named_by_the_article(
    nlp: Language, text: str, writer: str
) -> None:
    """An op-ed's "I argued" is its writer, named by a byline or by the note on the writer that closes it."""
    assert _quote(nlp, text, "the levy would fail").speaker_name == writer


WRITER_GUARDS = [
    pytest.param(
        "Levy vote delayed\n\nBy Sarah Collins and Daniel Okoro\n\nI argued last spring that the levy would fail, "
        "and the council agreed.",
        id="two writers",
    ),
    pytest.param(
        "Levy vote delayed\n\nMayor Ana Ruiz spoke at the harbor.\n\nI argued last spring that the levy would fail, "
        "and the council agreed.\n\nRuiz was asked about the vote on Monday.",
        id="a closing paragraph that tells the story",
    ),
]


@pytest.mark.parametrize("text", WRITER_GUARDS)
def test_the_writers_i_is_the_author_when_no_one_writer_is_named(nlp: Language, text: str) -> None:
    """Two bylines, or a last paragraph about someone in the story, name no writer: "I" is the author, described."""
    assert _quote(nlp, text, "the levy would fail").speaker_name == "the author"


def test_the_i_of_an_interview_is_not_the_author(nlp: Language) -> None:
    """In a Q-and-A or a transcript, "I" is whoever answers, also in a paragraph that carries the answer on."""
    text = (
        "Q&A with Mayor Ana Ruiz\n\nQ: Will the levy pass?\n\nA: I doubt it.\n\n"
        "Q: Why not?\n\nA: The council is split.\n\nI argued last spring that the levy would fail."
    )
    assert _quote(nlp, text, "the levy would fail").speaker_name != "the author"


def test_the_i_of_an_interviews_answer_is_the_person_interviewed(nlp: Language) -> None:
    """"A: I think …" is the person the headline or the introduction names; "Q: I wonder …" is not them."""
    text = (
        "Q&A with Mayor Laura Bennett\n\nMayor Laura Bennett spoke to reporters about the levy and about Tom Arle, "
        "her rival.\n\nQ: I wonder whether the levy will pass at all this year.\n\n"
        "A: I think the council will pass it in June.\n\nQ: And Tom Arle?\n\nA: I believe he means well. "
        "We believe the harbor belongs to everyone."
    )
    assert _quote(nlp, text, "the council will pass it").speaker_name == "Laura Bennett"
    assert _quote(nlp, text, "he means well").speaker_name == "Laura Bennett"
    assert _quote(nlp, text, "the harbor belongs to everyone").speaker_name == "Laura Bennett"
    assert _quote(nlp, text, "the levy will pass at all").speaker_name != "Laura Bennett"


def test_a_pronoun_after_the_writers_i_is_not_the_writer(nlp: Language) -> None:
    """"I" speaks for the writer; a later "she" in the writer's text is someone else the text is about."""
    text = (
        "By Sarah Collins\n\nI argued last spring that the levy would fail.\n\n"
        "My aunt, Susan Miller, runs a bakery on the quay. She said the levy would cost her a month of wages."
    )
    assert _quote(nlp, text, "cost her a month").speaker_name == "Susan Miller"


def test_the_subject_of_a_clause_since_opens_speaks_its_verb(nlp: Language) -> None:
    """"Reyes has been attacking Ortiz since Okafor, at Monday's debate, cited …": the parse takes "since" for a
    preposition and "cited" for a conjunct of "attacking"; Okafor cites, not Reyes."""
    text = "Reyes has been attacking Ortiz since Okafor, at Monday’s debate, cited derogatory comments about the port."
    assert _quote(nlp, text, "derogatory comments").speaker_name == "Okafor"


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        ("She was not asked, and did not say, how much the repairs would cost the city.", "how much the repairs"),
        ("Marlowe was joined on stage by Sen. Dale Ferrin and joked, “The bridge is older than both of us.”",
         "older than both of us"),
    ],
)
def test_an_active_cue_shares_the_subject_of_the_passive_verb_it_is_coordinated_with(
    nlp: Language, sentence: str, phrase: str
) -> None:
    text = f"Harbour commissioner Ines Marlowe spoke at the hearing on Monday.\n\n{sentence}\n"
    assert _quote(nlp, text, phrase).speaker_name == "Ines Marlowe"


LEDE = (
    "Judge halts harbour levy.\n\n"
    "A state judge has blocked the harbour levy, saying the city council had no power to raise it.\n\n"
    "Superior Court Judge Ana Pereira granted the injunction on Thursday.\n"
)


def test_a_ledes_indefinite_title_is_the_holder_the_next_sentences_name(nlp: Language) -> None:
    assert _quote(nlp, LEDE, "had no power to raise it").speaker_name == "Ana Pereira"


def test_an_indefinite_title_after_the_lede_stays_unnamed(nlp: Language) -> None:
    text = LEDE.replace(
        "A state judge has blocked",
        "The levy was due in May. Fishers protested. Shops closed early. A state judge has blocked",
    )
    assert _quote(nlp, text, "had no power to raise it").speaker_name != "Ana Pereira"


def test_according_to_a_source_the_parser_reads_as_a_verb_names_that_source(nlp: Language) -> None:
    # "show insiders" parsed as the verb "show" with "insiders" its object; "They" then stands for them
    text = (
        "The mayor repeatedly mocked the harbor crews in private, according to show insiders. "
        "They said he called the crews lazy."
    )
    assert _quote(nlp, text, "mocked the harbor crews").speaker_name == "insiders"
    assert _quote(nlp, text, "called the crews lazy").speaker_name == "insiders"


@pytest.mark.parametrize(
    ("text", "phrase", "speaker"),
    [
        ("The pier ruling left Marlow Bay fishers asking who would pay for the dredging.", "who would pay", "fishers"),
        # after a comma the participle is the subject's: the mayor says it, not the one she attacked
        ("Mayor Dana Okafor attacked Gregory Pashley, saying he had failed us.", "failed us", "Dana Okafor"),
    ],
)
def test_the_object_of_leave_or_have_asks_what_the_participle_after_it_asks(
    nlp: Language, text: str, phrase: str, speaker: str
) -> None:
    assert speaker in (_quote(nlp, text, phrase).speaker_name or "")


OWNED_GROUP_CASES = [
    pytest.param(
        "Dana Okafor is running for mayor of Port Ellery.\n\nOkafor's campaign said the ad would air on Friday.",
        "the ad would air", "Dana Okafor's campaign", id="a surname's campaign",
    ),
    pytest.param(
        "Dana Okafor is running for mayor of Port Ellery.\n\nThe Okafor campaign said the ad would air on Friday.",
        "the ad would air", "Dana Okafor campaign", id="the campaign named by its candidate",
    ),
    pytest.param(
        "Dana Okafor is running for mayor of Port Ellery.\n\nHer aides said the ad would air on Friday.",
        "the ad would air", "Dana Okafor's aides", id="a pronoun's aides",
    ),
    pytest.param(
        "Dana Okafor is running for mayor of Port Ellery. Okafor's campaign has raised $2 million.\n\n"
        "The campaign said the ad would air on Friday.",
        "the ad would air", "Dana Okafor campaign", id="the campaign is the one the article named",
    ),
    pytest.param(
        "Dana Okafor won the harbor vote on Monday. Some Okafor supporters said the count was unfair.",
        "the count was unfair", "some Dana Okafor supporters", id="how many of the group is kept",
    ),
    pytest.param(
        "Dana Okafor and Peter Vance are running for mayor. Okafor's campaign has raised $2 million, and Vance's "
        "campaign $1 million.\n\nThe campaign said the ad would air on Friday.",
        "the ad would air", "The campaign", id="the campaign of an article naming two is not guessed",
    ),
    pytest.param(
        "Dana Okafor and Tom Keller are running for mayor. Okafor's campaign has raised $2 million.\n\n"
        "A new ad from Keller's campaign seizes on a remark his rival made.\n\n"
        "The campaign said the ad would air on Friday.",
        "the ad would air", "Tom Keller campaign", id="of two campaigns, the one named just before",
    ),
    pytest.param(
        "Dana Okafor and Peter Vance are running for mayor. Okafor's campaign has raised $2 million, and Vance's "
        "campaign $1 million.\n\nThe ferry fare rose again.\n\nPort Ellery had no ferry for a week.\n\n"
        "The harbor was closed on Monday.\n\nThe pier flooded twice.\n\n"
        "Peter Vance plans to call on young people to rebuild the pier.\n\n"
        "The campaign said the candidate would announce the plan on Friday.",
        "would announce the plan", "Peter Vance campaign", id="of two campaigns, the one of the person just named",
    ),
    pytest.param(
        "Mayor Dana Okafor took office in 2019. The Okafor administration rebuilt the north pier.\n\n"
        "The administration said the ferry would run again by May.",
        "the ferry would run again", "Dana Okafor administration", id="an administration is its leader's",
    ),
    pytest.param(
        "Dana Okafor ran the harbor clinic for a decade. Her account said the ferry had been late every week.",
        "ferry had been late", "Dana Okafor's account", id="a person's writing",
    ),
    pytest.param(
        "Dana Okafor ran the harbor clinic for a decade. Okafor's letter said the ferry had been late every week.",
        "ferry had been late", "Dana Okafor's letter", id="a writing the surname owns",
    ),
    pytest.param(
        'The Port Ellery Harbor Board issued a statement on Monday calling the closure "a blow to every fisher." '
        "The statement said the ferry would run again by May.",
        "ferry would run again", "Port Ellery Harbor Board statement", id="the statement its author issued",
    ),
    pytest.param(
        "Mayor Ana Ruiz spoke on Monday. In 1998, a Gazette/Pulse article praised her. The article said the pier had "
        "never looked better.",
        "never looked better", "Gazette/Pulse article", id="the article its paper is named before",
    ),
    pytest.param(
        "Fees rose fastest in the north ward, according to a recent Gazette survey of harbor records. The study found "
        "that fees in the ward doubled.",
        "fees in the ward doubled", "Gazette survey", id="a study the article named a survey before",
    ),
    pytest.param(
        "A study by the Marlow Bay Institute found that fees in the ward doubled. The study also said the board had "
        "ignored warnings.",
        "ignored warnings", "Marlow Bay Institute study", id="the study its author is named after by",
    ),
    pytest.param(
        "New Poll Shows Bump For Okafor.\n\nA new poll shows that harbor candidate Tom Keller remains in a tight race "
        "with Dana Okafor.\n\nDespite claims that Okafor won, she did not receive a bump.\n\nThe latest Gazette/Pulse "
        "opinion poll released Friday shows Okafor leads Keller by 43 percent to 38 percent.",
        "remains in a tight race", "Gazette/Pulse poll", id="a new poll named by its pollster two sentences on",
    ),
    pytest.param(
        "A new national poll suggests that the mayor may have been right the first time. A HARBOR TODAY/Marlow "
        "University poll found that Okafor and Keller were in a dead heat.",
        "right the first time", "HARBOR TODAY/Marlow University poll", id="every word of the pollsters' names",
    ),
    pytest.param(
        "A new poll shows that Tom Keller remains in a tight race with Dana Okafor. A Gazette poll last month had "
        "Okafor far ahead.",
        "remains in a tight race", "A new poll", id="an older poll named next is another one",
    ),
    pytest.param(
        "Dr. Rita Varga, who was the harbor physician for a decade, said the mayor hid an illness.\n\nVarga wrote a "
        "memoir of her time at the harbor.\n\nAccording to her account, she sent the mayor to the hospital.\n\n"
        "“The mayor was back on the pier within days,” the book said.",
        "back on the pier", "Rita Varga memoir", id="the book its author wrote as a memoir",
    ),
    pytest.param(
        "The paper ran a Friday editorial on the pier. The editorial said the ferry should run again by May.",
        "ferry should run again", "The editorial", id="a day before a writing is not its author",
    ),
]


@pytest.mark.parametrize(("text", "phrase", "speaker"), OWNED_GROUP_CASES)
def test_a_persons_group_is_named_by_its_owner(nlp: Language, text: str, phrase: str, speaker: str) -> None:
    """"Okafor's campaign", "The Okafor campaign" and "her campaign" say whose the group is, the owner named in full
    and the article's form kept ("Dana Okafor's campaign", "Dana Okafor campaign")."""
    assert _quote(nlp, text, phrase).speaker_name == speaker


def test_the_candidate_is_the_person_named_last_even_as_an_organisation(nlp: Language) -> None:
    """"the candidate" bare stands for the person named just before, and a surname the entity model took for an
    organisation there is still that person, not the rival named further back."""
    from dataclasses import replace

    from spacy.tokens import Span

    text = (
        "Dale Ferrin and Tom Arle are running for mayor.\n\nArle won the most votes in May. "
        "Ferrin is coming off a strong debate.\n\nThe candidate says he will win the harbor vote."
    )
    doc = nlp(text)
    later = text.index("Ferrin is")
    surname = doc.char_span(later, later + len("Ferrin"))
    assert surname is not None
    kept = [e for e in doc.ents if e.end <= surname.start or e.start >= surname.end]
    doc.ents = [*kept, Span(doc, surname.start, surname.end, label="PERSON")]
    mentions = [replace(m, label="ORG") if m.start == later else m for m in find_mentions(doc, "t")]
    assert any(m.start == later and m.label == "ORG" for m in mentions)
    quotes = [q for q in find_quotes(doc, mentions, "t") if "win the harbor vote" in q.text]
    assert quotes and quotes[0].speaker_name == "Dale Ferrin"


def _parsed_as(nlp: Language, words: list[str], heads: list[int], deps: list[str], tags: list[str]) -> Doc:
    """Build a doc with a given parse, to reproduce a mistake the model makes in some contexts only."""
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags)


@pytest.mark.parametrize(
    ("words", "heads", "deps", "tags", "subject"),
    [
        pytest.param(
            ["Ferrin", "charges", "that", "boats", "sank", "."], [1, 1, 4, 4, 1, 1],
            ["compound", "ROOT", "mark", "nsubj", "ccomp", "punct"], ["NN", "NNS", "IN", "NNS", "VBD", "."],
            True, id="a name before a verb read as a plural noun",
        ),
        pytest.param(
            ["Ferrin", "bristles", "at", "the", "idea", "."], [1, 1, 1, 4, 2, 1],
            ["compound", "ROOT", "prep", "det", "pobj", "punct"], ["NNP", "VBZ", "IN", "DT", "NN", "."],
            True, id="a name before a verb read as its modifier",
        ),
        pytest.param(
            ["Ferrin", "trucks", "were", "late", "."], [1, 2, 2, 2, 2],
            ["compound", "nsubj", "ROOT", "acomp", "punct"], ["NNP", "NNS", "VBD", "JJ", "."],
            False, id="a name that modifies a noun subject",
        ),
    ],
)
def test_a_name_before_a_verb_the_parser_took_for_a_noun_is_its_subject(
    nlp: Language, words: list[str], heads: list[int], deps: list[str], tags: list[str], subject: bool
) -> None:
    doc = _parsed_as(nlp, words, heads, deps, tags)
    assert verb_taken_for_noun(doc[0]) is subject


@pytest.mark.parametrize(
    ("text", "word", "person"),
    [
        pytest.param(
            'The plan would cost $3 million a year, according to the "Medicare for all" document Keller released.',
            "Medicare", False, id="a title's word inside quote marks",
        ),
        pytest.param("Reynolds said the pier would reopen in May.", "Reynolds", True, id="a surname alone"),
    ],
)
def test_only_a_name_standing_alone_is_taken_for_a_person(nlp: Language, text: str, word: str, person: bool) -> None:
    """A speaker the entity model took for an organisation may still be a person named by a surname alone, whom
    "he" or "she" may stand for; not a word of a quoted title ("the “Medicare for all” document")."""
    doc = nlp(text)
    resolver = SpeakerResolver(doc, find_mentions(doc, "t"))
    token = next(t for t in doc if t.text == word)
    assert resolver._named_like_person(speaker_span(token, text)) is person


def test_a_relative_two_people_of_the_family_may_be_is_neither(nlp: Language) -> None:
    text = (
        "Tom Keller spoke at the pier with Eric Keller and Dan Keller on Monday.\n\n"
        "Tom Keller's son said the ferry had never been safer."
    )
    assert _quote(nlp, text, "never been safer").speaker_name not in ("Eric Keller", "Dan Keller")


TOPIC_TEXT = (
    "Keller courts the harbor vote.\n\n"
    "Dan Keller would not be the fishermen's first choice. Or their second. Or maybe even their third.\n\n"
    "{description} said {pronoun} would rebuild the north pier before the summer.\n\n"
    "Keller toured the pier on Monday. Later, Keller met the harbor board.{more}"
)


@pytest.mark.parametrize(
    ("description", "pronoun", "more", "speaker"),
    [
        pytest.param("The candidate", "he", "", "Dan Keller", id="the person the article is about"),
        pytest.param(
            "The Democratic nominee", "she", "", "The Democratic nominee", id="not of a party the article never gives",
        ),
        pytest.param(
            "The candidate", "he", " Tom Arle met the board too. Arle spoke first. Arle left early. Arle came back.",
            "The candidate",
            id="not when another is named about as often",
        ),
    ],
)
def test_a_description_nothing_near_resolves_is_the_person_the_article_is_about(
    nlp: Language, description: str, pronoun: str, more: str, speaker: str
) -> None:
    text = TOPIC_TEXT.format(description=description, pronoun=pronoun, more=more)
    assert _quote(nlp, text, "rebuild the north pier").speaker_name == speaker


def test_a_bare_campaign_no_one_owns_is_the_campaign_of_the_person_the_article_is_about(nlp: Language) -> None:
    text = TOPIC_TEXT.format(description="The candidate", pronoun="he", more="") + (
        "\n\nThe campaign said the ferry plan would be announced on Friday."
    )
    assert _quote(nlp, text, "ferry plan would be announced").speaker_name == "Dan Keller campaign"


@pytest.mark.parametrize(
    ("text", "phrase", "speaker"),
    [
        pytest.param(
            "Protesters were frustrated that the city released only some of the harbor footage.",
            "released only some", "Protesters", id="a feeling",
        ),
        pytest.param(
            "Before the vote, Vance aides were coy about whether they would change their approach.",
            "change their approach", "Rita Vance aides", id="a stance the parser reads as a passive",
        ),
    ],
)
def test_the_passive_subject_of_a_feeling_holds_it(nlp: Language, text: str, phrase: str, speaker: str) -> None:
    """"were frustrated that …" is what its subject feels, though the parser reads it as a passive."""
    if "Vance aides" in text:
        text = "Rita Vance spoke on Monday.\n\n" + text
    assert _quote(nlp, text, phrase).speaker_name == speaker


def test_the_listener_of_a_passive_verb_of_asking_does_not_speak(nlp: Language) -> None:
    """"He was asked whether …" names who was asked, not who asked."""
    text = "Dale Ferrin was asked whether the harbor levy would pass this spring."
    doc = nlp(text)
    quotes = [q for q in find_quotes(doc, find_mentions(doc, "t"), "t") if "levy would pass" in q.text]
    assert all(q.speaker_name != "Dale Ferrin" for q in quotes)


def test_who_the_parse_leaves_without_a_clause_stands_for_the_noun_before_it(nlp: Language) -> None:
    """A "who" whose clause the parse read as a sentence of its own is the noun before its comma, not the
    person named last."""
    text = ("Mayor Dale Ferrin spoke on Monday.\n\nIn the fast-fading world of harbor-era figures, who are "
            "mystified that even the appearance of a once-adored former mayor failed to sway voters last week, "
            "some are quietly saying it is time to accept a new reality.")
    assert nlp(text)[22].dep_ == "ROOT", "the parse this test is about"
    assert _quote(nlp, text, "once-adored former mayor").speaker_name == "harbor-era figures"


def test_a_full_name_takes_the_apostrophe_the_article_writes_the_surname_with_most() -> None:
    """A scrape mixing straight and curly marks gives one person one name, spelt the article's usual way."""
    people = [
        Mention("t", 0, 24, "Commissioner Jim O’Leary", "PERSON", name="Jim O’Leary"),
        Mention("t", 40, 47, "O'Leary", "PERSON", name="O'Leary"),
        Mention("t", 80, 87, "O'Leary", "PERSON", name="O'Leary"),
    ]
    assert set(full_names_by_surname(people).values()) == {"Jim O'Leary"}


@pytest.mark.parametrize(
    ("text", "phrase", "speaker"),
    [
        pytest.param(
            "Lawmaker urges ban on night ferries;\nMember of harbor panel says the crossings are unsafe.\n\n"
            "Rep. Dale Ferrin, the top Liberal on the Harbor Committee, called on Mayor Rita Vance to stop the "
            "night crossings.",
            "ban on night ferries", "Dale Ferrin", id="the lede's subject, below a deck",
        ),
        pytest.param(
            "Former harbor chairman calls for a new ferry plan.\n\n"
            "A former Port Ellery harbor board chairman says Mayor Rita Vance and the council should come up "
            "with a plan to replace the ferry.\n\n"
            '"Now is the time for a plan," said Dale Ferrin, who led the board from 1995 to 1997.',
            "a new ferry plan", "Dale Ferrin", id="the lede's own description, named after",
        ),
        pytest.param(
            "Pastor praises Mayor Vance's harbor plan.\n\n"
            "Mayor Rita Vance has an admirer in harbor pastor Tom Arle.\n\n"
            "Arle, who has preached by the bay for forty years, praised the plan in an interview on Saturday.",
            "Vance's harbor plan", "Tom Arle", id="named after the description's word, not the lede's subject",
        ),
    ],
)
def test_a_headlines_bare_description_is_the_person_the_opening_names(
    nlp: Language, text: str, phrase: str, speaker: str
) -> None:
    """"Lawmaker urges …" over "Rep. Dale Ferrin … called on …": the headline's subject is who the lede is about."""
    assert _quote(nlp, text, phrase).speaker_name == speaker


def test_a_headlines_description_of_the_other_sex_is_not_the_ledes_subject(nlp: Language) -> None:
    """"Husband expecting …" over "Mayor Rita Vance announced …": the husband is not Rita Vance."""
    text = ("Husband expecting second child, mayor says.\n\nMayor Rita Vance announced she and her husband "
            "are expecting their second child this summer.")
    doc = nlp(text)
    husband = next(t for t in doc if t.lower_ == "husband")
    resolver = SpeakerResolver(doc, find_mentions(doc, "t"))
    assert resolver._headline_described(speaker_span(husband, text)) != "Rita Vance"


@pytest.mark.parametrize(
    ("text", "phrase", "speaker"),
    [
        pytest.param(
            "The ceremony featured the mayor as well as singers like Rita Vance, Tom Arle, Dana Okafor and Peter "
            "Berg, who said he had not seen the new pier yet.",
            "not seen the new pier", "Peter Berg", id="the last name of a list before its comma",
        ),
        pytest.param(
            "The council heard Dale Ferrin, a harbor engineer at the Port Authority who told his crews never to "
            "dredge at night.",
            "never to dredge at night", "Dale Ferrin", id="through an apposition to the name it describes",
        ),
        pytest.param(
            "The plan drew fire from a harbor pilot, who said the pier would never open.",
            "would never open", "a harbor pilot", id="a description, without the clause that says it",
        ),
        pytest.param(
            "The board listened to those who said the pier would never open.",
            "would never open", "those who said the pier would never open", id="a clause that tells which ones",
        ),
    ],
)
def test_a_relative_who_stands_for_the_person_its_clause_describes(
    nlp: Language, text: str, phrase: str, speaker: str
) -> None:
    """"… and Stevie Wonder, who joked …" is Stevie Wonder, not the first of the list; "John Bentel, a tech
    staffer at the State Department who told …" is John Bentel, not the description."""
    assert _quote(nlp, text, phrase).speaker_name == speaker


def test_a_hyphenated_speaker_the_parse_splits_is_all_of_it(nlp: Language) -> None:
    """"ex-wife" tokenised as "ex", "-", "wife", each a subject: the speaker is "His ex-wife", not "wife"."""
    text = (
        "Tom Arle filed papers opposing the release of the ferry files.\n\n"
        "His ex-wife agreed, but also contended that since she is not running for office, she should be left alone."
    )
    quote = _quote(nlp, text, "she should be left alone")
    assert quote.speaker_text == "His ex-wife"


def test_a_kind_no_name_says_is_the_organisation_the_article_is_about(nlp: Language) -> None:
    """"The bank" with no bank's name before it is the organisation the headline names and the article names
    far more often than any other; with two named as often, it stays a description."""
    about = (
        "Senator grills Kestrel Fargate chief over fake accounts.\n\n"
        "Sen. Laura Bennett on Tuesday grilled the chief executive of Kestrel Fargate over 2 million fake accounts. "
        "Kestrel Fargate has paid a $185 million fine. Investors in Kestrel Fargate lost $9 billion.\n\n"
        "The bank said that it had fired 5,300 workers over the scheme."
    )
    assert _quote(nlp, about, "it had fired 5,300 workers").speaker_name == "Kestrel Fargate"
    two = about.replace(
        "Kestrel Fargate has paid a $185 million fine. Investors in Kestrel Fargate lost $9 billion.",
        "Kestrel Fargate has paid a $185 million fine to the Federal Reserve. Investors in Kestrel Fargate lost "
        "$9 billion, the Federal Reserve found, and the Federal Reserve has opened an inquiry.",
    )
    assert two != about
    assert _quote(nlp, two, "it had fired 5,300 workers").speaker_name != "Kestrel Fargate"


def test_a_surname_the_entity_model_missed_is_the_person_it_names(nlp: Language) -> None:
    """"For years, Oz has been dogged …" with no entity on "Oz": the person the article named in full, whom a later
    "he" stands for; and "The New Yorker", which put something, is no person a pronoun may stand for."""
    text = (
        "Dr. Mehmet Vaszary hosts a daytime show.\n\n"
        "For years, Vaszary has been dogged by charges that he gave questionable advice."
    )
    doc = nlp(text)
    surname = [token for token in doc if token.text == "Vaszary"][1]
    doc.ents = [ent for ent in doc.ents if not ent.start <= surname.i < ent.end]  # the model's miss, made sure of
    resolver = SpeakerResolver(doc, find_mentions(doc, "t"))
    assert resolver._person_in(surname) == "Mehmet Vaszary"
    magazine = nlp('Critics agree, as The New Yorker put it, that he is "the operator."')
    resolver = SpeakerResolver(magazine, find_mentions(magazine, "t"))
    token = next(token for token in magazine if token.text == "Yorker")
    assert not resolver._named_like_person(speaker_span(token, magazine.text))


def test_a_name_counted_as_many_or_a_website_is_no_person_a_pronoun_names(nlp: Language) -> None:
    """"Other Netizens enjoyed …" (the model's organisation) is a group and "Factcheck.org" a website: neither is
    whom the next "he" stands for."""
    text = 'Other Netizens enjoyed the spectacle. "He is very cute," one user wrote.'
    doc = _with_org(nlp, text, "Netizens")
    resolver = SpeakerResolver(doc, find_mentions(doc, "t"))
    token = next(token for token in doc if token.text == "Netizens")
    assert not resolver._named_like_person(speaker_span(token, doc.text))
    site = _with_org(nlp, "The real figure is 15 percent, according to Factcheck.org.", "Factcheck.org")
    resolver = SpeakerResolver(site, find_mentions(site, "t"))
    token = next(token for token in site if token.text.startswith("Factcheck"))
    assert not resolver._named_like_person(speaker_span(token, site.text))


def _with_org(nlp: Language, text: str, name: str) -> Doc:
    """Parse a text with one name tagged an organisation, as the model tags it in the article this came from."""
    doc = nlp(text)
    start = text.index(name)
    span = doc.char_span(start, start + len(name), label="ORG")
    assert span is not None
    doc.ents = [span]
    return doc


def test_it_is_the_writing_the_sentence_before_names_and_no_they_after_it(nlp: Language) -> None:
    """"Mayor Vance cited a 2001 memorandum … . It says …": the memorandum speaks; a "they" after it is not it."""
    text = (
        "In her proposed ordinance, Mayor Laura Bennett cited a 2001 memorandum issued by the harbor board. It says "
        "that ferries which ignore the board can be barred.\n\n"
        "They said that the ordinance would ruin them."
    )
    assert _quote(nlp, text, "ferries which ignore the board").speaker_name == (
        "a 2001 memorandum issued by the harbor board"
    )
    assert _quote(nlp, text, "the ordinance would ruin them").speaker_name != (
        "a 2001 memorandum issued by the harbor board"
    )


def test_it_is_the_organisation_the_sentence_before_is_about_even_unrecognised(nlp: Language) -> None:
    """An organisation the entity model missed ("the Central and East European Coalition") is still what "it"
    stands for in the next sentence."""
    text = (
        "Many harbor workers share these fears, but the Bay Fishing Coalition, which represents 900 boats, wants "
        "to stay neutral. Recently, however, it issued a paper welcoming the levy."
    )
    doc = nlp(text)
    doc.ents = []  # the model's miss, made sure of
    resolver = SpeakerResolver(doc, find_mentions(doc, "t"))
    pronoun = next(token for token in doc if token.lower_ == "it")
    assert resolver._thing(speaker_span(pronoun, text), 1) == "Bay Fishing Coalition"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "Ohio's purge of its voter rolls is before the court. Ohio says the rolls are out of date.\n\n"
            "Advocates cite the 2000 election in Florida, when the state incorrectly said that 12,000 voters were "
            "felons.",
            "Florida", id="the state its own sentence names",
        ),
        pytest.param(
            "Michigan switched Flint's water in 2014. Michigan officials told residents it was safe.\n\n"
            "The state admitted that it made a mistake in its water testing.",
            "Michigan", id="the one state the article names",
        ),
    ],
)
def test_the_state_is_the_us_state_the_story_names(nlp: Language, text: str, speaker: str) -> None:
    doc = nlp(text)
    found = [q for q in find_quotes(doc, find_mentions(doc, "t"), "t") if (q.speaker_text or "").lower() == "the state"]
    assert found and found[0].speaker_name == speaker


def test_the_subject_of_a_clause_between_a_quote_and_its_cue_speaks_on(nlp: Language) -> None:
    # "“We agree,” he said at a conference, and then predicted: “Yes.”" as the model sometimes reads it: "predicted"
    # hangs into the first quote, and "said" has a second subject inside it
    words = ["“", "We", "agree", ",", "”", "he", "said", "at", "a", "conference", ",", "and", "then", "predicted",
             ":", "“", "Yes", ".", "”"]
    heads = [2, 6, 2, 2, 2, 6, 2, 6, 9, 7, 6, 6, 13, 2, 13, 13, 13, 13, 13]
    deps = ["punct", "nsubj", "ROOT", "punct", "punct", "nsubj", "ccomp", "prep", "det", "pobj", "punct", "cc",
            "advmod", "conj", "punct", "punct", "intj", "punct", "punct"]
    tags = ["``", "PRP", "VBP", ",", "''", "PRP", "VBD", "IN", "DT", "NN", ",", "CC", "RB", "VBD", ":", "``", "UH",
            ".", "''"]
    pos = ["PUNCT", "PRON", "VERB", "PUNCT", "PUNCT", "PRON", "VERB", "ADP", "DET", "NOUN", "PUNCT", "CCONJ", "ADV",
           "VERB", "PUNCT", "PUNCT", "INTJ", "PUNCT", "PUNCT"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos)
    speaker = find_speaker(doc[13], doc.text)
    assert speaker is not None and speaker.token.text == "he"


def test_a_long_speaker_phrase_keeps_every_author_after_by(nlp: Language) -> None:
    text = (
        "Some residents would see their fees rise under the plan, according to an analysis by Lena Morse of the "
        "Marlow Bay Institute and Tomas Arle, a former harbor economist now teaching at Marlow College, whose "
        "figures were checked by the board."
    )
    quote = _quote(nlp, text, "fees rise")
    assert quote.speaker_name == "an analysis by Lena Morse of the Marlow Bay Institute and Tomas Arle"


@pytest.mark.parametrize(
    ("text", "named", "head", "expected"),
    [
        pytest.param(
            "The BBC took government money too, said Ms. Lind, who now works for RT. The network said it would stay.",
            [("BBC", "ORG"), ("RT", "GPE")], "network", "RT", id="a network's name the model took for a place",
        ),
        pytest.param(
            "The Department of Harbor Affairs hired nurses, and the VA clinic too. The agency said it would stay.",
            [("Department of Harbor Affairs", "ORG"), ("VA", "GPE")], "agency", "Department of Harbor Affairs",
            id="a place abbreviation may be the place (VA, Virginia)",
        ),
    ],
)
def test_a_description_takes_a_name_of_its_kind_whatever_its_label(
    nlp: Language, text: str, named: list[tuple[str, str]], head: str, expected: str
) -> None:
    """"RT" is a network's name however the model labels it: "the network" is RT, not the BBC named further back;
    but "VA" labelled a place may be Virginia, and "the agency" stays the agency named by its words."""
    doc = nlp(text)
    mentions = [
        Mention("t", text.index(name), text.index(name) + len(name), name, label, name) for name, label in named
    ]
    noun = next(token for token in doc if token.text == head)
    assert organisation_described(noun, mentions) == expected


def test_a_subjectless_line_of_a_list_has_no_speaker(nlp: Language) -> None:
    text = (
        "Ran a fraudulent harbor business that bilked fishers out of thousands of dollars.\n\n"
        "Keeps saying she opposed the levy, when there are radio clips of her supporting it."
    )
    assert _quote(nlp, text, "opposed the levy").speaker_name is None


def test_talk_going_round_is_not_who_speaks(nlp: Language) -> None:
    text = "Okafor is facing a reelection fight in 2018, and talk had been mounting about a rival challenging her."
    doc = nlp(text)
    assert all(q.speaker_name != "talk" for q in find_quotes(doc, find_mentions(doc, "t"), "t"))


@pytest.mark.parametrize(
    ("text", "phrase", "speaker"),
    [
        pytest.param(
            "The plan would draw fire from the board, and an aggressive - some say unrealistic - pledge to rebuild "
            "the pier by 2030.",
            "pledge to rebuild", "some", id="the subject of an aside between dashes",
        ),
        pytest.param(
            "Rita Varga - Okafor’s girlfriend and co-host on his radio show - said that his distrust of the board "
            "turned extreme around 2002.",
            "distrust of the board", "Rita Varga - Okafor’s girlfriend and co-host on his radio show",
            id="a name and what she is, between dashes",
        ),
    ],
)
def test_a_speaker_phrase_begins_after_a_spaced_dash(nlp: Language, text: str, phrase: str, speaker: str) -> None:
    assert _quote(nlp, text, phrase).speaker_name == speaker


def test_a_persons_lawyer_is_the_attorney_named_for_them_before(nlp: Language) -> None:
    text = (
        "The board voted to hold Tom Keller in contempt. An attorney for Keller, Mark Dowd, stressed that his client "
        "was ready to appear behind closed doors.\n\nOkafor insisted she has different questions for Keller. However, "
        "Keller's lawyer has said he will refuse to answer any questions from the board."
    )
    assert _quote(nlp, text, "refuse to answer").speaker_name == "Mark Dowd"
