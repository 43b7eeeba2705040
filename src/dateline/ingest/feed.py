"""Read an RSS, Atom or RDF feed into one RawDocument per entry, with feedparser.

feedparser is given the bytes (never a string, which it would take for a URL or a file name), so it
fetches nothing. The DOCTYPE, with any entity declarations (billion laughs, external entities), is
removed before parsing; feedparser also turns off external entities in its SAX parser and sanitises
HTML content (no ``<script>``).
"""

from __future__ import annotations

import calendar
import io
import re
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import feedparser

from dateline.ingest.decode import normalize_newlines
from dateline.ingest.detect import looks_like_html
from dateline.ingest.streams import Limits, too_large
from dateline.model import IngestError, RawDocument

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FIRST_ELEMENT = re.compile(rb"<[A-Za-z_]")
DOCTYPE = re.compile(rb"<!DOCTYPE\s[^\[>]*(?:\[.*?\]\s*)?>", re.I | re.S)


def without_doctype(data: bytes) -> bytes:
    """Drop the DOCTYPE before the first element, with every entity it declares.

    feedparser only strips entity declarations that start a line, so a one-line billion-laughs
    DOCTYPE would reach expat, whose amplification cap still lets through 100 times the input.
    Feeds need no DTD; undefined entities then send feedparser to its lenient parser.
    """
    first = FIRST_ELEMENT.search(data)
    end = first.start() if first else len(data)
    return DOCTYPE.sub(b"", data[:end]) + data[end:]


def iso_date(raw: str | None, parsed: time.struct_time | None) -> str | None:
    """Format a feed date as ISO 8601, keeping the offset it was written with; None if there is none.

    feedparser's ``*_parsed`` times are UTC, which can move a late-evening story to the next day,
    so the written RFC 822 or ISO string is read first.
    """
    for parse in (parsedate_to_datetime, datetime.fromisoformat):
        try:
            return parse((raw or "").strip()).isoformat(timespec="seconds")
        except (TypeError, ValueError, IndexError):
            continue
    if not parsed:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(parsed), UTC).isoformat(timespec="seconds")
    except (OverflowError, ValueError, OSError):
        return None


def is_markup(value: str, media_type: str) -> bool:
    """Return whether a feed text is HTML: typed so, and with at least one tag (RSS types all text html)."""
    return media_type in HTML_TYPES and looks_like_html(value, min_tags=1)


def entry_text(entry: Any) -> tuple[str, bool] | None:
    """Return an entry's text and whether it is HTML: the full content when given, else the summary."""
    for content in entry.get("content") or []:
        value = content.get("value") or ""
        if value.strip():
            return value, is_markup(value, content.get("type", "text/html"))
    summary = entry.get("summary") or ""
    if summary.strip():
        detail = entry.get("summary_detail") or {}
        return summary, is_markup(summary, detail.get("type", "text/html"))
    return None


def entry_date(entry: Any) -> tuple[str, str] | None:
    """Return ``(iso_date, field)`` from ``published``, else ``updated``; the raw string if unparsed."""
    for field in ("published", "updated", "created"):
        value = iso_date(entry.get(field), entry.get(f"{field}_parsed")) or entry.get(field)
        if value:
            return value, field
    return None


def entry_author(entry: Any) -> str | None:
    """Return an entry's author, or its several authors joined with commas."""
    names = [author.get("name") for author in entry.get("authors") or [] if author.get("name")]
    if len(names) > 1:
        return ", ".join(dict.fromkeys(names))
    return entry.get("author") or (names[0] if names else None)


def entry_fields(entry: Any, channel: Any) -> tuple[dict[str, str], dict[str, str]]:
    """Return the ``fields`` and ``field_sources`` of one entry: title, date, author, outlet, id, language."""
    found: dict[str, tuple[Any, str]] = {
        "title": (entry.get("title"), "feed:title"),
        "author": (entry_author(entry), "feed:author"),
        "outlet": (channel.get("title"), "feed:feed.title"),
        "id": (entry.get("id"), "feed:id"),
        "language": (channel.get("language"), "feed:feed.language"),
    }
    date = entry_date(entry)
    if date is not None:
        found["date"] = (date[0], f"feed:{date[1]}")
    fields: dict[str, str] = {}
    field_sources: dict[str, str] = {}
    for key, (value, origin) in found.items():
        if isinstance(value, str) and value.strip():
            fields[key] = " ".join(value.split())
            field_sources[key] = origin
    return fields, field_sources


def read_feed(data: bytes, source: str, limits: Limits) -> Iterator[RawDocument | IngestError]:
    """Yield one document per feed entry (``source#N``), or an IngestError for a feed with none."""
    parsed = feedparser.parse(
        io.BytesIO(without_doctype(data)), sanitize_html=True, resolve_relative_uris=True
    )
    entries = parsed.get("entries") or []
    if not entries:
        problem = parsed.get("bozo_exception") if parsed.get("bozo") else None
        yield IngestError(source, f"feed has no entries{f' ({problem})' if problem else ''}")
        return
    channel = parsed.get("feed") or {}
    encoding = parsed.get("encoding") or "utf-8"
    for number, entry in enumerate(entries, 1):
        where = f"{source}#{number}"
        found = entry_text(entry)
        if found is None:
            yield IngestError(where, "feed entry has no content or summary")
            continue
        text, is_html = found
        size = len(text.encode("utf-8", "surrogatepass"))
        if size > limits.max_doc_bytes:
            yield IngestError(where, too_large("feed entry", limits.max_doc_bytes, size))
            continue
        fields, field_sources = entry_fields(entry, channel)
        yield RawDocument(
            source=where,
            format="feed",
            text=normalize_newlines(text),
            is_html=is_html,
            url=entry.get("link") or None,
            fields=fields,
            field_sources=field_sources,
            encoding=encoding.lower(),
        )
