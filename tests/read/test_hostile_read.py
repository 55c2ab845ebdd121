"""Hostile input, end to end through the console script: every bad input is named with a clear
reason, listed in the report, and the other articles are still checked (issue 11)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CONSOLE = Path(sys.executable).with_name("consistency")
FAST = ["--model", "tfidf", "--no-cache"]
GOOD = ("Hochwasser in Passau\n\nBei dem Hochwasser in Passau wurden am Montag 120 Häuser überflutet. "
        "Die Feuerwehr war mit vielen Kräften im Einsatz.\n")
OTHER = ("Hochwasser\n\nBei dem Hochwasser in Passau wurden am Montag 450 Häuser überflutet. "
         "Die Feuerwehr war mit vielen Kräften im Einsatz.\n")


def console(*args, cwd=None, timeout=300, env=None):
    """Run the installed console script; never hangs the suite."""
    e = {**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1", **(env or {})}
    return subprocess.run([str(CONSOLE), *map(str, args)], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout, env=e)


def check_json(*paths, cwd=None):
    r = console("check", *paths, *FAST, "-f", "json", cwd=cwd)
    assert "Traceback" not in r.stderr, r.stderr
    return r, (json.loads(r.stdout) if r.stdout else None)


def errors(report) -> dict:
    return {a["path"]: a["error"] for a in report["articles"] if a["error"]}


@pytest.fixture
def good(tmp_path) -> Path:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "other.txt").write_text(OTHER, encoding="utf-8")
    return tmp_path


def test_special_files_in_a_folder_are_listed_with_their_error(good):
    folder = good / "batch"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    os.symlink("loop2.txt", folder / "loop1.txt")
    os.symlink("loop1.txt", folder / "loop2.txt")
    os.symlink("gone.txt", folder / "dangling.txt")
    r, report = check_json(folder, good / "other.txt")
    errs = errors(report)
    assert "FIFO" in errs[str(folder / "pipe.txt")]
    assert "symlink loop" in errs[str(folder / "loop1.txt")]
    assert "dangling symlink" in errs[str(folder / "dangling.txt")]
    assert r.returncode == 1  # the readable ones were checked: 120 against 450 houses
    assert report["summary"]["contradict"] == 1
    for name in ("pipe.txt", "loop1.txt", "dangling.txt"):
        assert name in r.stderr


def test_fifo_device_and_socket_as_input_are_named_not_empty(good):
    import socket

    os.mkfifo(good / "pipe.txt")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(good / "sock.txt"))
    try:
        r, report = check_json(good / "pipe.txt", "/dev/null", good / "sock.txt", good / "good.txt")
    finally:
        sock.close()
    errs = errors(report)
    assert "FIFO" in errs[str(good / "pipe.txt")] and "empty" not in errs[str(good / "pipe.txt")]
    assert "character device" in errs["/dev/null"]
    assert "socket, not a regular file" in errs[str(good / "sock.txt")]
    assert r.returncode == 0 and report["summary"]["statements"] >= 1  # good.txt was checked


def test_symlink_loop_given_directly_is_not_called_missing(good):
    os.symlink("b.txt", good / "a.txt")
    os.symlink("a.txt", good / "b.txt")
    r, report = check_json(good / "a.txt", good / "good.txt")
    assert "symlink loop" in errors(report)[str(good / "a.txt")]


def test_path_longer_than_path_max_is_an_error_of_that_input_only(good):
    deep = good / "deep"
    deep.mkdir()
    fd = os.open(deep, os.O_RDONLY)
    try:
        for _ in range(20):  # 20 x 250 characters: beyond PATH_MAX (4096)
            os.mkdir("d" * 250, dir_fd=fd)
            nfd = os.open("d" * 250, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = nfd
        out = os.open("x.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
        os.write(out, OTHER.encode())
        os.close(out)
    finally:
        os.close(fd)
    (deep / "good.txt").write_text(GOOD, encoding="utf-8")
    r, report = check_json(deep, good / "other.txt")
    assert r.returncode == 1, r.stderr  # the run went on: the others were checked
    assert any("name too long" in e or "cannot read folder" in e for e in errors(report).values())
    assert str(deep / "good.txt") in {a["path"] for a in report["articles"] if not a["error"]}


def test_unreadable_subfolder_is_listed(plain_user):
    """A real mode-0 folder, read by a user whom modes bind (``nobody`` when the tests run as root)."""
    d = plain_user.folder
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    (d / "batch").mkdir()
    (d / "batch" / "other.txt").write_text(OTHER, encoding="utf-8")
    sub = d / "batch" / "locked"
    sub.mkdir()
    (sub / "a.txt").write_text(GOOD, encoding="utf-8")
    sub.chmod(0)
    r = plain_user.run([str(CONSOLE), "check", "batch", "good.txt", *FAST, "-f", "json"], cwd=d,
                       env={**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1"})
    assert "Traceback" not in r.stderr, r.stderr
    report = json.loads(r.stdout)
    assert errors(report) == {"batch/locked": "batch/locked: cannot read folder: Permission denied"}
    assert "consistency: error: batch/locked: cannot read folder: Permission denied" in r.stderr
    assert r.returncode == 1 and report["summary"]["contradict"] == 1  # the others were checked


def test_unreadable_subfolder_is_listed_simulated(good, monkeypatch, capsys):
    """The same through the CLI in this process, the folder's PermissionError injected at
    ``os.scandir``: runs whoever runs the tests."""
    from consistency.cli import main

    sub = good / "batch" / "locked"
    sub.mkdir(parents=True)
    (sub / "a.txt").write_text(GOOD, encoding="utf-8")
    real = os.scandir

    def scandir(path="."):
        if os.path.abspath(os.fspath(path)) == str(sub):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    code = main(["check", str(good / "batch"), str(good / "good.txt"), str(good / "other.txt"), *FAST, "-f", "json"])
    out, err = capsys.readouterr()
    report = json.loads(out)
    assert errors(report) == {str(sub): f"{sub}: cannot read folder: Permission denied"}
    assert f"consistency: error: {sub}: cannot read folder: Permission denied" in err
    assert code == 1 and report["summary"]["contradict"] == 1


def test_jsonl_type_errors_are_named(good):
    p = good / "batch.jsonl"
    p.write_text("\n".join(json.dumps(r) for r in [
        {"id": "t", "text": 42},
        {"id": "l", "title": ["a", "b"], "text": OTHER},
        {"id": "s", "source": {"name": "x"}, "text": OTHER},
        {"id": "g", "text": OTHER},
    ]) + "\n", encoding="utf-8")
    r, report = check_json(p, good / "good.txt")
    errs = errors(report)
    assert errs[f"{p}:1"] == f"{p}:1: 'text' must be a string, got a number"
    assert errs[f"{p}:2"] == f"{p}:2: 'title' must be a string, got a list"
    assert errs[f"{p}:3"] == f"{p}:3: 'source' must be a string, got an object"
    assert report["summary"]["contradict"] == 1  # record g against good.txt


def test_add_with_list_valued_fields_keeps_the_good_records(good):
    p = good / "batch.jsonl"
    p.write_text("\n".join(json.dumps(r) for r in [
        {"id": "g", "text": OTHER},
        {"id": "l", "title": ["a"], "source": ["b"], "text": GOOD},
    ]) + "\n", encoding="utf-8")
    r = console("add", "--corpus", good / "c.sqlite", p, *FAST, cwd=good)
    assert "Traceback" not in r.stderr and r.returncode == 2, r.stderr
    assert f"{p}:2: 'title' must be a string, got a list" in r.stderr
    assert "1 added" in r.stderr and "corpus: 1 articles" in r.stderr


def test_one_nul_byte_does_not_make_a_long_article_binary(good):
    body = (GOOD.strip() + " ") * 400  # ~50 KB
    p = good / "nul.txt"
    p.write_bytes(body[:25000].encode() + b"\x00" + body[25000:].encode())
    r, report = check_json(p, good / "other.txt")
    assert errors(report) == {}
    assert report["summary"]["contradict"] == 1


def test_entities_in_numbers_read_as_one_number(good):
    (good / "a.html").write_text("<p>In Passau wurden am Montag 3&nbsp;500 Häuser überflutet.</p>", encoding="utf-8")
    (good / "b.html").write_text("<p>In Passau wurden am Montag 3&#8239;500 Häuser überflutet.</p>", encoding="utf-8")
    (good / "c.txt").write_text("In Passau wurden am Montag 3.500 Häuser überflutet.\n", encoding="utf-8")
    r, report = check_json(good / "a.html", good / "b.html", good / "c.txt")
    assert report["summary"]["contradict"] == 0 and report["summary"]["agree"] >= 1


def test_symlinked_folders_are_followed_once_and_loops_end(good):
    real = good / "batch" / "real"
    real.mkdir(parents=True)
    (real / "a.txt").write_text(GOOD, encoding="utf-8")
    os.symlink("real", good / "batch" / "linked")  # the same folder again
    os.symlink("..", real / "up")  # a loop back to an ancestor
    r, report = check_json(good / "batch", good / "other.txt")
    paths = [a["path"] for a in report["articles"]]
    assert paths == [str(real / "a.txt"), str(good / "other.txt")]
    assert r.returncode == 1


def test_a_numeral_of_hundreds_of_digits_is_no_value(good):
    """Beyond float's range it was infinite: a traceback formatting the report (issue 11)."""
    huge = "Bei dem Hochwasser in Passau wurden am Montag {} Häuser überflutet.\n"
    (good / "a.txt").write_text(huge.format("9" * 400), encoding="utf-8")
    (good / "b.txt").write_text(huge.format("8" * 400), encoding="utf-8")
    for fmt in ("text", "json"):
        r = console("check", good / "a.txt", good / "b.txt", good / "other.txt", *FAST, "-f", fmt)
        assert "Traceback" not in r.stderr and r.returncode == 0, r.stderr
    report = json.loads(r.stdout)
    assert errors(report) == {} and report["summary"]["contradict"] == 0
    assert all("9999" not in f["message"] for f in report["findings"])
