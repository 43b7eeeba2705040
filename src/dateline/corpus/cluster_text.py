"""Text features for clustering: word terms, document frequencies that grow with the corpus, TF-IDF.

Terms are lower-cased words without stop words, plurals folded ("quakes" -> "quake"); no parsing,
so the cross-article stage never re-reads an article with spaCy. ``DocumentFrequencies`` counts, per
feature space, how many documents hold each term, one batch at a time; a vector is weighted with the
counts as they stand when it is built (sublinear TF times smoothed IDF, unit length), so weighing a
document costs its number of distinct terms.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping

from spacy.lang.en.stop_words import STOP_WORDS

SparseVector = dict[str, float]

WORD = re.compile(r"[a-z][a-z'\-]*[a-z]")
STOP = frozenset(STOP_WORDS) | {"said", "says", "told", "according", "news", "world", "read", "reuters"}
"""Reporting verbs and site words occur in every article and say nothing about the happening."""
MIN_LENGTH = 3
IDF_OFFSET = 1.0


def terms(text: str) -> list[str]:
    """Return the content words of a text, lower-cased, plurals and possessives folded."""
    words = WORD.findall(text.lower().replace("\u2019", "'"))
    return [_fold_plural(w) for w in words if len(w) >= MIN_LENGTH and w not in STOP]


def _fold_plural(word: str) -> str:
    """Fold a possessive or plural ending so "quake's", "quakes" and "quake" are one term."""
    if word.endswith("'s"):
        word = word[:-2]
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


class DocumentFrequencies:
    """How many documents hold each term, updated as documents are added."""

    __slots__ = ("counts", "documents")

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.documents = 0

    def add(self, bag: Iterable[str]) -> None:
        """Count one document's distinct terms."""
        self.counts.update(set(bag))
        self.documents += 1

    def remove(self, bag: Iterable[str]) -> None:
        """Uncount one document's distinct terms (a document taken out of the corpus)."""
        for term in set(bag):
            left = self.counts[term] - 1
            if left > 0:
                self.counts[term] = left
            else:
                del self.counts[term]
        self.documents -= 1

    def idf(self, term: str) -> float:
        """Return the smoothed inverse document frequency of a term (rarer is higher, never 0)."""
        return math.log((self.documents + 1) / (self.counts.get(term, 0) + 1)) + IDF_OFFSET


def tfidf(bag: Mapping[str, int], frequencies: DocumentFrequencies) -> SparseVector:
    """Weigh a bag of terms by sublinear TF and IDF, scaled to unit length."""
    weights = {t: (1.0 + math.log(n)) * frequencies.idf(t) for t, n in bag.items() if n > 0}
    norm = math.sqrt(sum(w * w for w in weights.values()))
    return {t: w / norm for t, w in weights.items()} if norm else {}


def cosine(a: SparseVector, b: SparseVector) -> float:
    """Return the cosine of two unit-length sparse vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def top_terms(vector: SparseVector, k: int) -> list[str]:
    """Return the k heaviest terms of a vector, heaviest first (ties by term)."""
    return [t for t, _ in sorted(vector.items(), key=lambda tw: (-tw[1], tw[0]))[:k]]
