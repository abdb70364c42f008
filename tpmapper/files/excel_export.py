"""A map as an Excel workbook a colleague without tpmapper can read, edit and send back.

Sheets, in this order (names in the workbook's language, English or German):

- Map: the swimlane grid (phases across, lanes down, each cell listing its touchpoints
  one per line), phase colours as header fills, cells shaded by the average customer
  rating; title and date at the top. For reading only.
- Touchpoints: one row per touchpoint in reading order, one typed column per field
  (see `excel_columns`), drop-downs that keep edits valid, and hidden ID columns
  (ID, Phase ID, Lane ID, Persona IDs) that let the import find each row's touchpoint.
- Journey: the links (from, to, label, share; hidden from/to IDs).
- Phases, Lanes, Personas: id, name, … as in the map, plus a hidden "Exported name"
  (so a stale name in the Touchpoints sheet after a rename still finds its phase).
- Summary: what `tpmapper.analysis.analyze` found: per phase counts, average ratings,
  weak spots and a chart; how many touchpoints both sides judge alike; the largest rating
  gaps; touchpoints without owner. For reading only (`excel_summary`).
- Findings: every finding, one row per finding and touchpoint (`excel_findings`). For
  reading only.
- About: the map's title and description (read back by the import) and a short guide
  (`excel_summary`).
- Lists (hidden): the vocabularies the drop-downs offer.

User text never becomes a formula: openpyxl would store a string starting with "=" as a
formula and "#N/A" as an error value, so every user string is written as a string cell
explicitly (`data_type = "s"`).

Speed: openpyxl (write-only mode) writes the workbook, its styles, drop-downs and chart,
but the data rows of the big sheets (Touchpoints, Journey, Findings) are rendered as
SpreadsheetML text (`excel_rows.RawRows`: inline strings and numbers, about a tenth of
openpyxl's cost per cell) and put into the sheets openpyxl wrote, with the sheets'
dimensions, before the file is replaced atomically.
"""

from __future__ import annotations

import contextlib
import io
import re
from collections.abc import Callable, Sequence
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Any

from tpmapper.analysis import analyze, cell_rating
from tpmapper.colours import (
    LANE_HEADER_FILL,
    MUTED_TEXT,
    RATING_COLOURS,
    TEXT_COLOUR,
    UNRATED_COLOUR,
)
from tpmapper.files.atomic import atomic_write
from tpmapper.files.excel_cells import EXCEL_MAX_TEXT, excel_escape
from tpmapper.files.excel_columns import (
    LANE_COLUMNS,
    LINK_COLUMNS,
    PERSONA_COLUMNS,
    PHASE_COLUMNS,
    TOUCHPOINT_COLUMNS,
    Column,
    Kind,
    sheet_name,
    touchpoint_writers,
)
from tpmapper.files.excel_findings import write_findings
from tpmapper.files.excel_rows import RawRows, SharedStrings, TooLong, splice_rows
from tpmapper.files.excel_summary import SummarySheets
from tpmapper.files.vocabulary_words import NO, YES, label
from tpmapper.model.elements import Touchpoint
from tpmapper.model.journey import JourneyMap
from tpmapper.model.vocabulary import Channel, Directness, LaneKind, Medium, Moment, Ownership
from tpmapper.progress import Progress, Steps

PROGRESS_STEP = 500  # rows between progress reports
#: The sheets whose first row is a table's header, repeated on every printed page.
PRINT_TITLE_SHEETS = ("touchpoints", "journey", "phases", "lanes", "personas", "findings")
MAX_VALIDATED_ROW = 1_048_576  # Excel's last row: drop-downs cover rows added later too
HEADER_FILL = "#dfe4ea"
PERCENT = "0.0%"
MAX_ROW_HEIGHT = 409  # points, Excel's limit

# Text openpyxl would not store as it is: a formula ("=…"), an error value ("#N/A"), a
# carriage return (XML turns it into a line feed), an escape-like "_xHHHH_", control chars.
_NEEDS_CARE = re.compile(r"^[=#]|[\r\x00-\x08\x0b\x0c\x0e-\x1f]|_x[0-9A-Fa-f]{4}_")


class CellTooLongError(ValueError):
    """A value would not fit in one Excel cell (32,767 characters)."""


def export_workbook(
    journey: JourneyMap,
    path: str | Path,
    *,
    today: date | None = None,
    progress: Progress | None = None,
    language: str = "en",
    hidden: frozenset[str] = frozenset(),
) -> None:
    """Write the map as an .xlsx workbook; `path` holds the old file or the whole new one.
    The `hidden` touchpoints' rows are folded away (a filter's view; they still import)."""
    data = workbook_bytes(journey, today=today, progress=progress, language=language, hidden=hidden)
    atomic_write(path, data)


