"""Text no file can hold (lone surrogates, U+FFFE, U+FFFF, control characters) is refused
wherever it comes from: a .tpmap file (with the place named) or a workbook (with the
Sheet!Cell named), never accepted into a map that then cannot be saved or exported."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from tests.files.excel_support import round_trip, typed_workbook, zip_bytes
from tests.files.maps import every_field_map, minimal_map
from tpmapper.files import MapFileError, dumps, load, loads
from tpmapper.files.excel_cells import clean_text, excel_escape
from tpmapper.files.excel_export import workbook_bytes
from tpmapper.files.excel_import import WorkbookError, import_workbook, import_workbook_bytes
from tpmapper.model import JourneyMap, Lane, Persona, Phase, Touchpoint

# (the character as JSON writes it, as Excel escapes it, the reason's end)
BAD = [
    ("\\ud800", "_xD800_", "a lone surrogate U+D800, which files cannot hold"),
    ("\\udcff", "_xDCFF_", "a lone surrogate U+DCFF, which files cannot hold"),
    ("\\ufffe", "_xFFFE_", "U+FFFE, which files cannot hold"),
    ("\\uffff", "_xFFFF_", "U+FFFF, which files cannot hold"),
    ("\\u0001", "_x0001_", "the control character U+0001"),
]
IDS = ["surrogate-d800", "surrogate-dcff", "fffe", "ffff", "control-0001"]


# ---------------------------------------------------------------------- .tpmap


def _document_with(place: str, escaped: str) -> bytes:
    """The every-field map's file with `escaped` (a JSON escape) put into one field."""
    document = json.loads(dumps(every_field_map()))
    marker = "MARKER-TEXT"
    if place == "title":
        document["title"] = marker
    elif place == "phases[1].name":
        document["phases"][1]["name"] = marker
    elif place == "touchpoints[2].name":
        document["touchpoints"][2]["name"] = marker
    elif place == "touchpoints[2].tags":
        document["touchpoints"][2]["tags"] = ["fine", marker]
    elif place == "personas[0].description":
        document["personas"][0]["description"] = marker
    text = json.dumps(document, indent=1)  # ASCII: the escape stays an escape
    return text.replace(marker, f"Shop {escaped}").encode("ascii")


PLACES = [
    "title",
    "phases[1].name",
    "touchpoints[2].name",
    "touchpoints[2].tags",
    "personas[0].description",
]


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize(("escaped", "_excel", "reason"), BAD, ids=IDS)
def test_a_tpmap_with_such_text_is_refused_at_its_place(
    tmp_path: Path, place: str, escaped: str, _excel: str, reason: str
) -> None:
    path = tmp_path / "shop.tpmap"
    path.write_bytes(_document_with(place, escaped))
    with pytest.raises(MapFileError) as caught:
        load(path)
    message = str(caught.value)
    assert caught.value.place == place, message
    entry = "entry 2: " if place.endswith("tags") else ""
    assert message.startswith(f"{path}: {place}: {entry}text contains {reason}"), message
    assert message.isprintable()


def test_the_message_never_quotes_the_refused_name() -> None:
    data = _document_with("touchpoints[2].name", "\\ud800")
    with pytest.raises(MapFileError) as caught:
        loads(data, "shop.tpmap")
    assert "(in '" not in str(caught.value)
    str(caught.value).encode("utf-8")  # printable, and encodable: no lone surrogate in it


# ---------------------------------------------------------------------- workbooks


def _marked_map() -> JourneyMap:
    journey = JourneyMap("TITLEMARK")
    journey.personas.insert(Persona("x1", "PERSONAMARK"))
    journey.phases.insert(Phase("p1", "PHASEMARK"))
    journey.lanes.insert(Lane("l1", "Lane"))
    journey.insert_touchpoint(
        Touchpoint("t1", "NAMEMARK", "p1", "l1", tags=("ok", "TAGMARK"), personas=("x1",))
    )
    return journey


