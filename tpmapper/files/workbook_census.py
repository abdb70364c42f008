"""Counting what a workbook's XML holds, before openpyxl parses it.

openpyxl reads the shared strings (every text of the workbook) whole when it opens a
workbook, and a sheet's every row and cell when the sheet is read, however many there
are: 166 MiB of short texts took it minutes and a gigabyte. So the parts are first
unpacked a chunk at a time (in bounded memory, at the speed of inflating them) and their
elements counted: the shared strings' texts when the workbook is opened, a sheet's rows
and cells before it is read. Each count is of the elements' opening tags, with the
namespace prefix the part's root element uses (Excel writes none, some libraries "x:").

Each refusal is one sentence naming the file and the part or sheet.
"""

from __future__ import annotations

import html
import posixpath
import re
import zipfile
from dataclasses import dataclass

from tpmapper.files.tpmap import LIMITS

SHARED_STRINGS_TYPE = (
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
)
# Our export of a map twice the limits (60,000 touchpoints with every field filled) holds
# about 400,000 texts in 35 MB; a sheet someone typed, far fewer.
MAX_SHARED_STRINGS = 500_000
MAX_SHARED_STRINGS_BYTES = 64 * 2**20
SLACK_ROWS = 1_000  # blank rows, titles and headers a sheet may hold beyond its elements
MAX_SHEET_ROWS = max(LIMITS.values()) + SLACK_ROWS  # the most any sheet is read with
# A sheet's cells, all parsed even where only the first columns are read; our
# Touchpoints sheet at 60,000 rows holds about 1,800,000.
MAX_SHEET_CELLS = 4_000_000

CHUNK_BYTES = 2**20
_HEAD_BYTES = 4096  # where the root element is found
_TAG_NAME_BYTES = 256  # more than a row's opening tag up to its number

