"""A workbook becomes a map: ours (exported by tpmapper, maybe edited since) or one a
person typed from scratch.

The import succeeds whole or not at all: every problem found is collected, located
("Touchpoints!L7: Customer rating: 9 is outside 1–5"), and raised together as one
`WorkbookError`; nothing is changed (a new map is built; `base` is only read).

Our own workbook is recognised by its sheets: Touchpoints, Phases and Lanes (English or
German names, see `excel_columns.SHEETS`). It holds the whole map, so `base` is not used:
- Phases, Lanes, Personas come from their sheets in row order; a row without an id is a
  new element.
- Each Touchpoints row is one touchpoint; its hidden ID finds it again (a row without one,
  or repeating one, is a new touchpoint). Columns are found by header, in any order;
  unknown columns are ignored. The row order is the order within each cell.
- A row's phase is found by name: first the phase its hidden Phase ID names, if that
  still has this name; else any phase of that name; else the phase of its Phase ID when
  this is the name it was exported with (a rename in the Phases sheet); else a new phase
  of that name. Lanes and personas alike.
- Links come from the Journey sheet, by ID, else by touchpoint name. A link to a
  touchpoint whose row was deleted is dropped (and said so in `problems`).
- Title and description come from the About sheet ("Title", "Description" rows).

A typed sheet is the first sheet with a header row (the first non-empty row, or one of the
first few) naming at least Name and Phase; any other column of `excel_columns` may be
there. Its touchpoints are added to a copy of `base` (or to a new map named after the
file); phases, lanes and personas not yet there are created in order of appearance, and
without a Lane column everything goes into the first lane (one is made if needed). Text
is trimmed, blank rows skipped, an unknown channel kept as channel detail.

The two readers are `excel_own_workbook` and `excel_typed_sheet`; `excel_reading` holds
what they share.
"""

from __future__ import annotations

from pathlib import Path

from tpmapper.files.excel_columns import sheet_key
from tpmapper.files.excel_own_workbook import OwnWorkbook
from tpmapper.files.excel_reading import ImportResult, row_caps
from tpmapper.files.excel_typed_sheet import TypedSheet
from tpmapper.files.workbook_guard import WorkbookError, open_workbook, read_workbook_file
from tpmapper.model.journey import JourneyMap

__all__ = ["ImportResult", "WorkbookError", "import_workbook", "import_workbook_bytes"]


def import_workbook(path: str | Path, base: JourneyMap | None = None) -> ImportResult:
    """Read an .xlsx workbook into a new map; raises `WorkbookError` naming every problem."""
    path = Path(path)
    return import_workbook_bytes(read_workbook_file(path), path, base)


def import_workbook_bytes(
    data: bytes, source: str | Path = "<workbook>", base: JourneyMap | None = None
) -> ImportResult:
    """As `import_workbook`, from the file's bytes; `source` names it in messages."""
    with open_workbook(data, source, row_caps) as book:
        sheets = {sheet_key(ws.title): ws for ws in reversed(book.worksheets)}
        if {"touchpoints", "phases", "lanes"} <= sheets.keys():
            return OwnWorkbook(source, sheets).read()
        return TypedSheet(source, book.worksheets, base).read()
