"""The learned line classifier: gradient-boosted trees over line features, stored as plain JSON.

The shipped model (``line_model.json`` beside this module) is a list of regression trees whose
summed outputs, through a sigmoid, give the probability that a line is article text. It is
trained by ``scripts/train_line_model.py`` with scikit-learn's HistGradientBoostingClassifier and
exported to JSON, so loading it needs neither pickle nor scikit-learn. Prediction walks all trees
at once with numpy: about a millisecond for a page of 100 lines.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from dateline.clean.lines import LineStats, feature_names, page_features, page_stats

MODEL_PATH = Path(__file__).with_name("line_model.json")
KEEP_LABELS = frozenset({1, 2, 3})
"""L3S-GN1 labels that are article: headline, full text, supplemental (dateline, byline, caption)."""

TRAIN_PARAMS: dict[str, Any] = {
    "max_iter": 300,
    "learning_rate": 0.05,
    "max_depth": 5,
    "max_leaf_nodes": 31,
    "random_state": 0,
}
"""Shallow trees keep prediction to five numpy steps; deeper ones scored no better in page-grouped CV."""


@dataclass(frozen=True, slots=True)
class TreeEnsemble:
    """Boosted trees flattened into node arrays; a leaf's children point to itself."""

    feature: np.ndarray
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    value: np.ndarray
    is_leaf: np.ndarray
    roots: np.ndarray
    depth: int
    bias: float
    features: tuple[str, ...]

    def decision(self, x: np.ndarray) -> np.ndarray:
        """Return the raw score (log-odds of keep) of each row of x."""
        n_rows, n_features = x.shape
        if n_rows == 0:
            return np.zeros(0)
        flat = np.ascontiguousarray(x, dtype=float).ravel()
        row_base = (np.arange(n_rows) * n_features)[:, None]
        node = np.broadcast_to(self.roots, (n_rows, len(self.roots))).copy()
        for _ in range(self.depth):
            go_left = flat[row_base + self.feature[node]] <= self.threshold[node]
            node = np.where(go_left, self.left[node], self.right[node])
            if self.is_leaf[node].all():
                break
        return self.bias + self.value[node].sum(axis=1)

    def proba(self, x: np.ndarray) -> np.ndarray:
        """Return the probability that each row is article text."""
        return 1.0 / (1.0 + np.exp(-self.decision(x)))


def ensemble_from_dict(data: dict[str, Any]) -> TreeEnsemble:
    """Build a TreeEnsemble from the JSON form written by ``ensemble_to_dict``."""
    feature: list[int] = []
    threshold: list[float] = []
    left: list[int] = []
    right: list[int] = []
    value: list[float] = []
    roots: list[int] = []
    for tree in data["trees"]:
        base = len(feature)
        roots.append(base)
        for nid, (lf, rt) in enumerate(zip(tree["left"], tree["right"], strict=True)):
            left.append(base + (nid if lf < 0 else lf))
            right.append(base + (nid if rt < 0 else rt))
        feature += tree["feature"]
        threshold += tree["threshold"]
        value += tree["value"]
    left_arr = np.array(left, dtype=np.int64)
    return TreeEnsemble(
        feature=np.array(feature, dtype=np.int64),
        threshold=np.array(threshold, dtype=float),
        left=left_arr,
        right=np.array(right, dtype=np.int64),
        value=np.array(value, dtype=float),
        is_leaf=left_arr == np.arange(len(left_arr)),
        roots=np.array(roots, dtype=np.int64),
        depth=int(data["depth"]),
        bias=float(data["bias"]),
        features=tuple(data["features"]),
    )


@lru_cache(maxsize=1)
def load_model(path: str = str(MODEL_PATH)) -> TreeEnsemble:
    """Load the shipped line model once per process."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    model = ensemble_from_dict(data)
    if list(model.features) != feature_names():
        raise ValueError(f"{path} was trained on other features; retrain with scripts/train_line_model.py")
    return model


def keep_probabilities(stats: Sequence[LineStats], model: TreeEnsemble | None = None) -> np.ndarray:
    """Return, per line of a page, the probability that it is article text."""
    model = model or load_model()
    return model.proba(page_features(stats))


# Training (needs scikit-learn; imported lazily so that cleaning does not).


def read_pages(path: Path) -> list[dict[str, Any]]:
    """Read L3S-style pages (``{"id", "lines": [{"text", "label"}]}`` per line), gzipped or not."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def page_matrix(pages: Iterable[dict[str, Any]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return features, keep labels and page index of every line of L3S-style pages."""
    xs: list[np.ndarray] = []
    ys: list[int] = []
    groups: list[int] = []
    for k, page in enumerate(pages):
        texts = [line["text"] for line in page["lines"]]
        xs.append(page_features(page_stats(texts)))
        ys += [int(line["label"] in KEEP_LABELS) for line in page["lines"]]
        groups += [k] * len(texts)
    width = len(feature_names())
    x = np.vstack(xs) if xs else np.zeros((0, width))
    return x, np.array(ys, dtype=np.int64), np.array(groups, dtype=np.int64)


def fit_ensemble(x: np.ndarray, y: np.ndarray, params: dict[str, Any] | None = None) -> TreeEnsemble:
    """Train boosted trees on line features and return them in exportable form."""
    return ensemble_from_dict(fit_ensemble_dict(x, y, params))


def fit_ensemble_dict(x: np.ndarray, y: np.ndarray, params: dict[str, Any] | None = None) -> dict[str, Any]:
    """Train boosted trees on line features and return their JSON form."""
    from sklearn.ensemble import HistGradientBoostingClassifier

    clf = HistGradientBoostingClassifier(**{**TRAIN_PARAMS, **(params or {})})
    clf.fit(x, y)
    return ensemble_to_dict(clf)


def ensemble_to_dict(clf: Any) -> dict[str, Any]:
    """Export a fitted binary HistGradientBoostingClassifier to plain JSON-ready data."""
    # _predictors and its node table are private to scikit-learn; the export pins what they hold,
    # and the round-trip check in scripts/train_line_model.py catches a version that changed them.
    trees = []
    depth = 0
    for (predictor,) in clf._predictors:
        nodes = predictor.nodes
        leaf = nodes["is_leaf"].astype(bool)
        trees.append(
            {
                "feature": np.where(leaf, 0, nodes["feature_idx"].astype(np.int64)).tolist(),
                "threshold": np.where(leaf, 0.0, nodes["num_threshold"].astype(float)).tolist(),
                "left": np.where(leaf, -1, nodes["left"].astype(np.int64)).tolist(),
                "right": np.where(leaf, -1, nodes["right"].astype(np.int64)).tolist(),
                "value": np.where(leaf, nodes["value"].astype(float), 0.0).tolist(),
            }
        )
        depth = max(depth, int(nodes["depth"].max()))
    return {
        "format": "dateline-line-model/1",
        "features": feature_names(),
        "bias": float(np.ravel(clf._baseline_prediction)[0]),
        "depth": depth,
        "trees": trees,
    }


def cross_validated_probabilities(
    x: np.ndarray, y: np.ndarray, groups: np.ndarray, folds: int = 5, params: dict[str, Any] | None = None
) -> np.ndarray:
    """Return out-of-fold keep probabilities, folds grouped by page."""
    from sklearn.model_selection import GroupKFold

    out = np.zeros(len(y))
    for train, test in GroupKFold(n_splits=folds).split(x, y, groups):
        out[test] = fit_ensemble(x[train], y[train], params).proba(x[test])
    return out
