"""Speakers named by layout: transcripts ("WALLACE: Let's start ..."), signatures ("..." ― Sonya Herridge) and
inverted attributions ("Said Ellis: “…”").

Interviews, debates and hearings are often printed with the speaker's name in capitals and a colon
opening each paragraph, and vox pops, fact-checks and embedded tweets put the name after the words,
behind a dash ("<tweet>... — Paul Ryan (@SpeakerRyan) July 5, 2016</tweet>", or "- Bernie Sanders." on
the line after a quote). Neither has a speech verb: the layout is the attribution.

A line opening with capitals and a colon is also how scrapes print furniture ("READ
MORE:", "UPDATE:", "WATCH:"), so an article counts as carrying a transcript only when such labels open
at least ``MIN_LINES`` paragraphs, at least two different ones speak, and at least one of them is the
surname (or full name) of a person the article names elsewhere: a conversation between people it knows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dateline.model import Mention

LABEL = re.compile(
    r"^[ \t]*[\"“”'‘’]?[ \t]*(?P<name>[A-Z][A-Z.'’\-]*(?:[ \t][A-Z][A-Z.'’\-]*){0,3})[ \t]*(?P<colon>:)[ \t]+(?=\S)",
    re.MULTILINE,
)
"""A paragraph's opening label: up to four words in capitals, a colon, then words."""
MIN_LINES = 3
FURNITURE = frozenset({
    "READ MORE", "READ", "MORE", "UPDATE", "UPDATED", "BREAKING", "BREAKING NEWS", "WATCH", "NOTE", "EDITOR'S NOTE",
    "EDITOR’S NOTE", "CORRECTION", "CLARIFICATION", "PHOTOS", "PHOTO", "VIDEO", "RELATED", "SOURCE", "SOURCES",
    "ALSO READ", "DON'T MISS", "DON’T MISS", "EXCLUSIVE", "LISTEN", "LIVE", "ANALYSIS", "OPINION", "FACT CHECK",
    "TRANSCRIPT", "Q", "A", "ADVERTISEMENT", "SEE ALSO", "FILE", "CREDIT", "CAPTION", "TAGS", "TOPICS", "WARNING",
})
"""Labels that are page furniture or section heads, never a speaker."""


@dataclass(frozen=True)
class Label:
    """One transcript line: who speaks (the label), the colon, and the words that follow up to the paragraph's end."""

    name: str
    name_start: int
    name_end: int
    colon: int
    """Where the cue is: the label's colon, or the signature's dash."""
    content_start: int
    content_end: int
    line_start: int = -1
    """Where a quote that this line attributes may begin (the label, or the signed words' first mark)."""
    cue_length: int = 1
    """How long the cue is: one character for a colon or dash, the verb's length for "Said Ellis: “…”"."""
    kind: str = "direct"
    """What the line's words are: direct speech, but a headline's "Who: what" may be a paraphrase."""
    named: bool = False
    """The name is the speaker's as the article gives it (a headline's source), not a label to expand."""


def transcript_labels(text: str, mentions: list[Mention]) -> list[Label]:
    """Return the speaker labels of an article that carries a transcript, else nothing."""
    labels = []
    for match in LABEL.finditer(text):
        name = " ".join(match.group("name").split())
        if name in FURNITURE or len(name.replace(".", "")) < 2:
            continue
        end = text.find("\n", match.end())
        end = len(text) if end < 0 else end
        content_end = end
        while content_end > match.end() and text[content_end - 1] in " \t\r\"”’'":
            content_end -= 1
        if content_end > match.end():
            labels.append(Label(name, match.start("name"), match.end("name"), match.start("colon"), match.end(),
                                content_end, match.start("name")))
    if len(labels) < MIN_LINES or len({label.name for label in labels}) < 2:
        return []
    known = {word.upper() for m in mentions if m.label == "PERSON" and m.name for word in m.name.split()}
    if not any(set(label.name.replace(".", " ").split()) & known for label in labels):
        return []
    return labels


def label_at(labels: list[Label], start: int, end: int) -> Label | None:
    """Return the label whose line a quote running from ``start`` to ``end`` begins in, if any."""
    for label in labels:
        opens = label.line_start - 2 <= start <= max(label.content_start, label.line_start + 2)
        if opens and end > label.content_start:
            return label
    return None


def spoken_name(label: Label, names: list[str], title_case: bool = True) -> str:
    """Return the name a label stands for: a fuller name it ends like ("BEXLEY": "Tom Bexley"; the last one
    given wins, so pass the article's people in order), else the label, in title case if asked ("Bexley")."""
    last = label.name.replace(".", " ").split()[-1].upper()
    for name in reversed(names):
        words = name.split()
        if len(words) > 1 and not name.isupper() and words[-1].upper() == last:
            return name
    if not title_case:
        return label.name
    return " ".join(word.capitalize() if word.isupper() else word for word in label.name.split())


SIGNATURE = re.compile(
    r"(?P<dash>[―—–]|--?)[ \t\xa0]*(?P<name>[A-Z][\w.'’-]*(?:[ \t\xa0]+(?:[A-Z][\w.'’-]*|de|van|von|da|del|bin)){0,4})"
    r"[ \t\xa0]*(?P<handle>\(@\w+\))?[ \t\xa0]*(?:[A-Z][a-z]+\.? \d{1,2}, \d{4})?[ \t\xa0]*\.?[ \t\xa0]*(?:</tweet>)?"
    r"(?:,[ \t\xa0]+[^\n,]{1,60}(?:,[ \t\xa0]+[^\n,]{1,30})?)?"
    r"[ \t\xa0]*\.?[ \t\xa0]*$",
    re.MULTILINE,
)
"""A line's closing signature: a dash, a name of up to five words, maybe a handle and a date (an embedded tweet),
maybe who or where they are after a comma ("-Michelle Marks, Philadelphia.", "-President Obama, tweeting after the
speech.")."""
TWEET_TAG = re.compile(r"<tweet\b[^>\n]*>")
"""An embedded tweet as some scrapes keep it: ``<tweet id=".." author="@..">words — Name (@handle) date</tweet>``."""
OPENING = "\"“”‘’'"
CLOSING = "\"”“’'"
MIN_SIGNED_WORDS = 4


