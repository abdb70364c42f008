"""The scene mirrors a document's map: one item per touchpoint and link, over a grid.

It keeps model-to-item dictionaries (as orange-canvas-core's scene does) and re-syncs
them after every edit. User gestures become edits pushed on the document; the items
themselves never change the model.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGraphicsScene, QGraphicsSceneMouseEvent

from tpmapper.model.edits import (
    AddTouchpoint,
    CompositeEdit,
    MoveTouchpoints,
    UpdateLink,
    UpdateTouchpoint,
)
from tpmapper.model.elements import Touchpoint, new_id
from tpmapper.render import painters
from tpmapper.render.layout import MapLayout, layout_map
from tpmapper.ui.canvas.items import GridItem, LinkItem, TouchpointItem
from tpmapper.ui.document import Document

SCENE_MARGIN = 400
ARROWS = {
    Qt.Key.Key_Left: (-1, 0),
    Qt.Key.Key_Right: (1, 0),
    Qt.Key.Key_Up: (0, -1),
    Qt.Key.Key_Down: (0, 1),
}


class MapScene(QGraphicsScene):
    rename_requested = Signal(str)  # a touchpoint id whose name the view should edit in place
    label_requested = Signal(str, str)  # a link (source, target) whose label to edit in place

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.empty_hint = self.tr("Drop a touchpoint here")
        self.layout: MapLayout = layout_map(document.journey)
        self._cards: dict[str, TouchpointItem] = {}
        self._links: dict[tuple[str, str], LinkItem] = {}
        self._grid = GridItem(self)
        self.addItem(self._grid)
        self._press_positions: dict[str, QPointF] = {}
        self.drop_target: tuple[str, str] | None = None  # the cell a card drag would land in
        document.edited.connect(self.sync)
        self.sync()

    @property
    def journey(self):
        return self.document.journey

    # ------------------------------------------------------------------ mirroring
    def card(self, touchpoint_id: str) -> TouchpointItem:
        return self._cards[touchpoint_id]

    def link_item(self, source: str, target: str) -> LinkItem:
        return self._links[(source, target)]

    def sync(self) -> None:
        """Bring the items in line with the map: add, remove, place and redraw."""
        journey = self.journey
        self.layout = layout_map(journey)
        for tid in [t for t in self._cards if t not in journey]:
            self.removeItem(self._cards.pop(tid))
        for tid, rect in self.layout.cards.items():
            item = self._cards.get(tid)
            if item is None:
                item = self._cards[tid] = TouchpointItem(self, tid)
                self.addItem(item)
            item.setPos(rect.x, rect.y)
            item.update()
        keys = {link.key for link in journey.links()}
        for key in [k for k in self._links if k not in keys]:
            self.removeItem(self._links.pop(key))
        for key in keys:
            item = self._links.get(key)
            if item is None:
                item = self._links[key] = LinkItem(self, *key)
                self.addItem(item)
            start, end = (painters.qrect(self.layout.cards[end]) for end in key)
            item.set_path(painters.link_path(start, end))
        self._grid.refresh()
        bounds = painters.qrect(self.layout.bounds)
        self.setSceneRect(bounds.adjusted(-SCENE_MARGIN, -SCENE_MARGIN, SCENE_MARGIN, SCENE_MARGIN))
        self.update()

    def touchpoint_at(self, point: QPointF) -> str | None:
        for item in self.items(point):
            if isinstance(item, TouchpointItem):
                return item.touchpoint_id
        return None

    def selected_touchpoint_ids(self) -> list[str]:
        """The selected cards, in the map's reading order."""
        selected = {i.touchpoint_id for i in self.selectedItems() if isinstance(i, TouchpointItem)}
        return [tp.id for tp in self.journey.touchpoints() if tp.id in selected]

    # ------------------------------------------------------------------ adding and renaming
    def add_touchpoint_at(
        self, point: QPointF, name: str, presets: dict | None = None
    ) -> str | None:
        """Create a touchpoint in the cell under `point`, where it was dropped; select it."""
        cell = self.layout.cell_at(point.x(), point.y())
        if cell is None:
            return None
        phase, lane = cell
        count = len(self.journey.cell(phase, lane))
        index = self.layout.insertion_index(phase, lane, point.x(), point.y(), count)
        touchpoint = Touchpoint(new_id(), name, phase, lane, **(presets or {}))
        self.document.push(
            AddTouchpoint(touchpoint, index),
            self.tr("Add touchpoint"),
            merge_key=("new", touchpoint.id),
        )
        self.clearSelection()
        self._cards[touchpoint.id].setSelected(True)
        return touchpoint.id

    def rename(self, touchpoint_id: str, name: str) -> None:
        """Rename a card; right after its creation this joins the creation's undo step."""
        if name == self.journey.touchpoint(touchpoint_id).name:
            return
        merge = ("new", touchpoint_id) if self._is_newest(touchpoint_id) else None
        self.document.push(
            UpdateTouchpoint(touchpoint_id, {"name": name}), self.tr("Rename touchpoint"), merge
        )

    def relabel(self, source: str, target: str, label: str) -> None:
        if label != self.journey.link(source, target).label:
            self.document.push(UpdateLink(source, target, {"label": label}), self.tr("Label link"))

    def _is_newest(self, touchpoint_id: str) -> bool:
        stack = self.document.undo_stack
        newest = stack.command(stack.index() - 1) if stack.index() else None
        return getattr(newest, "merge_key", None) == ("new", touchpoint_id)

    # ------------------------------------------------------------------ keyboard
    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = ARROWS.get(Qt.Key(event.key()))
        if step is None or event.modifiers() != Qt.KeyboardModifier.NoModifier or self.focusItem():
            super().keyPressEvent(event)
            return
        event.accept()
        self.move_selection_by(*step)

    def move_selection_by(self, phase_step: int, lane_step: int) -> bool:
        """Move each selected card to the neighbouring cell (one undo step); nothing moves
        when any of them would leave the grid."""
        ids = self.selected_touchpoint_ids()
        phases, lanes = self.journey.phases.ids(), self.journey.lanes.ids()
        groups: dict[tuple[str, str], list[str]] = {}
        for tid in ids:
            tp = self.journey.touchpoint(tid)
            p, lane = phases.index(tp.phase) + phase_step, lanes.index(tp.lane) + lane_step
            if not (0 <= p < len(phases) and 0 <= lane < len(lanes)):
                return False
            groups.setdefault((phases[p], lanes[lane]), []).append(tid)
        if not groups:
            return False
        edit = CompositeEdit([MoveTouchpoints(group, *cell) for cell, group in groups.items()])
        self.document.push(edit, self.tr("Move %n touchpoint(s)", "", len(ids)))
        return True

    # ------------------------------------------------------------------ dragging cards
    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mousePressEvent(event)
        self._press_positions = {
            tid: self._cards[tid].pos() for tid in self.selected_touchpoint_ids()
        }

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseMoveEvent(event)
        if not self._press_positions:
            return
        moving = [
            tid for tid, pos in self._press_positions.items() if self._cards[tid].pos() != pos
        ]
        if moving:
            self._follow_cards(moving)
            point = event.scenePos()
            self._set_drop_target(self.layout.cell_at(point.x(), point.y()))

    def _follow_cards(self, moving: list[str]) -> None:
        """Links of cards being dragged stay attached to them until the drop."""
        m = self.layout.metrics
        for tid in moving:
            for link in self.journey.links_of(tid):
                ends = []
                for end in link.key:
                    pos = self._cards[end].pos()
                    ends.append(QRectF(pos.x(), pos.y(), m.card_width, m.card_height))
                self._links[link.key].set_path(painters.link_path(*ends))

    def _set_drop_target(self, cell: tuple[str, str] | None) -> None:
        if cell != self.drop_target:
            self.drop_target = cell
            self._grid.update()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self._set_drop_target(None)
        super().mouseReleaseEvent(event)
        moved = [tid for tid, pos in self._press_positions.items() if self._cards[tid].pos() != pos]
        self._press_positions = {}
        if moved:
            self._drop_cards(event.scenePos())

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        """Double-click on a card renames it; on an empty place in a cell adds a blank one."""
        item = self.itemAt(event.scenePos(), self.views()[0].transform()) if self.views() else None
        if isinstance(item, TouchpointItem):
            self.rename_requested.emit(item.touchpoint_id)
            return
        if isinstance(item, LinkItem):
            self.label_requested.emit(*item.key)
            return
        new = self.add_touchpoint_at(event.scenePos(), self.tr("New touchpoint"))
        if new is not None:
            self.rename_requested.emit(new)

    def _drop_cards(self, point: QPointF) -> None:
        """Cards were dragged and let go at `point`: one edit moves them all there."""
        ids = self.selected_touchpoint_ids()
        cell = self.layout.cell_at(point.x(), point.y())
        if cell is None or not ids:
            self.sync()  # dropped outside the grid: everything goes back
            return
        phase, lane = cell
        others = [t for t in self.journey.cell(phase, lane) if t not in ids]
        index = self.layout.insertion_index(phase, lane, point.x(), point.y(), len(others))
        text = self.tr("Move %n touchpoint(s)", "", len(ids))
        self.document.push(MoveTouchpoints(ids, phase, lane, index), text)
        self.sync()
