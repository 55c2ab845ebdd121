"""The corpus contract, run against both backends: SQLite (a file) and PostgreSQL + pgvector (a URL).

The PostgreSQL cases run on a throwaway server that the tests start themselves
(``pg_server`` in tests/conftest.py); they skip, saying why, only where it cannot start.
"""

from __future__ import annotations

import json
import os
import threading

import numpy as np
import pytest
from backend_rows import claim_keys, dump, query
from corpus_articles import BRIDGE, FLOOD, write

from consistency import Settings
from consistency.corpus import CorpusError, PgCorpus, claim_from_json, is_url, open_corpus, redact
from consistency.corpus import postgres as pg_mod
from consistency.corpus import store as store_mod
from consistency.embed import TfidfEmbedder, embed_claims
from consistency.read import read_paths

S = Settings(cache_dir="")


def _module(url):
    return pg_mod if is_url(url) else store_mod


def test_open_corpus_picks_the_backend(backend, tmp_path):
    with open_corpus(backend, create=True, root=str(tmp_path)) as corpus:
        assert isinstance(corpus, PgCorpus) == is_url(backend)
        assert corpus.schema_version == _module(backend).SCHEMA_VERSION
        assert corpus.stats() == {"articles": 0, "statements": 0, "model": None,
                                  "schema_version": _module(backend).SCHEMA_VERSION}


def test_add_is_incremental(backend, tmp_path, corpus_files, counting):
    with open_corpus(backend, create=True, root=str(tmp_path)) as corpus:
        first = corpus.add(read_paths([str(corpus_files)]), S, embedder=counting)
        assert sorted(first.added) == ["corpus/bridge.txt", "corpus/flood.txt", "corpus/storm.txt"]
        embedded = len(counting.texts)
        assert first.embedded == embedded > 0
        again = corpus.add(read_paths([str(corpus_files)]), S, embedder=counting)
        assert again.added == () and len(again.unchanged) == 3 and again.embedded == 0
        assert len(counting.texts) == embedded  # re-adding is free: nothing embedded again
        stats = corpus.stats()
        assert stats["articles"] == 3 and stats["model"] == counting.name
        assert stats["statements"] == len(claim_keys(corpus)) > 0


def test_repair_index_on_a_healthy_corpus_says_nothing(backend, tmp_path, corpus_files, embedder):
    """``add`` and ``check --corpus`` call ``repair_index()`` on either backend (issue 11): nothing to say
    when all is well, and the corpus is the same afterwards."""
    with open_corpus(backend, create=True, root=str(tmp_path)) as corpus:
        assert corpus.repair_index() is None  # empty corpus
        corpus.add(read_paths([str(corpus_files)]), S, embedder=embedder)
        articles, claims, vectors = dump(corpus)
        assert corpus.repair_index() is None
        after = dump(corpus)
        assert after[:2] == (articles, claims) and after[2].keys() == vectors.keys()
        assert all(np.array_equal(after[2][k], v) for k, v in vectors.items())


def test_changed_article_replaces_its_facts(backend, tmp_path, corpus_files, counting):
    with open_corpus(backend, create=True, root=str(tmp_path)) as corpus:
        corpus.add(read_paths([str(corpus_files)]), S, embedder=counting)
        before = len(counting.texts)
        (corpus_files / "flood.txt").write_text(FLOOD.replace("120 Häuser", "150 Häuser"), encoding="utf-8")
        res = corpus.add(read_paths([str(corpus_files)]), S, embedder=counting)
        assert res.updated == ("corpus/flood.txt",) and len(res.unchanged) == 2
        assert res.embedded == 0 and res.reused > 0 and len(counting.texts) == before
        (corpus_files / "flood.txt").write_text(FLOOD + "Ein neuer Satz über Schlamm kam hinzu.\n", encoding="utf-8")
        res = corpus.add(read_paths([str(corpus_files)]), S, embedder=counting)
        assert res.embedded == 1
        claims = [claim_from_json(r[0]) for r in query(
            corpus, "SELECT claim FROM {claims} WHERE article = %s", "corpus/flood.txt")]
    raws = {q.raw for c in claims for q in c.values}
    assert "120" in raws and "150" not in raws
    assert any("Schlamm" in c.text for c in claims)


