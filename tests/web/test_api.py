"""The JSON API over the seed articles: the CLI's nouns, documented by the OpenAPI schema."""

from __future__ import annotations

from fastapi.testclient import TestClient

NOUNS = ("/api/articles", "/api/entities", "/api/people", "/api/quotes", "/api/statements", "/api/events",
         "/api/stories", "/api/timeline", "/api/conflicts", "/api/coverage", "/api/search", "/api/ingest")


def test_openapi_documents_every_noun(seeds_client: TestClient) -> None:
    schema = seeds_client.get("/openapi.json").json()
    for path in NOUNS:
        assert path in schema["paths"], path
    assert "multipart/form-data" in schema["paths"]["/api/ingest"]["post"]["requestBody"]["content"]
    assert "Entity" in schema["components"]["schemas"], "dataclass responses are described"


def test_stories_and_events(seeds_client: TestClient) -> None:
    stories = seeds_client.get("/api/stories").json()
    assert len(stories) == 1
    story = stories[0]
    assert (story["first_date"], story["last_date"], story["event_count"]) == ("2023-11-29", "2024-05-14", 3)
    events = seeds_client.get("/api/events").json()
    may = [e for e in events if e["date"] == "2024-05-14"]
    assert len(may) == 1 and len(may[0]["article_ids"]) == 3
    detail = seeds_client.get(f"/api/stories/{story['id']}").json()
    assert [len(e["articles"]) for e in detail["events"] if e["date"] == "2024-05-14"] == [3]
    assert detail["people"][0]["name"] == "Antony Blinken"
    axis = seeds_client.get(f"/api/stories/{story['id']}/axis").json()
    assert axis["first"] <= "2023-11-29" and axis["last"] >= "2024-05-14"
    assert seeds_client.get("/api/stories/story:nope").status_code == 404


def test_timeline_cites_stored_articles(seeds_client: TestClient) -> None:
    story = seeds_client.get("/api/stories").json()[0]["id"]
    entries = seeds_client.get("/api/timeline", params={"story": story, "dates": 3, "per_date": 1}).json()
    assert 1 <= len(entries) <= 3
    ids = {a["id"] for a in seeds_client.get("/api/articles").json()}
    for entry in entries:
        assert len(entry["sentences"]) == 1
        assert entry["sentences"][0]["article_id"] in ids
    assert seeds_client.get("/api/timeline", params={"person": "Nobody Atall"}).status_code == 404


def test_people_quotes_and_statements(seeds_client: TestClient) -> None:
    people = seeds_client.get("/api/people").json()
    names = [p["name"] for p in people]
    for name in ("Antony Blinken", "Volodymyr Zelensky", "Dmytro Kuleba", "Vladimir Putin", "Jake Sullivan"):
        assert names.count(name) == 1, name
    places = seeds_client.get("/api/entities", params={"type": "place"}).json()
    assert [p["name"] for p in places].count("Kyiv") == 1
    kuleba = seeds_client.get("/api/quotes", params={"person": "Kuleba"}).json()
    assert any("not going to back down" in q["text"] for q in kuleba)
    assert all(q["speaker_entity_id"] == "person:dmytro-kuleba" for q in kuleba)
    statements = seeds_client.get("/api/statements", params={"person": "Blinken"}).json()
    assert any("we will continue to support" in s["text"] for s in statements)
    person = seeds_client.get("/api/people/Blinken").json()
    assert person["entity"]["name"] == "Antony Blinken" and person["statements"] and person["events"]
    entity = seeds_client.get("/api/entities/Kiev").json()
    assert entity["entity"]["name"] == "Kyiv" and entity["mentions"]


def test_articles_analysis_and_search(seeds_client: TestClient) -> None:
    cards = seeds_client.get("/api/articles").json()
    assert len(cards) == 5
    one = seeds_client.get(f"/api/articles/{cards[0]['id']}", params={"raw": True}).json()
    assert one["raw_text"] and one["text"] and one["date"]["source"]
    assert "raw_text" not in seeds_client.get(f"/api/articles/{cards[0]['id']}").json()
    analysis = seeds_client.get(f"/api/articles/{cards[0]['id']}/analysis").json()
    assert analysis["sentences"] and analysis["mentions"] and analysis["timexes"]
    assert seeds_client.get("/api/articles/0000000000000000").status_code == 404
    found = seeds_client.get("/api/search", params={"q": "Patriot"}).json()
    assert len(found["articles"]) >= 2 and all("[" in a["snippet"] for a in found["articles"])
    assert seeds_client.get("/api/search").status_code == 422


def test_conflicts_and_coverage(seeds_client: TestClient) -> None:
    conflicts = seeds_client.get("/api/conflicts").json()
    aid = next(c for c in conflicts if c["kind"] == "figure" and "aid" in c["subject"])
    assert {v["text"] for v in aid["values"]} >= {"$61-billion"}
    assert all(v["link"].startswith(f"/articles/{v['article_id']}#s-") for v in aid["values"])
    assert seeds_client.get("/api/conflicts", params={"kind": "nothing-like-this"}).json() == []
    coverage = seeds_client.get("/api/coverage").json()
    assert coverage and coverage[0]["outlets"] and coverage[0]["cells"]
