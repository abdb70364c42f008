"""The Findings sheet: one row per finding and touchpoint, in English and German, read
from `analyze()`; frozen, filtered, never a formula; ignored by the import."""

from __future__ import annotations

import re

import pytest

from tests.files.excel_support import differences, edited, load_book, round_trip, sheet_parts
from tests.files.maps import every_field_map, findings_map, minimal_map
from tpmapper.analysis import analyze
from tpmapper.files.excel_export import workbook_bytes
from tpmapper.files.excel_findings import FINDING_COLUMNS, KINDS, finding_rows
from tpmapper.files.excel_import import import_workbook_bytes
from tpmapper.files.templates import sample_path
from tpmapper.files.tpmap import load
from tpmapper.model import JourneyMap, Lane, Phase, Touchpoint

ENGLISH = [
    ("weak spot", "Shop", "Kauf", "E-Commerce", "customer rating 2"),
    ("weak spot", "Beschwerde", "Kauf", None, "marked as pain point"),
    ("blind spot", "Shop", "Kauf", "E-Commerce", "company 5, customer 2 (gap +3)"),
    ("blind spot", "Service", "Nachher", "Service-Team", "company 2, customer 4 (gap -2)"),
    ("dead end", "Beschwerde", "Kauf", None, "reached, but leads nowhere"),
    ("entry", "Anzeige", "Vorher", "Marketing", "journeys start here"),
    ("entry", "Suchmaschine", "Vorher", "Marketing", "journeys start here"),
    ("orphan", "Brief", "Nachher", "Vertrieb", "no link to or from another touchpoint"),
    ("loop", "Service", "Nachher", "Service-Team", "loop 1"),
    ("loop", "Newsletter", "Nachher", "Marketing", "loop 1"),
    (
        "bottleneck",
        "Shop",
        "Kauf",
        "E-Commerce",
        "every journey from the first to the last phase passes here",
    ),
    ("without owner", "Beschwerde", "Kauf", None, "nobody is responsible"),
    ("empty cell", None, "Vorher", None, "no touchpoint in lane Persönlich"),
    (
        "uninfluenceable phase",
        None,
        "Vorher",
        None,
        "no touchpoint of phase Vorher can be influenced",
    ),
    ("priority", "Shop", "Kauf", "E-Commerce", "score 15"),
    ("priority", "Anzeige", "Vorher", "Marketing", "score 2"),
]

GERMAN = [
    ("Schwachstelle", "Shop", "Kauf", "E-Commerce", "Kundensicht 2"),
    ("Schwachstelle", "Beschwerde", "Kauf", None, "als Schwachstelle markiert"),
    (
        "blinder Fleck",
        "Shop",
        "Kauf",
        "E-Commerce",
        "Unternehmenssicht 5, Kundensicht 2 (Lücke +3)",
    ),
    (
        "blinder Fleck",
        "Service",
        "Nachher",
        "Service-Team",
        "Unternehmenssicht 2, Kundensicht 4 (Lücke -2)",
    ),
    ("Sackgasse", "Beschwerde", "Kauf", None, "wird erreicht, führt aber nicht weiter"),
    ("Einstieg", "Anzeige", "Vorher", "Marketing", "hier beginnen Journeys"),
    ("Einstieg", "Suchmaschine", "Vorher", "Marketing", "hier beginnen Journeys"),
    ("ohne Verbindung", "Brief", "Nachher", "Vertrieb", "keine Verbindung zu anderen Touchpoints"),
    ("Schleife", "Service", "Nachher", "Service-Team", "Schleife 1"),
    ("Schleife", "Newsletter", "Nachher", "Marketing", "Schleife 1"),
    (
        "Engpass",
        "Shop",
        "Kauf",
        "E-Commerce",
        "jede Journey von der ersten zur letzten Phase führt hier durch",
    ),
    ("ohne Verantwortliche(n)", "Beschwerde", "Kauf", None, "niemand ist verantwortlich"),
    ("leere Zelle", None, "Vorher", None, "kein Touchpoint in der Swimlane Persönlich"),
    (
        "nicht beeinflussbare Phase",
        None,
        "Vorher",
        None,
        "kein Touchpoint der Phase Vorher ist beeinflussbar",
    ),
    ("Priorität", "Shop", "Kauf", "E-Commerce", "Punktzahl 15"),
    ("Priorität", "Anzeige", "Vorher", "Marketing", "Punktzahl 2"),
]


