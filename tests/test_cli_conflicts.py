"""Tests of `dateline conflicts` and `dateline coverage` on the fictional demo corpus."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli import app
from tests.corpus.test_conflicts import DEMO, build_db

runner = CliRunner()


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo corpus stored and analysed once for the module."""
    if not DEMO.is_dir():
        pytest.skip("examples/demo not found")
    return build_db(DEMO, tmp_path_factory.mktemp("demo") / "demo.db")


def test_conflicts_json_lists_the_planted_cases(demo_db: Path) -> None:
    result = runner.invoke(app, ["conflicts", "--db", str(demo_db), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert sorted(c["verdict"] for c in data) == ["conflict", "rounding"]
    values = {v["text"] for c in data for v in c["values"]}
    assert {"Some 3,400", "about 1,200", "$48-million", "about $50 million"} <= values
    assert all(v["sentence"] and v["article_id"] for c in data for v in c["values"])


def test_conflicts_text_csv_and_all(demo_db: Path) -> None:
    text = runner.invoke(app, ["conflicts", "--db", str(demo_db)])
    assert text.exit_code == 0 and "figure · conflict" in text.stdout and "3,400 is 2.8 times 1,200" in text.stdout
    rows = list(csv.DictReader(io.StringIO(runner.invoke(app, ["conflicts", "--db", str(demo_db), "--format",
                                                                   "csv"]).stdout)))
    assert {r["verdict"] for r in rows} == {"conflict", "rounding"}
    assert any(r["text"] == "Some 3,400" and r["outlet"] == "The Harbor Ledger" for r in rows)
    everything = json.loads(runner.invoke(app, ["conflicts", "--db", str(demo_db), "--all", "--format", "json"]).stdout)
    assert "different referent" in {c["verdict"] for c in everything}
    quotes = json.loads(runner.invoke(app, ["conflicts", "--db", str(demo_db), "--kind", "quote", "--format",
                                            "json"]).stdout)
    assert all(c["kind"] == "quote" for c in quotes)


def test_coverage_json_csv_and_text(demo_db: Path) -> None:
    result = runner.invoke(app, ["coverage", "--db", str(demo_db), "--format", "json"])
    assert result.exit_code == 0, result.output
    stories = json.loads(result.stdout)
    assert len(stories) == 1
    spill = next(e for e in stories[0]["events"] if e["date"] == "2025-03-04")
    assert "The Harbor Ledger" in spill["independent"]
    assert spill["first_date"] == "2025-03-04"
    rows = list(csv.DictReader(io.StringIO(runner.invoke(app, ["coverage", "--db", str(demo_db), "--format",
                                                                   "csv"]).stdout)))
    assert {r["coverage"] for r in rows} <= {"first", "own", "copy"}
    assert any(r["outlet"] == "The Harbor Ledger" and r["event_date"] == "2025-03-04" for r in rows)
    text = runner.invoke(app, ["coverage", "--db", str(demo_db)])
    assert text.exit_code == 0 and "●" in text.stdout


def test_usage_errors_exit_2(demo_db: Path, tmp_path: Path) -> None:
    assert runner.invoke(app, ["conflicts", "--db", str(demo_db), "--kind", "colour"]).exit_code == 2
    assert runner.invoke(app, ["conflicts", "--db", str(demo_db), "--format", "xml"]).exit_code == 2
    assert runner.invoke(app, ["coverage", "--db", str(demo_db), "--story", "no such story here"]).exit_code == 2
    assert runner.invoke(app, ["coverage", "--db", str(tmp_path / "missing.db")]).exit_code == 2


def test_report_has_both_sections_with_the_matrix_drawn(demo_db: Path, tmp_path: Path) -> None:
    from dateline import api

    html = api.Corpus(demo_db).report(tmp_path / "report.html").read_text(encoding="utf-8")
    disagree = html.split("<h2>Where sources disagree</h2>", 1)[1].split("<h2>", 1)[0]
    assert "Some 3,400" in disagree and "about $50 million" in disagree and "figure · conflict" in disagree
    assert "$20 million" not in disagree  # a look-alike, not shown as a disagreement
    coverage = html.split("<h2>Coverage</h2>", 1)[1].split("<h2>", 1)[0]
    assert "<svg" in coverage and "The Harbor Ledger" in coverage
    assert coverage.count("first to report") >= 5  # one per event (tooltips) plus the legend
