"""Draws the parts of a map with a QPainter: grid, headers, cards and links.

Each function paints in scene coordinates and changes nothing but the painter (which it
saves and restores), so a screen item and an exporter get identical pictures.
`detail` is the painter's level of detail (1.0 at 100 % zoom); small values get a
simplified drawing that stays readable and is cheap when thousands of cards are visible.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)

from tpmapper.analysis.compute import BLIND_SPOT_GAP
from tpmapper.model.elements import Lane, Phase, Touchpoint
from tpmapper.model.vocabulary import Moment
from tpmapper.render import style
from tpmapper.render.layout import Rect
from tpmapper.render.routing import DEFAULT_WIDTH

SIMPLE_DETAIL = 0.45  # below this, cards are coloured blocks with a short name
BLOCK_DETAIL = 0.2  # below this, cards are plain coloured blocks


def qrect(rect: Rect) -> QRectF:
    return QRectF(rect.x, rect.y, rect.width, rect.height)


@cache
def shared_font(size: float, bold: bool = False) -> QFont:
    """Shared, so never change the font it returns (painters only set it)."""
    font = QFont()
    font.setPointSizeF(size)
    font.setBold(bold)
    return font


def paint_phase_header(
    painter: QPainter, rect: QRectF, phase: Phase, count: int, label_from: float = 0.0
) -> None:
    """`label_from`: where the label may start at the earliest (right of pinned lane headers)."""
    painter.save()
    colour = QColor(phase.colour)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawRect(rect)
    text = QColor("#ffffff") if colour.lightnessF() < 0.62 else QColor(style.TEXT_COLOUR)
    painter.setPen(text)
    painter.setFont(shared_font(11, bold=True))
    inner = rect.adjusted(12, 0, -12, 0)
    inner.setLeft(min(max(inner.left(), label_from + 12), max(inner.left(), inner.right() - 60)))
    label = f"{phase.name}  ·  {count}"
    elided = QFontMetricsF(painter.font()).elidedText(
        label, Qt.TextElideMode.ElideRight, inner.width()
    )
    painter.drawText(inner, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, elided)
    painter.restore()


def paint_lane_header(painter: QPainter, rect: QRectF, lane: Lane, count: int) -> None:
    painter.save()
    painter.setPen(QPen(QColor(style.GRID_LINE), 1))
    painter.setBrush(QColor(style.LANE_HEADER_FILL))
    painter.drawRect(rect)
    painter.setPen(QColor(style.TEXT_COLOUR))
    painter.setFont(shared_font(10.5, bold=True))
    inner = rect.adjusted(12, 10, -10, -10)
    painter.drawText(inner, Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap, lane.name)
    painter.setPen(QColor(style.MUTED_TEXT))
    painter.setFont(shared_font(9))
    painter.drawText(inner, Qt.AlignmentFlag.AlignBottom, str(count))
    painter.restore()


def paint_cell(painter: QPainter, rect: QRectF, alternate: bool, empty: bool, hint: str) -> None:
    painter.save()
    painter.setPen(QPen(QColor(style.GRID_LINE), 1))
    painter.setBrush(QColor(style.CELL_ALTERNATE_FILL if alternate else style.CELL_FILL))
    painter.drawRect(rect)
    if empty and hint:
        painter.setPen(QColor(style.EMPTY_HINT))
        painter.setFont(shared_font(9))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, hint)
    painter.restore()


def paint_link_handle(painter: QPainter, centre: QPointF, radius: float) -> None:
    """The small circle on a card's edge to drag a new link from."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(QColor(style.SELECTION_COLOUR), 1.5))
    painter.setBrush(QColor("#ffffff"))
    painter.drawEllipse(centre, radius, radius)
    painter.restore()


def paint_drop_target(painter: QPainter, rect: QRectF) -> None:
    """The cell a dragged card would land in."""
    painter.save()
    colour = QColor(style.SELECTION_COLOUR)
    painter.setPen(QPen(colour, 2.5, Qt.PenStyle.DashLine))
    colour.setAlpha(28)
    painter.setBrush(colour)
    painter.drawRect(rect.adjusted(3, 3, -3, -3))
    painter.restore()


def _stars(painter: QPainter, right: float, bottom: float, rating: int | None) -> None:
    size, spacing = 9.0, 11.0
    for i in range(5):
        cx = right - (4 - i) * spacing - size / 2
        cy = bottom - size / 2
        points = [
            QPointF(
                cx
                + math.cos(math.radians(-90 + k * 36)) * (size / 2 if k % 2 == 0 else size / 4.6),
                cy
                + math.sin(math.radians(-90 + k * 36)) * (size / 2 if k % 2 == 0 else size / 4.6),
            )
            for k in range(10)
        ]
        filled = rating is not None and i < rating
        painter.setPen(QPen(QColor("#b08900" if filled else style.UNRATED_COLOUR), 0.8))
        painter.setBrush(QColor("#f5b400") if filled else Qt.BrushStyle.NoBrush)
        painter.drawPolygon(QPolygonF(points))


