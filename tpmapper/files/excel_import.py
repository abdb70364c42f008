"""A workbook becomes a map: ours (exported by tpmapper, maybe edited since) or one a
person typed from scratch.

The import succeeds whole or not at all: every problem found is collected, located
("Touchpoints!L7: Customer rating: 9 is outside 1–5"), and raised together as one
`WorkbookError`; nothing is changed (a new map is built; `base` is only read).

Our own workbook is recognised by its sheets: Touchpoints, Phases and Lanes (English or
German names, see `excel_columns.SHEETS`). It holds the whole map, so `base` is not used:
- Phases, Lanes, Personas come from their sheets in row order; a row without an id is a
  new element.
- Each Touchpoints row is one touchpoint; its hidden ID finds it again (a row without one,
  or repeating one, is a new touchpoint). Columns are found by header, in any order;
  unknown columns are ignored. The row order is the order within each cell.
- A row's phase is found by name: first the phase its hidden Phase ID names, if that
  still has this name; else any phase of that name; else the phase of its Phase ID when
  this is the name it was exported with (a rename in the Phases sheet); else a new phase
  of that name. Lanes and personas alike.
- Links come from the Journey sheet, by ID, else by touchpoint name. A link to a
  touchpoint whose row was deleted is dropped (and said so in `problems`).
- Title and description come from the About sheet ("Title", "Description" rows).

A typed sheet is the first sheet with a header row (the first non-empty row, or one of the
first few) naming at least Name and Phase; any other column of `excel_columns` may be
there. Its touchpoints are added to a copy of `base` (or to a new map named after the
file); phases, lanes and personas not yet there are created in order of appearance, and
without a Lane column everything goes into the first lane (one is made if needed). Text
is trimmed, blank rows skipped, an unknown channel kept as channel detail.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tpmapper.files import tpmap
from tpmapper.files.excel_columns import (
    ABOUT_KEYS,
    IMPORT_ONLY_COLUMNS,
    LANE_COLUMNS,
    LINK_COLUMNS,
    PERSONA_COLUMNS,
    PHASE_COLUMNS,
    TOUCHPOINT_COLUMNS,
    Column,
    UnknownChannel,
    cell_reader,
    cell_to_number,
    cell_to_text,
    describe_cell,
    find_columns,
    header_key,
    sheet_key,
)
from tpmapper.files.workbook_guard import (
    MAX_PROBLEMS,
    WorkbookError,
    open_workbook,
    read_workbook_file,
    sheet_rows,
)
from tpmapper.model import values
from tpmapper.model.elements import FieldError, Lane, Link, Persona, Phase, Touchpoint, new_id
from tpmapper.model.journey import JourneyMap
from tpmapper.model.vocabulary import LaneKind, Moment

__all__ = ["ImportResult", "WorkbookError", "import_workbook", "import_workbook_bytes"]

LIMITS = tpmap.LIMITS
SLACK_ROWS = 1_000  # blank rows, titles and headers a sheet may hold beyond its elements
HEADER_SEARCH_ROWS = 20  # a typed sheet's header is among its first non-empty rows
NEW_PHASE_COLOURS = (
    "#4e79a7",
    "#f28e2b",
    "#e15759",
    "#76b7b2",
    "#59a14f",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#bab0ac",
)
DEFAULT_LANE_NAME = "Touchpoints"


@dataclass
class ImportResult:
    """What an import made.

    `problems` lists what the import worked around without refusing (an unknown channel
    kept as detail, an ignored column, a link to a deleted row dropped), each located
    like the refusals of `WorkbookError`.
    """

    journey: JourneyMap
    problems: list[str] = field(default_factory=list)
    own_workbook: bool = False
    sheet: str = ""


def import_workbook(path: str | Path, base: JourneyMap | None = None) -> ImportResult:
    """Read an .xlsx workbook into a new map; raises `WorkbookError` naming every problem."""
    path = Path(path)
    return import_workbook_bytes(read_workbook_file(path), path, base)


def import_workbook_bytes(
    data: bytes, source: str | Path = "<workbook>", base: JourneyMap | None = None
) -> ImportResult:
    """As `import_workbook`, from the file's bytes; `source` names it in messages."""
    with open_workbook(data, source) as book:
        sheets = {sheet_key(ws.title): ws for ws in reversed(book.worksheets)}
        if {"touchpoints", "phases", "lanes"} <= sheets.keys():
            return _OwnWorkbook(source, sheets).read()
        return _TypedSheet(source, book.worksheets, base).read()


