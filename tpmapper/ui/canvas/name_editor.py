"""Edits a name or label in place, over what it names: Enter or leaving commits, Escape cancels."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget


class NameEditor(QLineEdit):
    def __init__(
        self,
        parent: QWidget,
        text: str,
        geometry: QRect,
        commit: Callable[[str], None],
        allow_empty: bool = False,
    ) -> None:
        super().__init__(text, parent)
        self._commit = commit
        self._allow_empty = allow_empty  # a link's label may be cleared; a name may not
        self._done = False
        self.setGeometry(geometry)
        self.selectAll()
        self.show()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def finish(self, keep: bool) -> None:
        if self._done:
            return
        self._done = True
        text = self.text().strip()
        self.hide()  # first: a refused commit reports itself, and the editor is gone either way
        self.deleteLater()
        if keep and (text or self._allow_empty):
            self._commit(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.finish(keep=True)
        elif event.key() == Qt.Key.Key_Escape:
            self.finish(keep=False)
        else:
            super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.finish(keep=True)
