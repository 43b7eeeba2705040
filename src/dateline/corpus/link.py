"""Link mentions across articles to one canonical entity per person, place, organisation or group.

``EntityLinker`` keeps the entities found so far and links each new article against them, so a
corpus grows one article at a time without relinking the past; ``link_entities`` links a batch.
Every lookup goes through an index (surname block, normalised key, acronym, office head): the cost
is near-linear in the number of mentions, never a comparison of all pairs.

Rules, in the order they apply within a batch:
1. Places, organisations, groups and events: one entity per normalised key (case, dots, leading
   "the", known transliterations such as Kiev/Kyiv and US/U.S./United States merged; acronyms of a
   multi-word organisation name; an organisation's short name, the leading words of its full name, when
   the article or else the corpus names one organisation so); a key seen as both place and organisation
   is one entity.
2. Full person names: the entity with the same surname (exact, or close spelling when long) and a
   compatible given name (same initial); two different given names in one article stay apart.
3. Single names ("Blinken"): the full name with that surname in the same article, else the one
   such full name in the corpus; when several people share it the mention stays unlinked.
4. Roles ("the Secretary of State"): the person the same article gives that title, else the person
   holding it in the corpus on the nearest date.
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import date as Date
from typing import Any

from rapidfuzz.distance import Levenshtein

from dateline.analyze.entities import PLACE_HEAD_WORDS
from dateline.analyze.entities_lexicon import PLACE_NAMES, fold
from dateline.analyze.quotes_gender import first_name_gender
from dateline.corpus.aliases import (
    PersonName,
    RoleKey,
    acronym,
    first_names_compatible,
    group_key,
    is_acronym,
    office_heads,
    person_name,
    place_key,
    role_key,
    role_match,
    slug,
    surname_block,
    surnames_match,
)
from dateline.model import Entity, Mention, Quote, Role

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
KIND_OF_LABEL = {"PERSON": "person", "NORP": "group", "EVENT": "event"}
"""Every other label (GPE, LOC, FAC, ORG) is a "named" place or organisation, one key space."""
SPEAKER_TYPES = frozenset({"person", "org"})
"""Entity types a quote's speaker is linked to by name alone (a place that "said" is a wrong speaker already)."""
FAR_AWAY_DAYS = 10**6
MIN_MISSPELT_LENGTH = 5
"""The shortest word a one-letter difference is taken for a misspelling in ("Marlowe"/"Marlow"; not "Mount
Hood"/"Mount Hook")."""
STRONG_ROLE_MATCH = 6
"""``role_match`` score from which two titles name the same office, not just the same head word."""


@dataclass
class _Node:
    """One entity while linking: what it has been called, by which labels, with which titles."""

    id: str
    kind: str
    """person, named (place or organisation), group or event: the key space it is looked up in."""
    key: str
    """Surname for a person, normalised name otherwise."""
    first_names: set[str] = field(default_factory=set)
    aliases: Counter[str] = field(default_factory=Counter)
    labels: Counter[str] = field(default_factory=Counter)
    roles: list[Role] = field(default_factory=list)
    mention_count: int = 0
    article_ids: dict[str, None] = field(default_factory=dict)
    """The articles it is mentioned in, in first-seen order (a dict: an ordered set)."""
    role_keys: set[RoleKey] = field(default_factory=set)
    """Derived from ``roles``: the titles it holds, reduced for comparison."""
    roles_seen: set[tuple[str, str]] = field(default_factory=set)
    """Derived from ``roles``: (folded title, article) pairs already recorded."""


@dataclass
class _ArticleContext:
    """What one article says about who is who, used to resolve its short names and roles."""

    article_id: str
    date: str | None
    people_by_surname: dict[str, set[str]] = field(default_factory=dict)
    people_by_first: dict[str, set[str]] = field(default_factory=dict)
    first_name_used: dict[str, str] = field(default_factory=dict)
    """For each person entity named in full here, the given name used (two given names = two people)."""
    titles: list[tuple[str, RoleKey]] = field(default_factory=list)
    named: set[str] = field(default_factory=set)
    """The organisations and places this article has named so far."""


