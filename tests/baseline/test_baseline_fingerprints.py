"""End to end: a reviewed finding stays suppressed when the text around it is reworded or
moved, and resurfaces when the value changes (fingerprints hold no lines or offsets)."""

from __future__ import annotations

import json

import pytest

from consistency.cli import main

CORPUS = {
    "flood.txt": ("Hochwasser in Passau\n\nBei dem Hochwasser in Passau wurden am Montag 120 Häuser überflutet. "
                  "Die Feuerwehr war mit 300 Einsatzkräften vor Ort.\n"),
    "landrat.txt": ("Notstand in Passau\n\nDer Landrat hat am Montag den Katastrophenfall für Passau ausgerufen. "
                    "Die Schulen bleiben geschlossen.\n"),
}
NEW = ("Passau unter Wasser\n\n"
       "Der Bürgermeister sprach von einer Katastrophe.\n"
       "Bei dem Hochwasser in Passau wurden am Montag 450 Häuser überflutet.\n\n"
       "Der Landrat hat am Montag den Katastrophenfall für Passau nicht ausgerufen.\n")
#: the same facts, surrounding text reworded, paragraphs moved, a paragraph added
NEW_REWORDED = ("Land unter in Passau\n\n"
                "Der Landrat hat am Montag den Katastrophenfall für Passau nicht ausgerufen.\n\n"
                "Die Helfer arbeiteten die ganze Nacht, berichtete ein Sprecher der Stadt.\n\n"
                "Bei dem Hochwasser in Passau wurden am Montag 450 Häuser überflutet.\n"
                "Der Oberbürgermeister nannte die Lage dramatisch.\n")


def _run(capsys, *argv) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def project(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "corpus").mkdir()
    for name, text in CORPUS.items():
        (tmp_path / "corpus" / name).write_text(text, encoding="utf-8")
    (tmp_path / "new").mkdir()
    (tmp_path / "new" / "passau.txt").write_text(NEW, encoding="utf-8")
    assert _run(capsys, "add", "--corpus", "c.sqlite", "corpus")[0] == 0
    return tmp_path


def _ids(capsys, *extra) -> dict[str, str]:
    _, out, _ = _run(capsys, "check", "--corpus", "c.sqlite", "new/passau.txt", "-f", "json", *extra)
    return {f["id"]: f["kind"] for f in json.loads(out)["findings"] if f["verdict"] == "contradict"}


def test_reworded_and_moved_text_keeps_ids_changed_value_does_not(project, capsys):
    before = _ids(capsys)
    assert sorted(before.values()) == ["negation", "numeric"]
    (project / "new" / "passau.txt").write_text(NEW_REWORDED, encoding="utf-8")
    assert _ids(capsys) == before
    (project / "new" / "passau.txt").write_text(NEW_REWORDED.replace("450 Häuser", "500 Häuser"), encoding="utf-8")
    after = _ids(capsys)
    numeric = [i for i, k in after.items() if k == "numeric"]
    negation = [i for i, k in after.items() if k == "negation"]
    assert numeric and numeric[0] not in before  # the changed value is a new finding
    assert negation and negation[0] in before  # the untouched denial is the same finding


def test_reviewed_finding_stays_suppressed_until_the_value_changes(project, capsys):
    code, _, err = _run(capsys, "baseline", "create", "--corpus", "c.sqlite", "new/passau.txt", "-o", "bl.json")
    assert code == 0 and "2 findings recorded" in err
    doc = json.loads((project / "bl.json").read_text(encoding="utf-8"))
    numeric = next(e for e in doc["findings"] if e["kind"] == "numeric")
    assert _run(capsys, "baseline", "mark", "bl.json", numeric["id"][:8], "--status", "accepted",
                "--note", "the city corrected the count")[0] == 0

    code, _, err = _run(capsys, "check", "--corpus", "c.sqlite", "--baseline", "bl.json", "new/passau.txt")
    assert code == 0 and "suppressed 2 findings (1 accepted, 1 new)" in err

    (project / "new" / "passau.txt").write_text(NEW_REWORDED, encoding="utf-8")
    code, _, err = _run(capsys, "check", "--corpus", "c.sqlite", "--baseline", "bl.json", "new/passau.txt")
    assert code == 0 and "suppressed 2 findings" in err

    (project / "new" / "passau.txt").write_text(NEW_REWORDED.replace("450 Häuser", "500 Häuser"), encoding="utf-8")
    code, out, err = _run(capsys, "check", "--corpus", "c.sqlite", "--baseline", "bl.json", "new/passau.txt",
                          "-f", "github")
    assert code == 1 and "suppressed 1 finding (1 new)" in err
    assert out.count("::error ") == 1 and "500 Häuser" in out

    # updating the baseline is a deliberate act that says what changed
    code, _, err = _run(capsys, "baseline", "update", "--corpus", "c.sqlite", "new/passau.txt", "-o", "bl.json")
    assert code == 0 and "1 added, 1 kept, 1 dropped" in err
    doc2 = json.loads((project / "bl.json").read_text(encoding="utf-8"))
    assert numeric["id"] not in {e["id"] for e in doc2["findings"]}  # the old count no longer occurs
    kept = [e for e in doc2["findings"] if e["kind"] == "negation"]
    assert kept and kept[0]["status"] == "new"
    assert _run(capsys, "check", "--corpus", "c.sqlite", "--baseline", "bl.json", "new/passau.txt")[0] == 0


def test_without_a_corpus_too(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "flood.txt").write_text(CORPUS["flood.txt"], encoding="utf-8")
    (tmp_path / "passau.txt").write_text(NEW, encoding="utf-8")
    assert _run(capsys, "baseline", "create", "flood.txt", "passau.txt", "-o", "bl.json")[0] == 0
    assert _run(capsys, "check", "flood.txt", "passau.txt")[0] == 1
    (tmp_path / "passau.txt").write_text(NEW_REWORDED, encoding="utf-8")
    assert _run(capsys, "check", "--baseline", "bl.json", "flood.txt", "passau.txt")[0] == 0
    (tmp_path / "passau.txt").write_text(NEW_REWORDED.replace("450", "451"), encoding="utf-8")
    assert _run(capsys, "check", "--baseline", "bl.json", "flood.txt", "passau.txt")[0] == 1
