"""``consistency add --ray local``: the Ray Data pipeline builds the corpus a single-process ``add`` builds.

Run through the console script (a fresh process: Ray must be imported before
usearch, which other tests load into the pytest process). Kept small: a local
Ray cluster takes tens of seconds to start on a loaded 2-core machine.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "corpus"))
from backend_rows import dump  # noqa: E402

from consistency import Settings  # noqa: E402
from consistency.corpus import open_corpus  # noqa: E402
from consistency.read import read_paths  # noqa: E402

pytest.importorskip("ray", reason="the Ray ingestion tests need the 'ray' package")

S = Settings(cache_dir="")
TOWNS = ["Ulm", "Hof", "Gera", "Jena", "Kiel", "Trier", "Fulda", "Bonn", "Essen", "Celle"]
SCRIPT = "import sys; from consistency.cli import main; sys.exit(main(sys.argv[1:]))"


def generate(folder: Path, n: int, seed: int = 3) -> Path:
    """``n`` short generated articles (German and English), a JSONL feed of three, and one empty file."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        town = rng.choice(TOWNS)
        if i % 3:
            text = (f"Hochwasser in {town}\n\nBei dem Hochwasser in {town} wurden {rng.randint(10, 900)} Häuser "
                    f"überflutet. Die Feuerwehr war mit {rng.randint(30, 600)} Einsatzkräften vor Ort.\n")
        else:
            text = (f"Storm in {town}\n\nThe storm in {town} damaged {rng.randint(3, 400)} cars on Tuesday. "
                    f"Police closed {rng.randint(2, 40)} roads.\n")
        (folder / f"a{i:03d}.txt").write_text(text, encoding="utf-8")
    recs = [{"id": f"r{j}", "text": f"Im Zoo von {TOWNS[j]} wurden {j + 2} Elefanten geboren."} for j in range(3)]
    (folder / "feed.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in recs) + "\n",
                                       encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return folder


def _same_corpus(a, b) -> None:
    articles_a, claims_a, vectors_a = dump(a)
    articles_b, claims_b, vectors_b = dump(b)
    assert articles_a == articles_b
    assert claims_a == claims_b
    assert vectors_a.keys() == vectors_b.keys()
    for k in vectors_a:  # the same model on the same text; batches of another size may differ in the last bits
        assert np.allclose(vectors_a[k], vectors_b[k], atol=1e-5)


@pytest.mark.slow
@pytest.mark.parametrize("target", ["sqlite", "postgresql"])
def test_ray_add_builds_the_same_corpus_as_add(tmp_path, embedder, request, target):
    folder = generate(tmp_path / "news", 24)
    with open_corpus(str(tmp_path / "single.sqlite"), create=True, root=str(tmp_path)) as single:
        single.add(read_paths([str(folder)]), S, embedder=embedder)
    corpus = str(tmp_path / "ray.sqlite") if target == "sqlite" else request.getfixturevalue("pg_url")
    # part of the input is in the corpus already; one of those articles has changed since
    with open_corpus(corpus, create=True, root=str(tmp_path)) as c:
        c.add(read_paths([str(folder / f"a{i:03d}.txt") for i in range(5)]), S, embedder=embedder)
    changed = folder / "a001.txt"
    original = changed.read_text(encoding="utf-8")
    changed.write_text(original.replace("Häuser", "Wohnhäuser"), encoding="utf-8")
    with open_corpus(corpus, root=str(tmp_path)) as c:
        c.add(read_paths([str(changed)]), S, embedder=embedder)
    changed.write_text(original, encoding="utf-8")

    env = {**os.environ, "CI": "true", "CONSISTENCY_THREADS": "1"}
    proc = subprocess.run([sys.executable, "-c", SCRIPT, "add", "--corpus", corpus, "--no-cache", "--ray", "local",
                           "--ray-workers", "2", str(folder)], cwd=tmp_path, env=env, capture_output=True,
                          text=True, timeout=900)
    # the empty file is an error naming it; every other article is added
    assert proc.returncode == 2, proc.stderr
    assert "empty.txt: empty file" in proc.stderr and "Traceback" not in proc.stderr
    assert "22 added, 1 updated, 4 unchanged" in proc.stderr, proc.stderr
    with open_corpus(str(tmp_path / "single.sqlite"), root=str(tmp_path)) as a, \
            open_corpus(corpus, root=str(tmp_path)) as b:
        assert b.stats()["articles"] == 27
        _same_corpus(a, b)


def test_ray_option_errors_are_clear(tmp_path):
    env = {**os.environ, "CI": "true"}
    proc = subprocess.run([sys.executable, "-c", SCRIPT, "add", "--corpus", str(tmp_path / "c.sqlite"), "--ray",
                           "local", "--ray-workers", "0", str(tmp_path)], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 2 and "--ray-workers must be a positive integer" in proc.stderr
    assert "Traceback" not in proc.stderr
