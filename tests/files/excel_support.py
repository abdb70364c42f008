"""Helpers for the Excel and CSV tests (no test functions here)."""

from __future__ import annotations

import io
import random
import re
import warnings
import zipfile
from collections.abc import Callable, Iterable
from typing import Any

from tpmapper.files.excel_export import workbook_bytes
from tpmapper.files.excel_import import ImportResult, import_workbook_bytes
from tpmapper.model import (
    Channel,
    Directness,
    JourneyMap,
    Lane,
    LaneKind,
    Link,
    Medium,
    Moment,
    Ownership,
    Persona,
    Phase,
    Touchpoint,
)

MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def round_trip(journey: JourneyMap, language: str = "en") -> ImportResult:
    return import_workbook_bytes(workbook_bytes(journey, language=language), "map.xlsx")


def differences(expected: JourneyMap, actual: JourneyMap) -> list[str]:
    """Readable differences between two maps' snapshots (empty when equal)."""
    found = []
    names = ("title", "description", "personas", "phases", "lanes", "touchpoints", "links", "views")
    for name, a, b in zip(names, expected.snapshot(), actual.snapshot(), strict=True):
        if a == b:
            continue
        if isinstance(a, tuple) and len(a) == len(b):
            found += [f"{name}: {x!r} != {y!r}" for x, y in zip(a, b, strict=True) if x != y]
        else:
            found.append(f"{name}: {a!r} != {b!r}")
    return found


def load_book(data: bytes, **options: Any) -> Any:
    """An openpyxl workbook in normal mode (warnings about dropped extensions muted)."""
    from openpyxl import load_workbook

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return load_workbook(io.BytesIO(data), **options)


def save_book(book: Any) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def edited(data: bytes, edit: Callable[[Any], None]) -> bytes:
    """The workbook after `edit(book)`, saved again by openpyxl (as a person's edit)."""
    book = load_book(data)
    edit(book)
    return save_book(book)


def column_of(sheet: Any, header: str) -> int:
    """The 1-based column whose row-1 header is `header`."""
    for cell in sheet[1]:
        if cell.value == header:
            return cell.column
    raise KeyError(header)


def row_of(sheet: Any, name: str) -> int:
    """The row whose column A holds `name`."""
    for row in sheet.iter_rows(min_col=1, max_col=1):
        if row[0].value == name:
            return row[0].row
    raise KeyError(name)


def typed_workbook(rows: Iterable[Iterable[Any]], title: str = "Tabelle1") -> bytes:
    """A one-sheet workbook as a person would type it."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(list(row))
    return save_book(book)


def sheet_parts(data: bytes) -> dict[str, str]:
    """Each sheet's title → its XML text."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        workbook = archive.read("xl/workbook.xml").decode()
        rels = archive.read("xl/_rels/workbook.xml.rels").decode()
        targets = dict(re.findall(r'Id="([^"]+)"[^>]*?Target="([^"]+)"', rels))
        targets |= {i: t for t, i in re.findall(r'Target="([^"]+)"[^>]*?Id="([^"]+)"', rels)}
        result = {}
        for title, rid in re.findall(r'<sheet [^>]*?name="([^"]+)"[^>]*?r:id="([^"]+)"', workbook):
            target = targets[rid].lstrip("/")
            path = target if target.startswith("xl/") else "xl/" + target
            result[title] = archive.read(path).decode()
        return result


