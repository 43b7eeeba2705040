"""Timeline17: how many figure groups and disagreements dateline reports per topic, and a sample to read by hand.

There is no gold standard for disagreements between outlets, so this script prints what a reader
needs to judge precision: per topic the number of articles, of figure groups (figures with one
referent given by at least two independent articles), and of reported conflicts by kind and verdict
(plus the look-alikes and updates kept back by default); then a random sample of the reported ones,
each value with its outlet, date and sentence. The outlet is the source folder of each article
(``bpoil_foxnews`` -> ``foxnews``). Parses come from ``tls.py``'s cache (``--cache DIR``); parsing all of
T17 takes about 12 minutes on two cores, so ``--limit N`` keeps the first N articles of each topic.

    python benchmarks/conflicts.py [--data DIR] [--topics bpoil,mj] [--cache /tmp/t17cache] [--sample 20]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

from _shared import BENCH, require
from dateline.corpus.cluster import cluster_events, estimate_dates, make_input
from dateline.corpus.cluster_records import Clustering
from dateline.corpus.conflicts import REPORTED, figure_groups, find_conflicts
from dateline.corpus.coverage import Source
from dateline.corpus.dedup import find_copies
from dateline.corpus.link import link_entities
from dateline.corpus.statements import group_statements
from dateline.corpus.stories import link_stories
from dateline.model import ArticleAnalysis, Conflict
from tls import parsed, read_articles


def outlet_of(article_id: str) -> str:
    """Return the outlet of a Timeline17 article from its source folder ("bpoil_foxnews/..." -> "foxnews")."""
    folder = article_id.split("/", 1)[0]
    return folder.split("_", 1)[1] if "_" in folder else folder


def topic_conflicts(
    topic_dir: Path, cache: Path | None, processes: int, limit: int | None
) -> tuple[int, int, list[Conflict]]:
    """Cluster one topic and return its article count, figure group count and every conflict found."""
    records = read_articles(topic_dir)
    analyses_list = parsed(topic_dir, records, cache, processes)
    if limit:
        records = records[:limit]
    analyses: dict[str, ArticleAnalysis] = {a.article_id: a for a in analyses_list}
    records = [r for r in records if r.id in analyses]
    analyses = {r.id: analyses[r.id] for r in records}
    dates = {r.id: r.date for r in records}
    entities = link_entities([m for a in analyses.values() for m in a.mentions], dates)
    names = {e.id: e.name for e in entities}
    copies = find_copies([(r.id, r.text, r.date, r.title) for r in records])
    copy_of = {c: g.original_id for g in copies for c in g.copy_ids}
    inputs = [make_input(r.id, r.text, r.title, r.date, analyses[r.id], copy_of.get(r.id), names) for r in records]
    events = cluster_events(inputs)
    clustering = Clustering(inputs, copies, events, link_stories(events, inputs), estimate_dates(events, inputs))
    sources = [Source(r.id, outlet_of(r.id), r.date, title=r.title) for r in records]
    outlets = {s.article_id: s.outlet or "" for s in sources}
    quotes = [q for a in analyses.values() for q in a.quotes]
    statements = group_statements(quotes, dict(dates), dict(outlets))
    found = find_conflicts(sources, analyses, clustering, statements, outlets, include_all=True)
    return len(records), figure_groups(sources, analyses, clustering), found


def show(conflict: Conflict, topic: str, number: int) -> None:
    """Print one conflict for reading: verdict, subject, reason, and each value in its sentence."""
    print(f"\n[{number}] {topic} · {conflict.kind} · {conflict.verdict} · {conflict.subject} — {conflict.reason}")
    for value in conflict.values[:8]:
        sentence = " ".join(value.sentence.split())
        if len(sentence) > 240:
            sentence = sentence[:237] + "..."
        copy = f" (copy of {value.copy_of})" if value.copy_of else ""
        print(f"    {value.text!r:28} {value.date or '?':10} {value.outlet or '?':16} {value.article_id}{copy}")
        print(f"        {sentence}")
    if len(conflict.values) > 8:
        print(f"    ... and {len(conflict.values) - 8} more values")


def main() -> None:
    """Report figure groups and conflicts per Timeline17 topic, then print a sample for reading."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=BENCH / "tls" / "t17")
    parser.add_argument("--topics", default="", help="Comma-separated topic folders (default: all).")
    parser.add_argument("--cache", type=Path, default=None, help="Parses kept by tls.py / this script.")
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument("--limit", type=int, default=None, help="Use only the first N articles of each topic.")
    parser.add_argument("--sample", type=int, default=20, help="How many reported conflicts to print.")
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--verdict", default="", help="Sample only this verdict (e.g. conflict, rounding).")
    args = parser.parse_args()
    data = require(args.data)
    wanted = {t for t in args.topics.split(",") if t}
    topics = sorted(
        p for p in data.iterdir() if (p / "articles.jsonl.gz").exists() and (not wanted or p.name in wanted)
    )
    if not topics:
        print(f"skipped: no Timeline17 topic under {data}")
        sys.exit(0)
    print(f"{'topic':8} {'articles':>8} {'groups':>7} {'conflict':>8} {'rounding':>8} {'reworded':>8} "
          f"{'look-alike':>10} {'updated':>7}  by kind (reported)      seconds")
    reported: list[tuple[str, Conflict]] = []
    totals: Counter[str] = Counter()
    for topic_dir in topics:
        clock = time.perf_counter()
        articles, groups, found = topic_conflicts(topic_dir, args.cache, args.processes, args.limit)
        verdicts = Counter(c.verdict for c in found)
        kinds = Counter(c.kind for c in found if c.verdict in REPORTED)
        totals.update(verdicts)
        totals["articles"] += articles
        totals["groups"] += groups
        reported += [(topic_dir.name, c) for c in found if c.verdict in REPORTED]
        by_kind = " ".join(f"{k}={kinds[k]}" for k in ("figure", "date", "count", "quote"))
        print(f"{topic_dir.name:8} {articles:8} {groups:7} {verdicts['conflict']:8} {verdicts['rounding']:8} "
              f"{verdicts['reworded']:8} {verdicts['different referent']:10} {verdicts['updated']:7}  "
              f"{by_kind:24} {time.perf_counter() - clock:.0f}", flush=True)
    print(f"{'all':8} {totals['articles']:8} {totals['groups']:7} {totals['conflict']:8} {totals['rounding']:8} "
          f"{totals['reworded']:8} {totals['different referent']:10} {totals['updated']:7}")
    pool = [(t, c) for t, c in reported if not args.verdict or c.verdict == args.verdict]
    sample = random.Random(args.seed).sample(pool, min(args.sample, len(pool)))
    print(f"\nA sample of {len(sample)} of the {len(pool)} reported, for reading (seed {args.seed}):")
    for number, (topic, conflict) in enumerate(sample, 1):
        show(conflict, topic, number)


if __name__ == "__main__":
    main()
