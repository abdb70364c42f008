"""Whether a process still runs, and a name for this computer (no Qt, no third party)."""

from __future__ import annotations

import os
import re
import socket
import sys


def pid_exists(pid: int) -> bool:
    """Whether a process with id `pid` runs on this computer (another user's counts)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":  # pragma: no cover - Windows only
        return _windows_pid_exists(pid)
    try:
        os.kill(pid, 0)  # signal 0: nothing is sent, only asked
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: it exists
        return True
    except OSError:
        return False
    return True


def _windows_pid_exists(pid: int) -> bool:  # pragma: no cover - Windows only
    """Asked without os.kill, which on Windows would end the process."""
    import ctypes

    kernel = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    handle = kernel.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return ctypes.get_last_error() == 5  # access denied: it exists
    try:
        code = ctypes.c_ulong()
        return bool(kernel.GetExitCodeProcess(handle, ctypes.byref(code))) and code.value == 259
    finally:
        kernel.CloseHandle(handle)


def host_tag() -> str:
    """This computer's name as up to 16 letters, digits and hyphens (for file names that
    say which computer wrote them); "host" when it has none such."""
    try:
        name = socket.gethostname().split(".")[0]
    except OSError:
        name = ""
    return re.sub(r"[^A-Za-z0-9-]", "", name)[:16].strip("-") or "host"
