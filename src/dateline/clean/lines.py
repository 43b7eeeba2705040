"""Per-line features of a page, with the context of neighbouring lines, for the line classifier.

A page is a list of lines (blocks). Each line gets features of its own text (length, stopwords,
punctuation, capitals, digits, link-like words) and of its surroundings (neighbours, windows, the
densest run of prose on the page), because article lines come as one contiguous dense region.
Plain Python and numpy only: well under 0.1 ms per line.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np


def word_set(words: str) -> frozenset[str]:
    """Return the set of the whitespace-separated words of a literal list."""
    return frozenset(words.split())


STOPWORDS = word_set(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just me more
    most my myself no nor not now of off on once only or other our ours out over own said same she should
    so some such than that the their theirs them themselves then there these they this those through to
    too under until up very was we were what when where which while who whom why will with would you your
    yours"""
)

# Words that label navigation, site furniture, sharing and comment widgets rather than report news.
SITE_WORDS = word_set(
    """home login log sign signup register subscribe subscription newsletter newsletters rss feed feeds
    contact privacy policy terms conditions copyright rights reserved advertise advertisement advertising
    ads comments comment share shares email e-mail print search archive archives related tags tag posted
    reply click here next previous prev top menu skip video videos photos photo gallery galleries weather
    blog blogs forum forums help faq sitemap site map login logout account profile follow facebook twitter
    linkedin whatsapp instagram youtube pinterest digg reddit delicious bookmark permalink trackback
    recommended trending popular latest sponsored partner partners careers jobs classifieds shop store
    cookies cookie username password submit rate rating views recent more"""
)

MONTHS = (
    "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|"
    "august|september|october|november|december"
)

WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*", re.UNICODE)
TOKEN_RE = re.compile(r"\S+")
DIGITS_RE = re.compile(r"\d+")
DATE_RE = re.compile(
    rf"\b(?:(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTHS})\.?,?"
    rf"\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})\b",
    re.IGNORECASE,
)
TIME_RE = re.compile(r"\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\b|\b(?:minutes?|hours?|days?|weeks?) ago\b", re.I)
URL_RE = re.compile(r"https?://|www\.|\.(?:com|org|net|co\.uk)\b|@\w+\.\w+", re.I)
SENTENCE_END_RE = re.compile(r"[.!?][\"'”’)\]]*$")
SENTENCE_BREAK_RE = re.compile(r"[.!?][\"'”’)]?\s+[\"'“‘(]?[A-Z]")
COMMENT_CUE_RE = re.compile(
    r"^(?:comment by|posted by|reply\b|report abuse|\d+\s+comments?\b|comments?\s*(?:\(\d+\))?:?$)"
    r"|@\s*\d{1,2}:\d{2}",
    re.I,
)
COMMENT_TAIL_RE = re.compile(r"\b(?:says|wrote|said):?\s*$", re.I)
COMMENT_HEADER_RE = re.compile(
    r"^(?:\d+\s+)?(?:comments?|responses?|reader comments|discussion|leave a (?:comment|reply)|"
    r"post (?:a|your) comment|add (?:a|your) comment|\d+ thoughts? on\b.*|have your say)\b",
    re.I,
)
BYLINE_RE = re.compile(r"^(?:by|posted by|written by|from)\s+[A-Z]", re.I)
BULLET_RE = re.compile(r"^\s*(?:[-*•·»›>|–—]|\d+[.)])\s*")

HEAD_CHARS = 200
OWN_FEATURES = (
    "log_words",
    "log_chars",
    "mean_word_len",
    "alpha_ratio",
    "digit_ratio",
    "upper_ratio",
    "title_ratio",
    "stop_ratio",
    "site_ratio",
    "punct_ratio",
    "comma_rate",
    "period_rate",
    "ends_sentence",
    "ends_colon",
    "ends_ellipsis",
    "sentence_breaks",
    "pipes",
    "has_date",
    "has_time",
    "has_url",
    "has_copyright",
    "quote_marks",
    "starts_bullet",
    "byline",
    "comment_cue",
    "comment_header",
    "all_caps",
    "is_long_prose",
)

