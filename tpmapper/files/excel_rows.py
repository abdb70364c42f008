"""Data rows written as sheet XML, spliced into openpyxl's output, for speed: the
Touchpoints and Journey rows, the shared string table, and the splicing itself."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from typing import Any

from tpmapper.files.excel_cells import EXCEL_MAX_TEXT, excel_escape


class TooLong(Exception):
    """A text longer than one cell holds (the writer says which touchpoint and field)."""

    def __init__(self, length: int) -> None:
        self.length = length


class RawRows:
    """Data rows rendered as SpreadsheetML text for the two big sheets.

    openpyxl spends some 10 µs on each cell it serialises; these rows cost a fraction of
    that. Every text is a string cell (shared, `t="s"`, or inline, `t="inlineStr"`), so no
    text can become a formula or an error value; numbers keep all their digits (repr).
    """

    def __init__(self, styles: Sequence[str], strings: SharedStrings, first_row: int = 2) -> None:
        from openpyxl.utils import get_column_letter

        self.columns = [(get_column_letter(i), style) for i, style in enumerate(styles, 1)]
        self.strings = strings
        self.number = first_row
        self.chunks: list[str] = []

    def add(self, values: Sequence[Any], hidden: bool = False) -> None:
        """One row; a `hidden` one is folded away in Excel (its data stays, and imports)."""
        number = self.number
        index = self.strings.index
        parts = [f'<row r="{number}" hidden="1">' if hidden else f'<row r="{number}">']
        for (letter, style), value in zip(self.columns, values, strict=True):
            if value is None or value == "":
                continue
            if value.__class__ is str:
                shared = index(value)
                if shared is None:
                    text = _t(value)
                    parts.append(
                        f'<c r="{letter}{number}"{style} t="inlineStr"><is>{text}</is></c>'
                    )
                else:
                    parts.append(f'<c r="{letter}{number}"{style} t="s"><v>{shared}</v></c>')
            elif isinstance(value, int | float) and not isinstance(value, bool):
                parts.append(f'<c r="{letter}{number}"{style}><v>{value!r}</v></c>')
            else:  # pragma: no cover - the plans give only text and numbers
                raise TypeError(f"cannot write {type(value).__name__} into a cell")
        parts.append("</row>")
        self.chunks.append("".join(parts))
        self.number = number + 1

    def data(self) -> bytes:
        return "".join(self.chunks).encode("utf-8")

    def dimension(self) -> bytes:
        """The sheet's <dimension> (readers that find none parse the whole sheet for it)."""
        last_column = self.columns[-1][0]
        return f'<dimension ref="A1:{last_column}{self.number - 1}"/>'.encode()


class SharedStrings:
    """The workbook's shared string table: each distinct text once, cells refer to it by
    number (Excel's own way; readers parse each text once, not once per cell)."""

    PART = "xl/sharedStrings.xml"

    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}
        self.count = 0

    def index(self, text: str) -> int | None:
        """The number of `text` in the table; None for a text to write inline instead:
        one holding a literal "_xHHHH_", whose protecting "_x005F_" openpyxl would strip
        from a shared string but not from an inline one, and one holding "x005F_" itself,
        which openpyxl strips from a shared string wherever it stands."""
        number = self.numbers.get(text)
        if number is None:
            if ("_x" in text and _LITERAL_ESCAPE.search(text)) or "x005F_" in text:
                return None
            _t(text)  # refuses a text too long for a cell
            number = self.numbers[text] = len(self.numbers)
        self.count += 1
        return number

    def data(self) -> bytes:
        items = "".join(f"<si>{_t(text)}</si>" for text in self.numbers)
        return (
            f'<sst xmlns="{_MAIN}" count="{self.count}" uniqueCount="{len(self.numbers)}">'
            f"{items}</sst>"
        ).encode()


_LITERAL_ESCAPE = re.compile(r"_x[0-9A-Fa-f]{4}_")
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_STRINGS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
_STRINGS_RELATION = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
)


def _t(text: str) -> str:
    """A <t> element holding `text` exactly (see `excel_cells.excel_escape`)."""
    if len(text) > EXCEL_MAX_TEXT:
        raise TooLong(len(text))
    if _NEEDS_ESCAPE.search(text):
        text = excel_escape(text)
        if not text:
            return "<t></t>"
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if text[0] in _SPACE or text[-1] in _SPACE:
        return f'<t xml:space="preserve">{text}</t>'
    return f"<t>{text}</t>"


_SPACE = " \t\n"
_NEEDS_ESCAPE = re.compile(r"[\r\x00-\x08\x0b\x0c\x0e-\x1f]|_x[0-9A-Fa-f]{4}_")


def splice_rows(data: bytes, rows: dict[str, RawRows], strings: SharedStrings) -> bytes:
    """The workbook with `rows` put after the header row of the named sheet parts, the
    sheets' dimensions declared, and the shared strings added."""
    import zipfile

    result = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(result, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            content = source.read(info)
            raw = rows.get(info.filename)
            if raw is not None:
                top, views, head = content.partition(b"<sheetViews")
                head, end, tail = head.partition(b"</sheetData>")
                if not views or not end:
                    raise AssertionError(f"{info.filename} is not laid out as expected")
                content = b"".join((top, raw.dimension(), views, head, raw.data(), end, tail))
            elif info.filename == "[Content_Types].xml":
                override = f'<Override PartName="/{strings.PART}" ContentType="{_STRINGS_TYPE}"/>'
                content = _insert_before(content, b"</Types>", override)
            elif info.filename == "xl/_rels/workbook.xml.rels":
                relation = (
                    f'<Relationship Id="tpmapperStrings" Type="{_STRINGS_RELATION}" '
                    f'Target="/{strings.PART}"/>'
                )
                content = _insert_before(content, b"</Relationships>", relation)
            target.writestr(info, content)
        target.writestr(strings.PART, strings.data())
    return result.getvalue()


def _insert_before(content: bytes, end: bytes, text: str) -> bytes:
    head, found, tail = content.rpartition(end)
    if not found:
        raise AssertionError(f"no {end.decode()} to insert before")
    return head + text.encode("utf-8") + found + tail
