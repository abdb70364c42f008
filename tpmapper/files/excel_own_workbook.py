"""Reading our own workbook (exported by tpmapper, maybe edited since) into a new map; see
`excel_import` for the rules."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from tpmapper.files.excel_cells import cell_to_number, cell_to_text
from tpmapper.files.excel_columns import (
    ABOUT_KEYS,
    LANE_COLUMNS,
    LINK_COLUMNS,
    PERSONA_COLUMNS,
    PHASE_COLUMNS,
    TOUCHPOINT_COLUMNS,
    Column,
    cell_reader,
)
from tpmapper.files.excel_reading import (
    ABOUT_ROWS,
    Axis,
    ImportResult,
    Problems,
    Table,
    TouchpointRows,
    capped,
    cell_place,
    first_non_empty,
    header_index,
    next_colour,
    title_from_file,
)
from tpmapper.files.vocabulary_words import header_key
from tpmapper.files.workbook_guard import sheet_rows
from tpmapper.model import values
from tpmapper.model.elements import FieldError, Lane, Link, Persona, Phase, new_id
from tpmapper.model.journey import JourneyMap


class OwnWorkbook:
    def __init__(self, source: str | Path, sheets: dict[str | None, Any]) -> None:
        self.source = source
        self.sheets = sheets
        self.problems = Problems()

    def table(self, key: str, columns: Sequence[Column], cap: int) -> Table | None:
        sheet = self.sheets.get(key)
        if sheet is None:
            return None
        rows = sheet_rows(sheet, self.source, cap)
        header = first_non_empty(rows)
        if key == "touchpoints":  # a title row someone put above the header is passed over
            named = header_index(rows, ("name",))
            header = header if named is None else named
        return Table(sheet.title, rows, header, columns, self.problems)

    def read(self) -> ImportResult:
        title, description = self.about()
        personas = self.axis("personas", PERSONA_COLUMNS, Persona, capped("personas"))
        phases = self.axis("phases", PHASE_COLUMNS, Phase, capped("phases"))
        lanes = self.axis("lanes", LANE_COLUMNS, Lane, capped("lanes"))
        table = self.table("touchpoints", TOUCHPOINT_COLUMNS, capped("touchpoints"))
        assert table is not None  # recognised by this sheet
        if "name" not in table.index:
            self.problems.add(table.place(1, 0), "the sheet has no Name column")
            self.problems.raise_if_any(self.source)
        rows = TouchpointRows(
            table,
            phases=phases,
            lanes=lanes,
            personas=personas,
            taken_ids=set(),
            problems=self.problems,
            trim=False,
            default_lane=None,
        )
        touchpoints = rows.read()
        links = self.links([(tp.id, tp.name) for tp in touchpoints] + rows.refused)
        self.problems.raise_if_any(self.source)
        journey = JourneyMap(title, description)
        for axis, items in (
            (personas, journey.personas),
            (phases, journey.phases),
            (lanes, journey.lanes),
        ):
            for item in axis.items.values():
                items.insert(item)
        for tp in touchpoints:
            journey.insert_touchpoint(tp)
        for link in links:
            journey.insert_link(link)
        return ImportResult(journey, self.problems.notes, True, table.title)

    def about(self) -> tuple[str, str]:
        sheet = self.sheets.get("about")
        title = title_from_file(self.source)
        description = ""
        if sheet is None:
            return title, description
        wanted = {header_key(word): key for key, words in ABOUT_KEYS.items() for word in words}
        for number, row in enumerate(sheet_rows(sheet, self.source, ABOUT_ROWS), 1):
            if len(row) < 2 or not isinstance(row[0], str):
                continue
            key = wanted.get(header_key(row[0]))
            if key is None:
                continue
            text = cell_to_text(row[1], trim=False)
            check = values.name if key == "title" else values.text
            try:
                check(text)
            except ValueError as error:
                if key == "title" and not text.strip():
                    continue  # keep the file's name
                self.problems.add(
                    cell_place(sheet.title, number, 1), f"{ABOUT_KEYS[key][0]}: {error}"
                )
                continue
            if key == "title":
                title = text
            else:
                description = text
            wanted = {k: v for k, v in wanted.items() if v != key}  # the first row counts
        return title, description

    def axis(self, key: str, columns: Sequence[Column], kind: type, cap: int) -> Axis:
        """The elements of a Phases, Lanes or Personas sheet."""
        if kind is Phase:
            axis = Axis(lambda name: Phase(new_id(), name, next_colour(axis)))
        else:
            axis = Axis(lambda name: kind(new_id(), name))
        table = self.table(key, columns, cap)
        if table is None:
            return axis
        readers = {column.key: cell_reader(column, trim=False) for column in columns}
        for row_number, row in table.records(["id", "name", "description", "colour", "kind"]):
            element = self.element(table, row_number, row, kind=kind, readers=readers, axis=axis)
            if element is not None:
                axis.add(element, cell_to_text(table.value(row, "exported_name"), False))
        return axis

    def element(
        self,
        table: Table,
        row_number: int,
        row: tuple[Any, ...],
        *,
        kind: type,
        readers: dict[str, Callable[[Any], Any]],
        axis: Axis,
    ) -> Any:
        columns = _AXIS_COLUMNS[kind]
        arguments: dict[str, Any] = {}
        ok = True
        for column in columns:
            if column.key not in table.index or column.key == "exported_name":
                continue
            try:
                value = readers[column.key](table.value(row, column.key))
            except ValueError as error:
                self.element_problem(table, row_number, column, str(error))
                ok = False
                continue
            if value in ("", None) and column.key in ("colour", "kind", "id"):
                continue  # the default
            if column.key == "colour" and not value.startswith("#"):
                value = "#" + value
            arguments[column.key] = value
        if not ok:
            return None
        stored = arguments.get("id")
        if not stored or stored in axis.items:
            arguments["id"] = new_id()
        arguments.setdefault("name", "")
        try:
            return kind(**arguments)
        except FieldError as error:
            column = next((c for c in columns if c.key == error.field), columns[0])
            self.element_problem(table, row_number, column, error.reason)
            return None

    def element_problem(self, table: Table, row_number: int, column: Column, reason: str) -> None:
        index = table.index.get(column.key, 0)
        self.problems.add(table.place(row_number, index), f"{column.english}: {reason}")

    def links(self, touchpoints: list[tuple[str, str]]) -> list[Link]:
        """The Journey sheet's links between `touchpoints` ((id, name) of every row)."""
        table = self.table("journey", LINK_COLUMNS, capped("links"))
        if table is None:
            return []
        ids = {tid for tid, _name in touchpoints}
        by_name: dict[str, list[str]] = {}
        by_key: dict[str, list[str]] = {}
        for tid, name in touchpoints:
            by_name.setdefault(name, []).append(tid)
            by_key.setdefault(name.strip().casefold(), []).append(tid)
        label_reader = cell_reader(LINK_COLUMNS[2], trim=False)
        result: list[Link] = []
        seen: dict[tuple[str, str], int] = {}
        for row_number, row in table.records(["source_name", "target_name", "label", "share"]):
            ends = [
                self.link_end(table, row_number, row, end=end, ids=ids, names=(by_name, by_key))
                for end in ("source", "target")
            ]
            if None in ends or "" in ends:
                continue  # a problem was added, or the link went with a deleted touchpoint
            source, target = ends
            if (source, target) in seen:
                self.problems.add(
                    table.place(row_number, 0),
                    f"the same step is listed on row {seen[source, target]}",
                )
                continue
            seen[source, target] = row_number
            link = self.link(table, row_number, row, ends=(source, target), label=label_reader)
            if link is not None:
                result.append(link)
        return result

    def link_end(
        self,
        table: Table,
        row_number: int,
        row: tuple[Any, ...],
        *,
        end: str,
        ids: set[str],
        names: tuple[dict[str, list[str]], dict[str, list[str]]],
    ) -> str | None:
        """The touchpoint id at one end of a link row; "" if its touchpoint was deleted,
        None if there is a problem (added)."""
        name = cell_to_text(table.value(row, f"{end}_name"), trim=False)
        stored = cell_to_text(table.value(row, end), trim=True)
        named = names[0].get(name) or names[1].get(name.strip().casefold()) or []
        if stored in ids and (not name or stored in named):
            return stored
        if len(named) == 1:
            return named[0]
        if stored in ids:
            return stored  # the touchpoint was renamed after the export
        place = table.place(row_number, table.index.get(f"{end}_name", 0))
        if len(named) > 1:
            self.problems.add(
                place, f"{len(named)} touchpoints are named '{name}'; which one is meant is unclear"
            )
            return None
        if stored:
            self.problems.note(
                place, "the link was dropped: its touchpoint is no longer in the Touchpoints sheet"
            )
            return ""
        what = "From" if end == "source" else "To"
        reason = f"no touchpoint is named '{name}'" if name else "names no touchpoint"
        self.problems.add(place, f"{what}: {reason}")
        return None

    def link(
        self,
        table: Table,
        row_number: int,
        row: tuple[Any, ...],
        *,
        ends: tuple[str, str],
        label: Callable[[Any], Any],
    ) -> Link | None:
        try:
            share = cell_to_number(table.value(row, "share"))
            values.optional_share(share)
        except ValueError as error:
            place = table.place(row_number, table.index["share"])
            self.problems.add(place, f"Share: {error}")
            return None
        try:
            return Link(*ends, label(table.value(row, "label")), share)
        except FieldError as error:
            self.problems.add(table.place(row_number, table.index.get("label", 0)), str(error))
            return None


_AXIS_COLUMNS: dict[type, Sequence[Column]] = {
    Phase: PHASE_COLUMNS,
    Lane: LANE_COLUMNS,
    Persona: PERSONA_COLUMNS,
}
