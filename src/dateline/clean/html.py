"""HTML cleaning: a page's visible text, its article body, the offsets between the two, and its meta fields.

Offsets of an HTML article point into ``visible_text``: every visible block of the page on its own
line (script, style, head and hidden elements dropped). The body is trafilatura's extraction,
paragraphs joined by blank lines; when the page's headline is visible but the body does not start
with it, the headline is put first so an HTML article reads like a plain-text one (a headline that
is only in ``<head>`` is not added: it stays in ``fields["title"]``). Each paragraph is aligned back
to the visible text (exactly, else ignoring whitespace); one that cannot be found stays unmapped.

Untrusted markup is only parsed: lxml's HTML parser runs with network access off (it loads no DTD
or external entity), htmldate always gets a parsed tree (given a string that looks like a URL it
would download it), trafilatura only gets the string (it never fetches), and nothing on the page is
run. Metadata fields carry where they were read (``html:meta og:title``).
"""

from __future__ import annotations

import bisect
import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import htmldate
import trafilatura
from lxml import etree
from lxml.html import HtmlElement, HTMLParser, document_fromstring

from dateline.clean.dates import normalise_date
from dateline.model import OffsetMap, RemovedSpan

DROPPED_TAGS = frozenset(
    """script style noscript template head svg math iframe object embed canvas audio video select
    textarea input button map""".split()  # noqa: SIM905
)
BLOCK_TAGS = frozenset(
    """address article aside blockquote body caption dd details dialog div dl dt fieldset figcaption figure
    footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody thead tfoot tr
    td th ul br option legend menu""".split()  # noqa: SIM905
)
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
SITE_SUFFIX_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ")
META_DATE_KEYS = (
    "article:published_time", "og:article:published_time", "datepublished", "date", "pubdate",
    "publish-date", "publishdate", "publication_date", "dc.date", "dc.date.issued", "dcterms.created",
    "sailthru.date", "parsely-pub-date",
)  # fmt: skip
META_TITLE_KEYS = ("og:title", "twitter:title", "dc.title", "headline")
META_AUTHOR_KEYS = ("author", "article:author", "dc.creator", "parsely-author", "sailthru.author")
META_SITE_KEYS = ("og:site_name", "application-name", "publisher", "dc.publisher")
JSON_LD_KEYS = {"date": "datePublished", "title": "headline"}
URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:/|\b)")
MIN_FALLBACK_WORDS = 40
MIN_PROSE_BLOCK_WORDS = 12
SENTENCE_END = re.compile(r"[.!?][\"'”’)]*$")

# Both libraries log every page they find odd; that is noise for a corpus run.
logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)


@dataclass
class HtmlPage:
    """A cleaned page: visible text, article body, offsets body -> visible text, removals, meta fields."""

    visible_text: str
    text: str
    offsets: OffsetMap = field(default_factory=OffsetMap)
    removed: list[RemovedSpan] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)
    field_sources: dict[str, str] = field(default_factory=dict)


def parse_html(html: str) -> HtmlElement | None:
    """Parse markup into a tree without network access; None when there is nothing to parse."""
    parser = HTMLParser(remove_comments=True, remove_pis=True, no_network=True, recover=True)
    try:
        return document_fromstring(html, parser=parser)
    except ValueError:
        # A unicode string with an XML encoding declaration: lxml wants bytes for those.
        try:
            return document_fromstring(
                html.encode("utf-8"), parser=HTMLParser(encoding="utf-8", no_network=True)
            )
        except (etree.ParserError, ValueError):
            return None
    except etree.ParserError:
        return None


def is_hidden(element: HtmlElement) -> bool:
    """Tell whether an element is not shown (hidden attribute, inline display:none)."""
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    return bool(HIDDEN_STYLE.search(element.get("style") or ""))


