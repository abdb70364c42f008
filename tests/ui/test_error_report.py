"""An unexpected exception is never silent: a dialog (message, "Copy details", the log
folder), a line in the log, and the map stays open and can be saved.

pytest-qt normally takes over `sys.excepthook` to fail a test on an exception in a slot;
these tests switch that off (`qt_no_exception_capture`) so the app's own hook runs, and the
first ones run the real app in a process of its own, as a user starts it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget

from tests.ui.driving import press
from tests.ui.trust_support import close_all_windows
from tpmapper import __version__
from tpmapper.files.templates import sample_path
from tpmapper.files.tpmap import load
from tpmapper.ui import error_report
from tpmapper.ui.axes_dialog import AxesDialog
from tpmapper.ui.document import Document
from tpmapper.ui.error_hook import DeferredErrorReport
from tpmapper.ui.error_report import LOG_NAME, ErrorReport, ErrorReporter
from tpmapper.ui.main_window import MainWindow

LEFT = Qt.MouseButton.LeftButton


# ---------------------------------------------------------------------------- the real app
APP_DRIVER = r"""
import json, sys
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from tpmapper.cli import main
from tpmapper.ui.app import make_application

make_application()  # run_app() reuses it; the timers below need it
seen = {}


def press(widget, keys):
    combination = QKeySequence(keys)[0]
    QTest.keyClick(widget, combination.key(), combination.keyboardModifiers())


def broken_slot(number):
    raise RuntimeError(f"broken slot {number}")


def start():
    for number in range(3):  # a burst: one dialog, "and 2 more"
        QTimer.singleShot(0, lambda number=number: broken_slot(number))
    QTimer.singleShot(20, answer)


def answer():
    dialog = QApplication.activeModalWidget()
    if dialog is None:
        QTimer.singleShot(20, answer)
        return
    seen["title"] = dialog.windowTitle()
    seen["labels"] = [label.text() for label in dialog.findChildren(QLabel) if label.isVisible()]
    buttons = {b.text(): b for b in dialog.findChildren(QPushButton) if b.isVisible()}
    seen["buttons"] = sorted(buttons)
    QTest.mouseClick(buttons["Copy details"], Qt.MouseButton.LeftButton)
    seen["clipboard"] = QGuiApplication.clipboard().text()
    QTest.mouseClick(buttons["Close"], Qt.MouseButton.LeftButton)
    QTimer.singleShot(50, go_on)


def go_on():
    # The map is still there and takes edits: delete every card, save, quit.
    seen["dialog_gone"] = QApplication.activeModalWidget() is None
    window = next(w for w in QApplication.topLevelWidgets() if w.isWindow() and w.isVisible())
    window.activateWindow()  # a window manager does this when the dialog closes
    QTimer.singleShot(0, lambda: edit_and_save(window))


def edit_and_save(window):
    if not window.isActiveWindow():
        QTimer.singleShot(20, lambda: edit_and_save(window))
        return
    for keys in ("Ctrl+A", "Del", "Ctrl+S"):
        press(window, keys)
    seen["modified_after_save"] = window.isWindowModified()
    print("SEEN", json.dumps(seen), flush=True)
    press(window, "Ctrl+Q")


QTimer.singleShot(300, start)
sys.exit(main(sys.argv[1:]))
"""

STARTUP_DRIVER = r"""
import json
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from tpmapper.ui.app import make_application

make_application()


def close_report():
    dialog = QApplication.activeModalWidget()
    if dialog is None:
        QTimer.singleShot(20, close_report)
        return
    print("SEEN", json.dumps(dialog.windowTitle()), flush=True)
    close = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
    QTest.mouseClick(close, Qt.MouseButton.LeftButton)


QTimer.singleShot(0, close_report)
raise RuntimeError("broken before the event loop runs")
"""


def says_more(labels: list[str], count: int) -> bool:
    """One label says "… and N more error(s)" (or "errors": English has a catalogue for
    plurals, which the app installs and pytest's application does not)."""
    return any(re.fullmatch(rf"… and {count} more errors?(\(s\))?", text) for text in labels)


def run_driver(driver: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),  # where the log goes, see error_report.log_folder
        TPMAPPER_LANGUAGE="en",
    )
    return subprocess.run(
        [sys.executable, "-c", driver, *args],
        capture_output=True,
        text=True,
        timeout=30,
        env=env,
        check=False,
    )


