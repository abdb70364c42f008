"""The experience curve: a band under the grid, aligned with the phases, that shows how
customers rate each phase (outside-in) against how the company rates it (inside-out).

Each rated touchpoint is a point at its card's horizontal position; one line joins the
phases' average customer ratings, another the company's, and the gap between them is
shaded; weak spots and positive moments are ringed. The numbers come from
`tpmapper.analysis` (its `curve`); this module only draws them, for the canvas and every
export alike.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPolygonF

from tpmapper.analysis import is_weak_spot
from tpmapper.model.journey import JourneyMap
from tpmapper.model.values import RATING_MAX, RATING_MIN
from tpmapper.model.vocabulary import Moment
from tpmapper.render import style
from tpmapper.render.layout import MapLayout
from tpmapper.render.painters import qrect, shared_font

CUSTOMER_COLOUR = style.SELECTION_COLOUR
COMPANY_COLOUR = style.COMPANY_COLOUR
GAP_FILL = "#f2c94c"
PLOT_MARGIN = 18.0  # above the top and below the bottom rating line
POINT_RADIUS = 4.0
POINTS_DETAIL = 0.3  # zoomed out further, the touchpoints' dots are left out


@dataclass(frozen=True)
class CurveLabels:
    """The curve's words; the UI passes translated ones."""

    heading: str = "Experience curve"
    customer: str = "Customer view"
    company: str = "Company view"


Averages = Sequence[tuple[float | None, float | None]]  # per phase: (customer, company)


def plot_rect(layout: MapLayout) -> QRectF:
    """Where the ratings are drawn: right of the lane headers, inside the band."""
    assert layout.curve is not None
    band = qrect(layout.curve)
    left = layout.metrics.lane_header_width
    return QRectF(
        left, band.top() + PLOT_MARGIN, band.right() - left, band.height() - 2 * PLOT_MARGIN
    )


def rating_y(plot: QRectF, rating: float) -> float:
    share = (rating - RATING_MIN) / (RATING_MAX - RATING_MIN)
    return plot.bottom() - share * plot.height()


def paint_curve(
    painter: QPainter,
    journey: JourneyMap,
    layout: MapLayout,
    averages: Averages,
    labels: CurveLabels | None = None,
    *,
    points_within: QRectF | None = None,
    detail: float = 1.0,
) -> None:
    """The whole band; nothing when the layout has none. The canvas passes the area to
    repaint (`points_within`: only the touchpoints' dots there) and how far it is zoomed
    out (below `POINTS_DETAIL` the dots are left out: too small to tell apart)."""
    if layout.curve is None:
        return
    labels = labels or CurveLabels()
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    band, plot = qrect(layout.curve), plot_rect(layout)
    _paint_frame(painter, layout, band, plot, labels)
    centres = [column.x + column.width / 2 for column in layout.columns]
    _paint_gap(painter, plot, centres, averages)
    for which, colour, dashed in ((0, CUSTOMER_COLOUR, False), (1, COMPANY_COLOUR, True)):
        values = [a[which] for a in averages]
        _paint_line(painter, plot, centres, values, colour=colour, dashed=dashed)
    if detail >= POINTS_DETAIL:
        _paint_points(painter, journey, layout, plot, points_within)
    painter.restore()


def _paint_frame(
    painter: QPainter, layout: MapLayout, band: QRectF, plot: QRectF, labels: CurveLabels
) -> None:
    """Background, the heading and key on the left, rating lines 1–5, phase dividers."""
    header = QRectF(band.left(), band.top(), layout.metrics.lane_header_width, band.height())
    painter.setPen(QPen(QColor(style.GRID_LINE), 1))
    painter.setBrush(QColor(style.LANE_HEADER_FILL))
    painter.drawRect(header)
    painter.setBrush(QColor(style.CELL_FILL))
    painter.drawRect(
        QRectF(header.right(), band.top(), band.right() - header.right(), band.height())
    )
    inner = header.adjusted(12, 10, -10, -10)
    painter.setPen(QColor(style.TEXT_COLOUR))
    painter.setFont(shared_font(10.5, bold=True))
    painter.drawText(inner, Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap, labels.heading)
    painter.setFont(shared_font(8.5))
    for row, (text, colour, dashed) in enumerate(
        ((labels.customer, CUSTOMER_COLOUR, False), (labels.company, COMPANY_COLOUR, True))
    ):
        y = inner.bottom() - 22 + row * 16
        painter.setPen(_line_pen(colour, dashed))
        painter.drawLine(QPointF(inner.left(), y), QPointF(inner.left() + 18, y))
        painter.setPen(QColor(style.MUTED_TEXT))
        painter.drawText(
            QRectF(inner.left() + 24, y - 8, inner.width() - 24, 16),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            text,
        )
    painter.setFont(shared_font(7.5))
    for rating in range(RATING_MIN, RATING_MAX + 1):
        y = rating_y(plot, rating)
        painter.setPen(QPen(QColor(style.GRID_LINE), 1, Qt.PenStyle.DotLine))
        painter.drawLine(QPointF(plot.left() + 14, y), QPointF(plot.right(), y))
        painter.setPen(QColor(style.MUTED_TEXT))
        painter.drawText(
            QRectF(plot.left() + 2, y - 7, 10, 14), Qt.AlignmentFlag.AlignCenter, str(rating)
        )
    painter.setPen(QPen(QColor(style.GRID_LINE), 1))
    for column in layout.columns[1:]:
        painter.drawLine(QPointF(column.x, band.top()), QPointF(column.x, band.bottom()))


