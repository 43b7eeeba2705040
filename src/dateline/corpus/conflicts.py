"""Where sources disagree: figures, dates, counts and quotes that differ between articles, grouped and classed.

Figures are grouped by what they measure: the same story (or event), kind, unit and referent key
(``figures_referent.referent_key``: "package of support" and "foreign aid package" are both "aid
package"). Within a group, values are classed by how a careful reader would read them:

- **rounding**: one value rounds or hedges the other ("$60 billion" / "$61-billion": 61 rounds to 60
  at the precision 60 is written in, 1.7 % apart; "about $50 million" / "$48 million"), given by two
  independent articles about one event;
- **conflict**: precise values more than 10 % apart that cannot both be right: independent articles,
  one event, published at most two days apart, in sentences that share their content words and name
  no different days, neither saying the figure rose or was revised (an evacuation of "about 1,200"
  and of "some 3,400" residents);
- **different referent**: look-alikes that one article itself keeps apart ("$1.4 billion short-term
  military assistance" beside "$6 billion longer-term aid"); **updated**: values of one group that
  differ but were not given for one happening at one time (a toll rising over days).

Only conflicts, rounding and rewordings are reported by default: a user loses trust on false
conflicts, so every rule leans to silence. A copy of a report is never a second witness. Dates: an
event that independent articles date differently, where both dates attach to the same words ("sank
on Thursday" / "sank on Friday", not "said Friday"); counts: "fourth trip" against "third trip" in one
event; quotes: one direct statement carried in different words (a word swapped or dropped inside the
quote, not a trim or a split) within a week. Cost: linear in the number of figures and quotes
(grouping by key); only values inside one group are compared, pairwise within the group.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from difflib import SequenceMatcher

from dateline.analyze.figures_referent import referent_key
from dateline.corpus.cluster_records import Clustering
from dateline.corpus.cluster_time import days_apart, event_day
from dateline.corpus.coverage import Source
from dateline.corpus.statements import normalise
from dateline.model import ArticleAnalysis, Conflict, ConflictValue, Figure, Sentence, Statement

PARAGRAPH_RE = re.compile(r"\n\s*\n")
KINDS = ("figure", "date", "count", "quote")
REPORTED = frozenset({"conflict", "rounding", "reworded"})
"""Verdicts shown by default; "different referent" and "updated" only on request."""
COMPARED_KINDS = frozenset({"money", "count", "percent", "distance", "weight", "area"})
ROUNDING_SHARE = 0.05
"""Two plain values this close, where one rounds to the other, are one value written twice."""
HEDGED_SHARE = 0.10
"""With "about", "some", "roughly" a value may be this far from the precise one."""
SAME_TIME_DAYS = 2
"""Reports further apart than this may both be right: the figure may have changed in between."""
ABOUT = frozenset({
    "about", "around", "roughly", "approximately", "some", "close to", "an estimated", "as many as",
    "as much as"
})  # fmt: skip
AT_LEAST = frozenset({"more than", "over", "at least", "upwards of", "in excess of", "just over", "well over"})
AT_MOST = frozenset({"less than", "fewer than", "under", "up to", "at most", "no more than", "barely"})
BELOW = frozenset({"nearly", "almost", "just under"})
# Referent keys too vague to say two figures measure one thing ("200 people" in the gallery, "nine people" hurt).
VAGUE_KEYS = frozenset({
    "people", "person", "time", "thing", "way", "one", "year", "day", "week", "month", "hour", "number",
    "figure", "estimate", "amount", "total", "sum", "percent", "cent", "part", "rest", "other", "lot",
    "majority", "half", "share", "member", "man", "woman", "child", "case", "point", "level", "rate",
    "dollar", "euro", "pound", "unit", "item", "piece", "place", "group", "side", "term", "step",
    "bst", "gmt", "utc", "est", "edt", "pst", "pdt", "cet", "am", "pm"
})  # fmt: skip
# Heads that say "a sum of money" without saying which: such a figure joins a group only by its value.
WEAK_HEADS = frozenset({"figure", "estimate", "amount", "sum", "total", "cost", "price", "bill", "tab", "number"})
# Words that say a figure was updated ("the toll rose to 110,000"): a later, different value is news, not a clash.
UPDATE_WORDS = frozenset({
    "rose", "risen", "rising", "rise", "climbed", "climbing", "increased", "jumped", "grew", "revised",
    "raised", "updated", "latest", "now", "new", "fell", "dropped", "lowered", "reduced", "soared", "mounted",
    "mounting", "reached"
})  # fmt: skip
STOPWORDS = frozenset({
    "the", "and", "for", "that", "with", "from", "this", "was", "were", "are", "has", "had", "have", "his",
    "her", "its", "their", "they", "said", "says", "say", "who", "which", "about", "some", "more", "than",
    "after", "into", "over", "will", "would", "been", "also", "not", "but", "one", "two", "three", "all",
    "out", "our", "there", "when", "what", "told", "least", "nearly", "almost", "around", "just", "only"
})  # fmt: skip
DATE_FILLERS = frozenset({"on", "early", "late", "last", "this", "next", "since", "until", "by", "from", "before",
                          "after", "during", "overnight"})
RETOLD_SHARE = 0.7
SPELLING_RATIO = 0.75
"""Letter similarity from which two words are one spelled two ways ("cosy" / "cozy", "toward" / "towards")."""
SHARED_WORDS = 3
SHARED_SHARE = 0.25
"""Two sentences describe one happening when they share this many content words, and this share of the shorter."""
MIN_COUNT = 10
"""Counts below this ("two piers", "one pier") are too often different things to call a clash."""
BARE_FOUR_DIGITS_RE = re.compile(r"\d{4}")
QUOTE_DAYS = 7
"""One statement quoted days apart by different outlets; further apart, a look-alike is likelier another statement."""
FRAGMENT_WORD = "|"
FRAGMENT_MARK = f" {FRAGMENT_WORD} "
"""Where a reporter broke a quote ("'It's a great sight,' he said, but 'it's far ...'"), kept for comparison."""
WORD_RE = re.compile(r"[^\W\d_]{3,}")
# Ordinals count happenings of these ("fourth trip"); "first witness" and "second witness" are two people.
OCCURRENCE_NOUNS = frozenset({
    "trip", "visit", "meeting", "round", "attempt", "term", "summit", "strike", "vote", "tour", "bailout",
    "loan", "increase", "cut", "hike", "appearance", "offensive", "attack", "wave", "election", "extension",
    "delay", "season", "consecutive", "straight", "raise"
})  # fmt: skip


@dataclass
class _Item:
    """One figure in its article, with the group it may join and the interval of values it allows."""

    figure: Figure
    key: str
    event_id: str | None
    story_id: str | None
    copy_of: str | None


def find_conflicts(
    sources: Iterable[Source],
    analyses: dict[str, ArticleAnalysis],
    clustering: Clustering,
    statements: Iterable[Statement] = (),
    outlets: dict[str, str] | None = None,
    include_all: bool = False,
) -> list[Conflict]:
    """Return the disagreements between articles: conflicts and rounding, and with ``include_all`` look-alikes too."""
    context = _Context.of(list(sources), analyses, clustering, outlets)
    found = [
        *figure_conflicts(context),
        *count_conflicts(context),
        *date_conflicts(context),
        *quote_conflicts(context, statements),
    ]
    if not include_all:
        found = [c for c in found if c.verdict in REPORTED]
    order = {"conflict": 0, "reworded": 1, "rounding": 2, "different referent": 3, "updated": 4}
    return sorted(found, key=lambda c: (order.get(c.verdict, 9), KINDS.index(c.kind), c.subject, c.id))


@dataclass
class _Context:
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
    ) -> _Context:
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

    def days(self, item: _Item) -> set[str]:
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

    def words(self, item: _Item) -> set[str]:
        """Return the content words of a figure's sentence (kept: a figure is compared with many others)."""
        key = (item.figure.article_id, item.figure.start)
        if key not in self.word_cache:
            sentence = self.sentence(item.figure.article_id, item.figure.sentence_index, item.figure.start)
            self.word_cache[key] = _content_words(sentence, item.key)
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


