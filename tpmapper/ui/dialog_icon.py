"""The standard message-box icon at the top left of a dialog of our own, its text beside."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStyle, QVBoxLayout, QWidget


def message_icon(dialog: QWidget, icon: QStyle.StandardPixmap) -> QLabel:
    """A label showing `icon` (e.g. SP_MessageBoxCritical) at the size QMessageBox uses."""
    label = QLabel(dialog)
    style = dialog.style()
    size = style.pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize, None, dialog)
    label.setPixmap(style.standardIcon(icon).pixmap(size))
    label.setAlignment(Qt.AlignmentFlag.AlignTop)
    return label


def message_layout(
    dialog: QWidget, icon: QStyle.StandardPixmap, texts: list[QWidget]
) -> QVBoxLayout:
    """The dialog's layout, begun as a message box's: the icon, and `texts` in a column
    beside it; the caller adds what goes below (a table, the buttons)."""
    column = QVBoxLayout()
    for text in texts:
        column.addWidget(text)
    top = QHBoxLayout()
    top.addWidget(message_icon(dialog, icon))
    top.addLayout(column, 1)
    layout = QVBoxLayout(dialog)
    layout.addLayout(top)
    return layout
