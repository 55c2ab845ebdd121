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
from .cache import CachedEmbedder, default_cache_dir
from .engines import (ALIASES, DEFAULT_MODEL, Embedder, ModelLoadError, SentenceTransformerEmbedder,
                      TfidfEmbedder, UniversalSentenceEncoder, load_embedder)

__all__ = ["embed_claims", "embedding_text", "mask_numbers", "load_embedder", "CachedEmbedder", "default_cache_dir",
           "Embedder", "ModelLoadError", "DEFAULT_MODEL", "ALIASES", "UniversalSentenceEncoder",
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
