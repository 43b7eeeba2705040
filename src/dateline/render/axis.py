"""Placing dates on a horizontal axis: the one scale every picture of the report and the timeline page uses.

Positions are percents of the drawing's width, kept off the edges (4 % to 96 %) so labels fit; a single
day sits in the middle.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

LEFT, WIDTH = 4.0, 92.0
TICKS = 5


def place(days: Sequence[str | None]) -> tuple[list[float | None], list[tuple[float, str]]]:
    """Return each day's x (None for an undated item) and the axis ticks (x, ISO date)."""
    parsed = [date.fromisoformat(d[:10]) if d else None for d in days]
    known = [d for d in parsed if d is not None]
    if not known:
        return [None] * len(parsed), []
    first, last = min(known), max(known)
    if first == last:
        return [50.0 if d else None for d in parsed], [(50.0, first.isoformat())]
    span = (last - first).days
    xs = [LEFT + WIDTH * (d - first).days / span if d else None for d in parsed]
    steps = TICKS - 1
    ticks = [(LEFT + WIDTH * i / steps, (first + (last - first) * i / steps).isoformat()) for i in range(TICKS)]
    return xs, ticks
