"""Paints a composed sheet (title, map, legend) or a part of it onto any QPainter: a PNG's
image, an SVG generator, a PDF page.

The map goes through the painters the canvas uses (`tpmapper.render.painters` per card and
link, `tpmapper.render.map_painter` for the grid and headers), so an export looks like
the screen at 100 % zoom with full cards.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from tpmapper.analysis import curve as analysis_curve
from tpmapper.model.vocabulary import Moment
from tpmapper.progress import Steps
from tpmapper.render import compose, map_painter, painters, style
from tpmapper.render.compose import DATE_FONT, LEGEND_FONT, SWATCH, TITLE_FONT, Part, metrics
from tpmapper.render.curve import paint_curve
from tpmapper.render.export_options import ImageOptions
from tpmapper.render.painters import qrect, shared_font
from tpmapper.render.sheet import LEGEND_ROW, LegendEntry, Sheet

DIMMED = style.DIMMED_OPACITY


@contextlib.contextmanager
def saved(painter: QPainter) -> Iterator[None]:
    painter.save()
    try:
        yield
    finally:
        painter.restore()


def _paint_heading(
    painter: QPainter, rect: QRectF, title: str | None, right: str, title_points: float
) -> None:
    """A title at the left (elided to leave room) and a muted line of text at the right
    (elided in its middle should it take more than 70 % of the width)."""
    with saved(painter):
        painter.setFont(shared_font(DATE_FONT))
        font_metrics = metrics(painter.font())
        right = font_metrics.elidedText(right, Qt.TextElideMode.ElideMiddle, rect.width() * 0.7)
        right_width = font_metrics.horizontalAdvance(right)
        painter.setPen(QColor(style.MUTED_TEXT))
        painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, right)
        if title:
            painter.setFont(shared_font(title_points, bold=True))
            painter.setPen(QColor(style.TEXT_COLOUR))
            room = rect.adjusted(0, 0, -(right_width + 24), 0)
            text = metrics(painter.font()).elidedText(
                title, Qt.TextElideMode.ElideRight, max(0.0, room.width())
            )
            painter.drawText(room, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)


def paint_title(painter: QPainter, rect: QRectF, title: str, date: str) -> None:
    _paint_heading(painter, rect, title, date, TITLE_FONT)


def paint_page_header(painter: QPainter, rect: QRectF, title: str | None, right: str) -> None:
    """A PDF page's header: the map's title, what the page shows and the date, a rule."""
    _paint_heading(painter, rect, title, right, 12)
    with saved(painter):
        painter.setPen(QPen(QColor(style.GRID_LINE), 1))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())


def paint_legend(painter: QPainter, entries: list[LegendEntry]) -> None:
    with saved(painter):
        for entry in entries:
            x, y = entry.at.x(), entry.at.y()
            row = QRectF(x, y, entry.width, LEGEND_ROW)
            if entry.kind == "heading":
                painter.setFont(shared_font(LEGEND_FONT, bold=True))
                painter.setPen(QColor(style.TEXT_COLOUR))
                painter.drawText(row, Qt.AlignmentFlag.AlignVCenter, entry.text)
                continue
            centre = QPointF(x + SWATCH / 2, y + LEGEND_ROW / 2)
            if entry.kind in ("rating", "swatch"):
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(entry.colour or style.rating_colour(entry.rating)))
                painter.drawRoundedRect(QRectF(x, centre.y() - SWATCH / 2, SWATCH, SWATCH), 3, 3)
            else:
                # the card's own marker, drawn where a card of this size would have it
                moment = Moment.PAIN_POINT if entry.kind == "pain" else Moment.POSITIVE
                card = QRectF(centre.x() + 11 - 22, centre.y() - 11, 22, 22)
                painters._moment_marker(painter, card, moment)
            painter.setFont(shared_font(LEGEND_FONT))
            painter.setPen(QColor(style.TEXT_COLOUR))
            painter.drawText(
                row.adjusted(SWATCH + 6, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, entry.text
            )


def paint_map(
    painter: QPainter, sheet: Sheet, part: Part, options: ImageOptions, steps: Steps
) -> None:
    """Back to front, as `map_painter.paint_map`: grid, links, cards, headers, the curve.

    Links and cards go through the painters the canvas's link layer and card items use:
    the links in one batch (curves, then arrow heads, then labels on top, as on screen),
    the cards in chunks, so the caller hears of progress. A pane of a PDF page paints
    only the links, cards and headers it shows.
    """
    journey, layout = sheet.journey, sheet.layout
    with saved(painter):
        painter.translate(sheet.map_offset)
        map_painter.paint_grid(painter, journey, layout)
        steps.advance()
        if part.links:  # faint when a filter dims cards, as on the canvas
            painter.setOpacity(DIMMED if options.dimmed else 1.0)
            painters.paint_links(painter, part.links, detail=1.0)
            painter.setOpacity(1.0)
            steps.advance()
        for chunk in compose.chunks(part.cards):
            for touchpoint in chunk:
                accent = sheet.accents.get(touchpoint.id) if sheet.accents else None
                rect = qrect(layout.cards[touchpoint.id])
                painter.setOpacity(DIMMED if touchpoint.id in options.dimmed else 1.0)
                painters.paint_card(painter, rect, touchpoint, detail=1.0, accent=accent)
            painter.setOpacity(1.0)
            steps.advance()
        map_painter.paint_phase_headers(painter, journey, layout, part.label_from, only=part.phases)
        map_painter.paint_lane_headers(
            painter, journey, layout, only=part.lanes, within=part.within
        )
        if part.corner and not options.transparent:  # else the corner stays clear, too
            map_painter.paint_corner(painter, layout)
        if layout.curve is not None and part.curve:
            averages = [(point.customer, point.company) for point in analysis_curve(journey)]
            paint_curve(
                painter, journey, layout, averages, options.labels.curve, points_within=part.local
            )
        steps.advance()


def paint_sheet(
    painter: QPainter, sheet: Sheet, part: Part, options: ImageOptions, steps: Steps
) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    if sheet.title_rect is not None:
        paint_title(painter, sheet.title_rect, sheet.journey.title, options.printed_date)
    paint_map(painter, sheet, part, options, steps)
    if part.legend:
        paint_legend(painter, part.legend)
        steps.advance()
