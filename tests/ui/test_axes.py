"""Phases and lanes: add, rename, recolour, reorder, remove (saying what happens); all undoable."""

from __future__ import annotations

import pytest


@pytest.fixture
def dialog(window):
    dialog = window.edit_axes()
    yield dialog
    dialog.close()


def select_row(editor, name: str) -> None:
    ids = editor.items.ids()
    row = next(i for i, item_id in enumerate(ids) if editor.items[item_id].name == name)
    editor.list.setCurrentRow(row)


def test_add_rename_recolour_and_reorder_phases_each_one_undo_step(window, dialog):
    journey = window.document.journey
    phases = dialog.phases
    select_row(phases, "Purchase")
    phases.add("Delivery")
    assert [p.name for p in journey.phases] == [
        "Before purchase",
        "Purchase",
        "Delivery",
        "After purchase",
    ]
    select_row(phases, "Delivery")
    phases.rename("Delivery and returns")
    phases.recolour("#123456")
    phases.move(1)
    names = [p.name for p in journey.phases]
    assert names == ["Before purchase", "Purchase", "After purchase", "Delivery and returns"]
    assert journey.phases.at(3).colour == "#123456"
    assert window.document.undo_stack.count() == 4
    assert window.view.map_scene().layout.phase_ids == journey.phases.ids()  # the canvas followed
    for _ in range(4):
        window.document.undo_stack.undo()
    assert [p.name for p in journey.phases] == ["Before purchase", "Purchase", "After purchase"]


def test_the_list_shows_counts_and_follows_undo(window, dialog):
    texts = [dialog.lanes.list.item(i).text() for i in range(dialog.lanes.list.count())]
    assert texts == ["Owned   (9)", "Paid   (2)", "Earned   (3)"]
    dialog.lanes.add("Partners")
    assert dialog.lanes.list.count() == 4
    window.document.undo_stack.undo()
    assert dialog.lanes.list.count() == 3


def test_removing_a_phase_can_move_its_touchpoints_to_the_neighbour(window, dialog):
    journey = window.document.journey
    select_row(dialog.phases, "Purchase")
    dialog.phases.remove("move")
    assert "purchase" not in journey.phases
    assert len(journey) == 14
    assert len(journey.in_phase("before")) == 11
    window.document.undo_stack.undo()
    assert len(journey.in_phase("purchase")) == 4


def test_removing_a_lane_with_its_touchpoints_and_undo(window, dialog):
    journey = window.document.journey
    snapshot = journey.snapshot()
    select_row(dialog.lanes, "Earned")
    dialog.lanes.remove("remove")
    assert len(journey) == 11
    assert "earned" not in journey.lanes
    window.document.undo_stack.undo()
    assert journey.snapshot() == snapshot


def test_cancel_removes_nothing_and_the_last_lane_stays(window, dialog):
    journey = window.document.journey
    select_row(dialog.lanes, "Paid")
    dialog.lanes.remove("cancel")
    assert "paid" in journey.lanes
    for name in ("Owned", "Paid"):
        select_row(dialog.lanes, name)
        dialog.lanes.remove("remove")
    assert len(journey.lanes) == 1
    assert not dialog.lanes.buttons["remove"].isEnabled()


def header_point(window, axis: str, index: int):
    from PySide6.QtCore import QPointF

    layout = window.view.map_scene().layout
    rect = layout.phase_header(index) if axis == "phase" else layout.lane_header(index)
    return QPointF(*rect.center)


def test_dragging_a_phase_header_reorders_phases(window):
    from tests.ui.conftest import drag

    window.view.horizontalScrollBar().setValue(window.view.horizontalScrollBar().minimum())
    window.view.verticalScrollBar().setValue(window.view.verticalScrollBar().minimum())
    window.view.fit()
    journey = window.document.journey
    drag(window.view, header_point(window, "phase", 0), header_point(window, "phase", 2))
    assert journey.phases.ids() == ["purchase", "after", "before"]
    assert window.document.undo_stack.count() == 1
    drag(window.view, header_point(window, "lane", 2), header_point(window, "lane", 0))
    assert journey.lanes.ids() == ["earned", "owned", "paid"]
    window.document.undo_stack.undo()
    window.document.undo_stack.undo()
    assert journey.phases.ids() == ["before", "purchase", "after"]


def test_double_click_on_a_lane_header_renames_it(window, qtbot):
    from PySide6.QtCore import Qt

    window.view.fit()
    point = window.view.mapFromScene(header_point(window, "lane", 1))
    qtbot.mouseDClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    editor = window.view.name_editor
    assert editor is not None
    assert editor.text() == "Paid"
    editor.setText("Paid media")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert window.document.journey.lanes["paid"].name == "Paid media"
