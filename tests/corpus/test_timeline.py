"""Tests of timelines: a fictional dam crack told by six articles over six weeks, one of them a copy."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.corpus.cluster_records import Record
from dateline.corpus.timeline import build_timeline
from dateline.corpus.timeline_input import parse_records
from dateline.corpus.timeline_sentences import split_lines
from dateline.model import ArticleAnalysis, Sentence, TimelineEntry
from dateline.render.timeline import to_json, to_markdown, to_timelinejs

SHELTERS = (
    "Residents of Alder Ford spent a second night in shelters on Monday while engineers inspected the Kestrel Dam.\n"
    "The crack in the Kestrel Dam spillway was found on Sunday by a routine patrol of the dam keepers.\n"
    "Volunteers served hot meals to the families in the Alder Ford school gym and handed out blankets.\n"
)
ARTICLES = [
    ("a1", "2025-03-03", "Kestrel Dam crack forces evacuation",
     "Engineers found a crack in the Kestrel Dam spillway on Sunday and ordered the evacuation of Alder Ford.\n"
     "About 4,000 residents of Alder Ford left their homes overnight, the county said.\n"
     "Northfall Water, which runs the Kestrel Dam, said it was lowering the reservoir.\n"),
    ("a2", "2025-03-04", "Second night in shelters", SHELTERS),
    # a3 reposts a2 under another headline: a copy.
    ("a3", "2025-03-05", "Alder Ford waits", SHELTERS),
    ("a4", "2025-03-10", "Alder Ford residents go home",
     "Alder Ford residents returned home on Saturday after engineers declared the Kestrel Dam safe.\n"
     "The evacuation began on March 2 after a crack was found in the Kestrel Dam spillway.\n"
     "Shops in the town reopened on Saturday afternoon as the first families came back.\n"),
    ("a5", "2025-04-15", "Kestrel Dam inquiry opens",
     "An inquiry into the Kestrel Dam crack opened on Monday in the town hall of Harlow.\n"
     "The evacuation began on March 2 after a crack was found in the Kestrel Dam's spillway.\n"
     "Engineers told the inquiry that cracks in the Kestrel Dam had first been reported in 2023.\n"),
    ("a6", "2025-04-16", "Northfall Water chief resigns",
     "The chief executive of Northfall Water resigned on Tuesday over the Kestrel Dam crack.\n"
     "He stepped down a day after the Kestrel Dam inquiry opened on Monday in Harlow.\n"
     "A page reading <script>alert('dam')</script> appeared on the Kestrel Dam website on Tuesday.\n"),
]
TEXTS = {article_id: text for article_id, _, _, text in ARTICLES}
EVENT_DAYS = {"2025-03-02", "2025-03-03", "2025-03-08", "2025-04-14", "2025-04-15"}
runner = CliRunner()


@pytest.fixture(scope="module")
def records() -> list[Record]:
    return [Record(article_id, text, title, day) for article_id, day, title, text in ARTICLES]


@pytest.fixture(scope="module")
def analyses(records: list[Record]) -> list[ArticleAnalysis]:
    return list(parse_records(records))


def _timeline(analyses: list[ArticleAnalysis], n_dates: int = 5, per_date: int = 2, **options) -> list[TimelineEntry]:  # type: ignore[no-untyped-def]
    articles = {article_id: (day, title) for article_id, day, title, _ in ARTICLES}
    return build_timeline(analyses, articles, n_dates, per_date, **options)


def _sentences(entries: list[TimelineEntry]) -> list[str]:
    return [s.text for e in entries for s in e.sentences]


def test_the_day_most_articles_name_comes_first(analyses: list[ArticleAnalysis]) -> None:
    assert [e.date for e in _timeline(analyses, n_dates=1)] == ["2025-03-02"]


def test_dates_are_the_days_the_articles_report_not_publication_days(analyses: list[ArticleAnalysis]) -> None:
    entries = _timeline(analyses, n_dates=5)
    assert {e.date for e in entries} == EVENT_DAYS
    assert [e.date for e in entries] == sorted(EVENT_DAYS)


def test_each_sentence_refers_to_its_date_and_cites_an_article_that_carries_it(
    analyses: list[ArticleAnalysis],
) -> None:
    entries = _timeline(analyses, n_dates=5, per_date=3)
    assert entries
    for entry in entries:
        for sentence in entry.sentences:
            text = TEXTS[sentence.article_id]
            assert text[sentence.start:sentence.end] == sentence.text
            assert all(sentence.text in TEXTS[other] for other in sentence.also_in)
    monday = next(e for e in entries if e.date == "2025-03-03")
    assert any("second night in shelters" in s.text for s in monday.sentences)


def test_no_sentence_and_no_near_copy_of_one_appears_twice(analyses: list[ArticleAnalysis]) -> None:
    texts = _sentences(_timeline(analyses, n_dates=5, per_date=3))
    assert len(texts) == len(set(texts))
    # a4 and a5 tell the start of the evacuation in near-identical words: only one of them is kept.
    assert sum("The evacuation began on March 2" in t for t in texts) == 1


def test_the_number_of_dates_and_sentences_per_date_is_the_users(analyses: list[ArticleAnalysis]) -> None:
    entries = _timeline(analyses, n_dates=3, per_date=1)
    assert len(entries) == 3
    assert all(len(e.sentences) == 1 for e in entries)
    wider = _timeline(analyses, n_dates=4, per_date=2)
    assert len(wider) == 4
    assert max(len(e.sentences) for e in wider) == 2


def test_since_and_until_bound_the_dates(analyses: list[ArticleAnalysis]) -> None:
    later = _timeline(analyses, n_dates=5, since="2025-04-01")
    assert later and {e.date for e in later} == {"2025-04-14", "2025-04-15"}
    march = _timeline(analyses, n_dates=5, since="2025-03-03", until="2025-03-31")
    assert march and all("2025-03-03" <= e.date <= "2025-03-31" for e in march)


def test_with_keywords_every_sentence_contains_one(analyses: list[ArticleAnalysis]) -> None:
    entries = _timeline(analyses, n_dates=5, per_date=3, keywords=["shelters", "Harlow"])
    texts = _sentences(entries)
    assert texts
    assert all("shelters" in t.lower() or "harlow" in t.lower() for t in texts)


def test_copies_collapse_into_also_in(analyses: list[ArticleAnalysis]) -> None:
    entries = _timeline(analyses, n_dates=5, per_date=3, copies={"a3": "a2"})
    cited = [s for e in entries for s in e.sentences]
    assert all(s.article_id != "a3" for s in cited)
    from_shelters = [s for s in cited if s.article_id == "a2"]
    assert from_shelters and all(s.also_in == ["a3"] for s in from_shelters)


def test_a_copy_is_cited_after_its_original_even_if_it_is_listed_first(analyses: list[ArticleAnalysis]) -> None:
    articles = {article_id: (day, title) for article_id, day, title, _ in ARTICLES}
    articles["a3"] = ("2025-03-01", "Alder Ford waits")
    entries = build_timeline(analyses, articles, 5, 3, copies={"a3": "a2"})
    cited = [s for e in entries for s in e.sentences]
    assert any(s.article_id == "a2" and s.also_in == ["a3"] for s in cited)
    assert all(s.article_id != "a3" for s in cited)


def test_timelinejs_has_the_knight_lab_shape_and_escapes_text(analyses: list[ArticleAnalysis]) -> None:
    entries = _timeline(analyses, n_dates=5, per_date=3)
    assert any("<script>" in t for t in _sentences(entries))
    rendered = to_timelinejs(entries, "Kestrel <Dam>")
    assert "<script>" not in rendered and "&lt;script&gt;" in rendered
    data = json.loads(rendered)
    assert data["title"]["text"]["headline"] == "Kestrel &lt;Dam&gt;"
    assert len(data["events"]) == len(entries)
    first = data["events"][0]
    assert first["start_date"] == {"year": "2025", "month": "3", "day": "2"}
    assert set(first["text"]) == {"headline", "text"}
    assert "a1" in first["text"]["text"] or "a2" in first["text"]["text"] or "a4" in first["text"]["text"]


def test_markdown_and_json_carry_the_sources(analyses: list[ArticleAnalysis]) -> None:
    entries = _timeline(analyses, n_dates=5, per_date=3, copies={"a3": "a2"})
    markdown = to_markdown(entries)
    assert "## 2025-03-02" in markdown and "a2; also in a3" in markdown
    assert "<script>" not in markdown
    data = json.loads(to_json(entries))
    assert [d["date"] for d in data] == [e.date for e in entries]
    assert data[0]["sentences"][0]["article_id"] == entries[0].sentences[0].article_id


def test_a_line_break_ends_a_sentence_the_parser_ran_on() -> None:
    text = "Kestrel Dam declared safe\nEngineers signed the report on Friday .\n"
    parsed = [Sentence("x", 0, 0, len(text) - 1, text.strip())]
    pieces = split_lines(parsed)
    assert [s.text for s in pieces] == ["Kestrel Dam declared safe", "Engineers signed the report on Friday ."]
    assert [text[s.start:s.end] for s in pieces] == [s.text for s in pieces]


def test_a_sentence_that_runs_over_a_line_break_is_dated_by_its_own_line(tmp_path: Path) -> None:
    one_per_line = [Record("h", "Kestrel Dam declared safe\nEngineers signed the Kestrel Dam report on Friday .\n",
                           None, "2025-03-10")]
    analyses = list(parse_records(one_per_line))
    entries = build_timeline(analyses, {"h": ("2025-03-10", None)}, 3, 2)
    assert {e.date: [s.text for s in e.sentences] for e in entries}.get("2025-03-07") == [
        "Engineers signed the Kestrel Dam report on Friday ."
    ]


def test_the_cli_prints_the_timeline_contract(records: list[Record], tmp_path: Path) -> None:
    path = tmp_path / "articles.jsonl"
    path.write_text(
        "".join(json.dumps({"id": i, "time": d, "title": t, "text": x}) + "\n" for i, d, t, x in ARTICLES),
        encoding="utf-8",
    )
    result = runner.invoke(
        app, ["timeline", str(path), "--dates", "3", "--per-date", "2", "--keywords", "dam,shelters",
              "--since", "2025-03-01", "--until", "2025-04-30", "--format", "json"],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert len(data) == 3 and data[0]["date"] == "2025-03-02"
    for entry in data:
        assert set(entry) == {"date", "sentences"} and 1 <= len(entry["sentences"]) <= 2
        for sentence in entry["sentences"]:
            assert sentence["text"] in TEXTS[sentence["article_id"]]
            assert sentence["article_id"] != "a3"
    markdown = runner.invoke(app, ["timeline", str(path), "--dates", "2", "--format", "md"])
    assert markdown.exit_code == 0 and "## 2025-03-02" in markdown.stdout


def test_the_cli_names_a_missing_corpus_when_the_argument_is_not_a_file(tmp_path: Path) -> None:
    result = runner.invoke(app, ["timeline", str(tmp_path / "no-such-story"), "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2
    assert "no corpus at" in result.output


def test_headlines_titles_and_date_stamps_are_not_timeline_sentences() -> None:
    from dateline.corpus.timeline_sentences import collect_candidates, is_heading

    assert is_heading("Alder Ford Residents Return Home As Dam Declared Safe")
    assert is_heading("Published March 8, 2025 | 09:12 AM")
    assert not is_heading("Alder Ford residents returned home on Saturday after engineers declared the dam safe.")
    assert not is_heading("Engineers Said The Dam Was Safe.")  # a sentence, even in odd capitals
    text = "Kestrel Dam crack forces evacuation\nEngineers found a crack in the dam on Sunday and ordered it emptied."
    analysis = ArticleAnalysis("t1", sentences=[
        Sentence("t1", 0, 0, 35, text[:35]), Sentence("t1", 1, 36, len(text), text[36:]),
    ])
    kept = collect_candidates([analysis], {"t1": ("2025-03-03", "Kestrel Dam crack forces evacuation")})
    assert [c.text for c in kept] == [text[36:]]
