"""Scale: time and peak memory of ingest, analysis and the corpus stages on growing corpora (1k, 10k, 50k).

The corpora are Timeline17 articles (``../shared/bench/tls/t17``, their first ``LINES`` sentences)
repeated with shifted dates and light edits: replica ``r`` of an article is published ``4r`` years
later (leap days stay valid) and every third lower-case word is swapped for another word of the same
length from the articles' own vocabulary, so replicas are neither copies of each other (MinHash) nor
in one time window (events), yet share the names and the topic words that make candidate lists long:
a hard case for near-linear growth.

Each size runs in its own process (its peak RSS is its own) and goes through the real code:
- **ingest**: ``api.ingest`` of the JSON Lines records (decode, clean, metadata, SQLite + FTS5 writes);
- **analysis**: the per-article stage is pure and per article, so its cost is linear by construction;
  parsing 50k long articles with spaCy takes most of a day on one core, so it is measured for real on
  the ``--base`` distinct articles (``api.analyze``, printed as s/article), and replicas whose cleaned
  text is the edited base text get the base analysis moved to their dates (offsets are unchanged by
  the same-length edits) and stored with ``save_analysis``; any other article is parsed for real;
- **link**: entity linking over every stored mention (``api.relink``);
- **cluster**: copies (MinHash LSH), events, stories and estimated dates (``Corpus.clustering``).

    python benchmarks/scale.py [--sizes 1000,10000,50000] [--base 300] [--cache DIR]

Prints one row per size and, last, the growth of the corpus stages (time per article at the largest
size over time per article at the smallest; near-linear growth keeps it near 1).
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from _shared import BENCH, require

YEARS_PER_REPLICA = 4
LINES = 30
"""Timeline17 gives one sentence per line; its longest documents are live blogs of 10,000+ words. The
first 30 sentences (about 700 words) make articles of ordinary length, so every size is made of news
articles rather than a few giants."""
WORD = re.compile(r"\b[a-z]{3,}\b")
YEAR = re.compile(r"^(\d{4})")


def load_base(root: Path, limit: int) -> list[dict[str, Any]]:
    """Return ``limit`` Timeline17 records, round-robin over the topics (so every topic is in every size)."""
    per_topic = []
    for path in sorted(root.glob("*/articles.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            per_topic.append([json.loads(line) for line in handle])
    mixed: list[dict[str, Any]] = []
    for i in range(max(len(rows) for rows in per_topic)):
        for rows in per_topic:
            if i < len(rows) and len(mixed) < limit:
                row = rows[i]
                text = "\n".join(row["text"].splitlines()[:LINES])
                mixed.append({"id": str(row["id"]), "text": text, "time": row.get("time"), "title": row.get("title")})
    return mixed


def base_store(records: list[dict[str, Any]], cache: Path) -> tuple[Path, float]:
    """Ingest and analyse the distinct base articles once (kept in ``cache``); return the db and s/article.

    The cleaned texts are ingested a second time and that store is the base: cleaning a cleaned text
    almost always gives it back, so replicas made from it mostly come out of ingest as expected.
    """
    from dateline import api
    from dateline.store import Store

    db = cache / f"base-{len(records)}.db"
    timing = cache / f"base-{len(records)}.json"
    if db.exists() and timing.exists():
        return db, float(json.loads(timing.read_text())["seconds_per_article"])
    first = cache / "first.db"
    for stale in (db, first):
        stale.unlink(missing_ok=True)
    source = cache / "base.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    api.ingest([str(source)], first)
    with Store(first, create=False) as store:
        cleaned = [{"id": a.id, "text": a.text, "time": a.date.value, "title": a.title.value,
                    "source": a.outlet.value} for a in store.articles()]
    source.write_text("".join(json.dumps(r) + "\n" for r in cleaned), encoding="utf-8")
    api.ingest([str(source)], db)
    started = time.perf_counter()
    count = api.analyze(db)
    per_article = (time.perf_counter() - started) / max(count, 1)
    timing.write_text(json.dumps({"seconds_per_article": per_article, "articles": count}))
    return db, per_article


def vocabulary(texts: list[str]) -> dict[int, list[str]]:
    """Lower-case words of the base texts grouped by length: the replacements that keep offsets."""
    by_length: dict[int, set[str]] = {}
    for text in texts:
        for word in WORD.findall(text):
            by_length.setdefault(len(word), set()).add(word)
    return {n: sorted(words) for n, words in by_length.items()}


def positions(words: dict[int, list[str]]) -> dict[str, int]:
    """Each word's place in its length group (a stable number to pick its replacement from)."""
    return {word: i for group in words.values() for i, word in enumerate(group)}


