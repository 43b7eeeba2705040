"""The demo corpus's quotes against its answer key: every quote a reader sees is found with the right speaker."""

from __future__ import annotations

import json
import re
import unicodedata

import pytest
from typer.testing import CliRunner

from dateline.cli import app
from tests.corpus.test_conflicts import DEMO, build_db

ANSWER_KEY = DEMO.parent / "demo_answer_key" / "answer_key.json"


@pytest.fixture(scope="module")
def statements(tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    """The statements `dateline quotes --format json` lists for the demo corpus, stored once for the module."""
    if not DEMO.is_dir() or not ANSWER_KEY.is_file():
        pytest.skip("examples/demo or its answer key not found")
    db = build_db(DEMO, tmp_path_factory.mktemp("demo") / "demo.db")
    result = CliRunner().invoke(app, ["quotes", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _marks(text: str) -> str:
    """Fold quote marks and apostrophes, which the articles mix, to one."""
    return re.sub("[“”\"‘’']", "'", text)


def _entity_id(speaker: str) -> str:
    """The entity id the answer key's speaker should link to ("Tomás Reyes" -> "person:tomas-reyes")."""
    name, _, note = speaker.partition(" (")
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    kind = "org" if note.startswith(("organisation", "board")) else "person"
    return f"{kind}:{ascii_name.lower().replace(' ', '-')}"


KEY = json.loads(ANSWER_KEY.read_text(encoding="utf-8"))["quotes"] if ANSWER_KEY.is_file() else []


@pytest.mark.parametrize("expected", KEY, ids=[q["id"] for q in KEY])
def test_every_answer_key_quote_is_found_with_its_speaker(statements: list[dict], expected: dict) -> None:
    found = [q for s in statements for q in s["quotes"] if _marks(expected["text"]) in _marks(q["text"])]
    assert found, f"{expected['id']} not found: {expected['text']!r}"
    speaker = expected["speaker"]
    if speaker.startswith(("unnamed", "anonymous")):
        # an unnamed source stays unnamed, described by the article's own words
        head = "landlord" if "landlord" in speaker else "official"
        assert all(q["speaker_entity_id"] is None and head in (q["speaker_name"] or "") for q in found), found
    else:
        assert {q["speaker_entity_id"] for q in found} == {_entity_id(speaker)}, found
