"""Author and outlet read from the lines around an article: bylines, agency datelines, signatures, bios.

Only lines shaped like a credit are read ("By ...", "Name Published <date>", "(Reuters) -",
"Source: AP", "@The Hill", "Copyright 2024 ...", an author bio). A name that only appears in the
body prose is never taken as the author.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from dateline.clean.dates import DATE_PATTERN, NOT_FOUND, TextLines
from dateline.model import FieldValue

HS = r"[^\S\n]"
NAME_TOKEN = r"(?:[A-ZÀ-ÖØ-Þ][\w'’\-]*\.?)"
PARTICLE = r"(?:de|da|del|della|der|den|di|du|la|le|van|von|bin|ibn|al|el|dos|das)"
NAME = rf"{NAME_TOKEN}(?:{HS}+(?:{PARTICLE}{HS}+)?{NAME_TOKEN}){{1,4}}"
"""A person's name as written in a credit: two to five capitalised words, particles allowed."""

BYLINE = re.compile(
    r"^\s*(?:(?:written|words|reporting|story|text|posted|compiled)\s+by|by|authors?\s*:)[:\s]\s*(?P<rest>\S.*)$",
    re.IGNORECASE,
)
NAME_BEFORE_LABEL = re.compile(
    rf"^\s*(?P<name>{NAME}){HS}*[|,•·\-–—]?{HS}*(?:Published|Posted|Updated|Last updated)\b"
)
BIO_FIRST_PERSON = re.compile(
    rf"^\s*(?:Hi[,!]?{HS}+)?(?:I['’]m|I am|My name is){HS}+(?P<name>{NAME}){HS}*(?:[,.!;—–-]|and\b|$)"
)
BIO_THIRD_PERSON = re.compile(
    rf"^\s*(?P<name>{NAME}){HS}+(?:is|has been){HS}+(?:an?|the){HS}+(?:[\w-]+{HS}+){{0,4}}?"
    r"(?:reporter|journalist|writer|correspondent|editor|columnist|contributor|author|blogger|freelancer)\b"
)
LONE_NAME = re.compile(rf"^\s*(?P<name>{NAME})\s*$")
AGENCY_DATELINE = re.compile(r"^[^()\n]{0,60}?\((?P<agency>[A-Z][A-Za-z.&' ]{0,30}?)\)\s*[-–—]")
DATELINE_PAREN = re.compile(
    r"\(\s*(?P<agency>[A-Z][\w&.'’]*(?:\s[A-Z][\w&.'’]*){0,3})\s*[-–—]\s*"
    r"(?:(?P<site>[^()\n]{1,80}?)\s*[-–—]\s*)?(?P<date>[^()\n\-–—]{4,40}?)\s*\)"
)
OUTLET_PAREN = re.compile(
    r"^[^()\n]{0,60}?\(\s*(?P<name>[A-Z][\w&.'’]*(?:\s[A-Z][\w&.'’]*){0,4})\s*[-–—]\s*(?P<acronym>[A-Z]{2,6})\s*\)"
    r"\s*[-–—]?\s*[A-Z]"
)
"""A dateline naming the outlet with its acronym and no date: "Marlow Bay, (Bayside Post - BP) Residents ..."."""
SIGNATURE = re.compile(r"^\s*@\s*(?P<name>[A-Za-z][A-Za-z .&'’-]{1,40}?)\s*$")
SOURCE_LINE = re.compile(r"^\s*(?:Sources?|Courtesy|Credit|Via)\s*[:：]\s*(?P<value>\S.{1,100}?)\s*$", re.I)
COPYRIGHT = re.compile(
    r"(?:Copyright|©|\(c\))\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*"
    r"(?P<name>[A-Z][\w&.'’ -]{1,60}?)\s*(?:[.,;|]|All rights reserved|$)",
    re.IGNORECASE,
)
CREDIT_SEPARATORS = re.compile(r"\s*(?:[,;&|•·/()]|\s[-–—]\s|\band\b|\bwith\b)\s*", re.IGNORECASE)
PARTS_SEPARATORS = re.compile(r"\s*(?:/|,|;|\||\band\b)\s*")
PLACE_SUFFIX = re.compile(r"\s+in\s+[A-Z][\w .'-]*$")
ACRONYM = re.compile(r"^[A-Z]{2,6}$")
MAX_CREDIT_CHARS = 300
SHOUTING_SHARE = 0.8
DATELINE_REACH = 250

