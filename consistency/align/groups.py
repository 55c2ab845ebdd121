"""Stories, candidates, fact identity and groups: the align stage's entry points (see the package)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Optional, Sequence

import numpy as np

from ..judge.stances import forget_stances
from ..model import Batch, Claim, Group, Mention
from .cluster import link_groups
from .features import VALUE_FEATURES, candidate_pairs, mention_info, one_to_one, value_features
from .identity import LinearModel, load_models
from .neighbours import ANN_MIN_ROWS, row_dots, similar_pairs, sorted_unique
from .scope import value_scopes
from .statements import StatementSettings, statement_groups
from .stories import stories, story_labels, story_probabilities
from .values import disjoint, family, same_distinctive_value, values_match

__all__ = ["align", "find_candidates", "Candidates", "value_groups", "statement_groups_of", "group_order",
           "similar_pairs", "family", "values_match", "AlignSettings", "ANN_MIN_ROWS",
           "value_probabilities"]


#: Share of the threshold's probability that suffices to group two values that agree.
AGREE_EVIDENCE = 0.6

#: Story probability from which two articles count as one story when their values are weighed:
#: a value pair's probability is multiplied by ``min(1, P(story) / STORY_EVIDENCE)``. The story
#: model is fitted on pairs half of which are other events of one kind (ECB+), so for two articles
#: a user put in one batch its probability is cautious; 0.6 kept every contradiction of the news
#: batches (dev) and cut the ECB+ dev cross-event alarms by a fifth (1.0, the plain product, cut
#: them to a quarter but lost 4 of 39 news-batch contradictions).
STORY_EVIDENCE = 0.6
#: The same share for two statements of the very same distinctive value (:func:`.values.same_distinctive_value`):
#: "52 Fahrgäste" / "52 Insassen" is far more often one fact than chance.
SAME_VALUE_EVIDENCE = 0.35


@dataclass(frozen=True)
class AlignSettings:
    """Settings of the alignment stage.

    ``fact_threshold`` is the calibrated probability from which two values are
    one fact (and the average probability a group must keep);
    ``candidate_threshold`` the sentence similarity from which the bi-encoder
    proposes a pair at all. The other thresholds are those of statement
    alignment (:mod:`.statements`).
    """

    fact_threshold: float = 0.4
    time_threshold: float = 0.5
    candidate_threshold: float = 0.0
    story_threshold: float = 0.17
    value_threshold: float = 0.55
    statement_threshold: float = 0.8
    phrase_threshold: float = 0.25
    neighbours: int = 50
    method: str = "auto"

    @classmethod
    def from_settings(cls, settings) -> "AlignSettings":
        """The alignment part of a :class:`consistency.Settings`."""
        return cls(fact_threshold=settings.fact_threshold, time_threshold=settings.time_threshold,
                   value_threshold=settings.value_threshold,
                   statement_threshold=settings.statement_threshold, phrase_threshold=settings.phrase_threshold)


def _gist(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit - 3].rsplit(" ", 1)[0] + " …"


def _label(mentions: Sequence[Mention], claims: Sequence[Claim]) -> tuple[str, str]:
    qs = [claims[m.claim].values[m.value_index] for m in mentions]
    fam = family(qs[0])
    if fam == "time":
        kinds = Counter(q.kind for q in qs)
        kind = "date" if kinds.get("date") or kinds.get("relative_date") else "year"
        return f"{kind} in: {_gist(claims[mentions[0].claim].sentence.clean)}", "time"
    if fam == "clock":
        return f"time of day in: {_gist(claims[mentions[0].claim].sentence.clean)}", "clock"
    units = Counter(q.unit_key for q in qs if q.unit_key)
    nouns = Counter(q.unit for q in qs if q.unit)
    key_unit = units.most_common(1)[0][0] if units else "-"
    noun = nouns.most_common(1)[0][0] if nouns else None
    kind = qs[0].kind
    return (f"{noun} ({kind})" if noun else kind), f"{kind}:{key_unit}"


def value_probabilities(batch: Batch, F: np.ndarray, time: np.ndarray, models: Optional[dict] = None) -> np.ndarray:
    """Calibrated probability that each candidate pair (feature rows ``F``) is one fact.

    ``time`` (bool, shape (n_pairs,)) selects the model for points in time; the others use the quantity model.
    """
    m = models or load_models()
    p = np.zeros(len(F))
    for key, rows in (("value_time", time), ("value_quantity", ~time)):
        if rows.any():
            p[rows] = LinearModel.from_dict(m[key], VALUE_FEATURES).predict_proba(F[rows])
    return p


#: Stories with at most this many statements holding values compare all of them pairwise; larger
#: ones only the bi-encoder's proposals (each statement's ``neighbours`` most similar ones).
ALL_PAIRS_UP_TO = 250


def _story_pairs(batch: Batch, story: np.ndarray, ii: np.ndarray, jj: np.ndarray):
    """Statement pairs whose values are compared: every pair of value statements of one story from
    different articles (small stories), plus the bi-encoder's proposals. Average linkage counts a
    pair never compared as probability 0, so in a story every pair that can be compared should be."""
    art = batch.articles
    extra_i, extra_j = [ii], [jj]
    valued = np.flatnonzero([bool(c.values) for c in batch.claims]) if len(story) else np.zeros(0, dtype=np.int64)
    valued = valued[np.argsort(story[valued], kind="stable")]  # by story, each story's in claim order
    cuts = np.flatnonzero(np.diff(story[valued])) + 1
    for rows in np.split(valued.astype(np.int64), cuts):
        if len(rows) < 2 or len(rows) > ALL_PAIRS_UP_TO:
            continue
        a, b = np.triu_indices(len(rows), k=1)
        keep = art[rows[a]] != art[rows[b]]
        extra_i.append(rows[a][keep])
        extra_j.append(rows[b][keep])
    if len(extra_i) == 1:
        return ii, jj
    n = len(batch.claims)
    key = sorted_unique(np.concatenate(extra_i).astype(np.int64) * n + np.concatenate(extra_j))  # distinct pairs
    return key // n, key % n


#: Statement pairs whose value pairs are formed and gated at a time, and value pairs whose features
#: are computed at a time (:func:`scored_pairs`).
PAIR_BLOCK = 200_000


@dataclass(frozen=True)
class Candidates:
    """What value and statement alignment share: the stories of a batch and the statement pairs
    the bi-encoder proposes inside them (:func:`find_candidates`).

    Attributes
    ----------
    P : StoryProbabilities
        The scored article pairs.
    story : ndarray of shape (n_claims,)
        Story number of each claim.
    ii, jj, ss : ndarray of shape (n_pairs,)
        Proposed claim pairs (of different articles, one story) and their cosines.
    """

    P: object
    story: np.ndarray
    ii: np.ndarray
    jj: np.ndarray
    ss: np.ndarray


def find_candidates(batch: Batch, settings: AlignSettings = AlignSettings(),
                    models: Optional[dict] = None) -> Candidates:
    """Stories first, then the bi-encoder's proposals inside each story."""
    P = story_probabilities(batch, models)
    story = story_labels(P, batch.articles, settings.story_threshold)
    ii, jj, ss = similar_pairs(batch.X, batch.articles, settings.candidate_threshold, method=settings.method,
                               k=settings.neighbours, blocks=story)
    return Candidates(P, story, ii, jj, ss)