def visible_blocks(tree: HtmlElement) -> list[str]:
    """Return the page's visible text, one whitespace-collapsed string per block element."""
    blocks: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        text = " ".join("".join(buffer).split())
        if text:
            blocks.append(text)
        buffer.clear()

    walker = etree.iterwalk(tree, events=("start", "end"))
    for event, element in walker:
        tag = element.tag if isinstance(element.tag, str) else ""
        dropped = not tag or tag.lower() in DROPPED_TAGS or is_hidden(element)
        if event == "start":
            if dropped:
                walker.skip_subtree()
                continue
            if tag.lower() in BLOCK_TAGS:
                flush()
            buffer.append(element.text or "")
        else:
            if not dropped and tag.lower() in BLOCK_TAGS:
                flush()
            buffer.append(element.tail or "")
    flush()
    return blocks


def extract_body(html: str, url: str | None) -> list[str]:
    """Return the article paragraphs trafilatura finds, precise settings first, then recall-oriented."""
    for precision in (True, False):
        try:
            extracted = trafilatura.extract(
                html,
                url=url,
                include_comments=False,
                include_tables=False,
                favor_precision=precision,
                favor_recall=not precision,
                output_format="txt",
                with_metadata=False,
                deduplicate=False,
            )
        except (ValueError, TypeError, etree.LxmlError):
            extracted = None
        paragraphs = [" ".join(p.split()) for p in (extracted or "").split("\n")]
        paragraphs = [p for p in paragraphs if p]
        if looks_like_article(paragraphs):
            return paragraphs
    return []


def is_prose(block: str) -> bool:
    """Tell whether a block reads as a sentence of an article rather than a menu or a label."""
    return len(block.split()) >= MIN_PROSE_BLOCK_WORDS and bool(SENTENCE_END.search(block))


def looks_like_article(paragraphs: list[str]) -> bool:
    """Tell whether extracted paragraphs hold article text at all (a menu or a footer does not)."""
    return any(is_prose(p) for p in paragraphs)


def prose_blocks(blocks: list[str]) -> list[str]:
    """Return the blocks that read as article prose, or none if they do not add up to an article."""
    prose = [b for b in blocks if is_prose(b)]
    return prose if sum(len(b.split()) for b in prose) >= MIN_FALLBACK_WORDS else []


def first_heading(tree: HtmlElement) -> str | None:
    """Return the text of the page's first visible ``<h1>``."""
    for heading in tree.iter("h1"):
        text = " ".join(heading.text_content().split())
        if text and not is_hidden(heading):
            return text
    return None


def with_headline(paragraphs: list[str], headline: str | None, blocks: list[str]) -> list[str]:
    """Put the visible headline first when the body does not start with it."""
    if not paragraphs or not headline or paragraphs[0] == headline or headline not in blocks:
        return paragraphs
    return [headline, *paragraphs]


def align_paragraph(paragraph: str, raw: str, raw_start: int, clean_start: int, offsets: OffsetMap) -> int:
    """Map a paragraph onto ``raw`` from ``raw_start``, skipping whitespace on both; return the raw end."""
    i, j = 0, raw_start
    while i < len(paragraph) and j < len(raw):
        if paragraph[i] == raw[j]:
            offsets.add(clean_start + i, j, 1)
            i += 1
            j += 1
        elif paragraph[i].isspace():
            i += 1
        elif raw[j].isspace():
            j += 1
        else:
            break
    return j


def squeeze(text: str) -> tuple[str, list[int]]:
    """Drop all whitespace from a text, keeping the original offset of each kept character."""
    positions = [i for i, ch in enumerate(text) if not ch.isspace()]
    return "".join(text[i] for i in positions), positions


def align(paragraphs: list[str], raw: str) -> tuple[str, OffsetMap]:
    """Join paragraphs with blank lines and map each onto ``raw`` in order (exact, then whitespace-blind)."""
    offsets = OffsetMap()
    squeezed: tuple[str, list[int]] | None = None
    cursor = 0
    clean_start = 0
    for paragraph in paragraphs:
        found = raw.find(paragraph, cursor)
        if found >= 0:
            offsets.add(clean_start, found, len(paragraph))
            cursor = found + len(paragraph)
        else:
            # Built only when some paragraph is not found verbatim, since it costs a pass over the page.
            squeezed = squeezed or squeeze(raw)
            cursor = align_squeezed(paragraph, raw, *squeezed, cursor, clean_start, offsets)
        clean_start += len(paragraph) + 2
    return "\n\n".join(paragraphs), offsets