def seen_by(result: subprocess.CompletedProcess[str]):
    lines = [line for line in result.stdout.splitlines() if line.startswith("SEEN ")]
    assert lines, f"the driver saw nothing:\n{result.stdout}\n{result.stderr}"
    return json.loads(lines[0].removeprefix("SEEN "))


def test_a_broken_slot_in_the_running_app_shows_one_report_and_the_map_can_be_saved(tmp_path):
    copy = tmp_path / "shop.tpmap"
    shutil.copy(sample_path("en"), copy)
    result = run_driver(APP_DRIVER, tmp_path, str(copy))
    assert result.returncode == 0, result.stderr
    seen = seen_by(result)

    assert seen["title"] == "Something went wrong"
    labels = "\n".join(seen["labels"])
    assert "Your map is still open" in labels
    assert "RuntimeError: broken slot 0" in seen["labels"]  # the one-line message
    assert says_more(seen["labels"], 2)  # a burst makes one dialog
    log_folder = tmp_path / "home" / "cache" / "tpmapper" / "log"
    assert str(log_folder) in labels  # the dialog names the log folder
    assert {"Copy details", "Show log folder", "Close"} <= set(seen["buttons"])

    details = seen["clipboard"]
    assert f"tpmapper {__version__}" in details
    assert f"Python {sys.version.split()[0]}" in details
    assert "Qt 6." in details
    assert details.count("Traceback (most recent call last)") == 3
    for number in range(3):
        assert f"RuntimeError: broken slot {number}" in details

    log = (log_folder / LOG_NAME).read_text(encoding="utf-8")
    assert log.count("Traceback (most recent call last)") == 3
    assert ", in broken_slot\n" in log  # the whole traceback, down to the slot
    assert "Traceback" in result.stderr  # and on stderr, as Python always does

    # The event loop went on: the map took the edits and was saved.
    assert seen["dialog_gone"]
    assert seen["modified_after_save"] is False
    assert len(load(copy)) == 0


def test_an_error_before_the_event_loop_runs_is_shown_and_logged(tmp_path):
    result = run_driver(STARTUP_DRIVER, tmp_path)
    assert result.returncode == 1  # Python's exit code for an uncaught exception
    assert seen_by(result) == "Something went wrong"
    log = tmp_path / "home" / "cache" / "tpmapper" / "log" / LOG_NAME
    assert "RuntimeError: broken before the event loop runs" in log.read_text(encoding="utf-8")


# ---------------------------------------------------------------------------- in this process
Handler = Callable[[QWidget], None]


@pytest.fixture
def when_dialog_opens(request, qtbot) -> Iterator[Callable[[Handler], None]]:
    """`when_dialog_opens(handler)`: handler(dialog) runs once the next modal dialog is up.

    tests/ui/conftest.py's dialog watcher (if there is one) answers modal dialogs with the
    handlers a test queues and closes any other; without it, this polls by itself.
    """
    if "dialogs" in request.fixturenames:
        yield request.getfixturevalue("dialogs").answer
        return
    pending: list[Handler] = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None and dialog.isVisible() and pending:
            pending.pop(0)(dialog)

    timer = QTimer()
    timer.timeout.connect(poll)
    timer.start(10)
    yield pending.append
    timer.stop()
    assert not pending, "an expected dialog never opened"


def answering(handler: Handler) -> Callable:
    """The dialog watcher calls handlers with (qtbot, dialog); the fallback with (dialog)."""
    return lambda *args: handler(args[-1])


def wait_for(condition: Callable[[], bool], timeout_ms: int = 5000) -> bool:
    """Let the event loop run until `condition()`; False on timeout.

    Not QTest.qWait (nor qtbot.waitUntil, which uses it): PySide raises an exception of a
    slot run inside qWait out of qWait, in the test, instead of handing it to
    sys.excepthook as the app's own event loops do.
    """
    waited = 0
    while not condition() and waited < timeout_ms:
        loop = QEventLoop()
        QTimer.singleShot(10, loop.quit)
        loop.exec()
        waited += 10
    return condition()