# Figures --------------------------------------------------------------------------------------------


def figure_conflicts(context: _Context) -> list[Conflict]:
    """Group figures by story, kind, unit and referent key, and class each group whose values differ."""
    groups = _group_figures(context)
    found = []
    for (_, kind, unit, key), items in sorted(groups.items()):
        conflict = _class_figures(context, kind, unit, key, items)
        if conflict is not None:
            found.append(conflict)
    found.extend(_look_alikes(context, groups))
    return found


def figure_groups(sources: Iterable[Source], analyses: dict[str, ArticleAnalysis], clustering: Clustering) -> int:
    """Return how many figure groups at least two independent articles give (whether their values agree or not)."""
    context = _Context.of(list(sources), analyses, clustering, None)
    return sum(
        len({context.copy_of.get(i.figure.article_id, i.figure.article_id) for i in items}) > 1
        for items in _group_figures(context).values()
    )


def _group_figures(context: _Context) -> dict[tuple[str, str, str, str], list[_Item]]:
    """Return the figures comparable across articles, by (story, kind, unit, referent key)."""
    groups: dict[tuple[str, str, str, str], list[_Item]] = {}
    weak: list[_Item] = []
    for article_id, analysis in context.analyses.items():
        for figure in analysis.figures:
            if figure.kind not in COMPARED_KINDS or (figure.value is None and figure.low is None):
                continue
            if BARE_FOUR_DIGITS_RE.fullmatch(figure.text.strip()):
                continue  # "2313 US Secretary of State ...": a live page's clock, or a year, not a count
            key = referent_key(figure.referent or "")
            item = _Item(figure, key, context.event_of.get(article_id), context.story_of.get(article_id),
                         context.copy_of.get(article_id))
            if not key or key.split()[-1] in WEAK_HEADS:
                weak.append(item)
            elif _telling(key):
                scope = item.story_id or item.event_id or article_id
                groups.setdefault((scope, figure.kind, figure.unit or "", key), []).append(item)
    _attach_by_value(groups, weak)
    return groups


