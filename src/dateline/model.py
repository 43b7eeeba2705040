"""The records every stage of dateline shares.

Data flows one way: an ingest reader yields ``RawDocument`` records, the cleaner turns each into an
``Article`` (clean text, metadata with provenance, the spans it removed, and an ``OffsetMap`` back to
the raw text), and later stages annotate the article by ``(article_id, start, end)`` offsets into
its clean text. Plain dataclasses only: every stage, the store and the renderers read the same shape.
"""

from __future__ import annotations

import bisect
import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any


def content_hash(text: str) -> str:
    """Return the SHA-256 hex digest of a document's text, the identity used for idempotent ingest."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class RawDocument:
    """One document as a reader found it, before any cleaning.

    ``text`` is the decoded text of the document: the page as written for plain text, the markup for
    HTML. Fields a structured source gave (a JSON record, a feed entry, HTML meta tags) are carried
    in ``fields`` with the name of the field they came from in ``field_sources``, so the cleaner can
    say where each piece of metadata was found.
    """

    source: str
    """Where it came from: a file path, ``<stdin>``, with ``#N`` for the N-th record of a multi-record file."""
    format: str
    """The reader that produced it: ``text``, ``html``, ``json``, ``feed`` or ``warc``."""
    text: str
    """The decoded document: plain text, or HTML markup when ``format`` is html (or html inside json/feed/warc)."""
    is_html: bool = False
    url: str | None = None
    fields: dict[str, str] = field(default_factory=dict)
    """Metadata a structured source gave: title, date, outlet, author, id, language."""
    field_sources: dict[str, str] = field(default_factory=dict)
    """For each key of ``fields``, the field it was read from (``json:date_publish``, ``feed:published``)."""
    encoding: str = "utf-8"

    @property
    def content_hash(self) -> str:
        """Hash of the raw text: the same bytes ingested twice are one article."""
        return content_hash(self.text)


@dataclass
class RemovedSpan:
    """A stretch of the raw text that cleaning dropped, and why."""

    start: int
    end: int
    reason: str
    text: str = ""


@dataclass
class FieldValue:
    """A metadata value with where it was found and how sure we are of it."""

    value: str | None
    source: str = ""
    """Provenance: ``text:line 1 'date 2023-11-29'``, ``json:date_publish``, ``html:meta og:title``."""
    confidence: float = 0.0
    """0..1: 0.9+ for explicit fields and labelled lines, lower for patterns guessed from prose."""
    estimated: bool = False
    """True when the value was inferred (e.g. an undated article dated from its content), not read."""

    @property
    def known(self) -> bool:
        """Whether a value was found at all."""
        return self.value is not None and self.value != ""


@dataclass
class OffsetMap:
    """Map offsets in the clean text back to the raw text.

    The clean text is assembled from pieces of the raw text plus a few inserted characters
    (paragraph breaks, the space that re-splits a glued sentence). Each piece is a segment
    ``(clean_start, raw_start, length)``; inserted characters belong to no segment.
    """

    segments: list[tuple[int, int, int]] = field(default_factory=list)

    def add(self, clean_start: int, raw_start: int, length: int) -> None:
        """Record that ``length`` characters at ``clean_start`` were copied from ``raw_start``."""
        if length <= 0:
            return
        if self.segments:
            c, r, n = self.segments[-1]
            if c + n == clean_start and r + n == raw_start:
                self.segments[-1] = (c, r, n + length)
                return
        self.segments.append((clean_start, raw_start, length))

    def to_raw(self, clean_offset: int) -> int | None:
        """Return the raw offset of a clean offset, or None for an inserted character."""
        starts = [s[0] for s in self.segments]
        i = bisect.bisect_right(starts, clean_offset) - 1
        if i < 0:
            return None
        c, r, n = self.segments[i]
        if clean_offset < c + n:
            return r + (clean_offset - c)
        return None

    def span_to_raw(self, start: int, end: int) -> tuple[int, int] | None:
        """Return the raw span covering the clean span ``[start, end)``, or None if nothing maps."""
        starts = [s[0] for s in self.segments]
        lo = max(bisect.bisect_right(starts, start) - 1, 0)
        raw_start: int | None = None
        raw_end: int | None = None
        for c, r, n in self.segments[lo:]:
            if c >= end:
                break
            s, e = max(start, c), min(end, c + n)
            if s >= e:
                continue
            if raw_start is None:
                raw_start = r + (s - c)
            raw_end = r + (e - c)
        if raw_start is None or raw_end is None:
            return None
        return raw_start, raw_end

    def to_list(self) -> list[list[int]]:
        """Serialise for JSON storage."""
        return [list(s) for s in self.segments]

    @classmethod
    def from_list(cls, data: list[list[int]]) -> OffsetMap:
        """Rebuild from ``to_list`` output."""
        return cls([(int(a), int(b), int(c)) for a, b, c in data])


