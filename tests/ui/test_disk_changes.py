"""The map's file changed on disk while it is open: a bar offers Reload (one undo step) or
Keep Mine; saving over such a file asks first; our own saves never count."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from tests.ui.driving import click, press, press_button
from tests.ui.trust_support import close_all_windows, open_window, shop_file
from tpmapper.files import tpmap
from tpmapper.model.edits import UpdateMap
from tpmapper.ui.main_window import MainWindow


@pytest.fixture
def shop_window(qtbot, settings, tmp_path) -> Iterator[MainWindow]:
    window = open_window(qtbot, settings, shop_file(tmp_path))
    yield window
    close_all_windows()


def another_tool_writes(path: Path, title: str) -> None:
    """As an editor or `git checkout` does: a new file renamed over the old one."""
    journey = tpmap.load(path)
    UpdateMap(title=title).apply(journey)
    temporary = path.with_name("incoming.tmp")
    temporary.write_bytes(tpmap.dumps(journey))
    os.replace(temporary, path)


def bar_of(window: MainWindow):
    return window.trust.disk.bar


def title_of(window: MainWindow) -> str:
    return window.document.journey.title


def test_a_change_on_disk_is_shown_and_reload_is_one_undoable_step(qtbot, shop_window):
    path = shop_window.document.path
    shop_window.document.push(UpdateMap(title="Mine, unsaved"), "Rename map")
    another_tool_writes(path, "Theirs")
    bar = bar_of(shop_window)
    qtbot.waitUntil(bar.isVisible, timeout=3000)
    assert bar.message.text() == "“shop.tpmap” changed on disk."
    assert bar.geometry().bottom() < shop_window.view.geometry().top()  # above the canvas

    click(qtbot, bar.reload_button)
    assert not bar.isVisible()
    assert title_of(shop_window) == "Theirs"
    assert not shop_window.document.is_modified  # the map is as on disk
    assert shop_window.document.undo_stack.undoText() == "Reload from disk"
    press(qtbot, shop_window, "Ctrl+Z")
    assert title_of(shop_window) == "Mine, unsaved"  # the version I had
    assert shop_window.document.is_modified
    press(qtbot, shop_window, "Ctrl+Shift+Z")
    assert title_of(shop_window) == "Theirs"
    assert tpmap.dumps(shop_window.document.journey) == path.read_bytes()


def test_keep_mine_keeps_the_map_and_saving_over_the_change_asks_first(qtbot, shop_window, dialogs):
    path = shop_window.document.path
    shop_window.document.push(UpdateMap(title="Mine"), "Rename map")
    another_tool_writes(path, "Theirs")
    bar = bar_of(shop_window)
    qtbot.waitUntil(bar.isVisible, timeout=3000)
    click(qtbot, bar.keep_button)
    assert not bar.isVisible()
    assert title_of(shop_window) == "Mine"
    qtbot.waitUntil(lambda: shop_window.view.geometry().top() == 0)  # the canvas's room back

    other = QWidget()  # away and back: the same change on disk is not offered again
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is other)
    other.close()
    shop_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is shop_window)
    assert not bar.isVisible()

    seen: list[str] = []

    def changed_on_disk(answer: str):
        def handle(qtbot, dialog) -> None:
            assert isinstance(dialog, QMessageBox)
            seen.append(f"{dialog.windowTitle()}: {dialog.text()}")
            press_button(answer)(qtbot, dialog)

        return handle

    dialogs.answer(changed_on_disk("Cancel"))
    press(qtbot, shop_window, "Ctrl+S")
    assert seen == ["Changed on disk: “shop.tpmap” was changed on disk since you opened it."]
    assert tpmap.load(path).title == "Theirs"
    assert shop_window.document.is_modified
    dialogs.answer(changed_on_disk("Save"))
    press(qtbot, shop_window, "Ctrl+S")
    assert tpmap.load(path).title == "Mine"
    assert not shop_window.document.is_modified


def test_our_own_save_is_no_change_on_disk(qtbot, shop_window):
    shop_window.document.push(UpdateMap(title="Saved by us"), "Rename map")
    press(qtbot, shop_window, "Ctrl+S")
    qtbot.wait(800)  # the watcher has told of the write, and it was looked at
    assert not bar_of(shop_window).isVisible()
    shop_window.document.push(UpdateMap(title="Saved again"), "Rename map")
    press(qtbot, shop_window, "Ctrl+S")  # and no question
    assert tpmap.load(shop_window.document.path).title == "Saved again"


def test_the_same_content_written_again_is_no_change(qtbot, shop_window):
    path = shop_window.document.path
    content = path.read_bytes()
    path.write_bytes(content)
    os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    qtbot.wait(800)
    assert not bar_of(shop_window).isVisible()


def test_a_change_the_watcher_missed_is_found_when_the_window_is_active_again(qtbot, shop_window):
    disk = shop_window.trust.disk
    disk.watcher.removePaths(disk.watcher.files())  # as on a network folder: no events
    other = QWidget()
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is other)
    another_tool_writes(shop_window.document.path, "Changed while away")
    qtbot.wait(400)
    assert not bar_of(shop_window).isVisible()
    other.close()
    shop_window.activateWindow()
    qtbot.waitUntil(bar_of(shop_window).isVisible, timeout=3000)
    click(qtbot, bar_of(shop_window).reload_button)
    assert title_of(shop_window) == "Changed while away"
