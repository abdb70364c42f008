"""docs/tpmap.schema.json says what the reader accepts: checked against the code and the files."""

from __future__ import annotations

import json
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from tests.files.maps import BUNDLED, DATA, SCHEMA, every_field_map, map_with_views, minimal_map
from tpmapper.files import FORMAT_NAME, FORMAT_VERSION, MapFileError, dumps, loads
from tpmapper.files.tpmap import LIMITS
from tpmapper.model import (
    Channel,
    ColourMode,
    Directness,
    Lane,
    LaneKind,
    Link,
    Medium,
    Moment,
    Ownership,
    Persona,
    Phase,
    Touchpoint,
    View,
    ViewFilter,
    values,
)
from tpmapper.model.elements import defaults_of, field_names

SCHEMA_DOCUMENT = json.loads(SCHEMA.read_text(encoding="utf-8"))
VALIDATOR = Draft202012Validator(SCHEMA_DOCUMENT)
KINDS = {
    "persona": Persona,
    "phase": Phase,
    "lane": Lane,
    "touchpoint": Touchpoint,
    "link": Link,
    "view": View,
    "viewFilter": ViewFilter,
}
FILE_NAMES = {"source": "from", "target": "to"}


def _valid(document: Any) -> bool:
    return VALIDATOR.is_valid(document)


