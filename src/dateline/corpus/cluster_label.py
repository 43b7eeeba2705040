"""Short labels for events and stories: their key entities, then the key terms the names do not cover.

An entity is key when the group's articles name it often (per article 1 + log of its mentions, summed),
mildly favouring names few other articles use (times the square root of IDF: the main actor of a story
is named everywhere and must still lead its label); a term is key by its summed TF-IDF weight.
People are shown by surname ("Blinken"), places and organisations by name; a term inside a name is skipped.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

from dateline.corpus.cluster_text import DocumentFrequencies, terms

SEPARATOR = " · "
LABEL_ENTITIES = 3
LABEL_TERMS = 2
UNLABELLED = ("group:",)
"""Nationalities and groups ("Ukrainian", "Democrats") repeat the place or say little on their own."""
MAX_NAME_WORDS = 4
"""Longer names are usually a mis-split title or phrase; they make poor labels."""


def entity_weights(bags: Iterable[Mapping[str, int]]) -> dict[str, float]:
    """Sum over a group's articles, for each entity an article names, 1 + log of its mentions there."""
    weights: dict[str, float] = {}
    for bag in bags:
        for key, mentions in bag.items():
            if mentions > 0:
                weights[key] = weights.get(key, 0.0) + 1.0 + math.log(mentions)
    return weights


def key_entities(
    weights: Mapping[str, float], frequencies: DocumentFrequencies, names: Mapping[str, str], k: int
) -> list[str]:
    """Return the k entity keys that best characterise a group (their weight times the root of IDF)."""
    scored = [
        (weight * math.sqrt(frequencies.idf(key)), key)
        for key, weight in weights.items()
        if not key.startswith(UNLABELLED) and len(display_name(key, names).split()) <= MAX_NAME_WORDS
    ]
    return [key for _, key in sorted(scored, key=lambda sk: (-sk[0], sk[1]))[:k]]


def make_label(
    entity_keys: Iterable[str], term_weights: Mapping[str, float], names: Mapping[str, str]
) -> str:
    """Join the key entities' names (people first) and the heaviest terms no entity name says."""
    shown: list[str] = []
    for key in sorted(entity_keys, key=lambda k: not k.startswith("person:")):
        name = display_name(key, names)
        if name and name not in shown:
            shown.append(name)
    said = {t for name in names.values() for t in terms(name)} | {t for name in shown for t in terms(name)}
    extra = [
        t for t, _ in sorted(term_weights.items(), key=lambda tw: (-tw[1], tw[0])) if t not in said
    ][:LABEL_TERMS]
    return SEPARATOR.join(shown + extra)


def display_name(key: str, names: Mapping[str, str]) -> str:
    """Return how an entity is shown in a label: a person's surname, else its name."""
    name = names.get(key) or _name_from_key(key)
    if key.startswith("person:") and len(name.split()) > 1:
        return name.split()[-1]
    return name


def _name_from_key(key: str) -> str:
    """Rebuild a readable name from an entity id or a normalised-name key ("place:kyiv" -> "Kyiv")."""
    _, _, rest = key.partition(":")
    return " ".join(w.capitalize() for w in (rest or key).replace("-", " ").split())