def scored_pairs(batch: Batch, settings: AlignSettings = AlignSettings(), models: Optional[dict] = None, *,
                 features: bool = True, candidates: Optional[Candidates] = None):
    """Stories, candidate value pairs, their features and probabilities (for :func:`align` and training).

    ``features=False`` (what :func:`align` asks) computes the features block by block and keeps
    only their probabilities: ``F`` is then ``None`` (it is 190 MB at 10,000 articles).
    ``candidates`` are those of :func:`find_candidates`, found here when not given.

    Returns
    -------
    story : ndarray (n_claims,); claim pairs ``(ii, jj, ss)``; ``ka, kb`` : ndarray (n_pairs,);
    F : ndarray (n_pairs, n_features) or None; p : ndarray (n_pairs,)
    """
    cand = candidates if candidates is not None else find_candidates(batch, settings, models)
    P, story, ii, jj, ss = cand.P, cand.story, cand.ii, cand.jj, cand.ss
    info = mention_info(batch)
    vi, vj = _story_pairs(batch, story, ii, jj)
    scopes = value_scopes(batch, story)
    # in blocks of statement pairs: the mention pairs of all of them at once (before the gates)
    # took hundreds of megabytes at 10,000 articles
    blocks = [candidate_pairs(batch, story, info, vi[s:s + PAIR_BLOCK], vj[s:s + PAIR_BLOCK], scopes)
              for s in range(0, len(vi), PAIR_BLOCK)] or [candidate_pairs(batch, story, info, vi, vj, scopes)]
    ka, kb = np.concatenate([b[0] for b in blocks]), np.concatenate([b[1] for b in blocks])
    del blocks, vi, vj
    # features and probabilities block by block too: concatenating the feature blocks held F twice,
    # and value_probabilities copies its rows twice (F[rows], F - mean); each row's numbers are
    # those of one call on all rows
    F = np.empty((len(ka), len(VALUE_FEATURES))) if features else None
    time = info.arrays.time[ka]  # info[a].time of each pair's first mention
    p = np.zeros(len(ka))
    for s in range(0, len(ka), PAIR_BLOCK):
        Fs = value_features(batch, ka[s:s + PAIR_BLOCK], kb[s:s + PAIR_BLOCK], info)
        if F is not None:
            F[s:s + PAIR_BLOCK] = Fs
        p[s:s + PAIR_BLOCK] = value_probabilities(batch, Fs, time[s:s + PAIR_BLOCK], models)
        del Fs
    if len(ka):
        # the value model is fitted on pairs of one story: it gives P(same fact | same story), and
        # facts of different stories are different facts, so P(same fact) = that x P(same story),
        # a story probability from STORY_EVIDENCE up counting as sure; pairs of a large batch the
        # story model did not score (not among each other's most alike) trust the clustering
        owner = np.array([m.claim for m in batch.mentions], dtype=np.int64)
        art = batch.articles[owner]
        ps = P.lookup(art[ka], art[kb], unscored=1.0)
        p = p * np.minimum(1.0, ps / STORY_EVIDENCE)
    return story, (ii, jj, ss), ka, kb, F, one_to_one(batch, ka, kb, p)


