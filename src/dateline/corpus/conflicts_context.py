"""What every conflict finder reads: the articles' sources, analyses, events, stories and originals, indexed once.

A ``Context`` answers what every kind asks of an article (its event and story, its original if it is a
copy, the sentence and paragraph that hold an offset, the days and content words of a figure's sentence)
and keeps the answers, since a figure is compared with many others. ``independent`` says a copy of a
report is never a second witness, ``same_happening`` tells whether two sentences share enough content
words to describe one happening, and ``conflict_id`` gives each conflict a stable id from what it is about
and where its values are.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from dateline.corpus.cluster_records import Clustering
from dateline.corpus.coverage import Source
from dateline.model import ArticleAnalysis, ConflictValue, Figure, Sentence

PARAGRAPH_RE = re.compile(r"\n\s*\n")
STOPWORDS = frozenset({
    "the", "and", "for", "that", "with", "from", "this", "was", "were", "are", "has", "had", "have", "his",
    "her", "its", "their", "they", "said", "says", "say", "who", "which", "about", "some", "more", "than",
    "after", "into", "over", "will", "would", "been", "also", "not", "but", "one", "two", "three", "all",
    "out", "our", "there", "when", "what", "told", "least", "nearly", "almost", "around", "just", "only"
})  # fmt: skip
SHARED_WORDS = 3
SHARED_SHARE = 0.25
"""Two sentences describe one happening when they share this many content words, and this share of the shorter."""
WORD_RE = re.compile(r"[^\W\d_]{3,}")


@dataclass
class FigureItem:
    """One figure in its article, with the group it may join and the interval of values it allows."""

    figure: Figure
    key: str
    event_id: str | None
    story_id: str | None
    copy_of: str | None


@dataclass
class Context:
    """What every finder reads: sources, analyses, each article's event, story and original."""

    sources: dict[str, Source]
    analyses: dict[str, ArticleAnalysis]
    clustering: Clustering
    outlets: dict[str, str]
    event_of: dict[str, str]
    story_of: dict[str, str | None]
    copy_of: dict[str, str]
    sentence_index: dict[str, dict[int, Sentence]] = field(default_factory=dict)
    word_cache: dict[tuple[str, int], set[str]] = field(default_factory=dict)
    day_cache: dict[tuple[str, int], set[str]] = field(default_factory=dict)

    @classmethod
    def of(
        cls, sources: list[Source], analyses: dict[str, ArticleAnalysis], clustering: Clustering,
        outlets: dict[str, str] | None,
    ) -> Context:
        """Index the clustering by article."""
        event_of = {a: e.id for e in clustering.events for a in e.article_ids}
        story_of = {a: e.story_id for e in clustering.events for a in e.article_ids}
        copy_of = {c: g.original_id for g in clustering.copies for c in g.copy_ids}
        named = outlets or {s.article_id: s.outlet or "" for s in sources}
        return cls({s.article_id: s for s in sources}, analyses, clustering, named, event_of, story_of, copy_of)

    def value(self, article_id: str, text: str, value: str, start: int, end: int, sentence_index: int,
              number: float | None = None, referent: str | None = None) -> ConflictValue:
        """Make one side of a conflict, with its sentence, outlet and date."""
        source = self.sources.get(article_id)
        return ConflictValue(
            article_id=article_id, text=text, value=value, number=number,
            sentence=self.sentence(article_id, sentence_index, start), start=start, end=end,
            outlet=self.outlets.get(article_id) or None, date=source.date if source else None,
            referent=referent, copy_of=self.copy_of.get(article_id),
        )

    def sentence(self, article_id: str, index: int, offset: int) -> str:
        """Return the text of an article's sentence by index, or the one holding an offset."""
        analysis = self.analyses.get(article_id)
        if analysis is None:
            return ""
        if index >= 0:
            by_index = self.sentence_index.get(article_id)
            if by_index is None:
                by_index = self.sentence_index[article_id] = {s.index: s for s in analysis.sentences}
            found = by_index.get(index)
            return _paragraph_part(found.text, offset - found.start) if found else ""
        for sentence in analysis.sentences:
            if sentence.start <= offset < sentence.end:
                return _paragraph_part(sentence.text, offset - sentence.start)
        return ""

    def days(self, item: FigureItem) -> set[str]:
        """Return the calendar days the time expressions of a figure's sentence name."""
        key = (item.figure.article_id, item.figure.start)
        if key in self.day_cache:
            return self.day_cache[key]
        analysis = self.analyses.get(item.figure.article_id)
        timexes = analysis.timexes if analysis else []
        sentences = analysis.sentences if analysis else []
        sentence = next((x for x in sentences if x.start <= item.figure.start < x.end), None)
        days = {
            str(t.first_day) for t in timexes
            if sentence and t.first_day and t.first_day == t.last_day and sentence.start <= t.start < sentence.end
        }
        self.day_cache[key] = days
        return days

    def words(self, item: FigureItem) -> set[str]:
        """Return the content words of a figure's sentence (kept: a figure is compared with many others)."""
        key = (item.figure.article_id, item.figure.start)
        if key not in self.word_cache:
            sentence = self.sentence(item.figure.article_id, item.figure.sentence_index, item.figure.start)
            self.word_cache[key] = content_words(sentence, item.key)
        return self.word_cache[key]

    def independent(self, a: str, b: str) -> bool:
        """Tell whether two articles are two witnesses: different, and neither a copy of the other."""
        return a != b and self.copy_of.get(a, a) != self.copy_of.get(b, b)


def _paragraph_part(text: str, offset: int) -> str:
    """Return the paragraph of a sentence that holds an offset: a headline glued to the lead is not the sentence."""
    start = 0
    for gap in PARAGRAPH_RE.finditer(text):
        if offset < gap.start():
            return text[start : gap.start()].strip()
        start = gap.end()
    return text[start:].strip() if start < len(text) else text.strip()


def content_words(sentence: str, key: str = "") -> set[str]:
    """Return the content words of a sentence, lower-case, without the referent key's own words."""
    own = set(key.split())
    return {w for w in WORD_RE.findall(sentence.lower()) if w not in STOPWORDS and w.removesuffix("s") not in own} - own


def same_happening(a: set[str], b: set[str]) -> bool:
    """Tell whether two sentences share enough content words to describe one happening."""
    shared = len(a & b)
    return shared >= SHARED_WORDS and shared >= SHARED_SHARE * min(len(a), len(b))


def conflict_id(kind: str, verdict: str, subject: str, story: str | None, values: list[ConflictValue]) -> str:
    """Return a stable id from what the conflict is about and where its values are."""
    where = ",".join(sorted(f"{v.article_id}:{v.start}" for v in values))
    digest = hashlib.sha1(f"{kind}\x00{verdict}\x00{subject}\x00{story}\x00{where}".encode()).hexdigest()[:12]
    return f"conflict:{digest}"
