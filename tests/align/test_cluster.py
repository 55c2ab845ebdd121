import numpy as np
import pytest

from consistency.align.cluster import link_groups
from consistency.align.identity import LinearModel, ModelsError
from consistency.model import Batch


def test_average_linkage_does_not_chain_loose_links():
    # a~b and b~c are likely, a~c was never proposed: a and c stay apart
    ka, kb, p = np.array([0, 1]), np.array([1, 2]), np.array([0.9, 0.6])
    labels = link_groups(3, ka, kb, p, owner=np.array([0, 1, 2]), threshold=0.5)
    assert labels[0] == labels[1] and labels[2] != labels[0]


def test_average_linkage_joins_a_consistent_triangle():
    ka, kb, p = np.array([0, 1, 0]), np.array([1, 2, 2]), np.array([0.9, 0.8, 0.7])
    labels = link_groups(3, ka, kb, p, owner=np.array([0, 1, 2]), threshold=0.5)
    assert len(set(labels.tolist())) == 1


def test_pairs_below_threshold_never_join():
    labels = link_groups(2, np.array([0]), np.array([1]), np.array([0.2]), np.array([0, 1]), 0.3)
    assert labels.tolist() == [0, 1]


def test_linear_model_checks_feature_names_and_shapes():
    d = {"features": ["a", "b"], "mean": [0, 0], "scale": [1, 1], "coef": [1.0, -1.0], "intercept": 0.0,
         "calibration": {"x": [-1, 1], "y": [0.1, 0.9]}}
    m = LinearModel.from_dict(d, ("a", "b"))
    p = m.predict_proba(np.array([[1.0, 0.0], [0.0, 1.0]]))
    assert p[0] == pytest.approx(0.9) and p[1] == pytest.approx(0.1)
    with pytest.raises(ValueError, match=r"shape \(n, 2\)"):
        m.predict_proba(np.zeros((3, 3)))
    with pytest.raises(ModelsError, match="re-fit"):
        LinearModel.from_dict(d, ("a", "c"))


def test_sigmoid_of_a_score_far_out_of_range_is_0_or_1_without_a_warning():
    import warnings

    d = {"features": ["a"], "mean": [0], "scale": [1], "coef": [1.0], "intercept": 0.0}
    m = LinearModel.from_dict(d, ("a",))
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        p = m.predict_proba(np.array([[-1e6], [0.0], [1e6]]))
        platt = LinearModel.from_dict({**d, "calibration": {"platt": [2.0, 0.0]}}, ("a",))
        q = platt.predict_proba(np.array([[-1e6], [1e6]]))
    assert p == pytest.approx([0.0, 0.5, 1.0]) and q == pytest.approx([0.0, 1.0])


def test_batch_validates_array_shapes():
    with pytest.raises(ValueError, match="Batch.X"):
        Batch(claims=(), X=np.zeros((2, 3)), Xa=np.zeros((0, 3)), mentions=(), C=np.zeros((0, 3)),
              U=np.zeros((0, 3)), n_new=0, ids={})


def test_shipped_models_load_with_the_codes_features():
    from consistency.align.features import VALUE_FEATURES
    from consistency.align.identity import load_models
    from consistency.align.stories import STORY_FEATURES

    m = load_models()
    LinearModel.from_dict(m["story"], STORY_FEATURES)
    LinearModel.from_dict(m["value_quantity"], VALUE_FEATURES)
    LinearModel.from_dict(m["value_time"], VALUE_FEATURES)
    assert "dev parts only" in m["data"]