@dataclass
class CleanResult:
    """What the cleaner makes of one raw document: clean text, metadata, removals and the offset map."""

    text: str
    title: FieldValue
    date: FieldValue
    outlet: FieldValue
    author: FieldValue
    language: FieldValue
    removed: list[RemovedSpan] = field(default_factory=list)
    offsets: OffsetMap = field(default_factory=OffsetMap)
    raw_text: str = ""
    """The text the offsets point into: the document as given, or for HTML the page's visible text."""

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict (the shape ``dateline clean --json`` prints)."""
        data = asdict(self)
        data["offsets"] = self.offsets.to_list()
        return data


@dataclass
class Article:
    """A stored article: one version of one document, cleaned, with its metadata."""

    id: str
    """Short stable identifier: the first 16 hex digits of the content hash."""
    content_hash: str
    source: str
    format: str
    url: str | None
    version: int
    """1 for the first text seen at a URL; a changed text at the same URL is version 2, and so on."""
    raw_text: str
    text: str
    title: FieldValue
    date: FieldValue
    outlet: FieldValue
    author: FieldValue
    language: FieldValue
    removed: list[RemovedSpan] = field(default_factory=list)
    offsets: OffsetMap = field(default_factory=OffsetMap)
    ingested_at: str = ""

    def to_dict(self, include_raw: bool = False) -> dict[str, Any]:
        """Return a JSON-ready dict; the raw text only on request since it can be large."""
        data = asdict(self)
        data["offsets"] = self.offsets.to_list()
        if not include_raw:
            data.pop("raw_text")
            data.pop("offsets")
        return data


@dataclass
class TimeRef:
    """A time expression in an article, resolved to a calendar value.

    ``value`` is in TimeML (TIMEX3) form: ``2024-05-14``, ``2024-W19``, ``2024-W19-WE``, ``2024-05``,
    ``2024``, ``P2Y``, ``PRESENT_REF``, ``2024-05-14T19:00``. ``first_day``/``last_day`` give the
    calendar days the value covers (both None for durations and unresolvable references), so later
    stages can sort and bucket without parsing TimeML again.
    """

    article_id: str
    start: int
    end: int
    text: str
    type: str
    """TIMEX3 type: DATE, TIME, DURATION or SET."""
    value: str
    granularity: str = "day"
    """day, week, weekend, month, quarter, season, year, decade, time, duration, set, present, past, future."""
    first_day: str | None = None
    last_day: str | None = None
    mod: str | None = None
    """TIMEX3 mod: APPROX, BEFORE, AFTER, START, MID, END, LESS_THAN, MORE_THAN ..."""
    anchor: str = "dct"
    """What a relative expression was resolved against: the publication date (dct) or an earlier date."""


@dataclass
class Sentence:
    """One sentence of an article's clean text, with the event date it talks about when it has one."""

    article_id: str
    index: int
    start: int
    end: int
    text: str
    paragraph: int = 0
    event_date: str | None = None
    """ISO day of the happening the sentence reports (from its own time expressions), not the publication date."""
    event_date_source: str | None = None
    """The time expression text that gave ``event_date``."""


