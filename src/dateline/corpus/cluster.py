"""Events: articles about the same happening, grouped as they arrive, dated from what the articles say.

Each article is compared with its candidates on three TF-IDF cosines (whole text, title and lead,
canonical entities) averaged 2:1:2. Candidates come from an inverted index of each article's heaviest
terms and its entities (capped posting lists, best few by shared weight), filtered by time: two
articles whose anchored event days (see ``cluster_time``) are more than ``WINDOW_DAYS`` apart are
never linked. Each article keeps its ``NEIGHBOURS`` most similar candidates, a sparse graph; an edge
counts only when it beats the corpus's mean similarity by ``BACKGROUND_MARGIN`` (in a corpus about one
story, sharing the story's names and words does not make two articles one event).

Similarity is read against each article's own neighbourhood: divided by the geometric mean of the two
articles' ``SCALE_RANK``-th neighbour similarities (never below ``SCALE_FLOOR``). Where many articles
cover one happening their mutual similarity is high and a look-alike happening (another earthquake,
another arrest on the same team) falls below it; where coverage is thin the floor makes it an
ordinary fixed threshold. Groups then merge by average link over the scaled graph
(``cluster_graph``) down to ``THRESHOLD``, never joining two groups whose anchored days disagree, and
an article left alone joins the group it is closest to on average when that reaches ``ATTACH``.
Copies (``copy_of``) are left out of the graph and join their original's event.

Incremental: ``EventIndex.add`` links new articles to the index and re-clusters only the events they
touch; a batch into an empty index gives the same events in any input order. ``EventIndex.update``
also takes articles out (or replaces them): their events are ungrouped and clustered again with the
added articles; the articles that had a removed one as a neighbour keep the rest of their neighbours.
The index is kept between runs (``to_data``/``from_data``, held in the store by ``cluster_state``), so
an ingest of a few articles into a large corpus re-clusters only what they touch; an event's label is
worded when the event forms and kept while its members stay. Events grown over several ingests may
differ slightly from one batch over the same articles (order effects; see the README). Cost: per article one
posting-list scan (``QUERY_TERMS`` keys x at most ``POSTING_CAP`` ids) and at most ``CANDIDATES``
similarity computations; the graph has at most ``NEIGHBOURS`` edges per article and average link
runs in O(E log E). Measured: about 7 ms per article from 1,000 to 4,000 articles; no pass compares
all pairs.
"""

from __future__ import annotations

import hashlib
import heapq
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from dateline.corpus.cluster_graph import average_link
from dateline.corpus.cluster_label import LABEL_ENTITIES, entity_weights, key_entities, make_label
from dateline.corpus.cluster_text import DocumentFrequencies, SparseVector, cosine, terms, tfidf, top_terms
from dateline.corpus.cluster_time import WINDOW_DAYS, EventDay, days_apart, event_day, iso_day
from dateline.model import ArticleAnalysis, Event, Mention

BODY_WEIGHT, LEAD_WEIGHT, ENTITY_WEIGHT = 2.0, 1.0, 2.0
EMBEDDING_WEIGHT = 0.5
"""Weight of the optional sentence-embedding cosine (``embeddings.py``), used only when every article has one.
On ECB+ it costs precision (BCubed F1 0.932 at 0.5, 0.913 at 2.0, against 0.941 without): the model places
look-alike events (two earthquakes) close together, which is what the TF-IDF and entity channels keep apart."""
LEAD_WORDS = 50
"""The title and this many first words: where a report says what happened, to whom, where."""
NEIGHBOURS = 30
SCALE_RANK = 5
SCALE_FLOOR = 0.2
THRESHOLD = 0.65
ATTACH = 0.4
"""An article left alone joins the event it is closest to on average from here (about 2/3 of THRESHOLD):
a lone report is more often a thin report of a covered happening than a happening of its own."""
MIN_EDGE = 0.05
BACKGROUND_MARGIN = 1.2
"""An edge counts only when it beats the corpus's mean similarity by this factor: in a corpus about one
story every article shares the story's words and names, and that alone must not make an event."""
BACKGROUND_SAMPLE = 500
INDEX_TERMS = 40
QUERY_TERMS = 25
POSTING_CAP = 2000
CANDIDATES = 150


