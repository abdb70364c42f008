"""The sheet an export is drawn on: where its title, map and legend go, in layout units.

Its own module so that `compose` (which composes sheets), `sheet_painter` (which paints
them) and `pdf_pages` (which cuts them into pages) share it without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF

from tpmapper.model.journey import JourneyMap
from tpmapper.render.layout import MapLayout
from tpmapper.render.painters import LinkShape, qrect

LEGEND_ROW = 24.0  # the height of a row of legend entries


@dataclass(frozen=True)
class LegendEntry:
    kind: str  # "heading", "rating", "swatch", "pain", "positive"
    text: str
    rating: int | None = None
    colour: str | None = None  # a swatch's
    at: QPointF = field(default_factory=QPointF)  # top left, in sheet units
    width: float = 0.0


@dataclass
class Sheet:
    """Where the parts of an exported picture go, in layout units."""

    journey: JourneyMap
    layout: MapLayout
    links: list[LinkShape]  # in the map's link order
    width: float
    height: float
    map_offset: QPointF  # where the layout's (0, 0) lands on the sheet
    map_area: QRectF  # on the sheet: the grid and every link arc
    title_rect: QRectF | None
    legend: list[LegendEntry]
    accents: dict[str, str] | None = None  # card colours of a colour mode other than rating

    @property
    def rect(self) -> QRectF:
        return QRectF(0, 0, self.width, self.height)

    def card_rect(self, touchpoint_id: str) -> QRectF:
        return qrect(self.layout.cards[touchpoint_id]).translated(self.map_offset)


def overlaps(low: float, high: float, start: float, end: float) -> bool:
    """Whether [low, high] and [start, end] share more than a hairline (a page that ends
    where a lane starts does not show that lane)."""
    return min(high, end) - max(low, start) > 0.5
