"""How the workbook reads and prints: the Map's legend, rows as tall as their wrapped
text, columns as wide as their headers, the seeds' German terms (and every older word
still read). LibreOffice's printout is checked in test_excel_libreoffice."""

from __future__ import annotations

import pytest

from tests.files.excel_support import load_book, typed_workbook
from tests.files.maps import findings_map
from tpmapper.colours import RATING_COLOURS, UNRATED_COLOUR
from tpmapper.files.excel_columns import LINK_COLUMNS, TOUCHPOINT_COLUMNS, find_columns
from tpmapper.files.excel_export import workbook_bytes
from tpmapper.files.excel_import import import_workbook_bytes
from tpmapper.files.excel_styles import LINE_HEIGHT, wrapped_lines
from tpmapper.files.templates import sample_path
from tpmapper.files.tpmap import load
from tpmapper.model import JourneyMap, Lane, Phase, Touchpoint


@pytest.fixture(scope="module")
def sample() -> JourneyMap:
    return load(sample_path())


def _fill(cell) -> str:
    return "#" + cell.fill.start_color.rgb[-6:].lower()


# ---------------------------------------------------------------------- the Map's legend


@pytest.mark.parametrize(
    ("language", "title", "meanings"),
    [
        (
            "en",
            "Legend — cell colour: average customer rating of the cell's touchpoints",
            ["1 very poor", "2 poor", "3 fair", "4 good", "5 very good", "not rated"],
        ),
        (
            "de",
            "Legende — Zellfarbe: Ø Kundensicht der Touchpoints in der Zelle",
            ["1 sehr schlecht", "2 schlecht", "3 mittel", "4 gut", "5 sehr gut", "nicht bewertet"],
        ),
    ],
)
def test_the_map_legend_is_a_block_in_the_lane_column_below_the_grid(
    sample: JourneyMap, language: str, title: str, meanings: list[str]
) -> None:
    book = load_book(workbook_bytes(sample, language=language))
    sheet = book.worksheets[0]
    last_lane_row = 4 + len(sample.lanes)
    assert sheet.cell(last_lane_row, 1).value == list(sample.lanes)[-1].name
    blank = [sheet.cell(last_lane_row + 1, c).value for c in range(1, len(sample.phases) + 2)]
    assert blank == [None] * len(blank)  # a blank row parts the grid and the legend
    assert sheet.cell(last_lane_row + 2, 1).value == title
    rows = range(last_lane_row + 3, last_lane_row + 3 + len(meanings))
    assert [sheet.cell(row, 1).value for row in rows] == meanings
    assert [_fill(sheet.cell(row, 1)) for row in rows] == [
        *RATING_COLOURS.values(),
        UNRATED_COLOUR,
    ]
    # nothing of the legend in a phase's column, and nothing after it
    for row in range(last_lane_row + 2, sheet.max_row + 1):
        assert [sheet.cell(row, c).value for c in range(2, sheet.max_column + 1)] == [None] * (
            sheet.max_column - 1
        )
    assert sheet.max_row == rows[-1]


def test_the_map_prints_its_phase_row_on_every_page(sample: JourneyMap) -> None:
    sheet = load_book(workbook_bytes(sample)).worksheets[0]
    assert sheet.print_title_rows == "$4:$4"
    assert sheet.freeze_panes == "B5"
    assert sheet.page_setup.orientation == "landscape"


# ---------------------------------------------------------------------- row heights


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        ("", 10, 1),
        ("short", 10, 1),
        ("exactly eleven", 10, 2),  # 1.1 characters to a unit of width: 11 fit
        ("one two three four five six", 10, 3),
        ("a\nb\nc", 40, 3),
        ("x" * 25, 10, 3),  # a word wider than the column breaks inside
        ("Unternehmenssicht", 16, 2),  # bold text is wider
    ],
)
def test_wrapped_lines_estimates_how_text_wraps(text: str, width: float, lines: int) -> None:
    bold = text == "Unternehmenssicht"
    assert wrapped_lines(text, width, bold=bold) == lines


def _height(sheet, row: int) -> float:
    return sheet.row_dimensions[row].height or LINE_HEIGHT


def test_a_header_that_wraps_makes_its_row_tall_enough(sample: JourneyMap) -> None:
    book = load_book(workbook_bytes(sample))
    summary = book["Summary"]
    assert summary["C4"].value == "Avg. customer rating"  # wraps in its column
    assert _height(summary, 4) >= 2 * LINE_HEIGHT
    touchpoints = book["Touchpoints"]
    assert _height(touchpoints, 1) >= 2 * LINE_HEIGHT  # "Customer rating" in 11 wide