def log_in(monkeypatch, tmp_path) -> Path:
    """Point the user's cache folder (where the log goes) into the test's folder."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "tpmapper" / "log"


@pytest.fixture
def reporter(qapp, tmp_path, monkeypatch) -> Iterator[ErrorReporter]:
    log_in(monkeypatch, tmp_path)
    reporter = error_report.install(qapp)
    yield reporter
    reporter.uninstall()


def visible_reports() -> list[ErrorReport]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, ErrorReport) and w.isVisible()
    ]


def button(dialog: QWidget, text: str) -> QPushButton:
    return next(b for b in dialog.findChildren(QPushButton) if b.text() == text and b.isVisible())


def label_texts(dialog: QWidget) -> list[str]:
    return [label.text() for label in dialog.findChildren(QLabel) if label.isVisible()]


def fail(number: int) -> None:
    raise ValueError(f"broken {number}")


@pytest.fixture
def shop_window(qtbot, settings, tmp_path) -> Iterator[MainWindow]:
    """The app's window on a saved copy of the sample map (Ctrl+S saves without asking)."""
    copy = tmp_path / "shop.tpmap"
    shutil.copy(sample_path("en"), copy)
    window = MainWindow(Document.open(copy), settings)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    yield window
    close_all_windows()


@pytest.mark.qt_no_exception_capture
def test_a_menu_command_that_breaks_is_reported_and_the_map_goes_on(
    qtbot, shop_window, reporter, when_dialog_opens, monkeypatch
):
    def broken_dialog(*_args, **_kwargs):
        raise RuntimeError("the phases dialog broke")

    monkeypatch.setattr(AxesDialog, "__init__", broken_dialog)
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(opened.append))
    QGuiApplication.clipboard().setText("")
    seen: dict = {}

    def answer(dialog: QWidget) -> None:
        seen["title"] = dialog.windowTitle()
        seen["labels"] = label_texts(dialog)
        qtbot.mouseClick(button(dialog, "Copy details"), LEFT)
        seen["clipboard"] = QGuiApplication.clipboard().text()
        seen["copy button"] = button(dialog, "Details copied").text()
        qtbot.mouseClick(button(dialog, "Show log folder"), LEFT)
        qtbot.mouseClick(button(dialog, "Close"), LEFT)

    when_dialog_opens(answering(answer))
    press(qtbot, shop_window, "Ctrl+Shift+L")  # Map ▸ Phases and Lanes…: its slot raises
    assert wait_for(lambda: "labels" in seen and not visible_reports())

    assert seen["title"] == "Something went wrong"
    assert "RuntimeError: the phases dialog broke" in seen["labels"]
    assert any(str(reporter.folder) in text for text in seen["labels"])
    assert "Traceback (most recent call last)" in seen["clipboard"]
    assert "the phases dialog broke" in seen["clipboard"]
    assert f"tpmapper {__version__}" in seen["clipboard"]
    assert [url.toLocalFile() for url in opened] == [str(reporter.folder)]
    log = (reporter.folder / LOG_NAME).read_text(encoding="utf-8")
    assert "RuntimeError: the phases dialog broke" in log
    assert "in edit_axes" in log  # the whole traceback, down to the failing slot

    # Still usable and saveable: delete a selection, save, the file has it.
    shop_window.activateWindow()  # a window manager does this when the dialog closes
    qtbot.waitUntil(shop_window.isActiveWindow)
    press(qtbot, shop_window, "Ctrl+A")
    press(qtbot, shop_window, "Del")
    press(qtbot, shop_window, "Ctrl+S")
    assert len(load(shop_window.document.path)) == 0
    assert not shop_window.document.is_modified
    assert reporter.dialogs_shown == 1