def signatures(text: str) -> list[Label]:
    """Return the signed passages of an article: quoted words (or a tweet) followed by a dash and a name.

    The signed words are the same line's, when it has quoted words or a tweet handle before the dash, else
    the line before, when the signature stands alone on its line and that line is a closed quotation.
    """
    found = []
    for match in SIGNATURE.finditer(text):
        name = " ".join(match.group("name").split()).rstrip(".")
        if name.upper() in FURNITURE or len(name) < 2:
            continue
        line_start = text.rfind("\n", 0, match.start()) + 1
        before = text[line_start : match.start()]
        if before.strip():
            start = line_start + len(before) - len(before.lstrip())
            tag = TWEET_TAG.match(text, start)
            tweet = tag is not None
            if tag is not None:
                start = tag.end()
            end = match.start()
            signed = text[start:end].rstrip()
            quoted = signed[:1] in OPENING and signed[-1:] in CLOSING
            if not (quoted or tweet or match.group("handle")):
                continue
        else:
            # "- Bernie Sanders." alone under the quotation it signs
            end = line_start - 1
            while end > 0 and text[end - 1] in " \t\r\n\xa0":
                end -= 1
            start = text.rfind("\n", 0, end) + 1
            start += len(text[start:end]) - len(text[start:end].lstrip())
            signed = text[start:end]
            if not (signed[:1] in OPENING and signed[-1:] in CLOSING):
                continue
        if len(signed.split()) < MIN_SIGNED_WORDS:
            continue
        end = start + len(text[start:end].rstrip())
        found.append(Label(name, match.start("name"), match.start("name") + len(name), match.start("dash"), start,
                           end, start))
    return found


INVERSION = re.compile(
    r"(?:^|(?<=[.!?] )|(?<=[.!?][\"”’] ))[ \t]*(?P<verb>Said|Says|Added|Adds|Asked|Asks|Continued|Wrote|Writes|"
    r"Noted|Notes|Explained|Replied|Recalled|Insisted|Quipped|Tweeted|Concluded)[ \t]+"
    r"(?P<name>[A-Z][\w.'’-]*(?:[ \t]+(?:[A-Z][\w.'’-]*|de|van|von|da|del|bin)){0,4})"
    r"(?:,[^,:;\"“”\n]{1,120})?[ \t]*[:,][ \t]*(?P<open>[\"“])",
    re.MULTILINE,
)
"""A sentence that opens with the verb and then names who speaks, before their quoted words: "Said Ellis: “…”",
"Said Dorothy Poynter, who grew up with Ali, “We were …”"."""
NOT_NAMES = frozenset(
    {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Today", "Yesterday", "Later",
     "Earlier", "Then", "Now", "He", "She", "They", "It", "We", "I", "You", "The", "A", "An", "This", "That"}
)
"""Capitalised words after such a verb that name no one ("Asked Monday, …", "Said He …")."""
CLOSING_OF = {"“": "”", '"': '"'}


def inversions(text: str) -> list[Label]:
    """Return the quotes an inverted attribution opens: the verb first, then the speaker, then quoted words up to
    their closing mark (or the paragraph's end, when the scrape lost it)."""
    found = []
    for match in INVERSION.finditer(text):
        name = " ".join(match.group("name").split()).rstrip(".")
        if name.split()[0] in NOT_NAMES:
            continue
        start, end = match.start("open"), _quoted_words_end(text, match)
        if end is None:
            continue
        found.append(Label(name, match.start("name"), match.start("name") + len(name), match.start("verb"), start,
                           end, start, len(match.group("verb"))))
    return found


def _quoted_words_end(text: str, match: re.Match[str]) -> int | None:
    """Return where the quoted words a match's opening mark begins end: at their closing mark, or at the paragraph's
    end when the scrape lost it; None when they are too few to be a line of speech."""
    start = match.start("open")
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    close = text.find(CLOSING_OF[match.group("open")], start + 1, line_end)
    end = close + 1 if close >= 0 else line_end
    return end if len(text[start:end].split()) >= MIN_SIGNED_WORDS else None


EXCHANGE = re.compile(
    r"(?:^|(?<=[.!?] )|(?<=[.!?][\"”’] ))[ \t]*(?P<name>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})[ \t]*"
    r"(?P<colon>:)[ \t]*(?P<open>[\"“])",
    re.MULTILINE,
)
"""A sentence that is only a name, a colon and quoted words: "Clinton: “Our goal is …” Bush: “The mission …”"."""


def exchanges(text: str, mentions: list[Mention]) -> list[Label]:
    """Return the quotes printed as an exchange, each opened by a speaker's name and a colon, the name a person's
    the article names ("Clinton" of "Hillary Clinton"): a place or a section head ("Update:") is not one."""
    surnames = {m.name.split()[-1] for m in mentions if m.label == "PERSON" and m.name}
    found = []
    for match in EXCHANGE.finditer(text):
        name = " ".join(match.group("name").split())
        if name.split()[-1] not in surnames or name.split()[0] in NOT_NAMES or name.isupper():
            continue
        start, end = match.start("open"), _quoted_words_end(text, match)
        if end is None:
            continue
        found.append(Label(name, match.start("name"), match.start("name") + len(name), match.start("colon"), start,
                           end, start))
    return found