def zip_bytes(parts: dict[str, bytes | str], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return out.getvalue()


def replaced_part(data: bytes, name: str, content: bytes | str) -> bytes:
    """The workbook with one part's content replaced."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts: dict[str, bytes | str] = {i.filename: archive.read(i) for i in archive.infolist()}
    parts[name] = content
    return zip_bytes(parts)


def tricky_map(touchpoints: int = 60, seed: int = 7) -> JourneyMap:
    """A generated map whose values probe the exchange: None next to 0, empty lists,
    unicode, line breaks, carriage returns, quotes and semicolons in lists, leading and
    trailing spaces, text that looks like a formula or an Excel escape, duplicate names."""
    rng = random.Random(seed)
    journey = JourneyMap("  Tricky: =SUM(A1) ; «ü» \r\n 🚀 ", "Line\r\nbreak _x0041_ and &<>\"'")
    journey.personas.insert(Persona("p1", "=Persona; with semicolon", "@mention"))
    journey.personas.insert(Persona("p2", '"Quoted" persona'))
    journey.personas.insert(Persona("p3", "Same name"))
    journey.personas.insert(Persona("p4", "Same name", "a twin"))
    journey.phases.insert(Phase("ph1", "Phase ä", "#123456", "+plus"))
    journey.phases.insert(Phase("ph2", "Twin", "#abcdef"))
    journey.phases.insert(Phase("ph3", "Twin", "#000000", "-minus"))
    journey.phases.insert(Phase("ph4", " Spaced ", "#ffffff"))
    journey.lanes.insert(Lane("l1", "Lane =1", LaneKind.ACTOR))
    journey.lanes.insert(Lane("l2", "#N/A", LaneKind.BLUEPRINT_LAYER, "\tTab first"))
    journey.lanes.insert(Lane("l3", "Lane =1", LaneKind.OTHER))
    texts = [
        "",
        "plain",
        " leading and trailing ",
        '=HYPERLINK("http://x","y")',
        "+49 30 1234",
        "-minus",
        "@at",
        "\tTab",
        "#DIV/0!",
        "Zeile 1\nZeile 2\r\nZeile 3\rEnde",
        "_x000D_ literal and _x0041_",
        "<b>&amp;</b> \"q\" 'a'",
        "emoji 😀 and ä ö ü ß €",
        "ends with newline\n",
    ]
    items = ["a", "b; c", '"quoted"', " spaced ", "x,y", "=f", "ü"]
    phases, lanes = ["ph1", "ph2", "ph3", "ph4"], ["l1", "l2", "l3"]
    ids = []
    for index in range(touchpoints):

        def maybe(value: Any, rng: random.Random = rng) -> Any:
            return value if rng.random() < 0.6 else None

        tp = Touchpoint(
            id=f"t{index}",
            name=rng.choice([t for t in texts if t.strip()]) + f" {index % 7}",
            phase=rng.choice(phases),
            lane=rng.choice(lanes),
            description=rng.choice(texts),
            channel=maybe(rng.choice(list(Channel))),
            channel_detail=rng.choice(texts),
            ownership=maybe(rng.choice(list(Ownership))),
            directness=maybe(rng.choice(list(Directness))),
            influenceable=maybe(rng.random() < 0.5),
            medium=maybe(rng.choice(list(Medium))),
            owner=rng.choice(texts),
            customer_rating=maybe(rng.randint(1, 5)),
            company_rating=maybe(rng.randint(1, 5)),
            importance=maybe(rng.randint(1, 5)),
            moment=maybe(rng.choice(list(Moment))),
            moment_reason=rng.choice(texts),
            conversion_rate=maybe(rng.choice([0.0, 1.0, 0.1 + 0.2, 1 / 3, 0.25])),
            satisfaction=maybe(rng.choice([0.0, 0.5, 2 / 3])),
            roi=maybe(rng.choice([0.0, -0.0, -1.5, 1e-9, 123456789.125, 1 / 7])),
            cost=maybe(rng.choice([0.0, 0.01, 1e15, 12500.5])),
            reach=maybe(rng.choice([0, 1, 10**12])),
            feedback_sources=tuple(rng.sample(items, rng.randint(0, 3))),
            improvement_idea=rng.choice(texts),
            personas=tuple(rng.sample(["p1", "p2", "p3", "p4"], rng.randint(0, 3))),
            tags=tuple(rng.sample(items, rng.randint(0, 4))),
            notes=rng.choice(texts),
        )
        journey.insert_touchpoint(tp)
        ids.append(tp.id)
    made = set()
    for _ in range(touchpoints):
        source, target = rng.choice(ids), rng.choice(ids)
        if (source, target) in made:
            continue
        made.add((source, target))
        label = rng.choice(["", "=next", "step; two", "Schritt ü"])
        journey.insert_link(Link(source, target, label, rng.choice([None, 0.0, 0.5, 1 / 3])))
    return journey


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
    'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
)
_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_RELS = (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{_RELS}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_WORKBOOK = (
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    f'xmlns:r="{_RELS}"><sheets><sheet name="Tabelle1" sheetId="1" r:id="rId1"/></sheets>'
    "</workbook>"
)
_WORKBOOK_RELS = (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{_RELS}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_RELS}/sharedStrings" Target="sharedStrings.xml"/>'
    "</Relationships>"
)
SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def shared_strings_workbook(rows: list[list[str]]) -> tuple[bytes, str, str]:
    """A one-sheet workbook written by hand the way Excel writes text: every string in
    the shared strings part. Returns the bytes, the sheet's XML and the strings' XML."""
    from xml.sax.saxutils import escape

    strings: list[str] = []
    cells = []
    for r, row in enumerate(rows, 1):
        refs = []
        for c, text in enumerate(row):
            if text not in strings:
                strings.append(text)
            refs.append(f'<c r="{chr(65 + c)}{r}" t="s"><v>{strings.index(text)}</v></c>')
        cells.append(f'<row r="{r}">{"".join(refs)}</row>')
    sheet = f'<worksheet xmlns="{SHEET_NS}"><sheetData>{"".join(cells)}</sheetData></worksheet>'
    items = "".join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in strings)
    shared = f'<sst xmlns="{SHEET_NS}" count="{len(strings)}">{items}</sst>'
    data = zip_bytes(
        {
            "[Content_Types].xml": _CONTENT_TYPES,
            "_rels/.rels": _PACKAGE_RELS,
            "xl/workbook.xml": _WORKBOOK,
            "xl/_rels/workbook.xml.rels": _WORKBOOK_RELS,
            "xl/worksheets/sheet1.xml": sheet,
            "xl/sharedStrings.xml": shared,
        }
    )
    return data, sheet, shared
