"""The persisted approximate-nearest-neighbour index of a corpus (usearch HNSW).

The SQLite database is the source of truth: it holds every claim's vector.
The index file beside it (``<db>.usearch``) is derived data that makes the
nearest-neighbour search sublinear. It is keyed by the claims' integer keys,
which are content hashes (the same article text always gives the same keys
and vectors), so the index can always be brought in line with the database
by a key diff: keys only in the index are removed, keys only in the
database are added (:meth:`VectorIndex.sync`). A lost, stale or corrupt
index file therefore costs time, never correctness.

The file is written to a temporary name and moved into place with
:func:`os.replace`, so a reader sees the old or the new index, never half
of one.
"""

from __future__ import annotations

import glob
import os
import tempfile
import time
from typing import Callable, Optional

import numpy as np

__all__ = ["VectorIndex", "remove_stale_temps", "STALE_TEMP_SECONDS"]

#: A temporary index file of another name than this corpus's (an older consistency,
#: a killed writer) older than this is removed by the next write.
STALE_TEMP_SECONDS = 3600


def _temp_prefix(path: str) -> str:
    return f".tmp-{os.path.basename(path)}-"


def remove_stale_temps(path: str) -> list[str]:
    """Remove the temporary files that a killed writer left beside the index ``path``.

    Call it only while holding the corpus's write lock: then no other writer
    of this corpus is writing its temporary file. Returns the removed paths.
    """
    folder = os.path.dirname(os.path.abspath(path))
    mine = os.path.join(folder, glob.escape(_temp_prefix(path)) + "*.usearch")
    legacy = os.path.join(folder, ".tmp-*.usearch")
    removed = []
    now = time.time()
    for f in sorted(set(glob.glob(mine)) | set(glob.glob(legacy))):
        try:
            if f in glob.glob(mine) or now - os.lstat(f).st_mtime > STALE_TEMP_SECONDS:
                os.unlink(f)
                removed.append(f)
        except OSError:
            pass  # gone meanwhile, or not ours to remove
    return removed


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _new(ndim: int, dtype: str):
    from usearch.index import Index

    return Index(ndim=ndim, metric="cos", dtype=dtype)


