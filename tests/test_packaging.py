"""Install files: no exact torch pin for users, the CPU pin kept for this machine, a Makefile that says
what it does and keeps pip's noise out."""

from __future__ import annotations

import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_no_exact_torch_pin_in_the_dependencies():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    deps = project["dependencies"] + [d for extra in project.get("optional-dependencies", {}).values() for d in extra]
    assert not [d for d in deps if re.match(r"torch\s*==", d)]
    names = {re.split(r"[<>=!~ \[]", d)[0].lower() for d in project["dependencies"]}
    assert {"typer", "rich", "jinja2", "pathspec", "torch"} <= names
    assert "torch==2.13.0" in (ROOT / "constraints.txt").read_text(encoding="utf-8").split()


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_the_makefile_says_what_it_does_and_installs_cpu_torch_first():
    dry = subprocess.run(["make", "-n", "-B", "install", "VENV=/nonexistent-venv"], cwd=ROOT, capture_output=True,
                         text=True, timeout=60).stdout
    lines = dry.splitlines()
    assert any("creating /nonexistent-venv" in ln for ln in lines)
    pip = [ln for ln in lines if "-m pip install" in ln]
    assert pip and all("-qq" in ln for ln in pip)
    torch = next(k for k, ln in enumerate(lines) if "pip install" in ln and "-c constraints.txt torch" in ln)
    project = next(k for k, ln in enumerate(lines) if "pip install" in ln and '-e ".[test]"' in ln)
    assert torch < project and "-c constraints.txt" in lines[project]
