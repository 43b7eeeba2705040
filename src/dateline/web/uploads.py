"""Read an upload form (files and pasted text) into memory, refusing it as soon as it passes the size limit.

Starlette's own form parser spools large files to the system's temporary folder; uploads here must
never be written outside the store, so the body is counted as it streams and parsed in memory with
python-multipart (files are kept in memory up to the limit, which is also the largest body accepted).
"""

from __future__ import annotations

from urllib.parse import unquote_plus

from python_multipart.multipart import Field, File, FormParser, parse_options_header
from starlette.requests import Request

from dateline.web.jobs import Upload

DEFAULT_MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_FILES = 200
PASTED_NAME = "pasted-text.txt"


class UploadRefused(Exception):
    """The upload is too large, has too many files, or is not a form; ``status`` is the HTTP status to answer."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


async def read_uploads(request: Request, max_bytes: int = DEFAULT_MAX_UPLOAD_BYTES) -> list[Upload]:
    """Return the uploaded files and the pasted text (as one more file) of a form post."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise UploadRefused(413, f"upload larger than the limit of {max_bytes:,} bytes")
    content_type, params = parse_options_header(request.headers.get("content-type", ""))
    if content_type not in (b"multipart/form-data", b"application/x-www-form-urlencoded"):
        raise UploadRefused(415, "send the files as a form (multipart/form-data)")
    uploads: list[Upload] = []
    pasted: list[str] = []

    def on_file(file: File) -> None:
        handle = file.file_object
        handle.seek(0)
        data = handle.read()
        name = (file.file_name or b"").decode("utf-8", "replace")
        if name or data:
            uploads.append(Upload(name or "upload.txt", data))
        if len(uploads) > MAX_FILES:
            raise UploadRefused(413, f"more than {MAX_FILES} files in one upload")

    urlencoded = content_type == b"application/x-www-form-urlencoded"

    def on_field(field: Field) -> None:
        if field.field_name == b"text" and field.value:
            # A urlencoded form leaves its values percent-encoded; a multipart one sends them as they are.
            value = field.value.decode("latin-1" if urlencoded else "utf-8", "replace")
            pasted.append(unquote_plus(value, encoding="utf-8", errors="replace") if urlencoded else value)

    parser = FormParser(
        content_type.decode("latin-1"),
        on_field,
        on_file,
        boundary=params.get(b"boundary"),
        config={"MAX_MEMORY_FILE_SIZE": max_bytes + 1, "MAX_BODY_SIZE": max_bytes + 1},
    )
    received = 0
    try:
        async for chunk in request.stream():
            received += len(chunk)
            if received > max_bytes:
                raise UploadRefused(413, f"upload larger than the limit of {max_bytes:,} bytes")
            parser.write(chunk)
        parser.finalize()
    except UploadRefused:
        raise
    except Exception as exc:  # noqa: BLE001 - python-multipart raises several kinds on malformed input
        raise UploadRefused(400, f"malformed form: {exc}") from exc
    for text in pasted:
        if text.strip():
            uploads.append(Upload(PASTED_NAME, text.encode("utf-8")))
    return uploads
