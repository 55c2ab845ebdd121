"""``consistency baseline``: record findings so that the gate fails only on new ones.

``create`` records the current findings (at the fail-on level) of a check;
``update`` is the deliberate act of refreshing it (new findings added as
``new``, reviewed ones keep their status and note, findings that no longer
occur dropped), and says what changed; ``mark`` records a person's review.
"""

from __future__ import annotations

import os
from typing import Annotated, Literal, Optional

import typer

from .. import baseline as bl
from ..baseline import BaselineError
from ..corpus import DEFAULT_NEIGHBOURS, CorpusError
from ..report.escape import printable
from ..settings import SettingsError
from .check import Neighbours, Paths, StdinFormat, check_paths, gather
from .common import EXIT_OK, CliError, Messages, check_output_target, help_when_no_command, write_atomic
from .config import resolve_args
from .options import Quiet, Verbose, settings_options

__all__ = ["register", "run_create", "run_update", "run_mark"]



def _target(output, resolved) -> str:
    path = output or resolved.extra.get("baseline")
    if not path:
        raise SettingsError("no baseline file: give -o FILE or set `baseline` in the settings file")
    return path


def _findings(paths, resolved, neighbours, say, stdin_format="text"):
    check_paths(paths)
    from .progress import terminal_progress
    with terminal_progress(quiet=say.quiet) as progress:
        report = gather(paths, resolved, neighbours=neighbours, progress=progress, stdin_format=stdin_format,
                        say=say)
    if report is None:
        return []
    for a in report.articles:
        if a.error:
            say.error(printable(a.error))
    if report.articles and all(a.error for a in report.articles):
        raise SettingsError("no article could be read")
    fail_on = resolved.settings.fail_on if resolved.settings.fail_on != "never" else "contradict"
    return bl.failing(report.findings, fail_on)


def _line(sign: str, e: bl.Entry) -> str:
    return f"  {sign} {e.id}  {e.verdict} {e.kind}: {e.fact} [{e.status}]"


def run_create(paths, flags, *, output=None, force=False, neighbours=DEFAULT_NEIGHBOURS, quiet=False,
               verbose=False, stdin_format="text") -> int:
    say = Messages(quiet, verbose)
    resolved = resolve_args(flags)
    path = _target(output, resolved)
    if os.path.exists(path) and not force:
        raise CliError(f"{path} exists; use `consistency baseline update` to refresh it "
                       f"(or --force to start over, losing its reviews)")
    check_output_target(path, inputs=paths)
    try:
        baseline = bl.create(_findings(paths, resolved, neighbours, say, stdin_format))
    except CorpusError as exc:
        raise CliError(str(exc)) from None
    write_atomic(path, bl.dumps(baseline), inputs=paths)
    say.info(f"consistency: baseline {path}: {len(baseline)} finding{'s' * (len(baseline) != 1)} recorded"
             + (" (status new: review each with `consistency baseline mark`)" if len(baseline) else ""))
    for e in baseline.entries:
        say.info(_line("+", e))
    return EXIT_OK


def run_update(paths, flags, *, output=None, neighbours=DEFAULT_NEIGHBOURS, quiet=False, verbose=False,
               stdin_format="text") -> int:
    say = Messages(quiet, verbose)
    resolved = resolve_args(flags)
    path = _target(output, resolved)
    try:
        old = bl.load(path)
        new, changes = bl.update(old, _findings(paths, resolved, neighbours, say, stdin_format))
    except (BaselineError, CorpusError) as exc:
        raise CliError(str(exc)) from None
    text = bl.dumps(new)
    if text != bl.dumps(old):
        write_atomic(path, text, inputs=paths)
    say.info(f"consistency: baseline {path}: {len(changes.added)} added, {len(changes.kept)} kept, "
             f"{len(changes.dropped)} dropped")
    for e in changes.added:
        say.info(_line("+", e))
    for e in changes.dropped:
        say.info(_line("-", e))
    return EXIT_OK


def run_mark(file: str, ident: str, status: str, note: Optional[str] = None, *, quiet: bool = False) -> int:
    say = Messages(quiet)
    try:
        baseline = bl.load(file)
        baseline, entry = bl.mark(baseline, ident, status, note)
    except BaselineError as exc:
        raise CliError(str(exc)) from None
    write_atomic(file, bl.dumps(baseline))
    say.info(f"consistency: {file}: {entry.id} is now {entry.status}" + (f" ({entry.note})" if entry.note else ""))
    return EXIT_OK


BaselineOutput = Annotated[Optional[str], typer.Option(
    "--output", "-o", metavar="FILE", help="the baseline file [dim]\\[default: `baseline` of the settings file][/dim]")]


def register(app: typer.Typer) -> None:
    b = typer.Typer(name="baseline", rich_markup_mode="rich", invoke_without_command=True,
                    help="Record reviewed findings (create, update, mark): `check --baseline FILE` then fails "
                         "only on findings not in it.")
    app.add_typer(b, name="baseline")

    @b.callback()
    def _group(ctx: typer.Context) -> None:
        help_when_no_command(ctx)

    @b.command("create")
    @settings_options(baseline=False)
    def create(paths: Paths, output: BaselineOutput = None,
               force: Annotated[bool, typer.Option("--force", help="overwrite an existing baseline file")] = False,
               neighbours: Neighbours = DEFAULT_NEIGHBOURS, stdin_format: StdinFormat = "text",
               quiet: Quiet = False, verbose: Verbose = False, *, flags) -> int:
        """Record the current findings of a check (at the fail-on level) in a new baseline file, as `new`."""
        return run_create(paths, flags, output=output, force=force, neighbours=neighbours, quiet=quiet,
                          verbose=verbose, stdin_format=stdin_format)

    @b.command("update")
    @settings_options(baseline=False)
    def update(paths: Paths, output: BaselineOutput = None, neighbours: Neighbours = DEFAULT_NEIGHBOURS,
               stdin_format: StdinFormat = "text", quiet: Quiet = False, verbose: Verbose = False, *, flags) -> int:
        """Refresh a baseline: add new findings as `new`, keep reviews, drop what no longer occurs."""
        return run_update(paths, flags, output=output, neighbours=neighbours, quiet=quiet, verbose=verbose,
                          stdin_format=stdin_format)

    @b.command("mark")
    def mark(file: Annotated[str, typer.Argument(metavar="FILE", help="the baseline file")],
             ident: Annotated[str, typer.Argument(metavar="ID", help="a finding id, or a unique prefix of it")],
             status: Annotated[Literal[bl.STATUSES], typer.Option("--status",
                                                 help="the review: accepted (a known, tolerated finding), "
                                                      "false-positive, or new (not reviewed)")],
             note: Annotated[Optional[str], typer.Option("--note", help="why (kept if not given)")] = None,
             quiet: Quiet = False) -> int:
        """Record the review of one finding: set the status (and note) of one baseline entry."""
        return run_mark(file, ident, status, note, quiet=quiet)
