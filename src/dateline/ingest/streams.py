"""Byte streams for ingest: size limits, a sniffed head put back in front, and capped gunzip.

Readers never load a file whole unless its format needs it: the first bytes are read to choose the
format, then put back in front of the rest of the stream so every reader sees the file from the start.
Gzip input is decompressed as a stream with a cap on the decompressed size, which defeats gzip bombs
(a few KB that inflate to gigabytes) at the cost of refusing honest files larger than the cap.
"""

from __future__ import annotations

import io
import os
import zlib
from dataclasses import dataclass
from typing import Protocol

DEFAULT_MAX_DOC_BYTES = 20 * 1024 * 1024
"""A single text or HTML document larger than this is refused (``DATELINE_MAX_DOC_BYTES``)."""
DEFAULT_MAX_LOADED_BYTES = 512 * 1024 * 1024
"""A JSON array or a feed, which must be parsed whole, is refused above this size."""
DEFAULT_MAX_DECOMPRESSED_BYTES = 4 * 1024 * 1024 * 1024
"""Gzip input stops with an error once it has inflated to this many bytes."""
HEAD_BYTES = 64 * 1024
"""How much of a file is read to choose its format."""
CHUNK_BYTES = 256 * 1024
GZIP_MAGIC = b"\x1f\x8b"


class Readable(Protocol):
    """Anything with a ``read(size)`` returning bytes: files, pipes, BytesIO, the readers below."""

    def read(self, size: int = ..., /) -> bytes | None:
        """Read up to ``size`` bytes."""
        ...


class InputRefused(Exception):
    """Raised when an input breaks a limit or is corrupt; the message is the reason shown to the user."""


@dataclass(frozen=True)
class Limits:
    """Size limits for one ingest run."""

    max_doc_bytes: int = DEFAULT_MAX_DOC_BYTES
    max_loaded_bytes: int = DEFAULT_MAX_LOADED_BYTES
    max_decompressed_bytes: int = DEFAULT_MAX_DECOMPRESSED_BYTES


def resolve_limits(max_bytes: int | None = None) -> Limits:
    """Return the limits for a run: ``max_bytes`` if given, else ``DATELINE_MAX_DOC_BYTES``, else 20 MB."""
    if max_bytes is None:
        max_bytes = env_int("DATELINE_MAX_DOC_BYTES", DEFAULT_MAX_DOC_BYTES)
    max_bytes = max(1, max_bytes)
    return Limits(max_doc_bytes=max_bytes, max_loaded_bytes=max(DEFAULT_MAX_LOADED_BYTES, max_bytes))


def env_int(name: str, default: int) -> int:
    """Read a positive integer from the environment, ignoring unset or malformed values."""
    value = os.environ.get(name, "").strip().replace("_", "")
    if value.isdigit() and int(value) > 0:
        return int(value)
    return default


def human_size(size: int) -> str:
    """Format a byte count for a message (``20.0 MB``, ``512 bytes``)."""
    if size < 1024:
        return f"{size} bytes"
    value, unit = size / 1024, "KB"
    for larger in ("MB", "GB"):
        if value < 1024:
            break
        value, unit = value / 1024, larger
    return f"{value:.1f} {unit}"


def too_large(what: str, limit: int, size: int | None = None) -> str:
    """Return the reason for refusing something over a size limit (its size when known)."""
    amount = human_size(size) if size is not None else f"more than {human_size(limit)}"
    exact = f" ({limit} bytes)" if limit >= 1024 else ""
    return f"{what} is {amount}, over the limit of {human_size(limit)}{exact}"


def read_up_to(stream: Readable, size: int) -> bytes:
    """Read until ``size`` bytes or the end of the stream, whichever comes first."""
    parts: list[bytes] = []
    remaining = size
    while remaining > 0:
        chunk = stream.read(min(remaining, CHUNK_BYTES))
        if not chunk:
            break
        parts.append(chunk)
        remaining -= len(chunk)
    return b"".join(parts)


class PrefixedReader(io.RawIOBase):
    """A stream that yields ``prefix`` and then the rest of ``stream``: puts a sniffed head back."""

    def __init__(self, prefix: bytes, stream: Readable) -> None:
        super().__init__()
        self._prefix = memoryview(prefix)
        self._stream = stream
        self._position = 0

    def readable(self) -> bool:
        """Say this stream can be read."""
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        """Fill ``buffer`` from the prefix first, then from the underlying stream."""
        if self._prefix:
            count = min(len(buffer), len(self._prefix))
            buffer[:count] = self._prefix[:count]
            self._prefix = self._prefix[count:]
        else:
            data = self._stream.read(len(buffer)) or b""
            count = len(data)
            buffer[:count] = data
        self._position += count
        return count

    def tell(self) -> int:
        """Return how many bytes have been read, the offset warcio needs."""
        return self._position


class GunzipReader(io.RawIOBase):
    """Decompress a (multi-member) gzip stream lazily, with a cap on the decompressed size.

    A stream that ends inside a member sets ``truncated`` and reads as ended, so the caller keeps
    what came before the break. Corrupt data or passing the cap raises ``InputRefused``.
    """

    def __init__(self, stream: Readable, max_bytes: int = DEFAULT_MAX_DECOMPRESSED_BYTES) -> None:
        super().__init__()
        self._stream = stream
        self._max_bytes = max_bytes
        self._decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
        self._pending = b""
        self._offset = 0
        self._input = b""
        self._in_member = False
        self._finished = False
        self.total = 0
        self.truncated = False

    def readable(self) -> bool:
        """Say this stream can be read."""
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        """Fill ``buffer`` with decompressed bytes; 0 at the end of the data."""
        while self._offset >= len(self._pending) and not self._finished:
            self._pending, self._offset = self._inflate_some(), 0
        count = min(len(buffer), len(self._pending) - self._offset)
        buffer[:count] = self._pending[self._offset : self._offset + count]
        self._offset += count
        return count

    def _inflate_some(self) -> bytes:
        """Decompress the next piece, moving to the next member at the end of one."""
        data = self._decompressor.unconsumed_tail or self._input or self._stream.read(CHUNK_BYTES) or b""
        self._input = b""
        if not data:
            self.truncated = self._in_member
            self._finished = True
            return b""
        if not self._in_member and not data.startswith(GZIP_MAGIC[: len(data)]):
            # Tar-style zero padding after the last member is harmless; anything else is not gzip.
            if data.strip(b"\x00\r\n\t "):
                raise InputRefused("corrupt gzip data: unexpected bytes after a gzip member")
            return b""
        self._in_member = True
        try:
            out = self._decompressor.decompress(data, CHUNK_BYTES)
        except zlib.error as exc:
            raise InputRefused(f"corrupt gzip data: {exc}") from exc
        if self._decompressor.eof:
            self._input = self._decompressor.unused_data
            self._decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
            self._in_member = False
        self.total += len(out)
        if self.total > self._max_bytes:
            raise InputRefused(
                f"gzip data inflates to more than {human_size(self._max_bytes)};"
                " refused as a possible gzip bomb"
            )
        return out
