"""``consistency check``: a thin layer over :func:`consistency.check`."""

from __future__ import annotations

import sys
from datetime import date
from typing import Sequence

from ..pipeline import check
from ..report import FORMATS, summary_line
from ..settings import Settings, SettingsError
from .common import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, FAIL_ON, use_color, write_output

__all__ = ["register", "run"]


def _published(values: Sequence[str]) -> tuple:
    out = []
    for v in values or ():
        if "=" not in v:
            raise SettingsError(f"--published takes FILE=DATE, got {v!r}")
        path, day = v.rsplit("=", 1)
        try:
            date.fromisoformat(day)
        except ValueError:
            raise SettingsError(f"--published: {day!r} is not an ISO date (YYYY-MM-DD)") from None
        out.append((path, day))
    return tuple(out)


def register(sub) -> None:
    c = sub.add_parser("check", help="check a batch of articles",
                       description="Check a batch of articles (.txt, .md, .html, .jsonl; files, folders, globs).")
    c.set_defaults(handler=run)
    c.add_argument("paths", nargs="+", metavar="PATH")
    c.add_argument("--format", "-f", choices=sorted(FORMATS), default="text", help="report format (default: text)")
    c.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of stdout")
    c.add_argument("--fail-on", choices=FAIL_ON, default="contradict",
                   help="exit 1 when a finding of this verdict is found (default: contradict)")
    c.add_argument("--exit-zero", action="store_true", help="report only: exit 0 even with findings")
    c.add_argument("--model", "-m", help="embedding model: use-multilingual (default), minilm, tfidf, "
                                           "a sentence-transformers name or a local path")
    c.add_argument("--value-threshold", type=float, default=Settings.value_threshold)
    c.add_argument("--statement-threshold", type=float, default=Settings.statement_threshold)
    c.add_argument("--phrase-threshold", type=float, default=Settings.phrase_threshold)
    c.add_argument("--tolerance", type=float, default=Settings.tolerance,
                   help="relative band of 'about'/'rund'/'nearly' (default: 0.1)")
    c.add_argument("--exact-tolerance", type=float, default=Settings.exact_tolerance)
    c.add_argument("--published", action="append", metavar="FILE=DATE",
                   help="publication date of an article, to resolve 'gestern' or 'last week' (repeatable)")
    c.add_argument("--cache-dir", help="embedding cache folder (default: ~/.cache/consistency)")
    c.add_argument("--no-cache", action="store_true", help="do not read or write the embedding cache")
    c.add_argument("--max-bytes", type=int, default=Settings.max_bytes, help="largest file read (bytes)")
    c.add_argument("--color", choices=("auto", "always", "never"), default="auto")


def run(args) -> int:
    settings = Settings(
        model=args.model, value_threshold=args.value_threshold,
        statement_threshold=args.statement_threshold, phrase_threshold=args.phrase_threshold,
        tolerance=args.tolerance, exact_tolerance=args.exact_tolerance,
        cache_dir="" if args.no_cache else args.cache_dir, max_bytes=args.max_bytes,
        published=_published(args.published),
    )
    report = check(args.paths, settings)
    for a in report.articles:
        if a.error:
            print(f"consistency: error: {a.error}", file=sys.stderr)
    if args.format == "text":
        out = FORMATS["text"](report, color=not args.output and use_color(args.color, sys.stdout))
    else:
        out = FORMATS[args.format](report)
    write_output(out, args.output)
    print(summary_line(report), file=sys.stderr)
    if all(a.error for a in report.articles):
        print("consistency: error: no article could be read", file=sys.stderr)
        return EXIT_ERROR
    if args.exit_zero or args.fail_on == "never":
        return EXIT_OK
    levels = ("contradict",) if args.fail_on == "contradict" else ("contradict", "unverifiable")
    return EXIT_FINDINGS if any(f.verdict in levels for f in report.findings) else EXIT_OK
