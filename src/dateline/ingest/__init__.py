"""Ingest: read articles from files, folders, glob patterns and stdin, one reader per format.

The format of each input is chosen from its content (plain text, HTML, JSON / JSON Lines, RSS/Atom
feeds, WARC archives; gzip looked through), with the file name only breaking ties. Each input
yields ``RawDocument`` records, or an ``IngestError`` naming the file (and record) and the reason;
nothing raises, so one bad file never stops a run.
"""

from dateline.ingest.paths import count_inputs, iter_inputs
from dateline.ingest.reader import iter_documents, read_bytes, read_file, read_stream

__all__ = ["count_inputs", "iter_documents", "iter_inputs", "read_bytes", "read_file", "read_stream"]
