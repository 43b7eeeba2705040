"""Find the phrase that names who speaks for a speech cue, by reading the parse around it.

``find_speaker`` takes a cue's subject, the agent of a passive, the object of "according to", the subject of
the verb a participle hangs from ("..., adding that") or of the clause it opens or follows, the noun before an
aside ("Obama, dedicating the museum, said"; "Okafor (D-Lee) called"; "the mayor, who has denounced …,
repeated"); a passive participle ("Asked whether …") names only its agent. Which person or organisation the
phrase stands for is ``quotes_speakers``' job.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from dateline.analyze.quotes_headline import title_word

DOUBLE_MARKS = frozenset({'"', "“", "”", "''", "``", "„", "«", "»"})
SUBJECT_DEPS = ("nsubj", "csubj")
CLIMB_DEPS = frozenset({"xcomp", "advcl", "conj", "ccomp", "acl", "pcomp", "prep", "parataxis", "acomp"})
"""Relations through which a subjectless cue shares the subject of the verb above it ("acomp": "Trump will be
unable to … accuse", "aides were adamant that")."""
PARTICIPLE_DEPS = frozenset({"advcl", "conj", "pcomp"})
"""Relations by which a participle modifies a clause whose subject it shares."""
TIME_PREPOSITIONS = frozenset({"after", "before", "upon", "since", "while", "for"})
"""Prepositions whose participle ("after saying", "for slamming") the clause's own subject does."""
OCCASION_NOUNS = frozenset(
    {"conference", "briefing", "interview", "speech", "address", "rally", "event", "hearing", "meeting",
     "appearance", "session", "debate", "forum", "town-hall", "call", "broadcast", "show", "podcast"}
)
"""Occasions of speech: a participle hung on one ("a news conference announcing that") speaks with whoever
speaks there."""
KEEP_AFTER_HEAD = frozenset({"compound", "flat", "appos", "prep", "nummod", "amod"})
"""What stays of a long speaker phrase after its head: the name and its description, not a relative clause."""
MAX_SPEAKER_TOKENS = 12
MAX_ASIDE_TOKENS = 20
"""The longest aside between a subject and its verb read over ("X, dedicating the museum on Saturday, said")."""
PARENTHESIS_TOKENS = 8
"""The longest parenthesis read over between a name and its verb ("Rep. Dana Okafor (D-Lee) said")."""
MAX_DESCRIPTION_TOKENS = 20
DASHES = frozenset({"-", "--", "–", "—", "―"})
"""Dashes that set off an aside when spaced ("an aggressive - some say unrealistic - pledge")."""
SPEAKER_EDGE = " \t\n\r,;:―—–-\"“”'’("
SPEECH_ITSELF = frozenset({"talk", "speculation", "chatter", "rumor", "rumour", "gossip", "whisper"})
"""Nouns for what is said going round, not for who says it ("talk had been mounting about a challenger")."""
ASPECT_VERBS = frozenset({"keeps", "continues", "starts", "stops", "begins", "tries", "refuses"})
"""Verbs of a list's subjectless line the parse takes for a name ("Keeps saying she opposed the war")."""


@dataclass(frozen=True)
class Speaker:
    """The words that name who is speaking, as a token (the head) and a character span."""

    token: Token
    start: int
    end: int


def find_speaker(cue: Token, text: str) -> Speaker | None:
    """Return the speaker of a cue from the parse (``text`` is the Doc's text), or None when it names none."""
    token = _speaker_token(cue)
    if token is None or token.lemma_.lower() in SPEECH_ITSELF or _subjectless_line(token):
        return None
    low, high = sorted((token.idx, cue.idx))
    if _paragraph_break(text[low:high]):
        # the parse ran a clause over a paragraph break ("The Latest on the race (all times EDT):\n\n7 p.m.\n\n
        # Donald Trump is questioning ..."): a speaker is named in the paragraph of the words it speaks
        token = _noun_right_before(cue)
        if token is None or _paragraph_break(text[token.idx : cue.idx]):
            return None
    return speaker_span(token, text)


def _subjectless_line(token: Token) -> bool:
    """Tell whether a speaker is the verb opening a line that has no subject ("Keeps saying she opposed the Iraq War,
    when …" in a list of what a candidate did), which the parse took for a name."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return (
        bool(token.is_sent_start) and token.lower_ in ASPECT_VERBS and following is not None
        and following.tag_ in ("VBG", "TO")
    )


def _paragraph_break(text: str) -> bool:
    """Tell whether a stretch of text crosses a paragraph: a line break not followed by a word in lower case
    (a scrape's line wrapped inside a sentence, "a failure\xa0\nof the town, repeated", is no break)."""
    return any(not text[k + 1 :].lstrip(" \t\xa0")[:1].islower() for k, char in enumerate(text) if char == "\n")


FEELINGS = frozenset(
    {"frustrate", "concern", "worry", "convince", "please", "disappoint", "surprise", "shock", "shocked", "startle",
     "stun", "alarm", "trouble", "puzzle", "mystify", "baffle", "hearten", "impress", "thrill", "delight", "excite",
     "relieve", "anger", "outrage", "infuriate", "incense", "upset", "sadden", "dismay", "horrify", "embitter",
     "rattle", "unnerve", "intrigue", "split", "divide", "tear", "poise", "align", "persuade", "satisfy",
     "determine", "resign", "incline", "coy", "adamant", "confident", "unconvinced", "skeptical"}
)
"""Participles and adjectives of a feeling or a stance the parse may read as passives ("Protesters were
frustrated that …", "The party is divided over whether …"): their passive subject holds it (a verb of asking or
telling keeps its passive subject a listener: "He was asked whether …")."""
OBJECT_CONTROL_VERBS = frozenset({"leave", "have", "keep", "get", "set", "send", "find"})
"""Verbs whose object does what the participle after it says ("leaves Marlow Bay asking", "has residents
wondering")."""


def _object_controller(cue: Token) -> Token | None:
    """Return the object that asks or wonders in "X's exit leaves Marlow Bay asking who …": right before the
    participle, with no comma between (after one, "attacked Clinton, saying …", the subject speaks)."""
    head = cue.head
    if cue.tag_ != "VBG" or cue.dep_ not in ("advcl", "xcomp", "oprd"):
        return None
    if head.lemma_.lower() not in OBJECT_CONTROL_VERBS:
        return None
    obj = next((c for c in head.children if c.dep_ == "dobj" and head.i < c.i < cue.i), None)
    return obj if obj is not None and obj.right_edge.i + 1 == cue.i else None


def _speaker_token(cue: Token) -> Token | None:
    """Return the head token of the phrase naming who speaks through a cue."""
    if cue.lower_ == "according":
        for child in cue.children:
            if child.lower_ == "to":
                source = next((c for c in child.children if c.dep_ == "pobj"), None)
                # "according to show insiders" parsed as the verb "show" with its object: the object is the source
                misread = next((c for c in child.children if c.dep_ == "pcomp" and c.tag_ == "VB"), None)
                if source is None and misread is not None:
                    source = next((c for c in misread.children if c.dep_ == "dobj"), None)
                return source
        return None
    felt = next((c for c in cue.children if c.dep_ == "nsubjpass"), None) if cue.lemma_.lower() in FEELINGS else None
    if felt is not None and _agent(cue) is None:
        return felt  # "Protesters were frustrated that …", "aides were coy about whether …": who feels it
    if _passive_participle(cue):
        # "Asked whether she would run, the mayor …", "…,” Okafor told reporters when asked about …": who asks
        # is its agent or nobody named, never the one asked
        return _agent(cue)
    own_subject = any(child.dep_ in ("nsubj", "nsubjpass", "csubj") for child in cue.children)
    controller = None if own_subject else _object_controller(cue)
    if controller is not None:
        return controller
    before = None if own_subject else _noun_right_before(cue)
    if before is not None and subordinate_subject(before):
        # "… since Clinton, at Monday's debate, cited …" parsed with "since" a preposition and "cited" a
        # conjunct of the main verb: the clause's own subject speaks, not the main clause's
        return before
    verb = cue
    for _ in range(4):
        subject = _subject(verb, cue)
        if subject is not None and verb is not cue and _quote_between(subject, cue):
            # "“… We will achieve justice,” Chief Jordan said" parsed with "said" a conjunct of "achieve":
            # the subject of a verb inside the quote does not speak the reporter's verb outside it
            break
        if subject is not None:
            return _out_of_parenthesis(subject, cue)
        if verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBN", "VBZ") and verb.head.pos_ == "PROPN" and (
            verb.head.dep_ == "ROOT" or (verb.head.head.i > verb.i and _quote_between(verb, verb.head.head))
        ):
            # "Donald Trump, who is vying …, tweeted on Friday to say …" parsed with the name as root, or as the
            # subject of a verb in the quote ("Mitt Romney, the … nominee, tweeted in response: ''Our leaders don't
            # kill …''")
            return verb.head
        if verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.tag_ == "VBG"):
            # "Sullivan, who said" / "a number of lawmakers warning that": the noun does the speaking, unless it
            # is the occasion of speech ("she said at a news conference announcing that"): then its speaker
            return _occasion_speaker(verb.head) or verb.head
        if verb.head.i == verb.i or not (verb.dep_ in CLIMB_DEPS or _run_on_verb(verb)):
            break
        if verb.head.lower_ == "worth":
            return None  # "It is worth noting that …": the reporter's own aside
        verb = verb.sent.root if _finite_under_infinitive(verb) else verb.head
    if cue.pos_ in ("NOUN", "PROPN"):
        owner = next((c for c in cue.children if c.dep_ == "poss"), None) or _noun_right_before(cue)
        return owner or _maker_of(cue)
    return _phrase_after_quote(cue) or _noun_right_before(cue) or _participle_subject(cue)


