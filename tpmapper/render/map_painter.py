"""Paints a whole map (grid, headers, links, cards) onto a QPainter, for exports and previews.

The canvas draws the same parts through its items, calling the same painters.
"""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter

from tpmapper.model.journey import JourneyMap
from tpmapper.render import painters
from tpmapper.render.layout import MapLayout
from tpmapper.render.link_shapes import map_link_shapes
from tpmapper.render.painters import LinkShape, qrect


def paint_grid(
    painter: QPainter, journey: JourneyMap, layout: MapLayout, empty_hint: str = ""
) -> None:
    """Cells of every phase x lane, alternating by lane, with a hint in empty cells."""
    for p_index, phase_id in enumerate(layout.phase_ids):
        for l_index, lane_id in enumerate(layout.lane_ids):
            empty = not journey.cell(phase_id, lane_id)
            painters.paint_cell(
                painter,
                qrect(layout.cell_rect(p_index, l_index)),
                l_index % 2 == 1,
                empty,
                empty_hint,
            )


def paint_phase_headers(
    painter: QPainter,
    journey: JourneyMap,
    layout: MapLayout,
    label_from: float = 0.0,
    *,
    only: Collection[int] | None = None,
) -> None:
    """`only`: the indices of the phases to draw (a page's), else all."""
    for index, phase in enumerate(journey.phases):
        if only is not None and index not in only:
            continue
        count = len(journey.in_phase(phase.id))
        rect = qrect(layout.phase_header(index))
        painters.paint_phase_header(painter, rect, phase, count, label_from)


def paint_lane_headers(
    painter: QPainter,
    journey: JourneyMap,
    layout: MapLayout,
    *,
    only: Collection[int] | None = None,
    within: tuple[float, float] | None = None,
) -> None:
    """`only`: the indices of the lanes to draw, else all. `within`: the part of the map's
    height shown (a page's): a header cut by it is drawn as tall as its visible part, so
    its name stays in sight."""
    for index, lane in enumerate(journey.lanes):
        if only is not None and index not in only:
            continue
        count = len(journey.in_lane(lane.id))
        rect = qrect(layout.lane_header(index))
        if within is not None:
            rect.setTop(max(rect.top(), within[0]))
            rect.setBottom(min(rect.bottom(), within[1]))
        painters.paint_lane_header(painter, rect, lane, count)


def paint_corner(painter: QPainter, layout: MapLayout) -> None:
    m = layout.metrics
    painter.fillRect(QRectF(0, 0, m.lane_header_width, m.phase_header_height), QColor("#ffffff"))


def paint_headers(painter: QPainter, journey: JourneyMap, layout: MapLayout) -> None:
    """Phase headers along the top, lane headers down the left, and the corner."""
    paint_phase_headers(painter, journey, layout)
    paint_lane_headers(painter, journey, layout)
    paint_corner(painter, layout)


def link_shapes(journey: JourneyMap, layout: MapLayout) -> list[LinkShape]:
    """Every link's shape, in the map's link order: the one place a whole map's links are
    routed for painting (this module's `paint_links` and every picture export), through
    the gutters between the cards as on the canvas (render/link_router.py)."""
    return map_link_shapes(journey, layout)


def paint_links(
    painter: QPainter, journey: JourneyMap, layout: MapLayout, detail: float = 1.0
) -> None:
    painters.paint_links(painter, link_shapes(journey, layout), detail=detail)


def paint_cards(
    painter: QPainter, journey: JourneyMap, layout: MapLayout, detail: float = 1.0
) -> None:
    for touchpoint in journey.touchpoints():
        painters.paint_card(painter, qrect(layout.cards[touchpoint.id]), touchpoint, detail=detail)


def paint_map(
    painter: QPainter, journey: JourneyMap, layout: MapLayout, detail: float = 1.0
) -> None:
    """Everything, back to front: grid, links, cards, headers."""
    paint_grid(painter, journey, layout)
    paint_links(painter, journey, layout, detail)
    paint_cards(painter, journey, layout, detail)
    paint_headers(painter, journey, layout)