#: Statement pairs less alike than this (sentence and affirmed-text cosine) are never one statement.
STATEMENT_FLOOR = 0.25

#: Clause similarity from which a value is a restatement of the same value elsewhere in its article.
RESTATEMENT_SIMILARITY = 0.4


def _attach_restatements(batch: Batch, labels: np.ndarray, owner: np.ndarray) -> np.ndarray:
    """A value left alone that its own article states again, with the same number and unit, in a
    similar clause (a headline and its lead: "nach sieben Stunden beendet" / "Nach rund sieben
    Stunden gab der Täter auf") joins that statement's group: one finding holds every place an
    article states the fact."""
    labels = labels.copy()
    sizes = np.bincount(labels)
    for k in np.flatnonzero(sizes[labels] == 1).tolist():
        q = batch.value(k)
        best, best_sim = None, RESTATEMENT_SIMILARITY
        for j in np.flatnonzero((owner == owner[k]) & (sizes[labels] > 1)).tolist():
            r = batch.value(j)
            if r.value != q.value or r.unit_key != q.unit_key or r.kind != q.kind or family(r) != family(q):
                continue
            sim = float(batch.C[k] @ batch.C[j])
            if sim >= best_sim:
                best, best_sim = j, sim
        if best is not None:
            labels[k] = labels[best]
    return labels


