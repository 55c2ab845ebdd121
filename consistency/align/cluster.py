"""Groups from pairwise probabilities: average linkage, not chains of loose links.

:func:`link_groups` merges mentions greedily, most probable pair first, and
joins two groups only while the *average* probability over all their
cross-article pairs (pairs never proposed count as 0) stays at or above the
threshold. A chain a~b, b~c does not pull a and c into one fact unless a~c is
likely too, so one finding holds one fact.
"""

from __future__ import annotations

from typing import Callable, Optional

import numpy as np

__all__ = ["link_groups"]


#: Pairs turned into Python lists at a time while the pair sums are built (:func:`link_groups`).
_LIST_BLOCK = 100_000


def link_groups(n: int, ka: np.ndarray, kb: np.ndarray, p: np.ndarray, owner: np.ndarray,
                threshold: float, clash: Optional[Callable[[int, int], bool]] = None) -> np.ndarray:
    """Cluster ``n`` items from scored pairs.

    Parameters
    ----------
    n : int
        Number of items (value mentions).
    ka, kb : ndarray of shape (n_pairs,)
        Item indices of each scored pair.
    p : ndarray of shape (n_pairs,)
        Probability that the pair is one fact.
    owner : ndarray of shape (n,)
        Article of each item; pairs inside one article are not counted in averages.
    threshold : float
        Smallest average probability of a merge.
    clash : callable, optional
        ``clash(x, y)`` for two items of one article: True when they are likely two facts (an
        article that states two different values of a family mostly states two facts). Such a
        pair counts in the average with probability 0: it weighs against the merge, without
        forbidding it (an article that restates a changed figure elsewhere is still compared).

    Returns
    -------
    labels : ndarray of shape (n,)
        Group number of each item (0..n_groups-1, in order of first item).
    """
    label = np.arange(n)
    # average linkage, kept incrementally: for each pair of groups the sum of the scores of
    # their cross pairs (pairs never scored add 0); the count of pairs from the sizes and owners
    sums: dict[int, dict[int, float]] = {}
    a, b, v = _pair_scores(n, ka, kb, p)
    cross = np.asarray(owner)[a] != np.asarray(owner)[b]
    a, b, v = a[cross], b[cross], v[cross]
    # Memory (a million pairs and more at 10,000 articles): the pairs are listed a block at a time,
    # and every key is the one int object of its item (``item[x]``), not a fresh int per entry.
    # The same dicts, filled in the same order.
    item = list(range(n))
    for s in range(0, len(a), _LIST_BLOCK):
        for x, y, w in zip(a[s:s + _LIST_BLOCK].tolist(), b[s:s + _LIST_BLOCK].tolist(),
                           v[s:s + _LIST_BLOCK].tolist()):
            x, y = item[x], item[y]
            sums.setdefault(x, {})[y] = w
            sums.setdefault(y, {})[x] = w
    del a, b, v, cross
    by_owner: dict[int, dict[int, list[int]]] = {i: {int(owner[i]): [i]} for i in range(n)}
    size = {i: 1 for i in range(n)}
    # only the pairs the loop reaches, most probable first: it stops at the first below the
    # threshold (NaN sorts last and is never below it, so it is reached only if no pair is)
    order = np.argsort(-p, kind="stable")
    below = np.flatnonzero(np.asarray(p, dtype=float)[order] < threshold)  # as the Python floats compared
    order = order[:below[0]] if len(below) else order
    kal, kbl = ka[order].tolist(), kb[order].tolist()
    del order, below
    for t in range(len(kal)):
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


def _pair_scores(n: int, ka: np.ndarray, kb: np.ndarray, p: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each distinct unordered pair ``(a, b)``, ``a < b`` (or ``a == b``), of the scored pairs once, with
    the highest of its probabilities (never below 0), in the pairs' order: shapes (n_distinct,)."""
    ka, kb, p = np.asarray(ka, dtype=np.int64), np.asarray(kb, dtype=np.int64), np.asarray(p, dtype=float)
    if len(ka) == 0:
        return ka, kb, p
    lo, hi = np.minimum(ka, kb), np.maximum(ka, kb)
    key = lo * max(n, 1) + hi
    order = np.argsort(key, kind="stable")
    key = key[order]
    start = np.flatnonzero(np.concatenate([[True], key[1:] != key[:-1]]))
    best = np.fmax(np.fmax.reduceat(p[order], start), 0.0)
    return lo[order][start], hi[order][start], best
