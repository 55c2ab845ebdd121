"""Corpus ingestion as a Ray Data pipeline (see the package)."""

from __future__ import annotations

import contextlib
import os
import pickle
from dataclasses import dataclass, replace
from typing import Callable, Optional, Sequence

import numpy as np

from ..settings import Settings

__all__ = ["add_with_ray", "preload", "RayError", "RayAddResult"]

Progress = Callable[[str, int, int], None]
#: Vectors an embedding actor keeps (by number-masked text) so that a statement repeated across
#: batches is embedded once per actor (about 2 KB each: 200,000 take 400 MB).
MEMO_SIZE = 200_000


class RayError(RuntimeError):
    """Ray is missing or the cluster cannot be reached."""


@dataclass(frozen=True)
class RayAddResult:
    """What :func:`add_with_ray` did (the fields of :class:`~consistency.corpus.AddResult`, plus counts)."""

    added: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()
    embedded: int = 0
    reused: int = 0
    files: int = 0


def _dumps(obj) -> bytes:
    return pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)


def _read(row: dict, *, settings: Settings, root: str, ignore: tuple, max_bytes: int) -> list[dict]:
    """Read one file into keyed articles (rows of pickled :class:`Prepared`), or its errors."""
    from ..config import is_ignored
    from ..corpus.prepare import keyed
    from ..read import read_file

    articles = [a for a in read_file(row["path"], max_bytes=max_bytes) if not is_ignored(a.path, ignore, root)]
    items, errors = keyed(articles, settings, root)
    out = [{"key": "", "item": b"", "error": e, "unchanged": False} for e in errors]
    out += [{"key": k, "item": _dumps(it), "error": "", "unchanged": False} for k, it in items.items()]
    return out


def _unchanged(batch: dict, *, corpus: str, known_ref, root: str) -> dict:
    """Flag the articles stored with the same text and settings (reported, never extracted again)."""
    keys = [k for k in batch["key"].tolist() if k]
    if known_ref is None:  # a server corpus: ask it, batch by batch
        from ..corpus import open_corpus

        with open_corpus(corpus, root=root) as c:
            known = c.known(keys)
    else:
        import ray

        known = ray.get(known_ref) if isinstance(known_ref, ray.ObjectRef) else known_ref
    flags = []
    for key, blob, err in zip(batch["key"], batch["item"], batch["error"]):
        it = pickle.loads(blob) if not err and key in known else None
        flags.append(it is not None and known[key] == (it.digest, it.params))
    return {**batch, "unchanged": np.array(flags, dtype=bool)}


class _ExtractEmbed:
    """Segment, extract and embed a batch of articles (an actor: the model is loaded once)."""

    def __init__(self, settings: Settings):
        from ..pipeline import get_embedder

        self.settings = settings
        self.embedder = get_embedder(settings)
        self.memo: dict[str, np.ndarray] = {}  # vectors this actor embedded, by number-masked text

    def __call__(self, batch: dict) -> dict:
        from ..corpus.prepare import embed, extract

        idx = [i for i, (e, u) in enumerate(zip(batch["error"], batch["unchanged"])) if not e and not u]
        items = [extract(pickle.loads(batch["item"][i]), self.settings) for i in idx]
        seen = {t: self.memo[t] for it in items for t in it.texts if t in self.memo}
        ready, embedded, _ = embed(items, self.embedder, seen)
        if len(self.memo) > MEMO_SIZE:
            self.memo.clear()
        for it in ready:
            self.memo.update(zip(it.texts, it.vectors))
        blobs = list(batch["item"])
        for i, it in zip(idx, ready):
            blobs[i] = _dumps(it)
        n = len(blobs)
        out = dict(batch)
        out["item"] = np.array(blobs + [None], dtype=object)[:n]  # keep a 1-d object array of bytes
        out["embedded"] = np.zeros(n, dtype=np.int64)
        if n:
            out["embedded"][0] = embedded
        out["model"] = np.array([self.embedder.name] * n, dtype=object)
        return out


def preload() -> None:
    """Import Ray now, before anything loads usearch (the SQLite corpus's index).

    Ray's C++ core aborts in :func:`ray.init` (``std::regex_error``) when the
    usearch extension was loaded into the process first; loaded the other way
    round, both work. The CLI calls this before it opens the corpus.
    """
    try:
        import ray  # noqa: F401
    except ImportError:
        raise RayError("--ray needs the Ray package: pip install 'consistency[ray]' (or 'ray[data]')") from None


def _init(address: str, workers: Optional[int]):
    import sys

    if "usearch.index" in sys.modules and "ray" not in sys.modules:
        raise RayError("Ray must be imported before usearch in this process (consistency.ingest.preload()): "
                       "Ray's core aborts otherwise")
    preload()
    import ray

    if ray.is_initialized():
        return ray, False
    kwargs = dict(include_dashboard=False, log_to_driver=False, configure_logging=False)
    try:
        if address == "local":
            ray.init(num_cpus=(workers or os.cpu_count() or 1) + 1,
                     object_store_memory=512 * 1024 * 1024, **kwargs)
        else:
            ray.init(address=address, **kwargs)
    except Exception as exc:  # noqa: BLE001 - any failure to reach the cluster is one clear error
        raise RayError(f"cannot start or reach the Ray cluster {address!r}: {str(exc).strip().splitlines()[0]}") from None
    return ray, True