def _agreeing(batch: Batch, ka: np.ndarray, kb: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per pair: do the two values agree (:func:`.values.disjoint` is false), and are they the very
    same distinctive value (:func:`.values.same_distinctive_value`)? Two bool arrays, shape (n_pairs,)."""
    qs = batch.values
    low = np.array([np.nan if q.low is None else q.low for q in qs], dtype=float)
    high = np.array([np.nan if q.high is None else q.high for q in qs], dtype=float)
    partial = np.array([q.partial for q in qs], dtype=bool)
    if len(ka) == 0:
        return np.zeros(0, dtype=bool), np.zeros(0, dtype=bool)
    known = ~(np.isnan(low[ka]) | np.isnan(high[ka]) | np.isnan(low[kb]) | np.isnan(high[kb]))
    with np.errstate(invalid="ignore"):
        apart = known & (partial[ka] == partial[kb]) & ((high[ka] < low[kb]) | (high[kb] < low[ka]))
    same = np.zeros(len(ka), dtype=bool)
    value = np.array([np.nan if q.value is None else q.value for q in qs], dtype=float)
    candidates = np.flatnonzero(value[ka] == value[kb])
    same[candidates] = [same_distinctive_value(qs[a], qs[b]) for a, b in zip(ka[candidates].tolist(),
                                                                               kb[candidates].tolist())]
    return ~apart, same


def _mixed(batch: Batch, ks: list[int], owner: np.ndarray) -> bool:
    """Does one article state two different values among mentions ``ks`` in unlike clauses
    (cosine below :data:`RESTATEMENT_SIMILARITY`)? Then they are two facts of that article."""
    by_article: dict[int, list[int]] = {}
    for k in ks:
        by_article.setdefault(int(owner[k]), []).append(k)
    for own in by_article.values():
        for x, a in enumerate(own):
            qa = batch.value(a)
            for b in own[x + 1:]:
                qb = batch.value(b)
                if (qa.low, qa.high, qa.raw) != (qb.low, qb.high, qb.raw) and \
                        float(batch.C[a] @ batch.C[b]) < RESTATEMENT_SIMILARITY:
                    return True
    return False


def _pair_maxima(n: int, ka: np.ndarray, kb: np.ndarray, p: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct unordered mention pairs of ``(ka, kb)`` as sorted keys ``min * n + max``, and
    each one's largest probability (at least 0; NaN ignored), as a dict ``{(a, b): max(0.0, p, ...)}``
    built pair by pair would give: in arrays, because that dict took some 250 MB at 10,000 articles."""
    if len(ka) == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0)
    ka, kb = np.asarray(ka, dtype=np.int64), np.asarray(kb, dtype=np.int64)
    key = np.minimum(ka, kb) * n + np.maximum(ka, kb)
    order = np.argsort(key, kind="stable")
    key = key[order]
    starts = np.flatnonzero(np.r_[True, key[1:] != key[:-1]])
    best = np.fmax.reduceat(np.asarray(p, dtype=float)[order], starts)  # fmax: a NaN never wins, as in max()
    # max(0.0, v) pair by pair: 0.0 unless some v > 0.0 (so -0.0 and all-NaN pairs are 0.0)
    return key[starts], np.where(best > 0.0, best, 0.0)


def _links(ks: list[int], n: int, pair_keys: np.ndarray, pair_p: np.ndarray, owner: np.ndarray) -> tuple:
    """``(x, y, probability)`` of each scored pair of mentions ``ks[x] < ks[y]`` (``x < y``) of two
    articles, in the order ``x``, then ``y``; probabilities from :func:`_pair_maxima`."""
    if len(ks) < 2 or len(pair_keys) == 0:
        return ()
    k = np.asarray(ks, dtype=np.int64)
    xs, ys = np.triu_indices(len(ks), k=1)  # row-major: x outer, y inner
    want = k[xs] * n + k[ys]
    idx = np.minimum(np.searchsorted(pair_keys, want), len(pair_keys) - 1)
    hit = (k[xs] < k[ys]) & (pair_keys[idx] == want) & (owner[k[xs]] != owner[k[ys]])
    return tuple((x, y, round(v, 4)) for x, y, v in zip(xs[hit].tolist(), ys[hit].tolist(), pair_p[idx[hit]].tolist()))


def align(batch: Batch, settings: AlignSettings = AlignSettings(), models: Optional[dict] = None) -> list[Group]:
    """Group the mentions that report the same fact across articles.

    Parameters
    ----------
    batch : Batch
    settings : AlignSettings
    models : dict, optional
        Fitted models (default: the ones shipped in the package).

    Returns
    -------
    groups : list of Group
        Value groups (every value of every claim is in exactly one group;
        unaligned values form single-mention groups; ``links`` holds the
        probability of each linked pair) and statement groups, in
        :func:`group_order`.
    """
    if not batch.claims:
        return []
    forget_stances()  # the stances of this batch's claims are computed once, here or when judged
    cand = find_candidates(batch, settings, models)
    groups = value_groups(batch, cand, settings, models) + statement_groups_of(batch, cand, settings)
    groups.sort(key=group_order)
    return groups


