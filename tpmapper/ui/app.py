"""Starts the app: `tpmapper [FILE]` opens FILE, or a copy of the sample map."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from tpmapper import __version__
from tpmapper.files.errors import MapFileError
from tpmapper.files.templates import sample_path
from tpmapper.files.tpmap import load
from tpmapper.i18n import preferred_language
from tpmapper.resources import icon_path
from tpmapper.ui.document import Document
from tpmapper.ui.main_window import MainWindow

ORGANISATION = "tpmapper"


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName("tpmapper")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(QIcon(str(icon_path("tpmapper.svg"))))
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
