"""Distributed ingestion: ``consistency add --ray ADDRESS PATH...`` as a Ray Data pipeline.

The steps of :meth:`consistency.corpus.Corpus.add` (:mod:`consistency.corpus.prepare`)
run on a Ray cluster, file by file and batch by batch::

    files ─▶ read + key (tasks) ─▶ flag unchanged (tasks)
          ─▶ segment + extract + embed (``workers`` actors: each loads the model once)
          ─▶ the driver writes to the corpus

The driver lists the files, streams the embedded articles back and writes
them to the corpus in chunks of ``chunk`` articles, one transaction each
(:meth:`write` of either backend: a PostgreSQL server that every runner
shares, or a SQLite file where the driver runs). Before a chunk is written,
every statement whose number-masked text is already stored (or was embedded
earlier in this run) takes that vector, as a single-process ``add`` does, so
the corpus built is the same as ``consistency add`` builds on the same input.

``address="local"`` starts a Ray cluster on this machine with ``workers``
actors plus one CPU for the light stages (and stops it at the end); any other address is passed to
:func:`ray.init` (``ray://head:10001``, ``auto``, ``host:6379``), and every
node of that cluster must have the same version of consistency installed.

The code is in :mod:`.raydata`.
"""

from .raydata import (  # noqa: F401
    add_with_ray,
    preload,
    RayError,
    RayAddResult,
)

__all__ = ["add_with_ray", "preload", "RayError", "RayAddResult"]
