"""Finding formulas a workbook holds without a saved result.

The import reads values (openpyxl's `data_only`): for a formula, the result the program
that saved the workbook stored beside it. Excel and LibreOffice always store one; a
workbook written by a script (openpyxl, for one) often stores none, and the value read is
then empty, as if the cell were blank. Such cells are found here, so that the import can
refuse them by name instead of dropping their values.

A sheet's XML is searched for a formula element first (a fast byte search); only a sheet
that has formulas is parsed again, with defusedxml, to find where they lack a result.
"""

from __future__ import annotations

import io
import re
from typing import Any

FORMULA_WITHOUT_RESULT = (
    "a formula without a saved result; open and save the workbook in Excel or LibreOffice first"
)

# <f>, <f t="shared" …/>, <x:f> …, but not <fill> or <font>.
_FORMULA_TAG = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?f[\s>/]")
_REFERENCE = re.compile(r"([A-Za-z]{1,3})([0-9]+)")


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number


def _local(tag: Any) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _without_result(cell: Any) -> bool:
    """Whether the <c> element `cell` holds a formula but no saved result.

    A formula whose result is text may have saved an empty one (`t="str"` with an empty
    <v>); any other formula with an empty or missing <v> has none.
    """
    formula = value = None
    for child in cell:
        name = _local(child.tag)
        if name == "f":
            formula = child
        elif name == "v":
            value = child
    if formula is None:
        return False
    if value is None:
        return True
    return not value.text and cell.get("t") != "str"


def uncached_formulas(xml: bytes, rows: int, columns: int) -> list[tuple[int, int]]:
    """(row, column), both 1-based, of each cell within `rows` x `columns` of the sheet
    `xml` that holds a formula without a saved result, in sheet order."""
    if not _FORMULA_TAG.search(xml):
        return []
    from defusedxml.ElementTree import iterparse

    found: list[tuple[int, int]] = []
    row = column = 0
    for event, element in iterparse(io.BytesIO(xml), events=("start", "end")):
        name = _local(element.tag)
        if event == "start":
            if name == "row":
                number = element.get("r")
                row = int(number) if number and number.isdigit() else row + 1
                column = 0
            continue
        if name == "c":
            reference = _REFERENCE.fullmatch(element.get("r") or "")
            if reference:
                column = _column_number(reference.group(1))
                row = int(reference.group(2))
            else:
                column += 1
            if row <= rows and column <= columns and _without_result(element):
                found.append((row, column))
            element.clear()
        elif name == "row":
            element.clear()
            if row >= rows:
                break
    return found


def sheet_xml(sheet: Any) -> bytes | None:
    """The XML of a read-only openpyxl sheet's part; None if it cannot be found."""
    archive = getattr(getattr(sheet, "parent", None), "_archive", None)
    part = getattr(sheet, "_worksheet_path", None)
    if archive is None or part is None:
        return None
    return archive.read(part)
