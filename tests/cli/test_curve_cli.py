"""`tpmapper export` draws the experience curve under a rated map, unless --no-curve."""

from __future__ import annotations

import re

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
    assert f"{option} applies to .png, .svg, .pdf and .pptx only" in capsys.readouterr().err


def test_colour_by_owner_puts_the_owners_in_the_legend(capsys, tmp_path):
    out = tmp_path / "owners.svg"
    assert run(capsys, "export", str(SAMPLE), "-o", str(out), "--colour-by", "owner")[0] == 0
    text = svg_texts(out.read_bytes())[1]
    assert "Owner" in text
    assert "Web design" in text
    assert "1 very poor" not in text  # the rating legend gave way


def test_the_colour_modes_of_the_command_line_are_the_renderers():
    from tpmapper.cli import COLOUR_MODES
    from tpmapper.render.colour_modes import ColourMode

    assert tuple(mode.value for mode in ColourMode) == COLOUR_MODES


def test_an_unknown_colour_mode_is_a_usage_error(capsys, tmp_path):
    with pytest.raises(SystemExit) as stop:
        run(capsys, "export", str(SAMPLE), "-o", str(tmp_path / "t.png"), "--colour-by", "mood")
    assert stop.value.code == 2
    assert "--colour-by" in capsys.readouterr().err


def saved_with_a_view(tmp_path):
    from tpmapper.files.tpmap import load, save
    from tpmapper.model.edits import AddView
    from tpmapper.model.elements import View, ViewFilter
    from tpmapper.model.vocabulary import ColourMode

    journey = load(SAMPLE)
    view = View("web", "Web team", ColourMode.OWNER, ViewFilter(owners=("Web design",)))
    AddView(view).apply(journey)
    path = tmp_path / "views.tpmap"
    save(journey, path)
    return path


def test_export_with_a_saved_view_shows_its_colours_and_filter(capsys, tmp_path):
    source, out = saved_with_a_view(tmp_path), tmp_path / "web.svg"
    assert run(capsys, "export", str(source), "-o", str(out), "--view", "web team")[0] == 0
    svg = out.read_text(encoding="utf-8")
    assert 'opacity="0.22"' in svg  # the others drawn faint
    assert "Web design" in svg_texts(out.read_bytes())[1]  # the owner legend


def test_an_unknown_view_is_refused_naming_the_views(capsys, tmp_path):
    source = saved_with_a_view(tmp_path)
    code, _out, err = run(
        capsys, "export", str(source), "-o", str(tmp_path / "x.png"), "--view", "nope"
    )
    assert code == 1
    assert err.strip() == (
        f"tpmapper: {source}: the map has no view 'nope'; its views are 'Web team'"
    )
    assert not (tmp_path / "x.png").exists()


def test_a_workbook_with_a_view_folds_away_the_rows_it_leaves_out(capsys, tmp_path):
    import zipfile

    source, out = saved_with_a_view(tmp_path), tmp_path / "web.xlsx"
    assert run(capsys, "export", str(source), "-o", str(out), "--view", "Web team")[0] == 0
    with zipfile.ZipFile(out) as book:
        xml = book.read("xl/worksheets/sheet2.xml").decode("utf-8")
    assert (
        len(re.findall(r'<row [^>]*hidden="1"', xml)) == 12
    )  # 14 touchpoints, 2 of them Web design's


def test_a_picture_speaks_the_language_asked_for_and_leaves_the_app_english(capsys, tmp_path):
    from PySide6.QtCore import QCoreApplication

    german, english = tmp_path / "de.svg", tmp_path / "en.svg"
    assert run(capsys, "export", str(SAMPLE), "-o", str(german), "-l", "de")[0] == 0
    assert run(capsys, "export", str(SAMPLE), "-o", str(english), "-l", "en")[0] == 0
    legend_de, legend_en = svg_texts(german.read_bytes())[1], svg_texts(english.read_bytes())[1]
    assert "Erlebniskurve" in legend_de
    assert "Kundensicht" in legend_de
    assert "Experience curve" in legend_en
    assert "Erlebniskurve" not in legend_en
    # the German catalogue was only borrowed for the export
    assert QCoreApplication.translate("MapScene", "Experience curve") == "Experience curve"
