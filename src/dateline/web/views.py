"""What each page and JSON endpoint shows, built from the corpus snapshot and the Python API.

Pages and the JSON API read the same functions here, so a page and its endpoint never disagree.
Nothing here writes HTML except the article text, which goes through ``render/highlight.py``
(every piece of article text escaped) with sentence anchors and quote marks added around it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict
from datetime import date
from typing import Any

from markupsafe import Markup, escape

from dateline.model import Article, ArticleAnalysis, Entity, Quote, Sentence
from dateline.render.highlight import PARAGRAPH_BREAK, Highlight, highlighted_paragraphs, spans_of
from dateline.web.cache import WARM_STORIES, ArticleCard, Snapshot

TIMELINE_DATES = 12
TIMELINE_PER_DATE = 2
STORY_PEOPLE = 12


class Missing(Exception):
    """A part of the app whose backing API is not in this version of dateline (said on the page)."""


def card_dict(card: ArticleCard) -> dict[str, Any]:
    """Return an article card as JSON-ready data."""
    return asdict(card)


def story_summaries(snapshot: Snapshot) -> list[dict[str, Any]]:
    """Return each story with its date range, outlets, event and article counts, biggest first."""
    rows = []
    for story in snapshot.stories:
        cards = snapshot.cards(story.article_ids)
        outlets = Counter(c.outlet for c in cards if c.outlet)
        rows.append(
            {
                "id": story.id,
                "label": story.label,
                "first_date": story.first_date,
                "last_date": story.last_date,
                "event_count": len(story.event_ids),
                "article_count": len(story.article_ids),
                "outlets": [name for name, _ in outlets.most_common()],
            }
        )
    return rows


def event_dict(snapshot: Snapshot, event_id: str) -> dict[str, Any]:
    """Return one event with its date and evidence, label and its articles (copies marked)."""
    event = snapshot.events[event_id]
    articles = []
    for card in snapshot.cards(event.article_ids):
        group = snapshot.copy_groups.get(card.id)
        item = card_dict(card)
        item["copy_of"] = group.original_id if group and card.id != group.original_id else None
        articles.append(item)
    return {
        "id": event.id,
        "date": event.date,
        "date_source": event.date_source,
        "label": event.label,
        "story_id": event.story_id,
        "independent_reports": event.independent_reports,
        "articles": articles,
    }


def story_people(snapshot: Snapshot, article_ids: list[str], limit: int = STORY_PEOPLE) -> list[dict[str, Any]]:
    """Return the people of a set of articles, those in the most of its articles first."""
    members = set(article_ids)
    ranked = []
    for person in snapshot.people:
        shared = len(members.intersection(person.article_ids))
        if shared:
            ranked.append((shared, person))
    ranked.sort(key=lambda pair: (-pair[0], -pair[1].mention_count, pair[1].name))
    return [{"id": p.id, "name": p.name, "articles": n, "mentions": p.mention_count} for n, p in ranked[:limit]]


def story_timeline(
    snapshot: Snapshot, story_id: str, dates: int = TIMELINE_DATES, per_date: int = TIMELINE_PER_DATE
) -> list[dict[str, Any]]:
    """Return the story's timeline entries (date, summary sentences citing articles), computed once per snapshot."""
    corpus = snapshot.corpus
    if not hasattr(corpus, "timeline"):
        raise Missing("the story timeline needs Corpus.timeline, not in this version")

    def compute() -> list[dict[str, Any]]:
        entries = corpus.timeline(story=story_id, dates=dates, per_date=per_date)
        return [asdict(entry) for entry in entries]

    return snapshot.memo(("timeline", story_id, dates, per_date), compute)


