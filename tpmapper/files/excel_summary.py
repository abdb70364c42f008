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
from tpmapper.files.excel_styles import SheetRows
from tpmapper.files.vocabulary_words import word_in

if TYPE_CHECKING:
    from tpmapper.analysis import Findings
    from tpmapper.files.excel_book import BookWriter

FORMAT = "tpmapper workbook 1"
MAX_GAPS = 15  # blind spots listed on the Summary (the Findings sheet lists all)
AVERAGE = "0.00"
SHARE = "0%"
# name, phase or count, three figures; a narrow gap, then the chart beside the tables
SUMMARY_WIDTHS = (32, 16, 16, 20, 16, 3)
CHART_AT = "G3"  # beside the per-phase table: below it, it would push the tables apart
CHART_WIDTH, CHART_HEIGHT = 15.0, 7.5  # centimetres
ABOUT_WIDTHS = (20, 90)  # key, value
TITLE_ROW_HEIGHT = 24  # points, for the 16-point sheet title

_WORDS = {
    "summary": ("Summary", "Übersicht"),
    "per_phase": ("Per phase", "Je Phase"),
    "phase": ("Phase", "Phase"),
    "lane": ("Lane", "Swimlane"),
    "touchpoint": ("Touchpoint", "Touchpoint"),
    "count": ("Touchpoints", "Touchpoints"),
    "avg_customer": ("Avg. customer rating", "Ø Kundensicht"),
    "avg_company": ("Avg. company rating", "Ø Unternehmenssicht"),
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
        "Größte Bewertungslücken (Unternehmenssicht minus Kundensicht)",
    ),
    "customer": ("Customer rating", "Kundensicht"),
    "company": ("Company rating", "Unternehmenssicht"),
    "gap": ("Gap", "Lücke"),
    "no_gaps": (
        "No blind spots: customers and company rate no touchpoint far apart.",
        "Keine blinden Flecken: Kunden und Unternehmen bewerten keinen Touchpoint "
        "weit auseinander.",
    ),
    "no_owner": ("Touchpoints without owner", "Touchpoints ohne Verantwortliche(n)"),
    "all_owned": (
        "Every touchpoint has an owner.",
        "Jeder Touchpoint hat eine(n) Verantwortliche(n).",
    ),
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
    """Writes the Summary and About sheets through a `BookWriter`'s cells and styles,
    each row as tall as its wrapped text (`excel_styles.SheetRows`)."""

    def __init__(self, writer: BookWriter, findings: Findings) -> None:
        self.w = writer
        self.findings = findings
        self.journey = writer.journey

    def word(self, key: str) -> str:
        return word_in(_WORDS, key, self.w.language)

    def bold(self, sheet: Any, key: str) -> Any:
        return self.w.cell(sheet, self.word(key), font=self.w.styles.bold)

    def muted(self, sheet: Any, key: str) -> Any:
        return self.w.cell(sheet, self.word(key), font=self.w.styles.muted)

    def name(self, sheet: Any, text: str) -> Any:
        """A name in a table: wrapped in its column, never read as a formula."""
        return self.w.cell(sheet, text, alignment=self.w.styles.wrap_top)

    def number(self, sheet: Any, value: float | int | None, number_format: str = "") -> Any:
        """A figure in a table, at the top of its row like the names beside it."""
        if value is None:
            return None
        cell = self.w.cell(sheet, value, alignment=self.w.styles.top)
        if number_format:
            cell.number_format = number_format
        return cell

    def headers(self, sheet: Any, keys: tuple[str, ...]) -> list[Any]:
        return self.w.header_row(sheet, [self.word(key) for key in keys])

    # ------------------------------------------------------------------ Summary

    def write_summary(self) -> None:
        w, findings = self.w, self.findings
        sheet = w.sheets["summary"]
        rows = SheetRows(sheet, SUMMARY_WIDTHS)
        rows.set_widths()
        rows.append([w.cell(sheet, self.word("summary"), font=w.styles.title)], TITLE_ROW_HEIGHT)
        rows.append()
        rows.append([self.bold(sheet, "per_phase")])
        rows.append(self.headers(sheet, ("phase", "count", "avg_customer", "avg_company", "weak")))
        first_data = rows.number
        weak = Counter(self.journey.touchpoint(tid).phase for tid in findings.weak_spots)
        for point in findings.curve:
            rows.append(
                [
                    self.name(sheet, point.name),
                    self.number(sheet, point.touchpoints),
                    self.number(sheet, point.customer, AVERAGE),
                    self.number(sheet, point.company, AVERAGE),
                    self.number(sheet, weak[point.phase]),
                ]
            )
        rows.append(
            [self.bold(sheet, "all"), findings.touchpoints, None, None, len(findings.weak_spots)]
        )
        if findings.curve:
            self.chart(sheet, first_data, first_data + len(findings.curve) - 1)
        rows.append()
        self.agreement(sheet, rows)
        rows.append()
        self.gaps(sheet, rows)
        rows.append()
        self.unowned(sheet, rows)

    def chart(self, sheet: Any, first: int, last: int) -> None:
        """The averages per phase as bars, beside the table."""
        from openpyxl.chart import BarChart, Reference

        chart = BarChart()
        chart.type = "col"
        chart.title = self.word("chart")
        chart.y_axis.scaling.min = 0
        chart.y_axis.scaling.max = 5
        chart.y_axis.majorUnit = 1  # the whole ratings 0 to 5 as ticks
        chart.y_axis.number_format = "0"
        chart.x_axis.delete = chart.y_axis.delete = False  # Excel hides them otherwise
        data = Reference(sheet, min_col=3, max_col=4, min_row=first - 1, max_row=last)
        chart.add_data(data, titles_from_data=True)
        chart.set_categories(Reference(sheet, min_col=1, min_row=first, max_row=last))
        chart.width, chart.height = CHART_WIDTH, CHART_HEIGHT
        sheet.add_chart(chart, CHART_AT)

    def agreement(self, sheet: Any, rows: SheetRows) -> None:
        rows.append([self.bold(sheet, "agreement")])
        agreement = self.findings.agreement
        if agreement.share is None:
            rows.append([self.muted(sheet, "none_rated")])
            return
        text = self.word("agree").format(agree=agreement.agree, rated=agreement.rated)
        share = self.w.cell(sheet, agreement.share, number_format=SHARE)
        rows.append([self.w.text_cell(sheet, text), share])

    def gaps(self, sheet: Any, rows: SheetRows) -> None:
        rows.append([self.bold(sheet, "gaps")])
        spots = self.findings.blind_spots[:MAX_GAPS]
        if not spots:
            rows.append([self.muted(sheet, "no_gaps")])
            return
        rows.append(self.headers(sheet, ("touchpoint", "phase", "customer", "company", "gap")))
        for spot in spots:
            tp = self.journey.touchpoint(spot.id)
            rows.append(
                [
                    self.name(sheet, tp.name),
                    self.name(sheet, self.journey.phases[tp.phase].name),
                    self.number(sheet, spot.customer),
                    self.number(sheet, spot.company),
                    self.number(sheet, spot.gap),
                ]
            )

    def unowned(self, sheet: Any, rows: SheetRows) -> None:
        rows.append([self.bold(sheet, "no_owner")])
        if not self.findings.unowned:
            rows.append([self.muted(sheet, "all_owned")])
            return
        rows.append(self.headers(sheet, ("touchpoint", "phase", "lane")))
        for tid in self.findings.unowned:
            tp = self.journey.touchpoint(tid)
            rows.append(
                [
                    self.name(sheet, tp.name),
                    self.name(sheet, self.journey.phases[tp.phase].name),
                    self.name(sheet, self.journey.lanes[tp.lane].name),
                ]
            )

    # ------------------------------------------------------------------ About

    def write_about(self) -> None:
        w = self.w
        sheet, s = w.sheets["about"], w.styles
        rows = SheetRows(sheet, ABOUT_WIDTHS)
        rows.set_widths()
        language = 1 if w.language == "de" else 0
        rows.append([w.cell(sheet, self.word("about"), font=s.title)], TITLE_ROW_HEIGHT)
        rows.append()
        description = self.journey.description
        values: list[tuple[str, Any]] = [
            (ABOUT_KEYS["title"][language], self.name(sheet, self.journey.title)),
            (
                ABOUT_KEYS["description"][language],
                self.name(sheet, description) if description else None,
            ),
            (
                self.word("exported"),
                w.cell(sheet, w.today, number_format="yyyy-mm-dd", alignment=s.left_top),
            ),
            (self.word("count"), w.cell(sheet, self.findings.touchpoints, alignment=s.left_top)),
            (self.word("links"), w.cell(sheet, self.findings.links, alignment=s.left_top)),
            (self.word("made_by"), w.cell(sheet, f"tpmapper {__version__}", alignment=s.top)),
            (self.word("format"), w.cell(sheet, FORMAT, alignment=s.top)),
        ]
        for key, value in values:
            rows.append([w.cell(sheet, key, font=s.bold, alignment=s.top), value])
        rows.append()
        for paragraph in _GUIDE[w.language]:
            rows.append([None, w.cell(sheet, paragraph, alignment=s.wrap_top)])
