"""Stage 4 — embed: claims in, an array of shape (n_claims, dim) out.

Numbers are masked before embedding (:func:`mask_numbers`), so statements
about the same quantity align even when their values differ.
"""

from __future__ import annotations

import re
from typing import Sequence

import numpy as np

from ..model import Claim
from .cache import CachedEmbedder, default_cache_dir
from .engines import (ALIASES, DEFAULT_MODEL, Embedder, ModelLoadError, SentenceTransformerEmbedder,
                      TfidfEmbedder, UniversalSentenceEncoder, load_embedder)

__all__ = ["embed_claims", "mask_numbers", "load_embedder", "CachedEmbedder", "default_cache_dir",
           "Embedder", "ModelLoadError", "DEFAULT_MODEL", "ALIASES", "UniversalSentenceEncoder",
           "SentenceTransformerEmbedder", "TfidfEmbedder"]

_DIGITS = re.compile(r"\d+(?:[.,\u202f\u00a0]\d+)*")


def mask_numbers(text: str) -> str:
    """Replace every numeral by ``#``: ``"mehr als 10.000 Container"`` -> ``"mehr als # Container"``."""
    return _DIGITS.sub("#", text)


def embed_claims(claims: Sequence[Claim], embedder: Embedder) -> np.ndarray:
    """Embed the number-masked clean text of each claim.

    Returns
    -------
    X : ndarray of shape (n_claims, dim)
        L2-normalised rows, in the order of ``claims``.
    """
    return embedder.encode([mask_numbers(c.sentence.clean) for c in claims])
