"""Edits of a 10,000-touchpoint map (12,000 links) shown in a 1600 x 1000 main window, with
and without the map's objects frozen out of the garbage collector's way (ui/heap.py).

Each edit renames one card (`Document.push`, as the inspector does) and lets the window
finish what follows it (redraw, docks, analyses). Timed: the edits themselves, and each
full collection of Python's cyclic garbage collector while they run (gc.callbacks).
Baseline: the same edits, in rounds alternating with those, right after `gc.unfreeze()`
(what the app did before). RATIO = edits with the freeze / edits without. Target: at most
0.9. Also printed: the longest full collection either way (each is a stall of the GUI
thread), and how much the process grew over the edits.
"""

from __future__ import annotations

import gc
import os
import sys
import tempfile
import time
from pathlib import Path

from _support import header, line, median, quiet_offscreen_notice, settle, shown_window, verdict
from PySide6.QtWidgets import QApplication

from tpmapper.model.edits import UpdateTouchpoint
from tpmapper.ui import heap
from tpmapper.ui.main_window import MainWindow

TOUCHPOINTS, LINKS = 10_000, 12_000
EDITS, ROUNDS = 20, 3
RATIO_TARGET = 0.9


def resident_mib() -> float:
    with open("/proc/self/statm", encoding="ascii") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


class FullCollections:
    """The duration of each full collection while it is listened to."""

    def __init__(self) -> None:
        self.durations: list[float] = []
        self._started = 0.0

    def __call__(self, phase: str, info: dict) -> None:
        if info["generation"] != 2:
            return
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.durations.append(time.perf_counter() - self._started)


def edit_round(window: MainWindow, ids: list[str], tag: str) -> tuple[float, list[float]]:
    """(seconds for the edits, each full collection's seconds)."""
    collections = FullCollections()
    gc.callbacks.append(collections)
    start = time.perf_counter()
    for number, touchpoint_id in enumerate(ids):
        window.document.push(UpdateTouchpoint(touchpoint_id, {"name": f"{tag} {number}"}), "")
        QApplication.processEvents()
    elapsed = time.perf_counter() - start
    gc.callbacks.remove(collections)
    return elapsed, collections.durations


def main() -> int:
    header(f"edits of a {TOUCHPOINTS:,}-touchpoint map, its objects frozen or not")
    quiet_offscreen_notice()
    with tempfile.TemporaryDirectory(prefix="tpmapper-bench-") as folder:
        window = shown_window(Path(folder), TOUCHPOINTS, LINKS)
        settle(heap.QUIET_MS / 1000 + 1)
        line("objects frozen once the map is shown", f"{gc.get_freeze_count():,}")
        ids = [tp.id for tp in window.document.journey.touchpoints()]
        frozen, plain, stalls_frozen, stalls_plain = [], [], [], []
        grown_frozen, grown_plain = [], []
        for round_number in range(ROUNDS):
            chosen = ids[round_number * 2 * EDITS :][: 2 * EDITS]
            heap._heap._collect_and_freeze()  # as at a quiet moment in the app
            before = resident_mib()
            seconds, stalls = edit_round(window, chosen[:EDITS], "frozen")
            frozen.append(seconds / EDITS)
            stalls_frozen += stalls
            grown_frozen.append(resident_mib() - before)
            gc.unfreeze()
            gc.collect()
            before = resident_mib()
            seconds, stalls = edit_round(window, chosen[EDITS:], "plain")
            plain.append(seconds / EDITS)
            stalls_plain += stalls
            grown_plain.append(resident_mib() - before)
        line("baseline: an edit, nothing frozen", f"median {median(plain) * 1000:.0f} ms")
        line("  full collections, longest", _longest(stalls_plain))
        line("  the process grew per round", f"{median(grown_plain):.1f} MiB")
        line("an edit, the map's objects frozen", f"median {median(frozen) * 1000:.0f} ms")
        line("  full collections, longest", _longest(stalls_frozen))
        line("  the process grew per round", f"{median(grown_frozen):.1f} MiB")
        ratio = median(frozen) / median(plain)
        print(
            f"  RATIO frozen/plain = {ratio:.2f}  target <= {RATIO_TARGET:.1f}  "
            f"{verdict(ratio <= RATIO_TARGET)}",
            flush=True,
        )
        window.document.undo_stack.setClean()
        window.close()
        QApplication.processEvents()
    return 0


def _longest(durations: list[float]) -> str:
    if not durations:
        return "none"
    return f"{max(durations) * 1000:.0f} ms ({len(durations)} in all)"


if __name__ == "__main__":
    sys.exit(main())
