"""The CSV export: the Touchpoints table, Excel-friendly, with formula injection neutralised."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from tests.files.excel_support import load_book
from tests.files.maps import every_field_map, minimal_map
from tpmapper.files import MapFileError
from tpmapper.files.csv_export import csv_bytes, export_csv, neutralise
from tpmapper.files.excel_columns import TOUCHPOINT_COLUMNS
from tpmapper.files.excel_export import workbook_bytes
from tpmapper.files.templates import sample_path
from tpmapper.files.tpmap import load
from tpmapper.model import JourneyMap, Lane, Phase, Touchpoint


def _rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_csv_has_the_touchpoints_sheet_columns_and_rows() -> None:
    journey = load(sample_path())
    rows = _rows(csv_bytes(journey))
    assert rows[0] == [column.english for column in TOUCHPOINT_COLUMNS]
    sheet = load_book(workbook_bytes(journey))["Touchpoints"]
    expected = [["" if v is None else v for v in row] for row in sheet.iter_rows(values_only=True)]
    for row, cells in zip(rows[1:], expected[1:], strict=True):
        assert len(row) == len(cells)
        for text, cell in zip(row, cells, strict=True):
            if isinstance(cell, float):
                assert float(text) == cell
            else:
                assert text == str(cell)


def test_csv_lines_end_with_crlf_and_keep_line_breaks_in_fields() -> None:
    data = csv_bytes(every_field_map())
    assert b"\r\n" in data
    rows = _rows(data)
    assert len(rows) == 1 + len(every_field_map())
    assert rows[1][3] == 'Line one\nline two\twith a tab; «quotes» and "escapes" \\ too'
    assert rows[1][0] == "Search ad"


def test_csv_writes_typed_values() -> None:
    rows = _rows(csv_bytes(every_field_map()))
    header = rows[0]
    cart = next(r for r in rows[1:] if r[header.index("ID")] == "tp-cart")
    value = dict(zip(header, cart, strict=True))
    assert value["Customer rating"] == "2"
    assert value["Conversion rate"] == "0.313"
    assert value["Cost"] == "12500.5"
    assert value["ROI"] == "-0.25"  # a number: never prefixed
    assert value["Influenceable"] == "yes"
    assert value["Tags"] == "checkout; ärgerlich"
    assert value["Personas"] == "Schnäppchenjäger; Busy professional"
    assert value["Phase"] == "Kauf"
    assert value["Channel"] == "Online shop"


def test_unset_values_are_empty_and_zero_is_zero() -> None:
    journey = minimal_map()
    journey.insert_touchpoint(Touchpoint("t3", "Zero", "p", "l", reach=0, cost=0.0))
    rows = _rows(csv_bytes(journey))
    header = rows[0]
    assert rows[1][header.index("Reach")] == ""
    assert rows[3][header.index("Reach")] == "0"
    assert rows[3][header.index("Cost")] == "0"


@pytest.mark.parametrize("text", ["=1+1", "+49 30", "-x", "@SUM(A1)", "\tTab", "\rCR"])
def test_formula_like_text_is_neutralised(text: str) -> None:
    journey = JourneyMap("Injection")
    journey.phases.insert(Phase("p", text))
    journey.lanes.insert(Lane("l", "Lane"))
    journey.insert_touchpoint(Touchpoint("t", text, "p", "l", owner=text, tags=(text.strip(),)))
    rows = _rows(csv_bytes(journey))
    header = rows[0]
    for column in ("Name", "Phase", "Owner"):
        assert rows[1][header.index(column)] == "'" + text
    assert neutralise("plain") == "plain"
    assert neutralise("a=b") == "a=b"


def test_german_csv_has_german_headers_and_words() -> None:
    rows = _rows(csv_bytes(load(sample_path("de")), language="de"))
    assert rows[0][:3] == ["Name", "Phase", "Swimlane"]
    assert "Kanal" in rows[0]
    assert {"ja", "nein"} >= {r[rows[0].index("Beeinflussbar")] for r in rows[1:]} - {""}


def test_export_csv_writes_atomically(tmp_path: Path) -> None:
    path = tmp_path / "map.csv"
    path.write_bytes(b"old")
    export_csv(every_field_map(), path)
    assert path.read_bytes().startswith(b"\xef\xbb\xbfName,")
    assert [p.name for p in tmp_path.iterdir()] == ["map.csv"]
    with pytest.raises(MapFileError):
        export_csv(every_field_map(), tmp_path / "missing" / "map.csv")
