"""Opening a workbook that may be hostile: refuse it cheaply, before openpyxl parses it.

An .xlsx file is a zip archive of XML parts. Before openpyxl sees a byte, the file is
read whole (up to `MAX_FILE_BYTES`), its kind is told from its first bytes (an old .xls,
a CSV, an .ods are each named), and the zip's directory is checked: how many parts,
how large they say they are unpacked (in total, and against their packed size, which
catches zip bombs; `zipfile` itself stops any part at its declared size). Then the parts
are counted as they unpack (`workbook_census`): the shared strings' texts, each sheet's
rows and cells, against caps (a sheet's rows by what the caller reads it for), so that
openpyxl never parses millions of them. XML entity declarations are refused by
defusedxml, which openpyxl uses when it is installed; this module refuses to read at all
when it is not active. Rows are read up to a cap.

Every refusal is a `WorkbookError`: one sentence naming the file.
"""

from __future__ import annotations

import contextlib
import io
import re
import struct
import warnings
import weakref
import zipfile
import zlib
from collections.abc import Callable, Iterator
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.etree.ElementTree import ParseError

from tpmapper.files.errors import MapFileError
from tpmapper.files.reading import read_capped
from tpmapper.files.workbook_census import (
    MAX_SHEET_CELLS,
    Census,
    census_parts,
    crowded,
    crowded_problem,
    shared_strings_problem,
    sheet_census,
    sheet_titles,
)
from tpmapper.files.workbook_formulas import FORMULA_WITHOUT_RESULT, sheet_xml, uncached_formulas
from tpmapper.printable import printable

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook

MAX_FILE_BYTES = 100 * 2**20
MAX_MEMBERS = 5_000
MAX_UNPACKED_BYTES = 200 * 2**20
MAX_RATIO = 100  # unpacked : packed, for parts over RATIO_FLOOR
RATIO_FLOOR = 2**20
MAX_COLUMNS = 100  # columns read from any sheet; ours has 30
MAX_CELLS = MAX_SHEET_CELLS  # rows x columns read from one sheet, as the census counts
MAX_PROBLEMS = 200  # problems kept in a WorkbookError (all are counted)

RowCaps = Callable[[list[str]], dict[str, int]]  # sheet titles -> the most rows of each
# What each part of a workbook open here holds, counted before openpyxl parsed it.
_CENSUSES: weakref.WeakKeyDictionary[Any, dict[str, Census]] = weakref.WeakKeyDictionary()
_ZIP_DAMAGE = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError)
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_STARTS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")


class WorkbookError(MapFileError):
    """A workbook was refused. `problems` lists every reason found, each as
    "Touchpoints!F7: Customer rating: 9 is outside 1–5" (sheet!cell: reason).

    `str(error)` is the file, the first problem and how many more there are.
    """

    def __init__(self, source: str | Path, problems: list[str], total: int | None = None) -> None:
        self.problems = [printable(problem) for problem in problems]
        self.total = max(total or 0, len(self.problems))
        first = self.problems[0] if self.problems else "cannot be imported"
        more = self.total - 1
        suffix = f" (and {more:,} more problem{'s' if more > 1 else ''})" if more else ""
        located = _PLACE.match(first)
        if located:
            super().__init__(source, first[located.end() :] + suffix, located.group(1))
        else:
            super().__init__(source, first + suffix)


# "Touchpoints!F7: …" or "'My sheet'!F7: …"
_PLACE = re.compile(r"((?:'(?:[^']|'')+'|[^\s'!:]+)![A-Z]{1,3}[0-9]+): ")


def refuse(source: str | Path, reason: str) -> WorkbookError:
    return WorkbookError(source, [reason])


def cell_place(sheet: str, row: int, column: int) -> str:
    """The reference of a cell, like Touchpoints!F7, from a 1-based row and 0-based column;
    a sheet name with spaces or other signs is quoted, one with a line break or a bidi
    control escaped ('Q1\\nplan'!A1)."""
    from openpyxl.utils import get_column_letter

    sheet = printable(sheet)
    if not sheet.replace("_", "").isalnum():
        sheet = "'" + sheet.replace("'", "''") + "'"
    return f"{sheet}!{get_column_letter(column + 1)}{row}"


# ---------------------------------------------------------------------- the file


def read_workbook_file(path: str | Path) -> bytes:
    """The file's bytes, refused when missing, unreadable, empty or too large."""
    path = Path(path)
    try:
        data = read_capped(path, MAX_FILE_BYTES, "a workbook")
    except MapFileError as error:
        raise refuse(path, error.reason) from None
    if len(data) > MAX_FILE_BYTES:
        raise refuse(
            path, f"is larger than {MAX_FILE_BYTES // 2**20} MiB, more than a workbook may be"
        )
    return data


