"""Web app under load: requests/s and p50/p99 latency of the story and search pages, with and without an ingest.

Builds (or reuses with ``--db``) a store of Timeline17 articles (``--limit`` of them, taken in turn
from the five topics so the corpus has several stories), starts ``dateline serve`` on 127.0.0.1, and
sends a bounded number of requests (at most ``--requests`` per page and condition, from
``--concurrency`` client threads each pausing ``--think-ms`` between requests, within a time limit
per phase) to the biggest story's page and to a search page:
first on a quiet store, then while ``--ingest`` more articles are being added and analysed by a
``dateline ingest`` process writing to the same SQLite file (WAL), or, with ``--ingest-via upload``,
by the web app itself through its upload endpoint. Only requests that completed while the ingest was
running count for the second condition. Target: story page p99 under 200 ms while ingesting.

    nice -n 10 python benchmarks/web_load.py [--db FILE] [--limit 200] [--ingest 60] [--think-ms 50]
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from itertools import zip_longest
from pathlib import Path
from typing import Any

import httpx

from _shared import BENCH, require
from dateline import api

TOPICS = ("bpoil", "finan", "h1n1", "haiti", "mj")
SEARCH_QUERY = "oil spill"


def read_articles(data: Path, count: int) -> list[dict[str, Any]]:
    """Return ``count`` Timeline17 records, taken in turn from each topic (ordered by date within a topic)."""
    per_topic = []
    for topic in TOPICS:
        with gzip.open(data / topic / "articles.jsonl.gz", "rt", encoding="utf-8") as handle:
            records = [json.loads(line) for line in handle if line.strip()]
        records.sort(key=lambda r: (r.get("time") or "", r["id"]))
        per_topic.append(records)
    mixed = [r for group in zip_longest(*per_topic) for r in group if r is not None]
    return mixed[:count]


def write_jsonl(records: list[dict[str, Any]], path: Path) -> Path:
    """Write records as JSON Lines with the fields dateline's reader knows (id, time, text, title)."""
    with path.open("w", encoding="utf-8") as handle:
        for r in records:
            title = r["text"].split("\n", 1)[0][:200]
            handle.write(json.dumps({"id": r["id"], "time": r["time"], "title": title, "text": r["text"]}) + "\n")
    return path


def free_port() -> int:
    """Return a free TCP port on 127.0.0.1."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    """Start ``dateline serve`` on 127.0.0.1 and wait until it answers."""
    server = subprocess.Popen(
        [sys.executable, "-m", "dateline.cli", "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/stories", timeout=120).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.3)
    server.kill()
    raise SystemExit(f"server did not start: {server.stderr.read().decode() if server.stderr else ''}")


def load(
    base: str, paths: dict[str, str], requests: int, concurrency: int, max_seconds: float, think: float,
    while_running: subprocess.Popen[bytes] | threading.Event | None = None,
) -> dict[str, list[float]]:
    """Send up to ``requests`` GETs per page from ``concurrency`` threads; return each page's latencies (s).

    Each thread waits ``think`` seconds between its requests (a reader, not a flood). With
    ``while_running``, stop when the ingest ends and keep only requests that finished before it did.
    """
    latencies: dict[str, list[float]] = {name: [] for name in paths}
    lock = threading.Lock()
    deadline = time.monotonic() + max_seconds
    plan = [name for _ in range(requests) for name in paths]
    cursor = iter(plan)

    def running() -> bool:
        if while_running is None:
            return True
        if isinstance(while_running, threading.Event):
            return not while_running.is_set()
        return while_running.poll() is None

    def worker() -> None:
        with httpx.Client(base_url=base, timeout=30) as client:
            while time.monotonic() < deadline and running():
                with lock:
                    name = next(cursor, None)
                if name is None:
                    return
                started = time.perf_counter()
                response = client.get(paths[name])
                elapsed = time.perf_counter() - started
                if response.status_code != 200:
                    raise SystemExit(f"{paths[name]}: HTTP {response.status_code}")
                if running():
                    with lock:
                        latencies[name].append(elapsed)
                time.sleep(think)

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    latencies["_elapsed"] = [time.perf_counter() - started]
    return latencies


def percentile(values: list[float], q: float) -> float:
    """Return the q-th percentile (nearest rank) of values."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))]


def report(condition: str, latencies: dict[str, list[float]], rows: list[list[str]]) -> None:
    """Append one row per page: requests, requests/s (all pages share the wall time), p50, p99 in ms."""
    elapsed = latencies.pop("_elapsed")[0]
    total = sum(len(v) for v in latencies.values())
    for name, values in latencies.items():
        if not values:
            rows.append([name, condition, "0", "-", "-", "-", "-"])
            continue
        rows.append([
            name, condition, str(len(values)), f"{total / elapsed:.1f}",
            f"{statistics.median(values) * 1000:.1f}", f"{percentile(values, 99) * 1000:.1f}",
            f"{max(values) * 1000:.1f}",
        ])


