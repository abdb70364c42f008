"""What a file on disk looks like now: to tell whether someone changed it since we read it.

Time and size are compared first (cheap); when they differ the content's hash decides, so
a `touch` or a checkout that writes the same bytes again is no change.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Fingerprint:
    mtime_ns: int
    size: int
    digest: str  # sha256 of the content

    def same_stat(self, status: os.stat_result) -> bool:
        return (self.mtime_ns, self.size) == (status.st_mtime_ns, status.st_size)


def fingerprint(path: Path) -> Fingerprint | None:
    """The file's fingerprint; None when it cannot be read (gone, a folder, a pipe or a
    device, no access)."""
    import hashlib  # here: start-up does without it

    try:  # without blocking: a pipe must not hang us before it is found to be one
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        with open(descriptor, "rb") as stream:
            status = os.fstat(stream.fileno())
            if not stat.S_ISREG(status.st_mode):
                return None
            digest = hashlib.sha256()
            while block := stream.read(CHUNK):
                digest.update(block)
    except OSError:
        return None
    return Fingerprint(status.st_mtime_ns, status.st_size, digest.hexdigest())


def written_fingerprint(path: Path, data: bytes) -> Fingerprint | None:
    """The fingerprint of the file just written at `path` with `data` (not read back);
    None when it cannot be looked at."""
    import hashlib

    try:
        status = os.stat(path)
    except OSError:
        return None
    return Fingerprint(status.st_mtime_ns, status.st_size, hashlib.sha256(data).hexdigest())


def refresh(path: Path, known: Fingerprint | None) -> Fingerprint | None:
    """The file's fingerprint now, read again only when its time or size differ from
    `known`; None when it cannot be read."""
    if known is not None:
        try:
            status = os.stat(path)
        except OSError:
            return None
        if known.same_stat(status):
            return known
    return fingerprint(path)
