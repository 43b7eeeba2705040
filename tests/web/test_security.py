"""Untrusted article text is escaped everywhere; the token, host and origin checks hold on every request."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from dateline.cli import app as cli_app
from dateline.web.app import create_app
from tests.web.conftest import client_for

RAW_PAYLOADS = ("<script>window.__xss", "<img src=x", "onerror=\"window")


def hostile_pages(client: TestClient) -> dict[str, str]:
    """Fetch every page that shows the hostile articles' title, text, author or outlet."""
    pages = {url: client.get(url).text for url in ("/", "/articles", "/people", "/conflicts", "/ingest")}
    for card in client.get("/api/articles").json():
        for view in ("clean", "raw"):
            url = f"/articles/{card['id']}?view={view}"
            pages[url] = client.get(url).text
    for story in client.get("/api/stories").json():
        pages[f"/stories/{story['id']}"] = client.get(f"/stories/{story['id']}").text
    for person in client.get("/api/people").json():
        pages[f"/people/{person['id']}"] = client.get(f"/people/{person['id']}").text
    for query in ("harbour", "script", "img onerror", "pier"):
        pages[f"/search?q={query}"] = client.get("/search", params={"q": query}).text
    return pages


def test_hostile_fields_are_stored_as_written(hostile_client: TestClient) -> None:
    # The test below is only meaningful if the payloads reached the store unchanged.
    cards = hostile_client.get("/api/articles").json()
    page = next(c for c in cards if c["title"].startswith("Harbour board backs"))
    assert "<script>window.__xss" in page["title"] and "<img src=x onerror=" in page["outlet"]
    assert "<script>window.__xss" in hostile_client.get(f"/api/articles/{page['id']}").json()["text"]
    record = next(c for c in cards if c["title"].startswith("Harbour board vote"))
    assert "<img src=x onerror=" in record["author"]


def test_hostile_text_is_escaped_on_every_page(hostile_client: TestClient) -> None:
    pages = hostile_pages(hostile_client)
    assert len(pages) > 10
    for url, html in pages.items():
        for payload in RAW_PAYLOADS:
            assert payload not in html, f"{payload!r} unescaped on {url}"
    article = next(h for url, h in pages.items() if url.startswith("/articles/") and "Harbour board backs" in h)
    assert "&lt;script&gt;window.__xss = &#39;script&#39;&lt;/script&gt;" in article
    assert "&#34;&gt;&lt;img src=x onerror=&#34;window.__xss=&#39;img&#39;&#34;&gt;" in article


def test_javascript_url_is_not_a_link(hostile_client: TestClient) -> None:
    card = next(c for c in hostile_client.get("/api/articles").json() if c["title"].startswith("Harbour board vote"))
    page = hostile_client.get(f"/articles/{card['id']}").text
    assert not re.search(r'href="\s*javascript:', page, re.I)


def test_strict_content_security_policy_on_every_response(hostile_client: TestClient) -> None:
    for url in ("/", "/static/app.css", "/api/stories", "/articles/0000000000000000"):
        policy = hostile_client.get(url).headers["content-security-policy"]
        assert "default-src 'self'" in policy and "script-src 'self'" in policy and "style-src 'self'" in policy
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    html = hostile_client.get("/").text
    assert "<style" not in html and " style=" not in html and not re.search(r"<script(?![^>]*\bsrc=)", html)


def test_head_answers_like_get_without_a_body_and_keeps_the_guards(hostile_db: Path) -> None:
    client = client_for(create_app(hostile_db))
    for url in ("/", "/api/stories", "/static/app.css"):
        head, get = client.head(url), client.get(url)
        assert head.status_code == get.status_code == 200, url
        assert head.content == b"" and head.headers["content-type"] == get.headers["content-type"]
        assert "default-src 'self'" in head.headers["content-security-policy"]
    guarded = client_for(create_app(hostile_db, token="s3cret-token"))
    assert guarded.head("/api/stories").status_code == 401


def test_token_is_required_on_every_request(hostile_db: Path) -> None:
    client = client_for(create_app(hostile_db, token="s3cret-token"))
    for url in ("/", "/api/stories", "/static/app.css", "/openapi.json", "/ingest"):
        assert client.get(url).status_code == 401, url
    assert client.get("/api/stories", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.get("/api/stories", headers={"Authorization": "Bearer s3cret-token"}).status_code == 200
    first = client.get("/stories", params={"token": "s3cret-token"})
    assert first.status_code == 200 and "dateline_token" in first.headers["set-cookie"]
    assert "httponly" in first.headers["set-cookie"].lower()
    assert client.get("/api/people").status_code == 200, "the cookie set by ?token= is accepted"
    client.cookies.clear()
    assert client.get("/api/people").status_code == 401


def test_unknown_host_and_cross_origin_post_are_refused(hostile_db: Path) -> None:
    client = client_for(create_app(hostile_db, allowed_hosts=["127.0.0.1", "localhost"]))
    assert client.get("/", headers={"Host": "rebound.example"}).status_code == 400
    assert client.get("/", headers={"Host": "127.0.0.1:8000"}).status_code == 200
    posted = client.post("/api/ingest", headers={"Host": "127.0.0.1:8000", "Origin": "http://evil.example"},
                         files={"files": ("a.txt", b"text")})
    assert posted.status_code == 403


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "::"])
def test_serve_refuses_a_public_host_without_token(host: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli_app, ["serve", "--db", str(tmp_path / "c.db"), "--host", host],
                                env={"DATELINE_TOKEN": ""})
    assert result.exit_code == 2
    assert "--token" in result.output