def upload_ingest(base: str, batch: Path, done: threading.Event) -> threading.Thread:
    """Upload the batch through the web app's ingest endpoint and set ``done`` when its job has finished."""

    def run() -> None:
        with httpx.Client(base_url=base, timeout=120) as client:
            response = client.post("/api/ingest", files={"files": (batch.name, batch.read_bytes())})
            response.raise_for_status()
            job_url = response.headers["location"]
            while client.get(job_url).json()["state"] not in ("done", "failed"):
                time.sleep(0.5)
        done.set()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def main() -> None:
    """Build or reuse the store, serve it, load it quiet and while ingesting, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=BENCH / "tls" / "t17")
    parser.add_argument("--db", type=Path, help="reuse (or create) this store instead of a temporary one")
    parser.add_argument("--limit", type=int, default=200, help="articles in the store before the load")
    parser.add_argument("--ingest", type=int, default=60, help="articles ingested during the second phase")
    parser.add_argument("--ingest-via", choices=("cli", "upload"), default="cli")
    parser.add_argument("--requests", type=int, default=1000, help="requests per page and condition (at most)")
    parser.add_argument("--concurrency", type=int, default=4, help="client threads")
    parser.add_argument("--think-ms", type=float, default=50.0, help="pause of each thread between its requests")
    parser.add_argument("--quiet-seconds", type=float, default=20.0, help="time limit of the quiet phase")
    parser.add_argument("--max-seconds", type=float, default=180.0, help="time limit of the phase while ingesting")
    args = parser.parse_args()
    data = require(args.data)
    work = Path(tempfile.mkdtemp(prefix="dateline-web-load-"))
    try:
        db = args.db or work / "t17.db"
        if not db.exists() or api.Corpus(db).articles(limit=1) == []:
            started = time.perf_counter()
            base_file = write_jsonl(read_articles(data, args.limit), work / "base.jsonl")
            api.ingest([str(base_file)], db)
            api.analyze(db)
            print(f"built {db}: {args.limit} articles in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        # The store holds the first N articles of the sequence (earlier runs added theirs in order): ingest the next.
        before = len(api.Corpus(db).articles())
        batch = write_jsonl(read_articles(data, before + args.ingest)[before:], work / "batch.jsonl")
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = start_server(db, port)
        try:
            stories = httpx.get(base + "/api/stories", timeout=120).json()
            if not stories:
                raise SystemExit("no story in the store")
            paths = {"story page": f"/stories/{stories[0]['id']}", "search page": f"/search?q={SEARCH_QUERY}"}
            for path in paths.values():  # warm: the snapshot, the story's timeline, conflicts, coverage
                httpx.get(base + path, timeout=300).raise_for_status()
            rows: list[list[str]] = []
            think = args.think_ms / 1000
            report("quiet", load(base, paths, args.requests, args.concurrency, args.quiet_seconds, think), rows)
            ingest_started = time.perf_counter()
            done = threading.Event()
            if args.ingest_via == "cli":
                writer: subprocess.Popen[bytes] | threading.Event = subprocess.Popen(
                    [sys.executable, "-m", "dateline.cli", "ingest", str(batch), "--db", str(db)],
                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                )
            else:
                upload_ingest(base, batch, done)
                writer = done
            during = load(base, paths, args.requests, args.concurrency, args.max_seconds, think, while_running=writer)
            report(f"ingesting ({args.ingest_via})", during, rows)
            if isinstance(writer, subprocess.Popen):
                writer.wait()
            else:
                done.wait()
            ingest_seconds = time.perf_counter() - ingest_started
        finally:
            server.terminate()
            server.wait(10)
        after = len(api.Corpus(db).articles())
        story = stories[0]
        print(f"store: {before} articles, {after} after the ingest of {args.ingest} more ({ingest_seconds:.0f} s); "
              f"story {story['id']} ({story['article_count']} articles); {args.concurrency} client threads, "
              f"{args.think_ms:g} ms pause between a thread's requests")
        print(f"{'page':<12} {'condition':<20} {'requests':>8} {'req/s':>7} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}")
        for row in rows:
            print(f"{row[0]:<12} {row[1]:<20} {row[2]:>8} {row[3]:>7} {row[4]:>8} {row[5]:>8} {row[6]:>8}")
        story_ingest = next((r for r in rows if r[0] == "story page" and r[1].startswith("ingesting")), None)
        if story_ingest and story_ingest[5] != "-":
            verdict = "met" if float(story_ingest[5]) < 200 else "NOT met"
            print(f"target story page p99 < 200 ms while ingesting: {verdict}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
