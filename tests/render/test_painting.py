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


def test_card_names_fit_two_lines_keeping_whole_words_where_a_smaller_font_allows(qapp):
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QFontMetricsF

    from tpmapper.render import painters

    width = 120.0
    for name in (
        "Shopping cart",
        "Auftragsbestätigung",
        "Produktbewertungen",
        "Mundpropaganda",
        "A very long touchpoint name that cannot possibly fit on two lines of a card",
        "Donaudampfschifffahrtsgesellschaftskapitänsmütze",
    ):
        size, wrap, text = painters.fit_name(name, width)
        metrics = QFontMetricsF(painters.shared_font(size, bold=True))
        height = metrics.boundingRect(QRectF(0, 0, width, 1000), wrap, text).height()
        assert height <= painters.NAME_HEIGHT, (name, size, text)
        if name in ("Shopping cart", "Auftragsbestätigung", "Produktbewertungen"):
            assert (wrap, text) == (Qt.TextFlag.TextWordWrap, name)  # whole words, all of it
    assert painters.fit_name("Shopping cart", width)[0] == painters.NAME_SIZES[0]
    long_name = "A very long touchpoint name that cannot possibly fit on two lines of a card"
    assert painters.fit_name(long_name, width)[2].endswith("…")