def _finite_under_infinitive(verb: Token) -> bool:
    """Tell whether the parse joined a verb in the past or present tense to an infinitive ("Romney ran on his
    ability to jolt the recovery and accused Obama of …"): no "to" goes with "accused", which shares the subject of
    the sentence's main verb."""
    head = verb.head
    return (
        verb.dep_ == "conj" and verb.tag_ in ("VBD", "VBZ") and head.tag_ == "VB"
        and any(child.dep_ == "aux" and child.lower_ == "to" for child in head.children)
    )


UNDERGOING_VERBS = frozenset(
    {"deal", "grapple", "cope", "meet", "face", "struggle", "contend", "wrestle", "battle", "greet", "hit", "pelt"}
)
"""Verbs whose subject takes what comes "with" them ("grappled with calls for boycotts"): someone else says it."""


def _maker_of(cue: Token) -> Token | None:
    """Return who makes a statement named by a noun the verb of its clause takes with "with" ("Trump … stirred
    controversy with an assertion that …", "Okafor answered with a warning that …"): that verb's subject."""
    preposition = cue.head
    if cue.dep_ != "pobj" or preposition.lower_ != "with" or preposition.head.pos_ != "VERB":
        return None
    verb = preposition.head
    if verb.lemma_.lower() in UNDERGOING_VERBS:
        return None  # "Starr has dealt with criticism of his leadership": others' words
    for _ in range(3):
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return subject if not _quote_between(subject, cue) else None
        if verb.dep_ not in ("conj", "xcomp", "advcl") or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def lost_subject(cue: Token) -> Token | None:
    """Return the name opening a sentence whose main verb the parse left with no subject ("Okafor, speaking at a
    rally, did not mention Arle, but said …" with "Okafor" a modifier): a finite verb has one, and a name set off
    by a comma at the start is it. For a cue ``find_speaker`` found no
    speaker for (and ``fronted_subject`` none in its content)."""
    verb = cue
    while verb.dep_ in CLIMB_DEPS and verb.head.i != verb.i:
        verb = verb.head
    finite = verb.tag_ in ("VBD", "VBZ", "VBP") or any(child.dep_ == "aux" for child in verb.children)
    subject = any(child.dep_ in (*SUBJECT_DEPS, "nsubjpass", "expl") for child in verb.children)
    if verb.dep_ != "ROOT" or not finite or subject:
        return None
    doc = verb.doc
    first = verb.sent.start
    while first < verb.i and (doc[first].pos_ == "CCONJ" or doc[first].is_space):
        first += 1  # "And Okafor, …"
    last = first
    while last + 1 < verb.i and doc[last + 1].pos_ == "PROPN":
        last += 1
    name = doc[last]
    if doc[first].pos_ != "PROPN" or last + 1 >= verb.i or doc[last + 1].text != ",":
        return None
    return name if name.ent_type_ in ("PERSON", "ORG", "NORP", "") else None


