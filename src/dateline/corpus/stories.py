"""Stories: events that belong to one thread over weeks or months, linked and labelled.

Each event becomes two profiles summed over its independent reports: the entities it names and the
words it uses, each weighed by TF-IDF with events as the documents (a name every event of the corpus
shares says less). Two events are linked by the mean of their entity and word cosines, whatever the
time between them; events then merge into stories by average link (``cluster_graph``) down to
``STORY_THRESHOLD``. Candidates come from an inverted index of each event's key names and words,
so the cost is near-linear in the number of events, never all pairs.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from dateline.corpus.cluster import EventInput
from dateline.corpus.cluster_graph import average_link
from dateline.corpus.cluster_label import entity_weights, key_entities, make_label
from dateline.corpus.cluster_text import DocumentFrequencies, SparseVector, cosine, terms, tfidf, top_terms
from dateline.model import Event, Story

STORY_THRESHOLD = 0.15
"""Mean of entity and word cosines between events: a shared cast and vocabulary, not one shared name."""
STORY_ENTITIES = 3
STORY_KEYS_INDEXED = 15
"""Per event, this many heaviest names and this many heaviest words go in the candidate index."""
STORY_CANDIDATES = 50
POSTING_CAP = 300
"""Each index key keeps the latest events only: a running story is found through its recent events."""


def link_stories(
    events: list[Event],
    items: list[EventInput],
    word_bags: Mapping[str, Counter[str]] | None = None,
    known: KnownLinks | None = None,
) -> list[Story]:
    """Link events into stories; set each event's ``story_id`` and return the stories, earliest first.

    ``word_bags`` gives each article's terms of title and text when they are already counted (the event
    index keeps them), so that items read back from the store without their text need no re-reading.
    ``known`` carries the similarities of event pairs from the previous linking (see ``KnownLinks``).
    """
    by_id = {item.article_id: item for item in items}
    bags = word_bags if word_bags is not None else {i.article_id: Counter(_words(i)) for i in items}
    profiles = [_profile(event, by_id, bags) for event in events]
    entity_df, word_df = DocumentFrequencies(), DocumentFrequencies()
    for entities, words in profiles:
        entity_df.add(entities)
        word_df.add(words)
    vectors = [(tfidf(e, entity_df), tfidf(w, word_df)) for e, w in profiles]
    pairs = _candidate_pairs(vectors)
    if known is None:
        edges = {(a, b): similarity for a, b in pairs if (similarity := _similarity(vectors[a], vectors[b])) > 0}
    else:
        numbers = [known.numbers[e.id] for e in events]
        edges = known.edges(pairs, numbers, lambda a, b: _similarity(vectors[a], vectors[b]))
    groups = average_link([[i] for i in range(len(events))], edges, STORY_THRESHOLD)
    article_df = DocumentFrequencies()
    for item in items:
        article_df.add(item.entity_keys)
    stories = [_story([events[i] for i in group], by_id, article_df, bags) for group in groups]
    return sorted(stories, key=lambda s: (s.first_date is None, s.first_date or "", s.id))


def _words(item: EventInput) -> list[str]:
    """Return the terms of an article's title and text."""
    return terms(f"{item.title or ''}\n{item.text}")


@dataclass
class KnownLinks:
    """Event-pair similarities kept from one linking to the next, by the pairs' event numbers.

    An event keeps its number (``EventIndex.event_numbers``) while no article joins, leaves or changes,
    so the similarity of two such events is taken as it was computed, under the document frequencies of
    that time (the weights drift a little as events are added), and only pairs with a new or changed
    event are computed: what keeps story linking from growing with the corpus on each ingest.
    """

    numbers: Mapping[str, int]
    """Event id -> event number, for the events being linked."""
    similarities: dict[tuple[int, int], float] = field(default_factory=dict)

    def edges(
        self, pairs: set[tuple[int, int]], numbers: list[int], measure: Callable[[int, int], float]
    ) -> dict[tuple[int, int], float]:
        """Return the positive similarities of ``pairs``, measuring only unknown ones; keep just these pairs."""
        kept: dict[tuple[int, int], float] = {}
        edges: dict[tuple[int, int], float] = {}
        for a, b in pairs:
            key = (min(numbers[a], numbers[b]), max(numbers[a], numbers[b]))
            similarity = self.similarities.get(key)
            if similarity is None:
                similarity = measure(a, b)
            kept[key] = similarity
            if similarity > 0:
                edges[(a, b)] = similarity
        self.similarities = kept
        return edges