def story_conflicts(snapshot: Snapshot, story_id: str | None) -> list[dict[str, Any]]:
    """Return the disagreements of a story (or of the corpus), computed once per snapshot."""
    corpus = snapshot.corpus
    conflicts = getattr(corpus, "conflicts", None)
    if conflicts is None:
        raise Missing("conflicts need Corpus.conflicts, not in this version")

    def compute() -> list[dict[str, Any]]:
        found = [asdict(c) for c in conflicts(story=story_id)]
        for conflict in found:
            for value in conflict.get("values", []):
                anchor = sentence_start(snapshot, value["article_id"], value.get("start", 0))
                value["link"] = f"/articles/{value['article_id']}#s-{anchor}"
        return found

    return snapshot.memo(("conflicts", story_id), compute)


def story_coverage(snapshot: Snapshot, story_id: str | None) -> list[dict[str, Any]]:
    """Return the coverage matrices (outlets by events) of a story or of every story, once per snapshot."""
    corpus = snapshot.corpus
    coverage = getattr(corpus, "coverage", None)
    if coverage is None:
        raise Missing("the coverage matrix needs Corpus.coverage, not in this version")

    def compute() -> list[dict[str, Any]]:
        found = coverage(story=story_id)
        items = found if isinstance(found, list) else [found]
        return [asdict(item) for item in items if item is not None]

    return snapshot.memo(("coverage", story_id), compute)


def warm(snapshot: Snapshot) -> None:
    """Compute what the busiest pages need (the biggest stories, the search lists) before a snapshot goes live."""
    for story in snapshot.stories[:WARM_STORIES]:
        story_detail(snapshot, story.id)
    snapshot.memo("quotes", snapshot.corpus.quotes)
    snapshot.memo("entities", snapshot.corpus.entities)


def optional(compute: Callable[[], Any]) -> tuple[Any, str | None]:
    """Run ``compute``; return (value, None), or (None, why) when its API is missing or it fails."""
    try:
        return compute(), None
    except Missing as exc:
        return None, str(exc)
    except LookupError as exc:
        return None, str(exc)


def story_detail(snapshot: Snapshot, story_id: str) -> dict[str, Any] | None:
    """Return everything the story page shows: events, people, timeline, conflicts and coverage."""
    story = snapshot.story(story_id)
    if story is None:
        return None
    events = [event_dict(snapshot, e) for e in story.event_ids if e in snapshot.events]
    events.sort(key=lambda e: (e["date"] is None, e["date"] or ""))
    timeline, timeline_missing = optional(lambda: story_timeline(snapshot, story.id))
    conflicts, conflicts_missing = optional(lambda: story_conflicts(snapshot, story.id))
    coverage, coverage_missing = optional(lambda: story_coverage(snapshot, story.id))
    return {
        "id": story.id,
        "label": story.label,
        "first_date": story.first_date,
        "last_date": story.last_date,
        "events": events,
        "people": story_people(snapshot, story.article_ids),
        "timeline": timeline,
        "timeline_missing": timeline_missing,
        "conflicts": conflicts,
        "conflicts_missing": conflicts_missing,
        "coverage": coverage,
        "coverage_missing": coverage_missing,
    }


def story_axis(snapshot: Snapshot, detail: dict[str, Any]) -> dict[str, Any]:
    """Return the data the story's SVG timeline draws: dated events and entries, and the date range."""
    entries = [
        {**entry, "sentences": [
            {**s, "outlet": snapshot.articles[s["article_id"]].outlet if s["article_id"] in snapshot.articles else None}
            for s in entry["sentences"]
        ]}
        for entry in detail["timeline"] or []
    ]
    days = [e["date"][:10] for e in detail["events"] if e["date"]]
    days += [entry["date"][:10] for entry in detail["timeline"] or []]
    valid = sorted(d for d in days if _is_day(d))
    return {
        "story": {k: detail[k] for k in ("id", "label", "first_date", "last_date")},
        "first": valid[0] if valid else None,
        "last": valid[-1] if valid else None,
        "events": detail["events"],
        "entries": entries,
        "timeline_missing": detail["timeline_missing"],
    }


