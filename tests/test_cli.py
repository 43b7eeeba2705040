"""End-to-end tests of the command line on small fictional corpora written for the tests."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline import api
from dateline.cli import app
from dateline.store import Store
from tests.conftest import require_seeds

runner = CliRunner()


def _invoke(*args: str, stdin: bytes | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), input=stdin)


def test_ingest_is_idempotent(two_articles: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    first = _invoke("ingest", str(two_articles), "--db", db)
    assert first.exit_code == 0, first.output
    second = _invoke("ingest", str(two_articles), "--db", db)
    assert second.exit_code == 0
    assert "0 new" in second.output and "2 already present" in second.output
    assert len(api.Corpus(db).articles()) == 2


def test_bad_files_are_listed_and_the_rest_is_stored(two_articles: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    assert _invoke("ingest", str(two_articles / "a.txt"), "--db", db).exit_code == 0
    bad = two_articles / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (bad / "broken.jsonl").write_text(
        '{"title": "ok", "text": "A complete record about the pier."}\n{"title": "cut', encoding="utf-8"
    )
    result = _invoke("ingest", str(two_articles), "--db", db)
    assert result.exit_code == 1
    assert "empty.txt" in result.output and "image.txt" in result.output and "broken.jsonl#2" in result.output
    stored = api.Corpus(db).articles()
    # a.txt from the first run is still there, b.txt and the good JSON record were added.
    assert len(stored) == 3
    assert any("pier" in a.text for a in stored if a.format == "json")


def test_a_crash_mid_ingest_leaves_a_consistent_corpus_that_resumes(
    two_articles: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "c.db"
    original = Store.add_article
    calls = {"n": 0}

    def crash_on_second(self: Store, doc, cleaned):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt  # what Ctrl-C or a kill does in the middle of a run
        return original(self, doc, cleaned)

    monkeypatch.setattr(Store, "add_article", crash_on_second)
    with pytest.raises(KeyboardInterrupt):
        api.ingest([str(two_articles)], db)
    monkeypatch.setattr(Store, "add_article", original)
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 1
    conn.close()
    report = api.ingest([str(two_articles)], db)
    assert len(report.added) == 1 and len(report.unchanged) == 1


def test_run_writes_an_escaped_report(two_articles: Path, tmp_path: Path) -> None:
    (two_articles / "xss.txt").write_text(
        'Pier <script>alert("t")</script> reopens\n\nBy "><img src=x onerror=alert(1)>\n\n'
        "The north pier reopened on Friday after the storm damage was repaired by city crews "
        "working through the week.\n",
        encoding="utf-8",
    )
    out = tmp_path / "report.html"
    result = _invoke("run", str(two_articles), "-o", str(out), "--db", str(tmp_path / "c.db"))
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "Harbor council approves dredging plan" in html
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;" in html
    assert "READ MORE" not in html.split("boilerplate removed")[0]
    assert "2025-03-04" in html


def test_article_search_and_listing_read_back(two_articles: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    _invoke("ingest", str(two_articles), "--db", db)
    listing = json.loads(_invoke("articles", "--db", db, "--json").output)
    assert [a["date"] for a in listing] == ["2025-03-04", "2025-03-05"]
    first = listing[0]["id"]
    shown = json.loads(_invoke("article", first[:8], "--db", db, "--json").output)
    assert shown["title"]["value"].startswith("Harbor council approves dredging plan")
    assert "Leave a Reply" not in shown["text"]
    raw = _invoke("article", first, "--db", db, "--raw").output
    assert "Leave a Reply" in raw
    found = json.loads(_invoke("search", "ferry sailings", "--db", db, "--json").output)
    assert [f["id"] for f in found] == [listing[1]["id"]]


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert _invoke("articles", "--db", str(tmp_path / "none.db")).exit_code == 2
    assert not (tmp_path / "none.db").exists()
    db = str(tmp_path / "c.db")
    Store(db).close()
    assert _invoke("article", "abcdef12", "--db", db).exit_code == 2
    assert _invoke("run", str(tmp_path / "missing"), "--db", db).exit_code == 2
    assert _invoke("ingest").exit_code == 2


def test_clean_json_lists_removed_spans(two_articles: Path) -> None:
    result = _invoke("clean", str(two_articles / "a.txt"), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["date"]["value"] == "2025-03-04"
    assert "Leave a Reply" not in data["text"]
    assert any("Leave a Reply" in span["text"] for span in data["removed"])
    raw = (two_articles / "a.txt").read_text(encoding="utf-8")
    for clean_start, raw_start, length in data["offsets"]:
        assert data["text"][clean_start : clean_start + length] == raw[raw_start : raw_start + length]


def test_ingest_from_stdin(tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    text = (
        "Ferry strike ends\n\nThe ferry crews returned to work on Monday after a two-day strike over pay.\n"
    )
    result = _invoke("ingest", "-", "--db", db, stdin=text.encode())
    assert result.exit_code == 0, result.output
    assert [a.title.value for a in api.Corpus(db).articles()] == ["Ferry strike ends"]


def test_run_on_the_seeds_finds_the_dates_in_their_text(tmp_path: Path) -> None:
    seeds = require_seeds()
    out = tmp_path / "seeds.html"
    result = _invoke("run", str(seeds), "-o", str(out), "--db", str(tmp_path / "s.db"))
    assert result.exit_code == 0, result.output
    stored = api.Corpus(tmp_path / "s.db").articles()
    assert len(stored) == 5
    assert sorted(a.date.value for a in stored if a.date.known) == ["2023-11-29", "2024-05-14"]
    for article in stored:
        if not article.date.known:
            assert article.date.value is None and article.date.confidence == 0.0


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The five seeds ingested and analysed once for the tests that read the stored analysis."""
    seeds = require_seeds()
    db = tmp_path_factory.mktemp("seeds") / "s.db"
    report = api.run(seeds, db.parent / "report.html", db)
    assert not report.errors
    return db