def _rows(sheet) -> list[tuple]:
    return list(sheet.iter_rows(values_only=True))


def test_the_hand_built_map_has_one_of_each_kind_of_finding() -> None:
    findings = analyze(findings_map())
    for kind in KINDS:
        assert getattr(findings, kind), kind
    assert {row[0] for row in ENGLISH} == {english for english, _german in KINDS.values()}
    assert {row[0] for row in GERMAN} == {german for _english, german in KINDS.values()}


@pytest.mark.parametrize(
    ("language", "sheet", "header", "expected"),
    [
        ("en", "Findings", ("Kind", "Touchpoint", "Phase", "Owner", "Detail"), ENGLISH),
        (
            "de",
            "Befunde",
            ("Art", "Touchpoint", "Phase", "Verantwortliche(r)", "Detail"),
            GERMAN,
        ),
    ],
)
def test_findings_sheet_lists_each_finding_and_touchpoint(
    language: str, sheet: str, header: tuple, expected: list[tuple]
) -> None:
    journey = findings_map()
    book = load_book(workbook_bytes(journey, language=language))
    rows = _rows(book[sheet])
    assert rows[0] == header
    assert rows[1:] == expected
    assert [tuple(row) for row in finding_rows(journey, analyze(journey), language)] == expected


def test_findings_sheet_follows_the_sheets_order_and_language() -> None:
    journey = findings_map()
    english = load_book(workbook_bytes(journey)).sheetnames
    german = load_book(workbook_bytes(journey, language="de")).sheetnames
    assert english[english.index("Summary") + 1] == "Findings"
    assert german[german.index("Übersicht") + 1] == "Befunde"
    assert german[-2:] == ["Info", "Listen"]