def _is_day(value: str) -> bool:
    """Whether ``value`` is an ISO calendar day."""
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def sentence_start(snapshot: Snapshot, article_id: str, offset: int) -> int:
    """Return the start of the sentence holding ``offset`` in an article (the anchor pages link to)."""
    corpus = snapshot.corpus
    starts = snapshot.memo(("sentences", article_id), lambda: [s.start for s in corpus.analysis(article_id).sentences])
    i = bisect_right(starts, offset) - 1
    return starts[i] if i >= 0 else offset


def person_detail(snapshot: Snapshot, ref: str) -> dict[str, Any] | None:
    """Return a person's page: statements over time with their sources, roles, and the events they are in."""
    corpus = snapshot.corpus
    found = corpus.entity(ref)
    if found is None:
        return None
    entity, mentions = found
    statements = []
    for statement in corpus.statements(entity.id):
        sources = []
        for quote in statement.quotes:
            card = snapshot.articles.get(quote.article_id)
            anchor = sentence_start(snapshot, quote.article_id, quote.start)
            sources.append(
                {
                    "article_id": quote.article_id,
                    "title": card.title if card else quote.article_id,
                    "date": card.date if card else None,
                    "outlet": card.outlet if card else None,
                    "kind": quote.kind,
                    "text": quote.text,
                    "link": f"/articles/{quote.article_id}#s-{anchor}",
                }
            )
        statements.append(
            {
                "id": statement.id,
                "text": statement.text,
                "first_date": statement.first_date or _earliest([s["date"] for s in sources]),
                "date_estimated": statement.first_date is None,
                "first_article_id": statement.first_article_id,
                "outlets": statement.outlets,
                "sources": sources,
            }
        )
    # Undated articles count at their estimated date, so the statements read in time order.
    statements.sort(key=lambda s: (s["first_date"] is None, s["first_date"] or ""))
    article_ids = sorted({m.article_id for m in mentions} | set(entity.article_ids))
    event_ids = sorted({snapshot.event_of[a] for a in article_ids if a in snapshot.event_of})
    events = sorted(
        (event_dict(snapshot, e) for e in event_ids), key=lambda e: (e["date"] is None, e["date"] or "")
    )
    data = entity_dict(entity)
    for role in data["roles"]:
        card = snapshot.articles.get(role["article_id"])
        if role["date"] is None and card is not None and card.date:
            role["date"], role["date_estimated"] = card.date, card.date_estimated
    data["roles"].sort(key=lambda r: (r["date"] is None, r["date"] or ""))
    return {
        "entity": data,
        "statements": statements,
        "events": events,
        "mentions_by_date": _mentions_by_date(snapshot, [m.article_id for m in mentions]),
    }


def _earliest(days: list[str | None]) -> str | None:
    """Return the earliest of the known days, or None."""
    known = [d for d in days if d]
    return min(known) if known else None


def _mentions_by_date(snapshot: Snapshot, article_ids: list[str]) -> list[dict[str, Any]]:
    """Count mentions per article date (undated last)."""
    counts = Counter(snapshot.articles[a].date if a in snapshot.articles else None for a in article_ids)
    return [{"date": d, "mentions": n} for d, n in sorted(counts.items(), key=lambda p: (p[0] is None, p[0] or ""))]


def entity_dict(entity: Entity) -> dict[str, Any]:
    """Return an entity as JSON-ready data (roles sorted by date)."""
    data = asdict(entity)
    data["roles"].sort(key=lambda r: (r["date"] is None, r["date"] or ""))
    return data


def quote_dict(quote: Quote, snapshot: Snapshot) -> dict[str, Any]:
    """Return a quote with its article's date and outlet, as search and the API list it."""
    card = snapshot.articles.get(quote.article_id)
    data = asdict(quote)
    data.update(
        date=card.date if card else None,
        outlet=card.outlet if card else None,
        title=card.title if card else None,
    )
    return data


