"""The timeline and clustering of a stored corpus: selection, kept results, re-anchored undated articles."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline import api
from dateline.cli import app
from tests.corpus.test_timeline import ARTICLES

DEMO = Path(__file__).resolve().parents[2] / "examples" / "demo"
runner = CliRunner()

VIAL_STORY = [
    ("v1", "2025-06-02", "Harlow lab loses vaccine vials",
     "The Harlow county laboratory reported on Monday that 300 vials of rabies vaccine were missing.\n"
     "Police in Harlow opened an inquiry into the missing vials on Monday afternoon.\n"),
    ("v2", "2025-06-03", "Vials found in Harlow van",
     "The 300 missing vials of rabies vaccine were found on Tuesday in a delivery van parked in Harlow.\n"
     "The Harlow county laboratory said the vials had been kept cold and could still be used.\n"),
]


def _write_records(path: Path, articles: list[tuple[str, str | None, str, str]]) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for article_id, day, title, text in articles:
            record = {"id": article_id, "title": title, "text": text, "source": f"Outlet {article_id}"}
            if day:
                record["date"] = day
            out.write(json.dumps(record) + "\n")
    return path


@pytest.fixture(scope="module")
def dam_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A stored corpus of the fictional dam articles (one of them a copy) and two unrelated vial articles."""
    folder = tmp_path_factory.mktemp("dam")
    db = folder / "dam.db"
    api.ingest([str(_write_records(folder / "dam.jsonl", [*ARTICLES, *VIAL_STORY]))], db)
    api.analyze(db)
    return db


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    api.ingest([str(DEMO)], db)
    api.analyze(db)
    return db


def test_corpus_timeline_cites_sentences_of_stored_articles(dam_db: Path) -> None:
    corpus = api.Corpus(dam_db)
    texts = {a.id: a.text for a in corpus.articles()}
    entries = corpus.timeline(dates=4, per_date=2)
    assert 1 <= len(entries) <= 4
    assert [e.date for e in entries] == sorted(e.date for e in entries)
    for entry in entries:
        assert 1 <= len(entry.sentences) <= 2
        for sentence in entry.sentences:
            assert sentence.text in texts[sentence.article_id]
            assert texts[sentence.article_id][sentence.start:sentence.end] == sentence.text


def test_a_story_selects_only_its_articles(dam_db: Path) -> None:
    corpus = api.Corpus(dam_db)
    stories = corpus.clustering().stories
    vial = next(s for s in stories if any("vials" in a.text for a in corpus.articles() if a.id in s.article_ids))
    entries = corpus.timeline(vial.id, dates=5, per_date=3)
    cited = {s.article_id for e in entries for s in e.sentences}
    assert cited and cited <= set(vial.article_ids)
    assert all("vial" in s.text for e in entries for s in e.sentences)
    assert corpus.story(vial.id.removeprefix("story:")).id == vial.id


def test_query_and_person_narrow_the_selection_and_unknown_ones_are_errors(dam_db: Path) -> None:
    corpus = api.Corpus(dam_db)
    entries = corpus.timeline(query="vaccine", dates=5, per_date=3)
    texts = {a.id: a.text for a in corpus.articles()}
    assert entries and all("vaccine" in texts[s.article_id] for e in entries for s in e.sentences)
    with pytest.raises(LookupError):
        corpus.timeline("no such story at all")
    with pytest.raises(LookupError):
        corpus.timeline(person="Zebulon Quartermaine")


