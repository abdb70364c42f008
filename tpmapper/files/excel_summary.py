"""The Summary and About sheets of the workbook (see `excel_export` for the whole book).

Summary (for reading; the import ignores it) shows what `tpmapper.analysis.analyze`
found, computing nothing itself:

- Per phase: touchpoints, average customer and company rating (the rating curve), weak
  spots; a row for all phases (touchpoints, weak spots); a bar chart of the averages.
- How many touchpoints rated by both sides customers and company judge alike.
- The largest rating gaps (the blind spots, largest first).
- Touchpoints without owner.

About holds the map's title and description (the import reads them back), what made
the workbook, and a short guide to editing it.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from tpmapper import __version__
from tpmapper.files.excel_columns import ABOUT_KEYS

if TYPE_CHECKING:
    from tpmapper.analysis import Findings
    from tpmapper.files.excel_export import _BookWriter

FORMAT = "tpmapper workbook 1"
MAX_GAPS = 15  # blind spots listed on the Summary (the Findings sheet lists all)
AVERAGE = "0.00"
SHARE = "0%"

_WORDS = {
    "summary": ("Summary", "Übersicht"),
    "per_phase": ("Per phase", "Je Phase"),
    "phase": ("Phase", "Phase"),
    "lane": ("Lane", "Swimlane"),
    "touchpoint": ("Touchpoint", "Touchpoint"),
    "count": ("Touchpoints", "Touchpoints"),
    "avg_customer": ("Avg. customer rating", "Ø Kundenbewertung"),
    "avg_company": ("Avg. company rating", "Ø Unternehmensbewertung"),
    "weak": ("Weak spots", "Schwachstellen"),
    "all": ("All phases", "Alle Phasen"),
    "agreement": (
        "Customers and company judge alike",
        "Kunden und Unternehmen urteilen gleich",
    ),
    "agree": ("{agree} of {rated} agree", "{agree} von {rated} stimmen überein"),
    "none_rated": (
        "No touchpoint is rated by both customers and company.",
        "Kein Touchpoint ist von Kunden und Unternehmen bewertet.",
    ),
    "gaps": (
        "Largest rating gaps (company minus customer rating)",
        "Größte Bewertungslücken (Unternehmens- minus Kundenbewertung)",
    ),
    "customer": ("Customer rating", "Kundenbewertung"),
    "company": ("Company rating", "Unternehmensbewertung"),
    "gap": ("Gap", "Lücke"),
    "no_gaps": (
        "No blind spots: customers and company rate no touchpoint far apart.",
        "Keine blinden Flecken: Kunden und Unternehmen bewerten keinen Touchpoint "
        "weit auseinander.",
    ),
    "no_owner": ("Touchpoints without owner", "Touchpoints ohne Verantwortliche"),
    "all_owned": ("Every touchpoint has an owner.", "Jeder Touchpoint hat Verantwortliche."),
    "chart": ("Average ratings per phase", "Durchschnittliche Bewertungen je Phase"),
    "about": ("About this workbook", "Über diese Arbeitsmappe"),
    "exported": ("Exported", "Exportiert"),
    "links": ("Links", "Verbindungen"),
    "made_by": ("Made by", "Erstellt mit"),
    "format": ("Format", "Format"),
}

_GUIDE = {
    "en": (
        "How to edit: change cells in the Touchpoints, Journey, Phases, Lanes and Personas "
        "sheets, then import the workbook in tpmapper (from the File menu, or with "
        "`tpmapper import WORKBOOK -o MAP.tpmap`).",
        "Add a touchpoint: a new row in Touchpoints (leave the hidden ID columns empty). "
        "Delete one: delete its row. The order of rows is the order of cards in a cell.",
        "A phase, lane or persona named in Touchpoints that does not exist yet is created. "
        "Rename one in its own sheet. Lists are separated with '; '.",
        "The Map, Summary and Findings sheets are for reading; the import ignores them.",
    ),
    "de": (
        "Bearbeiten: Zellen in den Blättern Touchpoints, Journey, Phasen, Swimlanes und "
        "Personas ändern, dann die Arbeitsmappe in tpmapper importieren (im Menü Datei "
        "oder mit `tpmapper import ARBEITSMAPPE -o KARTE.tpmap`).",
        "Touchpoint hinzufügen: neue Zeile in Touchpoints (die ausgeblendeten ID-Spalten leer "
        "lassen). Löschen: Zeile löschen. Die Reihenfolge der Zeilen ist die der Karten in "
        "einer Zelle.",
        "Eine in Touchpoints genannte Phase, Swimlane oder Persona, die es noch nicht gibt, "
        "wird angelegt. Umbenennen im jeweiligen Blatt. Listen werden mit '; ' getrennt.",
        "Die Blätter Karte, Übersicht und Befunde dienen zum Lesen; der Import übergeht sie.",
    ),
}


class SummarySheets:
    """Writes the Summary and About sheets through a `_BookWriter`'s cells and styles."""

    def __init__(self, writer: _BookWriter, findings: Findings) -> None:
        self.w = writer
        self.findings = findings
        self.journey = writer.journey

    def word(self, key: str) -> str:
        english, german = _WORDS[key]
        return german if self.w.language == "de" else english

    def bold(self, sheet: Any, key: str) -> Any:
        return self.w.cell(sheet, self.word(key), font=self.w.styles.bold)

    def muted(self, sheet: Any, key: str) -> Any:
        return self.w.cell(sheet, self.word(key), font=self.w.styles.muted)

    def headers(self, sheet: Any, keys: tuple[str, ...]) -> list[Any]:
        return self.w.header_row(sheet, [self.word(key) for key in keys])

    # ------------------------------------------------------------------ Summary

    def write_summary(self) -> None:
        w, findings = self.w, self.findings
        sheet = w.sheets["summary"]
        for letter, width in zip("ABCDE", (34, 14, 16, 16, 16), strict=True):
            sheet.column_dimensions[letter].width = width
        sheet.append([w.cell(sheet, self.word("summary"), font=w.styles.title)])
        sheet.append([])
        sheet.append([self.bold(sheet, "per_phase")])
        sheet.append(self.headers(sheet, ("phase", "count", "avg_customer", "avg_company", "weak")))
        first_data = 5  # the rows above: title, blank, section title, header
        weak = Counter(self.journey.touchpoint(tid).phase for tid in findings.weak_spots)
        for point in findings.curve:
            sheet.append(
                [
                    w.text_cell(sheet, point.name),
                    point.touchpoints,
                    self.average(sheet, point.customer),
                    self.average(sheet, point.company),
                    weak[point.phase],
                ]
            )
        sheet.append(
            [self.bold(sheet, "all"), findings.touchpoints, None, None, len(findings.weak_spots)]
        )
        if findings.curve:
            self.chart(sheet, first_data, first_data + len(findings.curve) - 1)
        sheet.append([])
        self.agreement(sheet)
        sheet.append([])
        self.gaps(sheet)
        sheet.append([])
        self.unowned(sheet)

    def average(self, sheet: Any, value: float | None) -> Any:
        return None if value is None else self.w.cell(sheet, value, number_format=AVERAGE)

    def chart(self, sheet: Any, first: int, last: int) -> None:
        from openpyxl.chart import BarChart, Reference

        chart = BarChart()
        chart.type = "col"
        chart.title = self.word("chart")
        chart.y_axis.title = "1–5"
        chart.y_axis.scaling.min = 0
        chart.y_axis.scaling.max = 5
        data = Reference(sheet, min_col=3, max_col=4, min_row=first - 1, max_row=last)
        chart.add_data(data, titles_from_data=True)
        chart.set_categories(Reference(sheet, min_col=1, min_row=first, max_row=last))
        chart.width, chart.height = 18, 9
        sheet.add_chart(chart, "H3")

    def agreement(self, sheet: Any) -> None:
        agreement = self.findings.agreement
        if agreement.share is None:
            sheet.append([self.bold(sheet, "agreement"), self.muted(sheet, "none_rated")])
            return
        text = self.word("agree").format(agree=agreement.agree, rated=agreement.rated)
        share = self.w.cell(sheet, agreement.share, number_format=SHARE)
        sheet.append([self.bold(sheet, "agreement"), self.w.text_cell(sheet, text), share])

    def gaps(self, sheet: Any) -> None:
        w = self.w
        sheet.append([self.bold(sheet, "gaps")])
        spots = self.findings.blind_spots[:MAX_GAPS]
        if not spots:
            sheet.append([self.muted(sheet, "no_gaps")])
            return
        sheet.append(self.headers(sheet, ("touchpoint", "phase", "customer", "company", "gap")))
        for spot in spots:
            tp = self.journey.touchpoint(spot.id)
            sheet.append(
                [
                    w.text_cell(sheet, tp.name),
                    w.text_cell(sheet, self.journey.phases[tp.phase].name),
                    spot.customer,
                    spot.company,
                    spot.gap,
                ]
            )

    def unowned(self, sheet: Any) -> None:
        w = self.w
        sheet.append([self.bold(sheet, "no_owner")])
        if not self.findings.unowned:
            sheet.append([self.muted(sheet, "all_owned")])
            return
        sheet.append(self.headers(sheet, ("touchpoint", "phase", "lane")))
        for tid in self.findings.unowned:
            tp = self.journey.touchpoint(tid)
            sheet.append(
                [
                    w.text_cell(sheet, tp.name),
                    w.text_cell(sheet, self.journey.phases[tp.phase].name),
                    w.text_cell(sheet, self.journey.lanes[tp.lane].name),
                ]
            )

    # ------------------------------------------------------------------ About

    def write_about(self) -> None:
        w = self.w
        sheet, s = w.sheets["about"], w.styles
        sheet.column_dimensions["A"].width = 18
        sheet.column_dimensions["B"].width = 90
        language = 1 if w.language == "de" else 0
        sheet.append([w.cell(sheet, self.word("about"), font=s.title)])
        sheet.append([])
        wrap = s.wrap_top
        description = self.journey.description
        rows: list[tuple[str, Any]] = [
            (ABOUT_KEYS["title"][language], w.text_cell(sheet, self.journey.title)),
            (
                ABOUT_KEYS["description"][language],
                w.cell(sheet, description, alignment=wrap) if description else None,
            ),
            (self.word("exported"), w.cell(sheet, w.today, number_format="yyyy-mm-dd")),
            (self.word("count"), self.findings.touchpoints),
            (self.word("links"), self.findings.links),
            (self.word("made_by"), f"tpmapper {__version__}"),
            (self.word("format"), FORMAT),
        ]
        for key, value in rows:
            sheet.append([w.cell(sheet, key, font=s.bold), value])
        sheet.append([])
        for paragraph in _GUIDE[w.language]:
            sheet.append([None, w.cell(sheet, paragraph, alignment=wrap)])
