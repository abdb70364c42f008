"""Find as you type: selects the cards whose name, owner, channel detail or tags match."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QToolBar, QWidget

from tpmapper.model.elements import Touchpoint


def matches(touchpoint: Touchpoint, needle: str) -> bool:
    needle = needle.casefold()
    texts = (touchpoint.name, touchpoint.owner, touchpoint.channel_detail, *touchpoint.tags)
    return any(needle in text.casefold() for text in texts)


class _FindField(QLineEdit):
    def __init__(self, bar: FindBar) -> None:
        super().__init__(bar)
        self._bar = bar

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self._bar.hide()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._bar.next_match()
            return
        super().keyPressEvent(event)


class FindBar(QToolBar):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("Find"))
        self.setObjectName("find")
        self.toggleViewAction().setVisible(False)  # Ctrl+F opens it and Escape closes it
        self.window_ = window
        self.field = _FindField(self)
        self.field.setPlaceholderText(self.tr("Find touchpoints (name, owner, tag)"))
        self.field.setClearButtonEnabled(True)
        self.count = QLabel(self)
        self.addWidget(self.field)
        self.addWidget(self.count)
        self._found: list[str] = []
        self._current = -1
        self.field.textChanged.connect(self.search)
        self.hide()

    def start(self) -> None:
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def search(self, text: str) -> None:
        scene = self.window_.scene
        journey = self.window_.document.journey
        needle = text.strip()
        self._found = [tp.id for tp in journey.touchpoints() if needle and matches(tp, needle)]
        scene.clearSelection()
        for tid in self._found:
            scene.card(tid).setSelected(True)
        self.count.setText(self.tr("%n found", "", len(self._found)) if needle else "")
        self._current = -1
        self.next_match()

    def next_match(self) -> None:
        if not self._found:
            return
        self._current = (self._current + 1) % len(self._found)
        self.window_.view.ensureVisible(self.window_.scene.card(self._found[self._current]), 60, 60)
