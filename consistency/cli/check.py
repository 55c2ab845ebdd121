"""``consistency check``: a thin layer over :func:`consistency.check` and, with
``--corpus``, :func:`consistency.corpus.check_with_corpus`.

Settings come from flags over the settings file over the defaults
(:mod:`consistency.config`). With ``--baseline FILE`` the findings recorded
in the baseline are left out of the report and of the exit code, and
stderr says how many were suppressed.
"""

from __future__ import annotations

import glob
import os
import sys
import time
from collections import Counter
from dataclasses import replace
from typing import Annotated, List, Literal, Optional, Sequence

import typer

from ..baseline import BaselineError, failing, split
from ..baseline import load as load_baseline
from ..config import Resolved, is_ignored
from ..corpus import DEFAULT_NEIGHBOURS, CorpusError, check_with_corpus, open_corpus
from ..model import Article, Report
from ..pipeline import check_articles
from ..read import article_from_text, decode_bytes, read_paths
from ..read.files import _read_jsonl  # one JSONL document from stdin, read as a .jsonl file is
from ..report import FORMATS, summary_line
from ..report.escape import printable
from .common import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, CliError, Messages, check_output_target, use_color, \
    write_output
from .config import resolve_args, settings_lines
from .options import EXIT_CODES_HELP, Output, Quiet, Verbose, settings_options

__all__ = ["register", "run", "gather", "check_paths", "STDIN", "Paths", "Neighbours", "StdinFormat"]

#: The path that names standard input.
STDIN = "-"
STDIN_NAME = "<stdin>"

Paths = Annotated[List[str], typer.Argument(
    metavar="PATH", show_default=False,
    help="articles: files (.txt .md .html .htm .jsonl), folders (recursive), globs; - reads one from stdin")]
Neighbours = Annotated[int, typer.Option(
    "--neighbours", metavar="K", min=1,
    help="with --corpus: nearest corpus statements compared per new statement")]
StdinFormat = Annotated[Literal["text", "jsonl"], typer.Option(
    "--stdin-format",
    help="what - reads: one article as text, or JSONL records")]


def check_paths(paths: Sequence[str]) -> None:
    """Every path named on the command line must exist (a glob must match): a typo must not pass a gate.

    Raises
    ------
    CliError
        Naming every missing path.
    """
    missing = []
    for p in paths:
        if p == STDIN or os.path.lexists(p):  # a dangling link or a loop exists: read names its problem
            continue
        if glob.has_magic(p) and any(os.path.isfile(m) for m in glob.glob(p, recursive=True)):
            continue
        missing.append(p)
    if missing:
        what = "no file matches" if all(glob.has_magic(p) for p in missing) else "no such file or folder"
        raise CliError(f"{', '.join(missing)}: {what}" if len(missing) == 1
                       else "these paths do not exist: " + ", ".join(missing))
    if sum(p == STDIN for p in paths) > 1:
        raise CliError("- (standard input) can be given once")


def _read_stdin(fmt: str) -> list[Article]:
    data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode("utf-8")
    if not data.strip():
        return [Article(path=STDIN_NAME, id="stdin", text="", error=f"{STDIN_NAME}: empty input")]
    text, _ = decode_bytes(data)
    if fmt == "jsonl":
        return _read_jsonl(STDIN_NAME, text) or [Article(path=STDIN_NAME, id="stdin", text="",
                                                          error=f"{STDIN_NAME}: no records")]
    art = article_from_text(STDIN_NAME, text)
    return [replace(art, id="stdin", error=f"{STDIN_NAME}: {art.error}") if art.error else replace(art, id="stdin")]


def read_inputs(paths: Sequence[str], resolved: Resolved, *, stdin_format: str = "text",
                say: Optional[Messages] = None) -> list[Article]:
    """The articles named by ``paths`` (and stdin for ``-``), less the ignored ones; warns about
    ``--ignore`` patterns and ``--published`` entries that match no input."""
    s = resolved.settings
    files = [p for p in paths if p != STDIN]
    articles = read_paths(files, max_bytes=s.max_bytes) if files else []
    if STDIN in paths:
        articles += _read_stdin(stdin_format)
    kept = []
    used: set[str] = set()
    for a in articles:
        hit = is_ignored(a.path, s.ignore, resolved.root, matched=used)
        if not hit:
            kept.append(a)
    if say is not None:
        for pat in s.ignore:
            if pat not in used and resolved.sources.get("ignore", "").startswith("flag"):
                say.warn(f"--ignore {pat}: matches no input")
        known = {os.path.normpath(a.path) for a in articles} | {os.path.normpath(_file_of(a.path)) for a in articles}
        rel = {os.path.normpath(os.path.relpath(os.path.abspath(_file_of(a.path)), resolved.root)) for a in articles}
        from_flags = resolved.sources.get("published", "").startswith("flag")
        for path, _day in (s.published or ()) if from_flags else ():
            if os.path.normpath(path) not in known | rel:
                say.warn(f"--published {path}: matches no input")
    return kept


def _file_of(path: str) -> str:
    head, sep, tail = path.rpartition(":")
    return head if sep and tail.isdigit() and head.lower().endswith(".jsonl") else path


def gather(paths: Sequence[str], resolved: Resolved, *, neighbours: int = DEFAULT_NEIGHBOURS,
           progress=None, stdin_format: str = "text", say: Optional[Messages] = None) -> Optional[Report]:
    """Read ``paths`` (less the ignored ones) and check them, against the corpus if one is set.

    Returns None when every path is ignored. The report's settings carry ``fail_on``.
    """
    s = resolved.settings
    if progress:
        progress("reading", 0, 0)
    articles = read_inputs(paths, resolved, stdin_format=stdin_format, say=say)
    if not articles:
        return None
    if s.corpus:
        with open_corpus(s.corpus, root=resolved.root) as corpus:
            _note(corpus.repair_index(), say)
            report = check_with_corpus(articles, corpus, s, k=neighbours, progress=progress)
    else:
        report = check_articles(articles, s, progress=progress)
    return replace(report, settings={**report.settings, "fail_on": s.fail_on})