# ---------------------------------------------------------------------- problems


def _place(sheet: str, row: int, column: int) -> str:
    """The reference of a cell, like Touchpoints!F7, from a 1-based row and 0-based column."""
    from openpyxl.utils import get_column_letter

    if not sheet.replace("_", "").isalnum():
        sheet = "'" + sheet.replace("'", "''") + "'"
    return f"{sheet}!{get_column_letter(column + 1)}{row}"


class _Problems:
    """Refusals (fatal) and notes (worked around), each "Sheet!A1: reason"."""

    def __init__(self) -> None:
        self.fatal: list[str] = []
        self.count = 0
        self.notes: list[str] = []

    def add(self, place: str, reason: str) -> None:
        self.count += 1
        if len(self.fatal) < MAX_PROBLEMS:
            self.fatal.append(f"{place}: {reason}")

    def note(self, place: str, reason: str) -> None:
        if len(self.notes) < MAX_PROBLEMS:
            self.notes.append(f"{place}: {reason}")

    def raise_if_any(self, source: str | Path) -> None:
        if self.count:
            raise WorkbookError(source, self.fatal, self.count)


# ---------------------------------------------------------------------- tables


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


class _Table:
    """A sheet's rows under its header row, with its columns found by header."""

    def __init__(
        self,
        title: str,
        rows: list[tuple[Any, ...]],
        header_index: int,
        columns: Sequence[Column],
        problems: _Problems,
    ) -> None:
        self.title = title
        self.problems = problems
        header = rows[header_index] if rows else ()
        self.index, unknown, repeated = find_columns(header, columns)
        self.first_row = header_index + 2  # the 1-based row number of the first data row
        self.rows = rows[header_index + 1 :]
        for column_index, key in repeated:
            problems.add(
                self.place(header_index + 1, column_index),
                f"a second column for '{header[column_index]}' (the first is "
                f"{self.letter(self.index[key])})",
            )
        for column_index in unknown:
            problems.note(
                self.place(header_index + 1, column_index),
                f"the column {describe_cell(header[column_index])} is not one tpmapper "
                "knows; it was ignored",
            )

    def place(self, row: int, column: int) -> str:
        return _place(self.title, row, column)

    @staticmethod
    def letter(column: int) -> str:
        from openpyxl.utils import get_column_letter

        return get_column_letter(column + 1)

    def records(self, visible: Sequence[str]) -> list[tuple[int, tuple[Any, ...]]]:
        """(row number, row) of each row with something in a `visible` column."""
        watched = [self.index[key] for key in visible if key in self.index]
        width = max(self.index.values(), default=0) + 1
        result = []
        for offset, row in enumerate(self.rows):
            if len(row) < width:  # rows are as wide as the sheet; be sure all the same
                row = row + (None,) * (width - len(row))
            for i in watched:
                value = row[i]
                if value is not None and (value.__class__ is not str or value.strip()):
                    result.append((self.first_row + offset, row))
                    break
        return result

    def value(self, row: tuple[Any, ...], key: str) -> Any:
        index = self.index.get(key)
        return None if index is None else row[index]


def _header_index(rows: list[tuple[Any, ...]], required: Sequence[str]) -> int | None:
    """The first of the first non-empty rows that names every `required` column."""
    seen = 0
    columns = TOUCHPOINT_COLUMNS + IMPORT_ONLY_COLUMNS
    for index, row in enumerate(rows):
        if all(_blank(v) for v in row):
            continue
        found, _unknown, _repeated = find_columns(row, columns)
        if all(key in found for key in required):
            return index
        seen += 1
        if seen >= HEADER_SEARCH_ROWS:
            break
    return None


def _first_non_empty(rows: list[tuple[Any, ...]]) -> int:
    for index, row in enumerate(rows):
        if not all(_blank(v) for v in row):
            return index
    return 0


# ---------------------------------------------------------------------- names to ids


