"""Run the checker on many small batches with one embedding call.

Evaluations check thousands of tiny batches (a text/hypothesis pair, one
news cluster). Embedding each batch on its own would pay the model's
per-call overhead thousands of times; instead every text the pipeline will
ask for is collected first (by running the pipeline's own
:func:`~consistency.embed.embed_claims` against a recorder, so the texts are
exactly those it embeds), embedded in one call, and served from memory.
"""

from __future__ import annotations

from typing import Callable, Optional, Sequence

import numpy as np

from ..embed import Embedder
from ..model import Article, Report
from ..pipeline import check_articles, claims_of, get_embedder, prepare
from ..settings import Settings

__all__ = ["MemoEmbedder", "embedding_texts", "check_batches", "Progress"]

#: ``progress(stage, done, total)``
Progress = Callable[[str, int, int], None]


class _Recorder:
    """An embedder that only records what it is asked to embed."""

    name = "recorder"

    def __init__(self):
        self.texts: list[str] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        self.texts.extend(texts)
        return np.zeros((len(texts), 1), dtype=np.float32)


class MemoEmbedder:
    """Wrap an embedder with an in-memory memo: each distinct text is embedded once.

    Parameters
    ----------
    inner : Embedder
        Any engine of :mod:`consistency.embed` (possibly disk-cached).
    """

    def __init__(self, inner: Embedder):
        self.inner = inner
        self.name = inner.name
        self._memo: dict[str, np.ndarray] = {}
        self.calls = 0

    def prefetch(self, texts: Sequence[str], chunk: int = 4096,
                 progress: Optional[Progress] = None) -> None:
        """Embed the texts not yet in memory, in as few calls as ``chunk`` allows."""
        todo = [t for t in dict.fromkeys(texts) if t not in self._memo]
        for i in range(0, len(todo), chunk):
            part = todo[i:i + chunk]
            vecs = self.inner.encode(part)
            self.calls += 1
            self._memo.update(zip(part, np.asarray(vecs, dtype=np.float32)))
            if progress:
                progress("embedding", min(i + chunk, len(todo)), len(todo))

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Return an array of shape (n_texts, dim), rows as the inner engine gives them."""
        texts = list(texts)
        self.prefetch(texts)
        if not texts:
            dim = next(iter(self._memo.values())).shape[0] if self._memo else 1
            return np.zeros((0, dim), dtype=np.float32)
        return np.vstack([self._memo[t] for t in texts])


def embedding_texts(articles: Sequence[Article], settings: Settings) -> list[str]:
    """The texts the pipeline embeds for ``articles`` (in the pipeline's order)."""
    claims = claims_of(articles, settings)
    rec = _Recorder()
    if claims:
        prepare(claims, rec, ids={})
    return rec.texts


def check_batches(batches: Sequence[Sequence[Article]], settings: Settings = Settings(), *,
                  embedder: Optional[Embedder] = None, prefetch: bool = True,
                  progress: Optional[Progress] = None) -> list[Report]:
    """Check each batch of articles on its own, embedding all of them up front.

    Parameters
    ----------
    batches : sequence of sequence of Article
    settings : Settings
    embedder : Embedder, optional
        Loaded engine; by default the settings' model (with its disk cache).
    prefetch : bool
        Collect and embed every text up front (one extraction pass more);
        ``False`` when a :class:`MemoEmbedder` already holds them.

    Returns
    -------
    reports : list of Report
        One per batch, in order.
    """
    tick = progress or (lambda stage, done, total: None)
    memo = embedder if isinstance(embedder, MemoEmbedder) else MemoEmbedder(embedder or get_embedder(settings))
    if prefetch:
        texts: list[str] = []
        for i, arts in enumerate(batches):
            texts.extend(embedding_texts(arts, settings))
            if (i + 1) % 200 == 0:
                tick("extracting", i + 1, len(batches))
        memo.prefetch(texts, progress=tick)
    reports = []
    for i, arts in enumerate(batches):
        reports.append(check_articles(arts, settings, embedder=memo))
        if (i + 1) % 200 == 0 or i + 1 == len(batches):
            tick("checking", i + 1, len(batches))
    return reports
