"""The Map sheet: the swimlane grid for reading (see `excel_export` for the whole book).

Title and export date at the top; phases across (their colours as header fills), lanes
down, each cell listing its touchpoints one per line, shaded by the average customer
rating of its touchpoints. Every row is as tall as its wrapped names need.

Below the grid, after a blank row, a legend explains the shading: a title row, then one
row per colour, each in the first column (the lane column, never a phase's): the colour
as the cell's fill, its meaning ("1 very poor" … "5 very good", "not rated") written in
it. So it reads as a key, not as one more lane of data.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tpmapper.analysis import cell_rating
from tpmapper.colours import RATING_COLOURS, UNRATED_COLOUR
from tpmapper.files.excel_cells import EXCEL_MAX_TEXT
from tpmapper.files.excel_styles import column_letter, row_height, wrapped_lines
from tpmapper.files.vocabulary_words import word_in

if TYPE_CHECKING:
    from tpmapper.files.excel_book import BookWriter

PHASE_WIDTH = 36
MIN_LANE_WIDTH, MAX_LANE_WIDTH = 24, 40
FIRST_GRID_ROW = 5  # title, date, blank, phase header
PRINT_TITLE_ROWS = "4:4"  # the phase header, again on every printed page
MAX_LINES = 27  # a row of 409 points (Excel's limit) shows no more

_WORDS = {
    "date": ("Exported", "Exportiert"),
    "lanes_phases": ("Lane \\ Phase", "Swimlane \\ Phase"),
    "more": ("… and {n} more", "… und {n} weitere"),
    "legend": (
        "Legend — cell colour: average customer rating of the cell's touchpoints",
        "Legende — Zellfarbe: Ø Kundensicht der Touchpoints in der Zelle",
    ),
    "1": ("1 very poor", "1 sehr schlecht"),
    "2": ("2 poor", "2 schlecht"),
    "3": ("3 fair", "3 mittel"),
    "4": ("4 good", "4 gut"),
    "5": ("5 very good", "5 sehr gut"),
    "unrated": ("not rated", "nicht bewertet"),
}


def legend_entries(language: str = "en") -> list[tuple[str, str]]:
    """The legend's rows: (meaning, fill colour), best rating last, "not rated" after."""
    entries = [(word_in(_WORDS, str(r), language), c) for r, c in RATING_COLOURS.items()]
    return [*entries, (word_in(_WORDS, "unrated", language), UNRATED_COLOUR)]


def write_map(w: BookWriter) -> None:
    sheet, s = w.sheets["map"], w.styles
    journey = w.journey
    language = w.language
    phases, lanes = list(journey.phases), list(journey.lanes)
    lane_width = min(max([len(lane.name) for lane in lanes] + [MIN_LANE_WIDTH]) + 2, MAX_LANE_WIDTH)
    sheet.column_dimensions["A"].width = lane_width
    for index in range(len(phases)):
        sheet.column_dimensions[column_letter(index + 2)].width = PHASE_WIDTH
    sheet.freeze_panes = f"B{FIRST_GRID_ROW}"
    grid = [[map_cell(w, sheet, phase.id, lane.id) for phase in phases] for lane in lanes]
    # Write-only sheets take row heights before the rows: work them all out first.
    sheet.row_dimensions[1].height = 24  # the 16-point title
    header_lines = max(
        [wrapped_lines(phase.name, PHASE_WIDTH, bold=True, limit=MAX_LINES) for phase in phases]
        + [1]
    )
    sheet.row_dimensions[FIRST_GRID_ROW - 1].height = row_height(header_lines)
    for row, (lane, cells) in enumerate(zip(lanes, grid, strict=True), FIRST_GRID_ROW):
        lane_lines = wrapped_lines(lane.name, lane_width, bold=True, limit=MAX_LINES)
        lines = max([lines for _cell, lines in cells] + [lane_lines])
        sheet.row_dimensions[row].height = row_height(lines)
    sheet.append([w.cell(sheet, journey.title, font=s.title)])
    sheet.append(
        [
            w.cell(sheet, word_in(_WORDS, "date", language), font=s.muted),
            w.cell(sheet, w.today, number_format="yyyy-mm-dd", font=s.muted, alignment=s.left),
        ]
    )
    sheet.append([])
    header = [w.cell(sheet, word_in(_WORDS, "lanes_phases", language), font=s.muted)]
    for phase in phases:
        header.append(
            w.cell(
                sheet,
                phase.name,
                fill=s.cached_fill(phase.colour),
                font=s.font_on(phase.colour, bold=True),
                alignment=s.header_alignment,
            )
        )
    sheet.append(header)
    for lane, cells in zip(lanes, grid, strict=True):
        row = [w.cell(sheet, lane.name, font=s.bold, fill=s.lane_fill, alignment=s.wrap_top)]
        row.extend(cell for cell, _lines in cells)
        sheet.append(row)
    write_legend(w, sheet)


def write_legend(w: BookWriter, sheet: Any) -> None:
    """Below the grid and a blank row: the legend's title, then each colour with its
    meaning, all in the first column."""
    s = w.styles
    sheet.append([])
    sheet.append([w.cell(sheet, word_in(_WORDS, "legend", w.language), font=s.bold)])
    for meaning, colour in legend_entries(w.language):
        swatch = w.cell(
            sheet, meaning, fill=s.cached_fill(colour), font=s.font_on(colour), border=s.box
        )
        sheet.append([swatch])


def map_cell(w: BookWriter, sheet: Any, phase_id: str, lane_id: str) -> tuple[Any, int]:
    """The grid cell of one phase and lane, and how many lines it shows."""
    journey, s = w.journey, w.styles
    ids = journey.cell(phase_id, lane_id)
    if not ids:
        return None, 1
    touchpoints = [journey.touchpoint(tid) for tid in ids]
    names = [tp.name.replace("\n", " ") for tp in touchpoints]
    text = "\n".join(names)
    if len(text) > EXCEL_MAX_TEXT:
        text = truncated_lines(names, word_in(_WORDS, "more", w.language))
    average = cell_rating(journey, phase_id, lane_id)
    colour = (
        UNRATED_COLOUR if average is None else RATING_COLOURS[min(5, max(1, int(average + 0.5)))]
    )
    cell = w.cell(
        sheet, text, fill=s.cached_fill(colour), font=s.font_on(colour), alignment=s.wrap_top
    )
    return cell, wrapped_lines(text, PHASE_WIDTH, limit=MAX_LINES)


def truncated_lines(lines: list[str], more: str) -> str:
    """As many whole lines as fit in one cell, then "… and N more"."""
    kept: list[str] = []
    size = 0
    budget = EXCEL_MAX_TEXT - 40
    for line in lines:
        if size + len(line) + 1 > budget:
            break
        kept.append(line)
        size += len(line) + 1
    kept.append(more.format(n=f"{len(lines) - len(kept):,}"))
    return "\n".join(kept)
