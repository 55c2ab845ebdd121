"""The corpus store: ingest once, replace on change, schema versions, atomic writes."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import textwrap

import numpy as np
import pytest
from corpus_articles import BRIDGE, FLOOD

from consistency import Settings
from consistency.corpus import Corpus, CorpusError, claim_from_json, claim_to_json
from consistency.corpus import store as store_mod
from consistency.embed import TfidfEmbedder
from consistency.pipeline import claims_of
from consistency.read import read_paths

S = Settings(cache_dir="")


def _db_keys(path):
    con = sqlite3.connect(path)
    try:
        return sorted(r[0] for r in con.execute("SELECT key FROM claims"))
    finally:
        con.close()


def test_claims_round_trip_through_json(corpus_files):
    claims = claims_of(read_paths([str(corpus_files)]), S)
    assert any(c.values for c in claims)
    for c in claims:
        back = claim_from_json(claim_to_json(c))
        assert back == c
        assert isinstance(back.values, tuple) and isinstance(back.negation_cues, tuple)


def test_more_than_bound_survives_json():
    from consistency.model import Quantity
    q = Quantity(raw="mehr als 10.000", start=0, end=15, kind="count", value=10000.0, low=10000.0,
                 high=float("inf"), hedge="lower")
    from consistency.model import Claim, Sentence
    c = Claim(sentence=Sentence("a", 0, 0, 15, "mehr als 10.000", 1, "de", "mehr als 10.000"), values=(q,))
    assert claim_from_json(claim_to_json(c)) == c


def test_add_is_incremental_and_keeps_the_index_in_line(tmp_path, corpus_files, counting):
    db = tmp_path / "c.sqlite"
    with Corpus(str(db), create=True, root=str(tmp_path)) as corpus:
        first = corpus.add(read_paths([str(corpus_files)]), S, embedder=counting)
        assert sorted(first.added) == ["corpus/bridge.txt", "corpus/flood.txt", "corpus/storm.txt"]
        embedded = len(counting.texts)
        assert first.embedded == embedded > 0
        again = corpus.add(read_paths([str(corpus_files)]), S, embedder=counting)
        assert again.added == () and len(again.unchanged) == 3 and again.embedded == 0
        assert len(counting.texts) == embedded  # nothing embedded again
        stats = corpus.stats()
        assert stats["articles"] == 3 and stats["model"] == counting.name
        assert sorted(corpus.index().keys().tolist()) == _db_keys(db)
    assert (tmp_path / "c.sqlite.usearch").exists()
    # the index file on disk alone (not synced in memory) holds every claim
    from consistency.corpus import VectorIndex
    on_disk = VectorIndex.load(str(db) + ".usearch", 512)
    assert sorted(on_disk.keys().tolist()) == _db_keys(db)


def test_changed_article_replaces_its_facts(tmp_path, corpus_files, counting):
    db = str(tmp_path / "c.sqlite")
    with Corpus(db, create=True, root=str(tmp_path)) as corpus:
        corpus.add(read_paths([str(corpus_files)]), S, embedder=counting)
        before = len(counting.texts)
        (corpus_files / "flood.txt").write_text(FLOOD.replace("120 Häuser", "150 Häuser"), encoding="utf-8")
        res = corpus.add(read_paths([str(corpus_files)]), S, embedder=counting)
        assert res.updated == ("corpus/flood.txt",) and len(res.unchanged) == 2
        # only the number changed: the number-masked statement keeps its vector
        assert res.embedded == 0 and res.reused > 0 and len(counting.texts) == before
        (corpus_files / "flood.txt").write_text(FLOOD + "Ein neuer Satz über Schlamm kam hinzu.\n",
                                                encoding="utf-8")
        res = corpus.add(read_paths([str(corpus_files)]), S, embedder=counting)
        assert res.embedded == 1  # only the new sentence
        assert sorted(corpus.index().keys().tolist()) == _db_keys(db)
    con = sqlite3.connect(db)
    claims = [claim_from_json(r[0]) for r in con.execute(
        "SELECT claim FROM claims WHERE article = 'corpus/flood.txt'")]
    con.close()
    raws = {q.raw for c in claims for q in c.values}
    assert "120" in raws and "150" not in raws  # the file now says 120 again; 150 is gone
    assert any("Schlamm" in c.text for c in claims)


def test_jsonl_records_are_keyed_by_id_not_line(tmp_path, embedder):
    f = tmp_path / "feed.jsonl"
    rec = lambda i, t: json.dumps({"id": i, "text": t}, ensure_ascii=False)  # noqa: E731
    f.write_text(rec("a1", FLOOD) + "\n" + rec("b2", BRIDGE) + "\n", encoding="utf-8")
    with Corpus(str(tmp_path / "c.sqlite"), create=True, root=str(tmp_path)) as corpus:
        assert len(corpus.add(read_paths([str(f)]), S, embedder=embedder).added) == 2
        f.write_text(rec("z0", "Ein ganz anderer Text über 7 Katzen.") + "\n" + f.read_text(encoding="utf-8"),
                     encoding="utf-8")
        res = corpus.add(read_paths([str(f)]), S, embedder=embedder)
        assert len(res.added) == 1 and len(res.unchanged) == 2


def test_remove(tmp_path, corpus_files, embedder):
    db = str(tmp_path / "c.sqlite")
    with Corpus(db, create=True, root=str(tmp_path)) as corpus:
        corpus.add(read_paths([str(corpus_files)]), S, embedder=embedder)
        assert corpus.remove([str(corpus_files / "flood.txt")]) == 1
        assert corpus.stats()["articles"] == 2
        assert sorted(corpus.index().keys().tolist()) == _db_keys(db)
        assert corpus.remove([str(corpus_files)]) == 2
        assert corpus.stats() == {**corpus.stats(), "articles": 0, "statements": 0}


def test_other_model_is_refused(tmp_path, corpus_files, embedder):
    db = str(tmp_path / "c.sqlite")
    with Corpus(db, create=True, root=str(tmp_path)) as corpus:
        corpus.add(read_paths([str(corpus_files / "flood.txt")]), S, embedder=embedder)
        with pytest.raises(CorpusError, match="embedded with model 'use-multilingual'"):
            corpus.add(read_paths([str(corpus_files / "bridge.txt")]), S, embedder=TfidfEmbedder())


def test_missing_corpus_is_a_clear_error(tmp_path):
    with pytest.raises(CorpusError, match="no corpus here.*consistency add"):
        Corpus(str(tmp_path / "nope.sqlite"))


def _corpus_with_version(path, version: str):
    with Corpus(str(path), create=True):
        pass
    con = sqlite3.connect(str(path))
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (version,))
    con.commit()
    con.close()


def test_older_schema_without_migration_is_refused(tmp_path):
    db = tmp_path / "old.sqlite"
    _corpus_with_version(db, "0")
    with pytest.raises(CorpusError, match=r"schema version 0 is older .* cannot be migrated.*rebuild"):
        Corpus(str(db))


def test_newer_schema_is_refused(tmp_path):
    db = tmp_path / "new.sqlite"
    _corpus_with_version(db, "99")
    with pytest.raises(CorpusError, match=r"schema version 99 is newer .*upgrade consistency"):
        Corpus(str(db))


def test_not_a_corpus_is_refused(tmp_path):
    other = tmp_path / "other.sqlite"
    con = sqlite3.connect(str(other))
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    with pytest.raises(CorpusError, match="not a consistency corpus"):
        Corpus(str(other))
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(CorpusError, match="junk.sqlite: not a consistency corpus"):
        Corpus(str(junk))


def test_older_schema_is_migrated(tmp_path, monkeypatch, corpus_files, embedder):
    db = tmp_path / "c.sqlite"
    with Corpus(str(db), create=True, root=str(tmp_path)) as corpus:
        corpus.add(read_paths([str(corpus_files / "flood.txt")]), S, embedder=embedder)

    def to_v2(con):
        con.execute("ALTER TABLE articles ADD COLUMN section TEXT")

    monkeypatch.setattr(store_mod, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(store_mod.MIGRATIONS, 1, to_v2)
    with Corpus(str(db)) as corpus:
        assert corpus.schema_version == 2
        assert corpus.stats()["articles"] == 1
    con = sqlite3.connect(str(db))
    assert "section" in [r[1] for r in con.execute("PRAGMA table_info(articles)")]
    con.close()


def test_failed_migration_leaves_the_old_version(tmp_path, monkeypatch):
    db = tmp_path / "c.sqlite"
    with Corpus(str(db), create=True):
        pass

    def broken(con):
        con.execute("ALTER TABLE articles ADD COLUMN section TEXT")
        raise RuntimeError("interrupted")

    monkeypatch.setattr(store_mod, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(store_mod.MIGRATIONS, 1, broken)
    with pytest.raises(RuntimeError):
        Corpus(str(db))
    monkeypatch.setattr(store_mod, "SCHEMA_VERSION", 1)
    with Corpus(str(db)) as corpus:
        assert corpus.schema_version == 1
    con = sqlite3.connect(str(db))
    assert "section" not in [r[1] for r in con.execute("PRAGMA table_info(articles)")]
    con.close()


def test_interrupted_add_leaves_the_corpus_intact(tmp_path, corpus_files, embedder, monkeypatch):
    db = tmp_path / "c.sqlite"
    with Corpus(str(db), create=True, root=str(tmp_path)) as corpus:
        corpus.add(read_paths([str(corpus_files / "flood.txt")]), S, embedder=embedder)
    index_before = (tmp_path / "c.sqlite.usearch").read_bytes()
    keys_before = _db_keys(db)

    from consistency.corpus import index as index_mod

    def interrupted(src, dst):
        raise KeyboardInterrupt  # the run is stopped while the new index file is being moved into place

    monkeypatch.setattr(index_mod.os, "replace", interrupted)
    with Corpus(str(db), root=str(tmp_path)) as corpus:
        with pytest.raises(KeyboardInterrupt):
            corpus.add(read_paths([str(corpus_files / "bridge.txt")]), S, embedder=embedder)
    monkeypatch.undo()
    assert (tmp_path / "c.sqlite.usearch").read_bytes() == index_before
    assert _db_keys(db) == keys_before
    assert not [p for p in os.listdir(tmp_path) if p.startswith(".tmp-")]
    with Corpus(str(db), root=str(tmp_path)) as corpus:
        assert corpus.stats()["articles"] == 1
        assert corpus.add(read_paths([str(corpus_files / "bridge.txt")]), S, embedder=embedder).added


def test_killed_process_mid_write_leaves_a_usable_corpus(tmp_path, corpus_files, embedder):
    """A hard kill after the new index file is in place but before COMMIT: the database
    rolls back, and the index (now ahead of it) is brought back in line by a key diff."""
    db = tmp_path / "c.sqlite"
    with Corpus(str(db), create=True, root=str(tmp_path)) as corpus:
        corpus.add(read_paths([str(corpus_files / "flood.txt")]), S, embedder=embedder)
    keys_before = _db_keys(db)
    script = textwrap.dedent(f"""
        import os
        from consistency import Settings
        from consistency.corpus import Corpus, index
        from consistency.read import read_paths
        real = index.os.replace
        def replace_then_die(src, dst):
            real(src, dst)
            os._exit(3)
        index.os.replace = replace_then_die
        with Corpus({str(db)!r}, root={str(tmp_path)!r}) as c:
            c.add(read_paths([{str(corpus_files / 'bridge.txt')!r}]), Settings(cache_dir=""))
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 3, proc.stderr
    assert _db_keys(db) == keys_before  # the write was rolled back
    with Corpus(str(db), root=str(tmp_path)) as corpus:
        assert corpus.stats()["articles"] == 1
        assert sorted(corpus.index().keys().tolist()) == keys_before
        found = corpus.neighbours(embedder.encode(["Die neue Brücke kostet # Millionen Euro."]), k=5, min_sim=-1)
        assert set(found.keys.tolist()) <= set(keys_before)
        res = corpus.add(read_paths([str(corpus_files / "bridge.txt")]), S, embedder=embedder)
        assert res.added == ("corpus/bridge.txt",)
        assert sorted(corpus.index().keys().tolist()) == _db_keys(db)


