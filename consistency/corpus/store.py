"""The corpus store: articles, their claims and the claims' vectors in SQLite.

Layout (schema version :data:`SCHEMA_VERSION`)::

    meta(key, value)                  schema_version, model, dim
    articles(key, path, id, hash, params, text, title, source, published, language, record_line)
    claims(key, article, position, n_values, claim, text_key, vec)

``articles.key`` is the article's identity: its path relative to the
corpus root (the folder of the settings file, else the working folder),
or ``file.jsonl#record-id`` for a JSONL record (so inserting a record
above it does not change it). ``hash`` is the SHA-256 of the text and
``params`` the extraction settings: an article whose text and params are
unchanged is skipped, a changed one has its claims replaced. ``claims.claim``
is the JSON of the frozen :class:`~consistency.model.Claim`
(:mod:`.serial`); ``claims.vec`` its embedding (float32), and
``text_key`` a hash of the embedded (number-masked) text: a statement whose
text is already in the corpus, in any article, reuses its vector. ``claims.key``
is a 63-bit hash of (article key, text hash, position, embedded text):
also the key in the usearch index (:mod:`.index`).

Writes run in ``BEGIN IMMEDIATE`` transactions (one writer at a time, the
others wait up to ``timeout`` seconds); the database is in WAL mode, so
readers never block. The index file is rewritten (temp file +
:func:`os.replace`) inside the write transaction, before ``COMMIT``.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import sqlite3
import stat
import time
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from typing import Callable, Iterator, Optional, Sequence

import numpy as np

from ..embed import Embedder
from ..model import Article, Claim
from ..read import clean_view
from ..settings import Settings
from .index import VectorIndex, remove_stale_temps
from .serial import claim_from_json, claim_to_json

__all__ = ["Corpus", "CorpusError", "AddResult", "SCHEMA_VERSION", "MIGRATIONS", "article_key",
           "CorpusClaims"]

#: Version of the database layout. Bump it (and add a step to MIGRATIONS) when the layout changes.
SCHEMA_VERSION = 1
#: ``MIGRATIONS[v](connection)`` upgrades a corpus from version ``v`` to ``v + 1`` inside a transaction.
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {}

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
    key TEXT PRIMARY KEY,
    path TEXT NOT NULL,
    id TEXT NOT NULL,
    hash TEXT NOT NULL,
    params TEXT NOT NULL,
    text TEXT NOT NULL,
    title TEXT,
    source TEXT,
    published TEXT,
    language TEXT,
    record_line INTEGER
);
CREATE INDEX articles_hash ON articles(hash);
CREATE TABLE claims (
    key INTEGER PRIMARY KEY,
    article TEXT NOT NULL REFERENCES articles(key),
    position INTEGER NOT NULL,
    n_values INTEGER NOT NULL,
    claim TEXT NOT NULL,
    text_key TEXT NOT NULL,
    vec BLOB NOT NULL
);
CREATE INDEX claims_article ON claims(article);
CREATE INDEX claims_text ON claims(text_key);
"""


class CorpusError(Exception):
    """The corpus cannot be used; the message names the file and says what to do."""


@dataclass(frozen=True)
class AddResult:
    """What :meth:`Corpus.add` did, article paths by outcome."""

    added: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()
    embedded: int = 0  # statements embedded
    reused: int = 0  # statements whose vector was already in the corpus (same number-masked text)


@dataclass(frozen=True)
class CorpusClaims:
    """Claims read back from the corpus for a check.

    Attributes
    ----------
    claims : tuple of Claim
    vectors : ndarray of shape (n_claims, dim)
    ids : dict
        Article path -> article id (for fingerprints).
    keys : ndarray of shape (n_claims,)
    """

    claims: tuple[Claim, ...]
    vectors: np.ndarray
    ids: dict
    keys: np.ndarray


def _posix(path: str) -> str:
    return path.replace(os.sep, "/")


def _relative(path: str, root: str) -> str:
    p = os.path.abspath(path)
    rel = os.path.relpath(p, os.path.abspath(root))
    return _posix(p if rel == ".." or rel.startswith(".." + os.sep) else rel)


def article_key(article: Article, root: str = ".") -> str:
    """The identity of an article in the corpus (see the module docstring)."""
    if article.record_line is not None:
        file = article.path.rsplit(":", 1)[0]
        return f"{_relative(file, root)}#{article.id}"
    return _relative(article.path, root)


