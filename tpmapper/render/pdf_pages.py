"""Where a PDF printed at 100 % ("split") cuts the sheet into pages, and what each shows.

Like a spreadsheet's frozen panes (print titles), every page repeats the phase headers
above and the lane headers beside the part of the map it shows, so the sheet's body (the
cells right of the lane headers and below the phase headers, the curve, the legend) is
what is cut: at phase and lane edges where they fall well, else between cards. Plain
geometry, kept apart from the painting.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF

from tpmapper.render.sheet import LEGEND_ROW, Sheet, overlaps


@dataclass(frozen=True)
class Panes:
    """Where the repeated headers end on the sheet: left of `left` the lane headers'
    column, above `top` the phase headers' row; 0 when a side is not repeated (its
    headers would take more than half the page)."""

    left: float
    top: float


@dataclass(frozen=True)
class Shown:
    """What of the map a page shows: phase and lane indices, and whether the curve."""

    phases: list[int]
    lanes: list[int]
    curve: bool


def panes(sheet: Sheet, room: QRectF) -> Panes:
    m, offset = sheet.layout.metrics, sheet.map_offset
    left = offset.x() + m.lane_header_width
    top = offset.y() + m.phase_header_height
    return Panes(
        left if left <= room.width() / 2 else 0.0, top if top <= room.height() / 2 else 0.0
    )


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
    start: float,
    end: float,
    room: float,
    preferred: list[float],
    blocked: list[tuple[float, float]],
) -> list[float]:
    """Where to cut [start, end] into pieces no longer than `room`. A piece ends, in this
    order of preference: at the last `preferred` place (a phase's or lane's edge) that fits
    and leaves it at least half the room long; at that place anyway when the phase or lane
    beyond it fits whole on the next page (a cut further on would halve it); short of the
    card the plain cut would go through; exactly where the room ends."""
    cuts = [start]
    places = [*sorted(p for p in preferred if start < p < end), end]
    while end - cuts[-1] > room + 1e-6:
        begin = cuts[-1]
        limit = begin + room
        fitting = [p for p in places if begin < p <= limit]
        cut = None
        if fitting:
            last = fitting[-1]
            beyond = next(p for p in places if p > limit)  # `end` at the latest
            if last - begin >= room / 2 or (last - begin >= room / 8 and beyond - last <= room):
                cut = last
        if cut is None:
            cut = limit
            for low, high in blocked:
                if low < limit < high:
                    cut = low if low - begin >= room / 4 else limit
                    break
        cuts.append(cut)
    cuts.append(end)
    return cuts


def column_cuts(sheet: Sheet, room: float, frozen: Panes) -> list[float]:
    """Where pages split the sheet's body across, from the lane headers' column on (the
    legend does not count: it wraps to the first page's width)."""
    layout, offset = sheet.layout, sheet.map_offset
    lane_band = (offset.x(), offset.x() + layout.metrics.lane_header_width)
    cards = [sheet.card_rect(tid) for tid in layout.cards]
    return _cuts(
        frozen.left,
        sheet.width,
        room - frozen.left,
        [lane_band[1]] + [column.right + offset.x() for column in layout.columns],
        _blocked([(c.left(), c.right()) for c in cards] + [lane_band]),
    )


def row_cuts(sheet: Sheet, room: float, frozen: Panes) -> list[float]:
    """Where pages split the sheet's body down, from below the phase headers: at lane
    edges, around the curve or between the legend's rows where they fall well, else
    between cards."""
    layout, offset = sheet.layout, sheet.map_offset
    phase_band = (offset.y(), offset.y() + layout.metrics.phase_header_height)
    cards = [sheet.card_rect(tid) for tid in layout.cards]
    legend_rows = [(e.at.y(), e.at.y() + LEGEND_ROW) for e in sheet.legend]
    curve = []
    if layout.curve is not None:
        curve = [(layout.curve.y + offset.y(), layout.curve.bottom + offset.y())]
    return _cuts(
        frozen.top,
        sheet.height,
        room - frozen.top,
        [phase_band[1]]
        + [row.bottom + offset.y() for row in layout.rows]
        + [edge for band in curve for edge in band]
        + [top for top, _bottom in legend_rows],
        _blocked([(c.top(), c.bottom()) for c in cards] + [phase_band, *curve, *legend_rows]),
    )


def tiles(sheet: Sheet, room: QRectF, frozen: Panes) -> list[QRectF]:
    """The sheet's body cut into pieces that fit on a page beside and under the repeated
    headers, row by row."""
    xs = column_cuts(sheet, room.width(), frozen)
    ys = row_cuts(sheet, room.height(), frozen)
    return [
        QRectF(QPointF(left, top), QPointF(right, bottom))
        for top, bottom in itertools.pairwise(ys)
        for left, right in itertools.pairwise(xs)
    ]


def shown(sheet: Sheet, tile: QRectF) -> Shown:
    """The lanes a tile shows, the curve if it does, and the phases above either (none for
    a tile of only the legend)."""
    layout = sheet.layout
    local = tile.translated(-sheet.map_offset)
    left, right, top, bottom = local.left(), local.right(), local.top(), local.bottom()
    lanes = [i for i, row in enumerate(layout.rows) if overlaps(row.y, row.bottom, top, bottom)]
    band = layout.curve
    curve = band is not None and overlaps(band.y, band.bottom, top, bottom)
    phases = [
        i
        for i, column in enumerate(layout.columns)
        if (lanes or curve) and overlaps(column.x, column.right, left, right)
    ]
    return Shown(phases, lanes, curve)
