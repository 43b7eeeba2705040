"""Page furniture opening a sentence: datelines, wire credits, time stamps, bylines, the tail of a photo credit.

Scraped and re-split news text puts such pieces in front of the first words of a report:
"KYIV, Ukraine (AP) — ", "Sun May 30, 2010 3:40 pm EDT (Reuters) - ", "NEW ORLEANS -- ",
"By Ann Lee -- Getty Images) ", or the closing half of a bracket whose opening half a sentence
splitter left on the previous line ("L) (BP.N) said on Thursday ..."). They say where, when and by
whom a report was filed, not what happened, so a timeline neither quotes them nor lets them weigh on
which sentence is central. Tokenised corpora write brackets as ``-LRB-``/``-RRB-`` (Penn Treebank);
they count as brackets here.

Each rule only cuts words that cannot be prose: capitalised places, agency names in brackets, clock
times, "By" and a name; a bracket is cut only when it closes one the sentence never opened.

Left alone on purpose: a headline and standfirst run into the report's first sentence with a clock stamp
between them ("Oil spill estimates double Figures show ... Friday 11 June 2010 10.07 BST New figures
mean ..."). Cutting to what follows the stamp, and dropping such a header when nothing follows, took
Timeline17 AR2-F from 0.0451 to 0.0432: a headline and its standfirst say what happened that day better
than the lead that follows them.
"""

from __future__ import annotations

import re

OPEN = r"(?:\(|-LRB-)"
CLOSE = r"(?:\)|-RRB-)"
DASH = r"(?:--|[-:\u2013\u2014])"
NEXT = r"(?=[A-Z0-9\"“‘'`])"
"""What follows furniture: the first word of the report."""

DATELINE = re.compile(
    r"^[^\w(]{0,2}(?:(?P<place>[A-Z][\w.'’\\/-]*(?:,?\s+[A-Z][\w.'’\\/-]*){0,5}),?\s*)?"
    + OPEN + r"\s*(?P<credit>[A-Z](?:(?!-RRB-)[^()\n]){0,80}?)\s*" + CLOSE + r"\s*" + DASH + r"?\s*" + NEXT
)
"""A place in capitalised words, then the agency (and maybe a date) in brackets: "KYIV, Ukraine (AP) — "."""
AGENCIES = r"(?:Reuters|AP|AFP|UPI|CNN|Bloomberg|dpa|Xinhua|IANS|PTI|ANI|EFE|ANSA|Kyodo|Yonhap|TASS)"
WIRE_CREDIT = re.compile(r"^.{0,120}?" + OPEN + r"\s*" + AGENCIES + r"\s*" + CLOSE + r"\s*" + DASH + r"\s+" + NEXT)
"""Anything (a headline, a stamp, a place) up to a wire agency's credit and its dash: "... (Reuters) - "."""
MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
CAPITAL_PLACE = re.compile(
    r"^(?:" + AGENCIES + r"\s+)?[A-Z][A-Z.'\\/-]+(?:\s*,?\s+[A-Z][A-Za-z.'\\/-]+){0,4}"
    r"(?:\s*,\s*" + MONTH + r"\s+\d{1,2})?\s+--\s+" + NEXT
)
"""A dateline in capitals with a double dash and maybe the day: "NEW ORLEANS -- ", "PARIS, Oct. 12 -- "."""
STAMP_PREFIX = re.compile(
    r"^(?:[A-Z][\w\\/.' ]{0,40}\|\s*)?(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?"
    + MONTH + r"\s+\d{1,2}\s*,?\s*\d{4}\s*,?\s+\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}\s+)?" + NEXT,
    re.IGNORECASE,
)
"""A publication stamp with a clock time: "Sun May 30, 2010 3:40 pm EDT "."""
BYLINE = re.compile(r"^By\s+(?:[A-Z][\w.'’-]*\s+){1,3}(?:--|-|,)\s+(?:[A-Z][\w ]{0,30}?\s+)?(?=[A-Z])")
"""A byline, maybe with its picture agency: "By Mike Rider -- Getty Images"."""
RULES = (DATELINE, WIRE_CREDIT, CAPITAL_PLACE, STAMP_PREFIX, BYLINE)
"""The furniture patterns, tried in this order at the start of what is left."""
BRACKET = re.compile(r"-LRB-|-RRB-|\(|\)")


def furniture_prefix(text: str) -> int:
    """Return the length of the page furniture that opens ``text`` (0 when it opens with the report itself).

    The rules apply in turn as long as one cuts something: "By Ann Lee -- Getty Images) PARIS, Oct. 12
    -- Markets fell" loses the byline, then the stray bracket, then the dateline. Never the whole text.
    """
    total = 0
    for _ in range(4):
        rest = text[total:]
        matches = (p.match(rest) for p in RULES)
        cut = next((m.end() for m in matches if m), 0) or _unopened_close(rest)
        if not cut or not rest[cut:].strip():
            return total
        total += cut
    return total


def _unopened_close(text: str) -> int:
    """Return where the furniture ends when a bracket in the first 100 characters closes one never opened.

    A sentence splitter that broke "(BP.L) (BP.N)" or "(Photo: Ann Lee - AP)" at a full stop leaves the
    tail on the next line; what comes before the stray closing bracket is the tail, not the report.
    """
    depth = 0
    for found in BRACKET.finditer(text[:100]):
        if found.group() in ("(", "-LRB-"):
            depth += 1
        elif depth:
            depth -= 1
        else:
            after = re.match(r"\s*(?:--|[-:\u2013\u2014])?\s*", text[found.end():])
            return found.end() + (after.end() if after else 0)
    return 0
