"""Settings from pyproject.toml / consistency.toml under flags, and `consistency config`."""

from __future__ import annotations

import json
import os

import pytest

from consistency.cli import main
from consistency.config import find_config, is_ignored, resolve
from consistency.settings import Settings, SettingsError


def _write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_a_file(tmp_path):
    r = resolve({}, start=str(tmp_path))
    assert r.settings == Settings() and r.config_file is None
    assert set(r.sources.values()) == {"default"}


def test_pyproject_table_under_flags(tmp_path):
    cfg = _write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n\n[tool.consistency]\n"
                                               "value-threshold = 0.6\nfail_on = 'unverifiable'\n"
                                               "ignore = ['drafts/']\ncorpus = '.consistency/corpus.sqlite'\n")
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    assert find_config(str(sub)) == str(cfg)  # searched upwards
    r = resolve({"fail_on": "never", "tolerance": None}, start=str(sub))
    assert r.settings.value_threshold == 0.6
    assert r.settings.fail_on == "never" and r.sources["fail_on"] == "flag --fail-on"
    assert r.sources["value_threshold"] == f"file:{cfg}:value-threshold"
    assert r.describe("value_threshold").endswith("pyproject.toml [tool.consistency] value-threshold")
    assert r.sources["tolerance"] == "default"  # None means "not given"
    assert r.settings.ignore == ("drafts/",)
    # paths in the file are relative to the file's folder
    assert os.path.abspath(r.settings.corpus) == str(tmp_path / ".consistency" / "corpus.sqlite")
    assert r.root == str(tmp_path)


def test_consistency_toml_wins_in_its_folder_and_pyproject_without_table_is_skipped(tmp_path):
    _write(tmp_path / "pyproject.toml", "[tool.consistency]\ntolerance = 0.2\n")
    inner = tmp_path / "inner"
    _write(inner / "pyproject.toml", "[project]\nname = 'no table for us'\n")
    assert find_config(str(inner)) == str(tmp_path / "pyproject.toml")
    toml = _write(tmp_path / "consistency.toml", "tolerance = 0.3\n")
    assert find_config(str(inner)) == str(toml)
    assert resolve({}, start=str(inner)).settings.tolerance == 0.3


@pytest.mark.parametrize("body, message", [
    ("value-treshold = 0.6\n", "value-treshold: unknown key (did you mean 'value-threshold'?)"),
    ("value-threshold = 'high'\n", "value-threshold: must be a number, got str 'high'"),
    ("value-threshold = true\n", "value-threshold: must be a number"),
    ("max-bytes = 1.5\n", "max-bytes: must be an integer"),
    ("ignore = 3\n", "ignore: must be a list of glob strings"),
    ("published = {'a.txt' = 'yesterday'}\n", "published.a.txt: 'yesterday' is not an ISO date"),
    ("value-threshold = 2\n", "value-threshold: value_threshold must be a number in [-1, 1]"),
    ("fail-on = 'sometimes'\n", "fail-on: fail_on must be one of contradict, unverifiable, never"),
    ("tolerance = 0.1\ntolerance = 0.2\n", "invalid TOML"),
    ("tolerance = 0.1\n[other]\n", "other: unknown key"),
])
def test_bad_settings_name_the_file_and_key(tmp_path, body, message):
    cfg = _write(tmp_path / "consistency.toml", body)
    with pytest.raises(SettingsError) as err:
        resolve({}, start=str(tmp_path))
    assert str(cfg) in str(err.value) and message in str(err.value)


def test_both_spellings_of_one_key_are_refused(tmp_path):
    _write(tmp_path / "consistency.toml", "fail-on = 'never'\nfail_on = 'contradict'\n")
    with pytest.raises(SettingsError, match="given twice"):
        resolve({}, start=str(tmp_path))


def test_bad_flag_value_names_the_flag(tmp_path):
    with pytest.raises(SettingsError, match="flag --value-threshold: value_threshold must be"):
        resolve({"value_threshold": 7.0}, start=str(tmp_path))


