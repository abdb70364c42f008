"""Saving is atomic: the old file survives any failure, whole; nothing is left behind."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.files.maps import every_field_map, minimal_map
from tpmapper.files import MapFileError, atomic, dumps, load, save
from tpmapper.files.atomic import STALE_AFTER_SECONDS, TEMP_SUFFIX, atomic_write


def _old_file(tmp_path: Path) -> tuple[Path, bytes]:
    path = tmp_path / "shop.tpmap"
    old = dumps(every_field_map())
    path.write_bytes(old)
    return path, old


def _temporaries(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.endswith(TEMP_SUFFIX)]


def test_save_creates_the_file_and_leaves_nothing_else(tmp_path: Path) -> None:
    path = tmp_path / "new.tpmap"
    save(minimal_map(), path)
    assert path.read_bytes() == dumps(minimal_map())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.tpmap"]


def test_saving_over_a_file_replaces_it_whole(tmp_path: Path) -> None:
    path, old = _old_file(tmp_path)
    inode = path.stat().st_ino
    save(minimal_map(), path)  # much shorter than the old file: no old tail may remain
    assert len(dumps(minimal_map())) < len(old)
    assert path.read_bytes() == dumps(minimal_map())
    assert load(path) == minimal_map()
    assert path.stat().st_ino != inode  # a new file was renamed into place
    assert _temporaries(tmp_path) == []


@pytest.mark.parametrize(
    ("function", "error"),
    [
        ("replace", OSError(errno.EXDEV, "Invalid cross-device link")),
        ("fsync", OSError(errno.ENOSPC, "No space left on device")),
        ("fsync", OSError(errno.EIO, "Input/output error")),
        ("chmod", PermissionError(errno.EPERM, "Operation not permitted")),
    ],
    ids=["replace-fails", "fsync-disk-full", "fsync-io-error", "chmod-fails"],
)
def test_a_failed_save_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, function: str, error: OSError
) -> None:
    path, old = _old_file(tmp_path)
    calls: list[object] = []

    def fail(*args: object, **kwargs: object) -> None:
        calls.append(args)
        raise error

    monkeypatch.setattr(atomic.os, function, fail)
    with pytest.raises(MapFileError) as caught:
        save(minimal_map(), path)
    monkeypatch.undo()
    assert calls, "the failing function was never called"
    assert path.read_bytes() == old
    assert _temporaries(tmp_path) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["shop.tpmap"]
    message = str(caught.value)
    assert message.startswith(f"{path}: cannot save: ")
    assert error.strerror is not None
    assert message.endswith(error.strerror.lower())


def test_a_failed_first_save_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", fail)
    path = tmp_path / "new.tpmap"
    with pytest.raises(MapFileError, match="no space left on device"):
        save(minimal_map(), path)
    assert list(tmp_path.iterdir()) == []


def test_a_temporary_file_that_cannot_be_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, old = _old_file(tmp_path)

    def fail(**_kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(atomic.tempfile, "mkstemp", fail)
    with pytest.raises(MapFileError) as caught:
        save(minimal_map(), path)
    assert str(caught.value) == f"{path}: cannot save: permission denied"
    assert path.read_bytes() == old


def test_an_interrupt_keeps_the_old_file_and_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, old = _old_file(tmp_path)

    def interrupt(*_args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic.os, "replace", interrupt)
    with pytest.raises(KeyboardInterrupt):
        save(minimal_map(), path)
    assert path.read_bytes() == old
    assert _temporaries(tmp_path) == []


def test_the_data_is_fsynced_before_the_rename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        events.append("fsync")
        real_fsync(fd)

    def replace(source: str, target: object) -> None:
        events.append("replace")
        real_replace(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(atomic.os, "fsync", fsync)
    monkeypatch.setattr(atomic.os, "replace", replace)
    save(minimal_map(), tmp_path / "m.tpmap")
    assert events[:2] == ["fsync", "replace"]


def test_the_permissions_of_an_existing_file_are_kept(tmp_path: Path) -> None:
    path, _old = _old_file(tmp_path)
    path.chmod(0o640)
    save(minimal_map(), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    path.chmod(0o604)
    save(every_field_map(), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o604


def test_a_new_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    old_umask = os.umask(0o027)
    try:
        save(minimal_map(), tmp_path / "new.tpmap")
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE((tmp_path / "new.tpmap").stat().st_mode) == 0o640  # not mkstemp's 0600


@pytest.mark.parametrize("relative", [False, True], ids=["absolute-link", "relative-link"])
def test_saving_onto_a_symlink_replaces_the_link_and_never_writes_through_it(
    tmp_path: Path, relative: bool
) -> None:
    real_folder = tmp_path / "elsewhere"
    real_folder.mkdir()
    real = real_folder / "precious.txt"
    real.write_bytes(b"someone else's file")
    os.chmod(real, 0o600)
    link = tmp_path / "shop.tpmap"
    link.symlink_to(Path("elsewhere/precious.txt") if relative else real)
    old_umask = os.umask(0o022)
    try:
        save(minimal_map(), link)
    finally:
        os.umask(old_umask)
    assert not link.is_symlink()  # the link itself was replaced by the saved map
    assert link.read_bytes() == dumps(minimal_map())
    assert real.read_bytes() == b"someone else's file"  # the link's target is untouched
    assert stat.S_IMODE(real.stat().st_mode) == 0o600
    assert stat.S_IMODE(link.stat().st_mode) == 0o644  # a new file's, not the target's
    assert sorted(p.name for p in real_folder.iterdir()) == ["precious.txt"]
    assert _temporaries(tmp_path) == []


def test_saving_onto_a_dangling_symlink_creates_nothing_where_it_points(tmp_path: Path) -> None:
    target = tmp_path / "nowhere" / "planted.tpmap"
    (tmp_path / "nowhere").mkdir()
    link = tmp_path / "shop.tpmap"
    link.symlink_to(target)
    save(minimal_map(), link)
    assert not link.is_symlink()
    assert load(link) == minimal_map()
    assert not target.exists()
    assert list((tmp_path / "nowhere").iterdir()) == []


def test_saving_onto_a_symlink_to_a_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "folder").mkdir()
    link = tmp_path / "shop.tpmap"
    link.symlink_to(tmp_path / "folder")
    with pytest.raises(MapFileError, match="is a folder, not a file"):
        save(minimal_map(), link)
    assert link.is_symlink()
    assert list((tmp_path / "folder").iterdir()) == []


def test_saving_into_a_missing_folder(tmp_path: Path) -> None:
    path = tmp_path / "missing" / "shop.tpmap"
    with pytest.raises(MapFileError) as caught:
        save(minimal_map(), path)
    assert str(caught.value) == (
        f"{path}: cannot save: the folder {tmp_path / 'missing'} does not exist"
    )
    assert not (tmp_path / "missing").exists()


def test_saving_onto_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "shop.tpmap"
    folder.mkdir()
    with pytest.raises(MapFileError) as caught:
        save(minimal_map(), folder)
    assert str(caught.value) == f"{folder}: is a folder, not a file"
    assert folder.is_dir()
    assert list(folder.iterdir()) == []


def test_atomic_write_accepts_str_paths(tmp_path: Path) -> None:
    atomic_write(str(tmp_path / "x.tpmap"), b"abc")
    assert (tmp_path / "x.tpmap").read_bytes() == b"abc"


def _temporary(folder: Path, map_name: str, tag: str, age_seconds: float) -> Path:
    stray = folder / f".{map_name}.{tag}{TEMP_SUFFIX}"
    stray.write_bytes(b"half a map")
    moment = time.time() - age_seconds
    os.utime(stray, (moment, moment))
    return stray


def test_stale_temporaries_are_removed_and_fresh_ones_kept(tmp_path: Path) -> None:
    assert STALE_AFTER_SECONDS == 600
    stale = _temporary(tmp_path, "shop.tpmap", "a1b2c3", 11 * 60)
    very_stale = _temporary(tmp_path, "shop.tpmap", "zzz", 3 * 24 * 3600)
    fresh = _temporary(tmp_path, "shop.tpmap", "d4e5f6", 9 * 60)
    just_now = _temporary(tmp_path, "shop.tpmap", "g7h8", 0)
    others = _temporary(tmp_path, "other.tpmap", "a1b2c3", 11 * 60)
    not_ours = tmp_path / ".shop.tpmap.a1b2c3.tmp"
    not_ours.write_bytes(b"someone else's")
    os.utime(not_ours, (0, 0))
    save(minimal_map(), tmp_path / "shop.tpmap")
    assert not stale.exists()
    assert not very_stale.exists()
    assert fresh.exists()
    assert just_now.exists()
    assert others.exists()  # another map's save is none of ours
    assert not_ours.exists()
    assert (tmp_path / "shop.tpmap").read_bytes() == dumps(minimal_map())


@pytest.mark.parametrize(
    "name",
    ["plan [draft].tpmap", "a*b?.tpmap", "ümlaut 🚀.tpmap"],
    ids=["brackets", "wildcards", "unicode"],
)
def test_stale_temporaries_of_names_with_glob_characters(tmp_path: Path, name: str) -> None:
    stale = _temporary(tmp_path, name, "x1", 11 * 60)
    fresh = _temporary(tmp_path, name, "x2", 60)
    lookalike = _temporary(tmp_path, name.replace(".tpmap", "x.tpmap"), "x1", 11 * 60)
    save(minimal_map(), tmp_path / name)
    assert not stale.exists()
    assert fresh.exists()
    assert lookalike.exists()
    assert load(tmp_path / name) == minimal_map()


def test_stale_temporaries_beside_a_link_target_are_left_alone(tmp_path: Path) -> None:
    real_folder = tmp_path / "real"
    real_folder.mkdir()
    elsewhere = _temporary(real_folder, "shop.tpmap", "old", 11 * 60)
    beside = _temporary(tmp_path, "link.tpmap", "old", 11 * 60)
    (tmp_path / "link.tpmap").symlink_to(real_folder / "shop.tpmap")
    save(minimal_map(), tmp_path / "link.tpmap")
    assert elsewhere.exists()  # not in the folder saved into: none of this save's business
    assert not beside.exists()
    assert not (real_folder / "shop.tpmap").exists()
    assert (tmp_path / "link.tpmap").read_bytes() == dumps(minimal_map())


# ---------------------------------------------------------------------- left by a crash

_SAVE_IN_ANOTHER_PROCESS = """
import os, sys
from tpmapper.files import atomic
real_fsync = os.fsync
def fsync(handle):
    if sys.argv[2] == "crash":
        os._exit(9)  # dies in the middle of the save: the temporary file stays
    print("writing", flush=True)
    sys.stdin.readline()  # until the test lets it go on
    real_fsync(handle)
