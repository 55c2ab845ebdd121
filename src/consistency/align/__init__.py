"""Stage 5 — align: claims and their embeddings in, :class:`~consistency.model.Group` out.

The bi-encoder proposes: statements from different articles whose masked
embeddings are similar (:func:`similar_pairs`): ``value_threshold`` in
general, the lower ``unit_threshold`` when both values count the same named
thing ("Container" and "containers"). Rules decide: two values
join only if they are the same kind of fact (a point in time, a duration,
money in one currency, a percentage, a count) *and* their counted nouns fit
("10.000 Soldaten" never joins "10.000 Container"). Within a pair of
statements each value is matched to at most one value of the other, best
fit first, so a sentence with two years does not merge them.

Statements without values align on their whole meaning: either a very
high similarity, or a moderate one confirmed by a shared distinctive phrase
(:mod:`.phrases`). The judge compares them for negation.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Optional, Sequence

import numpy as np

from ..extract.units import units_compatible
from ..model import Claim, Group, Mention, Quantity
from .neighbours import ANN_MIN_ROWS, similar_pairs
from .phrases import distinctive_phrases, same_words_but_names

__all__ = ["align", "similar_pairs", "family", "values_match", "AlignSettings", "ANN_MIN_ROWS"]


@dataclass(frozen=True)
class AlignSettings:
    """Thresholds of the alignment stage (cosine similarity of masked statements)."""

    value_threshold: float = 0.55
    unit_threshold: float = 0.35
    statement_threshold: float = 0.8
    phrase_threshold: float = 0.25
    method: str = "auto"

    @classmethod
    def from_settings(cls, settings) -> "AlignSettings":
        """The alignment part of a :class:`consistency.Settings`."""
        return cls(value_threshold=settings.value_threshold, unit_threshold=settings.unit_threshold,
                   statement_threshold=settings.statement_threshold,
                   phrase_threshold=settings.phrase_threshold)


def family(q: Quantity) -> str:
    """The kind of fact a value states; only values of one family are compared."""
    if q.kind in ("date", "year", "relative_date"):
        return "time"
    if q.kind == "duration":
        return f"duration:{q.unit_key}"
    if q.kind == "money":
        return f"money:{q.unit_key}"
    if q.kind == "percent":
        return "percent"
    if q.kind == "ordinal":
        return "ordinal"
    return "count"


def values_match(a: Quantity, b: Quantity) -> bool:
    """Can ``a`` and ``b`` be statements of the same fact?

    Same family of fact; for counts and ordinals, counted nouns that fit;
    and, where both numbers' clauses name entities, at least one in common
    ("russische Verluste" and "ukrainische Verluste" are two facts); for
    counts of people, the same role where both have one (killed, injured,
    arrested).
    """
    fa = family(a)
    if fa != family(b):
        return False
    if a.subject and b.subject and not set(a.subject) & set(b.subject):
        return False
    if a.role and b.role and a.role != b.role:
        return False  # six killed and fourteen injured are two facts
    if fa in ("count", "ordinal"):
        return units_compatible(a.unit_key, b.unit_key)
    return True


def _phrase_evidence(shared: set, sim: float) -> bool:
    """Strong evidence of one statement: two shared distinctive phrases, or
    one with a moderate similarity (0.45). One phrase and a low similarity
    (``phrase_threshold``) is enough to group statements that agree, not to
    call them contradictory."""
    return len(shared) >= 2 or (len(shared) == 1 and sim >= 0.45)


def _same_counted_noun(a: Quantity, b: Quantity) -> bool:
    """Both values count the same named thing ("Container" and "containers")."""
    return (a.kind in ("count", "money", "ordinal") and a.unit_key is not None
            and a.unit_key == b.unit_key and a.kind == b.kind)


def _fit(a: Quantity, b: Quantity) -> tuple:
    """Sort key: best-fitting value pairs first."""
    same_unit = a.unit_key is not None and a.unit_key == b.unit_key
    overlap = (a.low is not None and b.low is not None and not (a.partial or b.partial)
               and a.low <= b.high and b.low <= a.high)
    same_raw = a.raw.lower() == b.raw.lower()
    return (not same_unit, not (overlap or same_raw), a.kind != b.kind)


class _UnionFind:
    def __init__(self, items):
        self.parent = {x: x for x in items}

    def find(self, x):
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _gist(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit - 3].rsplit(" ", 1)[0] + " …"


def _label(mentions: Sequence[Mention], claims: Sequence[Claim]) -> tuple[str, str]:
    qs = [claims[m.claim].values[m.value_index] for m in mentions]
    fam = family(qs[0])
    if fam == "time":
        kinds = Counter(q.kind for q in qs)
        kind = "date" if kinds.get("date") or kinds.get("relative_date") else "year"
        return f"{kind} in: {_gist(claims[mentions[0].claim].sentence.clean)}", "time"
    units = Counter(q.unit_key for q in qs if q.unit_key)
    nouns = Counter(q.unit for q in qs if q.unit)
    key_unit = units.most_common(1)[0][0] if units else "-"
    noun = nouns.most_common(1)[0][0] if nouns else None
    kind = qs[0].kind
    label = f"{noun} ({kind})" if noun else f"{kind}"
    return label, f"{kind}:{key_unit}"


def align(claims: Sequence[Claim], X: np.ndarray, settings: AlignSettings = AlignSettings(),
          affirmed: Optional[np.ndarray] = None) -> list[Group]:
    """Group the mentions that report the same fact across articles.

    Parameters
    ----------
    claims : sequence of Claim
    X : ndarray of shape (n_claims, dim)
        Embeddings of the claims (L2-normalised).
    affirmed : ndarray of shape (n_claims, dim), optional
        The same with negated claims embedded without their negation words
        (:func:`consistency.embed.embed_affirmed`). A denial and an
        affirmation whose affirmed texts reach ``statement_threshold`` are
        strongly linked: once the denial is set aside they say the same
        thing, in whatever language.

    Returns
    -------
    groups : list of Group
        Value groups (every value of every claim is in exactly one group;
        unaligned values form single-mention groups) and statement groups
        (claims aligned on their whole meaning across at least two articles;
        those whose members all carry values matter to the judge only for
        negation, antonym and entity contradictions).
    """
    n = len(claims)
    if n == 0:
        return []
    articles = {a: i for i, a in enumerate(dict.fromkeys(c.article for c in claims))}
    art = np.array([articles[c.article] for c in claims])
    low = min(settings.value_threshold, settings.unit_threshold, settings.statement_threshold,
              settings.phrase_threshold)
    ii, jj, ss = similar_pairs(X, art, low, method=settings.method)
    phrases = distinctive_phrases([c.sentence.clean for c in claims])

    mentions = [Mention(ci, vi) for ci, c in enumerate(claims) for vi in range(len(c.values))]
    uf = _UnionFind(mentions)
    edge_sim: dict[Mention, float] = {}
    st_uf = _UnionFind(range(n))
    strong: set[tuple[int, int]] = set()
    same: set[tuple[int, int]] = set()
    st_sim: dict[int, float] = {}
    for i, j, s in zip(ii.tolist(), jj.tolist(), ss.tolist()):
        ci, cj = claims[i], claims[j]
        if ci.values and cj.values and s >= min(settings.value_threshold, settings.unit_threshold):
            cands = [(_fit(a, b), ai, bj) for ai, a in enumerate(ci.values)
                     for bj, b in enumerate(cj.values) if values_match(a, b)
                     and (s >= settings.value_threshold or _same_counted_noun(a, b))]
            used_a, used_b = set(), set()
            for _, ai, bj in sorted(cands):
                if ai in used_a or bj in used_b:
                    continue
                used_a.add(ai)
                used_b.add(bj)
                ma, mb = Mention(i, ai), Mention(j, bj)
                uf.union(ma, mb)
                for m in (ma, mb):
                    edge_sim[m] = max(edge_sim.get(m, 0.0), s)
        shared = phrases[i] & phrases[j]
        same_proposition = ci.negated != cj.negated and (
            float((affirmed if affirmed is not None else X)[i] @ (affirmed if affirmed is not None else X)[j])
            >= settings.statement_threshold)
        if same_proposition:
            same.add((i, j))
        strong_edge = s >= settings.statement_threshold or _phrase_evidence(shared, s) or (
            s >= settings.value_threshold and same_words_but_names(ci.sentence.clean, cj.sentence.clean)) or (
            same_proposition)
        if strong_edge:
            strong.add((i, j))
        if strong_edge or (s >= settings.phrase_threshold and shared):
            st_uf.union(i, j)
            st_sim[i] = max(st_sim.get(i, 0.0), s)
            st_sim[j] = max(st_sim.get(j, 0.0), s)

    groups: list[Group] = []
    buckets: dict[Mention, list[Mention]] = defaultdict(list)
    for m in mentions:
        buckets[uf.find(m)].append(m)
    for members in buckets.values():
        members.sort(key=lambda m: (m.claim, m.value_index))
        label, key = _label(members, claims)
        sim = min((edge_sim[m] for m in members if m in edge_sim), default=1.0)
        groups.append(Group(kind="value", mentions=tuple(members), fact=label, key=key, similarity=sim))

    st_buckets: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        if i in st_sim:
            st_buckets[st_uf.find(i)].append(i)
    # strong and same pairs by group root, once: both ends of a pair share the root
    strong_by: dict[int, list] = defaultdict(list)
    same_by: dict[int, list] = defaultdict(list)
    for pair in strong:
        strong_by[st_uf.find(pair[0])].append(pair)
    for pair in same:
        same_by[st_uf.find(pair[0])].append(pair)
    for members in st_buckets.values():
        if len({claims[i].article for i in members}) < 2:
            continue
        members.sort()
        sim = min(st_sim[i] for i in members)
        root = st_uf.find(members[0])
        groups.append(Group(kind="statement", mentions=tuple(Mention(i) for i in members),
                            fact=f"statement: {_gist(claims[members[0]].sentence.clean)}",
                            key="statement", similarity=sim,
                            strong=tuple(sorted(strong_by[root])), same=tuple(sorted(same_by[root]))))
    groups.sort(key=lambda g: (g.mentions[0].claim, g.mentions[0].value_index or 0, g.kind))
    return groups
