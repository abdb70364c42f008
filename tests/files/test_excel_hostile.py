"""Hostile and wrong files are refused quickly, in bounded memory, with one sentence
naming the file, before openpyxl parses anything it should not."""

from __future__ import annotations

import io
import re
import struct
import time
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.files.excel_support import (
    SHEET_NS,
    replaced_part,
    shared_strings_workbook,
    typed_workbook,
    zip_bytes,
)
from tests.files.maps import minimal_map
from tpmapper.files.excel_export import workbook_bytes
from tpmapper.files.excel_import import WorkbookError, import_workbook, import_workbook_bytes
from tpmapper.files.workbook_guard import MAX_UNPACKED_BYTES, xml_is_defused

SOURCE = "hostile.xlsx"
SECONDS = 5.0  # generous for a 2-core machine; each refusal takes far less


@contextmanager
def _refused(*words: str, source: str = SOURCE) -> Iterator[None]:
    """The block must raise one WorkbookError, quickly, naming the file and saying `words`."""
    start = time.perf_counter()
    with pytest.raises(WorkbookError) as caught:
        yield
    elapsed = time.perf_counter() - start
    message = str(caught.value)
    assert message.startswith(f"{source}: "), message
    assert "\n" not in message
    assert "Traceback" not in message
    for word in words:
        assert word in message, message
    assert elapsed < SECONDS, f"took {elapsed:.1f} s"


def _import(data: bytes) -> None:
    import_workbook_bytes(data, SOURCE)


@pytest.fixture(scope="module")
def workbook() -> bytes:
    return workbook_bytes(minimal_map())


def _touchpoints_part(data: bytes) -> str:
    """The part name of the Touchpoints sheet (the second sheet)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert "xl/worksheets/sheet2.xml" in archive.namelist()
        assert b"<t>Name</t>" in archive.read("xl/worksheets/sheet2.xml")
    return "xl/worksheets/sheet2.xml"


def test_defusedxml_guards_openpyxl() -> None:
    assert xml_is_defused()


# ---------------------------------------------------------------------- not a workbook


def test_text_renamed_to_xlsx_is_named_as_text(tmp_path: Path) -> None:
    path = tmp_path / SOURCE
    path.write_text("Name;Phase\nWebsite;Awareness\n", encoding="utf-8")
    with _refused("text file (CSV?)", source=str(path)):
        import_workbook(path)


def test_a_csv_with_umlauts_in_latin_1_is_not_a_workbook() -> None:
    with _refused("not an Excel workbook"):
        _import("Name,Phase\nGeschäft,Kauf\n".encode("latin-1") + bytes(range(128, 256)))


def test_random_bytes_are_not_a_workbook() -> None:
    with _refused("not a zip archive"):
        _import(bytes(range(256)) * 40)


def test_an_empty_file_is_refused() -> None:
    with _refused("is empty"):
        _import(b"")


def test_an_old_xls_workbook_is_named() -> None:
    with _refused(".xls"):
        _import(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4000)


def test_an_ods_spreadsheet_is_named() -> None:
    data = zip_bytes(
        {"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>"}
    )
    with _refused("OpenDocument"):
        _import(data)


def test_a_word_document_is_not_a_workbook() -> None:
    data = zip_bytes({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w/>"})
    with _refused("zip archive, but not an Excel workbook"):
        _import(data)


def test_html_saved_as_xls_is_named() -> None:
    with _refused("XML or HTML"):
        _import(b"<html><body><table><tr><td>Name</td></tr></table></body></html>")


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(WorkbookError, match="no such file"):
        import_workbook(tmp_path / "missing.xlsx")
    with pytest.raises(WorkbookError, match="is a folder"):
        import_workbook(tmp_path)


# ---------------------------------------------------------------------- broken zips


@pytest.mark.parametrize("keep", [0.5, 0.9, 0.999])
def test_a_truncated_workbook_is_refused(workbook: bytes, keep: float) -> None:
    with _refused("damaged or truncated"):
        _import(workbook[: int(len(workbook) * keep)])


def test_a_corrupted_part_is_refused_as_damaged(workbook: bytes) -> None:
    part = _touchpoints_part(workbook)
    with zipfile.ZipFile(io.BytesIO(workbook)) as archive:
        info = archive.getinfo(part)
    damaged = bytearray(workbook)
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for offset in range(start + 10, start + min(info.compress_size, 200)):
        damaged[offset] ^= 0x5A
    with _refused("is damaged"):
        _import(bytes(damaged))


def test_garbage_instead_of_sheet_xml_is_refused(workbook: bytes) -> None:
    data = replaced_part(workbook, _touchpoints_part(workbook), b"<worksheet><sheetData><row")
    with _refused("is damaged"):
        _import(data)


def test_an_encrypted_part_is_refused(workbook: bytes) -> None:
    data = bytearray(workbook)
    position = data.find(b"PK\x01\x02")  # the central directory's entries
    while position >= 0:
        flags = struct.unpack_from("<H", data, position + 8)[0]
        struct.pack_into("<H", data, position + 8, flags | 0x1)  # "encrypted"
        position = data.find(b"PK\x01\x02", position + 4)
    with _refused("encrypted"):
        _import(bytes(data))


# ---------------------------------------------------------------------- zip bombs


def test_a_zip_bomb_is_refused_before_unpacking() -> None:
    """300 MB of zeros packed into about 300 KB: refused from the zip's directory."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        chunk = bytes(2**20)
        with archive.open("xl/worksheets/sheet1.xml", "w") as member:
            for _ in range(300):
                member.write(chunk)
    data = out.getvalue()
    assert len(data) < 2 * 2**20
    with _refused("zip bomb", f"{MAX_UNPACKED_BYTES // 2**20} MiB"):
        _import(data)


