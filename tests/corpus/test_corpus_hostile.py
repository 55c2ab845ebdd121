"""A corpus in a bad state, through the console script: refused or repaired with a message,
never a traceback, never a silent exit 0 (issue 11)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[2]
CONSOLE = Path(sys.executable).with_name("consistency")
FAST = ["--model", "tfidf", "--no-cache"]
A = "Hochwasser\n\nBei dem Hochwasser in Passau wurden am Montag 120 Häuser überflutet. Die Feuerwehr half.\n"
B = "Brücke\n\nDie neue Brücke über die Donau ist 450 Meter lang. Sie wurde im Mai eröffnet.\n"
NEW = "Hochwasser\n\nBei dem Hochwasser in Passau wurden am Montag 450 Häuser überflutet.\n"


def console(*args, cwd):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1"}
    r = subprocess.run([str(CONSOLE), *map(str, args)], cwd=cwd, capture_output=True, text=True,
                       timeout=300, env=env)
    assert "Traceback" not in r.stderr, r.stderr
    return r


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A small corpus (two articles), built once; tests work on copies."""
    d = tmp_path_factory.mktemp("corpus")
    (d / "a.txt").write_text(A, encoding="utf-8")
    (d / "b.txt").write_text(B, encoding="utf-8")
    (d / "new.txt").write_text(NEW, encoding="utf-8")
    r = console("add", "--corpus", "c.sqlite", "a.txt", "b.txt", *FAST, cwd=d)
    assert r.returncode == 0, r.stderr
    return d


@pytest.fixture(scope="module")
def healthy(built) -> str:
    """The JSON report of new.txt against the intact corpus."""
    r = console("check", "new.txt", "--corpus", "c.sqlite", *FAST, "-f", "json", cwd=built)
    assert r.returncode == 1 and '"contradict"' in r.stdout
    return r.stdout


@pytest.fixture
def work(built, healthy, tmp_path) -> Path:
    d = tmp_path / "w"
    shutil.copytree(built, d)
    return d


def test_corpus_that_is_a_folder(work):
    (work / "db").mkdir()
    for command in ("check", "add"):
        r = console(command, "new.txt", "--corpus", "db", *FAST, cwd=work)
        assert r.returncode == 2 and "db: is a folder; --corpus names the database file" in r.stderr, r.stderr
    assert list((work / "db").iterdir()) == []
    os.mkfifo(work / "pipe.sqlite")  # opened, it would wait for a writer for ever
    r = console("check", "new.txt", "--corpus", "pipe.sqlite", *FAST, cwd=work)
    assert r.returncode == 2 and "pipe.sqlite: not a regular file; --corpus names the database file" in r.stderr


def test_stale_index_is_brought_in_line(work):
    """An index older than the database (a writer killed between its commit and the index save)."""
    old = (work / "c.sqlite.usearch").read_bytes()
    (work / "c.txt").write_text(NEW.replace("Passau", "Regensburg"), encoding="utf-8")
    assert console("add", "--corpus", "c.sqlite", "c.txt", *FAST, cwd=work).returncode == 0
    (work / "c.sqlite.usearch").write_bytes(old)
    first = console("check", "new.txt", "--corpus", "c.sqlite", *FAST, "-f", "json", cwd=work)
    assert re.search(r"the vector index was stale \(\d+ statements missing, 0 extra\); rebuilt from the database",
                     first.stderr), first.stderr
    again = console("check", "new.txt", "--corpus", "c.sqlite", *FAST, "-f", "json", cwd=work)
    assert "stale" not in again.stderr and first.stdout == again.stdout


def test_corrupted_page_is_detected_with_how_to_recover(work):
    with open(work / "c.sqlite", "r+b") as fh:
        fh.seek(4096 * 4)  # the header of a b-tree page
        fh.write(b"\xde\xad\xbe\xef" * 8)
    for args in (["check", "new.txt"], ["add", "new.txt"], ["add", "--refresh"]):
        r = console(*args, "--corpus", "c.sqlite", *FAST, cwd=work)
        assert r.returncode == 2, (args, r.stderr)
        assert "c.sqlite: the corpus database is corrupted" in r.stderr and ".recover" in r.stderr


