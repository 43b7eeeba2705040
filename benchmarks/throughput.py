"""Throughput of the whole per-article stage against bare spaCy ``nlp.pipe`` on the same texts.

Reads Timeline17 articles from ../shared/bench/tls/t17, runs bare ``nlp.pipe`` and then dateline's
``analyze.pipeline.pipe`` (one parse + mentions, time expressions, figures, sentences) over the same
texts in one process, and prints articles/s, words/s, the ratio, and peak memory.
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import time
from pathlib import Path

from _shared import BENCH, require


def load_articles(root: Path, limit: int) -> list[tuple[str, str, str]]:
    """Return up to ``limit`` (id, text, date) triples, taken round-robin over the topics."""
    per_topic: list[list[tuple[str, str, str]]] = []
    for path in sorted(root.glob("*/articles.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            rows = []
            for line in handle:
                record = json.loads(line)
                rows.append((str(record["id"]), record["text"], record.get("time")))
                if len(rows) >= limit:
                    break
            per_topic.append(rows)
    mixed: list[tuple[str, str, str]] = []
    for i in range(limit):
        for rows in per_topic:
            if i < len(rows) and len(mixed) < limit:
                mixed.append(rows[i])
    return mixed


def main() -> None:
    """Time bare spaCy and the per-article stage; print the numbers."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=BENCH / "tls" / "t17")
    parser.add_argument("--limit", type=int, default=400, help="number of articles")
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()
    articles = load_articles(require(args.data), args.limit)
    words = sum(len(text.split()) for _, text, _ in articles)

    from dateline.analyze.nlp import load
    from dateline.analyze.pipeline import ArticleInput, pipe

    nlp = load()
    list(nlp.pipe(["Warm-up sentence for the model."]))
    start = time.perf_counter()
    for _ in nlp.pipe((t for _, t, _ in articles), n_process=args.processes, batch_size=args.batch_size):
        pass
    bare = time.perf_counter() - start

    start = time.perf_counter()
    counts = {"mentions": 0, "timexes": 0, "figures": 0, "sentences": 0}
    inputs = (ArticleInput(i, t, d) for i, t, d in articles)
    for analysis in pipe(inputs, n_process=args.processes, batch_size=args.batch_size):
        for key in counts:
            counts[key] += len(getattr(analysis, key))
    full = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    n = len(articles)
    print(f"articles={n} words={words} processes={args.processes}")
    print(f"{'stage':<22}{'seconds':>9}{'articles/s':>12}{'words/s':>10}")
    print(f"{'bare nlp.pipe':<22}{bare:>9.2f}{n / bare:>12.1f}{words / bare:>10.0f}")
    print(f"{'dateline analyze':<22}{full:>9.2f}{n / full:>12.1f}{words / full:>10.0f}")
    print("annotations: " + ", ".join(f"{k}={v}" for k, v in counts.items()))
    print(f"peak_rss_mb={peak_mb:.0f}")
    print(f"throughput_ratio={bare / full:.3f}")


if __name__ == "__main__":
    main()