def _note(message: Optional[str], say: Optional[Messages]) -> None:
    """A corpus repair's message (index rebuilt, stale temporary files removed), on stderr."""
    if message:
        (say or Messages()).info(f"consistency: {printable(message)}")


def _suppress(report: Report, path: str, say: Messages) -> Report:
    baseline = load_baseline(path)
    kept, suppressed = split(report.findings, baseline)
    statuses = Counter(baseline.get(f.id).status for f in suppressed)
    detail = f" ({', '.join(f'{n} {s}' for s, n in sorted(statuses.items()))})" if suppressed else ""
    say.info(f"consistency: baseline {path} suppressed {len(suppressed)} "
             f"finding{'s' * (len(suppressed) != 1)}{detail}")
    return replace(report, findings=tuple(kept))


def unreviewed(report_findings, baseline_path: str, fail_on: str) -> list:
    """Findings at the fail-on level whose baseline entry is still ``new`` (nobody has reviewed them)."""
    baseline = load_baseline(baseline_path)
    ids = {e.id for e in baseline.entries if e.status == "new"}
    return [f for f in failing(report_findings, fail_on) if f.id in ids]


def run(paths: Sequence[str], flags, *, fmt: str = "text", output: Optional[str] = None, exit_zero: bool = False,
        neighbours: int = DEFAULT_NEIGHBOURS, color: str = "auto", quiet: bool = False, verbose: bool = False,
        stdin_format: str = "text", fail_on_unreviewed: bool = False) -> int:
    say = Messages(quiet, verbose)
    resolved = resolve_args(flags)
    settings = resolved.settings
    baseline = resolved.extra.get("baseline")
    check_paths(paths)
    check_output_target(output, inputs=paths)
    if fail_on_unreviewed and not baseline:
        raise CliError("--fail-on-unreviewed needs a baseline (--baseline FILE or `baseline` in the settings file)")
    for line in settings_lines(resolved):
        say.detail(line)
    from .progress import terminal_progress  # draws on stderr only for a person at a terminal
    started = time.monotonic()
    try:
        with terminal_progress(quiet=quiet) as progress:
            report = gather(paths, resolved, neighbours=neighbours, progress=progress, stdin_format=stdin_format,
                            say=say)
        if report is None:
            say.info("consistency: every path given is ignored (settings: ignore); nothing to check")
            return EXIT_OK
        full = report
        if baseline:
            report = _suppress(report, baseline, say)
    except (CorpusError, BaselineError) as exc:
        raise CliError(str(exc)) from None
    for stage, seconds in progress.timings.items():
        say.detail(f"  {stage:<10} {seconds:6.2f} s")
    say.detail(f"  {'total':<10} {time.monotonic() - started:6.2f} s")
    for a in report.articles:
        if a.error:
            say.error(printable(a.error))
    summary_in_report = fmt == "text" and not output
    if fmt == "text":
        out = FORMATS["text"](report, color=not output and use_color(color, sys.stdout),
                              summary=summary_in_report and not quiet)
    else:
        out = FORMATS[fmt](report)
    write_output(out, output, inputs=[a.path for a in report.articles])
    if not summary_in_report:
        say.info(summary_line(report))
    if all(a.error for a in report.articles):
        say.error("no article could be read")
        return EXIT_ERROR
    if exit_zero:
        return EXIT_OK
    if failing(report.findings, settings.fail_on):
        return EXIT_FINDINGS
    if fail_on_unreviewed:
        pending = unreviewed(full.findings, baseline, settings.fail_on if settings.fail_on != "never" else "contradict")
        if pending:
            say.gate(f"{len(pending)} finding{'s' * (len(pending) != 1)} recorded in {baseline} "
                     f"{'is' if len(pending) == 1 else 'are'} not reviewed yet (status new): "
                     + ", ".join(f.id for f in pending)
                     + f"; review with `consistency baseline mark {baseline} ID --status accepted` "
                       f"(or false-positive)")
            return EXIT_FINDINGS
    return EXIT_OK


def register(app: typer.Typer) -> None:
    @app.command("check", epilog=EXIT_CODES_HELP)
    @settings_options()
    def check(paths: Paths,
              fmt: Annotated[Literal[tuple(sorted(FORMATS))], typer.Option("--format", "-f",
                                               help="report format")] = "text",
              output: Output = None,
              exit_zero: Annotated[bool, typer.Option("--exit-zero", help="report only: exit 0 even with findings")
                                   ] = False,
              fail_on_unreviewed: Annotated[bool, typer.Option(
                  "--fail-on-unreviewed",
                  help="with --baseline: also exit 1 while a recorded finding is still `new` (not reviewed)")] = False,
              neighbours: Neighbours = DEFAULT_NEIGHBOURS,
              color: Annotated[Literal["auto", "always", "never"], typer.Option("--color",
                                                 help="colour the text report (auto: on a terminal, "
                                                      "unless NO_COLOR is set)")] = "auto",
              stdin_format: StdinFormat = "text",
              quiet: Quiet = False, verbose: Verbose = False, *, flags) -> int:
        """Check a batch of articles against each other and, with --corpus, against every article of the corpus."""
        return run(paths, flags, fmt=fmt, output=output, exit_zero=exit_zero, neighbours=neighbours, color=color,
                   quiet=quiet, verbose=verbose, stdin_format=stdin_format, fail_on_unreviewed=fail_on_unreviewed)
