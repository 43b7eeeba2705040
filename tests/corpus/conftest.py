"""Shared fixtures of the cross-article tests."""

from __future__ import annotations

import pytest

from dateline.corpus.cluster import EventInput
from dateline.corpus.cluster_records import prepare
from tests.corpus.test_cluster import RESTORATION, TESSALY, VELMORA


@pytest.fixture(scope="module")
def quake_inputs() -> list[EventInput]:
    """The six fictional earthquake reports of ``test_cluster``, analysed (spaCy runs once for the module)."""
    inputs, _ = prepare(VELMORA + TESSALY + [RESTORATION])
    return inputs