@pytest.mark.parametrize("what", ["file", "folder"])
def test_read_only_corpus_says_so(built, plain_user, what):
    """A real read-only corpus file (or its folder), opened by a user whom modes bind (``nobody``
    when the tests run as root)."""
    d = plain_user.folder / "w"
    shutil.copytree(built, d)
    (d / "c.sqlite").chmod(0o444)
    if what == "folder":
        (d / "c.sqlite").chmod(0o644)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1"}
    for args in (["check", "new.txt"], ["add", "new.txt"]):
        if what == "folder":
            d.chmod(0o555)
        r = plain_user.run([str(CONSOLE), *args, "--corpus", "c.sqlite", *FAST], cwd=d, env=env)
        d.chmod(0o755)
        assert "Traceback" not in r.stderr, r.stderr
        assert r.returncode == 2, (args, r.stderr)
        assert "c.sqlite: read-only corpus" in r.stderr and "to a writable place" in r.stderr
        assert "not a consistency corpus" not in r.stderr


def test_read_only_corpus_says_so_simulated(work, monkeypatch, capsys):
    """The same through the CLI in this process, ``os.access`` saying the file is not writable:
    runs whoever runs the tests."""
    from consistency.cli import main

    corpus = str(work / "c.sqlite")
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if (os.fspath(p) == corpus and mode & os.W_OK)
                        else real(p, mode, **kw))
    code = main(["check", str(work / "new.txt"), "--corpus", corpus, *FAST])
    err = capsys.readouterr().err
    assert code == 2 and f"{corpus}: read-only corpus ({corpus} is not writable)" in err, err
    assert "not a consistency corpus" not in err


def test_stale_temporary_index_files_are_removed(work):
    own = work / ".tmp-c.sqlite.usearch-x1y2z3.usearch"  # a writer of this corpus killed mid-save
    legacy = work / ".tmp-abc123.usearch"  # an older consistency's name, hours old
    fresh = work / ".tmp-other.sqlite.usearch-q.usearch"  # another corpus's writer, right now
    for f in (own, legacy, fresh):
        f.write_bytes(b"half an index")
    old = time.time() - 7200
    os.utime(legacy, (old, old))
    r = console("add", "--corpus", "c.sqlite", "a.txt", *FAST, cwd=work)  # nothing new to add
    assert r.returncode == 0, r.stderr
    assert not own.exists() and not legacy.exists() and fresh.exists()
    assert "removed 2 temporary index files" in r.stderr
    own.write_bytes(b"half an index")  # and by a check
    r = console("check", "new.txt", "--corpus", "c.sqlite", *FAST, cwd=work)
    assert r.returncode == 1 and "removed 1 temporary index file left by an interrupted write" in r.stderr
    assert not own.exists() and fresh.exists()


@pytest.mark.parametrize("damage", ["missing", "empty", "corrupted"])
def test_broken_index_is_repaired_and_reports_stay_identical(work, healthy, damage):
    index = work / "c.sqlite.usearch"
    if damage == "missing":
        index.unlink()
    else:
        index.write_bytes(b"" if damage == "empty" else b"not an index" * 100)
    first = console("check", "new.txt", "--corpus", "c.sqlite", *FAST, "-f", "json", cwd=work)
    assert f"the vector index was {damage}; rebuilt from the database" in first.stderr
    again = console("check", "new.txt", "--corpus", "c.sqlite", *FAST, "-f", "json", cwd=work)
    assert "rebuilt" not in again.stderr  # repaired on disk by the first run
    assert first.stdout == again.stdout == healthy


def test_add_with_nothing_new_repairs_the_index(work):
    from consistency.corpus import VectorIndex

    (work / "c.sqlite.usearch").write_bytes(b"garbage")
    r = console("add", "--corpus", "c.sqlite", "a.txt", "b.txt", *FAST, cwd=work)
    assert r.returncode == 0 and "the vector index was corrupted; rebuilt" in r.stderr
    import sqlite3
    con = sqlite3.connect(work / "c.sqlite")
    dim = int(con.execute("SELECT value FROM meta WHERE key = 'dim'").fetchone()[0])
    n = con.execute("SELECT count(*) FROM claims").fetchone()[0]
    con.close()
    index = VectorIndex.load(str(work / "c.sqlite.usearch"), dim)
    assert index.problem is None and len(index) == n


