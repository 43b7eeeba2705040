"""Resolve the speaker a cue's parse names (``quotes_speaker_phrase``) to a person within the article.

``SpeakerResolver`` walks an article's quotes in text order and turns each speaker into a name: a full name for
a surname or a title ("Blinken", "the Secretary of State"; of two people sharing a surname, the one its form of
address or the sentences just before tell), the antecedent of a relative pronoun ("who"), the person a pronoun
most likely refers to, and a description for anyone unnamed ("a senior US official"); "I" outside any quotation
is the writer (the byline's, else "the author"), and a description the article does not tie to a title ("The
billionaire businessman", "Clinton’s campaign") the person named just before it or the group's owner. No
coreference model runs: "he" or "she" is the nearest person standing as a subject in the reporter's words of its
sentence or the one before (a quote's speaker counts, the quoted words do not), else the last person quoted,
else the last person named, skipping people of the other gender (forms of address, the first names of
``quotes_gender``, the article's own pronouns); "they" is the plural subject just before, else the last speaker;
"it" an organisation. A few dictionary look-ups and a walk over two sentences per pronoun. The article's people
by surname (full names, genders) come from ``quotes_speaker_names``, where a word stands in the parse from
``quotes_speaker_syntax``.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from collections.abc import Iterator, Mapping

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from dateline.analyze.entities_lexicon import (
    COUNTRY_WORDS,
    HONORIFICS,
    TITLE_ABBREVIATIONS,
    TITLE_HEADS,
    US_STATE_ABBREVIATIONS,
    fold,
)
from dateline.analyze.quotes_descriptions import ORGANISATION_KINDS, organisation_described
from dateline.analyze.quotes_gender import ROLE_NOUN_GENDER, first_name_gender
from dateline.analyze.quotes_headline import PUNCTUATION, headline_end, in_headline
from dateline.analyze.quotes_marks import quoted_passages
from dateline.analyze.quotes_speaker_names import (
    FEMININE,
    MASCULINE,
    full_names_by_surname,
    genders_by_surname,
    given_name,
    same_given_name,
    surname_key,
)
from dateline.analyze.quotes_speaker_phrase import Speaker, bare_title, speaker_span
from dateline.analyze.quotes_speaker_syntax import (
    NAMING_VERBS,
    PERSON_NOUNS,
    TITLE_WORDS,
    bare_name,
    described_like_a_thing,
    in_clause_on_a_thing,
    in_main_clause,
    in_main_subject,
    in_trailing_clause,
    is_bare_definite,
    is_definite,
    is_indefinite,
    modal_named,
    more_than_one,
    named_as,
    named_force,
    named_owner,
    organisation_named,
    quantified_group,
    relative_antecedent,
    verb_taken_for_noun,
)
from dateline.analyze.quotes_writer import writer_mentions
from dateline.model import Mention, Quote

PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her", "i", "me"})
GROUP_PRONOUNS = frozenset({"they", "them", "we", "us"})
RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})
WEB_ADDRESS = re.compile(r"\.(?:com|org|net|gov|edu|co\.uk|io)\b", re.IGNORECASE)
"""A name ending like a web address ("Factcheck.org", "Breitbart.com"): a site, no person."""
DOCUMENT_NOUNS = frozenset(
    {
        "memo", "memorandum", "email", "e-mail", "letter", "report", "study", "statement", "ad", "advertisement",
        "video", "sign", "document", "bill", "poll", "survey", "website", "tweet", "book", "article", "editorial",
        "complaint", "lawsuit", "filing", "brief", "ruling", "order", "resolution", "proposal", "message", "note",
        "release", "analysis", "review", "audit", "transcript", "petition", "post",
    }
)
"""Writings that say things ("the memo says"): what "it" may be when no organisation is."""
POSSESSIVE_END = re.compile(r"['’]s?$")
ISSUING_VERBS = frozenset({"issue", "release", "publish", "send", "file", "write", "post", "produce", "submit"})
"""Verbs whose subject is the author of the document they take as object ("the Council issued a statement")."""
AGENT_KINDS = (
    frozenset({"lawyer", "attorney", "counsel"}),
    frozenset({"spokesman", "spokeswoman", "spokesperson"}),
)
"""Words for one who speaks for another person, the same office said in turn ("his attorney", "Pagliano's
lawyer")."""
AGENT_BEFORE = re.compile(r"\b(?:an?|the)\s+[\w\s.'’-]{0,40}?\s*,\s*$", re.IGNORECASE)
"""The description a name follows as its apposition ("An attorney for Pagliano, Mark MacDougall")."""
NAMED_NEXT_SENTENCES = 2
"""How many sentences after "a new poll" may name it by its author."""
EARLIER_WORDS = frozenset({"last", "earlier", "previous", "prior", "ago", "older", "old", "another", "other"})
"""Words that set a document apart from the one just mentioned ("a poll last month", "an earlier report")."""
DOCUMENT_KINDS = (
    frozenset({"study", "survey", "poll", "analysis", "research"}),
    frozenset({"book", "memoir", "autobiography", "biography"}),
)
"""Words an article uses in turn for one document ("a Reuters survey of voter lists. The study found …", "Mariano
wrote a memoir … . “…,” the book said")."""
OWNED_WORDS = DOCUMENT_NOUNS | frozenset(
    {"account", "comment", "remark", "commentary", "submission", "speech", "testimony", "memoir", "word", "site"}
)
"""A person's writings and words ("her account", "Davis' commentary"), named with their owner in full: whose they
are is who speaks through them."""
GROUP_DETERMINERS = frozenset({"other", "some", "many", "few", "several", "most", "all", "both"})
"""Words before a name that make it many ("Other Netizens"), whom no "he" or "she" stands for."""
PRONOUNS = PERSONAL_PRONOUNS | GROUP_PRONOUNS | RELATIVE_PRONOUNS | {"it", "you"}
PARTY_TAG = re.compile(r"[ \t]*\((?P<party>[RDI])[.]?[-–][ \t]?(?P<state>[A-Z][A-Za-z. ]{1,12}?)\)")
"""A lawmaker's party and state after the name: "(R-S.C.)", "(D-Mo.)", "(I-Vt.)"."""
PLACE_AFTER = re.compile(r",?[ \t]+of[ \t]+(?P<place>[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)\b")
"""A place after a name: "Senator Bernie Sanders of Vermont", "Senator Chuck Schumer of New York"."""
STATE_WORDS = frozenset(word for state in US_STATE_ABBREVIATIONS.values() for word in state.split())
US_STATE_NAMES = frozenset(US_STATE_ABBREVIATIONS.values())
"""The U.S. states by name, folded ("florida", "new york"): what "the state" of a story may be."""
"""The words of US state names, which a title's qualifier or a party tag may say."""
LEDE_SENTENCES = 2
"""A headline and a lede's sentence: where an article may describe someone before it names them."""
PARTY_LETTERS = {"R": "republican", "D": "democratic", "I": "independent"}
PARTY_WORDS = frozenset({"republican", "republicans", "democratic", "democrat", "democrats", "gop", "independent"})
"""Parties that tell one holder of an office from another, like a state does."""
PARTY_FORMS = {"gop": "republican", "republicans": "republican", "democrat": "democratic", "democrats": "democratic"}
"""One form for each party, as titles compare them: "the GOP nominee" is "Republican nominee Donald Trump"."""
RANKS = frozenset({"former", "vice", "deputy", "assistant", "associate", "acting", "interim"})
"""Words that make a title another office or another time: "the Democratic nominee" is not its vice presidential
nominee, nor "Former DNC chairman" the interim chairwoman."""
OFFICE_HEADS = frozenset(TITLE_ABBREVIATIONS.get(fold(word), fold(word)) for word in TITLE_HEADS)
"""Title heads as ``_office_word`` compares them ("sen." as "senator"; "chairman" is not "chairwoman")."""
RUNNING_HEADS = frozenset({"nominee", "candidate"})
"""Descriptions of someone running for office, which name no place or party and still tell one person."""
FAMILY_NOUNS = frozenset(
    {"wife", "husband", "ex-wife", "ex-husband", "widow", "widower", "son", "daughter", "brother", "sister",
     "father", "mother"}
)
"""Relatives whom the article may name by the family's surname ("Keith Lamont Scott's wife" is Rakeyia Scott)."""
TOPIC_MIN_MENTIONS = 3
TOPIC_MARGIN = 2
TOPIC_OPENING_SENTENCES = 4
"""The person an article is about is named at least this often, this many times as often as anyone else, and
within its first sentences (the headline counts as one)."""
MAX_RELATIVE_WORDS = 5
"""A relative's phrase longer than this names or describes them itself ("Schilling's son, Grant")."""
RUNNING_OFFICES = frozenset({"senator", "governor", "representative", "congressman", "congresswoman"})
"""Offices whose holders run for president: a presidential candidate may hold one (not "Mayor Bill de Blasio")."""
GROUP_NOUNS = frozenset(
    {"source", "voter", "resident", "supporter", "protester", "worker", "student", "delegate", "donor", "expert",
     "man", "woman", "person", "friend", "democrat", "republican", "official", "spokesman", "spokeswoman",
     "spokesperson", "aide", "adviser", "advisor", "officer", "member", "staffer", "reporter", "analyst",
     "economist", "investor", "executive", "hopeful", "contender"}
)
"""Person nouns that describe one of many, or no one in particular: "the voter" after a name is another voter."""
CAMPAIGN_NOUNS = frozenset({"campaign", "team", "camp", "administration"})
OWNED_GROUPS = CAMPAIGN_NOUNS | frozenset(
    {"aides", "advisers", "advisors", "staff", "staffers", "family", "allies", "supporters", "surrogates"}
)
"""Groups named by whose they are ("Clinton’s campaign", "His aides", "the Obama administration"), resolved as
"<owner> <group>"."""
SPEAKER_LABEL = re.compile(r"[ \t]*(?:[A-Z][A-Z.'’ -]{1,30}|[QA])[ \t]*[:.][ \t]")
"""A paragraph's opening label naming who speaks in it: a surname in capitals, or an interview's Q and A."""
PARAGRAPH_START = re.compile(r"(?:\A|\n)")
INTERVIEW_LABELS = 2
UNNAMED_WRITER = "the author"
"""Who an article's own "I" is when no byline or note names one writer."""
PLAIN_DETERMINERS = frozenset({"the", "a", "an", "this", "that"})
POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they"}
SAYING_LEMMAS = frozenset({"say", "tell", "add", "write", "argue", "insist", "explain", "note"})
"""Verbs whose subject is the one a lede's description turns out to be (``_lede_speaker_next``)."""
ONE_PERSON_NOUNS = RUNNING_HEADS | frozenset(
    {"businessman", "businesswoman", "billionaire", "mogul", "tycoon", "magnate", "front-runner", "frontrunner",
     "incumbent", "actor", "actress"}
)
"""Person nouns that, even bare ("the candidate said"), stand for the one person the story is about."""
TOPIC_NOUNS = ONE_PERSON_NOUNS - {"actor", "actress"}
"""Descriptions that, with no one named near them, stand for the person the article is about: not a calling
("the Lincoln actor says …" in a story about a candidate is the actor in his ad)."""
OFFICE_OF = re.compile(r"\bsecretary of (?:state|defense|war|the treasury)\b(?![’']s)", re.IGNORECASE)
"""Offices named with an of-phrase, which is then no introduction of someone new ("the former secretary of state
and current Democratic presidential nominee"; not "the secretary of state's website")."""
UNTITLED_SENTENCES = 2
"""How many sentences back a description may stand for the last person named (``_untitled_before``)."""
PASSING_ROLES = frozenset({"poss", "pobj"})
"""Roles in which a person named between a description and the one it stands for is passed over: an owner
("Donald Trump's plan") or a preposition's object ("the vile bigotry of … Donald Trump")."""
EPITHET_NOUNS = PERSON_NOUNS | frozenset(
    {
        "neurosurgeon", "surgeon", "physician", "mogul", "tycoon", "magnate", "executive", "entrepreneur",
        "investor", "actor", "actress", "star", "celebrity", "comedian", "singer", "rapper", "musician", "athlete",
        "coach", "pastor", "preacher", "evangelist", "lawmaker", "legislator", "journalist", "reporter",
        "columnist", "commentator", "anchor", "pundit", "novelist", "filmmaker", "economist", "analyst",
        "prosecutor", "philanthropist", "heiress", "heir", "widow", "widower", "retiree", "contender", "hopeful",
        "challenger", "lady",
    }
)
"""Heads of a description that may stand for a person just named: the person nouns, and the trades and callings
news writers describe someone by instead of repeating the name ("The retired neurosurgeon", "the billionaire real
estate mogul"). Not taken, when nothing resolves them, for a new person a later "he" or "she" refers to: "The
actress said …" left unresolved is still most often the person named before, whom "she" should keep."""
ORGANISATION_WORDS = frozenset(
    {
        "times", "post", "news", "journal", "tribune", "herald", "gazette", "daily", "press", "magazine", "review",
        "party", "committee", "campaign", "department", "ministry", "university", "institute", "council",
        "association", "house", "court", "agency", "office", "bureau", "network", "foundation", "center", "centre",
        "group", "company", "corp", "inc", "llc", "fund", "bank", "board", "commission", "administration",
        "government", "senate", "congress", "union", "league", "coalition", "club", "school", "college", "church",
        "police", "army", "navy", "tv", "radio", "poll", "polls", "survey", "report", "study", "federation",
        "reuters", "politico", "twitter", "facebook", "pac", "organization", "organisation", "service", "project",
        "watch", "international", "national", "media", "broadcasting", "channel", "state", "city", "county",
    }
)
"""Words of an organisation's name ("Human Rights Watch", "The Washington Post"): a speaker named so is no person."""
WRITER_PRONOUNS = frozenset({"i", "me", "we", "us", "you"})
"""Pronouns that, outside quotation marks, speak for the writer (or address the reader), not for anyone named."""
THING_PRONOUNS = frozenset({"it", "its"})
"""Pronouns for an organisation, a country or a document ("Moscow ... after it claimed")."""
COMPANY_SUFFIXES = frozenset(
    {
        "inc", "corp", "corporation", "co", "company", "ltd", "llc", "plc", "group", "holdings", "industries",
        "logistics", "airlines", "motors", "technologies", "energy", "pharmaceuticals", "partners", "shipping",
    }
)
"""Last words of a name that make it a company's, which "the company" may stand for."""
LEADER_NOUNS = frozenset({"head", "leader", "boss", "chief"})
"""Nouns that name whoever leads an organisation ("the head of Carrow Tide")."""
LEADER_TITLE_WORDS = frozenset(
    {"chief", "executive", "ceo", "president", "chairman", "chairwoman", "chair", "director", "head", "leader"}
)
"""Words of the title the person "the head of" an organisation stands for is given when named."""
SAME_NAME_SENTENCES = 3
"""How far back a person named in full as a subject stays whom a bare surname they share with another means."""
RECENT_SENTENCES = 4
"""How far back the last organisation quoted stays the likely referent of "it", and how far back a subject the
entity model missed may still be what "he" or "she" refers to."""
SUBJECT_SENTENCES = 1
"""How many sentences before a pronoun's own are searched for a subject person; further back, the last
person quoted is the likelier referent (two sentences resolved fewer pronouns on train than one)."""


class SpeakerResolver:
    """Resolve the speakers of one article's quotes, in text order, against its mentions."""

    def __init__(self, doc: Doc, mentions: list[Mention], genders: Mapping[str, str] | None = None) -> None:
        self.doc = doc
        self.text = doc.text  # Doc.text joins every token: read it once
        self.sent_starts = [sent.start_char for sent in doc.sents]
        people = [m for m in mentions if m.label == "PERSON" and m.kind == "name" and m.name]
        writers = writer_mentions(self.text, people)
        self.writer = writers[0].name if len({m.name for m in writers}) == 1 else None
        """Who wrote the article, by its byline or its closing note on the writer: the "I" outside quotes."""
        # a byline names no one in the story: not whom "she" stands for, nor a surname's full name
        self.people = [m for m in people if m not in writers]
        self.people_starts = [m.start for m in self.people]
        self.named = [m for m in mentions if m.kind == "name" and m.name and m not in writers]
        self.named_starts = [m.start for m in self.named]
        self.roles = [m for m in mentions if m.kind == "role"]
        self.passages = [(p.start, p.end) for p in quoted_passages(self.text)]
        self.passage_starts = [start for start, _ in self.passages]
        self.full_names = full_names_by_surname(self.people, self.passages, self.text)
        self.holders: dict[str, set[str]] = {}
        """For each surname, the full names the article writes with it (two or more: people sharing it)."""
        for person in self.people:
            if given_name(person.name) is not None:
                self.holders.setdefault(surname_key(person.name), set()).add(person.name)
        self.genders = genders_by_surname(doc, self.people, self.full_names, genders or {})
        """"m" or "f" by surname key, where the article or the first-name lexicon tells."""
        self.quoted_things: list[tuple[str, int]] = []
        """The organisations and unnamed singular sources quoted so far ("the ministry", "the letter")."""
        self.quoted_people: list[tuple[str, int]] = []
        """The people quoted so far, with the sentence of each quote."""
        self.quoted_names: list[str] = []
        """Everyone quoted so far by name, people and bodies named like people ("Morning Consult Poll")."""
        self.last_speaker: str | None = None
        self.speaker_names: dict[int, str] = {}
        """The people quoted so far by the token that names them as speaker."""
        self.content_starts: list[int] = []
        self.content_ends: list[int] = []
        """Where the content of each quote resolved so far starts and ends, by start: the speaker's words,
        whose subjects are not what a later pronoun refers to."""
        self.described: dict[str, str] = {}
        """For an unnamed source's head word ("official"), how the article first described it."""
        self.documents: set[str] = set()
        """The writings an "it" was taken for ("a 2001 memorandum …"), which no later "they" stands for."""
        self.chained: dict[int, str | None] = {}
        """Whom each "he" or "she" subject outside quotes stands for, by token, once asked (``_chained``)."""

    def resolve(self, quote: Quote, speaker: Speaker | None, cue: Token | None) -> None:
        """Fill the quote's speaker fields from a speaker found in the parse."""
        # "According to the official, Blinken will deliver a speech …": the report is the sentence's main clause,
        # and its subject who a later "he" is, as much as the subject of any sentence
        main_clause = cue is not None and cue.lower_ == "according"
        for start, end in [] if main_clause else quote.fragments:
            k = bisect.bisect_right(self.content_starts, start)
            self.content_starts.insert(k, start)
            self.content_ends.insert(k, end)
        if speaker is None:
            quote.speaker_kind = "none"
            return
        quote.speaker_start, quote.speaker_end = speaker.start, speaker.end
        quote.speaker_text = self.text[speaker.start : speaker.end]
        name, kind = self._name(speaker, cue, quote.sentence_index)
        quote.speaker_name, quote.speaker_kind = name, kind
        if name and kind in ("name", "organisation") and not self._is_person(name) and self._named_like_person(speaker):
            # the entity model often takes a surname for an organisation ("Reynolds said"): a speaker
            # with no word of an organisation in the name is a person whom "he" or "she" may refer to
            self.full_names.setdefault(surname_key(name), name)
        if speaker.token.lower_ in WRITER_PRONOUNS and not self._quoted(speaker.token):
            return  # the writer's own "I" is never whom a later "she" or "he" stands for
        if name and kind in ("name", "pronoun", "title", "organisation") and self._is_person(name):
            self.quoted_names.append(name)
            if not _named_like_an_organisation(name):
                self.quoted_people.append((name, quote.sentence_index))
                self.speaker_names[speaker.token.i] = name
        if name and name not in self.documents:
            self.last_speaker = name  # a memo "it" stands for is no "they" after it
        singular = speaker.token.tag_ not in ("NNS", "NNPS")
        if name and kind == "anonymous" and singular and speaker.token.lemma_.lower() in PERSON_NOUNS:
            # "a senior official said ... . He added": an unnamed person is still who "he" refers to
            self.quoted_people.append((name, quote.sentence_index))
            self.quoted_names.append(name)
            self.speaker_names[speaker.token.i] = name
            # "my father" is a man and "my mother" a woman: the "she" after both is the mother
            head = speaker.token.lower_
            gender = ROLE_NOUN_GENDER.get(head) or (
                ("f" if head.endswith("woman") else "m") if head.endswith(("man", "woman")) else None
            )
            if gender is not None:
                self.genders[surname_key(name)] = gender
        elif name and kind in ("organisation", "anonymous") and singular:
            self.quoted_things.append((name, quote.sentence_index))
        if kind == "anonymous" and name and speaker.token.lower_ not in self.described:
            self.described[speaker.token.lower_] = name

    def spoken_names(self) -> list[str]:
        """Return the article's named mentions, then the people quoted so far: whom a bare surname may name."""
        return [m.name for m in self.named if m.name] + self.quoted_names

    def _name(self, speaker: Speaker, cue: Token | None, sentence: int) -> tuple[str | None, str]:
        """Return the name a speaker resolves to and what kind of speaker it is."""
        word = speaker.token.lower_
        quantified = quantified_group(speaker.token)
        if quantified is not None:
            return quantified, "anonymous"
        shouted = speaker.token.text.isupper() and len(speaker.token.text) > 1 and word != "i"
        # "US offers support" in a headline: the country, not the pronoun "us"
        if (speaker.token.pos_ == "PRON" or word in PRONOUNS or word == "whose") and not shouted:
            if word in RELATIVE_PRONOUNS or word == "whose":
                antecedent = relative_antecedent(speaker.token)
                if antecedent is not None:
                    # "the mayor, who said …" is "the mayor" (``speaker_span`` ends before a clause after a comma)
                    name, kind = self._name(speaker_span(antecedent, self.text), cue, sentence)
                    return name, kind if kind != "none" else "pronoun"
            if word in THING_PRONOUNS:
                return self._thing(speaker, sentence), "pronoun"
            # "his promise to be neutral", "their talk of …": the owner of a noun of speech is who a "he" or a
            # "they" would be
            word = POSSESSIVE_PRONOUNS.get(word, word)
            if word not in PRONOUNS:
                # "some of those surveyed", "many", "all of whom": a group, described, not a person
                return " ".join(self.text[speaker.start : speaker.end].split()), "anonymous"
            if word in WRITER_PRONOUNS and not self._quoted(speaker.token):
                # "I know all about normalizing hate" outside any quotation: the writer (of an op-ed, a letter),
                # named by a byline or a closing note if at all; not the last person the text mentioned
                # (a headline's "I" is its subject's: "Sidney Blumenthal: 'No Idea' If I Would Have Told …")
                # named by nobody, the writer is still who speaks: "the author", described as an anonymous source is
                mine = word in ("i", "me") and not in_headline(self.text, speaker.start)
                spoken = word in ("i", "me", "we") and not in_headline(self.text, speaker.start)
                if spoken and self.writer is None and _interview(self.text):
                    # "FALLIN: I think …", "A: I think …": the one answering, not the writer; an interview's
                    # "A:" is the person the article is about ("Q&A with Vice President Joe Biden"), who
                    # speaks its "we" too ("A: We don't want to see another failed country there")
                    answering = _answering(self.text, speaker.start)
                    return (self._interviewee if answering else None), "pronoun"
                return ((self.writer or UNNAMED_WRITER) if mine else None), "pronoun"
            return self._pronoun(speaker, word, sentence), "pronoun"
        text = " ".join(self.text[speaker.start : speaker.end].split())
        head = speaker.token
        place = head.ent_type_ == "GPE" or getattr(self._mention_at(head), "label", None) == "GPE"
        dateline = place and (head.text.isupper() or self._dateline(head))
        if head.ent_type_ in ("DATE", "TIME") or dateline:
            # "Saturday at the party convention Sen. Elizabeth Warren", "CLEVELAND, July 19 (UPI) -- Michael
            # Mukasey said", "Port Marlow (AFP) – Mayor Dana Okafor on Monday …": a date or a dateline the
            # parse took for the subject; the person in the phrase speaks
            person = self._one_person_in(speaker)
            if person is not None:
                return person, "name"
        mention = self._mention_at(head)
        if mention is not None and mention.label == "PERSON":
            return self._person_name(mention), "name"
        if mention is None and self._surname_taken_for_a_word(head):
            return self.full_names.get(surname_key(head.text), head.text), "name"
        headlined = self._headline_described(speaker) if mention is None else None
        if headlined is not None:
            return headlined, "title"
        named = self._named_apposition(head) if mention is None else None
        if named is not None:
            # "Another RT America host, Abby Martin, had denounced": the description's name is who speaks
            return named, "name"
        leader = self._head_of(speaker)
        if leader is not None:
            return leader, "title"
        company = (
            self._the_company(speaker)
            or self._the_document(speaker, sentence)
            or self._document_named_next(speaker, sentence)
            or organisation_described(head, [m for m in self.named if not in_headline(self.text, m.start)])
            or self._topic_organisation(speaker)
            or self._the_state(speaker)
            or self._the_police(speaker)
        )
        if company is not None:
            return company, "organisation"
        agent = self._agent_named(speaker)
        if agent is not None:
            return agent, "title"
        owned = self._owned_group(speaker, sentence)
        if owned is not None:
            return owned, "organisation" if head.tag_ not in ("NNS", "NNPS") else "anonymous"
        relative = self._relative(speaker)
        if relative is not None:
            return relative, "name"
        if head.lower_ in TITLE_HEADS:
            # "a spokeswoman for Hillary Clinton": one of several, unnamed, not the spokeswoman named elsewhere
            holder = self._lede_holder(speaker) if is_indefinite(head) else self._role_holder(speaker)
            if holder is None and is_definite(head):
                holder = (
                    self._subject_before(speaker) or self._untitled_before(speaker) or self._party_nominee(speaker)
                    or self._topic_described(speaker)
                )
            if holder is None and (is_definite(head) or named_owner(head) is not None):
                holder = self._bare_name_next(speaker)
            if holder is not None:
                return holder, "title"
            # "the official" after "a senior US official": the same unnamed source, described as first met
            same = self.described.get(head.lower_) if is_definite(head) else None
            if same is not None and not _says_no_more(text, same, head.lower_):
                same = None  # "The Republican presidential nominee" is not "The GOP nominee" met before
            return same or text, "anonymous"
        if mention is None and head.lower_ in EPITHET_NOUNS and is_definite(head):
            person = self._described_before(speaker) or self._party_nominee(speaker) or self._topic_described(speaker)
            if person is not None:
                return person, "title"
        owner = named_owner(head) if mention is None and head.lower_ in EPITHET_NOUNS else None
        if owner is not None:
            # "David Axelrod on Wednesday called on … . “…,” Obama's former campaign strategist said": the person
            # named before, as "the former campaign strategist" would be, but never the owner ("Trump's lawyer")
            person = self._described_before(speaker)
            if person is not None and surname_key(person) != surname_key(owner):
                return person, "title"
        if mention is not None:
            return mention.name, "organisation" if mention.label in ("ORG", "NORP") else "name"
        if head.pos_ == "PROPN" and head.ent_type_ not in ("GPE", "LOC", "NORP", "ORG", "FAC"):
            # a name the entity model missed ("Mayor Elena Varga said"): the proper nouns, titles dropped
            name = bare_name(head)
            if name and (surname_key(name) in self.full_names or not described_like_a_thing(head)):
                self.full_names.setdefault(surname_key(name), name)
                # a known first name keeps its own person ("Ivanka Trump" taken for a product is not "Donald
                # Trump"); other words before a surname are as often a scrape's ("X. Trump") or a title's
                return self._full_name(name) if first_name_gender(name) else self.full_names[surname_key(name)], "name"
        return text, "anonymous"

    def _agent_named(self, speaker: Speaker) -> str | None:
        """Return who "Pagliano's lawyer" or "his spokeswoman" is when the article named that person as such before:
        "An attorney for Pagliano, Mark MacDougall, stressed …" or "Mark MacDougall, Pagliano's lawyer," (a lawyer
        is an attorney). One person acting for another, named once and described after."""
        head = speaker.token
        kind = next((kind for kind in AGENT_KINDS if head.lower_ in kind), None)
        owner = next((c for c in head.children if c.dep_ == "poss" and c.i < head.i), None)
        if kind is None or owner is None or head.pos_ != "NOUN":
            return None
        if owner.lower_ in ("his", "her"):
            owner_name = self._pronoun(speaker_span(owner, self.text), owner.lower_, self._sentence_at(owner.idx))
        else:
            owner_name = self._person_at(owner)
        if owner_name is None:
            return None
        surname = surname_key(owner_name)
        found = None
        for mention in self.people:
            if mention.start >= speaker.start:
                break
            root = self._mention_root(mention)
            if root is None or surname_key(mention.name) == surname:
                continue
            words = self._titled(mention)
            before = AGENT_BEFORE.search(self.text[max(0, mention.start - 80) : mention.start])
            if before is not None:
                # "An attorney for Pagliano, Mark MacDougall": the description before the name
                words |= {fold(word) for word in re.findall(r"[\w'’-]+", before.group(0))}
            if words & kind and surname in words:
                found = self._person_name(mention)
        return found

    def _owned_group(self, speaker: Speaker, sentence: int) -> str | None:
        """Return a person's campaign, aides or family as one name, the owner resolved: "Clinton’s campaign",
        "The Clinton campaign" and "her campaign" are all "Hillary Clinton campaign", "His aides" are "Bobby Scott
        aides"; a bare "the campaign" is the one the article last named so. Statements then gather under one
        speaker whichever way the article writes it, and say whose the group is."""
        head = speaker.token
        if head.lemma_.lower() in OWNED_WORDS and head.pos_ == "NOUN":
            # "her account", "Davis' commentary": the writing of a person, named with its owner in full; not a
            # group's ("Their analysis": a panel's, whom "they" names only by a description)
            owner = next((c for c in head.children if c.dep_ == "poss" and c.i < head.i), None)
            single = owner is not None and owner.lower_ not in ("their", "its")
            return self._owned_by(owner, head, sentence) if owner is not None and single else None
        if head.lower_ not in OWNED_GROUPS:
            return None
        owner = next((c for c in head.children if c.dep_ == "poss" and c.i < head.i), None) or next(
            (c for c in reversed(list(head.children)) if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < head.i),
            None,
        )
        if owner is None:
            if head.lower_ in CAMPAIGN_NOUNS and [c.lower_ for c in head.children] == ["the"]:
                return self._campaign_before(head)
            return None
        return self._owned_by(owner, head, sentence)

    def _relative(self, speaker: Speaker) -> str | None:
        """Return the person a named person's relative is, when the article names one other person of the family's
        surname who may be them: "Keith Lamont Scott's wife" … "Rakeyia Scott can be heard …". Two who fit ("Trump's
        son": Eric, Donald Jr.) tell nobody."""
        head = speaker.token
        if head.lower_ not in FAMILY_NOUNS or len(self.text[speaker.start : speaker.end].split()) > MAX_RELATIVE_WORDS:
            return None  # "Schilling's son, Grant": the apposition names him
        owner = next((c for c in head.children if c.dep_ == "poss" and c.i < head.i), None)
        # named, not "his": a pronoun read against the wrong one of a family ("his brother added", Alastair
        # Osman taken for "his") names the wrong relative (measured on train: 3 of 6 wrong)
        name = self._person_at(owner) if owner is not None and owner.pos_ == "PROPN" else None
        if not name or not self._is_person(name):
            return None
        key, sex = surname_key(name), ROLE_NOUN_GENDER.get(head.lower_.removeprefix("ex-"))
        kin = {
            m.name for m in self.people
            if surname_key(m.name) == key and given_name(m.name) is not None and m.name != name
            and not same_given_name(name, m.name) and self._gender(m.name) in (None, sex)
        }
        return kin.pop() if len(kin) == 1 else None

    def _owned_by(self, owner: Token, head: Token, sentence: int) -> str | None:
        """Return "<owner's name> <group>" for a group noun and its owner, when the owner is a person."""
        word = POSSESSIVE_PRONOUNS.get(owner.lower_)
        if owner.pos_ == "PRON":
            if word is None:
                return None
            name = self._pronoun(speaker_span(owner, self.text), word, sentence)
        else:
            name = self._person_at(owner)
        if not name or not self._is_person(name):
            return None
        # the article's own form, the owner named in full: "Clinton's campaign" is "Hillary Clinton's campaign",
        # "her campaign" too, "The Clinton campaign" "Hillary Clinton campaign" (``statements.speaker_key`` folds both)
        after = self.doc[owner.i + 1] if owner.i + 1 < len(self.doc) else None
        mark = after.text if after is not None and after.dep_ == "case" else None
        if owner.pos_ == "PRON" or mark is not None:
            name += mark if mark is not None and mark[:1] in "'’" else "'s"
        words = [t.text for t in self.doc[owner.i + 1 : head.i + 1] if t.dep_ != "case" and not t.is_punct]
        if any(not w.islower() for w in words):
            return None  # "Clinton’s Senate staff" names another body
        # "Some Sanders supporters", "Two Clinton aides": how many of the group, kept
        some = [
            t.lower_ for t in head.children
            if t.i < owner.i and t.dep_ in ("det", "nummod", "amod") and t.lower_ not in PLAIN_DETERMINERS
        ]
        return " ".join([*some, name, *words])

    def _campaign_before(self, head: Token) -> str | None:
        """Return the campaign a bare "the campaign" is: the one campaign the article gave an owner before it;
        when it named several, the one named last within a few sentences ("A new ad from Donald Trump’s
        campaign … . The campaign says the ad will air"), else the campaign of the person the sentences just
        before are about ("Hillary Clinton plans to call on … . The campaign says the Democratic presidential
        candidate will …"); when it named none, the campaign of the person the article is about."""
        owned: list[tuple[str, int]] = []
        for token in self.doc[: head.i]:
            if token.lower_ not in CAMPAIGN_NOUNS or self._quoted(token):
                continue
            for owner in token.children:
                if owner.i < token.i and owner.dep_ in ("poss", "compound") and owner.pos_ == "PROPN":
                    name = self._person_at(owner)
                    if name is not None:
                        owned.append((name, token.idx))
        owners = {name for name, _ in owned}
        if len(owners) > 1 and head.lower_ != "administration":  # the one governing, seldom the last named
            sentence = self._sentence_at(head.idx)
            named = [(self._sentence_at(at), name) for name, at in owned]
            last = max(at for at, _ in named)
            if sentence - last <= RECENT_SENTENCES:
                owners = {name for at, name in named if at == last}  # two in one sentence: not guessed
            else:
                low = self.sent_starts[max(sentence - UNTITLED_SENTENCES, 0)]
                subject = self._subject_named_back(low, head.idx)
                about = self._person_name(subject) if subject is not None else None
                owners = {about} if about in owners else owners
        if not owners and head.lower_ == "campaign" and self._article_topic is not None:
            # "Sanders's donor list, which the campaign says …" in a story about Sanders: his campaign
            owners = {self._person_name(self._article_topic)}
        return f"{owners.pop()} {head.lower_}" if len(owners) == 1 else None

    def _person_at(self, token: Token) -> str | None:
        """Return the person a proper noun names: a person mention, or a name the entity model took for an
        organisation whose surname the article gives a person ("Clinton’s campaign", "Clinton" an ORG there)."""
        mention = self._mention_at(token)
        if mention is not None and (mention.label == "PERSON" or self._is_person(mention.name)):
            return self._person_name(mention)
        if mention is None and token.pos_ == "PROPN" and fold(token.text) in self.full_names:
            return self.full_names[fold(token.text)]
        return None

    def _dateline(self, place: Token) -> bool:
        """Tell whether a place opens a dateline: an agency in parentheses or a dash after it ("Marlow (AFP) –")."""
        last = place
        while last.i + 1 < len(last.doc) and last.doc[last.i + 1].ent_iob_ == "I":
            last = last.doc[last.i + 1]
        after = self.text[last.idx + len(last.text) :].lstrip(" ")
        return after[:1] in ("(", "–", "—") or after.startswith("--")

    def _one_person_in(self, speaker: Speaker) -> str | None:
        """Return the one person named in a speaker's phrase, if exactly one is."""
        inside = self._people_in_phrase(speaker.token)
        return self._person_name(inside[0]) if len(inside) == 1 else None

    def _people_in_phrase(self, head: Token) -> list[Mention]:
        """Return the person mentions that lie within the phrase a token heads, in text order."""
        start, end = head.left_edge.idx, head.right_edge.idx + len(head.right_edge.text)
        i = bisect.bisect_left(self.people_starts, start)
        inside = []
        while i < len(self.people) and self.people[i].start < end:
            if self.people[i].end <= end:
                inside.append(self.people[i])
            i += 1
        return inside

    def _named_apposition(self, head: Token) -> str | None:
        """Return the person a description names beside it ("a former aide, Jo Lin", "Former prosecutor and Mayor
        Dana Okafor"), if any; a group that lists its members ("two objectors, Lawrence Joyce and William
        Graham") is no one person."""
        one = head.pos_ == "NUM" and head.lower_ == "one"  # "One of the men, Tom Arle, 70,"
        if (head.pos_ not in ("NOUN", "PROPN") and not one) or head.tag_ in ("NNS", "NNPS"):
            return None
        for child in self._beside(head):
            # "Former prosecutor and Boston City Mayor Dana Okafor": a bare title coordinated with a titled name is
            # one person, described twice
            titled = child.dep_ == "conj" and child.pos_ == "PROPN" and self._one_described_twice(head, child)
            lone = not any(c.dep_ == "conj" for c in child.children)
            if (child.dep_ == "appos" or titled) and child.i > head.i and lone:
                mention = self._mention_at(child)
                if mention is not None and mention.label == "PERSON" and mention.kind == "name":
                    return self._person_name(mention)
        return None

    def _beside(self, head: Token) -> Iterator[Token]:
        """Yield the words set beside a description that may name it: its own dependents, the apposition of its
        apposition ("The other man, his cousin Dale Ferrin, 40"), and an apposition the parse hung on a place or an
        organisation in the description, which no person describes ("His former partner at Harborcorp, Dale B.
        Ferrin")."""
        for child in head.children:
            yield child
            if child.dep_ == "appos":
                yield from (grandchild for grandchild in child.children if grandchild.dep_ == "appos")
            if child.dep_ == "prep":
                for place in (grandchild for grandchild in child.children if grandchild.dep_ == "pobj"):
                    named = self._mention_at(place)
                    if place.ent_type_ != "PERSON" and (named is None or named.label != "PERSON"):
                        yield from (word for word in place.children if word.dep_ == "appos")

    def _one_described_twice(self, head: Token, name: Token) -> bool:
        """Tell whether a bare title and the name coordinated with it are one person ("Former harbor master and
        Marlovian Tom Arle"), not two ("former Gov. Dale Ferrin and Ines Marlowe", a broken "Ru bio and Arle")."""
        if not bare_title(head) or head.lower_ not in EPITHET_NOUNS:
            return False
        first = self.doc[head.left_edge.i : name.left_edge.i]
        return not any(
            token.pos_ == "PROPN" and getattr(self._mention_at(token), "label", None) == "PERSON" for token in first
        )

    def _pronoun(self, speaker: Speaker, word: str, sentence: int) -> str | None:
        """Return the person (or group) a pronoun speaker most likely refers to."""
        if word in GROUP_PRONOUNS:
            last = self.last_speaker
            if last is not None and self._one_named_person(last):
                # one person is not "they" ("Despite their friendship, they mocked each other" after one of the two
                # friends spoke): better unresolved than given to the wrong person
                last = None
            return self._group(speaker.token) or last
        wanted = "m" if word in MASCULINE else "f" if word in FEMININE else None
        for name in self._referents(speaker, sentence):
            # a person of the other gender is skipped; one whose gender nobody told stays possible
            # the first name tells first ("Hillary Clinton" where Bill shares the surname), then the surname
            if wanted is None or self._gender(name) in (None, wanted):
                return name
        return None

    def _gender(self, name: str) -> str | None:
        """Return the gender of a person, if told: by the first name, else by the surname's gender when the
        name is that of the person the surname stands for ("Ivanka Trump" is not told by "Donald Trump"'s)."""
        gender = first_name_gender(name)
        if gender is not None:
            return gender
        key = surname_key(name)
        return self.genders.get(key) if same_given_name(self.full_names.get(key, name), name) else None

    def _group(self, pronoun: Token) -> str | None:
        """Return the plural subject "they" most likely stands for, in its sentence or the one before
        ("Richard Alba and Nancy Foner published a book. They compare ...")."""
        sentence = pronoun.sent
        for k in range(SUBJECT_SENTENCES + 1):
            tokens = self.doc[sentence.start : pronoun.i] if k == 0 else sentence
            for token in reversed(tokens):
                # "All three stayed for the vote. They said …": a number with its determiner stands for people
                counted = token.pos_ == "NUM" and any(child.dep_ == "det" for child in token.children)
                if token.dep_ not in ("nsubj", "nsubjpass") or (token.pos_ not in ("NOUN", "PROPN") and not counted):
                    continue
                plural = counted or token.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in token.children)
                if plural and self._outside_quotes(token):
                    group = speaker_span(token, self.text)
                    return " ".join(self.text[group.start : group.end].split())
            if sentence.start == 0:
                return None
            sentence = self.doc[sentence.start - 1].sent
        return None

    def _thing(self, speaker: Speaker, sentence: int) -> str | None:
        """Return what "it" stands for: an earlier subject of its sentence, else an organisation the sentence
        before is about, else the last organisation quoted."""
        pronoun = speaker.token
        for token in reversed(self.doc[pronoun.sent.start : pronoun.i]):
            # "The average weekly benefit, it says, would be $300": the subject of what "it" says is not "it"
            if token.dep_ in ("nsubj", "nsubjpass") and token.pos_ in ("PROPN", "NOUN") and not self._in_content(token):
                mention = self._mention_at(token)
                if mention is None:
                    return " ".join(self.text[token.left_edge.idx : token.idx + len(token.text)].split())
                if mention.label != "PERSON":
                    return mention.name
        if pronoun.sent.start > 0:
            # "Twitter said in a blog post ... . It added": the organisation the sentence before was about
            for token in reversed(self.doc[pronoun.sent.start - 1].sent):
                if token.dep_ in ("nsubj", "nsubjpass") and token.tag_ in ("NN", "NNP") and self._outside_quotes(token):
                    mention = self._mention_at(token)
                    if mention is not None and mention.label in ("ORG", "GPE", "NORP") and not self._is_person(
                        mention.name
                    ):
                        return mention.name
                    if mention is None and token.tag_ == "NNP" and token.lower_ in ORGANISATION_WORDS:
                        # "the Central and East European Coalition, which …, wants …" the entity model missed
                        return organisation_named(token)
                    break
        recent = [name for name, at in reversed(self.quoted_things) if sentence - at <= RECENT_SENTENCES]
        return recent[0] if recent else self._document_before(pronoun)

    def _document_before(self, pronoun: Token) -> str | None:
        """Return the writing "it" most likely is when no organisation is: the last document the sentence before
        names, as subject or object ("Salceda cited a 2001 memorandum … . It says foreign nationals …")."""
        if pronoun.sent.start == 0:
            return None
        for token in reversed(self.doc[pronoun.sent.start - 1].sent):
            if token.lemma_.lower() in DOCUMENT_NOUNS and token.pos_ == "NOUN" and token.tag_ == "NN":
                if self._quoted(token):
                    continue
                phrase = speaker_span(token, self.text)
                name = " ".join(self.text[phrase.start : phrase.end].split())
                self.documents.add(name)
                return name
        return None

    def _referents(self, speaker: Speaker, sentence: int) -> Iterator[str]:
        """Yield the people a pronoun may refer to, most likely first.

        The person a sentence is about is its subject: a topic set up before the pronoun ("As for Donald
        Trump, he …") comes first, then the nearest subject person before the pronoun (in its own sentence
        or the one before, a quote's speaker included), then the people quoted so far, latest first, then
        any person named before it, nearest first.
        """
        topic = self._topic(speaker.token)
        if topic is not None:
            yield topic
        backgrounded: list[str] = []
        yield from self._recent_subjects(speaker.token, SUBJECT_SENTENCES, backgrounded)
        yield from self._introduced_before(speaker.token)
        yield from backgrounded
        yield from (name for name, _ in reversed(self.quoted_people))
        i = bisect.bisect_right(self.people_starts, speaker.start) - 1
        while i >= 0:
            mention = self.people[i]
            if self._stands_alone(mention) and not self._in_clause_on_a_thing(mention):
                yield self._person_name(mention)
            i -= 1
        # last, a subject further back whom the entity model did not take for a name ("Mayor Ana Ruiz toured")
        yield from self._recent_subjects(speaker.token, RECENT_SENTENCES)

    def _introduced_before(self, pronoun: Token) -> Iterator[str]:
        """Yield the people the sentence before a pronoun's own introduces, named in full for the first time with
        what they are ("… a worry for Henry Okafor, president of the Harbor Caucus. “…,” he said.") or named after
        a description ("… with his daughter, Ellie, a senior. She was eyeing …"): a reporter brings in a new source
        that way just before quoting them, whatever the sentence's subject."""
        sentence = pronoun.sent
        while sentence.start > 0:
            sentence = self.doc[sentence.start - 1].sent
            if not self._all_quoted(sentence):
                break
        else:
            return
        i = bisect.bisect_left(self.people_starts, sentence.start_char)
        while i < len(self.people) and self.people[i].start < sentence.end_char:
            mention = self.people[i]
            i += 1
            span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if self._quoted_at(mention.start) or span is None:
                continue
            # "Henry Okafor, president of …", or a description the name follows ("his daughter, Ellie,"): a first
            # name alone is enough there
            before = span.root.left_edge.i - 1
            named = span.root.dep_ == "appos" and span.root.head.pos_ == "NOUN" and before >= 0
            named = named and self.doc[before].text == ","
            if len(mention.name.split()) < 2 and not named:
                continue
            key = surname_key(mention.name)
            first = next(m for m in self.people if surname_key(m.name) == key)
            if first is mention and (named or any(child.dep_ == "appos" for child in span.root.children)):
                yield self._person_name(mention)

    def _topic(self, pronoun: Token) -> str | None:
        """Return the person a sentence sets up as its topic before the pronoun ("As for Donald Trump, he said …")."""
        for token in pronoun.doc[pronoun.sent.start : pronoun.i]:
            after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
            if token.lower_ != "as" or after is None or after.lower_ not in ("for", "to"):
                continue
            for word in after.subtree:
                if word.dep_ == "pobj" and word.i < pronoun.i:
                    return self._person_in(word)
        return None

    def _recent_subjects(self, pronoun: Token, back: int, backgrounded: list[str] | None = None) -> Iterator[str]:
        """Yield the people standing as subjects before a pronoun, nearest first, in its own sentence and up to
        ``back`` sentences before it; a quote's speaker counts as a subject, words inside quotes do not. A sentence
        that lies wholly inside quote marks is not counted: in "But Ruiz isn't interested. “Uh, no. This is about
        me,” she said." the sentence before "she" is the one before the quote.

        With ``backgrounded`` given, the subjects of a sentence before the pronoun's own that stand in a clause of
        contrast ("While Obama had a wide array of artists …, that has not been happening for Clinton, which
        concerns Henry Crespo, president of …") go there instead, to come after the person the sentence introduces."""
        sentence = pronoun.sent
        k = 0
        while k <= back:
            tokens = self.doc[sentence.start : pronoun.i] if sentence.start <= pronoun.i < sentence.end else sentence
            for token in reversed(tokens):
                name = self.speaker_names.get(token.i)
                subject = token.dep_ in ("nsubj", "nsubjpass") or verb_taken_for_noun(token) or named_as(token)
                if name is None and subject and (self._outside_quotes(token) or self._named_in_relative(token)):
                    name = self._person_in(token) or self._titled_owner(token) or self._chained(token)
                    name = name or (self._titled_subject(token) if k > 0 else None)
                if name is not None and backgrounded is not None and k > 0 and _backgrounded(token):
                    backgrounded.append(name)
                elif name is not None:
                    yield name
            if sentence.start == 0:
                return
            if k == 0 or not self._all_quoted(sentence):
                k += 1
            sentence = self.doc[sentence.start - 1].sent

    def _named_in_relative(self, subject: Token) -> bool:
        """Tell whether a subject is a name in a relative clause on the main clause's object ("But Mrs. Clinton will
        face the same partisan fire Mr. Obama has. He noted …": he is Obama), not a "who" nor a reported clause's."""
        verb = subject.head
        return (
            subject.pos_ == "PROPN" and verb.dep_ == "relcl" and verb.head.dep_ in ("dobj", "attr", "pobj")
            and not self._in_content(subject) and in_main_clause(verb.head)
        )

    def _all_quoted(self, sentence: Span) -> bool:
        """Tell whether every word of a sentence lies inside quote marks."""
        return all(self._quoted(token) for token in sentence if not token.is_punct and not token.is_space)

    def _chained(self, subject: Token) -> str | None:
        """Return whom a "he" or "she" subject that no quote resolved stands for, so that the next pronoun goes to
        the same person ("The president's Pacific roots also came into play. In Honolulu, he told leaders … .
        Crops are withering, he noted."). Each is resolved once, looking only further back."""
        if subject.lower_ not in ("he", "she"):
            return None
        if subject.i not in self.chained:
            self.chained[subject.i] = None  # while it is resolved, a pronoun further on cannot loop back to it
            sentence = self._sentence_at(subject.idx)
            name = self._pronoun(speaker_span(subject, self.text), subject.lower_, sentence)
            # only a person known to be a man or a woman carries on: a name of unknown sex in a phrase ("as the
            # Obama administration's record comes under fire. She skirted …") would take over every "she" after it
            wanted = "m" if subject.lower_ == "he" else "f"
            self.chained[subject.i] = name if name is not None and self._gender(name) == wanted else None
        return self.chained[subject.i]

    def _titled_owner(self, subject: Token) -> str | None:
        """Return the person a subject's owner is, when a title names them ("The president's Pacific roots also
        came into play. In Honolulu last week, he told …": he is the president)."""
        owner = next((child for child in subject.children if child.dep_ == "poss"), None)
        if owner is None:
            return None
        # "The president", without its "'s"
        return self._title_holder(Speaker(owner, owner.left_edge.idx, owner.idx + len(owner.text)))

    def _titled_subject(self, subject: Token) -> str | None:
        """Return the person a subject names by a title alone, in a sentence before the pronoun's ("In defeat, the
        president appeared cowed. Campaigning against Mitt Romney, he barely mentioned …": he is the president)."""
        return self._title_holder(speaker_span(subject, self.text)) if subject.pos_ == "NOUN" else None

    def _title_holder(self, phrase: Speaker) -> str | None:
        """Return the person a definite title ("the president") resolves to, or None."""
        head = phrase.token
        if head.lower_ not in TITLE_HEADS or not is_definite(head):
            return None
        name, kind = self._name(phrase, None, self._sentence_at(head.idx))
        return name if kind == "title" else None

    def _person_in(self, subject: Token) -> str | None:
        """Return the person a subject names, in its head or in its phrase ("member of parliament David Arakhamia")."""
        mention = self._mention_at(subject)
        if mention is None or not self._is_person(mention.name):
            inside = [m for m in self._people_in_phrase(subject) if not self._in_relative_clause(m, subject)]
            mention = inside[0] if inside else None
        if mention is None or not self._is_person(mention.name):
            return self._unrecognised_person(subject) if mention is None else None
        return self._person_name(mention)

    def _unrecognised_person(self, subject: Token) -> str | None:
        """Return the name of a person the entity model missed ("Mayor Ana Ruiz spoke"), when a title, a form
        of address or a known first name shows it is one; remember it and its gender."""
        if subject.pos_ != "PROPN" or subject.ent_type_ in ("GPE", "LOC", "FAC", "NORP", "ORG"):
            return None
        name = bare_name(subject)
        gender = first_name_gender(name)
        if subject.ent_type_ not in ("", "PERSON") and gender is None:
            return None  # "Ivanka Trump" taken for a product is still a person by her first name
        titled = any(
            tok.lower_ in TITLE_WORDS or tok.lower_.rstrip(".") in HONORIFICS
            for tok in subject.subtree
            if tok.i < subject.i
        )
        known = bool(name) and surname_key(name) in self.full_names  # "For years, Oz has been dogged …"
        if not name or (gender is None and not titled and not known) or _named_like_an_organisation(name):
            return None
        key = surname_key(name)
        self.full_names.setdefault(key, name)
        if gender is not None:
            self.genders.setdefault(key, gender)
        return self._full_name(name)

    def _outside_quotes(self, subject: Token) -> bool:
        """Tell whether a subject is the reporter's, in a main clause, not inside what someone is quoted saying."""
        return not self._in_content(subject) and in_main_clause(subject)

    def _sentence_at(self, offset: int) -> int:
        """Return the index of the sentence a character offset lies in."""
        return bisect.bisect_right(self.sent_starts, offset) - 1

    def _quoted(self, token: Token) -> bool:
        """Tell whether a token lies inside a quoted passage (someone's words, not the writer's)."""
        return self._quoted_at(token.idx)

    def _quoted_at(self, offset: int) -> bool:
        """Tell whether a character offset lies inside a quoted passage."""
        i = bisect.bisect_right(self.passage_starts, offset) - 1
        return i >= 0 and offset < self.passages[i][1]

    def _in_content(self, token: Token) -> bool:
        """Tell whether a token lies in the content of a quote resolved so far (this one's included)."""
        i = bisect.bisect_right(self.content_starts, token.idx) - 1
        return i >= 0 and token.idx < self.content_ends[i]

    def _stands_alone(self, mention: Mention) -> bool:
        """Tell whether a person mention names the person, not a thing ("the Biden administration")."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        return span is None or span.root.dep_ not in ("compound", "amod")

    def _surname_taken_for_a_word(self, head: Token) -> bool:
        """Tell whether a speaker's word is a name the tagger took for another word: a modal ("“…,” Will wrote",
        George Will), or a surname the article names a person by, tagged anything ("said Skelly, explaining …" with
        "Skelly" an adverb)."""
        if modal_named(head):
            return True
        return head.pos_ != "PROPN" and head.is_title and not head.is_sent_start and fold(head.text) in self.full_names

    def _mention_root(self, mention: Mention) -> Token | None:
        """Return the head word of a mention in the parse."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        return span.root if span is not None else None

    def _in_relative_clause(self, mention: Mention, head: Token) -> bool:
        """Tell whether a person is named in a clause on a phrase's head, not as its name ("A president who
        authorized the raid that killed Osama bin Laden" is no phrase naming bin Laden; "an academic named Eric
        Kingson" names him)."""
        root = self._mention_root(mention)
        if root is None:
            return False
        for verb in root.ancestors:
            if verb.i == head.i:
                return False
            if verb.dep_ in ("relcl", "acl") and verb.lemma_.lower() not in NAMING_VERBS:
                return True
        return False

    def _in_clause_on_a_thing(self, mention: Mention) -> bool:
        """Tell whether a person is named only in a clause about a thing ("A president who authorized the raid that
        killed Osama bin Laden … . Where he used to boast …": no one such a clause names is whom "he" means)."""
        root = self._mention_root(mention)
        return root is not None and in_clause_on_a_thing(root)

    def _mention_at(self, token: Token) -> Mention | None:
        """Return the name mention that holds a token."""
        i = bisect.bisect_right(self.named_starts, token.idx) - 1
        if i >= 0 and token.idx < self.named[i].end:
            return self.named[i]
        return None

    def _role_holder(self, speaker: Speaker) -> str | None:
        """Return the person an article gives the title a speaker is named by ("the Secretary"). The title must
        say what the speaker's words say of it: "the Vermont senator" is not "Arizona Sen. John McCain", nor
        "Former DNC chairman" the interim chairwoman; "Sen. Lindsey Graham" is not known to be "the South
        Carolina senator"."""
        said, heads = self._offices_said(speaker)
        if not heads:
            return None
        qualifiers = self._qualifiers(speaker)
        fitting: list[Mention] = []
        for mention in self.people:
            title = self._title_of(mention)
            if not title & heads or not heads <= title | {"the"} or said & RANKS != title & RANKS:
                continue
            if qualifiers <= title:
                fitting.append(mention)
        if not fitting:
            # "The New York state attorney general is confirming …" and then "But Attorney General Eric
            # Schneiderman isn't saying …": described first, named next, the place said only once
            return self._office_holder_next(speaker) or self._holder_named_next(speaker)
        before = [m for m in fitting if m.start < speaker.start]
        return self._person_name(before[-1] if before else fitting[0])

    def _party_tag(self, mention: Mention) -> set[str]:
        """Return the party and state of a lawmaker's tag after the name ("Sen. Lindsey Graham (R-S.C.)": republican,
        south, carolina), words a title's qualifier may say ("the South Carolina senator")."""
        match = PARTY_TAG.match(self.text, mention.end)
        if match is None:
            return set()
        state = US_STATE_ABBREVIATIONS.get(match.group("state").replace(".", "").replace(" ", "").lower())
        if state is None:
            return set()
        return {PARTY_LETTERS[match.group("party")], *state.split()}

    def _capitalised_before(self, mention: Mention) -> set[str]:
        """Return the capitalised words right before a name, as a title compares them: the state or party the
        entity model leaves out of a title ("Arizona Sen. Joel Marsh", "Republican Sen. John McCain")."""
        line = self.text[max(0, mention.start - 60) : mention.start].rsplit("\n", 1)[-1]
        words: set[str] = set()
        for word in reversed(line.split()):
            if not word[:1].isupper() or word.lower() in STOP_WORDS or word[-1] in ",;:":
                break  # "But Attorney General Eric Schneiderman", "in Florida, Sen. Bernie Sanders": no qualifier
            if word[-1] in ".!?" and "." not in word[:-1] and word[:-1].lower() not in TITLE_ABBREVIATIONS:
                break  # "… an offer to attend West Point. Carson called": a sentence's end, not "Pres." or "U.S."
            words.add(_office_word(word.strip("()")))
        return words

    def _head_of(self, speaker: Speaker) -> str | None:
        """Return who "the head of" an organisation is, when a lede names them next ("The head of Carrow Tide
        Logistics accepted responsibility … . Gregory Pashley, the company's chief executive, told …")."""
        head = speaker.token
        if head.lemma_.lower() not in LEADER_NOUNS or is_indefinite(head):
            return None
        if not any(child.dep_ == "prep" and child.lower_ == "of" for child in head.children):
            return None
        for mention in self._people_named_next(speaker):
            if self._titled(mention) & LEADER_TITLE_WORDS:
                return self._person_name(mention)
        return None

    def _the_company(self, speaker: Speaker) -> str | None:
        """Return the company "the company" (or "the firm") stands for: the one company the article has named
        before, by a name a company's ("Carrow Tide Logistics"); none when it has named several."""
        head = speaker.token
        if head.lower_ not in ("company", "firm") or not is_bare_definite(head):
            return None
        named = {
            mention.name
            for mention in self.named
            if mention.label == "ORG" and mention.start < speaker.start
            and mention.name.split()[-1].lower().rstrip(".,") in COMPANY_SUFFIXES
        }
        return next(iter(named)) if len(named) == 1 else None

    def _the_document(self, speaker: Speaker, sentence: int) -> str | None:
        """Return whose writing "the statement" or "the article" is, when the sentences just before name its author
        with the same word: "the Security Council issued a statement … . The statement noted …" is the Security
        Council's statement, "a Times article hailed … . The article said" the Times article. A user sees who
        speaks through the document, and statements gather under its author."""
        head = speaker.token
        lemma = head.lemma_.lower()
        if lemma not in DOCUMENT_NOUNS or head.pos_ != "NOUN" or not is_bare_definite(head):
            return None
        low = self.sent_starts[max(sentence - RECENT_SENTENCES, 0)]
        for token in reversed(self.doc[: head.i]):
            if token.idx < low:
                return None
            same = token.lemma_.lower() == lemma
            if _same_kind(lemma, token.lemma_.lower()) and token.pos_ == "NOUN" and not self._quoted(token):
                author = self._author_of(token)
                # named as the article named it: "The study found" after "a Reuters survey" is the Reuters survey
                return f"{author} {head.lower_ if same else token.lemma_.lower()}" if author is not None else None
        return None

    def _document_named_next(self, speaker: Speaker, sentence: int) -> str | None:
        """Return whose "a new poll" or "a report" is when a sentence or two later name it by its author ("A new poll
        shows that Trump remains in a tight race … . The latest Reuters/Ipsos opinion poll released Friday shows
        …"): a lede's vague words, made exact further down. Only a document the phrase names no one for."""
        head = speaker.token
        lemma = head.lemma_.lower()
        if lemma not in DOCUMENT_NOUNS or head.pos_ != "NOUN" or not is_indefinite(head):
            return None
        if any(token.pos_ == "PROPN" for token in head.subtree):
            return None  # "a Bloomberg poll", "a report by the Brookings Institution": named already
        following = sentence + NAMED_NEXT_SENTENCES + 1
        high = self.sent_starts[following] if following < len(self.sent_starts) else len(self.text)
        for token in self.doc[head.i + 1 :]:
            if token.idx >= high:
                return None
            if token.pos_ != "NOUN" or self._quoted(token):
                continue
            if _same_kind(lemma, token.lemma_.lower()):
                when = [c for c in token.head.children if c.dep_ in ("npadvmod", "advmod", "prep")]
                words = [*token.subtree, *(word for c in when for word in c.subtree)]
                if any(word.lower_ in EARLIER_WORDS for word in words):
                    continue  # "A Gazette poll last month had Okafor far ahead": another, older one
                author = self._author_of(token)
                if author is not None:
                    return f"{author} {token.lemma_.lower()}"
        return None

    def _author_of(self, document: Token) -> str | None:
        """Return the name of who wrote or issued a document the text names: its owner or the name before it ("the
        Council's statement", "a Reuters survey"), or the subject of the verb issuing it ("the Council issued a
        statement")."""
        named = [c for c in document.children if c.dep_ in ("poss", "compound") and c.pos_ == "PROPN"]
        by = next((c for c in document.children if c.dep_ == "prep" and c.lower_ == "by"), None)
        if not named and by is not None:
            # "a study by the Marlow Bay Institute": the name after "by"
            named = [c for c in by.children if c.dep_ == "pobj" and c.pos_ == "PROPN"]
        if not named and document.dep_ == "dobj" and document.head.lemma_.lower() in ISSUING_VERBS:
            named = [c for c in document.head.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"]
        if not named or named[-1].ent_type_ in ("DATE", "TIME"):
            return None  # "Friday's editorial" says when, not whose
        last, first = named[-1], named[0]
        while first.i > 0:
            before = self.doc[first.i - 1]
            if before.pos_ == "PROPN" and (before.dep_ == "compound" or before.i >= document.left_edge.i):
                first = before  # "The Port Ellery Harbor Board issued …": the whole name
            elif before.text == "/" and first.i > 1 and self.doc[first.i - 2].pos_ == "PROPN":
                first = self.doc[first.i - 2]  # "a CNN/ORC poll": the pollsters named together
            else:
                break
        mention = self._mention_at(last)
        if mention is not None and mention.label == "PERSON":
            return self._person_name(mention)  # "President Obama issued a statement": Obama's, by his name
        if mention is not None and mention.start <= first.idx:
            return mention.name
        # a name the entity model missed or took in part ("a CNN/ORC poll"): as written, without a possessive mark
        return POSSESSIVE_END.sub("", self.text[first.idx : last.idx + len(last.text)])

    def _topic_organisation(self, speaker: Speaker) -> str | None:
        """Return the organisation a bare "the bank", "the company" or "the union" stands for when no name says
        its kind: the one the headline names and the article names far more often than any other ("Elizabeth
        Warren hammers Wells Fargo CEO" … "The bank said …")."""
        head = speaker.token
        kinds = ORGANISATION_KINDS.keys() | {"company", "firm"}
        if head.lower_ not in kinds or not is_bare_definite(head):
            return None
        name = _dominant(
            [m.name for m in self.named if m.label == "ORG" and not in_headline(self.text, m.start)],
            TOPIC_MIN_MENTIONS,
        )
        if name is None:
            return None
        # the headline's words may run into the name ("Elizabeth Warren Hammers Wells Fargo CEO")
        headline = re.search(rf"\b{re.escape(name)}\b", self.text[: headline_end(self.text)]) is not None
        first = next(m.start for m in self.named if m.name == name and not in_headline(self.text, m.start))
        return name if headline and first < speaker.start else None

    def _the_state(self, speaker: Speaker) -> str | None:
        """Return the U.S. state "the state" stands for ("the state argued"): the last one its own sentence names
        before it, else the one the article names before it at least twice and twice as often as any other."""
        head = speaker.token
        if head.lower_ != "state" or not is_bare_definite(head):
            return None
        named = [
            m for m in self.named if m.label == "GPE" and m.start < speaker.start and fold(m.name) in US_STATE_NAMES
        ]
        sentence_start = head.sent.start_char
        near = [m for m in named if m.start >= sentence_start]
        if near:
            return near[-1].name  # "the 2000 election in Florida, when the state incorrectly stated …"
        return _dominant([m.name for m in named], 2)

    def _the_police(self, speaker: Speaker) -> str | None:
        """Return the force a bare "police" speaker is ("police said" where the article names "Charlotte-Mecklenburg
        police"): the one named force the article calls by a place's or a city's name ("Jupiter Police
        Department"); none when it names two."""
        head = speaker.token
        if head.lower_ != "police" or any(child.dep_ != "det" for child in head.children if child.i < head.i):
            return None
        forces: dict[str, str] = {}
        for token in self.doc:
            named = named_force(token)
            if named is not None and len(named[1]) > len(forces.get(fold(named[0]), "")):
                forces[fold(named[0])] = named[1]
        return next(iter(forces.values())) if len(forces) == 1 else None

    def _people_named_next(self, speaker: Speaker) -> Iterator[Mention]:
        """Yield the people named after a speaker, up to the end of the second sentence after its own."""
        sentence = self._sentence_at(speaker.start)
        limit = self.sent_starts[sentence + 3] if sentence + 3 < len(self.sent_starts) else len(self.text)
        for mention in self.people[bisect.bisect_right(self.people_starts, speaker.end) :]:
            if mention.start >= limit:
                return
            yield mention

    def _titled(self, mention: Mention) -> set[str]:
        """Return the words of the title a person mention is given, before the name ("Mayor") or in an apposition
        after it ("Gregory Pashley, the company's chief executive,")."""
        words = {fold(w) for w in (mention.title or "").split()}
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None:
            for child in span.root.children:
                if child.dep_ == "appos" and child.i > span.root.i:
                    words |= {fold(t.text) for t in child.subtree}
        return words

    def _lede_holder(self, speaker: Speaker) -> str | None:
        """Return who a lede's "a …" title turns out to be: "A New York judge has rejected …" and, within two
        sentences, "Manhattan Supreme Court Justice Frank Nervo rejected …", the news agencies' way of opening.
        Anywhere else "a spokesman" is one of several and stays unnamed."""
        if self._sentence_at(speaker.start) > LEDE_SENTENCES:
            return None
        return self._holder_named_next(speaker) or self._lede_speaker_next(speaker)

    def _headline_described(self, speaker: Speaker) -> str | None:
        """Return who a headline's bare description is ("Lawmaker urges retaliation on Russia", "Retired General
        Reveals …"): the person the opening names with its office, else the person the lede's main clause is
        about, named ("Rep. Adam Schiff … called on …") or described as the lede's own "a …" ("A former Democratic
        National Committee chairman says …", who the next sentences name). Not a group ("Officials say …")."""
        head = speaker.token
        first_line = headline_end(self.text)
        if speaker.start >= first_line:
            return None
        if head.tag_ not in ("NN", "NNP") or head.lower_ not in EPITHET_NOUNS or is_definite(head):
            return None
        if any(child.dep_ in ("det", "poss", "nummod") for child in head.children):
            return None
        said = ROLE_NOUN_GENDER.get(head.lower_)
        name = self._headline_person(speaker, first_line)
        return name if name is not None and (said is None or self._gender(name) in (None, said)) else None

    def _headline_person(self, speaker: Speaker, first_line: int) -> str | None:
        """Return the person the opening tells a headline's description is (``_headline_described``)."""
        head = speaker.token
        holder = self._holder_named_next(speaker)
        if holder is not None:
            return holder
        body = [sent for sent in self.doc.sents if sent.start_char > first_line and sent.text.strip()]
        for mention in self.people:
            if body and first_line < mention.start < body[min(1, len(body) - 1)].end_char:
                before = self.text[max(first_line, mention.start - 40) : mention.start].split()
                words = [word.lower() for word in before]
                titled = head.lower_ in words and all(
                    word[:1].isupper() for word in before[len(words) - words[::-1].index(head.lower_) :]
                )
                if titled:
                    return self._person_name(mention)  # "… has an admirer in British diplomat Sir Peter Westmacott"
        if not body:
            return None
        # "Rep. Dale Ferrin, the top Liberal …, called on …" may be parsed with the name as root
        root = body[0].root
        subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if root.pos_ in ("PROPN", "NOUN"):
            subject = root
        if subject is None:
            return None
        named = self._mention_at(subject)
        if named is not None and named.label == "PERSON":
            surname = surname_key(named.name)
            headline = {fold(word) for word in re.findall(r"[^\W\d_]+", self.text[:first_line])}
            return None if surname in headline else self._person_name(named)  # "… praises Obama's presidency"
        if named is None and is_indefinite(subject) and subject.lower_ in TITLE_HEADS:
            return self._lede_holder(speaker_span(subject, self.text))
        return None

    def _lede_speaker_next(self, speaker: Speaker) -> str | None:
        """Return who a lede's description turns out to be when the article does not repeat the office: the person
        the next two sentences have say something, with no office of their own ("A former Democratic National
        Committee chairman says … . “Now is the time …,” said Don Fowler, who helmed the DNC from 1995")."""
        sentence = self._sentence_at(speaker.start)
        after = self.sent_starts[sentence + 1] if sentence + 1 < len(self.sent_starts) else len(self.text)
        for mention in self._people_named_next(speaker):
            span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None or self._quoted_at(mention.start) or mention.start < after:
                continue  # the people the lede itself speaks of are not who says it
            root = span.root
            if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in SAYING_LEMMAS:
                # "said Jeff Bechdel, communications director for …": an office of their own, another person
                titles = self._title_of(mention) | {_office_word(word) for word in self._titled(mention)}
                return None if titles & OFFICE_HEADS else self._person_name(mention)
            return None  # someone else is named first
        return None

    def _bare_name_next(self, speaker: Speaker) -> str | None:
        """Return who an office described first turns out to be when the next sentences name someone new, bare,
        saying something: "Connecticut’s tax commissioner says … . Kevin Sullivan says he instructed staff …". A
        writer introduces a new person by who they are; a new name with no title and no apposition is the one just
        described. The first person named after the description's sentence only."""
        sentence = self._sentence_at(speaker.start)
        after = self.sent_starts[sentence + 1] if sentence + 1 < len(self.sent_starts) else len(self.text)
        for mention in self._people_named_next(speaker):
            if mention.start < after or self._quoted_at(mention.start):
                continue
            span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            key = surname_key(mention.name)
            named_before = any(surname_key(m.name) == key for m in self.people if m.start < speaker.start)
            if span is None or named_before or mention.title or self._titled(mention):
                return None
            root = span.root
            if root.dep_ != "nsubj" or root.head.lemma_.lower() not in SAYING_LEMMAS:
                return None
            said = ROLE_NOUN_GENDER.get(speaker.token.lower_)
            name = self._person_name(mention)
            return name if said is None or self._gender(name) in (None, said) else None
        return None

    def _holder_named_next(self, speaker: Speaker) -> str | None:
        """Return the person the next two sentences name with the office a speaker is described by (the same
        head and rank; the place or party the description says need not be repeated, but none other may be
        said: "The Vermont senator" is not "Sen. Chuck Schumer (D-N.Y.)")."""
        said, heads = self._offices_said(speaker)
        if not heads:
            return None
        qualifiers = self._qualifiers(speaker)
        for mention in self._people_named_next(speaker):
            title = self._title_of(mention)
            said_places = {w for w in title if _country_or_party(w) or w in STATE_WORDS}
            other = (said_places | self._places_said_before(mention)) - qualifiers
            if heads <= title and said & RANKS == title & RANKS and not (qualifiers and other):
                return self._person_name(mention)
        return None

    def _subject_before(self, speaker: Speaker) -> str | None:
        """Return the person a definite description stands for when no title fits it: the subject of one of the
        two sentences before, if the article titles that person with the same office and rank elsewhere ("Gov.
        John Kasich" … "Kasich said …" … "The Ohio governor said …"), and no other place is said of them."""
        said, heads = self._offices_said(speaker)
        if not heads:
            return None
        sentence = self._sentence_at(speaker.start)
        sents = list(self.doc.sents)
        qualifiers = self._qualifiers(speaker)
        for index in range(sentence - 1, max(sentence - 3, -1), -1):
            root = sents[index].root
            for child in root.children:
                if child.dep_ != "nsubj":
                    continue
                mention = self._mention_at(child)
                if mention is None and child.pos_ == "PROPN":
                    # a surname alone the entity model missed ("Later, Ferrin met …"): the person it names
                    mention = next((m for m in self.people if surname_key(m.name) == fold(child.text)), None)
                if mention is None or mention.label != "PERSON":
                    continue
                titles = self._titles_of_person(mention)
                places = {w for w in titles if _country_or_party(w) or w in STATE_WORDS}
                near = self._places_said_before(mention)
                if qualifiers and (places | near) - qualifiers:
                    return None
                if not heads <= titles or said & RANKS != titles & RANKS:
                    return None
                unsaid = qualifiers - titles
                if unsaid and (near or any(word in COUNTRY_WORDS for word in unsaid)):
                    # "The French president" is not "President Obama" named before; "After a rally in Ohio, Sen.
                    # Joel Marsh" does not tell "the Ohio senator" either. A state the article leaves unsaid
                    # of a person placed nowhere may be the description's ("Gov. John Kasich" … "The Ohio governor")
                    return None
                return self._person_name(mention)
        return None

    def _untitled_before(self, speaker: Speaker) -> str | None:
        """Return the person a description of a party's or a place's office stands for when the article gives
        nobody that office: the last person named before it, within two sentences, as a subject or an owner.

        "Donald Trump says he has “big plans” … . The Republican presidential nominee noted …", "whether Sanders
        still senses anger …, the Vermont senator acknowledged …": the news writer's way of not repeating a name.
        The person must hold no office of their own in the article (that is for the titles to tell), and must be
        the last one named ("lawyers for both Donald and Ivana Trump filed …" tells nothing); a description of
        no place or party ("At his cookout, the band leader called …") is too often someone else."""
        said, heads = self._offices_said(speaker)
        qualifiers = self._qualifiers(speaker)
        introduced = "of" in said and not OFFICE_OF.search(self.text[speaker.start : speaker.end])
        if not heads or not (qualifiers or heads & RUNNING_HEADS) or introduced:
            return None  # "The attorney general of the state of New York is suing Trump": someone new, introduced
        return self._untitled_subject(speaker, qualifiers)

    def _untitled_subject(self, speaker: Speaker, qualifiers: set[str], office_free: bool = True) -> str | None:
        """Return the person named last before a description, within two sentences, as the subject of a main
        clause (``_subject_named_back``), when the description may stand for them (``_may_be``)."""
        if more_than_one(speaker.token):
            return None  # "The Republican nominee and his aides": more than the person
        sentence = self._sentence_at(speaker.start)
        low = self.sent_starts[max(sentence - UNTITLED_SENTENCES, 0)]
        mention = self._subject_named_back(low, speaker.start)
        if mention is None or not self._may_be(mention, speaker, qualifiers, office_free):
            return None
        return self._person_name(mention)

    def _may_be(self, mention: Mention, speaker: Speaker, qualifiers: set[str], office_free: bool) -> bool:
        """Tell whether a description may stand for a person: of no other party or place than it says, and holding
        no office in the article when it names one (``office_free``; a presidential candidate may be a senator
        or a governor, not "New York Mayor Bill de Blasio")."""
        titles = self._titles_of_person(mention)
        places = {w for w in titles if _country_or_party(w) or w in STATE_WORDS}
        offices = titles & OFFICE_HEADS
        if "presidential" in self._offices_said(speaker)[0] and offices <= RUNNING_OFFICES:
            offices = set()  # "Texas Sen. Ted Cruz says … . The Republican presidential candidate repeated …"
        placed = places | self._places_said_before(mention)
        return not (office_free and offices) and not _placed_otherwise(qualifiers, placed)

    def _topic_described(self, speaker: Speaker) -> str | None:
        """Return the person an article is about, for a description of one running or of one person's calling that
        nothing near it resolves ("Donald J. Trump would not be Silicon Valley's first choice. Or its second. … The
        presumptive Republican presidential nominee wants …"): the person the headline or the opening names whom
        the article names at least twice as often as anyone else, when the description fits them, and names
        their party when it names one."""
        topic = self._article_topic
        head = speaker.token
        if topic is None or head.lower_ not in TOPIC_NOUNS:
            return None
        if more_than_one(head):
            return None
        qualifiers = self._qualifiers(speaker)
        titles = self._titles_of_person(topic)
        if not {word for word in qualifiers if word in PARTY_WORDS} <= titles:
            return None  # "the Democratic nominee" in a story about Trump is not Trump
        said = ROLE_NOUN_GENDER.get(head.lower_)
        name = self._person_name(topic)
        if said is not None and self._gender(name) not in (None, said):
            return None
        return name if self._may_be(topic, speaker, qualifiers, head.lower_ in RUNNING_HEADS) else None

    @functools.cached_property
    def _interviewee(self) -> str | None:
        """Who answers an interview's questions: the first person named in full before the first question,
        in the headline or the introduction ("Q&A with Vice President Joe Biden", "Laura Bush sees hope …")."""
        first_label = next(
            (m.end() for m in PARAGRAPH_START.finditer(self.text) if SPEAKER_LABEL.match(self.text, m.end())),
            len(self.text),
        )
        for mention in self.people:
            if mention.start >= first_label:
                return None
            if given_name(mention.name) is not None:
                return self._person_name(mention)
        return None

    @functools.cached_property
    def _article_topic(self) -> Mention | None:
        """The person the article is about: named in the headline or the opening, at least twice as often as
        anyone else (its first mention)."""
        first: dict[str, Mention] = {}
        names: list[str] = []
        for mention in self.people:
            if not self._quoted_at(mention.start):
                names.append(self._person_name(mention))
                first.setdefault(names[-1], mention)
        name = _dominant(names, TOPIC_MIN_MENTIONS)
        if name is None:
            return None
        mention = first[name]
        opening = self.sent_starts[min(TOPIC_OPENING_SENTENCES, len(self.sent_starts) - 1)]
        return mention if mention.start < opening else None

    def _party_nominee(self, speaker: Speaker) -> str | None:
        """Return the one person the article ties to the party of a description of someone running for office:
        "The GOP nominee complained …" in an article that writes "Republican Donald Trump" and names no other
        Republican without an office of their own ("Republican Sen. John McCain") or another rank ("the Republican
        vice presidential nominee")."""
        said, _ = self._offices_said(speaker)
        qualifiers = self._qualifiers(speaker)
        parties = {word for word in qualifiers if word in PARTY_WORDS}
        if not said & RUNNING_HEADS or not parties or qualifiers - parties:
            return None
        names = set()
        for mention in self.people:
            title = self._title_of(mention)
            if parties <= title and said & RANKS == title & RANKS and not (title & OFFICE_HEADS) - RUNNING_HEADS:
                names.add(self._person_name(mention))
        return names.pop() if len(names) == 1 else None

    def _described_before(self, speaker: Speaker) -> str | None:
        """Return the person a qualified description of no office stands for: the last person named before it,
        within two sentences, as a main-clause subject ("Trump, appearing after the forum, cited problems … .
        "We need change," the New York businessman said"; "Ivanka Trump said … , the 34-year-old mother of three
        replied"). A bare noun ("the man", "the voter") or a group's ("the protester") is too often someone else,
        and a noun of the other sex is."""
        head = speaker.token
        qualified = any(
            child.dep_ in ("amod", "compound", "nummod", "npadvmod") for child in head.children if child.i < head.i
        )
        if head.lower_ in GROUP_NOUNS or not (qualified or head.lower_ in ONE_PERSON_NOUNS):
            return None
        # a candidate is not someone the article gives an office ("Mayor Bill de Blasio"); a businessman may be
        name = self._untitled_subject(speaker, self._qualifiers(speaker), office_free=head.lower_ in RUNNING_HEADS)
        said = ROLE_NOUN_GENDER.get(head.lower_)
        if name is None or (said is not None and self._gender(name) not in (None, said)):
            return None
        return name

    def _subject_named_back(self, start: int, end: int) -> Mention | None:
        """Return the last person named between two offsets when named as a main clause's subject (or as the
        owner of a group that is a subject: "what the Clinton campaign now hopes"), passing over owners and
        prepositions' objects named after them ("Hillary Clinton has a word for Donald Trump's plan: No. The
        Democratic candidate …"), but not the topic's own owner ("More troubling was Trump's unwillingness … .
        Instead, the businessman …" is not who spoke before)."""
        for mention, root in self._people_named_back(start, end):
            if root.dep_ in PASSING_ROLES and not in_main_subject(root):
                continue
            if in_trailing_clause(root):
                continue  # "The nominee was speaking …, hours after Trump unleashed …": the nominee is not Trump
            if (root.dep_ in ("nsubj", "nsubjpass") and in_main_clause(root)) or verb_taken_for_noun(root):
                return mention
            group = root.head
            if root.dep_ == "compound" and group.lower_ in OWNED_GROUPS and group.dep_ in ("nsubj", "nsubjpass"):
                return mention  # "… what the Clinton campaign now hopes. The Democratic nominee attacked …"
            return None
        return None

    def _people_named_back(self, start: int, end: int) -> Iterator[tuple[Mention, Token]]:
        """Yield the people named between two offsets outside quotes, last first, with the token naming them: a
        person mention, a surname alone the entity model missed ("…,” Sanders responded."), or a pronoun a quote's
        speaker stood for."""
        seen: Mention | None = None
        for token in reversed(self.doc.char_span(start, end, alignment_mode="contract") or []):
            if self._quoted(token):
                continue
            mention = self._mention_at(token)
            if mention is not None and mention is seen:
                continue  # "Donald" after "Trump", read back to front: the same person
            if mention is not None and (mention.label == "PERSON" or self._is_person(mention.name)):
                # a surname the entity model took for something else ("Kasich is coming off …") is still the person
                seen = mention
                span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
                yield mention, span.root if span is not None else token
            elif mention is None and (token.pos_ == "PROPN" or verb_taken_for_noun(token) or modal_named(token)):
                named = next((m for m in self.people if surname_key(m.name) == fold(token.text)), None)
                if named is not None:
                    yield named, token
            spoken = self.speaker_names.get(token.i) if token.pos_ == "PRON" else None
            if spoken is not None:
                # a pronoun a quote's speaker resolved ("She said …, and … the 34-year-old mother of three replied")
                named = next((m for m in self.people if self._person_name(m) == spoken), None)
                if named is not None:
                    yield named, token

    def _offices_said(self, speaker: Speaker) -> tuple[set[str], set[str]]:
        """Return the title words of a description as offices compare them, and the office heads among them
        ("vice-presidential" says "vice" too)."""
        words = self.text[speaker.start : speaker.end].split()  # "congressman’s" (an owner's) is no office head
        said = {_office_word(part) for word in words for part in word.split("-")}
        return said, said & OFFICE_HEADS

    def _qualifiers(self, speaker: Speaker) -> set[str]:
        """Return the places and parties that tell one holder of an office from another in a description ("The
        Ohio senator", "The French president", "the state's Republican governor"); not a body or a person ("the
        Sanders aide")."""
        span = self.doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
        return {
            _office_word(t.text)
            for t in (span if span is not None else [])
            if t.text[:1].isupper()
            and (t.ent_type_ == "GPE" or _country_or_party(t.text) or fold(t.text) in STATE_WORDS)
        }

    def _titles_of_person(self, mention: Mention) -> set[str]:
        """Return the words the article titles a person by anywhere, over every mention of their surname."""
        key = surname_key(mention.name)
        return set().union(*(self._title_of(m) for m in self.people if surname_key(m.name) == key))

    def _title_of(self, mention: Mention) -> set[str]:
        """Return the words a person is titled by: the title, the capitalised words before the name, the party tag,
        the place after it ("Senator Bernie Sanders of Vermont")."""
        words = _title_words(mention.title) | self._capitalised_before(mention) | self._party_tag(mention)
        place = PLACE_AFTER.match(self.text, mention.end)
        if place is not None:
            words |= {fold(word) for word in place.group("place").split()}
        return words

    def _places_said_before(self, mention: Mention) -> set[str]:
        """Return the countries and states named just before a person in the same sentence ("Russia's leader,
        President Vladimir V. Putin"): another place than a description says rules the person out."""
        text = self.text
        sentence = self.sent_starts[max(self._sentence_at(mention.start), 0)]
        low = max(sentence, text.rfind("\n", 0, mention.start), mention.start - 60)
        words = {fold(word.strip(",;:()")).removesuffix("'s") for word in text[low : mention.start].split()}
        return {word for word in words if word in COUNTRY_WORDS or word in STATE_WORDS}

    def _office_holder_next(self, speaker: Speaker) -> str | None:
        """Return the person named next with an office of the same country ("Ukraine's foreign minister said
        ... . "...," Ukraine's top diplomat Dmytro Kuleba told"), when that comes within two sentences."""
        words = self.text[speaker.start : speaker.end].split()
        if not words or not words[0].endswith(("'s", "’s")) or not words[0][:1].isupper():
            return None
        for mention in self._people_named_next(speaker):
            if (mention.title or "").split()[:1] == words[:1]:
                return self._person_name(mention)
        return None

    def _named_like_person(self, speaker: Speaker) -> bool:
        """Tell whether a speaker the entity model did not take for a person is still named like one."""
        head = speaker.token
        mention = self._mention_at(head)
        if mention is None or head.tag_ == "NNPS" or mention.label not in ("ORG", "GPE", "PERSON"):
            return False
        if (self._quoted(head) and head.text.isalpha()) or head.dep_ in ("compound", "nmod", "amod"):
            return False  # "according to the “Medicare for all” document": a title's word, no one who speaks
        words = mention.name.split()
        if not words or any(fold(w) in ORGANISATION_WORDS for w in words) or any(w.isupper() for w in words):
            return False
        if WEB_ADDRESS.search(mention.name):
            return False  # "according to Factcheck.org": a website
        if mention.label == "GPE":
            # a place that speaks ("Moscow said") is an institution; only a known first name makes it a person
            return first_name_gender(mention.name) is not None
        # "as The New Yorker put it", "The Hill reported": a name with "the" before it is a title, not a person;
        # "Other Netizens enjoyed …": a name counted as many is a group
        return not any(child.lower_ in ("the", *GROUP_DETERMINERS) for child in head.children if child.i < head.i)

    def _person_name(self, mention: Mention) -> str:
        """Return the person a name mention stands for in the article.

        A bare surname that several people named in full share ("Mayor Elena Reyes" … "Tomas Reyes") is the one
        its form of address tells ("Ms Reyes"), else the one named in full as the subject of a sentence shortly
        before ("Tomas Reyes has two leases … “…,” Reyes said"), else whoever the article named first ("Ted Cruz …
        his father, Rafael Cruz … Cruz said" is Ted)."""
        if given_name(mention.name) is None:
            holders = self.holders.get(surname_key(mention.name), set())
            if len(holders) > 1:
                if mention.address is not None:
                    fitting = [name for name in holders if first_name_gender(name) == mention.address]
                    if len(fitting) == 1:
                        return fitting[0]
                sentence = mention.sentence_index
                recent = [
                    m for m in self.people
                    if m.name in holders
                    and m.start < mention.start
                    and sentence - m.sentence_index <= SAME_NAME_SENTENCES
                    and self._is_subject(m)
                ]
                if recent:
                    return recent[-1].name
        return self._full_name(mention.name)

    def _is_subject(self, mention: Mention) -> bool:
        """Tell whether a name mention is the subject of its clause."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        return span is not None and span.root.dep_ in ("nsubj", "nsubjpass")

    def _full_name(self, name: str) -> str:
        """Return the longest name the article writes for a person: "Blinken" -> "Antony J. Blinken".

        A name with another first name stays as written: "Bill Clinton" is not "Hillary Rodham Clinton"
        (while "Wasserman Schultz" is "Debbie Wasserman Schultz").
        """
        full = self.full_names.get(surname_key(name), name)
        given = given_name(name)
        if given is not None and given not in {fold(w) for w in full.split()}:
            return name
        return full

    def _one_named_person(self, name: str) -> bool:
        """Tell whether a resolved name is one person's, written with a first name ("Sandra Paradis"), not a group
        that names a member ("three economists -- David Autor", "Ted Cruz's team")."""
        group = re.search(r",| and |--|’s|'s", name) is not None
        return self._is_person(name) and first_name_gender(name) is not None and not group

    def _is_person(self, name: str) -> bool:
        """Tell whether a resolved name is one of the article's people."""
        return surname_key(name) in self.full_names


def _named_like_an_organisation(name: str) -> bool:
    """Tell whether a name the entity model missed ends like an organisation's ("Right Wing Watch first reported"),
    with no first name to show a person: no one a later "he" or "she" stands for."""
    return fold(name.split()[-1]) in ORGANISATION_WORDS and first_name_gender(name) is None


def _country_or_party(word: str) -> bool:
    """Tell whether a word names a country or a party ("French", "NATO", "Republican")."""
    folded = fold(word)
    return folded in COUNTRY_WORDS or folded in PARTY_WORDS


def _placed_otherwise(said: set[str], placed: set[str]) -> bool:
    """Tell whether a person's parties and places contradict a description's: another party than it says, or
    another place than it says ("the Ohio senator" is not "Arizona Sen. Joel Marsh", "the Republican candidate"
    not "Democrat Dale Ferrin"). A description of a party says nothing of a state: it may be "Florida Sen. Marco
    Rubio"."""
    parties = {word for word in said if word in PARTY_WORDS}
    if parties and {word for word in placed if word in PARTY_WORDS} - parties:
        return True
    places = said - parties
    return bool(places) and bool({word for word in placed if word not in PARTY_WORDS} - places)


def _office_word(word: str) -> str:
    """Return the form a title word is compared under: folded, abbreviations written out."""
    folded = fold(word)
    return PARTY_FORMS.get(folded) or TITLE_ABBREVIATIONS.get(folded, folded)


def _title_words(title: str | None) -> set[str]:
    """Return the words of a title, a chief executive's both ways ("CEO" and "chief executive" match), a
    justice's as a judge's too."""
    words = {_office_word(w) for w in (title or "").split()}
    if "ceo" in words:
        words |= {"chief", "executive"}
    if {"chief", "executive"} <= words:
        words.add("ceo")
    if "justice" in words:
        words.add("judge")  # "Supreme Court Justice Frank Nervo" is "the judge"
    return words


def _says_no_more(text: str, described: str, head: str) -> bool:
    """Tell whether a description says nothing its first description did not ("the RNC member" after "a
    prominent Republican National Committee member"): each of its words is a word of the first or the
    initials of capitalised words in it."""
    first = described.split()
    words = {w.lower().strip(PUNCTUATION) for w in first}
    capitals = [w for w in first if w[:1].isupper()]
    n = len(capitals)
    initials = {"".join(w[0] for w in capitals[i:j]).lower() for i in range(n) for j in range(i + 2, n + 1)}
    extra = {w.lower().strip(PUNCTUATION) for w in text.split()} - {"the", head}
    return extra <= words | initials


def _dominant(names: list[str], minimum: int) -> str | None:
    """Return the name an article names most, when at least ``minimum`` times and ``TOPIC_MARGIN`` times as often as
    any other: whom (or what) the article is about; None when two share the lead."""
    ranked = Counter(names).most_common(2)
    if not ranked or ranked[0][1] < minimum:
        return None
    if len(ranked) > 1 and ranked[0][1] < TOPIC_MARGIN * ranked[1][1]:
        return None
    return ranked[0][0]


def _interview(text: str) -> bool:
    """Tell whether a text is an interview or a transcript: paragraphs opened by a speaker's label ("TAPPER:",
    "A:", "Q."), where "I" is whoever answers, in the labelled paragraph and in those that carry the answer on."""
    labelled = 0
    for match in PARAGRAPH_START.finditer(text):
        if SPEAKER_LABEL.match(text, match.end()):
            labelled += 1
            if labelled >= INTERVIEW_LABELS:
                return True
    return False


def _answering(text: str, offset: int) -> bool:
    """Tell whether an offset lies in an interview's answer: the last labelled paragraph before it is "A:"."""
    start = text.rfind("\n", 0, offset) + 1
    while True:  # paragraph by paragraph back from the offset: an interview may hold hundreds of answers
        label = SPEAKER_LABEL.match(text, start)
        if label is not None:
            return label.group().strip(" \t:.") == "A"
        if start == 0:
            return False
        start = text.rfind("\n", 0, start - 1) + 1


BACKGROUND_MARKS = frozenset({"while", "although", "though", "whereas"})
"""Openers of a clause that sets a contrast aside before the sentence's point."""


def _backgrounded(subject: Token) -> bool:
    """Tell whether a subject stands in a clause of contrast set before its sentence's main clause ("While Obama
    had …, that has not been happening for Clinton"), or in such a clause the parse made the sentence's root."""
    verb = subject.head
    return (
        (verb.dep_ == "advcl" and verb.i < verb.head.i or verb.dep_ == "ROOT")
        and any(child.dep_ == "mark" and child.lower_ in BACKGROUND_MARKS for child in verb.children)
    )


def _same_kind(word: str, other: str) -> bool:
    """Tell whether two document nouns (lemmas) may name the same document."""
    return word == other or any(word in kind and other in kind for kind in DOCUMENT_KINDS)
