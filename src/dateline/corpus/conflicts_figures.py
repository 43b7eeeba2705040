"""Figure conflicts: figures grouped by what they measure, and each group's values classed as a careful reader would.

Figures are grouped by the same story (or event), kind, unit and referent key
(``figures_referent.referent_key``: "package of support" and "foreign aid package" are both "aid
package"). Within a group, values are **rounding** when one rounds or hedges the other ("$60 billion" /
"$61-billion": 61 rounds to 60 at the precision 60 is written in, 1.7 % apart; "about $50 million" /
"$48 million"), given by two independent articles about one event; a **conflict** when precise values
more than 10 % apart cannot both be right: independent articles, one event, published at most two days
apart, in sentences that share their content words and name no different days, neither saying the
figure rose or was revised (an evacuation of "about 1,200" and of "some 3,400" residents); a **different
referent** for look-alikes that one article itself keeps apart ("$1.4 billion short-term military
assistance" beside "$6 billion longer-term aid"); **updated** for values of one group that differ but
were not given for one happening at one time (a toll rising over days). Cost: linear in the number of
figures (grouping by key); only values inside one group are compared, pairwise within the group.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from decimal import Decimal

from dateline.analyze.figures_referent import referent_key
from dateline.corpus.cluster_records import Clustering
from dateline.corpus.cluster_time import days_apart
from dateline.corpus.conflicts_context import Context, FigureItem, conflict_id, same_happening
from dateline.corpus.coverage import Source
from dateline.model import ArticleAnalysis, Conflict, Figure

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
RETOLD_SHARE = 0.7
MIN_COUNT = 10
"""Counts below this ("two piers", "one pier") are too often different things to call a clash."""
BARE_FOUR_DIGITS_RE = re.compile(r"\d{4}")


def figure_conflicts(context: Context) -> list[Conflict]:
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
    context = Context.of(list(sources), analyses, clustering, None)
    return sum(
        len({context.copy_of.get(i.figure.article_id, i.figure.article_id) for i in items}) > 1
        for items in _group_figures(context).values()
    )


def _group_figures(context: Context) -> dict[tuple[str, str, str, str], list[FigureItem]]:
    """Return the figures comparable across articles, by (story, kind, unit, referent key)."""
    groups: dict[tuple[str, str, str, str], list[FigureItem]] = {}
    weak: list[FigureItem] = []
    for article_id, analysis in context.analyses.items():
        for figure in analysis.figures:
            if figure.kind not in COMPARED_KINDS or (figure.value is None and figure.low is None):
                continue
            if BARE_FOUR_DIGITS_RE.fullmatch(figure.text.strip()):
                continue  # "2313 US Secretary of State ...": a live page's clock, or a year, not a count
            key = referent_key(figure.referent or "")
            item = FigureItem(figure, key, context.event_of.get(article_id), context.story_of.get(article_id),
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


def _attach_by_value(groups: dict[tuple[str, str, str, str], list[FigureItem]], weak: list[FigureItem]) -> None:
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


def _class_figures(context: Context, kind: str, unit: str, key: str, items: list[FigureItem]) -> Conflict | None:
    """Class one group of figures: None when its values agree or fewer than two witnesses give it."""
    witnesses = {context.copy_of.get(i.figure.article_id, i.figure.article_id) for i in items}
    if len(witnesses) < 2:
        return None
    items = sorted(items, key=lambda i: (_centre(i.figure), i.figure.article_id, i.figure.start))
    classes: list[list[FigureItem]] = []
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
        return build_figure_conflict(context, "figure", "different referent", key, unit, reason, items, spread)
    if len(classes) == 1:
        if len({(i.figure.value, i.figure.low, i.figure.high) for i in items}) == 1 or spread > HEDGED_SHARE:
            # Same value hedged differently ("about 160,000", "160,000"), or only bounds that allow each
            # other ("at least one" aftershock, "two" aftershocks): nothing a reader needs to see.
            return None
        if not _rounded_at_one_time(context, items):
            return None  # close values weeks apart are two measures ("9.6%" one Friday, "more than 10%" the next)
        reason = f"values {_percent(spread)} apart: one rounds or hedges the other"
        return build_figure_conflict(context, "figure", "rounding", key, unit, reason, items, spread)
    clash = _clash(context, classes)
    if clash is not None and _spread(*(_centre(f) for f in clash)) <= HEDGED_SHARE:
        reason = "close values given at about the same time: most likely counts of different moments"
        return build_figure_conflict(context, "figure", "updated", key, unit, reason, items, spread)
    if clash is None:
        reason = "not the same happening at the same time: the figure may have changed, or measure another thing"
        return build_figure_conflict(context, "figure", "updated", key, unit, reason, items, spread)
    low, high = sorted(clash, key=_centre)
    reason = (
        f"{_number(_centre(high))} is {_centre(high) / _centre(low):.1f} times {_number(_centre(low))}"
        if _centre(low) > 0 else f"{_number(_centre(low))} against {_number(_centre(high))}"
    )
    return build_figure_conflict(context, "figure", "conflict", key, unit, reason, items, spread)


def _rounded_at_one_time(context: Context, items: list[FigureItem]) -> bool:
    """Tell whether two independent articles give different values of a group about one event at one time."""
    for a in items:
        for b in items:
            ids = a.figure.article_id, b.figure.article_id
            if _centre(a.figure) != _centre(b.figure) and context.independent(*ids) and _one_time(context, a, b):
                return True
    return False


def _one_time(context: Context, a: FigureItem, b: FigureItem) -> bool:
    """Tell whether two figures come from one event, published days apart at most."""
    if a.event_id is None or a.event_id != b.event_id:
        return False
    ids = a.figure.article_id, b.figure.article_id
    day_a, day_b = (context.sources[x].date if x in context.sources else None for x in ids)
    return not (day_a and day_b and days_apart(day_a, day_b) > SAME_TIME_DAYS)


def _clash(context: Context, classes: list[list[FigureItem]]) -> tuple[Figure, Figure] | None:
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


def _classes_in_event(classes: list[list[FigureItem]], event_id: str | None) -> int:
    """Count the value classes one event's articles give: more than two means the key gathers several measures."""
    return sum(any(i.event_id == event_id and _precise(i.figure) for i in members) for members in classes)


