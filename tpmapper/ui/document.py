"""An open map: the model, its file, its undo stack, and whether it has unsaved changes."""

from __future__ import annotations

from collections.abc import Hashable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from tpmapper.files import tpmap
from tpmapper.model.edits import Edit
from tpmapper.model.journey import Change, JourneyMap
from tpmapper.ui.commands import EditCommand


class Document(QObject):
    """Widgets never change the map directly: they `push` edits here."""

    changed = Signal(object)  # a model Change, for each primitive change
    edited = Signal()  # after each push, undo or redo: time to redraw
    modified_changed = Signal(bool)

    def __init__(
        self, journey: JourneyMap, path: Path | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.journey = journey
        self.path = path
        self.undo_stack = QUndoStack(self)
        self.undo_stack.indexChanged.connect(self._on_index_changed)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        journey.add_listener(self._on_change)

    @classmethod
    def open(cls, path: Path, parent: QObject | None = None) -> Document:
        """Raises `MapFileError` with a sentence for the user."""
        return cls(tpmap.load(path), Path(path), parent)

    def _on_index_changed(self, _index: int) -> None:
        self.edited.emit()

    def _on_clean_changed(self, clean: bool) -> None:
        self.modified_changed.emit(not clean)

    def _on_change(self, change: Change) -> None:
        self.changed.emit(change)

    def close(self) -> None:
        self.journey.remove_listener(self._on_change)

    @property
    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    @property
    def display_name(self) -> str:
        return self.journey.title

    def push(self, edit: Edit, text: str, merge_key: Hashable | None = None) -> None:
        """Apply `edit` and record it as one undo step. A refused edit raises ValueError
        (or KeyError) and changes nothing."""
        edit.apply(self.journey)
        self.undo_stack.push(EditCommand(self.journey, edit, text, merge_key))

    def save(self, path: Path | None = None) -> None:
        """Save atomically to `path` (default: where it came from). Raises `MapFileError`."""
        target = Path(path) if path is not None else self.path
        if target is None:
            raise ValueError("the map has no file yet; choose one with Save As")
        tpmap.save(self.journey, target)
        self.path = target
        self.undo_stack.setClean()
