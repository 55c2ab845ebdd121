"""The corpus: articles ingested once, checked against for every new batch.

>>> from consistency.corpus import Corpus, check_with_corpus   # doctest: +SKIP
>>> with Corpus("corpus.sqlite", create=True) as corpus:       # doctest: +SKIP
...     corpus.add(read_paths(["articles/"]))
...     report = check_with_corpus(read_paths(["new.md"]), corpus)

The store is SQLite (:mod:`.store`): articles keyed by path with a content
hash, their claims as JSON, their vectors as float32 blobs, and a schema
version. Beside it, ``<db>.usearch`` is a usearch HNSW index of the vectors
(:mod:`.index`), updated incrementally by every write, so a check finds each
new statement's nearest corpus statements without comparing every pair and
without embedding the corpus again (:mod:`.check`).
"""

from .check import DEFAULT_NEIGHBOURS, check_with_corpus
from .index import VectorIndex
from .serial import claim_from_json, claim_to_json
from .store import MIGRATIONS, SCHEMA_VERSION, AddResult, Corpus, CorpusClaims, CorpusError, article_key

__all__ = ["Corpus", "CorpusError", "AddResult", "CorpusClaims", "check_with_corpus", "DEFAULT_NEIGHBOURS",
           "VectorIndex", "SCHEMA_VERSION", "MIGRATIONS", "article_key", "claim_to_json", "claim_from_json"]
