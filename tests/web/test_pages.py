"""The HTML pages over the seed articles: stories, story, person, article, search, conflicts, ingest."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

BLINKEN_QUOTE = "we will continue to support"  # a few words that identify the quote; the text stays in ../shared


def story_id(client: TestClient) -> str:
    """Return the id of the seeds' one story (the biggest)."""
    return str(client.get("/api/stories").json()[0]["id"])


def test_stories_page_lists_the_story_with_dates_outlets_and_events(seeds_client: TestClient) -> None:
    page = seeds_client.get("/stories")
    assert page.status_code == 200
    row = re.search(r'<tr class="story-row">(.*?)</tr>', page.text, re.S)
    assert row, "no story row"
    cells = row.group(1)
    assert "2023-11-29 – 2024-05-14" in cells
    assert re.search(r'<td class="num">3</td>', cells), "three events"
    assert "AP" in cells and "The Hill" in cells and "APP - UrduPoint" in cells
    assert seeds_client.get("/").text == page.text


def test_story_page_shows_the_three_2024_articles_under_one_event(seeds_client: TestClient) -> None:
    page = seeds_client.get(f"/stories/{story_id(seeds_client)}")
    assert page.status_code == 200
    event_item = r'<li class="event" id="([^"]+)">\s*<span class="date">([^<]*)</span>(.*?)</ul>'
    events = re.findall(event_item, page.text, re.S)
    may = [body for _, day, body in events if day == "2024-05-14"]
    assert len(may) == 1
    assert len(re.findall(r'<a href="/articles/[0-9a-f]{16}">', may[0])) == 3
    assert "Blinken visits Ukraine" in may[0]
    assert 'data-axis="/api/stories/' in page.text and '<script src="/static/timeline.js"' in page.text
    assert 'href="/people/person%3Aantony-blinken">Antony Blinken</a>' in page.text


def test_story_page_has_timeline_entries_linking_to_sentences(seeds_client: TestClient) -> None:
    page = seeds_client.get(f"/stories/{story_id(seeds_client)}").text
    links = re.findall(r'href="/articles/([0-9a-f]{16})#s-(\d+)"', page)
    assert links, "timeline sentences link to their sentence"
    article_id, start = links[0]
    article = seeds_client.get(f"/articles/{article_id}").text
    assert f'id="s-{start}"' in article


def test_story_page_shows_conflicts_and_coverage(seeds_client: TestClient) -> None:
    page = seeds_client.get(f"/stories/{story_id(seeds_client)}").text
    conflicts = page.split("<h2>Conflicts</h2>", 1)[1].split("<h2>Coverage</h2>", 1)[0]
    assert "$61-billion" in conflicts and ("$60 billion" in conflicts or "$60-billion" in conflicts)
    coverage = page.split("<h2>Coverage</h2>", 1)[1]
    assert '<table class="coverage">' in coverage
    assert 'class="cell first"' in coverage


def test_person_page_lists_statements_with_date_outlet_and_sentence_link(seeds_client: TestClient) -> None:
    page = seeds_client.get("/people/Blinken")
    assert page.status_code == 200
    assert "<h1>Antony Blinken</h1>" in page.text
    item = next(s for s in page.text.split('<li class="statement">') if BLINKEN_QUOTE in s)
    assert '<span class="date">2023-11-29</span>' in item
    link = re.search(r'<a href="/articles/([0-9a-f]{16})#s-(\d+)">APP - UrduPoint, 2023-11-29</a>', item)
    assert link, "link to the sentence in its article"
    article = seeds_client.get(f"/articles/{link.group(1)}").text
    sentence = re.search(rf'<span class="sentence" id="s-{link.group(2)}">(.*?)</span>(?=<span class="sentence"|</p>)',
                         article, re.S)
    quote = re.search(r"<blockquote>(.*?)</blockquote>", item, re.S)
    assert sentence and quote
    first_words = " ".join(quote.group(1).split()[:6])
    assert first_words in re.sub(r"<[^>]+>", "", sentence.group(1)), "lands on the sentence the quote starts in"
    assert "Secretary of State" in page.text, "roles"
    assert "2024-05-14" in page.text.split("<h2>Events</h2>", 1)[1], "events he appears in"


