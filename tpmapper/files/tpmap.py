"""The `.tpmap` format: small, stable, readable JSON that diffs well (docs/file-format.md).

Writing is deterministic: the same map always gives the same bytes (fields in a fixed
order, elements in map order, two-space indentation, unset values left out).
Reading is strict: anything wrong is refused with the file and the place named.
"""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Any

from tpmapper.files.atomic import atomic_write
from tpmapper.files.errors import MapFileError, shorten
from tpmapper.files.json_text import parse_json
from tpmapper.files.migrations import MIGRATIONS, MigrationRefusal, migrate
from tpmapper.files.reading import read_capped
from tpmapper.model import values
from tpmapper.model.elements import (
    FieldError,
    Lane,
    Link,
    Persona,
    Phase,
    Touchpoint,
    View,
    ViewFilter,
    defaults_of,
    field_names,
)
from tpmapper.model.journey import JourneyMap

FORMAT_NAME = "tpmapper-map"
FORMAT_VERSION = 2  # 2: saved views ("views"); see migrations.py for the steps
SUFFIX = ".tpmap"

MAX_FILE_BYTES = 64 * 1024 * 1024
# The most of each a map may hold: far above any real map (the canvas is measured with
# 10,000 cards), below harm (the window shows 30,000 cards and 75,000 links in about
# 700 MB; 60,000 and 150,000 took 1.6 GB). json_budget caps what the parser builds before
# these can be counted.
LIMITS = {
    "personas": 1_000,
    "phases": 200,
    "lanes": 200,
    "touchpoints": 30_000,
    "links": 75_000,
    "views": 1_000,
}

# Field names in the file that differ from the model's.
_LINK_FILE_NAMES = {"source": "from", "target": "to"}
_TOP_LEVEL = ("format", "version", "title", "description", *LIMITS)


# ---------------------------------------------------------------------- writing


def _encode(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple):
        return [_encode(item) for item in value]
    if isinstance(value, ViewFilter):
        return _record(value)
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)  # 120000, not 120000.0; read back as the same float
    return value


def _record(element: Any, renames: dict[str, str] | None = None) -> dict[str, Any]:
    """An element as a JSON object: every field in declaration order, defaults left out."""
    renames = renames or {}
    defaults = _DEFAULTS[type(element)]
    result: dict[str, Any] = {}
    for name in _FIELDS[type(element)]:
        value = getattr(element, name)
        if name in defaults and value == defaults[name]:
            continue
        result[renames.get(name, name)] = _encode(value)
    return result


def to_document(journey: JourneyMap) -> dict[str, Any]:
    document: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "title": journey.title,
    }
    if journey.description:
        document["description"] = journey.description
    document["personas"] = [_record(p) for p in journey.personas]
    document["phases"] = [_record(p) for p in journey.phases]
    document["lanes"] = [_record(lane) for lane in journey.lanes]
    document["touchpoints"] = [_record(tp) for tp in journey.touchpoints()]
    document["links"] = [_record(link, _LINK_FILE_NAMES) for link in journey.links()]
    document["views"] = [_record(view) for view in journey.views]
    return document


def dumps(journey: JourneyMap) -> bytes:
    """The map as `.tpmap` bytes; byte-identical for equal maps."""
    text = json.dumps(to_document(journey), indent=2, ensure_ascii=False, allow_nan=False)
    return (text + "\n").encode("utf-8")


def save(journey: JourneyMap, path: str | Path) -> None:
    """Save atomically: `path` holds either the old file or the whole new one."""
    atomic_write(path, dumps(journey))


# ---------------------------------------------------------------------- reading


def load(path: str | Path) -> JourneyMap:
    """Read a `.tpmap` file; raises `MapFileError` naming the file and the place."""
    path = Path(path)
    data = read_capped(path, MAX_FILE_BYTES, "a map file")
    return loads(data, path)


def loads(data: bytes, source: str | Path = "<map>") -> JourneyMap:
    """Read `.tpmap` bytes; `source` is the name used in error messages."""
    if len(data) > MAX_FILE_BYTES:
        raise MapFileError(source, f"is larger than {MAX_FILE_BYTES // 2**20} MiB; not a map file")
    document = parse_json(data, source, _KNOWN_NAMES)
    return from_document(document, source)