OUTLET_NAMES = {
    "ap": "AP", "associated press": "AP", "the associated press": "AP", "ap news": "AP",
    "reuters": "Reuters", "thomson reuters": "Reuters",
    "afp": "AFP", "agence france-presse": "AFP", "agence france presse": "AFP",
    "dpa": "dpa", "xinhua": "Xinhua", "upi": "UPI", "tass": "TASS", "interfax": "Interfax",
    "ukrinform": "Ukrinform", "efe": "EFE", "ansa": "ANSA", "kyodo": "Kyodo", "yonhap": "Yonhap",
    "pti": "PTI", "press trust of india": "PTI", "ani": "ANI", "ians": "IANS",
    "app": "APP", "associated press of pakistan": "APP",
    "bloomberg": "Bloomberg", "cnn": "CNN", "bbc": "BBC", "npr": "NPR",
}  # fmt: skip
"""Wire agencies and outlets a credit names, mapped to one display name (so one outlet is one name)."""

NOT_NAME_WORDS = frozenset(
    """related recent topics stories story posts post news world home menu open share read more
    advertisement the this that these those by published updated posted source sources copyright
    breaking live latest top video photo photos comments comment leave reply add follow us subscribe
    sign log privacy policy terms cookie cookies contact about monday tuesday wednesday thursday
    friday saturday sunday january february march september october november december staff writer
    writers reporter reporters correspondent editor editors desk agency agencies team secretary
    president minister state department united states government official officials mr mrs ms dr sir
    lord senator general prime foreign defence defense office contrast then now today yesterday also
    however meanwhile in on at of for from with after before during click here view all trending
    popular most email print newsletter subscription login register search continue reading full
    article opinion analysis editorial sport sports business""".split()  # noqa: SIM905
)
ROLE_WORDS = frozenset(
    """staff writer writers reporter reporters correspondent correspondents editor editors senior chief
    political foreign special contributing contributor desk team agency agencies news service wire
    international national bureau digital online web producer columnist""".split()  # noqa: SIM905
)

