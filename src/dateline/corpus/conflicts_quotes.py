"""Quote conflicts: one direct statement that independent articles carry in different words.

A word swapped or dropped inside the quote is a rewording; a trim or a split is not (words missing at
either end, or where the reporter broke the quote into fragments), nor is a spelling that only moves
spaces or a word spelled two ways. Only quotes given within a week of each other are compared: further
apart, a look-alike is likelier another statement. Cost: linear in the number of quotes (grouped by
statement); wordings are compared pairwise within one statement.
"""

from __future__ import annotations

from collections.abc import Iterable
from difflib import SequenceMatcher

from dateline.corpus.cluster_time import days_apart
from dateline.corpus.conflicts_context import Context, conflict_id
from dateline.corpus.statements import normalise
from dateline.model import Conflict, ConflictValue, Statement

SPELLING_RATIO = 0.75
"""Letter similarity from which two words are one spelled two ways ("cosy" / "cozy", "toward" / "towards")."""
QUOTE_DAYS = 7
"""One statement quoted days apart by different outlets; further apart, a look-alike is likelier another statement."""
FRAGMENT_WORD = "|"
FRAGMENT_MARK = f" {FRAGMENT_WORD} "
"""Where a reporter broke a quote ("'It's a great sight,' he said, but 'it's far ...'"), kept for comparison."""


def quote_conflicts(context: Context, statements: Iterable[Statement]) -> list[Conflict]:
    """Return statements that independent articles quote in different words (not one trimmed from the other)."""
    found = []
    for statement in statements:
        wordings: dict[str, list[ConflictValue]] = {}
        for quote in statement.quotes:
            # Only direct quotes: a mixed quote's text holds the reporter's own words around the quoted ones.
            if quote.kind != "direct" or quote.article_id in context.copy_of:
                continue
            norm = FRAGMENT_MARK.join(normalise(part) for part in quote.text.split(" … "))
            wordings.setdefault(norm, []).append(context.value(
                quote.article_id, quote.text, norm, quote.start, quote.end, quote.sentence_index,
            ))
        distinct = _reworded(list(wordings))
        if len(distinct) < 2:
            continue
        values = [v for norm in distinct for v in wordings[norm]]
        if not any(
            _words_differ(a.value, b.value) and context.independent(a.article_id, b.article_id)
            and a.date and b.date and days_apart(a.date, b.date) <= QUOTE_DAYS
            for a in values for b in values
        ):
            continue
        speaker = statement.speaker_name or "unknown speaker"
        found.append(Conflict(
            id=conflict_id("quote", "reworded", speaker, None, values),
            kind="quote", verdict="reworded", subject=speaker,
            reason=f"one statement by {speaker}, quoted in {len(distinct)} different wordings",
            values=sorted(values, key=lambda v: (v.date or "9999", v.article_id)),
        ))
    return found


def _reworded(wordings: list[str]) -> list[str]:
    """Return the wordings that are not contained in a longer one: a trimmed quote is not a rewording."""
    wordings = sorted(set(wordings), key=len, reverse=True)
    kept: list[str] = []
    for wording in wordings:
        bare = wording.replace(FRAGMENT_MARK, " ")
        if not any(bare in longer.replace(FRAGMENT_MARK, " ") for longer in kept):
            kept.append(wording)
    return kept


def _words_differ(a: str, b: str) -> bool:
    """Tell whether two wordings of one statement differ inside the quoted words, not only by trims and splits.

    A word swapped ("am" / "'m", "the weekend" / "a weekend") or dropped mid-quote ("BP's global
    portfolio" / "BP's portfolio") is a rewording; words missing at either end, or where the reporter
    broke the quote into fragments ("'It's a great sight,' he said, but 'it's far ...'"), are not.
    Spelling that only moves spaces ("tool kit" / "toolkit") is not either.
    """
    words_a, words_b = a.split(), b.split()
    if "".join(w for w in words_a if w != FRAGMENT_WORD) == "".join(w for w in words_b if w != FRAGMENT_WORD):
        return False
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, words_a, words_b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        left = [w for w in words_a[i1:i2] if w != FRAGMENT_WORD]
        right = [w for w in words_b[j1:j2] if w != FRAGMENT_WORD]
        if left and right:
            if "".join(left) != "".join(right) and not _spelling_variant(left, right):
                return True
        elif (left or right) and not (_at_edge(words_a, i1, i2) or _at_edge(words_b, j1, j2)):
            return True  # words dropped or added inside the quote, away from its ends and breaks
    return False


def _spelling_variant(left: list[str], right: list[str]) -> bool:
    """Tell whether two words are one word spelled two ways ("modeling" / "modelling", "toward" / "towards")."""
    if len(left) != 1 or len(right) != 1 or min(len(left[0]), len(right[0])) < 4:
        return False
    return SequenceMatcher(None, left[0], right[0]).ratio() >= SPELLING_RATIO


def _at_edge(words: list[str], start: int, end: int) -> bool:
    """Tell whether a gap at ``words[start:end]`` touches either end of the quote or a fragment break."""
    return start == 0 or end >= len(words) or FRAGMENT_WORD in words[max(start - 1, 0) : end + 1]
