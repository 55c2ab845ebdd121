"""The generated benchmark batch (benchmarks/bench.py): reproducible, bilingual, facts shared by events."""

from __future__ import annotations

import importlib.util
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "bench.py"


def _bench():
    spec = importlib.util.spec_from_file_location("bench", BENCH)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_generated_batch_is_reproducible_bilingual_and_shares_events():
    bench = _bench()
    a, b = bench.make_articles(20, seed=3), bench.make_articles(20, seed=3)
    assert [x.text for x in a] == [x.text for x in b] and len(a) == 20
    assert {x.language for x in a} == {"de", "en"} and not any(x.error for x in a)
    # the five articles of one event are in both languages and name the same place
    event = [a[i] for i in range(0, 20, 4)]
    assert {x.language for x in event} == {"de", "en"}
    place = event[0].text.split(":")[0]
    assert all(x.text.startswith(place) for x in event)
    assert bench.make_articles(20, seed=4)[0].text != a[0].text
