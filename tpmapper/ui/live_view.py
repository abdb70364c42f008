"""A dock's view of the open map that redraws a pause after the map's edits (so typing is
never slowed), and only while it is seen: a hidden tab catches up when shown again."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from tpmapper.ui.document import Document


class LiveView(QWidget):
    """Subclasses draw in `redraw()`; `refresh()` draws now."""

    def __init__(self, delay_ms: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document: Document | None = None
        self._stale = False  # an edit came while the view was hidden
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._refresh_if_shown)

    def set_document(self, document: Document | None) -> None:
        """Show `document` now, and again shortly after each of its edits."""
        if self.document is not None:
            self.document.edited.disconnect(self._timer.start)
        self.document = document
        if document is not None:
            document.edited.connect(self._timer.start)
        self.refresh()

    @property
    def refresh_pending(self) -> bool:
        """An edit happened that the view does not show yet."""
        return self._timer.isActive()

    def refresh(self) -> None:
        self._timer.stop()
        self._stale = False
        self.redraw()

    def redraw(self) -> None:
        raise NotImplementedError

    def _refresh_if_shown(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()