def _with_text(data: bytes, marker: str, text: str) -> bytes:
    """The workbook with `marker` replaced by `text` in every part (as raw XML text)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts: dict[str, bytes | str] = {
            info.filename: archive.read(info).replace(marker.encode(), text.encode())
            for info in archive.infolist()
        }
    return zip_bytes(parts)


OWN_PLACES = [
    ("TITLEMARK", ["About!B3: Title: "]),
    ("PHASEMARK", ["Phases!B2: Name: ", "Touchpoints!B2: Phase: "]),
    ("NAMEMARK", ["Touchpoints!A2: Name: "]),
    ("TAGMARK", ["Touchpoints!Y2: Tags: entry 2: "]),
    ("PERSONAMARK", ["Personas!B2: Name: ", "Touchpoints!X2: Personas: entry 1: "]),
]


@pytest.mark.parametrize(("marker", "places"), OWN_PLACES, ids=[m for m, _ in OWN_PLACES])
@pytest.mark.parametrize(("_json", "excel", "reason"), BAD, ids=IDS)
def test_our_workbook_with_such_a_cell_is_refused_at_the_cell(
    marker: str, places: list[str], _json: str, excel: str, reason: str
) -> None:
    data = _with_text(workbook_bytes(_marked_map()), marker, f"Shop {excel}")
    with pytest.raises(WorkbookError) as caught:
        import_workbook_bytes(data, "shop.xlsx")
    problems = caught.value.problems
    assert problems == [f"{place}text contains {reason}" for place in places]
    assert str(caught.value).startswith(f"shop.xlsx: {places[0]}text contains {reason}")


@pytest.mark.parametrize(("_json", "excel", "reason"), BAD, ids=IDS)
def test_a_typed_sheet_with_such_a_cell_is_refused_at_the_cell(
    _json: str, excel: str, reason: str
) -> None:
    rows = [
        ["Name", "Phase", "Lane", "Tags", "Personas"],
        ["Website", "Aware", "Online", "a; b", "Pro"],
        ["NAMEMARK", "Aware", "Online", "", ""],
        ["Shop", "PHASEMARK", "Online", "", ""],
        ["Shop 2", "Aware", "Online", "ok; TAGMARK", ""],
        ["Shop 3", "Aware", "Online", "", "PERSONAMARK"],
    ]
    data = typed_workbook(rows, "Touchpoints")
    for marker in ("NAMEMARK", "PHASEMARK", "TAGMARK", "PERSONAMARK"):
        data = _with_text(data, marker, f"x{excel}")
    with pytest.raises(WorkbookError) as caught:
        import_workbook_bytes(data, "typed.xlsx")
    assert caught.value.problems == [
        f"Touchpoints!A3: Name: text contains {reason}",
        f"Touchpoints!B4: Phase: text contains {reason}",
        f"Touchpoints!D5: Tags: entry 2: text contains {reason}",
        f"Touchpoints!E6: Personas: entry 1: text contains {reason}",
    ]


def test_a_typed_workbook_whose_file_name_is_no_title_gets_a_plain_one(tmp_path: Path) -> None:
    rows = [["Name", "Phase"], ["Website", "Aware"]]
    path = tmp_path / "Q1\x01plan.xlsx"
    path.write_bytes(typed_workbook(rows))
    assert import_workbook(path).journey.title == "Imported map"
    undecodable = "Q1 \udcff.xlsx"  # what Python makes of a name that is not UTF-8
    result = import_workbook_bytes(typed_workbook(rows), undecodable)
    assert result.journey.title == "Imported map"


# ---------------------------------------------------------------------- escapes


@pytest.mark.parametrize(
    "text",
    ["_x005F_x005F_", "_x005F_x0041_", "a_x0041_x0042_b", "ax005F_b", "x005F_", "_x_x0041_"],
)
def test_escape_like_text_survives_the_workbook_exactly(text: str) -> None:
    assert clean_text(excel_escape(text)) == text
    journey = minimal_map()
    changed = journey.touchpoint("t1").with_changes(name=text, notes=text, tags=(text, "b"))
    journey.replace_touchpoint(changed)
    journey.set_meta(title=text, description=text)
    assert round_trip(journey).journey == journey


def test_escaped_halves_of_a_surrogate_pair_make_one_character() -> None:
    assert clean_text("go _xD83D__xDE80_!") == "go 🚀!"
    assert clean_text("_xDE80__xD83D_") == "\ude80\ud83d"  # the wrong way round: two halves
    rows = [["Name", "Phase"], ["ROCKET", "Aware"]]
    data = _with_text(typed_workbook(rows), "ROCKET", "Launch _xD83D__xDE80_")
    assert import_workbook_bytes(data, "x.xlsx").journey.touchpoints()[0].name == "Launch 🚀"
