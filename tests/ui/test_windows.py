"""Several maps open at once; unsaved work is never lost on close or quit."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from tests.ui.test_inspector import select
from tpmapper.files.templates import sample_path
from tpmapper.files.tpmap import load, save
from tpmapper.ui.main_window import OPEN_WINDOWS


def test_opening_a_map_beside_an_edited_one_opens_a_second_window(window, tmp_path):
    select(window, "Ads")
    window.duplicate()  # the first window now holds work
    other_file = tmp_path / "other.tpmap"
    save(load(sample_path("de")), other_file)
    other = window.open_path(other_file)
    assert other is not None
    assert other is not window
    assert other in OPEN_WINDOWS
    assert other.document.journey.title == "Onlineshop: Customer Journey"
    assert window.document.undo_stack.count() == 1  # untouched
    # and touchpoints copy between the two open maps
    select(window, "Ads")
    window.copy()
    other.paste()
    assert "Ads" in [tp.name for tp in other.document.journey.touchpoints()]


def test_a_pristine_window_is_reused(window, tmp_path):
    target = tmp_path / "x.tpmap"
    save(load(sample_path("de")), target)
    assert window.open_path(target) is window
    assert window.document.path == target


def test_a_broken_file_is_refused_with_a_message_and_nothing_changes(window, tmp_path, monkeypatch):
    broken = tmp_path / "broken.tpmap"
    broken.write_text("{", encoding="utf-8")
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *args: shown.append(args[2])))
    assert window.open_path(broken) is None
    assert shown == [f"{broken}: the file ends in the middle of the map; it may be truncated"]
    assert window.document.journey.title == "Online shop: customer journey"


def answer(monkeypatch, button):
    asked = []

    def question(*args, **_kwargs):
        asked.append(args[2])
        return button

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_the_window(window, monkeypatch):
    select(window, "Ads")
    window.duplicate()
    asked = answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    assert not window.close()
    assert asked == ["Save the changes to “Online shop: customer journey” before closing?"]
    assert window in OPEN_WINDOWS
    answer(monkeypatch, QMessageBox.StandardButton.Discard)
    assert window.close()
    assert window not in OPEN_WINDOWS


def test_save_from_the_prompt_writes_the_file(window, monkeypatch, tmp_path):
    target = tmp_path / "kept.tpmap"
    window.document.save(target)
    select(window, "Ads")
    window.duplicate()
    answer(monkeypatch, QMessageBox.StandardButton.Save)
    assert window.close()
    assert [tp.name for tp in load(target).touchpoints()].count("Ads") == 2


def test_quit_stops_at_the_first_window_that_refuses(window, monkeypatch, tmp_path):
    select(window, "Ads")
    window.duplicate()
    target = tmp_path / "second.tpmap"
    save(load(sample_path("en")), target)
    second = window.open_path(target)
    assert second is not window
    answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    window.quit_all()
    assert window in OPEN_WINDOWS  # refused: the quit stops here