def align_squeezed(
    paragraph: str,
    raw: str,
    squeezed: str,
    positions: list[int],
    cursor: int,
    clean_start: int,
    offsets: OffsetMap,
) -> int:
    """Find a paragraph in ``raw`` ignoring whitespace and map it; return the new cursor (same if absent)."""
    target, _ = squeeze(paragraph)
    if not target:
        return cursor
    found = squeezed.find(target, bisect.bisect_left(positions, cursor))
    if found < 0:
        return cursor
    return align_paragraph(paragraph, raw, positions[found], clean_start, offsets)


def removed_spans(raw: str, offsets: OffsetMap) -> list[RemovedSpan]:
    """List the stretches of each visible block that the body does not cover."""
    covered = sorted((r, r + n) for _, r, n in offsets.segments)
    removed: list[RemovedSpan] = []
    line_start = 0
    for line in raw.split("\n"):
        line_end = line_start + len(line)
        for start, end in uncovered(line_start, line_end, covered):
            piece = raw[start:end]
            lead = len(piece) - len(piece.lstrip())
            trail = len(piece.rstrip())
            if piece.strip():
                removed.append(RemovedSpan(start + lead, start + trail, "html-boilerplate", piece.strip()))
        line_start = line_end + 1
    return removed


def uncovered(start: int, end: int, covered: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Yield the parts of ``[start, end)`` outside the sorted covered intervals."""
    position = start
    for c_start, c_end in covered:
        if c_end <= position:
            continue
        if c_start >= end:
            break
        if c_start > position:
            yield position, c_start
        position = max(position, c_end)
    if position < end:
        yield position, end


def meta_values(tree: HtmlElement) -> dict[str, str]:
    """Return the page's meta tags as ``{lowercased name or property: content}`` (first one wins)."""
    values: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        content = (meta.get("content") or "").strip()
        if key and content:
            values.setdefault(key, content)
    return values


def json_ld_values(tree: HtmlElement) -> dict[str, str]:
    """Return headline and datePublished from the page's JSON-LD blocks, when present."""
    found: dict[str, str] = {}
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        for item in json_ld_items(data):
            for name, key in JSON_LD_KEYS.items():
                value = item.get(key)
                if isinstance(value, str) and value.strip():
                    found.setdefault(name, value.strip())
    return found


def json_ld_items(data: object) -> Iterator[dict[str, object]]:
    """Yield the objects of a JSON-LD document (top level, lists and ``@graph``)."""
    if isinstance(data, list):
        for item in data:
            yield from json_ld_items(item)
    elif isinstance(data, dict):
        yield data
        yield from json_ld_items(data.get("@graph", []))


def url_date(url: str | None) -> str | None:
    """Return the ``YYYY-MM-DD`` a URL path spells out, if any."""
    match = URL_DATE.search(url or "")
    return f"{match[1]}-{match[2]}-{match[3]}" if match else None


def find_page_date(
    tree: HtmlElement, html: str, url: str | None, meta: dict[str, str]
) -> tuple[str, str] | None:
    """Return the publication date of a page and where it was read; never a copyright year or today."""
    for key in META_DATE_KEYS:
        value = normalise_date(meta.get(key, ""))
        if value:
            return value, f"html:meta {key}"
    json_ld = normalise_date(json_ld_values(tree).get("date", ""))
    if json_ld:
        return json_ld, "html:json-ld datePublished"
    try:
        found = htmldate.find_date(
            tree, original_date=True, extensive_search=False, outputformat="%Y-%m-%d", url=url
        )
    except (ValueError, TypeError, etree.LxmlError):
        found = None
    if not found:
        return None
    canonical = tree.find('.//link[@rel="canonical"]')
    if found in (url_date(url), url_date(canonical.get("href") if canonical is not None else None)):
        return found, "html:url date"
    # htmldate falls back to a copyright year as 1 January; that is not a publication date.
    if found.endswith("-01-01") and found not in html:
        return None
    return found, "html:htmldate"


def provenance(value: str, candidates: dict[str, str], fallback: str) -> str:
    """Name the meta field that holds ``value``, else the fallback source."""
    wanted = " ".join(value.split()).lower()
    for source, candidate in candidates.items():
        if candidate and (wanted == " ".join(candidate.split()).lower() or wanted in candidate.lower()):
            return source
    return fallback


def strip_site_suffix(title: str, site: str | None) -> str:
    """Remove a trailing " | Site Name" from a title."""
    if site:
        for separator in SITE_SUFFIX_SEPARATORS:
            if title.lower().endswith((separator + site).lower()):
                return title[: -len(separator + site)].strip()
    return title


def page_language(tree: HtmlElement, meta: dict[str, str]) -> tuple[str, str] | None:
    """Return the language the markup declares (``<html lang>``, content-language, og:locale)."""
    declared = [
        (tree.get("lang") or tree.get("xml:lang") or "", "html:lang"),
        (meta.get("content-language", ""), "html:meta content-language"),
        (meta.get("og:locale", ""), "html:meta og:locale"),
    ]
    for value, source in declared:
        code = re.match(r"\s*([A-Za-z]{2,3})(?:[-_]|\s*$)", value)
        if code:
            return code.group(1).lower(), source
    return None


def page_fields(tree: HtmlElement, html: str, url: str | None) -> tuple[dict[str, str], dict[str, str]]:
    """Read title, date, author, outlet, url and language from the page markup, with their sources."""
    meta = meta_values(tree)
    try:
        document = trafilatura.extract_metadata(
            html,
            default_url=url,
            date_config={"original_date": True, "extensive_search": False},
            extensive=False,
        )
    except (ValueError, TypeError, etree.LxmlError):
        document = None
    fields: dict[str, str] = {}
    sources: dict[str, str] = {}

    def put(name: str, value: str | None, source: str) -> None:
        if value and value.strip():
            fields[name] = " ".join(value.split())
            sources[name] = source

    site = document.sitename if document is not None else None
    title = (document.title if document is not None else None) or meta.get("og:title")
    if title:
        title_tag = tree.find(".//title")
        candidates = {f"html:meta {k}": meta.get(k, "") for k in META_TITLE_KEYS}
        candidates["html:json-ld headline"] = json_ld_values(tree).get("title", "")
        candidates["html:title"] = title_tag.text_content() if title_tag is not None else ""
        candidates["html:h1"] = first_heading(tree) or ""
        put("title", strip_site_suffix(title, site), provenance(title, candidates, "html:trafilatura title"))
    date = find_page_date(tree, html, url, meta)
    if date is not None:
        put("date", *date)
    author = document.author if document is not None else None
    if author:
        candidates = {f"html:meta {k}": meta.get(k, "") for k in META_AUTHOR_KEYS}
        put("author", author, provenance(author, candidates, "html:trafilatura author"))
    if site:
        candidates = {f"html:meta {k}": meta.get(k, "") for k in META_SITE_KEYS}
        hostname = document.hostname if document is not None else None
        fallback = (
            "html:url hostname"
            if hostname and hostname.startswith(site.lower())
            else "html:trafilatura sitename"
        )
        put("outlet", site, provenance(site, candidates, fallback))
    page_url = (document.url if document is not None else None) or url
    put("url", page_url, "given" if page_url == url else "html:canonical")
    language = page_language(tree, meta)
    if language is not None:
        put("language", *language)
    return fields, sources


def clean_html(html: str, url: str | None = None) -> HtmlPage:
    """Clean an HTML page: visible text, article body aligned to it, removals and meta fields."""
    tree = parse_html(html) if html.strip() else None
    if tree is None:
        return HtmlPage(visible_text="", text="")
    blocks = visible_blocks(tree)
    visible_text = "\n".join(blocks)
    paragraphs = extract_body(html, url)
    if not looks_like_article(paragraphs):
        paragraphs = prose_blocks(blocks)
    paragraphs = with_headline(paragraphs, first_heading(tree), blocks)
    text, offsets = align(paragraphs, visible_text)
    fields, sources = page_fields(tree, html, url)
    return HtmlPage(
        visible_text=visible_text,
        text=text,
        offsets=offsets,
        removed=removed_spans(visible_text, offsets),
        fields=fields,
        field_sources=sources,
    )
