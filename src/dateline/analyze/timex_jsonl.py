"""JSON Lines in and out for time expressions: records ``{"id", "dct", "text"}`` to ``{"id", "timexes"}``.

This is the measurement contract of ``dateline timex``: offsets index the ``text`` exactly as given
(nothing is cleaned or stripped), a record without a usable ``dct`` is still read (absolute dates
resolve, relative ones get underspecified values), and a line that is not a usable record becomes a
``LineError`` while the rest goes on.
"""

from __future__ import annotations

import gzip
import io
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from dateline.analyze import nlp
from dateline.analyze.timex import find_timexes
from dateline.model import TimeRef


@dataclass(frozen=True, slots=True)
class Record:
    """One input record: where it was, its id, publication date and text."""

    line: int
    key: Any
    """The record's ``id`` as given (a string or a number), written back unchanged."""
    dct: date | None
    text: str
    warning: str | None = None

    @property
    def id(self) -> str:
        """The record id as text, the article id of its TimeRefs."""
        return str(self.key)


@dataclass(frozen=True, slots=True)
class LineError:
    """A line that could not be read as a record, and why."""

    line: int
    reason: str


def parse_dct(value: Any) -> date | None:
    """Read a publication date: ``YYYY-MM-DD`` or an ISO date-time; None when missing or empty."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        raise ValueError(f"dct must be a string, not {type(value).__name__}")
    return date.fromisoformat(value.strip()[:10])


def parse_line(line_number: int, line: str) -> Record | LineError | None:
    """Read one JSONL line; None for a blank line."""
    if not line.strip():
        return None
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        return LineError(line_number, f"not valid JSON ({exc.msg} at column {exc.colno})")
    if not isinstance(data, dict):
        return LineError(line_number, "not a JSON object")
    text = data.get("text")
    if not isinstance(text, str):
        return LineError(line_number, 'missing "text" (a string)')
    record_id = data.get("id")
    if record_id is None or isinstance(record_id, (dict, list)):
        return LineError(line_number, 'missing "id"')
    try:
        dct = parse_dct(data.get("dct"))
        warning = None
    except ValueError as exc:
        dct, warning = None, f"unreadable dct {data.get('dct')!r} ({exc}); resolved without it"
    return Record(line_number, record_id, dct, text, warning)


def open_text(path: str) -> TextIO:
    """Open a UTF-8 text file, gzipped or not, or standard input for ``-``."""
    if path == "-":
        return io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", newline="")
    if path.endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8", newline="")
    return Path(path).open(encoding="utf-8", newline="")


def count_lines(path: str) -> int | None:
    """Count the lines of an input file (for a progress bar); None for standard input."""
    if path == "-":
        return None
    with open_text(path) as stream:
        return sum(1 for line in stream if line.strip())


def read_records(stream: Iterable[str]) -> Iterator[Record | LineError]:
    """Yield the records and the unreadable lines of a JSONL stream, numbered from 1."""
    for number, line in enumerate(stream, start=1):
        item = parse_line(number, line)
        if item is not None:
            yield item


def annotate(records: Iterable[Record], batch_size: int = 64) -> Iterator[tuple[Record, list[TimeRef]]]:
    """Parse the records' texts in batches with spaCy and find their time expressions."""
    language = nlp.load()
    pairs = ((record.text, record) for record in records)
    for doc, record in language.pipe(pairs, batch_size=batch_size, as_tuples=True):
        yield record, find_timexes(doc, record.dct, record.id)


def to_json(record: Record, timexes: list[TimeRef]) -> str:
    """Write one output line: the record id and its time expressions (start, end, type, value)."""
    payload = {
        "id": record.key,
        "timexes": [{"start": t.start, "end": t.end, "type": t.type, "value": t.value} for t in timexes],
    }
    return json.dumps(payload, ensure_ascii=False)
