"""Choose the reader for a file from its first bytes, and from its name only when content is silent.

Formats: ``warc``, ``feed`` (RSS, Atom, RDF), ``html``, ``json`` (one document, an object or an
array), ``jsonl`` (one JSON object per line), ``xml`` (some other XML, refused by the caller) and
``text``, the default. Content decides first because scraped files are often misnamed (HTML saved as
``.txt``, JSON Lines as ``.dat``); the extension breaks ties only when the content looks like text.
"""

from __future__ import annotations

import json
import re
from itertools import islice

from dateline.ingest.decode import sniff_text

HTML_TAGS = (
    "html|head|body|title|meta|link|script|style|div|span|p|br|hr|a|img|ul|ol|li|table|tr|td|th|"
    "h[1-6]|article|section|header|footer|nav|main|aside|figure|figcaption|blockquote|strong|em|b|i|"
    "form|input|iframe|noscript|time|picture|source|button|label|select|option|pre|code"
)
HTML_TAG = re.compile(rf"</?(?:{HTML_TAGS})\b[^<>]{{0,2000}}>", re.I)
HTML_START = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.I)
PROLOG_PART = re.compile(r"\s*(?:<\?.*?\?>|<!--.*?-->|<!doctype[^\[>]*(?:\[.*?\])?\s*>)", re.I | re.S)
ROOT_ELEMENT = re.compile(r"<([A-Za-z_][\w.:-]*)")
FEED_ROOTS = frozenset({"rss", "feed", "rdf:rdf", "atom:feed"})
EXTENSION_FORMATS = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".jl": "jsonl",
    ".warc": "warc",
}
JSON_START = re.compile(r"\{|\[\s*(?:[\[{\"\]0-9-]|true|false|null|$)")
RECORDS_ARRAY_START = re.compile(r"\[\s*(?:[\[{\"\]]|$)")


def extension_format(name_hint: str) -> str | None:
    """Return the format a file name suggests (``.gz`` looked through), or None."""
    name = name_hint.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    dot = name.rfind(".")
    return EXTENSION_FORMATS.get(name[dot:]) if dot >= 0 else None


def looks_like_html(text: str, min_tags: int = 2) -> bool:
    """Return whether text carries HTML markup (at least ``min_tags`` known tags)."""
    if HTML_START.search(text[:4096]):
        return True
    return len(list(islice(HTML_TAG.finditer(text), min_tags))) >= min_tags


def root_element(text: str) -> tuple[str | None, bool]:
    """Return the lower-cased name of the first element after any prolog, and whether ``<?xml`` began it."""
    position, had_prolog = 0, False
    while True:
        match = PROLOG_PART.match(text, position)
        if match is None or match.end() == position:
            break
        had_prolog = had_prolog or match.group(0).lstrip().startswith("<?xml")
        position = match.end()
    rest = text[position:].lstrip()
    root = ROOT_ELEMENT.match(rest)
    return (root.group(1).lower() if root else None), had_prolog


def is_json_line(line: str, opener: str) -> bool:
    """Return whether one line is a complete JSON object (``{``) or array (``[``)."""
    line = line.strip()
    closer = "}" if opener == "{" else "]"
    if not (line.startswith(opener) and line.endswith(closer)):
        return False
    try:
        json.loads(line)
    except (ValueError, RecursionError):
        return False
    return True


def json_kind(text: str, whole: bool = False) -> str | None:
    """Tell ``json`` from ``jsonl`` for text that starts like JSON; None when it is not JSON at all.

    ``whole`` says the text is the entire file, not just its first bytes.
    """
    stripped = text.lstrip()
    opener = stripped[:1]
    if opener == "[" and not RECORDS_ARRAY_START.match(stripped) or opener not in {"[", "{"}:
        return None
    if "\n" not in stripped.rstrip("\n"):
        # A one-line file is read whole; a first line filling the head is streamed as a record would
        # be, unless it is an array, which can only be read whole.
        return "json" if whole or opener == "[" else "jsonl"
    # Split on "\n" only: JSON strings may hold U+2028 and other characters splitlines() breaks at.
    lines = [line for line in stripped.split("\n") if line.strip()]
    if opener == "{" and is_json_line(lines[0], opener):
        return "jsonl"
    # Lines of whole values at the start of a line mean JSON Lines (after a first one cut short, for
    # objects); pretty-printed JSON goes on with indented members.
    if len(lines) > 1 and lines[1].startswith(opener) and is_json_line(lines[1], opener):
        return "jsonl" if opener == "{" or is_json_line(lines[0], opener) else "json"
    if opener == "[" or re.match(r"\{\s*(?:\"|\}|$)", stripped):
        return "json"
    return None


def detect_format(head: bytes, name_hint: str = "", whole: bool = False) -> str:
    """Return the reader to use for a file whose first bytes are ``head`` (``whole``: all of it)."""
    if head.startswith(b"WARC/"):
        return "warc"
    text = sniff_text(head)
    stripped = text.lstrip()
    by_name = extension_format(name_hint)
    if stripped.startswith(("{", "[")):
        kind = json_kind(stripped, whole)
        if kind is not None:
            return kind
    if stripped.startswith("<"):
        root, had_prolog = root_element(stripped)
        if root in FEED_ROOTS:
            return "feed"
        if root == "html" or HTML_START.search(stripped[:4096]):
            return "html"
        if root is not None and had_prolog and not looks_like_html(stripped):
            return "xml"
        if looks_like_html(stripped):
            return "html"
    elif looks_like_html(stripped, min_tags=5):
        return "html"
    if by_name == "html" and HTML_TAG.search(stripped):
        return "html"
    if by_name in {"json", "jsonl"} and JSON_START.match(stripped) or by_name == "warc":
        return by_name
    return "text"
