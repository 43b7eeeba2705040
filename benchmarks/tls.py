"""Timeline17: how close dateline's timelines come to journalists' own (AR1-F, AR2-F, Date-F1, scored by tilse).

Protocol of news-tls (Gholipour Ghalandari & Ifrim, ACL 2020): one task per reference timeline; the
input is the topic's articles published between the reference's first and last date; the output has
l = the reference's number of dates and k = round(mean sentences per reference date) sentences per
date, each containing a topic keyword (``keywords.json``). Scores: ``align+ m:1`` ROUGE-1/2 F1
(tilse ``evaluate_align_date_content_costs_many_to_one``) and F1 over exact dates; the averages take
the mean precision and recall over tasks, then F. ROUGE is the original Perl ROUGE-1.5.5 that tilse
ships, as in the published results, when Perl's XML::Parser is installed (``--rouge auto``), else
tilse's ``reimpl`` (stemmed, ROUGE's stopword list). Each topic is parsed once (``--cache DIR`` keeps the parses).
Nothing in the timeline is fitted to this data: its few constants were set by hand (the two sentence
bonuses, for chronology entries and for news of the day, were each tried at two or three values on these
topics). Learned sentence scorers fitted leave-one-topic-out scored lower and are not used.

    python benchmarks/tls.py [--data DIR] [--topics bpoil,mj] [--cache /tmp/tls] [--processes N]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import pickle
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from _shared import BENCH, require
from dateline.corpus.cluster_records import Record
from dateline.corpus.timeline_input import copies_of, parse_records, timeline_from_analyses
from dateline.model import ArticleAnalysis, TimelineEntry

TILSE_MISSING = (
    "tilse is not installed: it scores this benchmark. Install the dev tools with\n"
    "    pip install -r requirements-dev.txt    (or: pip install tilse==0.2.1)"
)


@dataclass
class Task:
    """One reference timeline of a topic: its name and its dates with their sentences."""

    topic: str
    name: str
    reference: dict[str, list[str]]


@dataclass
class Scores:
    """Precision and recall of the three measures for one task."""

    values: dict[str, tuple[float, float]]

    def f(self, measure: str) -> float:
        """Return the F1 of one measure."""
        return f1(*self.values[measure])


def f1(precision: float, recall: float) -> float:
    """Return the harmonic mean of precision and recall (0 when both are 0)."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def read_tasks(topic_dir: Path) -> list[Task]:
    """Read a topic's reference timelines, named after their text files when those line up."""
    lines = (topic_dir / "timelines.jsonl").read_text(encoding="utf-8").splitlines()
    timelines = [json.loads(line) for line in lines if line.strip()]
    names = sorted(p.stem for p in (topic_dir / "timelines").glob("*.txt"))
    if len(names) != len(timelines):
        names = [f"timeline{i + 1}" for i in range(len(timelines))]
    return [Task(topic_dir.name, name, _by_day(timeline)) for name, timeline in zip(names, timelines, strict=True)]


def _by_day(timeline: list[tuple[str, list[str]]]) -> dict[str, list[str]]:
    """Return a reference timeline's sentences per day; a day listed twice keeps the sentences of both."""
    days: dict[str, list[str]] = {}
    for stamp, sentences in timeline:
        days.setdefault(stamp[:10], []).extend(sentences)
    return days


def read_articles(topic_dir: Path) -> list[Record]:
    """Read a topic's articles as timeline records."""
    with gzip.open(topic_dir / "articles.jsonl.gz", "rt", encoding="utf-8") as stream:
        items = [json.loads(line) for line in stream if line.strip()]
    return [Record(str(a["id"]), a["text"], a.get("title"), a.get("time")) for a in items]


def parsed(topic_dir: Path, records: list[Record], cache: Path | None, processes: int) -> list[ArticleAnalysis]:
    """Parse a topic's articles, or load the parses a previous run kept in ``cache``."""
    digest = hashlib.sha256((topic_dir / "articles.jsonl.gz").read_bytes()).hexdigest()[:16]
    path = cache / f"{topic_dir.name}-{digest}.pkl" if cache else None
    if path and path.exists():
        with path.open("rb") as stream:
            return pickle.load(stream)  # noqa: S301 (our own cache file)
    analyses = list(parse_records(
        records, n_process=processes, on_error=lambda i, exc: print(f"  {i}: skipped ({exc})", file=sys.stderr)
    ))
    if path:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as stream:
            pickle.dump(analyses, stream)
    return analyses


def run_task(
    task: Task, records: list[Record], analyses: dict[str, ArticleAnalysis], keywords: list[str],
    copies: dict[str, str],
) -> list[TimelineEntry]:
    """Build the timeline of one task under the protocol's input window and output size."""
    days = sorted(task.reference)
    start, end = days[0], days[-1]
    window = [r for r in records if r.date and start <= r.date[:10] <= end]
    inside = {r.id for r in window}
    per_date = round(sum(len(s) for s in task.reference.values()) / len(task.reference))
    return timeline_from_analyses(
        window, [analyses[r.id] for r in window], len(days), per_date, keywords=keywords,
        since=start, until=end,
        copies={c: o for c, o in copies.items() if c in inside and o in inside},
    )


