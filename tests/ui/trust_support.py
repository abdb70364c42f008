"""Helpers of the autosave, recovery, lock and changed-on-disk tests."""

from __future__ import annotations

import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from tests.processes import dead_pid
from tpmapper.files import tpmap
from tpmapper.files.recovery import CopyInfo, RecoveryStore, now
from tpmapper.files.templates import sample_path
from tpmapper.model.journey import JourneyMap
from tpmapper.ui import clipboard
from tpmapper.ui.document import Document
from tpmapper.ui.main_window import OPEN_WINDOWS, MainWindow

DRIVER = Path(__file__).with_name("crash_driver.py")
STARTUP_TIMEOUT = 60


SAMPLE_TITLE = "Online shop: customer journey"


def shop_file(folder: Path, name: str = "shop.tpmap") -> Path:
    """A saved copy of the sample map."""
    path = folder / name
    shutil.copy(sample_path("en"), path)
    return path


def open_window(qtbot, settings, path: Path | None = None) -> MainWindow:
    document = Document.open(path) if path is not None else Document(tpmap.load(sample_path("en")))
    window = MainWindow(document, settings)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def close_all_windows() -> None:
    """Close every window a test opened, with no "save changes?" prompt, and delete them
    now (closed windows delete themselves later: not during interpreter shutdown); let go
    of the clipboard as the app does before quitting (mime data left there crashes exit)."""
    for other in list(OPEN_WINDOWS):
        other.document.undo_stack.setClean()
        other.close()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    clipboard.release()


def orphan_copy(
    store: RecoveryStore, journey: JourneyMap, file: Path | None = None, changes: int = 3
) -> CopyInfo:
    """A recovery copy as a crashed tpmapper leaves it."""
    info = CopyInfo(
        id=store.new_id(),
        file=None if file is None else str(file),
        title=journey.title,
        saved=now(),
        changes=changes,
        pid=dead_pid(),
        started="",
    )
    store.write(info, tpmap.dumps(journey))
    return info


def app_env(data: Path, home: Path) -> dict[str, str]:
    home.mkdir(parents=True, exist_ok=True)
    return dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        TPMAPPER_DATA_DIR=str(data),
        TPMAPPER_LANGUAGE="en",
    )


#: Every app process a test started; `no_stray_processes` ends those still running.
STARTED: list[subprocess.Popen] = []


@pytest.fixture(autouse=True)
def no_stray_processes() -> Iterator[None]:
    """A test that fails while its app process waits must not leave that process behind
    (it would hold its map's lock)."""
    yield
    while STARTED:
        process = STARTED.pop()
        if process.poll() is None:
            kill(process)
        for stream in (process.stdin, process.stdout, process.stderr):
            if stream is not None and not stream.closed:
                stream.close()


def start_driver(mode: str, out: Path, data: Path, home: Path, *files: Path) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, str(DRIVER), mode, str(out), *map(str, files)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=app_env(data, home),
    )
    STARTED.append(process)
    return process


def wait_for_line(process: subprocess.Popen, prefix: str) -> str:
    """The rest of the first line of the process's output that starts with `prefix`."""
    found: queue.Queue[str | None] = queue.Queue()

    def read() -> None:
        for line in process.stdout:
            if line.startswith(prefix):
                found.put(line.removeprefix(prefix).strip())
                return
        found.put(None)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        line = found.get(timeout=STARTUP_TIMEOUT)
    except queue.Empty:
        line = None
    if line is None:
        process.kill()
        reader.join()
        process.wait(STARTUP_TIMEOUT)
        raise AssertionError(f"no {prefix!r} line; stderr:\n{process.stderr.read()}")
    reader.join()
    return line


def kill(process: subprocess.Popen) -> None:
    """SIGKILL, and reaped (a zombie's process id still counts as running)."""
    process.send_signal(signal.SIGKILL)
    process.wait(STARTUP_TIMEOUT)
    for stream in (process.stdin, process.stdout, process.stderr):
        if stream is not None:
            stream.close()


def _quiet() -> dict:
    return {"capture_output": True, "text": True, "check": True, "timeout": STARTUP_TIMEOUT}