@dataclass
class EventInput:
    """What event clustering needs of an article (from its clean text and its per-article analysis)."""

    article_id: str
    text: str
    title: str | None = None
    date: str | None = None
    """Publication date (ISO), when known."""
    event_day: str | None = None
    """The day the article reports (ISO); see ``cluster_time.event_day``."""
    entity_keys: list[str] = field(default_factory=list)
    """Canonical entity ids of its mentions (normalised names when unlinked), repeated per mention."""
    copy_of: str | None = None
    """The original, when the article is a copy of another (see ``dedup``)."""
    event_day_source: str | None = None
    """The time expression that gave ``event_day``; None when it is the publication date."""
    entity_names: dict[str, str] = field(default_factory=dict)
    """Display names of entity keys, for labels."""


@dataclass
class _Article:
    """An article as the index holds it: bags of terms, its day and its nearest neighbours."""

    item: EventInput
    order: int
    body: Counter[str]
    lead: Counter[str]
    entities: Counter[str]
    neighbours: dict[str, float] = field(default_factory=dict)

    @property
    def day(self) -> str | None:
        """Return the day it reports, else its publication day."""
        return iso_day(self.item.event_day) or iso_day(self.item.date)

    @property
    def anchored_day(self) -> str | None:
        """Return its day when it rests on a publication date (trusted to keep events apart)."""
        return self.day if iso_day(self.item.date) else None