def group_order(g: Group) -> tuple:
    """The order :func:`align` returns groups in: by first mention, values before statements."""
    return g.mentions[0].claim, g.mentions[0].value_index or 0, g.kind


def value_groups(batch: Batch, cand: Candidates, settings: AlignSettings = AlignSettings(),
                 models: Optional[dict] = None) -> list[Group]:
    """The value groups of :func:`align`: every value of every claim in exactly one group."""
    claims = batch.claims
    _, _, ka, kb, _, p = scored_pairs(batch, settings, models, features=False, candidates=cand)
    owner = batch.articles[[m.claim for m in batch.mentions]] if batch.mentions else np.zeros(0, dtype=np.int64)
    # points in time and quantities never pair: each is grouped with its own threshold
    is_time = np.array([family(q) == "time" for q in batch.values], dtype=bool)
    pair_time = is_time[ka] if len(ka) else np.zeros(0, dtype=bool)
    n = len(batch.mentions)
    # Asymmetric costs: grouping two values that agree wrongly costs nothing, setting two values
    # against each other wrongly is a false alarm. Agreeing pairs need AGREE_EVIDENCE times the
    # probability that disagreeing ones need (the probability itself never looks at the values).
    agree, same = _agreeing(batch, ka, kb)
    weight = np.where(same, np.minimum(1.0, p / SAME_VALUE_EVIDENCE),
                      np.where(agree, np.minimum(1.0, p / AGREE_EVIDENCE), p))
    # the very same time to the minute in two reports of one story ("um 15.40 Uhr" / "at 3:40 pm")
    # is one fact whatever else their sentences say; two times of day that differ are mostly two
    # happenings of one day (the shooting at 3:15 a.m., the press conference at 10:45 a.m.: GVA
    # dev had 14 such alarms and no real one), so they are never linked
    clock = np.array([q.kind == "clock" for q in batch.values], dtype=bool)
    if len(ka):
        weight = np.where(same & clock[ka], 1.0, np.where(clock[ka] & ~agree, 0.0, weight))
    labels = np.zeros(n, dtype=np.int64)
    for offset, items, pairs, threshold in ((0, is_time, pair_time, settings.time_threshold),
                                            (n, ~is_time, ~pair_time, settings.fact_threshold)):
        sub = link_groups(n, ka[pairs], kb[pairs], weight[pairs], owner, threshold,
                          clash=lambda x, y: disjoint(batch.value(x), batch.value(y)))
        labels[items] = sub[items] + offset
    labels = _attach_restatements(batch, labels, owner)
    members: dict[int, list[int]] = {}
    for k, g in enumerate(labels.tolist()):
        members.setdefault(g, []).append(k)
    pair_keys, pair_p = _pair_maxima(n, ka, kb, p)
    groups: list[Group] = []
    for ks in members.values():
        ks.sort(key=lambda k: (batch.mentions[k].claim, batch.mentions[k].value_index))
        mentions = tuple(batch.mentions[k] for k in ks)
        links = _links(ks, n, pair_keys, pair_p, owner)
        label, key = _label(mentions, claims)
        sim = min((v for _, _, v in links), default=1.0)
        groups.append(Group(kind="value", mentions=mentions, fact=label, key=key, similarity=sim, links=links,
                            mixed=_mixed(batch, ks, owner)))
    return groups


def statement_groups_of(batch: Batch, cand: Candidates,
                        settings: AlignSettings = AlignSettings()) -> list[Group]:
    """The statement groups of :func:`align` (:func:`.statements.statement_groups`)."""
    story, ii, jj, ss = cand.story, cand.ii, cand.jj, cand.ss
    # statement alignment looks only at pairs of one story that are at all alike (the lowest
    # similarity any of its rules uses), filtered here in numpy rather than pair by pair
    xa = row_dots(batch.Xa, batch.Xa, ii, jj)
    near = (story[ii] == story[jj]) & ((ss >= min(settings.phrase_threshold, STATEMENT_FLOOR)) | (xa >= STATEMENT_FLOOR))
    ii, jj, ss, xa = ii[near], jj[near], ss[near], xa[near]
    return statement_groups(batch, story, ii, jj, ss, StatementSettings(
        settings.statement_threshold, settings.phrase_threshold, settings.value_threshold), xa=xa)