def _moment_marker(painter: QPainter, rect: QRectF, moment: Moment) -> None:
    centre = QPointF(rect.right() - 11, rect.top() + 11)
    painter.setPen(Qt.PenStyle.NoPen)
    if moment is Moment.PAIN_POINT:
        painter.setBrush(QColor(style.PAIN_COLOUR))
        triangle = QPolygonF(
            [centre + QPointF(0, -7), centre + QPointF(7, 6), centre + QPointF(-7, 6)]
        )
        painter.drawPolygon(triangle)
        mark = "!"
    else:
        painter.setBrush(QColor(style.POSITIVE_COLOUR))
        painter.drawEllipse(centre, 7, 7)
        mark = "+"
    painter.setPen(QColor("#ffffff"))
    painter.setFont(shared_font(7.5, bold=True))
    painter.drawText(
        QRectF(centre.x() - 7, centre.y() - 6, 14, 13), Qt.AlignmentFlag.AlignCenter, mark
    )


def channel_badge_rect(card: QRectF) -> QRectF:
    """Where a card's channel badge goes: at the top left, before the name."""
    return QRectF(card.left() + 14, card.top() + 8, 24, 16)


def _channel_badge(painter: QPainter, card: QRectF, text: str) -> float:
    """Draws the two-letter channel badge; returns where the text after it may start."""
    badge = channel_badge_rect(card)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#e3e8ef"))
    painter.drawRoundedRect(badge, 3, 3)
    painter.setPen(QColor(style.MUTED_TEXT))
    painter.setFont(shared_font(6.5, bold=True))
    painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, text)
    return badge.right() + 6


def owner_pill(card: QRectF, touchpoint: Touchpoint) -> tuple[QRectF, str]:
    """Where a card's owner pill goes and the owner's name as it shows (elided to fit)."""
    flattering = (touchpoint.rating_gap or 0) >= BLIND_SPOT_GAP  # a gap badge beside it
    room = OWNER_ROOM_BESIDE_GAP_BADGE if flattering else 84
    metrics = QFontMetricsF(shared_font(7.5))
    owner = metrics.elidedText(touchpoint.owner, Qt.TextElideMode.ElideRight, room)
    left, top = card.left() + 14, card.bottom() - 20
    return QRectF(left, top, metrics.horizontalAdvance(owner) + 12, 14), owner


def _owner_pill(painter: QPainter, card: QRectF, touchpoint: Touchpoint) -> None:
    pill, owner = owner_pill(card, touchpoint)
    painter.setFont(shared_font(7.5))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#e8eef7"))
    painter.drawRoundedRect(pill, 7, 7)
    painter.setPen(QColor("#35507a"))
    painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, owner)


GAP_BADGE_FILL = QColor("#ffa000")  # amber: the company thinks better of it than customers
GAP_BADGE_TEXT = QColor("#3d2600")
GAP_BADGE_WIDTH, GAP_BADGE_HEIGHT = 22.0, 14.0
OWNER_ROOM_BESIDE_GAP_BADGE = 58.0  # the owner pill ends left of the gap badge


def gap_badge_rect(card: QRectF) -> QRectF:
    """Where a card's gap badge goes: on the owner pill's line, just left of the stars."""
    return QRectF(
        card.right() - 66 - GAP_BADGE_WIDTH,
        card.bottom() - 20,
        GAP_BADGE_WIDTH,
        GAP_BADGE_HEIGHT,
    )


def _gap_badge(painter: QPainter, card: QRectF, gap: int) -> None:
    """The gap badge, "+2" on amber: company rating minus customer rating, on a blind spot
    where the company flatters itself."""
    badge = gap_badge_rect(card)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(GAP_BADGE_FILL)
    painter.drawRoundedRect(badge, 4, 4)
    painter.setPen(GAP_BADGE_TEXT)
    painter.setFont(shared_font(7.5, bold=True))
    painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, f"+{gap}")


NAME_HEIGHT = 32.0  # two lines of a card's name
NAME_SIZES = (9.0, 8.25, 7.5)  # a long name first gets a smaller font, then is shortened