class EventIndex:
    """Events built incrementally: add batches of articles, read the events at any time."""

    def __init__(self, embeddings: Mapping[str, Sequence[float]] | None = None) -> None:
        self._embeddings = dict(embeddings or {})
        self._articles: dict[str, _Article] = {}
        self._body_df = DocumentFrequencies()
        self._lead_df = DocumentFrequencies()
        self._entity_df = DocumentFrequencies()
        self._postings: dict[str, list[str]] = {}
        self._vectors: dict[str, tuple[SparseVector, SparseVector, SparseVector]] = {}
        self._event_of: dict[str, int] = {}
        self._members: dict[int, list[str]] = {}
        self._labels: dict[int, str] = {}
        """Each event's label, worded once while its members stay the same (see ``events``)."""
        self._next_event = 0
        self._next_order = 0

    def __len__(self) -> int:
        return len(self._articles)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._articles

    def add(self, items: Iterable[EventInput]) -> None:
        """Add a batch of articles and re-cluster the events they touch."""
        self.update(items, ())

    def update(self, items: Iterable[EventInput], removed: Iterable[str]) -> None:
        """Take ``removed`` articles out, add ``items`` (an id already held is replaced), re-cluster what moved.

        Replacing is removing then adding: the removed articles' events lose their grouping and are
        clustered again together with the added articles and the events these link to. Articles that
        had a removed one among their neighbours keep their other neighbours (a batch would have found
        them a replacement), so the result may differ slightly from a batch over the same articles.
        """
        items = list(items)
        left = self._remove({*removed, *(i.article_id for i in items)})
        new = [self._register(item) for item in items if item.article_id not in self._articles]
        if not new and not left:
            return
        self._vectors.clear()  # document frequencies changed: weights are recomputed on demand
        linked = [a for a in new if not self._is_copy(a)]
        for article in linked:
            self._index(article)
        for article in linked:
            self._link(article)
        self._recluster(new, left)

    def event_numbers(self) -> dict[str, int]:
        """Map each event's id to its number, which changes whenever an article joins, leaves or is replaced."""
        return {f"event:{min(ids, key=self._order)}": number for number, ids in self._members.items()}

    def inputs(self) -> list[EventInput]:
        """Return the input of every article held, in the order they were added."""
        return [a.item for a in sorted(self._articles.values(), key=lambda a: a.order)]

    def word_bags(self) -> dict[str, Counter[str]]:
        """Return each article's bag of title and body terms (what ``stories`` profiles events with)."""
        return {article_id: a.body for article_id, a in self._articles.items()}

    def to_data(self) -> dict[str, Any]:
        """Return the index as plain JSON-ready data (without article texts, which the store holds)."""
        if self._embeddings:
            raise ValueError("an index with embeddings is not kept between runs")
        articles = [
            [
                a.item.article_id, a.item.title, a.item.date, a.item.event_day, a.item.event_day_source,
                a.item.copy_of, a.order, a.body, a.lead, a.entities, a.neighbours,
            ]
            for a in self._articles.values()
        ]
        return {
            "articles": articles,
            "postings": self._postings,
            "events": list(self._members.values()),
            "numbers": list(self._members),
            "labels": [self._labels.get(n) for n in self._members],
            "next_order": self._next_order,
            "next_event": self._next_event,
        }

    @classmethod
    def from_data(cls, data: Mapping[str, Any], entity_names: dict[str, str] | None = None) -> EventIndex:
        """Rebuild an index kept by ``to_data``; raise ValueError when the data does not hold together."""
        index = cls()
        names = entity_names or {}
        for article_id, title, date, day, day_source, copy_of, order, body, lead, entities, neighbours in data[
            "articles"
        ]:
            entity_counts = Counter({str(k): int(v) for k, v in entities.items()})
            item = EventInput(
                str(article_id), "", title, date, day, list(entity_counts.elements()), copy_of, day_source, names
            )
            article = _Article(item, int(order), Counter(body), Counter(lead), entity_counts, dict(neighbours))
            index._articles[item.article_id] = article
            index._body_df.add(article.body)
            index._lead_df.add(article.lead)
            index._entity_df.add(article.entities)
        index._postings = {str(k): [str(i) for i in v] for k, v in data["postings"].items()}
        for number, members, label in zip(data["numbers"], data["events"], data["labels"], strict=True):
            if label is not None:
                index._labels[int(number)] = str(label)
            index._members[int(number)] = [str(i) for i in members]
            index._event_of.update(dict.fromkeys(members, int(number)))
        index._next_order = int(data["next_order"])
        index._next_event = int(data["next_event"])
        if index._members and max(index._members) >= index._next_event:
            raise ValueError("kept event index is inconsistent: event numbers run past the counter")
        known = index._articles.keys()
        referenced = {o for a in index._articles.values() for o in a.neighbours}
        referenced.update(i for posting in index._postings.values() for i in posting)
        if index._event_of.keys() != known or not referenced <= known:
            raise ValueError("kept event index is inconsistent: articles, events and links disagree")
        if sum(len(m) for m in index._members.values()) != len(known):
            raise ValueError("kept event index is inconsistent: an article is in two events")
        return index

    def _remove(self, article_ids: set[str]) -> set[str]:
        """Take articles out of the index; return the other members of their events, now ungrouped."""
        gone = article_ids & self._articles.keys()
        if not gone:
            return set()
        left: set[str] = set()
        for article_id in gone:
            event = self._event_of.get(article_id)
            if event is not None and event in self._members:
                left.update(self._members.pop(event))
                self._labels.pop(event, None)
        for article_id in left:
            self._event_of.pop(article_id, None)
        for article_id in gone:
            article = self._articles.pop(article_id)
            self._body_df.remove(article.body)
            self._lead_df.remove(article.lead)
            self._entity_df.remove(article.entities)
        # Neighbour offers are not always mutual (each side keeps its own best), so every list is checked.
        for article in self._articles.values():
            for other in gone.intersection(article.neighbours):
                del article.neighbours[other]
        for key, posting in list(self._postings.items()):
            if any(i in gone for i in posting):
                kept = [i for i in posting if i not in gone]
                if kept:
                    self._postings[key] = kept
                else:
                    del self._postings[key]
        self._vectors.clear()
        return left - gone

    def events(self) -> list[Event]:
        """Return the events, earliest first, each dated and labelled from its articles.

        A label is worded when its event is formed and kept while no article joins or leaves it: words
        and names weigh a little differently as the corpus grows, but re-wording every event on every
        ingest would make reading the events grow with the corpus.
        """
        found = [self._event(number, sorted(ids, key=self._order)) for number, ids in self._members.items()]
        return sorted(found, key=lambda e: (e.date is None, e.date or "", self._order(e.article_ids[0])))

    def _register(self, item: EventInput) -> _Article:
        """Store a new article with its bags of terms, and count them in the document frequencies."""
        lead_text = " ".join([item.title or "", *item.text.split()[:LEAD_WORDS]])
        body_text = f"{item.title or ''}\n{item.text}"
        article = _Article(
            item, self._next_order, Counter(terms(body_text)), Counter(terms(lead_text)),
            Counter(item.entity_keys),
        )
        self._next_order += 1
        self._articles[item.article_id] = article
        self._body_df.add(article.body)
        self._lead_df.add(article.lead)
        self._entity_df.add(article.entities)
        return article

    def _is_copy(self, article: _Article) -> bool:
        """Tell whether an article is a copy of another article of the index."""
        original = article.item.copy_of
        return original is not None and original != article.item.article_id and original in self._articles

    def _vector(self, article_id: str) -> tuple[SparseVector, SparseVector, SparseVector]:
        """Return an article's body, lead and entity vectors under the current document frequencies."""
        if article_id not in self._vectors:
            a = self._articles[article_id]
            self._vectors[article_id] = (
                tfidf(a.body, self._body_df),
                tfidf(a.lead, self._lead_df),
                tfidf(a.entities, self._entity_df),
            )
        return self._vectors[article_id]

    def _similarity(self, a: str, b: str) -> float:
        """Return the weighted mean of the body, lead and entity cosines of two articles."""
        va, vb = self._vector(a), self._vector(b)
        total = BODY_WEIGHT * cosine(va[0], vb[0]) + LEAD_WEIGHT * cosine(va[1], vb[1])
        total += ENTITY_WEIGHT * cosine(va[2], vb[2])
        if self._embeddings:
            total += EMBEDDING_WEIGHT * _dot(self._embeddings[a], self._embeddings[b])
        return total / self._total_weight()

    def _total_weight(self) -> float:
        """Return the sum of the channel weights in use."""
        return BODY_WEIGHT + LEAD_WEIGHT + ENTITY_WEIGHT + (EMBEDDING_WEIGHT if self._embeddings else 0.0)

    def _keys(self, article_id: str, k: int) -> dict[str, float]:
        """Return an article's index keys with their weights: its heaviest terms and its entities."""
        body, _, entities = self._vector(article_id)
        keys = {f"t:{t}": body[t] for t in top_terms(body, k)}
        keys.update((f"e:{e}", w) for e, w in entities.items())
        return keys

    def _index(self, article: _Article) -> None:
        """Put an article in the posting lists of its keys (each list keeps the latest articles)."""
        for key in self._keys(article.item.article_id, INDEX_TERMS):
            posting = self._postings.setdefault(key, [])
            posting.append(article.item.article_id)
            if len(posting) > POSTING_CAP:
                del posting[: len(posting) - POSTING_CAP]

    def _candidates(self, article: _Article) -> list[str]:
        """Return the articles sharing the most key weight with this one, inside its time window."""
        shared: dict[str, float] = {}
        for key, weight in self._keys(article.item.article_id, QUERY_TERMS).items():
            for other in self._postings.get(key, ()):
                shared[other] = shared.get(other, 0.0) + weight
        shared.pop(article.item.article_id, None)
        best = heapq.nlargest(CANDIDATES, shared.items(), key=lambda item: item[1])
        return [o for o, _ in best if self._within_window(article, self._articles[o])]

    def _within_window(self, a: _Article, b: _Article) -> bool:
        """Tell whether two articles may report the same happening as far as their days go."""
        day_a, day_b = a.anchored_day, b.anchored_day
        return day_a is None or day_b is None or days_apart(day_a, day_b) <= WINDOW_DAYS

    def _link(self, article: _Article) -> None:
        """Give an article its nearest neighbours, and offer it as a neighbour to them."""
        for other_id in self._candidates(article):
            similarity = self._similarity(article.item.article_id, other_id)
            if similarity >= MIN_EDGE:
                _offer(article.neighbours, other_id, similarity)
                _offer(self._articles[other_id].neighbours, article.item.article_id, similarity)

    def _recluster(self, new: list[_Article], ungrouped: Iterable[str] = ()) -> None:
        """Cluster again the new and the ungrouped articles together with every event a new one links to."""
        region = {a.item.article_id for a in new} | set(ungrouped)
        for article in new:
            for other in article.neighbours:
                event = self._event_of.get(other)
                region.update(self._members[event] if event is not None else [other])
        for article_id in region:
            event = self._event_of.pop(article_id, None)
            if event is not None:
                self._members.pop(event, None)
                self._labels.pop(event, None)
        ordered = sorted(region, key=self._order)
        graph = [i for i in ordered if not self._is_copy(self._articles[i])]
        edges = self._scaled_edges(graph)
        groups = average_link([[i] for i in graph], edges, THRESHOLD, self._can_merge)
        for group in self._attach_loners(groups, edges):
            self._members[self._next_event] = list(group)
            self._event_of.update(dict.fromkeys(group, self._next_event))
            self._next_event += 1
        for article_id in ordered:
            if article_id not in self._event_of:
                original = self._original(article_id)
                event = self._event_of[original]
                self._members[event].append(article_id)
                self._event_of[article_id] = event
                self._labels.pop(event, None)

    def _attach_loners(
        self, groups: list[list[str]], edges: dict[tuple[str, str], float]
    ) -> list[list[str]]:
        """Move each article left alone into the group it is closest to on average, if close enough."""
        group_of = {article_id: g for g, members in enumerate(groups) for article_id in members}
        linked: dict[str, list[tuple[str, float]]] = {}
        for (a, b), weight in edges.items():
            linked.setdefault(a, []).append((b, weight))
            linked.setdefault(b, []).append((a, weight))
        for g, members in enumerate(groups):
            if len(members) != 1:
                continue
            totals: dict[int, float] = {}
            for other, weight in linked.get(members[0], []):
                totals[group_of[other]] = totals.get(group_of[other], 0.0) + weight
            means = {h: t / len(groups[h]) for h, t in totals.items() if h != g and len(groups[h]) > 1}
            best = max(means, key=lambda h: (means[h], -h), default=None)
            if best is not None and means[best] >= ATTACH and self._can_merge(groups[best], members):
                groups[best].append(members[0])
                group_of[members[0]] = best
                members.clear()
        return [members for members in groups if members]

    def _scaled_edges(self, ids: list[str]) -> dict[tuple[str, str], float]:
        """Return the graph's edges among ``ids``, refreshed, each divided by its ends' local scale."""
        inside = set(ids)
        least = BACKGROUND_MARGIN * self._background()
        for article_id in ids:
            neighbours = self._articles[article_id].neighbours
            for other in neighbours:
                neighbours[other] = self._similarity(article_id, other)
        scale = {i: self._scale(i) for i in ids}
        edges: dict[tuple[str, str], float] = {}
        for a in ids:
            for b, similarity in self._articles[a].neighbours.items():
                if b in inside and similarity >= least and (b, a) not in edges:
                    edges[(a, b)] = similarity / math.sqrt(scale[a] * scale[b])
        return edges

    def _background(self) -> float:
        """Return the mean similarity of two articles of the corpus (over a stable sample of it)."""
        sample = sorted(
            (i for i, a in self._articles.items() if not self._is_copy(a)), key=_stable_hash
        )[:BACKGROUND_SAMPLE]
        n = len(sample)
        if n < 2:
            return 0.0
        total = 0.0
        for channel, weight in enumerate((BODY_WEIGHT, LEAD_WEIGHT, ENTITY_WEIGHT)):
            summed: dict[str, float] = {}
            for article_id in sample:
                for term, value in self._vector(article_id)[channel].items():
                    summed[term] = summed.get(term, 0.0) + value
            # |sum of unit vectors|² counts every pair twice plus each vector once with itself.
            total += weight * (sum(w * w for w in summed.values()) - n) / (n * (n - 1))
        if self._embeddings:
            dense = [sum(column) for column in zip(*(self._embeddings[i] for i in sample), strict=True)]
            total += EMBEDDING_WEIGHT * (sum(w * w for w in dense) - n) / (n * (n - 1))
        return total / self._total_weight()

    def _scale(self, article_id: str) -> float:
        """Return how similar an article's close neighbours are: its SCALE_RANK-th best, at least the floor."""
        neighbours = self._articles[article_id].neighbours
        # A copy's text is the original's own: it says nothing about how close other reports come.
        best = sorted((s for o, s in neighbours.items() if not self._is_copy(self._articles[o])), reverse=True)
        return max(best[SCALE_RANK - 1] if len(best) >= SCALE_RANK else 0.0, SCALE_FLOOR)

    def _can_merge(self, a: list[str], b: list[str]) -> bool:
        """Refuse to merge two groups whose most reported anchored days are too far apart."""
        day_a, day_b = self._group_day(a), self._group_day(b)
        return day_a is None or day_b is None or days_apart(day_a, day_b) <= WINDOW_DAYS

    def _group_day(self, ids: list[str]) -> str | None:
        """Return the anchored day most articles of a group report (earliest on a tie)."""
        counts = Counter(d for i in ids if (d := self._articles[i].anchored_day))
        return min(counts, key=lambda d: (-counts[d], d)) if counts else None

    def _original(self, article_id: str) -> str:
        """Follow copy links to the article a copy was made from."""
        seen = {article_id}
        while self._is_copy(self._articles[article_id]):
            article_id = str(self._articles[article_id].item.copy_of)
            if article_id in seen:
                break
            seen.add(article_id)
        return article_id

    def _order(self, article_id: str) -> int:
        """Return an article's ingest position."""
        return self._articles[article_id].order

    def _event(self, number: int, ids: list[str]) -> Event:
        """Build the Event record of a group: its date with evidence, label and independent reports."""
        articles = [self._articles[i] for i in ids]
        reports = [a for a in articles if not self._is_copy(a)]
        day, source = event_date(reports)
        if number not in self._labels:
            self._labels[number] = self._label(reports)
        return Event(
            id=f"event:{ids[0]}",
            article_ids=[a.item.article_id for a in sorted(articles, key=_by_day)],
            date=day,
            date_source=source,
            label=self._labels[number],
            independent_reports=len(reports),
        )

    def _label(self, reports: list[_Article]) -> str:
        """Label a group by its key entities and key terms."""
        weights: dict[str, float] = {}
        names: dict[str, str] = {}
        for article in reports:
            # Only the names of this group's own entities: every input may carry the whole corpus's names, and
            # reading all of them for each event made labelling grow with events x entities.
            known = article.item.entity_names
            names.update((key, known[key]) for key in article.entities if key in known)
            for term, weight in self._vector(article.item.article_id)[0].items():
                weights[term] = weights.get(term, 0.0) + weight
        keys = key_entities(entity_weights(a.entities for a in reports), self._entity_df, names, LABEL_ENTITIES)
        return make_label(keys, weights, names)


