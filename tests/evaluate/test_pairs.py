"""Pairs files and the pairwise evaluation (TF-IDF engine: no model to load)."""

from __future__ import annotations

import json

import pytest

from consistency import Settings
from consistency.embed import load_embedder
from consistency.evaluate import (MemoEmbedder, PairsError, PairSpec, evaluate_pairs, pair_verdict, read_pairs,
                                  subsample)
from consistency.model import Finding, Report, StatementRef

RTE = PairSpec(text_columns=("t", "h"), label_column="label3", contradiction_labels=("NO",),
               entailment_labels=("YES",), id_column="id")


def _jsonl(tmp_path, rows):
    p = tmp_path / "pairs.jsonl"
    p.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    return str(p)


ROWS = [
    {"id": 1, "t": "Bei dem Brand wurden 14 Menschen verletzt.", "h": "Bei dem Brand wurden 21 Menschen verletzt.",
     "label3": "NO", "ok": True},
    {"id": 2, "t": "Bei dem Brand wurden 14 Menschen verletzt.", "h": "Bei dem Brand wurden 14 Menschen verletzt.",
     "label3": "YES", "ok": True},
    {"id": 3, "t": "Der Himmel war am Morgen klar und blau.", "h": "Der Zug fuhr pünktlich nach Berlin ab.",
     "label3": "UNKNOWN", "ok": False},
]


def test_read_jsonl_with_filter_and_ids(tmp_path):
    spec = PairSpec(**{**RTE.__dict__, "where": (("ok", "true"),)})
    pairs = read_pairs(_jsonl(tmp_path, ROWS), spec)
    assert [p.id for p in pairs] == ["1", "2"] and pairs[0].label == "NO" and pairs[1].line == 2


def test_read_tsv_and_missing_column_names_file_and_line(tmp_path):
    p = tmp_path / "pairs.tsv"
    p.write_text("premise\thypothesis\tlabel\nA b.\tC d.\tcontradiction\n", encoding="utf-8")
    pairs = read_pairs(str(p), PairSpec(text_columns=("premise", "hypothesis")))
    assert pairs[0].text == "A b." and pairs[0].label == "contradiction"
    with pytest.raises(PairsError, match=r"pairs.tsv:2: no column 'text'.*columns: premise, hypothesis, label"):
        read_pairs(str(p), PairSpec())


def test_broken_json_line_is_named(tmp_path):
    p = tmp_path / "p.jsonl"
    p.write_text('{"text": "a", "hypothesis": "b", "label": "x"}\n{oops\n', encoding="utf-8")
    with pytest.raises(PairsError, match=r"p.jsonl:2: broken JSON"):
        read_pairs(str(p))


def test_subsample_is_reproducible_and_keeps_file_order(tmp_path):
    pairs = read_pairs(_jsonl(tmp_path, ROWS * 10), RTE)
    a, b = subsample(pairs, 7, seed=3), subsample(pairs, 7, seed=3)
    assert a == b and len(a) == 7 and [p.line for p in a] == sorted(p.line for p in a)
    assert subsample(pairs, None) == pairs


def _ref(article, pos):
    return StatementRef(article=article, line=1, start=0, end=1, text="x", values=(), position=pos)


def test_pair_verdict_only_counts_findings_across_both_articles():
    single = Finding(id="1", verdict="unverifiable", kind="numeric", fact="", message="", statements=(_ref("t", 0),))
    assert pair_verdict(Report((), (single,), 1))[0] == "unaligned"
    agree = Finding(id="2", verdict="agree", kind="numeric", fact="", message="", statements=(_ref("t", 0), _ref("h", 0)))
    assert pair_verdict(Report((), (single, agree), 2))[0] == "agree"
    contra = Finding(id="3", verdict="contradict", kind="date", fact="", message="",
                     statements=(_ref("t", 0), _ref("h", 1)))
    assert pair_verdict(Report((), (agree, contra), 2))[:2] == ("contradict", ("date",))


class _Counting:
    def __init__(self, inner):
        self.inner, self.name, self.calls = inner, inner.name, 0

    def encode(self, texts):
        self.calls += 1
        return self.inner.encode(texts)


def test_evaluate_pairs_scores_and_embeds_all_pairs_in_one_call(tmp_path):
    pairs = read_pairs(_jsonl(tmp_path, ROWS), RTE)
    inner = _Counting(load_embedder("tfidf"))
    r = evaluate_pairs(pairs, RTE, Settings(cache_dir=""), embedder=MemoEmbedder(inner), language="de")
    assert inner.calls == 1  # every sentence of every pair embedded at once
    assert [o.verdict for o in r.outcomes] == ["contradict", "agree", "unaligned"]
    assert r.contradictions.precision == 1.0 and r.contradictions.recall == 1.0
    assert r.entailment_total == 1 and r.entailment_called_contradict == 0
    assert r.verdicts["contradiction"]["contradict"] == 1 and r.by_kind == {"numeric": {"predicted": 1, "correct": 1}}
