from consistency.evaluate import PRF


def test_precision_recall_f1_from_counts():
    p = PRF(tp_pred=3, predicted=4, tp_gold=3, gold=6)
    assert p.precision == 0.75 and p.recall == 0.5
    assert abs(p.f1 - 0.6) < 1e-12


def test_undefined_figures_are_none_not_zero():
    assert PRF(0, 0, 0, 5).precision is None
    assert PRF(0, 0, 0, 5).f1 is None
    assert PRF(0, 3, 0, 0).recall is None
    assert PRF(0, 3, 0, 4).f1 == 0.0


def test_counts_add_up_across_batches():
    total = PRF(1, 2, 1, 3) + PRF(2, 2, 2, 2)
    assert total == PRF(3, 4, 3, 5)
    assert total.as_dict()["precision"] == 0.75