@dataclass
class Mention:
    """A name in the text (person, organisation, place, group, event), before or after linking."""

    article_id: str
    start: int
    end: int
    text: str
    label: str
    """PERSON, ORG, GPE, LOC, NORP, FAC or EVENT (spaCy's labels, after dateline's fixes), or VESSEL for a ship
    the text names by its kind ("the tug Ellen Mae")."""
    name: str = ""
    """The name without titles and honorifics: "Antony J. Blinken" for "US Secretary of State Antony J. Blinken"."""
    title: str | None = None
    """A title or role attached to this mention in the text ("Secretary of State", "Ukraine's foreign minister")."""
    sentence_index: int = -1
    entity_id: str | None = None
    """The canonical entity this mention belongs to, set by corpus linking."""
    kind: str = "name"
    """name, or role for a mention that is a role alone ("the Secretary of State") linked to its holder."""
    address: str | None = None
    """"m" or "f" when a form of address before the name tells ("Mr. Obama"), which the name drops: linking keeps
    such a mention from a person of the other gender who shares the surname ("Michelle Obama")."""


@dataclass
class Role:
    """A title or role an entity holds according to one article, dated by that article."""

    title: str
    article_id: str
    date: str | None = None
    start: int = 0
    end: int = 0


@dataclass
class Entity:
    """One person, organisation or place across the corpus, whatever the spelling or title used."""

    id: str
    type: str
    name: str
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    mention_count: int = 0
    article_ids: list[str] = field(default_factory=list)


@dataclass
class Figure:
    """A number in the text (money, count, percentage, distance), normalised, with what it refers to."""

    article_id: str
    start: int
    end: int
    text: str
    kind: str
    """money, count, percent, distance, weight, duration or other."""
    value: float | None
    unit: str | None = None
    """USD, EUR, GBP ... for money; percent; km, mi; people, troops ... for counts when the noun says so."""
    approx: str | None = None
    """The approximation marker as written: nearly, about, more than, less than, up to, tens of ..."""
    low: float | None = None
    high: float | None = None
    """Bounds when the text gives a range or an order of magnitude ("tens of billions")."""
    referent: str | None = None
    """The phrase the number is about ("aid package", "short-term military assistance")."""
    referent_start: int | None = None
    referent_end: int | None = None
    sentence_index: int = -1


@dataclass
class Quote:
    """Something a source said, as one article reports it: direct, mixed or indirect speech."""

    article_id: str
    start: int
    end: int
    """The span from the first to the last content fragment."""
    text: str
    """The content as reported (fragments joined by " … " when there are several)."""
    kind: str
    """direct, mixed or indirect."""
    fragments: list[tuple[int, int]] = field(default_factory=list)
    """The content spans, in order (a quote interrupted by "he said" has two)."""
    cue_start: int | None = None
    cue_end: int | None = None
    """The speech verb or phrase ("said", "told", "according to", "tweeted")."""
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_text: str | None = None
    """The speaker as written in or near the sentence: a name, "he", "the official", "who"."""
    speaker_name: str | None = None
    """The person or organisation the speaker resolves to, or a description for an anonymous source."""
    speaker_entity_id: str | None = None
    speaker_kind: str = "none"
    """name, pronoun, title, anonymous, organisation or none (no speaker in the text)."""
    sentence_index: int = -1


@dataclass
class Statement:
    """One statement carried by one or more articles (verbatim or trimmed), with its first appearance."""

    id: str
    speaker_name: str | None
    speaker_entity_id: str | None
    text: str
    quotes: list[Quote] = field(default_factory=list)
    first_article_id: str | None = None
    first_date: str | None = None
    outlets: list[str] = field(default_factory=list)


@dataclass
class ArticleAnalysis:
    """Everything the per-article stage derives from one parse of one article."""

    article_id: str
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    timexes: list[TimeRef] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)


@dataclass
class CopyGroup:
    """Articles that are copies of one text (syndicated, reposted, trimmed, re-headlined)."""

    original_id: str
    """The earliest published member (ingest order breaks ties): the report the others copy."""
    copy_ids: list[str] = field(default_factory=list)
    changes: dict[str, list[str]] = field(default_factory=dict)
    """Per copy, what it changed: "headline", "trimmed end", "trimmed start", "edited" ..."""