def search_results(snapshot: Snapshot, query: str, limit: int = 30) -> dict[str, Any]:
    """Search articles (full text), quotes and people for the query."""
    corpus = snapshot.corpus
    if not query.strip():
        return {"query": query, "articles": [], "quotes": [], "people": []}
    articles = []
    for article_id, snippet in corpus.search_hits(query, limit=limit):
        card = snapshot.articles.get(article_id)
        found = card_dict(card) if card else {"id": article_id, "title": article_id}  # stored after the snapshot
        articles.append({**found, "snippet": snippet})
    # The same matching as Corpus.search_quotes / search_entities, over lists read once per snapshot:
    # a search page must not read every quote and entity of the store again.
    words = query.casefold().split()
    all_quotes = snapshot.memo("quotes", corpus.quotes)
    all_entities = snapshot.memo("entities", corpus.entities)
    quotes = [quote_dict(q, snapshot) for q in all_quotes if all(w in q.text.casefold() for w in words)][:limit]
    people = [
        {"id": e.id, "name": e.name, "type": e.type, "aliases": e.aliases, "mentions": e.mention_count}
        for e in all_entities
        if all(any(w in name.casefold() for name in [e.name, *e.aliases]) for w in words)
    ][:limit]
    return {"query": query, "articles": articles, "quotes": quotes, "people": people}


SNIPPET_MARK = re.compile(r"\[([^\[\]]*)\]")


def snippet_markup(snippet: str) -> Markup:
    """Escape a full-text snippet, then turn its ``[match]`` brackets into marks."""
    return Markup(SNIPPET_MARK.sub(r"<mark>\1</mark>", str(escape(snippet))))


def article_detail(snapshot: Snapshot, ref: str) -> dict[str, Any] | None:
    """Return the article page: metadata with provenance, highlighted text, raw text, copies and event."""
    corpus = snapshot.corpus
    article = corpus.article(ref)
    if article is None:
        return None
    analysis = corpus.analysis(article.id)
    names = {e.id: e.name for e in snapshot.people}
    group = snapshot.copy_groups.get(article.id)
    original = copies = None
    if group is not None:
        if group.original_id == article.id:
            copies = [
                {**card_dict(snapshot.articles[c]), "changes": group.changes.get(c, [])}
                for c in group.copy_ids
                if c in snapshot.articles
            ]
        elif group.original_id in snapshot.articles:
            original = {
                **card_dict(snapshot.articles[group.original_id]),
                "changes": group.changes.get(article.id, []),
            }
    event_id = snapshot.event_of.get(article.id)
    estimated = snapshot.clustering.estimated_dates.get(article.id) if snapshot.clustering else None
    return {
        "article": article,
        "metadata": metadata_rows(article, estimated),
        "paragraphs": article_paragraphs(article.text, analysis, names),
        "raw": raw_markup(article),
        "removed": article.removed,
        "original": original,
        "copies": copies,
        "event": event_dict(snapshot, event_id) if event_id else None,
        "counts": {
            "sentences": len(analysis.sentences),
            "entities": len(analysis.mentions),
            "time expressions": len(analysis.timexes),
            "figures": len(analysis.figures),
            "quotes": len(analysis.quotes),
        },
    }


def metadata_rows(article: Article, estimated: tuple[str, str] | None) -> list[dict[str, Any]]:
    """Return each metadata field with its value, where it was found and how sure we are."""
    rows = []
    for name in ("title", "date", "outlet", "author", "language"):
        field = getattr(article, name)
        rows.append(
            {
                "field": name,
                "value": field.value,
                "source": field.source or ("not found" if not field.known else ""),
                "confidence": field.confidence,
                "estimated": field.estimated,
            }
        )
    if estimated and not article.date.known:
        rows.append(
            {"field": "estimated date", "value": estimated[0], "source": estimated[1], "confidence": None,
             "estimated": True}
        )
    return rows


