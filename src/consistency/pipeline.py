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
    tick("aligning", 0, len(claims))
    groups = align(claims, X, AlignSettings.from_settings(settings), affirmed=Xa)
    ids = {a.path: a.id for a in articles}
    findings = judge_all(groups, claims, ids, JudgeSettings(settings.exact_tolerance))
    if nli is not None:
        findings = annotate(findings, nli, {(c.article, c.sentence.start): c.sentence.clean for c in claims})
    counts: dict[str, int] = {}
    for c in claims:
        counts[c.article] = counts.get(c.article, 0) + 1
    statuses = tuple(ArticleStatus(path=a.path, id=a.id, sentences=counts.get(a.path, 0),
                                   language=a.language, error=a.error) for a in articles)
    tick("done", len(claims), len(claims))
    return Report(articles=statuses, findings=tuple(findings), statements=len(claims),
                  settings={"model": (embedder.name if embedder else settings.model),
                            "value_threshold": settings.value_threshold,
                            "statement_threshold": settings.statement_threshold,
                            "phrase_threshold": settings.phrase_threshold,
                            "tolerance": settings.tolerance},
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
