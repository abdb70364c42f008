"""The palette: search, drop onto a cell, double-click to add a blank card and name it."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from tests.ui.test_canvas import cell_centre
from tpmapper.model import Channel, Directness, Medium, Ownership
from tpmapper.ui.palette import palette_mime


def drop(window, payload_name: str, presets: dict, at: QPointF) -> bool:
    view = window.view
    point = view.mapFromScene(at)
    data = palette_mime(payload_name, presets)
    for cls in (QDragEnterEvent, QDragMoveEvent):
        event = cls(
            point,
            Qt.DropAction.CopyAction,
            data,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(view.viewport(), event)
    event = QDropEvent(
        QPointF(point),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(view.viewport(), event)
    return event.isAccepted()


def test_search_filters_the_library(window):
    palette = window.palette
    everything = palette.visible_entries()
    assert "Shopping cart" in everything
    assert "AI search" in everything
    palette.search.setText("cart")
    assert palette.visible_entries() == ["Shopping cart"]
    palette.search.setText("")
    assert palette.visible_entries() == everything


def test_a_palette_drop_creates_a_classified_touchpoint_in_that_cell(window):
    journey = window.document.journey
    presets = {
        "channel": "review_portal",
        "ownership": "earned",
        "directness": "indirect",
        "influenceable": False,
        "medium": "digital",
    }
    assert drop(window, "Review portal", presets, cell_centre(window, "after", "earned"))
    (new_id,) = journey.cell("after", "earned")
    tp = journey.touchpoint(new_id)
    assert tp.name == "Review portal"
    assert (tp.channel, tp.ownership, tp.directness, tp.influenceable, tp.medium) == (
        Channel.REVIEW_PORTAL,
        Ownership.EARNED,
        Directness.INDIRECT,
        False,
        Medium.DIGITAL,
    )
    assert window.view.map_scene().selected_touchpoint_ids() == [new_id]
    window.document.undo_stack.undo()
    assert journey.cell("after", "earned") == ()


def test_a_drop_outside_the_grid_or_with_bad_values_is_refused(window):
    journey = window.document.journey
    count = len(journey)
    assert not drop(window, "Ads", {}, QPointF(-250, -250))
    assert not drop(window, "Ads", {"channel": "telepathy"}, cell_centre(window, "after", "paid"))
    assert len(journey) == count


def test_double_click_on_a_cell_adds_a_card_and_naming_it_is_the_same_undo_step(window, qtbot):
    journey = window.document.journey
    view = window.view
    centre = cell_centre(window, "purchase", "paid")  # a link runs down its middle
    spot = next(  # (double-clicking a link edits its label)
        centre + QPointF(dx, 0)
        for dx in (0, 40, -40, 80, -80)
        if view.map_scene().link_layer.link_at(centre + QPointF(dx, 0)) is None
    )
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(spot))
    (new_id,) = journey.cell("purchase", "paid")
    editor = view.name_editor
    assert editor is not None
    assert editor.text() == "New touchpoint"
    editor.setText("Price comparison site")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert journey.touchpoint(new_id).name == "Price comparison site"
    assert window.document.undo_stack.count() == 1
    window.document.undo_stack.undo()
    assert new_id not in journey


def test_escape_cancels_a_rename(window, qtbot):
    journey = window.document.journey
    ads = next(tp for tp in journey.touchpoints() if tp.name == "Ads")
    window.view.edit_name(ads.id)
    editor = window.view.name_editor
    editor.setText("Something else")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert journey.touchpoint(ads.id).name == "Ads"
    assert window.document.undo_stack.count() == 0
