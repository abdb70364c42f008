"""What a file on disk looks like now: to tell whether someone changed it since we read it.

Time and size are compared first (cheap); when they differ the content's hash decides, so
a `touch` or a checkout that writes the same bytes again is no change.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Fingerprint:
    mtime_ns: int
    size: int
    digest: str  # sha256 of the content

    def same_stat(self, other: Fingerprint | os.stat_result) -> bool:
        if isinstance(other, os.stat_result):
            return (self.mtime_ns, self.size) == (other.st_mtime_ns, other.st_size)
        return (self.mtime_ns, self.size) == (other.mtime_ns, other.size)


def fingerprint(path: Path) -> Fingerprint | None:
    """The file's fingerprint; None when it cannot be read (gone, a folder, no access)."""
    import hashlib  # here: start-up does without it

    try:
        with open(path, "rb") as stream:
            status = os.fstat(stream.fileno())
            digest = hashlib.sha256()
            while block := stream.read(CHUNK):
                digest.update(block)
    except OSError:
        return None
    return Fingerprint(status.st_mtime_ns, status.st_size, digest.hexdigest())


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