def _out_of_parenthesis(subject: Token, cue: Token) -> Token:
    """Return the name before a parenthesis the parse took the subject from ("White House Chief of Staff Denis
    McDonough (then deputy national security adviser) heaps praise …": McDonough, not "adviser")."""
    doc = subject.doc
    lowest = max(subject.sent.start, subject.i - PARENTHESIS_TOKENS)
    opening = next((k for k in range(subject.i - 1, lowest - 1, -1) if doc[k].text in "()"), None)
    if opening is None or doc[opening].text != "(" or opening == subject.sent.start:
        return subject
    if not any(tok.text == ")" for tok in doc[subject.i + 1 : cue.i]):
        return subject
    name = doc[opening - 1]
    if name.pos_ != "PROPN":
        return subject
    while name.dep_ in ("compound", "flat") and name.head.i == name.i + 1:
        name = name.head
    return name


def subordinate_subject(token: Token) -> bool:
    """Tell whether a noun is the subject of a clause that "since", "after", "because" … opens, which the parse
    took for a preposition's object ("since Clinton, at the debate, cited")."""
    return token.dep_ == "pobj" and token.head.pos_ == "SCONJ"


NEVER_PASSIVE_OF_A_SPEAKER = frozenset(
    {"say", "tweet", "write", "add", "post", "respond", "reply", "explain", "note", "declare", "remark", "argue",
     "insist", "comment", "testify"}
)
"""Verbs of saying that cannot make the person they follow their passive subject: tagged a participle after a
name, they are its past tense."""


