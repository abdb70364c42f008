"""LibreOffice Calc reads our workbooks, and a workbook LibreOffice saved imports again.

These tests need `soffice` (CI installs LibreOffice Calc). Without it they fail with a
message saying so, rather than being skipped unseen. Two soffice runs, a few seconds each.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.files.excel_support import column_of, differences, edited, row_of
from tests.files.maps import every_field_map
from tpmapper.files.excel_export import export_workbook, workbook_bytes
from tpmapper.files.excel_import import import_workbook
from tpmapper.files.templates import sample_path
from tpmapper.files.tpmap import load

TIMEOUT = 120
# Text CSV filter: comma, double quote, UTF-8 (76), from row 1, …, and the last token
# picks the sheet (2 = Touchpoints; LibreOffice 7.2 and later).
CSV_OF_TOUCHPOINTS = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,2"


@pytest.fixture(scope="module")
def soffice(tmp_path_factory: pytest.TempPathFactory):
    """Runs soffice headless with a private profile, so parallel runs don't clash."""
    program = shutil.which("soffice") or shutil.which("libreoffice")
    if program is None:
        pytest.fail(
            "LibreOffice is not installed (no 'soffice' on PATH); these tests need it: "
            "install LibreOffice Calc (e.g. apt-get install libreoffice-calc-nogui)"
        )
    profile = tmp_path_factory.mktemp("lo-profile")

    def run(source: Path, target_filter: str, out: Path) -> Path:
        out.mkdir(exist_ok=True)
        command = [
            program,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            target_filter,
            "--outdir",
            str(out),
            str(source),
        ]
        done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT)
        produced = sorted(p for p in out.iterdir() if p.is_file())
        assert done.returncode == 0, done.stderr
        assert produced, f"soffice wrote nothing: {done.stdout} {done.stderr}"
        return produced[0]

    return run


def test_libreoffice_reads_every_touchpoint(tmp_path: Path, soffice) -> None:
    journey = load(sample_path())
    workbook = tmp_path / "sample.xlsx"
    export_workbook(journey, workbook)
    converted = soffice(workbook, CSV_OF_TOUCHPOINTS, tmp_path / "csv")
    assert converted.name == "sample-Touchpoints.csv"
    with converted.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream))
    assert rows[0][:3] == ["Name", "Phase", "Lane"]
    assert [row[0] for row in rows[1:]] == [tp.name for tp in journey.touchpoints()]
    ids = rows[0].index("ID")
    assert [row[ids] for row in rows[1:]] == [tp.id for tp in journey.touchpoints()]


def test_a_workbook_saved_by_libreoffice_imports_with_exactly_the_edit(
    tmp_path: Path, soffice
) -> None:
    journey = every_field_map()
    cart = journey.touchpoint("tp-cart")

    def edit(book) -> None:
        sheet = book["Touchpoints"]
        sheet.cell(row_of(sheet, cart.name), column_of(sheet, "Customer rating"), 4)

    source = tmp_path / "edited.xlsx"
    source.write_bytes(edited(workbook_bytes(journey), edit))
    resaved = soffice(source, "xlsx", tmp_path / "resaved")
    assert resaved.read_bytes() != source.read_bytes()  # LibreOffice wrote it anew
    result = import_workbook(resaved)
    journey.replace_touchpoint(cart.with_changes(customer_rating=4))
    assert differences(journey, result.journey) == []


def test_formulas_a_script_wrote_are_refused_until_libreoffice_saves_their_results(
    tmp_path: Path, soffice
) -> None:
    from tests.files.excel_support import typed_workbook
    from tpmapper.files.excel_import import WorkbookError

    rows = [
        ["Name", "Phase", "Customer rating", "Owner"],
        ["Ad", "Aware", "=1+2", '="Mark"&"eting"'],
        ["Web", "Aware", 4, '=""'],  # a formula whose saved result is empty text
    ]
    source = tmp_path / "script.xlsx"
    source.write_bytes(typed_workbook(rows, "Touchpoints"))
    with pytest.raises(WorkbookError) as caught:
        import_workbook(source)
    assert [p.split(":")[0] for p in caught.value.problems] == [
        "Touchpoints!C2",
        "Touchpoints!D2",
        "Touchpoints!D3",
    ]
    resaved = soffice(source, "xlsx", tmp_path / "resaved")
    result = import_workbook(resaved)
    assert [(tp.name, tp.customer_rating, tp.owner) for tp in result.journey.touchpoints()] == [
        ("Ad", 3, "Marketing"),
        ("Web", 4, ""),
    ]


def test_the_sample_workbook_prints_on_at_most_ten_landscape_pages(tmp_path: Path, soffice):
    """Each visible sheet fits the page width in landscape, with its header row repeated:
    LibreOffice printed the sample on 28 pages before."""
    import re
    import zipfile

    workbook = tmp_path / "sample.xlsx"
    export_workbook(load(sample_path()), workbook)
    with zipfile.ZipFile(workbook) as book:
        touchpoints = book.read("xl/worksheets/sheet2.xml").decode("utf-8")
        names = book.read("xl/workbook.xml").decode("utf-8")
    assert '<pageSetUpPr fitToPage="1"' in touchpoints
    assert 'orientation="landscape"' in touchpoints
    assert "_xlnm.Print_Titles" in names
    pdf = soffice(workbook, "pdf", tmp_path / "pdf").read_bytes()
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert 1 <= pages <= 10, f"{pages} pages"
