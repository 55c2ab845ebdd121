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
from types import SimpleNamespace
from typing import Annotated, List, Literal, Optional

import typer

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
from .common import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, check_output_target, write_output
from .options import Quiet

__all__ = ["register", "run", "TUNE_GRID"]

#: Settings tried by ``--tune`` (value, statement, phrase thresholds).
TUNE_GRID = [(v, s, p) for v in (0.35, 0.45, 0.55, 0.65) for s in (0.6, 0.7, 0.8, 0.9) for p in (0.25, 0.35, 0.45)]


def _csv(value: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in value.split(",") if x.strip())


def _settings(args, **over) -> Settings:
    kw = dict(model=args.model, fact_threshold=args.fact_threshold, time_threshold=args.time_threshold, value_threshold=args.value_threshold,
              statement_threshold=args.statement_threshold, phrase_threshold=args.phrase_threshold,
              tolerance=args.tolerance, exact_tolerance=args.exact_tolerance,
              cache_dir="" if args.no_cache else args.cache_dir)
    kw.update(over)
    return Settings(**kw)


def _progress(args):
    """The progress callback of this run: rich bars for a person at a terminal (see :func:`run`), a
    plain ``stage: done/total`` line with ``--progress`` elsewhere, else none."""
    if args.quiet:
        return None
    if getattr(args, "bars", None) is not None:
        return args.bars
    if not args.progress:
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
    check_output_target(args.output)
    from .progress import terminal_progress, wanted
    bars = terminal_progress(quiet=args.quiet) if wanted() and not args.quiet else None
    args.bars = bars
    try:
        if bars is not None:
            bars.start()
        return _run_mode(args)
    finally:
        if bars is not None:
            bars.stop()


def _run_mode(args) -> int:
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


_MODES, _PAIRS, _CLUSTERS, _OUT, _SET = ("Modes (instead of BATCH_DIR)", "Pairs", "Clusters, ECB+", "Output",
                                        "Settings")


def _opt(*decls, panel: str, **kw):
    return typer.Option(*decls, rich_help_panel=panel, **kw)