def _passive_participle(cue: Token) -> bool:
    """Tell whether a cue is a passive participle with no subject of its own ("asked about", "when told"), whose
    speaker the words around it do not name (the perfect "has asked" is active)."""
    if cue.tag_ != "VBN" or any(child.dep_ in SUBJECT_DEPS for child in cue.children):
        return False
    if any(child.dep_ == "aux" and child.lemma_ == "have" for child in cue.children):
        return False
    if cue.lemma_.lower() in NEVER_PASSIVE_OF_A_SPEAKER and cue.head.pos_ == "PROPN":
        return False  # "Mitt Romney, the … nominee, tweeted in response:": no one is tweeted; a past tense
    if _quoted_subject(cue) is not None:
        return False  # "Arle is quoted as saying": who is quoted speaks
    # a participle clause, or a passive: a lone VBN at the root is a past tense the tagger misread ("Trump barked")
    return cue.dep_ in ("advcl", "acl", "pcomp") or any(child.dep_ == "auxpass" for child in cue.children)


def _quoted_subject(verb: Token) -> Token | None:
    """Return who "is quoted as saying" (the passive subject of "quote"), the one passive whose subject speaks."""
    if verb.lemma_.lower() != "quote":
        return None
    return next((child for child in verb.children if child.dep_ == "nsubjpass"), None)


def _run_on_verb(verb: Token) -> bool:
    """Tell whether the parse left a finite verb as a loose dependent of the verb before it, where it is a second
    predicate of the same subject ("Okafor paused, then revealed why …", "Ruiz … leaned in and said:")."""
    finite = verb.tag_ in ("VBD", "VBZ", "VBP")
    return verb.dep_ == "dep" and finite and verb.head.pos_ == "VERB" and verb.head.i < verb.i


def _occasion_speaker(noun: Token) -> Token | None:
    """Return who speaks at an occasion ("a news conference", "an interview") named after a verb with a
    subject ("she said at a news conference"), or None when the noun is no occasion of speech."""
    if noun.lemma_.lower() not in OCCASION_NOUNS or noun.dep_ != "pobj" or noun.head.dep_ != "prep":
        return None
    verb = noun.head.head
    return _subject(verb, noun) if verb.pos_ in ("VERB", "AUX") else None


def _participle_subject(cue: Token) -> Token | None:
    """Return who speaks through a participle the parse hung where no subject is reached: the subject of the
    clause it modifies, before it ("Mr. Trump hardly clarified the matter, … asserting, “…”") or, when the
    participle opens the sentence, after it ("Bemoaning the “phony system,” Trump accused …")."""
    if cue.tag_ != "VBG":
        return None
    after_comma = cue.i > cue.sent.start and cue.doc[cue.i - 1].text == ","
    if cue.dep_ not in PARTICIPLE_DEPS and not (cue.dep_ == "csubj" and after_comma):
        # a gerund standing as a subject ("Criticizing police tactics … will") speaks for nobody; after a comma it
        # is a participle the parse misread ("Okafor said …, noting the plan “fails everyone.”")
        return None
    if any(child.dep_ in ("aux", "auxpass", "nsubj") for child in cue.children):
        return None
    subjects = [
        token for token in cue.sent
        if token.dep_ == "nsubj" and token.pos_ in ("PROPN", "NOUN", "PRON") and not _quote_between(token, cue)
    ]
    before = [token for token in subjects if token.i < cue.i]
    if before:
        return before[-1]
    head = cue.head
    if head.i < cue.i and head.pos_ == "VERB" and head.dep_ == "ROOT":
        # "…, Arle, in a grey wool sweater, said little, offering only brief answers that …" parsed with
        # the name an apposition: the noun the parse left before the verb it hangs from
        named = _noun_right_before(head)
        if named is not None:
            return named
    opening = cue.left_edge.i == cue.sent.start or cue.doc[cue.left_edge.i - 1].is_space
    return next((token for token in subjects if token.i > cue.right_edge.i), None) if opening else None


QUANTITY_WORDS = frozenset(
    {"many", "most", "some", "all", "few", "several", "both", "half", "thirds", "third", "quarter", "quarters",
     "fifths", "-"}
)
"""Words of a quantity that stands for people in a poll's or a report's sentence ("Many fear …", "Two-thirds
support …")."""


def _quantity_before(cue: Token) -> Token | None:
    """Return the quantity opening a sentence whose verb the parser took for a noun ("Many fear Trump will …",
    "Two-thirds support reducing …", "All cheer when …"): the people it counts say or feel what follows."""
    if cue.dep_ != "ROOT" or cue.tag_ not in ("NN", "VBP", "VBD") or cue.i == cue.sent.start:
        return None
    if any(child.dep_ in ("nsubj", "nsubjpass") and child.i < cue.i for child in cue.children):
        return None
    words = cue.doc[cue.sent.start : cue.i]
    if not all(w.lower_ in QUANTITY_WORDS or w.pos_ == "NUM" for w in words):
        return None
    return words[-1] if words[-1].lower_ != "-" else None


