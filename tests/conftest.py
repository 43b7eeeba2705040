"""Shared test helpers: where ../shared is, and small fictional articles written for the tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DATELINE_SHARED", REPO.parent / "shared"))
SEEDS = SHARED / "seeds"

ARTICLE_A = """Harbor council approves dredging plan after long delay | Local | News

Published March 4, 2025 | 09:12 AM
By Priya Natarajan

The Marlow Bay harbor council on Tuesday approved a dredging plan that had been stalled for two years, \
clearing the way for larger ferries to dock at the north pier before the summer season.

"We have waited long enough, and the fishermen have paid for every month of delay," council chair Tomas \
Reyes said after the vote. The plan will cost the city $12 million over three years.

Opponents said the council had not studied the effect on the oyster beds near the river mouth.

READ MORE: Ten things to do in Marlow Bay this spring

Leave a Reply

Your email address will not be published. Required fields are marked *
"""

ARTICLE_B = """Ferry operator welcomes dredging vote

date 2025-03-05 Open Menu

The operator of the Marlow Bay ferry line said on Wednesday that the council's dredging vote would let it \
add two sailings a day from June.

"This is the decision we were hoping for," operations director Hanna Lind told reporters at the north pier.

The council approved the $12 million plan on Tuesday after two years of delay.

icon-facebook icon-twitter icon-whatsapp
"""


@pytest.fixture()
def two_articles(tmp_path: Path) -> Path:
    """A folder holding two small fictional plain-text articles."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (folder / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    return folder


def require_seeds() -> Path:
    """Return the seeds folder, or skip the test with the reason."""
    if not SEEDS.is_dir() or not any(SEEDS.glob("*.txt")):
        pytest.skip(f"seed articles not found at {SEEDS} (set DATELINE_SHARED to the shared folder)")
    return SEEDS
