"""No exception goes unnoticed: an unexpected error shows a dialog, goes to a log file, and
the app carries on.

PySide6 hands an exception raised in a slot, a virtual method override or an event
handler to `sys.excepthook` and then goes on with the event loop, so the open map stays
usable and can be saved. `install(app)` sets that hook (and `threading.excepthook`):

- the full report (traceback, tpmapper/Python/Qt versions) is appended to `tpmapper.log`
  in `log_folder()`, rotated so that it never grows beyond a few megabytes, and printed
  to stderr as Python would (by the hook that was there before);
- the dialog (`ErrorReport`) says that the map is still open, shows the one-line message
  and where the log is, and copies the details to the clipboard for a bug report;
- before the first dialog, every open map with unsaved changes gets a recovery copy
  (`autosave.write_all_now`), so the work survives whatever the error leads to;
- the dialog is shown from the event loop, never from inside the failing handler (a paint
  event, a drag), and only one at a time: errors while it is open, or a burst of them,
  make it say "… and N more".
"""

from __future__ import annotations

import logging
import platform
import sys
import threading
import traceback
from datetime import datetime
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import ClassVar

import PySide6
import shiboken6
from PySide6.QtCore import (
    QObject,
    QStandardPaths,
    Qt,
    QThread,
    QUrl,
    Signal,
    qVersion,
)
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QStyle,
    QWidget,
)

from tpmapper import __version__
from tpmapper.ui.dialog_icon import message_layout

LOG_NAME = "tpmapper.log"
LOG_MAX_BYTES = 1_000_000  # then tpmapper.log becomes tpmapper.log.1, and so on
LOG_BACKUPS = 2  # at most three files of about 1 MB each
DETAILS_KEPT = 10  # reports one dialog keeps for "Copy details"; the log has every one
MESSAGE_CHARS = 300

ExceptionInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def log_folder() -> Path:
    """The per-user folder for tpmapper's log: on Linux ~/.cache/tpmapper/log (or under
    $XDG_CACHE_HOME), on Windows %LOCALAPPDATA%/cache/tpmapper/log, on macOS
    ~/Library/Caches/tpmapper/log."""
    cache = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericCacheLocation)
    return Path(cache) / "tpmapper" / "log"


def versions() -> str:
    return (
        f"tpmapper {__version__} · Python {platform.python_version()} · Qt {qVersion()} "
        f"(PySide6 {PySide6.__version__}) · {platform.platform()}"
    )


def one_line(value: BaseException) -> str:
    """`ValueError: what went wrong`, on one line and not too long."""
    text = traceback.format_exception_only(type(value), value)[-1].strip()
    text = " ".join(text.split())
    return text if len(text) <= MESSAGE_CHARS else text[: MESSAGE_CHARS - 1] + "…"


def format_report(info: ExceptionInfo, thread_name: str) -> str:
    when = datetime.now().astimezone().isoformat(timespec="seconds")
    trace = "".join(traceback.format_exception(*info)).rstrip()
    return f"{when} in thread {thread_name}\n{versions()}\n{trace}\n"


class _LogFile(RotatingFileHandler):
    """The log file; remembers a failed write instead of printing a second traceback."""

    failed = False

    def emit(self, record: logging.LogRecord) -> None:
        self.failed = False
        super().emit(record)

    def handleError(self, record: logging.LogRecord) -> None:
        self.failed = True