def _noun_right_before(cue: Token) -> Token | None:
    """Return the noun just before a cue the parser gave no subject ("But Trump claims that ..." parsed with
    "claims" a noun, "the $20 million experts say it costs"): the words before a verb of saying name who says.

    Adverbs and auxiliaries in between are passed over ("Trump has also repeatedly said").
    """
    quantity = _quantity_before(cue)
    if quantity is not None:
        return quantity
    finite = cue.tag_ in ("VBZ", "VBP", "VBD", "NNS") or (
        cue.tag_ in ("VBG", "VBN") and any(c.dep_ == "aux" for c in cue.children)  # "is questioning", "has said"
    )
    if not finite or any(c.dep_ in ("auxpass", "nsubjpass") for c in cue.children):
        return None  # a passive ("was viewed as", "were made public") names no speaker before it
    doc = cue.doc
    i = cue.i - 1
    while i >= cue.sent.start and cue.i - i <= 4 and doc[i].pos_ in ("ADV", "AUX", "PART") and doc[i].lower_ != "not":
        i -= 1
    if i < cue.sent.start:
        return None
    if doc[i].text == ")":
        # "Rep. Dana Okafor (D-Lee) said": a name's party and state in parentheses
        lowest = max(cue.sent.start, i - PARENTHESIS_TOKENS)
        opening = next((k for k in range(i - 1, lowest - 1, -1) if doc[k].text == "("), None)
        if opening is None or opening <= cue.sent.start:
            return None
        i = opening - 1
    if doc[i].text == ",":
        # "President Obama, dedicating the museum on Saturday, said": the noun before the aside between commas
        aside = _before_aside(cue, i)
        if aside is None:
            return None
        i = aside
    token = doc[i]
    if token.pos_ not in ("PROPN", "NOUN", "PRON") or token.is_quote or token.lower_ in ("it", "there"):
        return None
    # the phrase the word ends: a compound or flat name hangs on the word after it
    while token.dep_ in ("compound", "flat") and token.head.i == token.i + 1 and token.head.i < cue.i:
        token = token.head
    return token


def _before_aside(cue: Token, comma: int) -> int | None:
    """Return the token before the comma that opens an aside closed by the comma at ``comma`` just before a cue,
    when the aside is short and holds no quote mark nor verb with a subject of its own (but for the relative
    pronoun that opens a relative clause)."""
    doc = cue.doc
    start = max(cue.sent.start, comma - MAX_ASIDE_TOKENS)
    for k in range(comma - 1, start, -1):
        token = doc[k]
        if token.lower_ in ("who", "which") and doc[k - 1].text == ",":
            # a relative clause is an aside too: "the mayor, who has denounced the attack as …, repeated"
            return k - 2 if k - 2 >= cue.sent.start else None
        if token.is_quote or token.dep_ in ("nsubj", "nsubjpass") or token.is_space:
            return None
        if token.text == ",":
            return k - 1 if k - 1 >= cue.sent.start else None
    return None


def _quote_between(first: Token, second: Token) -> bool:
    """Tell whether a quotation opens or closes between two tokens (an odd number of marks: a quoted title
    between them, "a “Commander-in-Chief Forum” … and said", leaves both on the same side)."""
    low, high = sorted((first.i, second.i))
    # double marks only: a single one is as often an apostrophe ("veterans' families", "Appeals’ Board")
    return sum(token.text in DOUBLE_MARKS for token in first.doc[low + 1 : high]) % 2 == 1


def _phrase_after_quote(cue: Token) -> Token | None:
    """Return the head of the words between a closing quote mark and its cue ("…,” Ramos, 58, told")."""
    doc = cue.doc
    start = cue.i - 1
    lo = max(cue.sent.start, cue.i - MAX_SPEAKER_TOKENS)
    while start >= lo and not doc[start].is_quote:
        start -= 1
    if start < lo:
        return None
    words = [tok for tok in doc[start + 1 : cue.i] if not tok.is_space]
    while words and words[0].is_punct:
        words = words[1:]
    cut = next((k for k, tok in enumerate(words) if tok.text == ","), len(words))
    words = words[:cut]
    verb = next((tok for tok in words if tok.pos_ == "VERB" and tok.tag_ != "VBN"), None)
    if verb is not None:
        # "“…,” he said at a news conference, and then predicted: …" with "predicted" parsed into the quote: the
        # words are a clause of their own, and its subject speaks on
        return next((c for c in verb.children if c.dep_ == "nsubj" and start < c.i < verb.i), None)
    if not words or words[-1].pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    return words[-1]


