"""`tpmapper analyze`: the report names touchpoints, the JSON follows its schema, and bad
input is refused in one line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from tests.cli.test_cli import SAMPLE, assert_one_line_refusal, run
from tpmapper.files.templates import sample_path
from tpmapper.files.tpmap import load, save
from tpmapper.model import Lane, Link, Phase, Touchpoint
from tpmapper.model.journey import JourneyMap

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "docs" / "analysis.schema.json").read_text(encoding="utf-8"))
KEYS = [
    "title",
    "touchpoints",
    "links",
    "curve",
    "entries",
    "dead_ends",
    "orphans",
    "loops",
    "bottlenecks",
    "weak_spots",
    "blind_spots",
    "agreement",
    "unowned",
    "owners",
    "empty_cells",
    "uninfluenceable_phases",
    "priorities",
]


def tpmapper(*argv: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "tpmapper", *argv],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=60,
        cwd=ROOT,
    )


def analysed(capsys, *argv: str) -> dict:
    code, out, err = run(capsys, "analyze", *argv, "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    Draft202012Validator(SCHEMA).validate(data)
    return data


def test_the_schema_is_valid_and_names_exactly_the_keys():
    Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["required"] == KEYS
    assert list(SCHEMA["properties"]) == KEYS


def test_the_report_on_the_sample_names_touchpoints_under_headings():
    result = tpmapper("analyze", str(SAMPLE))
    assert (result.returncode, result.stderr) == (0, "")
    lines = result.stdout.splitlines()
    assert lines[0] == "Online shop: customer journey"
    assert "  14 touchpoints, 17 links" in lines
    for heading in (
        "rating curve",
        "entries: 3",
        "dead ends: none",
        "orphans: none",
        "loops: 1",
        "bottlenecks: 4",
        "weak spots: 2",
        "blind spots: 2",
        "agreement: 10 of 12 touchpoints",
        "without owner: 2",
        "owners: 7",
        "empty cells: 4",
        "phases beyond influence: none",
        "priorities: 7",
    ):
        assert any(line.startswith(heading) for line in lines), heading
    for name in ("Shopping cart", "Chatbot", "Website", "Ads", "Word of mouth", "AI search"):
        assert f"  {name}" in lines
    assert "  Purchase / Paid" in lines
    assert any(line.startswith("  Shopping cart") and "score 15" in line for line in lines)
    assert "ce3cee02" not in result.stdout  # names, not ids


def test_the_german_sample_reads_in_german_names(capsys):
    code, out, _err = run(capsys, "analyze", str(sample_path("de")))
    assert code == 0
    assert "  Warenkorb" in out.splitlines()
    assert "Nach dem Kauf" in out


@pytest.mark.parametrize("language", ["en", "de"])
def test_json_on_the_sample_follows_the_schema(capsys, language):
    data = analysed(capsys, str(sample_path(language)))
    assert list(data) == KEYS
    journey = load(sample_path(language))
    names = {tp.id: tp.name for tp in journey.touchpoints()}
    order = [tp.id for tp in journey.touchpoints()]
    assert (data["touchpoints"], data["links"]) == (14, 17)
    assert [point["phase"] for point in data["curve"]] == journey.phases.ids()
    assert sum(point["touchpoints"] for point in data["curve"]) == 14
    assert data["agreement"] == {"rated": 12, "agree": 10, "share": 10 / 12}
    assert len(data["bottlenecks"]) == 4
    assert data["priorities"][0] == {
        "id": next(tid for tid, name in names.items() if name in ("Shopping cart", "Warenkorb")),
        "score": 15,
    }
    for key in ("entries", "bottlenecks", "weak_spots", "unowned"):
        assert data[key] == sorted(data[key], key=order.index)


def test_json_for_a_persona(capsys):
    whole = analysed(capsys, str(SAMPLE))
    bargain = analysed(capsys, str(SAMPLE), "--persona", "bargain-hunter")
    assert bargain["touchpoints"] == 10 < whole["touchpoints"]
    assert bargain["links"] == 12
    journey = load(SAMPLE)
    for tid in bargain["entries"] + bargain["weak_spots"] + bargain["unowned"]:
        assert "bargain-hunter" in journey.touchpoint(tid).personas


def test_json_on_an_empty_map_and_one_without_links(capsys, tmp_path):
    journey = JourneyMap("Leer")
    for pid in ("a", "b"):
        journey.phases.insert(Phase(pid, pid.upper()))
    journey.lanes.insert(Lane("l", "L"))
    save(journey, tmp_path / "empty.tpmap")
    data = analysed(capsys, str(tmp_path / "empty.tpmap"))
    assert data["touchpoints"] == 0
    assert data["agreement"]["share"] is None
    assert data["curve"][0]["customer"] is None
    journey.insert_touchpoint(Touchpoint("x", "Kaffee ☕", "a", "l", customer_rating=1))
    journey.insert_touchpoint(Touchpoint("y", "Kasse", "b", "l"))
    journey.insert_link(Link("x", "x"))
    save(journey, tmp_path / "alone.tpmap")
    data = analysed(capsys, str(tmp_path / "alone.tpmap"))
    assert data["orphans"] == ["x", "y"]
    assert data["loops"] == data["bottlenecks"] == []
    assert data["weak_spots"] == ["x"]
    assert data["priorities"] == []  # x has no importance


def test_an_unknown_persona_is_refused_naming_the_known_ones(capsys):
    code, out, err = run(capsys, "analyze", str(SAMPLE), "--persona", "nobody")
    assert_one_line_refusal(
        code, err, str(SAMPLE), "--persona", "'nobody'", "bargain-hunter", "busy-professional"
    )
    assert out == ""


def test_an_unknown_persona_is_refused_by_the_process_too():
    result = tpmapper("analyze", str(SAMPLE), "--json", "--persona", "nobody")
    assert result.returncode == 1
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "bargain-hunter (Bargain hunter)" in result.stderr


def test_a_broken_file_is_refused_in_one_line(tmp_path):
    broken = tmp_path / "kaputt.tpmap"
    broken.write_bytes(SAMPLE.read_bytes()[:500])
    result = tpmapper("analyze", str(broken), "--json")
    assert result.returncode == 1
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.stderr.strip() == (
        f"tpmapper: {broken}: the file ends in the middle of the map; it may be truncated"
    )


def test_a_missing_file_and_a_bad_rating_are_refused(capsys, tmp_path):
    code, _out, err = run(capsys, "analyze", str(tmp_path / "none.tpmap"))
    assert_one_line_refusal(code, err, "none.tpmap", "no such file")
    bad = tmp_path / "bad.tpmap"
    bad.write_text(
        SAMPLE.read_text(encoding="utf-8").replace('"customer_rating": 2', '"customer_rating": 9'),
        encoding="utf-8",
    )
    code, out, err = run(capsys, "analyze", str(bad), "--persona", "bargain-hunter")
    assert_one_line_refusal(code, err, "bad.tpmap", "customer_rating")
    assert out == ""


def test_names_that_could_break_lines_are_escaped(capsys, tmp_path):
    journey = JourneyMap("Evil\nTitle")
    journey.phases.insert(Phase("p", "Phase\u202e"))
    journey.lanes.insert(Lane("l", "Lane"))
    journey.insert_touchpoint(Touchpoint("a", "line\nbreak", "p", "l", customer_rating=1))
    save(journey, tmp_path / "evil.tpmap")
    code, out, _err = run(capsys, "analyze", str(tmp_path / "evil.tpmap"))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Evil\\nTitle"
    assert "  line\\nbreak" in lines
    assert any(line.startswith("  Phase\\u202e") for line in lines)


def test_analyze_appears_in_the_help(capsys):
    with pytest.raises(SystemExit):
        run(capsys, "--help")
    assert "analyze" in capsys.readouterr().out
