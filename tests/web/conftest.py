"""Fixtures for the web app tests: stores built once, a TestClient, and a real uvicorn server on 127.0.0.1."""

from __future__ import annotations

import json
import socket
import threading
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from html import escape
from pathlib import Path

import pytest
import uvicorn
from fastapi import FastAPI

from dateline import api
from dateline.web.app import create_app
from tests.conftest import ARTICLE_A, ARTICLE_B, REPO, require_seeds

with warnings.catch_warnings():
    # Starlette suggests httpx2 for its TestClient; httpx is what is pinned and works.
    warnings.filterwarnings("ignore", message=".*httpx2.*")
    from fastapi.testclient import TestClient

SCREENSHOTS = REPO / "test-artifacts" / "screenshots"

# Fictional hostile articles: every field a page shows carries markup that would run if not escaped. The HTML
# page carries it as text (entities in the markup, so the clean text holds "<script>..."); the JSON record
# carries it in its fields (its text is taken for HTML and stripped, its author keeps the <img> payload).
XSS_SCRIPT = "<script>window.__xss = 'script'</script>"
XSS_IMG = "\"><img src=x onerror=\"window.__xss='img'\">"
XSS_RECORD = {
    "title": f"Harbour board vote {XSS_SCRIPT} {XSS_IMG}",
    "author": f"Mara Quill {XSS_IMG}",
    "source": f"Bay Courier {XSS_SCRIPT}",
    "date": "2025-03-06",
    "url": "javascript:window.__xss='url'",
    "text": (
        f"The Marlow Bay harbour board voted on Thursday to fund the ferry pier {XSS_SCRIPT}.\n\n"
        f"\"We will build it this year {XSS_IMG}\" board chair Tomas Reyes said after the vote. "
        f"The pier will cost $14 million {XSS_IMG}, the board said.\n\n"
        "Ferry captain Hanna Lind told reporters the vote came two years late."
    ),
}



def _entities(text: str) -> str:
    """Write text as HTML character data: the page's visible text then holds the markup as letters."""
    return escape(text, quote=True)


PAYLOAD = f"{XSS_SCRIPT} {XSS_IMG}"
XSS_PAGE = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Harbour board backs ferry pier {_entities(PAYLOAD)}</title>
<meta name="author" content="Mara Quill {_entities(PAYLOAD)}">
<meta property="og:site_name" content="Bay Courier {_entities(PAYLOAD)}">
<meta property="article:published_time" content="2025-03-06T08:00:00+00:00">
</head><body><article>
<h1>Harbour board backs ferry pier {_entities(PAYLOAD)}</h1>
<p>The Marlow Bay harbour board voted on Thursday to fund a new ferry pier at the north end of the bay,
{_entities(XSS_SCRIPT)} ending a dispute that had stalled the project for two years.</p>
<p>"We will build it this year {_entities(XSS_IMG)}," board chair Tomas Reyes said after the vote, adding that
the pier would cost $14 million.</p>
<p>Ferry captain Hanna Lind told reporters that the vote came two years late and that the winter sailings had
suffered from the delay at the old pier.</p>
</article></body></html>
"""


def build_store(folder: Path, *inputs: Path) -> Path:
    """Ingest and analyse the inputs into a new store in ``folder``; return its path."""
    db = folder / "corpus.db"
    api.ingest([str(p) for p in inputs], db)
    api.analyze(db)
    return db


def write_fictional(folder: Path) -> Path:
    """Write the fictional articles (two plain scrapes and the hostile record) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (folder / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    (folder / "hostile.jsonl").write_text(json.dumps(XSS_RECORD) + "\n", encoding="utf-8")
    (folder / "hostile.html").write_text(XSS_PAGE, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed articles, ingested and analysed once for every web test that only reads."""
    seeds = require_seeds()
    return build_store(tmp_path_factory.mktemp("seeds-web"), seeds)


@pytest.fixture(scope="session")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fictional articles, one of them hostile, ingested and analysed once."""
    folder = tmp_path_factory.mktemp("hostile-web")
    return build_store(folder, write_fictional(folder / "input"))


@pytest.fixture(scope="session")
def seeds_client(seeds_db: Path) -> TestClient:
    """A TestClient over the seeds store."""
    return TestClient(create_app(seeds_db))


@pytest.fixture(scope="session")
def hostile_client(hostile_db: Path) -> TestClient:
    """A TestClient over the hostile store."""
    return TestClient(create_app(hostile_db))


def client_for(app: FastAPI) -> TestClient:
    """Return a TestClient for an app made in a test."""
    return TestClient(app)


@contextmanager
def live_server(app: FastAPI) -> Iterator[str]:
    """Run the app with uvicorn in a thread on a free 127.0.0.1 port; yield its base URL."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()