class _Axis:
    """Phases, lanes or personas by id and by name, growing as rows name new ones."""

    def __init__(self, make: Callable[[str], Any]) -> None:
        self.items: dict[str, Any] = {}
        self.exported: dict[str, str] = {}  # id → the name it was exported with
        self.by_name: dict[str, str] = {}
        self.by_key: dict[str, str] = {}
        self.created: list[str] = []
        self._make = make

    def add(self, item: Any, exported: str | None = None, created: bool = False) -> None:
        self.items[item.id] = item
        self.by_name.setdefault(item.name, item.id)
        self.by_key.setdefault(item.name.strip().casefold(), item.id)
        if exported:
            self.exported[item.id] = exported
        if created:
            self.created.append(item.id)

    def resolve(self, name: str, stored: Sequence[str] = ()) -> str:
        """The id `name` stands for (see the module's notes); creates one if none fits."""
        for item_id in stored:
            item = self.items.get(item_id)
            if item is not None and item.name == name:
                return item_id
        found = self.by_name.get(name) or self.by_key.get(name.strip().casefold())
        if found:
            return found
        for item_id in stored:
            if item_id in self.items and self.exported.get(item_id) == name:
                return item_id
        item = self._make(name.strip())
        self.add(item, created=True)
        return item.id


# ---------------------------------------------------------------------- touchpoint rows


_ALL_COLUMNS = {c.key: c for c in TOUCHPOINT_COLUMNS + IMPORT_ONLY_COLUMNS}
_MODEL_FIELDS = {c.key for c in TOUCHPOINT_COLUMNS} - {"phase_id", "lane_id", "persona_ids"}
_VISIBLE = [c.key for c in TOUCHPOINT_COLUMNS + IMPORT_ONLY_COLUMNS if not c.hidden]


