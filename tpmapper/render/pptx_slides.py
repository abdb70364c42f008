"""The deck's title slide and its slides of one phase each.

A phase slide shows the phase's cards larger than the map can, grouped by lane: a row
per lane that has cards in the phase, its label on the left (or a column per lane, its
label on top, when the cards come out larger so), its cards in a grid as large as the
slide allows (with their rating and moment), and the links between them. A phase with
more cards than `PHASE_CARDS_PER_SLIDE` continues on further slides.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.shapes.autoshape import Shape

from tpmapper.model.elements import Lane, Phase, Touchpoint
from tpmapper.render import style
from tpmapper.render.layout import Rect
from tpmapper.render.pptx_cards import CardStyle, add_card, common_style
from tpmapper.render.pptx_deck import BODY_TOP, MARGIN, Deck
from tpmapper.render.pptx_map import sites
from tpmapper.render.pptx_shapes import (
    EMU_PER_INCH,
    SLIDE_HEIGHT,
    SLIDE_WIDTH,
    Box,
    Para,
    add_box,
    add_text,
    connect,
    elide,
    move_behind,
    one_line,
    pt,
    text_height,
    wrap,
    write,
)

INCH = EMU_PER_INCH
PHASE_CARDS_PER_SLIDE = 32
LABEL_WIDTH = round(1.75 * INCH)  # the lane labels' column
LABEL_GAP = round(0.12 * INCH)
LANE_GAP = round(0.1 * INCH)
PADDING = round(0.1 * INCH)  # inside a lane's row, around its cards
CARD_GAP = round(0.14 * INCH)
MAX_CARD = (round(3.3 * INCH), round(1.65 * INCH))
CARD_SHAPE = (0.36, 0.6)  # a card's height against its width: at least, at most
MAX_COLUMNS = 8

# ---------------------------------------------------------------------- the title slide


def add_title_slide(deck: Deck) -> None:
    journey, labels = deck.journey, deck.labels
    left = round(0.9 * INCH)
    width = SLIDE_WIDTH - 2 * left
    title_box = Box(left, round(1.2 * INCH), width, round(1.7 * INCH))
    slide = deck.add_slide(journey.title, size=40.0, box=title_box, lines=2)
    shapes = slide.shapes
    _phase_strip(deck, shapes)
    top = title_box.bottom + round(0.15 * INCH)
    description = one_line(journey.description)
    if description:
        shown = elide(description, 16.0, False, pt(width), 2)
        box = Box(left, top, width, round(0.75 * INCH))
        add_text(shapes, box, [Para.of(shown, 16.0, colour=style.MUTED_TEXT)])
        top = box.bottom
    add_text(
        shapes,
        Box(left, top + round(0.1 * INCH), width, round(0.4 * INCH)),
        [Para.of(deck.options.printed_date, 14.0, colour=style.MUTED_TEXT)],
    )
    counts = (
        (len(journey), labels.touchpoints),
        (len(journey.phases), labels.phases),
        (len(journey.lanes), labels.lanes),
    )
    tile_width, tile_gap = round(2.5 * INCH), round(0.3 * INCH)
    for index, (count, word) in enumerate(counts):
        box = Box(
            left + index * (tile_width + tile_gap),
            round(4.85 * INCH),
            tile_width,
            round(1.4 * INCH),
        )
        tile = add_box(
            shapes,
            box,
            fill=style.LANE_HEADER_FILL,
            kind=MSO_SHAPE.ROUNDED_RECTANGLE,
            corner=0.12 * INCH,
            name=one_line(word),
        )
        write(
            tile,
            [
                Para.of(str(count), 36.0, bold=True, align=PP_ALIGN.CENTER),
                Para.of(
                    elide(one_line(word), 14.0, False, pt(box.w) - 16),
                    14.0,
                    colour=style.MUTED_TEXT,
                    align=PP_ALIGN.CENTER,
                ),
            ],
            anchor=MSO_ANCHOR.MIDDLE,
            insets=(8, 4, 8, 4),
        )
    deck.steps.advance()


def _phase_strip(deck: Deck, shapes) -> None:
    """A band of the phases' colours along the slide's top, in their order."""
    phases = list(deck.journey.phases)
    colours = [phase.colour for phase in phases] or [style.SELECTION_COLOUR]
    height = round(0.16 * INCH)
    for index, colour in enumerate(colours):
        x = SLIDE_WIDTH * index // len(colours)
        right = SLIDE_WIDTH * (index + 1) // len(colours)
        add_box(shapes, Box(x, 0, right - x, height), fill=colour)


# ---------------------------------------------------------------------- the phase slides

Page = list[tuple[Lane, list[Touchpoint]]]


def phase_pages(deck: Deck, phase: Phase) -> list[Page]:
    """The phase's cards lane by lane, cut into slides of at most `PHASE_CARDS_PER_SLIDE`;
    a lane that fits on one slide is not cut. An empty phase gets one empty page."""
    journey = deck.journey
    pages: list[Page] = []
    page: Page = []
    count = 0
    for lane in journey.lanes:
        cards = [journey.touchpoint(tid) for tid in journey.cell(phase.id, lane.id)]
        while cards:
            room = PHASE_CARDS_PER_SLIDE - count
            if page and (room == 0 or (len(cards) > room and len(cards) <= PHASE_CARDS_PER_SLIDE)):
                pages.append(page)
                page, count = [], 0
                continue
            page.append((lane, cards[:room]))
            count += len(cards[:room])
            cards = cards[room:]
    if page or not pages:
        pages.append(page)
    return pages


def phase_steps(deck: Deck) -> int:
    return sum(len(phase_pages(deck, phase)) for phase in deck.journey.phases)


def add_phase_slides(deck: Deck, phase: Phase) -> None:
    pages = phase_pages(deck, phase)
    count = len(deck.journey.in_phase(phase.id))
    name = one_line(phase.name)
    for number, page in enumerate(pages, 1):
        title = name
        if len(pages) > 1:
            title = deck.labels.say("continued", name=name, page=number, pages=len(pages))
        slide = deck.add_slide(title, right=deck.labels.say("phase_count", count=count))
        bar = Box(
            MARGIN, BODY_TOP - round(0.1 * INCH), SLIDE_WIDTH - 2 * MARGIN, round(0.06 * INCH)
        )
        add_box(slide.shapes, bar, fill=phase.colour)
        area = Box(
            MARGIN,
            BODY_TOP + round(0.1 * INCH),
            SLIDE_WIDTH - 2 * MARGIN,
            SLIDE_HEIGHT - BODY_TOP - round(0.45 * INCH),
        )
        if page:
            _add_page(deck, slide.shapes, area, page, phase)
        else:
            add_text(
                slide.shapes,
                area,
                [
                    Para.of(
                        one_line(deck.labels.empty_phase),
                        18.0,
                        colour=style.MUTED_TEXT,
                        align=PP_ALIGN.CENTER,
                    )
                ],
                anchor=MSO_ANCHOR.MIDDLE,
            )
        deck.steps.advance()


@dataclass(frozen=True)
class _Lane:
    lane: Lane
    label: Box
    cell: Box
    cards: list[tuple[Touchpoint, Box]]


@dataclass(frozen=True)
class _Plan:
    card: tuple[int, int]  # width, height
    lanes: list[_Lane]

    @property
    def size(self) -> int:
        return self.card[0] * self.card[1]


def _card_size(width: float, height: float) -> tuple[int, int]:
    """The largest card of a pleasant shape within `width` x `height`."""
    low, high = CARD_SHAPE
    width = min(width, MAX_CARD[0], height / low)
    height = min(height, MAX_CARD[1], width * high)
    return max(1, int(width)), max(1, int(height))


def _place_cards(
    cards: list[Touchpoint], cell: Box, columns: int, size: tuple[int, int]
) -> list[tuple[Touchpoint, Box]]:
    placed = []
    for slot, touchpoint in enumerate(cards):
        row, column = divmod(slot, columns)
        x = cell.x + PADDING + column * (size[0] + CARD_GAP)
        y = cell.y + PADDING + row * (size[1] + CARD_GAP)
        placed.append((touchpoint, Box(x, y, size[0], size[1])))
    return placed


def _extent(count: int, size: int) -> int:
    """Room `count` cards of `size` take in a row or column, with the cell's padding."""
    return 2 * PADDING + count * size + (count - 1) * CARD_GAP


