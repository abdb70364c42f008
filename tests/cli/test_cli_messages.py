"""The command line's words and guards: mistyped commands, no screen, plurals, options a
format does not use, names that cannot be printed, and outputs that are not plain files."""

from __future__ import annotations

import dataclasses
import functools
import itertools
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.test_cli import SAMPLE, assert_one_line_refusal, run
from tpmapper import __version__, cli
from tpmapper.cli import main
from tpmapper.files.tpmap import load

COMMANDS = "(templates, new, validate, info, analyze, export, import, recovery)"
PLURAL_AFTER_ONE = re.compile(r"(?<![\d.])1 (touchpoint|link|phase|lane|persona)s\b")


def headless_env(**extra: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env.update(extra)
    return env


def tpmapper(*argv: str | bytes, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tpmapper", *argv],
        capture_output=True,
        text=True,
        errors="backslashreplace",
        env=env if env is not None else headless_env(QT_QPA_PLATFORM="offscreen"),
        check=False,
        timeout=120,
    )


def small_map(folder: Path, touchpoints: int, *, name: str = "small.tpmap", **changes) -> Path:
    """The sample cut down to one phase, one lane, one persona and `touchpoints` cards,
    linked in a chain."""
    document = json.loads(SAMPLE.read_text(encoding="utf-8"))
    phase, lane, persona = document["phases"][0], document["lanes"][0], document["personas"][0]
    cards = document["touchpoints"][:touchpoints]
    for card in cards:
        card.update(phase=phase["id"], lane=lane["id"], personas=[persona["id"]])
    document.update(phases=[phase], lanes=[lane], personas=[persona], touchpoints=cards)
    document["links"] = [{"from": a["id"], "to": b["id"]} for a, b in itertools.pairwise(cards)]
    document.update(changes)
    path = folder / name
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def usage_error(capsys, *argv: str) -> str:
    with pytest.raises(SystemExit) as stop:
        main(list(argv))
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "usage:" in err
    assert "Traceback" not in err
    return err


# ---------------------------------------------------------------------- the first word


@pytest.fixture
def no_app(monkeypatch):
    """Fail (rather than open a window and wait) should a test start the app."""

    def started(file):
        pytest.fail(f"the app was started on {file!r}")

    monkeypatch.setattr(cli, "launch_app", started)


def test_a_mistyped_command_is_a_usage_error_even_without_a_screen():
    result = tpmapper("frobnicate", env=headless_env())
    assert result.returncode == 2
    assert f"'frobnicate' is neither a command {COMMANDS} nor an existing file" in result.stderr
    assert "usage:" in result.stderr
    assert "xcb" not in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("argv", [["frobnicate"], ["valdiate", "x.tpmap"], ["frobnicate", "x"]])
def test_unknown_words_name_the_commands(no_app, capsys, argv):
    err = usage_error(capsys, *argv)
    assert f"'{argv[0]}' is neither a command {COMMANDS} nor an existing file" in err


@pytest.mark.parametrize("word", ["absent.tpmap", "ABSENT.TPMAP", "maps/absent", "absent.json"])
def test_a_missing_file_for_the_app_is_no_such_file(no_app, capsys, tmp_path, monkeypatch, word):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, word)
    assert_one_line_refusal(code, err, f"{word}: no such file")
    assert out == ""


def test_a_folder_for_the_app_is_refused(no_app, capsys, tmp_path):
    code, _out, err = run(capsys, str(tmp_path))
    assert_one_line_refusal(code, err, str(tmp_path), "is a folder")


def test_the_app_opens_one_file_only(no_app, capsys):
    err = usage_error(capsys, str(SAMPLE), "extra")
    assert "'extra' is one too many" in err


@pytest.mark.parametrize("argv", [[], [str(SAMPLE)]], ids=["no-file", "a-file"])
def test_without_a_screen_the_app_says_so_in_one_line_without_importing_qt(argv):
    probe = (
        "import sys\n"
        "from tpmapper.cli import main\n"
        "code = main(sys.argv[1:])\n"
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))\n"
        "raise SystemExit(code)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, *argv],
        capture_output=True,
        text=True,
        env=headless_env(),
        check=False,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stdout.strip() == "[]"  # Qt was never imported
    assert result.stderr.strip() == (
        "tpmapper: the app needs a display and none was found (DISPLAY and WAYLAND_DISPLAY "
        "are not set); the commands templates, new, validate, info, analyze, export, "
        "import and recovery work without one"
    )
    plain = tpmapper(*argv, env=headless_env())
    assert (plain.returncode, plain.stderr) == (result.returncode, result.stderr)


