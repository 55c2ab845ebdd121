"""``consistency check``: a thin layer over :func:`consistency.check` and, with
``--corpus``, :func:`consistency.corpus.check_with_corpus`.

Settings come from flags over the settings file over the defaults
(:mod:`consistency.config`). With ``--baseline FILE`` the findings recorded
in the baseline are left out of the report and of the exit code, and
stderr says how many were suppressed.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import replace
from typing import Optional, Sequence

from ..baseline import BaselineError, failing, split
from ..report.escape import printable
from ..baseline import load as load_baseline
from ..config import Resolved, is_ignored
from ..corpus import DEFAULT_NEIGHBOURS, Corpus, CorpusError, check_with_corpus
from ..model import Report
from ..pipeline import check_articles
from ..read import read_paths
from ..report import FORMATS, summary_line
from .common import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, use_color, write_output
from .config import add_settings_arguments, resolve_args

__all__ = ["register", "run", "gather", "positive_int"]


def positive_int(text: str) -> int:
    import argparse

    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an integer: {text!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {n}")
    return n


def register(sub) -> None:
    c = sub.add_parser("check", help="check a batch of articles",
                       description="Check a batch of articles (.txt, .md, .html, .jsonl; files, folders, globs) "
                                   "against each other and, with --corpus, against every article of the corpus.")
    c.set_defaults(handler=run)
    c.add_argument("paths", nargs="+", metavar="PATH")
    c.add_argument("--format", "-f", choices=sorted(FORMATS), default="text", help="report format (default: text)")
    c.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of stdout")
    c.add_argument("--exit-zero", action="store_true", help="report only: exit 0 even with findings")
    c.add_argument("--neighbours", type=positive_int, default=DEFAULT_NEIGHBOURS, metavar="K",
                   help=f"with --corpus: nearest corpus statements compared per new statement "
                        f"(default: {DEFAULT_NEIGHBOURS})")
    c.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    add_settings_arguments(c)


def gather(paths: Sequence[str], resolved: Resolved, *, neighbours: int = DEFAULT_NEIGHBOURS,
           progress=None) -> Optional[Report]:
    """Read ``paths`` (less the ignored ones) and check them, against the corpus if one is set.

    Returns None when every path is ignored. The report's settings carry ``fail_on``.
    """
    s = resolved.settings
    if progress:
        progress("reading", 0, 0)
    articles = [a for a in read_paths(paths, max_bytes=s.max_bytes)
                if not is_ignored(a.path, s.ignore, resolved.root)]
    if not articles:
        return None
    if s.corpus:
        with Corpus(s.corpus, root=resolved.root) as corpus:
            _note(corpus.repair_index())
            report = check_with_corpus(articles, corpus, s, k=neighbours, progress=progress)
    else:
        report = check_articles(articles, s, progress=progress)
    return replace(report, settings={**report.settings, "fail_on": s.fail_on})


def _note(message: Optional[str]) -> None:
    if message:
        print(f"consistency: {message}", file=sys.stderr)


def _suppress(report: Report, path: str) -> Report:
    baseline = load_baseline(path)
    kept, suppressed = split(report.findings, baseline)
    statuses = Counter(baseline.get(f.id).status for f in suppressed)
    detail = f" ({', '.join(f'{n} {s}' for s, n in sorted(statuses.items()))})" if suppressed else ""
    print(f"consistency: baseline {path} suppressed {len(suppressed)} "
          f"finding{'s' * (len(suppressed) != 1)}{detail}", file=sys.stderr)
    return replace(report, findings=tuple(kept))


def run(args) -> int:
    resolved = resolve_args(args)
    settings = resolved.settings
    baseline = resolved.extra.get("baseline")
    from .progress import terminal_progress  # draws on stderr only for a person at a terminal
    try:
        with terminal_progress() as progress:
            report = gather(args.paths, resolved, neighbours=args.neighbours, progress=progress)
        if report is None:
            print("consistency: every path given is ignored (settings: ignore); nothing to check", file=sys.stderr)
            return EXIT_OK
        if baseline:
            report = _suppress(report, baseline)
    except (CorpusError, BaselineError) as exc:
        print(f"consistency: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    for a in report.articles:
        if a.error:
            print(f"consistency: error: {printable(a.error)}", file=sys.stderr)
    if args.format == "text":
        out = FORMATS["text"](report, color=not args.output and use_color(args.color, sys.stdout))
    else:
        out = FORMATS[args.format](report)
    write_output(out, args.output, inputs=[a.path for a in report.articles])
    print(summary_line(report), file=sys.stderr)
    if all(a.error for a in report.articles):
        print("consistency: error: no article could be read", file=sys.stderr)
        return EXIT_ERROR
    if args.exit_zero:
        return EXIT_OK
    return EXIT_FINDINGS if failing(report.findings, settings.fail_on) else EXIT_OK
