"""Atomic file writes: the user's old file survives any failure, whole or not at all."""

from __future__ import annotations

import contextlib
import glob
import os
import stat
import tempfile
import time
from pathlib import Path

from tpmapper.files.errors import MapFileError

TEMP_SUFFIX = ".tpmapper-tmp"
STALE_AFTER_SECONDS = 600


def _temporaries_of(path: Path) -> list[Path]:
    return list(path.parent.glob(f"{glob.escape(f'.{path.name}.')}*{TEMP_SUFFIX}"))


def remove_stale_temporaries(path: Path) -> None:
    """Delete temporary files an interrupted save of `path` left behind.

    Only old ones: a fresh one may belong to a save still in progress elsewhere.
    """
    cutoff = time.time() - STALE_AFTER_SECONDS
    for stray in _temporaries_of(path):
        with contextlib.suppress(OSError):
            if stray.stat().st_mtime < cutoff:
                stray.unlink()


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
            prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=folder
        )
    except OSError as error:
        raise MapFileError(target, f"cannot save: {_describe(error)}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, _mode_for(target))
        os.replace(temporary, target)  # rename(2) replaces a link itself, never its target
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
