"""What the subcommands share: exit codes, the stderr console, messages, writing the report."""

from __future__ import annotations

import os
import sys
import tempfile
from typing import Mapping, Optional, TextIO

from rich.console import Console

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

__all__ = ["EXIT_OK", "EXIT_FINDINGS", "EXIT_ERROR", "CliError", "err_console", "use_color", "in_ci",
           "Messages", "write_atomic", "write_output", "check_output_target"]


def help_when_no_command(ctx) -> None:
    """In a group's callback: without a subcommand, the help goes to stderr and the exit code is 2."""
    import contextlib

    import typer

    if ctx.invoked_subcommand is None and not ctx.resilient_parsing:
        with contextlib.redirect_stdout(sys.stderr):  # typer prints its help on stdout
            text = ctx.get_help()
            if text:
                print(text, file=sys.stderr)
        raise typer.Exit(EXIT_ERROR)


class CliError(Exception):
    """A usage or input error found by the CLI itself (exit 2); the message names what is wrong."""


def in_ci(env: Optional[Mapping[str, str]] = None) -> bool:
    """True under CI (``CI`` set to anything but empty/0/false/no, as GitHub Actions, GitLab CI do)."""
    env = os.environ if env is None else env
    return env.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def _isatty(stream) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return False


def use_color(mode: str, stream) -> bool:
    """Colour on ``stream``: ``always``, ``never``, or ``auto`` (a terminal, and ``NO_COLOR`` not set)."""
    if mode == "always":
        return True
    if mode == "never" or os.environ.get("NO_COLOR"):
        return False
    return _isatty(stream)


def err_console(stream: Optional[TextIO] = None) -> Console:
    """A rich console on stderr (at call time): no colour when ``NO_COLOR`` is set or stderr is not a terminal."""
    stream = sys.stderr if stream is None else stream
    color = use_color("auto", stream)
    return Console(file=stream, highlight=False, soft_wrap=True, no_color=not color,
                   force_terminal=color or None, color_system="auto" if color else None)


class Messages:
    """What a subcommand says on stderr, beside the report.

    ``quiet`` drops everything but errors (and warnings, which are errors
    in the making); ``verbose`` adds :meth:`detail` lines (settings in
    force, stage timings).
    """

    def __init__(self, quiet: bool = False, verbose: bool = False, stream: Optional[TextIO] = None):
        self.quiet, self.verbose = quiet, verbose
        self.console = err_console(stream)

    def _say(self, text: str, style: Optional[str] = None) -> None:
        self.console.print(text, style=style, markup=False)

    def info(self, text: str) -> None:
        if not self.quiet:
            self._say(text)

    def detail(self, text: str) -> None:
        if self.verbose and not self.quiet:
            self._say(text, "dim")

    def gate(self, text: str) -> None:
        """Why the gate fails (exit 1), printed even with ``quiet``."""
        self._say(f"consistency: {text}", "bold")

    def warn(self, text: str) -> None:
        self._say(f"consistency: warning: {text}", "yellow")

    def error(self, text: str) -> None:
        self._say(f"consistency: error: {text}", "bold red")


def write_atomic(path: str, text: str) -> None:
    """Write ``text`` to ``path`` so that an interrupted run leaves the old file intact."""
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; a report is meant to be shared
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def check_output_target(path: Optional[str], flag: str = "--output") -> None:
    """Fail before any work when ``path`` cannot be written: its folder is missing, or it is a folder.

    Raises
    ------
    CliError
        Naming the path as given.
    """
    if not path:
        return
    folder = os.path.dirname(path) or "."
    if os.path.isdir(path):
        raise CliError(f"{flag} {path}: is a folder, not a file")
    if not os.path.isdir(folder):
        raise CliError(f"{flag} {path}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK):
        raise CliError(f"{flag} {path}: the folder {folder} is not writable")


def write_output(text: str, path: Optional[str]) -> None:
    """The report to ``path`` (atomically) or to stdout: the one place a report is written."""
    if path:
        try:
            write_atomic(path, text)
        except OSError as exc:
            raise CliError(f"{path}: cannot write the report ({exc.strerror or exc})") from None
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
