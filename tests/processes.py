"""Processes for tests of what tpmapper does when another process is gone."""

from __future__ import annotations

import subprocess
import sys

TIMEOUT_S = 60


def dead_pid() -> int:
    """The id of a process that has ended (and been reaped)."""
    child = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
        timeout=TIMEOUT_S,
    )
    return int(child.stdout)
