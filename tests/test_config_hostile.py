"""A broken settings file is an error naming the file and line, never a traceback or a silent skip."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CONSOLE = Path(sys.executable).with_name("consistency")
GOOD = "Bei dem Hochwasser in Passau wurden am Montag 120 Häuser überflutet.\n"


def console(*args, cwd):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1"}
    return subprocess.run([str(CONSOLE), *map(str, args)], cwd=cwd, capture_output=True, text=True,
                          timeout=300, env=env)


@pytest.mark.parametrize("name,content,line", [
    ("pyproject.toml", b"[project]\nname = 'x'\n\n[tool.consistency]\nfail-on = '\xff'\n", 5),
    ("consistency.toml", b"fail-on = 'never'\n# caf\xe9\n", 2),
    ("pyproject.toml", b"[tool.consistency]\nfail-on = = 'never'\n", 2),
    ("consistency.toml", b"fail-on = 'never'\nignore = [\n", 2),
])
def test_broken_settings_file_is_named_with_its_line(tmp_path, name, content, line):
    (tmp_path / name).write_bytes(content)
    work = tmp_path / "sub" / "dir"  # found from a sub-folder too
    work.mkdir(parents=True)
    (work / "a.txt").write_text(GOOD, encoding="utf-8")
    r = console("check", "a.txt", "--model", "tfidf", "--no-cache", cwd=work)
    assert "Traceback" not in r.stderr, r.stderr
    assert r.returncode == 2, r.stderr
    assert f"{tmp_path / name}:{line}:" in r.stderr


def test_broken_pyproject_without_our_table_is_not_ours(tmp_path):
    (tmp_path / "pyproject.toml").write_bytes(b"[project]\nname = = \xff\n")
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    r = console("check", "a.txt", "--model", "tfidf", "--no-cache", cwd=tmp_path)
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr


@pytest.mark.parametrize("args", [["add", "--corpus", "c.sqlite", "a.txt"], ["config"],
                                  ["baseline", "create", "a.txt", "-o", "bl.json"]])
def test_every_command_names_the_broken_settings_file(tmp_path, args):
    (tmp_path / "consistency.toml").write_bytes(b"fail-on = 'never'\n# caf\xe9\n")
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    r = console(*args, cwd=tmp_path)
    assert "Traceback" not in r.stderr and r.returncode == 2, r.stderr
    assert f"{tmp_path / 'consistency.toml'}:2: not UTF-8" in r.stderr
    assert not (tmp_path / "c.sqlite").exists() and not (tmp_path / "bl.json").exists()
