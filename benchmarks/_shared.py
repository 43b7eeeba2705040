"""Where the benchmarks find ../shared/bench, and how they skip when it is absent."""

from __future__ import annotations

import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DATELINE_SHARED", REPO.parent / "shared"))
BENCH = SHARED / "bench"


def require(path: Path) -> Path:
    """Return ``path`` if it exists; otherwise say why the benchmark cannot run and exit 0."""
    if not path.exists():
        print(f"skipped: {path} not found (the evaluation data lives in ../shared/bench; "
              "set DATELINE_SHARED to the shared folder)")
        sys.exit(0)
    return path
