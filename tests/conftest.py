"""Shared fixtures: real models are loaded once per test session."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
DATA = Path(__file__).resolve().parent / "data"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session", autouse=True)
def _isolated_cache(tmp_path_factory):
    """Never write the embedding cache into the user's home during tests."""
    old = os.environ.get("CONSISTENCY_CACHE")
    os.environ["CONSISTENCY_CACHE"] = str(tmp_path_factory.mktemp("cache"))
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    yield
    if old is None:
        os.environ.pop("CONSISTENCY_CACHE", None)
    else:
        os.environ["CONSISTENCY_CACHE"] = old


@pytest.fixture(scope="session")
def embedder():
    """The default embedding model (USE multilingual), loaded once."""
    from consistency.embed import load_embedder

    return load_embedder()


@pytest.fixture(scope="session")
def seed_report(embedder):
    """The report on the five seed articles in fixtures/, computed once."""
    from consistency import Settings, check
    from consistency.embed import CachedEmbedder

    # through the session's disk cache, so CLI tests on fixtures/ reuse these embeddings
    return check([str(FIXTURES)], Settings(), embedder=CachedEmbedder(embedder))


@pytest.fixture
def copy_fixtures(tmp_path):
    """A private copy of fixtures/ to modify."""
    dst = tmp_path / "fixtures"
    shutil.copytree(FIXTURES, dst)
    return dst
