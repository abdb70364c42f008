"""Input that is not a plain file, names that would break a message, and workbook cells a
person's words must describe: each refused in one printable sentence, none hanging."""

from __future__ import annotations

import contextlib
import datetime
import os
import re
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.files.excel_support import replaced_part, sheet_parts, typed_workbook
from tests.files.maps import minimal_map
from tpmapper.files import MapFileError, dumps, load
from tpmapper.files.errors import MapFileError as ErrorsMapFileError
from tpmapper.files.excel_import import WorkbookError, import_workbook, import_workbook_bytes
from tpmapper.files.workbook_formulas import FORMULA_WITHOUT_RESULT, uncached_formulas

# ---------------------------------------------------------------------- not a regular file


@contextlib.contextmanager
def released_after(fifo: Path, seconds: float) -> Iterator[None]:
    """Should a reader block on `fifo`, a writer comes along after `seconds` and leaves at
    once, so the reader sees an empty file: the test then fails instead of hanging."""
    done = threading.Event()

    def release() -> None:
        while not done.wait(seconds):
            with contextlib.suppress(OSError):  # ENXIO: nobody is reading
                os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))

    watchdog = threading.Thread(target=release, daemon=True)
    watchdog.start()
    try:
        yield
    finally:
        done.set()
        watchdog.join()


READERS: dict[str, tuple[str, Callable[[Path], object]]] = {
    "tpmap": ("shop.tpmap", load),
    "workbook": ("book.xlsx", import_workbook),
}


@pytest.mark.parametrize("reader", READERS, ids=list(READERS))
def test_a_pipe_is_refused_at_once_not_read(tmp_path: Path, reader: str) -> None:
    name, read = READERS[reader]
    fifo = tmp_path / name
    os.mkfifo(fifo)
    started = time.monotonic()
    with released_after(fifo, 2.0), pytest.raises(MapFileError) as caught:
        read(fifo)
    assert time.monotonic() - started < 2.0
    assert str(caught.value) == f"{fifo}: is not a regular file (a pipe)"


@pytest.mark.parametrize("reader", READERS, ids=list(READERS))
def test_a_link_to_a_pipe_is_refused_too(tmp_path: Path, reader: str) -> None:
    name, read = READERS[reader]
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / name
    link.symlink_to(fifo)
    with released_after(fifo, 2.0), pytest.raises(MapFileError, match=r"\(a pipe\)$"):
        read(link)


@pytest.mark.parametrize("reader", READERS, ids=list(READERS))
def test_a_device_and_a_socket_are_refused(tmp_path: Path, reader: str) -> None:
    _name, read = READERS[reader]
    with pytest.raises(MapFileError) as caught:
        read(Path("/dev/zero"))
    assert str(caught.value) == "/dev/zero: is not a regular file (a device)"
    path = tmp_path / "s"  # a short name: socket paths are limited to ~100 bytes
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        with pytest.raises(MapFileError) as caught:
            read(path)
    assert str(caught.value) == f"{path}: is not a regular file (a socket)"


