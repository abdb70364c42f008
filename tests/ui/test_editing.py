"""Clipboard, duplicate, arrow-key moves and find: each one undo step, nothing lost."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from tests.ui.test_inspector import select
from tpmapper.files.templates import load_template
from tpmapper.ui.document import Document
from tpmapper.ui.main_window import MainWindow


def test_copy_and_paste_within_a_map(window):
    journey = window.document.journey
    count, links = len(journey), journey.graph.number_of_edges()
    select(window, "Shopping cart", "Product reviews")
    window.copy()
    assert "Shopping cart" in QGuiApplication.clipboard().text()
    window.paste()
    assert len(journey) == count + 2
    assert journey.graph.number_of_edges() == links + 1  # the cart → reviews loop came along
    pasted = window.scene.selected_touchpoint_ids()
    assert sorted(journey.touchpoint(t).name for t in pasted) == [
        "Product reviews",
        "Shopping cart",
    ]
    assert window.document.undo_stack.count() == 1
    window.document.undo_stack.undo()
    assert len(journey) == count


def test_cut_removes_and_paste_brings_back(window):
    journey = window.document.journey
    select(window, "Chatbot")
    window.cut()
    assert "Chatbot" not in [tp.name for tp in journey.touchpoints()]
    window.paste()
    assert "Chatbot" in [tp.name for tp in journey.touchpoints()]


def test_paste_into_another_open_map(window, qtbot, settings):
    other = MainWindow(Document(load_template("three-phase")), settings)
    qtbot.addWidget(other)
    select(window, "Ads")
    window.copy()
    other.paste()
    (pasted,) = other.document.journey.touchpoints()
    assert (pasted.name, pasted.phase, pasted.lane) == ("Ads", "before", "paid")
    other.document.undo_stack.setClean()


def test_paste_ignores_a_clipboard_without_touchpoints(window):
    QGuiApplication.clipboard().setText("just text")
    window.paste()
    assert window.document.undo_stack.count() == 0


def test_duplicate_adds_copies_next_to_the_originals(window):
    journey = window.document.journey
    select(window, "Website")
    window.duplicate()
    names = [journey.touchpoint(t).name for t in journey.cell("before", "owned")]
    assert names.count("Website") == 2


def test_arrow_keys_move_the_selection_to_the_neighbouring_cell(window, qtbot):
    journey = window.document.journey
    (ads,) = select(window, "Ads")
    window.view.setFocus()
    qtbot.keyClick(window.view.viewport(), Qt.Key.Key_Right)
    assert (journey.touchpoint(ads).phase, journey.touchpoint(ads).lane) == ("purchase", "paid")
    qtbot.keyClick(window.view.viewport(), Qt.Key.Key_Down)
    assert journey.touchpoint(ads).lane == "earned"
    qtbot.keyClick(window.view.viewport(), Qt.Key.Key_Down)  # no lane below: nothing happens
    assert journey.touchpoint(ads).lane == "earned"
    assert window.document.undo_stack.count() == 2


def test_find_selects_matching_cards(window):
    window.find_bar.start()
    window.find_bar.field.setText("customer serv")
    names = {
        window.document.journey.touchpoint(t).name for t in window.scene.selected_touchpoint_ids()
    }
    assert names == {"Customer service", "Product reviews", "Chatbot"}  # by name or by owner
    assert window.find_bar.count.text() == "3 found"
    window.find_bar.field.setText("")
    assert window.scene.selected_touchpoint_ids() == []


def test_undo_history_follows_the_document(window):
    select(window, "Ads")
    window.duplicate()
    assert window.history.stack() is window.document.undo_stack
    assert window.history.stack().count() == 1
