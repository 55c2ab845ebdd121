"""The CI gate end to end: corpus, baseline, formats, exit codes, the workflow and the hook."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from consistency.cli import main
from consistency.read import SUFFIXES

ROOT = Path(__file__).resolve().parents[2]
FLOOD = ("Hochwasser in Passau\n\nBei dem Hochwasser in Passau wurden am Montag 120 Häuser überflutet. "
         "Die Feuerwehr war mit 300 Einsatzkräften vor Ort.\n")
BRIDGE = ("Neue Brücke in Regensburg\n\nDie neue Brücke in Regensburg kostet 45 Millionen Euro. "
          "Der Bau soll im Jahr 2026 abgeschlossen sein.\n")
#: contradicts FLOOD on line 4
CONTRA = ("Passau unter Wasser\n\nDer Bürgermeister sprach von einer Katastrophe.\n"
          "Bei dem Hochwasser in Passau wurden am Montag 450 Häuser überflutet.\n")
AGREE = ("Passau unter Wasser\n\nDer Bürgermeister sprach von einer Katastrophe.\n"
         "Bei dem Hochwasser in Passau wurden am Montag 120 Häuser überflutet.\n")


def _run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def repo(tmp_path, monkeypatch, capsys):
    """A newsroom repository: articles/ with two articles in the corpus."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "flood.txt").write_text(FLOOD, encoding="utf-8")
    (tmp_path / "articles" / "bridge.txt").write_text(BRIDGE, encoding="utf-8")
    code, _, err = _run(capsys, "add", "--corpus", "corpus.sqlite", "articles")
    assert code == 0 and "2 added" in err
    return tmp_path


def _new(repo, name, text):
    (repo / "new").mkdir(exist_ok=True)
    (repo / "new" / name).write_text(text, encoding="utf-8")
    return f"new/{name}"


def test_contradicting_article_fails_with_an_annotation_on_its_line(repo, capsys):
    path = _new(repo, "passau.txt", CONTRA)
    code, out, err = _run(capsys, "check", "--corpus", "corpus.sqlite", path, "--format", "github")
    assert code == 1
    errors = [ln for ln in out.splitlines() if ln.startswith("::error ")]
    assert len(errors) == 1
    assert errors[0].startswith(f"::error file={path},line=4,title=consistency%3A contradict (numeric)")
    assert "450 Häuser" in errors[0] and "articles/flood.txt:3 says 120 Häuser" in errors[0]
    assert "1 contradict" in err


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "junit", "github", "markdown"])
def test_exit_codes_do_not_depend_on_the_format(repo, capsys, fmt):
    path = _new(repo, "passau.txt", CONTRA)
    assert _run(capsys, "check", "--corpus", "corpus.sqlite", path, "-f", fmt)[0] == 1
    assert _run(capsys, "check", "--corpus", "corpus.sqlite", path, "-f", fmt, "--exit-zero")[0] == 0
    ok = _new(repo, "agree.txt", AGREE)
    assert _run(capsys, "check", "--corpus", "corpus.sqlite", ok, "-f", fmt)[0] == 0


def test_agreeing_article_passes(repo, capsys):
    path = _new(repo, "agree.txt", AGREE)
    code, out, _ = _run(capsys, "check", "--corpus", "corpus.sqlite", path, "-f", "json")
    assert code == 0
    findings = json.loads(out)["findings"]
    agree = [f for f in findings if f["verdict"] == "agree"]
    assert agree and any(s["article"] == "articles/flood.txt" for f in agree for s in f["statements"])


def test_reviewed_contradiction_passes(repo, capsys):
    path = _new(repo, "passau.txt", CONTRA)
    assert _run(capsys, "baseline", "create", "--corpus", "corpus.sqlite", path, "-o", "baseline.json")[0] == 0
    ident = json.loads((repo / "baseline.json").read_text(encoding="utf-8"))["findings"][0]["id"]
    code, _, err = _run(capsys, "baseline", "mark", "baseline.json", ident, "--status", "false-positive",
                        "--note", "two different floods")
    assert code == 0 and "false-positive" in err
    code, out, err = _run(capsys, "check", "--corpus", "corpus.sqlite", "--baseline", "baseline.json", path,
                          "-f", "github")
    assert code == 0 and out == ""
    assert "baseline baseline.json suppressed 1 finding (1 false-positive)" in err
    # create refuses to overwrite a reviewed baseline
    code, _, err = _run(capsys, "baseline", "create", "--corpus", "corpus.sqlite", path, "-o", "baseline.json")
    assert code == 2 and "baseline update" in err
    entry = json.loads((repo / "baseline.json").read_text(encoding="utf-8"))["findings"][0]
    assert (entry["status"], entry["note"]) == ("false-positive", "two different floods")


