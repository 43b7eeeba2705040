"""dateline: from a pile of news articles to a sourced account of a developing story."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from dateline.api import Corpus, clean, clean_file, ingest, run

__all__ = ["Corpus", "clean", "clean_file", "ingest", "run"]
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    """Import the API on first use, so ``import dateline.model`` stays light (no spaCy, no lxml)."""
    if name in __all__:
        from dateline import api

        return getattr(api, name)
    raise AttributeError(f"module 'dateline' has no attribute {name!r}")
