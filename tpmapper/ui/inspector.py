"""The inspector dock: every field of the selected touchpoints, or the map's properties.

Each field commits when its edit is finished (Enter, leaving the field, choosing an
item), so one field edit is one undo step. With several touchpoints selected, a field
shows their common value (or is blank when they differ) and setting it sets all of them
in one step. Refreshing from the model blocks the widgets' own signals, so showing a
value never turns into an edit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from tpmapper.model.edits import CompositeEdit, UpdateMap, UpdateTouchpoint
from tpmapper.model.elements import Touchpoint
from tpmapper.model.vocabulary import Channel, Directness, Medium, Moment, Ownership
from tpmapper.render import labels
from tpmapper.ui.axes_dialog import PERSONAS, AxisEditor
from tpmapper.ui.document import Document

MIXED = object()  # several selected touchpoints hold different values


class CommittingTextEdit(QPlainTextEdit):
    """A multi-line field that reports when the user leaves it."""

    editing_finished = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.editing_finished.emit()


@dataclass
class Field:
    """One editable field: how to show a model value and how to read it back."""

    name: str
    widget: QWidget
    show: Callable[[Any], None]
    read: Callable[[], Any]  # raises ValueError with a reason for an unreadable entry
    label: str = ""  # as the form shows it, for the undo text


def _number_text(value: float | None, scale: float = 1.0) -> str:
    if value is None:
        return ""
    shown = value * scale
    return f"{shown:.10g}"


def _parse_number(text: str, scale: float = 1.0, whole: bool = False) -> float | int | None:
    text = text.strip().replace(",", ".").rstrip("%").strip()
    if not text:
        return None
    number = float(text) / scale
    return round(number) if whole and number == round(number) else number


class Inspector(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document: Document | None = None
        self.touchpoint_ids: list[str] = []
        self.fields: dict[str, Field] = {}
        self._stack = QStackedWidget(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)
        self._heading = QLabel(self)
        self._heading.setWordWrap(True)
        self._touchpoint_page = self._build_touchpoint_page()
        self._map_page = self._build_map_page()
        self._stack.addWidget(self._touchpoint_page)
        self._stack.addWidget(self._map_page)

    # ------------------------------------------------------------------ building
    def _line(
        self, name: str, parse: Callable[[str], Any] = str, show: Callable[[Any], str] = str
    ) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setClearButtonEnabled(True)

        def show_value(value: Any) -> None:
            edit.setPlaceholderText(self.tr("(several values)") if value is MIXED else "")
            edit.setText("" if value is MIXED else show(value))

        self.fields[name] = Field(name, edit, show_value, lambda: parse(edit.text()))
        edit.editingFinished.connect(lambda: self._commit(name))
        return edit

    def _text(self, name: str) -> CommittingTextEdit:
        edit = CommittingTextEdit(self)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(64)

        def show_value(value: Any) -> None:
            edit.setPlaceholderText(self.tr("(several values)") if value is MIXED else "")
            edit.setPlainText("" if value is MIXED else value)
            edit.document().setModified(False)

        self.fields[name] = Field(name, edit, show_value, edit.toPlainText)
        edit.editing_finished.connect(lambda: self._commit(name))
        return edit

    def _combo(self, name: str, items: Sequence[tuple[str, Any]]) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem("—", None)
        for text, value in items:
            combo.addItem(text, value)

        def show_value(value: Any) -> None:
            combo.setCurrentIndex(-1 if value is MIXED else max(0, combo.findData(value)))

        self.fields[name] = Field(name, combo, show_value, combo.currentData)
        combo.activated.connect(lambda _index: self._commit(name))
        return combo

    def _enum(self, name: str, kind: type[Enum]) -> QComboBox:
        return self._combo(name, labels.choices(kind))

    def _rating(self, name: str) -> QComboBox:
        return self._combo(name, [(f"{'★' * n}{'☆' * (5 - n)}  {n}", n) for n in range(1, 6)])

    def _list(self, name: str) -> QLineEdit:
        def parse(text: str) -> tuple[str, ...]:
            return tuple(dict.fromkeys(part.strip() for part in text.split(",") if part.strip()))

        edit = self._line(name, parse, ", ".join)
        edit.setToolTip(self.tr("Separate entries with commas"))
        return edit

    def _group(self, title: str, rows: list[tuple[str, QWidget]]) -> QGroupBox:
        box = QGroupBox(title, self)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for text, widget in rows:
            form.addRow(text, widget)
            for field in self.fields.values():
                if field.widget is widget:
                    field.label = text
        return box

    def _build_touchpoint_page(self) -> QScrollArea:
        page = QWidget(self)
        column = QVBoxLayout(page)
        column.addWidget(self._heading)
        self.owner_completer = QCompleter([], self)
        self.owner_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        owner = self._line("owner")
        owner.setCompleter(self.owner_completer)
        flag_items = [(self.tr("Yes"), True), (self.tr("No"), False)]
        percent = {"parse": lambda t: _parse_number(t, 100), "show": lambda v: _number_text(v, 100)}
        number = {"parse": _parse_number, "show": _number_text}
        column.addWidget(
            self._group(
                self.tr("Touchpoint"),
                [
                    (self.tr("Name"), self._line("name")),
                    (self.tr("Description"), self._text("description")),
                    (self.tr("Owner"), owner),
                ],
            )
        )
        column.addWidget(
            self._group(
                self.tr("Classification"),
                [
                    (self.tr("Channel"), self._enum("channel", Channel)),
                    (self.tr("Channel detail"), self._line("channel_detail")),
                    (self.tr("Owned / paid / earned"), self._enum("ownership", Ownership)),
                    (self.tr("Direct / indirect"), self._enum("directness", Directness)),
                    (self.tr("Influenceable"), self._combo("influenceable", flag_items)),
                    (self.tr("Digital / analog"), self._enum("medium", Medium)),
                ],
            )
        )
        column.addWidget(
            self._group(
                self.tr("Ratings"),
                [
                    (self.tr("Customer rating (outside-in)"), self._rating("customer_rating")),
                    (self.tr("Company rating (inside-out)"), self._rating("company_rating")),
                    (self.tr("Importance"), self._rating("importance")),
                    (self.tr("Moment"), self._enum("moment", Moment)),
                    (self.tr("Why"), self._text("moment_reason")),
                ],
            )
        )
        column.addWidget(
            self._group(
                self.tr("KPIs"),
                [
                    (self.tr("Conversion rate (%)"), self._line("conversion_rate", **percent)),
                    (self.tr("Satisfaction (%)"), self._line("satisfaction", **percent)),
                    (self.tr("ROI (%)"), self._line("roi", **percent)),
                    (self.tr("Cost"), self._line("cost", **number)),
                    (
                        self.tr("Reach"),
                        self._line("reach", lambda t: _parse_number(t, whole=True), _number_text),
                    ),
                ],
            )
        )
        self.personas = QListWidget(self)
        self.personas.setMaximumHeight(96)
        self.personas.itemChanged.connect(self._commit_persona)
        column.addWidget(self._group(self.tr("Personas"), [(self.tr("Serves"), self.personas)]))
        column.addWidget(
            self._group(
                self.tr("Improvement"),
                [
                    (self.tr("Feedback sources"), self._list("feedback_sources")),
                    (self.tr("Improvement idea"), self._text("improvement_idea")),
                    (self.tr("Tags"), self._list("tags")),
                    (self.tr("Notes"), self._text("notes")),
                ],
            )
        )
        column.addStretch(1)
        self._align_labels(page)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(page)
        return scroll

    @staticmethod
    def _align_labels(page: QWidget) -> None:
        """One label width for every group, so the fields line up down the page."""
        forms = [box.layout() for box in page.findChildren(QGroupBox)]
        labels_ = [
            form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()
            for form in forms
            if isinstance(form, QFormLayout)
            for row in range(form.rowCount())
            if form.itemAt(row, QFormLayout.ItemRole.LabelRole) is not None
        ]
        width = max((label.sizeHint().width() for label in labels_), default=0)
        for label in labels_:
            label.setMinimumWidth(width)

    def _build_map_page(self) -> QWidget:
        page = QWidget(self)
        column = QVBoxLayout(page)
        self.map_title = QLineEdit(page)
        self.map_description = CommittingTextEdit(page)
        self.map_description.setFixedHeight(96)
        self.map_title.editingFinished.connect(self._commit_map)
        self.map_description.editing_finished.connect(self._commit_map)
        column.addWidget(
            self._group(
                self.tr("Map properties"),
                [
                    (self.tr("Title"), self.map_title),
                    (self.tr("Description"), self.map_description),
                ],
            )
        )
        self.persona_editor: AxisEditor | None = None  # made when a document is set
        self._persona_box = QGroupBox(self.tr("Personas (target groups)"), page)
        QVBoxLayout(self._persona_box)
        column.addWidget(self._persona_box)
        column.addWidget(QLabel(self.tr("Select a touchpoint to edit it."), page))
        column.addStretch(1)
        return page

    # ------------------------------------------------------------------ showing
    def set_document(self, document: Document) -> None:
        if self.document is not None:
            self.document.edited.disconnect(self.refresh)
        self.document = document
        document.edited.connect(self.refresh)
        if self.persona_editor is not None:
            self.persona_editor.hide()  # deleted later; never shown beside its successor
            self.persona_editor.deleteLater()
        self.persona_editor = AxisEditor(document, PERSONAS, self._persona_box)
        self._persona_box.layout().addWidget(self.persona_editor)
        self.show_touchpoints([])

    def show_touchpoints(self, touchpoint_ids: Sequence[str]) -> None:
        """Show these touchpoints; another choice starts at the top (Name, Owner)."""
        if list(touchpoint_ids) != self.touchpoint_ids:
            self._touchpoint_page.verticalScrollBar().setValue(0)
        self.touchpoint_ids = list(touchpoint_ids)
        self.refresh()

    def refresh(self) -> None:
        if self.document is None:
            return
        journey = self.document.journey
        self.touchpoint_ids = [t for t in self.touchpoint_ids if t in journey]
        if not self.touchpoint_ids:
            self._stack.setCurrentWidget(self._map_page)
            with QSignalBlocker(self.map_title), QSignalBlocker(self.map_description):
                self.map_title.setText(journey.title)
                self.map_description.setPlainText(journey.description)
                self.map_description.document().setModified(False)
            return
        self._stack.setCurrentWidget(self._touchpoint_page)
        chosen = [journey.touchpoint(t) for t in self.touchpoint_ids]
        count = len(chosen)
        self._heading.setText(
            f"<b>{chosen[0].name}</b>"
            if count == 1
            else self.tr("<b>%n touchpoints</b> selected", "", count)
        )
        self.owner_completer.model().setStringList(journey.owners())  # type: ignore[attr-defined]
        for field in self.fields.values():
            with QSignalBlocker(field.widget):
                field.show(common_value(chosen, field.name))
        self._show_personas(chosen)

    def _show_personas(self, chosen: Sequence[Touchpoint]) -> None:
        """Checked: every selected card serves the persona; partly: some of them do."""
        assert self.document is not None
        with QSignalBlocker(self.personas):
            self.personas.clear()
            for persona in self.document.journey.personas:
                serving = sum(persona.id in tp.personas for tp in chosen)
                item = QListWidgetItem(persona.name, self.personas)
                item.setData(Qt.ItemDataRole.UserRole, persona.id)
                item.setToolTip(persona.description)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                state = Qt.CheckState.Unchecked
                if serving == len(chosen):
                    state = Qt.CheckState.Checked
                elif serving:
                    state = Qt.CheckState.PartiallyChecked
                item.setCheckState(state)

    def _commit_persona(self, item: QListWidgetItem) -> None:
        """Ticking a persona adds it to every selected card; unticking removes it."""
        if self.document is None or not self.touchpoint_ids:
            return
        journey = self.document.journey
        persona = item.data(Qt.ItemDataRole.UserRole)
        serve = item.checkState() != Qt.CheckState.Unchecked
        parts = []
        for tid in self.touchpoint_ids:
            current = journey.touchpoint(tid).personas
            if serve and persona not in current:
                parts.append(UpdateTouchpoint(tid, {"personas": (*current, persona)}))
            elif not serve and persona in current:
                kept = tuple(p for p in current if p != persona)
                parts.append(UpdateTouchpoint(tid, {"personas": kept}))
        if parts:
            self.document.push(CompositeEdit(parts), self.tr("Edit personas"))

    # ------------------------------------------------------------------ committing
    @staticmethod
    def _user_changed(widget: QWidget) -> bool:
        """Did the user type in this field since it was last shown? Leaving a field that
        shows "(several values)" must not set them all to nothing."""
        if isinstance(widget, QLineEdit):
            return widget.isModified()
        if isinstance(widget, QPlainTextEdit):
            return widget.document().isModified()
        return True

    def _commit(self, name: str) -> None:
        if self.document is None or not self.touchpoint_ids:
            return
        field = self.fields[name]
        if not self._user_changed(field.widget):
            return
        journey = self.document.journey
        try:
            value = field.read()
        except ValueError:  # only number fields can fail to read
            shown = field.widget.text() if isinstance(field.widget, QLineEdit) else ""
            self.document.refuse(ValueError(self.tr("“%1” is not a number.").replace("%1", shown)))
            self.refresh()  # the field shows the map's value again
            return
        if isinstance(field.widget, QComboBox) and field.widget.currentIndex() < 0:
            return  # a mixed field the user did not choose a value for
        targets = [t for t in self.touchpoint_ids if getattr(journey.touchpoint(t), name) != value]
        if not targets:
            return
        if name == "name" and not str(value).strip():
            self.refresh()
            return
        edit = CompositeEdit([UpdateTouchpoint(t, {name: value}) for t in targets])
        if not self.document.push(edit, self.tr("Edit %1").replace("%1", field.label or name)):
            self.refresh()  # the field shows the map's value again; the window says why

    def _commit_map(self) -> None:
        if self.document is None or not (
            self._user_changed(self.map_title) or self._user_changed(self.map_description)
        ):
            return
        journey = self.document.journey
        title, description = self.map_title.text().strip(), self.map_description.toPlainText()
        if (title, description) == (journey.title, journey.description):
            return
        if not title:
            self.refresh()
            return
        edit = UpdateMap(title=title, description=description)
        if not self.document.push(edit, self.tr("Edit map properties")):
            self.refresh()


def common_value(touchpoints: Sequence[Touchpoint], name: str) -> Any:
    """The value all `touchpoints` share for field `name`, or MIXED."""
    values = {getattr(tp, name) for tp in touchpoints}
    return values.pop() if len(values) == 1 else MIXED
