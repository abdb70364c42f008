"""The deck's slide of the whole map.

Up to `MAX_NATIVE_TOUCHPOINTS` cards, every part is a native shape a presenter can edit
and move: the cells, each phase header and lane label, each card (pptx_cards), and each
link as a connector glued to its two cards, drawn behind them, with an arrow head at its
end and its label, if any, at its middle. The positions are the canvas's (`layout_map`,
with the tighter `SLIDE_METRICS`) scaled onto the slide. A larger map is a picture (the
PNG export's), its cards too many to read or move one by one on a slide; the phase slides
show them. The legend of the colour mode goes below the map.
"""

from __future__ import annotations

import dataclasses
import math
import struct

from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR
from pptx.shapes.autoshape import Shape
from pptx.shapes.shapetree import SlideShapes

from tpmapper.model.journey import JourneyMap
from tpmapper.render import style
from tpmapper.render.image_export import png_bytes
from tpmapper.render.layout import MapLayout, Metrics, Rect, layout_map
from tpmapper.render.pptx_cards import CardStyle, add_card, common_style
from tpmapper.render.pptx_deck import BODY_TOP, MARGIN, Deck
from tpmapper.render.pptx_shapes import (
    BOTTOM,
    EMU_PER_INCH,
    EMU_PER_PT,
    LEFT,
    RIGHT,
    SLIDE_HEIGHT,
    SLIDE_WIDTH,
    TOP,
    Box,
    Para,
    add_box,
    add_picture,
    add_text,
    connect,
    elide,
    move_behind,
    one_line,
    pt,
    text_height,
    text_on,
    text_width,
    write,
)

MAX_NATIVE_TOUCHPOINTS = 150  # above: a picture of the map
SLIDE_METRICS = Metrics(cell_padding=10, gap=10, lane_header_width=140, phase_header_height=36)
EMU_PER_UNIT = 9_525  # one layout unit is a 96-dpi pixel
MAX_ZOOM = 1.25  # a small map is enlarged, but not beyond this
MAX_STRETCH = 1.8  # the rows are stretched down at most this much more than across
MAX_CARD_GROWTH = 1.25  # … and their cards grow this much taller at most
PICTURE_PIXELS = 4_000  # the longer side of the map's picture, at most
LEGEND_ROW = round(0.27 * EMU_PER_INCH)
LEGEND_GAP = round(0.12 * EMU_PER_INCH)
LEGEND_SIZE = 9.0
SWATCH = round(0.13 * EMU_PER_INCH)
BOTTOM_MARGIN = round(0.25 * EMU_PER_INCH)
MAX_LEGEND_ROWS = 2
LABEL_SPOTS = (0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78)  # along a link, where its label may go


def add_map_slide(deck: Deck) -> None:
    slide = deck.add_slide(deck.journey.title)
    shapes = slide.shapes
    legend = _legend_rows(deck) if deck.options.legend else []
    legend_height = len(legend) * LEGEND_ROW + (LEGEND_GAP if legend else 0)
    area = Box(
        MARGIN,
        BODY_TOP,
        SLIDE_WIDTH - 2 * MARGIN,
        SLIDE_HEIGHT - BODY_TOP - BOTTOM_MARGIN - legend_height,
    )
    if len(deck.journey) > MAX_NATIVE_TOUCHPOINTS:
        bottom = _add_picture(deck, shapes, area)
    else:
        bottom = _add_native(deck, shapes, area)
    _add_legend(shapes, legend, bottom + LEGEND_GAP)


# ---------------------------------------------------------------------- the native map


@dataclasses.dataclass(frozen=True)
class _Placement:
    """Layout units to slide EMU: across x' = left + x * zoom; down, the phase headers at
    the same zoom and the lanes' rows stretched by `stretch` (a wide map leaves room
    below, which goes between the rows, where links run), the cards keeping their shape."""

    left: float
    top: float
    zoom: float  # EMU per layout unit
    stretch: float  # down the rows, EMU per layout unit
    header: float  # the phase headers' height, layout units

    def x(self, value: float) -> int:
        return round(self.left + value * self.zoom)

    def y(self, value: float) -> int:
        above = min(value, self.header)
        return round(self.top + above * self.zoom + (value - above) * self.stretch)

    def box(self, rect: Rect) -> Box:
        x, y = self.x(rect.x), self.y(rect.y)
        return Box(x, y, max(1, self.x(rect.right) - x), max(1, self.y(rect.bottom) - y))

    def card(self, rect: Rect) -> Box:
        """A card's box: where the layout puts its centre, as wide as the zoom makes it,
        and taller where the rows are stretched (up to `MAX_CARD_GROWTH`)."""
        cx, cy = rect.center
        growth = min(MAX_CARD_GROWTH, self.stretch / self.zoom)
        width, height = rect.width * self.zoom, rect.height * self.zoom * growth
        x, y = self.x(cx) - width / 2, self.y(cy) - height / 2
        return Box(round(x), round(y), max(1, round(width)), max(1, round(height)))

    @property
    def scale(self) -> float:
        """How large the map is against 100 % on screen."""
        return self.zoom / EMU_PER_UNIT


