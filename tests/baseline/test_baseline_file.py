"""The baseline file: create, update, mark, load; stable bytes; clear errors."""

from __future__ import annotations

import json

import pytest

from consistency import baseline as bl
from consistency.model import Finding, StatementRef


def _finding(ident: str, verdict: str = "contradict", arts=("b.txt", "a.txt"), message="a says 1; b says 2"):
    refs = tuple(StatementRef(article=a, line=i + 1, start=0, end=3, text="xyz", values=(), position=i)
                 for i, a in enumerate(arts))
    return Finding(id=ident, verdict=verdict, kind="numeric", fact="Häuser (count)", message=message,
                   statements=refs)


def test_create_sorts_by_id_and_dumps_stable_readable_json():
    b = bl.create([_finding("f2"), _finding("a1"), _finding("f2")])
    text = bl.dumps(b)
    doc = json.loads(text)
    assert doc["version"] == "consistency.baseline/1"
    assert "generated_at" not in doc  # no timestamps: the file changes only when findings do
    assert [e["id"] for e in doc["findings"]] == ["a1", "f2"]
    e = doc["findings"][0]
    assert list(e) == ["id", "verdict", "kind", "fact", "articles", "message", "status", "note"]
    assert e["articles"] == ["a.txt", "b.txt"] and e["status"] == "new" and e["note"] == ""
    assert "Häuser" in text  # readable, not \u-escaped
    assert bl.dumps(bl.loads(text)) == text
    assert bl.dumps(bl.create([_finding("a1"), _finding("f2")])) == text


def test_update_keeps_reviews_adds_new_drops_gone():
    b = bl.create([_finding("a1"), _finding("b2")])
    b, _ = bl.mark(b, "a1", "accepted", "known: corrected later")
    b, _ = bl.mark(b, "b2", "false-positive", "two different floods")
    new, changes = bl.update(b, [_finding("a1", message="new wording"), _finding("c3")])
    assert [e.id for e in changes.added] == ["c3"]
    assert [e.id for e in changes.kept] == ["a1"]
    assert [e.id for e in changes.dropped] == ["b2"]
    a1 = new.get("a1")
    assert (a1.status, a1.note, a1.message) == ("accepted", "known: corrected later", "new wording")
    assert new.get("c3").status == "new"
    assert [e.id for e in new.entries] == ["a1", "c3"]
    same, nothing = bl.update(new, [_finding("a1", message="new wording"), _finding("c3")])
    assert not nothing and bl.dumps(same) == bl.dumps(new)


def test_mark_by_unique_prefix_and_errors():
    b = bl.create([_finding("abc123"), _finding("abd456")])
    b2, e = bl.mark(b, "abc", "accepted", "ok")
    assert e.id == "abc123" and b2.get("abc123").status == "accepted"
    b3, e = bl.mark(b2, "abc123", "false-positive")
    assert b3.get("abc123").note == "ok"  # kept when no note is given
    with pytest.raises(bl.BaselineError, match="ambiguous"):
        bl.mark(b, "ab", "accepted")
    with pytest.raises(bl.BaselineError, match="no baseline entry"):
        bl.mark(b, "zzz", "accepted")
    with pytest.raises(bl.BaselineError, match="status must be one of"):
        bl.mark(b, "abc", "fine")


def test_split_suppresses_whatever_the_status():
    b = bl.create([_finding("a1"), _finding("b2")])
    b, _ = bl.mark(b, "b2", "false-positive")
    kept, suppressed = bl.split([_finding("a1"), _finding("b2"), _finding("c3")], b)
    assert [f.id for f in kept] == ["c3"]
    assert [f.id for f in suppressed] == ["a1", "b2"]


@pytest.mark.parametrize("text, message", [
    ("{", "not valid JSON"),
    ("[]", "JSON object"),
    ('{"version": "consistency.baseline/9", "findings": []}', "unsupported baseline version"),
    ('{"version": "consistency.baseline/1", "findings": {}}', "'findings' must be a list"),
    ('{"version": "consistency.baseline/1", "extra": 1, "findings": []}', "unknown key 'extra'"),
    ('{"version": "consistency.baseline/1", "findings": [{"id": "x", "status": "ok"}]}', "finding x: status"),
    ('{"version": "consistency.baseline/1", "findings": [{"id": "x", "stauts": "new"}]}', "unknown key 'stauts'"),
    ('{"version": "consistency.baseline/1", "findings": [{"id": "x"}, {"id": "x"}]}', "duplicate id"),
    ('{"version": "consistency.baseline/1", "findings": [{"status": "new"}]}', "finding 1: 'id' must be a string"),
])
def test_bad_files_name_the_file_and_entry(text, message):
    with pytest.raises(bl.BaselineError) as err:
        bl.loads(text, "review.json")
    assert str(err.value).startswith("review.json") and message in str(err.value)


def test_load_missing_file(tmp_path):
    with pytest.raises(bl.BaselineError, match="no baseline file; create one"):
        bl.load(str(tmp_path / "missing.json"))


def test_gate_levels():
    fs = [_finding("a", "contradict"), _finding("b", "unverifiable"), _finding("c", "agree")]
    assert [f.id for f in bl.failing(fs, "contradict")] == ["a"]
    assert [f.id for f in bl.failing(fs, "unverifiable")] == ["a", "b"]
    assert bl.failing(fs, "never") == []
