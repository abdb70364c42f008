"""The inspector: edits reach the model and the card, one undo step per field edit.

Driven as a user does: cards clicked on the canvas, fields typed into, items picked from
the drop-downs, persona ticks toggled with the keyboard, buttons clicked.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication, QFormLayout, QGroupBox, QLineEdit

from tests.ui.conftest import click as click_canvas
from tests.ui.driving import click, press, press_button, type_text
from tpmapper.model import Channel

CTRL = Qt.KeyboardModifier.ControlModifier


def select(window, *names: str) -> list[str]:
    """Click the cards with these names (Ctrl+click for more than one)."""
    journey = window.document.journey
    ids = [tp.id for tp in journey.touchpoints() if tp.name in names]
    layout = window.view.map_scene().layout
    for n, tid in enumerate(ids):
        centre = QPointF(*layout.cards[tid].center)
        click_canvas(window.view, centre, CTRL if n else Qt.KeyboardModifier.NoModifier)
    assert window.scene.selected_touchpoint_ids() == ids
    return ids


def pick(qtbot, combo, data) -> None:
    """Open the drop-down and click the entry holding `data`."""
    qtbot.mouseClick(combo, Qt.MouseButton.LeftButton)
    view = combo.view()
    qtbot.waitUntil(view.isVisible, timeout=2000)
    index = view.model().index(combo.findData(data), 0)
    view.scrollTo(index)
    qtbot.wait(QApplication.doubleClickInterval() + 50)  # the popup ignores a release sooner
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )
    qtbot.waitUntil(lambda: combo.currentData() == data, timeout=2000)


def type_into(qtbot, edit: QLineEdit, text: str, key=Qt.Key.Key_Return) -> None:
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
    press(qtbot, edit, "Ctrl+A")
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, key)


def test_selection_shows_its_fields(window):
    select(window, "Shopping cart")
    fields = window.inspector.fields
    assert fields["name"].widget.text() == "Shopping cart"
    assert fields["customer_rating"].widget.currentData() == 2
    assert fields["conversion_rate"].widget.text() == "31.3"
    assert fields["channel"].widget.currentData() is Channel.ONLINE_SHOP


def test_choosing_a_rating_updates_model_and_card_in_one_step(window, qtbot):
    (cart,) = select(window, "Shopping cart")
    pick(qtbot, window.inspector.fields["customer_rating"].widget, 4)
    assert window.document.journey.touchpoint(cart).customer_rating == 4
    assert window.document.undo_stack.count() == 1
    press(qtbot, window, "Ctrl+Z")
    assert window.document.journey.touchpoint(cart).customer_rating == 2
    assert window.inspector.fields["customer_rating"].widget.currentData() == 2  # refreshed


def test_typing_a_name_is_one_undo_step(window, qtbot):
    (cart,) = select(window, "Shopping cart")
    edit = window.inspector.fields["name"].widget
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
    press(qtbot, edit, "Ctrl+A")
    qtbot.keyClicks(edit, "Basket")
    assert window.document.journey.touchpoint(cart).name == "Shopping cart"  # not yet
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert window.document.journey.touchpoint(cart).name == "Basket"
    assert window.document.undo_stack.count() == 1


def test_a_field_set_on_several_cards_sets_all_in_one_step(window, qtbot):
    ids = select(window, "Ads", "Influencers", "Website")
    owner = window.inspector.fields["owner"].widget
    assert owner.text() == ""
    assert owner.placeholderText() == "(several values)"
    type_into(qtbot, owner, "Brand team")
    journey = window.document.journey
    assert {journey.touchpoint(t).owner for t in ids} == {"Brand team"}
    assert window.document.undo_stack.count() == 1
    press(qtbot, window, "Ctrl+Z")
    assert journey.touchpoint(ids[0]).owner != "Brand team"


def test_percent_fields_store_fractions_and_refuse_nonsense(window, qtbot, dialogs):
    (cart,) = select(window, "Shopping cart")
    field = window.inspector.fields["conversion_rate"].widget
    type_into(qtbot, field, "45 %")
    assert window.document.journey.touchpoint(cart).conversion_rate == pytest.approx(0.45)
    dialogs.answer(press_button("OK"))
    type_into(qtbot, field, "lots")
    qtbot.waitUntil(lambda: not dialogs.expected)
    assert "“lots” is not a number." in dialogs.answered[0]
    assert window.document.journey.touchpoint(cart).conversion_rate == pytest.approx(0.45)
    dialogs.answer(press_button("OK"))
    type_into(qtbot, field, "250")
    qtbot.waitUntil(lambda: not dialogs.expected)
    assert "Conversion rate: 2.5 is outside 0–1" in dialogs.answered[1]
    assert window.document.journey.touchpoint(cart).conversion_rate == pytest.approx(0.45)
    assert field.text() == "45"  # the field shows the map's value again
    assert window.document.undo_stack.count() == 1


def test_a_pasted_control_character_is_refused_once_and_the_field_restored(window, qtbot, dialogs):
    (cart,) = select(window, "Shopping cart")
    owner = window.inspector.fields["owner"].widget
    qtbot.mouseClick(owner, Qt.MouseButton.LeftButton)
    owner.insert("\x1b[31m")  # as a paste from a terminal would
    dialogs.answer(press_button("OK"))
    qtbot.keyClick(owner, Qt.Key.Key_Tab)  # leaving the field commits it
    qtbot.waitUntil(lambda: not dialogs.expected)
    qtbot.wait(50)  # a second box would have opened by now
    assert len(dialogs.answered) == 1
    assert "control character" in dialogs.answered[0]
    assert owner.text() == window.document.journey.touchpoint(cart).owner
    assert window.document.undo_stack.count() == 0


def test_owner_field_completes_from_owners_in_the_map(window):
    select(window, "Ads")
    model = window.inspector.owner_completer.model()
    owners = [model.index(i, 0).data() for i in range(model.rowCount())]
    assert "Customer service" in owners
    assert "Web design" in owners


def test_no_selection_edits_map_properties(window, qtbot):
    window.scene.clearSelection()
    type_into(qtbot, window.inspector.map_title, "Shop 2027")
    assert window.document.journey.title == "Shop 2027"
    assert window.windowTitle().startswith("Shop 2027")
    press(qtbot, window, "Ctrl+Z")
    assert window.document.journey.title == "Online shop: customer journey"


def test_leaving_a_mixed_field_untouched_changes_nothing(window, qtbot):
    ids = select(window, "Ads", "Influencers", "Website")
    owner = window.inspector.fields["owner"].widget
    owners = [window.document.journey.touchpoint(t).owner for t in ids]
    qtbot.mouseClick(owner, Qt.MouseButton.LeftButton)
    qtbot.keyClick(owner, Qt.Key.Key_Tab)  # focus leaves without typing
    assert [window.document.journey.touchpoint(t).owner for t in ids] == owners
    assert window.document.undo_stack.count() == 0


def test_another_card_starts_at_the_top_and_the_fields_line_up(window, qtbot):
    select(window, "Shopping cart")
    page = window.inspector._touchpoint_page
    window.inspector_dock.widget().resize(400, 300)  # a short dock: the page scrolls
    qtbot.waitUntil(lambda: page.verticalScrollBar().maximum() > 0)
    page.verticalScrollBar().setValue(page.verticalScrollBar().maximum())
    select(window, "Website")
    assert page.verticalScrollBar().value() == 0  # Name and Owner in view
    lefts = set()
    for box in page.widget().findChildren(QGroupBox):
        form = box.layout()
        assert isinstance(form, QFormLayout)
        field = form.itemAt(0, QFormLayout.ItemRole.FieldRole).widget()
        lefts.add(field.mapTo(page.widget(), field.rect().topLeft()).x())
    assert len(lefts) == 1, f"the fields start at {sorted(lefts)}"


def persona_states(window) -> dict[str, Qt.CheckState]:
    box = window.inspector.personas
    return {box.item(i).text(): box.item(i).checkState() for i in range(box.count())}


def toggle_persona(qtbot, window, row: int) -> None:
    """Click the persona's row, then Space ticks or unticks it."""
    box = window.inspector.personas
    rect = box.visualItemRect(box.item(row))
    qtbot.mouseClick(box.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(box, Qt.Key.Key_Space)


def test_personas_show_and_set_for_the_selection(window, qtbot):
    journey = window.document.journey
    ids = select(window, "Ads", "Influencers")  # Ads serves both personas, Influencers one
    assert persona_states(window) == {
        "Bargain hunter": Qt.CheckState.PartiallyChecked,
        "Busy professional": Qt.CheckState.Checked,
    }
    toggle_persona(qtbot, window, 0)
    assert all("bargain-hunter" in journey.touchpoint(t).personas for t in ids)
    toggle_persona(qtbot, window, 1)
    assert all("busy-professional" not in journey.touchpoint(t).personas for t in ids)
    assert window.document.undo_stack.count() == 2
    press(qtbot, window, "Ctrl+Z")
    press(qtbot, window, "Ctrl+Z")
    assert persona_states(window)["Bargain hunter"] == Qt.CheckState.PartiallyChecked


def test_map_properties_manage_personas(window, qtbot, dialogs):
    journey = window.document.journey
    window.scene.clearSelection()
    editor = window.inspector.persona_editor
    assert [editor.list.item(i).text() for i in range(editor.list.count())] == [
        "Bargain hunter   (10)",
        "Busy professional   (11)",
    ]
    dialogs.answer(type_text("Family buyer"))
    click(qtbot, editor.buttons["add"])  # after the selected one
    assert [p.name for p in journey.personas] == [
        "Bargain hunter",
        "Family buyer",
        "Busy professional",
    ]
    dialogs.answer(type_text("Families"))
    click(qtbot, editor.buttons["rename"])
    click(qtbot, editor.buttons["down"])
    assert [p.name for p in journey.personas] == ["Bargain hunter", "Busy professional", "Families"]
    click(qtbot, editor.buttons["up"])
    click(qtbot, editor.buttons["down"])
    first = editor.list.visualItemRect(editor.list.item(0)).center()
    qtbot.mouseClick(editor.list.viewport(), Qt.MouseButton.LeftButton, pos=first)
    dialogs.answer(press_button("Yes"))
    click(qtbot, editor.buttons["remove"])
    assert "10 touchpoints serve “Bargain hunter”" in dialogs.answered[-1]
    assert "bargain-hunter" not in journey.personas
    assert all("bargain-hunter" not in tp.personas for tp in journey.touchpoints())
    assert window.document.undo_stack.count() == 6
    press(qtbot, window, "Ctrl+Z")
    assert sum("bargain-hunter" in tp.personas for tp in journey.touchpoints()) == 10