def _stored_path(article: Article, root: str) -> str:
    if article.record_line is not None:
        file = article.path.rsplit(":", 1)[0]
        return f"{_relative(file, root)}:{article.record_line}"
    return _relative(article.path, root)


def _text_key(masked: str) -> str:
    """Key of an embedded (number-masked) text: statements with equal keys share a vector."""
    return hashlib.sha256(masked.encode("utf-8")).hexdigest()[:32]


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _params(article: Article, settings: Settings) -> str:
    """What an article's stored claims depend on besides its text: another value re-extracts it."""
    from ..extract.entities import names_digest

    params = {"published": article.published.isoformat() if article.published else None,
              "tolerance": settings.tolerance}
    names = names_digest(settings.names)
    if names:
        params["names"] = names  # the user's names (--names); without them, as before
    return json.dumps(params, sort_keys=True)


def claim_key(article_key_: str, digest: str, position: int, text: str) -> int:
    """Key of a stored claim: the same key always stands for the same embedded text."""
    h = hashlib.sha256(f"{article_key_}\x00{digest}\x00{position}\x00{text}".encode("utf-8")).digest()
    return int.from_bytes(h[:8], "big") >> 1  # 63 bits: a positive SQLite INTEGER and a usearch key


def _with_published(article: Article, settings: Settings) -> Article:
    pub = dict(settings.published)
    if article.published is None and article.path in pub:
        return replace(article, published=date.fromisoformat(pub[article.path]))
    return article


class CorpusBase:
    """What both corpus backends do alike (:class:`Corpus`, SQLite; ``PgCorpus``, PostgreSQL), on top of
    their own ``_con``, ``meta`` and ``path``."""

    def close(self) -> None:
        self._con.close()

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return int(self.meta("schema_version"))

    @property
    def model(self) -> Optional[str]:
        """Name of the embedding model of the stored vectors (None while empty)."""
        return self.meta("model")

    @property
    def dim(self) -> Optional[int]:
        d = self.meta("dim")
        return int(d) if d else None

    def check_model(self, name: str) -> None:
        """Raise :class:`CorpusError` unless the corpus was embedded with model ``name`` (or is empty)."""
        have = self.model
        if have is not None and have != name:
            raise CorpusError(f"{self.path}: the corpus was embedded with model {have!r}, not {name!r}; "
                              f"use --model {have} or build a new corpus")

    def _article(self, row) -> Article:
        _key, path, ident, text, title, source, published, language, record_line = row
        return Article(path=path, id=ident, text=text, view=clean_view(text), title=title, source=source,
                       published=date.fromisoformat(published) if published else None,
                       language=language, record_line=record_line)