NEIGHBOUR_FEATURES = (
    "log_words",
    "ends_sentence",
    "stop_ratio",
    "site_ratio",
    "title_ratio",
    "is_long_prose",
)
OFFSETS = (-3, -2, -1, 1, 2, 3)
WINDOWS = (2, 5, 12)

CONTEXT_FEATURES = (
    "position",
    "log_index",
    "log_from_end",
    "log_page_lines",
    "page_prose_share",
    "rel_words_to_max",
    "words_rank",
    "in_region",
    "region_before",
    "region_after",
    "region_rel_pos",
    "region_share",
    "in_region2",
    "prose_run",
    "short_run",
    "words_before_share",
    "dup_count",
    "region_overlap",
    "comment_header_above",
    "lines_since_comment_header",
    "copyright_above",
    "dist_to_longest",
    "gap_to_prev_prose",
    "gap_to_next_prose",
    "template_count",
    "comment_cues_above",
    "comment_cues_below",
    "comment_cues±3",
    "after_region_cue",
)


def feature_names() -> list[str]:
    """Return the names of the feature columns, in order."""
    names = list(OWN_FEATURES)
    for off in OFFSETS:
        names += [f"{name}@{off:+d}" for name in NEIGHBOUR_FEATURES]
    for w in WINDOWS:
        names += [f"mean_log_words±{w}", f"prose_share±{w}", f"site_ratio±{w}"]
    names += list(CONTEXT_FEATURES)
    return names


@dataclass(slots=True)
class LineStats:
    """What one line's text says on its own, before context."""

    text: str
    words: list[str]
    values: list[float]

    @property
    def n_words(self) -> int:
        """Return the number of words."""
        return len(self.words)

    def get(self, name: str) -> float:
        """Return one named own-feature."""
        return self.values[_own_index(name)]


@lru_cache(maxsize=64)
def _own_index(name: str) -> int:
    """Return the column of an own-feature."""
    return OWN_FEATURES.index(name)


def line_stats(text: str) -> LineStats:
    """Compute the features of a line's own text."""
    text = text.strip()
    n_chars = len(text)
    tokens = TOKEN_RE.findall(text)
    words = WORD_RE.findall(text)
    lower = [w.lower() for w in words]
    n_tok = max(len(tokens), 1)
    n_words = len(words)
    letters = sum(map(str.isalpha, text))
    uppers = sum(map(str.isupper, text))
    digits = sum(map(str.isdigit, text))
    punct = n_chars - sum(map(str.isalnum, text)) - sum(map(str.isspace, text))
    stop = sum(map(STOPWORDS.__contains__, lower))
    site = sum(map(SITE_WORDS.__contains__, lower))
    titled = sum(map(str.isupper, [w[0] for w in words]))
    ends_sentence = bool(SENTENCE_END_RE.search(text[-8:]))
    # Stamps, links and comment cues sit at the start of a line; scanning all of a long paragraph costs time.
    head = text[:HEAD_CHARS]
    values = [
        math.log1p(n_words),
        math.log1p(n_chars),
        (sum(map(len, words)) / n_words) if n_words else 0.0,
        letters / max(n_chars, 1),
        digits / max(n_chars, 1),
        uppers / max(letters, 1),
        titled / max(n_words, 1),
        stop / max(n_words, 1),
        site / max(n_words, 1),
        punct / max(n_chars, 1),
        text.count(",") / n_tok,
        text.count(".") / n_tok,
        float(ends_sentence),
        float(text.endswith(":")),
        float(text.endswith("..") or text.endswith("…")),
        float(min(len(SENTENCE_BREAK_RE.findall(text)), 10)),
        float(min(text.count("|"), 10)),
        float(bool(DATE_RE.search(head))),
        float(bool(TIME_RE.search(head))),
        float(bool(URL_RE.search(head))),
        float("©" in text or "copyright" in text.lower()),
        float(min(text.count('"') + text.count("“") + text.count("”"), 10)),
        float(bool(BULLET_RE.match(text))),
        float(bool(BYLINE_RE.match(text)) and n_words <= 8),
        float(bool(COMMENT_CUE_RE.search(head) or COMMENT_TAIL_RE.search(text[-20:]))),
        float(bool(COMMENT_HEADER_RE.match(text)) and n_words <= 8),
        float(letters > 3 and uppers / max(letters, 1) > 0.8),
        float(_reads_as_prose(n_words, stop, text)),
    ]
    return LineStats(text, lower, values)


