"""The canvas view: zoom around the cursor, pan, fit, headers and the legend pinned while
panning, and the cards' tooltips."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, QSettings, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPixmapCache,
    QResizeEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsView, QToolTip, QWidget

from tpmapper.model import edits
from tpmapper.model.elements import FieldError
from tpmapper.model.vocabulary import Moment
from tpmapper.render import labels, map_painter
from tpmapper.render.colour_modes import rating_legend
from tpmapper.render.legend_box import SymbolWords, paint_legend_box, paint_map_legend
from tpmapper.render.painters import qrect
from tpmapper.ui.canvas.items import TouchpointItem
from tpmapper.ui.canvas.name_editor import NameEditor
from tpmapper.ui.canvas.scene import MapScene
from tpmapper.ui.palette import read_palette_mime

MIN_ZOOM, MAX_ZOOM = 0.02, 4.0
OVERVIEW_ZOOM = 0.25  # below this the scene draws its overview instead of every card
ZOOM_STEP = 1.2
FIT_MARGIN = 20  # scene units kept free around the map when it is fitted or at 100 %
PIXMAP_CACHE_KB = 96 * 1024  # for cached cards and links
LEGEND_SETTING = "view/legend"
LEGEND_INSET = 12  # px between the legend and the view's bottom-left corner


class MapView(QGraphicsView):
    zoom_changed = Signal(float)
    first_painted = Signal()  # once, after the map has been drawn for the first time

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setBackgroundBrush(Qt.GlobalColor.white)
        # Cards and the link layer cache their pixels; Qt's default 10 MB holds about a
        # screenful of cards, so a large map would paint them afresh again and again.
        QPixmapCache.setCacheLimit(max(QPixmapCache.cacheLimit(), PIXMAP_CACHE_KB))
        self._painted = False
        self.fitting = True  # the map follows the view's size until the user zooms or scrolls
        for bar in (self.horizontalScrollBar(), self.verticalScrollBar()):
            bar.actionTriggered.connect(self._user_scrolled)  # the user's doing, not code's
        self.legend_shown = False  # View ▸ Legend
        self._legend_box: QRect | None = None  # where the corner's legend was last drawn
        self._symbol_words: SymbolWords | None = None
        self._pan_from: QPointF | None = None
        self._space_held = False
        self.name_editor: NameEditor | None = None
        self._header_drag: tuple[str, int] | None = None
        self.setAcceptDrops(True)

    def setScene(self, scene: MapScene) -> None:
        super().setScene(scene)
        scene.set_overview(self.zoom < OVERVIEW_ZOOM)
        scene.rename_requested.connect(self.edit_name)
        scene.label_requested.connect(self.edit_label)

    def map_scene(self) -> MapScene:
        scene = self.scene()
        assert isinstance(scene, MapScene)
        return scene

    # ------------------------------------------------------------------ zoom
    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, zoom: float) -> None:
        """Zoom as the user asks: from now on the view keeps this zoom when resized."""
        self.fitting = False
        zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        factor = zoom / self.zoom
        if abs(factor - 1) > 1e-9:
            self.scale(factor, factor)
            self._zoomed()

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom / ZOOM_STEP)

    def reset_zoom(self) -> None:
        """100 %, with the map's top-left corner in view (not wherever the zoom left it)."""
        self.set_zoom(1.0)
        bounds = self.map_scene().layout.bounds
        viewport = self.viewport().rect()
        self.centerOn(
            bounds.x - FIT_MARGIN + viewport.width() / 2,
            bounds.y - FIT_MARGIN + viewport.height() / 2,
        )

    def fit(self) -> None:
        """The whole map in view, centred, and never larger than 100 %; it stays fitted
        when the window (or a dock beside the map) changes size, until the user zooms or
        scrolls."""
        self.fitting = True
        margin = FIT_MARGIN
        bounds = qrect(self.map_scene().layout.bounds).adjusted(-margin, -margin, margin, margin)
        room = self._fit_room()
        zoom = min(room.width() / bounds.width(), room.height() / bounds.height(), 1.0)
        zoom = max(MIN_ZOOM, zoom)
        self.setTransform(QTransform.fromScale(zoom, zoom))
        self.centerOn(bounds.center())
        self._zoomed()

    def _fit_room(self) -> QSize:
        """The viewport's size with both scroll bars shown, whether they are or not.

        Fitted to the viewport as it is, the map needed a scroll bar at some sizes and at
        the zoom that makes room for it did not: each fit showed or hid it, which resized
        the viewport, which fitted again, back and forth, thousands of times, for seconds,
        with keyboard and mouse input waiting (the flaky tests/e2e). This room does not
        change when a scroll bar comes or goes, so a fit is the same before and after."""
        room = self.maximumViewportSize()  # as if no scroll bar showed
        return QSize(
            room.width() - self.verticalScrollBar().sizeHint().width(),
            room.height() - self.horizontalScrollBar().sizeHint().height(),
        )

    def _user_scrolled(self) -> None:
        """A scroll bar dragged or clicked, the wheel, a page key: the map stays put now."""
        self.fitting = False

    def _zoomed(self) -> None:
        self.map_scene().set_overview(self.zoom < OVERVIEW_ZOOM)
        self.zoom_changed.emit(self.zoom)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """While fitted, the map follows the window and the docks beside it."""
        super().resizeEvent(event)
        if self.fitting and isinstance(self.scene(), MapScene):
            self.fit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.set_zoom(self.zoom * ZOOM_STEP**steps)
            event.accept()
            return
        super().wheelEvent(event)

    # ------------------------------------------------------------------ panning
    def _panning(self, event: QMouseEvent) -> bool:
        return event.button() == Qt.MouseButton.MiddleButton or (
            self._space_held and event.button() == Qt.MouseButton.LeftButton
        )

    # ------------------------------------------------------------------ headers
    def header_at(self, viewport_point: QPointF) -> tuple[str, int] | None:
        """("phase" or "lane", index) of the pinned header under a viewport point."""
        layout = self.map_scene().layout
        m = layout.metrics
        scene_point = self.mapToScene(viewport_point.toPoint())
        top, left = self._pinned_offsets()
        band_y = self.mapFromScene(QPointF(0, top)).y()
        band_x = self.mapFromScene(QPointF(left, 0)).x()
        in_top_band = band_y <= viewport_point.y() <= band_y + m.phase_header_height * self.zoom
        in_left_band = band_x <= viewport_point.x() <= band_x + m.lane_header_width * self.zoom
        if in_top_band and not in_left_band:
            hits = [i for i, c in enumerate(layout.columns) if c.x <= scene_point.x() < c.right]
            return ("phase", hits[0]) if hits else None
        if in_left_band and not in_top_band:
            hits = [i for i, r in enumerate(layout.rows) if r.y <= scene_point.y() < r.bottom]
            return ("lane", hits[0]) if hits else None
        return None

    def _drop_header(self, axis: str, index: int, viewport_point: QPointF) -> None:
        layout = self.map_scene().layout
        scene_point = self.mapToScene(viewport_point.toPoint())
        if axis == "phase":
            spans, coordinate = [(c.x, c.right) for c in layout.columns], scene_point.x()
        else:
            spans, coordinate = [(r.y, r.bottom) for r in layout.rows], scene_point.y()
        target = next((i for i, (a, b) in enumerate(spans) if a <= coordinate < b), None)
        if target is None:
            target = 0 if coordinate < spans[0][0] else len(spans) - 1
        if target == index:
            return
        scene = self.map_scene()
        if axis == "phase":
            edit = edits.MovePhase(scene.journey.phases.at(index).id, target)
        else:
            edit = edits.MoveLane(scene.journey.lanes.at(index).id, target)
        scene.document.push(edit, self.tr("Reorder"))

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        header = self.header_at(event.position())
        if header is None:
            super().mouseDoubleClickEvent(event)
            return
        self.edit_header_name(*header)

    def edit_header_name(self, axis: str, index: int) -> None:
        scene = self.map_scene()
        layout = scene.layout
        items = scene.journey.phases if axis == "phase" else scene.journey.lanes
        element = items.at(index)
        rect = qrect(layout.phase_header(index) if axis == "phase" else layout.lane_header(index))
        top, left = self._pinned_offsets()  # the header is drawn where it is pinned
        if axis == "phase":
            rect.translate(0, top)
        else:
            rect.translate(left, 0)
        area = self.mapFromScene(rect).boundingRect()
        area.setHeight(min(area.height(), 30))
        update = edits.UpdatePhase if axis == "phase" else edits.UpdateLane

        def commit(text: str) -> None:
            if text != element.name:
                scene.document.push(update(element.id, {"name": text}), self.tr("Rename"))

        self.name_editor = NameEditor(self.viewport(), element.name, area, commit)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and not self._space_held:
            header = self.header_at(event.position())
            if header is not None:
                self._header_drag = header
                self.viewport().setCursor(Qt.CursorShape.SizeAllCursor)
                event.accept()
                return
        if self._panning(event):
            self._pan_from = event.position()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._header_drag is not None:
            event.accept()
            return
        if self._pan_from is not None:
            self.fitting = False
            delta = event.position() - self._pan_from
            self._pan_from = event.position()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - int(delta.x()))
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - int(delta.y()))
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._header_drag is not None:
            axis, index = self._header_drag
            self._header_drag = None
            self.viewport().unsetCursor()
            self._drop_header(axis, index, event.position())
            event.accept()
            return
        if self._pan_from is not None:
            self._pan_from = None
            self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_held = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_held = False
            self.viewport().unsetCursor()
            return
        super().keyReleaseEvent(event)

    # ------------------------------------------------------------------ palette drops
    def _cell_under(self, event: QDragMoveEvent | QDropEvent) -> QPointF | None:
        point = self.mapToScene(event.position().toPoint())
        return point if self.map_scene().layout.cell_at(point.x(), point.y()) else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if read_palette_mime(event.mimeData()) is None:
            event.ignore()
            return
        event.acceptProposedAction()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        point = self._cell_under(event)
        if read_palette_mime(event.mimeData()) is not None and point is not None:
            self.map_scene().set_drop_target(self.map_scene().layout.cell_at(point.x(), point.y()))
            event.acceptProposedAction()
        else:
            self.map_scene().set_drop_target(None)
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        # Not QGraphicsView's: drags here are palette drops, handled without the scene.
        self.map_scene().set_drop_target(None)
        event.accept()

    def dropEvent(self, event: QDropEvent) -> None:
        self.map_scene().set_drop_target(None)
        payload = read_palette_mime(event.mimeData())
        point = self._cell_under(event)
        if payload is None or point is None:
            event.ignore()
            return
        try:
            self.map_scene().add_touchpoint_at(point, *payload)
        except (FieldError, ValueError):
            event.ignore()  # a drag from elsewhere carrying values a touchpoint cannot hold
            return
        event.acceptProposedAction()
        self.setFocus()

    # ------------------------------------------------------------------ renaming in place
    def edit_name(self, touchpoint_id: str) -> None:
        scene = self.map_scene()
        card = qrect(scene.layout.cards[touchpoint_id])
        area = self.mapFromScene(card).boundingRect()
        area.setHeight(min(area.height(), 30))
        name = scene.journey.touchpoint(touchpoint_id).name
        self.name_editor = NameEditor(
            self.viewport(), name, area, lambda text: scene.rename(touchpoint_id, text)
        )

    def edit_label(self, source: str, target: str) -> None:
        """Edit a link's label in place, at the middle of its arrow (empty clears it)."""
        scene = self.map_scene()
        middle = self.mapFromScene(scene.link_shape(source, target).path.pointAtPercent(0.5))
        label = scene.journey.link(source, target).label
        area = QRect(middle.x() - 90, middle.y() - 13, 180, 26)
        self.name_editor = NameEditor(
            self.viewport(),
            label,
            area,
            lambda text: scene.relabel(source, target, text),
            allow_empty=True,
        )

    # ------------------------------------------------------------------ pinned headers
    def _pinned_offsets(self) -> tuple[float, float]:
        """How far (in scene units) the headers are pushed down and right to stay in view."""
        top_left = self.mapToScene(0, 0)
        return max(0.0, top_left.y()), max(0.0, top_left.x())

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        """Scrolling moves the pixels already drawn, pinned headers included: the strips
        they stand in, and those they were moved into, are drawn afresh."""
        super().scrollContentsBy(dx, dy)
        scene = self.scene()
        if not isinstance(scene, MapScene):  # being torn down
            return
        metrics = scene.layout.metrics
        viewport = self.viewport()
        if self._legend_box is not None:  # the legend in the corner stays put too
            viewport.update(self._legend_box)
            viewport.update(self._legend_box.translated(dx, dy))
        width = math.ceil(metrics.lane_header_width * self.zoom) + abs(dx) + 2
        height = math.ceil(metrics.phase_header_height * self.zoom) + abs(dy) + 2
        viewport.update(QRect(0, 0, width, viewport.height()))
        viewport.update(QRect(0, 0, viewport.width(), height))

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        """Phase headers stick to the top and lane headers to the left of the window."""
        scene = self.map_scene()
        top, left = self._pinned_offsets()
        painter.save()
        painter.translate(0, top)
        label_from = left + scene.layout.metrics.lane_header_width  # right of the pinned lanes
        map_painter.paint_phase_headers(painter, scene.journey, scene.layout, label_from)
        painter.restore()
        painter.save()
        painter.translate(left, 0)
        map_painter.paint_lane_headers(painter, scene.journey, scene.layout)
        painter.translate(0, top)
        map_painter.paint_corner(painter, scene.layout)
        painter.restore()
        self._legend_box = None
        if self.legend_shown or scene.colouring is not None:
            painter.save()
            painter.resetTransform()  # in the viewport's pixels, whatever the zoom
            corner = QPointF(LEGEND_INSET, self.viewport().height() - LEGEND_INSET)
            title = scene.colour_title
            if self.legend_shown:  # the colours and the symbols
                colours = (
                    scene.colouring.legend if scene.colouring else rating_legend(scene.colour_words)
                )
                box = paint_map_legend(painter, corner, title, colours, self.symbol_words())
            else:  # what the colours of the cards mean under a colour mode
                box = paint_legend_box(painter, corner, title, scene.colouring.legend)
            painter.restore()
            self._legend_box = box.toAlignedRect().adjusted(-2, -2, 2, 2)

    # ------------------------------------------------------------------ legend
    def legend_toggle(self, settings: QSettings) -> QAction:
        """View ▸ Legend: what the colours and the symbols on the map mean, in the view's
        corner; checkable, remembered in `settings` as the other View toggles are."""
        action = QAction(self.tr("&Legend"), self)
        action.setCheckable(True)
        action.setChecked(settings.value(LEGEND_SETTING, False, type=bool))
        action.toggled.connect(self.show_legend)
        action.toggled.connect(lambda shown: settings.setValue(LEGEND_SETTING, shown))
        self.show_legend(action.isChecked())
        return action

    def show_legend(self, shown: bool) -> None:
        self.legend_shown = shown
        self.viewport().update()

    def symbol_words(self) -> SymbolWords:
        """The legend's words for the symbols, translated once."""
        if self._symbol_words is None:
            self._symbol_words = SymbolWords(
                heading=self.tr("On the map"),
                channel=self.tr("Channel"),
                gap=self.tr("Company rates it N higher"),
                stars=self.tr("Customer rating, 1–5"),
                count=self.tr("Touchpoints in a phase or lane"),
                pain=labels.label(Moment.PAIN_POINT),
                positive=labels.label(Moment.POSITIVE),
            )
        return self._symbol_words

    # ------------------------------------------------------------------ tooltips
    def viewportEvent(self, event: QEvent) -> bool:
        """A card's tooltip, worked out when asked for (nothing per card beforehand); over
        anything else the scene's (a link's)."""
        if event.type() == QEvent.Type.ToolTip and isinstance(self.scene(), MapScene):
            assert isinstance(event, QHelpEvent)
            text = self._card_tooltip(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
                return True
        return super().viewportEvent(event)

    def _card_tooltip(self, point: QPoint) -> str:
        scene = self.map_scene()
        if scene.overview.isVisible():  # far out the cards are blocks: nothing to explain
            return ""
        scene_point = self.mapToScene(point)
        for item in scene.items(scene_point):
            if isinstance(item, TouchpointItem):
                return item.tooltip_at(item.mapFromScene(scene_point))
        return ""