def test_a_part_that_unpacks_a_thousandfold_is_refused() -> None:
    data = zip_bytes(
        {
            "[Content_Types].xml": "<Types/>",
            "xl/workbook.xml": "<workbook/>",
            "xl/sharedStrings.xml": b" " * (20 * 2**20),
        }
    )
    with _refused("zip bomb", "xl/sharedStrings.xml"):
        _import(data)


def test_an_archive_of_thousands_of_parts_is_refused() -> None:
    parts: dict[str, bytes | str] = {"[Content_Types].xml": "<Types/>"}
    parts |= {f"xl/media/image{i}.png": b"" for i in range(6_000)}
    with _refused("parts"):
        _import(zip_bytes(parts, zipfile.ZIP_STORED))


# ---------------------------------------------------------------------- XML tricks

BILLION_LAUGHS = (
    '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    + ']><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
    "</sheetData></worksheet>"
)
EXTERNAL_ENTITY = (
    '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&e;</t></is></c></row>'
    "</sheetData></worksheet>"
)


@pytest.mark.parametrize("xml", [BILLION_LAUGHS, EXTERNAL_ENTITY], ids=["laughs", "external"])
def test_entity_declarations_in_a_sheet_are_refused(workbook: bytes, xml: str) -> None:
    data = replaced_part(workbook, _touchpoints_part(workbook), xml)
    with _refused("entity"):
        _import(data)


def test_entity_declarations_in_the_workbook_part_are_refused(workbook: bytes) -> None:
    xml = BILLION_LAUGHS.replace("<worksheet", "<workbook").replace("</worksheet>", "</workbook>")
    with _refused("entity"):
        _import(replaced_part(workbook, "xl/workbook.xml", xml))


def test_entity_declarations_in_shared_strings_are_refused() -> None:
    data, _sheet, _strings = shared_strings_workbook([["Name", "Phase"], ["A", "B"]])
    assert import_workbook_bytes(data, SOURCE).journey.touchpoints()[0].name == "A"
    xml = (
        BILLION_LAUGHS.split("<worksheet")[0]
        + f'<sst xmlns="{SHEET_NS}"><si><t>&lol9;</t></si></sst>'
    )
    with _refused("entity"):
        _import(replaced_part(data, "xl/sharedStrings.xml", xml))


# ---------------------------------------------------------------------- absurd sizes

SHEET_HEAD = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'


def test_a_sheet_declaring_two_million_rows_is_refused(workbook: bytes) -> None:
    xml = (
        f'{SHEET_HEAD}<dimension ref="A1:AD2000000"/><sheetData><row r="1">'
        '<c r="A1" t="inlineStr"><is><t>Name</t></is></c></row></sheetData></worksheet>'
    )
    with _refused("2,000,000 rows"):
        _import(replaced_part(workbook, _touchpoints_part(workbook), xml))


