"""The deck's slides of what the map tells: the experience curve and the findings.

The curve is a picture painted by the canvas's own `paint_curve`, on a layout whose cards
are narrowed so the phases fill the slide's width and the band its height, with the
phases' names as native headers above it, aligned with their columns. The findings are
`tpmapper.analysis.analyze`'s weak spots, blind spots, priorities and bottlenecks, each
a list of touchpoints by name with what makes them one; lists that are empty are left
out, and a slide with none is not made.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter

from tpmapper.analysis import analyze
from tpmapper.analysis import curve as analysis_curve
from tpmapper.model.elements import Touchpoint
from tpmapper.model.journey import JourneyMap
from tpmapper.model.vocabulary import Moment
from tpmapper.render import style
from tpmapper.render.colour_modes import GAP_BANDS
from tpmapper.render.compose import open_buffer
from tpmapper.render.curve import paint_curve, wants_curve
from tpmapper.render.layout import Metrics, layout_map
from tpmapper.render.pptx_deck import BODY_TOP, MARGIN, Deck
from tpmapper.render.pptx_shapes import (
    EMU_PER_INCH,
    SLIDE_HEIGHT,
    SLIDE_WIDTH,
    Box,
    Para,
    Run,
    add_box,
    add_picture,
    add_text,
    elide,
    one_line,
    pt,
    text_height,
    text_on,
    text_width,
    write,
)

INCH = EMU_PER_INCH
CURVE_WIDTH = 1_000.0  # layout units across the curve's picture: its words print at ~12 pt
CURVE_SCALE = 2.0  # pixels per layout unit
HEADER_HEIGHT = round(0.42 * INCH)
MIN_CARD_WIDTH = 24.0
HEADING_SIZE = 18.0
ITEM_SIZE = 14.0
SECTION_GAP = round(0.35 * INCH)


def has_curve(deck: Deck) -> bool:
    return wants_curve(deck.options.curve, deck.journey) and len(deck.journey.phases) > 0


# ---------------------------------------------------------------------- the curve


def _curve_metrics(journey: JourneyMap, aspect: float) -> Metrics:
    """Metrics whose grid is about `CURVE_WIDTH` wide, and whose curve band has the
    `aspect` (height / width) of the room on the slide."""
    default = Metrics()
    columns = layout_map(journey).card_columns
    fixed = default.lane_header_width + sum(
        2 * default.cell_padding + (count - 1) * default.gap for count in columns
    )
    card = (CURVE_WIDTH - fixed) / max(1, sum(columns))
    card = min(default.card_width, max(MIN_CARD_WIDTH, card))
    width = fixed + card * sum(columns)
    return Metrics(card_width=card, curve_height=max(120.0, width * aspect))


def _curve_png(
    journey: JourneyMap, deck: Deck, aspect: float
) -> tuple[bytes, tuple[int, int], list]:
    layout = layout_map(journey, _curve_metrics(journey, aspect), curve=True)
    assert layout.curve is not None
    band = layout.curve
    size = (math.ceil(band.width * CURVE_SCALE), math.ceil(band.height * CURVE_SCALE))
    image = QImage(*size, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.scale(CURVE_SCALE, CURVE_SCALE)
        painter.translate(-band.x, -band.y)
        averages = [(point.customer, point.company) for point in analysis_curve(journey)]
        paint_curve(painter, journey, layout, averages, deck.options.labels.curve)
    finally:
        painter.end()
    data, buffer = open_buffer()
    image.save(buffer, "PNG")
    buffer.close()
    columns = [(column.x / band.width, column.width / band.width) for column in layout.columns]
    return data.data(), size, columns


def add_curve_slide(deck: Deck) -> None:
    journey = deck.journey
    slide = deck.add_slide(deck.options.labels.curve.heading)
    shapes = slide.shapes
    area = Box(
        MARGIN,
        BODY_TOP + round(0.1 * INCH),
        SLIDE_WIDTH - 2 * MARGIN,
        SLIDE_HEIGHT - BODY_TOP - round(0.5 * INCH),
    )
    picture_room = Box(area.x, area.y + HEADER_HEIGHT, area.w, area.h - HEADER_HEIGHT)
    data, size, columns = _curve_png(journey, deck, picture_room.h / picture_room.w)
    heading = one_line(deck.options.labels.curve.heading)
    picture = add_picture(shapes, data, picture_room, size, name=heading)
    left, width = picture.left, picture.width
    for phase, (start, share) in zip(journey.phases, columns, strict=True):
        box = Box(round(left + start * width), area.y, round(share * width), HEADER_HEIGHT)
        header = add_box(shapes, box, fill=phase.colour, name=one_line(phase.name))
        shown = elide(one_line(phase.name), 13.0, True, pt(box.w) - 12)
        write(
            header,
            [Para.of(shown, 13.0, bold=True, colour=text_on(phase.colour))],
            anchor=MSO_ANCHOR.MIDDLE,
            insets=(6, 0, 6, 0),
            wrap_text=False,
        )
    deck.steps.advance()


# ---------------------------------------------------------------------- the findings


@dataclass(frozen=True)
class _Section:
    heading: str
    colour: str
    items: list[tuple[str, str]]  # (touchpoint's name, what makes it one)


@dataclass(frozen=True)
class Found:
    """What the findings slide lists, and the agreement line above the lists."""

    sections: list[_Section]
    summary: str


def findings_of(deck: Deck) -> Found:
    journey, labels, words = deck.journey, deck.labels, deck.options.labels
    found = analyze(journey)

    def name(tid: str) -> str:
        return deck.name_of(journey.touchpoint(tid))

    def phase(tid: str) -> str:
        return one_line(journey.phases[journey.touchpoint(tid).phase].name)

    def weak(touchpoint: Touchpoint) -> str:
        rating = touchpoint.customer_rating
        parts = [phase(touchpoint.id)]
        parts.append(words.unrated if rating is None else words.ratings[rating - 1])
        if touchpoint.moment is Moment.PAIN_POINT:
            parts.append(words.pain_point)
        return " · ".join(one_line(part) for part in parts)

    detail: list[tuple[str, str, list[tuple[str, str]]]] = [
        (
            labels.weak_spots,
            style.PAIN_COLOUR,
            [(name(tid), weak(journey.touchpoint(tid))) for tid in found.weak_spots],
        ),
        (
            labels.blind_spots,
            GAP_BANDS[-1][2],
            [
                (
                    name(spot.id),
                    labels.say(
                        "blind_spot",
                        company=spot.company,
                        customer=spot.customer,
                        gap=f"{spot.gap:+d}",
                    ),
                )
                for spot in found.blind_spots
            ],
        ),
        (
            labels.priorities,
            style.SELECTION_COLOUR,
            [
                (name(p.id), f"{phase(p.id)} · {labels.say('priority', score=p.score)}")
                for p in found.priorities
            ],
        ),
        (
            labels.bottlenecks,
            style.LINK_COLOUR,
            [(name(tid), phase(tid)) for tid in found.bottlenecks],
        ),
    ]
    sections = [
        _Section(one_line(heading), colour, [(n, one_line(d)) for n, d in items])
        for heading, colour, items in detail
        if items
    ]
    agreement = found.agreement
    summary = ""
    if agreement.rated and agreement.share is not None:
        summary = labels.say(
            "agreement",
            agree=agreement.agree,
            rated=agreement.rated,
            share=f"{agreement.share:.0%}",
        )
    return Found(sections, one_line(summary))


def add_findings_slide(deck: Deck, found: Found) -> None:
    sections, summary = found.sections, found.summary
    if not sections:
        return
    slide = deck.add_slide(deck.labels.findings)
    shapes = slide.shapes
    top = BODY_TOP + round(0.05 * INCH)
    width = SLIDE_WIDTH - 2 * MARGIN
    if summary:
        box = Box(MARGIN, top, width, round(0.4 * INCH))
        add_text(
            shapes,
            box,
            [Para.of(elide(summary, 14.0, False, pt(width)), 14.0, colour=style.MUTED_TEXT)],
        )
        top = box.bottom + round(0.1 * INCH)
    columns = 1 if len(sections) == 1 else 2
    rows = math.ceil(len(sections) / columns)
    cell_w = (width - (columns - 1) * SECTION_GAP) // columns
    cell_h = (SLIDE_HEIGHT - round(0.35 * INCH) - top - (rows - 1) * round(0.2 * INCH)) // rows
    for index, section in enumerate(sections):
        row, column = divmod(index, columns)
        box = Box(
            MARGIN + column * (cell_w + SECTION_GAP),
            top + row * (cell_h + round(0.2 * INCH)),
            cell_w,
            cell_h,
        )
        _add_section(shapes, box, section, lambda **count: deck.labels.say("more", **count))
    deck.steps.advance()


def _add_section(shapes, box: Box, section: _Section, more: Callable[..., str]) -> None:
    bar = round(0.07 * INCH)
    add_box(shapes, Box(box.x, box.y, bar, box.h), fill=section.colour, kind=MSO_SHAPE.RECTANGLE)
    inner = Box(box.x + bar + round(0.12 * INCH), box.y, box.w - bar - round(0.12 * INCH), box.h)
    width = pt(inner.w)
    heading = Para(
        (
            Run(elide(section.heading, HEADING_SIZE, True, width - 40), HEADING_SIZE, True),
            Run(f"   {len(section.items)}", HEADING_SIZE, True, section.colour),
        )
    )
    room = pt(inner.h) - text_height(1, HEADING_SIZE) - 6
    lines = max(1, int(room / (text_height(1, ITEM_SIZE) + 2)))
    shown = section.items if len(section.items) <= lines else section.items[: lines - 1]
    paragraphs = [heading]
    for name, detail in shown:
        detail = f"  ·  {detail}" if detail else ""
        # the name whole if it leaves the detail a third of the line; the detail cut first
        detail_width = text_width(detail, ITEM_SIZE * 0.9)
        detail_width = min(detail_width, max(width - text_width(name, ITEM_SIZE), width / 3))
        name_shown = elide(name, ITEM_SIZE, False, width - detail_width)
        rest = elide(detail, ITEM_SIZE * 0.9, False, width - text_width(name_shown, ITEM_SIZE))
        paragraphs.append(
            Para(
                (Run(name_shown, ITEM_SIZE), Run(rest, ITEM_SIZE * 0.9, colour=style.MUTED_TEXT)),
                space_before=2,
            )
        )
    if len(shown) < len(section.items):
        text = one_line(more(count=len(section.items) - len(shown)))
        paragraphs.append(Para.of(text, ITEM_SIZE * 0.9, colour=style.MUTED_TEXT, space_before=2))
    add_text(shapes, inner, paragraphs, name=section.heading)
