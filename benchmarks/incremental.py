"""Incremental clustering: adding a few articles to a large stored corpus, continued vs clustered from scratch.

Two measurements:
- **cost** (``--sizes``): a corpus of N articles made the way ``scale.py`` makes it (Timeline17 articles
  repeated with shifted dates and light edits, analyses moved from the parsed base; ``--cache`` is the
  same cache) is stored, linked and clustered once, which keeps the cross-article index. Then ``--new``
  more articles of the same kind are ingested and linked, and the corpus is clustered twice: continuing
  the kept index (``cluster_state.cluster_store``: read the index, add the new articles, keep it) and
  from scratch (what every ingest did before). Printed: both times, the link time (entity linking still
  runs over every mention), and the BCubed agreement of the two clusterings (the scratch one as truth).
- **agreement** (``--ecb``): the ECB+ dev documents ingested through the real pipeline (``api.ingest``
  then ``api.analyze``) in five parts of 20 %, then the kept clustering compared with a from-scratch
  clustering of the same store, and both scored against the gold events (BCubed).

    python benchmarks/incremental.py [--sizes 2000,10000] [--new 20] [--base 300] [--cache DIR] [--ecb]

Last line: ``incremental: ...`` with the speed-up at the largest size.
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import resource
import tempfile
import time
from pathlib import Path
from typing import Any

from _shared import BENCH, require
from events import bcubed
from scale import base_store, load_base, make_records, store_analyses


def labels(found: Any) -> dict[str, str]:
    """Return each article's event id."""
    return {a: e.id for e in found.events for a in e.article_ids}


