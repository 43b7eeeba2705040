"""The web app in a real browser: Playwright driving Debian's chromium against uvicorn on 127.0.0.1.

Screenshots are saved to test-artifacts/screenshots/ (git-ignored) for a person to look at.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from dateline.web.app import create_app
from tests.conftest import ARTICLE_A, require_seeds
from tests.web.conftest import SCREENSHOTS, build_store, live_server

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    # Nothing but the app under test: any other host fails to resolve.
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost",
]

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (requirements-dev.txt)")
if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} not found (Debian's chromium; .ci/run installs it)", allow_module_level=True)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless chromium for the module."""
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def seeds_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app over its own copy of the seeds store (the upload test adds to it), served on 127.0.0.1."""
    seeds = require_seeds()
    db = build_store(tmp_path_factory.mktemp("seeds-browser"), seeds)
    with live_server(create_app(db)) as url:
        yield url


@pytest.fixture(scope="module")
def hostile_server(hostile_db: Path) -> Iterator[str]:
    """The app over the hostile fictional articles."""
    with live_server(create_app(hostile_db)) as url:
        yield url


@pytest.fixture()
def page(browser: Any) -> Iterator[Any]:
    """A fresh page that fails the test on any script error or CSP violation it reports."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    page.on("response", lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.problems = problems
    yield page
    context.close()


def shot(page: Any, name: str) -> None:
    """Save a full-page screenshot as an artifact."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def test_story_timeline_person_and_article(page: Any, seeds_server: str) -> None:
    page.goto(seeds_server + "/")
    shot(page, "01-stories")
    page.click("a.story-link")
    page.wait_for_selector("#timeline[data-ready='true'] svg g.event")
    may = page.locator("#timeline svg g.event[data-date='2024-05-14']")
    assert may.count() == 1
    assert may.get_attribute("data-articles") == "3"
    may.locator("circle").click()
    panel = page.locator("#timeline-detail .panel")
    sync_api.expect(panel.locator("ul.event-articles li")).to_have_count(3)  # waits for the panel under a busy machine
    assert "Blinken visits Ukraine" in panel.inner_text()
    shot(page, "02-story-timeline")

    before = page.locator("#timeline svg .axis text").all_text_contents()  # SVG text has no innerText
    page.click(".zoom-controls button[data-zoom='in']")
    page.click(".zoom-controls button[data-zoom='in']")
    page.wait_for_function(  # the redraw may come a frame later on a busy machine
        "before => Array.from(document.querySelectorAll('#timeline svg .axis text'))"
        ".map(t => t.textContent).join('|') !== before",
        arg="|".join(before),
    )
    after = page.locator("#timeline svg .axis text").all_text_contents()
    assert before != after, "zooming redraws the axis"
    page.mouse.move(640, 300)
    page.locator("#timeline svg").dispatch_event("wheel", {"deltaY": 300, "clientX": 640, "clientY": 300})
    shot(page, "03-story-zoomed")

    page.click("ul.people a:text('Antony Blinken')")
    page.wait_for_selector("h1:text('Antony Blinken')")
    statement = page.locator("li.statement", has_text="we will continue to support")
    assert statement.count() == 1
    assert "2023-11-29" in statement.inner_text() and "APP - UrduPoint" in statement.inner_text()
    shot(page, "04-person-blinken")

    statement.locator("ul.sources a").first.click()
    page.wait_for_selector("#clean-text")
    target = page.locator(".sentence:target")
    sync_api.expect(target).to_have_count(1)
    assert "Some are questioning" in target.inner_text()
    assert page.locator("#clean-text mark.timex").count() > 0
    assert page.locator("#clean-text mark.ent.person").count() > 0
    shot(page, "05-article-clean")
    page.click("#show-raw")
    assert page.locator("#raw-text").is_visible() and not page.locator("#clean-text").is_visible()
    assert page.locator("#raw-text del").count() > 0
    shot(page, "06-article-raw")
    assert page.problems == []


def test_search_for_patriot(page: Any, seeds_server: str) -> None:
    page.goto(seeds_server + "/stories")
    page.fill("header input[name=q]", "Patriot")
    page.press("header input[name=q]", "Enter")
    page.wait_for_selector("h1:has-text('Patriot')")
    results = page.locator("ul.results li")
    assert results.count() >= 2
    assert page.locator("ul.results mark", has_text="Patriot").count() >= 2
    shot(page, "07-search-patriot")
    assert page.problems == []


def test_upload_a_file_and_see_it_appear(page: Any, seeds_server: str, tmp_path: Path) -> None:
    upload = tmp_path / "harbor-council.txt"
    upload.write_text(ARTICLE_A, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    page.goto(seeds_server + "/ingest")
    page.set_input_files("input[name=files]", [str(upload), str(empty)])
    page.click("form.upload button[type=submit]")
    page.wait_for_selector("#job[data-state='done']", timeout=120_000)
    assert page.locator("#job-added li").count() == 1
    assert "empty.txt" in page.locator("#job-errors").inner_text()
    shot(page, "08-ingest-done")
    page.click("#job-added a")
    page.wait_for_selector("h1:text('Harbor council approves dredging plan after long delay')")
    page.goto(seeds_server + "/articles")
    assert page.locator("a:text('Harbor council approves dredging plan after long delay')").count() == 1
    assert page.problems == []


def test_hostile_article_runs_nothing(page: Any, hostile_server: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(hostile_server + "/articles")
    links = page.locator("table.articles a")
    urls = [hostile_server + href for href in links.evaluate_all("els => els.map(e => e.getAttribute('href'))")]
    urls += [u + "?view=raw" for u in list(urls)]
    urls += [hostile_server + p for p in ("/", "/people", "/conflicts", "/search?q=harbour", "/search?q=script")]
    page.goto(hostile_server + "/stories")
    urls += [hostile_server + h for h in page.locator("a.story-link").evaluate_all(
        "els => els.map(e => e.getAttribute('href'))")]
    for url in urls:
        page.goto(url)
        page.wait_for_load_state("load")
        assert page.evaluate("typeof window.__xss") == "undefined", url
        assert page.locator("body img").count() == 0, url
    hostile = next(u for u in urls if "view=raw" not in u and "/articles/" in u
                   and "Harbour board backs" in (page.goto(u) and page.title()))
    page.goto(hostile)
    assert "<script>window.__xss" in page.locator("h1").inner_text(), "shown as text"
    shot(page, "09-hostile-article")
    if page.locator("a.story-link").count():
        page.wait_for_selector("#timeline[data-ready='true']")
    assert dialogs == []
    assert not [p for p in page.problems if re.search(r"Content Security Policy|script error", p)]
