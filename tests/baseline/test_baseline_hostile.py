"""A baseline that is not a regular file, or too large, is refused at once (issue 11)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from consistency.baseline import BaselineError, load

ROOT = Path(__file__).resolve().parents[2]
CONSOLE = Path(sys.executable).with_name("consistency")


def console(*args, cwd):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1"}
    return subprocess.run([str(CONSOLE), *map(str, args)], cwd=cwd, capture_output=True, text=True,
                          timeout=120, env=env)


@pytest.mark.parametrize("kind", ["device", "fifo"])
def test_special_file_as_baseline_is_refused(tmp_path, kind):
    (tmp_path / "a.txt").write_text("Bei dem Hochwasser wurden 120 Häuser überflutet.\n", encoding="utf-8")
    if kind == "fifo":
        os.mkfifo(tmp_path / "bl.json")  # no writer: reading it would wait for ever
        path = "bl.json"
    else:
        path = "/dev/urandom"  # endless: read without a limit until the kernel kills the process
    r = console("check", "a.txt", "--model", "tfidf", "--no-cache", "--baseline", path, cwd=tmp_path)
    assert r.returncode == 2 and "Traceback" not in r.stderr, r.stderr
    assert f"{path}: not a regular file" in r.stderr


def test_baseline_larger_than_the_limit_is_refused(tmp_path):
    p = tmp_path / "bl.json"
    p.write_text('{"version": "consistency.baseline/1", "findings": []}' + " " * 2000, encoding="utf-8")
    with pytest.raises(BaselineError, match="baseline too large"):
        load(str(p), max_bytes=1000)
    assert len(load(str(p))) == 0


def test_baseline_beyond_64_mib_is_refused_by_the_console_script(tmp_path):
    (tmp_path / "a.txt").write_text("Bei dem Hochwasser wurden 120 Häuser überflutet.\n", encoding="utf-8")
    with open(tmp_path / "bl.json", "wb") as fh:
        fh.truncate(64 * 2 ** 20 + 1)  # sparse: costs no disk
    r = console("check", "a.txt", "--model", "tfidf", "--no-cache", "--baseline", "bl.json", cwd=tmp_path)
    assert r.returncode == 2 and "Traceback" not in r.stderr, r.stderr
    assert "bl.json: baseline too large (67,108,865 bytes; the limit is 67,108,864)" in r.stderr
