"""``consistency add``: ingest articles into the corpus (once; changed ones are replaced)."""

from __future__ import annotations

import sys

from ..config import is_ignored
from ..report.escape import printable
from ..corpus import Corpus, CorpusError
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
    add_settings_arguments(c, baseline=False)


def run(args) -> int:
    resolved = resolve_args(args)
    s = resolved.settings
    if not s.corpus:
        raise SettingsError("no corpus: give --corpus DB or set `corpus` in the settings file")
    if not args.paths and not args.refresh:
        raise SettingsError("add: give the articles to add (files, folders, globs), or --refresh")
    try:
        with Corpus(s.corpus, create=not args.remove, root=resolved.root) as corpus:
            if args.remove:
                n = corpus.remove(args.paths)
                print(f"consistency: removed {n} article{'s' * (n != 1)} from {s.corpus}", file=sys.stderr)
                return EXIT_OK
            articles = []
            if args.paths:
                articles = [a for a in read_paths(args.paths, max_bytes=s.max_bytes)
                            if not is_ignored(a.path, s.ignore, resolved.root)]
            result = corpus.refresh(s) if args.refresh else corpus.add(articles, s)
            pruned = corpus.prune(articles) if args.prune else 0
            if note := corpus.repair_index():
                print(f"consistency: {note}", file=sys.stderr)
            stats = corpus.stats()
    except CorpusError as exc:
        print(f"consistency: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    for err in result.errors:
        print(f"consistency: error: {printable(err)}", file=sys.stderr)
    print(f"consistency: {s.corpus}: {len(result.added)} added, {len(result.updated)} updated, "
          f"{len(result.unchanged)} unchanged{f', {pruned} pruned' if pruned else ''} "
          f"({result.embedded} statements embedded, {result.reused} reused); "
          f"corpus: {stats['articles']} articles, {stats['statements']} statements", file=sys.stderr)
    return EXIT_ERROR if result.errors else EXIT_OK