def _kind_of_non_zip(data: bytes) -> str:
    if not data.strip():
        return "is empty, not an Excel workbook"
    if data.startswith(_OLE2):
        return (
            "is an Excel 97–2003 workbook (.xls) or a password-protected one; save it "
            "as an unprotected .xlsx workbook and import that"
        )
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"<?xml", b"<html", b"<!doctype", b"<table")):
        return "is an XML or HTML file, not an Excel workbook (.xlsx); save it as .xlsx first"
    if b"\x00" not in head:
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as error:
            text = error.start > len(head) - 4  # cut in the middle of a character
        else:
            text = True
        if text:
            return (
                "is a text file (CSV?), not an Excel workbook (.xlsx); open it in a "
                "spreadsheet and save it as .xlsx first"
            )
    return "is not an Excel workbook (.xlsx): it is not a zip archive"


def _declared_members(data: bytes) -> int | None:
    """The member count from the zip's end record, read before zipfile builds its index."""
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if end < 0 or end + 22 > len(data):
        return None
    return struct.unpack_from("<H", data, end + 10)[0]


def check_archive(
    data: bytes, source: str | Path, row_caps: RowCaps | None = None
) -> dict[str, Census]:
    """Refuse anything that is not a sound .xlsx zip of reasonable unpacked size, or that
    holds more shared texts, rows or cells than tpmapper reads: `row_caps` gives the most
    rows of each sheet read, from all sheets' titles. Returns what each XML part holds
    (`workbook_census.census_parts`)."""
    if not data.startswith(_ZIP_STARTS):
        raise refuse(source, _kind_of_non_zip(data))
    declared = _declared_members(data)
    if declared is None:
        raise refuse(source, "is damaged or truncated: the end of its zip archive is missing")
    if declared > MAX_MEMBERS:  # 0xFFFF (zip64) lands here too
        raise refuse(source, f"holds more than {MAX_MEMBERS:,} parts; not a workbook")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            if len(members) > MAX_MEMBERS:
                raise refuse(source, f"holds more than {MAX_MEMBERS:,} parts; not a workbook")
            _check_sizes(members, source)
            names = {member.filename for member in members}
            _check_parts(names, members, source)
            problem = shared_strings_problem(archive, members)
            if problem:
                raise refuse(source, problem)
            censuses = census_parts(archive, members)
            titles = sheet_titles(archive, names)
            caps = row_caps(list(titles.values())) if row_caps else {}
            problem = crowded_problem(censuses, titles, caps)
    except (*_ZIP_DAMAGE, ValueError, struct.error, OSError) as e:
        raise refuse(source, f"is damaged or truncated: {_describe(e)}") from None
    if problem:
        raise refuse(source, problem)
    return censuses


def _check_sizes(members: list[zipfile.ZipInfo], source: str | Path) -> None:
    total = 0
    for member in members:
        total += member.file_size
        if total > MAX_UNPACKED_BYTES:
            raise refuse(
                source,
                f"would unpack to more than {MAX_UNPACKED_BYTES // 2**20} MiB; refused as a "
                "possible zip bomb",
            )
        packed = max(member.compress_size, 1)
        if member.file_size > RATIO_FLOOR and member.file_size / packed > MAX_RATIO:
            raise refuse(
                source,
                f"its part {member.filename} would unpack {member.file_size // packed:,} times "
                "its packed size; refused as a possible zip bomb",
            )


def _check_parts(names: set[str], members: list[zipfile.ZipInfo], source: str | Path) -> None:
    if "mimetype" in names and "content.xml" in names:
        raise refuse(
            source,
            "is an OpenDocument spreadsheet (.ods), not an Excel workbook; save it as .xlsx first",
        )
    if "xl/workbook.bin" in names:
        raise refuse(
            source, "is a binary Excel workbook (.xlsb); save it as an .xlsx workbook first"
        )
    if "[Content_Types].xml" not in names or not any(n.startswith("xl/") for n in names):
        raise refuse(source, "is a zip archive, but not an Excel workbook (.xlsx)")
    if any(member.flag_bits & 0x1 for member in members):
        raise refuse(source, "is encrypted; save it without a password first")


def _describe(error: BaseException) -> str:
    """The first line of an error's text, as a clause."""
    text = str(error).strip().split("\n")[0].strip().strip("'\"").rstrip(".")
    text = text or type(error).__name__
    if len(text) > 1 and text[1].isupper():  # an acronym: "CRC-32 ..."
        return text
    return text[0].lower() + text[1:]


# ---------------------------------------------------------------------- parsing


def xml_is_defused() -> bool:
    """Whether openpyxl parses with defusedxml (no entity expansion, no external entities)."""
    import openpyxl.xml
    import openpyxl.xml.functions

    return bool(openpyxl.xml.DEFUSEDXML) and all(
        getattr(openpyxl.xml.functions, name).__module__.startswith("defusedxml")
        for name in ("fromstring", "iterparse")
    )


