"""Event before fact: which articles of a batch report the same story.

Two articles about two different events of one kind (two shootings, two
rehab stays, two acquisitions) share most of their words; what tells them
apart is who, where and when. :func:`story_features` describes a pair of
articles by the similarity of their statements and by the names, numbers and
dates they share; a fitted, calibrated model (:mod:`.identity`, entry
``story``) turns that into the probability that both report one story, and
:func:`stories` clusters the articles on it (average linkage, so a chain of
loose links does not join two stories). Facts of different stories are never
compared.
"""

from __future__ import annotations

import re
from typing import Optional

import numpy as np

from ..model import Batch
from .identity import LinearModel, load_models

__all__ = ["STORY_FEATURES", "story_features", "story_probabilities", "stories", "ArticleProfile", "profiles"]

STORY_FEATURES = ("cos_mean", "best_match", "max_match", "name_overlap", "shared_names", "number_overlap",
                  "year_conflict", "date_gap", "date_known")
_YEAR = re.compile(r"\b(?:19[5-9]\d|20[0-4]\d)\b")
_NAME = re.compile(r"(?<![\w.!?]\s)(?<!^)\b([A-ZÄÖÜ][\w'-]{2,})", re.M)
_CAP = re.compile(r"\b[A-ZÄÖÜ][\w'-]{2,}\b")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


class ArticleProfile:
    """What a story pair is judged on, per article: its statements' rows, names, numbers, date."""

    __slots__ = ("rows", "mean", "names", "numbers", "years", "published")

    def __init__(self, rows, mean, names, numbers, years, published):
        self.rows, self.mean, self.names, self.numbers, self.published = rows, mean, names, numbers, published
        self.years = years


def _names(text: str) -> set[str]:
    out = set()
    for sent in re.split(r"(?<=[.!?])\s+", text):
        words = _CAP.findall(sent)
        first = sent.split(maxsplit=1)[0] if sent.split() else ""
        out.update(w.lower() for w in words if w != first)
    return out


def profiles(batch: Batch) -> list[ArticleProfile]:
    """One profile per article, in the order of :attr:`Batch.articles` numbering."""
    art = batch.articles
    out = []
    for a in range(int(art.max()) + 1 if len(art) else 0):
        rows = np.flatnonzero(art == a)
        claims = [batch.claims[i] for i in rows]
        text = " ".join(c.sentence.clean for c in claims)
        mean = batch.X[rows].mean(axis=0)
        norm = np.linalg.norm(mean)
        out.append(ArticleProfile(rows, mean / norm if norm else mean, _names(text),
                                  set(_NUMBER.findall(text)), set(_YEAR.findall(text)),
                                  batch.published.get(claims[0].article)))
    return out


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def story_features(pa: ArticleProfile, pb: ArticleProfile, X: np.ndarray) -> list[float]:
    """The features of :data:`STORY_FEATURES` for one pair of articles."""
    S = X[pa.rows] @ X[pb.rows].T
    best = 0.5 * (S.max(axis=1).sum() / S.shape[0] + S.max(axis=0).sum() / S.shape[1]) if S.size else 0.0
    known = pa.published is not None and pb.published is not None
    gap = min(abs((pa.published - pb.published).days), 365) / 365 if known else 0.0
    ya, yb = pa.years | ({pa.published.year} if pa.published else set()), pb.years | (
        {pb.published.year} if pb.published else set())
    conflict = float(bool(ya and yb and not ya & yb))
    return [float(pa.mean @ pb.mean), float(best), float(S.max()) if S.size else 0.0, _jaccard(pa.names, pb.names),
            min(len(pa.names & pb.names), 8) / 8, _jaccard(pa.numbers, pb.numbers), conflict, gap, float(known)]


#: In batches of more articles than this, each article is compared with its this many most alike.
NEIGHBOUR_ARTICLES = 20


def _model(models: Optional[dict]) -> LinearModel:
    return LinearModel.from_dict((models or load_models())["story"], STORY_FEATURES)


def story_probabilities(batch: Batch, models: Optional[dict] = None) -> np.ndarray:
    """Probability that two articles report one story, shape (n_articles, n_articles); 1 on the diagonal."""
    prof = profiles(batch)
    k = len(prof)
    P = np.eye(k)
    if k < 2:
        return P
    M = np.array([p.mean for p in prof])
    C = M @ M.T
    np.fill_diagonal(C, -2.0)
    if k > NEIGHBOUR_ARTICLES:
        # large batches: each article against its most alike articles only (the rest are other stories)
        near = np.argpartition(-C, NEIGHBOUR_ARTICLES, axis=1)[:, :NEIGHBOUR_ARTICLES]
        pairs = sorted({(min(a, int(b)), max(a, int(b))) for a in range(k) for b in near[a] if C[a, b] >= 0.3})
    else:
        pairs = [(a, b) for a in range(k) for b in range(a + 1, k)]
    if not pairs:
        return P
    F = np.array([story_features(prof[a], prof[b], batch.X) for a, b in pairs])
    p = _model(models).predict_proba(F)
    # The model was fitted on pairs in one language (its name and number overlaps are
    # language-bound): a German and an English article keep the batch's default, one story.
    lang = [batch.claims[int(pr.rows[0])].sentence.language if len(pr.rows) else None for pr in prof]
    for (a, b), v in zip(pairs, p):
        P[a, b] = P[b, a] = v if lang[a] == lang[b] else 1.0
    return P


def stories(batch: Batch, threshold: float = 0.5, models: Optional[dict] = None) -> np.ndarray:
    """Story number of each claim, shape (n_claims,).

    Articles are clustered by average linkage on ``1 - P`` (P from
    :func:`story_probabilities`), cut where the average probability falls
    below ``threshold``.
    """
    art = batch.articles
    if len(art) == 0:
        return art
    P = story_probabilities(batch, models)
    k = P.shape[0]
    if k == 1:
        return np.zeros(len(art), dtype=np.int64)
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    D = np.clip(1.0 - P, 0.0, 1.0)
    np.fill_diagonal(D, 0.0)
    Z = linkage(squareform(D, checks=False), method="average")
    labels = fcluster(Z, t=1.0 - threshold, criterion="distance")
    return (labels - 1)[art].astype(np.int64)
