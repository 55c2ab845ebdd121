"""Write a report or a baseline to a file without ever destroying what is there by mistake.

What ``-o PATH`` does, by what ``PATH`` is:

- one of the articles read in this run: refused (:class:`OutputError`), nothing is written;
- a folder: refused;
- a regular file, or nothing yet: written atomically (a temporary file in
  the same folder, flushed to disk, then :func:`os.replace`), so an
  interrupted run (Ctrl-C, a full disk, ``kill``) leaves the old file whole;
  the old file's permission bits are kept;
- a symlink: followed; its target is written as above and the link stays a link;
- a device or a FIFO (``/dev/null``, ``/dev/stdout`` on a pipe, a named
  pipe): written directly, never replaced by a regular file.

The core never prints: this module only writes where it is told and raises
:class:`OutputError` with a message naming the file.
"""

from __future__ import annotations

import os
import stat
import tempfile
from typing import Iterable

__all__ = ["OutputError", "write_text", "same_file_as_input"]


class OutputError(Exception):
    """The output cannot or must not be written; the message names the file and why."""


def _input_files(inputs: Iterable[str]) -> list[str]:
    """The files behind article paths (a JSONL record's path is ``file.jsonl:LINE``)."""
    out = []
    for p in inputs:
        p = str(p)
        if os.path.lexists(p):
            out.append(p)
        elif ":" in p and os.path.lexists(p.rsplit(":", 1)[0]):
            out.append(p.rsplit(":", 1)[0])
    return out


def same_file_as_input(path: str, inputs: Iterable[str]) -> str | None:
    """The input that ``path`` would overwrite (the same file, also through links), or None."""
    try:
        target = os.stat(path)
    except OSError:
        return None
    if not stat.S_ISREG(target.st_mode):
        return None  # /dev/null as input and output harms nothing
    for p in _input_files(inputs):
        try:
            st = os.stat(p)
        except OSError:
            continue
        if (st.st_dev, st.st_ino) == (target.st_dev, target.st_ino):
            return p
    return None


def _mode_for_new() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _atomic(target: str, text: str, mode: int) -> None:
    folder = os.path.dirname(os.path.abspath(target))
    fd, tmp = tempfile.mkstemp(prefix=f".tmp-{os.path.basename(target)}-", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)  # mkstemp makes 0600; a report is meant to be shared
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_text(path: str, text: str, *, inputs: Iterable[str] = ()) -> None:
    """Write ``text`` (UTF-8) to ``path`` as the module docstring describes.

    Parameters
    ----------
    path : str
        The output file named by the user.
    text : str
    inputs : iterable of str
        Paths of the articles read in this run: an output that is one of
        them is refused.

    Raises
    ------
    OutputError
        The output is an input or a folder, or cannot be written (the
        message names the file and the reason).
    """
    clash = same_file_as_input(path, inputs)
    if clash is not None:
        raise OutputError(f"{path}: refusing to write the report over the input {clash}; "
                          f"choose another output file")
    try:
        try:
            st = os.stat(path)
        except FileNotFoundError:
            st = None
        if st is not None and stat.S_ISDIR(st.st_mode):
            raise OutputError(f"{path}: is a folder; give a file name")
        if st is not None and not stat.S_ISREG(st.st_mode):
            # a device or a FIFO: write into it, never replace it
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(text)
            return
        # a regular file, a symlink to one (or a dangling one), or nothing yet
        target = os.path.realpath(path) if os.path.islink(path) else path
        mode = stat.S_IMODE(st.st_mode) if st is not None else _mode_for_new()
        _atomic(target, text, mode)
    except OutputError:
        raise
    except OSError as exc:
        raise OutputError(f"{path}: cannot write the output ({exc.strerror or exc})") from None
