"""Canvas items. They mirror the model and hold no state of their own: each paints the
element it names (by id) through `tpmapper.render`, as the exporters do."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from tpmapper.model.elements import Touchpoint
from tpmapper.render import curve, labels, map_painter, painters, style
from tpmapper.ui.canvas.link_layer import hit_shape
from tpmapper.ui.canvas.new_link import NewLinkInteraction

HANDLE_RADIUS = 7.0

if TYPE_CHECKING:
    from tpmapper.ui.canvas.scene import MapScene


class GridItem(QGraphicsItem):
    """The cells of the swimlane, behind everything."""

    def __init__(self, map_scene: MapScene) -> None:
        super().__init__()
        self._scene = map_scene
        self.setZValue(-100)

    def boundingRect(self) -> QRectF:
        return painters.qrect(self._scene.layout.bounds)

    def refresh(self) -> None:
        self.prepareGeometryChange()
        self.update()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        scene = self._scene
        map_painter.paint_grid(painter, scene.journey, scene.layout, scene.empty_hint)
        if scene.drop_target is not None:
            phase, lane = scene.drop_target
            layout = scene.layout
            cell = layout.cell_rect(layout.phase_ids.index(phase), layout.lane_ids.index(lane))
            painters.paint_drop_target(painter, painters.qrect(cell))


class TouchpointItem(QGraphicsItem):
    """A touchpoint's card. Its position comes from the layout; a drag is turned into a
    move edit by the scene when the mouse is released."""

    def __init__(self, map_scene: MapScene, touchpoint_id: str) -> None:
        super().__init__()
        self._scene = map_scene
        self.touchpoint_id = touchpoint_id
        self._hovered = False
        self._linking: NewLinkInteraction | None = None
        m = map_scene.layout.metrics
        self._rect = QRectF(0, 0, m.card_width, m.card_height)
        flags = QGraphicsItem.GraphicsItemFlag
        self.setFlags(flags.ItemIsSelectable | flags.ItemIsMovable)
        self.setAcceptHoverEvents(True)
        self.setZValue(10)
        # Cards dragged over the map are copied from their cached pixels instead of
        # painted again on every mouse move (MapView raises the pixmap cache's limit).
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-2, -2, HANDLE_RADIUS + 2, 2)

    def handle_centre(self) -> QPointF:
        """The link handle, on the middle of the card's right edge (item coordinates)."""
        return QPointF(self._rect.right(), self._rect.center().y())

    def _on_handle(self, point: QPointF) -> bool:
        offset = point - self.handle_centre()
        return offset.x() ** 2 + offset.y() ** 2 <= (HANDLE_RADIUS + 2) ** 2

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._on_handle(event.pos()):
            self._linking = NewLinkInteraction(self._scene, self.touchpoint_id)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._linking is not None:
            self._linking.move(event.scenePos())
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._linking is not None:
            linking, self._linking = self._linking, None
            linking.finish(event.scenePos())
            return
        super().mouseReleaseEvent(event)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(self._rect)
        return path

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._hovered = True
        self.update()

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._hovered = False
        self.update()

    def tooltip_at(self, point: QPointF) -> str:
        """The tooltip at a point of the card (item coordinates), worked out when asked
        for: over the channel badge the channel, over an owner pill cut short the whole
        owner, elsewhere what the card stands for."""
        touchpoint = self._scene.journey.touchpoint(self.touchpoint_id)
        translate = QCoreApplication.translate
        if touchpoint.channel and painters.channel_badge_rect(self._rect).contains(point):
            channel = labels.label(touchpoint.channel)
            if touchpoint.channel_detail:
                channel = f"{channel} ({touchpoint.channel_detail})"
            return _rich(translate("TouchpointItem", "Channel: %1").replace("%1", channel))
        if touchpoint.owner:
            pill, shown = painters.owner_pill(self._rect, touchpoint)
            if shown != touchpoint.owner and pill.contains(point):
                owner = translate("TouchpointItem", "Owner: %1").replace("%1", touchpoint.owner)
                return _rich(owner)
        return card_tooltip(touchpoint)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        detail = option.levelOfDetailFromTransform(painter.worldTransform())
        touchpoint = self._scene.journey.touchpoint(self.touchpoint_id)
        painters.paint_card(
            painter,
            self._rect,
            touchpoint,
            detail=detail,
            selected=self.isSelected(),
            hovered=self._hovered,
            accent=self._scene.accent(self.touchpoint_id),
        )
        if (self._hovered or self.isSelected()) and detail >= painters.SIMPLE_DETAIL:
            painters.paint_link_handle(painter, self.handle_centre(), HANDLE_RADIUS - 2)


def _rich(line: str) -> str:
    """One line of the user's words as rich text: shown as typed, "<" and "&" included."""
    return f"<nobr>{html.escape(line)}</nobr>"


