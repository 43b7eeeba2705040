"""Train the boilerplate line classifier on L3S-GN1 lines and write it as JSON into the package.

Usage: python scripts/train_line_model.py [--data PATH] [--out PATH]

The data defaults to ../shared/bench/clean/l3s_gn1_lines_dev.jsonl.gz beside the repository. The
model is exported as plain JSON trees (no pickle) and checked against scikit-learn's own
predictions before it is written.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

from dateline.clean.line_model import (
    MODEL_PATH,
    TRAIN_PARAMS,
    ensemble_from_dict,
    ensemble_to_dict,
    page_matrix,
    read_pages,
)

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DATA = REPO.parent / "shared" / "bench" / "clean" / "l3s_gn1_lines_dev.jsonl.gz"


def main(argv: list[str] | None = None) -> int:
    """Train on the given pages, verify the export and write the model file."""
    from sklearn.ensemble import HistGradientBoostingClassifier

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"training data not found: {args.data}", file=sys.stderr)
        return 1
    pages = read_pages(args.data)
    x, y, _ = page_matrix(pages)
    clf = HistGradientBoostingClassifier(**TRAIN_PARAMS).fit(x, y)
    data = ensemble_to_dict(clf)
    exported = ensemble_from_dict(data).proba(x)
    reference = clf.predict_proba(x)[:, 1]
    gap = float(np.max(np.abs(exported - reference)))
    if gap > 1e-6:
        print(f"exported trees disagree with scikit-learn (max gap {gap:.2e}); not written", file=sys.stderr)
        return 1
    args.out.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    size_kb = args.out.stat().st_size / 1024
    print(f"trained on {len(pages)} pages, {len(y)} lines; {len(data['trees'])} trees, depth {data['depth']}")
    print(f"wrote {args.out} ({size_kb:.0f} KB), export matches scikit-learn within {gap:.1e}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