class _TouchpointRows:
    """Turns the rows of a touchpoint table into touchpoints, collecting problems."""

    def __init__(
        self,
        table: _Table,
        *,
        phases: _Axis,
        lanes: _Axis,
        personas: _Axis,
        taken_ids: set[str],
        problems: _Problems,
        trim: bool,
        default_lane: Callable[[], str] | None,
    ) -> None:
        self.table = table
        self.phases, self.lanes, self.personas = phases, lanes, personas
        self.taken = taken_ids
        self.problems = problems
        self.default_lane = default_lane
        self.refused: list[tuple[str, str]] = []
        self.plan = [
            (key, index, cell_reader(_ALL_COLUMNS[key], trim))
            for key, index in table.index.items()
            if key in _ALL_COLUMNS
        ]

    def read(self) -> list[Touchpoint]:
        result: list[Touchpoint] = []
        for row_number, row in self.table.records(_VISIBLE):
            touchpoint = self.touchpoint(row_number, row)
            if touchpoint is not None:
                result.append(touchpoint)
            else:  # refused: links to it are still checked, by its id and name
                self.refused.append(self.stand_in(row_number, row))
        return result

    def stand_in(self, row_number: int, row: tuple[Any, ...]) -> tuple[str, str]:
        """(id, name) of a refused row, as far as they can be read ("#7": no id)."""
        stored, name = self.table.value(row, "id"), self.table.value(row, "name")
        return (
            stored if isinstance(stored, str) and stored else f"#{row_number}",
            name if isinstance(name, str) else "",
        )

    def cells(self, row_number: int, row: tuple[Any, ...]) -> dict[str, Any] | None:
        """The row's cells as field values; None (with problems added) if some are wrong."""
        try:
            return {key: read(row[index]) for key, index, read in self.plan}
        except ValueError:  # a wrong cell, or an unknown channel: look at each cell
            return self.each_cell(row_number, row)

    def each_cell(self, row_number: int, row: tuple[Any, ...]) -> dict[str, Any] | None:
        found: dict[str, Any] = {}
        ok = True
        for key, index, read in self.plan:
            try:
                found[key] = read(row[index])
            except UnknownChannel as unknown:
                found[key] = None
                found["unknown_channel"] = (unknown.word, index)
            except ValueError as error:
                ok = False
                self.problem(row_number, key, str(error))
        return found if ok else None

    def problem(self, row_number: int, key: str, reason: str) -> None:
        column = _ALL_COLUMNS[key]
        index = self.table.index.get(key, 0)
        self.problems.add(self.table.place(row_number, index), f"{column.english}: {reason}")

    def touchpoint(self, row_number: int, row: tuple[Any, ...]) -> Touchpoint | None:
        found = self.cells(row_number, row)
        if found is None:
            return None
        arguments = {k: v for k, v in found.items() if k in _MODEL_FIELDS}
        if not found.get("name"):
            self.problem(row_number, "name", "a touchpoint needs a name")
            return None
        arguments["id"] = self.touchpoint_id(row_number, found.get("id"))
        arguments["phase"] = self.place_of(row_number, found, "phase", self.phases)
        arguments["lane"] = self.place_of(row_number, found, "lane", self.lanes)
        if arguments["phase"] is None or arguments["lane"] is None:
            return None
        arguments["personas"] = self.persona_ids(found)
        self.moment_flags(found, arguments)
        self.unknown_channel(row_number, found, arguments)
        try:
            return Touchpoint(**arguments)
        except FieldError:
            self.field_problems(row_number, arguments)
            return None

    def touchpoint_id(self, row_number: int, stored: str | None) -> str:
        if stored:
            try:
                values.identifier(stored)
            except ValueError as error:
                self.problem(row_number, "id", str(error))
                return new_id()
            if stored not in self.taken:
                self.taken.add(stored)
                return stored
            self.problems.note(
                self.table.place(row_number, self.table.index["id"]),
                f"the ID '{stored}' appears on an earlier row too; this row became a new "
                "touchpoint",
            )
        fresh = new_id()
        self.taken.add(fresh)
        return fresh

    def place_of(self, row_number: int, found: dict[str, Any], key: str, axis: _Axis) -> Any:
        name = found.get(key, "")
        stored = found.get(f"{key}_id") or ""
        if key not in found and stored in axis.items:
            return stored  # no such column: the hidden id still says where
        if not name.strip():
            if key == "lane" and self.default_lane is not None:
                return self.default_lane()
            what = "phase" if key == "phase" else "lane"
            self.problem(row_number, key, f"a touchpoint needs a {what}")
            return None
        try:
            values.name(name.strip())
        except ValueError as error:
            self.problem(row_number, key, str(error))
            return None
        return axis.resolve(name, [stored] if stored else [])

    def persona_ids(self, found: dict[str, Any]) -> tuple[str, ...]:
        stored = found.get("persona_ids", ())
        if "personas" not in found:  # no Personas column: keep the hidden ids that exist
            return tuple(i for i in stored if i in self.personas.items)
        chosen: list[str] = []
        for position, name in enumerate(found["personas"]):
            # the hidden id at the same position first, so twins keep their own ids
            first = stored[position : position + 1]
            candidates = [i for i in (*first, *stored) if i not in chosen]
            chosen.append(self.personas.resolve(name, candidates))
        return tuple(chosen)

    @staticmethod
    def moment_flags(found: dict[str, Any], arguments: dict[str, Any]) -> None:
        if arguments.get("moment") is None:
            if found.get("pain_point"):
                arguments["moment"] = Moment.PAIN_POINT
            elif found.get("positive_moment"):
                arguments["moment"] = Moment.POSITIVE

    def unknown_channel(
        self, row_number: int, found: dict[str, Any], arguments: dict[str, Any]
    ) -> None:
        if "unknown_channel" not in found:
            return
        word, index = found["unknown_channel"]
        detail = arguments.get("channel_detail", "")
        arguments["channel_detail"] = f"{word} – {detail}" if detail else word
        self.problems.note(
            self.table.place(row_number, index),
            f"'{word}' is not a channel tpmapper knows; it was kept as the channel detail",
        )

    def field_problems(self, row_number: int, arguments: dict[str, Any]) -> None:
        """Every field the model refuses, each at its own cell."""
        for key, value in arguments.items():
            check = Touchpoint.CHECKS.get(key)
            if check is None:
                continue
            try:
                check(value)
            except ValueError as error:
                shown_key = key if key in self.table.index else "name"
                self.problem(row_number, shown_key, str(error))


# ---------------------------------------------------------------------- our own workbook


def _capped(key: str) -> int:
    return LIMITS[key] + SLACK_ROWS


