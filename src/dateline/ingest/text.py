"""Read a single-document file (plain text or HTML) into one RawDocument, refusing binary and empty input."""

from __future__ import annotations

from dateline.ingest.decode import BinaryContent, decode_bytes
from dateline.ingest.html import html_document
from dateline.model import IngestError, RawDocument


def decoded_text(
    data: bytes, source: str, declared: str | None = None, what: str = "file"
) -> tuple[str, str] | IngestError:
    """Decode bytes into ``(text, encoding)``, or the IngestError saying why they are not an article."""
    try:
        text, encoding = decode_bytes(data, declared)
    except BinaryContent as exc:
        return IngestError(source, f"binary {what} ({exc}), not an article")
    if not text.strip():
        return IngestError(source, f"empty {what}")
    return text, encoding


def single_document(
    data: bytes, source: str, fmt: str, declared: str | None = None, what: str = "file"
) -> RawDocument | IngestError:
    """Make the RawDocument of a whole text or HTML file (``fmt`` is ``text`` or ``html``)."""
    decoded = decoded_text(data, source, declared, what)
    if isinstance(decoded, IngestError):
        return decoded
    text, encoding = decoded
    if fmt == "html":
        return html_document(source, text, encoding)
    return RawDocument(source=source, format="text", text=text, encoding=encoding)
