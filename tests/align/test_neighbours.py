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
