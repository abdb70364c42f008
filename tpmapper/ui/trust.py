"""What keeps a window's work safe, gathered in one object the main window calls into:
the autosave of its map, the file's lock and read-only state, the changed-on-disk bar,
the backup on saving, and Edit ▸ Preferences.

The main window only says when a map is shown (`attach`), asks it to save (`save`: it
refuses for a read-only map and offers Save As, and asks before overwriting a file that
changed on disk), and adds the Preferences item to its Edit menu (`add_preferences`).
Closing a map (`Document.close`) removes its recovery copy and lets go of its lock.
"""

from __future__ import annotations

import weakref
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QMessageBox

from tpmapper.ui.autosave import Autosaver
from tpmapper.ui.disk_watch import DiskWatch
from tpmapper.ui.document import Document
from tpmapper.ui.file_lock import DocumentLock, may_save_over, open_document
from tpmapper.ui.preferences import keeps_backup

if TYPE_CHECKING:
    from tpmapper.ui.main_window import MainWindow

PREFERENCES_FALLBACK_KEYS = "Ctrl+,"  # where the platform has no standard one (Linux, Windows)
STATUS_MS = 8000

_TRUSTS: weakref.WeakSet[WindowTrust] = weakref.WeakSet()


class WindowTrust(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.document: Document | None = None
        self.autosaver: Autosaver | None = None
        self.disk = DiskWatch(window, window.view)
        self.read_only_label = QLabel(self.tr("Read-only"), window)
        self.read_only_label.setToolTip(
            self.tr("Another tpmapper has this map open: Save offers Save As")
        )
        window.statusBar().addPermanentWidget(self.read_only_label)
        self.read_only_label.hide()
        window.installEventFilter(self)
        _TRUSTS.add(self)

    def add_preferences(self, menu: QMenu) -> QAction:
        """Edit ▸ Preferences…, at the end of `menu`."""
        action = QAction(self.tr("Pr&eferences…"), self.window)
        keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences)
        action.setShortcuts(keys or [QKeySequence(PREFERENCES_FALLBACK_KEYS)])
        action.setMenuRole(QAction.MenuRole.PreferencesRole)
        action.triggered.connect(self.preferences)
        self.window.addAction(action)
        menu.addSeparator()
        menu.addAction(action)
        return action

    # ------------------------------------------------------------------ the map shown
    def attach(self, document: Document) -> None:
        self.document = document
        document.keep_backup = keeps_backup(self.window.settings)
        DocumentLock.of(document)
        self.autosaver = Autosaver(document, self.window.settings, copy_id=document.recovery_id)
        self.autosaver.failed.connect(self._autosave_failed)
        document.closing.connect(self.autosaver.close)
        document.saved.connect(self._show_read_only)
        self.disk.attach(document)
        self._show_read_only()

    def _show_read_only(self) -> None:
        self.read_only_label.setVisible(self.document is not None and self.document.read_only)

    def _autosave_failed(self, reason: str) -> None:
        self.window.statusBar().showMessage(
            self.tr("Autosave failed: %1").replace("%1", reason), STATUS_MS
        )

    # ------------------------------------------------------------------ opening, saving
    def open(self, path: Path) -> Document | None:
        """A map file opened and locked (asks first when another tpmapper has it open);
        None when the user cancels. Raises `MapFileError`."""
        return open_document(self.window, path)

    def save(self) -> bool:
        """File ▸ Save: True when the map was saved."""
        window, document = self.window, self.window.document
        if document.path is None:
            return window.save_as()
        if document.read_only:
            return self._offer_save_as(document)
        if self.disk.changed_on_disk() is not None and not self._may_overwrite(document):
            return False
        return window._save_to(document.path)

    def may_save_as(self, path: Path) -> bool:
        """Save As onto a map another tpmapper (or window) has open asks first; onto the
        file this window holds the lock of, it does not."""
        own = None if self.document is None else DocumentLock.of(self.document).lock
        if own is not None and own.is_held and own.map_path.resolve() == path.resolve():
            return True
        return may_save_over(self.window, path)

    def _offer_save_as(self, document: Document) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Map open read-only"),
            self.tr("“%1” is open read-only: another tpmapper has it open.").replace(
                "%1", document.path.name
            ),
            QMessageBox.StandardButton.Cancel,
            self.window,
        )
        box.setInformativeText(self.tr("Save your changes to another file?"))
        save_as = box.addButton(self.tr("Save &As…"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(save_as)
        box.exec()
        chosen = box.clickedButton() is save_as
        box.deleteLater()
        return self.window.save_as() if chosen else False

    def _may_overwrite(self, document: Document) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Changed on disk"),
            self.tr("“%1” was changed on disk since you opened it.").replace(
                "%1", document.path.name
            ),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
            self.window,
        )
        box.setInformativeText(self.tr("Save over it? The version on disk will be lost."))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        answer = box.exec()
        box.deleteLater()
        return answer == QMessageBox.StandardButton.Save

    # ------------------------------------------------------------------ preferences
    def preferences(self) -> None:
        from tpmapper.ui.preferences import PreferencesDialog

        dialog = PreferencesDialog(self.window.settings, self.window)
        if dialog.exec():
            for trust in list(_TRUSTS):
                if trust.document is not None:
                    trust.document.keep_backup = keeps_backup(trust.window.settings)
        dialog.deleteLater()

    # ------------------------------------------------------------------ focus
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        alive = self.autosaver is not None and shiboken6.isValid(self.autosaver)
        if watched is self.window and alive:
            if event.type() == QEvent.Type.WindowDeactivate:
                self.autosaver.write_now()  # the user turns elsewhere: copy what is unsaved
            elif event.type() == QEvent.Type.WindowActivate:
                self.disk.check()  # back again: did the file change meanwhile?
        return False
