"""An open map: the model, its file, its undo stack, and whether it has unsaved changes;
also what the file on disk looked like when it was read or written (to notice changes by
others), whether it is open read-only, and whether a save keeps the previous version."""

from __future__ import annotations

from collections.abc import Hashable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from tpmapper.files import tpmap
from tpmapper.files.atomic import atomic_write
from tpmapper.files.errors import MapFileError
from tpmapper.files.fingerprint import Fingerprint, fingerprint, written_fingerprint
from tpmapper.model.edits import Edit
from tpmapper.model.elements import FieldError
from tpmapper.model.journey import Change, JourneyMap
from tpmapper.model.replace import ReplaceContent
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
    saved = Signal(object)  # the Path just written
    closing = Signal()  # the document goes away (its window closed, or another map took it)

    #: The suffix of the previous version kept on saving ("shop.tpmap~"), when asked for.
    BACKUP_SUFFIX = "~"

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
        #: Another tpmapper has the file open: Save refuses and offers Save As.
        self.read_only = False
        #: Each save first keeps the file's previous version as NAME.tpmap~.
        self.keep_backup = False
        #: The file as it was when read or last written by us (None: not known).
        self.disk_state: Fingerprint | None = None
        #: The recovery copy this document goes on from (recovered at start), if any.
        self.recovery_id: str | None = None
        self._closed = False
        self.undo_stack = QUndoStack(self)
        self.undo_stack.indexChanged.connect(self._on_index_changed)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        journey.add_listener(self._on_change)

    @classmethod
    def open(cls, path: Path, parent: QObject | None = None) -> Document:
        """Raises `MapFileError` with a sentence for the user."""
        state = fingerprint(Path(path))  # before reading: a change meanwhile is seen later
        document = cls(tpmap.load(path), Path(path), parent)
        document.disk_state = state
        return document

    def _on_index_changed(self, _index: int) -> None:
        self.edited.emit()

    def _on_clean_changed(self, clean: bool) -> None:
        self.modified_changed.emit(not clean)

    def _on_change(self, change: Change) -> None:
        self.changed.emit(change)

    def close(self) -> None:
        """The map goes away: listeners let go (its recovery copy and lock with them)."""
        if self._closed:
            return
        self._closed = True
        self.journey.remove_listener(self._on_change)
        self.closing.emit()

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

    def replace_content(self, journey: JourneyMap, text: str) -> bool:
        """Make the map hold `journey`'s content, as one undo step (recovered work, a
        reload from disk)."""
        return self.push(ReplaceContent(journey), text)

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
        if self.keep_backup:
            self._keep_previous_version(written)
        data = tpmap.dumps(self.journey)
        atomic_write(written, data)
        self.path = target
        self.disk_state = written_fingerprint(written, data)
        self.read_only = False  # written by us: ours now
        self.undo_stack.setClean()
        self.saved.emit(target)

    def _keep_previous_version(self, path: Path) -> None:
        """NAME.tpmap~ holds what NAME.tpmap held (written atomically; raises MapFileError)."""
        try:
            previous = path.read_bytes()
        except FileNotFoundError:
            return
        except OSError as error:
            reason = f"cannot keep the previous version: {error.strerror}"
            raise MapFileError(path, reason) from None
        atomic_write(path.with_name(path.name + self.BACKUP_SUFFIX), previous)
