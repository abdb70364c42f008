"""Start-up: process start until the main window with the sample map has been painted.

Each run is a fresh `python -c` process. The app process builds the window exactly as
`tpmapper.ui.app.run_app` does (make_application, sample map, MainWindow, show, fit,
exec); the baseline process shows a bare QMainWindow holding an empty QGraphicsView.
Both stop right after the viewport's first paint and print the CLOCK_MONOTONIC time of
it, which the parent subtracts from its own clock just before starting the process.

Target: app / baseline <= 1.3 (median of several interleaved runs). Also checks that
pyqtgraph and openpyxl (used only by charts and Excel import/export) are not imported
at start-up.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time

from _support import header, line, median, verdict

REPEATS = 11
UNCACHED_REPEATS = 3
TARGET_RATIO = 1.3
MUST_NOT_IMPORT = ("pyqtgraph", "openpyxl")
ALSO_REPORT = ("networkx", "numpy", "scipy", "pandas", "matplotlib", "PySide6.QtSvg")

# Shared by both processes: after the first paint of `viewport`, report and quit.
FIRST_PAINT_HOOK = """
import json, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer

class FirstPaint(QObject):
    def __init__(self, viewport, app, marks):
        super().__init__()
        self.app, self.marks, self.seen = app, marks, False
        viewport.installEventFilter(self)

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not self.seen:
            self.seen = True
            QTimer.singleShot(0, self.report)  # runs once the paint has finished
        return False

    def report(self):
        self.marks["painted"] = time.monotonic()
        print("RESULT " + json.dumps({
            "marks": self.marks,
            "modules": sorted({m.split(".")[0] for m in sys.modules}),
            "submodules": [m for m in sys.modules if m.startswith("PySide6.")],
        }), flush=True)
        self.app.quit()
"""

APP = (
    """
import time
marks = {"python_ready": time.monotonic()}
from PySide6.QtCore import QSettings, QTimer
from tpmapper.ui.app import make_application, open_initial_document
from tpmapper.ui.main_window import MainWindow
marks["imported"] = time.monotonic()
"""
    + FIRST_PAINT_HOOK
    + """
app = make_application()
document = open_initial_document(None)
marks["loaded"] = time.monotonic()
window = MainWindow(document, QSettings())
marks["window_built"] = time.monotonic()
hook = FirstPaint(window.view.viewport(), app, marks)
QTimer.singleShot(20000, app.quit)  # never hang the benchmark
window.show()
window.view.fit()
marks["shown"] = time.monotonic()
app.exec()
"""
)

BASELINE = (
    """
import sys, time
marks = {"python_ready": time.monotonic()}
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QGraphicsScene, QGraphicsView, QMainWindow
marks["imported"] = time.monotonic()
"""
    + FIRST_PAINT_HOOK
    + """
app = QApplication(sys.argv[:1])
window = QMainWindow()
view = QGraphicsView(QGraphicsScene(window))
window.setCentralWidget(view)
window.resize(1280, 800)
marks["window_built"] = time.monotonic()
hook = FirstPaint(view.viewport(), app, marks)
QTimer.singleShot(20000, app.quit)
window.show()
marks["shown"] = time.monotonic()
app.exec()
"""
)


def run(code: str, home: str, bytecode_cache: bool = True) -> dict:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        HOME=home,  # first-run settings, and nothing written to the user's own
        XDG_CONFIG_HOME=home,
        TPMAPPER_LANGUAGE="en",
    )
    # An installed app starts from compiled bytecode; keep it in the temporary folder
    # (PYTHONPYCACHEPREFIX) so that nothing is written into the repository.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = os.path.join(home, "pycache")
    if not bytecode_cache:  # as in a checkout run with PYTHONDONTWRITEBYTECODE=1
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        del env["PYTHONPYCACHEPREFIX"]
    start = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    report = next(
        (ln[7:] for ln in result.stdout.splitlines() if ln.startswith("RESULT ")),
        None,
    )
    if result.returncode != 0 or report is None:
        raise RuntimeError(f"start-up process failed ({result.returncode}):\n{result.stderr}")
    data = json.loads(report)
    data["phases"] = {key: value - start for key, value in data["marks"].items()}
    return data


def main() -> int:
    header("start-up: process start until the main window is painted")
    app_runs, base_runs = [], []
    with tempfile.TemporaryDirectory(prefix="tpmapper-bench-") as home:
        run(BASELINE, home)  # warm the disk cache for both
        run(APP, home)
        for _ in range(REPEATS):  # interleaved, so drift hits both alike
            base_runs.append(run(BASELINE, home))
            app_runs.append(run(APP, home))
        uncached = [run(APP, home, bytecode_cache=False) for _ in range(UNCACHED_REPEATS)]

    def phase_median(runs: list[dict], key: str) -> float:
        return median([r["phases"][key] for r in runs])

    base = phase_median(base_runs, "painted")
    app = phase_median(app_runs, "painted")
    line(
        "baseline (bare window)",
        f"{base * 1000:.0f} ms  (median of {REPEATS}; Qt imported at "
        f"{phase_median(base_runs, 'imported') * 1000:.0f} ms)",
    )
    line("tpmapper with sample map", f"{app * 1000:.0f} ms  (median of {REPEATS})")
    line("  runs (ms)", ", ".join(f"{r['phases']['painted'] * 1000:.0f}" for r in app_runs))
    print("  where the app's time goes (median ms since process start):")
    previous = 0.0
    for key in ("python_ready", "imported", "loaded", "window_built", "shown", "painted"):
        at = phase_median(app_runs, key)
        line(f"    {key}", f"{at * 1000:7.0f}  (+{(at - previous) * 1000:.0f})")
        previous = at
    ratio = app / base
    line(
        "for information, without .pyc",
        f"{phase_median(uncached, 'painted') * 1000:.0f} ms  (tpmapper compiled from source "
        f"each start, as with PYTHONDONTWRITEBYTECODE=1; median of {UNCACHED_REPEATS})",
    )
    print(
        f"  RATIO app/baseline = {ratio:.2f}  target <= {TARGET_RATIO}  "
        f"{verdict(ratio <= TARGET_RATIO)}"
    )

    modules = set(app_runs[-1]["modules"]) | set(app_runs[-1]["submodules"])
    baseline_modules = set(base_runs[-1]["modules"])
    forbidden = [m for m in MUST_NOT_IMPORT if m in modules]
    for name in MUST_NOT_IMPORT:
        line(f"imported at start-up: {name}", "yes" if name in modules else "no")
    print(
        f"  heavy imports not imported at start-up: "
        f"{verdict(not forbidden)}{'  (' + ', '.join(forbidden) + ')' if forbidden else ''}"
    )
    present = [m for m in ALSO_REPORT if m in modules]
    line("for information, imported", ", ".join(present) or "none of " + ", ".join(ALSO_REPORT))
    line(
        "top-level modules (app / baseline)",
        f"{len(app_runs[-1]['modules'])} / {len(baseline_modules)}",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
