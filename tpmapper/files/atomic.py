"""Atomic file writes: the user's old file survives any failure, whole or not at all.

A file is written to a temporary file in the same folder, flushed to the disk, and renamed
over the old one. The temporary's name says whose it is,
`.{file name}.{computer}-{process id}.{random}.tpmapper-tmp`, and where the system has
`flock` the writing process holds a lock on it until it is renamed. A crash in the middle
leaves it behind; the next save into the same folder removes every such left-over whose
writer is gone (its process no longer runs, or it is not locked although its id was
given to a new process since). A temporary of a save in progress is never touched: it is
locked, or its process runs (and on Windows, it cannot be removed while open). What
cannot be asked (another computer's temporary on a shared folder, or one an older
tpmapper wrote without its process in the name) is removed only when it belongs to the
same file and is older than `STALE_AFTER_SECONDS`.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import sys
import tempfile
import time
from pathlib import Path

from tpmapper.files.errors import MapFileError
from tpmapper.files.processes import host_tag, pid_exists

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

TEMP_SUFFIX = ".tpmapper-tmp"
STALE_AFTER_SECONDS = 600  # a temporary whose writer cannot be asked
REUSED_AFTER_SECONDS = 60  # an unlocked temporary of a running process: its id is reused
HOST = host_tag()
NAME_BYTES = 255  # the longest file name most file systems allow
_RANDOM_CHARACTERS = 8  # what tempfile.mkstemp puts between prefix and suffix
_RENAME_WHILE_OPEN = sys.platform != "win32"
# The end of a temporary's name that says whose it is: .{computer}-{pid}.{random}{suffix}
_WHOSE = re.compile(
    rf"\.([A-Za-z0-9-]+)-([0-9]{{1,10}})\.[a-z0-9_]{{{_RANDOM_CHARACTERS}}}"
    rf"{re.escape(TEMP_SUFFIX)}\Z"
)


def temporary_prefix(path: Path) -> str:
    """`.{name}.{computer}-{pid}.`: the start of the name of a temporary file for `path`,
    its name cut short (at a character) so that the whole name fits a file system's."""
    tag = f".{HOST}-{os.getpid()}."
    room = NAME_BYTES - 1 - len(tag) - _RANDOM_CHARACTERS - len(TEMP_SUFFIX)
    raw = os.fsencode(path.name)
    if len(raw) > room:
        while room > 0 and raw[room] & 0xC0 == 0x80:  # not inside a UTF-8 character
            room -= 1
        raw = raw[:room]
    return f".{os.fsdecode(raw)}{tag}"


def remove_stale_temporaries(path: Path) -> None:
    """Delete the temporary files that interrupted saves left in `path`'s folder: any
    whose writer is gone, and `path`'s own that are too old to be a save in progress."""
    own = f".{path.name}."
    cutoff = time.time() - STALE_AFTER_SECONDS
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return
    for entry in entries:
        name = entry.name
        if not (name.startswith(".") and name.endswith(TEMP_SUFFIX)):
            continue
        with contextlib.suppress(OSError):
            status = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(status.st_mode):
                continue
            whose = _WHOSE.search(name)
            if whose and whose.group(1) == HOST:
                if _abandoned(Path(entry.path), int(whose.group(2)), status.st_mtime):
                    os.unlink(entry.path)
            elif name.startswith(own) and status.st_mtime < cutoff:
                os.unlink(entry.path)


def _abandoned(stray: Path, pid: int, modified: float) -> bool:
    """Whether the temporary `stray`, written on this computer by process `pid`, belongs
    to no save in progress."""
    locked = _locked(stray)
    if locked:
        return False
    if not pid_exists(pid):
        return True
    age = time.time() - modified
    if locked is None or pid == os.getpid():  # cannot be asked: only when long forgotten
        return age > STALE_AFTER_SECONDS
    return age > REUSED_AFTER_SECONDS  # a live writer would hold the lock


def _locked(path: Path) -> bool | None:
    """Whether another open file holds a lock on `path`; None where that cannot be told
    (no flock, or the file system does not lock)."""
    if fcntl is None:  # pragma: no cover - Windows
        return None
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        handle = os.open(path, flags)
    except OSError:
        return None
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return None
    finally:
        os.close(handle)  # and with it the lock, if it was taken
    return False


def _lock(handle: int) -> None:
    """Lock the temporary being written, so that no other save takes it for a left-over
    (where the file system cannot lock, the process id in its name has to do). Another
    save may be holding it for a moment, asking whether it is a left-over."""
    if fcntl is None:  # pragma: no cover - Windows
        return
    for _attempt in range(20):
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            time.sleep(0.005)
        except OSError:
            return
        else:
            return


def _describe(error: OSError) -> str:
    return (error.strerror or str(error)).lower()


def atomic_write(path: str | Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file in the same folder, fsync, replace.

    A symbolic link at `path` is never followed: the link itself is replaced by the new
    file, and whatever it pointed to (another folder, another user's file, nothing) is
    left untouched. Whoever wants to save through a link resolves the path first, on
    purpose. The permissions of an existing regular file are kept. Raises `MapFileError`
    on any failure, after removing the temporary file; `path` is then untouched.
    """
    target = Path(path)
    if target.is_dir():  # a folder, or a link to one: surely not meant to be replaced
        raise MapFileError(target, "is a folder, not a file")
    folder = target.parent
    if not folder.is_dir():
        raise MapFileError(target, f"cannot save: the folder {folder} does not exist")
    remove_stale_temporaries(target)
    try:
        handle, temporary = tempfile.mkstemp(
            prefix=temporary_prefix(target), suffix=TEMP_SUFFIX, dir=folder
        )
    except OSError as error:
        raise MapFileError(target, f"cannot save: {_describe(error)}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            _lock(stream.fileno())  # held until the file is closed: after the rename
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
            os.chmod(temporary, _mode_for(target))
            if _RENAME_WHILE_OPEN:
                os.replace(temporary, target)  # rename(2) replaces a link, never its target
        if not _RENAME_WHILE_OPEN:  # pragma: no cover - Windows renames closed files only
            os.replace(temporary, target)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError):
            raise MapFileError(target, f"cannot save: {_describe(error)}") from None
        raise
    _sync_folder(folder)


def _mode_for(target: Path) -> int:
    """The permissions of the regular file at `target`; the usual ones for a new file (and
    for a link, whose target's permissions are none of this file's business)."""
    try:
        status = os.lstat(target)
    except FileNotFoundError:
        status = None
    if status is not None and stat.S_ISREG(status.st_mode):
        return stat.S_IMODE(status.st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); harmless where folders cannot be opened."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)
