"""Saving and loading give back the same map, and the same map always gives the same bytes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.files.maps import (
    BUNDLED,
    every_field_map,
    every_field_touchpoint,
    every_field_views,
    map_with_views,
    minimal_map,
)
from tpmapper.files import dumps, load, loads, save
from tpmapper.model import (
    ColourMode,
    Directness,
    JourneyMap,
    Lane,
    LaneKind,
    Medium,
    Moment,
    Ownership,
    Persona,
    Phase,
    Touchpoint,
    View,
    ViewFilter,
)
from tpmapper.model.edits import (
    AddLink,
    AddTouchpoint,
    AddView,
    MoveTouchpoint,
    MoveView,
    RemoveLink,
    RemoveTouchpoint,
    RemoveView,
    UpdateLink,
    UpdateTouchpoint,
    UpdateView,
)
from tpmapper.model.elements import defaults_of, field_names


def _document(journey: JourneyMap) -> dict:
    return json.loads(dumps(journey))


# ---------------------------------------------------------------------- the test map itself


def test_every_field_map_sets_every_touchpoint_field_to_a_non_default() -> None:
    journey = every_field_map()
    defaults = defaults_of(Touchpoint)
    for tp in journey.touchpoints():
        for name, default in defaults.items():
            assert getattr(tp, name) != default, f"{tp.id}.{name} is left at its default"


@pytest.mark.parametrize(
    "kind", [Ownership, Directness, Medium, Moment, LaneKind], ids=lambda k: k.__name__
)
def test_every_field_map_uses_every_member_of_the_small_vocabularies(kind: type) -> None:
    journey = every_field_map()
    used = {getattr(tp, name) for tp in journey.touchpoints() for name in field_names(Touchpoint)}
    used |= {lane.kind for lane in journey.lanes}
    assert set(kind) <= used


def test_every_field_map_has_both_flags_and_link_extras() -> None:
    journey = every_field_map()
    assert {tp.influenceable for tp in journey.touchpoints()} == {True, False}
    assert any(link.label and link.share is not None for link in journey.links())
    assert any(link.source == link.target for link in journey.links())  # a loop on itself


# ---------------------------------------------------------------------- save, then load


@pytest.mark.parametrize(
    "build",
    [
        every_field_map,
        map_with_views,
        minimal_map,
        lambda: JourneyMap("Empty"),
        lambda: JourneyMap("Only description", "but nothing else"),
    ],
    ids=["every-field", "views", "minimal", "empty", "description-only"],
)
def test_save_then_load_gives_an_equal_map(tmp_path: Path, build) -> None:
    original = build()
    path = tmp_path / "map.tpmap"
    save(original, path)
    loaded = load(path)
    assert loaded == original
    assert loaded.snapshot() == original.snapshot()
    assert dumps(loaded) == path.read_bytes()


def test_loaded_values_have_the_model_types(tmp_path: Path) -> None:
    path = tmp_path / "map.tpmap"
    save(every_field_map(), path)
    tp = load(path).touchpoint("tp-ad")
    assert tp.ownership is Ownership.PAID
    assert tp.directness is Directness.INDIRECT
    assert tp.medium is Medium.ANALOG
    assert tp.moment is Moment.POSITIVE
    assert tp.influenceable is False
    assert tp.customer_rating == 1
    assert type(tp.customer_rating) is int
    assert type(tp.reach) is int
    assert tp.reach == 0
    for name in ("conversion_rate", "satisfaction", "roi", "cost"):
        assert type(getattr(tp, name)) is float, name
    assert tp.cost == 0.0
    assert tp.conversion_rate == 0.0
    assert tp.satisfaction == 1.0
    assert tp.personas == ("pro",)
    assert tp.tags == ("checkout", "ärgerlich")
    assert isinstance(tp.feedback_sources, tuple)


def test_every_field_is_read_back_field_by_field() -> None:
    original = every_field_map()
    loaded = loads(dumps(original))
    for before, after in zip(original.touchpoints(), loaded.touchpoints(), strict=True):
        for name in field_names(Touchpoint):
            assert getattr(after, name) == getattr(before, name), f"{before.id}.{name}"
    assert loaded.links() == original.links()
    assert list(loaded.personas) == list(original.personas)
    assert list(loaded.phases) == list(original.phases)
    assert list(loaded.lanes) == list(original.lanes)
    assert (loaded.title, loaded.description) == (original.title, original.description)


def test_unset_values_are_left_out_of_the_file() -> None:
    document = _document(minimal_map())
    assert list(document) == [
        "format",
        "version",
        "title",
        "personas",
        "phases",
        "lanes",
        "touchpoints",
        "links",
        "views",
    ]
    assert document["views"] == []  # written, like the other lists, when empty
    assert document["phases"] == [{"id": "p", "name": "Phase"}]  # default colour left out
    assert document["lanes"] == [{"id": "l", "name": "Lane"}]  # default kind left out
    assert document["touchpoints"][0] == {"id": "t1", "name": "One", "phase": "p", "lane": "l"}
    assert document["links"] == [{"from": "t1", "to": "t2"}]
    assert "null" not in dumps(minimal_map()).decode()


def test_zero_and_false_are_written_not_mistaken_for_unset() -> None:
    ad = _document(every_field_map())["touchpoints"][0]
    assert ad["id"] == "tp-ad"
    assert ad["influenceable"] is False
    assert ad["cost"] == 0
    assert ad["reach"] == 0
    assert ad["conversion_rate"] == 0


def test_whole_numbers_are_written_without_a_fraction() -> None:
    text = dumps(every_field_map()).decode()
    assert '"cost": 0,' in text
    assert '"satisfaction": 1,' in text
    assert '"reach": 410000,' in text
    assert '"cost": 12500.5,' in text
    assert ".0," not in text


def test_fields_are_written_in_declaration_order() -> None:
    document = _document(every_field_map())
    kinds = {"personas": Persona, "phases": Phase, "lanes": Lane, "touchpoints": Touchpoint}
    for key, kind in kinds.items():
        for record in document[key]:
            assert list(record) == [name for name in field_names(kind) if name in record], key
    for record in document["touchpoints"]:  # every field set: every field written
        assert list(record) == list(field_names(Touchpoint))
    for record in document["links"]:
        assert list(record)[:2] == ["from", "to"]
        assert set(record) <= {"from", "to", "label", "share"}


def test_links_use_from_and_to() -> None:
    links = _document(every_field_map())["links"]
    assert links[0] == {"from": "tp-ad", "to": "tp-cart", "label": "Klickt 👉", "share": 0.5}
    assert {"from": "tp-review", "to": "tp-cart"} in links
    assert not any("source" in link or "target" in link for link in links)


def test_unicode_survives_and_is_written_as_utf8_not_escaped(tmp_path: Path) -> None:
    path = tmp_path / "ümlaut 🚀.tpmap"
    save(every_field_map(), path)
    data = path.read_bytes()
    for text in ("Öffentlicher", "Schnäppchenjäger", "Größe", "🛒", "🚀", "😀", "«quotes»"):
        assert text.encode("utf-8") in data
    assert b"\\u00" not in data
    loaded = load(path)
    assert loaded.title == "Öffentlicher Shop – Journey 🚀"
    assert loaded.touchpoint("tp-cart").name == "Warenkorb 🛒 (Größe prüfen)"
    assert loaded.touchpoint("tp-cart").description.count("\n") == 1


def test_output_layout_is_two_space_json_with_one_final_newline() -> None:
    data = dumps(every_field_map())
    text = data.decode("utf-8")
    assert text.startswith('{\n  "format": "tpmapper-map",\n  "version": 2,\n')
    assert text.endswith("}\n")
    assert not text.endswith("\n\n")
    assert "\r" not in text
    assert "\t" not in text  # the tab in a description is written as \t
    assert not data.startswith(b"\xef\xbb\xbf")
    for line in text.splitlines():
        assert line == line.rstrip(), "trailing space"
        indent = len(line) - len(line.lstrip(" "))
        assert indent % 2 == 0


# ---------------------------------------------------------------------- order within cells


def _two_in_one_cell(first: str, second: str) -> JourneyMap:
    journey = JourneyMap("Cells")
    journey.phases.insert(Phase("p", "P"))
    journey.lanes.insert(Lane("l", "L"))
    journey.insert_touchpoint(Touchpoint(first, first.upper(), "p", "l"))
    journey.insert_touchpoint(Touchpoint(second, second.upper(), "p", "l"))
    return journey


def test_touchpoint_order_in_the_file_is_the_order_within_the_cell() -> None:
    journey = _two_in_one_cell("b", "a")
    assert [tp["id"] for tp in _document(journey)["touchpoints"]] == ["b", "a"]
    assert loads(dumps(journey)).cell("p", "l") == ("b", "a")


def test_reading_puts_touchpoints_in_file_order_within_their_cell() -> None:
    document = _document(_two_in_one_cell("a", "b"))
    document["touchpoints"].reverse()
    loaded = loads(json.dumps(document).encode())
    assert loaded.cell("p", "l") == ("b", "a")


def test_file_lists_touchpoints_phase_by_phase_then_lane_by_lane() -> None:
    ids = [tp["id"] for tp in _document(every_field_map())["touchpoints"]]
    assert ids == ["tp-ad", "tp-review", "tp-cart", "tp-mail", "tp-post"]


# ---------------------------------------------------------------------- views


def test_every_field_views_set_every_view_and_filter_field() -> None:
    views = every_field_views()
    for kind, items in ((View, views), (ViewFilter, [v.filter for v in views])):
        for name, default in defaults_of(kind).items():
            assert any(getattr(item, name) != default for item in items), f"{kind}.{name}"


def test_views_are_read_back_field_by_field_in_order() -> None:
    original = map_with_views()
    loaded = loads(dumps(original))
    assert list(loaded.views) == list(original.views)
    pain = loaded.views["v-pain"]
    assert pain.colour_mode is ColourMode.OWNER
    assert pain.filter.moments == (Moment.PAIN_POINT, Moment.POSITIVE)
    assert pain.filter.owners == ("E-Commerce-Team", "")
    assert type(pain.filter.rating_min) is int
    assert "gone-phase" in pain.filter.phases  # an id the map lacks is kept


def test_views_are_written_with_defaults_and_empty_criteria_left_out() -> None:
    views = _document(map_with_views())["views"]
    assert views[1] == {"id": "v-all", "name": "Everything"}  # rating, no filter
    assert views[2] == {
        "id": "v-gap",
        "name": "Gap",
        "colour_mode": "gap",
        "filter": {"rating_max": 3},
    }
    assert list(views[0]["filter"]) == list(field_names(ViewFilter))  # in field order
    assert views[0]["filter"]["moments"] == ["pain_point", "positive"]


def test_a_filter_asking_nothing_is_left_out_even_when_given() -> None:
    journey = JourneyMap("Views")
    journey.views.insert(View("v", "V", filter=ViewFilter()))
    assert _document(journey)["views"] == [{"id": "v", "name": "V"}]


def test_view_edits_undone_leave_no_trace_in_the_file() -> None:
    reference = map_with_views()
    journey = map_with_views()
    edits = [
        AddView(View("v-new", "New", ColourMode.MEDIUM), index=0),
        UpdateView("v-pain", {"filter": ViewFilter(text="x"), "colour_mode": ColourMode.RATING}),
        MoveView("v-gap", 0),
        RemoveView("v-all"),
    ]
    for edit in edits:
        edit.apply(journey)
    edited = dumps(journey)
    assert edited != dumps(reference)
    assert [v["id"] for v in json.loads(edited)["views"]] == ["v-gap", "v-new", "v-pain"]
    for edit in reversed(edits):
        edit.revert(journey)
    assert dumps(journey) == dumps(reference)
    for edit in edits:
        edit.apply(journey)
    assert dumps(journey) == edited


def test_removing_a_phase_leaves_the_views_naming_it_as_they_are() -> None:
    from tpmapper.model.edits import RemovePhase

    journey = map_with_views()
    RemovePhase("buy").apply(journey)
    loaded = loads(dumps(journey))
    assert loaded.views["v-pain"].filter.phases == ("buy", "gone-phase")
    assert not any(loaded.views["v-pain"].filter.matches(tp) for tp in loaded.touchpoints())


# ---------------------------------------------------------------------- byte-identical re-save


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_bundled_file_is_resaved_byte_for_byte(path: Path) -> None:
    data = path.read_bytes()
    assert dumps(loads(data, path)) == data


def test_save_twice_gives_the_same_bytes(tmp_path: Path) -> None:
    first, second = tmp_path / "a.tpmap", tmp_path / "b.tpmap"
    save(every_field_map(), first)
    save(load(first), second)
    assert first.read_bytes() == second.read_bytes()


def _skeleton() -> JourneyMap:
    journey = JourneyMap("Öffentlicher Shop – Journey 🚀", "Beschreibung mit Umlauten: äöüß")
    for item in every_field_map().personas:
        journey.personas.insert(item)
    for item in every_field_map().phases:
        journey.phases.insert(item)
    for item in every_field_map().lanes:
        journey.lanes.insert(item)
    return journey


def test_the_same_map_built_in_another_order_dumps_identically() -> None:
    reference = every_field_map()
    journey = _skeleton()
    # touchpoints of the later phase first, links in reverse order
    for tp in reversed(reference.touchpoints()):
        AddTouchpoint(tp, index=0).apply(journey)
    for link in reversed(reference.links()):
        AddLink(link).apply(journey)
    assert dumps(journey) == dumps(reference)


def test_undo_and_redo_leave_no_trace_in_the_file() -> None:
    reference = every_field_map()
    journey = every_field_map()
    extra = every_field_touchpoint(id="tp-extra", name="Extra")
    edits = [
        AddTouchpoint(extra, index=0),
        UpdateTouchpoint("tp-cart", {"customer_rating": 5, "tags": ("neu",)}),
        RemoveLink("tp-ad", "tp-cart"),
        UpdateLink("tp-cart", "tp-review", {"share": 0.9, "label": ""}),
        MoveTouchpoint("tp-ad", "buy", "other", 0),
        RemoveTouchpoint("tp-review"),
    ]
    for edit in edits:
        edit.apply(journey)
    assert dumps(journey) != dumps(reference)
    for edit in reversed(edits):  # undo all
        edit.revert(journey)
    assert dumps(journey) == dumps(reference)
    for edit in edits:  # redo all, then undo all again
        edit.apply(journey)
    for edit in reversed(edits):
        edit.revert(journey)
    assert dumps(journey) == dumps(reference)


def test_remove_and_re_add_of_a_link_moves_nothing_in_the_file() -> None:
    journey = every_field_map()
    before = dumps(journey)
    link = journey.link("tp-ad", "tp-cart")
    journey.delete_link("tp-ad", "tp-cart")
    journey.insert_link(link)  # now the newest edge in the graph
    assert dumps(journey) == before


def test_different_cell_order_gives_different_bytes() -> None:
    assert dumps(_two_in_one_cell("a", "b")) != dumps(_two_in_one_cell("b", "a"))


# ---------------------------------------------------------------------- what the reader tolerates


def _tolerant_document() -> dict:
    document = _document(minimal_map())
    document["touchpoints"][0].update(
        {
            "channel": None,
            "influenceable": None,
            "customer_rating": 4.0,
            "reach": 12.0,
            "share_of_nothing": None,
        }
    )
    del document["touchpoints"][0]["share_of_nothing"]
    document["links"][0]["share"] = None
    document["phases"][0]["colour"] = "#ABCDEF"
    del document["personas"]
    return document


def test_reader_accepts_null_whole_floats_uppercase_colours_and_missing_lists() -> None:
    loaded = loads(json.dumps(_tolerant_document()).encode())
    tp = loaded.touchpoint("t1")
    assert tp.channel is None
    assert tp.influenceable is None
    assert tp.customer_rating == 4
    assert type(tp.customer_rating) is int
    assert tp.reach == 12
    assert loaded.link("t1", "t2").share is None
    assert loaded.phases["p"].colour == "#abcdef"
    assert len(loaded.personas) == 0


def test_reader_accepts_a_byte_order_mark() -> None:
    data = BUNDLED[0].read_bytes()
    assert loads(b"\xef\xbb\xbf" + data) == loads(data)


def test_reader_accepts_any_key_order_and_compact_json() -> None:
    document = _document(every_field_map())
    shuffled = {key: document[key] for key in reversed(list(document))}
    shuffled["touchpoints"] = [dict(reversed(list(tp.items()))) for tp in document["touchpoints"]]
    compact = json.dumps(shuffled, separators=(",", ":")).encode()
    assert loads(compact) == every_field_map()