def test_contradictions_inside_the_corpus_do_not_fail_the_gate(repo, capsys):
    (repo / "articles" / "flood2.txt").write_text(FLOOD.replace("120", "999"), encoding="utf-8")
    assert _run(capsys, "add", "--corpus", "corpus.sqlite", "articles")[0] == 0
    unrelated = _new(repo, "zoo.txt", "Zoo Leipzig\n\nIm Zoo von Leipzig wurden drei Elefanten geboren.\n")
    code, out, _ = _run(capsys, "check", "--corpus", "corpus.sqlite", unrelated, "-f", "json")
    assert code == 0
    assert all(any(s["article"] == unrelated for s in f["statements"]) for f in json.loads(out)["findings"])


def test_corpus_and_baseline_errors_exit_2(repo, capsys):
    path = _new(repo, "passau.txt", CONTRA)
    code, _, err = _run(capsys, "check", "--corpus", "missing.sqlite", path)
    assert code == 2 and "missing.sqlite: no corpus here" in err
    con = sqlite3.connect("corpus.sqlite")
    con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    con.commit()
    con.close()
    code, _, err = _run(capsys, "check", "--corpus", "corpus.sqlite", path)
    assert code == 2 and "schema version 99 is newer" in err
    code, _, err = _run(capsys, "add", "--corpus", "corpus.sqlite", path)
    assert code == 2 and "schema version 99 is newer" in err
    code, _, err = _run(capsys, "check", "--baseline", "nope.json", path)
    assert code == 2 and "nope.json: no baseline file" in err
    (repo / "bad.json").write_text('{"version": "consistency.baseline/0", "findings": []}', encoding="utf-8")
    code, _, err = _run(capsys, "check", "--baseline", "bad.json", path)
    assert code == 2 and "bad.json: unsupported baseline version" in err


def test_other_model_than_the_corpus_exits_2(repo, capsys):
    path = _new(repo, "passau.txt", CONTRA)
    code, _, err = _run(capsys, "check", "--corpus", "corpus.sqlite", "--model", "tfidf", path)
    assert code == 2 and "embedded with model 'use-multilingual'" in err


def test_add_reports_what_it_did_and_prunes(repo, capsys):
    code, _, err = _run(capsys, "add", "--corpus", "corpus.sqlite", "articles")
    assert code == 0 and "0 added, 0 updated, 2 unchanged (0 statements embedded" in err
    (repo / "articles" / "bridge.txt").unlink()
    code, _, err = _run(capsys, "add", "--prune", "--corpus", "corpus.sqlite", "articles")
    assert code == 0 and "1 pruned" in err and "corpus: 1 articles" in err
    code, _, err = _run(capsys, "add", "--corpus", "corpus.sqlite", "articles", "nothing-here.txt")
    assert code == 2 and "nothing-here.txt: no such file" in err
    code, _, err = _run(capsys, "add", "articles")
    assert code == 2 and "no corpus" in err


def test_interrupted_baseline_write_leaves_the_old_file(repo, capsys, monkeypatch):
    path = _new(repo, "passau.txt", CONTRA)
    assert _run(capsys, "baseline", "create", "--corpus", "corpus.sqlite", path, "-o", "baseline.json")[0] == 0
    before = (repo / "baseline.json").read_bytes()
    ident = json.loads(before)["findings"][0]["id"]
    from consistency.cli import common

    def interrupted(fd):
        raise KeyboardInterrupt  # stopped after writing the new text, before it is in place

    monkeypatch.setattr(common.os, "fsync", interrupted)
    assert main(["baseline", "mark", "baseline.json", ident, "--status", "accepted", "--note", "x"]) == 130
    monkeypatch.undo()
    assert (repo / "baseline.json").read_bytes() == before
    assert not [p for p in os.listdir(repo) if p.startswith(".tmp-")]


# -- the documented GitHub workflow and pre-commit hook ---------------------------------------------------

def _env_with_venv() -> dict:
    env = {**os.environ, "CI": "true"}
    env["PATH"] = os.path.dirname(sys.executable) + os.pathsep + env.get("PATH", "")
    return env


def _git(cwd, *args):
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "init.defaultBranch=main",
                    *args], cwd=cwd, check=True, capture_output=True)


def _bash(script: str, cwd, env) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "-eo", "pipefail", "-c", script], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=900)


