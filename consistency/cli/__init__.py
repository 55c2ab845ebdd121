"""The command line: one typer app, thin layers over the Python API, one module per subcommand.

The CLI owns the exit codes: 0 clean, 1 findings at the fail-on level,
2 usage or input error (nothing could be checked, a missing path, a bad
setting, a model that cannot be loaded). To add a subcommand, write a
module with ``register(app)`` that adds its command(s) to the app, and
list it in ``COMMANDS``; to add an option, add a parameter to the
subcommand's function (see :mod:`consistency.cli.options`).
"""

from __future__ import annotations

import importlib
import sys
from typing import Annotated, Optional, Sequence

import typer
from typer._click import exceptions as click_exc  # typer vendors click (since 0.26): its exceptions

from .. import __version__
from ..embed import ModelLoadError
from ..output import OutputError
from ..report.escape import printable
from ..settings import SettingsError
from .common import EXIT_ERROR, CliError, err_console, help_when_no_command
from .options import EXIT_CODES_HELP

__all__ = ["main", "entry", "app", "COMMANDS"]

#: Exit code after Ctrl-C (128 + SIGINT, as shells report it).
INTERRUPTED = 130

#: Subcommand modules, in the order ``--help`` lists them.
COMMANDS = ["check", "add", "baseline", "config", "eval"]

app = typer.Typer(
    name="consistency",
    help="Check which facts news articles agree on and where they contradict each other.",
    epilog=EXIT_CODES_HELP,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"consistency {__version__}")
        raise typer.Exit(0)


@app.callback(invoke_without_command=True)
def _root(ctx: typer.Context, version: Annotated[Optional[bool], typer.Option(
        "--version", "-V", callback=_version, is_eager=True, help="print the version and exit")] = None) -> None:
    """Check which facts news articles agree on and where they contradict each other."""
    help_when_no_command(ctx)


for _name in COMMANDS:
    importlib.import_module(f"{__name__}.{_name}").register(app)


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Run the command line on ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    command = typer.main.get_command(app)
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        code = command.main(args=args, prog_name="consistency", standalone_mode=False)
    except click_exc.ClickException as exc:  # usage errors: bad option, bad value, missing argument
        from typer import rich_utils
        rich_utils.rich_format_error(exc)
        return exc.exit_code if isinstance(exc, click_exc.UsageError) else EXIT_ERROR
    except typer.Exit as exc:
        code = exc.exit_code
    except (SettingsError, ModelLoadError, CliError, OutputError) as exc:
        err_console().print(f"consistency: error: {printable(str(exc))}", markup=False, highlight=False)
        return EXIT_ERROR
    except OSError as exc:
        err_console().print(f"consistency: error: {printable(str(exc.filename or ''))}: "
                            f"{printable(str(exc.strerror or exc))}",
                            markup=False, highlight=False)
        return EXIT_ERROR
    except (KeyboardInterrupt, typer.Abort):
        code = INTERRUPTED
    if code == INTERRUPTED:  # typer turns Ctrl-C inside a command into Exit(130), returned here
        err_console().print("consistency: interrupted", markup=False, highlight=False)
    return code if isinstance(code, int) else 0


def entry() -> None:  # console script
    sys.exit(main())
