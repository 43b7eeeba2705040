"""The dateline web app: pages to browse a corpus and a JSON API with the CLI's nouns, over one store.

``create_app(db)`` returns a FastAPI app that ``dateline serve`` runs with uvicorn. Pages are Jinja2
templates with autoescaping on (article text, titles, authors and outlets are untrusted); every
script and style is a static file served by the app, so the Content-Security-Policy allows nothing
from elsewhere and nothing inline. When a token is configured, every request must carry it.
"""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable
from dataclasses import asdict
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, PackageLoader, select_autoescape

from dateline.api import Corpus
from dateline.model import Entity, Event, IngestError, Statement
from dateline.store import Store
from dateline.web import views
from dateline.web.cache import MIN_REBUILD_INTERVAL, SnapshotCache
from dateline.web.jobs import IngestJobs
from dateline.web.uploads import DEFAULT_MAX_UPLOAD_BYTES, UploadRefused, read_uploads

STATIC = Path(__file__).parent / "static"
TOKEN_COOKIE = "dateline_token"
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    # same-origin, not no-referrer: with no-referrer a browser sends "Origin: null" on its own form posts.
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")
UPLOAD_SCHEMA: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "files": {"type": "array", "items": {"type": "string", "format": "binary"}},
                        "text": {"type": "string", "description": "Pasted article text (stored as one more file)."},
                    },
                }
            }
        },
    }
}


