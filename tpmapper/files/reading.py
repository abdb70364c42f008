"""Reading a user's file whole, with a size cap and one clear sentence when it fails."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from tpmapper.files.errors import MapFileError

# What a path that is no regular file is, in a user's words.
_KINDS = (
    (stat.S_ISFIFO, "a pipe"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
)


def special_kind(mode: int) -> str | None:
    """ "a pipe", "a socket" or "a device" for such a directory entry, else None."""
    return next((name for test, name in _KINDS if test(mode)), None)


def _not_regular(mode: int, kind: str) -> str | None:
    """Why a file of `mode` cannot be read as `kind`; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return f"is a folder, not {kind}"
    what = special_kind(mode) or "a special file"
    return f"is not a regular file ({what})"


def read_capped(path: str | Path, limit: int, kind: str) -> bytes:
    """The bytes of `path`, at most `limit + 1` of them (the caller refuses more).

    Only a regular file is read: a pipe, a socket or a device would block or never end,
    so it is refused before it is read, and opened without blocking in case it was put
    in the file's place since. `kind` names what the file should be ("a map file", "a
    workbook") in the refusal of a folder. Raises `MapFileError` naming the file.
    """
    path = Path(path)
    try:
        reason = _not_regular(os.stat(path).st_mode, kind)
        if reason:
            raise MapFileError(path, reason)
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        handle = os.open(path, flags | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(handle, "rb") as stream:
            reason = _not_regular(os.fstat(stream.fileno()).st_mode, kind)
            if reason:
                raise MapFileError(path, reason)
            return stream.read(limit + 1)
    except FileNotFoundError:
        raise MapFileError(path, "no such file") from None
    except IsADirectoryError:
        raise MapFileError(path, f"is a folder, not {kind}") from None
    except OSError as error:
        reason = (error.strerror or str(error)).lower()
        raise MapFileError(path, f"cannot be read: {reason}") from None
    except UnicodeEncodeError:
        raise MapFileError(path, "is not a file name this system can use") from None
    except ValueError:  # a NUL character in the name
        raise MapFileError(path, "is not a file name (it holds a NUL character)") from None