def test_vectors_are_stored_as_embedded(tmp_path, corpus_files, embedder):
    db = str(tmp_path / "c.sqlite")
    with Corpus(db, create=True, root=str(tmp_path)) as corpus:
        corpus.add(read_paths([str(corpus_files / "bridge.txt")]), S, embedder=embedder)
    con = sqlite3.connect(db)
    rows = con.execute("SELECT claim, vec FROM claims ORDER BY position").fetchall()
    con.close()
    from consistency.embed import embed_claims
    claims = [claim_from_json(r[0]) for r in rows]
    X = embed_claims(claims, embedder)
    stored = np.vstack([np.frombuffer(r[1], dtype=np.float32) for r in rows])
    assert np.allclose(stored, X, atol=1e-6)


def test_refresh_extracts_again_without_embedding(tmp_path, corpus_files, counting):
    db = str(tmp_path / "c.sqlite")
    with Corpus(db, create=True, root=str(tmp_path)) as corpus:
        corpus.add(read_paths([str(corpus_files)]), S, embedder=counting)
        embedded = len(counting.texts)
        keys = _db_keys(db)
    con = sqlite3.connect(db)  # as if an older extractor had found no values
    con.execute("UPDATE claims SET claim = json_set(claim, '$.values', json('[]')), n_values = 0")
    con.commit()
    con.close()
    with Corpus(db, root=str(tmp_path)) as corpus:
        res = corpus.refresh(S, embedder=counting)
        assert len(res.updated) == 3 and res.embedded == 0 and len(counting.texts) == embedded
        assert _db_keys(db) == keys
    con = sqlite3.connect(db)
    n_values = con.execute("SELECT sum(n_values) FROM claims").fetchone()[0]
    con.close()
    assert n_values > 0


