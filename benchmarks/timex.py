"""Time expressions found and resolved, scored on TempEval-3 (TimeBank + AQUAINT dev split).

Runs the public contract, ``dateline timex FILE --format jsonl``, in a subprocess on the records'
``{"id", "dct", "text"}`` only (the gold annotations never reach it), scores the output with
``../shared/bench/timex/score.py`` (the official TempEval-3 numbers), prints the scorer's table and,
last, ``value_f1=0.xxx`` (relaxed span F1 x value accuracy, TempEval-3's headline timex score).
Anchors on the TE3 test set: HeidelTime value F1 0.776, SUTime 0.674.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _shared import BENCH, require


def write_inputs(gold: Path, target: Path) -> int:
    """Copy the records without their annotations into a JSONL file; return how many there are."""
    count = 0
    opener = gzip.open if gold.suffix == ".gz" else open
    with opener(gold, "rt", encoding="utf-8") as source, target.open("w", encoding="utf-8") as sink:
        for line in source:
            if not line.strip():
                continue
            record = json.loads(line)
            fields = {"id": record["id"], "dct": record.get("dct"), "text": record["text"]}
            sink.write(json.dumps(fields) + "\n")
            count += 1
    return count


def main() -> None:
    """Run ``dateline timex`` on the TempEval-3 records, score it, print the table and value_f1."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=BENCH / "timex" / "tempeval3_dev.jsonl.gz")
    parser.add_argument("--errors", type=int, default=0, help="also print the scorer's first N errors")
    args = parser.parse_args()
    gold = require(args.data)
    scorer = require(gold.parent / "score.py")
    with tempfile.TemporaryDirectory() as tmp:
        inputs, predictions = Path(tmp) / "input.jsonl", Path(tmp) / "pred.jsonl"
        documents = write_inputs(gold, inputs)
        start = time.perf_counter()
        command = [sys.executable, "-m", "dateline.cli", "timex", str(inputs), "--format", "jsonl",
                   "-o", str(predictions)]
        subprocess.run(command, check=True)
        elapsed = time.perf_counter() - start
        score_command = [sys.executable, str(scorer), str(gold), str(predictions)]
        if args.errors:
            score_command += ["--errors", str(args.errors)]
        table = subprocess.run(score_command, check=True, capture_output=True, text=True).stdout
    print(table, end="")
    print(f"{documents} documents in {elapsed:.1f} s with `dateline timex` (spaCy parse included)")
    found = re.search(r"value F1\s+([\d.]+)", table)
    if found is None:
        sys.exit("the scorer printed no value F1")
    print(f"value_f1={float(found.group(1)) / 100:.3f}")


if __name__ == "__main__":
    main()
