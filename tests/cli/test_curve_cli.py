"""`tpmapper export` draws the experience curve under a rated map, unless --no-curve."""

from __future__ import annotations

import pytest

from tests.cli.test_cli import SAMPLE, run
from tests.render.test_image_export import svg_texts


def test_a_rated_map_exports_with_its_curve_and_without_on_request(capsys, tmp_path):
    shown, plain = tmp_path / "shown.svg", tmp_path / "plain.svg"
    assert run(capsys, "export", str(SAMPLE), "-o", str(shown))[0] == 0
    assert run(capsys, "export", str(SAMPLE), "-o", str(plain), "--no-curve")[0] == 0
    assert "Experience curve" in svg_texts(shown.read_bytes())[1]
    assert "Experience curve" not in svg_texts(plain.read_bytes())[1]


@pytest.mark.parametrize("option", ["--curve", "--no-curve"])
def test_the_curve_options_are_for_pictures_only(capsys, tmp_path, option):
    with pytest.raises(SystemExit) as stop:
        run(capsys, "export", str(SAMPLE), "-o", str(tmp_path / "t.csv"), option)
    assert stop.value.code == 2
    assert f"{option} applies to .png, .svg and .pdf only" in capsys.readouterr().err