def test_jsonl_records_are_keyed_by_id_not_line(backend, tmp_path, embedder):
    f = tmp_path / "feed.jsonl"
    rec = lambda i, t: json.dumps({"id": i, "text": t}, ensure_ascii=False)  # noqa: E731
    f.write_text(rec("a1", FLOOD) + "\n" + rec("b2", BRIDGE) + "\n", encoding="utf-8")
    with open_corpus(backend, create=True, root=str(tmp_path)) as corpus:
        assert len(corpus.add(read_paths([str(f)]), S, embedder=embedder).added) == 2
        f.write_text(rec("z0", "Ein ganz anderer Text über 7 Katzen.") + "\n" + f.read_text(encoding="utf-8"),
                     encoding="utf-8")
        res = corpus.add(read_paths([str(f)]), S, embedder=embedder)
        assert len(res.added) == 1 and len(res.unchanged) == 2
        # the record left its file: prune removes it
        f.write_text(rec("z0", "Ein ganz anderer Text über 7 Katzen.") + "\n", encoding="utf-8")
        present = read_paths([str(f)])
        assert corpus.prune(present) == 2
        assert [r[0] for r in query(corpus, "SELECT key FROM {articles}")] == ["feed.jsonl#z0"]


def test_remove_and_prune(backend, tmp_path, corpus_files, embedder):
    with open_corpus(backend, create=True, root=str(tmp_path)) as corpus:
        corpus.add(read_paths([str(corpus_files)]), S, embedder=embedder)
        assert corpus.remove([str(corpus_files / "flood.txt")]) == 1
        assert corpus.stats()["articles"] == 2
        # no claim of a removed article is left behind
        assert not query(corpus, "SELECT key FROM {claims} WHERE article NOT IN (SELECT key FROM {articles})")
        (corpus_files / "storm.txt").unlink()
        assert corpus.prune() == 1
        assert corpus.remove([str(corpus_files)]) == 1
        assert corpus.stats()["articles"] == corpus.stats()["statements"] == 0


def test_other_model_is_refused(backend, tmp_path, corpus_files, embedder):
    with open_corpus(backend, create=True, root=str(tmp_path)) as corpus:
        corpus.add(read_paths([str(corpus_files / "flood.txt")]), S, embedder=embedder)
        with pytest.raises(CorpusError, match="embedded with model 'use-multilingual'"):
            corpus.add(read_paths([str(corpus_files / "bridge.txt")]), S, embedder=TfidfEmbedder())


def test_missing_corpus_is_a_clear_error(backend):
    with pytest.raises(CorpusError, match="no corpus.*consistency add"):
        open_corpus(backend)


def _set_version(url, tmp_path, version: str):
    with open_corpus(url, create=True, root=str(tmp_path)) as corpus:
        with corpus._write():
            query(corpus, "UPDATE {meta} SET value = %s WHERE key = 'schema_version' RETURNING key", version)


@pytest.mark.parametrize("version, message", [
    ("99", r"schema version 99 is newer .*upgrade consistency"),
    ("0", r"schema version 0 is older .* cannot be migrated.*rebuild")])
def test_newer_or_unmigratable_schema_is_refused(backend, tmp_path, version, message):
    _set_version(backend, tmp_path, version)
    with pytest.raises(CorpusError, match=message):
        open_corpus(backend)


def _columns(corpus) -> list[str]:
    if isinstance(corpus, PgCorpus):
        return [r[0] for r in query(corpus, "SELECT column_name FROM information_schema.columns "
                                            "WHERE table_name = 'consistency_articles'")]
    return [r[1] for r in query(corpus, "PRAGMA table_info(articles)")]


