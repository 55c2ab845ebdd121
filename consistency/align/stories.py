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
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

import numpy as np

from ..extract.dates import dateline_place
from ..lang import table
from ..model import Batch
from .identity import LinearModel, load_models
from .neighbours import similar_pairs

__all__ = ["STORY_FEATURES", "StoryProbabilities", "story_features", "story_probabilities", "story_labels", "stories", "ArticleProfile", "profiles"]

STORY_FEATURES = ("cos_mean", "best_match", "max_match", "name_overlap", "shared_names", "number_overlap",
                  "year_conflict", "date_gap", "date_known", "salient_min", "salient_max", "lead_cos", "names_known")
_YEAR = re.compile(r"\b(?:19[5-9]\d|20[0-4]\d)\b")
_CAP = re.compile(r"\b[A-ZÄÖÜ][\w'-]{2,}\b")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


class ArticleProfile:
    """What a story pair is judged on, per article: its statements' rows, names, numbers, date."""

    __slots__ = ("rows", "mean", "names", "salient", "mentioned", "numbers", "years", "published")

    def __init__(self, rows, mean, names, salient, numbers, years, published, mentioned=frozenset()):
        self.rows, self.mean, self.names, self.numbers, self.published = rows, mean, names, numbers, published
        self.salient, self.years, self.mentioned = salient, years, mentioned


@lru_cache(maxsize=None)
def _name_tables(lang: str):
    """``NOUN_MARKERS`` of ``lang`` as one pattern that ends where a noun would follow (None when
    the language has none), its ``FUNCTION_WORDS`` and ``GENITIVE_S``."""
    markers = table("NOUN_MARKERS", lang)
    rx = re.compile(r"(?:(?<![\w])(?:" + "|".join(markers) + r"))\s+$", re.I) if markers else None
    return rx, frozenset(table("FUNCTION_WORDS", lang)), bool(table("GENITIVE_S", lang))


def _name_key(word: str, lang: str) -> str:
    """One key for the forms of a name: lower-cased, without a possessive ("Putin's", German
    "Putins", "Russlands"). Both articles of a pair are keyed alike, so a common noun cut short
    ("Zirkus" -> "zirku") still matches itself."""
    w = word.lower()
    if w.endswith(("'s", "’s")):
        return w[:-2]
    return w[:-1] if _name_tables(lang)[2] and len(w) >= 5 and w.endswith("s") and not w.endswith("ss") else w


def _names(text: str, lang: str = "en") -> tuple[set[str], frozenset[str]]:
    """The names of ``text``, keyed by :func:`_name_key`, and the salient ones among them: those
    named at least twice (the article's protagonists and places).

    A name is a capitalised word that is not a function word (``FUNCTION_WORDS`` of
    :mod:`consistency.lang`) nor a sentence's first word, unless it is the place of a dateline
    ("Kleinbachheim – Ein Mann …"). Where a language capitalises every noun (German), it is not
    after a word that makes a common noun either (``NOUN_MARKERS``: an article, a determiner, an
    inflected adjective, a number: "die Polizei", "rund 42.000 Haushalte"), unless it is written
    in capitals (an acronym: "der DVRK", "die USA"); there the first part of a compound is a name
    wherever it stands ("des Seewiesen-Festivals", "Seewiesen-Festival zieht Bilanz": "Seewiesen").
    """
    marker, function, _ = _name_tables(lang)
    counts: dict[str, int] = {}
    for sent in re.split(r"(?<=[.!?:])\s+|\n", text):
        first = sent.split(maxsplit=1)[0] if sent.split() else ""
        place = dateline_place(sent)
        for m in _CAP.finditer(sent):
            w = m.group()
            if place is not None and m.end() <= place[1]:
                pass  # a dateline's place opens its sentence and is a name: "Kleinbachheim – Ein Mann …"
            elif w.lower() in function:
                continue
            elif w == first or (marker is not None and not w.isupper()
                                and marker.search(sent[max(0, m.start() - 30):m.start()])):
                # where every noun is capitalised, a compound's first part names its subject:
                # "des Seewiesen-Festivals", "Seewiesen-Festival zieht Bilanz"
                head = w.split("-", 1)[0]
                if marker is None or "-" not in w.strip("-") or len(head) < 3:
                    continue
                w = head
            key = _name_key(w, lang)
            counts[key] = counts.get(key, 0) + 1
    return set(counts), frozenset(w for w, c in counts.items() if c >= 2)


def _mentioned(text: str, lang: str = "en") -> frozenset[str]:
    """The keys (:func:`_name_key`) of every capitalised word of ``text`` and of every capitalised
    part of a compound, wherever it stands: what an article names at all ("Kim Jong Un sprach …"
    names Kim, though no name opens a sentence in :func:`_names`)."""
    out = set()
    for m in _CAP.finditer(text):
        for part in m.group().split("-"):
            if len(part) >= 3 and part[:1].isupper():
                out.add(_name_key(part, lang))
    return frozenset(out)


