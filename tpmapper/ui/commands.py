"""Model edits wrapped as QUndoCommands, so every change is undoable from the Edit menu."""

from __future__ import annotations

from collections.abc import Hashable

from PySide6.QtGui import QUndoCommand

from tpmapper.model.edits import CompositeEdit, Edit
from tpmapper.model.journey import JourneyMap

MERGEABLE_ID = 0x7470  # every mergeable command shares it; `merge_key` decides


class EditCommand(QUndoCommand):
    """One undo step. The edit is applied before the command is pushed (so a refused edit
    never reaches the stack); the stack's first `redo()` is therefore skipped.

    Commands with the same `merge_key` pushed one after another become one step (typing in
    a field, arrow-key nudges), as in Qt's undoframework example.
    """

    def __init__(
        self, journey: JourneyMap, edit: Edit, text: str, merge_key: Hashable | None = None
    ) -> None:
        super().__init__(text)
        self._journey = journey
        self._edit = edit
        self.merge_key = merge_key
        self._applied = True

    def redo(self) -> None:
        if self._applied:
            self._applied = False  # the push itself: already applied
            return
        self._edit.apply(self._journey)

    def undo(self) -> None:
        self._edit.revert(self._journey)

    def id(self) -> int:
        return MERGEABLE_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditCommand) or other.merge_key != self.merge_key:
            return False
        self._edit = CompositeEdit([self._edit, other._edit])
        return True
