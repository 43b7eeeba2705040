"""Read a WARC web archive into one RawDocument per HTML or plain-text response, with warcio.

Only successful (2xx) ``response`` records and ``resource`` records whose payload is HTML or text
become documents; requests, metadata, DNS, images, scripts and redirects are skipped silently. The
WARC-Date is the crawl time, not the publication date, so it goes to ``fields["crawled"]``. warcio
stops quietly at a cut-off file; the record lengths are checked here so a truncated archive reports
the broken part and keeps every record before it. Gzipped archives arrive already decompressed.
"""

from __future__ import annotations

from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeadersParserException

from dateline.ingest.detect import detect_format
from dateline.ingest.streams import CHUNK_BYTES, HEAD_BYTES, Limits, PrefixedReader, read_up_to, too_large
from dateline.ingest.text import single_document
from dateline.model import IngestError, RawDocument

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain"})
UNTYPED = frozenset({"", "application/octet-stream", "unk", "unknown", "application/x-unknown"})


def media_type(content_type: str) -> tuple[str, str | None]:
    """Split a Content-Type header into its lower-cased media type and its charset parameter."""
    parts = [part.strip() for part in content_type.split(";")]
    charset = None
    for part in parts[1:]:
        name, _, value = part.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    return parts[0].lower(), charset


def payload_format(content_type: str, payload: bytes) -> str | None:
    """Return ``html`` or ``text`` for a payload worth reading, None for any other media type."""
    kind, _ = media_type(content_type)
    if kind in HTML_TYPES:
        return "html"
    if kind in TEXT_TYPES:
        return "text"
    if kind in UNTYPED:
        sniffed = detect_format(payload[:HEAD_BYTES])
        return sniffed if sniffed in {"html", "text"} else None
    return None


def record_content_type(record: ArcWarcRecord) -> str | None:
    """Return the payload's Content-Type for a record worth reading, or None to skip the record."""
    if record.rec_type == "response":
        headers = record.http_headers
        if headers is None or not headers.get_statuscode().startswith("2"):
            return None
        return headers.get_header("Content-Type") or ""
    if record.rec_type == "resource":
        return record.rec_headers.get_header("Content-Type") or ""
    return None


def record_document(record: ArcWarcRecord, where: str, limits: Limits) -> RawDocument | IngestError | None:
    """Make the document of one WARC record, an IngestError, or None for a record that is not an article."""
    content_type = record_content_type(record)
    if content_type is None or media_type(content_type)[0] not in HTML_TYPES | TEXT_TYPES | UNTYPED:
        return None
    payload = read_up_to(record.content_stream(), limits.max_doc_bytes + 1)
    if len(payload) > limits.max_doc_bytes:
        return IngestError(where, too_large("WARC record payload", limits.max_doc_bytes))
    fmt = payload_format(content_type, payload)
    if fmt is None:
        return None
    document = single_document(payload, where, fmt, media_type(content_type)[1], what="record")
    if isinstance(document, IngestError):
        return document
    document.format = "warc"
    document.url = record.rec_headers.get_header("WARC-Target-URI") or document.url
    crawled = record.rec_headers.get_header("WARC-Date")
    if crawled:
        document.fields["crawled"] = crawled
        document.field_sources["crawled"] = "warc:WARC-Date"
    return document


def header_problem(exc: Exception) -> str:
    """Describe a failure to read a record header, with warcio's own message when it has one."""
    if isinstance(exc, ArchiveLoadFailed | StatusAndHeadersParserException):
        return f"invalid WARC record header ({' '.join(str(exc).split())[:200]})"
    return "invalid or truncated WARC record header"


def missing_bytes(record: ArcWarcRecord) -> int:
    """Read what is left of a record's block and return how many of its declared bytes never came."""
    raw = record.raw_stream
    while raw.read(CHUNK_BYTES):
        pass
    return int(getattr(raw, "limit", 0) or 0)


def read_warc(stream: PrefixedReader, source: str, limits: Limits) -> Iterator[RawDocument | IngestError]:
    """Yield one document per HTML/text response of a WARC stream (``source#N`` for the N-th record)."""
    archive = ArchiveIterator(stream)
    number = produced = failed = 0
    records = iter(archive)
    while True:
        try:
            record = next(records, None)
        except Exception as exc:  # warcio raises assorted types (and AttributeError) on garbage
            yield IngestError(f"{source}#{number + 1}", f"{header_problem(exc)} after record {number}")
            return
        if record is None:
            break
        number += 1
        where = f"{source}#{number}"
        if not record.rec_type or record.rec_headers.get_header("Content-Length") is None:
            # warcio turns a header cut off at the end of the file into a record without a type.
            failed += 1
            yield IngestError(where, "invalid or truncated WARC record header")
            continue
        try:
            item = record_document(record, where, limits)
            missing = missing_bytes(record)
        except Exception as exc:  # a broken payload (bad chunking, bad gzip) spoils only this record
            item, missing = IngestError(where, f"unreadable WARC record: {exc}"), 0
        if missing:
            failed += 1
            yield IngestError(where, f"truncated WARC record: {missing} of its bytes are missing")
        elif item is not None:
            failed += isinstance(item, IngestError)
            produced += isinstance(item, RawDocument)
            yield item
    if archive.offset < stream.tell():
        failed += 1
        yield IngestError(
            f"{source}#{number + 1}", f"truncated WARC: the file ends inside record {number + 1}"
        )
    if number == 0 and not failed:
        yield IngestError(source, "no WARC records found")
    elif produced == 0 and not failed:
        yield IngestError(source, f"no HTML or text responses among its {number} WARC records")
