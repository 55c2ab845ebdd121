"""The embedding model's BLAS threads: the free cores, or ``$CONSISTENCY_THREADS``."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from consistency.embed import ModelLoadError, default_threads

ROOT = Path(__file__).resolve().parents[2]


def test_override_is_kept(monkeypatch):
    monkeypatch.setenv("CONSISTENCY_THREADS", "3")
    assert default_threads() == 3


def test_free_cores_without_override(monkeypatch):
    monkeypatch.delenv("CONSISTENCY_THREADS", raising=False)
    cores = len(os.sched_getaffinity(0))
    monkeypatch.setattr(os, "getloadavg", lambda: (0.0, 0.0, 0.0))
    assert default_threads() == cores  # a quiet machine: every core
    monkeypatch.setattr(os, "getloadavg", lambda: (cores + 5.0, 0.0, 0.0))
    assert default_threads() == 1  # a loaded one: one thread, never zero
    monkeypatch.setattr(os, "getloadavg", lambda: (cores - 0.8, 0.0, 0.0))
    assert default_threads() == 1


@pytest.mark.parametrize("bad", ["zero", "0", "-2", "1.5"])
def test_bad_override_is_an_error(monkeypatch, bad):
    monkeypatch.setenv("CONSISTENCY_THREADS", bad)
    with pytest.raises(ModelLoadError, match="CONSISTENCY_THREADS"):
        default_threads()


def test_console_script_names_a_bad_override(tmp_path):
    exe = shutil.which("consistency", path=os.path.dirname(sys.executable)) or "consistency"
    env = {**os.environ, "CONSISTENCY_THREADS": "many"}
    proc = subprocess.run([exe, "check", str(ROOT / "fixtures"), "--no-cache"], capture_output=True, text=True,
                          env=env, timeout=300)
    assert proc.returncode == 2
    assert "CONSISTENCY_THREADS must be a positive integer, not 'many'" in proc.stderr
    assert "Traceback" not in proc.stderr
