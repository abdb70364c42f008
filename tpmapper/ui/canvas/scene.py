"""The scene mirrors a document's map: one item per touchpoint and link, over a grid.

It keeps model-to-item dictionaries (as orange-canvas-core's scene does) and re-syncs
them after every edit. User gestures become edits pushed on the document; the items
themselves never change the model.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPointF, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QGraphicsScene,
    QGraphicsSceneHelpEvent,
    QGraphicsSceneMouseEvent,
    QToolTip,
)

from tpmapper.analysis import curve as analysis_curve
from tpmapper.model.edits import (
    AddTouchpoint,
    CompositeEdit,
    MoveTouchpoints,
    UpdateLink,
    UpdateTouchpoint,
)
from tpmapper.model.elements import Touchpoint, ViewFilter, new_id
from tpmapper.model.journey import Action, Change, JourneyMap, Target
from tpmapper.render import link_shapes, painters, style, words
from tpmapper.render.colour_modes import Colouring, ColourMode, ColourWords, colouring
from tpmapper.render.curve import Averages
from tpmapper.render.layout import MapLayout, Rect, layout_map
from tpmapper.render.link_router import LinkRouter
from tpmapper.ui.canvas.items import CurveItem, GridItem, LinkItem, OverviewItem, TouchpointItem
from tpmapper.ui.canvas.link_layer import LinkKey, LinkLayer, tooltip_text
from tpmapper.ui.document import Document

SCENE_MARGIN = 400
BULK_CHANGES = 200  # above this many item changes, a sync works with the scene index off
DIMMED = style.DIMMED_OPACITY
FOLLOW_LINKS_UP_TO = 2_000  # in larger maps links of dragged cards hide instead of following
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
        self.curve_labels = words.curve_labels()  # the pictures' words too
        self.curve_shown = True  # View ▸ Experience Curve
        self.colouring: Colouring | None = None  # View ▸ Colour By; None: by rating
        self.colour_words = ColourWords()  # the window gives translated ones
        self.colour_title = ""  # the legend's heading for the colour mode
        self.view_filter = ViewFilter()  # View ▸ Filter…
        self._dimmed: set[str] = set()  # the cards the filter leaves out
        self.curve_averages: Averages = []
        self._curve_key: object = None  # what the curve showed when last drawn
        self._curve_changed = True
        self.layout: MapLayout = layout_map(document.journey)
        self._cards: dict[str, TouchpointItem] = {}
        self._lifted: dict[LinkKey, LinkItem] = {}  # links drawn as items of their own
        self._hidden: set[LinkKey] = set()  # links of dragged cards, hidden until the drop
        self._placed: dict[str, Rect] = {}  # where each card was put by the last sync
        self._router = LinkRouter()  # every link's route, redone for what an edit moved
        self._stale: set[LinkKey] = set()  # links to draw again though their route stands
        self._changed: set[str] = set()  # touchpoints whose content changed since the last sync
        self._grid = GridItem(self)
        self.addItem(self._grid)
        self._curve = CurveItem(self)
        self.addItem(self._curve)
        self.link_layer = LinkLayer(5)
        self.addItem(self.link_layer)
        self.overview = OverviewItem(self)
        self.addItem(self.overview)
        document.changed.connect(self._note_change)
        self._press_positions: dict[str, QPointF] = {}
        self.drop_target: tuple[str, str] | None = None  # the cell a card drag would land in
        document.edited.connect(self.sync)
        self.selectionChanged.connect(self._lower_links)
        self.sync()

    @property
    def journey(self) -> JourneyMap:
        return self.document.journey

    # ------------------------------------------------------------------ mirroring
    def card(self, touchpoint_id: str) -> TouchpointItem:
        return self._cards[touchpoint_id]

    def link_shape(self, source: str, target: str) -> painters.LinkShape:
        return self.link_layer.shape_of((source, target))

    def link_item(self, source: str, target: str) -> LinkItem | None:
        """The item of a link that is lifted out of the link layer (selected or following
        a dragged card); None while the layer draws it."""
        return self._lifted.get((source, target))

    def helpEvent(self, event: QGraphicsSceneHelpEvent) -> None:
        """Over a link (not under a card, not faded far out): its tooltip."""
        point, key = event.scenePos(), None
        if not self.overview.isVisible():
            items = self.items(point)
            lifted = [item.key for item in items if isinstance(item, LinkItem)]
            if not any(isinstance(item, TouchpointItem) for item in items):
                key = lifted[0] if lifted else self.link_layer.link_at(point)
        if key is None or not self.journey.has_link(*key):
            super().helpEvent(event)
            return
        words = self.tr("%1 % of customers take this step")
        QToolTip.showText(event.screenPos(), tooltip_text(self.journey, key, words), event.widget())
        event.accept()

    def select_link(self, source: str, target: str) -> LinkItem:
        item = self._lift((source, target))
        item.setSelected(True)
        return item

    def _lift(self, key: LinkKey) -> LinkItem:
        item = self._lifted.get(key)
        if item is None:
            item = self._lifted[key] = LinkItem(*key)
            item.set_shape(self.link_layer.shape_of(key))
            item.setOpacity(self._item_opacity())
            self.addItem(item)
            self.link_layer.leave_out(key)
            self.link_layer.flush()
        return item

    def _lower_links(self) -> None:
        """Links no longer selected (and not following a drag) go back into the layer."""
        if self._press_positions:
            return
        for key in [k for k, item in self._lifted.items() if not item.isSelected()]:
            self.removeItem(self._lifted.pop(key))
            self.link_layer.take_back(key)
        for key in self._hidden:
            self.link_layer.take_back(key)
        self._hidden.clear()
        self.link_layer.flush()

    def _note_change(self, change: Change) -> None:
        if change.target is Target.TOUCHPOINT and change.action is Action.CHANGED:
            self._changed.add(change.key)

    def sync(self) -> None:
        """Bring the items in line with the map: add, remove, place and redraw what changed."""
        journey = self.journey
        self._lay_out()
        cards = self.layout.cards
        moved = [t for t, rect in cards.items() if self._placed.get(t) != rect]
        links = {link.key: link for link in journey.links()}
        specs = link_shapes.link_specs(links.values())
        rerouted, gone_links = self._router.update(self.layout, specs)
        redraw = rerouted | (self._stale & links.keys())
        self._stale.clear()
        gone_cards = [t for t in self._cards if t not in cards]
        bounds = painters.qrect(self.layout.bounds)
        scene_rect = bounds.adjusted(-SCENE_MARGIN, -SCENE_MARGIN, SCENE_MARGIN, SCENE_MARGIN)
        # Many geometry changes are far cheaper with the index off and rebuilt once after;
        # and a BSP index built before the scene rect changed paints ~20x slower (measured).
        changes = len(moved) + len(redraw) + len(gone_cards) + len(gone_links)
        bulk = changes > BULK_CHANGES or scene_rect != self.sceneRect()
        if bulk:
            self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        for tid in gone_cards:
            self.removeItem(self._cards.pop(tid))
            self._placed.pop(tid, None)
        for tid in moved:
            item = self._cards.get(tid)
            if item is None:
                item = self._cards[tid] = TouchpointItem(self, tid)
                item.setOpacity(self._item_opacity(tid))
                self.addItem(item)
            rect = cards[tid]
            item.setPos(rect.x, rect.y)
            self._placed[tid] = rect
        for tid in self._changed & cards.keys():
            self._cards[tid].update()
        self._changed.clear()
        for key in gone_links:
            self.link_layer.discard(key)
            self._hidden.discard(key)
            if key in self._lifted:
                self.removeItem(self._lifted.pop(key))
        for key in redraw:
            shape = link_shapes.route_shape(self._router.route(key), links[key].label)
            self.link_layer.put(key, shape)
            if key in self._lifted:
                self._lifted[key].set_shape(shape)
        self.link_layer.set_bounds(scene_rect)
        self.link_layer.flush()
        self._redraw_around_cards()
        self.setSceneRect(scene_rect)
        if bulk:
            self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
            # Qt 6.11: a BSP index switched on over existing items hands every item to
            # every query (10,000 shape tests per hover, measured) until the scene rect
            # changes.
            self.setSceneRect(scene_rect.adjusted(0, 0, 1, 0))
            self.setSceneRect(scene_rect)

    def _redraw_around_cards(self) -> None:
        """After a sync: the filter's dimming, the grid, the curve (only when what it shows
        changed: its dots are slow to draw on a large map) and the overview."""
        self._apply_filter()  # an edit may bring a card in or out
        self._grid.refresh()
        if self._curve_changed or not self.curve_shown:
            self._curve.refresh()
        self.overview.invalidate()

    def _lay_out(self) -> None:
        """Where everything goes now, the curve's phase averages (from the analysis) and
        the cards' colours."""
        self.layout = layout_map(self.journey, curve=self.curve_shown)
        if self.colouring is not None:  # an edit may give other cards new colours too
            before = self.colouring.colours
            self.colouring = colouring(self.journey, self.colouring.mode, self.colour_words)
            now = self.colouring.colours
            self._changed.update(tid for tid, colour in now.items() if before.get(tid) != colour)
        if self.curve_shown:
            self.curve_averages = [(p.customer, p.company) for p in analysis_curve(self.journey)]
            cards = self.layout.cards
            key = (
                self.layout.curve,
                tuple(self.curve_averages),
                tuple(
                    (cards[tp.id].x, tp.customer_rating, tp.company_rating, tp.moment)
                    for tp in self.journey.touchpoints()
                    if tp.customer_rating is not None or tp.company_rating is not None
                ),
            )
            self._curve_changed = key != self._curve_key
            self._curve_key = key

    def colour_by(self, mode: ColourMode) -> None:
        """Colour the cards' stripes by `mode` (rating: as the cards do themselves)."""
        if mode is ColourMode.RATING:
            self.colouring = None
        else:
            self.colouring = colouring(self.journey, mode, self.colour_words)
        for item in self._cards.values():
            item.update()
        self.overview.invalidate()

    def accent(self, touchpoint_id: str) -> str | None:
        """The colour of a card's stripe under the colour mode; None: its rating's."""
        return None if self.colouring is None else self.colouring.colours.get(touchpoint_id)

    def show_curve(self, shown: bool) -> None:
        """Show or hide the experience curve under the grid."""
        if shown != self.curve_shown:
            self.curve_shown = shown
            self.sync()

    def _item_opacity(self, touchpoint_id: str | None = None) -> float:
        """Hidden under the overview; dimmed when the filter leaves a card out."""
        if self.overview.isVisible():
            return 0.0
        if touchpoint_id is None:  # links
            return DIMMED if self._dimmed else 1.0
        return DIMMED if touchpoint_id in self._dimmed else 1.0

    def set_filter(self, view_filter: ViewFilter) -> None:
        """Dim the cards the filter leaves out (an empty filter: none)."""
        self.view_filter = view_filter
        self._apply_filter()

    def _apply_filter(self) -> None:
        view_filter = self.view_filter
        dimmed = set(view_filter.left_out(self.journey.touchpoints()))
        changed = dimmed ^ self._dimmed
        self._dimmed = dimmed
        for tid in changed & self._cards.keys():
            self._cards[tid].setOpacity(self._item_opacity(tid))
        for item in (self.link_layer, *self._lifted.values()):
            item.setOpacity(self._item_opacity())

    @property
    def dimmed(self) -> frozenset[str]:
        """The touchpoints the filter leaves out."""
        return frozenset(self._dimmed)

    def set_overview(self, on: bool) -> None:
        """Far out, draw one overview instead of every card and link. They are faded out,
        not hidden: hidden items would lose their selection."""
        if on == self.overview.isVisible():
            return
        self.overview.setVisible(on)
        for item in (self.link_layer, *self._lifted.values()):
            item.setOpacity(self._item_opacity())
        for tid, card in self._cards.items():
            card.setOpacity(self._item_opacity(tid))

    def touchpoint_at(self, point: QPointF) -> str | None:
        for item in self.items(point):
            if isinstance(item, TouchpointItem):
                return item.touchpoint_id
        return None

    def selected_cards(self) -> list[TouchpointItem]:
        """The selected cards in no particular order (cheap: no walk over the map)."""
        return [item for item in self.selectedItems() if isinstance(item, TouchpointItem)]

    def selected_touchpoint_ids(self) -> list[str]:
        """The selected cards, in the map's reading order."""
        selected = {item.touchpoint_id for item in self.selected_cards()}
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
        order = list(self.journey.cell(phase, lane))
        index = self.layout.drop_index(phase, lane, point.x(), point.y(), order=order, moving=set())
        touchpoint = Touchpoint(new_id(), name, phase, lane, **(presets or {}))
        if not self.document.push(
            AddTouchpoint(touchpoint, index),
            self.tr("Add touchpoint"),
            merge_key=("new", touchpoint.id),
        ):
            return None
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
        return self.document.push(edit, self.tr("Move %n touchpoint(s)", "", len(ids)))

    # ------------------------------------------------------------------ dragging cards
    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        point = event.scenePos()
        if not any(isinstance(i, (TouchpointItem, LinkItem)) for i in self.items(point)):
            key = self.link_layer.link_at(point)
            if key is not None:  # lift it out, so that Qt selects its item as usual
                self._lift(key)
        super().mousePressEvent(event)
        self._press_positions = {item.touchpoint_id: item.pos() for item in self.selected_cards()}

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseMoveEvent(event)
        if not self._press_positions:
            return
        moving = [
            tid for tid, pos in self._press_positions.items() if self._cards[tid].pos() != pos
        ]
        if moving:
            if self.journey.link_count() <= FOLLOW_LINKS_UP_TO:
                self._follow_cards(moving)
            else:  # redrawing long curves through a dense map costs more than a frame
                for tid in moving:
                    for link in self.journey.links_of(tid):
                        if link.key in self._lifted:
                            self._lifted[link.key].hide()
                        self.link_layer.leave_out(link.key)
                        self._hidden.add(link.key)
                self.link_layer.flush()
            point = event.scenePos()
            self.set_drop_target(self.layout.cell_at(point.x(), point.y()))

    def _follow_cards(self, moving: list[str]) -> None:
        """Links of cards being dragged stay attached to them until the drop."""
        m = self.layout.metrics
        for tid in moving:
            for link in self.journey.links_of(tid):
                ends = []
                for end in link.key:
                    pos = self._cards[end].pos()
                    ends.append(Rect(pos.x(), pos.y(), m.card_width, m.card_height))
                shape = link_shapes.following_shape(ends[0], ends[1], link)
                self._lift(link.key).set_shape(shape)

    def set_drop_target(self, cell: tuple[str, str] | None) -> None:
        """Highlight the cell a dragged card or palette entry would land in (None: none)."""
        if cell == self.drop_target:
            return
        for old_or_new in (self.drop_target, cell):  # repaint just these two cells
            if old_or_new is not None:
                p, lane = (
                    self.layout.phase_ids.index(old_or_new[0]),
                    self.layout.lane_ids.index(old_or_new[1]),
                )
                self._grid.update(painters.qrect(self.layout.cell_rect(p, lane)))
        self.drop_target = cell

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.set_drop_target(None)
        super().mouseReleaseEvent(event)
        moved = [tid for tid, pos in self._press_positions.items() if self._cards[tid].pos() != pos]
        self._press_positions = {}
        if moved:
            self._drop_cards(event.scenePos())
        else:
            self._lower_links()

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        """Double-click on a card renames it; on an empty place in a cell adds a blank one."""
        item = self.itemAt(event.scenePos(), self.views()[0].transform()) if self.views() else None
        if isinstance(item, TouchpointItem):
            self.rename_requested.emit(item.touchpoint_id)
            return
        if isinstance(item, LinkItem):
            self.label_requested.emit(*item.key)
            return
        key = self.link_layer.link_at(event.scenePos())
        if key is not None:
            self.label_requested.emit(*key)
            return
        new = self.add_touchpoint_at(event.scenePos(), self.tr("New touchpoint"))
        if new is not None:
            self.rename_requested.emit(new)

    def _drop_cards(self, point: QPointF) -> None:
        """Cards were dragged and let go at `point`: one edit moves them all there."""
        ids = self.selected_touchpoint_ids()
        for tid in ids:  # the drag moved these items: the next sync must place them again
            self._placed.pop(tid, None)
            for link in self.journey.links_of(tid):
                self._stale.add(link.key)
                if link.key in self._lifted:
                    self._lifted[link.key].show()
        self._lower_links()
        cell = self.layout.cell_at(point.x(), point.y())
        if cell is None or not ids:
            self.sync()  # dropped outside the grid: everything goes back
            return
        phase, lane = cell
        order = list(self.journey.cell(phase, lane))
        index = self.layout.drop_index(
            phase, lane, point.x(), point.y(), order=order, moving=set(ids)
        )
        others = [t for t in order if t not in ids]
        if index is None or [*others[:index], *ids, *others[index:]] == order:
            self.sync()  # let go where they were: nothing to undo
            return
        text = self.tr("Move %n touchpoint(s)", "", len(ids))
        if not self.document.push(MoveTouchpoints(ids, phase, lane, index), text):  # syncs
            self.sync()  # refused: the cards go back to where the map has them
