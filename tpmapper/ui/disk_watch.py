"""The map's file changed on disk while it is open (another tool, a git checkout): a bar at
the top of the canvas says so and offers Reload or Keep Mine.

Reload replaces the map with the file's content as one undo step, so Ctrl+Z brings back
the version that was open; Keep Mine leaves the map as it is (a later Save asks before it
overwrites the file). Our own saves never count: the document remembers what it wrote
(`Document.disk_state`), and only a different content is a change.

Changes are noticed by a `QFileSystemWatcher` (the path is watched again after a tool
replaced the file by renaming another over it, which ends the watch), and, where that
misses something (network folders), when the window becomes active again.
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QFileSystemWatcher, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tpmapper.files import tpmap
from tpmapper.files.errors import MapFileError
from tpmapper.files.fingerprint import Fingerprint, fingerprint, refresh
from tpmapper.ui.document import Document

SETTLE_MS = 250  # tools write in steps: look once the file has been quiet this long
BAR_STYLE = """
#changed_on_disk { background: #fdf6d8; border-bottom: 1px solid #e2cf84; }
#changed_on_disk QLabel { color: #3d3419; }
"""


class ChangedOnDiskBar(QFrame):
    """ "shop.tpmap changed on disk.  [Reload] [Keep Mine]" — above the canvas."""

    def __init__(self, parent: QWidget) -> None:
        from PySide6.QtWidgets import QStyle  # here: its many enums cost start-up 6 ms

        super().__init__(parent)
        self.setObjectName("changed_on_disk")
        self.setStyleSheet(BAR_STYLE)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation).pixmap(size)
        )
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.reload_button = QPushButton(self.tr("&Reload"), self)
        self.reload_button.setObjectName("reload_from_disk")
        self.reload_button.setToolTip(self.tr("Open the file's version (Ctrl+Z brings yours back)"))
        self.keep_button = QPushButton(self.tr("&Keep Mine"), self)
        self.keep_button.setObjectName("keep_mine")
        self.keep_button.setToolTip(self.tr("Go on with the map as it is here"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 5, 10, 5)
        layout.addWidget(icon)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.reload_button)
        layout.addWidget(self.keep_button)
        self.hide()

    def say(self, name: str) -> None:
        self.message.setText(self.tr("“%1” changed on disk.").replace("%1", name))


class DiskWatch(QObject):
    """Watches the file of the map shown in a window, and shows the bar in its canvas."""

    def __init__(self, window: QMainWindow, view: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.view = view
        self.document: Document | None = None
        self._bar: ChangedOnDiskBar | None = None  # made when first needed
        self._watcher: QFileSystemWatcher | None = None  # made for the first map with a file
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self.check)
        self._shown: Fingerprint | None = None  # the disk's version the bar offers
        self._kept: Fingerprint | None = None  # a disk version the user chose not to load

    # ------------------------------------------------------------------ following
    def attach(self, document: Document) -> None:
        if self.document is not None:
            self.document.saved.disconnect(self._saved)
        self.document = document
        document.saved.connect(self._saved)
        self._hide_bar()
        self._kept = None
        self._watch(document.path)

    @property
    def bar(self) -> ChangedOnDiskBar:
        if self._bar is None:
            self._bar = ChangedOnDiskBar(self.window)
            self._bar.reload_button.clicked.connect(self.reload)
            self._bar.keep_button.clicked.connect(self.keep_mine)
            _put_above(self.window, self.view, self._bar)
        return self._bar

    @property
    def watcher(self) -> QFileSystemWatcher:
        if self._watcher is None:
            self._watcher = QFileSystemWatcher(self)
            self._watcher.fileChanged.connect(self._file_changed)
        return self._watcher

    def _watch(self, path: Path | None) -> None:
        if self._watcher is not None and self._watcher.files():
            self._watcher.removePaths(self._watcher.files())
        if path is not None and path.exists():
            self.watcher.addPath(str(path))

    def _saved(self, path: Path) -> None:
        self._hide_bar()
        self._kept = None
        self._watch(Path(path))

    def _file_changed(self, path: str) -> None:
        self._rewatch(path)  # replaced by a rename: watch the new file
        self._settle.start()

    def _rewatch(self, path: str) -> None:
        """Watch the file again if the watcher lost it (it was replaced) and it is there."""
        if path not in self.watcher.files() and Path(path).exists():
            self.watcher.addPath(path)

    # ------------------------------------------------------------------ deciding
    def changed_on_disk(self) -> Fingerprint | None:
        """The file's current state when its content differs from what was read or
        written here; else None."""
        document = self.document
        if document is None or not shiboken6.isValid(document):
            return None
        if document.path is None or document.disk_state is None:
            return None
        current = refresh(document.path, document.disk_state)
        if current is None:
            return None
        if current.digest == document.disk_state.digest:
            document.disk_state = current  # touched, or the same bytes written again
            return None
        return current

    def check(self) -> None:
        """Show the bar when the file changed (and the user has not kept theirs over just
        this version of it)."""
        document = self.document
        if document is not None and shiboken6.isValid(document) and document.path is not None:
            self._rewatch(str(document.path))
        current = self.changed_on_disk()
        if current is None or (self._kept is not None and current.digest == self._kept.digest):
            return
        self._shown = current
        self.bar.say(self.document.path.name)
        self.bar.show()

    # ------------------------------------------------------------------ answers
    def reload(self) -> None:
        """The file's version replaces the map, as one undo step; the map is then as saved."""
        document = self.document
        self._hide_bar()
        if document is None or document.path is None:
            return
        state = fingerprint(document.path)
        try:
            journey = tpmap.load(document.path)
        except MapFileError as error:
            QMessageBox.warning(self.window, self.tr("Cannot reload the map"), str(error))
            return
        if journey != document.journey:
            document.replace_content(journey, self.tr("Reload from disk"))
        document.disk_state = state
        document.undo_stack.setClean()
        self._kept = None

    def keep_mine(self) -> None:
        self._kept = self._shown
        self._hide_bar()

    # ------------------------------------------------------------------ the bar
    def _hide_bar(self) -> None:
        if self._bar is not None:
            self._bar.hide()


def _put_above(window: QMainWindow, view: QWidget, bar: QWidget) -> None:
    """The window's central widget becomes the bar above the canvas (the bar, when shown,
    pushes the canvas down, scroll bars and all)."""
    central = QWidget(window)
    layout = QVBoxLayout(central)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(bar)
    taken = window.takeCentralWidget()
    assert taken is view, "the canvas is the main window's central widget"
    layout.addWidget(view, 1)
    window.setCentralWidget(central)
