"""Where a PDF printed at 100 % ("split") cuts the sheet into pages: at phase and lane edges
where they fall well, else between cards. Plain geometry, kept apart from the painting."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QPointF, QRectF

from tpmapper.render.sheet import LEGEND_ROW, Sheet


def _blocked(intervals: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Overlapping intervals merged, sorted."""
    merged: list[tuple[float, float]] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _cuts(
    length: float, room: float, preferred: list[float], blocked: list[tuple[float, float]]
) -> list[float]:
    """Where to cut a length into pieces no longer than `room`. Each piece is at least half
    the room long and ends, in this order of preference: at the last `preferred` place (a
    phase's or lane's edge) that fits, else short of the card the plain cut would go
    through, else exactly where the room ends."""
    cuts = [0.0]
    while length - cuts[-1] > room:
        start = cuts[-1]
        limit = start + room
        fitting = [p for p in preferred if start + room / 2 <= p <= limit]
        cut = max(fitting) if fitting else limit
        if not fitting:
            for low, high in blocked:
                if low < limit < high:
                    cut = low if low - start >= room / 2 else limit
                    break
        cuts.append(cut)
    cuts.append(length)
    return cuts


def column_cuts(sheet: Sheet, room: float) -> list[float]:
    """Where pages split the sheet across: at phase edges where they fall well, else
    between cards (the legend does not count: it wraps to the first page's width)."""
    layout, offset = sheet.layout, sheet.map_offset
    lane_band = (offset.x(), offset.x() + layout.metrics.lane_header_width)
    cards = [sheet.card_rect(tid) for tid in layout.cards]
    return _cuts(
        sheet.width,
        room,
        [lane_band[1]] + [column.right + offset.x() for column in layout.columns],
        _blocked([(c.left(), c.right()) for c in cards] + [lane_band]),
    )


def _row_cuts(sheet: Sheet, room: float) -> list[float]:
    """Where pages split the sheet down: at lane edges or the legend's rows where they fall
    well, else between cards."""
    layout, offset = sheet.layout, sheet.map_offset
    phase_band = (offset.y(), offset.y() + layout.metrics.phase_header_height)
    cards = [sheet.card_rect(tid) for tid in layout.cards]
    legend_rows = [(e.at.y(), e.at.y() + LEGEND_ROW) for e in sheet.legend]
    return _cuts(
        sheet.height,
        room,
        [phase_band[1]]
        + [row.bottom + offset.y() for row in layout.rows]
        + [top for top, _bottom in legend_rows],
        _blocked([(c.top(), c.bottom()) for c in cards] + [phase_band, *legend_rows]),
    )


def tiles(sheet: Sheet, room: QRectF) -> list[QRectF]:
    """The sheet cut into page-sized pieces, row by row."""
    xs, ys = column_cuts(sheet, room.width()), _row_cuts(sheet, room.height())
    return [
        QRectF(QPointF(left, top), QPointF(right, bottom))
        for top, bottom in itertools.pairwise(ys)
        for left, right in itertools.pairwise(xs)
    ]