class Corpus(CorpusBase):
    """An article corpus on disk (SQLite) with its vector index beside it.

    Parameters
    ----------
    path : str
        The database file. The index is ``path + ".usearch"``.
    create : bool
        Create the database if it does not exist (else :class:`CorpusError`).
    root : str
        Folder that article keys are relative to.
    timeout : float
        Seconds a writer waits for another writer to finish.
    """

    def __init__(self, path: str, *, create: bool = False, root: str = ".", timeout: float = 120.0):
        self.path = str(path)
        self.index_path = self.path + ".usearch"
        self.root = root
        self._check_path(create)
        try:
            self._con = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
        except sqlite3.Error as exc:
            raise CorpusError(f"{self.path}: cannot open the corpus ({exc})") from None
        deadline = time.monotonic() + timeout
        while True:
            try:
                self._con.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
                self._con.execute("PRAGMA journal_mode = WAL")
                self._open(create)
                self._quick_check()
                break
            except sqlite3.OperationalError as exc:
                # two processes opening a new corpus at once: switching it to WAL (or a read that must
                # become a write) can report "locked" at once, without SQLite's busy wait; wait and retry
                if "locked" in str(exc) and time.monotonic() < deadline:
                    time.sleep(0.05)
                    continue
                self._con.close()
                raise self._database_error(exc) from None
            except sqlite3.DatabaseError as exc:
                self._con.close()
                raise self._database_error(exc) from None
            except BaseException:
                self._con.close()
                raise

    def _check_path(self, create: bool) -> None:
        """Refuse a corpus path that is a folder, a special file or not writable, with a clear message."""
        p = self.path
        try:
            st = os.stat(p)
        except FileNotFoundError:
            if os.path.lexists(p):
                raise CorpusError(f"{p}: dangling symlink; give the corpus file itself") from None
            if not create:
                raise CorpusError(f"{p}: no corpus here; build one with "
                                  f"`consistency add --corpus {p} ARTICLES...`") from None
            folder = os.path.dirname(os.path.abspath(p))
            try:
                os.makedirs(folder, exist_ok=True)
            except OSError as exc:
                raise CorpusError(f"{p}: cannot create the corpus folder ({exc.strerror or exc})") from None
            if not os.access(folder, os.W_OK):
                raise CorpusError(f"{p}: cannot create the corpus: the folder {folder} is read-only")
            return
        except OSError as exc:
            raise CorpusError(f"{p}: cannot open the corpus ({exc.strerror or exc})") from None
        if stat.S_ISDIR(st.st_mode):
            raise CorpusError(f"{p}: is a folder; --corpus names the database file "
                              f"(e.g. {os.path.join(p, 'corpus.sqlite')})")
        if not stat.S_ISREG(st.st_mode):
            raise CorpusError(f"{p}: not a regular file; --corpus names the database file")
        folder = os.path.dirname(os.path.abspath(p))
        if not os.access(p, os.W_OK) or not os.access(folder, os.W_OK):
            what = p if not os.access(p, os.W_OK) else f"its folder {folder}"
            raise CorpusError(f"{p}: read-only corpus ({what} is not writable); SQLite in WAL mode needs "
                              f"to write the file and its folder, even to read: copy the corpus to a "
                              f"writable place")

    def _quick_check(self) -> None:
        """A corrupted database (``PRAGMA quick_check``) is refused with how to recover."""
        rows = [r[0] for r in self._con.execute("PRAGMA quick_check(3)")]
        if rows != ["ok"]:
            lines = [ln for r in rows for ln in str(r).splitlines() if ln.strip() and not ln.startswith("***")]
            raise self._corrupt("; ".join(lines[:3]) or "quick_check failed")

    def _corrupt(self, detail: str) -> CorpusError:
        return CorpusError(
            f"{self.path}: the corpus database is corrupted ({detail}). Recover what is left with "
            f"`sqlite3 {self.path} .recover | sqlite3 recovered.sqlite` and use recovered.sqlite, "
            f"or delete {self.path} and {self.index_path} and rebuild with "
            f"`consistency add --corpus {self.path} ARTICLES...`")

    def _database_error(self, exc: sqlite3.DatabaseError) -> CorpusError:
        text = str(exc)
        if "malformed" in text or "corrupt" in text:
            return self._corrupt(text)
        if "readonly" in text or "read-only" in text:
            return CorpusError(f"{self.path}: read-only corpus ({text}); copy it to a writable place")
        if "not a database" in text:
            return CorpusError(f"{self.path}: not a consistency corpus (not an SQLite database)")
        return CorpusError(f"{self.path}: not a consistency corpus ({text})")

    # -- opening, schema version, migration ---------------------------------------------------

    def _version(self) -> Optional[int]:
        tables = {r[0] for r in self._con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables:
            return None
        if "meta" not in tables:
            raise CorpusError(f"{self.path}: a SQLite database but not a consistency corpus (no 'meta' table)")
        row = self._con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
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
                raise CorpusError(f"{self.path}: empty corpus file; build it with "
                                  f"`consistency add --corpus {self.path} ARTICLES...`")
            with self._write():
                if self._version() is None:  # another process may have created it meanwhile
                    for statement in _SCHEMA.split(";"):
                        if statement.strip():
                            self._con.execute(statement)
                    self._con.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
            version = self._version()
        if version > SCHEMA_VERSION:
            raise CorpusError(f"{self.path}: corpus schema version {version} is newer than this consistency "
                              f"supports ({SCHEMA_VERSION}); upgrade consistency")
        if version < SCHEMA_VERSION:
            self._migrate(version)

    def _migrate(self, version: int) -> None:
        missing = [v for v in range(version, SCHEMA_VERSION) if v not in MIGRATIONS]
        if missing:
            raise CorpusError(
                f"{self.path}: corpus schema version {version} is older than this consistency supports "
                f"({SCHEMA_VERSION}) and cannot be migrated; delete it and rebuild it with "
                f"`consistency add --corpus {self.path} ARTICLES...`")
        with self._write():
            current = self._version()  # another process may have migrated it meanwhile
            for v in range(current, SCHEMA_VERSION):
                MIGRATIONS[v](self._con)
                self._con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(v + 1),))

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: ``BEGIN IMMEDIATE`` ... ``COMMIT`` (``ROLLBACK`` on any error)."""
        try:
            self._con.execute("BEGIN IMMEDIATE")
        except sqlite3.DatabaseError as exc:
            raise self._database_error(exc) from None
        try:
            yield self._con
        except sqlite3.DatabaseError as exc:
            self._rollback()
            raise self._database_error(exc) from None
        except BaseException:
            self._rollback()
            raise
        try:
            self._con.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            raise self._database_error(exc) from None

    def _rollback(self) -> None:
        try:
            self._con.execute("ROLLBACK")
        except sqlite3.Error:
            pass  # the transaction is gone already (SQLite rolled it back itself)

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        """One read transaction: every query inside sees the same snapshot."""
        try:
            self._con.execute("BEGIN")
        except sqlite3.DatabaseError as exc:
            raise self._database_error(exc) from None
        try:
            yield self._con
        except sqlite3.DatabaseError as exc:
            raise self._database_error(exc) from None
        finally:
            try:
                self._con.execute("COMMIT")
            except sqlite3.Error:
                pass  # nothing was written; the read snapshot ends either way


    def __enter__(self) -> "Corpus":
        return self


    # -- metadata ----------------------------------------------------------------------------

    def meta(self, key: str) -> Optional[str]:
        row = self._con.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None




    def stats(self) -> dict:
        """Counts: ``articles``, ``statements``, and the ``model``."""
        a = self._con.execute("SELECT count(*) FROM articles").fetchone()[0]
        c = self._con.execute("SELECT count(*) FROM claims").fetchone()[0]
        return {"articles": a, "statements": c, "model": self.model, "schema_version": self.schema_version}


    # -- writing -----------------------------------------------------------------------------

    def add(self, articles: Sequence[Article], settings: Settings = Settings(), *,
            embedder: Optional[Embedder] = None) -> AddResult:
        """Ingest articles: new ones are added, changed ones replace their old claims.

        Unchanged articles (same text and extraction settings) cost one hash.
        Statements of a changed article whose text did not change keep their
        vectors; only the others are embedded. Embedding runs before the write
        lock is taken; the write itself (rows and index file) is one
        transaction.

        Parameters
        ----------
        articles : sequence of Article
            Unreadable ones (``error`` set) are reported in ``errors``.
        settings : Settings
        embedder : Embedder, optional
            Loaded from ``settings`` only if something must be embedded.
        """
        from .prepare import ingest, keyed

        items, errors = keyed(articles, settings, self.root)
        return ingest(self, items, settings, embedder, errors=errors)

    def refresh(self, settings: Settings = Settings(), *, embedder: Optional[Embedder] = None) -> AddResult:
        """Extract the claims of every stored article again (after an upgrade of the
        extractor), keeping the vectors of statements whose text did not change."""
        from .prepare import Prepared, ingest

        items = {}
        for row in self._con.execute("SELECT key, path, id, text, title, source, published, language, "
                                     "record_line FROM articles"):
            a = self._article(row)
            items[row[0]] = Prepared(row[0], a, text_hash(a.text), _params(a, settings))
        return ingest(self, items, settings, embedder, force=True)

    def known(self, keys: Sequence[str]) -> dict[str, tuple[str, str]]:
        """Stored ``(text hash, params)`` of these article keys (the ones stored)."""
        return self._known(keys)

    def stored_vectors(self, texts) -> dict[str, np.ndarray]:
        """Vectors already in the corpus for these number-masked texts (any article)."""
        return self._stored_vectors(texts)

    def write(self, prepared, model: Optional[str], *, force: bool = False) -> tuple[list, list, list]:
        """Store extracted, embedded articles (:class:`~.prepare.Prepared`) in one transaction.

        An article stored meanwhile by another writer with the same text and
        params is left as it is (unless ``force``). Returns the paths
        ``(added, updated, unchanged)``.
        """
        dim = next((p.vectors.shape[1] for p in prepared if p.vectors is not None and len(p.vectors)), None)
        added, updated, same = [], [], []
        new_vecs: dict[int, np.ndarray] = {}
        with self._write() as con:
            if model is not None:
                self.check_model(model)
                con.execute("INSERT OR IGNORE INTO meta VALUES ('model', ?)", (model,))
            if dim is not None:
                have = self.dim
                if have is not None and have != dim:
                    raise CorpusError(f"{self.path}: vectors of width {dim} do not fit the corpus ({have})")
                con.execute("INSERT OR IGNORE INTO meta VALUES ('dim', ?)", (str(dim),))
            now = self._known([p.key for p in prepared])  # another writer may have stored some meanwhile
            for p in prepared:
                key, a, digest, params = p.key, p.article, p.digest, p.params
                if not force and now.get(key) == (digest, params):
                    same.append(a.path)
                    continue
                (updated if key in now else added).append(a.path)
                con.execute("DELETE FROM claims WHERE article = ?", (key,))
                con.execute("INSERT OR REPLACE INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                            (key, a.path, a.id, digest, params, a.text, a.title, a.source,
                             a.published.isoformat() if a.published else None, a.language, a.record_line))
                rows = []
                for pos, (c, t, v) in enumerate(zip(p.claims, p.texts, p.vectors)):
                    ck = claim_key(key, digest, pos, t)
                    new_vecs[ck] = v
                    rows.append((ck, key, pos, len(c.values), claim_to_json(c), _text_key(t),
                                 v.astype(np.float32).tobytes()))
                con.executemany("INSERT OR REPLACE INTO claims VALUES (?,?,?,?,?,?,?)", rows)
            self._save_index(new_vecs)
        return added, updated, same

    def remove(self, paths: Sequence[str]) -> int:
        """Remove articles (by path, or folder prefix) from the corpus; returns how many."""
        keys = []
        for p in paths:
            rel = _relative(p, self.root)
            keys += [r[0] for r in self._con.execute(
                "SELECT key FROM articles WHERE key = ? OR key LIKE ? ESCAPE '\\' OR key LIKE ? ESCAPE '\\'",
                (rel, _like(rel) + "#%", _like(rel.rstrip("/")) + "/%"))]
        keys = list(dict.fromkeys(keys))
        if not keys:
            return 0
        with self._write() as con:
            for k in keys:
                con.execute("DELETE FROM claims WHERE article = ?", (k,))
                con.execute("DELETE FROM articles WHERE key = ?", (k,))
            self._save_index({})
        return len(keys)

    def prune(self, present: Sequence[Article] = ()) -> int:
        """Remove stored articles whose file no longer exists, and stored records of the
        JSONL files among ``present`` that are no longer in them; returns how many."""
        keys = [r[0] for r in self._con.execute("SELECT key FROM articles")]
        here = {article_key(a, self.root) for a in present if not a.error}
        files = {k.rsplit("#", 1)[0] for k in here if "#" in k}
        gone = []
        for k in keys:
            file = k.rsplit("#", 1)[0] if "#" in k and k.rsplit("#", 1)[0].lower().endswith(".jsonl") else k
            path = file if os.path.isabs(file) else os.path.join(self.root, file)
            if not os.path.exists(path) or (file in files and k not in here):
                gone.append(k)
        if gone:
            with self._write() as con:
                for k in gone:
                    con.execute("DELETE FROM claims WHERE article = ?", (k,))
                    con.execute("DELETE FROM articles WHERE key = ?", (k,))
                self._save_index({})
        return len(gone)


    def _known(self, keys: Sequence[str]) -> dict[str, tuple[str, str]]:
        out: dict[str, tuple[str, str]] = {}
        for i in range(0, len(keys), 500):
            chunk = keys[i:i + 500]
            q = f"SELECT key, hash, params FROM articles WHERE key IN ({','.join('?' * len(chunk))})"
            out.update({k: (h, p) for k, h, p in self._con.execute(q, chunk)})
        return out

    def _stored_vectors(self, texts) -> dict[str, np.ndarray]:
        """Vectors already in the corpus for these number-masked texts (any article)."""
        by_key = {_text_key(t): t for t in texts}
        keys = list(by_key)
        out: dict[str, np.ndarray] = {}
        for i in range(0, len(keys), 500):
            chunk = keys[i:i + 500]
            q = f"SELECT text_key, vec FROM claims WHERE text_key IN ({','.join('?' * len(chunk))})"
            for tk, blob in self._con.execute(q, chunk):
                out[by_key[tk]] = np.frombuffer(blob, dtype=np.float32).copy()
        return out

    def _db_keys(self) -> np.ndarray:
        return np.fromiter((r[0] for r in self._con.execute("SELECT key FROM claims")), dtype=np.int64)

    def _vectors(self, keys: np.ndarray) -> np.ndarray:
        dim = self.dim
        keys = [int(k) for k in keys]
        found: dict[int, np.ndarray] = {}
        for i in range(0, len(keys), 500):
            chunk = keys[i:i + 500]
            q = f"SELECT key, vec FROM claims WHERE key IN ({','.join('?' * len(chunk))})"
            found.update({k: np.frombuffer(b, dtype=np.float32) for k, b in self._con.execute(q, chunk)})
        if not keys:
            return np.zeros((0, dim or 0), dtype=np.float32)
        return np.vstack([found[k] for k in keys])

    def _save_index(self, new_vecs: dict[int, np.ndarray]) -> None:
        """Bring the index file in line with the claims table (inside the write transaction)."""
        remove_stale_temps(self.index_path)  # we hold the write lock: no writer of ours is mid-save
        dim = self.dim
        if dim is None:
            return
        index = VectorIndex.load(self.index_path, dim)

        def fetch(keys: np.ndarray) -> np.ndarray:
            have = [k for k in keys.tolist() if k in new_vecs]
            if len(have) == len(keys):
                return np.vstack([new_vecs[k] for k in keys.tolist()])
            return self._vectors(keys)

        index.sync(self._db_keys(), fetch)
        index.save(self.index_path)

    def repair_index(self) -> Optional[str]:
        """Bring a missing, empty, corrupted or stale index file in line with the database.

        Also removes the temporary index files a killed writer left behind.
        Cheap when all is well (the file is memory-mapped and its keys compared).

        Returns
        -------
        message : str or None
            What was wrong and what was done, for a person; None when nothing was.
        """
        dim = self.dim
        temps = [f for f in glob.glob(os.path.join(os.path.dirname(os.path.abspath(self.index_path)),
                                                   ".tmp-*.usearch"))]
        problem, index = None, None
        if dim is not None:
            with self._read():
                index = VectorIndex.load(self.index_path, dim, view=True)
                problem = index.problem
                if problem is None:
                    missing, extra = index.diff(self._db_keys())
                    if len(missing) or len(extra):
                        problem = f"stale ({len(missing)} statements missing, {len(extra)} extra)"
            del index
        if problem is None and not temps:
            return None
        try:
            with self._write():
                removed = remove_stale_temps(self.index_path)
                if problem is not None:
                    if not problem.startswith("stale") and os.path.lexists(self.index_path):
                        os.unlink(self.index_path)  # unusable: rebuilt from the database, in key order
                    self._save_index({})
        except (OSError, CorpusError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            if problem is None:
                return None
            return (f"{self.index_path}: the vector index is {problem} and cannot be rewritten ({reason}); "
                    f"it is rebuilt in memory for this run")
        parts = []
        if problem is not None:
            parts.append(f"{self.index_path}: the vector index was {problem}; rebuilt from the database")
        if removed:
            parts.append(f"removed {len(removed)} temporary index file{'s' * (len(removed) != 1)} "
                         f"left by an interrupted write")
        return "; ".join(parts) or None

    # -- reading for a check -------------------------------------------------------------------

    def index(self) -> VectorIndex:
        """The vector index, in line with the database (synced in memory if the file is stale)."""
        with self._read():
            return self._synced_index()

    def _synced_index(self) -> VectorIndex:
        dim = self.dim
        if dim is None:
            return VectorIndex(1)
        index = VectorIndex.load(self.index_path, dim, view=True)
        db_keys = self._db_keys()
        missing, extra = index.diff(db_keys)
        if len(missing) or len(extra):
            index = VectorIndex.load(self.index_path, dim, view=False)
            index.sync(db_keys, self._vectors)
        return index

    def excluded_keys(self, articles: Sequence[Article]) -> set[str]:
        """Corpus articles superseded by these (same key or same text): left out of a check."""
        keys = {article_key(a, self.root) for a in articles if not a.error}
        hashes = [text_hash(a.text) for a in articles if not a.error]
        for i in range(0, len(hashes), 500):
            chunk = hashes[i:i + 500]
            q = f"SELECT key FROM articles WHERE hash IN ({','.join('?' * len(chunk))})"
            keys.update(r[0] for r in self._con.execute(q, chunk))
        return keys

    def neighbours(self, queries: np.ndarray, *, k: int = 20, min_sim: float = 0.35,
                   exclude: Sequence[Article] = (), value_hops: int = 1, value_k: int = 8,
                   value_sim: float = 0.55) -> CorpusClaims:
        """The corpus claims near the query vectors.

        For each query row, its ``k`` nearest corpus claims with cosine
        similarity ``>= min_sim`` (approximate, from the usearch index; the
        claims of articles in ``exclude``, and their copies, are skipped).
        Then, ``value_hops`` times, the ``value_k`` nearest claims (with
        ``>= value_sim``) of the claims found that state values: the
        statements the corpus already aligns with them.

        Parameters
        ----------
        queries : ndarray of shape (n_queries, dim)

        Returns
        -------
        CorpusClaims
            Rows in key order (deterministic).
        """
        with self._read():
            dim = self.dim
            if dim is None or queries.shape[0] == 0:
                return CorpusClaims((), np.zeros((0, dim or 1), dtype=np.float32), {}, np.zeros(0, np.int64))
            if queries.shape[1] != dim:
                raise CorpusError(f"{self.path}: query vectors of width {queries.shape[1]} do not fit "
                                  f"the corpus ({dim}): a different embedding model?")
            index = self._synced_index()
            skip_articles = self.excluded_keys(exclude)
            skip: set[int] = set()
            for art in skip_articles:
                skip.update(r[0] for r in self._con.execute("SELECT key FROM claims WHERE article = ?", (art,)))
            found = self._search(index, queries, k, min_sim, skip)
            frontier = found
            rows = self._rows(found)
            for _ in range(value_hops):
                with_values = [key for key in frontier if rows[key][2] > 0]
                if not with_values:
                    break
                more = self._search(index, self._vectors(np.array(with_values)), value_k, value_sim, skip)
                frontier = more - set(rows)
                rows.update(self._rows(frontier))
            keys = np.array(sorted(rows), dtype=np.int64)
            claims = tuple(claim_from_json(rows[key][1]) for key in keys.tolist())
            vecs = (np.vstack([np.frombuffer(rows[key][3], dtype=np.float32) for key in keys.tolist()])
                    if len(keys) else np.zeros((0, dim), dtype=np.float32))
            ids = {c.article: rows[key][0] for c, key in zip(claims, keys.tolist())}
        return CorpusClaims(claims, vecs, ids, keys)

    def _search(self, index: VectorIndex, Q: np.ndarray, k: int, min_sim: float, skip: set[int]) -> set[int]:
        keys, sims = index.search(Q, k + len(skip))
        out: set[int] = set()
        for row_k, row_s in zip(keys.tolist(), sims.tolist()):
            taken = 0
            # ties (copies of one statement share a vector) broken by key, not by search order
            for s, key in sorted(zip(row_s, row_k), key=lambda sk: (-sk[0], sk[1])):
                if taken >= k or s < min_sim:
                    break
                if key < 0 or key in skip:
                    continue
                out.add(key)
                taken += 1
        return out

    def _rows(self, keys) -> dict[int, tuple]:
        keys = [int(k) for k in keys]
        out: dict[int, tuple] = {}
        for i in range(0, len(keys), 500):
            chunk = keys[i:i + 500]
            q = (f"SELECT c.key, a.id, c.claim, c.n_values, c.vec FROM claims c JOIN articles a "
                 f"ON a.key = c.article WHERE c.key IN ({','.join('?' * len(chunk))})")
            for key, ident, js, nv, blob in self._con.execute(q, chunk):
                out[key] = (ident, js, nv, blob)
        # keys in the index but no longer in the database (a newer writer) are skipped
        return {key: (v[0], v[1], v[2], v[3]) for key, v in out.items()}


def _like(s: str) -> str:
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