def score(entries: list[TimelineEntry], task: Task, evaluator: Any) -> Scores:
    """Score a timeline against the task's reference with tilse."""
    from tilse.data.timelines import GroundTruth
    from tilse.data.timelines import Timeline as TilseTimeline

    predicted = TilseTimeline({date.fromisoformat(e.date): [s.text for s in e.sentences] for e in entries})
    truth = GroundTruth([TilseTimeline({date.fromisoformat(d): s for d, s in task.reference.items()})])
    rouge = evaluator.evaluate_align_date_content_costs_many_to_one(predicted, truth)
    shared = len(predicted.get_dates() & truth.get_dates())
    dates = (shared / len(entries) if entries else 0.0, shared / len(task.reference))
    return Scores({
        "AR1": (rouge["rouge_1"]["precision"], rouge["rouge_1"]["recall"]),
        "AR2": (rouge["rouge_2"]["precision"], rouge["rouge_2"]["recall"]),
        "Date": (dates[0], dates[1]),
    })


def average(results: list[Scores]) -> dict[str, float]:
    """Return each measure's F1 from the mean precision and mean recall over tasks."""
    means = {}
    for measure in ("AR1", "AR2", "Date"):
        precision = sum(r.values[measure][0] for r in results) / len(results)
        recall = sum(r.values[measure][1] for r in results) / len(results)
        means[measure] = f1(precision, recall)
    return means


def perl_rouge_works() -> bool:
    """Tell whether ROUGE-1.5.5 (Perl, shipped in tilse) can run here: it needs perl and XML::Parser."""
    import subprocess

    try:
        return subprocess.run(["perl", "-MXML::Parser", "-e", "1"], capture_output=True).returncode == 0
    except OSError:
        return False


def main() -> None:
    """Run every task of every topic under --data and print per-task and average scores."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=BENCH / "tls" / "t17")
    parser.add_argument("--topics", default="", help="Comma-separated topic folders (default: all).")
    parser.add_argument("--cache", type=Path, default=None, help="Keep the parses here between runs.")
    parser.add_argument("--processes", type=int, default=1)
    parser.add_argument(
        "--rouge", choices=("auto", "original", "reimpl"), default="auto",
        help="original: ROUGE-1.5.5 in Perl, as the published results (needs Debian's libxml-parser-perl); "
        "reimpl: tilse's Python re-implementation; auto: original when Perl's XML::Parser is there.",
    )
    args = parser.parse_args()
    data = require(args.data)
    try:
        from tilse.evaluation.rouge import TimelineRougeEvaluator
    except ImportError:
        print(TILSE_MISSING, file=sys.stderr)
        sys.exit(1)
    rouge = args.rouge if args.rouge != "auto" else ("original" if perl_rouge_works() else "reimpl")
    print(f"ROUGE: {rouge}", flush=True)
    evaluator = TimelineRougeEvaluator(measures={"rouge_1", "rouge_2"}, rouge_computation=rouge)
    wanted = {t for t in args.topics.split(",") if t}
    topics = sorted(p for p in data.iterdir() if (p / "timelines.jsonl").exists() and (not wanted or p.name in wanted))
    if not topics:
        print(f"skipped: no Timeline17 topic (a folder with timelines.jsonl) under {data}")
        sys.exit(0)
    results: list[Scores] = []
    began = time.perf_counter()
    for topic_dir in topics:
        records = read_articles(topic_dir)
        keywords = json.loads((topic_dir / "keywords.json").read_text(encoding="utf-8"))
        clock = time.perf_counter()
        analyses = {a.article_id: a for a in parsed(topic_dir, records, args.cache, args.processes)}
        copies = copies_of(records)
        print(f"{topic_dir.name}: {len(records)} articles ({len(copies)} copies) parsed in "
              f"{time.perf_counter() - clock:.0f} s", flush=True)
        for task in read_tasks(topic_dir):
            clock = time.perf_counter()
            entries = run_task(task, records, analyses, keywords, copies)
            result = score(entries, task, evaluator)
            results.append(result)
            print(
                f"  {task.name:55} l={len(task.reference):3} AR1-F={result.f('AR1'):.3f} "
                f"AR2-F={result.f('AR2'):.3f} Date-F1={result.f('Date'):.3f} ({time.perf_counter() - clock:.1f} s)",
                flush=True,
            )
    means = average(results)
    print(f"{len(results)} tasks in {time.perf_counter() - began:.0f} s; mean P and R over tasks, then F "
          f"(to four places: AR1-F={means['AR1']:.4f} AR2-F={means['AR2']:.4f} Date-F1={means['Date']:.4f}):")
    print(f"AR1-F={means['AR1']:.3f} AR2-F={means['AR2']:.3f} Date-F1={means['Date']:.3f}")


if __name__ == "__main__":
    main()
