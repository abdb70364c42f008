"""Every way a .tpmap file can be wrong is refused with one MapFileError naming file and place."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.files.maps import SAMPLES, every_field_map, map_with_views
from tpmapper.files import MapFileError, dumps, load, loads, tpmap
from tpmapper.model import JourneyMap, Touchpoint, View, ViewFilter
from tpmapper.model.elements import field_names

SAMPLE = next(p for p in SAMPLES if p.name == "online-shop.en.tpmap").read_bytes()
SAMPLE_DE = next(p for p in SAMPLES if p.name == "online-shop.de.tpmap").read_bytes()

# every_field_map() in file order:
#   touchpoints: 0 tp-ad, 1 tp-review, 2 tp-cart, 3 tp-mail, 4 tp-post
#   links: 0 ad->cart, 1 review->cart, 2 cart->review, 3 cart->mail, 4 mail->mail
# and map_with_views()'s views: 0 v-pain (every filter field), 1 v-all, 2 v-gap (rating_max 3)


def _base() -> dict[str, Any]:
    return json.loads(dumps(map_with_views()))


def _changed(change: Callable[[dict[str, Any]], object]) -> bytes:
    document = _base()
    change(document)
    return json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")


def _sample_with(old: bytes, new: bytes) -> bytes:
    assert old in SAMPLE
    return SAMPLE.replace(old, new, 1)


def _assert_refused(
    path: Path, place: str | None, reason: str, load_it: Callable[[], object] | None = None
) -> MapFileError:
    with pytest.raises(MapFileError) as caught:
        (load_it or (lambda: load(path)))()
    error = caught.value
    message = str(error)
    assert message.startswith(f"{path}: "), message
    assert error.source == str(path)
    assert error.place == place, message
    if place is not None:
        assert message.startswith(f"{path}: {place}: "), message
    assert reason in error.reason, message
    assert message.endswith(error.reason)
    return error


def _tp(index: int, **changes: Any) -> Callable[[dict[str, Any]], object]:
    return lambda d: d["touchpoints"][index].update(changes)


def _drop(key: str, index: int, field: str) -> Callable[[dict[str, Any]], object]:
    return lambda d: d[key][index].pop(field)


def _view(index: int, **changes: Any) -> Callable[[dict[str, Any]], object]:
    return lambda d: d["views"][index].update(changes)


def _filter(index: int, **changes: Any) -> Callable[[dict[str, Any]], object]:
    return lambda d: d["views"][index].setdefault("filter", {}).update(changes)


# (id, bytes of the file, place, part of the reason)
CASES: list[tuple[str, bytes, str | None, str]] = [
    # -------------------------------------------------------------- not a map at all
    ("not-json", b"Hello, this is a letter.", "line 1, column 1", "not valid JSON"),
    ("json-garbage-late", b'{"format": "tpmapper-map",\n "version": 1 1}', "line 2, column 15",
     "not valid JSON (expecting ',' delimiter)"),
    ("truncated-half", SAMPLE[: len(SAMPLE) // 2], None, "may be truncated"),
    ("truncated-third", SAMPLE[: len(SAMPLE) // 3], None, "may be truncated"),
    ("truncated-in-true", SAMPLE[: SAMPLE.index(b": true") + 4], None, "may be truncated"),
    ("truncated-in-number", SAMPLE[: SAMPLE.index(b": 0.") + 4], None, "may be truncated"),
    ("truncated-in-umlaut", SAMPLE_DE[: SAMPLE_DE.index("ä".encode()) + 1], None,
     "may be truncated"),
    ("empty", b"", None, "the file is empty"),
    ("only-whitespace", b" \n\t\r\n", None, "the file is empty"),
    ("zip-xlsx", b"PK\x03\x04\x14\x00\x06\x00\x08\x00" + bytes(range(256)), None,
     "is a zip archive (an Excel workbook?)"),
    ("binary-png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", None, "byte 1 is not UTF-8"),
    ("latin-1", '{"format": "tpmapper-map", "title": "Größe"}'.encode("latin-1"), None,
     "byte 40 is not UTF-8"),
    ("utf-16", '{"format": "tpmapper-map"}'.encode("utf-16"), None,
     "is UTF-16 encoded; tpmapper reads UTF-8 map files"),
    ("utf-16-be-no-bom", '{"format": "tpmapper-map"}'.encode("utf-16-be"), None,
     "is UTF-16 encoded"),
    ("utf-16-le-no-bom", '\n{"format": "tpmapper-map"}'.encode("utf-16-le"), None,
     "is UTF-16 encoded"),
    ("utf-32", '{"format": "tpmapper-map"}'.encode("utf-32"), None, "is UTF-32 encoded"),
    ("json-list", b"[1, 2, 3]", None, "holds no JSON object"),
    ("json-string", b'"tpmapper-map"', None, "holds no JSON object"),
    # -------------------------------------------------------------- header
    ("wrong-format", _changed(lambda d: d.update(format="tpmapper-template")), "format",
     "not a tpmapper map (format is 'tpmapper-template')"),
    ("format-not-text", _changed(lambda d: d.update(format=1)), "format", "format is '1'"),
    ("missing-format", _changed(lambda d: d.pop("format")), None, "it has no 'format' field"),
    ("other-json", b'{"name": "package.json", "version": "1.0.0"}', None,
     "it has no 'format' field"),
    ("newer-version", _changed(lambda d: d.update(version=3)), "version",
     "newer tpmapper (format version 3; this one reads up to 2); please update"),
    ("much-newer-version", _changed(lambda d: d.update(version=10**20)), "version",
     "newer tpmapper"),
    ("version-zero", _changed(lambda d: d.update(version=0)), "version",
     "format version 0 is not one tpmapper ever wrote"),
    ("version-negative", _changed(lambda d: d.update(version=-3)), "version",
     "format version -3 is not one"),
    ("version-text", _changed(lambda d: d.update(version="2")), "version",
     "expected a whole number"),
    ("version-float", _changed(lambda d: d.update(version=2.0)), "version", "whole number"),
    ("version-bool", _changed(lambda d: d.update(version=True)), "version", "whole number"),
    ("version-missing", _changed(lambda d: d.pop("version")), None,
     "missing required field 'version'"),
    ("missing-title", _changed(lambda d: d.pop("title")), None, "missing required field 'title'"),
    ("title-empty", _changed(lambda d: d.update(title="  ")), "title", "must not be empty"),
    ("title-number", _changed(lambda d: d.update(title=5)), "title", "expected text, got a number"),
    ("description-null", _changed(lambda d: d.update(description=None)), "description",
     "expected text, got null"),
    ("unknown-top-level", _changed(lambda d: d.update(zoom=2)), "zoom", "unknown field 'zoom'"),
    ("personas-not-list", _changed(lambda d: d.update(personas={})), "personas",
     "expected a list"),
    ("links-null", _changed(lambda d: d.update(links=None)), "links", "expected a list"),
    # -------------------------------------------------------------- required fields
    ("touchpoint-without-name", _changed(_drop("touchpoints", 1, "name")), "touchpoints[1]",
     "missing required field 'name'"),
    ("touchpoint-without-phase", _changed(_drop("touchpoints", 0, "phase")), "touchpoints[0]",
     "missing required field 'phase'"),
    ("touchpoint-without-lane", _changed(_drop("touchpoints", 4, "lane")), "touchpoints[4]",
     "missing required field 'lane'"),
    ("touchpoint-without-id", _changed(_drop("touchpoints", 2, "id")), "touchpoints[2]",
     "missing required field 'id'"),
    ("phase-without-name", _changed(_drop("phases", 1, "name")), "phases[1]",
     "missing required field 'name'"),
    ("lane-without-id", _changed(_drop("lanes", 0, "id")), "lanes[0]",
     "missing required field 'id'"),
    ("persona-without-name", _changed(_drop("personas", 0, "name")), "personas[0]",
     "missing required field 'name'"),
    ("link-without-to", _changed(_drop("links", 3, "to")), "links[3]",
     "missing required field 'to'"),
    ("link-without-from", _changed(_drop("links", 0, "from")), "links[0]",
     "missing required field 'from'"),
    ("touchpoint-not-object", _changed(lambda d: d["touchpoints"].insert(0, "Website")),
     "touchpoints[0]", "expected an object"),
    # -------------------------------------------------------------- wrong types
    ("name-number", _changed(_tp(0, name=5)), "touchpoints[0].name", "expected text, got a number"),
    ("tags-text", _changed(_tp(2, tags="x")), "touchpoints[2].tags",
     "expected a list of texts, got text"),
    ("tags-numbers", _changed(_tp(2, tags=["a", 1])), "touchpoints[2].tags",
     "entry 2: expected text, got a number"),
    ("tags-twice", _changed(_tp(2, tags=["a", "a"])), "touchpoints[2].tags",
     "entry 2: 'a' appears twice"),
    ("tags-empty-entry", _changed(_tp(2, tags=[""])), "touchpoints[2].tags",
     "entry 1: must not be empty"),
    ("influenceable-text", _changed(_tp(0, influenceable="yes")), "touchpoints[0].influenceable",
     "expected true or false, got text"),
    ("rating-bool", _changed(_tp(0, importance=True)), "touchpoints[0].importance",
     "expected a rating from 1 to 5, got true/false"),
    ("rating-fraction", _changed(_tp(0, importance=2.5)), "touchpoints[0].importance",
     "2.5 is not a whole number from 1 to 5"),
    ("channel-unknown", _changed(_tp(0, channel="fax")), "touchpoints[0].channel",
     "'fax' is not one of: website, online_shop"),
    ("channel-number", _changed(_tp(0, channel=3)), "touchpoints[0].channel",
     "expected one of: website"),
    ("lane-kind-null", _changed(lambda d: d["lanes"][0].update(kind=None)), "lanes[0].kind",
     "must be one of: channel_group, actor"),
    ("colour-word", _changed(lambda d: d["phases"][0].update(colour="red")), "phases[0].colour",
     "'red' is not a colour like #1f77b4"),
    ("colour-short", _changed(lambda d: d["phases"][1].update(colour="#fff")), "phases[1].colour",
     "is not a colour"),
    ("id-with-space", _changed(lambda d: d["personas"][0].update(id="bargain hunter")),
     "personas[0].id", "'bargain hunter' is not a valid id"),
    ("id-too-long", _changed(lambda d: d["phases"][0].update(id="p" * 65)), "phases[0].id",
     "at most 64 characters"),
    ("control-character", _changed(_tp(3, notes="bell\x07")), "touchpoints[3].notes",
     "the control character U+0007"),
    ("name-only-spaces", _changed(_tp(3, name="   ")), "touchpoints[3].name", "must not be empty"),
    # -------------------------------------------------------------- out of range
    ("customer-rating-9", _changed(_tp(2, customer_rating=9)), "touchpoints[2].customer_rating",
     "9 is outside 1–5"),
    ("company-rating-0", _changed(_tp(4, company_rating=0)), "touchpoints[4].company_rating",
     "0 is outside 1–5"),
    ("share-1.5", _changed(lambda d: d["links"][0].update(share=1.5)), "links[0].share",
     "1.5 is outside 0–1"),
    ("share-negative", _changed(lambda d: d["links"][0].update(share=-0.1)), "links[0].share",
     "-0.1 is outside 0–1"),
    ("conversion-rate-percent", _changed(_tp(1, conversion_rate=31.3)),
     "touchpoints[1].conversion_rate", "31.3 is outside 0–1"),
    ("cost-negative", _changed(_tp(1, cost=-5)), "touchpoints[1].cost", "-5 is negative"),
    ("reach-fraction", _changed(_tp(1, reach=1.5)), "touchpoints[1].reach",
     "1.5 is not a whole number of 0 or more"),
    ("reach-negative", _changed(_tp(1, reach=-1)), "touchpoints[1].reach", "not a whole number"),
    ("roi-overflow", _sample_with(b'"roi": 1.8', b'"roi": 1e999'), "touchpoints[2].roi",
     "inf is not a finite number"),
    # -------------------------------------------------------------- unknown fields
    ("unknown-touchpoint-field", _changed(_tp(0, rating=3)), "touchpoints[0].rating",
     "unknown field 'rating'"),
    ("unknown-phase-field", _changed(lambda d: d["phases"][0].update(color="#ffffff")),
     "phases[0].color", "unknown field 'color'"),
    ("link-model-name-source", _changed(lambda d: d["links"][1].update(source="tp-ad")),
     "links[1].source", "unknown field 'source'"),
    # -------------------------------------------------------------- ids and references
    ("duplicate-touchpoint-id", _changed(_tp(3, id="tp-ad")), "touchpoints[3].id",
     "the id 'tp-ad' is used twice (also by touchpoints[0])"),
    ("duplicate-phase-id", _changed(lambda d: d["phases"][1].update(id="see")), "phases[1].id",
     "the id 'see' is used twice (also by phases[0])"),
    ("duplicate-lane-id", _changed(lambda d: d["lanes"][2].update(id="digital")), "lanes[2].id",
     "also by lanes[0]"),
    ("duplicate-persona-id", _changed(lambda d: d["personas"][1].update(id="hunter")),
     "personas[1].id", "also by personas[0]"),
    ("link-to-missing", _changed(lambda d: d["links"][2].update(to="ghost")), "links[2].to",
     "there is no touchpoint with id 'ghost'"),
    ("link-from-missing", _changed(lambda d: d["links"][4].update({"from": "ghost"})),
     "links[4].from", "there is no touchpoint with id 'ghost'"),
    ("duplicate-link", _changed(lambda d: d["links"].append(dict(d["links"][1], label="again"))),
     "links[5]", "the same step is listed twice (also links[1])"),
    ("missing-phase", _changed(_tp(1, phase="nowhere")), "touchpoints[1].phase",
     "there is no phase with id 'nowhere' (touchpoint 'Reviews')"),
    ("missing-lane", _changed(_tp(1, lane="nowhere")), "touchpoints[1].lane",
     "there is no lane with id 'nowhere'"),
    ("missing-persona", _changed(_tp(0, personas=["pro", "ghost"])), "touchpoints[0].personas",
     "there is no persona with id 'ghost' (touchpoint 'Search ad')"),
    # -------------------------------------------------------------- JSON that is not map JSON
    ("duplicate-key", _sample_with(b'"version": 2,', b'"version": 2,\n  "version": 2,'), None,
     "the key 'version' appears twice"),
    ("duplicate-key-nested", _sample_with(b'"owner": "Web design",',
                                          b'"owner": "Web design", "owner": "Other",'),
     "touchpoints[1]", "the key 'owner' appears twice"),
    ("duplicate-key-deeper", _sample_with(b'"format": "tpmapper-map",',
                                          b'"format": "tpmapper-map", "x": [0, {"a": [{"k": 1, '
                                          b'"k": 2}]}],'),
     "x[1].a[0]", "the key 'k' appears twice"),
    ("nan", _sample_with(b'"roi": 1.8', b'"roi": NaN'), None, "NaN is not a number a map may hold"),
    ("infinity", _sample_with(b'"cost": 35000', b'"cost": Infinity'), None,
     "Infinity is not a number"),
    ("minus-infinity", _sample_with(b'"roi": 1.8', b'"roi": -Infinity'), None,
     "-Infinity is not a number"),
    # -------------------------------------------------------------- absurd sizes
    ("name-40000-chars", _changed(_tp(0, name="x" * 40_000)), "touchpoints[0].name",
     "text of 40,000 characters is longer than 32,767"),
    ("notes-40000-chars", _changed(_tp(0, notes="ü" * 40_000)), "touchpoints[0].notes",
     "longer than 32,767"),
    ("tags-1001", _changed(_tp(0, tags=[f"t{i}" for i in range(1001)])), "touchpoints[0].tags",
     "1,001 entries are more than 1,000"),
    ("nesting-lists", b"[" * 100_000, None, "nested absurdly deep"),
    ("nesting-objects", b'{"a":' * 100_000, "a", "nested absurdly deep"),
    ("nesting-inside-map", _sample_with(b'"roi": 1.8', b'"roi": ' + b"[" * 100_000),
     "touchpoints", "nested absurdly deep"),
    ("integer-5000-digits", b'{"format": "tpmapper-map", "version": ' + b"7" * 5000 + b"}", None,
     "a number of 5,000 digits is too large"),
    ("integer-400-digits-cost", _sample_with(b'"cost": 35000', b'"cost": 1' + b"0" * 400), None,
     "a number of 401 digits is too large"),
    ("integer-400-digits-rating", _sample_with(b'"importance": 3', b'"importance": -' + b"9" * 400),
     None, "400 digits is too large"),
    # -------------------------------------------------------------- views (format version 2)
    ("views-not-list", _changed(lambda d: d.update(views={})), "views", "expected a list"),
    ("view-not-object", _changed(lambda d: d["views"].insert(1, "Everything")), "views[1]",
     "expected an object"),
    ("view-without-id", _changed(_drop("views", 1, "id")), "views[1]",
     "missing required field 'id'"),
    ("view-without-name", _changed(_drop("views", 0, "name")), "views[0]",
     "missing required field 'name'"),
    ("view-name-blank", _changed(_view(2, name=" ")), "views[2].name", "must not be empty"),
    ("view-id-with-space", _changed(_view(0, id="my view")), "views[0].id",
     "'my view' is not a valid id"),
    ("duplicate-view-id", _changed(_view(2, id="v-pain")), "views[2].id",
     "the id 'v-pain' is used twice (also by views[0])"),
    ("view-colour-mood", _changed(_view(1, colour_mode="mood")), "views[1].colour_mode",
     "'mood' is not one of: rating, gap, owner, ownership, channel, medium (in 'Everything')"),
    ("view-colour-null", _changed(_view(1, colour_mode=None)), "views[1].colour_mode",
     "must be one of: rating, gap"),
    ("view-unknown-field", _changed(_view(0, zoom=2)), "views[0].zoom", "unknown field 'zoom'"),
    ("filter-null", _changed(_view(0, filter=None)), "views[0].filter", "expected an object"),
    ("filter-list", _changed(_view(0, filter=["rating"])), "views[0].filter",
     "expected an object"),
    ("filter-unknown-key", _changed(_filter(1, channels=["email"])), "views[1].filter.channels",
     "unknown field 'channels'"),
    ("filter-rating-min-9", _changed(_filter(0, rating_min=9)), "views[0].filter.rating_min",
     "9 is outside 1–5"),
    ("filter-rating-max-0", _changed(_filter(2, rating_max=0)), "views[2].filter.rating_max",
     "0 is outside 1–5"),
    ("filter-rating-fraction", _changed(_filter(2, rating_max=2.5)),
     "views[2].filter.rating_max", "2.5 is not a whole number from 1 to 5"),
    ("filter-rating-range-inverted", _changed(_filter(0, rating_min=4, rating_max=2)),
     "views[0].filter.rating_min", "4 is above rating_max (2)"),
    ("filter-moment-unknown", _changed(_filter(0, moments=["pain_point", "meh"])),
     "views[0].filter.moments", "entry 2: 'meh' is not one of: pain_point, positive"),
    ("filter-moment-twice", _changed(_filter(0, moments=["positive", "positive"])),
     "views[0].filter.moments", "entry 2: 'positive' appears twice"),
    ("filter-moments-word", _changed(_filter(0, moments="pain_point")),
     "views[0].filter.moments", "expected a list of words, got text"),
    ("filter-phase-bad-id", _changed(_filter(0, phases=["buy", "a b"])),
     "views[0].filter.phases", "entry 2: 'a b' is not a valid id"),
    ("filter-tag-empty", _changed(_filter(1, tags=[""])), "views[1].filter.tags",
     "entry 1: must not be empty"),
    ("filter-owner-twice", _changed(_filter(1, owners=["", ""])), "views[1].filter.owners",
     "entry 2: '' appears twice"),
    ("filter-owner-number", _changed(_filter(1, owners=[7])), "views[1].filter.owners",
     "entry 1: expected text, got a number"),
    ("filter-text-control", _changed(_filter(1, text="a\x1b")), "views[1].filter.text",
     "the control character U+001B"),
    ("filter-personas-not-list", _changed(_filter(1, personas="hunter")),
     "views[1].filter.personas", "expected a list of ids, got text"),
]  # fmt: skip


@pytest.mark.parametrize(("data", "place", "reason"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])  # fmt: skip
def test_refused_with_file_place_and_reason(
    tmp_path: Path, data: bytes, place: str | None, reason: str
) -> None:
    path = tmp_path / "shop.tpmap"
    path.write_bytes(data)
    _assert_refused(path, place, reason)


@pytest.mark.parametrize(("data", "place", "reason"), [c[1:] for c in CASES[:12]],
                         ids=[c[0] for c in CASES[:12]])  # fmt: skip
def test_loads_names_the_given_source(data: bytes, place: str | None, reason: str) -> None:
    with pytest.raises(MapFileError) as caught:
        loads(data, "from-the-clipboard")
    assert str(caught.value).startswith("from-the-clipboard: ")
    assert reason in caught.value.reason


def test_rating_message_reads_as_one_sentence(tmp_path: Path) -> None:
    path = tmp_path / "shop.tpmap"
    path.write_bytes(_changed(_tp(2, customer_rating=9)))
    with pytest.raises(MapFileError) as caught:
        load(path)
    assert str(caught.value) == (
        f"{path}: touchpoints[2].customer_rating: 9 is outside 1–5 "
        "(in 'Warenkorb 🛒 (Größe prüfen)')"
    )


def test_a_bad_value_in_the_sample_is_refused_at_its_index(tmp_path: Path) -> None:
    path = tmp_path / "shop.tpmap"
    path.write_bytes(_sample_with(b'"customer_rating": 3', b'"customer_rating": 9'))
    error = _assert_refused(path, "touchpoints[2].customer_rating", "9 is outside 1–5")
    assert "touchpoints[2].customer_rating" in str(error)
    assert "9 is outside 1–5" in str(error)


def test_a_long_name_is_not_repeated_in_the_message(tmp_path: Path) -> None:
    path = tmp_path / "shop.tpmap"
    path.write_bytes(_changed(_tp(0, name="y" * 40_000)))
    with pytest.raises(MapFileError) as caught:
        load(path)
    assert len(str(caught.value)) < 200 + len(str(path))


# ---------------------------------------------------------------------- limits


def test_file_over_the_byte_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tpmap, "MAX_FILE_BYTES", 1000)
    path = tmp_path / "big.tpmap"
    path.write_bytes(SAMPLE)
    _assert_refused(path, None, "is larger than")
    small = tmp_path / "small.tpmap"
    small.write_bytes(b" " * 1000)  # at the limit is still read (and found empty)
    _assert_refused(small, None, "the file is empty")


def test_the_byte_limit_is_64_mib() -> None:
    assert tpmap.MAX_FILE_BYTES == 64 * 1024 * 1024
    with pytest.raises(MapFileError, match="larger than 64 MiB"):
        loads(b" " * (tpmap.MAX_FILE_BYTES + 1))


@pytest.mark.parametrize(
    ("key", "count"),
    [("personas", 2), ("phases", 2), ("lanes", 5), ("touchpoints", 5), ("links", 5), ("views", 3)],
    ids=["personas", "phases", "lanes", "touchpoints", "links", "views"],
)
def test_too_many_elements(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, key: str, count: int
) -> None:
    path = tmp_path / "many.tpmap"
    path.write_bytes(dumps(map_with_views()))
    assert len(load(path).snapshot()) > 0  # loads at the real limits
    monkeypatch.setitem(tpmap.LIMITS, key, count - 1)
    _assert_refused(path, key, f"{count} entries are more than a map may hold ({count - 1})")


def test_limits_are_far_above_a_real_map() -> None:
    assert tpmap.LIMITS == {
        "personas": 1_000,
        "phases": 200,
        "lanes": 200,
        "touchpoints": 30_000,  # the canvas is measured with 10,000 cards
        "links": 75_000,
        "views": 1_000,
    }


def test_exactly_at_the_limit_is_accepted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(tpmap.LIMITS, "touchpoints", 5)
    monkeypatch.setitem(tpmap.LIMITS, "links", 5)
    assert loads(dumps(every_field_map())) == every_field_map()


def test_text_of_exactly_32767_characters_is_accepted() -> None:
    data = _changed(_tp(0, notes="ä" * 32_767))
    assert len(loads(data).touchpoint("tp-ad").notes) == 32_767


# ---------------------------------------------------------------------- what is not a file


def test_a_directory(tmp_path: Path) -> None:
    folder = tmp_path / "maps.tpmap"
    folder.mkdir()
    _assert_refused(folder, None, "is a folder, not a map file")


def test_a_missing_file(tmp_path: Path) -> None:
    _assert_refused(tmp_path / "gone.tpmap", None, "no such file")


def test_a_file_in_a_missing_folder(tmp_path: Path) -> None:
    _assert_refused(tmp_path / "nowhere" / "gone.tpmap", None, "no such file")


def test_a_path_through_a_file(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    _assert_refused(tmp_path / "file" / "map.tpmap", None, "cannot be read: not a directory")


# ---------------------------------------------------------------------- never anything else

_STRANGE_VALUES: list[Any] = [
    None, True, False, 0, -1, 1, 3, 1.5, 2.0, 10**300, -(10**300), 1e308, -1e308, 5e-324,
    "", " ", "x", "a b", "a\x00", "\u2028", "ü" * 40_000, [], ["a"], ["a", "a"], [1], [None],
    {}, {"a": 1}, "#ffffff",
]  # fmt: skip


def _load_or_error(data: bytes, source: str) -> JourneyMap | MapFileError:
    """The map, or the MapFileError; any other exception goes on and fails the test."""
    try:
        return loads(data, source)
    except MapFileError as error:
        return error


def _check_never_anything_else(document: dict[str, Any], place_prefix: str) -> None:
    result = _load_or_error(json.dumps(document).encode(), "fuzz.tpmap")
    if isinstance(result, MapFileError):
        assert str(result).startswith("fuzz.tpmap: ")
        assert result.place is None or result.place.startswith(place_prefix), str(result)
        return
    # accepted: then it must survive a save and load unchanged
    assert loads(dumps(result)) == result
    assert dumps(loads(dumps(result))) == dumps(result)


@pytest.mark.parametrize("field", field_names(Touchpoint))
def test_strange_touchpoint_values_load_or_raise_map_file_error(field: str) -> None:
    for value in [*_STRANGE_VALUES, 10**400]:
        document = _base()
        document["touchpoints"][0][field] = value
        _check_never_anything_else(document, "")  # links may name the old id
        document["links"] = []
        _check_never_anything_else(document, "touchpoints[0]")


@pytest.mark.parametrize(
    ("key", "field"),
    [
        *((k, f) for k in ("personas", "phases", "lanes") for f in ("id", "name", "description")),
        ("phases", "colour"),
        ("lanes", "kind"),
        ("links", "from"),
        ("links", "to"),
        ("links", "label"),
        ("links", "share"),
    ],
    ids=lambda x: x,
)
def test_strange_values_elsewhere_load_or_raise_map_file_error(key: str, field: str) -> None:
    for value in [*_STRANGE_VALUES, 10**400]:
        document = _base()
        document[key][0][field] = value
        _check_never_anything_else(document, "")


@pytest.mark.parametrize("key", ["title", "description", "format", "version", "personas",
                                 "phases", "lanes", "touchpoints", "links", "views"])  # fmt: skip
def test_strange_top_level_values_load_or_raise_map_file_error(key: str) -> None:
    for value in [*_STRANGE_VALUES, 10**400]:
        document = _base()
        document[key] = value
        _check_never_anything_else(document, "")


@pytest.mark.parametrize(
    ("where", "field"),
    [*(("view", f) for f in field_names(View)), *(("filter", f) for f in field_names(ViewFilter))],
    ids=lambda x: x,
)
def test_strange_view_values_load_or_raise_map_file_error(where: str, field: str) -> None:
    for value in [*_STRANGE_VALUES, 10**400]:
        for index in range(3):
            document = _base()
            view = document["views"][index]
            (view if where == "view" else view.setdefault("filter", {}))[field] = value
            _check_never_anything_else(document, f"views[{index}]")


def test_a_view_refusal_reads_as_one_sentence() -> None:
    with pytest.raises(MapFileError) as caught:
        loads(_changed(_filter(0, rating_min=9)), "shop.tpmap")
    assert str(caught.value) == "shop.tpmap: views[0].filter.rating_min: 9 is outside 1–5"


def test_a_view_may_name_ids_the_map_does_not_have() -> None:
    journey = loads(_changed(_filter(1, phases=["ghost"], lanes=["x"], personas=["nobody"])))
    assert journey.views["v-all"].filter.phases == ("ghost",)
    assert not any(journey.views["v-all"].filter.matches(tp) for tp in journey.touchpoints())


def test_every_cut_of_the_sample_says_truncated() -> None:
    for data in (SAMPLE, SAMPLE_DE):
        for cut in range(1, len(data) - 2, 3):
            with pytest.raises(MapFileError) as caught:
                loads(data[:cut], "cut.tpmap")
            assert "may be truncated" in str(caught.value), (cut, data[cut - 10 : cut])


def test_every_single_byte_damage_raises_only_map_file_error() -> None:
    refused = 0
    for position in range(0, len(SAMPLE), 19):
        for byte in (b"\x00", b"\xff", b"{", b'"', b"9"):
            damaged = SAMPLE[:position] + byte + SAMPLE[position + 1 :]
            result = _load_or_error(damaged, "damaged.tpmap")
            if isinstance(result, MapFileError):
                refused += 1
                assert str(result).startswith("damaged.tpmap: ")
    assert refused > 1000


def test_missing_version_is_named_as_missing():
    import pytest

    from tpmapper.files.errors import MapFileError
    from tpmapper.files.tpmap import loads

    with pytest.raises(MapFileError) as caught:
        loads(b'{"format": "tpmapper-map", "title": "x"}', "m.tpmap")
    assert str(caught.value) == "m.tpmap: missing required field 'version'"


def test_a_huge_format_value_is_shortened_in_the_message():
    import pytest

    from tpmapper.files.errors import MapFileError
    from tpmapper.files.tpmap import loads

    with pytest.raises(MapFileError) as caught:
        loads(('{"format": "' + "x" * 10_000 + '", "version": 1}').encode(), "m.tpmap")
    assert len(str(caught.value)) < 200
    assert "…" in str(caught.value)
