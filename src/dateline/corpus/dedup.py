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
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from datasketch import LeanMinHash, MinHash, MinHashLSH

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
    shingles: array | None
    """Hashes of the body's shingles, in text order; None until needed for an article read back from the store."""
    minhash: array | None = None
    """Its MinHash values (None when too short to be a copy): what the LSH index is rebuilt from."""


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
    assert original.shingles is not None and copy.shingles is not None, "shingles are read back before comparing"
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


TextLoader = Callable[[list[str]], dict[str, tuple[str, str | None]]]
"""Return ``(clean text, title)`` of stored articles by id: how an index read back gets shingles it needs."""


class CopyIndex:
    """Copies found as articles arrive: each new article is matched against the index by LSH.

    ``groups()`` returns the same groups whether the articles were added one by one or all at once:
    a pair is a copy pair by its two texts alone, and the original is chosen by date and ingest order.
    ``to_data``/``from_data`` keep it between runs as MinHash values, groups and changes, not shingles:
    a read-back index shingles again (through ``texts``) only the few candidates a new article brings.
    """

    def __init__(self, texts: TextLoader | None = None) -> None:
        self._lsh = MinHashLSH(threshold=CANDIDATE_JACCARD, num_perm=NUM_PERM)
        self._articles: dict[str, _Article] = {}
        self._parent: dict[str, str] = {}
        self._changes: dict[tuple[str, str], list[str]] = {}
        self._texts = texts

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._articles

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
        article.minhash = array("Q", (int(v) for v in minhash.hashvalues))
        candidates = sorted(self._lsh.query(minhash), key=lambda i: self._articles[i].order)
        matches = [other for other in candidates if is_copy(shingles, self._shingles(other))]
        for other in matches:
            self._union(article_id, other)
        self._lsh.insert(article_id, minhash)
        return matches

    def set_date(self, article_id: str, date: str | None) -> None:
        """Record an article's new publication date (it decides which copy of a group is the original)."""
        self._articles[article_id].date = iso_day(date)

    def to_data(self) -> dict[str, Any]:
        """Return the index as plain JSON-ready data: per article its order, date, title, MinHash and group."""
        articles = [
            [i, a.order, a.date, a.title, self._find(i), a.minhash.tobytes().hex() if a.minhash else None]
            for i, a in self._articles.items()
        ]
        changes = [[o, c, kept] for (o, c), kept in self._changes.items()]
        return {"articles": articles, "changes": changes, "scheme": _scheme()}

    @classmethod
    def from_data(cls, data: dict[str, Any], texts: TextLoader) -> CopyIndex:
        """Rebuild an index kept by ``to_data``, reading texts through ``texts`` only when needed."""
        index = cls(texts)
        scheme = _scheme()
        if data["scheme"] != scheme:
            raise ValueError(f"kept MinHashes use the {data['scheme']} scheme, this datasketch {scheme}")
        with index._lsh.insertion_session() as session:
            for article_id, order, date, title, root, values in data["articles"]:
                minhash = array("Q", bytes.fromhex(values)) if values else None
                index._articles[article_id] = _Article(int(order), date, title, None, minhash)
                index._parent[article_id] = root
                if minhash is not None:
                    # LeanMinHash takes the values as they are (MinHash would draw its permutations again).
                    session.insert(article_id, LeanMinHash(seed=1, hashvalues=minhash, scheme=scheme))
        if not set(index._parent.values()) <= index._articles.keys():
            raise ValueError("kept copy index is inconsistent: a group points at an unknown article")
        index._changes = {(o, c): list(kept) for o, c, kept in data["changes"]}
        return index

    def _shingles(self, article_id: str) -> array:
        """Return an article's shingles, reading its text back when the index was read from the store."""
        article = self._articles[article_id]
        if article.shingles is None:
            if self._texts is None:
                raise ValueError(f"no text for {article_id}: the index was read back without a text loader")
            text, title = self._texts([article_id])[article_id]
            article.shingles = shingle_hashes(body_without_title(text, title))
        return article.shingles

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
            found.append(CopyGroup(original, copies, {c: self._copy_changes(original, c) for c in copies}))
        return sorted(found, key=lambda g: self._original_rank(g.original_id))

    def copy_of(self) -> dict[str, str]:
        """Return, for every copy, the id of the original it copies (without working out what each changed)."""
        members: dict[str, list[str]] = {}
        for article_id in self._articles:
            members.setdefault(self._find(article_id), []).append(article_id)
        found: dict[str, str] = {}
        for ids in members.values():
            original = min(ids, key=self._original_rank)
            found.update((c, original) for c in ids if c != original)
        return found

    def _copy_changes(self, original: str, copy: str) -> list[str]:
        """Return what a copy changed from its original, worked out once per pair (it rests on the texts only)."""
        if (original, copy) not in self._changes:
            self._shingles(original)
            self._shingles(copy)
            self._changes[(original, copy)] = copy_changes(self._articles[original], self._articles[copy])
        return list(self._changes[(original, copy)])

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


@lru_cache(maxsize=1)
def _scheme() -> str:
    """Return the hashing scheme of the MinHashes this datasketch makes (kept values are only valid under it)."""
    return str(MinHash(num_perm=NUM_PERM).scheme)


def _fold(text: str) -> str:
    """Return a title's comparison form: lower case words only."""
    return " ".join(w.lower() for w in WORD.findall(text))
