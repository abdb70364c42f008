"""A touchpoint card on a slide: one rounded rectangle holding its own text, filled in a
light shade of the card's colour (the customer's rating, or what the colour mode shows)
and outlined in the colour itself, so a presenter moves card and text as one, and the
links glued to it follow.

The text is the card's name (bold), then its channel and owner, and on a phase slide's
larger cards the customer's rating as stars and its pain point or positive moment; each
at the largest size (up to the style's) at which it fits, what does not fit left out.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from pptx.enum.shapes import MSO_SHAPE
from pptx.shapes.autoshape import Shape
from pptx.shapes.shapetree import SlideShapes

from tpmapper.model.elements import Touchpoint
from tpmapper.model.vocabulary import Moment
from tpmapper.render import style
from tpmapper.render.pptx_deck import Deck
from tpmapper.render.pptx_shapes import (
    Box,
    Para,
    Run,
    add_box,
    blend,
    elide,
    one_line,
    pt,
    text_height,
    text_width,
    wrap,
    write,
)

FILL_SHADE = 0.8  # the fill is the card's colour this far towards white
DIMMED_SHADE = 0.93  # … on a card a filter leaves out (the canvas draws it faint)
DIMMED_TEXT = 0.6
STAR_COLOUR = "#b08900"
SIZE_STEP = 0.5
FACTS_SCALE = 0.82  # channel, owner and rating, against the name's size


@dataclass(frozen=True)
class CardStyle:
    name_size: float  # points: the name's largest size
    min_size: float = 5.5
    name_lines: int = 2
    detailed: bool = False  # with the rating line
    line_width: float = 1.25  # the outline, points


def facts_of(deck: Deck, touchpoint: Touchpoint) -> str:
    """The card's second line: its channel and owner."""
    words = deck.options.labels.colour_words
    channel = words.name(touchpoint.channel) if touchpoint.channel else ""
    return " · ".join(one_line(part) for part in (channel, touchpoint.owner) if part.strip())


def _rating_runs(deck: Deck, touchpoint: Touchpoint, size: float, muted: str) -> list[Run]:
    labels = deck.options.labels
    rating = touchpoint.customer_rating
    if rating is None:
        runs = [Run(one_line(labels.unrated), size, colour=muted)]
    else:
        runs = [Run("★" * rating + "☆" * (5 - rating), size, colour=STAR_COLOUR)]
    if touchpoint.moment is Moment.PAIN_POINT:
        runs.append(Run(f"  {one_line(labels.pain_point)}", size, True, style.PAIN_COLOUR))
    elif touchpoint.moment is Moment.POSITIVE:
        runs.append(Run(f"  {one_line(labels.positive)}", size, True, style.POSITIVE_COLOUR))
    return runs


def _sizes(largest: float, smallest: float) -> list[float]:
    sizes, size = [], largest
    while size >= smallest - 1e-9:
        sizes.append(round(size, 2))
        size -= SIZE_STEP
    return sizes or [smallest]


def _fits_at(
    name: str,
    wanted: int,
    size: float,
    room: tuple[float, float],
    card: CardStyle,
    *,
    whole: bool,
) -> bool:
    """Whether the name at `size` and `wanted` lines of facts fit `room` (width, height);
    `whole`: without breaking a word (German compounds are long)."""
    width, height = room
    if whole and any(text_width(word, size, True) > width for word in name.split()):
        return False
    lines = len(wrap(name, size, True, width))
    small = max(size * FACTS_SCALE, min(size, card.min_size))
    return (
        lines <= card.name_lines
        and text_height(lines, size) + wanted * text_height(1, small) <= height
    )


