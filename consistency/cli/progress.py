"""Progress of a long run, on stderr, for a person at a terminal.

The pipeline reports ``progress(stage, done, total)`` (see
:func:`consistency.check`); :class:`Progress` draws that as one line that
updates in place (carriage return, erase to end of line) and erases it
when the run ends, so the summary that follows stands alone.

It stays quiet unless stderr is a terminal: nothing is written when the
output is piped or redirected, nor in CI (``CI`` set, as GitHub Actions,
GitLab CI and most others do), where a carriage-return line only clutters
logs. ``force=True`` draws it anyway (tests).
"""

from __future__ import annotations

import os
import sys
import time
from typing import Callable, Mapping, Optional, TextIO

__all__ = ["Progress", "terminal_progress", "wanted"]

#: How a stage reads on the progress line.
LABELS = {"reading": "reading", "segmenting": "extracting", "embedding": "embedding", "aligning": "aligning",
          "judging": "judging"}
#: What a stage's ``total`` counts.
NOUNS = {"segmenting": "articles", "embedding": "statements", "aligning": "statements", "judging": "facts"}
_ERASE = "\r\x1b[K"


def wanted(stream: Optional[TextIO] = None, env: Optional[Mapping[str, str]] = None) -> bool:
    """True when progress should be drawn on ``stream`` (default stderr): a terminal, not CI."""
    stream = sys.stderr if stream is None else stream
    env = os.environ if env is None else env
    if env.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
        return False
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return False


class Progress:
    """A callable ``(stage, done, total) -> None`` that draws one updating line.

    Parameters
    ----------
    stream : text stream, optional
        Where to draw (default: ``sys.stderr`` at call time).
    force : bool, optional
        ``True`` draws even when :func:`wanted` says no, ``False`` never draws;
        ``None`` (default) asks :func:`wanted`.
    interval : float
        Smallest time in seconds between two redraws of the same stage.
    width : int
        Width of the bar in characters.
    clock : callable
        Monotonic clock in seconds (replaceable in tests).
    """

    def __init__(self, stream: Optional[TextIO] = None, *, force: Optional[bool] = None, interval: float = 0.1,
                 width: int = 24, clock: Callable[[], float] = time.monotonic):
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = wanted(self.stream) if force is None else bool(force)
        self.interval = interval
        self.width = width
        self.clock = clock
        self._start = clock()
        self._last = float("-inf")
        self._stage: Optional[str] = None
        self._drawn = False

    def line(self, stage: str, done: int, total: int) -> str:
        """The text of the progress line (without control characters)."""
        label = LABELS.get(stage, stage)
        elapsed = f"{self.clock() - self._start:5.1f}s"
        if total <= 0 or done <= 0:  # no count yet (or a stage that never ticks): no bar stuck at 0%
            count = f"{total} {NOUNS.get(stage, 'items')} " if total > 0 else ""
            return f"{label:<10} {count}…  {elapsed}"
        done = max(0, min(done, total))
        filled = round(self.width * done / total)
        bar = "█" * filled + "░" * (self.width - filled)
        return f"{label:<10} {bar} {done}/{total} {100 * done // total:3d}%  {elapsed}"

    def __call__(self, stage: str, done: int, total: int) -> None:
        if not self.enabled:
            return
        if stage == "done":
            self.clear()
            return
        now = self.clock()
        if stage == self._stage and done < total and now - self._last < self.interval:
            return  # throttled: a redraw per tick would cost more than the work on fast stages
        self._stage, self._last = stage, now
        self._write(_ERASE + self.line(stage, done, total))
        self._drawn = True

    def clear(self) -> None:
        """Erase the progress line, if one is drawn."""
        if self.enabled and self._drawn:
            self._write(_ERASE)
            self._drawn = False

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):  # a closed terminal must not fail the run
            self.enabled = False

    def __enter__(self) -> "Progress":
        return self

    def __exit__(self, *exc) -> None:
        self.clear()


def terminal_progress(stream: Optional[TextIO] = None) -> Progress:
    """A :class:`Progress` on stderr that draws only for a person at a terminal."""
    return Progress(stream)
