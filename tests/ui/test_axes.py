"""Phases and lanes: add, rename, recolour, reorder, remove (saying what happens); all undoable.

Driven as a user does: Ctrl+Shift+L opens the dialog, buttons are clicked, the dialogs they
open are answered, rows are chosen by clicking them.
"""

from __future__ import annotations

import shutil

import pytest
import shiboken6
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication, QPushButton

from tests.ui.conftest import drag
from tests.ui.driving import (
    choose,
    click,
    pick_colour,
    pick_file,
    press,
    press_button,
    type_text,
)
from tpmapper.files.templates import sample_path
from tpmapper.render.painters import qrect
from tpmapper.ui.axes_dialog import AxesDialog


@pytest.fixture
def dialog(window, qtbot):
    press(qtbot, window, "Ctrl+Shift+L")
    found = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, AxesDialog) and w.isVisible()
    ]
    assert len(found) == 1
    yield found[0]
    if shiboken6.isValid(found[0]):
        found[0].close()


def choose_row(qtbot, editor, name: str) -> None:
    """Click the row of the list that shows `name` (on its tab, clicked first)."""
    if not editor.isVisible():
        tabs = editor.parentWidget().parentWidget()  # the QTabWidget around the page stack
        bar = tabs.tabBar()
        index = tabs.indexOf(editor)
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
        assert editor.isVisible()
    for row in range(editor.list.count()):
        item = editor.list.item(row)
        if item.text().split("   (")[0] == name:
            rect = editor.list.visualItemRect(item)
            qtbot.mouseClick(editor.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            assert editor.list.currentRow() == row
            return
    raise AssertionError(f"no row {name!r}")


def names(elements) -> list[str]:
    return [element.name for element in elements]


def test_add_rename_recolour_and_reorder_phases_each_one_undo_step(window, dialog, qtbot, dialogs):
    journey = window.document.journey
    phases = dialog.phases
    choose_row(qtbot, phases, "Purchase")
    dialogs.answer(type_text("Delivery"))
    click(qtbot, phases.buttons["add"])
    assert names(journey.phases) == ["Before purchase", "Purchase", "Delivery", "After purchase"]
    assert phases.list.currentItem().text().startswith("Delivery")  # the new row is chosen
    dialogs.answer(type_text("Delivery and returns"))
    click(qtbot, phases.buttons["rename"])
    dialogs.answer(pick_colour("#123456"))
    click(qtbot, phases.buttons["colour"])
    click(qtbot, phases.buttons["down"])
    assert names(journey.phases) == [
        "Before purchase",
        "Purchase",
        "After purchase",
        "Delivery and returns",
    ]
    assert journey.phases.at(3).colour == "#123456"
    assert window.document.undo_stack.count() == 4
    assert window.view.map_scene().layout.phase_ids == journey.phases.ids()  # the canvas followed
    click(qtbot, phases.buttons["up"])
    assert names(journey.phases)[2] == "Delivery and returns"
    for _ in range(5):  # the dialog keeps the keyboard: its Ctrl+Z undoes the map too
        press(qtbot, dialog, "Ctrl+Z")
    assert names(journey.phases) == ["Before purchase", "Purchase", "After purchase"]


def test_cancelled_dialogs_and_empty_names_change_nothing(window, dialog, qtbot, dialogs):
    journey = window.document.journey
    dialogs.answer(press_button("Cancel"))
    click(qtbot, dialog.phases.buttons["colour"])
    choose_row(qtbot, dialog.lanes, "Paid")
    dialogs.answer(type_text("Partners", accept=False))
    click(qtbot, dialog.lanes.buttons["add"])
    dialogs.answer(type_text("   "))
    click(qtbot, dialog.lanes.buttons["add"])
    dialogs.answer(type_text("Paid"))  # unchanged
    click(qtbot, dialog.lanes.buttons["rename"])
    assert names(journey.lanes) == ["Owned", "Paid", "Earned"]
    assert window.document.undo_stack.count() == 0


def test_a_refused_name_is_explained_and_changes_nothing(window, dialog, qtbot, dialogs):
    journey = window.document.journey
    choose_row(qtbot, dialog.lanes, "Paid")
    dialogs.answer(type_text("Bad\x01name"), press_button("OK"))
    click(qtbot, dialog.lanes.buttons["rename"])
    qtbot.waitUntil(lambda: not dialogs.expected)
    assert "control character" in dialogs.answered[-1]
    assert names(journey.lanes) == ["Owned", "Paid", "Earned"]
    assert window.document.undo_stack.count() == 0


def test_the_list_shows_counts_and_follows_undo(window, dialog, qtbot, dialogs):
    choose_row(qtbot, dialog.lanes, "Owned")
    texts = [dialog.lanes.list.item(i).text() for i in range(dialog.lanes.list.count())]
    assert texts == ["Owned   (9)", "Paid   (2)", "Earned   (3)"]
    dialogs.answer(type_text("Partners"))
    click(qtbot, dialog.lanes.buttons["add"])
    assert dialog.lanes.list.count() == 4
    assert names(window.document.journey.lanes) == ["Owned", "Partners", "Paid", "Earned"]
    click(qtbot, dialog.lanes.buttons["down"])
    click(qtbot, dialog.lanes.buttons["down"])
    click(qtbot, dialog.lanes.buttons["up"])
    assert names(window.document.journey.lanes) == ["Owned", "Paid", "Partners", "Earned"]
    for _ in range(3):
        press(qtbot, dialog, "Ctrl+Z")
    press(qtbot, dialog, "Ctrl+Z")
    assert dialog.lanes.list.count() == 3
    press(qtbot, dialog, "Ctrl+Y")
    assert dialog.lanes.list.count() == 4


def test_removing_a_phase_can_move_its_touchpoints_to_the_neighbour(window, dialog, qtbot, dialogs):
    journey = window.document.journey
    choose_row(qtbot, dialog.phases, "Purchase")
    dialogs.answer(press_button("Move them to “Before purchase”"))
    click(qtbot, dialog.phases.buttons["remove"])
    assert "holds 4 touchpoints with" in dialogs.answered[0]
    assert "purchase" not in journey.phases
    assert len(journey) == 14
    assert len(journey.in_phase("before")) == 11
    press(qtbot, dialog, "Ctrl+Z")
    assert len(journey.in_phase("purchase")) == 4


def test_removing_a_lane_with_its_touchpoints_and_undo(window, dialog, qtbot, dialogs):
    journey = window.document.journey
    snapshot = journey.snapshot()
    choose_row(qtbot, dialog.lanes, "Earned")
    dialogs.answer(press_button("Remove them too"))
    click(qtbot, dialog.lanes.buttons["remove"])
    assert len(journey) == 11
    assert "earned" not in journey.lanes
    press(qtbot, dialog, "Ctrl+Z")
    assert journey.snapshot() == snapshot


def test_cancel_removes_nothing_and_the_last_lane_stays(window, dialog, qtbot, dialogs):
    journey = window.document.journey
    choose_row(qtbot, dialog.lanes, "Paid")
    dialogs.answer(press_button("Cancel"))
    click(qtbot, dialog.lanes.buttons["remove"])
    assert "paid" in journey.lanes
    for name in ("Owned", "Paid"):
        choose_row(qtbot, dialog.lanes, name)
        dialogs.answer(press_button("Remove them too"))
        click(qtbot, dialog.lanes.buttons["remove"])
    assert len(journey.lanes) == 1
    assert not dialog.lanes.buttons["remove"].isEnabled()


def test_the_close_button_closes_the_dialog(window, dialog, qtbot):
    close = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Close")
    click(qtbot, close)
    assert not dialog.isVisible()


def header_point(window, axis: str, index: int) -> QPointF:
    layout = window.view.map_scene().layout
    rect = layout.phase_header(index) if axis == "phase" else layout.lane_header(index)
    return QPointF(*rect.center)


def test_dragging_a_phase_header_reorders_phases(window, qtbot):
    window.view.horizontalScrollBar().setValue(window.view.horizontalScrollBar().minimum())
    window.view.verticalScrollBar().setValue(window.view.verticalScrollBar().minimum())
    press(qtbot, window, "Ctrl+9")
    journey = window.document.journey
    drag(window.view, header_point(window, "phase", 0), header_point(window, "phase", 2))
    assert journey.phases.ids() == ["purchase", "after", "before"]
    assert window.document.undo_stack.count() == 1
    drag(window.view, header_point(window, "lane", 2), header_point(window, "lane", 0))
    assert journey.lanes.ids() == ["earned", "owned", "paid"]
    press(qtbot, window, "Ctrl+Z")
    press(qtbot, window, "Ctrl+Z")
    assert journey.phases.ids() == ["before", "purchase", "after"]


def test_double_click_on_a_lane_header_renames_it(window, qtbot):
    press(qtbot, window, "Ctrl+9")
    point = window.view.mapFromScene(header_point(window, "lane", 1))
    qtbot.mouseDClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    editor = window.view.name_editor
    assert editor is not None
    assert editor.text() == "Paid"
    header = window.view.mapFromScene(qrect(window.view.map_scene().layout.lane_header(1)))
    assert header.boundingRect().contains(editor.geometry().center())  # over its header
    editor.selectAll()
    qtbot.keyClicks(editor, "Paid media")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert window.document.journey.lanes["paid"].name == "Paid media"


@pytest.mark.parametrize("zoom_keys", ["Ctrl+9", "Ctrl+0"])
def test_the_phase_rename_editor_opens_over_its_header(window, qtbot, zoom_keys):
    press(qtbot, window, zoom_keys)
    for index in range(3):
        point = window.view.mapFromScene(header_point(window, "phase", index))
        if not window.view.viewport().rect().contains(point):
            continue
        qtbot.mouseDClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
        editor = window.view.name_editor
        assert editor.geometry().contains(point), (editor.geometry(), point)
        qtbot.keyClick(editor, Qt.Key.Key_Escape)
        assert not editor.isVisible()


def test_a_refused_rename_in_place_closes_the_editor_and_says_why(window, qtbot, dialogs):
    press(qtbot, window, "Ctrl+9")
    point = window.view.mapFromScene(header_point(window, "phase", 1))
    qtbot.mouseDClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    editor = window.view.name_editor
    editor.selectAll()
    editor.insert("Kauf\x07")  # as a paste would put it there
    dialogs.answer(press_button("OK"))
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert not editor.isVisible()
    qtbot.waitUntil(lambda: not dialogs.expected)
    assert "control character" in dialogs.answered[0]
    assert window.document.journey.phases["purchase"].name == "Purchase"
    assert window.document.undo_stack.count() == 0


def visible_axes_dialogs() -> list[AxesDialog]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, AxesDialog) and w.isVisible()
    ]


def test_phases_and_lanes_comes_forward_and_follows_the_open_map(window, qtbot, dialogs, tmp_path):
    press(qtbot, window, "Ctrl+Shift+L")
    press(qtbot, window, "Ctrl+Shift+L")
    assert len(visible_axes_dialogs()) == 1  # brought forward, not opened twice
    copy = tmp_path / "shop.tpmap"
    shutil.copy(sample_path("en"), copy)
    dialogs.answer(pick_file(copy))
    choose(qtbot, window, "File", "Open…")  # the untouched sample gives way to the file
    assert window.document.path == copy
    assert visible_axes_dialogs() == []  # it edited the map that went away
    press(qtbot, window, "Ctrl+Shift+L")
    (dialog,) = visible_axes_dialogs()
    dialogs.answer(type_text("Delivery"))
    click(qtbot, dialog.phases.buttons["add"])
    assert "Delivery" in names(window.document.journey.phases)
