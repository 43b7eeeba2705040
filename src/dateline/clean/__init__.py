"""Cleaning: from a raw document to clean text, metadata with provenance, removals and an offset map.

Plain text goes through the boilerplate remover (``boilerplate.py``); HTML through trafilatura
(``html.py``). Metadata is read from the raw text, where bylines and date lines sit even when the
cleaner drops them, and from the fields a structured source gave (JSON, feed, HTML meta).
"""

from __future__ import annotations

from dateline.clean.boilerplate import clean_text
from dateline.clean.html import clean_html
from dateline.clean.masthead import site_hints
from dateline.clean.metadata import extract_metadata
from dateline.model import CleanResult, RawDocument


class CleanError(ValueError):
    """A document that cleans to nothing usable (no article text)."""


def clean_document(doc: RawDocument) -> CleanResult:
    """Clean one raw document; raise CleanError when no article text is left."""
    fields = dict(doc.fields)
    field_sources = dict(doc.field_sources)
    if doc.is_html:
        page = clean_html(doc.text, url=doc.url)
        # What the record itself says (a JSON field, a feed entry) outranks what the page's markup says.
        fields = {**page.fields, **fields}
        field_sources = {**page.field_sources, **field_sources}
        raw, text, offsets, removed = page.visible_text, page.text, page.offsets, page.removed
    else:
        raw = doc.text
        text, offsets, removed = clean_text(raw)
    if not text.strip():
        raise CleanError("no article text found (the page is empty or all boilerplate)")
    meta = extract_metadata(raw, fields, field_sources, site_hints(doc.url, doc.source))
    return CleanResult(
        text=text,
        title=meta["title"],
        date=meta["date"],
        outlet=meta["outlet"],
        author=meta["author"],
        language=meta["language"],
        removed=removed,
        offsets=offsets,
        raw_text=raw,
    )


__all__ = ["CleanError", "clean_document"]