def profiles(batch: Batch) -> list[ArticleProfile]:
    """One profile per article, in the order of :attr:`Batch.articles` numbering."""
    art = batch.articles
    out = []
    # the claims of each article, found in one sort (not one scan of all claims per article)
    order = np.argsort(art, kind="stable")
    bounds = np.searchsorted(art[order], np.arange(int(art.max()) + 2 if len(art) else 1))
    for a in range(int(art.max()) + 1 if len(art) else 0):
        rows = order[bounds[a]:bounds[a + 1]]
        claims = [batch.claims[i] for i in rows]
        text = "\n".join(c.sentence.clean for c in claims)
        mean = batch.X[rows].mean(axis=0)
        norm = np.linalg.norm(mean)
        names, salient = _names(text, claims[0].sentence.language)
        out.append(ArticleProfile(rows, mean / norm if norm else mean, names, salient,
                                  set(_NUMBER.findall(text)), set(_YEAR.findall(text)),
                                  batch.published.get(claims[0].article),
                                  _mentioned(text, claims[0].sentence.language)))
    return out


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


#: The first statements of an article (headline, lead) that ``lead_cos`` compares.
LEAD = 3


def _covered(salient: frozenset, names: set) -> float:
    """Share of one article's salient names that the other article names at all (0.5: none salient)."""
    return len(salient & names) / len(salient) if salient else 0.5


def story_features(pa: ArticleProfile, pb: ArticleProfile, X: np.ndarray) -> list[float]:
    """The features of :data:`STORY_FEATURES` for one pair of articles.

    Two reports of one event name the same protagonists: ``salient_min`` / ``salient_max`` are
    the smaller and larger share of one article's salient names (named twice or more) that the
    other names at all (:func:`_mentioned`: wherever it stands); ``lead_cos`` is the best match
    among the first :data:`LEAD` statements (headline and lead), which say what the article is
    about. ``names_known`` is how many names
    the article naming fewer has (up to 8, scaled to 1): no name in common says little when one
    article names almost nothing (a short German report, whose nouns are no names).
    """
    return _features(pa, pb, X[pa.rows], X[pb.rows])


def _features(pa: ArticleProfile, pb: ArticleProfile, Va: np.ndarray, Vb: np.ndarray) -> list[float]:
    """:func:`story_features` from the two articles' statement embeddings ``Va``, ``Vb`` (shapes
    (n_a, dim), (n_b, dim)): a batch takes each article's rows once, not once per pair."""
    S = Va @ Vb.T
    best = top = lead = 0.0
    if S.size:
        rows_max = S.max(axis=1)
        best = 0.5 * (rows_max.sum() / S.shape[0] + S.max(axis=0).sum() / S.shape[1])
        top, lead = float(rows_max.max()), float(S[:LEAD, :LEAD].max())
    known = pa.published is not None and pb.published is not None
    gap = min(abs((pa.published - pb.published).days), 365) / 365 if known else 0.0
    ya, yb = pa.years | ({pa.published.year} if pa.published else set()), pb.years | (
        {pb.published.year} if pb.published else set())
    conflict = float(bool(ya and yb and not ya & yb))
    ca, cb = _covered(pa.salient, pb.mentioned), _covered(pb.salient, pa.mentioned)
    return [float(pa.mean @ pb.mean), float(best), top, _jaccard(pa.names, pb.names),
            min(len(pa.names & pb.names), 8) / 8, _jaccard(pa.numbers, pb.numbers), conflict, gap, float(known),
            min(ca, cb), max(ca, cb), lead, min(len(pa.names), len(pb.names), 8) / 8]


#: In batches of more articles than this, each article is compared with its this many most alike.
NEIGHBOUR_ARTICLES = 20


def _model(models: Optional[dict]) -> LinearModel:
    return LinearModel.from_dict((models or load_models())["story"], STORY_FEATURES)


@dataclass(frozen=True)
class StoryProbabilities:
    """The scored article pairs of a batch: probability that two articles report one story.

    Only pairs the story model scored are held (every pair in small batches; each article's most
    alike ones in large batches), so a batch of 10,000 articles needs no dense matrix.

    Attributes
    ----------
    k : int
        Number of articles.
    a, b : ndarray of shape (n_pairs,)
        The scored pairs, ``a < b``, sorted by ``(a, b)``.
    p : ndarray of shape (n_pairs,)
        Their probabilities.
    """

    k: int
    a: np.ndarray
    b: np.ndarray
    p: np.ndarray

    def lookup(self, x: np.ndarray, y: np.ndarray, unscored: float = np.nan) -> np.ndarray:
        """Probabilities of the article pairs ``(x[i], y[i])``, shape (n,): 1 where ``x == y``,
        ``unscored`` for pairs that were not scored."""
        x, y = np.asarray(x, dtype=np.int64), np.asarray(y, dtype=np.int64)
        lo, hi = np.minimum(x, y), np.maximum(x, y)
        keys = self.a * self.k + self.b
        want = lo * self.k + hi
        idx = np.searchsorted(keys, want)
        found = idx < len(keys)
        found[found] = keys[idx[found]] == want[found]
        out = np.full(len(x), unscored, dtype=float)
        out[found] = self.p[idx[found]]
        out[x == y] = 1.0
        return out


