"""The outlet's masthead: a short header line that spells the site's own name.

Blogs and small outlets rarely credit themselves in a byline or a dateline; their name sits alone at
the top of the page ("GreenCurrent" above the menu). A lone short line is ambiguous on its own (a
section label such as "World" looks the same), so it is taken only when the document's own address
spells it too: the web address's host ("www.greencurrent.org") or the file's name
("05_greencurrent_oyster-growers.txt"). Both are facts about the document, not guesses, and the
provenance says which one agreed.
"""

from __future__ import annotations

import re
from pathlib import PurePath
from urllib.parse import urlsplit

from dateline.clean.dates import TextLines
from dateline.model import FieldValue

MAX_WORDS = 4
MIN_CHARS = 4
CONFIDENCE = 0.75
GENERIC_HOST_LABELS = frozenset(
    "www m amp news blog blogs com org net co uk gov edu info html htm txt".split()  # noqa: SIM905
)
SPLIT = re.compile(r"[^0-9a-z]+")


def squash(text: str) -> str:
    """Return a name's comparison form: lower-case letters and digits only ("The Hill" -> "thehill")."""
    return re.sub(r"[^0-9a-z]", "", text.casefold())


def site_hints(url: str | None, source: str | None) -> dict[str, str]:
    """Return the name tokens the document's address spells, each mapped to where it was read."""
    hints: dict[str, str] = {}
    if url:
        host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
        for label in host.split("."):
            if len(label) >= MIN_CHARS and label not in GENERIC_HOST_LABELS:
                hints.setdefault(squash(label), "web address")
    if source and not source.startswith("<"):
        stem = PurePath(source.split("#", 1)[0]).name
        for token in SPLIT.split(stem.casefold()):
            if len(token) >= MIN_CHARS and token not in GENERIC_HOST_LABELS and not token.isdigit():
                hints.setdefault(token, "file name")
    return hints


def find_masthead(lines: TextLines, hints: dict[str, str]) -> FieldValue | None:
    """Return the header line that spells a name of ``hints`` as the outlet, or None."""
    if not hints:
        return None
    for index, line in enumerate(lines.lines):
        if not lines.in_header(index):
            continue
        name = line.strip()
        if not name or len(name.split()) > MAX_WORDS or name[-1] in ".!?:;,":
            continue
        key = squash(name)
        if len(key) >= MIN_CHARS and key in hints:
            return FieldValue(name, f"text:line {index + 1} '{name}' (spelled by the {hints[key]})", CONFIDENCE)
    return None
