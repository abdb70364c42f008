"""Start-up's share of the error report: hooks that load `error_report` (its dialog, its
log and their imports, about 35 ms of start-up) only when the first unexpected error
arrives."""

from __future__ import annotations

import sys
import threading
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from tpmapper.ui.error_report import ErrorReporter


class DeferredErrorReport:
    """Stands in for `error_report.ErrorReporter` until the first error, then hands it
    that error and steps aside (the reporter takes over the hooks found at start)."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self._reporter: ErrorReporter | None = None
        self._previous = sys.excepthook, threading.excepthook
        sys.excepthook = self.excepthook
        threading.excepthook = self.threading_excepthook

    def reporter(self) -> ErrorReporter:
        if self._reporter is None:
            from tpmapper.ui import error_report

            sys.excepthook, threading.excepthook = self._previous
            self._reporter = error_report.install(self.app)
        return self._reporter

    def excepthook(
        self, kind: type[BaseException], value: BaseException, tb: TracebackType | None
    ) -> None:
        self.reporter().excepthook(kind, value, tb)

    def threading_excepthook(self, args: threading.ExceptHookArgs) -> None:
        # The reporter is a QObject of the GUI thread: made there, it takes this error.
        QTimer.singleShot(0, self.app, lambda: self.reporter().threading_excepthook(args))