def edit(text: str, replica: int, words: dict[int, list[str]], places: dict[str, int]) -> str:
    """Swap every third lower-case word for another of the same length (replica 0 is the text itself)."""
    if replica == 0:
        return text
    count = 0

    def swap(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        word = match.group(0)
        if count % 3:
            return word
        choices = words[len(word)]
        return choices[(places[word] * 7 + replica * 31 + count) % len(choices)]

    return WORD.sub(swap, text)


def shift_year(value: str | None, years: int) -> str | None:
    """Move an ISO or TimeML value that starts with a year by ``years``."""
    if not value or not years:
        return value
    return YEAR.sub(lambda m: f"{int(m.group(1)) + years:04d}", value, count=1)


def moved(analysis: Any, article_id: str, text: str, years: int) -> Any:
    """Return the base analysis as the replica's: its id, its words, its dates ``years`` later."""
    replace = dataclasses.replace
    return replace(
        analysis,
        article_id=article_id,
        sentences=[
            replace(s, article_id=article_id, text=text[s.start:s.end], event_date=shift_year(s.event_date, years))
            for s in analysis.sentences
        ],
        mentions=[replace(m, article_id=article_id, text=text[m.start:m.end]) for m in analysis.mentions],
        timexes=[replace(t, article_id=article_id, value=shift_year(t.value, years),
                         first_day=shift_year(t.first_day, years), last_day=shift_year(t.last_day, years))
                 for t in analysis.timexes],
        figures=[replace(f, article_id=article_id, text=text[f.start:f.end]) for f in analysis.figures],
        quotes=[replace(q, article_id=article_id, text=text[q.start:q.end], speaker_entity_id=None)
                for q in analysis.quotes],
    )


def make_records(
    base_db: Path, size: int, start: int = 0
) -> tuple[list[dict[str, Any]], dict[str, tuple[Any, int]]]:
    """Return records ``start`` to ``size`` of the synthetic corpus, and each text's base analysis and year shift."""
    from dateline.store import Store

    with Store(base_db, create=False) as store:
        base = [(a, store.analysis(a.id)) for a in store.articles()]
    words = vocabulary([a.text for a, _ in base] + [a.title.value or "" for a, _ in base])
    places = positions(words)
    records, expected = [], {}
    for n in range(start, size):
        article, analysis = base[n % len(base)]
        replica = n // len(base)
        text = edit(article.text, replica, words, places)
        years = YEARS_PER_REPLICA * replica
        title = edit(article.title.value or "", replica, words, places)
        records.append({"id": f"{article.id}~{replica}", "text": text, "time": shift_year(article.date.value, years),
                        "title": title, "source": article.outlet.value})
        expected[text] = (analysis, years)
    return records, expected


def store_analyses(db: Path, expected: dict[str, tuple[Any, int]], max_parse: int) -> tuple[int, int]:
    """Store an analysis for each unanalysed article (moved from its base, else parsed); return parsed, left."""
    from dateline import api
    from dateline.analyze.pipeline import ArticleInput, pipe
    from dateline.store import Store

    parsed = 0
    with Store(db) as store:
        todo = store.articles_to_analyze(api.ANALYZER_VERSION)
        fresh = []
        for article_id, text, date in todo:
            if text in expected:
                analysis, years = expected[text]
                store.save_analysis(moved(analysis, article_id, text, years), api.ANALYZER_VERSION, (date or "")[:10])
            else:
                fresh.append(ArticleInput(article_id, text, date))
        for analysis in pipe(fresh[:max_parse]):
            store.save_analysis(analysis, api.ANALYZER_VERSION)
            parsed += 1
    return parsed, len(fresh) - parsed


def run_size(size: int, base_db: Path, work: Path, max_parse: int) -> dict[str, Any]:
    """Build, ingest, analyse, link and cluster a corpus of ``size`` articles; return the timings."""
    from dateline import api
    from dateline.store import Store

    records, expected = make_records(base_db, size)
    source = work / f"corpus-{size}.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    db = work / f"corpus-{size}.db"
    timings: dict[str, Any] = {"size": size}

    started = time.perf_counter()
    report = api.ingest([str(source)], db)
    timings["ingest"] = time.perf_counter() - started
    timings["stored"] = len(report.added)

    started = time.perf_counter()
    timings["parsed"], timings["unanalysed"] = store_analyses(db, expected, max_parse)
    timings["analysis"] = time.perf_counter() - started
    with Store(db) as store:
        started = time.perf_counter()
        api.relink(store)
        timings["link"] = time.perf_counter() - started
    started = time.perf_counter()
    found = api.Corpus(db).clustering(refresh=True)
    timings["cluster"] = time.perf_counter() - started
    timings["events"] = len(found.events)
    timings["stories"] = len(found.stories)
    timings["copy_groups"] = len(found.copies)
    timings["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return timings


def main() -> None:
    """Run each size in a child process and print a row per size, then the growth line."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=BENCH / "tls" / "t17")
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--base", type=int, default=300, help="distinct Timeline17 articles parsed for real")
    parser.add_argument("--cache", type=Path, default=None, help="keep the parsed base corpus here")
    parser.add_argument("--max-parse", type=int, default=30,
                        help="parse at most this many articles whose text cleaning changed; the rest stay unanalysed")
    parser.add_argument("--one", type=int, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--base-db", type=Path, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_size(args.one, args.base_db, args.work, args.max_parse)))
        return
    records = load_base(require(args.data), args.base)
    with tempfile.TemporaryDirectory(prefix="dateline-scale-") as tmp:
        cache = args.cache or Path(tmp)
        cache.mkdir(parents=True, exist_ok=True)
        print(f"base: {len(records)} distinct Timeline17 articles, parsed for real (cached in {cache})", flush=True)
        db, per_article = base_store(records, cache)
        print(f"analysis, measured: {per_article:.3f} s/article (one process)", flush=True)
        header = (f"{'articles':>8} {'ingest s':>9} {'analysis s':>10} {'parsed':>6} {'unanal.':>7} {'link s':>8} "
                  f"{'cluster s':>9} "
                  f"{'corpus ms/art':>13} {'events':>7} {'stories':>7} {'peak MB':>8} {'if parsed s':>11}")
        print(header, flush=True)
        rows = []
        for size in [int(s) for s in args.sizes.split(",")]:
            out = subprocess.run(
                [sys.executable, __file__, "--one", str(size), "--base-db", str(db), "--work", tmp,
                 "--max-parse", str(args.max_parse)],
                capture_output=True, text=True, check=True,
            ).stdout.strip().splitlines()[-1]
            row = json.loads(out)
            row["corpus_ms"] = 1000 * (row["ingest"] + row["link"] + row["cluster"]) / size
            rows.append(row)
            print(f"{size:>8} {row['ingest']:>9.1f} {row['analysis']:>10.1f} {row['parsed']:>6} {row['unanalysed']:>7} "
                  f"{row['link']:>8.1f} "
                  f"{row['cluster']:>9.1f} {row['corpus_ms']:>13.2f} {row['events']:>7} {row['stories']:>7} "
                  f"{row['peak_rss_mb']:>8.0f} {per_article * size:>11.0f}", flush=True)
            for stale in Path(tmp).glob(f"corpus-{size}.*"):
                stale.unlink()
    growth = rows[-1]["corpus_ms"] / rows[0]["corpus_ms"]
    print(f"growth: ingest+link+cluster per article x{growth:.2f} from {rows[0]['size']} to {rows[-1]['size']} "
          f"articles (1.0 = linear); peak {rows[-1]['peak_rss_mb']:.0f} MB at {rows[-1]['size']}")


if __name__ == "__main__":
    main()
