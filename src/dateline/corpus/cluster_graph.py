"""Average-link agglomerative clustering over a sparse similarity graph, with merges a caller may forbid.

Two groups merge while the mean similarity over all their cross pairs (absent edges count as 0) is at
least the threshold, best pair first, and the caller's ``can_merge`` agrees. Only pairs joined by an
edge are ever compared, and a merged group's links are the sums of its parts' (the smaller folded
into the larger), so the cost is O(E log E) for E edges, not the O(n²) of a dense matrix.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Hashable, Sequence
from typing import TypeVar

Node = TypeVar("Node", bound=Hashable)


def average_link(
    groups: Sequence[Sequence[Node]],
    edges: dict[tuple[Node, Node], float],
    threshold: float,
    can_merge: Callable[[list[Node], list[Node]], bool] | None = None,
) -> list[list[Node]]:
    """Merge the starting groups along weighted edges; return the final groups, members in input order."""
    owner: dict[Node, int] = {node: g for g, members in enumerate(groups) for node in members}
    members: dict[int, list[Node]] = {g: list(m) for g, m in enumerate(groups) if m}
    links: dict[int, dict[int, float]] = {g: {} for g in members}
    for (node_a, node_b), weight in edges.items():
        ga, gb = owner.get(node_a), owner.get(node_b)
        if ga is None or gb is None or ga == gb or weight <= 0:
            continue
        links[ga][gb] = links[ga].get(gb, 0.0) + weight
        links[gb][ga] = links[gb].get(ga, 0.0) + weight
    version = dict.fromkeys(members, 0)
    heap: list[tuple[float, int, int, int, int]] = []

    def push(a: int, b: int) -> None:
        mean = links[a][b] / (len(members[a]) * len(members[b]))
        if mean >= threshold:
            heapq.heappush(heap, (-mean, a, b, version[a], version[b]))

    for a in members:
        for b in links[a]:
            if a < b:
                push(a, b)
    while heap:
        _, a, b, va, vb = heapq.heappop(heap)
        if a not in members or b not in members or version[a] != va or version[b] != vb:
            continue
        if can_merge is not None and not can_merge(members[a], members[b]):
            continue
        keep, gone = (a, b) if len(members[a]) >= len(members[b]) else (b, a)
        _fold(keep, gone, members, links)
        version[keep] += 1
        del version[gone]
        for other in links[keep]:
            push(keep, other)
    order = {node: i for i, node in enumerate(n for g in groups for n in g)}
    return sorted((sorted(m, key=order.__getitem__) for m in members.values()), key=lambda m: order[m[0]])


def _fold(keep: int, gone: int, members: dict[int, list], links: dict[int, dict[int, float]]) -> None:
    """Fold group ``gone`` into ``keep``: members and link sums."""
    members[keep].extend(members.pop(gone))
    for other, weight in links.pop(gone).items():
        if other == keep:
            continue
        del links[other][gone]
        links[keep][other] = links[keep].get(other, 0.0) + weight
        links[other][keep] = links[keep][other]
    links[keep].pop(gone, None)
