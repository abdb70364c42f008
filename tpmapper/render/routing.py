"""The geometry of link routing: the gutters of a map, routes, tracks, label spots.

Plain Python without Qt: the canvas and every export route alike (link_router.py does
the routing, link_shapes.py turns a route into a path to paint). The layout is a grid of
card *slots*: each phase column holds a whole number of card columns and each lane row a
whole number of card rows, so the gutters between slot columns run the whole height of
the grid and those between slot rows its whole width. A route leaves its card at a side,
runs along these gutters ("channels"), or straight through empty slots, and enters the
other card at a side, so it never passes under a card.

Links sharing a side of a card leave it at ports spread along that side; links running
along the same stretch of a channel take tracks side by side (fanned out). A label goes
where it covers no card and no other label; where there is none, the route gets a
marker instead (the canvas shows the label as the link's tooltip).
"""

from __future__ import annotations

import heapq
import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from itertools import pairwise

from tpmapper.render.layout import MapLayout, Rect

Point = tuple[float, float]
LinkKey = tuple[str, str]

DEFAULT_WIDTH = 1.6  # a link without a share
MIN_WIDTH, MAX_WIDTH = 1.0, 6.0  # a share of 0 and of 1
EDGE = 3.0  # a track keeps this far from the cards beside its channel
NARROW_SPACING, WIDE_SPACING = 3.0, 4.0  # between tracks, in gutters under / over WIDE
WIDE = 24.0  # a gutter at least this wide (a cell's edge) has room for labels
LABEL_GAP = 2.0  # a label keeps this far from cards and other labels
BUCKET = 256.0  # the size of the squares boxes are filed under
TINY = 0.01  # closer than this is the same place
SEPARATION = 1.0  # legs of a channel closer than this take different tracks


class Side:
    """A card's sides (plain strings: they are hashed a lot, and an Enum's hash is slow)."""

    LEFT = "left"
    RIGHT = "right"
    TOP = "top"
    BOTTOM = "bottom"


SideKey = tuple[str, str]  # a card and one of its sides
ChannelKey = tuple[str, int]  # ("v", index) between slot columns, ("h", index) between rows


def width_for_share(share: float | None) -> float:
    """A link's line width: its share of customers from MIN_WIDTH to MAX_WIDTH."""
    if share is None:
        return DEFAULT_WIDTH
    return MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * min(1.0, max(0.0, share))


def arrow_size(width: float) -> float:
    """How long an arrow head is: it fits a 12-unit gutter even on the widest line."""
    return 8.0 + width / 2


def arrow_points(points: tuple[Point, ...], width: float) -> tuple[Point, Point, Point]:
    """The arrow head at the end of a route: its tip, then the two corners of its base."""
    (x0, y0), (x1, y1) = points[-2], points[-1]
    length = math.hypot(x1 - x0, y1 - y0) or 1.0
    ux, uy = (x1 - x0) / length, (y1 - y0) / length
    size = arrow_size(width)
    half = max(size * 0.42, width / 2 + 2)
    bx, by = x1 - ux * size, y1 - uy * size
    return ((x1, y1), (bx - uy * half, by + ux * half), (bx + uy * half, by - ux * half))


