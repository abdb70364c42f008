"""File ▸ Open Recent: the maps last opened or saved, kept in the settings that every
window shares, newest first."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import QMenu, QWidget

MAX_RECENT = 10
KEY = "recent_files"


class RecentFilesMenu(QMenu):
    chosen = Signal(Path)  # an entry was picked: open it

    def __init__(self, title: str, settings: QSettings, parent: QWidget) -> None:
        super().__init__(title, parent)
        self.settings = settings
        self.aboutToShow.connect(self._fill)
        self.update_enabled()

    def files(self) -> list[str]:
        value = self.settings.value(KEY, [])
        if isinstance(value, str):  # QSettings hands back a one-entry list as its entry
            value = [value]
        return [str(v) for v in value or []]

    def last_folder(self) -> str:
        """Where the newest entry is (for file dialogs), else the home folder."""
        files = self.files()
        return str(Path(files[0]).parent) if files else str(Path.home())

    def remember(self, path: Path) -> None:
        entry = str(Path(path).resolve())
        files = [entry, *(f for f in self.files() if f != entry)][:MAX_RECENT]
        self.settings.setValue(KEY, files)
        self.update_enabled()

    def update_enabled(self) -> None:
        """Offer the menu when there is something in it (another window may have added
        an entry: the File menu calls this each time it opens)."""
        self.setEnabled(bool(self.files()))

    def _fill(self) -> None:
        self.clear()
        for entry in self.files():
            action = self.addAction(entry)
            action.triggered.connect(lambda _checked=False, p=entry: self.chosen.emit(Path(p)))