def _name_fits(metrics: QFontMetricsF, text: str, wrap: Qt.TextFlag, width: float) -> bool:
    if wrap == Qt.TextFlag.TextWordWrap:
        # Qt breaks lines at spaces and after hyphens, so only the pieces between must fit.
        pieces = re.split(r"[\s/]+|(?<=-)", text)
        if any(metrics.horizontalAdvance(piece) > width for piece in pieces):
            return False
    return metrics.boundingRect(QRectF(0, 0, width, 10_000), wrap, text).height() <= NAME_HEIGHT


@lru_cache(maxsize=8192)  # names of a large map; renamed ones age out
def fit_name(name: str, width: float) -> tuple[float, Qt.TextFlag, str]:
    """Font size, wrapping and text that put a card's name in two lines of `width`.

    Whole words are kept if a smaller size lets them fit (German compounds such as
    "Auftragsbestätigung" are long); else a word breaks anywhere; only a name that still
    does not fit is cut with an ellipsis.
    """
    word_wrap, anywhere = Qt.TextFlag.TextWordWrap, Qt.TextFlag.TextWrapAnywhere
    for wrap in (word_wrap, anywhere):
        for size in NAME_SIZES:
            if _name_fits(QFontMetricsF(shared_font(size, bold=True)), name, wrap, width):
                return size, wrap, name
    size = NAME_SIZES[-1]
    metrics = QFontMetricsF(shared_font(size, bold=True))
    for wrap in (word_wrap, anywhere):
        for budget in range(int(width * 2), 0, -8):
            text = metrics.elidedText(name, Qt.TextElideMode.ElideRight, budget)
            if _name_fits(metrics, text, wrap, width):
                return size, wrap, text
    return size, anywhere, metrics.elidedText(name, Qt.TextElideMode.ElideRight, width)


def paint_card(
    painter: QPainter,
    rect: QRectF,
    touchpoint: Touchpoint,
    *,
    detail: float = 1.0,
    selected: bool = False,
    hovered: bool = False,
    accent: str | None = None,
) -> None:
    """A touchpoint card: rating stripe, name, channel badge, owner, stars, moment marker,
    and a gap badge where the company rates it 2 or more points above its customers.
    `accent` colours the stripe by another measure (render/colour_modes.py)."""
    painter.save()
    rating = QColor(accent or style.rating_colour(touchpoint.customer_rating))
    if detail < BLOCK_DETAIL:
        painter.setPen(QPen(QColor(style.SELECTION_COLOUR), 6) if selected else Qt.PenStyle.NoPen)
        painter.setBrush(rating)
        painter.drawRect(rect)
        painter.restore()
        return

    border = QPen(QColor(style.CARD_BORDER), 1)
    if selected:
        border = QPen(QColor(style.SELECTION_COLOUR), 2.5)
    elif hovered:
        border = QPen(QColor(style.HOVER_COLOUR), 2)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(border)
    painter.setBrush(QColor(style.CARD_FILL))
    painter.drawRoundedRect(rect, 6, 6)

    stripe = QPainterPath()
    stripe.addRoundedRect(QRectF(rect.left(), rect.top(), 7, rect.height()), 3, 3)
    painter.fillPath(stripe, QBrush(rating))

    text_left = rect.left() + 14
    if detail < SIMPLE_DETAIL:
        painter.setPen(QColor(style.TEXT_COLOUR))
        painter.setFont(shared_font(13, bold=True))
        painter.drawText(
            QRectF(text_left, rect.top(), rect.width() - 20, rect.height()),
            Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap,
            touchpoint.name,
        )
        painter.restore()
        return

    badge_text = style.CHANNEL_BADGES.get(touchpoint.channel, "") if touchpoint.channel else ""
    top = rect.top() + 8
    name_left = _channel_badge(painter, rect, badge_text) if badge_text else text_left
    marker_room = 22 if touchpoint.moment else 8
    painter.setPen(QColor(style.TEXT_COLOUR))
    name_rect = QRectF(name_left, top - 1, rect.right() - marker_room - name_left, NAME_HEIGHT)
    size, wrap, name = fit_name(touchpoint.name, name_rect.width())
    painter.setFont(shared_font(size, bold=True))
    painter.drawText(name_rect, Qt.AlignmentFlag.AlignTop | wrap, name)

    gap = touchpoint.rating_gap or 0  # company - customer; 0 unless both rated it
    flattering = gap >= BLIND_SPOT_GAP
    if touchpoint.owner:
        _owner_pill(painter, rect, touchpoint)
    if flattering:
        _gap_badge(painter, rect, gap)
    _stars(painter, rect.right() - 8, rect.bottom() - 7, touchpoint.customer_rating)
    if touchpoint.moment:
        _moment_marker(painter, rect, touchpoint.moment)
    painter.restore()


