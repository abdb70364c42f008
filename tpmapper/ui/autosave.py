"""Autosave: every map with unsaved changes has a recovery copy, never more than a little
behind it, written without stalling the window.

When is a copy written (one `Autosaver` per open document):

- `IDLE_DELAY_MS` (5 s) after the last edit, but at most once per interval (the
  `autosave/interval` preference, in seconds: default 60, at least 5); while edits go on
  without a pause, once per interval all the same, so nothing older than the interval is
  ever lost;
- at once when the window loses focus (`write_now`), and for every open map when an
  unexpected error is reported (`write_all_now`, the error report's emergency path).

Saving the map (the undo stack becomes clean), undoing back to the saved state, or closing
it without saving removes the copy (`discard`). The copy is never the user's own file.

How: on the GUI thread only a frozen copy of the map is taken (`model.frozen.freeze`:
the map hands over its containers and copies them before its next change); one worker
thread for the whole app serialises it exactly as a save does and writes it atomically
(`files.recovery`). Jobs run one after another, so an older copy never overwrites a newer
one, and a job that finishes after its copy was discarded removes what it wrote
(`_Slot.epoch`). While the worker runs, Python's lock
changes hands every 0.5 ms and the cyclic garbage collector waits (see `_Slot.write`), so
the GUI thread keeps answering (benchmarks/bench_autosave.py).
"""

from __future__ import annotations

import gc
import sys
import threading
import time
import weakref
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QSettings, QTimer, Signal

from tpmapper.files.errors import MapFileError
from tpmapper.files.recovery import CopyInfo, RecoveryStore, now, own_process
from tpmapper.model.frozen import FrozenMap, freeze
from tpmapper.ui.document import Document
from tpmapper.ui.user_folders import recovery_folder

if TYPE_CHECKING:  # concurrent.futures is imported with the first copy: start-up goes without
    from concurrent.futures import Future, ThreadPoolExecutor

INTERVAL_KEY = "autosave/interval"
DEFAULT_INTERVAL_S = 60
MIN_INTERVAL_S = 5.0  # the least a user may choose; tests make it smaller
MAX_INTERVAL_S = 3600
IDLE_DELAY_MS = 5000  # quiet time after the last edit before a copy is written
#: While the worker writes, Python hands its lock to the GUI thread after at most this long
#: (the default, 5 ms, makes each call from Qt into Python wait that long: typing stutters).
WORKER_SWITCH_INTERVAL_S = 0.0005
EMERGENCY_TIMEOUT_S = 30.0


def interval_seconds(settings: QSettings) -> float:
    """The autosave interval the user chose, within the allowed range."""
    try:
        value = float(settings.value(INTERVAL_KEY, DEFAULT_INTERVAL_S))
    except (TypeError, ValueError):
        value = DEFAULT_INTERVAL_S
    return min(max(value, MIN_INTERVAL_S), MAX_INTERVAL_S)


# ---------------------------------------------------------------------- the worker
_executor: ThreadPoolExecutor | None = None


def _worker() -> ThreadPoolExecutor:
    global _executor  # noqa: PLW0603 - one writer thread for the whole app, made on first use
    if _executor is None:
        from concurrent.futures import ThreadPoolExecutor

        _executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tpmapper-autosave")
    return _executor


class _Relay(QObject):
    """Brings a finished job's result to the GUI thread (lives there, never deleted)."""

    finished = Signal(object, object)  # the slot, and None or the error's sentence


_relay: _Relay | None = None


def _relay_on_gui_thread() -> _Relay:
    global _relay  # noqa: PLW0603
    if _relay is None:
        _relay = _Relay(QCoreApplication.instance())
        _relay.finished.connect(_deliver)
    return _relay


def _deliver(slot: _Slot, error: str | None) -> None:
    saver = slot.owner()
    if saver is not None and shiboken6.isValid(saver):
        saver.job_finished(error)


