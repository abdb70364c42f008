"""LibreOffice Calc reads our workbooks, and a workbook LibreOffice saved imports again.

These tests need `soffice` (CI installs LibreOffice Calc) and, to read the printed pages,
`pdftotext` (poppler-utils). Without them they fail with a message saying so, rather than
being skipped unseen. A few soffice runs, a few seconds each.
"""

from __future__ import annotations

import csv
import html
import re
import shutil
import subprocess
from pathlib import Path
from typing import NamedTuple

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


@pytest.fixture(scope="module", params=["en", "de"])
def printed(request: pytest.FixtureRequest, soffice, tmp_path_factory: pytest.TempPathFactory):
    """The sample workbook in one language, and the PDF LibreOffice prints of it."""
    folder = tmp_path_factory.mktemp(f"printed-{request.param}")
    workbook = folder / "sample.xlsx"
    export_workbook(load(sample_path()), workbook, language=request.param)
    return request.param, workbook, soffice(workbook, "pdf", folder / "pdf")


def test_the_sample_workbook_prints_on_at_most_ten_landscape_pages(printed) -> None:
    """Each visible sheet fits the page width in landscape, with its header row repeated:
    LibreOffice printed the sample on 28 pages before."""
    import zipfile

    _language, workbook, pdf = printed
    with zipfile.ZipFile(workbook) as book:
        touchpoints = book.read("xl/worksheets/sheet2.xml").decode("utf-8")
        names = book.read("xl/workbook.xml").decode("utf-8")
    assert '<pageSetUpPr fitToPage="1"' in touchpoints
    assert 'orientation="landscape"' in touchpoints
    assert "_xlnm.Print_Titles" in names
    pages = len(printed_pages(pdf))
    assert 1 <= pages <= 10, f"{pages} pages"


# The first word printed on the pages of the Map, Summary and About sheets.
FIRST_WORDS = {
    "en": {"map": "Online", "summary": "Summary", "about": "About"},
    "de": {"map": "Online", "summary": "Übersicht", "about": "Über"},
}
LEGEND_TITLE = {
    "en": "Legend — cell colour: average customer rating of the cell's touchpoints",
    "de": "Legende — Zellfarbe: Ø Kundensicht der Touchpoints in der Zelle",
}
LEGEND = {
    "en": ["1 very poor", "2 poor", "3 fair", "4 good", "5 very good", "not rated"],
    "de": ["1 sehr schlecht", "2 schlecht", "3 mittel", "4 gut", "5 sehr gut", "nicht bewertet"],
}


def test_the_map_summary_and_about_pages_print_no_text_over_text(printed) -> None:
    """Rows are as tall as their wrapped text: a header over the first data row, or the
    About sheet's guide printing over itself, shows as words on top of each other."""
    language, _workbook, pdf = printed
    pages = sheet_pages(pdf, FIRST_WORDS[language])
    pages["summary"] = left_of_chart(pages["summary"])
    for sheet, words in pages.items():
        assert overlapping(words) == [], f"{sheet} page: words print over each other"
    summary = " ".join(word.text for word in pages["summary"])
    about = " ".join(word.text for word in pages["about"])
    if language == "de":  # the seeds' terms
        assert "Ø Kundensicht" in summary
        assert "Ø Unternehmenssicht" in summary
        assert "Touchpoints ohne Verantwortliche(n)" in summary
    else:
        assert "Avg. customer rating" not in about  # the pages are told apart
    assert "tpmapper workbook 1" in about


