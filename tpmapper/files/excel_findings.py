"""The Findings sheet: every finding of `tpmapper.analysis.analyze`, one row per finding
and touchpoint, for a reader to filter and sort. For reading only; the import ignores it.

Columns: kind, touchpoint, phase, owner, detail (in the workbook's language). The kinds
come in a fixed order (weak spots first), each in the order the analysis lists them. A
finding about a place rather than a touchpoint (an empty cell, a phase nothing in which
can be influenced) leaves the touchpoint and owner empty. Nothing is computed here: the
rows only show what `Findings` holds, with the names the map gives its ids.

The data rows are `excel_rows.RawRows` (the sheet may hold tens of thousands of rows):
every text, a touchpoint named "=HYPERLINK(…)" too, is a string cell, never a formula.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tpmapper.files.excel_columns import Column, Kind
from tpmapper.files.excel_rows import RawRows
from tpmapper.model.vocabulary import Moment

if TYPE_CHECKING:
    from tpmapper.analysis import Findings
    from tpmapper.files.excel_book import BookWriter
    from tpmapper.model.journey import JourneyMap

FINDING_COLUMNS: tuple[Column, ...] = (
    Column("kind", "Kind", "Art", Kind.TEXT, width=24),
    Column("touchpoint", "Touchpoint", "Touchpoint", Kind.TEXT, width=32),
    Column("phase", "Phase", "Phase", Kind.TEXT, width=18),
    Column("owner", "Owner", "Verantwortliche(r)", Kind.TEXT, width=20),
    Column("detail", "Detail", "Detail", Kind.TEXT, width=44),
)

# The kinds, in the order of the sheet: `Findings` field → (English, German).
KINDS: dict[str, tuple[str, str]] = {
    "weak_spots": ("weak spot", "Schwachstelle"),
    "blind_spots": ("blind spot", "blinder Fleck"),
    "dead_ends": ("dead end", "Sackgasse"),
    "entries": ("entry", "Einstieg"),
    "orphans": ("orphan", "ohne Verbindung"),
    "loops": ("loop", "Schleife"),
    "bottlenecks": ("bottleneck", "Engpass"),
    "unowned": ("without owner", "ohne Verantwortliche(n)"),
    "empty_cells": ("empty cell", "leere Zelle"),
    "uninfluenceable_phases": ("uninfluenceable phase", "nicht beeinflussbare Phase"),
    "priorities": ("priority", "Priorität"),
}

_DETAILS: dict[str, tuple[str, str]] = {
    "rating": ("customer rating {rating}", "Kundensicht {rating}"),
    "pain": ("marked as pain point", "als Schwachstelle markiert"),
    "blind": (
        "company {company}, customer {customer} (gap {gap:+d})",
        "Unternehmenssicht {company}, Kundensicht {customer} (Lücke {gap:+d})",
    ),
    "dead_end": ("reached, but leads nowhere", "wird erreicht, führt aber nicht weiter"),
    "entry": ("journeys start here", "hier beginnen Journeys"),
    "orphan": ("no link to or from another touchpoint", "keine Verbindung zu anderen Touchpoints"),
    "loop": ("loop {number}", "Schleife {number}"),
    "bottleneck": (
        "every journey from the first to the last phase passes here",
        "jede Journey von der ersten zur letzten Phase führt hier durch",
    ),
    "unowned": ("nobody is responsible", "niemand ist verantwortlich"),
    "empty_cell": ("no touchpoint in lane {lane}", "kein Touchpoint in der Swimlane {lane}"),
    "uninfluenceable": (
        "no touchpoint of phase {phase} can be influenced",
        "kein Touchpoint der Phase {phase} ist beeinflussbar",
    ),
    "priority": ("score {score}", "Punktzahl {score}"),
}

NAME_IN_DETAIL = 200  # characters of a phase or lane name quoted in a detail

Row = list[str | None]


def kind_word(kind: str, language: str = "en") -> str:
    """The word for a kind of finding (a `Findings` field name) in a workbook's language."""
    english, german = KINDS[kind]
    return german if language == "de" else english


def finding_rows(journey: JourneyMap, findings: Findings, language: str = "en") -> list[Row]:
    """The Findings sheet's data rows: kind, touchpoint, phase, owner, detail (None for an
    empty cell)."""
    german = language == "de"

    def detail(key: str, **values: Any) -> str:
        english, in_german = _DETAILS[key]
        return (in_german if german else english).format(**values)

    phase_names = {phase.id: phase.name for phase in journey.phases}
    rows: list[Row] = []

    def add(kind: str, touchpoint_id: str, text: str | None = None) -> None:
        tp = journey.touchpoint(touchpoint_id)
        word = kind_word(kind, language)
        rows.append([word, tp.name, phase_names[tp.phase], tp.owner or None, text or None])

    for tid in findings.weak_spots:
        tp = journey.touchpoint(tid)
        reasons = []
        if tp.customer_rating is not None:
            reasons.append(detail("rating", rating=tp.customer_rating))
        if tp.moment is Moment.PAIN_POINT:
            reasons.append(detail("pain"))
        add("weak_spots", tid, "; ".join(reasons))
    for spot in findings.blind_spots:
        text = detail("blind", company=spot.company, customer=spot.customer, gap=spot.gap)
        add("blind_spots", spot.id, text)
    for tid in findings.dead_ends:
        add("dead_ends", tid, detail("dead_end"))
    for tid in findings.entries:
        add("entries", tid, detail("entry"))
    for tid in findings.orphans:
        add("orphans", tid, detail("orphan"))
    for number, loop in enumerate(findings.loops, 1):
        for tid in loop:
            add("loops", tid, detail("loop", number=number))
    for tid in findings.bottlenecks:
        add("bottlenecks", tid, detail("bottleneck"))
    for tid in findings.unowned:
        add("unowned", tid, detail("unowned"))
    for cell in findings.empty_cells:
        lane = _shorten(journey.lanes[cell.lane].name)
        text = detail("empty_cell", lane=lane)
        rows.append([kind_word("empty_cells", language), None, phase_names[cell.phase], None, text])
    for pid in findings.uninfluenceable_phases:
        text = detail("uninfluenceable", phase=_shorten(phase_names[pid]))
        kind = kind_word("uninfluenceable_phases", language)
        rows.append([kind, None, phase_names[pid], None, text])
    for priority in findings.priorities:
        add("priorities", priority.id, detail("priority", score=priority.score))
    return rows


def write_findings(writer: BookWriter, findings: Findings) -> None:
    """Fill the workbook writer's Findings sheet."""
    sheet = writer.sheets["findings"]
    writer.table_sheet(sheet, FINDING_COLUMNS, freeze="A2")
    rows = writer.raw["findings"] = RawRows([""] * len(FINDING_COLUMNS), writer.strings)
    add = rows.add
    for row in finding_rows(writer.journey, findings, writer.language):
        add(row)
    sheet.auto_filter.ref = f"A1:{rows.columns[-1][0]}{rows.number - 1}"


def _shorten(name: str) -> str:
    name = name.replace("\n", " ")
    return name if len(name) <= NAME_IN_DETAIL else name[: NAME_IN_DETAIL - 1] + "…"