# Counted as whole names (the others may count a few more: b"<c" counts <col> too).
_WHOLE_NAMES = frozenset(["f"])
_AFTER_NAME = (b">", b" ", b"/", b"\n", b"\r", b"\t")
_ROOT = re.compile(rb"<(?:([A-Za-z_][\w.-]*):)?(sst|worksheet)[\s>/]")
_OVERRIDE = re.compile(rb"<(?:[\w.-]+:)?Override\s[^>]*>")
_ATTRIBUTE = re.compile(rb"""(PartName|ContentType)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_ROW_NUMBER = re.compile(rb'[^>]{0,200}?\sr\s*=\s*["\']([0-9]{1,9})["\']')


@dataclass
class Census:
    """What a part holds: how many of each counted element (by local name), and for a
    sheet the highest row number written."""

    counts: dict[str, int]
    last_row: int = 0

    def __getitem__(self, name: str) -> int:
        return self.counts.get(name, 0)


def count_elements(archive: zipfile.ZipFile, part: str, names: tuple[str, ...]) -> Census:
    """Count the `names` elements of the XML part `part` of `archive`, unpacking it a chunk
    at a time. A count of rows or cells may be a little high (b"<c" also counts <col>,
    rare in a sheet), never low. Errors of the archive (BadZipFile, zlib.error) are the
    caller's."""
    census = Census(dict.fromkeys(names, 0))
    with archive.open(part) as stream:
        block = stream.read(CHUNK_BYTES)
        root = _ROOT.search(block, 0, _HEAD_BYTES)
        prefix = root.group(1) + b":" if root and root.group(1) else b""
        tags = [(name, b"<" + prefix + name.encode("ascii")) for name in names]
        while block:
            chunk = stream.read(CHUNK_BYTES)
            if chunk:  # a tag cut off at the end of the block is counted with the next one
                cut = block.rfind(b"<", max(0, len(block) - _TAG_NAME_BYTES))
                cut = len(block) if cut < 0 else cut
                block, chunk = block[:cut], block[cut:] + chunk
            _tally(block, tags, census)
            block = chunk
    return census


def _tally(block: bytes, tags: list[tuple[str, bytes]], census: Census) -> None:
    for name, tag in tags:
        if name in _WHOLE_NAMES:  # <f> and <f t="shared">, not <formula1> nor <filters>;
            # and with any prefix (<x:f> in a part whose root has none; </x:f> counts too)
            ends = [tag + end for end in _AFTER_NAME]
            ends += [b":" + name.encode("ascii") + end for end in _AFTER_NAME]
            census.counts[name] += sum(block.count(end) for end in ends)
        else:
            census.counts[name] += block.count(tag)
        last = block.rfind(tag) if name == "row" else -1
        if last >= 0:
            number = _ROW_NUMBER.match(block, last + len(tag))
            if number:
                census.last_row = max(census.last_row, int(number.group(1)))


# ---------------------------------------------------------------------- shared strings


def shared_strings_parts(archive: zipfile.ZipFile, names: set[str]) -> list[str]:
    """The parts openpyxl would read as the shared strings: those the content types name
    (it reads the first), and xl/sharedStrings.xml if there is one."""
    parts = []
    if "[Content_Types].xml" in names:
        types = archive.getinfo("[Content_Types].xml")
        if types.file_size <= 4 * 2**20:
            text = archive.read(types)
            for override in _OVERRIDE.finditer(text):
                values = {m[0]: m[1] or m[2] for m in _ATTRIBUTE.findall(override.group())}
                kind = values.get(b"ContentType", b"").decode("utf-8", "replace").strip()
                if kind == SHARED_STRINGS_TYPE and b"PartName" in values:
                    name = values[b"PartName"].decode("utf-8", "replace").lstrip("/")
                    if name in names and name not in parts:
                        parts.append(name)
    if "xl/sharedStrings.xml" in names and "xl/sharedStrings.xml" not in parts:
        parts.append("xl/sharedStrings.xml")
    return parts


def shared_strings_problem(archive: zipfile.ZipFile, members: list[zipfile.ZipInfo]) -> str | None:
    """Why the workbook's shared strings are too many to read; None if they are not."""
    by_name = {member.filename: member for member in members}
    for part in shared_strings_parts(archive, set(by_name)):
        size = by_name[part].file_size
        if size > MAX_SHARED_STRINGS_BYTES:
            return (
                f"its shared strings ({part}) unpack to {size / 2**20:,.0f} MiB, more than the "
                f"{MAX_SHARED_STRINGS_BYTES // 2**20} MiB tpmapper reads"
            )
        texts = count_elements(archive, part, ("si",))["si"]
        if texts > MAX_SHARED_STRINGS:
            return (
                f"its shared strings ({part}) hold {texts:,} texts, more than the "
                f"{MAX_SHARED_STRINGS:,} tpmapper reads"
            )
    return None


# ---------------------------------------------------------------------- sheets


def census_parts(archive: zipfile.ZipFile, members: list[zipfile.ZipInfo]) -> dict[str, Census]:
    """Rows, cells and formula elements of each XML part but the shared strings (openpyxl
    parses a sheet without a stated size whole just to open the workbook, so every part
    that could be a sheet is counted)."""
    skip = set(shared_strings_parts(archive, {member.filename for member in members}))
    return {
        member.filename: count_elements(archive, member.filename, ("row", "c", "f"))
        for member in members
        if member.filename.lower().endswith(".xml") and member.filename not in skip
    }


def crowded_problem(
    censuses: dict[str, Census], titles: dict[str, str], row_caps: dict[str, int]
) -> str | None:
    """Why a part (named by its sheet's title where known) holds too many rows or cells
    to read; None if none does. `row_caps` are the most rows a sheet is read with, by
    title; any other part may hold `MAX_SHEET_ROWS`."""
    for part, census in censuses.items():
        title = titles.get(part)
        where = f"part {part}" if title is None else f"sheet '{title}'"
        problem = crowded(census, where, row_caps.get(title or "", MAX_SHEET_ROWS))
        if problem:
            return problem
    return None


def crowded(census: Census, where: str, max_rows: int) -> str | None:
    """Why `where` ("sheet 'Touchpoints'") holds too many rows or cells; None if not."""
    rows = max(census["row"], census.last_row)
    if rows > max_rows:
        return f"its {where} has {rows:,} rows, more than the {max_rows:,} tpmapper reads"
    if census["c"] > MAX_SHEET_CELLS:
        return (
            f"its {where} has {census['c']:,} cells, more than the {MAX_SHEET_CELLS:,} "
            "tpmapper reads"
        )
    return None


_SHEET = re.compile(rb"<(?:[\w.-]+:)?sheet\s[^>]*>")
_RELATIONSHIP = re.compile(rb"<(?:[\w.-]+:)?Relationship\s[^>]*>")
_NAMED = re.compile(rb"""\s(?:[\w.-]+:)?(name|id|Id|Target)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def sheet_titles(archive: zipfile.ZipFile, names: set[str]) -> dict[str, str]:
    """Each worksheet part's sheet title, as far as xl/workbook.xml and its relations tell
    (openpyxl reads them properly later; this only names a sheet in a refusal)."""
    workbook, relations = "xl/workbook.xml", "xl/_rels/workbook.xml.rels"
    if workbook not in names or relations not in names:
        return {}
    parts = [archive.getinfo(workbook), archive.getinfo(relations)]
    if any(part.file_size > 4 * 2**20 for part in parts):
        return {}
    targets = {}
    for tag in _RELATIONSHIP.finditer(archive.read(relations)):
        values = _attributes(tag.group())
        if "Id" in values and "Target" in values:
            target = values["Target"]
            path = target.lstrip("/") if target.startswith("/") else "xl/" + target
            targets[values["Id"]] = posixpath.normpath(path)
    titles = {}
    for tag in _SHEET.finditer(archive.read(workbook)):
        values = _attributes(tag.group())
        part = targets.get(values.get("id", ""))
        if part and "name" in values:
            titles[part] = values["name"]
    return titles


def _attributes(tag: bytes) -> dict[str, str]:
    return {
        name.decode(): html.unescape((double or single).decode("utf-8", "replace"))
        for name, double, single in _NAMED.findall(tag)
    }


def sheet_census(sheet: object) -> Census | None:
    """Rows, cells and formula elements of a read-only openpyxl sheet's part; None if the
    part cannot be found (a sheet that is not read-only)."""
    archive = getattr(getattr(sheet, "parent", None), "_archive", None)
    part = getattr(sheet, "_worksheet_path", None)
    if not isinstance(archive, zipfile.ZipFile) or not isinstance(part, str):
        return None
    return count_elements(archive, part, ("row", "c", "f"))