def _telling(key: str) -> bool:
    """Tell whether a referent key names one thing well enough to compare its values across articles.

    Not a vague word ("people"), a unit left as the referent ("m"), or an "N-strong" unit: a "100-strong
    contingent" and a "350-strong contingent" are two contingents.
    """
    words = key.split()
    return key not in VAGUE_KEYS and len(key) > 2 and "strong" not in words and words[-1] not in VAGUE_KEYS


def _attach_by_value(groups: dict[tuple[str, str, str, str], list[_Item]], weak: list[_Item]) -> None:
    """Let a money figure with no telling referent join the one group of its story holding exactly its value.

    "puts cleanup at $48-million" in a headline and "the full $48 million cost" say which sum by the
    sum itself. Only money is precise enough for that; a group of the same event is preferred, and an
    equal value can add a witness but never make a conflict.
    """
    # Only groups that already compare two articles take a figure in: a weak figure adds a witness.
    compared = {
        key: list(items) for key, items in groups.items()
        if key[1] == "money" and len({i.figure.article_id for i in items}) > 1
    }
    for item in weak:
        figure = item.figure
        if figure.kind != "money" or figure.value is None or item.story_id is None:
            continue
        candidates = [
            groups[key] for key, items in compared.items()
            if key[2] == (figure.unit or "")
            and any(
                i.story_id == item.story_id and i.figure.value == figure.value
                and i.figure.article_id != figure.article_id
                for i in items
            )
        ]
        same_event = [g for g in candidates if any(i.event_id == item.event_id for i in g)]
        matches = same_event or candidates
        if len(matches) == 1 and not any(i.figure.article_id == figure.article_id for i in matches[0]):
            matches[0].append(item)