NAME_WORDS = frozenset({"PROPN", "NOUN", "ADJ", "DET", "VERB"})
"""Parts of speech of the words naming a speaker after the cue ("retired neurosurgeon Ben Carson")."""


def inverted_subject(cue: Token) -> Token | None:
    """Return who speaks in "“…,” said retired neurosurgeon Ben Carson, asked about …" when the parse found no
    subject (it made the name the subject of "asked"): right after a quote mark, the cue is followed by the
    speaker's name (``_named_after``)."""
    doc = cue.doc
    before = cue.i - 1
    while before > 0 and doc[before].is_space:
        before -= 1  # "…,”\xa0added Gowdy": a scrape's space between the mark and the verb
    # the tagger may take the verb for a participle ("added" VBN): with no auxiliary, it is the past tense
    past = cue.tag_ == "VBN" and not any(child.dep_ in ("aux", "auxpass") for child in cue.children)
    if cue.i == 0 or not doc[before].is_quote or not (cue.tag_ in ("VBD", "VBZ", "VBP") or past):
        return None
    return _named_after(cue)


def aside_subject(cue: Token) -> tuple[Token, int] | None:
    """Return who speaks in "Any reading of the audit, said Tom Arle, a retired pilot, would find …" and where
    the sentence resumes: a cue between commas inside its sentence, followed by a name
    (or a described speaker) the parse made the subject of what comes after, or a second subject of the cue
    ("The real problem, said Jane Doe, is that …"), or at the end of its sentence when the parse made the words
    before the comma a second subject of the cue. The parse gives the cue the fronted words for its subject;
    the words the aside interrupts (or follows) are what was said; the offset returned is where they resume."""
    doc = cue.doc
    before = cue.i - 1
    while before > cue.sent.start and doc[before].is_space:
        before -= 1
    if before <= cue.sent.start or doc[before].text != "," or cue.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    head = _named_after(cue)
    if head is None or head.dep_ != "nsubj" or (head.head.i != cue.i and head.head.head.i != cue.i):
        return None
    last = head.right_edge  # the name with its apposition ("Tom Arle, a retired pilot,")
    if last.i + 1 < cue.sent.end and doc[last.i + 1].text == ",":
        last = doc[last.i + 1]
    rest = doc[last.i + 1 : cue.sent.end]
    # the sentence goes on with a verb of its own ("…, would read", "…, is that"), not just more of a phrase ("…, as a
    # towering figure at the club")
    if last.text == "," and any(token.tag_ in ("VBD", "VBZ", "VBP", "MD") for token in rest):
        return head, last.idx + 1
    # not "Dale Ferrin, whose father was …, remembers Mr. Arle as …": a person before the cue is who speaks
    fronted = any(
        child.dep_ == "nsubj" and child.i < cue.i and child.pos_ == "NOUN" and doc[before].head.i == cue.i
        for child in cue.children
    )
    if head.head.i == cue.i and fronted:
        # "The rejection of the harbor plan signals “the beginning of the end”, said Tom Arle, a retired pilot."
        # parsed with the words before the comma a second subject of "said": what he said, to the sentence end
        return head, cue.sent.end_char
    return None  # "…, said Ana Ruiz, a nurse who has …." ends the sentence with what was said before it


def _named_after(cue: Token) -> Token | None:
    """Return the head of the name or description right after a cue, up to the next comma, stop or parenthesis:
    only names and nouns may stand there, the last of them the head ("said Oversight ranking Democrat Elijah
    Cummings (D-Md.)")."""
    doc = cue.doc
    words: list[Token] = []
    for token in doc[cue.i + 1 : cue.i + 1 + MAX_SPEAKER_TOKENS]:
        if token.is_punct or token.is_space or token.is_quote or token.tag_ in ("WP", "WDT"):
            break  # "wrote a Trump supporter who runs …": the relative clause describes the speaker
        if token.dep_ == "acl" and token.tag_ in ("VBG", "VBN") and words and token.head.i == words[-1].i:
            break  # "wrote a man calling himself Piet Piet": the participle describes the speaker
        words.append(token)
    if len(words) == 1 and words[0].lower_ in ONE_OF_THEM:
        return words[0]  # "“…,” tweeted another.": one more of those just quoted
    # an owner's mark stands inside a name ("opined Cleveland's Plain Dealer")
    if not words or any(t.pos_ not in NAME_WORDS and t.tag_ != "POS" and not _name_word(t) for t in words):
        return None
    head = words[-1]
    if head.pos_ == "PROPN" or _name_word(head):
        return head
    # a described speaker ("said the woman, who …", "exhorted Clinton's introducer, actress …"), not the
    # listener a verb of telling takes as its object ("“…,” told the crowd"); who asks stands after "asked" in
    # this order ("“When will the ferry come back?” asked the girl")
    described = words[0].pos_ == "DET" or any(t.tag_ == "POS" for t in words)
    if head.pos_ == "NOUN" and described and cue.lemma_.lower() not in LISTENER_VERBS - {"ask"}:
        return head
    return None