def _rows_plan(page: Page, area: Box, columns: int) -> _Plan:
    """A row per lane, its label on the left, its cards in `columns` columns."""
    counts = [len(cards) for _lane, cards in page]
    rows = sum(math.ceil(count / columns) for count in counts)
    across = area.w - LABEL_WIDTH - LABEL_GAP - 2 * PADDING - (columns - 1) * CARD_GAP
    down = area.h - (len(page) - 1) * LANE_GAP - len(page) * 2 * PADDING
    size = _card_size(across / columns, (down - (rows - len(page)) * CARD_GAP) / rows)
    lanes, y = [], area.y
    for lane, cards in page:
        height = _extent(math.ceil(len(cards) / columns), size[1])
        label = Box(area.x, y, LABEL_WIDTH, height)
        used = min(columns, len(cards)) if len(page) == 1 else columns
        cell = Box(label.right + LABEL_GAP, y, _extent(used, size[0]), height)
        lanes.append(_Lane(lane, label, cell, _place_cards(cards, cell, columns, size)))
        y += height + LANE_GAP
    return _Plan(size, lanes)


def _columns_plan(page: Page, area: Box, columns: int) -> _Plan:
    """A column per lane, its label on top, its cards in `columns` columns below it."""
    rows = max(math.ceil(len(cards) / columns) for _lane, cards in page)
    lane_width = (area.w - (len(page) - 1) * LANE_GAP) / len(page)
    across = lane_width - 2 * PADDING - (columns - 1) * CARD_GAP
    label_height = round(0.62 * INCH)
    down = area.h - label_height - LABEL_GAP - 2 * PADDING - (rows - 1) * CARD_GAP
    size = _card_size(across / columns, down / rows)
    width = _extent(columns, size[0])
    lanes = []
    for index, (lane, cards) in enumerate(page):
        x = area.x + index * (width + LANE_GAP)
        label = Box(x, area.y, width, label_height)
        cell = Box(x, label.bottom + LABEL_GAP, width, _extent(rows, size[1]))
        lanes.append(_Lane(lane, label, cell, _place_cards(cards, cell, columns, size)))
    return _Plan(size, lanes)