def test_findings_sheet_has_a_frozen_header_a_filter_and_widths() -> None:
    from openpyxl.utils import get_column_letter

    journey = findings_map()
    sheet = load_book(workbook_bytes(journey))["Findings"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:E{len(ENGLISH) + 1}"
    assert sheet.max_row == len(ENGLISH) + 1
    for index, column in enumerate(FINDING_COLUMNS, 1):
        assert sheet.column_dimensions[get_column_letter(index)].width == column.width
    assert all(cell.font.b for cell in sheet[1])
    parts = sheet_parts(workbook_bytes(journey))
    assert f'<dimension ref="A1:E{len(ENGLISH) + 1}"/>' in parts["Findings"]


def test_a_map_without_findings_has_only_the_header() -> None:
    journey = JourneyMap("Nothing to find")
    sheet = load_book(workbook_bytes(journey))["Findings"]
    assert _rows(sheet) == [("Kind", "Touchpoint", "Phase", "Owner", "Detail")]
    assert sheet.auto_filter.ref == "A1:E1"


def test_every_loop_is_numbered() -> None:
    journey = JourneyMap("Two loops")
    journey.phases.insert(Phase("p", "P"))
    journey.lanes.insert(Lane("l", "L"))
    for tid in "abcd":
        journey.insert_touchpoint(Touchpoint(tid, tid.upper(), "p", "l", owner="x"))
    from tpmapper.model import Link

    for source, target in (("a", "b"), ("b", "a"), ("c", "d"), ("d", "c")):
        journey.insert_link(Link(source, target))
    rows = finding_rows(journey, analyze(journey))
    loops = [(row[1], row[4]) for row in rows if row[0] == "loop"]
    assert loops == [("A", "loop 1"), ("B", "loop 1"), ("C", "loop 2"), ("D", "loop 2")]


def test_a_long_lane_name_is_shortened_in_the_detail_only() -> None:
    journey = JourneyMap("Long")
    journey.phases.insert(Phase("p", "P" * 5000))
    journey.lanes.insert(Lane("l", "L" * 30_000))
    journey.lanes.insert(Lane("m", "M"))
    journey.insert_touchpoint(Touchpoint("t", "T", "p", "m", owner="x", influenceable=True))
    rows = _rows(load_book(workbook_bytes(journey))["Findings"])
    empty = next(row for row in rows if row[0] == "empty cell")
    assert empty[2] == "P" * 5000
    assert len(empty[4]) < 300
    assert empty[4].endswith("…")


def test_the_sample_map_findings_match_the_analysis() -> None:
    journey = load(sample_path())
    findings = analyze(journey)
    rows = _rows(load_book(workbook_bytes(journey))["Findings"])[1:]
    names = {tp.id: tp.name for tp in journey.touchpoints()}
    english = {field: words[0] for field, words in KINDS.items()}
    for field in ("weak_spots", "dead_ends", "entries", "orphans", "bottlenecks", "unowned"):
        listed = [row[1] for row in rows if row[0] == english[field]]
        assert listed == [names[tid] for tid in getattr(findings, field)], field
    blind = [row[1] for row in rows if row[0] == "blind spot"]
    assert blind == [names[spot.id] for spot in findings.blind_spots]
    scores = [(row[1], row[4]) for row in rows if row[0] == "priority"]
    assert scores == [(names[p.id], f"score {p.score}") for p in findings.priorities]


# ---------------------------------------------------------------------- safety and import

HOSTILE = '=HYPERLINK("http://x","y")'


def test_a_touchpoint_named_like_a_formula_is_text_in_the_findings_sheet() -> None:
    journey = JourneyMap("Hostile")
    journey.phases.insert(Phase("p", "=Phase()"))
    journey.phases.insert(Phase("q", "#N/A"))
    journey.lanes.insert(Lane("l", "@Lane"))
    journey.lanes.insert(Lane("m", "+Lane"))
    journey.insert_touchpoint(Touchpoint("t", HOSTILE, "p", "l", customer_rating=1))
    journey.insert_touchpoint(
        Touchpoint("u", "-1+1", "q", "l", owner="=cmd|' /C calc'!A0", importance=5)
    )
    journey.replace_touchpoint(journey.touchpoint("u").with_changes(customer_rating=1))
    for language, title in (("en", "Findings"), ("de", "Befunde")):
        data = workbook_bytes(journey, language=language)
        xml = sheet_parts(data)[title]
        assert not re.search(r"<f[ >]", xml)
        assert 't="e"' not in xml
        sheet = load_book(data)[title]
        texts = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
        assert all(cell.data_type == "s" for cell in texts)
        values = {cell.value for cell in texts}
        assert {HOSTILE, "-1+1", "=cmd|' /C calc'!A0", "=Phase()", "#N/A"} <= values
    assert round_trip(journey).journey == journey


@pytest.mark.parametrize("language", ["en", "de"])
def test_an_exported_workbook_still_round_trips(language: str) -> None:
    for journey in (findings_map(), every_field_map(), minimal_map(), load(sample_path())):
        assert differences(journey, round_trip(journey, language).journey) == []


def test_the_import_ignores_an_edited_findings_sheet() -> None:
    journey = findings_map()

    def scribble(book) -> None:
        sheet = book["Befunde"]
        sheet["A2"] = "=1/0"
        sheet["B2"] = "not a touchpoint"
        sheet.append(["Schwachstelle", "Neu", "Unbekannte Phase", 9, "x"])

    data = edited(workbook_bytes(journey, language="de"), scribble)
    result = import_workbook_bytes(data, "map.xlsx")
    assert differences(journey, result.journey) == []
    assert result.problems == []
