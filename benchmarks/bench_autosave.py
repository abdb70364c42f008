"""Autosave of a 10,000-touchpoint map (12,000 links, every field filled; ~14 MB on disk).

(a) Cost: an autosave (`Autosaver.write_now` until its copy is written: the frozen copy
    taken on the GUI thread, then serialised and written atomically by the worker) against
    a save of the same map (`Document.save`: serialise and write atomically) on the same
    machine in the same run. RATIO = autosave / save. Target: at most 1.0.
    Also printed: the GUI thread's share of an autosave (the frozen copy), no target, and
    what the copy costs later: the map hands its containers to the copy and copies them
    before its next change of a touchpoint (copy on write), timed on a second map of the
    same size against the same change without a copy before it.
(b) Typing while autosaves run: the map (with unsaved changes) is shown in a 1600 x 1000
    main window, a card is selected and a new name is typed into the inspector, a key
    every 30 ms; an autosave timer (every 7 ms, out of step with the keys) starts the next
    copy whenever none is being written (`autosave.write_all_now`), so copies are written
    all the time. In the app, too, a copy is started by the autosave's own timers, never
    in the middle of handling a key.
    A probe timer ticks every millisecond on the GUI thread; the longest time between two
    ticks is the longest the GUI thread was blocked (keys, painting and autosaves
    together); the median over three rounds is compared. Target: under 16 ms (one frame
    at 60 Hz). Baseline: the same typing with autosave off, in rounds alternating with
    those (the machine's own noise; context only); also printed: the same typing while
    another thread keeps a core busy without holding Python's lock (what any second busy
    thread costs on this machine: on a loaded 2-core box, most of what autosave costs). Committing
    the name (Enter) is left out: that edit's own redraw and analysis of 10,000 cards
    takes far longer than a frame with or without autosave (bench_canvas, bench_findings).
"""

from __future__ import annotations

import hashlib
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from _support import (
    generate_map,
    header,
    line,
    median,
    quiet_offscreen_notice,
    settle,
    shown_window,
    spread,
    verdict,
)
from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from tpmapper.model.edits import UpdateMap, UpdateTouchpoint
from tpmapper.model.frozen import freeze
from tpmapper.ui import autosave
from tpmapper.ui.main_window import MainWindow

TOUCHPOINTS, LINKS = 10_000, 12_000
REPEATS = 5
TYPING_SECONDS, ROUNDS = 5.0, 3  # rounds alternate with and without autosave
KEY_MS = 30
AUTOSAVE_CHECK_MS = 7
SETTLE_SECONDS = 5.0
RATIO_TARGET, BLOCK_TARGET_MS = 1.0, 16.0


def bench_cost(window: MainWindow, folder: Path) -> None:
    document, autosaver = window.document, window.trust.autosaver
    target = folder / "generated-10000.tpmap"
    saves, autosaves, gui_shares = [], [], []
    for number in range(REPEATS + 1):  # the first of each is a warm-up
        document.push(UpdateMap(title=f"Edit {number}"), "Rename map")
        start = time.perf_counter()
        document.save(target)
        saves.append(time.perf_counter() - start)
        document.push(UpdateMap(title=f"Edit {number} again"), "Rename map")
        start = time.perf_counter()
        job = autosaver.write_now()
        handed_over = time.perf_counter()
        assert job is not None, "nothing to autosave"
        assert job.result() is None, "the autosave failed"
        autosaves.append(time.perf_counter() - start)
        gui_shares.append(handed_over - start)
        settle()
    saves, autosaves, gui_shares = saves[1:], autosaves[1:], gui_shares[1:]
    line("file", f"{target.stat().st_size / 2**20:.1f} MiB")
    line("baseline: save (Document.save)", spread(saves))
    line("autosave (write_now until written)", spread(autosaves))
    line("  of it on the GUI thread (freeze)", spread(gui_shares))
    ratio = median(autosaves) / median(saves)
    print(
        f"  RATIO autosave/save = {ratio:.2f}  target <= {RATIO_TARGET:.1f}  "
        f"{verdict(ratio <= RATIO_TARGET)}",
        flush=True,
    )
    document.undo_stack.setClean()  # the copy goes
    bench_copy_on_write()


def bench_copy_on_write() -> None:
    journey = generate_map(TOUCHPOINTS, LINKS)
    first = journey.touchpoints()[0].id
    plain, after_copy = [], []
    for number in range(REPEATS * 4):
        for times, copy_first in ((plain, False), (after_copy, True)):
            if copy_first:
                freeze(journey)
            start = time.perf_counter()
            UpdateTouchpoint(first, {"name": f"Renamed {number} {copy_first}"}).apply(journey)
            times.append(time.perf_counter() - start)
    line("a change of a touchpoint", spread(plain))
    line("  the same just after a copy", spread(after_copy))