def _segment(text: str, start: int, end: int, spans: list[Highlight]) -> Markup:
    """Render ``text[start:end]`` with the highlights inside it (through ``highlighted_paragraphs``)."""
    inside = [
        Highlight(s.start - start, s.end - start, s.css, s.title) for s in spans if s.start >= start and s.end <= end
    ]
    piece = text[start:end]
    rendered = highlighted_paragraphs(piece, inside)
    if not rendered:
        return Markup(escape(piece))
    lead = piece[: len(piece) - len(piece.lstrip())]
    trail = piece[len(piece.rstrip()):]
    return Markup(escape(lead)) + Markup("<br>").join(rendered) + Markup(escape(trail))


def _sentence_markup(text: str, sentence: Sentence, quotes: list[Quote], spans: list[Highlight]) -> Markup:
    """Render one sentence, anchored by its start, its quote fragments marked with their speaker."""
    cuts: list[tuple[int, int, Quote | None]] = []
    cursor = sentence.start
    fragments = sorted(
        (
            (max(a, sentence.start), min(b, sentence.end), q)
            for q in quotes
            for a, b in (q.fragments or [(q.start, q.end)])
            if a < sentence.end and b > sentence.start
        ),
        key=lambda f: f[0],
    )
    for a, b, fragment_of in fragments:
        if a < cursor or b <= a:
            continue
        if a > cursor:
            cuts.append((cursor, a, None))
        cuts.append((a, b, fragment_of))
        cursor = b
    if cursor < sentence.end:
        cuts.append((cursor, sentence.end, None))
    parts = []
    for a, b, quote in cuts:
        body = _segment(text, a, b, spans)
        if quote is None:
            parts.append(body)
        else:
            speaker = quote.speaker_name or quote.speaker_text or "no speaker named"
            parts.append(
                Markup('<span class="quote {}" title="{} quote: {}">{}</span>').format(
                    quote.kind, quote.kind, speaker, body
                )
            )
    return Markup('<span class="sentence" id="s-{}">{}</span>').format(sentence.start, Markup("").join(parts))


def article_paragraphs(text: str, analysis: ArticleAnalysis, names: dict[str, str]) -> list[Markup]:
    """Return the clean text as escaped HTML paragraphs: sentences anchored; entities, dates, figures, quotes marked."""
    spans = spans_of(analysis, names)
    sentences = sorted(analysis.sentences, key=lambda s: s.start)
    if not sentences:
        return highlighted_paragraphs(text, spans)
    paragraphs: list[Markup] = []
    current: list[Markup] = []

    def gap(start: int, end: int) -> None:
        # Text between sentences: whitespace, or words the sentence splitter left out; a blank line ends a paragraph.
        pos = start
        for brk in PARAGRAPH_BREAK.finditer(text, start, end):
            if brk.start() > pos:
                current.append(_segment(text, pos, brk.start(), spans))
            if current:
                paragraphs.append(Markup("").join(current))
                current.clear()
            pos = brk.end()
        if end > pos:
            current.append(_segment(text, pos, end, spans))

    cursor = 0
    for sentence in sentences:
        if sentence.start < cursor:
            continue
        gap(cursor, sentence.start)
        current.append(_sentence_markup(text, sentence, analysis.quotes, spans))
        cursor = sentence.end
    gap(cursor, len(text))
    if current:
        paragraphs.append(Markup("").join(current))
    return [p for p in paragraphs if str(p).strip()]


def raw_markup(article: Article) -> Markup:
    """Return the raw text escaped, with each removed stretch struck through and its reason on hover."""
    parts: list[Markup] = []
    cursor = 0
    raw = article.raw_text
    for span in sorted(article.removed, key=lambda s: s.start):
        if span.start < cursor or span.end > len(raw):
            continue
        parts.append(Markup(escape(raw[cursor : span.start])))
        parts.append(Markup('<del title="removed: {}">{}</del>').format(span.reason, raw[span.start : span.end]))
        cursor = span.end
    parts.append(Markup(escape(raw[cursor:])))
    return Markup("").join(parts)
