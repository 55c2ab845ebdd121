"""``consistency add``: ingest articles into the corpus (once; changed ones are replaced)."""

from __future__ import annotations

from typing import Annotated, List, Optional

import typer

from ..corpus import Corpus, CorpusError
from ..settings import SettingsError
from .check import check_paths, read_inputs
from .common import EXIT_ERROR, EXIT_OK, CliError, Messages
from .config import resolve_args, settings_lines
from .options import Quiet, Verbose, settings_options

__all__ = ["register", "run"]


def run(paths, flags, *, remove: bool = False, prune: bool = False, refresh: bool = False,
        quiet: bool = False, verbose: bool = False) -> int:
    say = Messages(quiet, verbose)
    resolved = resolve_args(flags)
    s = resolved.settings
    if not s.corpus:
        raise SettingsError("no corpus: give --corpus DB or set `corpus` in the settings file")
    if not paths and not refresh:
        raise SettingsError("add: give the articles to add (files, folders, globs), or --refresh")
    if not remove:
        check_paths(paths)
    for line in settings_lines(resolved):
        say.detail(line)
    try:
        with Corpus(s.corpus, create=not remove, root=resolved.root) as corpus:
            if remove:
                n = corpus.remove(paths)
                say.info(f"consistency: removed {n} article{'s' * (n != 1)} from {s.corpus}")
                return EXIT_OK
            articles = read_inputs(paths, resolved, say=say) if paths else []
            result = corpus.refresh(s) if refresh else corpus.add(articles, s)
            pruned = corpus.prune(articles) if prune else 0
            stats = corpus.stats()
    except CorpusError as exc:
        raise CliError(str(exc)) from None
    for err in result.errors:
        say.error(str(err))
    say.info(f"consistency: {s.corpus}: {len(result.added)} added, {len(result.updated)} updated, "
          f"{len(result.unchanged)} unchanged{f', {pruned} pruned' if pruned else ''} "
          f"({result.embedded} statements embedded, {result.reused} reused); "
          f"corpus: {stats['articles']} articles, {stats['statements']} statements")
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
            quiet: Quiet = False, verbose: Verbose = False, *, flags) -> int:
        """Add articles to the corpus database (--corpus DB or `corpus` in the settings file).

        Each article is read, split into statements, its facts extracted and embedded once. Unchanged
        articles are skipped; a changed one replaces its old facts.
        """
        return run(paths or [], flags, remove=remove, prune=prune, refresh=refresh, quiet=quiet, verbose=verbose)
