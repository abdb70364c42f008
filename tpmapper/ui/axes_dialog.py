"""Map ▸ Phases and Lanes: add, rename, recolour, reorder and remove the map's columns and rows.

Every button pushes one edit on the document, so all of it is undoable with Ctrl+Z, even
while the dialog is open. Removing asks first and says what happens to the touchpoints.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tpmapper.model import edits
from tpmapper.model.elements import Lane, Persona, Phase, new_id
from tpmapper.ui.document import Document
from tpmapper.ui.keys import redo_keys

PHASES, LANES, PERSONAS = "phases", "lanes", "personas"
#: The edits that add, update, move and remove an element of each collection.
EDITS = {
    PHASES: (edits.AddPhase, edits.UpdatePhase, edits.MovePhase, edits.RemovePhase),
    LANES: (edits.AddLane, edits.UpdateLane, edits.MoveLane, edits.RemoveLane),
    PERSONAS: (edits.AddPersona, edits.UpdatePersona, edits.MovePersona, edits.RemovePersona),
}
NEW_PHASE_COLOUR = "#8fa8c8"


class AxisEditor(QWidget):
    """The list of phases, lanes or personas with its buttons."""

    def __init__(self, document: Document, axis: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.axis = axis
        self.list = QListWidget(self)
        self.list.itemDoubleClicked.connect(lambda _item: self.rename())
        buttons = QVBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        actions = [
            ("add", self.tr("Add…"), self.add),
            ("rename", self.tr("Rename…"), self.rename),
            ("colour", self.tr("Colour…"), self.recolour),
            ("up", self.tr("Move Up"), lambda: self.move(-1)),
            ("down", self.tr("Move Down"), lambda: self.move(1)),
            ("remove", self.tr("Remove…"), self.remove),
        ]
        for key, text, slot in actions:
            if key == "colour" and axis != PHASES:
                continue
            button = QPushButton(text, self)
            button.setObjectName(f"{axis}-{key}")
            button.clicked.connect(lambda _checked=False, slot=slot: slot())
            buttons.addWidget(button)
            self.buttons[key] = button
        buttons.addStretch(1)
        row = QHBoxLayout(self)
        row.addWidget(self.list, 1)
        row.addLayout(buttons)
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        document.edited.connect(self.refresh)
        self.refresh()

    @property
    def items(self):
        return getattr(self.document.journey, self.axis)

    def refresh(self) -> None:
        current = self.current_id()
        self.list.clear()
        for element in self.items:
            count = self._count(element.id)
            item = QListWidgetItem(f"{element.name}   ({count})", self.list)
            item.setData(Qt.ItemDataRole.UserRole, element.id)
            if self.axis == PHASES:
                item.setData(Qt.ItemDataRole.DecorationRole, QColor(element.colour))
        ids = self.items.ids()
        self.list.setCurrentRow(ids.index(current) if current in ids else min(0, len(ids) - 1))
        self._update_buttons()

    def _count(self, item_id: str) -> int:
        """How many touchpoints are in this phase or lane, or serve this persona."""
        journey = self.document.journey
        if self.axis == PHASES:
            return len(journey.in_phase(item_id))
        if self.axis == LANES:
            return len(journey.in_lane(item_id))
        return sum(item_id in tp.personas for tp in journey.touchpoints())

    def _update_buttons(self) -> None:
        row, count = self.list.currentRow(), self.list.count()
        for key, button in self.buttons.items():
            enabled = key == "add" or row >= 0
            if key == "up":
                enabled = row > 0
            elif key == "down":
                enabled = 0 <= row < count - 1
            elif key == "remove":  # a map keeps at least one phase and one lane
                enabled = row >= 0 and (count > 1 or self.axis == PERSONAS)
            button.setEnabled(enabled)

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def add(self) -> None:
        title = {
            PHASES: self.tr("New Phase"),
            LANES: self.tr("New Lane"),
            PERSONAS: self.tr("New Persona"),
        }[self.axis]
        name, ok = QInputDialog.getText(self, title, self.tr("Name:"))
        name = name.strip()
        if not ok or not name:
            return
        row = self.list.currentRow()
        index = row + 1 if row >= 0 else None
        element = {
            PHASES: lambda: Phase(new_id(), name, NEW_PHASE_COLOUR),
            LANES: lambda: Lane(new_id(), name),
            PERSONAS: lambda: Persona(new_id(), name),
        }
        try:
            edit = EDITS[self.axis][0](element[self.axis](), index)
        except ValueError as error:  # the name itself is refused (a control character, …)
            self.document.refuse(error)
            return
        if self.document.push(edit, self.tr("Add %1").replace("%1", name)):
            self.list.setCurrentRow(self.items.ids().index(edit.item.id))

    def rename(self) -> None:
        item_id = self.current_id()
        if item_id is None:
            return
        old = self.items[item_id].name
        name, ok = QInputDialog.getText(self, self.tr("Rename"), self.tr("Name:"), text=old)
        name = name.strip()
        if not ok or not name or name == old:
            return
        update = EDITS[self.axis][1]
        self.document.push(
            update(item_id, {"name": name}), self.tr("Rename %1").replace("%1", name)
        )

    def recolour(self) -> None:
        item_id = self.current_id()
        if item_id is None or self.axis != PHASES:
            return
        chosen = QColorDialog.getColor(
            QColor(self.items[item_id].colour), self, self.tr("Phase Colour")
        )
        if chosen.isValid():
            edit = edits.UpdatePhase(item_id, {"colour": chosen.name()})
            self.document.push(edit, self.tr("Recolour phase"))

    def move(self, step: int) -> None:
        item_id = self.current_id()
        if item_id is None:
            return
        index = self.items.index(item_id) + step
        if 0 <= index < len(self.items):
            self.document.push(EDITS[self.axis][2](item_id, index), self.tr("Reorder"))

    def remove(self) -> None:
        """Ask what should happen to the touchpoints (or persona users), then remove."""
        item_id = self.current_id()
        if item_id is None or (len(self.items) < 2 and self.axis != PERSONAS):
            return
        name = self.items[item_id].name
        text = self.tr("Remove %1").replace("%1", name)
        remove_class = EDITS[self.axis][3]
        if self.axis == PERSONAS:
            if self._ask_persona(name, self._count(item_id)) == "remove":
                self.document.push(remove_class(item_id), text)
            return
        ids = self.items.ids()
        neighbour = ids[ids.index(item_id) - 1] if ids.index(item_id) > 0 else ids[1]
        consequences = remove_class(item_id).consequences(self.document.journey)
        choice = self._ask(name, self.items[neighbour].name, consequences)
        if choice == "remove":
            self.document.push(remove_class(item_id), text)
        elif choice == "move":
            self.document.push(remove_class(item_id, neighbour), text)

    def _ask_persona(self, name: str, users: int) -> str:
        if users == 0:
            return "remove"
        answer = QMessageBox.question(
            self,
            self.tr("Remove"),
            self.tr("%1 touchpoints serve “%2”. Remove the persona from them too?")
            .replace("%1", str(users))
            .replace("%2", name),
        )
        return "remove" if answer == QMessageBox.StandardButton.Yes else "cancel"

    def _ask(self, name: str, neighbour: str, consequences: edits.Consequences) -> str:
        if consequences.touchpoints_removed == 0:
            return "remove"
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Remove"))
        box.setText(
            self.tr("“%1” holds %2 touchpoints with %3 links. What should happen to them?")
            .replace("%1", name)
            .replace("%2", str(consequences.touchpoints_removed))
            .replace("%3", str(consequences.links_removed))
        )
        move = box.addButton(
            self.tr("Move them to “%1”").replace("%1", neighbour), QMessageBox.ButtonRole.AcceptRole
        )
        remove = box.addButton(self.tr("Remove them too"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(move)
        box.exec()
        clicked = box.clickedButton()
        return "move" if clicked is move else "remove" if clicked is remove else "cancel"


class AxesDialog(QDialog):
    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Phases and Lanes"))
        self.phases = AxisEditor(document, PHASES, self)
        self.lanes = AxisEditor(document, LANES, self)
        tabs = QTabWidget(self)
        tabs.addTab(self.phases, self.tr("Phases (columns)"))
        tabs.addTab(self.lanes, self.tr("Lanes (rows)"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(close)
        # Ctrl+Z and Ctrl+Y work here too, while the dialog has the keyboard.
        undo = document.undo_stack.createUndoAction(self)
        undo.setObjectName("undo")
        undo.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Undo))
        redo = document.undo_stack.createRedoAction(self)
        redo.setObjectName("redo")
        redo.setShortcuts(redo_keys())
        self.addActions([undo, redo])
        self.resize(520, 360)