def test_older_schema_is_migrated(backend, tmp_path, monkeypatch, corpus_files, embedder):
    mod = _module(backend)
    with open_corpus(backend, create=True, root=str(tmp_path)) as corpus:
        corpus.add(read_paths([str(corpus_files / "flood.txt")]), S, embedder=embedder)
    table = "consistency_articles" if is_url(backend) else "articles"

    def to_v2(con):
        con.execute(f"ALTER TABLE {table} ADD COLUMN section TEXT")

    monkeypatch.setattr(mod, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(mod.MIGRATIONS, 1, to_v2)
    with open_corpus(backend, root=str(tmp_path)) as corpus:
        assert corpus.schema_version == 2
        assert corpus.stats()["articles"] == 1
        assert "section" in _columns(corpus)


def test_failed_migration_leaves_the_old_version(backend, tmp_path, monkeypatch):
    mod = _module(backend)
    table = "consistency_articles" if is_url(backend) else "articles"
    with open_corpus(backend, create=True, root=str(tmp_path)):
        pass

    def broken(con):
        con.execute(f"ALTER TABLE {table} ADD COLUMN section TEXT")
        raise RuntimeError("interrupted")

    monkeypatch.setattr(mod, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(mod.MIGRATIONS, 1, broken)
    with pytest.raises(RuntimeError):
        open_corpus(backend)
    monkeypatch.setattr(mod, "SCHEMA_VERSION", 1)
    with open_corpus(backend) as corpus:
        assert corpus.schema_version == 1
        assert "section" not in _columns(corpus)


def test_vectors_are_stored_as_embedded(backend, tmp_path, corpus_files, embedder):
    with open_corpus(backend, create=True, root=str(tmp_path)) as corpus:
        corpus.add(read_paths([str(corpus_files / "bridge.txt")]), S, embedder=embedder)
        _, claims, vectors = dump(corpus)
    rows = sorted(claims, key=lambda r: r[2])
    X = embed_claims([claim_from_json(r[4]) for r in rows], embedder)
    assert np.array_equal(np.vstack([vectors[r[0]] for r in rows]), X.astype(np.float32))


def test_refresh_extracts_again_without_embedding(backend, tmp_path, corpus_files, counting):
    with open_corpus(backend, create=True, root=str(tmp_path)) as corpus:
        corpus.add(read_paths([str(corpus_files)]), S, embedder=counting)
        embedded = len(counting.texts)
        keys = claim_keys(corpus)
        with corpus._write():  # as if an older extractor had found no values
            query(corpus, "UPDATE {claims} SET n_values = 0 RETURNING key")
        res = corpus.refresh(S, embedder=counting)
        assert len(res.updated) == 3 and res.embedded == 0 and len(counting.texts) == embedded
        assert claim_keys(corpus) == keys
        assert sum(r[0] for r in query(corpus, "SELECT n_values FROM {claims}")) > 0


def test_both_backends_store_the_same_corpus(pg_url, tmp_path, corpus_files, embedder):
    files = read_paths([str(corpus_files)])
    with open_corpus(str(tmp_path / "c.sqlite"), create=True, root=str(tmp_path)) as lite, \
            open_corpus(pg_url, create=True, root=str(tmp_path)) as server:
        lite.add(files, S, embedder=embedder)
        server.add(files, S, embedder=embedder)
        a1, c1, v1 = dump(lite)
        a2, c2, v2 = dump(server)
        assert a1 == a2 and c1 == c2
        assert v1.keys() == v2.keys() and all(np.array_equal(v1[k], v2[k]) for k in v1)
        q = embedder.encode(["Bei dem Hochwasser wurden # Häuser überflutet."])
        n1 = lite.neighbours(q, k=3, min_sim=0.0)
        n2 = server.neighbours(q, k=3, min_sim=0.0)
        assert n1.keys.tolist() == n2.keys.tolist() and len(n1.keys) >= 3
        assert n1.claims == n2.claims and n1.ids == n2.ids
        assert np.array_equal(n1.vectors, n2.vectors)


def test_a_check_during_an_add_sees_before_or_after(pg_url, tmp_path, corpus_files, embedder, monkeypatch):
    """A reader never sees half of a write: an add paused inside its transaction is invisible."""
    with open_corpus(pg_url, create=True, root=str(tmp_path)) as corpus:
        corpus.add(read_paths([str(corpus_files / "flood.txt")]), S, embedder=embedder)
        before = corpus.stats()
    inside, release = threading.Event(), threading.Event()
    real = PgCorpus.known

    def known_then_wait(self, keys):
        out = real(self, keys)
        if self._con.info.transaction_status != 0:  # inside the write transaction
            inside.set()
            release.wait(60)
        return out

    monkeypatch.setattr(PgCorpus, "known", known_then_wait)
    errors = []

    def writer():
        try:
            with open_corpus(pg_url, root=str(tmp_path)) as w:
                w.add(read_paths([str(corpus_files)]), S, embedder=embedder)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    t = threading.Thread(target=writer)
    t.start()
    try:
        assert inside.wait(120)
        with open_corpus(pg_url, root=str(tmp_path)) as reader:
            assert reader.stats() == before  # the add has not committed: nothing of it is seen
            found = reader.neighbours(embedder.encode(["Die neue Brücke kostet # Millionen Euro."]), k=5, min_sim=-1)
            assert {c.article for c in found.claims} <= {"corpus/flood.txt"}
    finally:
        release.set()
        t.join(120)
    assert not errors
    with open_corpus(pg_url, root=str(tmp_path)) as reader:
        assert reader.stats()["articles"] == 3


def test_url_forms_and_redaction():
    assert is_url("postgresql://u@h/db") and is_url("postgres://u@h/db") and is_url("POSTGRESQL://h/db")
    assert not is_url("corpus.sqlite") and not is_url("/tmp/postgresql/c.sqlite")
    assert redact("postgresql://anna:s3cret@db.example/news") == "postgresql://anna:***@db.example/news"
    assert redact("postgresql://anna@db.example/news") == "postgresql://anna@db.example/news"


def test_unreachable_server_is_a_clear_error(tmp_path):
    url = f"postgresql://nobody:pw@/nothing?host={tmp_path}&connect_timeout=2"
    with pytest.raises(CorpusError, match=r"postgresql://nobody:\*\*\*@.*cannot connect") as exc:
        open_corpus(url)
    assert "pw" not in str(exc.value).replace("postgresql", "")


def test_settings_file_takes_a_corpus_url_as_it_is(tmp_path):
    from consistency.config import resolve

    (tmp_path / "pyproject.toml").write_text(
        '[tool.consistency]\ncorpus = "postgresql://news@db.example.org/archive"\n', encoding="utf-8")
    assert resolve(start=str(tmp_path)).settings.corpus == "postgresql://news@db.example.org/archive"
    (tmp_path / "pyproject.toml").write_text('[tool.consistency]\ncorpus = "c.sqlite"\n', encoding="utf-8")
    assert os.path.abspath(resolve(start=str(tmp_path)).settings.corpus) == str(tmp_path / "c.sqlite")


def test_cli_add_and_check_with_a_postgresql_corpus(tmp_path, pg_url, corpus_files, embedder):
    """``--corpus URL`` everywhere ``--corpus`` is taken: add, check (the password never printed)."""
    import subprocess
    import sys

    from corpus_articles import NEW_CONTRA

    script = "import sys; from consistency.cli import main; sys.exit(main(sys.argv[1:]))"
    env = {**os.environ, "CI": "true"}
    run = lambda *a: subprocess.run([sys.executable, "-c", script, *a], cwd=tmp_path, env=env,  # noqa: E731
                                    capture_output=True, text=True, timeout=600)
    added = run("add", "--corpus", pg_url, str(corpus_files))
    assert added.returncode == 0 and "3 added" in added.stderr, added.stderr
    new = write(tmp_path / "new", {"passau.txt": NEW_CONTRA})
    checked = run("check", "--corpus", pg_url, "--format", "json", str(new))
    assert checked.returncode == 1, checked.stderr  # a contradiction with the corpus
    report = json.loads(checked.stdout)
    assert any(f["verdict"] == "contradict" for f in report["findings"])
    bad = run("check", "--corpus", "postgresql://anna:s3cret@/nowhere?host=/nonexistent&connect_timeout=2",
              str(new))
    assert bad.returncode == 2 and "cannot connect" in bad.stderr and "Traceback" not in bad.stderr
    assert "s3cret" not in bad.stderr


def test_a_value_the_server_refuses_is_a_corpus_error(pg_url, tmp_path, embedder):
    from consistency.read import article_from_text

    bad = article_from_text(str(tmp_path / "nul.txt"), "In Ulm wurden 5 Bäume gepflanzt.\x00 Die Stadt zahlte 9 Euro.\n")
    with open_corpus(pg_url, create=True, root=str(tmp_path)) as corpus:
        with pytest.raises(CorpusError, match=r"postgresql://.*(NUL|0x00)"):
            corpus.add([bad], S, embedder=embedder)
        assert corpus.stats()["articles"] == 0  # nothing half-written


def _has_hnsw(corpus) -> bool:
    return bool(query(corpus, "SELECT 1 FROM pg_class WHERE relname = 'consistency_claims_hnsw'"))


def test_bulk_load_builds_the_index_once_at_the_end(pg_url, tmp_path, corpus_files, embedder):
    files = read_paths([str(corpus_files)])
    with open_corpus(pg_url, create=True, root=str(tmp_path)) as corpus:
        with corpus.bulk() as bulk:
            assert bulk
            corpus.add(files[:1], S, embedder=embedder)
            assert not _has_hnsw(corpus)  # rows only, while loading
            q = embedder.encode(["Bei dem Hochwasser wurden # Häuser überflutet."])
            assert len(corpus.neighbours(q, k=3, min_sim=-1).keys) == 3  # a check meanwhile searches exactly
            corpus.add(files[1:], S, embedder=embedder)
        assert _has_hnsw(corpus)
        with corpus.bulk() as again:  # a corpus with statements is never loaded without its index
            assert not again and _has_hnsw(corpus)
        with open_corpus(str(tmp_path / "c.sqlite"), create=True, root=str(tmp_path)) as lite:
            lite.add(files, S, embedder=embedder)
            assert dump(lite)[:2] == dump(corpus)[:2]
            assert lite.neighbours(q, k=3, min_sim=0).keys.tolist() == corpus.neighbours(q, k=3, min_sim=0).keys.tolist()


def test_an_interrupted_bulk_load_gets_its_index_with_the_next_write(pg_url, tmp_path, corpus_files, embedder):
    files = read_paths([str(corpus_files)])
    with open_corpus(pg_url, create=True, root=str(tmp_path)) as corpus:
        with pytest.raises(KeyboardInterrupt):
            with corpus.bulk():
                corpus.add(files[:1], S, embedder=embedder)
                raise KeyboardInterrupt
    with open_corpus(pg_url, root=str(tmp_path)) as corpus:
        assert not _has_hnsw(corpus)
        corpus.add(files[1:], S, embedder=embedder)
        assert _has_hnsw(corpus) and corpus.stats()["articles"] == 3
