"""One tpmapper at a time edits a map: a lock file while it is open, and a question when
another running tpmapper has it open already.

The lock is a `QLockFile` beside the map (`.~shop.tpmap.lock`, hidden, like LibreOffice's),
or in the per-user folder when the map's folder cannot be written to. A lock left behind
by a process that is gone (a crash, a kill) is taken over without asking; a lock of a
running process is never taken, however old (`setStaleLockTime(0)`).

Opening a map someone else has open offers: Open Read-Only (look at it, export it; Save
offers Save As), Open Anyway (both may save; the last save wins), or Cancel. Save As onto
a map someone else has open asks first (`may_save_over`).
"""

from __future__ import annotations

import os
from enum import Enum
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLockFile, QObject, QSysInfo, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from tpmapper.ui.document import Document
from tpmapper.ui.user_folders import lock_folder

LOCK_PREFIX, LOCK_SUFFIX = ".~", ".lock"


def _folder_writable(folder: Path) -> bool:
    return os.access(folder, os.W_OK)


def lock_path(path: Path) -> Path:
    """Where the lock of the map at `path` lives."""
    resolved = Path(path).resolve()
    if _folder_writable(resolved.parent):
        return resolved.with_name(f"{LOCK_PREFIX}{resolved.name}{LOCK_SUFFIX}")
    import hashlib  # here: start-up does without it

    key = hashlib.sha256(str(resolved).encode("utf-8", "surrogateescape")).hexdigest()[:24]
    return lock_folder() / f"{key}{LOCK_SUFFIX}"


class MapLock:
    """The lock of one map file."""

    def __init__(self, path: Path) -> None:
        self.map_path = Path(path)
        self.path = lock_path(self.map_path)
        self._lock = QLockFile(str(self.path))
        self._lock.setStaleLockTime(0)  # a running process's lock is never stale

    def acquire(self) -> bool:
        """Take the lock (or a dead process's); False when it cannot be had."""
        if self.path.parent != self.map_path.resolve().parent:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError:
                return False
        return self._lock.tryLock(0)

    @property
    def held_elsewhere(self) -> bool:
        """The last `acquire` failed because a running process holds the lock."""
        return self._lock.error() == QLockFile.LockError.LockFailedError

    def holder(self) -> tuple[int, str] | None:
        """(process id, host name) of whoever holds the lock, when the file says."""
        info = self._lock.getLockInfo()
        if isinstance(info, tuple) and len(info) >= 2 and isinstance(info[0], int) and info[0] > 0:
            return info[0], str(info[1]) or "?"
        return None

    @property
    def is_held(self) -> bool:
        return self._lock.isLocked()

    def release(self) -> None:
        if self._lock.isLocked():
            self._lock.unlock()


class OpenMode(Enum):
    EDIT = "edit"
    READ_ONLY = "read-only"
    ANYWAY = "anyway"


class _InUseQuestion(QMessageBox):
    """A question about a map another running tpmapper has open."""

    def __init__(self, lock: MapLock, parent: QWidget | None) -> None:
        super().__init__(parent)
        name = lock.map_path.name
        holder = lock.holder()
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(QCoreApplication.translate("LockedMapQuestion", "Map in use"))
        self.setTextFormat(Qt.TextFormat.PlainText)
        if holder is None:
            text = QCoreApplication.translate(
                "LockedMapQuestion", "“%1” is open in another tpmapper."
            ).replace("%1", name)
        elif holder == (os.getpid(), QSysInfo.machineHostName()):
            text = QCoreApplication.translate(
                "LockedMapQuestion", "“%1” is open in another window."
            ).replace("%1", name)
        else:
            text = (
                QCoreApplication.translate(
                    "LockedMapQuestion", "“%1” is open in another tpmapper (process %2 on %3)."
                )
                .replace("%1", name)
                .replace("%2", str(holder[0]))
                .replace("%3", holder[1])
            )
        self.setText(text)

    @classmethod
    def ask(cls, lock: MapLock, parent: QWidget | None) -> Any:
        """Ask, and give the answer (`choose`)."""
        question = cls(lock, parent)
        try:
            question.exec()
            return question.choose()
        finally:
            question.deleteLater()

    def choose(self) -> Any:
        """The answer, once the question was asked."""
        raise NotImplementedError


