"""What a card's colour stripe tells: the customer's rating (the default), the gap between
the company's and the customer's rating, the owner, owned/paid/earned, the channel, or
digital/analog. One `Colouring` per map and mode gives each card its colour and the legend
that explains them, for the canvas and every export alike.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

from tpmapper.model.elements import Touchpoint
from tpmapper.model.journey import JourneyMap
from tpmapper.model.vocabulary import ColourMode  # defined in the model: views save one
from tpmapper.render import style

#: Distinct colours for owners, channels and other categories (Tableau 10, then two more).
CATEGORY_COLOURS = (
    "#4e79a7",
    "#f28e2b",
    "#59a14f",
    "#e15759",
    "#76b7b2",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#bab0ac",
    "#1f77b4",
    "#17becf",
)
OTHER_COLOUR = "#6b7280"  # categories beyond the palette share it
#: The rating gap (company - customer) in four bands, most flattering last.
GAP_BANDS = (
    (-4, -2, "#43a047"),  # customers rate it 2+ above the company
    (-1, 1, "#9aa3ad"),  # within a point: both sides agree
    (2, 2, "#f2994a"),  # the company rates it 2 above its customers
    (3, 4, "#d64541"),  # 3 or more above: a blind spot to act on
)


@dataclass(frozen=True)
class ColourWords:
    """The legend's own words (the UI passes translated ones); `name` names a vocabulary
    value (Ownership.PAID, Channel.EMAIL, …)."""

    ratings: tuple[str, str, str, str, str] = (
        "1 very poor",
        "2 poor",
        "3 fair",
        "4 good",
        "5 very good",
    )
    unrated: str = "Not rated"
    not_set: str = "Not set"
    other: str = "Others"
    gaps: tuple[str, str, str, str] = (
        "Customers rate it 2+ higher",
        "Both sides agree (±1)",
        "Company rates it 2 higher",
        "Company rates it 3+ higher",
    )
    name: Callable[[Enum], str] = field(
        default=lambda value: str(value.value).replace("_", " ").capitalize()
    )


@dataclass(frozen=True)
class Colouring:
    mode: ColourMode
    colours: dict[str, str]  # touchpoint id -> the stripe's colour
    legend: tuple[tuple[str, str], ...]  # (words, colour), in reading order

    def colour_of(self, touchpoint: Touchpoint) -> str:
        return self.colours.get(touchpoint.id, style.UNRATED_COLOUR)


def rating_legend(words: ColourWords) -> tuple[tuple[str, str], ...]:
    """The legend of the default colours, the customer's rating (no map needed)."""
    legend = [(text, style.RATING_COLOURS[n]) for n, text in enumerate(words.ratings, 1)]
    return (*legend, (words.unrated, style.UNRATED_COLOUR))


def colouring(journey: JourneyMap, mode: ColourMode, words: ColourWords | None = None) -> Colouring:
    words = words or ColourWords()
    touchpoints = journey.touchpoints()
    if mode is ColourMode.RATING:
        colours = {tp.id: style.rating_colour(tp.customer_rating) for tp in touchpoints}
        return Colouring(mode, colours, rating_legend(words))
    if mode is ColourMode.GAP:
        return _by_gap(touchpoints, words)
    key: Callable[[Touchpoint], str | None] = {
        ColourMode.OWNER: lambda tp: tp.owner or None,
        ColourMode.OWNERSHIP: lambda tp: words.name(tp.ownership) if tp.ownership else None,
        ColourMode.CHANNEL: lambda tp: words.name(tp.channel) if tp.channel else None,
        ColourMode.MEDIUM: lambda tp: words.name(tp.medium) if tp.medium else None,
    }[mode]
    return _by_category(mode, touchpoints, key, words)


def _by_gap(touchpoints: list[Touchpoint], words: ColourWords) -> Colouring:
    colours = {}
    for tp in touchpoints:
        gap = tp.rating_gap
        if gap is None:
            colours[tp.id] = style.UNRATED_COLOUR
            continue
        colours[tp.id] = next(colour for low, high, colour in GAP_BANDS if low <= gap <= high)
    legend = [(text, band[2]) for text, band in zip(words.gaps, GAP_BANDS, strict=True)]
    return Colouring(ColourMode.GAP, colours, (*legend, (words.unrated, style.UNRATED_COLOUR)))


def _by_category(
    mode: ColourMode,
    touchpoints: list[Touchpoint],
    key: Callable[[Touchpoint], str | None],
    words: ColourWords,
) -> Colouring:
    """Categories in order of first appearance (the map's reading order), each its own
    colour while the palette lasts; the rest share one, and so do cards without."""
    order: dict[str, str] = {}
    for tp in touchpoints:
        name = key(tp)
        if name is not None and name not in order:
            index = len(order)
            order[name] = CATEGORY_COLOURS[index] if index < len(CATEGORY_COLOURS) else OTHER_COLOUR
    colours = {}
    for tp in touchpoints:
        name = key(tp)
        colours[tp.id] = style.UNRATED_COLOUR if name is None else order[name]
    legend = [(name, colour) for name, colour in order.items() if colour != OTHER_COLOUR]
    if len(legend) < len(order):
        legend.append((words.other, OTHER_COLOUR))
    if any(key(tp) is None for tp in touchpoints):
        legend.append((words.not_set, style.UNRATED_COLOUR))
    return Colouring(mode, colours, tuple(legend))
