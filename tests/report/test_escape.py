"""Names and text from the open web cannot inject into a report or the terminal (issue 11)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CONSOLE = Path(sys.executable).with_name("consistency")
#: a raw control character other than newline (ESC, BEL, form feed, bidi override...)
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
EVIL = "e\n::add-mask::foo\x1b]0;pwned\x07`<img src=x onerror=alert(1)>`|x.txt"
TEXT = ("Bei dem Hochwasser in Passau wurden am Montag 450 Häuser überflutet.\x1b[2J\x0c "
        "Die Feuerwehr \x1b]0;title\x07half mit \u202eeinem Boot.\n")
OTHER = "Bei dem Hochwasser in Passau wurden am Montag 120 Häuser überflutet. Die Feuerwehr half mit einem Boot.\n"


def console(*args, cwd):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1"}
    return subprocess.run([str(CONSOLE), *map(str, args)], cwd=cwd, capture_output=True, text=True,
                          timeout=300, env=env)


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> dict:
    d = tmp_path_factory.mktemp("evil")
    (d / EVIL).write_text(TEXT, encoding="utf-8")
    (d / "ok.txt").write_text(OTHER, encoding="utf-8")
    (d / ("broken\n::error::x\x1b[31m.txt")).write_bytes(b"")
    out = {}
    for fmt in ("text", "markdown", "github", "json", "sarif", "junit"):
        r = console("check", ".", "--model", "tfidf", "--no-cache", "-f", fmt, "--color", "never", cwd=d)
        assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr
        out[fmt] = r
    return out


@pytest.mark.parametrize("fmt", ["text", "markdown", "github"])
def test_no_raw_control_character_in_human_formats(outputs, fmt):
    r = outputs[fmt]
    assert "450" in r.stdout and "120" in r.stdout  # the evil article was checked
    assert not RAW.search(r.stdout), RAW.search(r.stdout)
    assert not RAW.search(r.stderr)
    # a newline in a name never starts a line of its own: no workflow command injected
    for line in (r.stdout + r.stderr).splitlines():
        assert not line.startswith(("::add-mask", "::error::x"))


def test_markdown_keeps_names_in_code_and_tables_whole(outputs):
    md = outputs["markdown"].stdout
    assert "<img" not in md.replace("`<img", "")  # only inside a code span
    row = next(ln for ln in md.splitlines() if "add-mask" in ln and ln.startswith("|"))
    assert re.search(r"(`{2,}) e\\n::add-mask::foo\\x1b\]0;pwned\\x07`<img src=x onerror=alert\(1\)>`\\\|x\.txt:1 \1", row)
    assert len(re.split(r"(?<!\\)\|", row)) == 6  # 4 cells: the '|' of the name is escaped


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit"])
def test_machine_formats_stay_valid(outputs, fmt):
    out = outputs[fmt].stdout
    if fmt == "junit":
        root = ET.fromstring(out.encode("utf-8"))
        assert root.tag == "testsuites"
    else:
        doc = json.loads(out)
        if fmt == "json":
            assert EVIL in {a["path"] for a in doc["articles"]}  # data is never altered


def test_helpers():
    from consistency.report.escape import md_code, printable, xml_text

    assert printable("a\nb\x1b[2J\u202e") == "a\\nb\\x1b[2J\\u202e"
    assert printable(printable("a\nb")) == "a\\nb"
    assert md_code("x`y") == "`` x`y ``" and md_code("a|b") == "`a\\|b`"
    assert xml_text("a\x1b\x0cb\nc\td") == "a\\x1b\\x0cb\nc\td"