def test_seeds_people_are_one_entity_each_through_the_pipeline(seeds_db: Path) -> None:
    people = json.loads(_invoke("people", "--db", str(seeds_db), "--json").output)
    for surname in ("Blinken", "Zelensky", "Kuleba", "Putin", "Sullivan"):
        holders = [p for p in people if any(surname in alias for alias in p["aliases"])]
        assert len(holders) == 1, (surname, holders)
    places = json.loads(_invoke("entities", "--type", "place", "--db", str(seeds_db), "--json").output)
    kyiv = [p for p in places if {"Kyiv", "Kiev"} & set(p["aliases"])]
    assert len(kyiv) == 1 and "Kiev" in kyiv[0]["aliases"]


def test_seeds_quotes_are_stored_with_their_speakers(seeds_db: Path) -> None:
    corpus = api.Corpus(seeds_db)
    said = {s.text: s.speaker_name for s in corpus.statements()}
    by_blinken = [text for text, name in said.items() if name == "Antony Blinken"]
    assert any("continue to support Ukraine" in text for text in by_blinken)
    assert any("not going to back down" in text for text, name in said.items() if name == "Dmytro Kuleba")
    only_kuleba = corpus.statements(person="Kuleba")
    assert only_kuleba and all(s.speaker_name == "Dmytro Kuleba" for s in only_kuleba)
    html = (seeds_db.parent / "report.html").read_text(encoding="utf-8")
    assert "Who said what" in html and 'class="timex"' in html and 'class="figure"' in html


def test_entity_command_shows_aliases_and_mentions(seeds_db: Path) -> None:
    shown = json.loads(_invoke("entity", "Kuleba", "--db", str(seeds_db), "--json").output)
    assert shown["name"] == "Dmytro Kuleba"
    assert any("foreign minister" in r["title"].lower() for r in shown["roles"])
    assert len({m["article_id"] for m in shown["mentions"]}) >= 2