def _reads_as_prose(n_words: int, n_stopwords: int, text: str) -> bool:
    """Tell whether a stripped line reads as article prose: 10+ words, function words, a sentence end."""
    if text.endswith(("..", "…")):
        return False  # a teaser cut short, as in lists of other stories
    return n_words >= 10 and n_stopwords >= 0.2 * n_words and bool(SENTENCE_END_RE.search(text[-8:]))


def is_prose(text: str) -> bool:
    """Tell whether a line reads as article prose rather than a headline, a label or a list item."""
    words = [w.lower() for w in WORD_RE.findall(text)]
    return _reads_as_prose(len(words), sum(map(STOPWORDS.__contains__, words)), text.strip())


def densest_region(scores: np.ndarray) -> tuple[int, int]:
    """Return the [start, end) run of lines with the largest score sum (maximum subarray)."""
    best, best_span = -math.inf, (0, 0)
    total, start = 0.0, 0
    for i, s in enumerate(scores.tolist()):
        if total <= 0:
            total, start = 0.0, i
        total += s
        if total > best:
            best, best_span = total, (start, i + 1)
    return best_span


def prose_scores(n_words: np.ndarray, prose: np.ndarray) -> np.ndarray:
    """Score lines for the main-region search: long prose lines count for, short lines against."""
    return np.where(prose > 0, np.minimum(n_words, 80.0), 0.0) - np.where(n_words < 10, 6.0, 0.0)


def main_region(stats: Sequence[LineStats]) -> tuple[int, int]:
    """Return the [start, end) run of lines that holds the page's densest prose."""
    n_words = np.array([s.n_words for s in stats], dtype=float)
    prose = np.array([s.get("is_long_prose") for s in stats])
    return densest_region(prose_scores(n_words, prose))


def _run_lengths(flags: np.ndarray) -> np.ndarray:
    """Return, for each position, the length of the run of equal flags it belongs to."""
    n = len(flags)
    out = np.zeros(n)
    i = 0
    while i < n:
        j = i
        while j < n and flags[j] == flags[i]:
            j += 1
        out[i:j] = j - i
        i = j
    return out


def _window_mean(values: np.ndarray, w: int) -> np.ndarray:
    """Return the mean of values over [i-w, i+w], clipped to the page."""
    n = len(values)
    csum = np.concatenate([[0.0], np.cumsum(values)])
    idx = np.arange(n)
    lo = np.clip(idx - w, 0, n)
    hi = np.clip(idx + w + 1, 0, n)
    return (csum[hi] - csum[lo]) / (hi - lo)