def _class_figures(context: _Context, kind: str, unit: str, key: str, items: list[_Item]) -> Conflict | None:
    """Class one group of figures: None when its values agree or fewer than two witnesses give it."""
    witnesses = {context.copy_of.get(i.figure.article_id, i.figure.article_id) for i in items}
    if len(witnesses) < 2:
        return None
    items = sorted(items, key=lambda i: (_centre(i.figure), i.figure.article_id, i.figure.start))
    classes: list[list[_Item]] = []
    for item in items:
        home = next((c for c in classes if all(_agree(item.figure, o.figure) for o in c)), None)
        if home is None:
            classes.append([item])
        else:
            home.append(item)
    if len({_written_value(i.figure) for i in items}) == 1:
        return None
    numbers = [_centre(i.figure) for i in items]
    spread = _spread(min(numbers), max(numbers))
    values_by_article: dict[str, set[float]] = {}
    for item in items:
        values_by_article.setdefault(item.figure.article_id, set()).add(_centre(item.figure))
    if any(len(found) > 1 for found in values_by_article.values()):
        reason = "one article gives several of these values: they measure different things"
        return _figure_conflict(context, "figure", "different referent", key, unit, reason, items, spread)
    if len(classes) == 1:
        if len({(i.figure.value, i.figure.low, i.figure.high) for i in items}) == 1 or spread > HEDGED_SHARE:
            # Same value hedged differently ("about 160,000", "160,000"), or only bounds that allow each
            # other ("at least one" aftershock, "two" aftershocks): nothing a reader needs to see.
            return None
        if not _rounded_at_one_time(context, items):
            return None  # close values weeks apart are two measures ("9.6%" one Friday, "more than 10%" the next)
        reason = f"values {_percent(spread)} apart: one rounds or hedges the other"
        return _figure_conflict(context, "figure", "rounding", key, unit, reason, items, spread)
    clash = _clash(context, classes)
    if clash is not None and _spread(*(_centre(f) for f in clash)) <= HEDGED_SHARE:
        reason = "close values given at about the same time: most likely counts of different moments"
        return _figure_conflict(context, "figure", "updated", key, unit, reason, items, spread)
    if clash is None:
        reason = "not the same happening at the same time: the figure may have changed, or measure another thing"
        return _figure_conflict(context, "figure", "updated", key, unit, reason, items, spread)
    low, high = sorted(clash, key=_centre)
    reason = (
        f"{_number(_centre(high))} is {_centre(high) / _centre(low):.1f} times {_number(_centre(low))}"
        if _centre(low) > 0 else f"{_number(_centre(low))} against {_number(_centre(high))}"
    )
    return _figure_conflict(context, "figure", "conflict", key, unit, reason, items, spread)


def _rounded_at_one_time(context: _Context, items: list[_Item]) -> bool:
    """Tell whether two independent articles give different values of a group about one event at one time."""
    for a in items:
        for b in items:
            ids = a.figure.article_id, b.figure.article_id
            if _centre(a.figure) != _centre(b.figure) and context.independent(*ids) and _one_time(context, a, b):
                return True
    return False


def _one_time(context: _Context, a: _Item, b: _Item) -> bool:
    """Tell whether two figures come from one event, published days apart at most."""
    if a.event_id is None or a.event_id != b.event_id:
        return False
    ids = a.figure.article_id, b.figure.article_id
    day_a, day_b = (context.sources[x].date if x in context.sources else None for x in ids)
    return not (day_a and day_b and days_apart(day_a, day_b) > SAME_TIME_DAYS)


def _clash(context: _Context, classes: list[list[_Item]]) -> tuple[Figure, Figure] | None:
    """Return two figures of different value classes that cannot both be right, if any.

    Both must be precise values (not bounds or orders of magnitude), from independent articles about
    one event published at the same time, in sentences about one happening, and neither sentence may
    say the figure was updated.
    """
    for i, first in enumerate(classes):
        for second in classes[i + 1 :]:
            for a in first:
                for b in second:
                    if (
                        _precise(a.figure) and _precise(b.figure) and _clashes(context, a, b)
                        and _classes_in_event(classes, a.event_id) == 2
                    ):
                        return a.figure, b.figure
    return None


def _classes_in_event(classes: list[list[_Item]], event_id: str | None) -> int:
    """Count the value classes one event's articles give: more than two means the key gathers several measures."""
    return sum(any(i.event_id == event_id and _precise(i.figure) for i in members) for members in classes)


def _precise(figure: Figure) -> bool:
    """Tell whether a figure states one value (hedged or not), not a bound, a range or an order of magnitude."""
    return (
        figure.value is not None and figure.low is None and figure.high is None
        and (figure.approx or "") not in AT_LEAST | AT_MOST
        and (figure.kind != "count" or figure.value >= MIN_COUNT)
    )