def test_claims_rebuilt_by_the_decoders_per_type_equal_the_claims_written():
    # the decoders are worked out once per type hint; every field must come back as written
    import math

    from consistency.corpus.serial import claim_from_json, claim_to_json
    from consistency.model import Claim, Quantity, Sentence

    q = Quantity(raw="mehr als 10.000", start=3, end=18, kind="count", value=10000.0, low=10000.0, high=math.inf,
                 unit="Container", unit_key="container", hedge="lower", subject=("Russia", "Ukraine"), role="killed")
    d = Quantity(raw="am Freitag", start=20, end=30, kind="relative_date", value=None, low=None, high=None)
    c = Claim(sentence=Sentence("a.txt", 0, 0, 40, "Mehr als 10.000 Container am Freitag", 2, "de", "x"),
              values=(q, d), negated=True, negation_cues=("nicht", "kein"), hedged=True, hedge_cues=("soll",),
              attribution="Polizei", entities=("Russia",))
    back = claim_from_json(claim_to_json(c))
    assert back == c and isinstance(back.values, tuple) and isinstance(back.values[0].subject, tuple)
    assert claim_from_json(claim_to_json(Claim(sentence=c.sentence))) == Claim(sentence=c.sentence)
    # the stored text is the JSON of dataclasses.asdict, byte for byte (corpora written before
    # claim_to_json stopped calling it hold the same text for the same claim)
    import dataclasses
    import json

    for claim in (c, Claim(sentence=c.sentence)):
        assert claim_to_json(claim) == json.dumps(dataclasses.asdict(claim), ensure_ascii=False,
                                                  separators=(",", ":"), sort_keys=True)
