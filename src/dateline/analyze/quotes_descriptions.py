"""Which named organisation a definite description speaker stands for: "the agency", "the union", "the poll".

An article names an organisation once ("the Department of Veterans Affairs", "RT, the Kremlin-funded
network") and then quotes it by its kind ("The agency said ..."). With no coreference model, the kind is
matched to the names by the words an organisation of that kind carries in its name ("Department",
"Office" for an agency; "Post", "Times" for a newspaper) or by the article calling it so in apposition
("RT, the network"), and the nearest such organisation named before the description is taken, as a reader
would. "The poll" is the poll the article last named by who ran it ("A Bloomberg poll"). A kind with no
such evidence before it stays a description.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from dateline.analyze.entities_lexicon import US_STATE_ABBREVIATIONS, fold
from dateline.model import Mention

_AGENCY = frozenset(
    {
        "agency", "department", "administration", "bureau", "office", "service", "services", "commission",
        "authority", "inspectorate", "board", "institute", "fda", "epa", "fbi", "cia", "irs", "va", "cbo", "gao",
    }
)
_NEWSPAPER = frozenset(
    {
        "times", "post", "journal", "herald", "tribune", "gazette", "globe", "chronicle", "telegraph", "guardian",
        "observer", "courier", "examiner", "inquirer", "ledger", "daily", "today", "news", "standard", "mail",
    }
)
_BROADCASTER = frozenset(
    {
        "network", "news", "tv", "television", "broadcasting", "radio", "channel", "cnn", "msnbc", "bbc", "nbc",
        "cbs", "abc", "fox", "rt", "npr", "pbs", "c-span", "sky", "al jazeera",
    }
)
ORGANISATION_KINDS: dict[str, frozenset[str]] = {
    "agency": _AGENCY,
    "department": frozenset({"department"}),
    "ministry": frozenset({"ministry"}),
    "union": frozenset({"union", "workers", "federation", "brotherhood", "teamsters", "afl-cio", "association"}),
    "bank": frozenset({"bank", "bancorp", "bankshares"}),
    "newspaper": _NEWSPAPER,
    "paper": _NEWSPAPER,
    "network": _BROADCASTER,
    "broadcaster": _BROADCASTER,
    "channel": _BROADCASTER,
    "court": frozenset({"court"}),
    "committee": frozenset({"committee"}),
    "panel": frozenset({"committee", "panel", "commission"}),
    "council": frozenset({"council"}),
    "party": frozenset({"party"}),
    "university": frozenset({"university", "college"}),
    "hospital": frozenset({"hospital", "clinic"}),
    "inspectorate": frozenset({"inspectorate"}),
    "commission": frozenset({"commission"}),
    "charity": frozenset({"charity", "foundation", "trust", "fund"}),
    "foundation": frozenset({"foundation"}),
}
"""A kind of organisation a description names, and the words of the names of organisations of that kind."""
POLL_WORDS = frozenset({"poll", "survey"})
NAMED_POLL = re.compile(
    r"(?P<pollster>(?:(?:[A-Z][\w/&.'’-]*|of|for)(?:[ \t]+|-)){1,7})"
    r"(?:(?:new|latest|national|opinion|online|exit|tracking)[ \t]+){0,2}(?P<kind>poll|survey)\b"
)
"""A poll named by who ran it: capitalised words (the pollster, or the outlets that paid for it) before "poll"."""
SENTENCE_OPENERS = frozenset({"But", "And", "In", "According", "Meanwhile", "However", "Still", "Yet", "Now"})


def organisation_described(head: Token, named: list[Mention]) -> str | None:
    """Return the organisation a bare definite description ("the agency") stands for, or None.

    ``head`` is the description's head noun and ``named`` the article's name mentions in text order (without
    a headline's, which the model often runs into one name: "This Cable News Panel Just Dismissed"); the
    nearest organisation before the description whose name or apposition fits its kind is taken.
    """
    kind = head.lemma_.lower()
    if kind in POLL_WORDS and head.is_lower and _bare_definite(head):
        return _poll_named_before(head)
    if kind not in ORGANISATION_KINDS or not head.is_lower or not _bare_definite(head):
        return None
    words = ORGANISATION_KINDS[kind]
    before = [m for m in named if m.end <= head.idx and m.name and m.label != "PERSON"]
    # the article calling a name by the kind outweighs a word of its name: "RT, the network" beside the BBC
    for mention in reversed(before):
        if _called(head.doc, mention, kind):
            return mention.name
    for mention in reversed(before):
        folded = fold(mention.name or "")
        # a name that is itself of the kind ("RT" for "the network") whatever the entity model took it for (a place),
        # unless it may be the place ("VA", Virginia, for "the agency")
        exact = folded in words and (mention.label == "ORG" or folded.rstrip(".") not in US_STATE_ABBREVIATIONS)
        if exact or mention.label == "ORG" and set(folded.split()) & words:
            return mention.name
    return None


def _poll_named_before(head: Token) -> str | None:
    """Return the poll "the poll" stands for: the nearest one before it named by who ran it ("A Bloomberg poll",
    "the Reuters/Ipsos opinion poll"), written "<pollster> poll"; None when no poll before it is named so."""
    text = head.doc.text
    named = [match for match in NAMED_POLL.finditer(text, 0, head.idx) if match.group("kind").lower() == head.lower_]
    if not named:
        return None
    pollster = named[-1].group("pollster").split()
    while pollster and (pollster[0] in ("The", "A", "An", "New", "Latest", "of", "for") or pollster[0].istitle()
                        and pollster[0] in SENTENCE_OPENERS):
        pollster = pollster[1:]
    if not pollster or pollster[-1].endswith(("'s", "’s")):
        return None  # "Monday’s poll", "Trump's poll": when or whose, not who ran it
    return f"{' '.join(pollster)} {head.lower_}"


def _bare_definite(head: Token) -> bool:
    """Tell whether a noun stands with "the" alone ("the agency", not "the agency's lawyers" or "an agency")."""
    children = list(head.children)
    return len(children) == 1 and children[0].dep_ == "det" and children[0].lower_ == "the"


def _called(doc: Doc, mention: Mention, kind: str) -> bool:
    """Tell whether the article calls a named organisation by a kind, in apposition ("RT, the network") or,
    for an organisation, naming it ("the RT America television network")."""
    after = doc.text[mention.end : mention.end + 80]
    pattern = r"\s*,\s*(?:the|an?)\s+(?:[\w'’-]+\s+){0,3}" + re.escape(kind) + r"\b"
    if mention.label == "ORG" and re.match(pattern, after, re.IGNORECASE):
        return True  # read from the words too: the parse often misses an apposition after a name it splits
    span: Span | None = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    # a place before the kind says where, not who ("a New Hampshire ballot commission")
    relations = ("appos", "compound") if mention.label == "ORG" else ("appos",)
    if root.dep_ in relations and root.head.is_lower and root.head.lemma_.lower() == kind:
        return True
    return any(child.dep_ == "appos" and child.is_lower and child.lemma_.lower() == kind for child in root.children)
