"""Timeline candidates: the distinct sentences of a set of articles, with the days they name and who carries them.

A line break always ends a sentence, so text given one sentence per line (tokenised corpora, many
exports) keeps its sentences where the parser ran two lines together. A sentence repeated word for
word by several articles (a copy, a wire report reposted, a quote everybody runs) is one candidate:
it cites its first carrier (the original when copies are known, else the earliest published) and
lists the others in ``also_in``. A candidate is the sentence without the page furniture that opens
it (``timeline_furniture``: datelines, wire credits, stamps), so two reports that differ only there
are one candidate, and furniture neither counts in a sentence's centrality nor appears in a timeline.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from dateline.corpus.timeline_furniture import MONTH, furniture_prefix
from dateline.model import ArticleAnalysis, Sentence, TimeRef

LEAD = 5
"""Sentences of an article's top that may stand for its publication day when they name no day."""
WORD = re.compile(r"\w+")


@dataclass(slots=True)
class Candidate:
    """One distinct sentence that a timeline may quote."""

    text: str
    article_id: str
    start: int
    end: int
    published: str | None
    position: int
    """The sentence's index in its article: 0 for the first."""
    event_day: str | None
    """The day the sentence reports: its first day-precise time expression (``Sentence.event_date``)."""
    days: tuple[str, ...] = ()
    """Every day the sentence names precisely, in order."""
    also_in: list[str] = field(default_factory=list)

    @property
    def carriers(self) -> list[str]:
        """Return every article that carries the sentence, the cited one first."""
        return [self.article_id, *self.also_in]


def collect_candidates(
    analyses: Sequence[ArticleAnalysis],
    articles: Mapping[str, tuple[str | None, str | None]],
    copies: Mapping[str, str] | None = None,
) -> list[Candidate]:
    """Return the distinct sentences of the analyses; a repeated sentence cites its first carrier."""
    copies = copies or {}

    def order(analysis: ArticleAnalysis) -> tuple[bool, str, str]:
        published = articles.get(analysis.article_id, (None, None))[0]
        return analysis.article_id in copies, published or "9999", analysis.article_id

    seen: dict[str, Candidate] = {}
    for analysis in sorted(analyses, key=order):
        published, title = articles.get(analysis.article_id, (None, None))
        title_key = _key(title or "")
        for position, (sentence, timexes) in enumerate(_sentences_with_timexes(analysis)):
            if is_heading(sentence.text):  # judged with its furniture: a line stamped " | " is a page header
                continue
            cut = furniture_prefix(sentence.text)
            text = sentence.text[cut:]
            key = _key(text)
            if not key or key == title_key:
                continue
            if key in seen:
                known = seen[key]
                if analysis.article_id not in known.carriers:
                    known.also_in.append(analysis.article_id)
                continue
            days = tuple(dict.fromkeys(day for t in timexes if (day := _day(t))))
            seen[key] = Candidate(
                text, analysis.article_id, sentence.start + cut, sentence.end, published, position,
                days[0] if days else None, days,
            )
    return list(seen.values())


def _key(text: str) -> str:
    """The words of a text, lower-cased: equal for two sentences that differ only in spacing and marks."""
    return " ".join(w.lower() for w in WORD.findall(text))


STAMP = re.compile(r"^\s*(?:published|updated|posted|last updated|first published)\b|\s\|\s", re.IGNORECASE)


def is_heading(text: str) -> bool:
    """Tell a headline, a standfirst in Title Case or a date stamp left in the text from a sentence.

    A headline has no closing mark and capitalises most of its words ("Residents Return Home As Order
    Lifted"); a stamp starts "Published"/"Updated" or strings fields with " | ". Neither says what
    happened in a way a timeline can quote.
    """
    if STAMP.search(text):
        return True
    words = [w for w in WORD.findall(text) if w.isalpha()]
    if len(words) < 3 or text.rstrip()[-1:] in ".!?\"'”’":
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised >= 0.7 * len(words)


CHRONOLOGY_ENTRY = re.compile(
    r"^\W{0,4}(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    r"(?:" + MONTH + r"\s+\d{1,2}\S*|\d{1,2}\s+" + MONTH + r")(?:,?\s+\d{4})?"
    r"\s*(?:--|[-:\u2013\u2014])\s(?!\s*\d{1,2}[:.]\d{2})",  # "9 November 2011 - 8:40" stamps a comment
    re.IGNORECASE,
)


def is_chronology_entry(text: str) -> bool:
    """Tell an entry of a chronology an article carries ("April 29 - Obama pledges ...") from prose.

    Newsrooms' own timelines, factboxes and picture diaries open each line with its day and a dash or
    colon; such a line says in one sentence what happened that day, which is what a timeline quotes.
    """
    return bool(CHRONOLOGY_ENTRY.match(text))


def chronology_prefix(text: str) -> int:
    """Return the length of a chronology entry's leading day and dash ("April 29 - "), 0 for prose."""
    found = CHRONOLOGY_ENTRY.match(text)
    return found.end() if found and text[found.end():].strip() else 0


def split_lines(sentences: Sequence[Sentence]) -> list[Sentence]:
    """Cut every sentence that runs over a line break at the break."""
    pieces: list[Sentence] = []
    for sentence in sentences:
        if "\n" not in sentence.text:
            pieces.append(sentence)
            continue
        start = sentence.start
        for line in sentence.text.split("\n"):
            text = line.strip()
            if text:
                begin = start + len(line) - len(line.lstrip())
                pieces.append(replace(sentence, start=begin, end=begin + len(text), text=text))
            start += len(line) + 1
    return pieces


def _sentences_with_timexes(analysis: ArticleAnalysis) -> list[tuple[Sentence, list[TimeRef]]]:
    """Pair each sentence (cut at line breaks) with the time expressions that start inside it, in order."""
    sentences = split_lines(analysis.sentences)
    starts = [s.start for s in sentences]
    inside: list[list[TimeRef]] = [[] for _ in sentences]
    for timex in sorted(analysis.timexes, key=lambda t: t.start):
        i = bisect_right(starts, timex.start) - 1
        if i >= 0 and timex.start < sentences[i].end:
            inside[i].append(timex)
    return list(zip(sentences, inside, strict=True))


def _day(timex: TimeRef) -> str | None:
    """Return the calendar day a time expression names, or None when it names no single day."""
    if timex.type in ("DATE", "TIME") and timex.first_day and timex.first_day == timex.last_day:
        return timex.first_day
    return None


def keyword_pattern(keywords: Sequence[str] | None) -> re.Pattern[str] | None:
    """Compile the topic keywords into one case-insensitive pattern matching words that start with one."""
    words = [k.strip() for k in keywords or () if k.strip()]
    if not words:
        return None
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + ")", re.IGNORECASE)
