"""Opening a 500-touchpoint map: read and check the file, build window and scene, lay
out, fit and paint the first frame.

The map is generated into a temporary folder (5 phases, 6 lanes, cards in random
cells, 600 links, every field filled). Target: under 1 s (absolute). For context, the
RATIO against reading the same file with plain `json.loads` is printed too.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

from _support import (
    PaintCounter,
    header,
    line,
    median,
    quiet_offscreen_notice,
    spread,
    verdict,
    write_map,
)
from PySide6.QtCore import QEvent, QSettings
from PySide6.QtWidgets import QApplication

from tpmapper.files.tpmap import load
from tpmapper.ui.app import make_application
from tpmapper.ui.document import Document
from tpmapper.ui.main_window import MainWindow

TOUCHPOINTS, LINKS = 500, 600
REPEATS = 7
TARGET_SECONDS = 1.0


def wait_for_paint(window: MainWindow, counter: PaintCounter) -> None:
    """Let Qt lay out and paint as it would on screen, until the canvas has been painted."""
    before = counter.paints
    deadline = time.perf_counter() + 2
    while counter.paints == before and time.perf_counter() < deadline:
        QApplication.processEvents()
    if counter.paints == before:
        window.view.viewport().repaint()


def dispose(window: MainWindow) -> None:
    window.document.undo_stack.setClean()
    window.close()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()


def open_in_new_window(path: Path, settings: QSettings) -> dict[str, float]:
    """As `tpmapper FILE` does: open, build the window, show, fit, first paint."""
    counter = PaintCounter()
    start = time.perf_counter()
    document = Document.open(path)
    loaded = time.perf_counter()
    window = MainWindow(document, settings)
    built = time.perf_counter()
    window.view.viewport().installEventFilter(counter)
    window.show()
    window.view.fit()
    wait_for_paint(window, counter)
    painted = time.perf_counter()
    dispose(window)
    return {
        "total": painted - start,
        "load": loaded - start,
        "window": built - loaded,
        "paint": painted - built,
    }


def main() -> int:
    header(f"open a {TOUCHPOINTS}-touchpoint map ({LINKS} links)")
    quiet_offscreen_notice()
    app = make_application()
    with tempfile.TemporaryDirectory(prefix="tpmapper-bench-") as folder:
        path = Path(folder) / "generated-500.tpmap"
        write_map(path, TOUCHPOINTS, LINKS)
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        line("file", f"{path.stat().st_size / 1024:.0f} KiB")

        def parse_only() -> float:
            start = time.perf_counter()
            json.loads(path.read_bytes())
            return time.perf_counter() - start

        def load_only() -> float:
            start = time.perf_counter()
            load(path)
            return time.perf_counter() - start

        parse_only(), load_only(), open_in_new_window(path, settings)  # warm-up
        baseline, loads, opens = [], [], []
        for _ in range(REPEATS):
            baseline.append(parse_only())
            loads.append(load_only())
            opens.append(open_in_new_window(path, settings))

    totals = [o["total"] for o in opens]
    base = median(baseline)
    total = median(totals)
    line("baseline: json.loads of the file", spread(baseline))
    line("tpmap.load (parse + check)", spread(loads))
    line("open in a new window, total", spread(totals))
    for key, text in (
        ("load", "read and check the file"),
        ("window", "MainWindow + scene + layout"),
        ("paint", "show, fit, first paint"),
    ):
        line(f"  {text}", f"median {median([o[key] for o in opens]) * 1000:.1f} ms")
    ratio = total / base
    print(f"  RATIO open/json.loads = {ratio:.1f}  (context only; no target for the ratio)")
    print(
        f"  absolute: open {total:.3f} s  target < {TARGET_SECONDS:.1f} s  "
        f"{verdict(total < TARGET_SECONDS)}",
        flush=True,
    )
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
