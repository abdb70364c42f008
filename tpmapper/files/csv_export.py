"""The Touchpoints table as CSV: the same columns and headers as the workbook's sheet.

UTF-8 with a byte order mark and CRLF line ends, so Excel opens it with umlauts and
emoji intact; fields are separated by commas and quoted where needed.

Formula injection: a spreadsheet treats a text field that starts with "=", "+", "-",
"@", a tab or a carriage return as a formula. Such text fields get a leading apostrophe
(the OWASP rule), which spreadsheets show as text and hide. Numbers are written as
numbers (a negative ROI stays -0.25); only text is prefixed, and a prefixed field reads
back with the apostrophe, which is why the workbook, not the CSV, is the format to edit
and import again.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from tpmapper.files.atomic import atomic_write
from tpmapper.files.excel_columns import TOUCHPOINT_COLUMNS, touchpoint_writers
from tpmapper.model.journey import JourneyMap

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """Text a spreadsheet will not run as a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _field(value: Any) -> str:
    """A cell value as a CSV field: numbers as numbers, text neutralised."""
    if value is None:
        return ""
    if isinstance(value, str):
        return neutralise(value)
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return str(int(value))
    return repr(value)


def csv_rows(journey: JourneyMap, language: str = "en") -> list[list[str]]:
    """The header and one row per touchpoint in reading order, as CSV fields."""
    writers = touchpoint_writers(journey, language)
    header = [neutralise(column.header(language)) for column in TOUCHPOINT_COLUMNS]
    rows = [[_field(write(tp)) for write in writers] for tp in journey.touchpoints()]
    return [header, *rows]


def csv_bytes(journey: JourneyMap, *, language: str = "en") -> bytes:
    """The Touchpoints table as UTF-8 CSV with a byte order mark (Excel-friendly)."""
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows(csv_rows(journey, language))
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def export_csv(journey: JourneyMap, path: str | Path, *, language: str = "en") -> None:
    """Write the CSV atomically: `path` holds the old file or the whole new one."""
    atomic_write(path, csv_bytes(journey, language=language))
