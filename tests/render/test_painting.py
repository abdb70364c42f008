"""Painting a map gives a real picture: phase colours in the headers, cards drawn."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage, QPainter

from tpmapper.files.templates import sample_path
from tpmapper.files.tpmap import load
from tpmapper.render import style
from tpmapper.render.layout import layout_map
from tpmapper.render.map_painter import paint_map


@pytest.fixture
def picture(qapp):
    journey = load(sample_path("en"))
    layout = layout_map(journey)
    bounds = layout.bounds
    image = QImage(int(bounds.width), int(bounds.height), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    paint_map(painter, journey, layout)
    painter.end()
    return journey, layout, image


def test_phase_headers_carry_their_colour(picture):
    journey, layout, image = picture
    for index, phase in enumerate(journey.phases):
        header = layout.phase_header(index)
        pixel = image.pixelColor(int(header.right - 4), int(header.y + 4))
        assert pixel.name() == phase.colour


def test_cards_show_their_customer_rating_stripe(picture):
    journey, layout, image = picture
    for tp in journey.touchpoints():
        card = layout.cards[tp.id]
        pixel = image.pixelColor(int(card.x + 3), int(card.y + card.height / 2))
        assert pixel.name() == style.rating_colour(tp.customer_rating), tp.name


def test_card_interiors_are_not_blank(picture):
    journey, layout, image = picture
    card = layout.cards[journey.touchpoints()[0].id]
    colours = {
        image.pixelColor(x, y).name()
        for x in range(int(card.x + 10), int(card.right - 10), 3)
        for y in range(int(card.y + 6), int(card.bottom - 6), 3)
    }
    assert len(colours) > 5  # text, badge, stars: a drawn card, not an empty box
