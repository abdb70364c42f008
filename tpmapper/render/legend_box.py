"""A small legend in a box: a heading, then one colour swatch and its words per row.
The canvas pins it to the view's corner to explain the cards' colour mode."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen

from tpmapper.render import style
from tpmapper.render.painters import shared_font

ROW = 18.0
SWATCH = 11.0
PADDING = 8.0


def paint_legend_box(
    painter: QPainter, bottom_left: QPointF, title: str, entries: Sequence[tuple[str, str]]
) -> QRectF:
    """Draw the box with its bottom-left corner at `bottom_left`; the rect it covers."""
    heading_font, text_font = shared_font(9, bold=True), shared_font(8.5)
    text_metrics = QFontMetricsF(text_font)
    width = max(
        [QFontMetricsF(heading_font).horizontalAdvance(title)]
        + [SWATCH + 6 + text_metrics.horizontalAdvance(text) for text, _colour in entries]
    )
    height = ROW * (len(entries) + 1)
    box = QRectF(
        bottom_left.x(),
        bottom_left.y() - height - 2 * PADDING,
        width + 2 * PADDING,
        height + 2 * PADDING,
    )
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(QColor(style.GRID_LINE), 1))
    background = QColor("#ffffff")
    background.setAlpha(235)
    painter.setBrush(background)
    painter.drawRoundedRect(box, 6, 6)
    x, y = box.left() + PADDING, box.top() + PADDING
    painter.setPen(QColor(style.TEXT_COLOUR))
    painter.setFont(heading_font)
    painter.drawText(QRectF(x, y, width, ROW), Qt.AlignmentFlag.AlignVCenter, title)
    painter.setFont(text_font)
    for text, colour in entries:
        y += ROW
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colour))
        painter.drawRoundedRect(QRectF(x, y + (ROW - SWATCH) / 2, SWATCH, SWATCH), 2, 2)
        painter.setPen(QColor(style.TEXT_COLOUR))
        painter.drawText(
            QRectF(x + SWATCH + 6, y, width - SWATCH - 6, ROW), Qt.AlignmentFlag.AlignVCenter, text
        )
    painter.restore()
    return box