@pytest.mark.parametrize(
    ("platform", "environ", "expected"),
    [
        ("linux", {}, True),
        ("linux", {"DISPLAY": ""}, True),
        ("linux", {"DISPLAY": ":0"}, False),
        ("linux", {"WAYLAND_DISPLAY": "wayland-0"}, False),
        ("linux", {"QT_QPA_PLATFORM": "offscreen"}, False),
        ("freebsd14", {}, True),
        ("win32", {}, False),
        ("darwin", {}, False),
    ],
)
def test_which_systems_have_no_display(monkeypatch, platform, environ, expected):
    monkeypatch.setattr(sys, "platform", platform)
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environ.items():
        monkeypatch.setenv(name, value)
    assert cli._no_display() is expected


# ---------------------------------------------------------------------- plurals, sections


def test_one_of_each_is_singular(capsys, tmp_path):
    one = small_map(tmp_path, 1, name="one.tpmap")
    two = small_map(tmp_path, 2, name="two.tpmap")
    outputs = []

    code, out, _err = run(capsys, "validate", str(one))
    assert out.strip() == f"{one}: sound (1 touchpoint, 0 links, 1 phase, 1 lane)"
    code, out, _err = run(capsys, "validate", str(two))
    assert out.strip() == f"{two}: sound (2 touchpoints, 1 link, 1 phase, 1 lane)"

    code, out, _err = run(capsys, "info", str(two))
    assert code == 0
    assert "  2 touchpoints, 1 link, 1 persona" in out.splitlines()
    outputs.append(out)

    code, out, _err = run(capsys, "export", str(one), "-o", str(tmp_path / "one.csv"))
    assert out.strip() == f"{tmp_path / 'one.csv'}: exported 1 touchpoint from {one}"

    book = tmp_path / "two.xlsx"
    assert run(capsys, "export", str(two), "-o", str(book))[0] == 0
    back = tmp_path / "back.tpmap"
    code, out, err = run(capsys, "import", str(book), "-o", str(back))
    assert (code, err) == (0, "")
    assert out.strip().endswith("with 2 touchpoints, 1 link, 1 phase and 1 lane")
    outputs.append(out)

    for text in outputs:
        assert not PLURAL_AFTER_ONE.search(text), text


def test_new_counts_its_phases_and_lanes(capsys, tmp_path):
    target = tmp_path / "new.tpmap"
    code, out, _err = run(capsys, "new", "-t", "three-phase", "-o", str(target))
    assert code == 0
    assert out.strip().endswith("with 3 phases and 3 lanes")


def test_info_on_an_empty_map_has_no_dangling_heading(capsys, tmp_path):
    empty = small_map(tmp_path, 0)
    code, out, _err = run(capsys, "info", str(empty))
    assert code == 0
    lines = out.splitlines()
    assert "by owner: none" in lines
    assert "  0 touchpoints, 0 links, 1 persona" in lines
    assert not any(line.startswith("without owner") for line in lines)
    for index, line in enumerate(lines):  # a heading ending in ':' has rows under it
        if line.endswith(":"):
            assert index + 1 < len(lines), out
            assert lines[index + 1].startswith("  "), out


# ---------------------------------------------------------------------- outputs


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (
            ["export", str(SAMPLE), "-o", "{out}"],
            "{out}: is a folder; name a file ending in .xlsx, .png, .svg, .pdf, .pptx or .csv",
        ),
        (
            ["new", "-t", "three-phase", "-o", "{out}"],
            "{out}: is a folder; name a file ending in .tpmap",
        ),
        (["new", "-t", "three-phase", "-o", "{out}", "--force"], "{out}: is a folder;"),
        (["import", "{book}", "-o", "{out}"], "{out}: is a folder; name a file ending in .tpmap"),
    ],
    ids=["export", "new", "new-force", "import"],
)
def test_a_folder_as_output_is_named_a_folder(capsys, tmp_path, argv, expected):
    folder = tmp_path / "pictures.tpmap" if "new" in argv else tmp_path / "pictures"
    folder.mkdir()
    book = tmp_path / "book.xlsx"
    args = [a.format(out=folder, book=book) for a in argv]
    code, _out, err = run(capsys, *args)
    assert_one_line_refusal(code, err, expected.format(out=folder))
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize(
    ("suffix", "options", "complaint"),
    [
        (".csv", ["--legend"], "--legend applies to .png, .svg and .pdf only"),
        (".xlsx", ["--no-legend"], "--no-legend applies to .png, .svg and .pdf only"),
        (".xlsx", ["--split"], "--split applies to .pdf only"),
        (".png", ["--split"], "--split applies to .pdf only"),
        (".svg", ["--split"], "--split applies to .pdf only"),
        (".csv", ["--split"], "--split applies to .pdf only"),
        (".svg", ["--scale", "2"], "--scale applies to .png only"),
        (".pdf", ["--scale", "2"], "--scale applies to .png only"),
        (".xlsx", ["--scale", "2"], "--scale applies to .png only"),
        (".pdf", ["--transparent"], "--transparent applies to .png and .svg only"),
        (".csv", ["--transparent"], "--transparent applies to .png and .svg only"),
        (".xlsx", ["--curve"], "--curve applies to .png, .svg, .pdf and .pptx only"),
    ],
)
def test_an_option_the_format_does_not_use_is_a_usage_error(
    capsys, tmp_path, suffix, options, complaint
):
    out = tmp_path / f"shop{suffix}"
    err = usage_error(capsys, "export", str(SAMPLE), "-o", str(out), *options)
    assert f"tpmapper export: error: {complaint}, not to {suffix}" in err
    assert not out.exists()


@pytest.mark.parametrize(
    ("suffix", "options"),
    [
        (".png", ["--scale", "0.5", "--transparent", "--no-legend"]),
        (".svg", ["--transparent", "--legend"]),
        (".pdf", ["--split", "--no-legend"]),
        (".csv", ["-l", "de"]),
        (".png", ["-l", "de"]),
        (".xlsx", ["--language", "en"]),
    ],
)
def test_options_a_format_uses_are_taken(capsys, tmp_path, suffix, options):
    out = tmp_path / f"shop{suffix}"
    code, _out, err = run(capsys, "export", str(SAMPLE), "-o", str(out), *options)
    assert (code, err) == (0, "")
    assert out.stat().st_size > 0


def test_pictures_take_their_defaults_from_the_apps_image_options(capsys, tmp_path, monkeypatch):
    from tpmapper.render import image_export

    seen = []
    monkeypatch.setattr(
        image_export, "export_image", lambda _j, _p, options, _progress: seen.append(options)
    )
    # whatever the app's defaults are, the command line follows them
    app_defaults = functools.partial(image_export.ImageOptions, scale=3.5, legend=True)
    monkeypatch.setattr(image_export, "ImageOptions", app_defaults)
    out = str(tmp_path / "shop.png")
    assert run(capsys, "export", str(SAMPLE), "-o", out)[0] == 0
    assert run(capsys, "export", str(SAMPLE), "-o", out, "--no-legend", "--scale", "1")[0] == 0
    assert run(capsys, "export", str(tmp_path / "x.tpmap"), "-o", out)[0] == 1  # no such map
    pdf = str(tmp_path / "shop.pdf")
    assert run(capsys, "export", str(SAMPLE), "-o", pdf, "--split")[0] == 0
    seen = [dataclasses.replace(options, labels=app_defaults().labels) for options in seen]
    assert seen == [  # the legend's words aside (they follow --language)
        app_defaults(),
        dataclasses.replace(app_defaults(), legend=False, scale=1.0),
        dataclasses.replace(app_defaults(), pages="split"),
    ]


def test_a_default_png_is_the_apps_png(capsys, tmp_path):
    from PySide6.QtGui import QImage

    from tpmapper.render.image_export import ImageOptions

    defaults = ImageOptions()
    plain, explicit = tmp_path / "plain.png", tmp_path / "explicit.png"
    assert run(capsys, "export", str(SAMPLE), "-o", str(plain))[0] == 0
    flags = ["--scale", f"{defaults.scale:g}", "--legend" if defaults.legend else "--no-legend"]
    assert run(capsys, "export", str(SAMPLE), "-o", str(explicit), *flags)[0] == 0
    assert QImage(str(plain)).size() == QImage(str(explicit)).size()


def test_export_help_shows_the_apps_defaults(capsys):
    from tpmapper.render.image_export import ImageOptions

    with pytest.raises(SystemExit) as stop:
        main(["export", "--help"])
    assert stop.value.code == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "--legend, --no-legend" in out
    assert f"(default: {ImageOptions().scale:g})" in out
    assert f"(default: {'with' if ImageOptions().legend else 'without'} a legend)" in out


@pytest.mark.parametrize("scale", ["0", "-1", "17", "nan", "inf"])
def test_a_scale_out_of_range_is_refused(capsys, tmp_path, scale):
    code, _out, err = run(
        capsys, "export", str(SAMPLE), "-o", str(tmp_path / "a.png"), "--scale", scale
    )
    assert_one_line_refusal(code, err, f"--scale {float(scale):g}", "up to 16")
    assert list(tmp_path.iterdir()) == []


def test_a_dangling_link_as_output_is_not_written_through_without_force(capsys, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    planted = elsewhere / "planted.png"
    out = tmp_path / "out.png"
    out.symlink_to(planted)
    code, _out, err = run(capsys, "export", str(SAMPLE), "-o", str(out))
    assert_one_line_refusal(code, err, f"{out}: exists already", str(planted), "--force")
    assert not planted.exists()
    assert out.is_symlink()
    (tmp_path / "link.tpmap").symlink_to(elsewhere / "planted.tpmap")
    code, _out, err = run(capsys, "new", "-t", "three-phase", "-o", str(tmp_path / "link.tpmap"))
    assert_one_line_refusal(code, err, "link.tpmap: exists already", "--force")
    assert not (elsewhere / "planted.tpmap").exists()
    # asked to, it replaces the link (or writes through it: the files layer decides)
    assert run(capsys, "export", str(SAMPLE), "-o", str(out), "--force")[0] == 0
    assert out.read_bytes().startswith(b"\x89PNG")


def test_a_named_pipe_as_output_is_refused_even_with_force(tmp_path):
    fifo = tmp_path / "out.png"
    os.mkfifo(fifo)
    result = tpmapper("export", str(SAMPLE), "-o", str(fifo), "--force")  # must not hang
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"tpmapper: {fifo}: is a pipe, not a regular file; name another file"
    )
    assert fifo.is_fifo()


@pytest.mark.parametrize("command", ["new", "export"])
def test_a_device_as_output_is_refused_even_with_force(capsys, tmp_path, command):
    head = ["new", "-t", "three-phase"] if command == "new" else ["export", str(SAMPLE)]
    code, _out, err = run(capsys, *head, "-o", os.devnull, "--force")
    assert_one_line_refusal(code, err, f"{os.devnull}: is a device, not a regular file")
    link = tmp_path / ("null.tpmap" if command == "new" else "null.png")
    link.symlink_to(os.devnull)
    code, _out, err = run(capsys, *head, "-o", str(link), "--force")
    assert_one_line_refusal(code, err, f"{link}: is a link to a device, not a regular file")
    assert link.is_symlink()


def test_export_onto_its_own_input_is_refused(capsys, tmp_path):
    mislabelled = tmp_path / "shop.png"  # a map file under a picture's name
    mislabelled.write_bytes(SAMPLE.read_bytes())
    hard = tmp_path / "hard.svg"
    os.link(mislabelled, hard)
    soft = tmp_path / "soft.pdf"
    soft.symlink_to(mislabelled)
    for out in (mislabelled, hard, soft):
        code, _out, err = run(capsys, "export", str(mislabelled), "-o", str(out), "--force")
        assert_one_line_refusal(code, err, f"{out}: is the map being exported itself")
    assert mislabelled.read_bytes() == SAMPLE.read_bytes()


def test_import_onto_its_own_workbook_is_refused(capsys, tmp_path):
    book = tmp_path / "shop.xlsx"
    assert run(capsys, "export", str(SAMPLE), "-o", str(book))[0] == 0
    before = book.read_bytes()
    out = tmp_path / "shop.tpmap"
    out.symlink_to(book)
    code, _out, err = run(capsys, "import", str(book), "-o", str(out), "--force")
    assert_one_line_refusal(code, err, f"{out}: is the workbook being imported itself")
    assert book.read_bytes() == before


# ---------------------------------------------------------------------- import's input


def test_import_of_a_map_file_says_what_it_is(capsys, tmp_path):
    code, _out, err = run(capsys, "import", str(SAMPLE), "-o", str(tmp_path / "a.tpmap"))
    assert_one_line_refusal(code, err, str(SAMPLE), "is a map file already, not a workbook")
    assert list(tmp_path.iterdir()) == []


