"""Score the plain-text boilerplate cleaner's line decisions on L3S-GN1 (keep = labels 1-3).

Usage: python benchmarks/clean_lines.py [--data PATH] [--folds K]

Prints line precision, recall and F1 of "keep" (micro over all lines) for a 10-word baseline, the
shipped model alone and ``classify_lines`` (rules + shipped model), then an honest out-of-sample
number: page-grouped K-fold cross-validation, where each fold's pages are judged by
``classify_lines`` with a model trained on the other folds only. The last line is
``line_f1=`` for ``classify_lines`` with the shipped model on the given data.
Skips (exit 0) when the data file is absent.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from dateline.clean.boilerplate import line_decisions
from dateline.clean.line_model import KEEP_LABELS, fit_ensemble, load_model, page_matrix, read_pages
from dateline.clean.lines import page_features, page_stats

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "bench" / "clean" / "l3s_gn1_lines_dev.jsonl.gz"


def scores(gold: Sequence[bool], pred: Sequence[bool]) -> tuple[float, float, float]:
    """Return precision, recall and F1 of the keep decisions."""
    g = np.asarray(gold, dtype=bool)
    p = np.asarray(pred, dtype=bool)
    tp = int((g & p).sum())
    precision = tp / max(int(p.sum()), 1)
    recall = tp / max(int(g.sum()), 1)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def gold_labels(pages: list[dict[str, Any]]) -> list[bool]:
    """Return the gold keep flag of every line, page after page."""
    return [line["label"] in KEEP_LABELS for page in pages for line in page["lines"]]


def texts_of(page: dict[str, Any]) -> list[str]:
    """Return the line texts of one page."""
    return [line["text"] for line in page["lines"]]


def decide(pages: list[dict[str, Any]], model: Any = None) -> list[bool]:
    """Run the cleaner's line decisions (rules + classifier) over pages."""
    out: list[bool] = []
    for page in pages:
        out += [reason is None for reason in line_decisions(texts_of(page), model=model)]
    return out


def classifier_only(pages: list[dict[str, Any]]) -> list[bool]:
    """Return the shipped model's own decisions, without the rules."""
    model = load_model()
    out: list[bool] = []
    for page in pages:
        out += (model.proba(page_features(page_stats(texts_of(page)))) >= 0.5).tolist()
    return out


def cross_validated(pages: list[dict[str, Any]], folds: int) -> tuple[list[bool], list[float]]:
    """Return out-of-fold decisions (each fold judged by a model trained on the others) and per-fold F1."""
    x, y, groups = page_matrix(pages)
    fold_of_page = np.arange(len(pages)) % folds
    decisions: dict[int, list[bool]] = {}
    fold_f1 = []
    for fold in range(folds):
        train_rows = fold_of_page[groups] != fold
        model = fit_ensemble(x[train_rows], y[train_rows])
        test_pages = np.flatnonzero(fold_of_page == fold)
        for k in test_pages:
            decisions[int(k)] = [r is None for r in line_decisions(texts_of(pages[k]), model=model)]
        fold_gold = gold_labels([pages[k] for k in test_pages])
        fold_f1.append(scores(fold_gold, [keep for k in test_pages for keep in decisions[int(k)]])[2])
    return [keep for k in range(len(pages)) for keep in decisions[k]], fold_f1


def row(name: str, gold: list[bool], pred: list[bool]) -> str:
    """Format one line of the results table."""
    p, r, f = scores(gold, pred)
    return f"{name:<44} {p:9.3f} {r:7.3f} {f:7.3f}"


def main(argv: list[str] | None = None) -> int:
    """Print the benchmark table and the final ``line_f1=`` line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--folds", type=int, default=5, help="cross-validation folds (0 to skip)")
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"skipped: L3S-GN1 line data not found at {args.data} (see ../shared/bench/README.md)")
        return 0
    pages = read_pages(args.data)
    gold = gold_labels(pages)
    n_words = [len(line["text"].split()) for page in pages for line in page["lines"]]
    print(f"L3S-GN1 lines: {len(pages)} pages, {len(gold)} lines, {sum(gold)} article (labels 1-3)")
    print(f"{'':<44} {'precision':>9} {'recall':>7} {'F1':>7}")
    print(row("baseline: keep lines of 10+ words", gold, [n >= 10 for n in n_words]))
    print(row("shipped model alone (in-sample)", gold, classifier_only(pages)))
    started = time.perf_counter()
    shipped = decide(pages)
    elapsed = time.perf_counter() - started
    print(row("classify_lines, shipped model (in-sample)", gold, shipped))
    if args.folds > 1:
        out_of_fold, fold_f1 = cross_validated(pages, args.folds)
        print(row(f"classify_lines, {args.folds}-fold page-grouped CV", gold, out_of_fold))
        print(f"  F1 per held-out fold: {' '.join(f'{f:.3f}' for f in fold_f1)}")
    print(f"classify_lines speed: {1000 * elapsed / max(len(pages), 1):.1f} ms per page")
    print(f"line_f1={scores(gold, shipped)[2]:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
