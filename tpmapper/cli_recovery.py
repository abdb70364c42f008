"""`tpmapper recovery`: the recovery copies of unsaved work, listed or discarded.

    tpmapper recovery                 one line per copy (or "nothing to recover")
    tpmapper recovery --discard ID    remove the copy ID

A line reads: the id, when the copy was written, how many changes it holds, the map's
file (or "unsaved map") and its title; "(open in a running tpmapper)" marks a copy whose
tpmapper still runs (it is not work to recover, and it is not discarded from here).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from tpmapper.cli_output import Refused, count
from tpmapper.printable import printable

if TYPE_CHECKING:  # imported when the command runs: the other commands start without Qt
    from tpmapper.files.recovery import RecoveryCopy, RecoveryStore

EXIT_OK = 0


def describe(copy: RecoveryCopy) -> str:
    info = copy.info
    when = info.saved_at.astimezone().strftime("%Y-%m-%d %H:%M")
    where = printable(info.file) if info.file is not None else "unsaved map"
    line = f"{info.id}  {when}  {count(info.changes, 'change')}  {where}  '{printable(info.title)}'"
    return line if copy.is_orphan else f"{line}  (open in a running tpmapper)"


def cmd_recovery(args: argparse.Namespace) -> int:
    from tpmapper.files.recovery import RecoveryStore
    from tpmapper.ui.user_folders import recovery_folder

    store = RecoveryStore(recovery_folder())
    if args.discard is not None:
        return _discard(store, args.discard)
    copies = store.copies()
    if not copies:
        print("nothing to recover")
    for copy in copies:
        print(describe(copy))
    return EXIT_OK


def _discard(store: RecoveryStore, copy_id: str) -> int:
    copy = store.get(copy_id)
    if copy is None:
        raise Refused(
            f"there is no recovery copy '{printable(copy_id)}'; 'tpmapper recovery' lists them"
        )
    if not copy.is_orphan:
        raise Refused(
            f"the recovery copy '{copy_id}' belongs to a tpmapper that is still running "
            f"(process {copy.info.pid}); close the map there"
        )
    store.remove(copy_id, leftovers=True)
    print(f"discarded {copy_id}: '{printable(copy.info.title)}'")
    return EXIT_OK
