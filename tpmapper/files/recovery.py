"""Recovery copies: unsaved work written aside, so that a crash loses nothing.

A copy is one file `<id>.tpmap-recovery` in the recovery folder (the app chooses it: the
per-user data folder). Its first line is a JSON object describing it (`CopyInfo`: the
map's file or none, its title, when it was written, how many changes it holds, and which
process wrote it); the rest is the map exactly as a save would write it (`tpmap.dumps`).
Each copy is written whole or not at all (`atomic_write`): a crash in the middle leaves
a hidden temporary file, which is never listed, and the previous copy intact.

A copy belongs to the process that writes it while that process runs; one whose process
is gone (`is_orphan`) is what the next start offers to recover. A process is recognised by
its id and, where the system tells (Linux), the moment it started, so a new process that
happens to get the same id does not keep a dead one's copies hidden.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import asdict, dataclass
from datetime import datetime
from itertools import islice
from pathlib import Path
from typing import Any

from tpmapper.files import tpmap
from tpmapper.files.atomic import TEMP_SUFFIX, atomic_write
from tpmapper.files.errors import MapFileError
from tpmapper.files.processes import pid_exists

SUFFIX = ".tpmap-recovery"
FORMAT_NAME = "tpmapper-recovery"
FORMAT_VERSION = 1
HEADER_LIMIT = 64 * 1024  # a header line is a few hundred bytes; more is not a header
ENCODE_PIECE = 4096  # encoder chunks joined at a time (keeps each step short)
DISMANTLE_STEP = 256  # records freed at a time


@dataclass(frozen=True)
class CopyInfo:
    """What a copy says about itself."""

    id: str
    file: str | None  # the map's own file; None for a map never saved
    title: str
    saved: str  # when the copy was written: ISO 8601 with the UTC offset
    changes: int  # undo steps since the map was last saved (or opened)
    pid: int
    started: str  # when that process started (a token; "" where the system does not say)

    @property
    def saved_at(self) -> datetime:
        return datetime.fromisoformat(self.saved)

    def header(self) -> bytes:
        fields = {"format": FORMAT_NAME, "version": FORMAT_VERSION, **asdict(self)}
        return json.dumps(fields, ensure_ascii=False).encode("utf-8") + b"\n"


def now() -> str:
    return datetime.now().astimezone().isoformat(timespec="seconds")


# ---------------------------------------------------------------------- processes


def process_token(pid: int) -> str:
    """When process `pid` started, as a string that differs for another process given the
    same id later; "" where that cannot be known (then the id alone is trusted)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
        boot = Path("/proc/sys/kernel/random/boot_id").read_text(encoding="ascii").strip()
    except OSError:
        return ""
    fields = stat[stat.rfind(")") + 2 :].split()
    return f"{boot}:{fields[19]}" if len(fields) > 19 else ""  # field 22: starttime


_own: tuple[int, str] | None = None


def own_process() -> tuple[int, str]:
    """This process's id and start token (read once: it never changes; again in a fork)."""
    global _own  # noqa: PLW0603 - read on first use, not at start-up
    if _own is None or _own[0] != os.getpid():
        _own = (os.getpid(), process_token(os.getpid()))
    return _own


def is_running(pid: int, token: str) -> bool:
    """Whether the process that wrote `token` as its start token still runs."""
    if pid <= 0:
        return False
    if token:
        current = process_token(pid)
        if current:
            return current == token
    return pid_exists(pid)


def encode(journey: Any, prefix: bytes = b"") -> bytes:
    """The map's `.tpmap` bytes, equal to `tpmap.dumps(journey)` (after `prefix`), built in
    short steps.

    `journey` is a map or a `FrozenMap` of one. Made for a worker thread: the encoder
    yields small pieces and they are joined a few thousand at a time, so no single step
    holds Python's lock long enough to stall the GUI thread (one `json.dumps` of a 14 MB
    map ends in a join of millions of strings that does).
    """
    document = tpmap.to_document(journey)
    encoder = json.JSONEncoder(indent=2, ensure_ascii=False, allow_nan=False)
    chunks = encoder.iterencode(document)
    pieces = [prefix]
    while batch := list(islice(chunks, ENCODE_PIECE)):  # taken in C, a few thousand at once
        pieces.append("".join(batch).encode("utf-8"))
    pieces.append(b"\n")
    _dismantle(document)
    return b"".join(pieces)


def _dismantle(document: dict[str, Any]) -> None:
    """Free the document's 100,000-odd small objects a few hundred at a time: freed all
    at once (when it goes out of scope) they would hold Python's lock for ~10 ms."""
    for key in list(document):
        value = document.pop(key)
        if isinstance(value, list):
            while value:
                del value[-DISMANTLE_STEP:]


