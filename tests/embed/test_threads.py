"""The embedding model's BLAS threads: the free cores, or ``$CONSISTENCY_THREADS``."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from consistency.embed import ModelLoadError, default_threads

ROOT = Path(__file__).resolve().parents[2]


def test_override_is_kept(monkeypatch):
    monkeypatch.setenv("CONSISTENCY_THREADS", "3")
    assert default_threads() == 3


def test_free_cores_without_override(monkeypatch):
    monkeypatch.delenv("CONSISTENCY_THREADS", raising=False)
    cores = len(os.sched_getaffinity(0))
    monkeypatch.setattr(os, "getloadavg", lambda: (0.0, 0.0, 0.0))
    assert default_threads() == cores  # a quiet machine: every core
    monkeypatch.setattr(os, "getloadavg", lambda: (cores + 5.0, 0.0, 0.0))
    assert default_threads() == 1  # a loaded one: one thread, never zero
    monkeypatch.setattr(os, "getloadavg", lambda: (cores - 0.8, 0.0, 0.0))
    assert default_threads() == 1


@pytest.mark.parametrize("bad", ["zero", "0", "-2", "1.5"])
def test_bad_override_is_an_error(monkeypatch, bad):
    monkeypatch.setenv("CONSISTENCY_THREADS", bad)
    with pytest.raises(ModelLoadError, match="CONSISTENCY_THREADS"):
        default_threads()


def test_console_script_names_a_bad_override(tmp_path):
    exe = shutil.which("consistency", path=os.path.dirname(sys.executable)) or "consistency"
    env = {**os.environ, "CONSISTENCY_THREADS": "many"}
    proc = subprocess.run([exe, "check", str(ROOT / "fixtures"), "--no-cache"], capture_output=True, text=True,
                          env=env, timeout=300)
    assert proc.returncode == 2
    assert "CONSISTENCY_THREADS must be a positive integer, not 'many'" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_one_core_less_while_another_process_extracts():
    # the model leaves a core to the extracting process, and takes it back after
    from consistency.embed import CachedEmbedder, UniversalSentenceEncoder, one_core_less

    use = UniversalSentenceEncoder(threads=2)
    use.encode(["build the backend first"])
    with one_core_less(use):
        assert use.threads == 1 and use._model._backend.threads == 1
    assert use.threads == 2 and use._model._backend.threads == 2
    single = UniversalSentenceEncoder(threads=1)
    with one_core_less(single):
        assert single.threads == 1  # never below one

    class Plain:  # a model without thread control is left alone
        name = "plain"

    with one_core_less(Plain()):
        pass


def test_the_pipeline_embeds_with_one_core_less_while_a_process_extracts(monkeypatch):
    import consistency.pipeline as pipeline
    from consistency import Settings
    from consistency.read import read_paths

    seen = []

    class Counting:
        name = "counting-8"

        def __init__(self):
            self.threads = 2

        def set_threads(self, n):
            self.threads = n

        def encode(self, texts):
            import numpy as np
            seen.append(self.threads)
            X = np.ones((len(texts), 8), dtype=np.float32)
            return X / np.linalg.norm(X, axis=1, keepdims=True)

    monkeypatch.setattr(pipeline, "PROCESS_MIN_ARTICLES", 2)
    monkeypatch.setattr(pipeline, "_EMBED_CHUNK", 8)
    emb = Counting()
    arts = pipeline.with_publication_dates(read_paths([str(ROOT / "fixtures")]), Settings(cache_dir=""))
    pipeline._claims_and_embeddings(arts, Settings(cache_dir=""), emb, lambda *a: None, None)
    assert 1 in seen and emb.threads == 2  # fewer threads while extracting, all of them after
