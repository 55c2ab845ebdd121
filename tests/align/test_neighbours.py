import pytest
import numpy as np

from consistency.align.neighbours import row_dots


def test_row_dots_equal_the_pairwise_einsum_bit_for_bit():
    rng = np.random.default_rng(3)
    A = rng.standard_normal((300, 64)).astype(np.float32)
    B = rng.standard_normal((200, 64)).astype(np.float32)
    ia, ib = rng.integers(0, 300, 5000), rng.integers(0, 200, 5000)
    want = np.einsum("ij,ij->i", A[ia], B[ib])
    for block in (1, 7, 1024, 10000):  # the block size never changes a number
        got = row_dots(A, B, ia, ib, block=block)
        assert got.dtype == want.dtype and np.array_equal(got, want)


def test_row_dots_of_no_pairs_is_empty():
    A = np.ones((3, 4), dtype=np.float32)
    empty = np.zeros(0, dtype=np.int64)
    assert row_dots(A, A, empty, empty).shape == (0,)


def test_first_of_each_pair_equals_unique_over_columns():
    from consistency.align.neighbours import _first_of_each

    rng = np.random.default_rng(5)
    i, j = rng.integers(0, 40, 3000), rng.integers(0, 40, 3000)
    want = np.unique(np.stack([i, j]), axis=1, return_index=True)[1]
    assert np.array_equal(_first_of_each(i, j, 40), want)


def test_exact_pairs_are_sorted_distinct_and_never_within_one_article():
    from consistency.align.neighbours import similar_pairs

    rng = np.random.default_rng(1)
    X = rng.standard_normal((500, 16)).astype(np.float32)
    X /= np.linalg.norm(X, axis=1, keepdims=True)
    groups = np.arange(500) // 5
    i, j, s = similar_pairs(X, groups, 0.0, method="exact", k=10)
    assert np.all(i < j) and np.all(groups[i] != groups[j])
    key = i * 500 + j
    assert np.all(np.diff(key) > 0)  # sorted, no pair twice
    assert np.allclose(s, np.einsum("ij,ij->i", X[i], X[j]), atol=1e-5)


def test_sorted_unique_equals_np_unique():
    from consistency.align.neighbours import sorted_unique

    rng = np.random.default_rng(9)
    x = rng.integers(0, 10**12, 5000)
    x = np.concatenate([x, x[:700]])
    assert np.array_equal(sorted_unique(x), np.unique(x))
    assert sorted_unique(np.zeros(0, dtype=np.int64)).shape == (0,)


def test_blocks_are_searched_on_their_own():
    """With ``blocks`` (stories), rows of two blocks never pair, and each block gives the pairs
    a search over its rows alone gives (its k nearest among its own rows)."""
    import numpy as np

    from consistency.align.neighbours import similar_pairs

    rng = np.random.default_rng(3)
    X = rng.normal(size=(60, 8)).astype(np.float32)
    X /= np.linalg.norm(X, axis=1, keepdims=True)
    groups = np.arange(60) // 3
    blocks = rng.integers(0, 4, size=60)
    i, j, s = similar_pairs(X, groups, -0.9, k=5, blocks=blocks)
    assert (blocks[i] == blocks[j]).all() and (i < j).all()
    assert (np.lexsort((j, i)) == np.arange(len(i))).all()
    for b in range(4):
        rows = np.flatnonzero(blocks == b)
        bi, bj, bs = similar_pairs(X[rows], groups[rows], -0.9, k=5)
        mine = (blocks[i] == b)
        assert sorted(zip(i[mine].tolist(), j[mine].tolist())) == sorted(zip(rows[bi].tolist(), rows[bj].tolist()))
    with pytest.raises(ValueError, match="blocks"):
        similar_pairs(X, groups, 0.0, blocks=blocks[:10])
