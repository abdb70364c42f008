"""One word per concept in each language (issue [6]): the canvas, the inspector, the
legend, the workbook and the command line say the same German word for the same thing,
the seeds' own first (Schwachstelle, Kundensicht / Unternehmenssicht, Verantwortliche(r),
Swimlane). Every older variant is still read on import (tests/files/test_excel_layout.py).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from openpyxl import load_workbook

from tests.cli.test_cli import SAMPLE, run
from tests.ui.test_translations import TS, forms, messages
from tpmapper.files.excel_export import workbook_bytes
from tpmapper.files.tpmap import load

#: English words in a source text, and the German word its translation must use.
TERMS = {
    r"\bpain points?\b": "Schwachstelle",
    r"\bcustomer rating": "Kundensicht",
    r"\bcompany rating": "Unternehmenssicht",
    r"\bowners?\b": "Verantwortliche",
    r"\blanes?\b": "Swimlane",
}
#: German variants that name the same concepts and must not appear anywhere.
VARIANTS = re.compile(r"Schmerzpunkt|Kundenbewertung|Unternehmensbewertung|Besitzer", re.I)
ROW = re.compile(r"\bZeilen?\b")  # a lane is a Swimlane; a row of a table stays a Zeile


def german_catalogue() -> list[tuple[str, str, str]]:
    """(context, English source, German text) for every live message."""
    return [
        (context, message.findtext("source"), text)
        for context, message in messages(TS)
        for text in forms(message)
    ]


def test_the_app_uses_one_german_word_per_concept():
    problems = []
    for context, source, german in german_catalogue():
        where = f"{context}: {source!r} -> {german!r}"
        if VARIANTS.search(german):
            problems.append(f"{where} uses a variant")
        if ROW.search(german) and "row" not in source.lower():
            problems.append(f"{where} calls a lane a Zeile")
        for english, word in TERMS.items():
            if re.search(english, source, re.I) and word.lower() not in german.lower():
                problems.append(f"{where} should say {word}")
    assert len(german_catalogue()) > 100  # the catalogue was read
    assert not problems, "\n".join(problems)


def test_the_german_workbook_uses_the_same_words(tmp_path):
    path = tmp_path / "karte.xlsx"
    path.write_bytes(workbook_bytes(load(SAMPLE), language="de"))
    book = load_workbook(path, read_only=True)
    texts = [
        str(value)
        for sheet in book.worksheets
        if sheet.sheet_state == "visible"
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if isinstance(value, str)
    ]
    book.close()
    headers = " ".join(texts)
    for word in ("Kundensicht", "Unternehmenssicht", "Verantwortliche(r)", "Swimlane"):
        assert word in headers
    assert not [text for text in texts if VARIANTS.search(text)]


@pytest.mark.parametrize("suffix", [".svg"])
def test_the_command_line_legend_uses_the_same_words(capsys, tmp_path, suffix):
    out = tmp_path / f"karte{suffix}"
    assert run(capsys, "export", str(SAMPLE), "-o", str(out), "-l", "de")[0] == 0
    texts = " ".join(
        " ".join(element.itertext())
        for element in ET.parse(out).getroot().iter()
        if element.tag.endswith("text")
    )
    for word in ("Schwachstelle", "Kundensicht", "Unternehmenssicht", "Erlebniskurve"):
        assert word in texts
    assert not VARIANTS.search(texts)
