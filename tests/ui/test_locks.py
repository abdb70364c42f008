"""A map open in another running tpmapper is not edited behind its back: opening it says so
and offers Open Read-Only, Open Anyway or Cancel; a dead process's lock is taken over."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from tests.ui.driving import pick_file, press, press_button
from tests.ui.trust_support import (
    SAMPLE_TITLE,
    app_env,
    close_all_windows,
    kill,
    open_window,
    shop_file,
    wait_for_line,
)
from tpmapper.files import tpmap
from tpmapper.model.edits import UpdateMap
from tpmapper.ui import file_lock
from tpmapper.ui.file_lock import MapLock, lock_path
from tpmapper.ui.main_window import MainWindow
from tpmapper.ui.user_folders import lock_folder

HOLDER = """
import sys
from pathlib import Path
from tpmapper.ui.file_lock import MapLock

lock = MapLock(Path(sys.argv[1]))
print("LOCKED" if lock.acquire() else "REFUSED", flush=True)
sys.stdin.read()  # holds the lock until told to go, or killed
"""


@pytest.fixture
def start_window(qtbot, settings) -> Iterator[MainWindow]:
    window = open_window(qtbot, settings)  # the untouched sample: an opened map replaces it
    yield window
    close_all_windows()


@pytest.fixture
def shop(tmp_path) -> Path:
    return shop_file(tmp_path)


@pytest.fixture
def holder(shop, data, tmp_path) -> Iterator[subprocess.Popen]:
    """Another tpmapper process that has the map open (holds its lock)."""
    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(shop)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=app_env(data, tmp_path / "home"),
    )
    assert wait_for_line(process, "LOCKED") == ""
    yield process
    if process.poll() is None:
        process.stdin.close()
        process.wait(30)
        process.stdout.close()
        process.stderr.close()


def asked(seen: list[str], button: str):
    """Note the question's text, then answer it."""

    def handle(qtbot, dialog) -> None:
        assert isinstance(dialog, QMessageBox)
        seen.append(f"{dialog.windowTitle()}: {dialog.text()}")
        press_button(button)(qtbot, dialog)

    return handle


def test_a_map_open_elsewhere_opens_read_only_and_save_offers_save_as(  # noqa: PLR0917
    qtbot, start_window, holder, shop, tmp_path, dialogs
):
    original = shop.read_bytes()
    seen: list[str] = []
    dialogs.answer(pick_file(shop), asked(seen, "Open Read-Only"))
    press(qtbot, start_window, "Ctrl+O")
    assert seen == [
        f"Map in use: “shop.tpmap” is open in another tpmapper (process {holder.pid} on "
        f"{MapLock(shop).holder()[1]})."
    ]
    document = start_window.document
    assert document.path == shop
    assert document.read_only
    assert start_window.trust.read_only_label.isVisible()

    document.push(UpdateMap(title="Mine"), "Rename map")
    dialogs.answer(asked(seen, "Cancel"))
    press(qtbot, start_window, "Ctrl+S")
    assert seen[-1] == (
        "Map open read-only: “shop.tpmap” is open read-only: another tpmapper has it open."
    )
    assert shop.read_bytes() == original  # refused
    assert document.is_modified

    elsewhere = tmp_path / "mine.tpmap"
    dialogs.answer(press_button("Save As…"), pick_file(elsewhere))
    press(qtbot, start_window, "Ctrl+S")
    assert tpmap.load(elsewhere).title == "Mine"
    assert shop.read_bytes() == original
    assert document.path == elsewhere
    assert not document.read_only
    assert not start_window.trust.read_only_label.isVisible()
    assert lock_path(elsewhere).exists()  # the new file is ours, locked


def test_open_anyway_opens_it_for_editing(qtbot, start_window, holder, shop, dialogs):
    dialogs.answer(pick_file(shop), press_button("Open Anyway"))
    press(qtbot, start_window, "Ctrl+O")
    document = start_window.document
    assert document.path == shop
    assert not document.read_only
    document.push(UpdateMap(title="The last save wins"), "Rename map")
    press(qtbot, start_window, "Ctrl+S")
    assert tpmap.load(shop).title == "The last save wins"


def test_cancel_opens_nothing(qtbot, start_window, holder, shop, dialogs):
    dialogs.answer(pick_file(shop), press_button("Cancel"))
    press(qtbot, start_window, "Ctrl+O")
    assert start_window.document.path is None
    assert start_window.document.journey.title == SAMPLE_TITLE


def test_the_lock_of_a_killed_tpmapper_is_taken_over_without_asking(
    qtbot, start_window, holder, shop, dialogs
):
    kill(holder)
    dialogs.answer(pick_file(shop))  # and no question after it
    press(qtbot, start_window, "Ctrl+O")
    assert start_window.document.path == shop
    assert not start_window.document.read_only
    assert MapLock(shop).holder()[0] == os.getpid()


