"""Ingest jobs started from the web app: uploaded files stored, analysed and reported, one job at a time.

An upload is held in memory until it is complete and within the size limit, then written to a
temporary folder inside the store's own folder (never elsewhere), ingested with ``api.ingest`` and
analysed with ``api.analyze`` in a background thread, and the folder is removed. SQLite takes one
writer at a time, so jobs run one after the other; pages keep reading on their own connections (WAL).
"""

from __future__ import annotations

import re
import shutil
import tempfile
import threading
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from dateline import api

MAX_JOBS_KEPT = 50


@dataclass
class Upload:
    """One file as the browser sent it: its name (for messages only) and its bytes."""

    name: str
    data: bytes


@dataclass
class FileError:
    """A file (or record of a file) that could not be stored, and why."""

    file: str
    reason: str


@dataclass
class IngestJob:
    """The progress and outcome of one upload, as the ingest page polls it."""

    id: str
    files: list[str]
    state: str = "queued"
    """queued, ingesting, analyzing, done or failed."""
    total: int = 0
    ingested: int = 0
    to_analyze: int = 0
    analyzed: int = 0
    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    message: str = ""

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready progress."""
        return asdict(self)


def safe_file_name(name: str) -> str:
    """Keep the last path component of an uploaded name, letters, digits, dot, dash and underscore only.

    The name decides which reader is tried first (``.html``, ``.jsonl.gz``), so the extension is kept;
    everything else that could climb out of the upload folder or confuse a shell is replaced.
    """
    base = re.split(r"[\\/]", name)[-1]
    base = re.sub(r"[^A-Za-z0-9._-]+", "_", base).lstrip(".")
    return base[:100] or "upload.txt"


class IngestJobs:
    """Runs uploads through ingest and analysis in one background thread, and keeps their progress."""

    def __init__(self, db: Path, on_done: Callable[[], object] | None = None) -> None:
        self.db = db
        self.on_done = on_done
        self._jobs: dict[str, IngestJob] = {}
        self._lock = threading.Lock()
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="dateline-ingest")

    def submit(self, uploads: list[Upload]) -> IngestJob:
        """Queue an ingest of these uploads and return its job (poll ``get`` for progress)."""
        job = IngestJob(id=uuid.uuid4().hex[:12], files=[u.name for u in uploads], total=len(uploads))
        with self._lock:
            self._jobs[job.id] = job
            for old in list(self._jobs)[:-MAX_JOBS_KEPT]:
                del self._jobs[old]
        self._executor.submit(self._run, job, uploads)
        return job

    def get(self, job_id: str) -> IngestJob | None:
        """Return the job with this id, if it is still kept."""
        with self._lock:
            return self._jobs.get(job_id)

    def wait(self, timeout: float | None = None) -> None:
        """Block until every queued job has finished (tests and shutdown)."""
        self._executor.submit(lambda: None).result(timeout)

    def shutdown(self) -> None:
        """Stop accepting jobs and let the running one finish."""
        self._executor.shutdown(wait=True)

    def _run(self, job: IngestJob, uploads: list[Upload]) -> None:
        """Store the uploads in a folder inside the store's folder, ingest, analyse, clean up."""
        folder = Path(tempfile.mkdtemp(prefix=".dateline-upload-", dir=self.db.resolve().parent))
        try:
            names: dict[str, str] = {}
            paths = []
            for number, upload in enumerate(uploads):
                path = folder / f"{number:03d}-{safe_file_name(upload.name)}"
                path.write_bytes(upload.data)
                names[str(path)] = upload.name
                paths.append(str(path))

            def shown(source: str) -> str:
                path, _, record = source.partition("#")
                name = names.get(path, Path(path).name)
                return f"{name}#{record}" if record else name

            seen: set[str] = set()

            def ingested(source: str) -> None:
                # Records of one file (JSONL, feed, WARC) count as that file's one step.
                seen.add(source.partition("#")[0])
                job.ingested = len(seen)

            job.state = "ingesting"
            report = api.ingest(paths, self.db, on_document=ingested)
            job.ingested = job.total
            job.added, job.unchanged = report.added + report.new_versions, report.unchanged
            job.errors = [FileError(shown(e.source), e.reason) for e in report.errors]
            job.state = "analyzing"
            job.to_analyze = api.pending_analysis(self.db)

            def analyzed(_: str) -> None:
                job.analyzed += 1

            api.analyze(self.db, on_article=analyzed)
            if self.on_done:
                self.on_done()
            job.state = "done"
            job.message = (
                f"{len(job.added)} added, {len(job.unchanged)} already stored, {len(job.errors)} failed"
            )
        except Exception as exc:  # noqa: BLE001 - the page must say what went wrong, not hang
            job.state = "failed"
            job.message = f"{type(exc).__name__}: {exc}"
        finally:
            shutil.rmtree(folder, ignore_errors=True)