def test_cli_timeline_of_the_corpus_in_every_format(dam_db: Path) -> None:
    result = runner.invoke(app, ["timeline", "--db", str(dam_db), "--dates", "3", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert 1 <= len(data) <= 3 and all(set(e) == {"date", "sentences"} for e in data)
    html = runner.invoke(app, ["timeline", "--db", str(dam_db), "--dates", "8", "--per-date", "3", "--format", "html"])
    assert html.exit_code == 0
    assert html.stdout.startswith("<!doctype html>") and "<svg" in html.stdout
    assert "Outlet a1" in html.stdout  # sources are named by outlet and title
    missing = runner.invoke(app, ["timeline", "no-such-story", "--db", str(dam_db)])
    assert missing.exit_code == 2 and "no story" in missing.output


def test_html_timeline_escapes_what_the_articles_say() -> None:
    from dateline.model import TimelineEntry, TimelineSentence
    from dateline.render.timeline import to_html

    hostile = '"><img src=x onerror=alert(1)> and <script>alert("dam")</script> on the website'
    entries = [TimelineEntry("2025-04-15", [TimelineSentence(hostile, "a6", also_in=["<b>a7</b>"])])]
    page = to_html(entries, title="<b>dam</b>", labels={"a6": "<i>Outlet</i>"})
    assert "<script>" not in page and "<img" not in page and "<b>" not in page and "<i>" not in page
    assert "&lt;script&gt;" in page and "&lt;b&gt;dam" in page and "&lt;i&gt;Outlet" in page


def test_clustering_is_kept_and_recomputed_when_the_corpus_changes(dam_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "copy.db"
    with sqlite3.connect(dam_db) as source, sqlite3.connect(db) as target:
        source.backup(target)
    corpus = api.Corpus(db)
    first = corpus.clustering()
    before = {a for e in first.events for a in e.article_ids}
    assert before == {a.id for a in corpus.articles()}
    with sqlite3.connect(db) as conn:
        kept = conn.execute("SELECT fingerprint FROM clustering_state").fetchall()
    assert len(kept) == 1
    again = corpus.clustering()
    assert [e.article_ids for e in again.events] == [e.article_ids for e in first.events]
    assert again.inputs == []  # read back from the store, not recomputed
    api.ingest([str(_write_records(tmp_path / "more.jsonl", [
        ("v3", "2025-06-04", "Harlow vials back in the laboratory",
         "The 300 rabies vaccine vials found in a van were back in the Harlow county laboratory on Wednesday.\n"),
    ]))], db)
    stale = corpus.clustering(stale_ok=True)  # what a reader gets while the ingest has not finished
    assert [e.article_ids for e in stale.events] == [e.article_ids for e in first.events]
    api.analyze(db)
    kept = corpus.clustering(stale_ok=True)  # analyze kept the new clustering: the reader sees it at once
    assert kept.inputs == [] and len({a for e in kept.events for a in e.article_ids}) == len(before) + 1
    after = corpus.clustering()
    assert len({a for e in after.events for a in e.article_ids}) == len(before) + 1


def test_undated_articles_are_analysed_again_against_their_estimated_date(demo_db: Path) -> None:
    corpus = api.Corpus(demo_db)
    found = corpus.clustering()
    undated = [a for a in corpus.articles() if not a.date.value]
    assert undated and all(a.id in found.estimated_dates for a in undated)
    relative = 0
    for article in undated:
        estimate = found.estimated_dates[article.id][0][:10]
        for timex in corpus.analysis(article.id).timexes:
            if timex.text.casefold() in {"last friday", "monday", "tuesday", "wednesday", "two weeks ago"}:
                relative += 1
                assert timex.value[:4] == estimate[:4] and "X" not in timex.value, (timex.text, timex.value)
    assert relative >= 2


def test_the_demo_blog_post_dated_12_03_2025_is_read_day_first_from_its_story(demo_db: Path) -> None:
    corpus = api.Corpus(demo_db)
    blog = next(a for a in corpus.articles() if "12/03/2025" in a.date.source)
    assert blog.date.value == "2025-03-12"
    assert "other articles of its story" in blog.date.source
    with sqlite3.connect(demo_db) as conn:
        anchor = conn.execute("SELECT anchor_date FROM analyses WHERE article_id = ?", (blog.id,)).fetchone()[0]
    assert anchor == "2025-03-12"  # its relative dates were resolved again against the settled date


def test_the_demo_timeline_quotes_sentences_without_their_wire_datelines(demo_db: Path) -> None:
    corpus = api.Corpus(demo_db)
    texts = {a.id: a.text for a in corpus.articles()}
    quoted = [s for e in corpus.timeline(dates=20, per_date=3) for s in e.sentences]
    returning = [s for s in quoted if "began returning home" in s.text]
    assert returning and returning[0].text.startswith("Residents of two waterfront districts")
    # the article itself still opens with its dateline, and the citation points past it
    assert "(Bayside Daily Post - BDP)" in texts[returning[0].article_id]
    for sentence in quoted:
        assert not sentence.text.startswith(("Marlowe Bay,", "MARLOW BAY (", "(Coastal Wire Service"))
        assert texts[sentence.article_id][sentence.start:sentence.end] == sentence.text
