"""Explicit boilerplate rules: whole lines that are site furniture, and promos glued inside paragraphs.

Line rules name what a line is (navigation, share icons, a related-stories header, a comment form,
a cookie notice, an author bio, a bare timestamp, a promo). Inline rules find promo runs that a
scrape glued into a paragraph (``READ MORE: headline`` or ``DON'T MISS: headline (REVEAL)...``)
and where they end: at the point where the next sentence was glued on, after the last tag of a
tagged run, or at the end of the line. Each rule is a pattern of the kind many sites share, not a
list of one site's strings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dateline.clean.glued import glued_breaks
from dateline.clean.lines import MONTHS, is_prose, word_set

NAVIGATION_RE = re.compile(
    r"\b(?:open menu|close menu|main menu|toggle navigation|skip to (?:main )?content|skip navigation|"
    r"back to top|jump to navigation|search this site|you are here:?)\b",
    re.I,
)
BREADCRUMB_RE = re.compile(r"^\s*home\s*(?:[>»/›|]\s*[^>»/›|]{1,40}){1,5}$", re.I)
SHARE_NETWORKS = word_set(
    """facebook twitter x whatsapp linkedin pinterest reddit telegram email e-mail mail print copy link
    share tweet messenger tumblr flipboard sms comments"""
)
ICON_TOKEN_RE = re.compile(r"^(?:icon|fa|ico|social|share)[-_][\w-]+$", re.I)
SHARE_LINE_RE = re.compile(r"^(?:share (?:this|on|via)|share:|click to share|tweet this|email this)\b", re.I)

RELATED_HEADER_RE = re.compile(
    r"^(?:related(?: topics?| posts?| articles?| stories| news| content| coverage| videos?| links| reading)?|"
    r"recent (?:stories|posts|news|articles)|latest (?:news|stories|posts|articles|videos)|"
    r"more (?:stories|news|articles|headlines|videos)(?: (?:from|on|in|about) .{1,40})?|more from .{1,40}|"
    r"more in (?-i:[A-Z]).{0,30}|you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|"
    r"(?:read|see) (?:more|also|next)|also read|most (?:popular|read|viewed|shared)|"
    r"trending(?: now| stories| news)?|recommended(?: for you| stories| articles)?|top stories|"
    r"editor[’']?s picks|popular (?:posts|stories|articles)|further reading|in other news|around the web|"
    r"sponsored(?: content| stories| links)?|tags?|topics?|keywords|filed under)\s*[:.]?$",
    re.I,
)
COMMENT_FORM_RE = re.compile(
    r"^(?:leave a (?:reply|comment)|add a comment|post a comment|post your comment|write a comment|"
    r"join the (?:conversation|discussion)|\d+\s+(?:comments?|responses?|replies)|comments?(?: \(\d+\))?|"
    r"cancel reply|show comments|view comments|load comments|"
    r"(?:name|email|e-mail|website|comment|message)\s*\*?(?:\s*\(required\))?|"
    r"your email address will not be published\b.*|required fields are marked\b.*|"
    r"save my name, email,? and website\b.*|notify me of (?:new|follow-up) (?:posts|comments)\b.*|"
    r"you must be (?:logged|signed) in to post a comment\b.*|comments are closed\.?|"
    r"this site uses akismet\b.*)\s*[:.]?$",
    re.I,
)
# A site speaking about its own cookies, not an article about cookie law.
COOKIE_NOTICE_RE = re.compile(
    r"\b(?:(?:this|our) (?:web)?site uses cookies|we use cookies|uses cookies to|accept (?:all )?cookies"
    r"|by (?:continuing to use|using|browsing) (?:this|our|the) (?:web)?site|"
    r"cookie (?:policy|settings|preferences|consent))\b",
    re.I,
)
FIRST_PERSON_BIO_RE = re.compile(
    r"^(?:hi,? )?(?:i[’']?m|i am|my name is) [A-Z][\w.’'-]+(?: [A-Z][\w.’'-]+){0,3},? (?:and )?"
    r"(?:i[’']?m |i am |i )?(?:a |an )?(?:\w+ ){0,3}"
    r"(?:passionate|writer|journalist|reporter|editor|blogger|author|content|freelance|love|enjoy|specialize)",
    re.I,
)
BIO_CUE_RE = re.compile(r"\bpassionate about (?:writing|journalism|news|content|blogging)\b|^about the author\b", re.I)
# A third-person bio reads like an article sentence, so it only counts after the article's prose.
THIRD_PERSON_BIO_RE = re.compile(
    r"^[A-Z][\w.’'-]+(?: [A-Z][\w.’'-]+){1,3} (?:is|works as) (?:a|an|the) (?:[\w-]+ ){0,3}"
    r"(?:writer|reporter|journalist|editor|correspondent|contributor|columnist|blogger)\b"
    r"|\bfollow (?:him|her|them) on (?:twitter|x|instagram|facebook|linkedin)\b"
)
NEWSLETTER_RE = re.compile(
    r"^(?:sign up (?:for|to)|subscribe (?:to|for|now|today)|get (?:the|our) .{0,40}newsletter|"
    r"follow us(?: on)?|like us on facebook|download (?:our|the) app|click here to|tap here to|"
    r"story continues below|continue reading|scroll to continue)\b"
    r"|^(?:advertisement|advertising|sponsored(?: content| links?)?)$",
    re.I,
)
WEEKDAYS = "mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
TIMESTAMP_TOKEN_RE = re.compile(
    rf"^(?:{MONTHS}|{WEEKDAYS}|date|published|updated|posted|last|on|at|am|pm|a\.m|p\.m|gmt|utc|est|edt|"
    r"bst|cet|ist|pst|pdt|ago|just|now|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|"
    r"yesterday|today|\d{1,4}(?:st|nd|rd|th)?|\d{1,2}:\d{2}(?::\d{2})?(?:am|pm)?|\d{4}-\d{2}-\d{2}(?:t[\d:.z+-]*)?|"
    r"\d{1,2}/\d{1,2}/\d{2,4})$",
    re.I,
)

RELATIVE_TIME_RE = re.compile(
    r"^(?:(?:updated|posted|published)\s+)?(?:\d+|an?|one)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)"
    r"\s+ago\.?$|^just now$",
    re.I,
)

# Inline promos. Multi-word markers are distinctive in any case; single words only in capitals.
PROMO_MARKER_RE = re.compile(
    r"(?:\b(?i:read more|read also|also read|see also|don[’']?t miss|must read"
    r"|related (?:articles?|stories|news|content)|recommended reading|more on this(?: story)?)"
    r"|\b(?:READ|MORE|RELATED|WATCH|LISTEN|TRENDING|RECOMMENDED))\s*[:：|]\s*"
)
ADVERT_RE = re.compile(r"(?:ADVERTISEMENT|Advertisement|Story continues below advertisement)(?=[A-Z“\"]|\s|$)")
TAGGED_ITEM_RE = re.compile(r"\s*[^()\n]{3,240}?\s*\(\s*[A-Z]{3,}(?: [A-Z]{2,})*\s*\)")
GLUE_POINT_RE = re.compile(r"(?<=[a-z0-9%’'”\")\]])(?=[A-Z][a-z])")
CAMEL_PREFIX_RE = re.compile(r"(?:^|\s)(?:Mc|Mac|De|Di|Da|La|Le|Van|Von|Du|O’|O')$")
CAMEL_WORDS = word_set(
    """youtube iphone ipad ipod imac macbook linkedin playstation powerpoint javascript whatsapp paypal
    facebook tiktok fedex ebay gopro huffpost buzzfeed myspace wordpress github gitlab smartphone
    mastercard blackrock blackberry jetblue easyjet skynews bbcnews foxnews cnbc"""
)
TITLE_SMALL_WORDS = word_set("a an and as at but by for from in of on or the to vs via with")
MAX_PROMO_WORDS = 30


@dataclass(frozen=True, slots=True)
class Cut:
    """A span of a line to remove, in offsets relative to the line, and why."""

    start: int
    end: int
    reason: str


def is_date_line(text: str) -> bool:
    """Tell whether a line is only a date or time stamp (``Tue May 14 2024``, ``Jan 7, 2008 12:52pm``)."""
    tokens = [t.strip(",.|·•-–—()[]") for t in text.split()]
    tokens = [t for t in tokens if t]
    return 0 < len(tokens) <= 10 and all(TIMESTAMP_TOKEN_RE.match(t) for t in tokens)


def is_share_line(text: str) -> bool:
    """Tell whether a line is a row of share buttons or icon names."""
    tokens = text.split()
    if not tokens or len(tokens) > 12:
        return False
    if SHARE_LINE_RE.match(text):
        return True
    icons = sum(bool(ICON_TOKEN_RE.match(t)) for t in tokens)
    networks = sum(t.lower().strip(":,|") in SHARE_NETWORKS for t in tokens)
    return (icons >= 1 and icons + networks == len(tokens)) or (networks >= 2 and networks == len(tokens))


def is_related_header(text: str) -> bool:
    """Tell whether a line heads a list of other stories or topics."""
    return len(text.split()) <= 8 and bool(RELATED_HEADER_RE.match(text.strip()))


def line_reason(text: str) -> str | None:
    """Return why a whole line is boilerplate, or None when no rule says so."""
    stripped = text.strip()
    if not stripped:
        return None
    n_words = len(stripped.split())
    if n_words <= 8 and (NAVIGATION_RE.search(stripped) or BREADCRUMB_RE.match(stripped)):
        return "navigation"
    if is_share_line(stripped):
        return "share-icons"
    if n_words <= 40 and COMMENT_FORM_RE.match(stripped):
        return "comment-form"
    if n_words <= 60 and COOKIE_NOTICE_RE.search(stripped):
        return "cookie-notice"
    if n_words <= 120 and (FIRST_PERSON_BIO_RE.match(stripped) or BIO_CUE_RE.search(stripped)):
        return "author-bio"
    if is_related_header(stripped):
        return "related-list"
    if n_words <= 25 and NEWSLETTER_RE.match(stripped) and not is_prose(stripped):
        return "promo"
    if RELATIVE_TIME_RE.match(stripped):
        return "timestamp"
    return None


def is_third_person_bio(text: str) -> bool:
    """Tell whether a line introduces its writer in the third person (``Ann Lee is a reporter ...``)."""
    return len(text.split()) <= 80 and bool(THIRD_PERSON_BIO_RE.search(text))


def is_name_line(text: str) -> bool:
    """Tell whether a line is only a person's name (2 to 4 capitalised words)."""
    words = text.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() and w.replace(".", "").isalpha() for w in words)


