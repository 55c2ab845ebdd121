"""What the subcommands share: exit codes, colour, atomic output."""

from __future__ import annotations

import os
import sys
from typing import Optional

from ..output import write_text

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FAIL_ON = ("contradict", "unverifiable", "never")


def use_color(mode: str, stream) -> bool:
    if mode == "always":
        return True
    if mode == "never" or os.environ.get("NO_COLOR"):
        return False
    return hasattr(stream, "isatty") and stream.isatty()


def write_atomic(path: str, text: str, inputs=()) -> None:
    """Write ``text`` to ``path`` safely (see :mod:`consistency.output`)."""
    write_text(path, text, inputs=inputs)


def write_output(text: str, path: Optional[str], inputs=()) -> None:
    """The report to ``path`` (see :mod:`consistency.output`; never over an input) or to stdout."""
    if path:
        write_text(path, text, inputs=inputs)
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