def test_about_rows_are_as_tall_as_their_wrapped_text() -> None:
    journey = findings_map()
    journey.set_meta(description="A description long enough to wrap. " * 12)  # 420 characters
    sheet = load_book(workbook_bytes(journey))["About"]
    rows = {row[0].value: row[0].row for row in sheet.iter_rows() if row[0].value}
    width = sheet.column_dimensions["B"].width
    description = rows["Description"]
    assert sheet.cell(description, 2).alignment.wrap_text
    assert _height(sheet, description) >= wrapped_lines(journey.description, width) * 14
    assert _height(sheet, rows["Title"]) <= LINE_HEIGHT + 3  # one line stays one line
    guide = [r for r in range(rows["Format"] + 2, sheet.max_row + 1)]
    assert guide
    for row in guide:
        text = sheet.cell(row, 2).value
        assert sheet.cell(row, 2).alignment.wrap_text
        assert _height(sheet, row) >= wrapped_lines(text, width) * 14


def test_a_map_row_is_as_tall_as_its_longest_wrapped_cell() -> None:
    journey = JourneyMap("Tall")
    journey.phases.insert(Phase("p", "Phase"))
    journey.lanes.insert(Lane("l", "Lane"))
    long_name = "A touchpoint with a name far too long for one line of its column"
    journey.insert_touchpoint(Touchpoint("a", long_name, "p", "l"))
    journey.insert_touchpoint(Touchpoint("b", "Short", "p", "l"))
    sheet = load_book(workbook_bytes(journey)).worksheets[0]
    assert sheet["B5"].value == f"{long_name}\nShort"
    assert _height(sheet, 5) >= 3 * LINE_HEIGHT  # two lines for the long name, one more


# ---------------------------------------------------------------------- widths and ids


def test_german_headers_get_columns_wide_enough_for_their_longest_word(
    sample: JourneyMap,
) -> None:
    from openpyxl.utils import get_column_letter

    sheet = load_book(workbook_bytes(sample, language="de"))["Touchpoints"]
    for index, column in enumerate(TOUCHPOINT_COLUMNS, 1):
        width = sheet.column_dimensions[get_column_letter(index)].width
        assert width >= max(len(word) for word in column.german.split()), column.german


def test_the_journeys_ids_are_hidden_and_the_phases_ids_fit(sample: JourneyMap) -> None:
    book = load_book(workbook_bytes(sample))
    journey = book["Journey"]
    assert [journey.column_dimensions[c].hidden for c in "EF"] == [True, True]
    assert [c.hidden for c in LINK_COLUMNS] == [False] * 4 + [True] * 2
    personas = book["Personas"]
    longest = max(len(persona.id) for persona in sample.personas)
    assert personas.column_dimensions["A"].width >= longest


# ---------------------------------------------------------------------- German terms


def test_a_german_workbook_uses_the_seeds_terms(sample: JourneyMap) -> None:
    book = load_book(workbook_bytes(sample, language="de"))
    header = [cell.value for cell in book["Touchpoints"][1]]
    assert {"Kundensicht", "Unternehmenssicht", "Verantwortliche(r)", "Swimlane"} <= set(header)
    words = {
        str(cell.value)
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str)
    }
    for old in ("Kundenbewertung", "Unternehmensbewertung", "Schmerzpunkt"):
        assert not [word for word in words if old in word], old


def test_english_headers_stay_as_they_are() -> None:
    english = [column.english for column in TOUCHPOINT_COLUMNS]
    assert {"Customer rating", "Company rating", "Owner", "Lane", "Moment"} <= set(english)


@pytest.mark.parametrize(
    ("customer", "company", "owner"),
    [
        ("Kundensicht", "Unternehmenssicht", "Verantwortliche(r)"),  # the workbook's words
        ("Kundenbewertung", "Unternehmensbewertung", "Verantwortlich"),  # older exports
        ("Customer rating", "Company rating", "Owner"),
        ("Bewertung Kunde", "Eigenbewertung", "Verantwortlicher"),
    ],
)
def test_a_typed_sheet_is_read_with_every_word_for_the_ratings_and_owner(
    customer: str, company: str, owner: str
) -> None:
    rows = [
        ["Name", "Phase", customer, company, owner, "Schmerzpunkt"],
        ["Kasse", "Kauf", 2, 4, "Filiale", "ja"],
    ]
    result = import_workbook_bytes(typed_workbook(rows), "typed.xlsx")
    (tp,) = result.journey.touchpoints()
    assert (tp.customer_rating, tp.company_rating, tp.owner) == (2, 4, "Filiale")
    assert tp.moment is not None
    assert tp.moment.value == "pain_point"
    assert result.problems == []


def test_every_old_german_header_still_names_its_column() -> None:
    found, unknown, repeated = find_columns(
        [
            "Kundensicht",
            "Unternehmenssicht",
            "Verantwortliche(r)",
            "Kundenbewertung",
            "Unternehmensbewertung",
            "Verantwortlich",
        ],
        TOUCHPOINT_COLUMNS,
    )
    assert (found, unknown) == (
        {"customer_rating": 0, "company_rating": 1, "owner": 2},
        [],
    )
    assert repeated == [(3, "customer_rating"), (4, "company_rating"), (5, "owner")]