# ---------------------------------------------------------------------- the store


@dataclass(frozen=True)
class RecoveryCopy:
    info: CopyInfo
    path: Path

    @property
    def is_orphan(self) -> bool:
        """Its process is gone: nobody else will save or remove it."""
        return not is_running(self.info.pid, self.info.started)

    @property
    def is_own(self) -> bool:
        return (self.info.pid, self.info.started) == own_process()

    def read_map_bytes(self) -> bytes:
        """The map's `.tpmap` bytes; raises `MapFileError` if the copy cannot be read."""
        try:
            data = self.path.read_bytes()
        except OSError as error:
            raise MapFileError(self.path, f"cannot read: {error.strerror or error}") from None
        return data[data.index(b"\n") + 1 :]

    def load(self) -> Any:
        """The map it holds (a `JourneyMap`); raises `MapFileError`."""
        return tpmap.loads(self.read_map_bytes(), self.path)


class RecoveryStore:
    """The recovery copies in one folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)

    def path_of(self, copy_id: str) -> Path:
        return self.folder / f"{copy_id}{SUFFIX}"

    def new_id(self) -> str:
        while True:
            copy_id = os.urandom(4).hex()
            if not self.path_of(copy_id).exists():
                return copy_id

    def write(self, info: CopyInfo, map_bytes: bytes) -> Path:
        """Write (or replace) a copy of a map's `.tpmap` bytes atomically; raises
        `MapFileError`."""
        return self._write(info.id, info.header() + map_bytes)

    def write_map(self, info: CopyInfo, journey: Any) -> Path:
        """Serialise a map (or a `FrozenMap`) and write it as a copy (in a worker thread:
        see `encode`); raises `MapFileError`."""
        return self._write(info.id, encode(journey, info.header()))

    def _write(self, copy_id: str, data: bytes) -> Path:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise MapFileError(self.folder, f"cannot create: {error.strerror or error}") from None
        path = self.path_of(copy_id)
        atomic_write(path, data)
        return path

    def remove(self, copy_id: str, leftovers: bool = False) -> bool:
        """Remove a copy; True if there was one. With `leftovers`, also the temporary files
        its writer left when it died in the middle of a write (only for a copy whose
        process is gone: a running one may be writing)."""
        if leftovers:
            pattern = f".{self.path_of(copy_id).name}.*{TEMP_SUFFIX}"  # ids: letters, digits
            for stray in self.folder.glob(pattern):
                with contextlib.suppress(OSError):
                    stray.unlink()
        try:
            self.path_of(copy_id).unlink()
        except OSError:
            return False
        return True

    def get(self, copy_id: str) -> RecoveryCopy | None:
        path = self.path_of(copy_id)
        info = read_info(path) if valid_id(copy_id) else None
        return None if info is None else RecoveryCopy(info, path)

    def copies(self) -> list[RecoveryCopy]:
        """Every whole copy in the folder, oldest first (unreadable ones are left out)."""
        found = []
        with contextlib.suppress(OSError):
            for path in self.folder.glob(f"*{SUFFIX}"):
                if path.name.startswith("."):  # an atomic write's temporary file
                    continue
                info = read_info(path)
                if info is not None:
                    found.append(RecoveryCopy(info, path))
        return sorted(found, key=lambda copy: (copy.info.saved, copy.info.id))

    def orphans(self) -> list[RecoveryCopy]:
        """The copies whose process is gone: work to recover."""
        return [copy for copy in self.copies() if copy.is_orphan]


def valid_id(copy_id: str) -> bool:
    return 0 < len(copy_id) <= 64 and all(c.isalnum() or c in "-_" for c in copy_id)


def read_info(path: Path) -> CopyInfo | None:
    """The header of a copy; None when the file is not a whole, sound copy."""
    try:
        with path.open("rb") as stream:
            line = stream.readline(HEADER_LIMIT)
            stream.seek(0, os.SEEK_END)
            size = stream.tell()
    except OSError:
        return None
    if not line.endswith(b"\n") or size <= len(line):
        return None
    try:
        fields = json.loads(line)
        if fields.pop("format") != FORMAT_NAME or fields.pop("version") != FORMAT_VERSION:
            return None
        info = CopyInfo(**fields)
        datetime.fromisoformat(info.saved)
    except (ValueError, TypeError, KeyError, AttributeError):
        return None
    if info.id != path.name.removesuffix(SUFFIX) or not isinstance(info.pid, int):
        return None
    return info
