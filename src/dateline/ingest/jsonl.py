"""Read JSON and JSON Lines records (news-please, CC-NEWS, news APIs) into one RawDocument each.

JSON Lines is streamed line by line, so a file of any size costs one record of memory, and a broken
line is reported while the others go on. A JSON document (an object, an array of objects, or an
object holding such an array under ``articles``/``items``/...) must be parsed whole. The common
field names of scraped-news datasets are mapped onto ``fields`` with the field each came from.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from typing import Any

from dateline.ingest.decode import BinaryContent, decode_bytes, normalize_newlines, wide_encoding
from dateline.ingest.detect import looks_like_html
from dateline.ingest.streams import CHUNK_BYTES, Limits, too_large
from dateline.model import IngestError, RawDocument

TEXT_FIELDS = ("text", "maintext", "content", "body", "article", "article_text", "full_text", "articlebody")
METADATA_FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "date": (
        "date",
        "time",
        "date_publish",
        "published",
        "pubdate",
        "publish_date",
        "dct",
        "date_published",
        "datepublished",
        "published_at",
        "publishedat",
        "pub_date",
    ),
    "outlet": ("source", "source_domain", "outlet", "publisher", "site_name", "source_name", "publication"),
    "author": ("author", "authors", "byline", "creator"),
    "id": ("id", "_id", "uuid", "doc_id"),
    "language": ("language", "lang"),
}
URL_FIELDS = ("url", "link", "canonical_url", "article_url")
CONTAINER_FIELDS = (
    "articles",
    "items",
    "data",
    "results",
    "documents",
    "records",
    "posts",
    "entries",
    "hits",
)
NESTED_VALUE_KEYS = ("rendered", "name", "value", "text", "title", "$date")
NO_TEXT_REASON = f"record has no text (looked for {', '.join(TEXT_FIELDS[:6])}, ...)"
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
HTML_SNIFF_CHARS = 100_000
EPOCH_SECONDS = (1e8, 5e9)
EPOCH_MILLISECONDS = (1e11, 5e12)


def clean_string(value: str) -> str:
    """Replace lone surrogates (legal in JSON, unencodable in UTF-8) and normalise newlines."""
    if LONE_SURROGATE.search(value):
        value = LONE_SURROGATE.sub("\ufffd", value)
    return normalize_newlines(value)


def iso_utc(moment: datetime) -> str:
    """Format an aware datetime as ISO 8601 in UTC."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def epoch_to_iso(value: float) -> str | None:
    """Return the ISO 8601 date of a Unix timestamp in seconds or milliseconds, None if implausible."""
    if EPOCH_SECONDS[0] <= value <= EPOCH_SECONDS[1]:
        return iso_utc(datetime.fromtimestamp(value, UTC))
    if EPOCH_MILLISECONDS[0] <= value <= EPOCH_MILLISECONDS[1]:
        return iso_utc(datetime.fromtimestamp(value / 1000, UTC))
    return None


