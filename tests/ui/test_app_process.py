"""The app as a user starts it: `tpmapper` opens the sample, Ctrl+Q quits cleanly."""

from __future__ import annotations

import os
import subprocess
import sys

DRIVER = """
import sys
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from tpmapper.cli import main
from tpmapper.ui.app import make_application

make_application()  # run_app() reuses it; the timer below needs it to exist


def quit_with_ctrl_q():
    window = next(w for w in QApplication.topLevelWidgets() if w.isWindow() and w.isVisible())
    print("TITLE", window.windowTitle(), flush=True)
    if "--copy-first" in sys.argv:  # a copy on the clipboard must not crash the exit
        window.select_all()
        window.copy()
    QTest.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)

QTimer.singleShot(300, quit_with_ctrl_q)
sys.exit(main([a for a in sys.argv[1:] if a != "--copy-first"]))
"""

OFFSCREEN_NOTICE = "This plugin does not support propagateSizeHints()"


def run_app(*args: str, home: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=home, XDG_CONFIG_HOME=home)
    return subprocess.run(
        [sys.executable, "-c", DRIVER, *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )


def test_ctrl_q_on_an_unmodified_map_quits_at_once(tmp_path):
    result = run_app(home=str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "TITLE Online shop: customer journey" in result.stdout
    stray = [line for line in result.stderr.splitlines() if line.strip() != OFFSCREEN_NOTICE]
    assert stray == []


def test_quitting_after_a_copy_exits_cleanly(tmp_path):
    result = run_app("--copy-first", home=str(tmp_path))
    assert result.returncode == 0, result.stderr
    stray = [line for line in result.stderr.splitlines() if line.strip() != OFFSCREEN_NOTICE]
    assert stray == []


def test_opening_a_broken_file_says_so_and_exits_1(tmp_path):
    broken = tmp_path / "broken.tpmap"
    broken.write_text('{"format": "tpmapper-map", "version": 1, "title": ""}', encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path))
    code = (
        "import sys; from PySide6.QtWidgets import QMessageBox; "
        "QMessageBox.critical = staticmethod(lambda *a: None); "  # no one is there to click OK
        "from tpmapper.cli import main; sys.exit(main(sys.argv[1:]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(broken)],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )
    assert result.returncode == 1
    assert f"{broken}: title: must not be empty" in result.stderr
    assert "Traceback" not in result.stderr