def test_demo_corpus_runs_clean(tmp_path: Path) -> None:
    demo = Path(__file__).resolve().parents[1] / "examples" / "demo"
    result = _invoke("run", str(demo), "-o", str(tmp_path / "demo.html"), "--db", str(tmp_path / "d.db"))
    assert result.exit_code == 0, result.output
    stored = api.Corpus(tmp_path / "d.db").articles()
    assert len(stored) == 10
    assert sum(1 for a in stored if not a.date.known) == 2


def test_demo_report_groups_the_syndicated_copy_and_the_stories(tmp_path: Path) -> None:
    demo = Path(__file__).resolve().parents[1] / "examples" / "demo"
    db = tmp_path / "d.db"
    api.run(demo, tmp_path / "demo.html", db)
    found = api.Corpus(db).clustering()
    by_source = {a.id: Path(a.source).name for a in api.Corpus(db).articles()}
    [group] = [g for g in found.copies if g.copy_ids]
    assert by_source[group.original_id].startswith("01_") and by_source[group.copy_ids[0]].startswith("02_")
    assert len(found.stories) == 1
    html = (tmp_path / "demo.html").read_text(encoding="utf-8")
    assert "Stories and events" in html and "copy of" in html and "(estimated)" in html
    vessels = html.split("<h3>Vessels</h3>", 1)[1].split("</table>", 1)[0]
    assert "<td>Corbin Star</td>" in vessels and "<td>Ellen Mae</td>" in vessels
    # One outlet, one name: the CWS wire is "Coastal Wire Service - CWS" in 01 and "CWS" in 07; GreenCurrent is
    # named only by its masthead line, which the file name spells.
    header = re.search(r"from (\d+) outlets \(([^)]*(?:\([^)]*\))?[^)]*)\)", html)
    assert header is not None and header.group(1) == "6", header
    assert "GreenCurrent" in header.group(2) and "Coastal Wire Service - CWS" in header.group(2)
    assert ", CWS," not in header.group(2)
    # The mayor's statement, carried by the wire (01) and by a copy that credits it as "CWS" (02), lists the
    # wire once, by the same name.
    [reyes] = [s for s in api.Corpus(db).statements("Reyes") if "evacuation order would stay" in s.text]
    assert reyes.outlets == ["Coastal Wire Service - CWS"] and len(reyes.quotes) == 2
    # The inspectorate's words in the wire (where the entity model missed its name) and in the copy are one
    # statement of the one organisation.
    [team] = [s for s in api.Corpus(db).statements() if "sending a team" in s.text]
    assert team.speaker_entity_id == "org:inland-waterways-inspectorate" and len(team.quotes) == 2


def test_article_shows_its_annotations_and_search_reaches_quotes_and_entities(seeds_db: Path) -> None:
    db = str(seeds_db)
    dated = [a for a in api.Corpus(seeds_db).articles() if a.date.value == "2024-05-14"][0]
    shown = json.loads(_invoke("article", dated.id, "--db", db, "--json").output)
    analysis = shown["analysis"]
    assert any(t["value"] == "2024-05-14" for t in analysis["timexes"])
    assert any(f["value"] == 61e9 and f["unit"] == "USD" for f in analysis["figures"])
    for item in analysis["mentions"] + analysis["timexes"] + analysis["figures"]:
        assert shown["text"][item["start"] : item["end"]] == item["text"]
    text = _invoke("article", dated.id, "--db", db).output
    assert "time expressions" in text and "figures" in text and "quotes" in text
    quotes = json.loads(_invoke("search", "Patriot", "--in", "quotes", "--db", db, "--json").output)
    assert quotes and all("patriot" in q["text"].lower() for q in quotes)
    places = json.loads(_invoke("search", "kiev", "--in", "entities", "--db", db, "--json").output)
    assert [p["name"] for p in places] == ["Kyiv"]
    assert _invoke("search", "x", "--in", "nowhere", "--db", db).exit_code == 2
