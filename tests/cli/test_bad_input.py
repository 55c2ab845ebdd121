"""Bad input, end to end: each bad input is named (file, and line for JSONL), listed in the
report with its error, and the other articles are still checked; exit code 2 only when
nothing could be checked.

These runs use ``--model tfidf``: they test the plumbing, not alignment quality.
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from consistency.cli import main

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "tests" / "data" / "report.schema.json").read_text(encoding="utf-8"))
FAST = ["--model", "tfidf", "--no-cache"]

GOOD = ("Munition für Moskau\n\nUS-Beamte sagen, dass mehr als 10.000 Container mit Munition nach Russland "
        "geschickt wurden. Die Lieferungen begannen im vergangenen Sommer. Pjöngjang äußerte sich dazu nicht.\n")
LATIN1 = ("Bündnis mit Pjöngjang\n\nDie Bündnispartner schickten nach Angaben aus Seoul rund 12.000 Container mit "
          "Munition nach Russland. Größere Lieferungen würden folgen, hieß es. Die Regierung prüft Maßnahmen.\n")
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000100000001008060000001ff3ff61") + bytes(range(256)) * 4


def run(capsys, *argv):
    code = main(["check", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys, *paths, extra=()):
    code, out, err = run(capsys, *map(str, paths), *FAST, "--format", "json", *extra)
    report = json.loads(out)
    jsonschema.validate(report, SCHEMA)
    return code, report, err


def status(report, path) -> dict:
    hits = [a for a in report["articles"] if a["path"] == str(path)]
    assert len(hits) == 1, [a["path"] for a in report["articles"]]
    return hits[0]


@pytest.fixture
def good(tmp_path) -> Path:
    p = tmp_path / "good.txt"
    p.write_text(GOOD, encoding="utf-8")
    return p


@pytest.fixture
def latin1(tmp_path) -> Path:
    p = tmp_path / "latin1.txt"
    p.write_bytes(LATIN1.encode("latin-1"))
    return p


def assert_checked(report, path):
    s = status(report, path)
    assert s["error"] is None and s["sentences"] >= 3


def assert_error(report, err, path, message):
    s = status(report, path)
    assert s["error"] and str(path) in s["error"] and message in s["error"], s
    assert s["sentences"] == 0
    assert f"consistency: error: {s['error']}" in err.splitlines()


# -- one bad input beside a good one: named, listed, the good one checked, no exit 2 ----------------

def test_a_missing_path_is_an_error_even_beside_good_ones(capsys, tmp_path, good):
    """A typo in a path must not pass a CI gate: exit 2 before anything is checked, the path named."""
    missing = tmp_path / "does-not-exist.txt"
    code, out, err = run(capsys, str(missing), str(good), *FAST, "--format", "json")
    assert code == 2 and out == ""
    assert f"consistency: error: {missing}: no such file or folder" in err
    code, out, err = run(capsys, str(good), str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), *FAST)
    assert code == 2 and "these paths do not exist:" in err and "a.txt" in err and "b.txt" in err


def test_empty_file(capsys, tmp_path, good):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, report, err = run_json(capsys, empty, good)
    assert code != 2
    assert_error(report, err, empty, "empty file")
    assert_checked(report, good)


def test_binary_file(capsys, tmp_path, good):
    png = tmp_path / "photo.png"
    png.write_bytes(PNG)
    disguised = tmp_path / "disguised.txt"
    disguised.write_bytes(PNG)
    code, report, err = run_json(capsys, png, disguised, good)
    assert code != 2
    assert_error(report, err, png, "binary file")
    assert_error(report, err, disguised, "binary file")
    assert_checked(report, good)


def test_latin1_file_is_read_not_refused(capsys, latin1, good):
    code, report, err = run_json(capsys, latin1, good)
    assert code != 2 and "error" not in err
    assert_checked(report, latin1)
    quoted = [s["text"] for f in report["findings"] for s in f["statements"] if s["article"] == str(latin1)]
    assert any("Bündnispartner" in t for t in quoted), quoted
    assert not any("Ã" in t or "\ufffd" in t for t in quoted)  # no mojibake, no replacement characters


def test_latin1_in_the_text_report(capsys, latin1):
    code, out, err = run(capsys, str(latin1), *FAST, "--format", "text", "--color", "never")
    assert code == 0 and "Bündnispartner" in out and "error" not in err


def test_broken_jsonl_line(capsys, tmp_path, good):
    p = tmp_path / "wire.jsonl"
    p.write_text("\n".join([
        json.dumps({"id": "w1", "text": GOOD, "published": "2024-06-20"}),
        '{"id": "w2", "text": "Der Vertrag wurde am 19. Juni unterzeichnet.',  # cut off
        json.dumps({"id": "w3", "text": LATIN1, "published": "20.06.2024"}),  # not an ISO date
        json.dumps({"id": "w4", "text": LATIN1}),
    ]) + "\n", encoding="utf-8")
    code, report, err = run_json(capsys, p, good)
    assert code != 2
    assert [a["path"] for a in report["articles"]] == [f"{p}:1", f"{p}:2", f"{p}:3", f"{p}:4", str(good)]
    assert_error(report, err, f"{p}:2", "broken JSON line")
    assert_error(report, err, f"{p}:3", "not an ISO date")
    for ok in (f"{p}:1", f"{p}:4", good):
        assert_checked(report, ok)
    # statements of a record are located on the record's line
    lines = {s["line"] for f in report["findings"] for s in f["statements"] if s["article"] == f"{p}:4"}
    assert lines == {4}


def big_html(path: Path, size: int) -> Path:
    """An HTML page of ``size`` bytes: a short article and a huge inline image."""
    head = ("<html><body>\n<p>Nordkorea hat nach Angaben aus Seoul mehr als 10.000 Container mit Munition "
            "nach Russland geschickt. Die Lieferungen laufen über den Hafen Rason. Kiew ist besorgt.</p>\n"
            '<img alt="Karte" src="data:image/png;base64,')
    tail = '">\n</body></html>\n'
    n = size - len(head.encode()) - len(tail)
    image = base64.b64encode(os.urandom(n * 3 // 4 + 3)).decode()[:n]
    path.write_text(head + image + tail, encoding="utf-8")
    assert path.stat().st_size == size
    return path


def test_20_mb_file_is_refused_by_default_and_read_with_max_bytes(capsys, tmp_path, good):
    big = big_html(tmp_path / "big.html", 20 * 1024 * 1024)
    code, report, err = run_json(capsys, big, good)
    assert code != 2
    assert_error(report, err, big, "file too large")
    message = status(report, big)["error"]
    assert "20 MiB" in message and "limit is 10 MiB" in message and "--max-bytes" in message
    assert_checked(report, good)

    code, report, err = run_json(capsys, big, good, extra=["--max-bytes", str(25 * 1024 * 1024)])
    assert code != 2 and "error" not in err
    assert_checked(report, big)


# -- nothing readable: exit 2, and still every input listed --------------------------------------

def test_nothing_readable_exits_2_and_lists_every_input(capsys, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    png = tmp_path / "photo.png"
    png.write_bytes(PNG)
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 2048)
    broken = tmp_path / "broken.jsonl"
    broken.write_text("{not json\n", encoding="utf-8")
    code, report, err = run_json(capsys, empty, png, big, broken, extra=["--max-bytes", "1024"])
    assert code == 2
    assert [a["path"] for a in report["articles"]] == [str(empty), str(png), str(big), f"{broken}:1"]
    assert all(a["error"] for a in report["articles"])
    assert report["summary"]["statements"] == 0 and report["findings"] == []
    assert "no article could be read" in err


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_exit_2_in_every_format(capsys, tmp_path, fmt):
    code, _, err = run(capsys, str(tmp_path / "nope.txt"), *FAST, "--format", fmt)
    assert code == 2 and "nope.txt: no such file or folder" in err


def test_an_empty_folder_is_listed_and_an_unmatched_glob_is_an_error(capsys, tmp_path, good):
    (tmp_path / "empty").mkdir()
    code, report, err = run_json(capsys, tmp_path / "empty", good)
    assert code != 2
    assert_error(report, err, tmp_path / "empty", "no articles")
    code, out, err = run(capsys, str(tmp_path / "x*.txt"), str(good), *FAST)
    assert code == 2 and out == "" and f"{tmp_path / 'x*.txt'}: no file matches" in err


# -- the real console script -----------------------------------------------------------------------

def console_script() -> str:
    exe = Path(sys.executable).with_name("consistency")
    found = str(exe) if exe.exists() else shutil.which("consistency")
    if not found:
        pytest.skip("the consistency console script is not installed (pip install -e .)")
    return found


def test_console_script_with_mixed_input(tmp_path, latin1, good):
    broken = tmp_path / "b.jsonl"
    broken.write_text(json.dumps({"id": "a", "text": GOOD}) + "\n{oops\n", encoding="utf-8")
    proc = subprocess.run([console_script(), "check", str(latin1), str(broken), str(good),
                           *FAST, "--format", "json"], capture_output=True, text=True, encoding="utf-8",
                          timeout=300)
    assert proc.returncode in (0, 1), proc.stderr
    report = json.loads(proc.stdout)
    jsonschema.validate(report, SCHEMA)
    assert f"{broken}:2: broken JSON line" in proc.stderr
    assert status(report, latin1)["error"] is None
    assert "Bündnispartner" in proc.stdout
    assert proc.stderr.strip().splitlines()[-1].startswith("4 articles, 1 unreadable")
    assert proc.stderr.count("4 articles, 1 unreadable") == 1  # the summary once


def test_console_script_exits_2_on_a_missing_path_beside_a_good_one(tmp_path, good):
    proc = subprocess.run([console_script(), "check", str(good), str(tmp_path / "nope.txt"), *FAST],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 2 and proc.stdout == ""
    assert f"consistency: error: {tmp_path / 'nope.txt'}: no such file or folder" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_console_script_exits_2_on_a_bad_names_file_before_reading_articles(tmp_path, good):
    names = tmp_path / "names.toml"
    names.write_text('"Olaf Scholz" = ["Scholz"]\n[names."Kiel"]\ntype = "planet"\n', encoding="utf-8")
    proc = subprocess.run([console_script(), "check", str(good), *FAST, "--names", str(names)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 2 and proc.stdout == ""
    assert f"consistency: error: {names}: 'Kiel': type must be one of" in proc.stderr
    assert "Traceback" not in proc.stderr
    names.write_text('"Olaf Scholz" = ["Scholz"]\n"Kiel" = = 3\n', encoding="utf-8")  # a TOML error names its line
    proc = subprocess.run([console_script(), "check", str(good), *FAST, "--names", str(names)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 2 and f"consistency: error: {names}:2: invalid TOML" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_names_file_from_the_settings_file_is_read_relative_to_it(capsys, tmp_path, good):
    (tmp_path / "names.toml").write_text('"Bündnis" = ["Allianz"]\n', encoding="utf-8")
    (tmp_path / "consistency.toml").write_text('names = "names.toml"\n', encoding="utf-8")
    code, report, _ = run_json(capsys, good, extra=("--config", str(tmp_path / "consistency.toml")))
    assert code in (0, 1) and report["articles"][0]["error"] is None
    assert main(["config", "--config", str(tmp_path / "consistency.toml")]) == 0
    assert f'names = "{os.path.relpath(tmp_path / "names.toml")}"' in capsys.readouterr().out
