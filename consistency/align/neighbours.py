"""Candidate pairs by cosine similarity: arrays in, indices out.

:func:`similar_pairs` keeps, for each row, at most its ``k`` most similar
rows above the threshold (so a batch of one event, where everything is a
little similar to everything, yields ``n * k`` pairs, not ``n**2``). Below
``ANN_MIN_ROWS`` rows it is exact and works in row blocks (memory
``block * n`` floats); from there on it uses an approximate
nearest-neighbour index (usearch, HNSW), whose time grows as ``n log n``.
"""

from __future__ import annotations

import numpy as np

__all__ = ["similar_pairs", "row_dots", "sorted_unique", "ANN_MIN_ROWS"]

#: From this many rows on, :func:`similar_pairs` uses the ANN index.
ANN_MIN_ROWS = 20000


#: Pairs per block of :func:`row_dots` (two blocks of ``ROW_BLOCK x dim`` floats at a time).
ROW_BLOCK = 1024


def row_dots(A: np.ndarray, B: np.ndarray, ia: np.ndarray, ib: np.ndarray, block: int = ROW_BLOCK) -> np.ndarray:
    """``A[ia[t]] @ B[ib[t]]`` for each pair ``t``, in blocks of pairs.

    The same numbers as ``np.einsum("ij,ij->i", A[ia], B[ib])``, without the two
    ``(n_pairs, dim)`` copies (gigabytes at 10,000 articles).

    Parameters
    ----------
    A, B : ndarray of shape (n_a, dim), (n_b, dim)
    ia, ib : ndarray of int, shape (n_pairs,)

    Returns
    -------
    dots : ndarray of shape (n_pairs,), the dtype of ``A * B``
    """
    n = len(ia)
    out = np.empty(n, dtype=np.result_type(A.dtype, B.dtype))
    for s in range(0, n, block):
        out[s:s + block] = np.einsum("ij,ij->i", A[ia[s:s + block]], B[ib[s:s + block]])
    return out


def _exact(X: np.ndarray, groups: np.ndarray, threshold: float, k: int, block: int = 1024):
    n = X.shape[0]
    out_i, out_j, out_s = [], [], []
    for a in range(0, n, block):
        S = X[a:a + block] @ X.T  # (block, n)
        rows = np.arange(a, min(a + block, n))
        S[np.arange(len(rows)), rows] = -1.0
        S[groups[rows][:, None] == groups[None, :]] = -1.0  # never pair one article with itself
        if k < n - 1:
            # the k most similar rows of each row: pairs stay O(n k), not O(n^2)
            top = np.argpartition(-S, k, axis=1)[:, :k]
            keep = np.zeros_like(S, dtype=bool)
            np.put_along_axis(keep, top, True, axis=1)
            S = np.where(keep, S, -1.0)
        ii, jj = np.nonzero(S >= threshold)
        ss = S[ii, jj]
        ii = ii + a
        out_i.append(np.minimum(ii, jj))
        out_j.append(np.maximum(ii, jj))
        out_s.append(ss)
    i, j, s = np.concatenate(out_i), np.concatenate(out_j), np.concatenate(out_s)
    if len(i) == 0:
        return i, j, s
    first = _first_of_each(i, j, n)  # (i, j) found from both ends
    return i[first], j[first], s[first]


def _first_of_each(i: np.ndarray, j: np.ndarray, n: int) -> np.ndarray:
    """Index of the first occurrence of each distinct pair ``(i[t], j[t])`` (rows below ``n``),
    in the pairs' lexicographic order: ``np.unique(np.stack([i, j]), axis=1, return_index=True)[1]``
    on one int64 key per pair, which is much faster."""
    key = i.astype(np.int64) * n + j.astype(np.int64)
    order = np.argsort(key, kind="stable")
    return order[_starts(key[order])]


def _starts(sorted_keys: np.ndarray) -> np.ndarray:
    """Where each run of equal values of a sorted array starts (bool, same shape)."""
    out = np.ones(len(sorted_keys), dtype=bool)
    out[1:] = sorted_keys[1:] != sorted_keys[:-1]
    return out


def sorted_unique(x: np.ndarray) -> np.ndarray:
    """``np.unique(x)`` of a 1-d array by sorting: numpy 2's hash-based ``np.unique`` takes
    seconds on millions of int64 pair keys, a sort a tenth of a second."""
    x = np.sort(np.asarray(x))
    return x[_starts(x)]


