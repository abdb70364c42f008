"""An open map: the model, its file, its undo stack, and whether it has unsaved changes."""

from __future__ import annotations

from collections.abc import Hashable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from tpmapper.files import tpmap
from tpmapper.model.edits import Edit
from tpmapper.model.elements import FieldError
from tpmapper.model.journey import Change, JourneyMap
from tpmapper.ui.commands import EditCommand


def refusal_text(error: ValueError) -> str:
    """The model's reason as one sentence: "Conversion rate: 2.5 is outside 0–1."."""
    if isinstance(error, FieldError):
        text = f"{error.field.replace('_', ' ')}: {error.reason}"
    else:
        text = str(error)
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", "?", "!", ")")) else ".")


class Document(QObject):
    """Widgets never change the map directly: they `push` edits here."""

    changed = Signal(object)  # a model Change, for each primitive change
    edited = Signal()  # after each push, undo or redo: time to redraw
    modified_changed = Signal(bool)
    #: The model refused an edit (the sentence says why); the map is unchanged. The window
    #: tells the user; widgets that pushed it may put their fields back.
    refused = Signal(str)

    def __init__(
        self,
        journey: JourneyMap,
        path: Path | None = None,
        parent: QObject | None = None,
        origin: str = "",
    ) -> None:
        super().__init__(parent)
        self.journey = journey
        self.path = path
        #: Where an unsaved map came from ("imported from book.xlsx"), for the window title.
        self.origin = origin
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

    def push(self, edit: Edit, text: str, merge_key: Hashable | None = None) -> bool:
        """Apply `edit` and record it as one undo step; True when it was applied.

        The one way a refused edit reaches the user: the model raises ValueError and
        changes nothing, and `refused` carries the reason to whoever shows it.
        """
        try:
            edit.apply(self.journey)
        except ValueError as error:
            self.refuse(error)
            return False
        self.undo_stack.push(EditCommand(self.journey, edit, text, merge_key))
        return True

    def refuse(self, error: ValueError) -> None:
        """Tell the user why an edit cannot be made (also one refused before it was built,
        such as a name no phase may have, or a number that is not one)."""
        self.refused.emit(refusal_text(error))

    def save(self, path: Path | None = None) -> None:
        """Save atomically to `path` (default: where it came from). Raises `MapFileError`."""
        target = Path(path) if path is not None else self.path
        if target is None:
            raise ValueError("the map has no file yet; choose one with Save As")
        # A map opened through a link is saved into the file it links to, as editors do;
        # the atomic writer itself never follows links (the command line relies on that).
        written = target.resolve() if target.is_symlink() and target.resolve().is_file() else target
        tpmap.save(self.journey, written)
        self.path = target
        self.undo_stack.setClean()