def test_ann_pairs_are_the_same_on_every_run():
    """Above ANN_MIN_ROWS statements the pairs come from an HNSW index: built on one thread,
    it is the same graph on every run, so the report is too."""
    from consistency.align.neighbours import similar_pairs

    rng = np.random.default_rng(7)
    X = rng.standard_normal((4000, 24)).astype(np.float32)
    X /= np.linalg.norm(X, axis=1, keepdims=True)
    groups = np.arange(4000) // 4
    runs = [similar_pairs(X, groups, 0.2, method="ann", k=10) for _ in range(3)]
    for i, j, s in runs[1:]:
        assert np.array_equal(i, runs[0][0]) and np.array_equal(j, runs[0][1]) and np.array_equal(s, runs[0][2])


HOUSES = "Bei dem Hochwasser in Passau wurden am Montag {} Häuser überflutet."
ODD_CORPUS = {  # articles at the edges: tiny, copies, one statement, no values, no words, huge numerals
    "tiny.txt": "Ja.", "copy1.txt": HOUSES.format(120), "copy2.txt": HOUSES.format(120),
    "copy3.txt": HOUSES.format(120), "novalue.txt": "Die Feuerwehr half. Die Polizei kam auch.",
    "nowords.txt": "123 456 789.", "huge.txt": HOUSES.format("9" * 400) + " Es waren 2.000.000.000.000.000.000 Helfer.",
    "zero.txt": "Es gab 0 Tote und 0 Prozent Schäden.",
}
ODD_NEW = {"n-copy.txt": HOUSES.format(120), "n-other.txt": HOUSES.format(450), "n-huge.txt": HOUSES.format("8" * 400),
           "n-none.txt": "Ja", "n-zero.txt": "Es gab null Tote und 0 Prozent Schäden.", "n-tiny.txt": "Ja."}


@pytest.mark.parametrize("corpus,new", [(ODD_CORPUS, ODD_NEW), ({"one.txt": HOUSES.format(120)}, {"n.txt": HOUSES.format(120)}),
                                        ({"one.txt": "Ja."}, {"n.txt": "Ja."})], ids=["odd", "one", "no-statement"])
def test_corpus_checks_print_no_runtime_warning(tmp_path, corpus, new):
    """Every numpy RuntimeWarning shown (``PYTHONWARNINGS=always``): none comes, whatever the corpus holds."""
    for folder, files in (("corpus", corpus), ("new", new)):
        (tmp_path / folder).mkdir()
        for name, text in files.items():
            (tmp_path / folder / name).write_text(text + "\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1", "PYTHONWARNINGS": "always::RuntimeWarning"}
    for args in (["add", "--corpus", "c.sqlite", "corpus"], ["check", "new", "--corpus", "c.sqlite", "-f", "json"],
                 ["add", "--corpus", "c.sqlite", "new"], ["check", "corpus", "new", "--corpus", "c.sqlite"]):
        r = subprocess.run([str(CONSOLE), *args, *FAST], cwd=tmp_path, capture_output=True, text=True,
                           timeout=300, env=env)
        assert r.returncode in (0, 1), (args, r.stderr)
        assert "Traceback" not in r.stderr and "Warning" not in r.stderr, (args, r.stderr)


def test_neighbours_with_equal_similarity_are_taken_by_key():
    """Copies of one statement share a vector: whichever order the index returns them in, the
    ``k`` taken of those it returns are the smallest keys, not the first returned."""
    from consistency.corpus import Corpus

    class Index:
        def __init__(self, order):
            self.order = order

        def search(self, Q, count):
            keys = np.array([self.order], dtype=np.int64)  # all five: their order is the index's
            return keys, np.where(keys == 9, 0.5, 0.9).astype(np.float32)  # key 9 is less alike

    Q = np.zeros((1, 4), dtype=np.float32)
    for order in ([9, 7, 5, 3, 1], [1, 3, 5, 7, 9], [5, 9, 1, 7, 3]):
        assert Corpus._search(None, Index(order), Q, 2, 0.35, skip=set()) == {1, 3}
        assert Corpus._search(None, Index(order), Q, 2, 0.35, skip={1}) == {3, 5}
