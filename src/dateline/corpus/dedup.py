"""Copies: syndicated and near-duplicate articles grouped, with the original and what each copy changed.

Each article body (its title line left out) becomes the set of its word 5-shingles, summarised by a
MinHash; an LSH index over the MinHashes proposes candidate pairs and each candidate is verified on
the exact shingles: two articles are copies when their Jaccard similarity is at least
``COPY_JACCARD`` or when one is contained in the other for at least ``COPY_CONTAINMENT`` (a trimmed
copy keeps most of what it shows from the original). The LSH threshold sits below the Jaccard one so
that trimmed copies are proposed too.

Cost: adding an article is one MinHash (linear in its length) and one LSH query, which returns only
candidates, so building the index over n articles is near-linear, never n² comparisons. Memory is
one MinHash and one array of shingle hashes per article.
"""

from __future__ import annotations

import hashlib
import re
from array import array
from dataclasses import dataclass

from datasketch import MinHash, MinHashLSH

from dateline.corpus.cluster_time import iso_day
from dateline.model import CopyGroup

SHINGLE_WORDS = 5
NUM_PERM = 128
CANDIDATE_JACCARD = 0.3
"""LSH threshold: low enough that a copy trimmed to half its original is still proposed."""
COPY_JACCARD = 0.5
COPY_CONTAINMENT = 0.8
MIN_SHINGLES = 20
"""Texts shorter than this (about two sentences) are never called copies: too little to tell."""
TRIM_SHINGLES = 20
"""A missing stretch at either end counts as a cut from this many shingles (about a short paragraph)."""
RUN = 3
"""Consecutive shared shingles that anchor where a copy starts and ends in its original."""
EDIT_SHARE = 0.05
"""Share of a copy's shingles not in the original (or of the original's, missing inside) that is an edit."""

WORD = re.compile(r"\w+", re.UNICODE)


@dataclass
class _Article:
    """What the index keeps of an article: its place in ingest order, date, title and shingles."""

    order: int
    date: str | None
    title: str | None
    shingles: array
    """Hashes of the body's shingles, in text order."""


def body_without_title(text: str, title: str | None) -> str:
    """Return the article text without a first line that repeats the title."""
    if not title:
        return text
    first, _, rest = text.lstrip().partition("\n")
    head, wanted = _fold(first), _fold(title)
    if head and wanted and (head.startswith(wanted) or wanted.startswith(head)):
        return rest
    return text


def shingle_hashes(text: str) -> array:
    """Hash the word 5-shingles of a text, in order (64-bit, stable across processes)."""
    words = [w.lower() for w in WORD.findall(text)]
    out = array("Q")
    for i in range(max(len(words) - SHINGLE_WORDS + 1, 0)):
        shingle = " ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8")
        out.append(int.from_bytes(hashlib.blake2b(shingle, digest_size=8).digest(), "big"))
    return out


def _minhash(shingles: array) -> MinHash:
    """Summarise a set of shingle hashes as a MinHash."""
    minhash = MinHash(num_perm=NUM_PERM)
    minhash.update_batch([h.to_bytes(8, "big") for h in set(shingles)])
    return minhash


def is_copy(a: array, b: array) -> bool:
    """Tell whether two shingle sequences are copies of one text (similar, or one trimmed from the other)."""
    set_a, set_b = set(a), set(b)
    if min(len(set_a), len(set_b)) < MIN_SHINGLES:
        return False
    shared = len(set_a & set_b)
    jaccard = shared / len(set_a | set_b)
    containment = shared / min(len(set_a), len(set_b))
    return jaccard >= COPY_JACCARD or containment >= COPY_CONTAINMENT


def copy_changes(original: _Article, copy: _Article) -> list[str]:
    """List what a copy changed from its original: headline, trimmed start/end, edited."""
    changes: list[str] = []
    if original.title and copy.title and _fold(original.title) != _fold(copy.title):
        changes.append("headline")
    kept = set(copy.shingles)
    positions = _shared_runs(original.shingles, kept)
    if not positions:
        return changes + ["edited"]
    if positions[0] >= TRIM_SHINGLES:
        changes.append("trimmed start")
    if len(original.shingles) - 1 - positions[-1] >= TRIM_SHINGLES:
        changes.append("trimmed end")
    in_original = set(original.shingles)
    added = sum(1 for h in kept if h not in in_original) / max(len(kept), 1)
    inner = original.shingles[positions[0] : positions[-1] + 1]
    dropped = sum(1 for h in inner if h not in kept) / max(len(inner), 1)
    if added > EDIT_SHARE or dropped > EDIT_SHARE:
        changes.append("edited")
    return changes


