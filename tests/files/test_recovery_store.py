"""The recovery store (files/recovery.py): copies written whole, read back exactly, anything
else ignored; which process a copy belongs to; and the fingerprint of a file on disk."""

from __future__ import annotations

import os

import pytest

from tests.files.maps import BUNDLED, every_field_map, map_with_views
from tests.processes import dead_pid
from tpmapper.files import tpmap
from tpmapper.files.atomic import TEMP_SUFFIX
from tpmapper.files.fingerprint import fingerprint, refresh, written_fingerprint
from tpmapper.files.recovery import (
    CopyInfo,
    RecoveryStore,
    encode,
    is_running,
    now,
    own_process,
    process_token,
)
from tpmapper.model.frozen import freeze


def info(store: RecoveryStore, pid: int | None = None, started: str = "") -> CopyInfo:
    pid, token = own_process() if pid is None else (pid, started)
    return CopyInfo(store.new_id(), "/maps/shop.tpmap", "Shop", now(), 2, pid, token)


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_a_copy_is_encoded_exactly_as_a_save_writes(path):
    journey = tpmap.load(path)
    assert encode(journey) == tpmap.dumps(journey)
    assert encode(freeze(journey)) == tpmap.dumps(journey)


def test_every_field_and_view_is_encoded_exactly():
    for journey in (every_field_map(), map_with_views()):
        assert encode(freeze(journey)) == tpmap.dumps(journey)


def test_a_copy_is_read_back_with_what_it_says_about_itself(tmp_path):
    store = RecoveryStore(tmp_path)
    journey = every_field_map()
    written = info(store)
    path = store.write_map(written, freeze(journey))
    [copy] = store.copies()
    assert copy.path == path
    assert copy.info == written
    assert copy.read_map_bytes() == tpmap.dumps(journey)
    assert copy.load() == journey
    assert copy.is_own
    assert not copy.is_orphan  # this process runs
    assert store.get(written.id) == copy
    assert store.remove(written.id)
    assert not store.remove(written.id)
    assert store.copies() == []


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b'{"format": "tpmapper-recovery"',  # cut in its first line
        b'{"format": "tpmapper-recovery", "version": 1}\n{}',  # fields missing
        b'{"format": "something else", "version": 1}\n{}',
        b"not json at all\n{}",
    ],
)
def test_what_is_not_a_whole_copy_is_not_listed(tmp_path, content):
    store = RecoveryStore(tmp_path)
    (tmp_path / "abc.tpmap-recovery").write_bytes(content)
    (tmp_path / f".abc.tpmap-recovery.x{TEMP_SUFFIX}").write_bytes(content)
    assert store.copies() == []


def test_a_copy_under_another_name_or_cut_after_its_header_is_not_listed(tmp_path):
    store = RecoveryStore(tmp_path)
    good = info(store)
    (tmp_path / "other.tpmap-recovery").write_bytes(good.header() + b"{}")  # id differs
    (tmp_path / f"{good.id}.tpmap-recovery").write_bytes(good.header())  # no map after it
    assert store.copies() == []


def test_the_copy_of_a_process_that_is_gone_is_an_orphan(tmp_path):
    store = RecoveryStore(tmp_path)
    gone = info(store, dead_pid())
    store.write(gone, encode(every_field_map()))
    [copy] = store.orphans()
    assert copy.info == gone


@pytest.mark.skipif(not process_token(os.getpid()), reason="start times only on Linux")
def test_a_new_process_with_a_dead_ones_id_does_not_keep_its_copies():
    pid, token = own_process()
    assert is_running(pid, token)
    assert not is_running(pid, token + "0")  # the same id, started at another moment
    assert not is_running(dead_pid(), "")
    assert is_running(pid, "")  # no token: the id alone decides


def test_a_fingerprint_tells_a_change_from_the_same_bytes_written_again(tmp_path):
    path = tmp_path / "shop.tpmap"
    path.write_bytes(b"one")
    known = fingerprint(path)
    assert refresh(path, known) is known  # nothing changed: not even read again
    path.write_bytes(b"one")
    os.utime(path, ns=(1, 1))
    again = refresh(path, known)
    assert again.digest == known.digest
    assert again.mtime_ns == 1
    path.write_bytes(b"two")
    assert refresh(path, known).digest != known.digest
    path.unlink()
    assert refresh(path, known) is None
    assert fingerprint(path) is None


def test_discarding_a_dead_writers_copy_takes_its_half_written_temporaries_too(tmp_path):
    store = RecoveryStore(tmp_path)
    mine, other = info(store, dead_pid()), info(store, dead_pid())
    for copy in (mine, other):
        store.write(copy, encode(every_field_map()))
        (tmp_path / f".{copy.id}.tpmap-recovery.a1b2{TEMP_SUFFIX}").write_bytes(b"{")
    assert store.remove(mine.id, leftovers=True)
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == sorted(
        [f"{other.id}.tpmap-recovery", f".{other.id}.tpmap-recovery.a1b2{TEMP_SUFFIX}"]
    )


def test_a_pipe_has_no_fingerprint_and_does_not_hang(tmp_path):
    pipe = tmp_path / "shop.tpmap"
    os.mkfifo(pipe)  # nobody writes to it: opening it to read would wait for ever
    assert fingerprint(pipe) is None


def test_the_fingerprint_of_a_written_file_is_the_one_read_back(tmp_path):
    path = tmp_path / "shop.tpmap"
    data = b'{"format": "tpmapper"}\n'
    path.write_bytes(data)
    assert written_fingerprint(path, data) == fingerprint(path)
