"""JSON Lines in and out for quotes: records ``{"id", "text"}`` to ``{"id", "quotes"}``.

This is the measurement contract of ``dateline quotes FILE --format jsonl``: offsets index the
record's ``text`` exactly as given (nothing is cleaned or stripped), every record gets one output
line in input order, and a line that is not a usable record is reported and skipped. A direct quote
is written as one item per quoted passage ("A," he said. "B." gives two items with the same
speaker), so each passage a reader sees is one quote; mixed and indirect quotes are one item with
all their fragments.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from functools import partial
from typing import Any

from spacy.tokens import Doc

from dateline.analyze import nlp
from dateline.analyze.entities import find_mentions
from dateline.analyze.pipeline import guarded
from dateline.analyze.quotes import find_quotes
from dateline.analyze.timex_jsonl import Record
from dateline.model import Quote


def annotate(
    records: Iterable[Record], batch_size: int = 32, n_process: int = 1
) -> Iterator[tuple[Record, list[Quote]]]:
    """Parse the records' texts in batches with spaCy and find their quotes."""
    pairs = ((record.text, record) for record in records)
    yield from nlp.parse_map(pairs, _record_quotes, n_process=n_process, batch_size=batch_size)


def _record_quotes(doc: Doc, record: Record) -> list[Quote]:
    """Find the quotes of one record's parse (in a worker process when there are several)."""
    # a bug one odd record hits costs that record's quotes (logged), not the run nor its other lines
    return guarded("quotes", record.key, partial(_quotes_of, doc, record.id))


def _quotes_of(doc: Doc, article_id: str) -> list[Quote]:
    """Find the quotes of one parsed record, with its own mentions."""
    return find_quotes(doc, find_mentions(doc, article_id), article_id)


def quote_items(quote: Quote) -> list[dict[str, Any]]:
    """Return the output items of one quote: one per passage for direct speech, else one."""
    speaker = (
        {"start": quote.speaker_start, "end": quote.speaker_end}
        if quote.speaker_start is not None and quote.speaker_end is not None
        else None
    )
    cue = {"start": quote.cue_start, "end": quote.cue_end} if quote.cue_start is not None else None
    base = {"speaker": speaker, "speaker_name": quote.speaker_name, "kind": quote.kind, "cue": cue}
    groups = [[f] for f in quote.fragments] if quote.kind == "direct" else [quote.fragments]
    return [dict(base, content=[{"start": s, "end": e} for s, e in group]) for group in groups]


def to_json(record: Record, quotes: list[Quote]) -> str:
    """Write one output line: the record id and its quotes."""
    items = [item for quote in quotes for item in quote_items(quote)]
    return json.dumps({"id": record.key, "quotes": items}, ensure_ascii=False)
