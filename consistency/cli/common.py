"""What the subcommands share: exit codes, the stderr console, messages, writing the report."""

from __future__ import annotations

import os
import sys
import stat
from typing import Iterable, Mapping, Optional, TextIO

from rich.console import Console

from ..output import same_file_as_input, write_text

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


def write_atomic(path: str, text: str, inputs=()) -> None:
    """Write ``text`` to ``path`` safely (see :mod:`consistency.output`)."""
    write_text(path, text, inputs=inputs)


def check_output_target(path: Optional[str], flag: str = "--output", inputs: Iterable[str] = ()) -> None:
    """Fail before any work when ``path`` cannot or must not be written.

    A folder, a missing or read-only folder (of the link's target, for a
    symlink), or one of ``inputs`` (the paths given on the command line) is
    refused; a device or FIFO (``/dev/null``) is fine, it is written into
    directly (:mod:`consistency.output`). The final write checks again, against
    every article read.

    Raises
    ------
    CliError
        Naming the path as given.
    """
    if not path:
        return
    try:
        st = os.stat(path)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise CliError(f"{flag} {path}: {exc.strerror or exc}") from None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise CliError(f"{flag} {path}: is a folder, not a file")
    inputs = [p for p in inputs if p != "-"]
    clash = same_file_as_input(path, inputs) or _in_input_folder(path, st, inputs)
    if clash is not None:
        raise CliError(f"{flag} {path}: refusing to write the report over the input {clash}; "
                       f"choose another output file")
    if st is not None and not stat.S_ISREG(st.st_mode):
        return  # a device or a FIFO: written into, its folder does not matter
    if os.path.islink(path):
        folder = os.path.dirname(os.path.realpath(path))
    else:
        folder = os.path.dirname(path) or "."
    if not os.path.isdir(folder):
        raise CliError(f"{flag} {path}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK):
        raise CliError(f"{flag} {path}: the folder {folder} is not writable")


def _in_input_folder(path: str, st, inputs: Iterable[str]) -> Optional[str]:
    """The article ``path`` is, when it is an existing article file inside a folder given as input
    (it will be read, and the report must not replace it); else None."""
    from ..read import SUFFIXES

    if st is None or not stat.S_ISREG(st.st_mode) or not path.lower().endswith(SUFFIXES):
        return None
    real = os.path.realpath(path)
    for folder in inputs:
        if os.path.isdir(folder) and os.path.commonpath([real, os.path.realpath(folder)]) == os.path.realpath(folder):
            return path
    return None


def write_output(text: str, path: Optional[str], inputs: Iterable[str] = ()) -> None:
    """The report to ``path`` or to stdout: the one place a report is written.

    To a file through :func:`consistency.output.write_text`: never over one of
    ``inputs`` (the articles read), atomically over a regular file, through a
    symlink to its target, directly into a device or FIFO; an
    :class:`~consistency.output.OutputError` names the file (exit 2).
    """
    if path:
        write_atomic(path, text, inputs=inputs)
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
