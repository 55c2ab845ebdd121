"""Scoring a report against a gold file, on hand-made findings (no model)."""

from __future__ import annotations

import json

from consistency.evaluate import GOLD_VERSION, load_gold, locate, score_report, summarize
from consistency.model import Finding, Report, StatementRef
from consistency.read import article_from_text

A = "Bei dem Brand wurden 14 Menschen verletzt. Die Polizei nahm einen Mann fest. Der Schaden liegt bei 4 Millionen Euro."
B = "Bei dem Brand wurden 21 Menschen verletzt. Die Polizei nahm keinen Mann fest. Der Schaden könnte 10 Millionen Euro betragen."
C = "Bei dem Brand wurden 14 Menschen verletzt."


def _ref(path, text, quote, position):
    start = text.index(quote)
    end = text.index(".", start) + 1
    return StatementRef(article=path, line=1, start=start, end=end, text=text[start:end], values=(), position=position)


def _finding(verdict, kind, *refs, fid="f"):
    return Finding(id=fid, verdict=verdict, kind=kind, fact="x", message="m", statements=tuple(refs))


def _setup(tmp_path):
    gold = {"version": GOLD_VERSION,
            "contradict": [
                {"kind": "numeric", "a": {"file": "a.txt", "quote": "14 Menschen"}, "b": {"file": "b.txt", "quote": "21 Menschen"}},
                {"kind": "negation", "a": {"file": "a.txt", "quote": "einen Mann fest"},
                 "b": {"file": "b.txt", "quote": "keinen Mann fest"}}],
            "agree": [{"a": {"file": "a.txt", "quote": "14 Menschen"}, "b": {"file": "c.txt", "quote": "14 Menschen"}}],
            "not_contradict": [{"a": {"file": "a.txt", "quote": "4 Millionen"}, "b": {"file": "b.txt", "quote": "könnte"},
                                "why": "trap: hedged"}]}
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    g = load_gold(str(path))
    d = str(tmp_path)
    arts = [article_from_text(f"{d}/a.txt", A, "de"), article_from_text(f"{d}/b.txt", B, "de"),
            article_from_text(f"{d}/c.txt", C, "de")]
    return g, locate(g, arts, d), d


def test_found_missed_false_alarm_trap_and_agree(tmp_path):
    g, where, d = _setup(tmp_path)
    a, b, c = f"{d}/a.txt", f"{d}/b.txt", f"{d}/c.txt"
    numeric = _finding("contradict", "numeric", _ref(a, A, "Bei dem", 0), _ref(b, B, "Bei dem", 1),
                       _ref(c, C, "Bei dem", 0), fid="n")
    trap = _finding("contradict", "numeric", _ref(a, A, "Der Schaden", 0), _ref(b, B, "Der Schaden", 1), fid="t")
    report = Report(articles=(), findings=(numeric, trap), statements=6)
    r = score_report(report, g, where, batch=d)
    assert [o.pair.kind for o in r.found] == ["numeric"]
    assert [o.pair.kind for o in r.missed] == ["negation"]
    assert "neither statement is in any finding" in r.missed[0].note
    assert [a.finding.id for a in r.false_alarms] == ["t"] and r.false_alarms[0].trap.why == "trap: hedged"
    assert len(r.traps_violated) == 1 and not r.traps_kept
    # a and c are on the same side of the numeric contradiction: aligned and agreeing
    assert len(r.agree_found) == 1 and not r.agree_missed
    assert r.contradictions.precision == 0.5 and r.contradictions.recall == 0.5


def test_same_position_is_not_a_found_contradiction(tmp_path):
    g, where, d = _setup(tmp_path)
    a, b = f"{d}/a.txt", f"{d}/b.txt"
    same = _finding("contradict", "negation", _ref(a, A, "Die Polizei", 0), _ref(b, B, "Die Polizei", 0))
    r = score_report(Report(articles=(), findings=(same,), statements=6), g, where)
    assert not any(o.pair.kind == "negation" for o in r.found)
    assert any("on the same side" in o.note for o in r.missed)


def test_agree_verdict_is_reported_as_the_reason_of_a_miss(tmp_path):
    g, where, d = _setup(tmp_path)
    a, b = f"{d}/a.txt", f"{d}/b.txt"
    agree = _finding("agree", "statement", _ref(a, A, "Die Polizei", 0), _ref(b, B, "Die Polizei", 0))
    r = score_report(Report(articles=(), findings=(agree,), statements=6), g, where)
    assert any(o.note.startswith("aligned, judged agree") for o in r.missed)
    assert r.contradictions.predicted == 0 and r.contradictions.precision is None


def test_found_with_another_kind_counts_for_recall_and_is_flagged(tmp_path):
    g, where, d = _setup(tmp_path)
    a, b = f"{d}/a.txt", f"{d}/b.txt"
    f = _finding("contradict", "antonym", _ref(a, A, "Die Polizei", 0), _ref(b, B, "Die Polizei", 1))
    r = score_report(Report(articles=(), findings=(f,), statements=6), g, where)
    s = summarize([r])
    assert s.overall.tp_gold == 1 and s.kind_right == 0
    assert s.by_kind["negation"].recall == 1.0 and s.by_kind["antonym"].precision == 1.0
    assert r.found[0].note == "found as antonym"
