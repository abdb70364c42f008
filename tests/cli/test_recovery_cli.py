"""`tpmapper recovery` lists the recovery copies, one line each; `--discard ID` removes one."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.processes import dead_pid
from tpmapper.cli import main
from tpmapper.files import tpmap
from tpmapper.files.recovery import CopyInfo, RecoveryStore, now, own_process
from tpmapper.files.templates import sample_path


@pytest.fixture
def store(tmp_path, monkeypatch) -> RecoveryStore:
    monkeypatch.setenv("TPMAPPER_DATA_DIR", str(tmp_path / "data"))
    return RecoveryStore(tmp_path / "data" / "recovery")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def add_copy(store: RecoveryStore, file: Path | None, changes: int, alive: bool = False) -> str:
    journey = tpmap.load(sample_path("en"))
    pid, started = own_process() if alive else (dead_pid(), "")
    info = CopyInfo(store.new_id(), None if file is None else str(file), journey.title, now(),
                    changes, pid, started)  # fmt: skip
    store.write(info, tpmap.dumps(journey))
    return info.id


def test_nothing_to_recover(capsys, store):
    assert run(capsys, "recovery") == (0, "nothing to recover\n", "")


def test_each_copy_is_one_line(capsys, store, tmp_path):
    saved = add_copy(store, tmp_path / "shop.tpmap", 3)
    unsaved = add_copy(store, None, 1)
    running = add_copy(store, None, 2, alive=True)
    code, out, err = run(capsys, "recovery")
    assert (code, err) == (0, "")
    lines = {line.split()[0]: line for line in out.splitlines()}
    assert set(lines) == {saved, unsaved, running}
    assert f"3 changes  {tmp_path / 'shop.tpmap'}  'Online shop: customer journey'" in lines[saved]
    assert "1 change  unsaved map  'Online shop: customer journey'" in lines[unsaved]
    assert lines[running].endswith("(open in a running tpmapper)")
    assert not lines[saved].endswith(")")


def test_discard_removes_one_copy(capsys, store):
    gone = add_copy(store, None, 1)
    kept = add_copy(store, None, 2)
    code, out, err = run(capsys, "recovery", "--discard", gone)
    assert (code, err) == (0, "")
    assert out == f"discarded {gone}: 'Online shop: customer journey'\n"
    assert [copy.info.id for copy in store.copies()] == [kept]


@pytest.mark.parametrize("wrong", ["0123abcd", "../../etc/passwd", ""])
def test_an_unknown_id_is_refused_in_one_sentence(capsys, store, wrong):
    add_copy(store, None, 1)
    code, out, err = run(capsys, "recovery", "--discard", wrong)
    assert (code, out) == (1, "")
    assert err == (
        f"tpmapper: there is no recovery copy '{wrong}'; 'tpmapper recovery' lists them\n"
    )
    assert len(store.copies()) == 1


def test_the_copy_of_a_running_tpmapper_is_not_discarded(capsys, store):
    running = add_copy(store, None, 1, alive=True)
    code, _out, err = run(capsys, "recovery", "--discard", running)
    assert code == 1
    assert err.startswith(f"tpmapper: the recovery copy '{running}' belongs to a tpmapper")
    assert f"(process {os.getpid()})" in err
    assert len(store.copies()) == 1


def test_the_command_works_without_a_display(tmp_path):
    env = dict(os.environ, TPMAPPER_DATA_DIR=str(tmp_path / "data"))
    env.pop("QT_QPA_PLATFORM", None)
    env.pop("DISPLAY", None)
    result = subprocess.run(
        [sys.executable, "-m", "tpmapper", "recovery"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, "nothing to recover\n", "")
