"""Where the command line may write: checks made before anything is written.

A folder, a pipe or a device is never an output (not even with --force); an existing
entry, a dangling symbolic link included, is replaced only with --force; nothing is
written over the file being read.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from pathlib import Path

from tpmapper.files.reading import special_kind


class Refused(Exception):
    """A command cannot go on; the message is the one sentence the user sees."""


def either(items: Sequence[str]) -> str:
    """'.png', '.png or .svg', '.png, .svg or .pdf'."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} or {items[-1]}"


def check_output(
    path: Path, force: bool, suffixes: Sequence[str], source: str | None = None, what: str = ""
) -> None:
    """Refuse a folder, a pipe, a device (itself or behind a link), a wrong suffix, the
    file being read (`source`, `what` it is), and, without --force, any existing directory
    entry, a dangling symbolic link included."""
    if path.is_dir():
        raise Refused(f"{path}: is a folder; name a file ending in {either(suffixes)}")
    try:
        entry = path.lstat()
    except FileNotFoundError:
        entry = None
    except OSError as error:
        raise Refused(
            f"{path}: cannot be checked: {(error.strerror or str(error)).lower()}"
        ) from None
    link = entry is not None and stat.S_ISLNK(entry.st_mode)
    if entry is not None:
        try:
            kind = special_kind(path.stat().st_mode if link else entry.st_mode)
        except OSError:  # a link to nothing, or to where we may not look
            kind = None
        if kind:
            shown = f"a link to {kind}" if link else kind
            raise Refused(f"{path}: is {shown}, not a regular file; name another file")
    if path.suffix.lower() not in suffixes:
        shown = f"'{path.suffix}'" if path.suffix else "no suffix"
        if suffixes == (".tpmap",):
            raise Refused(f"{path}: a map file's name must end in .tpmap, not {shown}")
        raise Refused(
            f"{path}: cannot export with {shown}; the name must end in {either(suffixes)}"
        )
    if entry is None:
        return
    if source is not None:
        not_the_input(path, source, what)
    if force:
        return
    if link:
        target = os.readlink(path)
        missing = "" if path.exists() else " (which does not exist)"
        raise Refused(
            f"{path}: exists already, as a link to {target}{missing}; add --force to replace it"
        )
    raise Refused(f"{path}: exists already; add --force to replace it")


def not_the_input(output: Path, source: str, what: str) -> None:
    """Refuse writing over the file being read (the same name, a link or a hard link)."""
    try:
        same = os.path.samefile(source, output)
    except OSError:  # one of them does not exist (yet)
        return
    if same:
        raise Refused(f"{output}: is {what} itself; name another file")


def count(number: int, noun: str) -> str:
    """'1 touchpoint', '2 touchpoints', '0 touchpoints'."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def both(items: Sequence[str]) -> str:
    """'.png', '.png and .svg', '.png, .svg and .pdf'."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"