@pytest.mark.qt_no_exception_capture
def test_errors_while_the_report_is_open_are_counted_in_it_not_stacked(
    qtbot, reporter, when_dialog_opens
):
    seen: dict = {}

    def answer(dialog: QWidget) -> None:
        seen["at first"] = label_texts(dialog)
        for number in (2, 3):  # two more, while this dialog is open
            QTimer.singleShot(0, lambda number=number: fail(number))
        seen["counted"] = wait_for(lambda: says_more(label_texts(dialog), 3))
        seen["open reports"] = len(visible_reports())
        qtbot.mouseClick(button(dialog, "Copy details"), LEFT)
        seen["clipboard"] = QGuiApplication.clipboard().text()
        qtbot.mouseClick(button(dialog, "Close"), LEFT)

    when_dialog_opens(answering(answer))
    QTimer.singleShot(0, lambda: fail(0))  # a burst of two before the dialog is up
    QTimer.singleShot(0, lambda: fail(1))
    assert wait_for(lambda: "clipboard" in seen and not visible_reports())

    assert "ValueError: broken 0" in seen["at first"]
    assert says_more(seen["at first"], 1)
    assert seen["counted"], "errors while the dialog was open were not counted in it"
    assert seen["open reports"] == 1
    assert reporter.dialogs_shown == 1
    for number in range(4):
        assert f"ValueError: broken {number}" in seen["clipboard"]

    # Once it is closed, the next error gets a dialog of its own.
    when_dialog_opens(answering(lambda dialog: qtbot.mouseClick(button(dialog, "Close"), LEFT)))
    QTimer.singleShot(0, lambda: fail(4))
    assert wait_for(lambda: reporter.dialogs_shown == 2 and not visible_reports())


@pytest.mark.qt_no_exception_capture
@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")  # on purpose
def test_an_error_in_another_thread_is_reported_by_the_main_thread(
    qtbot, reporter, when_dialog_opens
):
    seen: dict = {}

    def answer(dialog: QWidget) -> None:
        seen["labels"] = label_texts(dialog)
        qtbot.mouseClick(button(dialog, "Close"), LEFT)

    when_dialog_opens(answering(answer))
    worker = threading.Thread(target=fail, args=(7,), name="exporter")
    worker.start()
    worker.join()
    assert wait_for(lambda: "labels" in seen and not visible_reports())
    assert "ValueError: broken 7" in seen["labels"]
    assert "in thread exporter" in (reporter.folder / LOG_NAME).read_text(encoding="utf-8")


def test_the_log_is_rotated_and_stays_small(qapp, tmp_path, monkeypatch):
    monkeypatch.setattr(error_report, "LOG_MAX_BYTES", 4000)
    folder = log_in(monkeypatch, tmp_path)
    reporter = error_report.install(qapp)
    try:
        for number in range(100):
            try:
                fail(number)
            except ValueError as error:
                reporter.record((ValueError, error, error.__traceback__), "MainThread")
    finally:
        reporter.uninstall()
    files = sorted(p.name for p in folder.iterdir())
    assert files == [LOG_NAME, f"{LOG_NAME}.1", f"{LOG_NAME}.2"]
    assert all(p.stat().st_size <= 4000 for p in folder.iterdir())
    assert "broken 99" in (folder / LOG_NAME).read_text(encoding="utf-8")


def test_the_log_folder_is_the_users_cache_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert error_report.log_folder() == tmp_path / "cache" / "tpmapper" / "log"


@pytest.mark.qt_no_exception_capture
@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")  # on purpose
def test_the_app_loads_the_report_only_when_a_first_error_arrives_from_a_thread(
    qapp, qtbot, tmp_path, monkeypatch, when_dialog_opens
):
    """Start-up installs stand-in hooks (error_hook); the first error, here from a worker
    thread, brings in the real reporter in the GUI thread, which shows it."""
    folder = log_in(monkeypatch, tmp_path)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    monkeypatch.setattr(ErrorReporter, "current", None)
    deferred = DeferredErrorReport(qapp)
    assert sys.excepthook == deferred.excepthook
    seen: dict = {}

    def answer(dialog: QWidget) -> None:
        seen["labels"] = label_texts(dialog)
        qtbot.mouseClick(button(dialog, "Close"), LEFT)

    when_dialog_opens(answering(answer))
    worker = threading.Thread(target=fail, args=(3,), name="importer")
    worker.start()
    worker.join()
    try:
        assert wait_for(lambda: "labels" in seen and not visible_reports())
        assert "ValueError: broken 3" in seen["labels"]
        assert "in thread importer" in (folder / LOG_NAME).read_text(encoding="utf-8")
        assert sys.excepthook == ErrorReporter.current.excepthook  # the reporter took over
    finally:
        if ErrorReporter.current is not None:
            ErrorReporter.current.uninstall()