def _plan(page: Page, area: Box) -> _Plan:
    """The arrangement that makes the cards largest: lanes as rows or as columns, with as
    many card columns each as suits."""
    most = min(MAX_COLUMNS, max(len(cards) for _lane, cards in page))
    plans = [_rows_plan(page, area, columns) for columns in range(1, most + 1)]
    if len(page) * 1.6 * INCH <= area.w:  # lanes as columns only while labels stay readable
        plans += [_columns_plan(page, area, columns) for columns in range(1, min(3, most) + 1)]
    return max(plans, key=lambda plan: plan.size)


def _add_page(deck: Deck, shapes, area: Box, page: Page, phase: Phase) -> None:
    plan = _plan(page, area)
    height = pt(plan.card[1])
    card_style = CardStyle(
        name_size=min(20.0, max(8.0, height * 0.2)),
        min_size=6.0,
        name_lines=3 if height > 60 else 2,
        detailed=True,
        line_width=1.5,
    )
    everyone = [touchpoint for lane in plan.lanes for touchpoint, _box in lane.cards]
    card_style = common_style(deck, everyone, plan.lanes[0].cards[0][1], card_style)
    label_size = min(16.0, max(11.0, card_style.name_size * 0.8))
    for index, lane in enumerate(plan.lanes):  # labels and cells first: links go over them
        _lane_label(deck, shapes, lane.label, lane.lane, phase=phase, size=label_size)
        fill = style.CELL_ALTERNATE_FILL if index % 2 else style.CELL_FILL
        add_box(shapes, lane.cell, fill=fill, line=style.GRID_LINE)
    cards: dict[str, Shape] = {}
    boxes: dict[str, Box] = {}
    for lane in plan.lanes:
        for touchpoint, box in lane.cards:
            boxes[touchpoint.id] = box
            cards[touchpoint.id] = add_card(deck, shapes, box, touchpoint, card_style)
    _add_links(deck, shapes, cards, boxes)


def _lane_label(deck: Deck, shapes, box: Box, lane: Lane, *, phase: Phase, size: float) -> None:
    inset, down = 8.0, 4.0
    width, room = pt(box.w) - 2 * inset, pt(box.h) - 2 * down
    name = one_line(lane.name)
    fitting = max(1, int(room / text_height(1, size)))
    lines = min(3, fitting, len(wrap(name, size, True, width)))
    paragraphs = [Para.of(elide(name, size, True, width, lines), size, bold=True)]
    count = len(deck.journey.cell(phase.id, lane.id))
    small = size * 0.85
    if text_height(lines, size) + text_height(1, small) <= room:
        paragraphs.append(Para.of(str(count), small, colour=style.MUTED_TEXT))
    add_text(
        shapes,
        box,
        paragraphs,
        fill=style.LANE_HEADER_FILL,
        line=style.GRID_LINE,
        insets=(inset, down, inset, down),
        anchor=MSO_ANCHOR.MIDDLE,
        name=name,
    )


def _add_links(deck: Deck, shapes, cards: dict[str, Shape], boxes: dict[str, Box]) -> None:
    """The links between cards of this slide, glued to them and drawn behind them."""
    elements = []
    for link in deck.journey.links():
        if link.source not in cards or link.target not in cards:
            continue
        source, target = boxes[link.source], boxes[link.target]
        begin, end = sites(
            Rect(source.x, source.y, source.w, source.h),
            Rect(target.x, target.y, target.w, target.h),
        )
        connector = connect(
            shapes,
            cards[link.source],
            begin,
            cards[link.target],
            end,
            colour=style.LINK_COLOUR,
            width=1.75,
            straight=link.source != link.target,  # a loop curves out and back
        )
        elements.append(connector._element)
    if elements:
        move_behind(shapes, elements, next(iter(cards.values())))
