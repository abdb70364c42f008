"""Fixtures for GUI tests: a main window on a copy of the sample map, and real mouse drags."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QGraphicsView

from tests.ui.driving import ControlRecorder, DialogWatch
from tests.ui.trust_support import close_all_windows
from tpmapper.files.recovery import RecoveryStore
from tpmapper.files.templates import sample_path
from tpmapper.files.tpmap import load
from tpmapper.ui import heap
from tpmapper.ui.document import Document
from tpmapper.ui.main_window import MainWindow
from tpmapper.ui.user_folders import recovery_folder


@pytest.fixture(autouse=True)
def dialogs(qtbot) -> Iterator[DialogWatch]:
    """Modal dialogs are answered by the handlers a test queues (`dialogs.answer(...)`); one
    nobody expected is closed and fails the test, rather than hanging the suite."""
    watch = DialogWatch(qtbot)
    yield watch
    problems = watch.finish()
    assert not problems, "; ".join(problems)


@pytest.fixture(autouse=True)
def data(tmp_path, monkeypatch) -> Path:
    """A recovery folder of the test's own: autosaves and locks of one test never meet
    another's."""
    folder = tmp_path / "data"
    monkeypatch.setenv("TPMAPPER_DATA_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True)
def thawed() -> Iterator[None]:
    """What a test's windows froze out of the garbage collector's way (ui/heap.py) is
    unfrozen after it: no test keeps another's objects alive."""
    yield
    gc.unfreeze()
    if heap._heap is not None:  # and no collection from this test falls into the next
        heap._heap._quiet.stop()
        heap._heap.edits_since_freeze = 0


@pytest.fixture
def store(data) -> RecoveryStore:
    """The recovery copies of this test's folder."""
    return RecoveryStore(recovery_folder())


@pytest.fixture(scope="session", autouse=True)
def control_recorder(qapp) -> Iterator[ControlRecorder]:
    """Notes every action triggered and button clicked in the whole session."""
    recorder = ControlRecorder()
    qapp.installEventFilter(recorder)
    yield recorder
    qapp.removeEventFilter(recorder)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, settings) -> Iterator[MainWindow]:
    win = MainWindow(Document(load(sample_path("en"))), settings)
    win.resize(2200, 1100)  # the whole sample map is visible beside both docks
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()  # as the window manager does: shortcuts go to the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    win.view.reset_zoom()
    viewport = win.view.viewport().rect()
    win.view.centerOn(viewport.width() / 2, viewport.height() / 2)  # map's corner at top left
    yield win
    close_all_windows()


def _send(view: QGraphicsView, kind: QEvent.Type, at: QPoint, button, buttons, modifiers) -> None:  # noqa: PLR0917
    viewport = view.viewport()
    event = QMouseEvent(
        kind, QPointF(at), QPointF(viewport.mapToGlobal(at)), button, buttons, modifiers
    )
    QApplication.sendEvent(viewport, event)


def drag(
    view: QGraphicsView,
    start: QPointF,
    end: QPointF,
    *,
    modifiers=Qt.KeyboardModifier.NoModifier,
    steps: int = 10,
) -> None:
    """Press at scene point `start`, move with the left button held, release at `end`.

    pytest-qt's mouseMove sends no button state, so drags are driven here by hand.
    """
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    a, b = view.mapFromScene(start), view.mapFromScene(end)
    _send(view, QEvent.Type.MouseButtonPress, a, left, left, modifiers)
    for i in range(1, steps + 1):
        point = a + (b - a) * (i / steps)
        _send(view, QEvent.Type.MouseMove, point, none, left, modifiers)
    _send(view, QEvent.Type.MouseButtonRelease, b, left, none, modifiers)


def click(view: QGraphicsView, at: QPointF, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    left, none = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    point = view.mapFromScene(at)
    _send(view, QEvent.Type.MouseButtonPress, point, left, left, modifiers)
    _send(view, QEvent.Type.MouseButtonRelease, point, left, none, modifiers)