def add_with_ray(corpus, paths: Sequence[str], settings: Settings = Settings(), *, address: str = "local",
                 workers: Optional[int] = None, ignore: Sequence[str] = (), max_bytes: Optional[int] = None,
                 chunk: int = 256, batch_size: int = 32, progress: Optional[Progress] = None) -> RayAddResult:
    """Add the articles at ``paths`` to ``corpus`` with a Ray Data pipeline.

    Parameters
    ----------
    corpus : Corpus or PgCorpus
        An open corpus (:func:`~consistency.corpus.open_corpus`, ``create=True``); the driver writes to it.
    paths : sequence of str
        Files, folders, globs (as ``consistency add``).
    settings : Settings
    address : str
        ``"local"`` (start a cluster on this machine) or a Ray cluster address.
    workers : int, optional
        Embedding actors (and, with ``"local"``, the CPUs of the local cluster);
        default: the cluster's CPUs.
    ignore : sequence of str
        ``ignore`` globs, relative to ``corpus.root``.
    max_bytes : int, optional
        Largest file read.
    chunk : int
        Articles per write transaction.
    batch_size : int
        Articles per batch of the extract-and-embed actors.

    Returns
    -------
    RayAddResult
    """
    from ..read.files import DEFAULT_MAX_BYTES, _expand

    if workers is not None and (not isinstance(workers, int) or isinstance(workers, bool) or workers < 1):
        raise ValueError(f"workers must be a positive integer, got {workers!r}")
    tick = progress or (lambda stage, done, total: None)
    files, errors = [], []
    for path, err in _expand(paths):
        (errors.append(f"{path}: {err}") if err else files.append(path))
    ray, started = _init(address, workers)
    try:
        import ray.data

        ctx = ray.data.DataContext.get_current()
        ctx.enable_progress_bars = False
        ctx.print_on_execution_start = False
        # one CPU is left to the light stages (reading, the unchanged-filter): the actors take the others
        n_workers = workers or max(1, int(ray.cluster_resources().get("CPU", 2)) - 1)
        known_ref = None if corpus_is_server(corpus) else ray.put(corpus.known(_all_keys(corpus)))
        max_bytes = max_bytes or settings.max_bytes or DEFAULT_MAX_BYTES
        ds = ray.data.from_items([{"path": f} for f in files],
                                 override_num_blocks=max(1, min(len(files), 4 * n_workers)))
        ds = ds.flat_map(_read, fn_kwargs=dict(settings=settings, root=corpus.root, ignore=tuple(ignore),
                                               max_bytes=max_bytes))
        ds = ds.map_batches(_unchanged, fn_kwargs=dict(corpus=getattr(corpus, "url", ""), known_ref=known_ref,
                                                       root=corpus.root), batch_size=256, batch_format="numpy")
        ds = ds.map_batches(_ExtractEmbed, fn_constructor_kwargs=dict(settings=settings), batch_size=batch_size,
                            batch_format="numpy", compute=ray.data.ActorPoolStrategy(size=n_workers), num_cpus=1)
        # an empty server corpus is bulk-loaded: the HNSW index is built once at the end
        with (corpus.bulk() if hasattr(corpus, "bulk") else contextlib.nullcontext()):
            result = _write_stream(corpus, ds.iter_batches(batch_size=chunk, batch_format="numpy"), chunk,
                                   tick, len(files))
    finally:
        if started:
            ray.shutdown()
    return replace(result, errors=tuple(errors) + result.errors, files=len(files))


def corpus_is_server(corpus) -> bool:
    from ..corpus import PgCorpus

    return isinstance(corpus, PgCorpus)


def _all_keys(corpus) -> list[str]:
    """Every article key of a SQLite corpus (the unchanged-filter of a local writer gets them all)."""
    return [r[0] for r in corpus._con.execute("SELECT key FROM articles")]


def _write_stream(corpus, batches, chunk: int, tick: Progress, n_files: int) -> RayAddResult:
    added, updated, unchanged, errors = [], [], [], []
    embedded = reused = 0
    seen: dict[str, np.ndarray] = {}  # vectors written in this run, by number-masked text
    model = None
    pending = []

    def flush():
        nonlocal reused, pending
        if not pending:
            return
        texts = {t for it in pending for t in it.texts if t not in seen}
        stored = corpus.stored_vectors(texts) if texts else {}
        ready = []
        for it in pending:
            V = np.array(it.vectors, dtype=np.float32, copy=True)
            for j, t in enumerate(it.texts):
                v = seen.get(t)
                if v is None:
                    v = stored.get(t)
                if v is not None:
                    V[j] = v
                    reused += 1
                else:
                    seen[t] = V[j]
            ready.append(replace(it, vectors=V))
        a, u, s = corpus.write(ready, model)
        added.extend(a)
        updated.extend(u)
        unchanged.extend(s)
        pending = []
        tick("writing", len(added) + len(updated) + len(unchanged), n_files)

    for batch in batches:
        for key, blob, err, same, n_emb, name in zip(batch["key"], batch["item"], batch["error"],
                                                     batch["unchanged"], batch["embedded"], batch["model"]):
            embedded += int(n_emb)
            if err:
                errors.append(str(err))
                continue
            it = pickle.loads(blob)
            if same:
                unchanged.append(it.article.path)
                continue
            model = model or name
            pending.append(it)
            if len(pending) >= chunk:
                flush()
    flush()
    return RayAddResult(added=tuple(added), updated=tuple(updated), unchanged=tuple(unchanged),
                        errors=tuple(errors), embedded=embedded, reused=reused)