def test_a_sheet_with_rows_far_down_is_refused_without_reading_them_all() -> None:
    data = typed_workbook([["Name", "Phase"], ["A", "B"]])
    xml = (
        f'{SHEET_HEAD}<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>Phase</t></is></c></row>'
        '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row>'
        "</sheetData></worksheet>"
    )
    with _refused("rows"):
        _import(replaced_part(data, "xl/worksheets/sheet1.xml", xml))


def test_a_very_wide_sheet_is_read_only_as_far_as_needed() -> None:
    data = typed_workbook([["Name", "Phase"], ["A", "B"]])
    xml = (
        f'{SHEET_HEAD}<dimension ref="A1:XFD2"/><sheetData><row r="1">'
        '<c r="A1" t="inlineStr"><is><t>Name</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>Phase</t></is></c>'
        '<c r="XFD1" t="inlineStr"><is><t>far</t></is></c></row><row r="2">'
        '<c r="A2" t="inlineStr"><is><t>Web</t></is></c>'
        '<c r="B2" t="inlineStr"><is><t>One</t></is></c></row></sheetData></worksheet>'
    )
    start = time.perf_counter()
    result = import_workbook_bytes(replaced_part(data, "xl/worksheets/sheet1.xml", xml), SOURCE)
    assert [tp.name for tp in result.journey.touchpoints()] == ["Web"]
    assert time.perf_counter() - start < SECONDS


def test_a_sheet_declaring_a_wrong_small_size_is_still_read_whole() -> None:
    data = typed_workbook([["Name", "Phase"], ["A", "B"], ["C", "D"]])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    xml, replaced = re.subn(r'<dimension ref="A1:B3"\s*/>', '<dimension ref="A1"/>', xml)
    assert replaced == 1
    result = import_workbook_bytes(replaced_part(data, "xl/worksheets/sheet1.xml", xml), SOURCE)
    assert [tp.name for tp in result.journey.touchpoints()] == ["A", "C"]


def test_deflate_data_that_lies_about_its_size_is_cut_at_the_declared_size() -> None:
    """zipfile stops a part at its declared size; the rest is refused as damage."""
    name = b"xl/workbook.xml"
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = packer.compress(b"<" * 50_000_000) + packer.flush()
    crc = zlib.crc32(b"<workbook/>")
    local = struct.pack(
        "<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, 0, 0, crc, len(packed), 11, len(name), 0
    )
    central = struct.pack(
        "<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 8, 0, 0, crc, len(packed), 11, len(name),
        0, 0, 0, 0, 0, 0,
    )  # fmt: skip
    types = zip_bytes({"[Content_Types].xml": "<Types/>"})
    with zipfile.ZipFile(io.BytesIO(types)) as archive:
        types_info = archive.infolist()[0]
    # one archive: the content types part first, then the lying part
    body = types[: types.find(b"PK\x01\x02")]
    offset = len(body)
    types_central = types[types.find(b"PK\x01\x02") : types.find(b"PK\x05\x06")]
    central = central[:42] + struct.pack("<L", offset) + name
    directory = types_central + central
    start_of_directory = offset + len(local) + len(name) + len(packed)
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 2, 2, len(directory), start_of_directory, 0)
    data = body + local + name + packed + directory + end
    assert types_info.filename == "[Content_Types].xml"
    with _refused("damaged"):
        _import(data)


def test_a_sheet_declaring_too_many_cells_is_refused(workbook: bytes) -> None:
    from tpmapper.files.workbook_guard import MAX_CELLS, MAX_COLUMNS

    rows = MAX_CELLS // MAX_COLUMNS + 10
    xml = (
        f'{SHEET_HEAD}<dimension ref="A1:CV{rows}"/><sheetData><row r="1">'
        '<c r="A1" t="inlineStr"><is><t>Name</t></is></c></row></sheetData></worksheet>'
    )
    journey = "xl/worksheets/sheet3.xml"  # may hold many rows (links), but not this wide
    with zipfile.ZipFile(io.BytesIO(workbook)) as archive:
        assert b"<t>From</t>" in archive.read(journey)
    with _refused("cells"):
        _import(replaced_part(workbook, journey, xml))
