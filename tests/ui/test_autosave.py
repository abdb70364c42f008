"""Autosave: a recovery copy of unsaved work, never the user's own file, a little while
after the last edit, at most once per interval, at once when the window loses focus or an
unexpected error is reported; gone once the map is saved or closed without saving."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QSpinBox, QWidget

from tests.ui.driving import choose, press, press_button
from tests.ui.test_error_report import visible_reports, wait_for
from tests.ui.trust_support import SAMPLE_TITLE, close_all_windows, open_window, shop_file
from tpmapper.files import tpmap
from tpmapper.files.recovery import RecoveryStore
from tpmapper.model.edits import UpdateMap
from tpmapper.ui import autosave, error_report
from tpmapper.ui.main_window import MainWindow
from tpmapper.ui.preferences import BACKUP_KEY, PreferencesDialog


@pytest.fixture
def quick(monkeypatch, settings):
    """Short delays: 0.3 s of quiet after an edit, at most one copy per 3 s."""
    monkeypatch.setattr(autosave, "IDLE_DELAY_MS", 300)
    monkeypatch.setattr(autosave, "MIN_INTERVAL_S", 0.0)
    settings.setValue(autosave.INTERVAL_KEY, 3)


@pytest.fixture
def shop_window(qtbot, settings, tmp_path) -> Iterator[MainWindow]:
    window = open_window(qtbot, settings, shop_file(tmp_path))
    yield window
    close_all_windows()


def copy_of(store: RecoveryStore, window: MainWindow):
    return store.get(window.trust.autosaver.copy_id)


def rename(window: MainWindow, title: str) -> None:
    """An edit as the inspector makes it: one undo step."""
    window.document.push(UpdateMap(title=title), "Rename map")


# ---------------------------------------------------------------------------- when
def test_a_copy_follows_a_pause_after_the_edit_and_then_at_most_once_per_interval(
    qtbot, quick, shop_window, store
):
    original = shop_window.document.path.read_bytes()
    press(qtbot, shop_window, "Ctrl+A")
    press(qtbot, shop_window, "Del")
    edited_at = time.monotonic()
    qtbot.wait(150)
    assert copy_of(store, shop_window) is None  # not during the quiet time
    qtbot.waitUntil(lambda: copy_of(store, shop_window) is not None, timeout=3000)
    first_at = time.monotonic()
    assert first_at - edited_at >= 0.25  # 0.3 s; Qt's timers may fire up to 5 % early
    copy = copy_of(store, shop_window)
    assert copy.info.file == str(shop_window.document.path)
    assert copy.info.title == SAMPLE_TITLE
    assert copy.info.changes == 1
    assert copy.info.pid == os.getpid()
    assert len(copy.load()) == 0  # the cards are deleted in the copy
    assert shop_window.document.path.read_bytes() == original  # never the user's file

    rename(shop_window, "Second edit")
    qtbot.wait(1000)  # the quiet time is over, the interval is not
    assert copy_of(store, shop_window).info.title == SAMPLE_TITLE
    qtbot.waitUntil(lambda: copy_of(store, shop_window).info.title == "Second edit", timeout=6000)
    assert time.monotonic() - first_at >= 2.0  # the interval (3 s) counts from the first write
    assert copy_of(store, shop_window).info.changes == 2


def test_edits_without_a_pause_are_still_copied_once_per_interval(
    qtbot, monkeypatch, settings, shop_window, store
):
    monkeypatch.setattr(autosave, "MIN_INTERVAL_S", 0.0)
    settings.setValue(autosave.INTERVAL_KEY, 0.8)  # the quiet time (5 s) never comes
    started = time.monotonic()
    titles = iter(f"Title {n}" for n in range(1000))
    typing = QTimer()
    typing.timeout.connect(lambda: rename(shop_window, next(titles)))
    typing.start(100)
    try:
        qtbot.waitUntil(lambda: copy_of(store, shop_window) is not None, timeout=3000)
    finally:
        typing.stop()
    assert 0.8 <= time.monotonic() - started < 4.5


def test_leaving_the_window_writes_a_copy_at_once(qtbot, shop_window, store):
    rename(shop_window, "Before a coffee break")  # the quiet time is 5 s
    other = QWidget()
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: copy_of(store, shop_window) is not None, timeout=3000)
    assert copy_of(store, shop_window).info.title == "Before a coffee break"
    other.close()


def test_the_copy_is_written_off_the_gui_thread(qtbot, quick, shop_window, store, monkeypatch):
    threads = []
    write = RecoveryStore.write_map
    monkeypatch.setattr(
        RecoveryStore,
        "write_map",
        lambda self, *args: threads.append(threading.current_thread()) or write(self, *args),
    )
    rename(shop_window, "Off the GUI thread")
    qtbot.waitUntil(lambda: copy_of(store, shop_window) is not None, timeout=3000)
    assert threads
    assert threading.main_thread() not in threads


def test_the_copy_holds_exactly_what_a_save_writes(qtbot, quick, shop_window, store):
    rename(shop_window, "Exactly")
    qtbot.waitUntil(lambda: copy_of(store, shop_window) is not None, timeout=3000)
    expected = tpmap.dumps(shop_window.document.journey)
    assert copy_of(store, shop_window).read_map_bytes() == expected


# ---------------------------------------------------------------------------- gone
def test_saving_removes_the_copy(qtbot, quick, shop_window, store):
    rename(shop_window, "Saved soon")
    qtbot.waitUntil(lambda: copy_of(store, shop_window) is not None, timeout=3000)
    press(qtbot, shop_window, "Ctrl+S")
    assert store.copies() == []
    assert tpmap.load(shop_window.document.path).title == "Saved soon"
    qtbot.wait(500)  # and no late write brings it back
    assert store.copies() == []


def test_undoing_back_to_the_saved_state_removes_the_copy(qtbot, quick, shop_window, store):
    rename(shop_window, "Undone")
    qtbot.waitUntil(lambda: copy_of(store, shop_window) is not None, timeout=3000)
    press(qtbot, shop_window, "Ctrl+Z")
    assert store.copies() == []


def test_closing_without_saving_removes_the_copy(qtbot, quick, shop_window, store, dialogs):
    rename(shop_window, "Thrown away")
    qtbot.waitUntil(lambda: copy_of(store, shop_window) is not None, timeout=3000)
    dialogs.answer(press_button("Discard"))
    press(qtbot, shop_window, "Ctrl+W")
    assert not shop_window.isVisible()
    assert store.copies() == []


def test_a_copy_being_written_while_the_map_is_saved_does_not_come_back(
    qtbot, shop_window, store, monkeypatch
):
    slow = threading.Event()
    write = RecoveryStore.write_map

    def slow_write(self, *args):
        slow.wait(5)
        return write(self, *args)

    monkeypatch.setattr(RecoveryStore, "write_map", slow_write)
    rename(shop_window, "Racing")
    autosaver = shop_window.trust.autosaver
    autosaver.write_now()
    press(qtbot, shop_window, "Ctrl+S")  # while the copy is still being written
    slow.set()
    autosaver.finish(10)
    assert store.copies() == []


# ---------------------------------------------------------------------------- preferences
def choose_preferences(interval: int, backup: bool, button: str = "OK"):
    def handle(qtbot, dialog) -> None:
        assert isinstance(dialog, PreferencesDialog)
        assert dialog.windowTitle() == "Preferences"
        spin = dialog.findChild(QSpinBox, "autosave_interval")
        assert spin.minimum() == 5  # nobody may choose less
        spin.selectAll()
        qtbot.keyClicks(spin.lineEdit(), str(interval))
        if dialog.backup.isChecked() != backup:
            qtbot.mouseClick(dialog.backup, Qt.MouseButton.LeftButton)
        press_button(button)(qtbot, dialog)

    return handle


def test_preferences_set_the_interval_and_the_backup(qtbot, shop_window, settings, dialogs):
    assert autosave.interval_seconds(settings) == 60  # the default
    dialogs.answer(choose_preferences(120, True, "Cancel"))
    choose(qtbot, shop_window, "Edit", "Preferences…")
    assert autosave.interval_seconds(settings) == 60
    dialogs.answer(choose_preferences(10, True))
    choose(qtbot, shop_window, "Edit", "Preferences…")
    assert settings.value(autosave.INTERVAL_KEY, type=int) == 10
    assert settings.value(BACKUP_KEY, type=bool)

    path = shop_window.document.path
    before = path.read_bytes()
    rename(shop_window, "With a backup")
    press(qtbot, shop_window, "Ctrl+S")
    assert path.with_name("shop.tpmap~").read_bytes() == before
    assert tpmap.load(path).title == "With a backup"


def test_the_interval_is_never_below_five_seconds(settings):
    settings.setValue(autosave.INTERVAL_KEY, 1)
    assert autosave.interval_seconds(settings) == 5
    settings.setValue(autosave.INTERVAL_KEY, "soon")
    assert autosave.interval_seconds(settings) == 60


def test_without_the_backup_preference_no_backup_is_kept(qtbot, shop_window):
    rename(shop_window, "No backup")
    press(qtbot, shop_window, "Ctrl+S")
    assert not shop_window.document.path.with_name("shop.tpmap~").exists()


# ---------------------------------------------------------------------------- emergency
@pytest.fixture
def error_reporter(qapp, tmp_path, monkeypatch) -> Iterator[error_report.ErrorReporter]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # the log goes there
    reporter = error_report.install(qapp)
    yield reporter
    reporter.uninstall()


@pytest.mark.qt_no_exception_capture
def test_an_unexpected_error_first_copies_every_unsaved_map(
    qtbot,
    shop_window,
    store,
    error_reporter,
    dialogs,
):
    rename(shop_window, "Work before the error")  # the quiet time (5 s) is far off
    seen = {}

    def close_report(qtbot, dialog) -> None:
        seen["copies"] = [copy.info.title for copy in store.copies()]
        press_button("Close")(qtbot, dialog)

    def broken_slot() -> None:
        raise RuntimeError("broken slot")

    dialogs.answer(close_report)
    QTimer.singleShot(0, broken_slot)
    assert wait_for(lambda: "copies" in seen and not visible_reports())
    assert seen["copies"] == ["Work before the error"]  # there before the report was shown