def _placement(layout: MapLayout, area: Box) -> _Placement:
    grid = layout.grid_bounds
    header = layout.metrics.phase_header_height
    zoom = min(area.w / grid.width, area.h / grid.height, MAX_ZOOM * EMU_PER_UNIT)
    stretch = zoom
    if grid.height > header:
        stretch = min((area.h - header * zoom) / (grid.height - header), zoom * MAX_STRETCH)
    left = area.x + (area.w - grid.width * zoom) / 2
    return _Placement(left, area.y, zoom, max(zoom, stretch), header)


def _add_native(deck: Deck, shapes: SlideShapes, area: Box) -> int:
    journey = deck.journey
    layout = layout_map(journey, SLIDE_METRICS)
    place = _placement(layout, area)
    _add_grid(shapes, layout, place)
    _add_headers(shapes, journey, layout, place)
    deck.steps.advance()
    scale = place.scale
    card = CardStyle(
        name_size=min(14.0, max(6.0, 11.0 * scale)),
        min_size=min(5.5, max(4.5, 7.5 * scale)),
        line_width=min(1.5, max(0.75, 1.25 * scale)),
    )
    touchpoints = journey.touchpoints()
    if touchpoints:
        card = common_style(deck, touchpoints, place.card(layout.cards[touchpoints[0].id]), card)
    cards: dict[str, Shape] = {}
    for number, touchpoint in enumerate(touchpoints, 1):
        box = place.card(layout.cards[touchpoint.id])
        cards[touchpoint.id] = add_card(deck, shapes, box, touchpoint, card)
        if number % CHUNK == 0:
            deck.steps.advance()
    links = _add_links(deck, shapes, layout, place, cards)
    if links and cards:
        first_card = cards[journey.touchpoints()[0].id]
        move_behind(shapes, links, first_card)
    deck.steps.advance()
    return place.box(layout.grid_bounds).bottom


CHUNK = 50  # cards between two progress reports


def map_steps(journey: JourneyMap) -> int:
    """How many progress steps the map slide reports."""
    if len(journey) > MAX_NATIVE_TOUCHPOINTS:
        return 1
    return 2 + len(journey) // CHUNK


def _add_grid(shapes: SlideShapes, layout: MapLayout, place: _Placement) -> None:
    line = min(0.75, max(0.4, 0.75 * place.scale))
    for lane_index in range(len(layout.lane_ids)):
        fill = style.CELL_ALTERNATE_FILL if lane_index % 2 else style.CELL_FILL
        for phase_index in range(len(layout.phase_ids)):
            rect = layout.cell_rect(phase_index, lane_index)
            add_box(shapes, place.box(rect), fill=fill, line=style.GRID_LINE, line_width=line)


def _add_headers(
    shapes: SlideShapes, journey: JourneyMap, layout: MapLayout, place: _Placement
) -> None:
    size = min(16.0, max(7.0, 11.0 * place.scale))
    for index, phase in enumerate(journey.phases):
        box = place.box(layout.phase_header(index))
        count = len(journey.in_phase(phase.id))
        inset = min(8.0, pt(box.w) * 0.06)
        text = elide(f"{one_line(phase.name)}  ·  {count}", size, True, pt(box.w) - 2 * inset)
        shape = add_box(shapes, box, fill=phase.colour, name=one_line(phase.name))
        _write_one(shape, text, size, text_on(phase.colour), inset)
    lane_size = min(14.0, max(6.5, 10.5 * place.scale))
    for index, lane in enumerate(journey.lanes):
        box = place.box(layout.lane_header(index))
        count = len(journey.in_lane(lane.id))
        inset = min(8.0, pt(box.w) * 0.06)
        width = pt(box.w) - 2 * inset
        lines = max(1, int((pt(box.h) - 2 * inset) / (lane_size * 1.22)) - 1)
        name = elide(one_line(lane.name), lane_size, True, width, min(3, lines))
        small = lane_size * 0.85
        paragraphs = [
            Para.of(name, lane_size, bold=True),
            Para.of(str(count), small, colour=style.MUTED_TEXT),
        ]
        add_text(
            shapes,
            box,
            paragraphs if lines > 1 else paragraphs[:1],
            fill=style.LANE_HEADER_FILL,
            line=style.GRID_LINE,
            insets=(inset, inset * 0.6, inset, inset * 0.6),
            anchor=MSO_ANCHOR.MIDDLE,
            name=one_line(lane.name),
        )


