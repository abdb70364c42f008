"""The canvas: cards mirror the map, drags become one undoable move, deletes undo."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt

from tests.ui.conftest import click, drag
from tpmapper.files.tpmap import load
from tpmapper.ui.document import Document


def find(window, name: str) -> str:
    return next(tp.id for tp in window.document.journey.touchpoints() if tp.name == name)


def card_centre(window, touchpoint_id: str) -> QPointF:
    rect = window.view.map_scene().layout.cards[touchpoint_id]
    return QPointF(*rect.center)


def cell_centre(window, phase: str, lane: str) -> QPointF:
    layout = window.view.map_scene().layout
    rect = layout.cell_rect(layout.phase_ids.index(phase), layout.lane_ids.index(lane))
    return QPointF(*rect.center)


def test_every_touchpoint_and_link_has_an_item(window):
    scene = window.view.map_scene()
    journey = window.document.journey
    for tp in journey.touchpoints():
        item = scene.card(tp.id)
        rect = scene.layout.cards[tp.id]
        assert (item.pos().x(), item.pos().y()) == (rect.x, rect.y)
    for link in journey.links():  # every link is drawn by the link layer, none as an item
        assert scene.link_layer.is_drawn(link.key)
        assert scene.link_item(*link.key) is None
        assert not scene.link_shape(*link.key).path.isEmpty()


def test_dragging_a_card_to_another_cell_moves_it_and_undo_puts_it_back(window):
    journey = window.document.journey
    ads = find(window, "Ads")
    before = journey.position(ads)
    drag(window.view, card_centre(window, ads), cell_centre(window, "purchase", "paid"))
    moved = journey.touchpoint(ads)
    assert (moved.phase, moved.lane) == ("purchase", "paid")
    assert window.document.is_modified
    assert window.view.map_scene().card(ads).pos().x() > card_centre(window, ads).x() - 200
    window.document.undo_stack.undo()
    assert journey.position(ads) == before
    assert not window.document.is_modified


def test_dragging_a_selection_moves_all_cards_as_one_undo_step(window):
    journey = window.document.journey
    ads, influencers = find(window, "Ads"), find(window, "Influencers")
    snapshot = journey.snapshot()
    scene = window.view.map_scene()
    scene.card(ads).setSelected(True)
    scene.card(influencers).setSelected(True)
    drag(window.view, card_centre(window, ads), cell_centre(window, "after", "paid"))
    assert journey.cell("after", "paid") == (ads, influencers)
    assert window.document.undo_stack.count() == 1
    window.document.undo_stack.undo()
    assert journey.snapshot() == snapshot


def test_dropping_outside_the_grid_changes_nothing(window):
    journey = window.document.journey
    ads = find(window, "Ads")
    snapshot = journey.snapshot()
    drag(window.view, card_centre(window, ads), QPointF(-300, -300))
    assert journey.snapshot() == snapshot
    assert window.document.undo_stack.count() == 0
    rect = window.view.map_scene().layout.cards[ads]
    assert window.view.map_scene().card(ads).pos() == QPointF(rect.x, rect.y)


def test_click_selects_and_ctrl_click_extends(window):
    scene = window.view.map_scene()
    ads, website = find(window, "Ads"), find(window, "Website")
    click(window.view, card_centre(window, ads))
    assert scene.selected_touchpoint_ids() == [ads]
    click(window.view, card_centre(window, website), Qt.KeyboardModifier.ControlModifier)
    assert set(scene.selected_touchpoint_ids()) == {ads, website}


def test_delete_removes_cards_with_their_links_and_undo_restores(window):
    journey = window.document.journey
    cart = find(window, "Shopping cart")
    snapshot = journey.snapshot()
    window.view.map_scene().card(cart).setSelected(True)
    window.delete_selection()
    assert cart not in journey
    assert all(cart not in link.key for link in journey.links())
    window.document.undo_stack.undo()
    assert journey.snapshot() == snapshot
    assert window.view.map_scene().card(cart) is not None


def test_title_marks_unsaved_changes(window):
    assert window.windowTitle() == "Online shop: customer journey[*] — tpmapper"
    assert not window.isWindowModified()
    drag(
        window.view, card_centre(window, find(window, "Ads")), cell_centre(window, "after", "paid")
    )
    assert window.isWindowModified()
    window.document.undo_stack.undo()
    assert not window.isWindowModified()


def test_save_and_reopen_shows_the_same_map(window, tmp_path):
    ads = find(window, "Ads")
    drag(window.view, card_centre(window, ads), cell_centre(window, "purchase", "paid"))
    target = tmp_path / "mine.tpmap"
    assert window._save_to(target)
    assert not window.document.is_modified
    assert load(target) == window.document.journey
    assert window.open_path(target) is window  # already open here: brought forward, not reread
    reopened = Document.open(target)
    assert reopened.journey == window.document.journey
    assert reopened.journey.touchpoint(ads).phase == "purchase"
    assert str(target.resolve()) == window.recent.files()[0]


def test_zoom_steps_and_fit(window):
    window.view.reset_zoom()
    window.view.zoom_in()
    assert abs(window.view.zoom - 1.2) < 1e-9
    window.view.zoom_out()
    window.view.zoom_out()
    assert window.view.zoom < 1.0
    window.view.fit()
    bounds = window.view.map_scene().layout.bounds
    visible = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    assert visible.width() >= bounds.width - 1
    assert "%" in window._zoom.text()


def handle(window, touchpoint_id: str) -> QPointF:
    rect = window.view.map_scene().layout.cards[touchpoint_id]
    return QPointF(rect.right, rect.y + rect.height / 2)


def test_dragging_from_a_handle_to_another_card_connects_them(window):
    journey = window.document.journey
    ads, cart = find(window, "Ads"), find(window, "Shopping cart")
    assert not journey.has_link(ads, cart)
    positions = journey.snapshot()[5]
    drag(window.view, handle(window, ads), card_centre(window, cart))
    assert journey.has_link(ads, cart)
    assert journey.snapshot()[5] == positions  # the card did not move
    assert window.document.undo_stack.count() == 1
    assert window.view.map_scene().link_layer.is_drawn((ads, cart))
    window.document.undo_stack.undo()
    assert not journey.has_link(ads, cart)


def test_a_link_dropped_on_empty_space_or_back_on_its_card_adds_nothing(window):
    journey = window.document.journey
    ads = find(window, "Ads")
    links = journey.graph.number_of_edges()
    drag(window.view, handle(window, ads), cell_centre(window, "after", "paid"))
    drag(window.view, handle(window, ads), card_centre(window, ads))
    assert journey.graph.number_of_edges() == links
    assert window.document.undo_stack.count() == 0
    assert all(type(i).__name__ != "QGraphicsPathItem" for i in window.view.map_scene().items())


def test_during_a_drag_links_follow_and_the_target_cell_is_marked(window):
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from tests.ui.conftest import _send

    scene = window.view.map_scene()
    cart = find(window, "Shopping cart")
    key = (cart, find(window, "Product reviews"))
    before = scene.link_shape(*key).bounds
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    start = window.view.mapFromScene(card_centre(window, cart))
    end = window.view.mapFromScene(cell_centre(window, "after", "earned"))
    _send(
        window.view, QEvent.Type.MouseButtonPress, start, left, left, Qt.KeyboardModifier.NoModifier
    )
    for i in range(1, 6):
        point = start + (end - start) * (i / 5)
        _send(window.view, QEvent.Type.MouseMove, point, none, left, Qt.KeyboardModifier.NoModifier)
    QApplication.processEvents()
    assert scene.drop_target == ("after", "earned")
    following = scene.link_item(*key)  # lifted out of the layer while it follows the card
    assert following is not None
    assert following.boundingRect() != before
    assert not scene.link_layer.is_drawn(key)
    _send(
        window.view, QEvent.Type.MouseButtonRelease, end, left, none, Qt.KeyboardModifier.NoModifier
    )
    assert scene.drop_target is None
    assert window.document.journey.touchpoint(cart).phase == "after"
    assert scene.link_item(*key) is None
    assert scene.link_layer.is_drawn(key)
    assert scene.link_shape(*key).bounds != before


def test_double_click_on_a_link_edits_its_label(window, qtbot):
    journey = window.document.journey
    scene = window.view.map_scene()
    middle = scene.link_shape(find(window, "Ads"), find(window, "Website")).path.pointAtPercent(0.5)
    ads, website = scene.link_layer.link_at(middle)  # the topmost link there
    qtbot.mouseDClick(
        window.view.viewport(), Qt.MouseButton.LeftButton, pos=window.view.mapFromScene(middle)
    )
    editor = window.view.name_editor
    assert editor is not None
    editor.setText("Clicks the banner")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert journey.link(ads, website).label == "Clicks the banner"
    window.view.edit_label(ads, website)
    window.view.name_editor.setText("")
    qtbot.keyClick(window.view.name_editor, Qt.Key.Key_Return)
    assert journey.link(ads, website).label == ""
    assert window.document.undo_stack.count() == 2


def test_letting_go_where_the_cards_were_adds_no_undo_step(window):
    ads = find(window, "Ads")
    start = card_centre(window, ads)
    drag(window.view, start, start + QPointF(6, 4))
    assert window.document.undo_stack.count() == 0
    rect = window.view.map_scene().layout.cards[ads]
    assert window.view.map_scene().card(ads).pos() == QPointF(rect.x, rect.y)


def test_far_out_the_overview_replaces_cards_but_keeps_the_selection(window):
    scene = window.view.map_scene()
    ads = find(window, "Ads")
    scene.card(ads).setSelected(True)
    window.view.set_zoom(0.1)
    assert scene.overview.isVisible()
    assert scene.card(ads).effectiveOpacity() == 0.0
    assert scene.selected_touchpoint_ids() == [ads]
    new = scene.add_touchpoint_at(cell_centre(window, "after", "paid"), "Added far out")
    assert scene.card(new).effectiveOpacity() == 0.0  # a card added far out is faded too
    window.view.set_zoom(1.0)
    assert scene.card(new).effectiveOpacity() == 1.0
    assert not scene.overview.isVisible()
    assert scene.card(ads).effectiveOpacity() == 1.0


def test_inspector_edits_repaint_only_the_changed_card(window, monkeypatch):
    scene = window.view.map_scene()
    cart, ads = find(window, "Shopping cart"), find(window, "Ads")
    updated = []
    for tid in (cart, ads):
        item = scene.card(tid)
        monkeypatch.setattr(item, "update", lambda *a, t=tid: updated.append(t))
    from tpmapper.model.edits import UpdateTouchpoint

    window.document.push(UpdateTouchpoint(cart, {"customer_rating": 5}), "rate")
    assert updated == [cart]


def test_in_large_maps_links_of_dragged_cards_hide_until_the_drop(window, monkeypatch):
    from PySide6.QtCore import QEvent

    from tests.ui.conftest import _send
    from tpmapper.ui.canvas import scene as scene_module

    monkeypatch.setattr(scene_module, "FOLLOW_LINKS_UP_TO", 0)
    scene = window.view.map_scene()
    cart = find(window, "Shopping cart")
    key = (cart, find(window, "Product reviews"))
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    no = Qt.KeyboardModifier.NoModifier
    start = window.view.mapFromScene(card_centre(window, cart))
    end = window.view.mapFromScene(cell_centre(window, "after", "earned"))
    _send(window.view, QEvent.Type.MouseButtonPress, start, left, left, no)
    _send(window.view, QEvent.Type.MouseMove, (start + end) / 2, none, left, no)
    assert not scene.link_layer.is_drawn(key)
    assert scene.link_item(*key) is None
    _send(window.view, QEvent.Type.MouseButtonRelease, end, left, none, no)
    assert scene.link_layer.is_drawn(key)
    assert window.document.journey.touchpoint(cart).phase == "after"


def test_clicking_a_link_selects_it_and_delete_removes_it_undoably(window, qtbot):
    journey = window.document.journey
    scene = window.view.map_scene()
    ads, website = find(window, "Ads"), find(window, "Website")
    middle = scene.link_shape(ads, website).path.pointAtPercent(0.5)
    key = scene.link_layer.link_at(middle)
    click(window.view, middle)
    item = scene.link_item(*key)
    assert item is not None
    assert item.isSelected()
    assert not scene.link_layer.is_drawn(key)  # drawn highlighted by its own item instead
    window.delete_selection()
    assert not journey.has_link(*key)
    assert scene.link_item(*key) is None
    assert key not in scene.link_layer.keys()  # noqa: SIM118 - keys() is a list
    window.document.undo_stack.undo()
    assert journey.has_link(*key)
    assert scene.link_layer.is_drawn(key)


def test_clicking_elsewhere_puts_a_selected_link_back_into_the_layer(window):
    scene = window.view.map_scene()
    ads, website = find(window, "Ads"), find(window, "Website")
    scene.select_link(ads, website)
    assert not scene.link_layer.is_drawn((ads, website))
    click(window.view, cell_centre(window, "after", "paid"))
    assert scene.link_item(ads, website) is None
    assert scene.link_layer.is_drawn((ads, website))
    assert scene.selectedItems() == []


def test_the_link_layer_is_never_hit_and_caches_its_pixels(window):
    from PySide6.QtWidgets import QGraphicsItem

    scene = window.view.map_scene()
    layer = scene.link_layer
    ads, website = find(window, "Ads"), find(window, "Website")
    middle = scene.link_shape(ads, website).path.pointAtPercent(0.5)
    assert layer not in scene.items(middle)
    assert layer.cacheMode() == QGraphicsItem.CacheMode.DeviceCoordinateCache


def test_after_a_bulk_sync_the_scene_index_finds_items_without_testing_every_card(window):
    """Qt 6.11 leaves a BSP index switched on over existing items answering every query
    with every item; the scene nudges it. Counted as boundingRect calls per hit test."""
    import cProfile
    import pstats

    from PySide6.QtWidgets import QApplication

    from tpmapper.model.edits import AddTouchpoint, CompositeEdit
    from tpmapper.model.elements import Touchpoint

    journey = window.document.journey
    cells = [(p, lane) for p in journey.phases.ids() for lane in journey.lanes.ids()]
    adds = [
        AddTouchpoint(Touchpoint(id=f"bulk{i}", name=f"Card {i}", phase=p, lane=lane))
        for i, (p, lane) in enumerate(cells * 20)
    ]
    window.document.push(CompositeEdit(adds), "add many")  # a bulk sync: index off and on
    QApplication.processEvents()
    scene = window.view.map_scene()
    target = journey.touchpoints()[-1].id
    rect = scene.layout.cards[target]
    point = QPointF(rect.x + 5, rect.y + 5)
    profiler = cProfile.Profile()
    profiler.runcall(scene.items, point)
    calls = sum(
        count
        for (filename, _line, name), (count, *_rest) in pstats.Stats(profiler).stats.items()
        if name == "boundingRect" and filename.endswith("items.py")
    )
    assert scene.touchpoint_at(point) == target
    assert 0 < calls < 30
