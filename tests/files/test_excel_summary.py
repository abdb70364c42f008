"""The Summary sheet shows what `analyze()` found (and computes nothing itself); the About
sheet, moved with it into `excel_summary`."""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter

import pytest

from tests.files.excel_support import load_book, sheet_parts
from tests.files.maps import findings_map
from tpmapper.analysis import Findings, analyze
from tpmapper.files.excel_export import workbook_bytes
from tpmapper.files.templates import sample_path
from tpmapper.files.tpmap import load
from tpmapper.model import JourneyMap, Lane, Phase, Touchpoint

FIRST_PHASE_ROW = 5  # title, blank, "Per phase", header


def _rows(sheet) -> list[tuple]:
    return list(sheet.iter_rows(values_only=True))


def _section(rows: list[tuple], title: str) -> list[tuple]:
    """The rows after a section title, up to the next blank row."""
    start = next(i for i, row in enumerate(rows) if row and row[0] == title) + 1
    section = []
    for row in rows[start:]:
        if not any(cell is not None for cell in row):
            break
        section.append(row)
    return section


def _check_summary(journey: JourneyMap, findings: Findings, sheet) -> None:
    rows = _rows(sheet)
    assert rows[0][0] == "Summary"
    assert rows[3][:5] == (
        "Phase",
        "Touchpoints",
        "Avg. customer rating",
        "Avg. company rating",
        "Weak spots",
    )
    weak = Counter(journey.touchpoint(tid).phase for tid in findings.weak_spots)
    per_phase = rows[FIRST_PHASE_ROW - 1 : FIRST_PHASE_ROW - 1 + len(findings.curve)]
    # openpyxl writes a float with 16 significant digits: equal to the analysis' within
    # the last bit
    assert [row[:5] for row in per_phase] == [
        (
            point.name,
            point.touchpoints,
            point.customer if point.customer is None else pytest.approx(point.customer),
            point.company if point.company is None else pytest.approx(point.company),
            weak[point.phase],
        )
        for point in findings.curve
    ]
    for number in range(FIRST_PHASE_ROW, FIRST_PHASE_ROW + len(findings.curve)):
        assert sheet.cell(number, 3).number_format == "0.00"
    total = rows[FIRST_PHASE_ROW - 1 + len(findings.curve)]
    assert total[:5] == ("All phases", findings.touchpoints, None, None, len(findings.weak_spots))
    agreement = _section(rows, "Customers and company judge alike")
    rated, agree = findings.agreement.rated, findings.agreement.agree
    share = findings.agreement.share
    assert agreement[0][:2] == (f"{agree} of {rated} agree", pytest.approx(share))
    gaps = _section(rows, "Largest rating gaps (company minus customer rating)")
    assert gaps[0][:5] == ("Touchpoint", "Phase", "Customer rating", "Company rating", "Gap")
    assert [row[:5] for row in gaps[1:]] == [
        (
            journey.touchpoint(spot.id).name,
            journey.phases[journey.touchpoint(spot.id).phase].name,
            spot.customer,
            spot.company,
            spot.gap,
        )
        for spot in findings.blind_spots[:15]
    ]
    unowned = _section(rows, "Touchpoints without owner")
    names = [journey.touchpoint(tid).name for tid in findings.unowned]
    if names:
        assert [row[0] for row in unowned[1:]] == names
    else:
        assert unowned == [("Every touchpoint has an owner.",) + (None,) * (len(unowned[0]) - 1)]


def test_summary_numbers_are_the_analysis_of_the_sample_map() -> None:
    journey = load(sample_path())
    book = load_book(workbook_bytes(journey))
    _check_summary(journey, analyze(journey), book["Summary"])