os.fsync = fsync
atomic.atomic_write(sys.argv[1], b"the other process's map")
"""


def _save_in_another_process(path: Path, how: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", _SAVE_IN_ANOTHER_PROCESS, str(path), how],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )


def _crashed_save(path: Path) -> Path:
    """The temporary file a save of `path` left when its process died in the middle."""
    before = set(_temporaries(path.parent))
    process = _save_in_another_process(path, "crash")
    process.communicate(timeout=60)
    assert process.returncode == 9
    [left] = set(_temporaries(path.parent)) - before
    assert f".{atomic.HOST}-{process.pid}." in left.name
    return left


def test_a_crashed_saves_temporary_is_removed_by_the_next_save_into_its_folder(
    tmp_path: Path,
) -> None:
    path, old = _old_file(tmp_path)
    crashed = _crashed_save(path)
    dead = int(crashed.name.split(f".{atomic.HOST}-")[1].split(".")[0])
    crashed_other = _stray(tmp_path, "other.tpmap", atomic.HOST, dead, 0)  # another map's
    os.utime(crashed, None)  # just now: it is its dead process that makes it stale
    assert path.read_bytes() == old
    save(minimal_map(), path)
    assert not crashed.exists()
    assert not crashed_other.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["shop.tpmap"]


@pytest.mark.skipif(sys.platform == "win32", reason="there an open file cannot be removed")
def test_a_save_in_progress_in_another_process_is_left_alone(tmp_path: Path) -> None:
    path, _old = _old_file(tmp_path)
    other = _save_in_another_process(path, "wait")
    try:
        assert other.stdout is not None
        assert other.stdin is not None
        assert other.stdout.readline() == "writing\n"
        [writing] = _temporaries(tmp_path)
        os.utime(writing, (0, 0))  # however old it looks: its process runs and holds it
        save(minimal_map(), path)
        save(minimal_map(), tmp_path / "other.tpmap")
        assert writing.exists()
        assert load(path) == minimal_map()
        other.communicate("go on\n", timeout=60)
        assert other.returncode == 0
    finally:
        if other.poll() is None:
            other.kill()
            other.communicate()
    assert path.read_bytes() == b"the other process's map"  # it finished its save whole
    assert _temporaries(tmp_path) == []


def _stray(folder: Path, name: str, host: str, pid: int, age_seconds: float) -> Path:
    tag = f"{int(age_seconds):08d}"  # as random as mkstemp's part of the name
    stray = folder / f".{name}.{host}-{pid}.{tag}{TEMP_SUFFIX}"
    stray.write_bytes(b"half a map")
    moment = time.time() - age_seconds
    os.utime(stray, (moment, moment))
    return stray


@pytest.mark.skipif(sys.platform == "win32", reason="no flock: such are kept for 10 minutes")
def test_an_unlocked_temporary_of_a_running_process_id_is_a_left_over(tmp_path: Path) -> None:
    """The id of a dead writer may be given to a new process; a save in progress holds the
    lock on its temporary, so an unlocked one of a running process is left over (unless
    it is so fresh that its writer may be about to lock it)."""
    running = os.getppid()
    reused = _stray(tmp_path, "shop.tpmap", atomic.HOST, running, 2 * 60)
    fresh = _stray(tmp_path, "shop.tpmap", atomic.HOST, running, 5)
    save(minimal_map(), tmp_path / "shop.tpmap")
    assert not reused.exists()
    assert fresh.exists()


def test_an_unlocked_temporary_of_this_process_is_kept_until_stale(tmp_path: Path) -> None:
    mine = _stray(tmp_path, "shop.tpmap", atomic.HOST, os.getpid(), 5 * 60)
    forgotten = _stray(tmp_path, "shop.tpmap", atomic.HOST, os.getpid(), 11 * 60)
    save(minimal_map(), tmp_path / "shop.tpmap")
    assert mine.exists()  # perhaps another thread's save, about to lock it
    assert not forgotten.exists()


def test_another_computers_temporaries_are_only_removed_when_stale_and_ours(
    tmp_path: Path,
) -> None:
    """On a shared folder a process id of another computer tells nothing here."""
    host = "elsewhere" if atomic.HOST != "elsewhere" else "yonder"
    dead = 2**22 + 12345  # no process here, but perhaps there
    stale = _stray(tmp_path, "shop.tpmap", host, dead, 11 * 60)
    fresh = _stray(tmp_path, "shop.tpmap", host, dead, 5 * 60)
    others = _stray(tmp_path, "other.tpmap", host, dead, 11 * 60)
    save(minimal_map(), tmp_path / "shop.tpmap")
    assert not stale.exists()
    assert fresh.exists()
    assert others.exists()


def test_what_only_looks_like_a_temporary_is_left_alone(tmp_path: Path) -> None:
    folder = tmp_path / f".shop.tpmap.{atomic.HOST}-1.a1b2c3d4{TEMP_SUFFIX}"
    folder.mkdir()
    link = tmp_path / f".shop.tpmap.{atomic.HOST}-2.a1b2c3d4{TEMP_SUFFIX}"
    link.symlink_to(tmp_path / "elsewhere")
    visible = tmp_path / f"shop.tpmap.{atomic.HOST}-3.a1b2c3d4{TEMP_SUFFIX}"
    visible.write_bytes(b"a user's file")
    save(minimal_map(), tmp_path / "shop.tpmap")
    assert folder.is_dir()
    assert link.is_symlink()
    assert visible.exists()


def test_a_long_file_name_still_saves_and_its_left_overs_are_found(tmp_path: Path) -> None:
    path = tmp_path / ("ä" * 120 + ".tpmap")  # 246 bytes: the temporary's name is cut short
    crashed = _crashed_save(path)
    assert len(os.fsencode(crashed.name)) <= atomic.NAME_BYTES
    save(minimal_map(), path)
    assert load(path) == minimal_map()
    assert not crashed.exists()
    assert _temporaries(tmp_path) == []
