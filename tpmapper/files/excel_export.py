"""A map as an Excel workbook a colleague without tpmapper can read, edit and send back.

Sheets, in this order (names in the workbook's language, English or German):

- Map: the swimlane grid (phases across, lanes down, each cell listing its touchpoints
  one per line), phase colours as header fills, cells shaded by the average customer
  rating with a legend below the grid; title and date at the top. For reading only
  (`excel_map`).
- Touchpoints: one row per touchpoint in reading order, one typed column per field
  (see `excel_columns`), drop-downs that keep edits valid (`excel_validation`), and
  hidden ID columns (ID, Phase ID, Lane ID, Persona IDs) that let the import find each
  row's touchpoint (`excel_tables`).
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

Every visible sheet prints in landscape, as wide as one page, a table's header row (the
Map's phase row) again on every page; rows are as tall as their wrapped text
(`excel_styles`). `excel_book.BookWriter` creates the sheets and holds the cells and
styles every sheet writes through; user text never becomes a formula.

Speed: openpyxl (write-only mode) writes the workbook, its styles, drop-downs and chart,
but the data rows of the big sheets (Touchpoints, Journey, Findings) are rendered as
SpreadsheetML text (`excel_rows.RawRows`: inline strings and numbers, about a tenth of
openpyxl's cost per cell) and put into the sheets openpyxl wrote, with the sheets'
dimensions, before the file is replaced atomically.
"""

from __future__ import annotations

import contextlib
import io
from datetime import date
from pathlib import Path
from typing import Any

from tpmapper.files.atomic import atomic_write
from tpmapper.files.excel_book import BookWriter
from tpmapper.files.excel_columns import touchpoint_writers
from tpmapper.files.excel_rows import splice_rows
from tpmapper.files.excel_tables import CellTooLongError
from tpmapper.model.journey import JourneyMap
from tpmapper.progress import Progress

__all__ = ["CellTooLongError", "export_workbook", "touchpoint_cells", "workbook_bytes"]


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
    writer = BookWriter(book, journey, language, today or date.today(), progress, hidden=hidden)
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
