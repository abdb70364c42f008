"""Reading a sheet a person typed from scratch: its touchpoints added to a copy of the
base map; see `excel_import` for the rules."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tpmapper.files import tpmap
from tpmapper.files.excel_columns import IMPORT_ONLY_COLUMNS, TOUCHPOINT_COLUMNS
from tpmapper.files.excel_reading import (
    Axis,
    ImportResult,
    Problems,
    Table,
    TouchpointRows,
    capped,
    cell_place,
    header_index,
    next_colour,
    title_from_file,
)
from tpmapper.files.workbook_guard import WorkbookError, sheet_rows
from tpmapper.model.elements import Lane, Persona, Phase, new_id
from tpmapper.model.journey import JourneyMap
from tpmapper.model.vocabulary import LaneKind

DEFAULT_LANE_NAME = "Touchpoints"


class TypedSheet:
    def __init__(self, source: str | Path, sheets: list[Any], base: JourneyMap | None) -> None:
        self.source = source
        self.sheets = sheets
        self.base = base
        self.problems = Problems()

    def find_table(self) -> Table:
        for sheet in self.sheets:
            rows = sheet_rows(sheet, self.source, capped("touchpoints"))
            header = header_index(rows, ("name", "phase"))
            if header is not None:
                columns = TOUCHPOINT_COLUMNS + IMPORT_ONLY_COLUMNS
                return Table(sheet.title, rows, header, columns, self.problems)
        raise WorkbookError(
            self.source,
            [
                "no sheet has a header row with at least the columns Name and Phase "
                "(English or German headers)"
            ],
        )

    def read(self) -> ImportResult:
        table = self.find_table()
        journey = (
            tpmap.from_document(tpmap.to_document(self.base), self.source)
            if self.base is not None
            else JourneyMap(title_from_file(self.source))
        )
        phases = Axis(lambda name: Phase(new_id(), name, next_colour(phases)))
        lanes = Axis(lambda name: Lane(new_id(), name))
        personas = Axis(lambda name: Persona(new_id(), name))
        for axis, items in (
            (phases, journey.phases),
            (lanes, journey.lanes),
            (personas, journey.personas),
        ):
            for item in items:
                axis.add(item)

        def default_lane() -> str:
            if not lanes.items:
                lanes.add(Lane(new_id(), DEFAULT_LANE_NAME, LaneKind.CHANNEL_GROUP), created=True)
            return next(iter(lanes.items))

        taken = {tp.id for tp in journey.touchpoints()}
        rows = TouchpointRows(
            table,
            phases=phases,
            lanes=lanes,
            personas=personas,
            taken_ids=taken,
            problems=self.problems,
            trim=True,
            default_lane=default_lane,
        )
        touchpoints = rows.read()
        if not touchpoints and not self.problems.count:
            self.problems.add(
                cell_place(table.title, table.first_row, 0), "there are no touchpoint rows"
            )
        self.problems.raise_if_any(self.source)
        for axis, items in (
            (personas, journey.personas),
            (phases, journey.phases),
            (lanes, journey.lanes),
        ):
            for item_id in axis.created:
                items.insert(axis.items[item_id])
        for tp in touchpoints:
            journey.insert_touchpoint(tp)
        return ImportResult(journey, self.problems.notes, False, table.title)