def _lay_out(
    name: str,
    extras: list[tuple[str, list[Run] | None]],
    room: tuple[float, float],
    card: CardStyle,
    colours: tuple[str, str],
) -> list[Para]:
    """The paragraphs that fit in `width` x `height` points: the name as large as it goes
    with as many of the `extras` (text, or runs already coloured) as fit below it."""
    text, muted = colours
    width, height = room
    tries = [(whole, wanted) for whole in (True, False) for wanted in range(len(extras), -1, -1)]
    for whole, wanted in tries:
        for size in _sizes(card.name_size, card.min_size):
            if not _fits_at(name, wanted, size, room, card, whole=whole):
                continue
            small = max(size * FACTS_SCALE, min(size, card.min_size))
            paragraphs = [Para.of(name, size, bold=True, colour=text)]
            for extra, runs in extras[:wanted]:
                if runs is None:
                    shown = elide(extra, small, False, width)
                    paragraphs.append(Para.of(shown, small, colour=muted))
                    continue
                scaled = [Run(r.text, small, r.bold, r.colour) for r in runs]
                if sum(text_width(r.text, small, r.bold) for r in scaled) > width:
                    scaled = scaled[:1]  # the stars without the moment's word
                paragraphs.append(Para(tuple(scaled)))
            return paragraphs
    size = card.min_size  # not even the name fits whole: as much of it as does
    lines = max(1, min(card.name_lines, int(height / text_height(1, size))))
    return [Para.of(elide(name, size, True, width, lines), size, bold=True, colour=text)]


def _room(box: Box, card: CardStyle) -> tuple[float, float, float, float]:
    """The card's insets across and down, and the width and height inside, in points."""
    across = min(7.0, max(2.5, pt(box.w) * 0.05))
    down = min(5.0, max(1.5, pt(box.h) * 0.06))
    width = pt(box.w) - 2 * across - card.line_width
    height = pt(box.h) - 2 * down - card.line_width
    return across, down, width, height


def _extra_lines(deck: Deck, touchpoint: Touchpoint, card: CardStyle) -> int:
    return int(bool(facts_of(deck, touchpoint))) + int(card.detailed)


def common_style(deck: Deck, touchpoints: list[Touchpoint], box: Box, card: CardStyle) -> CardStyle:
    """`card` with the name size at which (nearly) every card's name fits whole with its
    facts, so cards side by side speak alike; the few longest names are set smaller."""
    _across, _down, width, height = _room(box, card)
    sizes = _sizes(card.name_size, card.min_size)
    best = []
    for touchpoint in touchpoints:
        name, wanted = deck.name_of(touchpoint), _extra_lines(deck, touchpoint, card)
        fitting = (
            size
            for whole in (True, False)
            for size in sizes
            if _fits_at(name, wanted, size, (width, height), card, whole=whole)
        )
        best.append(next(fitting, card.min_size))
    if not best:
        return card
    best.sort()
    return replace(card, name_size=best[len(best) // 10])


def add_card(
    deck: Deck, shapes: SlideShapes, box: Box, touchpoint: Touchpoint, card: CardStyle
) -> Shape:
    """The card in `box`; `card` best made by `common_style` for all the slide's cards."""
    colour = deck.colour_of(touchpoint)
    dimmed = deck.dimmed(touchpoint)
    fill = blend(colour, DIMMED_SHADE if dimmed else FILL_SHADE)
    outline = blend(colour, 0.55) if dimmed else colour
    text, muted = style.TEXT_COLOUR, style.MUTED_TEXT
    if dimmed:
        text, muted = blend(text, DIMMED_TEXT), blend(muted, DIMMED_TEXT)
    name = deck.name_of(touchpoint)
    shape = add_box(
        shapes,
        box,
        fill=fill,
        line=outline,
        line_width=card.line_width,
        kind=MSO_SHAPE.ROUNDED_RECTANGLE,
        corner=min(box.w, box.h) * 0.14,
        name=name,
    )
    across, down, width, height = _room(box, card)
    facts = facts_of(deck, touchpoint)
    extras: list[tuple[str, list[Run] | None]] = [(facts, None)] if facts else []
    if card.detailed:
        extras.append(("", _rating_runs(deck, touchpoint, 1.0, muted)))
    paragraphs = _lay_out(name, extras, (width, height), card, (text, muted))
    write(shape, paragraphs, insets=(across, down, across, down))
    shape._element.nvSpPr.cNvPr.set("descr", describe(deck, touchpoint))
    return shape


def describe(deck: Deck, touchpoint: Touchpoint) -> str:
    """The card's alternative text, for screen readers: name, facts, rating, moment."""
    labels = deck.options.labels
    rating = touchpoint.customer_rating
    parts = [deck.name_of(touchpoint), facts_of(deck, touchpoint)]
    parts.append(labels.unrated if rating is None else labels.ratings[rating - 1])
    if touchpoint.moment is Moment.PAIN_POINT:
        parts.append(labels.pain_point)
    elif touchpoint.moment is Moment.POSITIVE:
        parts.append(labels.positive)
    return "; ".join(one_line(part) for part in parts if part.strip())
