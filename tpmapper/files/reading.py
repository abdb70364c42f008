"""Reading a user's file whole, with a size cap and one clear sentence when it fails."""

from __future__ import annotations

from pathlib import Path

from tpmapper.files.errors import MapFileError


def read_capped(path: str | Path, limit: int, kind: str) -> bytes:
    """The bytes of `path`, at most `limit + 1` of them (the caller refuses more).

    `kind` names what the file should be ("a map file", "a workbook") in the refusal of
    a folder. Raises `MapFileError` naming the file.
    """
    path = Path(path)
    try:
        with path.open("rb") as stream:
            return stream.read(limit + 1)
    except FileNotFoundError:
        raise MapFileError(path, "no such file") from None
    except IsADirectoryError:
        raise MapFileError(path, f"is a folder, not {kind}") from None
    except OSError as error:
        reason = (error.strerror or str(error)).lower()
        raise MapFileError(path, f"cannot be read: {reason}") from None