def story_probabilities(batch: Batch, models: Optional[dict] = None) -> StoryProbabilities:
    """Probability that two articles report one story, for the pairs worth scoring.

    In batches of up to :data:`NEIGHBOUR_ARTICLES` articles every pair is scored; in larger
    ones each article against its most alike articles only (the rest are other stories).
    """
    prof = profiles(batch)
    k = len(prof)
    empty = np.zeros(0, dtype=np.int64)
    if k < 2:
        return StoryProbabilities(k, empty, empty, np.zeros(0))
    if k > NEIGHBOUR_ARTICLES:
        # each article with its most alike (cosine at least 0.3): the bi-encoder's own search
        i, j, _ = similar_pairs(np.array([p.mean for p in prof]), np.arange(k), 0.3, method="exact",
                                k=NEIGHBOUR_ARTICLES)
        pairs = list(zip(i.tolist(), j.tolist()))
    else:
        pairs = [(a, b) for a in range(k) for b in range(a + 1, k)]
    if not pairs:
        return StoryProbabilities(k, empty, empty, np.zeros(0))
    V = [batch.X[pr.rows] for pr in prof]
    F = np.array([_features(prof[a], prof[b], V[a], V[b]) for a, b in pairs])
    p = _model(models).predict_proba(F)
    # The model was fitted on pairs in one language (its name and number overlaps are
    # language-bound): a German and an English article keep the batch's default, one story.
    lang = [batch.claims[int(pr.rows[0])].sentence.language if len(pr.rows) else None for pr in prof]
    ab = np.array(pairs, dtype=np.int64)
    same = np.array([lang[a] == lang[b] for a, b in pairs], dtype=bool)
    return StoryProbabilities(k, ab[:, 0], ab[:, 1], np.where(same, p, 1.0))


def story_labels(P: StoryProbabilities, articles: np.ndarray, threshold: float = 0.5) -> np.ndarray:
    """Story number of each claim, shape (n_claims,), from the article-pair probabilities.

    Parameters
    ----------
    P : StoryProbabilities
        From :func:`story_probabilities`; pairs not scored count as probability 0.
    articles : ndarray of shape (n_claims,)
        Article number of each claim (:attr:`Batch.articles`).
    threshold : float
        Articles are clustered by average linkage on ``1 - P``, cut where the average
        probability falls below ``threshold``.

    Notes
    -----
    Two articles joined by no chain of pairs at or above ``threshold`` can never be one story
    (every average between their clusters is below it), so each connected component of those
    pairs is clustered on its own: the same stories as one linkage over the whole batch, without
    its (k, k) matrix. Stories are numbered in the order of their first claim.
    """
    if len(articles) == 0:
        return articles
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components
    from scipy.spatial.distance import squareform

    k = P.k
    strong = P.p >= threshold
    graph = coo_matrix((np.ones(int(strong.sum())), (P.a[strong], P.b[strong])), shape=(k, k))
    _, comp = connected_components(graph, directed=False)
    label = np.zeros(k, dtype=np.int64)
    nxt = 0
    # articles and scored pairs by component, each sorted once (no pass over every pair per component)
    by_comp = np.argsort(comp, kind="stable")
    starts = np.searchsorted(comp[by_comp], np.arange(comp.max() + 2))
    inside = comp[P.a] == comp[P.b]
    pa, pb, pp = P.a[inside], P.b[inside], P.p[inside]
    pair_order = np.argsort(comp[pa], kind="stable")
    pa, pb, pp = pa[pair_order], pb[pair_order], pp[pair_order]
    pair_starts = np.searchsorted(comp[pa], np.arange(comp.max() + 2))
    pos = np.full(k, -1, dtype=np.int64)
    for c in range(int(comp.max()) + 1):
        rows = by_comp[starts[c]:starts[c + 1]]
        if len(rows) == 1:
            label[rows] = nxt
            nxt += 1
            continue
        pos[rows] = np.arange(len(rows))
        sa, sb = pos[pa[pair_starts[c]:pair_starts[c + 1]]], pos[pb[pair_starts[c]:pair_starts[c + 1]]]
        sub = np.zeros((len(rows), len(rows)))
        sub[sa, sb] = sub[sb, sa] = pp[pair_starts[c]:pair_starts[c + 1]]
        D = np.clip(1.0 - sub, 0.0, 1.0)
        np.fill_diagonal(D, 0.0)
        cut = fcluster(linkage(squareform(D, checks=False), method="average"), t=1.0 - threshold,
                       criterion="distance")
        label[rows] = nxt + cut - 1
        nxt += int(cut.max())
    story = label[articles]
    # number the stories by first appearance, whatever the order of components
    _, first, inverse = np.unique(story, return_index=True, return_inverse=True)
    order = np.argsort(np.argsort(first))
    return order[inverse].astype(np.int64)


def stories(batch: Batch, threshold: float = 0.5, models: Optional[dict] = None) -> np.ndarray:
    """Story number of each claim, shape (n_claims,): :func:`story_labels` of
    :func:`story_probabilities`."""
    if len(batch.articles) == 0:
        return batch.articles
    return story_labels(story_probabilities(batch, models), batch.articles, threshold)
