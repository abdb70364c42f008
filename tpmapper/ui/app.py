"""Starts the app: `tpmapper [FILE]` opens FILE, or a copy of the sample map; then offers
the unsaved work a crash left behind, if any."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from tpmapper import __version__
from tpmapper.files.errors import MapFileError
from tpmapper.files.templates import sample_path
from tpmapper.files.tpmap import load
from tpmapper.i18n import preferred_language
from tpmapper.render.words import install_translators
from tpmapper.resources import icon_path
from tpmapper.ui import clipboard
from tpmapper.ui.document import Document
from tpmapper.ui.error_hook import DeferredErrorReport
from tpmapper.ui.file_lock import open_document
from tpmapper.ui.main_window import MainWindow
from tpmapper.ui.user_folders import APPLICATION, ORGANISATION


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(icon_path("tpmapper.svg"))))
    if not app.property("tpmapper_started"):
        app.aboutToQuit.connect(clipboard.release)
        DeferredErrorReport(app)  # an unexpected exception: a dialog and the log, not silence
        app.setProperty("tpmapper_started", True)
    if not app.property("tpmapper_translated"):
        install_translators(app, preferred_language())
        app.setProperty("tpmapper_translated", True)
    return app  # type: ignore[return-value]


def open_initial_document(file: str | None) -> Document | None:
    """FILE when given (raises MapFileError; None when another tpmapper has it open and the
    user cancels), else an unsaved copy of the sample map."""
    if file is not None:
        return open_document(None, Path(file))
    return Document(load(sample_path(preferred_language())))


def run_app(file: str | None = None) -> int:
    app = make_application()
    try:
        document = open_initial_document(file)
    except MapFileError as error:
        QMessageBox.critical(None, "tpmapper", str(error))
        print(f"tpmapper: {error}", file=sys.stderr)
        return 1
    if document is None:
        return 0
    window = MainWindow(document, QSettings())
    window.show()
    window.view.fit()
    # Work a crash left behind: offered once the window is up.
    QTimer.singleShot(0, window, lambda: _offer_recovery(window))
    return app.exec()


def _offer_recovery(window: MainWindow) -> None:
    from tpmapper.ui.recovery_dialog import offer_recovery  # after the first paint

    offer_recovery(window)
