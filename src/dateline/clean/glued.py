"""Find where a scrape glued two sentences together (``today.”It``), so one space can split them.

A break is a sentence-final ``.``, ``!`` or ``?`` (with any closing quotes or brackets) followed
directly by a capital letter. A double quote mark there closes the quote that is open in its paragraph
(``today.”It`` splits after it); with none open, and a mark later in the paragraph to close it, it opens
the next one, whatever its shape (``he said.”The company …”`` splits before it). Abbreviations
(``U.S.``, ``Mr.``, ``e.g.``), initials (``J.R.R.``), acronyms and domains (``ASP.NET``,
``URDUPOINT.COM``) and URLs are left alone.
"""

from __future__ import annotations

import re

from dateline.clean.lines import word_set

ABBREVIATIONS = word_set(
    """mr mrs ms dr st jr sr gen sen rep gov lt col capt cpt cmdr adm prof rev sgt maj cpl pvt hon pres
    no nos vs etc inc ltd co corp bros dept univ assn ave blvd rd mt ft fig figs approx est vol op
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    eg ie al cf"""
)

GLUE_RE = re.compile(r"(?P<end>[.!?]+[”\"’'»)\]]*)(?=[“‘\"(]?[A-Z])")
WORD_BEFORE_RE = re.compile(r"([A-Za-z]+)[”\"’'»)\]]*$")
TOKEN_BEFORE_RE = re.compile(r"(\S*)$")
TOKEN_AFTER_RE = re.compile(r"^[“‘\"(]?([A-Za-z]+)(.?)")
DOUBLE_MARKS = "“”\"„«»"


def _is_abbreviation(before: str, punct: str) -> bool:
    """Tell whether the text before a period ends in an abbreviation or an initial."""
    if not punct.startswith("."):
        return False
    match = WORD_BEFORE_RE.search(before)
    if not match:
        return False
    word = match.group(1)
    return len(word) == 1 or word.lower() in ABBREVIATIONS


def _is_token_internal(before: str, after: str) -> bool:
    """Tell whether the period sits inside one token: a URL, a domain or an all-caps acronym."""
    token = TOKEN_BEFORE_RE.search(before)
    head = token.group(1) if token else ""
    if "://" in head or head.lower().startswith("www") or "@" in head:
        return True
    nxt = TOKEN_AFTER_RE.match(after)
    if not nxt:
        return False
    next_word, next_char = nxt.group(1), nxt.group(2)
    if len(next_word) == 1 and next_char == ".":
        return True  # an initial follows: "J.R.R. Tolkien", "U.S.A."
    prev_word = WORD_BEFORE_RE.search(before)
    return bool(prev_word and prev_word.group(1).isupper() and next_word.isupper() and len(next_word) > 1)


def glued_breaks(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """Return the offsets in ``text[start:end]`` where one space should be inserted."""
    end = len(text) if end is None else end
    breaks: list[int] = []
    for match in GLUE_RE.finditer(text, start, end):
        cut = match.end()
        if cut >= end:
            continue
        punct = match.group("end")
        before = text[max(start, match.start() - 40) : match.start()]
        after = text[cut : min(end, cut + 40)]
        if not before or before[-1].isspace():
            continue
        if _is_abbreviation(before, punct) or _is_token_internal(before, after):
            continue
        breaks.append(_before_an_opening_mark(text, match.start(), cut))
    return breaks


def _before_an_opening_mark(text: str, punct_start: int, cut: int) -> int:
    """Move a break before the double quote mark that ends the punctuation when no quote is open before it in
    its paragraph: that mark opens the next sentence's quote, its space lost (and its shape with it)."""
    mark = cut - 1
    while mark > punct_start and text[mark] not in DOUBLE_MARKS:
        mark -= 1
    if text[mark] not in DOUBLE_MARKS:
        return cut
    paragraph = text.rfind("\n", 0, mark) + 1
    opened = sum(text.count(m, paragraph, mark) for m in DOUBLE_MARKS)
    if opened % 2:
        return cut
    # the quote it opens must close later in the paragraph: a mark left over from a garbled quote
    # ('today.”It is … enduring.”Meanwhile, he tweeted: “…') is followed by an opening one, or none
    end = text.find("\n", cut)
    later = re.search(f"[{DOUBLE_MARKS}]", text[cut : len(text) if end < 0 else end])
    return mark if later is not None and later.group() not in "“„«" else cut


def split_glued(text: str) -> str:
    """Return ``text`` with one space inserted at every glued sentence break."""
    out: list[str] = []
    last = 0
    for cut in glued_breaks(text):
        out.append(text[last:cut])
        out.append(" ")
        last = cut
    out.append(text[last:])
    return "".join(out)