class EntityLinker:
    """Link articles' mentions to canonical entities, one article (or batch) at a time.

    Ids never change once given, so stored mentions stay valid: a person first seen by surname
    alone ("person:biden") keeps that id when the full name turns up later. Add each article once;
    ``to_dict``/``from_dict`` carry the state between runs.
    """

    def __init__(self) -> None:
        self._nodes: dict[str, _Node] = {}
        self._by_key: dict[tuple[str, str], str] = {}
        self._by_acronym: dict[str, str] = {}
        self._by_prefix: dict[str, set[str]] = {}
        """The leading words of a multi-word name -> the named entities whose name opens so ("carrow tide")."""
        self._by_skeleton: dict[str, set[str]] = {}
        """A place's name of two words or more with one word left out ("* bay", "marlow *") -> the places so
        named: those a name misspelt in that word may mean."""
        self._surnames: dict[str, dict[str, set[str]]] = {}
        self._holders: dict[RoleKey, dict[str, list[str]]] = {}
        """Title -> entity -> the sorted ISO dates of the articles that gave it that title."""
        self._offices: dict[str, set[str]] = {}
        """Office head word -> the offices held with it ("secretary" -> "secretary of state" ...)."""
        self._countries: dict[str, set[str | None]] = {}
        """Office -> the countries it is held for."""

    def add(self, mentions: list[Mention], article_id: str, date: str | None = None) -> None:
        """Link one article's mentions in place (sets ``entity_id``) against the entities so far."""
        self.add_articles([(article_id, date, mentions)])

    def add_articles(self, articles: list[tuple[str, str | None, list[Mention]]]) -> None:
        """Link a batch of ``(article_id, date, mentions)``: names first, then short names, then roles."""
        contexts = [_ArticleContext(article_id, date) for article_id, date, _ in articles]
        kinds = _majority_kinds(m for _, _, mentions in articles for m in mentions)
        for context, (_, _, mentions) in zip(contexts, articles, strict=True):
            # full names first: "the Aldery" may then go to the "Aldery River" its article names later
            for mention in sorted(mentions, key=lambda m: len(m.name.split()) < 2):
                if mention.kind == "name" and not mention.name:
                    continue
                if mention.kind == "name" and mention.label != "PERSON":
                    self._link_named(mention, context, kinds)
                elif mention.kind == "name":
                    name = person_name(mention.name)
                    if name is not None and name.first is not None:
                        self._link_full_name(mention, name, context)
        for context, (_, _, mentions) in zip(contexts, articles, strict=True):
            for mention in mentions:
                if mention.kind == "name" and mention.label == "PERSON":
                    name = person_name(mention.name)
                    if name is not None and name.first is None:
                        self._link_single_name(mention, name, context)
        for context, (_, _, mentions) in zip(contexts, articles, strict=True):
            for mention in mentions:
                if mention.kind == "role" and mention.title:
                    self._link_role(mention, context)

    def entities(self) -> list[Entity]:
        """Return the canonical entities, most mentioned first."""
        found = [_to_entity(node) for node in self._nodes.values()]
        return sorted(found, key=lambda e: (-e.mention_count, e.id))

    def to_dict(self) -> dict[str, Any]:
        """Return the linker's state as JSON-ready data, to persist between ingests."""
        return {"entities": [_node_to_dict(node) for node in self._nodes.values()]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EntityLinker:
        """Rebuild a linker from ``to_dict`` output; its indexes are derived again."""
        linker = cls()
        for item in data.get("entities", []):
            node = _node_from_dict(item)
            linker._nodes[node.id] = node
            linker._index(node, *node.aliases)
            for role in node.roles:
                linker._record_role(node, role)
        return linker

    def _index(self, node: _Node, *aliases: str) -> None:
        """Put a node, and names it is known by, in the lookup indexes."""
        if node.kind == "person":
            self._surnames.setdefault(surname_block(node.key), {}).setdefault(node.key, set()).add(node.id)
            return
        self._by_key.setdefault((node.kind, node.key), node.id)
        if node.kind == "named":
            words = node.key.split()
            for n in range(1, len(words)):
                self._by_prefix.setdefault(" ".join(words[:n]), set()).add(node.id)
            if node.id.startswith("place:") and len(words) > 1:
                for skeleton in _skeletons(words):
                    self._by_skeleton.setdefault(skeleton, set()).add(node.id)
        for alias in aliases:
            self._by_key.setdefault((node.kind, _named_key(node.kind, alias)), node.id)
            short = acronym(alias)
            if node.kind == "named" and short is not None:
                self._by_acronym.setdefault(short, node.id)

    def _record_role(self, node: _Node, role: Role) -> None:
        """Keep a title an entity holds, and index it by office for role mentions elsewhere."""
        key = role_key(role.title)
        node.role_keys.add(key)
        node.roles_seen.add((fold(role.title), role.article_id))
        for head in office_heads(key):
            self._offices.setdefault(head, set()).add(key.office)
        self._countries.setdefault(key.office, set()).add(key.country)
        dates = self._holders.setdefault(key, {}).setdefault(node.id, [])
        if role.date:
            bisect.insort(dates, role.date[:10])

    def _new_node(self, kind: str, key: str, display: str, type_: str) -> _Node:
        """Create, index and return a node with a readable id unique in the corpus."""
        base = f"{type_}:{slug(display)}"
        node_id, n = base, 2
        while node_id in self._nodes:
            node_id, n = f"{base}-{n}", n + 1
        node = _Node(node_id, kind, key)
        self._nodes[node_id] = node
        return node

    def _attach(self, mention: Mention, node: _Node, context: _ArticleContext, alias: str | None) -> None:
        """Link a mention to a node and record what it says about the node."""
        mention.entity_id = node.id
        if node.kind == "named":
            context.named.add(node.id)
        node.mention_count += 1
        node.labels[mention.label] += 1
        node.article_ids.setdefault(context.article_id)
        if alias:
            node.aliases[alias] += 1
            self._index(node, alias)
        if mention.title:
            self._add_role(node, mention, context)

    def _add_role(self, node: _Node, mention: Mention, context: _ArticleContext) -> None:
        """Record a title given to a person in an article, dated by the article."""
        assert mention.title is not None
        if node.kind == "person":
            context.titles.append((node.id, role_key(mention.title)))
        if (fold(mention.title), context.article_id) in node.roles_seen:
            return
        role = Role(mention.title, context.article_id, context.date, mention.start, mention.end)
        node.roles.append(role)
        self._record_role(node, role)

    def _link_named(
        self, mention: Mention, context: _ArticleContext, kinds: dict[tuple[str, str], str]
    ) -> None:
        """Link a place, organisation, group or event mention by its normalised key."""
        kind = KIND_OF_LABEL.get(mention.label, "named")
        key = _named_key(kind, mention.name)
        node_id = self._by_key.get((kind, key))
        if node_id is None and kind == "named" and mention.label == "ORG":
            node_id = self._by_acronym.get(key) if is_acronym(mention.name) else None
            short = acronym(mention.name)
            if node_id is None and short is not None:
                node_id = self._by_key.get((kind, short))
            if node_id is None:
                node_id = self._short_name(key, context)
        elif node_id is None and kind == "named" and mention.label in PLACE_LABELS:
            node_id = self._short_place(key, context) or self._misspelt_place(key)
        if node_id is None:
            type_ = kinds.get((kind, key)) or _type_of(kind, mention.label)
            display = PLACE_NAMES.get(key, mention.name) if kind == "named" else mention.name
            node = self._new_node(kind, key, display, type_)
            node_id = node.id
        self._attach(mention, self._nodes[node_id], context, mention.name)

    def _short_name(self, key: str, context: _ArticleContext) -> str | None:
        """Return the organisation a name opening its full name stands for ("Carrow Tide" for "Carrow Tide
        Logistics"): the one this article names so, else the only one in the corpus, for a name of two words or
        more (one word alone is as often a person the model took for an organisation: "Trump", not "Trump
        University")."""
        ids = self._by_prefix.get(key, set())
        here = ids & context.named
        if len(here) == 1:
            return next(iter(here))
        return next(iter(ids)) if len(ids) == 1 and " " in key else None

    def _short_place(self, key: str, context: _ArticleContext) -> str | None:
        """Return the place a one-word name opens in its article ("the Aldery" for "Aldery River"): the one named
        with a word for a place after it ("River", "Bay"), and only in the same article ("Marlow" alone may be a
        town of its own)."""
        if " " in key:
            return None
        ids = self._by_prefix.get(key, set()) & context.named
        here = [i for i in ids if self._nodes[i].key.removeprefix(key + " ") in PLACE_HEAD_WORDS]
        return here[0] if len(here) == 1 else None

    def _misspelt_place(self, key: str) -> str | None:
        """Return the one place whose name differs from a new one of two words or more by a letter in one long
        word ("Marlowe Bay" for "Marlow Bay"); "Iran" and "Iraq", one word each, stay two."""
        words = key.split()
        if len(words) < 2:
            return None
        found: set[str] = set()
        for i, skeleton in enumerate(_skeletons(words)):
            for node_id in self._by_skeleton.get(skeleton, set()):
                other = self._nodes[node_id].key.split()[i]
                if min(len(other), len(words[i])) >= MIN_MISSPELT_LENGTH and Levenshtein.distance(other, words[i]) == 1:
                    found.add(node_id)
        return next(iter(found)) if len(found) == 1 else None

    def _link_full_name(self, mention: Mention, name: PersonName, context: _ArticleContext) -> None:
        """Link a person named in full to the entity with that surname and a compatible given name."""
        assert name.first is not None
        full: list[_Node] = []
        bare: list[_Node] = []
        for node in self._people_with_surname(name.surname):
            used = context.first_name_used.get(node.id)
            if used is not None and not _same_given_name(used, name.first):
                continue
            if not node.first_names:
                bare.append(node)
            elif any(first_names_compatible(f, name.first) for f in node.first_names):
                full.append(node)
        if full:
            node = max(full, key=lambda n: (name.first in n.first_names, n.mention_count, n.id))
        elif len(bare) == 1:
            node = bare[0]
        else:
            node = self._new_node("person", name.surname, name.display, "person")
        node.first_names.add(name.first)
        context.first_name_used.setdefault(node.id, name.first)
        context.people_by_surname.setdefault(name.surname, set()).add(node.id)
        context.people_by_first.setdefault(name.first, set()).add(node.id)
        self._attach(mention, node, context, mention.name)

    def _link_single_name(self, mention: Mention, name: PersonName, context: _ArticleContext) -> None:
        """Link a one-word person name: same article first, then the corpus if only one person fits."""
        here = {
            node_id
            for surname, ids in context.people_by_surname.items()
            if surnames_match(surname, name.surname)
            for node_id in ids
        }
        if not here:
            here = context.people_by_first.get(name.surname, set())
        # "Mr. Obama" in an article that names only "Michelle Obama" is not her
        here = {node_id for node_id in here if _fits_address(self._nodes[node_id], mention.address)}
        if len(here) > 1:
            # "Ms Reyes" where the article names Elena and Tomas Reyes: the one whose given name tells her gender
            told = {node_id for node_id in here if _told_by_address(self._nodes[node_id], mention.address)}
            here = told if len(told) == 1 else self._by_title(here, mention.title, context)
            if len(here) != 1:
                return
        if len(here) == 1:
            node = self._nodes[next(iter(here))]
        else:
            candidates = [n for n in self._people_with_surname(name.surname) if _fits_address(n, mention.address)]
            full = [n for n in candidates if n.first_names]
            bare = [n for n in candidates if not n.first_names]
            if len(full) > 1:
                full = [self._nodes[i] for i in self._by_title({n.id for n in full}, mention.title, context)]
                if len(full) != 1:
                    return
            if full:
                node = full[0]
            elif bare:
                node = max(bare, key=lambda n: (n.key == name.surname, n.mention_count, n.id))
            else:
                node = self._new_node("person", name.surname, name.display, "person")
        self._attach(mention, node, context, mention.name)

    def _by_title(self, node_ids: set[str], title: str | None, context: _ArticleContext) -> set[str]:
        """Narrow people sharing a name to those the title fits ("Mayor Reyes"): this article first."""
        if not title:
            return node_ids
        wanted = role_key(title)
        here = {i: role_match(wanted, held) for i, held in context.titles if i in node_ids}
        best = _best(here)
        if best is None and not any(here.values()):
            anywhere = {
                i: max((role_match(wanted, held) for held in self._nodes[i].role_keys), default=0)
                for i in node_ids
            }
            best = _best(anywhere)
        return {best} if best is not None else node_ids

    def _link_role(self, mention: Mention, context: _ArticleContext) -> None:
        """Link a role-only mention to its holder: named with that title here, else nearest in time."""
        assert mention.title is not None
        wanted = role_key(mention.title)
        scores: dict[str, int] = {}
        for node_id, held in context.titles:
            scores[node_id] = max(scores.get(node_id, 0), role_match(wanted, held))
        holder = _best(scores)
        if holder is None and not any(scores.values()) and wanted.specific:
            holder = self._nearest_holder(wanted, context.date)
        if holder is not None:
            self._attach(mention, self._nodes[holder], context, None)

    def _nearest_holder(self, wanted: RoleKey, date: str | None) -> str | None:
        """Return the person holding a title in the corpus nearest in time to ``date``, if one stands out."""
        ranked: dict[str, tuple[bool, int, int]] = {}
        for held in self._titles_like(wanted):
            score = role_match(wanted, held)
            if score == 0:
                continue
            for node_id, dates in self._holders[held].items():
                # the same office (or its generic name) ranks before a mere shared head word
                rank = (score >= STRONG_ROLE_MATCH, -_nearest_days(date, dates), score)
                ranked[node_id] = max(ranked.get(node_id, rank), rank)
        if not ranked:
            return None
        best = max(ranked.values())
        winners = [node_id for node_id, rank in ranked.items() if rank == best]
        return winners[0] if len(winners) == 1 else None

    def _titles_like(self, wanted: RoleKey) -> list[RoleKey]:
        """Return the titles held in the corpus for the same country with an office of the same head."""
        offices = {office for head in office_heads(wanted) for office in self._offices.get(head, ())}
        if wanted.country is None:
            return [RoleKey(country, office) for office in offices for country in self._countries[office]]
        return [
            RoleKey(country, office)
            for office in offices
            for country in (wanted.country, None)
            if country in self._countries[office]
        ]

    def _people_with_surname(self, surname: str) -> list[_Node]:
        """Return the person nodes whose surname matches, from the surname's block only."""
        block = self._surnames.get(surname_block(surname), {})
        return [
            self._nodes[node_id]
            for known, ids in block.items()
            if surnames_match(known, surname)
            for node_id in sorted(ids)
        ]


def link_entities(mentions: list[Mention], article_dates: dict[str, str | None]) -> list[Entity]:
    """Link every mention of a corpus in place (``entity_id``) and return the canonical entities."""
    by_article: dict[str, list[Mention]] = {}
    for mention in mentions:
        by_article.setdefault(mention.article_id, []).append(mention)
    order = sorted(by_article, key=lambda a: (article_dates.get(a) is None, article_dates.get(a) or "", a))
    linker = EntityLinker()
    linker.add_articles([(a, article_dates.get(a), by_article[a]) for a in order])
    return linker.entities()


def speakers_by_name(quotes: list[Quote], entities: list[Entity]) -> None:
    """Give a quote whose speaker no mention of its article links the person or organisation of that exact name.

    The entity model misses a name now and then in one article ("The Inland Waterways Inspectorate, which
    regulates …, said" at the head of a paragraph) that it finds in another; the speaker phrase still names it
    in full. A name two entities share ("Reyes") links nothing: only what one entity is called is taken.
    """
    owners: dict[str, set[str]] = {}
    for entity in entities:
        if entity.type in SPEAKER_TYPES:
            for name in {entity.name, *entity.aliases}:
                owners.setdefault(name, set()).add(entity.id)
    for quote in quotes:
        if quote.speaker_entity_id is None and quote.speaker_name:
            found = owners.get(quote.speaker_name, set())
            if len(found) == 1:
                quote.speaker_entity_id = next(iter(found))


def _skeletons(words: list[str]) -> list[str]:
    """Return a name's words with each word in turn left out ("marlow bay" -> "* bay", "marlow *")."""
    return [" ".join([*words[:i], "*", *words[i + 1 :]]) for i in range(len(words))]


def _named_key(kind: str, name: str) -> str:
    """Return the lookup key of a non-person name in its key space."""
    return group_key(name) if kind == "group" else place_key(name)


def _type_of(kind: str, label: str) -> str:
    """Return the entity type (and id prefix) for a key space and a spaCy label."""
    if kind != "named":
        return kind
    if label == "VESSEL":
        return "vessel"
    return "place" if label in PLACE_LABELS else "org"


def _majority_kinds(mentions: Any) -> dict[tuple[str, str], str]:
    """Return, for each non-person key in a batch, the type most of its mentions' labels say."""
    votes: dict[tuple[str, str], Counter[str]] = {}
    for mention in mentions:
        if mention.kind != "name" or mention.label == "PERSON":
            continue
        kind = KIND_OF_LABEL.get(mention.label, "named")
        key = (kind, _named_key(kind, mention.name))
        votes.setdefault(key, Counter())[_type_of(kind, mention.label)] += 1
    return {key: counts.most_common(1)[0][0] for key, counts in votes.items()}


def _fits_address(node: _Node, address: str | None) -> bool:
    """Tell whether a person may be the one a form of address names: no given name of theirs has the other
    gender ("Mr." is not Michelle Obama; a given name of unknown gender fits either)."""
    if address is None:
        return True
    genders = _given_name_genders(node)
    return not genders or address in genders


def _told_by_address(node: _Node, address: str | None) -> bool:
    """Tell whether a person's given name is known to have the gender a form of address tells."""
    return address is not None and _given_name_genders(node) == {address}


def _given_name_genders(node: _Node) -> set[str]:
    """Return the genders the given names of a person tell (none for a name of unknown gender)."""
    return {gender for first in node.first_names if (gender := first_name_gender(f"{first} {node.key}"))}


def _same_given_name(a: str, b: str) -> bool:
    """Tell whether two given names used in one article are the same person's (initials count)."""
    return a == b or len(a) == 1 or len(b) == 1 or a.startswith(b) or b.startswith(a)


def _best(scores: dict[str, int]) -> str | None:
    """Return the key with the single highest positive score, or None on a tie or no match."""
    if not scores:
        return None
    top = max(scores.values())
    winners = [k for k, v in scores.items() if v == top]
    return winners[0] if top > 0 and len(winners) == 1 else None


def _nearest_days(date: str | None, dates: list[str]) -> int:
    """Return the days from ``date`` to the nearest of some sorted ISO dates (large when unknown)."""
    if not date or not dates:
        return FAR_AWAY_DAYS
    i = bisect.bisect_left(dates, date[:10])
    return min(_days_apart(date, d) for d in dates[max(i - 1, 0) : i + 1])


def _days_apart(a: str, b: str) -> int:
    """Return the days between two ISO dates, or a large number when one is not a date."""
    try:
        return abs((Date.fromisoformat(a[:10]) - Date.fromisoformat(b[:10])).days)
    except ValueError:
        return FAR_AWAY_DAYS


def _canonical_name(node: _Node) -> str:
    """Return the name to show: the most frequent full form, never a title."""
    if node.kind == "named" and node.key in PLACE_NAMES:
        return PLACE_NAMES[node.key]
    names = list(node.aliases)
    if not names:
        return node.key
    if node.kind == "person":
        full = [n for n in names if len(n.split()) > 1]
        names = full or names
    cased = [n for n in names if not n.islower() and not (n.isupper() and len(n) > 4)]
    names = cased or names
    return max(names, key=lambda n: (node.aliases[n], len(n), n))


def _to_entity(node: _Node) -> Entity:
    """Make the public record of a node."""
    type_ = node.id.split(":", 1)[0]
    aliases = sorted(node.aliases, key=lambda a: (-node.aliases[a], a))
    return Entity(
        node.id,
        type_,
        _canonical_name(node),
        aliases,
        list(node.roles),
        node.mention_count,
        list(node.article_ids),
    )


def _node_to_dict(node: _Node) -> dict[str, Any]:
    """Serialise a node for ``EntityLinker.to_dict``."""
    return {
        "id": node.id,
        "kind": node.kind,
        "key": node.key,
        "first_names": sorted(node.first_names),
        "aliases": dict(node.aliases),
        "labels": dict(node.labels),
        "roles": [asdict(role) for role in node.roles],
        "mention_count": node.mention_count,
        "article_ids": list(node.article_ids),
    }


def _node_from_dict(data: dict[str, Any]) -> _Node:
    """Rebuild a node from ``_node_to_dict`` output."""
    return _Node(
        id=data["id"],
        kind=data["kind"],
        key=data["key"],
        first_names=set(data.get("first_names", [])),
        aliases=Counter(data.get("aliases", {})),
        labels=Counter(data.get("labels", {})),
        roles=[Role(**role) for role in data.get("roles", [])],
        mention_count=int(data.get("mention_count", 0)),
        article_ids=dict.fromkeys(data.get("article_ids", [])),
    )