ONE_OF_THEM = frozenset({"another", "one", "others"})
"""Words that stand alone for a speaker after an inverted cue ("“…,” wrote another.")."""
LISTENER_VERBS = frozenset({"tell", "ask", "assure", "urge", "warn", "remind", "inform", "advise", "promise", "thank"})
"""Verbs whose object after them is who is spoken to, not who speaks."""


def _name_word(token: Token) -> bool:
    """Tell whether a capitalised word after an inverted cue is a name the tagger gave another part of speech
    ("said Skelly" with "Skelly" an adverb); a day or a date is no name ("said Monday")."""
    return token.is_title and token.is_alpha and not token.is_stop and token.ent_type_ not in ("DATE", "TIME")


def fronted_subject(cue: Token, pieces: list[tuple[int, int]]) -> tuple[Token, tuple[int, int]] | None:
    """Return who speaks in "Sanders, meanwhile, who sits at zero endorsements, said that …" when the parse took
    the name and its aside for what was said: a piece of content opening its sentence (after "But" or "And") with
    a name (capitalised words the tagger may take for anything nominal: "Trump" ADJ) and a comma, ending at a comma
    right before the cue. Returns the name's last word and the piece."""
    doc, text = cue.doc, cue.doc.text
    for start, end in pieces:
        if end > cue.idx or text[end : cue.idx].strip(" ,\xa0") not in ("", "also"):
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or span.start not in (span.sent.start, span.sent.start + 1):
            continue
        words = [t for t in span if t.lower_ not in ("but", "and") and not title_word(t.text)]
        k = 0
        while k < len(words) and words[k].is_title and words[k].pos_ in ("PROPN", "NOUN", "ADJ"):
            k += 1
        if k and words[k - 1].i + 1 < len(doc) and doc[words[k - 1].i + 1].text == ",":
            return words[k - 1], (start, end)
    return None


def _subject(verb: Token, cue: Token) -> Token | None:
    """Return the speaking subject of a verb the cue is or hangs from: its active subject, or the agent of a
    passive."""
    # "“… in panic mode. Full panic mode,” said Leslie Wimes": words inside the quote are not who speaks it.
    # The marks are counted from the cue: "Ryan, despite admitting …“trial lawyers”…, the victims “need”" has the
    # quotes between the subject and the verb it shares, none between the subject and the cue
    # "He was not asked, and did not say, how much …": an active conjunct shares its passive head's subject
    shared = ("nsubjpass",) if cue.dep_ == "conj" and cue.head.i == verb.i and not _passive(cue) else ()
    if verb is not cue and cue.tag_ == "VBG" and cue.dep_ == "pcomp" and cue.head.lower_ in TIME_PREPOSITIONS:
        # "After saying her foot was “so swollen …,” she was whisked off", "was suspended for slamming …": the
        # participle's subject is the surface subject of the clause it hangs from, a passive one too (not "by":
        # "hostility is justified by arguing that …" is someone else's argument)
        shared = ("nsubjpass",)
    subjects = [
        child for child in verb.children
        if (child.dep_ in SUBJECT_DEPS or child.dep_ in shared) and not _quote_between(child, cue)
    ]
    if not subjects:
        # "Trump wasn't so much saying that …" parsed with the subject under the auxiliary
        subjects = [
            child for aux in verb.children if aux.dep_ == "aux" and aux.i < verb.i
            for child in aux.children if child.dep_ == "nsubj" and not _quote_between(child, cue)
        ]
    if subjects:
        # two subjects come from a glued scrape ("”Meanwhile, Mr Kuleba tweeted"): the nearest is the real one
        # (and of two subjects of a verb the cue hangs from, the one nearer the cue)
        before = [child for child in subjects if child.i < verb.i]
        if before:
            return min(before, key=lambda child: abs(cue.i - child.i))
        # a subject after its verb speaks ("…,” said Leslie Wimes) unless the verb opens the sentence, as in a
        # list's items ("Calls men derogatory names, like “pigs”"), whose subject is the list's
        return None if verb is cue and _opens_sentence(cue) else subjects[0]
    return _agent(verb) or _quoted_subject(verb) or modal_name(verb)


