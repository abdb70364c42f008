"""The findings dock: every finding of the analysis as a list, grouped by kind with counts.

It reads `analyze(journey)` and computes nothing itself (docs/analysis.md says what each
finding means). Choosing a finding or a whole kind emits the touchpoints it concerns
(`touchpoints_chosen`), for the window to select and show on the canvas. Edits refresh
the list after a short pause (a single-shot timer each edit restarts), so typing in the
inspector is never delayed by the analysis; a refresh changes only the items whose text
changed, so the selection and each kind's expanded state survive it.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QFont, QMouseEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tpmapper.analysis import Cell, Findings, analyze
from tpmapper.model.journey import JourneyMap
from tpmapper.model.vocabulary import Moment
from tpmapper.render import labels
from tpmapper.ui.live_view import LiveView

#: How long the map must stay unchanged before the findings are worked out again.
REFRESH_DELAY_MS = 200
#: A kind shown for the first time starts expanded when it has at most this many findings.
EXPAND_UP_TO = 12
#: A loop's item names this many of its touchpoints at most.
LOOP_NAMES = 8

_KIND = Qt.ItemDataRole.UserRole + 1  # on a kind's item: its key (a `Findings` field)
_IDS = Qt.ItemDataRole.UserRole + 2  # on a finding's item: the touchpoint ids it selects


class Row(NamedTuple):
    """One finding as listed: `key` is unique within its kind and stable across edits.
    (A named tuple: a refresh makes and compares hundreds of them.)"""

    key: str
    text: str
    detail: str
    ids: tuple[str, ...]


class _FindingsTree(QTreeWidget):
    """Says when a press lands on an item that was already the whole selection, so that
    choosing it again (after the canvas selection moved on) still shows its touchpoints."""

    pressed_again = Signal()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        before = self.selectionModel().selectedRows()
        super().mousePressEvent(event)
        item = self.itemAt(event.position().toPoint())
        if (
            item is not None
            and item.isSelected()
            and self.selectionModel().selectedRows() == before
        ):
            self.pressed_again.emit()


class FindingsDock(LiveView):
    """Shows a document's findings; set one with `set_document`."""

    #: The touchpoint ids of the finding(s) the user chose (a kind: all of its touchpoints).
    touchpoints_chosen = Signal(list)
    #: The new `Findings` after each refresh.
    findings_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(REFRESH_DELAY_MS, parent)
        self.findings: Findings | None = None
        self._refreshing = False
        self._kind_items: dict[str, QTreeWidgetItem] = {}
        self._rows: dict[str, list[Row]] = {}
        self._expanded: dict[str, bool] = {}  # as the user left each kind

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setContentsMargins(4, 2, 4, 2)
        self.tree = _FindingsTree(self)
        self.tree.setColumnCount(2)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree)

        self._heading_font = QFont(self.tree.font())
        self._heading_font.setBold(True)
        self._detail_brush = self.tree.palette().brush(QPalette.ColorRole.PlaceholderText)

        self.tree.itemSelectionChanged.connect(self._on_selection_changed)
        self.tree.pressed_again.connect(self._emit_chosen)
        self.tree.itemExpanded.connect(self._on_expanded)
        self.tree.itemCollapsed.connect(self._on_collapsed)

    # ------------------------------------------------------------------ the document
    def redraw(self) -> None:
        """Work out the findings (edits do it after `REFRESH_DELAY_MS`)."""
        if self.document is None:
            return
        journey = self.document.journey
        findings = analyze(journey)
        self.findings = findings
        self._show(self._kinds(journey, findings))
        self.summary.setText(self._summary_text(findings))
        self.findings_changed.emit(findings)

    # ------------------------------------------------------------------ what is shown
    def _summary_text(self, findings: Findings) -> str:
        agreement = findings.agreement
        if agreement.share is None:
            return self.tr("No touchpoint has both ratings yet.")
        return (
            self.tr("%1 of %2 rated touchpoints agree (%3 %)")
            .replace("%1", str(agreement.agree))
            .replace("%2", str(agreement.rated))
            .replace("%3", str(round(agreement.share * 100)))
        )

    def _titles(self) -> dict[str, tuple[str, str]]:
        """Each kind's heading and what it means (the tooltip), in the order shown."""
        return {
            "priorities": (
                self.tr("Priorities"),
                self.tr("What to fix first: importance × (5 − customer rating)"),
            ),
            "weak_spots": (
                self.tr("Weak spots"),
                self.tr("Customers rate them 2 or lower, or they are a pain point"),
            ),
            "blind_spots": (
                self.tr("Blind spots"),
                self.tr("Company and customers rate them 2 or more points apart"),
            ),
            "bottlenecks": (
                self.tr("Bottlenecks"),
                self.tr("Every path from the first phase to the last passes them"),
            ),
            "dead_ends": (
                self.tr("Dead ends"),
                self.tr("Customers reach them but they lead nowhere before the last phase"),
            ),
            "orphans": (self.tr("Orphans"), self.tr("No link leads to or from them")),
            "loops": (self.tr("Loops"), self.tr("Touchpoints customers can circle between")),
            "entries": (self.tr("Entries"), self.tr("Where journeys start")),
            "unowned": (self.tr("Without owner"), self.tr("Nobody answers for them")),
            "uninfluenceable_phases": (
                self.tr("Uninfluenceable phases"),
                self.tr("No touchpoint in them is influenceable"),
            ),
            "empty_cells": (
                self.tr("Empty cells"),
                self.tr("No touchpoint in this phase and lane"),
            ),
        }

    def _kinds(self, journey: JourneyMap, findings: Findings) -> dict[str, list[Row]]:
        """The rows of each kind of finding, in the user's language."""
        score, customer = self.tr("score %1"), self.tr("customer %1")
        gap, loop_text = self.tr("company %1 · customer %2"), self.tr("Loop %1: %2")
        pain = labels.label(Moment.PAIN_POINT)
        touchpoint, phases = journey.touchpoint, journey.phases

        def row(tid: str, detail: str) -> Row:
            return Row(tid, touchpoint(tid).name, detail, (tid,))

        def where(tids: tuple[str, ...]) -> list[Row]:
            return [row(tid, phases[touchpoint(tid).phase].name) for tid in tids]

        def weak(tid: str) -> str:
            rating, moment = touchpoint(tid).customer_rating, touchpoint(tid).moment
            parts = [] if rating is None else [customer.replace("%1", str(rating))]
            return " · ".join([*parts, pain] if moment is Moment.PAIN_POINT else parts)

        def loop(number: int, tids: tuple[str, ...]) -> Row:
            names = [touchpoint(tid).name for tid in tids[:LOOP_NAMES]]
            path = " → ".join(names + (["…"] if len(tids) > LOOP_NAMES else []))
            text = loop_text.replace("%1", str(number)).replace("%2", path)
            return Row("\x00".join(tids), text, "", tids)

        def cell(found: Cell) -> Row:
            text = f"{phases[found.phase].name} / {journey.lanes[found.lane].name}"
            return Row(f"{found.phase}\x00{found.lane}", text, "", ())

        return {
            "priorities": [
                row(p.id, score.replace("%1", str(p.score))) for p in findings.priorities
            ],
            "weak_spots": [row(tid, weak(tid)) for tid in findings.weak_spots],
            "blind_spots": [
                row(s.id, gap.replace("%1", str(s.company)).replace("%2", str(s.customer)))
                for s in findings.blind_spots
            ],
            "bottlenecks": where(findings.bottlenecks),
            "dead_ends": where(findings.dead_ends),
            "orphans": where(findings.orphans),
            "loops": [loop(n, tids) for n, tids in enumerate(findings.loops, start=1)],
            "entries": where(findings.entries),
            "unowned": where(findings.unowned),
            "uninfluenceable_phases": [
                Row(pid, phases[pid].name, "", tuple(journey.in_phase(pid)))
                for pid in findings.uninfluenceable_phases
            ],
            "empty_cells": [cell(found) for found in findings.empty_cells],
        }

    def _show(self, kinds: dict[str, list[Row]]) -> None:
        """Bring the tree in line with `kinds`, touching only what changed."""
        self._refreshing = True
        try:
            position = 0
            for kind, (title, tooltip) in self._titles().items():
                rows = kinds.get(kind, [])
                item = self._kind_items.get(kind)
                if not rows:
                    if item is not None:
                        self.tree.takeTopLevelItem(self.tree.indexOfTopLevelItem(item))
                        del self._kind_items[kind], self._rows[kind]
                    continue
                if item is None:
                    item = QTreeWidgetItem()
                    item.setData(0, _KIND, kind)
                    item.setToolTip(0, tooltip)
                    item.setFont(0, self._heading_font)
                    self.tree.insertTopLevelItem(position, item)
                    item.setFirstColumnSpanned(True)  # only in a tree
                    self._kind_items[kind] = item
                    self._rows[kind] = []
                    item.setExpanded(self._expanded.get(kind, len(rows) <= EXPAND_UP_TO))
                heading = f"{title} ({len(rows)})"
                if item.text(0) != heading:
                    item.setText(0, heading)
                if rows != self._rows[kind]:
                    _update_children(item, self._rows[kind], rows, self._detail_brush)
                    self._rows[kind] = rows
                position += 1
        finally:
            self._refreshing = False

    # ------------------------------------------------------------------ the user's choice
    def _on_selection_changed(self) -> None:
        if not self._refreshing:
            self._emit_chosen()

    def _emit_chosen(self) -> None:
        self.touchpoints_chosen.emit(self.chosen_ids())

    def chosen_ids(self) -> list[str]:
        """The touchpoints of the selected findings and kinds, each once, in list order."""
        chosen: dict[str, None] = {}
        for item in self.tree.selectedItems():
            if item.parent() is None:  # a kind: every touchpoint of its findings
                for index in range(item.childCount()):
                    chosen.update(dict.fromkeys(item.child(index).data(0, _IDS) or ()))
            else:
                chosen.update(dict.fromkeys(item.data(0, _IDS) or ()))
        return list(chosen)

    def kind_item(self, kind: str) -> QTreeWidgetItem | None:
        """The item heading a kind (a `Findings` field name), or None when it has none."""
        return self._kind_items.get(kind)

    def _on_expanded(self, item: QTreeWidgetItem) -> None:
        self._remember_expanded(item, True)

    def _on_collapsed(self, item: QTreeWidgetItem) -> None:
        self._remember_expanded(item, False)

    def _remember_expanded(self, item: QTreeWidgetItem, expanded: bool) -> None:
        if not self._refreshing and item.parent() is None:
            self._expanded[item.data(0, _KIND)] = expanded