def _number(value: float, scale: float = 1.0) -> str:
    return f"{round(value * scale, 1):.10g}"  # 31.3, 850000, 2400000 (no 2.4e+06)


def card_tooltip(touchpoint: Touchpoint) -> str:
    """A card's tooltip (rich text): its whole name, owner, both ratings, KPIs and its
    moment with the reason given."""
    translate = QCoreApplication.translate

    def rating(value: int | None) -> str:
        if value is None:
            return translate("TouchpointItem", "not rated")
        return translate("TouchpointItem", "%1 of 5").replace("%1", str(value))

    lines = []  # short: each stays on one line
    if touchpoint.owner:
        lines.append(translate("TouchpointItem", "Owner: %1").replace("%1", touchpoint.owner))
    lines.append(
        translate("TouchpointItem", "Customer rating: %1 · Company rating: %2")
        .replace("%1", rating(touchpoint.customer_rating))
        .replace("%2", rating(touchpoint.company_rating))
    )
    kpis = [
        (translate("TouchpointItem", "Conversion rate"), touchpoint.conversion_rate, 100, " %"),
        (translate("TouchpointItem", "Satisfaction"), touchpoint.satisfaction, 100, " %"),
        (translate("TouchpointItem", "ROI"), touchpoint.roi, 100, " %"),
        (translate("TouchpointItem", "Cost"), touchpoint.cost, 1, ""),
        (translate("TouchpointItem", "Reach"), touchpoint.reach, 1, ""),
    ]
    shown = [f"{name}: {_number(v, scale)}{unit}" for name, v, scale, unit in kpis if v is not None]
    if shown:
        lines.append(" · ".join(shown))
    moment = ""  # a sentence or more: may wrap
    if touchpoint.moment:
        moment = labels.label(touchpoint.moment)
        if touchpoint.moment_reason:
            moment = f"{moment}: {touchpoint.moment_reason}"
    parts = [f"<b>{html.escape(touchpoint.name)}</b>"]
    parts += [_rich(line) for line in lines]
    parts += [html.escape(moment)] if moment else []
    return "<br>".join(parts)


class LinkItem(QGraphicsItem):
    """A link lifted out of the link layer: selected, or following a dragged card."""

    def __init__(self, source: str, target: str) -> None:
        super().__init__()
        self.key = (source, target)
        self._link_shape: painters.LinkShape | None = None
        self._bounds = QRectF()
        self._hit_shape = QPainterPath()
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(6)  # over the link layer, under the cards

    def set_shape(self, shape: painters.LinkShape) -> None:
        self.prepareGeometryChange()
        self._link_shape = shape
        self._bounds = shape.bounds
        self._hit_shape = hit_shape(shape)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return self._hit_shape

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if self._link_shape is None:
            return
        detail = option.levelOfDetailFromTransform(painter.worldTransform())
        painters.paint_link(painter, self._link_shape, selected=self.isSelected(), detail=detail)


class OverviewItem(QGraphicsItem):
    """Far out, every card as a coloured block, in one paint call instead of thousands."""

    def __init__(self, map_scene: MapScene) -> None:
        super().__init__()
        self._scene = map_scene
        self._blocks: dict[str, list[QRectF]] | None = None
        self.setZValue(20)
        self.setVisible(False)

    def invalidate(self) -> None:
        self.prepareGeometryChange()
        self._blocks = None
        self.update()

    def boundingRect(self) -> QRectF:
        return painters.qrect(self._scene.layout.bounds)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        scene = self._scene
        if self._blocks is None:
            self._blocks = {}
            for tp in scene.journey.touchpoints():
                colour = scene.accent(tp.id) or style.rating_colour(tp.customer_rating)
                self._blocks.setdefault(colour, []).append(
                    painters.qrect(scene.layout.cards[tp.id])
                )
        cards = scene.layout.cards
        selected = [painters.qrect(cards[item.touchpoint_id]) for item in scene.selected_cards()]
        painters.paint_overview(painter, self._blocks, selected)


class CurveItem(QGraphicsItem):
    """The experience curve under the grid (render/curve.py draws it, as in exports)."""

    def __init__(self, map_scene: MapScene) -> None:
        super().__init__()
        self._scene = map_scene
        self.setZValue(-90)  # over the grid, under links and cards
        # exposedRect is only given to items that ask for it (the dots outside are skipped)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)

    def refresh(self) -> None:
        self.prepareGeometryChange()
        self.update()

    def boundingRect(self) -> QRectF:
        band = self._scene.layout.curve
        return painters.qrect(band) if band is not None else QRectF()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        scene = self._scene
        curve.paint_curve(
            painter,
            scene.journey,
            scene.layout,
            scene.curve_averages,
            scene.curve_labels,
            points_within=option.exposedRect,
            detail=option.levelOfDetailFromTransform(painter.worldTransform()),
        )