def _causes(error: BaseException) -> list[BaseException]:
    """The error and what caused it, innermost last (openpyxl wraps parse errors)."""
    chain = [error]
    while (cause := chain[-1].__cause__ or chain[-1].__context__) and len(chain) < 10:
        chain.append(cause)
    return chain


# What openpyxl raises on broken or hostile content. Only the openpyxl calls below are
# wrapped, so our own mistakes are never disguised as a damaged file.
_DAMAGE = (
    zipfile.BadZipFile,
    zlib.error,
    ParseError,
    EOFError,
    KeyError,
    IndexError,
    TypeError,
    ValueError,
    AttributeError,
    NotImplementedError,
    OSError,  # openpyxl's IOError for a missing part
    OverflowError,
    struct.error,
)


@contextlib.contextmanager
def _translated(source: str | Path, doing: str) -> Iterator[None]:
    from defusedxml import DefusedXmlException
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        with warnings.catch_warnings():
            # openpyxl warns about parts it drops (extensions, some validations)
            warnings.simplefilter("ignore", UserWarning)
            yield
    except MemoryError:
        raise refuse(source, f"is too large to {doing}") from None
    except (*_DAMAGE, InvalidFileException) as error:
        causes = _causes(error)
        if any(isinstance(cause, DefusedXmlException) for cause in causes):
            raise refuse(
                source,
                "contains XML entity or DTD declarations, which tpmapper refuses (they can "
                "expand without bound)",
            ) from None
        raise refuse(source, f"is damaged; {doing} failed ({_describe(causes[-1])})") from None


@contextlib.contextmanager
def open_workbook(
    data: bytes, source: str | Path, row_caps: RowCaps | None = None
) -> Iterator[Workbook]:
    """The checked bytes (see `check_archive`) as a read-only openpyxl workbook (values,
    not formulas)."""
    if not xml_is_defused():
        raise refuse(
            source,
            "cannot be read safely: defusedxml is not active for openpyxl (install defusedxml "
            "and unset OPENPYXL_DEFUSEDXML)",
        )
    censuses = check_archive(data, source, row_caps)
    from openpyxl import load_workbook

    with _translated(source, "reading the workbook"):
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    _CENSUSES[book] = censuses
    try:
        yield book
    finally:
        book.close()


def sheet_rows(sheet: Any, source: str | Path, max_rows: int) -> list[tuple[Any, ...]]:
    """The values of a read-only sheet's rows, each a tuple of at most `MAX_COLUMNS`.

    Refused when the sheet declares or holds more than `max_rows` rows, or more than
    `MAX_CELLS` cells (rows times the width read), or when a cell read holds a formula
    without a saved result (its value would be read as empty).
    """
    title = sheet.title
    declared = sheet.max_row
    if declared is not None and declared > max_rows:
        raise refuse(
            source,
            f"its sheet '{title}' declares {declared:,} rows, more than the {max_rows:,} "
            "tpmapper reads",
        )
    # Some writers declare a wrong size ("A1"): read every row there is, and every column
    # up to MAX_COLUMNS unless a plausible size is declared.
    columns = sheet.max_column
    plausible = columns is not None and declared is not None and columns * declared > 1
    width = min(columns, MAX_COLUMNS) if plausible else MAX_COLUMNS
    limit = min(max_rows, MAX_CELLS // width)
    if plausible and declared > limit:
        raise refuse(
            source,
            f"its sheet '{title}' declares {declared * width:,} cells, more than the "
            f"{MAX_CELLS:,} tpmapper reads",
        )
    census = _CENSUSES.get(sheet.parent, {}).get(getattr(sheet, "_worksheet_path", None))
    if census is None:
        with _translated(source, f"reading the sheet '{title}'"):
            census = sheet_census(sheet)
    problem = crowded(census, f"sheet '{title}'", limit) if census is not None else None
    if problem:
        raise refuse(source, problem)
    sheet.reset_dimensions()
    with _translated(source, f"reading the sheet '{title}'"):
        rows = list(islice(sheet.iter_rows(values_only=True, max_col=width), limit + 1))
    if len(rows) > limit:
        raise refuse(
            source,
            f"its sheet '{title}' has more than the {limit:,} rows tpmapper reads",
        )
    if census is None or census["f"]:
        _refuse_formulas_without_result(sheet, source, len(rows), width)
    return rows


def _refuse_formulas_without_result(sheet: Any, source: str | Path, rows: int, width: int) -> None:
    with _translated(source, f"reading the sheet '{sheet.title}'"):
        xml = sheet_xml(sheet)
        cells = uncached_formulas(xml, rows, width) if xml is not None else []
    if cells:
        problems = [
            f"{cell_place(sheet.title, row, column - 1)}: {FORMULA_WITHOUT_RESULT}"
            for row, column in cells[:MAX_PROBLEMS]
        ]
        raise WorkbookError(source, problems, len(cells))