def test_an_open_map_is_locked_beside_its_file_until_closed(qtbot, settings, shop, dialogs):
    window = open_window(qtbot, settings)
    try:
        dialogs.answer(pick_file(shop))
        press(qtbot, window, "Ctrl+O")
        beside = shop.with_name(".~shop.tpmap.lock")
        assert beside.exists()
        assert MapLock(shop).holder()[0] == os.getpid()
        press(qtbot, window, "Ctrl+W")
        assert not beside.exists()
    finally:
        close_all_windows()


def test_a_second_process_cannot_take_a_running_ones_lock(qtbot, start_window, shop, dialogs):
    dialogs.answer(pick_file(shop))
    press(qtbot, start_window, "Ctrl+O")
    result = subprocess.run(
        [sys.executable, "-c", HOLDER.replace("sys.stdin.read()", "pass"), str(shop)],
        capture_output=True,
        text=True,
        timeout=60,
        env=app_env(Path(os.environ["TPMAPPER_DATA_DIR"]), shop.parent / "home"),
        check=True,
    )
    assert result.stdout.strip() == "REFUSED"


def test_in_a_folder_that_cannot_be_written_the_lock_is_in_the_users_folder(
    qtbot, start_window, shop, dialogs, monkeypatch
):
    monkeypatch.setattr(file_lock, "_folder_writable", lambda _folder: False)
    dialogs.answer(pick_file(shop))
    press(qtbot, start_window, "Ctrl+O")
    assert not shop.with_name(".~shop.tpmap.lock").exists()
    [lock] = lock_folder().iterdir()
    assert lock == lock_path(shop)
    assert MapLock(shop).holder()[0] == os.getpid()


def test_save_as_onto_a_map_open_elsewhere_asks_first(qtbot, start_window, holder, shop, dialogs):
    original = shop.read_bytes()
    document = start_window.document
    document.push(UpdateMap(title="Mine"), "Rename map")
    seen: list[str] = []
    replace_it = press_button("Yes")  # the file dialog's own "already exists" question
    dialogs.answer(pick_file(shop), replace_it, asked(seen, "Cancel"))
    press(qtbot, start_window, "Ctrl+Shift+S")
    assert seen == [
        f"Map in use: “shop.tpmap” is open in another tpmapper (process {holder.pid} on "
        f"{MapLock(shop).holder()[1]})."
    ]
    assert shop.read_bytes() == original  # not saved
    assert document.path is None
    assert document.is_modified

    dialogs.answer(pick_file(shop), replace_it, asked(seen, "Save Anyway"))
    press(qtbot, start_window, "Ctrl+Shift+S")
    assert tpmap.load(shop).title == "Mine"  # saved over it, as the user chose
    assert document.path == shop
    assert not document.is_modified
    assert MapLock(shop).holder()[0] == holder.pid  # the other's lock is left alone


def test_save_as_onto_a_free_or_its_own_file_asks_nothing(
    qtbot, start_window, shop, tmp_path, dialogs
):
    document = start_window.document
    document.push(UpdateMap(title="Mine"), "Rename map")
    dialogs.answer(pick_file(shop), press_button("Yes"))  # only the file dialog asks
    press(qtbot, start_window, "Ctrl+Shift+S")
    assert tpmap.load(shop).title == "Mine"
    assert lock_path(shop).exists()  # ours now, locked

    document.push(UpdateMap(title="Mine again"), "Rename map")
    dialogs.answer(pick_file(shop), press_button("Yes"))  # held by this very window
    press(qtbot, start_window, "Ctrl+Shift+S")
    assert tpmap.load(shop).title == "Mine again"


def test_save_as_onto_its_own_file_open_read_only_asks_first(
    qtbot, start_window, holder, shop, dialogs
):
    original = shop.read_bytes()
    seen: list[str] = []
    dialogs.answer(pick_file(shop), asked(seen, "Open Read-Only"))
    press(qtbot, start_window, "Ctrl+O")
    start_window.document.push(UpdateMap(title="Mine"), "Rename map")
    dialogs.answer(pick_file(shop), press_button("Yes"), asked(seen, "Cancel"))
    press(qtbot, start_window, "Ctrl+Shift+S")
    assert seen[-1].startswith("Map in use: “shop.tpmap” is open in another tpmapper (process")
    assert shop.read_bytes() == original  # the other's file, untouched


def test_save_as_onto_a_map_open_in_another_window_says_so(
    qtbot, start_window, shop, settings, dialogs
):
    dialogs.answer(pick_file(shop))
    press(qtbot, start_window, "Ctrl+O")  # this window has it open (and its lock)
    assert start_window.document.path == shop
    other = open_window(qtbot, settings)
    seen: list[str] = []
    dialogs.answer(pick_file(shop), press_button("Yes"), asked(seen, "Cancel"))
    press(qtbot, other, "Ctrl+Shift+S")
    assert seen == ["Map in use: “shop.tpmap” is open in another window."]
    assert other.document.path is None