def _precise(figure: Figure) -> bool:
    """Tell whether a figure states one value (hedged or not), not a bound, a range or an order of magnitude."""
    return (
        figure.value is not None and figure.low is None and figure.high is None
        and (figure.approx or "") not in AT_LEAST | AT_MOST
        and (figure.kind != "count" or figure.value >= MIN_COUNT)
    )


def _clashes(context: Context, a: FigureItem, b: FigureItem) -> bool:
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
    return same_happening(words_a, words_b)


def _retold(a: set[str], b: set[str]) -> bool:
    """Tell whether two sentences are one sentence retold with another number (most of their words shared)."""
    return bool(a and b) and len(a & b) >= RETOLD_SHARE * min(len(a), len(b))


def _look_alikes(context: Context, groups: dict[tuple[str, str, str, str], list[FigureItem]]) -> list[Conflict]:
    """Return figures one article keeps apart although they look alike: same kind, unit and head, other modifier.

    These are never conflicts; they are listed so that a reader comparing them sees why they differ.
    """
    found = []
    heads: dict[tuple[str, str, str, str], list[tuple[str, FigureItem]]] = {}
    for (scope, kind, unit, key), items in groups.items():
        for item in items:
            heads.setdefault((scope, kind, unit, key.split()[-1]), []).append((key, item))
    for (_, _kind, unit, head), keyed in sorted(heads.items(), key=lambda kv: kv[0]):
        by_article: dict[str, dict[str, FigureItem]] = {}
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
            found.append(build_figure_conflict(
                context, "figure", "different referent", head, unit, reason, items,
                _spread(min(numbers), max(numbers)),
            ))
    return found


def build_figure_conflict(
    context: Context, kind: str, verdict: str, key: str, unit: str, reason: str, items: list[FigureItem],
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
        id=conflict_id(kind, verdict, subject, story, values),
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
