"""``consistency eval``: measure the checker on gold data (a thin layer over :mod:`consistency.evaluate`).

Five modes::

    consistency eval BATCH_DIR...            # batches with a gold.json each
    consistency eval --pairs FILE            # text/hypothesis pairs (TSV/CSV/JSONL)
    consistency eval --clusters DIR          # GVA news clusters: alarms and planted contradictions
    consistency eval --ecb DIR               # ECB+ article pairs: alarms across similar events
    consistency eval --alignment DIR         # the embedder on STS and PAWS-X

Exit code 0; 1 when ``--min-f1`` is given and the F1 of contradictions is
below it; 2 on bad input (a gold file, a pairs file, missing data).
"""

from __future__ import annotations

import json
import sys
from typing import Optional

from ..embed import load_embedder
from ..evaluate import (GoldError, MemoEmbedder, PairsError, PairSpec, evaluate_batch, evaluate_pairs,
                        read_pairs, subsample, summarize, tune_pairs)
from ..evaluate.alignment import evaluate_alignment
from ..evaluate.clusters import PLANT_KINDS, SPLITS, ClustersError, evaluate_clusters, read_clusters
from ..evaluate.ecb import EcbError, evaluate_ecb, read_ecb, sample_pairs
from ..evaluate.format import (alignment_text, clusters_dict, clusters_text, ecb_dict, ecb_text, pairs_dict,
                               pairs_text, summary_dict, summary_text, tune_text)
from ..pipeline import get_embedder
from ..settings import Settings, SettingsError
from .common import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, write_output

__all__ = ["register", "run", "TUNE_GRID"]

#: Settings tried by ``--tune`` (value, statement, phrase thresholds).
TUNE_GRID = [(v, s, p) for v in (0.35, 0.45, 0.55, 0.65) for s in (0.6, 0.7, 0.8, 0.9) for p in (0.25, 0.35, 0.45)]


def _csv(value: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in value.split(",") if x.strip())


