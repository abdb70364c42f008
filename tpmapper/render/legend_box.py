"""Legends in a box, pinned by the canvas to the view's bottom-left corner.

`paint_legend_box`: a heading, then one colour swatch and its words per row (what the
cards' colour stripes mean under a colour mode). `paint_map_legend` (View ▸ Legend): that
column beside a second one that explains the symbols on the map, each drawn by the very
painter that draws it on a card or header.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen

from tpmapper.model.vocabulary import Moment
from tpmapper.render import painters, style
from tpmapper.render.painters import shared_font

ROW = 18.0
SWATCH = 11.0
PADDING = 8.0
SYMBOL = 56.0  # the symbol column's pictures: as wide as a card's five stars
COLUMN_GAP = 18.0
HEADING_POINTS, TEXT_POINTS = 9.0, 8.5
COUNT_FILL = "#4e79a7"  # a phase header's blue, for the count's picture


@dataclass(frozen=True)
class SymbolWords:
    """The words of the symbols' column (the canvas passes translated ones)."""

    heading: str = "On the map"
    channel: str = "Channel"
    gap: str = "Company rates it N higher"
    stars: str = "Customer rating, 1–5"
    count: str = "Touchpoints in a phase or lane"
    pain: str = "Pain point"
    positive: str = "Positive moment"


SYMBOLS = ("channel", "gap", "stars", "count", "pain", "positive")


def _column_width(title: str, texts: Sequence[str], picture: float) -> float:
    heading = QFontMetricsF(shared_font(HEADING_POINTS, bold=True)).horizontalAdvance(title)
    text = QFontMetricsF(shared_font(TEXT_POINTS))
    return max([heading] + [picture + 6 + text.horizontalAdvance(t) for t in texts])


def _box(painter: QPainter, bottom_left: QPointF, width: float, rows: int) -> QRectF:
    """The box's background for `rows` rows (a heading included) of `width`."""
    height = ROW * rows
    box = QRectF(
        bottom_left.x(),
        bottom_left.y() - height - 2 * PADDING,
        width + 2 * PADDING,
        height + 2 * PADDING,
    )
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(QColor(style.GRID_LINE), 1))
    background = QColor("#ffffff")
    background.setAlpha(235)
    painter.setBrush(background)
    painter.drawRoundedRect(box, 6, 6)
    return box


def _heading(painter: QPainter, x: float, y: float, width: float, title: str) -> None:
    painter.setPen(QColor(style.TEXT_COLOUR))
    painter.setFont(shared_font(HEADING_POINTS, bold=True))
    painter.drawText(QRectF(x, y, width, ROW), Qt.AlignmentFlag.AlignVCenter, title)


def _words(painter: QPainter, x: float, y: float, width: float, text: str) -> None:
    painter.setPen(QColor(style.TEXT_COLOUR))
    painter.setFont(shared_font(TEXT_POINTS))
    painter.drawText(QRectF(x, y, width, ROW), Qt.AlignmentFlag.AlignVCenter, text)


def _colour_column(
    painter: QPainter, at: QPointF, width: float, title: str, entries: Sequence[tuple[str, str]]
) -> None:
    x, y = at.x(), at.y()
    _heading(painter, x, y, width, title)
    for text, colour in entries:
        y += ROW
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colour))
        painter.drawRoundedRect(QRectF(x, y + (ROW - SWATCH) / 2, SWATCH, SWATCH), 2, 2)
        _words(painter, x + SWATCH + 6, y, width - SWATCH - 6, text)


def paint_legend_box(
    painter: QPainter, bottom_left: QPointF, title: str, entries: Sequence[tuple[str, str]]
) -> QRectF:
    """Draw the box with its bottom-left corner at `bottom_left`; the rect it covers."""
    width = _column_width(title, [text for text, _colour in entries], SWATCH)
    painter.save()
    box = _box(painter, bottom_left, width, len(entries) + 1)
    _colour_column(painter, box.topLeft() + QPointF(PADDING, PADDING), width, title, entries)
    painter.restore()
    return box


def _symbol(painter: QPainter, kind: str, x: float, middle: float) -> None:
    """One symbol as the map shows it, in a SYMBOL wide picture starting at `x`."""
    if kind == "channel":  # the badge sits 14 right of and 8 below a card's corner
        painters._channel_badge(painter, QRectF(x - 14, middle - 8 - 8, 100, 60), "WB")
    elif kind == "gap":
        badge = painters.gap_badge_rect(QRectF(0, 0, 200, 60))
        card = QRectF(0, 0, 200, 60).translated(x - badge.x(), middle - badge.center().y())
        painters._gap_badge(painter, card, 2)
    elif kind == "stars":  # a card's stars end 8 left of its right edge
        painters._stars(painter, x + SYMBOL - 3, middle + 4.5, 3)
    elif kind == "count":  # a phase header's "name · count", its count only
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(COUNT_FILL))
        chip = QRectF(x, middle - 8, 30, 16)
        painter.drawRect(chip)
        painter.setPen(QColor("#ffffff"))
        painter.setFont(shared_font(8, bold=True))
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, "·  7")
    else:  # the marker (7 around its centre) sits 11 in from a card's top-right corner
        moment = Moment.PAIN_POINT if kind == "pain" else Moment.POSITIVE
        centre = x + 7
        painters._moment_marker(painter, QRectF(centre + 11 - 22, middle - 11, 22, 22), moment)


def paint_map_legend(
    painter: QPainter,
    bottom_left: QPointF,
    title: str,
    entries: Sequence[tuple[str, str]],
    words: SymbolWords,
) -> QRectF:
    """View ▸ Legend: the colours (of the colour mode, `title` and `entries`) and the
    symbols on the map in two columns of one box; the rect it covers."""
    texts = [getattr(words, kind) for kind in SYMBOLS]
    colours = _column_width(title, [text for text, _colour in entries], SWATCH)
    symbols = _column_width(words.heading, texts, SYMBOL)
    rows = 1 + max(len(entries), len(SYMBOLS))
    painter.save()
    box = _box(painter, bottom_left, colours + COLUMN_GAP + symbols, rows)
    left, top = box.left() + PADDING, box.top() + PADDING
    _colour_column(painter, QPointF(left, top), colours, title, entries)
    x = left + colours + COLUMN_GAP
    painter.setPen(QPen(QColor(style.GRID_LINE), 1))
    painter.drawLine(
        QPointF(x - COLUMN_GAP / 2, top), QPointF(x - COLUMN_GAP / 2, box.bottom() - PADDING)
    )
    _heading(painter, x, top, symbols, words.heading)
    y = top
    for kind, text in zip(SYMBOLS, texts, strict=True):
        y += ROW
        painter.save()
        _symbol(painter, kind, x, y + ROW / 2)
        painter.restore()
        _words(painter, x + SYMBOL + 6, y, symbols - SYMBOL - 6, text)
    painter.restore()
    return box