class _Slot:
    """The plain-Python state a copy's jobs share with its autosaver (no Qt objects: a job
    may finish after the window and its document are gone)."""

    def __init__(self, store: RecoveryStore, copy_id: str, owner: Autosaver) -> None:
        self.store = store
        self.copy_id = copy_id
        self.owner = weakref.ref(owner)
        self.lock = threading.Lock()
        self.epoch = 0  # raised by each discard: jobs from before then remove what they wrote

    def write(self, info: CopyInfo, frozen: FrozenMap, epoch: int) -> None:
        """In the worker: serialise and write; undo the write if discarded meanwhile.

        The cyclic garbage collector is off meanwhile: serialising allocates some 100,000
        short-lived containers (freed as soon as the copy is written, by reference counts),
        and a collection in between would promote them to the oldest generation, whose
        next collection walks every object of the app: 300-450 ms with a 10,000-card map,
        with the GUI thread waiting (measured, benchmarks/bench_autosave.py)."""
        collecting = gc.isenabled()
        gc.disable()
        try:
            with self.lock:
                if epoch != self.epoch:
                    return
            self.store.write_map(info, frozen)
            with self.lock:
                if epoch != self.epoch:
                    self.store.remove(self.copy_id)
        finally:
            if collecting:
                gc.enable()

    def discard(self) -> None:
        with self.lock:
            self.epoch += 1
            self.store.remove(self.copy_id)


def _outcome(job: Future[str | None]) -> str | None:
    """None when the copy was written, else why not (also for an error nobody foresaw)."""
    error = job.exception()
    return job.result() if error is None else f"{type(error).__name__}: {error}"


def _run(slot: _Slot, info: CopyInfo, frozen: FrozenMap, epoch: int) -> str | None:
    try:
        slot.write(info, frozen, epoch)
    except (MapFileError, OSError, ValueError) as error:
        return str(error)
    finally:
        _SWITCHING.job_done()
    return None


