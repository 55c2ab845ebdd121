#!/usr/bin/env python
"""Speed of `consistency`: overhead over the embedding model, scaling, cache, corpus.

Measured on a generated batch: five articles per event, German and English, each
stating six facts of its event from one of ten news domains (fire, flood, election,
business, court, health, strike, science, festival, budget) with varied counts,
dates, money, percentages and counted nouns; one value in four is changed in an
article. About 3 % of statement pairs reach the lowest alignment threshold, as in
real single-topic news (GVA shooting reports); templates alone would give 20 %+.

Per batch size (a fresh subprocess each, so peak RSS is the size's own):

  floor          the embedding model alone on the very texts the pipeline embeds
                 (claims, affirmed rewrites, value clauses, nouns), once with 1 and once
                 with 2 BLAS threads; the best of the two is *the* floor
  end-to-end     ``check_articles`` (model loaded, no cache) with the same two settings;
                 overhead = end-to-end / floor, both at the best setting (goal <= 1.25)
  stages         segment+extract alone (``claims_of``), align+judge alone (``judge_batch``
                 on the prepared batch); the growth of align+judge (stage time of the
                 end-to-end runs) from 100 to 1000 (and 10,000) articles against the
                 growth of the statements
  cache          cold run (empty caches) / warm run (same batch again): the warm run reads
                 embeddings, claims and findings from the caches; ``warm_embed_only_s`` is a
                 warm run with the embedding cache only (result cache emptied)
  peak RSS       of the subprocess (``ru_maxrss``), and of the process it forks to extract
                 while it embeds (from 200 articles)

``--real`` adds one batch of the 1,720 real articles of ../shared/eval-data (every GVA and
ECB+ document; one run). ``--large`` adds the 10,000-article batch (about 70,000 statements; one run, not a
median: about 10 minutes on a quiet 2-core machine). ``--corpus N`` builds a corpus of N
generated articles (``Corpus.add`` in batches of 500) against the floor of embedding its
statements, then times a 10-article incremental check (median of repeats) and checks
that two runs give the same report. The corpus floor is the embedding of its distinct statements. The issue asks for 100,000 articles; the default
here is 2,000 (``--corpus 100000`` runs the full size, hours on 2 cores). ``--corpus-real``
also builds a corpus of the 1,720 real articles but 10 (nearly every statement distinct, so the
floor embeds nearly all of them) and checks those 10 against it.

Every time is the median of --repeats runs (default 3); every ratio is computed from
times of the same run. Results go to benchmarks/results/bench.json and a Markdown table
is printed. Nothing here asserts a time.

Usage: python benchmarks/bench.py [--sizes 10,100,1000] [--repeats 3] [--threads 1,2] [--large] [--real]
                                  [--corpus 2000] [--corpus-real] [--neighbours 5000,20000] [--quick]
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
from datetime import date
from pathlib import Path
from typing import Optional

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


def _timed(fn, repeats: int) -> tuple[float, list[float]]:
    runs = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t)
    return _median(runs), [round(x, 4) for x in runs]


def _rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _rss_children_mb() -> float:
    """Peak RSS of the largest finished child: the process that extracts while this one embeds
    (batches from ``PROCESS_MIN_ARTICLES`` articles). Forked, it shares most pages with this one."""
    return round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)


def _private_mb(pid: int) -> Optional[float]:
    """The memory of process ``pid`` that it shares with no other process (private clean + dirty
    pages of ``/proc/PID/smaps_rollup``): what a forked process adds beside the one it forked from.
    ``None`` where that file cannot be read (not Linux, or the process ended)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            kb = sum(int(line.split()[1]) for line in fh if line.startswith(("Private_Clean:", "Private_Dirty:")))
        return kb / 1024
    except (OSError, ValueError, IndexError):
        return None


def _children() -> list[int]:
    """This process's live child processes (Linux ``/proc``; empty elsewhere)."""
    me, out = os.getpid(), []
    try:
        tasks = os.listdir(f"/proc/{me}/task")
    except OSError:
        return out
    for t in tasks:
        try:
            with open(f"/proc/{me}/task/{t}/children") as fh:
                out += [int(x) for x in fh.read().split()]
        except OSError:
            continue
    return out


