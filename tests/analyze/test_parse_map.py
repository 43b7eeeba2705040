"""Tests of ``nlp.parse_map``: worker processes give what one process gives, and stop when the reader does.

The texts are fictional. The one test that needs a guard against hanging runs its reader in a child
interpreter with a generous limit: before ``parse_map``, spaCy's own ``n_process`` left exactly that
reader hanging for ever, and a hung test would stall the suite instead of failing.
"""

from __future__ import annotations

import multiprocessing
import subprocess
import sys
import textwrap

from spacy.tokens import Doc

from dateline.analyze.nlp import parse_map
from tests.conftest import REPO

TEXTS = [
    f"Harbour master Ines Varga{i} said on Tuesday that the north pier would reopen in week {i}. "
    f'"We will not rush it," she told reporters in Marlow Bay.'
    for i in range(7)
]


def _nouns(doc: Doc, context: int) -> tuple[int, list[str]]:
    """A module-level derive, as workers need: the context back and the parse's proper nouns."""
    return context, [token.text for token in doc if token.pos_ == "PROPN"]


def test_worker_processes_give_what_one_process_gives_in_input_order() -> None:
    pairs = [(text, i) for i, text in enumerate(TEXTS)]
    alone = list(parse_map(pairs, _nouns, n_process=1, batch_size=2))
    shared = list(parse_map(iter(pairs), _nouns, n_process=2, batch_size=2))  # 4 batches, the last one short
    assert [context for context, _ in shared] == list(range(7))
    assert shared == alone
    assert all(result[0] == context and "Varga" + str(context) in result[1] for context, result in shared)


def test_no_worker_outlives_a_reader_that_stops_early() -> None:
    found = parse_map(((text, i) for i, text in enumerate(TEXTS * 3)), _nouns, n_process=2, batch_size=2)
    assert next(found)[0] == 0
    found.close()
    assert multiprocessing.active_children() == []


READER = textwrap.dedent(
    """
    from dateline.analyze.nlp import parse_map
    from tests.analyze.test_parse_map import TEXTS, _nouns

    texts = ((" ".join(TEXTS) * 4, i) for i in range(240))  # enough parsed text to fill the workers' pipes
    try:
        for context, _ in parse_map(texts, _nouns, n_process=2, batch_size=4):
            if context == 5:
                raise RuntimeError("the reader failed at record 5")
    except RuntimeError as exc:
        print("caught:", exc)
    """
)


def test_an_error_in_the_readers_loop_reaches_it_instead_of_hanging_the_run() -> None:
    done = subprocess.run(
        [sys.executable, "-c", READER], cwd=REPO, capture_output=True, text=True, timeout=600, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "caught: the reader failed at record 5" in done.stdout