def _glue_is_camel_case(text: str, pos: int) -> bool:
    """Tell whether a lower-to-upper join at ``pos`` is a name or brand (McDonald, YouTube), not glue."""
    start = pos
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    end = pos
    while end < len(text) and text[end].isalpha():
        end += 1
    word = text[start:end].strip("“‘\"'(")
    if word.lower() in CAMEL_WORDS:
        return True
    if CAMEL_PREFIX_RE.search(text[max(0, pos - 4) : pos]):
        return True
    return len(text[start:pos].strip("“‘\"'(")) <= 1


def _promo_end_by_tags(text: str, start: int) -> int | None:
    """Return the end of a run of headlines each closed by a (TAG), or None if there is no such run."""
    pos, found = start, None
    while True:
        match = TAGGED_ITEM_RE.match(text, pos)
        if not match or len(match.group(0).split()) > MAX_PROMO_WORDS:
            return found
        pos = found = match.end()


def _promo_end_by_glue(text: str, start: int) -> int | None:
    """Return where the next sentence was glued onto a promo headline, within a headline's length."""
    limit = _word_limit(text, start, MAX_PROMO_WORDS)
    joins = [m.start() for m in GLUE_POINT_RE.finditer(text, start, limit)]
    joins = [pos for pos in joins if not _glue_is_camel_case(text, pos)]
    # A headline ending in "?" or "!" glued to the next sentence is a glued sentence break.
    candidates = [pos for pos in joins + glued_breaks(text, start, limit) if pos - start >= 8]
    return min(candidates, default=None)


