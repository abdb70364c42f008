"""Colour modes: each card's stripe colour and the legend that explains it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from tpmapper.files.templates import sample_path
from tpmapper.files.tpmap import load
from tpmapper.model import Ownership
from tpmapper.render import painters, style
from tpmapper.render.colour_modes import (
    CATEGORY_COLOURS,
    GAP_BANDS,
    OTHER_COLOUR,
    ColourMode,
    colouring,
)


@pytest.fixture
def journey():
    return load(sample_path("en"))


def by_name(journey, name):
    return next(tp for tp in journey.touchpoints() if tp.name == name)


def test_rating_mode_is_the_cards_own_colours(journey):
    result = colouring(journey, ColourMode.RATING)
    for tp in journey.touchpoints():
        assert result.colour_of(tp) == style.rating_colour(tp.customer_rating)
    assert len(result.legend) == 6  # five ratings and "Not rated"


def test_owners_get_a_colour_each_in_reading_order_and_the_legend_names_them(journey):
    result = colouring(journey, ColourMode.OWNER)
    owners = list(dict.fromkeys(tp.owner for tp in journey.touchpoints() if tp.owner))
    assert [text for text, _colour in result.legend[: len(owners)]] == owners
    for tp in journey.touchpoints():
        if tp.owner:
            assert result.colour_of(tp) == CATEGORY_COLOURS[owners.index(tp.owner)]
        else:
            assert result.colour_of(tp) == style.UNRATED_COLOUR
    assert result.legend[-1][0] == "Not set"  # the sample has touchpoints without owner


def test_the_gap_bands(journey):
    result = colouring(journey, ColourMode.GAP)
    cart = by_name(journey, "Shopping cart")  # company 4, customer 2: +2
    assert result.colour_of(cart) == GAP_BANDS[2][2]
    for tp in journey.touchpoints():
        if tp.rating_gap is None:
            assert result.colour_of(tp) == style.UNRATED_COLOUR


def test_categories_beyond_the_palette_share_one_colour_named_others():
    from tests.analysis.maps import build

    names = [f"Owner {n:02d}" for n in range(len(CATEGORY_COLOURS) + 3)]
    journey = build([(f"t{n}", "p1", {"owner": owner}) for n, owner in enumerate(names)])
    result = colouring(journey, ColourMode.OWNER)
    assert result.legend[-1] == ("Others", OTHER_COLOUR)
    assert len(result.legend) == len(CATEGORY_COLOURS) + 1


def test_enum_modes_use_the_words_given_for_the_values(journey):
    from tpmapper.render.colour_modes import ColourWords

    words = ColourWords(name=lambda value: f"<{value.value}>")
    result = colouring(journey, ColourMode.OWNERSHIP, words)
    assert {text for text, _c in result.legend} >= {f"<{Ownership.OWNED.value}>"}


def test_the_accent_colours_the_cards_stripe(journey, qapp):
    cart = by_name(journey, "Shopping cart")
    image = QImage(200, 80, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painters.paint_card(painter, QRectF(2, 2, 176, 68), cart, accent="#123456")
    painter.end()
    assert image.pixelColor(5, 40).name() == "#123456"


def test_a_selection_export_keeps_the_whole_maps_colours(journey, qapp):
    """Owners are coloured in the order they appear in the whole map: an export of some
    cards must not give them other colours than the canvas does."""
    from tests.render.test_image_export import plain, svg_texts  # noqa: F401
    from tpmapper.render.image_export import svg_bytes

    crm = [tp.id for tp in journey.touchpoints() if tp.owner == "CRM"]
    colour = colouring(journey, ColourMode.OWNER).colours[crm[0]]
    svg = svg_bytes(journey, plain(colour_mode=ColourMode.OWNER, selection=frozenset(crm)))
    assert colour.encode() in svg
    assert CATEGORY_COLOURS[0].encode() not in svg  # what CRM would be if coloured alone