class _OwnWorkbook:
    def __init__(self, source: str | Path, sheets: dict[str | None, Any]) -> None:
        self.source = source
        self.sheets = sheets
        self.problems = _Problems()

    def table(self, key: str, columns: Sequence[Column], cap: int) -> _Table | None:
        sheet = self.sheets.get(key)
        if sheet is None:
            return None
        rows = sheet_rows(sheet, self.source, cap)
        header = _first_non_empty(rows)
        if key == "touchpoints":  # a title row someone put above the header is passed over
            named = _header_index(rows, ("name",))
            header = header if named is None else named
        return _Table(sheet.title, rows, header, columns, self.problems)

    def read(self) -> ImportResult:
        title, description = self.about()
        personas = self.axis("personas", PERSONA_COLUMNS, Persona, _capped("personas"))
        phases = self.axis("phases", PHASE_COLUMNS, Phase, _capped("phases"))
        lanes = self.axis("lanes", LANE_COLUMNS, Lane, _capped("lanes"))
        table = self.table("touchpoints", TOUCHPOINT_COLUMNS, _capped("touchpoints"))
        assert table is not None  # recognised by this sheet
        if "name" not in table.index:
            self.problems.add(table.place(1, 0), "the sheet has no Name column")
            self.problems.raise_if_any(self.source)
        rows = _TouchpointRows(
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
        title = Path(str(self.source)).stem or "Imported map"
        description = ""
        if sheet is None:
            return title, description
        wanted = {header_key(word): key for key, words in ABOUT_KEYS.items() for word in words}
        for number, row in enumerate(sheet_rows(sheet, self.source, 1_000), 1):
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
                self.problems.add(_place(sheet.title, number, 1), f"{ABOUT_KEYS[key][0]}: {error}")
                continue
            if key == "title":
                title = text
            else:
                description = text
            wanted = {k: v for k, v in wanted.items() if v != key}  # the first row counts
        return title, description

    def axis(self, key: str, columns: Sequence[Column], kind: type, cap: int) -> _Axis:
        """The elements of a Phases, Lanes or Personas sheet."""
        if kind is Phase:
            axis = _Axis(lambda name: Phase(new_id(), name, _next_colour(axis)))
        else:
            axis = _Axis(lambda name: kind(new_id(), name))
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
        table: _Table,
        row_number: int,
        row: tuple[Any, ...],
        *,
        kind: type,
        readers: dict[str, Callable[[Any], Any]],
        axis: _Axis,
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

    def element_problem(self, table: _Table, row_number: int, column: Column, reason: str) -> None:
        index = table.index.get(column.key, 0)
        self.problems.add(table.place(row_number, index), f"{column.english}: {reason}")

    def links(self, touchpoints: list[tuple[str, str]]) -> list[Link]:
        """The Journey sheet's links between `touchpoints` ((id, name) of every row)."""
        table = self.table("journey", LINK_COLUMNS, _capped("links"))
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
        table: _Table,
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
        table: _Table,
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


def _next_colour(axis: _Axis) -> str:
    return NEW_PHASE_COLOURS[len(axis.items) % len(NEW_PHASE_COLOURS)]


# ---------------------------------------------------------------------- a typed sheet


class _TypedSheet:
    def __init__(self, source: str | Path, sheets: list[Any], base: JourneyMap | None) -> None:
        self.source = source
        self.sheets = sheets
        self.base = base
        self.problems = _Problems()

    def find_table(self) -> _Table:
        for sheet in self.sheets:
            rows = sheet_rows(sheet, self.source, _capped("touchpoints"))
            header = _header_index(rows, ("name", "phase"))
            if header is not None:
                columns = TOUCHPOINT_COLUMNS + IMPORT_ONLY_COLUMNS
                return _Table(sheet.title, rows, header, columns, self.problems)
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
            else JourneyMap(Path(str(self.source)).stem or "Imported map")
        )
        phases = _Axis(lambda name: Phase(new_id(), name, _next_colour(phases)))
        lanes = _Axis(lambda name: Lane(new_id(), name))
        personas = _Axis(lambda name: Persona(new_id(), name))
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
        rows = _TouchpointRows(
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
                _place(table.title, table.first_row, 0), "there are no touchpoint rows"
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
