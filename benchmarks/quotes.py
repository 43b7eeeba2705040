"""Quotes and their speakers, scored on PolNeAR (political news attribution relations, dev split).

Runs the public contract, ``dateline quotes FILE --format jsonl``, in a subprocess on the records'
``{"id", "date", "title", "text"}`` only (the gold attributions never reach it), scores the output with
``../shared/bench/quotes/score.py`` in the configurations issue 4 sets, prints the scorer's lines and,
last, one line of headline numbers. Anchors on dev (GenderGapTracker's rules): direct+mixed fragment
F1 0.789, all-kinds recall 0.42 at precision 0.79, pronoun speakers resolved to a name 0.02.

PolNeAR does not resolve its sources, so the scorer stands the nearest preceding named source in for a
pronoun and takes a description ("the president") as its own target. ``--speakers`` adds one more line,
``all_resolved``: the same scoring with the referent of each pronoun and description source as read by
hand (``data/speaker_referents_dev.jsonl``, made for dev; see ``data/README.md``), passed to the scorer as
its ``speaker_canonical`` field.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from _shared import BENCH, require

SPEAKERS = Path(__file__).with_name("data") / "speaker_referents_dev.jsonl"
DEV = BENCH / "quotes" / "polnear" / "polnear_dev.jsonl"
POSSESSIVE = re.compile(r"(?<=\w)['’]s(?=\s|$)|(?<=s)['’](?=\s|$)")
"""A possessive mark at a word's end ("Clinton's", "Sanders'")."""

CONFIGURATIONS = {
    "direct_mixed": ["--kinds", "direct,mixed", "--unit", "fragment", "--thresholds", "0.3"],
    "all": ["--unit", "attribution", "--thresholds", "0.3"],
    "all_strict": ["--unit", "attribution", "--thresholds", "0.8"],
    "direct": ["--kinds", "direct", "--unit", "fragment", "--thresholds", "0.3"],
    "mixed": ["--kinds", "mixed", "--unit", "fragment", "--thresholds", "0.3"],
    "indirect": ["--kinds", "indirect", "--unit", "attribution", "--thresholds", "0.3"],
}
LINE = re.compile(
    r"P (?P<p>[\d.]+) R (?P<r>[\d.]+) F1 (?P<f>[\d.]+).*name-acc (?P<name>[\d.]+)"
    r"\s+pronoun-source name-acc (?P<pronoun>[\d.]+|n/a)"
)


def read_records(path: Path) -> Iterator[dict[str, Any]]:
    """Yield the records of a JSONL file, blank lines skipped."""
    with path.open(encoding="utf-8") as source:
        for line in source:
            if line.strip():
                yield json.loads(line)


def write_inputs(gold: Path, target: Path) -> int:
    """Copy the articles without their annotations into a JSONL file; return how many there are."""
    count = 0
    with target.open("w", encoding="utf-8") as sink:
        for record in read_records(gold):
            fields = {key: record.get(key) for key in ("id", "date", "title", "text")}
            sink.write(json.dumps(fields) + "\n")
            count += 1
    return count


def with_speakers(gold: Path, speakers: Path, target: Path) -> int:
    """Copy the gold with each hand-resolved source's referent as ``speaker_canonical``; return how many."""
    referents = {(row["id"], row["start"], row["end"]): row["canonical"] for row in read_records(speakers)}
    count = 0
    with target.open("w", encoding="utf-8") as sink:
        for record in read_records(gold):
            for attribution in record["attributions"]:
                src = attribution.get("source")
                referent = referents.get((record["id"], src["start"], src["end"])) if src else None
                if referent:
                    attribution["speaker_canonical"] = referent
                    count += 1
            sink.write(json.dumps(record, ensure_ascii=False) + "\n")
    return count


def without_possessives(predictions: Path, target: Path) -> None:
    """Copy the predictions with the possessive marks dropped from speaker names ("Hillary Clinton's campaign" ->
    "Hillary Clinton campaign"): a referent names whose group a source is, and the scorer's tokens would tell
    "Clinton's" from "Clinton"; dateline writes a group as the article does, the owner named in full."""
    with target.open("w", encoding="utf-8") as sink:
        for record in read_records(predictions):
            for quote in record["quotes"]:
                if quote.get("speaker_name"):
                    quote["speaker_name"] = POSSESSIVE.sub("", quote["speaker_name"])
            sink.write(json.dumps(record, ensure_ascii=False) + "\n")


def score(scorer: Path, gold: Path, predictions: Path, options: list[str]) -> str:
    """Run the scorer in one configuration and return its output line."""
    command = [sys.executable, str(scorer), str(gold), str(predictions), *options]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout.strip()


def main() -> None:
    """Run ``dateline quotes`` on PolNeAR dev, score it, print the table and the headline numbers."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DEV)
    parser.add_argument("--processes", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--speakers", type=Path, default=None,
                        help="hand-resolved sources to score speaker names against as well "
                             f"(default: {SPEAKERS.name} when --data is PolNeAR dev)")
    args = parser.parse_args()
    speakers = args.speakers or (SPEAKERS if args.data == DEV else None)
    gold = require(args.data)
    scorer = require(BENCH / "quotes" / "score.py")
    with tempfile.TemporaryDirectory() as tmp:
        inputs, predictions = Path(tmp) / "input.jsonl", Path(tmp) / "pred.jsonl"
        articles = write_inputs(gold, inputs)
        start = time.perf_counter()
        command = [sys.executable, "-m", "dateline.cli", "quotes", str(inputs), "--format", "jsonl",
                   "-o", str(predictions), "--processes", str(args.processes)]
        subprocess.run(command, check=True)
        elapsed = time.perf_counter() - start
        lines = {name: score(scorer, gold, predictions, options) for name, options in CONFIGURATIONS.items()}
        if speakers is not None:
            resolved, plain = Path(tmp) / "resolved.jsonl", Path(tmp) / "plain.jsonl"
            with_speakers(gold, require(speakers), resolved)
            without_possessives(predictions, plain)
            lines["all_resolved"] = score(scorer, resolved, plain, CONFIGURATIONS["all"])
    for name, line in lines.items():
        print(f"{name:13} {line}")
    rate = articles / elapsed
    print(f"{articles} articles in {elapsed:.1f} s with `dateline quotes --processes {args.processes}` "
          f"(spaCy load and parse included): {rate:.2f} articles/s")
    main_line, all_line = LINE.search(lines["direct_mixed"]), LINE.search(lines["all"])
    if main_line is None or all_line is None:
        sys.exit("the scorer printed no P/R/F1 line")
    print(f"direct_mixed_f1={float(main_line['f']):.3f} all_recall={float(all_line['r']):.3f} "
          f"all_precision={float(all_line['p']):.3f} speaker_name_acc={float(all_line['name']):.3f} "
          f"pronoun_name_acc={all_line['pronoun']} articles_per_s={rate:.1f}")


if __name__ == "__main__":
    main()
