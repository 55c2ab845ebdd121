"""What the subcommands share: exit codes, colour, atomic output."""

from __future__ import annotations

import os
import sys
import tempfile
from typing import Optional

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FAIL_ON = ("contradict", "unverifiable", "never")


def use_color(mode: str, stream) -> bool:
    if mode == "always":
        return True
    if mode == "never" or os.environ.get("NO_COLOR"):
        return False
    return hasattr(stream, "isatty") and stream.isatty()


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


def write_output(text: str, path: Optional[str]) -> None:
    """The report to ``path`` (atomically) or to stdout."""
    if path:
        write_atomic(path, text)
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