def _errors(document: Any) -> list[str]:
    return [error.message for error in VALIDATOR.iter_errors(document)]


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    assert SCHEMA_DOCUMENT["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(SCHEMA_DOCUMENT)


@pytest.mark.parametrize(
    "path", [*BUNDLED, DATA / f"format-v{FORMAT_VERSION}.tpmap"], ids=lambda p: p.name
)
def test_bundled_and_current_stored_files_are_valid(path) -> None:
    """The schema describes the current version; older stored files are migrated instead."""
    assert _errors(json.loads(path.read_bytes())) == []


@pytest.mark.parametrize(
    "build", [every_field_map, minimal_map, map_with_views], ids=["every-field", "minimal", "views"]
)
def test_dumps_are_valid(build) -> None:
    assert _errors(json.loads(dumps(build()))) == []


# ---------------------------------------------------------------------- the schema matches the code


def test_top_level_matches_the_reader() -> None:
    assert SCHEMA_DOCUMENT["additionalProperties"] is False
    assert SCHEMA_DOCUMENT["required"] == ["format", "version", "title"]
    assert SCHEMA_DOCUMENT["properties"]["format"] == {"const": FORMAT_NAME}
    assert SCHEMA_DOCUMENT["properties"]["version"]["const"] == FORMAT_VERSION
    assert set(SCHEMA_DOCUMENT["properties"]) == {
        "format",
        "version",
        "title",
        "description",
        *LIMITS,
    }
    for key, limit in LIMITS.items():
        assert SCHEMA_DOCUMENT["properties"][key]["maxItems"] == limit, key


@pytest.mark.parametrize("name", sorted(KINDS))
def test_each_element_lists_exactly_the_model_fields(name: str) -> None:
    kind = KINDS[name]
    definition = SCHEMA_DOCUMENT["$defs"][name]
    fields = [FILE_NAMES.get(f, f) for f in field_names(kind)]
    required = [FILE_NAMES.get(f, f) for f in field_names(kind) if f not in defaults_of(kind)]
    assert definition["additionalProperties"] is False
    assert list(definition["properties"]) == fields
    assert definition["required"] == required


@pytest.mark.parametrize("name", sorted(KINDS))
def test_documented_defaults_are_the_model_defaults(name: str) -> None:
    kind = KINDS[name]
    properties = SCHEMA_DOCUMENT["$defs"][name]["properties"]
    for field, default in defaults_of(kind).items():
        written = properties[FILE_NAMES.get(field, field)]
        if default is None:
            assert "default" not in written, field  # unset: left out of the file
        elif isinstance(default, ViewFilter):
            assert default.is_empty
            assert written["default"] == {}  # no filter: the key is left out
        else:
            encoded = default.value if hasattr(default, "value") else default
            assert written["default"] == (list(encoded) if isinstance(encoded, tuple) else encoded)


@pytest.mark.parametrize(
    ("field", "kind"),
    [
        ("channel", Channel),
        ("ownership", Ownership),
        ("directness", Directness),
        ("medium", Medium),
        ("moment", Moment),
    ],
    ids=lambda x: x if isinstance(x, str) else x.__name__,
)
def test_enums_are_the_vocabulary_and_null(field: str, kind: type) -> None:
    assert SCHEMA_DOCUMENT["$defs"]["touchpoint"]["properties"][field]["enum"] == [
        *(member.value for member in kind),
        None,
    ]


def test_view_words_are_the_vocabulary() -> None:
    definitions = SCHEMA_DOCUMENT["$defs"]
    colour_mode = definitions["view"]["properties"]["colour_mode"]
    assert colour_mode["enum"] == [member.value for member in ColourMode]  # null is refused
    moments = definitions["viewFilter"]["properties"]["moments"]
    assert moments["items"]["enum"] == [member.value for member in Moment]
    assert moments["maxItems"] == values.MAX_LIST_ITEMS
    assert definitions["textOrEmptyList"]["maxItems"] == values.MAX_LIST_ITEMS


def test_lane_kind_is_required_to_be_a_member_when_given() -> None:
    kind = SCHEMA_DOCUMENT["$defs"]["lane"]["properties"]["kind"]
    assert kind["enum"] == [member.value for member in LaneKind]


def test_limits_of_text_lists_and_ids_match_the_checks() -> None:
    definitions = SCHEMA_DOCUMENT["$defs"]
    assert definitions["text"]["maxLength"] == values.MAX_TEXT
    assert definitions["id"]["maxLength"] == values.MAX_ID_LENGTH
    assert definitions["textList"]["maxItems"] == values.MAX_LIST_ITEMS
    assert definitions["idList"]["maxItems"] == values.MAX_LIST_ITEMS
    rating = definitions["rating"]["oneOf"][0]
    assert (rating["minimum"], rating["maximum"]) == (values.RATING_MIN, values.RATING_MAX)


# ---------------------------------------------------------------------- refused means invalid


def _base() -> dict[str, Any]:
    return json.loads(dumps(map_with_views()))


def _with(change) -> dict[str, Any]:
    document = _base()
    change(document)
    return document


REFUSED = {
    "wrong-format": lambda d: d.update(format="tpmapper-template"),
    "missing-format": lambda d: d.pop("format"),
    "newer-version": lambda d: d.update(version=3),
    "version-0": lambda d: d.update(version=0),
    "version-1-with-views": lambda d: d.update(version=1),
    "version-text": lambda d: d.update(version="2"),
    "missing-title": lambda d: d.pop("title"),
    "unknown-top-level": lambda d: d.update(zoom=1),
    "touchpoint-without-name": lambda d: d["touchpoints"][0].pop("name"),
    "touchpoint-without-phase": lambda d: d["touchpoints"][0].pop("phase"),
    "link-without-to": lambda d: d["links"][0].pop("to"),
    "name-number": lambda d: d["touchpoints"][0].update(name=5),
    "name-blank": lambda d: d["touchpoints"][0].update(name=" \n "),
    "tags-text": lambda d: d["touchpoints"][0].update(tags="x"),
    "tags-twice": lambda d: d["touchpoints"][0].update(tags=["a", "a"]),
    "rating-9": lambda d: d["touchpoints"][0].update(customer_rating=9),
    "rating-fraction": lambda d: d["touchpoints"][0].update(customer_rating=2.5),
    "rating-bool": lambda d: d["touchpoints"][0].update(customer_rating=True),
    "share-1.5": lambda d: d["links"][0].update(share=1.5),
    "cost-negative": lambda d: d["touchpoints"][0].update(cost=-5),
    "roi-infinite": lambda d: d["touchpoints"][0].update(roi=float("inf")),
    "reach-fraction": lambda d: d["touchpoints"][0].update(reach=0.5),
    "unknown-touchpoint-field": lambda d: d["touchpoints"][0].update(rating=3),
    "link-source-not-from": lambda d: d["links"][0].update(source="tp-ad"),
    "channel-unknown": lambda d: d["touchpoints"][0].update(channel="fax"),
    "lane-kind-null": lambda d: d["lanes"][0].update(kind=None),
    "colour-word": lambda d: d["phases"][0].update(colour="red"),
    "colour-with-newline": lambda d: d["phases"][0].update(colour="#123456\n"),
    "id-with-space": lambda d: d["phases"][0].update(id="a b"),
    "id-with-newline": lambda d: d["touchpoints"][0].update(id="tp\n"),
    "id-too-long": lambda d: d["touchpoints"][0].update(id="t" * 65),
    "control-character": lambda d: d["touchpoints"][0].update(notes="\x1b[31m"),
    "name-40000": lambda d: d["touchpoints"][0].update(name="x" * 40_000),
    "description-null": lambda d: d.update(description=None),
    "personas-not-list": lambda d: d.update(personas={}),
    "touchpoint-not-object": lambda d: d["touchpoints"].append([]),
    "views-not-list": lambda d: d.update(views={}),
    "view-not-object": lambda d: d["views"].append("Everything"),
    "view-without-name": lambda d: d["views"][0].pop("name"),
    "view-without-id": lambda d: d["views"][1].pop("id"),
    "view-colour-mood": lambda d: d["views"][0].update(colour_mode="mood"),
    "view-colour-null": lambda d: d["views"][0].update(colour_mode=None),
    "view-unknown-field": lambda d: d["views"][0].update(zoom=2),
    "filter-null": lambda d: d["views"][0].update(filter=None),
    "filter-list": lambda d: d["views"][0].update(filter=[]),
    "filter-unknown-key": lambda d: d["views"][0]["filter"].update(channels=["email"]),
    "filter-rating-9": lambda d: d["views"][0]["filter"].update(rating_min=9),
    "filter-rating-0": lambda d: d["views"][2]["filter"].update(rating_max=0),
    "filter-moment-unknown": lambda d: d["views"][0]["filter"].update(moments=["meh"]),
    "filter-moment-twice": lambda d: d["views"][0]["filter"].update(moments=["positive"] * 2),
    "filter-phase-bad-id": lambda d: d["views"][0]["filter"].update(phases=["a b"]),
    "filter-tag-empty": lambda d: d["views"][0]["filter"].update(tags=[""]),
    "filter-owner-twice": lambda d: d["views"][0]["filter"].update(owners=["", ""]),
    "filter-text-number": lambda d: d["views"][0]["filter"].update(text=3),
}


@pytest.mark.parametrize("change", list(REFUSED.values()), ids=list(REFUSED))
def test_a_refused_document_is_invalid_per_the_schema(change) -> None:
    document = _with(change)
    with pytest.raises(MapFileError):
        loads(json.dumps(document).encode())
    assert not _valid(document)


def test_a_non_object_is_invalid() -> None:
    for document in ([], "tpmapper-map", 1, None):
        assert not _valid(document)


ACCEPTED = {
    "nulls-for-unset": lambda d: d["touchpoints"][0].update(
        channel=None, influenceable=None, customer_rating=None, roi=None, reach=None
    ),
    "whole-float-rating": lambda d: d["touchpoints"][0].update(customer_rating=4.0, reach=7.0),
    "uppercase-colour": lambda d: d["phases"][0].update(colour="#ABCDEF"),
    "no-lists-at-all": lambda d: [
        d.pop(k) for k in ("personas", "phases", "lanes", "touchpoints", "links", "views")
    ],
    "filter-empty-object": lambda d: d["views"][1].update(filter={}),
    "filter-nulls-for-unset": lambda d: d["views"][0]["filter"].update(
        rating_min=None, rating_max=None
    ),
    "filter-unknown-ids": lambda d: d["views"][0]["filter"].update(
        phases=["ghost"], lanes=["ghost"], personas=["ghost"]
    ),
    "filter-owner-empty": lambda d: d["views"][0]["filter"].update(owners=[""]),
    "text-32767": lambda d: d["touchpoints"][0].update(notes="ä" * 32_767),
    "tab-newline-return": lambda d: d["touchpoints"][0].update(notes="a\tb\nc\r\n"),
    "huge-roi": lambda d: d["touchpoints"][0].update(roi=-1.5e308),
}


@pytest.mark.parametrize("change", list(ACCEPTED.values()), ids=list(ACCEPTED))
def test_an_accepted_document_is_valid_per_the_schema(change) -> None:
    document = _with(change)
    loads(json.dumps(document).encode())  # does not raise
    assert _errors(document) == []


# ---------------------------------------------------------------------- reader and schema agree

_PROBES: list[Any] = [
    None, True, False, 0, -1, 1, 3, 5, 6, 1.5, 2.0, 0.25, 10**300, -(10**300), 1e308,
    float("inf"), "", " ", "x", "a b", "a\x00", "a\n", "#ffffff", "#FFF", "ü" * 32_768,
    "website", "pain_point", "actor", [], ["a"], ["a", "a"], [1], ["hunter"], {}, {"a": 1},
]  # fmt: skip


def _single_touchpoint_document() -> dict[str, Any]:
    document = _base()
    document["touchpoints"] = document["touchpoints"][:1]
    document["links"] = []
    return document


def _reader_accepts(document: dict[str, Any]) -> tuple[bool, str]:
    try:
        loads(json.dumps(document).encode())
    except MapFileError as error:
        return False, error.reason
    return True, ""


@pytest.mark.parametrize(
    ("key", "field"),
    [
        *(("touchpoints", f) for f in field_names(Touchpoint)),
        *(("personas", f) for f in field_names(Persona)),
        *(("phases", f) for f in field_names(Phase)),
        *(("lanes", f) for f in field_names(Lane)),
        ("links", "label"),
        ("links", "share"),
        *(("views", f) for f in field_names(View)),
        *(("filter", f) for f in field_names(ViewFilter)),
    ],
    ids=lambda x: x,
)
def test_reader_and_schema_agree_on_each_value(key: str, field: str) -> None:
    for value in _PROBES:
        document = _single_touchpoint_document()
        if key == "links":
            document["links"] = [{"from": "tp-ad", "to": "tp-ad"}]
        document["views"] = [{"id": "v", "name": "View", "filter": {}}]
        if key == "filter":
            document["views"][0]["filter"][field] = value
        else:
            document[key][0][field] = value
        accepted, reason = _reader_accepts(document)
        if not accepted and reason.startswith("there is no"):
            continue  # references between elements: the schema cannot see them
        assert _valid(document) == accepted, (key, field, value, reason)


def test_the_example_in_the_documentation_is_a_valid_map() -> None:
    text = (SCHEMA.parent / "file-format.md").read_text(encoding="utf-8")
    example = text.split("```json\n", 1)[1].split("```", 1)[0]
    journey = loads(example.encode("utf-8"), "file-format.md")
    assert len(journey) == 2
    assert len(journey.links()) == 1
    assert len(journey.views) == 1
    assert _errors(json.loads(example)) == []


def test_what_only_the_reader_checks_in_a_view() -> None:
    """JSON Schema cannot compare two values or see duplicate ids: the reader refuses them."""
    for change in (
        lambda d: d["views"][0]["filter"].update(rating_min=5, rating_max=2),
        lambda d: d["views"][2].update(id="v-pain"),
    ):
        document = _with(change)
        assert _errors(document) == []
        with pytest.raises(MapFileError):
            loads(json.dumps(document).encode())


def test_a_version_1_file_does_not_validate_against_the_current_schema() -> None:
    document = json.loads((DATA / "format-v1.tpmap").read_bytes())
    assert not _valid(document)
    loads(json.dumps(document).encode())  # but the reader migrates and reads it