def _clashes(context: _Context, a: _Item, b: _Item) -> bool:
    """Tell whether two figures are two witnesses of one happening at one time, neither of them an update."""
    if not context.independent(a.figure.article_id, b.figure.article_id) or not _one_time(context, a, b):
        return False
    days_a, days_b = context.days(a), context.days(b)
    if days_a and days_b and not days_a & days_b:
        return False  # "about 250 boats ... on Friday", "nearly 200 ... on Saturday": counts of two days
    sentence_a = context.sentence(a.figure.article_id, a.figure.sentence_index, a.figure.start)
    sentence_b = context.sentence(b.figure.article_id, b.figure.sentence_index, b.figure.start)
    if b.figure.text in sentence_a or a.figure.text in sentence_b:
        return False  # one article names both values ("between $5.4 billion and $21.1 billion"): two cases
    words_a, words_b = context.words(a), context.words(b)
    if (words_a | words_b) & UPDATE_WORDS:
        return False
    day_a, day_b = (context.sources[x.figure.article_id].date if x.figure.article_id in context.sources else None
                    for x in (a, b))
    if day_a != day_b and _retold(words_a, words_b):
        return False  # one report re-issued the next day with a new figure ("nine miles", then "seven miles")
    return _same_happening(words_a, words_b)


def _retold(a: set[str], b: set[str]) -> bool:
    """Tell whether two sentences are one sentence retold with another number (most of their words shared)."""
    return bool(a and b) and len(a & b) >= RETOLD_SHARE * min(len(a), len(b))


def _content_words(sentence: str, key: str = "") -> set[str]:
    """Return the content words of a sentence, lower-case, without the referent key's own words."""
    own = set(key.split())
    return {w for w in WORD_RE.findall(sentence.lower()) if w not in STOPWORDS and w.removesuffix("s") not in own} - own


def _same_happening(a: set[str], b: set[str]) -> bool:
    """Tell whether two sentences share enough content words to describe one happening."""
    shared = len(a & b)
    return shared >= SHARED_WORDS and shared >= SHARED_SHARE * min(len(a), len(b))


def _look_alikes(context: _Context, groups: dict[tuple[str, str, str, str], list[_Item]]) -> list[Conflict]:
    """Return figures one article keeps apart although they look alike: same kind, unit and head, other modifier.

    These are never conflicts; they are listed so that a reader comparing them sees why they differ.
    """
    found = []
    heads: dict[tuple[str, str, str, str], list[tuple[str, _Item]]] = {}
    for (scope, kind, unit, key), items in groups.items():
        for item in items:
            heads.setdefault((scope, kind, unit, key.split()[-1]), []).append((key, item))
    for (_, _kind, unit, head), keyed in sorted(heads.items(), key=lambda kv: kv[0]):
        by_article: dict[str, dict[str, _Item]] = {}
        for key, item in keyed:
            by_article.setdefault(item.figure.article_id, {}).setdefault(key, item)
        seen: set[frozenset[str]] = set()
        for per_key in by_article.values():
            values = {k: i for k, i in per_key.items() if i.figure.value is not None}
            if len(values) < 2 or len({i.figure.value for i in values.values()}) < 2:
                continue
            keys = frozenset(values)
            if keys in seen:
                continue
            seen.add(keys)
            items = sorted(values.values(), key=lambda i: i.figure.start)
            reason = "one article gives both, for different things: " + " / ".join(
                f"{i.figure.text} ({i.figure.referent})" for i in items
            )
            numbers = [_centre(i.figure) for i in items]
            found.append(_figure_conflict(
                context, "figure", "different referent", head, unit, reason, items,
                _spread(min(numbers), max(numbers)),
            ))
    return found


def _figure_conflict(
    context: _Context, kind: str, verdict: str, key: str, unit: str, reason: str, items: list[_Item],
    spread: float | None,
) -> Conflict:
    """Build the Conflict record of a group of figures, values in the order of their articles' dates."""
    values = [
        context.value(
            i.figure.article_id, i.figure.text, _written_value(i.figure), i.figure.start, i.figure.end,
            i.figure.sentence_index, _centre(i.figure), i.figure.referent,
        )
        for i in items
    ]
    values.sort(key=lambda v: (v.date or "9999", v.article_id, v.start))
    story = next((i.story_id for i in items if i.story_id), None)
    events = {i.event_id for i in items}
    subject = f"{key} ({unit})" if unit and unit not in ("people",) else key
    return Conflict(
        id=_conflict_id(kind, verdict, subject, story, values),
        kind=kind, verdict=verdict, subject=subject, reason=reason, values=values, story_id=story,
        event_id=events.pop() if len(events) == 1 else None, spread=spread,
    )


