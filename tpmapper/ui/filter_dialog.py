"""View ▸ Filter…: which touchpoints stand out; the others are dimmed on the map.

Every list is "any of the ticked" (nothing ticked: no restriction); the criteria together
must all hold. The result is a model `ViewFilter`, so a saved view and an export apply
exactly the same test.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tpmapper.model.elements import ViewFilter
from tpmapper.model.journey import JourneyMap
from tpmapper.model.values import RATING_MAX, RATING_MIN
from tpmapper.model.vocabulary import Moment
from tpmapper.render import labels

NO_BOUND = RATING_MIN - 1  # the spin boxes' "any" value


class FilterDialog(QDialog):
    def __init__(self, journey: JourneyMap, current: ViewFilter, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Filter"))
        owners = sorted({tp.owner for tp in journey.touchpoints() if tp.owner}, key=str.casefold)
        tags = sorted({tag for tp in journey.touchpoints() for tag in tp.tags}, key=str.casefold)
        self.lists = {
            "phases": self._list([(p.name, p.id) for p in journey.phases], current.phases),
            "lanes": self._list([(lane.name, lane.id) for lane in journey.lanes], current.lanes),
            "owners": self._list(
                [(self.tr("(without owner)"), ""), *((o, o) for o in owners)], current.owners
            ),
            "tags": self._list([(t, t) for t in tags], current.tags),
            "personas": self._list([(p.name, p.id) for p in journey.personas], current.personas),
            "moments": self._list([(labels.label(m), m) for m in Moment], current.moments),
        }
        titles = {
            "phases": self.tr("Phases"),
            "lanes": self.tr("Lanes"),
            "owners": self.tr("Owners"),
            "tags": self.tr("Tags"),
            "personas": self.tr("Personas"),
            "moments": self.tr("Moments"),
        }
        grid = QGridLayout()
        for index, (key, widget) in enumerate(self.lists.items()):
            box = QGroupBox(titles[key], self)
            QVBoxLayout(box).addWidget(widget)
            grid.addWidget(box, index // 3, index % 3)
        self.rating_min = self._bound(current.rating_min)
        self.rating_max = self._bound(current.rating_max)
        self.text = QLineEdit(current.text, self)
        self.text.setPlaceholderText(
            self.tr("in name, description, owner, channel detail, tags, notes")
        )
        form = QFormLayout()
        rating = QHBoxLayout()
        rating.addWidget(self.rating_min)
        rating.addWidget(self.rating_max)
        form.addRow(self.tr("Customer rating from / to:"), rating)
        form.addRow(self.tr("Text:"), self.text)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Reset,
            self,
        )
        buttons.button(QDialogButtonBox.StandardButton.Reset).setText(self.tr("Show All"))
        buttons.button(QDialogButtonBox.StandardButton.Reset).clicked.connect(self._clear)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _list(self, entries: Sequence[tuple[str, object]], ticked: Sequence[object]) -> QListWidget:
        """The choices, ticked as the filter has them; a value the filter names that the
        map no longer has (a saved view's owner, a removed phase) stays listed and ticked,
        so that OK keeps the filter as it was."""
        widget = QListWidget(self)
        known = {value for _text, value in entries}
        gone = self.tr("%1 (not in the map)")
        entries = [*entries, *((gone.replace("%1", str(v)), v) for v in ticked if v not in known)]
        for text, value in entries:
            item = QListWidgetItem(text, widget)
            item.setData(Qt.ItemDataRole.UserRole, value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = value in ticked
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        widget.setMinimumHeight(110)
        return widget

    def _bound(self, value: int | None) -> QSpinBox:
        box = QSpinBox(self)
        box.setRange(NO_BOUND, RATING_MAX)
        box.setSpecialValueText(self.tr("any"))
        box.setValue(NO_BOUND if value is None else value)
        return box

    def _clear(self) -> None:
        for widget in self.lists.values():
            for row in range(widget.count()):
                widget.item(row).setCheckState(Qt.CheckState.Unchecked)
        self.rating_min.setValue(NO_BOUND)
        self.rating_max.setValue(NO_BOUND)
        self.text.clear()

    def result_filter(self) -> ViewFilter:
        """What the dialog shows; a range given upside down is put the right way round."""

        def ticked(key: str) -> tuple:
            widget = self.lists[key]
            return tuple(
                widget.item(row).data(Qt.ItemDataRole.UserRole)
                for row in range(widget.count())
                if widget.item(row).checkState() == Qt.CheckState.Checked
            )

        low, high = (
            None if box.value() == NO_BOUND else box.value()
            for box in (self.rating_min, self.rating_max)
        )
        if low is not None and high is not None and low > high:
            low, high = high, low
        return ViewFilter(
            phases=ticked("phases"),
            lanes=ticked("lanes"),
            owners=ticked("owners"),
            tags=ticked("tags"),
            personas=ticked("personas"),
            moments=ticked("moments"),
            rating_min=low,
            rating_max=high,
            text=self.text.text().strip(),
        )