def run_size(size: int, new: int, base_db: Path, work: Path, max_parse: int) -> dict[str, Any]:
    """Store and cluster ``size`` articles, add ``new`` more, and time continuing vs clustering from scratch."""
    from dateline import api
    from dateline.corpus.cluster_state import cluster_store, empty_state, load_state
    from dateline.store import Store

    row: dict[str, Any] = {"size": size, "new": new}
    records, expected = make_records(base_db, size + new)
    db = work / f"incremental-{size}.db"
    for part, chunk in (("first", records[:size]), ("new", records[size:])):
        source = work / f"incremental-{size}-{part}.jsonl"
        source.write_text("".join(json.dumps(r) + "\n" for r in chunk), encoding="utf-8")
        api.ingest([str(source)], db)
        store_analyses(db, expected, max_parse)
        with Store(db) as store:
            started = time.perf_counter()
            api.relink(store)
            row[f"link_{part}"] = time.perf_counter() - started
            if part == "first":
                started = time.perf_counter()
                cluster_store(store, empty_state(store))
                row["build"] = time.perf_counter() - started
    with Store(db) as store:
        row["index_mb"] = len(store.load_cluster_index(1) or b"") / 1e6
        started = time.perf_counter()
        state = load_state(store)
        row["load"] = time.perf_counter() - started
        continued = cluster_store(store, state)
        row["incremental"] = time.perf_counter() - started
        row["update"] = vars(continued.update)
        started = time.perf_counter()
        scratch = cluster_store(store, empty_state(store))
        row["full"] = time.perf_counter() - started
    truth, got = labels(scratch), labels(continued)
    row["agreement"] = bcubed(got, truth)
    row["events"] = (len(continued.events), len(scratch.events))
    row["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    for stale in work.glob(f"incremental-{size}*"):
        stale.unlink()
    return row


class Paths(logging.Handler):
    """Keep what each clustering of a store said about the path it took."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage().removeprefix("clustering: "))


def run_ecb(path: Path, work: Path, parts: int = 5) -> None:
    """Ingest ECB+ in ``parts`` through the real pipeline; compare the kept clustering with a from-scratch one."""
    from dateline import api
    from dateline.corpus.cluster_state import cluster_store, empty_state
    from dateline.store import Store

    docs, gold = [], {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                doc = json.loads(line)
                docs.append({"id": doc["doc_id"], "url": f"https://ecb.invalid/{doc['doc_id']}", "text": doc["text"]})
                gold[doc["doc_id"]] = str(doc["cluster"])
    db = work / "ecb.db"
    size = -(-len(docs) // parts)
    started = time.perf_counter()
    paths = Paths()
    logging.getLogger("dateline.corpus.cluster_state").addHandler(paths)
    logging.getLogger("dateline.corpus.cluster_state").setLevel(logging.INFO)
    for n in range(parts):
        source = work / f"ecb-{n}.jsonl"
        source.write_text("".join(json.dumps(d) + "\n" for d in docs[n * size : (n + 1) * size]), encoding="utf-8")
        api.ingest([str(source)], db)
        api.analyze(db)
        print(f"ECB+ part {n + 1}: " + "; then ".join(paths.messages), flush=True)
        paths.messages.clear()
    print(f"ECB+: {len(docs)} documents ingested in {parts} parts in {time.perf_counter() - started:.0f} s")
    with Store(db) as store:
        doc_of = {a.id: str(a.url).rsplit("/", 1)[-1] for a in store.articles()}
        continued = cluster_store(store)
        scratch = cluster_store(store, empty_state(store))
    kept = {doc_of[a]: e for a, e in labels(continued).items()}
    fresh = {doc_of[a]: e for a, e in labels(scratch).items()}
    known = {d: gold[d] for d in kept}
    p, r, f = bcubed(kept, fresh)
    print(f"ECB+ in {parts} ingests vs one batch: BCubed P {p:.3f} R {r:.3f} F1 {f:.3f} "
          f"({len(continued.events)} vs {len(scratch.events)} events)")
    for name, found in (("kept (incremental)", kept), ("from scratch", fresh)):
        p, r, f = bcubed(found, known)
        print(f"ECB+ {name:>18} vs gold: BCubed P {p:.3f} R {r:.3f} F1 {f:.3f}")


def main() -> None:
    """Print, per size, the time to cluster after adding a few articles: continued and from scratch."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=BENCH / "tls" / "t17")
    parser.add_argument("--sizes", default="2000,10000")
    parser.add_argument("--new", type=int, default=20, help="articles added to the stored corpus")
    parser.add_argument("--base", type=int, default=300, help="distinct Timeline17 articles parsed for real")
    parser.add_argument("--cache", type=Path, default=None, help="keep the parsed base corpus here (scale.py's)")
    parser.add_argument("--max-parse", type=int, default=30)
    parser.add_argument("--ecb", action="store_true", help="also measure agreement on ECB+ ingested in five parts")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dateline-incremental-") as tmp:
        work = Path(tmp)
        if args.ecb:
            run_ecb(require(BENCH / "cluster" / "ecbplus_dev.jsonl.gz"), work)
        records = load_base(require(args.data), args.base)
        cache = args.cache or work
        cache.mkdir(parents=True, exist_ok=True)
        db, _ = base_store(records, cache)
        print(f"{'articles':>8} {'new':>4} {'build s':>8} {'link s':>7} {'load s':>7} {'incr. s':>8} {'full s':>7} "
              f"{'speed-up':>8} {'index MB':>8} {'agree F1':>8} {'peak MB':>8}  update", flush=True)
        rows = []
        for size in [int(s) for s in args.sizes.split(",")]:
            row = run_size(size, args.new, db, work, args.max_parse)
            rows.append(row)
            u = row["update"]
            print(f"{size:>8} {args.new:>4} {row['build']:>8.1f} {row['link_new']:>7.1f} {row['load']:>7.2f} "
                  f"{row['incremental']:>8.2f} {row['full']:>7.1f} {row['full'] / row['incremental']:>7.1f}x "
                  f"{row['index_mb']:>8.1f} {row['agreement'][2]:>8.3f} {row['peak_rss_mb']:>8.0f}  "
                  f"{u['path']}: +{u['added']} ~{u['updated']} -{u['removed']}", flush=True)
    last = rows[-1]
    print(f"incremental: adding {last['new']} articles to {last['size']}: {last['incremental']:.2f} s continued vs "
          f"{last['full']:.1f} s from scratch (x{last['full'] / last['incremental']:.1f}); "
          f"BCubed agreement F1 {last['agreement'][2]:.3f}")


if __name__ == "__main__":
    main()
