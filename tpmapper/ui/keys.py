"""Shortcuts shared by the main window and the dialogs that edit the map beside it."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence


def redo_keys() -> list[QKeySequence]:
    """The platform's redo keys plus Ctrl+Y and Ctrl+Shift+Z, which the README promises
    everywhere (Linux binds only Ctrl+Shift+Z)."""
    keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
    for extra in ("Ctrl+Y", "Ctrl+Shift+Z"):
        if QKeySequence(extra) not in keys:
            keys.append(QKeySequence(extra))
    return keys


DUPLICATE_KEYS = "Ctrl+D"


def delete_keys() -> list[QKeySequence]:
    """The platform's delete keys without Ctrl+D, which X11 adds to them but the app uses
    for Duplicate (two actions on one key make Qt run neither: "Ambiguous shortcut")."""
    keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Delete)
    return [key for key in keys if key != QKeySequence(DUPLICATE_KEYS)] or [QKeySequence("Del")]