class LockedMapQuestion(_InUseQuestion):
    """The map is open in another tpmapper: read-only, anyway, or not at all."""

    def __init__(self, lock: MapLock, parent: QWidget | None = None) -> None:
        super().__init__(lock, parent)
        self.setInformativeText(
            self.tr(
                "Open it read-only to look at it and export it, or open it anyway: then "
                "whoever saves last overwrites the other's changes."
            )
        )
        self.read_only = self.addButton(
            self.tr("Open &Read-Only"), QMessageBox.ButtonRole.AcceptRole
        )
        self.anyway = self.addButton(self.tr("Open &Anyway"), QMessageBox.ButtonRole.ActionRole)
        self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(self.read_only)

    def choose(self) -> OpenMode | None:
        clicked = self.clickedButton()
        if clicked is self.read_only:
            return OpenMode.READ_ONLY
        if clicked is self.anyway:
            return OpenMode.ANYWAY
        return None


class SaveOverQuestion(_InUseQuestion):
    """Save As chose a map another tpmapper has open: save over it, or not."""

    def __init__(self, lock: MapLock, parent: QWidget | None = None) -> None:
        super().__init__(lock, parent)
        self.setInformativeText(
            self.tr("Save over it anyway? Whoever saves last overwrites the other's changes.")
        )
        self.save_anyway = self.addButton(
            self.tr("&Save Anyway"), QMessageBox.ButtonRole.DestructiveRole
        )
        self.setDefaultButton(self.addButton(QMessageBox.StandardButton.Cancel))

    def choose(self) -> bool:
        return self.clickedButton() is self.save_anyway


def may_save_over(parent: QWidget | None, path: Path) -> bool:
    """Whether Save As may write `path`: yes unless another running tpmapper has it open
    and the user, asked, says no."""
    lock = MapLock(path)
    if lock.acquire():  # free (or a dead process's): nobody else has it open
        lock.release()
        return True
    if not lock.held_elsewhere:
        return True  # no lock can be made there: nobody can have one
    return SaveOverQuestion.ask(lock, parent)


class DocumentLock(QObject):
    """A document's lock: let go when the document closes, moved when it is saved under
    another name."""

    def __init__(self, document: Document, lock: MapLock | None = None) -> None:
        super().__init__(document)
        self.document = document
        self.lock = lock
        document.closing.connect(self.release)
        document.saved.connect(self._saved)

    @classmethod
    def of(cls, document: Document) -> DocumentLock:
        found = document.findChild(DocumentLock)
        return found if found is not None else cls(document)

    def release(self) -> None:
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def _saved(self, path: Path) -> None:
        """Saved (Save As, perhaps): hold the lock of the file it is in now, if free."""
        if self.lock is not None and self.lock.map_path == Path(path):
            return
        self.release()
        lock = MapLock(Path(path))
        if lock.acquire():
            self.lock = lock


def open_document(parent: QWidget | None, path: Path) -> Document | None:
    """Open the map at `path`, locked; asks first when another tpmapper has it open. None
    when the user cancels; raises `MapFileError` when it cannot be read."""
    lock: MapLock | None = MapLock(Path(path))
    mode = OpenMode.EDIT
    if not lock.acquire():
        if lock.held_elsewhere:
            mode = LockedMapQuestion.ask(lock, parent)
            if mode is None:
                return None
        lock = None  # held by another, or no lock can be made here: open without one
    try:
        document = Document.open(Path(path))
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    document.read_only = mode is OpenMode.READ_ONLY
    DocumentLock(document, lock)
    return document
