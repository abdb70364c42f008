"""`tpmapper export` and `tpmapper import`: every format, round trip, refusals in one line."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.cli.test_cli import SAMPLE, assert_one_line_refusal, run
from tpmapper.files.tpmap import load

MAGIC = {
    ".xlsx": b"PK\x03\x04",
    ".csv": b"\xef\xbb\xbf",
    ".png": b"\x89PNG",
    ".svg": b"<?xml",
    ".pdf": b"%PDF",
    ".pptx": b"PK\x03\x04",
}


@pytest.mark.parametrize("suffix", list(MAGIC))
def test_export_writes_each_format(capsys, tmp_path, suffix):
    out = tmp_path / f"shop{suffix}"
    legend = ["--legend"] if suffix in (".png", ".svg", ".pdf") else []  # tables have none
    code, stdout, err = run(capsys, "export", str(SAMPLE), "-o", str(out), *legend)
    assert (code, err) == (0, "")
    assert out.read_bytes().startswith(MAGIC[suffix])
    assert "14 touchpoints" in stdout


def test_png_scale_doubles_the_size(capsys, tmp_path):
    from PySide6.QtGui import QImage

    sizes = []
    for scale in ("1", "2"):
        out = tmp_path / f"s{scale}.png"
        assert run(capsys, "export", str(SAMPLE), "-o", str(out), "--scale", scale)[0] == 0
        image = QImage(str(out))
        sizes.append((image.width(), image.height()))
    assert abs(sizes[1][0] - 2 * sizes[0][0]) <= 2
    assert abs(sizes[1][1] - 2 * sizes[0][1]) <= 2


def test_export_then_import_gives_back_the_same_map(capsys, tmp_path):
    book, back = tmp_path / "shop.xlsx", tmp_path / "back.tpmap"
    assert run(capsys, "export", str(SAMPLE), "-o", str(book))[0] == 0
    code, stdout, err = run(capsys, "import", str(book), "-o", str(back))
    assert (code, err) == (0, "")
    assert "14 touchpoints" in stdout
    assert load(back) == load(SAMPLE)


@pytest.mark.parametrize(
    ("argv", "fragments"),
    [
        (["export", "{sample}", "-o", "{tmp}/a.docx"], ["a.docx", ".xlsx"]),
        (["export", "{sample}", "-o", "{tmp}/a.png", "--scale", "0"], ["--scale"]),
        (["export", "{tmp}/missing.tpmap", "-o", "{tmp}/a.png"], ["missing.tpmap"]),
        (["export", "{sample}", "-o", "{tmp}/no/such/folder/a.xlsx"], ["a.xlsx"]),
        (["import", "{tmp}/missing.xlsx", "-o", "{tmp}/a.tpmap"], ["missing.xlsx"]),
        (["import", "{tmp}/text.xlsx", "-o", "{tmp}/a.tpmap"], ["text.xlsx"]),
        (["import", "{tmp}/text.xlsx", "-o", "{tmp}/a.json"], [".tpmap"]),
    ],
)
def test_exchange_refusals_are_one_line(capsys, tmp_path, argv, fragments):
    (tmp_path / "text.xlsx").write_text("not a workbook at all")
    args = [a.format(sample=SAMPLE, tmp=tmp_path) for a in argv]
    code, _out, err = run(capsys, *args)
    assert_one_line_refusal(code, err, *fragments)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["text.xlsx"]  # nothing written


def test_export_never_overwrites_without_force(capsys, tmp_path):
    out = tmp_path / "shop.png"
    out.write_bytes(b"old")
    code, _out, err = run(capsys, "export", str(SAMPLE), "-o", str(out))
    assert_one_line_refusal(code, err, "--force")
    assert out.read_bytes() == b"old"
    assert run(capsys, "export", str(SAMPLE), "-o", str(out), "--force")[0] == 0
    assert out.read_bytes().startswith(b"\x89PNG")


def test_an_import_with_many_problems_lists_them_after_the_one_line(capsys, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Name", "Phase", "Customer rating"])
    sheet.append(["Flyer", "Awareness", 9])
    sheet.append(["Poster", "Awareness", 0])
    path = tmp_path / "typed.xlsx"
    book.save(path)
    code, _out, err = run(capsys, "import", str(path), "-o", str(tmp_path / "a.tpmap"))
    assert code == 1
    first, *rest = err.strip().splitlines()
    assert first.startswith("tpmapper: ")
    assert "typed.xlsx" in first
    assert len(rest) == 1
    assert "9" in first or "9" in rest[0]
    assert not (tmp_path / "a.tpmap").exists()


def test_export_of_a_picture_needs_no_screen(tmp_path):
    """A headless machine (no DISPLAY, no QT_QPA_PLATFORM) still exports a PNG."""
    import os

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    out = tmp_path / "shop.png"
    result = subprocess.run(
        [sys.executable, "-m", "tpmapper", "export", str(SAMPLE), "-o", str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert out.read_bytes().startswith(b"\x89PNG")
