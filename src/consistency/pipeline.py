"""The whole pipeline: paths in, a Report out. Never prints, never exits."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Callable, Iterable, Optional, Sequence

import numpy as np

from .align import AlignSettings, align
from .embed import CachedEmbedder, Embedder, embed_affirmed, embed_claims, load_embedder
from .extract import extract_claims
from .extract.dates import find_publication_date
from .judge import JudgeSettings, judge_all
from .judge.nli import NliScorer, annotate, load_nli
from .model import Article, ArticleStatus, Claim, Report
from .read import read_paths
from .segment import segment
from .settings import Settings

__all__ = ["check", "check_articles", "claims_of", "get_embedder"]

Progress = Callable[[str, int, int], None]
_EMBED_CHUNK = 256  # claims embedded per progress tick


def get_embedder(settings: Settings) -> Embedder:
    """Load the settings' embedding model, wrapped in the disk cache unless disabled."""
    embedder = load_embedder(settings.model)
    if settings.cache_dir == "":
        return embedder
    return CachedEmbedder(embedder, settings.cache_dir)


def _dedupe(claims: list[Claim]) -> list[Claim]:
    """Drop a statement repeated word for word within one article (a headline
    printed twice): it is one statement, not two."""
    seen: set[tuple[str, str]] = set()
    out = []
    for c in claims:
        key = (c.article, c.sentence.clean)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


def claims_of(articles: Sequence[Article], settings: Settings) -> list[Claim]:
    """Segment and extract every readable article."""
    pub = dict(settings.published)
    claims: list[Claim] = []
    for a in articles:
        if a.error:
            continue
        if a.published is None:
            stated = pub.get(a.path) or pub.get(a.id)
            found = date.fromisoformat(stated) if stated else find_publication_date(a.view or a.text)
            if found is not None:
                a = replace(a, published=found)
        claims.extend(extract_claims(a, segment(a), settings.tolerance))
    return _dedupe(claims)


def check_articles(articles: Sequence[Article], settings: Settings = Settings(), *,
                   embedder: Optional[Embedder] = None, progress: Optional[Progress] = None,
                   nli: Optional[NliScorer] = None) -> Report:
    """Check already-read articles against each other.

    ``nli`` is a loaded NLI judge (:func:`consistency.judge.nli.load_nli`); without one it is
    loaded from ``settings.nli_model`` when that is set. It only annotates findings.
    """
    tick = progress or (lambda stage, done, total: None)
    if nli is None and settings.nli_model:
        nli = load_nli(settings.nli_model)  # before the slow stages: a bad model fails fast
    tick("segmenting", 0, len(articles))
    claims = claims_of(articles, settings)
    tick("embedding", 0, len(claims))
    if claims:
        embedder = embedder or get_embedder(settings)
        parts = []
        for i in range(0, len(claims), _EMBED_CHUNK):  # in chunks, so progress can tick
            parts.append(embed_claims(claims[i:i + _EMBED_CHUNK], embedder))
            tick("embedding", min(i + _EMBED_CHUNK, len(claims)), len(claims))
        X = np.vstack(parts)
        Xa = embed_affirmed(claims, X, embedder)
    else:
        X = Xa = np.zeros((0, 1), dtype=np.float32)
    return judge_claims(articles, claims, claims, X, Xa, settings, model=(embedder.name if embedder else settings.model),
                        ids={a.path: a.id for a in articles}, nli=nli, tick=tick)


def judge_claims(articles: Sequence[Article], new_claims: Sequence[Claim], all_claims: Sequence[Claim],
                 X: np.ndarray, Xa: np.ndarray, settings: Settings, *, model: Optional[str], ids: dict,
                 nli=None, tick: Optional[Progress] = None, extra: Optional[dict] = None) -> Report:
    """Align, judge and report: the part a plain check and a corpus check share.

    Parameters
    ----------
    articles : the new articles (listed in the report)
    new_claims : their claims, the first ``len(new_claims)`` of ``all_claims``
    all_claims : new claims followed by any corpus claims compared with them
    X, Xa : ndarray of shape (len(all_claims), dim)
        Embeddings, and embeddings of the affirmed texts (:func:`consistency.embed.embed_affirmed`).
    ids : dict
        Article path -> stable id, for every article of ``all_claims``.
    extra : dict, optional
        More entries for ``Report.settings``.

    Only groups with at least one new claim are judged: corpus articles that
    disagree among themselves are not this batch's findings.
    """
    tick = tick or (lambda stage, done, total: None)
    n_new = len(new_claims)
    tick("aligning", 0, len(all_claims))
    groups = align(all_claims, X, AlignSettings.from_settings(settings), affirmed=Xa)
    if len(all_claims) > n_new:
        groups = [g for g in groups if any(m.claim < n_new for m in g.mentions)]
    findings = judge_all(groups, all_claims, ids, JudgeSettings(settings.exact_tolerance))
    if nli is not None:
        findings = annotate(findings, nli, {(c.article, c.sentence.start): c.sentence.clean for c in all_claims})
    counts: dict[str, int] = {}
    for c in new_claims:
        counts[c.article] = counts.get(c.article, 0) + 1
    statuses = tuple(ArticleStatus(path=a.path, id=a.id, sentences=counts.get(a.path, 0),
                                   language=a.language, error=a.error) for a in articles)
    tick("done", n_new, n_new)
    return Report(articles=statuses, findings=tuple(findings), statements=n_new,
                  settings={"model": model,
                            "value_threshold": settings.value_threshold,
                            "unit_threshold": settings.unit_threshold,
                            "statement_threshold": settings.statement_threshold,
                            "phrase_threshold": settings.phrase_threshold,
                            "tolerance": settings.tolerance, **(extra or {})},
                  texts={a.path: a.text for a in articles if not a.error})


def check(paths: Iterable[str] | str, settings: Settings = Settings(), *,
          embedder: Optional[Embedder] = None, progress: Optional[Progress] = None) -> Report:
    """Check a batch of articles for facts they agree and disagree on.

    Parameters
    ----------
    paths : str or iterable of str
        Files, folders and glob patterns.
    settings : Settings
    embedder : Embedder, optional
        A loaded embedding engine (to reuse one across calls).

    Returns
    -------
    report : Report
    """
    if isinstance(paths, str):
        paths = [paths]
    if progress:
        progress("reading", 0, 0)  # total unknown until the paths are expanded
    articles = read_paths(paths, max_bytes=settings.max_bytes)
    return check_articles(articles, settings, embedder=embedder, progress=progress)
