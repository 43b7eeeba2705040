"""Quotes and their speakers, scored on PolNeAR (political news attribution relations, dev split).

Runs the public contract, ``dateline quotes FILE --format jsonl``, in a subprocess on the records'
``{"id", "date", "title", "text"}`` only (the gold attributions never reach it), scores the output with
``../shared/bench/quotes/score.py`` in the configurations issue 4 sets, prints the scorer's lines and,
last, one line of headline numbers. Anchors on dev (GenderGapTracker's rules): direct+mixed fragment
F1 0.789, all-kinds recall 0.42 at precision 0.79, pronoun speakers resolved to a name 0.02.
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
from pathlib import Path

from _shared import BENCH, require

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


def write_inputs(gold: Path, target: Path) -> int:
    """Copy the articles without their annotations into a JSONL file; return how many there are."""
    count = 0
    with gold.open(encoding="utf-8") as source, target.open("w", encoding="utf-8") as sink:
        for line in source:
            if not line.strip():
                continue
            record = json.loads(line)
            fields = {key: record.get(key) for key in ("id", "date", "title", "text")}
            sink.write(json.dumps(fields) + "\n")
            count += 1
    return count


def score(scorer: Path, gold: Path, predictions: Path, options: list[str]) -> str:
    """Run the scorer in one configuration and return its output line."""
    command = [sys.executable, str(scorer), str(gold), str(predictions), *options]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout.strip()


def main() -> None:
    """Run ``dateline quotes`` on PolNeAR dev, score it, print the table and the headline numbers."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=BENCH / "quotes" / "polnear" / "polnear_dev.jsonl")
    parser.add_argument("--processes", type=int, default=min(2, os.cpu_count() or 1))
    args = parser.parse_args()
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
