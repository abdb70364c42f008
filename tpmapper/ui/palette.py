"""The palette dock: a searchable library of touchpoints, grouped by phase, to drag onto cells."""

from __future__ import annotations

import json

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from tpmapper.files.palette import palette

PALETTE_MIME = "application/x-tpmapper-palette-entry"
_PAYLOAD = Qt.ItemDataRole.UserRole + 1


def palette_mime(name: str, presets: dict) -> QMimeData:
    """What a palette drag carries: the new touchpoint's name and preset fields."""
    data = QMimeData()
    data.setData(PALETTE_MIME, json.dumps({"name": name, "presets": presets}).encode("utf-8"))
    data.setText(name)
    return data


def read_palette_mime(data: QMimeData) -> tuple[str, dict] | None:
    if not data.hasFormat(PALETTE_MIME):
        return None
    try:
        payload = json.loads(bytes(data.data(PALETTE_MIME).data()).decode("utf-8"))
        return str(payload["name"]), dict(payload["presets"])
    except (ValueError, KeyError, TypeError):
        return None


class _LibraryTree(QTreeWidget):
    def mimeData(self, items: list[QTreeWidgetItem]) -> QMimeData:
        payload = items[0].data(0, _PAYLOAD) if items else None
        if not payload:
            return QMimeData()
        return palette_mime(*payload)


class PaletteWidget(QWidget):
    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search touchpoints"))
        self.search.setClearButtonEnabled(True)
        self.tree = _LibraryTree(self)
        self.tree.setHeaderHidden(True)
        self.tree.setDragEnabled(True)
        self.tree.setDragDropMode(QTreeWidget.DragDropMode.DragOnly)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search)
        layout.addWidget(self.tree)
        self._fill(language)
        self.search.textChanged.connect(self.filter)

    def _fill(self, language: str) -> None:
        blank = QTreeWidgetItem(self.tree, [self.tr("Blank touchpoint")])
        blank.setData(0, _PAYLOAD, (self.tr("New touchpoint"), {}))
        for group in palette(language):
            parent = QTreeWidgetItem(self.tree, [group.name])
            parent.setFlags(parent.flags() & ~Qt.ItemFlag.ItemIsDragEnabled)
            for entry in group.entries:
                item = QTreeWidgetItem(parent, [entry.name])
                item.setData(0, _PAYLOAD, (entry.name, entry.presets))
                item.setToolTip(0, ", ".join(str(v) for v in entry.presets.values()))
        self.tree.expandAll()

    def filter(self, text: str) -> None:
        """Show only entries whose name contains `text` (case-insensitive)."""
        needle = text.strip().casefold()
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            if top.childCount() == 0:
                top.setHidden(bool(needle) and needle not in top.text(0).casefold())
                continue
            visible = 0
            for j in range(top.childCount()):
                child = top.child(j)
                hidden = bool(needle) and needle not in child.text(0).casefold()
                child.setHidden(hidden)
                visible += not hidden
            top.setHidden(visible == 0)

    def visible_entries(self) -> list[str]:
        names = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            if top.isHidden():
                continue
            if top.childCount() == 0:
                names.append(top.text(0))
            names += [
                top.child(j).text(0) for j in range(top.childCount()) if not top.child(j).isHidden()
            ]
        return names