def _profile(
    event: Event, by_id: dict[str, EventInput], bags: Mapping[str, Counter[str]]
) -> tuple[Counter[str], Counter[str]]:
    """Sum the entity keys and words of an event's independent reports."""
    entities: Counter[str] = Counter()
    words: Counter[str] = Counter()
    for item in _reports(event, by_id):
        entities.update(item.entity_keys)
        words.update(bags[item.article_id])
    return entities, words


def _reports(event: Event, by_id: dict[str, EventInput]) -> list[EventInput]:
    """Return an event's articles that are not copies (all of them if every one is)."""
    items = [by_id[i] for i in event.article_ids if i in by_id]
    reports = [i for i in items if not i.copy_of]
    return reports or items


def _similarity(a: tuple[SparseVector, SparseVector], b: tuple[SparseVector, SparseVector]) -> float:
    """Return the mean of two events' entity and word cosines."""
    return (cosine(a[0], b[0]) + cosine(a[1], b[1])) / 2


def _candidate_pairs(vectors: list[tuple[SparseVector, SparseVector]]) -> set[tuple[int, int]]:
    """Return, for every event, the events sharing the most weight of its key names and words."""
    postings: dict[str, list[int]] = {}
    keys_of: list[dict[str, float]] = []
    for index, (entities, words) in enumerate(vectors):
        keys = {f"e:{e}": entities[e] for e in top_terms(entities, STORY_KEYS_INDEXED)}
        keys.update((f"t:{t}", words[t]) for t in top_terms(words, STORY_KEYS_INDEXED))
        keys_of.append(keys)
        for key in keys:
            posting = postings.setdefault(key, [])
            posting.append(index)
            if len(posting) > POSTING_CAP:
                del posting[0]
    pairs: set[tuple[int, int]] = set()
    for a, keys in enumerate(keys_of):
        shared: dict[int, float] = {}
        for key, weight in keys.items():
            for b in postings[key]:
                shared[b] = shared.get(b, 0.0) + weight
        shared.pop(a, None)
        best = heapq.nlargest(STORY_CANDIDATES, shared.items(), key=lambda item: item[1])
        pairs.update((min(a, b), max(a, b)) for b, _ in best)
    return pairs


def _story(
    events: list[Event],
    by_id: dict[str, EventInput],
    article_df: DocumentFrequencies,
    bags: Mapping[str, Counter[str]],
) -> Story:
    """Build a Story from its events (earliest first), label it, and point the events at it."""
    events = sorted(events, key=lambda e: (e.date is None, e.date or "", e.id))
    story_id = f"story:{events[0].id.removeprefix('event:')}"
    for event in events:
        event.story_id = story_id
    reports = [item for event in events for item in _reports(event, by_id)]
    dates = sorted(e.date for e in events if e.date)
    return Story(
        id=story_id,
        label=_label(reports, article_df, bags),
        event_ids=[e.id for e in events],
        article_ids=[a for e in events for a in e.article_ids],
        first_date=dates[0] if dates else None,
        last_date=dates[-1] if dates else None,
    )


def _label(reports: Iterable[EventInput], article_df: DocumentFrequencies, bags: Mapping[str, Counter[str]]) -> str:
    """Label a story by its key entities and the words its articles use most."""
    reports = list(reports)
    names: dict[str, str] = {}
    words: Counter[str] = Counter()
    for item in reports:
        # The names of the story's own entities only (see ``cluster.EventIndex._label``).
        names.update((key, item.entity_names[key]) for key in item.entity_keys if key in item.entity_names)
        words.update(bags[item.article_id])
    keys = key_entities(entity_weights(Counter(i.entity_keys) for i in reports), article_df, names, STORY_ENTITIES)
    return make_label(keys, dict(words), names)