class VectorIndex:
    """A usearch HNSW index (cosine metric) over claim vectors.

    Parameters
    ----------
    ndim : int
        Width of the vectors.
    dtype : str
        Storage type of the index (``"f16"`` halves the file against
        ``"f32"``; the index only proposes neighbours, exact similarities
        are computed again from the float32 vectors of the database).
    """

    def __init__(self, ndim: int, dtype: str = "f16", _index=None):
        self.ndim = int(ndim)
        self.dtype = dtype
        self._index = _index if _index is not None else _new(self.ndim, dtype)
        self.view = False
        #: why the file could not be used ("missing", "corrupt", ...), None when it loaded
        self.problem: Optional[str] = None

    @classmethod
    def load(cls, path: str, ndim: int, *, dtype: str = "f16", view: bool = False) -> "VectorIndex":
        """Read the index at ``path``; a missing, unreadable or mismatched file gives an empty index.

        With ``view=True`` the file is memory-mapped (fast, read-only).
        """
        from usearch.index import Index

        idx, problem = None, None
        if not os.path.exists(path):
            problem = "missing"
        elif not os.path.isfile(path) or os.path.getsize(path) == 0:
            problem = "empty" if os.path.isfile(path) else "not a regular file"
        else:
            try:
                idx = Index.restore(path, view=view)
            except Exception:  # noqa: BLE001 - a corrupt index is rebuilt from the database
                idx = None
            if idx is None:
                problem = "corrupted"
            elif idx.ndim != ndim:
                idx, problem = None, f"of width {idx.ndim}, not {ndim}"
        out = cls(ndim, dtype, idx)
        out.view = view and idx is not None
        out.problem = problem
        return out

    def __len__(self) -> int:
        return len(self._index)

    def keys(self) -> np.ndarray:
        """Keys in the index, shape (n,), int64."""
        if len(self._index) == 0:
            return np.zeros(0, dtype=np.int64)
        return np.asarray(self._index.keys, dtype=np.uint64).astype(np.int64)

    def diff(self, db_keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """``(missing, extra)``: keys only in the database, keys only in the index."""
        mine = self.keys()
        db_keys = np.asarray(db_keys, dtype=np.int64)
        return np.setdiff1d(db_keys, mine), np.setdiff1d(mine, db_keys)

    def sync(self, db_keys: np.ndarray, fetch: Callable[[np.ndarray], np.ndarray]) -> tuple[int, int]:
        """Make the index hold exactly ``db_keys``.

        Parameters
        ----------
        db_keys : ndarray of shape (n,)
            Every claim key of the database.
        fetch : callable
            ``fetch(keys) -> ndarray of shape (len(keys), ndim)``: the vectors of keys to add.

        Returns
        -------
        added, removed : int
        """
        missing, extra = self.diff(db_keys)
        if (len(missing) or len(extra)) and self.view:
            raise RuntimeError("a memory-mapped index is read-only; load it with view=False to sync")
        if len(extra):
            self._index.remove(extra.astype(np.uint64))
        if len(missing):
            vecs = np.ascontiguousarray(fetch(missing), dtype=np.float32)
            # one thread: HNSW insertion from several threads builds a different graph on
            # every run, and with it different neighbours (reports must be reproducible)
            self._index.add(missing.astype(np.uint64), vecs, threads=1)
        return len(missing), len(extra)

    def search(self, queries: np.ndarray, count: int) -> tuple[np.ndarray, np.ndarray]:
        """The ``count`` nearest keys of each query.

        Parameters
        ----------
        queries : ndarray of shape (n_queries, ndim)
        count : int

        Returns
        -------
        keys : ndarray of shape (n_queries, count), int64
            ``-1`` where fewer than ``count`` neighbours exist.
        sims : ndarray of shape (n_queries, count), float32
            Cosine similarity (``-inf`` where ``keys`` is ``-1``).
        """
        n = queries.shape[0]
        count = max(1, min(int(count), len(self._index)))
        if n == 0 or len(self._index) == 0:
            return np.full((n, 0), -1, dtype=np.int64), np.zeros((n, 0), dtype=np.float32)
        self._index.expansion_search = max(64, 2 * count)
        m = self._index.search(np.ascontiguousarray(queries, dtype=np.float32), count)
        if hasattr(m, "counts"):  # BatchMatches
            keys = np.asarray(m.keys).reshape(n, -1)
            dist = np.asarray(m.distances, dtype=np.float32).reshape(n, -1)
            counts = np.asarray(m.counts).reshape(n)
        else:  # one query: Matches, already cut to what was found
            found = np.asarray(m.keys).reshape(-1)
            keys = np.zeros((1, count), dtype=np.uint64)
            dist = np.zeros((1, count), dtype=np.float32)
            keys[0, :len(found)] = found
            dist[0, :len(found)] = np.asarray(m.distances, dtype=np.float32).reshape(-1)
            counts = np.array([len(found)])
        valid = np.arange(keys.shape[1])[None, :] < counts[:, None]
        out_keys = np.where(valid, keys.astype(np.uint64).astype(np.int64), -1)
        # only the found entries: the others hold whatever usearch left there (arithmetic on
        # them can raise numpy RuntimeWarnings)
        sims = np.full(keys.shape, -np.inf, dtype=np.float32)
        sims[valid] = 1.0 - dist[valid]
        return out_keys, sims

    def save(self, path: str) -> None:
        """Write the index atomically: a temporary file in the same folder, then :func:`os.replace`."""
        folder = os.path.dirname(os.path.abspath(path))
        fd, tmp = tempfile.mkstemp(prefix=_temp_prefix(path), suffix=".usearch", dir=folder)
        os.close(fd)
        try:
            os.chmod(tmp, 0o666 & ~_umask())
            self._index.save(tmp)
            with open(tmp, "rb+") as fh:
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise

