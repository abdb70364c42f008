"""The command line's contract: outputs, exit codes, one-line refusals, no tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tpmapper import __version__
from tpmapper.cli import main
from tpmapper.files.templates import sample_path, template_names
from tpmapper.files.tpmap import load

SAMPLE = sample_path("en")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_refusal(code: int, err: str, *fragments: str) -> None:
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("tpmapper: ")
    assert "Traceback" not in err
    for fragment in fragments:
        assert fragment in lines[0]


def test_version(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert capsys.readouterr().out.strip() == f"tpmapper {__version__}"


@pytest.mark.parametrize("language", ["en", "de"])
def test_templates_lists_every_template(capsys, language):
    code, out, _err = run(capsys, "templates", "--language", language)
    assert code == 0
    for name in template_names():
        assert any(line.startswith(name + " ") for line in out.splitlines())
    assert ("Customer journey in three phases" in out) == (language == "en")
    assert ("Customer Journey in drei Phasen" in out) == (language == "de")


@pytest.mark.parametrize("name", template_names())
def test_new_validate_info_on_every_template(capsys, tmp_path, name):
    target = tmp_path / f"{name}.tpmap"
    code, out, err = run(capsys, "new", "-t", name, "-o", str(target), "--title", "Workshop")
    assert (code, err) == (0, "")
    assert str(target) in out
    journey = load(target)
    assert journey.title == "Workshop"
    assert len(journey.phases) >= 3
    assert len(journey.lanes) >= 3

    code, out, err = run(capsys, "validate", str(target))
    assert (code, err) == (0, "")
    assert "sound" in out

    code, out, err = run(capsys, "info", str(target), "--json")
    assert code == 0
    info = json.loads(out)
    assert info["title"] == "Workshop"
    assert list(info["by_phase"]) == [p.name for p in journey.phases]
    assert info["touchpoints"] == 0


def test_new_in_german(capsys, tmp_path):
    target = tmp_path / "de.tpmap"
    code, _out, _err = run(capsys, "new", "-t", "three-phase", "-o", str(target), "-l", "de")
    assert code == 0
    assert [p.name for p in load(target).phases] == ["Vor dem Kauf", "Kauf", "Nach dem Kauf"]


@pytest.mark.parametrize("language", ["en", "de"])
def test_validate_and_info_on_the_sample(capsys, language):
    path = sample_path(language)
    code, out, _err = run(capsys, "validate", str(path))
    assert code == 0
    assert "14 touchpoints" in out
    code, out, _err = run(capsys, "info", str(path), "--json")
    assert code == 0
    info = json.loads(out)
    journey = load(path)
    assert info["touchpoints"] == len(journey) == 14
    assert sum(info["by_phase"].values()) == 14
    assert sum(info["by_lane"].values()) == 14
    assert sum(info["by_owner"].values()) + info["without_owner"] == 14
    assert info["without_owner"] == 2


def test_info_as_text_names_phases_lanes_and_owners(capsys):
    code, out, _err = run(capsys, "info", str(SAMPLE))
    assert code == 0
    for expected in (
        "by phase:",
        "Before purchase",
        "by lane:",
        "Earned",
        "by owner:",
        "Customer service",
        "without owner: 2",
    ):
        assert expected in out


def test_new_never_overwrites_without_force(capsys, tmp_path):
    target = tmp_path / "mine.tpmap"
    target.write_bytes(b"precious")
    code, _out, err = run(capsys, "new", "-t", "three-phase", "-o", str(target))
    assert_one_line_refusal(code, err, str(target), "--force")
    assert target.read_bytes() == b"precious"
    code, _out, _err = run(capsys, "new", "-t", "three-phase", "-o", str(target), "--force")
    assert code == 0
    assert load(target).phases.at(0).name == "Before purchase"


@pytest.mark.parametrize(
    ("argv", "fragments"),
    [
        (["new", "-t", "nine-phase", "-o", "{tmp}/x.tpmap"], ["nine-phase", "three-phase"]),
        (["new", "-t", "three-phase", "-o", "{tmp}/x.txt"], ["x.txt", ".tpmap"]),
        (["new", "-t", "three-phase", "-o", "{tmp}/missing/x.tpmap"], ["missing", "folder"]),
        (["new", "-t", "three-phase", "-o", "{tmp}/x.tpmap", "--title", "  "], ["--title"]),
        (["validate", "{tmp}/absent.tpmap"], ["absent.tpmap", "no such file"]),
        (["validate", "{tmp}/bad.tpmap"], ["bad.tpmap", "customer_rating", "9 is outside 1–5"]),
        (["info", "{tmp}/bad.tpmap"], ["bad.tpmap", "customer_rating"]),
        (["validate", "{tmp}"], ["folder"]),
    ],
    ids=[
        "unknown-template",
        "wrong-suffix",
        "missing-folder",
        "blank-title",
        "missing-file",
        "bad-rating",
        "info-bad-rating",
        "a-folder",
    ],
)
def test_refusals_are_one_line_and_exit_1(capsys, tmp_path, argv, fragments):
    text = SAMPLE.read_text(encoding="utf-8").replace(
        '"customer_rating": 2', '"customer_rating": 9'
    )
    (tmp_path / "bad.tpmap").write_text(text, encoding="utf-8")
    argv = [arg.replace("{tmp}", str(tmp_path)) for arg in argv]
    code, out, err = run(capsys, *argv)
    assert_one_line_refusal(code, err, *fragments)
    assert out == ""
    assert not (tmp_path / "x.tpmap").exists()


@pytest.mark.parametrize(
    "argv",
    [["new", "-o", "x.tpmap"], ["validate"], ["frobnicate", "x", "y"], ["info", "a", "--nope"]],
    ids=["no-template", "no-file", "unknown-command", "unknown-option"],
)
def test_usage_errors_exit_2(capsys, argv):
    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_python_dash_m_runs_without_traceback(tmp_path):
    bad = tmp_path / "broken.tpmap"
    bad.write_bytes(SAMPLE.read_bytes()[:500])
    result = subprocess.run(
        [sys.executable, "-m", "tpmapper", "validate", str(bad)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 1
    assert (
        result.stderr.strip()
        == f"tpmapper: {bad}: the file ends in the middle of the map; it may be truncated"
    )
    ok = subprocess.run(
        [sys.executable, "-m", "tpmapper", "validate", str(SAMPLE)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert (ok.returncode, ok.stderr) == (0, "")


def test_installed_entry_point_exists():
    script = Path(sys.executable).with_name("tpmapper")
    assert script.exists(), "the tpmapper gui-script is not installed in this environment"
