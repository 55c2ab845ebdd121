"""The generated benchmark batch (benchmarks/bench.py): reproducible, bilingual, facts shared by events."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

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


@pytest.mark.parametrize("flag", ["--real", "--corpus-real"])
def test_real_without_the_shared_data_fails_before_the_long_runs(tmp_path, monkeypatch, capsys, flag):
    bench = _bench()
    monkeypatch.setattr(bench, "REAL", tmp_path / "nowhere")
    monkeypatch.setattr(bench, "_child", lambda args: (_ for _ in ()).throw(AssertionError("ran a stage")))
    assert bench.main([flag, "--sizes", "10", "--corpus", "0", "--out", str(tmp_path / "b.json")]) == 2
    assert "--real and --corpus-real need the shared evaluation data" in capsys.readouterr().err
    assert not (tmp_path / "b.json").exists()


def test_a_failed_stage_is_recorded_and_the_others_are_written(tmp_path, monkeypatch, capsys):
    import json

    bench = _bench()

    def child(args):
        if "--child-corpus" in args:
            return {"articles": 5, "statements": 35, "build_s": 1.0, "build_statements_per_s": 35.0,
                    "build_over_floor": 2.0, "new_articles": 1, "check_s": 0.1, "deterministic": True}
        raise RuntimeError("Traceback ...\nValueError: boom")

    monkeypatch.setattr(bench, "_child", child)
    out = tmp_path / "b.json"
    assert bench.main(["--sizes", "10", "--corpus", "5", "--out", str(out)]) == 1
    res = json.loads(out.read_text())
    assert res["errors"] == {"10 articles": "ValueError: boom"} and res["corpus"]["articles"] == 5
    assert "failed: 10 articles: ValueError: boom" in capsys.readouterr().out


def test_child_memory_sees_a_forked_process_and_its_private_pages():
    import multiprocessing as mp

    bench = _bench()
    if not os.path.exists(f"/proc/{os.getpid()}/smaps_rollup"):
        pytest.skip("no /proc smaps_rollup here")

    def hold(ready, done):
        block = bytearray(64 * 2 ** 20)  # 64 MB written by the child alone: private to it
        block[::4096] = b"x" * len(block[::4096])
        ready.set()
        done.wait(30)

    ctx = mp.get_context("fork")
    ready, done = ctx.Event(), ctx.Event()
    with bench.ChildMemory(every=0.05) as seen:
        p = ctx.Process(target=hold, args=(ready, done))
        p.start()
        assert ready.wait(30)
        import time
        time.sleep(0.3)
        done.set()
        p.join(30)
    assert seen.peak_mb is not None and 60 <= seen.peak_mb < 1024
    assert seen.peak_sum_mb >= seen.peak_mb
