"""Tooltips on the canvas: a card tells its whole name, owner, ratings, KPIs and moment; a
channel badge its channel; an owner pill cut short its whole owner. They are worked out
when the mouse rests on a card, nothing per card beforehand."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from tests.ui.driving import press
from tests.ui.test_canvas import find
from tpmapper.model.edits import UpdateTouchpoint
from tpmapper.render import painters
from tpmapper.ui.canvas.items import TouchpointItem


def rest_on(qtbot, window, touchpoint_id: str, where: QPointF) -> str:
    """Ask for the tooltip at a point of a card (card coordinates), as Qt does when the
    mouse rests there; its text ("" if none shows)."""
    QToolTip.hideText()  # (it goes a moment later)
    qtbot.waitUntil(lambda: not QToolTip.isVisible())
    view = window.view
    card = view.map_scene().card(touchpoint_id)
    at = view.mapFromScene(card.mapToScene(where))
    assert view.viewport().rect().contains(at), "the card is out of view: the test shows nothing"
    viewport = view.viewport()
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, at, viewport.mapToGlobal(at)))
    return QToolTip.text() if QToolTip.isVisible() else ""


def card_rect(window, touchpoint_id: str):
    return window.view.map_scene().card(touchpoint_id).shape().boundingRect()


def test_a_card_tells_its_name_owner_ratings_kpis_and_pain_point(window, qtbot):
    cart = find(window, "Shopping cart")
    text = rest_on(qtbot, window, cart, QPointF(100, 28))
    assert "<b>Shopping cart</b>" in text
    assert "Owner: Web design" in text
    assert "Customer rating: 2 of 5 · Company rating: 4 of 5" in text
    assert "Conversion rate: 31.3 %" in text
    assert "Pain point: Unexpected shipping costs and a forced account" in text
    QToolTip.hideText()


def test_a_card_tells_its_positive_moment_and_what_is_not_rated(window, qtbot):
    ai = find(window, "AI search")
    text = rest_on(qtbot, window, ai, QPointF(100, 28))
    assert "Customer rating: not rated · Company rating: 2 of 5" in text
    assert "Owner" not in text  # it has none
    mouth = find(window, "Word of mouth")
    text = rest_on(qtbot, window, mouth, QPointF(100, 28))
    assert "Positive moment: Customers trust friends more than ads." in text
    loyalty = find(window, "Loyalty programme")
    text = rest_on(qtbot, window, loyalty, QPointF(100, 28))
    assert "ROI: 240 % · Cost: 60000 · Reach: 38000" in text
    QToolTip.hideText()


def test_an_owner_pill_cut_short_shows_the_whole_owner(window, qtbot):
    ads = find(window, "Ads")
    touchpoint = window.document.journey.touchpoint(ads)
    pill, shown = painters.owner_pill(card_rect(window, ads), touchpoint)
    assert shown != "Performance marketing"
    assert shown.endswith("…")
    assert rest_on(qtbot, window, ads, pill.center()) == "<nobr>Owner: Performance marketing</nobr>"
    # an owner shown whole: the card's tooltip, not the pill's
    website = find(window, "Website")
    touchpoint = window.document.journey.touchpoint(website)
    pill, shown = painters.owner_pill(card_rect(window, website), touchpoint)
    assert shown == "Web design"
    assert "<b>Website</b>" in rest_on(qtbot, window, website, pill.center())
    QToolTip.hideText()


def test_the_channel_badge_names_the_channel(window, qtbot):
    ads = find(window, "Ads")
    badge = painters.channel_badge_rect(card_rect(window, ads))
    text = rest_on(qtbot, window, ads, badge.center())
    assert text.startswith("<nobr>Channel: Display ad")
    QToolTip.hideText()


def test_words_with_markup_are_shown_as_typed_and_large_numbers_in_full(window, qtbot):
    cart = find(window, "Shopping cart")
    changes = {
        "name": "<i>Cart</i> & checkout",
        "owner": "Sales & Service <Berlin>",
        "reach": 2_400_000,
    }
    window.document.push(UpdateTouchpoint(cart, changes), "Edit")
    text = rest_on(qtbot, window, cart, QPointF(100, 28))
    assert "<b>&lt;i&gt;Cart&lt;/i&gt; &amp; checkout</b>" in text  # rich text: shown as typed
    assert "Reach: 2400000" in text
    touchpoint = window.document.journey.touchpoint(cart)
    pill, shown = painters.owner_pill(card_rect(window, cart), touchpoint)
    assert shown != touchpoint.owner  # cut short on the card
    text = rest_on(qtbot, window, cart, pill.center())
    assert text == "<nobr>Owner: Sales &amp; Service &lt;Berlin&gt;</nobr>"
    QToolTip.hideText()


def test_resting_the_mouse_on_a_card_shows_its_tooltip(window, qtbot):
    QToolTip.hideText()
    qtbot.waitUntil(lambda: not QToolTip.isVisible())
    view = window.view
    cart = view.map_scene().card(find(window, "Shopping cart"))
    at = view.mapFromScene(cart.mapToScene(QPointF(100, 28)))
    qtbot.mouseMove(view.viewport(), at - QPoint(30, 0))
    qtbot.mouseMove(view.viewport(), at)
    qtbot.waitUntil(QToolTip.isVisible, timeout=3000)
    assert "<b>Shopping cart</b>" in QToolTip.text()
    QToolTip.hideText()


def test_far_out_cards_have_no_tooltip_and_none_is_made_beforehand(window, qtbot):
    scene = window.view.map_scene()
    cards = [item for item in scene.items() if isinstance(item, TouchpointItem)]
    assert cards
    assert not any(card.toolTip() for card in cards)
    cart = find(window, "Shopping cart")
    for _ in range(9):
        press(qtbot, window.view, "Ctrl+-")
    assert scene.overview.isVisible()  # far out: coloured blocks, nothing to read
    point = QPointF(*scene.layout.cards[cart].center)
    at = window.view.mapFromScene(point)
    viewport = window.view.viewport()
    QToolTip.hideText()
    qtbot.waitUntil(lambda: not QToolTip.isVisible())
    QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, at, viewport.mapToGlobal(at)))
    assert not QToolTip.isVisible() or "Shopping cart" not in QToolTip.text()