class ErrorReport(QDialog):
    """The dialog for one unexpected error, and for those that follow while it is open."""

    def __init__(
        self, message: str, report: str, folder: Path, logged: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Something went wrong"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.folder = folder
        self.reports = [report]
        self.more = 0

        intro = QLabel(
            self.tr(
                "tpmapper ran into an unexpected error. Your map is still open: you can go on "
                "working and save it."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.message = self._plain_label(message, "message")
        font = self.message.font()
        font.setBold(True)
        self.message.setFont(font)
        self.more_label = QLabel(self)
        self.more_label.setObjectName("more")
        self.more_label.hide()
        if logged:
            where = self.tr("The details are in the log folder %1").replace("%1", str(folder))
        else:
            where = self.tr("The log could not be written in %1").replace("%1", str(folder))
        self.log_label = self._plain_label(where, "log")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = buttons.addButton(
            self.tr("Copy details"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_button.setObjectName("copy_details")
        self.copy_button.clicked.connect(self.copy_details)
        self.folder_button = QPushButton(self.tr("Show log folder"), self)
        self.folder_button.setObjectName("show_log_folder")
        buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.folder_button.clicked.connect(self.show_log_folder)
        self.folder_button.setEnabled(logged)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setDefault(True)

        texts = [intro, self.message, self.more_label, self.log_label]
        layout = message_layout(self, QStyle.StandardPixmap.SP_MessageBoxCritical, texts)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def _plain_label(self, text: str, name: str) -> QLabel:
        """Selectable text shown as it is ("KeyError: '<b>Ads</b>'" is no markup)."""
        label = QLabel(text, self)
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def add(self, report: str) -> None:
        """One more error while this dialog is open: counted, and kept for the details."""
        self.more += 1
        if len(self.reports) < DETAILS_KEPT:
            self.reports.append(report)
        self.more_label.setText(self.tr("… and %n more error(s)", "", self.more))
        self.more_label.show()

    def details(self) -> str:
        total = 1 + self.more
        parts = [f"{versions()}\n{total} error(s); the log has every one: {self.folder}"]
        for number, report in enumerate(self.reports, start=1):
            parts.append(f"--- error {number} of {total}\n{report}")
        if total > len(self.reports):
            parts.append(f"--- {total - len(self.reports)} more, see the log")
        return "\n".join(parts)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details())  # plain text: safe at exit too
        self.copy_button.setText(self.tr("Details copied"))

    def show_log_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))


class ErrorReporter(QObject):
    """Receives every unexpected exception; see the module's description."""

    current: ClassVar[ErrorReporter | None] = None  # the one installed

    _arrived = Signal(str, str)  # one-line message, full report; always queued

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.folder = log_folder()
        self.dialog: ErrorReport | None = None
        self.dialogs_shown = 0
        self._broken = False
        self._arrived.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self.logger = logging.getLogger("tpmapper.errors")
        self._log = _LogFile(
            self.folder / LOG_NAME,
            maxBytes=LOG_MAX_BYTES,
            backupCount=LOG_BACKUPS,
            encoding="utf-8",
            delay=True,  # no file until the first error
        )
        self._log.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
        self.logger.addHandler(self._log)
        self._previous_excepthook = sys.excepthook
        self._previous_threading_excepthook = threading.excepthook
        sys.excepthook = self.excepthook
        threading.excepthook = self.threading_excepthook

    def uninstall(self) -> None:
        """Put back the hooks found at install time (its app is gone)."""
        if sys.excepthook == self.excepthook:
            sys.excepthook = self._previous_excepthook
        if threading.excepthook == self.threading_excepthook:
            threading.excepthook = self._previous_threading_excepthook
        self.logger.removeHandler(self._log)
        self._log.close()
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            self.dialog.close()
        if ErrorReporter.current is self:
            ErrorReporter.current = None

    # ------------------------------------------------------------------ the hooks
    def excepthook(
        self, kind: type[BaseException], value: BaseException, tb: TracebackType | None
    ) -> None:
        self._previous_excepthook(kind, value, tb)  # the traceback on stderr, as always
        if issubclass(kind, KeyboardInterrupt):
            return
        message, report = self.record((kind, value, tb), threading.current_thread().name)
        in_main_thread = threading.current_thread() is threading.main_thread()
        if in_main_thread and QThread.currentThread().loopLevel() == 0:
            # No event loop to show it from (before or after app.exec()): show it now.
            self._show(message, report)
            if self.dialog is not None:
                self.dialog.exec()
        else:
            self._arrived.emit(message, report)

    def threading_excepthook(self, args: threading.ExceptHookArgs) -> None:
        self._previous_threading_excepthook(args)
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        name = args.thread.name if args.thread is not None else "?"
        info = (args.exc_type, args.exc_value, args.exc_traceback)
        self._arrived.emit(*self.record(info, name))  # shown by the main thread

    # ------------------------------------------------------------------ log and dialog
    def record(self, info: ExceptionInfo, thread_name: str) -> tuple[str, str]:
        """Write the report to the log; the one-line message and the report."""
        report = format_report(info, thread_name)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            self._log.failed = True
        else:
            self.logger.error(report)
        return one_line(info[1]), report

    @property
    def logged(self) -> bool:
        return not self._log.failed

    def _show(self, message: str, report: str) -> None:
        if self._broken or QApplication.instance() is None:
            return  # logged and printed; that is all that can be done
        if self.dialog is not None:
            self.dialog.add(report)
            return
        copy_unsaved_work()  # before anything else can go wrong
        try:
            self.dialog = ErrorReport(message, report, self.folder, self.logged)
            self.dialog.finished.connect(self._closed)
            self.dialog.show()
            self.dialog.raise_()
            self.dialog.activateWindow()
        except Exception:  # the report itself failed: no more dialogs, which could loop
            self._broken = True
            self.dialog = None
            traceback.print_exc()
            self.record(sys.exc_info(), threading.current_thread().name)  # type: ignore[arg-type]
            return
        self.dialogs_shown += 1

    def _closed(self) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()


def copy_unsaved_work() -> None:
    """The emergency path: a recovery copy of every open map with unsaved changes, written
    before the report is shown (whatever happens next, the work can be recovered)."""
    try:
        from tpmapper.ui import autosave

        autosave.write_all_now()
    except Exception:  # the copies are a bonus here: never a second error report
        traceback.print_exc()


def install(app: QApplication) -> ErrorReporter:
    """Report every unexpected exception of this app. Installing twice for the same app
    keeps the first."""
    current = ErrorReporter.current
    if current is not None:
        if shiboken6.isValid(current) and current.parent() is app:
            return current
        current.uninstall()  # it served an app that is gone
    ErrorReporter.current = ErrorReporter(app)
    return ErrorReporter.current