CONFIDENCE = {
    "by": 0.9, "name-published": 0.85, "bio-lone-name": 0.85, "bio": 0.75,
    "dateline-paren": 0.9, "agency-dateline": 0.9, "agency-dateline-unknown": 0.7, "byline-outlet": 0.85,
    "signature": 0.8, "source-line": 0.8, "source-line-unknown": 0.6, "copyright": 0.7,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Credit:
    """A value read from a credit line, with its provenance and confidence."""

    value: str
    line: int
    snippet: str
    confidence: float

    def as_field(self) -> FieldValue:
        """Return the credit as a metadata value with its provenance."""
        return FieldValue(self.value, f"text:line {self.line} '{self.snippet}'", self.confidence)


def display_case(name: str) -> str:
    """Title-case shouting words of a name ("The HILL" -> "The Hill"); a lone acronym (NATO) stays."""
    words = name.split()
    if len(words) < 2:
        return name.strip()
    if all(w.isupper() for w in words):
        return " ".join(w.capitalize() for w in words)
    return " ".join(w.capitalize() if w.isupper() and len(w) > 3 else w for w in words)


def outlet_display(name: str) -> str | None:
    """Return the display name of a known agency or outlet, else None."""
    key = " ".join(name.replace("’", "'").split()).strip(" .").lower()
    return OUTLET_NAMES.get(key)


def clean_name(name: str) -> str:
    """Normalise a person's name: one space between words, title case if it is written in capitals."""
    letters = [ch for ch in name if ch.isalpha()]
    shouting = bool(letters) and sum(ch.isupper() for ch in letters) >= SHOUTING_SHARE * len(letters)
    return " ".join(w.title() if shouting else w for w in name.split())


def is_person_name(name: str) -> bool:
    """Tell whether a capitalised run of words reads as a person's name rather than a heading."""
    words = [w.strip(".'’").lower() for w in name.split()]
    if len(words) < 2 or any(w in NOT_NAME_WORDS for w in words):
        return False
    return outlet_display(name) is None


def is_role(part: str) -> bool:
    """Tell whether a credit part is a job title ("Staff Writer") rather than a name."""
    words = part.lower().split()
    return bool(words) and all(w in ROLE_WORDS for w in words)


def snippet_of(line: str) -> str:
    """Return a line as a short evidence snippet."""
    return " ".join(line[:200].split())[:100]


def read_byline(rest: str) -> tuple[list[str], str | None]:
    """Split what follows "By" into author names and an outlet; no names if it is not a credit."""
    authors: list[str] = []
    outlet: str | None = None
    date = DATE_PATTERN.search(rest)
    if date is not None:
        rest = rest[: date.start()]
    rest = re.split(r"\b(?:Published|Updated|Posted)\b", rest)[0]
    parts = [p.strip(" ()[]") for p in CREDIT_SEPARATORS.split(rest)]
    for position, part in enumerate(p for p in parts if p):
        part = PLACE_SUFFIX.sub("", part)
        known = outlet_display(part)
        if known is not None:
            outlet = outlet or known
        elif is_role(part):
            continue
        elif re.fullmatch(NAME, part) and is_person_name(part):
            authors.append(clean_name(part))
        elif position == 0:
            return [], None
        else:
            break
    return authors, outlet


def byline_credits(lines: TextLines) -> Iterator[tuple[str, Credit]]:
    """Yield ("author" | "outlet", credit) for every credit-shaped line of the text."""
    for index, line in enumerate(lines.lines):
        if lines.ranks[index] < 0:
            continue
        number = index + 1
        snippet = snippet_of(line)
        by = BYLINE.match(line) if len(line) <= MAX_CREDIT_CHARS else None
        if by is not None and len(line.split()) <= 20:
            authors, outlet = read_byline(by.group("rest"))
            if authors:
                yield "author", Credit(", ".join(authors), number, snippet, CONFIDENCE["by"])
            if outlet:
                yield "outlet", Credit(outlet, number, snippet, CONFIDENCE["byline-outlet"])
            continue
        labelled = NAME_BEFORE_LABEL.match(line, 0, MAX_CREDIT_CHARS)
        if labelled is not None and lines.in_header(index) and DATE_PATTERN.search(line, labelled.end()):
            name = labelled.group("name")
            if is_person_name(name):
                yield "author", Credit(clean_name(name), number, snippet, CONFIDENCE["name-published"])
        yield from outlet_credits(line, number, lines.in_tail(index))


def outlet_credits(line: str, number: int, in_tail: bool) -> Iterator[tuple[str, Credit]]:
    """Yield outlet credits of one line: dateline parentheses, agency datelines, sources, signatures."""
    # Datelines open the first paragraph, so only its start is searched.
    paren = DATELINE_PAREN.search(line, 0, DATELINE_REACH)
    if paren is not None and DATE_PATTERN.search(paren.group("date")):
        agency = paren.group("agency").strip()
        site = (paren.group("site") or "").split("/")[0].strip()
        value = f"{agency} - {site}" if site else agency
        yield "outlet", Credit(value, number, snippet_of(paren.group(0)), CONFIDENCE["dateline-paren"])
        return
    named = OUTLET_PAREN.match(line)
    if named is not None:
        value = f"{named.group('name').strip()} - {named.group('acronym')}"
        yield "outlet", Credit(value, number, snippet_of(named.group(0)[:-1].rstrip()), CONFIDENCE["dateline-paren"])
        return
    agency = AGENCY_DATELINE.match(line)
    if agency is not None:
        name = agency.group("agency").strip()
        known = outlet_display(name)
        if known is not None:
            yield "outlet", Credit(known, number, snippet_of(agency.group(0)), CONFIDENCE["agency-dateline"])
        elif ACRONYM.match(name):
            snippet = snippet_of(agency.group(0))
            yield "outlet", Credit(name, number, snippet, CONFIDENCE["agency-dateline-unknown"])
        return
    if len(line) > MAX_CREDIT_CHARS or len(line.split()) > 15:
        return
    source = SOURCE_LINE.match(line)
    if source is not None:
        first = PARTS_SEPARATORS.split(source.group("value"))[0].strip(" .")
        known = outlet_display(first)
        if known:
            yield "outlet", Credit(known, number, snippet_of(line), CONFIDENCE["source-line"])
        elif first:
            # "Source: <a ministry>" may credit the facts rather than the report.
            value = display_case(first)
            yield "outlet", Credit(value, number, snippet_of(line), CONFIDENCE["source-line-unknown"])
        return
    signature = SIGNATURE.match(line)
    if signature is not None and in_tail:
        name = signature.group("name").strip(" .")
        # "@The HILL" signs a repost; a one-word "@handle" is more often a commenter than an outlet.
        value = outlet_display(name) or (display_case(name) if len(name.split()) > 1 else None)
        if value:
            yield "outlet", Credit(value, number, snippet_of(line), CONFIDENCE["signature"])
        return
    # Only a footer notice names the publisher; a "©" up top is usually a photo credit.
    copyright_ = COPYRIGHT.search(line) if in_tail else None
    if copyright_ is not None:
        name = copyright_.group("name").strip(" -")
        if name and not name.lower().startswith("all rights"):
            value = outlet_display(name) or display_case(name)
            yield "outlet", Credit(value, number, snippet_of(line), CONFIDENCE["copyright"])


def bio_credits(lines: TextLines) -> Iterator[Credit]:
    """Yield the author named by a bio ("I'm Jane Doe, and ..."), preferring a lone name line before it."""
    previous: int | None = None
    for index, line in enumerate(lines.lines):
        if lines.ranks[index] < 0:
            continue
        if lines.in_header(index) or lines.in_tail(index):
            match = BIO_FIRST_PERSON.match(line) or (
                BIO_THIRD_PERSON.match(line) if lines.in_tail(index) else None
            )
            if match is not None and is_person_name(match.group("name")):
                name = clean_name(match.group("name"))
                lone = LONE_NAME.match(lines.lines[previous]) if previous is not None else None
                if previous is not None and lone is not None and clean_name(lone.group("name")) == name:
                    yield Credit(
                        name, previous + 1, snippet_of(lines.lines[previous]), CONFIDENCE["bio-lone-name"]
                    )
                else:
                    yield Credit(name, index + 1, snippet_of(line), CONFIDENCE["bio"])
        previous = index


def best(credits: list[Credit]) -> FieldValue:
    """Return the most trusted credit (the first one on ties), or a not-found value."""
    if not credits:
        return FieldValue(None, NOT_FOUND, 0.0)
    return max(credits, key=lambda c: c.confidence).as_field()


def find_author_and_outlet(lines: TextLines) -> tuple[FieldValue, FieldValue]:
    """Return the author and the outlet/agency the text credits."""
    authors: list[Credit] = []
    outlets: list[Credit] = []
    for kind, credit in byline_credits(lines):
        (authors if kind == "author" else outlets).append(credit)
    authors.extend(bio_credits(lines))
    return best(authors), best(outlets)
