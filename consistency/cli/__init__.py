"""The command line: thin layers over the Python API, one module per subcommand.

The CLI owns the exit codes: 0 clean, 1 findings at the fail-on level,
2 usage or input error (nothing could be checked, a bad setting, a model
that cannot be loaded). To add a subcommand, write a module with
``register(subparsers)`` that sets ``handler`` and list it in ``COMMANDS``.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import Optional, Sequence

from .. import __version__
from ..report.escape import printable
from ..embed import ModelLoadError
from ..output import OutputError
from ..settings import SettingsError
from .common import EXIT_ERROR

__all__ = ["main", "build_parser", "COMMANDS"]

#: Subcommand modules, in the order ``--help`` lists them.
COMMANDS = ["check", "add", "baseline", "config", "eval"]


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="consistency",
        description="Check which facts news articles agree on and where they contradict each other.")
    p.add_argument("--version", action="version", version=f"consistency {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"{__name__}.{name}").register(sub)
    return p


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    try:
        return handler(args)
    except (SettingsError, ModelLoadError, OutputError) as exc:
        print(f"consistency: error: {printable(exc)}", file=sys.stderr)
        return EXIT_ERROR
    except OSError as exc:
        print(f"consistency: error: {exc.filename or ''}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("consistency: interrupted", file=sys.stderr)
        return 130


def entry() -> None:  # console script
    sys.exit(main())
