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
        ``clash(x, y)`` for two items of one article: True when they cannot be one fact (an
        article that states two different values of a family states two facts). Groups that
        would hold a clashing pair are never merged.

    Returns
    -------
    labels : ndarray of shape (n,)
        Group number of each item (0..n_groups-1, in order of first item).
    """
    label = np.arange(n)
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    score: dict[tuple[int, int], float] = {}
    for a, b, v in zip(ka.tolist(), kb.tolist(), p.tolist()):
        key = (a, b) if a < b else (b, a)
        score[key] = max(score.get(key, 0.0), v)
    for t in np.argsort(-p, kind="stable"):
        if p[t] < threshold:
            break
        ga, gb = label[ka[t]], label[kb[t]]
        if ga == gb:
            continue
        total, count = 0.0, 0
        for x in members[ga]:
            for y in members[gb]:
                if owner[x] == owner[y]:
                    if clash is not None and clash(x, y):
                        count, total = -1, 0.0
                        break
                    continue
                total += score.get((x, y) if x < y else (y, x), 0.0)
                count += 1
            if count < 0:
                break
        if count < 0 or (count and total / count < threshold):
            continue
        keep, drop = (ga, gb) if len(members[ga]) >= len(members[gb]) else (gb, ga)
        for x in members[drop]:
            label[x] = keep
        members[keep].extend(members.pop(drop))
    _, first = np.unique(label, return_index=True)
    order = {int(label[i]): r for r, i in enumerate(sorted(first))}
    return np.array([order[int(x)] for x in label], dtype=np.int64)
