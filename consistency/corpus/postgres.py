"""The corpus on a PostgreSQL server with pgvector: one corpus for many CI runners.

Selected by a URL in place of a file name: ``--corpus postgresql://user@host/db``
(or ``corpus = "postgresql://..."`` in the settings file). The layout is the
SQLite one (:mod:`.store`), in three tables of the connection's schema
(``search_path``), so a corpus can share a database with other data::

    consistency_meta(key, value)                 schema_version, model, dim
    consistency_articles(key, path, id, hash, params, text, title, source, published, language, record_line)
    consistency_claims(key, article, position, n_values, claim, text_key, vec vector(dim))

``consistency_claims.vec`` is a pgvector ``vector``; once the first vectors
are written its width is fixed and an HNSW index (cosine distance) is built
on it, which answers the neighbour search in the database: there is no index
file beside it. Keys are content hashes, as in SQLite: re-adding an unchanged
article costs one hash and one lookup.

Concurrency: every write runs in one transaction that first takes a
transaction-level advisory lock (:data:`LOCK_ID`), so writers from several
runners take turns (each waits up to ``timeout`` seconds), and a writer
re-reads what is stored after taking the lock, so two runners adding the same
articles store them once. A check reads in one ``REPEATABLE READ``
transaction: it sees the corpus as it was before or after an ``add``, never
half of one. Schema versions and migrations work as in SQLite
(:data:`SCHEMA_VERSION`, :data:`MIGRATIONS`; PostgreSQL runs DDL inside the
transaction, so a failed migration leaves the old version).

The ``vector`` extension must exist in the database, or the user must be
allowed to create it (``CREATE EXTENSION vector``, a superuser's right on
most servers).
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from typing import Callable, Iterator, Optional, Sequence

import numpy as np

from ..embed import Embedder
from ..model import Article
from ..settings import Settings
from .serial import claim_from_json, claim_to_json
from .store import (AddResult, CorpusBase, CorpusClaims, CorpusError, _like, _relative, _text_key, claim_key,
                    text_hash)

__all__ = ["PgCorpus", "SCHEMA_VERSION", "MIGRATIONS", "LOCK_ID", "INDEX_SQL", "is_url", "redact"]

#: Version of the PostgreSQL layout. Bump it (and add a step to MIGRATIONS) when the layout changes.
SCHEMA_VERSION = 1
#: ``MIGRATIONS[v](connection)`` upgrades a corpus from version ``v`` to ``v + 1`` inside a transaction.
MIGRATIONS: dict[int, Callable] = {}
#: Key of the advisory lock that writers take (any 64-bit number no other application uses).
LOCK_ID = 0x636F6E73  # "cons"

_SCHEMA = """
CREATE TABLE consistency_meta (key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE consistency_articles (
    key text PRIMARY KEY,
    path text NOT NULL,
    id text NOT NULL,
    hash text NOT NULL,
    params text NOT NULL,
    text text NOT NULL,
    title text,
    source text,
    published text,
    language text,
    record_line integer
);
CREATE INDEX consistency_articles_hash ON consistency_articles(hash);
CREATE TABLE consistency_claims (
    key bigint PRIMARY KEY,
    article text NOT NULL REFERENCES consistency_articles(key) ON DELETE CASCADE,
    position integer NOT NULL,
    n_values integer NOT NULL,
    claim text NOT NULL,
    text_key text NOT NULL,
    vec vector NOT NULL
);
CREATE INDEX consistency_claims_article ON consistency_claims(article);
CREATE INDEX consistency_claims_text ON consistency_claims(text_key)
"""

#: The HNSW index of the vectors (cosine distance).
INDEX_SQL = ("CREATE INDEX IF NOT EXISTS consistency_claims_hnsw ON consistency_claims "
             "USING hnsw (vec vector_cosine_ops)")

_URL = re.compile(r"^postgres(?:ql)?://", re.I)


def is_url(corpus: str) -> bool:
    """Is ``corpus`` a PostgreSQL URL (``postgresql://`` or ``postgres://``) rather than a file?"""
    return bool(_URL.match(str(corpus)))


def redact(url: str) -> str:
    """The URL without its password (for messages and reports)."""
    return re.sub(r"^(postgres(?:ql)?://[^:/@?]*):[^@/?]+@", r"\1:***@", url, flags=re.I)


class PgCorpus(CorpusBase):
    """An article corpus in PostgreSQL (pgvector): the same interface as :class:`~.store.Corpus`.

    Parameters
    ----------
    url : str
        ``postgresql://user[:password]@host[:port]/database[?options]`` (libpq
        also reads ``PGPASSWORD`` and ``~/.pgpass``).
    create : bool
        Create the tables if the database has none (else :class:`CorpusError`).
    root : str
        Folder that article keys are relative to.
    timeout : float
        Seconds a writer waits for another writer to finish.
    """

    def __init__(self, url: str, *, create: bool = False, root: str = ".", timeout: float = 120.0):
        try:
            import psycopg
        except ImportError:  # pragma: no cover - a dependency of the package
            raise CorpusError("a PostgreSQL corpus needs the packages psycopg and pgvector "
                              "(pip install 'psycopg[binary]' pgvector)") from None
        self.url = url
        self.path = redact(url)
        self.root = root
        self.timeout = timeout
        self._bulk = False  # inside bulk(): writes leave the HNSW index out
        self._indexed = False  # the HNSW index is known to exist
        try:
            self._con = psycopg.connect(url, autocommit=True, connect_timeout=max(1, int(min(timeout, 60))))
        except psycopg.Error as exc:
            raise CorpusError(f"{self.path}: cannot connect to the corpus database ({_first_line(exc)})") from None
        try:
            self._con.execute(f"SET lock_timeout = {int(timeout * 1000)}")
            self._open(create)
        except psycopg.Error as exc:
            self._con.close()
            raise CorpusError(f"{self.path}: {_first_line(exc)}") from None
        except BaseException:
            self._con.close()
            raise

    # -- opening, schema version, migration ---------------------------------------------------

    def _register(self) -> None:
        from pgvector.psycopg import register_vector

        register_vector(self._con)

    def _version(self) -> Optional[int]:
        # pg_class through the statement's snapshot (to_regclass may miss a table that another
        # runner created while this one waited for the lock)
        if self._con.execute("SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n "
                             "ON n.oid = c.relnamespace WHERE c.relname = 'consistency_meta' "
                             "AND n.nspname = ANY(current_schemas(false))").fetchone() is None:
            return None
        row = self._con.execute("SELECT value FROM consistency_meta WHERE key = 'schema_version'").fetchone()
        if row is None:
            raise CorpusError(f"{self.path}: corpus has no schema version; rebuild it with `consistency add`")
        try:
            return int(row[0])
        except ValueError:
            raise CorpusError(f"{self.path}: unknown corpus schema version {row[0]!r}") from None

    def _open(self, create: bool) -> None:
        version = self._version()
        if version is None:
            if not create:
                raise CorpusError(f"{self.path}: no corpus in this database; build one with "
                                  f"`consistency add --corpus URL ARTICLES...`")
            with self._write():
                if self._version() is None:  # another process may have created it meanwhile
                    self._extension()
                    for statement in _SCHEMA.split(";"):
                        self._con.execute(statement)
                    self._con.execute("INSERT INTO consistency_meta VALUES ('schema_version', %s)",
                                      (str(SCHEMA_VERSION),))
            version = self._version()
        self._register()
        if version > SCHEMA_VERSION:
            raise CorpusError(f"{self.path}: corpus schema version {version} is newer than this consistency "
                              f"supports ({SCHEMA_VERSION}); upgrade consistency")
        if version < SCHEMA_VERSION:
            self._migrate(version)

    def _extension(self) -> None:
        import psycopg

        if self._con.execute("SELECT 1 FROM pg_extension WHERE extname = 'vector'").fetchone():
            return
        try:
            with self._con.transaction():  # a savepoint: a refusal leaves the outer transaction usable
                self._con.execute("CREATE EXTENSION IF NOT EXISTS vector")
        except psycopg.Error as exc:
            raise CorpusError(f"{self.path}: the pgvector extension is not installed in this database and "
                              f"cannot be created by this user ({_first_line(exc)}); ask the database "
                              f"administrator to run `CREATE EXTENSION vector`") from None

    def _migrate(self, version: int) -> None:
        missing = [v for v in range(version, SCHEMA_VERSION) if v not in MIGRATIONS]
        if missing:
            raise CorpusError(
                f"{self.path}: corpus schema version {version} is older than this consistency supports "
                f"({SCHEMA_VERSION}) and cannot be migrated; drop its tables (consistency_*) and rebuild it "
                f"with `consistency add --corpus URL ARTICLES...`")
        with self._write():
            current = self._version()  # another process may have migrated it meanwhile
            for v in range(current, SCHEMA_VERSION):
                MIGRATIONS[v](self._con)
                self._con.execute("UPDATE consistency_meta SET value = %s WHERE key = 'schema_version'",
                                  (str(v + 1),))

    @contextmanager
    def _write(self) -> Iterator:
        """One write transaction, writers one at a time (advisory lock); rolled back on any error."""
        import psycopg

        try:
            with self._con.transaction():
                self._con.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK_ID,))
                yield self._con
        except psycopg.errors.LockNotAvailable:
            self._indexed = False  # what this transaction built is rolled back
            raise CorpusError(f"{self.path}: another writer held the corpus for more than "
                              f"{self.timeout:.0f} s; try again") from None
        except psycopg.Error as exc:  # the server went away, a value it refuses (NUL in a text), ...
            self._indexed = False
            raise CorpusError(f"{self.path}: {_first_line(exc)}") from None
        except BaseException:
            self._indexed = False
            raise

    @contextmanager
    def _read(self) -> Iterator:
        """One read transaction: every query inside sees the same snapshot."""
        import psycopg

        try:
            with self._con.transaction():
                self._con.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
                yield self._con
        except psycopg.Error as exc:
            raise CorpusError(f"{self.path}: {_first_line(exc)}") from None

    def _query(self, sql: str, params=None):
        """One statement; a server error becomes a :class:`CorpusError` naming the corpus."""
        import psycopg

        try:
            return self._con.execute(sql, params)
        except psycopg.Error as exc:
            raise CorpusError(f"{self.path}: {_first_line(exc)}") from None


    def __enter__(self) -> "PgCorpus":
        return self


    # -- metadata ----------------------------------------------------------------------------

    def meta(self, key: str) -> Optional[str]:
        row = self._query("SELECT value FROM consistency_meta WHERE key = %s", (key,)).fetchone()
        return row[0] if row else None




    def stats(self) -> dict:
        """Counts: ``articles``, ``statements``, and the ``model``."""
        with self._read() as con:
            a = con.execute("SELECT count(*) FROM consistency_articles").fetchone()[0]
            c = con.execute("SELECT count(*) FROM consistency_claims").fetchone()[0]
        return {"articles": a, "statements": c, "model": self.model, "schema_version": self.schema_version}


    def repair_index(self) -> Optional[str]:
        """Nothing to repair: the HNSW index lives in the database, kept by PostgreSQL in the same
        transactions as the rows (a bulk load stopped half-way gets its index with the next write,
        and is searched exactly meanwhile). The counterpart of :meth:`.store.Corpus.repair_index`.

        Returns
        -------
        None
        """
        return None

    # -- writing -----------------------------------------------------------------------------

    def add(self, articles: Sequence[Article], settings: Settings = Settings(), *,
            embedder: Optional[Embedder] = None) -> AddResult:
        """Ingest articles: new ones are added, changed ones replace their old claims
        (as :meth:`.store.Corpus.add`; extraction and embedding run before the write transaction)."""
        from .prepare import ingest, keyed

        items, errors = keyed(articles, settings, self.root)
        return ingest(self, items, settings, embedder, errors=errors)

    def refresh(self, settings: Settings = Settings(), *, embedder: Optional[Embedder] = None) -> AddResult:
        """Extract the claims of every stored article again, keeping the vectors of unchanged statements."""
        from .prepare import Prepared, ingest
        from .store import _params

        items = {}
        for row in self._query("SELECT key, path, id, text, title, source, published, language, "
                                     "record_line FROM consistency_articles ORDER BY key"):
            a = self._article(row)
            items[row[0]] = Prepared(row[0], a, text_hash(a.text), _params(a, settings))
        return ingest(self, items, settings, embedder, force=True)

    def known(self, keys: Sequence[str]) -> dict[str, tuple[str, str]]:
        """Stored ``(text hash, params)`` of these article keys (the ones stored)."""
        rows = self._query("SELECT key, hash, params FROM consistency_articles WHERE key = ANY(%s)",
                                 (list(keys),))
        return {k: (h, p) for k, h, p in rows}

    def stored_vectors(self, texts) -> dict[str, np.ndarray]:
        """Vectors already in the corpus for these number-masked texts (any article)."""
        by_key = {_text_key(t): t for t in texts}
        if not by_key:
            return {}
        rows = self._query("SELECT DISTINCT ON (text_key) text_key, vec FROM consistency_claims "
                                 "WHERE text_key = ANY(%s) ORDER BY text_key, key", (list(by_key),))
        return {by_key[tk]: _array(v) for tk, v in rows}

    def write(self, prepared, model: Optional[str], *, force: bool = False) -> tuple[list, list, list]:
        """Store extracted, embedded articles (:class:`~.prepare.Prepared`) in one transaction.

        Returns the paths ``(added, updated, unchanged)``; an article stored
        meanwhile by another writer with the same text and params is left as
        it is (unless ``force``).
        """
        dim = next((p.vectors.shape[1] for p in prepared if p.vectors is not None and len(p.vectors)), None)
        added, updated, same = [], [], []
        with self._write() as con:
            if model is not None:
                self.check_model(model)
                con.execute("INSERT INTO consistency_meta VALUES ('model', %s) ON CONFLICT DO NOTHING", (model,))
            if dim is not None:
                have = self.dim
                if have is not None and have != dim:
                    raise CorpusError(f"{self.path}: vectors of width {dim} do not fit the corpus ({have})")
                if have is None:
                    # the first vectors fix the width; the HNSW index needs it
                    con.execute("INSERT INTO consistency_meta VALUES ('dim', %s)", (str(dim),))
                    con.execute(f"ALTER TABLE consistency_claims ALTER COLUMN vec TYPE vector({int(dim)})")
            if (dim is not None or self.dim is not None) and not self._bulk:
                self._ensure_index()
            now = self.known([p.key for p in prepared])  # another writer may have stored some meanwhile
            rows = []
            gone = []
            for p in prepared:
                key, a, digest, params = p.key, p.article, p.digest, p.params
                if not force and now.get(key) == (digest, params):
                    same.append(a.path)
                    continue
                (updated if key in now else added).append(a.path)
                gone.append(key)
                rows.append(p)
            if gone:
                con.execute("DELETE FROM consistency_articles WHERE key = ANY(%s)", (gone,))  # claims cascade
            with con.cursor() as cur:
                cur.executemany(
                    "INSERT INTO consistency_articles VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s)",
                    [(p.key, p.article.path, p.article.id, p.digest, p.params, p.article.text, p.article.title,
                      p.article.source, p.article.published.isoformat() if p.article.published else None,
                      p.article.language, p.article.record_line) for p in rows])
                claims = []
                for p in rows:
                    for pos, (c, t, v) in enumerate(zip(p.claims, p.texts, p.vectors)):
                        claims.append((claim_key(p.key, p.digest, pos, t), p.key, pos, len(c.values),
                                       claim_to_json(c), _text_key(t), np.asarray(v, dtype=np.float32)))
                if claims:
                    cur.executemany("INSERT INTO consistency_claims VALUES (%s,%s,%s,%s,%s,%s,%s)", claims)
        return added, updated, same

    def _ensure_index(self) -> None:
        """Build the HNSW index if it is missing (inside a write transaction)."""
        if self._indexed:
            return
        found = self._con.execute(
            "SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
            "WHERE c.relname = 'consistency_claims_hnsw' AND n.nspname = ANY(current_schemas(false))").fetchone()
        if found is None:
            self._con.execute(INDEX_SQL)
        self._indexed = True

    @contextmanager
    def bulk(self) -> Iterator[bool]:
        """Load an empty corpus without the HNSW index, and build the index once at the end.

        Measured here: 4× faster than inserting into the index row by row
        (``docs/scale.md``). Only an empty corpus is loaded this way (yields
        True); on a corpus with statements this does nothing (yields False).
        While the index is missing, checks search exactly (correct, slower);
        if the load stops half-way, the next write builds the index.
        """
        if self._bulk or self.stats()["statements"]:
            yield False
            return
        with self._write() as con:
            con.execute("DROP INDEX IF EXISTS consistency_claims_hnsw")
        self._bulk, self._indexed = True, False
        try:
            yield True
        finally:
            self._bulk = False
        if self.dim is not None:
            with self._write():
                self._ensure_index()

    def remove(self, paths: Sequence[str]) -> int:
        """Remove articles (by path, or folder prefix) from the corpus; returns how many."""
        keys = []
        for p in paths:
            rel = _relative(p, self.root)
            keys += [r[0] for r in self._query(
                "SELECT key FROM consistency_articles WHERE key = %s OR key LIKE %s ESCAPE '\\' "
                "OR key LIKE %s ESCAPE '\\'", (rel, _like(rel) + "#%", _like(rel.rstrip("/")) + "/%"))]
        keys = list(dict.fromkeys(keys))
        if keys:
            with self._write() as con:
                con.execute("DELETE FROM consistency_articles WHERE key = ANY(%s)", (keys,))
        return len(keys)

    def prune(self, present: Sequence[Article] = ()) -> int:
        """Remove stored articles whose file no longer exists, and stored records of the
        JSONL files among ``present`` that are no longer in them; returns how many."""
        from .prepare import gone_keys

        keys = [r[0] for r in self._query("SELECT key FROM consistency_articles")]
        gone = gone_keys(keys, present, self.root)
        if gone:
            with self._write() as con:
                con.execute("DELETE FROM consistency_articles WHERE key = ANY(%s)", (gone,))
        return len(gone)


    # -- reading for a check -------------------------------------------------------------------

    def excluded_keys(self, articles: Sequence[Article]) -> set[str]:
        """Corpus articles superseded by these (same key or same text): left out of a check."""
        from .store import article_key

        keys = {article_key(a, self.root) for a in articles if not a.error}
        hashes = [text_hash(a.text) for a in articles if not a.error]
        if hashes:
            keys.update(r[0] for r in self._query(
                "SELECT key FROM consistency_articles WHERE hash = ANY(%s)", (hashes,)))
        return keys

    def neighbours(self, queries: np.ndarray, *, k: int = 20, min_sim: float = 0.35,
                   exclude: Sequence[Article] = (), value_hops: int = 1, value_k: int = 8,
                   value_sim: float = 0.55) -> CorpusClaims:
        """The corpus claims near the query vectors (as :meth:`.store.Corpus.neighbours`),
        found by the HNSW index in the database."""
        with self._read() as con:
            dim = self.dim
            if dim is None or queries.shape[0] == 0:
                return CorpusClaims((), np.zeros((0, dim or 1), dtype=np.float32), {}, np.zeros(0, np.int64))
            if queries.shape[1] != dim:
                raise CorpusError(f"{self.path}: query vectors of width {queries.shape[1]} do not fit "
                                  f"the corpus ({dim}): a different embedding model?")
            skip_articles = sorted(self.excluded_keys(exclude))
            skip = {r[0] for r in con.execute("SELECT key FROM consistency_claims WHERE article = ANY(%s)",
                                              (skip_articles,))} if skip_articles else set()
            found = self._search(queries, k, min_sim, skip)
            frontier = found
            rows = self._rows(found)
            for _ in range(value_hops):
                with_values = sorted(key for key in frontier if key in rows and rows[key][2] > 0)
                if not with_values:
                    break
                more = self._search(np.vstack([rows[key][3] for key in with_values]), value_k, value_sim, skip)
                frontier = more - set(rows)
                rows.update(self._rows(frontier))
            keys = np.array(sorted(rows), dtype=np.int64)
            claims = tuple(claim_from_json(rows[key][1]) for key in keys.tolist())
            vecs = (np.vstack([rows[key][3] for key in keys.tolist()]) if len(keys)
                    else np.zeros((0, dim), dtype=np.float32))
            ids = {c.article: rows[key][0] for c, key in zip(claims, keys.tolist())}
        return CorpusClaims(claims, vecs, ids, keys)

    def _search(self, Q: np.ndarray, k: int, min_sim: float, skip: set[int]) -> set[int]:
        """Keys of the ``k`` nearest claims (cosine ``>= min_sim``, not in ``skip``) of each query row."""
        count = k + len(skip)
        # hnsw.ef_search bounds what one index scan returns (at most 1000)
        self._con.execute(f"SET LOCAL hnsw.ef_search = {min(1000, max(64, 2 * count))}")
        Q = np.ascontiguousarray(Q, dtype=np.float32)
        rows = self._con.execute(
            "SELECT q.i, c.key, 1 - (c.vec <=> q.v) FROM unnest(%s::vector[]) WITH ORDINALITY AS q(v, i) "
            "CROSS JOIN LATERAL (SELECT key, vec FROM consistency_claims ORDER BY vec <=> q.v LIMIT %s) c",
            ([q for q in Q], count)).fetchall()
        per_query: dict[int, list[tuple[float, int]]] = {}
        for i, key, sim in rows:
            per_query.setdefault(i, []).append((-float(sim), key))
        out: set[int] = set()
        for hits in per_query.values():
            taken = 0
            for neg, key in sorted(hits):  # nearest first, ties by key: deterministic
                if taken >= k or -neg < min_sim:
                    break
                if key in skip:
                    continue
                out.add(key)
                taken += 1
        return out

    def _rows(self, keys) -> dict[int, tuple]:
        keys = sorted(int(k) for k in keys)
        if not keys:
            return {}
        rows = self._con.execute(
            "SELECT c.key, a.id, c.claim, c.n_values, c.vec FROM consistency_claims c "
            "JOIN consistency_articles a ON a.key = c.article WHERE c.key = ANY(%s)", (keys,))
        return {key: (ident, js, nv, _array(v)) for key, ident, js, nv, v in rows}


def _array(v) -> np.ndarray:
    """A pgvector value as float32 numpy."""
    return np.asarray(v.to_numpy() if hasattr(v, "to_numpy") else v, dtype=np.float32)


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