def _agree(a: Figure, b: Figure) -> bool:
    """Tell whether two figures can be the same value: equal, one rounding the other, or within a hedge."""
    lo_a, hi_a = _interval(a)
    lo_b, hi_b = _interval(b)
    if lo_a <= hi_b and lo_b <= hi_a:
        return True
    if a.value is None or b.value is None:
        return False
    share = _spread(a.value, b.value)
    if share <= ROUNDING_SHARE and (_rounds_to(a.value, b.value) or _rounds_to(b.value, a.value)):
        return True
    return share <= HEDGED_SHARE and bool({a.approx, b.approx} & (ABOUT | BELOW))


def _interval(figure: Figure) -> tuple[float, float]:
    """Return the values a figure allows: a point, a range, a bound ("more than 6,000"), a hedge ("about 50")."""
    if figure.value is None:
        return (figure.low or 0.0, figure.high if figure.high is not None else math.inf)
    value = figure.value
    if figure.low is not None and figure.high is not None:
        return (figure.low, figure.high)
    marker = figure.approx or ""
    if marker in AT_LEAST:
        return (value, math.inf)
    if marker in AT_MOST:
        return (0.0, value)
    if marker in BELOW:
        return (value * (1 - HEDGED_SHARE), value)
    if marker in ABOUT:
        return (value * (1 - HEDGED_SHARE), value * (1 + HEDGED_SHARE))
    return (value, value)


def _rounds_to(precise: float, rounded: float) -> bool:
    """Tell whether ``precise`` rounded at the precision ``rounded`` is written in gives ``rounded`` (61 -> 60)."""
    step = _precision(rounded)
    return step > _precision(precise) and math.floor(precise / step + 0.5) * step == rounded


def _precision(value: float) -> float:
    """Return the place of a value's last significant digit: 10 for 60, 1 for 61, 0.1 for 1.4."""
    if value == 0:
        return 1.0
    exponent = Decimal(repr(float(value))).normalize().as_tuple().exponent
    return 10.0 ** int(exponent)


def _centre(figure: Figure) -> float:
    """Return a figure's value, or the middle of its range (geometric for an order of magnitude)."""
    if figure.value is not None:
        return figure.value
    low, high = figure.low or 0.0, figure.high if figure.high is not None else figure.low or 0.0
    return math.sqrt(low * high) if low > 0 and high > 0 else (low + high) / 2


def _spread(a: float, b: float) -> float:
    """Return how far apart two values are, relative to the smaller ("60 and 61 are 1.7% apart")."""
    bottom = min(abs(a), abs(b))
    return abs(a - b) / bottom if bottom else (0.0 if a == b else math.inf)


def _written_value(figure: Figure) -> str:
    """Return a figure's normalised value as text: "61,000,000,000 USD", "about 1,200 people", "1,000-10,000"."""
    if figure.value is None:
        core = f"{_number(figure.low or 0)}-{_number(figure.high or 0)}"
    else:
        core = _number(figure.value)
        if figure.approx:
            core = f"{figure.approx} {core}"
    return f"{core} {figure.unit}" if figure.unit else core


