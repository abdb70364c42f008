"""The real app for the recovery tests: `python tests/ui/crash_driver.py MODE OUT [FILE]`
starts tpmapper as `tpmapper [FILE]` does, edits the map through its document, waits for
the autosave, writes the edited map's bytes to OUT and prints "AUTOSAVED <copy>". Then:

- kill: waits (the test kills it with SIGKILL);
- die-mid-autosave: edits again and dies (SIGKILL itself) while that copy is written,
  after the data is in the temporary file and before it replaces the first copy;
- quit: Ctrl+Q, answers "Discard" to the unsaved-changes question, exits.

Or, with MODE recover, it edits nothing: it answers the "Recover Unsaved Work" dialog the
app shows at start with Recover, writes the recovered map's bytes to OUT, saves (Ctrl+S)
and quits (Ctrl+Q).

The autosave's quiet time is shortened through the module's constants, as tests do.
"""

from __future__ import annotations

import faulthandler
import os
import signal
import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from tpmapper.cli import main
from tpmapper.files import tpmap
from tpmapper.model.edits import UpdateMap, UpdateTouchpoint
from tpmapper.ui import autosave
from tpmapper.ui.app import make_application
from tpmapper.ui.main_window import OPEN_WINDOWS, MainWindow

faulthandler.register(signal.SIGUSR1)  # where it waits, should a test hang
autosave.IDLE_DELAY_MS = 100
autosave.MIN_INTERVAL_S = 0.0
MODE, OUT = sys.argv[1], Path(sys.argv[2])
written: list[str] = []


def the_window() -> MainWindow | None:
    return next((w for w in OPEN_WINDOWS if w.isVisible()), None)


def edit(window: MainWindow, number: int) -> None:
    document = window.document
    first = document.journey.touchpoints()[0]
    document.push(UpdateMap(title=f"Edited {number} before the crash"), "Rename map")
    document.push(UpdateTouchpoint(first.id, {"name": f"Renamed {number}"}), "Rename")


def start() -> None:
    if MODE == "recover":
        recover()
        return
    window = the_window()
    if window is None:
        QTimer.singleShot(20, start)
        return
    window.settings.setValue(autosave.INTERVAL_KEY, 0.05)
    window.trust.autosaver.written.connect(lambda path: autosaved(window, path))
    edit(window, 1)


def autosaved(window: MainWindow, path: Path) -> None:
    written.append(str(path))
    if len(written) > 1:
        return
    OUT.write_bytes(tpmap.dumps(window.document.journey))
    print("AUTOSAVED", path, flush=True)
    if MODE == "die-mid-autosave":
        os.fsync = lambda _fd: os.kill(os.getpid(), signal.SIGKILL)  # inside the next write
        edit(window, 2)
    elif MODE == "quit":
        QTimer.singleShot(0, answer_discard)
        QTest.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)


def answer_discard() -> None:
    box = QApplication.activeModalWidget()
    if not isinstance(box, QMessageBox):
        QTimer.singleShot(20, answer_discard)
        return
    print("ASKED", box.text(), flush=True)
    QTest.mouseClick(box.button(QMessageBox.StandardButton.Discard), Qt.MouseButton.LeftButton)


def recover() -> None:
    dialog = QApplication.activeModalWidget()
    if dialog is None:
        QTimer.singleShot(20, recover)
        return
    print("DIALOG", dialog.windowTitle(), flush=True)
    QTest.mouseClick(dialog.findChild(QPushButton, "recover"), Qt.MouseButton.LeftButton)
    QTimer.singleShot(0, save_and_quit)


def save_and_quit() -> None:
    window = the_window()
    if window is None or window.document.path is None or QApplication.activeModalWidget():
        QTimer.singleShot(20, save_and_quit)  # the dialog is still closing
        return
    if QApplication.activeWindow() is not window:  # offscreen, a closed dialog leaves none
        window.activateWindow()
        QTimer.singleShot(20, save_and_quit)
        return
    print("MODIFIED", window.isWindowModified(), flush=True)
    OUT.write_bytes(tpmap.dumps(window.document.journey))
    QTest.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    print("SAVED", window.document.path, not window.isWindowModified(), flush=True)
    QTest.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)


make_application()  # run_app() reuses it; the timer below needs it
QTimer.singleShot(0, start)
sys.exit(main(sys.argv[3:]))
