"""Killed at any moment, nothing older than the autosave is lost: the next start offers the
work back ("Recover Unsaved Work"), and a recovered map is unsaved changes to its file."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTreeWidget

from tests.ui.driving import press, press_button
from tests.ui.trust_support import (
    close_all_windows,
    kill,
    no_stray_processes,  # noqa: F401 - an autouse fixture
    open_window,
    orphan_copy,
    shop_file,
    start_driver,
    wait_for_line,
)
from tpmapper.files import tpmap
from tpmapper.files.atomic import TEMP_SUFFIX
from tpmapper.files.recovery import RecoveryStore
from tpmapper.files.templates import sample_path
from tpmapper.model.edits import UpdateMap
from tpmapper.model.elements import Touchpoint
from tpmapper.ui import autosave
from tpmapper.ui.main_window import OPEN_WINDOWS, MainWindow
from tpmapper.ui.recovery_dialog import RecoveryDialog, offer_recovery


@pytest.fixture
def start_window(qtbot, settings) -> Iterator[MainWindow]:
    """The window the app shows at start: the untouched sample map."""
    window = open_window(qtbot, settings)
    yield window
    close_all_windows()


def tick(wanted: dict[str, bool]):
    """Answer part of the recovery dialog: tick the rows (by map title) as given, with
    Space on each row that needs a change, as a keyboard user does."""

    def handle(qtbot, dialog) -> None:
        assert isinstance(dialog, RecoveryDialog)
        table = dialog.findChild(QTreeWidget)
        table.setFocus()
        for row in range(table.topLevelItemCount()):
            item = table.topLevelItem(row)
            ticked = wanted[item.text(0)]
            if (item.checkState(0) == Qt.CheckState.Checked) != ticked:
                table.setCurrentItem(item)
                qtbot.keyClick(table, Qt.Key.Key_Space)
            assert (item.checkState(0) == Qt.CheckState.Checked) == ticked

    return handle


def rows_of(dialog) -> list[list[str]]:
    table = dialog.findChild(QTreeWidget)
    items = [table.topLevelItem(row) for row in range(table.topLevelItemCount())]
    return [[item.text(column) for column in range(4)] for item in items]


# ---------------------------------------------------------------------------- a real kill
def test_a_map_killed_after_an_edit_is_recovered_exactly_and_saves_where_it_belongs(  # noqa: PLR0917
    qtbot, start_window, dialogs, store, data, tmp_path
):
    shop = shop_file(tmp_path)
    original = shop.read_bytes()
    edited = tmp_path / "edited.tpmap"
    app = start_driver("kill", edited, data, tmp_path / "home", shop)
    copy_path = Path(wait_for_line(app, "AUTOSAVED "))
    kill(app)

    [copy] = store.orphans()
    assert copy.path == copy_path
    assert copy.info.file == str(shop)
    assert copy.info.title == "Edited 1 before the crash"
    assert copy.info.changes == 2
    assert copy.read_map_bytes() == edited.read_bytes()  # exactly the edited map
    assert shop.read_bytes() == original  # never the user's own file

    dialogs.answer(press_button("Recover"))
    [window] = offer_recovery(start_window)
    assert window is start_window  # the untouched sample gave way
    document = window.document
    assert document.path == shop
    assert document.is_modified
    assert json.loads(tpmap.dumps(document.journey)) == json.loads(edited.read_bytes())
    press(qtbot, window, "Ctrl+Z")  # undo: the file's content
    assert tpmap.dumps(document.journey) == original
    press(qtbot, window, "Ctrl+Shift+Z")
    press(qtbot, window, "Ctrl+S")  # written where it belongs
    assert shop.read_bytes() == edited.read_bytes()
    assert store.copies() == []  # saved: no copy left


def test_the_next_start_offers_the_work_of_a_killed_tpmapper(data, store, tmp_path):
    shop = shop_file(tmp_path)
    edited, recovered = tmp_path / "edited.tpmap", tmp_path / "recovered.tpmap"
    crashed = start_driver("kill", edited, data, tmp_path / "home", shop)
    wait_for_line(crashed, "AUTOSAVED ")
    kill(crashed)
    app = start_driver("recover", recovered, data, tmp_path / "home")  # `tpmapper`, no file
    assert wait_for_line(app, "DIALOG ") == "Recover Unsaved Work"
    assert wait_for_line(app, "MODIFIED ") == "True"
    assert wait_for_line(app, "SAVED ") == f"{shop} True"
    assert app.wait(60) == 0
    app.stdout.close()
    app.stderr.close()
    assert recovered.read_bytes() == edited.read_bytes()
    assert shop.read_bytes() == edited.read_bytes()  # Ctrl+S wrote it where it belongs
    assert store.copies() == []


def test_an_unsaved_map_killed_after_an_edit_is_recovered_as_an_unsaved_map(  # noqa: PLR0917
    qtbot, start_window, dialogs, store, data, tmp_path
):
    edited = tmp_path / "edited.tpmap"
    app = start_driver("kill", edited, data, tmp_path / "home")  # the sample, never saved
    wait_for_line(app, "AUTOSAVED ")
    kill(app)
    [copy] = store.orphans()
    assert copy.info.file is None

    dialogs.answer(press_button("Recover"))
    [window] = offer_recovery(start_window)
    assert window.document.path is None
    assert window.document.is_modified  # closing asks first
    assert tpmap.dumps(window.document.journey) == edited.read_bytes()
    assert window.trust.autosaver.copy_id == copy.info.id  # this process goes on in it
    qtbot.waitUntil(lambda: not store.orphans())  # claimed at once


def test_a_crash_in_the_middle_of_an_autosave_leaves_the_previous_copy(
    start_window, dialogs, store, data, tmp_path
):
    shop = shop_file(tmp_path)
    first = tmp_path / "first.tpmap"
    app = start_driver("die-mid-autosave", first, data, tmp_path / "home", shop)
    wait_for_line(app, "AUTOSAVED ")
    app.wait(60)  # it killed itself while writing the second copy
    app.stdout.close()
    app.stderr.close()

    leftovers = [p for p in store.folder.iterdir() if p.name.endswith(TEMP_SUFFIX)]
    assert leftovers, "the second copy was not cut off in the middle"
    [copy] = store.orphans()  # the half-written one is not offered
    assert copy.read_map_bytes() == first.read_bytes()  # the first edit, whole
    assert copy.info.title == "Edited 1 before the crash"
    dialogs.answer(press_button("Recover"))
    [window] = offer_recovery(start_window)
    assert tpmap.dumps(window.document.journey) == first.read_bytes()


def test_a_half_written_first_copy_is_not_offered(start_window, store, data, tmp_path):
    store.folder.mkdir(parents=True)
    cut = store.folder / f".abcd1234.tpmap-recovery.x1y2{TEMP_SUFFIX}"
    cut.write_bytes(b'{"format": "tpmapper-recovery", "version": 1, "id": "abcd')
    truncated = store.folder / "abcd1234.tpmap-recovery"
    truncated.write_bytes(b'{"format": "tpmapper-recovery", "version": 1, "id": "abcd1234"')
    assert store.copies() == []
    assert offer_recovery(start_window) == []  # and no dialog (one would fail the test)


def test_a_clean_quit_leaves_no_copy(data, tmp_path):
    shop = shop_file(tmp_path)
    out = tmp_path / "edited.tpmap"
    app = start_driver("quit", out, data, tmp_path / "home", shop)
    wait_for_line(app, "AUTOSAVED ")
    assert "Save the changes" in wait_for_line(app, "ASKED ")
    assert app.wait(60) == 0
    app.stdout.close()
    app.stderr.close()
    assert RecoveryStore(data / "recovery").copies() == []
    assert not list(tmp_path.glob(".~*.lock"))  # and the lock is gone


# ---------------------------------------------------------------------------- the dialog
def test_the_dialog_lists_each_copy_and_discard_removes_the_checked_ones(
    start_window, dialogs, store, tmp_path
):
    shop = shop_file(tmp_path)
    sample = tpmap.load(sample_path("en"))
    kept = orphan_copy(store, sample, shop, changes=4)
    UpdateMap(title="Second map").apply(sample)
    gone = orphan_copy(store, sample, None, changes=1)
    seen = {}

    def look_then_discard(qtbot, dialog) -> None:
        seen["title"] = dialog.windowTitle()
        seen["rows"] = rows_of(dialog)
        tick({"Online shop: customer journey": False, "Second map": True})(qtbot, dialog)
        press_button("Discard")(qtbot, dialog)

    dialogs.answer(look_then_discard)
    assert offer_recovery(start_window) == []
    assert seen["title"] == "Recover Unsaved Work"
    rows = {row[0]: row for row in seen["rows"]}
    assert rows["Online shop: customer journey"][1] == str(shop)
    assert rows["Online shop: customer journey"][3] == "4"
    assert rows["Second map"][1] == "unsaved map"
    assert rows["Second map"][2]  # when
    assert [c.info.id for c in store.copies()] == [kept.id]
    assert gone.id not in [c.info.id for c in store.copies()]


def test_later_keeps_every_copy_for_the_next_start(start_window, dialogs, store):
    orphan_copy(store, tpmap.load(sample_path("en")))
    dialogs.answer(press_button("Later"))
    assert offer_recovery(start_window) == []
    assert len(store.orphans()) == 1
    assert start_window.document.journey.title == "Online shop: customer journey"


def test_copies_of_a_running_tpmapper_are_not_offered(start_window, store, qtbot):
    press(qtbot, start_window, "Ctrl+A")
    press(qtbot, start_window, "Del")
    autosaver = start_window.trust.autosaver
    autosaver.write_now()
    autosaver.finish(10)
    assert len(store.copies()) == 1
    assert store.orphans() == []  # this process runs: its own copy is no work to recover
    assert offer_recovery(start_window) == []


def test_recovering_into_the_file_opened_at_start_replaces_its_content(
    qtbot, settings, dialogs, store, tmp_path
):
    shop = shop_file(tmp_path)
    journey = tpmap.load(shop)
    UpdateMap(title="Recovered title").apply(journey)
    phase, lane = journey.phases.ids()[-1], journey.lanes.ids()[-1]
    for i in range(12):  # the recovered map is larger than the file's
        journey.insert_touchpoint(Touchpoint(f"more{i}", f"More {i}", phase, lane))
    info = orphan_copy(store, journey, shop)
    window = open_window(qtbot, settings, shop)  # `tpmapper shop.tpmap`
    try:
        dialogs.answer(press_button("Recover"))
        assert offer_recovery(window) == [window]
        assert window.document.journey.title == "Recovered title"
        shown = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
        layout = window.view.map_scene().layout.bounds
        assert shown.contains(layout.x, layout.y)  # the recovered map is shown whole
        assert shown.contains(layout.right, layout.bottom)
        assert window.document.undo_stack.undoText() == "Recovered changes"
        assert len(OPEN_WINDOWS) == 1
        window.trust.autosaver.finish(10)
        assert [c.info.id for c in store.copies()] == [info.id]
        assert store.orphans() == []  # this process owns it now
    finally:
        close_all_windows()
    assert store.copies() == []


def test_the_copy_goes_when_autosave_is_told_every_window_closed(start_window, store, qtbot):
    start_window.document.push(UpdateMap(title="Changed"), "Rename")
    autosave.write_all_now()
    assert len(store.copies()) == 1
    start_window.document.undo_stack.setClean()
    assert store.copies() == []
    QApplication.processEvents()