def _number(value: float) -> str:
    """Format a value with thousands separators, without a useless ".0"."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")


def _percent(share: float | None) -> str:
    """Format a share as a percentage with one decimal."""
    percent = (share or 0) * 100
    return f"{percent:.1f}%" if percent >= 0.1 or percent == 0 else f"{percent:.2g}%"


# Counts ---------------------------------------------------------------------------------------------


def count_conflicts(context: _Context) -> list[Conflict]:
    """Return ordinals of one happening that differ within one event ("fourth trip" against "third trip")."""
    groups: dict[tuple[str, str], list[_Item]] = {}
    for article_id, analysis in context.analyses.items():
        event = context.event_of.get(article_id)
        for figure in analysis.figures:
            if figure.kind != "ordinal" or figure.value is None or event is None:
                continue
            key = referent_key(figure.referent or "")
            if key and key.split()[-1] in OCCURRENCE_NOUNS:
                item = _Item(figure, key, event, context.story_of.get(article_id), context.copy_of.get(article_id))
                groups.setdefault((event, key), []).append(item)
    found = []
    for (_, key), items in sorted(groups.items()):
        per_article: dict[str, set[float]] = {}
        for item in items:
            per_article.setdefault(item.figure.article_id, set()).add(float(item.figure.value or 0))
        if any(len(v) > 1 for v in per_article.values()) or len({i.figure.value for i in items}) < 2:
            continue  # one article naming both ("the third and the fourth round") keeps them apart
        pairs = [
            (a, b) for a in items for b in items
            if a.figure.value != b.figure.value and context.independent(a.figure.article_id, b.figure.article_id)
            and _same_happening(
                _content_words(context.sentence(a.figure.article_id, a.figure.sentence_index, a.figure.start), key),
                _content_words(context.sentence(b.figure.article_id, b.figure.sentence_index, b.figure.start), key),
            )
        ]
        if not pairs:
            continue
        low, high = sorted((pairs[0][0].figure, pairs[0][1].figure), key=lambda f: f.value or 0)
        reason = f"one event, counted as the {low.text} and the {high.text} {key}"
        found.append(_figure_conflict(context, "count", "conflict", key, "", reason, items, None))
    return found


# Dates ----------------------------------------------------------------------------------------------


def date_conflicts(context: _Context) -> list[Conflict]:
    """Return events that independent articles date differently from their own leads ("on Tuesday" / "on Monday").

    Only days read from a time expression and anchored on a real publication date count (an article
    that only has its publication date says nothing about when the happening was), outside the
    headline, and only when two sentences giving different days describe one happening.
    """
    found = []
    for event in context.clustering.events:
        reports: list[tuple[str, ConflictValue, set[str]]] = []
        for article_id in event.article_ids:
            source, analysis = context.sources.get(article_id), context.analyses.get(article_id)
            if source is None or analysis is None or source.date_estimated or article_id in context.copy_of:
                continue
            day = event_day(analysis, source.date)
            if day is None or not day.expression or not day.anchored:
                continue
            value = _date_value(context, day.expression, day.day, article_id)
            if value.end and not _in_headline(analysis, value.start):
                reports.append((day.day, value, _content_words(value.sentence)))
        if len({day for day, _, _ in reports}) < 2:
            continue
        if not any(
            a[0] != b[0] and context.independent(a[1].article_id, b[1].article_id) and _same_happening(a[2], b[2])
            # "today" in two articles differs only by their publication days; a sentence repeated word for
            # word (a programme note, a standing line) is not a second witness.
            and a[1].text.casefold() != b[1].text.casefold() and a[1].sentence != b[1].sentence
            and _dated_words(context, a[1]) & _dated_words(context, b[1])
            for a in reports for b in reports
        ):
            continue
        values = [value for _, value, _ in sorted(reports, key=lambda r: (r[0], r[1].article_id))]
        days = sorted({day for day, _, _ in reports})
        reason = f"{len(days)} different days for one event, {days_apart(days[0], days[-1])} day(s) apart"
        found.append(Conflict(
            id=_conflict_id("date", "conflict", event.label, event.story_id, values),
            kind="date", verdict="conflict", subject=event.label, reason=reason, values=values,
            story_id=event.story_id, event_id=event.id,
        ))
    return found


def _dated_words(context: _Context, value: ConflictValue) -> set[str]:
    """Return the words just before a date: what it dates ("sank on Thursday" dates "sank", "said Friday" "said").

    Two days disagree only when they date the same thing; "the rig sank on Thursday" and "the Coast
    Guard said Friday" are both right.
    """
    analysis = context.analyses.get(value.article_id)
    source = context.sources.get(value.article_id)
    if analysis is None or source is None:
        return set()
    sentence = next((s for s in analysis.sentences if s.start <= value.start < s.end), None)
    if sentence is None:
        return set()
    before = sentence.text[: value.start - sentence.start]
    words = [w for w in WORD_RE.findall(before.lower()) if w not in DATE_FILLERS]
    return set(words[-2:]) - STOPWORDS - {"said", "says", "told"}


def _in_headline(analysis: ArticleAnalysis, offset: int) -> bool:
    """Tell whether an offset falls in an article's first sentence, where a headline or a page stamp sits."""
    first = min(analysis.sentences, key=lambda s: s.index, default=None)
    return first is not None and first.start <= offset < first.end


def _date_value(context: _Context, expression: str, day: str, article_id: str) -> ConflictValue:
    """Make the side of a date conflict one article gives: its time expression, resolved, in its sentence."""
    analysis = context.analyses.get(article_id)
    timex = next(
        (t for t in (analysis.timexes if analysis else []) if t.text == expression and t.first_day == day), None
    )
    start, end = (timex.start, timex.end) if timex else (0, 0)
    return context.value(article_id, expression, day, start, end, -1)


# Quotes ---------------------------------------------------------------------------------------------