def modal_name(verb: Token) -> Token | None:
    """Return a name the tagger took for a modal before a verb ("“…,” Will wrote", "May said", "Will believes
    that …", of the columnist George Will or Theresa May): a modal cannot stand before a verb in the past or
    the third person, so a capitalised one there names who does it (the tagger, misled by the modal, may call
    "wrote" a participle: no other auxiliary stands with it then)."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    if verb.tag_ not in ("VBD", "VBZ", "VBN") or len(auxiliaries) != 1:
        return None
    modal = auxiliaries[0]
    return modal if modal.tag_ == "MD" and modal.is_title and modal.dep_ == "aux" else None


def _passive(verb: Token) -> bool:
    """Tell whether a verb is passive ("was asked"): it has a passive auxiliary or a passive subject."""
    return any(child.dep_ in ("auxpass", "nsubjpass") for child in verb.children)


def _agent(verb: Token) -> Token | None:
    """Return the agent of a passive verb ("was asked by the councillor"), or None."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    return None


def _opens_sentence(token: Token) -> bool:
    """Tell whether only punctuation, quote marks and spaces stand before a token in its sentence."""
    return all(tok.is_punct or tok.is_space or tok.is_quote for tok in token.doc[token.sent.start : token.i])


def bare_title(head: Token) -> bool:
    """Tell whether a noun is a title without an article ("Former prosecutor", "Actor"), as set before a name."""
    return head.tag_ == "NN" and not any(child.dep_ in ("det", "poss", "nummod") for child in head.children)


def _named_author(preposition: Token) -> Token | None:
    """Return the last word of the names after "by" ("a study by Lena Morse", "by Lena Morse and Tomas Arle of the
    Marlow Bay Institute"), the end of a long speaker phrase that is someone's work; None for anything else."""
    if preposition.dep_ != "prep" or preposition.lower_ != "by":
        return None
    name = next((c for c in preposition.children if c.dep_ == "pobj"), None)
    if name is None or name.pos_ != "PROPN":
        return None
    while True:
        # every author ("Lena Morse and Tomas Arle"), and where they work ("Lena Morse of the Marlow Bay Institute")
        joined = next((c for c in name.children if c.dep_ == "conj" and c.pos_ == "PROPN"), None)
        of = next((c for c in name.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        place = next((c for c in of.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None) if of else None
        step = joined if joined is not None else place
        if step is None:
            return name
        name = step


def speaker_span(token: Token, text: str) -> Speaker:
    """Return the noun phrase a speaker token heads, cut short before long relative clauses."""
    left, right = token.left_edge, token.right_edge
    doc = token.doc
    if left.i == token.i and token.i >= 2 and doc[token.i - 1].text == "-":
        # "His ex-wife agreed": the parse may split the word into three subjects; the speaker is all of it
        hyphen, before = doc[token.i - 1], doc[token.i - 2]
        if hyphen.idx + 1 == token.idx and before.idx + len(before.text) == hyphen.idx:
            left = before.left_edge
    dash = next((t for t in reversed(doc[left.i : token.i]) if t.text in DASHES and t.whitespace_), None)
    named = all(t.pos_ in ("PROPN", "PUNCT") for t in doc[left.i : dash.i]) if dash is not None else False
    if dash is not None and (not named or left.text.isupper()):
        # "an aggressive - some say unrealistic - pledge": the aside's own subject, as after a dateline ("BOCA RATON,
        # Fla. -- Weeds …"); but "Deborah Reynolds - Santilli's girlfriend" is a name and what she is
        left = doc[dash.i + 1]
    if right.i - left.i + 1 > MAX_SPEAKER_TOKENS:
        right = token
        for child in token.children:
            titled = child.dep_ == "conj" and child.pos_ == "PROPN" and bare_title(token)
            if child.i <= token.i or (child.dep_ not in KEEP_AFTER_HEAD and not titled):
                continue
            if child.dep_ == "appos":
                right = child if child.i - left.i < 8 else right
            elif titled:
                right = child  # "Former prosecutor and Boston City Mayor Dana Okafor, who …": one person
            elif (author := _named_author(child)) is not None:
                right = author  # "an analysis by Lena Morse, a former harbour economist now teaching at …": whose
            elif child.right_edge.i - left.i < MAX_DESCRIPTION_TOKENS:
                # "a study by two economists of the University of Chicago": who is described stays
                right = child.right_edge
            else:
                break
    for child in token.children:
        # "Harbor politicians, who granted the ferry tax breaks," speak as "Harbor politicians": a relative clause
        # set off by a comma says more of them, it does not tell which ones
        opening = child.left_edge.i
        aside = child.dep_ == "relcl" and child.i > token.i and opening - 1 > token.i and doc[opening - 1].text == ","
        if aside and doc[opening].lower_ in ("who", "which", "whose", "whom") and right.i >= opening:
            right = doc[opening - 2]
    start, end = left.idx, right.idx + len(right.text)
    while start < end and text[start] in SPEAKER_EDGE:
        start += 1
    while end > start and text[end - 1] in SPEAKER_EDGE:
        end -= 1
    if start >= end:
        start, end = token.idx, token.idx + len(token.text)
    return Speaker(token, start, end)
