"""The README's baseline walk-through, run exactly as written (create → new contradiction fails →
update → still fails until reviewed → mark → passes), through the console script."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HEADING = "### The baseline, step by step"


def walk() -> list[tuple[str, int | None]]:
    """The walk-through's lines and, for each consistency command, the exit code its comment states."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme[readme.index(HEADING):]
    block = block[block.index("```sh\n") + 6:]
    block = block[:block.index("```")]
    out = []
    for line in block.strip().splitlines():
        m = re.search(r"\s+# exit (\d)\b", line)
        out.append((line[:m.start()] if m else line, int(m.group(1)) if m else None))
    return out


def test_the_walk_through_is_complete():
    steps = walk()
    codes = [c for _, c in steps if c is not None]
    assert codes == [0, 1, 0, 1, 0, 0]
    assert all(line.startswith(("mkdir", "printf", "consistency ")) for line, _ in steps)


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_the_readme_walk_through_runs_as_written(tmp_path):
    exe = Path(sys.executable).with_name("consistency")
    if not exe.exists():
        pytest.skip("the consistency console script is not installed (pip install -e .)")
    env = {**os.environ, "PATH": str(exe.parent) + os.pathsep + os.environ.get("PATH", "")}
    env.pop("NO_COLOR", None)
    outputs = []
    for line, expected in walk():
        proc = subprocess.run(["bash", "-c", line], cwd=tmp_path, env=env, capture_output=True, text=True,
                              timeout=600)
        outputs.append(proc.stdout + proc.stderr)
        if expected is not None:
            assert proc.returncode == expected, (line, proc.stdout, proc.stderr)
        else:
            assert proc.returncode == 0, (line, proc.stderr)
    create, fail, update, unreviewed, mark, passed = [o for (_, c), o in zip(walk(), outputs) if c is not None]
    assert "0 findings recorded" in create
    ident = re.search(r"CONTRADICT numeric: Häuser \(count\)\s+id ([0-9a-f]{16})", fail).group(1)
    assert "articles/flood.txt says 120 Häuser; new/passau.txt says 450 Häuser" in fail
    assert f"+ {ident}" in update and "[new]" in update
    assert f"not reviewed yet (status new): {ident}" in unreviewed
    assert f"{ident} is now accepted" in mark
    assert "suppressed 1 finding (1 accepted)" in passed
    # the id the README shows is the id the tool gives
    assert ident in (ROOT / "README.md").read_text(encoding="utf-8")
