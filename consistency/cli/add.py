"""``consistency add``: ingest articles into the corpus (once; changed ones are replaced)."""

from __future__ import annotations

from typing import Annotated, List, Optional

import typer

from ..corpus import CorpusError, open_corpus
from ..report.escape import printable
from ..settings import SettingsError
from .check import check_paths, read_inputs
from .common import EXIT_ERROR, EXIT_OK, CliError, Messages
from .config import resolve_args, settings_lines
from .options import Quiet, Verbose, settings_options

__all__ = ["register", "run"]


def run(paths, flags, *, remove: bool = False, prune: bool = False, refresh: bool = False,
        ray: Optional[str] = None, ray_workers: Optional[int] = None,
        quiet: bool = False, verbose: bool = False) -> int:
    say = Messages(quiet, verbose)
    resolved = resolve_args(flags)
    s = resolved.settings
    if not s.corpus:
        raise SettingsError("no corpus: give --corpus DB (a SQLite file or a postgresql:// URL) or set `corpus` "
                            "in the settings file")
    if not paths and not refresh:
        raise SettingsError("add: give the articles to add (files, folders, globs), or --refresh")
    if ray is None and ray_workers is not None:
        raise SettingsError("--ray-workers goes with --ray ADDRESS")
    if ray_workers is not None and ray_workers < 1:
        raise SettingsError(f"--ray-workers must be a positive integer, got {ray_workers}")
    if not remove:
        check_paths(paths)
    for line in settings_lines(resolved):
        say.detail(line)
    if ray is not None:
        return _run_ray(paths, resolved, say, address=ray, workers=ray_workers,
                        remove=remove, prune=prune, refresh=refresh)
    try:
        with open_corpus(s.corpus, create=not remove, root=resolved.root) as corpus:
            if remove:
                n = corpus.remove(paths)
                say.info(f"consistency: removed {n} article{'s' * (n != 1)} from {corpus.path}")
                return EXIT_OK
            articles = read_inputs(paths, resolved, say=say) if paths else []
            result = corpus.refresh(s) if refresh else corpus.add(articles, s)
            pruned = corpus.prune(articles) if prune else 0
            if note := corpus.repair_index():
                say.info(f"consistency: {printable(note)}")
            stats = corpus.stats()
            where = corpus.path
    except CorpusError as exc:
        raise CliError(str(exc)) from None
    for err in result.errors:
        say.error(printable(err))
    say.info(f"consistency: {where}: {len(result.added)} added, {len(result.updated)} updated, "
             f"{len(result.unchanged)} unchanged{f', {pruned} pruned' if pruned else ''} "
             f"({result.embedded} statements embedded, {result.reused} reused); "
             f"corpus: {stats['articles']} articles, {stats['statements']} statements")
    return EXIT_ERROR if result.errors else EXIT_OK


def _run_ray(paths, resolved, say: Messages, *, address: str, workers: Optional[int],
             remove: bool, prune: bool, refresh: bool) -> int:
    """``add --ray ADDRESS PATH...``: the pipeline of :mod:`consistency.ingest`."""
    from ..ingest import RayError, add_with_ray, preload

    s = resolved.settings
    if remove or refresh or prune:
        raise SettingsError("--ray adds articles; use --remove, --refresh or --prune without it")
    if not paths:
        raise SettingsError("add --ray: give the articles to add (files, folders, globs)")
    try:
        preload()  # before the corpus loads usearch
        with open_corpus(s.corpus, create=True, root=resolved.root) as corpus:
            result = add_with_ray(corpus, paths, s, address=address, workers=workers,
                                  ignore=s.ignore, max_bytes=s.max_bytes)
            if note := corpus.repair_index():
                say.info(f"consistency: {printable(note)}")
            stats = corpus.stats()
            where = corpus.path
    except (CorpusError, RayError) as exc:
        raise CliError(str(exc)) from None
    for err in result.errors:
        say.error(printable(err))
    say.info(f"consistency: {where}: {len(result.added)} added, {len(result.updated)} updated, "
             f"{len(result.unchanged)} unchanged ({result.embedded} statements embedded, {result.reused} reused; "
             f"Ray {address}); corpus: {stats['articles']} articles, {stats['statements']} statements")
    return EXIT_ERROR if result.errors else EXIT_OK


def register(app: typer.Typer) -> None:
    @app.command("add")
    @settings_options(baseline=False, skip=("fail_on", "nli_model", "fact_threshold", "time_threshold",
                                            "value_threshold", "statement_threshold", "phrase_threshold",
                                            "exact_tolerance"))
    def add(paths: Annotated[Optional[List[str]], typer.Argument(
                metavar="[PATH]...", show_default=False,
                help="articles: files, folders (recursive), globs (with --remove: stored paths)")] = None,
            remove: Annotated[bool, typer.Option(
                "--remove", help="remove the articles at these paths (files or folders) from the corpus instead")
            ] = False,
            prune: Annotated[bool, typer.Option(
                "--prune", help="also remove stored articles whose file no longer exists (and JSONL records "
                                "no longer in their file)")] = False,
            refresh: Annotated[bool, typer.Option(
                "--refresh", help="extract the facts of every stored article again (after upgrading "
                                  "consistency); vectors of unchanged statements are kept")] = False,
            ray: Annotated[Optional[str], typer.Option(
                "--ray", metavar="ADDRESS",
                help="read, extract and embed on a Ray cluster (a Ray Data pipeline) and write to the corpus "
                     "from here; `local` starts a cluster on this machine")] = None,
            ray_workers: Annotated[Optional[int], typer.Option(
                "--ray-workers", metavar="N",
                help="with --ray: extract-and-embed workers (default: the cluster's CPUs less one)")] = None,
            quiet: Quiet = False, verbose: Verbose = False, *, flags) -> int:
        """Add articles to the corpus database (--corpus DB or `corpus` in the settings file).

        Each article is read, split into statements, its facts extracted and embedded once. Unchanged
        articles are skipped; a changed one replaces its old facts. The corpus is a SQLite file or a
        postgresql:// URL (a shared PostgreSQL + pgvector corpus).
        """
        return run(paths or [], flags, remove=remove, prune=prune, refresh=refresh, ray=ray,
                   ray_workers=ray_workers, quiet=quiet, verbose=verbose)