def _gaps(flags: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Return, per line, the distance to the previous and to the next flagged line (capped at 50)."""
    n = len(flags)
    before = np.full(n, 50.0)
    after = np.full(n, 50.0)
    last = -1
    for i in range(n):
        if last >= 0:
            before[i] = min(i - last, 50)
        if flags[i]:
            last = i
    nxt = -1
    for i in range(n - 1, -1, -1):
        if nxt >= 0:
            after[i] = min(nxt - i, 50)
        if flags[i]:
            nxt = i
    return before, after


def _template_key(text: str) -> str:
    """Return the shape of a line's first two tokens, so list items and comment stamps group together."""
    return DIGITS_RE.sub("0", " ".join(TOKEN_RE.findall(text[:60])[:2]).lower())


def word_key(text: str) -> str:
    """Return a line folded to its lowercase words, for duplicate detection."""
    return " ".join(WORD_RE.findall(text.casefold()))


def page_stats(lines: Sequence[str]) -> list[LineStats]:
    """Compute the own-text features of every line of a page."""
    return [line_stats(t) for t in lines]


def page_features(stats: Sequence[LineStats]) -> np.ndarray:
    """Return the feature matrix (one row per line) of a page, from its line stats."""
    n = len(stats)
    if n == 0:
        return np.zeros((0, len(feature_names())))
    lines = [s.text for s in stats]
    own = np.array([s.values for s in stats], dtype=float)
    col = {name: i for i, name in enumerate(OWN_FEATURES)}
    n_words = np.array([s.n_words for s in stats], dtype=float)
    prose = own[:, col["is_long_prose"]]
    site = own[:, col["site_ratio"]]
    log_words = own[:, col["log_words"]]

    blocks = [own]
    pad = np.zeros((3, own.shape[1]))
    pad[:, col["site_ratio"]] = 1.0
    padded = np.vstack([pad, own, pad])
    neigh_cols = [col[name] for name in NEIGHBOUR_FEATURES]
    for off in OFFSETS:
        blocks.append(padded[3 + off : 3 + off + n][:, neigh_cols])
    for w in WINDOWS:
        blocks.append(np.column_stack([_window_mean(log_words, w), _window_mean(prose, w), _window_mean(site, w)]))

    idx = np.arange(n, dtype=float)
    stop = own[:, col["stop_ratio"]]
    r0, r1 = densest_region(prose_scores(n_words, prose))
    scores2 = np.minimum(n_words, 60.0) * (stop + 0.05) - 2.0
    q0, q1 = densest_region(scores2)
    region_len = max(r1 - r0, 1)
    in_region = ((idx >= r0) & (idx < r1)).astype(float)
    region_before = np.log1p(np.clip(r0 - idx, 0, None))
    region_after = np.log1p(np.clip(idx - (r1 - 1), 0, None))
    region_rel = (idx - r0) / region_len
    total_words = max(n_words.sum(), 1.0)
    region_share = n_words[r0:r1].sum() / total_words
    in_region2 = ((idx >= q0) & (idx < q1)).astype(float)

    max_words = max(n_words.max(), 1.0)
    order = np.argsort(-n_words, kind="stable")
    rank = np.empty(n)
    rank[order] = np.arange(n)
    longest = int(order[0])

    keys = [word_key(t) for t in lines]
    counts = Counter(k for k in keys if k)
    dup = np.array([math.log(counts[k]) if k else 0.0 for k in keys])
    region_vocab = Counter(w for s in stats[r0:r1] for w in s.words if w not in STOPWORDS and len(w) > 2)
    overlap = np.array(
        [
            (sum(w in region_vocab for w in content) / len(content)) if content else 0.0
            for content in ([w for w in s.words if w not in STOPWORDS and len(w) > 2] for s in stats)
        ]
    )

    header = own[:, col["comment_header"]] > 0
    copyright_flag = own[:, col["has_copyright"]] > 0
    seen_header = np.maximum.accumulate(header.astype(float))
    header_pos = np.where(header, idx, -1.0)
    last_header = np.maximum.accumulate(header_pos)
    since_header = np.where(last_header >= 0, np.log1p(idx - last_header), -1.0)
    copyright_above = np.maximum.accumulate(copyright_flag.astype(float))
    gap_prev, gap_next = _gaps(prose > 0)
    cum_words = np.cumsum(n_words) - n_words
    templates = [_template_key(t) for t in lines]
    template_counts = Counter(templates)
    template_count = np.array([math.log(template_counts[k]) if k else 0.0 for k in templates])
    cues = own[:, col["comment_cue"]] + own[:, col["comment_header"]]
    cues_above = np.cumsum(cues) - cues
    cues_below = cues.sum() - np.cumsum(cues)
    cue_after_region = np.cumsum(np.where(idx >= r1, cues, 0.0))

    context = np.column_stack(
        [
            idx / max(n - 1, 1),
            np.log1p(idx),
            np.log1p(n - 1 - idx),
            np.full(n, math.log1p(n)),
            np.full(n, prose.mean()),
            n_words / max_words,
            np.log1p(rank),
            in_region,
            region_before,
            region_after,
            region_rel,
            np.full(n, region_share),
            in_region2,
            np.where(prose > 0, np.log1p(_run_lengths(prose)), 0.0),
            np.where(n_words < 6, np.log1p(_run_lengths(n_words < 6)), 0.0),
            cum_words / total_words,
            dup,
            overlap,
            seen_header,
            since_header,
            copyright_above,
            np.log1p(np.abs(idx - longest)) * np.sign(idx - longest),
            np.log1p(gap_prev),
            np.log1p(gap_next),
            template_count,
            np.log1p(cues_above),
            np.log1p(cues_below),
            _window_mean(cues, 3),
            np.log1p(cue_after_region),
        ]
    )
    blocks.append(context)
    return np.hstack(blocks)