@dataclass(frozen=True)
class Channel:
    """A gutter: the free band between two slot columns (or rows), `lo` to `hi` across."""

    lo: float
    hi: float

    @property
    def centre(self) -> float:
        return (self.lo + self.hi) / 2

    @cached_property
    def spacing(self) -> float:
        return WIDE_SPACING if self.hi - self.lo >= WIDE else NARROW_SPACING

    @cached_property
    def capacity(self) -> int:
        """How many tracks fit side by side."""
        return 2 * max(0, int(((self.hi - self.lo) / 2 - EDGE) // self.spacing)) + 1

    def offset(self, track: int) -> float:
        """Where track 0, 1, 2, … runs: the centre, then alternately either side of it;
        tracks beyond the channel's room start over."""
        k = track % self.capacity
        return (k + 1) // 2 * self.spacing * (1 if k % 2 else -1)


class SlotGrid:
    """The slot columns and rows of a layout and the channels between them."""

    def __init__(
        self,
        columns: tuple[tuple[float, float], ...],
        rows: tuple[tuple[float, float], ...],
        area: Rect,
    ) -> None:
        self.columns, self.rows, self.area = columns, rows, area
        self.signature = (columns, rows, area)
        self.lefts = [lo for lo, _ in columns]
        self.rights = [hi for _, hi in columns]
        self.tops = [lo for lo, _ in rows]
        self.bottoms = [hi for _, hi in rows]
        self.vertical = _channels(columns, area.x, area.right)
        self.horizontal = _channels(rows, area.y, area.bottom)
        self.x_edges = [x for column in columns for x in column]
        self.y_edges = [y for row in rows for y in row]
        self.v_centres = [c.centre for c in self.vertical]
        self.h_centres = [c.centre for c in self.horizontal]
        self.v_capacity = [c.capacity for c in self.vertical]
        self.h_capacity = [c.capacity for c in self.horizontal]
        self.wide_rows = [k for k, c in enumerate(self.horizontal) if c.hi - c.lo >= WIDE]

    def slot(self, rect: Rect) -> tuple[int, int]:
        """The (column, row) of the slot a card sits in."""
        return (
            max(0, bisect_right(self.lefts, rect.x + 0.5) - 1),
            max(0, bisect_right(self.tops, rect.y + 0.5) - 1),
        )

    def band(self, axis: str, value: float) -> int:
        """Across a vertical channel ("v"): the row or gutter at height `value`, counted
        gutter 0, row 0, gutter 1, …; across a horizontal one the same along x."""
        return bisect_right(self.y_edges if axis == "v" else self.x_edges, value)

    def columns_over(self, lo: float, hi: float) -> range:
        """The slot columns that reach into the open span `lo`..`hi` along x."""
        return range(bisect_right(self.rights, lo), bisect_left(self.lefts, hi))

    def rows_over(self, lo: float, hi: float) -> range:
        return range(bisect_right(self.bottoms, lo), bisect_left(self.tops, hi))


def _channels(spans: tuple[tuple[float, float], ...], start: float, end: float) -> list[Channel]:
    edges = [start, *(x for span in spans for x in span), end]
    return [Channel(edges[i], edges[i + 1]) for i in range(0, len(edges), 2)]


def slot_grid(layout: MapLayout) -> SlotGrid | None:
    """The slots of a layout (None: it has no cells)."""
    if not layout.columns or not layout.rows:
        return None
    m = layout.metrics
    step_x, step_y = m.card_width + m.gap, m.card_height + m.gap
    columns = tuple(
        (x, x + m.card_width)
        for column, per_row in zip(layout.columns, layout.card_columns, strict=True)
        for x in (column.x + m.cell_padding + j * step_x for j in range(per_row))
    )
    rows = tuple(
        (y, y + m.card_height)
        for row in layout.rows
        for y in (
            row.y + m.cell_padding + k * step_y
            for k in range(max(1, round((row.height - 2 * m.cell_padding + m.gap) / step_y)))
        )
    )
    first, last = layout.columns[0], layout.columns[-1]
    top, bottom = layout.rows[0].y, layout.rows[-1].bottom
    return SlotGrid(columns, rows, Rect(first.x, top, last.right - first.x, bottom - top))


@dataclass(frozen=True)
class LinkSpec:
    """What routing needs to know of a link besides its ends."""

    label: tuple[float, float] | None = None  # the label box's width and height
    width: float = DEFAULT_WIDTH


@dataclass(frozen=True)
class Route:
    """A routed link: a polyline from the source card's side to the target card's side."""

    points: tuple[Point, ...]
    arrow: tuple[Point, Point, Point]
    width: float
    label_box: Rect | None = None  # where its label goes
    marker: Point | None = None  # it has a label that found no room: a marker shows it


@dataclass(frozen=True)
class Plan:
    """The way a link takes: from a side, along channels, to a side."""

    start: SideKey
    end: SideKey
    legs: tuple[ChannelKey, ...]  # alternating axes, starting across the start side
    through: tuple[tuple[int, int], ...] = ()  # the empty slots it crosses


class BoxIndex:
    """Boxes filed by the squares they touch, to find overlaps quickly."""

    def __init__(self) -> None:
        self.boxes: dict[LinkKey, Rect] = {}
        self._buckets: dict[tuple[int, int], set[LinkKey]] = {}

    @staticmethod
    def _squares(box: Rect) -> Iterator[tuple[int, int]]:
        for bx in range(int(box.x // BUCKET), int(box.right // BUCKET) + 1):
            for by in range(int(box.y // BUCKET), int(box.bottom // BUCKET) + 1):
                yield (bx, by)

    def add(self, key: LinkKey, box: Rect) -> None:
        self.boxes[key] = box
        for square in self._squares(box):
            self._buckets.setdefault(square, set()).add(key)

    def remove(self, key: LinkKey) -> None:
        box = self.boxes.pop(key, None)
        if box is not None:
            for square in self._squares(box):
                self._buckets[square].discard(key)

    def overlapping(self, box: Rect) -> set[LinkKey]:
        found: set[LinkKey] = set()
        for square in self._squares(box):
            for key in self._buckets.get(square, ()):
                if overlap(self.boxes[key], box):
                    found.add(key)
        return found

    def hits(self, box: Rect) -> bool:
        boxes = self.boxes
        for square in self._squares(box):
            for key in self._buckets.get(square, ()):
                if overlap(boxes[key], box):
                    return True
        return False


Leg = tuple[LinkKey, int]  # a link and the number of one of its legs


class Tracks:
    """The tracks taken along one channel: which leg runs from where to where on which.
    Each track keeps its legs in order along the channel (they never overlap there)."""

    def __init__(self) -> None:
        self.legs: dict[Leg, tuple[float, float, int]] = {}
        self._tracks: list[tuple[list[float], list[float], list[Leg]]] = []  # starts, ends

    def _free(self, track: int, lo: float, hi: float) -> bool:
        starts, ends, _legs = self._tracks[track]
        before = bisect_left(starts, hi + SEPARATION)  # the legs that start before hi
        return before == 0 or ends[before - 1] + SEPARATION <= lo

    def put(self, leg: Leg, lo: float, hi: float, track: int) -> None:
        while len(self._tracks) <= track:
            self._tracks.append(([], [], []))
        starts, ends, legs = self._tracks[track]
        at = bisect_left(starts, lo)
        starts.insert(at, lo)
        ends.insert(at, hi)
        legs.insert(at, leg)
        self.legs[leg] = (lo, hi, track)

    def take(self, leg: Leg, lo: float, hi: float) -> int:
        """The lowest track free from `lo` to `hi`, now taken."""
        track = 0
        while track < len(self._tracks) and not self._free(track, lo, hi):
            track += 1
        self.put(leg, lo, hi, track)
        return track

    def release(self, leg: Leg) -> None:
        span = self.legs.pop(leg, None)
        if span is not None:
            starts, ends, legs = self._tracks[span[2]]
            at = bisect_left(starts, span[0])
            while legs[at] != leg:
                at += 1
            del starts[at], ends[at], legs[at]

    def fill(self, legs: list[tuple[float, float, Leg]]) -> dict[Leg, int]:
        """Tracks for many legs at once (in an empty channel): each the lowest free."""
        taken: dict[Leg, int] = {}
        running: list[tuple[float, int]] = []  # (where it ends, track)
        free: list[int] = []
        for lo, hi, leg in sorted(legs):
            while running and running[0][0] + SEPARATION <= lo:
                heapq.heappush(free, heapq.heappop(running)[1])
            track = heapq.heappop(free) if free else len(running)
            heapq.heappush(running, (hi, track))
            taken[leg] = track
            self.put(leg, lo, hi, track)
        return taken


def overlap(a: Rect, b: Rect) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


def grown(box: Rect, by: float) -> Rect:
    return Rect(box.x - by, box.y - by, box.width + 2 * by, box.height + 2 * by)


def simplify(points: list[Point]) -> tuple[Point, ...]:
    """Without repeated points and without points in the middle of a straight run."""
    kept: list[Point] = []
    for point in points:
        x, y = point
        if kept:
            bx, by = kept[-1]
            if abs(bx - x) < TINY and abs(by - y) < TINY:
                continue
            if len(kept) >= 2:
                ax, ay = kept[-2]
                if (abs(ax - bx) < TINY and abs(bx - x) < TINY) or (
                    abs(ay - by) < TINY and abs(by - y) < TINY
                ):
                    kept[-1] = point
                    continue
        kept.append(point)
    return tuple(kept)


def length_and_bends(points: list[Point]) -> tuple[float, int]:
    """How long an axis-parallel polyline is and how often it turns."""
    length, bends, axis = 0.0, 0, None
    for (x0, y0), (x1, y1) in pairwise(points):
        dx, dy = abs(x1 - x0), abs(y1 - y0)
        if dx + dy < TINY:
            continue
        length += dx + dy
        now = dx >= dy
        if axis is not None and now != axis:
            bends += 1
        axis = now
    return length, bends


def run_length(run: tuple[Point, Point]) -> float:
    return abs(run[1][0] - run[0][0]) + abs(run[1][1] - run[0][1])


def label_spots(points: tuple[Point, ...], width: float, height: float) -> Iterator[Rect]:
    """Where a label may go, best first: on the route's longest horizontal runs, on its
    longest vertical run, then beside them."""
    runs = sorted(pairwise(points), key=run_length, reverse=True)
    flat = [run for run in runs if run[0][1] == run[1][1]][:2]
    upright = [run for run in runs if run[0][1] != run[1][1]][:1]
    for (x0, y), (x1, _) in flat:
        for f in (0.5, 0.25, 0.75):
            yield Rect(x0 + (x1 - x0) * f - width / 2, y - height / 2, width, height)
    for (x, y0), (_, y1) in upright:
        yield Rect(x - width / 2, (y0 + y1) / 2 - height / 2, width, height)
    for (x0, y), (x1, _) in flat[:1]:
        left = (x0 + x1) / 2 - width / 2
        yield Rect(left, y - height - LABEL_GAP, width, height)
        yield Rect(left, y + LABEL_GAP, width, height)
    for (x, y0), (_, y1) in upright:
        top = (y0 + y1) / 2 - height / 2
        yield Rect(x + LABEL_GAP + 1, top, width, height)
        yield Rect(x - LABEL_GAP - 1 - width, top, width, height)


def marker_point(points: tuple[Point, ...]) -> Point:
    """The middle of the route's longest run (in a gutter, so it is never hidden)."""
    (x0, y0), (x1, y1) = max(pairwise(points), key=run_length)
    return ((x0 + x1) / 2, (y0 + y1) / 2)


def direct_route(start: Rect, end: Rect, spec: LinkSpec) -> Route:
    """A route that ignores other cards, for a link following a dragged card: out of
    the side facing the other card, an elbow half-way, into the facing side."""
    (sx, sy), (ex, ey) = start.center, end.center
    if start == end:
        right, top = start.right, start.y
        points: tuple[Point, ...] = (
            (right - 24, top),
            (right - 24, top - 14),
            (right + 14, top - 14),
            (right + 14, top + 14),
            (right, top + 14),
        )
    elif abs(ex - sx) >= (start.width + end.width) / 2:
        a = (start.right, sy) if ex > sx else (start.x, sy)
        b = (end.x, ey) if ex > sx else (end.right, ey)
        middle = (a[0] + b[0]) / 2
        points = simplify([a, (middle, a[1]), (middle, b[1]), b])
    else:
        a = (sx, start.bottom) if ey > sy else (sx, start.y)
        b = (ex, end.y) if ey > sy else (ex, end.bottom)
        middle = (a[1] + b[1]) / 2
        points = simplify([a, (a[0], middle), (b[0], middle), b])
    if len(points) < 2:
        points = (points[0], points[0])
    box = None
    if spec.label is not None:
        (x, y), (w, h) = marker_point(points), spec.label
        box = Rect(x - w / 2, y - h / 2, w, h)
    return Route(points, arrow_points(points, spec.width), spec.width, label_box=box)