def _write_one(shape: Shape, text: str, size: float, colour: str, inset: float) -> None:
    write(
        shape,
        [Para.of(text, size, bold=True, colour=colour)],
        anchor=MSO_ANCHOR.MIDDLE,
        insets=(inset, 0, inset, 0),
        wrap_text=False,
    )


def sites(source: Rect, target: Rect) -> tuple[int, int]:
    """Which connection sites a link leaves and enters by, as the canvas draws it: sideways
    when the cards are further apart across than down, else down or up; a link from a card
    to itself leaves at the top and comes back at the right."""
    if source == target:
        return TOP, RIGHT
    (sx, sy), (tx, ty) = source.center, target.center
    dx, dy = tx - sx, ty - sy
    if abs(dx) >= abs(dy):
        return (RIGHT, LEFT) if dx > 0 else (LEFT, RIGHT)
    return (BOTTOM, TOP) if dy > 0 else (TOP, BOTTOM)


def _site_point(box: Box, site: int) -> tuple[float, float]:
    return {
        TOP: (box.x + box.w / 2, box.y),
        LEFT: (box.x, box.y + box.h / 2),
        BOTTOM: (box.x + box.w / 2, box.bottom),
        RIGHT: (box.right, box.y + box.h / 2),
    }[site]


def _add_links(
    deck: Deck,
    shapes: SlideShapes,
    layout: MapLayout,
    place: _Placement,
    cards: dict[str, Shape],
) -> list:
    """Connectors and label boxes, returned as XML elements to move behind the cards."""
    width = min(2.0, max(0.9, 1.5 * place.scale))
    label_size = min(9.0, max(5.5, 7.5 * place.scale))
    elements, labels = [], []
    taken = [place.card(layout.cards[touchpoint.id]) for touchpoint in deck.journey.touchpoints()]
    for link in deck.journey.links():
        begin, end = sites(layout.cards[link.source], layout.cards[link.target])
        connector = connect(
            shapes,
            cards[link.source],
            begin,
            cards[link.target],
            end,
            colour=style.LINK_COLOUR,
            width=width,
            straight=link.source != link.target,  # a loop curves out and back
        )
        elements.append(connector._element)
        if link.label.strip():
            a = _site_point(place.card(layout.cards[link.source]), begin)
            b = _site_point(place.card(layout.cards[link.target]), end)
            label, clear = _link_label(
                shapes, label=link.label, size=label_size, a=a, b=b, place=place, taken=taken
            )
            if clear:  # else it stays in front of the cards, where it can be read
                labels.append(label)
    return elements + labels


def _link_label(
    shapes: SlideShapes,
    *,
    label: str,
    size: float,
    a: tuple[float, float],
    b: tuple[float, float],
    place: _Placement,
    taken: list[Box],
):
    """The label on its link: at the middle, or as near it as leaves the cards and the
    other labels uncovered (False with it when there is no such place). `taken` gets its
    box."""
    room = 160 * place.zoom / EMU_PER_PT  # as wide as the canvas lets a label be
    text = elide(one_line(label), size, False, max(room, 40.0))
    width = (text_width(text, size) + 8) * EMU_PER_PT
    height = (text_height(1, size) + 4) * EMU_PER_PT
    spots = [(a[0] + (b[0] - a[0]) * share, a[1] + (b[1] - a[1]) * share) for share in LABEL_SPOTS]
    middle = spots[0]
    spots += [
        (middle[0] + across * width * 0.6, middle[1] + down * height)
        for down in (-1, 1, -2, 2, -3, 3)
        for across in (0, -1, 1)
    ]
    boxes = [
        Box(round(x - width / 2), round(y - height / 2), round(width), round(height))
        for x, y in spots
    ]
    box = next((box for box in boxes if not any(_overlap(box, o) for o in taken)), None)
    clear = box is not None
    box = box or boxes[0]
    taken.append(box)
    shape = add_text(
        shapes,
        box,
        [Para.of(text, size)],
        fill="#ffffff",
        line=style.LINK_COLOUR,
        insets=(4, 2, 4, 2),
        anchor=MSO_ANCHOR.MIDDLE,
    )
    shape.line.width = EMU_PER_PT // 2
    return shape._element, clear


