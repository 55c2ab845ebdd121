"""Read a corpus's tables directly, whichever the backend (for the contract tests)."""

from __future__ import annotations

import numpy as np


def _table(corpus, name: str) -> str:
    from consistency.corpus import PgCorpus

    return f"consistency_{name}" if isinstance(corpus, PgCorpus) else name


def query(corpus, sql: str, *params):
    """Run ``sql`` with ``{articles}``, ``{claims}``, ``{meta}`` naming the backend's tables."""
    from consistency.corpus import PgCorpus

    sql = sql.format(articles=_table(corpus, "articles"), claims=_table(corpus, "claims"),
                     meta=_table(corpus, "meta"))
    if not isinstance(corpus, PgCorpus):
        sql = sql.replace("%s", "?")
    return corpus._con.execute(sql, params).fetchall()


def claim_keys(corpus) -> list[int]:
    return sorted(r[0] for r in query(corpus, "SELECT key FROM {claims}"))


def vector(value) -> np.ndarray:
    if isinstance(value, (bytes, memoryview)):
        return np.frombuffer(bytes(value), dtype=np.float32)
    return np.asarray(value.to_numpy() if hasattr(value, "to_numpy") else value, dtype=np.float32)


def dump(corpus) -> tuple[list, list, dict]:
    """Everything stored: article rows, claim rows (without vectors), vectors by claim key."""
    articles = [tuple(r) for r in query(corpus, "SELECT key, path, id, hash, params, text, title, source, "
                                                "published, language, record_line FROM {articles} ORDER BY key")]
    rows = query(corpus, "SELECT key, article, position, n_values, claim, text_key, vec FROM {claims} ORDER BY key")
    claims = [tuple(r[:6]) for r in rows]
    vectors = {r[0]: vector(r[6]) for r in rows}
    return articles, claims, vectors
