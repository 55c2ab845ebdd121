"""The typer app as a new user meets it: help, version, completion, stdin, names, no silent mistakes.

Through the console script where the point is what a shell sees (help
text, exit codes, stdin); in-process (``main``) with ``--model tfidf`` or
the session's model elsewhere.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from consistency import __version__
from consistency.cli import main
from consistency.report import FORMATS
from test_check import loader  # the session model handed out as the product would (tests/cli/test_check.py)


ROOT = Path(__file__).resolve().parents[2]
FAST = ["--model", "tfidf", "--no-cache"]
TWELVE = "Missile strike on Kharkiv\n\nRegional officials said 12 people were killed when a Russian missile hit a " \
         "shopping centre in Kharkiv on Saturday afternoon.\n"
FIFTEEN = "Kharkiv strike\n\nA Russian missile hit a shopping centre in Kharkiv on Saturday afternoon, killing " \
          "15 people, regional officials said.\n"


def console_script() -> str:
    exe = Path(sys.executable).with_name("consistency")
    found = str(exe) if exe.exists() else shutil.which("consistency")
    if not found:
        pytest.skip("the consistency console script is not installed (pip install -e .)")
    return found


def sh(*argv, stdin: str | None = None, env: dict | None = None, cwd=None) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "COLUMNS": "200", **(env or {})}
    return subprocess.run([console_script(), *argv], input=stdin, capture_output=True, text=True,
                          encoding="utf-8", timeout=300, env=full_env, cwd=cwd)


@pytest.fixture
def shared_model(monkeypatch, embedder):
    import consistency.pipeline as pipeline

    monkeypatch.setattr(pipeline, "get_embedder", loader(embedder))
    monkeypatch.delenv("NO_COLOR", raising=False)


# -- help, version, completion ---------------------------------------------------------------------

def test_version_long_and_short():
    for flag in ("--version", "-V"):
        proc = sh(flag)
        assert proc.returncode == 0 and proc.stdout.strip() == f"consistency {__version__}"


def test_help_lists_the_subcommands_exit_codes_and_completion():
    proc = sh("--help")
    assert proc.returncode == 0
    for word in ("check", "add", "baseline", "config", "eval", "--install-completion", "--version",
                 "Exit codes: 0"):
        assert word in proc.stdout, word


def test_each_subcommand_lists_only_its_own_options():
    add = sh("add", "--help").stdout
    assert "--corpus" in add and "--prune" in add
    for foreign in ("--fail-on", "--nli-model", "--format", "--baseline", "--exit-zero"):
        assert foreign not in add, foreign
    check = sh("check", "--help").stdout
    assert "--fail-on" in check and "--format" in check and "--prune" not in check
    # defaults and the exit codes are in the help
    assert "[default: text]" in check and "[default: 0.55]" in check and "[default: contradict]" in check
    assert "Exit codes: 0" in check and "-q" in check and "--verbose" in check and "--stdin-format" in check
    mark = sh("baseline", "mark", "--help").stdout
    assert "--status" in mark and "--model" not in mark and "--corpus" not in mark
    ev = sh("eval", "--help").stdout
    assert "--min-f1" in ev and "--pairs" in ev and "--baseline" not in ev


def test_show_completion_prints_a_script():
    proc = sh("--show-completion", "bash", env={"SHELL": "/bin/bash"})
    assert proc.returncode == 0 and "_CONSISTENCY_COMPLETE" in proc.stdout


def test_unknown_option_is_a_usage_error_naming_it():
    proc = sh("check", "fixtures", "--frobnicate")
    assert proc.returncode == 2 and "--frobnicate" in proc.stderr and "Traceback" not in proc.stderr


# -- standard input --------------------------------------------------------------------------------

def test_dash_reads_one_article_from_stdin(tmp_path):
    (tmp_path / "a.txt").write_text(TWELVE, encoding="utf-8")
    proc = sh("check", str(tmp_path / "a.txt"), "-", *FAST, "-f", "json", stdin=FIFTEEN)
    report = json.loads(proc.stdout)
    assert [a["path"] for a in report["articles"]] == [str(tmp_path / "a.txt"), "<stdin>"]
    assert report["articles"][1]["error"] is None and report["articles"][1]["sentences"] >= 1
    assert proc.returncode == (1 if report["summary"]["contradict"] else 0)


def test_dash_reads_jsonl_with_stdin_format(tmp_path):
    records = "\n".join(json.dumps({"id": i, "text": t}) for i, t in (("x", TWELVE), ("y", FIFTEEN))) + "\n{oops\n"
    proc = sh("check", "-", "--stdin-format", "jsonl", *FAST, "-f", "json", stdin=records)
    report = json.loads(proc.stdout)
    assert [a["path"] for a in report["articles"]] == ["<stdin>:1", "<stdin>:2", "<stdin>:3"]
    assert [a["id"] for a in report["articles"][:2]] == ["x", "y"]
    assert "<stdin>:3: broken JSON line" in proc.stderr and proc.returncode in (0, 1)


def test_empty_stdin_is_an_unreadable_input():
    proc = sh("check", "-", *FAST, stdin="")
    assert proc.returncode == 2 and "<stdin>: empty input" in proc.stderr


# -- no silent mistakes ----------------------------------------------------------------------------

def test_output_into_a_missing_folder_fails_before_the_check(tmp_path, capsys, monkeypatch):
    (tmp_path / "a.txt").write_text(TWELVE, encoding="utf-8")
    import consistency.cli.check as check_mod

    monkeypatch.setattr(check_mod, "gather", lambda *a, **k: pytest.fail("the check ran"))
    target = tmp_path / "no" / "such" / "report.json"
    assert main(["check", str(tmp_path / "a.txt"), *FAST, "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert f"--output {target}: the folder {target.parent} does not exist" in err
    assert ".tmp-" not in err


def test_published_and_ignore_that_match_nothing_warn(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(TWELVE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(FIFTEEN, encoding="utf-8")
    main(["check", "a.txt", "b.txt", *FAST, "-f", "json", "--published", "a.txt=2024-06-20",
          "--published", "c.txt=2024-06-20", "--ignore", "drafts/", "--ignore", "b.txt"])
    out, err = capsys.readouterr()
    assert "consistency: warning: --published c.txt: matches no input" in err
    assert "consistency: warning: --ignore drafts/: matches no input" in err
    assert "a.txt=" not in err and "--published a.txt" not in err and "--ignore b.txt" not in err
    assert [a["path"] for a in json.loads(out)["articles"]] == ["a.txt"]


def test_ignore_has_gitignore_semantics(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for rel in ("news/a.txt", "news/drafts/x.txt", "news/keep.draft.txt", "news/b.draft.txt"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(TWELVE, encoding="utf-8")
    main(["check", "news", *FAST, "-f", "json", "--exit-zero", "--ignore", "drafts/", "--ignore", "*.draft.txt",
          "--ignore", "!keep.draft.txt"])
    paths = sorted(a["path"] for a in json.loads(capsys.readouterr().out)["articles"])
    assert paths == [os.path.join("news", "a.txt"), os.path.join("news", "keep.draft.txt")]


# -- names that identify ---------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_names_articles_from_the_common_root(shared_model, tmp_path, capsys, monkeypatch, fmt):
    """Two folders with an a.txt each: no format says a bare "a.txt" that could be either."""
    for town, text in (("berlin", TWELVE), ("hamburg", FIFTEEN)):
        (tmp_path / "news" / town).mkdir(parents=True)
        (tmp_path / "news" / town / "a.txt").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code = main(["check", "news/berlin", "news/hamburg", "-f", fmt, "--color", "never"] if fmt == "text"
                else ["check", "news/berlin", "news/hamburg", "-f", fmt])
    out = capsys.readouterr().out
    assert code == 1
    if fmt in ("text", "markdown", "json", "github", "sarif", "junit", "html"):
        assert "berlin/a.txt" in out and "hamburg/a.txt" in out
    # the message of the contradiction names both, never the bare file name alone
    messages = re.findall(r"(?:^|\W)(\S*a\.txt) says", out)
    assert messages and all("/" in m for m in messages), messages


def test_every_flag_the_readme_shows_is_in_the_help():
    """README and --help say the same thing: each option the README names exists in some subcommand's help."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    flags = set(re.findall(r"(?<![\w-])(--[a-z][a-z0-9-]+)", readme))
    helps = "".join(sh(*cmd, "--help").stdout for cmd in (
        [], ["check"], ["add"], ["config"], ["eval"], ["baseline", "create"], ["baseline", "update"],
        ["baseline", "mark"]))
    # flags of other tools the README shows (pip, pip-audit, git, benchmarks/bench.py, consistency.learn)
    not_ours = {"--fail-on-unaudited", "--index-url", "--upgrade", "--report", "--eval-data", "--quick",
                "--split-dev", "--diff-filter", "--name-only", "--large", "--real", "--sizes", "--threads",
                "--corpus-real"}
    missing = sorted(f for f in flags - not_ours if f not in helps)
    assert not missing, missing


def test_colour_on_a_terminal_unless_no_color(tmp_path, capsys, monkeypatch):
    (tmp_path / "a.txt").write_text(TWELVE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(FIFTEEN, encoding="utf-8")
    argv = ["check", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), *FAST, "--exit-zero"]
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    main(argv)
    assert "\033[" in capsys.readouterr().out
    monkeypatch.setenv("NO_COLOR", "1")
    main(argv)
    assert "\033[" not in capsys.readouterr().out
    main(argv + ["--color", "always"])
    assert "\033[" in capsys.readouterr().out


@pytest.mark.parametrize("argv", [[], ["baseline"]])
def test_no_subcommand_prints_help_once_on_stderr_and_exits_2(argv):
    proc = sh(*argv)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.count("Usage: consistency") == 1