def test_summary_numbers_are_the_analysis_of_a_hand_built_map() -> None:
    journey = findings_map()
    findings = analyze(journey)
    sheet = load_book(workbook_bytes(journey))["Summary"]
    _check_summary(journey, findings, sheet)
    rows = _rows(sheet)
    assert [row[:5] for row in rows[4:8]] == [
        ("Vorher", 2, 4, 4, 0),
        ("Kauf", 2, 2, 5, 2),
        ("Nachher", 3, 3.5, 2.5, 0),
        ("All phases", 7, None, None, 2),
    ]
    agreement = _section(rows, "Customers and company judge alike")[0]
    assert agreement[:2] == ("2 of 4 agree", 0.5)
    assert sheet.cell(rows.index(agreement) + 1, 2).number_format == "0%"
    gaps = _section(rows, "Largest rating gaps (company minus customer rating)")
    assert [row[:5] for row in gaps[1:]] == [
        ("Shop", "Kauf", 2, 5, 3),
        ("Service", "Nachher", 4, 2, -2),
    ]
    unowned = _section(rows, "Touchpoints without owner")
    assert [row[:3] for row in unowned] == [
        ("Touchpoint", "Phase", "Lane"),
        ("Beschwerde", "Kauf", "Persönlich"),
    ]


def test_summary_in_german() -> None:
    rows = _rows(load_book(workbook_bytes(findings_map(), language="de"))["Übersicht"])
    assert rows[0][0] == "Übersicht"
    assert rows[3][:5] == (
        "Phase",
        "Touchpoints",
        "Ø Kundensicht",
        "Ø Unternehmenssicht",
        "Schwachstellen",
    )
    assert rows[7][0] == "Alle Phasen"
    agreement = _section(rows, "Kunden und Unternehmen urteilen gleich")
    assert agreement[0][0] == "2 von 4 stimmen überein"
    gaps = _section(rows, "Größte Bewertungslücken (Unternehmenssicht minus Kundensicht)")
    assert gaps[0][:5] == ("Touchpoint", "Phase", "Kundensicht", "Unternehmenssicht", "Lücke")
    assert _section(rows, "Touchpoints ohne Verantwortliche(n)")[1][0] == "Beschwerde"


def test_summary_of_a_map_without_ratings_gaps_or_unowned_touchpoints() -> None:
    journey = JourneyMap("Quiet")
    journey.phases.insert(Phase("p", "Only"))
    journey.lanes.insert(Lane("l", "Lane"))
    journey.insert_touchpoint(Touchpoint("t", "T", "p", "l", owner="Team"))
    rows = _rows(load_book(workbook_bytes(journey))["Summary"])
    assert rows[4][:5] == ("Only", 1, None, None, 0)
    flat = [cell for row in rows for cell in row if cell is not None]
    assert "No touchpoint is rated by both customers and company." in flat
    assert "No blind spots: customers and company rate no touchpoint far apart." in flat
    assert "Every touchpoint has an owner." in flat


def test_the_summary_holds_no_formula_and_the_chart_reads_the_averages() -> None:
    journey = findings_map()
    journey.replace_touchpoint(journey.touchpoint("b").with_changes(name="=SUM(A1)"))
    data = workbook_bytes(journey)
    assert not re.search(r"<f[ >]", sheet_parts(data)["Summary"])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        chart = next(n for n in archive.namelist() if n.startswith("xl/charts/"))
        xml = archive.read(chart).decode()
    assert "'Summary'!C4" in xml  # the series titles: the average headers
    assert "'Summary'!D4" in xml
    assert "'Summary'!$C$5:$C$7" in xml
    assert "'Summary'!$D$5:$D$7" in xml
    assert "'Summary'!$A$5:$A$7" in xml


@pytest.mark.parametrize("language", ["en", "de"])
def test_about_sheet_counts_come_from_the_analysis(language: str) -> None:
    journey = findings_map()
    findings = analyze(journey)
    book = load_book(workbook_bytes(journey, language=language))
    about = {row[0]: row[1] for row in _rows(book["Info" if language == "de" else "About"])}
    links = "Verbindungen" if language == "de" else "Links"
    assert (about["Touchpoints"], about[links]) == (findings.touchpoints, findings.links)
    title = "Titel" if language == "de" else "Title"
    assert about[title] == journey.title
