"""The 14 batches written by someone who never read the code (tests/data/eval/proxy/): what the
checker calls a contradiction there holds, and no trap fires.

They stand in for the maintainers' kept-back batches; recall on them is reported in the README,
not asserted (it is low, and a test should not pin it)."""

from __future__ import annotations

import pathlib

import pytest

from consistency.evaluate import summarize
from consistency.evaluate.batch import evaluate_batch
from consistency.settings import Settings

PROXY = pathlib.Path(__file__).resolve().parents[1] / "data" / "eval" / "proxy"


@pytest.mark.slow
def test_contradictions_on_news_nobody_here_tuned_on_hold_and_traps_stay_quiet(embedder):
    batches = sorted(p for p in PROXY.iterdir() if p.is_dir())
    assert len(batches) == 14
    summary = summarize([evaluate_batch(str(b), Settings(cache_dir=""), embedder=embedder) for b in batches])
    assert summary.traps_violated == 0
    assert summary.overall.predicted >= 5  # it does find some
    assert summary.overall.tp_pred >= 0.8 * summary.overall.predicted  # and what it finds is mostly right
