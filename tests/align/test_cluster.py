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


# link_groups as it was before its pair scores were built in numpy: the reference it must equal
def _link_groups_before(n, ka, kb, p, owner, threshold, clash=None):
    label = np.arange(n)
    score = {}
    for a, b, v in zip(ka.tolist(), kb.tolist(), p.tolist()):
        key = (a, b) if a < b else (b, a)
        score[key] = max(score.get(key, 0.0), v)
    # average linkage, kept incrementally: for each pair of groups the sum of the scores of
    # their cross pairs (pairs never scored add 0); the count of pairs from the sizes and owners
    sums = {}
    for (a, b), v in score.items():
        if owner[a] != owner[b]:
            sums.setdefault(a, {})[b] = sums.setdefault(a, {}).get(b, 0.0) + v
            sums.setdefault(b, {})[a] = sums.setdefault(b, {}).get(a, 0.0) + v
    by_owner = {i: {int(owner[i]): [i]} for i in range(n)}
    size = {i: 1 for i in range(n)}
    pl, kal, kbl = p.tolist(), ka.tolist(), kb.tolist()
    for t in np.argsort(-p, kind="stable").tolist():
        if pl[t] < threshold:
            break
        ga, gb = int(label[kal[t]]), int(label[kbl[t]])
        if ga == gb:
            continue
        total = sums.get(ga, {}).get(gb, 0.0)
        count = size[ga] * size[gb]
        for o in by_owner[ga].keys() & by_owner[gb].keys():
            xs, ys = by_owner[ga][o], by_owner[gb][o]
            count -= len(xs) * len(ys)
            if clash is not None:
                # one article, two different values: evidence of two facts (probability 0)
                count += sum(1 for x in xs for y in ys if clash(x, y))
        if count and total / count < threshold:
            continue
        keep, drop = (ga, gb) if size[ga] >= size[gb] else (gb, ga)
        for h, v in sums.pop(drop, {}).items():
            sums[h].pop(drop, None)
            if h != keep:
                sums.setdefault(keep, {})[h] = sums.setdefault(keep, {}).get(h, 0.0) + v
                sums[h][keep] = sums[h].get(keep, 0.0) + v
        sums.get(keep, {}).pop(drop, None)
        for o, xs in by_owner.pop(drop).items():
            by_owner[keep].setdefault(o, []).extend(xs)
            for x in xs:
                label[x] = keep
        size[keep] += size.pop(drop)
    _, first = np.unique(label, return_index=True)
    order = {int(label[i]): r for r, i in enumerate(sorted(first))}
    return np.array([order[int(x)] for x in label], dtype=np.int64)


def test_link_groups_equal_the_pair_by_pair_reference():
    rng = np.random.default_rng(7)
    for trial in range(40):
        n = int(rng.integers(2, 60))
        m = int(rng.integers(0, 4 * n))
        ka, kb = rng.integers(0, n, m), rng.integers(0, n, m)  # duplicates, both orders, self pairs
        p = np.round(rng.random(m), 2)
        owner = rng.integers(0, max(2, n // 3), n)
        values = rng.integers(0, 3, n)
        clash = (lambda x, y: values[x] != values[y]) if trial % 2 else None
        got = link_groups(n, ka, kb, p, owner, 0.4, clash=clash)
        assert np.array_equal(got, _link_groups_before(n, ka, kb, p, owner, 0.4, clash=clash))
