"""The Excel export: the sheets a colleague reads and edits, typed cells, drop-downs, and
text that never turns into a formula."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

import pytest

from tests.files.excel_support import load_book, round_trip, sheet_parts
from tests.files.maps import every_field_map, every_field_touchpoint, minimal_map
from tpmapper.files import MapFileError
from tpmapper.files.excel_cells import EXCEL_MAX_TEXT, clean_text, excel_escape, split_list
from tpmapper.files.excel_columns import TOUCHPOINT_COLUMNS
from tpmapper.files.excel_export import (
    CellTooLongError,
    export_workbook,
    workbook_bytes,
)
from tpmapper.files.templates import sample_path
from tpmapper.files.tpmap import load
from tpmapper.model import JourneyMap, Lane, Persona, Phase, Touchpoint
from tpmapper.progress import ExportCancelled
from tpmapper.render.style import RATING_COLOURS, UNRATED_COLOUR

TODAY = date(2024, 6, 1)
SHEETS = [
    "Map",
    "Touchpoints",
    "Journey",
    "Phases",
    "Lanes",
    "Personas",
    "Summary",
    "Findings",
    "About",
]


@pytest.fixture(scope="module")
def sample() -> JourneyMap:
    return load(sample_path())


@pytest.fixture(scope="module")
def sample_book(sample: JourneyMap):
    return load_book(workbook_bytes(sample, today=TODAY))


def _rows(sheet) -> list[tuple]:
    return list(sheet.iter_rows(values_only=True))


def _by_header(sheet) -> list[dict]:
    rows = _rows(sheet)
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


# ---------------------------------------------------------------------- layout


def test_the_workbook_has_its_sheets_in_order_and_the_lists_hidden(sample_book) -> None:
    assert sample_book.sheetnames == [*SHEETS, "Lists"]
    assert sample_book["Lists"].sheet_state == "hidden"
    assert all(sample_book[name].sheet_state == "visible" for name in SHEETS)


def test_german_export_names_sheets_and_headers_in_german(sample: JourneyMap) -> None:
    book = load_book(workbook_bytes(sample, language="de"))
    assert book.sheetnames[:4] == ["Karte", "Touchpoints", "Journey", "Phasen"]
    header = _rows(book["Touchpoints"])[0]
    assert header[:3] == ("Name", "Phase", "Swimlane")
    assert "Kanal" in header
    # the seeds' terms, one word per concept (the old ones are still read: test_excel_import)
    assert {"Verantwortliche(r)", "Kundensicht", "Unternehmenssicht"} <= set(header)
    assert not {"Verantwortlich", "Kundenbewertung", "Unternehmensbewertung"} & set(header)
    channels = {row["Kanal"] for row in _by_header(book["Touchpoints"])} - {None}
    assert "Mundpropaganda" in channels


def test_touchpoints_sheet_has_one_row_per_touchpoint_in_reading_order(
    sample: JourneyMap, sample_book
) -> None:
    rows = _by_header(sample_book["Touchpoints"])
    assert [row["ID"] for row in rows] == [tp.id for tp in sample.touchpoints()]
    assert [row["Name"] for row in rows] == [tp.name for tp in sample.touchpoints()]
    header = _rows(sample_book["Touchpoints"])[0]
    assert list(header) == [column.english for column in TOUCHPOINT_COLUMNS]


def test_every_field_has_its_own_typed_column() -> None:
    journey = every_field_map()
    book = load_book(workbook_bytes(journey))
    row = next(r for r in _by_header(book["Touchpoints"]) if r["ID"] == "tp-cart")
    assert row["Name"] == "Warenkorb 🛒 (Größe prüfen)"
    assert row["Phase"] == "Kauf"
    assert row["Lane"] == "Digital"
    assert row["Channel"] == "Online shop"
    assert row["Owned/paid/earned"] == "Owned"
    assert row["Direct/indirect"] == "Direct"
    assert row["Influenceable"] == "yes"
    assert row["Digital/analog"] == "Digital"
    assert row["Customer rating"] == 2
    assert isinstance(row["Customer rating"], int)
    assert row["Company rating"] == 5
    assert row["Importance"] == 4
    assert row["Moment"] == "Pain point"
    assert row["Conversion rate"] == pytest.approx(0.313)
    assert row["Cost"] == 12500.5
    assert row["Reach"] == 410000
    assert row["Feedback sources"] == "web analytics; Umfrage"
    assert row["Personas"] == "Schnäppchenjäger; Busy professional"
    assert row["Persona IDs"] == "hunter; pro"
    assert row["Tags"] == "checkout; ärgerlich"
    assert (row["Phase ID"], row["Lane ID"]) == ("buy", "digital")
    ad = next(r for r in _by_header(book["Touchpoints"]) if r["ID"] == "tp-ad")
    assert ad["Influenceable"] == "no"
    assert (ad["Conversion rate"], ad["Cost"], ad["Reach"]) == (0, 0, 0)  # 0, not empty


def test_unset_values_are_empty_cells_and_zero_is_zero() -> None:
    journey = minimal_map()
    journey.insert_touchpoint(Touchpoint("t3", "Zero", "p", "l", reach=0, cost=0.0, roi=0.0))
    rows = _by_header(load_book(workbook_bytes(journey))["Touchpoints"])
    assert rows[0]["Customer rating"] is None
    assert rows[0]["Reach"] is None
    assert rows[0]["Influenceable"] is None
    assert rows[0]["Tags"] is None
    assert (rows[2]["Reach"], rows[2]["Cost"], rows[2]["ROI"]) == (0, 0, 0)


def test_shares_show_as_percentages_and_the_header_stays_put(sample_book) -> None:
    sheet = sample_book["Touchpoints"]
    column = [c.english for c in TOUCHPOINT_COLUMNS].index("Conversion rate") + 1
    shares = [row[column - 1] for row in sheet.iter_rows(min_row=2) if row[column - 1].value]
    assert shares
    assert all(cell.number_format == "0.0%" for cell in shares)
    assert sheet.freeze_panes == "B2"
    assert sheet.auto_filter.ref == f"A1:AD{sheet.max_row}"


def test_id_columns_are_hidden_and_widths_set(sample_book) -> None:
    sheet = sample_book["Touchpoints"]
    hidden = {c.english for c in TOUCHPOINT_COLUMNS if c.hidden}
    assert hidden == {"ID", "Phase ID", "Lane ID", "Persona IDs"}
    for index, column in enumerate(TOUCHPOINT_COLUMNS, 1):
        from openpyxl.utils import get_column_letter

        dimension = sheet.column_dimensions[get_column_letter(index)]
        assert bool(dimension.hidden) == column.hidden
        # at least the column's width, and wide enough for its header's longest word
        longest = max(len(word) for word in column.english.split())
        assert dimension.width >= max(column.width, longest)


def test_drop_downs_keep_edits_valid(sample_book) -> None:
    sheet = sample_book["Touchpoints"]
    rules = {str(v.sqref).split(":")[0]: v for v in sheet.data_validations.dataValidation}
    letter = {c.english: chr(ord("A") + i) for i, c in enumerate(TOUCHPOINT_COLUMNS[:26])}
    phase = rules[letter["Phase"] + "2"]
    assert phase.type == "list"
    assert phase.formula1 == "'Phases'!$B$2:$B$4"
    assert phase.errorStyle == "warning"  # a new phase name is allowed: it is created
    assert rules[letter["Lane"] + "2"].formula1 == "'Lanes'!$B$2:$B$4"
    for name in ("Owned/paid/earned", "Direct/indirect", "Digital/analog", "Moment"):
        assert rules[letter[name] + "2"].type == "list"
        assert rules[letter[name] + "2"].formula1.startswith("'Lists'!")
        assert rules[letter[name] + "2"].errorStyle == "stop"
    assert rules[letter["Influenceable"] + "2"].type == "list"
    for name in ("Customer rating", "Company rating", "Importance"):
        rule = rules[letter[name] + "2"]
        assert (rule.type, rule.operator, rule.formula1, rule.formula2) == (
            "whole",
            "between",
            "1",
            "5",
        )
        assert str(rule.sqref).endswith(":" + letter[name] + "1048576")  # rows added later too
    assert rules[letter["Channel"] + "2"].formula1 == "'Lists'!$A$2:$A$27"
    lists = _rows(sample_book["Lists"])
    assert [row[0] for row in lists[1:27]][:3] == ["Website", "Online shop", "Search engine"]
    assert {row[6] for row in lists[1:3]} == {"yes", "no"}


def test_journey_phases_lanes_personas_and_about_sheets(sample: JourneyMap, sample_book) -> None:
    links = _by_header(sample_book["Journey"])
    assert [(r["From ID"], r["To ID"]) for r in links] == [link.key for link in sample.links()]
    names = {tp.id: tp.name for tp in sample.touchpoints()}
    assert all(r["From"] == names[r["From ID"]] for r in links)
    phases = _by_header(sample_book["Phases"])
    assert [(r["ID"], r["Name"], r["Colour"]) for r in phases] == [
        (p.id, p.name, p.colour) for p in sample.phases
    ]
    lanes = _by_header(sample_book["Lanes"])
    assert [r["Kind"] for r in lanes] == ["Touchpoint class"] * 3
    personas = _by_header(sample_book["Personas"])
    assert [r["Name"] for r in personas] == [p.name for p in sample.personas]
    about = {row[0]: row[1] for row in _rows(sample_book["About"]) if row and row[0]}
    assert about["Title"] == sample.title
    assert about["Description"] == sample.description


def test_map_sheet_is_the_swimlane_grid(sample: JourneyMap, sample_book) -> None:
    sheet = sample_book["Map"]
    assert sheet["A1"].value == sample.title
    assert sheet["B2"].value.date() == TODAY
    phases, lanes = list(sample.phases), list(sample.lanes)
    assert [sheet.cell(4, 2 + i).value for i in range(len(phases))] == [p.name for p in phases]
    for i, phase in enumerate(phases):
        fill = sheet.cell(4, 2 + i).fill.start_color.rgb
        assert fill.endswith(phase.colour.lstrip("#").upper())
    for row, lane in enumerate(lanes, 5):
        assert sheet.cell(row, 1).value == lane.name
        for column, phase in enumerate(phases, 2):
            cell = sheet.cell(row, column)
            touchpoints = [sample.touchpoint(t) for t in sample.cell(phase.id, lane.id)]
            if not touchpoints:
                assert cell.value is None
                continue
            assert cell.value.split("\n") == [tp.name for tp in touchpoints]
            ratings = [tp.customer_rating for tp in touchpoints if tp.customer_rating]
            average = int(sum(ratings) / len(ratings) + 0.5) if ratings else None
            expected = RATING_COLOURS[average] if average else UNRATED_COLOUR
            assert cell.fill.start_color.rgb.endswith(expected.lstrip("#").upper())


def test_summary_sheet_has_a_chart(sample: JourneyMap) -> None:
    # the numbers are checked against analyze() in test_excel_findings
    data = workbook_bytes(sample)
    rows = _rows(load_book(data)["Summary"])
    flat = [cell for row in rows for cell in row if cell is not None]
    assert "Largest rating gaps (company minus customer rating)" in flat
    assert "Touchpoints without owner" in flat
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        charts = [n for n in archive.namelist() if n.startswith("xl/charts/")]
        assert charts
        assert b"barChart" in archive.read(charts[0])


def test_a_map_without_touchpoints_exports() -> None:
    journey = JourneyMap("Empty")
    assert round_trip(journey).journey == journey
    journey.phases.insert(Phase("p", "Only phase"))
    journey.lanes.insert(Lane("l", "Only lane"))
    assert round_trip(journey).journey == journey


def test_big_sheets_declare_their_size(sample: JourneyMap) -> None:
    parts = sheet_parts(workbook_bytes(sample))
    count = len(sample)
    assert f'<dimension ref="A1:AD{count + 1}"/>' in parts["Touchpoints"]
    assert f'<dimension ref="A1:F{len(sample.links()) + 1}"/>' in parts["Journey"]


# ---------------------------------------------------------------------- safety of text

FORMULA_LIKE = [
    '=HYPERLINK("http://x","y")',
    "=1+1",
    "+1+1",
    "-1+1",
    "@SUM(A1)",
    "\t=tab",
    "#N/A",
    "#DIV/0!",
]


MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def _shared_strings(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = ElementTree.fromstring(archive.read("xl/sharedStrings.xml"))
    return ["".join(t.text or "" for t in si.iter(f"{MAIN}t")) for si in root]


def _cells(xml: str) -> dict[str, ElementTree.Element]:
    return {c.get("r"): c for c in ElementTree.fromstring(xml).iter(f"{MAIN}c")}


def _hostile_map() -> JourneyMap:
    journey = JourneyMap('=HYPERLINK("http://evil","title")', "=cmd|' /C calc'!A0")
    journey.personas.insert(Persona("p", "=Persona()", "=persona description"))
    journey.phases.insert(Phase("ph", "=Phase()", "#4e79a7", "=phase description"))
    journey.lanes.insert(Lane("l", "=Lane()", description="-lane"))
    for index, text in enumerate(FORMULA_LIKE):
        journey.insert_touchpoint(
            Touchpoint(
                f"t{index}",
                text,
                "ph",
                "l",
                description=text,
                owner=text,
                tags=(text,),
                personas=("p",),
            )
        )
    return journey


def test_user_text_is_never_written_as_a_formula() -> None:
    journey = _hostile_map()
    data = workbook_bytes(journey)
    for title, xml in sheet_parts(data).items():
        assert not re.search(r"<f[ >]", xml), f"a formula in the sheet {title}"
        assert 't="e"' not in xml, f"an error value in the sheet {title}"
    # each name is a string cell: shared (its text in sharedStrings) or inline
    strings = _shared_strings(data)
    cells = _cells(sheet_parts(data)["Touchpoints"])
    for row, text in enumerate(FORMULA_LIKE, 2):
        cell = cells[f"A{row}"]
        assert cell.find(f"{MAIN}f") is None
        if cell.get("t") == "s":
            assert strings[int(cell.findtext(f"{MAIN}v"))] == text
        else:
            assert cell.get("t") == "inlineStr"
            assert cell.findtext(f"{MAIN}is/{MAIN}t") == text
    assert any(c.get("t") == "s" for c in cells.values())
    book = load_book(data)  # formulas would read back as their text with data_type "f"
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    assert cell.data_type == "s", (sheet.title, cell.coordinate, cell.value)
    names = [row[0] for row in _rows(book["Touchpoints"])[1:]]
    assert names == FORMULA_LIKE
    assert book["Map"]["A1"].value == journey.title
    assert round_trip(journey).journey == journey


def test_text_keeps_carriage_returns_and_escape_like_sequences() -> None:
    text = "a\r\nb\rc _x000D_ _x0041_ _X005f_ end"
    journey = minimal_map()
    journey.replace_touchpoint(journey.touchpoint("t1").with_changes(description=text))
    assert round_trip(journey).journey == journey
    assert clean_text(excel_escape(text)) == text


def test_control_characters_never_reach_a_cell_and_are_decoded_when_read() -> None:
    assert excel_escape("a\x00b\x01c\x0bd\x1fe\tf\ng") == "abcde\tf\ng"
    # Read, an escaped character XML cannot hold is decoded (for the model to refuse it
    # with its cell), never dropped in silence; other escapes stay literal.
    assert clean_text("a\x02b_x0007_c") == "a\x02b\x07c"
    assert clean_text("_xFFFE_ _xffff_ _xD800_ _xDFFF_") == "\ufffe \uffff \ud800 \udfff"
    assert clean_text("_x0041_ _xE000_ _xFFFD_ _x00E4_") == "_x0041_ _xE000_ _xFFFD_ _x00E4_"


def test_list_entries_with_separators_survive() -> None:
    from tpmapper.files.excel_cells import join_list

    entries = ("a; b", '"quoted"', " spaced ", "plain", 'in "middle"', ";")
    assert split_list(join_list(entries)) == entries
    assert split_list("one;two ; three") == ("one", "two", "three")


def test_a_value_longer_than_a_cell_is_refused_naming_touchpoint_and_field(
    tmp_path: Path,
) -> None:
    journey = every_field_map()
    tags = tuple(f"{i:05d}" + "x" * 3000 for i in range(11))  # joined: over 32,767
    cart = journey.touchpoint("tp-cart")
    journey.replace_touchpoint(cart.with_changes(tags=tags))
    path = tmp_path / "map.xlsx"
    path.write_bytes(b"old")
    with pytest.raises(CellTooLongError) as caught:
        export_workbook(journey, path)
    message = str(caught.value)
    assert cart.name in message
    assert "Tags" in message
    assert "32,767" in message
    assert isinstance(caught.value, ValueError)
    assert path.read_bytes() == b"old"


def test_the_longest_text_a_cell_holds_is_written_whole() -> None:
    journey = minimal_map()
    long_text = ("ä" * (EXCEL_MAX_TEXT - 1)) + "\r"  # the CR is escaped: longer in XML
    journey.replace_touchpoint(journey.touchpoint("t1").with_changes(notes=long_text))
    assert round_trip(journey).journey.touchpoint("t1").notes == long_text


def test_a_map_cell_with_too_many_names_is_shortened() -> None:
    journey = JourneyMap("Crowded")
    journey.phases.insert(Phase("p", "P"))
    journey.lanes.insert(Lane("l", "L"))
    for index in range(1200):
        journey.insert_touchpoint(Touchpoint(f"t{index}", f"{index:04d} " + "n" * 40, "p", "l"))
    book = load_book(workbook_bytes(journey))
    text = book["Map"]["B5"].value
    assert len(text) <= EXCEL_MAX_TEXT
    assert text.endswith("more")
    assert text.startswith("0000 ")


# ---------------------------------------------------------------------- writing


def test_export_writes_atomically(tmp_path: Path, sample: JourneyMap) -> None:
    path = tmp_path / "map.xlsx"
    path.write_bytes(b"old")
    export_workbook(sample, path)
    assert path.read_bytes().startswith(b"PK")
    assert [p.name for p in tmp_path.iterdir()] == ["map.xlsx"]
    with pytest.raises(MapFileError):
        export_workbook(sample, tmp_path / "missing" / "map.xlsx")


def test_progress_is_reported_and_can_cancel(tmp_path: Path) -> None:
    journey = every_field_map()
    seen: list[tuple[int, int]] = []
    workbook_bytes(journey, progress=lambda done, total: seen.append((done, total)) is None)
    assert seen[0] == (0, 10)
    assert seen[-1] == (10, 10)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    path = tmp_path / "map.xlsx"
    with pytest.raises(ExportCancelled):
        export_workbook(journey, path, progress=lambda done, total: done == 0)
    assert not path.exists()


def test_every_field_touchpoint_round_trips_in_every_vocabulary_word() -> None:
    from tpmapper.model import Channel

    journey = JourneyMap("Channels")
    journey.phases.insert(Phase("buy", "Buy"))
    journey.lanes.insert(Lane("digital", "Digital"))
    journey.personas.insert(Persona("hunter", "Hunter"))
    journey.personas.insert(Persona("pro", "Pro"))
    for channel in Channel:
        journey.insert_touchpoint(every_field_touchpoint(id=f"tp-{channel.value}", channel=channel))
    for language in ("en", "de"):
        assert round_trip(journey, language).journey == journey
