"""Python's cyclic garbage collector and a big map: the objects of the maps shown are
frozen out of its way, so an edit does not wait for it.

A 10,000-card map keeps some 370,000 container objects alive (touchpoints, canvas items,
their Qt wrappers). Each edit leaves tens of thousands of new ones, and every second edit
or so that sets off a full collection, which walks them all: 120-140 ms on the GUI thread,
a quarter of the edit's time (measured, benchmarks/bench_heap.py). So once a map is shown
and the app has been quiet for a moment, the collector runs once and what survives it is
frozen (`gc.freeze`): full collections then walk only what came later, 5-10 ms.

Frozen objects that become cyclic garbage stay until they are unfrozen: about 60 KB per
edit. So everything is unfrozen as soon as a map closes (its objects can go at once), and
collected and frozen anew at the next quiet moment after every `REFREEZE_EDITS` edits.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from tpmapper.ui.document import Document

QUIET_MS = 2000  # after a map is shown, or the last of many edits
REFREEZE_EDITS = 500


class _Heap(QObject):
    """One for the app: collects and freezes at quiet moments."""

    def __init__(self) -> None:
        super().__init__(QCoreApplication.instance())
        self.edits_since_freeze = 0
        self._quiet = QTimer(self)
        self._quiet.setSingleShot(True)
        self._quiet.timeout.connect(self._collect_and_freeze)

    def watch(self, document: Document) -> None:
        document.undo_stack.indexChanged.connect(self._edited)
        document.closing.connect(self._map_closing)
        self._quiet.start(QUIET_MS)

    def _edited(self, _index: int) -> None:
        """Edits put off a collection that is due (it waits for a quiet moment), and make
        one due after `REFREEZE_EDITS` of them."""
        self.edits_since_freeze += 1
        if self._quiet.isActive() or self.edits_since_freeze >= REFREEZE_EDITS:
            self._quiet.start(QUIET_MS)

    def _map_closing(self) -> None:
        gc.unfreeze()  # the closing map's objects are garbage now: let them be collected
        self._quiet.start(QUIET_MS)

    def _collect_and_freeze(self) -> None:
        gc.unfreeze()
        gc.collect()
        gc.freeze()
        self.edits_since_freeze = 0


_heap: _Heap | None = None


def watch(document: Document) -> None:
    """A map is shown: freeze its objects at the next quiet moment; unfreeze when it closes."""
    global _heap  # noqa: PLW0603 - one for the app, made with the first map
    if _heap is None:
        _heap = _Heap()
    _heap.watch(document)
