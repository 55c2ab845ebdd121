#!/usr/bin/env python
"""Benchmark the corpus: build it once, then check a batch of new articles against it.

Corpus
  --articles (default 5,000) short news articles generated from templates with
  varied facts (seed fixed): 12 topics (flood, bridge, election, strike, storm,
  factory, ...; German and English), each with a title and four fact sentences
  in two phrasings; an *event* is a topic in one of 80 towns, and every article
  reports one event with the event's own numbers, dates and names, except that
  about one article in eight states one of them differently (a contradiction,
  as in real coverage). An article is the title and three of the four facts.

Measured (default model use-multilingual, as `consistency` loads it)
  build_s_per_article   the corpus is built with `Corpus.add` in batches of
                        --batch articles; median over the batches of
                        (batch time / batch size). Includes reading, extraction,
                        embedding, SQLite writes and the usearch index update.
  check_s               `check_with_corpus` of --new new articles (generated the
                        same way, several contradicting the corpus): open the
                        corpus, read, extract, embed the new statements only,
                        nearest-neighbour search, align, judge. Median of --runs.
  scratch_s             the same check without a corpus: `check_articles` on all
                        corpus articles plus the new ones, embedding everything
                        with an empty embedding cache (so texts repeated across
                        articles are embedded once, as a first run would).
                        Median of --scratch-runs.
  ratio                 scratch_s / check_s.

The embedder is loaded once (load time reported apart). Results go to
benchmarks/results/corpus.json. This is a benchmark, not a test: nothing here
asserts a time.

Usage: python benchmarks/corpus_bench.py [--articles 5000] [--new 10] [--runs 5]
                                          [--scratch-runs 3] [--batch 500] [--quick]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "results" / "corpus.json"
SEED = 4

TOWNS = ["Aachen", "Aalen", "Amberg", "Ansbach", "Arnsberg", "Augsburg", "Bamberg", "Bautzen", "Bayreuth",
         "Bielefeld", "Bocholt", "Bochum", "Bonn", "Bottrop", "Bremen", "Celle", "Chemnitz", "Coburg", "Cottbus",
         "Darmstadt", "Dessau", "Detmold", "Dresden", "Düren", "Eisenach", "Emden", "Erfurt", "Erlangen", "Essen",
         "Flensburg", "Freiburg", "Fulda", "Gera", "Gießen", "Gotha", "Görlitz", "Göttingen", "Greifswald", "Hagen",
         "Halle", "Hameln", "Hamm", "Hanau", "Heilbronn", "Hildesheim", "Hof", "Ingolstadt", "Jena", "Kassel",
         "Kempten", "Kiel", "Koblenz", "Konstanz", "Krefeld", "Landshut", "Leipzig", "Lübeck", "Lüneburg", "Mainz",
         "Marburg", "Minden", "Moers", "Münster", "Neuss", "Oldenburg", "Osnabrück", "Paderborn", "Passau",
         "Pforzheim", "Potsdam", "Regensburg", "Reutlingen", "Rostock", "Schwerin", "Siegen", "Speyer", "Stralsund",
         "Trier", "Ulm", "Weimar"]
DAYS_DE = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
DAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NAMES = ["Anna Berger", "Jonas Keller", "Miriam Roth", "Paul Schubert", "Lea Hartmann", "Tim Vogel", "Eva Brandt",
         "Max Franke", "Sara Lange", "Jan Winter"]
COMPANIES = ["Nordwerk", "Helix Motoren", "Brenner Stahl", "Lumen Chemie", "Solvia Energie", "Kranich Logistik"]

# topic: (language, title phrasings, [fact phrasings...]); {slots} are filled per event
TOPICS = [
    ("de", ["Hochwasser in {town}", "{town} unter Wasser"], [
        ["Bei dem Hochwasser in {town} wurden am {day} {houses} Häuser überflutet.",
         "Das Hochwasser überflutete in {town} am {day} {houses} Häuser."],
        ["Die Feuerwehr war mit {crew} Einsatzkräften vor Ort.", "Rund {crew} Helfer der Feuerwehr waren im Einsatz."],
        ["Der Schaden wird auf {money} Millionen Euro geschätzt.", "Die Stadt schätzt den Schaden auf {money} Millionen Euro."],
        ["Der Pegel erreichte {level} Zentimeter.", "Der Fluss stieg auf einen Pegel von {level} Zentimetern."]]),
    ("de", ["Neue Brücke in {town}", "{town} bekommt eine Brücke"], [
        ["Die neue Brücke in {town} kostet {money} Millionen Euro.", "Für die Brücke in {town} sind {money} Millionen Euro veranschlagt."],
        ["Die Brücke soll im Jahr {year} eröffnet werden.", "Die Eröffnung ist für {year} geplant."],
        ["Die Brücke wird {length} Meter lang.", "Mit {length} Metern wird es die längste Brücke der Region."],
        ["Am Bau arbeiten {crew} Arbeiter.", "Auf der Baustelle sind {crew} Arbeiter beschäftigt."]]),
    ("de", ["Bürgermeisterwahl in {town}", "{town} hat gewählt"], [
        ["Bei der Bürgermeisterwahl in {town} erhielt {name} {pct} Prozent der Stimmen.",
         "{name} gewann die Wahl in {town} mit {pct} Prozent."],
        ["Die Wahlbeteiligung lag bei {turnout} Prozent.", "Nur {turnout} Prozent der Wahlberechtigten gingen zur Wahl."],
        ["Die Wahl fand am {day} statt.", "Gewählt wurde am {day}."],
        ["In {town} leben {people} Menschen.", "Die Stadt {town} hat {people} Einwohner."]]),
    ("de", ["Streik bei {company}", "Warnstreik bei {company} in {town}"], [
        ["Bei {company} in {town} streikten am {day} {workers} Beschäftigte.",
         "Am {day} legten {workers} Beschäftigte von {company} in {town} die Arbeit nieder."],
        ["Die Gewerkschaft fordert {pct} Prozent mehr Lohn.", "Gefordert werden {pct} Prozent mehr Geld."],
        ["Der Streik dauerte {hours} Stunden.", "Nach {hours} Stunden endete der Ausstand."],
        ["Das Werk hat {people} Mitarbeiter.", "{company} beschäftigt in dem Werk {people} Menschen."]]),
    ("de", ["Museum in {town} eröffnet", "Neues Museum für {town}"], [
        ["Das neue Museum in {town} zeigt {items} Exponate.", "In dem Museum in {town} sind {items} Exponate zu sehen."],
        ["Der Eintritt kostet {price} Euro.", "Besucher zahlen {price} Euro Eintritt."],
        ["Am ersten Tag kamen {visitors} Besucher.", "Zur Eröffnung kamen {visitors} Gäste."],
        ["Der Umbau kostete {money} Millionen Euro.", "Für den Umbau wurden {money} Millionen Euro ausgegeben."]]),
    ("de", ["Großbrand in {town}", "Feuer in {town}"], [
        ["Bei dem Brand in {town} wurden am {day} {injured} Menschen verletzt.",
         "Am {day} wurden bei dem Feuer in {town} {injured} Menschen verletzt."],
        ["Die Feuerwehr rückte mit {crew} Kräften an.", "Insgesamt {crew} Feuerwehrleute löschten den Brand."],
        ["Der Schaden liegt bei {money} Millionen Euro.", "Die Polizei beziffert den Schaden auf {money} Millionen Euro."],
        ["Das Feuer brach gegen {clock} Uhr aus.", "Gegen {clock} Uhr wurde der Brand gemeldet."]]),
    ("en", ["Storm hits {town}", "{town} counts the cost of the storm"], [
        ["The storm in {town} damaged {cars} cars on {day_en}.", "On {day_en} the storm damaged {cars} cars in {town}."],
        ["Police closed {roads} roads.", "Officers had to close {roads} roads."],
        ["Repairs will cost {money} million euros.", "The city expects repairs to cost {money} million euros."],
        ["Wind speeds reached {wind} kilometres per hour.", "Gusts of {wind} kilometres per hour were measured."]]),
    ("en", ["{company} opens a plant in {town}", "New factory for {town}"], [
        ["{company} will hire {workers} workers at its new plant in {town}.",
         "The new {company} plant in {town} will employ {workers} people."],
        ["The factory cost {money} million euros.", "{company} invested {money} million euros in the site."],
        ["Production starts in {year}.", "The first products will leave the plant in {year}."],
        ["The site covers {area} hectares.", "The plant stands on {area} hectares of land."]]),
    ("en", ["Marathon in {town}", "{town} marathon draws a crowd"], [
        ["More than {runners} runners took part in the {town} marathon on {day_en}.",
         "On {day_en}, {runners} runners started the marathon in {town}."],
        ["The winner, {name}, finished in {minutes} minutes.", "{name} won in {minutes} minutes."],
        ["About {visitors} spectators lined the route.", "The organisers counted {visitors} spectators."],
        ["The race raised {price} thousand euros for charity.", "Runners collected {price} thousand euros for charity."]]),
    ("en", ["{town} approves its budget", "Budget vote in {town}"], [
        ["The council of {town} approved a budget of {money} million euros.",
         "{town} will spend {money} million euros next year, the council decided."],
        ["Schools will receive {pct} percent of the money.", "{pct} percent of the budget goes to schools."],
        ["The vote took place on {day_en}.", "Councillors voted on {day_en}."],
        ["The city employs {people} staff.", "{town} has {people} employees."]]),
    ("de", ["Unfall auf der A7 bei {town}", "Stau nach Unfall bei {town}"], [
        ["Bei einem Unfall bei {town} wurden am {day} {injured} Menschen verletzt.",
         "Am {day} wurden bei dem Unfall nahe {town} {injured} Personen verletzt."],
        ["Der Stau war {length} Kilometer lang.", "Es bildete sich ein Stau von {length} Kilometern."],
        ["An dem Unfall waren {cars} Fahrzeuge beteiligt.", "Insgesamt {cars} Autos waren in den Unfall verwickelt."],
        ["Die Autobahn blieb {hours} Stunden gesperrt.", "Für {hours} Stunden war die Strecke gesperrt."]]),
    ("de", ["Schulneubau in {town}", "{town} baut eine Schule"], [
        ["Die neue Schule in {town} bietet Platz für {pupils} Schüler.", "In der neuen Schule in {town} lernen {pupils} Kinder."],
        ["Der Bau kostet {money} Millionen Euro.", "Die Stadt investiert {money} Millionen Euro in den Neubau."],
        ["Der Unterricht beginnt im Jahr {year}.", "Ab {year} wird dort unterrichtet."],
        ["Es entstehen {rooms} Klassenräume.", "Die Schule bekommt {rooms} Klassenzimmer."]]),
]


def _slots(rng: random.Random) -> dict:
    return {"houses": rng.randint(20, 900), "crew": rng.randint(30, 600), "money": rng.randint(2, 400),
            "level": rng.randint(300, 950), "year": rng.randint(2025, 2031), "length": rng.randint(80, 1200),
            "pct": rng.randint(5, 70), "turnout": rng.randint(25, 80), "people": rng.randint(1000, 250000),
            "workers": rng.randint(50, 4000), "hours": rng.randint(2, 48), "items": rng.randint(200, 9000),
            "price": rng.randint(3, 30), "visitors": rng.randint(300, 20000), "injured": rng.randint(2, 60),
            "clock": rng.randint(1, 23), "cars": rng.randint(3, 400), "roads": rng.randint(2, 40),
            "wind": rng.randint(60, 180), "area": rng.randint(5, 90), "runners": rng.randint(500, 15000),
            "minutes": rng.randint(125, 170), "pupils": rng.randint(200, 1500), "rooms": rng.randint(10, 80),
            "day": rng.choice(DAYS_DE), "day_en": rng.choice(DAYS_EN), "name": rng.choice(NAMES),
            "company": rng.choice(COMPANIES)}


def generate(n: int, seed: int, prefix: str = "a") -> dict[str, str]:
    """``n`` articles as {file name: text}; see the module docstring for the scheme."""
    rng = random.Random(seed)
    events = {}
    out = {}
    for i in range(n):
        topic = rng.randrange(len(TOPICS))
        town = rng.choice(TOWNS)
        key = (topic, town)
        if key not in events:
            events[key] = _slots(random.Random(f"{seed}-{topic}-{town}"))
        slots = dict(events[key], town=town)
        if rng.random() < 0.125:  # this article gets one fact wrong
            wrong = _slots(rng)
            k = rng.choice([k for k in wrong if isinstance(wrong[k], int)])
            slots[k] = wrong[k]
        lang, titles, facts = TOPICS[topic]
        chosen = sorted(rng.sample(range(len(facts)), 3))
        lines = [rng.choice(titles).format(**slots), ""]
        lines += [rng.choice(facts[j]).format(**slots) for j in chosen]
        out[f"{prefix}{i:05d}.txt"] = "\n".join(lines) + "\n"
    return out


def _write(folder: Path, files: dict[str, str]) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
        paths.append(str(folder / name))
    return paths


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--new", type=int, default=10)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--scratch-runs", type=int, default=3)
    ap.add_argument("--batch", type=int, default=500)
    ap.add_argument("--neighbours", type=int, default=20)
    ap.add_argument("--quick", action="store_true", help="300 articles, 2 runs: a smoke test of the script")
    ap.add_argument("--out", default=str(OUT))
    ap.add_argument("--workdir", help="keep the corpus here (default: a temporary folder, removed)")
    args = ap.parse_args()
    if args.quick:
        args.articles, args.runs, args.scratch_runs, args.batch = 300, 2, 1, 100

    sys.path.insert(0, str(ROOT))
    from consistency import Settings
    from consistency.corpus import Corpus, check_with_corpus
    from consistency.embed import CachedEmbedder, load_embedder
    from consistency.pipeline import check_articles
    from consistency.read import read_paths

    work = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="corpus-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    settings = Settings(cache_dir="")
    t = time.perf_counter()
    embedder = load_embedder()
    embedder.encode(["warm-up"])
    load_s = time.perf_counter() - t
    load1 = os.getloadavg()[0]
    try:
        corpus_files = _write(work / "corpus", generate(args.articles, SEED))
        new_files = _write(work / "new", generate(args.new, SEED + 1, prefix="new"))
        db = str(work / "corpus.sqlite")
        for p in (db, db + ".usearch", db + "-wal", db + "-shm"):
            if os.path.exists(p):
                os.remove(p)

        # -- build, in batches
        per_article, batch_s = [], []
        t_all = time.perf_counter()
        with Corpus(db, create=True, root=str(work)) as corpus:
            for i in range(0, len(corpus_files), args.batch):
                chunk = corpus_files[i:i + args.batch]
                t = time.perf_counter()
                corpus.add(read_paths(chunk), settings, embedder=embedder)
                dt = time.perf_counter() - t
                batch_s.append(round(dt, 3))
                per_article.append(dt / len(chunk))
                print(f"build: {i + len(chunk)}/{len(corpus_files)} articles, batch {dt:.1f}s", file=sys.stderr)
            stats = corpus.stats()
        build_total = time.perf_counter() - t_all
        sizes = {"db_mb": round(os.path.getsize(db) / 1e6, 1),
                 "index_mb": round(os.path.getsize(db + ".usearch") / 1e6, 1)}

        # -- incremental check against the corpus
        check_runs, last = [], None
        for r in range(args.runs):
            t = time.perf_counter()
            with Corpus(db, root=str(work)) as corpus:
                last = check_with_corpus(read_paths(new_files), corpus, settings, embedder=embedder,
                                         k=args.neighbours)
            check_runs.append(round(time.perf_counter() - t, 3))
            print(f"check run {r + 1}: {check_runs[-1]:.2f}s", file=sys.stderr)

        # -- the same check, everything embedded from scratch (cold embedding cache)
        scratch_runs, scratch = [], None
        for r in range(args.scratch_runs):
            cache = tempfile.mkdtemp(prefix="cache-", dir=work)
            cold = CachedEmbedder(embedder, cache)
            t = time.perf_counter()
            scratch = check_articles(read_paths(corpus_files + new_files), settings, embedder=cold)
            scratch_runs.append(round(time.perf_counter() - t, 3))
            cold.close()
            shutil.rmtree(cache, ignore_errors=True)
            print(f"scratch run {r + 1}: {scratch_runs[-1]:.1f}s", file=sys.stderr)
    finally:
        if not args.workdir:
            shutil.rmtree(work, ignore_errors=True)

    new_paths = set(new_files)
    scratch_contra_new = sum(1 for f in scratch.findings if f.verdict == "contradict"
                             and any(s.article in new_paths for s in f.statements))
    check_s = statistics.median(check_runs)
    scratch_s = statistics.median(scratch_runs)
    result = {
        "benchmark": "corpus",
        "model": embedder.name,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "load_average_at_start": round(load1, 2),
                    "load_average_at_end": round(os.getloadavg()[0], 2)},
        "generator": {"seed": SEED, "topics": len(TOPICS), "towns": len(TOWNS),
                      "scheme": "title + 3 of 4 fact sentences (2 phrasings each) of one event "
                                "(topic x town); ~1 in 8 articles states one fact differently"},
        "model_load_s": round(load_s, 3),
        "corpus": {"articles": stats["articles"], "statements": stats["statements"], **sizes,
                   "build_total_s": round(build_total, 1), "batch_size": args.batch, "batch_s": batch_s,
                   "build_s_per_article_median": round(statistics.median(per_article), 4)},
        "check": {"new_articles": args.new, "new_statements": last.statements, "neighbours": args.neighbours,
                  "corpus_statements_compared": last.settings["corpus_statements_compared"],
                  "contradictions": last.count("contradict"), "runs_s": check_runs,
                  "median_s": round(check_s, 3)},
        "scratch": {"statements": scratch.statements, "runs_s": scratch_runs, "median_s": round(scratch_s, 2),
                    "contradictions_involving_new": scratch_contra_new},
        "ratio_scratch_over_incremental": round(scratch_s / check_s, 1),
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