def event_date(reports: list[_Article]) -> tuple[str | None, str]:
    """Return the day most reports give for their happening, and the evidence for it."""
    days: dict[str, list[_Article]] = {}
    for article in reports:
        if article.day:
            days.setdefault(article.day, []).append(article)
    if not days:
        return None, "no date in the articles"
    best = min(days, key=lambda d: (-len(days[d]), not any(a.item.event_day_source for a in days[d]), d))
    return best, describe_evidence(days[best])


def describe_evidence(articles: list[_Article]) -> str:
    """Say what dated the event: which expressions in how many articles, resolved against what."""
    said: Counter[str] = Counter()
    anchors: set[str] = set()
    published = 0
    for article in articles:
        expression = article.item.event_day_source
        if expression:
            said[expression] += 1
            if article.item.date:
                anchors.add(str(iso_day(article.item.date)))
        else:
            published += 1
    parts = [f"'{e}' in {n} article{'s' if n > 1 else ''}" for e, n in said.most_common()]
    text = ", ".join(parts)
    if anchors:
        text += f", resolved against {', '.join(sorted(anchors))}"
    if published:
        text += ("; " if text else "") + f"publication date of {published} article{'s' if published > 1 else ''}"
    return text


def cluster_events(items: list[EventInput], embeddings: Mapping[str, Sequence[float]] | None = None) -> list[Event]:
    """Group articles into events (one batch into an empty index); ``embeddings`` (one per article) add a channel."""
    if embeddings and any(item.article_id not in embeddings for item in items):
        raise ValueError("embeddings must cover every article, or be left out")
    index = EventIndex(embeddings)
    index.add(items)
    return index.events()


