"""Routed links as shapes to paint: a line with rounded corners, its arrow head, its label
or marker. The canvas and every export make their link shapes here (routing itself is
Qt-free: routing.py and link_router.py)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFontMetricsF, QPainterPath, QPolygonF

from tpmapper.model.elements import Link
from tpmapper.model.journey import JourneyMap
from tpmapper.render.layout import MapLayout, Rect
from tpmapper.render.link_router import route_links
from tpmapper.render.painters import LABEL_FONT_SIZE, LinkShape, qrect, shared_font
from tpmapper.render.routing import (
    LinkKey,
    LinkSpec,
    Point,
    Route,
    arrow_size,
    direct_route,
    width_for_share,
)

CORNER = 6.0  # the radius of a route's bends
LABEL_ROOM = 220.0  # a longer label is shortened with an ellipsis (the tooltip has it all)


@lru_cache(maxsize=4096)
def fitted_label(label: str) -> tuple[str, float, float]:
    """A label as drawn (elided to LABEL_ROOM) and its box's width and height."""
    metrics = QFontMetricsF(shared_font(LABEL_FONT_SIZE))
    text = metrics.elidedText(label, Qt.TextElideMode.ElideRight, LABEL_ROOM)
    return text, metrics.horizontalAdvance(text) + 10, metrics.height() + 4


def link_spec(link: Link) -> LinkSpec:
    size = fitted_label(link.label)[1:] if link.label else None
    return LinkSpec(size, width_for_share(link.share))


def link_specs(links: Iterable[Link]) -> dict[LinkKey, LinkSpec]:
    """What the router needs of each link, in the map's order."""
    return {link.key: link_spec(link) for link in links}


def route_path(points: tuple[Point, ...], width: float) -> QPainterPath:
    """A route's line: straight runs joined by rounded bends, ending where the arrow
    head's base is (so a thick line does not poke out of the arrow's tip)."""
    path = QPainterPath(QPointF(*points[0]))
    for i in range(1, len(points) - 1):
        (ax, ay), (bx, by), (cx, cy) = points[i - 1], points[i], points[i + 1]
        before, after = abs(bx - ax) + abs(by - ay), abs(cx - bx) + abs(cy - by)
        radius = min(CORNER, before / 2, after / 2)
        if radius <= 0.01:
            path.lineTo(bx, by)
            continue
        path.lineTo(bx - (bx - ax) / before * radius, by - (by - ay) / before * radius)
        path.quadTo(bx, by, bx + (cx - bx) / after * radius, by + (cy - by) / after * radius)
    (ax, ay), (bx, by) = points[-2], points[-1]
    last = abs(bx - ax) + abs(by - ay)
    if last > 0:
        bend = min(CORNER, last / 2) if len(points) > 2 else 0.0
        cut = max(0.0, min(arrow_size(width) - 1, last - bend))
        path.lineTo(bx - (bx - ax) / last * cut, by - (by - ay) / last * cut)
    return path


def route_shape(route: Route, label: str) -> LinkShape:
    """The shape to paint of a routed link."""
    box = qrect(route.label_box) if route.label_box is not None else None
    return LinkShape(
        route_path(route.points, route.width),
        QPolygonF([QPointF(*point) for point in route.arrow]),
        fitted_label(label)[0] if box is not None and label else "",
        box,
        route.width,
        QPointF(*route.marker) if route.marker is not None else None,
    )


def following_shape(start: Rect, end: Rect, link: Link) -> LinkShape:
    """A link following a card being dragged: the short way, over whatever is between."""
    return route_shape(direct_route(start, end, link_spec(link)), link.label)


def map_link_shapes(journey: JourneyMap, layout: MapLayout) -> list[LinkShape]:
    """Every link of a map routed and shaped, in the map's link order (for exports)."""
    links = journey.links()
    routes = route_links(layout, link_specs(links))
    return [route_shape(routes[link.key], link.label) for link in links]
