"""All links of a map in one item, painted in one call and cached as device pixels.

A map of 10,000 touchpoints has thousands of long curves crossing every part of the
view. As one item each, every card moved over them repainted hundreds of them (200 ms
per mouse move) and every hover tested their shapes. As one cached item, Qt copies the
cached pixels instead. A link the user works with (selected, or following a dragged
card) is lifted out of the layer into its own LinkItem; the layer leaves it out.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPainterPathStroker
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from tpmapper.model.journey import JourneyMap
from tpmapper.render import painters

LinkKey = tuple[str, str]
HIT_WIDTH = 10.0  # how near (in scene units) a click must be to a link's curve


def hit_shape(shape: painters.LinkShape) -> QPainterPath:
    """The area that counts as "on the link": a band along its line, its arrow head, its
    label or its marker."""
    stroker = QPainterPathStroker()
    stroker.setWidth(max(HIT_WIDTH, shape.width + 4))
    area = stroker.createStroke(shape.path)
    area.addPolygon(shape.arrow)
    if shape.label_box is not None:
        area.addRect(shape.label_box)
    if shape.marker is not None:
        area.addEllipse(painters.marker_rect(shape.marker).adjusted(-2, -2, 2, 2))
    return area


def tooltip_text(journey: JourneyMap, key: LinkKey, share_words: str) -> str:
    """What hovering a link tells: where it leads, its whole label (also one that found no
    room on the map: a marker on the link says so) and, with `share_words` ("%1 % of
    customers …"), its share of customers."""
    link = journey.link(*key)
    source, target = (journey.touchpoint(end).name for end in key)
    lines = [f"{source} \u2192 {target}"]
    if link.label:
        lines.append(link.label)
    if link.share is not None:
        lines.append(share_words.replace("%1", f"{link.share * 100:.0f}"))
    return "\n".join(lines)


class LinkLayer(QGraphicsItem):
    def __init__(self, z: float) -> None:
        super().__init__()
        self.setZValue(z)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self._shapes: dict[LinkKey, painters.LinkShape] = {}
        self._boxes: dict[LinkKey, tuple[float, float, float, float]] = {}  # l, t, r, b
        self._left_out: set[LinkKey] = set()
        self._bounds = QRectF()
        self._dirty: list[QRectF] = []

    # ------------------------------------------------------------------ contents
    def shape_of(self, key: LinkKey) -> painters.LinkShape:
        return self._shapes[key]

    def keys(self) -> list[LinkKey]:
        return list(self._shapes)

    def put(self, key: LinkKey, shape: painters.LinkShape) -> None:
        """Add a link or give it a new shape (repainted at the next `flush`)."""
        self._mark(key)
        self._shapes[key] = shape
        box = shape.bounds
        self._boxes[key] = (box.left(), box.top(), box.right(), box.bottom())
        self._mark(key)

    def discard(self, key: LinkKey) -> None:
        self._mark(key)
        self._shapes.pop(key, None)
        self._boxes.pop(key, None)
        self._left_out.discard(key)

    def leave_out(self, key: LinkKey) -> None:
        """Stop drawing this link here: it is lifted out, or hidden during a drag."""
        if key not in self._left_out:
            self._left_out.add(key)
            self._mark(key, always=True)

    def take_back(self, key: LinkKey) -> None:
        if key in self._left_out:
            self._left_out.discard(key)
            self._mark(key)

    def is_drawn(self, key: LinkKey) -> bool:
        return key in self._shapes and key not in self._left_out

    def set_bounds(self, rect: QRectF) -> None:
        if rect != self._bounds:
            self.prepareGeometryChange()
            self._bounds = QRectF(rect)

    def _mark(self, key: LinkKey, always: bool = False) -> None:
        box = self._boxes.get(key)
        if box is not None and (always or key not in self._left_out):
            left, top, right, bottom = box
            self._dirty.append(QRectF(left, top, right - left, bottom - top))

    def flush(self) -> None:
        """Repaint the area of the links that changed since the last flush, as one
        rectangle: the cache redraws each updated rectangle on its own, so fifty long
        links updated one by one took 15 s in a 10,000-card map, and united 0.3 s."""
        if self._dirty:
            area = QRectF(self._dirty[0])
            for rect in self._dirty[1:]:
                area = area.united(rect)
            self.update(area)
            self._dirty.clear()

    # ------------------------------------------------------------------ finding
    def link_at(self, point: QPointF) -> LinkKey | None:
        """The topmost drawn link at `point` (the last painted wins, as on screen)."""
        x, y, reach = point.x(), point.y(), HIT_WIDTH
        for key in reversed(self._shapes):
            left, top, right, bottom = self._boxes[key]
            if key in self._left_out or not (
                left - reach <= x <= right + reach and top - reach <= y <= bottom + reach
            ):
                continue
            if hit_shape(self._shapes[key]).contains(point):
                return key
        return None

    # ------------------------------------------------------------------ painting
    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return QPainterPath()  # never under the mouse: clicks find links through link_at

    def contains(self, point: QPointF) -> bool:
        return False

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        exposed = option.exposedRect
        left, top, right, bottom = (
            exposed.left(),
            exposed.top(),
            exposed.right(),
            exposed.bottom(),
        )
        left_out, shapes = self._left_out, self._shapes
        visible = [
            shapes[key]
            for key, (x1, y1, x2, y2) in self._boxes.items()
            if x1 < right and x2 > left and y1 < bottom and y2 > top and key not in left_out
        ]
        detail = option.levelOfDetailFromTransform(painter.worldTransform())
        painters.paint_links(painter, visible, detail=detail)
