"""Check new articles against each other and against a corpus.

Only the new articles are segmented, extracted and embedded. For each new
statement the corpus index proposes its ``k`` nearest stored statements
(and, for statements with values, the stored statements already close to
those: the corpus's own alignment of that fact); align and judge then run
on the new statements plus these neighbours only, never on every pair of
the corpus. Groups without a new statement are dropped before judging, so
a disagreement between two corpus articles never reaches the report.

The corpus stores its statements' vectors; what else align compares (the
affirmed text of a denial, each value's clause and counted noun) is embedded
only for the stored statements of a story that holds a new article, once the
stories are known (``prepare(..., defer=True)``, then
:func:`~consistency.pipeline.complete`), and the other stories are not
aligned at all: their groups could hold no new statement.
"""

from __future__ import annotations

from typing import Callable, Optional, Sequence

import numpy as np

from ..embed import Embedder, embed_claims
from ..model import Article, Report
from ..pipeline import judge_batch, prepare, with_publication_dates
from ..settings import Settings
from .store import Corpus

__all__ = ["check_with_corpus", "DEFAULT_NEIGHBOURS"]

#: Nearest corpus statements looked at per new statement.
DEFAULT_NEIGHBOURS = 20

Progress = Callable[[str, int, int], None]


def check_with_corpus(articles: Sequence[Article], corpus: Corpus, settings: Settings = Settings(), *,
                      embedder: Optional[Embedder] = None, k: int = DEFAULT_NEIGHBOURS,
                      progress: Optional[Progress] = None) -> Report:
    """Check ``articles`` (the new ones) against each other and against ``corpus``.

    Parameters
    ----------
    articles : sequence of Article
        The new articles. A stored copy of one of them (same path, or same
        text) is left out of the comparison.
    corpus : Corpus
    settings : Settings
    embedder : Embedder, optional
        Must be the corpus's model (:class:`~consistency.corpus.CorpusError` otherwise).
    k : int
        Nearest corpus statements per new statement.

    Returns
    -------
    report : Report
        ``articles`` are the new articles only; every finding involves at
        least one of them. ``settings`` tells the corpus size and how many
        corpus statements were compared.
    """
    from ..pipeline import claims_of, get_embedder

    if not isinstance(k, int) or isinstance(k, bool) or k < 1:
        raise ValueError(f"k (neighbours) must be a positive integer, got {k!r}")
    tick = progress or (lambda stage, done, total: None)
    nli = None
    if settings.nli_model:
        from ..judge.nli import load_nli
        nli = load_nli(settings.nli_model)  # before the slow stages: a bad model fails fast
    tick("segmenting", 0, len(articles))
    articles = with_publication_dates(articles, settings)
    claims = claims_of(articles, settings)
    n_new = len(claims)
    tick("embedding", 0, n_new)
    embedder = embedder or get_embedder(settings)
    corpus.check_model(embedder.name)
    if claims:
        X = embed_claims(claims, embedder)
    else:
        X = np.zeros((0, corpus.dim or 1), dtype=np.float32)
    tick("searching", 0, n_new)
    low = min(settings.value_threshold, settings.statement_threshold, settings.phrase_threshold)
    found = corpus.neighbours(X, k=k, min_sim=low, exclude=articles, value_sim=settings.value_threshold)
    all_claims = list(claims) + list(found.claims)
    Xall = np.vstack([X, found.vectors]) if len(found.claims) else X
    stats = corpus.stats()
    batch = prepare(all_claims, embedder, n_new=n_new, ids={**found.ids, **{a.path: a.id for a in articles}},
                    published={a.path: a.published for a in articles if a.published}, X=Xall, defer=True)
    return judge_batch(articles, batch, settings, model=embedder.name, nli=nli, tick=tick, embedder=embedder, extra={"corpus": corpus.path, "corpus_articles": stats["articles"],
                                          "corpus_statements": stats["statements"],
                                          "corpus_statements_compared": len(found.claims), "neighbours": k})
