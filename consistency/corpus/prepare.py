"""What every corpus backend shares: the articles to store, extracted and embedded.

Adding articles is the same on every backend (:mod:`.store` for SQLite,
:mod:`.postgres` for PostgreSQL): key each article (:func:`keyed`), skip
the unchanged ones (same text hash and extraction settings), extract the
claims of the others (:func:`extract`), reuse the vector of every
statement whose number-masked text is already stored, embed the rest
(:func:`embed`), then write them in one transaction (the backend's
``write``). :func:`ingest` runs these steps in one process; the Ray
pipeline (:mod:`consistency.ingest`) runs the same steps spread over a
cluster and calls the backend's ``write`` with what they produce, so both
build the same corpus.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from typing import Optional, Protocol, Sequence

import numpy as np

from ..embed import Embedder, embed_claims, mask_numbers
from ..model import Article, Claim
from ..settings import Settings

__all__ = ["Prepared", "Backend", "keyed", "extract", "embed", "ingest", "gone_keys"]


@dataclass(frozen=True)
class Prepared:
    """One article ready to be written to a corpus.

    Attributes
    ----------
    key : str
        The article's identity in the corpus (:func:`~consistency.corpus.article_key`).
    article : Article
        ``path`` is the stored path (relative to the corpus root).
    digest : str
        SHA-256 of the text.
    params : str
        The extraction settings that matter for this article (JSON).
    claims : tuple of Claim
    texts : tuple of str
        Each claim's number-masked clean text: the key its vector is stored under.
    vectors : ndarray of shape (n_claims, dim), optional
        float32; None until embedded.
    """

    key: str
    article: Article
    digest: str
    params: str
    claims: tuple = ()
    texts: tuple = ()
    vectors: Optional[np.ndarray] = None


class Backend(Protocol):
    """What :func:`ingest` needs of a corpus backend."""

    root: str

    def known(self, keys: Sequence[str]) -> dict[str, tuple[str, str]]: ...

    def stored_vectors(self, texts) -> dict[str, np.ndarray]: ...

    def check_model(self, name: str) -> None: ...

    def write(self, prepared: Sequence[Prepared], model: Optional[str], *,
              force: bool = False) -> tuple[list, list, list]: ...


def keyed(articles: Sequence[Article], settings: Settings, root: str) -> tuple[dict[str, Prepared], tuple[str, ...]]:
    """Key the readable articles (first of equal keys wins); the errors of the others.

    Returns
    -------
    items : dict
        Article key -> :class:`Prepared` without claims yet.
    errors : tuple of str
    """
    from .store import _params, _stored_path, _with_published, article_key, text_hash

    errors = tuple(a.error for a in articles if a.error)
    items: dict[str, Prepared] = {}
    for a in articles:
        if a.error:
            continue
        a = _with_published(a, settings)
        key = article_key(a, root)
        if key not in items:
            a = replace(a, path=_stored_path(a, root))
            items[key] = Prepared(key, a, text_hash(a.text), _params(a, settings))
    return items, errors


def extract(item: Prepared, settings: Settings) -> Prepared:
    """Segment and extract one article: its claims and their vector keys."""
    from ..pipeline import claims_of

    claims = tuple(claims_of([item.article], settings))
    return replace(item, claims=claims, texts=tuple(mask_numbers(c.sentence.clean) for c in claims))


def embed(items: Sequence[Prepared], embedder: Optional[Embedder],
          stored: Optional[dict] = None) -> tuple[list[Prepared], int, int]:
    """Give every claim its vector: the stored one for a known text, else a new one.

    Each distinct new text is embedded once (``embedder`` may be None when
    every text is in ``stored``).

    Returns
    -------
    items : list of Prepared
        With ``vectors`` set.
    embedded, reused : int
        Distinct texts embedded; claims whose vector was already stored.
    """
    stored = dict(stored or {})
    need: list[Claim] = []
    _new_claims(items, stored, set(), need)
    return _with_vectors(items, stored, need, embed_claims(need, embedder) if need else ())


def _new_claims(items: Sequence[Prepared], stored: dict, seen: set, need: list) -> None:
    """Append to ``need`` the first claim of each text of ``items`` neither in ``stored`` nor in
    ``seen`` (which it joins): what must be embedded, each text once."""
    for it in items:
        for c, t in zip(it.claims, it.texts):
            if t not in stored and t not in seen:
                seen.add(t)
                need.append(c)


def _with_vectors(items: Sequence[Prepared], stored: dict, need: Sequence[Claim],
                  X) -> tuple[list[Prepared], int, int]:
    """``items`` with their vectors: the stored one of a known text, else the row of ``X``
    (shape (len(need), dim)) of its claim in ``need``; and the counts of :func:`embed`."""
    vectors = dict(stored)
    for c, x in zip(need, X):
        vectors[mask_numbers(c.sentence.clean)] = np.asarray(x, dtype=np.float32)
    out = []
    for it in items:
        V = (np.vstack([vectors[t] for t in it.texts]).astype(np.float32) if it.texts
             else np.zeros((0, _width(vectors)), dtype=np.float32))
        out.append(replace(it, vectors=V))
    return out, len(need), sum(1 for it in items for t in it.texts if t in stored)


#: Articles whose texts are looked up among the stored vectors at a time (:func:`_extract_and_embed`).
LOOKUP_BLOCK = 100


def _extract_and_embed(corpus: Backend, items: Sequence[Prepared], settings: Settings,
                       embedder: Optional[Embedder]) -> tuple[list[Prepared], int, int, Optional[Embedder]]:
    """:func:`extract` then :func:`embed` of ``items`` against the corpus's stored vectors, both
    cores busy: from :data:`~consistency.pipeline.PROCESS_MIN_ARTICLES` articles on a forked
    process extracts while this one looks the texts up and a worker thread embeds the new ones
    (:class:`~consistency.pipeline.ChunkedEmbedding`: the vectors of one :func:`embed` call). The
    model is loaded only if something must be embedded, and checked against the corpus
    (``check_model``) before it embeds.

    Returns
    -------
    items : list of Prepared
        With claims, texts and vectors.
    embedded, reused : int
        As :func:`embed`.
    embedder : Embedder or None
        The one given, or the one loaded.
    """
    from ..pipeline import ChunkedEmbedding, _extract_forked, extracted_claims, get_embedder

    if embedder is not None:
        corpus.check_model(embedder.name)
    forked = _extract_forked(len(items))
    extracted: list[Prepared] = []
    block: list[Prepared] = []
    stored: dict = {}
    seen: set[str] = set()
    need: list[Claim] = []

    def look_up() -> None:
        stored.update(corpus.stored_vectors({t for it in block for t in it.texts if t not in seen}))
        _new_claims(block, stored, seen, need)
        block.clear()

    def model() -> Embedder:
        nonlocal embedder
        if embedder is None:
            embedder = get_embedder(settings)
            corpus.check_model(embedder.name)
        return embedder

    with ChunkedEmbedding(model, lambda: forked) as embedding:
        found = extracted_claims([it.article for it in items], settings, forked=forked)
        try:
            for it, claims in zip(items, found):
                it = replace(it, claims=claims, texts=tuple(mask_numbers(c.sentence.clean) for c in claims))
                extracted.append(it)
                block.append(it)
                if len(block) >= LOOKUP_BLOCK:
                    look_up()
                embedding.send(need)
        finally:
            found.close()
        look_up()
        parts = embedding.parts(need)
    return (*_with_vectors(extracted, stored, need, np.vstack(parts) if parts else ()), embedder)


def _width(vectors: dict) -> int:
    return next(iter(vectors.values())).shape[0] if vectors else 0


def ingest(corpus: Backend, items: dict[str, Prepared], settings: Settings, embedder: Optional[Embedder], *,
           errors: tuple = (), force: bool = False):
    """Add keyed articles to ``corpus`` in this process (see the module docstring).

    Returns
    -------
    AddResult
    """
    from .store import AddResult

    known = corpus.known(list(items))
    todo = {k: v for k, v in items.items() if force or known.get(k) != (v.digest, v.params)}
    unchanged = [items[k].article.path for k in items if k not in todo]
    if not todo:
        return AddResult(unchanged=tuple(unchanged), errors=errors)
    # Extract and embed outside the write transaction.
    ready, embedded, reused, embedder = _extract_and_embed(corpus, list(todo.values()), settings, embedder)
    added, updated, same = corpus.write(ready, embedder.name if embedder is not None else None, force=force)
    return AddResult(added=tuple(added), updated=tuple(updated), unchanged=tuple(unchanged + same),
                     errors=errors, embedded=embedded, reused=reused)


def gone_keys(keys: Sequence[str], present: Sequence[Article], root: str) -> list[str]:
    """Stored article keys whose file no longer exists, and stored records of the JSONL
    files among ``present`` that are no longer in them (what ``prune`` removes)."""
    from .store import article_key

    here = {article_key(a, root) for a in present if not a.error}
    files = {k.rsplit("#", 1)[0] for k in here if "#" in k}
    gone = []
    for k in keys:
        file = k.rsplit("#", 1)[0] if "#" in k and k.rsplit("#", 1)[0].lower().endswith(".jsonl") else k
        path = file if os.path.isabs(file) else os.path.join(root, file)
        if not os.path.exists(path) or (file in files and k not in here):
            gone.append(k)
    return gone
