"""The calibrated linear model of fact identity (consistency.learn.fit)."""

from __future__ import annotations

import numpy as np
import pytest

from consistency.learn.fit import calibration_table, fit_linear


def _data(n_groups=60, per=12, seed=3):
    rng = np.random.default_rng(seed)
    groups = np.repeat(np.arange(n_groups), per)
    F = rng.normal(size=(len(groups), 3))
    logit = 1.5 * F[:, 0] - 1.0 * F[:, 1] + rng.normal(scale=1.0, size=len(groups))
    y = (logit > 0).astype(int)
    return F, y, groups


def test_the_fit_is_deterministic_and_validates_its_arrays():
    F, y, g = _data()
    a, _ = fit_linear(F, y, g, ("x", "y", "z"), calibrate_on=np.ones(len(y), dtype=bool))
    b, _ = fit_linear(F, y, g, ("x", "y", "z"), calibrate_on=np.ones(len(y), dtype=bool))
    assert a == b and set(a["calibration"]) == {"platt", "rows"}
    with pytest.raises(ValueError, match="F must be"):
        fit_linear(F[:, :2], y, g, ("x", "y", "z"))
    with pytest.raises(ValueError, match="at least 2 groups"):
        fit_linear(F, y, np.zeros(len(y)), ("x", "y", "z"))


def test_out_of_fold_scores_are_averaged_over_fold_assignments():
    # one assignment of groups to folds is one draw: the average of ten varies far less with the seed
    from consistency.learn.fit import _repeated_oof

    F, y, g = _data(n_groups=30, per=8)
    w = np.ones(len(y))

    def spread(repeats):
        a = _repeated_oof(F, y, g, w, C=1.0, folds=5, repeats=repeats, seed=0)
        b = _repeated_oof(F, y, g, w, C=1.0, folds=5, repeats=repeats, seed=1)
        return float(np.abs(a - b).mean())

    assert spread(10) < 0.5 * spread(1)


def test_calibration_table_bins():
    p = np.array([0.05, 0.1, 0.5, 0.95, 1.0])
    y = np.array([0, 0, 1, 1, 1])
    rows = calibration_table(p, y)
    assert [r["n"] for r in rows] == [2, 1, 2] and rows[-1]["observed"] == 1.0
