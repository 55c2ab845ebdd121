"""``consistency add``: ingest articles into the corpus (once; changed ones are replaced)."""

from __future__ import annotations

import sys

from ..config import is_ignored
from ..corpus import CorpusError, open_corpus
from ..read import read_paths
from ..settings import SettingsError
from .common import EXIT_ERROR, EXIT_OK
from .config import add_settings_arguments, resolve_args

__all__ = ["register", "run"]


def register(sub) -> None:
    c = sub.add_parser("add", help="add articles to the corpus",
                       description="Add articles to the corpus database (--corpus DB or `corpus` in the settings "
                                   "file): each is read, split into statements, its facts extracted and embedded "
                                   "once. Unchanged articles are skipped; a changed one replaces its old facts.")
    c.set_defaults(handler=run)
    c.add_argument("paths", nargs="*", metavar="PATH")
    c.add_argument("--remove", action="store_true",
                   help="remove the articles at these paths (files or folders) from the corpus instead")
    c.add_argument("--prune", action="store_true",
                   help="also remove stored articles whose file no longer exists (and JSONL records "
                        "no longer in their file)")
    c.add_argument("--refresh", action="store_true",
                   help="extract the facts of every stored article again (after upgrading consistency); "
                        "vectors of unchanged statements are kept")
    c.add_argument("--ray", metavar="ADDRESS",
                   help="read, extract and embed on a Ray cluster (a Ray Data pipeline) and write to the corpus "
                        "from here; `local` starts a cluster on this machine")
    c.add_argument("--ray-workers", type=int, metavar="N",
                   help="with --ray: extract-and-embed workers (default: the cluster's CPUs less one)")
    add_settings_arguments(c, baseline=False)


def run(args) -> int:
    resolved = resolve_args(args)
    s = resolved.settings
    if not s.corpus:
        raise SettingsError("no corpus: give --corpus DB or set `corpus` in the settings file")
    if not args.paths and not args.refresh:
        raise SettingsError("add: give the articles to add (files, folders, globs), or --refresh")
    if args.ray is not None:
        return _run_ray(args, resolved)
    try:
        with open_corpus(s.corpus, create=not args.remove, root=resolved.root) as corpus:
            if args.remove:
                n = corpus.remove(args.paths)
                print(f"consistency: removed {n} article{'s' * (n != 1)} from {corpus.path}", file=sys.stderr)
                return EXIT_OK
            articles = []
            if args.paths:
                articles = [a for a in read_paths(args.paths, max_bytes=s.max_bytes)
                            if not is_ignored(a.path, s.ignore, resolved.root)]
            result = corpus.refresh(s) if args.refresh else corpus.add(articles, s)
            pruned = corpus.prune(articles) if args.prune else 0
            stats = corpus.stats()
            where = corpus.path
    except CorpusError as exc:
        print(f"consistency: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    for err in result.errors:
        print(f"consistency: error: {err}", file=sys.stderr)
    print(f"consistency: {where}: {len(result.added)} added, {len(result.updated)} updated, "
          f"{len(result.unchanged)} unchanged{f', {pruned} pruned' if pruned else ''} "
          f"({result.embedded} statements embedded, {result.reused} reused); "
          f"corpus: {stats['articles']} articles, {stats['statements']} statements", file=sys.stderr)
    return EXIT_ERROR if result.errors else EXIT_OK


def _run_ray(args, resolved) -> int:
    """``add --ray ADDRESS PATH...``: the pipeline of :mod:`consistency.ingest`."""
    from ..ingest import RayError, add_with_ray, preload

    s = resolved.settings
    if args.remove or args.refresh or args.prune:
        raise SettingsError("--ray adds articles; use --remove, --refresh or --prune without it")
    if args.ray_workers is not None and args.ray_workers < 1:
        raise SettingsError(f"--ray-workers must be a positive integer, got {args.ray_workers}")
    try:
        preload()  # before the corpus loads usearch
        with open_corpus(s.corpus, create=True, root=resolved.root) as corpus:
            result = add_with_ray(corpus, args.paths, s, address=args.ray, workers=args.ray_workers,
                                  ignore=s.ignore, max_bytes=s.max_bytes)
            stats = corpus.stats()
            where = corpus.path
    except (CorpusError, RayError) as exc:
        print(f"consistency: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    for err in result.errors:
        print(f"consistency: error: {err}", file=sys.stderr)
    print(f"consistency: {where}: {len(result.added)} added, {len(result.updated)} updated, "
          f"{len(result.unchanged)} unchanged ({result.embedded} statements embedded, {result.reused} reused; "
          f"Ray {args.ray}); corpus: {stats['articles']} articles, {stats['statements']} statements",
          file=sys.stderr)
    return EXIT_ERROR if result.errors else EXIT_OK
