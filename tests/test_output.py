"""Where ``-o`` writes, through the console script: never over an input, atomically over regular
files only, through symlinks to their target, directly into FIFOs and devices; Ctrl-C leaves
nothing half-written (issue 11)."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CONSOLE = Path(sys.executable).with_name("consistency")
FAST = ["--model", "tfidf", "--no-cache"]
A = "Bei dem Hochwasser in Passau wurden am Montag 120 Häuser überflutet.\n"
B = "Bei dem Hochwasser in Passau wurden am Montag 450 Häuser überflutet.\n"
ENV = {**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1"}


def console(*args, cwd, timeout=300):
    r = subprocess.run([str(CONSOLE), *map(str, args)], cwd=cwd, capture_output=True, text=True,
                       timeout=timeout, env=ENV)
    assert "Traceback" not in r.stderr, r.stderr
    return r


@pytest.fixture
def batch(tmp_path) -> Path:
    (tmp_path / "a.txt").write_text(A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(B, encoding="utf-8")
    return tmp_path


def test_output_that_is_an_input_is_refused(batch):
    for target in ("a.txt", "./b.txt"):
        r = console("check", "a.txt", "b.txt", *FAST, "-o", target, cwd=batch)
        assert r.returncode == 2 and "refusing to write the report over the input" in r.stderr
    assert (batch / "a.txt").read_text(encoding="utf-8") == A
    assert (batch / "b.txt").read_text(encoding="utf-8") == B


def test_output_that_is_an_input_through_a_folder_or_a_link(batch):
    os.symlink("a.txt", batch / "link.txt")
    r = console("check", ".", *FAST, "-o", "link.txt", cwd=batch)
    assert r.returncode == 2 and (batch / "a.txt").read_text(encoding="utf-8") == A
    assert os.path.islink(batch / "link.txt")


def test_output_that_is_an_input_is_refused_before_the_check(batch):
    """Named directly, or an article inside a folder given as input: refused before any work (the
    summary line, printed after the check, never comes), also for ``baseline create``."""
    (batch / "sub").mkdir()
    (batch / "sub" / "c.txt").write_text(A, encoding="utf-8")
    for args in (["a.txt", "b.txt", "-o", "./b.txt"], [".", "-o", "sub/c.txt"]):
        r = console("check", *args, *FAST, cwd=batch)
        assert r.returncode == 2 and "--output" in r.stderr and "refusing to write" in r.stderr, r.stderr
        assert "statements" not in r.stderr  # the check did not run
    r = console("baseline", "create", ".", *FAST, "-o", "sub/c.txt", "--force", cwd=batch)
    assert r.returncode == 2 and "refusing to write" in r.stderr, r.stderr
    assert (batch / "sub" / "c.txt").read_text(encoding="utf-8") == A
    assert (batch / "b.txt").read_text(encoding="utf-8") == B


def test_symlink_output_writes_its_target_and_stays_a_link(batch):
    (batch / "out").mkdir()
    os.symlink("out/report.json", batch / "report.json")
    r = console("check", "a.txt", "b.txt", *FAST, "-f", "json", "-o", "report.json", cwd=batch)
    assert r.returncode == 1, r.stderr
    assert os.path.islink(batch / "report.json")
    assert json.loads((batch / "out" / "report.json").read_text(encoding="utf-8"))["summary"]["contradict"] == 1


def test_output_through_a_link_to_standard_output(batch):
    """``-o /dev/stdout`` is a link to ``/proc/self/fd/1``: the report goes into the pipe, no file is made."""
    os.symlink("/proc/self/fd/1", batch / "stdout")
    r = console("check", "a.txt", "b.txt", *FAST, "-f", "json", "-o", "stdout", cwd=batch)
    assert r.returncode == 1, r.stderr
    assert json.loads(r.stdout)["summary"]["contradict"] == 1
    assert os.readlink(batch / "stdout") == "/proc/self/fd/1"
    assert sorted(f.name for f in batch.iterdir()) == ["a.txt", "b.txt", "stdout"]


def test_fifo_output_is_written_into_not_replaced(batch):
    fifo = batch / "pipe"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text(encoding="utf-8")), daemon=True)
    reader.start()
    r = console("check", "a.txt", "b.txt", *FAST, "-f", "json", "-o", "pipe", cwd=batch)
    reader.join(60)
    assert r.returncode == 1, r.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert json.loads(got[0])["summary"]["contradict"] == 1


@pytest.mark.skipif(os.geteuid() != 0, reason="mknod of a character device needs root")
def test_device_output_is_written_into_not_replaced(batch):
    null = batch / "null"
    os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # what /dev/null is
    r = console("check", "a.txt", "b.txt", *FAST, "-o", "null", cwd=batch)
    assert r.returncode == 1, r.stderr
    assert stat.S_ISCHR(os.lstat(null).st_mode)
    full = batch / "full"
    os.mknod(full, stat.S_IFCHR | 0o666, os.makedev(1, 7))  # what /dev/full is
    r = console("check", "a.txt", "b.txt", *FAST, "-o", "full", cwd=batch)
    assert r.returncode == 2 and "full: cannot write the output (No space left on device)" in r.stderr
    assert stat.S_ISCHR(os.lstat(full).st_mode)


def test_regular_file_is_replaced_atomically_keeping_its_mode(tmp_path):
    from consistency.output import OutputError, write_text

    p = tmp_path / "report.txt"
    p.write_text("old", encoding="utf-8")
    p.chmod(0o640)
    write_text(str(p), "new")
    assert p.read_text(encoding="utf-8") == "new" and stat.S_IMODE(p.stat().st_mode) == 0o640
    assert [f.name for f in tmp_path.iterdir()] == ["report.txt"]  # no temporary file left
    with pytest.raises(OutputError, match="is a folder"):
        write_text(str(tmp_path), "x")


def test_ctrl_c_says_interrupted_and_leaves_the_output_whole(batch):
    s = "Die Stadt hat am 19. Juni z. B. 3.500 Einwohner gezählt, sagte der Bürgermeister Dr. Müller. "
    (batch / "long.txt").write_text(s * 40000, encoding="utf-8")  # minutes of work: interrupted long before
    (batch / "report.txt").write_text("the old report\n", encoding="utf-8")
    # a child started from a background job inherits an ignored SIGINT (and Python then installs no
    # KeyboardInterrupt handler): restore the default, as in a terminal
    p = subprocess.Popen([str(CONSOLE), "check", "long.txt", "a.txt", *FAST, "--max-bytes", "100000000",
                          "-o", "report.txt"], cwd=batch, env=ENV, stderr=subprocess.PIPE, text=True,
                         preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    time.sleep(8)  # past the imports, inside the work
    p.send_signal(signal.SIGINT)
    _, err = p.communicate(timeout=120)
    assert p.returncode == 130, err
    assert "consistency: interrupted" in err and "Traceback" not in err
    assert (batch / "report.txt").read_text(encoding="utf-8") == "the old report\n"
    assert sorted(f.name for f in batch.iterdir()) == ["a.txt", "b.txt", "long.txt", "report.txt"]
