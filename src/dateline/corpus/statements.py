"""Group the quotes that carry one statement across articles, with its first appearance and its outlets.

The same words reach a reader through several outlets: a wire report reposted, trimmed, or quoted in
part. ``group_statements`` blocks quotes by speaker (an entity id when linking gave one, else the
folded name), and within a block compares each quote only with the statements already found for
that speaker, by rapidfuzz's partial ratio on normalised text (so a trimmed copy matches the full
one). Cost: near-linear in the number of quotes, times the number of distinct statements a speaker
makes; never all pairs across the corpus.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from dateline.model import Quote, Statement

MIN_SIMILARITY = 90.0
"""Partial ratio (0-100) from which two quotes of one speaker are the same statement."""
MIN_SHARED_CHARS = 20
"""Shorter texts must match exactly: a partial ratio of a few words says nothing."""
NON_WORD = re.compile(r"[^\w]+")
UNDATED = "9999-99-99"


@dataclass
class _Group:
    """A statement being gathered: its longest text, normalised, and its quotes."""

    key: str
    norm: str
    quotes: list[Quote] = field(default_factory=list)


def normalise(text: str) -> str:
    """Fold a quote's text for comparison: case, accents, quote marks and punctuation dropped."""
    text = text.replace("’", "'").replace("‘", "'")
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return " ".join(NON_WORD.sub(" ", folded).split())


def speaker_key(quote: Quote) -> str | None:
    """Return the block a quote is compared in: its speaker entity, else its speaker's folded name."""
    if quote.speaker_entity_id:
        return quote.speaker_entity_id
    if quote.speaker_name:
        # "Hillary Clinton's campaign" and "Hillary Clinton campaign" are one speaker
        return "name:" + " ".join(word for word in normalise(quote.speaker_name).split() if word != "s")
    return None


def same_statement(a: str, b: str) -> bool:
    """Tell whether two normalised texts are one statement, verbatim or one trimmed from the other."""
    if a == b:
        return True
    if min(len(a), len(b)) < MIN_SHARED_CHARS:
        return False
    return fuzz.partial_ratio(a, b) >= MIN_SIMILARITY


def group_statements(
    quotes: list[Quote], article_dates: dict[str, str | None], article_outlets: dict[str, str | None]
) -> list[Statement]:
    """Return one Statement per distinct thing a speaker said, earliest first, with every quote carrying it."""
    blocks: dict[str, list[_Group]] = {}
    for quote in sorted(quotes, key=lambda q: (_date(q, article_dates), q.article_id, q.start)):
        key = speaker_key(quote)
        norm = normalise(quote.text)
        if key is None or not norm:
            continue
        groups = blocks.setdefault(key, [])
        group = next((g for g in groups if same_statement(g.norm, norm)), None)
        if group is None:
            groups.append(_Group(key, norm, [quote]))
            continue
        group.quotes.append(quote)
        if len(norm) > len(group.norm):
            group.norm = norm
    statements = [
        _statement(group, article_dates, article_outlets) for groups in blocks.values() for group in groups
    ]
    return sorted(statements, key=lambda s: (s.first_date or UNDATED, s.id))


def _statement(
    group: _Group, article_dates: dict[str, str | None], article_outlets: dict[str, str | None]
) -> Statement:
    """Make the Statement of a group: the longest wording, the first appearance, the outlets."""
    first = group.quotes[0]
    longest = max(group.quotes, key=lambda q: len(q.text))
    outlets: list[str] = []
    for quote in group.quotes:
        outlet = article_outlets.get(quote.article_id)
        if outlet and outlet not in outlets:
            outlets.append(outlet)
    digest = hashlib.sha1(f"{group.key}\x00{group.norm}".encode()).hexdigest()[:12]
    return Statement(
        id=f"statement:{digest}",
        speaker_name=longest.speaker_name,
        speaker_entity_id=first.speaker_entity_id,
        text=longest.text,
        quotes=list(group.quotes),
        first_article_id=first.article_id,
        first_date=article_dates.get(first.article_id),
        outlets=outlets,
    )


def _date(quote: Quote, article_dates: dict[str, str | None]) -> str:
    """Return the sort key of a quote's article date; undated articles sort last."""
    return article_dates.get(quote.article_id) or UNDATED
