"""Where everything of a map goes: phase columns, lane rows, cells and cards.

Plain geometry without Qt, so the canvas, the exporters and the tests share one answer.
Cells grow to fit their cards: a phase is as many card-columns wide as the square root
of its fullest cell needs, a lane as many card-rows high as its fullest cell needs.
Cards fill a cell row by row, in the cell's order.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from tpmapper.model.journey import JourneyMap


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    @property
    def center(self) -> tuple[float, float]:
        return (self.x + self.width / 2, self.y + self.height / 2)

    def contains(self, x: float, y: float) -> bool:
        return self.x <= x < self.right and self.y <= y < self.bottom

    def united(self, other: Rect) -> Rect:
        left, top = min(self.x, other.x), min(self.y, other.y)
        return Rect(
            left, top, max(self.right, other.right) - left, max(self.bottom, other.bottom) - top
        )


@dataclass(frozen=True)
class Metrics:
    """Sizes at 100 % zoom, in scene units (pixels)."""

    card_width: float = 176
    card_height: float = 68
    gap: float = 20  # wide enough for a link label between two cards
    cell_padding: float = 16
    phase_header_height: float = 48
    lane_header_width: float = 156
    min_card_columns: int = 1
    max_card_columns: int = 40
    min_card_rows: int = 1
    curve_gap: float = 24  # between the grid and the experience curve below it
    curve_height: float = 180


@dataclass
class MapLayout:
    metrics: Metrics
    phase_ids: list[str]
    lane_ids: list[str]
    columns: list[Rect] = field(default_factory=list)  # the phase's column below its header
    rows: list[Rect] = field(default_factory=list)  # the lane's row right of its header
    card_columns: list[int] = field(default_factory=list)  # per phase
    cards: dict[str, Rect] = field(default_factory=dict)
    cell_of: dict[str, tuple[str, str]] = field(default_factory=dict)
    curve: Rect | None = None  # the experience curve's band below the grid, when shown

    @property
    def grid_bounds(self) -> Rect:
        """Headers and cells, without the curve."""
        width = self.columns[-1].right if self.columns else self.metrics.lane_header_width
        height = self.rows[-1].bottom if self.rows else self.metrics.phase_header_height
        return Rect(0, 0, width, height)

    @property
    def bounds(self) -> Rect:
        grid = self.grid_bounds
        return grid if self.curve is None else grid.united(self.curve)

    def phase_header(self, index: int) -> Rect:
        column = self.columns[index]
        return Rect(column.x, 0, column.width, self.metrics.phase_header_height)

    def lane_header(self, index: int) -> Rect:
        row = self.rows[index]
        return Rect(0, row.y, self.metrics.lane_header_width, row.height)

    def cell_rect(self, phase_index: int, lane_index: int) -> Rect:
        column, row = self.columns[phase_index], self.rows[lane_index]
        return Rect(column.x, row.y, column.width, row.height)

    def cell_at(self, x: float, y: float) -> tuple[str, str] | None:
        """The (phase id, lane id) of the cell under a scene point, if any."""
        phase = next((i for i, c in enumerate(self.columns) if c.x <= x < c.right), None)
        lane = next((i for i, r in enumerate(self.rows) if r.y <= y < r.bottom), None)
        if phase is None or lane is None:
            return None
        return (self.phase_ids[phase], self.lane_ids[lane])

    def slot_rect(self, phase_index: int, lane_index: int, slot: int) -> Rect:
        """Where the card at position `slot` of a cell goes."""
        m = self.metrics
        per_row = self.card_columns[phase_index]
        cell = self.cell_rect(phase_index, lane_index)
        column, row = slot % per_row, slot // per_row
        return Rect(
            cell.x + m.cell_padding + column * (m.card_width + m.gap),
            cell.y + m.cell_padding + row * (m.card_height + m.gap),
            m.card_width,
            m.card_height,
        )

    def drop_index(
        self, phase_id: str, lane_id: str, x: float, y: float, *, order: list[str], moving: set[str]
    ) -> int | None:
        """Where cards dropped at (x, y) land among the *other* cards of a cell (`order` is
        the cell as drawn): over a card's left half goes before it, over its right half
        after it, past the last card at the end. None: over one of the `moving` cards."""
        m = self.metrics
        p, lane = self.phase_ids.index(phase_id), self.lane_ids.index(lane_id)
        cell = self.cell_rect(p, lane)
        per_row = self.card_columns[p]
        column = int((x - cell.x - m.cell_padding) // (m.card_width + m.gap))
        row = int((y - cell.y - m.cell_padding) // (m.card_height + m.gap))
        others = [t for t in order if t not in moving]
        slot = max(0, row) * per_row + min(max(0, column), per_row - 1)
        if slot >= len(order):
            return len(others)
        target = order[slot]
        if target in moving:
            return None
        rect = self.slot_rect(p, lane, slot)
        return others.index(target) + (0 if x < rect.x + rect.width / 2 else 1)


def _card_columns(count: int, metrics: Metrics) -> int:
    wanted = math.ceil(math.sqrt(count)) if count else 1
    return max(metrics.min_card_columns, min(metrics.max_card_columns, wanted))


def layout_map(
    journey: JourneyMap, metrics: Metrics | None = None, curve: bool = False
) -> MapLayout:
    """Compute the whole layout of a map; with `curve`, a band for the experience curve
    below the grid (the cells and cards stay where they are either way)."""
    m = metrics or Metrics()
    phase_ids, lane_ids = journey.phases.ids(), journey.lanes.ids()
    result = MapLayout(m, phase_ids, lane_ids)
    counts = [[len(journey.cell(p, lane)) for lane in lane_ids] for p in phase_ids]

    x = m.lane_header_width
    for p_index in range(len(phase_ids)):
        per_row = _card_columns(max(counts[p_index], default=0), m)
        result.card_columns.append(per_row)
        width = 2 * m.cell_padding + per_row * m.card_width + (per_row - 1) * m.gap
        result.columns.append(Rect(x, m.phase_header_height, width, 0))
        x += width

    y = m.phase_header_height
    for l_index in range(len(lane_ids)):
        rows_needed = max(
            (math.ceil(counts[p][l_index] / result.card_columns[p]) for p in range(len(phase_ids))),
            default=0,
        )
        rows_needed = max(m.min_card_rows, rows_needed)
        height = 2 * m.cell_padding + rows_needed * m.card_height + (rows_needed - 1) * m.gap
        result.rows.append(Rect(m.lane_header_width, y, 0, height))
        y += height

    total_width = x - m.lane_header_width
    total_height = y - m.phase_header_height
    result.columns = [Rect(c.x, c.y, c.width, total_height) for c in result.columns]
    result.rows = [Rect(r.x, r.y, total_width, r.height) for r in result.rows]

    for p_index, phase_id in enumerate(phase_ids):
        for l_index, lane_id in enumerate(lane_ids):
            for slot, tid in enumerate(journey.cell(phase_id, lane_id)):
                result.cards[tid] = result.slot_rect(p_index, l_index, slot)
                result.cell_of[tid] = (phase_id, lane_id)
    if curve:
        grid = result.grid_bounds
        result.curve = Rect(0, grid.bottom + m.curve_gap, grid.width, m.curve_height)
    return result