class CpuLoad:
    """A thread that keeps one core busy without holding Python's lock (sha256 of a large
    buffer releases it): what a second busy thread costs the GUI thread on this machine,
    apart from the lock."""

    def __init__(self) -> None:
        self._stop = threading.Event()
        self._data = os.urandom(16 * 2**20)
        self._thread = threading.Thread(target=self._burn, daemon=True)

    def _burn(self) -> None:
        while not self._stop.is_set():
            hashlib.sha256(self._data).digest()

    def __enter__(self) -> CpuLoad:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()


def type_for(window: MainWindow, seconds: float, autosave_on: bool) -> tuple[float, int, int]:
    """(longest gap between probe ticks in ms, keys typed, autosaves written)."""
    autosaver = window.trust.autosaver
    field = next(
        e for e in window.inspector.findChildren(QLineEdit) if e.isVisible() and e.isEnabled()
    )
    field.setFocus()
    gaps: list[float] = []
    clock = QElapsedTimer()
    last = [0]
    counts = {"keys": 0, "autosaves": 0}

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    def key() -> None:
        counts["keys"] += 1
        QTest.keyClick(field, Qt.Key.Key_A)

    def autosave_due() -> None:
        if not autosaver.busy:
            autosave.write_all_now(timeout=0)  # started, not waited for
            counts["autosaves"] += 1

    probe, typing, autosaving = QTimer(), QTimer(), QTimer()
    probe.setTimerType(Qt.TimerType.PreciseTimer)
    probe.timeout.connect(tick)
    typing.timeout.connect(key)
    autosaving.timeout.connect(autosave_due)
    clock.start()
    probe.start(1)
    typing.start(KEY_MS)
    if autosave_on:
        autosaving.start(AUTOSAVE_CHECK_MS)
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        QApplication.processEvents()
        time.sleep(0.0005)
    probe.stop()
    typing.stop()
    autosaving.stop()
    autosaver.finish(30)
    settle()
    gaps = gaps[5:]  # the first ticks include the start-up of the timers
    longest = sorted(gaps)[-5:]
    print(
        f"    gaps: median {statistics.median(gaps):.1f} ms, 99th percentile "
        f"{sorted(gaps)[int(len(gaps) * 0.99)]:.1f} ms, longest {longest} ms",
        flush=True,
    )
    return max(gaps), counts["keys"], counts["autosaves"]


def bench_typing(window: MainWindow) -> None:
    autosaver = window.trust.autosaver
    window.document.push(UpdateMap(title="Unsaved changes"), "Rename map")
    autosaver.write_now()  # the copy of that edit, so none starts during the baseline
    autosaver.finish(30)
    window.scene.card(window.document.journey.touchpoints()[0].id).setSelected(True)
    settle(SETTLE_SECONDS)
    base, busy, longest, keys, written = [], [], [], 0, 0
    for round_number in range(1, ROUNDS + 1):
        line(f"round {round_number}: typing, autosave off", "")
        base.append(type_for(window, TYPING_SECONDS, autosave_on=False)[0])
        line(f"round {round_number}: typing, a core kept busy", "")
        with CpuLoad():
            busy.append(type_for(window, TYPING_SECONDS, autosave_on=False)[0])
        line(f"round {round_number}: typing while autosaves run", "")
        gap, typed, started = type_for(window, TYPING_SECONDS, autosave_on=True)
        longest.append(gap)
        keys, written = keys + typed, written + started
    line("keys typed, autosaves started", f"{keys}, {written}")
    line("baseline: longest block, autosave off", f"median of rounds {median(base):.1f} ms")
    line("  with a core kept busy (no lock)", f"median of rounds {median(busy):.1f} ms")
    line("longest block while autosaving", f"median of rounds {median(longest):.1f} ms")
    print(
        f"  RATIO longest block with/without autosave = {median(longest) / median(base):.2f}"
        "  (context only)",
        flush=True,
    )
    print(
        f"  absolute: longest GUI-thread block {median(longest):.1f} ms  target < "
        f"{BLOCK_TARGET_MS:.0f} ms  {verdict(median(longest) < BLOCK_TARGET_MS)}",
        flush=True,
    )


def main() -> int:
    header(f"autosave of a {TOUCHPOINTS:,}-touchpoint map ({LINKS:,} links)")
    quiet_offscreen_notice()
    with tempfile.TemporaryDirectory(prefix="tpmapper-bench-") as folder:
        window = shown_window(Path(folder), TOUCHPOINTS, LINKS)  # copies go to its data/
        bench_cost(window, Path(folder))
        bench_typing(window)
        window.document.undo_stack.setClean()  # the copy goes
        window.close()
        QApplication.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
