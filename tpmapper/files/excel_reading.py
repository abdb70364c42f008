"""What both workbook readers share: the import's result, located problems, a sheet's
table found by its header, names resolved to ids, and touchpoint rows read into touchpoints."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tpmapper.files import tpmap
from tpmapper.files.excel_cells import UnknownChannel, describe_cell
from tpmapper.files.excel_columns import (
    IMPORT_ONLY_COLUMNS,
    TOUCHPOINT_COLUMNS,
    Column,
    cell_reader,
    find_columns,
    sheet_key,
)
from tpmapper.files.workbook_census import SLACK_ROWS
from tpmapper.files.workbook_guard import MAX_PROBLEMS, WorkbookError, cell_place
from tpmapper.model import values
from tpmapper.model.elements import FieldError, Touchpoint, new_id
from tpmapper.model.journey import JourneyMap
from tpmapper.model.vocabulary import Moment
from tpmapper.printable import printable

LIMITS = tpmap.LIMITS
ABOUT_ROWS = 1_000  # the About sheet: a title, a description, a few notes
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


# ---------------------------------------------------------------------- problems


class Problems:
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
            self.notes.append(printable(f"{place}: {reason}"))

    def raise_if_any(self, source: str | Path) -> None:
        if self.count:
            raise WorkbookError(source, self.fatal, self.count)


# ---------------------------------------------------------------------- tables


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


class Table:
    """A sheet's rows under its header row, with its columns found by header."""

    def __init__(
        self,
        title: str,
        rows: list[tuple[Any, ...]],
        header_index: int,
        columns: Sequence[Column],
        problems: Problems,
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
        return cell_place(self.title, row, column)

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


def header_index(rows: list[tuple[Any, ...]], required: Sequence[str]) -> int | None:
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


def first_non_empty(rows: list[tuple[Any, ...]]) -> int:
    for index, row in enumerate(rows):
        if not all(_blank(v) for v in row):
            return index
    return 0


# ---------------------------------------------------------------------- names to ids


class Axis:
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
        """The id `name` stands for (see the notes of `excel_import`); creates one if none fits."""
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


class TouchpointRows:
    """Turns the rows of a touchpoint table into touchpoints, collecting problems."""

    def __init__(
        self,
        table: Table,
        *,
        phases: Axis,
        lanes: Axis,
        personas: Axis,
        taken_ids: set[str],
        problems: Problems,
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
        personas = self.persona_ids(row_number, found)
        if personas is None:
            return None
        arguments["personas"] = personas
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

    def place_of(self, row_number: int, found: dict[str, Any], key: str, axis: Axis) -> Any:
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

    def persona_ids(self, row_number: int, found: dict[str, Any]) -> tuple[str, ...] | None:
        """The ids of the personas the row names; None (with a problem added) if a name
        is refused."""
        stored = found.get("persona_ids", ())
        if "personas" not in found:  # no Personas column: keep the hidden ids that exist
            return tuple(i for i in stored if i in self.personas.items)
        for position, name in enumerate(found["personas"]):
            try:
                values.name(name)
            except ValueError as error:
                self.problem(row_number, "personas", f"entry {position + 1}: {error}")
                return None
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


# ---------------------------------------------------------------------- sizes and colours


def title_from_file(source: str | Path) -> str:
    """A map's title taken from its workbook's name; "Imported map" when the name is no
    title a map may hold (a control character, or bytes that were not a valid name)."""
    stem = Path(str(source)).stem
    try:
        return values.name(stem)
    except ValueError:
        return "Imported map"


def capped(key: str) -> int:
    return LIMITS[key] + SLACK_ROWS


def row_caps(titles: list[str]) -> dict[str, int]:
    """The most rows each sheet of a workbook with these `titles` is read with: in our
    own workbook, by what each of its sheets holds (sheets it does not read: none); in a
    typed one, every sheet as touchpoints (any may hold them)."""
    keys = {title: sheet_key(title) for title in titles}
    if not {"touchpoints", "phases", "lanes"} <= set(keys.values()):
        return dict.fromkeys(titles, capped("touchpoints"))
    caps = {key: capped(key) for key in ("personas", "phases", "lanes", "touchpoints")}
    caps |= {"journey": capped("links"), "about": ABOUT_ROWS}
    return {title: caps[key] for title, key in keys.items() if key in caps}


def next_colour(axis: Axis) -> str:
    return NEW_PHASE_COLOURS[len(axis.items) % len(NEW_PHASE_COLOURS)]