@dataclass(frozen=True)
class LinkShape:
    """Everything needed to draw a link, worked out once per route (not on every paint)."""

    path: QPainterPath
    arrow: QPolygonF
    label: str  # elided to fit; empty when the label has no room
    label_box: QRectF | None
    width: float = DEFAULT_WIDTH  # the line's, from the share of customers taking it
    marker: QPointF | None = None  # the link has a label that found no room: hover for it

    @property
    def bounds(self) -> QRectF:
        """Tight bounds: the line, its arrow head, its label and its marker."""
        rect = self.path.boundingRect().united(self.arrow.boundingRect())
        if self.label_box is not None:
            rect = rect.united(self.label_box)
        if self.marker is not None:
            rect = rect.united(marker_rect(self.marker))
        grow = 3 + self.width / 2
        return rect.adjusted(-grow, -grow, grow, grow)


LABEL_FONT_SIZE = 7.5
MARKER_RADIUS = 4.5
CASING = 1.0  # the light edge on either side of a link's line


def marker_rect(centre: QPointF) -> QRectF:
    return QRectF(
        centre.x() - MARKER_RADIUS, centre.y() - MARKER_RADIUS, 2 * MARKER_RADIUS, 2 * MARKER_RADIUS
    )


def paint_link(
    painter: QPainter, shape: LinkShape, *, selected: bool = False, detail: float = 1.0
) -> None:
    """A link's line with an arrow head at its end and its label (or marker)."""
    paint_links(painter, [shape], selected=selected, detail=detail)


def paint_links(
    painter: QPainter,
    shapes: Sequence[LinkShape],
    *,
    selected: bool = False,
    detail: float = 1.0,
) -> None:
    """Many links in one go: all lines (one pen per width), then all arrow heads, then
    labels and markers on top."""
    if not shapes:
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, detail >= SIMPLE_DETAIL)
    colour = QColor(style.SELECTION_COLOUR if selected else style.LINK_COLOUR)
    cap, join = Qt.PenCapStyle.FlatCap, Qt.PenJoinStyle.RoundJoin
    pens: dict[float, tuple[QPen, QPen]] = {}
    for width in {shape.width for shape in shapes}:
        line = max(width + 1.0, 2.6) if selected else width
        pens[width] = (
            QPen(QColor(style.CELL_FILL), line + 2 * CASING, Qt.PenStyle.SolidLine, cap, join),
            QPen(colour, line, Qt.PenStyle.SolidLine, cap, join),
        )
    painter.setBrush(Qt.BrushStyle.NoBrush)
    cased = detail >= SIMPLE_DETAIL  # a thin light edge keeps crossing lines apart
    for shape in shapes:
        casing, line = pens[shape.width]
        if cased:
            painter.setPen(casing)
            painter.drawPath(shape.path)
        painter.setPen(line)
        painter.drawPath(shape.path)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    for shape in shapes:
        painter.drawPolygon(shape.arrow)
    if detail >= SIMPLE_DETAIL:
        _labels_and_markers(painter, shapes, colour)
    painter.restore()


def _labels_and_markers(painter: QPainter, shapes: Sequence[LinkShape], colour: QColor) -> None:
    painter.setFont(shared_font(LABEL_FONT_SIZE))
    box_pen, text_pen = QPen(colour, 0.8), QPen(QColor(style.TEXT_COLOUR))
    painter.setBrush(QColor(255, 255, 255, 230))
    for shape in shapes:
        if shape.label_box is not None:
            painter.setPen(box_pen)
            painter.drawRoundedRect(shape.label_box, 4, 4)
            painter.setPen(text_pen)
            painter.drawText(shape.label_box, Qt.AlignmentFlag.AlignCenter, shape.label)
    markers = [shape.marker for shape in shapes if shape.marker is not None]
    if not markers:
        return
    painter.setPen(QPen(colour, 1.2))
    painter.setBrush(QColor("#ffffff"))
    for centre in markers:  # a small "…" badge: this link has a label to hover for
        painter.drawEllipse(centre, MARKER_RADIUS, MARKER_RADIUS)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    for centre in markers:
        for dx in (-2.2, 0.0, 2.2):
            painter.drawEllipse(centre + QPointF(dx, 0), 0.8, 0.8)


def paint_overview(
    painter: QPainter, blocks: dict[str, list[QRectF]], selected: list[QRectF]
) -> None:
    """Many cards at once, as coloured blocks: one call per colour, for far-out zoom."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # blocks need none
    painter.setPen(Qt.PenStyle.NoPen)
    for colour, rects in blocks.items():
        painter.setBrush(QColor(colour))
        painter.drawRects(rects)
    if selected:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor(style.SELECTION_COLOUR), 8))
        painter.drawRects(selected)
    painter.restore()