def _shared_runs(shingles: array, kept: set[int]) -> list[int]:
    """Return the positions of shingles kept in runs of at least RUN (a lone repeated phrase is no anchor)."""
    flags = [h in kept for h in shingles]
    anchored: set[int] = set()
    for start in range(len(flags) - RUN + 1):
        if all(flags[start : start + RUN]):
            anchored.update(range(start, start + RUN))
    return sorted(anchored)


class CopyIndex:
    """Copies found as articles arrive: each new article is matched against the index by LSH.

    ``groups()`` returns the same groups whether the articles were added one by one or all at once:
    a pair is a copy pair by its two texts alone, and the original is chosen by date and ingest order.
    """

    def __init__(self) -> None:
        self._lsh = MinHashLSH(threshold=CANDIDATE_JACCARD, num_perm=NUM_PERM)
        self._articles: dict[str, _Article] = {}
        self._parent: dict[str, str] = {}

    def add(self, article_id: str, text: str, date: str | None = None, title: str | None = None) -> list[str]:
        """Index one article; return the ids of the already-indexed articles it copies or is copied by."""
        if article_id in self._articles:
            return []
        shingles = shingle_hashes(body_without_title(text, title))
        article = _Article(len(self._articles), iso_day(date), title, shingles)
        self._articles[article_id] = article
        self._parent[article_id] = article_id
        if len(set(shingles)) < MIN_SHINGLES:
            return []
        minhash = _minhash(shingles)
        matches = [
            other
            for other in sorted(self._lsh.query(minhash), key=lambda i: self._articles[i].order)
            if is_copy(shingles, self._articles[other].shingles)
        ]
        for other in matches:
            self._union(article_id, other)
        self._lsh.insert(article_id, minhash)
        return matches

    def groups(self) -> list[CopyGroup]:
        """Return the copy groups (two or more articles), each with its original and the copies' changes."""
        members: dict[str, list[str]] = {}
        for article_id in self._articles:
            members.setdefault(self._find(article_id), []).append(article_id)
        found = []
        for ids in members.values():
            if len(ids) < 2:
                continue
            original = min(ids, key=self._original_rank)
            copies = sorted((i for i in ids if i != original), key=self._original_rank)
            changes = {c: copy_changes(self._articles[original], self._articles[c]) for c in copies}
            found.append(CopyGroup(original, copies, changes))
        return sorted(found, key=lambda g: self._original_rank(g.original_id))

    def copy_of(self) -> dict[str, str]:
        """Return, for every copy, the id of the original it copies."""
        return {c: group.original_id for group in self.groups() for c in group.copy_ids}

    def _original_rank(self, article_id: str) -> tuple[bool, str, int]:
        """Sort key for the original: dated before undated, then earliest, then first ingested."""
        article = self._articles[article_id]
        return (article.date is None, article.date or "", article.order)

    def _find(self, article_id: str) -> str:
        """Return the representative of an article's group (union-find with path halving)."""
        while self._parent[article_id] != article_id:
            self._parent[article_id] = self._parent[self._parent[article_id]]
            article_id = self._parent[article_id]
        return article_id

    def _union(self, a: str, b: str) -> None:
        """Put two articles in one group."""
        root_a, root_b = self._find(a), self._find(b)
        if root_a != root_b:
            first, second = sorted((root_a, root_b), key=lambda i: self._articles[i].order)
            self._parent[second] = first


def find_copies(docs: list[tuple[str, str, str | None, str | None]]) -> list[CopyGroup]:
    """Group the copies among ``(article_id, clean text, publication date, title)`` records."""
    index = CopyIndex()
    for article_id, text, published, title in docs:
        index.add(article_id, text, published, title)
    return index.groups()


def _fold(text: str) -> str:
    """Return a title's comparison form: lower case words only."""
    return " ".join(w.lower() for w in WORD.findall(text))