def test_import_of_a_csv_says_to_save_it_as_xlsx(capsys, tmp_path):
    table = tmp_path / "shop.csv"
    assert run(capsys, "export", str(SAMPLE), "-o", str(table))[0] == 0
    code, _out, err = run(capsys, "import", str(table), "-o", str(tmp_path / "a.tpmap"))
    assert_one_line_refusal(code, err, str(table), ".xlsx")
    assert not (tmp_path / "a.tpmap").exists()


def test_import_goes_by_the_content_not_the_suffix(capsys, tmp_path):
    book = tmp_path / "shop.xlsx"
    assert run(capsys, "export", str(SAMPLE), "-o", str(book))[0] == 0
    renamed = book.rename(tmp_path / "shop.download")
    code, out, err = run(capsys, "import", str(renamed), "-o", str(tmp_path / "a.tpmap"))
    assert (code, err) == (0, "")
    assert "14 touchpoints" in out


# ---------------------------------------------------------------------- text that cannot print


def test_an_undecodable_title_is_one_line(capsys, tmp_path):
    target = tmp_path / "x.tpmap"
    code, out, err = run(capsys, "new", "-t", "three-phase", "-o", str(target), "--title", "\udcff")
    assert_one_line_refusal(code, err, "--title: ", "\\udcff")
    assert out == ""
    assert not target.exists()


def test_an_undecodable_title_from_a_real_command_line(tmp_path):
    target = tmp_path / "x.tpmap"
    result = tpmapper("new", "-t", "three-phase", "-o", str(target), "--title", b"\xff")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("tpmapper: --title: ")
    assert not target.exists()


def test_an_ascii_terminal_gets_escapes_not_a_crash(tmp_path):
    env = headless_env(QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="ascii", LANG="C", LC_ALL="C")
    target = tmp_path / "café.tpmap"
    result = tpmapper("new", "-t", "three-phase", "-o", str(target), "--title", "Café ☕", env=env)
    assert (result.returncode, result.stderr) == (0, "")
    assert "Caf\\xe9 \\u2615" in result.stdout
    assert load(target).title == "Café ☕"
    result = tpmapper("templates", "-l", "de", env=env)
    assert (result.returncode, result.stderr) == (0, "")
    broken = tmp_path / "kaputt ä.tpmap"
    broken.write_text("{", encoding="utf-8")
    result = tpmapper("validate", str(broken), env=env)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "kaputt \\xe4.tpmap" in result.stderr
    result = tpmapper("info", str(broken.with_name("fehlt ö.tpmap")), env=env)
    assert result.returncode == 1
    assert result.stderr.strip().endswith("fehlt \\xf6.tpmap: no such file")


def test_names_with_line_breaks_and_bidi_controls_stay_on_their_line(capsys, tmp_path):
    strange = small_map(tmp_path, 2, name="a\nb\u202e.tpmap", title="Evil\nTitle")
    code, out, err = run(capsys, "validate", str(strange))
    assert (code, err) == (0, "")
    assert out.count("\n") == 1
    assert "a\\nb\\u202e.tpmap: sound" in out
    code, out, _err = run(capsys, "info", str(strange))
    assert out.splitlines()[0] == "Evil\\nTitle"
    code, out, err = run(capsys, "info", str(tmp_path / "x\ny.tpmap"))
    assert_one_line_refusal(code, err, "x\\ny.tpmap: no such file")
    code, out, err = run(capsys, "new", "-t", "a\nb", "-o", str(tmp_path / "n.tpmap"))
    assert_one_line_refusal(code, err, "a\\nb")


# ---------------------------------------------------------------------- argparse's own


@pytest.mark.parametrize(
    "argv",
    [
        ["--nope"],
        ["export", str(SAMPLE), "-o", "x.png", "--nope"],
        ["validate", str(SAMPLE), "--json"],
        ["templates", "-l", "fr"],
    ],
)
def test_unknown_options_are_argparse_usage_errors(capsys, argv):
    err = usage_error(capsys, *argv)
    assert "error: " in err


def test_unknown_options_and_version_from_a_real_command_line():
    result = tpmapper("export", str(SAMPLE), "-o", "x.png", "--frobnicate")
    assert result.returncode == 2
    assert "tpmapper export: error: unrecognized arguments: --frobnicate" in result.stderr
    result = tpmapper("--version")
    assert (result.returncode, result.stdout.strip()) == (0, f"tpmapper {__version__}")
