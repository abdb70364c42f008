"""Starts the app: `tpmapper [FILE]` opens FILE, or a copy of the sample map."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QSettings, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from tpmapper import __version__
from tpmapper.files.errors import MapFileError
from tpmapper.files.templates import sample_path
from tpmapper.files.tpmap import load
from tpmapper.i18n import preferred_language
from tpmapper.resources import icon_path, resource_path
from tpmapper.ui import clipboard
from tpmapper.ui.document import Document
from tpmapper.ui.error_hook import DeferredErrorReport
from tpmapper.ui.main_window import MainWindow

ORGANISATION = "tpmapper"


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Load tpmapper's catalogue and Qt's own (dialog buttons) for `language`. English
    has only its plurals ("1 item", "2 items"). Returns the translators installed."""
    catalogues = [(f"tpmapper_{language}", resource_path("translations"))]
    if language != "en":
        qt_translations = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        catalogues.append((f"qtbase_{language}", qt_translations))
    installed = []
    for name, folder in catalogues:
        translator = QTranslator(app)
        if translator.load(name, str(folder)):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName("tpmapper")
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


def open_initial_document(file: str | None) -> Document:
    """FILE when given (raises MapFileError), else an unsaved copy of the sample map."""
    if file is not None:
        return Document.open(Path(file))
    return Document(load(sample_path(preferred_language())))


def run_app(file: str | None = None) -> int:
    app = make_application()
    try:
        document = open_initial_document(file)
    except MapFileError as error:
        QMessageBox.critical(None, "tpmapper", str(error))
        print(f"tpmapper: {error}", file=sys.stderr)
        return 1
    window = MainWindow(document, QSettings())
    window.show()
    window.view.fit()
    return app.exec()