def quote_conflicts(context: _Context, statements: Iterable[Statement]) -> list[Conflict]:
    """Return statements that independent articles quote in different words (not one trimmed from the other)."""
    found = []
    for statement in statements:
        wordings: dict[str, list[ConflictValue]] = {}
        for quote in statement.quotes:
            # Only direct quotes: a mixed quote's text holds the reporter's own words around the quoted ones.
            if quote.kind != "direct" or quote.article_id in context.copy_of:
                continue
            norm = FRAGMENT_MARK.join(normalise(part) for part in quote.text.split(" … "))
            wordings.setdefault(norm, []).append(context.value(
                quote.article_id, quote.text, norm, quote.start, quote.end, quote.sentence_index,
            ))
        distinct = _reworded(list(wordings))
        if len(distinct) < 2:
            continue
        values = [v for norm in distinct for v in wordings[norm]]
        if not any(
            _words_differ(a.value, b.value) and context.independent(a.article_id, b.article_id)
            and a.date and b.date and days_apart(a.date, b.date) <= QUOTE_DAYS
            for a in values for b in values
        ):
            continue
        speaker = statement.speaker_name or "unknown speaker"
        found.append(Conflict(
            id=_conflict_id("quote", "reworded", speaker, None, values),
            kind="quote", verdict="reworded", subject=speaker,
            reason=f"one statement by {speaker}, quoted in {len(distinct)} different wordings",
            values=sorted(values, key=lambda v: (v.date or "9999", v.article_id)),
        ))
    return found


def _reworded(wordings: list[str]) -> list[str]:
    """Return the wordings that are not contained in a longer one: a trimmed quote is not a rewording."""
    wordings = sorted(set(wordings), key=len, reverse=True)
    kept: list[str] = []
    for wording in wordings:
        bare = wording.replace(FRAGMENT_MARK, " ")
        if not any(bare in longer.replace(FRAGMENT_MARK, " ") for longer in kept):
            kept.append(wording)
    return kept


def _words_differ(a: str, b: str) -> bool:
    """Tell whether two wordings of one statement differ inside the quoted words, not only by trims and splits.

    A word swapped ("am" / "'m", "the weekend" / "a weekend") or dropped mid-quote ("BP's global
    portfolio" / "BP's portfolio") is a rewording; words missing at either end, or where the reporter
    broke the quote into fragments ("'It's a great sight,' he said, but 'it's far ...'"), are not.
    Spelling that only moves spaces ("tool kit" / "toolkit") is not either.
    """
    words_a, words_b = a.split(), b.split()
    if "".join(w for w in words_a if w != FRAGMENT_WORD) == "".join(w for w in words_b if w != FRAGMENT_WORD):
        return False
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, words_a, words_b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        left = [w for w in words_a[i1:i2] if w != FRAGMENT_WORD]
        right = [w for w in words_b[j1:j2] if w != FRAGMENT_WORD]
        if left and right:
            if "".join(left) != "".join(right) and not _spelling_variant(left, right):
                return True
        elif (left or right) and not (_at_edge(words_a, i1, i2) or _at_edge(words_b, j1, j2)):
            return True  # words dropped or added inside the quote, away from its ends and breaks
    return False


def _spelling_variant(left: list[str], right: list[str]) -> bool:
    """Tell whether two words are one word spelled two ways ("modeling" / "modelling", "toward" / "towards")."""
    if len(left) != 1 or len(right) != 1 or min(len(left[0]), len(right[0])) < 4:
        return False
    return SequenceMatcher(None, left[0], right[0]).ratio() >= SPELLING_RATIO


def _at_edge(words: list[str], start: int, end: int) -> bool:
    """Tell whether a gap at ``words[start:end]`` touches either end of the quote or a fragment break."""
    return start == 0 or end >= len(words) or FRAGMENT_WORD in words[max(start - 1, 0) : end + 1]


def _conflict_id(kind: str, verdict: str, subject: str, story: str | None, values: list[ConflictValue]) -> str:
    """Return a stable id from what the conflict is about and where its values are."""
    where = ",".join(sorted(f"{v.article_id}:{v.start}" for v in values))
    digest = hashlib.sha1(f"{kind}\x00{verdict}\x00{subject}\x00{story}\x00{where}".encode()).hexdigest()[:12]
    return f"conflict:{digest}"
