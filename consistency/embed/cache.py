"""An on-disk embedding cache keyed by model name and text (SQLite)."""

from __future__ import annotations

import os
import sqlite3
from typing import Optional, Sequence

import numpy as np

from .engines import Embedder, text_key

__all__ = ["CachedEmbedder", "default_cache_dir"]


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
        self._db = sqlite3.connect(self.path, timeout=30)
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
        self.misses += sum(1 for k in keys if k in set(todo))
        self.hits += len(keys) - sum(1 for k in keys if k in set(todo))
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return np.vstack([found[k] for k in keys])

    def close(self) -> None:
        self._db.close()
