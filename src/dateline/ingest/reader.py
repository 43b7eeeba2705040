"""Read any input into RawDocuments: sniff the first bytes, pick the reader, never raise.

Every input, file or stream, is read the same way: read a head of 64 KB, inflate it when it is gzip, refuse
binary files, choose the format from the content (``detect.py``), then hand the whole stream, head
put back in front, to the reader of that format. Single documents (text, HTML) are refused above
the document limit before they are read whole; multi-record files (JSON Lines, WARC) stream, and
only each record is limited. Any failure becomes an ``IngestError`` naming the file (and record).
"""

from __future__ import annotations

import io
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from dateline.ingest.decode import binary_reason
from dateline.ingest.detect import detect_format, root_element
from dateline.ingest.feed import read_feed
from dateline.ingest.jsonl import read_json, read_jsonl
from dateline.ingest.paths import STDIN, iter_inputs, os_reason
from dateline.ingest.streams import (
    GZIP_MAGIC,
    HEAD_BYTES,
    GunzipReader,
    InputRefused,
    Limits,
    PrefixedReader,
    read_up_to,
    resolve_limits,
    too_large,
)
from dateline.ingest.text import single_document
from dateline.ingest.warc import read_warc
from dateline.model import IngestError, RawDocument

STDIN_SOURCE = "<stdin>"

Item = RawDocument | IngestError


def iter_documents(
    paths: Iterable[str | os.PathLike[str]], stdin: BinaryIO | None = None, *, max_bytes: int | None = None
) -> Iterator[Item]:
    """Yield a RawDocument or an IngestError for everything the given files, folders and patterns hold.

    ``-`` reads ``stdin`` (``sys.stdin.buffer`` when None) once. ``max_bytes`` limits a single
    document (default ``DATELINE_MAX_DOC_BYTES`` or 20 MB). Nothing is raised: each problem is an
    IngestError, and the other inputs go on.
    """
    limits = resolve_limits(max_bytes)
    for item in iter_inputs(paths):
        if isinstance(item, IngestError):
            yield item
        elif item == STDIN:
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _guarded(stream, STDIN_SOURCE, "", None, limits)
        else:
            yield from _read_path(Path(item), item, limits)


def read_file(path: Path | str, *, max_bytes: int | None = None) -> Iterator[Item]:
    """Yield the documents of one file (several for JSON Lines, feeds and WARC), or IngestErrors."""
    return _read_path(Path(path), str(path), resolve_limits(max_bytes))


def read_bytes(
    data: bytes, source: str, name_hint: str = "", *, max_bytes: int | None = None
) -> Iterator[Item]:
    """Yield the documents held in ``data``, named ``source``; ``name_hint`` is a file name for tie-breaks."""
    return _guarded(io.BytesIO(data), source, name_hint, len(data), resolve_limits(max_bytes))


def read_stream(
    stream: BinaryIO,
    source: str,
    name_hint: str = "",
    *,
    size: int | None = None,
    max_bytes: int | None = None,
) -> Iterator[Item]:
    """Yield the documents of an open binary stream (read once, front to back; ``size`` if known)."""
    return _guarded(stream, source, name_hint, size, resolve_limits(max_bytes))


def _read_path(path: Path, source: str, limits: Limits) -> Iterator[Item]:
    """Open one path and read it, turning OS problems into IngestErrors."""
    try:
        info = os.stat(path)
    except OSError as exc:
        reason = "broken symbolic link" if path.is_symlink() and isinstance(exc, FileNotFoundError) else None
        yield IngestError(source, reason or os_reason(exc))
        return
    if stat.S_ISDIR(info.st_mode):
        yield IngestError(source, "is a folder; pass it to iter_documents to read the files in it")
        return
    size = info.st_size if stat.S_ISREG(info.st_mode) else None
    try:
        handle = open(path, "rb")  # noqa: SIM115 -- closed by the with below, also when the caller stops early
    except OSError as exc:
        yield IngestError(source, f"cannot open: {os_reason(exc)}")
        return
    with handle:
        yield from _guarded(handle, source, path.name, size, limits)


def _guarded(
    stream: BinaryIO, source: str, name_hint: str, size: int | None, limits: Limits
) -> Iterator[Item]:
    """Read a stream, turning any failure into a last IngestError after what was read before it."""
    try:
        yield from _read(stream, source, name_hint, size, limits)
    except InputRefused as exc:
        yield IngestError(source, str(exc))
    except OSError as exc:
        yield IngestError(source, f"read error: {os_reason(exc)}")
    except Exception as exc:  # a bug in one reader must not stop the other inputs
        yield IngestError(source, f"could not read ({type(exc).__name__}: {exc})")


def _read(stream: BinaryIO, source: str, name_hint: str, size: int | None, limits: Limits) -> Iterator[Item]:
    """Sniff the head of a stream and dispatch it to the reader of its format."""
    head = read_up_to(stream, HEAD_BYTES)
    if not head.strip():
        yield IngestError(source, "empty file")
        return
    gunzip: GunzipReader | None = None
    if head.startswith(GZIP_MAGIC):
        gunzip = GunzipReader(PrefixedReader(head, stream), limits.max_decompressed_bytes)
        head, size = read_up_to(gunzip, HEAD_BYTES), None
        if not head.strip():
            yield IngestError(source, "empty file (after gzip decompression)")
            return
    body = PrefixedReader(head, gunzip if gunzip is not None else stream)
    # A WARC holds images and other binary payloads, so it is recognised before binary is refused.
    reason = None if head.startswith(b"WARC/") else binary_reason(head)
    if reason is not None:
        yield IngestError(source, f"binary file ({reason}), not an article")
        return
    yield from _dispatch(body, head, source, name_hint, size, limits)
    if gunzip is not None and gunzip.truncated:
        yield IngestError(source, "gzip data ends early: the file is truncated (what came before was read)")


def _dispatch(
    body: PrefixedReader, head: bytes, source: str, name_hint: str, size: int | None, limits: Limits
) -> Iterator[Item]:
    """Hand a stream to the reader its format calls for."""
    fmt = detect_format(head, name_hint, whole=len(head) < HEAD_BYTES)
    if fmt == "warc":
        yield from read_warc(body, source, limits)
    elif fmt == "jsonl":
        yield from read_jsonl(body, source, head, limits)
    elif fmt in {"json", "feed"}:
        data = _read_whole(body, size, limits.max_loaded_bytes, f"{fmt.upper()} file")
        yield from read_json(data, source, limits) if fmt == "json" else read_feed(data, source, limits)
    elif fmt == "xml":
        root, _ = root_element(head.decode("utf-8", "replace"))
        yield IngestError(source, f"XML document with root <{root}>, neither an article nor a feed")
    else:
        data = _read_whole(body, size, limits.max_doc_bytes, "file")
        yield single_document(data, source, fmt)


def _read_whole(body: PrefixedReader, size: int | None, limit: int, what: str) -> bytes:
    """Read a stream whole, refusing it (before reading, when its size is known) above ``limit``."""
    if size is not None and size > limit:
        raise InputRefused(too_large(what, limit, size))
    data = read_up_to(body, limit + 1)
    if len(data) > limit:
        raise InputRefused(too_large(what, limit))
    return data
