"""Links on the canvas: routed between the cards, a label without room is the link's
tooltip, a dragged card takes its links along, exports route alike."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QPointF
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from tests.ui.conftest import drag
from tests.ui.test_canvas import card_centre, cell_centre, find
from tpmapper.model import JourneyMap, Lane, Phase, Touchpoint
from tpmapper.model.elements import Link
from tpmapper.render import map_painter
from tpmapper.ui.document import Document
from tpmapper.ui.main_window import MainWindow


def hover(qtbot, view, scene_point: QPointF) -> str:
    """Rest the mouse at a scene point until the tooltip shows; its text ("" if none)."""
    QToolTip.hideText()  # (it goes a moment later)
    qtbot.waitUntil(lambda: not QToolTip.isVisible())
    at = view.mapFromScene(scene_point)
    viewport = view.viewport()
    event = QHelpEvent(QEvent.Type.ToolTip, at, viewport.mapToGlobal(at))
    QApplication.sendEvent(viewport, event)
    return QToolTip.text() if QToolTip.isVisible() else ""


def under_a_card(scene, point: QPointF) -> bool:
    return any(
        rect.x + 1 < point.x() < rect.right - 1 and rect.y + 1 < point.y() < rect.bottom - 1
        for rect in scene.layout.cards.values()
    )


def assert_runs_between_cards(scene, key) -> None:
    path = scene.link_shape(*key).path
    for step in range(101):
        point = path.pointAtPercent(step / 100)
        assert not under_a_card(scene, point), (key, point)


def test_every_link_runs_between_the_cards(window):
    scene = window.view.map_scene()
    for link in window.document.journey.links():
        assert_runs_between_cards(scene, link.key)


@pytest.fixture
def crowded(qtbot, settings) -> Iterator[MainWindow]:
    """Four cards in one cell, every link labelled: the labels crowd one another out."""
    journey = JourneyMap("crowded")
    journey.phases.insert(Phase("a", "A"))
    journey.lanes.insert(Lane("l", "L"))
    for i in range(4):
        journey.insert_touchpoint(Touchpoint(f"t{i}", f"Card {i}", "a", "l"))
    for source, target, share in (("t0", "t1", 0.12), ("t0", "t2", None), ("t1", "t3", None)):
        label = f"from {source} to {target}, a label long enough to crowd"
        journey.insert_link(Link(source, target, label, share=share))
    win = MainWindow(Document(journey), settings)
    win.resize(1200, 800)
    win.show()
    qtbot.waitExposed(win)
    win.view.reset_zoom()
    yield win
    win.document.undo_stack.setClean()
    win.close()


def marked_link(window) -> tuple[str, str]:
    scene = window.view.map_scene()
    marked = [
        link.key
        for link in window.document.journey.links()
        if scene.link_shape(*link.key).marker is not None
    ]
    assert marked, "no label was crowded out"
    return marked[0]


def test_hovering_a_link_whose_label_found_no_room_shows_the_label(crowded, qtbot):
    scene = crowded.view.map_scene()
    key = marked_link(crowded)
    shape = scene.link_shape(*key)
    assert shape.label_box is None
    assert not under_a_card(scene, shape.marker)
    text = hover(qtbot, crowded.view, shape.marker)
    assert f"from {key[0]} to {key[1]}, a label long enough to crowd" in text
    assert f"Card {key[0][1]} → Card {key[1][1]}" in text
    if key == ("t0", "t1"):
        assert "12 % of customers" in text
    QToolTip.hideText()


def test_hovering_a_labelled_link_or_a_card(window, qtbot):
    scene = window.view.map_scene()
    key = (find(window, "Shopping cart"), find(window, "Product reviews"))
    shape = scene.link_shape(*key)
    assert shape.label_box is not None  # drawn on the map, and in the tooltip in full
    assert shape.label == "Unsure: checks the reviews again"
    assert not under_a_card(scene, shape.label_box.center())
    assert "Unsure: checks the reviews again" in hover(qtbot, window.view, shape.label_box.center())
    assert "→" not in hover(qtbot, window.view, card_centre(window, key[0]))  # no link's tooltip
    QToolTip.hideText()


def test_a_share_is_drawn_as_the_line_width(window):
    scene = window.view.map_scene()
    cart = find(window, "Shopping cart")
    wide = scene.link_shape(cart, find(window, "Product reviews"))  # 35 %
    narrow = scene.link_shape(find(window, "Customer feedback"), find(window, "Word of mouth"))
    unknown = scene.link_shape(find(window, "Ads"), find(window, "Website"))  # no share
    assert wide.width > narrow.width > 1.0
    assert unknown.width == 1.6


def test_dragging_a_card_reroutes_its_links_and_leaves_the_others(window):
    scene = window.view.map_scene()
    journey = window.document.journey
    ads = find(window, "Ads")
    own = {link.key for link in journey.links_of(ads)}
    others = {
        link.key: scene.link_shape(*link.key) for link in journey.links() if link.key not in own
    }
    before = {key: scene.link_shape(*key).path.boundingRect() for key in own}
    drag(window.view, card_centre(window, ads), cell_centre(window, "purchase", "paid"))
    assert journey.touchpoint(ads).phase == "purchase"
    for key in own:
        assert scene.link_layer.is_drawn(key)
        assert scene.link_shape(*key).path.boundingRect() != before[key]
        assert_runs_between_cards(scene, key)
    untouched = [key for key, shape in others.items() if scene.link_shape(*key) is shape]
    assert untouched  # not every link was routed again
    window.document.undo_stack.undo()
    for key in own:
        assert scene.link_shape(*key).path.boundingRect() == before[key]


def test_pictures_route_the_links_as_the_canvas_does(window):
    scene = window.view.map_scene()
    journey = window.document.journey
    exported = map_painter.link_shapes(journey, scene.layout)
    for link, shape in zip(journey.links(), exported, strict=True):
        on_canvas = scene.link_shape(*link.key)
        assert shape.path == on_canvas.path, link.key
        assert shape.label_box == on_canvas.label_box
        assert shape.marker == on_canvas.marker


def test_the_tooltip_event_reaches_links_lifted_out_of_the_layer(crowded, qtbot):
    scene = crowded.view.map_scene()
    key = marked_link(crowded)
    item = scene.select_link(*key)
    assert item.isSelected()
    text = hover(qtbot, crowded.view, scene.link_shape(*key).marker)
    assert f"from {key[0]} to {key[1]}" in text
    QToolTip.hideText()
