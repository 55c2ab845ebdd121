"""Gold files: loading, validation messages, locating quotes, matching statements."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from consistency.evaluate import GOLD_VERSION, GoldError, load_gold, locate
from consistency.evaluate.gold import Located, matches
from consistency.model import StatementRef
from consistency.read import article_from_text, read_paths

EVAL = Path(__file__).resolve().parents[1] / "data" / "eval"


def _write(tmp_path, data) -> str:
    p = tmp_path / "gold.json"
    p.write_text(json.dumps(data), encoding="utf-8")
    return str(p)


def _pair(a="a.txt", qa="x", b="b.txt", qb="y", **kw):
    return {"a": {"file": a, "quote": qa}, "b": {"file": b, "quote": qb}, **kw}


@pytest.mark.parametrize("batch", ["de", "en"])
def test_shipped_gold_files_load_and_every_quote_is_found(batch):
    gold = load_gold(str(EVAL / batch / "gold.json"))
    kinds = {p.kind for p in gold.contradict}
    assert {"numeric", "date", "negation"} <= kinds
    assert len(gold.not_contradict) >= 2
    where = locate(gold, read_paths([str(EVAL / batch)]), str(EVAL / batch))
    quotes = {q for p in (*gold.contradict, *gold.agree, *gold.not_contradict) for q in (p.a, p.b)}
    assert set(where) == quotes and all(w.spans for w in where.values())


@pytest.mark.parametrize("data, message", [
    ({"version": "other/1"}, "'version' must be 'consistency.gold/1'"),
    ({"version": GOLD_VERSION, "contradict": [_pair(kind="numbers")]}, "contradict[0].kind"),
    ({"version": GOLD_VERSION, "contradict": [_pair(kind="numeric", qa="")]}, "contradict[0].a.quote"),
    ({"version": GOLD_VERSION, "agree": [{"a": {"file": "a.txt", "quote": "x"}}]}, "agree[0].b"),
    ({"version": GOLD_VERSION, "agree": [_pair(b="a.txt")]}, "same file"),
    ({"version": GOLD_VERSION, "traps": []}, "unknown key(s) traps"),
    ({"version": GOLD_VERSION, "agree": {}}, "'agree' must be a list"),
])
def test_bad_gold_is_refused_naming_file_and_entry(tmp_path, data, message):
    path = _write(tmp_path, data)
    with pytest.raises(GoldError) as exc:
        load_gold(path)
    assert message in str(exc.value) and "gold.json" in str(exc.value)


def test_broken_json_names_the_line(tmp_path):
    p = tmp_path / "gold.json"
    p.write_text('{"version": "consistency.gold/1",\n "agree": [,]}', encoding="utf-8")
    with pytest.raises(GoldError, match=r"gold.json:2: not valid JSON"):
        load_gold(str(p))


def test_quote_not_in_its_file_is_an_error(tmp_path):
    (tmp_path / "a.txt").write_text("Es brannte am Montag.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Es brannte am Dienstag.", encoding="utf-8")
    gold = load_gold(_write(tmp_path, {"version": GOLD_VERSION, "contradict": [
        _pair(qa="am Montag", qb="am Mittwoch", kind="date")]}))
    with pytest.raises(GoldError, match=r"contradict\[0\]\.b\.quote: 'am Mittwoch' is not in b.txt"):
        locate(gold, read_paths([str(tmp_path)]), str(tmp_path))


def test_unknown_file_is_an_error(tmp_path):
    (tmp_path / "a.txt").write_text("Es brannte am Montag.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Es brannte am Dienstag.", encoding="utf-8")
    gold = load_gold(_write(tmp_path, {"version": GOLD_VERSION, "agree": [_pair(b="c.txt", qa="Montag", qb="x")]}))
    with pytest.raises(GoldError, match=r"agree\[0\]\.b\.file: 'c.txt' is not an article"):
        locate(gold, read_paths([str(tmp_path)]), str(tmp_path))


def test_quotes_match_across_line_breaks_and_statements_by_overlap():
    art = article_from_text("x/a.txt", "Erster Satz. Die Polizei hat\neinen Mann festgenommen. Dritter.", language="de")
    from consistency.evaluate.gold import _find_spans
    spans = _find_spans(art.text, "hat einen Mann")
    assert len(spans) == 1 and art.text[spans[0][0]:spans[0][1]] == "hat\neinen Mann"
    where = Located(article="x/a.txt", spans=spans)
    start = art.text.index("Die Polizei")
    end = art.text.index("Dritter") - 1
    ref = StatementRef(article="x/a.txt", line=1, start=start, end=end, text=art.text[start:end], values=(), position=0)
    other = StatementRef(article="x/a.txt", line=1, start=0, end=12, text="Erster Satz.", values=(), position=0)
    elsewhere = StatementRef(article="x/b.txt", line=1, start=start, end=end, text="", values=(), position=0)
    assert matches(ref, where) and not matches(other, where) and not matches(elsewhere, where)