def field_value(value: Any, key: str) -> str | None:
    """Return a metadata value as one string (lists joined, ``{"name": ...}`` unwrapped), or None."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return (epoch_to_iso(value) if key == "date" else None) or str(value)
    if isinstance(value, str):
        text = " ".join(clean_string(value).split())
        return text or None
    if isinstance(value, dict):
        for nested in NESTED_VALUE_KEYS:
            if nested in value:
                return field_value(value[nested], key)
        return None
    if isinstance(value, list):
        parts = [part for part in (field_value(item, key) for item in value) if part]
        return ", ".join(dict.fromkeys(parts)) or None
    return None


def text_value(value: Any) -> str | None:
    """Return the article text of a field (a string, paragraphs in a list, ``{"rendered": ...}``), or None."""
    if isinstance(value, str):
        return clean_string(value) if value.strip() else None
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return text_value("\n\n".join(value))
    if isinstance(value, dict):
        for nested in ("rendered", "value", "text"):
            if nested in value:
                return text_value(value[nested])
    return None


def find_field(record: dict[str, Any], names: Iterable[str]) -> tuple[str, Any] | None:
    """Return ``(actual_key, value)`` of the first of ``names`` present (any case) with a value."""
    by_lower = {key.lower(): key for key in record if isinstance(key, str)}
    for name in names:
        key = by_lower.get(name)
        if key is not None and record[key] not in (None, "", [], {}):
            return key, record[key]
    return None


def unwrap(record: dict[str, Any]) -> dict[str, Any]:
    """Return the article inside an Elasticsearch-style ``{"_source": {...}}`` hit, else the record."""
    inner = record.get("_source")
    if isinstance(inner, dict) and find_field(record, TEXT_FIELDS) is None:
        return inner
    return record


def container_items(record: dict[str, Any]) -> list[Any] | None:
    """Return the list of articles a wrapper object holds (``{"articles": [...]}``), or None."""
    found = find_field(record, CONTAINER_FIELDS)
    if found is None:
        return None
    value = found[1]
    if isinstance(value, dict):
        # Elasticsearch nests its hits one level deeper: {"hits": {"hits": [...]}}.
        value = value.get("hits") or value.get("items")
    if isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
        return value
    return None


def record_document(
    record: dict[str, Any], source: str, encoding: str, limits: Limits
) -> RawDocument | IngestError:
    """Make the RawDocument of one JSON record that has an article text."""
    found = find_field(record, TEXT_FIELDS)
    text = text_value(found[1]) if found else None
    if text is None:
        return IngestError(source, NO_TEXT_REASON)
    if len(text) > limits.max_doc_bytes // 4 and len(text.encode("utf-8")) > limits.max_doc_bytes:
        return IngestError(source, too_large("record text", limits.max_doc_bytes, len(text.encode("utf-8"))))
    fields: dict[str, str] = {}
    field_sources: dict[str, str] = {}
    for name, aliases in METADATA_FIELDS.items():
        match = find_field(record, aliases)
        value = field_value(match[1], name) if match else None
        if match and value:
            fields[name] = value
            field_sources[name] = f"json:{match[0]}"
    url_match = find_field(record, URL_FIELDS)
    return RawDocument(
        source=source,
        format="json",
        text=text,
        is_html=looks_like_html(text[:HTML_SNIFF_CHARS]),
        url=field_value(url_match[1], "url") if url_match else None,
        fields=fields,
        field_sources=field_sources,
        encoding=encoding,
    )


def json_records(value: Any) -> list[Any] | None:
    """Return the records a JSON value holds (an array's items, a wrapper's articles), None for one record."""
    if isinstance(value, list):
        return value
    if isinstance(value, dict):
        record = unwrap(value)
        return None if find_field(record, TEXT_FIELDS) else container_items(record)
    return None


def value_documents(
    value: Any, source: str, encoding: str, limits: Limits
) -> Iterator[RawDocument | IngestError]:
    """Yield the documents of one parsed JSON value: a record, or ``source.N`` for each record it holds."""
    records = json_records(value)
    if records is not None:
        for index, item in enumerate(records, 1):
            yield from value_documents(item, f"{source}.{index}", encoding, limits)
    elif isinstance(value, dict):
        yield record_document(unwrap(value), source, encoding, limits)
    else:
        yield IngestError(source, f"record is a JSON {type(value).__name__}, not an object")


def parse_json(text: str) -> Any:
    """Parse JSON text; raise ValueError with a short message on bad or too deeply nested input."""
    try:
        return json.loads(text)
    except RecursionError as exc:
        raise ValueError("nested too deeply") from exc


def read_json(data: bytes, source: str, limits: Limits) -> Iterator[RawDocument | IngestError]:
    """Yield the documents of a whole JSON file: one object (``#1``), or each record of an array (``#N``)."""
    try:
        text, encoding = decode_bytes(data)
    except BinaryContent as exc:
        yield IngestError(source, f"binary file ({exc}), not an article")
        return
    try:
        value = parse_json(text)
    except ValueError as exc:
        yield IngestError(source, f"invalid JSON: {exc}")
        return
    records = json_records(value)
    if records is None:
        yield from value_documents(value, f"{source}#1", encoding, limits)
    elif not records:
        yield IngestError(source, "JSON document holds no records")
    for index, item in enumerate(records or [], 1):
        yield from value_documents(item, f"{source}#{index}", encoding, limits)


def byte_lines(stream: io.RawIOBase, max_line: int) -> Iterator[tuple[int, bytes | None]]:
    """Yield ``(line_number, line)`` for each line; ``None`` for a line longer than ``max_line``, skipped."""
    reader = io.BufferedReader(stream, CHUNK_BYTES)
    number = 0
    while True:
        line = reader.readline(max_line + 1)
        if not line:
            return
        number += 1
        if len(line) > max_line and not line.endswith(b"\n"):
            while (rest := reader.readline(CHUNK_BYTES)) and not rest.endswith(b"\n"):
                pass
            yield number, None
        else:
            yield number, line


def text_lines(stream: io.RawIOBase, encoding: str, max_line: int) -> Iterator[tuple[int, str | None]]:
    """Yield ``(line_number, line)`` from a UTF-16/32 stream; ``None`` for an over-long line, skipped."""
    reader = io.TextIOWrapper(io.BufferedReader(stream, CHUNK_BYTES), encoding=encoding, errors="replace")
    number = 0
    while True:
        line = reader.readline(max_line + 1)
        if not line:
            return
        number += 1
        if len(line) > max_line and not line.endswith("\n"):
            while (rest := reader.readline(CHUNK_BYTES)) and not rest.endswith("\n"):
                pass
            yield number, None
        else:
            yield number, line.lstrip("\ufeff") if number == 1 else line


def decode_line(line: bytes, number: int) -> tuple[str, str]:
    """Decode one JSON line: UTF-8 (a BOM on the first line allowed), else the detected charset."""
    if number == 1 and line.startswith(b"\xef\xbb\xbf"):
        line = line[3:]
    try:
        return line.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return decode_bytes(line)


def read_jsonl(
    stream: io.RawIOBase, source: str, head: bytes, limits: Limits
) -> Iterator[RawDocument | IngestError]:
    """Yield one document (or error) per line of a JSON Lines stream, ``source#N`` for line N."""
    # JSON escapes (\u00e9) make a record's line longer than its text; allow for it.
    max_line = 2 * limits.max_doc_bytes + 64 * 1024
    wide = wide_encoding(head)
    lines: Iterator[tuple[int, bytes | None]] | Iterator[tuple[int, str | None]]
    lines = text_lines(stream, wide, max_line) if wide else byte_lines(stream, max_line)
    found_any = False
    for number, line in lines:
        where = f"{source}#{number}"
        if line is None:
            found_any = True
            yield IngestError(where, too_large("record", max_line))
            continue
        if not line.strip():
            continue
        found_any = True
        try:
            text, encoding = (line, wide or "utf-8") if isinstance(line, str) else decode_line(line, number)
        except BinaryContent as exc:
            yield IngestError(where, f"binary data ({exc}), not a JSON record")
            continue
        try:
            value = parse_json(text)
        except ValueError as exc:
            yield IngestError(where, f"invalid JSON: {exc}")
            continue
        yield from value_documents(value, where, encoding, limits)
    if not found_any:
        yield IngestError(source, "empty file")
