"""Mark up annotated spans of an article's text as escaped HTML, paragraph by paragraph.

Every piece of article text passes through ``markupsafe.escape``; only the tags written here are
markup. Overlapping spans are resolved by keeping the earlier, then the longer one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup, escape

from dateline.model import ArticleAnalysis

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class Highlight:
    """One span to mark: its offsets, a CSS class and a tooltip."""

    start: int
    end: int
    css: str
    title: str = ""


def spans_of(analysis: ArticleAnalysis, entity_names: dict[str, str] | None = None) -> list[Highlight]:
    """Return the highlights of an analysis: entities, time expressions and figures."""
    names = entity_names or {}
    spans = [
        Highlight(m.start, m.end, f"ent {m.label.lower()}", names.get(m.entity_id or "", m.name or m.text))
        for m in analysis.mentions
    ]
    spans += [
        Highlight(
            t.start, t.end, "timex", f"{t.type} {t.value}" + (f" ({t.first_day})" if t.first_day else "")
        )
        for t in analysis.timexes
    ]
    spans += [
        Highlight(f.start, f.end, "figure", _figure_title(f.kind, f.value, f.unit, f.approx, f.referent))
        for f in analysis.figures
    ]
    return spans


def _figure_title(
    kind: str, value: float | None, unit: str | None, approx: str | None, ref: str | None
) -> str:
    """Describe a normalised figure for a tooltip."""
    amount = "?" if value is None else f"{value:,.0f}" if value >= 100 else f"{value:g}"
    parts = [kind, " ".join(p for p in (approx, amount, unit) if p)]
    if ref:
        parts.append(f"of {ref}")
    return ": ".join(parts[:2]) + (f" {parts[2]}" if len(parts) > 2 else "")


def _non_overlapping(spans: Iterable[Highlight]) -> list[Highlight]:
    """Keep spans that do not overlap an earlier (then longer) kept span."""
    kept: list[Highlight] = []
    end = -1
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if span.start >= end and span.end > span.start:
            kept.append(span)
            end = span.end
    return kept


def highlighted_paragraphs(text: str, spans: Iterable[Highlight] = ()) -> list[Markup]:
    """Split text into paragraphs and return each as escaped HTML with its spans marked."""
    ordered = _non_overlapping(spans)
    paragraphs: list[Markup] = []
    cursor = 0
    bounds = [(m.start(), m.end()) for m in PARAGRAPH_BREAK.finditer(text)] + [(len(text), len(text))]
    for brk_start, brk_end in bounds:
        para_start, para_end = cursor, brk_start
        cursor = brk_end
        if not text[para_start:para_end].strip():
            continue
        pieces: list[str] = []
        pos = para_start
        for span in ordered:
            if span.start < para_start or span.end > para_end:
                continue
            pieces.append(escape(text[pos : span.start]))
            pieces.append(
                Markup('<mark class="{}" title="{}">{}</mark>').format(
                    span.css, span.title, text[span.start : span.end]
                )
            )
            pos = span.end
        pieces.append(escape(text[pos:para_end]))
        paragraphs.append(Markup("").join(pieces))
    return paragraphs
