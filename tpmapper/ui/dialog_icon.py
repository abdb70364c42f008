"""The standard message-box icon at the top left of a dialog of our own."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStyle, QWidget


def message_icon(dialog: QWidget, icon: QStyle.StandardPixmap) -> QLabel:
    """A label showing `icon` (e.g. SP_MessageBoxCritical) at the size QMessageBox uses."""
    label = QLabel(dialog)
    style = dialog.style()
    size = style.pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize, None, dialog)
    label.setPixmap(style.standardIcon(icon).pixmap(size))
    label.setAlignment(Qt.AlignmentFlag.AlignTop)
    return label
