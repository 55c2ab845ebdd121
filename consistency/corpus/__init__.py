"""The corpus: articles ingested once, checked against for every new batch.

>>> from consistency.corpus import open_corpus, check_with_corpus   # doctest: +SKIP
>>> with open_corpus("corpus.sqlite", create=True) as corpus:       # doctest: +SKIP
...     corpus.add(read_paths(["articles/"]))
...     report = check_with_corpus(read_paths(["new.md"]), corpus)

Two backends share one interface (:class:`CorpusBackend`): a file name opens
the embedded SQLite corpus described below (the default); a
``postgresql://`` URL opens the server corpus of :mod:`.postgres`
(PostgreSQL with pgvector, for many runners sharing one corpus).
:func:`open_corpus` picks the backend.

The store is SQLite (:mod:`.store`): articles keyed by path with a content
hash, their claims as JSON, their vectors as float32 blobs, and a schema
version. Beside it, ``<db>.usearch`` is a usearch HNSW index of the vectors
(:mod:`.index`), updated incrementally by every write, so a check finds each
new statement's nearest corpus statements without comparing every pair and
without embedding the corpus again (:mod:`.check`).
"""

from typing import Union

from .check import DEFAULT_NEIGHBOURS, check_with_corpus
from .index import VectorIndex
from .postgres import PgCorpus, is_url, redact
from .prepare import Prepared
from .serial import claim_from_json, claim_to_json
from .store import MIGRATIONS, SCHEMA_VERSION, AddResult, Corpus, CorpusClaims, CorpusError, article_key

__all__ = ["Corpus", "PgCorpus", "CorpusBackend", "open_corpus", "is_url", "redact", "CorpusError", "AddResult",
           "CorpusClaims", "Prepared", "check_with_corpus", "DEFAULT_NEIGHBOURS", "VectorIndex", "SCHEMA_VERSION",
           "MIGRATIONS", "article_key", "claim_to_json", "claim_from_json"]

#: Either backend. Both offer: ``add``, ``refresh``, ``remove``, ``prune``, ``write`` (prepared
#: articles, :class:`Prepared`), ``known``, ``stored_vectors``, ``neighbours``, ``excluded_keys``,
#: ``stats``, ``check_model``, ``repair_index`` (SQLite: rebuilds a damaged index file; PostgreSQL:
#: nothing to do), ``model``, ``dim``, ``schema_version``, ``path``, ``root``, ``close`` and use as a
#: context manager.
CorpusBackend = Union[Corpus, PgCorpus]


def open_corpus(corpus: str, *, create: bool = False, root: str = ".", timeout: float = 120.0) -> CorpusBackend:
    """Open the corpus at ``corpus``: a ``postgresql://`` URL or a SQLite file.

    Parameters
    ----------
    corpus : str
        ``postgresql://user@host/db`` (PostgreSQL with pgvector) or the path of a SQLite file.
    create : bool
        Create the corpus if there is none (else :class:`CorpusError`).
    root : str
        Folder that article keys are relative to.
    timeout : float
        Seconds a writer waits for another writer.
    """
    if is_url(corpus):
        return PgCorpus(corpus, create=create, root=root, timeout=timeout)
    return Corpus(corpus, create=create, root=root, timeout=timeout)