def _overlap(one: Box, other: Box) -> bool:
    return (
        one.x < other.right
        and other.x < one.right
        and one.y < other.bottom
        and other.y < one.bottom
    )


# ---------------------------------------------------------------------- the picture


def _png_size(data: bytes) -> tuple[int, int]:
    width, height = struct.unpack(">II", data[16:24])  # the IHDR chunk comes first
    return width, height


def _add_picture(deck: Deck, shapes: SlideShapes, area: Box) -> int:
    """The map as the PNG export paints it, without title, legend and curve (the deck
    shows those itself), sharp enough to zoom into on a large screen."""
    layout = layout_map(deck.journey)
    grid = layout.grid_bounds
    scale = min(2.0, PICTURE_PIXELS / max(grid.width, grid.height))
    options = dataclasses.replace(
        deck.options, scale=scale, title=False, legend=False, curve=False, transparent=False
    )
    steps, progress = deck.steps, deck.progress

    def forward(_done: int, _total: int) -> bool | None:
        """The picture's progress is the map slide's step: ask the caller to go on."""
        return None if progress is None else progress(steps.done, steps.total)

    data = png_bytes(deck.whole, options, forward)
    picture = add_picture(shapes, data, area, _png_size(data), name=one_line(deck.journey.title))
    deck.steps.advance()
    return picture.top + picture.height


# ---------------------------------------------------------------------- the legend


def _legend_rows(deck: Deck) -> list[list[tuple[str, str | None, float]]]:
    """The legend's entries (text, colour or None for the heading, width in EMU) in rows
    that fit the slide; what does not fit in `MAX_LEGEND_ROWS` is left out."""
    labels = deck.options.labels
    mode = deck.colouring.mode.value
    heading = labels.legend_title if mode == "rating" else dict(labels.colour_titles)[mode]
    entries: list[tuple[str, str | None]] = [(one_line(heading), None)]
    entries += [(one_line(text), colour) for text, colour in deck.colouring.legend]
    rows: list[list[tuple[str, str | None, float]]] = [[]]
    x, room = 0.0, SLIDE_WIDTH - 2 * MARGIN
    for text, colour in entries:
        words = text_width(text, LEGEND_SIZE, colour is None) * EMU_PER_PT
        width = words + (SWATCH * 1.6 if colour else 0)
        width = min(width, room)
        if rows[-1] and x + width > room:
            if len(rows) == MAX_LEGEND_ROWS:
                break
            rows.append([])
            x = 0.0
        rows[-1].append((text, colour, width))
        x += width + SWATCH * 1.5
    return rows if rows[0] else []


def _add_legend(
    shapes: SlideShapes, rows: list[list[tuple[str, str | None, float]]], top: int
) -> None:
    for number, row in enumerate(rows):
        x = float(MARGIN)
        y = top + number * LEGEND_ROW
        for text, colour, width in row:
            words_left = x
            if colour is not None:
                square = Box(round(x), round(y + (LEGEND_ROW - SWATCH) / 2), SWATCH, SWATCH)
                add_box(
                    shapes, square, fill=colour, kind=MSO_SHAPE.ROUNDED_RECTANGLE, corner=SWATCH / 4
                )
                words_left = x + SWATCH * 1.6
            box = Box(round(words_left), y, math.ceil(x + width - words_left) + 2, LEGEND_ROW)
            shown = elide(text, LEGEND_SIZE, colour is None, pt(box.w))
            add_text(
                shapes,
                box,
                [
                    Para.of(
                        shown,
                        LEGEND_SIZE,
                        bold=colour is None,
                        colour=style.TEXT_COLOUR if colour else style.MUTED_TEXT,
                    )
                ],
                anchor=MSO_ANCHOR.MIDDLE,
            )
            x += width + SWATCH * 1.5