def test_a_pipe_swapped_in_after_the_check_is_still_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file is checked again once open (opened without blocking), so a pipe put in
    the place of a file between the look and the open does not hang the reader either."""
    from tpmapper.files import reading

    fifo = tmp_path / "shop.tpmap"
    os.mkfifo(fifo)
    plain = tmp_path / "plain.tpmap"
    plain.write_bytes(dumps(minimal_map()))
    regular = os.stat(plain)  # what the first look sees: a regular file
    real_stat = os.stat
    monkeypatch.setattr(
        reading.os, "stat", lambda p, *a, **k: regular if Path(p) == fifo else real_stat(p)
    )
    with released_after(fifo, 2.0), pytest.raises(MapFileError, match=r"\(a pipe\)$"):
        load(fifo)


# ---------------------------------------------------------------------- names in messages


HOSTILE_NAMES = ["shop\nFAKE: all fine.tpmap", "shop\u202epam\u202c.tpmap", "a\x1b[31mred.tpmap"]


@pytest.mark.parametrize("name", HOSTILE_NAMES, ids=["newline", "rtl-override", "escape"])
def test_a_file_name_cannot_break_or_spoof_the_message(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b'{"format": "tpmapper-map", "version": 1}')
    with pytest.raises(MapFileError) as caught:
        load(path)
    message = str(caught.value)
    assert message.isprintable(), message
    assert "\u202e" not in message
    assert message.endswith(": missing required field 'title'")
    assert message.startswith(f"{caught.value.source}: ")
    assert caught.value.source.isprintable()


def test_map_file_error_escapes_source_place_and_reason() -> None:
    error = ErrorsMapFileError("a\nb.tpmap", "'x\u202ey' is wrong", "touchpoints[0].\u2028")
    assert str(error) == "a\\nb.tpmap: touchpoints[0].\\u2028: 'x\\u202ey' is wrong"
    assert (error.source, error.place, error.reason) == (
        "a\\nb.tpmap",
        "touchpoints[0].\\u2028",
        "'x\\u202ey' is wrong",
    )


def test_a_sheet_name_cannot_break_the_message() -> None:
    rows = [["Name", "Phase", "Customer rating"], ["Ad", "Aware", 9]]
    with pytest.raises(WorkbookError) as caught:
        import_workbook_bytes(typed_workbook(rows, "Q1\u202elpan"), "book\n.xlsx")
    assert str(caught.value) == (
        "book\\n.xlsx: 'Q1\\u202elpan'!C2: Customer rating: 9 is outside 1–5"
    )
    assert caught.value.problems == ["'Q1\\u202elpan'!C2: Customer rating: 9 is outside 1–5"]


def test_a_quoted_cell_value_cannot_break_the_message() -> None:
    rows = [["Name", "Phase", "Channel", "Influenceable"], ["Ad", "Aware", "", "maybe\u202eon"]]
    with pytest.raises(WorkbookError) as caught:
        import_workbook_bytes(typed_workbook(rows), "book.xlsx")
    assert caught.value.problems == [
        "Tabelle1!D2: Influenceable: 'maybe\\u202eon' is neither yes nor no (write yes or no, "
        "ja or nein)"
    ]


def test_a_note_about_an_unknown_column_is_printable() -> None:
    rows = [["Name", "Phase", "Evil\u202eheader"], ["Ad", "Aware", "x"]]
    result = import_workbook_bytes(typed_workbook(rows), "book.xlsx")
    assert result.problems == [
        "Tabelle1!C1: the column 'Evil\\u202eheader' is not one tpmapper knows; it was ignored"
    ]


# ---------------------------------------------------------------------- cells in user words


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (datetime.datetime(2026, 5, 9, 8, 30), "a date and time"),
        (datetime.date(2026, 5, 9), "a date and time"),  # a date cell reads as midnight
        (datetime.time(8, 30), "a time of day"),
    ],
)
def test_a_date_where_a_number_belongs_is_named_in_user_words(value: object, words: str) -> None:
    rows = [["Name", "Phase", "Customer rating"], ["Ad", "Aware", value]]
    with pytest.raises(WorkbookError) as caught:
        import_workbook_bytes(typed_workbook(rows), "book.xlsx")
    assert caught.value.problems == [
        f"Tabelle1!C2: Customer rating: expected a number, got {words}"
    ]
    assert "datetime" not in str(caught.value)


# ---------------------------------------------------------------------- formulas


def _script_workbook() -> bytes:
    """A workbook as a script writes it: openpyxl stores formulas without their results."""
    rows = [
        ["Name", "Phase", "Customer rating", "Owner"],
        ["Ad", "Aware", "=1+2", '="Mark"&"eting"'],
        ["Web", "Aware", 4, "Team"],
    ]
    return typed_workbook(rows, "Touchpoints")


def test_formulas_without_a_saved_result_are_refused_by_cell() -> None:
    with pytest.raises(WorkbookError) as caught:
        import_workbook_bytes(_script_workbook(), "script.xlsx")
    assert caught.value.problems == [
        f"Touchpoints!C2: {FORMULA_WITHOUT_RESULT}",
        f"Touchpoints!D2: {FORMULA_WITHOUT_RESULT}",
    ]
    assert str(caught.value) == (
        "script.xlsx: Touchpoints!C2: a formula without a saved result; open and save the "
        "workbook in Excel or LibreOffice first (and 1 more problem)"
    )


def _with_sheet_xml(data: bytes, change: Callable[[str], str]) -> bytes:
    xml = sheet_parts(data)["Touchpoints"]
    changed = change(xml)
    assert changed != xml
    return replaced_part(data, "xl/worksheets/sheet1.xml", changed)


def test_formulas_with_a_saved_result_import_that_result() -> None:
    def cached(xml: str) -> str:
        xml = xml.replace('<c r="C2"><f>1+2</f><v /></c>', '<c r="C2"><f>1+2</f><v>3</v></c>')
        return re.sub(
            r'<c r="D2"><f>(.*?)</f><v /></c>',
            r'<c r="D2" t="str"><f>\1</f><v>Marketing</v></c>',
            xml,
        )

    result = import_workbook_bytes(_with_sheet_xml(_script_workbook(), cached), "saved.xlsx")
    ad = result.journey.touchpoints()[0]
    assert (ad.customer_rating, ad.owner) == (3, "Marketing")


def test_a_text_formula_whose_saved_result_is_empty_is_not_refused() -> None:
    def cached(xml: str) -> str:
        xml = xml.replace('<c r="C2"><f>1+2</f><v /></c>', '<c r="C2"><f>1+2</f><v>3</v></c>')
        return re.sub(
            r'<c r="D2"><f>(.*?)</f><v /></c>', r'<c r="D2" t="str"><f>\1</f><v></v></c>', xml
        )

    result = import_workbook_bytes(_with_sheet_xml(_script_workbook(), cached), "saved.xlsx")
    assert result.journey.touchpoints()[0].owner == ""


def test_a_shared_formula_without_a_result_is_refused_too() -> None:
    def shared(xml: str) -> str:
        xml = xml.replace('<c r="C2"><f>1+2</f><v /></c>', '<c r="C2"><f>1+2</f><v>3</v></c>')
        xml = re.sub(r'<c r="D2"><f>(.*?)</f><v /></c>', r'<c r="D2"><v>1</v></c>', xml)
        return xml.replace('<c r="C3" t="n"><v>4</v></c>', '<c r="C3"><f t="shared" si="0"/></c>')

    with pytest.raises(WorkbookError) as caught:
        import_workbook_bytes(_with_sheet_xml(_script_workbook(), shared), "script.xlsx")
    assert caught.value.problems == [f"Touchpoints!C3: {FORMULA_WITHOUT_RESULT}"]


def test_finding_formulas_follows_cells_without_references_and_prefixes() -> None:
    xml = (
        b'<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b"<x:sheetData><x:row><x:c><x:v>1</x:v></x:c><x:c><x:f>A1</x:f></x:c></x:row>"
        b'<x:row r="5"><x:c r="C5"><x:f>A1</x:f><x:v>2</x:v></x:c><x:c><x:f>B1</x:f><x:v/></x:c>'
        b'</x:row><x:row><x:c r="AA6" t="str"><x:f>""</x:f><x:v/></x:c></x:row>'
        b"</x:sheetData></x:worksheet>"
    )
    assert uncached_formulas(xml, rows=100, columns=100) == [(1, 2), (5, 4)]
    assert uncached_formulas(xml, rows=1, columns=100) == [(1, 2)]
    assert uncached_formulas(xml, rows=100, columns=3) == [(1, 2)]
    assert uncached_formulas(b"<worksheet><fill/><font/></worksheet>", 10, 10) == []


def test_our_own_workbook_holds_no_formula_and_imports() -> None:
    from tpmapper.files.excel_export import workbook_bytes

    data = workbook_bytes(minimal_map())
    for xml in sheet_parts(data).values():
        assert uncached_formulas(xml.encode(), 10**6, 100) == []
    assert import_workbook_bytes(data, "map.xlsx").journey == minimal_map()


def test_a_formula_under_a_prefix_of_its_own_is_found_too() -> None:
    """Formulas are looked for only in sheets whose XML holds a formula tag, counted while
    the sheet is checked: a prefix declared on the cell, not the sheet, is no hiding place."""

    def prefixed(xml: str) -> str:
        main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        xml = xml.replace(
            '<c r="C2"><f>1+2</f><v /></c>', f'<c r="C2"><x:f xmlns:x="{main}">1+2</x:f><v /></c>'
        )
        return re.sub(r'<c r="D2"><f>(.*?)</f><v /></c>', r'<c r="D2"><v>1</v></c>', xml)

    with pytest.raises(WorkbookError) as caught:
        import_workbook_bytes(_with_sheet_xml(_script_workbook(), prefixed), "script.xlsx")
    assert caught.value.problems == [f"Touchpoints!C2: {FORMULA_WITHOUT_RESULT}"]
