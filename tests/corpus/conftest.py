"""Fixtures of the corpus tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus_articles import BRIDGE, FLOOD, STORM, CountingEmbedder, write


@pytest.fixture
def corpus_files(tmp_path) -> Path:
    """A folder with three small corpus articles."""
    return write(tmp_path / "corpus", {"flood.txt": FLOOD, "bridge.txt": BRIDGE, "storm.txt": STORM})


@pytest.fixture
def counting(embedder) -> CountingEmbedder:
    return CountingEmbedder(embedder)


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request, tmp_path):
    """Where a corpus goes, once per backend: a SQLite file, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "c.sqlite")
    return request.getfixturevalue("pg_url")