class ChildMemory:
    """Sample, while the body runs, the private memory (:func:`_private_mb`) of this process's
    forked children (the process that extracts while this one embeds, the one that aligns the
    statements beside the values) every ``every`` seconds; ``peak_mb`` is the largest single
    child's, ``peak_sum_mb`` the largest sum at one sample (``None`` if none was seen)."""

    def __init__(self, every: float = 0.2):
        self.every, self.peak_mb, self.peak_sum_mb = every, None, None
        self._stop = None

    def _sample(self) -> None:
        sizes = [m for m in map(_private_mb, _children()) if m is not None]
        if sizes:
            self.peak_mb = max(self.peak_mb or 0.0, max(sizes))
            self.peak_sum_mb = max(self.peak_sum_mb or 0.0, sum(sizes))

    def __enter__(self) -> "ChildMemory":
        import threading

        self._stop = threading.Event()

        def loop():
            while not self._stop.wait(self.every):
                self._sample()

        self._thread = threading.Thread(target=loop, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


REAL = ROOT.parent / "shared" / "eval-data"


def real_articles() -> list:
    """The 1,720 real articles of ../shared/eval-data: every GVA (738) and ECB+ (982) document."""
    from consistency.evaluate.clusters import read_clusters
    from consistency.evaluate.ecb import read_ecb

    arts = [a for c in read_clusters(str(REAL / "gva_incidents_semeval2018t5"), "all") for a in c.articles]
    arts += [a for t in read_ecb(str(REAL / "ecbplus"), "all") for a in t.articles]
    return arts


def run_size(n: int, repeats: int, seed: int, thread_settings: list[int], cache_runs: bool,
             real: bool = False, e2e_best_only: bool = False) -> dict:
    """All measurements at one batch size (``real``: the real articles, ``n`` ignored); run in a
    fresh process (peak RSS is per process)."""
    from consistency import Settings, check_articles
    from consistency.embed import CachedEmbedder, UniversalSentenceEncoder, default_threads
    from consistency.evaluate import embedding_texts
    from consistency.pipeline import claims_of, judge_batch, prepare

    settings = Settings(cache_dir="")
    auto = default_threads()
    t0 = time.perf_counter()
    engines = {th: UniversalSentenceEncoder(threads=th) for th in thread_settings}
    for e in engines.values():
        e.encode(["Aufwärmen.", "Warm-up."])
    load_s = time.perf_counter() - t0
    arts = real_articles() if real else make_articles(n, seed)
    n = len(arts)
    check_articles(make_articles(4, seed + 1), settings, embedder=engines[thread_settings[0]])  # lazy loads
    texts = embedding_texts(arts, settings)
    res: dict = {"batch": "real (GVA + ECB+)" if real else "generated", "articles": n, "sentences": len(texts), "model": "use-multilingual",
                 "model_load_s": round(load_s, 3), "auto_threads": auto, "threads": {}}

    # the floor at each thread setting, then the end-to-end time at each (or only at the best)
    floors = {}
    for th, emb in engines.items():
        floor, floor_runs = _timed(lambda: emb.encode(texts), repeats)
        floors[th] = floor
        res["threads"][str(th)] = {"floor_s": round(floor, 4), "floor_runs": floor_runs,
                                   "floor_sentences_per_s": round(len(texts) / floor, 1)}
    best = min(floors, key=floors.get)
    for th, emb in engines.items():
        if e2e_best_only and th != best:
            continue
        stages = []

        def e2e_once():
            marks: dict[str, float] = {}
            t = time.perf_counter()
            check_articles(arts, settings, embedder=emb,
                           progress=lambda stage, d, tot: marks.setdefault(stage, time.perf_counter()))
            stages.append({"extract_with_overlapped_embedding": marks["embedding"] - t,
                           "embedding_rest_and_prepare": marks["aligning"] - marks["embedding"],
                           "align_judge": marks["done"] - marks["aligning"]})

        with ChildMemory() as forked:
            e2e, e2e_runs = _timed(e2e_once, repeats)
        if forked.peak_mb is not None:
            res["forked_private_mb"] = round(max(res.get("forked_private_mb", 0.0), forked.peak_mb), 1)
            res["forked_private_sum_mb"] = round(max(res.get("forked_private_sum_mb", 0.0), forked.peak_sum_mb), 1)
        res["threads"][str(th)].update({
            "end_to_end_s": round(e2e, 4), "end_to_end_runs": e2e_runs,
            "sentences_per_s": round(len(texts) / e2e, 1),
            "overhead_ratio": round(e2e / floors[th], 3),
            "stages_s": {k: round(_median([s[k] for s in stages]), 4) for k in stages[0]},
        })
    res["best_threads"] = best
    b = res["threads"][str(best)]
    res.update(floor_s=b["floor_s"], end_to_end_s=b["end_to_end_s"], overhead_ratio=b["overhead_ratio"])
    emb = engines[best]

    # stages alone, at the best setting (the one-run sizes take them from the end-to-end run)
    claims = claims_of(arts, settings)
    res["statements"] = len(claims)
    if e2e_best_only:
        res["segment_extract_s"] = b["stages_s"]["extract_with_overlapped_embedding"]
        res["align_judge_s"] = b["stages_s"]["align_judge"]
    else:
        res["segment_extract_s"] = round(_timed(lambda: claims_of(arts, settings), repeats)[0], 4)
        batch = prepare(claims, emb, ids={a.path: a.id for a in arts},
                        published={a.path: a.published for a in arts if a.published})
        res["align_judge_s"] = round(_timed(lambda: judge_batch(arts, batch, settings, model=emb.name),
                                            repeats)[0], 4)
        del batch

    if cache_runs:
        cold, warm, warm_embed = [], [], []
        for _ in range(repeats):
            with tempfile.TemporaryDirectory() as tmp:
                for runs in (cold, warm):
                    cached = CachedEmbedder(emb, tmp)
                    t = time.perf_counter()
                    check_articles(arts, Settings(cache_dir=tmp), embedder=cached)
                    runs.append(time.perf_counter() - t)
                    cached.close()
                os.remove(os.path.join(tmp, "results.sqlite"))
                cached = CachedEmbedder(emb, tmp)
                t = time.perf_counter()
                check_articles(arts, Settings(cache_dir=tmp), embedder=cached)
                warm_embed.append(time.perf_counter() - t)
                cached.close()
        res.update(cold_s=round(_median(cold), 4), warm_s=round(_median(warm), 4),
                   warm_embed_only_s=round(_median(warm_embed), 4),
                   cold_warm_ratio=round(_median(cold) / _median(warm), 2),
                   cold_warm_embed_only_ratio=round(_median(cold) / _median(warm_embed), 2))
    res["peak_rss_mb"] = _rss_mb()
    res["extract_process_rss_mb"] = _rss_children_mb()
    return res


def run_corpus(n: int, repeats: int, seed: int, new: int = 10, real: bool = False) -> dict:
    """Build a corpus of ``n`` generated articles, then check ``new`` articles against it.

    ``real``: the corpus is the 1,720 real articles but the last ``new``, which are then checked
    against it (``n`` is ignored). Unlike the generated ones, nearly every statement is distinct,
    so the floor embeds nearly all of them."""
    from consistency import Settings
    from consistency.corpus import Corpus, check_with_corpus
    from consistency.embed import UniversalSentenceEncoder, default_threads, embedding_text
    from consistency.pipeline import claims_of
    from consistency.report import to_json

    settings = Settings(cache_dir="")
    emb = UniversalSentenceEncoder(threads=default_threads())
    emb.encode(["Aufwärmen."])
    if real:
        everything = real_articles()
        arts, fresh = everything[:-new], everything[-new:]
        n = len(arts)
    else:
        arts = make_articles(n, seed + 7)
        fresh = [a for a in make_articles(n + new, seed + 7)[n:]]
    statements = [embedding_text(c) for c in claims_of(arts, settings)]
    texts = list(dict.fromkeys(statements))  # the floor: each distinct statement embedded once
    floor, _ = _timed(lambda: emb.encode(texts), 1)
    res: dict = {"batch": "real (GVA + ECB+)" if real else "generated",
                 "articles": n, "statements": len(statements), "distinct_statements": len(texts),
                 "threads": emb.threads}
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "corpus.sqlite")
        t = time.perf_counter()
        with Corpus(db, create=True, root=tmp) as corpus:
            for i in range(0, n, 500):
                corpus.add(arts[i:i + 500], settings, embedder=emb)
        build = time.perf_counter() - t
        res.update(build_s=round(build, 3), build_statements_per_s=round(len(statements) / build, 1),
                   floor_s=round(floor, 3), floor_statements_per_s=round(len(texts) / floor, 1),
                   build_over_floor=round(build / floor, 3),
                   db_mb=round(os.path.getsize(db) / 2 ** 20, 1))
        reports = []
        with Corpus(db, root=tmp) as corpus:
            check_with_corpus(fresh, corpus, settings, embedder=emb)  # warm-up: the index is loaded
            runs = []
            for _ in range(max(repeats, 5)):
                t = time.perf_counter()
                reports.append(to_json(check_with_corpus(fresh, corpus, settings, embedder=emb)))
                runs.append(time.perf_counter() - t)
        res.update(new_articles=len(fresh), check_s=round(_median(runs), 4), check_runs=[round(x, 4) for x in runs],
                   deterministic=len(set(reports)) == 1)
    res["peak_rss_mb"] = _rss_mb()
    res["extract_process_rss_mb"] = _rss_children_mb()
    return res


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
    lines = ["| articles | statements | embedded texts | floor s (1 thr / 2 thr) | end-to-end s (1 / 2) | "
             "overhead (best) | segment+extract s | align+judge s | cold s | warm s | cold/warm | peak RSS MB (extracting process) | "
             "forked processes' private MB (peak) |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in res["sizes"] + ([res["real"]] if res.get("real") else []):
        th = r["threads"]
        fl = " / ".join(str(th[k]["floor_s"]) for k in sorted(th))
        ee = " / ".join(str(th[k].get("end_to_end_s", "-")) for k in sorted(th))
        lines.append(f"| {r['articles']}{' real' if r.get('batch', 'generated') != 'generated' else ''} | {r['statements']} | {r['sentences']} | {fl} | {ee} | {r['overhead_ratio']} "
                     f"({r['best_threads']} thr) | {r['segment_extract_s']} | {r['align_judge_s']} | "
                     f"{r.get('cold_s', '-')} | {r.get('warm_s', '-')} | {r.get('cold_warm_ratio', '-')} | "
                     f"{r['peak_rss_mb']} ({r.get('extract_process_rss_mb', '-')}) | "
                     f"{r.get('forked_private_mb', '-')} |")
    for g in res.get("growth", []):
        lines.append(f"\nalign+judge {g['from']} -> {g['to']} articles: x{g['align_judge_x']} for "
                     f"x{g['statements_x']} statements (end to end x{g['end_to_end_x']}; align+judge from the "
                     f"end-to-end runs)")
    if res.get("neighbours"):
        lines += ["", "| rows (statements) | exact s | ANN s | exact pairs | ANN pairs |", "|---:|---:|---:|---:|---:|"]
        for r in res["neighbours"]:
            lines.append(f"| {r['rows']} | {r['exact_s']} | {r['ann_s']} | {r['exact_pairs']} | {r['ann_pairs']} |")
    for c in (res.get("corpus"), res.get("corpus_real")):
        if not c:
            continue
        distinct = f", {c['distinct_statements']} distinct" if "distinct_statements" in c else ""
        lines.append(f"\ncorpus of {c['articles']} {'real' if c.get('batch', 'generated') != 'generated' else 'generated'} "
                     f"articles ({c['statements']} statements{distinct}): build {c['build_s']} s "
                     f"({c['build_statements_per_s']} statements/s) = x{c['build_over_floor']} the embedding floor; "
                     f"{c['new_articles']}-article incremental check {c['check_s']} s (median); "
                     f"deterministic: {c['deterministic']}")
    for name, err in res.get("errors", {}).items():
        lines.append(f"\nfailed: {name}: {err}")
    return "\n".join(lines)


def _child(args: list[str]) -> dict:
    p = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError(p.stderr)
    return json.loads(p.stdout.strip().splitlines()[-1])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="10,100,1000", help="batch sizes in articles (default: 10,100,1000)")
    ap.add_argument("--repeats", type=int, default=3, help="runs per measurement; medians reported (default: 3)")
    ap.add_argument("--threads", default="1,2", help="BLAS thread settings of the floor (default: 1,2)")
    ap.add_argument("--large", action="store_true", help="also 10,000 articles (one run; ~10 min)")
    ap.add_argument("--real", action="store_true",
                    help="also the 1,720 real articles of ../shared/eval-data in one batch (one run; long)")
    ap.add_argument("--corpus", type=int, default=2000, help="corpus size in articles (0 to skip; default 2000)")
    ap.add_argument("--corpus-real", action="store_true",
                    help="also build a corpus of the 1,720 real articles (but 10, then checked against it; ~4 min)")
    ap.add_argument("--neighbours", default="",
                    help="rows for similar_pairs exact vs ANN on random vectors, e.g. 5000,20000 (default: skip)")
    ap.add_argument("--quick", action="store_true", help="sizes 10,100, corpus 200 (a smoke run)")
    ap.add_argument("--table-only", action="store_true", help="print the table of the existing --out file")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--child-corpus", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--no-cache-runs", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--child-real", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--e2e-best-only", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.repeats < 1:
        ap.error("--repeats must be >= 1")
    threads = [int(x) for x in args.threads.split(",") if x.strip()]
    if args.table_only:
        print(table(json.loads(args.out.read_text())))
        return 0
    if args.child is not None:
        print(json.dumps(run_size(args.child, args.repeats, args.seed, threads, not args.no_cache_runs,
                                  real=args.child_real, e2e_best_only=args.e2e_best_only)))
        return 0
    if args.child_corpus is not None:
        print(json.dumps(run_corpus(args.child_corpus, args.repeats, args.seed, real=args.child_real)))
        return 0
    sizes = [10, 100] if args.quick else [int(x) for x in args.sizes.split(",") if x.strip()]
    corpus_n = 200 if args.quick else args.corpus
    if (args.real or args.corpus_real) and not (REAL / "gva_incidents_semeval2018t5").is_dir():
        # before the long runs, not after them
        print(f"bench: --real and --corpus-real need the shared evaluation data at {REAL} (not found)", file=sys.stderr)
        return 2
    res: dict = {"sizes": [], "repeats": args.repeats}
    t_start = time.time()
    load_start = os.getloadavg()[0]
    errors: dict = {}

    def stage(name: str, child_args: list[str]):
        """One measurement in its own process; a failure is recorded and the other stages still run."""
        print(f"[bench] {name} ...", file=sys.stderr, flush=True)
        try:
            return _child(child_args)
        except RuntimeError as exc:
            errors[name] = (str(exc).strip().splitlines() or ["failed"])[-1]
            print(exc, file=sys.stderr)
            return None

    common = ["--seed", str(args.seed), "--threads", args.threads]
    for n in sizes:
        r = stage(f"{n} articles", ["--child", str(n), "--repeats", str(args.repeats), *common])
        if r is not None:
            res["sizes"].append(r)
    if args.large:
        r = stage("10000 articles (one run)", ["--child", "10000", "--repeats", "1", *common, "--no-cache-runs",
                                               "--e2e-best-only"])
        if r is not None:
            res["sizes"].append(r)
    if args.real:
        r = stage("1,720 real articles (one run)", ["--child", "0", "--child-real", "--repeats", "1", *common,
                                                    "--no-cache-runs", "--e2e-best-only"])
        if r is not None:
            res["real"] = r
    if corpus_n:
        r = stage(f"corpus of {corpus_n} articles", ["--child-corpus", str(corpus_n), "--repeats", str(args.repeats),
                                                     "--seed", str(args.seed)])
        if r is not None:
            res["corpus"] = r
    if args.corpus_real:
        r = stage("corpus of the real articles (one build)", ["--child-corpus", "0", "--child-real", "--repeats",
                                                               str(args.repeats), "--seed", str(args.seed)])
        if r is not None:
            res["corpus_real"] = r
    nb = [int(x) for x in args.neighbours.split(",") if x.strip()]
    if nb:
        print(f"[bench] neighbours {nb} ...", file=sys.stderr, flush=True)
        res["neighbours"] = run_neighbours(nb, args.repeats)
    if errors:
        res["errors"] = errors
    by_n = {r["articles"]: r for r in res["sizes"] if r.get("batch") == "generated"}
    res["growth"] = []
    for a, b in ((100, 1000), (1000, 10000)):
        if a in by_n and b in by_n:
            ra, rb = by_n[a], by_n[b]
            aj = [r["threads"][str(r["best_threads"])]["stages_s"]["align_judge"] for r in (ra, rb)]
            res["growth"].append({"from": a, "to": b, "statements_x": round(rb["statements"] / ra["statements"], 1),
                                  "align_judge_x": round(aj[1] / max(aj[0], 1e-9), 1),
                                  "end_to_end_x": round(rb["end_to_end_s"] / max(ra["end_to_end_s"], 1e-9), 1)})
    import numpy
    res["meta"] = {"date": time.strftime("%Y-%m-%dT%H:%M:%S"), "duration_s": round(time.time() - t_start, 1),
                   "cpu_count": os.cpu_count(), "load_average_1m_at_start": round(load_start, 2),
                   "load_average_1m_at_end": round(os.getloadavg()[0], 2), "platform": platform.platform(),
                   "python": platform.python_version(), "numpy": numpy.__version__,
                   "command": "python benchmarks/bench.py " + " ".join(argv if argv is not None else sys.argv[1:]),
                   "note": "medians of repeats; ratios from the same run; the machine is shared, so absolute "
                           "times vary with its load"}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(res, indent=2, ensure_ascii=False) + "\n")
    print(table(res))
    print(f"\nwrote {args.out}", file=sys.stderr)
    if errors:
        print("bench: failed stages (the others were written): " + "; ".join(f"{k}: {v}" for k, v in errors.items()),
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