def _ann(X: np.ndarray, groups: np.ndarray, threshold: float, k: int):
    from usearch.index import Index

    n = X.shape[0]
    index = Index(ndim=X.shape[1], metric="cos", dtype="f32")
    # one thread: HNSW insertion from several threads builds a different graph on every run
    # (and so different pairs and reports above ANN_MIN_ROWS rows); one thread is reproducible
    index.add(np.arange(n), X.astype(np.float32), threads=1)
    matches = index.search(X.astype(np.float32), min(k + 1, n))
    keys = np.asarray(matches.keys).reshape(n, -1)
    dist = np.asarray(matches.distances, dtype=np.float32).reshape(n, -1)
    # only the entries found (``counts`` per row): the others hold whatever usearch left there, and
    # arithmetic on them can raise numpy RuntimeWarnings or pair rows that were never found
    found = np.arange(keys.shape[1])[None, :] < np.asarray(matches.counts).reshape(n, 1)
    ii = np.broadcast_to(np.arange(n)[:, None], keys.shape)[found]
    jj = keys[found].astype(np.int64)
    ss = 1.0 - dist[found]
    valid = (jj >= 0) & (jj < n) & (ii != jj) & (ss >= threshold)
    ii, jj, ss = ii[valid], jj[valid], ss[valid]
    ii, jj = np.minimum(ii, jj), np.maximum(ii, jj)
    keep = groups[ii] != groups[jj]
    ii, jj, ss = ii[keep], jj[keep], ss[keep]
    order = _first_of_each(ii, jj, n)
    return ii[order], jj[order], ss[order]


def similar_pairs(X: np.ndarray, groups: np.ndarray, threshold: float, *, method: str = "auto",
                  k: int = 50, blocks: np.ndarray | None = None):
    """Pairs of rows of ``X`` with cosine similarity >= ``threshold``.

    Parameters
    ----------
    X : ndarray of shape (n, dim)
        L2-normalised rows.
    groups : ndarray of shape (n,)
        Rows with the same group (article) are never paired.
    threshold : float
    method : {"auto", "exact", "ann"}
    k : int
        Neighbours per row looked at (both methods), so the number of
        pairs grows as ``n * k``, not ``n ** 2``.
    blocks : ndarray of shape (n,), optional
        Rows of different blocks (stories) are never paired: each block is searched on its own
        (its ``k`` nearest among its own rows; exact below ``ANN_MIN_ROWS`` rows of the block), so
        a batch of many stories costs the sum of its stories' squares, not the square of their sum.

    Returns
    -------
    i, j : ndarray of shape (n_pairs,)
        Row indices with ``i < j``.
    sim : ndarray of shape (n_pairs,)
    """
    X = np.ascontiguousarray(X, dtype=np.float32)
    groups = np.asarray(groups)
    if blocks is not None:
        blocks = np.asarray(blocks)
        if blocks.shape != (X.shape[0],):
            raise ValueError(f"blocks must have shape ({X.shape[0]},), got {blocks.shape}")
        parts = []
        order = np.argsort(blocks, kind="stable")  # rows of each block, ascending, in one sort
        bounds = np.flatnonzero(np.r_[True, blocks[order][1:] != blocks[order][:-1], True])
        for lo, hi in zip(bounds[:-1], bounds[1:]):
            rows = order[lo:hi]
            if len(rows) > 1:
                i, j, s = similar_pairs(X[rows], groups[rows], threshold, method=method, k=k)
                parts.append((rows[i], rows[j], s))
        if not parts:
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty, np.zeros(0, dtype=np.float32)
        i, j, s = (np.concatenate(x) for x in zip(*parts))
        order = np.lexsort((j, i))
        return i[order].astype(np.int64), j[order].astype(np.int64), s[order].astype(np.float32)
    if X.shape[0] < 2:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0, dtype=np.float32)
    if method == "ann" or (method == "auto" and X.shape[0] >= ANN_MIN_ROWS):
        i, j, s = _ann(X, groups, threshold, k)
    else:
        i, j, s = _exact(X, groups, threshold, k)
    order = np.lexsort((j, i))
    return i[order].astype(np.int64), j[order].astype(np.int64), s[order].astype(np.float32)
