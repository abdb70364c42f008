"""The findings dock on a 500-touchpoint map (600 links): what one edit costs it.

Each edit is pushed through a `Document` as the inspector pushes it (a customer rating
or a name changed: one undo step). Timed per edit:
  - baseline: the push itself (the model edit, its undo command and the `edited` signal;
    the dock only restarts its timer then, since its refresh waits for a pause);
  - `analyze(journey)` alone, on a freshly edited map (its graph built afresh);
  - the dock's refresh after an edit: analyze + the rows + the tree brought in line;
  - painting the dock after it (repaint(), in the offscreen platform).
RATIO = refresh / push. Target: refresh + paint under 16 ms (one frame at 60 Hz): the
refresh runs once typing pauses, and must not make the next keystroke wait a frame.
For context, also the first refresh (imports networkx) and the refresh on a 5,000-
touchpoint map (no target).
"""

from __future__ import annotations

import sys
import time

from _support import generate_map, header, line, median, quiet_offscreen_notice, spread, verdict
from PySide6.QtWidgets import QApplication

from tpmapper.analysis import analyze
from tpmapper.model.edits import UpdateTouchpoint
from tpmapper.ui.document import Document
from tpmapper.ui.findings_dock import FindingsDock

TOUCHPOINTS, LINKS = 500, 600
EDITS = 40
TARGET_MS = 16.0
LARGE_TOUCHPOINTS, LARGE_LINKS, LARGE_EDITS = 5_000, 6_000, 6


def edits(document: Document, count: int) -> list[UpdateTouchpoint]:
    """Alternately a customer rating (which moves findings between kinds) and a name."""
    touchpoints = document.journey.touchpoints()
    made = []
    for index in range(count):
        tp = touchpoints[(index * 37) % len(touchpoints)]
        if index % 2:
            made.append(UpdateTouchpoint(tp.id, {"name": f"{tp.name} (edited {index})"}))
        else:
            rating = 1 + (tp.customer_rating or 1) % 5
            made.append(UpdateTouchpoint(tp.id, {"customer_rating": rating}))
    return made


def measure(touchpoints: int, links: int, count: int) -> dict[str, list[float]]:
    document = Document(generate_map(touchpoints, links))
    dock = FindingsDock()
    dock.resize(380, 900)
    start = time.perf_counter()
    dock.set_document(document)
    first = time.perf_counter() - start
    dock.show()
    QApplication.processEvents()
    times: dict[str, list[float]] = {"first": [first], "push": [], "analyze": [], "refresh": []}
    times["paint"] = []
    for number, edit in enumerate(edits(document, 2 * count)):
        start = time.perf_counter()
        document.push(edit, "Edit")
        pushed = time.perf_counter()
        if number % 2 == 0:  # the map's graph is built afresh by whichever runs first
            analyze(document.journey)
            times["analyze"].append(time.perf_counter() - pushed)
        else:
            dock.refresh()
            refreshed = time.perf_counter()
            dock.repaint()
            times["refresh"].append(refreshed - pushed)
            times["paint"].append(time.perf_counter() - refreshed)
        times["push"].append(pushed - start)
    items = sum(
        dock.tree.topLevelItem(i).childCount() + 1 for i in range(dock.tree.topLevelItemCount())
    )
    times["items"] = [float(items)]
    dock.close()
    dock.deleteLater()
    QApplication.processEvents()
    return times


def main() -> int:
    quiet_offscreen_notice()
    app = QApplication.instance() or QApplication(sys.argv)
    header(f"findings dock: one edit on a {TOUCHPOINTS}-touchpoint map ({LINKS} links)")
    times = measure(TOUCHPOINTS, LINKS, EDITS)
    line("items in the tree", f"{int(times['items'][0])}")
    line("first refresh (imports networkx)", f"{times['first'][0] * 1000:.1f} ms")
    line("baseline: document.push(edit)", spread(times["push"]))
    line("analyze(journey)", spread(times["analyze"]))
    line("dock.refresh() (analyze + tree)", spread(times["refresh"]))
    line("dock.repaint() after it", spread(times["paint"]))
    per_edit = (median(times["refresh"]) + median(times["paint"])) * 1000
    ratio = median(times["refresh"]) / median(times["push"])
    line("refresh + paint per edit", f"{per_edit:.2f} ms")
    print(
        f"  RATIO refresh/push = {ratio:.1f}  target: refresh + paint < {TARGET_MS:.0f} ms  "
        f"{verdict(per_edit < TARGET_MS)}",
        flush=True,
    )
    header(f"for context: {LARGE_TOUCHPOINTS:,} touchpoints ({LARGE_LINKS:,} links)")
    large = measure(LARGE_TOUCHPOINTS, LARGE_LINKS, LARGE_EDITS)
    line("items in the tree", f"{int(large['items'][0])}")
    line("baseline: document.push(edit)", spread(large["push"]))
    line("analyze(journey)", spread(large["analyze"]))
    line("dock.refresh() (analyze + tree)", spread(large["refresh"]))
    line("dock.repaint() after it", spread(large["paint"]))
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