def _line_pen(colour: str, dashed: bool) -> QPen:
    pen = QPen(QColor(colour), 2.2)
    if dashed:
        pen.setStyle(Qt.PenStyle.DashLine)
    return pen


def _paint_gap(painter: QPainter, plot: QRectF, centres: list[float], averages: Averages) -> None:
    """Shade between the two average lines wherever neighbouring phases have both."""
    fill = QColor(GAP_FILL)
    fill.setAlpha(90)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(fill)
    both = [
        (x, customer, company)
        for x, (customer, company) in zip(centres, averages, strict=True)
        if customer is not None and company is not None
    ]
    for (x1, cu1, co1), (x2, cu2, co2) in itertools.pairwise(both):
        painter.drawPolygon(
            QPolygonF(
                [
                    QPointF(x1, rating_y(plot, cu1)),
                    QPointF(x2, rating_y(plot, cu2)),
                    QPointF(x2, rating_y(plot, co2)),
                    QPointF(x1, rating_y(plot, co1)),
                ]
            )
        )
    for x, customer, company in both if len(both) == 1 else []:  # one phase: a bar
        top, bottom = sorted((rating_y(plot, customer), rating_y(plot, company)))
        painter.drawRect(QRectF(x - 5, top, 10, bottom - top))


def _paint_line(
    painter: QPainter,
    plot: QRectF,
    centres: list[float],
    values: list[float | None],
    *,
    colour: str,
    dashed: bool,
) -> None:
    """The phases' averages joined left to right (a phase without ratings is skipped)."""
    points = [
        QPointF(x, rating_y(plot, value))
        for x, value in zip(centres, values, strict=True)
        if value is not None
    ]
    if not points:
        return
    path = QPainterPath(points[0])
    for point in points[1:]:
        path.lineTo(point)
    painter.setPen(_line_pen(colour, dashed))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)
    painter.setBrush(QColor(colour))
    for point in points:
        painter.drawEllipse(point, 3.5, 3.5)


def _paint_points(
    painter: QPainter,
    journey: JourneyMap,
    layout: MapLayout,
    plot: QRectF,
    within: QRectF | None,
) -> None:
    """Each rated touchpoint at its card's x: the customer's rating filled in its colour,
    the company's as a ring; weak spots ringed red, positive moments green."""
    left, right = (within.left() - 12, within.right() + 12) if within else (-math.inf, math.inf)
    cards = layout.cards
    for touchpoint in journey.touchpoints():
        card = cards.get(touchpoint.id)
        if card is None:
            continue
        x = card.x + card.width / 2
        if not left <= x <= right:
            continue
        if touchpoint.company_rating is not None:
            painter.setPen(QPen(QColor(COMPANY_COLOUR), 1.4))
            painter.setBrush(QBrush(QColor("#ffffff")))
            painter.drawEllipse(
                QPointF(x, rating_y(plot, touchpoint.company_rating)), POINT_RADIUS, POINT_RADIUS
            )
        rating = touchpoint.customer_rating
        if rating is None:
            continue
        centre = QPointF(x, rating_y(plot, rating))
        painter.setPen(QPen(QColor("#ffffff"), 1))
        painter.setBrush(QColor(style.rating_colour(rating)))
        painter.drawEllipse(centre, POINT_RADIUS + 0.5, POINT_RADIUS + 0.5)
        weak = is_weak_spot(touchpoint)
        ring = style.PAIN_COLOUR if weak else style.POSITIVE_COLOUR
        if weak or touchpoint.moment is Moment.POSITIVE:
            painter.setPen(QPen(QColor(ring), 1.8))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(centre, POINT_RADIUS + 3.5, POINT_RADIUS + 3.5)


def wants_curve(choice: bool | None, journey: JourneyMap) -> bool:
    """Whether a picture or slide shows the curve: as chosen, or (None) when any touchpoint
    of the map is rated."""
    if choice is None:
        return any(tp.customer_rating or tp.company_rating for tp in journey.touchpoints())
    return choice