def _update_children(
    parent: QTreeWidgetItem, old: list[Row], new: list[Row], detail_brush: QBrush
) -> None:
    """Make `parent`'s children show `new` (they show `old`): the same findings in the same
    order keep their items and only change their words; otherwise the items are reordered,
    kept where the finding still exists (with their selection), made or dropped. A finding
    without a detail spans both columns."""
    if [row.key for row in old] == [row.key for row in new]:
        for index, (was, row) in enumerate(zip(old, new, strict=True)):
            if was != row:
                _fill(parent.child(index), row)
        return
    items = {row.key: parent.child(index) for index, row in enumerate(old)}
    selected = {key for key, item in items.items() if item.isSelected()}
    parent.takeChildren()
    children = []
    for row in new:
        item = items.get(row.key)
        if item is None:
            item = QTreeWidgetItem()
            item.setForeground(1, detail_brush)
        _fill(item, row)
        children.append(item)
    parent.addChildren(children)
    for row, item in zip(new, children, strict=True):
        if not row.detail:
            item.setFirstColumnSpanned(True)  # only in a tree
        if row.key in selected:
            item.setSelected(True)


def _fill(item: QTreeWidgetItem, row: Row) -> None:
    item.setText(0, row.text)
    item.setText(1, row.detail)
    item.setToolTip(0, row.text)
    item.setData(0, _IDS, list(row.ids))
