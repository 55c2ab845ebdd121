"""``consistency eval``: output formats and exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from consistency.cli import main

EVAL = Path(__file__).resolve().parents[1] / "data" / "eval"


def _unfindable(tmp_path) -> Path:
    """A batch whose gold contradiction no checker can find (the sentences are unrelated)."""
    d = tmp_path / "b"
    d.mkdir()
    (d / "a.txt").write_text("Der Himmel über der Stadt war am Morgen blau.", encoding="utf-8")
    (d / "b.txt").write_text("Das Gras im Park ist nach dem Regen grün.", encoding="utf-8")
    (d / "gold.json").write_text(json.dumps({
        "version": "consistency.gold/1",
        "contradict": [{"kind": "entity", "a": {"file": "a.txt", "quote": "Himmel"},
                        "b": {"file": "b.txt", "quote": "Gras"}}]}), encoding="utf-8")
    return d


def test_json_output_and_min_f1_exit_codes(tmp_path, capsys):
    d = _unfindable(tmp_path)
    args = ["eval", str(d), "--model", "tfidf", "--no-cache", "--format", "json"]
    assert main(args) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["schema"] == "consistency.eval/1" and out["contradictions"]["recall"] == 0.0
    assert out["batches"][0]["missed"][0]["a"]["quote"] == "Himmel"
    assert main(args + ["--min-f1", "0.5"]) == 1
    assert main(args + ["--min-f1", "0"]) == 0


def test_text_output_lists_misses_with_quotes(tmp_path, capsys):
    d = _unfindable(tmp_path)
    assert main(["eval", str(d), "--model", "tfidf", "--no-cache"]) == 0
    out = capsys.readouterr().out
    assert "MISS entity" in out and "“Himmel”" in out and "“Gras”" in out


def test_bad_input_exits_2_with_the_file_named(tmp_path, capsys):
    d = tmp_path / "nogold"
    shutil.copytree(EVAL / "en", d)
    (d / "gold.json").unlink()
    assert main(["eval", str(d), "--model", "tfidf", "--no-cache"]) == 2
    assert "no gold.json" in capsys.readouterr().err
    assert main(["eval", "--pairs", str(tmp_path / "missing.tsv"), "--model", "tfidf"]) == 2
    assert main(["eval"]) == 2
    assert main(["eval", str(d), "--pairs", "x.tsv"]) == 2
    assert main(["eval", "--clusters", str(tmp_path), "--min-f1", "0.5"]) == 2
    assert main(["eval", "--clusters", str(tmp_path)]) == 2
    assert "clusters.jsonl: not found" in capsys.readouterr().err


def test_pairs_mode_with_label_mapping(tmp_path, capsys):
    p = tmp_path / "p.tsv"
    p.write_text("premise\thyp\tgold\n"
                 "Bei dem Brand wurden 14 Menschen verletzt.\tBei dem Brand wurden 21 Menschen verletzt.\tNO\n"
                 "Bei dem Brand wurden 14 Menschen verletzt.\tBei dem Brand wurden 14 Menschen verletzt.\tYES\n",
                 encoding="utf-8")
    rc = main(["eval", "--pairs", str(p), "--text-columns", "premise,hyp", "--label-column", "gold",
               "--contradiction-label", "NO", "--entailment-label", "YES", "--language", "de",
               "--model", "tfidf", "--no-cache", "--format", "json", "--min-f1", "0.9"])
    out = json.loads(capsys.readouterr().out)
    assert rc == 0 and out["contradictions"]["f1"] == 1.0 and out["entailment_total"] == 1
    assert out["verdicts"]["entailment"]["agree"] == 1


@pytest.mark.slow
def test_shipped_eval_batches_find_every_planted_contradiction_and_keep_every_trap(embedder):
    from consistency import Settings
    from consistency.evaluate import evaluate_batch, summarize

    s = summarize([evaluate_batch(str(EVAL / b), Settings(cache_dir=""), embedder=embedder) for b in ("de", "en")])
    assert s.traps_violated == 0
    assert s.overall.recall == 1.0
