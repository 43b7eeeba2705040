"""A headline that names its source before a colon: "Graham: Trump's rhetoric is destroying the party".

News sites write a claim in a headline as "Who: what", with no verb of saying; the colon is the cue. The
same layout prints section heads and furniture ("The Latest:", "EXCLUSIVE:", "Wow:", "Poll Watch:"), so
the words before the colon count as a source only when they are a name the entity layer found (a person,
an organisation, a group), perhaps after title words ("Dr.", "Former AG", "Sen."), or end in a noun that
is itself a source ("Poll:", "Report:", "Historians:"). "Clinton to donors:" and "CNN President On Trump:"
name whom the words are addressed to or about after the source; that part is not the source. A dateline in
capitals ("KYIV: ...") names a place, not a speaker, and a first line of more than ``MAX_WORDS`` words is
a paragraph, not a headline.
"""

from __future__ import annotations

import re

from dateline.analyze.entities_lexicon import HONORIFICS, TITLE_ABBREVIATIONS, TITLE_HEADS, TITLE_MODIFIERS
from dateline.analyze.quotes_transcript import FURNITURE, Label
from dateline.model import Mention

FIRST_LINE = re.compile(r"\A\s*(?P<line>[^\n]+)")
LABEL_END = re.compile(r"[ \t]*:[ \t]+(?=\S)")
PREFIX = re.compile(r"\A(?:[A-Z]{3,}[ \t]*[–—-][ \t]*)+")
"""Furniture glued before the source with a dash: "EXCLUSIVE – Roger Stone: ..."."""
ADDRESSEE = re.compile(r"[ \t]+(?:to|To|TO|on|On|ON|at|At|AT)[ \t]+.*\Z")
"""What follows the source: to whom ("Clinton to Planned Parenthood"), about what ("CNN President On Trump")."""
MAX_WORDS = 30
MAX_LABEL_WORDS = 7
MAX_NAME_WORDS = 3
MIN_CONTENT_WORDS = 3
SOURCE_NOUNS = frozenset({
    "poll", "polls", "survey", "report", "study", "newspaper", "editorial", "insiders", "historians", "experts",
    "officials", "analysts", "economists", "scientists", "sources", "aides", "critics", "prosecutors", "police",
    "camp", "campaign",
})
"""Last words of a source that need no name: "Poll: …", "WSJ editorial: …", "Historians: …"."""
NOT_SOURCES = frozenset({
    "latest", "the latest", "wow", "look", "boom", "busted", "revealed", "bombshell", "just in", "just leaked",
    "byline", "watch", "live", "exclusive", "breaking", "update", "opinion", "analysis", "editorial", "review",
})
"""Openers that are furniture in any case ("BOOM:", "Revealed:", "The Latest:")."""
SPEAKER_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
MARKS = "\"“”‘’'"
QUOTED = re.compile(r"(?<![\w])[“\"‘'][^\n]+?[”\"’'](?![\w])")
"""Words in double or single marks; an apostrophe inside a word ("Trump’s") neither opens nor closes."""
DIRECT_SHARE = 0.85
"""The share of a claim in marks that makes it direct speech (``quotes.DIRECT_SHARE``, which imports this module)."""


def headline_label(text: str, mentions: list[Mention]) -> Label | None:
    """Return the source and claim of a "Who: what" first line, if it is one (see the module's docstring)."""
    first = FIRST_LINE.match(text)
    if first is None:
        return None
    line_start = first.start("line")
    line = first.group("line")
    colon = LABEL_END.search(line)
    if colon is None or len(line.split()) > MAX_WORDS:
        return None
    prefix = PREFIX.match(line)
    source_start = prefix.end() if prefix else 0
    source = ADDRESSEE.sub("", line[source_start : colon.start()])
    if not source or len(source.split()) > MAX_LABEL_WORDS or source.lower() in NOT_SOURCES:
        return None
    if source.upper() in FURNITURE:
        return None
    start, end = line_start + source_start, line_start + source_start + len(source)
    speaker = _speaker_span(text, start, end, mentions)
    if speaker is None:
        return None
    content_start = line_start + colon.end()
    content_end = line_start + len(line.rstrip())
    if text[content_end - 1] in ".;" and text[content_end - 2] not in MARKS:
        content_end -= 1  # the headline's full stop, not the claim's
    claim = text[content_start:content_end]
    if len(claim.split()) < MIN_CONTENT_WORDS or (claim.endswith("?") and claim[-2:-1] not in MARKS):
        return None  # too short to be a claim, or a question the headline asks about its subject
    name_start, name_end, name = speaker
    return Label(name, name_start, name_end, line_start + colon.start(), content_start, content_end, line_start,
                 kind=_kind(text, content_start, content_end), named=True)


