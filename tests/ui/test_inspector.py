"""The inspector: edits reach the model and the card, one undo step per field edit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tpmapper.model import Channel


def select(window, *names: str) -> list[str]:
    journey = window.document.journey
    ids = [tp.id for tp in journey.touchpoints() if tp.name in names]
    window.scene.clearSelection()
    for tid in ids:
        window.scene.card(tid).setSelected(True)
    return ids


def choose(combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data))
    combo.activated.emit(combo.currentIndex())


def test_selection_shows_its_fields(window):
    select(window, "Shopping cart")
    fields = window.inspector.fields
    assert fields["name"].widget.text() == "Shopping cart"
    assert fields["customer_rating"].widget.currentData() == 2
    assert fields["conversion_rate"].widget.text() == "31.3"
    assert fields["channel"].widget.currentData() is Channel.ONLINE_SHOP


def test_choosing_a_rating_updates_model_and_card_in_one_step(window):
    (cart,) = select(window, "Shopping cart")
    choose(window.inspector.fields["customer_rating"].widget, 4)
    assert window.document.journey.touchpoint(cart).customer_rating == 4
    assert window.document.undo_stack.count() == 1
    window.document.undo_stack.undo()
    assert window.document.journey.touchpoint(cart).customer_rating == 2
    assert window.inspector.fields["customer_rating"].widget.currentData() == 2  # refreshed


def test_typing_a_name_is_one_undo_step(window, qtbot):
    (cart,) = select(window, "Shopping cart")
    edit = window.inspector.fields["name"].widget
    edit.selectAll()
    qtbot.keyClicks(edit, "Basket")
    assert window.document.journey.touchpoint(cart).name == "Shopping cart"  # not yet
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert window.document.journey.touchpoint(cart).name == "Basket"
    assert window.document.undo_stack.count() == 1


def test_a_field_set_on_several_cards_sets_all_in_one_step(window):
    ids = select(window, "Ads", "Influencers", "Website")
    owner = window.inspector.fields["owner"].widget
    assert owner.text() == ""
    assert owner.placeholderText() == "(several values)"
    owner.setText("Brand team")
    owner.setModified(True)  # as typing does
    owner.editingFinished.emit()
    journey = window.document.journey
    assert {journey.touchpoint(t).owner for t in ids} == {"Brand team"}
    assert window.document.undo_stack.count() == 1
    window.document.undo_stack.undo()
    assert journey.touchpoint(ids[0]).owner != "Brand team"


def test_percent_fields_store_fractions_and_refuse_nonsense(window):
    (cart,) = select(window, "Shopping cart")
    field = window.inspector.fields["conversion_rate"].widget
    field.setText("45 %")
    field.setModified(True)
    field.editingFinished.emit()
    assert window.document.journey.touchpoint(cart).conversion_rate == pytest.approx(0.45)
    field.setText("lots")
    field.setModified(True)
    field.editingFinished.emit()
    assert window.document.journey.touchpoint(cart).conversion_rate == pytest.approx(0.45)
    assert "not a number" in window.inspector._error.text()
    field.setText("250")
    field.setModified(True)
    field.editingFinished.emit()
    assert window.document.journey.touchpoint(cart).conversion_rate == pytest.approx(0.45)
    assert "outside 0–1" in window.inspector._error.text()


def test_owner_field_completes_from_owners_in_the_map(window):
    select(window, "Ads")
    model = window.inspector.owner_completer.model()
    owners = [model.index(i, 0).data() for i in range(model.rowCount())]
    assert "Customer service" in owners
    assert "Web design" in owners


def test_no_selection_edits_map_properties(window):
    window.scene.clearSelection()
    window.inspector.map_title.setText("Shop 2027")
    window.inspector.map_title.setModified(True)
    window.inspector.map_title.editingFinished.emit()
    assert window.document.journey.title == "Shop 2027"
    assert window.windowTitle().startswith("Shop 2027")
    window.document.undo_stack.undo()
    assert window.document.journey.title == "Online shop: customer journey"


def test_leaving_a_mixed_field_untouched_changes_nothing(window, qtbot):
    ids = select(window, "Ads", "Influencers", "Website")
    owner = window.inspector.fields["owner"].widget
    owners = [window.document.journey.touchpoint(t).owner for t in ids]
    owner.setFocus()
    owner.editingFinished.emit()  # focus leaves without typing
    assert [window.document.journey.touchpoint(t).owner for t in ids] == owners
    assert window.document.undo_stack.count() == 0


def persona_states(window) -> dict[str, Qt.CheckState]:
    box = window.inspector.personas
    return {box.item(i).text(): box.item(i).checkState() for i in range(box.count())}


def test_personas_show_and_set_for_the_selection(window):
    journey = window.document.journey
    ids = select(window, "Ads", "Influencers")  # Ads serves both personas, Influencers one
    assert persona_states(window) == {
        "Bargain hunter": Qt.CheckState.PartiallyChecked,
        "Busy professional": Qt.CheckState.Checked,
    }
    window.inspector.personas.item(0).setCheckState(Qt.CheckState.Checked)
    assert all("bargain-hunter" in journey.touchpoint(t).personas for t in ids)
    window.inspector.personas.item(1).setCheckState(Qt.CheckState.Unchecked)
    assert all("busy-professional" not in journey.touchpoint(t).personas for t in ids)
    assert window.document.undo_stack.count() == 2
    window.document.undo_stack.undo()
    window.document.undo_stack.undo()
    assert persona_states(window)["Bargain hunter"] == Qt.CheckState.PartiallyChecked


def test_map_properties_manage_personas(window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    journey = window.document.journey
    window.scene.clearSelection()
    editor = window.inspector.persona_editor
    assert [editor.list.item(i).text() for i in range(editor.list.count())] == [
        "Bargain hunter   (10)",
        "Busy professional   (11)",
    ]
    editor.add("Family buyer")  # after the selected one
    assert [p.name for p in journey.personas] == [
        "Bargain hunter",
        "Family buyer",
        "Busy professional",
    ]
    editor.list.setCurrentRow(1)
    editor.rename("Families")
    editor.move(1)
    assert [p.name for p in journey.personas] == ["Bargain hunter", "Busy professional", "Families"]
    editor.list.setCurrentRow(0)
    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        staticmethod(lambda *a, **_k: asked.append(a[2]) or QMessageBox.StandardButton.Yes),
    )
    editor.remove()
    assert asked == ["10 touchpoints serve “Bargain hunter”. Remove the persona from them too?"]
    assert "bargain-hunter" not in journey.personas
    assert all("bargain-hunter" not in tp.personas for tp in journey.touchpoints())
    assert window.document.undo_stack.count() == 4
    window.document.undo_stack.undo()
    assert sum("bargain-hunter" in tp.personas for tp in journey.touchpoints()) == 10