def register(sub) -> None:
    e = sub.add_parser("eval", help="measure precision/recall on gold batches, pairs, news clusters",
                       description="Measure the checker: batches with gold.json, text/hypothesis pairs, "
                                   "news clusters with planted contradictions, or alignment on STS/PAWS-X.")
    e.set_defaults(handler=run)
    e.add_argument("batches", nargs="*", metavar="BATCH_DIR", help="folders of articles, each with a gold.json")
    mode = e.add_argument_group("modes (instead of BATCH_DIR)")
    mode.add_argument("--pairs", metavar="FILE", help="text/hypothesis/label pairs (.tsv, .csv or .jsonl)")
    mode.add_argument("--clusters", metavar="DIR", help="GVA incident clusters (clusters.jsonl + docs.jsonl.gz)")
    mode.add_argument("--ecb", metavar="DIR", help="ECB+ topics (clusters.json + docs.jsonl.gz): contradictions "
                                                   "on article pairs of similar but different events")
    mode.add_argument("--alignment", metavar="DIR", help="eval-data folder with stsb_multi_mt/ and paws_x_de/")
    pr = e.add_argument_group("pairs")
    pr.add_argument("--text-columns", type=_csv, default=("text", "hypothesis"), metavar="TEXT,HYP",
                    help="columns of the text and the hypothesis (default: text,hypothesis)")
    pr.add_argument("--label-column", default="label", help="column of the gold label (default: label)")
    pr.add_argument("--contradiction-label", type=_csv, default=("contradiction",), metavar="LABEL[,LABEL]",
                    help="label(s) meaning contradiction (default: contradiction; RTE-3: NO)")
    pr.add_argument("--entailment-label", type=_csv, default=("entailment",), metavar="LABEL[,LABEL]",
                    help="label(s) meaning entailment (default: entailment; RTE-3: YES)")
    pr.add_argument("--where", action="append", default=[], metavar="COLUMN=VALUE",
                    help="keep only rows with this value (repeatable)")
    pr.add_argument("--id-column", help="column with the pair id (default: row number)")
    pr.add_argument("--language", choices=("de", "en"), help="language of both sides (default: detected)")
    pr.add_argument("--sample", type=int, metavar="N", help="a random subset of N pairs (see --seed)")
    pr.add_argument("--tune", action="store_true",
                    help=f"try {len(TUNE_GRID)} threshold settings (use on dev) and list them, best F1 first")
    cl = e.add_argument_group("clusters, ECB+")
    cl.add_argument("--split", choices=SPLITS, default="dev",
                    help="GVA: dev = first 100 clusters, test = last 100; ECB+: dev = topics 1-35, test = 36-45")
    cl.add_argument("--kinds", type=_csv, default=PLANT_KINDS, metavar="KIND[,KIND]",
                    help=f"contradictions to plant (default: {','.join(PLANT_KINDS)})")
    cl.add_argument("--pairs-per-topic", type=int, default=10, metavar="N",
                    help="ECB+: at most N cross-event and N same-event pairs per topic (default: 10)")
    e.add_argument("--limit", type=int, metavar="N",
                   help="only the first N clusters / topics / pairs per set (a quick look)")
    e.add_argument("--seed", type=int, default=0,
                   help="seed of --sample, of planting and of the ECB+ pair sample (default: 0)")
    e.add_argument("--format", "-f", choices=("text", "json"), default="text")
    e.add_argument("--output", "-o", metavar="FILE", help="write the results to FILE instead of stdout")
    e.add_argument("--examples", type=int, default=5, help="misses/false alarms listed (pairs, clusters, ECB+)")
    e.add_argument("--min-f1", type=float, metavar="X",
                   help="exit 1 when the F1 of contradictions (batches, pairs) is below X (0-1)")
    e.add_argument("--progress", action="store_true", help="progress on stderr")
    e.add_argument("--model", "-m", help="embedding model (default: use-multilingual)")
    e.add_argument("--fact-threshold", type=float, default=Settings.fact_threshold)
    e.add_argument("--time-threshold", type=float, default=Settings.time_threshold)
    e.add_argument("--value-threshold", type=float, default=Settings.value_threshold)
    e.add_argument("--statement-threshold", type=float, default=Settings.statement_threshold)
    e.add_argument("--phrase-threshold", type=float, default=Settings.phrase_threshold)
    e.add_argument("--tolerance", type=float, default=Settings.tolerance)
    e.add_argument("--exact-tolerance", type=float, default=Settings.exact_tolerance)
    e.add_argument("--cache-dir", help="embedding cache folder (default: ~/.cache/consistency)")
    e.add_argument("--no-cache", action="store_true", help="do not read or write the embedding cache")


def _settings(args, **over) -> Settings:
    kw = dict(model=args.model, fact_threshold=args.fact_threshold, time_threshold=args.time_threshold, value_threshold=args.value_threshold,
              statement_threshold=args.statement_threshold, phrase_threshold=args.phrase_threshold,
              tolerance=args.tolerance, exact_tolerance=args.exact_tolerance,
              cache_dir="" if args.no_cache else args.cache_dir)
    kw.update(over)
    return Settings(**kw)


def _progress(args):
    if not (args.progress or (hasattr(sys.stderr, "isatty") and sys.stderr.isatty())):
        return None

    def tick(stage: str, done: int, total: int) -> None:
        print(f"\r{stage}: {done}/{total}   ", end="" if done < total else "\n", file=sys.stderr, flush=True)
    return tick


def _where(values) -> tuple:
    out = []
    for v in values:
        if "=" not in v:
            raise SettingsError(f"--where takes COLUMN=VALUE, got {v!r}")
        out.append(tuple(v.split("=", 1)))
    return tuple(out)


def _emit(args, data: dict, text: str) -> None:
    write_output(json.dumps(data, ensure_ascii=False, indent=2) + "\n" if args.format == "json" else text,
                 args.output)


def _below(args, f1: Optional[float]) -> int:
    if args.min_f1 is None:
        return EXIT_OK
    return EXIT_FINDINGS if (f1 or 0.0) < args.min_f1 else EXIT_OK


