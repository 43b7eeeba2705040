"""Where sources disagree: figures, dates, counts and quotes that differ between articles, grouped and classed.

``find_conflicts`` runs one finder per kind over one shared ``Context``: figures (``conflicts_figures``),
dates and counts (``conflicts_events``), quotes (``conflicts_quotes``). Only conflicts, rounding and
rewordings are reported by default: a user loses trust on false conflicts, so every rule leans to
silence. Cost: linear in the number of figures and quotes (grouping by key); only values inside one
group are compared, pairwise within the group.
"""

from __future__ import annotations

from collections.abc import Iterable

from dateline.corpus.cluster_records import Clustering
from dateline.corpus.conflicts_context import Context
from dateline.corpus.conflicts_events import count_conflicts, date_conflicts
from dateline.corpus.conflicts_figures import _agree, _rounds_to, figure_conflicts, figure_groups
from dateline.corpus.conflicts_quotes import FRAGMENT_MARK, _words_differ, quote_conflicts
from dateline.corpus.coverage import Source
from dateline.model import ArticleAnalysis, Conflict, Statement

# Re-exported: the benchmark imports figure_groups from here, the tests FRAGMENT_MARK and three private helpers.
__all__ = ["FRAGMENT_MARK", "KINDS", "REPORTED", "_agree", "_rounds_to", "_words_differ", "figure_groups",
           "find_conflicts"]

KINDS = ("figure", "date", "count", "quote")
REPORTED = frozenset({"conflict", "rounding", "reworded"})
"""Verdicts shown by default; "different referent" and "updated" only on request."""


def find_conflicts(
    sources: Iterable[Source],
    analyses: dict[str, ArticleAnalysis],
    clustering: Clustering,
    statements: Iterable[Statement] = (),
    outlets: dict[str, str] | None = None,
    include_all: bool = False,
) -> list[Conflict]:
    """Return the disagreements between articles: conflicts and rounding, and with ``include_all`` look-alikes too."""
    context = Context.of(list(sources), analyses, clustering, outlets)
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
