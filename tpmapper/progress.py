"""One progress and cancel type for every export (workbooks, pictures, slides).

A `Progress` callback gets (done, total) and returns False to stop; the exporter then
raises `ExportCancelled` and writes nothing. Qt-free, so files/ and render/ share it.
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int], bool | None]


class ExportCancelled(Exception):
    """The progress callback asked to stop; nothing was written."""


class Steps:
    """Counts an export's steps and asks the caller's callback whether to go on.

    `every` reports only each time `done` crosses a multiple of it (rows of a workbook),
    so a callback that repaints a progress bar is not called for every row.
    """

    def __init__(self, progress: Progress | None, total: int, every: int = 1) -> None:
        self._progress = progress
        self.total = max(1, total)
        self.done = 0
        self._every = max(1, every)

    def report(self) -> None:
        if self._progress is not None and self._progress(self.done, self.total) is False:
            raise ExportCancelled("the export was cancelled")

    def advance(self, steps: int = 1) -> None:
        before = self.done // self._every
        self.done = min(self.done + steps, self.total)
        if self.done // self._every != before:
            self.report()

    def finish(self) -> None:
        self.done = self.total
        self.report()