def workbook_bytes(
    journey: JourneyMap,
    *,
    today: date | None = None,
    progress: Progress | None = None,
    language: str = "en",
    hidden: frozenset[str] = frozenset(),
) -> bytes:
    """The map as .xlsx bytes.

    `progress(done, total)` is called now and then; when it returns False the export stops
    with `ExportCancelled`. Raises `CellTooLongError` (naming the touchpoint and field)
    when a value does not fit in a cell.
    """
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    writer = _BookWriter(book, journey, language, today or date.today(), progress, hidden=hidden)
    try:
        writer.write()
    except BaseException:
        _discard(book)
        raise
    out = io.BytesIO()
    book.save(out)
    rows = {writer.sheets[key].path.lstrip("/"): raw for key, raw in writer.raw.items()}
    return splice_rows(out.getvalue(), rows, writer.strings)


def touchpoint_cells(journey: JourneyMap, language: str = "en") -> list[list[Any]]:
    """The Touchpoints sheet's data cells, row by row (None for an empty cell)."""
    plan = touchpoint_writers(journey, language)
    return [
        [None if value == "" else value for value in (cell(tp) for cell in plan)]
        for tp in journey.touchpoints()
    ]


def _discard(book: Any) -> None:
    """Close the sheets of a workbook that will not be saved, and remove their temporary
    files (a write-only sheet streams into one; left open, it fails when collected)."""
    for sheet in book.worksheets:
        if not sheet.closed:
            sheet.close()
        if sheet._writer is not None:
            with contextlib.suppress(OSError):
                sheet._writer.cleanup()


# ---------------------------------------------------------------------- words

_WORDS = {
    "date": ("Exported", "Exportiert"),
    "legend": ("Average customer rating:", "Durchschnittliche Kundenbewertung:"),
    "unrated": ("not rated", "nicht bewertet"),
    "more": ("… and {n} more", "… und {n} weitere"),
    "lanes_phases": ("Lane \\ Phase", "Swimlane \\ Phase"),
    "choose": ("Choose from the list", "Bitte aus der Liste wählen"),
    "new_ok": (
        "Not in the list. Keep it to create a new one on import?",
        "Nicht in der Liste. Behalten, um beim Import neu anzulegen?",
    ),
    "whole_1_5": ("A whole number from 1 to 5", "Eine ganze Zahl von 1 bis 5"),
    "share": ("A share from 0 % to 100 %", "Ein Anteil von 0 % bis 100 %"),
    "not_negative": ("A number of 0 or more", "Eine Zahl ab 0"),
    "whole_not_negative": ("A whole number of 0 or more", "Eine ganze Zahl ab 0"),
}

# The vocabularies offered by drop-downs, one column each on the hidden Lists sheet.
_LISTS: tuple[tuple[str, type[Enum] | None], ...] = (
    ("channel", Channel),
    ("ownership", Ownership),
    ("directness", Directness),
    ("medium", Medium),
    ("moment", Moment),
    ("kind", LaneKind),
    ("flag", None),
)


# ---------------------------------------------------------------------- helpers


def _column_letter(index: int) -> str:
    """The letter of a 1-based column index."""
    from openpyxl.utils import get_column_letter

    return get_column_letter(index)


