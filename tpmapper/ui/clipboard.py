"""The system clipboard carries copied touchpoints as .tpmap JSON (and their names as text),
so they paste into another open map, another tpmapper window, or a text editor."""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

from tpmapper.files import tpmap
from tpmapper.files.errors import MapFileError
from tpmapper.model.journey import JourneyMap

MIME = "application/x-tpmapper-map"


def put(part: JourneyMap) -> None:
    data = QMimeData()
    data.setData(MIME, tpmap.dumps(part))
    data.setText("\n".join(tp.name for tp in part.touchpoints()))
    QGuiApplication.clipboard().setMimeData(data)


def get() -> JourneyMap | None:
    """The copied touchpoints, or None when the clipboard holds none (or holds garbage)."""
    data = QGuiApplication.clipboard().mimeData()
    if data is None or not data.hasFormat(MIME):
        return None
    try:
        return tpmap.loads(bytes(data.data(MIME).data()), "clipboard")
    except MapFileError:
        return None


def release() -> None:
    """Before the app quits: leave only the copied names, as plain text.

    PySide6 (seen with 6.11.3) crashes at exit when mime data created in Python is still
    on the clipboard; plain text is safe, and other programs can still paste the names.
    """
    board = QGuiApplication.clipboard()
    data = board.mimeData()
    if data is not None and data.hasFormat(MIME):
        board.setText(data.text())
