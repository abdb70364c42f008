"""View ▸ Colour By: the cards' stripes show the chosen measure, a legend in the view's
corner explains it, the choice is remembered, and exports from the app show the same."""

from __future__ import annotations

from xml.etree import ElementTree

from PySide6.QtCore import QPointF, Qt

from tests.ui.driving import choose, pick_file, press_button
from tpmapper.render.colour_modes import CATEGORY_COLOURS, ColourMode


def stripe_colour(window, name: str) -> str:
    """The colour on screen in the middle of a card's stripe."""
    journey = window.document.journey
    tid = next(tp.id for tp in journey.touchpoints() if tp.name == name)
    card = window.view.map_scene().layout.cards[tid]
    point = window.view.mapFromScene(QPointF(card.x + 3, card.y + card.height / 2))
    return window.view.viewport().grab().toImage().pixelColor(point).name()


def test_colour_by_owner_and_back_to_rating(window, qtbot, settings):
    assert stripe_colour(window, "Shopping cart") == "#f08a4b"  # rated 2
    choose(qtbot, window, "View", "Colour By", "Owner")
    owners = list(
        dict.fromkeys(tp.owner for tp in window.document.journey.touchpoints() if tp.owner)
    )
    assert stripe_colour(window, "Shopping cart") == CATEGORY_COLOURS[owners.index("Web design")]
    assert stripe_colour(window, "Website") == stripe_colour(window, "Shopping cart")  # both
    assert settings.value("view/colour") == "owner"
    scene = window.view.map_scene()
    assert scene.colouring.mode is ColourMode.OWNER
    assert ("Web design", CATEGORY_COLOURS[owners.index("Web design")]) in scene.colouring.legend
    # the legend box in the view's bottom-left corner shows the owners' swatches
    image = window.view.viewport().grab().toImage()
    first = CATEGORY_COLOURS[0]
    swatches = sum(
        image.pixelColor(x, y).name() == first
        for x in range(0, 60)
        for y in range(image.height() - 400, image.height())
    )
    assert swatches > 20, "no legend in the corner"
    choose(qtbot, window, "View", "Colour By", "Customer Rating")
    assert scene.colouring is None
    assert stripe_colour(window, "Shopping cart") == "#f08a4b"


def test_each_mode_can_be_chosen_and_an_edit_recolours(window, qtbot):
    for entry, mode in (
        ("Rating Gap", ColourMode.GAP),
        ("Owned, Paid, Earned", ColourMode.OWNERSHIP),
        ("Channel", ColourMode.CHANNEL),
        ("Digital, Analog", ColourMode.MEDIUM),
        ("Owner", ColourMode.OWNER),
    ):
        choose(qtbot, window, "View", "Colour By", entry)
        assert window.view.map_scene().colouring.mode is mode
    assert stripe_colour(window, "Website") != stripe_colour(window, "Ads")
    ads_owner = next(tp.owner for tp in window.document.journey.touchpoints() if tp.name == "Ads")
    window.scene.clearSelection()
    cart = next(tp.id for tp in window.document.journey.touchpoints() if tp.name == "Website")
    window.scene.card(cart).setSelected(True)
    owner = window.inspector.fields["owner"].widget
    owner.selectAll()
    qtbot.keyClicks(owner, ads_owner)
    qtbot.keyClick(owner, Qt.Key.Key_Return)
    assert stripe_colour(window, "Website") == stripe_colour(window, "Ads")  # one owner now


def test_a_picture_exported_from_the_app_shows_the_colour_mode(window, qtbot, dialogs, tmp_path):
    choose(qtbot, window, "View", "Colour By", "Owner")
    target = tmp_path / "owners.svg"
    dialogs.answer(press_button("OK"), pick_file(target))
    choose(qtbot, window, "File", "Export", "SVG Drawing…")
    root = ElementTree.parse(target).getroot()
    texts = " ".join(el.text or "" for el in root.iter() if el.tag.endswith("text"))
    assert "Web design" in texts
    assert "1 very poor" not in texts