def register(app: typer.Typer) -> None:
    d = Settings()

    @app.command("eval", epilog="Exit codes: 0 measured; 1 with --min-f1 when the F1 of contradictions is "
                               "below it; 2 bad input (a gold file, a pairs file, missing data).")
    def eval_(
        batches: Annotated[Optional[List[str]], typer.Argument(
            metavar="[BATCH_DIR]...", show_default=False, help="folders of articles, each with a gold.json")] = None,
        pairs: Annotated[Optional[str], _opt("--pairs", panel=_MODES, metavar="FILE",
                                             help="text/hypothesis/label pairs (.tsv, .csv or .jsonl)")] = None,
        clusters: Annotated[Optional[str], _opt("--clusters", panel=_MODES, metavar="DIR",
                                                help="GVA incident clusters (clusters.jsonl + docs.jsonl.gz)")] = None,
        ecb: Annotated[Optional[str], _opt("--ecb", panel=_MODES, metavar="DIR",
                                           help="ECB+ topics (clusters.json + docs.jsonl.gz): contradictions on "
                                                "article pairs of similar but different events")] = None,
        alignment: Annotated[Optional[str], _opt("--alignment", panel=_MODES, metavar="DIR",
                                                 help="eval-data folder with stsb_multi_mt/ and paws_x_de/")] = None,
        text_columns: Annotated[str, _opt("--text-columns", panel=_PAIRS, metavar="TEXT,HYP",
                                          help="columns of the text and the hypothesis")] = "text,hypothesis",
        label_column: Annotated[str, _opt("--label-column", panel=_PAIRS, help="column of the gold label")] = "label",
        contradiction_label: Annotated[str, _opt("--contradiction-label", panel=_PAIRS, metavar="LABEL[,LABEL]",
                                                 help="label(s) meaning contradiction (RTE-3: NO)")] = "contradiction",
        entailment_label: Annotated[str, _opt("--entailment-label", panel=_PAIRS, metavar="LABEL[,LABEL]",
                                              help="label(s) meaning entailment (RTE-3: YES)")] = "entailment",
        where: Annotated[Optional[List[str]], _opt("--where", panel=_PAIRS, metavar="COLUMN=VALUE",
                                                   help="keep only rows with this value (repeatable)")] = None,
        id_column: Annotated[Optional[str], _opt("--id-column", panel=_PAIRS,
                                                 help="column with the pair id [dim]\\[default: row number][/dim]")
                             ] = None,
        language: Annotated[Optional[Literal["de", "en"]], _opt("--language", panel=_PAIRS,
                                                help="language of both sides [dim]\\[default: detected][/dim]")
                            ] = None,
        sample: Annotated[Optional[int], _opt("--sample", panel=_PAIRS, metavar="N",
                                              help="a random subset of N pairs (see --seed)")] = None,
        tune: Annotated[bool, _opt("--tune", panel=_PAIRS,
                                   help=f"try {len(TUNE_GRID)} threshold settings (use on dev) and list them, "
                                        f"best F1 first")] = False,
        split: Annotated[Literal[tuple(SPLITS)], _opt("--split", panel=_CLUSTERS,
                                   help="GVA: dev = first 100 clusters, test = last 100; ECB+: dev = topics 1-35, "
                                        "test = 36-45")] = "dev",
        kinds: Annotated[str, _opt("--kinds", panel=_CLUSTERS, metavar="KIND[,KIND]",
                                   help="contradictions to plant")] = ",".join(PLANT_KINDS),
        pairs_per_topic: Annotated[int, _opt("--pairs-per-topic", panel=_CLUSTERS, metavar="N",
                                             help="ECB+: at most N cross-event and N same-event pairs per topic")
                                   ] = 10,
        limit: Annotated[Optional[int], typer.Option(
            "--limit", metavar="N", help="only the first N clusters / topics / pairs per set (a quick look)")] = None,
        seed: Annotated[int, typer.Option(
            "--seed", help="seed of --sample, of planting and of the ECB+ pair sample")] = 0,
        min_f1: Annotated[Optional[float], typer.Option(
            "--min-f1", metavar="X", help="exit 1 when the F1 of contradictions (batches, pairs) is below X (0-1)")
                          ] = None,
        fmt: Annotated[Literal["text", "json"], _opt("--format", "-f", panel=_OUT,
                                 help="results format")] = "text",
        output: Annotated[Optional[str], _opt("--output", "-o", panel=_OUT, metavar="FILE",
                                              help="write the results to FILE instead of stdout")] = None,
        examples: Annotated[int, _opt("--examples", panel=_OUT, metavar="N",
                                      help="misses/false alarms listed (pairs, clusters, ECB+)")] = 5,
        progress: Annotated[bool, _opt("--progress", panel=_OUT, help="progress on stderr even when piped")] = False,
        quiet: Quiet = False,
        model: Annotated[Optional[str], _opt("--model", "-m", panel=_SET, metavar="NAME",
                                             help="embedding model [dim]\\[default: use-multilingual][/dim]")] = None,
        fact_threshold: Annotated[float, _opt("--fact-threshold", panel=_SET, metavar="P")] = d.fact_threshold,
        time_threshold: Annotated[float, _opt("--time-threshold", panel=_SET, metavar="P")] = d.time_threshold,
        value_threshold: Annotated[float, _opt("--value-threshold", panel=_SET, metavar="X")] = d.value_threshold,
        statement_threshold: Annotated[float, _opt("--statement-threshold", panel=_SET, metavar="X")
                                       ] = d.statement_threshold,
        phrase_threshold: Annotated[float, _opt("--phrase-threshold", panel=_SET, metavar="X")] = d.phrase_threshold,
        tolerance: Annotated[float, _opt("--tolerance", panel=_SET, metavar="X")] = d.tolerance,
        exact_tolerance: Annotated[float, _opt("--exact-tolerance", panel=_SET, metavar="X")] = d.exact_tolerance,
        cache_dir: Annotated[Optional[str], _opt("--cache-dir", panel=_SET, metavar="DIR",
                                                 help="embedding cache folder [dim]\\[default: ~/.cache/consistency]"
                                                      "[/dim]")] = None,
        no_cache: Annotated[bool, _opt("--no-cache", panel=_SET, help="do not read or write the embedding cache")
                            ] = False,
    ) -> int:
        """Measure the checker on gold data (precision, recall, false alarms).

        Batches with gold.json, text/hypothesis pairs (--pairs), news clusters with planted
        contradictions (--clusters), ECB+ article pairs (--ecb), or alignment on STS/PAWS-X (--alignment).
        """
        args = SimpleNamespace(**locals())
        args.batches = list(batches or [])
        args.where = list(where or [])
        args.format = fmt
        args.text_columns = _csv(text_columns)
        args.contradiction_label = _csv(contradiction_label)
        args.entailment_label = _csv(entailment_label)
        args.kinds = _csv(kinds)
        return run(args)