def _contrast(colour: str) -> str:
    """Black or white, whichever reads better on `colour` (#rrggbb)."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "000000" if 0.299 * red + 0.587 * green + 0.114 * blue > 150 else "FFFFFF"


def _argb(colour: str) -> str:
    return colour.lstrip("#").upper()


class _Styles:
    """The few styles the workbook uses, made once (openpyxl looks each up per cell)."""

    def __init__(self) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        self.Font, self.PatternFill, self.Alignment = Font, PatternFill, Alignment
        self.bold = Font(bold=True, color=_argb(TEXT_COLOUR))
        self.title = Font(bold=True, size=16, color=_argb(TEXT_COLOUR))
        self.muted = Font(italic=True, color=_argb(MUTED_TEXT))
        self.header_fill = self.fill(HEADER_FILL)
        self.lane_fill = self.fill(LANE_HEADER_FILL)
        self.wrap_top = Alignment(wrap_text=True, vertical="top")
        self.header_alignment = Alignment(wrap_text=True, vertical="center")
        self.header_border = Border(bottom=Side(style="thin", color=_argb(MUTED_TEXT)))
        self._fills: dict[str, Any] = {}

    def fill(self, colour: str) -> Any:
        return self.PatternFill("solid", start_color=_argb(colour), end_color=_argb(colour))

    def cached_fill(self, colour: str) -> Any:
        if colour not in self._fills:
            self._fills[colour] = self.fill(colour)
        return self._fills[colour]


class _BookWriter:
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
        self.steps = Steps(
            progress, len(journey.touchpoints()) + len(journey.links()), PROGRESS_STEP
        )
        self.touchpoints = journey.touchpoints()
        self.links = journey.links()
        self.styles = _Styles()
        self.new_cell = WriteOnlyCell
        self.sheets = {
            key: book.create_sheet(sheet_name(key, self.language))
            for key in (
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
        }
        for key, sheet in self.sheets.items():  # before any row: write-only sheets
            if key != "lists":  # write their properties first; drop-down lists never print
                _fit_pages_to_width(sheet, title_rows=key in PRINT_TITLE_SHEETS)
        self.list_ranges: dict[str, str] = {}
        self.raw: dict[str, RawRows] = {}
        self.strings = SharedStrings()

    def word(self, key: str) -> str:
        english, german = _WORDS[key]
        return german if self.language == "de" else english

    def write(self) -> None:
        self.steps.report()
        self.write_lists()
        self.write_touchpoints()
        self.write_journey()
        self.write_phases()
        self.write_lanes()
        self.write_personas()
        self.write_map()
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

    def columns(self, sheet: Any, columns: Sequence[Column]) -> None:
        for index, column in enumerate(columns, 1):
            dimension = sheet.column_dimensions[_column_letter(index)]
            dimension.width = column.width
            dimension.hidden = column.hidden

    def table_sheet(self, sheet: Any, columns: Sequence[Column], freeze: str = "B2") -> None:
        self.columns(sheet, columns)
        sheet.freeze_panes = freeze
        sheet.append(self.header_row(sheet, [c.header(self.language) for c in columns]))

    def validate(self, sheet: Any, column: int, first_row: int = 2, **settings: Any) -> None:
        from openpyxl.worksheet.datavalidation import DataValidation

        settings.setdefault("allow_blank", True)
        settings.setdefault("showErrorMessage", True)
        settings.setdefault("errorStyle", "stop")
        validation = DataValidation(**settings)
        letter = _column_letter(column)
        validation.add(f"{letter}{first_row}:{letter}{MAX_VALIDATED_ROW}")
        sheet.data_validations.append(validation)

    def list_validation(self, sheet: Any, column: int, source: str, new_ok: bool = False) -> None:
        self.validate(
            sheet,
            column,
            type="list",
            formula1=source,
            errorStyle="warning" if new_ok else "stop",
            error=self.word("new_ok") if new_ok else self.word("choose"),
        )

    # ------------------------------------------------------------------ Lists

    def write_lists(self) -> None:
        sheet = self.sheets["lists"]
        sheet.sheet_state = "hidden"
        title = sheet.title
        columns: list[list[str]] = []
        for index, (key, kind) in enumerate(_LISTS, 1):
            words = (
                [label(member, self.language) for member in kind]
                if kind is not None
                else [YES[self.language], NO[self.language]]
            )
            columns.append([key, *words])
            letter = _column_letter(index)
            self.list_ranges[key] = f"'{title}'!${letter}$2:${letter}${len(words) + 1}"
        for row in range(max(len(c) for c in columns)):
            sheet.append([c[row] if row < len(c) else None for c in columns])

    # ------------------------------------------------------------------ Touchpoints

    def column_styles(self, sheet: Any, columns: Sequence[Column]) -> list[str]:
        """The style attribute of each column's data cells: shares show as percentages."""
        percent = self.new_cell(sheet)
        percent.number_format = PERCENT
        share = f' s="{percent.style_id}"'
        return [share if column.kind is Kind.SHARE else "" for column in columns]

    def write_touchpoints(self) -> None:
        sheet = self.sheets["touchpoints"]
        self.table_sheet(sheet, TOUCHPOINT_COLUMNS)
        plan = touchpoint_writers(self.journey, self.language)
        rows = self.raw["touchpoints"] = RawRows(
            self.column_styles(sheet, TOUCHPOINT_COLUMNS), self.strings
        )
        add = rows.add
        for count, tp in enumerate(self.touchpoints, 1):
            try:
                add([cell(tp) for cell in plan], tp.id in self.hidden)
            except TooLong:
                raise self.too_long(tp, plan) from None
            if count % PROGRESS_STEP == 0:
                self.advance(PROGRESS_STEP)
        self.advance(len(self.touchpoints) % PROGRESS_STEP)
        last_row = len(self.touchpoints) + 1
        sheet.auto_filter.ref = f"A1:{_column_letter(len(TOUCHPOINT_COLUMNS))}{last_row}"
        self.touchpoint_validations(sheet)

    def too_long(self, tp: Touchpoint, plan: list[Callable[[Touchpoint], Any]]) -> Exception:
        for column, cell in zip(TOUCHPOINT_COLUMNS, plan, strict=True):
            try:
                RawRows([""], SharedStrings()).add([cell(tp)])
            except TooLong as error:
                return CellTooLongError(
                    f"touchpoint '{_shorten(tp.name)}': {column.english} would need "
                    f"{error.length:,} characters, more than the {EXCEL_MAX_TEXT:,} an Excel "
                    "cell holds"
                )
        return AssertionError("no column is too long")  # pragma: no cover

    def touchpoint_validations(self, sheet: Any) -> None:
        phases_sheet = self.sheets["phases"].title
        lanes_sheet = self.sheets["lanes"].title
        lists = self.list_ranges
        for index, column in enumerate(TOUCHPOINT_COLUMNS, 1):
            kind = column.kind
            if kind is Kind.PHASE and len(self.journey.phases):
                last = len(self.journey.phases) + 1
                self.list_validation(sheet, index, f"'{phases_sheet}'!$B$2:$B${last}", True)
            elif kind is Kind.LANE and len(self.journey.lanes):
                last = len(self.journey.lanes) + 1
                self.list_validation(sheet, index, f"'{lanes_sheet}'!$B$2:$B${last}", True)
            elif kind is Kind.CHANNEL:
                self.list_validation(sheet, index, lists["channel"], new_ok=True)
            elif kind is Kind.ENUM:
                self.list_validation(sheet, index, lists[column.key])
            elif kind is Kind.FLAG:
                self.list_validation(sheet, index, lists["flag"])
            elif kind is Kind.RATING:
                self.whole_between(sheet, index, 1, 5, "whole_1_5")
            elif kind is Kind.SHARE:
                self.share_validation(sheet, index)
            elif kind is Kind.AMOUNT:
                self.validate(
                    sheet,
                    index,
                    type="decimal",
                    operator="greaterThanOrEqual",
                    formula1="0",
                    error=self.word("not_negative"),
                )
            elif kind is Kind.COUNT:
                self.validate(
                    sheet,
                    index,
                    type="whole",
                    operator="greaterThanOrEqual",
                    formula1="0",
                    error=self.word("whole_not_negative"),
                )

    def whole_between(self, sheet: Any, index: int, low: int, high: int, word: str) -> None:
        self.validate(
            sheet,
            index,
            type="whole",
            operator="between",
            formula1=str(low),
            formula2=str(high),
            error=self.word(word),
        )

    def share_validation(self, sheet: Any, index: int) -> None:
        self.validate(
            sheet,
            index,
            type="decimal",
            operator="between",
            formula1="0",
            formula2="1",
            error=self.word("share"),
        )

    # ------------------------------------------------------------------ Journey

    def write_journey(self) -> None:
        sheet = self.sheets["journey"]
        self.table_sheet(sheet, LINK_COLUMNS)
        names = {tp.id: tp.name for tp in self.touchpoints}
        rows = self.raw["journey"] = RawRows(self.column_styles(sheet, LINK_COLUMNS), self.strings)
        add = rows.add
        for count, link in enumerate(self.links, 1):
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
                self.advance(PROGRESS_STEP)
        self.advance(len(self.links) % PROGRESS_STEP)
        sheet.auto_filter.ref = f"A1:{_column_letter(len(LINK_COLUMNS))}{len(self.links) + 1}"
        if self.touchpoints:
            title, last = self.sheets["touchpoints"].title, len(self.touchpoints) + 1
            names_range = f"'{title}'!$A$2:$A${last}"
            self.list_validation(sheet, 1, names_range, new_ok=True)
            self.list_validation(sheet, 2, names_range, new_ok=True)
        self.share_validation(sheet, 4)

    # ------------------------------------------------------------------ Phases, Lanes, Personas

    def write_phases(self) -> None:
        sheet = self.sheets["phases"]
        self.table_sheet(sheet, PHASE_COLUMNS)
        for phase in self.journey.phases:
            colour = self.cell(sheet, phase.colour, fill=self.styles.cached_fill(phase.colour))
            colour.font = self.styles.Font(color=_contrast(phase.colour))
            sheet.append(
                [
                    phase.id,
                    self.text_cell(sheet, phase.name),
                    colour,
                    self.text(sheet, phase.description),
                    self.text_cell(sheet, phase.name),
                ]
            )

    def write_lanes(self) -> None:
        sheet = self.sheets["lanes"]
        self.table_sheet(sheet, LANE_COLUMNS)
        for lane in self.journey.lanes:
            sheet.append(
                [
                    lane.id,
                    self.text_cell(sheet, lane.name),
                    label(lane.kind, self.language),
                    self.text(sheet, lane.description),
                    self.text_cell(sheet, lane.name),
                ]
            )
        self.list_validation(sheet, 3, self.list_ranges["kind"])

    def write_personas(self) -> None:
        sheet = self.sheets["personas"]
        self.table_sheet(sheet, PERSONA_COLUMNS)
        for persona in self.journey.personas:
            sheet.append(
                [
                    persona.id,
                    self.text_cell(sheet, persona.name),
                    self.text(sheet, persona.description),
                    self.text_cell(sheet, persona.name),
                ]
            )

    # ------------------------------------------------------------------ Map

    def write_map(self) -> None:
        sheet, s = self.sheets["map"], self.styles
        journey = self.journey
        phases, lanes = list(journey.phases), list(journey.lanes)
        sheet.column_dimensions["A"].width = min(
            max([len(lane.name) for lane in lanes] + [24]) + 2, 40
        )
        for index in range(len(phases)):
            sheet.column_dimensions[_column_letter(index + 2)].width = 36
        sheet.freeze_panes = "B5"
        grid = [[self.map_cell(sheet, phase.id, lane.id) for phase in phases] for lane in lanes]
        for row, cells in enumerate(grid, 5):
            lines = max([c[1] for c in cells] + [1])
            sheet.row_dimensions[row].height = min(15 * lines + 4, MAX_ROW_HEIGHT)
        sheet.append([self.cell(sheet, journey.title, font=s.title)])
        sheet.append(
            [
                self.cell(sheet, self.word("date"), font=s.muted),
                self.cell(sheet, self.today, number_format="yyyy-mm-dd", font=s.muted),
            ]
        )
        sheet.append([])
        header = [self.cell(sheet, self.word("lanes_phases"), font=s.muted)]
        for phase in phases:
            header.append(
                self.cell(
                    sheet,
                    phase.name,
                    fill=s.cached_fill(phase.colour),
                    font=s.Font(bold=True, color=_contrast(phase.colour)),
                    alignment=s.header_alignment,
                )
            )
        sheet.append(header)
        for lane, cells in zip(lanes, grid, strict=True):
            row = [self.cell(sheet, lane.name, font=s.bold, fill=s.lane_fill, alignment=s.wrap_top)]
            row.extend(cell for cell, _lines in cells)
            sheet.append(row)
        sheet.append([])
        legend = [self.cell(sheet, self.word("legend"), font=s.muted)]
        for rating, colour in RATING_COLOURS.items():
            legend.append(self.cell(sheet, rating, fill=s.cached_fill(colour)))
        legend.append(self.cell(sheet, self.word("unrated"), fill=s.cached_fill(UNRATED_COLOUR)))
        sheet.append(legend)

    def map_cell(self, sheet: Any, phase_id: str, lane_id: str) -> tuple[Any, int]:
        """The grid cell of one phase and lane, and how many lines it shows."""
        journey, s = self.journey, self.styles
        ids = journey.cell(phase_id, lane_id)
        if not ids:
            return None, 1
        touchpoints = [journey.touchpoint(tid) for tid in ids]
        names = [tp.name.replace("\n", " ") for tp in touchpoints]
        text = "\n".join(names)
        if len(text) > EXCEL_MAX_TEXT:
            text = _truncated_lines(names, self.word("more"))
        average = cell_rating(journey, phase_id, lane_id)
        colour = (
            UNRATED_COLOUR
            if average is None
            else RATING_COLOURS[min(5, max(1, int(average + 0.5)))]
        )
        cell = self.cell(sheet, text, fill=s.cached_fill(colour), alignment=s.wrap_top)
        return cell, text.count("\n") + 1


def _fit_pages_to_width(sheet: Any, title_rows: bool) -> None:
    """Printed in landscape, each sheet as wide as one page (as many pages down as it
    needs), a table's header row again on every page."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as the rows need
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    if title_rows:
        sheet.print_title_rows = "1:1"


def _truncated_lines(lines: list[str], more: str) -> str:
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


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