def _promo_end_by_title_case(text: str, start: int) -> int | None:
    """Return where a Title Case headline gives way to a sentence (the sentence's first word)."""
    words = list(re.finditer(r"\S+", text[start:]))
    last_capital = None
    for i, match in enumerate(words[: MAX_PROMO_WORDS + 1]):
        word = match.group(0).strip("“‘\"'(,:")
        if not word:
            continue
        if word[0].isupper() or word[0].isdigit():
            last_capital = i
        elif word.lower() not in TITLE_SMALL_WORDS:
            if last_capital is None or last_capital < 2:
                return None
            return start + words[last_capital].start()
    return None


def _word_limit(text: str, start: int, n_words: int) -> int:
    """Return the offset just past the first ``n_words`` words after ``start``."""
    for i, match in enumerate(re.finditer(r"\S+", text[start:])):
        if i == n_words:
            return start + match.start()
    return len(text)


def inline_promos(text: str) -> list[Cut]:
    """Return the promo runs glued inside a line of text, each from its marker to where it ends."""
    cuts: list[Cut] = []
    for match in PROMO_MARKER_RE.finditer(text):
        start, body = match.start(), match.end()
        if cuts and start < cuts[-1].end:
            continue
        end = _promo_end_by_tags(text, body)
        if end is None:
            end = _promo_end_by_glue(text, body)
        if end is None and len(text[body:].split()) <= MAX_PROMO_WORDS:
            end = len(text)
        if end is None:
            end = _promo_end_by_title_case(text, body)
        if end is None:
            end = body  # the headline's end is unknowable: drop the marker, keep the words
        cuts.append(Cut(start, end, "inline-promo"))
    for match in ADVERT_RE.finditer(text):
        if any(c.start <= match.start() < c.end for c in cuts):
            continue
        cuts.append(Cut(match.start(), match.end(), "advertisement"))
    return sorted(cuts, key=lambda c: c.start)
