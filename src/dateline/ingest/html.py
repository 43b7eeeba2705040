"""Read an HTML page as one document: the markup as given, plus its canonical URL when it names one.

Extraction of the body and metadata belongs to ``clean/html.py``; here the page is only decoded and
its ``<link rel=canonical>`` or ``og:url`` read from the head, with lxml's HTML parser, which neither
fetches anything nor expands external entities.
"""

from __future__ import annotations

import re

from lxml import etree

from dateline.model import RawDocument

HEAD_END = re.compile(r"</head\s*>", re.I)
MAX_HEAD_CHARS = 256 * 1024


def page_head(markup: str) -> str:
    """Return the part of a page up to ``</head>`` (at most 256K characters), where links live."""
    match = HEAD_END.search(markup, 0, MAX_HEAD_CHARS)
    return markup[: match.end()] if match else markup[:MAX_HEAD_CHARS]


def absolute_http_url(value: str | None) -> str | None:
    """Return value when it is an absolute http(s) URL, else None."""
    if not value:
        return None
    value = value.strip()
    return value if value.lower().startswith(("http://", "https://")) and " " not in value else None


def canonical_url(markup: str) -> str | None:
    """Return the page's ``<link rel=canonical>`` URL, else its ``og:url``, else None."""
    parser = etree.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, recover=True)
    try:
        # The feed interface accepts str with an XML declaration, which fromstring refuses.
        parser.feed(page_head(markup))
        root = parser.close()
    except (etree.LxmlError, ValueError):
        return None
    if root is None:
        return None
    for link in root.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        url = absolute_http_url(link.get("href"))
        if "canonical" in rel and url:
            return url
    for meta in root.iter("meta"):
        if (meta.get("property") or meta.get("name") or "").lower() == "og:url":
            url = absolute_http_url(meta.get("content"))
            if url:
                return url
    return None


def html_document(source: str, markup: str, encoding: str) -> RawDocument:
    """Make the RawDocument of one HTML page."""
    return RawDocument(
        source=source, format="html", text=markup, is_html=True, url=canonical_url(markup), encoding=encoding
    )
