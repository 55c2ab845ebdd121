"""Stage 4 — embed: claims in, an array of shape (n_claims, dim) out.

Numbers are masked before embedding (:func:`mask_numbers`), so statements
about the same quantity align even when their values differ; known entities
are written under one canonical name (:func:`consistency.extract.canonical_text`),
so "Pjöngjang" and "Pyongyang" look alike to the model.
"""

from __future__ import annotations

import re
from typing import Sequence

import numpy as np

from ..extract.entities import canonical_text
from ..model import Claim
from .cache import CachedEmbedder, ResultCache, default_cache_dir
from .engines import (ALIASES, DEFAULT_MODEL, Embedder, ModelLoadError, SentenceTransformerEmbedder,
                      TfidfEmbedder, UniversalSentenceEncoder, default_threads, load_embedder,
                      one_core_less)

__all__ = ["embed_claims", "embed_affirmed", "affirmed_text", "core_text", "embedding_text", "mask_numbers", "load_embedder", "CachedEmbedder", "ResultCache", "default_cache_dir",
           "Embedder", "ModelLoadError", "default_threads", "one_core_less", "DEFAULT_MODEL", "ALIASES", "UniversalSentenceEncoder",
           "SentenceTransformerEmbedder", "TfidfEmbedder"]

_DIGITS = re.compile(r"\d+(?:[.,\u202f\u00a0]\d+)*")


def mask_numbers(text: str) -> str:
    """Replace every numeral by ``#``: ``"mehr als 10.000 Container"`` -> ``"mehr als # Container"``."""
    return _DIGITS.sub("#", text)


def embedding_text(claim: Claim) -> str:
    """What is embedded for a claim: its clean text, entities canonical, numbers masked."""
    return mask_numbers(canonical_text(claim.sentence.clean))


def embed_claims(claims: Sequence[Claim], embedder: Embedder) -> np.ndarray:
    """Embed the number-masked, entity-normalised clean text of each claim.

    Returns
    -------
    X : ndarray of shape (n_claims, dim)
        L2-normalised rows, in the order of ``claims``.
    """
    return embedder.encode([embedding_text(c) for c in claims])


_REPORTING = re.compile(
    r"\b(?:sagte|sagten|sagt|erklärte|erklärten|berichtet|berichtete|berichteten|teilte|meldete|betonte|"
    r"hieß es|laut|zufolge|said|says|reported|told|according to|stated|announced)\b", re.I)


def core_text(text: str) -> str:
    """``text`` without its attribution clause: "X hat Y erhalten, sagte Z am
    Mittwoch" -> "X hat Y erhalten". Who says it is kept on the claim
    (``Claim.attribution``); what is said is what two statements share."""
    parts = re.split(r"(?<=[,;:])\s+|\s+[–—-]\s+", text)
    kept = [p for p in parts if not _REPORTING.search(p)]
    core = " ".join(kept).strip(" ,;:")
    return core if len(core.split()) >= 4 else text


def affirmed_text(claim: Claim) -> str:
    """What a claim says if it did not deny it, without who says so.

    "Russland hat keine Granaten erhalten, sagte Peskow" -> "Russland hat
    Granaten erhalten" (entities canonical, numbers masked).
    """
    text = core_text(embedding_text(claim))
    for cue in sorted(set(claim.negation_cues), key=len, reverse=True):
        text = re.sub(r"(?<!\w)" + re.escape(cue) + r"(?!\w)", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def embed_affirmed(claims: Sequence[Claim], X: np.ndarray, embedder: Embedder) -> np.ndarray:
    """``X`` with the rows of negated or attributed claims replaced by the
    embedding of their :func:`affirmed_text`.

    Parameters
    ----------
    claims : sequence of Claim, length n
    X : ndarray of shape (n, dim)
        The claims' embeddings (:func:`embed_claims`).

    Returns
    -------
    Xa : ndarray of shape (n, dim)
        Only claims whose affirmed text differs are embedded again.
    """
    rows = [i for i, c in enumerate(claims) if affirmed_text(c) != embedding_text(c)]
    Xa = X.copy()
    if rows:
        Xa[rows] = embedder.encode([affirmed_text(claims[i]) for i in rows])
    return Xa