def _speaker_span(text: str, start: int, end: int, mentions: list[Mention]) -> tuple[int, int, str] | None:
    """Return where the source is named and its name, when the words are title words and a name, or a source noun."""
    words = text[start:end].split()
    if words and words[-1].lower().strip(".") in SOURCE_NOUNS and words[0][:1].isupper():
        return start, end, text[start:end]
    if text[start:end].isupper() and any(m.label in ("GPE", "LOC") for m in mentions if start <= m.start < end):
        return None  # "KYIV:" is a dateline
    for mention in mentions:
        if mention.label not in SPEAKER_LABELS or not (start <= mention.start and mention.end == end):
            continue
        if all(title_word(word) for word in text[start : mention.start].split()):
            return start, end, mention.name or mention.text
    return _named_elsewhere(words, start, end, mentions)


def _named_elsewhere(words: list[str], start: int, end: int, mentions: list[Mention]) -> tuple[int, int, str] | None:
    """Return the source as a name the article gives below the headline ("Pence:" for "Mike Pence").

    The model often finds no entity in a headline's first words ("Pence: Flowers won't be at debate"); a
    surname or an organisation's name the body writes out is as sure a sign of a source.
    """
    while words and title_word(words[0]) and len(words) > 1:
        words = words[1:]
    if not words or len(words) > MAX_NAME_WORDS or not all(w[:1].isupper() for w in words):
        return None
    name = " ".join(words).casefold()
    for mention in mentions:
        if mention.label not in SPEAKER_LABELS or mention.start < end:
            continue
        full = (mention.name or mention.text).casefold()
        if full == name or (mention.label == "PERSON" and full.endswith(" " + name)):
            return end - len(" ".join(words)), end, mention.name or mention.text
    return None


def title_word(word: str) -> bool:
    """Tell whether a word before a name (in a headline's source, a signature) is a title or a form of address
    ("Former", "AG", "President")."""
    folded = word.lower().rstrip(".")
    return (
        folded in HONORIFICS or f"{folded}." in HONORIFICS or folded in TITLE_HEADS or folded in TITLE_MODIFIERS
        or folded in TITLE_ABBREVIATIONS or (word.isupper() and len(word) <= 3)
    )


def _kind(text: str, start: int, end: int) -> str:
    """Tell a headline's claim direct (all in quote marks), mixed (some) or indirect (none), as other quotes are.

    Headlines quote with single marks as often as with double ones ("Trump: ‘We will win so much’").
    """
    claim = text[start:end]
    quoted = sum(len(match.group()) for match in QUOTED.finditer(claim))
    if quoted >= DIRECT_SHARE * len(claim.rstrip(" .")):
        return "direct"
    return "mixed" if quoted else "indirect"


PUNCTUATION = "\"'“”‘’`.,;:!?()[]―—–-"


def headline_end(text: str) -> int:
    """Return where an article's headline ends: its first line, or its first two before a blank line (a headline
    and its deck: "Lawmaker urges retaliation on Russia;\nMember of House panel says …"); 0 when the first line
    is too long for one."""
    block = text.find("\n\n")
    if block > 0 and text.count("\n", 0, block) <= 1 and len(text[:block].split()) <= 2 * MAX_WORDS:
        return block
    line = text.find("\n")
    return line if line > 0 and len(text[:line].split()) <= MAX_WORDS else 0


def in_headline(text: str, offset: int) -> bool:
    """Tell whether an offset lies in a title-case line: every longer word capitalised, as headlines are."""
    low = text.rfind("\n", 0, offset) + 1
    high = text.find("\n", offset)
    words = [w for w in text[low : high if high >= 0 else len(text)].split() if len(w.strip(PUNCTUATION)) >= 4]
    return len(words) >= 3 and all(w.strip(PUNCTUATION)[:1].isupper() for w in words)
