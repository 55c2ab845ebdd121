#!/usr/bin/env python
"""Benchmark ingestion past one machine: Ray speed-up, and per-article costs of both backends.

speedup   --articles N (default 10,000) generated articles (the templates of
          corpus_bench.py) are added twice, each time by the console script in
          a fresh process with the embedding cache off: `consistency add`
          (one process) and `consistency add --ray local --ray-workers W`.
          Wall-clock seconds of each, including model loading and (for Ray)
          starting the local cluster; speed-up = single / ray.

costs     --cost-articles M (default 2,000) articles, in this process, stage
          by stage: read, segment+extract, embed (seconds per article), then
          the write of the embedded articles to a SQLite corpus and to a
          PostgreSQL corpus (a throwaway pgserver), in chunks of 256; stored
          bytes per article (SQLite file + usearch index; PostgreSQL tables,
          their indexes and the HNSW index apart); and the neighbour search of
          one check (20 new statements, k=20) on each backend (median of 5);
          and a bulk load into PostgreSQL: the same writes without the HNSW
          index, then one CREATE INDEX (seconds per article of each).

real      (--real DIR) read, extract and embed per article on real news
          articles (longer than the generated ones: about 35 statements each).

Results go to benchmarks/results/scale.json. A benchmark, not a test: it
asserts nothing. The machine is shared: other jobs load its 2 cores, so
the figures are upper bounds of what a quiet machine needs.

Usage: python benchmarks/scale_bench.py [--articles 10000] [--workers 2] [--cost-articles 2000]
                                        [--skip-speedup] [--skip-costs] [--real DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "results" / "scale.json"
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))
SCRIPT = "import sys; from consistency.cli import main; sys.exit(main(sys.argv[1:]))"


def _cli(args, cwd) -> tuple[float, str]:
    env = {**os.environ, "CI": "true"}
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", SCRIPT, *args], cwd=cwd, env=env, capture_output=True, text=True)
    dt = time.perf_counter() - t
    if proc.returncode != 0:
        raise SystemExit(f"consistency {' '.join(args)} failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    return dt, proc.stderr.strip().splitlines()[-1]


def speedup(work: Path, n: int, workers: int) -> dict:
    from corpus_bench import _write, generate

    _write(work / "news", generate(n, 11))
    single_s, single_msg = _cli(["add", "--no-cache", "--corpus", "single.sqlite", "news"], work)
    print(f"single: {single_s:.1f} s  {single_msg}", flush=True)
    ray_s, ray_msg = _cli(["add", "--no-cache", "--corpus", "ray.sqlite", "--ray", "local", "--ray-workers",
                           str(workers), "news"], work)
    print(f"ray ({workers} workers): {ray_s:.1f} s  {ray_msg}", flush=True)
    return {"articles": n, "workers": workers, "single_s": round(single_s, 1), "ray_s": round(ray_s, 1),
            "speedup": round(single_s / ray_s, 2), "single": single_msg, "ray": ray_msg}


def _size(path: Path) -> int:
    return path.stat().st_size if path.exists() else 0


def costs(work: Path, n: int) -> dict:
    import numpy as np
    import pgserver

    from consistency import Settings
    from consistency.corpus import open_corpus
    from consistency.corpus.prepare import embed, extract, keyed
    from consistency.embed import load_embedder
    from consistency.read import read_paths
    from corpus_bench import _write, generate

    S = Settings(cache_dir="")
    paths = _write(work / "costs", generate(n, 12, prefix="c"))
    embedder = load_embedder()
    t = time.perf_counter()
    articles = read_paths(paths)
    read_s = time.perf_counter() - t
    items, _ = keyed(articles, S, str(work))
    t = time.perf_counter()
    extracted = [extract(it, S) for it in items.values()]
    extract_s = time.perf_counter() - t
    t = time.perf_counter()
    ready, embedded, _ = embed(extracted, embedder, {})
    embed_s = time.perf_counter() - t
    statements = sum(len(it.claims) for it in ready)
    out = {"articles": n, "statements": statements, "distinct_texts_embedded": embedded,
           "read_s_per_article": read_s / n, "extract_s_per_article": extract_s / n,
           "embed_s_per_article": embed_s / n}
    queries = embedder.encode([f"Bei dem Hochwasser in Stadt {i} wurden # Häuser überflutet." for i in range(20)])

    def write_and_query(corpus):
        t = time.perf_counter()
        for i in range(0, len(ready), 256):
            corpus.write(ready[i:i + 256], embedder.name)
        write_s = time.perf_counter() - t
        times = []
        for _ in range(5):
            t = time.perf_counter()
            corpus.neighbours(queries, k=20, min_sim=0.35)
            times.append(time.perf_counter() - t)
        return write_s / n, statistics.median(times)

    db = work / "costs.sqlite"
    with open_corpus(str(db), create=True, root=str(work)) as c:
        w, q = write_and_query(c)
    out["sqlite"] = {"write_s_per_article": w, "neighbours_s": q,
                     "bytes_per_article": (_size(db) + _size(Path(str(db) + "-wal"))) / n,
                     "index_bytes_per_article": _size(Path(str(db) + ".usearch")) / n}
    pgdir = Path(tempfile.mkdtemp(prefix="consistency-pg-bench-"))
    server = pgserver.get_server(pgdir / "data", cleanup_mode="delete")
    try:
        with open_corpus(server.get_uri(), create=True, root=str(work)) as c:
            w, q = write_and_query(c)
            sizes = dict(c._con.execute(
                "SELECT 'tables', sum(pg_table_size(oid)) FROM pg_class WHERE relname IN "
                "('consistency_articles', 'consistency_claims', 'consistency_meta') UNION ALL "
                "SELECT 'hnsw', pg_relation_size('consistency_claims_hnsw') UNION ALL "
                "SELECT 'btree', sum(pg_relation_size(indexrelid)) FROM pg_index WHERE indrelid IN "
                "('consistency_articles'::regclass, 'consistency_claims'::regclass) "
                "AND indexrelid <> 'consistency_claims_hnsw'::regclass").fetchall())
        out["postgresql"] = {"write_s_per_article": w, "neighbours_s": q,
                             "table_bytes_per_article": float(sizes["tables"]) / n,
                             "hnsw_bytes_per_article": float(sizes["hnsw"]) / n,
                             "btree_bytes_per_article": float(sizes["btree"]) / n}
        # bulk load: the same writes into a second database without the HNSW index, built afterwards
        import psycopg
        with psycopg.connect(server.get_uri(), autocommit=True) as admin:
            admin.execute("CREATE DATABASE bulk")
        bulk_url = server.get_uri().replace("/postgres?", "/bulk?", 1)
        with open_corpus(bulk_url, create=True, root=str(work)) as c:
            c.write(ready[:1], embedder.name)  # fixes the width (and creates the index) ...
            c._con.execute("DROP INDEX consistency_claims_hnsw")  # ... which a bulk load drops
            t = time.perf_counter()
            for i in range(1, len(ready), 256):
                c.write(ready[i:i + 256], embedder.name)
            bulk_w = time.perf_counter() - t
            t = time.perf_counter()
            c._con.execute("CREATE INDEX consistency_claims_hnsw ON consistency_claims "
                           "USING hnsw (vec vector_cosine_ops)")
            build = time.perf_counter() - t
        out["postgresql"]["bulk_write_s_per_article"] = bulk_w / n
        out["postgresql"]["bulk_index_build_s_per_article"] = build / n
    finally:
        server.cleanup()
        shutil.rmtree(pgdir, ignore_errors=True)
    out["statements_per_article"] = statements / n
    out["vector_dim"] = int(np.asarray(queries).shape[1])
    print(json.dumps(out, indent=1), flush=True)
    return out


def real_costs(folder: str) -> dict:
    """Read, extract and embed cost per article on real news articles (a folder of them)."""
    from consistency import Settings
    from consistency.corpus.prepare import embed, extract, keyed
    from consistency.embed import load_embedder
    from consistency.read import read_paths

    S = Settings(cache_dir="")
    embedder = load_embedder()
    t = time.perf_counter()
    articles = [a for a in read_paths([folder]) if not a.error]
    read_s = time.perf_counter() - t
    items, _ = keyed(articles, S, folder)
    t = time.perf_counter()
    extracted = [extract(it, S) for it in items.values()]
    extract_s = time.perf_counter() - t
    t = time.perf_counter()
    ready, embedded, _ = embed(extracted, embedder, {})
    embed_s = time.perf_counter() - t
    n = len(articles)
    out = {"folder": folder, "articles": n, "statements_per_article": sum(len(it.claims) for it in ready) / n,
           "chars_per_article": sum(len(a.text) for a in articles) / n, "distinct_texts_embedded": embedded,
           "read_s_per_article": read_s / n, "extract_s_per_article": extract_s / n,
           "embed_s_per_article": embed_s / n}
    print(json.dumps(out, indent=1), flush=True)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--cost-articles", type=int, default=2000)
    ap.add_argument("--skip-speedup", action="store_true")
    ap.add_argument("--skip-costs", action="store_true")
    ap.add_argument("--real", metavar="DIR", help="also measure read/extract/embed per article on the real "
                                                 "news articles in DIR (e.g. ../shared/eval-data/news-batches)")
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="consistency-scale-"))
    result = {"machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                          "load_avg_at_start": os.getloadavg()}}
    try:
        if not args.skip_speedup:
            result["speedup"] = speedup(work, args.articles, args.workers)
        if not args.skip_costs:
            result["costs"] = costs(work, args.cost_articles)
        if args.real:
            result["real_costs"] = real_costs(args.real)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    result["machine"]["load_avg_at_end"] = os.getloadavg()
    old = json.loads(Path(args.out).read_text()) if Path(args.out).exists() else {}
    old.update(result)
    Path(args.out).write_text(json.dumps(old, indent=1) + "\n")
    print(f"written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
