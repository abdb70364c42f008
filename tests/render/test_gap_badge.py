"""A card carries an amber gap badge exactly when the company rates it 2 or more points
above its customers (a blind spot where the company flatters itself): on the canvas and
in every export, which both paint cards with `paint_card`."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from tpmapper.files.templates import sample_path
from tpmapper.files.tpmap import load
from tpmapper.model import Touchpoint
from tpmapper.render import painters
from tpmapper.render.layout import layout_map
from tpmapper.render.map_painter import paint_map

CARD = QRectF(10, 10, 176, 68)
BACKGROUND = QColor("#f5f7fa")


def card_image(company: int | None, customer: int | None, owner: str = "") -> QImage:
    image = QImage(200, 90, QImage.Format.Format_ARGB32)
    image.fill(BACKGROUND)
    painter = QPainter(image)
    touchpoint = Touchpoint(
        id="t",
        name="Shopping cart",
        phase="p",
        lane="l",
        company_rating=company,
        customer_rating=customer,
        owner=owner,
    )
    painters.paint_card(painter, CARD, touchpoint)
    painter.end()
    return image


def amber_pixels(image: QImage, region: QRectF) -> int:
    """Pixels of the badge's amber in `region` (the text and rounded corners are not)."""
    amber = painters.GAP_BADGE_FILL.rgb()
    return sum(
        image.pixel(x, y) == amber
        for x in range(int(region.left()), int(region.right()))
        for y in range(int(region.top()), int(region.bottom()))
    )


def colours(image: QImage, region: QRectF) -> set[str]:
    return {
        image.pixelColor(x, y).name()
        for x in range(int(region.left()), int(region.right()))
        for y in range(int(region.top()), int(region.bottom()))
    }


@pytest.mark.usefixtures("qapp")
def test_a_flattering_card_has_the_badge_and_a_fair_one_has_not():
    badge = painters.gap_badge_rect(CARD)
    flattering, fair = card_image(company=5, customer=2), card_image(company=4, customer=3)
    area = badge.width() * badge.height()
    assert amber_pixels(flattering, badge) > area / 2, "no amber badge on a gap of +3"
    assert len(colours(flattering, badge)) > 3, "the badge has no '+3' written on it"
    assert amber_pixels(fair, badge) == 0
    assert colours(fair, badge) == {QColor(painters.style.CARD_FILL).name()}


@pytest.mark.usefixtures("qapp")
@pytest.mark.parametrize(
    ("company", "customer", "badge"),
    [
        (4, 2, True),  # exactly 2 above: a blind spot
        (5, 1, True),
        (3, 2, False),  # 1 apart: they agree
        (2, 4, False),  # customers like it more than the company: not flattering
        (5, None, False),  # not rated by customers: no gap to show
        (None, 1, False),
    ],
)
def test_the_badge_appears_only_for_a_gap_of_two_or_more_in_the_companys_favour(
    company, customer, badge
):
    image = card_image(company, customer)
    assert (amber_pixels(image, painters.gap_badge_rect(CARD)) > 0) is badge


@pytest.mark.usefixtures("qapp")
def test_the_badge_says_how_big_the_gap_is():
    region = painters.gap_badge_rect(CARD)
    plus_two, plus_three = card_image(4, 2), card_image(5, 2)
    text = painters.GAP_BADGE_TEXT.rgb()

    def written(image: QImage) -> set[tuple[int, int]]:
        return {
            (x, y)
            for x in range(int(region.left()), int(region.right()))
            for y in range(int(region.top()), int(region.bottom()))
            if image.pixel(x, y) == text
        }

    assert written(plus_two), "no text on the badge"
    assert written(plus_two) != written(plus_three)  # "+2" and "+3" differ


@pytest.mark.usefixtures("qapp")
def test_a_long_owner_stops_before_the_badge():
    owner = "Customer service and complaints department"
    image = card_image(5, 2, owner=owner)
    badge = painters.gap_badge_rect(CARD)
    gap_before_badge = QRectF(badge.left() - 3, badge.top(), 3, badge.height())
    # the owner pill's fill would show here if it ran under the badge
    assert colours(image, gap_before_badge) == {QColor(painters.style.CARD_FILL).name()}
    assert amber_pixels(image, badge) > 0


@pytest.mark.usefixtures("qapp")
def test_an_exported_picture_of_the_sample_shows_the_badges_of_its_blind_spots():
    """The sample's shopping cart and chatbot are rated 4 by the company and 2 by
    customers; no other card is 2 or more points in the company's favour."""
    journey = load(sample_path("en"))
    layout = layout_map(journey)
    image = QImage(int(layout.bounds.width), int(layout.bounds.height), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    paint_map(painter, journey, layout)
    painter.end()
    badged = {
        tp.name
        for tp in journey.touchpoints()
        if amber_pixels(image, painters.gap_badge_rect(painters.qrect(layout.cards[tp.id])))
    }
    assert badged == {"Shopping cart", "Chatbot"}
