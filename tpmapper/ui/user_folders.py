"""The per-user folders tpmapper keeps its own files in: recovery copies and lock files.

Both are under Qt's AppDataLocation for tpmapper (on Linux ~/.local/share/tpmapper/tpmapper,
on Windows %APPDATA%/tpmapper/tpmapper, on macOS ~/Library/Application Support/tpmapper/
tpmapper), also from the command line, where no application object names the app.
`TPMAPPER_DATA_DIR` moves them elsewhere (tests, a portable set-up).
Only QtCore is imported here: the command line uses it without widgets.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths

ORGANISATION = APPLICATION = "tpmapper"
DATA_ENV = "TPMAPPER_DATA_DIR"


def app_data_folder() -> Path:
    """tpmapper's AppDataLocation (or `TPMAPPER_DATA_DIR`), whatever the running
    application calls itself."""
    override = os.environ.get(DATA_ENV)
    if override:
        return Path(override)
    names = QCoreApplication.organizationName(), QCoreApplication.applicationName()
    if names == (ORGANISATION, APPLICATION):
        return _writable()
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    try:
        return _writable()
    finally:
        QCoreApplication.setOrganizationName(names[0])
        QCoreApplication.setApplicationName(names[1])


def _writable() -> Path:
    location = QStandardPaths.StandardLocation.AppDataLocation
    return Path(QStandardPaths.writableLocation(location))


def recovery_folder() -> Path:
    return app_data_folder() / "recovery"


def lock_folder() -> Path:
    """For the locks of maps in folders this user cannot write to."""
    return app_data_folder() / "locks"
