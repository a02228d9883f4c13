"""Progress of long commands (``code``, ``ingest``) on stderr. CLI only: library code reports progress
through callbacks or by yielding, and this module shows it.

On a terminal: a rich bar with done/total and the time left. Otherwise (a log, a pipe, CI): a plain
line every few seconds, such as ``coded 120/2480 documents, 00:41 left``, and one when done.
Nothing is shown with ``--quiet`` or when there is at most one document.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from types import TracebackType
from typing import Annotated, Any, TextIO

import typer

PLAIN_EVERY_S = 5.0

QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress on stderr.")]


def clock_text(seconds: float) -> str:
    """``41`` -> ``00:41``; ``3725`` -> ``1:02:05``."""
    whole = max(0, round(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


class ProgressDisplay:
    """``with ProgressDisplay("coded", total) as shown: shown.update(done)``; ``total`` may be None
    (unknown) and may be given later with :meth:`update`."""

    def __init__(
        self,
        verb: str,
        total: int | None,
        *,
        quiet: bool = False,
        stream: TextIO | None = None,
        every: float = PLAIN_EVERY_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.verb, self.total, self.quiet, self.every, self.clock = verb, total, quiet, every, clock
        self.stream = stream if stream is not None else sys.stderr
        self.done = 0
        self._started = self._last_line = clock()
        self._bar: Any = None
        self._task: Any = None

    @property
    def shown(self) -> bool:
        return not self.quiet and (self.done if self.total is None else self.total) > 1

    def line(self) -> str:
        """The plain progress line for what is done so far."""
        if self.total is None:
            return f"{self.verb} {self.done} documents, {clock_text(self.clock() - self._started)} so far"
        head = f"{self.verb} {self.done}/{self.total} documents"
        left = self.seconds_left()
        return head if left is None else f"{head}, {clock_text(left)} left"

    def seconds_left(self) -> float | None:
        if self.total is None or self.done <= 0:
            return None
        elapsed = self.clock() - self._started
        return elapsed / self.done * max(0, self.total - self.done)

    def update(self, done: int, total: int | None = None) -> None:
        self.done = done
        if total is not None:
            self.total = total
        if not self.shown:
            return
        if self._is_terminal():
            self._update_bar()
        elif self.clock() - self._last_line >= self.every:
            self._write(self.line())

    def __enter__(self) -> ProgressDisplay:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        if self._bar is not None:
            self._bar.stop()
        elif kind is None and self.shown and self.done and not self._is_terminal():
            took = clock_text(self.clock() - self._started)
            total = "" if self.total is None else f"/{self.total}"
            self._write(f"{self.verb} {self.done}{total} documents in {took}")

    def _write(self, text: str) -> None:
        self._last_line = self.clock()
        print(text, file=self.stream, flush=True)

    def _is_terminal(self) -> bool:
        isatty = getattr(self.stream, "isatty", None)
        return bool(isatty and isatty())

    def _update_bar(self) -> None:
        if self._bar is None:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self._bar = Progress(
                TextColumn(self.verb),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("documents"),
                TimeRemainingColumn(),
                console=Console(file=self.stream),
                transient=True,
            )
            self._bar.start()
            self._task = self._bar.add_task(self.verb, total=self.total)
        self._bar.update(self._task, completed=self.done, total=self.total)