@dataclass
class Event:
    """Articles about one happening, with the date it happened (not only when it was reported)."""

    id: str
    article_ids: list[str] = field(default_factory=list)
    date: str | None = None
    date_source: str = ""
    """How the date was found: "time expressions in 3 articles", "earliest publication date" ..."""
    label: str = ""
    story_id: str | None = None
    independent_reports: int = 0
    """Articles that are not copies of another article in the event."""


@dataclass
class Story:
    """Events that belong to one thread over weeks or months, with a label from its entities and terms."""

    id: str
    label: str = ""
    event_ids: list[str] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    first_date: str | None = None
    last_date: str | None = None


@dataclass
class TimelineSentence:
    """A source sentence in a timeline entry, citing the articles that carry it."""

    text: str
    article_id: str
    start: int = 0
    end: int = 0
    also_in: list[str] = field(default_factory=list)


@dataclass
class TimelineEntry:
    """One date of a timeline and its short summary made of source sentences."""

    date: str
    sentences: list[TimelineSentence] = field(default_factory=list)


@dataclass
class IngestError:
    """A per-file (or per-record) failure, reported and skipped while the rest goes on."""

    source: str
    reason: str


@dataclass
class IngestReport:
    """What an ingest did: how many articles were added, already present, new versions, and failures."""

    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    new_versions: list[str] = field(default_factory=list)
    errors: list[IngestError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when every input was stored (or already present)."""
        return not self.errors


@dataclass
class ConflictValue:
    """One side of a disagreement: what one article says, in its sentence, with its outlet and date."""

    article_id: str
    text: str
    """As written: "$61-billion", "fourth", "on Tuesday", the quote's wording."""
    value: str
    """Normalised: "61000000000 USD", "4", "2024-05-14", the folded quote text."""
    number: float | None = None
    sentence: str = ""
    start: int = 0
    end: int = 0
    outlet: str | None = None
    date: str | None = None
    referent: str | None = None
    """The phrase the value is about, as the article words it ("foreign aid package")."""
    copy_of: str | None = None
    """The original, when the article only carries a copy of another report."""


@dataclass
class Conflict:
    """Values for one thing that differ between articles, grouped and classed.

    ``kind`` is what differs (figure, date, count, quote); ``verdict`` is what the difference is:
    "conflict" (both cannot be right), "rounding" (one value rounds or approximates the other),
    "different referent" (look-alike figures about different things, shown so a reader need not
    wonder), or "reworded" (one statement quoted in different words).
    """

    id: str
    kind: str
    verdict: str
    subject: str
    """What the values are about: a referent key ("aid package"), an event label, a speaker."""
    reason: str
    """Why the verdict, in words: "values 1.7% apart", "3,400 is 2.8 times 1,200"."""
    values: list[ConflictValue] = field(default_factory=list)
    story_id: str | None = None
    event_id: str | None = None
    spread: float | None = None
    """Relative difference between the extreme values (0.017 for 60 vs 61), when they are numbers."""


@dataclass
class EventCoverage:
    """Who covered one event: outlets with their own report, outlets that only carried a copy, who was first."""

    event_id: str
    story_id: str | None = None
    date: str | None = None
    label: str = ""
    independent: list[str] = field(default_factory=list)
    """Outlets with at least one report of their own, first to report first."""
    copy_only: list[str] = field(default_factory=list)
    """Outlets that only carried a copy of another outlet's report."""
    first_outlets: list[str] = field(default_factory=list)
    """The outlets that published first (several when they did on the same day)."""
    first_date: str | None = None
    articles: dict[str, list[str]] = field(default_factory=dict)
    """Per outlet, the article ids it carried in this event."""


@dataclass
class StoryCoverage:
    """A story's coverage matrix: outlets (rows) by events (columns), each cell first, own, copy or empty."""

    story_id: str
    label: str = ""
    outlets: list[str] = field(default_factory=list)
    events: list[EventCoverage] = field(default_factory=list)
    cells: list[list[str]] = field(default_factory=list)
    """``cells[i][j]`` for outlet i and event j: "first", "own", "copy" or ""."""
