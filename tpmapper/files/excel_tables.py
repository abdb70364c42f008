"""The table sheets the import reads back: Touchpoints, Journey, Phases, Lanes, Personas
(see `excel_export` for the whole book and `excel_columns` for their columns).

The data rows of the big sheets (Touchpoints, Journey) are `excel_rows.RawRows`; the
small ones go through openpyxl. Each table has its header row frozen and filtered, and
its drop-downs (`excel_validation`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from tpmapper.files.errors import shorten
from tpmapper.files.excel_cells import EXCEL_MAX_TEXT
from tpmapper.files.excel_columns import (
    LANE_COLUMNS,
    LINK_COLUMNS,
    PERSONA_COLUMNS,
    PHASE_COLUMNS,
    TOUCHPOINT_COLUMNS,
    Column,
    Kind,
    touchpoint_writers,
)
from tpmapper.files.excel_rows import RawRows, SharedStrings, TooLong
from tpmapper.files.excel_styles import SheetRows, column_letter
from tpmapper.files.excel_validation import (
    journey_validations,
    list_validation,
    touchpoint_validations,
)
from tpmapper.files.vocabulary_words import label
from tpmapper.model.elements import Touchpoint

if TYPE_CHECKING:
    from tpmapper.files.excel_book import BookWriter

PROGRESS_STEP = 500  # rows between progress reports
PERCENT = "0.0%"


class CellTooLongError(ValueError):
    """A value would not fit in one Excel cell (32,767 characters)."""


def column_styles(w: BookWriter, sheet: Any, columns: Sequence[Column]) -> list[str]:
    """The style attribute of each column's data cells: shares show as percentages."""
    percent = w.new_cell(sheet)
    percent.number_format = PERCENT
    share = f' s="{percent.style_id}"'
    return [share if column.kind is Kind.SHARE else "" for column in columns]


def write_touchpoints(w: BookWriter) -> None:
    sheet = w.sheets["touchpoints"]
    w.table_sheet(sheet, TOUCHPOINT_COLUMNS)
    plan = touchpoint_writers(w.journey, w.language)
    rows = w.raw["touchpoints"] = RawRows(column_styles(w, sheet, TOUCHPOINT_COLUMNS), w.strings)
    add = rows.add
    hidden = w.hidden
    for count, tp in enumerate(w.touchpoints, 1):
        try:
            add([cell(tp) for cell in plan], tp.id in hidden)
        except TooLong:
            raise too_long(tp, plan) from None
        if count % PROGRESS_STEP == 0:
            w.advance(PROGRESS_STEP)
    w.advance(len(w.touchpoints) % PROGRESS_STEP)
    last_row = len(w.touchpoints) + 1
    sheet.auto_filter.ref = f"A1:{column_letter(len(TOUCHPOINT_COLUMNS))}{last_row}"
    touchpoint_validations(w, sheet)


def too_long(tp: Touchpoint, plan: list[Callable[[Touchpoint], Any]]) -> Exception:
    """The error naming the touchpoint and the field whose value does not fit a cell."""
    for column, cell in zip(TOUCHPOINT_COLUMNS, plan, strict=True):
        try:
            RawRows([""], SharedStrings()).add([cell(tp)])
        except TooLong as error:
            return CellTooLongError(
                f"touchpoint '{shorten(tp.name)}': {column.english} would need "
                f"{error.length:,} characters, more than the {EXCEL_MAX_TEXT:,} an Excel "
                "cell holds"
            )
    return AssertionError("no column is too long")  # pragma: no cover


def write_journey(w: BookWriter) -> None:
    sheet = w.sheets["journey"]
    w.table_sheet(sheet, LINK_COLUMNS)
    names = {tp.id: tp.name for tp in w.touchpoints}
    rows = w.raw["journey"] = RawRows(column_styles(w, sheet, LINK_COLUMNS), w.strings)
    add = rows.add
    for count, link in enumerate(w.links, 1):
        add(
            [
                names[link.source],
                names[link.target],
                link.label,
                link.share,
                link.source,
                link.target,
            ]
        )
        if count % PROGRESS_STEP == 0:
            w.advance(PROGRESS_STEP)
    w.advance(len(w.links) % PROGRESS_STEP)
    sheet.auto_filter.ref = f"A1:{column_letter(len(LINK_COLUMNS))}{len(w.links) + 1}"
    journey_validations(w, sheet)


def write_phases(w: BookWriter) -> None:
    sheet, s = w.sheets["phases"], w.styles
    phases = list(w.journey.phases)
    rows = _small_table(w, sheet, PHASE_COLUMNS, [phase.id for phase in phases])
    for phase in phases:
        colour = w.cell(
            sheet, phase.colour, fill=s.cached_fill(phase.colour), font=s.font_on(phase.colour)
        )
        rows.append(
            [
                phase.id,
                w.text_cell(sheet, phase.name),
                colour,
                _description(w, sheet, phase.description),
                w.text_cell(sheet, phase.name),
            ]
        )


def write_lanes(w: BookWriter) -> None:
    sheet = w.sheets["lanes"]
    lanes = list(w.journey.lanes)
    rows = _small_table(w, sheet, LANE_COLUMNS, [lane.id for lane in lanes])
    for lane in lanes:
        rows.append(
            [
                lane.id,
                w.text_cell(sheet, lane.name),
                label(lane.kind, w.language),
                _description(w, sheet, lane.description),
                w.text_cell(sheet, lane.name),
            ]
        )
    list_validation(w, sheet, 3, w.list_ranges["kind"])


def write_personas(w: BookWriter) -> None:
    sheet = w.sheets["personas"]
    personas = list(w.journey.personas)
    rows = _small_table(w, sheet, PERSONA_COLUMNS, [persona.id for persona in personas])
    for persona in personas:
        rows.append(
            [
                persona.id,
                w.text_cell(sheet, persona.name),
                _description(w, sheet, persona.description),
                w.text_cell(sheet, persona.name),
            ]
        )


def _small_table(w: BookWriter, sheet: Any, columns: Sequence[Column], ids: list[str]) -> SheetRows:
    """A Phases, Lanes or Personas table's header, its ID column as wide as its ids;
    the rows that follow are as tall as their wrapped descriptions."""
    widths = w.table_sheet(sheet, columns, fit={"id": ids})
    rows = SheetRows(sheet, widths)
    rows.number = 2
    return rows


def _description(w: BookWriter, sheet: Any, text: str) -> Any:
    """A description, wrapped in its column (never read as a formula)."""
    return w.cell(sheet, text, alignment=w.styles.wrap_top) if text else None