def run(args) -> int:
    modes = [m for m in ("pairs", "clusters", "ecb", "alignment") if getattr(args, m)]
    if len(modes) + bool(args.batches) != 1:
        print("consistency eval: error: give BATCH_DIR... or one of --pairs, --clusters, --ecb, --alignment",
              file=sys.stderr)
        return EXIT_ERROR
    if args.min_f1 is not None and (modes and modes[0] != "pairs" or not 0 <= args.min_f1 <= 1):
        print("consistency eval: error: --min-f1 takes a number in [0, 1] and applies to batches and --pairs",
              file=sys.stderr)
        return EXIT_ERROR
    try:
        if args.pairs:
            return _run_pairs(args)
        if args.clusters:
            return _run_clusters(args)
        if args.ecb:
            return _run_ecb(args)
        if args.alignment:
            d = evaluate_alignment(args.alignment, load_embedder(args.model), limit=args.limit)
            _emit(args, {"schema": "consistency.eval/1", "mode": "alignment", **d}, alignment_text(d))
            return EXIT_OK
        settings = _settings(args)
        embedder = get_embedder(settings)
        results = [evaluate_batch(b, settings, embedder=embedder) for b in args.batches]
        s = summarize(results)
        _emit(args, summary_dict(s), summary_text(s))
        return _below(args, s.overall.f1)
    except (GoldError, PairsError, ClustersError, EcbError, FileNotFoundError) as exc:
        print(f"consistency eval: error: {exc}", file=sys.stderr)
        return EXIT_ERROR


def _run_pairs(args) -> int:
    if len(args.text_columns) != 2:
        raise SettingsError(f"--text-columns takes two columns TEXT,HYP, got {','.join(args.text_columns)!r}")
    spec = PairSpec(text_columns=tuple(args.text_columns), label_column=args.label_column,
                    contradiction_labels=args.contradiction_label, entailment_labels=args.entailment_label,
                    where=_where(args.where), id_column=args.id_column)
    pairs = read_pairs(args.pairs, spec)
    pairs = subsample(pairs, args.sample, args.seed)
    if args.limit:
        pairs = pairs[:args.limit]
    settings = _settings(args)
    memo = MemoEmbedder(get_embedder(settings))
    tick = _progress(args)
    if args.tune:
        grid = [_settings(args, value_threshold=v, statement_threshold=s, phrase_threshold=p) for v, s, p in TUNE_GRID]
        results = tune_pairs(pairs, spec, grid, embedder=memo, language=args.language, path=args.pairs, progress=tick)
        best = max(results, key=lambda r: r.contradictions.f1 or 0.0)
        data = {"schema": "consistency.eval/1", "mode": "tune", "path": args.pairs, "pairs": len(pairs),
                "best": best.settings, "results": [pairs_dict(r, 0) for r in results]}
        _emit(args, data, tune_text(results))
        return _below(args, best.contradictions.f1)
    r = evaluate_pairs(pairs, spec, settings, embedder=memo, language=args.language, path=args.pairs, progress=tick)
    _emit(args, pairs_dict(r, 10**9 if args.format == "json" else args.examples), pairs_text(r, args.examples))
    return _below(args, r.contradictions.f1)


def _run_clusters(args) -> int:
    bad = [k for k in args.kinds if k not in PLANT_KINDS]
    if bad:
        raise SettingsError(f"--kinds: unknown kind(s) {', '.join(bad)} (use {', '.join(PLANT_KINDS)})")
    clusters = read_clusters(args.clusters, args.split, args.limit)
    settings = _settings(args)
    r = evaluate_clusters(clusters, settings, kinds=args.kinds, seed=args.seed, split=args.split,
                          progress=_progress(args))
    _emit(args, clusters_dict(r, 10**9 if args.format == "json" else args.examples),
          clusters_text(r, args.examples))
    return EXIT_OK


def _run_ecb(args) -> int:
    if args.pairs_per_topic < 0:
        raise SettingsError(f"--pairs-per-topic takes a number >= 0, got {args.pairs_per_topic}")
    topics = read_ecb(args.ecb, args.split, args.limit)
    pairs = sample_pairs(topics, args.pairs_per_topic, args.seed)
    settings = _settings(args)
    r = evaluate_ecb(pairs, settings, split=args.split, pairs_per_topic=args.pairs_per_topic, seed=args.seed,
                     progress=_progress(args))
    _emit(args, ecb_dict(r, 10**9 if args.format == "json" else args.examples), ecb_text(r, args.examples))
    return EXIT_OK
