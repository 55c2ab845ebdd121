"""Two processes adding to one corpus at the same time do not corrupt it."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

from corpus_articles import write

from consistency.corpus import Corpus


def _articles(prefix: str, n: int) -> dict[str, str]:
    return {f"{prefix}{i}.txt": (f"Bericht {prefix} {i}\n\nIn der Stadt {prefix}{i} wurden {i + 5} Bäume gepflanzt. "
                                 f"Die Aktion kostete {i + 2} 000 Euro.\n") for i in range(n)}


def test_two_processes_add_at_once(tmp_path):
    one = write(tmp_path / "one", _articles("Nord", 6))
    two = write(tmp_path / "two", _articles("Sued", 6))
    both = write(tmp_path / "both", _articles("Mitte", 3))
    db = tmp_path / "corpus.sqlite"
    env = {**os.environ, "CI": "true"}
    script = "import sys; from consistency.cli import main; sys.exit(main(sys.argv[1:]))"
    procs = [subprocess.Popen([sys.executable, "-c", script, "add", "--corpus", str(db), str(folder), str(both)],
                              cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for folder in (one, two)]
    outs = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    con = sqlite3.connect(str(db))
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    paths = sorted(r[0] for r in con.execute("SELECT key FROM articles"))
    n_claims = con.execute("SELECT count(*) FROM claims").fetchone()[0]
    # every claim belongs to a stored article, and no article was stored twice
    orphans = con.execute("SELECT count(*) FROM claims WHERE article NOT IN (SELECT key FROM articles)").fetchone()[0]
    per_article = con.execute("SELECT article, count(*), count(DISTINCT position) FROM claims GROUP BY article")
    assert all(n == distinct for _, n, distinct in per_article)
    con.close()
    assert orphans == 0
    assert len(paths) == 15 and len(set(paths)) == 15
    assert {p.split("/")[0] for p in paths} == {"one", "two", "both"}
    with Corpus(str(db)) as corpus:
        index = corpus.index()
        assert len(index) == n_claims
    # the index file alone (as the last writer left it) holds every claim: no writer lost another's keys
    from consistency.corpus import VectorIndex
    assert len(VectorIndex.load(str(db) + ".usearch", 512)) == n_claims


def test_two_processes_add_to_one_postgresql_corpus_at_once(tmp_path, pg_url, embedder):
    """Two runners adding to one shared PostgreSQL corpus at the same time keep both sets."""
    import psycopg

    one = write(tmp_path / "one", _articles("Nord", 6))
    two = write(tmp_path / "two", _articles("Sued", 6))
    both = write(tmp_path / "both", _articles("Mitte", 3))
    env = {**os.environ, "CI": "true"}
    script = "import sys; from consistency.cli import main; sys.exit(main(sys.argv[1:]))"
    procs = [subprocess.Popen([sys.executable, "-c", script, "add", "--corpus", pg_url, str(folder), str(both)],
                              cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for folder in (one, two)]
    outs = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    with psycopg.connect(pg_url) as con:
        paths = sorted(r[0] for r in con.execute("SELECT key FROM consistency_articles"))
        orphans = con.execute("SELECT count(*) FROM consistency_claims WHERE article NOT IN "
                              "(SELECT key FROM consistency_articles)").fetchone()[0]
        per_article = con.execute("SELECT article, count(*), count(DISTINCT position) FROM consistency_claims "
                                  "GROUP BY article").fetchall()
        n_claims = con.execute("SELECT count(*) FROM consistency_claims").fetchone()[0]
    assert orphans == 0 and n_claims > 0
    assert all(n == distinct for _, n, distinct in per_article)
    assert len(paths) == 15 and len(set(paths)) == 15
    assert {p.split("/")[0] for p in paths} == {"one", "two", "both"}
    assert all("consistency: postgresql://" in err for _, err in outs)
    from consistency.corpus import open_corpus
    with open_corpus(pg_url) as corpus:
        assert corpus.stats()["statements"] == n_claims
        q = embedder.encode(["In der Stadt wurden # Bäume gepflanzt."])
        found = corpus.neighbours(q, k=30, min_sim=-1)
        assert {c.article.split("/")[0] for c in found.claims} == {"one", "two", "both"}