class _QuickSwitching:
    """While autosave jobs are queued or running, Python hands its lock between threads
    every `WORKER_SWITCH_INTERVAL_S` instead of every 5 ms; as before once they are done."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._jobs = 0
        self._normal = sys.getswitchinterval()

    def job_queued(self) -> None:  # on the GUI thread, before the job is handed over
        with self._lock:
            if self._jobs == 0:
                self._normal = sys.getswitchinterval()
                sys.setswitchinterval(min(self._normal, WORKER_SWITCH_INTERVAL_S))
            self._jobs += 1

    def job_done(self) -> None:  # in the worker
        with self._lock:
            self._jobs -= 1
            if self._jobs == 0:
                sys.setswitchinterval(self._normal)


_SWITCHING = _QuickSwitching()


# ---------------------------------------------------------------------- one per document
_LIVE: weakref.WeakSet[Autosaver] = weakref.WeakSet()


class Autosaver(QObject):
    """Keeps a recovery copy of one document's unsaved changes."""

    written = Signal(Path)  # a copy was written (on the GUI thread)
    failed = Signal(str)  # a copy could not be written: why

    def __init__(
        self,
        document: Document,
        settings: QSettings,
        store: RecoveryStore | None = None,
        copy_id: str | None = None,
    ) -> None:
        super().__init__(document)
        self.document = document
        self.settings = settings
        self.store = store or RecoveryStore(recovery_folder())
        self._slot = _Slot(self.store, copy_id or self.store.new_id(), self)
        self._relay = _relay_on_gui_thread()
        self._dirty = False  # changes the copy does not hold yet
        self._last_write: float | None = None  # time.monotonic() of the last write
        self._jobs: list[Future[str | None]] = []
        self._closed = False
        self._idle = self._timer()
        self._deadline = self._timer()
        document.undo_stack.indexChanged.connect(self._edited)
        document.undo_stack.cleanChanged.connect(self._clean_changed)
        _LIVE.add(self)
        if document.is_modified:  # recovered, or imported: unsaved from the start
            self._edited()
            if copy_id is not None:  # a recovered copy: claim it for this process at once
                self.write_now()

    def _timer(self) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.timeout.connect(self._due)
        return timer

    @property
    def copy_id(self) -> str:
        return self._slot.copy_id

    @property
    def path(self) -> Path:
        return self.store.path_of(self.copy_id)

    @property
    def busy(self) -> bool:
        return any(not job.done() for job in self._jobs)

    # ------------------------------------------------------------------ when
    def _alive(self) -> bool:
        """Not closed, and the document still there (at exit Qt deletes the undo stack
        first, and it still signals)."""
        document = self.document
        return (
            not self._closed
            and shiboken6.isValid(document)
            and shiboken6.isValid(document.undo_stack)
        )

    def _edited(self, _index: int = 0) -> None:
        if not self._alive() or not self.document.is_modified:
            return
        self._dirty = True
        self._idle.start(IDLE_DELAY_MS)
        if not self._deadline.isActive():
            self._deadline.start(self._interval_ms())

    def _clean_changed(self, clean: bool) -> None:
        if clean and self._alive():
            self.discard()

    def _interval_ms(self) -> int:
        return round(interval_seconds(self.settings) * 1000)

    def _due(self) -> None:
        """The quiet time or the interval is over: write, unless the last copy is too recent."""
        if not self._dirty:
            return
        if self._last_write is not None:
            since = (time.monotonic() - self._last_write) * 1000
            wait_ms = self._interval_ms() - since
            if wait_ms > 0:
                self._deadline.start(round(wait_ms))
                return
        self.write_now()

    # ------------------------------------------------------------------ what
    def write_now(self) -> Future[str | None] | None:
        """Write a copy now if there are changes the last one lacks; the job, or None."""
        document = self.document
        if not self._alive() or not self._dirty or not document.is_modified:
            return None
        self._idle.stop()
        self._deadline.stop()
        self._dirty = False
        self._last_write = time.monotonic()
        pid, started = own_process()
        info = CopyInfo(
            id=self.copy_id,
            file=None if document.path is None else str(document.path),
            title=document.journey.title,
            saved=now(),
            changes=changes_since_clean(document),
            pid=pid,
            started=started,
        )
        slot, epoch = self._slot, self._slot.epoch
        _SWITCHING.job_queued()
        job = _worker().submit(_run, slot, info, freeze(document.journey), epoch)
        relay = self._relay
        job.add_done_callback(lambda done: relay.finished.emit(slot, _outcome(done)))
        self._jobs = [j for j in self._jobs if not j.done()] + [job]
        return job

    def job_finished(self, error: str | None) -> None:
        if error is not None:
            self._dirty = True  # still unsaved aside: try again at the next chance
            self.failed.emit(error)
        elif not self._closed:
            self.written.emit(self.path)

    def discard(self) -> None:
        """Remove the copy (the map was saved, or is closed without saving)."""
        self._idle.stop()
        self._deadline.stop()
        self._dirty = False
        self._last_write = None
        self._slot.discard()

    def adopt(self, copy_id: str) -> None:
        """Go on in an existing copy (recovered into this document): own copy removed,
        that one rewritten now by this process."""
        self._slot.discard()
        self._slot = _Slot(self.store, copy_id, self)
        self._dirty = self.document.is_modified
        self.write_now()

    def close(self) -> None:
        """The document goes away: no copy is left and none is written any more."""
        self.discard()
        self._closed = True
        _LIVE.discard(self)

    def finish(self, timeout: float | None = None) -> None:
        """Wait until the copies asked for are written (tests, the emergency path)."""
        _wait(self._jobs, timeout)


def changes_since_clean(document: Document) -> int:
    """Undo steps between the saved state and now (the imported or recovered map that was
    never saved counts from nothing)."""
    stack = document.undo_stack
    clean = stack.cleanIndex()
    return abs(stack.index() - clean) if clean >= 0 else stack.index() + 1


def write_all_now(timeout: float = EMERGENCY_TIMEOUT_S) -> list[Path]:
    """A copy of every open map with unsaved changes, written before this returns (the
    emergency path of the error report); the copies' paths."""
    savers = [s for s in list(_LIVE) if shiboken6.isValid(s) and s._alive()]
    for saver in savers:
        saver._dirty = saver._dirty or saver.document.is_modified
        saver.write_now()
    _wait([job for saver in savers for job in saver._jobs], timeout)
    return [saver.path for saver in savers if saver._alive() and saver.document.is_modified]


def _wait(jobs: list[Future[str | None]], timeout: float | None) -> None:
    if jobs:
        from concurrent.futures import wait

        wait(list(jobs), timeout=timeout)
