"""How the workbook looks: its few cell styles, page set-up for printing, and how tall a
row must be for its wrapped text (see `excel_export` for the whole book).

openpyxl cannot measure text, and neither Excel nor LibreOffice fits a row to its text
when a file says nothing about the row's height (LibreOffice then prints wrapped lines
over the next row). So each row that wraps gets a height from an estimate that errs on
the tall side: a column `width` wide holds about 1.1 × `width` characters of body text
and `width` of bold text. That is measured on the widest stand-in for Calibri,
DejaVu Sans, as LibreOffice prints it without Calibri or Carlito: 1.2 and 1.0.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tpmapper.colours import LANE_HEADER_FILL, MUTED_TEXT, TEXT_COLOUR

HEADER_FILL = "#dfe4ea"
FONT = "Calibri"  # named on every font: a nameless one prints in a serif face in LibreOffice
MAX_ROW_HEIGHT = 409  # points, Excel's limit
LINE_HEIGHT = 15.0  # points per line of 11-point text
ROW_PADDING = 3.0  # points above and below a row's lines
BODY_CHARACTERS = 1.1  # characters of body text per unit of column width
BOLD_CHARACTERS = 1.0  # characters of bold text per unit of column width


def column_letter(index: int) -> str:
    """The letter of a 1-based column index."""
    from openpyxl.utils import get_column_letter

    return get_column_letter(index)


def contrast(colour: str) -> str:
    """Black or white, whichever reads better on `colour` (#rrggbb)."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "000000" if 0.299 * red + 0.587 * green + 0.114 * blue > 150 else "FFFFFF"


def argb(colour: str) -> str:
    return colour.lstrip("#").upper()


class Styles:
    """The few styles the workbook uses, made once (openpyxl looks each up per cell)."""

    def __init__(self) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        self.Font, self.PatternFill = Font, PatternFill
        self.bold = Font(name=FONT, size=11, bold=True, color=argb(TEXT_COLOUR))
        self.title = Font(name=FONT, size=16, bold=True, color=argb(TEXT_COLOUR))
        self.muted = Font(name=FONT, size=11, italic=True, color=argb(MUTED_TEXT))
        self.header_fill = self.fill(HEADER_FILL)
        self.lane_fill = self.fill(LANE_HEADER_FILL)
        self.wrap_top = Alignment(wrap_text=True, vertical="top")
        self.left = Alignment(horizontal="left")
        self.left_top = Alignment(horizontal="left", vertical="top")
        self.top = Alignment(vertical="top")
        # at the bottom, so a one-line header prints on the line of its wrapped neighbours'
        self.header_alignment = Alignment(wrap_text=True, vertical="bottom")
        thin = Side(style="thin", color=argb(MUTED_TEXT))
        self.header_border = Border(bottom=thin)
        self.box = Border(left=thin, right=thin, top=thin, bottom=thin)
        self._fills: dict[str, Any] = {}
        self._fonts: dict[str, Any] = {}

    def fill(self, colour: str) -> Any:
        return self.PatternFill("solid", start_color=argb(colour), end_color=argb(colour))

    def cached_fill(self, colour: str) -> Any:
        if colour not in self._fills:
            self._fills[colour] = self.fill(colour)
        return self._fills[colour]

    def font_on(self, colour: str, bold: bool = False) -> Any:
        """Black or white text, whichever reads on a `colour` fill."""
        key = f"{colour}{bold}"
        if key not in self._fonts:
            self._fonts[key] = self.Font(name=FONT, size=11, bold=bold, color=contrast(colour))
        return self._fonts[key]


def fit_pages_to_width(sheet: Any, title_rows: str | None = None) -> None:
    """Printed in landscape, each sheet as wide as one page (as many pages down as it
    needs); `title_rows` ("1:1") printed again at the top of every page."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as the rows need
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    if title_rows:
        sheet.print_title_rows = title_rows


# ---------------------------------------------------------------------- row heights


def wrapped_lines(text: str, width: float, *, bold: bool = False, limit: int = 1_000) -> int:
    """About how many lines `text` takes when wrapped at spaces in a column `width`
    characters wide (a word longer than a line breaks inside). Counting stops at `limit`."""
    capacity = max(1, int(width * (BOLD_CHARACTERS if bold else BODY_CHARACTERS)))
    lines = 0
    for paragraph in text.split("\n"):
        lines += _paragraph_lines(paragraph, capacity)
        if lines >= limit:
            return limit
    return lines


def _paragraph_lines(paragraph: str, capacity: int) -> int:
    if len(paragraph) <= capacity:
        return 1
    lines, used = 1, 0
    for word in paragraph.split(" "):
        size = len(word)
        if used and used + 1 + size <= capacity:
            used += 1 + size
            continue
        if used:
            lines += 1
        while size > capacity:  # a word wider than the column breaks where the line ends
            lines += 1
            size -= capacity
        used = size
    return lines


def row_height(lines: int) -> float:
    """The height in points of a row of `lines` lines of 11-point text."""
    return min(LINE_HEIGHT * lines + ROW_PADDING, MAX_ROW_HEIGHT)


def cell_lines(cell: Any, width: float) -> int:
    """How many lines a cell (a value or an openpyxl cell) shows in a column `width` wide:
    wrapped text as many as it wraps to, anything else one."""
    if not hasattr(cell, "alignment"):
        return 1
    text = cell.value
    if not isinstance(text, str) or not cell.alignment.wrap_text:
        return 1
    return wrapped_lines(text, width, bold=bool(cell.font.b), limit=30)


class SheetRows:
    """Appends rows to a write-only sheet, each as tall as its wrapped text needs (row
    heights must be set before their row is written)."""

    def __init__(self, sheet: Any, widths: Sequence[float]) -> None:
        self.sheet = sheet
        self.widths = widths
        self.number = 1  # the row the next `append` writes

    def set_widths(self) -> None:
        for index, width in enumerate(self.widths, 1):
            self.sheet.column_dimensions[column_letter(index)].width = width

    def append(self, cells: Sequence[Any] = (), height: float | None = None) -> int:
        """Writes one row (None for an empty cell); returns its number."""
        if height is None:
            lines = max(
                (cell_lines(c, w) for c, w in zip(cells, self.widths, strict=False)), default=1
            )
            height = row_height(lines) if lines > 1 else None
        if height is not None:
            self.sheet.row_dimensions[self.number].height = height
        self.sheet.append(list(cells))
        self.number += 1
        return self.number - 1
