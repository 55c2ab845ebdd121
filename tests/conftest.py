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


_PG_DATABASES: list = []


@pytest.fixture(scope="session")
def pg_server():
    """A throwaway PostgreSQL server with pgvector (the ``pgserver`` wheel), for the session.

    Skips (with the reason) only where the server cannot start on this machine.
    """
    try:
        import pgserver
    except ImportError as exc:  # pragma: no cover - a test dependency
        pytest.skip(f"PostgreSQL tests need the 'pgserver' package ({exc})")
    import tempfile

    # not under pytest's base temp folder: another pytest run on the machine may prune that
    folder = Path(tempfile.mkdtemp(prefix="consistency-pg-"))
    try:
        server = pgserver.get_server(folder / "data", cleanup_mode="delete")
    except Exception as exc:  # noqa: BLE001 - any failure to start means: skip with the reason
        shutil.rmtree(folder, ignore_errors=True)
        pytest.skip(f"a throwaway PostgreSQL server (pgserver) could not start here: {exc}")
    yield server
    server.cleanup()
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def pg_url(pg_server, request):
    """A fresh, empty database on the throwaway server: its ``postgresql://`` URL."""
    import re

    import psycopg

    _PG_DATABASES.append(request.node.name)
    name = f"t{len(_PG_DATABASES)}_{os.getpid()}_" + re.sub(r"\W", "_", request.node.name.lower())[:40]
    admin = pg_server.get_uri()
    with psycopg.connect(admin, autocommit=True) as con:
        con.execute(f'CREATE DATABASE "{name}"')
    yield re.sub(r"/postgres\?", f"/{name}?", admin, count=1)
    with psycopg.connect(admin, autocommit=True) as con:
        con.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


#: uid and gid of ``nobody``: a user whom file modes bind
NOBODY = 65534


class PlainUser:
    """Runs commands as a user whom file modes bind: the current one, or ``nobody`` under root.

    Root reads and writes files whatever their mode (CI runs as root), so tests of an unreadable
    folder or a read-only file run their command through ``setpriv`` as ``nobody`` there. The
    folder :attr:`folder` is handed to that user (``chown -R``) before each run.
    """

    def __init__(self, folder: Path, prefix: list[str]):
        self.folder = folder
        self.prefix = prefix

    def run(self, argv: list[str], *, cwd: Path, env: dict, timeout: float = 300):
        import subprocess

        if self.prefix:
            for here, dirs, files in os.walk(self.folder):
                for name in dirs + files:
                    os.chown(os.path.join(here, name), NOBODY, NOBODY, follow_symlinks=False)
            os.chown(self.folder, NOBODY, NOBODY)
            env = {**env, "HOME": str(self.folder)}
        return subprocess.run([*self.prefix, *argv], cwd=cwd, capture_output=True, text=True,
                              timeout=timeout, env=env)


@pytest.fixture
def plain_user():
    """A :class:`PlainUser` with a fresh folder; skips only as root without ``setpriv``."""
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="consistency-user-"))  # not under root's private tmp
    try:
        if os.geteuid() != 0:
            yield PlainUser(folder, [])
        else:
            setpriv = shutil.which("setpriv")
            if setpriv is None:
                pytest.skip("running as root without setpriv: cannot drop root's file powers")
            yield PlainUser(folder, [setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", "--"])
    finally:
        for here, dirs, _ in os.walk(folder):
            for d in dirs:
                os.chmod(os.path.join(here, d), 0o755)
        shutil.rmtree(folder, ignore_errors=True)
