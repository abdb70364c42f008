"""The writer of one workbook: its sheets in order, the order they are filled in, and the
cells every sheet writes through (see `excel_export` for the whole book).

User text never becomes a formula: openpyxl would store a string starting with "=" as a
formula and "#N/A" as an error value, so such text is written as a string cell
explicitly (`data_type = "s"`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from tpmapper.analysis import analyze
from tpmapper.files import excel_map, excel_tables, excel_validation
from tpmapper.files.excel_cells import EXCEL_MAX_TEXT, excel_escape
from tpmapper.files.excel_columns import Column, sheet_name
from tpmapper.files.excel_findings import write_findings
from tpmapper.files.excel_rows import RawRows, SharedStrings, TooLong
from tpmapper.files.excel_styles import (
    BODY_CHARACTERS,
    BOLD_CHARACTERS,
    Styles,
    column_letter,
    fit_pages_to_width,
    row_height,
    wrapped_lines,
)
from tpmapper.files.excel_summary import SummarySheets
from tpmapper.files.excel_tables import PROGRESS_STEP
from tpmapper.model.journey import JourneyMap
from tpmapper.progress import Progress, Steps

MAX_FIT_WIDTH = 40  # a column fitted to its texts grows no wider
SHEET_KEYS = (
    "map",
    "touchpoints",
    "journey",
    "phases",
    "lanes",
    "personas",
    "summary",
    "findings",
    "about",
    "lists",
)
#: The rows printed again at the top of every page: a table's header, the Map's phases.
PRINT_TITLES = {
    "map": excel_map.PRINT_TITLE_ROWS,
    **{key: "1:1" for key in ("touchpoints", "journey", "phases", "lanes", "personas")},
    "findings": "1:1",
}

# Text openpyxl would not store as it is: a formula ("=…"), an error value ("#N/A"), a
# carriage return (XML turns it into a line feed), an escape-like "_xHHHH_", control chars.
_NEEDS_CARE = re.compile(r"^[=#]|[\r\x00-\x08\x0b\x0c\x0e-\x1f]|_x[0-9A-Fa-f]{4}_")


class BookWriter:
    """Writes one map into one write-only workbook."""

    def __init__(
        self,
        book: Any,
        journey: JourneyMap,
        language: str,
        today: date,
        progress: Progress | None,
        *,
        hidden: frozenset[str] = frozenset(),
    ) -> None:
        from openpyxl.cell import WriteOnlyCell

        self.hidden = hidden
        self.book = book
        self.journey = journey
        self.language = "de" if language == "de" else "en"
        self.today = today
        self.touchpoints = journey.touchpoints()
        self.links = journey.links()
        self.steps = Steps(progress, len(self.touchpoints) + len(self.links), PROGRESS_STEP)
        self.styles = Styles()
        self.new_cell = WriteOnlyCell
        self.sheets = {key: book.create_sheet(sheet_name(key, self.language)) for key in SHEET_KEYS}
        for key, sheet in self.sheets.items():  # before any row: write-only sheets
            if key != "lists":  # write their properties first; drop-down lists never print
                fit_pages_to_width(sheet, PRINT_TITLES.get(key))
        self.list_ranges: dict[str, str] = {}
        self.raw: dict[str, RawRows] = {}
        self.strings = SharedStrings()

    def write(self) -> None:
        self.steps.report()
        excel_validation.write_lists(self)
        excel_tables.write_touchpoints(self)
        excel_tables.write_journey(self)
        excel_tables.write_phases(self)
        excel_tables.write_lanes(self)
        excel_tables.write_personas(self)
        excel_map.write_map(self)
        findings = analyze(self.journey)
        summary = SummarySheets(self, findings)
        summary.write_summary()
        write_findings(self, findings)
        summary.write_about()
        self.steps.finish()

    def advance(self, rows: int) -> None:
        self.steps.advance(rows)

    # ------------------------------------------------------------------ cells

    def cell(self, sheet: Any, value: Any, **style: Any) -> Any:
        """A styled cell; text is kept as text whatever it starts with."""
        if isinstance(value, str):
            cell = self.text_cell(sheet, value)
        else:
            cell = self.new_cell(sheet, value)
        for name, setting in style.items():
            setattr(cell, name, setting)
        return cell

    def text_cell(self, sheet: Any, text: str) -> Any:
        """A cell that holds `text` as a string, never as a formula or error value."""
        cell = self.new_cell(sheet)
        cell._value = excel_escape(text)  # bypasses openpyxl's type guess and truncation
        cell.data_type = "s"
        return cell

    def text(self, sheet: Any, text: str) -> Any:
        """`text` as a cell value: None when empty, a plain str when openpyxl keeps it as
        it is, else a string cell. Raises TooLong beyond Excel's cell limit."""
        if not text:
            return None
        if len(text) > EXCEL_MAX_TEXT:
            raise TooLong(len(text))
        if _NEEDS_CARE.search(text):
            return self.text_cell(sheet, text)
        return text

    def header_row(self, sheet: Any, headers: Sequence[str]) -> list[Any]:
        s = self.styles
        return [
            self.cell(
                sheet,
                header,
                font=s.bold,
                fill=s.header_fill,
                alignment=s.header_alignment,
                border=s.header_border,
            )
            for header in headers
        ]

    def columns(
        self, sheet: Any, columns: Sequence[Column], fit: Mapping[str, Iterable[str]] = {}
    ) -> list[float]:
        """Sets the columns' widths (wide enough for each header's longest word in bold,
        and a column in `fit` for its longest text, up to `MAX_FIT_WIDTH`) and hides the
        hidden ones; returns the widths."""
        widths = []
        for index, column in enumerate(columns, 1):
            header = column.header(self.language)
            longest = max(len(word) for word in header.split()) if header.strip() else 0
            width = max(column.width, round(longest / BOLD_CHARACTERS + 1.5, 1))
            if column.key in fit:
                texts = max((len(text) for text in fit[column.key]), default=0)
                width = max(width, min(texts / BODY_CHARACTERS + 2, MAX_FIT_WIDTH))
            dimension = sheet.column_dimensions[column_letter(index)]
            dimension.width = width
            dimension.hidden = column.hidden
            widths.append(width)
        return widths

    def table_sheet(
        self,
        sheet: Any,
        columns: Sequence[Column],
        freeze: str = "B2",
        fit: Mapping[str, Iterable[str]] = {},
    ) -> list[float]:
        """A table's columns (see `columns`), frozen panes and header row, as tall as its
        longest header; returns the columns' widths."""
        widths = self.columns(sheet, columns, fit)
        headers = [c.header(self.language) for c in columns]
        lines = max(
            wrapped_lines(header, width, bold=True)
            for header, width, column in zip(headers, widths, columns, strict=True)
            if not column.hidden
        )
        sheet.row_dimensions[1].height = row_height(lines)
        sheet.freeze_panes = freeze
        sheet.append(self.header_row(sheet, headers))
        return widths
