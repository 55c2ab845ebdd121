"""Progress of a long run, on stderr, for a person at a terminal (rich's progress bar).

The pipeline reports ``progress(stage, done, total)`` (see
:func:`consistency.check`); :class:`StageProgress` shows that as one rich
progress bar per stage, erased when the run ends (``transient``), so the
summary that follows stands alone.

It stays quiet unless stderr is a terminal: nothing is drawn when the
output is piped or redirected, nor in CI (``CI`` set, as GitHub Actions,
GitLab CI and most others do), nor with ``--quiet``. With ``--verbose``
each stage's time is kept (:attr:`StageProgress.timings`) for the summary.
"""

from __future__ import annotations

import sys
import time
from typing import Callable, Mapping, Optional, TextIO

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskProgressColumn, TextColumn, \
    TimeElapsedColumn

from .common import _isatty, in_ci

__all__ = ["StageProgress", "terminal_progress", "wanted", "LABELS"]

#: How a stage reads on the progress line.
LABELS = {"reading": "reading", "segmenting": "extracting", "embedding": "embedding", "aligning": "aligning",
          "judging": "judging"}


def wanted(stream: Optional[TextIO] = None, env: Optional[Mapping[str, str]] = None) -> bool:
    """True when progress should be drawn on ``stream`` (default stderr): a terminal, not CI."""
    stream = sys.stderr if stream is None else stream
    return not in_ci(env) and _isatty(stream)


class StageProgress:
    """A callable ``(stage, done, total) -> None`` drawing rich progress bars, and timing the stages.

    Parameters
    ----------
    console : rich Console, optional
        Where to draw (default: a console on ``sys.stderr``).
    enabled : bool
        Draw at all (timings are kept either way).
    clock : callable
        Monotonic clock in seconds (replaceable in tests).
    """

    def __init__(self, console: Optional[Console] = None, *, enabled: bool = True,
                 clock: Callable[[], float] = time.monotonic):
        self.enabled = enabled
        self.clock = clock
        self.timings: dict[str, float] = {}
        self._stage: Optional[str] = None
        self._since = clock()
        self._task = None
        self._bar = Progress(TextColumn("{task.description:<10}"), BarColumn(), MofNCompleteColumn(),
                             TaskProgressColumn(), TimeElapsedColumn(),
                             console=console or Console(file=sys.stderr), transient=True,
                             disable=not enabled) if enabled else None

    def _close_stage(self) -> None:
        if self._stage is not None:
            self.timings[self._stage] = self.timings.get(self._stage, 0.0) + self.clock() - self._since
        self._stage = None

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage == "done":
            self._close_stage()
            self.stop()
            return
        if stage != self._stage:
            self._close_stage()
            self._stage, self._since = stage, self.clock()
            if self._bar is not None:
                if self._task is not None:
                    self._bar.remove_task(self._task)
                self._task = self._bar.add_task(LABELS.get(stage, stage), total=total or None)
        if self._bar is not None and self._task is not None:
            self._bar.update(self._task, completed=max(0, min(done, total)) if total else 0, total=total or None)

    def refresh(self) -> None:
        """Redraw now (rich redraws on its own a few times a second)."""
        if self._bar is not None:
            self._bar.refresh()

    def live_started(self) -> bool:
        return self._bar is not None and self._bar.live.is_started

    def start(self) -> None:
        if self._bar is not None:
            self._bar.start()

    def stop(self) -> None:
        """Erase the bars (the summary that follows stands alone)."""
        if self._bar is not None:
            self._bar.stop()

    def __enter__(self) -> "StageProgress":
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self._close_stage()
        self.stop()


def terminal_progress(stream: Optional[TextIO] = None, *, quiet: bool = False) -> StageProgress:
    """A :class:`StageProgress` on stderr that draws only for a person at a terminal (and not with ``quiet``)."""
    stream = sys.stderr if stream is None else stream
    enabled = not quiet and wanted(stream)
    console = Console(file=stream, force_terminal=True) if enabled else None
    return StageProgress(console, enabled=enabled)