def test_the_map_legend_prints_below_the_grid_in_the_lane_column(printed) -> None:
    """The legend reads as a key, not as data: below the grid after a gap, each colour's
    meaning in the first column, left of the first phase's column."""
    language, _workbook, pdf = printed
    words = sheet_pages(pdf, FIRST_WORDS[language])["map"]
    journey = load(sample_path())
    first_phase = next(iter(journey.phases)).name.split()[0]
    phase_left = min(w.left for w in words if w.text == first_phase)
    title = next(w for w in words if w.text in ("Legend", "Legende"))
    heading = [w for w in words if abs(w.top - title.top) < 2]
    above = [w for w in words if w.bottom <= title.top + 1]
    below = [w for w in words if w.top >= title.bottom - 1 and w not in heading]
    assert len(above) + len(heading) + len(below) == len(words)
    assert lines_of(heading) == [LEGEND_TITLE[language]]
    assert title.top - max(w.bottom for w in above) > 5, "no blank row above the legend"
    assert lines_of(below) == LEGEND[language]
    assert all(w.right < phase_left for w in below)


# ---------------------------------------------------------------------- reading a PDF


NEAR = 10.0  # points between words side by side
SAME_LINE = 1.5  # points between the tops of words on one line


class Word(NamedTuple):
    text: str
    left: float
    top: float
    right: float
    bottom: float


def pdftotext() -> str:
    program = shutil.which("pdftotext")
    if program is None:
        pytest.fail(
            "pdftotext is not installed; these tests need it to read printed pages: "
            "install poppler-utils (packaging/dev.py test does)"
        )
    return program


def printed_pages(pdf: Path) -> list[list[Word]]:
    """Each page's words with their boxes (points from the top left), as pdftotext reads
    them (`-bbox`)."""
    done = subprocess.run(
        [pdftotext(), "-bbox", str(pdf), "-"], capture_output=True, text=True, timeout=TIMEOUT
    )
    assert done.returncode == 0, done.stderr
    pages = []
    for page in re.findall(r"<page [^>]*>(.*?)</page>", done.stdout, flags=re.S):
        pages.append(
            [
                Word(html.unescape(text), float(x0), float(y0), float(x1), float(y1))
                for x0, y0, x1, y1, text in re.findall(
                    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
                    r"(.*?)</word>",
                    page,
                )
            ]
        )
    return pages


def sheet_pages(pdf: Path, first_words: dict[str, str]) -> dict[str, list[Word]]:
    """The words of the page each sheet begins on, found by the first word it prints."""
    found = {}
    for words in printed_pages(pdf):
        if not words:
            continue
        first = min(words, key=lambda w: (round(w.top), w.left)).text
        for sheet, word in first_words.items():
            if first == word and sheet not in found:
                found[sheet] = words
    assert sorted(found) == sorted(first_words), f"pages not found: {found.keys()}"
    return found


def overlapping(words: list[Word]) -> list[tuple[str, str]]:
    """Pairs of words printed over or into each other: one on top of the other, or side by
    side (less than `NEAR` apart) but on lines that share more than a sliver of height, as
    when a header's second line reaches into the first data row. (The lines of one
    wrapped cell touch by a point or so; words on one line have one top.)"""
    pairs = []
    for index, a in enumerate(words):
        for b in words[index + 1 :]:
            wide = min(a.right, b.right) - max(a.left, b.left)
            high = min(a.bottom, b.bottom) - max(a.top, b.top)
            if high <= 0.3 * min(a.bottom - a.top, b.bottom - b.top):
                continue
            if wide > 1 or (wide > -NEAR and abs(a.top - b.top) > SAME_LINE):
                pairs.append((a.text, b.text))
    return pairs


def left_of_chart(words: list[Word]) -> list[Word]:
    """The words left of the Summary's chart (which lays out its own words): the ticks of
    its y axis, 0 to 5, stand in one column at its left edge."""
    ticks: dict[int, set[str]] = {}
    for word in words:
        if len(word.text) == 1 and word.text in "012345":
            ticks.setdefault(round(word.left), set()).add(word.text)
    edge = min(left for left, texts in ticks.items() if texts == set("012345"))
    return [word for word in words if word.right < edge]


def lines_of(words: list[Word]) -> list[str]:
    """Words joined into lines, top to bottom."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.top, w.left)):
        if lines and abs(lines[-1][0].top - word.top) < 2:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [" ".join(w.text for w in sorted(line, key=lambda w: w.left)) for line in lines]