@pytest.mark.skipif(shutil.which("git") is None or shutil.which("bash") is None, reason="needs git and bash")
def test_the_documented_workflow_commands_run(tmp_path, copy_fixtures):
    wf = yaml.safe_load((ROOT / "docs" / "github-workflow.yml").read_text(encoding="utf-8"))
    steps = {s.get("name"): s for s in wf["jobs"]["gate"]["steps"]}
    env = {**_env_with_venv(), **{k: str(v) for k, v in wf["env"].items()}}
    repo = tmp_path / "newsroom"
    shutil.copytree(copy_fixtures, repo / env["ARTICLES"])
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "base")
    _git(repo, "update-ref", "refs/remotes/origin/main", "HEAD")
    _git(repo, "checkout", "-q", "-b", "pr")
    # the pull request: a new article that contradicts a fixture (the same sentence, another number)
    seed = (repo / env["ARTICLES"] / "001_bf472eef1a4b1247.txt").read_text(encoding="utf-8")
    stated = "liegt die Zahl der Todesopfer in Russlandkriegen bei über 350.000."
    assert stated in seed
    (repo / env["ARTICLES"] / "new-report.md").write_text(
        "Neuer Bericht\n\nNach Schätzungen westlicher Geheimdienste liegt die Zahl der Todesopfer in "
        "Russlandkriegen bei 50.000.\n", encoding="utf-8")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "pr")

    def step(name):
        script = steps[name]["run"].replace("${{ github.base_ref }}", "main")
        assert "${{" not in script
        return _bash(script, repo, {**env, "GITHUB_OUTPUT": str(tmp_path / "github_output"),
                                    "GITHUB_PATH": str(tmp_path / "github_path")})

    # install: this project from its repository (never PyPI's unrelated `consistency`), CPU-only torch
    # first, into a venv the cache restores; run here as on a cache hit (the venv is this test's own)
    install = steps["Install consistency"]["run"]
    assert env["CONSISTENCY_SOURCE"].startswith("git+") and '"consistency @ $CONSISTENCY_SOURCE"' in install
    assert install.index("torch --index-url https://download.pytorch.org/whl/cpu") < install.index("consistency @")
    assert "pip install consistency" not in install and "-qq" in install
    cache = steps["Restore the venv"]
    assert cache["uses"].startswith("actions/cache@") and cache["with"]["path"] == "${{ env.CONSISTENCY_VENV }}"
    assert "CONSISTENCY_SOURCE" in cache["with"]["key"]
    venv_bin = repo / env["CONSISTENCY_VENV"] / "bin"
    venv_bin.mkdir(parents=True)
    (venv_bin / "consistency").symlink_to(Path(sys.executable).with_name("consistency"))
    res = step("Install consistency")
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith("consistency ") and "creating" not in res.stdout
    assert (tmp_path / "github_path").read_text().strip() == str(venv_bin)

    res = step("Add the articles to the corpus")
    assert res.returncode == 0, res.stderr
    res = step("List the changed articles")
    assert res.returncode == 0, res.stderr
    assert (repo / "changed.txt").read_text().split() == [f"{env['ARTICLES']}/new-report.md"]
    assert "count=1" in (tmp_path / "github_output").read_text()
    # no baseline yet: a clear error, exit 2
    res = step("Check the changed articles")
    assert res.returncode == 2 and "no baseline file" in res.stderr
    (repo / env["BASELINE"]).write_text('{"version": "consistency.baseline/1", "findings": []}\n')
    res = step("Check the changed articles")
    assert res.returncode == 1, res.stderr
    assert re.search(rf"^::error file={env['ARTICLES']}/new-report.md,line=3,", res.stdout, re.M), res.stdout
    ident = re.search(r"\[id ([0-9a-f]{16})\]$", res.stdout.splitlines()[0]).group(1)
    # recorded in the baseline (status new): still fails, as not reviewed (--fail-on-unreviewed)
    subprocess.run(["consistency", "baseline", "update", "--corpus", env["CORPUS"],
                    f"{env['ARTICLES']}/new-report.md", "-o", env["BASELINE"]], cwd=repo, env=env, check=True,
                   capture_output=True)
    res = step("Check the changed articles")
    assert res.returncode == 1 and res.stdout == "" and f"not reviewed yet (status new): {ident}" in res.stderr
    # reviewed: the same command passes
    subprocess.run(["consistency", "baseline", "mark", env["BASELINE"], ident, "--status", "accepted"], cwd=repo,
                   env=env, check=True, capture_output=True)
    res = step("Check the changed articles")
    assert res.returncode == 0 and res.stdout == "", res.stdout + res.stderr
    assert "suppressed 1 finding (1 accepted)" in res.stderr


def test_the_pre_commit_hook_definition(tmp_path):
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert isinstance(hooks, list) and len(hooks) == 1
    hook = hooks[0]
    for key in ("id", "name", "entry", "language", "files"):
        assert isinstance(hook.get(key), str) and hook[key], key
    assert hook["language"] == "python" and hook["require_serial"] is True
    files = re.compile(hook["files"])
    for suffix in SUFFIXES:
        assert files.search(f"articles/x{suffix}"), suffix
    assert not files.search("src/x.py") and not files.search("README.rst")
    # the entry runs as pre-commit runs it: entry + staged file names, settings from pyproject.toml
    (tmp_path / "pyproject.toml").write_text("[tool.consistency]\nbaseline = 'baseline.json'\n", encoding="utf-8")
    (tmp_path / "baseline.json").write_text('{"version": "consistency.baseline/1", "findings": []}\n')
    (tmp_path / "a.txt").write_text(FLOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_text(CONTRA, encoding="utf-8")
    (tmp_path / "c.txt").write_text(AGREE, encoding="utf-8")
    env = _env_with_venv()
    run = lambda *names: subprocess.run(shlex.split(hook["entry"]) + list(names), cwd=tmp_path, env=env,  # noqa
                                        capture_output=True, text=True, timeout=600)
    res = run("a.txt", "b.txt")
    assert res.returncode == 1, res.stderr
    assert "suppressed 0 findings" in res.stderr
    assert run("a.txt", "c.txt").returncode == 0
