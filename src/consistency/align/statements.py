"""Statement alignment: claims that say the same thing, compared for stance.

Statements without shared values align on their whole meaning: either a very
high similarity (``statement_threshold``), or a moderate one confirmed by a
shared distinctive phrase (:mod:`.phrases`). Only statements of one story are
aligned. A *strong* link (high similarity, two shared phrases, one phrase and
a moderate similarity, the same words but a name, or the same proposition
once a denial is set aside) is needed for a negation, antonym or entity
contradiction; loose links only group statements that agree.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from ..model import Batch, Group, Mention
from .phrases import distinctive_phrases, same_words_but_names

__all__ = ["StatementSettings", "statement_groups"]


@dataclass(frozen=True)
class StatementSettings:
    statement_threshold: float = 0.8
    phrase_threshold: float = 0.25
    value_threshold: float = 0.55


def _phrase_evidence(shared: set, sim: float) -> bool:
    return len(shared) >= 2 or (len(shared) == 1 and sim >= 0.45)


def _gist(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit - 3].rsplit(" ", 1)[0] + " …"


class _UnionFind:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def statement_groups(batch: Batch, story: np.ndarray, ii: np.ndarray, jj: np.ndarray, ss: np.ndarray,
                     settings: StatementSettings) -> list[Group]:
    """Statement groups from the proposed claim pairs ``(ii, jj)`` with similarities ``ss``."""
    claims = batch.claims
    n = len(claims)
    phrases = distinctive_phrases([c.sentence.clean for c in claims])
    uf = _UnionFind(n)
    strong: set[tuple[int, int]] = set()
    same: set[tuple[int, int]] = set()
    sim: dict[int, float] = {}
    Xa = batch.Xa
    for i, j, s in zip(ii.tolist(), jj.tolist(), ss.tolist()):
        if story[i] != story[j]:
            continue
        ci, cj = claims[i], claims[j]
        shared = phrases[i] & phrases[j]
        same_prop = ci.negated != cj.negated and float(Xa[i] @ Xa[j]) >= settings.statement_threshold
        if same_prop:
            same.add((i, j))
        strong_edge = (s >= settings.statement_threshold or _phrase_evidence(shared, s) or same_prop or (
            s >= settings.value_threshold and same_words_but_names(ci.sentence.clean, cj.sentence.clean)))
        if strong_edge:
            strong.add((i, j))
        if strong_edge or (s >= settings.phrase_threshold and shared):
            uf.union(i, j)
            sim[i] = max(sim.get(i, 0.0), s)
            sim[j] = max(sim.get(j, 0.0), s)
    buckets: dict[int, list[int]] = defaultdict(list)
    for i in sim:
        buckets[uf.find(i)].append(i)
    strong_by: dict[int, list] = defaultdict(list)
    same_by: dict[int, list] = defaultdict(list)
    for pair in strong:
        strong_by[uf.find(pair[0])].append(pair)
    for pair in same:
        same_by[uf.find(pair[0])].append(pair)
    out = []
    for root, members in buckets.items():
        if len({claims[i].article for i in members}) < 2:
            continue
        members.sort()
        out.append(Group(kind="statement", mentions=tuple(Mention(i) for i in members),
                         fact=f"statement: {_gist(claims[members[0]].sentence.clean)}", key="statement",
                         similarity=min(sim[i] for i in members),
                         strong=tuple(sorted(strong_by[root])), same=tuple(sorted(same_by[root]))))
    return out
