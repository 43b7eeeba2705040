"""Tests of the line features and of the JSON line model (export, loading, prediction)."""

from __future__ import annotations

import json

import numpy as np

from dateline.clean.line_model import (
    MODEL_PATH,
    ensemble_from_dict,
    ensemble_to_dict,
    keep_probabilities,
    load_model,
)
from dateline.clean.lines import (
    densest_region,
    feature_names,
    line_stats,
    main_region,
    page_features,
    page_stats,
)

PROSE = (
    "The harbor council approved the dredging plan on Tuesday, and the first barges are expected to "
    "arrive at the north pier in May, the council chair told reporters after the vote."
)
NAV = ["Home", "News", "Sport", "Weather", "Contact Us"]


def test_feature_matrix_has_one_row_per_line_and_named_columns() -> None:
    lines = [*NAV, "Harbor council approves plan", PROSE, PROSE.upper(), "Privacy Policy | Terms"]
    x = page_features(page_stats(lines))
    assert x.shape == (len(lines), len(feature_names()))
    assert np.isfinite(x).all()
    assert page_features([]).shape == (0, len(feature_names()))


def test_line_stats_tell_prose_from_navigation() -> None:
    prose, nav = line_stats(PROSE), line_stats("Home")
    assert prose.get("is_long_prose") == 1.0 and nav.get("is_long_prose") == 0.0
    assert prose.get("stop_ratio") > nav.get("stop_ratio")
    assert line_stats("Home | News | Sport").get("pipes") == 2.0


def test_densest_region_is_the_best_scoring_run() -> None:
    assert densest_region(np.array([-1.0, 2.0, 3.0, -10.0, 4.0])) == (1, 3)
    lines = [*NAV, PROSE, PROSE, "Posted in News", PROSE, *NAV]
    assert main_region(page_stats(lines)) == (5, 9)


def test_shipped_model_loads_and_prefers_prose_to_navigation() -> None:
    model = load_model()
    assert list(model.features) == feature_names()
    lines = [*NAV, "Harbor council approves plan", PROSE, PROSE.replace("Tuesday", "Monday"), *NAV]
    p = keep_probabilities(page_stats(lines))
    assert p[NAV.index("Sport")] < 0.5 < p[len(NAV) + 1]
    assert MODEL_PATH.stat().st_size < 2_000_000


def test_exported_trees_match_scikit_learn() -> None:
    from sklearn.ensemble import HistGradientBoostingClassifier

    rng = np.random.default_rng(0)
    x = rng.normal(size=(400, len(feature_names())))
    y = (x[:, 0] + 0.5 * x[:, 3] * x[:, 7] > 0).astype(int)
    clf = HistGradientBoostingClassifier(max_iter=20, max_depth=4, random_state=0).fit(x, y)
    data = json.loads(json.dumps(ensemble_to_dict(clf)))
    ours = ensemble_from_dict(data).proba(x)
    assert np.allclose(ours, clf.predict_proba(x)[:, 1], atol=1e-9)