def test_article_page_highlights_and_explains_metadata(seeds_client: TestClient) -> None:
    article = next(a for a in seeds_client.get("/api/articles").json() if a["date"] == "2024-05-14"
                   and "Guaranteed" in a["title"])
    page = seeds_client.get(f"/articles/{article['id']}").text
    assert re.search(r'<mark class="ent person" title="Antony Blinken">', page)
    assert re.search(r'<mark class="timex" title="DATE 20\d\d-\d\d-\d\d', page), "resolved date on hover"
    assert '<mark class="figure"' in page
    assert re.search(r'<span class="quote (direct|indirect|mixed)" title=', page)
    assert "text:line 3 &#39;Tue May 14 2024&#39;" in page, "where the date was found"
    assert '<del title="removed: share-icons">icon-facebook icon-twitter icon-whatsapp</del>' in page
    assert '<pre id="raw-text" class="raw" hidden>' in page
    raw = seeds_client.get(f"/articles/{article['id']}?view=raw").text
    assert '<pre id="raw-text" class="raw">' in raw and '<div id="clean-text" class="text" hidden>' in raw


def test_article_page_shows_copies_and_event(seeds_client: TestClient) -> None:
    cards = seeds_client.get("/api/articles").json()
    pages = [seeds_client.get(f"/articles/{c['id']}").text for c in cards]
    assert any("Event: <a href=\"/stories/" in p for p in pages)
    events = seeds_client.get("/api/events").json()
    may = next(e for e in events if e["date"] == "2024-05-14")
    page = seeds_client.get(f"/articles/{may['article_ids'][0]}").text
    assert f'#{may["id"]}">' in page


def test_search_page_finds_patriot_in_articles(seeds_client: TestClient) -> None:
    page = seeds_client.get("/search", params={"q": "Patriot"})
    assert page.status_code == 200
    articles = page.text.split("<h2>Articles", 1)[1].split("<h2>Quotes", 1)[0]
    assert len(re.findall(r'<a href="/articles/[0-9a-f]{16}">', articles)) >= 2
    assert "<mark>Patriot</mark>" in articles
    people = seeds_client.get("/search", params={"q": "Kuleba"}).text
    assert 'href="/people/person%3Admytro-kuleba">Dmytro Kuleba</a>' in people


def test_lists_people_articles_conflicts_and_ingest(seeds_client: TestClient) -> None:
    assert "Volodymyr Zelensky" in seeds_client.get("/people").text
    assert len(re.findall(r'<a href="/articles/[0-9a-f]{16}">', seeds_client.get("/articles").text)) == 5
    assert "$61-billion" in seeds_client.get("/conflicts").text
    ingest = seeds_client.get("/ingest").text
    assert 'enctype="multipart/form-data"' in ingest and 'name="files"' in ingest and 'name="text"' in ingest


def test_unknown_things_are_404_pages(seeds_client: TestClient) -> None:
    for url in ("/articles/0000000000000000", "/stories/story:nope", "/people/Nobody%20Atall", "/ingest/nojob"):
        page = seeds_client.get(url)
        assert page.status_code == 404, url
        assert "Not found" in page.text


def test_static_files_are_served_by_the_app(seeds_client: TestClient) -> None:
    for name, kind in (("app.css", "text/css"), ("timeline.js", "javascript"), ("article.js", "javascript"),
                       ("ingest.js", "javascript")):
        response = seeds_client.get(f"/static/{name}")
        assert response.status_code == 200 and kind in response.headers["content-type"]
    page = seeds_client.get("/stories").text
    assert not re.search(r'(src|href)="(https?:)?//', page), "nothing loaded from elsewhere"
