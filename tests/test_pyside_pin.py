"""Guard against PySide6 builds that leak references to None (6.12.0 on Python < 3.12).

That build drops one reference to None on every Qt call that returns nothing, and the
process aborts with "none_dealloc" after a few thousand calls. pyproject.toml pins it
out; this test fails loudly if a broken build ever slips in again.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QGraphicsRectItem

CALLS = 100_000


@pytest.mark.usefixtures("qapp")
def test_qt_calls_returning_nothing_keep_none_alive():
    item = QGraphicsRectItem()
    before = sys.getrefcount(None)
    for i in range(CALLS):
        item.setPos(i, i)
    after = sys.getrefcount(None)
    # Unrelated code may take a few references meanwhile; a broken build loses ~CALLS.
    assert after >= before - 100, f"None lost {before - after} references in {CALLS} calls"
    assert item.pos().x() == CALLS - 1