def estimate_dates(events: list[Event], items: list[EventInput]) -> dict[str, tuple[str, str]]:
    """Estimate a date for each undated article from its original or its event's dated reports."""
    by_id = {item.article_id: item for item in items}
    estimates: dict[str, tuple[str, str]] = {}
    for event in events:
        dated = sorted(
            (d, i) for i in event.article_ids if (d := iso_day(by_id[i].date)) and not by_id[i].copy_of
        )
        for article_id in event.article_ids:
            item = by_id[article_id]
            if iso_day(item.date):
                continue
            original = by_id.get(item.copy_of or "")
            if original is not None and iso_day(original.date):
                estimates[article_id] = (
                    str(iso_day(original.date)),
                    f"copy of {original.article_id}, published {iso_day(original.date)}",
                )
            elif dated:
                day, source = dated[(len(dated) - 1) // 2]
                estimates[article_id] = (
                    day,
                    f"reports event {event.label or event.id} ({event.date}, {event.date_source}); "
                    f"{len(dated)} dated report{'s' if len(dated) > 1 else ''}, median publication {day} ({source})",
                )
            elif event.date:
                estimates[article_id] = (event.date, f"event day stated in the text: {event.date_source}")
    return estimates


def make_input(
    article_id: str,
    text: str,
    title: str | None,
    published: str | None,
    analysis: ArticleAnalysis,
    copy_of: str | None = None,
    entity_names: dict[str, str] | None = None,
) -> EventInput:
    """Build an article's EventInput from its clean text, publication date and analysis (mentions linked)."""
    day: EventDay | None = event_day(analysis, published)
    return EventInput(
        article_id=article_id,
        text=text,
        title=title,
        date=iso_day(published),
        event_day=day.day if day else None,
        entity_keys=entity_keys(analysis.mentions),
        copy_of=copy_of,
        event_day_source=day.expression if day else None,
        entity_names=entity_names or {},
    )


def entity_keys(mentions: list[Mention]) -> list[str]:
    """Return the entity key of each mention: its canonical id, else its normalised name."""
    return [k for m in mentions if (k := entity_key(m.entity_id, m.kind, m.name))]


def entity_key(entity_id: str | None, kind: str, name: str) -> str | None:
    """Return a mention's entity key: its canonical id, else its normalised name (None for an unlinked role)."""
    if entity_id:
        return entity_id
    if kind == "name" and name:
        return "name:" + " ".join(name.lower().split())
    return None


def _offer(neighbours: dict[str, float], other: str, similarity: float) -> None:
    """Keep ``other`` among the NEIGHBOURS most similar, dropping the least similar if full."""
    neighbours[other] = similarity
    if len(neighbours) > NEIGHBOURS:
        del neighbours[min(neighbours, key=lambda k: (neighbours[k], k))]


def _dot(a: Sequence[float], b: Sequence[float]) -> float:
    """Return the dot product of two dense vectors (the cosine, for unit vectors)."""
    return sum(x * y for x, y in zip(a, b, strict=True))


def _stable_hash(article_id: str) -> bytes:
    """Return a hash of an id that is the same in every process (for a stable sample)."""
    return hashlib.blake2b(article_id.encode("utf-8"), digest_size=8).digest()


def _by_day(article: _Article) -> tuple[bool, str, int]:
    """Sort key: articles by the day they report, then ingest order."""
    return (article.day is None, article.day or "", article.order)