class _Reader:
    """Turns a parsed document into a map, naming the place of the first problem."""

    def __init__(self, source: str | Path) -> None:
        self.source = source

    def fail(self, reason: str, place: str | None = None) -> MapFileError:
        return MapFileError(self.source, reason, place)

    def read(self, document: Any) -> JourneyMap:
        document = self.header(document)
        journey = self.build_map(document)
        for persona in self.elements(document, "personas", Persona):
            journey.personas.insert(persona)
        for phase in self.elements(document, "phases", Phase):
            journey.phases.insert(phase)
        for lane in self.elements(document, "lanes", Lane):
            journey.lanes.insert(lane)
        self.touchpoints(document, journey)
        self.links(document, journey)
        self.views(document, journey)
        return journey

    def header(self, document: Any) -> dict[str, Any]:
        if not isinstance(document, dict):
            raise self.fail("not a tpmapper map (the file holds no JSON object)")
        if "format" not in document:
            raise self.fail("not a tpmapper map (it has no 'format' field)")
        if document["format"] != FORMAT_NAME:
            shown = shorten(str(document["format"]))
            raise self.fail(f"not a tpmapper map (format is '{shown}')", "format")
        if "version" not in document:
            raise self.fail("missing required field 'version'")
        version = document["version"]
        if isinstance(version, bool) or not isinstance(version, int):
            raise self.fail("expected a whole number", "version")
        if version > FORMAT_VERSION:
            raise self.fail(
                f"was saved by a newer tpmapper (format version {version}; this one reads up to "
                f"{FORMAT_VERSION}); please update tpmapper",
                "version",
            )
        if version < FORMAT_VERSION:
            if any(v not in MIGRATIONS for v in range(version, FORMAT_VERSION)):
                raise self.fail(
                    f"format version {version} is not one tpmapper ever wrote", "version"
                )
            try:
                document = migrate(document, version, FORMAT_VERSION)
            except MigrationRefusal as refusal:
                raise self.fail(refusal.reason, refusal.place) from None
            except (KeyError, TypeError, ValueError, AttributeError) as error:
                raise self.fail(
                    f"cannot be upgraded from format version {version} ({error})", "version"
                ) from None
        unknown = [key for key in document if key not in _TOP_LEVEL]
        if unknown:
            raise self.fail(f"unknown field '{shorten(unknown[0])}'", shorten(unknown[0]))
        return document

    def build_map(self, document: dict[str, Any]) -> JourneyMap:
        if "title" not in document:
            raise self.fail("missing required field 'title'")
        for key, check in (("title", values.name), ("description", values.text)):
            if key in document:
                try:
                    check(document[key])
                except ValueError as error:
                    raise self.fail(str(error), key) from None
        return JourneyMap(document["title"], document.get("description", ""))

    def items(self, document: dict[str, Any], key: str) -> list[Any]:
        items = document.get(key, [])
        if not isinstance(items, list):
            raise self.fail("expected a list", key)
        if len(items) > LIMITS[key]:
            raise self.fail(
                f"{len(items):,} entries are more than a map may hold ({LIMITS[key]:,})", key
            )
        return items

    def element(
        self, raw: Any, kind: type, place: str, renames: dict[str, str] | None = None
    ) -> Any:
        if not isinstance(raw, dict):
            raise self.fail("expected an object", place)
        renames = renames or {}
        from_file = {file_name: model_name for model_name, file_name in renames.items()}
        known = _FIELDS[kind]
        arguments: dict[str, Any] = {}
        for file_name, value in raw.items():
            model_name = from_file.get(file_name, file_name)
            renamed_away = model_name in renames and file_name == model_name
            if model_name not in known or renamed_away:
                shown = shorten(file_name)
                raise self.fail(f"unknown field '{shown}'", f"{place}.{shown}")
            arguments[model_name] = value
        for model_name in known:
            if model_name not in arguments and model_name not in _DEFAULTS[kind]:
                shown = renames.get(model_name, model_name)
                raise self.fail(f"missing required field '{shown}'", place)
        try:
            return kind(**arguments)
        except FieldError as error:
            shown = renames.get(error.field, error.field)
            raise self.fail(error.reason + _naming(raw), f"{place}.{shown}") from None

    def elements(self, document: dict[str, Any], key: str, kind: type) -> list[Any]:
        result = []
        seen: dict[str, int] = {}
        for index, raw in enumerate(self.items(document, key)):
            element = self.element(raw, kind, f"{key}[{index}]")
            if element.id in seen:
                raise self.fail(
                    f"the id '{element.id}' is used twice (also by {key}[{seen[element.id]}])",
                    f"{key}[{index}].id",
                )
            seen[element.id] = index
            result.append(element)
        return result

    def touchpoints(self, document: dict[str, Any], journey: JourneyMap) -> None:
        for index, tp in enumerate(self.elements(document, "touchpoints", Touchpoint)):
            place = f"touchpoints[{index}]"
            if tp.phase not in journey.phases:
                raise self.fail(
                    f"there is no phase with id '{tp.phase}'{_named(tp)}", f"{place}.phase"
                )
            if tp.lane not in journey.lanes:
                raise self.fail(
                    f"there is no lane with id '{tp.lane}'{_named(tp)}", f"{place}.lane"
                )
            for persona in tp.personas:
                if persona not in journey.personas:
                    raise self.fail(
                        f"there is no persona with id '{persona}'{_named(tp)}", f"{place}.personas"
                    )
            journey.insert_touchpoint(tp)

    def links(self, document: dict[str, Any], journey: JourneyMap) -> None:
        seen: dict[tuple[str, str], int] = {}
        for index, raw in enumerate(self.items(document, "links")):
            place = f"links[{index}]"
            link = self.element(raw, Link, place, _LINK_FILE_NAMES)
            for end, file_name in ((link.source, "from"), (link.target, "to")):
                if end not in journey:
                    raise self.fail(
                        f"there is no touchpoint with id '{end}'", f"{place}.{file_name}"
                    )
            if link.key in seen:
                raise self.fail(
                    f"the same step is listed twice (also links[{seen[link.key]}])", place
                )
            seen[link.key] = index
            journey.insert_link(link)

    def views(self, document: dict[str, Any], journey: JourneyMap) -> None:
        """The saved views. The ids their filters name need not exist (they match nothing)."""
        seen: dict[str, int] = {}
        for index, raw in enumerate(self.items(document, "views")):
            place = f"views[{index}]"
            if not isinstance(raw, dict):
                raise self.fail("expected an object", place)
            view = self.element({k: v for k, v in raw.items() if k != "filter"}, View, place)
            if "filter" in raw:
                view_filter = self.element(raw["filter"], ViewFilter, f"{place}.filter")
                view = view.with_changes(filter=view_filter)
            if view.id in seen:
                raise self.fail(
                    f"the id '{view.id}' is used twice (also by views[{seen[view.id]}])",
                    f"{place}.id",
                )
            seen[view.id] = index
            journey.views.insert(view)


def _named(touchpoint: Touchpoint) -> str:
    return f" (touchpoint '{shorten(touchpoint.name)}')"


def _naming(raw: dict[str, Any]) -> str:
    """The element's name as " (in 'Search ad')", when it has a sound one to name it by."""
    name = raw.get("name")
    try:
        values.name(name)
    except ValueError:
        return ""
    return f" (in '{name}')" if len(name) <= 80 else ""


def from_document(document: Any, source: str | Path = "<map>") -> JourneyMap:
    """Build a map from a parsed `.tpmap` document; raises `MapFileError`."""
    return _Reader(source).read(document)


_FIELDS = {
    kind: field_names(kind) for kind in (Persona, Phase, Lane, Touchpoint, Link, View, ViewFilter)
}
_DEFAULTS = {kind: defaults_of(kind) for kind in _FIELDS}
# Every field name a map may hold (json_text stops on a file of thousands of others).
_KNOWN_NAMES = frozenset(
    [*_TOP_LEVEL, *_LINK_FILE_NAMES.values(), *(n for names in _FIELDS.values() for n in names)]
)