@lru_cache(maxsize=1)
def _environment() -> Environment:
    """Build the Jinja2 environment once: autoescape everything, whatever the template's name."""
    env = Environment(
        loader=PackageLoader("dateline.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["seg"] = lambda value: quote(str(value), safe="")
    env.filters["http_url"] = http_url
    return env


def http_url(value: str | None) -> str | None:
    """Return the URL if it is http(s), else None: an article's URL must never become a ``javascript:`` link."""
    if value and urlsplit(value).scheme in ("http", "https"):
        return value
    return None


def host_name(host: str) -> str:
    """Return the name part of a Host header (``[::1]:8000`` -> ``[::1]``, ``localhost:80`` -> ``localhost``)."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[: host.find("]") + 1] if "]" in host else host
    return host.rsplit(":", 1)[0]


def token_matches(given: str | None, token: str) -> bool:
    """Compare in constant time, so the token cannot be guessed one character at a time."""
    return given is not None and hmac.compare_digest(given.encode(), token.encode())


def create_app(
    db: str | Path,
    token: str | None = None,
    *,
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES,
    allowed_hosts: list[str] | None = None,
    rebuild_interval: float | None = None,
) -> FastAPI:
    """Return the web app over the store ``db`` (created empty if missing, so uploads can fill it).

    ``token``: required on every request when set (``Authorization: Bearer``, ``?token=`` or the cookie
    set after either). ``allowed_hosts``: Host headers accepted (guards a loopback server against DNS
    rebinding); None accepts any. ``rebuild_interval``: least seconds between background snapshot rebuilds.
    """
    db = Path(db)
    if not db.exists():
        Store(db).close()
    corpus = Corpus(db)
    interval = MIN_REBUILD_INTERVAL if rebuild_interval is None else rebuild_interval
    cache = SnapshotCache(db, interval, warm=views.warm)
    jobs = IngestJobs(db, on_done=cache.refresh)
    app = FastAPI(
        title="dateline",
        summary="Browse a news corpus as stories, timelines, people and sources; the same data as JSON.",
        version="0.1.0",
        docs_url=None,
        redoc_url=None,
    )
    app.state.corpus, app.state.cache, app.state.jobs = corpus, cache, jobs
    app.router.add_event_handler("shutdown", jobs.shutdown)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    _add_guards(app, token, allowed_hosts)
    _add_pages(app, corpus, cache, jobs, max_upload_bytes)
    _add_api(app, corpus, cache, jobs, max_upload_bytes)
    app.add_middleware(HeadAsGet)
    return app


Handler = Callable[[Request], Awaitable[Response]]


class HeadAsGet:
    """Answer HEAD like GET without the body (HTTP says every GET resource answers HEAD; FastAPI routes don't)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def without_body(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, without_body)


def _add_guards(app: FastAPI, token: str | None, allowed_hosts: list[str] | None) -> None:
    """Check host, token and origin on every request; add the security headers to every response."""
    hosts = {h.lower() for h in allowed_hosts} if allowed_hosts else None

    @app.middleware("http")
    async def guard(request: Request, call_next: Handler) -> Response:
        response = await _checked(request, call_next)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    async def _checked(request: Request, call_next: Handler) -> Response:
        host = request.headers.get("host", "")
        if hosts is not None and host_name(host) not in hosts:
            return PlainTextResponse("unknown host", status_code=400)
        from_query = False
        if token is not None:
            header = request.headers.get("authorization", "")
            bearer = header[7:] if header.lower().startswith("bearer ") else None
            from_query = token_matches(request.query_params.get("token"), token)
            cookie = request.cookies.get(TOKEN_COOKIE)
            if not (from_query or token_matches(bearer, token) or token_matches(cookie, token)):
                return PlainTextResponse(
                    "a token is required: Authorization: Bearer TOKEN, or ?token=TOKEN once", status_code=401
                )
        if request.method not in ("GET", "HEAD", "OPTIONS"):
            # A page elsewhere can post a form here; only this app's own pages may.
            origin = request.headers.get("origin")
            if origin and urlsplit(origin).netloc.lower() != host.lower():
                return PlainTextResponse("cross-origin request refused", status_code=403)
        response = await call_next(request)
        if from_query and token is not None:
            response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict")
        return response


def _page(name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """Render a template to an HTML response."""
    return HTMLResponse(_environment().get_template(name).render(**context), status_code=status)


def _not_found(what: str) -> HTMLResponse:
    """Render the not-found page."""
    return _page("not_found.html", status=404, what=what)


def _add_pages(app: FastAPI, corpus: Corpus, cache: SnapshotCache, jobs: IngestJobs, max_upload_bytes: int) -> None:
    """Add the HTML pages."""

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        # Browsers ask for it on every site; no icon beats a 404 in every console.
        return Response(status_code=204)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    @app.get("/stories", response_class=HTMLResponse, include_in_schema=False)
    def stories_page() -> HTMLResponse:
        snapshot = cache.get()
        return _page("stories.html", stories=views.story_summaries(snapshot), article_count=len(snapshot.articles))

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(story_id: str) -> HTMLResponse:
        snapshot = cache.get()
        detail = views.story_detail(snapshot, story_id)
        if detail is None:
            return _not_found(f"story {story_id}")
        # The page depends on the snapshot and the story alone: rendered once per snapshot.
        html = snapshot.memo(
            ("story-page", story_id),
            lambda: _environment().get_template("story.html").render(story=detail, articles=snapshot.articles),
        )
        return HTMLResponse(html)

    @app.get("/people", response_class=HTMLResponse, include_in_schema=False)
    def people_page() -> HTMLResponse:
        return _page("people.html", people=cache.get().people)

    @app.get("/people/{ref}", response_class=HTMLResponse, include_in_schema=False)
    def person_page(ref: str) -> HTMLResponse:
        detail = views.person_detail(cache.get(), ref)
        if detail is None:
            return _not_found(f"person {ref}")
        return _page("person.html", **detail)

    @app.get("/articles", response_class=HTMLResponse, include_in_schema=False)
    def articles_page() -> HTMLResponse:
        snapshot = cache.get()
        cards = snapshot.cards(list(snapshot.articles))
        return _page("articles.html", articles=cards, event_of=snapshot.event_of)

    @app.get("/articles/{ref}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(ref: str, view: str = "clean") -> HTMLResponse:
        detail = views.article_detail(cache.get(), ref)
        if detail is None:
            return _not_found(f"article {ref}")
        return _page("article.html", view=view, **detail)

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(q: str = "") -> HTMLResponse:
        results = views.search_results(cache.get(), q)
        for item in results["articles"]:
            item["snippet_html"] = views.snippet_markup(item["snippet"])
        return _page("search.html", **results)

    @app.get("/conflicts", response_class=HTMLResponse, include_in_schema=False)
    def conflicts_page() -> HTMLResponse:
        snapshot = cache.get()
        conflicts, missing = views.optional(lambda: views.story_conflicts(snapshot, None))
        return _page("conflicts.html", conflicts=conflicts, missing=missing, articles=snapshot.articles)

    @app.get("/ingest", response_class=HTMLResponse, include_in_schema=False)
    def ingest_page() -> HTMLResponse:
        return _page("ingest.html", job=None, max_upload_bytes=max_upload_bytes, errors=corpus.errors()[-20:])

    @app.post("/ingest", include_in_schema=False)
    async def ingest_form(request: Request) -> Response:
        try:
            uploads = await read_uploads(request, max_upload_bytes)
        except UploadRefused as exc:
            return _page("ingest.html", status=exc.status, job=None, refused=exc.reason,
                         max_upload_bytes=max_upload_bytes, errors=[])
        if not uploads:
            return _page("ingest.html", status=400, job=None, refused="choose a file or paste some text",
                         max_upload_bytes=max_upload_bytes, errors=[])
        job = jobs.submit(uploads)
        return RedirectResponse(f"/ingest/{job.id}", status_code=303)

    @app.get("/ingest/{job_id}", response_class=HTMLResponse, include_in_schema=False)
    def ingest_job_page(job_id: str) -> HTMLResponse:
        job = jobs.get(job_id)
        if job is None:
            return _not_found(f"ingest job {job_id}")
        return _page("ingest.html", job=job, max_upload_bytes=max_upload_bytes, errors=[])


def _found(value: Any, what: str) -> Any:
    """Return ``value``, or answer 404 naming what was not found."""
    if value is None:
        raise HTTPException(status_code=404, detail=f"no {what} in this corpus")
    return value


def _available(compute: Callable[[], Any]) -> Any:
    """Return what ``compute`` returns; 501 when its API is not in this version, 404 for an unknown name."""
    try:
        return compute()
    except views.Missing as exc:
        raise HTTPException(status_code=501, detail=str(exc)) from exc
    except LookupError as exc:
        raise HTTPException(status_code=404, detail=str(exc)) from exc


def _add_api(app: FastAPI, corpus: Corpus, cache: SnapshotCache, jobs: IngestJobs, max_upload_bytes: int) -> None:
    """Add the JSON API: the nouns of the CLI and the Python API, documented in /openapi.json."""

    @app.get("/api/articles", tags=["articles"])
    def api_articles(limit: int = Query(100, ge=1, le=10000), offset: int = Query(0, ge=0)) -> list[dict[str, Any]]:
        """Articles by publication date (estimated when the text gave none), undated last."""
        snapshot = cache.get()
        cards = snapshot.cards(list(snapshot.articles))[offset : offset + limit]
        return [{**views.card_dict(c), "event_id": snapshot.event_of.get(c.id)} for c in cards]

    @app.get("/api/articles/{ref}", tags=["articles"])
    def api_article(ref: str, raw: bool = False) -> dict[str, Any]:
        """One article by id or id prefix: clean text, metadata with provenance, removed spans; raw text on request."""
        article = _found(corpus.article(ref), f"article {ref}")
        return article.to_dict(include_raw=raw)

    @app.get("/api/articles/{ref}/analysis", tags=["articles"])
    def api_analysis(ref: str) -> dict[str, Any]:
        """Sentences, mentions, time expressions (resolved), figures and quotes, by offsets into the clean text."""
        article = _found(corpus.article(ref), f"article {ref}")
        return asdict(corpus.analysis(article.id))

    @app.get("/api/entities", tags=["entities"])
    def api_entities(entity_type: str | None = Query(None, alias="type")) -> list[Entity]:
        """Canonical entities (person, place, org ...), most mentioned first."""
        return corpus.entities(entity_type)

    @app.get("/api/entities/{name}", tags=["entities"])
    def api_entity(name: str) -> dict[str, Any]:
        """The entity best matching a name, alias or id, with its mentions by date."""
        entity, mentions = _found(cache.get().corpus.entity(name), f"entity {name}")
        return {"entity": views.entity_dict(entity), "mentions": [asdict(m) for m in mentions]}

    @app.get("/api/people", tags=["entities"])
    def api_people() -> list[Entity]:
        """The people of the corpus, most mentioned first."""
        return corpus.people()

    @app.get("/api/people/{ref}", tags=["entities"])
    def api_person(ref: str) -> dict[str, Any]:
        """A person's statements over time with their sources, roles, and the events they appear in."""
        return _found(views.person_detail(cache.get(), ref), f"person {ref}")

    @app.get("/api/quotes", tags=["quotes"])
    def api_quotes(person: str | None = None, since: str | None = None) -> list[dict[str, Any]]:
        """Quotes by article date, of one person and from a date on if given."""
        snapshot = cache.get()
        return [views.quote_dict(q, snapshot) for q in snapshot.corpus.quotes(person, since)]

    @app.get("/api/statements", tags=["quotes"])
    def api_statements(person: str | None = None, since: str | None = None) -> list[Statement]:
        """Distinct statements (one per thing said, however many outlets carried it), oldest first."""
        return cache.get().corpus.statements(person, since)

    @app.get("/api/events", tags=["stories"])
    def api_events() -> list[Event]:
        """Events: articles about one happening, dated from what they report."""
        return list(cache.get().events.values())

    @app.get("/api/stories", tags=["stories"])
    def api_stories() -> list[dict[str, Any]]:
        """Stories, biggest first, with date range, outlets, event and article counts."""
        return views.story_summaries(cache.get())

    @app.get("/api/stories/{story_id}", tags=["stories"])
    def api_story(story_id: str) -> dict[str, Any]:
        """A story: its events with their articles, people, timeline, conflicts and coverage."""
        return _found(views.story_detail(cache.get(), story_id), f"story {story_id}")

    @app.get("/api/stories/{story_id}/axis", tags=["stories"])
    def api_story_axis(story_id: str) -> dict[str, Any]:
        """What the story page's zoomable timeline draws: dated events, timeline entries, the date range."""
        detail = _found(views.story_detail(cache.get(), story_id), f"story {story_id}")
        return views.story_axis(cache.get(), detail)

    @app.get("/api/timeline", tags=["timeline"])
    def api_timeline(
        story: str | None = None,
        dates: int = Query(10, ge=1, le=200),
        per_date: int = Query(2, ge=1, le=20),
        since: str | None = None,
        until: str | None = None,
        query: str | None = None,
        person: str | None = None,
    ) -> list[dict[str, Any]]:
        """Key dates of a selection (story, query, person) and a short summary per date citing its articles."""
        snapshot = cache.get()
        timeline = getattr(snapshot.corpus, "timeline", None)

        def compute() -> list[dict[str, Any]]:
            if timeline is None:
                raise views.Missing("the timeline needs Corpus.timeline, not in this version")
            entries = timeline(story=story, dates=dates, per_date=per_date, since=since, until=until,
                               query=query, person=person)
            return [asdict(e) for e in entries]

        key = ("api-timeline", story, dates, per_date, since, until, query, person)
        return _available(lambda: snapshot.memo(key, compute))

    @app.get("/api/conflicts", tags=["conflicts"])
    def api_conflicts(story: str | None = None, kind: str | None = None) -> list[dict[str, Any]]:
        """Where sources disagree: values for one thing that differ between articles, with each side's sources."""
        found: list[dict[str, Any]] = _available(lambda: views.story_conflicts(cache.get(), story))
        return [c for c in found if kind is None or c.get("kind") == kind]

    @app.get("/api/coverage", tags=["conflicts"])
    def api_coverage(story: str | None = None) -> list[dict[str, Any]]:
        """Who covered what: per story, outlets by events (first, own report, copy only)."""
        return _available(lambda: views.story_coverage(cache.get(), story))

    @app.get("/api/search", tags=["search"])
    def api_search(q: str = Query(..., min_length=1), limit: int = Query(30, ge=1, le=500)) -> dict[str, Any]:
        """Search articles (full text, with snippets), quotes and people."""
        return views.search_results(cache.get(), q, limit)

    @app.get("/api/errors", tags=["ingest"])
    def api_errors() -> list[IngestError]:
        """Per-file errors of past ingests."""
        return corpus.errors()

    @app.post("/api/ingest", tags=["ingest"], status_code=202, openapi_extra=UPLOAD_SCHEMA)
    async def api_ingest(request: Request) -> JSONResponse:
        """Upload files (multipart field ``files``) and/or text (field ``text``); returns the job to poll."""
        try:
            uploads = await read_uploads(request, max_upload_bytes)
        except UploadRefused as exc:
            raise HTTPException(status_code=exc.status, detail=exc.reason) from exc
        if not uploads:
            raise HTTPException(status_code=400, detail="no file and no text in the upload")
        job = jobs.submit(uploads)
        return JSONResponse(job.to_dict(), status_code=202, headers={"Location": f"/api/ingest/{job.id}"})

    @app.get("/api/ingest/{job_id}", tags=["ingest"])
    def api_ingest_job(job_id: str) -> dict[str, Any]:
        """Progress and outcome of an upload: state, files ingested, articles analysed, per-file errors."""
        return _found(jobs.get(job_id), f"ingest job {job_id}").to_dict()
