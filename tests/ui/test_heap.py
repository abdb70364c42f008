"""The objects of a shown map are frozen out of the garbage collector's way at a quiet
moment (an edit then waits for no full collection of them), and let go when the map closes
or after many edits (ui/heap.py)."""

from __future__ import annotations

import gc
import weakref

import pytest
from PySide6.QtCore import Qt

from tests.ui.driving import choose, pick_file, press
from tests.ui.test_inspector import select
from tests.ui.trust_support import close_all_windows, open_window, shop_file
from tpmapper.ui import heap

QUIET_MS = 50


@pytest.fixture
def quick(monkeypatch):
    monkeypatch.setattr(heap, "QUIET_MS", QUIET_MS)


class Cycle:
    """Garbage only the cyclic collector can free (it refers to itself)."""

    def __init__(self) -> None:
        self.me = self


def move_by_key(qtbot, window, number: int) -> None:
    """One edit as the user makes it: the selected card a cell to the right, or back."""
    window.view.setFocus()
    key = Qt.Key.Key_Right if number % 2 == 0 else Qt.Key.Key_Left
    qtbot.keyClick(window.view.viewport(), key)


def frozen_garbage() -> weakref.ref:
    """A cycle frozen with the map's objects, then dropped: garbage until unfrozen."""
    cycle = Cycle()
    gc.collect()
    gc.freeze()
    found = weakref.ref(cycle)
    del cycle
    gc.collect()
    assert found() is not None  # frozen: the collector does not see it
    return found


def test_a_shown_map_is_frozen_at_the_first_quiet_moment(qtbot, settings):
    """(The app's own quiet time: the map is looked at before it.)"""
    gc.unfreeze()
    window = open_window(qtbot, settings)
    journey = window.document.journey
    assert any(tracked is journey for tracked in gc.get_objects())  # the collector's
    qtbot.waitUntil(lambda: gc.get_freeze_count() > 0, timeout=heap.QUIET_MS + 5000)
    assert gc.get_freeze_count() > 10_000  # the app and the map, not a few stragglers
    assert not any(tracked is journey for tracked in gc.get_objects())  # out of its way
    close_all_windows()


def test_closing_the_map_lets_its_objects_go(qtbot, settings, quick):
    window = open_window(qtbot, settings)
    qtbot.waitUntil(lambda: gc.get_freeze_count() > 0, timeout=5000)
    journey = weakref.ref(window.document.journey)
    choose(qtbot, window, "File", "Close")
    close_all_windows()
    del window
    gc.collect()
    assert journey() is None


def test_after_many_edits_what_was_frozen_and_dropped_is_collected(
    qtbot, settings, monkeypatch, quick
):
    monkeypatch.setattr(heap, "REFREEZE_EDITS", 3)
    window = open_window(qtbot, settings)
    qtbot.waitUntil(lambda: gc.get_freeze_count() > 0, timeout=5000)
    qtbot.wait(QUIET_MS * 4)
    select(window, "Ads")
    dropped = frozen_garbage()
    for number in range(2):
        move_by_key(qtbot, window, number)
    qtbot.wait(QUIET_MS * 4)
    assert window.document.undo_stack.count() == 2
    assert dropped() is not None  # two edits: not yet
    move_by_key(qtbot, window, 2)
    qtbot.waitUntil(lambda: dropped() is None, timeout=5000)
    assert gc.get_freeze_count() > 10_000  # and the rest frozen again
    close_all_windows()


def test_edits_put_off_the_collection_until_a_quiet_moment(
    qtbot, settings, monkeypatch, tmp_path, dialogs
):
    monkeypatch.setattr(heap, "QUIET_MS", 1000)
    window = open_window(qtbot, settings)
    gc.unfreeze()
    dialogs.answer(pick_file(shop_file(tmp_path)))
    press(qtbot, window, "Ctrl+O")  # a map shown: a collection is due in 1 s
    select(window, "Ads")
    for number in range(20):  # 2 s of edits, 0.1 s apart
        move_by_key(qtbot, window, number)
        qtbot.wait(100)
        assert gc.get_freeze_count() == 0
    assert window.document.undo_stack.count() == 20
    qtbot.waitUntil(lambda: gc.get_freeze_count() > 0, timeout=5000)  # quiet: now
    close_all_windows()