def test_is_ignored(tmp_path):
    assert is_ignored("drafts/a.md", ["drafts/"])
    assert is_ignored("./drafts/sub/a.md", ["drafts/"])
    assert is_ignored("news/a.draft.md", ["*.draft.md"])
    assert is_ignored("feed.jsonl:12", ["feed.jsonl"])
    assert not is_ignored("news/a.md", ["drafts/", "*.draft.md"])
    assert is_ignored(str(tmp_path / "drafts" / "x.md"), ["drafts/*"], root=str(tmp_path))


def test_config_command_shows_values_and_sources(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    _write(tmp_path / "pyproject.toml", "[tool.consistency]\nvalue-threshold = 0.6\nmodel = 'tfidf'\n")
    assert main(["config", "--model", "minilm"]) == 0
    out = capsys.readouterr().out
    assert "# settings file: pyproject.toml" in out
    assert "value_threshold = 0.6" in out and "# pyproject.toml [tool.consistency] value-threshold" in out
    assert 'model = "minilm"' in out and "# flag --model" in out
    line = next(ln for ln in out.splitlines() if ln.startswith("tolerance"))
    assert line.endswith("# default")
    assert main(["config", "--json", "--no-cache"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["settings"]["cache_dir"] == {"value": "", "source": "flag --no-cache"}
    assert doc["settings"]["model"] == {"value": "tfidf", "source": f"file:{tmp_path / 'pyproject.toml'}:model"}


def test_config_prints_valid_toml_that_reads_back(tmp_path, monkeypatch, capsys):
    """`consistency config` is a settings file: tomllib reads it, and --config it gives the same settings."""
    import tomllib

    monkeypatch.chdir(tmp_path)
    assert main(["config", "--no-cache", "--ignore", "drafts/", "--published", "a b.txt=2024-06-20",
                 "--model", 'odd "name"']) == 0
    out = capsys.readouterr().out
    assert "None" not in out
    doc = tomllib.loads(out)
    assert doc["cache_dir"] == "" and doc["ignore"] == ["drafts/"] and doc["published"] == {"a b.txt": "2024-06-20"}
    assert doc["model"] == 'odd "name"' and "nli_model" not in doc and "baseline" not in doc
    (tmp_path / "printed.toml").write_text(out, encoding="utf-8")
    again = resolve({}, config=str(tmp_path / "printed.toml"))
    first = resolve({"cache_dir": "", "ignore": ("drafts/",), "published": (("a b.txt", "2024-06-20"),),
                     "model": 'odd "name"'}, start=str(tmp_path))
    assert again.settings == first.settings


def test_bad_setting_exits_2_naming_the_key(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    _write(tmp_path / "consistency.toml", "statement-threshold = 'x'\n")
    _write(tmp_path / "a.txt", "In Ulm leben 120 000 Menschen.\n")
    for argv in (["config"], ["check", "a.txt"], ["add", "--corpus", "c.sqlite", "a.txt"]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert "consistency.toml: statement-threshold: must be a number" in err
    assert not (tmp_path / "c.sqlite").exists()


def test_check_takes_its_settings_from_the_file(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    _write(tmp_path / "a.txt", "Hochwasser\n\nBei dem Hochwasser in Passau wurden am Montag 120 Häuser überflutet.\n")
    _write(tmp_path / "b.txt", "Hochwasser\n\nBei dem Hochwasser in Passau wurden am Montag 450 Häuser überflutet.\n")
    _write(tmp_path / "drafts" / "c.txt", "Hochwasser\n\nBei dem Hochwasser in Passau wurden am Montag 900 Häuser überflutet.\n")
    assert main(["check", "a.txt", "b.txt"]) == 1
    _write(tmp_path / "consistency.toml", "fail-on = 'never'\nignore = ['drafts/']\n")
    assert main(["check", "a.txt", "b.txt"]) == 0
    assert main(["check", "a.txt", "b.txt", "--fail-on", "contradict"]) == 1
    capsys.readouterr()
    assert main(["check", "a.txt", ".", "--fail-on", "contradict", "-f", "json"]) == 1
    doc = json.loads(capsys.readouterr().out)
    assert sorted(a["path"] for a in doc["articles"]) == ["a.txt", "b.txt"]  # drafts/ ignored
    assert main(["check", "drafts/c.txt"]) == 0
    assert "every path given is ignored" in capsys.readouterr().err
